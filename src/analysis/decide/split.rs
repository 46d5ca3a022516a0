//! The split of a programme's money across its partners as a lever: the
//! split with the highest chance of a target, or the fewest euros per
//! additional person in work, and any split against the scenario's own, all
//! on common random numbers.
//!
//! A split sets each partner's `budget_share`; its planned duos and its
//! mentors follow what its money buys at its mean cost per duo
//! (`intake_share` and `mentor_share` in proportion to `budget_share / cost`),
//! so that money moved to a partner is money it can spend. The search moves
//! `step` of the money from one partner to another while a move improves the
//! goal on the search's trials; the answer is then measured again on fresh
//! trials (the next seed), so that the luck of the search does not flatter it.

use crate::analysis::simulate::simulate;
use crate::analysis::summary::RunResult;
use crate::model::error::{Error, Problem};
use crate::model::options::RunOptions;
use crate::model::outputs::SeriesSet;
use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// What a split is chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// The highest chance of the target at this position (from 0).
    Chance(usize),
    /// The fewest euros per additional person in work (the median over
    /// trials of the cost per additional job).
    CostPerNetJob,
}

/// A goal's figure for one split: its value and Monte Carlo standard error.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figure {
    pub value: f64,
    pub se: f64,
}

/// The answer of [`split`] (and of [`split_against`], with no search).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SplitAnswer {
    pub goal: Goal,
    /// The partners' ids, in the scenario's order.
    pub partners: Vec<String>,
    /// The scenario's own budget shares (A) and the split found or given (B).
    pub shares_a: Vec<f64>,
    pub shares_b: Vec<f64>,
    /// The goal under A and B on the search's trials (`seed`).
    pub a: Figure,
    pub b: Figure,
    /// The same on fresh trials (`check_seed`): the figures to quote.
    pub a_check: Figure,
    pub b_check: Figure,
    /// The share of money moved at each step of the search (0: no search),
    /// and the most a partner's share may grow or shrink, as a factor.
    pub step: f64,
    pub max_factor: f64,
    /// Splits tried.
    pub tries: usize,
    pub trials: u64,
    pub seed: u64,
    pub check_seed: u64,
    /// The scenario with split B, to run or compare.
    pub scenario: Scenario,
}

/// A split asked for, as the binding reads it: `{"target": 0}` (from 0;
/// absent: the fewest euros per additional person in work), `"step"`,
/// `"max_factor"`, and `"shares"` to set a split against the scenario's own
/// instead of searching.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitRequest {
    #[serde(default)]
    pub target: Option<usize>,
    #[serde(default)]
    pub step: Option<f64>,
    #[serde(default)]
    pub max_factor: Option<f64>,
    #[serde(default)]
    pub shares: Option<Vec<f64>>,
}

/// The answer to a [`SplitRequest`] (the defaults: a step of 5 %, a factor of 2).
pub fn split_request(
    s: &Scenario,
    req: &SplitRequest,
    opts: &RunOptions,
) -> Result<SplitAnswer, Error> {
    let goal = req.target.map_or(Goal::CostPerNetJob, Goal::Chance);
    match &req.shares {
        Some(shares) => split_against(s, goal, shares, opts),
        None => split(
            s,
            goal,
            req.step.unwrap_or(0.05),
            req.max_factor.unwrap_or(2.0),
            opts,
        ),
    }
}

/// The scenario with the partners' budget shares `shares`, their intake and
/// mentor shares following what the money buys (see the module's words).
pub fn with_split(s: &Scenario, shares: &[f64]) -> Result<Scenario, Error> {
    let bad = |message: String| {
        Err(Error::Invalid(vec![Problem {
            field: "shares".into(),
            message,
        }]))
    };
    if s.partners.is_empty() {
        return bad("this scenario has no partners to split the money between".into());
    }
    if let Some(q) = s.partners.iter().find(|q| q.budget.is_some()) {
        return bad(format!(
            "partner `{}` has its own budget: a split shares the programme's money among partners without one",
            q.id
        ));
    }
    if shares.len() != s.partners.len() {
        return bad(format!(
            "give one share per partner ({}), got {}",
            s.partners.len(),
            shares.len()
        ));
    }
    let sum: f64 = shares.iter().sum();
    if shares.iter().any(|x| !(0.0..=1.0).contains(x)) || (sum - 1.0).abs() > 1e-6 {
        return bad(format!(
            "each share from 0 to 1, adding up to 1; they add up to {sum}"
        ));
    }
    let mut s = s.clone();
    let buys: Vec<f64> = s
        .partners
        .iter()
        .zip(shares)
        .map(|(q, share)| {
            let cost = q.cost_per_duo.as_ref().unwrap_or(&s.cost_per_duo).mean();
            if cost > 0.0 {
                share / cost
            } else {
                0.0
            }
        })
        .collect();
    let total: f64 = buys.iter().sum();
    for ((q, &share), b) in s.partners.iter_mut().zip(shares).zip(&buys) {
        q.budget_share = share;
        let follow = if total > 0.0 { b / total } else { share };
        q.intake_share = follow;
        q.mentor_share = follow;
    }
    Ok(s)
}

/// The goal's figure in a run, higher better (a cost is negated).
fn score(goal: Goal, r: &RunResult) -> Result<Figure, Error> {
    match goal {
        Goal::Chance(k) => {
            let t = r.targets.get(k).ok_or_else(|| {
                Error::input("target", format!("the scenario has no target {}", k + 1))
            })?;
            Ok(Figure {
                value: t.probability_met,
                se: t.probability_met_se,
            })
        }
        Goal::CostPerNetJob => {
            let c = &r.totals["cost_per_net_job"];
            Ok(Figure {
                value: -c.p50.unwrap_or(f64::INFINITY),
                se: c.p50_se.unwrap_or(f64::NAN),
            })
        }
    }
}

/// The goal's figure, as read (a cost positive again).
fn shown(goal: Goal, f: Figure) -> Figure {
    match goal {
        Goal::Chance(_) => f,
        Goal::CostPerNetJob => Figure {
            value: -f.value,
            se: f.se,
        },
    }
}

/// The goal under split `shares`. Only the totals and the targets are read,
/// so the run summarises one series (the rest is not counted into sketches).
fn measure(s: &Scenario, shares: &[f64], goal: Goal, opts: &RunOptions) -> Result<Figure, Error> {
    let series = SeriesSet::from_names(&["duos_started_cumulative"]).unwrap_or(SeriesSet::ALL);
    let opts = RunOptions { series, ..*opts };
    score(goal, &simulate(&with_split(s, shares)?, &opts)?)
}

/// The split of the money with the best `goal`: from the scenario's own,
/// `step` of the money moves from one partner to another while a move
/// improves the goal on the same trials. No partner's share goes above
/// `factor` times its own or below its own over `factor`: the model knows no
/// limit to a partner's growth but its mentors, and a partner that runs
/// four times its duos in a year is not a plan (the bound is an assumption,
/// the reader's to change).
pub fn split(
    s: &Scenario,
    goal: Goal,
    step: f64,
    factor: f64,
    opts: &RunOptions,
) -> Result<SplitAnswer, Error> {
    if !(step > 0.0 && step <= 0.5) {
        return Err(Error::input(
            "step",
            format!("must be above 0 and at most 0.5, got {step}"),
        ));
    }
    if !(factor >= 1.0 && factor.is_finite()) {
        return Err(Error::input(
            "max_factor",
            format!("must be 1 or more, got {factor}"),
        ));
    }
    let start: Vec<f64> = s.partners.iter().map(|q| q.budget_share).collect();
    let within = |cand: &[f64]| {
        cand.iter()
            .zip(&start)
            .all(|(x, own)| *x <= (own * factor).min(1.0) + 1e-9 && *x >= own / factor - 1e-9)
    };
    let mut best = start.clone();
    let mut best_score = measure(s, &best, goal, opts)?;
    let first = best_score;
    let mut tries = 1;
    const MAX_TRIES: usize = 400;
    loop {
        let mut next: Option<(Vec<f64>, Figure)> = None;
        for from in 0..best.len() {
            for to in 0..best.len() {
                if from == to || best[from] < step - 1e-12 {
                    continue;
                }
                let mut cand = best.clone();
                cand[from] = (cand[from] - step).max(0.0);
                cand[to] += step;
                // Shares on the step's grid, exactly adding up to 1.
                cand.iter_mut()
                    .for_each(|x| *x = (*x / step).round() * step);
                let sum: f64 = cand.iter().sum();
                cand[to] += 1.0 - sum;
                if !within(&cand) {
                    continue;
                }
                let f = measure(s, &cand, goal, opts)?;
                tries += 1;
                let better = next.as_ref().map_or(best_score.value, |(_, g)| g.value);
                if f.value > better {
                    next = Some((cand, f));
                }
            }
        }
        match next {
            Some((cand, f)) if tries < MAX_TRIES => {
                best = cand;
                best_score = f;
            }
            _ => break,
        }
    }
    answer(
        s,
        goal,
        start,
        best,
        (first, best_score),
        (step, factor),
        tries,
        opts,
    )
}

/// Split `shares` against the scenario's own, on the same trials: no search.
pub fn split_against(
    s: &Scenario,
    goal: Goal,
    shares: &[f64],
    opts: &RunOptions,
) -> Result<SplitAnswer, Error> {
    let start: Vec<f64> = s.partners.iter().map(|q| q.budget_share).collect();
    let a = measure(s, &start, goal, opts)?;
    let b = measure(s, shares, goal, opts)?;
    answer(
        s,
        goal,
        start,
        shares.to_vec(),
        (a, b),
        (0.0, f64::INFINITY),
        2,
        opts,
    )
}

#[allow(clippy::too_many_arguments)]
fn answer(
    s: &Scenario,
    goal: Goal,
    shares_a: Vec<f64>,
    shares_b: Vec<f64>,
    (a, b): (Figure, Figure),
    (step, max_factor): (f64, f64),
    tries: usize,
    opts: &RunOptions,
) -> Result<SplitAnswer, Error> {
    let check = RunOptions {
        seed: opts.seed.wrapping_add(1) % (crate::model::limits::MAX_SEED + 1),
        ..*opts
    };
    let a_check = measure(s, &shares_a, goal, &check)?;
    let b_check = measure(s, &shares_b, goal, &check)?;
    Ok(SplitAnswer {
        goal,
        partners: s.partners.iter().map(|q| q.id.clone()).collect(),
        scenario: with_split(s, &shares_b)?,
        shares_a,
        shares_b,
        a: shown(goal, a),
        b: shown(goal, b),
        a_check: shown(goal, a_check),
        b_check: shown(goal, b_check),
        step,
        max_factor,
        tries,
        trials: opts.trials,
        seed: opts.seed,
        check_seed: check.seed,
    })
}
