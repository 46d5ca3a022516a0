//! Notes: the presets' in three languages, a user's plain ones still read,
//! run and written back as they were.
#![cfg(not(target_arch = "wasm32"))]

use mentorsim::model::params::PARAMS;
use mentorsim::model::presets;
use mentorsim::model::scenario::from_json;
use mentorsim::model::text::{Note, Text};
use mentorsim::{simulate, validate_json, RunOptions};
use serde_json::Value;

/// Every `note` in a scenario's JSON, with its path.
fn notes<'a>(v: &'a Value, path: &str, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let here = format!("{path}.{k}");
                if k == "note" {
                    out.push((here, x));
                } else {
                    notes(x, &here, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                notes(x, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The preset's JSON with every note replaced by its English text, as a
/// user's scenario writes notes.
fn plain_notes(id: &str) -> String {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (k, x) in map.iter_mut() {
                    match (k.as_str(), x.get("en").cloned()) {
                        // Targets' notes have always been in three languages.
                        ("targets", _) => {}
                        ("note", Some(en)) => *x = en,
                        _ => strip(x),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(presets::get(id).unwrap()).unwrap();
    strip(&mut v);
    v.to_string()
}

#[test]
fn every_preset_note_is_in_three_languages() {
    for id in presets::ids() {
        let v = serde_json::to_value(presets::get(id).unwrap()).unwrap();
        let mut found = Vec::new();
        notes(&v, "", &mut found);
        // Not a vacuous pass: every preset explains most of its figures.
        assert!(found.len() >= 20, "{id}: only {} notes", found.len());
        for (path, note) in found {
            for lang in ["en", "fr", "nl"] {
                let text = note.get(lang).and_then(Value::as_str).unwrap_or("");
                assert!(
                    !text.trim().is_empty(),
                    "{id}{path}: no `{lang}` text in {note}"
                );
            }
        }
        // The same through the typed scenario: the plan, the budget and
        // every parameter that carries a note.
        let s = presets::get(id).unwrap();
        let typed = [&s.intake.note, &s.budget.note]
            .into_iter()
            .flatten()
            .chain(
                PARAMS
                    .iter()
                    .filter_map(|spec| spec.get(&s).and_then(|p| p.note.as_ref())),
            );
        for note in typed {
            match note {
                Note::Text(t) => assert!(
                    !t.en.is_empty() && !t.fr.is_empty() && !t.nl.is_empty(),
                    "{id}: {t:?}"
                ),
                Note::Plain(text) => panic!("{id}: a note in English only: {text}"),
            }
        }
    }
}

#[test]
fn plain_string_notes_still_load_run_and_round_trip() {
    let opts = RunOptions {
        trials: 500,
        seed: 7,
        ..RunOptions::default()
    };
    for id in presets::ids() {
        let text = plain_notes(id);
        assert!(text.contains("\"note\":\""), "{id}: no plain note left");
        assert_eq!(validate_json(&text), vec![], "{id}");
        let plain = from_json(&text).expect("plain notes load");
        let preset = presets::get(id).unwrap();
        let note = plain.fiscal.discount_rate.note.as_ref().expect("a note");
        assert!(matches!(note, Note::Plain(_)), "{id}: {note:?}");
        // The English text is the preset's, in every language.
        let english = preset.fiscal.discount_rate.note.as_ref().unwrap().en();
        for lang in ["en", "fr", "nl"] {
            assert_eq!(note.get(lang), english, "{id} {lang}");
        }
        // Notes change nothing in the results.
        let result = |s| serde_json::to_string(&simulate(s, &opts).expect("runs")).unwrap();
        assert!(
            result(&plain) == result(&preset),
            "{id}: notes changed a result"
        );
        // Written back as plain strings, and read back the same.
        let again = serde_json::to_string(&plain).unwrap();
        assert!(
            again.contains(&format!("\"note\":{}", Value::from(english))),
            "{id}"
        );
        assert_eq!(from_json(&again).unwrap(), plain, "{id}");
        // The trilingual preset round-trips too.
        let preset_again = serde_json::to_string(&preset).unwrap();
        assert_eq!(from_json(&preset_again).unwrap(), preset, "{id}");
    }
}

#[test]
fn a_note_reads_in_a_language_and_falls_back_to_english() {
    let text = Note::Text(Text {
        en: "in work".into(),
        fr: "en emploi".into(),
        nl: String::new(),
    });
    assert_eq!(text.en(), "in work");
    assert_eq!(text.get("fr"), "en emploi");
    assert_eq!(text.get("nl"), "in work", "an empty language falls back");
    assert_eq!(text.get("de"), "in work", "an unknown language falls back");
    let plain = Note::Plain("as written".into());
    assert_eq!(plain.en(), "as written");
    assert_eq!(plain.get("nl"), "as written");
}

#[test]
fn notes_of_each_form_mix_and_bad_ones_are_named() {
    let mut v = serde_json::to_value(presets::get("team4job").unwrap()).unwrap();
    v["intake"]["note"] = "my plan".into();
    v["budget"]["note"] = serde_json::json!({"en": "my budget", "nl": "mijn budget"});
    v["esf_share"]["note"] = serde_json::json!({"fr": "seulement en français"});
    let s = from_json(&v.to_string()).expect("mixed notes load");
    assert_eq!(s.intake.note, Some(Note::Plain("my plan".into())));
    let budget = s.budget.note.as_ref().unwrap();
    assert_eq!(
        (budget.en(), budget.get("fr"), budget.get("nl")),
        ("my budget", "my budget", "mijn budget")
    );
    assert_eq!(
        s.esf_share.note.as_ref().unwrap().get("fr"),
        "seulement en français"
    );

    let problems = |edit: &dyn Fn(&mut Value)| -> Vec<String> {
        let mut v = serde_json::to_value(presets::get("team4job").unwrap()).unwrap();
        edit(&mut v);
        validate_json(&v.to_string())
            .iter()
            .map(|p| p.to_string())
            .collect()
    };
    let bad_type = problems(&|v| v["outcomes"]["employed"]["note"] = 5.into());
    assert!(
        bad_type
            .iter()
            .any(|p| p.starts_with("outcomes.employed") && p.contains("a text or an object")),
        "{bad_type:?}"
    );
    let bad_lang = problems(&|v| v["budget"]["note"] = serde_json::json!({"en": "x", "de": "y"}));
    assert!(
        bad_lang
            .iter()
            .any(|p| p.starts_with("budget.note") && p.contains("unknown field `de`")),
        "{bad_lang:?}"
    );
}
