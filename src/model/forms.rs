//! The one form each "exactly one of" part of a scenario is given in: the
//! intake plan, the budget and the counterfactual.
//!
//! The JSON keeps its fields, each optional, so that a scenario giving two
//! forms or none still reads and the validator names every problem with
//! its field. Once a scenario has passed, the engine and the decision tools
//! read these enums ([`crate::model::validate::Checked`]), never the fields:
//! no code after validation asks which of the fields is set.

use crate::model::priors::Form;
use crate::model::scenario::{Budget, Counterfactual, Growth, Intake};

/// How the planned intake of duos is given.
#[derive(Debug, Clone, PartialEq)]
pub enum IntakePlan {
    /// One level per simulated year.
    PerYear(Vec<f64>),
    /// A start level in `start_year` growing by a rate a year.
    Growth(Growth),
    /// `[year, level]` points joined by straight lines, flat beyond the ends.
    Points(Vec<(i32, f64)>),
}

impl IntakePlan {
    /// The planned duos in each of `years`, the simulated years in order.
    pub fn levels(&self, years: &[i32]) -> Vec<f64> {
        match self {
            IntakePlan::PerYear(v) => v.clone(),
            IntakePlan::Growth(g) => {
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
            IntakePlan::Points(points) => years.iter().map(|&y| interpolate(points, y)).collect(),
        }
    }
}

impl Intake {
    /// The one form given; `None` when none or several are (the
    /// validator says so, naming `intake`).
    pub fn plan(&self) -> Option<IntakePlan> {
        match (&self.per_year, &self.growth, &self.points) {
            (Some(v), None, None) => Some(IntakePlan::PerYear(v.clone())),
            (None, Some(g), None) => Some(IntakePlan::Growth(g.clone())),
            (None, None, Some(p)) => Some(IntakePlan::Points(p.clone())),
            _ => None,
        }
    }

    /// Gives the intake in `plan`'s form alone; its source and note stay.
    pub fn set(&mut self, plan: IntakePlan) {
        (self.per_year, self.growth, self.points) = match plan {
            IntakePlan::PerYear(v) => (Some(v), None, None),
            IntakePlan::Growth(g) => (None, Some(g), None),
            IntakePlan::Points(p) => (None, None, Some(p)),
        };
    }
}

/// How the money is given.
#[derive(Debug, Clone, PartialEq)]
pub enum BudgetPlan {
    /// The same amount every year.
    Constant(f64),
    /// One amount per simulated year.
    PerYear(Vec<f64>),
    /// No money limit: the run reports the budget needed.
    Unlimited,
}

impl BudgetPlan {
    /// The money in each of `years` simulated years, `None` when unlimited.
    pub fn amounts(&self, years: usize) -> Option<Vec<f64>> {
        match self {
            BudgetPlan::Constant(c) => Some(vec![*c; years]),
            BudgetPlan::PerYear(v) => Some(v.clone()),
            BudgetPlan::Unlimited => None,
        }
    }
}

impl Budget {
    /// The one form given; `None` when none or several are (the
    /// validator says so, naming `budget`).
    pub fn plan(&self) -> Option<BudgetPlan> {
        match (self.constant, &self.per_year, self.unlimited) {
            (Some(c), None, false) => Some(BudgetPlan::Constant(c)),
            (None, Some(v), false) => Some(BudgetPlan::PerYear(v.clone())),
            (None, None, true) => Some(BudgetPlan::Unlimited),
            _ => None,
        }
    }

    /// Gives the money in `plan`'s form alone; its source and note stay.
    pub fn set(&mut self, plan: BudgetPlan) {
        (self.constant, self.per_year, self.unlimited) = match plan {
            BudgetPlan::Constant(c) => (Some(c), None, false),
            BudgetPlan::PerYear(v) => (None, Some(v), false),
            BudgetPlan::Unlimited => (None, None, true),
        };
    }
}

impl Counterfactual {
    /// The form the evidence is given in; `None` unless exactly one of
    /// `effect` and `baseline` is (the validator says so, naming
    /// `counterfactual`).
    pub fn form(&self) -> Option<Form> {
        match (&self.effect, &self.baseline) {
            (Some(_), None) => Some(Form::Effect),
            (None, Some(_)) => Some(Form::Baseline),
            _ => None,
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
        intake.set(IntakePlan::PerYear(vec![2.0]));
        assert_eq!(intake.plan(), Some(IntakePlan::PerYear(vec![2.0])));
        let mut budget = Budget::default();
        assert_eq!(budget.plan(), None);
        budget.set(BudgetPlan::Unlimited);
        assert_eq!(budget.plan(), Some(BudgetPlan::Unlimited));
        assert_eq!(budget.plan().unwrap().amounts(3), None);
        assert_eq!(Counterfactual::default().form(), None);
    }
}
