//! Uncertain inputs: a distribution, where it comes from, and the values it
//! may take.
//!
//! In JSON a parameter is either a bare number (a fixed value) or an object
//! naming its distribution, with optional provenance:
//!
//! ```text
//! 0.65
//! {"dist": "fixed", "value": 0.65, "source": "E5"}
//! {"dist": "beta", "events": 1701, "non_events": 999, "source": "E3"}
//! {"dist": "pert", "min": 1300, "mode": 2000, "max": 2400, "source": "E12, E18"}
//! {"dist": "triangular", "min": 3, "mode": 6, "max": 9, "assumption": true}
//! {"dist": "uniform", "min": 0.015, "max": 0.03, "assumption": true}
//! {"dist": "normal", "mean": 0.3, "sd": 0.05, "assumption": true}
//! {"dist": "lognormal", "p5": 800, "p95": 1500, "assumption": true}
//! {"dist": "fixed", "value": 0.03, "assumption": true, "note": "a real rate by convention"}
//! {"dist": "fixed", "value": 0.03, "note": {"en": "...", "fr": "...", "nl": "..."}}
//! ```
//!
//! A `note` is a text, or one per language ([`crate::model::text::Note`]).
//!
//! Here are the distributions, their checks and their means; a parameter's
//! summary for the reader is in `summary.rs`, its JSON form in `json.rs`,
//! and drawing it is the engine's ([`crate::engine::sampler`]).

mod json;
mod summary;

use crate::model::error::Problems;
use crate::model::limits::MAX_VALUE;
use crate::model::text::Note;
use serde::Serialize;

/// z such that P(Z < z) = 0.95 for a standard normal Z.
const Z95: f64 = 1.644_853_626_951_472_2;

/// The distributions a parameter may take and the fields each needs, as a
/// scenario writes them.
pub const DIST_FIELDS: &[(&str, &[&str])] = &[
    ("fixed", &["value"]),
    ("beta", &["events", "non_events"]),
    ("pert", &["min", "mode", "max"]),
    ("triangular", &["min", "mode", "max"]),
    ("uniform", &["min", "max"]),
    ("normal", &["mean", "sd"]),
    ("lognormal", &["p5", "p95"]),
];

/// A probability distribution over one real number.
#[derive(Debug, Clone, PartialEq)]
pub enum Dist {
    /// Always `value`.
    Fixed(f64),
    /// Beta(`events`, `non_events`): a rate observed as counts.
    /// Mean `events / (events + non_events)`.
    Beta { events: f64, non_events: f64 },
    /// PERT on `[min, max]` with the given mode (shape 4).
    /// Mean `(min + 4 mode + max) / 6`.
    Pert { min: f64, mode: f64, max: f64 },
    /// Triangular on `[min, max]` with the given mode. Mean `(min + mode + max) / 3`.
    Triangular { min: f64, mode: f64, max: f64 },
    /// Uniform on `[min, max)`.
    Uniform { min: f64, max: f64 },
    /// Normal(`mean`, `sd`), clipped to the parameter's allowed range.
    Normal { mean: f64, sd: f64 },
    /// Lognormal whose 5th and 95th percentiles are `p5` and `p95`:
    ///
    /// ```text
    /// mu = (ln p5 + ln p95) / 2,   sigma = (ln p95 - ln p5) / (2 * 1.6449)
    /// ```
    LogNormal { p5: f64, p95: f64 },
}

/// A parameter: its distribution and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// What the parameter may be.
    pub dist: Dist,
    /// An EVIDENCE row id (`"E3"`, `"E12, E18"`) or a link.
    pub source: Option<String>,
    /// True when no source backs the figure: shown as an assumption.
    pub assumption: bool,
    /// A short note on how the figure was derived: a text, or one per
    /// language (`{"en": ..., "fr": ..., "nl": ...}`).
    pub note: Option<Note>,
}

/// What values a parameter may take; decides validation and clipping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// A share in `[0, 1]`.
    Rate,
    /// Money, counts or durations: zero or more.
    NonNegative,
    /// A yearly growth rate: above -1.
    Growth,
    /// Months of one year: from 0 to 12.
    MonthsOfYear,
    /// A change in a rate (an effect in share points): from -1 to 1.
    Effect,
}

impl Param {
    /// A fixed value with no provenance.
    pub fn fixed(value: f64) -> Self {
        Param {
            dist: Dist::Fixed(value),
            source: None,
            assumption: false,
            note: None,
        }
    }

    /// The mean of the distribution before any clipping.
    ///
    /// ```
    /// use mentorsim::model::distribution::{Dist, Param};
    /// let p = Param { dist: Dist::Beta { events: 63.0, non_events: 37.0 }, ..Param::fixed(0.0) };
    /// assert!((p.mean() - 0.63).abs() < 1e-12);
    /// ```
    pub fn mean(&self) -> f64 {
        match self.dist {
            Dist::Fixed(v) => v,
            Dist::Beta { events, non_events } => events / (events + non_events),
            Dist::Pert { min, mode, max } => (min + 4.0 * mode + max) / 6.0,
            Dist::Triangular { min, mode, max } => (min + mode + max) / 3.0,
            Dist::Uniform { min, max } => (min + max) / 2.0,
            Dist::Normal { mean, .. } => mean,
            Dist::LogNormal { p5, p95 } => {
                let (mu, sigma) = lognormal_mu_sigma(p5, p95);
                libm::exp(mu + sigma * sigma / 2.0)
            }
        }
    }

    /// True when the parameter has no uncertainty.
    pub fn is_fixed(&self) -> bool {
        matches!(self.dist, Dist::Fixed(_))
    }

    /// Checks the parameter against its domain, adding one problem per fault
    /// to `problems` under `field`: first the distribution's own numbers,
    /// then, if they are sound, its range against the domain.
    pub fn check(&self, field: &str, domain: Domain, problems: &mut Problems) {
        let before = problems.len();
        self.check_numbers(field, problems);
        if problems.len() == before {
            self.check_range(field, domain, problems);
        }
    }

    /// The distribution's own numbers: finite, and in the order its form needs.
    fn check_numbers(&self, field: &str, problems: &mut Problems) {
        let before = problems.len();
        let finite = |name: &str, v: f64, problems: &mut Problems| {
            if !v.is_finite() {
                problems.push(field, format!("{name} must be a finite number, got {v}"));
            }
        };
        match self.dist {
            Dist::Fixed(v) => finite("the value", v, problems),
            Dist::Beta { events, non_events } => {
                finite("events", events, problems);
                finite("non_events", non_events, problems);
                if problems.len() == before && (events <= 0.0 || non_events <= 0.0) {
                    problems.push(
                        field,
                        format!(
                            "Beta counts must both be above zero, got events {events} and non_events {non_events}"
                        ),
                    );
                }
            }
            Dist::Pert { min, mode, max } | Dist::Triangular { min, mode, max } => {
                finite("min", min, problems);
                finite("mode", mode, problems);
                finite("max", max, problems);
                if problems.len() == before && !(min < max && min <= mode && mode <= max) {
                    problems.push(
                        field,
                        format!("need min <= mode <= max and min < max, got min {min}, mode {mode}, max {max}"),
                    );
                }
            }
            Dist::Uniform { min, max } => {
                finite("min", min, problems);
                finite("max", max, problems);
                if problems.len() == before && min >= max {
                    problems.push(
                        field,
                        format!("min must be below max, got min {min} and max {max}"),
                    );
                }
            }
            Dist::Normal { mean, sd } => {
                finite("mean", mean, problems);
                finite("sd", sd, problems);
                if problems.len() == before && sd <= 0.0 {
                    problems.push(field, format!("sd must be above zero, got {sd}"));
                }
            }
            Dist::LogNormal { p5, p95 } => {
                finite("p5", p5, problems);
                finite("p95", p95, problems);
                if problems.len() == before && !(0.0 < p5 && p5 < p95) {
                    problems.push(
                        field,
                        format!("need 0 < p5 < p95, got p5 {p5} and p95 {p95}"),
                    );
                }
            }
        }
    }

    /// The range the distribution's draws can take, against the domain.
    fn check_range(&self, field: &str, domain: Domain, problems: &mut Problems) {
        let (lo, hi) = self.support();
        match domain {
            Domain::Rate if lo < 0.0 || hi > 1.0 => {
                let shown = if lo < 0.0 { lo } else { hi };
                problems.push(
                    field,
                    format!("a rate must be between 0 and 1, got {shown}"),
                );
            }
            Domain::NonNegative if lo < 0.0 => {
                problems.push(field, format!("must be zero or more, got {lo}"));
            }
            Domain::Effect if lo < -1.0 || hi > 1.0 => {
                let shown = if lo < -1.0 { lo } else { hi };
                problems.push(
                    field,
                    format!("an effect on a rate must be between -1 and 1 (-100 to +100 points), got {shown}"),
                );
            }
            Domain::MonthsOfYear if lo < 0.0 || hi > 12.0 => {
                let shown = if lo < 0.0 { lo } else { hi };
                problems.push(
                    field,
                    format!("must be between 0 and 12 months (one year), got {shown}"),
                );
            }
            _ if hi > MAX_VALUE => {
                problems.push(field, format!("must be at most {MAX_VALUE}, got {hi}"));
            }
            Domain::Growth if lo <= -1.0 => {
                problems.push(
                    field,
                    format!("a yearly growth rate must be above -1, got {lo}"),
                );
            }
            _ => {}
        }
    }

    /// The range validation looks at: the bounds for bounded distributions,
    /// the mean for the normal (its draws are clipped to the domain) and the
    /// interval ends for the lognormal.
    fn support(&self) -> (f64, f64) {
        match self.dist {
            Dist::Fixed(v) => (v, v),
            Dist::Beta { .. } => (0.0, 1.0),
            Dist::Pert { min, max, .. }
            | Dist::Triangular { min, max, .. }
            | Dist::Uniform { min, max } => (min, max),
            Dist::Normal { mean, .. } => (mean, mean),
            Dist::LogNormal { p5, p95 } => (p5, p95),
        }
    }
}

/// What a reader is told about a parameter: the mean, the median and the
/// 90 % interval of its draws (after clipping to its domain).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ParamSummary {
    /// Mean of the draws.
    pub mean: f64,
    /// Median of the draws.
    pub median: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Domain {
    /// The interval draws are clipped to.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Domain::Rate => (0.0, 1.0),
            Domain::NonNegative => (0.0, f64::INFINITY),
            Domain::Growth => (-1.0, f64::INFINITY),
            Domain::MonthsOfYear => (0.0, 12.0),
            Domain::Effect => (-1.0, 1.0),
        }
    }
}
/// The `mu` and `sigma` of the lognormal whose 5th and 95th percentiles
/// are `p5` and `p95`.
pub fn lognormal_mu_sigma(p5: f64, p95: f64) -> (f64, f64) {
    let (a, b) = (libm::log(p5), libm::log(p95));
    ((a + b) / 2.0, (b - a) / (2.0 * Z95))
}
