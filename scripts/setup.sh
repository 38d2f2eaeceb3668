#!/usr/bin/env bash
# Installs whatever the build and tests need and is missing. Idempotent, and quick when all is
# there. Only package registries are used (crates.io, Debian, npm): nothing downloads binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than this machine's
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

have() { command -v "$1" >/dev/null 2>&1; }
say() { echo "setup: $*"; }

# Trunk must run exactly the wasm-bindgen the crate links against, and say so in Trunk.toml.
if ! grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\", the version in Cargo.lock" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The two slow installs (about 12 and 5 minutes on 2 cores) run side by side.
pids=()
if ! have trunk || [ "$(trunk --version)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes about 12 minutes)"
  # --locked: newer releases of its dependencies (lightningcss) no longer build together.
  cargo install --locked --version "$TRUNK_VERSION" trunk &
  pids+=($!)
fi

if ! have wasm-bindgen || [ "$(wasm-bindgen --version)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes about 5 minutes)"
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  cargo install --force --version "$WASM_BINDGEN_VERSION" wasm-bindgen-cli &
  pids+=($!)
fi

# Cuts the wasm into the start page's piece and one per page (scripts/split-wasm.mjs); the
# version must read what leptos' wasm_split_helpers (Cargo.lock) marks.
WASM_SPLIT_VERSION=0.2.4
if ! have wasm-split-cli || ! grep -q "\"wasm_split_cli_support $WASM_SPLIT_VERSION " "$HOME/.cargo/.crates.toml" 2>/dev/null; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (takes about 2 minutes)"
  cargo install --locked --version "$WASM_SPLIT_VERSION" wasm_split_cli_support --features build-binary &
  pids+=($!)
fi

for pid in "${pids[@]}"; do
  wait "$pid" || { echo "setup: a cargo install failed" >&2; exit 1; }
done

if ! have chromium || ! have chromedriver; then
  say "installing Debian's chromium and chromium-driver"
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The WordPress plugin's end-to-end tests run a real WordPress on MariaDB and PHP's own server
# (tests/wordpress); `make dist` zips the plugin, and its test reads the zip back.
if ! have php || ! have mariadbd || ! have zip || ! have unzip || [ ! -f /usr/share/wordpress/wp-settings.php ] ||
  ! php -m | grep -qx mysqli; then
  say "installing Debian's wordpress, php-cli, php-mysql, mariadb-server, zip and unzip"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordpress php-cli php-mysql mariadb-server zip unzip >/dev/null
fi

# The English word list the content build reads (crates/content/src/key_points.rs).
if [ ! -f /usr/share/dict/american-english ]; then
  say "installing Debian's wamerican"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wamerican >/dev/null
fi

# Playwright and binaryen's wasm-opt 132 (Debian's wasm-opt 108 builds a bundle that fails at
# start-up in the browser).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

# Trunk builds offline: the crates must already be here.
cargo fetch --locked --quiet
