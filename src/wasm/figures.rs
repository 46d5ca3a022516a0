//! How the page prints a figure, by the rule the command line follows: the
//! digits its Monte Carlo error supports, and a chance that no trial or
//! every trial showed.

use wasm_bindgen::prelude::*;

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
    let bound = crate::model::limits::trial_count(trials)
        .and_then(|n| crate::stats::rounding::printed_bound(p, n));
    match bound {
        Some(b) => vec![b.value, b.decimals as f64, f64::from(u8::from(b.above))],
        None => Vec::new(),
    }
}
