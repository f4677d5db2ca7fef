//! Loading and checking arbitrary bytes: never a panic, whatever the file
//! holds; diagnostics always render, at most `MAX_SHOWN` of them with the
//! rest counted; the same bytes read from a file (byte order marks, NUL
//! bytes, not-TOML detection, the bounded read) give the same verdict;
//! clean data always exports, its Markdown with no raw `<`, `[` or `]`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stances::data::check::MAX_SHOWN;
use stances::data::{SourceFile, check};

fuzz_target!(|bytes: &[u8]| {
    from_file(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let files = [SourceFile::new("fuzz.toml", text)];
    let checked = check(&files);
    assert!(
        checked.diagnostics.len() <= MAX_SHOWN,
        "more problems kept than shown"
    );
    let shown_errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
    assert!(checked.error_count() >= shown_errors);
    assert_eq!(
        checked.omitted_line().is_some(),
        checked.omitted.errors + checked.omitted.warnings > 0
    );
    for d in &checked.diagnostics {
        let rendered = d.render(&files);
        assert!(
            !rendered.contains('\u{1b}'),
            "a diagnostic printed a raw ESC"
        );
    }
    if let Some(d) = checked.dataset {
        let _ = stances::export::json(&d);
        let md = stances::export::markdown(&d);
        for (i, c) in md
            .char_indices()
            .filter(|(_, c)| matches!(c, '<' | '[' | ']'))
        {
            assert!(md[..i].ends_with('\\'), "a raw {c:?} in the Markdown");
        }
        let _ = stances::export::csv(&d);
    }
});

/// The bytes as a file on disk, read the way `stances validate` reads it:
/// a clean file there is clean in memory too.
fn from_file(bytes: &[u8]) {
    let path = std::env::temp_dir().join(format!("stances-fuzz-{}.toml", std::process::id()));
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let loaded = stances::data::load::load_path(&path);
    let _ = std::fs::remove_file(&path);
    let Ok(loaded) = loaded else { return };
    let _ = loaded.report();
    if loaded.checked.dataset.is_some() {
        let text = std::str::from_utf8(bytes).expect("a clean file is UTF-8");
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let again = check(&[SourceFile::new("fuzz.toml", text)]);
        assert!(
            again.dataset.is_some(),
            "clean from a file, broken in memory"
        );
    }
}
