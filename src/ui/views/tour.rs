//! The guided tour as full-screen slides for a projector: a counter, a
//! big title, the step's text, and the item it focuses on, in full.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::app::App;
use crate::text::screen_line;
use crate::ui::panes::detail::render_doc;
use crate::ui::theme::Theme;
use crate::ui::views::tour_lists;
use crate::ui::widgets::pane_block;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.corpus.data;
    let Some(step) = d.tour.get(app.tour.step) else {
        Paragraph::new("This dataset has no [[tour]] steps.")
            .style(theme.note)
            .render(area, buf);
        return;
    };
    let title = frame_title(app, step, area.width);
    let block = pane_block(theme, Line::from(title), true);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let Some(slide) = app.tour_slide(area) else {
        return;
    };
    let focus_area = slide.view;
    heading(app, theme, step, slide, buf);
    use crate::data::TourView;
    // A view squeezed under the text into a few rows would be empty
    // frames: then the slide names its item in one line instead.
    let room_for_view = crate::layout::slide_view_fits(
        focus_area,
        matches!(
            step.view,
            Some(TourView::Map | TourView::Timeline | TourView::Compare)
        ),
    );
    if step.view.is_some() && !room_for_view && step.focus.is_none() {
        Line::styled(
            "The rest of this slide needs a taller terminal.",
            theme.muted,
        )
        .render(focus_area, buf);
        return;
    }
    if let Some(view) = step.view.filter(|_| room_for_view) {
        return step_view(app, theme, step, view, focus_area, buf);
    }
    if let Some(focus) = &step.focus {
        let squeezed = focus_area.height < 3 || (step.view.is_some() && !room_for_view);
        in_focus(app, theme, focus, squeezed, focus_area, buf);
    }
}

/// The frame's title: the counter, and the keys that do something on
/// this slide while they fit (none in presenter mode: a projector shows
/// the class the slide, not the keys).
fn frame_title(app: &App, step: &crate::data::TourStep, width: u16) -> String {
    let d = &app.corpus.data;
    let counter = format!(" {}/{} ", app.tour.step + 1, d.tour.len());
    let mut keys = Vec::new();
    if d.tour.len() > 1 {
        keys.push("←/→ or Space");
    }
    let more = app.tour.scroll < app.scroll_limits().tour;
    if more {
        keys.push("↓ more");
    }
    if step.focus.is_some() {
        keys.push("Enter opens the item");
    }
    keys.push("Esc back");
    let hints = if app.screen.present {
        String::new()
    } else {
        format!("· {} ", keys.join(" · "))
    };
    crate::ui::widgets::first_fitting(&[format!("{counter}{hints}"), counter.clone()], width)
}

/// The slide's title (in big letters when it has room) and its text.
fn heading(
    app: &App,
    theme: &Theme,
    step: &crate::data::TourStep,
    slide: crate::layout::Slide,
    buf: &mut Buffer,
) {
    let title = screen_line(&step.title).into_owned();
    let (title_area, text_area) = (slide.title, slide.text);
    if !slide.big.is_empty() {
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(theme.heading)
            .lines(slide.big.into_iter().map(Line::from).collect::<Vec<_>>())
            .build()
            .render(title_area, buf);
    } else {
        Paragraph::new(Line::styled(title, theme.heading))
            .wrap(Wrap { trim: true })
            .render(title_area, buf);
    }
    // Bold on a projector: thin strokes wash out.
    let text_style = if app.screen.present {
        theme.base.add_modifier(ratatui::style::Modifier::BOLD)
    } else {
        theme.base
    };
    Paragraph::new(screen_line(&step.text).into_owned())
        .style(text_style)
        .wrap(Wrap { trim: true })
        .render(text_area, buf);
}

/// The view the step shows under its text, in `focus_area`.
fn step_view(
    app: &App,
    theme: &Theme,
    step: &crate::data::TourStep,
    view: crate::data::TourView,
    focus_area: Rect,
    buf: &mut Buffer,
) {
    use crate::data::TourView;
    let d = &app.corpus.data;
    match view {
        TourView::Map => crate::ui::views::map::render(app, theme, focus_area, buf),
        TourView::Timeline => crate::ui::views::timeline::render(app, theme, focus_area, buf),
        TourView::Compare => {
            crate::ui::views::compare::embedded(app, theme, focus_area, buf, app.tour.scroll)
        }
        TourView::Reactions | TourView::Objectives | TourView::Questions => {
            let lines = crate::app::tour::slide_list(
                d,
                step,
                usize::from(focus_area.width.saturating_sub(2)),
                usize::from(focus_area.height.saturating_sub(2)),
            )
            .unwrap_or_default();
            let title = tour_lists::title(d, view, step.filter.as_deref(), focus_area.width);
            tour_lists::list(theme, &title, &lines, app.tour.scroll, focus_area, buf);
        }
    }
}

/// The item the step focuses on, in full in a box; `squeezed`, in one
/// line that names it.
fn in_focus(
    app: &App,
    theme: &Theme,
    focus: &str,
    squeezed: bool,
    focus_area: Rect,
    buf: &mut Buffer,
) {
    let d = &app.corpus.data;
    if squeezed {
        // No room for the item in a box: say which it is.
        let name = d.short_name_of(focus);
        crate::ui::fit::fit(
            vec![
                crate::ui::fit::Part::plain("In focus: ", crate::ui::fit::Role::Fixed, theme.key),
                crate::ui::fit::Part::key(&d.name_of(focus), &name, theme.base).owned(),
                crate::ui::fit::Part::plain(
                    " · Enter opens it",
                    crate::ui::fit::Role::Optional,
                    theme.muted,
                ),
            ],
            usize::from(focus_area.width),
        )
        .render(focus_area, buf);
        return;
    }
    let block = pane_block(theme, Line::from(" In focus "), false);
    block.render(focus_area, buf);
    let inside = crate::layout::padded_inner(focus_area);
    let doc = crate::app::detail::slide_document(d, focus);
    render_doc(theme, &doc, inside, buf, app.tour.scroll);
}
