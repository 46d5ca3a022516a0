//! What the page builds its inputs from: the presets, the named priors and
//! persistence sets, the schema of parameters, outputs and limits, and a
//! parameter's summary.

use super::convert::{json_of, text_arg, to_js};
use crate::model::distribution::Param;
use crate::model::{input, presets, scenario, text};
use serde::Serialize;
use wasm_bindgen::prelude::*;

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

#[derive(Serialize)]
struct PersistenceSetInfo {
    id: &'static str,
    source: &'static str,
    name: text::Text,
    note: text::Text,
    persistence: Param,
}

/// The named sets of `fiscal.persistence`, from the most pessimistic:
/// `[{id, source, name: {en, fr, nl}, note: {en, fr, nl}, persistence}]`,
/// `persistence` being the parameter to set (with `fiscal.persistence_prior`
/// set to `id`).
#[wasm_bindgen(js_name = persistenceSets)]
pub fn persistence_sets() -> Result<JsValue, JsError> {
    let list: Vec<PersistenceSetInfo> = crate::model::persistence::SETS
        .iter()
        .map(|s| PersistenceSetInfo {
            id: s.id,
            source: s.source,
            name: s.name_text(),
            note: s.note_text(),
            persistence: s.param(),
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
    let spec = input::param_at(&path)?;
    let text = json_of(&param, &path)?;
    to_js(&input::param_summary(spec, text.as_deref())?)
}
