//! Tier 3, Monte Carlo error: the standard errors a run reports (and the
//! bands the summary prints from them) match how much its figures really
//! move from seed to seed. Seeded, so they never flake; run in `--release`.
#![cfg(not(target_arch = "wasm32"))]

use mentorsim::model::presets;
use mentorsim::stats::rounding::printed;
use mentorsim::{simulate, simulate_partial, RunOptions, RunResult};
use serde_json::Value;

/// The headline figures, as (group, figure) in the `--json` result: the
/// figure's standard error is `<figure>_se` beside it, and a series gives
/// its last year. Every target's `probability_met` is a headline figure too.
const HEADLINES: [(&str, &str); 9] = [
    ("/series/employed_cumulative", "mean"),
    ("/series/employed_cumulative", "p50"),
    ("/series/net_additional_employed_cumulative", "mean"),
    ("/totals/cost_per_net_job", "p50"),
    ("/totals/cost_per_net_job", "p75"),
    ("/totals/benefit_cost_ratio", "mean"),
    ("", "p_benefit_exceeds_cost"),
    ("/perspectives/public/net", "p50"),
    ("/break_even/public/effect", "p50"),
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

/// Each headline figure's standard error and value averaged over ten
/// seeds (one run's estimate of a quantile's error is itself uncertain by
/// some 10 %).
fn mean_se(id: &str, trials: u64) -> Vec<(String, f64, f64)> {
    let runs: Vec<_> = (21..31)
        .map(|seed| figures(&run(id, trials, seed)))
        .collect();
    (0..runs[0].len())
        .map(|k| {
            let avg = |i: usize| {
                runs.iter()
                    .map(|f| if i == 1 { f[k].1 } else { f[k].2 })
                    .sum::<f64>()
                    / runs.len() as f64
            };
            (runs[0][k].0.clone(), avg(2), avg(1))
        })
        .collect()
}

/// A share that fewer than five trials fall on one side of: its error is
/// dominated by Wilson's `1 / (2 n)` term, which falls like `1 / n`.
fn rare_share(name: &str, p: f64, trials: u64) -> bool {
    let share = name.ends_with("p_benefit_exceeds_cost") || name.ends_with("probability_met");
    share && p.min(1.0 - p) * (trials as f64) < 5.0
}

/// Figures left out of the halving check, with why: team4job's cost per
/// additional job divides the cost by about 40 additional jobs (a few points
/// of effect on some 1,200 duos), a whole number often near zero, so its
/// quantiles jump between the lumps of a discrete ratio and their error does
/// not settle into `1/sqrt(n)` below 64,000 trials (measured: 0.35 from
/// 4,000 to 16,000, 0.71 from 16,000 to 64,000). The five-seed band check
/// above still covers them.
const NOT_ASYMPTOTIC: [(&str, &str); 2] = [
    ("team4job", "/totals/cost_per_net_job/p50"),
    ("team4job", "/totals/cost_per_net_job/p75"),
];

#[test]
fn the_se_halves_when_the_trials_quadruple() {
    let mut lines = Vec::new();
    for id in PRESETS {
        let (se4, se16) = (mean_se(id, 4000), mean_se(id, 16_000));
        for (name, a, p) in &se4 {
            let Some((_, b, _)) = se16.iter().find(|(n, _, _)| n == name) else {
                continue;
            };
            if !NOT_ASYMPTOTIC.contains(&(id, name)) && !rare_share(name, *p, 4000) {
                lines.push((format!("{id} {name}, 4,000 to 16,000"), b / a));
            }
        }
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
        if name.ends_with("employed_cumulative/mean") || name.ends_with("cost_per_net_job/p75") {
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

/// Quantiles of whole-number series that sit on a step of their
/// distribution: from seed to seed they move by a whole person, and the
/// error stated beside them must say so. (`brussels-2018-2019`'s P5 of the
/// people in lasting work in 2018 was 9, 9, 8, 8, 9, 9 over seeds 1 to 6
/// with a stated error of 0.008.) Every quantile of these series in these
/// years: the spread over eight seeds is at most three times the root mean
/// square of the errors stated, and where the figure moves the stated error
/// is not zero.
#[test]
fn whole_number_quantiles_state_the_error_of_their_steps() {
    let cases: [(&str, u64, &str, usize); 4] = [
        ("brussels-2018-2019", 100_000, "employed_permanent", 0),
        ("brussels-2018-2019", 100_000, "employed", 1),
        ("team4job", 20_000, "employed_permanent", 2),
        ("team4job", 20_000, "duos_started", 0),
    ];
    let quantiles = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"];
    let mut lines = Vec::new();
    let mut failures = Vec::new();
    for (id, trials, series, year) in cases {
        let runs: Vec<Value> = (1..=8)
            .map(|seed| serde_json::to_value(run(id, trials, seed)).expect("serialises"))
            .collect();
        for q in quantiles {
            let at = |r: &Value, key: &str| {
                r.pointer(&format!("/series/{series}/{key}/{year}"))
                    .and_then(Value::as_f64)
                    .unwrap_or_else(|| panic!("{id} {series} {key} {year}"))
            };
            let values: Vec<f64> = runs.iter().map(|r| at(r, q)).collect();
            assert!(
                values.iter().all(|v| v.fract() == 0.0),
                "{id} {series}: a whole-number series ({values:?})"
            );
            let ses: Vec<f64> = runs.iter().map(|r| at(r, &format!("{q}_se"))).collect();
            let (_, spread) = mean_sd(&values);
            let rms = (ses.iter().map(|s| s * s).sum::<f64>() / ses.len() as f64).sqrt();
            let line = format!("{id} {series} {q} year {year}: values {values:?}, spread {spread:.3}, stated {rms:.3}");
            if spread > 3.0 * rms || (spread > 0.0 && ses.contains(&0.0)) {
                failures.push(line.clone());
            }
            lines.push(line);
        }
    }
    eprintln!("{}", lines.join("\n"));
    assert!(failures.is_empty(), "{failures:#?}");
}
