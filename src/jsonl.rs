//! JSON Lines records in and out, for pipelines. (Being written.)
