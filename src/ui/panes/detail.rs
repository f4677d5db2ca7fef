//! The selected item in full: its text wrapped at words, every field, the
//! source cited, and the related items that Enter follows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::detail::{Kind, block_text, document};
use crate::app::{App, Pane};
use crate::layout::detail_parts;
use crate::text::{escape_control, head_chars, wrap};
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, pane_block};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Pane::Detail;
    let mut title = vec![Span::raw(" Detail ")];
    if !app.history.is_empty() {
        title.push(Span::raw(format!("· {} back ", app.history.len())));
    }
    pane_block(theme, Line::from(title), focused).render(area, buf);
    let (text_area, links_area) = detail_parts(area);
    let Some(id) = app.detail_id() else {
        Line::styled(" Nothing selected.", theme.muted).render(text_area, buf);
        return;
    };
    render_text(app, theme, id, text_area, buf, app.detail_scroll);
    render_links(app, theme, links_area, buf, focused);
}

/// An item's full text, wrapped to `area`, from row `scroll` on. Shared
/// with the search preview.
pub fn render_text(
    app: &App,
    theme: &Theme,
    id: &str,
    area: Rect,
    buf: &mut Buffer,
    scroll: usize,
) {
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    // Only rows up to the bottom of the pane are ever drawn: no more text
    // is escaped and wrapped than fills them (a row holds at most `width`
    // characters but for zero-width ones), so a 10 MB quote costs a
    // frame what a screenful does.
    let rows = scroll.saturating_add(usize::from(area.height));
    let budget = rows.saturating_add(1).saturating_mul(width);
    let mut lines: Vec<Line> = Vec::new();
    for b in document(&app.data, id) {
        if lines.len() >= rows {
            break;
        }
        let style = match b.kind {
            Kind::Title => theme.heading,
            Kind::Meta => theme.muted,
            Kind::Quotation => theme.quotation,
            Kind::Note => theme.note,
            Kind::Field | Kind::Text => theme.base,
        };
        // Text from data is escaped before wrapping, so what is measured is
        // what is drawn.
        let text = escape_control(head_chars(&block_text(&b), budget)).into_owned();
        for (n, line) in wrap(&text, width).into_iter().enumerate() {
            if b.kind == Kind::Field && n == 0 {
                // "Label: value" with the label emphasised.
                let split = b.label.len() + 1;
                let (label, rest) = line.split_at(split.min(line.len()));
                lines.push(Line::from(vec![
                    Span::styled(label.to_string(), theme.key),
                    Span::styled(rest.to_string(), style),
                ]));
            } else {
                lines.push(Line::styled(line, style));
            }
        }
        if matches!(b.kind, Kind::Text | Kind::Quotation) {
            lines.push(Line::raw(""));
        }
    }
    for (row, line) in lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + u16::try_from(row).unwrap_or(0);
        line.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

fn render_links(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    if area.is_empty() {
        return;
    }
    let d = &app.data;
    let links = app.links();
    // How it relates and what it is stay; the kind goes first, then the
    // name takes its short label (see `ui::fit`).
    let room = usize::from(area.width.saturating_sub(2));
    let rows = links
        .iter()
        .map(|l| {
            let kind = d.item(&l.id).map_or("", |i| i.kind_label());
            let short = match d.item(&l.id) {
                Some(crate::data::ItemRef::Reaction(i)) => {
                    let r = &d.reactions[i];
                    format!(
                        "{} on {}",
                        d.short_name_of(&r.actor),
                        d.short_name_of(&r.target)
                    )
                }
                _ => d.short_name_of(&l.id),
            };
            let name = d.name_of(&l.id);
            vec![
                Part::plain(format!("{}: ", l.relation), Role::Fixed, theme.muted),
                Part::key(&name, &short, Style::default()).owned(),
                Part::plain(format!(" ({kind})"), Role::Optional, theme.muted),
            ]
        })
        .collect::<Vec<_>>();
    let rows = fit::fit_rows(rows, room);
    // The links part has its own top rule rather than a full border.
    let block = Block::default()
        .borders(ratatui::widgets::Borders::TOP)
        .border_style(theme.border)
        .title(Line::styled(
            // The hint gives way before the count does.
            [
                format!(" Related ({}) · Enter follows ", links.len()),
                format!(" Related ({}) ", links.len()),
            ]
            .into_iter()
            .find(|t| crate::text::width(t) + 2 <= usize::from(area.width))
            .unwrap_or_default(),
            theme.title,
        ));
    PaneList {
        block,
        rows,
        cursor: app.link_cursor,
        focused,
        empty: "Nothing related.",
        window: None,
    }
    .render(area, buf, theme);
}
