//! The command line itself: arguments (clap), loading, running, printing.

use clap::{ArgGroup, Parser, Subcommand};
use mentorsim::analysis::{decide, plan};
use mentorsim::model::{presets, scenario};
use mentorsim::present;
use mentorsim::{Error, RangeRun, RunOptions, Scenario, DEFAULT_SEED, DEFAULT_TRIALS, MAX_TRIALS};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// (independent-evaluations, young-registrants, programme-comparison).
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

fn run(cli: Cli) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let print = |out: &mut std::io::StdoutLock, s: &str| {
        out.write_all(s.as_bytes()).map_err(|e| e.to_string())
    };
    match cli.command {
        Command::Presets => {
            for s in presets::all() {
                print(
                    &mut out,
                    &format!(
                        "{:<20} {}\n{:<20} {}\n\n",
                        s.id, s.name.en, "", s.description.en
                    ),
                )?;
            }
            Ok(())
        }
        Command::Show { preset } => {
            let s = presets::get(&preset).map_err(|e| e.to_string())?;
            print(
                &mut out,
                &(serde_json::to_string_pretty(&s).map_err(|e| e.to_string())? + "\n"),
            )
        }
        Command::Validate { scenario: path } => {
            let text = read_text(&path)?;
            let problems = mentorsim::validate_json(&text);
            if problems.is_empty() {
                return print(&mut out, &format!("{path}: valid\n"));
            }
            let lines: Vec<String> = problems.iter().map(|p| format!("{path}: {p}")).collect();
            Err(format!(
                "{} problem(s)\n{}",
                problems.len(),
                lines.join("\n")
            ))
        }
        Command::Run {
            input,
            trials,
            json: as_json,
            csv,
            sensitivity,
            threads,
            chunks,
        } => {
            let s = input.load()?;
            let opts = RunOptions {
                sensitivity,
                ..trials.options()
            };
            let result = run_parallel(&s, &opts, threads, chunks).map_err(cannot_start)?;
            let text = if as_json {
                json(&result)?
            } else if csv {
                present::run::csv(&result)
            } else {
                present::run::text(&result, &s)
            };
            print(&mut out, &text)
        }
        Command::Solve {
            input,
            trials,
            target,
            confidence,
            lever,
            json: as_json,
        } => {
            let s = input.load()?;
            let lever = decide::Lever::from_name(&lever).ok_or_else(|| {
                format!("unknown lever `{lever}`; give budget, recruits, intake or cost")
            })?;
            if target == 0 {
                return Err("--target counts from 1 (the scenario's first target is 1)".into());
            }
            let answer = decide::solve(&s, target - 1, confidence, lever, &trials.options())
                .map_err(cannot_start)?;
            let text = if as_json {
                json(&serde_json::json!({
                    "solution": answer,
                    "mentors": decide::mentor_needs(&decide::with_lever(&s, lever, answer.value.unwrap_or(0.0)).map_err(cannot_start)?),
                }))?
            } else {
                present::decide::solution(&answer, &s)
            };
            print(&mut out, &text)
        }
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
            let request = plan::PlanRequest {
                targets: targets.iter().map(|t| t - 1).collect(),
                confidence,
                max_recruits: max_recruits.unwrap_or(plan::DEFAULT_MAX_RECRUITS),
                max_budget_growth,
                fixed,
            };
            let answer = plan::plan(&s, &request, &trials.options()).map_err(cannot_start)?;
            let text = if as_json {
                json(&answer)?
            } else {
                crate::plan_text::text(&answer, &s)
            };
            print(&mut out, &text)
        }
        Command::Compare {
            a,
            b,
            trials,
            json: as_json,
        } => {
            let (sa, sb) = (load_either(&a)?, load_either(&b)?);
            let c = decide::compare(&sa, &sb, &trials.options()).map_err(cannot_start)?;
            let text = if as_json {
                json(&c)?
            } else {
                present::decide::comparison(&c, &a, &b)
            };
            print(&mut out, &text)
        }
        Command::Value {
            input,
            trials,
            json: as_json,
        } => {
            let s = input.load()?;
            let v = decide::value_of_information(&s, &trials.options()).map_err(cannot_start)?;
            let text = if as_json {
                json(&v)?
            } else {
                present::decide::value_of_information(&v, &s)
            };
            print(&mut out, &text)
        }
    }
}

/// Trials a worker thread runs between two progress reports.
const PROGRESS_EVERY: u64 = 1000;

/// Runs the trials in chunks over threads and merges them; the result is the
/// same bytes whatever the split.
fn run_parallel(
    s: &Scenario,
    opts: &RunOptions,
    threads: Option<usize>,
    chunks: Option<u64>,
) -> Result<mentorsim::RunResult, Error> {
    let problems = opts.validate();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let chunks = chunks
        .unwrap_or(threads as u64)
        .clamp(1, opts.trials.min(MAX_TRIALS));
    let ranges: Vec<RunOptions> = (0..chunks)
        .map(|c| {
            let first = opts.trials * c / chunks;
            let end = opts.trials * (c + 1) / chunks;
            RunOptions {
                first_trial: first,
                trial_count: Some(end - first),
                ..*opts
            }
        })
        .collect();
    let done = AtomicU64::new(0);
    let show = std::io::stderr().is_terminal() && opts.trials >= 100_000;
    let shown = AtomicU64::new(0);
    let tick = |n: u64| {
        let total = done.fetch_add(n, Ordering::Relaxed) + n;
        let percent = total * 100 / opts.trials;
        if show && shown.fetch_max(percent, Ordering::Relaxed) < percent {
            let bar = "#".repeat((percent / 4) as usize);
            eprint!("\r[{bar:<25}] {percent:>3} % of {} trials", opts.trials);
            if percent == 100 {
                eprintln!();
            }
        }
    };
    let next = AtomicU64::new(0);
    let parts = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(ranges.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                        let Some(range) = ranges.get(i) else { break };
                        let part = RangeRun::start(s, range).map(|mut run| {
                            let mut last = 0;
                            while !run.finished() {
                                let done = run.step(PROGRESS_EVERY);
                                tick(done - last);
                                last = done;
                            }
                            run.into_partial()
                        });
                        mine.push(part);
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect::<Vec<_>>()
    });
    let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
    mentorsim::merge(s, opts, parts)
}
