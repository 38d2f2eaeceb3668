//! What the reader chooses before an interview, and the questions it picks.

use super::random::Random;
use crate::content::{self, Question, QUESTIONS};
use crate::storage::names;
use serde::{Deserialize, Serialize};

pub const DEFAULT_COUNT: usize = 5;
pub const MAX_COUNT: usize = 30;
pub const DEFAULT_SECONDS: u32 = 120;
pub const MIN_SECONDS: u32 = 30;
pub const MAX_SECONDS: u32 = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    Random,
    Guide,
}

names::by_name!(Order {
    Random = "random",
    Guide = "guide",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerMode {
    /// Type the answer; key points are checked against it.
    Type,
    /// Answer out loud while the clock runs, then mark the key points yourself.
    Speak,
}

names::by_name!(AnswerMode {
    Type = "type",
    Speak = "speak",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    /// Guide parts to draw from; empty means all.
    #[serde(
        rename = "p",
        alias = "parts",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub parts: Vec<u8>,
    /// Sections (`<part>/<slug>`) to draw from; empty means all sections of the parts.
    #[serde(
        rename = "s",
        alias = "sections",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sections: Vec<String>,
    #[serde(rename = "n", alias = "count")]
    pub count: usize,
    #[serde(rename = "sec", alias = "seconds_per_question")]
    pub seconds_per_question: u32,
    #[serde(rename = "o", alias = "order")]
    pub order: Order,
    #[serde(rename = "md", alias = "mode")]
    pub mode: AnswerMode,
}

impl Default for Setup {
    fn default() -> Self {
        Self {
            parts: Vec::new(),
            sections: Vec::new(),
            count: DEFAULT_COUNT,
            seconds_per_question: DEFAULT_SECONDS,
            order: Order::Random,
            mode: AnswerMode::Type,
        }
    }
}

/// `1/cloud-concepts`: how a section is named in a setup.
pub fn section_key(question: &Question) -> String {
    format!("{}/{}", question.part, question.section().slug)
}

impl Setup {
    /// Keeps values in range whatever they were set to.
    pub fn clamped(mut self) -> Self {
        self.count = self.count.clamp(1, MAX_COUNT);
        self.seconds_per_question = self.seconds_per_question.clamp(MIN_SECONDS, MAX_SECONDS);
        self
    }

    /// The questions the choices allow, in guide order.
    pub fn pool(&self) -> Vec<&'static Question> {
        QUESTIONS
            .iter()
            .filter(|q| self.parts.is_empty() || self.parts.contains(&q.part))
            .filter(|q| self.sections.is_empty() || self.sections.contains(&section_key(q)))
            .collect()
    }

    /// The interview's questions: the first of the pool in guide order, or a random sample.
    pub fn pick(&self, seed: u64) -> Vec<&'static str> {
        let mut pool = self.pool();
        if self.order == Order::Random {
            Random::new(seed).shuffle(&mut pool);
        }
        pool.into_iter().take(self.count).map(|q| q.id).collect()
    }

    /// A label for history: "Operations, Deployment" or "All guides".
    pub fn parts_label(&self) -> String {
        if self.parts.is_empty() {
            return "All guides".into();
        }
        self.parts
            .iter()
            .filter_map(|p| content::guide(*p))
            .map(|g| g.short)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// "2:00" for 120 seconds.
pub fn format_seconds(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_five_random_typed_questions_of_two_minutes() {
        let setup = Setup::default();
        assert_eq!((setup.count, setup.seconds_per_question), (5, 120));
        assert_eq!(setup.pool().len(), QUESTIONS.len());
        assert_eq!(setup.pick(7).len(), 5);
    }

    #[test]
    fn guide_order_takes_the_first_questions_of_the_chosen_sections() {
        let setup = Setup {
            parts: vec![3],
            sections: vec!["3/architecture-management-questions".into()],
            count: 3,
            order: Order::Guide,
            ..Setup::default()
        };
        assert_eq!(
            setup.pick(1),
            ["dba-api-battle", "dba-command-line-tools", "dba-backups"]
        );
    }

    #[test]
    fn random_order_depends_on_the_seed_and_never_repeats() {
        let setup = Setup {
            count: 63,
            ..Setup::default()
        };
        let a = setup.pick(1);
        let mut sorted = a.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), a.len());
        assert_ne!(a, setup.pick(2));
        assert_eq!(a, setup.pick(1));
    }

    #[test]
    fn out_of_range_values_are_clamped() {
        let setup = Setup {
            count: 0,
            seconds_per_question: 5,
            ..Setup::default()
        }
        .clamped();
        assert_eq!((setup.count, setup.seconds_per_question), (1, 30));
        assert_eq!(format_seconds(600), "10:00");
        assert_eq!(format_seconds(9), "0:09");
    }
}
