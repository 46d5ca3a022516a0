//! Tier 2, value stability: a fixed seed gives these exact numbers, natively
//! and in WebAssembly (this file runs on both; `make test` runs it under Node
//! through wasm-bindgen-test). Both compare against the same golden files, so
//! the two targets agree byte for byte.
//!
//! After a deliberate change to the model, regenerate the files natively with
//! `MENTORSIM_BLESS=1 cargo test --release --test value_stability` and say why
//! in the commit.

use mentorsim::model::presets;
use mentorsim::{simulate, RunOptions};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

const GOLDEN: [(&str, &str); 5] = [
    ("actiris-2028", include_str!("golden/actiris-2028.json")),
    (
        "targets-2030-2035",
        include_str!("golden/targets-2030-2035.json"),
    ),
    ("duo-for-a-job", include_str!("golden/duo-for-a-job.json")),
    ("team4job", include_str!("golden/team4job.json")),
    (
        "brussels-2018-2019",
        include_str!("golden/brussels-2018-2019.json"),
    ),
];

/// The `--json` of `mentorsim run --preset ID --trials 1000 --seed 7 --sensitivity`.
fn result_json(id: &str) -> String {
    let scenario = presets::get(id).expect("preset");
    let opts = RunOptions {
        trials: 1000,
        seed: 7,
        sensitivity: true,
        ..RunOptions::default()
    };
    serde_json::to_string_pretty(&simulate(&scenario, &opts).expect("runs")).expect("serialises")
        + "\n"
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn every_preset_gives_the_golden_bytes() {
    for (id, golden) in GOLDEN {
        let got = result_json(id);
        #[cfg(not(target_arch = "wasm32"))]
        if std::env::var_os("MENTORSIM_BLESS").is_some() {
            let path = format!("{}/tests/golden/{id}.json", env!("CARGO_MANIFEST_DIR"));
            std::fs::write(path, &got).expect("writes golden file");
            continue;
        }
        assert!(
            got == golden,
            "{id}: the result differs from tests/golden/{id}.json"
        );
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn chunks_merge_to_the_whole_run() {
    let scenario = presets::get("targets-2030-2035").expect("preset");
    let opts = RunOptions {
        trials: 700,
        seed: 3,
        sensitivity: true,
        ..RunOptions::default()
    };
    let whole = simulate(&scenario, &opts).expect("runs");
    let cuts = [0, 1, 99, 100, 350, 699, 700];
    let parts: Vec<_> = cuts
        .windows(2)
        .rev()
        .map(|w| {
            let range = RunOptions {
                first_trial: w[0],
                trial_count: Some(w[1] - w[0]),
                ..opts
            };
            mentorsim::simulate_partial(&scenario, &range).expect("runs")
        })
        .collect();
    assert_eq!(
        mentorsim::merge(&scenario, &opts, parts).expect("merges"),
        whole
    );
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn partials_survive_their_byte_form() {
    let scenario = presets::get("actiris-2028").expect("preset");
    let opts = RunOptions {
        trials: 300,
        seed: 9,
        sensitivity: true,
        ..RunOptions::default()
    };
    let part = mentorsim::simulate_partial(&scenario, &opts).expect("runs");
    // Kept samples with an undefined ratio (no additional job) among them.
    let samples = part.samples.as_ref().expect("samples kept");
    assert!(samples.outputs.iter().flatten().any(|x| x.is_infinite()));
    assert_eq!(
        mentorsim::Partial::from_bytes(&part.to_bytes()).expect("reads"),
        part
    );
    // Split in two, through bytes, merged: the whole run.
    let half = |first: u64| RunOptions {
        first_trial: first,
        trial_count: Some(150),
        ..opts
    };
    let bytes: Vec<Vec<u8>> = [0, 150]
        .iter()
        .map(|&f| {
            mentorsim::simulate_partial(&scenario, &half(f))
                .expect("runs")
                .to_bytes()
        })
        .collect();
    let parts = bytes
        .iter()
        .map(|b| mentorsim::Partial::from_bytes(b).expect("reads"))
        .collect();
    assert_eq!(
        mentorsim::merge(&scenario, &opts, parts).expect("merges"),
        mentorsim::simulate(&scenario, &opts).expect("runs")
    );
    let other = presets::get("team4job").expect("preset");
    let err = mentorsim::merge(&other, &opts, vec![part])
        .unwrap_err()
        .to_string();
    assert!(err.contains("another scenario"), "{err}");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn a_range_run_in_steps_of_any_size_gives_the_same_bits() {
    let scenario = presets::get("duo-for-a-job").expect("preset");
    // Steps around the 1,024-trial batch, over a range that starts mid-run.
    let opts = RunOptions {
        trials: 3000,
        seed: 11,
        first_trial: 5,
        trial_count: Some(2600),
        sensitivity: true,
        ..Default::default()
    };
    let whole = mentorsim::simulate_partial(&scenario, &opts).expect("runs");
    let mut run = mentorsim::RangeRun::start(&scenario, &opts).expect("starts");
    let mut done = Vec::new();
    for size in [1, 7, 1023, 1024, 1025].into_iter().cycle() {
        if run.finished() {
            break;
        }
        done.push(run.step(size));
    }
    assert_eq!(done, [1, 8, 1031, 2055, 2600]);
    assert_eq!(run.into_partial(), whole);

    // Stopped half way, the rest runs when the summary is asked for.
    let mut run = mentorsim::RangeRun::start(&scenario, &opts).expect("starts");
    run.step(1300);
    assert!(!run.finished());
    assert_eq!(run.into_result(), simulate(&scenario, &opts).expect("runs"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn a_run_of_some_series_gives_their_bits_and_only_theirs() {
    use mentorsim::model::outputs::SeriesSet;
    let scenario = presets::get("targets-2030-2035").expect("preset");
    let all = RunOptions {
        trials: 1500,
        seed: 5,
        ..Default::default()
    };
    let names = ["employed_cumulative", "mentors_needed", "limited_by_money"];
    let some = RunOptions {
        series: SeriesSet::from_names(&names).expect("known names"),
        ..all
    };
    let full = simulate(&scenario, &all).expect("runs");
    let part = simulate(&scenario, &some).expect("runs");
    let mut kept: Vec<&str> = part.series.keys().map(String::as_str).collect();
    kept.sort_unstable();
    assert_eq!(
        kept,
        ["employed_cumulative", "limited_by_money", "mentors_needed"]
    );
    for name in names {
        assert_eq!(part.series[name], full.series[name], "{name}");
    }
    // Everything that is not a series is the same bits.
    let strip = |mut r: mentorsim::RunResult| {
        r.series.clear();
        r
    };
    assert_eq!(strip(part), strip(full));

    // Partials of other series do not merge into this run; a run split over
    // ranges merges to the run in one piece.
    let range = |first, count, opts: RunOptions| RunOptions {
        first_trial: first,
        trial_count: Some(count),
        ..opts
    };
    let halves = vec![
        mentorsim::simulate_partial(&scenario, &range(0, 700, some)).expect("runs"),
        mentorsim::simulate_partial(&scenario, &range(700, 800, some)).expect("runs"),
    ];
    assert_eq!(
        mentorsim::merge(&scenario, &some, halves.clone()).expect("merges"),
        simulate(&scenario, &some).expect("runs")
    );
    let err = mentorsim::merge(&scenario, &all, halves)
        .unwrap_err()
        .to_string();
    assert!(err.contains("other series"), "{err}");
}
