//! B against A on the same trials and seed: the summary of B - A and the
//! chance that B is better on each headline.

use crate::analysis::summary::{summarise, RunResult};
use crate::engine::model::Model;
use crate::engine::partial::Partial;
use crate::engine::run::RangeRun;
use crate::model::error::{Error, Problem};
pub use crate::model::headlines::{Headline, Where, HEADLINES};
use crate::model::options::RunOptions;
use crate::model::outputs::{cumulative, row_index, row_len, N_TOTALS, PERSPECTIVES};
use crate::model::scenario::Scenario;
use crate::stats::order::map_of;
use crate::stats::sketch::Sketch;
use serde::Serialize;
use std::collections::BTreeMap;

/// B against A.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// A's result.
    pub a: RunResult,
    /// B's result.
    pub b: RunResult,
    /// B minus A, trial by trial, summarised like a run (series and totals;
    /// a ratio undefined in either is undefined in the difference).
    pub difference: RunResult,
    /// Per headline, the share of trials in which B is strictly better.
    pub p_b_better: BTreeMap<&'static str, f64>,
    /// Per headline, the share of trials in which the two are equal.
    pub p_equal: BTreeMap<&'static str, f64>,
}

fn same_years(a: &Model, b: &Model) -> Result<(), Error> {
    if a.years != b.years {
        return Err(Error::Invalid(vec![Problem {
            field: "end_year".into(),
            message: format!(
                "A and B must cover the same years to be compared, got {}-{} and {}-{}",
                a.years[0],
                a.years[a.years.len() - 1],
                b.years[0],
                b.years[b.years.len() - 1]
            ),
        }]));
    }
    Ok(())
}

/// Runs A and B on the same trials and seed and summarises B - A.
pub fn compare(a: &Scenario, b: &Scenario, opts: &RunOptions) -> Result<Comparison, Error> {
    let opts = RunOptions {
        first_trial: 0,
        trial_count: None,
        sensitivity: false,
        ..*opts
    };
    // A and B are run once, trial by trial, each recorded as its own run
    // would record it, and their difference read from the same trials.
    let (mut run_a, mut run_b) = (RangeRun::start(a, &opts)?, RangeRun::start(b, &opts)?);
    same_years(run_a.model(), run_b.model())?;
    let ny = run_a.model().years.len();
    let width = row_len(ny);
    let mut cells = vec![Sketch::default(); width];
    let mut totals = vec![Sketch::default(); N_TOTALS];
    let mut exceeds = vec![0u64; PERSPECTIVES.len()];
    let mut better = [0u64; HEADLINES.len()];
    let mut equal = [0u64; HEADLINES.len()];
    for _ in 0..opts.trials {
        run_a.step(1);
        run_b.step(1);
        let ((ra, ta), (rb, tb)) = (run_a.last_trial(), run_b.last_trial());
        for ((cell, x), y) in cells.iter_mut().zip(ra).zip(rb) {
            cell.add(y - x);
        }
        for ((sketch, x), y) in totals.iter_mut().zip(&ta.0).zip(&tb.0) {
            // An undefined value on either side leaves the difference undefined.
            sketch.add(if x.is_finite() && y.is_finite() {
                y - x
            } else {
                f64::INFINITY
            });
        }
        for (count, spec) in exceeds.iter_mut().zip(&PERSPECTIVES) {
            *count += u64::from(tb[spec.net] > ta[spec.net]);
        }
        for (k, h) in HEADLINES.iter().enumerate() {
            let (x, y) = match h.at {
                Where::Cumulative(s) => {
                    let i = row_index(cumulative(s as usize), ny - 1, ny);
                    (ra[i], rb[i])
                }
                Where::Total(t) => (ta[t], tb[t]),
            };
            equal[k] += u64::from(x == y);
            let b_better = if h.more_is_better { y > x } else { y < x };
            better[k] += u64::from(b_better);
        }
    }
    let (ma, pa) = run_a.finish();
    let (mb, pb) = run_b.finish();
    let partial = Partial {
        fingerprint: mb.fingerprint,
        seed: opts.seed,
        trials: opts.trials,
        first_trial: 0,
        trial_count: opts.trials,
        cells,
        totals,
        exceeds,
        targets: Vec::new(),
        samples: None,
        partners: Vec::new(),
        series: opts.series,
    };
    // No target tallies: the difference has no targets of its own.
    let difference = summarise(&mb, &partial);
    let n = opts.trials as f64;
    Ok(Comparison {
        a: summarise(&ma, &pa),
        b: summarise(&mb, &pb),
        difference,
        p_b_better: map_of(
            HEADLINES
                .iter()
                .zip(better)
                .map(|(h, c)| (h.name, c as f64 / n)),
        ),
        p_equal: map_of(
            HEADLINES
                .iter()
                .zip(equal)
                .map(|(h, c)| (h.name, c as f64 / n)),
        ),
    })
}
