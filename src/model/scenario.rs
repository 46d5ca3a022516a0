//! A scenario: one mentoring programme, its money, its mentors and its
//! uncertain rates, as a documented JSON form (see the README).
//!
//! Unknown fields are rejected everywhere, so a typo never falls back to a
//! default silently.

use crate::model::distribution::Param;
use crate::model::error::{Error, Problem, Problems};
use crate::model::limits::{MAX_POINTS, MAX_TARGETS};
use crate::model::params::PARAMS;
use serde::{Deserialize, Serialize};

/// The longest horizon a scenario may cover, in years.
pub const MAX_YEARS: i32 = 50;
/// Most duos a plan may start in one year.
pub const MAX_INTAKE: f64 = 1_000_000.0;
/// Largest yearly budget, in EUR.
pub const MAX_BUDGET: f64 = 1e12;
/// Earliest and latest calendar year a scenario may start.
pub const YEAR_RANGE: (i32, i32) = (1900, 2200);
/// Longest duo, in months.
pub const MAX_DURATION_MONTHS: f64 = 36.0;
/// Longest horizon of a job's fiscal returns, in years.
pub const MAX_HORIZON_YEARS: u32 = 10;

/// A text in the three languages of the product.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    #[serde(default)]
    pub en: String,
    /// French.
    #[serde(default)]
    pub fr: String,
    /// Dutch.
    #[serde(default)]
    pub nl: String,
}

impl Text {
    /// The text in `lang` (`"en"`, `"fr"` or `"nl"`); English when that
    /// language is empty or not one of the three.
    pub fn get(&self, lang: &str) -> &str {
        let text = match lang {
            "fr" => &self.fr,
            "nl" => &self.nl,
            _ => &self.en,
        };
        if text.is_empty() {
            &self.en
        } else {
            text
        }
    }
}

/// A free-text note on a figure or a plan: one text for every reader, as a
/// user's scenario writes it (`"a note"`), or one per language, as the
/// presets give it (`{"en": "...", "fr": "...", "nl": "..."}`). It is
/// written back in the form it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Note {
    /// The same text in every language.
    Plain(String),
    /// A text per language.
    Text(Text),
}

impl Note {
    /// The English text (a plain note's only text).
    pub fn en(&self) -> &str {
        self.get("en")
    }

    /// The text in `lang` (`"en"`, `"fr"` or `"nl"`): a plain note's text
    /// whatever the language; English when that language is empty or not
    /// one of the three.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Note::Plain(text) => text,
            Note::Text(text) => text.get(lang),
        }
    }
}

impl From<Text> for Note {
    fn from(text: Text) -> Self {
        Note::Text(text)
    }
}

// By hand rather than `untagged`: a wrong note is then named for what it is
// ("expected a text or an object {en, fr, nl}"), and a wrong field of the
// object keeps `Text`'s own message ("unknown field `de`, expected ...").
impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct NoteVisitor;
        impl<'de> Visitor<'de> for NoteVisitor {
            type Value = Note;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text or an object {en, fr, nl} of texts")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Note, E> {
                Ok(Note::Plain(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Note, E> {
                Ok(Note::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Note, A::Error> {
                let text = Text::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Note::Text(text))
            }
        }
        d.deserialize_any(NoteVisitor)
    }
}

/// Everything the engine needs to simulate one programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// A short identifier (the preset id, or one of the user's choosing).
    #[serde(default)]
    pub id: String,
    /// The scenario's name.
    #[serde(default)]
    pub name: Text,
    /// One line on what it represents and its sources.
    #[serde(default)]
    pub description: Text,
    /// First calendar year simulated.
    pub start_year: i32,
    /// Last calendar year simulated (inclusive).
    pub end_year: i32,
    /// Length of one duo, in months (6 in the Actiris format, E9).
    #[serde(default = "six")]
    pub duration_months: f64,
    /// How many duos the programme plans to start each year.
    pub intake: Intake,
    /// Money available each year, or unlimited.
    pub budget: Budget,
    /// Public cost of one duo, in EUR of `cost_price_year`.
    pub cost_per_duo: Param,
    /// The year whose prices `cost_per_duo` is in; a fraction for an average
    /// over several years (2025.5 for 2024-2027). Default: `start_year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_price_year: Option<f64>,
    /// Yearly growth of prices (indexation), e.g. 0.02: it brings money of
    /// one year's prices to another's.
    pub cost_indexation: Param,
    /// Fixed programme cost per year, in EUR, on top of the cost per duo.
    #[serde(default = "zero_param")]
    pub fixed_cost: Param,
    /// Volunteer mentors: the pool and how many duos each can take a year.
    pub mentors: Mentors,
    /// Share of the planned duos that actually form (before money and
    /// mentors limit them).
    pub realisation: Param,
    /// What happens to the mentees, per duo started.
    pub outcomes: Outcomes,
    /// What mentoring changes: the effect on the chance of being in work,
    /// or the chance without mentoring (the counterfactual).
    pub counterfactual: Counterfactual,
    /// Share of the public cost paid by the European Social Fund Plus.
    pub esf_share: Param,
    /// Returns to public finances from additional jobs.
    pub fiscal: Fiscal,
    /// Targets whose probability the run reports.
    #[serde(default)]
    pub targets: Vec<Target>,
}

fn six() -> f64 {
    6.0
}
fn zero_param() -> Param {
    Param::fixed(0.0)
}

/// The planned intake of duos per year: exactly one of the three forms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    /// One number per year, `start_year..=end_year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<Vec<f64>>,
    /// A start level in `start_year` growing by `rate` a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<Growth>,
    /// `[year, level]` points joined by straight lines, flat beyond the ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Vec<(i32, f64)>>,
    /// Where the plan comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// True when the plan is assumed rather than announced.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumption: bool,
    /// A note on the plan: a text, or one per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

/// A level that grows by a fixed rate each year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    /// Level in `start_year`.
    pub start: f64,
    /// Yearly growth, e.g. 0.05 for +5 % a year.
    pub rate: f64,
}

/// Money available per year, in EUR: exactly one of the three forms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The same amount every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constant: Option<f64>,
    /// One amount per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<Vec<f64>>,
    /// No money limit: the run reports the budget needed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unlimited: bool,
    /// Where the budget comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note on the budget: a text, or one per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

/// The mentor side of the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mentors {
    /// The pool of volunteers, or unlimited (the run reports how many are needed).
    pub pool: Pool,
    /// Duos one active mentor can take on in a year.
    pub duos_per_mentor_year: Param,
}

/// A mentor pool, or no limit: `"unlimited"` or `{initial, recruits_per_year, retention}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pool {
    /// Mentors never limit the intake.
    Unlimited,
    /// A pool that keeps a share of its mentors and recruits new ones each year.
    #[serde(untagged)]
    Limited(Box<PoolSize>),
}

impl<'de> Deserialize<'de> for Pool {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct PoolVisitor;
        impl<'de> Visitor<'de> for PoolVisitor {
            type Value = Pool;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"unlimited\" or an object {initial, recruits_per_year, retention}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Pool, E> {
                match v {
                    "unlimited" => Ok(Pool::Unlimited),
                    other => Err(E::custom(format!(
                        "expected \"unlimited\" or a pool object, got \"{other}\""
                    ))),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Pool, A::Error> {
                let size = PoolSize::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Pool::Limited(Box::new(size)))
            }
        }
        d.deserialize_any(PoolVisitor)
    }
}

/// `mentors[t+1] = Binomial(mentors[t], retention) + round(recruits_per_year)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolSize {
    /// Active mentors in `start_year`.
    pub initial: Param,
    /// New mentors each year.
    pub recruits_per_year: Param,
    /// Share of mentors who stay for another year.
    pub retention: Param,
    /// A recruitment plan: the mentors recruited in each simulated year
    /// (`start_year..=end_year`), who mentor from the next year on. When
    /// given, it takes the place of `recruits_per_year` (still drawn, from
    /// its own stream, so that every other draw stays as it was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recruits_by_year: Option<Vec<f64>>,
}

/// The counterfactual, in the form the evidence comes in: exactly one of
/// `effect` and `baseline`, both over the window of `outcomes.employed`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counterfactual {
    /// The named evidence prior this comes from (`crate::model::priors`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior: Option<String>,
    /// Mentoring's effect on the chance of being in work, as a share
    /// (0.05 = 5 percentage points); may be negative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Param>,
    /// Or: the chance that the same people are in work without mentoring;
    /// the effect is then the gross rate minus this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Param>,
}

/// What happens to the mentees: mutually exclusive exits, each rate
/// conditional on the exits before it, so that their means reproduce the
/// sources (in work; else self-employed; else training or studies; else none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// Share of duos that end early (does not change the mentee's outcome).
    pub dropout: Param,
    /// Share of mentees in work within 12 months after the duo.
    pub employed: Param,
    /// Share of the employed on a permanent contract.
    pub permanent_share: Param,
    /// Share of the mentees not in work who become self-employed.
    pub self_employed: Param,
    /// Share of the mentees neither in work nor self-employed who go into
    /// training, an internship or studies.
    pub training: Param,
}

/// What an additional month in work is worth, and to whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fiscal {
    /// The year whose prices the monthly amounts below are in.
    pub price_year: f64,
    /// Share of mentees on an unemployment or insertion allowance (paid by
    /// the federal social security).
    pub unemployment_share: Param,
    /// That allowance per month, EUR.
    pub unemployment_month: Param,
    /// Share of mentees on the social integration income (paid by the CPAS).
    pub integration_share: Param,
    /// That income per month, EUR.
    pub integration_month: Param,
    /// Social contributions and taxes gained per month in work (federal), EUR.
    pub contributions_month: Param,
    /// The worker's net earnings per month in work, EUR.
    pub net_earnings_month: Param,
    /// What comes back to the Region per month in work (its taxes), EUR.
    #[serde(default = "zero_param")]
    pub regional_return_month: Param,
    /// Share of the additional jobs taken from other job seekers.
    #[serde(default = "zero_param")]
    pub displacement: Param,
    /// Months worked in the first year of the job.
    pub months_in_work_first_year: Param,
    /// Yearly chance of losing the job again.
    pub employment_decay: Param,
    /// Real discount rate a year.
    pub discount_rate: Param,
    /// Years over which a job's returns count (1-10).
    pub horizon_years: u32,
    /// Volunteer hours per duo (valued apart, never in the ratio).
    #[serde(default = "zero_param")]
    pub volunteer_hours_per_duo: Param,
    /// Shadow wage per volunteer hour, EUR.
    #[serde(default = "zero_param")]
    pub shadow_wage_hour: Param,
}

/// Whether a target counts a running total or one year's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// The total from `start_year` to the end of `year`.
    Cumulative,
    /// The level in `year` alone.
    Annual,
}

/// A target such as "4,400 mentored by 2028".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What the target says, in three languages.
    #[serde(default)]
    pub label: Text,
    /// A yearly series: `duos_started`, `employed`, `positive_exits`, ...
    pub metric: String,
    /// Cumulative or annual.
    pub kind: TargetKind,
    /// The year by which (cumulative) or in which (annual) it is to be met.
    pub year: i32,
    /// The level to reach.
    pub value: f64,
    /// Where the target comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What the target means in this scenario and why its chance is what it
    /// is (a target equal to the plan, say, is met only if every planned
    /// duo forms), in three languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Reads a scenario from JSON; a failure names the field
/// (`outcomes.employed: invalid type: string "high", expected ...`).
///
/// Its sizes are checked first ([`crate::model::limits::check_text`]), so that no
/// input makes reading it slow.
pub fn from_json(text: &str) -> Result<Scenario, Error> {
    crate::model::limits::check_text(text).map_err(Error::Parse)?;
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let mut field = crate::model::error::known_field(&path).to_string();
        let inner = e.into_inner();
        // serde names a missing field in its message, at the object that
        // lacks it: name it as the field instead.
        let said = inner.to_string();
        if let Some(name) = said
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name)
        {
            if !field.is_empty() {
                field.push('.');
            }
            field.push_str(name);
            return Error::Parse(Problem {
                field,
                message: "this required field is missing".into(),
            });
        }
        let message = match non_finite_at(text, inner.line(), inner.column()) {
            Some(token) => format!(
                "{token} is not a number JSON can hold: give a finite number, at line {} column {}",
                inner.line(),
                inner.column()
            ),
            None => crate::model::error::plain_words(&said),
        };
        Error::Parse(Problem { field, message })
    })
}

/// The `NaN` or infinity written where a parse error stopped (1-based line
/// and column), if that is what stopped it: JSON has no such numbers, and
/// serde's "expected value" does not say so.
fn non_finite_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let line = text.lines().nth(line.checked_sub(1)?)?;
    let mut start = column.checked_sub(1)?;
    // serde stops after the sign of `-Infinity`: quote the token as written.
    if start > 0 && matches!(line.as_bytes().get(start - 1), Some(b'-' | b'+')) {
        start -= 1;
    }
    let rest = line.get(start..)?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '+'))
        .unwrap_or(rest.len());
    let token = &rest[..end];
    let bare = token.trim_start_matches(['-', '+']).to_ascii_lowercase();
    matches!(bare.as_str(), "nan" | "inf" | "infinity").then_some(token)
}

impl Scenario {
    /// The year whose prices `cost_per_duo` is in.
    pub fn cost_price_year(&self) -> f64 {
        self.cost_price_year
            .unwrap_or_else(|| f64::from(self.start_year))
    }

    /// The simulated years, `start_year..=end_year`.
    pub fn years(&self) -> Vec<i32> {
        (self.start_year..=self.end_year).collect()
    }

    /// Every rule a scenario must meet; empty when it can run.
    pub fn validate(&self) -> Vec<Problem> {
        let mut p = Problems::default();
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
        // Nothing below does work in proportion to the years unless their
        // number is within the limit: `None` when it is not.
        let n = (1..=MAX_YEARS as i64)
            .contains(&years)
            .then_some(years as usize);
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
        self.intake.check(n, &mut p);
        if p.len() == before && n.is_some() {
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
        self.budget.check(n, &mut p);
        if let Pool::Limited(pool) = &self.mentors.pool {
            if let Some(v) = &pool.recruits_by_year {
                check_amounts(
                    "mentors.pool.recruits_by_year",
                    v,
                    n,
                    ("number of recruits", None),
                    &mut p,
                );
                if let Some((i, v)) = v.iter().enumerate().find(|(_, v)| **v > MAX_INTAKE) {
                    p.push(
                        &format!("mentors.pool.recruits_by_year[{i}]"),
                        format!("at most {MAX_INTAKE} recruits a year, got {v}"),
                    );
                }
            }
        }
        for spec in PARAMS {
            if let Some(param) = spec.get(self) {
                param.check(spec.path, spec.domain, &mut p);
            }
        }
        let cf = &self.counterfactual;
        if cf.effect.is_some() == cf.baseline.is_some() {
            p.push(
                "counterfactual",
                "give exactly one of effect (percentage points, as a share) or baseline (the rate without mentoring)",
            );
        }
        if let Some(id) = cf.prior.as_deref() {
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
        let f = &self.fiscal;
        if !(1..=MAX_HORIZON_YEARS).contains(&f.horizon_years) {
            p.push(
                "fiscal.horizon_years",
                format!(
                    "must be between 1 and {MAX_HORIZON_YEARS} years, got {}",
                    f.horizon_years
                ),
            );
        }
        if self.targets.len() > MAX_TARGETS {
            p.push(
                "targets",
                format!(
                    "a scenario has at most {MAX_TARGETS} targets, got {}",
                    self.targets.len()
                ),
            );
            return p.0;
        }
        for (i, t) in self.targets.iter().enumerate() {
            let field = format!("targets[{i}]");
            if !crate::model::outputs::target_metrics().any(|m| m == t.metric) {
                let known: Vec<&str> = crate::model::outputs::target_metrics().collect();
                p.push(
                    &format!("{field}.metric"),
                    format!(
                        "unknown metric `{}`, expected one of {}",
                        shorten(&t.metric),
                        known.join(", ")
                    ),
                );
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
        p.0
    }

    /// The planned duos per simulated year (call on a valid scenario).
    pub fn planned(&self) -> Vec<f64> {
        let years = self.years();
        if let Some(v) = &self.intake.per_year {
            return v.clone();
        }
        if let Some(g) = &self.intake.growth {
            let mut level = g.start;
            return years
                .iter()
                .map(|_| {
                    let now = level;
                    level *= 1.0 + g.rate;
                    now
                })
                .collect();
        }
        let points = self.intake.points.as_deref().unwrap_or(&[]);
        years.iter().map(|&y| interpolate(points, y)).collect()
    }

    /// Money per simulated year, `None` when unlimited (call on a valid scenario).
    pub fn budget_per_year(&self) -> Option<Vec<f64>> {
        let n = self.years().len();
        match (&self.budget.per_year, self.budget.constant) {
            (Some(v), _) => Some(v.clone()),
            (None, Some(c)) => Some(vec![c; n]),
            _ => None,
        }
    }
}

/// Piecewise-linear interpolation through `[year, level]` points sorted by
/// year, flat before the first and after the last.
fn interpolate(points: &[(i32, f64)], year: i32) -> f64 {
    let Some(&(first_year, first)) = points.first() else {
        return 0.0;
    };
    if year <= first_year {
        return first;
    }
    for w in points.windows(2) {
        let ((y0, v0), (y1, v1)) = (w[0], w[1]);
        if year <= y1 {
            // In f64: the distance between two i32 years may not fit an i32.
            let (at, span) = (
                f64::from(year) - f64::from(y0),
                f64::from(y1) - f64::from(y0),
            );
            return v0 + (v1 - v0) * at / span;
        }
    }
    points[points.len() - 1].1
}

/// A text as a message quotes it: at most 40 characters.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_string(),
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
    fn check(&self, years: Option<usize>, p: &mut Problems) {
        let forms = [
            self.per_year.is_some(),
            self.growth.is_some(),
            self.points.is_some(),
        ];
        if forms.iter().filter(|f| **f).count() != 1 {
            p.push("intake", "give exactly one of per_year, growth or points");
            return;
        }
        if let Some(v) = &self.per_year {
            // The cap of MAX_INTAKE is checked on the whole plan, below.
            check_amounts("intake.per_year", v, years, ("level", None), p);
        }
        if let Some(g) = &self.growth {
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
        if let Some(points) = &self.points {
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
    }
}

impl Budget {
    fn check(&self, years: Option<usize>, p: &mut Problems) {
        let forms = [
            self.constant.is_some(),
            self.per_year.is_some(),
            self.unlimited,
        ];
        if forms.iter().filter(|f| **f).count() != 1 {
            p.push(
                "budget",
                "give exactly one of constant, per_year or unlimited: true",
            );
            return;
        }
        if let Some(c) = self.constant {
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
        if let Some(v) = &self.per_year {
            check_amounts("budget.per_year", v, years, ("amount", Some(MAX_BUDGET)), p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_is_linear_and_flat_outside() {
        let pts = [(2024, 1000.0), (2030, 4000.0)];
        assert_eq!(interpolate(&pts, 2020), 1000.0);
        assert_eq!(interpolate(&pts, 2026), 2000.0);
        assert_eq!(interpolate(&pts, 2030), 4000.0);
        assert_eq!(interpolate(&pts, 2035), 4000.0);
    }
}
