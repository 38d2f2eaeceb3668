//! The marking measured against answers labelled by people (`tests/marking/*.txt`): each
//! answer names the key points a fair interviewer credits. Precision and recall over every
//! (answer, key point) pair, in all and by kind of answer.

use crate::library::Library;
use interview_marking::Marker;
use std::collections::BTreeMap;

/// One labelled answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    pub line: usize,
    pub question: String,
    /// 0-based indices of the key points it covers.
    pub covers: Vec<usize>,
    pub kind: String,
    pub text: String,
}

/// Reads entries: `== <question-id>`, `covers: 1 3` (1-based, or `-`), `kind: <kind>`, then the
/// answer's lines up to a blank line. `#` lines outside entries are comments.
pub fn parse(text: &str) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    while let Some((index, line)) = lines.next() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = index + 1;
        let Some(question) = line.strip_prefix("== ") else {
            return Err(format!(
                "line {at}: expected `== <question-id>`, found `{line}`"
            ));
        };
        let mut field = |name: &str| -> Result<String, String> {
            match lines.next() {
                Some((i, l)) => l
                    .strip_prefix(&format!("{name}:"))
                    .map(|v| v.trim().to_string())
                    .ok_or(format!("line {}: expected `{name}:`", i + 1)),
                None => Err(format!("line {at}: the entry ends before `{name}:`")),
            }
        };
        let covers = field("covers")?;
        let kind = field("kind")?;
        let covers = if covers == "-" {
            Vec::new()
        } else {
            covers
                .split_whitespace()
                .map(|n| match n.parse::<usize>() {
                    Ok(n) if n >= 1 => Ok(n - 1),
                    _ => Err(format!("line {at}: `{n}` is not a key point number")),
                })
                .collect::<Result<_, _>>()?
        };
        let mut answer = Vec::new();
        while let Some((_, l)) = lines.peek() {
            if l.trim().is_empty() {
                break;
            }
            answer.push(lines.next().unwrap_or_default().1.trim());
        }
        out.push(Labelled {
            line: at,
            question: question.trim().to_string(),
            covers,
            kind,
            text: answer.join("\n"),
        });
    }
    Ok(out)
}

/// Counts of (answer, key point) decisions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    pub true_positive: usize,
    pub false_positive: usize,
    pub false_negative: usize,
    pub true_negative: usize,
}

impl Confusion {
    fn add(&mut self, marked: bool, labelled: bool) {
        match (marked, labelled) {
            (true, true) => self.true_positive += 1,
            (true, false) => self.false_positive += 1,
            (false, true) => self.false_negative += 1,
            (false, false) => self.true_negative += 1,
        }
    }

    /// Of the points marked covered, the share a person credits (1 when none is marked).
    pub fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }

    /// Of the points a person credits, the share marked covered (1 when none is credited).
    pub fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }

    /// Adds another count's decisions to this one.
    pub fn merge(&mut self, other: &Confusion) {
        self.true_positive += other.true_positive;
        self.false_positive += other.false_positive;
        self.false_negative += other.false_negative;
        self.true_negative += other.true_negative;
    }

    pub fn pairs(&self) -> usize {
        self.true_positive + self.false_positive + self.false_negative + self.true_negative
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A mark that differs from the label, for reading what the marking gets wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub line: usize,
    pub question: String,
    pub point: String,
    /// True when marked covered but not labelled so.
    pub false_positive: bool,
    /// The answer's words that covered the point (for a false positive).
    pub evidence: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Report {
    pub all: Confusion,
    pub by_kind: BTreeMap<String, Confusion>,
    pub misses: Vec<Miss>,
}

/// Marks every labelled answer with the library's key points and compares.
pub fn evaluate(
    library: &Library,
    marker: &Marker,
    answers: &[Labelled],
) -> Result<Report, String> {
    let mut report = Report::default();
    for answer in answers {
        let question = library
            .questions
            .iter()
            .find(|q| q.id == answer.question)
            .ok_or(format!(
                "line {}: no question `{}`",
                answer.line, answer.question
            ))?;
        if let Some(&n) = answer
            .covers
            .iter()
            .find(|&&n| n >= question.key_points.len())
        {
            return Err(format!(
                "line {}: question {} has {} key points, not {}",
                answer.line,
                question.id,
                question.key_points.len(),
                n + 1
            ));
        }
        let points: Vec<_> = question
            .key_points
            .iter()
            .map(|p| marker.key_point(&p.alternatives))
            .collect();
        let marks = marker.mark(&answer.text, &points);
        for (index, mark) in marks.iter().enumerate() {
            let labelled = answer.covers.contains(&index);
            report.all.add(mark.covered, labelled);
            report
                .by_kind
                .entry(answer.kind.clone())
                .or_default()
                .add(mark.covered, labelled);
            if mark.covered != labelled {
                report.misses.push(Miss {
                    line: answer.line,
                    question: question.id.clone(),
                    point: question.key_points[index].label.clone(),
                    false_positive: mark.covered,
                    evidence: mark
                        .evidence
                        .iter()
                        .filter_map(|r| answer.text.get(r.clone()))
                        .map(str::to_string)
                        .collect(),
                });
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: &str = "# comment\n\n== basics-raid\ncovers: 1 2\nkind: paraphrase\nRAID 1+0,\nmirrors.\n\n== basics-raid\ncovers: -\nkind: off-topic\nNo idea.\n";

    #[test]
    fn entries_are_read_with_their_lines() {
        let set = parse(SET).unwrap();
        assert_eq!(set.len(), 2);
        assert_eq!(set[0].line, 3);
        assert_eq!(set[0].covers, [0, 1]);
        assert_eq!(set[0].text, "RAID 1+0,\nmirrors.");
        assert_eq!(set[1].covers, Vec::<usize>::new());
        assert_eq!(set[1].kind, "off-topic");
        assert!(parse("== q\ncovers: 0\nkind: x\nt\n")
            .unwrap_err()
            .contains("`0`"));
        assert!(parse("covers: 1\n").unwrap_err().contains("line 1"));
    }

    #[test]
    fn precision_and_recall_count_every_pair() {
        let mut c = Confusion::default();
        c.add(true, true);
        c.add(true, false);
        c.add(false, true);
        c.add(false, true);
        c.add(false, false);
        assert_eq!(c.pairs(), 5);
        assert_eq!(c.precision(), 0.5);
        assert!((c.recall() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(Confusion::default().precision(), 1.0);
        let mut sum = Confusion::default();
        sum.merge(&c);
        sum.merge(&c);
        assert_eq!((sum.pairs(), sum.precision()), (10, 0.5));
    }
}
