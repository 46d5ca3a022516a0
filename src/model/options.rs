//! How many trials to run, from which seed, and what to keep: the options
//! of a run, their defaults and their rules.

use crate::model::error::Problem;
use crate::model::limits::{MAX_SEED, MAX_TRIALS};
use crate::model::outputs::SeriesSet;

/// Trials when none is asked for.
pub const DEFAULT_TRIALS: u64 = 10_000;
/// Seed when none is asked for.
pub const DEFAULT_SEED: u64 = 2025;

/// How many trials to run and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOptions {
    /// Trials in the whole run.
    pub trials: u64,
    /// The run's seed.
    pub seed: u64,
    /// First trial of the range to run (0 for the whole run).
    pub first_trial: u64,
    /// Trials in the range (`None`: up to the end of the run).
    pub trial_count: Option<u64>,
    /// Keep the first trials' inputs and rank what drives the spread.
    pub sensitivity: bool,
    /// The series to summarise (all by default): the trials are the same.
    pub series: SeriesSet,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
            first_trial: 0,
            trial_count: None,
            sensitivity: false,
            series: SeriesSet::ALL,
        }
    }
}

impl RunOptions {
    /// Problems with the options, each naming the option.
    pub fn validate(&self) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut push = |field: &str, message: String| {
            p.push(Problem {
                field: field.into(),
                message,
            })
        };
        if self.trials == 0 || self.trials > MAX_TRIALS {
            push(
                "trials",
                format!("must be between 1 and {MAX_TRIALS}, got {}", self.trials),
            );
        }
        if self.seed > MAX_SEED {
            push(
                "seed",
                format!(
                    "must be a whole number from 0 to {MAX_SEED}, got {}",
                    self.seed
                ),
            );
        }
        let count = self.count();
        let outside = self
            .first_trial
            .checked_add(count)
            .is_none_or(|end| end > self.trials);
        if (1..=MAX_TRIALS).contains(&self.trials) && (outside || count == 0) {
            push(
                "trialCount",
                format!(
                    "the range of {count} trials from trial {} must lie within the {} trials of the run",
                    self.first_trial, self.trials
                ),
            );
        }
        p
    }

    /// Trials in the range.
    pub fn count(&self) -> u64 {
        self.trial_count
            .unwrap_or(self.trials.saturating_sub(self.first_trial))
    }
}
