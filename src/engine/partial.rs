//! What a range of trials adds up to, in a form that merges: the sketches,
//! tallies and kept samples of a [`Partial`] result (what a worker sends),
//! and how the partials of one run merge into the whole run's.

use crate::engine::model::Model;
use crate::model::error::Error;
use crate::model::limits::MAX_PARTIAL_BYTES;
use crate::model::options::RunOptions;
use crate::model::outputs::{row_len, SeriesSet, N_TOTALS, PERSPECTIVES};
use crate::stats::sketch::Sketch;
use serde::{Deserialize, Serialize};

/// Tallies of one target over a range of trials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetTally {
    /// Trials that meet the target in its year.
    pub met: u64,
    /// Per year, trials whose metric is at or above the target value.
    pub met_by_year: Vec<u64>,
    /// Per year, trials that first reach the value that year; the last
    /// entry counts trials that never do.
    pub first_year_met: Vec<u64>,
}

/// Inputs and outputs of the first trials, for rank correlations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Samples {
    /// Trial indices, in the order of the rows.
    pub trials: Vec<u64>,
    /// One row of [`PARAMS`](crate::model::params::PARAMS) values per trial.
    pub inputs: Vec<Vec<f64>>,
    /// One row of [`SENSITIVITY_OUTPUTS`](crate::model::outputs::SENSITIVITY_OUTPUTS) values per trial; an undefined
    /// value (infinite) travels as `null`, which JSON can hold.
    #[serde(with = "undefined_as_null")]
    pub outputs: Vec<Vec<f64>>,
}

/// Rows of numbers where an undefined (infinite) value is written `null`
/// and read back as infinite: a partial result with kept samples must
/// survive its byte form, and JSON has no infinity.
mod undefined_as_null {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(rows: &[Vec<f64>], s: S) -> Result<S::Ok, S::Error> {
        let rows: Vec<Vec<Option<f64>>> = rows
            .iter()
            .map(|r| r.iter().map(|x| x.is_finite().then_some(*x)).collect())
            .collect();
        rows.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<f64>>, D::Error> {
        let rows = Vec::<Vec<Option<f64>>>::deserialize(d)?;
        Ok(rows
            .into_iter()
            .map(|r| r.into_iter().map(|x| x.unwrap_or(f64::INFINITY)).collect())
            .collect())
    }
}

impl Samples {
    /// Keeps one trial.
    pub fn push(&mut self, trial: u64, inputs: &[f64], outputs: &[f64]) {
        self.trials.push(trial);
        self.inputs.push(inputs.to_vec());
        self.outputs.push(outputs.to_vec());
    }
}

/// One partner's sketches over a range of trials, as the programme's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartPartial {
    /// One sketch per series and year, series-major.
    pub cells: Vec<Sketch>,
    /// One sketch per total.
    pub totals: Vec<Sketch>,
}

impl PartPartial {
    fn merge(&mut self, other: &PartPartial) {
        merge_all(&mut self.cells, &other.cells);
        merge_all(&mut self.totals, &other.totals);
    }
}

/// Merges each sketch of `b` into its counterpart in `a`.
fn merge_all(a: &mut [Sketch], b: &[Sketch]) {
    a.iter_mut().zip(b).for_each(|(x, y)| x.merge(y));
}

/// The mergeable summary of a range of trials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    /// Fingerprint of the scenario that produced it.
    pub fingerprint: u64,
    /// The run's seed.
    pub seed: u64,
    /// Trials in the whole run.
    pub trials: u64,
    /// First trial of the range.
    pub first_trial: u64,
    /// Trials in the range.
    pub trial_count: u64,
    /// One sketch per series and year, series-major.
    pub cells: Vec<Sketch>,
    /// One sketch per total.
    pub totals: Vec<Sketch>,
    /// Per perspective ([`PERSPECTIVES`] order), trials whose benefit
    /// exceeds the cost.
    pub exceeds: Vec<u64>,
    /// One tally per target.
    pub targets: Vec<TargetTally>,
    /// Kept inputs, when asked for.
    pub samples: Option<Samples>,
    /// The series summarised (the others' cells stay empty).
    #[serde(default)]
    pub series: SeriesSet,
    /// Each partner's sketches, in the order of the scenario's partners
    /// (none for a programme without partners).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<PartPartial>,
}

impl Partial {
    /// Serialises the partial to bytes (to send from a worker).
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
    /// Reads bytes written by [`Partial::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Partial, Error> {
        serde_json::from_slice(bytes)
            .map_err(|e| Error::Merge(format!("unreadable partial result ({e})")))
    }
}

/// Refuses a partial result of `len` bytes, at `field`, when it is larger
/// than a partial can be ([`MAX_PARTIAL_BYTES`]): checked before it is
/// copied into the engine's memory.
#[inline]
pub fn check_size(field: &str, len: u32) -> Result<(), Error> {
    if len > MAX_PARTIAL_BYTES {
        return Err(Error::input(
            field,
            format!("a partial result is at most {MAX_PARTIAL_BYTES} bytes, got {len}"),
        ));
    }
    Ok(())
}

/// Merges partial results into one; the order of `parts` does not matter.
/// They must come from the same model and options and be disjoint; the
/// merged range must be contiguous.
pub fn merge(model: &Model, opts: &RunOptions, mut parts: Vec<Partial>) -> Result<Partial, Error> {
    parts.sort_by_key(|p| p.first_trial);
    let mut it = parts.into_iter();
    let mut acc = it
        .next()
        .ok_or_else(|| Error::Merge("no partial results".into()))?;
    check_belongs(model, opts, &acc)?;
    for p in it {
        check_belongs(model, opts, &p)?;
        if p.first_trial != acc.first_trial + acc.trial_count {
            return Err(Error::Merge(format!(
                "trials {}..{} do not follow trials {}..{}",
                p.first_trial,
                p.first_trial + p.trial_count,
                acc.first_trial,
                acc.first_trial + acc.trial_count
            )));
        }
        acc.trial_count += p.trial_count;
        merge_all(&mut acc.cells, &p.cells);
        merge_all(&mut acc.totals, &p.totals);
        acc.exceeds
            .iter_mut()
            .zip(&p.exceeds)
            .for_each(|(a, b)| *a += b);
        for (a, b) in acc.targets.iter_mut().zip(&p.targets) {
            a.met += b.met;
            a.met_by_year
                .iter_mut()
                .zip(&b.met_by_year)
                .for_each(|(x, y)| *x += y);
            a.first_year_met
                .iter_mut()
                .zip(&b.first_year_met)
                .for_each(|(x, y)| *x += y);
        }
        acc.partners
            .iter_mut()
            .zip(&p.partners)
            .for_each(|(a, b)| a.merge(b));
        if let (Some(a), Some(b)) = (acc.samples.as_mut(), p.samples) {
            a.trials.extend(b.trials);
            a.inputs.extend(b.inputs);
            a.outputs.extend(b.outputs);
        }
    }
    Ok(acc)
}

fn check_belongs(model: &Model, opts: &RunOptions, p: &Partial) -> Result<(), Error> {
    let ny = model.years.len();
    if p.fingerprint != model.fingerprint || p.seed != opts.seed || p.trials != opts.trials {
        return Err(Error::Merge(
            "a partial result comes from another scenario, seed or trial count".into(),
        ));
    }
    if p.series != opts.series {
        return Err(Error::Merge(
            "a partial result summarises other series than the run asks for".into(),
        ));
    }
    if p.cells.len() != row_len(ny)
        || p.totals.len() != N_TOTALS
        || p.exceeds.len() != PERSPECTIVES.len()
        || p.targets.len() != model.scenario.targets.len()
        || p.partners.len() != model.parts.len()
        || p.partners
            .iter()
            .any(|q| q.cells.len() != row_len(ny) || q.totals.len() != N_TOTALS)
    {
        return Err(Error::Merge("a partial result has the wrong shape".into()));
    }
    Ok(())
}
