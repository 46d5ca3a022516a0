//! A year of a trial: the duos that form, the cohort's outcomes (drawn in
//! the order the run's contract fixes), and what a trial carries from one
//! year to the next.

use super::binomial;
use super::terms::{PerAccount, Terms};
use crate::engine::whole;
use crate::model::outputs::PERSPECTIVES;
use crate::model::params::{Draws, ParamId as P};
use rand_pcg::Pcg64Mcg;

/// The outcomes a cohort books, by position in a booked year.
pub(super) const EMP: usize = 0;
pub(super) const PERM: usize = 1;
pub(super) const SELF: usize = 2;
pub(super) const TRAIN: usize = 3;
pub(super) const BASE: usize = 4;
pub(super) const NET: usize = 5;

/// The duos that form in a year, and what limits them.
pub(super) struct Formation {
    pub(super) demand: f64,
    /// The duos the plan and the mentors allow, money aside.
    pub(super) plan_capacity: f64,
    pub(super) started: u64,
    /// 1 when money limits the year, else 0; likewise the mentors.
    pub(super) by_money: f64,
    pub(super) by_mentors: f64,
}

/// A cohort's outcomes, drawn in this order from its year's stream.
pub(super) struct Cohort {
    pub(super) dropout: u64,
    pub(super) employed: u64,
    pub(super) self_employed: u64,
    pub(super) training: u64,
    pub(super) permanent: u64,
    /// Additional jobs (negative when the effect is).
    pub(super) net: f64,
}

impl Cohort {
    pub(super) fn draw(rng: &mut Pcg64Mcg, started: u64, d: &Draws, terms: &Terms) -> Cohort {
        let (p_e, p_s, p_t, effect) = (terms.p_e, terms.p_s, terms.p_t, terms.effect);
        let dropout = binomial(rng, started, d[P::Dropout]);
        let employed = binomial(rng, started, p_e);
        let self_employed = binomial(rng, started - employed, p_s);
        let training = binomial(rng, started - employed - self_employed, p_t);
        let permanent = binomial(rng, employed, d[P::PermanentShare]);
        let net = if effect >= 0.0 {
            let share = if p_e > 0.0 { effect / p_e } else { 0.0 };
            binomial(rng, employed, share) as f64
        } else {
            let share = if p_e < 1.0 {
                -effect / (1.0 - p_e)
            } else {
                0.0
            };
            -(binomial(rng, started - employed, share) as f64)
        };
        Cohort {
            dropout,
            employed,
            self_employed,
            training,
            permanent,
            net,
        }
    }

    /// The counts booked, by position ([`EMP`] to [`NET`]).
    pub(super) fn booked(&self) -> [f64; 6] {
        [
            self.employed as f64,
            self.permanent as f64,
            self.self_employed as f64,
            self.training as f64,
            self.employed as f64 - self.net,
            self.net,
        ]
    }
}

/// What a trial carries from one year to the next.
pub(super) struct Running {
    pub(super) mentors: f64,
    /// The cost per duo (EUR as paid), the deflator to start-year prices
    /// and the discount factor of the current year.
    pub(super) cost: f64,
    pub(super) deflate: f64,
    pub(super) discount: f64,
    /// Outcomes booked by the year they happen (`ny` and beyond: later).
    pub(super) booked: Vec<[f64; 6]>,
    /// The benefit to each account, present value.
    pub(super) benefit: PerAccount,
    /// Per unit of effect: the benefit each account expects (break-even).
    pub(super) per_effect: PerAccount,
    /// The net additional jobs, each at the discount factor of the year it
    /// starts: the benefit of one EUR a month a job is worth (break-even).
    pub(super) net_pv: f64,
    pub(super) sum_started: f64,
    pub(super) sum_paid: f64,
    pub(super) cost_pv: f64,
    pub(super) volunteer_pv: f64,
    pub(super) fixed_pv: f64,
    /// Real present value of one EUR of cost per duo (in its price year).
    pub(super) duo_cost_pv: f64,
    pub(super) sum_employed: f64,
    pub(super) sum_self: f64,
    pub(super) sum_positive: f64,
    pub(super) sum_net: f64,
}

impl Running {
    pub(super) fn start(d: &Draws, terms: &Terms, booked_years: usize) -> Running {
        Running {
            mentors: whole::round(d[P::PoolInitial]),
            cost: terms.cost_at_start,
            deflate: 1.0,
            discount: 1.0,
            booked: vec![[0.0f64; 6]; booked_years],
            benefit: [0.0; PERSPECTIVES.len()],
            per_effect: [0.0; PERSPECTIVES.len()],
            net_pv: 0.0,
            sum_started: 0.0,
            sum_paid: 0.0,
            cost_pv: 0.0,
            volunteer_pv: 0.0,
            fixed_pv: 0.0,
            duo_cost_pv: 0.0,
            sum_employed: 0.0,
            sum_self: 0.0,
            sum_positive: 0.0,
            sum_net: 0.0,
        }
    }

    /// The year's public cost, and its present values.
    pub(super) fn pay(&mut self, started: u64, terms: &Terms) -> f64 {
        let public_cost = started as f64 * self.cost + terms.fixed_cost;
        let pv_paid = self.deflate * self.discount;
        self.cost_pv += public_cost * pv_paid;
        self.fixed_pv += terms.fixed_cost * pv_paid;
        self.duo_cost_pv += started as f64 * self.discount * terms.cost_to_start;
        self.volunteer_pv += started as f64 * terms.volunteer_per_duo * self.discount;
        public_cost
    }

    /// Adds the year's duos, money and outcomes to the trial's sums.
    pub(super) fn count(&mut self, started: u64, public_cost: f64, cohort: &Cohort) {
        self.sum_started += started as f64;
        self.sum_paid += public_cost;
        self.sum_employed += cohort.employed as f64;
        self.sum_self += cohort.self_employed as f64;
        self.sum_positive += (cohort.employed + cohort.self_employed + cohort.training) as f64;
        self.sum_net += cohort.net;
    }

    /// Adds another partner's years of the same trial: its outcomes by
    /// the year booked, its benefits, costs and sums.
    pub(super) fn absorb(&mut self, other: &Running) {
        for (a, b) in self.booked.iter_mut().zip(&other.booked) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        let add =
            |a: &mut PerAccount, b: &PerAccount| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        add(&mut self.benefit, &other.benefit);
        add(&mut self.per_effect, &other.per_effect);
        self.net_pv += other.net_pv;
        self.sum_started += other.sum_started;
        self.sum_paid += other.sum_paid;
        self.cost_pv += other.cost_pv;
        self.volunteer_pv += other.volunteer_pv;
        self.fixed_pv += other.fixed_pv;
        self.duo_cost_pv += other.duo_cost_pv;
        self.sum_employed += other.sum_employed;
        self.sum_self += other.sum_self;
        self.sum_positive += other.sum_positive;
        self.sum_net += other.sum_net;
    }

    /// Prices and discounting move on a year.
    pub(super) fn next_year(&mut self, terms: &Terms) {
        self.cost *= 1.0 + terms.g;
        self.deflate /= 1.0 + terms.g;
        self.discount /= 1.0 + terms.r;
    }
}
