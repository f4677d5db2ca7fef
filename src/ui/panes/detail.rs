//! The selected item in full: its text wrapped at words, every field, the
//! source cited, and the related items that Enter follows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::app::detail::{Kind, document, rows};
use crate::app::{App, Pane};
use crate::layout::detail_parts;
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, pane_block};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = app.explore.focus == Pane::Detail;
    let mut title = vec![Span::raw(" Detail ")];
    if !app.explore.history.is_empty() {
        title.push(Span::raw(format!("· {} back ", app.explore.history.len())));
    }
    pane_block(theme, Line::from(title), focused).render(area, buf);
    let (text_area, links_area) = detail_parts(area);
    let Some(id) = app.detail_id() else {
        Line::styled(" Nothing selected.", theme.muted).render(text_area, buf);
        return;
    };
    render_text(app, theme, id, text_area, buf, app.explore.detail_scroll);
    render_links(app, theme, id, links_area, buf, focused);
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
    render_doc(theme, &document(&app.corpus.data, id), area, buf, scroll);
}

/// A document (see `app::detail`) styled by its kinds of block.
pub fn render_doc(
    theme: &Theme,
    doc: &[crate::app::detail::Block],
    area: Rect,
    buf: &mut Buffer,
    scroll: usize,
) {
    if area.is_empty() {
        return;
    }
    // Only rows up to the bottom of the pane are ever drawn.
    let limit = scroll.saturating_add(usize::from(area.height));
    let lines = rows(doc, usize::from(area.width), limit)
        .into_iter()
        .map(|row| {
            let style = match row.kind {
                Some(Kind::Title) => theme.heading,
                Some(Kind::Meta) => theme.muted,
                Some(Kind::Quotation) => theme.quotation,
                Some(Kind::Note) => theme.note,
                Some(Kind::Field | Kind::Text) => theme.base,
                None => return Line::raw(""),
            };
            if row.label == 0 {
                return Line::styled(row.text, style);
            }
            // "Label: value" with the label emphasised.
            let (label, rest) = row.text.split_at(row.label);
            Line::from(vec![
                Span::styled(label.to_string(), theme.key),
                Span::styled(rest.to_string(), style),
            ])
        });
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

fn render_links(app: &App, theme: &Theme, id: &str, area: Rect, buf: &mut Buffer, focused: bool) {
    if area.is_empty() {
        return;
    }
    let d = &app.corpus.data;
    let links = app.links();
    // How it relates and what it is stay; the kind goes first, then the
    // name takes its short label (see `ui::fit`).
    let room = usize::from(area.width.saturating_sub(2));
    let rows = links
        .iter()
        .map(|l| {
            let kind = d.item(&l.id).map_or("", |i| i.kind_label());
            let (name, short) = link_names(d, id, &l.id);
            vec![
                Part::plain(format!("{}: ", l.relation), Role::Fixed, theme.muted),
                Part::key(&name, &short, Style::default()).owned(),
                Part::plain(format!(" ({kind})"), Role::Optional, theme.muted),
            ]
        })
        .collect::<Vec<_>>();
    // Each link takes its short label only if it needs it (the links are
    // of every kind).
    let rows = fit::fit_rows_each_short(rows, room);
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
        cursor: app.explore.link_cursor,
        focused,
        empty: "Nothing related.",
        window: None,
        lines: 1,
        more: Vec::new(),
    }
    .render(area, buf, theme);
}

/// A link's name and short label, as the links of item `id` show it: a
/// reaction linked from what it is by or to says the other end only (the
/// item shown is the common part).
fn link_names(d: &crate::data::Dataset, id: &str, link: &str) -> (String, String) {
    match d.item(link) {
        Some(crate::data::ItemRef::Reaction(i)) => {
            let r = &d.reactions[i];
            let end = |id: &str, arrow: bool| {
                let (n, s) = (d.name_of(id), d.short_name_of(id));
                if arrow {
                    (format!("→ {n}"), format!("→ {s}"))
                } else {
                    (n, s)
                }
            };
            if r.target == id {
                end(&r.actor, false)
            } else if r.actor == id {
                end(&r.target, true)
            } else {
                (
                    format!("{} → {}", d.name_of(&r.actor), d.name_of(&r.target)),
                    format!(
                        "{} → {}",
                        d.short_name_of(&r.actor),
                        d.short_name_of(&r.target)
                    ),
                )
            }
        }
        _ => (d.name_of(link), d.short_name_of(link)),
    }
}
