//! Quiz rounds drawn from a dataset: which questions, in which order, and
//! each question's options. Pure and seeded: [`Round::new`] takes a
//! dataset, a [`Kind`] and a seed and nothing else (no clock, no screen),
//! so the explorer, a replay with `--seed` and a class quiz served to many
//! laptops all ask the same questions with the same options in the same
//! places.
//!
//! The options are drawn so that the answer cannot be read off the option
//! set: never an actor against its own member (Guterres and the UN), no
//! answer right more than twice a round where others can be, labels of one
//! shape (roles for all four or for none) without a repeated word, and,
//! for disagreements between sources, wrong options that share the
//! answer's sources or its subject.

mod sources;
mod who;

use crate::data::{Dataset, Stance};
use crate::rng::Rng;
use sources::Claim;
pub use sources::Verdict;

/// The answers offered per question.
pub const CHOICES: usize = 4;

/// How often one answer may be right in a round.
const MAX_SAME_ANSWER: usize = 2;

/// Questions in a mixed round: about ten minutes of a lesson.
pub const MIXED_ROUND: usize = 12;

/// What a round asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Kind {
    /// Who said these words?
    #[default]
    Who,
    /// Where does this actor stand on that proposal (a reaction's stance)?
    Stance,
    /// Which approach is this, from its description or its place on the map?
    Approach,
    /// Which sources disagree, and on what?
    Sources,
    /// Questions of every kind the dataset can ask, taken in turn.
    Mixed,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Who,
        Kind::Stance,
        Kind::Approach,
        Kind::Sources,
        Kind::Mixed,
    ];

    /// The word `--kind` takes.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Who => "who",
            Kind::Stance => "stance",
            Kind::Approach => "approach",
            Kind::Sources => "sources",
            Kind::Mixed => "mixed",
        }
    }

    pub fn named(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The question, as the screen heads it.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Who => "Who said it?",
            Kind::Stance => "Where does this actor stand?",
            Kind::Approach => "Which approach is this?",
            Kind::Sources => "Which sources disagree, and on what?",
            Kind::Mixed => "Mixed round",
        }
    }

    /// The next kind, for the key that changes it.
    pub fn next(self) -> Kind {
        let i = Kind::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Kind::ALL[(i + 1) % Kind::ALL.len()]
    }
}

/// What a question shows before the options.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// Someone's words.
    Quote { text: String, fragment: bool },
    /// What an actor did about a proposal (the reaction's first sentence:
    /// the rest often names the stance).
    Reaction {
        actor: String,
        target: String,
        did: String,
    },
    /// An approach's summary with its proponent's names left out.
    Description { text: String },
    /// A place on the stance map: each axis's name, value and the end it
    /// leans towards and how far, by the axis's words for its ends.
    Position { axes: Vec<(String, f64, String)> },
    /// Pairs of sources and what they may disagree on; the options say it.
    Disagreement,
}

/// One question, ready to show: everything in it is plain text from the
/// data (the screen escapes it).
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// What it asks (never `Mixed`).
    pub kind: Kind,
    pub prompt: Prompt,
    pub options: Vec<String>,
    pub answer: usize,
    /// Shown once answered: why the answer is right, from the data.
    pub explanation: Vec<String>,
    /// Shown once answered: where it comes from.
    pub citation: String,
    /// One line for the round's summary: what was asked, the answer and
    /// its source.
    pub recap: String,
    /// The quote asked about, if any (what `y` copies once answered).
    pub quote: Option<usize>,
    /// The id of the item asked about.
    pub item: String,
}

/// One question of a round, before its options are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Asked {
    /// A quote (index) and its speaker's place among the speakers.
    Quote(u32, u32),
    Reaction(u32),
    /// An approach, asked from its place on the map or its description.
    Approach {
        index: u32,
        by_position: bool,
    },
    /// A disagreement, by its place in `Round::claims`.
    Claim(u32),
}

/// A round: the questions in order, drawn from a seed. A question's
/// options are drawn when it is asked for (the same for the same seed),
/// so a round of 100,000 quotes costs one shuffle, not 400,000 strings.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub kind: Kind,
    pub seed: u64,
    asked: Vec<Asked>,
    speakers: who::Speakers,
    /// Every disagreement the data records.
    claims: Vec<Claim>,
}

impl Round {
    /// A round of `kind` over `d`, or why the dataset cannot give one.
    pub fn new(d: &Dataset, kind: Kind, seed: u64) -> Result<Round, String> {
        Round::drawing_from(d, kind, seed, &mut Rng::new(seed))
    }

    /// `new`, with the order drawn from `rng`.
    fn drawing_from(d: &Dataset, kind: Kind, seed: u64, rng: &mut Rng) -> Result<Round, String> {
        let mut round = Round {
            kind,
            seed,
            asked: Vec::new(),
            speakers: Default::default(),
            claims: Vec::new(),
        };
        if kind != Kind::Mixed {
            round.asked = round.draw(d, kind, rng)?;
            return Ok(round);
        }
        // Each kind shuffled alone, then taken in turn: a mixed round
        // asks a bit of everything, not twelve quotes.
        let mut lists = Vec::new();
        let mut why = Vec::new();
        for k in [Kind::Who, Kind::Stance, Kind::Approach, Kind::Sources] {
            match round.draw(d, k, rng) {
                Ok(list) => lists.push(list.into_iter()),
                Err(e) => why.push(e),
            }
        }
        if lists.is_empty() {
            return Err(why.join(" "));
        }
        'fill: while round.asked.len() < MIXED_ROUND {
            let mut any = false;
            for list in &mut lists {
                if let Some(a) = list.next() {
                    round.asked.push(a);
                    any = true;
                    if round.asked.len() == MIXED_ROUND {
                        break 'fill;
                    }
                }
            }
            if !any {
                break;
            }
        }
        Ok(round)
    }

    /// The questions of one kind, shuffled and capped.
    fn draw(&mut self, d: &Dataset, kind: Kind, rng: &mut Rng) -> Result<Vec<Asked>, String> {
        match kind {
            Kind::Who => {
                let (asked, speakers) = who::asked(d, rng)?;
                self.speakers = speakers;
                Ok(asked.into_iter().map(|(q, s)| Asked::Quote(q, s)).collect())
            }
            Kind::Stance => {
                if d.reactions.is_empty() {
                    return Err(
                        "\"Where does this actor stand?\" needs reactions; this dataset has none."
                            .into(),
                    );
                }
                let mut order: Vec<u32> = (0..d.reactions.len() as u32).collect();
                rng.shuffle(&mut order);
                // No stance right more than twice while others can be.
                let mut times = [0usize; Stance::ALL.len()];
                let mut kept = Vec::new();
                let mut extra = Vec::new();
                for r in order {
                    let s = d.reactions[r as usize].stance as usize;
                    times[s] += 1;
                    if times[s] <= MAX_SAME_ANSWER {
                        kept.push(r);
                    } else {
                        extra.push(r);
                    }
                }
                // Only one stance in the data: it is the only answer there
                // is, and saying so is no give-away.
                if kept.len() < 2 {
                    kept.extend(extra);
                }
                Ok(kept.into_iter().map(Asked::Reaction).collect())
            }
            Kind::Approach => {
                if d.approaches.len() < CHOICES {
                    return Err(format!(
                        "\"Which approach is this?\" needs at least {CHOICES} approaches; this dataset has {}.",
                        d.approaches.len()
                    ));
                }
                let mut order: Vec<u32> = (0..d.approaches.len() as u32).collect();
                rng.shuffle(&mut order);
                Ok(order
                    .into_iter()
                    .map(|index| {
                        let coin = rng.below(2) == 1;
                        Asked::Approach {
                            index,
                            by_position: coin && placed_alone(d, index as usize),
                        }
                    })
                    .collect())
            }
            Kind::Sources => {
                self.claims = sources::disagreements(d);
                let wrong = self.claims_against(d, None).len();
                if self.claims.is_empty() || wrong < CHOICES - 1 {
                    return Err("\"Which sources disagree?\" needs renderings of one statement by different sources (`rendering_of`) or dates that other sources give differently (`other_dates`); this dataset has too few.".into());
                }
                let mut order: Vec<u32> = (0..self.claims.len() as u32).collect();
                rng.shuffle(&mut order);
                Ok(order.into_iter().map(Asked::Claim).collect())
            }
            Kind::Mixed => Err("a mixed round is made of the other kinds".into()),
        }
    }

    /// How many questions there are.
    pub fn len(&self) -> usize {
        self.asked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.asked.is_empty()
    }

    /// Question `n`: the same options in the same places for the same seed.
    pub fn question(&self, d: &Dataset, n: usize) -> Option<Question> {
        self.drawn(d, n).map(|(q, _)| q)
    }

    /// Question `n`, and how many numbers drawing it took.
    fn drawn(&self, d: &Dataset, n: usize) -> Option<(Question, u64)> {
        let asked = *self.asked.get(n)?;
        let mut rng = Rng::new(self.seed ^ (n as u64 + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93));
        let q = match asked {
            Asked::Quote(quote, right) => self.who(d, quote as usize, right as usize, &mut rng),
            Asked::Reaction(r) => stance(d, r as usize, &mut rng),
            Asked::Approach { index, by_position } => {
                approach(d, index as usize, by_position, &mut rng)
            }
            Asked::Claim(c) => self.sources(d, self.claims[c as usize], &mut rng),
        };
        Some((q, rng.draws()))
    }

    fn who(&self, d: &Dataset, quote: usize, right: usize, rng: &mut Rng) -> Question {
        let q = &d.quotes[quote];
        let mut ids: Vec<&str> = who::others(&self.speakers, right, rng)
            .into_iter()
            .map(|i| self.speakers.ids[i].as_str())
            .collect();
        let answer = rng.below(CHOICES);
        ids.insert(answer, self.speakers.ids[right].as_str());
        Question {
            kind: Kind::Who,
            prompt: Prompt::Quote {
                text: q.text.clone(),
                fragment: q.fragment,
            },
            options: actor_labels(d, &ids),
            answer,
            explanation: q.context.iter().cloned().collect(),
            citation: d.source_line(q),
            recap: d.citation(q),
            quote: Some(quote),
            item: q.id.to_string(),
        }
    }

    /// Claims of disagreement the data does not support, among the
    /// sources the real ones involve; `near` keeps only those that share
    /// the claim's pair of sources or its subject.
    fn claims_against(&self, d: &Dataset, near: Option<Claim>) -> Vec<Claim> {
        let sources = sources::sources_involved(&self.claims);
        let subjects = sources::subjects(d, &self.claims);
        let mut out = Vec::new();
        for (n, &a) in sources.iter().enumerate() {
            for &b in &sources[n + 1..] {
                for &on in &subjects {
                    let c = Claim { a, b, on };
                    if self.claims.binary_search(&c).is_err()
                        && near.is_none_or(|x| (x.a, x.b) == (a, b) || x.on == on)
                    {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    fn sources(&self, d: &Dataset, right: Claim, rng: &mut Rng) -> Question {
        let wrong = self.claims_against(d, None);
        let mut picked = wrong_claims(&wrong, right, rng);
        rng.shuffle(&mut picked);
        let answer = rng.below(CHOICES);
        picked.insert(answer, right);
        let item = match right.on {
            sources::Subject::Words(q) => d.quotes[q as usize].id.to_string(),
            sources::Subject::Date(e) => d.events[e as usize].id.clone(),
        };
        let options: Vec<String> = picked.iter().map(|&c| sources::label(d, c)).collect();
        Question {
            kind: Kind::Sources,
            prompt: Prompt::Disagreement,
            recap: format!(
                "{} ({})",
                options[answer],
                sources::evidence(d, right).join("; ")
            ),
            options,
            answer,
            explanation: sources::evidence(d, right),
            citation: sources::citation(d, right),
            quote: match right.on {
                sources::Subject::Words(q) => Some(q as usize),
                sources::Subject::Date(_) => None,
            },
            item,
        }
    }
}

/// Three wrong options for the claim `right`, drawn from `wrong` at
/// random among the sets that keep the answer from being read off the
/// options: at least one shares the answer's sources or its subject (so
/// the question asks both "which?" and "on what?"); no pair of sources
/// and no subject is in more than two options; and the answer's shape
/// among the four (how many others share its pair, how many its subject)
/// is also a wrong option's, so "the option that has something in common
/// with two others" does not single it out. No option is forced: where
/// the data has one wrong claim about a disputed subject (the shipped one
/// has Reuters / WION on the ceremony's date), requiring it put that one
/// in every question, and a class learnt to strike it out.
fn wrong_claims(wrong: &[Claim], right: Claim, rng: &mut Rng) -> Vec<Claim> {
    const TRIES: usize = 200;
    let near = |c: &Claim| c.on == right.on || (c.a, c.b) == (right.a, right.b);
    let near_pool: Vec<Claim> = wrong.iter().copied().filter(near).collect();
    let mut best: Option<(usize, Vec<Claim>)> = None;
    for _ in 0..TRIES {
        let mut set: Vec<Claim> = Vec::with_capacity(CHOICES - 1);
        if !near_pool.is_empty() {
            set.push(near_pool[rng.below(near_pool.len())]);
        }
        let mut guard = 0;
        while set.len() < CHOICES - 1 && guard < 64 {
            guard += 1;
            let c = wrong[rng.below(wrong.len())];
            if !set.contains(&c) {
                set.push(c);
            }
        }
        let faults = option_set_faults(&set, right);
        if best.as_ref().is_none_or(|(f, _)| faults < *f) {
            best = Some((faults, set));
        }
        if faults == 0 {
            break;
        }
    }
    best.map(|(_, set)| set).unwrap_or_default()
}

/// How many of [`wrong_claims`]'s rules a set of wrong options breaks
/// (0: a fair set).
fn option_set_faults(set: &[Claim], right: Claim) -> usize {
    let all: Vec<Claim> = std::iter::once(right).chain(set.iter().copied()).collect();
    let shape = |i: usize| {
        let c = all[i];
        let others = || all.iter().enumerate().filter(move |(j, _)| *j != i);
        (
            others().filter(|(_, x)| (x.a, x.b) == (c.a, c.b)).count(),
            others().filter(|(_, x)| x.on == c.on).count(),
        )
    };
    let mut faults = 0;
    if set.len() < CHOICES - 1 {
        faults += 1;
    }
    if !(1..all.len()).any(|i| shape(i) == shape(0)) {
        faults += 1;
    }
    if all.iter().any(|c| {
        all.iter().filter(|x| (x.a, x.b) == (c.a, c.b)).count() > 2
            || all.iter().filter(|x| x.on == c.on).count() > 2
    }) {
        faults += 1;
    }
    if !set
        .iter()
        .any(|c| c.on == right.on || (c.a, c.b) == (right.a, right.b))
    {
        faults += 1;
    }
    faults
}

/// One row of a printed "which sources differ?" exercise: two sources
/// and a subject, how the data bears out a difference between them, and
/// what each source says.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub claim: String,
    pub verdict: Verdict,
    pub says: Vec<String>,
    /// For a claim about the words of a statement, the index of its first
    /// rendering in `Dataset::quotes` (where a key can print them all once).
    pub quote: Option<usize>,
}

/// Every difference the data records, as many rows where there is none
/// (first those where both sources give the same, then those where one
/// gives nothing, sharing sources or a subject with a real difference),
/// in an order drawn from `seed`: for a worksheet and its key, which
/// print the same.
pub fn claim_rows(d: &Dataset, seed: u64) -> Vec<ClaimRow> {
    let mut round = Round {
        kind: Kind::Sources,
        seed,
        asked: Vec::new(),
        speakers: Default::default(),
        claims: sources::disagreements(d),
    };
    round.claims.sort_unstable();
    let mut rng = Rng::new(seed);
    let mut wrong = round.claims_against(d, None);
    rng.shuffle(&mut wrong);
    // Rows where the two sources agree come first: they ask for the same
    // comparison as a real difference. Then each real difference's
    // subject and sources come back in a row where one source is silent,
    // so neither gives the answer away.
    let verdict = |c: Claim| sources::verdict(d, c, &round.claims);
    let mut picked: Vec<Claim> = wrong
        .iter()
        .copied()
        .filter(|&w| verdict(w) == Verdict::Same)
        .take(round.claims.len())
        .collect();
    for c in &round.claims {
        if picked.len() >= round.claims.len() {
            break;
        }
        if let Some(w) = wrong
            .iter()
            .find(|w| !picked.contains(w) && (w.on == c.on || (w.a, w.b) == (c.a, c.b)))
        {
            picked.push(*w);
        }
    }
    let mut rows: Vec<Claim> = round.claims.iter().copied().chain(picked).collect();
    rng.shuffle(&mut rows);
    rows.into_iter()
        .map(|c| ClaimRow {
            claim: sources::label(d, c),
            verdict: verdict(c),
            says: sources::evidence(d, c),
            quote: match c.on {
                sources::Subject::Words(q) => Some(q as usize),
                sources::Subject::Date(_) => None,
            },
        })
        .collect()
}

/// Every question of a round, built at once: for a class quiz served to
/// many, which needs them all.
pub fn questions(d: &Dataset, kind: Kind, seed: u64) -> Result<Vec<Question>, String> {
    let round = Round::new(d, kind, seed)?;
    Ok((0..round.len())
        .filter_map(|n| round.question(d, n))
        .collect())
}

/// Actors' labels for one question, all of one shape: with their roles
/// when each of them has one that does not repeat a word of the name
/// ("Baidu representative, representative of Baidu"), else names alone.
fn actor_labels(d: &Dataset, ids: &[&str]) -> Vec<String> {
    let with_role = |id: &str| -> Option<String> {
        let a = d.actor(id)?;
        crate::data::shown_role(&a.name, a.role.as_deref())
            .map(|role| format!("{}, {role}", a.name))
    };
    let roles: Vec<Option<String>> = ids.iter().map(|id| with_role(id)).collect();
    if roles.iter().all(Option::is_some) {
        roles.into_iter().flatten().collect()
    } else {
        ids.iter().map(|id| d.name_of(id)).collect()
    }
}

/// Whether approach `i` has a place on the map that no other approach
/// shares (else "which approach sits here?" has two right answers).
fn placed_alone(d: &Dataset, i: usize) -> bool {
    let Some(p) = &d.approaches[i].position else {
        return false;
    };
    !p.is_empty()
        && d.approaches
            .iter()
            .enumerate()
            .all(|(j, a)| j == i || a.position.as_ref() != Some(p))
}

fn stance(d: &Dataset, r: usize, rng: &mut Rng) -> Question {
    let reaction = &d.reactions[r];
    // The fair rule: options only from the stances some reaction in the
    // data has, so that every option is the answer somewhere (with four
    // of five steps always offered, a step no reaction has, "~ mixed" in
    // the shipped data, was never right and a class learnt to strike it
    // out). All of them when there are at most four; else the right one
    // and three drawn. Only where the data has a single stance are other
    // steps offered beside it (a question needs a choice).
    let mut seen = [false; Stance::ALL.len()];
    for x in &d.reactions {
        seen[x.stance as usize] = true;
    }
    let occurring: Vec<Stance> = Stance::ALL
        .into_iter()
        .filter(|s| seen[*s as usize] && *s != reaction.stance)
        .collect();
    let mut others: Vec<Stance> = if occurring.is_empty() {
        let mut all: Vec<Stance> = Stance::ALL
            .into_iter()
            .filter(|s| *s != reaction.stance)
            .collect();
        all.remove(rng.below(all.len()));
        all
    } else {
        let mut o = occurring;
        while o.len() > CHOICES - 1 {
            o.remove(rng.below(o.len()));
        }
        o
    };
    others.push(reaction.stance);
    others.sort();
    let answer = others
        .iter()
        .position(|s| *s == reaction.stance)
        .unwrap_or(0);
    let first_sentence = first_sentence(&reaction.summary);
    let citation =
        source_reference(d, reaction.source.as_deref()).unwrap_or_else(|| "no source given".into());
    let recap = format!(
        "{} on {}: {} {} — {citation}",
        d.name_of(&reaction.actor),
        d.name_of(&reaction.target),
        reaction.stance.symbol(),
        reaction.stance.label()
    );
    Question {
        kind: Kind::Stance,
        prompt: Prompt::Reaction {
            actor: d.name_of(&reaction.actor),
            target: d.short_name_of(&reaction.target),
            did: first_sentence,
        },
        options: others
            .iter()
            .map(|s| format!("{} {}", s.symbol(), s.label()))
            .collect(),
        answer,
        explanation: vec![reaction.summary.clone()],
        citation,
        recap,
        quote: reaction.quote.as_deref().and_then(|q| match d.item(q) {
            Some(crate::data::ItemRef::Quote(i)) => Some(i),
            _ => None,
        }),
        item: reaction.id.clone(),
    }
}

fn approach(d: &Dataset, i: usize, by_position: bool, rng: &mut Rng) -> Question {
    let a = &d.approaches[i];
    // Three others, none at the same place on the map.
    let mut pool: Vec<usize> = (0..d.approaches.len())
        .filter(|&j| j != i && (!by_position || d.approaches[j].position != a.position))
        .collect();
    rng.shuffle(&mut pool);
    pool.truncate(CHOICES - 1);
    let answer = rng.below(pool.len() + 1);
    pool.insert(answer, i);
    let labels = approach_labels(d);
    let options: Vec<String> = pool.iter().map(|&j| labels[j].clone()).collect();
    let prompt = if by_position {
        position_prompt(d, a)
    } else {
        Prompt::Description {
            text: blank_words(
                &masked(d, &a.summary, &a.proponent),
                &option_words(&options),
            ),
        }
    };
    // Once answered, the approach by its full name (the options leave
    // the proponent out).
    let mut explanation = vec![format!("{}.", a.name)];
    if by_position {
        explanation.push(a.summary.clone());
    }
    if let Some(note) = &a.position_note {
        explanation.push(note.clone());
    }
    let citation =
        source_reference(d, a.source.as_deref()).unwrap_or_else(|| "no source given".into());
    let how = if by_position {
        format!(
            "at {}",
            crate::data::format_position(
                &d.axes,
                a.position.as_ref().unwrap_or(&Default::default())
            )
        )
    } else {
        "from its description".to_string()
    };
    Question {
        kind: Kind::Approach,
        recap: format!("{} ({how}) — {citation}", a.name),
        prompt,
        options,
        answer,
        explanation,
        citation,
        quote: None,
        item: a.id.clone(),
    }
}

/// The prompt of "which approach sits here?": towards which end of each
/// axis the approach `a` sits and how far, each end named by the axis's
/// own word for it ("slightly towards binding rules", "midway between
/// deregulation and binding rules"). Every position question names the
/// same ends, so they point at no option more than the number does.
fn position_prompt(d: &Dataset, a: &crate::data::Approach) -> Prompt {
    let p = a.position.clone().unwrap_or_default();
    Prompt::Position {
        axes: d
            .axes
            .iter()
            .filter_map(|axis| {
                let v = *p.get(&axis.id)?;
                Some((axis.name.clone(), v, towards(v, &axis.low, &axis.high)))
            })
            .collect(),
    }
}

/// Where `v` (-1 to +1) sits between the ends `low` and `high`, in words
/// that match its size: up to 0.3 "slightly towards", up to 0.6
/// "towards", beyond "far towards", at 1 "at".
pub(crate) fn towards(v: f64, low: &str, high: &str) -> String {
    let end = if v > 0.0 { high } else { low };
    match v.abs() {
        m if m < 0.05 => format!("midway between {low} and {high}"),
        m if m <= 0.3 => format!("slightly towards {end}"),
        m if m <= 0.6 => format!("towards {end}"),
        m if m < 0.95 => format!("far towards {end}"),
        _ => format!("at {end}"),
    }
}

/// Each approach's label as an option, proponent-neutral: its name
/// without a closing "(China)" or "(EU AI Act)" that names the proponent
/// or its instrument, since the description's proponent is blanked and
/// "(China)" beside it would say whose it is. Full names where the short
/// ones would clash.
pub(crate) fn approach_labels(d: &Dataset) -> Vec<String> {
    let labels: Vec<String> = d
        .approaches
        .iter()
        .map(|a| match a.name.rfind(" (") {
            Some(at) if a.name.ends_with(')') && at > 0 => a.name[..at].to_string(),
            _ => a.name.clone(),
        })
        .collect();
    let mut sorted = labels.clone();
    sorted.sort();
    sorted.dedup();
    if sorted.len() == labels.len() {
        labels
    } else {
        d.approaches.iter().map(|a| a.name.clone()).collect()
    }
}

/// Words too common to tell options apart.
const COMMON: &[&str] = &[
    "and", "the", "for", "with", "its", "from", "into", "that", "this", "not",
];

/// A word as options are compared on it: lower case, a plural's "s"
/// dropped ("orders" echoes "order").
fn stem(w: &str) -> String {
    let w = w.to_lowercase();
    match w.strip_suffix('s') {
        Some(s) if s.chars().count() >= 3 => s.to_string(),
        _ => w,
    }
}

/// The words of the options that could point at one of them: every word
/// of three letters or more but the commonest ("AI" and "and" are in
/// many descriptions and name nothing).
pub(crate) fn option_words(options: &[String]) -> Vec<String> {
    let mut out: Vec<String> = options
        .iter()
        .flat_map(|o| o.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3)
        .map(stem)
        .filter(|w| !COMMON.contains(&w.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// `text` with every word in `words` (compared by [`stem`]) blanked as
/// "[…]", and blanks side by side merged: a description that says
/// "risk-based" beside the option "Risk-based regulation" answers itself.
fn blank_words(text: &str, words: &[String]) -> String {
    const BLANK: &str = "[…]";
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if words.contains(&stem(word)) {
            // "[…] […]" and "[…]-[…]" read as one gap.
            let trimmed = out.trim_end_matches([' ', '-']);
            if trimmed.ends_with(BLANK) {
                out.truncate(trimmed.len());
            } else {
                out.push_str(BLANK);
            }
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A source's title and publisher.
fn source_reference(d: &Dataset, id: Option<&str>) -> Option<String> {
    let s = d.source(id?)?;
    Some(match &s.publisher {
        Some(p) => format!("{}, {p}", s.title),
        None => s.title.clone(),
    })
}

/// Up to the first full stop followed by a space (or all of it).
fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(end) => text[..=end].trim().to_string(),
        None => text.trim().to_string(),
    }
}

/// `text` with the names of `proponent` and of its members (name, short
/// label, aliases) left out as "[…]": a description that names its
/// proponent answers its own question.
fn masked(d: &Dataset, text: &str, proponent: &str) -> String {
    let mut names: Vec<&str> = Vec::new();
    for actor in &d.actors {
        if d.is_within(&actor.id, proponent) {
            names.push(&actor.name);
            names.extend(actor.short.as_deref());
            names.extend(actor.aliases.iter().map(String::as_str));
        }
    }
    // Longest first: "Premier Li" before "Li".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut out = text.to_string();
    for name in names.into_iter().filter(|n| !n.is_empty()) {
        out = replace_word(&out, name, "[…]");
    }
    out
}

/// Every whole-word occurrence of `word` in `text` replaced.
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + word.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at]);
        if edge(before) && edge(after) {
            out.push_str(with);
        } else {
            out.push_str(word);
        }
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
