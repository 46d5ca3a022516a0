#![cfg(not(target_arch = "wasm32"))]
//! The `mentorsim` command end to end: listing, showing and running presets,
//! the JSON and CSV outputs, reproducibility, and errors on bad input.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const PRESETS: [&str; 5] = [
    "actiris-2028",
    "targets-2030-2035",
    "duo-for-a-job",
    "team4job",
    "brussels-2018-2019",
];

const QUANTILES: [&str; 7] = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"];

fn mentorsim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mentorsim"))
        .args(args)
        .output()
        .expect("the binary starts")
}

/// Runs and expects success; returns stdout.
fn ok(args: &[&str]) -> String {
    let out = mentorsim(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Runs and expects a clean failure; returns stderr.
fn fails(args: &[&str]) -> String {
    let out = mentorsim(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed to stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    stderr
}

/// A temporary file holding `text`, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("mentorsim-cli-{}-{n}-{name}", std::process::id()));
        std::fs::write(&path, text).expect("temp file written");
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn shown(id: &str) -> Value {
    serde_json::from_str(&ok(&["show", "--preset", id])).expect("show prints JSON")
}

fn run_json(args: &[&str]) -> Value {
    let mut all = vec!["run", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(&all)).expect("run --json prints JSON")
}

fn f64_of(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn presets_lists_the_five_with_descriptions() {
    let out = ok(&["presets"]);
    let heads: Vec<&str> = out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(heads, PRESETS);
    for s in mentorsim::model::presets::all() {
        assert!(!s.description.en.is_empty(), "{}", s.id);
        assert!(
            out.contains(&s.description.en),
            "no description of {}",
            s.id
        );
        assert!(out.contains(&s.name.en), "no name of {}", s.id);
    }
}

#[test]
fn a_shown_preset_runs_as_a_file_to_the_same_bytes() {
    for id in PRESETS {
        let file = TempFile::new(&format!("{id}.json"), &ok(&["show", "--preset", id]));
        let common = ["--json", "--trials", "300", "--seed", "5"];
        let from_file = ok(&[&["run", "--scenario", file.path()][..], &common].concat());
        let from_preset = ok(&[&["run", "--preset", id][..], &common].concat());
        assert_eq!(from_file, from_preset, "{id}");
    }
}

#[test]
fn every_preset_runs_in_text_mode() {
    for id in PRESETS {
        let out = ok(&["run", "--preset", id, "--trials", "200", "--seed", "3"]);
        let has_targets = !shown(id)["targets"].as_array().unwrap().is_empty();
        assert_eq!(out.contains("TARGETS"), has_targets, "{id}:\n{out}");
        for needle in ["TOTALS", "PER YEAR", "trials, seed"] {
            assert!(out.contains(needle), "{id}: no `{needle}` in\n{out}");
        }
        text_tables_carry_their_spread(id, &out);
    }
}

/// Each account's chance comes with its Monte Carlo band (or, when no trial
/// or every trial showed it, with the trial count and the bound they allow),
/// and each uncertain input with its 90 % interval around its mean.
fn text_tables_carry_their_spread(id: &str, out: &str) {
    let section = |head: &str| -> Vec<&str> {
        out.lines()
            .skip_while(|l| !l.starts_with(head))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .collect()
    };
    let accounts = section("ACCOUNTS");
    assert!(!accounts.is_empty(), "{id}: no ACCOUNTS in\n{out}");
    for line in accounts {
        let banded = line.contains(" ± ") && line.contains(" %");
        let bounded = line.contains(" trials; under ") || line.contains(" trials; over ");
        // An account that bears no cost has no chance to give: it says so.
        let no_cost = line.contains("bears no cost: its net is its benefit")
            || line.contains("kept apart, in no ratio");
        assert!(
            banded || bounded || no_cost,
            "{id}: an account's chance without its band: {line}"
        );
    }
    let inputs = section("INPUTS");
    assert!(inputs.len() > 10, "{id}: INPUTS\n{out}");
    let number = |s: &str| {
        s.replace(',', "")
            .parse::<f64>()
            .unwrap_or_else(|_| panic!("{id}: not a number `{s}`"))
    };
    let mut spread = 0;
    for line in inputs {
        let words: Vec<&str> = line.split_whitespace().collect();
        let mean = number(words[1]);
        if words[2] == "fixed" {
            continue;
        }
        assert_eq!(words[3], "-", "{id}: {line}");
        let (p5, p95) = (number(words[2]), number(words[4]));
        assert!(
            p5 <= mean && mean <= p95 && p5 < p95,
            "{id}: mean outside its interval: {line}"
        );
        spread += 1;
    }
    assert!(spread > 10, "{id}: only {spread} inputs with an interval");
}

#[test]
fn json_has_every_key_and_ordered_quantiles() {
    let r = run_json(&["--preset", "actiris-2028", "--trials", "500", "--seed", "9"]);
    assert_eq!(r["seed"], 9);
    assert_eq!(r["trials"], 500);
    let years = r["years"].as_array().unwrap().len();
    assert_eq!(years, 4);
    let series = r["series"].as_object().unwrap();
    for base in [
        "duos_started",
        "duos_completed",
        "employed",
        "positive_exits",
        "net_additional_employed",
        "public_cost",
        "regional_cost",
        "budget_needed",
        "budget_unspent",
        "fiscal_return",
    ] {
        for name in [base.to_string(), format!("{base}_cumulative")] {
            let s = &series.get(&name).unwrap_or_else(|| panic!("no {name}"));
            for key in ["mean"].iter().chain(&QUANTILES) {
                assert_eq!(s[key].as_array().unwrap().len(), years, "{name}.{key}");
            }
        }
    }
    // A level or a share of trials has no running total.
    for base in ["mentors_active", "mentors_needed", "limited_by_money"] {
        assert!(series.contains_key(base), "no {base}");
        assert!(
            !series.contains_key(&format!("{base}_cumulative")),
            "{base}_cumulative"
        );
    }
    for (name, s) in series {
        for t in 0..years {
            let q: Vec<f64> = QUANTILES.iter().map(|k| f64_of(&s[k][t])).collect();
            assert!(q.windows(2).all(|w| w[0] <= w[1]), "{name} year {t}: {q:?}");
        }
    }
    for name in [
        "cost_per_duo",
        "cost_per_job",
        "cost_per_net_job",
        "benefit_cost_ratio",
    ] {
        let t = &r["totals"][name];
        for key in ["mean", "histogram"].iter().chain(&QUANTILES) {
            assert!(t.get(key).is_some(), "totals.{name} has no {key}");
        }
    }
    let p = f64_of(&r["p_benefit_exceeds_cost"]);
    assert!((0.0..=1.0).contains(&p));
    let targets = r["targets"].as_array().unwrap();
    assert!(!targets.is_empty());
    for t in targets {
        for key in [
            "label",
            "metric",
            "kind",
            "year",
            "value",
            "probability_met",
            "probability_met_se",
            "median_year_met",
        ] {
            assert!(t.get(key).is_some(), "a target has no {key}: {t}");
        }
    }
}

#[test]
fn runs_are_reproducible_and_depend_on_the_seed() {
    let args = [
        "run",
        "--preset",
        "duo-for-a-job",
        "--json",
        "--trials",
        "400",
    ];
    let a = ok(&[&args[..], &["--seed", "1"]].concat());
    let b = ok(&[&args[..], &["--seed", "1"]].concat());
    let c = ok(&[&args[..], &["--seed", "2"]].concat());
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn the_split_into_chunks_and_threads_does_not_matter() {
    let base = [
        "run",
        "--preset",
        "targets-2030-2035",
        "--json",
        "--sensitivity",
        "--trials",
        "2000",
        "--seed",
        "17",
    ];
    let one = ok(&[&base[..], &["--chunks", "1", "--threads", "1"]].concat());
    let seven = ok(&[&base[..], &["--chunks", "7", "--threads", "2"]].concat());
    let thirteen = ok(&[&base[..], &["--chunks", "13"]].concat());
    assert!(one.contains("\"sensitivity\": {"), "no sensitivity block");
    assert_eq!(one, seven);
    assert_eq!(one, thirteen);
}

#[test]
fn csv_rows_match_the_json() {
    let args = [
        "--preset",
        "brussels-2018-2019",
        "--trials",
        "300",
        "--seed",
        "4",
    ];
    let csv = ok(&[&["run", "--csv"][..], &args].concat());
    let json = run_json(&args);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("series,year,mean,p5,p10,p25,p50,p75,p90,p95,trials,seed,mean_se,p5_se,p10_se,p25_se,p50_se,p75_se,p90_se,p95_se")
    );
    let years: Vec<i64> = json["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y.as_i64().unwrap())
        .collect();
    let series = json["series"].as_object().unwrap();
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), series.len() * years.len());
    let columns: Vec<&str> = ["mean"].iter().chain(&QUANTILES).copied().collect();
    for row in rows {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells.len(), 20, "{row}");
        let s = &series[cells[0]];
        let year: i64 = cells[1].parse().unwrap();
        let t = years.iter().position(|y| *y == year).expect("a known year");
        for (cell, key) in cells[2..10].iter().zip(&columns) {
            let got: f64 = cell.parse().unwrap();
            assert_eq!(got, f64_of(&s[key][t]), "{row}: {key}");
        }
        assert_eq!(cells[10], "300");
        assert_eq!(cells[11], "4");
        for (cell, key) in cells[12..20].iter().zip(&columns) {
            let got: f64 = cell.parse().unwrap();
            assert_eq!(got, f64_of(&s[format!("{key}_se")][t]), "{row}: {key}_se");
        }
    }
}

/// The actiris preset as JSON text after `edit`.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = shown("actiris-2028");
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn bad_input_fails_cleanly_and_names_the_problem() {
    let negative = TempFile::new(
        "negative.json",
        &edited(|v| v["budget"]["constant"] = (-5).into()),
    );
    let rate = TempFile::new(
        "rate.json",
        &edited(|v| v["outcomes"]["employed"] = 1.7.into()),
    );
    let nan = TempFile::new(
        "nan.json",
        &edited(|v| v["budget"]["constant"] = "NAN-HERE".into()).replace("\"NAN-HERE\"", "NaN"),
    );
    let typo = TempFile::new(
        "typo.json",
        &edited(|v| v["outcomes"]["employd"] = 0.5.into()),
    );
    let reversed = TempFile::new(
        "reversed.json",
        &edited(|v| {
            v["start_year"] = 2028.into();
            v["end_year"] = 2025.into();
        }),
    );
    let not_json = TempFile::new("not-json.json", "start_year = 2025\n");
    let missing = std::env::temp_dir().join(format!(
        "mentorsim-cli-{}-does-not-exist.json",
        std::process::id()
    ));
    let missing = missing.to_str().unwrap();
    let cases: [(&[&str], &[&str]); 10] = [
        (
            &["--scenario", negative.path()],
            &["budget.constant", "got -5"],
        ),
        (
            &["--scenario", rate.path()],
            &["outcomes.employed: a rate must be between 0 and 1, got 1.7"],
        ),
        (&["--scenario", nan.path()], &["budget.constant"]),
        (
            &["--preset", "actiris-2028", "--trials", "1000000000000"],
            &["trials", "1000000000000"],
        ),
        (
            &["--preset", "actiris-2028", "--trials", "0"],
            &["trials", "got 0"],
        ),
        (
            &["--scenario", typo.path()],
            &["outcomes.employd", "unknown field"],
        ),
        (
            &["--scenario", reversed.path()],
            &["end_year", "must not be before start_year"],
        ),
        (&["--preset", "actiris-2029"], &["unknown preset"]),
        (&["--scenario", missing], &["cannot read", "does-not-exist"]),
        (
            &["--scenario", not_json.path()],
            &["cannot read the scenario"],
        ),
    ];
    for (args, needles) in cases {
        let stderr = fails(&[&["run"][..], args].concat());
        for needle in needles {
            assert!(
                stderr.contains(needle),
                "{args:?}: no `{needle}` in {stderr}"
            );
        }
    }
}

#[test]
fn validate_says_valid_or_lists_the_problems() {
    let good = TempFile::new("good.json", &ok(&["show", "--preset", "team4job"]));
    let out = ok(&["validate", "--scenario", good.path()]);
    assert!(out.contains("valid"), "{out}");
    let bad = TempFile::new(
        "bad.json",
        &edited(|v| {
            v["outcomes"]["employed"] = 1.7.into();
            v["budget"]["constant"] = (-5).into();
        }),
    );
    let stderr = fails(&["validate", "--scenario", bad.path()]);
    assert!(stderr.contains("2 problem(s)"), "{stderr}");
    assert!(
        stderr.contains("outcomes.employed: a rate must be between 0 and 1, got 1.7"),
        "{stderr}"
    );
    assert!(stderr.contains("budget.constant"), "{stderr}");
}

#[test]
fn the_public_accounts_benefit_and_cost_divide_to_the_ratio_printed() {
    // Present values on one basis: their quotient is the ratio of the means
    // the JSON states, and that is the mean ratio within 1 %; the command
    // line prints the two figures and the quotient together.
    for preset in ["actiris-2028", "team4job"] {
        let out = ok(&["run", "--preset", preset, "--trials", "2000", "--json"]);
        let r: Value = serde_json::from_str(&out).unwrap();
        let pv = &r["perspectives"]["public"]["present_value"];
        let (b, c) = (f64_of(&pv["benefit"]["mean"]), f64_of(&pv["cost"]["mean"]));
        let stated = f64_of(&pv["ratio_of_means"]);
        assert!(c > 0.0 && b > 0.0, "{preset}: benefit {b}, cost {c}");
        assert!((b / c - stated).abs() <= 1e-12 * stated, "{preset}");
        let mean_ratio = f64_of(&r["totals"]["benefit_cost_ratio"]["mean"]);
        assert!(
            (stated - mean_ratio).abs() <= 0.01 * mean_ratio,
            "{preset}: ratio of means {stated} against mean ratio {mean_ratio}"
        );
        // Accounts that bear no cost give no chance of covering one.
        for who in ["federal", "local", "participants"] {
            let a = &r["perspectives"][who];
            assert!(a["net"]["p50"].is_number(), "{preset} {who}");
            assert!(a.get("p_benefit_exceeds_cost").is_none(), "{preset} {who}");
        }
        for who in ["region", "eu", "public", "society"] {
            assert!(
                r["perspectives"][who]["p_benefit_exceeds_cost"].is_number(),
                "{preset} {who}"
            );
        }
        let text = ok(&["run", "--preset", preset, "--trials", "2000"]);
        assert!(text.contains("(the ratio of the means)"), "{preset}");
    }
}

#[test]
fn a_programme_of_partners_reports_each_and_they_add_up() {
    let r = run_json(&["--preset", "actiris-2028", "--trials", "200"]);
    let partners = r["partners"].as_object().expect("partners");
    assert_eq!(partners.len(), 4);
    let last = |v: &Value| f64_of(&v["series"]["duos_started_cumulative"]["mean"][3]);
    let sum: f64 = partners.values().map(last).sum();
    assert!((sum - last(&r)).abs() < 1e-6 * sum, "{sum} vs {}", last(&r));
    for p in partners.values() {
        assert!(p["totals"]["cost_per_net_job"]["p50"].is_number());
    }
    // A preset without partners has no `partners` key, and says so in words.
    let t = run_json(&["--preset", "team4job", "--trials", "200"]);
    assert!(t.get("partners").is_none());
    let text = ok(&[
        "run",
        "--preset",
        "team4job",
        "--trials",
        "200",
        "--by-partner",
    ]);
    assert!(text.contains("this scenario has no partners"), "{text}");
    let text = ok(&[
        "run",
        "--preset",
        "actiris-2028",
        "--trials",
        "200",
        "--by-partner",
    ]);
    for name in [
        "DUO for a JOB:",
        "Team4Job:",
        "Backstage.Network",
        "Pour la Solidarité",
    ] {
        assert!(text.contains(name), "{name} missing");
    }
    assert_eq!(
        text.matches("No results of its own are published").count(),
        2
    );
    assert_eq!(text.matches("Cost per additional job").count(), 5);
}

#[test]
fn split_finds_a_split_or_sets_one_against_the_scenario_s_own() {
    let args = [
        "split",
        "--preset",
        "actiris-2028",
        "--target",
        "1",
        "--trials",
        "400",
        "--step",
        "0.25",
    ];
    let v: Value = serde_json::from_str(&ok(&[&args[..], &["--json"]].concat())).expect("JSON");
    assert_eq!(v["partners"].as_array().unwrap().len(), 4);
    assert!(f64_of(&v["b"]["value"]) >= f64_of(&v["a"]["value"]));
    assert!(v["scenario"]["partners"].is_array());
    let text = ok(&args);
    assert!(text.contains("On fresh trials, to quote"), "{text}");
    let given = ok(&[
        "split",
        "--preset",
        "actiris-2028",
        "--trials",
        "400",
        "--shares",
        "0.4,0.4,0.1,0.1",
    ]);
    assert!(given.contains("B is the split given"), "{given}");
    let err = fails(&[
        "split",
        "--preset",
        "actiris-2028",
        "--trials",
        "400",
        "--shares",
        "0.5,0.5",
    ]);
    assert!(
        err.contains("shares") && err.contains("one share per partner"),
        "{err}"
    );
    let err = fails(&["split", "--preset", "team4job", "--trials", "400"]);
    assert!(err.contains("no partners"), "{err}");
}
