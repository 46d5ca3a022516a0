//! What a plan is asked to meet, and within what, with the request's rules.

use crate::model::error::{Error, Problem};
use crate::model::limits::MAX_INTAKE;
use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};

pub use crate::model::limits::DEFAULT_MAX_RECRUITS;
/// The largest scale searched: 64 times the scenario's own plan.
pub const MAX_SCALE: f64 = 64.0;

/// A lever a plan may hold at the scenario's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fixed {
    /// The money each year.
    Budget,
    /// The planned intake.
    Intake,
    /// The mentors recruited each year.
    Recruits,
}

impl Fixed {
    /// The lever named `name` (`budget`, `intake`, `recruits`).
    pub fn from_name(name: &str) -> Option<Fixed> {
        match name {
            "budget" => Some(Fixed::Budget),
            "intake" => Some(Fixed::Intake),
            "recruits" => Some(Fixed::Recruits),
            _ => None,
        }
    }
}

/// What a plan must meet, and within what. As JSON (the page's request),
/// every field may be left out: `{"targets": [0, 1], "confidence": 0.8,
/// "max_recruits": 3000, "max_budget_growth": null, "fixed": ["budget"]}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanRequest {
    /// The targets to meet, by position in the scenario (from 0).
    pub targets: Vec<usize>,
    /// The share of trials that must meet every one of them.
    pub confidence: f64,
    /// The most mentors that can be recruited in a year.
    pub max_recruits: f64,
    /// The largest yearly growth of the money (0.5 for +50 % a year), if any.
    pub max_budget_growth: Option<f64>,
    /// Levers held at the scenario's value.
    pub fixed: Vec<Fixed>,
}

impl Default for PlanRequest {
    fn default() -> Self {
        PlanRequest {
            targets: vec![0],
            confidence: 0.8,
            max_recruits: DEFAULT_MAX_RECRUITS,
            max_budget_growth: None,
            fixed: Vec::new(),
        }
    }
}
fn invalid(field: &str, message: String) -> Error {
    Error::Invalid(vec![Problem {
        field: field.into(),
        message,
    }])
}

pub(super) fn check(s: &Scenario, req: &PlanRequest) -> Result<(), Error> {
    s.check()?;
    if req.targets.is_empty() {
        return Err(invalid("target", "give at least one target".into()));
    }
    if let Some(&i) = req.targets.iter().find(|&&i| i >= s.targets.len()) {
        return Err(invalid(
            "target",
            format!(
                "the scenario has {} target(s); give a position from 1 to {}, got {}",
                s.targets.len(),
                s.targets.len(),
                i + 1
            ),
        ));
    }
    if !(req.confidence > 0.0 && req.confidence < 1.0) {
        return Err(invalid(
            "confidence",
            format!(
                "must be between 0 and 1 (0.8 for 80 %), got {}",
                req.confidence
            ),
        ));
    }
    if !(req.max_recruits.is_finite() && req.max_recruits >= 0.0 && req.max_recruits <= MAX_INTAKE)
    {
        return Err(invalid(
            "max_recruits",
            format!(
                "must be a number of mentors from 0 to {MAX_INTAKE}, got {}",
                req.max_recruits
            ),
        ));
    }
    if let Some(g) = req
        .max_budget_growth
        .filter(|g| !(g.is_finite() && *g >= 0.0 && *g <= 100.0))
    {
        return Err(invalid(
            "max_budget_growth",
            format!("must be a yearly growth from 0 to 100 (0.5 for +50 %), got {g}"),
        ));
    }
    if req.fixed.len() >= 3 {
        return Err(invalid(
            "fixed",
            "with budget, intake and recruits all held there is nothing to plan".into(),
        ));
    }
    Ok(())
}
