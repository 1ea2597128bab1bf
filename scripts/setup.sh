#!/usr/bin/env bash
# Installs everything `make demo`, `make test` and `make dist` need, idempotently.
# Each step checks first and does nothing when its tool is already there at the pinned version.
# Pins: Trunk 0.21.14 (0.22 needs a newer rustc than this machine has), wasm-bindgen-cli equal
# to Cargo.lock's wasm-bindgen, wasm-opt from npm binaryen (Debian's binaryen is too old),
# Debian's chromium + chromium-driver, npm packages from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Tools go where PATH looks, even when CARGO_HOME points elsewhere (CI runs with an empty one).
export CARGO_INSTALL_ROOT="${CARGO_INSTALL_ROOT:-$HOME/.cargo}"
say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build rebuilds the standard library for size (scripts/build.sh).
if ! rustup component list --installed | grep -qx rust-src; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

# The release build and `make demo` run cargo offline (Trunk's `offline = true`), so every crate
# they compile must be in the cargo cache first: the project's own, and (for -Zbuild-std) the
# standard library's dependencies, which no earlier online build may have fetched. `cargo fetch`
# downloads only what is missing and is quick when nothing is.
say "fetching crates (the project's and the standard library's, for offline builds)"
cargo fetch --quiet
RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

# The three browser engines of the end-to-end tests, and the drivers for them: Chromium (through
# playwright-core, and chromedriver), Firefox ESR (geckodriver, below) and WebKitGTK
# (WebKitWebDriver driving its MiniBrowser, under Xvfb).
APT_PACKAGES=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/terser ] || [ ! -d node_modules/selenium-webdriver ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (takes several minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, or the generated glue
# does not match the wasm. Its own lockfile names a crate the registry here lacks, so no --locked.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  say "installing wasm-bindgen-cli $WB_VERSION (takes a few minutes, once)"
  cargo install --force "wasm-bindgen-cli@$WB_VERSION"
fi
GECKODRIVER_VERSION=0.37.1
if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
  say "installing geckodriver $GECKODRIVER_VERSION (the WebDriver for Firefox; a minute or two, once)"
  cargo install --quiet --locked "geckodriver@$GECKODRIVER_VERSION" || cargo install --quiet "geckodriver@$GECKODRIVER_VERSION"
fi
FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -q " $FUZZ_VERSION\$"; then
  say "installing cargo-fuzz $FUZZ_VERSION (takes a minute or two, once)"
  cargo install --quiet --locked "cargo-fuzz@$FUZZ_VERSION" || cargo install --quiet "cargo-fuzz@$FUZZ_VERSION"
fi
say "ready (trunk $TRUNK_VERSION, wasm-bindgen $WB_VERSION, $(wasm-opt --version), $(chromium --version), $(firefox-esr --version 2>/dev/null), $(geckodriver --version 2>/dev/null | head -1), WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver))"
