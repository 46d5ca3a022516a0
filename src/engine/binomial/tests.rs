//! Edge cases, the draws the documentation promises, and BTRD's geometry
//! checked against the exact pmf: the hat lies above it, the box that is
//! accepted at once lies below it, and the squeeze and Stirling steps bound
//! and compute its logarithm.

use super::*;
use crate::engine::rng::stream;
use core::convert::Infallible;
use rand::TryRng;

/// A generator that counts the `u64`s drawn from it.
struct Counting<R> {
    inner: R,
    draws: u64,
}

impl<R: Rng> TryRng for Counting<R> {
    type Error = Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        unreachable!("the sampler draws whole u64s")
    }
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        self.draws += 1;
        Ok(self.inner.next_u64())
    }
    fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), Infallible> {
        unreachable!("the sampler draws whole u64s")
    }
}

fn counting(seed: u64) -> Counting<rand_pcg::Pcg64Mcg> {
    Counting {
        inner: stream(seed, 0, 0),
        draws: 0,
    }
}

/// `log(f(k) / f(m))` for Binomial(n, p) and every `k` in `0..=n`, summed
/// outwards from `m` one log of the pmf's ratio `(n - k) / (k + 1) p / q` at
/// a time (`lgamma` of a large `n` loses too many digits).
fn log_ratios(n: u64, p: f64, m: u64) -> Vec<f64> {
    let r = p / (1.0 - p);
    let step = |k: u64| libm::log((n - k) as f64 / (k + 1) as f64 * r);
    let mut l = vec![0.0; n as usize + 1];
    for k in m..n {
        l[k as usize + 1] = l[k as usize] + step(k);
    }
    for k in (0..m).rev() {
        l[k as usize] = l[k as usize + 1] - step(k);
    }
    l
}

/// `(n, p)` pairs that take BTRD, from the switch point up.
const BTRD_CASES: [(u64, f64); 10] = [
    (20, 0.5),
    (25, 0.4),
    (50, 0.2),
    (100, 0.1),
    (101, 0.099_01),
    (1000, 0.01),
    (400, 0.3),
    (5000, 0.05),
    (100_000, 0.5),
    (1_000_000, 0.000_01),
];

#[test]
fn degenerate_parameters_draw_nothing() {
    let mut rng = counting(1);
    for (n, p, want) in [
        (0, 0.3, 0),
        (0, f64::NAN, 0),
        (10, 0.0, 0),
        (10, -0.0, 0),
        (10, -0.2, 0),
        (10, f64::NEG_INFINITY, 0),
        (10, f64::NAN, 0),
        (10, 1.0, 10),
        (10, 1.0 + f64::EPSILON, 10),
        (10, f64::INFINITY, 10),
        (1_000_000_000, 1.0, 1_000_000_000),
    ] {
        assert_eq!(sample(&mut rng, n, p), want, "n {n}, p {p}");
    }
    assert_eq!(rng.draws, 0);
}

#[test]
fn one_trial_is_a_bernoulli() {
    let mut rng = stream(2, 0, 0);
    let draws = 100_000;
    let ones: u64 = (0..draws).map(|_| sample(&mut rng, 1, 0.3)).sum();
    let se = (0.3 * 0.7 / draws as f64).sqrt();
    let mean = ones as f64 / draws as f64;
    assert!((mean - 0.3).abs() < 5.0 * se, "mean {mean}");
}

#[test]
fn draws_never_exceed_n() {
    let mut rng = stream(3, 0, 0);
    for n in [1, 2, 3, 7, 19, 20, 21, 60, 999, 123_456] {
        for p in [1e-12, 0.01, 0.1, 0.37, 0.5, 0.51, 0.9, 0.999, 1.0 - 1e-12] {
            for _ in 0..200 {
                assert!(sample(&mut rng, n, p) <= n, "n {n}, p {p}");
            }
        }
    }
}

/// Mean and variance within 5 standard errors, for the cases the fit tests
/// cannot bin (n too large for a pmf table) and for p = 1/2 exactly.
fn assert_moments(seed: u64, n: u64, p: f64) {
    let mut rng = stream(seed, 0, 0);
    let draws = 40_000;
    let xs: Vec<f64> = (0..draws).map(|_| sample(&mut rng, n, p) as f64).collect();
    let len = draws as f64;
    let mean = xs.iter().sum::<f64>() / len;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (len - 1.0);
    let (mu, sigma2) = (n as f64 * p, n as f64 * p * (1.0 - p));
    assert!(
        (mean - mu).abs() < 5.0 * (sigma2 / len).sqrt(),
        "n {n}, p {p}: mean {mean}, expected {mu}"
    );
    // The variance of a sample variance is about 2 sigma^4 / len here.
    assert!(
        (var - sigma2).abs() < 5.0 * sigma2 * (2.0 / len).sqrt(),
        "n {n}, p {p}: variance {var}, expected {sigma2}"
    );
}

#[test]
fn huge_n_with_tiny_p() {
    assert_moments(4, 1_000_000_000, 1e-9);
    assert_moments(5, 1_000_000_000, 1e-6);
    assert_moments(6, 1_000_000_000, 0.25);
    // 1 - p rounds to 1: the mean, 1e-8, still comes through log1p.
    let mut rng = stream(7, 0, 0);
    assert!((0..1000).all(|_| sample(&mut rng, 1_000_000_000, 1e-17) == 0));
}

#[test]
fn half_exactly() {
    assert_moments(8, 20, 0.5);
    assert_moments(9, 19, 0.5);
    assert_moments(10, 1001, 0.5);
}

#[test]
fn inversion_draws_one_uniform() {
    let mut rng = counting(11);
    for (n, p) in [(1, 0.5), (19, 0.5), (400, 0.02), (1_000_000_000, 9e-9)] {
        rng.draws = 0;
        for _ in 0..10_000 {
            sample(&mut rng, n, p);
        }
        assert_eq!(rng.draws, 10_000, "n {n}, p {p}");
    }
}

#[test]
fn btrd_draws_between_one_and_three_uniforms() {
    let mut rng = counting(12);
    for (n, p) in BTRD_CASES {
        rng.draws = 0;
        let samples = 20_000;
        for _ in 0..samples {
            sample(&mut rng, n, p);
        }
        let per = rng.draws as f64 / samples as f64;
        assert!((1.3..2.6).contains(&per), "n {n}, p {p}: {per} draws");
    }
}

#[test]
fn stirling_correction_matches_lgamma() {
    for k in 0..2000u64 {
        let kf = k as f64;
        let exact = libm::lgamma(kf + 1.0) - (kf + 0.5) * libm::log(kf + 1.0) + (kf + 1.0)
            - 0.5 * libm::log(2.0 * core::f64::consts::PI);
        // lgamma's own rounding grows with its value.
        let tol = 1e-10f64.max(1e-15 * libm::lgamma(kf + 1.0));
        assert!((fc(k) - exact).abs() < tol, "k {k}: {} vs {exact}", fc(k));
    }
}

/// `U` on a fine grid of (-0.5, 0.5), with its candidate `k` if in range.
fn grid(b: &Btrd) -> impl Iterator<Item = (f64, u64)> + '_ {
    const STEPS: u32 = 200_000;
    (0..STEPS).filter_map(move |i| {
        let u = (f64::from(i) + 0.5) / f64::from(STEPS) - 0.5;
        b.candidate(u, 0.5 - u.abs()).map(|k| (u, k))
    })
}

#[test]
fn hat_lies_above_and_box_below_the_pmf() {
    for (n, p) in BTRD_CASES {
        let b = Btrd::new(n, p);
        assert_eq!(b.m, ((n as f64 + 1.0) * p) as u64);
        let l = log_ratios(n, p, b.m);
        for (u, k) in grid(&b) {
            let us = 0.5 - u.abs();
            let hat = b.alpha / (b.a / (us * us) + b.b);
            let f = libm::exp(l[k as usize]);
            assert!(
                hat >= f * (1.0 - 1e-9),
                "n {n}, p {p}, U {u}: hat {hat} < {f}"
            );
            // Step 1 takes U = V / v_r - 0.43 for V <= u_rv_r.
            if u.abs() <= 0.5 * b.u_rv_r / b.v_r {
                assert!(
                    b.v_r * hat <= f * (1.0 + 1e-9),
                    "n {n}, p {p}, U {u}: box {} > {f}",
                    b.v_r * hat
                );
            }
        }
    }
}

#[test]
fn squeeze_bounds_and_stirling_step_match_the_pmf() {
    for (n, p) in BTRD_CASES {
        let b = Btrd::new(n, p);
        let npq = b.npq;
        for (k, &exact) in log_ratios(n, p, b.m).iter().enumerate() {
            let k = k as u64;
            let tol = 1e-9 * (1.0 + exact.abs());
            let km = k.abs_diff(b.m);
            let kmf = km as f64;
            if km > RECURSION_MAX && kmf < 0.5 * npq - 1.0 {
                let rho = (kmf / npq) * (((kmf / 3.0 + 0.625) * kmf + 1.0 / 6.0) / npq + 0.5);
                let t = -kmf * kmf / (2.0 * npq);
                assert!(
                    t - rho <= exact + tol && exact <= t + rho + tol,
                    "n {n}, p {p}, k {k}"
                );
            }
            // Steps 3.2-3.4 accept exactly below the log-ratio.
            if km > RECURSION_MAX && exact > -700.0 {
                assert!(b.accept(k, libm::exp(exact - tol)), "n {n}, p {p}, k {k}");
                assert!(!b.accept(k, libm::exp(exact + tol)), "n {n}, p {p}, k {k}");
            }
        }
    }
}

#[test]
fn recursion_step_matches_the_pmf() {
    for (n, p) in BTRD_CASES {
        let b = Btrd::new(n, p);
        let l = log_ratios(n, p, b.m);
        for k in b.m.saturating_sub(RECURSION_MAX)..=(b.m + RECURSION_MAX).min(n) {
            let f = libm::exp(l[k as usize]);
            assert!(b.accept(k, f * (1.0 - 1e-9)), "n {n}, p {p}, k {k}");
            assert!(!b.accept(k, f * (1.0 + 1e-9)), "n {n}, p {p}, k {k}");
        }
    }
}

#[test]
fn powers_by_squaring_match_exp_log1p() {
    for p in [1e-9, 0.001, 0.02, 0.1, 0.3, 0.5] {
        for n in (1..1024).step_by(7).chain([1023]) {
            let by_squares = pow_q(p, n);
            let exact = libm::exp(n as f64 * libm::log1p(-p));
            let rel = (by_squares / exact - 1.0).abs();
            assert!(rel < 2e-13, "p {p}, n {n}: {by_squares} vs {exact}");
        }
    }
}
