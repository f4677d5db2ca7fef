//! A selection in a list and the scroll offset that keeps it visible.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    /// The first visible row.
    pub offset: usize,
}

impl Cursor {
    /// Move by `delta` rows, staying within `len` items.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        let target = self.selected.saturating_add_signed(delta);
        self.selected = target.min(len - 1);
    }

    pub fn select(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
    }

    /// Keep the selection in range and within `height` visible rows.
    pub fn clamp(&mut self, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        self.selected = self.selected.min(len - 1);
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        // Do not leave blank rows at the end when the list could fill them.
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_in_range_and_visible() {
        let mut c = Cursor::default();
        c.move_by(-1, 5);
        assert_eq!(c.selected, 0);
        c.move_by(10, 5);
        assert_eq!(c.selected, 4);
        c.clamp(5, 2);
        assert_eq!(c.offset, 3);
        c.move_by(-4, 5);
        c.clamp(5, 2);
        assert_eq!((c.selected, c.offset), (0, 0));
        c.clamp(0, 2);
        assert_eq!(c, Cursor::default());
    }
}
