//! Values from JavaScript to the core's types and back: JSON text in, with
//! its size checked before it is copied, and a result out as a JavaScript
//! object. Every failure is an [`Error`] that names what was given.

use crate::model::error::{shorten, Error, Problem};
use crate::model::input;
use crate::model::options::RunOptions;
use crate::model::scenario::{self, Scenario};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot hand the result to JavaScript"))
}

pub(super) fn parse_error(field: &str, message: impl Into<String>) -> Error {
    Error::Parse(Problem {
        field: field.into(),
        message: message.into(),
    })
}

/// A JavaScript value as a person would write it, shortened: for messages.
pub(super) fn shown(value: &JsValue) -> String {
    let text = match value.as_string() {
        Some(s) => format!("\"{s}\""),
        None => js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| String::from(js_sys::JsString::from(value.js_typeof()))),
    };
    shorten(&text)
}

/// The JSON text of a JavaScript value (`None` for `undefined` or `null`).
/// Text longer than a scenario may be is refused before it is copied into
/// the engine's memory.
pub(super) fn json_of(value: &JsValue, what: &str) -> Result<Option<String>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let unreadable = || {
        Error::input(
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
    crate::model::limits::check_json_length(text.length() as usize, what)?;
    text.as_string().map(Some).ok_or_else(unreadable)
}

pub(super) fn read_scenario(value: &JsValue) -> Result<Scenario, Error> {
    let text =
        json_of(value, "scenario")?.ok_or_else(|| parse_error("", "no scenario was given"))?;
    scenario::from_json(&text)
}

/// A text argument (a preset id, a parameter's path).
pub(super) fn text_arg(value: &JsValue, what: &str, example: &str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::input(
            what,
            format!("must be a text such as \"{example}\", got {}", shown(value)),
        )
    })
}

/// The run options (`{trials, seed, firstTrial, trialCount, sensitivity,
/// series}`, every field optional), read and checked by the core
/// ([`input::run_options`]).
pub(super) fn read_options(value: &JsValue) -> Result<RunOptions, Error> {
    input::run_options(json_of(value, "options")?.as_deref())
}
