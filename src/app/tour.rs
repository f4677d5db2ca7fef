//! The Tour view's state: which slide is shown.

use crate::data::{Dataset, TourStep, TourView};

use super::{Action, App, Outcome};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tour {
    /// The slide shown: an index into `data.tour`.
    pub step: usize,
    /// Rows of the slide's view or item scrolled past, when they do not
    /// fit under its text (bounded by `settle`, which knows the height).
    pub scroll: usize,
}

impl Tour {
    /// The keymap sends Next and Left in the tour (Right, Space, l and
    /// PageDown are Next; h and PageUp are Left); Up and Down scroll the
    /// slide's view or item; Enter opens the slide's focus.
    pub fn update(&mut self, d: &Dataset, action: &Action) -> Outcome {
        let last = d.tour.len().saturating_sub(1);
        let shown = self.step;
        match action {
            Action::Next => self.step = (self.step + 1).min(last),
            Action::Left => self.step = self.step.saturating_sub(1),
            Action::Top => self.step = 0,
            Action::Bottom => self.step = last,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Follow => {
                if let Some(focus) = self.slide(d).and_then(|s| s.focus.clone()) {
                    return Outcome::Open(focus);
                }
            }
            _ => return Outcome::Ignored,
        }
        if self.step != shown {
            self.scroll = 0;
        }
        Outcome::Done
    }

    /// The slide shown, if the dataset has a tour.
    pub fn slide<'d>(&self, d: &'d Dataset) -> Option<&'d TourStep> {
        d.tour.get(self.step)
    }

    /// New data: the same slide number, within the new tour.
    pub fn reload(&mut self, d: &Dataset) {
        self.step = self.step.min(d.tour.len().saturating_sub(1));
        self.scroll = 0;
    }
}

/// A tour slide that shows the map, the timeline or Compare selects its
/// focus there (Compare: the focus and `with`), so the slide's view points
/// at what it talks about; pressing 2, 3 or 4 then shows the same.
pub(super) fn select_focus(app: &mut App) {
    let Some(step) = app.tour.slide(&app.corpus.data) else {
        return;
    };
    let (Some(view), Some(focus)) = (step.view, step.focus.clone()) else {
        return;
    };
    match view {
        TourView::Map => {
            app.map.select_id(&app.corpus.data, &focus);
        }
        TourView::Timeline => {
            app.timeline.select_id(&app.corpus.data, &focus);
        }
        TourView::Compare => {
            let with = step.with.clone().unwrap_or_default();
            app.compare.show_pair(&app.corpus.data, &focus, &with);
        }
        // Drawn from the data alone.
        TourView::Reactions | TourView::Objectives | TourView::Questions => {}
    }
}

/// One line of a slide's list (the reactions by stance, the objectives,
/// the questions), already wrapped to its width: what the slide draws
/// and what `measure` counts to bound its scrolling, from one function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListLine {
    /// A stance's heading in the reactions list.
    Stance(crate::data::Stance),
    /// A reaction's row: "actor → target", `marked` when it is the
    /// slide's focus.
    Reaction { text: String, marked: bool },
    /// A numbered item's line: `lead` is its number on the first
    /// ("1. ", `first`) and as many spaces on the lines under it, which
    /// hang under the text.
    Item {
        lead: String,
        first: bool,
        text: String,
    },
    /// Between two numbered items, when all fit with it.
    Blank,
}

/// The reactions that `filter` keeps (every one without it) by stance,
/// most for first, each on one line cut between words to `width`.
pub fn reaction_lines(
    d: &Dataset,
    filter: Option<&str>,
    focus: Option<&str>,
    width: usize,
) -> Vec<ListLine> {
    use crate::data::relations::{self, Focus};
    use crate::text::{screen_line, truncate_words};
    let scope = filter.and_then(|id| match d.item(id)? {
        crate::data::ItemRef::Approach(_) => Some(Focus::Approach(id.to_string())),
        crate::data::ItemRef::Actor(_) => Some(Focus::Actor(id.to_string())),
        _ => None,
    });
    let rows = relations::reactions_for(d, scope.as_ref());
    let mut lines = Vec::new();
    for stance in crate::data::Stance::ALL {
        let of: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&r| d.reactions[r].stance == stance)
            .collect();
        if of.is_empty() {
            continue;
        }
        lines.push(ListLine::Stance(stance));
        for r in of {
            let reaction = &d.reactions[r];
            let who = format!(
                "{} → {}",
                screen_line(&d.name_of(&reaction.actor)),
                screen_line(&d.short_name_of(&reaction.target))
            );
            lines.push(ListLine::Reaction {
                text: truncate_words(&who, width.saturating_sub(4)).into_owned(),
                marked: focus == Some(reaction.id.as_str()),
            });
        }
    }
    lines
}

/// Numbered `items` wrapped to `width` under their text (a hanging
/// indent), a blank line between them when the whole list then fits in
/// `rows`.
pub fn numbered_lines(items: &[&str], width: usize, rows: usize) -> Vec<ListLine> {
    let lines = |spaced: bool| {
        let mut lines = Vec::new();
        for (n, item) in items.iter().enumerate() {
            if n > 0 && spaced {
                lines.push(ListLine::Blank);
            }
            let number = format!("{}. ", n + 1);
            let indent = number.len();
            let text = crate::text::screen_line(item);
            for (i, part) in crate::text::wrap(&text, width.saturating_sub(indent))
                .into_iter()
                .enumerate()
            {
                lines.push(ListLine::Item {
                    lead: if i == 0 {
                        number.clone()
                    } else {
                        " ".repeat(indent)
                    },
                    first: i == 0,
                    text: part,
                });
            }
        }
        lines
    };
    let spaced = lines(true);
    if spaced.len() <= rows {
        spaced
    } else {
        lines(false)
    }
}

/// The lines of a slide's list view at `width` inside its frame, `rows`
/// tall; `None` for a step whose view is not a list.
pub fn slide_list(
    d: &Dataset,
    step: &TourStep,
    width: usize,
    rows: usize,
) -> Option<Vec<ListLine>> {
    match step.view? {
        TourView::Reactions => Some(reaction_lines(
            d,
            step.filter.as_deref(),
            step.focus.as_deref(),
            width,
        )),
        TourView::Objectives => {
            let items: Vec<&str> = d.dataset.objectives.iter().map(String::as_str).collect();
            Some(numbered_lines(&items, width, rows))
        }
        TourView::Questions => {
            let items: Vec<&str> = d.questions.iter().map(|q| q.text.as_str()).collect();
            Some(numbered_lines(&items, width, rows))
        }
        TourView::Map | TourView::Timeline | TourView::Compare => None,
    }
}
