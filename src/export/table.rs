//! `stances list` for programs: TSV and JSON of a table's rows.

use serde_json::{Map, Value};

use crate::text::sanitize_line;

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
