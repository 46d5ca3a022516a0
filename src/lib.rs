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
pub mod present;
pub mod stats;
/// The JavaScript binding; public so that the wasm tests call it as the page does.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::summary::{Partial, RunResult};
pub use engine::model::{Model, RunOptions, DEFAULT_SEED, DEFAULT_TRIALS, MAX_SEED, MAX_TRIALS};
pub use engine::run::RangeRun;
pub use model::error::{Error, Problem};
pub use model::scenario::Scenario;

/// Checks the options and the scenario and prepares the model.
pub(crate) fn prepare(scenario: &Scenario, opts: &RunOptions) -> Result<Model, Error> {
    let mut problems = opts.validate();
    problems.extend(scenario.validate());
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Model::from_valid(scenario)
}

/// Runs the trials of `opts` (the whole run, or the range it names) and
/// summarises them.
pub fn simulate(scenario: &Scenario, opts: &RunOptions) -> Result<RunResult, Error> {
    Ok(RangeRun::start(scenario, opts)?.into_result())
}

/// Runs the range of trials `opts` names and returns its mergeable partial
/// result (to report progress, step a [`RangeRun`] instead).
pub fn simulate_partial(scenario: &Scenario, opts: &RunOptions) -> Result<Partial, Error> {
    Ok(RangeRun::start(scenario, opts)?.into_partial())
}

/// Merges partial results of one run (any order) and summarises them.
/// Partials that cover all trials give exactly [`simulate`]'s result.
pub fn merge(
    scenario: &Scenario,
    opts: &RunOptions,
    parts: Vec<Partial>,
) -> Result<RunResult, Error> {
    let model = prepare(
        scenario,
        &RunOptions {
            first_trial: 0,
            trial_count: None,
            ..*opts
        },
    )?;
    let merged = analysis::summary::merge(&model, opts, parts)?;
    Ok(analysis::summary::summarise(&model, &merged))
}

/// Every problem with a scenario given as JSON text: a parse error (naming
/// the field) or the list of rule violations. Empty when it can run.
pub fn validate_json(text: &str) -> Vec<Problem> {
    match model::scenario::from_json(text) {
        Ok(s) => s.validate(),
        Err(e) => e.problems(),
    }
}
