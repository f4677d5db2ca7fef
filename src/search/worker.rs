//! Searching off the UI thread. The explorer sends each new query with a
//! generation number and never waits; the worker drops queries that a
//! newer one has replaced, abandons a pass as soon as a newer query
//! arrives, publishes large result sets progressively, re-scores only the
//! previous matches when the query narrows them, and answers a query it
//! has seen recently (a backspace) from its cache.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::engine::{Hit, Index, rank};
use super::query::Query;

/// Results for one query; `done` is false while more are coming. While
/// not done, `hits` are the matches found so far, ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub generation: u64,
    pub hits: Arc<Vec<Hit>>,
    pub done: bool,
}

enum Job {
    Search {
        generation: u64,
        query: String,
    },
    /// The data was reloaded: search this index from now on.
    Index(Arc<Index>),
}

pub struct Worker {
    jobs: Sender<Job>,
    latest: Arc<AtomicU64>,
}

/// Candidates scored before the first progress report: when the query
/// narrows the previous one they are its best matches, so the top of the
/// list is on screen early. Later reports come every `BATCH`.
const FIRST_BATCH: usize = 5_000;
const BATCH: usize = 100_000;
/// Completed results kept for instant answers to repeated queries.
const CACHE: usize = 16;

impl Worker {
    /// Start the worker; `publish` is called from its thread.
    pub fn spawn(index: Arc<Index>, publish: impl Fn(Update) + Send + 'static) -> Worker {
        let (jobs, rx) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&latest);
        thread::spawn(move || run(&index, &rx, &seen, &publish));
        Worker { jobs, latest }
    }

    /// Ask for `query`; older requests are abandoned.
    pub fn search(&self, generation: u64, query: String) {
        self.latest.store(generation, Ordering::SeqCst);
        let _ = self.jobs.send(Job::Search { generation, query });
    }

    /// Search a new index (after a reload); the cache starts afresh.
    pub fn set_index(&self, index: Arc<Index>) {
        let _ = self.jobs.send(Job::Index(index));
    }
}

fn run(index: &Arc<Index>, rx: &Receiver<Job>, latest: &AtomicU64, publish: &dyn Fn(Update)) {
    let mut searcher = Searcher::new(Arc::clone(index));
    while let Ok(first) = rx.recv() {
        // Only the newest queued query matters; a new index always does.
        let mut search = None;
        for job in std::iter::once(first).chain(rx.try_iter()) {
            match job {
                Job::Index(index) => searcher = Searcher::new(index),
                Job::Search { generation, query } => search = Some((generation, query)),
            }
        }
        let Some((generation, query)) = search else {
            continue;
        };
        let cancelled = || latest.load(Ordering::SeqCst) != generation;
        searcher.run(&query, &cancelled, &mut |hits, done| {
            publish(Update {
                generation,
                hits,
                done,
            })
        });
    }
}

/// The search logic of the worker, without the thread: usable directly by
/// tests and benchmarks to measure a keystroke exactly as the explorer
/// pays for it.
pub struct Searcher {
    index: Arc<Index>,
    /// Recent complete results, newest last.
    cache: VecDeque<(String, Query, Arc<Vec<Hit>>)>,
}

impl Searcher {
    pub fn new(index: Arc<Index>) -> Searcher {
        Searcher {
            index,
            cache: VecDeque::new(),
        }
    }

    /// Search `input`, reporting (hits, done) one or more times; returns
    /// the final hits, or `None` when cancelled.
    pub fn run(
        &mut self,
        input: &str,
        cancelled: &(dyn Fn() -> bool + Sync),
        report: &mut dyn FnMut(Arc<Vec<Hit>>, bool),
    ) -> Option<Arc<Vec<Hit>>> {
        if let Some(pos) = self.cache.iter().position(|(q, _, _)| q == input) {
            let entry = self.cache.remove(pos)?;
            let hits = Arc::clone(&entry.2);
            self.cache.push_back(entry);
            report(Arc::clone(&hits), true);
            return Some(hits);
        }
        let query = Query::parse(input);
        // Narrowing: only the matches of the newest cached query that this
        // one narrows can match, best first.
        let base: Vec<u32> = match self
            .cache
            .iter()
            .rev()
            .find(|(_, previous, _)| query.narrows(previous))
        {
            Some((_, _, hits)) => {
                // The previous best first (they are shown first), the rest
                // in dataset order, which reads memory in order.
                let mut ids: Vec<u32> = hits.iter().map(|h| h.quote).collect();
                if ids.len() > FIRST_BATCH {
                    ids[FIRST_BATCH..].sort_unstable();
                }
                ids
            }
            None => (0..u32::try_from(self.index.len()).unwrap_or(u32::MAX)).collect(),
        };
        let allowed = self.index.allowed(&query);
        let mut hits = Vec::new();
        let mut rest = base.as_slice();
        let mut size = FIRST_BATCH;
        while !rest.is_empty() {
            let (batch, later) = rest.split_at(size.min(rest.len()));
            rest = later;
            size = BATCH;
            let mut found = self
                .index
                .score(&query, allowed.as_deref(), batch, cancelled)?;
            rank(&mut found);
            hits = merge(hits, found);
            if !rest.is_empty() {
                report(Arc::new(hits.clone()), false);
            }
        }
        let hits = Arc::new(hits);
        report(Arc::clone(&hits), true);
        if self.cache.len() == CACHE {
            self.cache.pop_front();
        }
        self.cache
            .push_back((input.to_string(), query, Arc::clone(&hits)));
        Some(hits)
    }
}

/// Two ranked lists as one, in linear time: re-sorting everything after
/// each batch cost more than the scoring of small queries.
fn merge(a: Vec<Hit>, b: Vec<Hit>) -> Vec<Hit> {
    if a.is_empty() {
        return b;
    }
    let key = |h: &Hit| (std::cmp::Reverse(h.score), h.quote);
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => key(x) <= key(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn index() -> Arc<Index> {
        Arc::new(Index::new(Arc::new(
            crate::data::load(None).unwrap().checked.dataset.unwrap(),
        )))
    }

    #[test]
    fn the_worker_answers_the_latest_query() {
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn(index(), move |u| {
            let _ = tx.send(u);
        });
        worker.search(1, "whims".into());
        worker.search(2, "fragmented".into());
        let last = loop {
            let u = rx.recv_timeout(Duration::from_secs(10)).unwrap();
            if u.generation == 2 && u.done {
                break u;
            }
        };
        let ix = index();
        let first = &ix.data().quotes[last.hits[0].quote as usize];
        assert!(first.text.contains("fragmented"), "{}", first.text);
    }

    #[test]
    fn narrowing_and_the_cache_give_the_same_answer_as_a_fresh_search() {
        let ix = index();
        let mut s = Searcher::new(Arc::clone(&ix));
        let mut typed = String::new();
        for c in "govern".chars() {
            typed.push(c);
            let incremental = s.run(&typed, &|| false, &mut |_, _| {}).unwrap();
            assert_eq!(*incremental, ix.search(&Query::parse(&typed)), "{typed}");
        }
        typed.pop();
        let cached = s.run(&typed, &|| false, &mut |_, _| {}).unwrap();
        assert_eq!(*cached, ix.search(&Query::parse(&typed)));
    }

    #[test]
    fn a_cancelled_pass_reports_nothing() {
        let ix = index();
        let mut s = Searcher::new(Arc::clone(&ix));
        let mut reports = 0;
        assert!(s.run("ai", &|| true, &mut |_, _| reports += 1).is_none());
        assert_eq!(reports, 0);
    }
}
