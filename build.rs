//! Compiles content/ at build time (see crates/content): Rust statics into `OUT_DIR/content.rs`,
//! and the long texts into `OUT_DIR/content.json`, which the Trunk hook writes beside the wasm.

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    interview_content::build_script(std::path::Path::new("content"), std::path::Path::new(&out));
}
