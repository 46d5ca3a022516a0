//! Figures in words: numbers with thousands separators, each to the digits
//! its Monte Carlo error supports (the rule of [`crate::stats::rounding`]),
//! chances in percent, and text wrapped to a width.

use crate::stats::rounding::{printed, printed_bound, round_to_error};

/// A number with thousands separators and `decimals` decimals (`12,345.6`).
pub fn num(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// `x` with thousands separators, to the digits its standard error supports.
pub fn to_error(x: f64, se: f64) -> String {
    let (v, d) = round_to_error(x, se);
    num(v, d)
}

/// `x ± band`: the figure to the digits its standard error `se` supports
/// ([`error_place`](crate::stats::rounding::error_place)) and its 95 % Monte Carlo band, `1.96 se`, to one or
/// two significant digits.
///
/// ```
/// use mentorsim::present::figures::with_error;
/// assert_eq!(with_error(1234.567, 12.3), "1,235 ± 24");
/// assert_eq!(with_error(0.62, 0.004), "0.620 ± 0.008");
/// assert_eq!(with_error(2000.0, 0.0), "2,000 ± 0");
/// ```
pub fn with_error(x: f64, se: f64) -> String {
    let p = printed(x, se);
    format!(
        "{} ± {}",
        num(p.value, p.decimals),
        num(p.band, p.band_decimals)
    )
}

/// A chance estimated from `n` trials, in percent: `87 ± 1 %`; when none or
/// all of them showed it, the count and the bound the trials allow instead
/// ([`printed_bound`]): `0 % (none of 10,000 trials; under 0.030 %)`. A band
/// of `± 0.010` around 0 would claim a precision the trials do not give: the
/// Monte Carlo error of a share of 0 is one-sided, and three times as wide.
///
/// ```
/// use mentorsim::present::figures::pct_with_error;
/// assert_eq!(pct_with_error(0.074, 0.0026, 10_000), "7.4 ± 0.5 %");
/// assert_eq!(pct_with_error(0.0, 5e-5, 10_000), "0 % (none of 10,000 trials; under 0.030 %)");
/// assert_eq!(pct_with_error(1.0, 5e-4, 1_000), "100 % (all 1,000 trials; over 99.70 %)");
/// ```
pub fn pct_with_error(p: f64, se: f64, n: u64) -> String {
    let Some(b) = printed_bound(p, n) else {
        return format!("{} %", with_error(100.0 * p, 100.0 * se));
    };
    let (trials, bound) = (num(n as f64, 0), num(b.value, b.decimals));
    if b.above {
        format!("100 % (all {trials} trials; over {bound} %)")
    } else {
        format!("0 % (none of {trials} trials; under {bound} %)")
    }
}

/// One figure of a table: `x ± band`, the value right-aligned and
/// the band left-aligned so that the `±` line up.
pub(crate) fn cell(x: Option<f64>, se: Option<f64>) -> String {
    match x.filter(|v| v.is_finite()) {
        None => format!("{:>12}{:11}", "undefined", ""),
        Some(v) => {
            let p = printed(v, se.unwrap_or(f64::NAN));
            let band = num(p.band, p.band_decimals);
            format!("{:>12} ± {band:<8}", num(p.value, p.decimals))
        }
    }
}

/// `text` in lines of at most `width` characters, broken at spaces (a word
/// longer than `width` stands on its own line).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{num, to_error, with_error};
    use crate::stats::rounding::printed;

    #[test]
    fn figures_keep_the_digits_their_error_supports() {
        // Band 24.1: leading digits 241, two significant digits.
        assert_eq!(with_error(1234.567, 12.3), "1,235 ± 24");
        // Band 7.8e-3: one digit, and the figure to the same place.
        assert_eq!(with_error(0.62, 0.004), "0.620 ± 0.008");
        // Band 35.3 (353): two digits; 35.7 (357): one.
        assert_eq!(with_error(5123.4, 18.0), "5,123 ± 35");
        assert_eq!(with_error(5123.4, 18.2), "5,120 ± 40");
        // Band 9.8 (980) rounds up to 10, so two digits of 10; 1.96 keeps two.
        assert_eq!(with_error(77.777, 5.0), "78 ± 10");
        assert_eq!(with_error(77.777, 1.0), "77.8 ± 2.0");
        // A large figure keeps at most four significant digits (binning).
        assert_eq!(with_error(26_123_456.0, 1000.0), "26,120,000 ± 2,000");
        assert_eq!(with_error(26_123_456.0, 150_000.0), "26,120,000 ± 290,000");
        assert_eq!(with_error(26_123_456.0, 300_000.0), "26,100,000 ± 600,000");
        // No spread: the figure to four digits, an honest zero band.
        assert_eq!(with_error(2000.0, 0.0), "2,000 ± 0");
        assert_eq!(with_error(-1234.5, 3.0), "-1,235 ± 6");
        assert_eq!(to_error(f64::NAN, 1.0), "n/a");
        // A whole figure (a quantile of a count) gets no decimals.
        assert_eq!(with_error(979.0, 0.2), "979 ± 0.4");
        assert_eq!(with_error(979.4, 0.2), "979.4 ± 0.4");
        let p = printed(0.874, 0.005);
        assert_eq!(
            (p.value, p.decimals, p.band, p.band_decimals),
            (0.874, 3, 0.01, 3)
        );
    }

    #[test]
    fn numbers_get_separators() {
        assert_eq!(num(1234567.0, 0), "1,234,567");
        assert_eq!(num(-1234.5, 1), "-1,234.5");
        assert_eq!(num(999.0, 0), "999");
        assert_eq!(num(-0.2, 0), "0");
        assert_eq!(num(f64::NAN, 0), "n/a");
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let text = "a target equal to the plan is met only if every planned duo forms";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("", 10), Vec::<String>::new());
        assert_eq!(wrap("unbreakablewordhere", 5), vec!["unbreakablewordhere"]);
    }
}
