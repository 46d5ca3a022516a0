//! Random streams: trial `i` of a run with seed `s` draws from streams that
//! depend only on `(s, i, stream)`, so any split of the trials over workers
//! gives the same numbers, and two scenarios run with one seed share them
//! (common random numbers).

use rand_pcg::Pcg64Mcg;

/// Stream of the `k`-th uncertain parameter.
pub const PARAM_STREAM: u64 = 0;
/// Stream of the outcome draws of simulated year `t` (`YEAR_STREAM + t`).
pub const YEAR_STREAM: u64 = 1 << 32;

/// SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014): a bijective
/// mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The generator of `stream` in trial `trial` of a run seeded with `seed`:
/// PCG-64 MCG (O'Neill 2014), a named algorithm that gives the same numbers
/// on every target, seeded with a 128-bit state hashed from the three keys.
///
/// ```
/// use rand::Rng;
/// let mut a = mentorsim::engine::rng::stream(42, 7, 3);
/// let mut b = mentorsim::engine::rng::stream(42, 7, 3);
/// assert_eq!(a.next_u64(), b.next_u64());
/// ```
pub fn stream(seed: u64, trial: u64, stream: u64) -> Pcg64Mcg {
    const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;
    let a = mix(seed ^ GOLDEN);
    let b = mix(a ^ trial.wrapping_mul(GOLDEN));
    let c = mix(b ^ stream.wrapping_add(GOLDEN));
    let hi = mix(c);
    let lo = mix(c ^ GOLDEN);
    Pcg64Mcg::new((u128::from(hi) << 64) | u128::from(lo))
}
