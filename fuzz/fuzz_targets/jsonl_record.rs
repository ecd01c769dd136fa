//! Fuzz target for the JSON Lines record path (`--input-format jsonl`, one
//! record): `newsdedup::jsonl::clean_line` parses, checks, cleans and
//! renders one line. Any bytes must give a record or a typed error, never
//! a panic (which the library catches and reports as `RecordError::Panic`:
//! a finding here) nor a slow input (run with `-timeout=`). A cleaned
//! record is one line of JSON, an object.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdedup::jsonl::{clean_line, FilterOptions, OutputFormat, RecordError};
use newsdedup::Options;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, line)) = data.split_first() else {
        return;
    };
    let opts = FilterOptions {
        clean: Options {
            no_header: flags & 1 != 0,
            lossy: flags & 2 != 0,
            keep_entities: flags & 4 != 0,
            count_dropped: flags & 8 != 0,
            ..Options::default()
        },
        format: if flags & 16 != 0 {
            OutputFormat::Text
        } else {
            OutputFormat::Jsonl
        },
    };
    match clean_line(line, &opts) {
        Err(RecordError::Panic(msg)) => panic!("cleaning a record panicked: {msg}"),
        Err(_) => {}
        Ok(out) => {
            assert_eq!(out.last(), Some(&b'\n'));
            if opts.format == OutputFormat::Jsonl {
                let body = &out[..out.len() - 1];
                assert!(!body.contains(&b'\n'), "a record over two lines");
                let value: serde_json::Value =
                    serde_json::from_slice(body).expect("a record's output is JSON");
                assert!(value.is_object());
            }
        }
    }
});
