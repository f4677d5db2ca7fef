//! Live reload: the watcher sees every way an editor saves, and the
//! explorer keeps what the user had selected, or the last good data when
//! the new data is broken.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::layout::Rect;
use stances::app::{Action, App, Pane, update};
use stances::reload::{self, Reload};

const PATIENCE: Duration = Duration::from_secs(20);

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let p = std::env::temp_dir().join(format!("stances-reload-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn shipped_text() -> String {
    stances::data::load::EMBEDDED_TEXT.to_string()
}

fn next(rx: &mpsc::Receiver<Reload>) -> Reload {
    rx.recv_timeout(PATIENCE).expect("a reload after the save")
}

fn quotes(r: &Reload) -> usize {
    match r {
        Reload::Ok { data, .. } => data.quotes.len(),
        Reload::Problems(p) => panic!("problems: {p:?}"),
    }
}

/// Wait until a reload shows `want` quotes (editors may trigger a reload
/// of an intermediate state first, e.g. the empty file of a truncate).
fn until_quotes(rx: &mpsc::Receiver<Reload>, want: usize) {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if let Ok(Reload::Ok { data, .. }) = rx.recv_timeout(PATIENCE)
            && data.quotes.len() == want
        {
            return;
        }
    }
    panic!("never saw {want} quotes");
}

/// Watch `path`, with each reload arriving on the receiver.
fn watched(path: &Path) -> (reload::Watch, mpsc::Receiver<Reload>) {
    let (tx, rx) = mpsc::channel();
    let watch = reload::watch(path, move |r| {
        let _ = tx.send(r);
    })
    .unwrap();
    (watch, rx)
}

/// How many quotes the shipped data has.
fn shipped_quotes() -> usize {
    stances::data::load(None)
        .unwrap()
        .checked
        .dataset
        .unwrap()
        .quotes
        .len()
}

/// The data less one quote that nothing else refers to.
fn without_one_quote(text: &str) -> String {
    let at = text.find("[[quote]]\nid = \"li-benefit-mankind\"").unwrap();
    let end = text[at..].find("\n\n").map_or(text.len(), |i| at + i);
    format!("{}{}", &text[..at], &text[end..])
}

#[test]
fn every_editor_save_pattern_triggers_one_reload() {
    let dir = Dir::new("patterns");
    let file = dir.0.join("data.toml");
    std::fs::write(&file, shipped_text()).unwrap();
    let (_watch, rx) = watched(&file);
    let fewer = without_one_quote(&shipped_text());

    // Write in place.
    std::fs::write(&file, &fewer).unwrap();
    until_quotes(&rx, shipped_quotes() - 1);

    // Truncate, then write.
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&file)
            .unwrap();
        f.flush().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        f.write_all(shipped_text().as_bytes()).unwrap();
    }
    until_quotes(&rx, shipped_quotes());

    // Write a temporary file and rename it over the original (vim, VS Code).
    let tmp = dir.0.join(".data.toml.swp");
    std::fs::write(&tmp, &fewer).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    until_quotes(&rx, shipped_quotes() - 1);

    // A burst of writes: one reload, of the last state.
    for text in [&fewer, &shipped_text(), &fewer, &shipped_text()] {
        std::fs::write(&file, text).unwrap();
    }
    let r = next(&rx);
    assert_eq!(quotes(&r), shipped_quotes());
    assert!(
        rx.recv_timeout(Duration::from_millis(600)).is_err(),
        "a burst is one reload"
    );
}

#[test]
fn a_broken_save_reports_located_problems() {
    let dir = Dir::new("broken");
    let file = dir.0.join("data.toml");
    std::fs::write(&file, shipped_text()).unwrap();
    let (_watch, rx) = watched(&file);
    std::fs::write(
        &file,
        shipped_text().replace("kind = \"bloc\"", "kind = \"blok\""),
    )
    .unwrap();
    let start = Instant::now();
    let problems = loop {
        match next(&rx) {
            Reload::Problems(p) => break p.headlines().collect::<Vec<_>>(),
            Reload::Ok { .. } if start.elapsed() < PATIENCE => continue,
            Reload::Ok { .. } => panic!("no problems reported"),
        }
    };
    assert_eq!(
        problems.len(),
        2,
        "the two blocs, and no cascade of dangling references: {problems:?}"
    );
    // Located at the first bloc's `kind`, wherever the shipped file has it.
    let line = shipped_text()
        .lines()
        .position(|l| l == "kind = \"bloc\"")
        .unwrap()
        + 1;
    let expected =
        format!("data.toml:{line}:8: error: actor `european-union`: unknown variant `blok`");
    assert!(problems[0].contains(&expected), "{problems:?}");
}

#[test]
fn a_directory_dataset_reloads_when_any_of_its_files_changes() {
    let dir = Dir::new("dir");
    std::fs::write(dir.0.join("a.toml"), shipped_text()).unwrap();
    let (_watch, rx) = watched(&dir.0);
    std::fs::write(
        dir.0.join("b.toml"),
        "[[tour]]\ntitle = \"Extra\"\ntext = \"One more step.\"\n",
    )
    .unwrap();
    let start = Instant::now();
    loop {
        if let Reload::Ok { data, .. } = next(&rx)
            && data.tour.len() == 15
        {
            break;
        }
        assert!(start.elapsed() < PATIENCE);
    }
}

/// The app handed the worker a new index, then asked it to search again.
fn assert_new_index_then_search(a: &mut App) {
    let effects = a.take_effects();
    assert!(
        matches!(
            effects.as_slice(),
            [
                stances::app::Effect::NewIndex(_),
                stances::app::Effect::Search { .. }
            ]
        ),
        "{effects:?}"
    );
}

fn app() -> App {
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    App::new(data, Rect::new(0, 0, 100, 30))
}

/// A clean reload of `data`, with its search index built or still pending.
fn reloaded(data: &std::sync::Arc<stances::data::Dataset>, ready: bool) -> Action {
    use stances::search::Index;
    use std::sync::Arc;
    let index = if ready {
        Index::new(Arc::clone(data))
    } else {
        Index::pending(Arc::clone(data))
    };
    Action::Reloaded(Reload::Ok {
        data: Arc::clone(data),
        index: Arc::new(index),
    })
}

fn reload_text(text: &str) -> Reload {
    let dir = Dir::new(&format!("text-{}", text.len()));
    let file = dir.0.join("d.toml");
    std::fs::write(&file, text).unwrap();
    reload::load(Path::new(&file))
}

#[test]
fn reloading_keeps_the_selection_filter_and_search_by_id() {
    let mut a = app();
    // Select Li Qiang (the 2nd actor): filter on him; open a quote.
    update(&mut a, Action::NextPane);
    update(&mut a, Action::Down);
    assert_eq!(a.selected_id(Pane::Actors), Some("li-qiang"));
    // Move China after Li Qiang in the file: indices change, ids do not.
    let text = shipped_text();
    let china_at = text.find("[[actor]]\nid = \"china\"").unwrap();
    let china_end = china_at + text[china_at..].find("\n\n").unwrap() + 2;
    let china = &text[china_at..china_end];
    let moved = format!(
        "{}{}",
        text[..china_at].to_string() + &text[china_end..],
        ""
    );
    let moved = moved.replace(
        "[[actor]]\nid = \"european-union\"",
        &format!("{china}[[actor]]\nid = \"european-union\""),
    );
    update(&mut a, Action::OpenSearch);
    update(&mut a, Action::Edit(stances::app::Edit::Insert('x')));
    let _ = a.take_effects();
    let before_filter = a.explore.filter.clone();
    update(&mut a, Action::Reloaded(reload_text(&moved)));
    assert_eq!(
        a.corpus.data.actors[0].id, "li-qiang",
        "the file really moved China"
    );
    assert_eq!(a.selected_id(Pane::Actors), Some("li-qiang"));
    assert_eq!(a.explore.filter, before_filter);
    assert_eq!(a.search.as_ref().unwrap().input.text(), "x");
    assert_new_index_then_search(&mut a);
}

#[test]
fn broken_data_keeps_the_last_good_version_until_fixed() {
    let mut a = app();
    let good = std::sync::Arc::clone(&a.corpus.data);
    update(
        &mut a,
        Action::Reloaded(reload_text(
            &shipped_text().replace("speaker = \"li-qiang\"", "speaker = \"li-qaing\""),
        )),
    );
    assert!(
        std::sync::Arc::ptr_eq(&a.corpus.data, &good),
        "the last good data stays"
    );
    let problems: Vec<String> = a.reload.problems.as_ref().unwrap().headlines().collect();
    // One per quote of Li's.
    assert_eq!(problems.len(), 5);
    assert!(
        problems[0].contains("speaker `li-qaing` is not a known actor; did you mean `li-qiang`?")
    );
    update(&mut a, Action::Reloaded(reload_text(&shipped_text())));
    assert!(a.reload.problems.is_none());
    assert!(!std::sync::Arc::ptr_eq(&a.corpus.data, &good));
}

#[test]
fn big_data_shows_before_its_index_and_search_follows_when_ready() {
    use stances::search::Index;
    use std::sync::Arc;
    let mut a = App::new(stances::data::Dataset::default(), Rect::new(0, 0, 100, 30));
    let data = Arc::new(stances::data::load(None).unwrap().checked.dataset.unwrap());
    update(&mut a, reloaded(&data, false));
    assert_eq!(
        a.corpus.data.quotes.len(),
        data.quotes.len(),
        "the data is on screen"
    );
    assert!(!a.corpus.index.is_ready());
    update(&mut a, Action::OpenSearch);
    assert!(
        a.corpus
            .index
            .search(&stances::search::Query::parse(""))
            .is_empty(),
        "nothing to search yet"
    );
    let _ = a.take_effects();
    // An index for other data (a newer reload won) is ignored.
    let other = Arc::new(stances::data::load(None).unwrap().checked.dataset.unwrap());
    update(&mut a, Action::IndexReady(Arc::new(Index::new(other))));
    assert!(!a.corpus.index.is_ready());
    assert!(a.take_effects().is_empty());
    // The right one is taken, and the open search runs again on it.
    update(
        &mut a,
        Action::IndexReady(Arc::new(Index::new(Arc::clone(&data)))),
    );
    assert!(a.corpus.index.is_ready());
    assert_new_index_then_search(&mut a);
}

#[test]
fn a_big_reload_comes_as_data_then_the_same_data_searchable() {
    use std::sync::Arc;
    let mut a = app();
    // Someone is browsing: an actor selected, a search open.
    update(&mut a, Action::NextPane);
    update(&mut a, Action::Down);
    update(&mut a, Action::OpenSearch);
    update(&mut a, Action::Edit(stances::app::Edit::Insert('x')));
    let _ = a.take_effects();
    let data = Arc::new(stances::data::load(None).unwrap().checked.dataset.unwrap());
    update(&mut a, reloaded(&data, false));
    assert!(Arc::ptr_eq(&a.corpus.data, &data));
    assert!(!a.corpus.index.is_ready());
    let _ = a.take_effects();
    // The second message for the same data only brings its index: the
    // view is not reset again, and the search runs on the new index.
    let selected = a.selected_id(Pane::Actors).map(str::to_string);
    assert_eq!(selected.as_deref(), Some("li-qiang"));
    update(&mut a, reloaded(&data, true));
    assert!(a.corpus.index.is_ready());
    assert_eq!(a.selected_id(Pane::Actors).map(str::to_string), selected);
    assert_eq!(a.search.as_ref().unwrap().input.text(), "x");
    assert_new_index_then_search(&mut a);
}

/// Replace `file` with `make(tmp)` by a rename, as editors save.
fn swap_in(file: &Path, make: impl FnOnce(&Path)) {
    let tmp = file.with_extension("swap");
    let _ = std::fs::remove_file(&tmp);
    make(&tmp);
    std::fs::rename(&tmp, file).unwrap();
}

/// Wait for a reload that reports problems, and return them.
fn until_problems(rx: &mpsc::Receiver<Reload>) -> Vec<String> {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if let Ok(Reload::Problems(p)) = rx.recv_timeout(PATIENCE) {
            return p.headlines().collect();
        }
    }
    panic!("no problems reported");
}

#[test]
fn a_fifo_or_device_swapped_in_is_refused_and_the_next_good_save_loads() {
    let dir = Dir::new("special");
    let file = dir.0.join("data.toml");
    std::fs::write(&file, shipped_text()).unwrap();
    let (_watch, rx) = watched(&file);

    // A FIFO with no writer: opening it for reading would block for ever.
    swap_in(&file, |tmp| {
        let made = std::process::Command::new("mkfifo").arg(tmp).status();
        assert!(made.unwrap().success());
    });
    let problems = until_problems(&rx);
    assert!(
        problems[0].ends_with("data.toml: error: a named pipe (FIFO), not a regular file; a dataset is read only from regular files [E024 not-a-regular-file]"),
        "{problems:?}"
    );
    // The reloader is not stuck: a good save loads.
    swap_in(&file, |tmp| {
        std::fs::write(tmp, without_one_quote(&shipped_text())).unwrap()
    });
    until_quotes(&rx, shipped_quotes() - 1);

    // Endless bytes: a symbolic link to /dev/zero.
    swap_in(&file, |tmp| {
        std::os::unix::fs::symlink("/dev/zero", tmp).unwrap()
    });
    let problems = until_problems(&rx);
    assert!(problems[0].contains("a character device"), "{problems:?}");
    swap_in(&file, |tmp| std::fs::write(tmp, shipped_text()).unwrap());
    until_quotes(&rx, shipped_quotes());
}
