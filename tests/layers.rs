//! The modules form layers, and each imports only from its own layer or
//! those below it: the data layer knows nothing of terminals, geometry
//! knows nothing of the explorer's state, the explorer's state nothing of
//! drawing or of the command line. This reads every `crate::`, `super::`
//! and `self::` path in src/ (test modules aside) and fails on any that
//! reaches up. Inside a layer, modules may use each other but not in a
//! circle: two modules that need each other are one module, or share a
//! third.

use std::path::{Path, PathBuf};

/// From the ground up. A module's layer is that of the longest entry that
/// is a prefix of its path; modules of one layer may use each other.
const LAYERS: &[(&str, u32)] = &[
    // Helpers every layer may use.
    ("text", 0),
    ("memory", 0),
    ("os_error", 0),
    // Whether to use colour: a pure function of the flag and environment.
    ("color", 0),
    ("rng", 0),
    // The dataset. Inside it, checking comes before loading: `load` reads
    // files and hands them to `check`, never the other way round.
    ("data", 10),
    ("data::check", 11),
    ("data::load", 12),
    // Quiz rounds: pure functions of a dataset, a kind and a seed, for
    // the explorer and for a class quiz served over the network alike.
    ("quiz", 16),
    // Synthetic datasets, for benches and tests of the layers above.
    ("synth", 15),
    ("search", 20),
    // Loading again in the background: data and search, no UI.
    ("reload", 25),
    ("export", 30),
    // Screen geometry: rectangles, no state.
    ("layout", 40),
    // The explorer's state and its pure `update`.
    ("app", 50),
    // Drawing the state.
    ("ui", 60),
    // The terminal and its event loop.
    // The config file: theme, colour, dataset and the keymap to use.
    ("config", 65),
    ("tui", 70),
    // `stances serve`: the class over SSH. Each student's explorer is the
    // same app and ui; the teacher's screen builds on tui.
    ("serve", 75),
    ("commands", 80),
    ("cli", 90),
];

fn layer(module: &[String]) -> Option<u32> {
    let path = module.join("::");
    LAYERS
        .iter()
        .filter(|(prefix, _)| path == *prefix || path.starts_with(&format!("{prefix}::")))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, rank)| *rank)
}

/// The module a source file defines: src/app/update.rs is `app::update`,
/// src/app/mod.rs is `app`, src/lib.rs is the crate root (no segments).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src/");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// The code of a file without its comments and its test module (tests may
/// use anything, e.g. `synth` to build a dataset).
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // A test module runs to the end of the file in this code base;
            // a lone test-only item (a function) is skipped to its end.
            if lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
            {
                break;
            }
            continue;
        }
        let without_comment = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(without_comment);
        out.push('\n');
    }
    out
}

/// Expand a use tree such as `crate::{app::{App, View}, data::Dataset}`
/// into its paths, each as segments.
fn expand(tree: &str) -> Vec<Vec<String>> {
    fn split_top(s: &str) -> Vec<&str> {
        let (mut depth, mut start, mut out) = (0, 0, Vec::new());
        for (i, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        out.push(&s[start..]);
        out
    }
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    if tree.is_empty() {
        return Vec::new();
    }
    match tree.find('{') {
        None => {
            let path = tree.split(" as ").next().unwrap_or(&tree);
            vec![path.split("::").map(str::to_string).collect()]
        }
        Some(open) => {
            let prefix: Vec<String> = tree[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            split_top(inner)
                .into_iter()
                .flat_map(expand)
                .map(|tail| prefix.iter().cloned().chain(tail).collect())
                .collect()
        }
    }
}

/// Every path in `code` that starts with `crate`, `super` or `self`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    // `use` statements, whose trees may hold several paths.
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before_ok = i == 0 || !is_ident(rest[..i].chars().next_back().unwrap_or(' '));
        let after = &rest[i + 4..];
        let end = after.find(';').unwrap_or(after.len());
        if before_ok {
            out.extend(expand(&after[..end]));
            rest = &after[end..];
        } else {
            rest = after;
        }
    }
    // Paths written inline (`crate::reload::Stage` in a type).
    let code_outside_use = strip_uses(code);
    for root in ["crate::", "super::", "self::"] {
        let mut rest = code_outside_use.as_str();
        while let Some(i) = rest.find(root) {
            let before_ok = i == 0 || !is_ident(rest[..i].chars().next_back().unwrap_or(' '));
            let tail = &rest[i..];
            let len = tail
                .char_indices()
                .find(|(_, c)| !(is_ident(*c) || *c == ':'))
                .map_or(tail.len(), |(j, _)| j);
            if before_ok {
                out.push(
                    tail[..len]
                        .split("::")
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect(),
                );
            }
            rest = &tail[len.max(1)..];
        }
    }
    out
}

fn strip_uses(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before_ok = i == 0 || !is_ident(rest[..i].chars().next_back().unwrap_or(' '));
        out.push_str(&rest[..i]);
        let after = &rest[i + 4..];
        if before_ok {
            let end = after.find(';').unwrap_or(after.len());
            rest = &after[end..];
        } else {
            out.push_str("use ");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The module a path names, from `module` where it is written; `None`
/// for paths outside the crate (std, other crates).
fn resolve(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let mut segments = path.iter();
    let mut base: Vec<String> = match segments.next()?.as_str() {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => module[..module.len().saturating_sub(1)].to_vec(),
        _ => return None,
    };
    for s in segments {
        if s == "super" {
            base.pop();
        } else {
            base.push(s.clone());
        }
    }
    Some(base)
}

/// Every import in `text` (the file of `module`) that reaches a layer
/// above the module's own: "module -> target" lines.
fn violations(module: &[String], text: &str) -> Vec<String> {
    let Some(own) = layer(module) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in paths(&code(text)) {
        let Some(target) = resolve(module, &path) else {
            continue;
        };
        // A module may always reach into itself (a facade re-exporting its
        // own children).
        if target.starts_with(module) {
            continue;
        }
        if let Some(theirs) = layer(&target)
            && theirs > own
        {
            out.push(format!(
                "{} (layer {own}) uses {} (layer {theirs})",
                module.join("::"),
                target.join("::")
            ));
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    let mut unplaced = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module.is_empty() || module == ["main"] {
            continue; // lib.rs declares the modules; main.rs uses `stances::`.
        }
        if layer(&module).is_none() {
            unplaced.push(module.join("::"));
        }
        let text = std::fs::read_to_string(file).expect("a readable file");
        for v in violations(&module, &text) {
            found.push(format!("{}: {v}", file.display()));
        }
    }
    assert!(
        unplaced.is_empty(),
        "modules in no layer (add them to LAYERS): {unplaced:?}"
    );
    assert!(
        found.is_empty(),
        "imports from a layer above:\n{}",
        found.join("\n")
    );
}

/// The module of `files` that a path names: the longest one that is a
/// prefix of it (`app::update::settle` is in `app::update`).
fn owner<'a>(modules: &'a [Vec<String>], target: &[String]) -> Option<&'a Vec<String>> {
    modules
        .iter()
        .filter(|m| !m.is_empty() && target.starts_with(m))
        .max_by_key(|m| m.len())
}

/// Edges between modules, parents and children aside (a `mod.rs` that
/// re-exports its children, and children that use their parent's types,
/// are one module seen from outside).
fn edges(files: &[(Vec<String>, String)]) -> Vec<(usize, usize)> {
    let modules: Vec<Vec<String>> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut out = Vec::new();
    for (from, (module, text)) in files.iter().enumerate() {
        for path in paths(&code(text)) {
            let Some(target) = resolve(module, &path) else {
                continue;
            };
            let Some(to) = owner(&modules, &target) else {
                continue;
            };
            if to.starts_with(module) || module.starts_with(to) {
                continue;
            }
            let to = modules.iter().position(|m| m == to).expect("a module");
            if !out.contains(&(from, to)) {
                out.push((from, to));
            }
        }
    }
    out
}

/// Every circle of modules in `files`, each as its modules in order
/// (one per strongly connected group of two or more).
fn circles(files: &[(Vec<String>, String)]) -> Vec<Vec<String>> {
    let edges = edges(files);
    let n = files.len();
    let next = |a: usize| edges.iter().filter(move |(f, _)| *f == a).map(|(_, t)| *t);
    // Which modules each module reaches, by a walk from each.
    let reach: Vec<Vec<bool>> = (0..n)
        .map(|start| {
            let mut seen = vec![false; n];
            let mut stack: Vec<usize> = next(start).collect();
            while let Some(m) = stack.pop() {
                if !std::mem::replace(&mut seen[m], true) {
                    stack.extend(next(m));
                }
            }
            seen
        })
        .collect();
    let mut done = vec![false; n];
    let mut out = Vec::new();
    for a in 0..n {
        if done[a] || !reach[a][a] {
            continue;
        }
        let group: Vec<usize> = (0..n).filter(|&b| reach[a][b] && reach[b][a]).collect();
        for &b in &group {
            done[b] = true;
        }
        out.push(group.iter().map(|&b| files[b].0.join("::")).collect());
    }
    out
}

fn source_files() -> Vec<(Vec<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .iter()
        .map(|f| {
            (
                module_of(&src, f),
                std::fs::read_to_string(f).expect("a readable file"),
            )
        })
        .filter(|(m, _)| !m.is_empty() && *m != ["main"])
        .collect()
}

#[test]
fn no_modules_import_each_other_in_a_circle() {
    let found = circles(&source_files());
    assert!(
        found.is_empty(),
        "modules that import each other (directly or round a circle):\n{}",
        found
            .iter()
            .map(|c| c.join(" <-> "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn a_circle_inside_one_layer_is_found_and_a_facade_is_not_one() {
    let file = |m: &str, text: &str| (module(m), text.to_string());
    let files = vec![
        file(
            "app",
            "pub use update::update;\nuse crate::app::keymap::Keymap;",
        ),
        file("app::keymap", "use super::{App, footer::hint};"),
        file("app::footer", "use super::update::copy_target;"),
        file(
            "app::update",
            "use super::keymap::help_rows; use super::App;",
        ),
        file("data::model", "use super::id_index::IdIndex;"),
        file("data::id_index", "fn f(d: &crate::data::model::Dataset) {}"),
        file("data::date", "use super::model::Dataset;"),
    ];
    let mut found = circles(&files);
    found.sort();
    assert_eq!(
        found,
        vec![
            vec!["app::keymap", "app::footer", "app::update"],
            vec!["data::model", "data::id_index"],
        ]
    );
    // The same files with the circles broken.
    let mut files = files;
    files[3] = file("app::update", "use super::App;");
    files[5] = file("data::id_index", "use std::hash::RandomState;");
    assert!(circles(&files).is_empty());
}

fn module(path: &str) -> Vec<String> {
    path.split("::").map(str::to_string).collect()
}

#[test]
fn a_back_edge_is_found_in_every_form() {
    let app = module("app::detail");
    for text in [
        "use crate::commands::format_position;",
        "use crate::{data::Dataset, ui::tabs::view_at};",
        "use crate::{data::{self, Dataset}, tui::{Options}};",
        "fn f() { crate::ui::tabs::view_at(a, b) }",
        "pub theme: crate::cli::Theme,",
    ] {
        assert_eq!(violations(&app, text).len(), 1, "{text}");
    }
    // Inside data: load may use check, not the other way round.
    let check = module("data::check");
    assert_eq!(violations(&check, "use super::load::ReadError;").len(), 1);
    assert!(violations(&module("data::load"), "use super::check::Checked;").is_empty());
    let nested = module("data::check::rules");
    assert_eq!(
        violations(&nested, "use super::super::load::ReadError;").len(),
        1
    );
}

#[test]
fn downward_same_layer_and_test_imports_pass() {
    let app = module("app::update");
    let text = "\
use crate::data::relations::{self, Focus};
use crate::layout::{self, Mode};
use super::compare::Side;
use std::sync::Arc;
// use crate::ui::draw; (a comment)

#[cfg(test)]
mod tests {
    use crate::ui::draw;
}
";
    assert!(violations(&app, text).is_empty());
}
