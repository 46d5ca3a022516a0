//! The JavaScript face of the engine (WebAssembly only). It converts types
//! and errors and does nothing else: every rule lives in the core.
//!
//! Inputs and results cross the boundary as JSON, so a result in the page is
//! number for number the CLI's `--json`. Every error reaches JavaScript as an
//! `Error` whose message a person can read (the core's [`Error`] through
//! wasm-bindgen's `JsError`). A panic, which would otherwise surface as a
//! bare "unreachable", is written to the console through web-sys and kept
//! for [`last_panic`].

use crate::engine::partial::Partial;
use crate::model::distribution::Param;
use crate::model::error::Error;
use crate::model::error::Problem;
use crate::model::limits::MAX_PARTIAL_BYTES;
use crate::model::options::RunOptions;
use crate::model::outputs::SeriesSet;
use crate::model::scenario::Scenario;
use crate::model::{params, presets, scenario, text};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the panic hook when the module starts.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("the simulation engine failed: {info}");
        web_sys::console::error_1(&JsValue::from_str(&message));
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(message));
    }));
}

/// What the last panic said (`null` if none): after a call has thrown
/// `RuntimeError: unreachable`, this says what went wrong. The instance is
/// not to be used after a panic.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot hand the result to JavaScript"))
}

fn parse_error(field: &str, message: impl Into<String>) -> Error {
    Error::Parse(Problem {
        field: field.into(),
        message: message.into(),
    })
}

/// A problem with an input that is not a scenario (options, a request).
fn input_error(field: &str, message: impl Into<String>) -> Error {
    Error::Input(Problem {
        field: field.into(),
        message: message.into(),
    })
}

/// A JavaScript value as a person would write it, shortened: for messages.
fn shown(value: &JsValue) -> String {
    let text = match value.as_string() {
        Some(s) => format!("\"{s}\""),
        None => js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| String::from(js_sys::JsString::from(value.js_typeof()))),
    };
    short(text)
}

/// At most 40 characters of a text, for a message.
fn short(text: String) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text,
    }
}

/// The JSON text of a JavaScript value (`None` for `undefined` or `null`).
/// Text longer than a scenario may be is refused before it is copied into
/// the engine's memory.
fn json_of(value: &JsValue, what: &str) -> Result<Option<String>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let unreadable = || {
        input_error(
            what,
            format!("cannot be read as JSON (got {})", shown(value)),
        )
    };
    // A function or a symbol stringifies to `undefined`, not to a text.
    let text = js_sys::JSON::stringify(value)
        .ok()
        .filter(|t| t.is_string())
        .ok_or_else(unreadable)?;
    // UTF-16 units: never more than the UTF-8 bytes the core counts.
    let units = text.length() as usize;
    if units > crate::model::limits::MAX_INPUT_BYTES {
        return Err(input_error(
            what,
            format!(
                "is at most {} bytes of JSON, got {units} characters",
                crate::model::limits::MAX_INPUT_BYTES
            ),
        ));
    }
    text.as_string().map(Some).ok_or_else(unreadable)
}

fn read_scenario(value: &JsValue) -> Result<Scenario, Error> {
    let text =
        json_of(value, "scenario")?.ok_or_else(|| parse_error("", "no scenario was given"))?;
    scenario::from_json(&text)
}

/// A text argument (a preset id, a parameter's path).
fn text_arg(value: &JsValue, what: &str, example: &str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        input_error(
            what,
            format!("must be a text such as \"{example}\", got {}", shown(value)),
        )
    })
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
struct JsOptions {
    trials: Option<serde_json::Value>,
    seed: Option<serde_json::Value>,
    first_trial: Option<serde_json::Value>,
    trial_count: Option<serde_json::Value>,
    sensitivity: Option<serde_json::Value>,
    series: Option<serde_json::Value>,
}

/// The message of a serde_json error without its position (an options
/// object is one line that the reader did not write as text).
fn bare(e: &serde_json::Error) -> String {
    let text = crate::model::error::plain_words(&e.to_string());
    match text.rsplit_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => text,
    }
}

/// Reads an options-like object; a failure names its field, or `what` for
/// the whole.
fn read_object<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let path = crate::model::error::known_field(&path);
        let message = bare(e.inner());
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
            return input_error(&field, "this required field is missing");
        }
        input_error(if path.is_empty() { what } else { path }, message)
    })
}

/// Reads `{trials, seed, firstTrial, trialCount, sensitivity, series}`; a
/// field that is not a whole number in range is reported by name, with its
/// value. `series`, a list of a result's series names (`employed`,
/// `employed_cumulative`), limits the summaries to those series; every name
/// it does not know is reported, by its place in the list.
fn read_options(value: &JsValue) -> Result<RunOptions, Error> {
    let raw: JsOptions = match json_of(value, "options")? {
        None => JsOptions::default(),
        Some(text) => read_object(&text, "options")?,
    };
    let mut problems = Vec::new();
    let sensitivity = match raw.sensitivity {
        None | Some(serde_json::Value::Null) => false,
        Some(serde_json::Value::Bool(b)) => b,
        Some(other) => {
            problems.push(Problem {
                field: "sensitivity".into(),
                message: format!("must be true or false, got {}", short(other.to_string())),
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
                            short(items[i].to_string())
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
                    short(other.to_string())
                ),
            });
            SeriesSet::ALL
        }
    };
    let mut whole = |name: &str, v: Option<serde_json::Value>| -> Option<u64> {
        let v = v.filter(|v| !v.is_null())?;
        match v.as_f64() {
            Some(x)
                if x.is_finite()
                    && x >= 0.0
                    && x.fract() == 0.0
                    && x <= crate::model::limits::MAX_SEED as f64 =>
            {
                Some(x as u64)
            }
            _ => {
                problems.push(Problem {
                    field: name.into(),
                    message: format!(
                        "must be a whole number from 0 to {}, got {}",
                        crate::model::limits::MAX_SEED,
                        short(v.to_string())
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

#[derive(Serialize)]
struct PresetInfo {
    id: String,
    name: text::Text,
    description: text::Text,
}

/// The built-in scenarios: `[{id, name: {en, fr, nl}, description: {en, fr, nl}}]`.
#[wasm_bindgen]
pub fn presets() -> Result<JsValue, JsError> {
    let list: Vec<PresetInfo> = presets::all()
        .into_iter()
        .map(|s| PresetInfo {
            id: s.id,
            name: s.name,
            description: s.description,
        })
        .collect();
    to_js(&list)
}

/// One preset's scenario, as an object to edit.
#[wasm_bindgen]
pub fn preset(id: JsValue) -> Result<JsValue, JsError> {
    let id = text_arg(&id, "preset", presets::DEFAULT)?;
    to_js(&presets::get(&id)?)
}

#[derive(Serialize)]
struct PriorInfo {
    id: &'static str,
    form: crate::model::priors::Form,
    source: &'static str,
    name: text::Text,
    note: text::Text,
    counterfactual: scenario::Counterfactual,
}

/// The named evidence priors of the counterfactual, the default first:
/// `[{id, form, source, name: {en, fr, nl}, note: {en, fr, nl},
/// counterfactual}]`, `counterfactual` being the scenario fragment to set.
#[wasm_bindgen]
pub fn priors() -> Result<JsValue, JsError> {
    let list: Vec<PriorInfo> = crate::model::priors::PRIORS
        .iter()
        .map(|p| PriorInfo {
            id: p.id,
            form: p.form,
            source: p.source,
            name: p.name_text(),
            note: p.note_text(),
            counterfactual: p.counterfactual(),
        })
        .collect();
    to_js(&list)
}

/// The parameters, outputs, distributions, presets and limits (see the
/// core's `schema` module): what the page builds its controls from.
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsError> {
    to_js(&crate::model::schema::schema())
}

/// A parameter's mean, median and 90 % interval (`{mean, median, p5, p95}`)
/// as the engine draws it at `path`; an `Error` naming the path if it is
/// not a parameter or not a valid distribution for it.
#[wasm_bindgen(js_name = paramSummary)]
pub fn param_summary(path: JsValue, param: JsValue) -> Result<JsValue, JsError> {
    let path = text_arg(&path, "path", "outcomes.employed")?;
    let path = path.as_str();
    let spec = params::by_path(path)
        .ok_or_else(|| input_error(path, "is not a parameter of a scenario"))?;
    let text = json_of(&param, path)?.ok_or_else(|| input_error(path, "no parameter was given"))?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    let param: Param =
        serde_path_to_error::deserialize(de).map_err(|e| input_error(path, bare(e.inner())))?;
    let mut problems = crate::model::error::Problems::default();
    param.check(path, spec.domain, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems.0).into());
    }
    let summary = param
        .summary(spec.domain)
        .ok_or_else(|| input_error(path, "this distribution cannot be summarised"))?;
    to_js(&summary)
}

/// How a figure `x` with Monte Carlo standard error `se` is printed, as the
/// CLI prints it (see the core's `stats::rounding::printed`): `[value, decimals,
/// band, band_decimals]`, the figure rounded to the digits its error
/// supports and its 95 % Monte Carlo band (`1.96 se`). A band that is not a
/// number means no error is known. Never throws: the page formats each
/// figure it shows with it, in the reader's language.
#[wasm_bindgen]
pub fn printed(x: f64, se: f64) -> Vec<f64> {
    let p = crate::stats::rounding::printed(x, se);
    vec![p.value, p.decimals as f64, p.band, p.band_decimals as f64]
}

/// How a chance `p` that none or all of `trials` trials showed is printed,
/// as the CLI prints it (the core's `stats::rounding::printed_bound`): `[bound,
/// decimals, above]`, the bound in percent and `above` 1 when all showed it;
/// empty for any other chance, or a trial count that is not a whole number
/// from 1 to the largest run. Never throws.
#[wasm_bindgen(js_name = printedBound)]
pub fn printed_bound(p: f64, trials: f64) -> Vec<f64> {
    let whole =
        trials >= 1.0 && trials <= crate::model::limits::MAX_TRIALS as f64 && trials.fract() == 0.0;
    match crate::stats::rounding::printed_bound(p, trials as u64).filter(|_| whole) {
        Some(b) => vec![b.value, b.decimals as f64, f64::from(u8::from(b.above))],
        None => Vec::new(),
    }
}

/// Every problem with a scenario: `[{field, message}]`, empty when it can run.
#[wasm_bindgen]
pub fn validate(scenario: JsValue) -> Result<JsValue, JsError> {
    let problems = match read_scenario(&scenario) {
        Ok(s) => s.validate(),
        Err(e) => e.problems(),
    };
    to_js(&problems)
}

/// Runs a scenario (the whole run, or the range `firstTrial`, `trialCount`)
/// and returns the same structure as `mentorsim run --json`.
#[wasm_bindgen]
pub fn simulate(scenario: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    to_js(&crate::analysis::simulate::simulate(&s, &opts)?)
}

/// A range of trials run a step at a time (the core's `RangeRun`):
/// `new RangeRun(scenario, options)`, `step(n)` until `finished`, then
/// `partial()` (bytes for [`merge`]) or `result()` (as [`simulate`]).
/// However it is stepped, the numbers are the same; calling the engine
/// several times lets the browser switch to its optimised code after the
/// first step.
#[wasm_bindgen(js_name = RangeRun)]
pub struct RangeRun(crate::engine::run::RangeRun);

#[wasm_bindgen(js_class = RangeRun)]
impl RangeRun {
    /// Checks the scenario and the options, as [`simulate`] does.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario: JsValue, options: JsValue) -> Result<RangeRun, JsError> {
        let s = read_scenario(&scenario)?;
        let opts = read_options(&options)?;
        Ok(RangeRun(crate::engine::run::RangeRun::start(&s, &opts)?))
    }

    /// Runs up to `count` more trials (at least one); returns the trials done.
    pub fn step(&mut self, count: u32) -> f64 {
        self.0.step(u64::from(count)) as f64
    }

    /// Trials of the range done so far.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> f64 {
        self.0.done() as f64
    }

    /// Whether every trial of the range has run.
    #[wasm_bindgen(getter)]
    pub fn finished(&self) -> bool {
        self.0.finished()
    }

    /// Runs what remains; the range's partial result as bytes, for [`merge`].
    pub fn partial(self) -> Vec<u8> {
        self.0.into_partial().to_bytes()
    }

    /// Runs what remains; the range's result, as [`simulate`] gives it.
    pub fn result(self) -> Result<JsValue, JsError> {
        to_js(&self.0.into_result())
    }
}

/// Merges the partial results of one run (any order) into its result.
#[wasm_bindgen]
pub fn merge(scenario: JsValue, options: JsValue, partials: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    if !js_sys::Array::is_array(&partials) {
        return Err(input_error(
            "partials",
            format!(
                "must be a list of the byte arrays RangeRun.partial() gives, got {}",
                shown(&partials)
            ),
        )
        .into());
    }
    let mut parts = Vec::new();
    for (i, p) in js_sys::Array::from(&partials).iter().enumerate() {
        let field = format!("partials[{i}]");
        let bytes = p.dyn_into::<js_sys::Uint8Array>().map_err(|p| {
            input_error(
                &field,
                format!(
                    "must be a byte array (Uint8Array) from RangeRun.partial(), got {}",
                    shown(&p)
                ),
            )
        })?;
        // Copied into the engine's memory only within a size a partial can have.
        if bytes.length() > MAX_PARTIAL_BYTES {
            return Err(input_error(
                &field,
                format!(
                    "a partial result is at most {MAX_PARTIAL_BYTES} bytes, got {}",
                    bytes.length()
                ),
            )
            .into());
        }
        parts.push(Partial::from_bytes(&bytes.to_vec())?);
    }
    to_js(&crate::analysis::simulate::merge(&s, &opts, parts)?)
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `{target, confidence, lever}` for [`solve`]; `target` counts from 0.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an object {target, confidence, lever}"
)]
struct SolveRequest {
    target: usize,
    confidence: f64,
    lever: String,
}

/// The smallest value of a lever (`budget`, `recruits`, `intake`; or the
/// largest `cost`) at which a target is met in at least `confidence` of the
/// trials, as `mentorsim solve --json` gives it: `{solution, mentors}`.
#[wasm_bindgen]
pub fn solve(scenario: JsValue, request: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    let text = json_of(&request, "request")?
        .ok_or_else(|| input_error("request", "no request was given"))?;
    let req: SolveRequest = read_object(&text, "request")?;
    let lever = crate::analysis::decide::Lever::from_name(&req.lever).ok_or_else(|| {
        input_error(
            "lever",
            format!(
                "unknown lever `{}`: give budget, recruits, intake or cost",
                short(req.lever.clone())
            ),
        )
    })?;
    let solution = crate::analysis::decide::solve(&s, req.target, req.confidence, lever, &opts)?;
    let at = crate::analysis::decide::with_lever(&s, lever, solution.value.unwrap_or(0.0))?;
    #[derive(Serialize)]
    struct Answer {
        solution: crate::analysis::decide::Solution,
        mentors: Vec<crate::analysis::decide::MentorNeed>,
    }
    to_js(&Answer {
        solution,
        mentors: crate::analysis::decide::mentor_needs(&at),
    })
}

/// What it takes to meet targets, as `mentorsim plan --json`: the plan by
/// year, the chance of each target under it, and the planned scenario
/// (`plan.scenario`) that the page can load. The request is
/// `{"targets": [0], "confidence": 0.8, "max_recruits": 3000,
/// "max_budget_growth": null, "fixed": []}`, every field optional.
#[wasm_bindgen]
pub fn plan(scenario: JsValue, request: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    let req: crate::analysis::plan::PlanRequest = match json_of(&request, "request")? {
        Some(text) => read_object(&text, "request")?,
        None => crate::analysis::plan::PlanRequest::default(),
    };
    to_js(&crate::analysis::plan::plan(&s, &req, &opts)?)
}

/// B against A on the same trials and seed, as `mentorsim compare --json`.
#[wasm_bindgen]
pub fn compare(a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let (sa, sb) = (read_scenario(&a)?, read_scenario(&b)?);
    let opts = read_options(&options)?;
    to_js(&crate::analysis::decide::compare(&sa, &sb, &opts)?)
}

/// What better evidence is worth, as `mentorsim value --json`.
#[wasm_bindgen(js_name = valueOfInformation)]
pub fn value_of_information(scenario: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    to_js(&crate::analysis::decide::value_of_information(&s, &opts)?)
}

/// The recruits a plan needs each year beside those assumed.
#[wasm_bindgen(js_name = mentorNeeds)]
pub fn mentor_needs(scenario: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let problems = s.validate();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems).into());
    }
    to_js(&crate::analysis::decide::mentor_needs(&s))
}
