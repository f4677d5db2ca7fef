//! Renders the explorer's main screens from the app itself to SVG images
//! in assets/, colours included: `cargo run --example screenshots`.
//!
//! Each screen is drawn into a ratatui buffer by the same `ui::render` the
//! terminal uses, then every cell is written out with its colours.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use stances::app::{Action, App, update};
use stances::ui::{self, Theme, ThemeKind};

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 17.0;
const DEFAULT_FG: &str = "#d0d0d0";
const DEFAULT_BG: &str = "#1c1c1c";

fn main() -> std::io::Result<()> {
    use Action::*;
    use stances::app::View;
    let shots: [(&str, u16, u16, ThemeKind, &[Action]); 9] = [
        (
            "explore",
            120,
            36,
            ThemeKind::Dark,
            &[NextPane, Follow, PrevPane, PrevPane, PrevPane, PrevPane],
        ),
        (
            "detail",
            120,
            36,
            ThemeKind::Dark,
            &[NextPane, NextPane, NextPane, Follow],
        ),
        ("help", 100, 30, ThemeKind::Dark, &[ToggleHelp]),
        (
            "high-contrast",
            80,
            24,
            ThemeKind::HighContrast,
            &[NextPane, NextPane, Down, Down],
        ),
        ("compact", 50, 16, ThemeKind::Dark, &[NextPane, NextPane]),
        ("map", 110, 30, ThemeKind::Dark, &[SwitchView(View::Map)]),
        (
            "tour",
            90,
            28,
            ThemeKind::HighContrast,
            &[SwitchView(View::Tour), Next],
        ),
        (
            "quiz",
            90,
            24,
            ThemeKind::Dark,
            &[SwitchView(View::Quiz), Choose(1)],
        ),
        ("search", 110, 30, ThemeKind::Dark, &[OpenSearch]),
    ];
    std::fs::create_dir_all("assets")?;
    for (name, w, h, kind, actions) in shots {
        let data = stances::data::load(None)
            .expect("embedded data")
            .checked
            .dataset
            .expect("clean");
        let mut app = App::new(data, Rect::new(0, 0, w, h));
        app.quiz.seed = 7;
        for a in actions {
            update(&mut app, a.clone());
        }
        let theme = Theme::new(kind, false);
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        ui::render(&app, &theme, area, &mut buf);
        let background = if kind == ThemeKind::HighContrast {
            "#000000"
        } else {
            DEFAULT_BG
        };
        let svg = to_svg(&buf, background);
        let path = format!("assets/{name}.svg");
        std::fs::write(&path, svg)?;
        println!("wrote {path}");
    }
    Ok(())
}

fn hex(c: Color, default: &str) -> String {
    let rgb = match c {
        Color::Reset => return default.to_string(),
        Color::Black => (0x1c, 0x1c, 0x1c),
        Color::Red => (0xcd, 0x31, 0x31),
        Color::Green => (0x0d, 0xbc, 0x79),
        Color::Yellow => (0xe5, 0xe5, 0x10),
        Color::Blue => (0x24, 0x72, 0xc8),
        Color::Magenta => (0xbc, 0x3f, 0xbc),
        Color::Cyan => (0x11, 0xa8, 0xcd),
        Color::Gray => (0xc0, 0xc0, 0xc0),
        Color::DarkGray => (0x76, 0x76, 0x76),
        Color::LightRed => (0xf1, 0x4c, 0x4c),
        Color::LightGreen => (0x23, 0xd1, 0x8b),
        Color::LightYellow => (0xf5, 0xf5, 0x43),
        Color::LightBlue => (0x3b, 0x8e, 0xea),
        Color::LightMagenta => (0xd6, 0x70, 0xd6),
        Color::LightCyan => (0x29, 0xb8, 0xdb),
        Color::White => (0xf2, 0xf2, 0xf2),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => (i, i, i),
    };
    format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn to_svg(buf: &Buffer, background: &str) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.0}" height="{:.0}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#,
        f32::from(w) * CELL_W + 16.0,
        f32::from(h) * CELL_H + 16.0
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{background}" rx="6"/>"#
    );
    let _ = writeln!(out, r#"<g transform="translate(8 8)">"#);
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            let mut fg = hex(cell.fg, DEFAULT_FG);
            let mut bg = hex(cell.bg, background);
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let (px, py) = (f32::from(x) * CELL_W, f32::from(y) * CELL_H);
            if bg != background {
                let _ = writeln!(
                    out,
                    r#"<rect x="{px:.1}" y="{py:.1}" width="{:.1}" height="{CELL_H}" fill="{bg}"/>"#,
                    CELL_W + 0.3
                );
            }
            let symbol = cell.symbol();
            if symbol.trim().is_empty() {
                continue;
            }
            let weight = if cell.modifier.contains(Modifier::BOLD) {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let italic = if cell.modifier.contains(Modifier::ITALIC) {
                r#" font-style="italic""#
            } else {
                ""
            };
            let _ = writeln!(
                out,
                r#"<text x="{px:.1}" y="{:.1}" fill="{fg}"{weight}{italic}>{}</text>"#,
                py + CELL_H - 4.0,
                escape(symbol)
            );
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}
