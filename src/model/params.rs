//! The one table of a scenario's uncertain parameters.
//!
//! Each entry says where the parameter sits in a scenario (its dotted path
//! and accessors), what values it may take (its [`Domain`], which decides
//! both validation and the clipping of draws), how its values read (its
//! [`Unit`]) and its value when a scenario leaves it out. Validation,
//! sampling, the command line's inputs table and the binding's `schema()`
//! (from which the page and the widget build their controls) all read this
//! table; nothing else lists the parameters.
//!
//! The order of the table is the order of the random streams: parameter `k`
//! of trial `i` draws from stream `(seed, i, k)`. Appending a parameter keeps
//! every earlier stream; inserting one moves the bits of every later one.
//!
//! Adding a parameter: one line here, its field in [`crate::model::scenario`], its
//! use in [`crate::engine::model`], and its label in the page's three languages
//! (`param.<path>` in `www/lib/strings.js`).

use crate::model::distribution::{Domain, Param};
use crate::model::scenario::{Pool, Scenario};
use crate::model::units::Unit;
use std::ops::Index;

/// One uncertain parameter of a scenario.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// Its name in code; its position in [`PARAMS`] and its stream.
    pub id: ParamId,
    /// The dotted path of its field in a scenario (`outcomes.employed`).
    pub path: &'static str,
    /// The values it may take: validated against, and draws clipped to.
    pub domain: Domain,
    /// How its values read.
    pub unit: Unit,
    /// Its value when the scenario leaves it out; `None` when it is required
    /// (or, for the pool, present only with a limited pool).
    pub default: Option<f64>,
    get: for<'a> fn(&'a Scenario) -> Option<&'a Param>,
    get_mut: for<'a> fn(&'a mut Scenario) -> Option<&'a mut Param>,
}

impl ParamSpec {
    /// The parameter in `scenario`, if the scenario has it (a pool's
    /// parameters exist only for a limited pool).
    pub fn get<'a>(&self, scenario: &'a Scenario) -> Option<&'a Param> {
        (self.get)(scenario)
    }

    /// The parameter in `scenario`, to change.
    pub fn get_mut<'a>(&self, scenario: &'a mut Scenario) -> Option<&'a mut Param> {
        (self.get_mut)(scenario)
    }

    /// The key of its label in the page's words (`param.<path>`).
    pub fn label_key(&self) -> String {
        format!("param.{}", self.path)
    }
}

/// The accessor pair of a field path, or of a field of a limited pool.
macro_rules! accessors {
    (field $($f:ident).+) => {
        (
            {
                fn get(s: &Scenario) -> Option<&Param> {
                    Some(&s.$($f).+)
                }
                get
            },
            {
                fn get_mut(s: &mut Scenario) -> Option<&mut Param> {
                    Some(&mut s.$($f).+)
                }
                get_mut
            },
        )
    };
    (opt $($f:ident).+) => {
        (
            {
                fn get(s: &Scenario) -> Option<&Param> {
                    s.$($f).+.as_ref()
                }
                get
            },
            {
                fn get_mut(s: &mut Scenario) -> Option<&mut Param> {
                    s.$($f).+.as_mut()
                }
                get_mut
            },
        )
    };
    (persistence) => {
        (
            {
                fn get(s: &Scenario) -> Option<&Param> {
                    s.fiscal.persistence.as_ref().or_else(|| {
                        s.fiscal
                            .persistence_prior
                            .as_deref()
                            .and_then(crate::model::persistence::param_of)
                    })
                }
                get
            },
            {
                fn get_mut(s: &mut Scenario) -> Option<&mut Param> {
                    if s.fiscal.persistence.is_none() {
                        let named = s.fiscal.persistence_prior.as_deref();
                        s.fiscal.persistence =
                            named.and_then(crate::model::persistence::param_of).cloned();
                    }
                    s.fiscal.persistence.as_mut()
                }
                get_mut
            },
        )
    };
    (pool $f:ident) => {
        (
            {
                fn get(s: &Scenario) -> Option<&Param> {
                    match &s.mentors.pool {
                        Pool::Limited(p) => Some(&p.$f),
                        Pool::Unlimited => None,
                    }
                }
                get
            },
            {
                fn get_mut(s: &mut Scenario) -> Option<&mut Param> {
                    match &mut s.mentors.pool {
                        Pool::Limited(p) => Some(&mut p.$f),
                        Pool::Unlimited => None,
                    }
                }
                get_mut
            },
        )
    };
}

/// Declares [`ParamId`] and [`PARAMS`] from one list, so that the two can
/// never disagree on order.
macro_rules! param_table {
    ($($id:ident => $path:literal, $domain:ident, $unit:ident, $default:expr, ($($how:tt)+);)+) => {
        /// The parameters by name, in stream order (see [`PARAMS`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(usize)]
        pub enum ParamId {
            $(
                #[doc = concat!("`", $path, "`")]
                $id,
            )+
        }

        /// Every uncertain parameter, in stream order.
        pub const PARAMS: &[ParamSpec] = &[
            $({
                let (get, get_mut) = accessors!($($how)+);
                ParamSpec {
                    id: ParamId::$id,
                    path: $path,
                    domain: Domain::$domain,
                    unit: Unit::$unit,
                    default: $default,
                    get,
                    get_mut,
                }
            },)+
        ];
    };
}

param_table! {
    CostPerDuo => "cost_per_duo", NonNegative, Eur, None, (field cost_per_duo);
    CostIndexation => "cost_indexation", Growth, Share, None, (field cost_indexation);
    FixedCost => "fixed_cost", NonNegative, Eur, Some(0.0), (field fixed_cost);
    PoolInitial => "mentors.pool.initial", NonNegative, People, None, (pool initial);
    PoolRecruits => "mentors.pool.recruits_per_year", NonNegative, People, None, (pool recruits_per_year);
    PoolRetention => "mentors.pool.retention", Rate, Share, None, (pool retention);
    DuosPerMentor => "mentors.duos_per_mentor_year", NonNegative, DuosPerMentor, None, (field mentors.duos_per_mentor_year);
    Realisation => "realisation", Rate, Share, None, (field realisation);
    Dropout => "outcomes.dropout", Rate, Share, None, (field outcomes.dropout);
    Employed => "outcomes.employed", Rate, Share, None, (field outcomes.employed);
    PermanentShare => "outcomes.permanent_share", Rate, Share, None, (field outcomes.permanent_share);
    SelfEmployed => "outcomes.self_employed", Rate, Share, None, (field outcomes.self_employed);
    Training => "outcomes.training", Rate, Share, None, (field outcomes.training);
    Effect => "counterfactual.effect", Effect, Share, None, (opt counterfactual.effect);
    Baseline => "counterfactual.baseline", Rate, Share, None, (opt counterfactual.baseline);
    EsfShare => "esf_share", Rate, Share, None, (field esf_share);
    UnemploymentShare => "fiscal.unemployment_share", Rate, Share, None, (field fiscal.unemployment_share);
    UnemploymentMonth => "fiscal.unemployment_month", NonNegative, Eur, None, (field fiscal.unemployment_month);
    IntegrationShare => "fiscal.integration_share", Rate, Share, None, (field fiscal.integration_share);
    IntegrationMonth => "fiscal.integration_month", NonNegative, Eur, None, (field fiscal.integration_month);
    Contributions => "fiscal.contributions_month", NonNegative, Eur, None, (field fiscal.contributions_month);
    NetEarnings => "fiscal.net_earnings_month", NonNegative, Eur, None, (field fiscal.net_earnings_month);
    RegionalReturn => "fiscal.regional_return_month", NonNegative, Eur, Some(0.0), (field fiscal.regional_return_month);
    Displacement => "fiscal.displacement", Rate, Share, Some(0.0), (field fiscal.displacement);
    MonthsFirstYear => "fiscal.months_in_work_first_year", MonthsOfYear, Months, None, (field fiscal.months_in_work_first_year);
    EmploymentDecay => "fiscal.employment_decay", Rate, Share, None, (field fiscal.employment_decay);
    DiscountRate => "fiscal.discount_rate", Growth, Share, None, (field fiscal.discount_rate);
    VolunteerHours => "fiscal.volunteer_hours_per_duo", NonNegative, Hours, Some(0.0), (field fiscal.volunteer_hours_per_duo);
    ShadowWage => "fiscal.shadow_wage_hour", NonNegative, Eur, Some(0.0), (field fiscal.shadow_wage_hour);
    IntegrationRefund => "fiscal.integration_refund", Rate, Share, Some(0.0), (field fiscal.integration_refund);
    Persistence => "fiscal.persistence", Rate, Share, Some(1.0), (persistence);
    WellbeingPoints => "fiscal.wellbeing_points", NonNegative, Points, Some(0.0), (field fiscal.wellbeing_points);
    WellbyValue => "fiscal.wellby_value", NonNegative, Eur, Some(0.0), (field fiscal.wellby_value);
    OddsRatio => "counterfactual.odds_ratio", NonNegative, Ratio, None, (opt counterfactual.odds_ratio);
}

/// How many uncertain parameters a scenario has.
pub const N_PARAMS: usize = PARAMS.len();

impl ParamId {
    /// Its entry in [`PARAMS`].
    pub fn spec(self) -> &'static ParamSpec {
        &PARAMS[self as usize]
    }

    /// Its dotted path.
    pub fn path(self) -> &'static str {
        self.spec().path
    }
}

/// The entry whose path is `path`.
pub fn by_path(path: &str) -> Option<&'static ParamSpec> {
    PARAMS.iter().find(|p| p.path == path)
}

/// One draw of every parameter of a trial, read by name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Draws(pub [f64; N_PARAMS]);

impl Default for Draws {
    fn default() -> Self {
        Draws([0.0; N_PARAMS])
    }
}

impl Index<ParamId> for Draws {
    type Output = f64;
    fn index(&self, id: ParamId) -> &f64 {
        &self.0[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_positions_and_paths_are_unique() {
        for (k, p) in PARAMS.iter().enumerate() {
            assert_eq!(p.id as usize, k, "{}", p.path);
            assert_eq!(by_path(p.path).map(|q| q.id), Some(p.id));
        }
    }

    #[test]
    fn accessors_reach_the_field_their_path_names() {
        let s = crate::model::presets::get("actiris-2028").unwrap();
        let json = serde_json::to_value(&s).unwrap();
        for p in PARAMS {
            let mut at = &json;
            for part in p.path.split('.') {
                at = &at[part];
            }
            // A pool's parameters need a limited pool; the counterfactual
            // has one of its two forms.
            match p.get(&s) {
                Some(param) => assert_eq!(&serde_json::to_value(param).unwrap(), at, "{}", p.path),
                None => assert!(at.is_null(), "{} is in the JSON but not reached", p.path),
            }
        }
    }
}
