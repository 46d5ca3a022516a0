//! One trial, in the stages of a year that the module's documentation
//! writes out: the inputs drawn, then what they fix for every year (prices,
//! what a job is worth to each account, discount factors), then for each
//! year the duos that form, their outcomes, the years those are booked in,
//! the money, the year's series and the pool of mentors; then the outcome
//! series, the cumulative series and the accounts.
//!
//! The order of the random draws is the run's contract, which the golden
//! files hold: every parameter from its own stream first; then, from year
//! `t`'s stream, the cohort's dropout, employed, self-employed, training,
//! permanent and net additional jobs, and last the mentors who stay.

use super::terms::Terms;
use super::year::{Cohort, Formation, Running, BASE, EMP, NET, PERM, SELF, TRAIN};
use super::{binomial, Model};
use crate::engine::rng::{stream, PARAM_STREAM, YEAR_STREAM};
use crate::engine::whole;
use crate::model::outputs::{
    cumulative, row_index, Perspective, Series, Total, Totals, N_SERIES, N_TOTALS, PERSPECTIVES,
    SERIES,
};
use crate::model::params::{Draws, ParamId as P};
use rand_pcg::Pcg64Mcg;

impl Model {
    /// One trial: fills `row` (series-major, `2 * N_SERIES` by years) and
    /// `inputs`, and returns its totals. A programme of partners is their
    /// sum ([`Model::trial_parts`]).
    pub(crate) fn trial(
        &self,
        seed: u64,
        trial: u64,
        inputs: &mut Draws,
        row: &mut [f64],
    ) -> Totals {
        if !self.parts.is_empty() {
            let mut parts = self.part_outputs();
            return self.trial_parts(seed, trial, inputs, row, &mut parts);
        }
        self.draw(seed, trial, inputs);
        let (terms, run) = self.years_of(seed, trial, inputs, row);
        self.accounts(inputs, &terms, &run)
    }

    /// The years of one trial with the draws `d`: fills `row`, and returns
    /// what the draws fix and what the years added up to.
    pub(super) fn years_of(
        &self,
        seed: u64,
        trial: u64,
        d: &Draws,
        row: &mut [f64],
    ) -> (Terms, Running) {
        let terms = Terms::of(d, &self.scenario, self.counterfactual);
        debug_assert!(self.booked_by.len() <= terms.later.len());
        let ny = self.years.len();
        let mut run = Running::start(d, &terms, ny + self.booked_by.len());
        for t in 0..ny {
            let mut rng = stream(seed, trial, YEAR_STREAM + t as u64 + self.stream_offset);
            let formed = self.formation(t, &terms, &run);
            let cohort = Cohort::draw(&mut rng, formed.started, d, &terms);
            self.book(t, &cohort, formed.started, &terms, &mut run);
            let public_cost = run.pay(formed.started, &terms);
            self.year_row(row, t, &formed, &cohort, public_cost, d, &terms, &run);
            run.count(formed.started, public_cost, &cohort);
            self.renew_pool(&mut rng, t, d, &mut run);
            run.next_year(&terms);
        }
        outcome_rows(row, ny, &run.booked, &terms);
        cumulate(row, ny);
        (terms, run)
    }

    /// Every parameter, each from its own stream (a fixed one is not drawn).
    pub(super) fn draw(&self, seed: u64, trial: u64, inputs: &mut Draws) {
        for (k, sampler) in self.samplers.iter().enumerate() {
            inputs.0[k] = match sampler.fixed_value() {
                Some(v) => v,
                None => sampler.sample(&mut stream(seed, trial, PARAM_STREAM + k as u64)),
            };
        }
    }

    /// The duos that form in year `t`: the plan's, as far as the money and
    /// the mentors allow.
    fn formation(&self, t: usize, terms: &Terms, run: &Running) -> Formation {
        let demand = self.planned[t] * terms.realisation;
        let affordable = match &self.budget {
            Some(b) if run.cost > 0.0 => (b[t] - terms.fixed_cost).max(0.0) / run.cost,
            _ => f64::INFINITY,
        };
        let capacity = if self.limited_pool {
            run.mentors * terms.per_mentor
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
        Formation {
            demand,
            plan_capacity,
            started,
            by_money,
            by_mentors,
        }
    }

    /// Books a cohort's outcomes in the years they happen (whole people, by
    /// rounding the cumulative shares), with the benefit of its additional
    /// jobs and the benefit each account expects per unit of effect.
    fn book(&self, t: usize, cohort: &Cohort, started: u64, terms: &Terms, run: &mut Running) {
        let cohort = cohort.booked();
        let mut before = [0.0; 6];
        for (k, share) in self.booked_by.iter().enumerate() {
            let u = t + k;
            let pv = run.discount * terms.later[k];
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
                run.booked[u][j] += now;
                if j == NET {
                    run.net_pv += now * pv;
                    for (b, v) in run.benefit.iter_mut().zip(&terms.value) {
                        *b += now * v * pv;
                    }
                }
            }
            let prior = if k == 0 { 0.0 } else { self.booked_by[k - 1] };
            for (e, v) in run.per_effect.iter_mut().zip(&terms.value) {
                *e += started as f64 * (share - prior) * v * pv;
            }
        }
    }

    /// The series of year `t` that the year itself settles: duos, money,
    /// mentors and what limited the duos.
    #[allow(clippy::too_many_arguments)]
    fn year_row(
        &self,
        row: &mut [f64],
        t: usize,
        formed: &Formation,
        cohort: &Cohort,
        public_cost: f64,
        d: &Draws,
        terms: &Terms,
        run: &Running,
    ) {
        let ny = self.years.len();
        let started = formed.started;
        let mut at = |s: Series, x: f64| row[row_index(s as usize, t, ny)] = x;
        at(Series::DuosStarted, started as f64);
        at(Series::DuosCompleted, (started - cohort.dropout) as f64);
        at(Series::PublicCost, public_cost);
        at(Series::RegionalCost, public_cost * (1.0 - d[P::EsfShare]));
        at(
            Series::BudgetNeeded,
            whole::floor(formed.plan_capacity) * run.cost + terms.fixed_cost,
        );
        let unspent = match &self.budget {
            Some(b) => (b[t] - public_cost).max(0.0),
            None => 0.0,
        };
        at(Series::BudgetUnspent, unspent);
        let needed = |duos: f64| {
            if terms.per_mentor > 0.0 {
                whole::ceil(duos / terms.per_mentor)
            } else {
                0.0
            }
        };
        let active = if self.limited_pool {
            run.mentors
        } else {
            needed(started as f64)
        };
        at(Series::MentorsActive, active);
        at(Series::MentorsNeeded, needed(whole::floor(formed.demand)));
        at(
            Series::VolunteerValue,
            started as f64 * terms.volunteer_per_duo * run.discount,
        );
        at(Series::LimitedByMoney, formed.by_money);
        at(Series::LimitedByMentors, formed.by_mentors);
        at(
            Series::LimitedByPlan,
            1.0 - formed.by_money - formed.by_mentors,
        );
    }

    /// The pool of the next year: the mentors who stay (drawn last from the
    /// year's stream) and the recruits, drawn or the plan's for year `t`.
    fn renew_pool(&self, rng: &mut Pcg64Mcg, t: usize, d: &Draws, run: &mut Running) {
        if self.limited_pool {
            let recruits = match &self.recruits_by_year {
                Some(plan) => plan[t],
                None => d[P::PoolRecruits],
            };
            run.mentors = binomial(rng, run.mentors as u64, d[P::PoolRetention]) as f64
                + whole::round(recruits);
        }
    }

    /// The trial's totals: the cost per duo and per job, the rates, and each
    /// account's net benefit, ratio and break-even.
    pub(super) fn accounts(&self, d: &Draws, terms: &Terms, run: &Running) -> Totals {
        let ny = self.years.len();
        let later: f64 = run.booked[ny..].iter().map(|b| b[EMP]).sum();
        let (benefit, per_effect) = (&run.benefit, &run.per_effect);
        let (cost_pv, volunteer_pv) = (run.cost_pv, run.volunteer_pv);
        let esf = d[P::EsfShare];
        let mut cost_of = [0.0; PERSPECTIVES.len()];
        cost_of[Perspective::Region as usize] = cost_pv * (1.0 - esf);
        cost_of[Perspective::Eu as usize] = cost_pv * esf;
        cost_of[Perspective::Public as usize] = cost_pv;
        cost_of[Perspective::Society as usize] = cost_pv + volunteer_pv;
        let ratio = |num: f64, den: f64| if den > 0.0 { num / den } else { f64::INFINITY };
        let mut totals = Totals([0.0; N_TOTALS]);
        totals[Total::CostPerDuo] = ratio(run.sum_paid, run.sum_started);
        totals[Total::CostPerJob] = ratio(run.sum_paid, run.sum_employed);
        totals[Total::CostPerNetJob] = ratio(run.sum_paid, run.sum_net);
        totals[Total::Effect] = terms.effect;
        totals[Total::EmployedAfterHorizon] = later;
        totals[Total::RateEmployed] = ratio(run.sum_employed, run.sum_started);
        totals[Total::RatePositive] = ratio(run.sum_positive, run.sum_started);
        totals[Total::RateSelfEmployed] = ratio(run.sum_self, run.sum_started);
        totals[Total::BreakEvenPersistencePublic] = super::terms::break_even_persistence(
            d,
            &self.scenario,
            run.net_pv * terms.public_month,
            cost_of[Perspective::Public as usize],
        );
        totals[Total::BenefitPublic] = benefit[Perspective::Public as usize];
        totals[Total::CostPublic] = cost_of[Perspective::Public as usize];
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
                totals[cost_total] = if share > 0.0 && run.duo_cost_pv > 0.0 {
                    ((benefit[k] - extra) / share - run.fixed_pv) / run.duo_cost_pv
                } else {
                    f64::INFINITY
                };
            }
        }
        totals
    }
}

/// The outcome series, year by year as booked, and the fiscal return of
/// the additional jobs.
fn outcome_rows(row: &mut [f64], ny: usize, booked: &[[f64; 6]], terms: &Terms) {
    let mut discount = 1.0;
    for (t, b) in booked.iter().take(ny).enumerate() {
        let mut at = |s: Series, x: f64| row[row_index(s as usize, t, ny)] = x;
        at(Series::Employed, b[EMP]);
        at(Series::EmployedPermanent, b[PERM]);
        at(Series::SelfEmployed, b[SELF]);
        at(Series::Training, b[TRAIN]);
        at(Series::PositiveExits, b[EMP] + b[SELF] + b[TRAIN]);
        at(Series::BaselineEmployed, b[BASE]);
        at(Series::NetAdditionalEmployed, b[NET]);
        at(
            Series::FiscalReturn,
            b[NET] * terms.value[Perspective::Public as usize] * discount,
        );
        discount /= 1.0 + terms.r;
    }
}

/// The running totals of the series that cumulate.
fn cumulate(row: &mut [f64], ny: usize) {
    for k in (0..N_SERIES).filter(|&k| SERIES[k].cumulated) {
        let mut sum = 0.0;
        for t in 0..ny {
            sum += row[row_index(k, t, ny)];
            row[row_index(cumulative(k), t, ny)] = sum;
        }
    }
}
