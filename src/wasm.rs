//! The JavaScript face of the engine (WebAssembly only). It converts types
//! and errors and does nothing else: every rule lives in the core.
//!
//! Inputs and results cross the boundary as JSON, so a result in the page is
//! number for number the CLI's `--json`.

use crate::{engine::RunOptions, presets, scenario, Error, Partial, RangeRun, Scenario};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot hand the result to JavaScript"))
}

fn js_error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

fn read_scenario(value: &JsValue) -> Result<Scenario, Error> {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            Error::Parse(crate::Problem {
                field: String::new(),
                message: "the scenario is not a JSON object".into(),
            })
        })?;
    scenario::from_json(&text)
}

/// Reads `{trials, seed, firstTrial, trialCount, sensitivity}`; a field that
/// is not a whole number in range is reported by name.
fn read_options(value: &JsValue) -> Result<RunOptions, Error> {
    let mut opts = RunOptions::default();
    let mut problems = Vec::new();
    let get = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let mut whole = |name: &str, field: &mut u64| {
        if let Some(v) = get(name) {
            match v.as_f64() {
                Some(x)
                    if x.is_finite()
                        && x >= 0.0
                        && x.fract() == 0.0
                        && x <= 9_007_199_254_740_991.0 =>
                {
                    *field = x as u64
                }
                _ => problems.push(crate::Problem {
                    field: name.into(),
                    message: format!("must be a whole number, zero or more, got {v:?}"),
                }),
            }
        }
    };
    whole("trials", &mut opts.trials);
    whole("seed", &mut opts.seed);
    whole("firstTrial", &mut opts.first_trial);
    let mut count = u64::MAX;
    whole("trialCount", &mut count);
    opts.trial_count = (count != u64::MAX).then_some(count);
    opts.sensitivity = get("sensitivity")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
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
    to_js(&presets::get(id).map_err(js_error)?)
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
    let s = read_scenario(&scenario).map_err(js_error)?;
    let opts = read_options(&options).map_err(js_error)?;
    to_js(&crate::simulate(&s, &opts).map_err(js_error)?)
}

/// Runs the range of trials `options` names and returns its partial result
/// as bytes, for [`merge`]. `progress`, if a function, hears the trials done.
#[wasm_bindgen(js_name = simulatePartial)]
pub fn simulate_partial(
    scenario: JsValue,
    options: JsValue,
    progress: Option<js_sys::Function>,
) -> Result<Vec<u8>, JsError> {
    let s = read_scenario(&scenario).map_err(js_error)?;
    let opts = read_options(&options).map_err(js_error)?;
    let mut report = |n: u64| {
        if let Some(f) = &progress {
            let _ = f.call1(&JsValue::NULL, &JsValue::from_f64(n as f64));
        }
    };
    Ok(crate::simulate_partial(&s, &opts, &mut report)
        .map_err(js_error)?
        .to_bytes())
}

/// A range of trials run a step at a time (the engine's `RangeRun`):
/// `new PartialRun(scenario, options)`, `step(n)` until `finished`, then
/// `partial()` (bytes for [`merge`]) or `result()` (as [`simulate`]). The
/// numbers are those of one `simulatePartial` call; calling the engine several
/// times lets the browser switch to its optimised code after the first step.
#[wasm_bindgen(js_name = PartialRun)]
pub struct PartialRun(RangeRun);

#[wasm_bindgen(js_class = PartialRun)]
impl PartialRun {
    /// Checks the scenario and the options, as [`simulate`] does.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario: JsValue, options: JsValue) -> Result<PartialRun, JsError> {
        let s = read_scenario(&scenario).map_err(js_error)?;
        let opts = read_options(&options).map_err(js_error)?;
        Ok(PartialRun(RangeRun::start(&s, &opts).map_err(js_error)?))
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
    let s = read_scenario(&scenario).map_err(js_error)?;
    let opts = read_options(&options).map_err(js_error)?;
    let parts = partials
        .iter()
        .map(|p| Partial::from_bytes(&p.to_vec()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(js_error)?;
    to_js(&crate::merge(&s, &opts, parts).map_err(js_error)?)
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
