//! The built-in scenarios, each citing the EVIDENCE rows its figures come
//! from. They live as JSON in `presets/` and are read through the same
//! parser and validation as a user's scenario file.

use crate::model::error::Error;
use crate::model::scenario::{from_json, Scenario};

const PRESETS: [(&str, &str); 5] = [
    (
        "actiris-2028",
        include_str!("../../presets/actiris-2028.json"),
    ),
    (
        "targets-2030-2035",
        include_str!("../../presets/targets-2030-2035.json"),
    ),
    (
        "duo-for-a-job",
        include_str!("../../presets/duo-for-a-job.json"),
    ),
    ("team4job", include_str!("../../presets/team4job.json")),
    (
        "brussels-2018-2019",
        include_str!("../../presets/brussels-2018-2019.json"),
    ),
];

/// The preset the page and the CLI start from.
pub const DEFAULT: &str = "actiris-2028";

/// The preset ids, in display order.
pub fn ids() -> Vec<&'static str> {
    PRESETS.iter().map(|(id, _)| *id).collect()
}

/// The preset's scenario.
pub fn get(id: &str) -> Result<Scenario, Error> {
    let (_, text) = PRESETS
        .iter()
        .find(|(k, _)| *k == id)
        .ok_or_else(|| Error::UnknownPreset {
            id: id.to_string(),
            known: ids(),
        })?;
    from_json(text)
}

/// Every preset's scenario, in display order.
pub fn all() -> Vec<Scenario> {
    ids().into_iter().filter_map(|id| get(id).ok()).collect()
}
