//! The decision tools: what it takes (solve and plan), B against A, what
//! better evidence is worth, and the mentors a plan needs.

use super::convert::{json_of, read_options, read_scenario, to_js};
use crate::analysis::decide::{self, SolveRequest, SplitRequest};
use crate::analysis::plan::{self, PlanRequest};
use crate::model::input::{request_or_default, required_request};
use wasm_bindgen::prelude::*;

/// The smallest value of a lever (`budget`, `recruits`, `intake`; or the
/// largest `cost`) at which a target is met in at least `confidence` of the
/// trials, as `mentorsim solve --json` gives it: `{solution, mentors}`.
#[wasm_bindgen]
pub fn solve(scenario: JsValue, request: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    let req: SolveRequest = required_request(json_of(&request, "request")?.as_deref())?;
    to_js(&decide::solve_request(&s, &req, &opts)?)
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
    let req: PlanRequest = request_or_default(json_of(&request, "request")?.as_deref())?;
    to_js(&plan::plan(&s, &req, &opts)?)
}

/// The split of a programme's money across its partners, as `mentorsim
/// split --json`: the request is `{"target": 0, "step": 0.05, "max_factor":
/// 2, "shares": [..]}`, every field optional (no target: the fewest euros
/// per additional person in work; `shares`: that split against the
/// scenario's own, no search).
#[wasm_bindgen]
pub fn split(scenario: JsValue, request: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    let req: SplitRequest = request_or_default(json_of(&request, "request")?.as_deref())?;
    to_js(&decide::split_request(&s, &req, &opts)?)
}

/// B against A on the same trials and seed, as `mentorsim compare --json`.
#[wasm_bindgen]
pub fn compare(a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let (sa, sb) = (read_scenario(&a)?, read_scenario(&b)?);
    let opts = read_options(&options)?;
    to_js(&decide::compare(&sa, &sb, &opts)?)
}

/// What better evidence is worth, as `mentorsim value --json`.
#[wasm_bindgen(js_name = valueOfInformation)]
pub fn value_of_information(scenario: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    let opts = read_options(&options)?;
    to_js(&decide::value_of_information(&s, &opts)?)
}

/// The recruits a plan needs each year beside those assumed.
#[wasm_bindgen(js_name = mentorNeeds)]
pub fn mentor_needs(scenario: JsValue) -> Result<JsValue, JsError> {
    let s = read_scenario(&scenario)?;
    s.check()?;
    to_js(&decide::mentor_needs(&s))
}
