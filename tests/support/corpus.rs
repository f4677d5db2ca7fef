//! The escape-injection corpus: text that tries every trick on a
//! terminal. Used by tests/injection.rs (in data, through every printer)
//! and tests/serve.rs (typed and pasted over SSH, and as user names).

/// Text that tries every trick: ESC/CSI/OSC sequences (OSC 52 clipboard
/// writes, OSC 8 links, title changes), C1 controls, BEL, CR, backspace
/// overstrikes, bidi overrides, and the harmless-but-tricky: zero-width
/// joiners, emoji ZWJ sequences, combining marks and tabs.
pub const CORPUS: &[&str] = &[
    "red\u{1b}[31m text",
    "clear\u{1b}[2J\u{1b}[H screen",
    "clip\u{1b}]52;c;aGFja2Vk\u{7} board",
    "link\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\",
    "title\u{1b}]0;pwned\u{7}",
    "c1 csi\u{9b}2J and osc\u{9d}0;x\u{9c}",
    "bell\u{7}\u{7}",
    "carriage\rreturn over",
    "over\u{8}\u{8}\u{8}\u{8}strike",
    "bidi \u{202e}txet desrever\u{202c} and \u{2067}isolate\u{2069}",
    "zwj 👩\u{200d}💻 family 👨\u{200d}👩\u{200d}👧",
    "combining e\u{301} a\u{308}\u{304}",
    "tab\there",
    "dcs\u{1b}P1$r\u{1b}\\ apc\u{1b}_x\u{1b}\\",
];

/// Bytes a terminal received hold nothing that data could have put
/// there to act on it: every ESC starts a CSI (what renderers write for
/// colours and cursor moves, never OSC, DCS, APC or PM), and no other
/// control (C0 but CR and LF, C1, DEL) or bidi control appears.
#[allow(dead_code)]
pub fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let around = || -> String {
            chars[i.saturating_sub(30)..(i + 30).min(chars.len())]
                .iter()
                .collect()
        };
        if c == '\u{1b}' {
            assert_eq!(
                chars.get(i + 1),
                Some(&'['),
                "{what}: an ESC that does not start a CSI at {i}: {:?}",
                around()
            );
            continue;
        }
        assert!(
            !((c.is_control() && c != '\n' && c != '\r') || stances::text::is_bidi_control(c)),
            "{what}: raw {c:?} at {i}: {:?}",
            around()
        );
    }
}
