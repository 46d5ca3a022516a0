//! The command line itself: arguments (clap), loading, running, printing.

use crate::args::{Cli, Command, Input, Trials};
use crate::parallel::run_parallel;
use clap::Parser;
use mentorsim::analysis::{decide, plan};
use mentorsim::model::{presets, scenario};
use mentorsim::present;
use mentorsim::{Error, RunOptions, Scenario};
use std::io::Write;
use std::process::ExitCode;

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
/// (long: one arm per command, each taking its options apart.)
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
        Command::Split {
            input,
            trials,
            target,
            step,
            max_factor,
            shares,
            json: as_json,
        } => split(
            &input.load()?,
            target,
            (step, max_factor),
            shares.as_deref(),
            &trials,
            as_json,
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

/// `mentorsim split`: the split found, or the one given, against the scenario's own.
fn split(
    s: &Scenario,
    target: Option<usize>,
    (step, factor): (f64, f64),
    shares: Option<&[f64]>,
    trials: &Trials,
    as_json: bool,
) -> Result<String, String> {
    let goal = match target {
        Some(0) => return Err("--target counts from 1".into()),
        Some(k) => decide::Goal::Chance(k - 1),
        None => decide::Goal::CostPerNetJob,
    };
    let opts = trials.options();
    let answer = match shares {
        Some(v) => decide::split_against(s, goal, v, &opts),
        None => decide::split(s, goal, step, factor, &opts),
    }
    .map_err(cannot_start)?;
    json_or(as_json, &answer, || {
        present::partners::split_text(&answer, s)
    })
}

/// An answer as JSON when asked (`--json`), else in words.
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
