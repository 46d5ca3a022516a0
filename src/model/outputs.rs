//! The named outputs of a run: the yearly series, the totals over the
//! horizon and the outputs whose drivers the sensitivity analysis ranks.
//!
//! The JSON keys of a result, the CSV's series column, the metrics a target
//! may name and the binding's `schema()` all derive from these tables.

use crate::model::units::Unit;
use serde::Serialize;

/// Declares an output enum and its table from one list.
macro_rules! output_table {
    (
        $(#[$meta:meta])* $enum:ident, $spec:ident, $table:ident;
        $($id:ident => $name:literal, $unit:ident $(, $flag:ident)? $(| $once:ident)?;)+
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(usize)]
        pub enum $enum {
            $(
                #[doc = concat!("`", $name, "`")]
                $id,
            )+
        }

        #[doc = concat!("Every [`", stringify!($enum), "`], in record order.")]
        pub const $table: &[$spec] = &[
            $($spec {
                id: $enum::$id,
                name: $name,
                unit: Unit::$unit,
                target: output_table!(@flag $($flag)?),
                cumulated: output_table!(@cumulated $($once)?),
            },)+
        ];

        impl $enum {
            /// Its entry in the table.
            pub fn spec(self) -> &'static $spec {
                &$table[self as usize]
            }
            /// Its name: the key in a result's JSON.
            pub fn name(self) -> &'static str {
                self.spec().name
            }
            /// The output named `name`.
            pub fn from_name(name: &str) -> Option<$enum> {
                $table.iter().find(|s| s.name == name).map(|s| s.id)
            }
        }
    };
    (@flag target) => { true };
    (@flag) => { false };
    (@cumulated yearly_only) => { false };
    (@cumulated) => { true };
}

/// A yearly series: one value per trial and year; each also exists as
/// `<name>_cumulative`, its running total.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SeriesSpec {
    /// Which series.
    #[serde(skip)]
    pub id: Series,
    /// Its name.
    pub name: &'static str,
    /// How its values read.
    pub unit: Unit,
    /// Whether a target may name it (counts of people and duos).
    pub target: bool,
    /// Whether its running total means something (not for a level such as
    /// the mentors active, or a share of trials): then it has
    /// `<name>_cumulative`.
    pub cumulated: bool,
}

/// A total over the horizon: one value per trial.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct TotalSpec {
    /// Which total.
    #[serde(skip)]
    pub id: Total,
    /// Its name.
    pub name: &'static str,
    /// How its values read.
    pub unit: Unit,
    /// Unused for totals (always false).
    #[serde(skip)]
    pub target: bool,
    /// Unused for totals (always true).
    #[serde(skip)]
    pub cumulated: bool,
}

output_table! {
    /// The yearly series, in the order of a trial's record. Duos, costs and
    /// mentors count in the year a duo starts; its outcomes in the year they
    /// happen. Money is EUR as paid (nominal), except `fiscal_return` and
    /// `volunteer_value`: present values in the prices of `start_year`.
    Series, SeriesSpec, SERIES;
    DuosStarted => "duos_started", Duos, target;
    DuosCompleted => "duos_completed", Duos, target;
    Employed => "employed", People, target;
    EmployedPermanent => "employed_permanent", People, target;
    SelfEmployed => "self_employed", People, target;
    Training => "training", People, target;
    PositiveExits => "positive_exits", People, target;
    BaselineEmployed => "baseline_employed", People;
    NetAdditionalEmployed => "net_additional_employed", People, target;
    PublicCost => "public_cost", Eur;
    RegionalCost => "regional_cost", Eur;
    BudgetNeeded => "budget_needed", Eur;
    BudgetUnspent => "budget_unspent", Eur;
    MentorsActive => "mentors_active", People | yearly_only;
    MentorsNeeded => "mentors_needed", People | yearly_only;
    FiscalReturn => "fiscal_return", Eur;
    VolunteerValue => "volunteer_value", Eur;
    LimitedByMoney => "limited_by_money", Share | yearly_only;
    LimitedByMentors => "limited_by_mentors", Share | yearly_only;
    LimitedByPlan => "limited_by_plan", Share | yearly_only;
}

output_table! {
    /// The totals over the horizon, in the order of a trial's record.
    /// Outcomes that happen after the last year (duos started late) count
    /// here: the money for them was spent within the horizon.
    Total, TotalSpec, TOTALS;
    CostPerDuo => "cost_per_duo", Eur;
    CostPerJob => "cost_per_job", Eur;
    CostPerNetJob => "cost_per_net_job", Eur;
    BenefitCostRatio => "benefit_cost_ratio", Ratio;
    Effect => "effect", Share;
    EmployedAfterHorizon => "employed_after_horizon", People;
    RateEmployed => "rate_employed", Share;
    RatePositive => "rate_positive", Share;
    RateSelfEmployed => "rate_self_employed", Share;
    NetRegion => "net_region", Eur;
    NetEu => "net_eu", Eur;
    NetFederal => "net_federal", Eur;
    NetLocal => "net_local", Eur;
    NetParticipants => "net_participants", Eur;
    NetPublic => "net_public", Eur;
    NetSociety => "net_society", Eur;
    BcrRegion => "bcr_region", Ratio;
    BcrEu => "bcr_eu", Ratio;
    BcrSociety => "bcr_society", Ratio;
    BreakEvenEffectRegion => "break_even_effect_region", Share;
    BreakEvenEffectPublic => "break_even_effect_public", Share;
    BreakEvenEffectSociety => "break_even_effect_society", Share;
    BreakEvenCostRegion => "break_even_cost_region", Eur;
    BreakEvenCostPublic => "break_even_cost_public", Eur;
    BreakEvenCostSociety => "break_even_cost_society", Eur;
    BreakEvenPersistencePublic => "break_even_persistence_public", Share;
    BenefitPublic => "benefit_public", Eur;
    CostPublic => "cost_public", Eur;
    NetWellbeing => "net_wellbeing", Eur;
}

/// Whose money: the accounts a run keeps, each with its net benefit and,
/// where it pays something, its benefit-cost ratio and break-even.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(usize)]
pub enum Perspective {
    /// The Region (Actiris): the cost after the ESF+; its own taxes back.
    Region,
    /// The European Social Fund Plus: its share of the cost.
    Eu,
    /// The federal social security and treasury: allowances saved,
    /// contributions and taxes gained.
    Federal,
    /// The CPAS: integration income saved.
    Local,
    /// The mentees: net earnings gained less the benefits they no longer get.
    Participants,
    /// Every public budget together (Region, EU, federal, CPAS).
    Public,
    /// Everyone: transfers cancel; mentors' time counts as a cost.
    Society,
    /// The mentees' life satisfaction, valued in WELLBYs: kept apart from
    /// money, never in a ratio or in society's account.
    Wellbeing,
}

/// A perspective's totals.
#[derive(Debug, Clone, Copy)]
pub struct PerspectiveSpec {
    /// Which.
    pub id: Perspective,
    /// Its name (the key under `perspectives`).
    pub name: &'static str,
    /// Its net benefit (present value).
    pub net: Total,
    /// Its benefit-cost ratio, where it bears a cost.
    pub ratio: Option<Total>,
    /// Its break-even effect and cost per duo, where it bears the cost of duos.
    pub break_even: Option<(Total, Total)>,
    /// Its benefit and cost, present values, where a run gives them apart.
    pub present_value: Option<(Total, Total)>,
}

/// The perspectives' names, in order (worked out when compiling).
pub const PERSPECTIVE_NAMES: [&str; PERSPECTIVES.len()] = {
    let mut names = [""; PERSPECTIVES.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = PERSPECTIVES[i].name;
        i += 1;
    }
    names
};

/// Every perspective, in order.
pub const PERSPECTIVES: [PerspectiveSpec; 8] = [
    PerspectiveSpec {
        id: Perspective::Region,
        name: "region",
        net: Total::NetRegion,
        ratio: Some(Total::BcrRegion),
        break_even: Some((Total::BreakEvenEffectRegion, Total::BreakEvenCostRegion)),
        present_value: None,
    },
    PerspectiveSpec {
        id: Perspective::Eu,
        name: "eu",
        net: Total::NetEu,
        ratio: Some(Total::BcrEu),
        break_even: None,
        present_value: None,
    },
    PerspectiveSpec {
        id: Perspective::Federal,
        name: "federal",
        net: Total::NetFederal,
        ratio: None,
        break_even: None,
        present_value: None,
    },
    PerspectiveSpec {
        id: Perspective::Local,
        name: "local",
        net: Total::NetLocal,
        ratio: None,
        break_even: None,
        present_value: None,
    },
    PerspectiveSpec {
        id: Perspective::Participants,
        name: "participants",
        net: Total::NetParticipants,
        ratio: None,
        break_even: None,
        present_value: None,
    },
    PerspectiveSpec {
        id: Perspective::Public,
        name: "public",
        net: Total::NetPublic,
        ratio: Some(Total::BenefitCostRatio),
        break_even: Some((Total::BreakEvenEffectPublic, Total::BreakEvenCostPublic)),
        present_value: Some((Total::BenefitPublic, Total::CostPublic)),
    },
    PerspectiveSpec {
        id: Perspective::Society,
        name: "society",
        net: Total::NetSociety,
        ratio: Some(Total::BcrSociety),
        break_even: Some((Total::BreakEvenEffectSociety, Total::BreakEvenCostSociety)),
        present_value: None,
    },
    PerspectiveSpec {
        id: Perspective::Wellbeing,
        name: "wellbeing",
        net: Total::NetWellbeing,
        ratio: None,
        break_even: None,
        present_value: None,
    },
];

/// How many yearly series a trial records (each also cumulated).
pub const N_SERIES: usize = SERIES.len();

/// Where series `series` at year `t` is in a trial's row of `years` years.
/// A trial's values are one row, series-major: the [`N_SERIES`] series,
/// then their cumulative forms (series [`cumulative`]`(s)`), each one value
/// a year, [`row_len`] values in all.
#[inline]
pub fn row_index(series: usize, t: usize, years: usize) -> usize {
    series * years + t
}

/// The row's series that holds the running total of series `series`.
#[inline]
pub fn cumulative(series: usize) -> usize {
    N_SERIES + series
}

/// The values in a trial's row of `years` years: every series and its
/// cumulative form, one value a year.
#[inline]
pub fn row_len(years: usize) -> usize {
    2 * N_SERIES * years
}
/// How many totals a trial records.
pub const N_TOTALS: usize = TOTALS.len();

/// Suffix of a series' running total.
pub const CUMULATIVE: &str = "_cumulative";

/// An output whose drivers the sensitivity analysis ranks: a series'
/// running total at the last year, or a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranked {
    /// `<series>_cumulative` at the end of the horizon.
    Cumulative(Series),
    /// A total over the horizon.
    Total(Total),
}

impl Ranked {
    /// Its name: the key under `sensitivity.outputs`.
    pub fn name(self) -> String {
        match self {
            Ranked::Cumulative(s) => format!("{}{CUMULATIVE}", s.name()),
            Ranked::Total(t) => t.name().to_string(),
        }
    }
}

/// The outputs whose drivers the sensitivity analysis ranks.
pub const SENSITIVITY_OUTPUTS: [Ranked; 6] = [
    Ranked::Cumulative(Series::DuosStarted),
    Ranked::Cumulative(Series::Employed),
    Ranked::Cumulative(Series::NetAdditionalEmployed),
    Ranked::Total(Total::CostPerNetJob),
    Ranked::Total(Total::BenefitCostRatio),
    Ranked::Total(Total::NetPublic),
];

/// Which series a run summarises: a set of places in a trial's record (each
/// series `k` at `k`, its running total at `N_SERIES + k`), every one by
/// default. The trials are the same whatever the set; only the summaries of
/// the series left out are not made, and a result has no entry for them. A
/// page asks for the few its quick answer shows (the headline's), and gets
/// the rest with the full answer.
///
/// ```
/// use mentorsim::model::outputs::SeriesSet;
/// let set = SeriesSet::from_names(&["employed_cumulative", "mentors_needed"]).unwrap();
/// assert!(set.has_name("employed_cumulative"));
/// assert!(!set.has_name("employed"));
/// assert!(SeriesSet::from_names(&["mentors_needed_cumulative"]).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct SeriesSet(u64);

const _: () = assert!(2 * N_SERIES <= 64, "a SeriesSet holds a bit per place");

impl Default for SeriesSet {
    fn default() -> Self {
        SeriesSet::ALL
    }
}

impl SeriesSet {
    /// Every series and running total.
    pub const ALL: SeriesSet = SeriesSet(u64::MAX >> (64 - 2 * N_SERIES));

    /// Whether the series at `place` (see [`SeriesSet`]) is summarised.
    pub fn contains(self, place: usize) -> bool {
        place < 64 && self.0 >> place & 1 == 1
    }

    /// The place of a series' name as a result names it (`employed`,
    /// `employed_cumulative`); `None` for a name no result has.
    pub fn place(name: &str) -> Option<usize> {
        if let Some(k) = Series::from_name(name) {
            return Some(k as usize);
        }
        let k = Series::from_name(name.strip_suffix(CUMULATIVE)?)?;
        SERIES[k as usize]
            .cumulated
            .then_some(N_SERIES + k as usize)
    }

    /// Whether the series a result names `name` is in the set.
    pub fn has_name(self, name: &str) -> bool {
        SeriesSet::place(name).is_some_and(|p| self.contains(p))
    }

    /// The set of the series named; the names that no result has are
    /// returned instead, each with its place in `names`.
    pub fn from_names<S: AsRef<str>>(names: &[S]) -> Result<SeriesSet, Vec<(usize, String)>> {
        let mut bits = 0u64;
        let mut unknown = Vec::new();
        for (i, name) in names.iter().enumerate() {
            match SeriesSet::place(name.as_ref()) {
                Some(p) => bits |= 1 << p,
                None => unknown.push((i, name.as_ref().to_string())),
            }
        }
        match unknown.is_empty() {
            true => Ok(SeriesSet(bits)),
            false => Err(unknown),
        }
    }
}

/// How many series a target may name.
const N_TARGET_METRICS: usize = {
    let (mut n, mut i) = (0, 0);
    while i < SERIES.len() {
        if SERIES[i].target {
            n += 1;
        }
        i += 1;
    }
    n
};

/// The names of the series a target may name, in [`SERIES`] order (worked
/// out when compiling).
pub const TARGET_METRICS: [&str; N_TARGET_METRICS] = {
    let mut names = [""; N_TARGET_METRICS];
    let (mut i, mut k) = (0, 0);
    while i < SERIES.len() {
        if SERIES[i].target {
            names[k] = SERIES[i].name;
            k += 1;
        }
        i += 1;
    }
    names
};

/// The series a target may name.
pub fn target_metrics() -> impl Iterator<Item = &'static str> {
    TARGET_METRICS.iter().copied()
}

/// The series a target's `metric` names, if a target may name it.
pub fn target_metric(name: &str) -> Option<Series> {
    Series::from_name(name).filter(|&s| SERIES[s as usize].target)
}

/// One trial's yearly values of every series, read and written by name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearValues(pub [f64; N_SERIES]);

impl std::ops::Index<Series> for YearValues {
    type Output = f64;
    fn index(&self, s: Series) -> &f64 {
        &self.0[s as usize]
    }
}

impl std::ops::IndexMut<Series> for YearValues {
    fn index_mut(&mut self, s: Series) -> &mut f64 {
        &mut self.0[s as usize]
    }
}

/// One trial's totals, read and written by name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Totals(pub [f64; N_TOTALS]);

impl std::ops::Index<Total> for Totals {
    type Output = f64;
    fn index(&self, t: Total) -> &f64 {
        &self.0[t as usize]
    }
}

impl std::ops::IndexMut<Total> for Totals {
    fn index_mut(&mut self, t: Total) -> &mut f64 {
        &mut self.0[t as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_positions_and_names_unique() {
        for (k, s) in SERIES.iter().enumerate() {
            assert_eq!(s.id as usize, k);
            assert_eq!(Series::from_name(s.name), Some(s.id));
        }
        for (k, t) in TOTALS.iter().enumerate() {
            assert_eq!(t.id as usize, k);
            assert_eq!(Total::from_name(t.name), Some(t.id));
        }
        assert_eq!(Series::from_name("nonsense"), None);
    }
}
