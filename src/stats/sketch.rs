//! A streaming, exactly mergeable summary of one output across trials.
//!
//! Values are counted in logarithmic buckets taken straight from the bits of
//! the `f64`: the exponent and the top [`MANTISSA_BITS`] bits of the
//! mantissa. A bucket spans a relative width of `2^-10`, so every quantile is
//! within 0.1 % of the value it stands for (and exact for whole numbers up to
//! 2,048, and for any value equal to the smallest or largest seen). The idea
//! is that of HdrHistogram and DDSketch (Masson, Rim and Lee, VLDB 2019).
//! That is the *binning* error: how far a reported quantile may be from the
//! same quantile of the trials run. It says nothing about how far the trials
//! run are from the model's true distribution; that is the Monte Carlo error,
//! which [`Sketch::mean_se`] and [`Sketch::quantile_se`] estimate from the
//! buckets.
//!
//! Counts are integers and the sum is kept in fixed point (each value
//! truncated to a multiple of 2^-16), so merging
//! sketches in any order gives the same bits: a run split over workers
//! equals the run in one piece. Memory depends on the spread of the values,
//! never on the number of trials.

use serde::{Deserialize, Serialize};

/// Mantissa bits kept in a bucket key.
pub const MANTISSA_BITS: u32 = 10;
/// Largest relative binning error of a reported quantile (not its Monte
/// Carlo error).
pub const RELATIVE_ERROR: f64 = 1.0 / 1024.0;
const SHIFT: u32 = 52 - MANTISSA_BITS;
/// Fixed-point scale of the exact sum (2^16).
const SUM_SCALE: f64 = 65_536.0;

/// Counts of values in consecutive buckets, starting at key `offset`.
///
/// A count fits in 32 bits (a run has at most [`crate::model::limits::MAX_TRIALS`] trials);
/// half the width of a `u64` is half the cache misses when a run's buckets,
/// megabytes in all, take their values.
///
/// In a partial result (JSON between a page's workers) the counts are one
/// string of digits (see [`packed`]): a run's partial holds hundreds of
/// thousands of counts, and reading them as a JSON array of numbers took
/// most of the time of a merge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Store {
    offset: u32,
    #[serde(with = "packed")]
    counts: Vec<u32>,
}

/// Bucket counts as one JSON string: each count in base 32, its lowest
/// five bits first, every digit but the last from [`packed::MORE`] and the
/// last from [`packed::LAST`] (so a count under 32, the usual case, is one
/// character); a run of two or more empty buckets (most of them, in a
/// partial of a few thousand trials) is [`packed::ZEROS`] followed by the
/// run's length in the same digits. Reading refuses any other character, a
/// number cut short, a count over `u32::MAX` and more buckets than keys
/// exist, each with an error rather than a panic.
mod packed {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    /// Digits followed by more digits of the same count.
    pub const MORE: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
    /// A count's last digit.
    pub const LAST: &[u8; 32] = b"ghijklmnopqrstuvwxyz0123456789-_";

    /// Starts a run of empty buckets; its length follows.
    pub const ZEROS: u8 = b'.';
    /// More buckets than keys exist (a key has 21 bits): a forged partial.
    const MAX_BUCKETS: usize = 1 << 21;

    fn push_number(text: &mut Vec<u8>, mut c: u32) {
        while c >= 32 {
            text.push(MORE[(c & 31) as usize]);
            c >>= 5;
        }
        text.push(LAST[c as usize]);
    }

    pub fn serialize<S: Serializer>(counts: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let mut text = Vec::with_capacity(counts.len() / 2);
        let mut i = 0;
        while i < counts.len() {
            let run = counts[i..].iter().take_while(|&&c| c == 0).count();
            if run >= 2 {
                text.push(ZEROS);
                // A store has at most 2^21 buckets: the run fits.
                push_number(&mut text, run as u32);
                i += run;
            } else {
                push_number(&mut text, counts[i]);
                i += 1;
            }
        }
        // Every byte pushed is ASCII.
        s.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
    }

    /// Each byte's digit and whether it ends a number (`None`: not a digit),
    /// built once at compile time from [`MORE`] and [`LAST`].
    const DIGITS: [Option<(u8, bool)>; 256] = {
        let mut table = [None; 256];
        let mut i = 0;
        while i < 32 {
            table[MORE[i] as usize] = Some((i as u8, false));
            table[LAST[i] as usize] = Some((i as u8, true));
            i += 1;
        }
        table
    };

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let mut counts = Vec::with_capacity(text.len());
        let (mut value, mut shift, mut zeros) = (0u64, 0u32, false);
        for &b in text.as_bytes() {
            if b == ZEROS && shift == 0 && !zeros {
                zeros = true;
                continue;
            }
            let (v, last) = DIGITS[b as usize]
                .ok_or_else(|| D::Error::custom(format!("not a count digit: {:?}", b as char)))?;
            if shift > 30 {
                return Err(D::Error::custom("a bucket count over 2^32 - 1"));
            }
            value |= u64::from(v) << shift;
            shift += 5;
            if last {
                let c = u32::try_from(value)
                    .map_err(|_| D::Error::custom("a bucket count over 2^32 - 1"))?;
                let n = if zeros { c as usize } else { 1 };
                if counts.len() + n > MAX_BUCKETS {
                    return Err(D::Error::custom("more buckets than keys"));
                }
                match zeros {
                    true => counts.resize(counts.len() + n, 0),
                    false => counts.push(c),
                }
                (value, shift, zeros) = (0, 0, false);
            }
        }
        if shift > 0 || zeros {
            return Err(D::Error::custom("a bucket count cut short"));
        }
        Ok(counts)
    }
}

impl Store {
    /// Adds `n` to a bucket's count, saturating: partials merged from
    /// outside (a page's workers) are not checked count by count, and a
    /// forged one must neither wrap nor panic.
    #[inline]
    fn add(&mut self, key: u32, n: u32) {
        if let Some(c) = self.counts.get_mut(key.wrapping_sub(self.offset) as usize) {
            *c = c.saturating_add(n);
            return;
        }
        self.grow(key, n);
    }

    #[cold]
    fn grow(&mut self, key: u32, n: u32) {
        if self.counts.is_empty() {
            self.offset = key;
            self.counts.push(0);
        } else if key < self.offset {
            let grow = (self.offset - key) as usize;
            self.counts.splice(0..0, std::iter::repeat_n(0, grow));
            self.offset = key;
        } else if (key - self.offset) as usize >= self.counts.len() {
            self.counts.resize((key - self.offset) as usize + 1, 0);
        }
        let c = &mut self.counts[(key - self.offset) as usize];
        *c = c.saturating_add(n);
    }

    fn merge(&mut self, other: &Store) {
        for (i, &c) in other.counts.iter().enumerate() {
            if c > 0 {
                self.add(other.offset + i as u32, c);
            }
        }
    }
}

/// A finite value in the exact sum's fixed point: truncated to a multiple of
/// 2^-16, exact and the same on every target.
#[inline]
fn fixed(x: f64) -> i128 {
    if x.abs() < 1e13 {
        i128::from((x * SUM_SCALE) as i64)
    } else {
        (x * SUM_SCALE) as i128
    }
}

#[inline]
fn key_of(magnitude: f64) -> u32 {
    (magnitude.to_bits() >> SHIFT) as u32
}

/// The value a bucket stands for: its lower edge while buckets are at most
/// one unit wide (so whole numbers are exact), else its midpoint.
#[inline]
fn value_of(key: u32) -> f64 {
    let lo = f64::from_bits(u64::from(key) << SHIFT);
    let hi = f64::from_bits(u64::from(key + 1) << SHIFT);
    if hi - lo > 1.0 {
        lo + (hi - lo) / 2.0
    } else {
        lo
    }
}

/// Summary of one output across trials: count, exact mean, quantiles.
///
/// Non-finite values (an undefined ratio, such as a cost per additional job
/// when there is none) are counted apart and rank above every number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sketch {
    count: u64,
    undefined: u64,
    zeros: u64,
    pos: Store,
    neg: Store,
    sum: i128,
    /// Infinite (written `null`) until a defined value is recorded.
    #[serde(with = "bound::min")]
    min: f64,
    #[serde(with = "bound::max")]
    max: f64,
}

/// The smallest and largest value seen, which are infinite while only
/// undefined values have come: JSON has no infinity, so they travel as `null`.
mod bound {
    macro_rules! bound {
        ($name:ident, $empty:expr) => {
            pub mod $name {
                use serde::{Deserialize, Deserializer, Serializer};
                pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
                    match v.is_finite() {
                        true => s.serialize_some(v),
                        false => s.serialize_none(),
                    }
                }
                pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
                    Ok(Option::<f64>::deserialize(d)?.unwrap_or($empty))
                }
            }
        };
    }
    bound!(min, f64::INFINITY);
    bound!(max, f64::NEG_INFINITY);
}

impl Default for Sketch {
    fn default() -> Self {
        Sketch {
            count: 0,
            undefined: 0,
            zeros: 0,
            pos: Store::default(),
            neg: Store::default(),
            sum: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
        }
    }
}

impl Sketch {
    /// Records one value.
    #[inline]
    pub fn add(&mut self, x: f64) {
        self.count += 1;
        if !x.is_finite() {
            self.undefined += 1;
            return;
        }
        self.sum += fixed(x);
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        if x > 0.0 {
            self.pos.add(key_of(x), 1);
        } else if x < 0.0 {
            self.neg.add(key_of(-x), 1);
        } else {
            self.zeros += 1;
        }
    }

    /// Records several values: the same bits as [`Sketch::add`] on each in
    /// turn, and faster. A run's buckets take megabytes, so a value's bucket
    /// is often a cache miss; here the keys are found first (into `keys`, a
    /// buffer kept between calls) and the buckets counted in a loop that
    /// does nothing else, so the processor has many misses under way at
    /// once, and the count, sum and bounds stay in registers.
    pub fn add_all(&mut self, xs: impl Iterator<Item = f64>, keys: &mut Vec<u32>) {
        /// Marks a negative value's key; keys take at most 21 bits.
        const NEG: u32 = 1 << 31;
        keys.clear();
        let (mut undefined, mut zeros) = (0u64, 0u64);
        let (mut sum, mut min, mut max) = (0i128, self.min, self.max);
        let mut count = 0u64;
        for x in xs {
            count += 1;
            if !x.is_finite() {
                undefined += 1;
                continue;
            }
            sum += fixed(x);
            min = min.min(x);
            max = max.max(x);
            if x > 0.0 {
                keys.push(key_of(x));
            } else if x < 0.0 {
                keys.push(key_of(-x) | NEG);
            } else {
                zeros += 1;
            }
        }
        for &key in keys.iter() {
            if key & NEG == 0 {
                self.pos.add(key, 1);
            } else {
                self.neg.add(key & !NEG, 1);
            }
        }
        self.count += count;
        self.undefined += undefined;
        self.zeros += zeros;
        self.sum += sum;
        self.min = min;
        self.max = max;
    }

    /// Adds another sketch's values; the order of merges does not matter.
    pub fn merge(&mut self, other: &Sketch) {
        self.count += other.count;
        self.undefined += other.undefined;
        self.zeros += other.zeros;
        self.pos.merge(&other.pos);
        self.neg.merge(&other.neg);
        self.sum += other.sum;
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
    }

    /// Values recorded, undefined ones included.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Share of values that were undefined.
    pub fn undefined_share(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.undefined as f64 / self.count as f64
        }
    }

    /// Exact mean of the values (to 2^-16), `None` if any is undefined or
    /// there are none.
    pub fn mean(&self) -> Option<f64> {
        if self.count == 0 || self.undefined > 0 {
            return None;
        }
        Some(self.sum as f64 / SUM_SCALE / self.count as f64)
    }

    /// The `q`-quantile by nearest rank: the smallest recorded value `v` with
    /// at least `ceil(q n)` values at or below it, to [`RELATIVE_ERROR`].
    /// `None` when that rank falls among undefined values.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        self.view().quantile(q)
    }

    fn clamp(&self, v: f64) -> f64 {
        v.clamp(self.min, self.max)
    }

    /// Sample standard deviation of the values; see [`View::std_dev`].
    pub fn std_dev(&self) -> Option<f64> {
        self.view().std_dev()
    }

    /// Monte Carlo standard error of [`Sketch::mean`]; see [`View::mean_se`].
    pub fn mean_se(&self) -> Option<f64> {
        self.view().mean_se()
    }

    /// Monte Carlo standard error of [`Sketch::quantile`] `p`; see
    /// [`View::quantile_se`].
    pub fn quantile_se(&self, p: f64) -> Option<f64> {
        self.view().quantile_se(p)
    }

    /// A histogram of the defined values; see [`View::histogram`].
    pub fn histogram(&self, bins: usize) -> Histogram {
        self.view().histogram(bins)
    }

    /// The buckets laid out once, for the quantiles and standard errors of
    /// a summary: each figure is then a binary search or one pass over an
    /// array, not a walk through the stores (which a summary of seven
    /// quantiles with their errors took some thirty times per cell).
    pub fn view(&self) -> View<'_> {
        let n = self.count as f64;
        let len = self.neg.counts.len() + 1 + self.pos.counts.len();
        let mut v = View {
            sketch: self,
            values: Vec::with_capacity(len),
            counts: Vec::with_capacity(len),
            upto: Vec::with_capacity(len),
            mids: Vec::with_capacity(len),
        };
        let mut seen = 0u64;
        // Most buckets are empty: their value is never computed.
        let mut put = |value: &dyn Fn() -> f64, c: u64| {
            if c == 0 {
                return;
            }
            v.values.push(value());
            v.counts.push(c);
            v.mids.push((seen as f64 + c as f64 / 2.0) / n);
            seen += c;
            v.upto.push(seen);
        };
        let (neg, pos) = (&self.neg, &self.pos);
        for (i, &c) in neg.counts.iter().enumerate().rev() {
            put(
                &|| self.clamp(-value_of(neg.offset + i as u32)),
                u64::from(c),
            );
        }
        put(&|| 0.0, self.zeros);
        for (i, &c) in pos.counts.iter().enumerate() {
            put(
                &|| self.clamp(value_of(pos.offset + i as u32)),
                u64::from(c),
            );
        }
        v
    }
}

/// A sketch's buckets laid out in order (see [`Sketch::view`]): each
/// bucket's value (clamped to the smallest and largest value seen), its
/// count, the count up to and including it, and its mid-rank share.
#[derive(Debug)]
pub struct View<'a> {
    sketch: &'a Sketch,
    values: Vec<f64>,
    counts: Vec<u64>,
    upto: Vec<u64>,
    mids: Vec<f64>,
}

impl View<'_> {
    /// [`Sketch::mean`], exact (not from the buckets).
    pub fn mean(&self) -> Option<f64> {
        self.sketch.mean()
    }

    /// [`Sketch::quantile`]: the first bucket whose count up to it reaches
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
    /// `v_k` is the value bucket `k` stands for, within [`RELATIVE_ERROR`]
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

    /// Monte Carlo standard error of [`Sketch::mean`]: trials are independent
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

    /// Monte Carlo standard error of [`Sketch::quantile`] `p`, by
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
    fn smooth_quantile_se(&self, p: f64) -> Option<f64> {
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

    /// A histogram of the defined values: `bins` equal bins from the 1st to
    /// the 99th percentile, with the values outside counted in `below` and
    /// `above` (undefined values are in neither).
    pub fn histogram(&self, bins: usize) -> Histogram {
        let (Some(lo), Some(hi)) = (self.quantile(0.01), self.quantile(0.99)) else {
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

/// Counts of values in equal bins.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// Bin edges, one more than the bins.
    pub edges: Vec<f64>,
    /// Trials per bin.
    pub counts: Vec<u64>,
    /// Trials below the first edge.
    pub below: u64,
    /// Trials above the last edge.
    pub above: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_back_from_their_packed_form() {
        let store = Store {
            offset: 7,
            counts: vec![0, 1, 31, 32, 1023, 1024, 65_535, 1 << 20, u32::MAX, 5],
        };
        let text = serde_json::to_string(&store).unwrap();
        assert_eq!(serde_json::from_str::<Store>(&text).unwrap(), store);
        // Runs of empty buckets, long and short, inside and at both ends.
        let mut counts = vec![0, 0, 0, 4, 0, 7, 0, 0];
        counts.extend(std::iter::repeat_n(0, 5000));
        counts.extend([9, 0]);
        let store = Store { offset: 3, counts };
        let text = serde_json::to_string(&store).unwrap();
        assert_eq!(serde_json::from_str::<Store>(&text).unwrap(), store);
        // One character for a count under 32.
        let small = Store {
            offset: 0,
            counts: vec![3; 100],
        };
        let text = serde_json::to_string(&small).unwrap();
        assert!(text.len() < 130, "{text}");
        // Bad text is an error, never a panic.
        for bad in [
            r#"{"offset":0,"counts":"gh!"}"#,
            r#"{"offset":0,"counts":"AB"}"#,
            r#"{"offset":0,"counts":"AAAAAAAAg"}"#,
            r#"{"offset":0,"counts":"ffffff_"}"#,
            r#"{"offset":0,"counts":"fffffffg"}"#,
            r#"{"offset":0,"counts":"gh."}"#,
            r#"{"offset":0,"counts":".."}"#,
            r#"{"offset":0,"counts":".fffff5"}"#,
            r#"{"offset":0,"counts":"A.g"}"#,
            r#"{"offset":0,"counts":[1,2]}"#,
        ] {
            assert!(serde_json::from_str::<Store>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn whole_numbers_are_exact() {
        let mut s = Sketch::default();
        for x in 1..=1000 {
            s.add(f64::from(x));
        }
        assert_eq!(s.quantile(0.5), Some(500.0));
        assert_eq!(s.quantile(0.05), Some(50.0));
        assert_eq!(s.quantile(0.95), Some(950.0));
        assert_eq!(s.mean(), Some(500.5));
    }

    #[test]
    fn relative_error_is_bounded_and_negatives_order() {
        let mut s = Sketch::default();
        for x in -500..=1500 {
            s.add(f64::from(x) * 1234.567);
        }
        for q in [0.05, 0.25, 0.5, 0.75, 0.95] {
            let rank = (q * 2001.0_f64).ceil() as i32;
            let exact = f64::from(-500 + rank - 1) * 1234.567;
            let got = s.quantile(q).unwrap();
            assert!(
                (got - exact).abs() <= exact.abs() * RELATIVE_ERROR,
                "{q}: {got} vs {exact}"
            );
        }
    }

    #[test]
    fn merge_is_order_free() {
        let values: Vec<f64> = (0..5000)
            .map(|i| ((i * 7919) % 10007) as f64 * 0.37 - 900.0)
            .collect();
        let mut whole = Sketch::default();
        values.iter().for_each(|&v| whole.add(v));
        let mut parts: Vec<Sketch> = values
            .chunks(777)
            .map(|c| {
                let mut s = Sketch::default();
                c.iter().for_each(|&v| s.add(v));
                s
            })
            .collect();
        parts.reverse();
        let mut merged = Sketch::default();
        parts.iter().for_each(|p| merged.merge(p));
        assert_eq!(merged, whole);
    }

    #[test]
    fn adding_in_batches_is_adding_one_by_one() {
        // Negatives, zeros, undefined values, huge and tiny ones, repeats,
        // and keys below and above the first ones seen (the buckets grow
        // both ways mid-batch).
        let mut values: Vec<f64> = (0..3000)
            .map(|i| ((i * 7919) % 10007) as f64 * 0.37 - 900.0)
            .collect();
        values.extend([0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        values.extend([1e300, -1e300, 1e-300, 5e13, -5e13, 7.0, 7.0, 7.0]);
        let mut one = Sketch::default();
        values.iter().for_each(|&v| one.add(v));
        let mut batched = Sketch::default();
        let mut keys = Vec::new();
        for chunk in values.chunks(1000) {
            batched.add_all(chunk.iter().copied(), &mut keys);
        }
        assert_eq!(batched, one);
        assert_eq!(batched.count(), values.len() as u64);
    }

    #[test]
    fn standard_deviation_from_the_buckets() {
        // Whole numbers up to 2,048 sit in their own buckets: exact.
        let mut s = Sketch::default();
        (1..=1000).for_each(|x| s.add(f64::from(x)));
        let exact = (1000.0_f64 * 1001.0 / 12.0).sqrt();
        assert!((s.std_dev().unwrap() - exact).abs() < 1e-9 * exact);
        assert!((s.mean_se().unwrap() - exact / 1000f64.sqrt()).abs() < 1e-9);
        // A narrow spread on a large offset: the binning barely shows.
        let mut s = Sketch::default();
        (0..10_000).for_each(|i| s.add(1e7 + f64::from(i % 100) * 1e3));
        let exact =
            1e3 * (100.0_f64 * 100.0 - 1.0).sqrt() / 12f64.sqrt() * (10_000.0_f64 / 9_999.0).sqrt();
        let got = s.std_dev().unwrap();
        assert!((got - exact).abs() < 0.01 * exact, "{got} vs {exact}");
        let mut one = Sketch::default();
        one.add(3.0);
        assert_eq!(one.std_dev(), None);
    }

    #[test]
    fn quantile_se_of_an_even_grid_is_its_sparsity() {
        // Values spread evenly over [0, 1000): Q(p) = 1000 p, so the sparsity
        // is 1000 and se = 1000 sqrt(p (1 - p) / n), even where the window
        // spans few buckets (0.5 wide near 950) or few whole numbers.
        for (n, step) in [(100_000, 0.01), (4000, 0.25), (1000, 1.0)] {
            let mut s = Sketch::default();
            (0..n).for_each(|i| s.add(f64::from(i) * step));
            for p in [0.05, 0.5, 0.95] {
                let want = f64::from(n) * step * (p * (1.0 - p) / f64::from(n)).sqrt();
                let got = s.quantile_se(p).unwrap();
                assert!((got - want).abs() < 0.03 * want, "{n} {p}: {got} vs {want}");
            }
        }
        let mut fixed = Sketch::default();
        (0..50).for_each(|_| fixed.add(2000.0));
        assert_eq!(fixed.quantile_se(0.95), Some(0.0));
        assert_eq!(fixed.mean_se(), Some(0.0));
    }

    #[test]
    fn a_quantile_on_a_step_has_the_error_of_the_step() {
        // 8 or 9 people: P5 sits where the share at or below 8 crosses 5 %.
        // The nearest-rank P5 is 8 or 9 with about even chances from run to
        // run, a spread of about 0.5; the smooth estimate gives a few
        // hundredths.
        let n = 100_000;
        let mut s = Sketch::default();
        (0..n).for_each(|i| s.add(if i < n / 20 { 8.0 } else { 9.0 }));
        let se = s.quantile_se(0.05).unwrap();
        assert!((0.45..=0.5).contains(&se), "{se}");
        assert!(s.view().smooth_quantile_se(0.05).unwrap() < 0.05);
        // Far from the step, the quantile does not move: no step's error.
        assert!(s.view().step_se(0.5).unwrap() < 1e-12);
        // The closed form of the normal approximation at one deviation off.
        let mut off = Sketch::default();
        let sigma = (f64::from(n) * 0.05 * 0.95).sqrt();
        let below = (f64::from(n) * 0.05 - sigma).round() as i32;
        (0..n).for_each(|i| off.add(if i < below { 8.0 } else { 9.0 }));
        let z = (f64::from(below) - f64::from(n) * 0.05 + 0.5) / sigma;
        let p8 = 0.5 * libm::erfc(-z / std::f64::consts::SQRT_2);
        let want = (p8 * (1.0 - p8)).sqrt();
        let got = off.view().step_se(0.05).unwrap();
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }

    #[test]
    fn undefined_values_rank_last() {
        let mut s = Sketch::default();
        for x in 0..90 {
            s.add(f64::from(x));
        }
        for _ in 0..10 {
            s.add(f64::INFINITY);
        }
        assert_eq!(s.quantile(0.9), Some(89.0));
        assert_eq!(s.quantile(0.95), None);
        assert_eq!(s.mean(), None);
        assert!((s.undefined_share() - 0.1).abs() < 1e-12);
    }
}
