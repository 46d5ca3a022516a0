//! A scenario: one mentoring programme, its money, its mentors and its
//! uncertain rates, as a documented JSON form (see the README).
//!
//! Unknown fields are rejected everywhere, so a typo never falls back to a
//! default silently.

use crate::model::distribution::Param;
use crate::model::error::{Error, Problem};
use crate::model::text::Text;

pub use crate::model::counterfactual::Counterfactual;
pub use crate::model::programme::{Budget, Growth, Intake, Mentors, Pool, PoolSize};
use serde::{Deserialize, Serialize};

/// Everything the engine needs to simulate one programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// A short identifier (the preset id, or one of the user's choosing).
    #[serde(default)]
    pub id: String,
    /// The scenario's name.
    #[serde(default)]
    pub name: Text,
    /// One line on what it represents and its sources.
    #[serde(default)]
    pub description: Text,
    /// First calendar year simulated.
    pub start_year: i32,
    /// Last calendar year simulated (inclusive).
    pub end_year: i32,
    /// Length of one duo, in months (6 in the Actiris format, E9).
    #[serde(default = "six")]
    pub duration_months: f64,
    /// How many duos the programme plans to start each year.
    pub intake: Intake,
    /// Money available each year, or unlimited.
    pub budget: Budget,
    /// Public cost of one duo, in EUR of `cost_price_year`.
    pub cost_per_duo: Param,
    /// The year whose prices `cost_per_duo` is in; a fraction for an average
    /// over several years (2025.5 for 2024-2027). Default: `start_year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_price_year: Option<f64>,
    /// Yearly growth of prices (indexation), e.g. 0.02: it brings money of
    /// one year's prices to another's.
    pub cost_indexation: Param,
    /// Fixed programme cost per year, in EUR, on top of the cost per duo.
    #[serde(default = "zero_param")]
    pub fixed_cost: Param,
    /// Volunteer mentors: the pool and how many duos each can take a year.
    pub mentors: Mentors,
    /// Share of the planned duos that actually form (before money and
    /// mentors limit them).
    pub realisation: Param,
    /// What happens to the mentees, per duo started.
    pub outcomes: Outcomes,
    /// What mentoring changes: the effect on the chance of being in work,
    /// or the chance without mentoring (the counterfactual).
    pub counterfactual: Counterfactual,
    /// Share of the public cost paid by the European Social Fund Plus.
    pub esf_share: Param,
    /// Returns to public finances from additional jobs.
    pub fiscal: Fiscal,
    /// Targets whose probability the run reports.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// The partners that run the programme, each with its share of the
    /// money, the intake and the mentors ([`crate::model::partners`]); none:
    /// the programme runs as one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<crate::model::partners::Partner>,
}

fn six() -> f64 {
    6.0
}
fn zero_param() -> Param {
    Param::fixed(0.0)
}

/// What happens to the mentees: mutually exclusive exits, each rate
/// conditional on the exits before it, so that their means reproduce the
/// sources (in work; else self-employed; else training or studies; else none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// Share of duos that end early (does not change the mentee's outcome).
    pub dropout: Param,
    /// Share of mentees in work within 12 months after the duo.
    pub employed: Param,
    /// Share of the employed on a permanent contract.
    pub permanent_share: Param,
    /// Share of the mentees not in work who become self-employed.
    pub self_employed: Param,
    /// Share of the mentees neither in work nor self-employed who go into
    /// training, an internship or studies.
    pub training: Param,
}

/// What an additional month in work is worth, and to whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fiscal {
    /// The year whose prices the monthly amounts below are in.
    pub price_year: f64,
    /// Share of mentees on an unemployment or insertion allowance (paid by
    /// the federal social security).
    pub unemployment_share: Param,
    /// That allowance per month, EUR.
    pub unemployment_month: Param,
    /// Share of mentees on the social integration income (paid by the CPAS).
    pub integration_share: Param,
    /// That income per month, EUR.
    pub integration_month: Param,
    /// Share of that income the federal state refunds to the CPAS: of each
    /// euro saved, this share is a federal saving and the rest the CPAS's.
    #[serde(default = "zero_param")]
    pub integration_refund: Param,
    /// Social contributions and taxes gained per month in work (federal), EUR.
    pub contributions_month: Param,
    /// The worker's net earnings per month in work, EUR.
    pub net_earnings_month: Param,
    /// What comes back to the Region per month in work (its taxes), EUR.
    #[serde(default = "zero_param")]
    pub regional_return_month: Param,
    /// Share of the additional jobs taken from other job seekers.
    #[serde(default = "zero_param")]
    pub displacement: Param,
    /// Months worked in the first year of the job.
    pub months_in_work_first_year: Param,
    /// Yearly chance of losing the job again.
    pub employment_decay: Param,
    /// Share of the additional employment still there one year later, each
    /// year (one minus the yearly catch-up of the comparison group). Left
    /// out: a named set's, else 1 (the effect lasts the whole horizon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistence: Option<Param>,
    /// The named set `persistence` comes from (`crate::model::persistence`),
    /// if any; without `persistence`, the run draws from that set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistence_prior: Option<String>,
    /// Real discount rate a year.
    pub discount_rate: Param,
    /// Years over which a job's returns count (1-10).
    pub horizon_years: u32,
    /// Volunteer hours per duo (valued apart, never in the ratio).
    #[serde(default = "zero_param")]
    pub volunteer_hours_per_duo: Param,
    /// Shadow wage per volunteer hour, EUR.
    #[serde(default = "zero_param")]
    pub shadow_wage_hour: Param,
    /// Life satisfaction (points from 0 to 10) a person gains for a year in
    /// work rather than unemployed, beyond what the income brings (the
    /// wellbeing account, kept apart from money).
    #[serde(default = "zero_param")]
    pub wellbeing_points: Param,
    /// The value of one point of life satisfaction for one person for one
    /// year (a WELLBY), EUR in the prices of `price_year`.
    #[serde(default = "zero_param")]
    pub wellby_value: Param,
}

/// Whether a target counts a running total or one year's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// The total from `start_year` to the end of `year`.
    Cumulative,
    /// The level in `year` alone.
    Annual,
}

/// A target such as "4,400 mentored by 2028".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What the target says, in three languages.
    #[serde(default)]
    pub label: Text,
    /// A yearly series: `duos_started`, `employed`, `positive_exits`, ...
    pub metric: String,
    /// Cumulative or annual.
    pub kind: TargetKind,
    /// The year by which (cumulative) or in which (annual) it is to be met.
    pub year: i32,
    /// The level to reach.
    pub value: f64,
    /// Where the target comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What the target means in this scenario and why its chance is what it
    /// is (a target equal to the plan, say, is met only if every planned
    /// duo forms), in three languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Reads a scenario from JSON; a failure names the field
/// (`outcomes.employed: invalid type: string "high", expected ...`).
///
/// Its sizes are checked first ([`crate::model::limits::check_text`]), so that no
/// input makes reading it slow.
pub fn from_json(text: &str) -> Result<Scenario, Error> {
    crate::model::limits::check_text(text).map_err(Error::Parse)?;
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let mut field = crate::model::error::known_field(&path).to_string();
        let inner = e.into_inner();
        // serde names a missing field in its message, at the object that
        // lacks it: name it as the field instead.
        let said = inner.to_string();
        if let Some(name) = said
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name)
        {
            if !field.is_empty() {
                field.push('.');
            }
            field.push_str(name);
            return Error::Parse(Problem {
                field,
                message: "this required field is missing".into(),
            });
        }
        let message = match non_finite_at(text, inner.line(), inner.column()) {
            Some(token) => format!(
                "{token} is not a number JSON can hold: give a finite number, at line {} column {}",
                inner.line(),
                inner.column()
            ),
            None => crate::model::error::plain_words(&said),
        };
        Error::Parse(Problem { field, message })
    })
}

/// The `NaN` or infinity written where a parse error stopped (1-based line
/// and column), if that is what stopped it: JSON has no such numbers, and
/// serde's "expected value" does not say so.
fn non_finite_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let line = text.lines().nth(line.checked_sub(1)?)?;
    let mut start = column.checked_sub(1)?;
    // serde stops after the sign of `-Infinity`: quote the token as written.
    if start > 0 && matches!(line.as_bytes().get(start - 1), Some(b'-' | b'+')) {
        start -= 1;
    }
    let rest = line.get(start..)?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '+'))
        .unwrap_or(rest.len());
    let token = &rest[..end];
    let bare = token.trim_start_matches(['-', '+']).to_ascii_lowercase();
    matches!(bare.as_str(), "nan" | "inf" | "infinity").then_some(token)
}

impl Scenario {
    /// The year whose prices `cost_per_duo` is in.
    pub fn cost_price_year(&self) -> f64 {
        self.cost_price_year
            .unwrap_or_else(|| f64::from(self.start_year))
    }

    /// The simulated years, `start_year..=end_year`.
    pub fn years(&self) -> Vec<i32> {
        (self.start_year..=self.end_year).collect()
    }
}
