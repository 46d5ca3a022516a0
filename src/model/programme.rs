//! The parts of a programme that a partner may also have of its own: its
//! planned intake, its money and its mentors.

use crate::model::distribution::Param;
use crate::model::text::Note;
use serde::{Deserialize, Serialize};

/// The planned intake of duos per year: exactly one of the three forms
/// ([`Intake::plan`](crate::model::forms::IntakePlan) reads which).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    /// One number per year, `start_year..=end_year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<Vec<f64>>,
    /// A start level in `start_year` growing by `rate` a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<Growth>,
    /// `[year, level]` points joined by straight lines, flat beyond the ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Vec<(i32, f64)>>,
    /// Where the plan comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// True when the plan is assumed rather than announced.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumption: bool,
    /// A note on the plan: a text, or one per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

/// A level that grows by a fixed rate each year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    /// Level in `start_year`.
    pub start: f64,
    /// Yearly growth, e.g. 0.05 for +5 % a year.
    pub rate: f64,
}

/// Money available per year, in EUR: exactly one of the three forms
/// ([`Budget::plan`](crate::model::forms::BudgetPlan) reads which).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The same amount every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constant: Option<f64>,
    /// One amount per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<Vec<f64>>,
    /// No money limit: the run reports the budget needed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unlimited: bool,
    /// Where the budget comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note on the budget: a text, or one per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

/// The mentor side of the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mentors {
    /// The pool of volunteers, or unlimited (the run reports how many are needed).
    pub pool: Pool,
    /// Duos one active mentor can take on in a year.
    pub duos_per_mentor_year: Param,
}

/// A mentor pool, or no limit: `"unlimited"` or `{initial, recruits_per_year, retention}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pool {
    /// Mentors never limit the intake.
    Unlimited,
    /// A pool that keeps a share of its mentors and recruits new ones each year.
    #[serde(untagged)]
    Limited(Box<PoolSize>),
}

impl<'de> Deserialize<'de> for Pool {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct PoolVisitor;
        impl<'de> Visitor<'de> for PoolVisitor {
            type Value = Pool;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"unlimited\" or an object {initial, recruits_per_year, retention}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Pool, E> {
                match v {
                    "unlimited" => Ok(Pool::Unlimited),
                    other => Err(E::custom(format!(
                        "expected \"unlimited\" or a pool object, got \"{other}\""
                    ))),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Pool, A::Error> {
                let size = PoolSize::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Pool::Limited(Box::new(size)))
            }
        }
        d.deserialize_any(PoolVisitor)
    }
}

/// `mentors[t+1] = Binomial(mentors[t], retention) + round(recruits_per_year)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolSize {
    /// Active mentors in `start_year`.
    pub initial: Param,
    /// New mentors each year.
    pub recruits_per_year: Param,
    /// Share of mentors who stay for another year.
    pub retention: Param,
    /// A recruitment plan: the mentors recruited in each simulated year
    /// (`start_year..=end_year`), who mentor from the next year on. When
    /// given, it takes the place of `recruits_per_year` (still drawn, from
    /// its own stream, so that every other draw stays as it was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recruits_by_year: Option<Vec<f64>>,
}
