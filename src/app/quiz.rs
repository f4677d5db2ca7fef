//! "Who said it?": questions drawn from the quotes with a seeded shuffle,
//! so a class can replay the same quiz with `--seed`.

use crate::data::Dataset;

/// The answers offered per question.
pub const CHOICES: usize = 4;

/// SplitMix64: small, fast, and the same everywhere for a seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Index into `Dataset::quotes`.
    pub quote: usize,
    /// Speaker actor ids, one of them right.
    pub options: Vec<String>,
    pub answer: usize,
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub seed: u64,
    pub questions: Vec<Question>,
    pub current: usize,
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
    /// A quiz over every quote that is someone's own words, or why there
    /// cannot be one. A quote in the source's wording (`source_wording`)
    /// is no one's words, so "who said it?" has no right answer there.
    pub fn new(d: &Dataset, seed: u64) -> Result<Quiz, String> {
        let mut speakers: Vec<&str> = d
            .quotes
            .iter()
            .filter(|q| !q.source_wording)
            .map(|q| q.speaker.as_str())
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        if speakers.len() < CHOICES {
            return Err(format!(
                "A quiz needs quotes by at least {CHOICES} different speakers; this dataset has {}.",
                speakers.len()
            ));
        }
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..d.quotes.len())
            .filter(|&i| !d.quotes[i].source_wording)
            .collect();
        rng.shuffle(&mut order);
        let questions = order
            .into_iter()
            .map(|quote| {
                let right = d.quotes[quote].speaker.as_str();
                let mut others: Vec<&str> =
                    speakers.iter().copied().filter(|s| *s != right).collect();
                rng.shuffle(&mut others);
                let mut options: Vec<String> = others
                    .into_iter()
                    .take(CHOICES - 1)
                    .map(str::to_string)
                    .collect();
                let answer = rng.below(CHOICES);
                options.insert(answer, right.to_string());
                Question {
                    quote,
                    options,
                    answer,
                }
            })
            .collect();
        Ok(Quiz {
            seed,
            questions,
            current: 0,
            chosen: None,
            cursor: 0,
            results: Vec::new(),
            scroll: 0,
        })
    }

    /// The summary after the last question, line by line: the score,
    /// each question's citation with whether it was answered right, and
    /// what to do next. The view styles it; `settle` measures it.
    pub fn summary(&self, d: &Dataset) -> Vec<SummaryLine> {
        let mut lines = vec![
            SummaryLine::Score(format!(
                "Finished: {} of {} right.",
                self.score(),
                self.questions.len()
            )),
            SummaryLine::Blank,
        ];
        for (q, right) in self.questions.iter().zip(&self.results) {
            let citation = crate::text::sanitize_line(&d.citation(&d.quotes[q.quote])).into_owned();
            lines.push(SummaryLine::Answer {
                right: *right,
                citation,
            });
        }
        lines.push(SummaryLine::Blank);
        lines.push(SummaryLine::Next("n: a new round · Esc: back to Explore"));
        lines
    }

    pub fn finished(&self) -> bool {
        self.current >= self.questions.len()
    }

    pub fn question(&self) -> Option<&Question> {
        self.questions.get(self.current)
    }

    pub fn score(&self) -> usize {
        self.results.iter().filter(|r| **r).count()
    }

    /// Answer the current question (once).
    pub fn choose(&mut self, option: usize) {
        if self.chosen.is_some() || option >= CHOICES {
            return;
        }
        let Some(q) = self.question() else { return };
        let right = option == q.answer;
        self.chosen = Some(option);
        self.cursor = option;
        self.results.push(right);
    }

    /// On to the next question, after an answer.
    pub fn next(&mut self) {
        if self.chosen.is_some() {
            self.current += 1;
            self.chosen = None;
            self.cursor = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Dataset {
        crate::data::load(None).unwrap().checked.dataset.unwrap()
    }

    #[test]
    fn a_seed_gives_the_same_quiz() {
        let d = shipped();
        assert_eq!(Quiz::new(&d, 7).unwrap(), Quiz::new(&d, 7).unwrap());
        assert_ne!(
            Quiz::new(&d, 7).unwrap().questions,
            Quiz::new(&d, 8).unwrap().questions
        );
    }

    #[test]
    fn every_question_has_four_distinct_speakers_and_the_right_one() {
        let d = shipped();
        let quiz = Quiz::new(&d, 1).unwrap();
        let own_words = d.quotes.iter().filter(|q| !q.source_wording).count();
        assert_eq!(quiz.questions.len(), own_words);
        for q in &quiz.questions {
            let mut o = q.options.clone();
            o.sort();
            o.dedup();
            assert_eq!(o.len(), CHOICES);
            assert_eq!(q.options[q.answer], d.quotes[q.quote].speaker);
        }
    }

    #[test]
    fn scoring_counts_right_answers_once() {
        let d = shipped();
        let mut quiz = Quiz::new(&d, 3).unwrap();
        let right = quiz.question().unwrap().answer;
        quiz.choose(right);
        quiz.choose((right + 1) % CHOICES);
        assert_eq!(quiz.score(), 1);
        quiz.next();
        let wrong = (quiz.question().unwrap().answer + 1) % CHOICES;
        quiz.choose(wrong);
        assert_eq!((quiz.score(), quiz.results.len()), (1, 2));
    }

    #[test]
    fn the_sources_own_wording_is_never_asked() {
        let mut d = shipped();
        let paris = d
            .quotes
            .iter()
            .position(|q| q.id == "paris-inclusive-ethical-ai")
            .expect("the Paris wording is in the shipped data");
        assert!(d.quotes[paris].source_wording);
        for seed in 0..20 {
            let quiz = Quiz::new(&d, seed).unwrap();
            assert!(quiz.questions.iter().all(|q| q.quote != paris));
            // Nor is its speaker offered as someone who said something.
            assert!(quiz.questions.iter().all(|q| {
                q.options
                    .iter()
                    .all(|o| o != d.quotes[paris].speaker.as_str())
            }));
        }
        // The same quote without the flag is asked.
        d.quotes[paris].source_wording = false;
        let quiz = Quiz::new(&d, 0).unwrap();
        assert!(quiz.questions.iter().any(|q| q.quote == paris));
    }

    #[test]
    fn too_few_speakers_is_a_message_not_a_quiz() {
        let mut d = shipped();
        d.quotes
            .retain(|q| q.speaker == "li-qiang" || q.speaker == "united-nations");
        let err = Quiz::new(&d, 1).unwrap_err();
        assert!(err.contains("at least 4 different speakers"), "{err}");
    }
}
