//! Speed of the engine: `cargo bench` (or `make bench`).
//!
//! The goal is 100,000 trials of `targets-2030-2035` in under 0.4 s on one
//! thread in release (about 250,000 trials a second).

use divan::Bencher;
use mentorsim::model::presets;
use mentorsim::{RunOptions, Scenario};

fn main() {
    divan::main();
}

/// A preset and a run of `trials` trials of it with seed 1.
fn case(preset: &str, trials: u64) -> (Scenario, RunOptions) {
    let scenario = presets::get(preset).expect("preset");
    let opts = RunOptions {
        trials,
        seed: 1,
        ..RunOptions::default()
    };
    (scenario, opts)
}

/// Times a whole run (trials and summary) of `trials` trials of `preset`.
fn bench_run(b: Bencher, preset: &str, trials: u64) {
    let (scenario, opts) = case(preset, trials);
    b.bench(|| mentorsim::simulate(&scenario, &opts).expect("run"));
}

/// 100,000 trials of the political targets (11 years, unlimited money), one thread.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn targets_2030_2035_100k(b: Bencher) {
    bench_run(b, "targets-2030-2035", 100_000);
}

/// 10,000 trials of the default preset (what the page runs first), one thread.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn actiris_2028_10k(b: Bencher) {
    bench_run(b, "actiris-2028", 10_000);
}

/// The page's quick answer while a slider moves: 1,000 trials of the default
/// preset, summarised, one thread.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn actiris_2028_1k(b: Bencher) {
    bench_run(b, "actiris-2028", 1_000);
}

/// The page's quick answer as it asks for it: 1,000 trials of the default
/// preset, summarising only the series of its headline cards (the names of
/// `headlineSeries()` in www/lib/results.js for this preset), one thread.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn actiris_2028_1k_headline(b: Bencher) {
    let (scenario, mut opts) = case("actiris-2028", 1_000);
    opts.series = mentorsim::model::outputs::SeriesSet::from_names(&[
        "duos_started_cumulative",
        "employed_cumulative",
        "net_additional_employed_cumulative",
        "public_cost_cumulative",
        "budget_needed",
        "budget_needed_cumulative",
        "mentors_needed",
        "limited_by_money",
        "limited_by_mentors",
        "limited_by_plan",
    ])
    .expect("series names");
    b.bench(|| mentorsim::simulate(&scenario, &opts).expect("run"));
}

/// The page's full answer after the trials: two workers' halves of 10,000
/// trials of the default preset written as bytes, read back, merged and
/// summarised (the trials themselves are not timed).
#[divan::bench(sample_count = 20, sample_size = 1)]
fn actiris_2028_merge_two(b: Bencher) {
    let (scenario, opts) = case("actiris-2028", 10_000);
    let half = |first: u64| {
        let range = RunOptions {
            first_trial: first,
            trial_count: Some(5_000),
            ..opts
        };
        mentorsim::simulate_partial(&scenario, &range)
            .expect("run")
            .to_bytes()
    };
    let bytes = [half(0), half(5_000)];
    b.bench(|| {
        let parts = bytes
            .iter()
            .map(|b| mentorsim::Partial::from_bytes(b).expect("partial"))
            .collect();
        mentorsim::merge(&scenario, &opts, parts).expect("merge")
    });
}
