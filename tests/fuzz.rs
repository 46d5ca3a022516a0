//! Generated input: the presets' JSON, mutated (`support/mutate.rs`), read
//! by the same functions as `mentorsim validate` and `mentorsim run`. For
//! every case:
//!
//! - nothing panics (reading, validating, running a few trials, the mentor
//!   needs of a valid plan);
//! - validation answers within a bound that does not depend on the sizes in
//!   the input;
//! - `validate` accepts exactly what `run` accepts;
//! - each problem of a rejected scenario names its field (or, for text that
//!   is not a scenario at all, says where it stopped reading or what the
//!   whole is), in words: no
//!   debug forms.
//!
//! Seeded, so it never flakes: `MENTORSIM_FUZZ_CASES` cases (10,000 by
//! default; `make fuzz` runs 1,000,000) from `MENTORSIM_FUZZ_SEED` (2025).
//! A failing case is written to `target/fuzz-failures/`; keep it in
//! `tests/fuzz-cases/` once fixed, where `kept_cases_hold` reads it.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/mutate.rs"]
mod mutate;

use arbitrary::Unstructured;
use mentorsim::model::{presets, scenario};
use mentorsim::{simulate, validate_json, Problem, RunOptions};
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A validation slower than this (the fastest of three tries) fails the run.
/// Generous for a shared two-core machine under load; the worst seen is
/// printed with every run (a few milliseconds for the largest input allowed).
const MAX_VALIDATION: Duration = Duration::from_millis(50);

/// A line for the CI log. Straight to stderr: the test harness keeps what
/// `println!` says to itself unless a test fails.
fn report(line: String) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn presets_json() -> Vec<Value> {
    presets::all()
        .iter()
        .map(|s| serde_json::to_value(s).expect("a preset serialises"))
        .collect()
}

/// What one case showed.
struct Seen {
    accepted: bool,
    validation: Duration,
}

/// Reads a problem as a person would: a field, or a position in the text.
fn readable(p: &Problem) -> Result<(), String> {
    let said = p.to_string();
    if p.message.trim().is_empty() {
        return Err(format!("a problem with no message: {said:?}"));
    }
    let located = !p.field.is_empty()
        || p.message.contains(" at line ")
        || p.message.starts_with("a scenario ");
    if !located {
        return Err(format!("a problem that names no field: {said:?}"));
    }
    for debug in [
        "JsValue(",
        "Some(",
        "None)",
        "panicked",
        "RefCell",
        "Box<",
        "expected struct",
        "expected f64",
        "expected i32",
        "expected u32",
        "expected usize",
    ] {
        if said.contains(debug) {
            return Err(format!("a debug form ({debug}) in a message: {said:?}"));
        }
    }
    Ok(())
}

/// The problems `validate` finds and how long it took. On a shared machine
/// one measurement can be off by a scheduler's time slice: a slow one is
/// taken again, and the fastest of three stands (the work is the same each
/// time, the noise is not).
fn timed_validation(text: &str) -> (Vec<Problem>, Duration) {
    let once = || {
        let start = Instant::now();
        let problems = validate_json(text);
        (problems, start.elapsed())
    };
    let (problems, mut took) = once();
    if took > Duration::from_millis(2) {
        for _ in 0..2 {
            took = took.min(once().1);
        }
    }
    (problems, took)
}

/// Every property of one input; `Err` says which one fails.
fn check(text: &str) -> Result<Seen, String> {
    let opts = RunOptions {
        trials: 8,
        seed: 1,
        ..RunOptions::default()
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let (problems, validation) = timed_validation(text);
        let read = scenario::from_json(text);
        let run = read
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|s| simulate(s, &opts));
        match (problems.is_empty(), &run) {
            (true, Err(e)) => return Err(format!("validate accepts, run rejects: {e}")),
            (false, Ok(_)) => {
                return Err(format!("validate rejects ({problems:?}), run accepts"));
            }
            _ => {}
        }
        if problems.len() > 1_000 {
            return Err(format!("{} problems for one input", problems.len()));
        }
        for p in &problems {
            readable(p)?;
        }
        if let (Ok(s), true) = (&read, problems.is_empty()) {
            mentorsim::analysis::decide::mentor_needs(s);
            // The page shows each parameter's mean, median and 90 % interval.
            for spec in mentorsim::model::params::PARAMS {
                if let Some(p) = spec.get(s) {
                    if p.summary(spec.domain).is_none() {
                        return Err(format!("{} has no summary", spec.path));
                    }
                }
            }
        }
        Ok(Seen {
            accepted: problems.is_empty(),
            validation,
        })
    }));
    outcome.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(format!("panicked: {what}"))
    })
}

/// Aborts the process, naming the case, if one case runs for a minute: a
/// hang would otherwise stall CI without saying where.
fn watchdog(current: Arc<AtomicU64>, started: Arc<AtomicU64>, t0: Instant) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_secs(5));
        let since = t0.elapsed().as_millis() as u64 - started.load(Ordering::Relaxed);
        if since > 60_000 {
            eprintln!(
                "fuzz: case {} has run for {} s: stopping",
                current.load(Ordering::Relaxed),
                since / 1000
            );
            std::process::abort();
        }
    });
}

#[test]
fn generated_scenarios_hold_every_property() {
    let cases = env_u64("MENTORSIM_FUZZ_CASES", 10_000);
    let seed = env_u64("MENTORSIM_FUZZ_SEED", 2025);
    let presets = presets_json();
    let (current, started) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let t0 = Instant::now();
    watchdog(current.clone(), started.clone(), t0);

    let mut accepted = 0u64;
    let mut worst = (Duration::ZERO, 0u64, 0usize, String::new());
    let mut failures = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../fuzz-failures");
    for case in 0..cases {
        if case > 0 && case % 100_000 == 0 {
            report(format!(
                "fuzz: {case} cases so far, {} failed, worst validation {:.3} ms",
                failures.len(),
                worst.0.as_secs_f64() * 1e3
            ));
        }
        current.store(case, Ordering::Relaxed);
        started.store(t0.elapsed().as_millis() as u64, Ordering::Relaxed);
        let bytes = mutate::case_bytes(seed, case);
        let text = mutate::scenario_text(&mut Unstructured::new(&bytes), &presets);
        let result = check(&text).and_then(|seen| {
            if seen.validation > MAX_VALIDATION {
                Err(format!("validation took {:?}", seen.validation))
            } else {
                Ok(seen)
            }
        });
        match result {
            Ok(seen) => {
                accepted += u64::from(seen.accepted);
                if seen.validation > worst.0 {
                    worst = (seen.validation, case, text.len(), text);
                }
            }
            Err(why) => {
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("seed{seed}-case{case}.json"));
                let _ = std::fs::write(&path, &text);
                let shown: String = text.chars().take(300).collect();
                failures.push(format!(
                    "case {case} ({}): {why}\n  {shown}",
                    path.display()
                ));
                if failures.len() >= 20 {
                    break;
                }
            }
        }
    }
    // The slowest input, to look at.
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("slowest-validation.json"), &worst.3);
    report(format!(
        "fuzz: {cases} generated scenarios (seed {seed}): {accepted} accepted, {} rejected, {} failed; \
         worst validation {:.3} ms (case {}, {} bytes); {:.1} s in all",
        cases - accepted - failures.len() as u64,
        failures.len(),
        worst.0.as_secs_f64() * 1e3,
        worst.1,
        worst.2,
        t0.elapsed().as_secs_f64()
    ));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Inputs that once failed, kept as they were found (`tests/fuzz-cases/`),
/// and those too large to keep as files, built here.
#[test]
fn kept_cases_hold() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-cases");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("tests/fuzz-cases")
        .map(|e| {
            let path = e.expect("an entry").path();
            let text = std::fs::read_to_string(&path).expect("a kept case");
            (path.display().to_string(), text)
        })
        .collect();
    texts.sort();
    let preset = serde_json::to_value(presets::get("actiris-2028").unwrap()).unwrap();
    let mut big = |name: &str, edit: &dyn Fn(&mut Value)| {
        let mut v = preset.clone();
        edit(&mut v);
        texts.push((name.to_string(), v.to_string()));
    };
    big("a million intake levels", &|v| {
        v["intake"] = serde_json::json!({"per_year": vec![1.0; 1_000_000]})
    });
    big("a million intake points", &|v| {
        v["intake"] = serde_json::json!({"points": vec![[2025, 1]; 1_000_000]})
    });
    big("200,000 targets", &|v| {
        let t = v["targets"][0].clone();
        v["targets"] = Value::Array(vec![t; 200_000]);
    });
    big("a note of a million characters", &|v| {
        v["intake"]["note"] = "x".repeat(1_000_000).into()
    });
    texts.push((
        "nesting 100,000 deep".into(),
        format!("{{\"id\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000)),
    ));
    assert!(texts.len() > 5);
    let mut worst = Duration::ZERO;
    for (name, text) in &texts {
        match check(text) {
            Ok(seen) => worst = worst.max(seen.validation),
            Err(why) => panic!("{name}: {why}"),
        }
    }
    report(format!(
        "fuzz: {} kept cases hold; worst validation {:.3} ms",
        texts.len(),
        worst.as_secs_f64() * 1e3
    ));
    assert!(worst < MAX_VALIDATION, "validation took {worst:?}");
}
