#![cfg(not(target_arch = "wasm32"))]
//! Tier 3: goodness of fit of the samplers and of the engine's binomial draws
//! on large seeded samples (Kolmogorov-Smirnov and chi-square). Run with
//! `cargo test --release`.

use mentorsim::engine::model::Model;
use mentorsim::engine::rng::stream;
use mentorsim::engine::sampler::Sampler;
use mentorsim::model::distribution::{Dist, Domain, Param};
use mentorsim::model::outputs::{Series, N_SERIES};
use mentorsim::model::scenario::from_json;
use serde_json::json;
use statrs::distribution::{
    Beta, Binomial, ChiSquared, ContinuousCDF, Discrete, LogNormal, Normal, Triangular, Uniform,
};

const N: usize = 20_000;
const SEED: u64 = 20_250_601;

/// z with P(Z < z) = 0.95, as the sampler uses it.
const Z95: f64 = 1.644_853_6;

/// `N` draws of `dist` from stream `k`, sorted.
fn draws(dist: Dist, domain: Domain, k: u64) -> Vec<f64> {
    let param = Param {
        dist,
        ..Param::fixed(0.0)
    };
    let sampler = Sampler::new(&param, domain).expect("a valid distribution");
    let mut rng = stream(SEED, 0, k);
    let mut xs: Vec<f64> = (0..N).map(|_| sampler.sample(&mut rng)).collect();
    xs.sort_by(f64::total_cmp);
    xs
}

/// The Kolmogorov-Smirnov statistic of sorted `xs` against `cdf`.
fn ks(xs: &[f64], cdf: impl Fn(f64) -> f64) -> f64 {
    let n = xs.len() as f64;
    xs.iter()
        .enumerate()
        .map(|(i, &x)| {
            let f = cdf(x);
            (f - i as f64 / n).max((i + 1) as f64 / n - f)
        })
        .fold(0.0, f64::max)
}

/// Accepts at about the 1 % level.
fn assert_fits(name: &str, xs: &[f64], cdf: impl Fn(f64) -> f64) {
    let d = ks(xs, cdf);
    let critical = 1.95 / (xs.len() as f64).sqrt();
    assert!(d < critical, "{name}: D = {d} >= {critical}");
}

#[test]
fn beta_fits() {
    let xs = draws(
        Dist::Beta {
            events: 63.0,
            non_events: 37.0,
        },
        Domain::Rate,
        1,
    );
    let f = Beta::new(63.0, 37.0).unwrap();
    assert_fits("Beta(63, 37)", &xs, |x| f.cdf(x));
}

/// Both ways a Beta is drawn: as a ratio of Gamma draws (both shapes at
/// least 1, including exactly 1, where a Gamma is an exponential) and by
/// Cheng's algorithm (a shape below 1).
#[test]
fn beta_fits_on_both_paths() {
    for (k, (a, b)) in [
        (1.0, 1.0),
        (1.0, 7.5),
        (2.5, 1.3),
        (0.5, 0.7),
        (0.3, 4.0),
        (3.0, 0.8),
    ]
    .into_iter()
    .enumerate()
    {
        let xs = draws(
            Dist::Beta {
                events: a,
                non_events: b,
            },
            Domain::Rate,
            10 + k as u64,
        );
        let f = Beta::new(a, b).unwrap();
        assert_fits(&format!("Beta({a}, {b})"), &xs, |x| f.cdf(x));
    }
}

/// A PERT whose mode sits at an end: one shape is exactly 1.
#[test]
fn pert_fits_with_mode_at_an_end() {
    for (k, (min, mode, max)) in [(0.0, 0.0, 10.0), (5.0, 9.0, 9.0)].into_iter().enumerate() {
        let xs = draws(
            Dist::Pert { min, mode, max },
            Domain::NonNegative,
            20 + k as u64,
        );
        let range = max - min;
        let f = Beta::new(
            1.0 + 4.0 * (mode - min) / range,
            1.0 + 4.0 * (max - mode) / range,
        )
        .unwrap();
        assert_fits(&format!("PERT({min}, {mode}, {max})"), &xs, |x| {
            f.cdf((x - min) / range)
        });
    }
}

#[test]
fn pert_fits() {
    let (min, mode, max) = (1300.0, 2000.0, 2400.0);
    let xs = draws(Dist::Pert { min, mode, max }, Domain::NonNegative, 2);
    let range = max - min;
    let f = Beta::new(
        1.0 + 4.0 * (mode - min) / range,
        1.0 + 4.0 * (max - mode) / range,
    )
    .unwrap();
    assert_fits("PERT(1300, 2000, 2400)", &xs, |x| f.cdf((x - min) / range));
}

#[test]
fn triangular_fits() {
    let xs = draws(
        Dist::Triangular {
            min: 3.0,
            mode: 6.0,
            max: 9.0,
        },
        Domain::NonNegative,
        3,
    );
    let f = Triangular::new(3.0, 9.0, 6.0).unwrap();
    assert_fits("Triangular(3, 6, 9)", &xs, |x| f.cdf(x));
}

#[test]
fn uniform_fits() {
    let xs = draws(
        Dist::Uniform {
            min: 0.01,
            max: 0.03,
        },
        Domain::Rate,
        4,
    );
    let f = Uniform::new(0.01, 0.03).unwrap();
    assert_fits("Uniform(0.01, 0.03)", &xs, |x| f.cdf(x));
}

#[test]
fn normal_fits() {
    let xs = draws(
        Dist::Normal {
            mean: 0.3,
            sd: 0.05,
        },
        Domain::Rate,
        5,
    );
    let f = Normal::new(0.3, 0.05).unwrap();
    assert_fits("Normal(0.3, 0.05)", &xs, |x| f.cdf(x));
}

#[test]
fn lognormal_fits_and_hits_its_percentiles() {
    let (p5, p95) = (800.0, 1500.0);
    let xs = draws(Dist::LogNormal { p5, p95 }, Domain::NonNegative, 6);
    let mu = (f64::ln(p5) + f64::ln(p95)) / 2.0;
    let sigma = (f64::ln(p95) - f64::ln(p5)) / (2.0 * Z95);
    let f = LogNormal::new(mu, sigma).unwrap();
    assert_fits("LogNormal(p5 800, p95 1500)", &xs, |x| f.cdf(x));
    let at = |q: f64| xs[(q * N as f64) as usize];
    assert!((at(0.05) / p5 - 1.0).abs() < 0.02, "P5 {}", at(0.05));
    assert!((at(0.95) / p95 - 1.0).abs() < 0.02, "P95 {}", at(0.95));
}

/// One cohort of 1,000 duos in 2025, fixed rates, its outcomes all booked
/// by 2027: employed is a Binomial(1000, p_e) draw, and the net additional
/// jobs are drawn among the employed with chance (p_e - p_b) / p_e, so the
/// baseline jobs are Binomial(1000, p_b) and the net Binomial(1000, p_e - p_b).
fn model(employed: f64, baseline: f64) -> Model {
    let s = from_json(
        &json!({
            "id": "binomial", "start_year": 2025, "end_year": 2027,
            "intake": {"per_year": [1000, 0, 0]},
            "budget": {"unlimited": true},
            "cost_per_duo": 2000, "cost_indexation": 0,
            "mentors": {"pool": "unlimited", "duos_per_mentor_year": 1},
            "realisation": 1,
            "outcomes": {"dropout": 0, "employed": employed, "permanent_share": 0,
                         "self_employed": 0, "training": 0},
            "counterfactual": {"baseline": baseline}, "esf_share": 0,
            "fiscal": {"price_year": 2025, "unemployment_share": 1, "unemployment_month": 1000,
                       "integration_share": 0, "integration_month": 0,
                       "contributions_month": 0, "net_earnings_month": 0,
                       "months_in_work_first_year": 12, "employment_decay": 0,
                       "discount_rate": 0, "horizon_years": 1}
        })
        .to_string(),
    )
    .expect("test scenario parses");
    Model::new(&s).expect("test scenario is valid")
}

/// The 2025 cohort's total of `series` (its running total in 2027) in
/// trials `0..N`.
fn year_one(model: &Model, seed: u64, series: &str) -> Vec<f64> {
    let k = N_SERIES + Series::from_name(series).expect("a series") as usize;
    (0..N as u64)
        .map(|i| model.trial_record(seed, i).values[k][2])
        .collect()
}

/// The chi-square p-value of integer counts `xs` against Binomial(n, p),
/// adjacent bins merged until each expects at least 5.
fn binomial_p_value(xs: &[f64], n: u64, p: f64) -> f64 {
    let f = Binomial::new(p, n).unwrap();
    let mut observed = vec![0.0; n as usize + 1];
    for &x in xs {
        assert!(x.fract() == 0.0 && (0.0..=n as f64).contains(&x), "{x}");
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
    assert!(bins.len() > 10, "too few bins: {}", bins.len());
    let stat: f64 = bins.iter().map(|(o, e)| (o - e) * (o - e) / e).sum();
    let df = (bins.len() - 1) as f64;
    1.0 - ChiSquared::new(df).unwrap().cdf(stat)
}

#[test]
fn employed_is_binomial() {
    let xs = year_one(&model(0.63, 0.3), 31, "employed");
    let p = binomial_p_value(&xs, 1000, 0.63);
    assert!(p > 1e-6, "employed: chi-square p-value {p}");
}

#[test]
fn baseline_employed_is_binomial() {
    let xs = year_one(&model(0.63, 0.3), 32, "baseline_employed");
    let p = binomial_p_value(&xs, 1000, 0.3);
    assert!(p > 1e-6, "baseline_employed: chi-square p-value {p}");
}

#[test]
fn net_additional_mean_and_variance_in_closed_form() {
    // The net jobs are a thinning of the employed: Binomial(n, pe - pb), so
    // E = n (pe - pb) and Var = n (pe - pb) (1 - pe + pb), and never above
    // the employed in any trial.
    let (n, pe, pb) = (1000.0, 0.63, 0.3);
    let xs = year_one(&model(pe, pb), 33, "net_additional_employed");
    let len = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / len;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (len - 1.0);
    let m4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / len;
    let expected_mean = n * (pe - pb);
    let expected_var = n * (pe - pb) * (1.0 - pe + pb);
    let jobs = year_one(&model(pe, pb), 33, "employed");
    assert!(xs.iter().zip(&jobs).all(|(net, job)| net <= job));
    let se_mean = (expected_var / len).sqrt();
    let se_var = ((m4 - var * var) / len).sqrt();
    assert!(
        (mean - expected_mean).abs() < 5.0 * se_mean,
        "mean {mean}, expected {expected_mean} +/- {se_mean}"
    );
    assert!(
        (var - expected_var).abs() < 5.0 * se_var,
        "variance {var}, expected {expected_var} +/- {se_var}"
    );
}
