//! The rule that rounds a figure to the digits its Monte Carlo error
//! supports, with its 95 % band, and the bound printed for a chance that
//! none or all of the trials showed. The command line prints with it and the
//! page formats every figure with it (through the binding's `printed`), so
//! both show the same digits.

use crate::stats::share::share_bound;

/// Half-width of the printed Monte Carlo band, in standard errors (95 %).
pub const BAND_Z: f64 = 1.96;

/// The power of ten the 95 % band `b = 1.96 se` is rounded to, by the
/// Particle Data Group's rule (Review of Particle Physics, introduction,
/// "Rounding"): two significant digits when the band's three leading digits
/// are 100 to 354, else one (950 to 999 round up to 1,000 and so keep two).
/// `None` when `se` is zero or not a number.
fn band_place(se: f64) -> Option<i32> {
    let b = BAND_Z * se;
    if !(b > 0.0 && b.is_finite()) {
        return None;
    }
    let top = b.log10().floor() as i32;
    let lead = b / 10f64.powi(top - 2);
    Some(if lead < 355.0 { top - 1 } else { top })
}

/// The power of ten a figure `x` with Monte Carlo standard error `se` is
/// rounded to: the place of its band's last digit (so a rounding error of
/// at most a seventh of the band), and never finer than four significant
/// digits of `x` (a quantile's binning error is up to 0.1 %, see
/// [`crate::stats::sketch::RELATIVE_ERROR`]), nor than a whole `x` has (a quantile
/// of a count is a count).
///
/// ```text
/// place = max(band place, floor(log10 |x|) - 3, 0 if x is whole)
/// ```
///
/// ```
/// use mentorsim::stats::rounding::error_place;
/// assert_eq!(error_place(1234.567, 12.3), 0); // band 24.1: two digits
/// assert_eq!(error_place(0.62, 0.004), -3); // band 0.0078: one digit
/// assert_eq!(error_place(26_123_456.0, 1000.0), 4); // four digits at most
/// ```
pub fn error_place(x: f64, se: f64) -> i32 {
    let mc = band_place(se);
    let bins = (x != 0.0 && x.is_finite()).then(|| x.abs().log10().floor() as i32 - 3);
    let place = match (mc, bins) {
        (Some(a), Some(b)) => a.max(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => 0,
    };
    if x.fract() == 0.0 {
        place.max(0)
    } else {
        place
    }
}

/// `x` rounded to the power of ten `place`, and the decimals that shows.
fn round_at(x: f64, place: i32) -> (f64, usize) {
    let rounded = if place >= 0 {
        let unit = 10f64.powi(place);
        (x / unit).round() * unit
    } else {
        let scale = 10f64.powi(-place);
        (x * scale).round() / scale
    };
    (rounded, place.min(0).unsigned_abs() as usize)
}

/// `x` rounded to the digits its standard error `se` supports
/// ([`error_place`]), as the number it prints and its decimals.
pub fn round_to_error(x: f64, se: f64) -> (f64, usize) {
    round_at(x, error_place(x, se))
}

/// A figure as printed: rounded to the digits its standard error supports,
/// with its 95 % Monte Carlo band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Printed {
    /// The figure, rounded at [`error_place`].
    pub value: f64,
    /// Decimals of `value`.
    pub decimals: usize,
    /// `1.96 se`, to one or two significant digits (see [`error_place`]).
    pub band: f64,
    /// Decimals of `band`.
    pub band_decimals: usize,
}

/// How `x` with standard error `se` is printed (the command line's
/// `with_error`, the page's figures).
pub fn printed(x: f64, se: f64) -> Printed {
    let (value, decimals) = round_to_error(x, se);
    let (band, band_decimals) = if se > 0.0 && se.is_finite() {
        round_at(BAND_Z * se, band_place(se).unwrap_or(0))
    } else {
        (if se == 0.0 { 0.0 } else { f64::NAN }, 0)
    };
    Printed {
        value,
        decimals,
        band,
        band_decimals,
    }
}

/// How a chance that none or all of `n` trials showed is printed: the bound
/// the trials allow ([`share_bound`]) in percent, to two significant digits
/// rounded outwards (`under 0.030 %`, `over 99.970 %`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PrintedBound {
    /// The bound, in percent.
    pub value: f64,
    /// Decimals of `value`.
    pub decimals: usize,
    /// All trials showed it: the chance is above `value` (else below it).
    pub above: bool,
}

/// The printed bound of a chance `p` of `n` trials when it is 0 or 1; `None`
/// for any other chance (which has a band, [`printed`]) or `n = 0`.
///
/// ```
/// use mentorsim::stats::rounding::{printed_bound, PrintedBound};
/// assert_eq!(printed_bound(0.0, 10_000), Some(PrintedBound { value: 0.030, decimals: 3, above: false }));
/// assert_eq!(printed_bound(1.0, 1_000), Some(PrintedBound { value: 99.70, decimals: 2, above: true }));
/// assert_eq!(printed_bound(0.5, 1_000), None);
/// ```
pub fn printed_bound(p: f64, n: u64) -> Option<PrintedBound> {
    if n == 0 || (p != 0.0 && p != 1.0) {
        return None;
    }
    let b = 100.0 * share_bound(n);
    // Two significant digits: 0.030, 0.30, 3.0.
    let decimals = (1 - libm::floor(libm::log10(b)) as i32).max(0) as usize;
    let scale = libm::pow(10.0, decimals as f64);
    let above = p == 1.0;
    let value = if above {
        libm::floor((100.0 - b) * scale) / scale
    } else {
        libm::ceil(b * scale) / scale
    };
    Some(PrintedBound {
        value,
        decimals,
        above,
    })
}
