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

use crate::distribution::{Domain, Param, Sampler};
use crate::error::{Error, Problem};
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

/// The uncertain parameters in stream order, by their field path.
pub const PARAMS: [&str; 22] = [
    "cost_per_duo",
    "cost_indexation",
    "fixed_cost",
    "mentors.pool.initial",
    "mentors.pool.recruits_per_year",
    "mentors.pool.retention",
    "mentors.duos_per_mentor_year",
    "realisation",
    "outcomes.dropout",
    "outcomes.employed",
    "outcomes.permanent_share",
    "outcomes.self_employed",
    "outcomes.training",
    "baseline_rate",
    "esf_share",
    "fiscal.benefit_saved_month",
    "fiscal.contributions_month",
    "fiscal.months_in_work_first_year",
    "fiscal.employment_decay",
    "fiscal.discount_rate",
    "fiscal.volunteer_hours_per_duo",
    "fiscal.shadow_wage_hour",
];

/// The yearly series, in the order of a trial's record; each also exists
/// as `<name>_cumulative`.
pub const SERIES: [&str; 16] = [
    "duos_started",
    "duos_completed",
    "employed",
    "employed_permanent",
    "self_employed",
    "training",
    "positive_exits",
    "baseline_employed",
    "net_additional_employed",
    "public_cost",
    "regional_cost",
    "budget_needed",
    "mentors_active",
    "mentors_needed",
    "fiscal_return",
    "volunteer_value",
];

/// Totals over the horizon, one value per trial.
pub const TOTALS: [&str; 4] = [
    "cost_per_duo",
    "cost_per_job",
    "cost_per_net_job",
    "benefit_cost_ratio",
];

/// Outputs whose drivers the sensitivity analysis ranks.
pub const SENSITIVITY_OUTPUTS: [&str; 4] = [
    "employed_cumulative",
    "net_additional_employed_cumulative",
    "cost_per_net_job",
    "benefit_cost_ratio",
];

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

fn domain_of(name: &str) -> Domain {
    match name {
        "cost_indexation" | "fiscal.discount_rate" => Domain::Growth,
        "mentors.pool.retention"
        | "realisation"
        | "baseline_rate"
        | "esf_share"
        | "fiscal.employment_decay" => Domain::Rate,
        n if n.starts_with("outcomes.") => Domain::Rate,
        _ => Domain::NonNegative,
    }
}

impl Model {
    /// Validates the scenario and prepares its samplers.
    pub fn new(scenario: &Scenario) -> Result<Model, Error> {
        let problems = scenario.validate();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let s = scenario;
        let none = Param::fixed(0.0);
        let (initial, recruits, retention) = match &s.mentors.pool {
            Pool::Limited(p) => (&p.initial, &p.recruits_per_year, &p.retention),
            Pool::Unlimited => (&none, &none, &none),
        };
        let o = &s.outcomes;
        let f = &s.fiscal;
        let params = [
            &s.cost_per_duo,
            &s.cost_indexation,
            &s.fixed_cost,
            initial,
            recruits,
            retention,
            &s.mentors.duos_per_mentor_year,
            &s.realisation,
            &o.dropout,
            &o.employed,
            &o.permanent_share,
            &o.self_employed,
            &o.training,
            &s.baseline_rate,
            &s.esf_share,
            &f.benefit_saved_month,
            &f.contributions_month,
            &f.months_in_work_first_year,
            &f.employment_decay,
            &f.discount_rate,
            &f.volunteer_hours_per_duo,
            &f.shadow_wage_hour,
        ];
        let mut samplers = Vec::with_capacity(PARAMS.len());
        for (param, name) in params.iter().zip(PARAMS) {
            let sampler = Sampler::new(param, domain_of(name)).ok_or_else(|| {
                Error::Invalid(vec![Problem {
                    field: name.into(),
                    message: "this distribution cannot be sampled".into(),
                }])
            })?;
            samplers.push(sampler);
        }
        let years = s.years();
        let targets = s
            .targets
            .iter()
            .map(|t| {
                let metric = SERIES.iter().position(|m| *m == t.metric).unwrap_or(0);
                let series = if t.kind == TargetKind::Cumulative {
                    metric + SERIES.len()
                } else {
                    metric
                };
                (series, (t.year - s.start_year) as usize, t.value)
            })
            .collect();
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

    /// Replays one trial of a run: its sampled inputs (in [`PARAMS`] order),
    /// its yearly values (`values[series][year]`, [`SERIES`] then their
    /// cumulative forms) and its totals (in [`TOTALS`] order).
    pub fn trial_record(&self, seed: u64, trial: u64) -> TrialRecord {
        let ny = self.years.len();
        let mut inputs = [0.0; PARAMS.len()];
        let mut row = vec![0.0; 2 * SERIES.len() * ny];
        let totals = self.trial(seed, trial, &mut inputs, &mut row);
        TrialRecord {
            inputs: inputs.to_vec(),
            values: row.chunks(ny).map(<[f64]>::to_vec).collect(),
            totals: totals.to_vec(),
        }
    }

    /// One trial: fills `row` (series-major, `2 * SERIES.len()` by years) and
    /// `inputs`, and returns the totals in [`TOTALS`] order.
    pub(crate) fn trial(
        &self,
        seed: u64,
        trial: u64,
        inputs: &mut [f64; PARAMS.len()],
        row: &mut [f64],
    ) -> [f64; 4] {
        for (k, sampler) in self.samplers.iter().enumerate() {
            inputs[k] = match sampler.fixed_value() {
                Some(v) => v,
                None => sampler.sample(&mut stream(seed, trial, PARAM_STREAM + k as u64)),
            };
        }
        let [cost0, indexation, fixed_cost, initial, recruits, retention, per_mentor, realisation, dropout_rate, mut p_e, permanent_share, mut p_s, mut p_t, baseline_rate, esf_share, benefit, contributions, months1, decay, r, hours, wage] =
            *inputs;
        let exits = p_e + p_s + p_t;
        if exits > 1.0 {
            (p_e, p_s, p_t) = (p_e / exits, p_s / exits, p_t / exits);
        }
        let mut per_job = months1.min(12.0);
        let mut survive = 1.0;
        for _ in 1..self.scenario.fiscal.horizon_years {
            survive *= (1.0 - decay) / (1.0 + r);
            per_job += 12.0 * survive;
        }
        per_job *= benefit + contributions;

        let ny = self.years.len();
        let n = SERIES.len();
        let mut mentors = initial.round();
        let (mut cost, mut discount) = (cost0, 1.0);
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
            let dropout = binomial(&mut rng, started, dropout_rate);
            let employed = binomial(&mut rng, started, p_e);
            let self_employed = binomial(&mut rng, started - employed, p_s / (1.0 - p_e));
            let training = binomial(
                &mut rng,
                started - employed - self_employed,
                p_t / (1.0 - p_e - p_s),
            );
            let permanent = binomial(&mut rng, employed, permanent_share);
            let baseline = binomial(&mut rng, started, baseline_rate);
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
            let active = if self.limited_pool {
                mentors
            } else {
                needed(started as f64)
            };
            let values = [
                started as f64,
                (started - dropout) as f64,
                employed as f64,
                permanent as f64,
                self_employed as f64,
                training as f64,
                (employed + self_employed + training) as f64,
                baseline as f64,
                net,
                public_cost,
                public_cost * (1.0 - esf_share),
                (plan_capacity * realisation).floor() * cost + fixed_cost,
                active,
                needed((planned * realisation).floor()),
                fiscal,
                started as f64 * hours * wage * discount,
            ];
            for (k, v) in values.into_iter().enumerate() {
                row[k * ny + t] = v;
                let before = if t == 0 {
                    0.0
                } else {
                    row[(n + k) * ny + t - 1]
                };
                row[(n + k) * ny + t] = before + v;
            }
            sum_started += started as f64;
            sum_cost += public_cost;
            sum_employed += employed as f64;
            sum_net += net;
            sum_fiscal += fiscal;
            if self.limited_pool {
                mentors = binomial(&mut rng, mentors as u64, retention) as f64 + recruits.round();
            }
            cost *= 1.0 + indexation;
            discount /= 1.0 + r;
        }
        let ratio = |num: f64, den: f64, ok: bool| if ok { num / den } else { f64::INFINITY };
        [
            ratio(sum_cost, sum_started, sum_started > 0.0),
            ratio(sum_cost, sum_employed, sum_employed > 0.0),
            ratio(sum_cost, sum_net, sum_net > 0.0),
            ratio(sum_fiscal, sum_cost, sum_cost > 0.0),
        ]
    }
}

/// Everything one trial drew and produced.
#[derive(Debug, Clone, PartialEq)]
pub struct TrialRecord {
    /// Sampled inputs, in [`PARAMS`] order.
    pub inputs: Vec<f64>,
    /// Per series ([`SERIES`], then each cumulative), one value per year.
    pub values: Vec<Vec<f64>>,
    /// Totals, in [`TOTALS`] order.
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
