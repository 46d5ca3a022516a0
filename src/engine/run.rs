//! Running a range of trials: what the trials add up to, and a run that goes
//! a step at a time.
//!
//! [`RangeRun`] runs a range of trials in as many steps as its caller likes,
//! keeping its summary between them; however it is stepped, it ends with the
//! same [`Partial`]. A worker or the command line reports progress between
//! steps, a page's thread lets the browser draw, and neither needs to merge
//! anything. In WebAssembly it is also faster: a browser first runs a
//! function in quickly compiled code and switches to optimised code only on a
//! later call, so a range run in one call never gets the optimised code.

use crate::engine::model::parts::PartOutputs;
use crate::engine::model::{Model, SAMPLE_CAP};
use crate::engine::partial::{PartPartial, Partial, Samples, TargetTally};
use crate::model::error::Error;
use crate::model::options::RunOptions;
use crate::model::outputs::{
    cumulative, row_index, row_len, Ranked, SeriesSet, Totals, N_SERIES, N_TOTALS, PERSPECTIVES,
    SENSITIVITY_OUTPUTS, SERIES,
};
use crate::model::params::Draws;
use crate::model::scenario::Scenario;
use crate::stats::sketch::Sketch;

/// Trials whose values are held before they are recorded (measured: 1,024
/// runs the 100,000-trial benchmark about a fifth faster than recording each
/// trial at once).
const BATCH: usize = 1024;

/// What the trials of a range have added up to so far.
struct Tally {
    cells: Vec<Sketch>,
    totals: Vec<Sketch>,
    targets: Vec<TargetTally>,
    /// Per perspective, trials whose benefit exceeds the cost.
    exceeds: Vec<u64>,
    samples: Option<Samples>,
    /// The last trial's values (series-major, then years) and totals.
    row: Vec<f64>,
    total: Totals,
    inputs: Draws,
    /// The last `filled` trials' rows, one after another
    /// (`batch[j * width + cell]`), recorded one cell at a time when the
    /// batch is full: a cell's buckets (megabytes in all) then take a
    /// thousand values at once, instead of every trial touching every cell.
    /// Rows are copied whole; a cell's values are read across them, and the
    /// next cell's values sit in the cache lines just read. A sketch does
    /// not depend on the order of its values, so the result is the same bits.
    batch: Vec<f64>,
    len: usize,
    filled: usize,
    /// A buffer for [`Sketch::add_all`].
    keys: Vec<u32>,
    /// The series summarised.
    series: SeriesSet,
    /// Each partner's sketches, and the buffers a trial fills for them
    /// (none for a programme without partners).
    parts: Vec<PartPartial>,
    part_outputs: PartOutputs,
    /// The last `filled` trials' partner rows and totals, held as `batch`
    /// holds the programme's: trial `i`'s partner `j` at
    /// `(i * parts + j) * (width + N_TOTALS)`.
    part_batch: Vec<f64>,
}

impl Tally {
    fn new(model: &Model, opts: &RunOptions) -> Tally {
        let ny = model.years.len();
        let width = row_len(ny);
        let len = (opts.count() as usize).clamp(1, BATCH);
        Tally {
            cells: vec![Sketch::default(); width],
            totals: vec![Sketch::default(); N_TOTALS],
            targets: model
                .targets
                .iter()
                .map(|_| TargetTally {
                    met: 0,
                    met_by_year: vec![0; ny],
                    first_year_met: vec![0; ny + 1],
                })
                .collect(),
            exceeds: vec![0; PERSPECTIVES.len()],
            samples: opts.sensitivity.then(Samples::default),
            row: vec![0.0; width],
            total: Totals([0.0; N_TOTALS]),
            inputs: Draws::default(),
            batch: vec![0.0; width * len],
            len,
            filled: 0,
            keys: Vec::with_capacity(len),
            series: opts.series,
            parts: model
                .parts
                .iter()
                .map(|_| PartPartial {
                    cells: vec![Sketch::default(); width],
                    totals: vec![Sketch::default(); N_TOTALS],
                })
                .collect(),
            part_outputs: model.part_outputs(),
            part_batch: vec![0.0; model.parts.len() * (width + N_TOTALS) * len],
        }
    }

    /// Runs trials `from..to` of a run seeded with `seed`.
    fn add_trials(&mut self, model: &Model, seed: u64, from: u64, to: u64) {
        let ny = model.years.len();
        for trial in from..to {
            let parts = &mut self.part_outputs;
            let total = model.trial_with(seed, trial, &mut self.inputs, &mut self.row, parts);
            hold_parts(&mut self.part_batch, self.filled, parts);
            self.total = total;
            let row = &self.row;
            let width = row.len();
            self.batch[self.filled * width..][..width].copy_from_slice(row);
            for (sketch, &v) in self.totals.iter_mut().zip(&total.0) {
                sketch.add(v);
            }
            for (count, spec) in self.exceeds.iter_mut().zip(&PERSPECTIVES) {
                *count += u64::from(total[spec.net] > 0.0);
            }
            for (tally, &(series, year, value)) in self.targets.iter_mut().zip(&model.targets) {
                let at = |t: usize| row[row_index(series, t, ny)] >= value;
                tally.met += u64::from(at(year));
                let mut first = ny;
                for t in (0..ny).rev() {
                    if at(t) {
                        tally.met_by_year[t] += 1;
                        first = t;
                    }
                }
                tally.first_year_met[first] += 1;
            }
            if let Some(s) = self.samples.as_mut().filter(|_| trial < SAMPLE_CAP) {
                let outs = SENSITIVITY_OUTPUTS.map(|o| match o {
                    Ranked::Cumulative(series) => {
                        row[row_index(cumulative(series as usize), ny - 1, ny)]
                    }
                    Ranked::Total(t) => total[t],
                });
                s.push(trial, &self.inputs.0, &outs);
            }
            self.filled += 1;
            if self.filled == self.len {
                self.flush();
            }
        }
    }

    /// Records the held values in their cells.
    fn flush(&mut self) {
        let filled = self.filled;
        let ny = self.cells.len() / row_len(1);
        let width = self.cells.len();
        for (c, cell) in self.cells.iter_mut().enumerate() {
            if !summarised(c, ny, self.series) {
                continue;
            }
            let values = self.batch[c..].iter().step_by(width).take(filled);
            cell.add_all(values.copied(), &mut self.keys);
        }
        let (n, stride) = (self.parts.len(), width + N_TOTALS);
        for (j, part) in self.parts.iter_mut().enumerate() {
            let held = |k: usize| {
                self.part_batch[j * stride + k..]
                    .iter()
                    .step_by(n * stride)
                    .take(filled)
                    .copied()
            };
            for (c, cell) in part.cells.iter_mut().enumerate() {
                if summarised(c, ny, self.series) {
                    cell.add_all(held(c), &mut self.keys);
                }
            }
            for (k, sketch) in part.totals.iter_mut().enumerate() {
                sketch.add_all(held(width + k), &mut self.keys);
            }
        }
        self.filled = 0;
    }

    fn into_partial(mut self, model: &Model, opts: &RunOptions) -> Partial {
        self.flush();
        Partial {
            fingerprint: model.fingerprint,
            seed: opts.seed,
            trials: opts.trials,
            first_trial: opts.first_trial,
            trial_count: opts.count(),
            cells: self.cells,
            totals: self.totals,
            exceeds: self.exceeds,
            targets: self.targets,
            samples: self.samples,
            series: self.series,
            partners: self.parts,
        }
    }
}

/// Whether cell `c` of a row of `ny` years is summarised: not a running
/// total that means nothing, nor a series left out of the run's set.
fn summarised(c: usize, ny: usize, series: SeriesSet) -> bool {
    let s = c / ny;
    !(s >= N_SERIES && !SERIES[s - N_SERIES].cumulated || !series.contains(s))
}

/// Holds each partner's values and totals of one trial, the `filled`-th of
/// the batch.
fn hold_parts(batch: &mut [f64], filled: usize, out: &PartOutputs) {
    let n = out.rows.len();
    for (j, (row, total)) in out.rows.iter().zip(&out.totals).enumerate() {
        let stride = row.len() + total.0.len();
        let at = &mut batch[(filled * n + j) * stride..][..stride];
        at[..row.len()].copy_from_slice(row);
        at[row.len()..].copy_from_slice(&total.0);
    }
}

/// A range of trials run a step at a time; see the module's documentation.
///
/// ```
/// use mentorsim::model::presets;
/// use mentorsim::{RangeRun, RunOptions};
/// let scenario = presets::get("team4job").unwrap();
/// let opts = RunOptions { trials: 300, seed: 4, ..Default::default() };
/// let mut run = RangeRun::start(&scenario, &opts).unwrap();
/// while !run.finished() {
///     run.step(64);
/// }
/// let stepped = run.into_partial();
/// let whole = mentorsim::simulate_partial(&scenario, &opts).unwrap();
/// assert_eq!(stepped, whole);
/// ```
pub struct RangeRun {
    model: Model,
    opts: RunOptions,
    next: u64,
    tally: Tally,
}

impl RangeRun {
    /// Checks the scenario and the options (every problem at once, as
    /// [`crate::simulate`] does) and prepares the run of their range.
    pub fn start(scenario: &Scenario, opts: &RunOptions) -> Result<RangeRun, Error> {
        let model = Model::prepare(scenario, opts)?;
        let tally = Tally::new(&model, opts);
        Ok(RangeRun {
            model,
            opts: *opts,
            next: opts.first_trial,
            tally,
        })
    }

    /// Runs up to `count` more trials (at least one while any remain) and
    /// returns the trials of the range done so far.
    pub fn step(&mut self, count: u64) -> u64 {
        let end = self.opts.first_trial + self.opts.count();
        let to = end.min(self.next.saturating_add(count.max(1)));
        self.tally
            .add_trials(&self.model, self.opts.seed, self.next, to);
        self.next = to;
        self.done()
    }

    /// The model the range runs.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The values (series-major, then years) and the totals of the last
    /// trial run: for a caller that reads each trial as it is recorded, as
    /// B against A does on the same trials.
    pub fn last_trial(&self) -> (&[f64], &Totals) {
        (&self.tally.row, &self.tally.total)
    }

    /// Trials of the range done so far.
    pub fn done(&self) -> u64 {
        self.next - self.opts.first_trial
    }

    /// Whether every trial of the range has run.
    pub fn finished(&self) -> bool {
        self.done() == self.opts.count()
    }

    /// Runs what remains and returns the range's mergeable summary: the same
    /// bits however the range was stepped.
    pub fn into_partial(self) -> Partial {
        self.finish().1
    }

    /// Runs what remains; the model and the range's partial result (which
    /// [`RangeRun::into_result`] summarises).
    pub(crate) fn finish(mut self) -> (Model, Partial) {
        let left = self.opts.count() - self.done();
        if left > 0 {
            self.step(left);
        }
        let partial = self.tally.into_partial(&self.model, &self.opts);
        (self.model, partial)
    }
}
