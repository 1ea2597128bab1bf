# The two commands that matter: `make demo` and `make test`. Both install what they need.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: setup demo test dist size clean fuzz screenshots bench package

## setup: install the wasm target, Trunk, wasm-bindgen-cli, wasm-opt, Chromium, npm packages (idempotent)
setup:
	@scripts/setup.sh

## demo: build the release bundle and status-relay, serve the standalone page at http://127.0.0.1:8080 and the relay (other products' real captures) at http://127.0.0.1:8787
demo: setup dist
	node scripts/demo.mjs

## test: lint, native tests, in-browser tests, release build, end-to-end tests
test: setup
	@scripts/test.sh

## dist: release build into dist/ (wasm-opt -Oz, stable file names)
dist: setup
	scripts/build.sh

## package: the npm tarball and the .crate into artifacts/, each checked (file list, version, cargo publish --dry-run, docs)
package: dist
	@node scripts/package.mjs

## size: raw / gzip / brotli bytes of the wasm and JS in dist/
size: dist
	@node scripts/size.mjs dist

## bench: side by side with @statuspage/status-widget 1.0.5 in Chromium (medians of alternating runs), then status-relay under a bounded loopback load (requests/s, p50/p99, 1,000 event streams, memory) → BENCHMARKS.md
bench: dist
	node scripts/bench.mjs
	cargo build --release -q -p status-relay --bins --examples
	target/release/examples/load

## screenshots: the gallery (page mode on real feeds; mode × theme × locale) at 1280 and 375 px in Chromium, Firefox and WebKit side by side, in artifacts/gallery/
screenshots: dist
	node scripts/screenshots.mjs

clean:
	cargo clean
	rm -rf dist artifacts

## fuzz: libFuzzer on decode + model + rich text for FUZZ_SECONDS (default 120)
fuzz:
	@scripts/fuzz.sh
