//! Generated scenarios: the presets' JSON, mutated where a person or a
//! program could get it wrong. Every choice is drawn from an
//! [`Unstructured`], so the same bytes give the same input: the tests feed it
//! bytes from a seeded generator (`case_bytes`), and a coverage-guided fuzzer
//! could feed it its own.
//!
//! The mutations: wrong types, extreme and non-finite numbers, huge and
//! reversed year ranges, long lists, missing, duplicated and unknown fields,
//! deep nesting, distributions with fields that do not fit, odd Unicode, and
//! broken syntax on the text.

#![allow(dead_code)]

use arbitrary::Unstructured;
use rand::Rng;
use serde_json::{json, Map, Value};

/// The bytes that drive case `case` of a run seeded with `seed`.
pub fn case_bytes(seed: u64, case: u64) -> Vec<u8> {
    let mut rng = mentorsim::engine::rng::stream(seed, case, 0);
    let mut bytes = vec![0u8; 2048];
    rng.fill_bytes(&mut bytes);
    bytes
}

/// Numbers that sit on an edge somewhere in the engine.
const EDGES: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    1.0000001,
    -0.999_999_9,
    6.0,
    36.0,
    36.000_001,
    12.0,
    50.0,
    51.0,
    1900.0,
    2200.0,
    2201.0,
    2025.0,
    1e6,
    1_000_001.0,
    1e9,
    1_000_000_001.0,
    1e12,
    1.000_000_000_001e12,
    2_147_483_647.0,
    -2_147_483_648.0,
    2_147_483_648.0,
    4_294_967_296.0,
    9_007_199_254_740_993.0,
    1.8e19,
    1e300,
    -1e300,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    5e-324,
    -5e-324,
    1e-300,
];

/// The JSON text of a generated scenario.
pub fn scenario_text(u: &mut Unstructured, presets: &[Value]) -> String {
    let mut v = presets[u.choose_index(presets.len()).unwrap_or(0)].clone();
    let edits = *u.choose(&[1u8, 1, 1, 2, 3, 4]).unwrap_or(&1);
    for _ in 0..edits {
        mutate(u, &mut v);
    }
    let mut text = if u.ratio(1, 2).unwrap_or(true) {
        v.to_string()
    } else {
        serde_json::to_string_pretty(&v).unwrap_or_default()
    };
    if u.ratio(1, 8).unwrap_or(false) {
        break_text(u, &mut text);
    }
    text
}

/// A number: an edge, a random finite one, or a random integer.
pub fn number(u: &mut Unstructured) -> Value {
    match u.int_in_range(0..=3u8).unwrap_or(0) {
        0 | 1 => num(*u.choose(EDGES).unwrap_or(&0.0)),
        2 => num(f64::from_bits(u.arbitrary().unwrap_or(0))),
        _ => json!(u.arbitrary::<i64>().unwrap_or(0) >> u.int_in_range(0..=62u32).unwrap_or(0)),
    }
}

fn num(x: f64) -> Value {
    // JSON holds no NaN or infinity: those are written by `break_text`.
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// Text that a person or a program could put in a field.
pub fn odd_text(u: &mut Unstructured) -> String {
    const PIECES: &[&str] = &[
        "",
        "unlimited",
        "beta",
        "lognormal",
        "duos_started",
        "employed",
        "cumulative",
        "annual",
        "independent-evaluations",
        "\u{0}",
        "\u{feff}",
        "\u{202e}gnirts",
        "e\u{301}\u{301}\u{301}",
        "\u{1f600}",
        "\u{10ffff}",
        "💥💥💥",
        "\\",
        "\"",
        "\n\t",
        "Ünïcödé",
        "數字",
        "ﷺ",
    ];
    let mut s = String::new();
    for _ in 0..u.int_in_range(0..=3u8).unwrap_or(0) {
        s.push_str(u.choose(PIECES).unwrap_or(&""));
    }
    if u.ratio(1, 20).unwrap_or(false) {
        let n = *u.choose(&[2_000usize, 2_001, 10_000]).unwrap_or(&2_001);
        s.push_str(&"é".repeat(n));
    }
    s
}

/// Any JSON value, small, of any type.
pub fn any_value(u: &mut Unstructured, depth: u8) -> Value {
    match u.int_in_range(0..=7u8).unwrap_or(0) {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary().unwrap_or(false)),
        2 | 3 => number(u),
        4 => Value::String(odd_text(u)),
        5 if depth < 3 => {
            let n = u.int_in_range(0..=4u8).unwrap_or(0);
            Value::Array((0..n).map(|_| any_value(u, depth + 1)).collect())
        }
        6 if depth < 3 => {
            let mut m = Map::new();
            for _ in 0..u.int_in_range(0..=3u8).unwrap_or(0) {
                m.insert(field_name(u), any_value(u, depth + 1));
            }
            Value::Object(m)
        }
        _ => dist(u),
    }
}

fn field_name(u: &mut Unstructured) -> String {
    const NAMES: &[&str] = &[
        "dist",
        "value",
        "events",
        "non_events",
        "min",
        "mode",
        "max",
        "mean",
        "sd",
        "p5",
        "p95",
        "source",
        "note",
        "assumption",
        "per_year",
        "growth",
        "points",
        "constant",
        "unlimited",
        "start",
        "rate",
        "initial",
        "retention",
        "effect",
        "baseline",
        "prior",
        "metric",
        "kind",
        "year",
        "label",
        "en",
        "fr",
        "nl",
        "typo",
        "Start_Year",
        "",
    ];
    if u.ratio(1, 8).unwrap_or(false) {
        odd_text(u)
    } else {
        u.choose(NAMES).unwrap_or(&"x").to_string()
    }
}

/// A distribution object, sometimes with fields that do not fit its kind.
pub fn dist(u: &mut Unstructured) -> Value {
    const KINDS: &[(&str, &[&str])] = &[
        ("fixed", &["value"]),
        ("beta", &["events", "non_events"]),
        ("pert", &["min", "mode", "max"]),
        ("triangular", &["min", "mode", "max"]),
        ("uniform", &["min", "max"]),
        ("normal", &["mean", "sd"]),
        ("lognormal", &["p5", "p95"]),
        ("gamma", &["shape"]),
    ];
    let (kind, fields) = *u.choose(KINDS).unwrap_or(&KINDS[0]);
    let mut m = Map::new();
    m.insert("dist".into(), kind.into());
    for f in fields {
        if u.ratio(9, 10).unwrap_or(true) {
            m.insert((*f).into(), small_or_edge(u));
        }
    }
    if u.ratio(1, 10).unwrap_or(false) {
        m.insert(field_name(u), any_value(u, 2));
    }
    Value::Object(m)
}

/// Mostly plausible numbers for a rate or an amount, sometimes an edge.
fn small_or_edge(u: &mut Unstructured) -> Value {
    if u.ratio(1, 3).unwrap_or(false) {
        number(u)
    } else {
        let x = f64::from(u.int_in_range(0..=2000u32).unwrap_or(0)) / 1000.0;
        let scale = *u.choose(&[1.0, 1.0, 100.0, 1e6]).unwrap_or(&1.0);
        num(x * scale)
    }
}

/// The path of every node of `v`, as keys and indices.
fn paths(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(Step::Key(k.clone()));
                paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(Step::Index(i));
                paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The path of every number in `v`.
fn number_paths(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::Number(_) => out.push(at.clone()),
        Value::Object(m) => {
            for (k, x) in m {
                at.push(Step::Key(k.clone()));
                number_paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(Step::Index(i));
                number_paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn node<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// One edit of a scenario's JSON value.
pub fn mutate(u: &mut Unstructured, v: &mut Value) {
    let mut all = Vec::new();
    paths(v, &mut Vec::new(), &mut all);
    let path = all[u.choose_index(all.len()).unwrap_or(0)].clone();
    match u.int_in_range(0..=19u8).unwrap_or(0) {
        // A number moved a little or a lot, often still valid.
        16..=19 => {
            let mut numbers = Vec::new();
            number_paths(v, &mut Vec::new(), &mut numbers);
            if let Some(p) = numbers.get(u.choose_index(numbers.len()).unwrap_or(0)) {
                let n = node(v, p);
                let x = n.as_f64().unwrap_or(0.0);
                let factor = *u
                    .choose(&[0.0, 0.5, 0.9, 0.999, 1.001, 1.1, 2.0, 10.0, -1.0])
                    .unwrap_or(&1.0);
                *n = if n.is_f64() {
                    num(x * factor)
                } else {
                    json!((x * factor).round() as i64)
                };
            }
        }
        // A field of any type in place of what was there.
        0 | 1 => *node(v, &path) = any_value(u, 0),
        // A number at an edge.
        2 | 3 => *node(v, &path) = number(u),
        // Years: huge, reversed or far apart.
        4 => {
            let start = u.choose(&[2025i64, 1900, 1899, 2200, 0, -2_147_483_648, 2_147_483_647]);
            let span = u.choose(&[
                0i64,
                -1,
                3,
                49,
                50,
                51,
                1_000,
                2_000_000_000,
                -2_000_000_000,
                4_294_967_295,
            ]);
            let start = *start.unwrap_or(&2025);
            set(v, &["start_year"], json!(start));
            set(
                v,
                &["end_year"],
                json!(start.saturating_add(*span.unwrap_or(&3))),
            );
        }
        // A plan in one of its forms, with any values.
        5 => {
            let n = list_len(u);
            let plan = match u.int_in_range(0..=3u8).unwrap_or(0) {
                0 => json!({"per_year": (0..n).map(|_| small_or_edge(u)).collect::<Vec<_>>()}),
                1 => json!({"growth": {"start": small_or_edge(u), "rate": number(u)}}),
                2 => json!({"points": (0..n)
                    .map(|_| json!([number(u), small_or_edge(u)]))
                    .collect::<Vec<_>>()}),
                _ => json!({"per_year": [1, 2], "growth": {"start": 1, "rate": 0}}),
            };
            set(v, &["intake"], plan);
        }
        // Money in one of its forms.
        6 => {
            let n = list_len(u);
            let money = match u.int_in_range(0..=3u8).unwrap_or(0) {
                0 => json!({"per_year": (0..n).map(|_| number(u)).collect::<Vec<_>>()}),
                1 => json!({"constant": number(u)}),
                2 => json!({"unlimited": any_value(u, 2)}),
                _ => json!({}),
            };
            set(v, &["budget"], money);
        }
        // Targets: many, or with any fields.
        7 => {
            let n = list_len(u);
            let target = |u: &mut Unstructured| {
                json!({
                    "metric": odd_text(u),
                    "kind": *u.choose(&["cumulative", "annual", "total"]).unwrap_or(&"annual"),
                    "year": number(u),
                    "value": small_or_edge(u),
                })
            };
            let targets = Value::Array((0..n).map(|_| target(u)).collect());
            set(v, &["targets"], targets);
        }
        // A distribution in place of any node (usually a parameter).
        8 | 9 => *node(v, &path) = dist(u),
        // A missing field.
        10 => {
            if let Some((Step::Key(k), parent)) = path.split_last() {
                if let Value::Object(m) = node(v, parent) {
                    m.remove(k);
                }
            }
        }
        // An unknown field.
        11 => {
            if let Value::Object(m) = node(v, &path) {
                m.insert(field_name(u), any_value(u, 1));
            }
        }
        // Deep nesting.
        12 => {
            let depth = *u
                .choose(&[2usize, 7, 8, 9, 40, 127, 128, 129, 1_000])
                .unwrap_or(&9);
            let mut x = node(v, &path).take();
            for _ in 0..depth.min(200) {
                x = json!([x]);
            }
            *node(v, &path) = x;
        }
        // A long list.
        13 => {
            let n = *u
                .choose(&[99usize, 100, 101, 1_000, 30_000, 100_000])
                .unwrap_or(&101);
            *node(v, &path) = Value::Array(vec![number(u); n]);
        }
        // A mentor pool in either form, or neither.
        14 => {
            let pool = match u.int_in_range(0..=2u8).unwrap_or(0) {
                0 => Value::String(odd_text(u)),
                1 => {
                    json!({"initial": dist(u), "recruits_per_year": small_or_edge(u), "retention": dist(u)})
                }
                _ => any_value(u, 1),
            };
            set(v, &["mentors", "pool"], pool);
        }
        // Odd text in place of a string.
        _ => {
            let n = node(v, &path);
            if n.is_string() || u.ratio(1, 4).unwrap_or(false) {
                *n = Value::String(odd_text(u));
            }
        }
    }
}

/// Sets the field at `keys` where every object on the way is there.
fn set(v: &mut Value, keys: &[&str], value: Value) {
    let (last, parents) = keys.split_last().expect("a key");
    let mut at = v;
    for k in parents {
        match at.get_mut(*k) {
            Some(next) => at = next,
            None => return,
        }
    }
    if let Value::Object(m) = at {
        m.insert((*last).to_string(), value);
    }
}

fn list_len(u: &mut Unstructured) -> usize {
    *u.choose(&[0usize, 1, 2, 3, 4, 5, 50, 51, 100, 101, 5_000])
        .unwrap_or(&4)
}

/// Breaks the text itself: non-finite numbers, a duplicated field,
/// truncation, stray characters, an escape that is not a character.
fn break_text(u: &mut Unstructured, text: &mut String) {
    let at = |u: &mut Unstructured, text: &str| {
        let mut i = u.choose_index(text.len().max(1)).unwrap_or(0);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match u.int_in_range(0..=6u8).unwrap_or(0) {
        0 => {
            let token = *u
                .choose(&[
                    "NaN",
                    "-Infinity",
                    "Infinity",
                    "inf",
                    "1e999",
                    "-1e999",
                    "0x10",
                    "01",
                ])
                .unwrap_or(&"NaN");
            // The first number after a random position.
            let from = at(u, text);
            if let Some(off) = text[from..].find(|c: char| c.is_ascii_digit()) {
                let start = from + off;
                let end = text[start..]
                    .find(|c: char| !(c.is_ascii_digit() || ".eE+-".contains(c)))
                    .map_or(text.len(), |e| start + e);
                text.replace_range(start..end, token);
            }
        }
        1 => {
            // The first field, written twice.
            if let Some(end) = text.find(',') {
                let first = text[1..end].to_string();
                text.insert_str(1, &format!("{first},"));
            }
        }
        2 => {
            let i = at(u, text);
            text.truncate(i);
        }
        3 => {
            let i = at(u, text);
            let c = *u
                .choose(&[
                    '{', '}', '[', ']', ',', ':', '"', '\\', '\u{0}', '\u{feff}', 'é',
                ])
                .unwrap_or(&',');
            text.insert(i, c);
        }
        4 => {
            // A lone surrogate escape inside the first string.
            if let Some(i) = text.find('"') {
                text.insert_str(i + 1, "\\ud800");
            }
        }
        5 => text.insert(0, '\u{feff}'),
        _ => *text = text.repeat(2),
    }
}
