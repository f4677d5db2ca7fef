//! The dataset as written, with the source span of every value the checker
//! may need to point at. `deny_unknown_fields` everywhere: a typo in a field
//! name must be an error, not silently ignored data.
//!
//! These types exist only between parsing and checking; the rest of the
//! program sees the span-free model in `model.rs`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::model::{ActorKind, Confidence, Stance, Verification};

pub type Text = Spanned<String>;
/// A date as written: a TOML local date or a string, read by `date::from_toml`.
pub type RawDate = Spanned<toml::Value>;
pub type RawPosition = Spanned<BTreeMap<Spanned<String>, Spanned<f64>>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDatasetInfo {
    pub title: Text,
    pub summary: Option<Text>,
    pub language: Option<Text>,
    pub license: Option<Text>,
    pub how_to_cite: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Text,
    pub title: Text,
    pub publisher: Option<Text>,
    pub url: Option<Text>,
    pub published: Option<RawDate>,
    pub accessed: Option<RawDate>,
    pub verification: Option<Verification>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAxis {
    pub id: Text,
    pub name: Text,
    pub low: Text,
    pub high: Text,
    pub summary: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    pub id: Text,
    pub name: Text,
    pub kind: ActorKind,
    pub part_of: Option<Text>,
    pub role: Option<Text>,
    #[serde(default)]
    pub aliases: Vec<Text>,
    pub summary: Option<Text>,
    pub position: Option<RawPosition>,
    pub position_note: Option<Text>,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApproach {
    pub id: Text,
    pub name: Text,
    pub proponent: Text,
    pub summary: Text,
    #[serde(default)]
    pub principles: Vec<Text>,
    #[serde(default)]
    pub instruments: Vec<Text>,
    pub position: Option<RawPosition>,
    pub position_note: Option<Text>,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReaction {
    pub id: Text,
    pub actor: Text,
    pub target: Text,
    pub stance: Stance,
    pub summary: Text,
    pub date: Option<RawDate>,
    pub confidence: Option<Confidence>,
    pub source: Option<Text>,
    pub quote: Option<Text>,
    #[serde(default)]
    pub tags: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    pub id: Text,
    pub speaker: Text,
    pub text: Text,
    pub source: Text,
    pub context: Option<Text>,
    pub date: Option<RawDate>,
    #[serde(default)]
    pub about: Vec<Text>,
    #[serde(default)]
    pub tags: Vec<Text>,
    #[serde(default)]
    pub fragment: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: Text,
    pub name: Text,
    pub date: RawDate,
    pub place: Option<Text>,
    #[serde(default)]
    pub actors: Vec<Text>,
    pub summary: Option<Text>,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTourStep {
    pub title: Text,
    pub text: Text,
    pub focus: Option<Text>,
}

/// Moving spans: a chunk of a big file is parsed alone, then its spans are
/// moved by the chunk's offset to point into the whole file.
pub trait Shift {
    fn shift(&mut self, by: usize);
}

fn moved(span: std::ops::Range<usize>, by: usize) -> std::ops::Range<usize> {
    span.start + by..span.end + by
}

impl Shift for Text {
    fn shift(&mut self, by: usize) {
        let value = std::mem::take(self.get_mut());
        *self = Spanned::new(moved(self.span(), by), value);
    }
}

impl Shift for RawDate {
    fn shift(&mut self, by: usize) {
        let value = std::mem::replace(self.get_mut(), toml::Value::Boolean(false));
        *self = Spanned::new(moved(self.span(), by), value);
    }
}

impl Shift for RawPosition {
    fn shift(&mut self, by: usize) {
        let span = moved(self.span(), by);
        let old = std::mem::take(self.get_mut());
        let map = old
            .into_iter()
            .map(|(k, v)| {
                let key = Spanned::new(moved(k.span(), by), k.into_inner());
                let value = Spanned::new(moved(v.span(), by), v.into_inner());
                (key, value)
            })
            .collect();
        *self = Spanned::new(span, map);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(x) = self {
            x.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        for x in self {
            x.shift(by);
        }
    }
}

/// `Shift` for a raw item: every spanned field, listed once here.
macro_rules! shift_fields {
    ($($t:ty: $($field:ident),*;)*) => {
        $(impl Shift for $t {
            fn shift(&mut self, by: usize) {
                $(self.$field.shift(by);)*
            }
        })*
    };
}

shift_fields! {
    RawDatasetInfo: title, summary, language, license, how_to_cite;
    RawSource: id, title, publisher, url, published, accessed;
    RawAxis: id, name, low, high, summary;
    RawActor: id, name, part_of, role, aliases, summary, position, position_note, source;
    RawApproach: id, name, proponent, summary, principles, instruments, position, position_note, source;
    RawReaction: id, actor, target, summary, date, source, quote, tags;
    RawQuote: id, speaker, text, source, context, date, about, tags;
    RawEvent: id, name, date, place, actors, summary, source;
    RawTourStep: title, text, focus;
}
