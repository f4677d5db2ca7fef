//! The input path of `stances serve`: arbitrary bytes from a student's
//! SSH channel through the key decoder, then the events through the
//! keymap into `update` on an explorer, as a student's session runs them.
//! Never a panic; the decoder's output is bounded and does not depend on
//! how the bytes were split; after every event the explorer's state
//! keeps the invariants of tests/properties.rs; and the frames drawn
//! hold no escape sequence but the renderer's own CSI.
//!
//! The first byte chooses the window size, the chunk size and whether a
//! pause (a flush) falls between chunks; the rest is the channel.

#![no_main]

use std::sync::{Arc, OnceLock};

use crossterm::event::{Event, KeyCode};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use stances::app::{Action, App, Effect, input};
use stances::data::Dataset;
use stances::search::Index;
use stances::serve::keys::{KeyDecoder, MAX_PASTE};
use stances::ui::{self, Theme};

#[path = "../../tests/support/invariants.rs"]
mod invariants;

const SIZES: [(u16, u16); 8] = [
    (80, 24),
    (120, 40),
    (20, 6),
    (1, 1),
    (0, 0),
    (60, 16),
    (200, 60),
    (300, 100),
];

fn shipped() -> &'static (Arc<Dataset>, Arc<Index>) {
    static DATA: OnceLock<(Arc<Dataset>, Arc<Index>)> = OnceLock::new();
    DATA.get_or_init(|| {
        let d = Arc::new(stances::data::load(None).unwrap().checked.dataset.unwrap());
        let index = Arc::new(Index::new(d.clone()));
        (d, index)
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&control, channel)) = bytes.split_first() else {
        return;
    };
    let chunk = 1 + usize::from(control >> 4);
    let pauses = control & 0x08 != 0;
    let (width, height) = SIZES[usize::from(control & 0x07)];

    // The decoder alone: bounded, and the same events at any split.
    let whole = decode(channel, channel.len().max(1), false);
    let split = decode(channel, chunk, false);
    assert_eq!(whole, split, "a split changed the events");
    assert!(whole.len() <= channel.len() + 1);
    for event in &whole {
        match event {
            Event::Paste(p) => {
                assert!(p.len() <= MAX_PASTE);
                assert!(
                    !p.chars()
                        .any(|c| c.is_control() || stances::text::is_unsafe(c))
                );
            }
            Event::Key(k) => {
                assert_eq!(k.kind, crossterm::event::KeyEventKind::Press);
                if let KeyCode::Char(c) = k.code {
                    assert!(!stances::text::is_unsafe(c) && !stances::text::is_format(c));
                }
            }
            _ => {}
        }
    }

    // Through the explorer, with pauses between chunks if asked.
    let events = decode(channel, chunk, pauses);
    let (data, index) = shipped();
    let mut app = App::with_index(data.clone(), index.clone(), Rect::new(0, 0, width, height));
    // The invariants are costly (they measure every scrolling view):
    // after every few events, and at the end, with one frame.
    for (step, event) in events.into_iter().enumerate() {
        // The input edge every front end uses (tui.rs and the server):
        // Alt split from Esc, keys through the keymap, clicks hit-tested.
        let applied = input::apply_event(&mut app, event);
        run_searches(&mut app, applied.effects);
        if step % 4 == 3 {
            invariants::check_invariants(&app);
        }
    }
    invariants::check_invariants(&app);
    draw(&app);
});

fn decode(bytes: &[u8], chunk: usize, pauses: bool) -> Vec<Event> {
    let mut decoder = KeyDecoder::new();
    let mut out = Vec::new();
    for piece in bytes.chunks(chunk) {
        decoder.feed(piece, &mut out);
        if pauses {
            decoder.flush(&mut out);
        }
    }
    decoder.flush(&mut out);
    out
}

/// The search worker's job, done at once, so results reach `update`.
fn run_searches(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if let Effect::Search { generation, query } = effect {
            let hits = app.corpus.index.search(&stances::search::Query::parse(&query));
            input::apply_action(
                app,
                Action::SearchResults(stances::search::worker::Update {
                    generation,
                    hits: Arc::new(hits),
                    done: true,
                }),
            );
        }
    }
}

/// Draw a frame as the student's channel receives it, and read it back:
/// every ESC starts a CSI, no other control but newline.
fn draw(app: &App) {
    let mut out = Vec::new();
    {
        let backend = CrosstermBackend::new(&mut out);
        let mut terminal = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(app.screen.size),
            },
        )
        .unwrap();
        terminal.draw(|f| ui::draw(f, app, &Theme::dark())).unwrap();
    }
    let text = String::from_utf8(out).expect("frames are UTF-8");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            assert_eq!(chars.peek(), Some(&'['), "an ESC that starts no CSI");
            continue;
        }
        assert!(
            !(c.is_control() && c != '\n') && !stances::text::is_bidi_control(c),
            "a raw {c:?} in a frame"
        );
    }
}
