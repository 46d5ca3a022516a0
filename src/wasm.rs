//! The JavaScript face of the engine (WebAssembly only). It converts types
//! and errors and does nothing else: every rule lives in the core.
//!
//! Inputs and results cross the boundary as JSON, so a result in the page is
//! number for number the CLI's `--json`. Every error reaches JavaScript as an
//! `Error` whose message a person can read (the core's [`Error`] through
//! wasm-bindgen's `JsError`). A panic, which would otherwise surface as a
//! bare "unreachable", is written to the console through web-sys and kept
//! for [`last_panic`].

use crate::distribution::Param;
use crate::engine::RunOptions;
use crate::error::Problem;
use crate::{params, presets, scenario, Error, Partial, Scenario};
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

/// The JSON text of a JavaScript value (`None` for `undefined` or `null`).
fn json_of(value: &JsValue, what: &str) -> Result<Option<String>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .map(Some)
        .ok_or_else(|| parse_error("", format!("the {what} cannot be read as JSON")))
}

fn read_scenario(value: &JsValue) -> Result<Scenario, Error> {
    let text =
        json_of(value, "scenario")?.ok_or_else(|| parse_error("", "no scenario was given"))?;
    scenario::from_json(&text)
}

/// Run options as JavaScript gives them; all optional.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsOptions {
    trials: Option<f64>,
    seed: Option<f64>,
    first_trial: Option<f64>,
    trial_count: Option<f64>,
    sensitivity: Option<bool>,
}

/// The message of a serde_json error without its position (an options
/// object is one line that the reader did not write as text).
fn bare(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => text,
    }
}

/// Reads `{trials, seed, firstTrial, trialCount, sensitivity}`; a field that
/// is not a whole number in range is reported by name, with its value.
fn read_options(value: &JsValue) -> Result<RunOptions, Error> {
    let raw: JsOptions = match json_of(value, "options")? {
        None => JsOptions::default(),
        Some(text) => {
            let de = &mut serde_json::Deserializer::from_str(&text);
            serde_path_to_error::deserialize(de).map_err(|e| {
                let field = e.path().to_string();
                parse_error(if field == "." { "" } else { &field }, bare(e.inner()))
            })?
        }
    };
    let mut problems = Vec::new();
    let mut whole = |name: &str, v: Option<f64>| -> Option<u64> {
        let x = v?;
        if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x <= crate::MAX_SEED as f64 {
            Some(x as u64)
        } else {
            problems.push(Problem {
                field: name.into(),
                message: format!(
                    "must be a whole number from 0 to {}, got {x}",
                    crate::MAX_SEED
                ),
            });
            None
        }
    };
    let defaults = RunOptions::default();
    let opts = RunOptions {
        trials: whole("trials", raw.trials).unwrap_or(defaults.trials),
        seed: whole("seed", raw.seed).unwrap_or(defaults.seed),
        first_trial: whole("firstTrial", raw.first_trial).unwrap_or(0),
        trial_count: whole("trialCount", raw.trial_count),
        sensitivity: raw.sensitivity.unwrap_or(false),
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
    name: scenario::Text,
    description: scenario::Text,
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
pub fn preset(id: &str) -> Result<JsValue, JsError> {
    to_js(&presets::get(id)?)
}

#[derive(Serialize)]
struct PriorInfo {
    id: &'static str,
    form: crate::priors::Form,
    source: &'static str,
    name: scenario::Text,
    note: scenario::Text,
    counterfactual: scenario::Counterfactual,
}

/// The named evidence priors of the counterfactual, the default first:
/// `[{id, form, source, name: {en, fr, nl}, note: {en, fr, nl},
/// counterfactual}]`, `counterfactual` being the scenario fragment to set.
#[wasm_bindgen]
pub fn priors() -> Result<JsValue, JsError> {
    let list: Vec<PriorInfo> = crate::priors::PRIORS
        .iter()
        .map(|p| PriorInfo {
            id: p.id,
            form: p.form,
            source: p.source,
            name: p.name_text(),
            note: scenario::Text {
                en: p.note[0].into(),
                fr: p.note[1].into(),
                nl: p.note[2].into(),
            },
            counterfactual: p.counterfactual(),
        })
        .collect();
    to_js(&list)
}

/// The parameters, outputs, distributions, presets and limits (see the
/// core's `schema` module): what the page builds its controls from.
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsError> {
    to_js(&crate::schema::schema())
}

/// A parameter's mean, median and 90 % interval (`{mean, median, p5, p95}`)
/// as the engine draws it at `path`; an `Error` naming the path if it is
/// not a parameter or not a valid distribution for it.
#[wasm_bindgen(js_name = paramSummary)]
pub fn param_summary(path: &str, param: JsValue) -> Result<JsValue, JsError> {
    let spec = params::by_path(path)
        .ok_or_else(|| parse_error(path, "is not a parameter of a scenario"))?;
    let text =
        json_of(&param, "parameter")?.ok_or_else(|| parse_error(path, "no parameter was given"))?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    let param: Param =
        serde_path_to_error::deserialize(de).map_err(|e| parse_error(path, bare(e.inner())))?;
    let mut problems = crate::error::Problems::default();
    param.check(path, spec.domain, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems.0).into());
    }
    let summary = param
        .summary(spec.domain)
        .ok_or_else(|| parse_error(path, "this distribution cannot be summarised"))?;
    to_js(&summary)
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
    to_js(&crate::simulate(&s, &opts)?)
}

/// A range of trials run a step at a time (the core's `RangeRun`):
/// `new RangeRun(scenario, options)`, `step(n)` until `finished`, then
/// `partial()` (bytes for [`merge`]) or `result()` (as [`simulate`]).
/// However it is stepped, the numbers are the same; calling the engine
/// several times lets the browser switch to its optimised code after the
/// first step.
#[wasm_bindgen(js_name = RangeRun)]
pub struct RangeRun(crate::RangeRun);

#[wasm_bindgen(js_class = RangeRun)]
impl RangeRun {
    /// Checks the scenario and the options, as [`simulate`] does.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario: JsValue, options: JsValue) -> Result<RangeRun, JsError> {
        let s = read_scenario(&scenario)?;
        let opts = read_options(&options)?;
        Ok(RangeRun(crate::RangeRun::start(&s, &opts)?))
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
pub fn merge(
    scenario: JsValue,
    options: JsValue,
    partials: Vec<js_sys::Uint8Array>,
) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    let parts = partials
        .iter()
        .map(|p| Partial::from_bytes(&p.to_vec()))
        .collect::<Result<Vec<_>, _>>()?;
    to_js(&crate::merge(&s, &opts, parts)?)
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `{target, confidence, lever}` for [`solve`]; `target` counts from 0.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
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
    let text =
        json_of(&request, "request")?.ok_or_else(|| parse_error("", "no request was given"))?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    let req: SolveRequest = serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        parse_error(if field == "." { "" } else { &field }, bare(e.inner()))
    })?;
    let lever = crate::decide::Lever::from_name(&req.lever).ok_or_else(|| {
        parse_error(
            "lever",
            format!(
                "unknown lever `{}`: give budget, recruits, intake or cost",
                req.lever
            ),
        )
    })?;
    let solution = crate::decide::solve(&s, req.target, req.confidence, lever, &opts)?;
    let at = crate::decide::with_lever(&s, lever, solution.value.unwrap_or(0.0))?;
    #[derive(Serialize)]
    struct Answer {
        solution: crate::decide::Solution,
        mentors: Vec<crate::decide::MentorNeed>,
    }
    to_js(&Answer {
        solution,
        mentors: crate::decide::mentor_needs(&at),
    })
}

/// B against A on the same trials and seed, as `mentorsim compare --json`.
#[wasm_bindgen]
pub fn compare(a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let (sa, sb) = (read_scenario(&a)?, read_scenario(&b)?);
    let opts = read_options(&options)?;
    to_js(&crate::decide::compare(&sa, &sb, &opts)?)
}

/// What better evidence is worth, as `mentorsim value --json`.
#[wasm_bindgen(js_name = valueOfInformation)]
pub fn value_of_information(scenario: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    to_js(&crate::decide::value_of_information(&s, &opts)?)
}

/// The recruits a plan needs each year beside those assumed.
#[wasm_bindgen(js_name = mentorNeeds)]
pub fn mentor_needs(scenario: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let problems = s.validate();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems).into());
    }
    to_js(&crate::decide::mentor_needs(&s))
}
