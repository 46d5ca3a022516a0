//! A parameter in JSON: a bare number (a fixed value) or an object naming
//! its distribution, with its fields checked against that distribution.

use super::{Dist, Param, DIST_FIELDS};
use crate::model::text::Note;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// The JSON object form, before its fields are checked against `dist`.
#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
struct RawParam {
    dist: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    non_events: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mode: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mean: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sd: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p5: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p95: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    assumption: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<Note>,
}

impl RawParam {
    fn into_param(self) -> Result<Param, String> {
        let given: Vec<&str> = [
            ("value", self.value),
            ("events", self.events),
            ("non_events", self.non_events),
            ("min", self.min),
            ("mode", self.mode),
            ("max", self.max),
            ("mean", self.mean),
            ("sd", self.sd),
            ("p5", self.p5),
            ("p95", self.p95),
        ]
        .iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| *k)
        .collect();
        let expect = |names: &[&str]| -> Result<(), String> {
            let missing: Vec<&str> = names
                .iter()
                .copied()
                .filter(|n| !given.contains(n))
                .collect();
            let extra: Vec<&str> = given
                .iter()
                .copied()
                .filter(|g| !names.contains(g))
                .collect();
            if !missing.is_empty() {
                return Err(format!(
                    "a {} distribution needs {}",
                    self.dist,
                    missing.join(", ")
                ));
            }
            if !extra.is_empty() {
                return Err(format!(
                    "a {} distribution takes no {}",
                    self.dist,
                    extra.join(", ")
                ));
            }
            Ok(())
        };
        let Some((_, fields)) = DIST_FIELDS.iter().find(|(k, _)| *k == self.dist) else {
            let known: Vec<&str> = DIST_FIELDS.iter().map(|(k, _)| *k).collect();
            return Err(format!(
                "unknown distribution `{}`, expected one of {}",
                self.dist,
                known.join(", ")
            ));
        };
        expect(fields)?;
        let v = |x: Option<f64>| x.unwrap_or(f64::NAN);
        let (min, mode, max) = (v(self.min), v(self.mode), v(self.max));
        let dist = match self.dist.as_str() {
            "fixed" => Dist::Fixed(v(self.value)),
            "beta" => Dist::Beta {
                events: v(self.events),
                non_events: v(self.non_events),
            },
            "pert" => Dist::Pert { min, mode, max },
            "triangular" => Dist::Triangular { min, mode, max },
            "uniform" => Dist::Uniform { min, max },
            "normal" => Dist::Normal {
                mean: v(self.mean),
                sd: v(self.sd),
            },
            _ => Dist::LogNormal {
                p5: v(self.p5),
                p95: v(self.p95),
            },
        };
        Ok(Param {
            dist,
            source: self.source,
            assumption: self.assumption,
            note: self.note,
        })
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let (Dist::Fixed(v), None, false, None) =
            (&self.dist, &self.source, self.assumption, &self.note)
        {
            return s.serialize_f64(*v);
        }
        let mut raw = RawParam {
            source: self.source.clone(),
            assumption: self.assumption,
            note: self.note.clone(),
            ..RawParam::default()
        };
        match self.dist {
            Dist::Fixed(v) => (raw.dist, raw.value) = ("fixed".into(), Some(v)),
            Dist::Beta { events, non_events } => {
                (raw.dist, raw.events, raw.non_events) =
                    ("beta".into(), Some(events), Some(non_events))
            }
            Dist::Pert { min, mode, max } | Dist::Triangular { min, mode, max } => {
                raw.dist = if matches!(self.dist, Dist::Pert { .. }) {
                    "pert"
                } else {
                    "triangular"
                }
                .into();
                (raw.min, raw.mode, raw.max) = (Some(min), Some(mode), Some(max));
            }
            Dist::Uniform { min, max } => {
                (raw.dist, raw.min, raw.max) = ("uniform".into(), Some(min), Some(max))
            }
            Dist::Normal { mean, sd } => {
                (raw.dist, raw.mean, raw.sd) = ("normal".into(), Some(mean), Some(sd))
            }
            Dist::LogNormal { p5, p95 } => {
                (raw.dist, raw.p5, raw.p95) = ("lognormal".into(), Some(p5), Some(p95))
            }
        }
        raw.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Param {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ParamVisitor;
        impl<'de> Visitor<'de> for ParamVisitor {
            type Value = Param;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a distribution object such as {\"dist\": \"beta\", \"events\": 63, \"non_events\": 37}")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Param, E> {
                Ok(Param::fixed(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Param, E> {
                Ok(Param::fixed(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Param, E> {
                Ok(Param::fixed(v as f64))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Param, A::Error> {
                let raw = RawParam::deserialize(de::value::MapAccessDeserializer::new(map))?;
                raw.into_param().map_err(de::Error::custom)
            }
        }
        d.deserialize_any(ParamVisitor)
    }
}
