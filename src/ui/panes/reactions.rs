use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Pane};
use crate::data::relations::{self, Concern, Via};
use crate::layout;
use crate::ui::fit::{self, Part, Role};
use crate::ui::theme::Theme;
use crate::ui::widgets::{fitted_title, fitting, visible_rows, wrapped};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.corpus.data;
    let len = app.explore.reaction_rows.len();
    let lines = layout::row_lines(area, len);
    let (range, shown) = visible_rows(app.cursor(Pane::Reactions), len, area);
    let concern = app.explore.filter.as_ref().map(|f| Concern::new(d, f));
    // How the rows concern the filter: said once in the title when every
    // row shares it (and the part they share gives way first), else on
    // each row.
    // A row may concern it in two ways (by a member, to its approach):
    // the way every row shares goes in the title, the others on their
    // rows.
    let vias = concern
        .as_ref()
        .map(|c| row_vias(app, c))
        .unwrap_or_default();
    let shared = super::shared(&vias);
    // Who reacts, and to what, are the last to give way (see `ui::fit`):
    // the stance word, after them, goes first, from every row alike (its
    // symbol and colour stay), then the names take their short labels. A name every row shares (the filter's) goes before those.
    let cursor = app.cursor(Pane::Reactions);
    let titles = titles(app, shared);
    // Only a title that fits says what is shared: the bare "Reactions"
    // does not, and then every row keeps both names.
    let named = fitting(&titles, cursor, len, area.width).is_some_and(|i| i + 1 < titles.len());
    let (actor_role, target_role) = name_roles(shared.map(|s| s.0), named);
    let room = usize::from(area.width.saturating_sub(4));
    let mut more = Vec::new();
    let rows = app.explore.reaction_rows[range.clone()]
        .iter()
        .map(|&i| {
            let r = &d.reactions[i];
            let mut parts = name_parts(app, theme, r, actor_role, target_role);
            if let Some(c) = concern.as_ref() {
                let shared_via = shared.map(|s| s.0);
                let rest = c
                    .reaction_all(i)
                    .into_iter()
                    .filter(|v| Some(*v) != shared_via);
                let how = relations::words(rest.map(Via::label));
                parts.extend(super::also_part(how, shared.is_some(), theme));
            }
            if lines > 1 {
                more.push(summary_lines(r, theme, room, lines));
            } else {
                // On every row or on none (its symbol and colour stay):
                // "+ France" above "+ India · leans support" read as two
                // different stances.
                parts.push(Part::plain(
                    format!(" · {}", r.stance.label()),
                    Role::Optional,
                    theme.stance(r.stance),
                ));
            }
            parts
        })
        .collect::<Vec<_>>();
    let rows = fit::fit_rows(rows, room);
    super::list(
        app,
        theme,
        Pane::Reactions,
        fitted_title(&titles, cursor, len, area.width),
        super::Rows {
            first: range.start,
            total: len,
            shown,
            lines,
            rows,
            more,
        },
        if app.explore.filter.is_some() {
            "No reactions concern this. Esc shows all."
        } else {
            "No reactions in this dataset."
        },
    )
    .render(area, buf, theme);
}

/// The ways each row concerns the filter, with the item each goes
/// through (see [`subject`]).
fn row_vias<'d>(app: &'d App, c: &Concern) -> Vec<Vec<(Via, &'d str)>> {
    let d = &app.corpus.data;
    app.explore
        .reaction_rows
        .iter()
        .map(|&i| {
            let r = &d.reactions[i];
            c.reaction_all(i)
                .into_iter()
                .map(|v| (v, subject(v, r)))
                .collect()
        })
        .collect()
}

/// The roles of the actor's and the target's names on every row, given
/// the way all rows share (`shared`) and whether the title says it
/// (`named`).
fn name_roles(shared: Option<Via>, named: bool) -> (Role, Role) {
    // When the title cannot say it, the name every row shares stays on
    // the rows but gives way first, as a shared label: the other name is
    // what tells the rows apart.
    let (by, to) = if named {
        (Role::Optional, Role::Optional)
    } else {
        (Role::Shared, Role::Shared)
    };
    match shared {
        Some(Via::By | Via::ByMember) => (by, Role::Key),
        Some(Via::Target | Via::TargetMember | Via::Proposal) => (Role::Key, to),
        None => (Role::Key, Role::Key),
    }
}

/// A reaction row's symbol and names: "++ Huawei → China's global body",
/// each name fitted in its role; without the actor, the arrow follows the
/// symbol.
fn name_parts(
    app: &App,
    theme: &Theme,
    r: &crate::data::Reaction,
    actor_role: Role,
    target_role: Role,
) -> Vec<Part<'static>> {
    let d = &app.corpus.data;
    let stance = theme.stance(r.stance);
    let (actor, actor_short) = (d.name_of(&r.actor), d.short_name_of(&r.actor));
    let (target, target_short) = (d.name_of(&r.target), d.short_name_of(&r.target));
    let mut actor = Part::key(&actor, &actor_short, theme.base).owned();
    actor.role = actor_role;
    let mut target = Part::key(&target, &target_short, theme.muted).owned();
    target.role = target_role;
    let actor_role_space = if actor_role == Role::Optional {
        Role::Optional
    } else {
        Role::Fixed
    };
    let arrow = if target_role == Role::Optional {
        Role::Optional
    } else {
        Role::Fixed
    };
    vec![
        Part::plain(format!("{:<2}", r.stance.symbol()), Role::Fixed, stance),
        Part::plain(" ", actor_role_space, theme.base),
        actor,
        Part::plain(" → ", arrow, theme.muted),
        target,
    ]
}

/// A tall row's lines after its first: the stance in words (in its
/// colour) and what the actor did, wrapped under the names, past the
/// symbol.
fn summary_lines(
    r: &crate::data::Reaction,
    theme: &Theme,
    room: usize,
    lines: usize,
) -> Vec<Line<'static>> {
    let stance = theme.stance(r.stance);
    let text = format!("{} · {}", r.stance.label(), r.summary);
    let mut extra = wrapped(&text, room.saturating_sub(3), lines - 1, theme.muted);
    if let Some(first) = extra.first_mut() {
        let words = first.spans[0].content.to_string();
        let cut = r.stance.label().len().min(words.len());
        if words.is_char_boundary(cut) {
            let (label, rest) = words.split_at(cut);
            *first = Line::from(vec![
                Span::raw(""),
                Span::styled(label.to_string(), stance),
                Span::styled(rest.to_string(), theme.muted),
            ]);
        }
    }
    for l in &mut extra {
        l.spans.insert(0, Span::raw("   "));
    }
    extra
}

/// The item beyond the focus that a relation goes through: the member
/// who reacts, the member or approach reacted to.
fn subject(via: Via, r: &crate::data::Reaction) -> &str {
    match via {
        Via::ByMember => &r.actor,
        Via::TargetMember | Via::Proposal => &r.target,
        Via::By | Via::Target => "",
    }
}

/// The pane's title, longest first: what the rows are, and how they
/// concern the filter.
fn titles(app: &App, shared: Option<(Via, &str)>) -> Vec<String> {
    let d = &app.corpus.data;
    let Some(focus) = &app.explore.filter else {
        return vec!["Reactions".into()];
    };
    let f = d.name_of(focus.id());
    let fs = d.short_name_of(focus.id());
    let mut out: Vec<String> = match shared {
        Some((Via::By, _)) => vec![
            format!("Reactions by {f}"),
            format!("Reactions by {fs}"),
            format!("By {fs}"),
        ],
        Some((Via::Target, _)) => vec![
            format!("Reactions to {f}"),
            format!("Reactions to {fs}"),
            format!("To {fs}"),
        ],
        Some((Via::ByMember, m)) => {
            let (m, ms) = (d.name_of(m), d.short_name_of(m));
            vec![
                format!("Reactions by {m}, member of {f}"),
                format!("Reactions by {ms}, member of {fs}"),
                format!("Reactions by {m}"),
                format!("Reactions by {ms}"),
            ]
        }
        Some((Via::TargetMember, m)) => {
            let (m, ms) = (d.name_of(m), d.short_name_of(m));
            vec![
                format!("Reactions to {m}, member of {f}"),
                format!("Reactions to {ms}, member of {fs}"),
                format!("Reactions to {m}"),
                format!("Reactions to {ms}"),
            ]
        }
        Some((Via::Proposal, t)) => {
            let (t, ts) = (d.name_of(t), d.short_name_of(t));
            vec![
                format!("Reactions to {t}, proposed by {f}"),
                format!("Reactions to {ts}, proposed by {fs}"),
                format!("Reactions to {t}"),
                format!("Reactions to {ts}"),
            ]
        }
        None => vec![
            format!("Reactions concerning {f}"),
            format!("Reactions concerning {fs}"),
        ],
    };
    // A name with no short label would give the same title twice.
    out.dedup();
    out.push("Reactions".into());
    out
}
