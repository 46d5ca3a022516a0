//! Decision tools on top of the engine: B against A on common random
//! numbers, the smallest value of a lever that meets a target with a given
//! confidence, and what better evidence is worth.
//!
//! All of them rest on one property of the engine: trial `i` of two
//! scenarios run with one seed draws every input and every year from the
//! same streams (`crate::engine::rng`), so the difference between the two is made
//! only by what differs between the scenarios.

use crate::analysis::simulate::simulate;
use crate::analysis::summary::{summarise, RunResult};
use crate::engine::model::Model;
use crate::engine::partial::Partial;
use crate::model::distribution::{Dist, Param};
use crate::model::error::{Error, Problem};
use crate::model::options::RunOptions;
use crate::model::outputs::{Series, Total, N_SERIES, N_TOTALS, PERSPECTIVES};
use crate::model::params::Draws;
use crate::model::scenario::{Pool, Scenario};
use crate::stats::order::{map_of, order_of};
use crate::stats::share::share_se;
use crate::stats::sketch::Sketch;
use serde::Serialize;
use std::collections::BTreeMap;

/// One headline of a comparison: where to read it and which way is better.
#[derive(Debug, Clone, Copy)]
pub struct Headline {
    /// Its name in the result.
    pub name: &'static str,
    /// Where a trial holds it.
    pub at: Where,
    /// True when more is better.
    pub more_is_better: bool,
}

/// Where a trial holds a headline.
#[derive(Debug, Clone, Copy)]
pub enum Where {
    /// A series' running total at the last year.
    Cumulative(Series),
    /// A total.
    Total(Total),
}

/// The headlines a comparison reports `p_b_better` for.
pub const HEADLINES: [Headline; 13] = [
    Headline {
        name: "duos_started_cumulative",
        at: Where::Cumulative(Series::DuosStarted),
        more_is_better: true,
    },
    Headline {
        name: "employed_cumulative",
        at: Where::Cumulative(Series::Employed),
        more_is_better: true,
    },
    Headline {
        name: "net_additional_employed_cumulative",
        at: Where::Cumulative(Series::NetAdditionalEmployed),
        more_is_better: true,
    },
    Headline {
        name: "public_cost_cumulative",
        at: Where::Cumulative(Series::PublicCost),
        more_is_better: false,
    },
    Headline {
        name: "cost_per_net_job",
        at: Where::Total(Total::CostPerNetJob),
        more_is_better: false,
    },
    Headline {
        name: "benefit_cost_ratio",
        at: Where::Total(Total::BenefitCostRatio),
        more_is_better: true,
    },
    Headline {
        name: "net_region",
        at: Where::Total(Total::NetRegion),
        more_is_better: true,
    },
    Headline {
        name: "net_eu",
        at: Where::Total(Total::NetEu),
        more_is_better: true,
    },
    Headline {
        name: "net_federal",
        at: Where::Total(Total::NetFederal),
        more_is_better: true,
    },
    Headline {
        name: "net_local",
        at: Where::Total(Total::NetLocal),
        more_is_better: true,
    },
    Headline {
        name: "net_participants",
        at: Where::Total(Total::NetParticipants),
        more_is_better: true,
    },
    Headline {
        name: "net_public",
        at: Where::Total(Total::NetPublic),
        more_is_better: true,
    },
    Headline {
        name: "net_society",
        at: Where::Total(Total::NetSociety),
        more_is_better: true,
    },
];

/// B against A.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// A's result.
    pub a: RunResult,
    /// B's result.
    pub b: RunResult,
    /// B minus A, trial by trial, summarised like a run (series and totals;
    /// a ratio undefined in either is undefined in the difference).
    pub difference: RunResult,
    /// Per headline, the share of trials in which B is strictly better.
    pub p_b_better: BTreeMap<&'static str, f64>,
    /// Per headline, the share of trials in which the two are equal.
    pub p_equal: BTreeMap<&'static str, f64>,
}

fn same_years(a: &Model, b: &Model) -> Result<(), Error> {
    if a.years != b.years {
        return Err(Error::Invalid(vec![Problem {
            field: "end_year".into(),
            message: format!(
                "A and B must cover the same years to be compared, got {}-{} and {}-{}",
                a.years[0],
                a.years[a.years.len() - 1],
                b.years[0],
                b.years[b.years.len() - 1]
            ),
        }]));
    }
    Ok(())
}

/// Runs A and B on the same trials and seed and summarises B - A.
pub fn compare(a: &Scenario, b: &Scenario, opts: &RunOptions) -> Result<Comparison, Error> {
    let opts = RunOptions {
        first_trial: 0,
        trial_count: None,
        sensitivity: false,
        ..*opts
    };
    let (ma, mb) = (Model::prepare(a, &opts)?, Model::prepare(b, &opts)?);
    same_years(&ma, &mb)?;
    let ny = ma.years.len();
    let width = 2 * N_SERIES * ny;
    let mut cells = vec![Sketch::default(); width];
    let mut totals = vec![Sketch::default(); N_TOTALS];
    let mut exceeds = vec![0u64; PERSPECTIVES.len()];
    let mut better = [0u64; HEADLINES.len()];
    let mut equal = [0u64; HEADLINES.len()];
    let (mut ia, mut ib) = (Draws::default(), Draws::default());
    let (mut ra, mut rb) = (vec![0.0; width], vec![0.0; width]);
    for trial in 0..opts.trials {
        let ta = ma.trial(opts.seed, trial, &mut ia, &mut ra);
        let tb = mb.trial(opts.seed, trial, &mut ib, &mut rb);
        for ((cell, x), y) in cells.iter_mut().zip(&ra).zip(&rb) {
            cell.add(y - x);
        }
        for ((sketch, x), y) in totals.iter_mut().zip(&ta.0).zip(&tb.0) {
            // An undefined value on either side leaves the difference undefined.
            sketch.add(if x.is_finite() && y.is_finite() {
                y - x
            } else {
                f64::INFINITY
            });
        }
        for (count, spec) in exceeds.iter_mut().zip(&PERSPECTIVES) {
            *count += u64::from(tb[spec.net] > ta[spec.net]);
        }
        for (k, h) in HEADLINES.iter().enumerate() {
            let (x, y) = match h.at {
                Where::Cumulative(s) => {
                    let i = (N_SERIES + s as usize) * ny + ny - 1;
                    (ra[i], rb[i])
                }
                Where::Total(t) => (ta[t], tb[t]),
            };
            equal[k] += u64::from(x == y);
            let b_better = if h.more_is_better { y > x } else { y < x };
            better[k] += u64::from(b_better);
        }
    }
    let partial = Partial {
        fingerprint: mb.fingerprint,
        seed: opts.seed,
        trials: opts.trials,
        first_trial: 0,
        trial_count: opts.trials,
        cells,
        totals,
        exceeds,
        targets: Vec::new(),
        samples: None,
        series: opts.series,
    };
    // No target tallies: the difference has no targets of its own.
    let difference = summarise(&mb, &partial);
    let n = opts.trials as f64;
    Ok(Comparison {
        a: simulate(a, &opts)?,
        b: simulate(b, &opts)?,
        difference,
        p_b_better: map_of(
            HEADLINES
                .iter()
                .zip(better)
                .map(|(h, c)| (h.name, c as f64 / n)),
        ),
        p_equal: map_of(
            HEADLINES
                .iter()
                .zip(equal)
                .map(|(h, c)| (h.name, c as f64 / n)),
        ),
    })
}

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
    /// The cost per duo, EUR (the largest that still meets the target).
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
                s.budget.constant = Some(x);
                s.budget.unlimited = false;
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
        Lever::CostPerDuo => s.cost_per_duo = scaled(&s.cost_per_duo, x),
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
    let opts = RunOptions {
        first_trial: 0,
        trial_count: None,
        sensitivity: false,
        ..*opts
    };
    let (step, lo, hi) = lever.grid();
    let reverse = lever == Lever::CostPerDuo;
    let steps = ((hi - lo) / step).round() as u64;
    // Search index `j` runs the way the answer improves: the probability is
    // meant to rise with `j` (a lever's value, or the cost per duo falling).
    let k_of = |j: u64| if reverse { steps - j } else { j };
    let p_at = |j: u64, o: &RunOptions| -> Result<f64, Error> {
        let x = lo + step * k_of(j) as f64;
        probability(&with_lever(s, lever, x)?, target, o)
    };
    let ok = |p: f64| p >= confidence;
    let (first, last) = (p_at(0, &opts)?, p_at(steps, &opts)?);
    let best = first.max(last);
    let label = {
        let t = &s.targets[target];
        if t.label.en.is_empty() {
            format!("{} {} {}", t.metric, t.value, t.year)
        } else {
            t.label.en.clone()
        }
    };
    let n = opts.trials as f64;
    let mut solution = Solution {
        lever,
        unit: lever.unit(),
        target: target + 1,
        target_label: label,
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
    if !ok(last) {
        return Ok(solution);
    }
    // The smallest `j` that meets the confidence at `o`'s trial count, by
    // bisection between a `j` that does not (`bad`) and one that does.
    let bisect = |mut bad: u64, mut good: u64, o: &RunOptions| -> Result<u64, Error> {
        while good - bad > 1 {
            let mid = bad + (good - bad) / 2;
            if ok(p_at(mid, o)?) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        Ok(good)
    };
    let good = if ok(first) {
        0
    } else if opts.trials >= 2000 {
        // A first pass on the run's first tenth of trials (a prefix of the
        // same trials: common random numbers) guesses the edge; the full
        // count then gallops out from the guess until it brackets the edge,
        // and bisects there. The answer is the full count's, checked one
        // step short; only the number of full runs falls.
        let coarse = RunOptions {
            trials: opts.trials / 10,
            ..opts
        };
        let guess = if ok(p_at(steps, &coarse)?) && !ok(p_at(0, &coarse)?) {
            bisect(0, steps, &coarse)?
        } else {
            steps / 2
        };
        let (mut bad, mut good) = (0, steps);
        let mut width = 1;
        if ok(p_at(guess, &opts)?) {
            good = guess;
            while good > bad + 1 {
                let j = good.saturating_sub(width).max(bad);
                if j == bad {
                    break;
                }
                if ok(p_at(j, &opts)?) {
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
                if ok(p_at(j, &opts)?) {
                    good = j;
                    break;
                }
                bad = j;
                width *= 2;
            }
        }
        bisect(bad, good, &opts)?
    } else {
        bisect(0, steps, &opts)?
    };
    let p = p_at(good, &opts)?;
    solution.value = Some(lo + step * k_of(good) as f64);
    solution.probability = p;
    solution.probability_se = share_se(p, n);
    solution.probability_one_step_short =
        good.checked_sub(1).map(|j| p_at(j, &opts)).transpose()?;
    Ok(solution)
}

/// Mentors a plan needs, year by year, with the pool's retention applied
/// (means of the inputs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentorNeed {
    pub year: i32,
    /// Duos the plan forms that year.
    pub duos: f64,
    /// Active mentors they need.
    pub mentors_needed: f64,
    /// Mentors still there from the year before.
    pub mentors_kept: f64,
    /// Recruits needed to make up the difference.
    pub recruits_needed: f64,
    /// Recruits the scenario assumes.
    pub recruits_assumed: f64,
}

/// The recruits a plan needs each year (the means of the inputs; the first
/// year starts from the pool's initial size).
pub fn mentor_needs(s: &Scenario) -> Vec<MentorNeed> {
    let per_mentor = s.mentors.duos_per_mentor_year.mean();
    let realisation = s.realisation.mean();
    let (mut pool, retention, assumed) = match &s.mentors.pool {
        Pool::Limited(p) => (
            p.initial.mean(),
            p.retention.mean(),
            p.recruits_per_year.mean(),
        ),
        Pool::Unlimited => (0.0, 0.0, f64::NAN),
    };
    let mut out = Vec::new();
    for (t, (year, planned)) in s.years().into_iter().zip(s.planned()).enumerate() {
        let duos = (planned * realisation).floor();
        let needed = if per_mentor > 0.0 {
            (duos / per_mentor).ceil()
        } else {
            0.0
        };
        let kept = if t == 0 { pool } else { pool * retention };
        let recruits = if t == 0 {
            (needed - kept).max(0.0)
        } else {
            (needed - kept).max(0.0).ceil()
        };
        out.push(MentorNeed {
            year,
            duos,
            mentors_needed: needed,
            mentors_kept: kept.round(),
            recruits_needed: recruits,
            recruits_assumed: assumed,
        });
        pool = kept + recruits;
    }
    out
}

/// The expected value of perfect information of a fund-or-not decision
/// whose net benefit has, across trials, the values `net`:
///
/// ```text
/// EVPI = E[max(NB, 0)] - max(E[NB], 0)
/// ```
///
/// (what a decision maker would pay, at most, to know the net benefit
/// before deciding; Claxton 1999; Briggs, Claxton and Sculpher 2006, ch. 6).
pub fn evpi(net: &[f64]) -> f64 {
    let n = net.len().max(1) as f64;
    let with_info = net.iter().map(|x| x.max(0.0)).sum::<f64>() / n;
    let now = (net.iter().sum::<f64>() / n).max(0.0);
    with_info - now
}

/// The expected value of partial perfect information on one input `theta`:
///
/// ```text
/// EVPPI = E_theta[max(E[NB | theta], 0)] - max(E[NB], 0)
/// ```
///
/// with `E[NB | theta]` estimated by the mean of `net` within `bins` bins of
/// equal count along `theta` (a nonparametric regression in the spirit of
/// Strong, Oakley and Brennan 2014). Biased upwards by the noise left in each
/// bin's mean; fewer, larger bins bias it less.
pub fn evppi(theta: &[f64], net: &[f64], bins: usize) -> f64 {
    let n = theta.len().min(net.len());
    if n == 0 {
        return 0.0;
    }
    let order = order_of(&theta[..n]);
    let bins = bins.clamp(1, n);
    let mut with_info = 0.0;
    for b in 0..bins {
        let (from, to) = (b * n / bins, (b + 1) * n / bins);
        if to == from {
            continue;
        }
        let mean = order[from..to].iter().map(|&i| net[i]).sum::<f64>() / (to - from) as f64;
        with_info += mean.max(0.0) * (to - from) as f64;
    }
    with_info / n as f64 - (net[..n].iter().sum::<f64>() / n as f64).max(0.0)
}

/// What better evidence is worth to the fund-or-not decision, per account
/// that bears a cost (EUR, present value in start-year prices, for the whole
/// programme): perfect information on everything, and on the effect alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueOfInformation {
    /// Trials it was computed on.
    pub trials: u64,
    /// Per account, the value of knowing everything.
    pub evpi: BTreeMap<&'static str, f64>,
    /// Per account, the value of knowing the effect of mentoring.
    pub evppi_effect: BTreeMap<&'static str, f64>,
    /// Bins along the effect used for the conditional means.
    pub bins: usize,
}

/// The value of information of a scenario, from `opts.trials` trials.
pub fn value_of_information(s: &Scenario, opts: &RunOptions) -> Result<ValueOfInformation, Error> {
    let opts = RunOptions {
        first_trial: 0,
        trial_count: None,
        sensitivity: false,
        ..*opts
    };
    let model = Model::prepare(s, &opts)?;
    let width = 2 * N_SERIES * model.years.len();
    let (mut draws, mut row) = (Draws::default(), vec![0.0; width]);
    let accounts: Vec<_> = PERSPECTIVES.iter().filter(|p| p.ratio.is_some()).collect();
    let mut nets = vec![Vec::with_capacity(opts.trials as usize); accounts.len()];
    let mut effect = Vec::with_capacity(opts.trials as usize);
    for trial in 0..opts.trials {
        let t = model.trial(opts.seed, trial, &mut draws, &mut row);
        effect.push(t[Total::Effect]);
        for (v, spec) in nets.iter_mut().zip(&accounts) {
            v.push(t[spec.net]);
        }
    }
    // About 50 trials a bin keeps the upward bias of the binned means small
    // next to the spread of the effect.
    let bins = ((opts.trials / 50) as usize).clamp(1, 200);
    Ok(ValueOfInformation {
        trials: opts.trials,
        evpi: map_of(accounts.iter().zip(&nets).map(|(a, v)| (a.name, evpi(v)))),
        evppi_effect: map_of(
            accounts
                .iter()
                .zip(&nets)
                .map(|(a, v)| (a.name, evppi(&effect, v, bins))),
        ),
        bins,
    })
}
