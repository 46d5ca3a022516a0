//! The answer to "what does it take?": the plan at the scale found, run in
//! full and described year by year, with what binds when it misses.

use super::planner::{Planner, Sized};
use super::request::{Fixed, MAX_SCALE};
use crate::analysis::simulate::simulate;
use crate::analysis::summary::RunResult;
use crate::model::error::Error;
use crate::model::scenario::{Pool, Scenario};
use crate::model::text::{Note, Text};
use crate::stats::figures::SeriesSummary;
use crate::stats::share::share_se;
use serde::Serialize;

/// One year of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanYear {
    /// The calendar year.
    pub year: i32,
    /// Duos started: the median over trials, with P5 and P95.
    pub duos_p50: f64,
    pub duos_p5: f64,
    pub duos_p95: f64,
    /// The planned intake.
    pub intake: f64,
    /// The money, EUR as paid; `None` when unlimited.
    pub budget: Option<f64>,
    /// Mentors recruited this year (they mentor from the next); `None` with
    /// no mentor limit.
    pub recruits: Option<f64>,
    /// The recruits this year's plan would need, where the cap cut them.
    pub recruits_needed: Option<f64>,
    /// Mentors active: the median over trials.
    pub mentors_active_p50: f64,
    /// What limits the duos in most trials: `money`, `mentors` or `plan`.
    pub limit: &'static str,
    /// The share of trials it limits.
    pub limit_share: f64,
}

/// A chosen target and its chance under the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanTarget {
    /// Its position in the scenario, from 1.
    pub target: usize,
    /// What it says, in English (the page words it itself).
    pub label: String,
    /// The share of trials that meet it, and its Monte Carlo error.
    pub probability: f64,
    pub probability_se: f64,
}

/// What binds when no plan meets the targets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Binding {
    /// `max_recruits`, `budget_growth`, `budget`, `intake`, `recruits`
    /// (a lever held fixed) or `time`.
    pub constraint: &'static str,
    /// The year it binds most (for a cap on recruits, the year it cuts
    /// deepest; else the first target's year).
    pub year: i32,
    /// What the plan would need there, and what the constraint allows (in
    /// the constraint's unit: recruits, EUR, duos). For a cap on recruits,
    /// what the plan that meets the targets without the cap recruits in its
    /// busiest year (where one exists). For time, `allowed` is the largest
    /// scale of the scenario's plan searched.
    pub needed: Option<f64>,
    pub allowed: Option<f64>,
}

/// The answer to "what does it take?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The plan as a scenario that `mentorsim run --scenario` accepts.
    pub scenario: Scenario,
    /// Whether every chosen target is met in at least `confidence` of trials.
    pub met: bool,
    pub confidence: f64,
    /// Each chosen target's chance under the plan.
    pub targets: Vec<PlanTarget>,
    /// The chance that every chosen target is met in one trial, and its error.
    pub probability: f64,
    pub probability_se: f64,
    /// The year-by-year plan.
    pub years: Vec<PlanYear>,
    /// The scale of the scenario's plan for intake and recruits, and the
    /// duos the money is sized for, as a scale of the same plan (`None`:
    /// the money held at the scenario's).
    pub scale: f64,
    pub money_scale: Option<f64>,
    /// The public cost over the years (EUR as paid, summed): median and band.
    pub public_cost_p50: f64,
    pub public_cost_p5: f64,
    pub public_cost_p95: f64,
    /// EUR of public cost per additional person in work: the median, `None`
    /// when undefined in most trials.
    pub cost_per_net_job_p50: Option<f64>,
    /// What binds, when the targets are not met.
    pub binding: Option<Binding>,
    /// The largest recruitment a year assumed feasible.
    pub max_recruits: f64,
    pub trials: u64,
    pub seed: u64,
}
/// The plan at scale `k` with money for `money` times the duos, run in
/// full and described.
pub(super) fn answer(
    planner: &Planner,
    k: f64,
    money: Option<f64>,
    met: bool,
) -> Result<Plan, Error> {
    let sized = planner.sized(k, money);
    let binding = (!met).then(|| binding_of(planner, &sized));
    let Sized {
        scenario: mut s,
        recruits_wanted,
        ..
    } = sized;
    label(&mut s, planner);
    let opts = planner.opts;
    let result = simulate(&s, &opts)?;
    let joint = planner.probability(&s)?;
    let n = opts.trials as f64;
    let targets = planner
        .req
        .targets
        .iter()
        .map(|&i| {
            let t = &result.targets[i];
            PlanTarget {
                target: i + 1,
                label: if t.label.en.is_empty() {
                    format!("{} {} {}", t.metric, t.value, t.year)
                } else {
                    t.label.en.clone()
                },
                probability: t.probability_met,
                probability_se: t.probability_met_se,
            }
        })
        .collect();
    let years = plan_years(&s, &result, recruits_wanted.as_deref());
    let at_end = |name: &str, pick: fn(&SeriesSummary) -> &Vec<f64>| {
        result
            .series
            .get(name)
            .and_then(|x| pick(x).last().copied())
            .unwrap_or(f64::NAN)
    };
    let cpj = result.totals.get("cost_per_net_job").and_then(|t| t.p50);
    Ok(Plan {
        met: met && ok_joint(joint, planner.req.confidence),
        confidence: planner.req.confidence,
        targets,
        probability: joint,
        probability_se: share_se(joint, n),
        years,
        scale: k,
        money_scale: money,
        public_cost_p50: at_end("public_cost_cumulative", |x| &x.p50),
        public_cost_p5: at_end("public_cost_cumulative", |x| &x.p5),
        public_cost_p95: at_end("public_cost_cumulative", |x| &x.p95),
        cost_per_net_job_p50: cpj,
        binding,
        max_recruits: planner.req.max_recruits,
        trials: opts.trials,
        seed: opts.seed,
        scenario: s,
    })
}

/// Names the plan and replaces the notes that described the scenario's own
/// intake, money and recruitment, which the plan no longer follows.
fn label(s: &mut Scenario, planner: &Planner) {
    let which = planner
        .req
        .targets
        .iter()
        .map(|t| (t + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let conf = format!("{:.0}", 100.0 * planner.req.confidence);
    let name = &planner.base.name;
    s.id = format!("{}-plan", planner.base.id);
    s.name = Text {
        en: format!("{}: plan for target {which}", name.get("en")),
        fr: format!("{} : plan pour l'objectif {which}", name.get("fr")),
        nl: format!("{}: plan voor doel {which}", name.get("nl")),
    };
    let note = Note::Text(Text {
        en: format!("sized by 'What does it take?' (mentorsim plan) to meet target {which} in {conf} % of trials"),
        fr: format!("calculé par « Que faut-il ? » (mentorsim plan) pour atteindre l'objectif {which} dans {conf} % des essais"),
        nl: format!("berekend door 'Wat is ervoor nodig?' (mentorsim plan) om doel {which} in {conf} % van de trekkingen te halen"),
    });
    if !planner.fixed(Fixed::Intake) {
        s.intake.note = Some(note.clone());
        s.intake.source = None;
        s.intake.assumption = true;
    }
    if !planner.fixed(Fixed::Budget) {
        s.budget.note = Some(note.clone());
        s.budget.source = None;
    }
    if let (Pool::Limited(pool), false) = (&mut s.mentors.pool, planner.fixed(Fixed::Recruits)) {
        let Note::Text(t) = note else { return };
        pool.recruits_per_year.note = Some(Note::Text(Text {
            en: format!("{}; the plan's recruits, year by year, are in recruits_by_year, which takes the place of this figure", t.en),
            fr: format!("{} ; les recrues du plan, année par année, sont dans recruits_by_year, qui remplace ce chiffre", t.fr),
            nl: format!("{}; de nieuwe mentoren van het plan, jaar per jaar, staan in recruits_by_year, dat dit cijfer vervangt", t.nl),
        }));
        pool.recruits_per_year.source = None;
    }
}

fn ok_joint(p: f64, confidence: f64) -> bool {
    p >= confidence
}

fn plan_years(s: &Scenario, r: &RunResult, wanted: Option<&[f64]>) -> Vec<PlanYear> {
    let get = |name: &str, t: usize, pick: fn(&SeriesSummary) -> &Vec<f64>| {
        r.series.get(name).map_or(f64::NAN, |x| pick(x)[t])
    };
    let intake = s.planned();
    let budget = s.budget_per_year();
    let recruits = match &s.mentors.pool {
        Pool::Limited(p) => p.recruits_by_year.clone(),
        Pool::Unlimited => None,
    };
    s.years()
        .iter()
        .enumerate()
        .map(|(t, &year)| {
            let shares = [
                ("money", get("limited_by_money", t, |x| &x.mean)),
                ("mentors", get("limited_by_mentors", t, |x| &x.mean)),
                ("plan", get("limited_by_plan", t, |x| &x.mean)),
            ];
            let (limit, limit_share) =
                shares
                    .iter()
                    .copied()
                    .fold(("plan", -1.0), |a, b| if b.1 > a.1 { b } else { a });
            let r = recruits.as_ref().map(|v| v[t]);
            let needed = wanted
                .and_then(|w| w.get(t).copied())
                .filter(|w| r.is_some_and(|r| *w > r));
            PlanYear {
                year,
                duos_p50: get("duos_started", t, |x| &x.p50),
                duos_p5: get("duos_started", t, |x| &x.p5),
                duos_p95: get("duos_started", t, |x| &x.p95),
                intake: intake[t],
                budget: budget.as_ref().map(|b| b[t]),
                recruits: r,
                recruits_needed: needed,
                mentors_active_p50: get("mentors_active", t, |x| &x.p50),
                limit,
                limit_share,
            }
        })
        .collect()
}

/// What binds a plan that meets no target: a recruitment cap first, then
/// the growth of money, then a lever held fixed, else time.
fn binding_of(planner: &Planner, sized: &Sized) -> Binding {
    let years = planner.base.years();
    if let Some((t, want)) = sized.capped {
        return Binding {
            constraint: "max_recruits",
            year: years[t],
            needed: Some(want),
            allowed: Some(planner.req.max_recruits),
        };
    }
    if let Some(t) = sized.growth_capped {
        return Binding {
            constraint: "budget_growth",
            year: years[t],
            needed: None,
            allowed: planner.req.max_budget_growth,
        };
    }
    let first_target_year = planner
        .req
        .targets
        .iter()
        .map(|&i| planner.base.targets[i].year)
        .min()
        .unwrap_or(planner.base.start_year);
    for (lever, name) in [
        (Fixed::Budget, "budget"),
        (Fixed::Recruits, "recruits"),
        (Fixed::Intake, "intake"),
    ] {
        if planner.fixed(lever) {
            return Binding {
                constraint: name,
                year: first_target_year,
                needed: None,
                allowed: None,
            };
        }
    }
    Binding {
        constraint: "time",
        year: first_target_year,
        needed: None,
        allowed: Some(MAX_SCALE),
    }
}
