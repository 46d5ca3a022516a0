//! The JavaScript face of the engine (WebAssembly only). It converts types
//! and errors and does nothing else: every rule lives in the core.
//!
//! Inputs and results cross the boundary as JSON, so a result in the page is
//! number for number the CLI's `--json`. Every error reaches JavaScript as an
//! `Error` whose message a person can read (the core's [`Error`](crate::model::error::Error) through
//! wasm-bindgen's `JsError`). A panic, which would otherwise surface as a
//! bare "unreachable", is written to the console through web-sys and kept
//! for [`last_panic`].

mod convert;
mod figures;
mod inputs;
mod run;
mod tools;

pub use figures::{printed, printed_bound};
pub use inputs::{param_summary, persistence_sets, preset, presets, priors, schema};
pub use run::{merge, simulate, validate, RangeRun};
pub use tools::{compare, mentor_needs, plan, solve, value_of_information};

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

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
