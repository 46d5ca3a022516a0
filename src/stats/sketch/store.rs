//! A sketch's bucket counts on one side of zero, and their packed form in
//! a partial result.

use serde::{Deserialize, Serialize};

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
pub(super) struct Store {
    pub(super) offset: u32,
    #[serde(with = "packed")]
    pub(super) counts: Vec<u32>,
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
    pub(super) fn add(&mut self, key: u32, n: u32) {
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

    pub(super) fn merge(&mut self, other: &Store) {
        for (i, &c) in other.counts.iter().enumerate() {
            if c > 0 {
                self.add(other.offset + i as u32, c);
            }
        }
    }
}
