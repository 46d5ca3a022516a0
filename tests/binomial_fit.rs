#![cfg(not(target_arch = "wasm32"))]
//! Tier 3: goodness of fit of `binomial::sample` against the exact
//! Binomial(n, p) pmf, over a grid that covers inversion, BTRD, the switch
//! between them at `n min(p, 1 - p) = 10` and the flip at `p = 0.5`. Run with
//! `cargo test --release --test binomial_fit -- --nocapture` to see the table.

use mentorsim::engine::binomial::sample;
use mentorsim::engine::rng::stream;
use statrs::distribution::{Binomial, ChiSquared, ContinuousCDF, Discrete};

const DRAWS: usize = 200_000;
const SEED: u64 = 20_250_602;

const NS: [u64; 9] = [1, 5, 20, 50, 100, 400, 1000, 5000, 100_000];
const PS: [f64; 8] = [0.001, 0.02, 0.1, 0.3, 0.5, 0.63, 0.9, 0.999];

/// Either side of the switch: `n min(p, 1 - p)` just below, at and above 10.
const SWITCH: [(u64, f64); 10] = [
    (19, 0.5),
    (20, 0.5),
    (21, 0.5),
    (25, 0.4),
    (25, 0.6),
    (999, 0.01),
    (1000, 0.01),
    (1001, 0.01),
    (1000, 0.99),
    (1_000_000, 0.000_01),
];

/// What one `(n, p)` case gave.
struct Fit {
    n: u64,
    p: f64,
    bins: usize,
    p_value: f64,
    /// Sample mean and variance minus the exact ones, in standard errors.
    z_mean: f64,
    z_var: f64,
}

/// The chi-square p-value of `xs` against Binomial(n, p), adjacent bins
/// merged until each expects at least 5, with the number of bins.
fn chi_square(xs: &[u64], n: u64, p: f64) -> (f64, usize) {
    let f = Binomial::new(p, n).unwrap();
    let mut observed = vec![0.0; n as usize + 1];
    for &x in xs {
        observed[x as usize] += 1.0;
    }
    let total = xs.len() as f64;
    let mut bins: Vec<(f64, f64)> = Vec::new();
    let (mut o, mut e) = (0.0, 0.0);
    for (k, obs) in observed.iter().enumerate() {
        o += obs;
        e += total * f.pmf(k as u64);
        if e >= 5.0 {
            bins.push((o, e));
            (o, e) = (0.0, 0.0);
        }
    }
    // The upper tail that never reached 5 joins the last bin.
    let last = bins.last_mut().expect("at least one bin");
    last.0 += o;
    last.1 += e;
    let stat: f64 = bins.iter().map(|(o, e)| (o - e) * (o - e) / e).sum();
    let df = (bins.len() - 1) as f64;
    (1.0 - ChiSquared::new(df).unwrap().cdf(stat), bins.len())
}

fn fit(case: u64, n: u64, p: f64) -> Fit {
    let mut rng = stream(SEED, case, 0);
    let xs: Vec<u64> = (0..DRAWS).map(|_| sample(&mut rng, n, p)).collect();
    assert!(xs.iter().all(|&x| x <= n), "n {n}, p {p}: a draw above n");
    let (p_value, bins) = chi_square(&xs, n, p);
    let len = DRAWS as f64;
    let mean = xs.iter().sum::<u64>() as f64 / len;
    let dev = |x: &u64| *x as f64 - mean;
    let var = xs.iter().map(|x| dev(x).powi(2)).sum::<f64>() / (len - 1.0);
    let m4 = xs.iter().map(|x| dev(x).powi(4)).sum::<f64>() / len;
    let (mu, sigma2) = (n as f64 * p, n as f64 * p * (1.0 - p));
    Fit {
        n,
        p,
        bins,
        p_value,
        z_mean: (mean - mu) / (sigma2 / len).sqrt(),
        z_var: (var - sigma2) / ((m4 - var * var) / len).sqrt(),
    }
}

/// Fits every case, prints the table and fails on any that does not fit.
fn check(cases: impl Iterator<Item = (u64, f64)>, first_stream: u64) {
    let mut bad = Vec::new();
    println!("       n        p  mean  bins   chi2 p-value  z(mean)  z(var)");
    for (i, (n, p)) in cases.enumerate() {
        let f = fit(first_stream + i as u64, n, p);
        println!(
            "{:>8} {:>8} {:>5} {:>5} {:>14.4e} {:>8.2} {:>7.2}",
            f.n,
            f.p,
            if n as f64 * p.min(1.0 - p) < 10.0 {
                "small"
            } else {
                "large"
            },
            f.bins,
            f.p_value,
            f.z_mean,
            f.z_var
        );
        // A degenerate sample (every draw 0) has no variance to compare.
        let z_var_ok = !f.z_var.is_finite() || f.z_var.abs() < 5.0;
        if !(f.bins >= 2 && f.p_value > 1e-6 && f.z_mean.abs() < 5.0 && z_var_ok) {
            bad.push((n, p));
        }
    }
    assert!(bad.is_empty(), "cases that do not fit: {bad:?}");
}

#[test]
fn grid_fits_the_exact_pmf() {
    check(NS.iter().flat_map(|&n| PS.iter().map(move |&p| (n, p))), 0);
}

#[test]
fn both_sides_of_the_switch_fit() {
    check(SWITCH.into_iter(), 1000);
}
