//! What a sketch's buckets, laid out in order, say: the quantiles, the
//! standard deviation, the Monte Carlo standard errors of the mean and of a
//! quantile, and histograms.

use super::{Histogram, View};

impl View<'_> {
    /// [`Sketch::mean`](super::Sketch::mean), exact (not from the buckets).
    pub fn mean(&self) -> Option<f64> {
        self.sketch.mean()
    }

    /// [`Sketch::quantile`](super::Sketch::quantile): the first bucket whose count up to it reaches
    /// the rank.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let count = self.sketch.count;
        if count == 0 {
            return None;
        }
        let rank = ((q * count as f64).ceil() as u64).clamp(1, count);
        let k = self.upto.partition_point(|&seen| seen < rank);
        self.values.get(k).copied()
    }

    /// Sample standard deviation of the values, from the buckets; `None`
    /// if any value is undefined or there are fewer than two.
    ///
    /// ```text
    /// s^2 = sum_k c_k (v_k - vbar)^2 / (n - 1),   vbar = sum_k c_k v_k / n
    /// ```
    ///
    /// `v_k` is the value bucket `k` stands for, within [`RELATIVE_ERROR`](super::RELATIVE_ERROR)
    /// of each value in it. Centring on the buckets' own mean cancels their
    /// common offset, so what the binning adds is the variance of the
    /// rounding within a bucket: at most `(RELATIVE_ERROR |x|)^2 / 12`,
    /// negligible beside any spread worth reporting. Computed from the
    /// merged buckets, it is the same bits however the trials were split.
    pub fn std_dev(&self) -> Option<f64> {
        let s = self.sketch;
        if s.undefined > 0 || s.count < 2 {
            return None;
        }
        let n = s.count as f64;
        let buckets = || self.values.iter().zip(&self.counts);
        let mean = buckets().map(|(&v, &c)| v * c as f64).sum::<f64>() / n;
        let ss: f64 = buckets()
            .map(|(&v, &c)| (v - mean) * (v - mean) * c as f64)
            .sum();
        Some((ss / (n - 1.0)).sqrt())
    }

    /// Monte Carlo standard error of [`Sketch::mean`](super::Sketch::mean): trials are independent
    /// and identically distributed, so
    ///
    /// ```text
    /// se(mean) = s / sqrt(n)
    /// ```
    ///
    /// with `s` from [`View::std_dev`]. `None` where the mean is.
    pub fn mean_se(&self) -> Option<f64> {
        Some(self.std_dev()? / (self.sketch.count as f64).sqrt())
    }

    /// Monte Carlo standard error of [`Sketch::quantile`](super::Sketch::quantile) `p`, by
    /// Woodruff's (1952) method: a standard error of the share `p` of
    /// trials at or below the quantile, mapped back through the quantile
    /// function:
    ///
    /// ```text
    /// s        = sqrt(p (1 - p) / n)
    /// se(Q(p)) = (M(p + s) - M(p - s)) / 2
    /// ```
    ///
    /// This is the sparsity (Siddiqui; Bloch and Gastwirth, 1968) estimate
    /// `s (M(p + h) - M(p - h)) / (2 h)` with the bandwidth `h = s`: the
    /// window is one standard error of rank either side, so in a steep tail
    /// (the cost per additional job near trials with almost no additional
    /// job) it follows the curve instead of a straight line through a wide
    /// window, which underestimated the spread of such a P95 threefold
    /// (Sitter and Wu, 2001, find Woodruff's intervals sound in the tails).
    ///
    /// `M` is the mid-quantile function (Parzen, 2004): each bucket's value
    /// placed at the middle of its share of trials, straight lines between.
    /// Unlike the nearest-rank quantile it does not step, so a window of a
    /// few whole numbers (a count's median) or a few buckets still gives a
    /// smooth estimate.
    ///
    /// The window is clamped to `[0, 1]`; where its upper end falls among
    /// undefined values it is one-sided, `(M(p) - M(p - s)) / s`, a lower
    /// bound. `None` where the quantile is; zero when no value varies
    /// within the window.
    ///
    /// The quantile reported is the nearest-rank one, which steps: where a
    /// few values hold every rank near `p` (a count's P5 of 8 or 9 people),
    /// it moves by a whole step from seed to seed, far more than the smooth
    /// `M` says. The error is then the larger of the two: Woodruff's, and
    /// the spread of the nearest-rank quantile itself ([`View::step_se`]).
    pub fn quantile_se(&self, p: f64) -> Option<f64> {
        let smooth = self.smooth_quantile_se(p)?;
        Some(self.step_se(p).map_or(smooth, |step| smooth.max(step)))
    }

    /// The standard deviation of the nearest-rank quantile over runs of the
    /// same size, where few buckets hold the ranks it can reach; `None`
    /// where many do (the steps are then fine beside the spread, and
    /// Woodruff's smooth estimate holds) or where those ranks reach
    /// undefined values.
    ///
    /// The quantile is bucket `k`'s value `v_k` or less exactly when at
    /// least `r = ceil(p n)` trials fall at or below `v_k`, a binomial count
    /// of mean `n F_k`; with `F_k` read off the buckets (`upto_k / n`) and
    /// the normal approximation with continuity correction,
    ///
    /// ```text
    /// P(Q <= v_k) = Phi((upto_k - r + 1/2) / sqrt(n p (1 - p)))
    /// se          = sqrt(sum_k P(Q = v_k) (v_k - E Q)^2)
    /// ```
    ///
    /// over the buckets within four binomial deviations of rank `r` (the
    /// rest carry under 1e-4 of the chance). This is the exact bootstrap
    /// variance of the sample quantile (Maritz and Jarrett, 1978) with the
    /// normal approximation in place of the Beta weights.
    pub fn step_se(&self, p: f64) -> Option<f64> {
        /// More buckets than this within reach: the steps are fine.
        const MAX_STEPS: usize = 64;
        let count = self.sketch.count;
        if count == 0 || p.is_nan() {
            return None;
        }
        let n = count as f64;
        let r = ((p * n).ceil()).clamp(1.0, n);
        let sigma = (n * p * (1.0 - p)).sqrt();
        let (from, to) = (r - 4.0 * sigma, (r + 4.0 * sigma).min(n));
        let first = self.upto.partition_point(|&seen| (seen as f64) < from);
        let last = self.upto.partition_point(|&seen| (seen as f64) < to);
        if last >= self.values.len() || last + 1 - first > MAX_STEPS {
            return None;
        }
        if sigma == 0.0 || first == last {
            return Some(0.0);
        }
        let below = |k: usize| {
            if k == last {
                1.0
            } else {
                let z = (self.upto[k] as f64 - r + 0.5) / sigma;
                0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
            }
        };
        let chances: Vec<(f64, f64)> = (first..=last)
            .scan(0.0, |before, k| {
                let upto = below(k);
                let chance = (upto - *before).max(0.0);
                *before = upto;
                Some((self.values[k], chance))
            })
            .collect();
        let mean = chances.iter().map(|(v, c)| v * c).sum::<f64>();
        let var = chances
            .iter()
            .map(|(v, c)| c * (v - mean) * (v - mean))
            .sum::<f64>();
        Some(var.sqrt())
    }

    /// Woodruff's error through the mid-quantile function, as above.
    pub(super) fn smooth_quantile_se(&self, p: f64) -> Option<f64> {
        self.quantile(p)?;
        let s = (p * (1.0 - p) / self.sketch.count as f64).sqrt();
        let lo = (p - s).max(0.0);
        let (hi, upper) = match self.mid_quantile((p + s).min(1.0)) {
            Some(v) => ((p + s).min(1.0), v),
            None => (p, self.mid_quantile(p)?),
        };
        let lower = self.mid_quantile(lo)?;
        if hi <= lo {
            return Some(0.0);
        }
        Some(s * (upper - lower) / (hi - lo))
    }

    /// The mid-quantile function at `p`: bucket `k`, holding the trials of
    /// ranks `a_k + 1 ..= a_k + c_k`, stands at share `(a_k + c_k / 2) / n`,
    /// with linear interpolation between buckets and the end values beyond.
    /// `None` where `p` is past the defined values' share (or not a number).
    fn mid_quantile(&self, p: f64) -> Option<f64> {
        if p.is_nan() {
            return None;
        }
        // The first bucket whose mid-rank share is at or above p (shares
        // rise strictly: every bucket laid out holds a value).
        let k = self.mids.partition_point(|&mid| mid < p);
        match (k, self.values.get(k)) {
            (0, Some(&v)) => Some(v),
            (_, Some(&v)) => {
                let (pv, pm, mid) = (self.values[k - 1], self.mids[k - 1], self.mids[k]);
                Some(pv + (v - pv) * (p - pm) / (mid - pm))
            }
            (_, None) => {
                let s = self.sketch;
                let defined = (s.count - s.undefined) as f64 / s.count as f64;
                self.values.last().copied().filter(|_| p <= defined)
            }
        }
    }

    /// The nearest-rank quantile `q` of the defined values alone (`None` if
    /// there are none).
    fn defined_quantile(&self, q: f64) -> Option<f64> {
        let defined = self.sketch.count - self.sketch.undefined;
        if defined == 0 {
            return None;
        }
        let rank = ((q * defined as f64).ceil() as u64).clamp(1, defined);
        let k = self.upto.partition_point(|&seen| seen < rank);
        self.values.get(k).copied()
    }

    /// A histogram of the defined values: `bins` equal bins from the 1st to
    /// the 99th percentile of the defined values, with the values outside
    /// counted in `below` and `above` (undefined values are in neither, so a
    /// ratio undefined in some trials is drawn over the trials it has).
    pub fn histogram(&self, bins: usize) -> Histogram {
        let (Some(lo), Some(hi)) = (self.defined_quantile(0.01), self.defined_quantile(0.99))
        else {
            return Histogram::default();
        };
        let (lo, hi) = if hi > lo {
            (lo, hi)
        } else {
            (lo - 0.5, lo + 0.5)
        };
        let width = (hi - lo) / bins as f64;
        let edges: Vec<f64> = (0..=bins).map(|i| lo + width * i as f64).collect();
        let mut h = Histogram {
            edges,
            counts: vec![0; bins],
            below: 0,
            above: 0,
        };
        for (&v, &c) in self.values.iter().zip(&self.counts) {
            if v < lo {
                h.below += c;
            } else if v > hi {
                h.above += c;
            } else {
                let i = (((v - lo) / width) as usize).min(bins - 1);
                h.counts[i] += c;
            }
        }
        h
    }
}
