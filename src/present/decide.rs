//! The decision tools in words: `mentorsim solve`, `compare` and `value`.

use crate::analysis::decide::{Comparison, Lever, Solution, ValueOfInformation, Where, HEADLINES};
use crate::model::scenario::Scenario;
use crate::present::figures::{num, pct_with_error, to_error, with_error};
use std::fmt::Write;

/// The answer of `mentorsim solve`, in words.
pub fn solution(s: &Solution, scenario: &Scenario) -> String {
    let mut o = String::new();
    let conf = format!("{} %", num(100.0 * s.confidence, 0));
    let _ = writeln!(
        o,
        "{}\nTarget {}: {}\nLever: {} ({}), searched from {} to {} in steps of {}; {} trials, seed {}.\n",
        scenario.name.en,
        s.target,
        s.target_label,
        serde_json::to_value(s.lever)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        s.unit,
        num(s.range.0, if s.step < 1.0 { 2 } else { 0 }),
        num(s.range.1, if s.step < 1.0 { 2 } else { 0 }),
        num(s.step, if s.step < 1.0 { 2 } else { 0 }),
        num(s.trials as f64, 0),
        s.seed
    );
    match s.value {
        Some(v) => {
            let word = if s.lever == Lever::CostPerDuo {
                "largest"
            } else {
                "smallest"
            };
            let _ = writeln!(
                o,
                "The {word} value that meets the target in at least {conf} of trials: {} {}",
                num(v, if s.step < 1.0 { 2 } else { 0 }),
                s.unit
            );
            let _ = writeln!(
                o,
                "  probability met there: {}",
                pct_with_error(s.probability, s.probability_se, s.trials)
            );
            if let Some(p) = s.probability_one_step_short {
                let _ = writeln!(o, "  one step short of it: {} %", num(100.0 * p, 1));
            }
        }
        None => {
            let _ = writeln!(
                o,
                "No value in the range meets the target in {conf} of trials; the best reached is {}.",
                pct_with_error(s.best_probability, s.probability_se, s.trials)
            );
        }
    }
    o
}

/// `mentorsim compare`, in words: B against A on the headlines.
pub fn comparison(c: &Comparison, a: &str, b: &str) -> String {
    let mut o = String::new();
    let d = &c.difference;
    let _ = writeln!(
        o,
        "B ({b}) against A ({a}): {} trials, seed {}, common random numbers (trial i of both draws the same numbers).\nDifference B - A: mean and P5 - P95 over trials; chance B is better, and chance they are equal.\n",
        num(d.trials as f64, 0),
        d.seed
    );
    for h in HEADLINES {
        let (mean, mean_se, p5, p95) = match h.at {
            Where::Cumulative(_) => {
                let s = &d.series[h.name];
                let i = s.mean.len() - 1;
                (
                    Some(s.mean[i]),
                    Some(s.mean_se[i]),
                    Some(s.p5[i]),
                    Some(s.p95[i]),
                )
            }
            Where::Total(t) => {
                let s = &d.totals[t.name()];
                (s.mean, s.mean_se, s.p5, s.p95)
            }
        };
        let fig = |x: Option<f64>| {
            x.map_or_else(|| "n/a".into(), |v| to_error(v, mean_se.unwrap_or(0.0)))
        };
        let _ = writeln!(
            o,
            "  {:<38}{:>16}   ({} - {})   B better in {} %, equal in {} %",
            h.name,
            mean.map_or_else(
                || "undefined".to_string(),
                |m| with_error(m, mean_se.unwrap_or(0.0))
            ),
            fig(p5),
            fig(p95),
            num(100.0 * c.p_b_better[h.name], 1),
            num(100.0 * c.p_equal[h.name], 1)
        );
    }
    o
}

/// `mentorsim value`, in words.
pub fn value_of_information(v: &ValueOfInformation, scenario: &Scenario) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}\nWhat better evidence is worth to the decision to fund it or not, for the whole programme\n(present value, EUR of {}; {} trials; the effect's conditional means in {} bins):\n",
        scenario.name.en,
        scenario.start_year,
        num(v.trials as f64, 0),
        v.bins
    );
    let _ = writeln!(
        o,
        "  {:<22}{:>22}{:>30}",
        "account", "knowing everything", "knowing the effect alone"
    );
    for (name, evpi) in &v.evpi {
        let _ = writeln!(
            o,
            "  {:<22}{:>22}{:>30}",
            name,
            num(*evpi, 0),
            num(v.evppi_effect[name], 0)
        );
    }
    let _ = writeln!(
        o,
        "\nA rigorous evaluation of the effect is worth up to the last column to this decision (zero where\nthe decision would not change whatever the evaluation found)."
    );
    o
}
