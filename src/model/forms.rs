//! The one form each "exactly one of" part of a scenario is given in: the
//! intake plan, the budget and the counterfactual.
//!
//! The JSON keeps its fields, each optional, so that a scenario giving two
//! forms or none still reads and the validator names every problem with
//! its field. The engine and the decision tools read these enums (through
//! [`Scenario::planned`](crate::model::scenario::Scenario::planned),
//! [`Scenario::budget_per_year`](crate::model::scenario::Scenario::budget_per_year)
//! and [`crate::model::validate::Checked`]), never the fields: no code
//! after validation asks which of the fields is set.

use crate::model::priors::Form;
use crate::model::scenario::{Budget, Counterfactual, Growth, Intake, Scenario};

/// How the planned intake of duos is given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IntakePlan<'a> {
    /// One level per simulated year.
    PerYear(&'a [f64]),
    /// A start level in `start_year` growing by a rate a year.
    Growth(&'a Growth),
    /// `[year, level]` points joined by straight lines, flat beyond the ends.
    Points(&'a [(i32, f64)]),
}

impl Intake {
    /// The one form given; `None` when none or several are (the
    /// validator says so, naming `intake`).
    pub fn plan(&self) -> Option<IntakePlan<'_>> {
        match (&self.per_year, &self.growth, &self.points) {
            (Some(v), None, None) => Some(IntakePlan::PerYear(v)),
            (None, Some(g), None) => Some(IntakePlan::Growth(g)),
            (None, None, Some(p)) => Some(IntakePlan::Points(p)),
            _ => None,
        }
    }

    /// Gives the intake as one level per year alone, the other forms
    /// dropped; its source and note stay.
    #[inline]
    pub fn set_per_year(&mut self, levels: Vec<f64>) {
        (self.per_year, self.growth, self.points) = (Some(levels), None, None);
    }
}

/// How the money is given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BudgetPlan<'a> {
    /// The same amount every year.
    Constant(f64),
    /// One amount per simulated year.
    PerYear(&'a [f64]),
    /// No money limit: the run reports the budget needed.
    Unlimited,
}

impl Budget {
    /// The one form given; `None` when none or several are (the
    /// validator says so, naming `budget`).
    pub fn plan(&self) -> Option<BudgetPlan<'_>> {
        match (self.constant, &self.per_year, self.unlimited) {
            (Some(c), None, false) => Some(BudgetPlan::Constant(c)),
            (None, Some(v), false) => Some(BudgetPlan::PerYear(v)),
            (None, None, true) => Some(BudgetPlan::Unlimited),
            _ => None,
        }
    }

    /// Gives the money as the same amount every year alone; its source
    /// and note stay.
    #[inline]
    pub fn set_constant(&mut self, amount: f64) {
        (self.constant, self.per_year, self.unlimited) = (Some(amount), None, false);
    }

    /// Gives the money as one amount per year alone; its source and note stay.
    #[inline]
    pub fn set_per_year(&mut self, amounts: Vec<f64>) {
        (self.constant, self.per_year, self.unlimited) = (None, Some(amounts), false);
    }

    /// Gives the money as unlimited alone; its source and note stay.
    #[inline]
    pub fn set_unlimited(&mut self) {
        (self.constant, self.per_year, self.unlimited) = (None, None, true);
    }
}

impl Counterfactual {
    /// The form the evidence is given in; `None` unless exactly one of
    /// `effect`, `baseline` and `odds_ratio` is (the validator says so,
    /// naming `counterfactual`).
    pub fn form(&self) -> Option<Form> {
        match (&self.effect, &self.baseline, &self.odds_ratio) {
            (Some(_), None, None) => Some(Form::Effect),
            (None, Some(_), None) => Some(Form::Baseline),
            (None, None, Some(_)) => Some(Form::OddsRatio),
            _ => None,
        }
    }
}

impl Scenario {
    /// The planned duos per simulated year; none for an intake that is
    /// not given in exactly one form (call on a valid scenario).
    pub fn planned(&self) -> Vec<f64> {
        let years = self.years();
        match self.intake.plan() {
            Some(IntakePlan::PerYear(v)) => v.to_vec(),
            Some(IntakePlan::Growth(g)) => {
                let mut level = g.start;
                years
                    .iter()
                    .map(|_| {
                        let now = level;
                        level *= 1.0 + g.rate;
                        now
                    })
                    .collect()
            }
            Some(IntakePlan::Points(points)) => {
                years.iter().map(|&y| interpolate(points, y)).collect()
            }
            None => vec![0.0; years.len()],
        }
    }

    /// Money per simulated year, `None` when unlimited, or when not given
    /// in exactly one form (call on a valid scenario).
    pub fn budget_per_year(&self) -> Option<Vec<f64>> {
        match self.budget.plan()? {
            BudgetPlan::Constant(c) => Some(vec![c; self.years().len()]),
            BudgetPlan::PerYear(v) => Some(v.to_vec()),
            BudgetPlan::Unlimited => None,
        }
    }
}

/// Piecewise-linear interpolation through `[year, level]` points sorted by
/// year, flat before the first and after the last.
fn interpolate(points: &[(i32, f64)], year: i32) -> f64 {
    let Some(&(first_year, first)) = points.first() else {
        return 0.0;
    };
    if year <= first_year {
        return first;
    }
    for w in points.windows(2) {
        let ((y0, v0), (y1, v1)) = (w[0], w[1]);
        if year <= y1 {
            // In f64: the distance between two i32 years may not fit an i32.
            let (at, span) = (
                f64::from(year) - f64::from(y0),
                f64::from(y1) - f64::from(y0),
            );
            return v0 + (v1 - v0) * at / span;
        }
    }
    points[points.len() - 1].1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_is_linear_and_flat_outside() {
        let pts = [(2024, 1000.0), (2030, 4000.0)];
        assert_eq!(interpolate(&pts, 2020), 1000.0);
        assert_eq!(interpolate(&pts, 2026), 2000.0);
        assert_eq!(interpolate(&pts, 2030), 4000.0);
        assert_eq!(interpolate(&pts, 2035), 4000.0);
    }

    #[test]
    fn exactly_one_form_or_none() {
        let mut intake = Intake {
            per_year: Some(vec![1.0]),
            points: Some(vec![(2024, 1.0)]),
            ..Intake::default()
        };
        assert_eq!(intake.plan(), None);
        intake.set_per_year(vec![2.0]);
        assert_eq!(intake.plan(), Some(IntakePlan::PerYear(&[2.0])));
        let mut budget = Budget::default();
        assert_eq!(budget.plan(), None);
        budget.set_unlimited();
        assert_eq!(budget.plan(), Some(BudgetPlan::Unlimited));
        assert_eq!(Counterfactual::default().form(), None);
    }
}
