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
