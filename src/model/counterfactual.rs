//! The counterfactual of a scenario (or of a partner): what mentoring
//! changes, in the form the evidence comes in.

use crate::model::distribution::Param;
use serde::{Deserialize, Serialize};

/// The counterfactual, in the form the evidence comes in: exactly one of
/// `effect` and `baseline`, both over the window of `outcomes.employed`
/// ([`Counterfactual::form`] reads which).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counterfactual {
    /// The named evidence prior this comes from (`crate::model::priors`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior: Option<String>,
    /// Mentoring's effect on the chance of being in work, as a share
    /// (0.05 = 5 percentage points); may be negative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Param>,
    /// Or: the chance that the same people are in work without mentoring;
    /// the effect is then the gross rate minus this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Param>,
    /// Or: the odds ratio of being in work, with mentoring against without,
    /// carried over from a trial and applied at the mentees' own rate: the
    /// rate without mentoring is the one whose odds, times this, are the
    /// odds of the gross rate, and the effect is the gross rate minus it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub odds_ratio: Option<Param>,
}
