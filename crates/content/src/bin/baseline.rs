//! `baseline CONTENT_DIR OUT_DIR [CSS]`: writes the start-up benchmark's baseline (`make bench`):
//! `OUT_DIR/index.html`, a static page with the app's first screen (the start page: title, lead,
//! the three guides with their counts and sections, the library list) generated from the same
//! content, and `OUT_DIR/app.css`, a copy of the app's styles (`CSS`, default `public/app.css`).
//!
//! It mirrors the markup of `src/views/app.rs` and `src/views/home.rs`, and its lists are the
//! app's own (`start_page`), so the two pages paint the same thing; only the behaviour is
//! missing (no script at all).

use interview_content::{start_page, Library};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let content = args.next().unwrap_or_else(|| PathBuf::from("content"));
    let out = args
        .next()
        .unwrap_or_else(|| PathBuf::from("bench/baseline"));
    let css = args
        .next()
        .unwrap_or_else(|| PathBuf::from("public/app.css"));
    let library = match interview_content::compile(&content) {
        Ok(library) => library,
        Err(errors) => {
            eprint!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let written = std::fs::create_dir_all(&out)
        .and_then(|()| std::fs::write(out.join("index.html"), page(&library)))
        .and_then(|()| std::fs::copy(&css, out.join("app.css")).map(drop));
    match written {
        Ok(()) => {
            println!("{}: baseline start page written", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write the baseline into {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn page(library: &Library) -> String {
    let guides = start_page::guides(library);
    let reading = start_page::reading(library);
    let total = library.questions.len();
    format!(
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="description" content="Baseline for make bench: the start page of Interview Practice as static HTML.">
<title>Interview Practice</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="app.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="brand" href="#/">Interview Practice</a><nav aria-label="Main"><a href="#/">Guides</a><a href="#/questions">Questions</a><a href="#/interview">Interview</a><a href="#/history">History</a><a href="#/embed">Embed</a></nav></header>
<main id="main" tabindex="-1">
<h1>Practise for your cloud interview</h1>
<section class="practice" aria-labelledby="practice-heading"><h2 id="practice-heading">Mock interview</h2><p>Timed questions from the guides: answer first, then compare with the model answer and rate yourself.</p><div class="actions"><button type="button">Start a 5-question interview (2:00 each)</button><a class="button secondary" href="#/interview/new">Choose questions, time and mode</a></div></section>
<p class="lead">Sean Hull’s three-part cloud interview guide, every question with its model answer: read a question, answer it in your head or out loud, then reveal the answer.</p>
<p><a class="button" href="#/questions">Browse all {total} questions</a></p>
<section aria-labelledby="guides-heading"><h2 id="guides-heading">The guides</h2>{guides}</section>
<section aria-labelledby="library-heading"><h2 id="library-heading">Further reading from the blog</h2>{reading}</section>
</main>
<footer class="site"><p>Questions, model answers and articles by Sean Hull, from his blog. Everything runs in your browser: no account, nothing sent anywhere.</p></footer>
</body>
</html>
"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_holds_the_first_screen() {
        let library = interview_content::compile(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content"
        )))
        .unwrap();
        let html = page(&library);
        assert_eq!(
            html.matches(r#"<li class="guide">"#).count(),
            library.guides.len()
        );
        assert!(html.contains(r#"<ul class="library"><li>"#));
        assert!(!html.contains("<script"));
    }
}
