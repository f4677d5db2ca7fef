//! Presenter mode's Explore: what Detail shows, alone on the screen, its
//! name in the big font, for a class reading a projector from the back.
//! Map, Compare and Timeline: the name of what they show in the big font
//! over the view (a side each for Compare), their titles without keys
//! (the footer has them). The tour and the quiz draw themselves bigger
//! (their headings, short quotes) in their own files.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::layout;
use crate::text::screen_line;
use crate::ui::panes::detail::render_doc;
use crate::ui::theme::Theme;
use crate::ui::views::quiz::big;
use crate::ui::widgets::pane_block;

pub fn explore(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block = pane_block(theme, Line::from(" Presenter mode · p leaves it "), true);
    block.render(area, buf);
    let inner = layout::padded_inner(area);
    let Some(id) = app.detail_id() else {
        Paragraph::new("Nothing selected: p leaves presenter mode.")
            .style(theme.note)
            .render(inner, buf);
        return;
    };
    let d = &app.corpus.data;
    // Where the big font cannot say it, no title: Detail's first line
    // is the item's name, and a plain copy above it said it twice.
    let (title, [title_area, text_area]) =
        layout::present_explore_in(area, &crate::app::detail::present_name(d, id));
    if let Some(lines) = &title {
        big::render(lines, theme.heading, title_area, buf);
    }
    let doc = crate::app::detail::present_document(d, id);
    render_doc(theme, &doc, text_area, buf, app.explore.detail_scroll);
}

/// Map, Compare or Timeline in presenter mode: the band over the view
/// (layout::present_title) names in the big font what the view shows.
pub fn view(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    use crate::app::View;
    let d = &app.corpus.data;
    let compare = app.view == View::Compare;
    let (band, rest) = layout::present_title(area, layout::present_title_lines(compare));
    let names: Vec<String> = match app.view {
        View::Compare => {
            use crate::app::compare::Side;
            [Side::Left, Side::Right]
                .into_iter()
                .filter_map(|s| app.compare.id(d, s))
                .map(|id| d.short_name_of(id))
                .collect()
        }
        View::Map => app
            .map
            .selected_id(d)
            .map(|id| d.short_name_of(&id))
            .into_iter()
            .collect(),
        _ => app
            .timeline
            .order
            .get(app.timeline.cursor.selected)
            .map(|&i| d.short_name_of(&d.events[i].id))
            .into_iter()
            .collect(),
    };
    if band.height > 0 {
        for (name, row) in names
            .iter()
            .zip(layout::present_title_rows(band, names.len()))
        {
            let name = screen_line(name).into_owned();
            // One line of the big font per name, or the name plain.
            match big::lines(&name, row.width, 1) {
                Some(lines) => big::render(&lines, theme.heading, row, buf),
                None => Line::styled(name, theme.heading).render(row, buf),
            }
        }
    }
    match app.view {
        View::Map => crate::ui::views::map::render(app, theme, rest, buf),
        View::Compare => crate::ui::views::compare::render(app, theme, rest, buf),
        _ => crate::ui::views::timeline::render(app, theme, rest, buf),
    }
    if band.height == 0 {
        title_without_band(app, theme, rest, buf);
    }
}

/// Where the body is too short for the big band (80x24), the view's own
/// title names what it is on, the name whole where it fits: the map's
/// selected point, Compare's side the arrows change, the selected event.
/// Drawn over the top border of the view's (first) pane.
fn title_without_band(app: &App, theme: &Theme, rest: Rect, buf: &mut Buffer) {
    use crate::app::View;
    let d = &app.corpus.data;
    let (what, id, pane) = match app.view {
        View::Map => ("Stance map", app.map.selected_id(d), rest),
        View::Compare => (
            "Compare",
            app.compare.id(d, app.compare.side).map(str::to_string),
            rest,
        ),
        _ => (
            "Timeline",
            app.timeline
                .order
                .get(app.timeline.cursor.selected)
                .map(|&i| d.events[i].id.clone()),
            layout::timeline(rest, false, d.events.len())[0],
        ),
    };
    let Some(id) = id else { return };
    if pane.width < 3 || pane.height == 0 {
        return;
    }
    let room = usize::from(pane.width - 2);
    let title = [d.name_of(&id), d.short_name_of(&id)]
        .into_iter()
        .map(|n| format!(" {what} · {} ", screen_line(&n)))
        .find(|t| crate::text::width(t) <= room)
        .unwrap_or_else(|| format!(" {what} "));
    let top = Rect {
        x: pane.x + 1,
        width: pane.width - 2,
        height: 1,
        ..pane
    };
    pane_block(theme, Line::from(title), true)
        .borders(ratatui::widgets::Borders::TOP)
        .render(top, buf);
}
