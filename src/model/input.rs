//! The inputs beside a scenario, as JSON: an object read so that a failure
//! names its field (the run options, a decision tool's request, given or
//! left to its defaults), the run options as the page gives them, each
//! checked by name with its value, and one parameter to summarise.

use crate::model::distribution::{Param, ParamSummary};
use crate::model::error::{known_field, plain_words, shorten, Error, Problem};
use crate::model::limits::MAX_SEED;
use crate::model::options::RunOptions;
use crate::model::outputs::SeriesSet;
use crate::model::params::{self, ParamSpec};
use serde::Deserialize;

/// The message of a serde_json error without its position (an options
/// object is one line that the reader did not write as text).
pub fn bare(e: &serde_json::Error) -> String {
    let text = plain_words(&e.to_string());
    match text.rsplit_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => text,
    }
}

/// Reads an options-like object; a failure names its field, or `what` for
/// the whole.
pub fn read_object<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| object_error(e.path(), e.inner(), what))
}

/// A decision tool's request that must be given (`None` when it was
/// not), read as [`read_object`] does; a failure names `request`.
#[inline]
pub fn required_request<T: serde::de::DeserializeOwned>(text: Option<&str>) -> Result<T, Error> {
    let text = text.ok_or_else(|| Error::input("request", "no request was given"))?;
    read_object(text, "request")
}

/// A decision tool's request whose fields may all be left out: its
/// defaults when it was not given (`None`), else read as [`read_object`]
/// does; a failure names `request`.
#[inline]
pub fn request_or_default<T: serde::de::DeserializeOwned + Default>(
    text: Option<&str>,
) -> Result<T, Error> {
    text.map_or_else(|| Ok(T::default()), |text| read_object(text, "request"))
}

/// The parameter at `path` of a scenario, or an error naming the path.
#[inline]
pub fn param_at(path: &str) -> Result<&'static ParamSpec, Error> {
    params::by_path(path).ok_or_else(|| Error::input(path, "is not a parameter of a scenario"))
}

/// A parameter's mean, median and 90 % interval as the engine draws it at
/// `spec`'s path, from its JSON text (`None` when none was given); an error
/// naming the path if it is not a valid distribution there.
pub fn param_summary(spec: &ParamSpec, text: Option<&str>) -> Result<ParamSummary, Error> {
    let path = spec.path;
    let text = text.ok_or_else(|| Error::input(path, "no parameter was given"))?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let param: Param =
        serde_path_to_error::deserialize(de).map_err(|e| Error::input(path, bare(e.inner())))?;
    let mut problems = crate::model::error::Problems::default();
    param.check(path, spec.domain, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems.0));
    }
    param
        .summary(spec.domain)
        .ok_or_else(|| Error::input(path, "this distribution cannot be summarised"))
}

/// [`read_object`]'s failure, at the field `path` (the same whatever the
/// object's type).
fn object_error(path: &serde_path_to_error::Path, inner: &serde_json::Error, what: &str) -> Error {
    let path = path.to_string();
    let path = known_field(&path);
    let message = bare(inner);
    // A missing field is named as the field, as in a scenario.
    if let Some((name, _)) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
    {
        let field = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        return Error::input(&field, "this required field is missing");
    }
    Error::input(if path.is_empty() { what } else { path }, message)
}

/// Run options as JavaScript gives them; all optional. Each is read as any
/// JSON value and checked below, so that a wrong one is reported with its
/// value, by name.
#[derive(Deserialize, Default)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    expecting = "an object {trials, seed, firstTrial, trialCount, sensitivity, series}"
)]
struct OptionsJson {
    trials: Option<serde_json::Value>,
    seed: Option<serde_json::Value>,
    first_trial: Option<serde_json::Value>,
    trial_count: Option<serde_json::Value>,
    sensitivity: Option<serde_json::Value>,
    series: Option<serde_json::Value>,
}

/// Reads `{trials, seed, firstTrial, trialCount, sensitivity, series}` (the
/// defaults when there is no text); a field that is not a whole number in
/// range is reported by name, with its value. `series`, a list of a
/// result's series names (`employed`, `employed_cumulative`), limits the
/// summaries to those series; every name it does not know is reported, by
/// its place in the list.
pub fn run_options(text: Option<&str>) -> Result<RunOptions, Error> {
    let raw: OptionsJson = match text {
        None => OptionsJson::default(),
        Some(text) => read_object(text, "options")?,
    };
    let mut problems = Vec::new();
    let sensitivity = match raw.sensitivity {
        None | Some(serde_json::Value::Null) => false,
        Some(serde_json::Value::Bool(b)) => b,
        Some(other) => {
            problems.push(Problem {
                field: "sensitivity".into(),
                message: format!("must be true or false, got {}", shorten(&other.to_string())),
            });
            false
        }
    };
    let series = match raw.series {
        None | Some(serde_json::Value::Null) => SeriesSet::ALL,
        Some(serde_json::Value::Array(items)) => {
            // Anything but text is a name no series has.
            let names: Vec<&str> = items.iter().map(|v| v.as_str().unwrap_or("")).collect();
            SeriesSet::from_names(&names).unwrap_or_else(|unknown| {
                for (i, _) in unknown {
                    problems.push(Problem {
                        field: format!("series[{i}]"),
                        message: format!(
                            "must be the name of a series of a result, got {}",
                            shorten(&items[i].to_string())
                        ),
                    });
                }
                SeriesSet::ALL
            })
        }
        Some(other) => {
            problems.push(Problem {
                field: "series".into(),
                message: format!(
                    "must be a list of series names, got {}",
                    shorten(&other.to_string())
                ),
            });
            SeriesSet::ALL
        }
    };
    let mut whole = |name: &str, v: Option<serde_json::Value>| -> Option<u64> {
        let v = v.filter(|v| !v.is_null())?;
        match v.as_f64() {
            Some(x) if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= MAX_SEED as f64 => {
                Some(x as u64)
            }
            _ => {
                problems.push(Problem {
                    field: name.into(),
                    message: format!(
                        "must be a whole number from 0 to {MAX_SEED}, got {}",
                        shorten(&v.to_string())
                    ),
                });
                None
            }
        }
    };
    let defaults = RunOptions::default();
    let opts = RunOptions {
        trials: whole("trials", raw.trials).unwrap_or(defaults.trials),
        seed: whole("seed", raw.seed).unwrap_or(defaults.seed),
        first_trial: whole("firstTrial", raw.first_trial).unwrap_or(0),
        trial_count: whole("trialCount", raw.trial_count),
        sensitivity,
        series,
    };
    if problems.is_empty() {
        Ok(opts)
    } else {
        Err(Error::Invalid(problems))
    }
}
