//! Uncertain inputs: a distribution, where it comes from, and how to draw it.
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
//! Every sampler routes its floating-point maths through `libm` (via
//! `rand_distr` without `std_math`) or through IEEE operations that are exact
//! on every target, so a seed gives the same bits natively and in WebAssembly.

use crate::model::error::Problems;
use crate::model::text::Note;
use rand::Rng;
use rand_distr::{Beta, Distribution, Gamma, LogNormal, Normal, Triangular, Uniform};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Largest value any parameter's range may reach: far above any real cost,
/// count or rate, and low enough that sums over trials stay exact.
pub const MAX_VALUE: f64 = 1e9;

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
    /// to `problems` under `field`.
    pub fn check(&self, field: &str, domain: Domain, problems: &mut Problems) {
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
        if problems.len() != before {
            return;
        }
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

impl Param {
    /// The mean, median and 90 % interval of the parameter's draws, clipped
    /// to `domain` as the engine clips them (inverse CDFs from statrs).
    /// Quantiles commute with clipping; the mean of a clipped normal or
    /// lognormal is computed in closed form:
    ///
    /// ```text
    /// E[clip(X, a, b)] = a F(a) + b (1 - F(b)) + integral_a^b x f(x) dx
    /// normal:    integral = mu (F(b) - F(a)) - sigma^2 (f(b) - f(a))
    /// lognormal: integral = e^(mu + sigma^2/2) (Phi((ln b - mu - sigma^2)/sigma) - Phi((ln a - mu - sigma^2)/sigma))
    /// ```
    ///
    /// `None` for a parameter that [`Param::check`] rejects.
    ///
    /// ```
    /// use mentorsim::model::distribution::{Dist, Domain, Param};
    /// let p = Param { dist: Dist::LogNormal { p5: 800.0, p95: 1500.0 }, ..Param::fixed(0.0) };
    /// let s = p.summary(Domain::NonNegative).unwrap();
    /// assert!((s.median - (800.0f64 * 1500.0).sqrt()).abs() < 1e-6);
    /// assert!(s.mean > s.median);
    /// assert!((s.p95 - 1500.0).abs() < 1e-6);
    /// ```
    pub fn summary(&self, domain: Domain) -> Option<ParamSummary> {
        use statrs::distribution::{
            Beta as SBeta, Continuous, ContinuousCDF, Normal as SNormal, Triangular as STri,
            Uniform as SUni,
        };
        let (lo, hi) = domain.bounds();
        let clip = |x: f64| x.clamp(lo, hi);
        let quantiles = |q: &dyn Fn(f64) -> f64, mean: f64| ParamSummary {
            mean,
            median: clip(q(0.5)),
            p5: clip(q(0.05)),
            p95: clip(q(0.95)),
        };
        let summary = match self.dist {
            Dist::Fixed(v) => {
                let v = clip(v);
                ParamSummary {
                    mean: v,
                    median: v,
                    p5: v,
                    p95: v,
                }
            }
            Dist::Beta { events, non_events } => {
                SBeta::new(events, non_events).ok()?;
                quantiles(&|p| beta_quantile(events, non_events, p), self.mean())
            }
            Dist::Pert { min, mode, max } => {
                // PERT is a Beta on [min, max] with shapes 1 + 4 (mode - min) / range, 1 + 4 (max - mode) / range.
                let range = max - min;
                let (a, b) = (
                    1.0 + 4.0 * (mode - min) / range,
                    1.0 + 4.0 * (max - mode) / range,
                );
                SBeta::new(a, b).ok()?;
                quantiles(&|p| min + range * beta_quantile(a, b, p), self.mean())
            }
            Dist::Triangular { min, mode, max } => {
                let d = STri::new(min, max, mode).ok()?;
                quantiles(&|p| d.inverse_cdf(p), self.mean())
            }
            Dist::Uniform { min, max } => {
                let d = SUni::new(min, max).ok()?;
                quantiles(&|p| d.inverse_cdf(p), self.mean())
            }
            Dist::Normal { mean, sd } => {
                let d = SNormal::new(mean, sd).ok()?;
                let (f_lo, f_hi) = (d.cdf(lo), d.cdf(hi));
                let dens = |x: f64| if x.is_finite() { d.pdf(x) } else { 0.0 };
                let edge = |x: f64, w: f64| if w > 0.0 { x * w } else { 0.0 };
                let inner = mean * (f_hi - f_lo) - sd * sd * (dens(hi) - dens(lo));
                let m = edge(lo, f_lo) + edge(hi, 1.0 - f_hi) + inner;
                quantiles(&|p| d.inverse_cdf(p), m)
            }
            Dist::LogNormal { p5, p95 } => {
                let (mu, sigma) = lognormal_mu_sigma(p5, p95);
                let z = SNormal::new(0.0, 1.0).ok()?;
                let cdf_ln = |x: f64| {
                    if x <= 0.0 {
                        0.0
                    } else {
                        z.cdf((libm::log(x) - mu) / sigma)
                    }
                };
                let partial = |x: f64| {
                    if x <= 0.0 {
                        0.0
                    } else {
                        z.cdf((libm::log(x) - mu - sigma * sigma) / sigma)
                    }
                };
                let full = libm::exp(mu + sigma * sigma / 2.0);
                let (f_lo, f_hi) = (cdf_ln(lo), cdf_ln(hi));
                let edge = |x: f64, w: f64| if w > 0.0 { x * w } else { 0.0 };
                let m = edge(lo, f_lo) + edge(hi, 1.0 - f_hi) + full * (partial(hi) - partial(lo));
                quantiles(&|p| libm::exp(mu + sigma * z.inverse_cdf(p)), m)
            }
        };
        [summary.mean, summary.median, summary.p5, summary.p95]
            .iter()
            .all(|x| x.is_finite())
            .then_some(summary)
    }
}

/// The `p` quantile of a Beta(`a`, `b`) distribution, `0 < p < 1`: the least
/// double in [0, 1] at which the regularised incomplete beta function (statrs'
/// `beta_reg`, a continued fraction of at most 140 terms) reaches `p`, found
/// by bisection on the doubles' bit patterns, which order the non-negative
/// doubles as their values do: at most 62 steps, whatever the shapes.
/// statrs' own inverse (Newton steps of AS 109) has no step limit, and never
/// returned for shapes such as (10,000,000, 0.73); its lower tail is known
/// to hang and to panic too (statrs-dev/statrs issue 435, open).
fn beta_quantile(a: f64, b: f64, p: f64) -> f64 {
    use statrs::function::beta::beta_reg;
    // Invariant: the CDF is below p at `lo` and reaches it at `hi`.
    let (mut lo, mut hi) = (0u64, 1f64.to_bits());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if beta_reg(a, b, f64::from_bits(mid)) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    f64::from_bits(hi)
}

fn lognormal_mu_sigma(p5: f64, p95: f64) -> (f64, f64) {
    let (a, b) = (libm::log(p5), libm::log(p95));
    ((a + b) / 2.0, (b - a) / (2.0 * Z95))
}

/// Beta(a, b) draws.
///
/// When both shapes are at least 1 (every PERT, and a Beta from at least one
/// event and one non-event), a draw is `X / (X + Y)` with `X ~ Gamma(a)` and
/// `Y ~ Gamma(b)` (the beta density's properties in Devroye 1986,
/// *Non-Uniform Random Variate Generation*, chapter IX), each by Marsaglia
/// and Tsang's method (ACM TOMS 26(3), 2000, as `rand_distr::Gamma`
/// implements it). Its rejection step mostly
/// passes on a squeeze of a few products, where Cheng's algorithm (1978,
/// `rand_distr::Beta`) takes a logarithm and an exponential a draw: measured
/// here, about 25 ns a draw against 70 to 85. Below a shape of 1 the Gamma
/// draws take a power that can underflow to 0 for both, so Cheng's
/// algorithm stays there.
#[derive(Debug, Clone)]
enum BetaDraw {
    Ratio(Gamma<f64>, Gamma<f64>),
    Cheng(Beta<f64>),
}

impl BetaDraw {
    fn new(a: f64, b: f64) -> Option<BetaDraw> {
        if a >= 1.0 && b >= 1.0 {
            Some(BetaDraw::Ratio(
                Gamma::new(a, 1.0).ok()?,
                Gamma::new(b, 1.0).ok()?,
            ))
        } else {
            Some(BetaDraw::Cheng(Beta::new(a, b).ok()?))
        }
    }

    #[inline]
    fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match self {
            BetaDraw::Ratio(x, y) => {
                let x = x.sample(rng);
                let y = y.sample(rng);
                // Both are positive (shapes of at least 1 draw no zero).
                x / (x + y)
            }
            BetaDraw::Cheng(d) => d.sample(rng),
        }
    }
}

/// A ready-to-draw form of a validated [`Param`].
#[derive(Debug, Clone)]
pub struct Sampler {
    kind: SamplerKind,
    lo: f64,
    hi: f64,
}

#[derive(Debug, Clone)]
enum SamplerKind {
    Fixed(f64),
    /// `min + range * Beta`: a Beta is `{min: 0, range: 1}`, a PERT its
    /// Beta stretched over `[min, max]`.
    Beta {
        beta: BetaDraw,
        min: f64,
        range: f64,
    },
    Triangular(Triangular<f64>),
    Uniform(Uniform<f64>),
    Normal(Normal<f64>),
    LogNormal(LogNormal<f64>),
}

impl Sampler {
    /// Builds the sampler; draws are clipped to `domain`. Returns `None` only
    /// for a parameter that [`Param::check`] rejects.
    pub fn new(param: &Param, domain: Domain) -> Option<Self> {
        let kind = match param.dist {
            Dist::Fixed(v) => SamplerKind::Fixed(v),
            Dist::Beta { events, non_events } => SamplerKind::Beta {
                beta: BetaDraw::new(events, non_events)?,
                min: 0.0,
                range: 1.0,
            },
            Dist::Pert { min, mode, max } => {
                // PERT's shapes, with the usual weight of 4 on the mode.
                let range = max - min;
                if !(range > 0.0 && (min..=max).contains(&mode)) {
                    return None;
                }
                SamplerKind::Beta {
                    beta: BetaDraw::new(
                        1.0 + 4.0 * (mode - min) / range,
                        1.0 + 4.0 * (max - mode) / range,
                    )?,
                    min,
                    range,
                }
            }
            Dist::Triangular { min, mode, max } => {
                SamplerKind::Triangular(Triangular::new(min, max, mode).ok()?)
            }
            Dist::Uniform { min, max } => SamplerKind::Uniform(Uniform::new(min, max).ok()?),
            Dist::Normal { mean, sd } => SamplerKind::Normal(Normal::new(mean, sd).ok()?),
            Dist::LogNormal { p5, p95 } => {
                let (mu, sigma) = lognormal_mu_sigma(p5, p95);
                SamplerKind::LogNormal(LogNormal::new(mu, sigma).ok()?)
            }
        };
        let (lo, hi) = domain.bounds();
        Some(Sampler { kind, lo, hi })
    }

    /// One draw, clipped to the domain.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        let x = match &self.kind {
            SamplerKind::Fixed(v) => *v,
            SamplerKind::Beta { beta, min, range } => min + range * beta.sample(rng),
            SamplerKind::Triangular(d) => d.sample(rng),
            SamplerKind::Uniform(d) => d.sample(rng),
            SamplerKind::Normal(d) => d.sample(rng),
            SamplerKind::LogNormal(d) => d.sample(rng),
        };
        x.clamp(self.lo, self.hi)
    }

    /// The value of every draw, when there is no uncertainty.
    pub fn fixed_value(&self) -> Option<f64> {
        match self.kind {
            SamplerKind::Fixed(v) => Some(v.clamp(self.lo, self.hi)),
            _ => None,
        }
    }
}

/// The JSON object form, before its fields are checked against `dist`.
#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
struct RawParam {
    dist: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    non_events: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mode: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mean: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sd: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p5: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p95: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    assumption: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<Note>,
}

impl RawParam {
    fn into_param(self) -> Result<Param, String> {
        let given: Vec<&str> = [
            ("value", self.value),
            ("events", self.events),
            ("non_events", self.non_events),
            ("min", self.min),
            ("mode", self.mode),
            ("max", self.max),
            ("mean", self.mean),
            ("sd", self.sd),
            ("p5", self.p5),
            ("p95", self.p95),
        ]
        .iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| *k)
        .collect();
        let expect = |names: &[&str]| -> Result<(), String> {
            let missing: Vec<&str> = names
                .iter()
                .copied()
                .filter(|n| !given.contains(n))
                .collect();
            let extra: Vec<&str> = given
                .iter()
                .copied()
                .filter(|g| !names.contains(g))
                .collect();
            if !missing.is_empty() {
                return Err(format!(
                    "a {} distribution needs {}",
                    self.dist,
                    missing.join(", ")
                ));
            }
            if !extra.is_empty() {
                return Err(format!(
                    "a {} distribution takes no {}",
                    self.dist,
                    extra.join(", ")
                ));
            }
            Ok(())
        };
        let Some((_, fields)) = DIST_FIELDS.iter().find(|(k, _)| *k == self.dist) else {
            let known: Vec<&str> = DIST_FIELDS.iter().map(|(k, _)| *k).collect();
            return Err(format!(
                "unknown distribution `{}`, expected one of {}",
                self.dist,
                known.join(", ")
            ));
        };
        expect(fields)?;
        let v = |x: Option<f64>| x.unwrap_or(f64::NAN);
        let (min, mode, max) = (v(self.min), v(self.mode), v(self.max));
        let dist = match self.dist.as_str() {
            "fixed" => Dist::Fixed(v(self.value)),
            "beta" => Dist::Beta {
                events: v(self.events),
                non_events: v(self.non_events),
            },
            "pert" => Dist::Pert { min, mode, max },
            "triangular" => Dist::Triangular { min, mode, max },
            "uniform" => Dist::Uniform { min, max },
            "normal" => Dist::Normal {
                mean: v(self.mean),
                sd: v(self.sd),
            },
            _ => Dist::LogNormal {
                p5: v(self.p5),
                p95: v(self.p95),
            },
        };
        Ok(Param {
            dist,
            source: self.source,
            assumption: self.assumption,
            note: self.note,
        })
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let (Dist::Fixed(v), None, false, None) =
            (&self.dist, &self.source, self.assumption, &self.note)
        {
            return s.serialize_f64(*v);
        }
        let mut raw = RawParam {
            source: self.source.clone(),
            assumption: self.assumption,
            note: self.note.clone(),
            ..RawParam::default()
        };
        match self.dist {
            Dist::Fixed(v) => (raw.dist, raw.value) = ("fixed".into(), Some(v)),
            Dist::Beta { events, non_events } => {
                (raw.dist, raw.events, raw.non_events) =
                    ("beta".into(), Some(events), Some(non_events))
            }
            Dist::Pert { min, mode, max } | Dist::Triangular { min, mode, max } => {
                raw.dist = if matches!(self.dist, Dist::Pert { .. }) {
                    "pert"
                } else {
                    "triangular"
                }
                .into();
                (raw.min, raw.mode, raw.max) = (Some(min), Some(mode), Some(max));
            }
            Dist::Uniform { min, max } => {
                (raw.dist, raw.min, raw.max) = ("uniform".into(), Some(min), Some(max))
            }
            Dist::Normal { mean, sd } => {
                (raw.dist, raw.mean, raw.sd) = ("normal".into(), Some(mean), Some(sd))
            }
            Dist::LogNormal { p5, p95 } => {
                (raw.dist, raw.p5, raw.p95) = ("lognormal".into(), Some(p5), Some(p95))
            }
        }
        raw.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Param {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ParamVisitor;
        impl<'de> Visitor<'de> for ParamVisitor {
            type Value = Param;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a distribution object such as {\"dist\": \"beta\", \"events\": 63, \"non_events\": 37}")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Param, E> {
                Ok(Param::fixed(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Param, E> {
                Ok(Param::fixed(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Param, E> {
                Ok(Param::fixed(v as f64))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Param, A::Error> {
                let raw = RawParam::deserialize(de::value::MapAccessDeserializer::new(map))?;
                raw.into_param().map_err(de::Error::custom)
            }
        }
        d.deserialize_any(ParamVisitor)
    }
}
