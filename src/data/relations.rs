//! How items relate: what a filter on an approach or actor keeps, and what
//! an item's detail links to. Pure functions of the dataset, so the
//! explorer, the exports and the tests share one definition.

use super::model::{Dataset, ItemRef};

/// What the Reactions and Quotes panes can be narrowed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    Approach(String),
    /// An actor, its members through `part_of` included.
    Actor(String),
}

impl Focus {
    pub fn id(&self) -> &str {
        match self {
            Focus::Approach(id) | Focus::Actor(id) => id,
        }
    }
}

/// A small set of ids: sorted, searched by halves. For the handful of ids
/// a scope holds this beats hashing every quote's speaker (SipHash cost
/// 35 ms per keystroke at 100,000 quotes).
#[derive(Default)]
struct Ids<'d>(Vec<&'d str>);

impl<'d> FromIterator<&'d str> for Ids<'d> {
    fn from_iter<I: IntoIterator<Item = &'d str>>(iter: I) -> Self {
        let mut v: Vec<&str> = iter.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        Ids(v)
    }
}

impl Ids<'_> {
    fn contains(&self, id: &str) -> bool {
        self.0.binary_search(&id).is_ok()
    }
}

/// What a focus takes in, worked out once for a pass over many items, so
/// that each item costs a few comparisons (100,000 quotes per keystroke).
struct Scope<'d> {
    focus: &'d Focus,
    /// Actors that count as the focus: an actor and its members, or an
    /// approach's proponent and its members.
    members: Ids<'d>,
    /// The same, by index into `actors`, for quotes' speakers.
    member_rows: Vec<bool>,
    /// For an actor: the approaches it or a member proposes.
    proposed: Ids<'d>,
    /// For an approach: the quotes that reactions to it cite.
    cited: Ids<'d>,
}

impl<'d> Scope<'d> {
    fn new(d: &'d Dataset, focus: &'d Focus) -> Scope<'d> {
        let mut scope = Scope::by_id(d, focus);
        scope.member_rows = d
            .actors
            .iter()
            .map(|a| scope.members.contains(&a.id))
            .collect();
        scope
    }

    fn by_id(d: &'d Dataset, focus: &'d Focus) -> Scope<'d> {
        let within = |group: &str| -> Ids<'d> {
            d.actors
                .iter()
                .filter(|a| d.is_within(&a.id, group))
                .map(|a| a.id.as_str())
                .collect()
        };
        match focus {
            Focus::Approach(id) => Scope {
                focus,
                member_rows: Vec::new(),
                // An approach's scope is the approach alone: what its
                // proponent says or does elsewhere is listed under the
                // proponent.
                members: Ids::default(),
                proposed: Ids::default(),
                cited: d
                    .reactions
                    .iter()
                    .filter(|r| r.target == *id)
                    .filter_map(|r| r.quote.as_deref())
                    .collect(),
            },
            Focus::Actor(id) => {
                let members = within(id);
                let proposed = d
                    .approaches
                    .iter()
                    .filter(|a| members.contains(&a.proponent))
                    .map(|a| a.id.as_str())
                    .collect();
                Scope {
                    focus,
                    member_rows: Vec::new(),
                    members,
                    proposed,
                    cited: Ids::default(),
                }
            }
        }
    }

    /// How a reaction concerns the focus, if it does:
    /// - an approach: only reactions that target it. Its proponent's
    ///   reactions to other things are about those things (the US
    ///   declining the Paris appeal says nothing about the US executive
    ///   orders), so they are listed under the proponent, not here;
    /// - an actor: reactions by it or its members, reactions that target
    ///   it (or a member), and reactions to approaches it (or a member)
    ///   proposes.
    fn reaction(&self, r: &crate::data::Reaction) -> Option<Via> {
        self.reaction_all(r).first().copied()
    }

    /// Every way a reaction concerns the focus, in the order of [`Via`]
    /// (a member's reaction to the focus's own approach is both by a
    /// member and to its approach).
    fn reaction_all(&self, r: &crate::data::Reaction) -> Vec<Via> {
        match self.focus {
            Focus::Approach(id) => {
                if r.target == *id {
                    vec![Via::Target]
                } else {
                    Vec::new()
                }
            }
            Focus::Actor(id) => {
                let by = if r.actor == *id {
                    Some(Via::By)
                } else if self.members.contains(&r.actor) {
                    Some(Via::ByMember)
                } else {
                    None
                };
                let to = if r.target == *id {
                    Some(Via::Target)
                } else if self.members.contains(&r.target) {
                    Some(Via::TargetMember)
                } else if self.proposed.contains(&r.target) {
                    Some(Via::Proposal)
                } else {
                    None
                };
                by.into_iter().chain(to).collect()
            }
        }
    }

    /// Does a quote concern the focus?
    /// - an approach: quotes about it and quotes cited by reactions to it
    ///   (not every quote of its proponent: those may be about anything);
    /// - an actor: quotes by it or its members, and quotes about it (or a
    ///   member).
    fn quote(&self, d: &Dataset, i: usize) -> bool {
        let q = &d.quotes[i];
        match self.focus {
            Focus::Approach(id) => q.about.iter().any(|a| a == id) || self.cited.contains(&q.id),
            Focus::Actor(_) => {
                let by = d
                    .quote_speaker(i)
                    .is_some_and(|a| self.member_rows.get(a).copied().unwrap_or(false));
                by || q.about.iter().any(|a| self.members.contains(a))
            }
        }
    }

    /// How a quote the focus keeps concerns it (the first that holds, in
    /// the order of [`QuoteVia`]).
    fn quote_via(&self, d: &Dataset, i: usize) -> Option<QuoteVia> {
        self.quote_all(d, i).first().copied()
    }

    /// Every way a quote concerns the focus, in the order of
    /// [`QuoteVia`]: who said it, then what it is about (a member's words
    /// about the focus are both by a member and about it).
    fn quote_all(&self, d: &Dataset, i: usize) -> Vec<QuoteVia> {
        let q = &d.quotes[i];
        let id = self.focus.id();
        match self.focus {
            Focus::Approach(_) => {
                let about = q.about.iter().any(|a| a == id);
                let cited = self.cited.contains(&q.id);
                [(about, QuoteVia::About), (cited, QuoteVia::Cited)]
                    .into_iter()
                    .filter_map(|(holds, via)| holds.then_some(via))
                    .collect()
            }
            Focus::Actor(_) => {
                let by = if q.speaker == id {
                    Some(QuoteVia::By)
                } else if d
                    .quote_speaker(i)
                    .is_some_and(|a| self.member_rows.get(a).copied().unwrap_or(false))
                {
                    Some(QuoteVia::ByMember)
                } else {
                    None
                };
                let about = if q.about.iter().any(|a| a == id) {
                    Some(QuoteVia::About)
                } else if q.about.iter().any(|a| self.members.contains(a)) {
                    Some(QuoteVia::AboutMember)
                } else {
                    None
                };
                by.into_iter().chain(about).collect()
            }
        }
    }
}

/// How a quote concerns a focus: said beside it wherever it is listed
/// under the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QuoteVia {
    /// Said by the focused actor.
    By,
    /// Said by one of the focused actor's members.
    ByMember,
    /// About the focus (its `about` names it).
    About,
    /// About one of the focused actor's members.
    AboutMember,
    /// Cited by a reaction to the focused approach.
    Cited,
}

impl QuoteVia {
    /// Short words for a row: "by it", "about it"…
    pub fn label(self) -> &'static str {
        match self {
            QuoteVia::By => "by it",
            QuoteVia::ByMember => "by a member",
            QuoteVia::About => "about it",
            QuoteVia::AboutMember => "about a member",
            QuoteVia::Cited => "cited by a reaction to it",
        }
    }
}

/// How items concern one focus, worked out once for many rows (a pane's
/// visible rows, or every row to see whether they share one relation).
pub struct Concern<'d> {
    d: &'d Dataset,
    scope: Scope<'d>,
}

impl<'d> Concern<'d> {
    pub fn new(d: &'d Dataset, focus: &'d Focus) -> Concern<'d> {
        Concern {
            d,
            scope: Scope::new(d, focus),
        }
    }

    /// How reaction `r` concerns the focus, if it does.
    pub fn reaction(&self, r: usize) -> Option<Via> {
        self.scope.reaction(&self.d.reactions[r])
    }

    /// How quote `q` concerns the focus, if it does.
    pub fn quote(&self, q: usize) -> Option<QuoteVia> {
        self.scope.quote_via(self.d, q)
    }

    /// Every way reaction `r` concerns the focus (none when it does not).
    pub fn reaction_all(&self, r: usize) -> Vec<Via> {
        self.scope.reaction_all(&self.d.reactions[r])
    }

    /// Every way quote `q` concerns the focus (none when it does not).
    pub fn quote_all(&self, q: usize) -> Vec<QuoteVia> {
        self.scope.quote_all(self.d, q)
    }
}

/// How a reaction concerns a focus: the words a pane shows beside it, so
/// that nothing is listed under an item without saying why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Via {
    /// By the focused actor itself.
    By,
    /// By one of the focused actor's members.
    ByMember,
    /// A reaction to the focus itself.
    Target,
    /// A reaction to one of the focused actor's members.
    TargetMember,
    /// A reaction to an approach the focused actor (or a member) proposes.
    Proposal,
}

impl Via {
    /// Short words for a row or a heading: "by it", "to its approach"…
    pub fn label(self) -> &'static str {
        match self {
            Via::By => "by it",
            Via::ByMember => "by a member",
            Via::Target => "to it",
            Via::TargetMember => "to a member",
            Via::Proposal => "to its approach",
        }
    }
}

/// The words for a row that concerns its focus in one or more ways:
/// "by a member", "by a member and about it". Empty for none.
pub fn words(labels: impl IntoIterator<Item = &'static str>) -> String {
    let labels: Vec<&str> = labels.into_iter().collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// How reaction `r` concerns `focus`, or `None` when it does not.
pub fn reaction_via(d: &Dataset, focus: &Focus, r: usize) -> Option<Via> {
    Scope::new(d, focus).reaction(&d.reactions[r])
}

/// Indices of the reactions a focus keeps (all without one).
pub fn reactions_for(d: &Dataset, focus: Option<&Focus>) -> Vec<usize> {
    let scope = focus.map(|f| Scope::new(d, f));
    (0..d.reactions.len())
        .filter(|&i| {
            scope
                .as_ref()
                .is_none_or(|s| s.reaction(&d.reactions[i]).is_some())
        })
        .collect()
}

/// Indices of the quotes a focus keeps (all without one).
pub fn quotes_for(d: &Dataset, focus: Option<&Focus>) -> Vec<usize> {
    let scope = focus.map(|f| Scope::new(d, f));
    (0..d.quotes.len())
        .filter(|&i| scope.as_ref().is_none_or(|s| s.quote(d, i)))
        .collect()
}

/// One link from an item's detail to another item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// How the two relate, e.g. "speaker", "reaction", "member".
    pub relation: &'static str,
    pub id: String,
}

fn link(relation: &'static str, id: &str) -> Link {
    Link {
        relation,
        id: id.to_string(),
    }
}

/// Links to the reactions and quotes a focus keeps.
fn concerning(d: &Dataset, focus: &Focus, out: &mut Vec<Link>) {
    out.extend(
        reactions_for(d, Some(focus))
            .into_iter()
            .map(|r| link("reaction", &d.reactions[r].id)),
    );
    out.extend(
        quotes_for(d, Some(focus))
            .into_iter()
            .map(|q| link("quote", &d.quotes[q].id)),
    );
}

/// Every item the detail of `id` links to, in a stable, readable order.
pub fn related(d: &Dataset, id: &str) -> Vec<Link> {
    let mut out = Vec::new();
    match d.item(id) {
        Some(ItemRef::Approach(i)) => {
            let a = &d.approaches[i];
            out.push(link("proponent", &a.proponent));
            concerning(d, &Focus::Approach(a.id.clone()), &mut out);
            out.extend(a.source.iter().map(|s| link("source", s)));
        }
        Some(ItemRef::Actor(i)) => actor_links(d, &d.actors[i], &mut out),
        Some(ItemRef::Reaction(i)) => {
            let r = &d.reactions[i];
            out.push(link("by", &r.actor));
            out.push(link("on", &r.target));
            out.extend(r.quote.iter().map(|q| link("quote", q)));
            out.extend(r.source.iter().map(|s| link("source", s)));
        }
        Some(ItemRef::Quote(i)) => quote_links(d, i, &mut out),
        Some(ItemRef::Event(i)) => event_links(d, &d.events[i], &mut out),
        Some(ItemRef::Source(_)) | Some(ItemRef::Axis(_)) | None => {}
    }
    out
}

/// An actor's links: what it is part of, its members, the approaches it
/// proposes, what concerns it, its events and sources.
fn actor_links(d: &Dataset, a: &crate::data::Actor, out: &mut Vec<Link>) {
    out.extend(a.part_of.iter().map(|p| link("part of", p)));
    out.extend(
        d.actors
            .iter()
            .filter(|m| m.part_of.as_deref() == Some(&a.id))
            .map(|m| link("member", &m.id)),
    );
    out.extend(
        d.approaches
            .iter()
            .filter(|p| p.proponent == a.id)
            .map(|p| link("proposes", &p.id)),
    );
    concerning(d, &Focus::Actor(a.id.clone()), out);
    out.extend(
        d.events
            .iter()
            .filter(|e| e.actors.contains(&a.id))
            .map(|e| link("event", &e.id)),
    );
    out.extend(a.source.iter().map(|s| link("source", s)));
}

/// Quote `i`'s links: its speaker, what it is about, the reactions that
/// cite it, its source and its other renderings.
fn quote_links(d: &Dataset, i: usize, out: &mut Vec<Link>) {
    let q = &d.quotes[i];
    out.push(link("speaker", &q.speaker));
    out.extend(q.about.iter().map(|a| link("about", a)));
    out.extend(
        d.reactions
            .iter()
            .filter(|r| r.quote.as_deref() == Some(&q.id))
            .map(|r| link("cited by", &r.id)),
    );
    out.push(link("source", &q.source));
    // The same statement as other sources render it.
    out.extend(
        d.other_renderings(i)
            .into_iter()
            .map(|j| link("rendering", &d.quotes[j].id)),
    );
}

/// An event's links: its actors, the reactions to it, the quotes about
/// it, its sources and those that date it otherwise.
fn event_links(d: &Dataset, e: &crate::data::Event, out: &mut Vec<Link>) {
    out.extend(e.actors.iter().map(|a| link("actor", a)));
    out.extend(
        d.reactions
            .iter()
            .filter(|r| r.target == e.id)
            .map(|r| link("reaction", &r.id)),
    );
    out.extend(
        d.quotes
            .iter()
            .filter(|q| q.about.contains(&e.id))
            .map(|q| link("quote", &q.id)),
    );
    out.extend(e.source.iter().map(|s| link("source", s)));
    out.extend(
        e.other_dates
            .iter()
            .map(|o| link("dated otherwise by", &o.source)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    fn shipped() -> Dataset {
        load(None).unwrap().checked.dataset.unwrap()
    }

    /// The shipped data with two rows that concern China in two ways
    /// each: Li Qiang's "benefit mankind" also about China, and a
    /// reaction by Li Qiang to China's own approach.
    pub(crate) fn mixed() -> Dataset {
        let text = crate::data::load::EMBEDDED_TEXT.replace(
            "about = [\"china-cooperation-body\", \"global-south\"]",
            "about = [\"china-cooperation-body\", \"global-south\", \"china\"]",
        ) + "\n[[reaction]]\nid = \"li-backs-body\"\nactor = \"li-qiang\"\n\
             target = \"china-cooperation-body\"\nstance = \"supports\"\n\
             summary = \"A test row: the premier backs the body he proposes.\"\n\
             source = \"valleynews-waic-2025\"\n";
        crate::data::load::load_reader("mixed.toml", text.as_bytes())
            .unwrap()
            .checked
            .dataset
            .unwrap()
    }

    #[test]
    fn a_row_that_concerns_an_item_in_two_ways_says_both() {
        let d = mixed();
        let china = Focus::Actor("china".into());
        let c = Concern::new(&d, &china);
        let q = d
            .quotes
            .iter()
            .position(|q| q.id == "li-benefit-mankind")
            .unwrap();
        assert_eq!(c.quote_all(q), [QuoteVia::ByMember, QuoteVia::About]);
        assert_eq!(
            words(c.quote_all(q).into_iter().map(QuoteVia::label)),
            "by a member and about it"
        );
        // The first way is still the one that decides a pane's title.
        assert_eq!(c.quote(q), Some(QuoteVia::ByMember));
        let r = d
            .reactions
            .iter()
            .position(|r| r.id == "li-backs-body")
            .unwrap();
        assert_eq!(c.reaction_all(r), [Via::ByMember, Via::Proposal]);
        assert_eq!(
            words(c.reaction_all(r).into_iter().map(Via::label)),
            "by a member and to its approach"
        );
        // Under Li Qiang himself the quote is only his: it is about China,
        // not about him.
        let li = Focus::Actor("li-qiang".into());
        let c = Concern::new(&d, &li);
        assert_eq!(c.quote_all(q), [QuoteVia::By]);
        // China proposes the body, not its premier: the reaction is his.
        assert_eq!(c.reaction_all(r), [Via::By]);
        // Under the approach, the reaction is only to it.
        let body = Focus::Approach("china-cooperation-body".into());
        assert_eq!(Concern::new(&d, &body).reaction_all(r), [Via::Target]);
        // A reaction that does not concern the focus has no ways at all.
        let eu = Focus::Actor("european-union".into());
        assert!(Concern::new(&d, &eu).reaction_all(r).is_empty());
        assert_eq!(words(Vec::<&'static str>::new()), "");
    }

    #[test]
    fn relation_words_read_as_a_phrase() {
        assert_eq!(words(["by it"]), "by it");
        assert_eq!(words(["by it", "about it"]), "by it and about it");
        assert_eq!(
            words(["by a member", "to a member", "to its approach"]),
            "by a member, to a member and to its approach"
        );
    }

    #[test]
    fn an_actor_filter_includes_its_members() {
        let d = shipped();
        let china = Focus::Actor("china".into());
        let quotes: Vec<&str> = quotes_for(&d, Some(&china))
            .iter()
            .map(|&i| d.quotes[i].id.as_str())
            .collect();
        assert_eq!(
            quotes,
            [
                "li-governance-dispersed",
                "li-fragmented-reuters",
                "li-fragmented-wion",
                "li-exclusive-game",
                "li-benefit-mankind"
            ]
        );
        // Reactions to the approach China proposes count as reactions concerning China.
        assert!(reactions_for(&d, Some(&china)).len() >= 7);
    }

    #[test]
    fn an_approach_filter_keeps_reactions_to_it_and_quotes_about_it() {
        let d = shipped();
        let un = Focus::Approach("un-inclusive-governance".into());
        let r: Vec<&str> = reactions_for(&d, Some(&un))
            .iter()
            .map(|&i| d.reactions[i].id.as_str())
            .collect();
        assert_eq!(r, ["guterres-calls-for-cooperation"]);
        // The US declining the Paris appeal is about the appeal, not
        // about the US approach: it is listed under the US, not here.
        let us = Focus::Approach("us-deregulation".into());
        assert_eq!(reactions_for(&d, Some(&us)), Vec::<usize>::new());
        let us_actor = Focus::Actor("united-states".into());
        let r = reactions_for(&d, Some(&us_actor));
        let decline = d
            .reactions
            .iter()
            .position(|r| r.id == "us-declines-paris-appeal")
            .unwrap();
        assert!(r.contains(&decline));
        assert_eq!(reaction_via(&d, &us_actor, decline), Some(Via::By));
        let q: Vec<&str> = quotes_for(&d, Some(&un))
            .iter()
            .map(|&i| d.quotes[i].id.as_str())
            .collect();
        assert_eq!(q, ["un-whims-of-markets", "guterres-defining-test"]);
    }

    /// Everything a focus keeps concerns it: a reaction to an approach
    /// targets it; a quote under an approach is about it or cited by a
    /// reaction to it; under an actor, the reaction's actor or target is
    /// the actor, a member, or an approach they propose.
    #[test]
    fn every_listed_reaction_and_quote_concerns_its_item() {
        let d = shipped();
        for a in &d.approaches {
            let f = Focus::Approach(a.id.clone());
            for r in reactions_for(&d, Some(&f)) {
                assert_eq!(d.reactions[r].target, a.id, "{}", d.reactions[r].id);
            }
            for q in quotes_for(&d, Some(&f)) {
                let q = &d.quotes[q];
                let cited = d
                    .reactions
                    .iter()
                    .any(|r| r.target == a.id && r.quote.as_deref() == Some(q.id.as_str()));
                assert!(q.about.contains(&a.id) || cited, "{} under {}", q.id, a.id);
            }
        }
        for a in &d.actors {
            let f = Focus::Actor(a.id.clone());
            let within = |id: &str| d.is_within(id, &a.id);
            let proposed = |id: &str| {
                d.approaches
                    .iter()
                    .any(|p| p.id == id && within(&p.proponent))
            };
            for r in reactions_for(&d, Some(&f)) {
                let re = &d.reactions[r];
                assert!(
                    within(&re.actor) || within(&re.target) || proposed(&re.target),
                    "{} under {}",
                    re.id,
                    a.id
                );
                assert!(reaction_via(&d, &f, r).is_some());
            }
        }
    }

    #[test]
    fn no_focus_keeps_everything() {
        let d = shipped();
        assert_eq!(reactions_for(&d, None).len(), d.reactions.len());
        assert_eq!(quotes_for(&d, None).len(), d.quotes.len());
    }

    #[test]
    fn every_link_resolves() {
        let d = shipped();
        let ids = d
            .actors
            .iter()
            .map(|a| a.id.clone())
            .chain(d.approaches.iter().map(|a| a.id.clone()))
            .chain(d.reactions.iter().map(|a| a.id.clone()))
            .chain(d.quotes.iter().map(|a| a.id.to_string()))
            .chain(d.events.iter().map(|a| a.id.clone()));
        for id in ids {
            for l in related(&d, &id) {
                assert!(d.item(&l.id).is_some(), "{id} -> {}", l.id);
            }
        }
        let q = related(&d, "baidu-too-important");
        assert_eq!(
            q[0],
            Link {
                relation: "speaker",
                id: "baidu-representative".into()
            }
        );
        assert!(q.contains(&Link {
            relation: "cited by",
            id: "baidu-backs-proposal".into()
        }));
    }
}
