//! Which words stand in a negated clause: "I wouldn't bother with restore tests", "no need for
//! a firewall", "skip the cron job", "use RAID 10 instead of RAID 5", "RAID 5 is not something
//! I'd worry about", "I'd steer clear of Chef", "ext4 over xfs". A cue negates the words after
//! it up to the end of its segment (a clause, cut where the sentence turns: "but", "because"…,
//! or where speech without punctuation starts a new clause: "…RAID 5 I prefer…"), at most
//! `SCOPE` words. A cue followed by a word of need, worth or being ("not needed", "isn't
//! important", "doesn't exist") also negates the segment's words before it, as do dismissive
//! words ("overkill", "a myth", "theoretical").

use crate::words::Token;
use std::sync::OnceLock;

/// Words that negate what follows them.
const CUES: &[&str] = &[
    "not",
    "no",
    "never",
    "nor",
    "neither",
    "none",
    "without",
    "dont",
    "doesnt",
    "didnt",
    "wont",
    "wouldnt",
    "shouldnt",
    "isnt",
    "arent",
    "wasnt",
    "werent",
    "cant",
    "cannot",
    "couldnt",
    "neednt",
    "mustnt",
    "hardly",
    "barely",
    "rarely",
    "seldom",
    "skip",
    "skipping",
    "skipped",
    "forget",
    "ignore",
    "ignoring",
    "disagree",
    "nothing",
    "nobody",
    "doubt",
    "lack",
    "lacks",
    "lacking",
    "nope",
    "nah",
    "skeptical",
    "sceptical",
];
/// Phrases that negate what follows them: "instead of RAID 5", "steer clear of Chef".
const CUE_PHRASES: &[&[&str]] = &[
    &["instead", "of"],
    &["rather", "than"],
    &["better", "than"],
    &["in", "place", "of"],
    &["anything", "but"],
    &["far", "from"],
    &["steer", "clear", "of"],
    &["stay", "away", "from"],
    &["last", "thing"],
    &["who", "cares", "about"],
    &["who", "cares"],
    &["who", "needs"],
];
/// Phrases that set a thing against another: they reject the thing they name, not what is
/// said after it ("unlike Apache, nginx…", "unlike apache nginx is…").
/// ("RDS versus DIY" only weighs the two.)
const CONTRASTS: &[&[&str]] = &[&["unlike"], &["as", "opposed", "to"], &["contrary", "to"]];
/// A contrast names a thing of at most this many words.
const CONTRASTED: usize = 3;
/// Phrases that negate what follows when someone chooses so ("we got rid of cron", "I'd
/// avoid RAID 5"), not when they say what a thing does ("NoSQL gets rid of joins", "RAID 10
/// avoids the write penalty").
const CHOICE_PHRASES: &[&[&str]] = &[
    &["avoid"],
    &["avoiding"],
    &["rid", "of"],
    &["away", "from"],
    &["switched", "from"],
    &["moved", "off"],
    &["migrated", "off"],
    &["stopped", "using"],
    &["stop", "using"],
    &["quit", "using"],
    &["stopped", "doing"],
    &["stop", "doing"],
    &["quit", "doing"],
    &["gave", "up", "on"],
    &["give", "up", "on"],
    &["ditched"],
    &["ditch"],
    &["dropped"],
    &["abandoned"],
    &["phased", "out"],
    &["moved", "from"],
    &["migrated", "from"],
    &["disabled"],
    &["uninstalled"],
    &["dislike"],
    &["hate"],
];
/// Words before a choice phrase that make it someone's choice: "I'd avoid", "we got rid of",
/// "you should stop using".
const CHOOSERS: &[&str] = &[
    "i", "we", "you", "d", "would", "should", "to", "us", "always", "just", "lets", "finally",
];
/// Cues that deny a verb: only these reach back over the clause ("X isn't needed").
const DENY: &[&str] = &[
    "not", "never", "dont", "doesnt", "didnt", "wont", "wouldnt", "shouldnt", "isnt", "arent",
    "wasnt", "werent", "cant", "cannot", "couldnt", "neednt",
];
/// Words after which a cue does not negate: "not only", "not just".
const NOT_NEGATING: &[&str] = &["only", "just"];
/// Words after which "no" does not negate: "no doubt", "no matter what".
const NOT_NEGATING_NO: &[&str] = &["doubt", "matter", "mistake", "wonder"];
/// After a denying cue, these make it negate the words before it too: "X isn't needed", "X
/// doesn't exist", "X is not the answer".
const NEED: &[&str] = &[
    "necessary",
    "important",
    "worth",
    "required",
    "useful",
    "helpful",
    "relevant",
    "care",
    "big",
    "point",
    "buy",
    "true",
    "think",
    "real",
    "case",
    "something",
    "sense",
    "priority",
];
/// The same, by stem: "needed", "worried", "exists", "happens".
const NEED_BY_STEM: &[&str] = &[
    "need",
    "matter",
    "worry",
    "bother",
    "concern",
    "recommend",
    "agree",
    "exist",
    "happen",
    "help",
    "apply",
    "answer",
    "solution",
    "problem",
    "issue",
    "fix",
    "solve",
    "affect",
    "impact",
    "hurt",
];

/// Verbs that dismiss what follows them: "people overrate RAID 10", "vendors oversell
/// auditing".
const DISMISSING_VERBS: &[&str] = &[
    "overrate",
    "overrates",
    "oversell",
    "oversells",
    "overstate",
    "overstates",
    "overestimate",
    "overestimates",
    "exaggerate",
    "exaggerates",
    "overhype",
    "overhypes",
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
    "paranoia",
    "hyped",
    "overhyped",
    "nonsense",
    "negligible",
    "silly",
    "ridiculous",
    "bogus",
    "meaningless",
    "moot",
    "misconception",
    "herring",
    "legend",
    "unimportant",
    "errand",
    "gimmick",
    "gimmicky",
    "fad",
    "antiquated",
    "superfluous",
    "unneeded",
    "misleading",
    "misunderstanding",
    "relic",
    "naive",
    "theater",
];

/// Whether the words from `at` on are `phrase`.
fn starts_phrase(tokens: &[Token], at: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(at + k).is_some_and(|t| t.word.text == *w))
}

fn stems(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| crate::words::stem(w)).collect()
}

/// The stems of `DISMISSIVE`: "wastes", "myths" and "hype" dismiss too.
fn dismissive_stems() -> &'static [String] {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    STEMS.get_or_init(|| interview_sorted::sort(stems(DISMISSIVE)))
}

/// Every word a cue starts with, sorted, and for each initial a to z the lengths of those
/// that start with it: most words start none, refused without comparing text.
struct CueStarts {
    words: Vec<&'static str>,
    lengths: [u64; 26],
}

impl CueStarts {
    fn contains(&self, word: &str) -> bool {
        let refused = match word.as_bytes().first() {
            Some(&c) if c.is_ascii_lowercase() => {
                word.len() < 64 && self.lengths[usize::from(c - b'a')] >> word.len() & 1 == 0
            }
            _ => false,
        };
        !refused && self.words.binary_search(&word).is_ok()
    }
}

fn cue_starts() -> &'static CueStarts {
    static STARTS: OnceLock<CueStarts> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut all: Vec<&str> = CUES.to_vec();
        all.extend(
            CUE_PHRASES
                .iter()
                .chain(CHOICE_PHRASES)
                .chain(CONTRASTS)
                .map(|p| p[0]),
        );
        let mut words = interview_sorted::sort(all);
        words.dedup();
        let mut lengths = [0u64; 26];
        for w in &words {
            if let Some(&c) = w.as_bytes().first().filter(|c| c.is_ascii_lowercase()) {
                lengths[usize::from(c - b'a')] |= 1u64.checked_shl(w.len() as u32).unwrap_or(0);
            }
        }
        CueStarts { words, lengths }
    })
}

/// The words negation reads by their stem: an answer's words that may be these are stemmed.
pub(crate) fn stemmed_words() -> impl Iterator<Item = &'static str> {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            let mut all = stems(NEED_BY_STEM);
            all.extend(stems(DISMISSIVE));
            all.extend(CARRY_ON.iter().map(|w| w.to_string()));
            all.push("prefer".into());
            all
        })
        .iter()
        .map(String::as_str)
}

/// Whether the word is one of need, worth or being (see `NEED`).
fn is_need(token: &Token) -> bool {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    NEED.contains(&token.word.text.as_str())
        || STEMS
            .get_or_init(|| stems(NEED_BY_STEM))
            .contains(&token.word.stem)
}
/// Words that dismiss only when they say so of what was just said: "that's wrong", "that is
/// a false dichotomy" (but "the wrong database", "false positives").
const POINTED_DISMISSIVE: &[&str] = &["wrong", "false", "untrue", "incorrect"];
/// Words that dismiss only when said of the subject: "hypervisor bugs are pretty
/// theoretical" (but "theoretical knowledge").
const PREDICATED_DISMISSIVE: &[&str] = &[
    "theoretical",
    "academic",
    "hypothetical",
    "rare",
    "unlikely",
    "uncommon",
    "optional",
    "legacy",
    "dated",
    "deprecated",
    "reckless",
    "luxury",
    "vanity",
];
/// Phrases that dismiss only when said of the subject: "sharding is a dead end" (but "we hit
/// a dead end").
const PREDICATED_PHRASES: &[&[&str]] = &[&["dead", "end"]];
/// Phrases that dismiss what comes before them: "the write penalty is a thing of the past",
/// "those packages are out of date", "multi-cloud is too expensive", "journaling gets talked
/// up", "multi-cloud is more hassle than it's worth", "it sounds good on paper".
const DISMISSIVE_PHRASES: &[&[&str]] = &[
    &["thing", "of", "the", "past"],
    &["out", "of", "date"],
    &["recipe", "for", "disaster"],
    &["far", "fetched"],
    &["old", "news"],
    &["old", "hat"],
    &["old", "fashioned"],
    &["out", "of", "fashion"],
    &["out", "of", "favor"],
    &["non", "issue"],
    &["snake", "oil"],
    &["too", "expensive"],
    &["too", "costly"],
    &["talked", "up"],
    &["hyped", "up"],
    &["than", "it", "is", "worth"],
    &["than", "its", "worth"],
    &["on", "paper"],
    &["in", "theory"],
    &["bad", "idea"],
    &["terrible", "idea"],
    &["non", "starter"],
    &["down", "the", "drain"],
    &["asking", "for", "trouble"],
    &["lost", "cause"],
    &["wives", "tale"],
    &["false", "sense"],
];
/// Verbs whose effect "no", "little" or "nothing" denies: "makes no difference", "had
/// little effect", "does nothing".
const EFFECT_VERBS: &[&str] = &[
    "make", "makes", "made", "has", "have", "had", "add", "adds", "added", "give", "gives", "gave",
    "bring", "brings", "brought", "play", "plays", "played", "do", "does", "did", "buy", "buys",
    "bought", "achieve", "achieves", "achieved", "change", "changes", "changed",
];
/// What such a verb's object denies: "no difference", "little effect".
const EFFECTS: &[&str] = &[
    "difference",
    "effect",
    "impact",
    "value",
    "benefit",
    "advantage",
    "use",
    "role",
    "influence",
    "sense",
    "good",
];
/// Words that say something of the subject: one of them at most two words before.
const PREDICATING: &[&str] = &["is", "are", "was", "were", "be", "seem", "seems", "sounds"];
/// Words that end a cue's scope: the sentence turns.
const TURNS: &[&str] = &[
    "but", "however", "although", "though", "because", "since", "while", "whereas", "yet", "which",
    "so", "unless", "except",
];
/// Words that start what is said of the thing before them.
const RELATIVE: &[&str] = &["where", "when", "who", "that", "whose"];
/// Words that point back to what was just said.
const ANAPHORS: &[&str] = &["that", "this", "it", "which"];
/// Pronouns that start a clause of their own ("…RAID 5 I prefer RAID 10"): where speech has no
/// punctuation, a segment starts at them.
const SUBJECTS: &[&str] = &["i", "we", "they", "he", "she", "you"];
/// Verbs after which "you" is a subject, not an object ("never raid five you want fast i o",
/// but "it gives you fast I/O").
const YOU_DO: &[&str] = &[
    "want", "need", "should", "can", "have", "get", "will", "would", "might", "must", "could",
];
/// Words that join two clauses: a subject pronoun after them always starts one ("…and you
/// can lose data").
const JOINING: &[&str] = &["and", "or", "so", "then", "but"];
/// Words (by stem) after which a subject pronoun goes on the same clause: verbs of saying and
/// thinking ("I don't think we need it"), conjunctions, auxiliaries ("would we"), and nouns a
/// relative clause follows ("not something I'd worry about").
const CARRY_ON: &[&str] = &[
    "say", "think", "believ", "agre", "claim", "feel", "know", "guess", "suppos", "mean", "sure",
    "hope", "that", "if", "whether", "when", "where", "what", "how", "whi", "who", "than", "as",
    "like", "do", "doe", "did", "can", "could", "would", "will", "should", "must", "may", "might",
    "is", "are", "was", "were", "have", "has", "had", "not", "someth", "anyth", "thing", "one",
    "1", "way", "time", "reason", "place", "day", "befor", "after", "until", "onc", "dont",
    "didnt", "doesnt", "let", "make",
];
/// Words that say nothing: "honestly, that's a myth", "um that's wrong".
const FILLERS: &[&str] = &[
    "honestly",
    "really",
    "frankly",
    "well",
    "um",
    "uh",
    "like",
    "yeah",
    "actually",
    "personally",
];
/// A dismissal said of a subject reaches at most this many words before the verb.
const SUBJECT: usize = 6;
/// A cue reaches at most this many words.
const SCOPE: usize = 10;
/// A denial with nothing after it reaches back over this many words before its clause's
/// subject: the topic it denies ("Multi-AZ I don't see the point of").
const TOPIC: usize = 4;

/// Whether the word starts a negation on its own ("not", "never", "can't"…).
pub fn is_cue(word: &str) -> bool {
    CUES.contains(&word)
}

/// For each token, the last token of the cue it starts, if it starts one that negates what
/// follows it: a cue word ("not only" aside), a cue phrase ("instead of"), a choice ("I'd
/// avoid"). Read once for [`scopes`] and for the marking.
pub fn cue_ends(tokens: &[Token]) -> Vec<Option<usize>> {
    (0..tokens.len()).map(|at| cue_end(tokens, at)).collect()
}

/// For each token, the index of the cue token that negates it; `fine` is [`segments`]: a cue
/// reaches forward to the end of its segment, and back (a denied need, a dismissal) to the
/// start of its clause where the sentence has not turned, a subject pronoun notwithstanding
/// ("Multi-AZ I don't see the point of"). `ends` is [`cue_ends`].
pub fn scopes(tokens: &[Token], fine: &[usize], ends: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut negated_by = vec![None; tokens.len()];
    let text = |i: usize| tokens[i].word.text.as_str();
    let coarse = split(tokens, false);
    let segment = &coarse[..];
    // Segments whose dismissal points back at the one before: (dismissing word, segment).
    let mut pointing_back: Vec<(usize, usize)> = Vec::new();
    for (cue, &end) in ends.iter().enumerate() {
        let Some(end) = end else {
            continue;
        };
        // Forward: up to the segment's end, or SCOPE words; "or" and "nor" carry the
        // negation on ("not worried about the write penalty or how long a rebuild takes").
        let mut left = SCOPE;
        // A phrase ("instead of", "rather than") negates a thing, not what is said of it
        // after a relative word ("instead of waterfall, where you release every few months").
        let of_a_thing = end > cue;
        // A contrast reaches the thing it names only (see `CONTRASTS`); "moved from cron to
        // timers" rejects what it moved from.
        let contrast = CONTRASTS.iter().any(|p| p[0] == text(cue));
        let from = text(end) == "from";
        // "not so much the hardware as the network" denies the hardware only.
        let so_much = text(cue) == "not"
            && matches!(
                text_at(tokens, cue + 1..cue + 3).as_slice(),
                ["so" | "as", "much"]
            );
        if contrast {
            left = CONTRASTED;
        }
        // ("so" turns a sentence elsewhere: the scope is the segment it starts.)
        let first = end + 1 + if so_much { 2 } else { 0 };
        let scope_segment = if so_much {
            fine.get(first - 1)
        } else {
            fine.get(end)
        };
        for i in first..tokens.len() {
            if left == 0
                || Some(&fine[i]) != scope_segment
                || TURNS.contains(&text(i))
                || (of_a_thing && RELATIVE.contains(&text(i)))
                || (from && matches!(text(i), "to" | "towards" | "for"))
                || (so_much && text(i) == "as")
                || (contrast && i > end + 1 && !contrasted(tokens, end + 1, i))
            {
                break;
            }
            negated_by[i].get_or_insert(cue);
            left = if matches!(text(i), "or" | "nor") {
                SCOPE
            } else {
                left - 1
            };
        }
        // "Cron I've pretty much abandoned": a choice with little after it reaches back over
        // the topic before its clause's subject.
        let chosen = CHOICE_PHRASES
            .iter()
            .any(|p| p.len() == end - cue + 1 && p[0] == text(cue));
        let after = (end + 1..tokens.len())
            .take_while(|&i| fine[i] == fine[end])
            .count();
        if chosen && after <= 2 {
            let start = (0..cue)
                .rev()
                .take_while(|&i| fine[i] == fine[cue])
                .last()
                .unwrap_or(cue);
            for i in (start.saturating_sub(TOPIC)..start).rev() {
                if segment[i] != segment[cue] || TURNS.contains(&text(i)) {
                    break;
                }
                negated_by[i].get_or_insert(cue);
            }
        }
        // "Waterfall has nothing to do with it": a relation denied reaches back.
        if text(cue) == "nothing" && text_at(tokens, cue + 1..cue + 4) == ["to", "do", "with"] {
            negate_before(tokens, segment, cue, false, &mut negated_by);
        }
        // Backward, when a verb of need, worth or truth is denied shortly after the cue ("X
        // isn't needed", "I don't buy that"), not when a phrase goes on without it
        // ("deployed without the need for…").
        let denied_need = (end + 1..tokens.len().min(end + 4))
            .take_while(|&i| segment[i] == segment[cue])
            .find(|&i| is_need(&tokens[i]))
            .filter(|_| {
                DENY.contains(&text(cue))
                    || (text(cue) == "no"
                        && tokens.get(cue + 1).is_some_and(|t| t.word.text == "longer"))
            });
        // "…but really it doesn't": a bare denial of what was just said.
        // Not "…when it isn't": a condition, not a denial.
        let denies_it = DENY.contains(&text(cue))
            && (ANAPHORS.contains(&text(cue.saturating_sub(1)))
                || (cue >= 2
                    && ANAPHORS.contains(&text(cue - 2))
                    && matches!(text(cue - 1), "is" | "was" | "does" | "did")))
            && !(cue.saturating_sub(3)..cue).any(|i| matches!(text(i), "when" | "if" | "whether"))
            && segment.get(end + 1) != Some(&segment[cue]);
        if let Some(need) = denied_need {
            // Back over its segment, and a few words before it when the need has nothing
            // after it ("Multi-AZ I don't see the point of"), not when it has ("…I never
            // bothered with backup name servers").
            let after = (need + 1..tokens.len())
                .take_while(|&i| segment[i] == segment[cue])
                .count();
            negate_before(tokens, fine, cue, false, &mut negated_by);
            if after <= 2 {
                let start = (0..cue)
                    .rev()
                    .take_while(|&i| fine[i] == fine[cue])
                    .last()
                    .unwrap_or(cue);
                for i in (start.saturating_sub(TOPIC)..start).rev() {
                    if segment[i] != segment[cue] || TURNS.contains(&text(i)) {
                        break;
                    }
                    negated_by[i].get_or_insert(cue);
                }
            }
            pointing_back.push((cue, segment[cue]));
        } else if denies_it {
            negate_before(tokens, segment, cue, false, &mut negated_by);
            pointing_back.push((cue, segment[cue]));
        }
    }
    for word in 0..tokens.len() {
        let dismisses = dismissive_stems()
            .binary_search(&tokens[word].word.stem)
            .is_ok()
            || (POINTED_DISMISSIVE.contains(&text(word))
                && (word.saturating_sub(3)..word).any(|i| ANAPHORS.contains(&text(i))))
            || ((PREDICATED_DISMISSIVE.contains(&text(word))
                || PREDICATED_PHRASES
                    .iter()
                    .any(|phrase| starts_phrase(tokens, word, phrase)))
                && (word.saturating_sub(2)..word).any(|i| PREDICATING.contains(&text(i))))
            || DISMISSIVE_PHRASES
                .iter()
                .any(|phrase| starts_phrase(tokens, word, phrase));
        if dismisses {
            // Said of a subject ("the write penalty on RAID 5 is a myth"): the subject only,
            // not what speech said before it without a pause ("i'd go raid ten the write
            // penalty on raid five is a myth").
            let copula = (word.saturating_sub(4)..word)
                .rev()
                .find(|&i| PREDICATING.contains(&text(i)) && fine[i] == fine[word]);
            match copula {
                Some(c) => {
                    for i in (c.saturating_sub(SUBJECT)..word).rev() {
                        if fine[i] != fine[word] || TURNS.contains(&text(i)) {
                            break;
                        }
                        negated_by[i] = Some(word);
                    }
                }
                None => negate_before(tokens, fine, word, true, &mut negated_by),
            }
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
        // "I don't buy that", "I've never seen it matter": what is denied; "that's a myth":
        // what the segment names first, not after what it says itself ("…but i would never
        // call it ephemeral that's outdated" dismisses calling it so, not what came before).
        let carry = carry_on();
        let points_back = (start..tokens.len().min(word + 4))
            .take_while(|&i| segment[i] == seg)
            .find(|&i| ANAPHORS.contains(&text(i)))
            .is_some_and(|a| {
                a > word
                    || (start..a).all(|i| {
                        let t = &tokens[i].word;
                        TURNS.contains(&t.text.as_str())
                            || JOINING.contains(&t.text.as_str())
                            || SUBJECTS.contains(&t.text.as_str())
                            || FILLERS.contains(&t.text.as_str())
                            || is_cue(&t.text)
                            || carry.contains(&t.stem)
                    })
            });
        if points_back && start > 0 && tokens[start - 1].sentence == tokens[word].sentence {
            // The segment before, cut where a subject starts a clause ("they're both web
            // servers i guess people say nginx is faster but i don't buy that").
            let previous = fine[start - 1];
            // A dismissal outweighs the negations inside what it dismisses ("people say
            // they don't flush to disk, but that's outdated").
            for i in (0..start).rev().take_while(|&i| fine[i] == previous) {
                negated_by[i] = Some(word);
            }
        }
    }
    for i in 0..tokens.len() {
        if !DISMISSING_VERBS.contains(&text(i)) {
            continue;
        }
        for j in (i + 1..tokens.len()).take(SCOPE) {
            if fine[j] != fine[i] || TURNS.contains(&text(j)) {
                break;
            }
            negated_by[j].get_or_insert(i);
        }
    }
    // "Journaling makes no difference", "IOPS had little effect", "a WAF does nothing", "a
    // nice idea with no practical effect": a denied effect reaches its subject.
    for i in 1..tokens.len() {
        let denied = match text(i) {
            "nothing" => true,
            "no" | "little" => (i + 1..tokens.len().min(i + 3))
                .take_while(|&j| fine[j] == fine[i])
                .any(|j| EFFECTS.contains(&text(j))),
            _ => false,
        };
        if denied && (EFFECT_VERBS.contains(&text(i - 1)) || text(i - 1) == "with") {
            negate_before(tokens, fine, i, false, &mut negated_by);
        }
    }
    reported(tokens, &mut negated_by);
    // "Noisy neighbours were a problem, but not anymore": a denial of now after a turn
    // reaches the clause before.
    for i in 1..tokens.len().saturating_sub(1) {
        let now = matches!(text(i + 1), "anymore" | "now" | "nowadays" | "today")
            || (text(i + 1) == "any" && tokens.get(i + 2).is_some_and(|t| t.word.text == "more"));
        if !(matches!(text(i), "not" | "no") && now && text(i - 1) == "but") {
            continue;
        }
        let turn = i - 1;
        for j in (0..turn).rev() {
            if tokens[j].sentence != tokens[i].sentence || TURNS.contains(&text(j)) {
                break;
            }
            negated_by[j].get_or_insert(i);
        }
    }
    // "It's a myth that NoSQL loses data": a dismissal reaches the clause it introduces.
    for word in 0..tokens.len().saturating_sub(1) {
        if text(word + 1) != "that"
            || dismissive_stems()
                .binary_search(&tokens[word].word.stem)
                .is_err()
        {
            continue;
        }
        for i in (word + 2..tokens.len()).take(SCOPE) {
            if tokens[i].sentence != tokens[word].sentence || TURNS.contains(&text(i)) {
                break;
            }
            negated_by[i] = Some(word);
        }
    }
    // "xfs? Never needed it.", "Multi-AZ? Overkill.": a short question answered by a denial
    // or a dismissal.
    for (i, t) in tokens.iter().enumerate() {
        let starts_sentence = i == 0 || tokens[i - 1].sentence != t.sentence;
        if !starts_sentence
            || !(DENY.contains(&text(i))
                || matches!(text(i), "no" | "nope" | "nah")
                || dismissive_stems().binary_search(&t.word.stem).is_ok())
        {
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
    used_to(tokens, &mut negated_by);
    preferences(tokens, fine, &mut negated_by);
    double_negation(tokens, fine, &mut negated_by);
    negated_by
}

/// What "used to" be so, when the sentence turns to now: "journaling used to matter but
/// modern disks…", "we used to run nagios, now it's prometheus". Not without a turn ("I used
/// to run nagios at my last job").
fn used_to(tokens: &[Token], negated_by: &mut [Option<usize>]) {
    let text = |i: usize| tokens[i].word.text.as_str();
    for at in 0..tokens.len().saturating_sub(1) {
        if text(at) != "used" || text(at + 1) != "to" {
            continue;
        }
        let sentence = tokens[at].sentence;
        let Some(turn) = (at + 2..tokens.len())
            .take_while(|&j| tokens[j].sentence == sentence)
            .find(|&j| {
                matches!(
                    text(j),
                    "but" | "however" | "now" | "nowadays" | "anymore" | "today"
                )
            })
        else {
            continue;
        };
        let start = (0..at)
            .rev()
            .take_while(|&j| tokens[j].sentence == sentence && !TURNS.contains(&text(j)))
            .last()
            .unwrap_or(at);
        for by in &mut negated_by[start..turn] {
            by.get_or_insert(at);
        }
    }
}

/// Words that turn a negation before them around: "never skip backups", "don't forget to
/// test", "no excuse for skipping", "don't underestimate the write penalty".
const NEGATING_VERBS: &[&str] = &[
    "skip",
    "skipping",
    "skipped",
    "skips",
    "forget",
    "forgetting",
    "ignore",
    "ignoring",
    "ignored",
    "without",
    "neglect",
    "neglecting",
    "underestimate",
    "underestimating",
    "overlook",
    "overlooking",
];

/// A negation of a negating word keeps what follows it: the words after "skip" in "never
/// skip backups" are said, not denied.
fn double_negation(tokens: &[Token], fine: &[usize], negated_by: &mut [Option<usize>]) {
    for inner in 0..tokens.len() {
        let Some(outer) = negated_by[inner] else {
            continue;
        };
        if outer >= inner || !NEGATING_VERBS.contains(&tokens[inner].word.text.as_str()) {
            continue;
        }
        for j in inner + 1..tokens.len() {
            if fine[j] != fine[inner]
                || !matches!(negated_by[j], Some(n) if n == outer || n == inner)
            {
                break;
            }
            negated_by[j] = None;
        }
    }
}

/// What others say, when the speaker then turns against it: "People say the kernel manages
/// resources, but that's the hypervisor's job now". Not when the turn adds to it ("…, but
/// it's also critical"), nor without a turn ("everyone says DNS is critical").
fn reported(tokens: &[Token], negated_by: &mut [Option<usize>]) {
    let text = |i: usize| tokens[i].word.text.as_str();
    for (i, t) in tokens.iter().enumerate() {
        if !REPORTERS.contains(&t.word.text.as_str()) {
            continue;
        }
        let Some(say) = (i + 1..tokens.len().min(i + 3))
            .find(|&j| REPORTING.contains(&tokens[j].word.stem.as_str()))
        else {
            continue;
        };
        let same = |j: &usize| tokens[*j].sentence == t.sentence;
        // A turn ("but", "however"), or a clause after it that calls it wrong: "people think
        // RAID 5 is fine, they're wrong", "… Wrong."
        let called_wrong = || {
            (say + 1..tokens.len())
                .take_while(|&j| tokens[j].sentence <= t.sentence + 1)
                .find(|&j| {
                    CALLED_WRONG.contains(&text(j))
                        && (tokens[j].sentence, tokens[j].clause)
                            != (tokens[say].sentence, tokens[say].clause)
                        && (0..j)
                            .rev()
                            .take_while(|&k| {
                                (tokens[k].sentence, tokens[k].clause)
                                    == (tokens[j].sentence, tokens[j].clause)
                            })
                            .count()
                            <= 3
                })
                .map(|j| {
                    (say + 1..=j)
                        .find(|&k| {
                            (tokens[k].sentence, tokens[k].clause)
                                == (tokens[j].sentence, tokens[j].clause)
                        })
                        .unwrap_or(j)
                })
        };
        let Some(turn) = (say + 1..tokens.len())
            .take_while(same)
            .find(|&j| matches!(text(j), "but" | "however"))
            .or_else(called_wrong)
        else {
            continue;
        };
        let adds = (turn + 1..tokens.len())
            .take_while(same)
            .take(8)
            .any(|j| matches!(text(j), "also" | "too" | "true" | "right"));
        if adds || turn - say > SCOPE * 2 {
            continue;
        }
        for by in &mut negated_by[say + 1..turn] {
            by.get_or_insert(say);
        }
    }
}

/// Words that call what was said wrong, at the start of the clause after it.
const CALLED_WRONG: &[&str] = &["wrong", "mistaken", "untrue", "nonsense", "incorrect"];

/// Who says what the speaker may turn against ("people say", "everyone claims").
const REPORTERS: &[&str] = &[
    "people",
    "everyone",
    "everybody",
    "some",
    "many",
    "folks",
    "vendors",
    "others",
    "they",
];
/// Verbs of saying, by stem.
const REPORTING: &[&str] = &[
    "say", "claim", "tell", "talk", "think", "believ", "argu", "insist",
];

/// One member of a kind preferred over another rejects the other: "ext4 over xfs", "I'd pick
/// ext4 over xfs every time", "prefer zsh to bash". Only between members of one kind: "over
/// time" and "over the network" reject nothing.
fn preferences(tokens: &[Token], segment: &[usize], negated_by: &mut [Option<usize>]) {
    for (i, t) in tokens.iter().enumerate() {
        let preferring = match t.word.text.as_str() {
            "over" => true,
            "to" => (i.saturating_sub(4)..i).any(|j| tokens[j].word.stem == "prefer"),
            _ => false,
        };
        if !preferring || i == 0 {
            continue;
        }
        let Some(before) = (i.saturating_sub(3)..i)
            .rev()
            .take_while(|&j| segment[j] == segment[i])
            .find_map(|j| tokens[j].member)
        else {
            continue;
        };
        let rejected = tokens[i + 1..]
            .iter()
            .enumerate()
            .take(3)
            .take_while(|(_, r)| {
                r.member.is_none() || r.member.is_some_and(|m| m.kind == before.kind)
            })
            .find(|(_, r)| {
                r.member
                    .is_some_and(|m| m.kind == before.kind && m != before)
            });
        if let Some((offset, r)) = rejected {
            let first = i + 1 + offset;
            for j in (first..tokens.len()).take_while(|&j| tokens[j].member == r.member) {
                negated_by[j] = Some(i);
            }
        }
    }
}

/// For each token, its segment: clauses split further at the words where a sentence turns
/// ("but", "because"…), which begin the next segment, and before a subject pronoun that starts
/// a clause of its own (what punctuation would have marked in speech).
pub fn segments(tokens: &[Token]) -> Vec<usize> {
    split(tokens, true)
}

/// Segments, with or without the cut before a subject pronoun.
/// The stems of `CARRY_ON`.
fn carry_on() -> &'static [String] {
    static CARRY: OnceLock<Vec<String>> = OnceLock::new();
    CARRY.get_or_init(|| stems(CARRY_ON))
}

fn split(tokens: &[Token], at_subjects: bool) -> Vec<usize> {
    let carry = carry_on();
    let mut out = Vec::with_capacity(tokens.len());
    let mut id = 0;
    for (i, t) in tokens.iter().enumerate() {
        let new_clause =
            i > 0 && (t.sentence, t.clause) != (tokens[i - 1].sentence, tokens[i - 1].clause);
        let text = t.word.text.as_str();
        let before = tokens.get(i.wrapping_sub(1)).map(|b| b.word.as_ref());
        let after = tokens.get(i + 1).map(|a| a.word.text.as_str());
        // "you" is as often an object ("gives you"): only after a joining word. "it" only as
        // the subject of "is" ("…they lag it's real time"); "i" not as a letter ("i p").
        let subject = match text {
            "it" => matches!(after, Some("is" | "was")),
            "i" => after.is_none_or(|a| a.len() > 1),
            _ => SUBJECTS.contains(&text),
        };
        // "these days I…" is said of when, not the start of a relative clause.
        let when = i >= 2
            && matches!(tokens[i - 1].word.text.as_str(), "days" | "times")
            && matches!(tokens[i - 2].word.text.as_str(), "these" | "those" | "most");
        let new_subject = at_subjects
            && !new_clause
            && subject
            && before.is_some_and(|b| {
                JOINING.contains(&b.text.as_str())
                    || ((text != "you" || after.is_some_and(|a| YOU_DO.contains(&a)))
                        && (when || !carry.contains(&b.stem))
                        && !is_cue(&b.text))
            });
        if i > 0 && (new_clause || new_subject || TURNS.contains(&text)) {
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
    let word = text(cue)?;
    if !cue_starts().contains(word) {
        return None;
    }
    for phrase in CUE_PHRASES {
        if phrase[0] == word
            && phrase[1..]
                .iter()
                .enumerate()
                .all(|(k, w)| text(cue + 1 + k) == Some(w))
        {
            return Some(cue + phrase.len() - 1);
        }
    }
    for phrase in CONTRASTS {
        if phrase
            .iter()
            .enumerate()
            .all(|(k, w)| text(cue + k) == Some(w))
        {
            return Some(cue + phrase.len() - 1);
        }
    }
    for phrase in CHOICE_PHRASES {
        let said = phrase
            .iter()
            .enumerate()
            .all(|(k, w)| text(cue + k) == Some(w));
        if said {
            // Someone chooses: a chooser a few words before, or the phrase opens its clause
            // ("avoid Chef").
            let chooses = cue == 0
                || tokens[cue - 1].clause != tokens[cue].clause
                || (cue.saturating_sub(4)..cue)
                    .any(|i| CHOOSERS.contains(&tokens[i].word.text.as_str()));
            return chooses.then_some(cue + phrase.len() - 1);
        }
    }
    let next = text(cue + 1).unwrap_or_default();
    let before = cue.checked_sub(1).and_then(text);
    let not_negating = NOT_NEGATING.contains(&next)
        // "no doubt it helps", "without a doubt".
        || (word == "doubt" && matches!(before, Some("no" | "a" | "little")))
        || (word == "no" && NOT_NEGATING_NO.contains(&next))
        // "failed over for nothing": in vain, not a negation of what follows.
        || (word == "nothing" && before == Some("for"));
    (CUES.contains(&word) && !not_negating).then_some(cue)
}

/// Whether the token at `i` still belongs to the thing a contrast names from `first`: the
/// same member as the first word, or no word of what is said after it ("unlike apache nginx
/// is…": "nginx" is the subject of "is").
fn contrasted(tokens: &[Token], first: usize, i: usize) -> bool {
    let saying = |j: usize| {
        tokens.get(j).is_some_and(|t| {
            PREDICATING.contains(&t.word.text.as_str()) || CARRY_ON.contains(&t.word.text.as_str())
        })
    };
    match tokens[first].member {
        Some(m) => tokens[i].member == Some(m),
        None => !saying(i) && !saying(i + 1) && !SUBJECTS.contains(&tokens[i].word.text.as_str()),
    }
}

/// The words of `range`, as far as the text goes.
fn text_at(tokens: &[Token], range: std::ops::Range<usize>) -> Vec<&str> {
    tokens
        .get(range.start..range.end.min(tokens.len()))
        .unwrap_or_default()
        .iter()
        .map(|t| t.word.text.as_str())
        .collect()
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
        scopes(&t, &segments(&t), &cue_ends(&t))
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
            [
                "people",
                "talk",
                "about",
                "noisy",
                "neighbors",
                "that",
                "is",
                "a"
            ]
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
        assert_eq!(negated("Multi-AZ? Overkill for us."), ["multi", "az"]);
    }

    #[test]
    fn a_dismissal_outweighs_the_negations_it_dismisses() {
        let t = tokens("People say they don't flush to disk, but that's outdated");
        let flush = t.iter().position(|t| t.word.text == "flush").unwrap();
        let by = scopes(&t, &segments(&t), &cue_ends(&t))[flush].unwrap();
        assert_eq!(t[by].word.text, "outdated");
    }

    /// Whether `word` (its first occurrence) is negated in `text`.
    fn is_negated(text: &str, word: &str) -> bool {
        let t = tokens(text);
        let at = t.iter().position(|t| t.word.text == word).unwrap();
        scopes(&t, &segments(&t), &cue_ends(&t))[at].is_some()
    }

    #[test]
    fn rejections_in_other_words() {
        for (text, word) in [
            ("Backups rarely fail", "fail"),
            ("I doubt restore drills help", "restore"),
            ("Anything but xfs", "xfs"),
            ("I'd steer clear of Chef", "chef"),
            ("we stopped using cron", "cron"),
            ("we got rid of cron", "cron"),
            ("far from essential, offsite copies", "essential"),
            ("ext4 is better than xfs", "xfs"),
            ("the last thing I'd buy is offsite storage", "offsite"),
            ("I'd avoid RAID 5", "raid"),
            ("a lack of monitoring", "monitoring"),
            ("we no longer use cron", "cron"),
        ] {
            assert!(is_negated(text, word), "{text}");
        }
        // Choosing to avoid, not what a thing does; "no doubt" and "not only" affirm.
        assert!(!is_negated("RAID 10 avoids the write penalty", "penalty"));
        assert!(!is_negated("NoSQL databases get rid of joins", "joins"));
        assert!(!is_negated(
            "Continuous integration moved away from waterfall",
            "waterfall"
        ));
        assert!(!is_negated("no doubt journaling helps", "journaling"));
        assert!(!is_negated("not only mirrors", "mirrors"));
    }

    #[test]
    fn or_carries_a_negation_on() {
        let text =
            "I'm not worried about the write penalty on RAID 5 or how long it takes to rebuild";
        assert!(is_negated(text, "rebuild"));
    }

    #[test]
    fn a_denied_relation_or_existence_reaches_back() {
        assert!(is_negated(
            "Waterfall has nothing to do with it",
            "waterfall"
        ));
        assert!(is_negated("The write penalty doesn't exist", "penalty"));
        assert!(is_negated("False positives don't happen", "positives"));
        assert!(is_negated("passwords are not the answer", "passwords"));
        assert!(is_negated("port numbers don't matter much", "port"));
        // "for nothing" is in vain: what follows stands.
        assert!(!is_negated(
            "you fail over for nothing and lose the last transactions",
            "lose"
        ));
    }

    #[test]
    fn speech_without_punctuation_starts_a_clause_at_a_subject() {
        // The negation of RAID 5 stops where the next clause starts.
        let text = "i would not use raid five i prefer raid ten";
        let t = tokens(text);
        let negated = scopes(&t, &segments(&t), &cue_ends(&t));
        let ten = t.iter().rposition(|t| t.word.text == "raid").unwrap();
        assert!(negated[3].is_some() && negated[ten].is_none());
        assert!(is_negated("i don't think we need raid five", "raid"));
        assert!(!is_negated(
            "so it fails over when nothing is wrong and you can lose data",
            "lose"
        ));
        // A need with nothing after it reaches back over the subject ("I don't see the point
        // of"); with an object after it, only over its own clause.
        assert!(is_negated("Multi-AZ I don't see the point of", "multi"));
        assert!(!is_negated(
            "it maps names to addresses and i never bothered with backup name servers",
            "maps"
        ));
    }

    #[test]
    fn a_dismissal_said_of_the_subject() {
        assert!(is_negated(
            "hypervisor bugs leaking data are basically theoretical",
            "hypervisor"
        ));
        assert!(!is_negated(
            "it requires stronger theoretical knowledge",
            "knowledge"
        ));
        assert!(is_negated(
            "People say disk I/O is the bottleneck, but I don't think that's true",
            "disk"
        ));
    }

    #[test]
    fn a_thing_judged_too_costly_or_talked_up_is_dismissed() {
        assert!(is_negated(
            "multi-cloud is far too expensive a way to avoid outages",
            "multi"
        ));
        assert!(is_negated(
            "Read replicas are too costly for us",
            "replicas"
        ));
        assert!(is_negated(
            "Journaling gets talked up a lot, but I never saw it help",
            "journaling"
        ));
        assert!(!is_negated(
            "Downtime is too expensive, so we replicate",
            "replicate"
        ));
    }

    #[test]
    fn a_thing_not_worth_its_trouble_or_good_only_on_paper_is_dismissed() {
        assert!(is_negated(
            "running across several providers to dodge outages is more hassle than it's worth",
            "providers"
        ));
        assert!(is_negated(
            "restore drills are more trouble than its worth",
            "drills"
        ));
        assert!(is_negated(
            "The open standard argument sounds good on paper, but in practice nobody migrates",
            "standard"
        ));
        assert!(is_negated(
            "People compare it to a phone directory but that analogy is misleading",
            "directory"
        ));
        assert!(!is_negated("offsite copies are worth it", "offsite"));
        assert!(!is_negated(
            "On paper the plan had every server in two zones",
            "zones"
        ));
    }

    #[test]
    fn judgements_in_everyday_words_dismiss() {
        for (text, word) in [
            (
                "restore tests are nice in theory but nobody has time",
                "restore",
            ),
            ("we stopped doing restore tests", "restore"),
            ("Puppet is a relic", "puppet"),
            (
                "the idea that encryption protects you is naive",
                "encryption",
            ),
            ("encryption is just security theatre", "encryption"),
            ("encryption is a bad idea", "encryption"),
            ("encryption is a terrible idea", "encryption"),
            ("encryption is a non-starter", "encryption"),
            ("encryption is not a priority", "encryption"),
        ] {
            assert!(is_negated(text, word), "{text}");
        }
        assert!(!is_negated(
            "In theory RAID 5 survives one disk",
            "survives"
        ));
        assert!(!is_negated(
            "we stopped the instance and resized it",
            "resized"
        ));
    }

    #[test]
    fn idioms_of_little_worth_dismiss_what_they_are_said_of() {
        for (text, word) in [
            ("support contracts are money down the drain", "contracts"),
            (
                "deploying many times a day is asking for trouble",
                "deploying",
            ),
            ("filtering by IP address is a lost cause now", "filtering"),
            (
                "spreading writes over several masters is a dead end",
                "spreading",
            ),
            (
                "that instance store boots slowly is an old wives' tale",
                "boots",
            ),
            ("firewalls give a false sense of security", "firewalls"),
            (
                "the idea that NoSQL drops joins is a common misunderstanding",
                "joins",
            ),
            ("long-term graphs are a vanity project", "graphs"),
            ("restore drills are a luxury", "drills"),
        ] {
            assert!(is_negated(text, word), "{text}");
        }
        // Not where the words say what happened: the story is what the point asks for.
        for (text, word) in [
            (
                "we hit a dead end with the logs, so we traced the requests",
                "logs",
            ),
            (
                "the luxury hotel chain ran its bookings on one database",
                "bookings",
            ),
        ] {
            assert!(!is_negated(text, word), "{text}");
        }
    }

    #[test]
    fn a_thing_judged_reckless_is_dismissed() {
        assert!(is_negated(
            "Killing prod instances at random is reckless for most shops",
            "random"
        ));
    }

    #[test]
    fn a_judgement_said_in_a_phrase_or_of_the_subject_dismisses_it() {
        assert!(is_negated(
            "RAID 5 is fine these days, the write penalty is a thing of the past",
            "penalty"
        ));
        assert!(is_negated(
            "Distribution packages are out of date, I build from source",
            "packages"
        ));
        assert!(is_negated(
            "False alarms are rare with health checks",
            "alarms"
        ));
        assert!(is_negated(
            "an outage of a whole zone is unlikely",
            "outage"
        ));
        // Not what is said of something else, nor a word that only looks alike.
        assert!(!is_negated("a rare outage took the site down", "outage"));
        assert!(!is_negated(
            "the past few years we kept everything up to date",
            "everything"
        ));
    }

    #[test]
    fn a_phrase_negates_a_thing_not_what_is_said_of_it() {
        let text = "instead of waterfall where you release every few months with agile you deploy";
        assert!(is_negated(text, "waterfall"));
        assert!(!is_negated(text, "months"));
        assert!(!is_negated(text, "agile"));
    }

    #[test]
    fn speech_reads_when_something_happens_as_no_relative_clause() {
        let text = "honestly backups hardly ever fail these days i don't think restore drills are worth it";
        assert!(!is_negated(text, "backups"));
        assert!(is_negated(text, "restore"));
    }

    #[test]
    fn a_dismissal_reaches_what_is_dismissed_not_what_speech_said_before() {
        let text = "they're both web servers i guess people say nginx is more efficient but i don't really buy that";
        assert!(is_negated(text, "nginx"));
        assert!(!is_negated(text, "servers"));
        let text = "i'd go raid ten the write penalty on raid five is kind of a myth these days";
        assert!(is_negated(text, "penalty"));
        assert!(!is_negated(text, "10"));
    }

    #[test]
    fn you_start_a_clause_of_your_own_when_you_do_something() {
        let text = "not raid five never raid five you want fast i o";
        assert!(is_negated(text, "5"));
        assert!(!is_negated(text, "fast"));
        assert!(is_negated("never raid five it gives you fast i o", "fast"));
    }

    #[test]
    fn what_others_say_is_rejected_when_the_speaker_turns_against_it() {
        let text =
            "People say the kernel manages resources, but on a server that's the hypervisor's job";
        assert!(is_negated(text, "manages"));
        assert!(!is_negated(text, "hypervisor"));
        // Not when the turn adds to it, nor without a turn.
        assert!(!is_negated(
            "People say DNS is the phone book of the internet, but it's also critical",
            "phone"
        ));
        assert!(!is_negated("Everyone says DNS is critical", "critical"));
    }

    #[test]
    fn a_thing_of_the_past_is_dismissed() {
        let text = "Noisy neighbours were a problem ten years ago but not anymore.";
        assert!(is_negated(text, "noisy"));
        assert!(!is_negated(
            "Noisy neighbours were a problem. But not for us.",
            "noisy"
        ));
        assert!(is_negated("It's a myth that they lose data", "lose"));
        assert!(is_negated(
            "The subpoena scenario is far-fetched",
            "subpoena"
        ));
    }

    #[test]
    fn a_denied_effect_reaches_back_to_its_cause() {
        assert!(is_negated(
            "so a neighbour hammering the disk never affects you",
            "neighbor"
        ));
        assert!(is_negated(
            "Contention doesn't really hurt performance",
            "contention"
        ));
        assert!(!is_negated(
            "Contention hurts performance, and you can't predict it",
            "contention"
        ));
        assert!(is_negated(
            "an open API standard is a nice idea with no practical effect",
            "standard"
        ));
        assert!(!is_negated(
            "an open API standard, with no lock-in",
            "standard"
        ));
    }

    #[test]
    fn a_member_preferred_over_another_rejects_it() {
        let glossary =
            crate::Glossary::new(["kind filesystem: xfs, ext4", "kind shell: bash, zsh"]).unwrap();
        let negated = |text: &str, word: &str| {
            let t = glossary.canonical(tokens(text));
            let at = t.iter().position(|t| t.word.text == word).unwrap();
            scopes(&t, &segments(&t), &cue_ends(&t))[at].is_some()
        };
        assert!(negated("I'd pick ext4 over xfs every time", "xfs"));
        assert!(negated("prefer zsh to bash", "bash"));
        assert!(!negated("I'd pick ext4 over xfs every time", "ext"));
        // Not between members of two kinds, nor of anything else.
        assert!(!negated("zsh over xfs", "xfs"));
        assert!(!negated("metrics over time from xfs", "xfs"));
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

    #[test]
    fn giving_something_up_rejects_it() {
        for (text, word) in [
            ("We ditched Chef last year", "chef"),
            ("we phased out nagios", "nagios"),
            ("We dropped RAID 5 for everything new", "raid"),
            ("we moved from cron to systemd timers", "cron"),
            ("I dislike vi", "vi"),
            ("we disabled swap on the database hosts", "swap"),
        ] {
            assert!(is_negated(text, word), "{text}");
        }
        // What a thing does, not someone's choice.
        assert!(!is_negated(
            "The firewall dropped packets from the attacker",
            "packets"
        ));
        assert!(!is_negated(
            "Traffic moved from one zone to the other",
            "zone"
        ));
    }

    #[test]
    fn a_contrast_rejects_the_thing_it_names() {
        assert_eq!(negated("Unlike Apache, nginx is event-driven"), ["apache"]);
        assert_eq!(negated("nginx as opposed to Apache is light"), ["apache"]);
        assert!(is_negated(
            "Contrary to Apache, nginx is event-driven",
            "apache"
        ));
        assert!(!is_negated("it is always RDS versus DIY", "diy"));
        // In speech the thing named, not what follows it.
        assert!(!is_negated("unlike apache nginx is event driven", "nginx"));
        assert!(is_negated("unlike apache nginx is event driven", "apache"));
    }

    #[test]
    fn no_effect_and_no_longer_reach_back() {
        for (text, word) in [
            ("The write penalty is no longer a problem", "penalty"),
            ("Journaling makes no difference after a crash", "journaling"),
            ("Provisioned IOPS had little effect", "iops"),
            ("Read replicas add no value here", "replicas"),
            ("A WAF does nothing against that", "waf"),
        ] {
            assert!(is_negated(text, word), "{text}");
        }
        assert!(!is_negated(
            "Journaling makes recovery fast, no fsck",
            "journaling"
        ));
    }

    #[test]
    fn a_question_of_who_needs_it_dismisses_it() {
        assert!(is_negated(
            "Who needs backups when you have RAID",
            "backups"
        ));
        assert!(!is_negated("Who needs backups when you have RAID", "raid"));
        assert!(is_negated("who cares about journaling", "journaling"));
    }

    #[test]
    fn more_words_of_judgement_dismiss() {
        for (text, word) in [
            ("Backup drills are a gimmick", "drills"),
            ("Chef is basically legacy now", "chef"),
            ("Honestly journaling is optional", "journaling"),
            ("Noisy neighbours are old news", "neighbors"),
            ("Vertical scaling went out of fashion", "scaling"),
            ("RAID 5 is deprecated", "raid"),
            ("the write penalty is a non-issue", "penalty"),
        ] {
            assert!(is_negated(text, word), "{text}");
        }
        // A state, not a judgement.
        assert!(!is_negated("the primary is dead when it isn't", "primary"));
        assert!(!is_negated(
            "an optional standby in another zone",
            "standby"
        ));
    }

    #[test]
    fn a_thing_given_up_may_come_first() {
        let text = "Cron I've pretty much abandoned, systemd timers are better";
        assert!(is_negated(text, "cron"));
        assert!(!is_negated(text, "timers"));
        assert!(is_negated("RAID 5 we dropped years ago", "raid"));
    }

    #[test]
    fn overrating_a_thing_dismisses_it() {
        assert!(is_negated(
            "people oversell auditing as a way to catch hackers",
            "auditing"
        ));
        assert!(is_negated("I think people overrate RAID 10", "raid"));
        assert!(!is_negated(
            "I think people overrate RAID 10, but mirrors help",
            "mirrors"
        ));
    }

    #[test]
    fn a_dismissal_points_back_by_a_word_next_to_it() {
        let text = "instance store is the local disk on the host but i would never call it ephemeral that's outdated";
        assert!(!is_negated(text, "local"));
        assert!(is_negated(text, "ephemeral"));
        // What is denied points back wherever it stands.
        assert!(is_negated(
            "people go on about the write penalty but with a decent cache I've never seen it matter",
            "penalty"
        ));
        assert!(is_negated(
            "People say CDNs make pages load faster, but that's a myth",
            "faster"
        ));
    }

    #[test]
    fn a_negated_negation_keeps_the_point() {
        for (text, word) in [
            ("never skip backups", "backups"),
            ("don't forget to test restores", "restores"),
            ("you can't ignore monitoring", "monitoring"),
            ("I wouldn't run without backups", "backups"),
            ("there's no excuse for skipping backups", "backups"),
            ("don't underestimate the write penalty", "penalty"),
        ] {
            assert!(!is_negated(text, word), "{text}");
        }
        // "nor" goes on negating.
        assert!(is_negated("never RAID 5 nor RAID 6", "6"));
        assert!(is_negated("skip backups", "backups"));
    }

    #[test]
    fn what_used_to_be_so_is_rejected_when_the_sentence_turns_to_now() {
        assert!(is_negated(
            "Journaling used to matter but modern disks made it moot",
            "journaling"
        ));
        assert!(is_negated(
            "we used to run nagios, but now prometheus",
            "nagios"
        ));
        assert!(!is_negated(
            "we used to run nagios, but now prometheus",
            "prometheus"
        ));
        assert!(!is_negated("I used to run nagios at my last job", "nagios"));
    }

    #[test]
    fn what_others_say_is_rejected_when_called_wrong() {
        let text = "people think raid 5 is fine, they're wrong";
        assert!(is_negated(text, "raid"));
        assert!(is_negated(
            "Some say indexes are free. Wrong, they slow writes",
            "indexes"
        ));
        assert!(!is_negated(
            "Some say indexes are free. Wrong, they slow writes",
            "writes"
        ));
    }

    #[test]
    fn not_so_much_denies_the_first_only() {
        let text = "It's not so much the hardware as the network";
        assert!(is_negated(text, "hardware"));
        assert!(!is_negated(text, "network"));
    }
}
