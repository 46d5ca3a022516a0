//! How long the effect lasts (`fiscal.persistence`): a longer-lasting effect
//! never lowers the return of a trial; the break-even persistence is where
//! the public benefit meets the public cost; wrong values and unknown sets
//! are refused naming the field; the command line ranks it and reports it.
#![cfg(not(target_arch = "wasm32"))]

use mentorsim::engine::model::Model;
use mentorsim::model::distribution::Param;
use mentorsim::model::outputs::Total;
use mentorsim::model::params::{ParamId, PARAMS};
use mentorsim::model::presets;
use mentorsim::model::scenario::Scenario;
use mentorsim::validate_json;
use serde_json::Value;
use std::process::Command;

/// The preset with persistence fixed at `p`.
fn fixed_at(id: &str, p: f64) -> Scenario {
    let mut s = presets::get(id).unwrap();
    s.fiscal.persistence = Some(Param::fixed(p));
    s
}

const SEED: u64 = 41;

#[test]
fn the_ratio_of_a_trial_does_not_fall_when_persistence_rises() {
    for id in ["actiris-2028", "brussels-2018-2019"] {
        let low = Model::new(&fixed_at(id, 0.2)).unwrap();
        let high = Model::new(&fixed_at(id, 0.8)).unwrap();
        let bcr = Total::BenefitCostRatio as usize;
        let mut rose = 0;
        for i in 0..300 {
            let (a, b) = (low.trial_record(SEED, i), high.trial_record(SEED, i));
            // Everything else is drawn the same: only persistence differs.
            let k = ParamId::Persistence as usize;
            for (j, (x, y)) in a.inputs.iter().zip(&b.inputs).enumerate() {
                if j != k {
                    assert_eq!(x, y, "{id} trial {i}: {} differs", PARAMS[j].path);
                }
            }
            let (ra, rb) = (a.totals[bcr], b.totals[bcr]);
            if ra >= 0.0 {
                assert!(rb >= ra, "{id} trial {i}: ratio {ra} at 0.2, {rb} at 0.8");
            } else {
                // A negative effect loses more the longer it lasts.
                assert!(rb <= ra, "{id} trial {i}: ratio {ra} at 0.2, {rb} at 0.8");
            }
            rose += usize::from(rb > ra);
        }
        assert!(
            rose > 200,
            "{id}: the ratio rose in only {rose} of 300 trials"
        );
    }
}

#[test]
fn at_the_break_even_persistence_the_public_benefit_equals_the_cost() {
    // A cheap duo, so that the break-even is within [0, 1] in many trials.
    let mut s = presets::get("actiris-2028").unwrap();
    s.cost_per_duo = Param::fixed(600.0);
    let model = Model::new(&s).unwrap();
    let be = Total::BreakEvenPersistencePublic as usize;
    let net = Total::NetPublic as usize;
    let bcr = Total::BenefitCostRatio as usize;
    let mut checked = 0;
    for i in 0..200 {
        let rec = model.trial_record(SEED, i);
        let p = rec.totals[be];
        if !(p.is_finite() && p > 0.0) {
            continue;
        }
        let mut at = s.clone();
        at.fiscal.persistence = Some(Param::fixed(p));
        let again = Model::new(&at).unwrap().trial_record(SEED, i);
        let ratio = again.totals[bcr];
        assert!(
            (ratio - 1.0).abs() < 1e-6,
            "trial {i}: at persistence {p} the public ratio is {ratio} (net {})",
            again.totals[net]
        );
        // Just below it, it does not pay back.
        at.fiscal.persistence = Some(Param::fixed(p * (1.0 - 1e-3)));
        let below = Model::new(&at).unwrap().trial_record(SEED, i);
        assert!(below.totals[bcr] < 1.0, "trial {i}: pays back below {p}");
        checked += 1;
        if checked == 8 {
            break;
        }
    }
    assert_eq!(checked, 8, "too few trials with a break-even in (0, 1]");
}

/// The preset's JSON with `edit` applied, as text.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = serde_json::to_value(presets::get("actiris-2028").unwrap()).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn a_persistence_outside_0_1_and_an_unknown_set_are_refused_naming_the_field() {
    for bad in [1.2, -0.1] {
        let text = edited(|v| {
            v["fiscal"]["persistence"] = serde_json::json!({"dist": "fixed", "value": bad})
        });
        let problems = validate_json(&text);
        assert!(
            problems.iter().any(|p| p.field == "fiscal.persistence"),
            "{bad}: {problems:?}"
        );
    }
    let text = edited(|v| v["fiscal"]["persistence_prior"] = "forever".into());
    let problems = validate_json(&text);
    let p = problems
        .iter()
        .find(|p| p.field == "fiscal.persistence_prior")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert!(
        p.message.contains("forever") && p.message.contains("central"),
        "{p:?}"
    );
}

#[test]
fn a_named_set_alone_is_drawn_and_none_means_it_lasts() {
    // Named without a distribution: drawn from the set.
    let text = edited(|v| {
        v["fiscal"].as_object_mut().unwrap().remove("persistence");
        v["fiscal"]["persistence_prior"] = "fades".into();
    });
    assert!(validate_json(&text).is_empty());
    let s = mentorsim::model::scenario::from_json(&text).unwrap();
    let model = Model::new(&s).unwrap();
    let k = ParamId::Persistence as usize;
    let drawn: Vec<f64> = (0..50)
        .map(|i| model.trial_record(SEED, i).inputs[k])
        .collect();
    assert!(drawn.iter().all(|p| (0.0..=0.3).contains(p)), "{drawn:?}");
    // Neither: fixed at 1.
    let text = edited(|v| {
        let f = v["fiscal"].as_object_mut().unwrap();
        f.remove("persistence");
        f.remove("persistence_prior");
    });
    let s = mentorsim::model::scenario::from_json(&text).unwrap();
    let rec = Model::new(&s).unwrap().trial_record(SEED, 0);
    assert_eq!(rec.inputs[k], 1.0);
}

#[test]
fn the_command_line_ranks_persistence_and_reports_its_break_even() {
    let out = Command::new(env!("CARGO_BIN_EXE_mentorsim"))
        .args(["run", "--preset", "actiris-2028", "--sensitivity", "--json"])
        .args(["--trials", "2000"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let drivers = v["sensitivity"]["outputs"]["benefit_cost_ratio"]
        .as_array()
        .unwrap();
    assert!(
        drivers
            .iter()
            .any(|d| d["parameter"].as_str().unwrap().contains("persistence")),
        "{drivers:?}"
    );
    let be = &v["break_even"]["public"]["persistence"];
    for key in ["p5", "p50", "p95", "p50_se", "undefined_share"] {
        assert!(
            be.get(key).is_some(),
            "break_even.public.persistence.{key}: {be}"
        );
    }
    let text = Command::new(env!("CARGO_BIN_EXE_mentorsim"))
        .args(["run", "--preset", "actiris-2028", "--trials", "2000"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("additional employment lasted from one year to the next")
            || text.contains("additional employment lasts from one year to the next"),
        "{text}"
    );
}
