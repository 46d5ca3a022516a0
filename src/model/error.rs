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

/// The field a JSON reading error is at, as `serde_path_to_error` found it,
/// up to the first part it could not tell (`?`: a text cut short inside an
/// object); empty at the top.
///
/// ```
/// # use mentorsim::model::error::known_field;
/// assert_eq!(known_field("outcomes.employed"), "outcomes.employed");
/// assert_eq!(known_field("outcomes.employed.?"), "outcomes.employed");
/// assert_eq!(known_field("?"), "");
/// assert_eq!(known_field("."), "");
/// ```
pub fn known_field(path: &str) -> &str {
    let known = path.split_once('?').map_or(path, |(before, _)| before);
    known.trim_end_matches('.')
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
    /// An input other than a scenario (run options, a request, a preset id
    /// given from JavaScript) could not be read.
    Input(Problem),
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
            Error::Merge(m) => write!(f, "cannot merge partial results: {}", plain_words(m)),
            Error::Input(p) => write!(f, "{p}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A problem with an input that is not a scenario (options, a request).
    pub fn input(field: &str, message: impl Into<String>) -> Error {
        Error::Input(Problem {
            field: field.into(),
            message: message.into(),
        })
    }

    /// The problems as a list (one for a parse error or an unknown preset).
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Error::Parse(p) | Error::Input(p) => vec![p.clone()],
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

/// A text as a message quotes it: at most 40 characters.
pub fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_string(),
    }
}

/// A serde message in the words of the scenario format rather than Rust's
/// types: `expected i32` becomes `expected a whole number`, `expected struct
/// Fiscal` becomes `expected an object of fields`.
///
/// ```
/// use mentorsim::model::error::plain_words;
/// assert_eq!(
///     plain_words("invalid type: string \"x\", expected f64"),
///     "invalid type: string \"x\", expected a number"
/// );
/// assert_eq!(
///     plain_words("invalid length 3, expected struct Growth with 2 elements"),
///     "invalid length 3, expected an object of fields"
/// );
/// ```
pub fn plain_words(message: &str) -> String {
    let mut out = message
        .replace("expected i32", "expected a whole number")
        .replace("expected u32", "expected a whole number, zero or more")
        .replace("expected usize", "expected a whole number, zero or more")
        .replace("expected f64", "expected a number")
        .replace(
            "expected a tuple of size 2",
            "expected a [year, level] pair",
        )
        // A text cut short (a file not saved whole, a truncated paste).
        .replace(
            "EOF while parsing an object",
            "the text ends before this object is closed (a missing `}`?)",
        )
        .replace(
            "EOF while parsing a list",
            "the text ends before this list is closed (a missing `]`?)",
        )
        .replace(
            "EOF while parsing a string",
            "the text ends inside a string (a missing `\"`?)",
        )
        .replace(
            "EOF while parsing a value",
            "the text ends where a value should be",
        );
    while let Some(at) = out.find("expected struct ") {
        let name_start = at + "expected struct ".len();
        let rest = &out[name_start..];
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .unwrap_or(rest.len());
        let mut end = name_start + name_len;
        // "with N elements": the list form serde also reads.
        if let Some(tail) = out[end..].strip_prefix(" with ") {
            if let Some(words) = tail.find(" elements") {
                if tail[..words].bytes().all(|b| b.is_ascii_digit()) {
                    end += " with ".len() + words + " elements".len();
                }
            }
        }
        out.replace_range(at..end, "expected an object of fields");
    }
    out
}
