//! A plan at a scale: the levers sized at the medians of their inputs, and
//! the share of trials that meet the chosen targets under it.

use super::request::{Fixed, PlanRequest};
use crate::engine::model::Model;
use crate::model::error::Error;
use crate::model::limits::{MAX_BUDGET, MAX_INTAKE};
use crate::model::options::RunOptions;
use crate::model::outputs::{row_index, row_len};
use crate::model::params::{Draws, ParamId};
use crate::model::scenario::{Pool, Scenario};

/// The medians a plan is sized at.
struct Medians {
    realisation: f64,
    cost: Vec<f64>,
    fixed_cost: f64,
    per_mentor: f64,
    retention: f64,
    initial: f64,
}

fn median(s: &Scenario, id: ParamId) -> f64 {
    let spec = id.spec();
    spec.get(s)
        .and_then(|p| p.summary(spec.domain))
        .map_or(spec.default.unwrap_or(0.0), |m| m.median)
}

impl Medians {
    fn of(s: &Scenario) -> Medians {
        let g = median(s, ParamId::CostIndexation);
        let c0 = median(s, ParamId::CostPerDuo);
        let cost = s
            .years()
            .iter()
            .map(|&y| c0 * libm::pow(1.0 + g, f64::from(y) - s.cost_price_year()))
            .collect();
        Medians {
            realisation: median(s, ParamId::Realisation),
            cost,
            fixed_cost: median(s, ParamId::FixedCost),
            per_mentor: median(s, ParamId::DuosPerMentor),
            retention: median(s, ParamId::PoolRetention),
            initial: median(s, ParamId::PoolInitial),
        }
    }
}

/// A plan at scale `k` with a share `m` of its money.
pub(super) struct Sized {
    pub(super) scenario: Scenario,
    /// The recruits each year would need without the cap.
    pub(super) recruits_wanted: Option<Vec<f64>>,
    /// The year the cap cuts the recruits deepest, and what it would need.
    pub(super) capped: Option<(usize, f64)>,
    /// The last year whose money was raised to keep growth within its limit.
    pub(super) growth_capped: Option<usize>,
}

pub(super) struct Planner<'a> {
    pub(super) base: &'a Scenario,
    pub(super) req: &'a PlanRequest,
    pub(super) opts: RunOptions,
    med: Medians,
    planned: Vec<f64>,
}

impl<'a> Planner<'a> {
    /// The planner of `s` for `req`, running `opts`: a scenario that plans
    /// no duos is scaled from one a year.
    pub(super) fn new(s: &'a Scenario, req: &'a PlanRequest, opts: RunOptions) -> Planner<'a> {
        let mut planned = s.planned();
        if planned.iter().all(|&p| p <= 0.0) {
            planned = vec![1.0; planned.len()];
        }
        Planner {
            base: s,
            req,
            opts,
            med: Medians::of(s),
            planned,
        }
    }

    pub(super) fn fixed(&self, lever: Fixed) -> bool {
        self.req.fixed.contains(&lever)
    }

    /// The scenario's plan at scale `k`, with a share `m` of the money.
    ///
    /// `k` scales the intake and the recruits; `money` the duos the money
    /// is sized for, or no limit (`None`). A lever held fixed keeps the
    /// scenario's value.
    pub(super) fn sized(&self, k: f64, money: Option<f64>) -> Sized {
        let mut s = self.base.clone();
        let med = &self.med;
        let duos_at = |k: f64| -> Vec<f64> {
            self.planned
                .iter()
                .map(|p| k * p * med.realisation)
                .collect()
        };
        let duos = duos_at(k);
        if !self.fixed(Fixed::Intake) {
            s.intake.set_per_year(
                self.planned
                    .iter()
                    .map(|p| (k * p).min(MAX_INTAKE))
                    .collect(),
            );
        }
        let mut growth_capped = None;
        if let (Some(mu), false) = (money, self.fixed(Fixed::Budget)) {
            let mut money: Vec<f64> = duos_at(mu)
                .iter()
                .zip(&med.cost)
                .map(|(d, c)| (d * c + med.fixed_cost).min(MAX_BUDGET))
                .collect();
            // Money cannot grow faster than allowed: later years' needs are
            // met by raising earlier years.
            if let Some(g) = self.req.max_budget_growth {
                for t in (0..money.len().saturating_sub(1)).rev() {
                    let floor = money[t + 1] / (1.0 + g);
                    if money[t] < floor {
                        money[t] = floor;
                        growth_capped = Some(t);
                    }
                }
            }
            s.budget.set_per_year(money);
        } else if !self.fixed(Fixed::Budget) {
            s.budget.set_unlimited();
        }
        let mut capped = None;
        let mut recruits_wanted = None;
        if let (Pool::Limited(pool), false) = (&mut s.mentors.pool, self.fixed(Fixed::Recruits)) {
            let needed: Vec<f64> = duos
                .iter()
                .map(|d| {
                    if med.per_mentor > 0.0 {
                        d / med.per_mentor
                    } else {
                        0.0
                    }
                })
                .collect();
            let mut active = med.initial;
            let mut recruits = Vec::with_capacity(needed.len());
            let mut wanted = Vec::with_capacity(needed.len());
            for t in 0..needed.len() {
                // Recruited in year t, they mentor from t + 1; the last year's
                // recruits hold the pool at its level.
                let next = needed.get(t + 1).copied().unwrap_or(needed[t]);
                let want = (next - med.retention * active).max(0.0).ceil();
                let r = want.min(self.req.max_recruits);
                // The year the cap cuts deepest.
                if want > r && t + 1 < needed.len() && capped.is_none_or(|(_, w)| want > w) {
                    capped = Some((t, want));
                }
                recruits.push(r);
                wanted.push(want);
                active = med.retention * active + r;
            }
            pool.recruits_by_year = Some(recruits);
            recruits_wanted = Some(wanted);
        }
        Sized {
            scenario: s,
            recruits_wanted,
            capped,
            growth_capped,
        }
    }

    /// The share of trials that meet every chosen target, on common random numbers.
    pub(super) fn probability(&self, s: &Scenario) -> Result<f64, Error> {
        let model = Model::new(s)?;
        let mut trials = TrialLoop::new(&model, &self.req.targets);
        let met = (0..self.opts.trials)
            .filter(|&trial| trials.meets(self.opts.seed, trial))
            .count();
        Ok(met as f64 / self.opts.trials as f64)
    }

    /// Which of `trials` meet every chosen target with the plan at scale
    /// `k` and money `money`.
    pub(super) fn which_meet(
        &self,
        k: f64,
        money: Option<f64>,
        trials: &[u64],
    ) -> Result<Vec<bool>, Error> {
        let model = Model::new(&self.sized(k, money).scenario)?;
        let mut run = TrialLoop::new(&model, &self.req.targets);
        Ok(trials
            .iter()
            .map(|&trial| run.meets(self.opts.seed, trial))
            .collect())
    }

    /// The trials that must meet the targets for a share `confidence` of
    /// them: at least this many of the run's.
    pub(super) fn need(&self, confidence: f64) -> u64 {
        (confidence * self.opts.trials as f64).ceil() as u64
    }
}

/// Trials of one model, one at a time, checked against chosen targets.
struct TrialLoop<'m> {
    model: &'m Model,
    chosen: Vec<(usize, usize, f64)>,
    inputs: Draws,
    row: Vec<f64>,
    parts: crate::engine::model::parts::PartOutputs,
}

impl<'m> TrialLoop<'m> {
    fn new(model: &'m Model, targets: &[usize]) -> TrialLoop<'m> {
        let ny = model.years.len();
        TrialLoop {
            model,
            chosen: targets.iter().map(|&i| model.targets[i]).collect(),
            inputs: Draws::default(),
            row: vec![0.0; row_len(ny)],
            parts: model.part_outputs(),
        }
    }

    /// Whether trial `trial` of a run seeded with `seed` meets every target.
    fn meets(&mut self, seed: u64, trial: u64) -> bool {
        let ny = self.model.years.len();
        self.model.trial_with(
            seed,
            trial,
            &mut self.inputs,
            &mut self.row,
            &mut self.parts,
        );
        self.chosen
            .iter()
            .all(|&(series, year, value)| self.row[row_index(series, year, ny)] >= value)
    }
}
