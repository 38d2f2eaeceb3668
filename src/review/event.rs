//! One rating of one question: what the memory model, the calendar and the export are built
//! from. Ratings are kept for good; memory states can always be recomputed from them.

use super::memory::rating_order;
use crate::interview::Rating;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEvent {
    /// Epoch milliseconds.
    pub at: u64,
    pub question: String,
    pub rating: Rating,
}

impl ReviewEvent {
    pub fn new(at: u64, question: &str, rating: Rating) -> Self {
        Self {
            at,
            question: question.to_string(),
            rating,
        }
    }
}

/// By time, then question, then Again < Hard < Good < Easy: a total order, so sorted lists of
/// events are canonical.
impl Ord for ReviewEvent {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.at, &self.question, rating_order(self.rating)).cmp(&(
            other.at,
            &other.question,
            rating_order(other.rating),
        ))
    }
}

impl PartialOrd for ReviewEvent {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
