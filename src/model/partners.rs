//! The partners of a programme: organisations that each run part of it,
//! with their own share of the money, of the planned intake and of the
//! mentors, and, where they set them, their own cost per duo, rates and
//! counterfactual. The programme is the partners' sum, trial by trial
//! (`docs/MODEL.md`, "Partners").
//!
//! A partner is read as the programme's scenario with the partner's own
//! fields in place of the programme's (`Scenario::partner_scenario`, in
//! [`crate::model::partnered`]); a
//! parameter the partner does not set is the programme's, one draw per
//! trial shared by every partner (what is uncertain about it is uncertain
//! for all of them); a parameter it sets is its own, drawn from its own
//! stream.

use crate::model::counterfactual::Counterfactual;
use crate::model::distribution::Param;
use crate::model::programme::{Budget, Intake, Mentors};
use crate::model::text::{Note, Text};
use serde::{Deserialize, Serialize};

/// Most partners a programme may have.
pub const MAX_PARTNERS: usize = 12;

/// How far a list of shares may be from summing to 1.
pub const SHARE_TOLERANCE: f64 = 1e-6;

/// A partner's share of something, and whether it has its own instead.
pub type ShareOf = fn(&Partner) -> (f64, bool);

/// The three shares a partner has, by field name, with the field of its own
/// that may take a share's place.
pub const SHARES: [(&str, &str, ShareOf); 3] = [
    ("budget_share", "budget", |q| {
        (q.budget_share, q.budget.is_some())
    }),
    ("intake_share", "intake", |q| {
        (q.intake_share, q.intake.is_some())
    }),
    ("mentor_share", "mentors", |q| {
        (q.mentor_share, q.mentors.is_some())
    }),
];

impl Partner {
    /// What its share of the programme's money, intake and mentors scales
    /// them by: its share, or 1 where it has its own.
    pub fn scale(&self) -> [f64; 3] {
        SHARES.map(|(_, _, of)| match of(self) {
            (_, true) => 1.0,
            (share, false) => share,
        })
    }
}

/// One partner of a programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// A short identifier, unique in the scenario (`duo-for-a-job`).
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Text,
    /// Whom it serves, in a line.
    #[serde(default)]
    pub serves: Text,
    /// Its share of the programme's budget each year (and of the fixed
    /// cost), from 0 to 1; the partners' shares add up to 1.
    pub budget_share: f64,
    /// Its share of the programme's planned intake, from 0 to 1; the
    /// partners' shares add up to 1.
    pub intake_share: f64,
    /// Its share of the programme's mentor pool (the mentors at the start
    /// and the recruits), from 0 to 1; the partners' shares add up to 1.
    pub mentor_share: f64,
    /// Its own planned intake, in place of a share of the programme's
    /// (its `intake_share` is then 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake: Option<Intake>,
    /// Its own money each year, in place of a share of the programme's
    /// (its `budget_share` is then 0; it bears no share of the fixed cost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// Its own mentors (its pool and the duos a mentor takes), in place of a
    /// share of the programme's pool (its `mentor_share` is then 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentors: Option<Mentors>,
    /// Its own public cost of one duo, in EUR of `cost_price_year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_duo: Option<Param>,
    /// The year whose prices its `cost_per_duo` is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_price_year: Option<f64>,
    /// Its own share of planned duos that form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realisation: Option<Param>,
    /// Its own outcome rates, each where it has one.
    #[serde(default, skip_serializing_if = "PartnerOutcomes::is_empty")]
    pub outcomes: PartnerOutcomes,
    /// Its own values of public-finance parameters, by name under `fiscal`
    /// (`{"unemployment_share": {...}}`); the others are the programme's.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fiscal: std::collections::BTreeMap<String, Param>,
    /// Its own counterfactual (otherwise the programme's, shared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterfactual: Option<Counterfactual>,
    /// True when no results of the partner's own are published: its rates
    /// are the programme's, or assumptions, and the page and the report say so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_published_results: bool,
    /// Where its figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note on the partner: a text, or one per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

/// A partner's own outcome rates, each where it sets one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerOutcomes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropout: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employed: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permanent_share: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_employed: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<Param>,
}

impl PartnerOutcomes {
    /// True when the partner sets none of its own.
    pub fn is_empty(&self) -> bool {
        *self == PartnerOutcomes::default()
    }
}
