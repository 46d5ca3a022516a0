//! The command line's words: a run, a comparison, a solution and the value
//! of information as text, and the yearly quantiles as CSV.

pub mod report;
