//! `y` and `Y`: the quote (or its citation) to the terminal's clipboard.

use super::{App, Effect, View};

/// The quote `y` copies: the one in Detail (or its reaction's), the one
/// selected in Quotes or in search, the tour's focus, or the quiz's once
/// answered (never before: that would give the answer away).
pub(crate) fn copy_target(app: &App) -> Option<usize> {
    let d = &app.corpus.data;
    let quote_of = |id: &str| match d.item(id)? {
        crate::data::ItemRef::Quote(i) => Some(i),
        crate::data::ItemRef::Reaction(r) => d.reactions[r].quote.as_deref().and_then(|q| match d
            .item(q)
        {
            Some(crate::data::ItemRef::Quote(i)) => Some(i),
            _ => None,
        }),
        _ => None,
    };
    match app.view {
        View::Explore => app.detail_id().and_then(quote_of),
        View::Tour => d
            .tour
            .get(app.tour.step)?
            .focus
            .as_deref()
            .and_then(quote_of),
        View::Quiz => match app.quiz.playing.as_ref()? {
            Ok(q) if q.chosen.is_some() => q.question().and_then(|q| q.quote),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn copy(app: &mut App, with_text: bool) {
    let Some(i) = copy_target(app) else {
        // Where to find one, from where the user is.
        let hint = match app.view {
            crate::app::View::Explore => "select one in Quotes (Tab) first",
            crate::app::View::Quiz => "answer the question first",
            _ => "select one in Explore, or answer a quiz question",
        };
        app.screen.status = Some(format!("No quote to copy here: {hint}"));
        return;
    };
    let q = &app.corpus.data.quotes[i];
    let text = if with_text {
        app.corpus.data.citation(q)
    } else {
        app.corpus.data.source_line(q)
    };
    // OSC 52 has no answer: the terminal may have ignored it, so say what
    // was sent, not that it arrived. The text itself is on screen already;
    // the message fits one status line at 80 columns.
    app.screen.status = Some(
        if with_text {
            "Quote and citation sent to the clipboard (OSC 52; some terminals refuse it)"
        } else {
            "Citation sent to the clipboard (OSC 52; some terminals refuse it)"
        }
        .into(),
    );
    app.requests.effects.push(Effect::Copy(text));
}
