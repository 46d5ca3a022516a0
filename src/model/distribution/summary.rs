//! What a reader is told about a parameter: the mean, median and 90 %
//! interval of its draws, in closed form or by inverse CDFs.

use super::{lognormal_mu_sigma, Dist, Domain, Param, ParamSummary};

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
