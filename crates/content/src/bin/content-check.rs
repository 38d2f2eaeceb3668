//! `content-check [DIR]`: checks the content folder and prints a summary, or every error with
//! its file and line. `make content-check` runs it.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("content"));
    match interview_content::compile(&dir) {
        Ok(library) => {
            println!(
                "{}: {} articles, {} guides, {} questions: ok",
                dir.display(),
                library.articles.len(),
                library.guides.len(),
                library.questions.len()
            );
            for guide in &library.guides {
                let count = library
                    .questions
                    .iter()
                    .filter(|q| q.part == guide.part)
                    .count();
                println!(
                    "  part {} {}: {count} questions in {} sections",
                    guide.part,
                    guide.title,
                    guide.sections.len()
                );
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
            ExitCode::FAILURE
        }
    }
}
