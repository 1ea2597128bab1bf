#!/usr/bin/env bash
# The release build: the widget bundle, standalone page and example pages into dist/
# (Trunk + scripts/finish-dist.mjs), then the yew host example into dist/examples/yew-host/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
(cd examples/yew-host && trunk build --release --dist ../../dist/examples/yew-host)
