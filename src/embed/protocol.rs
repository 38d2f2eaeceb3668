//! The `postMessage` protocol between the widget and its host page, version 1. Every message is
//! an object `{ "source": "interview-practice", "version": 1, "type": …, … }`.
//!
//! Widget to host: `ready`, `resize` (`height` in CSS pixels), `interview-started`,
//! `interview-completed` (counts, score and duration, never the typed answers).
//! Host to widget: `set-theme` (`theme`: `light`, `dark` or `auto`).
//! Both ways: `hello`, for a widget that cannot tell its host page's origin otherwise: it says
//! hello to its parent, and the host's answer comes from that origin.

use super::config::Theme;
use crate::interview::{AnswerMode, Interview, Summary};
use serde::{Deserialize, Serialize};

pub const SOURCE: &str = "interview-practice";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum WidgetMessage {
    Hello,
    Ready,
    Resize {
        height: u32,
    },
    #[serde(rename_all = "camelCase")]
    InterviewStarted {
        questions: usize,
        seconds_per_question: u32,
        answer_mode: &'static str,
    },
    #[serde(rename_all = "camelCase")]
    InterviewCompleted {
        questions: usize,
        answered: usize,
        skipped: usize,
        time_up: usize,
        key_points: usize,
        key_points_covered: usize,
        /// Share of key points covered, in percent.
        score: u32,
        duration_seconds: u64,
    },
}

#[derive(Serialize)]
struct Envelope<'a> {
    source: &'static str,
    version: u32,
    #[serde(flatten)]
    message: &'a WidgetMessage,
}

impl WidgetMessage {
    /// The message as JSON, in its envelope.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Envelope {
            source: SOURCE,
            version: VERSION,
            message: self,
        })
        .unwrap_or_default()
    }

    pub fn started(interview: &Interview) -> Self {
        WidgetMessage::InterviewStarted {
            questions: interview.attempts.len(),
            seconds_per_question: interview.setup.seconds_per_question,
            answer_mode: match interview.setup.mode {
                AnswerMode::Type => "type",
                AnswerMode::Speak => "speak",
            },
        }
    }

    pub fn completed(interview: &Interview) -> Self {
        let s = Summary::of(interview);
        WidgetMessage::InterviewCompleted {
            questions: s.questions,
            answered: s.answered,
            skipped: s.skipped,
            time_up: s.time_up,
            key_points: s.key_points,
            key_points_covered: s.covered,
            score: s.score(),
            duration_seconds: s.used_ms / 1_000,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostMessage {
    SetTheme(Theme),
}

#[derive(Deserialize)]
struct Incoming {
    source: String,
    version: u32,
    #[serde(rename = "type")]
    kind: String,
    theme: Option<String>,
}

impl Incoming {
    fn read(json: &str) -> Option<Incoming> {
        if json.len() > 1_024 {
            return None;
        }
        let incoming: Incoming = serde_json::from_str(json).ok()?;
        (incoming.source == SOURCE && incoming.version == VERSION).then_some(incoming)
    }
}

impl HostMessage {
    /// Reads a message from the host (as JSON); anything malformed or unknown is `None`.
    pub fn parse(json: &str) -> Option<HostMessage> {
        let incoming = Incoming::read(json)?;
        match incoming.kind.as_str() {
            "set-theme" => Theme::parse(incoming.theme.as_deref()?).map(HostMessage::SetTheme),
            _ => None,
        }
    }
}

/// Whether a message (as JSON) is the host's `hello`.
pub fn is_hello(json: &str) -> bool {
    Incoming::read(json).is_some_and(|incoming| incoming.kind == "hello")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{Rating, Setup};

    #[test]
    fn messages_carry_the_envelope() {
        assert_eq!(
            WidgetMessage::Resize { height: 812 }.to_json(),
            r#"{"source":"interview-practice","version":1,"type":"resize","height":812}"#
        );
        assert_eq!(
            WidgetMessage::Ready.to_json(),
            r#"{"source":"interview-practice","version":1,"type":"ready"}"#
        );
    }

    #[test]
    fn completion_never_carries_the_answers() {
        let mut i = Interview::new("x".into(), Setup::default(), &["dba-raid"], 0);
        i.type_answer("my secret answer about RAID 10", 1_000);
        i.done(30_000);
        i.rate(Rating::Good, 0);
        i.next(30_000);
        let json = WidgetMessage::completed(&i).to_json();
        assert!(!json.contains("secret"), "{json}");
        assert!(
            json.contains(r#""type":"interview-completed","questions":1,"answered":1"#),
            "{json}"
        );
        assert!(json.contains(r#""durationSeconds":30"#), "{json}");
    }

    #[test]
    fn host_messages_are_checked() {
        let ok = r#"{"source":"interview-practice","version":1,"type":"set-theme","theme":"dark"}"#;
        assert_eq!(
            HostMessage::parse(ok),
            Some(HostMessage::SetTheme(Theme::Dark))
        );
        for bad in [
            r#"{"source":"interview-practice","version":1,"type":"set-theme","theme":"neon"}"#,
            r#"{"source":"evil","version":1,"type":"set-theme","theme":"dark"}"#,
            r#"{"source":"interview-practice","version":2,"type":"set-theme","theme":"dark"}"#,
            r#"{"source":"interview-practice","version":1,"type":"resize","height":1}"#,
            r#"{"source":"interview-practice","version":1,"type":"set-theme"}"#,
            "not json",
            "null",
            "[]",
        ] {
            assert_eq!(HostMessage::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hello_goes_both_ways() {
        assert_eq!(
            WidgetMessage::Hello.to_json(),
            r#"{"source":"interview-practice","version":1,"type":"hello"}"#
        );
        assert!(is_hello(
            r#"{"source":"interview-practice","version":1,"type":"hello"}"#
        ));
        for other in [
            r#"{"source":"evil","version":1,"type":"hello"}"#,
            r#"{"source":"interview-practice","version":1,"type":"set-theme","theme":"dark"}"#,
            "not json",
        ] {
            assert!(!is_hello(other), "{other}");
        }
        // Not a message the app acts on.
        assert_eq!(
            HostMessage::parse(r#"{"source":"interview-practice","version":1,"type":"hello"}"#),
            None
        );
    }
}
