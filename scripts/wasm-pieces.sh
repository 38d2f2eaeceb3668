#!/bin/sh
# The app's wasm pieces as the release build makes them (scripts/split-wasm.mjs: cargo's wasm cut
# by wasm-split-cli, the main piece's glue by wasm-bindgen, its unused stream exports dropped,
# every piece shrunk by wasm-opt -Oz), for the given cargo features, into a folder; without
# content hashes in the names. `--names` keeps the name section, demangled (make size reads
# it); the code is the same.
#
#   scripts/wasm-pieces.sh FEATURES OUT [--names]
set -eu
features=$1
out=$2
if [ "${3:-}" = --names ]; then
  demangle=
  names=-g
else
  demangle=--no-demangle
  names=
fi
cargo build --release --offline --target wasm32-unknown-unknown --bin interview-practice --features "$features"
rm -rf "$out"
wasm-split-cli target/wasm32-unknown-unknown/release/interview-practice.wasm "$out/pieces" --out-name interview-practice
wasm-bindgen --target web --no-typescript --keep-lld-exports $demangle --out-dir "$out" "$out/pieces/interview-practice.wasm"
rm "$out/pieces/interview-practice.wasm"
node scripts/unused-streams.mjs "$out/interview-practice_bg.wasm"
for f in "$out"/*.wasm "$out"/pieces/*.wasm; do
  wasm-opt -Oz $names --strip-producers --strip-target-features "$f" -o "$f"
done
