//! Compiles content/ into Rust statics at build time (see crates/content).

fn main() {
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("content.rs");
    interview_content::build_script(std::path::Path::new("content"), &out);
}
