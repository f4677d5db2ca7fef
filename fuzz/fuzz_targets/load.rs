//! Loading and checking arbitrary bytes: never a panic, whatever the file
//! holds; diagnostics always render; clean data always exports.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stances::data::{SourceFile, check};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let files = [SourceFile::new("fuzz.toml", text)];
    let checked = check(&files);
    for d in &checked.diagnostics {
        let rendered = d.render(&files);
        assert!(!rendered.contains('\u{1b}'), "a diagnostic printed a raw ESC");
    }
    if let Some(d) = checked.dataset {
        let _ = stances::export::json(&d);
        let _ = stances::export::markdown(&d);
        let _ = stances::export::csv(&d);
    }
});
