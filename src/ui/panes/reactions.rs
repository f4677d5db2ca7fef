use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Pane};
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{PaneList, Window, counted_title, pane_block, visible_rows};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.data;
    let (range, shown) = visible_rows(
        app.cursor(Pane::Reactions),
        app.explore.reaction_rows.len(),
        area,
    );
    // Who reacts, and to what, are the last to give way (see `ui::fit`):
    // the stance word, after them, goes first on the rows it does not fit
    // (its symbol and colour stay), then the names take their short
    // labels.
    let room = usize::from(area.width.saturating_sub(4));
    let rows = app.explore.reaction_rows[range.clone()]
        .iter()
        .map(|&i| {
            let r = &d.reactions[i];
            let stance = theme.stance(r.stance);
            let (actor, actor_short) = (d.name_of(&r.actor), d.short_name_of(&r.actor));
            let (target, target_short) = (d.name_of(&r.target), d.short_name_of(&r.target));
            vec![
                Part::plain(format!("{:<2}", r.stance.symbol()), Role::Fixed, stance),
                Part::plain(" ", Role::Fixed, theme.base),
                Part::key(&actor, &actor_short, theme.base).owned(),
                Part::plain(" → ", Role::Fixed, theme.muted),
                Part::key(&target, &target_short, theme.muted).owned(),
                Part::plain(format!(" · {}", r.stance.label()), Role::Trailing, stance),
            ]
        })
        .collect::<Vec<_>>();
    let rows = fit::fit_rows(rows, room);
    let focused = app.explore.focus == Pane::Reactions;
    let cursor = app.cursor(Pane::Reactions);
    PaneList {
        block: pane_block(
            theme,
            counted_title("Reactions", cursor, app.explore.reaction_rows.len()),
            focused,
        ),
        rows,
        cursor: shown,
        window: Some(Window {
            first: range.start,
            total: app.explore.reaction_rows.len(),
        }),
        focused,
        empty: if app.explore.filter.is_some() {
            "No reactions concern this. Esc shows all."
        } else {
            "No reactions in this dataset."
        },
    }
    .render(area, buf, theme);
}
