//! Bad input gets a clear error that names the field.
#![cfg(not(target_arch = "wasm32"))]

use mentorsim::model::presets;
use mentorsim::{simulate, validate_json, RunOptions};
use serde_json::Value;

fn preset_json() -> Value {
    serde_json::to_value(presets::get("actiris-2028").unwrap()).unwrap()
}

fn problems(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = preset_json();
    edit(&mut v);
    validate_json(&v.to_string())
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn has(list: &[String], needle: &str) {
    assert!(
        list.iter().any(|p| p.contains(needle)),
        "no problem containing `{needle}` in {list:?}"
    );
}

#[test]
fn presets_are_valid() {
    for id in presets::ids() {
        let s = presets::get(id).unwrap();
        assert_eq!(s.validate(), vec![], "{id}");
        assert_eq!(s.id, id);
        for lang in [&s.name, &s.description] {
            assert!(
                !lang.en.is_empty() && !lang.fr.is_empty() && !lang.nl.is_empty(),
                "{id} needs three languages"
            );
        }
    }
}

#[test]
fn each_class_of_bad_input_is_named() {
    has(
        &problems(|v| v["budget"]["constant"] = (-5.0).into()),
        "budget.constant: money must be a finite amount, zero or more, got -5",
    );
    has(
        &problems(|v| v["outcomes"]["employed"] = 1.7.into()),
        "outcomes.employed: a rate must be between 0 and 1, got 1.7",
    );
    has(
        &problems(|v| {
            v["outcomes"]["employed"] =
                serde_json::json!({"dist": "beta", "events": -3, "non_events": 10})
        }),
        "outcomes.employed: Beta counts must both be above zero",
    );
    has(
        &problems(|v| {
            v["cost_per_duo"] =
                serde_json::json!({"dist": "pert", "min": 3000, "mode": 2000, "max": 2500})
        }),
        "cost_per_duo: need min <= mode <= max",
    );
    has(
        &problems(|v| v["end_year"] = 2020.into()),
        "end_year: must not be before start_year",
    );
    has(
        &problems(|v| v["end_year"] = 2090.into()),
        "end_year: at most 50 years",
    );
    has(
        &problems(|v| v["targets"][0]["year"] = 2040.into()),
        "targets[0].year: must be within the simulated years",
    );
    has(
        &problems(|v| v["targets"][0]["metric"] = "jobs".into()),
        "targets[0].metric: unknown metric `jobs`",
    );
    has(
        &problems(|v| v["budget"]["per_year"] = serde_json::json!([1, 2])),
        "budget: give exactly one of",
    );
    has(
        &problems(|v| v["cost_indexation"] = (-1.5).into()),
        "cost_indexation: a yearly growth rate must be above -1",
    );
}

#[test]
fn parse_errors_name_the_field() {
    has(
        &problems(|v| v["outcomes"]["employd"] = 0.5.into()),
        "outcomes.employd: unknown field `employd`, expected one of",
    );
    has(
        &problems(|v| v["outcomes"]["employed"] = "high".into()),
        "outcomes.employed: invalid type: string \"high\"",
    );
    has(
        &problems(|v| v["realisation"] = serde_json::json!({"dist": "beta", "events": 3})),
        "realisation: a beta distribution needs non_events",
    );
    has(
        &problems(|v| v["realisation"] = serde_json::json!({"dist": "gamma", "value": 3})),
        "unknown distribution `gamma`",
    );
    // JSON has no NaN or infinity: the token is rejected where it stands, by name.
    for token in ["NaN", "-Infinity", "inf"] {
        let text = preset_json().to_string().replace(
            "\"cost_per_duo\":{",
            &format!("\"cost_per_duo\":{token},\"x\":{{"),
        );
        let p = validate_json(&text);
        assert_eq!(p.len(), 1);
        let said = p[0].to_string();
        assert!(
            said.starts_with(&format!(
                "cost_per_duo: {token} is not a number JSON can hold: give a finite number, at line 1 column"
            )),
            "{said}"
        );
    }
    // Any other syntax error keeps serde's own message.
    let text = preset_json()
        .to_string()
        .replace("\"cost_per_duo\":{", "\"cost_per_duo\":high,\"x\":{");
    let said = validate_json(&text)[0].to_string();
    assert!(said.starts_with("cost_per_duo: expected value"), "{said}");
    // A text cut short is named as far as it goes, in plain words: no `?`
    // for the part the reader could not tell.
    let whole = preset_json().to_string();
    let open = "\"outcomes\":{\"dropout\":{";
    let cut = &whole[..whole.find(open).unwrap() + open.len()];
    let said = validate_json(cut)[0].to_string();
    assert!(
        said.starts_with("outcomes.dropout: the text ends before this object is closed (a missing `}`?) at line 1 column"),
        "{said}"
    );
    let said = validate_json(&whole[..whole.len() - 1])[0].to_string();
    assert!(
        said.starts_with("the text ends before this object is closed"),
        "{said}"
    );
}

#[test]
fn run_options_are_checked() {
    let s = presets::get("actiris-2028").unwrap();
    let err = |opts: RunOptions| simulate(&s, &opts).unwrap_err().to_string();
    assert!(err(RunOptions {
        trials: 0,
        ..Default::default()
    })
    .contains("trials: must be between 1 and 1000000, got 0"));
    assert!(err(RunOptions {
        trials: 1_000_000_000_000,
        ..Default::default()
    })
    .contains("got 1000000000000"));
    assert!(err(RunOptions {
        seed: u64::MAX,
        ..Default::default()
    })
    .contains("seed: must be a whole number"));
    assert!(err(RunOptions {
        trials: 10,
        first_trial: 5,
        trial_count: Some(6),
        ..Default::default()
    })
    .contains("trialCount"));
}

#[test]
fn shown_scenarios_read_back_unchanged() {
    for s in presets::all() {
        let text = serde_json::to_string_pretty(&s).unwrap();
        assert_eq!(mentorsim::model::scenario::from_json(&text).unwrap(), s);
    }
}

#[test]
fn sizes_are_checked_before_any_work() {
    use mentorsim::model::limits::{MAX_INPUT_BYTES, MAX_LIST, MAX_TARGETS, MAX_TEXT};
    // Once read every year of a two-billion-year horizon before saying no.
    has(
        &problems(|v| v["end_year"] = 2_000_000_000.into()),
        "end_year: at most 50 years can be simulated, got 1999997976",
    );
    has(
        &problems(|v| {
            v["end_year"] = 2_000_000_000.into();
            v["intake"] = serde_json::json!({"growth": {"start": 10, "rate": 0.1}});
        }),
        "end_year: at most 50 years",
    );
    has(
        &problems(|v| v["intake"] = serde_json::json!({"per_year": vec![1.0; MAX_LIST + 1]})),
        "intake.per_year: a list has at most 100 entries, got 101",
    );
    has(
        &problems(|v| v["name"]["fr"] = "é".repeat(MAX_TEXT + 1).into()),
        "name.fr: a text is at most 2000 characters, got 2001",
    );
    has(
        &problems(|v| v["intake"]["note"] = serde_json::json!([[[[[[[[1]]]]]]]])),
        "intake.note[0][0][0][0][0][0]: a scenario nests at most 8 levels",
    );
    let long = format!("{{\"id\": \"{}\"}}", "x".repeat(MAX_INPUT_BYTES));
    has(
        &validate_json(&long)
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        "a scenario is at most 262144 bytes of JSON",
    );
    // A scenario built in Rust meets the same limits in `validate`.
    let mut s = presets::get("actiris-2028").unwrap();
    let target = s.targets[0].clone();
    s.targets = vec![target; MAX_TARGETS + 1];
    let said: Vec<String> = s.validate().iter().map(|p| p.to_string()).collect();
    has(
        &said,
        "targets: a scenario has at most 100 targets, got 101",
    );
}

#[test]
fn intake_points_far_apart_interpolate_without_overflow() {
    let mut v = preset_json();
    v["intake"] = serde_json::json!({"points": [[-2_000_000_000, 500], [2_000_000_000, 1500]]});
    let s = mentorsim::model::scenario::from_json(&v.to_string()).unwrap();
    assert_eq!(s.validate(), vec![]);
    let planned = s.planned();
    assert!(
        planned.iter().all(|p| (999.0..1001.0).contains(p)),
        "{planned:?}"
    );
}

#[test]
fn a_missing_field_is_named_as_the_field() {
    has(
        &problems(|v| {
            v.as_object_mut().unwrap().remove("start_year");
        }),
        "start_year: this required field is missing",
    );
    has(
        &problems(|v| {
            v["fiscal"].as_object_mut().unwrap().remove("horizon_years");
        }),
        "fiscal.horizon_years: this required field is missing",
    );
    has(
        &validate_json("[1, 2]")
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        "a scenario is a JSON object of fields",
    );
}
