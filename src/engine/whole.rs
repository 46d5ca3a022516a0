//! Rounding to whole numbers with the bits of `f64::round`, `floor` and
//! `ceil`, without a library call.
//!
//! On baseline x86-64 (no SSE4.1) the standard methods call libm; a trial
//! rounds a few hundred values. These go through a truncating cast, which is
//! one instruction, and give the same result for every input, signed zeros
//! included (the tests compare them bit for bit). In WebAssembly the
//! standard `floor` and `ceil` are instructions already; the results are the
//! same there too.

/// Below this magnitude an `f64` may have a fraction; at or above it, it is
/// whole (2^52).
const WHOLE: f64 = 4_503_599_627_370_496.0;

/// `x` truncated towards zero, or `None` when it has no fraction to drop
/// (NaN, an infinity, or a magnitude of 2^52 or more).
#[inline]
fn truncated(x: f64) -> Option<f64> {
    (x.abs() < WHOLE).then_some(x as i64 as f64)
}

/// `x.round()`: to the nearest whole number, halves away from zero.
#[inline]
pub fn round(x: f64) -> f64 {
    let Some(t) = truncated(x) else { return x };
    // `x - t` is exact: both share their sign and |t| <= |x| < 2^52. The
    // step of -1, 0 or 1 is found without a branch (a trial's fractions
    // fall either side of a half at random, so a branch would often be
    // mispredicted), and `t` plus it is exact.
    let d = x - t;
    let step = f64::from(u8::from(d >= 0.5)) - f64::from(u8::from(d <= -0.5));
    (t + step).copysign(x)
}

/// `x.floor()`.
#[inline]
pub fn floor(x: f64) -> f64 {
    let Some(t) = truncated(x) else { return x };
    (if t > x { t - 1.0 } else { t }).copysign(x)
}

/// `x.ceil()`.
#[inline]
pub fn ceil(x: f64) -> f64 {
    let Some(t) = truncated(x) else { return x };
    (if t < x { t + 1.0 } else { t }).copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    fn same(name: &str, x: f64, ours: f64, std: f64) {
        assert!(
            ours.to_bits() == std.to_bits() || (ours.is_nan() && std.is_nan()),
            "{name}({x:e}) = {ours:e}, std gives {std:e}"
        );
    }

    fn check(x: f64) {
        same("round", x, round(x), x.round());
        same("floor", x, floor(x), x.floor());
        same("ceil", x, ceil(x), x.ceil());
    }

    #[test]
    fn edges_match_std() {
        let edges = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            -2.5,
            0.49999999999999994,
            -0.49999999999999994,
            1e-300,
            -1e-300,
            5e-324,
            -5e-324,
            0.7,
            -0.7,
            1.0,
            -1.0,
            WHOLE - 0.5,
            -(WHOLE - 0.5),
            WHOLE,
            -WHOLE,
            WHOLE + 1.0,
            2.0 * WHOLE - 1.0,
            9.3e18,
            -9.3e18,
            1e300,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for x in edges {
            check(x);
            check(f64::from_bits(x.to_bits().wrapping_add(1)));
            check(f64::from_bits(x.to_bits().wrapping_sub(1)));
        }
    }

    #[test]
    fn random_values_match_std() {
        let mut rng = crate::engine::rng::stream(3, 1, 4);
        for i in 0..1_000_000 {
            // Uniform bits cover every exponent; scaled uniforms the values
            // a trial meets (with halves and fractions near them).
            let x = match i % 3 {
                0 => f64::from_bits(rng.next_u64()),
                1 => (rng.next_u64() >> 11) as f64 / 1024.0 - 4e12,
                _ => ((rng.next_u64() % 20_001) as f64 - 10_000.0) / 2.0,
            };
            check(x);
        }
    }
}
