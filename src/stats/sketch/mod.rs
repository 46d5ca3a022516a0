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

mod store;
mod view;

use store::Store;

/// Mantissa bits kept in a bucket key.
pub const MANTISSA_BITS: u32 = 10;
/// Largest relative binning error of a reported quantile (not its Monte
/// Carlo error).
pub const RELATIVE_ERROR: f64 = 1.0 / 1024.0;
const SHIFT: u32 = 52 - MANTISSA_BITS;
/// Fixed-point scale of the exact sum (2^16).
const SUM_SCALE: f64 = 65_536.0;

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
mod tests;
