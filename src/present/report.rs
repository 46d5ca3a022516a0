//! Text and CSV renderings of a run, for the command line.

use crate::analysis::summary::{RunResult, SeriesSummary, TotalSummary};
use crate::model::distribution::{Domain, Param};
use crate::model::params::PARAMS;
use crate::model::scenario::{Scenario, TargetKind};
use std::fmt::Write;

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
/// use mentorsim::present::report::error_place;
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

/// `x` with thousands separators, to the digits its standard error supports.
pub fn to_error(x: f64, se: f64) -> String {
    let (v, d) = round_to_error(x, se);
    num(v, d)
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

/// How [`with_error`] prints `x` with standard error `se`.
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

/// `x ± band`: the figure to the digits its standard error `se` supports
/// ([`error_place`]) and its 95 % Monte Carlo band, `1.96 se`, to one or
/// two significant digits.
///
/// ```
/// use mentorsim::present::report::with_error;
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

/// The one-sided 95 % upper bound on a chance that none of `n` trials
/// showed, `1 - 0.05^(1/n)`: the exact (Clopper and Pearson 1934) bound,
/// about `3 / n` (the "rule of three": Hanley and Lippman-Hand 1983, JAMA
/// 249(13), 1743-1745). A chance that all `n` trials showed is above
/// `1 -` the same bound.
///
/// ```
/// let b = mentorsim::present::report::share_bound(10_000);
/// assert!((b - 2.9953e-4).abs() < 1e-8);
/// ```
pub fn share_bound(n: u64) -> f64 {
    1.0 - libm::pow(0.05, 1.0 / n as f64)
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
/// use mentorsim::present::report::{printed_bound, PrintedBound};
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

/// A chance estimated from `n` trials, in percent: `87 ± 1 %`; when none or
/// all of them showed it, the count and the bound the trials allow instead
/// ([`printed_bound`]): `0 % (none of 10,000 trials; under 0.030 %)`. A band
/// of `± 0.010` around 0 would claim a precision the trials do not give: the
/// Monte Carlo error of a share of 0 is one-sided, and three times as wide.
///
/// ```
/// use mentorsim::present::report::pct_with_error;
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

/// One figure of the totals table: `x ± band`, the value right-aligned and
/// the band left-aligned so that the `±` line up.
fn cell(x: Option<f64>, se: Option<f64>) -> String {
    match x.filter(|v| v.is_finite()) {
        None => format!("{:>12}{:11}", "undefined", ""),
        Some(v) => {
            let p = printed(v, se.unwrap_or(f64::NAN));
            let band = num(p.band, p.band_decimals);
            format!("{:>12} ± {band:<8}", num(p.value, p.decimals))
        }
    }
}

/// The last year's mean, median, P5 and P95 of a series, each with its
/// standard error.
fn last(s: &SeriesSummary) -> [(Option<f64>, Option<f64>); 4] {
    let i = s.mean.len() - 1;
    [
        (s.mean[i], s.mean_se[i]),
        (s.p50[i], s.p50_se[i]),
        (s.p5[i], s.p5_se[i]),
        (s.p95[i], s.p95_se[i]),
    ]
    .map(|(x, se)| (Some(x), Some(se)))
}

/// The readable summary `mentorsim run` prints by default.
pub fn text(r: &RunResult, scenario: &Scenario) -> String {
    let mut o = String::new();
    let (y0, y1) = (scenario.start_year, scenario.end_year);
    let name = if scenario.name.en.is_empty() {
        &scenario.id
    } else {
        &scenario.name.en
    };
    let _ = writeln!(o, "{name}");
    if !scenario.description.en.is_empty() {
        let _ = writeln!(o, "{}", scenario.description.en);
    }
    let _ = writeln!(
        o,
        "{} trials, seed {}, years {y0}-{y1}. P5 and P95 are across trials (90 % of trials fall between them).\n\
         Each figure is printed to the digits its Monte Carlo error supports; ± is its 95 % Monte Carlo band\n\
         (1.96 standard errors, estimated from these trials: another seed would move it that much).\n\
         A chance that no trial (or every trial) showed is given with the 95 % bound the trials allow instead.\n\
         Quantiles also carry a binning error of up to {:.1} % (the streaming summary's buckets).\n",
        num(r.trials as f64, 0),
        r.seed,
        100.0 * r.binning_relative_error
    );
    if !r.targets.is_empty() {
        let _ = writeln!(o, "TARGETS  (probability met ± 95 % Monte Carlo band)");
        for (t, spec) in r.targets.iter().zip(&scenario.targets) {
            let reading = match t.kind {
                TargetKind::Cumulative => format!("total {y0}-{}", t.year),
                TargetKind::Annual => format!("in {} alone", t.year),
            };
            let median = t.median_year_met.map_or_else(
                || format!("not met by {y1} in most trials"),
                |y| format!("median year met {y}"),
            );
            let label = if t.label.en.is_empty() {
                &t.metric
            } else {
                &t.label.en
            };
            let _ = writeln!(
                o,
                "  {label}\n    {}   [{} of {} {reading}; {median}; source {}]",
                pct_with_error(t.probability_met, t.probability_met_se, r.trials),
                t.metric,
                num(t.value, 0),
                spec.source.as_deref().unwrap_or("none")
            );
            if let Some(note) = spec.note.as_ref().filter(|n| !n.en.is_empty()) {
                for line in wrap(&note.en, 96) {
                    let _ = writeln!(o, "    {line}");
                }
            }
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(
        o,
        "TOTALS {y0}-{y1}{:>31}{:>23}{:>23}{:>23}",
        "mean", "median", "P5", "P95"
    );
    let series_row = |o: &mut String, label: &str, key: &str, unit: &str| {
        let cells = last(&r.series[key]).map(|(x, se)| cell(x, se));
        let line = format!("  {label:<34}{} {unit}", cells.concat());
        let _ = writeln!(o, "{}", line.trim_end());
    };
    series_row(&mut o, "Duos started", "duos_started_cumulative", "duos");
    series_row(
        &mut o,
        "People in work (within 12 months)",
        "employed_cumulative",
        "people",
    );
    series_row(
        &mut o,
        "Positive exits (work or training)",
        "positive_exits_cumulative",
        "people",
    );
    series_row(
        &mut o,
        "Additional people in work (net)",
        "net_additional_employed_cumulative",
        "people",
    );
    series_row(&mut o, "Public cost", "public_cost_cumulative", "EUR");
    series_row(
        &mut o,
        "Regional cost (after ESF+)",
        "regional_cost_cumulative",
        "EUR",
    );
    series_row(
        &mut o,
        "Budget needed for the plan",
        "budget_needed_cumulative",
        "EUR",
    );
    series_row(
        &mut o,
        "Fiscal return (present value)",
        "fiscal_return_cumulative",
        "EUR",
    );
    series_row(
        &mut o,
        "Volunteer time (shadow value)",
        "volunteer_value_cumulative",
        "EUR",
    );
    let total_row = |o: &mut String, label: &str, t: &TotalSummary, unit: &str| {
        let cells = [
            cell(t.mean, t.mean_se),
            cell(t.p50, t.p50_se),
            cell(t.p5, t.p5_se),
            cell(t.p95, t.p95_se),
        ];
        let line = format!("  {label:<34}{} {unit}", cells.concat());
        let _ = write!(o, "{}", line.trim_end());
        if t.undefined_share > 0.0 {
            let _ = write!(
                o,
                "  (undefined in {} of trials: no additional job)",
                pct_with_error(t.undefined_share, t.undefined_share_se, r.trials)
            );
        }
        let _ = writeln!(o);
    };
    total_row(&mut o, "Cost per duo", &r.totals["cost_per_duo"], "EUR");
    total_row(&mut o, "Cost per job", &r.totals["cost_per_job"], "EUR");
    total_row(
        &mut o,
        "Cost per additional job",
        &r.totals["cost_per_net_job"],
        "EUR",
    );
    total_row(
        &mut o,
        "Benefit-cost ratio",
        &r.totals["benefit_cost_ratio"],
        "",
    );
    let _ = writeln!(
        o,
        "  Probability that the fiscal return exceeds the public cost: {}\n",
        pct_with_error(
            r.p_benefit_exceeds_cost,
            r.p_benefit_exceeds_cost_se,
            r.trials
        )
    );
    let _ = writeln!(o, "{}", crate::analysis::accounts::text(r));
    if let Some(sens) = &r.sensitivity {
        o.push_str(&tornado(sens));
    }
    let later = r.totals["employed_after_horizon"].mean.unwrap_or(0.0);
    if later > 0.0 {
        let _ = writeln!(
            o,
            "Jobs still to come after {y1} from duos started by then: {} on average (counted in the totals and accounts, not in the years).\n",
            num(later, 0)
        );
    }
    let _ = writeln!(
        o,
        "PER YEAR  median (P5 - P95), each to the digits its Monte Carlo error supports"
    );
    let cols = [
        ("duos started", "duos_started"),
        ("people in work", "employed"),
        ("additional in work", "net_additional_employed"),
        ("public cost EUR", "public_cost"),
        ("mentors needed", "mentors_needed"),
    ];
    let cells: Vec<Vec<String>> = cols
        .iter()
        .map(|(label, key)| {
            let s = &r.series[*key];
            let mut col = vec![label.to_string()];
            col.extend((0..r.years.len()).map(|i| {
                format!(
                    "{} ({} - {})",
                    to_error(s.p50[i], s.p50_se[i]),
                    to_error(s.p5[i], s.p5_se[i]),
                    to_error(s.p95[i], s.p95_se[i])
                )
            }));
            col
        })
        .collect();
    for row in 0..=r.years.len() {
        let year = if row == 0 {
            "year".to_string()
        } else {
            r.years[row - 1].to_string()
        };
        let _ = write!(o, "  {year:<6}");
        for col in &cells {
            let width = col.iter().map(|c| c.chars().count()).max().unwrap_or(0) + 3;
            let _ = write!(o, "{:>width$}", col[row]);
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(
        o,
        "\nINPUTS  mean and 90 % interval (P5 - P95) of each input's draws; source = EVIDENCE row (* marks an assumption)"
    );
    for (field, p, domain) in params(scenario) {
        let source = match (&p.source, p.assumption) {
            (Some(s), false) => s.clone(),
            (Some(s), true) => format!("{s} (assumption)"),
            (None, _) => "assumption".into(),
        };
        let mark = if p.assumption || p.source.is_none() {
            "*"
        } else {
            " "
        };
        // Three decimals below 10, whole numbers above: an input is a
        // statement of evidence, not a Monte Carlo estimate.
        let fig = |x: f64| num(x, if p.mean().abs() < 10.0 { 3 } else { 0 });
        let spread = match p.summary(domain) {
            Some(q) if !p.is_fixed() => format!("{} - {}", fig(q.p5), fig(q.p95)),
            _ => "fixed".into(),
        };
        let mean = fig(p.mean());
        let _ = writeln!(o, "  {mark}{field:<36} {mean:>10}  {spread:<20} {source}");
    }
    o
}

/// Every parameter of a scenario with its field path and the domain its
/// draws are clipped to, leaving out the optional ones a scenario leaves at
/// their default of zero.
pub fn params(s: &Scenario) -> Vec<(&'static str, &Param, Domain)> {
    PARAMS
        .iter()
        .filter_map(|spec| Some((spec.path, spec.get(s)?, spec.default, spec.domain)))
        .filter(|(_, p, default, _)| !(default.is_some() && p.is_fixed() && p.mean() == 0.0))
        .map(|(path, p, _, domain)| (path, p, domain))
        .collect()
}

/// The per-year quantiles as CSV: one row per series and year, then the
/// Monte Carlo standard error of each figure.
pub fn csv(r: &RunResult) -> String {
    let mut o = String::from(
        "series,year,mean,p5,p10,p25,p50,p75,p90,p95,trials,seed,\
         mean_se,p5_se,p10_se,p25_se,p50_se,p75_se,p90_se,p95_se\n",
    );
    for (name, s) in &r.series {
        for (i, year) in r.years.iter().enumerate() {
            let figures = [
                s.mean[i], s.p5[i], s.p10[i], s.p25[i], s.p50[i], s.p75[i], s.p90[i], s.p95[i],
            ];
            let errors = [
                s.mean_se[i],
                s.p5_se[i],
                s.p10_se[i],
                s.p25_se[i],
                s.p50_se[i],
                s.p75_se[i],
                s.p90_se[i],
                s.p95_se[i],
            ];
            let join = |xs: &[f64]| xs.iter().map(f64::to_string).collect::<Vec<_>>().join(",");
            let _ = writeln!(
                o,
                "{name},{year},{},{},{},{}",
                join(&figures),
                r.trials,
                r.seed,
                join(&errors)
            );
        }
    }
    o
}

/// What drives the answer: each headline's inputs by the size of their rank
/// correlation, as bars (a tornado).
pub fn tornado(sens: &crate::analysis::summary::Sensitivity) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "WHAT DRIVES THE ANSWER  Spearman rank correlation of each input with the output, over the first {} trials",
        num(sens.samples as f64, 0)
    );
    for (key, label) in [
        (
            "benefit_cost_ratio",
            "Benefit-cost ratio (all public budgets)",
        ),
        (
            "net_additional_employed_cumulative",
            "Additional people in work",
        ),
        ("duos_started_cumulative", "Duos started"),
    ] {
        let Some(drivers) = sens.outputs.get(key) else {
            continue;
        };
        let undefined = sens.undefined.get(key).copied().unwrap_or(0);
        let _ = writeln!(o, "  {label}");
        for d in drivers.iter().take(6) {
            let bar = "#".repeat((d.rho.abs() * 30.0).round() as usize);
            let sign = if d.rho < 0.0 { "-" } else { "+" };
            let _ = writeln!(
                o,
                "    {:<36} {sign}{:<4} {bar}",
                d.parameter,
                num(d.rho.abs(), 2)
            );
        }
        if undefined > 0 {
            let _ = writeln!(
                o,
                "    ({undefined} trials with no value rank above all the others)"
            );
        }
    }
    let _ = writeln!(o);
    o
}

/// The answer of `mentorsim solve`, in words.
pub fn solution(s: &crate::analysis::decide::Solution, scenario: &Scenario) -> String {
    let mut o = String::new();
    let conf = format!("{} %", num(100.0 * s.confidence, 0));
    let _ = writeln!(
        o,
        "{}\nTarget {}: {}\nLever: {} ({}), searched from {} to {} in steps of {}; {} trials, seed {}.\n",
        scenario.name.en,
        s.target,
        s.target_label,
        serde_json::to_value(s.lever)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        s.unit,
        num(s.range.0, if s.step < 1.0 { 2 } else { 0 }),
        num(s.range.1, if s.step < 1.0 { 2 } else { 0 }),
        num(s.step, if s.step < 1.0 { 2 } else { 0 }),
        num(s.trials as f64, 0),
        s.seed
    );
    match s.value {
        Some(v) => {
            let word = if s.lever == crate::analysis::decide::Lever::CostPerDuo {
                "largest"
            } else {
                "smallest"
            };
            let _ = writeln!(
                o,
                "The {word} value that meets the target in at least {conf} of trials: {} {}",
                num(v, if s.step < 1.0 { 2 } else { 0 }),
                s.unit
            );
            let _ = writeln!(
                o,
                "  probability met there: {}",
                pct_with_error(s.probability, s.probability_se, s.trials)
            );
            if let Some(p) = s.probability_one_step_short {
                let _ = writeln!(o, "  one step short of it: {} %", num(100.0 * p, 1));
            }
        }
        None => {
            let _ = writeln!(
                o,
                "No value in the range meets the target in {conf} of trials; the best reached is {}.",
                pct_with_error(s.best_probability, s.probability_se, s.trials)
            );
        }
    }
    o
}

/// `mentorsim compare`, in words: B against A on the headlines.
pub fn comparison(c: &crate::analysis::decide::Comparison, a: &str, b: &str) -> String {
    let mut o = String::new();
    let d = &c.difference;
    let _ = writeln!(
        o,
        "B ({b}) against A ({a}): {} trials, seed {}, common random numbers (trial i of both draws the same numbers).\nDifference B - A: mean and P5 - P95 over trials; chance B is better, and chance they are equal.\n",
        num(d.trials as f64, 0),
        d.seed
    );
    for h in crate::analysis::decide::HEADLINES {
        let (mean, mean_se, p5, p95) = match h.at {
            crate::analysis::decide::Where::Cumulative(_) => {
                let s = &d.series[h.name];
                let i = s.mean.len() - 1;
                (
                    Some(s.mean[i]),
                    Some(s.mean_se[i]),
                    Some(s.p5[i]),
                    Some(s.p95[i]),
                )
            }
            crate::analysis::decide::Where::Total(t) => {
                let s = &d.totals[t.name()];
                (s.mean, s.mean_se, s.p5, s.p95)
            }
        };
        let fig = |x: Option<f64>| {
            x.map_or_else(|| "n/a".into(), |v| to_error(v, mean_se.unwrap_or(0.0)))
        };
        let _ = writeln!(
            o,
            "  {:<38}{:>16}   ({} - {})   B better in {} %, equal in {} %",
            h.name,
            mean.map_or_else(
                || "undefined".to_string(),
                |m| with_error(m, mean_se.unwrap_or(0.0))
            ),
            fig(p5),
            fig(p95),
            num(100.0 * c.p_b_better[h.name], 1),
            num(100.0 * c.p_equal[h.name], 1)
        );
    }
    o
}

/// `mentorsim value`, in words.
pub fn value_of_information(
    v: &crate::analysis::decide::ValueOfInformation,
    scenario: &Scenario,
) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}\nWhat better evidence is worth to the decision to fund it or not, for the whole programme\n(present value, EUR of {}; {} trials; the effect's conditional means in {} bins):\n",
        scenario.name.en,
        scenario.start_year,
        num(v.trials as f64, 0),
        v.bins
    );
    let _ = writeln!(
        o,
        "  {:<22}{:>22}{:>30}",
        "account", "knowing everything", "knowing the effect alone"
    );
    for (name, evpi) in &v.evpi {
        let _ = writeln!(
            o,
            "  {:<22}{:>22}{:>30}",
            name,
            num(*evpi, 0),
            num(v.evppi_effect[name], 0)
        );
    }
    let _ = writeln!(
        o,
        "\nA rigorous evaluation of the effect is worth up to the last column to this decision (zero where\nthe decision would not change whatever the evaluation found)."
    );
    o
}

#[cfg(test)]
mod tests {
    use super::{num, printed, to_error, with_error};

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

/// `text` in lines of at most `width` characters, broken at spaces (a word
/// longer than `width` stands on its own line).
fn wrap(text: &str, width: usize) -> Vec<String> {
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
