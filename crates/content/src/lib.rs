//! Build-time compiler for the content/ folder: parses, validates and renders articles and
//! interview guides, and emits them as Rust statics for the app. Nothing here ships in the wasm.

pub mod allow_list;
pub mod document;
pub mod emit;
pub mod error;
pub mod evaluation;
pub mod glossary;
pub mod header;
pub mod key_points;
pub mod library;
pub mod links;
pub mod markdown;
pub mod parse;
pub mod start_page;

pub use emit::{data_files, DataFile, DataFiles};
pub use error::{ContentError, Errors};
pub use library::{Library, Sources};

use std::path::{Path, PathBuf};

/// Reads `dir` (footer.md, articles/*.md, guides/*.md) in a stable order.
pub fn read(dir: &Path) -> Result<Sources, Errors> {
    let mut errors = Errors::default();
    let mut read_file = |path: PathBuf| -> Option<(PathBuf, String)> {
        match std::fs::read_to_string(&path) {
            Ok(text) => Some((path, text)),
            Err(e) => {
                errors.push(ContentError::new(&path, 1, format!("cannot read: {e}")));
                None
            }
        }
    };
    let footer = read_file(dir.join("footer.md"));
    let glossary = read_file(dir.join("glossary.md"));
    let articles = markdown_files(&dir.join("articles"))
        .into_iter()
        .filter_map(&mut read_file)
        .collect();
    let guides = markdown_files(&dir.join("guides"))
        .into_iter()
        .filter_map(&mut read_file)
        .collect();
    match (footer, glossary) {
        (Some(footer), Some(glossary)) if errors.is_empty() => Ok(Sources {
            footer,
            glossary,
            articles,
            guides,
        }),
        _ => Err(errors),
    }
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// Reads and checks a content folder.
pub fn compile(dir: &Path) -> Result<Library, Errors> {
    library::build(&read(dir)?)
}

/// For build.rs: compiles `dir` into Rust source at `out_dir` (`content.rs`), the data files into
/// `out_dir/data/` and a table of them compiled in (`data.rs`, for native code and the browser
/// tests), or prints every error and fails the build.
pub fn build_script(dir: &Path, out_dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    for sub in ["articles", "guides"] {
        println!("cargo:rerun-if-changed={}", dir.join(sub).display());
        for file in markdown_files(&dir.join(sub)) {
            println!("cargo:rerun-if-changed={}", file.display());
        }
    }
    println!("cargo:rerun-if-changed={}", dir.join("footer.md").display());
    println!(
        "cargo:rerun-if-changed={}",
        dir.join("glossary.md").display()
    );
    println!("cargo:rerun-if-changed={}", key_points::ENGLISH_WORDS);
    match compile(dir) {
        Ok(library) => {
            // The data files in a folder of their own, emptied first: a changed text is a new
            // name, and the old file must not linger.
            let data = out_dir.join("data");
            let files = emit::data_files(&library);
            let written = std::fs::remove_dir_all(&data)
                .or_else(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => Ok(()),
                    _ => Err(e),
                })
                .and_then(|()| std::fs::create_dir_all(&data))
                .and_then(|()| {
                    files
                        .all()
                        .try_for_each(|file| std::fs::write(data.join(&file.name), &file.text))
                })
                .and_then(|()| std::fs::write(out_dir.join("content.rs"), emit::rust(&library)))
                .and_then(|()| {
                    let compiled = emit::compiled(&files, &data.to_string_lossy());
                    std::fs::write(out_dir.join("data.rs"), compiled)
                });
            if let Err(e) = written {
                eprintln!("cannot write into {}: {e}", out_dir.display());
                std::process::exit(1);
            }
        }
        Err(errors) => {
            eprintln!("content errors:\n{errors}");
            std::process::exit(1);
        }
    }
}
