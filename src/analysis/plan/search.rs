//! The two searches: the least scale of intake and recruits, then the least
//! money, each by doubling and bisection on common random numbers.

use super::answer::{answer, Plan};
use super::planner::Planner;
use super::request::{check, Fixed, PlanRequest};
use crate::model::error::Error;
use crate::model::limits::MAX_INTAKE;
use crate::model::options::RunOptions;
use crate::model::scenario::Scenario;
use crate::stats::share::share_se;

/// The largest scale searched: 64 times the scenario's own plan.
pub const MAX_SCALE: f64 = 64.0;
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
        scale = if moves {
            least(|k| planner.meets(k, no_money, share))?
        } else if planner.meets(1.0, no_money, share)? {
            Some(1.0)
        } else {
            None
        };
    }
    let Some(scale) = scale else {
        return best_of(&planner);
    };
    // Stage 2, the money: the least that meets the targets in `c` of trials.
    let money = if money_planned {
        match least(|mu| planner.meets(scale, Some(mu), c))? {
            Some(mu) => Some(mu),
            None => return best_of(&planner),
        }
    } else {
        None
    };
    answer(&planner, scale, money, true)
}

/// The least `x` in `(0, MAX_SCALE]` for which `ok(x)` holds, to
/// [`PRECISION`], by doubling (or halving) from 1 and then bisection; `None`
/// when it does not hold at [`MAX_SCALE`]. `ok` must not fall as `x` rises.
fn least(ok: impl Fn(f64) -> Result<bool, Error>) -> Result<Option<f64>, Error> {
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
