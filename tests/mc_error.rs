//! Tier 3, Monte Carlo error: the standard errors a run reports (and the
//! bands the summary prints from them) match how much its figures really
//! move from seed to seed. Seeded, so they never flake; run in `--release`.
#![cfg(not(target_arch = "wasm32"))]

use mentorsim::report::printed;
use mentorsim::{presets, simulate, simulate_partial, RunOptions, RunResult};
use serde_json::Value;

/// The headline figures, as (group, figure) in the `--json` result: the
/// figure's standard error is `<figure>_se` beside it, and a series gives
/// its last year. Every target's `probability_met` is a headline figure too.
const HEADLINES: [(&str, &str); 7] = [
    ("/series/employed_cumulative", "mean"),
    ("/series/employed_cumulative", "p50"),
    ("/series/net_additional_employed_cumulative", "mean"),
    ("/totals/cost_per_net_job", "p50"),
    ("/totals/cost_per_net_job", "p95"),
    ("/totals/benefit_cost_ratio", "mean"),
    ("", "p_benefit_exceeds_cost"),
];

/// Presets whose headline figures are checked.
const PRESETS: [&str; 2] = ["actiris-2028", "team4job"];

fn run(id: &str, trials: u64, seed: u64) -> RunResult {
    let scenario = presets::get(id).expect("preset");
    let opts = RunOptions {
        trials,
        seed,
        ..RunOptions::default()
    };
    simulate(&scenario, &opts).expect("runs")
}

/// A number, or a series' last year.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Array(a) => a.last().and_then(Value::as_f64),
        v => v.as_f64(),
    }
}

/// Each headline figure of a result that is defined: (name, value, se).
fn figures(r: &RunResult) -> Vec<(String, f64, f64)> {
    let json = serde_json::to_value(r).expect("serialises");
    let mut out: Vec<(String, f64, f64)> = HEADLINES
        .iter()
        .filter_map(|(group, figure)| {
            let x = number(json.pointer(&format!("{group}/{figure}"))?)?;
            let se = number(json.pointer(&format!("{group}/{figure}_se"))?)?;
            Some((format!("{group}/{figure}"), x, se))
        })
        .collect();
    for (i, t) in r.targets.iter().enumerate() {
        out.push((
            format!("/targets/{i}/probability_met"),
            t.probability_met,
            t.probability_met_se,
        ));
    }
    out
}

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0);
    (m, v.sqrt())
}

#[test]
fn five_seeds_fall_inside_their_printed_band() {
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for id in PRESETS {
        // The reference has a fiftieth of the variance of a 4,000-trial run.
        let reference = figures(&run(id, 200_000, 1_000_003));
        let runs: Vec<_> = (1..=5).map(|seed| figures(&run(id, 4000, seed))).collect();
        assert!(reference.len() >= 6, "{id}: {reference:?}");
        for (k, (name, truth, _)) in reference.iter().enumerate() {
            let inside = runs
                .iter()
                .filter(|figs| {
                    let (got_name, x, se) = &figs[k];
                    assert_eq!(got_name, name);
                    let p = printed(*x, *se);
                    (p.value - truth).abs() <= p.band
                })
                .count();
            report.push(format!("{id} {name}: {inside}/5 inside"));
            if inside < 4 {
                failures.push(report.last().unwrap().clone());
            }
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{failures:?}");
}

/// Each headline figure's standard error averaged over five seeds (one
/// run's estimate of a quantile's error is itself uncertain by some 10 %).
fn mean_se(id: &str, trials: u64) -> Vec<(String, f64)> {
    let runs: Vec<_> = (21..26)
        .map(|seed| figures(&run(id, trials, seed)))
        .collect();
    (0..runs[0].len())
        .map(|k| {
            let se = runs.iter().map(|f| f[k].2).sum::<f64>() / runs.len() as f64;
            (runs[0][k].0.clone(), se)
        })
        .collect()
}

/// Figures whose spread at 4,000 trials still falls faster than
/// `1/sqrt(n)`: team4job's P95 of the cost per additional job sits just
/// below the 4 % of trials with no additional job, where the cost rises
/// steeply. Over 60 seeds its spread is 29,900 at 4,000 trials, 9,800 at
/// 16,000 and 5,300 at 64,000, and the estimated se follows (29,500, 10,500,
/// 5,000; `the_se_matches_the_spread_over_thirty_seeds` checks 4,000). Its
/// halving is checked from 16,000 to 64,000 trials instead.
const PRE_ASYMPTOTIC: [(&str, &str); 1] = [("team4job", "/totals/cost_per_net_job/p95")];

#[test]
fn the_se_halves_when_the_trials_quadruple() {
    let mut lines = Vec::new();
    for id in PRESETS {
        let (se4, se16) = (mean_se(id, 4000), mean_se(id, 16_000));
        for ((name, a), (_, b)) in se4.iter().zip(&se16) {
            if *a == 0.0 {
                // Only a target no trial meets: no spread at any size.
                assert_eq!(*b, 0.0, "{id} {name}");
            } else if !PRE_ASYMPTOTIC.contains(&(id, name)) {
                lines.push((format!("{id} {name}, 4,000 to 16,000"), b / a));
            }
        }
    }
    for (id, name) in PRE_ASYMPTOTIC {
        let se = |trials| {
            mean_se(id, trials)
                .into_iter()
                .find(|(n, _)| n == name)
                .expect("a headline figure")
                .1
        };
        lines.push((
            format!("{id} {name}, 16,000 to 64,000"),
            se(64_000) / se(16_000),
        ));
    }
    eprintln!("{lines:#?}");
    for (name, ratio) in lines {
        assert!(
            (0.4..=0.6).contains(&ratio),
            "{name}: ratio of the standard errors {ratio}"
        );
    }
}

#[test]
fn the_se_matches_the_spread_over_thirty_seeds() {
    let runs: Vec<_> = (100..130)
        .map(|seed| figures(&run("team4job", 4000, seed)))
        .collect();
    let mut lines = Vec::new();
    for (k, (name, _, _)) in runs[0].iter().enumerate() {
        let values: Vec<f64> = runs.iter().map(|f| f[k].1).collect();
        let ses: Vec<f64> = runs.iter().map(|f| f[k].2).collect();
        let (_, spread) = mean_sd(&values);
        let (se, _) = mean_sd(&ses);
        lines.push((name.clone(), se / spread));
    }
    eprintln!("{lines:#?}");
    for (name, ratio) in &lines {
        if name.ends_with("employed_cumulative/mean") || name.ends_with("cost_per_net_job/p95") {
            assert!(
                (0.7..=1.4).contains(ratio),
                "{name}: estimated se / spread over seeds = {ratio}"
            );
        }
    }
}

#[test]
fn any_split_gives_the_same_se_bits() {
    let scenario = presets::get("actiris-2028").expect("preset");
    let opts = RunOptions {
        trials: 3000,
        seed: 5,
        ..RunOptions::default()
    };
    let whole = simulate(&scenario, &opts).expect("runs");
    for cuts in [
        &[0, 3000][..],
        &[0, 1, 1500, 2999, 3000],
        &[0, 700, 1400, 3000],
    ] {
        let parts: Vec<_> = cuts
            .windows(2)
            .rev()
            .map(|w| {
                let range = RunOptions {
                    first_trial: w[0],
                    trial_count: Some(w[1] - w[0]),
                    ..opts
                };
                simulate_partial(&scenario, &range).expect("runs")
            })
            .collect();
        let merged = mentorsim::merge(&scenario, &opts, parts).expect("merges");
        for ((name, _, a), (_, _, b)) in figures(&whole).iter().zip(&figures(&merged)) {
            assert_eq!(a.to_bits(), b.to_bits(), "{name} split at {cuts:?}");
        }
        for (key, s) in &whole.series {
            let m = &merged.series[key];
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&s.mean_se), bits(&m.mean_se), "{key}");
            assert_eq!(bits(&s.p95_se), bits(&m.p95_se), "{key}");
        }
        assert_eq!(merged, whole);
    }
}
