#!/usr/bin/env bash
# Runs every test layer and ends with one line a person can read:
#   lint → native cargo test → status-relay (adapters, encoder, server against a local upstream)
#   → wasm-bindgen-test in Chromium → release build → size budget
#   → package (npm tarball, .crate) → end to end in Chromium (Playwright), Firefox and WebKit
#   (WebDriver), counted per engine, the host apps built from the tarball among them.
# Each layer runs even if an earlier one failed (except that e2e needs the build), so one
# run shows everything that is wrong. The feed server the browser tests need is started here.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CI="${CI:-}"
LOG_DIR=artifacts/test-logs
# The brotli bytes of entry + glue + wasm may not grow past this without a deliberate change
# here (bytes are exact, so this is a test; speed is measured by `make bench`, never here).
SIZE_BUDGET=137600
mkdir -p "$LOG_DIR"

passed=0; failed=0; broken=()
layer_report=()

# Adds the counts from a cargo test log ("test result: ok. 5 passed; 1 failed; ...").
count_cargo() {
  local p f
  p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$1" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  echo "$p $f"
}

run_layer() { # name, log, counter, command...
  local name=$1 log=$2 counter=$3; shift 3
  printf '\n== %s ==\n' "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]} p=0 f=0
  if [ -n "$counter" ]; then read -r p f < <("$counter" "$log"); fi
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; broken+=("$name (exit $status)"); fi
  passed=$((passed + p)); failed=$((failed + f))
  if [ -n "$counter" ]; then
    layer_report+=("$name: $p passed, $f failed")
  elif [ "$status" -eq 0 ]; then
    layer_report+=("$name: ok")
  else
    layer_report+=("$name: FAILED")
  fi
  return "$status"
}

count_node() {
  local p f
  p=$(grep -E '^# pass [0-9]+' "$1" | awk '{print $3}' | tail -1)
  f=$(grep -E '^# fail [0-9]+' "$1" | awk '{print $3}' | tail -1)
  echo "${p:-0} ${f:-0}"
}

# The e2e log's passes and failures per engine: tests named [firefox] or [webkit] ran there,
# the rest in Chromium. Prints e.g. "chromium 68, firefox 30, webkit 30 passed; webkit 1 failed".
count_engines() {
  awk '
    /^(not )?ok [0-9]+ - / && !/# (SKIP|TODO)/ {
      passed = ($1 == "ok"); name = $0; sub(/^(not )?ok [0-9]+ - /, "", name)
      engine = "chromium"
      if (match(name, /^\[[a-z]+\]/)) engine = substr(name, 2, RLENGTH - 2)
      seen[engine] = 1
      if (passed) pass[engine]++; else fail[engine]++
    }
    END {
      n = 0
      split("chromium firefox webkit", known, " ")
      for (i = 1; i <= 3; i++) if (known[i] in seen) { order[n++] = known[i]; delete seen[known[i]] }
      for (e in seen) order[n++] = e
      for (i = 0; i < n; i++) { e = order[i]; p = p (i ? ", " : "") e " " (pass[e] + 0) }
      for (i = 0; i < n; i++) { e = order[i]; if (fail[e]) f = f (f ? ", " : "") e " " fail[e] }
      printf "%s passed%s\n", (p ? p : "none"), (f ? "; " f " failed" : "")
    }' "$1"
}

lint() {
  cargo fmt --all -- --check &&
    cargo clippy --all-targets -q -- -D warnings &&
    cargo clippy -p status-relay --all-targets -q -- -D warnings &&
    cargo clippy --target wasm32-unknown-unknown --workspace --exclude status-relay --all-targets -q -- -D warnings &&
    cargo clippy --target wasm32-unknown-unknown --all-targets --features element -q -- -D warnings
}

# The feed server for the in-browser tests (fixed port, baked into the test binary).
SW_TEST_PORT=${SW_TEST_PORT:-47800}
export SW_TEST_SERVER="http://127.0.0.1:$SW_TEST_PORT"
node tests/support/server.mjs --port "$SW_TEST_PORT" >"$LOG_DIR/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null' EXIT

run_layer "lint (fmt, clippy native + wasm)" "$LOG_DIR/lint.log" "" lint
run_layer "native (cargo test)" "$LOG_DIR/native.log" count_cargo cargo test
# The relay's adapters on the real captures, its encoder's property test, and the server
# against a real local upstream (faults, hostile requests, the event stream); this also builds
# the binary the end-to-end relay tests start.
run_layer "status-relay (cargo test -p status-relay)" "$LOG_DIR/relay.log" count_cargo cargo test -p status-relay
run_layer "browser (wasm-bindgen-test in Chromium)" "$LOG_DIR/browser.log" count_cargo \
  cargo test --target wasm32-unknown-unknown --test browser
run_layer "fuzz (libFuzzer, 15 s; make fuzz runs longer)" "$LOG_DIR/fuzz.log" "" env FUZZ_SECONDS=15 scripts/fuzz.sh
if run_layer "build (scripts/build.sh: trunk build --release)" "$LOG_DIR/build.log" "" scripts/build.sh; then
  run_layer "size budget (brotli <= $SIZE_BUDGET bytes)" "$LOG_DIR/size.log" "" \
    node scripts/size.mjs dist --budget "$SIZE_BUDGET"
  # The npm tarball and the .crate (make package); tests/e2e/package.test.mjs installs the
  # tarball into the React, Vue, webpack, esbuild and CDN host apps.
  run_layer "package (npm tarball, .crate: cargo package, publish --dry-run, docs)" "$LOG_DIR/package.log" "" \
    node scripts/package.mjs
  # Each test file starts the drivers it needs on 127.0.0.1 and stops them when it ends:
  # Chromium through playwright-core, geckodriver (~/.cargo/bin) for Firefox ESR, and
  # `xvfb-run -a WebKitWebDriver` for WebKitGTK's MiniBrowser (tests/support/engines.mjs).
  # SW_ENGINES=chromium,firefox,webkit (the default) picks the engines.
  run_layer "end to end (Chromium: Playwright; Firefox, WebKit: WebDriver)" "$LOG_DIR/e2e.log" count_node \
    node --test --test-reporter=tap tests/e2e/
  # The layer's line says how many passed in each engine.
  layer_report[${#layer_report[@]}-1]="end to end: $(count_engines "$LOG_DIR/e2e.log")"
else
  failed=$((failed + 1)); broken+=("end to end (not run: build failed)")
fi

printf '\n'
for line in "${layer_report[@]}"; do printf '  %s\n' "$line"; done
for b in "${broken[@]}"; do printf '  broken: %s\n' "$b"; done
if [ "$failed" -eq 0 ]; then
  echo "make test: PASSED — $passed tests passed, 0 failed"
else
  echo "make test: FAILED — $passed tests passed, $failed failed (logs in $LOG_DIR/)"
  exit 1
fi
