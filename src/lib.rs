//! # mentorsim
//!
//! A Monte Carlo simulator of employment mentoring programmes: a volunteer
//! mentor and a job seeker form a *duo* for six months. Given a scenario (a
//! programme, its budget, its mentors and its uncertain rates), it answers
//! how many duos, how many people in work, how many of them would not have
//! found work anyway, at what cost per job, with what return to public
//! finances, and how likely a target is.
//!
//! The engine is pure: a scenario and a seed in, numbers out. The same code
//! runs natively (the `mentorsim` command) and in WebAssembly (the page).
//!
//! ## Layers
//!
//! Each folder of `src/` is a layer, and a layer imports only from the
//! layers its row names, so that no two modules import each other
//! (`scripts/check-layers.mjs` reads this table and holds the code to it).
//! Read from the top: what a run is asked, how it is computed, what it says.
//!
//! | layer | holds | may import |
//! |---|---|---|
//! | [`stats`] | numbers about many numbers: the sketch of an output across trials, its figures and their Monte Carlo errors, ranks, the rule that rounds a figure to the digits its error supports | nothing |
//! | [`model`] | what a run is asked: the scenario and its parts, the run's options, the uncertain parameters, the priors, the named outputs, the presets, the limits, the rules an input must meet, the errors that name its fields and the typed forms (intake, budget, counterfactual, target series) a scenario that passes them is read in | [`stats`] |
//! | [`engine`] | how a run is computed: the random streams, the draws, one trial year by year, ranges of trials and their partial results | [`model`], [`stats`] |
//! | [`analysis`] | what a run says: its summary, the accounts of whose money it is, the decision tools (compare, solve, value of information, plan) | [`model`], [`engine`], [`stats`] |
//! | `present/` | the command line's words: a run, its accounts and the decision tools as text and CSV (native only) | [`model`], [`analysis`], [`stats`] |
//! | `wasm/` | the page's binding: converts JavaScript values to the core's types and back, and nothing else (WebAssembly only) | [`model`], [`engine`], [`analysis`], [`stats`] |
//!
//! ```
//! let scenario = mentorsim::model::presets::get("actiris-2028").unwrap();
//! let opts = mentorsim::RunOptions { trials: 200, seed: 7, ..Default::default() };
//! let result = mentorsim::simulate(&scenario, &opts).unwrap();
//! assert_eq!(result.trials, 200);
//! assert!(result.targets[0].probability_met >= 0.0);
//! ```

pub mod analysis;
pub mod engine;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod present;
pub mod stats;
/// The JavaScript binding; public so that the wasm tests call it as the page does.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::simulate::{merge, simulate, simulate_partial};
pub use analysis::summary::RunResult;
pub use engine::model::Model;
pub use engine::partial::Partial;
pub use engine::run::RangeRun;
pub use model::error::{Error, Problem};
pub use model::limits::{MAX_SEED, MAX_TRIALS};
pub use model::options::{RunOptions, DEFAULT_SEED, DEFAULT_TRIALS};
pub use model::scenario::Scenario;
pub use model::validate::validate_json;
