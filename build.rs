//! Compiles content/ at build time (see crates/content): Rust statics into `OUT_DIR/content.rs`,
//! and the long texts into data files in `OUT_DIR/data/`, which the Trunk hook writes beside the
//! wasm (native code and the browser tests read them compiled in: `OUT_DIR/data.rs`).

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    interview_content::build_script(std::path::Path::new("content"), std::path::Path::new(&out));
}
