//! `content-data CONTENT_DIR OUT_DIR`: writes the app's content data file (article bodies, model
//! answers, key points' alternatives) into OUT_DIR, under the checksummed name the wasm was
//! built to fetch. Trunk runs it after each build (Trunk.toml), into the folder it deploys.

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
    let data = interview_content::data(&library);
    let path = out.join(interview_content::data_file_name(&data));
    match std::fs::write(&path, data) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
