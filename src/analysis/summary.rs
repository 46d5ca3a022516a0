//! The summary a run reports (the `--json` of the CLI and the result of
//! `simulate` in JavaScript), made from the merged partial result of its
//! trials.

use crate::engine::model::Model;
use crate::engine::partial::{Partial, Samples};
use crate::model::outputs::{
    row_index, Perspective, CUMULATIVE, N_SERIES, SENSITIVITY_OUTPUTS, SERIES, TOTALS,
};
use crate::model::params::PARAMS;
use crate::model::scenario::TargetKind;
use crate::model::text::Text;
use crate::stats::figures::{SeriesSummary, TotalSummary};
use crate::stats::order::map_of;
use crate::stats::ranks::{pearson, ranks};
use crate::stats::share::share_se;
use crate::stats::sketch::RELATIVE_ERROR;
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// Each partner's series and totals, by partner id, on the same trials
    /// (the programme's series and totals are their sum); absent for a
    /// programme without partners.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub partners: BTreeMap<String, PartnerResult>,
}

/// One partner's part of a run: its series and totals, shaped as the run's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerResult {
    pub name: Text,
    pub serves: Text,
    /// True when no results of its own are published (its rates are
    /// assumptions).
    pub no_published_results: bool,
    /// Its share of the programme's budget.
    pub budget_share: f64,
    pub series: BTreeMap<String, SeriesSummary>,
    pub totals: BTreeMap<String, TotalSummary>,
}

/// Summarises a (merged) partial result.
pub fn summarise(model: &Model, p: &Partial) -> RunResult {
    let ny = model.years.len();
    let n = p.trial_count.max(1) as f64;
    let series = series_of(&p.cells, ny, p.series);
    let totals = totals_of(&p.totals, n);
    let partners = model
        .scenario
        .partners
        .iter()
        .zip(&p.partners)
        .map(|(partner, part)| {
            let result = PartnerResult {
                name: partner.name.clone(),
                serves: partner.serves.clone(),
                no_published_results: partner.no_published_results,
                budget_share: partner.budget_share,
                series: series_of(&part.cells, ny, p.series),
                totals: totals_of(&part.totals, n),
            };
            (partner.id.clone(), result)
        })
        .collect();
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
    let counterfactual =
        crate::analysis::accounts::counterfactual(&model.scenario, model.counterfactual, &totals);
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
        partners,
    }
}

/// The summaries of the series of `cells` (series-major, `ny` years each)
/// that the set holds, by name (`<name>_cumulative` for running totals).
fn series_of(
    cells: &[crate::stats::sketch::Sketch],
    ny: usize,
    set: crate::model::outputs::SeriesSet,
) -> BTreeMap<String, SeriesSummary> {
    let mut series = BTreeMap::new();
    for (k, spec) in SERIES.iter().enumerate() {
        let name = spec.name;
        let forms: &[(usize, &str)] = if spec.cumulated {
            &[(0, ""), (N_SERIES, CUMULATIVE)]
        } else {
            &[(0, "")]
        };
        for &(offset, suffix) in forms {
            if !set.contains(offset + k) {
                continue;
            }
            let at = row_index(offset + k, 0, ny);
            series.insert(
                format!("{name}{suffix}"),
                SeriesSummary::of(&cells[at..at + ny]),
            );
        }
    }
    series
}

/// The summaries of the totals, by name, over `n` trials.
fn totals_of(sketches: &[crate::stats::sketch::Sketch], n: f64) -> BTreeMap<String, TotalSummary> {
    map_of(
        TOTALS
            .iter()
            .map(|spec| spec.name)
            .zip(sketches)
            .map(|(name, sketch)| (name.to_string(), TotalSummary::of(sketch, n))),
    )
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
