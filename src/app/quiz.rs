//! The quiz as the explorer plays it: a round from [`crate::quiz`] (which
//! draws the questions from a dataset, a kind and a seed), the question
//! on screen, the answers given and the score.

use crate::data::Dataset;

use super::{Action, App, Outcome};
pub use crate::quiz::{CHOICES, Kind, Prompt, Question, Round};

/// A line of the quiz summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SummaryLine {
    Score(String),
    Blank,
    Answer { right: bool, citation: String },
    Next(&'static str),
}

impl SummaryLine {
    /// The mark before an answer's citation.
    pub fn mark(right: bool) -> &'static str {
        if right { "✓ " } else { "✗ " }
    }

    /// The line as plain text, as wide as it is drawn.
    pub fn text(&self) -> String {
        match self {
            SummaryLine::Score(s) => s.clone(),
            SummaryLine::Blank => String::new(),
            SummaryLine::Answer { right, citation } => format!("{}{citation}", Self::mark(*right)),
            SummaryLine::Next(s) => (*s).to_string(),
        }
    }
}

/// The quiz view's own state: the round being played and what the next
/// one is drawn from.
#[derive(Debug, Clone, Default)]
pub struct QuizView {
    /// The quiz, once started, or why it cannot be.
    pub playing: Option<Result<Quiz, String>>,
    /// Seed for the next quiz (from `--seed`, else chosen at start-up).
    pub seed: u64,
    /// What the quiz asks (from `--kind`; `t` in the quiz changes it).
    pub kind: Kind,
    /// Rounds under way of the other kinds, kept when `t` left them so
    /// that coming back goes on where they were.
    pub kept: Vec<Quiz>,
}

/// Seeds are four digits, short enough to write on the board.
pub const SEEDS: u64 = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub round: Round,
    pub seed: u64,
    pub current: usize,
    /// The question on screen (drawn once, not at every frame).
    shown: Option<Question>,
    /// The option chosen for the current question, once answered.
    pub chosen: Option<usize>,
    /// The option the arrow keys point at.
    pub cursor: usize,
    /// For each question answered so far: was it right?
    pub results: Vec<bool>,
    /// Rows of the summary scrolled past (it can be longer than a screen).
    pub scroll: usize,
}

impl Quiz {
    /// The keys of a question and of the summary: the summary scrolls, a
    /// question moves the answer cursor, a-d or Enter answer, Enter or
    /// Space go on.
    pub fn update(&mut self, d: &Dataset, action: &Action) -> Outcome {
        match action {
            Action::Up if self.finished() => self.scroll = self.scroll.saturating_sub(1),
            Action::Down if self.finished() => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp if self.finished() => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown if self.finished() => self.scroll = self.scroll.saturating_add(10),
            Action::Choose(n) => self.choose(*n),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => {
                let n = self.question().map_or(1, |q| q.options.len());
                self.cursor = (self.cursor + 1).min(n.saturating_sub(1));
            }
            Action::Follow if self.chosen.is_none() && !self.finished() => {
                let c = self.cursor;
                self.choose(c);
            }
            Action::Follow | Action::Next | Action::Right => self.next(d),
            _ => return Outcome::Ignored,
        }
        Outcome::Done
    }

    /// A quiz of `kind` over `d`, or why the dataset cannot give one.
    pub fn new(d: &Dataset, kind: Kind, seed: u64) -> Result<Quiz, String> {
        let round = Round::new(d, kind, seed)?;
        let shown = round.question(d, 0);
        Ok(Quiz {
            round,
            seed,
            current: 0,
            shown,
            chosen: None,
            cursor: 0,
            results: Vec::new(),
            scroll: 0,
        })
    }

    pub fn kind(&self) -> Kind {
        self.round.kind
    }

    /// The seed as the screen shows it: four digits.
    pub fn seed_label(&self) -> String {
        format!("{:04}", self.seed % SEEDS)
    }

    /// The summary after the last question, line by line: the score,
    /// each question's citation with whether it was answered right, and
    /// what to do next. The view styles it; `settle` measures it.
    pub fn summary(&self, d: &Dataset) -> Vec<SummaryLine> {
        let mut lines = vec![
            SummaryLine::Score(format!(
                "Finished: {} of {} right.",
                self.score(),
                self.len()
            )),
            SummaryLine::Blank,
        ];
        for (n, right) in self.results.iter().enumerate() {
            let Some(q) = self.round.question(d, n) else {
                continue;
            };
            lines.push(SummaryLine::Answer {
                right: *right,
                citation: crate::text::screen_line(&q.recap).into_owned(),
            });
        }
        lines.push(SummaryLine::Blank);
        lines.push(SummaryLine::Next(
            "n: a new round · t: another kind · Esc: back to Explore",
        ));
        lines
    }

    /// How many questions there are.
    pub fn len(&self) -> usize {
        self.round.len()
    }

    pub fn is_empty(&self) -> bool {
        self.round.is_empty()
    }

    pub fn finished(&self) -> bool {
        self.current >= self.len()
    }

    /// The question on screen.
    pub fn question(&self) -> Option<&Question> {
        self.shown.as_ref().filter(|_| !self.finished())
    }

    pub fn score(&self) -> usize {
        self.results.iter().filter(|r| **r).count()
    }

    /// Answer the current question (once).
    pub fn choose(&mut self, option: usize) {
        let Some(q) = self.question() else { return };
        // A question may offer fewer than four (a stance question offers
        // only the stances the data has): `d` is then no answer.
        if self.chosen.is_some() || option >= q.options.len() {
            return;
        }
        let right = option == q.answer;
        self.chosen = Some(option);
        self.cursor = option;
        self.results.push(right);
    }

    /// On to the next question, after an answer.
    pub fn next(&mut self, d: &Dataset) {
        if self.chosen.is_some() {
            self.current += 1;
            self.chosen = None;
            self.cursor = 0;
            self.shown = self.round.question(d, self.current);
        }
    }
}

/// Keys of the Quiz view: Toggle kind and a new round change the quiz
/// itself, the rest go to the round; returns whether the action was theirs.
pub(super) fn handle(app: &mut App, action: &Action) -> bool {
    // Another kind of question, with the same seed: from a question, the
    // summary, or a kind this dataset cannot ask.
    // A round under way (answered in part) is kept, and a kept round of
    // the next kind goes on where it was left.
    if *action == Action::ToggleKind {
        let left = match app.quiz.playing.take() {
            Some(Ok(q)) if !q.results.is_empty() && !q.finished() => {
                let said = format!(
                    " · {} round kept ({}/{})",
                    q.kind().name(),
                    q.score(),
                    q.results.len()
                );
                app.quiz.kept.retain(|k| k.kind() != q.kind());
                app.quiz.kept.push(q);
                said
            }
            _ => String::new(),
        };
        app.quiz.kind = app.quiz.kind.next();
        let kind = app.quiz.kind;
        let resumed = app.quiz.kept.iter().position(|k| k.kind() == kind);
        let (quiz, back) = match resumed {
            Some(i) => {
                let q = app.quiz.kept.remove(i);
                let back = format!(
                    ", back at question {} ({}/{})",
                    q.current + 1,
                    q.score(),
                    q.results.len()
                );
                (Ok(q), back)
            }
            None => (
                Quiz::new(&app.corpus.data, kind, app.quiz.seed),
                String::new(),
            ),
        };
        app.quiz.playing = Some(quiz);
        app.screen.status = Some(format!("Quiz: {}{back}{left}", kind.title()));
        return true;
    }
    let Some(Ok(quiz)) = app.quiz.playing.as_mut() else {
        return false;
    };
    // A new round with the next seed, from the summary.
    if *action == Action::NewRound && quiz.finished() {
        app.quiz.seed = (app.quiz.seed + 1) % SEEDS;
        app.quiz.playing = Some(Quiz::new(&app.corpus.data, app.quiz.kind, app.quiz.seed));
        return true;
    }
    quiz.update(&app.corpus.data, action) != Outcome::Ignored
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Dataset {
        crate::data::load(None).unwrap().checked.dataset.unwrap()
    }

    #[test]
    fn scoring_counts_right_answers_once() {
        let d = shipped();
        let mut quiz = Quiz::new(&d, Kind::Who, 3).unwrap();
        let right = quiz.question().unwrap().answer;
        quiz.choose(right);
        quiz.choose((right + 1) % CHOICES);
        assert_eq!(quiz.score(), 1);
        quiz.next(&d);
        let wrong = (quiz.question().unwrap().answer + 1) % CHOICES;
        quiz.choose(wrong);
        assert_eq!((quiz.score(), quiz.results.len()), (1, 2));
    }

    #[test]
    fn the_question_shown_is_the_rounds() {
        let d = shipped();
        for kind in Kind::ALL {
            let mut quiz = Quiz::new(&d, kind, 42).unwrap();
            for n in 0..quiz.len() {
                assert_eq!(quiz.question(), quiz.round.question(&d, n).as_ref());
                quiz.choose(0);
                quiz.next(&d);
            }
            assert!(quiz.finished() && quiz.question().is_none());
            assert_eq!(quiz.summary(&d).len(), quiz.len() + 4);
        }
    }

    /// Issue 14 follow-up 3: `t` does not throw away a round under way.
    #[test]
    fn another_kind_keeps_the_round_under_way() {
        let data = shipped();
        let mut app = App::new(data, ratatui::layout::Rect::new(0, 0, 80, 24));
        app.quiz.seed = 7;
        super::super::update(&mut app, Action::SwitchView(super::super::View::Quiz));
        let playing = |app: &App| match &app.quiz.playing {
            Some(Ok(q)) => (q.kind(), q.current, q.score(), q.results.len()),
            _ => panic!("no quiz"),
        };
        let first = playing(&app).0;
        for _ in 0..2 {
            super::super::update(&mut app, Action::Choose(0));
            super::super::update(&mut app, Action::Next);
        }
        let under_way = playing(&app);
        assert_eq!((under_way.1, under_way.3), (2, 2));
        super::super::update(&mut app, Action::ToggleKind);
        assert_ne!(playing(&app).0, first);
        assert_eq!(playing(&app).3, 0);
        let status = app.screen.status.clone().unwrap();
        assert!(
            status.contains(&format!("{} round kept (", first.name())),
            "{status}"
        );
        for _ in 1..Kind::ALL.len() {
            super::super::update(&mut app, Action::ToggleKind);
        }
        assert_eq!(playing(&app), under_way);
        let status = app.screen.status.clone().unwrap();
        assert!(status.contains("back at question 3"), "{status}");
        assert!(app.quiz.kept.is_empty());
    }

    #[test]
    fn the_seed_shows_as_four_digits() {
        let d = shipped();
        assert_eq!(Quiz::new(&d, Kind::Who, 7).unwrap().seed_label(), "0007");
    }
}
