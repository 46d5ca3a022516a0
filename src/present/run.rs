//! A run in words: the readable summary `mentorsim run` prints, what drives
//! its answer, and its yearly quantiles as CSV.

use crate::analysis::decide::ValueOfInformation;
use crate::analysis::summary::{RunResult, Sensitivity};
use crate::model::distribution::{Domain, Param};
use crate::model::params::PARAMS;
use crate::model::scenario::{Scenario, TargetKind};
use crate::present::accounts;
use crate::present::figures::{cell, num, pct_with_error, to_error, wrap};
use crate::stats::figures::{SeriesSummary, TotalSummary};
use std::fmt::Write;

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

/// The readable summary `mentorsim run` prints by default: the run, its
/// targets, its totals, the accounts, what drives it, the years and the inputs.
///
/// `by_prior`, when given, is the same scenario under each named prior (from
/// `mentorsim value`'s computation): the range the evidence allows is
/// printed under the totals, before the accounts of the prior chosen.
pub fn text(r: &RunResult, scenario: &Scenario, by_prior: Option<&ValueOfInformation>) -> String {
    let mut o = String::new();
    header(&mut o, r, scenario);
    targets(&mut o, r, scenario);
    totals(&mut o, r, scenario);
    if let Some(v) = by_prior {
        o.push_str(&crate::present::decide::range_by_prior(v));
    }
    let _ = writeln!(o, "{}", accounts::text(r, scenario.fiscal.horizon_years));
    if let Some(sens) = &r.sensitivity {
        o.push_str(&tornado(sens));
    }
    jobs_to_come(&mut o, r, scenario.end_year);
    per_year(&mut o, r);
    inputs(&mut o, scenario);
    o
}

/// The scenario's name and description, the trials and seed, and how to read the figures.
fn header(o: &mut String, r: &RunResult, scenario: &Scenario) {
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
}

/// Each target's chance with its Monte Carlo band, its reading, its source and its note.
fn targets(o: &mut String, r: &RunResult, scenario: &Scenario) {
    let (y0, y1) = (scenario.start_year, scenario.end_year);
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
}

/// The totals of every year (mean, median, P5, P95), the costs per duo and
/// per job, the benefit-cost ratio and the chance the return exceeds the cost.
fn totals(o: &mut String, r: &RunResult, scenario: &Scenario) {
    let (y0, y1) = (scenario.start_year, scenario.end_year);
    let _ = writeln!(
        o,
        "TOTALS {y0}-{y1}{:>31}{:>23}{:>23}{:>23}",
        "mean", "median", "P5", "P95"
    );
    for (label, key, unit) in [
        ("Duos started", "duos_started_cumulative", "duos"),
        (
            "People in work (within 12 months)",
            "employed_cumulative",
            "people",
        ),
        (
            "Positive exits (work or training)",
            "positive_exits_cumulative",
            "people",
        ),
        (
            "Additional people in work (net)",
            "net_additional_employed_cumulative",
            "people",
        ),
        ("Public cost", "public_cost_cumulative", "EUR"),
        (
            "Regional cost (after ESF+)",
            "regional_cost_cumulative",
            "EUR",
        ),
        (
            "Budget needed for the plan",
            "budget_needed_cumulative",
            "EUR",
        ),
        (
            "Fiscal return, jobs by then (PV)",
            "fiscal_return_cumulative",
            "EUR",
        ),
        (
            "Volunteer time (shadow value)",
            "volunteer_value_cumulative",
            "EUR",
        ),
    ] {
        series_row(o, label, &r.series[key], unit);
    }
    for (label, key, unit) in [
        ("Cost per duo", "cost_per_duo", "EUR"),
        ("Cost per job", "cost_per_job", "EUR"),
        ("Cost per additional job", "cost_per_net_job", "EUR"),
        ("Benefit-cost ratio", "benefit_cost_ratio", ""),
    ] {
        total_row(o, label, &r.totals[key], unit, r.trials);
    }
    let _ = writeln!(
        o,
        "  Probability that the fiscal return exceeds the public cost: {}",
        pct_with_error(
            r.p_benefit_exceeds_cost,
            r.p_benefit_exceeds_cost_se,
            r.trials
        )
    );
    present_values(o, r, scenario);
    let _ = writeln!(o);
}

/// All public budgets' benefit and cost on the ratio's basis, so that the
/// figures printed divide to the ratio printed beside them.
fn present_values(o: &mut String, r: &RunResult, scenario: &Scenario) {
    let Some(pv) = r
        .perspectives
        .get("public")
        .and_then(|a| a.present_value.as_ref())
    else {
        return;
    };
    let (Some(b), Some(c), Some(ratio)) = (pv.benefit.mean, pv.cost.mean, pv.ratio_of_means) else {
        return;
    };
    let se = |s: &TotalSummary| s.mean_se.unwrap_or(0.0);
    let ratio_se = r.totals["benefit_cost_ratio"].mean_se.unwrap_or(0.0);
    let _ = writeln!(
        o,
        "  On the ratio's basis (present values, EUR of {}, every additional job over {} years, the later ones too):\n    mean benefit {} / mean cost {} = {} (the ratio of the means)",
        scenario.start_year,
        scenario.fiscal.horizon_years,
        to_error(b, se(&pv.benefit)),
        to_error(c, se(&pv.cost)),
        to_error(ratio, ratio_se),
    );
}

/// A row of the totals: a running total's last year (mean, median, P5, P95), each with its error.
pub(crate) fn series_row(o: &mut String, label: &str, s: &SeriesSummary, unit: &str) {
    let cells = last(s).map(|(x, se)| cell(x, se));
    let line = format!("  {label:<34}{} {unit}", cells.concat());
    let _ = writeln!(o, "{}", line.trim_end());
}

/// A row of the totals: a total over the run (mean, median, P5, P95), and the share of trials where it is undefined.
pub(crate) fn total_row(o: &mut String, label: &str, t: &TotalSummary, unit: &str, trials: u64) {
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
            pct_with_error(t.undefined_share, t.undefined_share_se, trials)
        );
    }
    let _ = writeln!(o);
}

/// The jobs still to come after the last year, from duos started by then.
fn jobs_to_come(o: &mut String, r: &RunResult, y1: i32) {
    let later = r.totals["employed_after_horizon"].mean.unwrap_or(0.0);
    if later > 0.0 {
        let _ = writeln!(
            o,
            "Jobs still to come after {y1} from duos started by then: {} on average (counted in the totals and accounts, not in the years).\n",
            num(later, 0)
        );
    }
}

/// Each year's median and P5-P95 of the main series, as a table.
fn per_year(o: &mut String, r: &RunResult) {
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
}

/// Each input's mean and 90 % interval, with its source.
fn inputs(o: &mut String, scenario: &Scenario) {
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
pub fn tornado(sens: &Sensitivity) -> String {
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
