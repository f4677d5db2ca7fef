//! A one-line text field that edits like a shell prompt (readline's
//! basics): the cursor moves by characters, Ctrl-W deletes a word. The
//! editing itself is tui-input's.

/// An edit to a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Paste(String),
    Left,
    Right,
    Home,
    End,
    /// Delete the char before the cursor (Backspace).
    Backspace,
    /// Delete the char under the cursor (Delete).
    Delete,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete from the start to the cursor (Ctrl-U).
    DeleteToStart,
}

/// The search field's text and cursor. Editing is tui-input's (graphemes,
/// words, wide characters); this wrapper keeps control characters out of
/// the text and speaks the keymap's `Edit`s.
#[derive(Debug, Clone, Default)]
pub struct LineInput {
    input: tui_input::Input,
}

/// Two fields are equal when their text and cursor are (tui-input's
/// kill ring is not part of what the user sees).
impl PartialEq for LineInput {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text() && self.cursor() == other.cursor()
    }
}

impl Eq for LineInput {}

impl LineInput {
    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// The cursor, in chars from the start.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// The columns before the cursor.
    pub fn cursor_column(&self) -> usize {
        self.input.visual_cursor()
    }

    /// The columns to scroll past so that the cursor shows in a field
    /// `width` columns wide (with a column for the cursor itself).
    pub fn scroll(&self, width: usize) -> usize {
        self.input.visual_scroll(width.saturating_sub(1))
    }

    /// Apply an edit; returns whether the text changed.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        use tui_input::InputRequest as R;
        let request = match edit {
            Edit::Insert(c) => return self.insert(&c.to_string()),
            // A pasted newline or tab would end or break the line: spaces.
            Edit::Paste(s) => return self.insert(&s.replace(['\n', '\r', '\t'], " ")),
            Edit::Left => R::GoToPrevChar,
            Edit::Right => R::GoToNextChar,
            Edit::Home => R::GoToStart,
            Edit::End => R::GoToEnd,
            Edit::Backspace => R::DeletePrevChar,
            Edit::Delete => R::DeleteNextChar,
            Edit::DeleteWord => R::DeletePrevWord,
            Edit::DeleteToStart => R::DeleteFromStart,
        };
        self.input.handle(request).is_some_and(|c| c.value)
    }

    fn insert(&mut self, s: &str) -> bool {
        // Control characters never enter the query: they would reach the
        // terminal when the field is drawn.
        let mut changed = false;
        for c in s.chars().filter(|c| !crate::text::is_unsafe(*c)) {
            changed |= self
                .input
                .handle(tui_input::InputRequest::InsertChar(c))
                .is_some_and(|c| c.value);
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineInput {
        let mut l = LineInput::default();
        for c in s.chars() {
            l.apply(&Edit::Insert(c));
        }
        l
    }

    #[test]
    fn edits_like_a_shell_line() {
        let mut l = typed("by:li exclusive");
        assert_eq!(l.cursor(), 15);
        assert!(l.apply(&Edit::DeleteWord));
        assert_eq!(l.text(), "by:li ");
        l.apply(&Edit::Home);
        l.apply(&Edit::Right);
        l.apply(&Edit::Insert('X'));
        assert_eq!(l.text(), "bXy:li ");
        assert!(l.apply(&Edit::Backspace));
        assert!(l.apply(&Edit::Delete));
        assert_eq!(l.text(), "b:li ");
        l.apply(&Edit::End);
        l.apply(&Edit::Left);
        assert!(l.apply(&Edit::DeleteToStart));
        assert_eq!((l.text(), l.cursor()), (" ", 0));
        assert!(!l.apply(&Edit::Backspace), "nothing before the cursor");
    }

    #[test]
    fn works_in_chars_not_bytes() {
        let mut l = typed("李强é");
        l.apply(&Edit::Left);
        l.apply(&Edit::Backspace);
        assert_eq!(l.text(), "李é");
        l.apply(&Edit::Paste("a\nb\u{1b}[2J".into()));
        assert_eq!(l.text(), "李a b[2Jé");
    }

    #[test]
    fn the_cursor_is_always_in_the_window() {
        let mut l = typed(&"abcdefghij".repeat(8));
        assert_eq!(l.scroll(40), 80 - 39, "at the end: the end shows");
        l.apply(&Edit::Home);
        assert_eq!((l.scroll(40), l.cursor_column()), (0, 0));
        let mut wide = typed("李强李强李强");
        assert_eq!(wide.cursor_column(), 12);
        wide.apply(&Edit::Left);
        assert_eq!(wide.cursor_column(), 10);
    }
}
