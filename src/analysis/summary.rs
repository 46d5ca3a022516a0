//! Partial results of trial ranges, how they merge, and the summary a run
//! reports (the `--json` of the CLI and the result of `simulate` in JavaScript).

use crate::engine::model::{Model, RunOptions};
use crate::model::error::Error;
use crate::model::outputs::{
    Perspective, SeriesSet, CUMULATIVE, N_SERIES, N_TOTALS, PERSPECTIVES, SENSITIVITY_OUTPUTS,
    SERIES, TOTALS,
};
use crate::model::params::PARAMS;
use crate::model::scenario::TargetKind;
use crate::model::text::Text;
use crate::stats::sketch::{Histogram, Sketch, View, RELATIVE_ERROR};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Tallies of one target over a range of trials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetTally {
    /// Trials that meet the target in its year.
    pub met: u64,
    /// Per year, trials whose metric is at or above the target value.
    pub met_by_year: Vec<u64>,
    /// Per year, trials that first reach the value that year; the last
    /// entry counts trials that never do.
    pub first_year_met: Vec<u64>,
}

/// Inputs and outputs of the first trials, for rank correlations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Samples {
    /// Trial indices, in the order of the rows.
    pub trials: Vec<u64>,
    /// One row of [`PARAMS`] values per trial.
    pub inputs: Vec<Vec<f64>>,
    /// One row of [`SENSITIVITY_OUTPUTS`] values per trial; an undefined
    /// value (infinite) travels as `null`, which JSON can hold.
    #[serde(with = "undefined_as_null")]
    pub outputs: Vec<Vec<f64>>,
}

/// Rows of numbers where an undefined (infinite) value is written `null`
/// and read back as infinite: a partial result with kept samples must
/// survive its byte form, and JSON has no infinity.
mod undefined_as_null {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(rows: &[Vec<f64>], s: S) -> Result<S::Ok, S::Error> {
        let rows: Vec<Vec<Option<f64>>> = rows
            .iter()
            .map(|r| r.iter().map(|x| x.is_finite().then_some(*x)).collect())
            .collect();
        rows.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<f64>>, D::Error> {
        let rows = Vec::<Vec<Option<f64>>>::deserialize(d)?;
        Ok(rows
            .into_iter()
            .map(|r| r.into_iter().map(|x| x.unwrap_or(f64::INFINITY)).collect())
            .collect())
    }
}

impl Samples {
    /// Keeps one trial.
    pub fn push(&mut self, trial: u64, inputs: &[f64], outputs: &[f64]) {
        self.trials.push(trial);
        self.inputs.push(inputs.to_vec());
        self.outputs.push(outputs.to_vec());
    }
}

/// The mergeable summary of a range of trials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    /// Fingerprint of the scenario that produced it.
    pub fingerprint: u64,
    /// The run's seed.
    pub seed: u64,
    /// Trials in the whole run.
    pub trials: u64,
    /// First trial of the range.
    pub first_trial: u64,
    /// Trials in the range.
    pub trial_count: u64,
    /// One sketch per series and year, series-major.
    pub cells: Vec<Sketch>,
    /// One sketch per total.
    pub totals: Vec<Sketch>,
    /// Per perspective ([`PERSPECTIVES`] order), trials whose benefit
    /// exceeds the cost.
    pub exceeds: Vec<u64>,
    /// One tally per target.
    pub targets: Vec<TargetTally>,
    /// Kept inputs, when asked for.
    pub samples: Option<Samples>,
    /// The series summarised (the others' cells stay empty).
    #[serde(default)]
    pub series: SeriesSet,
}

impl Partial {
    /// Serialises the partial to bytes (to send from a worker).
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
    /// Reads bytes written by [`Partial::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Partial, Error> {
        serde_json::from_slice(bytes)
            .map_err(|e| Error::Merge(format!("unreadable partial result ({e})")))
    }
}

/// Mean and quantiles of a series, one entry per year, each with its Monte
/// Carlo standard error beside it under the same name and `_se` (`p95` and
/// `p95_se`): see [`Sketch::mean_se`] and [`Sketch::quantile_se`] for the
/// methods. `null` in JSON where a cell has no value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesSummary {
    pub mean: Vec<f64>,
    pub mean_se: Vec<f64>,
    pub p5: Vec<f64>,
    pub p5_se: Vec<f64>,
    pub p10: Vec<f64>,
    pub p10_se: Vec<f64>,
    pub p25: Vec<f64>,
    pub p25_se: Vec<f64>,
    pub p50: Vec<f64>,
    pub p50_se: Vec<f64>,
    pub p75: Vec<f64>,
    pub p75_se: Vec<f64>,
    pub p90: Vec<f64>,
    pub p90_se: Vec<f64>,
    pub p95: Vec<f64>,
    pub p95_se: Vec<f64>,
}

/// Mean, quantiles and histogram of a total; `None` where undefined values
/// (no additional job, no cost) decide it. Each figure has its Monte Carlo
/// standard error beside it under the same name and `_se`, as in
/// [`SeriesSummary`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalSummary {
    pub mean: Option<f64>,
    pub mean_se: Option<f64>,
    pub p5: Option<f64>,
    pub p5_se: Option<f64>,
    pub p10: Option<f64>,
    pub p10_se: Option<f64>,
    pub p25: Option<f64>,
    pub p25_se: Option<f64>,
    pub p50: Option<f64>,
    pub p50_se: Option<f64>,
    pub p75: Option<f64>,
    pub p75_se: Option<f64>,
    pub p90: Option<f64>,
    pub p90_se: Option<f64>,
    pub p95: Option<f64>,
    pub p95_se: Option<f64>,
    /// Share of trials where the total is undefined.
    pub undefined_share: f64,
    /// Monte Carlo standard error of that share, with Wilson's term: [`share_se`].
    pub undefined_share_se: f64,
    /// Distribution of the defined values.
    pub histogram: Histogram,
}

/// What a run says about one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetResult {
    pub label: Text,
    pub metric: String,
    pub kind: TargetKind,
    pub year: i32,
    pub value: f64,
    /// Share of trials that meet it.
    pub probability_met: f64,
    /// Monte Carlo standard error of that share, with Wilson's term: [`share_se`].
    pub probability_met_se: f64,
    /// Median over trials of the first year the value is reached; `None` when
    /// most trials never reach it within the horizon.
    pub median_year_met: Option<i32>,
    /// Per simulated year, the share of trials at or above the value.
    pub probability_by_year: Vec<f64>,
}

/// One input's Spearman rank correlation with an output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    pub parameter: String,
    pub rho: f64,
}

/// Which inputs drive the spread of key outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// Trials the correlations were computed on.
    pub samples: usize,
    /// Per output, its uncertain inputs sorted by `|rho|`, largest first.
    pub outputs: BTreeMap<String, Vec<Driver>>,
    /// Per output, the trials where it is undefined (a ratio with nothing
    /// to divide by): they rank above every defined value, as they do in
    /// the quantiles, and are counted here rather than dropped.
    pub undefined: BTreeMap<String, usize>,
}

/// The summary of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunResult {
    pub scenario_id: String,
    pub seed: u64,
    /// Trials summarised here.
    pub trials: u64,
    pub first_trial: u64,
    pub years: Vec<i32>,
    pub series: BTreeMap<String, SeriesSummary>,
    pub totals: BTreeMap<String, TotalSummary>,
    /// Share of trials whose fiscal return exceeds the public cost.
    pub p_benefit_exceeds_cost: f64,
    /// Monte Carlo standard error of that share, with Wilson's term: [`share_se`].
    pub p_benefit_exceeds_cost_se: f64,
    pub targets: Vec<TargetResult>,
    pub sensitivity: Option<Sensitivity>,
    /// Largest relative *binning* error of a reported quantile: how far it
    /// may be from the same quantile of the trials run, because the sketch
    /// counts values in buckets ([`RELATIVE_ERROR`]). Not the Monte Carlo
    /// error, which each figure's `_se` gives.
    pub binning_relative_error: f64,
    /// The counterfactual the run used, with the effect it drew.
    pub counterfactual: crate::analysis::accounts::CounterfactualUsed,
    /// Each perspective's account (see [`crate::analysis::accounts`]).
    pub perspectives: BTreeMap<String, crate::analysis::accounts::Account>,
    /// Where the accounts that bear the cost break even.
    pub break_even: BTreeMap<String, crate::analysis::accounts::BreakEven>,
}

/// The Monte Carlo standard error of a share `p` of `n` trials:
///
/// ```text
/// se = sqrt((p (1 - p) + 1 / (4 n)) / n)
/// ```
///
/// the binomial error with Wilson's score-interval term, so that a share of
/// 0 or 1 is not claimed to be exact (it is known to about `1 / (2 n)`);
/// the term is negligible elsewhere.
pub fn share_se(p: f64, n: f64) -> f64 {
    if n <= 0.0 {
        return f64::NAN;
    }
    ((p * (1.0 - p) + 1.0 / (4.0 * n)) / n).sqrt()
}

const QS: [f64; 7] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

/// Merges partial results into one; the order of `parts` does not matter.
/// They must come from the same model and options and be disjoint; the
/// merged range must be contiguous.
pub fn merge(model: &Model, opts: &RunOptions, mut parts: Vec<Partial>) -> Result<Partial, Error> {
    parts.sort_by_key(|p| p.first_trial);
    let mut it = parts.into_iter();
    let mut acc = it
        .next()
        .ok_or_else(|| Error::Merge("no partial results".into()))?;
    check_belongs(model, opts, &acc)?;
    for p in it {
        check_belongs(model, opts, &p)?;
        if p.first_trial != acc.first_trial + acc.trial_count {
            return Err(Error::Merge(format!(
                "trials {}..{} do not follow trials {}..{}",
                p.first_trial,
                p.first_trial + p.trial_count,
                acc.first_trial,
                acc.first_trial + acc.trial_count
            )));
        }
        acc.trial_count += p.trial_count;
        acc.cells
            .iter_mut()
            .zip(&p.cells)
            .for_each(|(a, b)| a.merge(b));
        acc.totals
            .iter_mut()
            .zip(&p.totals)
            .for_each(|(a, b)| a.merge(b));
        acc.exceeds
            .iter_mut()
            .zip(&p.exceeds)
            .for_each(|(a, b)| *a += b);
        for (a, b) in acc.targets.iter_mut().zip(&p.targets) {
            a.met += b.met;
            a.met_by_year
                .iter_mut()
                .zip(&b.met_by_year)
                .for_each(|(x, y)| *x += y);
            a.first_year_met
                .iter_mut()
                .zip(&b.first_year_met)
                .for_each(|(x, y)| *x += y);
        }
        if let (Some(a), Some(b)) = (acc.samples.as_mut(), p.samples) {
            a.trials.extend(b.trials);
            a.inputs.extend(b.inputs);
            a.outputs.extend(b.outputs);
        }
    }
    Ok(acc)
}

fn check_belongs(model: &Model, opts: &RunOptions, p: &Partial) -> Result<(), Error> {
    let ny = model.years.len();
    if p.fingerprint != model.fingerprint || p.seed != opts.seed || p.trials != opts.trials {
        return Err(Error::Merge(
            "a partial result comes from another scenario, seed or trial count".into(),
        ));
    }
    if p.series != opts.series {
        return Err(Error::Merge(
            "a partial result summarises other series than the run asks for".into(),
        ));
    }
    if p.cells.len() != 2 * N_SERIES * ny
        || p.totals.len() != N_TOTALS
        || p.exceeds.len() != PERSPECTIVES.len()
        || p.targets.len() != model.scenario.targets.len()
    {
        return Err(Error::Merge("a partial result has the wrong shape".into()));
    }
    Ok(())
}

/// Summarises a (merged) partial result.
pub fn summarise(model: &Model, p: &Partial) -> RunResult {
    let ny = model.years.len();
    let n = p.trial_count.max(1) as f64;
    let mut series = BTreeMap::new();
    for (k, spec) in SERIES.iter().enumerate() {
        let name = spec.name;
        let forms: &[(usize, &str)] = if spec.cumulated {
            &[(0, ""), (N_SERIES, CUMULATIVE)]
        } else {
            &[(0, "")]
        };
        for &(offset, suffix) in forms {
            if !p.series.contains(offset + k) {
                continue;
            }
            let cells = &p.cells[(offset + k) * ny..(offset + k + 1) * ny];
            // Each cell's buckets laid out once for all its figures.
            let views: Vec<View> = cells.iter().map(Sketch::view).collect();
            let per_year = |f: &dyn Fn(&View) -> Option<f64>| {
                views
                    .iter()
                    .map(|c| f(c).unwrap_or(f64::NAN))
                    .collect::<Vec<_>>()
            };
            let q = |q: f64| per_year(&|c| c.quantile(q));
            let q_se = |q: f64| per_year(&|c| c.quantile_se(q));
            series.insert(
                format!("{name}{suffix}"),
                SeriesSummary {
                    mean: per_year(&|c| c.mean()),
                    mean_se: per_year(&|c| c.mean_se()),
                    p5: q(QS[0]),
                    p5_se: q_se(QS[0]),
                    p10: q(QS[1]),
                    p10_se: q_se(QS[1]),
                    p25: q(QS[2]),
                    p25_se: q_se(QS[2]),
                    p50: q(QS[3]),
                    p50_se: q_se(QS[3]),
                    p75: q(QS[4]),
                    p75_se: q_se(QS[4]),
                    p90: q(QS[5]),
                    p90_se: q_se(QS[5]),
                    p95: q(QS[6]),
                    p95_se: q_se(QS[6]),
                },
            );
        }
    }
    let totals: BTreeMap<String, TotalSummary> = map_of(
        TOTALS
            .iter()
            .map(|spec| spec.name)
            .zip(&p.totals)
            .map(|(name, sketch)| {
                let u = sketch.undefined_share();
                let s = sketch.view();
                let summary = TotalSummary {
                    mean: s.mean(),
                    mean_se: s.mean_se(),
                    p5: s.quantile(QS[0]),
                    p5_se: s.quantile_se(QS[0]),
                    p10: s.quantile(QS[1]),
                    p10_se: s.quantile_se(QS[1]),
                    p25: s.quantile(QS[2]),
                    p25_se: s.quantile_se(QS[2]),
                    p50: s.quantile(QS[3]),
                    p50_se: s.quantile_se(QS[3]),
                    p75: s.quantile(QS[4]),
                    p75_se: s.quantile_se(QS[4]),
                    p90: s.quantile(QS[5]),
                    p90_se: s.quantile_se(QS[5]),
                    p95: s.quantile(QS[6]),
                    p95_se: s.quantile_se(QS[6]),
                    undefined_share: u,
                    undefined_share_se: share_se(u, n),
                    histogram: s.histogram(30),
                };
                (name.to_string(), summary)
            }),
    );
    let targets = model
        .scenario
        .targets
        .iter()
        .zip(&p.targets)
        .map(|(t, tally)| {
            let prob = tally.met as f64 / n;
            let mut seen = 0;
            let half = p.trial_count.div_ceil(2);
            let median = tally.first_year_met[..ny]
                .iter()
                .zip(&model.years)
                .find_map(|(c, y)| {
                    seen += c;
                    (seen >= half && seen > 0).then_some(*y)
                });
            TargetResult {
                label: t.label.clone(),
                metric: t.metric.clone(),
                kind: t.kind,
                year: t.year,
                value: t.value,
                probability_met: prob,
                probability_met_se: share_se(prob, n),
                median_year_met: median,
                probability_by_year: tally.met_by_year.iter().map(|c| *c as f64 / n).collect(),
            }
        })
        .collect();
    let pb = p.exceeds[Perspective::Public as usize] as f64 / n;
    let (perspectives, break_even) = crate::analysis::accounts::accounts(&totals, &p.exceeds, n);
    let counterfactual = crate::analysis::accounts::counterfactual(&model.scenario, &totals);
    RunResult {
        scenario_id: model.scenario.id.clone(),
        seed: p.seed,
        trials: p.trial_count,
        first_trial: p.first_trial,
        years: model.years.clone(),
        series,
        totals,
        p_benefit_exceeds_cost: pb,
        p_benefit_exceeds_cost_se: share_se(pb, n),
        targets,
        sensitivity: p.samples.as_ref().map(sensitivity),
        binning_relative_error: RELATIVE_ERROR,
        counterfactual,
        perspectives,
        break_even,
    }
}

fn sensitivity(s: &Samples) -> Sensitivity {
    let mut outputs = BTreeMap::new();
    let mut undefined = BTreeMap::new();
    for (o, output) in SENSITIVITY_OUTPUTS.iter().enumerate() {
        let rows: Vec<usize> = (0..s.outputs.len())
            .filter(|&r| !s.outputs[r][o].is_nan())
            .collect();
        undefined.insert(
            output.name(),
            rows.iter()
                .filter(|&&r| s.outputs[r][o].is_infinite())
                .count(),
        );
        let out_ranks = ranks(&rows.iter().map(|&r| s.outputs[r][o]).collect::<Vec<_>>());
        let mut drivers: Vec<Driver> = PARAMS
            .iter()
            .enumerate()
            .filter_map(|(k, param)| {
                let xs: Vec<f64> = rows.iter().map(|&r| s.inputs[r][k]).collect();
                let rho = pearson(&ranks(&xs), &out_ranks)?;
                Some(Driver {
                    parameter: param.path.to_string(),
                    rho,
                })
            })
            .collect();
        drivers.sort_by(|a, b| {
            b.rho
                .abs()
                .total_cmp(&a.rho.abs())
                .then(a.parameter.cmp(&b.parameter))
        });
        outputs.insert(output.name(), drivers);
    }
    Sensitivity {
        samples: s.trials.len(),
        outputs,
        undefined,
    }
}

/// The indices of `xs` from its smallest value to its largest (in
/// `total_cmp`'s order), equal values by index. One function for every
/// caller: each sort with its own closure is another copy of the sort in
/// the WebAssembly the page loads.
pub(crate) fn order_of(xs: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_unstable_by(|&a, &b| xs[a].total_cmp(&xs[b]).then(a.cmp(&b)));
    order
}

/// A map from pairs, by insertion: `collect()` into a `BTreeMap` sorts the
/// pairs first, with a copy of the sort for each type of pair (kilobytes of
/// WebAssembly each) to gain nothing on maps of a few dozen entries.
pub(crate) fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// Ranks from 1, ties sharing their average rank.
fn ranks(xs: &[f64]) -> Vec<f64> {
    let order = order_of(xs);
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        order[i..=j].iter().for_each(|&k| r[k] = avg);
        i = j + 1;
    }
    r
}

/// Pearson correlation; `None` when either side does not vary.
fn pearson(a: &[f64], b: &[f64]) -> Option<f64> {
    let n = a.len() as f64;
    if a.len() < 3 {
        return None;
    }
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma) * (x - ma);
        sbb += (y - mb) * (y - mb);
    }
    (saa > 0.0 && sbb > 0.0).then(|| sab / (saa * sbb).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_ties() {
        assert_eq!(ranks(&[10.0, 30.0, 20.0, 30.0]), vec![1.0, 3.5, 2.0, 3.5]);
    }

    #[test]
    fn pearson_of_a_line_is_one() {
        let a = [1.0, 2.0, 3.0, 4.0];
        let b = [2.0, 4.0, 6.0, 8.0];
        assert!((pearson(&a, &b).unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(pearson(&a, &[1.0; 4]), None);
    }
}
