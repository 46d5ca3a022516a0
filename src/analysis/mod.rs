//! What a run says: its summary, the accounts of whose money it is, and the
//! decision tools built on runs (compare, solve, value of information, plan).

pub mod accounts;
pub mod decide;
pub mod plan;
pub mod simulate;
pub mod summary;
