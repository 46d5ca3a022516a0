//! Decision tools on top of the engine: B against A on common random
//! numbers, the smallest value of a lever that meets a target with a given
//! confidence, and what better evidence is worth.
//!
//! All of them rest on one property of the engine: trial `i` of two
//! scenarios run with one seed draws every input and every year from the
//! same streams (`crate::engine::rng`), so the difference between the two is made
//! only by what differs between the scenarios.
//!
//! Each tool is a file: [`compare`](mod@compare), [`solve`](mod@solve)
//! (with the levers it moves), [`mentors`] (the recruits a plan needs),
//! [`split`](mod@split) (of the money across partners) and [`value`] (of
//! information). Their items are re-exported here.

pub mod compare;
pub mod mentors;
pub mod solve;
pub mod split;
pub mod value;

pub use compare::{compare, Comparison, Headline, Where, HEADLINES};
pub use mentors::{mentor_needs, MentorNeed};
pub use solve::{solve, solve_request, with_lever, Lever, Solution, SolveAnswer, SolveRequest};
pub use split::{split, split_against, split_request, with_split, Goal, SplitAnswer, SplitRequest};
pub use value::{evpi, evppi, value_of_information, value_se, ValueOfInformation, Worth};
