//! `mentorsim run` over threads: the trials split into ranges, run on a few
//! threads with a progress bar on a terminal, and merged. The answer is the
//! same bytes whatever the split (each trial draws from its own streams).

use mentorsim::{Error, RangeRun, RunOptions, Scenario, MAX_TRIALS};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};

/// Trials a worker thread runs between two progress reports.
const PROGRESS_EVERY: u64 = 1000;

/// Runs the trials in chunks over threads and merges them; the result is the
/// same bytes whatever the split.
pub fn run_parallel(
    s: &Scenario,
    opts: &RunOptions,
    threads: Option<usize>,
    chunks: Option<u64>,
) -> Result<mentorsim::RunResult, Error> {
    let problems = opts.validate();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let chunks = chunks
        .unwrap_or(threads as u64)
        .clamp(1, opts.trials.min(MAX_TRIALS));
    let ranges: Vec<RunOptions> = (0..chunks)
        .map(|c| {
            let first = opts.trials * c / chunks;
            let end = opts.trials * (c + 1) / chunks;
            RunOptions {
                first_trial: first,
                trial_count: Some(end - first),
                ..*opts
            }
        })
        .collect();
    let done = AtomicU64::new(0);
    let show = std::io::stderr().is_terminal() && opts.trials >= 100_000;
    let shown = AtomicU64::new(0);
    let tick = |n: u64| {
        let total = done.fetch_add(n, Ordering::Relaxed) + n;
        let percent = total * 100 / opts.trials;
        if show && shown.fetch_max(percent, Ordering::Relaxed) < percent {
            let bar = "#".repeat((percent / 4) as usize);
            eprint!("\r[{bar:<25}] {percent:>3} % of {} trials", opts.trials);
            if percent == 100 {
                eprintln!();
            }
        }
    };
    let next = AtomicU64::new(0);
    let parts = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(ranges.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                        let Some(range) = ranges.get(i) else { break };
                        let part = RangeRun::start(s, range).map(|mut run| {
                            let mut last = 0;
                            while !run.finished() {
                                let done = run.step(PROGRESS_EVERY);
                                tick(done - last);
                                last = done;
                            }
                            run.into_partial()
                        });
                        mine.push(part);
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect::<Vec<_>>()
    });
    let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
    mentorsim::merge(s, opts, parts)
}
