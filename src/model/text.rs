//! Words a scenario carries: a text in the three languages of the product,
//! and a note that is one text for every reader or one per language.

use serde::{Deserialize, Serialize};

/// A text in the three languages of the product.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    #[serde(default)]
    pub en: String,
    /// French.
    #[serde(default)]
    pub fr: String,
    /// Dutch.
    #[serde(default)]
    pub nl: String,
}

impl Text {
    /// The text in `lang` (`"en"`, `"fr"` or `"nl"`); English when that
    /// language is empty or not one of the three.
    pub fn get(&self, lang: &str) -> &str {
        let text = match lang {
            "fr" => &self.fr,
            "nl" => &self.nl,
            _ => &self.en,
        };
        if text.is_empty() {
            &self.en
        } else {
            text
        }
    }
}

/// A free-text note on a figure or a plan: one text for every reader, as a
/// user's scenario writes it (`"a note"`), or one per language, as the
/// presets give it (`{"en": "...", "fr": "...", "nl": "..."}`). It is
/// written back in the form it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Note {
    /// The same text in every language.
    Plain(String),
    /// A text per language.
    Text(Text),
}

impl Note {
    /// The English text (a plain note's only text).
    pub fn en(&self) -> &str {
        self.get("en")
    }

    /// The text in `lang` (`"en"`, `"fr"` or `"nl"`): a plain note's text
    /// whatever the language; English when that language is empty or not
    /// one of the three.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Note::Plain(text) => text,
            Note::Text(text) => text.get(lang),
        }
    }
}

impl From<Text> for Note {
    fn from(text: Text) -> Self {
        Note::Text(text)
    }
}

// By hand rather than `untagged`: a wrong note is then named for what it is
// ("expected a text or an object {en, fr, nl}"), and a wrong field of the
// object keeps `Text`'s own message ("unknown field `de`, expected ...").
impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct NoteVisitor;
        impl<'de> Visitor<'de> for NoteVisitor {
            type Value = Note;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text or an object {en, fr, nl} of texts")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Note, E> {
                Ok(Note::Plain(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Note, E> {
                Ok(Note::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Note, A::Error> {
                let text = Text::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Note::Text(text))
            }
        }
        d.deserialize_any(NoteVisitor)
    }
}
