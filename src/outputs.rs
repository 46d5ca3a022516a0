//! The named outputs of a run: the yearly series, the totals over the
//! horizon and the outputs whose drivers the sensitivity analysis ranks.
//!
//! The JSON keys of a result, the CSV's series column, the metrics a target
//! may name and the binding's `schema()` all derive from these tables.

use crate::params::Unit;
use serde::Serialize;

/// Declares an output enum and its table from one list.
macro_rules! output_table {
    (
        $(#[$meta:meta])* $enum:ident, $spec:ident, $table:ident;
        $($id:ident => $name:literal, $unit:ident $(, $flag:ident)?;)+
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
}

output_table! {
    /// The yearly series, in the order of a trial's record.
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
    MentorsActive => "mentors_active", People;
    MentorsNeeded => "mentors_needed", People;
    FiscalReturn => "fiscal_return", Eur;
    VolunteerValue => "volunteer_value", Eur;
}

output_table! {
    /// The totals over the horizon, in the order of a trial's record.
    Total, TotalSpec, TOTALS;
    CostPerDuo => "cost_per_duo", Eur;
    CostPerJob => "cost_per_job", Eur;
    CostPerNetJob => "cost_per_net_job", Eur;
    BenefitCostRatio => "benefit_cost_ratio", Ratio;
}

/// How many yearly series a trial records (each also cumulated).
pub const N_SERIES: usize = SERIES.len();
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
pub const SENSITIVITY_OUTPUTS: [Ranked; 4] = [
    Ranked::Cumulative(Series::Employed),
    Ranked::Cumulative(Series::NetAdditionalEmployed),
    Ranked::Total(Total::CostPerNetJob),
    Ranked::Total(Total::BenefitCostRatio),
];

/// The series a target may name.
pub fn target_metrics() -> impl Iterator<Item = &'static str> {
    SERIES.iter().filter(|s| s.target).map(|s| s.name)
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
