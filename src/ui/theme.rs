//! Colours and styles. Every distinction a theme draws with colour is also
//! drawn another way (a symbol, a word, reverse video, a border weight), so
//! `NO_COLOR` and colour-blind readers lose nothing.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use crate::data::Stance;

/// The colour schemes, by name; [`Theme::new`] gives each its styles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeKind {
    #[default]
    Dark,
    Light,
    HighContrast,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub border: Style,
    pub border_focused: Style,
    pub border_type: BorderType,
    pub border_type_focused: BorderType,
    pub title: Style,
    pub title_focused: Style,
    /// The selected row of the focused pane.
    pub selected: Style,
    /// The selected row of a pane without focus.
    pub selected_idle: Style,
    pub muted: Style,
    pub heading: Style,
    pub quotation: Style,
    pub note: Style,
    pub key: Style,
    pub chip: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub status: Style,
    pub stances: [Style; 5],
}

fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    /// The theme for a kind, or the colourless one when `no_color`.
    pub fn new(kind: ThemeKind, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match kind {
            ThemeKind::Dark => Theme::dark(),
            ThemeKind::Light => Theme::light(),
            ThemeKind::HighContrast => Theme::high_contrast(),
        }
    }

    pub fn dark() -> Theme {
        Theme {
            base: Style::new(),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan),
            border_type: BorderType::Rounded,
            border_type_focused: BorderType::Thick,
            title: fg(Color::Gray),
            title_focused: fg(Color::Cyan).add_modifier(BOLD),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(BOLD),
            selected_idle: Style::new().add_modifier(Modifier::REVERSED),
            muted: fg(Color::DarkGray),
            heading: fg(Color::Cyan).add_modifier(BOLD),
            quotation: fg(Color::White).add_modifier(Modifier::ITALIC),
            note: fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            key: fg(Color::Cyan).add_modifier(BOLD),
            chip: Style::new().fg(Color::Black).bg(Color::Yellow),
            tab: fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(BOLD),
            status: fg(Color::Gray),
            stances: [
                fg(Color::Green).add_modifier(BOLD),
                fg(Color::LightGreen),
                fg(Color::Yellow),
                fg(Color::LightMagenta),
                fg(Color::LightRed).add_modifier(BOLD),
            ],
        }
    }

    pub fn light() -> Theme {
        let base = Style::new().fg(Color::Black).bg(Color::White);
        Theme {
            base,
            border: fg(Color::Gray),
            border_focused: fg(Color::Blue),
            border_type: BorderType::Rounded,
            border_type_focused: BorderType::Thick,
            title: fg(Color::DarkGray),
            title_focused: fg(Color::Blue).add_modifier(BOLD),
            selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(BOLD),
            selected_idle: Style::new().add_modifier(Modifier::REVERSED),
            muted: fg(Color::DarkGray),
            heading: fg(Color::Blue).add_modifier(BOLD),
            quotation: fg(Color::Black).add_modifier(Modifier::ITALIC),
            note: fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            key: fg(Color::Blue).add_modifier(BOLD),
            chip: Style::new().fg(Color::White).bg(Color::Magenta),
            tab: fg(Color::DarkGray),
            tab_active: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(BOLD),
            status: fg(Color::DarkGray),
            stances: [
                fg(Color::Green).add_modifier(BOLD),
                fg(Color::Blue),
                fg(Color::Indexed(130)),
                fg(Color::Magenta),
                fg(Color::Red).add_modifier(BOLD),
            ],
        }
    }

    /// For projectors: pure black and white, bright accents, bold text.
    pub fn high_contrast() -> Theme {
        let base = Style::new().fg(Color::White).bg(Color::Black);
        Theme {
            base,
            border: fg(Color::White),
            border_focused: fg(Color::LightYellow).add_modifier(BOLD),
            border_type: BorderType::Plain,
            border_type_focused: BorderType::Double,
            title: fg(Color::White).add_modifier(BOLD),
            title_focused: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(BOLD),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(BOLD),
            selected_idle: Style::new().fg(Color::Black).bg(Color::White),
            muted: fg(Color::White),
            heading: fg(Color::LightYellow).add_modifier(BOLD),
            quotation: fg(Color::White).add_modifier(BOLD),
            note: fg(Color::LightCyan).add_modifier(BOLD),
            key: fg(Color::LightYellow).add_modifier(BOLD),
            chip: Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(BOLD),
            tab: fg(Color::White).add_modifier(BOLD),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(BOLD),
            status: fg(Color::White),
            stances: [
                fg(Color::LightGreen).add_modifier(BOLD),
                fg(Color::LightCyan).add_modifier(BOLD),
                fg(Color::LightYellow).add_modifier(BOLD),
                fg(Color::LightMagenta).add_modifier(BOLD),
                fg(Color::LightRed).add_modifier(BOLD),
            ],
        }
    }

    /// No colour at all (NO_COLOR): reverse video, bold and border weight
    /// carry the structure.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            base: plain,
            border: plain,
            border_focused: plain.add_modifier(BOLD),
            border_type: BorderType::Plain,
            border_type_focused: BorderType::Double,
            title: plain,
            title_focused: plain.add_modifier(BOLD | Modifier::REVERSED),
            selected: plain.add_modifier(Modifier::REVERSED | BOLD),
            selected_idle: plain.add_modifier(Modifier::UNDERLINED),
            muted: plain.add_modifier(Modifier::DIM),
            heading: plain.add_modifier(BOLD),
            quotation: plain.add_modifier(Modifier::ITALIC),
            note: plain.add_modifier(Modifier::ITALIC),
            key: plain.add_modifier(BOLD),
            chip: plain.add_modifier(Modifier::REVERSED),
            tab: plain,
            tab_active: plain.add_modifier(Modifier::REVERSED | BOLD),
            status: plain,
            stances: [
                plain.add_modifier(BOLD),
                plain,
                plain.add_modifier(Modifier::ITALIC),
                plain,
                plain.add_modifier(BOLD),
            ],
        }
    }

    pub fn stance(&self, s: Stance) -> Style {
        let i = Stance::ALL.iter().position(|x| *x == s).unwrap_or(2);
        self.stances[i]
    }
}
