//! The Monte Carlo error of a share of trials (a chance the run estimates),
//! and the bound on a chance that none of the trials showed.

/// The Monte Carlo standard error of a share `p` of `n` trials:
///
/// ```text
/// se = sqrt((p (1 - p) + 1 / (4 n)) / n)
/// ```
///
/// the binomial error with Wilson's score-interval term, so that a share of
/// 0 or 1 is not claimed to be exact (it is known to about `1 / (2 n)`);
/// the term is negligible elsewhere.
pub fn share_se(p: f64, n: f64) -> f64 {
    if n <= 0.0 {
        return f64::NAN;
    }
    ((p * (1.0 - p) + 1.0 / (4.0 * n)) / n).sqrt()
}

/// The one-sided 95 % upper bound on a chance that none of `n` trials
/// showed, `1 - 0.05^(1/n)`: the exact (Clopper and Pearson 1934) bound,
/// about `3 / n` (the "rule of three": Hanley and Lippman-Hand 1983, JAMA
/// 249(13), 1743-1745). A chance that all `n` trials showed is above
/// `1 -` the same bound.
///
/// ```
/// let b = mentorsim::stats::share::share_bound(10_000);
/// assert!((b - 2.9953e-4).abs() < 1e-8);
/// ```
pub fn share_bound(n: u64) -> f64 {
    1.0 - libm::pow(0.05, 1.0 / n as f64)
}
