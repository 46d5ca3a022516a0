//! Every limit the core checks, in one place, far above any real
//! programme's: the sizes of a scenario's JSON, the bounds of its values and
//! the bounds of a run's options. The binding's `schema()` hands them to the
//! page.
//!
//! Sizes come before work: every size a scenario's JSON can carry is
//! checked before anything is allocated or computed for it, so that a
//! rejected input costs no more than a valid one. Two passes guard the core.
//! [`check_text`] looks at the JSON text before the scenario is read: its
//! length in bytes, how deep it nests, how long its lists and strings are.
//! [`Scenario::validate`](crate::model::scenario::Scenario::validate) then
//! checks the sizes that only mean something once the text is read (the
//! years, the number of targets and of intake points) before it looks at
//! anything whose cost grows with them.

use crate::model::error::{Error, Problem};
use serde_json::Value;

// The sizes of a scenario's JSON, checked before it is read.

/// Longest scenario text, in bytes (the largest preset takes about 34 KiB).
pub const MAX_INPUT_BYTES: usize = 256 * 1024;
/// Deepest nesting of objects and lists (the presets nest 6 deep).
pub const MAX_DEPTH: usize = 8;
/// Longest text in a scenario (a name, a note, a source), in characters.
pub const MAX_TEXT: usize = 2_000;
/// Longest list anywhere in a scenario's JSON.
pub const MAX_LIST: usize = 100;
/// Most targets a scenario may carry.
pub const MAX_TARGETS: usize = 100;
/// Most `[year, level]` points an intake plan may have.
pub const MAX_POINTS: usize = 100;

// The bounds of a scenario's values (model/validate.rs).

/// The longest horizon a scenario may cover, in years.
pub const MAX_YEARS: i32 = 50;
/// Most duos a plan may start in one year.
pub const MAX_INTAKE: f64 = 1_000_000.0;
/// Largest yearly budget, in EUR.
pub const MAX_BUDGET: f64 = 1e12;
/// Earliest and latest calendar year a scenario may start.
pub const YEAR_RANGE: (i32, i32) = (1900, 2200);
/// Longest duo, in months.
pub const MAX_DURATION_MONTHS: f64 = 36.0;
/// Longest horizon of a job's fiscal returns, in years.
pub const MAX_HORIZON_YEARS: u32 = 10;
/// Largest value any parameter's range may reach: far above any real cost,
/// count or rate, and low enough that sums over trials stay exact.
pub const MAX_VALUE: f64 = 1e9;

// The bounds of a run's options (model/options.rs).

/// Largest trial count a run accepts.
pub const MAX_TRIALS: u64 = 1_000_000;
/// Largest seed: integers above it are not exact in JavaScript.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// The largest recruitment a year a plan assumes feasible when none is
/// given: as many new mentors in a year as the partners' recorded pools
/// hold today (DUO for a JOB about 2,000, Team4Job 1,000+: E22). An
/// assumption, and the first value of the page's plan form.
pub const DEFAULT_MAX_RECRUITS: f64 = 3000.0;
/// Largest partial result the binding's `merge` copies in (a run's sketches
/// take a few hundred kilobytes).
pub const MAX_PARTIAL_BYTES: u32 = 256 << 20;

/// A trial count given as any number (as JavaScript gives it), when it is
/// a whole number from 1 to [`MAX_TRIALS`].
///
/// ```
/// use mentorsim::model::limits::trial_count;
/// assert_eq!(trial_count(400.0), Some(400));
/// assert_eq!(trial_count(0.5), None);
/// assert_eq!(trial_count(f64::NAN), None);
/// ```
#[inline]
pub fn trial_count(trials: f64) -> Option<u64> {
    let whole = trials >= 1.0 && trials <= MAX_TRIALS as f64 && trials.fract() == 0.0;
    whole.then_some(trials as u64)
}

/// Refuses JSON text of `units` characters (UTF-16 code units, never more
/// than its UTF-8 bytes) when it is longer than [`MAX_INPUT_BYTES`], so
/// that it is never copied in; `what` names the input.
#[inline]
pub fn check_json_length(units: usize, what: &str) -> Result<(), Error> {
    if units > MAX_INPUT_BYTES {
        return Err(Error::input(
            what,
            format!("is at most {MAX_INPUT_BYTES} bytes of JSON, got {units} characters"),
        ));
    }
    Ok(())
}

/// Checks the sizes of a scenario's JSON text before it is read: its length,
/// its depth, its lists and its strings. The work is bounded by
/// [`MAX_INPUT_BYTES`], whatever the text says.
///
/// Text that is not JSON passes: reading it says what is wrong, and where.
/// JSON that is not an object is refused here, whatever its size.
///
/// ```
/// use mentorsim::model::limits::{check_text, MAX_LIST};
/// assert!(check_text(r#"{"targets": []}"#).is_ok());
/// let long = format!("{{\"intake\": {{\"per_year\": [{}1]}}}}", "1, ".repeat(MAX_LIST));
/// let p = check_text(&long).unwrap_err();
/// assert_eq!(p.field, "intake.per_year");
/// assert!(p.message.contains("at most 100 entries, got 101"));
/// ```
pub fn check_text(text: &str) -> Result<(), Problem> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Problem {
            field: String::new(),
            message: format!(
                "a scenario is at most {MAX_INPUT_BYTES} bytes of JSON, got {}",
                text.len()
            ),
        });
    }
    // serde_json stops at 128 levels on its own, so this parse is bounded too.
    let value = match serde_json::from_str::<Value>(text) {
        Ok(value) => value,
        Err(_) => return Ok(()),
    };
    let kind = match &value {
        Value::Object(_) => return check_value(&value, &mut String::new(), 0),
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
    };
    Err(Problem {
        field: String::new(),
        message: format!(
            "a scenario is a JSON object of fields (see `mentorsim show`), got {kind}"
        ),
    })
}

fn check_value(value: &Value, path: &mut String, depth: usize) -> Result<(), Problem> {
    let fail = |path: &str, message: String| {
        Err(Problem {
            field: path.to_string(),
            message,
        })
    };
    match value {
        Value::String(s) => {
            let chars = s.chars().count();
            if chars > MAX_TEXT {
                return fail(
                    path,
                    format!("a text is at most {MAX_TEXT} characters, got {chars}"),
                );
            }
        }
        Value::Array(_) | Value::Object(_) if depth >= MAX_DEPTH => {
            return fail(
                path,
                format!("a scenario nests at most {MAX_DEPTH} levels of lists and objects"),
            );
        }
        Value::Array(items) => {
            if items.len() > MAX_LIST {
                return fail(
                    path,
                    format!("a list has at most {MAX_LIST} entries, got {}", items.len()),
                );
            }
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_value(item, path, depth + 1)?;
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let chars = key.chars().count();
                if chars > MAX_TEXT {
                    // Named by its first characters: the whole would swamp the message.
                    let start: String = key.chars().take(20).collect();
                    let field = if path.is_empty() {
                        format!("{start}...")
                    } else {
                        format!("{path}.{start}...")
                    };
                    return fail(
                        &field,
                        format!("a field name is at most {MAX_TEXT} characters, got {chars}"),
                    );
                }
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                check_value(item, path, depth + 1)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}
