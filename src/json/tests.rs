//! serde_json is the oracle: the same text written, and read back as it was.

use super::*;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    fn an_f32_comes_back_to_the_bit(f in any::<f32>().prop_filter("finite", |f| f.is_finite())) {
        // What the app stores holds f32s (memory states): serde_json reads them exactly.
        let text = to_string(&f).unwrap();
        prop_assert_eq!(serde_json::from_str::<f32>(&text).unwrap().to_bits(), f.to_bits());
    }
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
    assert_eq!(serde_json::from_str::<Record>(&text).unwrap(), r);
    r.note = Some(String::new());
    r.tagged = Tagged::Second;
    let text = to_string(&r).unwrap();
    assert_eq!(text, serde_json::to_string(&r).unwrap());
    assert_eq!(serde_json::from_str::<Record>(&text).unwrap(), r);
}

#[test]
fn a_map_key_that_is_not_a_string_or_number_is_an_error() {
    let map: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
    assert!(to_string(&map).is_err());
    assert!(serde_json::to_string(&map).is_err());
}
