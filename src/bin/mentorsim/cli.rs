//! The command line itself: arguments (clap), loading, running, printing.

use crate::parallel::run_parallel;
use clap::{ArgGroup, Parser, Subcommand};
use mentorsim::analysis::{decide, plan};
use mentorsim::model::{presets, scenario};
use mentorsim::present;
use mentorsim::{Error, RunOptions, Scenario, DEFAULT_SEED, DEFAULT_TRIALS};
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mentorsim",
    version,
    about = "Monte Carlo projections of employment mentoring programmes (duos of a volunteer mentor and a job seeker)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
struct Input {
    /// Preset id (see `mentorsim presets`).
    #[arg(long)]
    preset: Option<String>,
    /// Scenario file (JSON, as printed by `mentorsim show`).
    #[arg(long)]
    scenario: Option<String>,
    /// Replace the counterfactual with a named evidence prior
    /// (independent-evaluations, young-registrants, programme-comparison,
    /// danish-trial-odds).
    #[arg(long)]
    prior: Option<String>,
}

/// How many trials and which seed.
#[derive(clap::Args)]
struct Trials {
    /// Number of trials (1 to 1,000,000).
    #[arg(long, default_value_t = DEFAULT_TRIALS)]
    trials: u64,
    /// Seed of the run: the same seed and trials give the same numbers.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
}

impl Trials {
    fn options(&self) -> RunOptions {
        RunOptions {
            trials: self.trials,
            seed: self.seed,
            ..RunOptions::default()
        }
    }
}

impl Input {
    fn load(&self) -> Result<Scenario, String> {
        let mut s = load(self.preset.as_deref(), self.scenario.as_deref())?;
        if let Some(id) = &self.prior {
            let prior = mentorsim::model::priors::get(id).ok_or_else(|| {
                let known: Vec<&str> = mentorsim::model::priors::PRIORS
                    .iter()
                    .map(|p| p.id)
                    .collect();
                format!("unknown prior `{id}`; known priors: {}", known.join(", "))
            })?;
            s.counterfactual = prior.counterfactual();
        }
        Ok(s)
    }
}

/// A preset id, or else a scenario file.
fn load_either(name: &str) -> Result<Scenario, String> {
    if presets::ids().contains(&name) {
        presets::get(name).map_err(|e| e.to_string())
    } else {
        load(None, Some(name))
    }
}

fn cannot_start(e: Error) -> String {
    match e {
        Error::Invalid(_) => format!("the run cannot start:\n{e}"),
        other => other.to_string(),
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    Ok(serde_json::to_string_pretty(value).map_err(|e| e.to_string())? + "\n")
}

pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A scenario file's text; a file longer than a scenario may be is refused
/// before it is read whole.
fn read_text(path: &str) -> Result<String, String> {
    use std::io::Read;
    let max = mentorsim::model::limits::MAX_INPUT_BYTES;
    let cannot = |e: std::io::Error| format!("cannot read {path}: {e}");
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(cannot)?
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > max {
        let size = std::fs::metadata(path).map_or("more".into(), |m| m.len().to_string());
        return Err(format!(
            "{path}: a scenario is at most {max} bytes of JSON, got {size}"
        ));
    }
    String::from_utf8(bytes).map_err(|e| format!("cannot read {path}: {e}"))
}

fn load(preset: Option<&str>, file: Option<&str>) -> Result<Scenario, String> {
    match (preset, file) {
        (Some(id), _) => presets::get(id).map_err(|e| e.to_string()),
        (None, Some(path)) => {
            let text = read_text(path)?;
            scenario::from_json(&text).map_err(|e| format!("{path}: {e}"))
        }
        (None, None) => Err("give --preset ID or --scenario FILE".into()),
    }
}

/// Runs the command asked and prints its answer; an error is said by `main`.
/// One arm per command, each taking its options apart: longer than most.
fn run(cli: Cli) -> Result<(), String> {
    let text = match cli.command {
        Command::Presets => Ok(presets_text()),
        Command::Show { preset } => show(&preset),
        Command::Validate { scenario: path } => validate(&path),
        Command::Run {
            input,
            trials,
            json: as_json,
            csv,
            sensitivity,
            by_partner,
            threads,
            chunks,
        } => run_one(
            &input.load()?,
            &trials,
            Shown {
                as_json,
                csv,
                sensitivity,
                by_partner,
            },
            threads,
            chunks,
        ),
        Command::Solve {
            input,
            trials,
            target,
            confidence,
            lever,
            json: as_json,
        } => solve(&input.load()?, target, confidence, &lever, &trials, as_json),
        Command::Plan {
            input,
            trials,
            targets,
            confidence,
            max_recruits,
            max_budget_growth,
            fixed,
            json: as_json,
        } => {
            let s = input.load()?;
            let request = plan_request(
                &targets,
                confidence,
                max_recruits,
                max_budget_growth,
                &fixed,
            )?;
            let answer = plan::plan(&s, &request, &trials.options()).map_err(cannot_start)?;
            json_or(as_json, &answer, || crate::plan_text::text(&answer, &s))
        }
        Command::Compare {
            a,
            b,
            trials,
            json: as_json,
        } => {
            let (sa, sb) = (load_either(&a)?, load_either(&b)?);
            let c = decide::compare(&sa, &sb, &trials.options()).map_err(cannot_start)?;
            json_or(as_json, &c, || present::decide::comparison(&c, &a, &b))
        }
        Command::Value {
            input,
            trials,
            json: as_json,
        } => {
            let s = input.load()?;
            let v = decide::value_of_information(&s, &trials.options()).map_err(cannot_start)?;
            json_or(as_json, &v, || {
                present::decide::value_of_information(&v, &s)
            })
        }
    }?;
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| e.to_string())
}

/// An answer as JSON when asked (`--json`), else in words.
/// How `mentorsim run` shows its result.
struct Shown {
    as_json: bool,
    csv: bool,
    sensitivity: bool,
    by_partner: bool,
}

/// `mentorsim run`: the run, as JSON, CSV or words.
fn run_one(
    s: &Scenario,
    trials: &Trials,
    shown: Shown,
    threads: Option<usize>,
    chunks: Option<u64>,
) -> Result<String, String> {
    let opts = RunOptions {
        sensitivity: shown.sensitivity,
        ..trials.options()
    };
    let result = run_parallel(s, &opts, threads, chunks).map_err(cannot_start)?;
    if shown.as_json {
        json(&result)
    } else if shown.csv {
        Ok(present::run::csv(&result))
    } else {
        // The range the evidence allows: the same trials under each named
        // prior, beside the prior the scenario uses.
        let by_prior = decide::value_of_information(s, &trials.options()).ok();
        let mut text = present::run::text(&result, s, by_prior.as_ref());
        if shown.by_partner {
            text.push_str(&present::partners::text(&result, s));
        }
        Ok(text)
    }
}

fn json_or<T: serde::Serialize>(
    as_json: bool,
    answer: &T,
    words: impl FnOnce() -> String,
) -> Result<String, String> {
    if as_json {
        json(answer)
    } else {
        Ok(words())
    }
}

/// `mentorsim presets`: each preset's id, name and description.
fn presets_text() -> String {
    presets::all()
        .iter()
        .map(|s| {
            format!(
                "{:<20} {}\n{:<20} {}\n\n",
                s.id, s.name.en, "", s.description.en
            )
        })
        .collect()
}

/// `mentorsim show`: a preset's scenario as JSON.
fn show(preset: &str) -> Result<String, String> {
    let s = presets::get(preset).map_err(|e| e.to_string())?;
    Ok(serde_json::to_string_pretty(&s).map_err(|e| e.to_string())? + "\n")
}

/// `mentorsim validate`: "valid", or every problem with the file's name.
fn validate(path: &str) -> Result<String, String> {
    let text = read_text(path)?;
    let problems = mentorsim::validate_json(&text);
    if problems.is_empty() {
        return Ok(format!("{path}: valid\n"));
    }
    let lines: Vec<String> = problems.iter().map(|p| format!("{path}: {p}")).collect();
    Err(format!(
        "{} problem(s)\n{}",
        problems.len(),
        lines.join("\n")
    ))
}

/// `mentorsim solve`: the value of one lever that meets a target, and the mentors it needs.
fn solve(
    s: &Scenario,
    target: usize,
    confidence: f64,
    lever: &str,
    trials: &Trials,
    as_json: bool,
) -> Result<String, String> {
    let lever = decide::Lever::from_name(lever)
        .ok_or_else(|| format!("unknown lever `{lever}`; give budget, recruits, intake or cost"))?;
    if target == 0 {
        return Err("--target counts from 1 (the scenario's first target is 1)".into());
    }
    let answer =
        decide::solve(s, target - 1, confidence, lever, &trials.options()).map_err(cannot_start)?;
    if !as_json {
        return Ok(present::decide::solution(&answer, s));
    }
    json(&serde_json::json!({
        "solution": answer,
        "mentors": decide::mentor_needs(&decide::with_lever(s, lever, answer.value.unwrap_or(0.0)).map_err(cannot_start)?),
    }))
}

/// `mentorsim plan`'s request from its options (targets counted from 1).
fn plan_request(
    targets: &[usize],
    confidence: f64,
    max_recruits: Option<f64>,
    max_budget_growth: Option<f64>,
    fixed: &[String],
) -> Result<plan::PlanRequest, String> {
    if targets.contains(&0) {
        return Err("--target counts from 1 (the scenario's first target is 1)".into());
    }
    let fixed = fixed
        .iter()
        .map(|f| {
            plan::Fixed::from_name(f).ok_or_else(|| {
                format!("--fixed: unknown lever `{f}`; give budget, intake or recruits")
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(plan::PlanRequest {
        targets: targets.iter().map(|t| t - 1).collect(),
        confidence,
        max_recruits: max_recruits.unwrap_or(plan::DEFAULT_MAX_RECRUITS),
        max_budget_growth,
        fixed,
    })
}
