//! What a front end needs to know to build its controls: the parameters with
//! their domains and units, the named outputs, the distributions, the
//! presets, every limit the core checks, the perspectives of the accounts
//! and the headlines of a comparison, in order. The page and the widget read it
//! through the binding's `schema()`, so none of it is written again there.

use crate::model::distribution::{Domain, DIST_FIELDS};
use crate::model::headlines::HEADLINE_NAMES;
use crate::model::limits;
use crate::model::limits::{
    MAX_BUDGET, MAX_DURATION_MONTHS, MAX_HORIZON_YEARS, MAX_INTAKE, MAX_SEED, MAX_TRIALS,
    MAX_VALUE, MAX_YEARS, YEAR_RANGE,
};
use crate::model::options::{DEFAULT_SEED, DEFAULT_TRIALS};
use crate::model::outputs::{
    SeriesSpec, TotalSpec, PERSPECTIVE_NAMES, SENSITIVITY_OUTPUTS, SERIES, TOTALS,
};
use crate::model::params::PARAMS;
use crate::model::units::Unit;
use serde::Serialize;
use std::collections::BTreeMap;

/// One parameter as a front end sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ParamInfo {
    /// Dotted path in a scenario.
    pub path: &'static str,
    /// Values it may take.
    pub domain: Domain,
    /// Lowest and highest value it may take (`null` for no bound).
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// How its values read.
    pub unit: Unit,
    /// Key of its label in the page's words.
    pub label: String,
    /// Value when a scenario leaves it out; `null` when required.
    pub default: Option<f64>,
}

/// Every limit the core checks, by name.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    pub trials_max: u64,
    pub trials_default: u64,
    pub seed_default: u64,
    pub seed_max: u64,
    pub years_max: i32,
    pub start_year_min: i32,
    pub start_year_max: i32,
    pub intake_max: f64,
    pub budget_max: f64,
    pub value_max: f64,
    pub duration_months_max: f64,
    pub horizon_years_max: u32,
    /// Sizes of a scenario's JSON, checked before it is read
    /// ([`crate::model::limits`]).
    pub input_bytes_max: usize,
    pub depth_max: usize,
    pub text_max: usize,
    pub list_max: usize,
    pub targets_max: usize,
    pub points_max: usize,
    /// The largest recruitment a year a plan assumes when none is given.
    pub plan_max_recruits_default: f64,
}

/// The schema of scenarios and results.
#[derive(Debug, Clone, Serialize)]
pub struct Schema {
    pub params: Vec<ParamInfo>,
    pub series: &'static [SeriesSpec],
    pub totals: &'static [TotalSpec],
    /// Names of the outputs under `sensitivity.outputs`.
    pub sensitivity_outputs: Vec<String>,
    /// Names of the series a target may count.
    pub target_metrics: &'static [&'static str],
    /// The perspectives of the accounts, in the order a reader meets them.
    pub perspectives: &'static [&'static str],
    /// The headlines a comparison reports, in the order they are shown:
    /// each the name of a series' running total (`<series>_cumulative`)
    /// or of a total, whose unit `series` or `totals` gives.
    pub headlines: &'static [&'static str],
    /// Each distribution's fields.
    pub dists: BTreeMap<&'static str, &'static [&'static str]>,
    pub presets: Vec<&'static str>,
    pub default_preset: &'static str,
    pub limits: Limits,
}

/// The schema (the same on every call).
///
/// ```
/// let s = mentorsim::model::schema::schema();
/// assert!(s.params.iter().any(|p| p.path == "outcomes.employed"));
/// assert_eq!(s.limits.trials_default, mentorsim::DEFAULT_TRIALS);
/// ```
pub fn schema() -> Schema {
    let finite = |x: f64| x.is_finite().then_some(x);
    Schema {
        params: PARAMS
            .iter()
            .map(|p| {
                let (lo, hi) = p.domain.bounds();
                ParamInfo {
                    path: p.path,
                    domain: p.domain,
                    min: finite(lo),
                    max: finite(hi).or(Some(MAX_VALUE)),
                    unit: p.unit,
                    label: p.label_key(),
                    default: p.default,
                }
            })
            .collect(),
        series: SERIES,
        totals: TOTALS,
        sensitivity_outputs: SENSITIVITY_OUTPUTS.iter().map(|o| o.name()).collect(),
        target_metrics: &crate::model::outputs::TARGET_METRICS,
        perspectives: &PERSPECTIVE_NAMES,
        headlines: &HEADLINE_NAMES,
        dists: crate::stats::order::map_of(DIST_FIELDS.iter().copied()),
        presets: crate::model::presets::ids(),
        default_preset: crate::model::presets::DEFAULT,
        limits: Limits {
            trials_max: MAX_TRIALS,
            trials_default: DEFAULT_TRIALS,
            seed_default: DEFAULT_SEED,
            seed_max: MAX_SEED,
            years_max: MAX_YEARS,
            start_year_min: YEAR_RANGE.0,
            start_year_max: YEAR_RANGE.1,
            intake_max: MAX_INTAKE,
            budget_max: MAX_BUDGET,
            value_max: MAX_VALUE,
            duration_months_max: MAX_DURATION_MONTHS,
            horizon_years_max: MAX_HORIZON_YEARS,
            input_bytes_max: limits::MAX_INPUT_BYTES,
            depth_max: limits::MAX_DEPTH,
            text_max: limits::MAX_TEXT,
            list_max: limits::MAX_LIST,
            targets_max: limits::MAX_TARGETS,
            points_max: limits::MAX_POINTS,
            plan_max_recruits_default: limits::DEFAULT_MAX_RECRUITS,
        },
    }
}
