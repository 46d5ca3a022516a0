# Shared by the scripts under scripts/: sourced, never run.
# Puts the repository root in $ROOT, makes cargo-installed tools findable and
# decides how to compile for wasm32.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# `cargo install` puts wasm-bindgen here; a fresh login shell may not have it on PATH.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) export PATH="$CARGO_BIN:$PATH" ;; esac

say() { printf '%s: %s\n' "${SCRIPT_NAME:-$(basename "$0")}" "$*"; }
die() { say "error: $*" >&2; exit 1; }

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# A rustup toolchain with the wasm32 target installed is the simple path (a
# laptop). Where that target cannot be downloaded, Debian's rustc-web builds
# std for wasm32 from source with -Zbuild-std.
has_rustup_wasm_target() {
  command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# Says which of the two paths wasm_cargo takes.
wasm_toolchain() {
  if has_rustup_wasm_target; then
    echo "rustup's installed wasm32-unknown-unknown target"
  else
    echo "Debian rustc-web ($(/usr/bin/rustc --version 2>/dev/null | cut -d' ' -f1-2 || echo 'not installed')) with -Zbuild-std"
  fi
}

# cargo for --target wasm32-unknown-unknown, by whichever path is available.
wasm_cargo() {
  if has_rustup_wasm_target; then
    cargo "$@"
  else
    # RUSTC_BOOTSTRAP lets a stable rustc take -Z flags; it is set for this
    # command only, so native builds keep the ordinary toolchain. rustc-web is
    # on LLVM 22 and needs LLVM 22's wasm-ld (Debian's default one is 14).
    # -Zpanic-abort-tests: tests otherwise force panic=unwind on crates that the
    # release profile builds with abort, and the rebuilt std then clashes
    # ("duplicate lang item in crate `core`").
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld \
      /usr/bin/cargo -Zbuild-std=std,panic_abort -Zpanic-abort-tests "$@"
  fi
}
