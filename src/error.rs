//! Errors a person can act on: each names the field and what is wrong with it.

use serde::Serialize;
use std::fmt;

/// One problem with an input, at a field path such as `outcomes.employed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where: a dotted path into the scenario (`fiscal.discount_rate`,
    /// `targets[1].year`) or a run option (`trials`).
    pub field: String,
    /// What is wrong, in plain words, with the value found.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

/// A list of problems collected while validating.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Adds a problem at `field`.
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(Problem {
            field: field.to_string(),
            message: message.into(),
        });
    }
    /// How many problems so far.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why a scenario could not be read or run.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The JSON could not be read into a scenario (syntax, type, unknown field).
    Parse(Problem),
    /// The scenario or the run options break one or more rules.
    Invalid(Vec<Problem>),
    /// No preset has this id (`id`; the ids there are: `known`).
    UnknownPreset {
        id: String,
        known: Vec<&'static str>,
    },
    /// Partial results that do not belong to the same run were merged.
    Merge(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Parse(p) => write!(f, "cannot read the scenario: {p}"),
            Error::Invalid(ps) => {
                let lines: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
                write!(f, "{}", lines.join("\n"))
            }
            Error::UnknownPreset { id, known } => {
                write!(
                    f,
                    "unknown preset `{id}`; known presets: {}",
                    known.join(", ")
                )
            }
            Error::Merge(m) => write!(f, "cannot merge partial results: {m}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The problems as a list (one for a parse error or an unknown preset).
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Error::Parse(p) => vec![p.clone()],
            Error::Invalid(ps) => ps.clone(),
            Error::UnknownPreset { .. } => vec![Problem {
                field: "preset".into(),
                message: self.to_string(),
            }],
            Error::Merge(_) => vec![Problem {
                field: String::new(),
                message: self.to_string(),
            }],
        }
    }
}
