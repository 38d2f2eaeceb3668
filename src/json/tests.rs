//! serde_json is the oracle: the same text written, the same values read, the same texts
//! refused.

use super::*;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

fn read(text: &str) -> Result<Value, Error> {
    from_str(text)
}

/// Any JSON value serde_json can hold, with integers of every size, floats, and strings with
/// escapes, non-ASCII text and astral characters.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f32>().prop_map(|f| Value::from(f64::from(f))),
        any::<f64>().prop_map(Value::from),
        "(\\PC|[\"\\\\\u{0}-\u{1f}\u{7f}é😀])*".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z\"\\\\é]{0,6}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn writes_what_serde_json_writes(v in value()) {
        prop_assert_eq!(to_string(&v).unwrap(), serde_json::to_string(&v).unwrap());
    }

    #[test]
    fn reads_what_serde_json_wrote(v in value()) {
        // The value itself, not serde_json's reading of it: serde_json reads some floats an
        // ulp off (`1e-45` as `1.0000000000000001e-45`); Rust's float parsing is exact.
        let text = serde_json::to_string(&v).unwrap();
        prop_assert_eq!(&read(&text).unwrap(), &v);
        // And pretty, with white space everywhere it may be.
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        prop_assert_eq!(&read(&pretty).unwrap(), &v);
    }

    #[test]
    fn an_f64_comes_back_to_the_bit(f in any::<f64>().prop_filter("finite", |f| f.is_finite())) {
        let text = to_string(&f).unwrap();
        prop_assert_eq!(from_str::<f64>(&text).unwrap().to_bits(), f.to_bits());
    }

    #[test]
    fn an_f32_comes_back_to_the_bit(f in any::<f32>().prop_filter("finite", |f| f.is_finite())) {
        let text = to_string(&f).unwrap();
        prop_assert_eq!(from_str::<f32>(&text).unwrap().to_bits(), f.to_bits());
        prop_assert_eq!(from_str::<f32>(&text).unwrap().to_bits(), serde_json::from_str::<f32>(&text).unwrap().to_bits());
    }

    #[test]
    fn text_is_refused_where_serde_json_refuses_it(text in "[\\[\\]{}\",:0-9.eE+\\- tfalsrunl\\\\u]{0,24}") {
        let ours = read(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} against {:?}", text, ours, theirs);
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn any_text_is_read_or_refused_without_a_panic(text in "\\PC{0,64}") {
        let _ = read(&text);
        let _ = fields(&text);
    }
}

#[test]
fn reads_integers_as_serde_json_does() {
    // Beyond u64 or i64, and `-0`, as floats.
    for text in [
        "0",
        "-0",
        "-1",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
    ] {
        assert_eq!(
            read(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap(),
            "{text}"
        );
    }
}

#[test]
fn reads_floats_to_the_nearest() {
    for (text, expected) in [
        ("1.5", 1.5),
        ("-2.5e-3", -0.0025),
        ("1E2", 100.0),
        ("1e-400", 0.0),
        ("0.1", 0.1),
        ("3.4028235e38", 3.4028235e38),
        ("1e-45", 1e-45),
    ] {
        assert_eq!(
            from_str::<f64>(text).unwrap().to_bits(),
            f64::to_bits(expected),
            "{text}"
        );
    }
}

#[test]
fn refuses_what_is_not_json() {
    for text in [
        "",
        " ",
        "nul",
        "tru",
        "01",
        "1.",
        ".5",
        "1e",
        "-",
        "+1",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "\"\\x\"",
        "\"\u{1}\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "[1 2]",
        "{\"a\" 1}",
        "1 2",
        "\"open",
        "[",
        "{\"a\":",
        "1E400",
        "-1e309",
    ] {
        assert!(read(text).is_err(), "{text:?}");
        assert!(serde_json::from_str::<Value>(text).is_err(), "{text:?}");
    }
}

#[test]
fn tells_text_cut_short_and_other_shapes_apart() {
    // Cut short, or not JSON: not a data error.
    for text in ["{\"a\":[1,2", "\"abc", "tr", "[1,", "{", "x"] {
        assert!(!read(text).unwrap_err().is_data(), "{text}");
    }
    // JSON of another shape: a data error.
    assert!(from_str::<u32>("\"seven\"").unwrap_err().is_data());
    assert!(from_str::<u32>("-1").unwrap_err().is_data());
    assert!(from_str::<(u32, u32)>("[1,2,3]").unwrap_err().is_data());
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(read(&deep).is_err());
    assert!(serde_json::from_str::<Value>(&deep).is_err());
    let ok = "[".repeat(100) + &"]".repeat(100);
    assert!(read(&ok).is_ok());
    // Skipping over a value has no such limit, and no recursion.
    let member = format!("{{\"data\":{deep}}}");
    assert_eq!(
        fields(&member).unwrap(),
        vec![("data".to_string(), deep.as_str())]
    );
}

#[test]
fn fields_leaves_each_value_as_its_text() {
    let text = r#" { "schema" : 3, "app":"1.0", "data": {"a": [1, "x\"}"]} } "#;
    assert_eq!(
        fields(text).unwrap(),
        vec![
            ("schema".to_string(), "3"),
            ("app".to_string(), "\"1.0\""),
            ("data".to_string(), r#"{"a": [1, "x\"}"]}"#),
        ]
    );
    assert_eq!(fields("{}").unwrap(), vec![]);
    assert!(fields("[1]").unwrap_err().is_data());
    assert!(!fields("[1").unwrap_err().is_data());
    assert!(!fields(r#"{"a":1"#).unwrap_err().is_data());
    assert!(!fields(r#"{"a":1} x"#).unwrap_err().is_data());
    assert!(!fields(r#"{"a":[1,}"#).unwrap_err().is_data());
}

/// The shapes serde derives: structs with optional and defaulted fields, every form of enum,
/// maps with number keys, tuples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Record {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    count: u32,
    ratio: f32,
    kinds: Vec<Kind>,
    tagged: Tagged,
    by_number: std::collections::BTreeMap<u32, bool>,
    by_kind: std::collections::BTreeMap<Tag, i8>,
    pair: (i64, String),
    unit: (),
    nothing: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Kind {
    Plain,
    Wrapped(u8),
    Pair(u8, u8),
    Shaped { x: i32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
enum Tag {
    Red,
    Blue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum Tagged {
    First { a: u32 },
    Second,
}

fn record() -> Record {
    Record {
        id: "q-1 \"quoted\"\n😀".into(),
        note: None,
        count: 7,
        ratio: 0.1,
        kinds: vec![
            Kind::Plain,
            Kind::Wrapped(3),
            Kind::Pair(1, 2),
            Kind::Shaped { x: -4 },
        ],
        tagged: Tagged::First { a: 2 },
        by_number: [(1, true), (20, false)].into_iter().collect(),
        by_kind: [(Tag::Red, -1), (Tag::Blue, 2)].into_iter().collect(),
        pair: (-5, "x".into()),
        unit: (),
        nothing: None,
    }
}

#[test]
fn derived_shapes_round_trip_as_serde_json_writes_them() {
    let mut r = record();
    let text = to_string(&r).unwrap();
    assert_eq!(text, serde_json::to_string(&r).unwrap());
    assert_eq!(from_str::<Record>(&text).unwrap(), r);
    r.note = Some(String::new());
    r.tagged = Tagged::Second;
    let text = to_string(&r).unwrap();
    assert_eq!(text, serde_json::to_string(&r).unwrap());
    assert_eq!(from_str::<Record>(&text).unwrap(), r);
}

#[test]
fn a_wrong_shape_is_a_data_error_with_a_message() {
    let text = to_string(&record())
        .unwrap()
        .replace("\"count\":7", "\"count\":\"seven\"");
    let error = from_str::<Record>(&text).unwrap_err();
    assert!(error.is_data());
    assert_eq!(error.to_string(), "invalid type: a string, expected u32");
    let missing = from_str::<Record>("{}").unwrap_err();
    assert_eq!(missing.to_string(), "missing field `id`");
    let unknown = from_str::<Kind>("\"Other\"").unwrap_err();
    assert!(
        unknown.to_string().starts_with("unknown variant `Other`"),
        "{unknown}"
    );
}

#[test]
fn a_map_key_that_is_not_a_string_or_number_is_an_error() {
    let map: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
    assert!(to_string(&map).is_err());
    assert!(serde_json::to_string(&map).is_err());
}
