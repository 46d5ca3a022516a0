//! Whose money: a run's results by perspective (the Region, the EU, the
//! federal level, the CPAS, the mentees, all public budgets, society), and
//! the break-even effect and cost per duo of those that bear the cost.
//!
//! Built from the totals a run already summarises (`net_<perspective>`,
//! `bcr_<perspective>`, `break_even_*`), so the JSON names each figure once
//! in `totals` and groups it here for a reader.

use crate::model::outputs::{Perspective, Total, PERSPECTIVES};
use crate::model::priors;
use crate::model::scenario::Scenario;
use crate::model::text::Text;
use crate::stats::figures::TotalSummary;
use crate::stats::share::share_se;
use serde::Serialize;
use std::collections::BTreeMap;

/// One perspective's account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    /// Benefit less cost, present value in EUR of `start_year`.
    pub net: TotalSummary,
    /// Benefit over cost, where this account bears a cost.
    pub benefit_cost_ratio: Option<TotalSummary>,
    /// Share of trials whose benefit exceeds the cost, where this account
    /// bears a cost (an account that bears none only gains: its `net` is
    /// its benefit, and a chance would mean nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_benefit_exceeds_cost: Option<f64>,
    /// Monte Carlo standard error of that share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_benefit_exceeds_cost_se: Option<f64>,
    /// Its benefit and cost apart, present values, where a run gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present_value: Option<PresentValue>,
}

/// An account's benefit and cost on one basis: present values in EUR of
/// `start_year`, discounted at the drawn rate, the benefit of every
/// additional job (those found after the last year too) over the horizon.
/// `ratio_of_means` is the quotient of their means, so that the two figures
/// printed divide to the ratio printed beside them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PresentValue {
    /// The benefit, summarised across trials.
    pub benefit: TotalSummary,
    /// The cost, summarised across trials.
    pub cost: TotalSummary,
    /// Mean benefit over mean cost.
    pub ratio_of_means: Option<f64>,
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
    /// All public budgets only: the smallest persistence (the share of the
    /// additional employment still there a year later, each year) at which
    /// the benefit covers the cost, the rest of the trial as drawn;
    /// undefined where even 1 does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistence: Option<TotalSummary>,
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
        let bears_cost = spec.ratio.is_some();
        perspectives.insert(
            spec.name.to_string(),
            Account {
                net: get(spec.net),
                benefit_cost_ratio: spec.ratio.map(get),
                p_benefit_exceeds_cost: bears_cost.then_some(p),
                p_benefit_exceeds_cost_se: bears_cost.then(|| share_se(p, n)),
                present_value: spec.present_value.map(|(b, c)| {
                    let (benefit, cost) = (get(b), get(c));
                    let ratio_of_means = match (benefit.mean, cost.mean) {
                        (Some(b), Some(c)) if c > 0.0 => Some(b / c),
                        _ => None,
                    };
                    PresentValue {
                        benefit,
                        cost,
                        ratio_of_means,
                    }
                }),
            },
        );
        if let Some((effect, cost)) = spec.break_even {
            break_even.insert(
                spec.name.to_string(),
                BreakEven {
                    effect: get(effect),
                    cost_per_duo: get(cost),
                    persistence: (spec.id == Perspective::Public)
                        .then(|| get(Total::BreakEvenPersistencePublic)),
                },
            );
        }
    }
    (perspectives, break_even)
}

/// What the run used as its counterfactual, given in `form`.
pub fn counterfactual(
    scenario: &Scenario,
    form: priors::Form,
    totals: &BTreeMap<String, TotalSummary>,
) -> CounterfactualUsed {
    let cf = &scenario.counterfactual;
    let prior = cf.prior.as_deref().and_then(priors::get);
    CounterfactualUsed {
        prior: cf.prior.clone(),
        prior_name: prior.map(priors::Prior::name_text),
        form,
        effect: totals[Total::Effect.name()].clone(),
    }
}

/// The perspective the headline ratio speaks for.
pub const HEADLINE: Perspective = Perspective::Public;
