//! The dataset in other formats: JSON for programs, Markdown for a printed
//! handout, CSV of the quotes for spreadsheets.

mod csv;
mod markdown;
mod search;

pub use csv::csv;
pub use markdown::markdown;
pub use search::{search_json, search_text};

use crate::data::Dataset;

/// The whole normalised dataset (ids resolved, dates as strings), which
/// reads back into the same model.
pub fn json(d: &Dataset) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut s = serde_json::to_string_pretty(d).unwrap_or_default();
    s.push('\n');
    s
}
