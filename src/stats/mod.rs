//! Numbers about many numbers: the mergeable sketch of an output across
//! trials, the figures read from it with their Monte Carlo errors, ranks,
//! and the rule that rounds a figure to the digits its error supports.
//! Nothing here knows what a scenario is.

pub mod figures;
pub mod order;
pub mod ranks;
pub mod rounding;
pub mod share;
pub mod sketch;
