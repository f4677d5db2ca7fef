//! A one-line text field that edits like a shell prompt (readline's
//! basics): the cursor moves by characters, Ctrl-W deletes a word.

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

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in chars, 0..=len.
    cursor: usize,
}

impl LineInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Apply an edit; returns whether the text changed.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        match edit {
            Edit::Insert(c) => self.insert(&c.to_string()),
            // A pasted newline or tab would end or break the line: spaces.
            Edit::Paste(s) => self.insert(&s.replace(['\n', '\r', '\t'], " ")),
            Edit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.cursor = (self.cursor + 1).min(self.len());
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.len();
                false
            }
            Edit::Backspace => {
                if self.cursor == 0 {
                    return false;
                }
                self.remove(self.cursor - 1, self.cursor)
            }
            Edit::Delete => self.remove(self.cursor, self.cursor + 1),
            Edit::DeleteWord => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                self.remove(start, self.cursor)
            }
            Edit::DeleteToStart => self.remove(0, self.cursor),
        }
    }

    fn insert(&mut self, s: &str) -> bool {
        // Control characters never enter the query: they would reach the
        // terminal when the field is drawn.
        let clean: String = s.chars().filter(|c| !crate::text::is_unsafe(*c)).collect();
        if clean.is_empty() {
            return false;
        }
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
        true
    }

    fn remove(&mut self, from: usize, to: usize) -> bool {
        let to = to.min(self.len());
        if from >= to {
            return false;
        }
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
        true
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
}
