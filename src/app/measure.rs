//! The layout at the explorer's size, read for the state: how many rows
//! each part shows and how far each scrolls. The rectangles come from
//! [`crate::layout`], the one home of geometry; this only applies them to
//! an `App` (its size, focus and text), for `update`, the input edge and
//! the footer alike.

use crate::layout;

use super::{App, Pane, detail};

/// The screen's frame as it is drawn now: presenter mode, and a status
/// row only while there is a message (see `layout::frame_for`).
pub(crate) fn frame(app: &App) -> layout::Frame {
    layout::frame_for(
        app.screen.size,
        app.screen.present,
        app.screen.status.is_some(),
    )
}

/// The Explore view's geometry at the current size, laid out as if `focus`
/// had focus (which matters when one pane is shown at a time).
pub(crate) fn explore_layout(app: &App, focus: Pane) -> layout::Explore {
    let frame = frame(app);
    layout::explore(
        frame.body,
        layout::mode(app.screen.size),
        focus,
        (
            app.corpus.data.approaches.len(),
            app.corpus.data.actors.len(),
        ),
    )
}

/// Rows visible in a pane at the current size.
pub(crate) fn pane_height(app: &App, pane: Pane) -> usize {
    usize::from(explore_layout(app, pane).rows(pane).height)
}

/// Rows of Detail's text part at the current size.
pub(crate) fn text_rows(app: &App) -> usize {
    usize::from(
        layout::detail_parts(explore_layout(app, Pane::Detail).detail)
            .0
            .height,
    )
}

/// The rows of the Timeline view's list, as drawn in the view's body.
pub(crate) fn timeline_rows(app: &App) -> usize {
    let [list, _] = layout::timeline(frame(app).body, false, app.timeline.order.len());
    layout::inner_height(list)
}

/// Results visible in search at the current size (each may take more
/// than one line: `layout::search_row_lines`).
pub(crate) fn search_rows(app: &App) -> usize {
    let frame = frame(app);
    let results = layout::search(frame.body).results;
    let len = app.search.as_ref().map_or(0, |s| s.hits.len());
    layout::inner_height(results) / layout::search_row_lines(results, len)
}

/// The furthest the quiz summary scrolls: its wrapped lines less the
/// rows shown (0 before the summary, which alone scrolls).
pub(crate) fn quiz_scroll_max(app: &App) -> usize {
    let Some(Ok(quiz)) = &app.quiz.playing else {
        return 0;
    };
    if !quiz.finished() {
        return 0;
    }
    let text = layout::quiz_text(frame(app).body);
    let lines: Vec<ratatui::text::Line> = quiz
        .summary(&app.corpus.data)
        .iter()
        .map(|l| ratatui::text::Line::raw(l.text()))
        .collect();
    // Measured as drawn: wrapped by words, not trimmed.
    let height = ratatui::widgets::Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .line_count(text.width);
    height.saturating_sub(usize::from(text.height))
}

/// Compare's part of the body: all of it, or in presenter mode what the
/// big title leaves (layout::present_title).
pub(crate) fn compare_body(app: &App) -> ratatui::layout::Rect {
    layout::view_area(frame(app).body, app.screen.present, true)
}

/// The furthest Compare's table scrolls: its lines less the rows shown.
pub(crate) fn compare_scroll_max(app: &App) -> usize {
    let inner = layout::bordered_inner(compare_body(app));
    let lines = app
        .compare
        .table(&app.corpus.data, layout::compare_column(inner))
        .len();
    lines.saturating_sub(usize::from(inner.height))
}

/// The furthest Detail's text scrolls: its wrapped height less the rows
/// it has.
pub(crate) fn detail_scroll_max(app: &App) -> usize {
    let d = &app.corpus.data;
    // Presenter mode's Explore shows the text alone, wider and taller,
    // without its citation line.
    let (text, doc) = match app.detail_id() {
        Some(id) if app.screen.present && app.view == super::View::Explore => {
            let name = detail::present_name(d, id);
            let [_, text] = layout::present_explore_in(frame(app).body, &name).1;
            (text, detail::present_document(d, id))
        }
        id => (
            layout::detail_parts(explore_layout(app, Pane::Detail).detail).0,
            id.map(|id| detail::document(d, id)).unwrap_or_default(),
        ),
    };
    let total = detail::wrapped_height(&doc, usize::from(text.width));
    total.saturating_sub(usize::from(text.height))
}

/// The furthest the help overlay scrolls at the current size.
pub(crate) fn help_scroll_max(app: &App) -> usize {
    let popup = layout::help(app.screen.size);
    let rows = super::keymap::help_rows(&app.keymap, usize::from(popup.width.saturating_sub(2)));
    rows.len()
        .saturating_sub(usize::from(popup.height.saturating_sub(2)))
}

/// The shown tour slide laid out in `body`, if the dataset has a tour.
pub(crate) fn tour_slide(app: &App, body: ratatui::layout::Rect) -> Option<layout::Slide> {
    let step = app.tour.slide(&app.corpus.data)?;
    let title = crate::text::screen_line(&step.title);
    Some(layout::tour_slide(body, &title, &step.text, |width| {
        slide_wants(app, step, width)
    }))
}

/// The rows a slide's view or item needs at the slide's `width` to be
/// shown whole, its frame included.
fn slide_wants(app: &App, step: &crate::data::TourStep, width: u16) -> usize {
    use crate::data::TourView;
    let d = &app.corpus.data;
    match step.view {
        Some(TourView::Compare) => {
            let inner = layout::bordered_inner(ratatui::layout::Rect::new(0, 0, width, 3));
            app.compare
                .compact_table(d, layout::compare_column(inner))
                .len()
                + 2
        }
        Some(TourView::Map | TourView::Timeline) => layout::SLIDE_VIEW_WANTS,
        // The list whole, without blank lines between items, in its frame.
        Some(TourView::Reactions | TourView::Objectives | TourView::Questions) => {
            super::tour::slide_list(d, step, usize::from(width.saturating_sub(2)), 0)
                .map_or(0, |l| l.len() + 2)
        }
        // The item in a box, a column of padding inside each border.
        None => step.focus.as_deref().map_or(0, |id| {
            detail::wrapped_height(
                &detail::slide_document(d, id),
                usize::from(width.saturating_sub(4)),
            ) + 2
        }),
    }
}

/// The furthest the shown slide's comparison, list or item scrolls: its
/// rows less those shown (0 for a map or timeline, which fit their room).
pub(crate) fn tour_scroll_max(app: &App) -> usize {
    use crate::data::TourView;
    let body = frame(app).body;
    let (Some(slide), Some(step)) = (tour_slide(app, body), app.tour.slide(&app.corpus.data))
    else {
        return 0;
    };
    let scrolls = match step.view {
        Some(TourView::Compare) => layout::slide_view_fits(slide.view, true),
        None => step.focus.is_some() && slide.view.height >= 3,
        Some(TourView::Reactions | TourView::Objectives | TourView::Questions) => {
            layout::slide_view_fits(slide.view, false)
        }
        Some(TourView::Map | TourView::Timeline) => false,
    };
    if !scrolls {
        return 0;
    }
    if let Some(lines) = super::tour::slide_list(
        &app.corpus.data,
        step,
        usize::from(slide.view.width.saturating_sub(2)),
        usize::from(slide.view.height.saturating_sub(2)),
    ) {
        // As drawn: blank lines between items only when all then fit.
        return lines
            .len()
            .saturating_sub(usize::from(slide.view.height.saturating_sub(2)));
    }
    slide_wants(app, step, slide.view.width).saturating_sub(usize::from(slide.view.height))
}
