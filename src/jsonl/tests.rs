//! Unit tests of the JSON Lines records and the streaming filter.

use super::*;

const GOOD: &str =
    r#"{"title":"T","date":"20220122","url":"https://a.b/c","text":"One.Two.\nTwo."}"#;

fn opts(format: OutputFormat) -> FilterOptions {
    FilterOptions {
        clean: Options::default(),
        format,
    }
}

fn clean(line: &str) -> Result<serde_json::Value, RecordError> {
    let out = clean_line(line.as_bytes(), &opts(OutputFormat::Jsonl))?;
    Ok(serde_json::from_slice(&out).unwrap())
}

#[test]
fn a_record_cleans_like_its_scraped_file() {
    let v = clean(GOOD).unwrap();
    assert_eq!(v["paragraphs"], serde_json::json!(["One.", "Two."]));
    assert_eq!(v["date"], "2022-01-22");
    let text = crate::clean(
        b"T\n20220122\nhttps://a.b/c\nOne.Two.\nTwo.",
        &Options::default(),
    );
    assert_eq!(v["stats"]["input_bytes"], text.unwrap().stats.input_bytes);
}

#[test]
fn carried_fields_come_first_byte_for_byte_and_cleaned_fields_win() {
    let line = r#"{"id": 12345678901234567890123, "x": {"b": 1e5, "a": "\u00e9"},"#.to_string()
        + r#" "stats": 1, "title":"T","date":"20220122","url":"https://a.b/c","text":"A."}"#;
    let out = clean_line(line.as_bytes(), &opts(OutputFormat::Jsonl)).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with(
            r#"{"id":12345678901234567890123,"x":{"b": 1e5, "a": "\u00e9"},"title":"T","#
        ),
        "{out}"
    );
    assert!(out.ends_with("}\n") && !out[..out.len() - 1].contains('\n'));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["stats"]["paragraphs"], 1);
    assert!(v.get("text").is_none());
}

#[test]
fn without_a_header_a_records_own_title_passes_through() {
    let mut o = opts(OutputFormat::Jsonl);
    o.clean.no_header = true;
    let out = clean_line(br#"{"title":"not checked","text":"A."}"#, &o).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["title"], "not checked");
    assert_eq!(v["date"], serde_json::Value::Null);
    assert_eq!(v["paragraphs"], serde_json::json!(["A."]));
}

#[test]
fn text_output_ends_each_article_with_an_empty_line() {
    let out = clean_line(GOOD.as_bytes(), &opts(OutputFormat::Text)).unwrap();
    assert_eq!(out, b"T\n20220122\nhttps://a.b/c\nOne.\nTwo.\n\n");
}

#[test]
fn each_shape_error_names_what_is_wrong() {
    let err = |line: &str| clean(line).unwrap_err();
    assert!(matches!(err("{\"title\":"), RecordError::Syntax { .. }));
    assert!(
        err("{\"a\" 1}").to_string().ends_with("at column 6"),
        "{}",
        err("{\"a\" 1}")
    );
    assert!(matches!(err("[1, 2"), RecordError::Syntax { .. }));
    assert_eq!(err("[1, 2]"), RecordError::NotObject { found: "an array" });
    assert_eq!(err("{}"), RecordError::Missing { field: "text" });
    assert_eq!(
        err(r#"{"text":"a"}"#),
        RecordError::Missing { field: "title" }
    );
    assert_eq!(
        err(r#"{"text":["a"]}"#),
        RecordError::NotAString {
            field: "text",
            found: "an array"
        }
    );
    assert_eq!(
        err(r#"{"text":"a","text":"b"}"#),
        RecordError::Duplicate { field: "text" }
    );
    assert_eq!(
        err(r#"{"title":"a\nb","date":"20220122","url":"https://a.b","text":"x"}"#),
        RecordError::LineBreak { field: "title" }
    );
}

#[test]
fn header_errors_are_the_text_readers_named_by_field() {
    let err = |title: &str, date: &str, url: &str, text: &str| {
        let line = serde_json::json!({"title": title, "date": date, "url": url, "text": text});
        match clean(&line.to_string()).unwrap_err() {
            RecordError::Clean { field, .. } => field,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(err(" ", "20220122", "https://a.b", "x"), "title");
    assert_eq!(err("T", "2022-13-22", "https://a.b", "x"), "date");
    assert_eq!(err("T", "20220122", "a.b", "x"), "url");
    assert_eq!(err("T", "20220122", "https://a.b", " \n "), "text");
    assert_eq!(err("T", "20220122", "https://a.b", "a\0b"), "text");
}

#[test]
fn invalid_utf8_is_an_error_unless_lossy() {
    let line =
        b"{\"title\":\"T\",\"date\":\"20220122\",\"url\":\"https://a.b\",\"text\":\"a\xFF\"}";
    let mut o = opts(OutputFormat::Jsonl);
    assert_eq!(
        clean_line(line, &o).unwrap_err(),
        RecordError::InvalidUtf8 { column: 61 }
    );
    o.clean.lossy = true;
    assert!(clean_line(line, &o).is_ok());
}

#[test]
fn read_line_drops_line_endings_and_does_not_keep_overlong_lines() {
    let mut input = BufReader::with_capacity(4, &b"ab\r\n0123456789\nlast"[..]);
    let mut buf = Vec::new();
    assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(2));
    assert_eq!(buf, b"ab");
    buf.clear();
    assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(10));
    assert!(buf.is_empty());
    assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(4));
    assert_eq!(buf, b"last");
    buf.clear();
    assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), None);
}

#[test]
fn a_crlf_line_of_exactly_max_bytes_is_not_too_large() {
    // Issue 13: the `\r` was counted, so this line came out as 6 bytes.
    for cap in [1, 2, 3, 4, 64] {
        let mut input = BufReader::with_capacity(cap, &b"12345\r\n123456\r\n1234567\r\n"[..]);
        let mut buf = Vec::new();
        assert_eq!(
            read_line(&mut input, &mut buf, 5).unwrap(),
            Some(5),
            "cap {cap}"
        );
        assert_eq!(buf, b"12345");
        buf.clear();
        // One byte over: refused, with its true length, and not kept
        // beyond the one byte a `\r` may take.
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(6));
        assert!(buf.len() <= 6);
        buf.clear();
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), Some(7));
        assert!(buf.is_empty());
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), None);
    }
}

#[test]
fn a_stream_cleans_a_crlf_record_of_exactly_max_bytes() {
    let record = r#"{"text": "One line of text."}"#;
    let mut o = opts(OutputFormat::Jsonl);
    o.clean.no_header = true;
    o.clean.max_bytes = record.len() as u64;
    let filter = Filter::new(o, Some(1)).unwrap();
    let mut out = Vec::new();
    let mut failures = Vec::new();
    let input = format!("{record}\r\n{record} \r\n");
    filter
        .run(io::Cursor::new(input.into_bytes()), &mut out, |f| {
            failures.push(f.line)
        })
        .unwrap();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
    assert_eq!(failures, [2]);
}

#[test]
fn a_stream_keeps_input_order_and_numbers_lines_from_one() {
    let mut input = String::from("\n");
    for i in 0..3000 {
        if i == 1500 {
            input.push_str("not json\n");
        }
        input.push_str(&format!(
            "{{\"n\":{i},\"title\":\"T\",\"date\":\"20220122\",\"url\":\"https://a.b\",\"text\":\"P {i}.\"}}\n"
        ));
    }
    let filter = Filter::new(opts(OutputFormat::Jsonl), Some(3)).unwrap();
    let mut out = Vec::new();
    let mut failures = Vec::new();
    let summary = filter
        .run(io::Cursor::new(input.into_bytes()), &mut out, |f| {
            failures.push(f)
        })
        .unwrap();
    assert_eq!(
        summary,
        Summary {
            records: 3001,
            cleaned: 3000,
            failed: 1
        }
    );
    assert_eq!(failures[0].line, 1502);
    let ns: Vec<u64> = out
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            serde_json::from_slice::<serde_json::Value>(l).unwrap()["n"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(ns, (0..3000).collect::<Vec<_>>());
}

#[test]
fn plain_strings_decode_as_serde_json_does() {
    // Whatever the fast path decodes, serde_json decodes the same; what it
    // leaves (`None`) goes to serde_json.
    let cases = [
        r#""""#,
        r#""plain""#,
        r#""a\nb\tc\rd""#,
        r#""q\"q\\b\/s""#,
        r#""\b\f""#,
        r#""\\""#,
        r#""\\\"""#,
        r#""é…。\n""#,
        r#""\u00e9""#,
        r#""\ud800""#,
        r#""\x""#,
        "\"raw\ttab\"",
        "\"raw\nbreak\"",
        r#""a"b""#,
        r#""a"\nb""#,
        r#""trailing\""#,
        "null",
        "12",
        r#"["a"]"#,
    ];
    for json in cases {
        let ours = record::decode_plain(json);
        if let Some(ours) = &ours {
            assert_eq!(
                Some(ours),
                serde_json::from_str::<String>(json).ok().as_ref(),
                "{json}"
            );
        }
    }
    // The common ones take the fast path.
    for json in [r#""a\nb""#, r#""q\"q\\b\/s""#, r#""é…。\n""#] {
        assert!(record::decode_plain(json).is_some(), "{json}");
    }
    for json in [r#""\u00e9""#, "\"raw\ttab\"", r#""a"b""#, "null"] {
        assert!(record::decode_plain(json).is_none(), "{json}");
    }
}
