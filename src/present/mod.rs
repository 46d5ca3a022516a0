//! The command line's words: a run, its accounts, a solution, a comparison
//! and the value of information as text, and the yearly quantiles as CSV.
//! Native only: the page says the same in its own words and languages.

pub mod accounts;
pub mod decide;
pub mod figures;
pub mod partners;
pub mod run;
