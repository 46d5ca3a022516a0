//! Runs: a scenario checked, run whole, or run as ranges of trials whose
//! partial results merge (the page's workers).

use super::convert::{read_options, read_scenario, shown, to_js};
use crate::engine::partial::{check_size, Partial};
use crate::model::error::Error;
use wasm_bindgen::prelude::*;

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
        return Err(Error::input(
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
            Error::input(
                &field,
                format!(
                    "must be a byte array (Uint8Array) from RangeRun.partial(), got {}",
                    shown(&p)
                ),
            )
        })?;
        // Copied into the engine's memory only within a size a partial can have.
        check_size(&field, bytes.length())?;
        parts.push(Partial::from_bytes(&bytes.to_vec())?);
    }
    to_js(&crate::analysis::simulate::merge(&s, &opts, parts)?)
}
