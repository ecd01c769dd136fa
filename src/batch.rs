//! Batch cleaning: walking directories, cleaning files in parallel, writing
//! results atomically. (Being written.)
