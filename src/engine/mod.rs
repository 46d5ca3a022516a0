//! How a run is computed: the random streams, the draws, one trial year by
//! year, and ranges of trials whose partial results merge.

pub mod binomial;
pub mod model;
pub mod partial;
pub mod rng;
pub mod run;
pub mod sampler;
pub mod whole;
