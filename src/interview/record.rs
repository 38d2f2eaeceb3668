//! How an interview is stored: schema 2 of the `interview` record. When the shape changes, bump
//! `SCHEMA`, add a step to `migrate`, and add the old version's fixture to the tests below.
//!
//! - Schema 1: long field names, marks as a list of booleans.
//! - Schema 2: short names (interview, set-up, attempts, clocks), marks as `"101"`, empty and
//!   absent values left out, so a long history fits the storage budget (`budget` below). Its
//!   types read schema 1's names too, so the step from 1 to 2 changes nothing in the data.

use super::Interview;
use crate::storage::Record;

impl Record for Interview {
    const KIND: &'static str = "interview";
    const SCHEMA: u32 = 2;

    fn migrate(from_schema: u32, data: String) -> Result<String, String> {
        match from_schema {
            1 | 2 => Ok(data),
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
    /// The same interview as schema 2 stores it.
    const SCHEMA_2: &str = include_str!("fixtures/interview-schema-2.json");

    #[test]
    fn schema_2_loads_and_equals_schema_1() {
        let two: Interview = decode(SCHEMA_2).unwrap();
        let one: Interview = decode(SCHEMA_1).unwrap();
        assert_eq!(two, one);
        assert_eq!(encode(&one), SCHEMA_2.trim());
    }

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
        let newer = SCHEMA_1.replacen("\"schema\": 1", "\"schema\": 3", 1);
        assert_eq!(
            decode::<Interview>(&newer),
            Err(DecodeError::NewerSchema {
                found: 3,
                supported: 2
            })
        );
    }
}

#[cfg(test)]
mod budget {
    use crate::interview::{Interview, Rating, Setup};
    use crate::storage::{encode, record_key};

    /// 1,000 completed five-question interviews with 300-character answers, the newest 50
    /// keeping their answers (as `progress` compacts them): under 2 MB of keys and values,
    /// counted as the browser holds them (two bytes per UTF-16 code unit).
    #[test]
    fn a_thousand_interviews_fit_in_two_megabytes() {
        let ids = [
            "dba-read-replicas-multi-az",
            "ops-virtual-private-cloud",
            "deploy-configuration-management",
            "dba-raid",
            "ops-cdn",
        ];
        let mut total = 0;
        for n in 0..1_000u64 {
            let start = 1_764_133_200_000 + n * 3_600_000;
            let mut i = Interview::new(format!("{start:x}-{n:04x}"), Setup::default(), &ids, start);
            for k in 0..5 {
                let t = start + k * 100_000;
                i.type_answer(
                    &"An answer of three hundred characters. ".repeat(8)[..300],
                    t + 50_000,
                );
                i.done(t + 60_000);
                i.rate(Rating::Good, t + 61_000);
                i.next(t + 61_000);
            }
            if n < 950 {
                i.compact_answers();
            }
            let stored = record_key::<Interview>(&i.id) + &encode(&i);
            total += 2 * stored.encode_utf16().count();
        }
        assert!(total < 2_000_000, "{total} bytes");
    }
}
