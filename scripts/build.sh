#!/usr/bin/env bash
# The release build: the widget bundle, standalone page and example pages into dist/
# (Trunk + scripts/finish-dist.mjs), then the yew host example into dist/examples/yew-host/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The release wasm rebuilds the standard library for size (setup.sh adds rust-src):
# - panic = immediate-abort: a panic traps at once, with no unwinding or message formatting
#   compiled in (status-widget.js turns a trap into a message in each widget);
# - fmt-debug = none: `{:?}` prints nothing, so no Debug code for it (user-facing text uses Display);
# - location-detail = none: no file/line strings.
# These are unstable flags; RUSTC_BOOTSTRAP=1 allows them on the stable toolchain, the same way
# scripts/fuzz.sh runs cargo-fuzz. They apply to the wasm target only: build scripts, proc
# macros and the native tests build as before. (-14.5 KB + -3.6 KB brotli, measured 2026-11-28.)
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# std's size-optimised implementations (its `optimize_for_size` feature: smaller sorts, string
# search and formatting; -2.3 KB brotli, measured 2026-12-01).
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
trunk build --release
(cd examples/yew-host && trunk build --release --dist ../../dist/examples/yew-host)
