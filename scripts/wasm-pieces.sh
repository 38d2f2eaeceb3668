#!/bin/sh
# The app's wasm pieces as the release build makes them (scripts/split-wasm.mjs: cargo's wasm cut
# by wasm-split-cli, the main piece's glue by wasm-bindgen, every piece shrunk by wasm-opt -Oz),
# for the given cargo features, into a folder; without content hashes in the names.
#
#   scripts/wasm-pieces.sh FEATURES OUT
set -eu
features=$1
out=$2
cargo build --release --offline --target wasm32-unknown-unknown --bin interview-practice --features "$features"
rm -rf "$out"
wasm-split-cli target/wasm32-unknown-unknown/release/interview-practice.wasm "$out/pieces" --out-name interview-practice
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --out-dir "$out" "$out/pieces/interview-practice.wasm"
rm "$out/pieces/interview-practice.wasm"
for f in "$out"/*.wasm "$out"/pieces/*.wasm; do
  wasm-opt -Oz --strip-producers --strip-target-features "$f" -o "$f"
done
