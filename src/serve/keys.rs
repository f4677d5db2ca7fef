//! The bytes a student's SSH channel sends, read as key, mouse and paste
//! events.
//!
//! Locally crossterm reads the terminal; over SSH the server only has the
//! bytes the student's terminal wrote, and every one of them is hostile.
//! [`KeyDecoder`] is a byte-at-a-time state machine: whatever it has not
//! finished reading fits in a few fixed buffers, so no input makes it
//! allocate more (a paste is capped at [`MAX_PASTE`] bytes); a sequence
//! it does not know is dropped whole, never typed as the letters it is
//! made of; a sequence longer than [`MAX_SEQUENCE`] is skipped to its end.
//! Since its state carries over between calls, the events do not depend
//! on how the bytes were split into packets, with one exception that no
//! decoder can avoid: ESC alone is the Esc key only once nothing followed
//! it for a while, which the caller says by calling [`KeyDecoder::flush`].
//!
//! Text never carries a control or bidi character (they are dropped, as
//! are bytes that are not UTF-8), so a key event cannot smuggle an escape
//! sequence to anyone's screen.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::text;

/// The longest CSI or SS3 sequence kept while it is read (its parameter
/// and intermediate bytes). Real keys and mouse reports need under 20;
/// anything longer is skipped to its final byte.
pub const MAX_SEQUENCE: usize = 32;

/// The most bytes of one bracketed paste that are kept. The rest of the
/// paste is read (to find its end) and dropped.
pub const MAX_PASTE: usize = 4096;

/// The end of a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Ground,
    /// After ESC: a sequence, or Alt and a key.
    Escape,
    /// After ESC [ (or a C1-less CSI): parameters in `seq`.
    Csi,
    /// A CSI too long to keep, read to its final byte and dropped.
    CsiSkip,
    /// After ESC [ [: the Linux console's F1–F5.
    LinuxF,
    /// After ESC O: SS3, with optional modifier digits in `seq`.
    Ss3,
    /// The three raw bytes of an X10 mouse report (ESC [ M b x y), `left`
    /// of them still to come.
    X10 {
        left: u8,
    },
    /// Inside a bracketed paste; `matched` bytes of its end marker seen.
    Paste {
        matched: u8,
    },
}

/// Turns the bytes of an SSH channel into crossterm events, all of kind
/// `Press`. Pure: no I/O, no clock.
#[derive(Debug)]
pub struct KeyDecoder {
    state: State,
    /// The parameter and intermediate bytes of the sequence being read.
    seq: [u8; MAX_SEQUENCE],
    seq_len: usize,
    /// A UTF-8 character begun but not finished, and whether Alt (an ESC)
    /// came before it.
    utf8: [u8; 4],
    utf8_len: usize,
    utf8_need: usize,
    utf8_alt: bool,
    /// The last byte was CR: a following LF is the same Enter.
    after_cr: bool,
    /// The paste being read, at most [`MAX_PASTE`] bytes.
    paste: Vec<u8>,
}

impl Default for KeyDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl KeyDecoder {
    pub fn new() -> KeyDecoder {
        KeyDecoder {
            state: State::Ground,
            seq: [0; MAX_SEQUENCE],
            seq_len: 0,
            utf8: [0; 4],
            utf8_len: 0,
            utf8_need: 0,
            utf8_alt: false,
            after_cr: false,
            paste: Vec::new(),
        }
    }

    /// Read `bytes`, appending every event they complete to `out`. A
    /// sequence cut at the end of `bytes` is kept for the next call.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        for &b in bytes {
            self.byte(b, out);
        }
    }

    /// Nothing came for a while: an ESC waiting for the rest of a
    /// sequence was the Esc key (and ESC [ or ESC O, Alt with `[` or
    /// `O`); anything else half-read is dropped. A paste is not ended by
    /// a pause, only by its end marker.
    pub fn flush(&mut self, out: &mut Vec<Event>) {
        self.after_cr = false;
        match self.state {
            State::Escape => out.push(key(KeyCode::Esc, KeyModifiers::NONE)),
            State::Csi if self.seq_len == 0 => out.push(key(KeyCode::Char('['), KeyModifiers::ALT)),
            State::Ss3 if self.seq_len == 0 => out.push(key(
                KeyCode::Char('O'),
                KeyModifiers::ALT | KeyModifiers::SHIFT,
            )),
            // The rest of a mouse report, or of a paste, may still be on
            // its way; its bytes must not be read as keys.
            State::X10 { .. } | State::Paste { .. } => return,
            _ => {}
        }
        self.utf8_len = 0;
        self.utf8_need = 0;
        self.seq_len = 0;
        self.state = State::Ground;
    }

    fn byte(&mut self, b: u8, out: &mut Vec<Event>) {
        if self.utf8_need > 0 {
            self.continue_utf8(b, out);
            return;
        }
        let after_cr = std::mem::take(&mut self.after_cr);
        match self.state {
            State::Ground => {
                if b == b'\n' && after_cr {
                    return;
                }
                self.ground(b, false, out);
            }
            State::Escape => self.escape(b, out),
            State::Csi => self.csi(b, out),
            State::CsiSkip => {
                if (0x40..=0x7e).contains(&b) {
                    self.state = State::Ground;
                } else if !(0x20..=0x3f).contains(&b) {
                    // Not part of a CSI: the sequence was broken off.
                    self.state = State::Ground;
                    self.byte(b, out);
                }
            }
            State::LinuxF => {
                self.state = State::Ground;
                if let b'A'..=b'E' = b {
                    out.push(key(KeyCode::F(b - b'A' + 1), KeyModifiers::NONE));
                } else if !(0x40..=0x7e).contains(&b) {
                    self.byte(b, out);
                }
            }
            State::Ss3 => self.ss3(b, out),
            State::X10 { left } => {
                if self.seq_len < self.seq.len() {
                    self.seq[self.seq_len] = b;
                    self.seq_len += 1;
                }
                if left > 1 {
                    self.state = State::X10 { left: left - 1 };
                } else {
                    self.state = State::Ground;
                    let [cb, cx, cy] = [self.seq[0], self.seq[1], self.seq[2]];
                    self.seq_len = 0;
                    let (cb, x, y) = (
                        u32::from(cb).wrapping_sub(32),
                        u32::from(cx).saturating_sub(32),
                        u32::from(cy).saturating_sub(32),
                    );
                    if let Some(m) = mouse_report(cb, x, y, None) {
                        out.push(m);
                    }
                }
            }
            State::Paste { matched } => self.paste_byte(b, matched, out),
        }
    }

    /// A byte outside any sequence; `alt` when an ESC came just before.
    fn ground(&mut self, b: u8, alt: bool, out: &mut Vec<Event>) {
        let mods = if alt {
            KeyModifiers::ALT
        } else {
            KeyModifiers::NONE
        };
        let event = match b {
            0x1b => {
                self.state = State::Escape;
                return;
            }
            b'\r' => {
                self.after_cr = true;
                key(KeyCode::Enter, mods)
            }
            b'\n' => key(KeyCode::Enter, mods),
            b'\t' => key(KeyCode::Tab, mods),
            0x7f | 0x08 => key(KeyCode::Backspace, mods),
            0x00 => key(KeyCode::Char(' '), mods | KeyModifiers::CONTROL),
            0x01..=0x1a => key(
                KeyCode::Char((b - 0x01 + b'a') as char),
                mods | KeyModifiers::CONTROL,
            ),
            0x1c..=0x1f => key(
                KeyCode::Char((b - 0x1c + b'4') as char),
                mods | KeyModifiers::CONTROL,
            ),
            0x20..=0x7e => char_key(b as char, mods),
            0xc2..=0xdf => return self.start_utf8(b, 1, alt),
            0xe0..=0xef => return self.start_utf8(b, 2, alt),
            0xf0..=0xf4 => return self.start_utf8(b, 3, alt),
            // A continuation byte with no start, or a byte UTF-8 never
            // uses (raw C1 controls among them): dropped.
            _ => return,
        };
        out.push(event);
    }

    fn start_utf8(&mut self, b: u8, need: usize, alt: bool) {
        self.utf8[0] = b;
        self.utf8_len = 1;
        self.utf8_need = need;
        self.utf8_alt = alt;
    }

    fn continue_utf8(&mut self, b: u8, out: &mut Vec<Event>) {
        // The second byte's range depends on the first (no overlong
        // forms, no surrogates, nothing past U+10FFFF).
        let range = match (self.utf8_len, self.utf8[0]) {
            (1, 0xe0) => 0xa0..=0xbf,
            (1, 0xed) => 0x80..=0x9f,
            (1, 0xf0) => 0x90..=0xbf,
            (1, 0xf4) => 0x80..=0x8f,
            _ => 0x80..=0xbf,
        };
        if !range.contains(&b) {
            // The character was broken off: drop it, read `b` afresh.
            self.utf8_need = 0;
            self.utf8_len = 0;
            self.state = State::Ground;
            self.byte(b, out);
            return;
        }
        self.utf8[self.utf8_len] = b;
        self.utf8_len += 1;
        self.utf8_need -= 1;
        if self.utf8_need > 0 {
            return;
        }
        let len = std::mem::take(&mut self.utf8_len);
        let alt = std::mem::take(&mut self.utf8_alt);
        if let Some(c) = std::str::from_utf8(&self.utf8[..len])
            .ok()
            .and_then(|s| s.chars().next())
        {
            let mods = if alt {
                KeyModifiers::ALT
            } else {
                KeyModifiers::NONE
            };
            if let Some(event) = text_key(c, mods) {
                out.push(event);
            }
        }
    }

    fn escape(&mut self, b: u8, out: &mut Vec<Event>) {
        self.seq_len = 0;
        match b {
            b'[' => self.state = State::Csi,
            b'O' => self.state = State::Ss3,
            // ESC ESC: the first was the Esc key; the second starts anew.
            0x1b => out.push(key(KeyCode::Esc, KeyModifiers::NONE)),
            _ => {
                self.state = State::Ground;
                self.ground(b, true, out);
            }
        }
    }

    fn push_seq(&mut self, b: u8) -> bool {
        if self.seq_len == self.seq.len() {
            return false;
        }
        self.seq[self.seq_len] = b;
        self.seq_len += 1;
        true
    }

    fn csi(&mut self, b: u8, out: &mut Vec<Event>) {
        match b {
            b'[' if self.seq_len == 0 => self.state = State::LinuxF,
            // X10 mouse: three raw bytes follow, whatever they are.
            b'M' if self.seq_len == 0 => {
                self.state = State::X10 { left: 3 };
            }
            // rxvt ends modified keys with `$` (Shift), an intermediate
            // byte everywhere else.
            b'$' if self.seq_len > 0 && self.seq[..self.seq_len].iter().all(u8::is_ascii_digit) => {
                self.state = State::Ground;
                let seq = self.take_seq();
                if let Some(e) = csi_event(&seq.0[..seq.1], b'$') {
                    out.push(e);
                }
            }
            0x20..=0x3f => {
                if !self.push_seq(b) {
                    self.seq_len = 0;
                    self.state = State::CsiSkip;
                }
            }
            0x40..=0x7e => {
                self.state = State::Ground;
                let (seq, len) = self.take_seq();
                let params = &seq[..len];
                if b == b'~' && params == b"200" {
                    self.paste.clear();
                    self.paste.reserve_exact(MAX_PASTE);
                    self.state = State::Paste { matched: 0 };
                } else if let Some(e) = csi_event(params, b) {
                    out.push(e);
                }
            }
            _ => {
                // A control or non-ASCII byte breaks the sequence off.
                self.seq_len = 0;
                self.state = State::Ground;
                self.byte(b, out);
            }
        }
    }

    fn take_seq(&mut self) -> ([u8; MAX_SEQUENCE], usize) {
        let len = std::mem::take(&mut self.seq_len);
        (self.seq, len)
    }

    fn ss3(&mut self, b: u8, out: &mut Vec<Event>) {
        if b.is_ascii_digit() {
            if !self.push_seq(b) {
                self.seq_len = 0;
                self.state = State::CsiSkip;
            }
            return;
        }
        self.state = State::Ground;
        let (seq, len) = self.take_seq();
        if !(0x40..=0x7e).contains(&b) {
            self.byte(b, out);
            return;
        }
        let mods = match parse_number(&seq[..len]) {
            Some(m) => modifiers(m),
            None if len == 0 => KeyModifiers::NONE,
            None => return,
        };
        let code = match b {
            b'A' => KeyCode::Up,
            b'B' => KeyCode::Down,
            b'C' => KeyCode::Right,
            b'D' => KeyCode::Left,
            b'H' => KeyCode::Home,
            b'F' => KeyCode::End,
            b'E' => KeyCode::KeypadBegin,
            b'P'..=b'S' => KeyCode::F(b - b'P' + 1),
            b'M' => KeyCode::Enter,
            // The application keypad's digits and signs.
            b'j' => KeyCode::Char('*'),
            b'k' => KeyCode::Char('+'),
            b'l' => KeyCode::Char(','),
            b'm' => KeyCode::Char('-'),
            b'n' => KeyCode::Char('.'),
            b'o' => KeyCode::Char('/'),
            b'p'..=b'y' => KeyCode::Char((b - b'p' + b'0') as char),
            b'X' => KeyCode::Char('='),
            _ => return,
        };
        out.push(key(code, mods));
    }

    fn paste_byte(&mut self, b: u8, matched: u8, out: &mut Vec<Event>) {
        let m = usize::from(matched);
        if b == PASTE_END[m] {
            if m + 1 == PASTE_END.len() {
                self.state = State::Ground;
                let text = clean_paste(&self.paste);
                self.paste = Vec::new();
                out.push(Event::Paste(text));
            } else {
                self.state = State::Paste {
                    matched: matched + 1,
                };
            }
            return;
        }
        // Part of the end marker that turned out to be text is text; the
        // byte that broke the match may start the marker again.
        for &marker in &PASTE_END[..m] {
            self.keep_paste(marker);
        }
        if b == PASTE_END[0] {
            self.state = State::Paste { matched: 1 };
        } else {
            self.keep_paste(b);
            self.state = State::Paste { matched: 0 };
        }
    }

    fn keep_paste(&mut self, b: u8) {
        if self.paste.len() < MAX_PASTE {
            self.paste.push(b);
        }
    }
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

/// A printable character as crossterm reports it: Shift with capitals.
fn char_key(c: char, mods: KeyModifiers) -> Event {
    let mods = if c.is_uppercase() {
        mods | KeyModifiers::SHIFT
    } else {
        mods
    };
    key(KeyCode::Char(c), mods)
}

/// A decoded character as a key, unless it is one no screen may receive.
fn text_key(c: char, mods: KeyModifiers) -> Option<Event> {
    (!text::is_unsafe(c) && !text::is_format(c)).then(|| char_key(c, mods))
}

/// The modifiers a CSI parameter encodes: 1 + a bit set.
fn modifiers(param: u32) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    for (bit, m) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        if bits & bit != 0 {
            mods |= m;
        }
    }
    mods
}

/// A decimal number of at most five digits (no value in a key or mouse
/// report needs more).
fn parse_number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// Up to four `;`-separated numbers; an empty one is `None` (the
/// default). Anything else in them makes the whole sequence unknown.
fn parse_params(params: &[u8]) -> Option<([Option<u32>; 4], usize)> {
    let mut out = [None; 4];
    let mut n = 0;
    for part in params.split(|&b| b == b';') {
        if n == out.len() {
            return None;
        }
        out[n] = if part.is_empty() {
            None
        } else {
            Some(parse_number(part)?)
        };
        n += 1;
    }
    Some((out, n))
}

/// The event a complete CSI sequence stands for, if it is one we know.
fn csi_event(params: &[u8], last: u8) -> Option<Event> {
    if let Some(sgr) = params.strip_prefix(b"<") {
        let (p, n) = parse_params(sgr)?;
        if n != 3 || !matches!(last, b'M' | b'm') {
            return None;
        }
        return mouse_report(p[0]?, p[1]?, p[2]?, Some(last == b'm'));
    }
    let (p, n) = parse_params(params)?;
    let first = p[0].unwrap_or(1);
    let mods = if n >= 2 {
        modifiers(p[1].unwrap_or(1))
    } else {
        KeyModifiers::NONE
    };
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'E' => KeyCode::KeypadBegin,
        b'P'..=b'S' => KeyCode::F(last - b'P' + 1),
        b'Z' => return Some(key(KeyCode::BackTab, mods | KeyModifiers::SHIFT)),
        b'I' if n <= 1 && p[0].is_none() => return Some(Event::FocusGained),
        b'O' if n <= 1 && p[0].is_none() => return Some(Event::FocusLost),
        // urxvt's mouse (1015): the X10 button code in decimal.
        b'M' if n == 3 => {
            return mouse_report(p[0]?.checked_sub(32)?, p[1]?, p[2]?, None);
        }
        b'~' | b'$' | b'^' | b'@' => {
            let mods = match last {
                b'$' => KeyModifiers::SHIFT,
                b'^' => KeyModifiers::CONTROL,
                b'@' => KeyModifiers::CONTROL | KeyModifiers::SHIFT,
                _ => mods,
            };
            // xterm's modifyOtherKeys: 27 ; modifiers ; code ~
            if last == b'~' && first == 27 && n == 3 {
                return unicode_key(p[2]?, modifiers(p[1].unwrap_or(1)));
            }
            if last == b'~' && n > 2 {
                return None;
            }
            let code = match first {
                1 | 7 => KeyCode::Home,
                2 => KeyCode::Insert,
                3 => KeyCode::Delete,
                4 | 8 => KeyCode::End,
                5 => KeyCode::PageUp,
                6 => KeyCode::PageDown,
                11..=15 => KeyCode::F((first - 10) as u8),
                17..=21 => KeyCode::F((first - 11) as u8),
                23 | 24 => KeyCode::F((first - 12) as u8),
                _ => return None,
            };
            return Some(key(code, mods));
        }
        // The kitty keyboard protocol's key by code point.
        b'u' if n <= 2 => return unicode_key(p[0]?, mods),
        _ => return None,
    };
    // Cursor and function keys take no first parameter but 1.
    if first != 1 || n > 2 {
        return None;
    }
    Some(key(code, mods))
}

/// A key given by its code point (kitty, modifyOtherKeys).
fn unicode_key(code: u32, mods: KeyModifiers) -> Option<Event> {
    let event = match code {
        13 => key(KeyCode::Enter, mods),
        9 => key(KeyCode::Tab, mods),
        27 => key(KeyCode::Esc, mods),
        8 | 127 => key(KeyCode::Backspace, mods),
        _ => return text_key(char::from_u32(code)?, mods),
    };
    Some(event)
}

/// A mouse report: the xterm button code, 1-based cell, and for SGR
/// whether it was a release (`None`: the X10 form, where button 3 is
/// the release).
fn mouse_report(cb: u32, x: u32, y: u32, released: Option<bool>) -> Option<Event> {
    let column = u16::try_from(x.checked_sub(1)?).ok()?;
    let row = u16::try_from(y.checked_sub(1)?).ok()?;
    if cb >= 128 {
        return None; // buttons 8–11: nothing uses them
    }
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if cb & bit != 0 {
            modifiers |= m;
        }
    }
    let button = match cb & 3 {
        0 => Some(MouseButton::Left),
        1 => Some(MouseButton::Middle),
        2 => Some(MouseButton::Right),
        _ => None,
    };
    let kind = if cb & 64 != 0 {
        match cb & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        match button {
            Some(b) => MouseEventKind::Drag(b),
            None => MouseEventKind::Moved,
        }
    } else {
        match (released, button) {
            (Some(false), Some(b)) => MouseEventKind::Down(b),
            (Some(true), Some(b)) => MouseEventKind::Up(b),
            (None, Some(b)) => MouseEventKind::Down(b),
            // X10 says which button went up only as "a button".
            (None, None) => MouseEventKind::Up(MouseButton::Left),
            (Some(_), None) => return None,
        }
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    }))
}

/// A paste as text for a one-line field: UTF-8 only, line breaks and
/// tabs as one space each (CR LF as one), every other control, bidi or
/// format character dropped.
fn clean_paste(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut last_cr = false;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            let cr = c == '\r';
            match c {
                '\n' if last_cr => {}
                '\r' | '\n' | '\t' => out.push(' '),
                c if text::is_unsafe(c) || text::is_format(c) => {}
                c => out.push(c),
            }
            last_cr = cr;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decode(bytes: &[u8]) -> Vec<Event> {
        let mut d = KeyDecoder::new();
        let mut out = Vec::new();
        d.feed(bytes, &mut out);
        d.flush(&mut out);
        out
    }

    fn k(code: KeyCode) -> Event {
        key(code, KeyModifiers::NONE)
    }

    fn km(code: KeyCode, mods: KeyModifiers) -> Event {
        key(code, mods)
    }

    fn c(ch: char) -> Event {
        char_key(ch, KeyModifiers::NONE)
    }

    const CTRL: KeyModifiers = KeyModifiers::CONTROL;
    const ALT: KeyModifiers = KeyModifiers::ALT;
    const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

    #[test]
    fn text_is_characters_in_utf8() {
        assert_eq!(decode(b"jk"), [c('j'), c('k')]);
        assert_eq!(decode("é李🙂".as_bytes()), [c('é'), c('李'), c('🙂')]);
        assert_eq!(decode(b"G"), [km(KeyCode::Char('G'), SHIFT)]);
        // Every event is a press.
        for e in decode(b"a\x1b[A\r") {
            let Event::Key(k) = e else { panic!() };
            assert_eq!(k.kind, crossterm::event::KeyEventKind::Press);
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_dropped() {
        // A lone continuation byte, a C1 byte, an overlong form, a
        // surrogate, a start byte broken off by an ASCII letter.
        assert_eq!(decode(b"a\x80b"), [c('a'), c('b')]);
        assert_eq!(decode(b"\x9b2J"), [c('2'), km(KeyCode::Char('J'), SHIFT)]);
        assert_eq!(decode(b"\xc0\xafx"), [c('x')]);
        assert_eq!(decode(b"\xed\xa0\x80y"), [c('y')]);
        assert_eq!(decode(b"\xe6\x9dz"), [c('z')]);
        assert_eq!(decode(b"\xf5\xff\xfe"), []);
        // A character cut at the end of the input is dropped by flush.
        assert_eq!(decode(b"\xe6\x9d"), []);
    }

    #[test]
    fn control_bidi_and_format_characters_never_become_text() {
        // U+009B (CSI) as UTF-8, U+202E, U+200B, U+2066, U+FEFF.
        let bytes = "\u{9b}\u{202e}\u{200b}\u{2066}\u{feff}ok".as_bytes();
        assert_eq!(decode(bytes), [c('o'), c('k')]);
    }

    #[test]
    fn enter_is_cr_lf_or_crlf_once() {
        let enter = k(KeyCode::Enter);
        assert_eq!(decode(b"\r"), vec![enter.clone()]);
        assert_eq!(decode(b"\n"), vec![enter.clone()]);
        assert_eq!(decode(b"\r\n"), vec![enter.clone()]);
        assert_eq!(decode(b"\r\r"), [enter.clone(), enter.clone()]);
        assert_eq!(decode(b"\n\n"), [enter.clone(), enter.clone()]);
        assert_eq!(decode(b"\r\n\r\n"), [enter.clone(), enter.clone()]);
        assert_eq!(decode(b"\rx\n"), [enter.clone(), c('x'), enter]);
    }

    #[test]
    fn tab_backspace_and_ctrl_letters() {
        assert_eq!(decode(b"\t"), [k(KeyCode::Tab)]);
        assert_eq!(decode(b"\x1b[Z"), [km(KeyCode::BackTab, SHIFT)]);
        assert_eq!(
            decode(b"\x7f\x08"),
            [k(KeyCode::Backspace), k(KeyCode::Backspace)]
        );
        assert_eq!(decode(b"\x03"), [km(KeyCode::Char('c'), CTRL)]);
        assert_eq!(
            decode(b"\x01\x1a"),
            [km(KeyCode::Char('a'), CTRL), km(KeyCode::Char('z'), CTRL)]
        );
        assert_eq!(decode(b"\x00"), [km(KeyCode::Char(' '), CTRL)]);
        assert_eq!(decode(b"\x1c"), [km(KeyCode::Char('4'), CTRL)]);
    }

    #[test]
    fn a_lone_escape_is_esc_only_once_nothing_follows() {
        let mut d = KeyDecoder::new();
        let mut out = Vec::new();
        d.feed(b"\x1b", &mut out);
        assert!(out.is_empty(), "ESC may start a sequence");
        d.flush(&mut out);
        assert_eq!(out, [k(KeyCode::Esc)]);
        assert_eq!(decode(b"\x1b\x1b"), [k(KeyCode::Esc), k(KeyCode::Esc)]);
        // Flushing twice, or with nothing pending, adds nothing.
        out.clear();
        d.flush(&mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn escape_before_a_key_is_alt() {
        assert_eq!(decode(b"\x1bj"), [km(KeyCode::Char('j'), ALT)]);
        assert_eq!(decode(b"\x1bJ"), [km(KeyCode::Char('J'), ALT | SHIFT)]);
        assert_eq!(decode("\x1bé".as_bytes()), [km(KeyCode::Char('é'), ALT)]);
        assert_eq!(decode(b"\x1b\r"), [km(KeyCode::Enter, ALT)]);
        assert_eq!(decode(b"\x1b\x7f"), [km(KeyCode::Backspace, ALT)]);
        assert_eq!(decode(b"\x1b\x03"), [km(KeyCode::Char('c'), ALT | CTRL)]);
        assert_eq!(decode(b"\x1b\x1b[A"), [k(KeyCode::Esc), k(KeyCode::Up)]);
        // ESC [ or ESC O with nothing after them, once time has passed.
        assert_eq!(decode(b"\x1b["), [km(KeyCode::Char('['), ALT)]);
        assert_eq!(decode(b"\x1bO"), [km(KeyCode::Char('O'), ALT | SHIFT)]);
    }

    #[test]
    fn arrows_home_and_end_in_every_common_form() {
        for (bytes, code) in [
            (&b"\x1b[A"[..], KeyCode::Up),
            (b"\x1b[B", KeyCode::Down),
            (b"\x1b[C", KeyCode::Right),
            (b"\x1b[D", KeyCode::Left),
            (b"\x1bOA", KeyCode::Up),
            (b"\x1bOB", KeyCode::Down),
            (b"\x1bOC", KeyCode::Right),
            (b"\x1bOD", KeyCode::Left),
            (b"\x1b[H", KeyCode::Home),
            (b"\x1b[F", KeyCode::End),
            (b"\x1bOH", KeyCode::Home),
            (b"\x1bOF", KeyCode::End),
            (b"\x1b[1~", KeyCode::Home),
            (b"\x1b[4~", KeyCode::End),
            (b"\x1b[7~", KeyCode::Home),
            (b"\x1b[8~", KeyCode::End),
            (b"\x1b[5~", KeyCode::PageUp),
            (b"\x1b[6~", KeyCode::PageDown),
            (b"\x1b[2~", KeyCode::Insert),
            (b"\x1b[3~", KeyCode::Delete),
        ] {
            assert_eq!(decode(bytes), [k(code)], "{bytes:?}");
        }
    }

    #[test]
    fn function_keys_f1_to_f12() {
        let forms: [&[u8]; 12] = [
            b"\x1bOP",
            b"\x1bOQ",
            b"\x1bOR",
            b"\x1bOS",
            b"\x1b[15~",
            b"\x1b[17~",
            b"\x1b[18~",
            b"\x1b[19~",
            b"\x1b[20~",
            b"\x1b[21~",
            b"\x1b[23~",
            b"\x1b[24~",
        ];
        for (n, bytes) in (1..).zip(forms) {
            assert_eq!(decode(bytes), [k(KeyCode::F(n))], "F{n}");
        }
        // The vt220 and Linux console forms of F1–F5.
        assert_eq!(
            decode(b"\x1b[11~\x1b[14~"),
            [k(KeyCode::F(1)), k(KeyCode::F(4))]
        );
        assert_eq!(
            decode(b"\x1b[[A\x1b[[E"),
            [k(KeyCode::F(1)), k(KeyCode::F(5))]
        );
        assert_eq!(decode(b"\x1b[1;2P"), [km(KeyCode::F(1), SHIFT)]);
    }

    #[test]
    fn modifiers_in_csi_parameters() {
        assert_eq!(decode(b"\x1b[1;5A"), [km(KeyCode::Up, CTRL)]);
        assert_eq!(decode(b"\x1b[1;2B"), [km(KeyCode::Down, SHIFT)]);
        assert_eq!(decode(b"\x1b[1;3C"), [km(KeyCode::Right, ALT)]);
        assert_eq!(
            decode(b"\x1b[1;8D"),
            [km(KeyCode::Left, SHIFT | ALT | CTRL)]
        );
        assert_eq!(decode(b"\x1b[5;5~"), [km(KeyCode::PageUp, CTRL)]);
        assert_eq!(decode(b"\x1b[3;2~"), [km(KeyCode::Delete, SHIFT)]);
        assert_eq!(decode(b"\x1bO5A"), [km(KeyCode::Up, CTRL)]);
        // rxvt's suffixes.
        assert_eq!(decode(b"\x1b[5^"), [km(KeyCode::PageUp, CTRL)]);
        assert_eq!(decode(b"\x1b[2$"), [km(KeyCode::Insert, SHIFT)]);
        assert_eq!(decode(b"\x1b[7@"), [km(KeyCode::Home, CTRL | SHIFT)]);
        // modifyOtherKeys and kitty.
        assert_eq!(decode(b"\x1b[27;5;106~"), [km(KeyCode::Char('j'), CTRL)]);
        assert_eq!(decode(b"\x1b[106;5u"), [km(KeyCode::Char('j'), CTRL)]);
        assert_eq!(decode(b"\x1b[13u"), [k(KeyCode::Enter)]);
    }

    #[test]
    fn unknown_sequences_are_dropped_whole() {
        for bytes in [
            &b"\x1b[99~"[..],
            b"\x1b[?1;2c",
            b"\x1b[>0;95;0c",
            b"\x1b[9A",
            b"\x1b[1;2;3;4;5A",
            b"\x1b[1:2A",
            b"\x1b[=x",
            b"\x1b[27;5;155~",
            b"\x1b[1;5;155u",
            b"\x1bOz",
            b"\x1b[<0;0;0M",
            b"\x1b[<1;2M",
            b"\x1b[<0;70000;1M",
            b"\x1b[<128;1;1M",
        ] {
            assert_eq!(decode(bytes), [], "{bytes:?}");
        }
        // And what follows is read normally.
        assert_eq!(decode(b"\x1b[99~x"), [c('x')]);
    }

    #[test]
    fn a_broken_sequence_gives_way_to_the_byte_that_broke_it() {
        assert_eq!(decode(b"\x1b[1\x03"), [km(KeyCode::Char('c'), CTRL)]);
        assert_eq!(decode(b"\x1b[1\x1b[B"), [k(KeyCode::Down)]);
        assert_eq!(decode("\x1b[1é".as_bytes()), [c('é')]);
        assert_eq!(decode(b"\x1bO\rx"), [k(KeyCode::Enter), c('x')]);
    }

    #[test]
    fn an_overlong_sequence_is_skipped_to_its_end() {
        let mut bytes = b"\x1b[".to_vec();
        bytes.extend(std::iter::repeat_n(b'1', 10_000));
        bytes.extend(b"Ajk");
        assert_eq!(decode(&bytes), [c('j'), c('k')]);
        let mut ss3 = b"\x1bO".to_vec();
        ss3.extend(std::iter::repeat_n(b'5', 100));
        ss3.extend(b"Aq");
        assert_eq!(decode(&ss3), [c('q')]);
    }

    #[test]
    fn sgr_mouse_reports() {
        let mouse = |kind, column, row, modifiers| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers,
            })
        };
        let none = KeyModifiers::NONE;
        assert_eq!(
            decode(b"\x1b[<0;10;5M"),
            [mouse(MouseEventKind::Down(MouseButton::Left), 9, 4, none)]
        );
        assert_eq!(
            decode(b"\x1b[<0;10;5m"),
            [mouse(MouseEventKind::Up(MouseButton::Left), 9, 4, none)]
        );
        assert_eq!(
            decode(b"\x1b[<2;1;1M"),
            [mouse(MouseEventKind::Down(MouseButton::Right), 0, 0, none)]
        );
        assert_eq!(
            decode(b"\x1b[<64;3;4M"),
            [mouse(MouseEventKind::ScrollUp, 2, 3, none)]
        );
        assert_eq!(
            decode(b"\x1b[<65;3;4M"),
            [mouse(MouseEventKind::ScrollDown, 2, 3, none)]
        );
        assert_eq!(
            decode(b"\x1b[<32;3;4M"),
            [mouse(MouseEventKind::Drag(MouseButton::Left), 2, 3, none)]
        );
        assert_eq!(
            decode(b"\x1b[<35;3;4M"),
            [mouse(MouseEventKind::Moved, 2, 3, none)]
        );
        assert_eq!(
            decode(b"\x1b[<16;300;200M"),
            [mouse(
                MouseEventKind::Down(MouseButton::Left),
                299,
                199,
                CTRL
            )]
        );
    }

    #[test]
    fn legacy_mouse_reports_are_read_not_typed() {
        // X10: ESC [ M and three raw bytes, which must not become keys
        // (a left press at column 1, row 1 is "  !!" after the M).
        let events = decode(b"\x1b[M !!q");
        assert_eq!(events.len(), 2, "{events:?}");
        assert!(matches!(
            events[0],
            Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: 0,
                row: 0,
                ..
            })
        ));
        assert_eq!(events[1], c('q'));
        // Even when a pause falls inside the report.
        let mut d = KeyDecoder::new();
        let mut out = Vec::new();
        d.feed(b"\x1b[M ", &mut out);
        d.flush(&mut out);
        d.feed(b"!!", &mut out);
        assert_eq!(out.len(), 1);
        // urxvt's decimal form.
        assert!(matches!(
            decode(b"\x1b[32;5;6M")[..],
            [Event::Mouse(MouseEvent {
                column: 4,
                row: 5,
                ..
            })]
        ));
    }

    #[test]
    fn bracketed_paste_is_one_clean_bounded_event() {
        assert_eq!(
            decode(b"\x1b[200~hello world\x1b[201~"),
            [Event::Paste("hello world".into())]
        );
        // Controls are removed, line breaks become spaces.
        assert_eq!(
            decode(b"\x1b[200~a\x1b[31mb\r\nc\x07\td\xe2\x80\xaee\x1b[201~x"),
            [Event::Paste("a[31mb c de".into()), c('x')]
        );
        // Keys inside a paste are text, not keys.
        assert_eq!(
            decode(b"\x1b[200~q\x03\x1b[A\x1b[201~"),
            [Event::Paste("q[A".into())]
        );
        // A false start of the end marker is text.
        assert_eq!(
            decode(b"\x1b[200~1\x1b[20x\x1b[201~"),
            [Event::Paste("1[20x".into())]
        );
        let mut long = b"\x1b[200~".to_vec();
        long.extend(std::iter::repeat_n(b'a', 100_000));
        long.extend(b"\x1b[201~z");
        let events = decode(&long);
        assert_eq!(events.len(), 2);
        let Event::Paste(text) = &events[0] else {
            panic!()
        };
        assert_eq!(text.len(), MAX_PASTE);
        assert_eq!(events[1], c('z'));
        // A pause does not end a paste.
        let mut d = KeyDecoder::new();
        let mut out = Vec::new();
        d.feed(b"\x1b[200~ab", &mut out);
        d.flush(&mut out);
        d.feed(b"c\x1b[201~", &mut out);
        assert_eq!(out, [Event::Paste("abc".into())]);
        // A paste cut inside a character drops the character.
        let mut cut = b"\x1b[200~".to_vec();
        cut.extend(std::iter::repeat_n(b'a', MAX_PASTE - 1));
        cut.extend("é".as_bytes());
        cut.extend(b"\x1b[201~");
        let events = decode(&cut);
        let Event::Paste(text) = &events[0] else {
            panic!()
        };
        assert_eq!(text.len(), MAX_PASTE - 1);
    }

    #[test]
    fn focus_reports() {
        assert_eq!(
            decode(b"\x1b[I\x1b[O"),
            [Event::FocusGained, Event::FocusLost]
        );
    }

    /// The events of `bytes` fed in the given chunks, flushed at the end.
    fn chunked(bytes: &[u8], cuts: &[usize]) -> Vec<Event> {
        let mut d = KeyDecoder::new();
        let mut out = Vec::new();
        let mut at = 0;
        for &cut in cuts {
            let cut = cut.clamp(at, bytes.len());
            d.feed(&bytes[at..cut], &mut out);
            at = cut;
        }
        d.feed(&bytes[at..], &mut out);
        d.flush(&mut out);
        out
    }

    fn bounded(events: &[Event], bytes: usize) {
        assert!(
            events.len() <= bytes + 1,
            "{} events from {bytes} bytes",
            events.len()
        );
        for e in events {
            match e {
                Event::Paste(p) => {
                    assert!(p.len() <= MAX_PASTE);
                    assert!(
                        !p.chars()
                            .any(|c| text::is_unsafe(c) || c == '\n' || c == '\t')
                    );
                }
                Event::Key(k) => {
                    if let KeyCode::Char(c) = k.code {
                        assert!(!text::is_unsafe(c) && !text::is_format(c), "{c:?}");
                    }
                }
                _ => {}
            }
        }
    }

    /// Bytes biased towards what terminals send, so that sequences are
    /// often well-formed and often broken.
    fn terminal_bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            any::<u8>().prop_map(|b| vec![b]),
            Just(b"\x1b".to_vec()),
            Just(b"\x1b[".to_vec()),
            Just(b"\x1bO".to_vec()),
            Just(b"\x1b[<".to_vec()),
            Just(b"\x1b[200~".to_vec()),
            Just(b"\x1b[201~".to_vec()),
            Just(b"\x1b[M".to_vec()),
            Just(b";".to_vec()),
            (0u32..400).prop_map(|n| n.to_string().into_bytes()),
            prop::sample::select(&b"ABCDHFPQRSZMm~u$^@\r\n\x7f"[..]).prop_map(|b| vec![b]),
            any::<char>().prop_map(|c| c.to_string().into_bytes()),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes_never_panic_and_give_bounded_output(
            bytes in prop::collection::vec(any::<u8>(), 0..512)
        ) {
            bounded(&decode(&bytes), bytes.len());
        }

        #[test]
        fn any_split_gives_the_same_events(
            bytes in terminal_bytes(),
            cuts in prop::collection::vec(0usize..400, 0..8),
        ) {
            let whole = decode(&bytes);
            bounded(&whole, bytes.len());
            let mut cuts = cuts;
            cuts.sort_unstable();
            prop_assert_eq!(chunked(&bytes, &cuts), whole.clone());
            // One byte at a time, too.
            let every: Vec<usize> = (0..bytes.len()).collect();
            prop_assert_eq!(chunked(&bytes, &every), whole);
        }
    }
}
