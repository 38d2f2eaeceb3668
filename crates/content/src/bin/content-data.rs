//! `content-data CONTENT_DIR OUT_DIR`: writes the app's content data files (each question's model
//! answer and key points' alternatives, each article's body, what marking reads, every model
//! answer) into OUT_DIR, under the checksummed names the wasm was built to fetch. Trunk runs it
//! after each build (Trunk.toml), into the folder it deploys.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(content), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: content-data CONTENT_DIR OUT_DIR");
        return ExitCode::FAILURE;
    };
    let library = match interview_content::compile(&content) {
        Ok(library) => library,
        Err(errors) => {
            eprint!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let files = interview_content::data_files(&library);
    for file in files.all() {
        let path = out.join(&file.name);
        if let Err(e) = std::fs::write(&path, &file.text) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
