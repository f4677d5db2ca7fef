//! The dataset in other formats: JSON for programs; for a classroom a
//! Markdown handout, a worksheet and its answer key, and the handout as a
//! printable HTML page; CSV of the quotes for spreadsheets; the tables of
//! `stances list` as TSV or JSON; and the problems `validate` finds as
//! JSON for editors and CI.

mod csv;
mod html;
mod lesson;
mod markdown;
mod print;
mod problems;
mod search;
mod table;
mod worksheet;

pub use csv::csv;
pub use html::html;
pub use lesson::actor_label;
pub use markdown::markdown;
pub use problems::{Outcome, problems_json};
pub use search::{search_json, search_text};
pub use table::{aligned, table_json, tsv};
pub use worksheet::{key, key_html, worksheet, worksheet_html};

use crate::data::Dataset;

/// The whole normalised dataset (ids resolved, dates as strings), which
/// reads back into the same model.
pub fn json(d: &Dataset) -> String {
    // Serializing plain data with string keys cannot fail.
    let mut s = terminal_safe_json(serde_json::to_string_pretty(d).unwrap_or_default());
    s.push('\n');
    s
}

/// serde_json escapes C0 controls but writes C1 controls (U+0080–U+009F,
/// among them CSI) and bidi controls as they are: valid JSON, but live on
/// a terminal. They can only occur inside strings, where `\uXXXX` means
/// the same character to any JSON reader.
pub(crate) fn terminal_safe_json(json: String) -> String {
    if !json
        .chars()
        .any(|c| c.is_control() && c != '\n' || crate::text::is_bidi_control(c))
    {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if (c.is_control() && c != '\n') || crate::text::is_bidi_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
