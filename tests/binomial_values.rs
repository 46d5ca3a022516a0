//! Tier 2, value stability of `binomial::sample`: a fixed seed gives these
//! exact draws, natively and in WebAssembly (`make test` runs this file under
//! Node through wasm-bindgen-test). The short lists cover inversion, BTRD and
//! the flip at p > 0.5; the fingerprints of long runs reach BTRD's rarer
//! steps too, where its logarithms are.

use mentorsim::engine::binomial::sample;
use mentorsim::engine::rng::stream;

/// `(n, p)` and the first draws of stream `(2025, 0, case index)`.
const CASES: [(u64, f64); 12] = [
    (0, 0.3),
    (1, 0.5),
    (10, 0.2),
    (19, 0.5),
    (20, 0.5),
    (50, 0.05),
    (100, 0.63),
    (400, 0.3),
    (1000, 0.02),
    (5000, 0.65),
    (100_000, 0.999),
    (1_000_000_000, 0.000_001),
];

const WANT: [[u64; 4]; 12] = [
    [0, 0, 0, 0],
    [0, 1, 1, 1],
    [3, 2, 1, 5],
    [9, 7, 7, 9],
    [8, 12, 11, 13],
    [3, 2, 2, 5],
    [62, 64, 53, 68],
    [108, 113, 117, 126],
    [20, 16, 18, 23],
    [3226, 3299, 3240, 3192],
    [99913, 99899, 99899, 99906],
    [1024, 989, 999, 985],
];

/// `(n, p)` and the FNV-1a fingerprint of 20,000 draws from stream
/// `(2025, 1, case index)`.
const RUNS: [(u64, f64, u64); 4] = [
    (20_000, 0.001, 1_882_746_752_483_557_746),
    (5000, 0.05, 7_923_597_146_648_189_179),
    (400, 0.7, 7_070_080_396_607_207_631),
    (100_000, 0.3, 16_323_357_558_734_275_752),
];

fn fingerprint(i: usize, n: u64, p: f64) -> u64 {
    let mut rng = stream(2025, 1, i as u64);
    (0..20_000).fold(0xcbf2_9ce4_8422_2325, |h, _| {
        (h ^ sample(&mut rng, n, p)).wrapping_mul(0x100_0000_01b3)
    })
}

fn draws() -> Vec<[u64; 4]> {
    CASES
        .iter()
        .enumerate()
        .map(|(i, &(n, p))| {
            let mut rng = stream(2025, 0, i as u64);
            [(); 4].map(|_| sample(&mut rng, n, p))
        })
        .collect()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_fixed_seed_gives_these_draws() {
    assert_eq!(draws(), WANT);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn long_runs_give_these_fingerprints() {
    let got: Vec<_> = RUNS
        .iter()
        .enumerate()
        .map(|(i, &(n, p, _))| (n, p, fingerprint(i, n, p)))
        .collect();
    assert_eq!(got, RUNS);
}
