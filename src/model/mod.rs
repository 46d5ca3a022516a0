//! What a run is asked: a scenario and its parts, the uncertain parameters,
//! the named outputs, the evidence priors, the named persistence sets, the presets, the limits and every
//! rule an input must meet.

pub mod counterfactual;
pub mod distribution;
pub mod error;
pub mod forms;
pub mod headlines;
pub mod input;
pub mod limits;
pub mod options;
pub mod outputs;
pub mod params;
pub mod partnered;
pub mod partners;
pub mod persistence;
pub mod presets;
pub mod priors;
pub mod programme;
pub mod scenario;
pub mod schema;
pub mod text;
pub mod units;
pub mod validate;
