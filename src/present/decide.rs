//! The decision tools in words: `mentorsim solve`, `compare` and `value`.

use crate::analysis::decide::{
    Comparison, Lever, Solution, ValueOfInformation, Where, Worth, HEADLINES,
};
use crate::model::priors::{self, PRIORS};
use crate::model::scenario::Scenario;
use crate::present::figures::{num, pct_with_error, to_error, with_error, wrap};
use crate::stats::share::share_se;
use std::fmt::Write;

/// The answer of `mentorsim solve`, in words.
pub fn solution(s: &Solution, scenario: &Scenario) -> String {
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
            let word = if s.lever == Lever::CostPerDuo {
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
pub fn comparison(c: &Comparison, a: &str, b: &str) -> String {
    let mut o = String::new();
    let d = &c.difference;
    let _ = writeln!(
        o,
        "B ({b}) against A ({a}): {} trials, seed {}, common random numbers (trial i of both draws the same numbers).\nDifference B - A: mean and P5 - P95 over trials; chance B is better, and chance they are equal.\n",
        num(d.trials as f64, 0),
        d.seed
    );
    for h in HEADLINES {
        let (mean, mean_se, p5, p95) = match h.at {
            Where::Cumulative(_) => {
                let s = &d.series[h.name];
                let i = s.mean.len() - 1;
                (
                    Some(s.mean[i]),
                    Some(s.mean_se[i]),
                    Some(s.p5[i]),
                    Some(s.p95[i]),
                )
            }
            Where::Total(t) => {
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

/// `mentorsim value`, in words: under the scenario's counterfactual, per
/// account; then, for all public budgets, under each named prior, with why a
/// zero is zero.
pub fn value_of_information(v: &ValueOfInformation, scenario: &Scenario) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}\nWhat better evidence is worth to the decision to fund it or not, for the whole programme\n(present value, EUR of {}; {} trials for each answer, seed as given; the effect's conditional means\nin {} bins; ± is the 95 % Monte Carlo band):\n",
        scenario.name.en,
        scenario.start_year,
        num(v.trials as f64, 0),
        v.bins
    );
    let own = match v.prior.as_deref().and_then(priors::get) {
        Some(p) => p.name[0].to_string(),
        None => "its own effect, not a named prior".into(),
    };
    let _ = writeln!(o, "Under this scenario's counterfactual ({own}):");
    let _ = writeln!(
        o,
        "  {:<12}{:>24}{:>28}{:>30}",
        "account", "pays back in", "knowing everything", "knowing the effect alone"
    );
    for (name, evpi) in &v.own.evpi {
        let _ = writeln!(
            o,
            "  {:<12}{:>24}{:>28}{:>30}",
            name,
            format!("{} % of trials", num(100.0 * v.own.p_pays_back[name], 1)),
            to_error(*evpi, v.own.evpi_se[name]),
            to_error(v.own.evppi_effect[name], v.own.evppi_effect_se[name])
        );
    }
    partner_worth(&mut o, v, scenario);
    let _ = writeln!(
        o,
        "\nFor all public budgets, a rigorous evaluation of the effect, under each named prior:"
    );
    for prior in PRIORS {
        let Some(w) = v.by_prior.get(prior.id) else {
            continue;
        };
        let _ = writeln!(o, "  {}:", prior.name[0]);
        for line in wrap(&worth_words(&w.worth, v.trials), 96) {
            let _ = writeln!(o, "    {line}");
        }
    }
    let _ = writeln!(
        o,
        "\nThe priors disagree because the evidence does: each is built from different rows of\ndocs/EVIDENCE.md (mentorsim show gives the scenario's). Quote the range, not one of them."
    );
    o
}

/// For a programme of partners: what knowing each partner's own results
/// (its rate of employment) is worth to all public budgets' decision.
fn partner_worth(o: &mut String, v: &ValueOfInformation, scenario: &Scenario) {
    if v.own.evppi_partner.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "\nKnowing a partner's own results (its rate of employment), for all public budgets:"
    );
    let pays = v.own.p_pays_back.get("public").copied().unwrap_or(0.0);
    if pays == 0.0 || pays == 1.0 {
        let (never, decision) = if pays == 0.0 {
            ("No trial pays back", "not to fund")
        } else {
            ("Every trial pays back", "to fund")
        };
        for line in wrap(&format!("{never} under this counterfactual, so no partner's results would change the decision {decision}: worth nothing here (under another prior they may be: --prior young-registrants)."), 96) {
            let _ = writeln!(o, "  {line}");
        }
        return;
    }
    for partner in &scenario.partners {
        let (Some(value), Some(se)) = (
            v.own
                .evppi_partner
                .get(&partner.id)
                .and_then(|m| m.get("public")),
            v.own
                .evppi_partner_se
                .get(&partner.id)
                .and_then(|m| m.get("public")),
        ) else {
            continue;
        };
        let name = if partner.name.en.is_empty() {
            &partner.id
        } else {
            &partner.name.en
        };
        let shared = if partner.no_published_results {
            " (no results of its own published: it shares the programme's rate with any other such partner, so knowing one's results is knowing theirs)"
        } else {
            ""
        };
        let worth = if *value == 0.0 {
            "nothing: for no value of its rate does the programme pay back on average, so its results alone would not change the decision".to_string()
        } else {
            format!("EUR {}", to_error(*value, *se))
        };
        for line in wrap(&format!("{name}: {worth}{shared}"), 96) {
            let _ = writeln!(o, "  {line}");
        }
    }
}

/// The range the evidence allows: all public budgets' benefit-cost ratio
/// and chance of paying back under each named prior, side by side, on the
/// same trials and seed.
pub fn range_by_prior(v: &ValueOfInformation) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "THE RANGE THE EVIDENCE ALLOWS  benefit-cost ratio for all public budgets under each named prior on the\neffect, the same {} trials and seed: median (P5 - P95); chance it pays back",
        num(v.trials as f64, 0)
    );
    let fig = |x: f64| {
        if x.is_finite() {
            num(x, if x.abs() < 10.0 { 2 } else { 1 })
        } else {
            "no cost".into()
        }
    };
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for prior in PRIORS {
        let Some(w) = v.by_prior.get(prior.id) else {
            continue;
        };
        let [p5, p50, p95] = w.worth.ratio_public;
        lo = lo.min(p50);
        hi = hi.max(p50);
        let p = w.worth.p_pays_back["public"];
        let mark = if v.prior.as_deref() == Some(prior.id) {
            "  (this scenario's)"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "  {:<50}{:>6} ({} - {});  {}{mark}",
            prior.name[0],
            fig(p50),
            fig(p5),
            fig(p95),
            pct_with_error(p, share_se(p, v.trials as f64), v.trials)
        );
    }
    if lo.is_finite() && hi.is_finite() {
        let _ = writeln!(
            o,
            "  Quote the range: a median from {} to {} by the evidence one trusts; no single prior is the answer.\n",
            fig(lo),
            fig(hi)
        );
    }
    o
}

/// Why an evaluation of the effect is worth what it is to all public
/// budgets under one prior.
fn worth_words(w: &Worth, trials: u64) -> String {
    let (p, x, se) = (
        w.p_pays_back["public"],
        w.evppi_effect["public"],
        w.evppi_effect_se["public"],
    );
    let pays = pct_with_error(p, share_se(p, trials as f64), trials);
    if p == 0.0 || p == 1.0 {
        let (how, decision) = if p == 0.0 {
            ("No trial pays back", "not to fund")
        } else {
            ("Every trial pays back", "to fund")
        };
        format!("{how} (chance {pays}), so no evaluation would change the decision {decision}: worth nothing under this prior.")
    } else if x == 0.0 {
        format!("It pays back in {pays} of trials, but for no value of the effect on average, so knowing the effect alone would not change the decision: worth nothing under this prior.")
    } else if x <= 1.96 * se {
        format!("It pays back in {pays} of trials, too few for what an evaluation could find to change the decision: worth {} EUR, not told apart from nothing.", with_error(x, se))
    } else {
        format!("It pays back in {pays} of trials, and an evaluation could change the decision: worth {} EUR (knowing everything: {} EUR).", with_error(x, se), with_error(w.evpi["public"], w.evpi_se["public"]))
    }
}
