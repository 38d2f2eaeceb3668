//! Delivery feedback on a spoken answer, from its transcript, its timing and the level of its
//! audio: speaking time, time to the first word, long pauses, words per minute, filler words
//! and length. Pure: the recorder hands in timestamped level samples, the recogniser the text.
//!
//! Filler words are counted in two groups:
//! - **hesitations**: "um" and "uh" (and their spellings "umm", "uhh", "uhm", "erm"), always;
//! - **discourse fillers**: "basically" always; "like", "so" and "you know" only where they
//!   stand as fillers, by one positional rule: at the start of the answer or of a sentence, set
//!   off by a comma on either side, at the end of a sentence, or next to another filler. So
//!   "So, um, like, you know, the cache…" has four fillers, while "I like caching so that reads are fast"
//!   and "do you know the answer" have none. Recognisers drop hesitations and rarely punctuate,
//!   so the counts are a floor: the app shows them as "at least N".

use super::clock::Millis;
use super::setup::format_seconds;
use serde::{Deserialize, Serialize};

/// A pause counts as long from this length on.
pub const LONG_PAUSE_MS: Millis = 2_500;
/// Level samples (RMS of the signal, 0 to 1) below this are silence.
pub const SILENCE_LEVEL: f32 = 0.02;
/// The pace most listeners find comfortable, in words per minute.
pub const COMFORTABLE_WPM: (u32, u32) = (120, 170);
/// Below this much speech a pace or a rate per minute says nothing.
const MIN_JUDGED_MS: Millis = 10_000;

/// What the recorder measured from the audio level, kept with the attempt (the samples
/// themselves are not stored). Times are from the start of the recording.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audio {
    /// How long the recording ran.
    #[serde(rename = "d", default)]
    pub duration_ms: Millis,
    /// The first sound above the silence level.
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub first_sound_ms: Option<Millis>,
    /// The last sound above the silence level.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    pub last_sound_ms: Option<Millis>,
    /// Each silence of `LONG_PAUSE_MS` or more between the first and last sound.
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    pub pauses_ms: Vec<Millis>,
}

impl Audio {
    /// Measures a recording of `duration_ms` from its level samples `(ms from start, level)`,
    /// in time order.
    pub fn from_levels(duration_ms: Millis, samples: &[(Millis, f32)]) -> Audio {
        let loud = |s: &&(Millis, f32)| s.1 >= SILENCE_LEVEL;
        let first_sound_ms = samples.iter().find(loud).map(|s| s.0);
        let last_sound_ms = samples.iter().rev().find(loud).map(|s| s.0);
        Audio {
            duration_ms,
            first_sound_ms,
            last_sound_ms,
            pauses_ms: long_pauses(samples),
        }
    }

    /// Time spent speaking: from the first sound to the last (the silence before the first
    /// word and after the last is not speech); the whole recording when no sound was measured.
    pub fn speaking_ms(&self) -> Millis {
        match (self.first_sound_ms, self.last_sound_ms) {
            (Some(first), Some(last)) if last > first => last - first,
            _ => self.duration_ms,
        }
    }
}

/// The silences of `LONG_PAUSE_MS` or more between sounds: each runs from its first quiet
/// sample to the next loud one. Silence before the first sound and after the last is not a
/// pause.
pub fn long_pauses(samples: &[(Millis, f32)]) -> Vec<Millis> {
    let mut pauses = Vec::new();
    let mut heard = false;
    let mut quiet_since = None;
    for &(at, level) in samples {
        if level >= SILENCE_LEVEL {
            if let Some(since) = quiet_since.take() {
                let length = at.saturating_sub(since);
                if heard && length >= LONG_PAUSE_MS {
                    pauses.push(length);
                }
            }
            heard = true;
        } else if quiet_since.is_none() {
            quiet_since = Some(at);
        }
    }
    pauses
}

/// The words of a transcript: runs of letters, digits and apostrophes, lower-cased, each with
/// whether punctuation stood before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    word: String,
    /// A sentence ends before it (or it starts the text).
    starts_sentence: bool,
    comma_before: bool,
    comma_after: bool,
    ends_sentence: bool,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut word = String::new();
    let mut sentence_break = true;
    let mut comma = false;
    let flush = |word: &mut String, out: &mut Vec<Token>, sentence: &mut bool, comma: &mut bool| {
        if !word.is_empty() {
            out.push(Token {
                word: std::mem::take(word),
                starts_sentence: *sentence,
                comma_before: *comma,
                comma_after: false,
                ends_sentence: false,
            });
            *sentence = false;
            *comma = false;
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.extend(c.to_lowercase());
            continue;
        }
        flush(&mut word, &mut out, &mut sentence_break, &mut comma);
        match c {
            '.' | '?' | '!' | ';' | ':' => {
                sentence_break = true;
                if let Some(last) = out.last_mut() {
                    last.ends_sentence = true;
                }
            }
            ',' | '—' | '–' => {
                comma = true;
                if let Some(last) = out.last_mut() {
                    last.comma_after = true;
                }
            }
            _ => {}
        }
    }
    flush(&mut word, &mut out, &mut sentence_break, &mut comma);
    if let Some(last) = out.last_mut() {
        last.ends_sentence = true;
    }
    // A lone apostrophe is not a word.
    out.retain(|t| t.word.chars().any(char::is_alphanumeric));
    out
}

/// Words in a transcript.
pub fn word_count(text: &str) -> usize {
    tokens(text).len()
}

fn hesitation(word: &str) -> bool {
    matches!(
        word,
        "um" | "umm" | "ummm" | "uh" | "uhh" | "uhhh" | "uhm" | "erm"
    )
}

/// Filler words counted in a transcript (a floor: recognisers drop some).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fillers {
    /// "um", "uh" and their spellings.
    pub hesitations: usize,
    /// "like", "you know", "so" (in filler positions) and "basically".
    pub discourse: usize,
}

impl Fillers {
    pub fn total(&self) -> usize {
        self.hesitations + self.discourse
    }
}

/// Counts filler words by the rule in the module's documentation.
pub fn fillers(text: &str) -> Fillers {
    let t = tokens(text);
    let mut counted = Fillers::default();
    // Which tokens are fillers regardless of position, so a neighbour can lean on them.
    let sure: Vec<bool> = t
        .iter()
        .map(|t| hesitation(&t.word) || t.word == "basically")
        .collect();
    let mut i = 0;
    while i < t.len() {
        let word = t[i].word.as_str();
        if hesitation(word) {
            counted.hesitations += 1;
        } else if word == "basically" {
            counted.discourse += 1;
        } else {
            // "you know" is one filler of two words; "like" and "so" of one.
            let span = match word {
                "you" if t.get(i + 1).is_some_and(|n| n.word == "know") => 2,
                "like" | "so" => 1,
                _ => 0,
            };
            if span > 0 {
                let (first, last) = (&t[i], &t[i + span - 1]);
                let inside_broken = span == 2 && (first.comma_after || first.ends_sentence);
                let next_to_filler = (i > 0 && sure[i - 1]) || sure.get(i + span) == Some(&true);
                let placed = first.starts_sentence
                    || first.comma_before
                    || last.comma_after
                    || (last.ends_sentence && i + span < t.len())
                    || next_to_filler;
                // A question "do you know …" is never a filler.
                let asked = span == 2
                    && i > 0
                    && matches!(t[i - 1].word.as_str(), "do" | "did" | "don't" | "didn't");
                if placed && !inside_broken && !asked {
                    counted.discourse += 1;
                    i += span;
                    continue;
                }
            }
        }
        i += 1;
    }
    counted
}

/// Every figure of a spoken answer's delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub allowed_ms: Millis,
    pub recorded_ms: Millis,
    pub speaking_ms: Millis,
    pub first_word_ms: Option<Millis>,
    pub long_pauses: usize,
    pub longest_pause_ms: Millis,
    pub words: usize,
    /// `None` when there was too little speech to judge.
    pub words_per_minute: Option<u32>,
    pub fillers: Fillers,
    /// Fillers per minute of speech, to one decimal; `None` with too little speech.
    pub fillers_per_minute: Option<f64>,
}

impl Delivery {
    /// The figures for a transcript spoken in a recording measured as `audio`, against the
    /// time allowed for the question.
    pub fn measure(transcript: &str, audio: &Audio, allowed_ms: Millis) -> Delivery {
        let words = word_count(transcript);
        let speaking_ms = audio.speaking_ms();
        let fillers = fillers(transcript);
        let judged = speaking_ms >= MIN_JUDGED_MS;
        let per_minute = |n: usize| n as f64 * 60_000.0 / speaking_ms as f64;
        Delivery {
            allowed_ms,
            recorded_ms: audio.duration_ms,
            speaking_ms,
            first_word_ms: audio.first_sound_ms,
            long_pauses: audio.pauses_ms.len(),
            longest_pause_ms: audio.pauses_ms.iter().copied().max().unwrap_or(0),
            words,
            words_per_minute: (judged && words > 0).then(|| per_minute(words).round() as u32),
            fillers,
            fillers_per_minute: judged.then(|| (per_minute(fillers.total()) * 10.0).round() / 10.0),
        }
    }

    /// Each figure with its plain-text reading: `(label, figure, reading)`.
    pub fn readings(&self) -> Vec<(&'static str, String, String)> {
        vec![
            (
                "Speaking time",
                self.speaking_time(),
                self.speaking_reading(),
            ),
            (
                "Time to first word",
                self.first_word(),
                self.first_word_reading(),
            ),
            ("Long pauses", self.pauses(), self.pauses_reading()),
            ("Words per minute", self.pace(), self.pace_reading()),
            ("Filler words", self.filler_figure(), self.filler_reading()),
            (
                "Answer length",
                format!("{} words", self.words),
                self.length_reading(),
            ),
        ]
    }

    fn speaking_time(&self) -> String {
        format!(
            "{} of {}",
            format_seconds(self.speaking_ms / 1_000),
            format_seconds(self.allowed_ms / 1_000)
        )
    }

    fn speaking_reading(&self) -> String {
        let share = self.speaking_ms.saturating_mul(100) / self.allowed_ms.max(1);
        match share {
            0..=24 => "A short answer: most of the time allowed was left. Interviewers expect you to develop the point with an example.",
            25..=89 => "You used a good part of the time without running out.",
            _ => "You used nearly all the time: in an interview, lead with the main point so it is heard before time runs out.",
        }
        .to_string()
    }

    fn first_word(&self) -> String {
        match self.first_word_ms {
            Some(ms) => format!("{:.1} s", ms as f64 / 1_000.0),
            None => "no speech heard".to_string(),
        }
    }

    fn first_word_reading(&self) -> String {
        match self.first_word_ms {
            None => "The microphone picked up no speech.".to_string(),
            Some(0..=4_999) => "A prompt start.".to_string(),
            Some(_) => "A long silence before you began: restating the question buys thinking time without one.".to_string(),
        }
    }

    fn pauses(&self) -> String {
        match self.long_pauses {
            0 => "none".to_string(),
            n => format!(
                "{n} (longest {:.1} s)",
                self.longest_pause_ms as f64 / 1_000.0
            ),
        }
    }

    fn pauses_reading(&self) -> String {
        match self.long_pauses {
            0 => "No silence of 2.5 seconds or more once you had started.".to_string(),
            1 | 2 => "A pause or two to think is natural.".to_string(),
            _ => "Several long silences: a listener may think you have finished. Say what you are thinking about while you think.".to_string(),
        }
    }

    fn pace(&self) -> String {
        match self.words_per_minute {
            Some(wpm) => wpm.to_string(),
            None => "too little speech to judge".to_string(),
        }
    }

    fn pace_reading(&self) -> String {
        let (low, high) = COMFORTABLE_WPM;
        match self.words_per_minute {
            None => format!("Speak for at least {} seconds to get a pace.", MIN_JUDGED_MS / 1_000),
            Some(w) if w < low => format!("Slower than the {low}–{high} words a minute most listeners find comfortable."),
            Some(w) if w <= high => format!("Within the {low}–{high} words a minute most listeners find comfortable."),
            Some(_) => format!("Faster than the {low}–{high} words a minute most listeners find comfortable: slow down and let key points land."),
        }
    }

    fn filler_figure(&self) -> String {
        let f = self.fillers;
        let rate = match self.fillers_per_minute {
            Some(r) => format!(", {r:.1} a minute"),
            None => String::new(),
        };
        format!(
            "at least {} ({} um/uh, {} like, you know, so, basically){rate}",
            f.total(),
            f.hesitations,
            f.discourse
        )
    }

    fn filler_reading(&self) -> String {
        match self.fillers_per_minute {
            _ if self.fillers.total() == 0 => "No filler words heard.".to_string(),
            None => "Too little speech for a rate.".to_string(),
            Some(r) if r <= 3.0 => "A few fillers: normal in speech.".to_string(),
            Some(r) if r <= 8.0 => {
                "Noticeable fillers: a short silent pause works better than an \"um\".".to_string()
            }
            Some(_) => {
                "Many fillers: listeners will notice them. Pause silently instead.".to_string()
            }
        }
    }

    fn length_reading(&self) -> String {
        match self.words {
            0 => "No words in the transcript.".to_string(),
            1..=49 => "Brief: a fuller answer names the key points and an example.".to_string(),
            50..=400 => "A full answer.".to_string(),
            _ => "Long: make sure the key points come early.".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Samples every 100 ms: loud while `speech(ms)` says so.
    fn levels(until: Millis, speech: impl Fn(Millis) -> bool) -> Vec<(Millis, f32)> {
        (0..until)
            .step_by(100)
            .map(|t| (t, if speech(t) { 0.2 } else { 0.005 }))
            .collect()
    }

    #[test]
    fn words_are_counted_across_punctuation_and_contractions() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  ,  . "), 0);
        assert_eq!(word_count("I'd use RAID 10, not RAID-5."), 7);
        assert_eq!(word_count("don’t"), 1);
    }

    #[test]
    fn hesitations_are_always_fillers() {
        let f = fillers("Um, I would uh use umm a replica. Erm.");
        assert_eq!(
            f,
            Fillers {
                hesitations: 4,
                discourse: 0
            }
        );
    }

    #[test]
    fn basically_is_always_a_filler() {
        assert_eq!(fillers("it is basically a cache").discourse, 1);
    }

    #[test]
    fn like_and_so_count_only_in_filler_positions() {
        // Verb, preposition and conjunction: not fillers.
        assert_eq!(fillers("I like caching so that reads are fast").total(), 0);
        assert_eq!(fillers("a queue like SQS helps so much").total(), 0);
        // Sentence start, set off by commas, next to another filler.
        assert_eq!(fillers("So the master fails.").discourse, 1);
        assert_eq!(fillers("it is, like, a replica").discourse, 1);
        assert_eq!(fillers("the replica um like lags").discourse, 1);
        assert_eq!(fillers("So, um, like, the cache").total(), 3);
        // Sentence end.
        assert_eq!(fillers("it fails over, so. Then it recovers").discourse, 1);
    }

    #[test]
    fn you_know_is_one_filler_unless_asked() {
        assert_eq!(fillers("You know, the replica lags.").discourse, 1);
        assert_eq!(fillers("the replica, you know, lags").discourse, 1);
        assert_eq!(fillers("Do you know the answer").discourse, 0);
        assert_eq!(fillers("I want you to know it").discourse, 0);
        // Not across a sentence break.
        assert_eq!(fillers("Ask you. Know it.").discourse, 0);
    }

    #[test]
    fn long_pauses_are_silences_of_two_and_a_half_seconds_between_sounds() {
        // Silent 0–1 s (before speech: not a pause), speech 1–3 s, silent 3–6 s (3 s pause),
        // speech 6–7 s, silent 7–9 s (2 s: too short), speech 9–10 s, then silent to 14 s
        // (after the last sound: not a pause).
        let samples = levels(14_000, |t| {
            (1_000..3_000).contains(&t)
                || (6_000..7_000).contains(&t)
                || (9_000..10_000).contains(&t)
        });
        assert_eq!(long_pauses(&samples), vec![3_000]);
        assert!(long_pauses(&[]).is_empty());
        // Exactly 2.5 s counts.
        let edge = [(0, 0.5), (100, 0.0), (2_600, 0.5)];
        assert_eq!(long_pauses(&edge), vec![2_500]);
    }

    #[test]
    fn first_sound_last_sound_and_speaking_time_come_from_the_levels() {
        let samples = levels(30_000, |t| (2_000..20_000).contains(&t));
        let audio = Audio::from_levels(30_000, &samples);
        assert_eq!(audio.first_sound_ms, Some(2_000));
        assert_eq!(audio.last_sound_ms, Some(19_900));
        assert_eq!(audio.speaking_ms(), 17_900);
        // No sound measured: the whole recording counts.
        let silent = Audio::from_levels(5_000, &levels(5_000, |_| false));
        assert_eq!(silent.first_sound_ms, None);
        assert_eq!(silent.speaking_ms(), 5_000);
    }

    fn audio(speaking_ms: Millis) -> Audio {
        Audio {
            duration_ms: speaking_ms + 1_000,
            first_sound_ms: Some(1_000),
            last_sound_ms: Some(1_000 + speaking_ms),
            pauses_ms: vec![],
        }
    }

    #[test]
    fn words_per_minute_over_the_speaking_time() {
        let text = "word ".repeat(150);
        let d = Delivery::measure(&text, &audio(60_000), 120_000);
        assert_eq!(d.words, 150);
        assert_eq!(d.words_per_minute, Some(150));
        assert!(d.readings()[3].2.starts_with("Within the 120–170"));
        let fast = Delivery::measure(&text, &audio(30_000), 120_000);
        assert_eq!(fast.words_per_minute, Some(300));
        assert!(fast.readings()[3].2.starts_with("Faster"));
        let slow = Delivery::measure(&text, &audio(120_000), 120_000);
        assert_eq!(slow.words_per_minute, Some(75));
        assert!(slow.readings()[3].2.starts_with("Slower"));
        // Too short to judge.
        let short = Delivery::measure("a few words", &audio(3_000), 120_000);
        assert_eq!(short.words_per_minute, None);
        assert_eq!(short.fillers_per_minute, None);
    }

    #[test]
    fn fillers_per_minute_and_at_least() {
        let text = format!("Um, {} uh, basically the end.", "word ".repeat(100));
        let d = Delivery::measure(&text, &audio(30_000), 120_000);
        assert_eq!(
            d.fillers,
            Fillers {
                hesitations: 2,
                discourse: 1
            }
        );
        assert_eq!(d.fillers_per_minute, Some(6.0));
        let (label, figure, _) = &d.readings()[4];
        assert_eq!(*label, "Filler words");
        assert!(figure
            .starts_with("at least 3 (2 um/uh, 1 like, you know, so, basically), 6.0 a minute"));
    }

    #[test]
    fn speaking_time_against_the_time_allowed() {
        let d = Delivery::measure("word", &audio(15_000), 120_000);
        assert_eq!(d.readings()[0].1, "0:15 of 2:00");
        assert!(d.readings()[0].2.starts_with("A short answer"));
        let long = Delivery::measure("word", &audio(118_000), 120_000);
        assert!(long.readings()[0].2.starts_with("You used nearly all"));
    }

    #[test]
    fn time_to_first_word_and_pauses_have_readings() {
        let mut a = audio(40_000);
        a.first_sound_ms = Some(6_500);
        a.pauses_ms = vec![2_600, 4_100, 3_000];
        let d = Delivery::measure("word", &a, 120_000);
        assert_eq!(d.first_word_ms, Some(6_500));
        assert_eq!(d.readings()[1].1, "6.5 s");
        assert!(d.readings()[1].2.starts_with("A long silence"));
        assert_eq!(d.readings()[2].1, "3 (longest 4.1 s)");
        assert!(d.readings()[2].2.starts_with("Several"));
        let none = Delivery::measure("", &Audio::default(), 120_000);
        assert_eq!(none.readings()[1].1, "no speech heard");
        assert_eq!(none.readings()[5].1, "0 words");
    }

    #[test]
    fn audio_reads_when_fields_are_missing() {
        let a: Audio = serde_json::from_str("{}").unwrap();
        assert_eq!(a, Audio::default());
        let b: Audio = serde_json::from_str(r#"{"d":5000,"f":100,"p":[3000]}"#).unwrap();
        assert_eq!(b.pauses_ms, vec![3_000]);
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"d":5000,"f":100,"p":[3000]}"#
        );
    }
}
