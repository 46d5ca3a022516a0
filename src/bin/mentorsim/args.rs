//! The command line's words: its commands and their options, as clap reads
//! them (what each does is in `cli.rs`).

use clap::{ArgGroup, Parser, Subcommand};
use mentorsim::{DEFAULT_SEED, DEFAULT_TRIALS};

#[derive(Parser)]
#[command(
    name = "mentorsim",
    version,
    about = "Monte Carlo projections of employment mentoring programmes (duos of a volunteer mentor and a job seeker)"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// List the built-in scenarios with their descriptions.
    Presets,
    /// Print a preset's scenario as JSON, to edit and run with --scenario.
    Show {
        /// Preset id (see `mentorsim presets`).
        #[arg(long)]
        preset: String,
    },
    /// Check a scenario file and list every problem, naming its field.
    Validate {
        /// Scenario file (JSON).
        #[arg(long)]
        scenario: String,
    },
    /// Run a scenario and summarise the trials.
    #[command(group(ArgGroup::new("format").args(["json", "csv"])))]
    Run {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        trials: Trials,
        /// Print the full result as JSON.
        #[arg(long)]
        json: bool,
        /// Print the per-year quantiles as CSV.
        #[arg(long)]
        csv: bool,
        /// Rank which inputs drive the spread of the main outputs (a tornado
        /// of rank correlations in the summary).
        #[arg(long)]
        sensitivity: bool,
        /// Print each partner's duos, people in work, additional people in
        /// work and costs (a programme of partners; in --json always under
        /// `partners`).
        #[arg(long)]
        by_partner: bool,
        /// Worker threads (default: all cores); the result does not depend on it.
        #[arg(long)]
        threads: Option<usize>,
        /// Split the run into this many chunks (default: one per thread); the
        /// result does not depend on it.
        #[arg(long)]
        chunks: Option<u64>,
    },
    /// Find the smallest value of a lever (the largest cost per duo) at which
    /// a target is met in at least a given share of trials.
    Solve {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        trials: Trials,
        /// The target's position in the scenario, from 1.
        #[arg(long)]
        target: usize,
        /// The share of trials that must meet it (0.8 for 80 %).
        #[arg(long, default_value_t = 0.8)]
        confidence: f64,
        /// What to move: budget, recruits, intake or cost.
        #[arg(long, default_value = "budget")]
        lever: String,
        /// Print the answer as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What it takes: the year-by-year intake, money and mentor recruitment
    /// that meets the chosen targets in at least a share of trials, at the
    /// least money.
    Plan {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        trials: Trials,
        /// A target to meet, by its position in the scenario (from 1); give
        /// several to meet them all.
        #[arg(long = "target", required = true)]
        targets: Vec<usize>,
        /// The share of trials that must meet every target (0.8 for 80 %).
        #[arg(long, default_value_t = 0.8)]
        confidence: f64,
        /// The most mentors that can be recruited in a year (default: 3,000,
        /// the partners' recorded pools, E22; an assumption).
        #[arg(long)]
        max_recruits: Option<f64>,
        /// The largest yearly growth of the money (0.5 for +50 % a year).
        #[arg(long)]
        max_budget_growth: Option<f64>,
        /// Hold a lever at the scenario's value: budget, intake or recruits
        /// (repeat to hold two).
        #[arg(long)]
        fixed: Vec<String>,
        /// Print the plan as JSON (its `scenario` runs with `mentorsim run`).
        #[arg(long)]
        json: bool,
    },
    /// The split of the money across a programme's partners: the split with
    /// the highest chance of a target (or the fewest euros per additional
    /// person in work), or a split given against the scenario's own.
    Split {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        trials: Trials,
        /// The target whose chance to raise, by its position (from 1);
        /// without it, the split with the fewest euros per additional person
        /// in work.
        #[arg(long)]
        target: Option<usize>,
        /// The share of the money moved at each step of the search.
        #[arg(long, default_value_t = 0.05)]
        step: f64,
        /// The most a partner's share may grow (and shrink) in the search, as
        /// a factor of its own: 2 lets a share go from half to double (an
        /// assumption: the model knows no limit to a partner's growth but its
        /// mentors).
        #[arg(long, default_value_t = 2.0)]
        max_factor: f64,
        /// A split to set against the scenario's own instead of searching:
        /// one budget share per partner, in the scenario's order, adding up
        /// to 1 (0.4,0.4,0.1,0.1).
        #[arg(long, value_delimiter = ',')]
        shares: Option<Vec<f64>>,
        /// Print the answer as JSON (its `scenario` runs with `mentorsim run`).
        #[arg(long)]
        json: bool,
    },
    /// Run two scenarios (preset ids or files) on the same trials and seed and
    /// summarise B against A.
    Compare {
        /// A: a preset id or a scenario file.
        a: String,
        /// B: a preset id or a scenario file.
        b: String,
        #[command(flatten)]
        trials: Trials,
        /// Print the full comparison as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What better evidence is worth to the fund-or-not decision: the value of
    /// perfect information, and of knowing the effect of mentoring.
    Value {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        trials: Trials,
        /// Print the answer as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Which scenario: a preset or a file, and optionally a named prior for the
/// counterfactual.
#[derive(clap::Args)]
#[command(group(ArgGroup::new("input").required(true).args(["preset", "scenario"])))]
pub(crate) struct Input {
    /// Preset id (see `mentorsim presets`).
    #[arg(long)]
    pub(crate) preset: Option<String>,
    /// Scenario file (JSON, as printed by `mentorsim show`).
    #[arg(long)]
    pub(crate) scenario: Option<String>,
    /// Replace the counterfactual with a named evidence prior
    /// (independent-evaluations, young-registrants, programme-comparison,
    /// danish-trial-odds).
    #[arg(long)]
    pub(crate) prior: Option<String>,
}

/// How many trials and which seed.
#[derive(clap::Args)]
pub(crate) struct Trials {
    /// Number of trials (1 to 1,000,000).
    #[arg(long, default_value_t = DEFAULT_TRIALS)]
    pub(crate) trials: u64,
    /// Seed of the run: the same seed and trials give the same numbers.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub(crate) seed: u64,
}
