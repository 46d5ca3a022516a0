//! The accounts of a run in words: the effect drawn and where it breaks
//! even, then whose money each account gains or loses.

use crate::analysis::summary::RunResult;
use crate::model::outputs::{Perspective, PERSPECTIVES};
use crate::present::figures::{pct_with_error, to_error, with_error};
use std::fmt::Write;

/// The accounts as lines of the command line's summary, each figure to the
/// digits its Monte Carlo error supports; `horizon` the years over which a
/// job's returns are counted (`fiscal.horizon_years`).
pub fn text(r: &RunResult, horizon: u32) -> String {
    let mut o = String::new();
    effect(&mut o, r, horizon);
    accounts(&mut o, r);
    o
}

/// An effect (a share) in points, to the digits its error supports.
fn pts(x: Option<f64>, se: Option<f64>) -> String {
    match x {
        Some(v) => format!("{} points", to_error(100.0 * v, 100.0 * se.unwrap_or(0.0))),
        None => "never".to_string(),
    }
}

/// A persistence (a share) in percent, to the digits its error supports;
/// `never` where it is undefined (even all of it lasting does not pay back).
fn lasting(x: Option<f64>, se: Option<f64>) -> String {
    match x {
        Some(v) => format!("{} %", to_error(100.0 * v, 100.0 * se.unwrap_or(0.0))),
        None => "never".to_string(),
    }
}

/// The effect drawn, under which prior, and where mentoring breaks even.
fn effect(o: &mut String, r: &RunResult, horizon: u32) {
    let cf = &r.counterfactual;
    let name = cf
        .prior_name
        .as_ref()
        .map_or_else(|| "a custom counterfactual".to_string(), |t| t.en.clone());
    let e = &cf.effect;
    let _ = writeln!(
        o,
        "EFFECT  {name}: {} (P5 {} - P95 {}) on the chance of being in work",
        pts(e.p50, e.p50_se),
        pts(e.p5, e.p5_se),
        pts(e.p95, e.p95_se)
    );
    if e.p5.is_some_and(|v| v < 0.0) {
        let _ = writeln!(
            o,
            "  Its band goes below zero: the effect allowed for includes mentoring lowering the chance of work. In those trials the additional jobs, the fiscal return and the benefit-cost ratio are zero or below."
        );
    }
    if let Some(be) = r.break_even.get("public") {
        let (x, c) = (&be.effect, &be.cost_per_duo);
        let _ = writeln!(
            o,
            "  Break-even: mentoring pays for all public budgets together if it raises that chance by at least {} (median; P5 {} - P95 {}).",
            pts(x.p50, x.p50_se),
            pts(x.p5, x.p5_se),
            pts(x.p95, x.p95_se)
        );
        if let Some(p) = &be.persistence {
            let band = format!(
                "P5 {} - P95 {}; never in {} % of trials; the rest of each trial as drawn",
                lasting(p.p5, p.p5_se),
                lasting(p.p95, p.p95_se),
                to_error(100.0 * p.undefined_share, 100.0 * p.undefined_share_se)
            );
            let _ = match p.p50 {
                Some(v) => writeln!(
                    o,
                    "  It pays back to all public budgets if at least {} of the additional employment lasts from one year to the next (median; {band}).",
                    lasting(Some(v), p.p50_se)
                ),
                None => writeln!(
                    o,
                    "  Even if all the additional employment lasted from one year to the next, it would not pay back to all public budgets within {horizon} years in most trials (median never; {band})."
                ),
            };
        }
        if let Some(v) = c.p50 {
            let _ = writeln!(
                o,
                "  At the effect drawn, it pays up to {} EUR a duo (median, with its 95 % Monte Carlo band; in prices of the cost per duo).",
                with_error(v, c.p50_se.unwrap_or(0.0))
            );
        }
    }
    if let Some(be) = r.break_even.get("region") {
        if be.effect.p50.is_none() {
            let _ = writeln!(
                o,
                "  For the Region alone it never pays back in money: the savings go to the federal social security and the CPAS."
            );
        }
    }
}

/// Each account's benefit less cost, its ratio and the chance its benefit exceeds its cost.
fn accounts(o: &mut String, r: &RunResult) {
    let _ = writeln!(
        o,
        "\nACCOUNTS  present value, EUR of {}, discounted; benefit less cost, median (P5 - P95); chance the benefit exceeds the cost ± its 95 % Monte Carlo band",
        r.years.first().copied().unwrap_or_default()
    );
    let fig = |x: Option<f64>, se: Option<f64>| {
        x.map_or_else(|| "n/a".into(), |v| to_error(v, se.unwrap_or(0.0)))
    };
    for spec in &PERSPECTIVES {
        let label = label(spec.id);
        let Some(a) = r.perspectives.get(spec.name) else {
            continue;
        };
        let ratio = a
            .benefit_cost_ratio
            .as_ref()
            .and_then(|b| b.p50.map(|v| (v, b.p50_se.unwrap_or(0.0))))
            .map_or_else(String::new, |(v, se)| {
                format!("   ratio {}", to_error(v, se))
            });
        let n = &a.net;
        let _ = writeln!(
            o,
            "  {label:<26}{:>14} ({} - {})   {}{ratio}",
            fig(n.p50, n.p50_se),
            fig(n.p5, n.p5_se),
            fig(n.p95, n.p95_se),
            match (a.p_benefit_exceeds_cost, a.p_benefit_exceeds_cost_se) {
                (Some(p), Some(se)) => pct_with_error(p, se, r.trials),
                _ if spec.id == Perspective::Wellbeing =>
                    "life satisfaction valued in WELLBYs (W1, W2): kept apart, in no ratio".into(),
                _ => "bears no cost: its net is its benefit".into(),
            }
        );
    }
}

/// An account's name on the command line.
fn label(p: Perspective) -> &'static str {
    match p {
        Perspective::Region => "Region (after ESF+)",
        Perspective::Eu => "EU (ESF+)",
        Perspective::Federal => "Federal social security",
        Perspective::Local => "CPAS",
        Perspective::Participants => "Mentees",
        Perspective::Public => "All public budgets",
        Perspective::Society => "Society",
        Perspective::Wellbeing => "Wellbeing (WELLBY, not money)",
    }
}
