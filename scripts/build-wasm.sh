#!/usr/bin/env bash
# Builds the WebAssembly package the page loads (www/pkg/), and writes the
# page's and the widget's code as a few minified files in www/dist/, and the
# charts' library into www/vendor/ (no CDN), with scripts/bundle.mjs.
# The three folders are build outputs. Run scripts/setup.sh --light first.
set -euo pipefail
SCRIPT_NAME=build-wasm
source "$(dirname "$0")/lib.sh"

command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found: run scripts/setup.sh --light"
[ -d node_modules/@observablehq/plot ] || die "npm packages missing: run scripts/setup.sh --light"
[ -f node_modules/qrcode-generator/dist/qrcode.mjs ] || die "npm packages missing: run scripts/setup.sh --light"
[ -d node_modules/esbuild ] || die "npm packages missing: run scripts/setup.sh --light"

say "toolchain: $(wasm_toolchain)"
start=$SECONDS
wasm_cargo build --profile wasm --target wasm32-unknown-unknown --lib
say "cargo build took $((SECONDS - start)) s"

# The JS glue and the .wasm must come from the same wasm-bindgen version as the
# crate, which setup.sh guarantees. A clean folder drops files of old builds.
# The name section (function names in a trap's stack trace) is 15% of the file;
# drop --remove-name-section when debugging. wasm-opt -O3 was measured too: it
# saved under 1% gzipped and no clear speed, for a 100 MB npm package: not used.
# Cargo writes to $CARGO_TARGET_DIR when it is set, else to target/.
target_dir="$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps 2>/dev/null |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
target_dir="${target_dir:-${CARGO_TARGET_DIR:-$ROOT/target}}"
rm -rf www/pkg
wasm-bindgen --target web --remove-name-section --out-dir www/pkg \
  "$target_dir/wasm32-unknown-unknown/wasm/mentorsim.wasm"
wasm=www/pkg/mentorsim_bg.wasm

# Charts: the parts of Observable Plot the page calls are written to
# www/vendor/plot.js, with their packages' licences, by scripts/bundle.mjs.
rm -rf www/vendor && mkdir -p www/vendor

# The QR code of the short link (page/share.js): an ES module with no
# dependencies; its licence is in its header.
cp node_modules/qrcode-generator/dist/qrcode.mjs www/vendor/qrcode.mjs

say "www/pkg: $(stat -c %s "$wasm") bytes of wasm, $(gzip -9 -c "$wasm" | wc -c) gzipped"

# The page's code: one small file that starts the engine, the rest in a few
# more; and the charts' library.
node scripts/bundle.mjs
