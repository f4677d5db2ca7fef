//! Drawing. Everything here takes `&App` and only reads it: state changes
//! happen in `app::update`. One file per pane or view.

mod chrome;
pub mod fit;
mod help;
pub mod panes;
mod search;
pub mod tabs;
pub mod theme;
pub mod views;
mod widgets;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{LineGauge, Paragraph, Widget, Wrap};

use crate::app::{App, Pane, View};
use crate::layout::{self, Mode};

pub use theme::{Theme, ThemeKind};

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(app, theme, area, frame.buffer_mut());
    // The terminal cursor shows only where the user types.
    if app.screen.help.is_none()
        && layout::mode(area) != Mode::TooSmall
        && let Some(position) = search::cursor(
            app,
            layout::frame_for(area, app.screen.present, app.screen.status.is_some()).body,
        )
    {
        frame.set_cursor_position(position);
    }
}

/// Draw into any buffer (the terminal's, or a test's).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.base);
    let mode = layout::mode(area);
    if mode == Mode::TooSmall {
        too_small(theme, area, buf);
        return;
    }
    let f = layout::frame_for(area, app.screen.present, app.screen.status.is_some());
    // Presenter mode has no tab bar: its row is the body's.
    if f.tabs.height > 0 {
        tabs::render(app, theme, f.tabs, buf);
    }
    if app.search.is_some() {
        search::render(app, theme, f.body, buf);
    } else {
        match app.view {
            View::Explore if app.screen.present => views::present::explore(app, theme, f.body, buf),
            View::Explore => explore(app, theme, f.body, mode, buf),
            View::Map | View::Compare | View::Timeline if app.screen.present => {
                views::present::view(app, theme, f.body, buf)
            }
            View::Map => views::map::render(app, theme, f.body, buf),
            View::Compare => views::compare::render(app, theme, f.body, buf),
            View::Timeline => views::timeline::render(app, theme, f.body, buf),
            View::Tour => views::tour::render(app, theme, f.body, buf),
            View::Quiz => views::quiz::render(app, theme, f.body, buf),
        }
    }
    loading(app, theme, f.body, buf);
    problems(app, theme, f.body, buf);
    chrome::status(app, theme, f.status, buf);
    chrome::footer(app, theme, f.footer, buf);
    help::render(app, theme, area, buf);
    flags_as_letters(area, buf);
}

/// A regional indicator pair (a flag such as 🇨🇳) is one cell pair to
/// ratatui but one, two or four cells to terminals, which disagree; when
/// the terminal's idea differs, ratatui's diff leaves halves of old glyphs
/// on screen after the next change. Every frame therefore shows flags as
/// their two letters (🇨🇳 → CN), which every terminal draws alike. Only
/// the screen: exports and the data keep the characters.
fn flags_as_letters(area: Rect, buf: &mut Buffer) {
    let letter = |c: char| -> Option<char> {
        let offset = u32::from(c).checked_sub(0x1F1E6)?;
        (offset < 26).then(|| char::from(b'A' + offset as u8))
    };
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let symbol = buf[(x, y)].symbol();
            if symbol.chars().any(|c| letter(c).is_some()) {
                let letters: Vec<char> = symbol.chars().filter_map(letter).collect();
                let style = buf[(x, y)].style();
                for (i, l) in letters.iter().enumerate() {
                    let cx = x + u16::try_from(i).unwrap_or(u16::MAX);
                    if cx < area.right() {
                        buf[(cx, y)].set_char(*l).set_style(style);
                    }
                }
                x = x.saturating_add(u16::try_from(letters.len().max(1)).unwrap_or(1));
            } else {
                x += 1;
            }
        }
    }
}

fn explore(app: &App, theme: &Theme, body: Rect, mode: Mode, buf: &mut Buffer) {
    let lists = (
        app.corpus.data.approaches.len(),
        app.corpus.data.actors.len(),
    );
    let panes = layout::explore(body, mode, app.explore.focus, lists);
    if !panes.strip.is_empty() {
        // One pane at a time: name them all, the shown one highlighted.
        for (pane, label, area) in layout::strip_items(panes.strip) {
            let style = if pane == app.explore.focus {
                theme.tab_active
            } else {
                theme.tab
            };
            Line::styled(label, style).render(area, buf);
        }
    }
    for pane in Pane::ALL {
        let area = panes.pane(pane);
        if area.is_empty() {
            continue;
        }
        match pane {
            Pane::Approaches => panes::approaches::render(app, theme, area, buf),
            Pane::Actors => panes::actors::render(app, theme, area, buf),
            Pane::Reactions => panes::reactions::render(app, theme, area, buf),
            Pane::Quotes => panes::quotes::render(app, theme, area, buf),
            Pane::Detail => panes::detail::render(app, theme, area, buf),
        }
    }
}

/// The loading notice, while a big dataset is read in the background.
fn loading(app: &App, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let Some(stage) = &app.reload.loading else {
        return;
    };
    let (area, [what, bar, note]) = layout::loading(body);
    ratatui::widgets::Clear.render(area, buf);
    widgets::pane_block(theme, Line::from(" Loading "), true).render(area, buf);
    Line::styled(
        format!("{}…", crate::text::screen_line(&stage.what)),
        theme.heading,
    )
    .render(what, buf);
    if let Some(p) = stage.progress.filter(|p| p.total > 0) {
        let ratio = (p.done as f64 / p.total as f64).clamp(0.0, 1.0);
        LineGauge::default()
            .ratio(ratio)
            .label(format!(
                "{:>3}% · {:.1} of {:.1} MB",
                (ratio * 100.0).round(),
                p.done as f64 / 1e6,
                p.total as f64 / 1e6
            ))
            // Blocks, not lines: filled and empty differ without colour too.
            .filled_symbol("█")
            .unfilled_symbol("░")
            .filled_style(theme.heading)
            .unfilled_style(theme.muted)
            .render(bar, buf);
    }
    Paragraph::new(Line::styled(
        "The explorer fills in when the data is ready. q quits.",
        theme.muted,
    ))
    .wrap(Wrap { trim: true })
    .render(note, buf);
}

/// Problems in the watched files, over the bottom of the view until the
/// next good save.
fn problems(app: &App, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let Some(problems) = &app.reload.problems else {
        return;
    };
    // Each headline takes a row at least: more than the body's height
    // cannot show, and counting them all tells nothing more.
    let lines: Vec<Line> = problems
        .headlines()
        .take(usize::from(body.height) + 1)
        .map(|p| Line::raw(crate::text::screen_line(&p).into_owned()))
        .collect();
    let area = layout::problems(body, problems.len());
    ratatui::widgets::Clear.render(area, buf);
    // The longest title that fits whole: a title is never cut mid-word.
    let last_good = !app.corpus.data.dataset.title.is_empty();
    let title = [
        (
            last_good,
            " Problems in the data · showing the last good version · fix and save ",
        ),
        (true, " Problems in the data · fix and save "),
        (true, " Problems · fix and save "),
        (true, " Problems "),
    ]
    .into_iter()
    .filter(|(shown, _)| *shown)
    .map(|(_, t)| t)
    .find(|t| crate::text::width(t) + 2 <= usize::from(area.width))
    .unwrap_or("");
    let mut block =
        widgets::pane_block(theme, Line::from(title), true).border_style(theme.stances[4]);
    // When the wrapped messages do not all fit, say how many there are
    // and where to see them all.
    let inner = block.inner(area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    if paragraph.line_count(inner.width) > usize::from(inner.height) {
        let n = crate::text::count(problems.len(), "problem", "problems");
        block = block.title_bottom(Line::from(widgets::first_fitting(
            &[
                format!(" {n}, the first shown · stances validate lists them all "),
                format!(" {n}, the first shown "),
                format!(" {n} "),
            ],
            area.width,
        )));
    }
    paragraph.block(block).style(theme.base).render(area, buf);
}

fn too_small(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let message = format!(
        "Terminal too small: {}x{}. stances needs at least {}x{}.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    Paragraph::new(Line::styled(message, theme.note))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
