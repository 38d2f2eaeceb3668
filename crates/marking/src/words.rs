//! Text to words: where they are, which sentence and clause they belong to, their spelling
//! folded (case, apostrophes, British to American) and their Snowball stem.

use interview_sorted::SortedMap;
use rust_stemmers::{Algorithm, Stemmer};
use std::ops::Range;
use std::rc::Rc;

/// A word as matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower case, apostrophes removed, British spellings folded: "behaviour" → "behavior".
    pub text: String,
    pub stem: String,
    /// Which letters a–z the word holds, one bit each: a quick proof that two words are too
    /// different to be a slip of each other.
    pub letters: u32,
}

/// A word of a text and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Shared by the repeats of a word.
    pub word: Rc<Word>,
    /// Bytes of the original text.
    pub span: Range<usize>,
    /// Sentences end at `.`, `!`, `?` and line breaks.
    pub sentence: u32,
    /// Clauses also end at `,`, `;`, `:`, brackets and dashes.
    pub clause: u32,
}

impl Word {
    pub fn new(text: &str) -> Self {
        let text = american(&lower(text).replace(['\'', '’'], ""));
        let stem = stem(&text);
        let letters = text
            .bytes()
            .filter(u8::is_ascii_lowercase)
            .fold(0, |set, b| set | 1 << (b - b'a'));
        Self {
            text,
            stem,
            letters,
        }
    }

    /// Numbers ("5", "10", "64") and words that hold them are matched exactly.
    pub fn has_digit(&self) -> bool {
        self.text.bytes().any(|b| b.is_ascii_digit())
    }
}

/// The Snowball English (Porter 2) stem; numbers are their own stem.
pub fn stem(word: &str) -> String {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_string();
    }
    // Snowball keeps the plural of words without vowels: "DBs", "VMs", "LBs".
    let vowels = word.contains(|c: char| "aeiouy".contains(c));
    match word.strip_suffix('s') {
        Some(singular) if !vowels && singular.len() >= 2 => singular.to_string(),
        _ => Stemmer::create(Algorithm::English).stem(word).into_owned(),
    }
}

/// Lower case for the Latin alphabet, where key points are written; other letters stay as
/// they are. Full Unicode case folding would add its tables to the wasm for answers in English.
fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

/// Splits text into words: runs of letters, or of digits ("RAID10" → "raid", "10"; "1+0" →
/// "1", "0"). Contractions open up: "don't" → "do", "not"; "can't" → "can", "not"; "I'd",
/// "we'll", "it's", "company's" → "i", "we", "it", "company" (so "I'd" is never "ID").
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    // A long answer repeats its words: fold and stem each distinct one once.
    let mut known: SortedMap<String, Rc<Word>> = SortedMap::default();
    let (mut sentence, mut clause) = (0u32, 0u32);
    let mut word = String::new();
    let mut current: Option<(usize, bool)> = None; // where the word starts, whether digits
    let mut flush = |out: &mut Vec<Token>, word: &mut String, start: usize, end, s, c| {
        let (first, second) = contraction(word);
        for part in std::iter::once(first).chain(second) {
            let folded = match known.get(part) {
                Some(w) => Rc::clone(w),
                None => Rc::clone(
                    known
                        .entry(part.to_string())
                        .or_insert_with(|| Rc::new(Word::new(part))),
                ),
            };
            out.push(Token {
                word: folded,
                span: start..end,
                sentence: s,
                clause: c,
            });
        }
        word.clear();
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c.is_alphanumeric() {
            let digit = c.is_ascii_digit();
            match current {
                Some((_, d)) if d == digit => {}
                Some((start, _)) => {
                    flush(&mut out, &mut word, start, i, sentence, clause);
                    current = Some((i, digit));
                }
                None => current = Some((i, digit)),
            }
            word.push(c);
            continue;
        }
        let inside_word =
            current.is_some() && next.is_some_and(|n| n.is_alphanumeric() && !n.is_ascii_digit());
        if is_apostrophe(c) && inside_word {
            word.push('\'');
            continue;
        }
        if let Some((start, _)) = current.take() {
            flush(&mut out, &mut word, start, i, sentence, clause);
        }
        let before_space = next.is_none_or(char::is_whitespace);
        match c {
            '.' | '!' | '?' if before_space => sentence += 1,
            '\n' => sentence += 1,
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–' => clause += 1,
            '-' if before_space => clause += 1,
            _ => {}
        }
    }
    if let Some((start, _)) = current {
        flush(&mut out, &mut word, start, text.len(), sentence, clause);
    }
    out
}

/// The words a written word stands for: a contraction opens up, other apostrophes vanish.
fn contraction(word: &str) -> (&str, Option<&str>) {
    let Some((head, tail)) = word.split_once('\'') else {
        return (word, None);
    };
    let lower_tail = lower(tail);
    if lower_tail == "t" && head.len() > 1 && head.ends_with(['n', 'N']) {
        let base = &head[..head.len() - 1];
        let base = match lower(base).as_str() {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            _ => base,
        };
        return (base, Some("not"));
    }
    if matches!(lower_tail.as_str(), "d" | "ll" | "re" | "ve" | "s" | "m") {
        return (head, None);
    }
    // "o'clock", "rock'n'roll": the apostrophe is not a contraction.
    (word, None)
}

/// Folds British spellings to American ones, on both sides of a match, so it only needs to
/// be consistent: "virtualised" → "virtualized", "datacentre" → "datacenter", "behaviour" →
/// "behavior", "catalogue" → "catalog", "analyse" → "analyze".
pub fn american(word: &str) -> String {
    const ISE: &[(&str, &str)] = &[
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("isers", "izers"),
        ("iser", "izer"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
        ("ogue", "og"),
        ("ogues", "ogs"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("bre", "ber"),
    ];
    for (british, american) in ISE {
        if let Some(root) = word.strip_suffix(british) {
            // "rise" and "wise" stay as they are; "fibre" and "metre" fold.
            let shortest = if british.ends_with("re") { 2 } else { 3 };
            if root.chars().count() >= shortest {
                return format!("{root}{american}");
            }
        }
    }
    // "colour", "behaviour", "neighbours", "favourite", but not "four", "your", "source".
    const OUR: &[&str] = &[
        "our", "ours", "oured", "ouring", "ourite", "ourable", "ourer",
    ];
    for ending in OUR {
        if let Some(root) = word.strip_suffix(ending) {
            if root.chars().count() >= 3 {
                return format!("{root}or{}", &ending[3..]);
            }
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        tokens(text)
            .into_iter()
            .map(|t| t.word.text.clone())
            .collect()
    }

    #[test]
    fn words_split_at_letters_and_digits_and_keep_their_place() {
        assert_eq!(texts("RAID10, RAID 1+0"), ["raid", "10", "raid", "1", "0"]);
        assert_eq!(texts("I/O-bound EC2"), ["i", "o", "bound", "ec", "2"]);
        let t = tokens("Don’t use it");
        assert_eq!(
            (t[0].word.text.as_str(), t[1].word.text.as_str()),
            ("do", "not")
        );
        assert_eq!((t[0].span.clone(), t[1].span.clone()), (0..7, 0..7));
        assert_eq!(&"Don’t use it"[t[3].span.clone()], "it");
        assert_eq!(
            texts("can't won't I'd we'll o'clock"),
            ["can", "not", "will", "not", "i", "we", "oclock"]
        );
    }

    #[test]
    fn case_folds_in_the_latin_alphabet() {
        assert_eq!(
            texts("RAID Replication DBs"),
            ["raid", "replication", "dbs"]
        );
        // Other letters keep their case: no Unicode case tables in the wasm for them.
        assert_eq!(texts("Café CAFÉ"), ["café", "cafÉ"]);
        assert_eq!(texts("DON'T"), ["do", "not"]);
    }

    #[test]
    fn sentences_and_clauses_are_counted() {
        let t = tokens("No backups, just RAID. Then v1.2 - done");
        let at: Vec<(u32, u32)> = t.iter().map(|t| (t.sentence, t.clause)).collect();
        assert_eq!(
            at,
            [
                (0, 0),
                (0, 0),
                (0, 1),
                (0, 1),
                (1, 1),
                (1, 1),
                (1, 1),
                (1, 1),
                (1, 2)
            ]
        );
    }

    #[test]
    fn stems_fold_inflections_both_ways() {
        for (a, b) in [
            ("caches", "cache"),
            ("sizes", "size"),
            ("replicated", "replication"),
            ("indexes", "index"),
            ("policies", "policy"),
            ("mirrored", "mirroring"),
        ] {
            assert_eq!(Word::new(a).stem, Word::new(b).stem, "{a} / {b}");
        }
        assert_eq!(stem("10"), "10");
        assert_eq!(stem("dbs"), "db");
        assert_eq!(stem("vms"), "vm");
    }

    #[test]
    fn british_spellings_fold_to_american() {
        for (gb, us) in [
            ("virtualised", "virtualized"),
            ("centralisation", "centralization"),
            ("datacentre", "datacenter"),
            ("behaviour", "behavior"),
            ("neighbours", "neighbors"),
            ("favourite", "favorite"),
            ("catalogue", "catalog"),
            ("analyse", "analyze"),
            ("fibre", "fiber"),
        ] {
            assert_eq!(Word::new(gb).stem, Word::new(us).stem, "{gb} / {us}");
        }
        for same in [
            "four",
            "your",
            "source",
            "resources",
            "rise",
            "hour",
            "tour",
        ] {
            assert_eq!(american(same), same);
        }
    }
}
