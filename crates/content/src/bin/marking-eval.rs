//! `marking-eval CONTENT SET... [--misses]`: the marking of answers against key points,
//! measured. Prints precision and recall against each labelled set (tests/marking/), by kind of
//! answer; the development sets and the held-out sets apart, each with its typed and its spoken
//! answers summed (a set whose file name holds `spoken` is transcripts); and the time to mark a
//! 5,000-character answer natively, typed and as a transcript. `make bench` runs it. `--misses`
//! also lists every mark that differs from its label, for development sets only: a held-out
//! set's failures are not for reading.

use interview_content::evaluation::{self, Confusion, Labelled, Report};
use interview_marking::{Glossary, KeyPoint, Marker};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The goals: precision and recall over all answers, precision on answers with negations.
const PRECISION: f64 = 0.95;
const RECALL: f64 = 0.90;
const NEGATION_PRECISION: f64 = 0.85;
/// Spoken answers are "as good as typed" within this much of either figure.
const SPOKEN_MARGIN: f64 = 0.02;
/// Marking a 5,000-character answer, in milliseconds, at the slowest question.
const TIME_GOAL_MS: f64 = 2.0;

struct Set {
    name: String,
    held_out: bool,
    spoken: bool,
    answers: Vec<Labelled>,
    report: Report,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let Some((content, paths)) = paths.split_first() else {
        eprintln!("usage: marking-eval CONTENT SET... [--misses]");
        return ExitCode::FAILURE;
    };
    let library = match interview_content::compile(content) {
        Ok(library) => library,
        Err(errors) => {
            eprint!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let marker = Marker::new(Glossary::new(&library.glossary).unwrap_or_default())
        .with_real_words(&library.real_words);
    let mut sets = Vec::new();
    for path in paths {
        match read_set(&library, &marker, path) {
            Ok(set) => sets.push(set),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!(
        "Marking of key points against labelled answers (goals: precision ≥ {PRECISION:.2}, recall ≥ {RECALL:.2}; precision ≥ {NEGATION_PRECISION:.2} on answers with negations; spoken as good as typed, within {SPOKEN_MARGIN:.2})"
    );
    println!(
        "  {:<30}{:>8}{:>8}{:>11}{:>9}",
        "set / kind", "answers", "pairs", "precision", "recall"
    );
    for (held_out, title) in [
        (false, "development sets (the marking is tuned on them)"),
        (true, "held-out sets (never read, never tuned on)"),
    ] {
        let group: Vec<&Set> = sets.iter().filter(|s| s.held_out == held_out).collect();
        if group.is_empty() {
            continue;
        }
        println!("  {title}");
        for set in &group {
            print_set(set);
        }
        print_totals(&group, if held_out { "held-out" } else { "development" });
    }
    if show_misses {
        for set in sets.iter().filter(|s| !s.held_out) {
            print_misses(set);
        }
        if sets.iter().any(|s| s.held_out) {
            println!("  (the held-out sets' misses are not listed: they are not for tuning)");
        }
    }
    let every: Vec<&Labelled> = sets.iter().flat_map(|s| &s.answers).collect();
    timing(&library, &marker, &every);
    ExitCode::SUCCESS
}

fn read_set(
    library: &interview_content::Library,
    marker: &Marker,
    path: &Path,
) -> Result<Set, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let answers = evaluation::parse(&text)?;
    let report = evaluation::evaluate(library, marker, &answers)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Set {
        held_out: name.starts_with("held-out"),
        spoken: name.contains("spoken"),
        name,
        answers,
        report,
    })
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "OK"
    } else {
        "UNDER"
    }
}

fn meets_goals(c: &Confusion) -> bool {
    c.precision() >= PRECISION && c.recall() >= RECALL
}

fn row(indent: usize, name: &str, answers: usize, c: &Confusion, note: &str) {
    let width = 30 - indent;
    println!(
        "{:indent$}{name:<width$}{answers:>8}{:>8}{:>11.3}{:>9.3}{note}",
        "",
        c.pairs(),
        c.precision(),
        c.recall()
    );
}

fn kind_note(kind: &str, c: &Confusion) -> String {
    if kind == "negation" {
        format!(
            "   {} (precision ≥ {NEGATION_PRECISION:.2})",
            verdict(c.precision() >= NEGATION_PRECISION)
        )
    } else {
        String::new()
    }
}

fn print_set(set: &Set) {
    let c = &set.report.all;
    let spoken = if set.spoken { " (spoken)" } else { "" };
    row(
        4,
        &set.name,
        set.answers.len(),
        c,
        &format!("   {}{spoken}", verdict(meets_goals(c))),
    );
    for (kind, c) in &set.report.by_kind {
        let answers = set.answers.iter().filter(|a| &a.kind == kind).count();
        row(6, kind, answers, c, &kind_note(kind, c));
    }
}

/// A group's typed and spoken answers summed, by kind, and spoken against typed.
fn print_totals(group: &[&Set], name: &str) {
    let mut totals: Vec<(bool, Confusion)> = Vec::new();
    for spoken in [false, true] {
        let sets: Vec<&&Set> = group.iter().filter(|s| s.spoken == spoken).collect();
        if sets.is_empty() {
            continue;
        }
        let mut all = Confusion::default();
        let mut by_kind: BTreeMap<&str, (usize, Confusion)> = BTreeMap::new();
        for set in &sets {
            all.merge(&set.report.all);
            for (kind, c) in &set.report.by_kind {
                let entry = by_kind.entry(kind.as_str()).or_default();
                entry.0 += set.answers.iter().filter(|a| &a.kind == kind).count();
                entry.1.merge(c);
            }
        }
        let answers = sets.iter().map(|s| s.answers.len()).sum();
        let form = if spoken { "spoken" } else { "typed" };
        row(
            4,
            &format!("all {name}, {form}"),
            answers,
            &all,
            &format!("   {}", verdict(meets_goals(&all))),
        );
        for (kind, (answers, c)) in &by_kind {
            row(6, kind, *answers, c, &kind_note(kind, c));
        }
        totals.push((spoken, all));
    }
    if let [(false, typed), (true, spoken)] = totals.as_slice() {
        let dp = spoken.precision() - typed.precision();
        let dr = spoken.recall() - typed.recall();
        println!(
            "    spoken against typed ({name}): precision {dp:+.3}, recall {dr:+.3}   {}",
            if dp >= -SPOKEN_MARGIN && dr >= -SPOKEN_MARGIN {
                "OK (as good)"
            } else {
                "UNDER"
            }
        );
    }
}

fn print_misses(set: &Set) {
    for m in &set.report.misses {
        let what = if m.false_positive {
            "marked, not labelled"
        } else {
            "labelled, missed"
        };
        println!(
            "      {}:{} {} `{}`: {what} {}",
            set.name,
            m.line,
            m.question,
            m.point,
            m.evidence.join(" … ")
        );
    }
}

/// An answer as speech recognition writes it: lower case, no punctuation.
fn as_spoken(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The CPU time this thread has used, in milliseconds: time the machine gives other work
/// while marking does not count, as wall time would (a loaded machine made one question or
/// another read several times slower). Wall time where there is no such clock.
#[cfg(unix)]
fn cpu_ms() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to write.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return wall_ms();
    }
    t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6
}

#[cfg(not(unix))]
fn cpu_ms() -> f64 {
    wall_ms()
}

/// Milliseconds since the first call.
fn wall_ms() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// Marks a 5,000-character answer (labelled answers run together: realistic words), typed and
/// as a transcript (one sentence without end), against every question's key points (prepared
/// beforehand, as the app does); prints the median and the slowest question's median of each,
/// and the time preparing the key points takes.
fn timing(library: &interview_content::Library, marker: &Marker, answers: &[&Labelled]) {
    let mut text = String::new();
    for a in answers {
        if text.len() >= 5_000 {
            break;
        }
        text.push_str(&a.text);
        text.push(' ');
    }
    while !text.is_empty() && text.len() < 5_000 {
        text = text.repeat(2);
    }
    let typed: String = text.chars().take(5_000).collect();
    let spoken: String = as_spoken(&text).chars().take(5_000).collect();
    // The app prepares a question's key points once a session, then marks each answer.
    let mut preparing = Vec::new();
    let prepared: Vec<Vec<KeyPoint>> = library
        .questions
        .iter()
        .map(|q| {
            let start = Instant::now();
            let points: Vec<_> = q
                .key_points
                .iter()
                .map(|p| marker.key_point(&p.alternatives))
                .collect();
            preparing.push((start.elapsed().as_secs_f64() * 1000.0, q.id.as_str()));
            points
        })
        .collect();
    preparing.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut slowest_of_all: f64 = 0.0;
    for (form, text) in [("typed", &typed), ("spoken", &spoken)] {
        // Rounds over every question, each in another order, so that load on the machine
        // spreads over all of them: in one order every round, a time slice taken at the
        // rhythm of a round lands on the same question each time.
        let mut runs: Vec<Vec<f64>> = vec![Vec::new(); prepared.len()];
        let mut order: Vec<usize> = (0..prepared.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..51 {
            for i in (1..order.len()).rev() {
                // xorshift64: any fixed sequence of orders does.
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            for &q in &order {
                let start = cpu_ms();
                std::hint::black_box(marker.mark(std::hint::black_box(text), &prepared[q]));
                runs[q].push(cpu_ms() - start);
            }
        }
        let mut medians: Vec<(f64, &str)> = runs
            .iter_mut()
            .zip(&library.questions)
            .map(|(times, q)| {
                times.sort_by(f64::total_cmp);
                (times[times.len() / 2], q.id.as_str())
            })
            .collect();
        medians.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (Some((mid, _)), Some((worst, slowest))) =
            (medians.get(medians.len() / 2), medians.last())
        else {
            return;
        };
        slowest_of_all = slowest_of_all.max(*worst);
        println!(
            "  time to mark a {}-character answer, {form}, native (opt-level 3, CPU time): median {mid:.2} ms, slowest question {worst:.2} ms ({slowest})",
            text.chars().count()
        );
    }
    println!(
        "  slowest question, typed or spoken: {slowest_of_all:.2} ms (goal ≤ {TIME_GOAL_MS} ms) {}",
        if slowest_of_all <= TIME_GOAL_MS {
            "OK"
        } else {
            "OVER"
        }
    );
    if let (Some((mid, _)), Some((worst, id))) =
        (preparing.get(preparing.len() / 2), preparing.last())
    {
        println!(
            "  preparing a question's key points (once a session): median {mid:.2} ms, slowest {worst:.2} ms ({id})"
        );
    }
}
