//! The Monte Carlo engine: one trial year by year, exactly as `docs/MODEL.md`
//! describes, and runs of trial ranges whose partial results merge.
//!
//! For trial `i` of a run seeded with `s`, every uncertain parameter `k` is
//! drawn once from its own stream `(s, i, k)`; then, for each year `t`
//! (counted from `start_year`, `y_t` the calendar year):
//!
//! ```text
//! cost[t]       = cost_per_duo * (1 + g)^(y_t - cost_price_year)        (EUR as paid)
//! demand[t]     = planned[t] * realisation                               (the duos that form)
//! affordable[t] = max(0, budget[t] - fixed_cost) / cost[t]              (infinite if unlimited)
//! capacity[t]   = mentors[t] * duos_per_mentor_year                     (infinite if unlimited)
//! started[t]    = floor(min(demand, affordable, capacity))              (the smallest limits)
//! dropout       ~ Binomial(started, dropout_rate)
//! employed      ~ Binomial(started, p_e)
//! self_employed ~ Binomial(started - employed, p_s)                     (p_s, p_t conditional)
//! training      ~ Binomial(started - employed - self_employed, p_t)
//! permanent     ~ Binomial(employed, permanent_share)
//! effect        = e (drawn), or p_e - baseline (drawn)
//! net           = Binomial(employed, e / p_e)               if e >= 0   (never above employed)
//!               = -Binomial(started - employed, -e / (1 - p_e))  if e < 0
//! mentors[t+1]  = Binomial(mentors[t], retention) + round(recruits)   (recruits: drawn, or the plan's for year t)
//! ```
//!
//! A cohort's outcomes come `duration_months` after its start plus up to 12
//! months after the duo ends: with the start and the job each uniform within
//! their year, the share that falls `k` years after the start is
//! `F(12(k+1) - D) - F(12k - D)`, `F` the CDF of the sum of two uniforms on
//! [0, 12). Counts are apportioned by rounding the cumulative shares, so
//! every year gets whole people and cumulative net jobs never pass
//! cumulative jobs.
//!
//! Money for the accounts is in the prices of `start_year` (deflated by the
//! same `g`) and discounted at the real rate `r` to `start_year`, costs in
//! the year they are paid and benefits in the year a job starts:
//!
//! ```text
//! per_job  = (1 - displacement) * (m1 + sum_{k=1}^{H-1} 12 (p (1 - d) / (1 + r))^k)   (months; p persistence)
//! benefit  = net booked in year u * per_job * value_month[perspective] * (1 + r)^-u
//! cost     = public_cost[t] * (1 + g)^-t * (1 + r)^-t   (Region: * (1 - esf_share); EU: * esf_share)
//! ```
//!
//! The draws of year `t` come from stream `(s, i, YEAR_STREAM + t)`. Dropout
//! ends a duo early but does not change its mentee's outcome (the reported
//! rates count all mentees, E1-E3).

use crate::engine::sampler::Sampler;
use crate::model::error::{Error, Problem};
use crate::model::options::RunOptions;
use crate::model::outputs::{cumulative, row_len};
use crate::model::params::{Draws, PARAMS};
use crate::model::priors::Form;
use crate::model::scenario::{Pool, Scenario, TargetKind};
use crate::model::validate::Checked;
use rand::Rng;

pub mod parts;
mod terms;
mod trial;
mod year;

/// Trials whose inputs are kept for sensitivity analysis (the first ones).
pub const SAMPLE_CAP: u64 = 2_000;

/// A validated scenario, ready to run.
pub struct Model {
    pub(crate) scenario: Scenario,
    pub(crate) years: Vec<i32>,
    samplers: Vec<Sampler>,
    planned: Vec<f64>,
    budget: Option<Vec<f64>>,
    limited_pool: bool,
    /// The pool's recruitment plan, year by year, where it has one.
    recruits_by_year: Option<Vec<f64>>,
    /// The form of the counterfactual's evidence: an effect or a baseline.
    pub(crate) counterfactual: Form,
    /// Cumulative share of a cohort's outcomes that has happened `k` years
    /// after its start, for `k = 0..`, ending at 1.
    booked_by: Vec<f64>,
    pub(crate) targets: Vec<(usize, usize, f64)>,
    pub(crate) fingerprint: u64,
    /// The partners, when the programme has them: it is their sum.
    pub(crate) parts: Vec<Part>,
    /// Added to the streams of the years (a partner's own streams).
    stream_offset: u64,
}

/// One partner of a programme, ready to run (its running is in `parts.rs`).
pub(crate) struct Part {
    /// The partner's scenario, run with its shares of the intake and the
    /// budget applied and its own streams.
    pub(crate) model: Model,
    /// The parameters it draws itself, by position.
    owned: Vec<usize>,
    budget_share: f64,
    mentor_share: f64,
}

/// The CDF of the sum of two independent uniforms on [0, 12) months.
fn two_uniforms_cdf(s: f64) -> f64 {
    if s <= 0.0 {
        0.0
    } else if s <= 12.0 {
        s * s / 288.0
    } else if s < 24.0 {
        1.0 - (24.0 - s) * (24.0 - s) / 288.0
    } else {
        1.0
    }
}

/// Cumulative shares of a cohort's outcomes by years after its start, for a
/// duo of `months` (see the module's documentation).
pub fn outcome_timing(months: f64) -> Vec<f64> {
    let mut c = Vec::new();
    let mut k = 0.0;
    loop {
        let share = two_uniforms_cdf(12.0 * (k + 1.0) - months);
        c.push(share);
        if share >= 1.0 {
            return c;
        }
        k += 1.0;
    }
}

impl Model {
    /// Validates the scenario and prepares its samplers. (Out of line, so
    /// that the planner's many calls stay small in the WebAssembly.)
    #[inline(never)]
    pub fn new(scenario: &Scenario) -> Result<Model, Error> {
        Model::prepare(scenario, &RunOptions::default())
    }

    /// Checks the options and the scenario (every problem at once) and
    /// prepares the model.
    pub(crate) fn prepare(scenario: &Scenario, opts: &RunOptions) -> Result<Model, Error> {
        let mut problems = opts.validate();
        match scenario.checked() {
            Ok(checked) if problems.is_empty() => Model::from_valid(scenario, checked),
            Ok(_) => Err(Error::Invalid(problems)),
            Err(more) => {
                problems.extend(more);
                Err(Error::Invalid(problems))
            }
        }
    }

    /// Prepares the samplers of a scenario that has passed validation, in
    /// the forms validation found.
    pub(super) fn from_valid(scenario: &Scenario, checked: Checked) -> Result<Model, Error> {
        let s = scenario;
        let mut samplers = Vec::with_capacity(PARAMS.len());
        for spec in PARAMS {
            // A pool's parameters exist only for a limited pool; an unlimited
            // pool draws nothing from them (they stay at 0).
            let fixed = crate::model::distribution::Param::fixed(spec.default.unwrap_or(0.0));
            let param = spec.get(s).unwrap_or(&fixed);
            let sampler = Sampler::new(param, spec.domain).ok_or_else(|| {
                Error::Invalid(vec![Problem {
                    field: spec.path.into(),
                    message: "this distribution cannot be sampled".into(),
                }])
            })?;
            samplers.push(sampler);
        }
        let years = s.years();
        let targets = s
            .targets
            .iter()
            .zip(&checked.metrics)
            .map(|(t, &metric)| {
                let series = if t.kind == TargetKind::Cumulative {
                    cumulative(metric as usize)
                } else {
                    metric as usize
                };
                (series, (t.year - s.start_year) as usize, t.value)
            })
            .collect();
        let json = serde_json::to_string(s).unwrap_or_default();
        let parts = (0..s.partners.len())
            .map(|j| Part::new(s, j))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| Error::input("partners", "a partner's scenario cannot run"))?;
        Ok(Model {
            scenario: s.clone(),
            planned: s.planned(),
            budget: s.budget_per_year(),
            limited_pool: matches!(s.mentors.pool, Pool::Limited(_)),
            recruits_by_year: match &s.mentors.pool {
                Pool::Limited(p) => p.recruits_by_year.clone(),
                Pool::Unlimited => None,
            },
            counterfactual: checked.counterfactual,
            booked_by: outcome_timing(s.duration_months),
            years,
            samplers,
            targets,
            fingerprint: fnv1a(json.as_bytes()),
            parts,
            stream_offset: 0,
        })
    }

    /// Replays one trial of a run: its sampled inputs (in
    /// [`PARAMS`] order), its yearly values
    /// (`values[series][year]`, [`SERIES`](crate::model::outputs::SERIES) then their
    /// cumulative forms) and its totals (in [`TOTALS`](crate::model::outputs::TOTALS)
    /// order).
    pub fn trial_record(&self, seed: u64, trial: u64) -> TrialRecord {
        let ny = self.years.len();
        let mut inputs = Draws::default();
        let mut row = vec![0.0; row_len(ny)];
        let totals = self.trial(seed, trial, &mut inputs, &mut row);
        TrialRecord {
            inputs: inputs.0.to_vec(),
            values: row.chunks(ny).map(<[f64]>::to_vec).collect(),
            totals: totals.0.to_vec(),
        }
    }

    /// Replays one trial of a programme of partners: the programme's record
    /// (as [`Model::trial_record`]) and each partner's (its inputs the
    /// programme's draws with its own in place, before its shares apply).
    /// Without partners, the second is empty.
    pub fn trial_record_parts(&self, seed: u64, trial: u64) -> (TrialRecord, Vec<TrialRecord>) {
        if self.parts.is_empty() {
            return (self.trial_record(seed, trial), Vec::new());
        }
        let ny = self.years.len();
        let mut inputs = Draws::default();
        let mut row = vec![0.0; row_len(ny)];
        let mut parts = self.part_outputs();
        let totals = self.trial_parts(seed, trial, &mut inputs, &mut row, &mut parts);
        let record = |row: &[f64], totals: &[f64]| TrialRecord {
            inputs: inputs.0.to_vec(),
            values: row.chunks(ny).map(<[f64]>::to_vec).collect(),
            totals: totals.to_vec(),
        };
        let each = parts
            .rows
            .iter()
            .zip(&parts.totals)
            .map(|(r, t)| record(r, &t.0))
            .collect();
        (record(&row, &totals.0), each)
    }
}

/// Everything one trial drew and produced.
#[derive(Debug, Clone, PartialEq)]
pub struct TrialRecord {
    /// Sampled inputs, in [`PARAMS`] order.
    pub inputs: Vec<f64>,
    /// Per series ([`crate::model::outputs::SERIES`], then each cumulative), one
    /// value per year.
    pub values: Vec<Vec<f64>>,
    /// Totals, in [`crate::model::outputs::TOTALS`] order.
    pub totals: Vec<f64>,
}

/// A Binomial(n, p) draw (exact: BTRD or inversion, see [`crate::engine::binomial`]);
/// `p` is clipped to `[0, 1]` and a NaN `p` draws nothing.
#[inline]
fn binomial<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    crate::engine::binomial::sample(rng, n, p)
}

/// FNV-1a, 64 bits: a stable fingerprint of the scenario a partial belongs to.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}
