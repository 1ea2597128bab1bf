#!/usr/bin/env bash
# `make fuzz`: libFuzzer (cargo fuzz) on decode + model + rich text, for FUZZ_SECONDS
# (default 120), seeded with every real feed in ../shared/fixtures, our quirk fixtures, the
# reference feed and the XSS corpus. Prints executions and any crash; exits 1 on a crash.
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets this machine's stable rustc
# accept them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_TO_RUN=${FUZZ_SECONDS:-120}
corpus=fuzz/corpus/feed
mkdir -p "$corpus" artifacts
cp -n ../shared/fixtures/*/*.json tests/feeds/*.json src/reference/*.json "$corpus"/ 2>/dev/null || true
split -l 1 -d tests/corpus/xss.txt "$corpus/xss-" 2>/dev/null || true
export RUSTC_BOOTSTRAP=1
set +e
cargo fuzz run feed "$corpus" -- -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=2048 \
  2>&1 | tee artifacts/fuzz.log | grep -E '^#[0-9]+\s+(DONE|INITED)|Done|SUMMARY|panicked|ERROR' 
status=${PIPESTATUS[0]}
set -e
runs=$(grep -Eo 'Done [0-9]+ runs' artifacts/fuzz.log | tail -1)
if [ "$status" -eq 0 ]; then
  echo "make fuzz: no crash in ${SECONDS_TO_RUN} s (${runs:-runs unknown}); log in artifacts/fuzz.log"
else
  echo "make fuzz: CRASH (exit $status); reproducer under fuzz/artifacts/feed/, log in artifacts/fuzz.log"
  exit 1
fi
