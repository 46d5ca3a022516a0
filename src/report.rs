//! Text and CSV renderings of a run, for the command line.

use crate::distribution::Param;
use crate::params::PARAMS;
use crate::scenario::{Scenario, TargetKind};
use crate::summary::{RunResult, SeriesSummary, TotalSummary};
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

/// A whole number, rounded to four significant digits from 10,000 up: the
/// quantiles are exact to 0.1 %, so more digits would claim too much.
pub fn money(x: f64) -> String {
    if x.abs() < 10_000.0 || !x.is_finite() {
        return num(x, 0);
    }
    let scale = 10f64.powi(x.abs().log10().floor() as i32 - 3);
    num((x / scale).round() * scale, 0)
}

fn pct(p: f64) -> String {
    format!("{:.1} %", 100.0 * p)
}

fn opt(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "undefined".into(), |v| num(v, decimals))
}

fn last(s: &SeriesSummary) -> (f64, f64, f64, f64) {
    let i = s.mean.len() - 1;
    (s.mean[i], s.p5[i], s.p50[i], s.p95[i])
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
        "{} trials, seed {}, years {y0}-{y1}. Ranges are P5-P95 across trials (90 % of trials fall inside).\n",
        num(r.trials as f64, 0),
        r.seed
    );
    if !r.targets.is_empty() {
        let _ = writeln!(
            o,
            "TARGETS  (probability met +/- Monte Carlo standard error)"
        );
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
                "  {label}\n    {} +/- {}   [{} of {} {reading}; {median}; source {}]",
                pct(t.probability_met),
                pct(t.probability_met_se),
                t.metric,
                num(t.value, 0),
                spec.source.as_deref().unwrap_or("none")
            );
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(
        o,
        "TOTALS {y0}-{y1}                          mean        median      P5 - P95"
    );
    let series_row = |o: &mut String, label: &str, key: &str, unit: &str| {
        let (mean, p5, p50, p95) = last(&r.series[key]);
        let _ = writeln!(
            o,
            "  {:<34}{:>12}{:>12}   {} - {} {unit}",
            label,
            money(mean),
            money(p50),
            money(p5),
            money(p95)
        );
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
    let total_row = |o: &mut String, label: &str, t: &TotalSummary, unit: &str, d: usize| {
        let _ = write!(
            o,
            "  {:<34}{:>12}{:>12}   {} - {} {unit}",
            label,
            opt(t.mean, d),
            opt(t.p50, d),
            opt(t.p5, d),
            opt(t.p95, d)
        );
        if t.undefined_share > 0.0 {
            let _ = write!(
                o,
                "  (undefined in {} of trials: no additional job)",
                pct(t.undefined_share)
            );
        }
        let _ = writeln!(o);
    };
    total_row(&mut o, "Cost per duo", &r.totals["cost_per_duo"], "EUR", 0);
    total_row(&mut o, "Cost per job", &r.totals["cost_per_job"], "EUR", 0);
    total_row(
        &mut o,
        "Cost per additional job",
        &r.totals["cost_per_net_job"],
        "EUR",
        0,
    );
    total_row(
        &mut o,
        "Benefit-cost ratio",
        &r.totals["benefit_cost_ratio"],
        "",
        2,
    );
    let _ = writeln!(
        o,
        "  Probability that the fiscal return exceeds the public cost: {} +/- {}\n",
        pct(r.p_benefit_exceeds_cost),
        pct(r.p_benefit_exceeds_cost_se)
    );
    let _ = writeln!(o, "{}", crate::accounts::text(r));
    let later = r.totals["employed_after_horizon"].mean.unwrap_or(0.0);
    if later > 0.0 {
        let _ = writeln!(
            o,
            "Jobs still to come after {y1} from duos started by then: {} on average (counted in the totals and accounts, not in the years).\n",
            num(later, 0)
        );
    }
    let _ = writeln!(o, "PER YEAR  median (P5 - P95)");
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
                    money(s.p50[i]),
                    money(s.p5[i]),
                    money(s.p95[i])
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
        "\nINPUTS  mean of each distribution; source = EVIDENCE row (* marks an assumption)"
    );
    for (field, p) in params(scenario) {
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
        let mean = num(p.mean(), if p.mean().abs() < 10.0 { 3 } else { 0 });
        let _ = writeln!(o, "  {mark}{field:<36} {mean:>10}   {source}");
    }
    o
}

/// Every parameter of a scenario with its field path, leaving out the
/// optional ones a scenario leaves at their default of zero.
pub fn params(s: &Scenario) -> Vec<(&'static str, &Param)> {
    PARAMS
        .iter()
        .filter_map(|spec| Some((spec.path, spec.get(s)?, spec.default)))
        .filter(|(_, p, default)| !(default.is_some() && p.is_fixed() && p.mean() == 0.0))
        .map(|(path, p, _)| (path, p))
        .collect()
}

/// The per-year quantiles as CSV: one row per series and year.
pub fn csv(r: &RunResult) -> String {
    let mut o = String::from("series,year,mean,p5,p10,p25,p50,p75,p90,p95,trials,seed\n");
    for (name, s) in &r.series {
        for (i, year) in r.years.iter().enumerate() {
            let _ = writeln!(
                o,
                "{name},{year},{},{},{},{},{},{},{},{},{},{}",
                s.mean[i],
                s.p5[i],
                s.p10[i],
                s.p25[i],
                s.p50[i],
                s.p75[i],
                s.p90[i],
                s.p95[i],
                r.trials,
                r.seed
            );
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_get_separators() {
        assert_eq!(num(1234567.0, 0), "1,234,567");
        assert_eq!(num(-1234.5, 1), "-1,234.5");
        assert_eq!(num(999.0, 0), "999");
        assert_eq!(num(-0.2, 0), "0");
        assert_eq!(num(f64::NAN, 0), "n/a");
    }
}
