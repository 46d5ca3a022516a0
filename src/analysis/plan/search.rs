//! The two searches: the least scale of intake and recruits, then the least
//! money, each by doubling and bisection on common random numbers.

use super::answer::{answer, Plan};
use super::planner::Planner;
use super::request::{check, Fixed, PlanRequest, MAX_SCALE};
use crate::model::error::Error;
use crate::model::limits::MAX_INTAKE;
use crate::model::options::RunOptions;
use crate::model::scenario::Scenario;
use crate::stats::share::share_se;

/// Relative precision of the scale and of the money.
const PRECISION: f64 = 0.005;

/// The scenario's plan at scale `scale` (of its own planned duos) for the
/// intake and recruits, with the money for `money_scale` times those duos
/// (or no money limit), sized as
/// [`plan`] sizes it: to compare plans, or to draw one the search passed.
pub fn at_scale(
    s: &Scenario,
    req: &PlanRequest,
    scale: f64,
    money_scale: Option<f64>,
) -> Result<Scenario, Error> {
    check(s, req)?;
    let planner = Planner::new(s, req, RunOptions::default());
    Ok(planner.sized(scale, money_scale).scenario)
}

/// The plan that meets every target of `req` in at least
/// `req.confidence` of the trials (see the module's documentation).
pub fn plan(s: &Scenario, req: &PlanRequest, opts: &RunOptions) -> Result<Plan, Error> {
    check(s, req)?;
    let mut answer = search(s, req, opts)?;
    // A cap on recruitment that binds: what would the plan that meets the
    // targets without it recruit, at most, and when?
    let capped = answer
        .binding
        .as_ref()
        .is_some_and(|b| b.constraint == "max_recruits");
    if capped {
        let free = PlanRequest {
            max_recruits: MAX_INTAKE,
            ..req.clone()
        };
        let uncapped = search(s, &free, opts)?;
        let most = uncapped
            .years
            .iter()
            .zip(uncapped.years.iter().skip(1))
            .filter_map(|(y, _)| y.recruits.map(|r| (y.year, r)))
            .fold(None, |a: Option<(i32, f64)>, b| match a {
                Some(a) if a.1 >= b.1 => Some(a),
                _ => Some(b),
            });
        if let (true, Some((year, most)), Some(b)) = (uncapped.met, most, answer.binding.as_mut()) {
            b.year = year;
            b.needed = Some(most);
        }
    }
    Ok(answer)
}

/// [`plan`]'s search, on a checked request.
fn search(s: &Scenario, req: &PlanRequest, opts: &RunOptions) -> Result<Plan, Error> {
    let opts = RunOptions {
        first_trial: 0,
        trial_count: None,
        sensitivity: false,
        ..*opts
    };
    let planner = Planner::new(s, req, opts);
    let c = req.confidence;
    let money_planned = !planner.fixed(Fixed::Budget);
    // Stage 1, intake and recruits: the least scale that meets the targets
    // in `(1 + c) / 2` of the trials with no money limit (where the money is
    // planned too), so that they leave most misses to the money; failing
    // that, in `c` of them.
    let no_money = if money_planned { None } else { Some(1.0) };
    let moves = !(planner.fixed(Fixed::Intake) && planner.fixed(Fixed::Recruits));
    let mut scale = None;
    for share in [if money_planned { (1.0 + c) / 2.0 } else { c }, c] {
        if scale.is_some() {
            break;
        }
        let need = planner.need(share);
        scale = if moves {
            least(planner.opts.trials, need, |k, trials| {
                planner.which_meet(k, no_money, trials)
            })?
        } else if planner.probability(&planner.sized(1.0, no_money).scenario)?
            >= need as f64 / planner.opts.trials as f64
        {
            Some(1.0)
        } else {
            None
        };
    }
    let Some(scale) = scale else {
        return best_of(&planner);
    };
    // Stage 2, the money: the least that meets the targets in `c` of trials.
    let mut money = if money_planned {
        match least(planner.opts.trials, planner.need(c), |mu, trials| {
            planner.which_meet(scale, Some(mu), trials)
        })? {
            Some(mu) => Some(mu),
            None => return best_of(&planner),
        }
    } else {
        None
    };
    // The search skipped the trials it knew (see `least`); the answer runs
    // them all. Should a trial that met the targets with less money miss
    // them with more (which common random numbers make rare), the money
    // rises by the search's precision until the whole run agrees.
    let mut raised = 0;
    loop {
        let plan = answer(&planner, scale, money, true)?;
        match money.as_mut() {
            Some(mu) if !plan.met && raised < 20 => {
                *mu *= 1.0 + PRECISION;
                raised += 1;
            }
            _ => return Ok(plan),
        }
    }
}

/// The least `x` in `(0, MAX_SCALE]` at which at least `need` of the `n`
/// trials meet the targets, to [`PRECISION`], by doubling (or halving) from
/// 1 and then bisection; `None` when fewer do at [`MAX_SCALE`].
/// `which_meet(x, trials)` says which of `trials` meet them at `x`.
///
/// On common random numbers a trial that meets the targets at some `x`
/// meets them at every larger one (more intake, recruits or money never
/// starts fewer duos in the same trial). So the search keeps which trials
/// meet them at the largest `x` known to fall short (`lo`) and at the
/// smallest known to suffice (`hi`), and a value between the two runs only
/// the trials that differ there: as the bracket narrows, fewer and fewer.
fn least(
    n: u64,
    need: u64,
    which_meet: impl Fn(f64, &[u64]) -> Result<Vec<bool>, Error>,
) -> Result<Option<f64>, Error> {
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    let mut known = Bracket {
        below: vec![false; n],
        above: vec![true; n],
        need,
    };
    let mut ok = |x: f64| known.ok(x, &which_meet);
    let (mut lo, mut hi) = (0.0, 1.0);
    if ok(1.0)? {
        while hi > 1.0 / 64.0 {
            if !ok(hi / 2.0)? {
                lo = hi / 2.0;
                break;
            }
            hi /= 2.0;
        }
    } else {
        loop {
            lo = hi;
            hi *= 2.0;
            if hi > MAX_SCALE {
                return Ok(None);
            }
            if ok(hi)? {
                break;
            }
        }
    }
    while hi - lo > PRECISION * hi {
        let mid = (lo + hi) / 2.0;
        if ok(mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Some(hi))
}

/// What [`least`] knows: which trials meet the targets at the largest value
/// found to fall short (none, before one is found) and at the smallest
/// found to suffice (all, before one is found).
struct Bracket {
    below: Vec<bool>,
    above: Vec<bool>,
    need: u64,
}

impl Bracket {
    /// Whether at least `need` trials meet the targets at `x` (between the
    /// two values known), running only the trials that differ there.
    fn ok(
        &mut self,
        x: f64,
        which_meet: &impl Fn(f64, &[u64]) -> Result<Vec<bool>, Error>,
    ) -> Result<bool, Error> {
        let open: Vec<u64> = (0..self.below.len())
            .filter(|&i| !self.below[i] && self.above[i])
            .map(|i| i as u64)
            .collect();
        let mut met = self.below.clone();
        for (&i, m) in open.iter().zip(which_meet(x, &open)?) {
            met[i as usize] = m;
        }
        let ok = met.iter().filter(|&&m| m).count() as u64 >= self.need;
        if ok {
            self.above = met;
        } else {
            self.below = met;
        }
        Ok(ok)
    }
}

/// No plan within the constraints meets the targets: the answer is the
/// scale with the best chance among the doublings `1, 2, ..., MAX_SCALE`,
/// with the money for its duos at the median cost (or the money held).
fn best_of(planner: &Planner) -> Result<Plan, Error> {
    let money = |k: f64| (!planner.fixed(Fixed::Budget)).then_some(k);
    let mut tried = Vec::new();
    let mut k = 1.0;
    while k <= MAX_SCALE {
        tried.push((
            k,
            planner.probability(&planner.sized(k, money(k)).scenario)?,
        ));
        k *= 2.0;
    }
    // The smallest scale within two standard errors of the best chance: a
    // larger one that gains only noise would overstate what the plan needs.
    let top = tried.iter().map(|t| t.1).fold(0.0, f64::max);
    let floor = top - 2.0 * share_se(top, planner.opts.trials as f64);
    let k = tried.iter().find(|t| t.1 >= floor).map_or(1.0, |t| t.0);
    answer(planner, k, money(k), false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Trials that each meet the targets from a value of their own on:
    /// the search finds the least value at which `need` of them do, to its
    /// precision, and runs far fewer trials than a whole run at each step.
    #[test]
    fn the_search_finds_the_least_value_and_runs_only_the_trials_that_differ() {
        let n = 10_000u64;
        // From 0.3 to 3.3, in an order unlike the trials'.
        let from: Vec<f64> = (0..n)
            .map(|i| 0.3 + 3.0 * ((i * 7919) % n) as f64 / n as f64)
            .collect();
        for need in [1, 5_000, 8_000, 10_000] {
            let ran = Cell::new(0usize);
            let steps = Cell::new(0usize);
            let x = least(n, need, |x, trials| {
                ran.set(ran.get() + trials.len());
                steps.set(steps.get() + 1);
                Ok(trials.iter().map(|&i| x >= from[i as usize]).collect())
            })
            .unwrap()
            .unwrap();
            let count = |x: f64| from.iter().filter(|&&f| x >= f).count() as u64;
            assert!(count(x) >= need, "{need}: {x} meets {} trials", count(x));
            assert!(
                count(x / (1.0 + 2.0 * PRECISION)) < need,
                "{need}: {x} is not the least"
            );
            assert!(
                ran.get() < steps.get() * n as usize / 3,
                "{need}: {} trials in {} steps",
                ran.get(),
                steps.get()
            );
        }
        // None meets at the largest scale searched.
        assert_eq!(least(10, 1, |_, t| Ok(vec![false; t.len()])).unwrap(), None);
    }
}
