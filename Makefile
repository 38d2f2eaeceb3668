# The README's two commands are `make serve` and `make test`; both set up what they need first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# wasm-bindgen-test-runner drives headless Chromium through Debian's chromedriver.
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup serve dist test lint unit browser-test e2e budget content-check clean bench fuzz size wasm-named wasm-marking

setup:
	@scripts/setup.sh

## Build and serve the app on http://127.0.0.1:8080, with the strict CSP header
serve: dist
	node scripts/serve.mjs dist 8080

## The release build into dist/, as static files, with its first screens pre-rendered, then what
## a static host needs: the policy in the page, manifest and icons, service worker, embed.js,
## _headers, precompressed copies; and the WordPress plugin, dist/interview-practice-wordpress.zip
dist: setup
	trunk build --release --offline
	node scripts/prerender.mjs dist
	node scripts/dist-extras.mjs dist
	node scripts/wordpress-zip.mjs dist

## Every test: lint, native unit tests, browser component tests, end-to-end tests (the app's,
## then the WordPress plugin's in a real WordPress), and the start page's transfer budget
test: setup lint unit browser-test e2e budget

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --features split -- -D warnings

unit:
	cargo test --workspace
	node --test tests/scripts/

browser-test:
	cargo test --target wasm32-unknown-unknown --test browser

# Both suites run, so one CI run shows every failure; the first failure's status is kept.
e2e: dist
	playwright test -c tests/e2e; app=$$?; playwright test -c tests/wordpress && exit $$app

## Fails when loading the start page takes more than its budget on the wire (160 KB gzip),
## measured as make bench measures it
budget: dist
	node bench/budget.mjs dist

## Measure the release build against its budgets, files served gzip and Brotli: start-page
## transfer, where the wasm's bytes go, marking, start-up and layout shift against a static
## baseline, interaction latency, memory, storage, Lighthouse. Prints a table and a summary of the
## budgets, writes bench/results.json.
bench: dist wasm-named wasm-marking
	cargo run -q -p interview-content --bin baseline -- content bench/baseline
	node bench/run.mjs
	node bench/report.mjs

## Where the release wasm's bytes go: code by crate and by function, data, gzip estimates
size: wasm-named
	node bench/lib/wasm-size.mjs $(WASM_NAMED) $(addprefix --compare ,$(firstword $(wildcard dist/*_bg.wasm)))

# The start page's piece of the release wasm as the build makes it (scripts/wasm-pieces.sh: the
# same cargo profile and features, wasm-split-cli, wasm-bindgen, wasm-opt -Oz) but with its name
# section kept: the code section is the one dist/ ships. Cargo's build is shared with Trunk's,
# so after `make dist` it is already done.
WASM_NAMED := target/size/interview-practice_bg.wasm
wasm-named: setup
	scripts/wasm-pieces.sh split target/size --names

## What marking adds to the wasm: every piece as the release build makes them, with the
## matcher and without it (feature `unmarked`), in target/marking/; make bench compares them
wasm-marking: setup
	scripts/wasm-pieces.sh split target/marking/with
	scripts/wasm-pieces.sh split,unmarked target/marking/without

## Fuzz the parsers of untrusted input (storage decoder, URL parameters, import file) for
## FUZZ_SECONDS each; crashes are copied to fuzz/regressions/ (tests/fuzz_regressions.rs)
FUZZ_SECONDS ?= 60
fuzz:
	fuzz/run.sh $(FUZZ_SECONDS)

## Check content/ and print what it holds
content-check:
	cargo run --quiet -p interview-content --bin content-check -- content

clean:
	cargo clean
	rm -rf dist test-results
