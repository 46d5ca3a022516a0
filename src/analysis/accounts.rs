//! Whose money: a run's results by perspective (the Region, the EU, the
//! federal level, the CPAS, the mentees, all public budgets, society), and
//! the break-even effect and cost per duo of those that bear the cost.
//!
//! Built from the totals a run already summarises (`net_<perspective>`,
//! `bcr_<perspective>`, `break_even_*`), so the JSON names each figure once
//! in `totals` and groups it here for a reader.

use crate::analysis::summary::TotalSummary;
use crate::model::outputs::{Perspective, Total, PERSPECTIVES};
use crate::model::priors;
use crate::model::scenario::Scenario;
use crate::model::text::Text;
use serde::Serialize;
use std::collections::BTreeMap;

/// One perspective's account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    /// Benefit less cost, present value in EUR of `start_year`.
    pub net: TotalSummary,
    /// Benefit over cost, where this account bears a cost.
    pub benefit_cost_ratio: Option<TotalSummary>,
    /// Share of trials whose benefit exceeds the cost.
    pub p_benefit_exceeds_cost: f64,
    /// Monte Carlo standard error of that share.
    pub p_benefit_exceeds_cost_se: f64,
}

/// Where an account breaks even.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakEven {
    /// The smallest effect (a share: 0.05 = 5 points) at which the benefit
    /// covers the cost, the rest of the trial as drawn.
    pub effect: TotalSummary,
    /// The largest cost per duo (EUR of `cost_price_year`) at which the
    /// benefit drawn covers the cost, the duos as they are.
    pub cost_per_duo: TotalSummary,
}

/// The counterfactual a run used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CounterfactualUsed {
    /// The named prior, if the scenario names one.
    pub prior: Option<String>,
    /// Its name in three languages.
    pub prior_name: Option<Text>,
    /// Whether the scenario states an effect or a baseline.
    pub form: priors::Form,
    /// The effect drawn in each trial (a share), summarised.
    pub effect: TotalSummary,
}

/// The accounts of a run: `(perspectives, break_even)`.
pub fn accounts(
    totals: &BTreeMap<String, TotalSummary>,
    exceeds: &[u64],
    n: f64,
) -> (BTreeMap<String, Account>, BTreeMap<String, BreakEven>) {
    let get = |t: Total| totals[t.name()].clone();
    let mut perspectives = BTreeMap::new();
    let mut break_even = BTreeMap::new();
    for (spec, &count) in PERSPECTIVES.iter().zip(exceeds) {
        let p = count as f64 / n;
        perspectives.insert(
            spec.name.to_string(),
            Account {
                net: get(spec.net),
                benefit_cost_ratio: spec.ratio.map(get),
                p_benefit_exceeds_cost: p,
                p_benefit_exceeds_cost_se: crate::analysis::summary::share_se(p, n),
            },
        );
        if let Some((effect, cost)) = spec.break_even {
            break_even.insert(
                spec.name.to_string(),
                BreakEven {
                    effect: get(effect),
                    cost_per_duo: get(cost),
                },
            );
        }
    }
    (perspectives, break_even)
}

/// What the run used as its counterfactual.
pub fn counterfactual(
    scenario: &Scenario,
    totals: &BTreeMap<String, TotalSummary>,
) -> CounterfactualUsed {
    let cf = &scenario.counterfactual;
    let prior = cf.prior.as_deref().and_then(priors::get);
    CounterfactualUsed {
        prior: cf.prior.clone(),
        prior_name: prior.map(priors::Prior::name_text),
        form: if cf.effect.is_some() {
            priors::Form::Effect
        } else {
            priors::Form::Baseline
        },
        effect: totals[Total::Effect.name()].clone(),
    }
}

/// The perspective the headline ratio speaks for.
pub const HEADLINE: Perspective = Perspective::Public;

/// The accounts as lines of the command line's summary, each figure to the
/// digits its Monte Carlo error supports.
pub fn text(r: &crate::RunResult) -> String {
    use crate::present::report::{pct_with_error, to_error, with_error};
    use std::fmt::Write;
    let mut o = String::new();
    let cf = &r.counterfactual;
    let name = cf
        .prior_name
        .as_ref()
        .map_or_else(|| "a custom counterfactual".to_string(), |t| t.en.clone());
    // An effect (a share) in points, to the digits its error supports.
    let pts = |x: Option<f64>, se: Option<f64>| match x {
        Some(v) => format!("{} points", to_error(100.0 * v, 100.0 * se.unwrap_or(0.0))),
        None => "never".to_string(),
    };
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
    let _ = writeln!(
        o,
        "\nACCOUNTS  present value, EUR of {}, discounted; benefit less cost, median (P5 - P95); chance the benefit exceeds the cost ± its 95 % Monte Carlo band",
        r.years.first().copied().unwrap_or_default()
    );
    let fig = |x: Option<f64>, se: Option<f64>| {
        x.map_or_else(|| "n/a".into(), |v| to_error(v, se.unwrap_or(0.0)))
    };
    for (key, label) in [
        ("region", "Region (after ESF+)"),
        ("eu", "EU (ESF+)"),
        ("federal", "Federal social security"),
        ("local", "CPAS"),
        ("participants", "Mentees"),
        ("public", "All public budgets"),
        ("society", "Society"),
    ] {
        let Some(a) = r.perspectives.get(key) else {
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
            pct_with_error(
                a.p_benefit_exceeds_cost,
                a.p_benefit_exceeds_cost_se,
                r.trials
            )
        );
    }
    o
}
