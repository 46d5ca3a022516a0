//! What it takes: the year-by-year plan of intake, money and mentor
//! recruitment that meets one or more targets in at least a given share of
//! trials, at the least money.
//!
//! The method (docs/MODEL.md, "What it takes"):
//!
//! 1. **A shape.** The duos the scenario's own plan would form each year at
//!    the median share that forms, `shape[t] = planned[t] * median(realisation)`.
//! 2. **The levers at a scale**, each sized at the medians of its inputs to
//!    give `k * shape[t]` duos: the planned intake `k * planned[t]`; the
//!    recruits that bring the pool to the mentors those duos need,
//!    `needed[t + 1] - retention * pool[t]`, never below zero nor above the
//!    largest recruitment a year that is feasible; the money
//!    `mu * shape[t] * cost[t] + fixed_cost` (EUR as paid, the cost indexed
//!    to year `t`), on its own scale `mu`. A lever held fixed keeps the
//!    scenario's value.
//! 3. **Intake and recruits first**: the least `k` at which every chosen
//!    target is met, jointly, in at least `(1 + c) / 2` of the trials with
//!    no money limit (`c` the confidence asked; failing that, in `c`), so
//!    that they leave most of the misses the confidence allows to the money.
//! 4. **Then the money**: the least `mu` at which the targets are met in at
//!    least `c` of the trials, intake and recruits held: money is what the
//!    plan costs, and it binds, so that less of it misses.
//!
//! Each search doubles (or halves) from 1 to bracket its answer, then
//! bisects to 0.5 %; every probability is on common random numbers (one
//! seed: trial `i` draws the same inputs at every scale), and each step
//! stops as soon as the trials run so far decide it.
//!
//! When no plan up to [`MAX_SCALE`] meets the targets, the answer says what
//! binds (a recruitment cap, a lever held fixed, or time: outcomes booked
//! after the target's year) and the best probability found.

use crate::analysis::simulate::simulate;
use crate::analysis::summary::RunResult;
use crate::engine::model::Model;
use crate::model::error::{Error, Problem};
use crate::model::limits::{MAX_BUDGET, MAX_INTAKE};
use crate::model::options::RunOptions;
use crate::model::outputs::N_SERIES;
use crate::model::params::{Draws, ParamId};
use crate::model::scenario::{Pool, Scenario};
use crate::model::text::{Note, Text};
use crate::stats::figures::SeriesSummary;
use crate::stats::share::share_se;
use serde::{Deserialize, Serialize};

/// The largest recruitment a year a plan assumes feasible when none is
/// given: as many new mentors in a year as the partners' recorded pools
/// hold today (DUO for a JOB about 2,000, Team4Job 1,000+: E22). An
/// assumption.
pub const DEFAULT_MAX_RECRUITS: f64 = 3000.0;
/// The largest scale searched: 64 times the scenario's own plan.
pub const MAX_SCALE: f64 = 64.0;
/// Relative precision of the scale and of the money.
const PRECISION: f64 = 0.005;

/// A lever a plan may hold at the scenario's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fixed {
    /// The money each year.
    Budget,
    /// The planned intake.
    Intake,
    /// The mentors recruited each year.
    Recruits,
}

impl Fixed {
    /// The lever named `name` (`budget`, `intake`, `recruits`).
    pub fn from_name(name: &str) -> Option<Fixed> {
        match name {
            "budget" => Some(Fixed::Budget),
            "intake" => Some(Fixed::Intake),
            "recruits" => Some(Fixed::Recruits),
            _ => None,
        }
    }
}

/// What a plan must meet, and within what. As JSON (the page's request),
/// every field may be left out: `{"targets": [0, 1], "confidence": 0.8,
/// "max_recruits": 3000, "max_budget_growth": null, "fixed": ["budget"]}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanRequest {
    /// The targets to meet, by position in the scenario (from 0).
    pub targets: Vec<usize>,
    /// The share of trials that must meet every one of them.
    pub confidence: f64,
    /// The most mentors that can be recruited in a year.
    pub max_recruits: f64,
    /// The largest yearly growth of the money (0.5 for +50 % a year), if any.
    pub max_budget_growth: Option<f64>,
    /// Levers held at the scenario's value.
    pub fixed: Vec<Fixed>,
}

impl Default for PlanRequest {
    fn default() -> Self {
        PlanRequest {
            targets: vec![0],
            confidence: 0.8,
            max_recruits: DEFAULT_MAX_RECRUITS,
            max_budget_growth: None,
            fixed: Vec::new(),
        }
    }
}

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
    /// busiest year (where one exists).
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

/// The medians a plan is sized at.
struct Medians {
    realisation: f64,
    cost: Vec<f64>,
    fixed_cost: f64,
    per_mentor: f64,
    retention: f64,
    initial: f64,
}

fn median(s: &Scenario, id: ParamId) -> f64 {
    let spec = id.spec();
    spec.get(s)
        .and_then(|p| p.summary(spec.domain))
        .map_or(spec.default.unwrap_or(0.0), |m| m.median)
}

impl Medians {
    fn of(s: &Scenario) -> Medians {
        let g = median(s, ParamId::CostIndexation);
        let c0 = median(s, ParamId::CostPerDuo);
        let cost = s
            .years()
            .iter()
            .map(|&y| c0 * libm::pow(1.0 + g, f64::from(y) - s.cost_price_year()))
            .collect();
        Medians {
            realisation: median(s, ParamId::Realisation),
            cost,
            fixed_cost: median(s, ParamId::FixedCost),
            per_mentor: median(s, ParamId::DuosPerMentor),
            retention: median(s, ParamId::PoolRetention),
            initial: median(s, ParamId::PoolInitial),
        }
    }
}

/// A plan at scale `k` with a share `m` of its money.
struct Sized {
    scenario: Scenario,
    /// The recruits each year would need without the cap.
    recruits_wanted: Option<Vec<f64>>,
    /// The year the cap cuts the recruits deepest, and what it would need.
    capped: Option<(usize, f64)>,
    /// The last year whose money was raised to keep growth within its limit.
    growth_capped: Option<usize>,
}

struct Planner<'a> {
    base: &'a Scenario,
    req: &'a PlanRequest,
    opts: RunOptions,
    med: Medians,
    planned: Vec<f64>,
}

impl Planner<'_> {
    fn fixed(&self, lever: Fixed) -> bool {
        self.req.fixed.contains(&lever)
    }

    /// The scenario's plan at scale `k`, with a share `m` of the money.
    ///
    /// `k` scales the intake and the recruits; `money` the duos the money
    /// is sized for, or no limit (`None`). A lever held fixed keeps the
    /// scenario's value.
    fn sized(&self, k: f64, money: Option<f64>) -> Sized {
        let mut s = self.base.clone();
        let med = &self.med;
        let duos_at = |k: f64| -> Vec<f64> {
            self.planned
                .iter()
                .map(|p| k * p * med.realisation)
                .collect()
        };
        let duos = duos_at(k);
        if !self.fixed(Fixed::Intake) {
            s.intake.per_year = Some(
                self.planned
                    .iter()
                    .map(|p| (k * p).min(MAX_INTAKE))
                    .collect(),
            );
            s.intake.growth = None;
            s.intake.points = None;
        }
        let mut growth_capped = None;
        if let (Some(mu), false) = (money, self.fixed(Fixed::Budget)) {
            let mut money: Vec<f64> = duos_at(mu)
                .iter()
                .zip(&med.cost)
                .map(|(d, c)| (d * c + med.fixed_cost).min(MAX_BUDGET))
                .collect();
            // Money cannot grow faster than allowed: later years' needs are
            // met by raising earlier years.
            if let Some(g) = self.req.max_budget_growth {
                for t in (0..money.len().saturating_sub(1)).rev() {
                    let floor = money[t + 1] / (1.0 + g);
                    if money[t] < floor {
                        money[t] = floor;
                        growth_capped = Some(t);
                    }
                }
            }
            s.budget.per_year = Some(money);
            s.budget.constant = None;
            s.budget.unlimited = false;
        } else if !self.fixed(Fixed::Budget) {
            s.budget.per_year = None;
            s.budget.constant = None;
            s.budget.unlimited = true;
        }
        let mut capped = None;
        let mut recruits_wanted = None;
        if let (Pool::Limited(pool), false) = (&mut s.mentors.pool, self.fixed(Fixed::Recruits)) {
            let needed: Vec<f64> = duos
                .iter()
                .map(|d| {
                    if med.per_mentor > 0.0 {
                        d / med.per_mentor
                    } else {
                        0.0
                    }
                })
                .collect();
            let mut active = med.initial;
            let mut recruits = Vec::with_capacity(needed.len());
            let mut wanted = Vec::with_capacity(needed.len());
            for t in 0..needed.len() {
                // Recruited in year t, they mentor from t + 1; the last year's
                // recruits hold the pool at its level.
                let next = needed.get(t + 1).copied().unwrap_or(needed[t]);
                let want = (next - med.retention * active).max(0.0).ceil();
                let r = want.min(self.req.max_recruits);
                // The year the cap cuts deepest.
                if want > r && t + 1 < needed.len() && capped.is_none_or(|(_, w)| want > w) {
                    capped = Some((t, want));
                }
                recruits.push(r);
                wanted.push(want);
                active = med.retention * active + r;
            }
            pool.recruits_by_year = Some(recruits);
            recruits_wanted = Some(wanted);
        }
        Sized {
            scenario: s,
            recruits_wanted,
            capped,
            growth_capped,
        }
    }

    /// The share of trials that meet every chosen target, on common random numbers.
    fn probability(&self, s: &Scenario) -> Result<f64, Error> {
        let model = Model::new(s)?;
        let mut trials = TrialLoop::new(&model, &self.req.targets);
        let met = (0..self.opts.trials)
            .filter(|&trial| trials.meets(self.opts.seed, trial))
            .count();
        Ok(met as f64 / self.opts.trials as f64)
    }

    /// Whether every chosen target is met in at least `confidence` of the
    /// trials: the same answer as comparing [`Planner::probability`] with
    /// it, found as soon as the trials run so far decide it.
    fn meets(&self, k: f64, money: Option<f64>, confidence: f64) -> Result<bool, Error> {
        let model = Model::new(&self.sized(k, money).scenario)?;
        let n = self.opts.trials;
        // At least `need` of the `n` trials must meet the targets.
        let need = (confidence * n as f64).ceil() as u64;
        let (mut met, mut missed) = (0u64, 0u64);
        let mut trials = TrialLoop::new(&model, &self.req.targets);
        for trial in 0..n {
            if trials.meets(self.opts.seed, trial) {
                met += 1;
            } else {
                missed += 1;
            }
            if met >= need {
                return Ok(true);
            }
            if n - missed < need {
                return Ok(false);
            }
        }
        Ok(met >= need)
    }
}

/// Trials of one model, one at a time, checked against chosen targets.
struct TrialLoop<'m> {
    model: &'m Model,
    chosen: Vec<(usize, usize, f64)>,
    inputs: Draws,
    row: Vec<f64>,
}

impl<'m> TrialLoop<'m> {
    fn new(model: &'m Model, targets: &[usize]) -> TrialLoop<'m> {
        let ny = model.years.len();
        TrialLoop {
            model,
            chosen: targets.iter().map(|&i| model.targets[i]).collect(),
            inputs: Draws::default(),
            row: vec![0.0; 2 * N_SERIES * ny],
        }
    }

    /// Whether trial `trial` of a run seeded with `seed` meets every target.
    fn meets(&mut self, seed: u64, trial: u64) -> bool {
        let ny = self.model.years.len();
        self.model
            .trial(seed, trial, &mut self.inputs, &mut self.row);
        self.chosen
            .iter()
            .all(|&(series, year, value)| self.row[series * ny + year] >= value)
    }
}

fn invalid(field: &str, message: String) -> Error {
    Error::Invalid(vec![Problem {
        field: field.into(),
        message,
    }])
}

fn check(s: &Scenario, req: &PlanRequest) -> Result<(), Error> {
    let problems = s.validate();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    if req.targets.is_empty() {
        return Err(invalid("target", "give at least one target".into()));
    }
    if let Some(&i) = req.targets.iter().find(|&&i| i >= s.targets.len()) {
        return Err(invalid(
            "target",
            format!(
                "the scenario has {} target(s); give a position from 1 to {}, got {}",
                s.targets.len(),
                s.targets.len(),
                i + 1
            ),
        ));
    }
    if !(req.confidence > 0.0 && req.confidence < 1.0) {
        return Err(invalid(
            "confidence",
            format!(
                "must be between 0 and 1 (0.8 for 80 %), got {}",
                req.confidence
            ),
        ));
    }
    if !(req.max_recruits.is_finite() && req.max_recruits >= 0.0 && req.max_recruits <= MAX_INTAKE)
    {
        return Err(invalid(
            "max_recruits",
            format!(
                "must be a number of mentors from 0 to {MAX_INTAKE}, got {}",
                req.max_recruits
            ),
        ));
    }
    if let Some(g) = req
        .max_budget_growth
        .filter(|g| !(g.is_finite() && *g >= 0.0 && *g <= 100.0))
    {
        return Err(invalid(
            "max_budget_growth",
            format!("must be a yearly growth from 0 to 100 (0.5 for +50 %), got {g}"),
        ));
    }
    if req.fixed.len() >= 3 {
        return Err(invalid(
            "fixed",
            "with budget, intake and recruits all held there is nothing to plan".into(),
        ));
    }
    Ok(())
}

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
    let mut planned = s.planned();
    if planned.iter().all(|&p| p <= 0.0) {
        planned = vec![1.0; planned.len()];
    }
    let planner = Planner {
        base: s,
        req,
        opts: RunOptions::default(),
        med: Medians::of(s),
        planned,
    };
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
    let mut planned = s.planned();
    if planned.iter().all(|&p| p <= 0.0) {
        planned = vec![1.0; planned.len()];
    }
    let planner = Planner {
        base: s,
        req,
        opts,
        med: Medians::of(s),
        planned,
    };
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

/// The plan at scale `k` with money for `money` times the duos, run in
/// full and described.
fn answer(planner: &Planner, k: f64, money: Option<f64>, met: bool) -> Result<Plan, Error> {
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
        allowed: None,
    }
}
