//! The Monte Carlo engine: one trial year by year, exactly as `docs/MODEL.md`
//! describes, and runs of trial ranges whose partial results merge.
//!
//! For trial `i` of a run seeded with `s`, every uncertain parameter `k` is
//! drawn once from its own stream `(s, i, k)`; then, for each year `t`:
//!
//! ```text
//! cost[t]       = cost_per_duo * (1 + indexation)^t
//! affordable[t] = max(0, budget[t] - fixed_cost) / cost[t]        (infinite if unlimited)
//! capacity[t]   = mentors[t] * duos_per_mentor_year               (infinite if unlimited)
//! started[t]    = floor(min(planned[t], affordable[t], capacity[t]) * realisation)
//! dropout       ~ Binomial(started, dropout_rate);  completed = started - dropout
//! employed      ~ Binomial(started, p_e)
//! self_employed ~ Binomial(started - employed, p_s / (1 - p_e))
//! training      ~ Binomial(started - employed - self_employed, p_t / (1 - p_e - p_s))
//! permanent     ~ Binomial(employed, permanent_share)
//! baseline      ~ Binomial(started, baseline_rate)
//! net_additional_employed = employed - baseline                   (may be negative)
//! public_cost   = started * cost[t] + fixed_cost;  regional_cost = public_cost * (1 - esf_share)
//! fiscal_return = net_additional_employed * value_per_job * (1 + r)^-t
//! value_per_job = (benefit_saved + contributions) * (m1 + sum_{k=1}^{H-1} 12 ((1 - d) / (1 + r))^k)
//! mentors[t+1]  = Binomial(mentors[t], retention) + round(recruits)
//! ```
//!
//! where `t` counts years from `start_year`, `m1` is months in work in the
//! first year, `d` the yearly chance of losing the job, `r` the real discount
//! rate and `H` the horizon in years. The draws of year `t` come from stream
//! `(s, i, YEAR_STREAM + t)`. The three exit rates are scaled down together in
//! the rare draw where they sum above 1. Dropout ends a duo early but does not
//! change its mentee's outcome (the reported rates count all mentees, E1-E3).

use crate::distribution::Sampler;
use crate::error::{Error, Problem};
use crate::outputs::{Series, Total, Totals, YearValues, N_SERIES, N_TOTALS};
use crate::params::{Draws, ParamId as P, PARAMS};
use crate::rng::{stream, PARAM_STREAM, YEAR_STREAM};
use crate::scenario::{Pool, Scenario, TargetKind};
use rand::Rng;
use rand_distr::{Binomial, Distribution};

/// Largest trial count a run accepts.
pub const MAX_TRIALS: u64 = 1_000_000;
/// Trials when none is asked for.
pub const DEFAULT_TRIALS: u64 = 10_000;
/// Seed when none is asked for.
pub const DEFAULT_SEED: u64 = 2025;
/// Largest seed: integers above it are not exact in JavaScript.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Trials whose inputs are kept for sensitivity analysis (the first ones).
pub const SAMPLE_CAP: u64 = 2_000;

/// How many trials to run and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOptions {
    /// Trials in the whole run.
    pub trials: u64,
    /// The run's seed.
    pub seed: u64,
    /// First trial of the range to run (0 for the whole run).
    pub first_trial: u64,
    /// Trials in the range (`None`: up to the end of the run).
    pub trial_count: Option<u64>,
    /// Keep the first trials' inputs and rank what drives the spread.
    pub sensitivity: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
            first_trial: 0,
            trial_count: None,
            sensitivity: false,
        }
    }
}

impl RunOptions {
    /// Problems with the options, each naming the option.
    pub fn validate(&self) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut push = |field: &str, message: String| {
            p.push(Problem {
                field: field.into(),
                message,
            })
        };
        if self.trials == 0 || self.trials > MAX_TRIALS {
            push(
                "trials",
                format!("must be between 1 and {MAX_TRIALS}, got {}", self.trials),
            );
        }
        if self.seed > MAX_SEED {
            push(
                "seed",
                format!(
                    "must be a whole number from 0 to {MAX_SEED}, got {}",
                    self.seed
                ),
            );
        }
        let count = self.count();
        let outside = self
            .first_trial
            .checked_add(count)
            .is_none_or(|end| end > self.trials);
        if (1..=MAX_TRIALS).contains(&self.trials) && (outside || count == 0) {
            push(
                "trialCount",
                format!(
                    "the range of {count} trials from trial {} must lie within the {} trials of the run",
                    self.first_trial, self.trials
                ),
            );
        }
        p
    }

    /// Trials in the range.
    pub fn count(&self) -> u64 {
        self.trial_count
            .unwrap_or(self.trials.saturating_sub(self.first_trial))
    }
}

/// A validated scenario, ready to run.
pub struct Model {
    pub(crate) scenario: Scenario,
    pub(crate) years: Vec<i32>,
    samplers: Vec<Sampler>,
    planned: Vec<f64>,
    budget: Option<Vec<f64>>,
    limited_pool: bool,
    pub(crate) targets: Vec<(usize, usize, f64)>,
    pub(crate) fingerprint: u64,
}

impl Model {
    /// Validates the scenario and prepares its samplers.
    pub fn new(scenario: &Scenario) -> Result<Model, Error> {
        let problems = scenario.validate();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        Model::from_valid(scenario)
    }

    /// Prepares the samplers of a scenario that has passed validation.
    pub(crate) fn from_valid(scenario: &Scenario) -> Result<Model, Error> {
        let s = scenario;
        let mut samplers = Vec::with_capacity(PARAMS.len());
        for spec in PARAMS {
            // A pool's parameters exist only for a limited pool; an unlimited
            // pool draws nothing from them (they stay at 0).
            let fixed = crate::distribution::Param::fixed(spec.default.unwrap_or(0.0));
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
            .enumerate()
            .map(|(i, t)| {
                let metric = Series::from_name(&t.metric).ok_or_else(|| {
                    Error::Invalid(vec![Problem {
                        field: format!("targets[{i}].metric"),
                        message: format!("unknown metric `{}`", t.metric),
                    }])
                })? as usize;
                let series = if t.kind == TargetKind::Cumulative {
                    metric + N_SERIES
                } else {
                    metric
                };
                Ok((series, (t.year - s.start_year) as usize, t.value))
            })
            .collect::<Result<_, Error>>()?;
        let json = serde_json::to_string(s).unwrap_or_default();
        Ok(Model {
            scenario: s.clone(),
            planned: s.planned(),
            budget: s.budget_per_year(),
            limited_pool: matches!(s.mentors.pool, Pool::Limited(_)),
            years,
            samplers,
            targets,
            fingerprint: fnv1a(json.as_bytes()),
        })
    }

    /// Replays one trial of a run: its sampled inputs (in
    /// [`PARAMS`](crate::params::PARAMS) order), its yearly values
    /// (`values[series][year]`, [`SERIES`](crate::outputs::SERIES) then their
    /// cumulative forms) and its totals (in [`TOTALS`](crate::outputs::TOTALS)
    /// order).
    pub fn trial_record(&self, seed: u64, trial: u64) -> TrialRecord {
        let ny = self.years.len();
        let mut inputs = Draws::default();
        let mut row = vec![0.0; 2 * N_SERIES * ny];
        let totals = self.trial(seed, trial, &mut inputs, &mut row);
        TrialRecord {
            inputs: inputs.0.to_vec(),
            values: row.chunks(ny).map(<[f64]>::to_vec).collect(),
            totals: totals.0.to_vec(),
        }
    }

    /// One trial: fills `row` (series-major, `2 * N_SERIES` by years) and
    /// `inputs`, and returns its totals.
    pub(crate) fn trial(
        &self,
        seed: u64,
        trial: u64,
        inputs: &mut Draws,
        row: &mut [f64],
    ) -> Totals {
        for (k, sampler) in self.samplers.iter().enumerate() {
            inputs.0[k] = match sampler.fixed_value() {
                Some(v) => v,
                None => sampler.sample(&mut stream(seed, trial, PARAM_STREAM + k as u64)),
            };
        }
        let d = &*inputs;
        let (mut p_e, mut p_s, mut p_t) = (d[P::Employed], d[P::SelfEmployed], d[P::Training]);
        let exits = p_e + p_s + p_t;
        if exits > 1.0 {
            (p_e, p_s, p_t) = (p_e / exits, p_s / exits, p_t / exits);
        }
        let (decay, r) = (d[P::EmploymentDecay], d[P::DiscountRate]);
        let mut per_job = d[P::MonthsFirstYear].min(12.0);
        let mut survive = 1.0;
        for _ in 1..self.scenario.fiscal.horizon_years {
            survive *= (1.0 - decay) / (1.0 + r);
            per_job += 12.0 * survive;
        }
        per_job *= d[P::BenefitSaved] + d[P::Contributions];

        let ny = self.years.len();
        let (fixed_cost, per_mentor, realisation) =
            (d[P::FixedCost], d[P::DuosPerMentor], d[P::Realisation]);
        let mut mentors = d[P::PoolInitial].round();
        let (mut cost, mut discount) = (d[P::CostPerDuo], 1.0);
        let (mut sum_started, mut sum_cost, mut sum_employed, mut sum_net, mut sum_fiscal) =
            (0.0, 0.0, 0.0, 0.0, 0.0);
        for t in 0..ny {
            let mut rng = stream(seed, trial, YEAR_STREAM + t as u64);
            let planned = self.planned[t];
            let affordable = match &self.budget {
                Some(b) if cost > 0.0 => (b[t] - fixed_cost).max(0.0) / cost,
                _ => f64::INFINITY,
            };
            let capacity = if self.limited_pool {
                mentors * per_mentor
            } else {
                f64::INFINITY
            };
            let plan_capacity = planned.min(capacity);
            let started = (plan_capacity.min(affordable) * realisation).floor() as u64;
            let dropout = binomial(&mut rng, started, d[P::Dropout]);
            let employed = binomial(&mut rng, started, p_e);
            let self_employed = binomial(&mut rng, started - employed, p_s / (1.0 - p_e));
            let training = binomial(
                &mut rng,
                started - employed - self_employed,
                p_t / (1.0 - p_e - p_s),
            );
            let permanent = binomial(&mut rng, employed, d[P::PermanentShare]);
            let baseline = binomial(&mut rng, started, d[P::BaselineRate]);
            let net = employed as f64 - baseline as f64;
            let public_cost = started as f64 * cost + fixed_cost;
            let fiscal = net * per_job * discount;
            let needed = |duos: f64| {
                if per_mentor > 0.0 {
                    (duos / per_mentor).ceil()
                } else {
                    0.0
                }
            };
            let mut v = YearValues([0.0; N_SERIES]);
            v[Series::DuosStarted] = started as f64;
            v[Series::DuosCompleted] = (started - dropout) as f64;
            v[Series::Employed] = employed as f64;
            v[Series::EmployedPermanent] = permanent as f64;
            v[Series::SelfEmployed] = self_employed as f64;
            v[Series::Training] = training as f64;
            v[Series::PositiveExits] = (employed + self_employed + training) as f64;
            v[Series::BaselineEmployed] = baseline as f64;
            v[Series::NetAdditionalEmployed] = net;
            v[Series::PublicCost] = public_cost;
            v[Series::RegionalCost] = public_cost * (1.0 - d[P::EsfShare]);
            v[Series::BudgetNeeded] = (plan_capacity * realisation).floor() * cost + fixed_cost;
            v[Series::MentorsActive] = if self.limited_pool {
                mentors
            } else {
                needed(started as f64)
            };
            v[Series::MentorsNeeded] = needed((planned * realisation).floor());
            v[Series::FiscalReturn] = fiscal;
            v[Series::VolunteerValue] =
                started as f64 * d[P::VolunteerHours] * d[P::ShadowWage] * discount;
            for (k, x) in v.0.into_iter().enumerate() {
                row[k * ny + t] = x;
                let before = if t == 0 {
                    0.0
                } else {
                    row[(N_SERIES + k) * ny + t - 1]
                };
                row[(N_SERIES + k) * ny + t] = before + x;
            }
            sum_started += started as f64;
            sum_cost += public_cost;
            sum_employed += employed as f64;
            sum_net += net;
            sum_fiscal += fiscal;
            if self.limited_pool {
                mentors = binomial(&mut rng, mentors as u64, d[P::PoolRetention]) as f64
                    + d[P::PoolRecruits].round();
            }
            cost *= 1.0 + d[P::CostIndexation];
            discount /= 1.0 + r;
        }
        let ratio = |num: f64, den: f64, ok: bool| if ok { num / den } else { f64::INFINITY };
        let mut totals = Totals([0.0; N_TOTALS]);
        totals[Total::CostPerDuo] = ratio(sum_cost, sum_started, sum_started > 0.0);
        totals[Total::CostPerJob] = ratio(sum_cost, sum_employed, sum_employed > 0.0);
        totals[Total::CostPerNetJob] = ratio(sum_cost, sum_net, sum_net > 0.0);
        totals[Total::BenefitCostRatio] = ratio(sum_fiscal, sum_cost, sum_cost > 0.0);
        totals
    }
}

/// Everything one trial drew and produced.
#[derive(Debug, Clone, PartialEq)]
pub struct TrialRecord {
    /// Sampled inputs, in [`PARAMS`] order.
    pub inputs: Vec<f64>,
    /// Per series ([`crate::outputs::SERIES`], then each cumulative), one
    /// value per year.
    pub values: Vec<Vec<f64>>,
    /// Totals, in [`crate::outputs::TOTALS`] order.
    pub totals: Vec<f64>,
}

/// A Binomial(n, p) draw; `p` is clipped to `[0, 1]` (rounding can push a
/// conditional rate a hair outside) and a NaN `p` draws nothing.
#[inline]
fn binomial<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    if n == 0 || p.is_nan() || p <= 0.0 {
        return 0;
    }
    match Binomial::new(n, p.min(1.0)) {
        Ok(d) => d.sample(rng),
        Err(_) => 0,
    }
}

/// FNV-1a, 64 bits: a stable fingerprint of the scenario a partial belongs to.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}
