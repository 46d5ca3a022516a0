//! Numbers about many numbers: the mergeable sketch of an output across
//! trials and what can be read from it.

pub mod sketch;
