//! The versioned envelope every stored value is wrapped in:
//! `{"schema": <u32>, "app": "<version of the app that wrote it>", "data": <record>}`.
//!
//! `schema` is the record's format version (`Record::SCHEMA`); reading an older one migrates it
//! stepwise, reading a newer one is refused, so an older copy of the app never misreads (or,
//! through `Store`, overwrites) what a newer one saved.

use std::fmt;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

/// The app version written into every envelope (for diagnosis only: reading ignores it).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A kind of value the app stores.
pub trait Record: Serialize + DeserializeOwned + 'static {
    /// The record's name in its keys, `interview-practice/<KIND>/<id>`. Lowercase, no `/`.
    const KIND: &'static str;
    /// The current format version. Bump it when the shape changes, and teach `migrate` the step.
    const SCHEMA: u32;

    /// Turns `data`, the JSON text of a record stored at `from_schema`, into the shape of
    /// `from_schema + 1`. Decoding calls it once per step from the stored schema up to `SCHEMA`.
    /// The default knows no step. Text, not a parsed value: a step that needs to change the
    /// data parses it itself, and the decoders of a generic JSON value stay out of the wasm
    /// until one does.
    fn migrate(from_schema: u32, data: String) -> Result<String, String> {
        if from_schema == Self::SCHEMA {
            Ok(data)
        } else {
            Err(format!(
                "no migration from format {from_schema} to {}",
                Self::SCHEMA
            ))
        }
    }
}

/// Why a stored value could not be read. `Display` is a short explanation for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all, including JSON cut short (a truncated write).
    NotJson,
    /// JSON, but not `{"schema": <u32>, "data": ...}`.
    NotAnEnvelope,
    /// Written by a newer version of the app, in a format this one does not know.
    NewerSchema { found: u32, supported: u32 },
    /// An older format that could not be upgraded.
    Migration(String),
    /// The right format version, but the data does not have the record's shape.
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson => f.write_str("the saved data is damaged or incomplete"),
            DecodeError::NotAnEnvelope => {
                f.write_str("the saved data was not written by Interview Practice")
            }
            DecodeError::NewerSchema { found, supported } => write!(
                f,
                "saved by a newer version of Interview Practice (format {found}; this version \
                 reads up to format {supported}): reload the page to get the newer version"
            ),
            DecodeError::Migration(reason) => write!(
                f,
                "saved by an older version of Interview Practice and could not be upgraded \
                 ({reason})"
            ),
            DecodeError::Invalid(reason) => {
                write!(
                    f,
                    "the saved data does not have the expected shape ({reason})"
                )
            }
        }
    }
}

impl std::error::Error for DecodeError {}

#[derive(Serialize)]
struct EnvelopeOut<'a, R> {
    schema: u32,
    app: &'a str,
    data: &'a R,
}

/// Wraps `record` in its envelope, as JSON.
pub(crate) fn try_encode<R: Record>(record: &R) -> Result<String, serde_json::Error> {
    serde_json::to_string(&EnvelopeOut {
        schema: R::SCHEMA,
        app: APP_VERSION,
        data: record,
    })
}

/// Wraps `record` in its envelope, as JSON.
///
/// # Panics
///
/// Only if `R`'s `Serialize` fails, which derived impls never do unless they hold a map with
/// non-string keys. `Store::save` reports that as an error instead.
pub fn encode<R: Record>(record: &R) -> String {
    try_encode(record).unwrap_or_else(|error| panic!("cannot encode a {}: {error}", R::KIND))
}

/// Reads an envelope written by `encode` (by this or an older version), migrating it to
/// `R::SCHEMA`. Never panics, whatever `raw` holds (as long as `R::migrate` does not).
pub fn decode<R: Record>(raw: &str) -> Result<R, DecodeError> {
    // A record as this version writes it (nearly all of them) is read in one pass, straight
    // into its type. Anything else (an older schema to migrate, an envelope written otherwise,
    // or data that does not fit) takes the general path below.
    if let Some((schema, data)) = as_written(raw) {
        if schema == R::SCHEMA {
            if let Ok(record) = serde_json::from_str(data) {
                return Ok(record);
            }
        }
    }
    let data = migrated(raw, R::SCHEMA, R::migrate)?;
    // Read from text again rather than with `from_value`: that would be a second copy of every
    // record's decoder in the wasm, for a path (older formats, damaged data) that is rare.
    serde_json::from_str(&data).map_err(|error| DecodeError::Invalid(error.to_string()))
}

/// The schema and the data's text of an envelope exactly as `encode` writes it,
/// `{"schema":N,"app":"…","data":…}`, found without parsing (no envelope decoder per kind of
/// record in the wasm); `None` for any other text. The data is only a candidate: the caller
/// parses it, and anything odd is read by the general path.
fn as_written(raw: &str) -> Option<(u32, &str)> {
    let rest = raw.strip_prefix(r#"{"schema":"#)?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let schema = rest[..digits].parse().ok()?;
    let rest = rest[digits..].strip_prefix(r#","app":""#)?;
    const DATA: &str = r#"","data":"#;
    let rest = &rest[rest.find(DATA)? + DATA.len()..];
    rest.strip_suffix('}').map(|data| (schema, data))
}

/// `decode`'s general path up to the migrated data, as JSON: one copy in the wasm for every
/// kind of record, not one per kind.
fn migrated(
    raw: &str,
    supported: u32,
    migrate: fn(u32, String) -> Result<String, String>,
) -> Result<String, DecodeError> {
    // Text that is not JSON is told apart from JSON of another shape: the whole text is read
    // before any field is looked for, skipped over without recursion (`RawValue`) so hostile
    // nesting cannot overflow the stack.
    serde_json::from_str::<&RawValue>(raw).map_err(|_| DecodeError::NotJson)?;
    let Envelope { schema, data } =
        serde_json::from_str(raw).map_err(|_| DecodeError::NotAnEnvelope)?;
    if schema > supported {
        return Err(DecodeError::NewerSchema {
            found: schema,
            supported,
        });
    }
    let mut data = data.get().to_owned();
    for from in schema..supported {
        data = migrate(from, data).map_err(DecodeError::Migration)?;
    }
    Ok(data)
}

/// An envelope however it was written (any order, spacing or other fields), its data left as
/// text: an object naming `schema` (a `u32`) and `data` (any value, `null` included) once each.
struct Envelope<'a> {
    schema: u32,
    data: &'a RawValue,
}

impl<'de> Deserialize<'de> for Envelope<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeFields)
    }
}

struct EnvelopeFields;

impl<'de> Visitor<'de> for EnvelopeFields {
    type Value = Envelope<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an envelope")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Envelope<'de>, A::Error> {
        let (mut schema, mut data) = (None, None);
        while let Some(name) = fields.next_key::<String>()? {
            // Named twice is no envelope this app wrote.
            let twice = match name.as_str() {
                "schema" => schema.replace(fields.next_value()?).is_some(),
                "data" => data.replace(fields.next_value()?).is_some(),
                _ => fields.next_value::<IgnoredAny>().map(|_| false)?,
            };
            if twice {
                return Err(de::Error::duplicate_field("schema or data"));
            }
        }
        match (schema, data) {
            (Some(schema), Some(data)) => Ok(Envelope { schema, data }),
            _ => Err(de::Error::missing_field("schema or data")),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::{json, Value};

    /// A test's migration step on the parsed data.
    fn step(
        data: String,
        change: impl FnOnce(Value) -> Result<Value, String>,
    ) -> Result<String, String> {
        let value = serde_json::from_str(&data).map_err(|e| e.to_string())?;
        change(value).map(|value| value.to_string())
    }

    /// A record at its first format.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub(crate) struct Note {
        pub(crate) text: String,
        pub(crate) stars: u8,
    }

    impl Record for Note {
        const KIND: &'static str = "note";
        const SCHEMA: u32 = 1;
    }

    /// A record at format 2; format 1 was `{"answer": "..."}` with no `seconds`.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Attempt {
        text: String,
        seconds: u32,
    }

    impl Record for Attempt {
        const KIND: &'static str = "attempt";
        const SCHEMA: u32 = 2;

        fn migrate(from_schema: u32, data: String) -> Result<String, String> {
            match from_schema {
                1 => step(data, |mut data| {
                    let object = data.as_object_mut().ok_or("format 1 is an object")?;
                    let answer = object.remove("answer").ok_or("format 1 has an answer")?;
                    Ok(json!({ "text": answer, "seconds": 0 }))
                }),
                _ => Err(format!("no migration from format {from_schema}")),
            }
        }
    }

    /// Three formats, to check that the steps run in order: 1 `{"n": i}`, 2 `{"n": [i]}`,
    /// 3 `{"values": [i]}`.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Chain {
        values: Vec<i64>,
    }

    impl Record for Chain {
        const KIND: &'static str = "chain";
        const SCHEMA: u32 = 3;

        fn migrate(from_schema: u32, data: String) -> Result<String, String> {
            match from_schema {
                1 => step(data, |data| Ok(json!({ "n": [data["n"]] }))),
                2 => step(data, |data| Ok(json!({ "values": data["n"] }))),
                _ => Err(format!("no migration from format {from_schema}")),
            }
        }
    }

    fn note() -> Note {
        Note {
            text: "RAID 10 \"mirrors\" then stripes — ünïcode".to_owned(),
            stars: 4,
        }
    }

    #[test]
    fn round_trip() {
        let encoded = encode(&note());
        assert_eq!(decode::<Note>(&encoded), Ok(note()));
    }

    #[test]
    fn an_envelope_as_written_is_found_without_parsing_and_any_other_still_decodes() {
        let encoded = encode(&note());
        let (schema, data) = as_written(&encoded).expect("as encode writes it");
        assert_eq!(schema, 1);
        assert_eq!(serde_json::from_str::<Note>(data).unwrap(), note());
        let data = r#"{"text":"RAID 10 \"mirrors\" then stripes — ünïcode","stars":4}"#;
        for other in [
            format!("{encoded}\n"),
            format!(r#"{{ "schema": 1, "app": "0.1.0", "data": {data} }}"#),
            format!(r#"{{"data":{data},"app":"0.1.0","schema":1}}"#),
            format!(r#"{{"schema":1,"app":"a\",\"data\":{{}}","data":{data}}}"#),
            format!(r#"{{"schema":1,"data":{data}}}"#),
        ] {
            assert_eq!(decode::<Note>(&other), Ok(note()), "{other}");
        }
        for not_written in [
            "",
            "{",
            r#"{"schema":"#,
            r#"{"schema":1"#,
            r#"{"schema":1,"app":"x"#,
        ] {
            assert_eq!(as_written(not_written), None);
        }
    }

    #[test]
    fn the_envelope_names_schema_app_and_data() {
        let encoded: Value = serde_json::from_str(&encode(&note())).unwrap();
        assert_eq!(
            encoded,
            json!({
                "schema": 1,
                "app": env!("CARGO_PKG_VERSION"),
                "data": { "text": note().text, "stars": 4 },
            })
        );
    }

    /// Schema 2 counts in halves; schema 1 data has the same shape but counted whole ones.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Halves {
        n: u32,
    }

    impl Record for Halves {
        const KIND: &'static str = "halves";
        const SCHEMA: u32 = 2;
        fn migrate(_from: u32, data: String) -> Result<String, String> {
            step(data, |data| {
                let n = data["n"].as_u64().ok_or("no n")?;
                Ok(json!({ "n": n * 2 }))
            })
        }
    }

    #[test]
    fn an_older_record_that_fits_the_new_shape_is_still_migrated() {
        let old = r#"{"kind":"halves","schema":1,"app":"0.1.0","data":{"n":3}}"#;
        assert_eq!(decode::<Halves>(old), Ok(Halves { n: 6 }));
        let current = r#"{"kind":"halves","schema":2,"app":"0.1.0","data":{"n":3}}"#;
        assert_eq!(decode::<Halves>(current), Ok(Halves { n: 3 }));
        // The one-pass read gives what the general path gives, errors included.
        let wrong = r#"{"kind":"halves","schema":2,"data":{"n":"three"}}"#;
        assert!(matches!(
            decode::<Halves>(wrong),
            Err(DecodeError::Invalid(_))
        ));
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let raw = include_str!("fixtures/note-v99.json");
        let error = decode::<Note>(raw).unwrap_err();
        assert_eq!(
            error,
            DecodeError::NewerSchema {
                found: 99,
                supported: 1
            }
        );
        assert!(error
            .to_string()
            .contains("saved by a newer version of Interview Practice"));
    }

    #[test]
    fn a_v1_fixture_migrates_to_v2() {
        let raw = include_str!("fixtures/attempt-v1.json");
        assert_eq!(
            decode::<Attempt>(raw),
            Ok(Attempt {
                text: "Use read replicas and cache.".to_owned(),
                seconds: 0,
            })
        );
        // The current format reads without migrating.
        let current = encode(&Attempt {
            text: "t".to_owned(),
            seconds: 5,
        });
        assert_eq!(decode::<Attempt>(&current).unwrap().seconds, 5);
    }

    #[test]
    fn migrations_run_stepwise_in_order() {
        let v1 = r#"{"schema":1,"app":"0.0.1","data":{"n":7}}"#;
        let v2 = r#"{"schema":2,"app":"0.0.2","data":{"n":[8]}}"#;
        assert_eq!(decode::<Chain>(v1), Ok(Chain { values: vec![7] }));
        assert_eq!(decode::<Chain>(v2), Ok(Chain { values: vec![8] }));
    }

    #[test]
    fn a_failed_or_missing_migration_is_reported() {
        let broken_v1 = r#"{"schema":1,"app":"0.0.1","data":["not", "an", "object"]}"#;
        assert!(matches!(
            decode::<Attempt>(broken_v1),
            Err(DecodeError::Migration(_))
        ));
        let v0 = r#"{"schema":0,"app":"0.0.0","data":{}}"#;
        assert!(matches!(
            decode::<Attempt>(v0),
            Err(DecodeError::Migration(_))
        ));
        // The default `migrate` knows no step.
        assert!(matches!(decode::<Note>(v0), Err(DecodeError::Migration(_))));
    }

    #[test]
    fn truncated_json_is_an_error_at_every_cut() {
        let encoded = encode(&note());
        for cut in 0..encoded.len() {
            // Cutting inside a multi-byte character leaves bytes that are not UTF-8 at all.
            let bytes = &encoded.as_bytes()[..cut];
            let raw = String::from_utf8_lossy(bytes);
            assert_eq!(
                decode::<Note>(&raw),
                Err(DecodeError::NotJson),
                "cut at {cut}"
            );
        }
        assert_eq!(decode::<Note>(&encoded), Ok(note()));
    }

    #[test]
    fn the_wrong_shapes_are_typed() {
        for raw in ["", " ", "{", "nul", "{\"schema\":1,}", "{} {}", "\u{0}"] {
            assert_eq!(decode::<Note>(raw), Err(DecodeError::NotJson), "{raw:?}");
        }
        for raw in [
            "null",
            "1",
            "\"text\"",
            "[1]",
            "{}",
            r#"{"data":{}}"#,
            r#"{"schema":1}"#,
            r#"{"schema":"1","data":{}}"#,
            r#"{"schema":-1,"data":{}}"#,
            r#"{"schema":1.5,"data":{}}"#,
            r#"{"schema":4294967296,"data":{}}"#,
            r#"{"schema":1,"schema":1,"data":{}}"#,
            r#"{"schema":1,"data":{},"data":{}}"#,
            r#"[1,{"text":"x","stars":1}]"#,
        ] {
            assert_eq!(
                decode::<Note>(raw),
                Err(DecodeError::NotAnEnvelope),
                "{raw:?}"
            );
        }
        for raw in [
            r#"{"schema":1,"data":null}"#,
            r#"{"schema":1,"data":{"text":"x"}}"#,
            r#"{"schema":1,"data":{"text":"x","stars":300}}"#,
        ] {
            assert!(
                matches!(decode::<Note>(raw), Err(DecodeError::Invalid(_))),
                "{raw:?}"
            );
        }
        // Deep nesting never reaches the stack: the envelope skips over its data without
        // recursion (valid JSON, but not a note), and a record's decoder is held to serde_json's
        // recursion limit.
        let deep = |inner: &str| {
            format!(
                "{{\"schema\":1,\"data\":{}{inner}{}}}",
                "[".repeat(100_000),
                "]".repeat(100_000)
            )
        };
        assert!(matches!(
            decode::<Note>(&deep("")),
            Err(DecodeError::Invalid(_))
        ));
        assert_eq!(decode::<Note>(&deep("}")), Err(DecodeError::NotJson));
    }

    #[test]
    fn the_app_version_is_not_needed_to_read() {
        let raw = r#"{"schema":1,"data":{"text":"x","stars":1},"extra":true}"#;
        assert_eq!(
            decode::<Note>(raw),
            Ok(Note {
                text: "x".to_owned(),
                stars: 1
            })
        );
    }

    #[test]
    fn every_error_explains_itself() {
        for error in [
            DecodeError::NotJson,
            DecodeError::NotAnEnvelope,
            DecodeError::NewerSchema {
                found: 2,
                supported: 1,
            },
            DecodeError::Migration("m".to_owned()),
            DecodeError::Invalid("i".to_owned()),
        ] {
            assert!(!error.to_string().is_empty());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        #[derive(Debug, Serialize, Deserialize)]
        struct Level {
            v: f32,
        }

        impl Record for Level {
            const KIND: &'static str = "level";
            const SCHEMA: u32 = 1;
        }

        proptest! {
            #[test]
            fn decode_never_panics_on_strings(raw in any::<String>()) {
                let _ = decode::<Note>(&raw);
                let _ = decode::<Attempt>(&raw);
                let _ = decode::<Chain>(&raw);
            }

            #[test]
            fn decode_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
                let raw = String::from_utf8_lossy(&bytes);
                let _ = decode::<Note>(&raw);
                let _ = decode::<Chain>(&raw);
            }

            #[test]
            fn decode_never_panics_on_json_like_text(
                raw in r#"[{}\[\]":,0-9a-z\- .e]{0,64}"#,
                schema in 0u32..5,
            ) {
                let _ = decode::<Note>(&raw);
                let _ = decode::<Chain>(&raw);
                let wrapped = format!("{{\"schema\":{schema},\"data\":{raw}}}");
                let _ = decode::<Note>(&wrapped);
                let _ = decode::<Attempt>(&wrapped);
                let _ = decode::<Chain>(&wrapped);
            }

            #[test]
            fn round_trips_any_note(text in any::<String>(), stars in any::<u8>()) {
                let note = Note { text, stars };
                prop_assert_eq!(decode::<Note>(&encode(&note)), Ok(note));
            }

            /// Memory states are stored as `f32`s: each comes back to the bit.
            #[test]
            fn round_trips_any_f32(v in any::<f32>().prop_filter("finite", |v| v.is_finite())) {
                let read = decode::<Level>(&encode(&Level { v })).unwrap();
                prop_assert_eq!(read.v.to_bits(), v.to_bits());
            }
        }
    }
}
