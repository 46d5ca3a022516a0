#!/usr/bin/env bash
# Installs what building and testing mentorsim needs beyond a Rust toolchain and
# Node.js. Safe to run again: each step checks first and skips what is there.
#
#   scripts/setup.sh          everything `make test` needs
#   scripts/setup.sh --light  only what `make wasm` needs (no browser, no lints)
set -euo pipefail
SCRIPT_NAME=setup
source "$(dirname "$0")/lib.sh"

light=false
[ "${1:-}" = "--light" ] && light=true

# --- Debian packages -------------------------------------------------------
apt_wanted=()
if ! has_rustup_wasm_target; then
  # Rust whose std can be rebuilt for wasm32, and the wasm-ld that matches it.
  apt_wanted+=(rustc-web cargo-web rust-web-src lld-22)
fi
if ! $light; then
  # Headless browser for the end-to-end tests; fonts so pages render legibly
  # in screenshots (a bare machine has none).
  apt_wanted+=(chromium chromium-driver fonts-dejavu-core fonts-liberation poppler-utils)
fi

apt_missing=()
for pkg in "${apt_wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
    apt_missing+=("$pkg")
done
if [ ${#apt_missing[@]} -eq 0 ]; then
  say "apt packages present (${#apt_wanted[@]} checked)"
else
  say "installing apt packages: ${apt_missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  log="$(mktemp)"
  # Quiet unless it fails; the lock timeout waits for a boot-time apt run.
  if ! { $sudo apt-get update -qq &&
         $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
           -o DPkg::Lock::Timeout=600 "${apt_missing[@]}"; } >"$log" 2>&1; then
    tail -n 40 "$log" >&2; die "apt-get failed"
  fi
  rm -f "$log"
fi

# --- Rust components ---------------------------------------------------------
if ! $light && command -v rustup >/dev/null 2>&1; then
  for comp in rustfmt clippy; do
    if rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
      say "rustup component $comp present"
    else
      say "adding rustup component $comp"
      rustup component add "$comp"
    fi
  done
fi

# --- wasm-bindgen CLI (also brings wasm-bindgen-test-runner) -----------------
want="$(wasm_bindgen_version)"
[ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" = "$want" ]; then
  say "wasm-bindgen-cli $want present"
else
  say "installing wasm-bindgen-cli $want (was: ${have:-none}); this takes a few minutes"
  # No --locked: one of the CLI's locked dependency versions is no longer on
  # the registry, so its lock file cannot be honoured.
  start=$SECONDS
  cargo install --quiet wasm-bindgen-cli --version "$want"
  say "wasm-bindgen-cli installed in $((SECONDS - start)) s"
fi

# --- npm packages ------------------------------------------------------------
command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 18 or newer"
# npm records what it installed in node_modules/.package-lock.json; when that is
# newer than the lock file and the manifest, node_modules is up to date.
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$stamp" -nt package.json ]; then
  say "npm packages present"
else
  say "installing npm packages"
  # playwright-core ships no browser; this makes sure nothing tries to fetch one.
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
fi

say "ready; wasm toolchain: $(wasm_toolchain)"
