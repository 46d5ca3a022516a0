//! A programme of partners, trial by trial: each partner runs its years
//! with the programme's draws except the parameters it sets itself (drawn
//! from its own streams), with its shares of the money, the intake and the
//! mentors; the programme is their sum.
//!
//! Partner `j` (from 0) draws its own parameter `k` from stream
//! `(s, i, PARAM_STREAM + k + (j + 1) * PARTNER_STREAM)` and its year `t`
//! from `(s, i, YEAR_STREAM + t + (j + 1) * PARTNER_STREAM)`: streams no
//! programme without partners uses, and the same for a partner whatever
//! the others do.

use super::terms::Terms;
use super::year::Running;
use super::{Model, Part};
use crate::engine::rng::{stream, PARAM_STREAM};
use crate::model::outputs::{row_index, row_len, Series, Totals, N_TOTALS};
use crate::model::params::{Draws, ParamId as P};

/// The distance between one partner's streams and the next's.
pub const PARTNER_STREAM: u64 = 1 << 40;

/// What each partner of one trial produced: its values (as a trial's row)
/// and its totals.
#[derive(Debug, Clone)]
pub struct PartOutputs {
    pub rows: Vec<Vec<f64>>,
    pub totals: Vec<Totals>,
    /// Each partner's rate of employment drawn (`outcomes.employed`): what
    /// its own results would reveal.
    pub rates: Vec<f64>,
}

impl Part {
    /// Partner `j` of `programme`, whose own scenario has passed validation
    /// as part of the programme's.
    pub(super) fn new(programme: &crate::model::scenario::Scenario, j: usize) -> Option<Part> {
        let partner = &programme.partners[j];
        let (scenario, owned) = programme.partner_scenario(j);
        let checked = scenario.checked().ok()?;
        let mut model = Model::from_valid(&scenario, checked).ok()?;
        // Its shares of the programme's, or 1 where it has its own.
        let [money, intake, mentors] = partner.scale();
        for x in &mut model.planned {
            *x *= intake;
        }
        if let Some(b) = model.budget.as_mut() {
            b.iter_mut().for_each(|x| *x *= money);
        }
        if let Some(r) = model.recruits_by_year.as_mut() {
            r.iter_mut().for_each(|x| *x *= mentors);
        }
        model.stream_offset = (j as u64 + 1) * PARTNER_STREAM;
        Some(Part {
            model,
            owned,
            budget_share: partner.budget_share,
            mentor_share: mentors,
        })
    }

    /// The partner's draws in a trial, from the programme's in `out`: its
    /// own parameters drawn from its own streams, its shares of the fixed
    /// cost and of the pool applied.
    fn draws(&self, seed: u64, trial: u64, out: &mut Draws) {
        for &k in &self.owned {
            let sampler = &self.model.samplers[k];
            out.0[k] = match sampler.fixed_value() {
                Some(v) => v,
                None => sampler.sample(&mut stream(
                    seed,
                    trial,
                    PARAM_STREAM + k as u64 + self.model.stream_offset,
                )),
            };
        }
        out.0[P::FixedCost as usize] *= self.budget_share;
        out.0[P::PoolInitial as usize] *= self.mentor_share;
        out.0[P::PoolRecruits as usize] *= self.mentor_share;
    }
}

impl Model {
    /// Buffers for what each partner of a trial produces.
    pub fn part_outputs(&self) -> PartOutputs {
        let width = row_len(self.years.len());
        PartOutputs {
            rows: vec![vec![0.0; width]; self.parts.len()],
            totals: vec![Totals([0.0; N_TOTALS]); self.parts.len()],
            rates: vec![0.0; self.parts.len()],
        }
    }

    /// One trial, with `parts` (from [`Model::part_outputs`]) kept by the
    /// caller across trials: a programme of partners fills it
    /// ([`Model::trial_parts`]), any other runs as [`Model::trial`] does.
    pub(crate) fn trial_with(
        &self,
        seed: u64,
        trial: u64,
        inputs: &mut Draws,
        row: &mut [f64],
        parts: &mut PartOutputs,
    ) -> Totals {
        if self.parts.is_empty() {
            self.trial(seed, trial, inputs, row)
        } else {
            self.trial_parts(seed, trial, inputs, row, parts)
        }
    }

    /// One trial of a programme of partners: each partner's values and
    /// totals in `parts`, the programme's (their sum) in `row` and returned.
    /// `inputs` gets the programme's draws.
    pub(crate) fn trial_parts(
        &self,
        seed: u64,
        trial: u64,
        inputs: &mut Draws,
        row: &mut [f64],
        parts: &mut PartOutputs,
    ) -> Totals {
        self.draw(seed, trial, inputs);
        let ny = self.years.len();
        row.fill(0.0);
        let mut all: Option<Running> = None;
        let (mut started, mut effect_sum, mut effect_plain) = (0.0, 0.0, 0.0);
        for (j, part) in self.parts.iter().enumerate() {
            let mut d = *inputs;
            part.draws(seed, trial, &mut d);
            parts.rates[j] = d[P::Employed];
            let part_row = &mut parts.rows[j];
            let (terms, run) = part.model.years_of(seed, trial, &d, part_row);
            parts.totals[j] = part.model.accounts(&d, &terms, &run);
            for (x, y) in row.iter_mut().zip(part_row.iter()) {
                *x += y;
            }
            started += run.sum_started;
            effect_sum += run.sum_started * terms.effect;
            effect_plain += terms.effect;
            match all.as_mut() {
                Some(a) => a.absorb(&run),
                None => all = Some(run),
            }
        }
        self.programme_limits(row, parts);
        let mut terms = Terms::of(inputs, &self.scenario, self.counterfactual);
        let run = all.unwrap_or_else(|| Running::start(inputs, &terms, ny + self.booked_by.len()));
        terms.effect = if started > 0.0 {
            effect_sum / started
        } else {
            effect_plain / self.parts.len().max(1) as f64
        };
        self.accounts(inputs, &terms, &run)
    }

    /// What limited the programme's duos in each year: money where it
    /// limited any partner, else the mentors where they limited any, else
    /// the plan (each a share of trials, so one of the three).
    fn programme_limits(&self, row: &mut [f64], parts: &PartOutputs) {
        let ny = self.years.len();
        for t in 0..ny {
            let any = |s: Series| {
                parts
                    .rows
                    .iter()
                    .any(|r| r[row_index(s as usize, t, ny)] > 0.0)
            };
            let money = f64::from(u8::from(any(Series::LimitedByMoney)));
            let mentors = if money > 0.0 {
                0.0
            } else {
                f64::from(u8::from(any(Series::LimitedByMentors)))
            };
            row[row_index(Series::LimitedByMoney as usize, t, ny)] = money;
            row[row_index(Series::LimitedByMentors as usize, t, ny)] = mentors;
            row[row_index(Series::LimitedByPlan as usize, t, ny)] = 1.0 - money - mentors;
        }
    }
}
