//! A run from a scenario and options to its result: the whole run, a range
//! of it as a mergeable partial result, the merge of such partials, and the
//! result of a [`RangeRun`] stepped by its caller.

use crate::analysis::summary::{summarise, RunResult};
use crate::engine::model::Model;
use crate::engine::partial::{self, Partial};
use crate::engine::run::RangeRun;
use crate::model::error::Error;
use crate::model::options::RunOptions;
use crate::model::scenario::Scenario;

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
    let model = Model::prepare(
        scenario,
        &RunOptions {
            first_trial: 0,
            trial_count: None,
            ..*opts
        },
    )?;
    let merged = partial::merge(&model, opts, parts)?;
    Ok(summarise(&model, &merged))
}

impl RangeRun {
    /// Runs what remains and summarises the range: the same result as
    /// [`simulate`] for these options.
    pub fn into_result(self) -> RunResult {
        let (model, partial) = self.finish();
        summarise(&model, &partial)
    }
}
