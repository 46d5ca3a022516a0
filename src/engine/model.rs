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
//! per_job  = (1 - displacement) * (m1 + sum_{k=1}^{H-1} 12 ((1 - d) / (1 + r))^k)   (months)
//! benefit  = net booked in year u * per_job * value_month[perspective] * (1 + r)^-u
//! cost     = public_cost[t] * (1 + g)^-t * (1 + r)^-t   (Region: * (1 - esf_share); EU: * esf_share)
//! ```
//!
//! The draws of year `t` come from stream `(s, i, YEAR_STREAM + t)`. Dropout
//! ends a duo early but does not change its mentee's outcome (the reported
//! rates count all mentees, E1-E3).

use crate::engine::rng::{stream, PARAM_STREAM, YEAR_STREAM};
use crate::engine::sampler::Sampler;
use crate::engine::whole;
use crate::model::error::{Error, Problem};
use crate::model::options::RunOptions;
use crate::model::outputs::{
    Perspective, Series, Total, Totals, N_SERIES, N_TOTALS, PERSPECTIVES, SERIES,
};
use crate::model::params::{Draws, ParamId as P, PARAMS};
use crate::model::scenario::{Pool, Scenario, TargetKind};
use rand::Rng;

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
    /// Whether the counterfactual is an effect (else a baseline).
    effect_form: bool,
    /// Cumulative share of a cohort's outcomes that has happened `k` years
    /// after its start, for `k = 0..`, ending at 1.
    booked_by: Vec<f64>,
    pub(crate) targets: Vec<(usize, usize, f64)>,
    pub(crate) fingerprint: u64,
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
    /// Validates the scenario and prepares its samplers.
    pub fn new(scenario: &Scenario) -> Result<Model, Error> {
        let problems = scenario.validate();
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        Model::from_valid(scenario)
    }

    /// Checks the options and the scenario (every problem at once) and
    /// prepares the model.
    pub(crate) fn prepare(scenario: &Scenario, opts: &RunOptions) -> Result<Model, Error> {
        let mut problems = opts.validate();
        problems.extend(scenario.validate());
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
            recruits_by_year: match &s.mentors.pool {
                Pool::Limited(p) => p.recruits_by_year.clone(),
                Pool::Unlimited => None,
            },
            effect_form: s.counterfactual.effect.is_some(),
            booked_by: outcome_timing(s.duration_months),
            years,
            samplers,
            targets,
            fingerprint: fnv1a(json.as_bytes()),
        })
    }

    /// Replays one trial of a run: its sampled inputs (in
    /// [`PARAMS`](crate::model::params::PARAMS) order), its yearly values
    /// (`values[series][year]`, [`SERIES`](crate::model::outputs::SERIES) then their
    /// cumulative forms) and its totals (in [`TOTALS`](crate::model::outputs::TOTALS)
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
        let sc = &self.scenario;
        let y0 = f64::from(sc.start_year);
        let g = d[P::CostIndexation];
        let r = d[P::DiscountRate];
        let (p_e, p_s, p_t) = (d[P::Employed], d[P::SelfEmployed], d[P::Training]);
        let effect = if self.effect_form {
            d[P::Effect]
        } else {
            p_e - d[P::Baseline]
        };

        // What one additional job is worth to each account, per month in
        // work, in start-year prices; `per_job` months, discounted within.
        let mut per_job = d[P::MonthsFirstYear].min(12.0);
        let mut survive = 1.0;
        for _ in 1..sc.fiscal.horizon_years {
            survive *= (1.0 - d[P::EmploymentDecay]) / (1.0 + r);
            per_job += 12.0 * survive;
        }
        let to_start_prices = libm::pow(1.0 + g, y0 - sc.fiscal.price_year);
        let keep = (1.0 - d[P::Displacement]) * per_job * to_start_prices;
        let ui = d[P::UnemploymentShare] * d[P::UnemploymentMonth];
        let ris = d[P::IntegrationShare] * d[P::IntegrationMonth];
        let (tax, earn, regional) = (d[P::Contributions], d[P::NetEarnings], d[P::RegionalReturn]);
        let mut value = [0.0; PERSPECTIVES.len()];
        value[Perspective::Region as usize] = regional * keep;
        value[Perspective::Federal as usize] = (ui + tax) * keep;
        value[Perspective::Local as usize] = ris * keep;
        value[Perspective::Participants as usize] = (earn - ui - ris) * keep;
        value[Perspective::Public as usize] = (ui + ris + tax + regional) * keep;
        value[Perspective::Society as usize] = (earn + tax + regional) * keep;

        let ny = self.years.len();
        let nk = self.booked_by.len();
        // Outcomes booked by the year they happen (`ny` and beyond: later).
        let mut booked = vec![[0.0f64; 6]; ny + nk];
        const EMP: usize = 0;
        const PERM: usize = 1;
        const SELF: usize = 2;
        const TRAIN: usize = 3;
        const BASE: usize = 4;
        const NET: usize = 5;
        let fixed_cost = d[P::FixedCost];
        let per_mentor = d[P::DuosPerMentor];
        let realisation = d[P::Realisation];
        // EUR of the cost's price year brought to start-year prices.
        let cost_to_start = libm::pow(1.0 + g, y0 - sc.cost_price_year());
        let cost_at_start = d[P::CostPerDuo] * cost_to_start;
        // Discount factors k years after a cohort's start, (1 + r)^-k: a
        // cohort's outcomes come within 24 months after a duo of at most 36,
        // so at most 6 years are needed.
        debug_assert!(self.booked_by.len() <= 8);
        let mut later = [1.0f64; 8];
        for k in 1..later.len() {
            later[k] = later[k - 1] / (1.0 + r);
        }
        let volunteer_per_duo = d[P::VolunteerHours] * d[P::ShadowWage] * to_start_prices;
        let mut mentors = whole::round(d[P::PoolInitial]);
        let (mut cost, mut deflate, mut discount) = (cost_at_start, 1.0, 1.0);
        let mut benefit = [0.0; PERSPECTIVES.len()];
        // Per unit of effect: the benefit each account expects (break-even).
        let mut per_effect = [0.0; PERSPECTIVES.len()];
        let (mut sum_started, mut sum_paid, mut cost_pv, mut volunteer_pv, mut fixed_pv) =
            (0.0, 0.0, 0.0, 0.0, 0.0);
        // Real present value of one EUR of cost per duo (in its price year).
        let mut duo_cost_pv = 0.0;
        let (mut sum_employed, mut sum_self, mut sum_positive, mut sum_net) = (0.0, 0.0, 0.0, 0.0);
        for t in 0..ny {
            let mut rng = stream(seed, trial, YEAR_STREAM + t as u64);
            let planned = self.planned[t];
            let demand = planned * realisation;
            let affordable = match &self.budget {
                Some(b) if cost > 0.0 => (b[t] - fixed_cost).max(0.0) / cost,
                _ => f64::INFINITY,
            };
            let capacity = if self.limited_pool {
                mentors * per_mentor
            } else {
                f64::INFINITY
            };
            let plan_capacity = demand.min(capacity);
            let started = whole::floor(plan_capacity.min(affordable)) as u64;
            let (by_money, by_mentors) = if affordable < plan_capacity {
                (1.0, 0.0)
            } else if capacity < demand {
                (0.0, 1.0)
            } else {
                (0.0, 0.0)
            };
            let dropout = binomial(&mut rng, started, d[P::Dropout]);
            let employed = binomial(&mut rng, started, p_e);
            let self_employed = binomial(&mut rng, started - employed, p_s);
            let training = binomial(&mut rng, started - employed - self_employed, p_t);
            let permanent = binomial(&mut rng, employed, d[P::PermanentShare]);
            let net = if effect >= 0.0 {
                let share = if p_e > 0.0 { effect / p_e } else { 0.0 };
                binomial(&mut rng, employed, share) as f64
            } else {
                let share = if p_e < 1.0 {
                    -effect / (1.0 - p_e)
                } else {
                    0.0
                };
                -(binomial(&mut rng, started - employed, share) as f64)
            };
            let cohort = [
                employed as f64,
                permanent as f64,
                self_employed as f64,
                training as f64,
                employed as f64 - net,
                net,
            ];
            let mut before = [0.0; 6];
            for (k, share) in self.booked_by.iter().enumerate() {
                let u = t + k;
                let pv = discount * later[k];
                for (j, &x) in cohort.iter().enumerate() {
                    // The last share is 1 and `x` is whole: rounding would
                    // give `x` again, bit for bit (signed zero included).
                    let upto = if *share == 1.0 {
                        x
                    } else {
                        whole::round(x * share)
                    };
                    let now = upto - before[j];
                    before[j] = upto;
                    booked[u][j] += now;
                    if j == NET {
                        for (b, v) in benefit.iter_mut().zip(&value) {
                            *b += now * v * pv;
                        }
                    }
                }
                let prior = if k == 0 { 0.0 } else { self.booked_by[k - 1] };
                for (e, v) in per_effect.iter_mut().zip(&value) {
                    *e += started as f64 * (share - prior) * v * pv;
                }
            }
            let public_cost = started as f64 * cost + fixed_cost;
            let pv_paid = deflate * discount;
            cost_pv += public_cost * pv_paid;
            fixed_pv += fixed_cost * pv_paid;
            duo_cost_pv += started as f64 * discount * cost_to_start;
            volunteer_pv += started as f64 * volunteer_per_duo * discount;
            let row_at = |row: &mut [f64], s: Series, x: f64| row[s as usize * ny + t] = x;
            row_at(row, Series::DuosStarted, started as f64);
            row_at(row, Series::DuosCompleted, (started - dropout) as f64);
            row_at(row, Series::PublicCost, public_cost);
            row_at(
                row,
                Series::RegionalCost,
                public_cost * (1.0 - d[P::EsfShare]),
            );
            row_at(
                row,
                Series::BudgetNeeded,
                whole::floor(plan_capacity) * cost + fixed_cost,
            );
            let unspent = match &self.budget {
                Some(b) => (b[t] - public_cost).max(0.0),
                None => 0.0,
            };
            row_at(row, Series::BudgetUnspent, unspent);
            let needed = |duos: f64| {
                if per_mentor > 0.0 {
                    whole::ceil(duos / per_mentor)
                } else {
                    0.0
                }
            };
            let active = if self.limited_pool {
                mentors
            } else {
                needed(started as f64)
            };
            row_at(row, Series::MentorsActive, active);
            row_at(row, Series::MentorsNeeded, needed(whole::floor(demand)));
            row_at(
                row,
                Series::VolunteerValue,
                started as f64 * volunteer_per_duo * discount,
            );
            row_at(row, Series::LimitedByMoney, by_money);
            row_at(row, Series::LimitedByMentors, by_mentors);
            row_at(row, Series::LimitedByPlan, 1.0 - by_money - by_mentors);
            sum_started += started as f64;
            sum_paid += public_cost;
            sum_employed += employed as f64;
            sum_self += self_employed as f64;
            sum_positive += (employed + self_employed + training) as f64;
            sum_net += net;
            if self.limited_pool {
                let recruits = match &self.recruits_by_year {
                    Some(plan) => plan[t],
                    None => d[P::PoolRecruits],
                };
                mentors = binomial(&mut rng, mentors as u64, d[P::PoolRetention]) as f64
                    + whole::round(recruits);
            }
            cost *= 1.0 + g;
            deflate /= 1.0 + g;
            discount /= 1.0 + r;
        }
        let mut discount = 1.0;
        for (t, b) in booked.iter().take(ny).enumerate() {
            let mut at = |s: Series, x: f64| row[s as usize * ny + t] = x;
            at(Series::Employed, b[EMP]);
            at(Series::EmployedPermanent, b[PERM]);
            at(Series::SelfEmployed, b[SELF]);
            at(Series::Training, b[TRAIN]);
            at(Series::PositiveExits, b[EMP] + b[SELF] + b[TRAIN]);
            at(Series::BaselineEmployed, b[BASE]);
            at(Series::NetAdditionalEmployed, b[NET]);
            at(
                Series::FiscalReturn,
                b[NET] * value[Perspective::Public as usize] * discount,
            );
            discount /= 1.0 + r;
        }
        for k in (0..N_SERIES).filter(|&k| SERIES[k].cumulated) {
            let mut sum = 0.0;
            for t in 0..ny {
                sum += row[k * ny + t];
                row[(N_SERIES + k) * ny + t] = sum;
            }
        }
        let later: f64 = booked[ny..].iter().map(|b| b[EMP]).sum();

        let esf = d[P::EsfShare];
        let mut cost_of = [0.0; PERSPECTIVES.len()];
        cost_of[Perspective::Region as usize] = cost_pv * (1.0 - esf);
        cost_of[Perspective::Eu as usize] = cost_pv * esf;
        cost_of[Perspective::Public as usize] = cost_pv;
        cost_of[Perspective::Society as usize] = cost_pv + volunteer_pv;
        let ratio = |num: f64, den: f64| if den > 0.0 { num / den } else { f64::INFINITY };
        let mut totals = Totals([0.0; N_TOTALS]);
        totals[Total::CostPerDuo] = ratio(sum_paid, sum_started);
        totals[Total::CostPerJob] = ratio(sum_paid, sum_employed);
        totals[Total::CostPerNetJob] = ratio(sum_paid, sum_net);
        totals[Total::Effect] = effect;
        totals[Total::EmployedAfterHorizon] = later;
        totals[Total::RateEmployed] = ratio(sum_employed, sum_started);
        totals[Total::RatePositive] = ratio(sum_positive, sum_started);
        totals[Total::RateSelfEmployed] = ratio(sum_self, sum_started);
        for spec in PERSPECTIVES {
            let k = spec.id as usize;
            totals[spec.net] = benefit[k] - cost_of[k];
            if let Some(total) = spec.ratio {
                totals[total] = ratio(benefit[k], cost_of[k]);
            }
            if let Some((effect_total, cost_total)) = spec.break_even {
                totals[effect_total] = ratio(cost_of[k], per_effect[k]);
                // The cost per duo (in its price year) at which the benefit
                // drawn covers the cost, the duos held as they are.
                let share = match spec.id {
                    Perspective::Region => 1.0 - esf,
                    _ => 1.0,
                };
                let extra = if spec.id == Perspective::Society {
                    volunteer_pv
                } else {
                    0.0
                };
                totals[cost_total] = if share > 0.0 && duo_cost_pv > 0.0 {
                    ((benefit[k] - extra) / share - fixed_pv) / duo_cost_pv
                } else {
                    f64::INFINITY
                };
            }
        }
        totals
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
