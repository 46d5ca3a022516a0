//! `mentorsim plan`, in words: the year-by-year table, each target's chance
//! and what the plan costs, or what binds when no plan meets the targets.

use mentorsim::analysis::plan::{Binding, Plan};
use mentorsim::present::figures::{num, pct_with_error};
use mentorsim::Scenario;
use std::fmt::Write;

/// A figure in whole units, or a dash where there is none.
fn whole(x: Option<f64>) -> String {
    x.filter(|v| v.is_finite())
        .map_or_else(|| "-".into(), |v| num(v, 0))
}

/// Money in millions of EUR to two decimals (EUR 2.35 M).
fn millions(x: f64) -> String {
    if x.is_finite() {
        format!("EUR {} M", num(x / 1e6, 2))
    } else {
        "unlimited".into()
    }
}

/// The plan as text.
pub fn text(p: &Plan, base: &Scenario) -> String {
    let mut o = String::new();
    let conf = format!("{} %", num(100.0 * p.confidence, 0));
    let _ = writeln!(o, "{}", base.name.en);
    let _ = writeln!(
        o,
        "What it takes to meet {} in at least {conf} of trials ({} trials, seed {}):\n",
        if p.targets.len() == 1 {
            format!("target {}", p.targets[0].target)
        } else {
            format!(
                "targets {}",
                p.targets
                    .iter()
                    .map(|t| t.target.to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            )
        },
        num(p.trials as f64, 0),
        p.seed
    );
    table(&mut o, p);
    chances(&mut o, p);
    if let Some(b) = &p.binding {
        binding(&mut o, p, b, &conf);
    }
    o
}

/// The plan year by year: duos, intake, money, recruits, mentors, and what limits the duos.
fn table(o: &mut String, p: &Plan) {
    let _ = writeln!(
        o,
        "{:>6} {:>22} {:>9} {:>12} {:>14} {:>9}  limits the duos",
        "year", "duos (median, P5-P95)", "intake", "budget", "recruits", "mentors"
    );
    for y in &p.years {
        let recruits = match (y.recruits, y.recruits_needed) {
            (Some(r), Some(n)) => format!("{}* ({})", whole(Some(r)), whole(Some(n))),
            (r, _) => whole(r),
        };
        let _ = writeln!(
            o,
            "{:>6} {:>22} {:>9} {:>12} {:>14} {:>9}  {} in {} % of trials",
            y.year,
            format!(
                "{} ({}-{})",
                whole(Some(y.duos_p50)),
                whole(Some(y.duos_p5)),
                whole(Some(y.duos_p95))
            ),
            whole(Some(y.intake)),
            y.budget.map_or_else(|| "unlimited".into(), millions),
            recruits,
            whole(Some(y.mentors_active_p50)),
            y.limit,
            num(100.0 * y.limit_share, 0)
        );
    }
    if p.years.iter().any(|y| y.recruits_needed.is_some()) {
        let _ = writeln!(
            o,
            "  * capped at {} recruits a year; in brackets what the plan would need",
            num(p.max_recruits, 0)
        );
    }
    let _ = writeln!(
        o,
        "\nRecruits join the pool for the next year; budget in EUR as paid.\n"
    );
}

/// Each target's chance, all of them together, the public cost and the cost per additional job.
fn chances(o: &mut String, p: &Plan) {
    for t in &p.targets {
        let _ = writeln!(
            o,
            "Target {}: {}: met in {}",
            t.target,
            t.label,
            pct_with_error(t.probability, t.probability_se, p.trials)
        );
    }
    if p.targets.len() > 1 {
        let _ = writeln!(
            o,
            "All of them in one trial: {}",
            pct_with_error(p.probability, p.probability_se, p.trials)
        );
    }
    let _ = writeln!(
        o,
        "\nPublic cost over the years: {} (P5-P95 {} to {})",
        millions(p.public_cost_p50),
        millions(p.public_cost_p5),
        millions(p.public_cost_p95)
    );
    let _ = writeln!(
        o,
        "Cost per additional person in work (median): {}",
        p.cost_per_net_job_p50
            .filter(|v| v.is_finite())
            .map_or_else(
                || "undefined in most trials (no additional job)".into(),
                |v| format!("EUR {}", num(v, 0))
            )
    );
}

/// When no plan meets the targets: the best found, and what binds.
fn binding(o: &mut String, p: &Plan, b: &Binding, conf: &str) {
    let why = match b.constraint {
        "max_recruits" => format!(
            "mentor recruitment: the plan that would meet them recruits up to {} mentors a year (in {}), where at most {} a year are assumed feasible (--max-recruits)",
            whole(b.needed),
            b.year,
            whole(b.allowed)
        ),
        "budget_growth" => format!(
            "the growth of the money: it may grow at most {} % a year (--max-budget-growth)",
            num(100.0 * b.allowed.unwrap_or(0.0), 0)
        ),
        "budget" | "intake" | "recruits" => format!("the {} held fixed (--fixed {})", b.constraint, b.constraint),
        _ => format!(
            "time: even {} times the scenario's plan does not meet it by {} (outcomes are booked up to 18 months after a duo starts)",
            num(b.allowed.unwrap_or(mentorsim::analysis::plan::MAX_SCALE), 0),
            b.year
        ),
    };
    let _ = writeln!(
        o,
        "\nNo plan within the constraints meets the targets in {conf} of trials; the best found meets them in {}.\nWhat binds: {why}.",
        pct_with_error(p.probability, p.probability_se, p.trials)
    );
}
