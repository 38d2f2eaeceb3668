//! `marking-eval CONTENT SET...`: the marking of answers against key points, measured. Prints
//! precision and recall against each labelled set (tests/marking/), by kind of answer, and the
//! time to mark a 5,000-character answer natively. `make bench` runs it; `--misses` also lists
//! every mark that differs from its label (for the dev set only: the held-out set is not for
//! tuning).

use interview_content::evaluation::{self, Labelled};
use interview_marking::{Glossary, Marker};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let Some((content, sets)) = paths.split_first() else {
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
    let mut every: Vec<Labelled> = Vec::new();
    println!(
        "Marking of key points against labelled answers (goal: precision ≥ 0.90, recall ≥ 0.80)"
    );
    println!(
        "  {:<28}{:>8}{:>8}{:>11}{:>9}",
        "set / kind", "answers", "pairs", "precision", "recall"
    );
    for path in sets {
        let set = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| evaluation::parse(&t))
        {
            Ok(set) => set,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let report = match evaluation::evaluate(&library, &marker, &set) {
            Ok(report) => report,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let c = report.all;
        let goal = if c.precision() >= 0.9 && c.recall() >= 0.8 {
            "OK"
        } else {
            "UNDER"
        };
        println!(
            "  {:<28}{:>8}{:>8}{:>11.3}{:>9.3}   {goal}",
            name,
            set.len(),
            c.pairs(),
            c.precision(),
            c.recall()
        );
        for (kind, c) in &report.by_kind {
            let answers = set.iter().filter(|a| &a.kind == kind).count();
            println!(
                "    {:<26}{:>8}{:>8}{:>11.3}{:>9.3}",
                kind,
                answers,
                c.pairs(),
                c.precision(),
                c.recall()
            );
        }
        if show_misses {
            for m in &report.misses {
                let what = if m.false_positive {
                    "marked, not labelled"
                } else {
                    "labelled, missed"
                };
                println!(
                    "      {}:{} {} `{}`: {what} {}",
                    name,
                    m.line,
                    m.question,
                    m.point,
                    m.evidence.join(" … ")
                );
            }
        }
        every.extend(set);
    }
    timing(&library, &marker, &every);
    ExitCode::SUCCESS
}

/// Marks a 5,000-character answer (labelled answers run together: realistic words) against
/// every question's key points (prepared beforehand, as the app does); prints the median and
/// the slowest question's median, and the time preparing the key points takes.
fn timing(library: &interview_content::Library, marker: &Marker, answers: &[Labelled]) {
    let mut text = String::new();
    for a in answers.iter().cycle().take(answers.len().max(1) * 10) {
        if text.len() >= 5_000 || a.text.is_empty() {
            break;
        }
        text.push_str(&a.text);
        text.push(' ');
    }
    let text: String = text.chars().take(5_000).collect();
    // The app prepares a question's key points once a session, then marks each answer.
    let mut preparing = Vec::new();
    let prepared: Vec<Vec<_>> = library
        .questions
        .iter()
        .map(|q| {
            let start = Instant::now();
            let points: Vec<_> = q
                .key_points
                .iter()
                .map(|p| marker.key_point(&p.alternatives))
                .collect();
            preparing.push(start.elapsed().as_secs_f64() * 1000.0);
            points
        })
        .collect();
    preparing.sort_by(f64::total_cmp);
    // Rounds over every question, so that a moment of load on the machine spreads over all
    // of them instead of landing on one.
    let mut runs: Vec<Vec<f64>> = vec![Vec::new(); prepared.len()];
    for _ in 0..51 {
        for (points, times) in prepared.iter().zip(&mut runs) {
            let start = Instant::now();
            std::hint::black_box(marker.mark(std::hint::black_box(&text), points));
            times.push(start.elapsed().as_secs_f64() * 1000.0);
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
    let (Some((mid, _)), Some((worst, slowest))) = (medians.get(medians.len() / 2), medians.last())
    else {
        return;
    };
    let goal = if *worst <= 2.0 { "OK" } else { "OVER" };
    println!(
        "  time to mark a {}-character answer, native (opt-level 3): median {mid:.2} ms, slowest question {worst:.2} ms ({slowest}) (goal ≤ 2 ms) {goal}",
        text.chars().count()
    );
    if let (Some(mid), Some(worst)) = (preparing.get(preparing.len() / 2), preparing.last()) {
        println!(
            "  preparing a question's key points (once a session): median {mid:.2} ms, slowest {worst:.2} ms"
        );
    }
}
