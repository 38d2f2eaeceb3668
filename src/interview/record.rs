//! How an interview is stored: schema 1 of the `interview` record. When the shape changes, bump
//! `SCHEMA`, add a step to `migrate`, and add the old version's fixture to the tests below.

use super::Interview;
use crate::storage::Record;

impl Record for Interview {
    const KIND: &'static str = "interview";
    const SCHEMA: u32 = 1;

    fn migrate(from_schema: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from_schema {
            1 => Ok(data),
            other => Err(format!("no migration from interview schema {other}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{Phase, Rating};
    use crate::storage::{decode, encode, DecodeError};

    /// An interview as schema 1 stored it: mid-question, answer typed, clock paused.
    const SCHEMA_1: &str = include_str!("fixtures/interview-schema-1.json");

    #[test]
    fn schema_1_loads() {
        let interview: Interview = decode(SCHEMA_1).unwrap();
        assert_eq!(interview.id, "19b0f1a2c3d-5e6f");
        assert_eq!(interview.phase(), Phase::Answering);
        assert_eq!(interview.current, 1);
        assert_eq!(interview.attempts[0].rating, Some(Rating::Good));
        assert_eq!(
            interview.attempts[1].answer,
            "<script>alert(1)</script> مرحبا 👋"
        );
        assert_eq!(interview.attempts[1].remaining_ms(0), 75_000);
    }

    #[test]
    fn round_trips_through_the_envelope() {
        let interview: Interview = decode(SCHEMA_1).unwrap();
        assert_eq!(decode::<Interview>(&encode(&interview)).unwrap(), interview);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let newer = SCHEMA_1.replacen("\"schema\": 1", "\"schema\": 2", 1);
        assert_eq!(
            decode::<Interview>(&newer),
            Err(DecodeError::NewerSchema {
                found: 2,
                supported: 1
            })
        );
    }
}
