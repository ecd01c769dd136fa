//! Scrape simulator. (Being written.)
