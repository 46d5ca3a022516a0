# mentorsim: the commands a person types. Each target is a thin wrapper over a
# script in scripts/, so CI and people run exactly the same steps.
#
#   make serve   build the page and serve it on http://localhost:8080 (PORT=...)
#   make test    every check CI runs (scripts/ci/run)
#   make test-loaded   the same with every core kept busy (scripts/load.sh)

PORT ?= 8080

.PHONY: setup wasm serve test test-loaded fuzz bench bench-page clean

# Everything a fresh machine needs: apt packages, wasm-bindgen-cli, npm packages.
setup:
	scripts/setup.sh

# The WebAssembly package and vendored charts in www/pkg and www/vendor. Needs
# only the light setup: no browser.
wasm:
	scripts/setup.sh --light
	scripts/build-wasm.sh

serve: wasm
	node scripts/serve.mjs --port $(PORT)

# setup, fmt, clippy and the layers' check, native tests, wasm tests, wasm build, JavaScript units, browser tests.
test:
	scripts/ci/run

# The same, with every core kept busy meanwhile (scripts/load.sh): the tests
# must hold on a shared machine under load. STEPS=e2e-tests for some steps only.
test-loaded:
	scripts/load.sh scripts/ci/run $(STEPS)

# The generated-input tests of `make test` (tests/fuzz.rs), at a million
# cases (FUZZ_CASES=... to change, FUZZ_SEED=... for other cases).
FUZZ_CASES ?= 1000000
FUZZ_SEED ?= 2025
fuzz:
	MENTORSIM_FUZZ_CASES=$(FUZZ_CASES) MENTORSIM_FUZZ_SEED=$(FUZZ_SEED) \
	  cargo test --release --test fuzz -- --test-threads 1

# The engine's benchmarks (divan); their medians go to benches/figures.json and
# the README's table.
bench:
	mkdir -p artifacts/bench
	bash -o pipefail -c 'cargo bench | tee artifacts/bench/engine.txt'
	node scripts/bench-figures.mjs engine artifacts/bench/engine.txt

# The page's speed and weight in Chromium: first result, slider latency, wasm
# against native, gzipped size; kept in benches/figures.json and the README's table.
bench-page: wasm
	cargo build --release
	node scripts/bench-page.mjs

clean:
	cargo clean
	rm -rf www/pkg www/vendor www/dist artifacts
