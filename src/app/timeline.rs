//! The Timeline view's state: the events in date order and the cursor.

use crate::data::Dataset;

use super::{Action, Cursor, Outcome};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Events in date order: indices into `data.events`.
    pub order: Vec<usize>,
    pub cursor: Cursor,
}

impl Timeline {
    pub fn new(d: &Dataset) -> Timeline {
        let mut order: Vec<usize> = (0..d.events.len()).collect();
        order.sort_by_key(|&i| d.events[i].date);
        Timeline {
            order,
            cursor: Cursor::default(),
        }
    }

    /// Up and Down, Home and End move; Enter opens the event.
    pub fn update(&mut self, d: &Dataset, action: &Action) -> Outcome {
        let len = self.order.len();
        match action {
            Action::Up => self.cursor.move_by(-1, len),
            Action::Down => self.cursor.move_by(1, len),
            Action::Top => self.cursor.select(0, len),
            Action::Bottom => self.cursor.select(usize::MAX, len),
            Action::Follow => {
                if let Some(id) = self.selected_id(d) {
                    return Outcome::Open(id);
                }
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Done
    }

    /// The selected event, as an index into `data.events`.
    pub fn selected(&self) -> Option<usize> {
        self.order.get(self.cursor.selected).copied()
    }

    pub fn selected_id(&self, d: &Dataset) -> Option<String> {
        self.selected().map(|e| d.events[e].id.clone())
    }

    /// Select event `id`; the selection stays when there is none.
    pub fn select_id(&mut self, d: &Dataset, id: &str) -> bool {
        match self.order.iter().position(|&e| d.events[e].id == id) {
            Some(row) => {
                self.cursor.select(row, self.order.len());
                true
            }
            None => false,
        }
    }

    /// New data: the events in order again, and the event that was
    /// selected (`id`, taken before the data changed) found again, else
    /// the first.
    pub fn reload(&mut self, d: &Dataset, id: Option<&str>) {
        self.order = Timeline::new(d).order;
        if !id.is_some_and(|id| self.select_id(d, id)) {
            self.cursor.select(0, self.order.len());
        }
    }
}
