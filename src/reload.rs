//! Live reload: watch the dataset's files and, when they change, read and
//! check them again off the UI thread.
//!
//! Editors save in different ways (write in place, truncate then write,
//! write a temporary file and rename it over the original, several writes
//! in a burst), so the watcher watches the directory rather than the file
//! (a rename replaces the file's inode) and waits for a short quiet spell
//! before reading, so a burst costs one reload.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

use crate::data::check::Omitted;
use crate::data::{self, Dataset, Problems};
use crate::search::Index;

/// Datasets from this size on show their data before its search index,
/// and hand freed memory back after loading.
const BIG: u64 = 1_000_000;

/// How long after a reload the old version is surely dropped.
const SWAP: Duration = Duration::from_millis(400);

/// How long the files must stay untouched before they are read.
const QUIET: Duration = Duration::from_millis(120);

/// The outcome of reading the files again.
#[derive(Debug, Clone)]
pub enum Reload {
    /// Clean data, with its search index built here, off the UI thread.
    Ok {
        data: Arc<Dataset>,
        index: Arc<Index>,
    },
    /// The data has problems: its errors, with the files they point into.
    Problems(Problems),
}

impl PartialEq for Reload {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Reload::Ok { data: a, .. }, Reload::Ok { data: b, .. }) => Arc::ptr_eq(a, b),
            (Reload::Problems(a), Reload::Problems(b)) => a == b,
            _ => false,
        }
    }
}

/// What a load is doing, for the loading notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub what: String,
    /// How much of the files is checked, while they are.
    pub progress: Option<data::load::Progress>,
}

impl Stage {
    fn new(what: String) -> Stage {
        Stage {
            what,
            progress: None,
        }
    }
}

/// Keeps the watch alive; dropping it stops watching.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

/// Read and check `path` the way the explorer does at start.
pub fn load(path: &Path) -> Reload {
    load_with_progress(path, &|_| {})
}

/// `load`, saying what it is doing at each stage (for a loading screen).
pub fn load_with_progress(path: &Path, progress: &dyn Fn(Stage)) -> Reload {
    load_staged(path, progress, None)
}

/// `load_with_progress`, but when `early` is given the data is handed to
/// it as soon as it is checked (with a pending index), before the search
/// index is built: a big dataset is on screen sooner.
pub fn load_staged(
    path: &Path,
    progress: &dyn Fn(Stage),
    early: Option<&dyn Fn(Reload)>,
) -> Reload {
    let paths = match data::load::list_paths(path) {
        Ok(paths) => paths,
        Err(e) => return Reload::Problems(e.into()),
    };
    let bytes = data::load::size_of(&paths);
    let what = format!(
        "Reading and checking {:.1} MB in {} file{}",
        bytes as f64 / 1e6,
        paths.len(),
        if paths.len() == 1 { "" } else { "s" }
    );
    progress(Stage::new(what.clone()));
    let report = |p| {
        progress(Stage {
            what: what.clone(),
            progress: Some(p),
        })
    };
    let (files, checked) = match data::load::load_path_reporting(path, &report) {
        Ok(loaded) => (loaded.files, loaded.checked),
        Err(e) => return Reload::Problems(e.into()),
    };
    let big = bytes >= BIG;
    match checked.dataset {
        Some(d) => {
            let data = Arc::new(d);
            match early {
                Some(show) => show(Reload::Ok {
                    index: Arc::new(Index::pending(Arc::clone(&data))),
                    data: Arc::clone(&data),
                }),
                None => progress(Stage::new(format!(
                    "Indexing {} quotes for search",
                    data.quotes.len()
                ))),
            }
            let index = Arc::new(Index::new(Arc::clone(&data)));
            // What checking and indexing a big dataset freed is of no use
            // to the session. Not before: the data is on screen sooner.
            if big {
                crate::memory::give_back();
            }
            Reload::Ok { data, index }
        }
        None => Reload::Problems(Problems {
            files,
            diagnostics: checked
                .diagnostics
                .into_iter()
                .filter(|d| d.is_error())
                .collect(),
            // Only errors are shown: warnings never kept data off screen.
            omitted: Omitted {
                errors: checked.omitted.errors,
                warnings: 0,
            },
        }),
    }
}

/// Watch `path` (a file or a directory of `*.toml`) and call `on_reload`
/// after each change.
pub fn watch(path: &Path, on_reload: impl Fn(Reload) + Send + 'static) -> notify::Result<Watch> {
    let path = path.to_path_buf();
    let is_dir = path.is_dir();
    let dir = if is_dir {
        path.clone()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let name = path.file_name().map(|n| n.to_os_string());
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        let relevant = event.paths.iter().any(|p| {
            if is_dir {
                p.extension().is_some_and(|e| e == "toml")
            } else {
                p.file_name().map(|n| n.to_os_string()) == name
            }
        });
        if relevant {
            let _ = tx.send(());
        }
    })?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    thread::spawn(move || {
        // A change that came in while this thread waited after a reload.
        let mut changed = false;
        while changed || rx.recv().is_ok() {
            // Wait for the burst to end. A debouncer crate
            // (notify-debouncer-mini) would add a dependency for this one
            // loop on the channel the watcher already feeds, and this
            // thread, which waits anyway, is where the reload runs.
            while rx.recv_timeout(QUIET).is_ok() {}
            // A big dataset goes on screen as soon as it is checked, and
            // its search index follows (the same data, now searchable).
            let big = data::load::total_size(&path) >= BIG;
            let early = |r| on_reload(r);
            let early = big.then_some(&early as &dyn Fn(Reload));
            let result = load_staged(&path, &|_| {}, early);
            on_reload(result);
            changed = false;
            if big {
                // The explorer and its search worker drop the old version
                // once they have the new one (or, after problems, the
                // checker's work is garbage); then that memory is free and
                // of no use to the session. Trim once they are done (it
                // takes a few milliseconds); a save meanwhile is reloaded
                // right after.
                changed = rx.recv_timeout(SWAP).is_ok();
                crate::memory::give_back();
            }
        }
    });
    Ok(Watch { _watcher: watcher })
}
