//! A programme's partners in words: what each delivers over the run, at
//! what cost, with its band, on the same trials as the programme's totals.

use crate::analysis::decide::{Goal, SplitAnswer};
use crate::analysis::summary::RunResult;
use crate::model::scenario::Scenario;
use crate::present::figures::{num, pct_with_error, with_error, wrap};
use crate::present::run::{series_row, total_row};
use std::fmt::Write;

/// The rows each partner prints: running totals by the last year, then
/// totals over the run.
const SERIES: [(&str, &str, &str); 4] = [
    ("Duos started", "duos_started_cumulative", "duos"),
    (
        "People in work (within 12 months)",
        "employed_cumulative",
        "people",
    ),
    (
        "Additional people in work (net)",
        "net_additional_employed_cumulative",
        "people",
    ),
    ("Public cost", "public_cost_cumulative", "EUR"),
];
const TOTALS: [(&str, &str, &str); 3] = [
    ("Cost per duo", "cost_per_duo", "EUR"),
    ("Cost per job", "cost_per_job", "EUR"),
    ("Cost per additional job", "cost_per_net_job", "EUR"),
];

/// The "BY PARTNER" block of `mentorsim run --by-partner`, partners in the
/// scenario's order; a line saying so for a programme without partners.
pub fn text(r: &RunResult, scenario: &Scenario) -> String {
    let mut o = String::new();
    if scenario.partners.is_empty() {
        let _ = writeln!(
            o,
            "BY PARTNER: this scenario has no partners (it runs as one programme).\n"
        );
        return o;
    }
    let (y0, y1) = (scenario.start_year, scenario.end_year);
    let _ = writeln!(
        o,
        "BY PARTNER {y0}-{y1}: each partner on the same trials; the programme's totals above are their sum, trial by trial.\n\
         How the money is split is the scenario's (budget_share); change it in a scenario file."
    );
    for partner in &scenario.partners {
        let Some(p) = r.partners.get(&partner.id) else {
            continue;
        };
        let name = if partner.name.en.is_empty() {
            &partner.id
        } else {
            &partner.name.en
        };
        let share = |x: f64, own: bool, what: &str| {
            if own {
                format!("its own {what}")
            } else {
                format!("{} % of the {what}", num(100.0 * x, 1))
            }
        };
        let _ = writeln!(
            o,
            "\n{name}: {}, {}, {}",
            share(partner.budget_share, partner.budget.is_some(), "budget"),
            share(
                partner.intake_share,
                partner.intake.is_some(),
                "planned duos"
            ),
            share(partner.mentor_share, partner.mentors.is_some(), "mentors"),
        );
        if !partner.serves.en.is_empty() {
            let _ = writeln!(o, "  Whom it serves: {}", partner.serves.en);
        }
        if partner.no_published_results {
            for line in wrap(
                "  No results of its own are published: its cost per duo and rates are the programme's assumptions for a partner without figures, and its figures below show what those assume, not what it achieved.",
                100,
            ) {
                let _ = writeln!(o, "  {}", line.trim_start());
            }
        }
        let _ = writeln!(
            o,
            "  {:<34}{:>12}{:>23}{:>23}{:>23}",
            "", "mean", "median", "P5", "P95"
        );
        for (label, key, unit) in SERIES {
            series_row(&mut o, label, &p.series[key], unit);
        }
        for (label, key, unit) in TOTALS {
            total_row(&mut o, label, &p.totals[key], unit, r.trials);
        }
    }
    let _ = writeln!(o);
    o
}

/// A goal's figure in words: a chance in percent with its band, or euros.
fn goal_figure(goal: Goal, value: f64, se: f64, trials: u64) -> String {
    match goal {
        Goal::Chance(_) => pct_with_error(value, se, trials),
        Goal::CostPerNetJob => format!("EUR {}", with_error(value, se)),
    }
}

/// `mentorsim split` in words: the split found (or given) against the
/// scenario's own, each partner's share of the money, and the goal under
/// both, on the search's trials and on fresh ones.
pub fn split_text(a: &SplitAnswer, scenario: &Scenario) -> String {
    let mut o = String::new();
    let what = match a.goal {
        Goal::Chance(k) => format!(
            "the chance of target {}: {}",
            k + 1,
            scenario.targets.get(k).map_or("", |t| t.label.en.as_str())
        ),
        Goal::CostPerNetJob => {
            "the cost per additional person in work (median over trials, EUR)".to_string()
        }
    };
    let searched = if a.step > 0.0 {
        format!(
            "B is the split found by moving {} % of the money at a time while it improves {what} ({} splits tried),\nno partner's share above {} times its own or below its own divided by {} (an assumption: the model knows\nno limit to a partner's growth but its mentors; set --max-factor).",
            num(100.0 * a.step, 0),
            a.tries,
            num(a.max_factor, 1),
            num(a.max_factor, 1)
        )
    } else {
        format!("B is the split given; the goal is {what}.")
    };
    let _ = writeln!(
        o,
        "{}
The split of the money across the partners: A, the scenario's own, against B.
{searched}
Each partner's planned duos and mentors follow what its money buys at its mean cost per duo, under A and B alike.
",
        if scenario.name.en.is_empty() { &scenario.id } else { &scenario.name.en }
    );
    let _ = writeln!(o, "  {:<42}{:>8}{:>8}", "partner", "A", "B");
    for (j, id) in a.partners.iter().enumerate() {
        let name = scenario
            .partners
            .iter()
            .find(|q| &q.id == id)
            .map_or(id.as_str(), |q| {
                if q.name.en.is_empty() {
                    id
                } else {
                    &q.name.en
                }
            });
        let _ = writeln!(
            o,
            "  {name:<42}{:>6} %{:>6} %",
            num(100.0 * a.shares_a[j], 1),
            num(100.0 * a.shares_b[j], 1)
        );
    }
    let fig =
        |f: crate::analysis::decide::split::Figure| goal_figure(a.goal, f.value, f.se, a.trials);
    let _ = writeln!(
        o,
        "
  On the search's trials ({} trials, seed {}):  A {}   B {}",
        num(a.trials as f64, 0),
        a.seed,
        fig(a.a),
        fig(a.b)
    );
    let _ = writeln!(
        o,
        "  On fresh trials, to quote ({} trials, seed {}):  A {}   B {}",
        num(a.trials as f64, 0),
        a.check_seed,
        fig(a.a_check),
        fig(a.b_check)
    );
    let _ = writeln!(
        o,
        "
The search picks the best of many tries on the same trials, so its own figures flatter B a little; the fresh trials do not. ± is the 95 % Monte Carlo band.
The scenario with split B is under `scenario` in --json: run it, or compare it with the scenario's own (mentorsim compare)."
    );
    o
}
