//! The dataset as written, with the source span of every value the checker
//! may need to point at. `deny_unknown_fields` everywhere: a typo in a field
//! name must be an error, not silently ignored data.
//!
//! These types exist only between parsing and checking; the rest of the
//! program sees the span-free model in `model.rs`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::model::{ActorKind, Confidence, Scope, Stance, TourView, Verification};

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
    #[serde(default)]
    pub objectives: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Text,
    pub title: Text,
    pub publisher: Option<Text>,
    pub author: Option<Text>,
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
    pub short: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApproach {
    pub id: Text,
    pub name: Text,
    pub proponent: Text,
    pub summary: Text,
    pub short_summary: Option<Text>,
    #[serde(default)]
    pub principles: Vec<Text>,
    #[serde(default)]
    pub instruments: Vec<Text>,
    pub position: Option<RawPosition>,
    pub position_note: Option<Text>,
    pub source: Option<Text>,
    pub short: Option<Text>,
    pub scope: Option<Scope>,
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
    pub rendering_of: Option<Text>,
    #[serde(default)]
    pub source_wording: bool,
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
    pub short: Option<Text>,
    #[serde(default)]
    pub other_dates: Vec<RawOtherDate>,
    #[serde(default)]
    pub date_inferred: bool,
}

/// A date another source gives for an event.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOtherDate {
    pub date: RawDate,
    pub source: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTourStep {
    pub title: Text,
    pub text: Text,
    pub focus: Option<Text>,
    #[serde(default)]
    pub view: Option<Spanned<TourView>>,
    pub with: Option<Text>,
    pub filter: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGlossaryEntry {
    pub term: Text,
    pub definition: Text,
    #[serde(default)]
    pub about: Vec<Text>,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub text: Text,
    #[serde(default)]
    pub about: Vec<Text>,
}
