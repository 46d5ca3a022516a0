//! Every rule a scenario must meet ([`Scenario::validate`]): each problem
//! names its field and says what is wrong with the value found. Sizes come
//! first, so that nothing whose cost grows with them is looked at before
//! they are known to be within [`crate::model::limits`].

use crate::model::error::{shorten, Error, Problem, Problems};
use crate::model::forms::{BudgetPlan, IntakePlan};
use crate::model::limits::{
    MAX_BUDGET, MAX_DURATION_MONTHS, MAX_HORIZON_YEARS, MAX_INTAKE, MAX_POINTS, MAX_TARGETS,
    MAX_YEARS, YEAR_RANGE,
};
use crate::model::outputs::{target_metric, Series};
use crate::model::params::PARAMS;
use crate::model::priors::Form;
use crate::model::scenario::{self, Budget, Intake, Pool, Scenario};

/// What validation resolved in a scenario, in the forms the engine reads:
/// a scenario has one only once it has passed every rule
/// ([`Scenario::checked`]), so nothing after asks again. (The intake and
/// the budget it reads through [`Scenario::planned`] and
/// [`Scenario::budget_per_year`], whose forms validation has checked.)
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The form of the counterfactual's evidence.
    pub counterfactual: Form,
    /// The series each target counts, in the order of `targets`.
    pub metrics: Vec<Series>,
}

/// Every problem with a scenario given as JSON text: a parse error (naming
/// the field) or the list of rule violations. Empty when it can run.
pub fn validate_json(text: &str) -> Vec<Problem> {
    match scenario::from_json(text) {
        Ok(s) => s.validate(),
        Err(e) => e.problems(),
    }
}

impl Scenario {
    /// The named prior of the counterfactual and the named persistence set,
    /// where the scenario names them, must be known.
    fn check_names(&self, p: &mut Problems) {
        if let Some(id) = self.counterfactual.prior.as_deref() {
            if crate::model::priors::get(id).is_none() {
                let known: Vec<&str> = crate::model::priors::PRIORS.iter().map(|p| p.id).collect();
                p.push(
                    "counterfactual.prior",
                    format!(
                        "unknown prior `{}`, expected one of {}",
                        shorten(id),
                        known.join(", ")
                    ),
                );
            }
        }
        if let Some(id) = self.fiscal.persistence_prior.as_deref() {
            if crate::model::persistence::get(id).is_none() {
                let known: Vec<&str> = crate::model::persistence::SETS
                    .iter()
                    .map(|s| s.id)
                    .collect();
                p.push(
                    "fiscal.persistence_prior",
                    format!(
                        "unknown persistence set `{}`, expected one of {}",
                        shorten(id),
                        known.join(", ")
                    ),
                );
            }
        }
    }

    /// Nothing when the scenario can run; else every problem with it, as
    /// [`Error::Invalid`].
    pub fn check(&self) -> Result<(), Error> {
        self.checked().map(|_| ()).map_err(Error::Invalid)
    }

    /// Every rule a scenario must meet; empty when it can run.
    pub fn validate(&self) -> Vec<Problem> {
        self.checked().err().unwrap_or_default()
    }

    /// The scenario's forms when it can run; else every problem with it
    /// (never none).
    pub fn checked(&self) -> Result<Checked, Vec<Problem>> {
        let mut p = Problems::default();
        let n = self.check_years(&mut p);
        if !(self.duration_months.is_finite()
            && self.duration_months > 0.0
            && self.duration_months <= MAX_DURATION_MONTHS)
        {
            p.push(
                "duration_months",
                format!(
                    "must be between 0 and {MAX_DURATION_MONTHS} months, got {}",
                    self.duration_months
                ),
            );
        }
        let before = p.len();
        let intake = self.intake.check(n, &mut p);
        if let (true, Some(_)) = (intake && p.len() == before, n) {
            self.check_planned(&mut p);
        }
        let budget = self.budget.check(n, &mut p);
        self.check_recruits(n, &mut p);
        for spec in PARAMS {
            if let Some(param) = spec.get(self) {
                param.check(spec.path, spec.domain, &mut p);
            }
        }
        let counterfactual = self.check_counterfactual(&mut p);
        self.check_prices(&mut p);
        let metrics = self.check_targets(&mut p);
        self.check_partners(&mut p);
        match (intake && budget, counterfactual, metrics) {
            (true, Some(counterfactual), Some(metrics)) if p.is_empty() => Ok(Checked {
                counterfactual,
                metrics,
            }),
            _ => Err(p.0),
        }
    }

    /// The number of simulated years when it is within the limit; `None`
    /// when it is not, so that nothing does work in proportion to them.
    fn check_years(&self, p: &mut Problems) -> Option<usize> {
        let years = (self.end_year as i64) - (self.start_year as i64) + 1;
        let (first, last) = YEAR_RANGE;
        if !(first..=last).contains(&self.start_year) {
            p.push(
                "start_year",
                format!(
                    "must be a calendar year between {first} and {last}, got {}",
                    self.start_year
                ),
            );
        }
        if years < 1 {
            p.push(
                "end_year",
                format!(
                    "must not be before start_year ({}), got {}",
                    self.start_year, self.end_year
                ),
            );
        } else if years > MAX_YEARS as i64 {
            p.push(
                "end_year",
                format!("at most {MAX_YEARS} years can be simulated, got {years}"),
            );
        }
        (1..=MAX_YEARS as i64)
            .contains(&years)
            .then_some(years as usize)
    }

    /// The planned duos per year of a plan whose form is valid, each
    /// within the cap of [`MAX_INTAKE`].
    fn check_planned(&self, p: &mut Problems) {
        let years = self.years();
        for (y, v) in years.iter().zip(self.planned()) {
            // NaN fails here too: a plan that is not a number is not within the cap.
            if v.is_nan() || v > MAX_INTAKE {
                p.push(
                    "intake",
                    format!("plans at most {MAX_INTAKE} duos a year, got {v} in {y}"),
                );
                break;
            }
        }
    }

    fn check_recruits(&self, n: Option<usize>, p: &mut Problems) {
        let Pool::Limited(pool) = &self.mentors.pool else {
            return;
        };
        if let Some(v) = &pool.recruits_by_year {
            check_amounts(
                "mentors.pool.recruits_by_year",
                v,
                n,
                ("number of recruits", None),
                p,
            );
            if let Some((i, v)) = v.iter().enumerate().find(|(_, v)| **v > MAX_INTAKE) {
                p.push(
                    &format!("mentors.pool.recruits_by_year[{i}]"),
                    format!("at most {MAX_INTAKE} recruits a year, got {v}"),
                );
            }
        }
    }

    /// The counterfactual's form, when it has exactly one, and the named sets' names.
    fn check_counterfactual(&self, p: &mut Problems) -> Option<Form> {
        let cf = &self.counterfactual;
        let form = cf.form();
        if form.is_none() {
            p.push(
                "counterfactual",
                "give exactly one of effect (percentage points, as a share), baseline (the rate without mentoring) or odds_ratio (the odds of work with mentoring over the odds without)",
            );
        }
        // The names of the counterfactual's prior and of the persistence set.
        self.check_names(p);
        form
    }

    /// The price years, the shares on benefits and the horizon.
    fn check_prices(&self, p: &mut Problems) {
        let (first, last) = YEAR_RANGE;
        let year_ok = |y: f64| y.is_finite() && y >= f64::from(first) && y <= f64::from(last) + 1.0;
        if let Some(y) = self.cost_price_year.filter(|y| !year_ok(*y)) {
            p.push(
                "cost_price_year",
                format!("must be a year between {first} and {last}, got {y}"),
            );
        }
        if !year_ok(self.fiscal.price_year) {
            p.push(
                "fiscal.price_year",
                format!(
                    "must be a year between {first} and {last}, got {}",
                    self.fiscal.price_year
                ),
            );
        }
        let f = &self.fiscal;
        let on_benefits = f.unemployment_share.mean() + f.integration_share.mean();
        if p.is_empty() && on_benefits > 1.0 + 1e-9 {
            p.push(
                "fiscal",
                format!("unemployment_share + integration_share must not exceed 1 on average, got {on_benefits:.3}"),
            );
        }
        if !(1..=MAX_HORIZON_YEARS).contains(&f.horizon_years) {
            p.push(
                "fiscal.horizon_years",
                format!(
                    "must be between 1 and {MAX_HORIZON_YEARS} years, got {}",
                    f.horizon_years
                ),
            );
        }
    }

    /// The series each target counts, when every target names one it may.
    fn check_targets(&self, p: &mut Problems) -> Option<Vec<Series>> {
        if self.targets.len() > MAX_TARGETS {
            p.push(
                "targets",
                format!(
                    "a scenario has at most {MAX_TARGETS} targets, got {}",
                    self.targets.len()
                ),
            );
            return None;
        }
        let mut metrics = Vec::with_capacity(self.targets.len());
        for (i, t) in self.targets.iter().enumerate() {
            let field = format!("targets[{i}]");
            match target_metric(&t.metric) {
                Some(m) => metrics.push(m),
                None => {
                    p.push(
                        &format!("{field}.metric"),
                        format!(
                            "unknown metric `{}`, expected one of {}",
                            shorten(&t.metric),
                            crate::model::outputs::TARGET_METRICS.join(", ")
                        ),
                    );
                }
            }
            if t.year < self.start_year || t.year > self.end_year {
                p.push(
                    &format!("{field}.year"),
                    format!(
                        "must be within the simulated years {}-{}, got {}",
                        self.start_year, self.end_year, t.year
                    ),
                );
            }
            if !t.value.is_finite() {
                p.push(
                    &format!("{field}.value"),
                    format!("must be a finite number, got {}", t.value),
                );
            }
        }
        // One for each target when none is unknown.
        (metrics.len() == self.targets.len()).then_some(metrics)
    }
}

/// One amount per simulated year, each finite, zero or more and at most
/// `max_eur`. The entries are looked at only when there are as many as years
/// (`None` when the years themselves are wrong), so a long list costs
/// nothing.
fn check_amounts(
    field: &str,
    values: &[f64],
    years: Option<usize>,
    (what, max_eur): (&str, Option<f64>),
    p: &mut Problems,
) {
    let Some(years) = years else { return };
    if values.len() != years {
        p.push(
            field,
            format!(
                "needs one {what} per simulated year ({years}), got {}",
                values.len()
            ),
        );
        return;
    }
    for (i, v) in values.iter().enumerate() {
        if !v.is_finite() || *v < 0.0 {
            p.push(
                &format!("{field}[{i}]"),
                format!("must be a finite number, zero or more, got {v}"),
            );
        } else if let Some(max) = max_eur.filter(|max| v > max) {
            p.push(
                &format!("{field}[{i}]"),
                format!("at most {max} EUR a year, got {v}"),
            );
        }
    }
}

impl Intake {
    /// Whether it has exactly one form, and the rules of that form.
    fn check(&self, years: Option<usize>, p: &mut Problems) -> bool {
        let Some(plan) = self.plan() else {
            p.push("intake", "give exactly one of per_year, growth or points");
            return false;
        };
        match plan {
            // The cap of MAX_INTAKE is checked on the whole plan, by the caller.
            IntakePlan::PerYear(v) => {
                check_amounts("intake.per_year", v, years, ("level", None), p)
            }
            IntakePlan::Growth(g) => {
                if !g.start.is_finite() || g.start < 0.0 {
                    p.push(
                        "intake.growth.start",
                        format!("must be a finite number, zero or more, got {}", g.start),
                    );
                }
                if !g.rate.is_finite() || g.rate <= -1.0 || g.rate > 10.0 {
                    p.push(
                        "intake.growth.rate",
                        format!(
                            "a yearly growth rate must be between -1 and 10, got {}",
                            g.rate
                        ),
                    );
                }
            }
            IntakePlan::Points(points) => check_points(points, p),
        }
        true
    }
}

fn check_points(points: &[(i32, f64)], p: &mut Problems) {
    if points.is_empty() {
        p.push("intake.points", "needs at least one [year, level] point");
    }
    if points.len() > MAX_POINTS {
        p.push(
            "intake.points",
            format!("at most {MAX_POINTS} points, got {}", points.len()),
        );
        return;
    }
    for (i, (y, v)) in points.iter().enumerate() {
        if !v.is_finite() || *v < 0.0 {
            p.push(
                &format!("intake.points[{i}]"),
                format!("level must be a finite number, zero or more, got {v}"),
            );
        }
        if i > 0 && *y <= points[i - 1].0 {
            p.push(
                &format!("intake.points[{i}]"),
                format!("years must increase, got {} after {}", y, points[i - 1].0),
            );
        }
    }
}

impl Budget {
    /// Whether it has exactly one form, and the rules of that form.
    fn check(&self, years: Option<usize>, p: &mut Problems) -> bool {
        let Some(plan) = self.plan() else {
            p.push(
                "budget",
                "give exactly one of constant, per_year or unlimited: true",
            );
            return false;
        };
        match plan {
            BudgetPlan::Constant(c) => {
                if !c.is_finite() || c < 0.0 {
                    p.push(
                        "budget.constant",
                        format!("money must be a finite amount, zero or more, got {c}"),
                    );
                } else if c > MAX_BUDGET {
                    p.push(
                        "budget.constant",
                        format!("at most {MAX_BUDGET} EUR a year, got {c}"),
                    );
                }
            }
            BudgetPlan::PerYear(v) => {
                check_amounts("budget.per_year", v, years, ("amount", Some(MAX_BUDGET)), p)
            }
            BudgetPlan::Unlimited => {}
        }
        true
    }
}
