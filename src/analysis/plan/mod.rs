//! What it takes: the year-by-year plan of intake, money and mentor
//! recruitment that meets one or more targets in at least a given share of
//! trials, at the least money.
//!
//! The method (docs/MODEL.md, "What it takes"):
//!
//! 1. **A shape.** The duos the scenario's own plan would form each year at
//!    the median share that forms, `shape[t] = planned[t] * median(realisation)`.
//! 2. **The levers at a scale**, each sized at the medians of its inputs to
//!    give `k * shape[t]` duos: the planned intake `k * planned[t]`; the
//!    recruits that bring the pool to the mentors those duos need,
//!    `needed[t + 1] - retention * pool[t]`, never below zero nor above the
//!    largest recruitment a year that is feasible; the money
//!    `mu * shape[t] * cost[t] + fixed_cost` (EUR as paid, the cost indexed
//!    to year `t`), on its own scale `mu`. A lever held fixed keeps the
//!    scenario's value.
//! 3. **Intake and recruits first**: the least `k` at which every chosen
//!    target is met, jointly, in at least `(1 + c) / 2` of the trials with
//!    no money limit (`c` the confidence asked; failing that, in `c`), so
//!    that they leave most of the misses the confidence allows to the money.
//! 4. **Then the money**: the least `mu` at which the targets are met in at
//!    least `c` of the trials, intake and recruits held: money is what the
//!    plan costs, and it binds, so that less of it misses.
//!
//! Each search doubles (or halves) from 1 to bracket its answer, then
//! bisects to 0.5 %; every probability is on common random numbers (one
//! seed: trial `i` draws the same inputs at every scale). A trial that
//! meets the targets at a scale meets them at every larger one, so each step
//! runs only the trials whose answer the bracket leaves open; the plan found
//! is then run whole, and should that fall short, its money rises by 0.5 %
//! until it holds.
//!
//! When no plan up to [`MAX_SCALE`] meets the targets, the answer says what
//! binds (a recruitment cap, a lever held fixed, or time: outcomes booked
//! after the target's year) and the best probability found.
//!
//! What is asked and its rules are in `request.rs`, the plan at a scale and
//! its chance in `planner.rs`, the two searches in `search.rs`, and the
//! answer in `answer.rs`; their items are re-exported here.

mod answer;
mod planner;
mod request;
mod search;

pub use answer::{Binding, Plan, PlanTarget, PlanYear};
pub use request::{Fixed, PlanRequest, DEFAULT_MAX_RECRUITS, MAX_SCALE};
pub use search::{at_scale, plan};
