//! "Who said it?": questions drawn from the quotes with a seeded shuffle,
//! so a class can replay the same quiz with `--seed`.

use std::collections::{HashMap, HashSet};

use crate::data::Dataset;

/// The answers offered per question.
pub const CHOICES: usize = 4;

/// How often one answer may be right in a round.
const MAX_SAME_ANSWER: u8 = 2;

pub use crate::rng::Rng;

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
    /// The quotes asked, in the order asked, each with its speaker's place
    /// in `speakers`. A question's options are drawn when it is shown
    /// (the same for the same seed), so a quiz of 100,000 quotes costs
    /// one shuffle, not 400,000 strings.
    asked: Vec<(u32, u32)>,
    /// The speakers of the quotes asked, distinct and sorted: the wrong
    /// answers are drawn from them.
    speakers: Vec<String>,
    /// For each speaker, the other speakers it is part of or that are
    /// part of it (Guterres and the UN): never rivals in one question.
    related: Vec<Vec<u32>>,
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
        Quiz::drawing_from(d, seed, &mut Rng::new(seed))
    }

    /// `new`, with the order drawn from `rng`.
    fn drawing_from(d: &Dataset, seed: u64, rng: &mut Rng) -> Result<Quiz, String> {
        let own_words = || {
            d.quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| !q.source_wording)
        };
        let distinct: HashSet<&str> = own_words().map(|(_, q)| q.speaker.as_str()).collect();
        if distinct.len() < CHOICES {
            return Err(format!(
                "A quiz needs quotes by at least {CHOICES} different speakers; this dataset has {}.",
                distinct.len()
            ));
        }
        // Options come from every actor, not only from those quoted (whose
        // few names a class would know after one round), except those whose
        // only words are the source's wording: no one said those.
        let wording_only: HashSet<&str> = d
            .quotes
            .iter()
            .filter(|q| q.source_wording && !distinct.contains(q.speaker.as_str()))
            .map(|q| q.speaker.as_str())
            .collect();
        let mut speakers: Vec<&str> = distinct.into_iter().collect();
        speakers.extend(
            d.actors
                .iter()
                .map(|a| a.id.as_str())
                .filter(|id| !wording_only.contains(id)),
        );
        speakers.sort_unstable();
        speakers.dedup();
        let place: HashMap<&str, u32> = speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (*s, i as u32))
            .collect();
        let mut asked: Vec<(u32, u32)> = own_words()
            .map(|(i, q)| (i as u32, place[q.speaker.as_str()]))
            .collect();
        rng.shuffle(&mut asked);
        // No answer more than twice a round: with three of seven quotes by
        // one speaker, a class learns to guess that name.
        let mut times = vec![0u8; speakers.len()];
        asked.retain(|&(_, s)| {
            times[s as usize] += 1;
            times[s as usize] <= MAX_SAME_ANSWER
        });
        // Up each speaker's part_of chain (a few steps): linear in the
        // number of speakers, not quadratic.
        let mut related: Vec<Vec<u32>> = vec![Vec::new(); speakers.len()];
        for (a, id) in speakers.iter().enumerate() {
            let mut up = d.actor(id).and_then(|x| x.part_of.as_deref());
            for _ in 0..d.actors.len() {
                let Some(parent) = up else { break };
                if let Some(&p) = place.get(parent) {
                    related[a].push(p);
                    related[p as usize].push(a as u32);
                }
                up = d.actor(parent).and_then(|x| x.part_of.as_deref());
            }
        }
        Ok(Quiz {
            seed,
            asked,
            speakers: speakers.into_iter().map(str::to_string).collect(),
            related,
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
                self.asked.len()
            )),
            SummaryLine::Blank,
        ];
        for (n, right) in self.results.iter().enumerate() {
            let Some(quote) = self.quote_of(n).and_then(|i| d.quotes.get(i)) else {
                continue;
            };
            let citation = crate::text::screen_line(&d.citation(quote)).into_owned();
            lines.push(SummaryLine::Answer {
                right: *right,
                citation,
            });
        }
        lines.push(SummaryLine::Blank);
        lines.push(SummaryLine::Next("n: a new round · Esc: back to Explore"));
        lines
    }

    /// How many questions there are.
    pub fn len(&self) -> usize {
        self.asked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.asked.is_empty()
    }

    /// The quote question `n` asks about.
    pub fn quote_of(&self, n: usize) -> Option<usize> {
        self.asked.get(n).map(|&(quote, _)| quote as usize)
    }

    /// Question `n`: the same options in the same places for the same seed.
    pub fn question_at(&self, n: usize) -> Option<Question> {
        self.drawn(n).map(|(q, _)| q)
    }

    /// Question `n`, and how many numbers drawing it took.
    fn drawn(&self, n: usize) -> Option<(Question, u64)> {
        let &(quote, right) = self.asked.get(n)?;
        let mut rng = Rng::new(self.seed ^ (n as u64 + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        let mut options: Vec<String> = others(
            self.speakers.len(),
            right as usize,
            &self.related[right as usize],
            &mut rng,
        )
        .into_iter()
        .map(|i| self.speakers[i].clone())
        .collect();
        let answer = rng.below(CHOICES);
        options.insert(answer, self.speakers[right as usize].clone());
        let question = Question {
            quote: quote as usize,
            options,
            answer,
        };
        Some((question, rng.draws()))
    }

    pub fn finished(&self) -> bool {
        self.current >= self.asked.len()
    }

    pub fn question(&self) -> Option<Question> {
        self.question_at(self.current)
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

/// `CHOICES - 1` distinct places in a list of `speakers` (at least
/// `CHOICES`), none of them `right`, drawn at random. A draw that hits
/// `right` or one already taken is drawn again, so a question costs a few
/// draws whatever the number of speakers: shuffling them all for every
/// question froze the explorer for 5.4 s on 100,000 quotes by 12,690
/// speakers.
/// Three speakers other than `right`, none of them part of it or its
/// whole (`related`) while enough others exist. Rejection sampling: a few
/// draws each, whatever the number of speakers.
fn others(speakers: usize, right: usize, related: &[u32], rng: &mut Rng) -> Vec<usize> {
    let rivals = speakers - 1 - related.len();
    let strict = rivals >= CHOICES - 1;
    let mut picked = Vec::with_capacity(CHOICES);
    while picked.len() < CHOICES - 1 {
        let s = rng.below(speakers);
        let kin = related.contains(&(s as u32));
        if s != right && !picked.contains(&s) && !(strict && kin) {
            picked.push(s);
        }
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Dataset {
        crate::data::load(None).unwrap().checked.dataset.unwrap()
    }

    fn questions(quiz: &Quiz) -> Vec<Question> {
        (0..quiz.len())
            .filter_map(|n| quiz.question_at(n))
            .collect()
    }

    #[test]
    fn a_seed_gives_the_same_quiz() {
        let d = shipped();
        assert_eq!(Quiz::new(&d, 7).unwrap(), Quiz::new(&d, 7).unwrap());
        assert_ne!(
            questions(&Quiz::new(&d, 7).unwrap()),
            questions(&Quiz::new(&d, 8).unwrap())
        );
    }

    #[test]
    fn every_question_has_four_distinct_speakers_and_the_right_one() {
        let d = shipped();
        let quiz = Quiz::new(&d, 1).unwrap();
        // Each of someone's own words, but no speaker more than twice.
        let mut per_speaker: HashMap<&str, usize> = HashMap::new();
        for q in d.quotes.iter().filter(|q| !q.source_wording) {
            *per_speaker.entry(q.speaker.as_str()).or_default() += 1;
        }
        let expected: usize = per_speaker.values().map(|&n| n.min(2)).sum();
        assert_eq!(quiz.len(), expected);
        for q in &questions(&quiz) {
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
            assert!(questions(&quiz).iter().all(|q| q.quote != paris));
            // Nor is its speaker offered as someone who said something.
            assert!(questions(&quiz).iter().all(|q| {
                q.options
                    .iter()
                    .all(|o| o != d.quotes[paris].speaker.as_str())
            }));
        }
        // The same quote without the flag is asked.
        d.quotes[paris].source_wording = false;
        let quiz = Quiz::new(&d, 0).unwrap();
        assert!(questions(&quiz).iter().any(|q| q.quote == paris));
    }

    #[test]
    fn a_quiz_costs_one_shuffle_and_a_question_a_few_draws() {
        // As many speakers as quotes: shuffling every speaker for every
        // question drew quotes × speakers numbers (4 million here).
        let d = crate::synth::dataset_with_actors(2_000, 2_000, 5);
        let mut rng = Rng::new(5);
        let quiz = Quiz::drawing_from(&d, 5, &mut rng).unwrap();
        // Every quote but the third and later of one speaker.
        assert!((1_500..=2_000).contains(&quiz.len()), "{}", quiz.len());
        // The order's shuffle: one draw per question but the first.
        assert_eq!(rng.draws(), 1_999);
        let draws: u64 = (0..quiz.len()).map(|n| quiz.drawn(n).unwrap().1).sum();
        assert!(draws < 2_000 * 6, "{draws} draws for 2,000 questions");
    }

    #[test]
    fn no_answer_more_than_twice_and_no_member_against_its_whole() {
        let d = shipped();
        for seed in 0..200 {
            let quiz = Quiz::new(&d, seed).unwrap();
            let mut times: HashMap<String, usize> = HashMap::new();
            for q in questions(&quiz) {
                let right = &q.options[q.answer];
                *times.entry(right.clone()).or_default() += 1;
                for o in &q.options {
                    if o != right {
                        assert!(
                            !d.is_within(o, right) && !d.is_within(right, o),
                            "seed {seed}: {o} offered against {right}"
                        );
                    }
                }
            }
            assert!(times.values().all(|&n| n <= 2), "seed {seed}: {times:?}");
        }
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
