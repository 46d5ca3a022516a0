//! The decision tools: solving for a lever, B against A, the value of
//! information (closed forms on synthetic samples).
#![cfg(not(target_arch = "wasm32"))]

use mentorsim::analysis::decide::{self, Lever};
use mentorsim::model::presets;
use mentorsim::{simulate, RunOptions};
use rand::RngExt;
use rand_distr::{Distribution, Normal};

fn opts(trials: u64) -> RunOptions {
    RunOptions {
        trials,
        seed: 17,
        ..RunOptions::default()
    }
}

/// A confirming run at the value meets the confidence; one step short does not.
fn check_solution(id: &str, target: usize, confidence: f64, lever: Lever) -> f64 {
    let s = presets::get(id).unwrap();
    let o = opts(2000);
    let sol = decide::solve(&s, target, confidence, lever, &o).unwrap();
    let value = sol
        .value
        .unwrap_or_else(|| panic!("{id}: no value found: {sol:?}"));
    let p = |x: f64| {
        simulate(&decide::with_lever(&s, lever, x).unwrap(), &o)
            .unwrap()
            .targets[target]
            .probability_met
    };
    assert!(p(value) >= confidence, "{id}: {} at {value}", p(value));
    let short = if lever == Lever::CostPerDuo {
        value + sol.step
    } else {
        value - sol.step
    };
    assert!(p(short) < confidence, "{id}: {} one step short", p(short));
    assert_eq!(sol.probability, p(value));
    value
}

#[test]
fn solve_finds_the_edge_on_two_presets() {
    // 10,000 duos by 2035 (cumulative): the smallest budget and the smallest
    // yearly recruitment that meet it in 80 % of trials.
    let budget = check_solution("targets-2030-2035", 1, 0.8, Lever::Budget);
    let recruits = check_solution("targets-2030-2035", 1, 0.8, Lever::Recruits);
    assert!(budget > 0.0 && recruits > 0.0);
    // 4,400 mentored by 2028: the largest cost per duo at which the plan
    // still meets it half the time.
    check_solution("actiris-2028", 0, 0.3, Lever::CostPerDuo);
}

#[test]
fn solve_says_when_nothing_in_range_reaches_it() {
    // DUO for a JOB's target is its whole plan: no budget makes every
    // planned duo form.
    let s = presets::get("duo-for-a-job").unwrap();
    let sol = decide::solve(&s, 0, 0.8, Lever::Budget, &opts(500)).unwrap();
    assert_eq!(sol.value, None);
    assert!(sol.best_probability < 0.8);
    // What the answer says of the best: its chance and that chance's error.
    assert_eq!(sol.probability, sol.best_probability);
    assert_eq!(
        sol.probability_se,
        mentorsim::stats::share::share_se(sol.best_probability, 500.0)
    );
    assert!(decide::solve(&s, 3, 0.8, Lever::Budget, &opts(10)).is_err());
    assert!(decide::solve(&s, 0, 1.5, Lever::Budget, &opts(10)).is_err());
}

#[test]
fn a_preset_against_itself_differs_by_nothing() {
    let s = presets::get("actiris-2028").unwrap();
    let c = decide::compare(&s, &s, &opts(800)).unwrap();
    for (name, series) in &c.difference.series {
        for t in 0..series.p5.len() {
            assert_eq!((series.p5[t], series.p95[t]), (0.0, 0.0), "{name}");
        }
    }
    for (name, p) in &c.p_equal {
        assert_eq!(*p, 1.0, "{name}");
        assert_eq!(c.p_b_better[name], 0.0, "{name}");
    }
}

#[test]
fn more_money_never_gives_fewer_duos() {
    let a = presets::get("actiris-2028").unwrap();
    let b = decide::with_lever(&a, Lever::Budget, 3_000_000.0).unwrap();
    let c = decide::compare(&a, &b, &opts(1500)).unwrap();
    // Trial by trial, every year: B starts at least as many duos as A.
    for p5 in &c.difference.series["duos_started"].p5 {
        assert!(*p5 >= 0.0);
    }
    let name = "duos_started_cumulative";
    assert_eq!(c.p_b_better[name] + c.p_equal[name], 1.0);
    assert!(c.p_b_better[name] > 0.5);
}

/// E[max(X, 0)] for X ~ Normal(mu, sigma).
fn positive_part(mu: f64, sigma: f64) -> f64 {
    use statrs::distribution::{Continuous, ContinuousCDF, Normal as N};
    let z = N::new(0.0, 1.0).unwrap();
    sigma * z.pdf(mu / sigma) + mu * z.cdf(mu / sigma)
}

/// The mean and spread of an input `theta` and of the noise around it in
/// the net benefits of [`normal_net`].
const NORMAL_NET: (f64, f64, f64) = (-200.0, 500.0, 800.0);

/// `n` trials of an input `theta ~ Normal(mu, s_theta)` and a net benefit
/// `theta + Normal(0, s_noise)`, from stream `seed`; the stream is returned
/// for further draws.
fn normal_net(seed: u64, n: usize) -> (rand_pcg::Pcg64Mcg, Vec<f64>, Vec<f64>) {
    let (mu, s_theta, s_noise) = NORMAL_NET;
    let mut rng = mentorsim::engine::rng::stream(seed, 0, 0);
    let theta_d = Normal::new(mu, s_theta).unwrap();
    let noise_d = Normal::new(0.0, s_noise).unwrap();
    let theta: Vec<f64> = (0..n).map(|_| theta_d.sample(&mut rng)).collect();
    let net: Vec<f64> = theta.iter().map(|t| t + noise_d.sample(&mut rng)).collect();
    (rng, theta, net)
}

#[test]
fn value_of_information_in_closed_form() {
    let (mu, s_theta, s_noise) = NORMAL_NET;
    let (mut rng, theta, net) = normal_net(99, 200_000);
    // EVPI: the net benefit is Normal(mu, sqrt(s_theta^2 + s_noise^2)).
    let s_all = (s_theta * s_theta + s_noise * s_noise).sqrt();
    let evpi = decide::evpi(&net);
    let want = positive_part(mu, s_all) - mu.max(0.0);
    assert!(
        (evpi - want).abs() < 0.03 * want,
        "EVPI {evpi}, closed form {want}"
    );
    // EVPPI on theta: E[NB | theta] = theta.
    let evppi = decide::evppi(&theta, &net, 200);
    let want = positive_part(mu, s_theta) - mu.max(0.0);
    assert!(
        (evppi - want).abs() < 0.05 * want,
        "EVPPI {evppi}, closed form {want}"
    );
    assert!(evppi <= evpi);
    // No uncertainty that could change the decision: worth nothing.
    let sure: Vec<f64> = (0..1000).map(|_| -1000.0 - rng.random::<f64>()).collect();
    assert_eq!(decide::evpi(&sure), 0.0);
}

#[test]
fn value_of_information_has_its_error_and_an_answer_under_each_prior() {
    // The standard error of the EVPI: on normal net benefits the estimate
    // is within four of its standard errors of the closed form, and the
    // error shrinks as the square root of the trials.
    let (mu, s_theta, s_noise) = NORMAL_NET;
    let n = 40_000;
    let (_, theta, net) = normal_net(7, n);
    let (se_all, se_part) = decide::value_se(&theta, &net, 200);
    let s_all = (s_theta * s_theta + s_noise * s_noise).sqrt();
    let want = positive_part(mu, s_all);
    let got = decide::evpi(&net);
    assert!(se_all > 0.0 && se_part > 0.0);
    assert!(
        (got - want).abs() < 4.0 * se_all,
        "EVPI {got} ± {se_all}, closed form {want}"
    );
    let (quarter, _) = decide::value_se(&theta[..n / 4], &net[..n / 4], 50);
    assert!(
        (quarter / se_all - 2.0).abs() < 0.2,
        "{quarter} against {se_all}"
    );
    // The preset under each named prior: the default prior pays back in no
    // trial, and then evidence is worth exactly nothing with no error.
    let scenario = presets::get("actiris-2028").unwrap();
    let opts = RunOptions {
        trials: 2000,
        seed: 2025,
        ..RunOptions::default()
    };
    let v = decide::value_of_information(&scenario, &opts).unwrap();
    assert_eq!(v.by_prior.len(), mentorsim::model::priors::PRIORS.len());
    let own = &v.by_prior["independent-evaluations"].worth;
    assert_eq!(v.own, *own, "the preset's own prior gives the same answer");
    assert_eq!(own.p_pays_back["public"], 0.0);
    assert_eq!(
        (own.evppi_effect["public"], own.evppi_effect_se["public"]),
        (0.0, 0.0)
    );
    let young = &v.by_prior["young-registrants"].worth;
    assert!(young.p_pays_back["public"] > 0.0 && young.p_pays_back["public"] < 1.0);
    assert!(young.evppi_effect["public"] > 4.0 * young.evppi_effect_se["public"]);
}
