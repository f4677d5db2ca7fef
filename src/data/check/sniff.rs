//! Telling a TOML file from something else before parsing it.
//!
//! The parser reports every line of a file that is not TOML as an error,
//! at a cost that grows with the file (a token and an error per line or
//! per byte): 100 MB of NUL bytes took seconds and gigabytes to say so.
//! A look at the first line that is not blank or a comment, and a search
//! for a NUL byte, tell most such files apart at once, and one plain
//! message says what the file is instead of hundreds of syntax errors.

/// Why `text` is not a TOML file, and the byte offset to point at.
pub fn not_toml(text: &str) -> Option<(usize, String)> {
    // TOML allows no control character but tab and line endings, and NUL
    // is the mark of a binary file (an image, an archive, /dev/zero).
    if let Some(at) = text.as_bytes().iter().position(|&b| b == 0) {
        return Some((
            at,
            "a NUL byte: this is a binary file, not a TOML text file".into(),
        ));
    }
    let (at, line) = first_meaningful_line(text)?;
    // Every TOML statement is a `[table]` header or a `key = value`
    // line, and a value starts on the line of its key.
    if line.starts_with('[') || line.contains('=') {
        return None;
    }
    Some((
        at,
        "this does not look like a TOML file: its first line that is not blank or a comment is neither `key = value` nor a `[table]` header".into(),
    ))
}

/// The first line that is not blank or a comment, without its leading
/// spaces, and the offset where that text starts.
fn first_meaningful_line(text: &str) -> Option<(usize, &str)> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        let content = trimmed.trim_end_matches(['\n', '\r']);
        if !content.is_empty() && !content.starts_with('#') {
            return Some((start + line.len() - trimmed.len(), content));
        }
        start += line.len();
    }
    None
}

/// The keys of a TOML file may not be nested deeper than this (the
/// parser's recursion limit, which it reports without a position).
pub const MAX_KEY_DEPTH: usize = 80;

/// Where the first key with more than `MAX_KEY_DEPTH` dotted parts is:
/// the parser's "recursion limit" error has no position of its own.
pub fn too_deep_key(text: &str) -> Option<usize> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if line.bytes().filter(|&b| b == b'.').count() >= MAX_KEY_DEPTH - 1 {
            let lead = line.len() - line.trim_start().len();
            return Some(start + lead);
        }
        start += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_files_pass_whatever_their_first_statement() {
        for text in [
            "[dataset]\ntitle = \"t\"\n",
            "# a comment\n\n  [[quote]]\n",
            "\u{feff}title = 1\n",
            "",
            "# only comments\n",
            "a.b = 1\n",
            "\"quoted key\" = 1\n",
        ] {
            assert_eq!(not_toml(text), None, "{text:?}");
        }
    }

    #[test]
    fn prose_markdown_and_lines_of_x_are_not_toml() {
        let md = "# Title\n\nSome prose, with a comma.\n";
        assert_eq!(not_toml(md).map(|(at, _)| at), Some(9));
        assert_eq!(not_toml("x\nx\nx\n").map(|(at, _)| at), Some(0));
        let (at, message) = not_toml("  {\"json\": 1}\n").unwrap();
        assert_eq!(at, 2);
        assert!(message.starts_with("this does not look like a TOML file"));
    }

    #[test]
    fn a_nul_byte_anywhere_is_a_binary_file() {
        let (at, message) = not_toml("[dataset]\ntitle = \"a\0b\"\n").unwrap();
        assert_eq!(at, 20);
        assert!(message.contains("binary file"));
    }

    #[test]
    fn the_first_too_deep_key_is_found() {
        let deep = format!("[{}]\n", vec!["a"; 100].join("."));
        let text = format!("[dataset]\ntitle = \"t.u\"\n{deep}");
        assert_eq!(too_deep_key(&text), Some(24));
        assert_eq!(too_deep_key("a.b.c = 1\n"), None);
    }
}
