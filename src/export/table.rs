//! `stances list`'s tables: aligned columns for people, TSV and JSON of a
//! table's rows for programs.

use serde_json::{Map, Value};

use crate::text::{pad, sanitize_line, truncate, width};

/// Columns between cells.
const GAP: usize = 2;

/// Align cells in columns. When the table is wider than `max_width`, the
/// widest columns give up cells first (down to a floor), ending in `…`.
pub fn aligned(header: &[&str], rows: &[Vec<String>], max_width: Option<usize>) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| sanitize_line(c).into_owned()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(c));
        }
    }
    if let Some(max) = max_width {
        let floor = 6;
        let total = |ws: &[usize]| ws.iter().sum::<usize>() + GAP * ws.len().saturating_sub(1);
        while total(&widths) > max {
            let Some((i, w)) = widths.iter().enumerate().max_by_key(|(_, w)| **w) else {
                break;
            };
            if *w <= floor {
                break;
            }
            widths[i] -= 1;
        }
    }
    let mut out = String::new();
    let mut line = |row: Vec<&str>| {
        let last = row.len().saturating_sub(1);
        let mut s = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let cell = truncate(cell, *w);
            if i == last {
                s.push_str(&cell);
            } else {
                s.push_str(&pad(&cell, *w + GAP));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in &cells {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

/// The header, then one row per line, cells separated by tabs. A tab or
/// newline inside a cell becomes a space (and control characters are
/// escaped), so every line has exactly one cell per column.
pub fn tsv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = header.join("\t");
    out.push('\n');
    for row in rows {
        let cells: Vec<_> = row.iter().map(|c| sanitize_line(c)).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// An array of objects, one per row, keyed by the header in snake case
/// (`PART OF` becomes `part_of`). Cells are kept whole, newlines included.
pub fn table_json(header: &[&str], rows: &[Vec<String>]) -> String {
    let keys: Vec<String> = header
        .iter()
        .map(|h| h.to_lowercase().replace(' ', "_"))
        .collect();
    let objects: Vec<Value> = rows
        .iter()
        .map(|row| {
            let object: Map<String, Value> = keys
                .iter()
                .zip(row)
                .map(|(k, cell)| (k.clone(), Value::String(cell.clone())))
                .collect();
            Value::Object(object)
        })
        .collect();
    let json = serde_json::to_string_pretty(&Value::Array(objects)).unwrap_or_default();
    let mut out = super::terminal_safe_json(json);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_keeps_one_cell_per_tab() {
        let out = tsv(
            &["ID", "TEXT"],
            &[vec!["a".into(), "two\tcells\nand lines\u{1b}".into()]],
        );
        assert_eq!(out, "ID\tTEXT\na\ttwo cells and lines\\u{1b}\n");
    }

    #[test]
    fn json_keys_are_snake_case_and_cells_whole() {
        let out = table_json(&["ID", "PART OF"], &[vec!["a".into(), "x\ny".into()]]);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["id"], "a");
        assert_eq!(v[0]["part_of"], "x\ny");
    }
}
