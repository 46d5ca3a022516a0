//! How a value reads: the unit of a parameter or of an output, which the
//! page and the command line show beside it.

use serde::Serialize;

/// How a parameter's (or an output's) values read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Euros.
    Eur,
    /// A share from 0 to 1 (shown as a percentage).
    Share,
    /// People or mentors.
    People,
    /// Duos.
    Duos,
    /// Duos one mentor takes on in a year.
    DuosPerMentor,
    /// Months.
    Months,
    /// Hours.
    Hours,
    /// A plain ratio (no unit).
    Ratio,
    /// Points of life satisfaction on a scale from 0 to 10.
    Points,
}
