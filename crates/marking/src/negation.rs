//! Which words stand in a negated clause: "I wouldn't bother with restore tests", "no need for
//! a firewall", "skip the cron job", "use RAID 10 instead of RAID 5", "RAID 5 is not something
//! I'd worry about". A cue negates the words after it up to the end of its clause (or a word
//! that turns the sentence: "but", "because"…), at most `SCOPE` words. A cue followed by a
//! word of need or worth ("not needed", "isn't important") also negates the clause's words
//! before it, as do dismissive words ("overkill", "unnecessary").

use crate::words::Token;
use std::sync::OnceLock;

/// Words that negate what follows them.
const CUES: &[&str] = &[
    "not", "no", "never", "nor", "neither", "none", "without", "dont", "doesnt", "didnt", "wont",
    "wouldnt", "shouldnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot", "couldnt",
    "neednt", "mustnt", "hardly", "skip", "skipping", "skipped", "forget", "ignore", "ignoring",
    "disagree", "nothing", "nobody",
];
/// Cues that deny a verb: only these reach back over the clause ("X isn't needed").
const DENY: &[&str] = &[
    "not", "never", "dont", "doesnt", "didnt", "wont", "wouldnt", "shouldnt", "isnt", "arent",
    "wasnt", "werent", "cant", "cannot", "couldnt", "neednt",
];
/// Words after which a cue does not negate: "not only", "no doubt".
const NOT_NEGATING: &[&str] = &["only", "just", "doubt", "matter", "longer", "mistake"];
/// After a cue, these make it negate the words before it too: "X isn't needed".
const NEED: &[&str] = &[
    "need",
    "needed",
    "necessary",
    "important",
    "worth",
    "matter",
    "matters",
    "required",
    "useful",
    "helpful",
    "relevant",
    "worry",
    "bother",
    "care",
    "big",
    "concern",
    "recommend",
    "point",
    "buy",
    "true",
    "think",
    "agree",
];
/// Words (by stem) that dismiss what comes before them: "backups are overkill", "the subpoena
/// argument is paranoid", "Provisioned IOPS is mostly marketing".
const DISMISSIVE: &[&str] = &[
    "unnecessary",
    "pointless",
    "overkill",
    "irrelevant",
    "useless",
    "overrated",
    "waste",
    "needless",
    "outdated",
    "obsolete",
    "myth",
    "overblown",
    "overstated",
    "exaggerated",
    "buzzword",
    "marketing",
    "paranoid",
    "hyped",
    "nonsense",
    "negligible",
];

/// The stems of `DISMISSIVE`: "wastes", "myths" and "hype" dismiss too.
fn dismissive_stems() -> &'static [String] {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    STEMS.get_or_init(|| DISMISSIVE.iter().map(|w| crate::words::stem(w)).collect())
}
/// Words that dismiss only when they say so of what was just said: "that's wrong", "that is
/// a false dichotomy" (but "the wrong database", "false positives").
const POINTED_DISMISSIVE: &[&str] = &["wrong", "false", "untrue", "incorrect"];
/// Words that end a cue's scope: the sentence turns.
const TURNS: &[&str] = &[
    "but", "however", "although", "though", "because", "since", "while", "whereas", "yet", "which",
    "so", "unless", "except",
];
/// Words that point back to what was just said.
const ANAPHORS: &[&str] = &["that", "this", "it", "which"];
/// A cue reaches at most this many words.
const SCOPE: usize = 6;

/// Whether the word starts a negation on its own ("not", "never", "can't"…).
pub fn is_cue(word: &str) -> bool {
    CUES.contains(&word)
}

/// For each token, the index of the cue token that negates it.
pub fn scopes(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut negated_by = vec![None; tokens.len()];
    let text = |i: usize| tokens[i].word.text.as_str();
    let segment = segments(tokens);
    // Segments whose dismissal points back at the one before: (dismissing word, segment).
    let mut pointing_back: Vec<(usize, usize)> = Vec::new();
    for cue in 0..tokens.len() {
        let Some(end) = cue_end(tokens, cue) else {
            continue;
        };
        // Forward: up to the segment's end, or SCOPE words.
        let reach = tokens.len().min(end + 1 + SCOPE);
        for (i, negated) in negated_by.iter_mut().enumerate().take(reach).skip(end + 1) {
            if segment[i] != segment[cue] || TURNS.contains(&text(i)) {
                break;
            }
            negated.get_or_insert(cue);
        }
        // Backward, when a verb of need, worth or truth is denied shortly after the cue ("X
        // isn't needed", "I don't buy that"), not when a phrase goes on without it
        // ("deployed without the need for…").
        let denies_need = DENY.contains(&text(cue))
            && (end + 1..tokens.len().min(end + 4))
                .take_while(|&i| segment[i] == segment[cue])
                .any(|i| NEED.contains(&text(i)));
        // "…but really it doesn't": a bare denial of what was just said.
        let denies_it = DENY.contains(&text(cue))
            && cue > 0
            && ANAPHORS.contains(&text(cue - 1))
            && segment.get(end + 1) != Some(&segment[cue]);
        if denies_need || denies_it {
            negate_before(tokens, &segment, cue, false, &mut negated_by);
            pointing_back.push((cue, segment[cue]));
        }
    }
    for word in 0..tokens.len() {
        let dismisses = dismissive_stems().contains(&tokens[word].word.stem)
            || (POINTED_DISMISSIVE.contains(&text(word))
                && (word.saturating_sub(3)..word).any(|i| ANAPHORS.contains(&text(i))));
        if dismisses {
            negate_before(tokens, &segment, word, true, &mut negated_by);
            pointing_back.push((word, segment[word]));
        }
    }
    // "People say CDNs make pages load faster, but that's a myth": a dismissal whose segment
    // points back ("that", "this", "it") dismisses the segment before it too.
    for (word, seg) in pointing_back {
        let start = (0..=word)
            .rev()
            .take_while(|&i| segment[i] == seg)
            .last()
            .unwrap_or(word);
        let points_back = (start..word).any(|i| ANAPHORS.contains(&text(i)))
            || ANAPHORS.contains(&text(word.saturating_sub(1)));
        if points_back && start > 0 && tokens[start - 1].sentence == tokens[word].sentence {
            let previous = segment[start - 1];
            // A dismissal outweighs the negations inside what it dismisses ("people say
            // they don't flush to disk, but that's outdated").
            for i in (0..start).rev().take_while(|&i| segment[i] == previous) {
                negated_by[i] = Some(word);
            }
        }
    }
    // "xfs? Never needed it.": a short question answered by a denial.
    for (i, t) in tokens.iter().enumerate() {
        let starts_sentence = i == 0 || tokens[i - 1].sentence != t.sentence;
        if !starts_sentence || !(DENY.contains(&text(i)) || matches!(text(i), "no" | "nope")) {
            continue;
        }
        let asked: Vec<usize> = (0..i)
            .rev()
            .take_while(|&j| tokens[j].sentence + 1 == t.sentence)
            .collect();
        if (1..=3).contains(&asked.len()) {
            for j in asked {
                negated_by[j] = Some(i);
            }
        }
    }
    negated_by
}

/// For each token, its segment: clauses split further at the words where a sentence turns
/// ("but", "because"…), which begin the next segment.
fn segments(tokens: &[Token]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut id = 0;
    for (i, t) in tokens.iter().enumerate() {
        let new_clause =
            i > 0 && (t.sentence, t.clause) != (tokens[i - 1].sentence, tokens[i - 1].clause);
        if i > 0 && (new_clause || TURNS.contains(&t.word.text.as_str())) {
            id += 1;
        }
        out.push(id);
    }
    out
}

/// Whether the token at `cue` starts a negation, and the last token of the cue ("instead of",
/// "rather than", "no need"): `None` when it does not negate.
fn cue_end(tokens: &[Token], cue: usize) -> Option<usize> {
    let text = |i: usize| tokens.get(i).map(|t| t.word.text.as_str());
    match text(cue)? {
        "instead" if text(cue + 1) == Some("of") => Some(cue + 1),
        "rather" if text(cue + 1) == Some("than") => Some(cue + 1),
        word if CUES.contains(&word) => {
            if text(cue + 1).is_some_and(|next| NOT_NEGATING.contains(&next)) {
                None
            } else {
                Some(cue)
            }
        }
        _ => None,
    }
}

/// Negates the words of `at`'s segment before it (at most `SCOPE * 2`), a leading turn
/// word excepted. A dismissal `overrules` negations already there: it outweighs the
/// negations inside what it dismisses.
fn negate_before(
    tokens: &[Token],
    segment: &[usize],
    at: usize,
    overrules: bool,
    negated_by: &mut [Option<usize>],
) {
    for i in (at.saturating_sub(SCOPE * 2)..at).rev() {
        if segment[i] != segment[at] || TURNS.contains(&tokens[i].word.text.as_str()) {
            break;
        }
        if overrules {
            negated_by[i] = Some(at);
        } else {
            negated_by[i].get_or_insert(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::tokens;

    /// The words of `text` that are negated.
    fn negated(text: &str) -> Vec<String> {
        let t = tokens(text);
        scopes(&t)
            .iter()
            .zip(&t)
            .filter(|(n, _)| n.is_some())
            .map(|(_, t)| t.word.text.clone())
            .collect()
    }

    #[test]
    fn a_cue_negates_the_rest_of_its_clause() {
        assert_eq!(
            negated("I wouldn't bother with restore tests"),
            ["i", "would", "bother", "with", "restore", "tests"]
        );
        assert_eq!(
            negated("No need for a firewall, use passwords"),
            ["need", "for", "a", "firewall"]
        );
        assert_eq!(negated("I'd skip cron. Backups matter"), ["cron"]);
        assert_eq!(negated("RAID 10 instead of RAID 5"), ["raid", "5"]);
        assert_eq!(negated("RAID 10 rather than RAID 5"), ["raid", "5"]);
    }

    #[test]
    fn the_scope_ends_where_the_sentence_turns() {
        assert_eq!(
            negated("Don't use RAID 5 because parity slows writes"),
            ["use", "raid", "5"]
        );
        assert_eq!(negated("never RAID 5 but RAID 10"), ["raid", "5"]);
        assert!(negated("not only mirrors but stripes").is_empty());
        assert!(negated("Mirror and stripe").is_empty());
    }

    #[test]
    fn going_without_a_need_is_not_a_denial() {
        assert!(
            negated("Ruby apps deployed without the need for fuss").ends_with(&[
                "the".to_string(),
                "need".into(),
                "for".into(),
                "fuss".into()
            ])
        );
        assert!(
            !negated("Ruby apps deployed without the need for fuss").contains(&"ruby".to_string())
        );
    }

    #[test]
    fn a_dismissal_that_points_back_reaches_the_clause_before() {
        assert_eq!(
            negated("People talk about noisy neighbours, but that's a myth"),
            ["people", "talk", "about", "noisy", "neighbors", "that", "a"]
        );
        assert!(negated("Noisy neighbours hurt. That's no myth, honestly")
            .contains(&"myth".to_string()));
        assert!(!negated("Noisy neighbours hurt. That's no myth, honestly")
            .contains(&"neighbours".to_string()));
    }

    #[test]
    fn a_short_question_answered_by_a_denial_is_denied() {
        assert_eq!(negated("xfs? Never needed it."), ["xfs", "needed", "it"]);
        assert!(negated("What about xfs? I use it.").is_empty());
    }

    #[test]
    fn a_dismissal_outweighs_the_negations_it_dismisses() {
        let t = tokens("People say they don't flush to disk, but that's outdated");
        let flush = t.iter().position(|t| t.word.text == "flush").unwrap();
        let by = scopes(&t)[flush].unwrap();
        assert_eq!(t[by].word.text, "outdated");
    }

    #[test]
    fn denied_need_and_dismissal_reach_back() {
        assert_eq!(
            negated("Restore tests aren't needed"),
            ["restore", "tests", "are", "needed"]
        );
        assert_eq!(
            negated("RAID 5 is not something I'd worry about"),
            ["raid", "5", "is", "something", "i", "worry", "about"]
        );
        assert_eq!(
            negated("Honestly, encryption is overkill"),
            ["encryption", "is"]
        );
        assert_eq!(
            negated("Security is not that important"),
            ["security", "is", "that", "important"]
        );
    }
}
