//! Exact Binomial(n, p) draws for parameters that change from call to call.
//!
//! The engine draws each binomial once with its own `n` and `p`, so a sampler
//! that needs a long set-up per parameter pair does not pay. This one has
//! almost none: inversion for small means and Hörmann's BTRD otherwise.
//!
//! W. Hörmann (1993), "The generation of binomial random variates", Journal
//! of Statistical Computation and Simulation 46(1-2), 101-110.
//!
//! Every logarithm and exponential goes through the `libm` crate; the rest is
//! IEEE arithmetic (`+ - * /`, `sqrt`, `floor`), exact on every target, so a
//! seed gives the same draws natively and in WebAssembly.

use rand::Rng;

/// `n * min(p, 1 - p)` from which BTRD is used: Hörmann fitted its hat for
/// means of 10 and more. Below it, inversion needs about `mean + 1` steps.
const BTRD_MIN_MEAN: f64 = 10.0;

/// `|k - m|` above which BTRD bounds the log-density instead of evaluating it.
const RECURSION_MAX: u64 = 15;

/// A Binomial(n, p) draw, exact up to floating-point rounding.
///
/// `p` is clipped to `[0, 1]`; a NaN `p` or `n = 0` gives 0. For `p > 0.5` it
/// returns `n - Binomial(n, 1 - p)` (and `1 - p` is exact there). With
/// `p' = min(p, 1 - p)` and `q' = 1 - p'`:
///
/// ```text
/// P(X = k)   = C(n, k) p'^k q'^(n-k)
/// n p' < 10:   inversion, sequential search from 0:
///              f(0) = q'^n,  f(k) = f(k-1) ((n + 1) / k - 1) p' / q'
///              X = least k with U <= f(0) + ... + f(k)
/// n p' >= 10:  BTRD (Hörmann 1993), transformed rejection with decomposition:
///              X = floor((2a / (0.5 - |U|) + b) U + c),  U uniform on (-0.5, 0.5)
///              m = floor((n + 1) p'),  spq = sqrt(n p' q'),  b = 1.15 + 2.53 spq
///              a = -0.0873 + 0.0248 b + 0.01 p',  c = n p' + 0.5
///              alpha = (2.83 + 5.1 / b) spq,  v_r = 0.92 - 4.2 / b
///              accept when V alpha / (a / (0.5 - |U|)^2 + b) <= f(X) / f(m)
///              f(X) / f(m): by the recurrence for |X - m| <= 15, else a squeeze
///              on its log (for |X - m| < npq / 2 - 1 only), else Stirling
/// ```
///
/// The means of inversion never underflow `f(0)`: `n p' < 10` with
/// `p' <= 0.5` keeps `f(0) >= 2^-20`. `n` is meant to be below `2^53`, where
/// it is exact as an `f64`; the result is always `<= n`.
///
/// Draws from `rng`, each one `next_u64` turned into a uniform on (0, 1)
/// (see [`uniform`]), in this order:
///
/// - inversion: one; another only when rounding leaves the search short of
///   mass (about 1e-15 of calls);
/// - BTRD, per attempt: `V` first; if `V` falls in the box that is accepted
///   at once (`V <= 0.86 v_r`), that is all; otherwise a second, which is `U`
///   (when `V >= v_r`) or the new `V` (when `V < v_r`, `U` then comes from
///   the first). Attempts repeat until one is accepted: between 1.4 and 2.5
///   draws a sample on average, as the paper reports.
///
/// ```
/// let mut rng = mentorsim::engine::rng::stream(1, 2, 3);
/// let x = mentorsim::engine::binomial::sample(&mut rng, 1000, 0.3);
/// assert!(x <= 1000);
/// assert_eq!(mentorsim::engine::binomial::sample(&mut rng, 1000, 1.0), 1000);
/// assert_eq!(mentorsim::engine::binomial::sample(&mut rng, 1000, f64::NAN), 0);
/// ```
#[inline]
pub fn sample<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    if n == 0 || p.is_nan() || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    if p > 0.5 {
        return n - sample_low(rng, n, 1.0 - p);
    }
    sample_low(rng, n, p)
}

/// A Binomial(n, p) draw for `0 < p <= 0.5` and `n > 0`.
#[inline]
fn sample_low<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    if (n as f64) * p < BTRD_MIN_MEAN {
        inversion(rng, n, p)
    } else {
        Btrd::new(n, p).sample(rng)
    }
}

/// A uniform on the open interval (0, 1) from one `next_u64`: its top 52
/// bits `i` give `(i + 0.5) / 2^52`, exact in an `f64`. Never 0 (its log is
/// finite) and symmetric about 0.5 (`u - 0.5` is never `-0.5`).
#[inline]
pub fn uniform<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    const SCALE: f64 = 1.0 / (1u64 << 52) as f64;
    ((rng.next_u64() >> 12) as f64 + 0.5) * SCALE
}

/// Inversion by sequential search from 0, for `n p < 10`.
#[inline]
fn inversion<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    let s = p / (1.0 - p);
    let a = (n as f64 + 1.0) * s;
    let f0 = pow_q(p, n);
    'draw: loop {
        let mut u = uniform(rng);
        let mut f = f0;
        let mut k = 0;
        while u > f {
            // Rounding left a sliver of mass past n (or past the last
            // representable term): draw again rather than return a bad k.
            if k == n || f == 0.0 {
                continue 'draw;
            }
            u -= f;
            k += 1;
            f *= a / k as f64 - s;
        }
        return k;
    }
}

/// `(1 - p)^n`. For `n < 1024`, by squaring: at most 20 products, and the
/// rounding of `1 - p` moves the result by at most `n 2^-53` relatively
/// (below 1.2e-13). Beyond, `exp(n log1p(-p))`, which stays accurate when
/// `1 - p` rounds to 1 (huge `n`, tiny `p`).
#[inline]
fn pow_q(p: f64, n: u64) -> f64 {
    if n >= 1024 {
        return libm::exp(n as f64 * libm::log1p(-p));
    }
    let (mut base, mut e, mut acc) = (1.0 - p, n, 1.0);
    while e > 0 {
        if e & 1 == 1 {
            acc *= base;
        }
        base *= base;
        e >>= 1;
    }
    acc
}

/// BTRD's set-up for one `(n, p)`, `n p >= 10`, `p <= 0.5` (Hörmann 1993,
/// section 3, with the paper's names).
struct Btrd {
    n: u64,
    /// The mode, `floor((n + 1) p)`.
    m: u64,
    /// `p / q`, for the recurrence of the pmf.
    r: f64,
    npq: f64,
    a: f64,
    b: f64,
    c: f64,
    alpha: f64,
    v_r: f64,
    u_rv_r: f64,
    /// `1 / v_r`: a product is cheaper than a quotient on the fast path.
    inv_v_r: f64,
}

impl Btrd {
    #[inline]
    fn new(n: u64, p: f64) -> Btrd {
        let q = 1.0 - p;
        let nf = n as f64;
        let r = p / q;
        let npq = nf * p * q;
        let spq = npq.sqrt();
        let b = 1.15 + 2.53 * spq;
        let inv_b = 1.0 / b;
        let v_r = 0.92 - 4.2 * inv_b;
        Btrd {
            n,
            m: ((nf + 1.0) * p) as u64,
            r,
            npq,
            a: -0.0873 + 0.0248 * b + 0.01 * p,
            b,
            c: nf * p + 0.5,
            alpha: (2.83 + 5.1 * inv_b) * spq,
            v_r,
            u_rv_r: 0.86 * v_r,
            inv_v_r: 1.0 / v_r,
        }
    }

    /// The candidate `floor((2a / us + b) u + c)` for `us = 0.5 - |u|`, or
    /// `None` outside `0..=n`.
    #[inline]
    fn candidate(&self, u: f64, us: f64) -> Option<u64> {
        let x = (2.0 * self.a / us + self.b) * u + self.c;
        // For x >= 0 the cast truncates, which is floor (and, unlike
        // `f64::floor` on baseline x86-64, is not a library call).
        let k = x as u64;
        (x >= 0.0 && k <= self.n).then_some(k)
    }

    #[inline]
    fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> u64 {
        loop {
            // Step 1: the box |U| <= 0.43, V <= v_r lies under the transformed
            // pmf, so a point in it is accepted with one uniform.
            let mut v = uniform(rng);
            if v <= self.u_rv_r {
                let u = v * self.inv_v_r - 0.43;
                if let Some(k) = self.candidate(u, 0.5 - u.abs()) {
                    return k;
                }
                continue;
            }
            // Step 2: the rest of the rectangle.
            let u = if v >= self.v_r {
                uniform(rng) - 0.5
            } else {
                let w = v * self.inv_v_r - 0.93;
                v = uniform(rng) * self.v_r;
                0.5f64.copysign(w) - w
            };
            // Step 3.0
            let us = 0.5 - u.abs();
            let Some(k) = self.candidate(u, us) else {
                continue;
            };
            // alpha / (a / us^2 + b), with one division.
            let us2 = us * us;
            v *= self.alpha * us2 / (self.a + self.b * us2);
            if self.accept(k, v) {
                return k;
            }
        }
    }

    /// Whether `v` lies under `f(k) / f(m)`.
    #[inline]
    fn accept(&self, k: u64, v: f64) -> bool {
        let km = k.abs_diff(self.m);
        if km <= RECURSION_MAX {
            // Step 3.1: the ratio by the recurrence of the pmf,
            // f(i) / f(i - 1) = (n + 1) r / i - r = r (n + 1 - i) / i, with its
            // numerators and denominators multiplied apart (no division; at
            // most 15 factors, each below 2^53, so no overflow).
            let (lo, hi) = if self.m < k { (self.m, k) } else { (k, self.m) };
            let (mut num, mut den) = (1.0, 1.0);
            for i in lo + 1..=hi {
                num *= self.r * (self.n + 1 - i) as f64;
                den *= i as f64;
            }
            return if self.m < k {
                v * den <= num
            } else {
                v * num <= den
            };
        }
        // Step 3.2: squeeze on log(f(k) / f(m)). The paper applies it to every
        // |k - m| > 15, but its lower bound fails far in a skewed left tail
        // (n = 5000, p = 0.05, k < 20: log f(k) / f(m) < -186), out of reach
        // of any 52-bit uniform yet not of the maths. Like BTPE (Kachitvichyanukul
        // and Schmeiser 1988), it is used only for |k - m| < npq / 2 - 1,
        // where the tests check it for every k.
        let v = libm::log(v);
        let kmf = km as f64;
        if kmf < 0.5 * self.npq - 1.0 {
            let rho = (kmf / self.npq) * (((kmf / 3.0 + 0.625) * kmf + 1.0 / 6.0) / self.npq + 0.5);
            let t = -kmf * kmf / (2.0 * self.npq);
            if v < t - rho {
                return true;
            }
            if v > t + rho {
                return false;
            }
        }
        // Steps 3.3-3.4: the log-ratio through Stirling's formula.
        let (n, m) = (self.n, self.m);
        let nm = (n - m + 1) as f64;
        let nk = (n - k + 1) as f64;
        let (mf, kf) = (m as f64, k as f64);
        let h = (mf + 0.5) * libm::log((mf + 1.0) / (self.r * nm)) + fc(m) + fc(n - m);
        v <= h
            + (n as f64 + 1.0) * libm::log(nm / nk)
            + (kf + 0.5) * libm::log(nk * self.r / (kf + 1.0))
            - fc(k)
            - fc(n - k)
    }
}

/// The error of Stirling's formula, from a table for `k < 10` and its series
/// otherwise (error below 1e-10 there):
///
/// ```text
/// fc(k) = log(k!) - (k + 1/2) log(k + 1) + (k + 1) - log(2 pi) / 2
///       ~ 1/(12 (k+1)) - 1/(360 (k+1)^3) + 1/(1260 (k+1)^5)
/// ```
fn fc(k: u64) -> f64 {
    const TABLE: [f64; 10] = [
        0.081_061_466_795_327_26,
        0.041_340_695_955_409_29,
        0.027_677_925_684_998_34,
        0.020_790_672_103_765_09,
        0.016_644_691_189_821_19,
        0.013_876_128_823_070_75,
        0.011_896_709_945_891_77,
        0.010_411_265_261_972_1,
        0.009_255_462_182_712_733,
        0.008_330_563_433_362_87,
    ];
    if k < 10 {
        return TABLE[k as usize];
    }
    let k1 = k as f64 + 1.0;
    let k2 = k1 * k1;
    (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / 1260.0 / k2) / k2) / k1
}

#[cfg(test)]
mod tests;
