//! "Who said it?": the quotes that are someone's own words, and the
//! speakers their wrong answers are drawn from.

use std::collections::{HashMap, HashSet};

use super::{CHOICES, MAX_SAME_ANSWER};
use crate::data::{ActorKind, Dataset};

use crate::rng::Rng;

/// The speakers a round draws its options from, with who is part of whom.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Speakers {
    /// Distinct and sorted: every actor but those whose only words are
    /// the source's wording (no one said those).
    pub ids: Vec<String>,
    /// For each speaker, the other speakers it is part of or that are
    /// part of it (Guterres and the UN): never rivals in one question.
    pub related: Vec<Vec<u32>>,
}

/// The quotes to ask, in the order asked, each with its speaker's place
/// in `Speakers::ids`; or why there can be no such round.
pub(super) fn asked(d: &Dataset, rng: &mut Rng) -> Result<(Vec<(u32, u32)>, Speakers), String> {
    let own_words = || {
        d.quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| !q.source_wording)
    };
    let distinct: HashSet<&str> = own_words().map(|(_, q)| q.speaker.as_str()).collect();
    if distinct.len() < CHOICES {
        return Err(format!(
            "\"Who said it?\" needs quotes by at least {CHOICES} different speakers; this dataset has {}.",
            distinct.len()
        ));
    }
    let speakers = speakers(d, &distinct);
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
    let mut times = vec![0usize; speakers.len()];
    asked.retain(|&(_, s)| {
        times[s as usize] += 1;
        times[s as usize] <= MAX_SAME_ANSWER
    });
    let related = related(d, &speakers, &place);
    let speakers = Speakers {
        ids: speakers.into_iter().map(str::to_string).collect(),
        related,
    };
    Ok((asked, speakers))
}

/// Who may be offered as an option, sorted: everyone quoted in their own
/// words (`distinct`) and the actors who could plausibly have said them.
fn speakers<'d>(d: &'d Dataset, distinct: &HashSet<&'d str>) -> Vec<&'d str> {
    // Options come from the quoted and from actors who could plausibly
    // have said the words, not only from those quoted (whose few names a
    // class would know after one round): a person, or an actor that is
    // not a loose group ("Experts", "Global South" speak with no one
    // voice) and has a voice in the data (a reaction, an approach it
    // proposes). Never those whose only words are the source's wording:
    // no one said those.
    let wording_only: HashSet<&str> = d
        .quotes
        .iter()
        .filter(|q| q.source_wording && !distinct.contains(q.speaker.as_str()))
        .map(|q| q.speaker.as_str())
        .collect();
    let voiced: HashSet<&str> = d
        .reactions
        .iter()
        .map(|r| r.actor.as_str())
        .chain(d.approaches.iter().map(|a| a.proponent.as_str()))
        .collect();
    let mut speakers: Vec<&'d str> = distinct.iter().copied().collect();
    speakers.extend(
        d.actors
            .iter()
            .filter(|a| {
                a.kind == ActorKind::Person
                    || (a.kind != ActorKind::Group && voiced.contains(a.id.as_str()))
            })
            .map(|a| a.id.as_str())
            .filter(|id| !wording_only.contains(id)),
    );
    speakers.sort_unstable();
    speakers.dedup();
    speakers
}

/// For each of `speakers`, the others it is part of or that are part of
/// it (by their places in `speakers`).
fn related(d: &Dataset, speakers: &[&str], place: &HashMap<&str, u32>) -> Vec<Vec<u32>> {
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
    related
}

/// `CHOICES - 1` distinct places among `speakers.ids`, none of them
/// `right`, and no two options (the right one included) where one is part
/// of the other (the UN against Guterres, or China beside Li Qiang), while
/// enough others exist. Rejection sampling: a draw that hits a taken or
/// related place is drawn again, so a question costs a few draws whatever
/// the number of speakers (shuffling them all for every question froze the
/// explorer for 5.4 s on 100,000 quotes by 12,690 speakers).
pub(super) fn others(speakers: &Speakers, right: usize, rng: &mut Rng) -> Vec<usize> {
    let n = speakers.ids.len();
    let related = &speakers.related;
    let rivals = n - 1 - related[right].len();
    let strict = rivals >= CHOICES - 1;
    let mut picked: Vec<usize> = Vec::with_capacity(CHOICES);
    // After many refusals (a dataset of few, tightly related speakers),
    // only the right answer's kin stay refused.
    let mut tries = 0usize;
    while picked.len() < CHOICES - 1 {
        tries += 1;
        let s = rng.below(n);
        let kin_of_right = related[right].contains(&(s as u32));
        let kin_of_picked = picked.iter().any(|&p| related[p].contains(&(s as u32)));
        if s != right
            && !picked.contains(&s)
            && !(strict && kin_of_right)
            && !(strict && tries < 64 * CHOICES && kin_of_picked)
        {
            picked.push(s);
        }
    }
    picked
}
