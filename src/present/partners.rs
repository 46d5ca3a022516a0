//! A programme's partners in words: what each delivers over the run, at
//! what cost, with its band, on the same trials as the programme's totals.

use crate::analysis::summary::RunResult;
use crate::model::scenario::Scenario;
use crate::present::figures::{num, wrap};
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
        let _ = writeln!(
            o,
            "\n{name}: {} % of the budget, {} % of the planned duos, {} % of the mentors",
            num(100.0 * partner.budget_share, 1),
            num(100.0 * partner.intake_share, 1),
            num(100.0 * partner.mentor_share, 1),
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
