//! Text to words: where they are, which sentence and clause they belong to, their spelling
//! folded (case, apostrophes, British to American) and their Snowball stem. Speech comes in as
//! recognition writes it, so fillers ("um") are dropped and numbers said as words ("sixty
//! four") become digits, as typed answers write them.

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
    /// The member of a kind of thing the word names ("ext4", a filesystem), set by the
    /// glossary.
    pub member: Option<Member>,
    /// The word as written, where the glossary replaced it by another ("sync" read as
    /// "synchronous"): letters spelled before it may join it ("r sync").
    pub written: Option<Rc<Word>>,
}

/// A member of a kind of thing the glossary lists ("filesystem: xfs, ext4, …"): its kind and
/// which member it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Member {
    pub kind: u16,
    pub id: u16,
}

impl Word {
    pub fn new(text: &str) -> Self {
        Self::stemmed_if(text, &|_| true)
    }

    /// The word, stemmed only if `needed` says its folded text may matter (stemming is most
    /// of what reading an answer costs); an irregular form is always read as its verb.
    pub fn stemmed_if(text: &str, needed: &dyn Fn(&str) -> bool) -> Self {
        let mut folded = String::with_capacity(text.len());
        folded.extend(
            text.chars()
                .filter(|&c| c != '\'' && c != '’')
                .map(|c| c.to_ascii_lowercase()),
        );
        let text = american_of(&folded).unwrap_or(folded);
        let stem = match irregular(&text) {
            Some(plain) => snowball(plain),
            None if needed(&text) => stem(&text),
            None => text.clone(),
        };
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

/// The first three letters of a word. An answer's word whose first letters start no key
/// word, glossary term or word that negation reads by stem is never compared by its stem,
/// so it is not stemmed: stemming is most of what reading an answer costs. (A stem keeps
/// its word's first letters; irregular forms are stemmed always.) Lookups in the glossary
/// are skipped the same way. Held as a number, in the letters' order: compared without
/// comparing bytes one by one.
pub type Prefix = u32;

/// The prefix of a word of three letters or more (the words it is used for are longer than
/// five: a shorter word's stem may change its first letters, "using" → "use").
pub fn prefix(word: &str) -> Option<Prefix> {
    let b = word.as_bytes();
    (b.len() >= 3).then(|| u32::from_be_bytes([0, b[0], b[1], b[2]]))
}

/// Forms of a verb the stemmer leaves apart from its other forms ("taken" is not "take",
/// "adding" is stemmed "ad"), sorted: each is read as the verb's plain form.
const IRREGULAR: &[(&str, &str)] = &[
    ("added", "add"),
    ("adding", "add"),
    ("bought", "buy"),
    ("brought", "bring"),
    ("built", "build"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("done", "do"),
    ("drawn", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("fallen", "fall"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("fought", "fight"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("got", "get"),
    ("gotten", "get"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("hidden", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("paid", "pay"),
    ("ran", "run"),
    ("said", "say"),
    ("seen", "see"),
    ("sent", "send"),
    ("shown", "show"),
    ("sold", "sell"),
    ("spent", "spend"),
    ("spun", "spin"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("understood", "understand"),
    ("went", "go"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("written", "write"),
    ("wrote", "write"),
];

/// Comparatives and superlatives the stemmer leaves apart from their adjective ("faster" is
/// not "fast"), sorted: each is read as the adjective, so "faster reads" and "fast reads" match.
const COMPARED: &[(&str, &str)] = &[
    ("bigger", "big"),
    ("biggest", "big"),
    ("cheaper", "cheap"),
    ("cheapest", "cheap"),
    ("cleaner", "clean"),
    ("easier", "easy"),
    ("easiest", "easy"),
    ("faster", "fast"),
    ("fastest", "fast"),
    ("greater", "great"),
    ("harder", "hard"),
    ("heavier", "heavy"),
    ("higher", "high"),
    ("highest", "high"),
    ("larger", "large"),
    ("largest", "large"),
    ("lighter", "light"),
    ("longer", "long"),
    ("lower", "low"),
    ("lowest", "low"),
    ("newer", "new"),
    ("newest", "new"),
    ("older", "old"),
    ("oldest", "old"),
    ("quicker", "quick"),
    ("quickest", "quick"),
    ("safer", "safe"),
    ("safest", "safe"),
    ("shorter", "short"),
    ("simpler", "simple"),
    ("simplest", "simple"),
    ("slower", "slow"),
    ("slowest", "slow"),
    ("smaller", "small"),
    ("smallest", "small"),
    ("stronger", "strong"),
    ("tighter", "tight"),
    ("weaker", "weak"),
];

/// The plain form of an irregular verb form or a comparative ("taken" → "take", "faster" →
/// "fast").
fn irregular(word: &str) -> Option<&'static str> {
    // Every form in the tables ends in one of these: most words are refused at once.
    if !word.ends_with(['d', 'e', 'g', 'k', 'n', 'r', 't', 'w']) {
        return None;
    }
    let find = |table: &'static [(&str, &str)]| {
        table
            .binary_search_by(|(form, _)| (*form).cmp(word))
            .ok()
            .map(|i| table[i].1)
    };
    find(IRREGULAR).or_else(|| find(COMPARED))
}

/// The Snowball English (Porter 2) stem; numbers are their own stem.
pub fn stem(word: &str) -> String {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_string();
    }
    snowball(irregular(word).unwrap_or(word))
}

/// Snowball's stem of a word without digits.
fn snowball(word: &str) -> String {
    // A word of five letters or fewer is its own stem unless it ends in one of these: the
    // other suffixes Porter 2 removes need a longer word. Most short words skip the stemmer.
    if word.len() <= 5 && word.is_ascii() && !word.ends_with(['s', 'd', 'g', 'y', 'e', 'l', 'i']) {
        return word.to_string();
    }
    stemmed(word)
}

/// The stem, always through the stemmer.
fn stemmed(word: &str) -> String {
    // Snowball keeps the plural of words without vowels: "DBs", "VMs", "LBs"; and of words
    // whose only vowel is the `u` before it: "CPUs", "GPUs".
    if let Some(singular) = word.strip_suffix("us").filter(|s| s.len() >= 2) {
        if !singular.contains(|c: char| "aeiouy".contains(c)) {
            return format!("{singular}u");
        }
    }
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
/// "1", "0"). Contractions open up: "don't" → "do", "not"; "can't" → "can", "not"; "it's" →
/// "it", "is"; "I'd", "we'll", "company's" → "i", "we", "company" (so "I'd" is never "ID").
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_stemming(text, &|_| true)
}

/// [`tokens`], each word stemmed only if `needed` says it may matter (see
/// [`Word::stemmed_if`]).
pub fn tokens_stemming(text: &str, needed: &dyn Fn(&str) -> bool) -> Vec<Token> {
    // The words as written, one after another in `written`, and where each stands: (its bytes
    // in `written`, its bytes in the text, sentence, clause).
    let mut written = String::new();
    let mut raw: Vec<(Range<usize>, Range<usize>, u32, u32)> = Vec::new();
    let (mut sentence, mut clause) = (0u32, 0u32);
    let mut word = String::new();
    let mut current: Option<(usize, bool)> = None; // where the word starts, whether digits
    let mut flush = |word: &mut String, start: usize, end, s, c| {
        let (first, second) = contraction(word);
        for part in std::iter::once(first).chain(second) {
            let at = written.len();
            written.push_str(part);
            raw.push((at..written.len(), start..end, s, c));
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
                    flush(&mut word, start, i, sentence, clause);
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
            flush(&mut word, start, i, sentence, clause);
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
        flush(&mut word, start, text.len(), sentence, clause);
    }
    // A long answer repeats its words: fold and stem each distinct one once, found by
    // sorting rather than by a map kept sorted as it grows.
    let part = |i: usize| &written[raw[i].0.clone()];
    let order = sorted_by_text(raw.len(), part);
    let mut folded: Vec<Option<Rc<Word>>> = vec![None; raw.len()];
    let mut last: Option<(usize, Rc<Word>)> = None;
    for &i in &order {
        let word = match &last {
            Some((j, w)) if part(*j) == part(i) => Rc::clone(w),
            _ => Rc::new(Word::stemmed_if(part(i), needed)),
        };
        folded[i] = Some(Rc::clone(&word));
        last = Some((i, word));
    }
    let out = raw
        .into_iter()
        .zip(folded)
        .filter_map(|((_, span, sentence, clause), word)| {
            let word = word?;
            (!FILLERS.contains(&word.text.as_str())).then_some(Token {
                word,
                span,
                sentence,
                clause,
                member: None,
                written: None,
            })
        })
        .collect();
    numbers(out)
}

/// The indices `0..n` in the order of their texts. Compared by their first bytes first, as
/// one number: most pairs of words differ there, and a string comparison costs more.
pub fn sorted_by_text<'a>(n: usize, text: impl Fn(usize) -> &'a str) -> Vec<usize> {
    // The first eight bytes, zeros after a shorter word (words hold no zero byte).
    let key = |s: &str| {
        let mut k = [0u8; 8];
        let b = s.as_bytes();
        k[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
        u64::from_be_bytes(k)
    };
    let order: Vec<(u64, &str, usize)> = (0..n).map(|i| (key(text(i)), text(i), i)).collect();
    interview_sorted::sort(order)
        .into_iter()
        .map(|(_, _, i)| i)
        .collect()
}

/// Sounds a speaker makes while thinking, which recognition writes down.
const FILLERS: &[&str] = &[
    "ah", "eh", "er", "erm", "hm", "hmm", "mhm", "mm", "uh", "uhh", "uhm", "um", "umm",
];

/// The value of a number word: units and teens, tens, and the multipliers.
fn number_word(word: &str) -> Option<(u64, NumberWord)> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = UNITS.iter().position(|w| *w == word) {
        return Some((n as u64, NumberWord::Unit));
    }
    if let Some(n) = TENS.iter().position(|w| *w == word) {
        return Some((20 + 10 * n as u64, NumberWord::Ten));
    }
    match word {
        "hundred" => Some((100, NumberWord::Hundred)),
        "thousand" => Some((1_000, NumberWord::Large)),
        "million" => Some((1_000_000, NumberWord::Large)),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NumberWord {
    Unit,
    Ten,
    Hundred,
    Large,
}

/// Numbers said as words become the digits a typed answer has: "sixty four" → "64", "two
/// thousand" → "2000", "RAID ten" → "RAID 10". Digits said one by one stay apart ("one zero"
/// → "1", "0", as "1+0" is).
fn numbers(tokens: Vec<Token>) -> Vec<Token> {
    if !tokens.iter().any(|t| number_word(&t.word.text).is_some()) {
        return tokens;
    }
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let Some((first, _)) = number_word(&tokens[i].word.text) else {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        };
        // (total so far, the part under a thousand, the last word's kind)
        let (mut total, mut part) = (0u64, 0u64);
        let mut last: Option<NumberWord> = None;
        let mut end = i;
        while end < tokens.len() && tokens[end].sentence == tokens[i].sentence {
            let Some((n, kind)) = number_word(&tokens[end].word.text) else {
                break;
            };
            let fits = match (last, kind) {
                (None, NumberWord::Unit | NumberWord::Ten) => true,
                (None, _) => false,
                (Some(NumberWord::Ten), NumberWord::Unit) => n > 0 && n < 10,
                (
                    Some(NumberWord::Hundred | NumberWord::Large),
                    NumberWord::Unit | NumberWord::Ten,
                ) => true,
                (Some(NumberWord::Unit | NumberWord::Ten), NumberWord::Hundred) => part < 100,
                (Some(_), NumberWord::Large) => part > 0 || total > 0,
                _ => false,
            };
            if !fits {
                break;
            }
            match kind {
                NumberWord::Unit | NumberWord::Ten => part += n,
                NumberWord::Hundred => part *= 100,
                NumberWord::Large => {
                    total += part.max(1) * n;
                    part = 0;
                }
            }
            last = Some(kind);
            end += 1;
        }
        if end == i {
            // "hundred" alone ("a few hundred"): a number of its own.
            out.push(number_token(&tokens[i..=i], first));
            i += 1;
            continue;
        }
        out.push(number_token(&tokens[i..end], total + part));
        i = end;
    }
    out
}

fn number_token(said: &[Token], value: u64) -> Token {
    let first = &said[0];
    let last = &said[said.len() - 1];
    Token {
        word: Rc::new(Word::new(&value.to_string())),
        span: first.span.start..last.span.end,
        sentence: first.sentence,
        clause: first.clause,
        member: None,
        written: None,
    }
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
    // "it's" is "it is": a clause of its own starts there ("…they lag it's real time").
    if lower_tail == "s"
        && matches!(
            lower(head).as_str(),
            "it" | "that" | "there" | "here" | "what" | "who" | "he" | "she"
        )
    {
        return (head, Some("is"));
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
    american_of(word).unwrap_or_else(|| word.to_string())
}

/// Words whose British spelling follows no ending shared by others, sorted (binary search).
const BRITISH_WORDS: &[(&str, &str)] = &[
    ("ageing", "aging"),
    ("artefact", "artifact"),
    ("artefacts", "artifacts"),
    ("defence", "defense"),
    ("defences", "defenses"),
    ("disc", "disk"),
    ("discs", "disks"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("fulfils", "fulfills"),
    ("grey", "gray"),
    ("instalment", "installment"),
    ("judgement", "judgment"),
    ("judgements", "judgments"),
    ("learnt", "learned"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("offence", "offense"),
    ("orientated", "oriented"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("scepticism", "skepticism"),
    ("spelt", "spelled"),
];

/// The American spelling of a British one, `None` when it is not one.
fn american_of(word: &str) -> Option<String> {
    if let Ok(at) = BRITISH_WORDS.binary_search_by(|(british, _)| (*british).cmp(word)) {
        return Some(BRITISH_WORDS[at].1.to_string());
    }
    // Most words hold none of the endings' letters near their end: a cheap refusal.
    let tail = &word.as_bytes()[word.len().saturating_sub(9)..];
    let holds = |pair: &[u8]| tail.windows(2).any(|w| w == pair);
    if ![b"is", b"ys", b"og", b"tr", b"br", b"ou"]
        .iter()
        .any(|p| holds(*p))
    {
        return None;
    }
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
                return Some(format!("{root}{american}"));
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
                return Some(format!("{root}or{}", &ending[3..]));
            }
        }
    }
    None
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
            texts("can't won't I'd we'll o'clock it's Amazon's"),
            ["can", "not", "will", "not", "i", "we", "oclock", "it", "is", "amazon"]
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
    fn fillers_of_speech_are_dropped() {
        assert_eq!(
            texts("so um raid uh ten erm is hmm fine"),
            ["so", "raid", "10", "is", "fine"]
        );
        // A word that only starts like one stays.
        assert_eq!(texts("umbrella error"), ["umbrella", "error"]);
    }

    #[test]
    fn numbers_said_as_words_are_digits() {
        assert_eq!(texts("RAID ten"), ["raid", "10"]);
        assert_eq!(texts("sixty four bit"), ["64", "bit"]);
        assert_eq!(
            texts("thirty-two versus sixty-four"),
            ["32", "versus", "64"]
        );
        assert_eq!(texts("two thousand IOPS"), ["2000", "iops"]);
        assert_eq!(texts("ten thousand five hundred"), ["10500"]);
        assert_eq!(texts("a few hundred"), ["a", "few", "100"]);
        assert_eq!(texts("fifteen hundred"), ["1500"]);
        // Digits said one by one stay apart, as "1+0" is.
        assert_eq!(texts("raid one zero"), ["raid", "1", "0"]);
        assert_eq!(texts("twenty thirty"), ["20", "30"]);
        let t = tokens("use sixty four bit");
        assert_eq!(&"use sixty four bit"[t[1].span.clone()], "sixty four");
        // Not across sentences.
        assert_eq!(texts("two. Three"), ["2", "3"]);
    }

    #[test]
    fn irregular_verb_forms_stem_as_their_verb() {
        for (form, verb) in [
            ("taken", "take"),
            ("took", "take"),
            ("written", "write"),
            ("adding", "add"),
            ("kept", "keep"),
            ("lost", "lose"),
        ] {
            assert_eq!(stem(form), stem(verb), "{form}");
        }
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
    }

    #[test]
    fn short_words_skip_the_stemmer_only_where_it_would_change_nothing() {
        let common = include_str!("../../content/src/common_words.txt");
        for word in common.lines().filter(|w| w.len() <= 5) {
            assert_eq!(snowball(word), stemmed(word), "{word}");
        }
        // Every irregular form passes the quick refusal.
        for (form, _) in IRREGULAR.iter().chain(COMPARED) {
            assert!(irregular(form).is_some(), "{form}");
        }
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // the standard sort is the oracle
    fn words_sort_by_their_text() {
        let words = [
            "zebra",
            "a",
            "infrastructure",
            "infrastructures",
            "b",
            "a",
            "Zebra",
        ];
        let order = sorted_by_text(words.len(), |i| words[i]);
        let sorted: Vec<&str> = order.iter().map(|&i| words[i]).collect();
        let mut expected = words.to_vec();
        expected.sort();
        assert_eq!(sorted, expected);
    }

    #[test]
    fn comparatives_stem_as_their_adjective() {
        for (compared, adjective) in [("faster", "fast"), ("slowest", "slow"), ("bigger", "big")] {
            assert_eq!(stem(compared), stem(adjective), "{compared}");
        }
        // Not every word ending in "-er": a server is not a "serv".
        assert_ne!(stem("server"), stem("serve"));
        assert!(COMPARED.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
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
            ("labelled", "labeled"),
            ("modelling", "modeling"),
            ("tunnelling", "tunneling"),
            ("cancelled", "canceled"),
            ("licence", "license"),
            ("licences", "licenses"),
            ("defence", "defense"),
            ("programme", "program"),
            ("programmes", "programs"),
            ("sceptical", "skeptical"),
            ("ageing", "aging"),
            ("judgement", "judgment"),
            ("grey", "gray"),
            ("disc", "disk"),
            ("discs", "disks"),
            ("learnt", "learned"),
            ("orientated", "oriented"),
            ("artefacts", "artifacts"),
            ("fulfil", "fulfill"),
            ("instalment", "installment"),
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
            "installed",
            "controller",
            "discount",
            "programmer",
        ] {
            assert_eq!(american(same), same);
        }
        assert!(BRITISH_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
