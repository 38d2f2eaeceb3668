# The README's two commands are `make serve` and `make test`; both set up what they need first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# wasm-bindgen-test-runner drives headless Chromium through Debian's chromedriver.
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup serve dist test lint unit browser-test e2e content-check clean

setup:
	@scripts/setup.sh

## Build and serve the app on http://127.0.0.1:8080, with the strict CSP header
serve: dist
	node scripts/serve.mjs dist 8080

## The release build into dist/, as static files
dist: setup
	trunk build --release --offline

## Every test: lint, native unit tests, browser component tests, end-to-end tests
test: setup lint unit browser-test e2e

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

unit:
	cargo test --workspace

browser-test:
	cargo test --target wasm32-unknown-unknown --test browser

e2e: dist
	playwright test -c tests/e2e

## Check content/ and print what it holds
content-check:
	cargo run --quiet -p interview-content --bin content-check -- content

clean:
	cargo clean
	rm -rf dist test-results
