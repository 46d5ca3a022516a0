//! The smallest value of a lever (the largest, for the cost per duo) that
//! meets a target with a given confidence, by bisection on common random
//! numbers.

use super::mentors::{mentor_needs, MentorNeed};
use crate::analysis::simulate::simulate;
use crate::model::distribution::{Dist, Param};
use crate::model::error::{shorten, Error, Problem};
use crate::model::options::RunOptions;
use crate::model::scenario::{Pool, Scenario, Target};
use crate::stats::share::share_se;
use serde::{Deserialize, Serialize};

/// What can be moved to meet a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    /// Money a year, EUR (a constant budget; a per-year budget is scaled).
    Budget,
    /// Mentors recruited a year (the distribution scaled to this mean).
    Recruits,
    /// The planned intake, as a multiple of the scenario's plan.
    Intake,
    /// The cost per duo, EUR (the largest that still meets the target); a
    /// partner with a cost of its own moves by the same factor.
    CostPerDuo,
}

impl Lever {
    /// The lever named `name`.
    pub fn from_name(name: &str) -> Option<Lever> {
        match name {
            "budget" => Some(Lever::Budget),
            "recruits" => Some(Lever::Recruits),
            "intake" => Some(Lever::Intake),
            "cost" | "cost_per_duo" | "cost-per-duo" => Some(Lever::CostPerDuo),
            _ => None,
        }
    }

    /// Its unit, in words.
    pub fn unit(self) -> &'static str {
        match self {
            Lever::Budget => "EUR a year",
            Lever::Recruits => "mentors recruited a year",
            Lever::Intake => "times the planned intake",
            Lever::CostPerDuo => "EUR a duo",
        }
    }

    /// The step the search is exact to, and the range it searches.
    fn grid(self) -> (f64, f64, f64) {
        match self {
            Lever::Budget => (10_000.0, 0.0, 200_000_000.0),
            Lever::Recruits => (10.0, 0.0, 100_000.0),
            Lever::Intake => (0.01, 0.0, 20.0),
            Lever::CostPerDuo => (10.0, 10.0, 100_000.0),
        }
    }
}

/// A copy of `param` whose distribution is scaled so that its mean is `mean`.
fn scaled(param: &Param, mean: f64) -> Param {
    let now = param.mean();
    let f = if now > 0.0 { mean / now } else { 0.0 };
    let dist = match param.dist {
        Dist::Fixed(_) => Dist::Fixed(mean),
        Dist::Pert { min, mode, max } if now > 0.0 => Dist::Pert {
            min: min * f,
            mode: mode * f,
            max: max * f,
        },
        Dist::Triangular { min, mode, max } if now > 0.0 => Dist::Triangular {
            min: min * f,
            mode: mode * f,
            max: max * f,
        },
        Dist::Uniform { min, max } if now > 0.0 => Dist::Uniform {
            min: min * f,
            max: max * f,
        },
        Dist::Normal { sd, .. } if now > 0.0 => Dist::Normal { mean, sd: sd * f },
        Dist::LogNormal { p5, p95 } if now > 0.0 => Dist::LogNormal {
            p5: p5 * f,
            p95: p95 * f,
        },
        _ => Dist::Fixed(mean),
    };
    let dist = match dist {
        // A degenerate range (all zero) cannot be a PERT: fixed instead.
        Dist::Pert { min, max, .. }
        | Dist::Triangular { min, max, .. }
        | Dist::Uniform { min, max }
            if min >= max =>
        {
            Dist::Fixed(mean)
        }
        d => d,
    };
    Param {
        dist,
        ..param.clone()
    }
}

/// The scenario with the lever set to `x`.
pub fn with_lever(s: &Scenario, lever: Lever, x: f64) -> Result<Scenario, Error> {
    let mut s = s.clone();
    let bad = |field: &str, message: &str| {
        Err(Error::Invalid(vec![Problem {
            field: field.into(),
            message: message.into(),
        }]))
    };
    match lever {
        Lever::Budget => {
            // Money given per year scales; any other becomes that amount.
            if let Some(v) = s.budget.per_year.as_mut() {
                let first = v.first().copied().unwrap_or(0.0);
                if first <= 0.0 {
                    return bad(
                        "budget.per_year",
                        "a per-year budget that starts at zero cannot be scaled",
                    );
                }
                let f = x / first;
                v.iter_mut().for_each(|b| *b *= f);
            } else {
                s.budget.set_constant(x);
            }
        }
        Lever::Recruits => match &mut s.mentors.pool {
            Pool::Limited(p) => p.recruits_per_year = scaled(&p.recruits_per_year, x),
            Pool::Unlimited => {
                return bad(
                    "mentors.pool",
                    "the mentor pool is unlimited: recruits do not limit anything",
                )
            }
        },
        Lever::Intake => {
            // Whatever form the intake is given in, its levels scale.
            let i = &mut s.intake;
            if let Some(v) = i.per_year.as_mut() {
                v.iter_mut().for_each(|l| *l *= x);
            }
            if let Some(g) = i.growth.as_mut() {
                g.start *= x;
            }
            if let Some(p) = i.points.as_mut() {
                p.iter_mut().for_each(|(_, l)| *l *= x);
            }
        }
        Lever::CostPerDuo => {
            // Partners with a cost of their own move by the same factor.
            let now = s.cost_per_duo.mean();
            let f = if now > 0.0 { x / now } else { 0.0 };
            for partner in &mut s.partners {
                if let Some(c) = partner.cost_per_duo.as_mut() {
                    *c = scaled(c, c.mean() * f);
                }
            }
            s.cost_per_duo = scaled(&s.cost_per_duo, x);
        }
    }
    Ok(s)
}

/// The answer of [`solve`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Solution {
    /// The lever moved.
    pub lever: Lever,
    /// Its unit, in words.
    pub unit: &'static str,
    /// The target's position (1-based) and label.
    pub target: usize,
    pub target_label: String,
    /// The confidence asked for.
    pub confidence: f64,
    /// The value found (`None` when no value in the range reaches the
    /// confidence).
    pub value: Option<f64>,
    /// The probability the target is met at that value, and its Monte Carlo
    /// standard error; when no value is found, the best reached
    /// (`best_probability`) and its error.
    pub probability: f64,
    pub probability_se: f64,
    /// The probability one step beyond (one step lower, or one step higher
    /// for the cost per duo), which falls short.
    pub probability_one_step_short: Option<f64>,
    /// The step the answer is exact to.
    pub step: f64,
    /// The range searched.
    pub range: (f64, f64),
    /// The best probability reached in the range (when none meets it).
    pub best_probability: f64,
    pub trials: u64,
    pub seed: u64,
}

fn probability(s: &Scenario, target: usize, opts: &RunOptions) -> Result<f64, Error> {
    Ok(simulate(s, opts)?.targets[target].probability_met)
}

/// The smallest value of `lever` (the largest, for the cost per duo) at
/// which the target at position `target` (0-based) is met in at least
/// `confidence` of the trials. Bisection over the lever's grid with common
/// random numbers: for a count of duos started the probability never falls
/// when the lever rises, trial by trial; for outcomes it may wobble by Monte
/// Carlo noise, so the answer is checked one step short as well.
pub fn solve(
    s: &Scenario,
    target: usize,
    confidence: f64,
    lever: Lever,
    opts: &RunOptions,
) -> Result<Solution, Error> {
    check_question(s, target, confidence)?;
    let opts = RunOptions {
        first_trial: 0,
        trial_count: None,
        sensitivity: false,
        ..*opts
    };
    let (step, lo, hi) = lever.grid();
    let search = Search {
        s,
        target,
        lever,
        confidence,
        lo,
        step,
        steps: ((hi - lo) / step).round() as u64,
    };
    let (first, last) = (search.p_at(0, &opts)?, search.p_at(search.steps, &opts)?);
    let best = first.max(last);
    let n = opts.trials as f64;
    let mut solution = Solution {
        lever,
        unit: lever.unit(),
        target: target + 1,
        target_label: target_label(&s.targets[target]),
        confidence,
        value: None,
        probability: best,
        probability_se: share_se(best, n),
        probability_one_step_short: None,
        step,
        range: (lo, hi),
        best_probability: best,
        trials: opts.trials,
        seed: opts.seed,
    };
    if !search.ok(last) {
        return Ok(solution);
    }
    let good = if search.ok(first) {
        0
    } else if opts.trials >= 2000 {
        search.coarse_then_full(&opts)?
    } else {
        search.bisect(0, search.steps, &opts)?
    };
    let p = search.p_at(good, &opts)?;
    solution.value = Some(search.value(good));
    solution.probability = p;
    solution.probability_se = share_se(p, n);
    solution.probability_one_step_short = good
        .checked_sub(1)
        .map(|j| search.p_at(j, &opts))
        .transpose()?;
    Ok(solution)
}

/// A target's position and the confidence asked, checked: errors name the field.
fn check_question(s: &Scenario, target: usize, confidence: f64) -> Result<(), Error> {
    if target >= s.targets.len() {
        return Err(Error::Invalid(vec![Problem {
            field: "target".into(),
            message: format!(
                "the scenario has {} target(s); give a position from 1 to {}",
                s.targets.len(),
                s.targets.len()
            ),
        }]));
    }
    if !(confidence > 0.0 && confidence < 1.0) {
        return Err(Error::Invalid(vec![Problem {
            field: "confidence".into(),
            message: format!("must be between 0 and 1 (0.8 for 80 %), got {confidence}"),
        }]));
    }
    Ok(())
}

/// A target's label, or what it counts when it has none.
fn target_label(t: &Target) -> String {
    if t.label.en.is_empty() {
        format!("{} {} {}", t.metric, t.value, t.year)
    } else {
        t.label.en.clone()
    }
}

/// The search over a lever's grid. Its index `j` runs the way the answer
/// improves: the probability is meant to rise with `j` (a lever's value, or
/// the cost per duo falling).
struct Search<'a> {
    s: &'a Scenario,
    target: usize,
    lever: Lever,
    confidence: f64,
    lo: f64,
    step: f64,
    steps: u64,
}

impl Search<'_> {
    /// The lever's value at search index `j`.
    fn value(&self, j: u64) -> f64 {
        let k = if self.lever == Lever::CostPerDuo {
            self.steps - j
        } else {
            j
        };
        self.lo + self.step * k as f64
    }

    /// The probability the target is met at index `j`, on `o`'s trials.
    fn p_at(&self, j: u64, o: &RunOptions) -> Result<f64, Error> {
        probability(
            &with_lever(self.s, self.lever, self.value(j))?,
            self.target,
            o,
        )
    }

    fn ok(&self, p: f64) -> bool {
        p >= self.confidence
    }

    /// The smallest `j` that meets the confidence at `o`'s trial count, by
    /// bisection between a `j` that does not (`bad`) and one that does.
    fn bisect(&self, mut bad: u64, mut good: u64, o: &RunOptions) -> Result<u64, Error> {
        while good - bad > 1 {
            let mid = bad + (good - bad) / 2;
            if self.ok(self.p_at(mid, o)?) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        Ok(good)
    }

    /// A first pass on the run's first tenth of trials (a prefix of the
    /// same trials: common random numbers) guesses the edge; the full
    /// count then gallops out from the guess until it brackets the edge,
    /// and bisects there. The answer is the full count's, checked one
    /// step short; only the number of full runs falls.
    fn coarse_then_full(&self, opts: &RunOptions) -> Result<u64, Error> {
        let coarse = RunOptions {
            trials: opts.trials / 10,
            ..*opts
        };
        let steps = self.steps;
        let guess = if self.ok(self.p_at(steps, &coarse)?) && !self.ok(self.p_at(0, &coarse)?) {
            self.bisect(0, steps, &coarse)?
        } else {
            steps / 2
        };
        let (bad, good) = self.bracket(guess, opts)?;
        self.bisect(bad, good, opts)
    }

    /// Gallops out from `guess` on the full count, by steps that double,
    /// until a `j` that does not meet the confidence and one that does are
    /// next to each other or bracket the edge.
    fn bracket(&self, guess: u64, opts: &RunOptions) -> Result<(u64, u64), Error> {
        let (mut bad, mut good) = (0, self.steps);
        let mut width = 1;
        if self.ok(self.p_at(guess, opts)?) {
            good = guess;
            while good > bad + 1 {
                let j = good.saturating_sub(width).max(bad);
                if j == bad {
                    break;
                }
                if self.ok(self.p_at(j, opts)?) {
                    good = j;
                } else {
                    bad = j;
                    break;
                }
                width *= 2;
            }
        } else {
            bad = guess;
            while good > bad + 1 {
                let j = (bad + width).min(good);
                if j == good {
                    break;
                }
                if self.ok(self.p_at(j, opts)?) {
                    good = j;
                    break;
                }
                bad = j;
                width *= 2;
            }
        }
        Ok((bad, good))
    }
}

/// `{target, confidence, lever}`, as the page asks [`solve`]; `target`
/// counts from 0 and `lever` is a name ([`Lever::from_name`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an object {target, confidence, lever}"
)]
pub struct SolveRequest {
    pub target: usize,
    pub confidence: f64,
    pub lever: String,
}

/// What `mentorsim solve --json` says: the solution, and the mentors the
/// scenario at that value of the lever needs.
#[derive(Debug, Clone, Serialize)]
pub struct SolveAnswer {
    pub solution: Solution,
    pub mentors: Vec<MentorNeed>,
}

/// [`solve`] for a request, with the mentors its answer needs; a lever
/// that has no name is an error at `lever`.
pub fn solve_request(
    s: &Scenario,
    req: &SolveRequest,
    opts: &RunOptions,
) -> Result<SolveAnswer, Error> {
    let lever = Lever::from_name(&req.lever).ok_or_else(|| {
        Error::input(
            "lever",
            format!(
                "unknown lever `{}`: give budget, recruits, intake or cost",
                shorten(&req.lever)
            ),
        )
    })?;
    let solution = solve(s, req.target, req.confidence, lever, opts)?;
    let at = with_lever(s, lever, solution.value.unwrap_or(0.0))?;
    Ok(SolveAnswer {
        solution,
        mentors: mentor_needs(&at),
    })
}
