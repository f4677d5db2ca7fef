//! The config file: default options (theme, colour, dataset) and key
//! bindings, read from `stances/config.toml` in the platform's config
//! directory (`$XDG_CONFIG_HOME` or `~/.config` on Linux), or from the file
//! `STANCES_CONFIG` names (set it empty to read none).
//!
//! A config file is a convenience: a problem in it is a warning located
//! like a dataset's (`path:line:column`), and the whole file is then set
//! aside, so the explorer starts with the defaults rather than not at all.

use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::app::keymap::{BINDINGS, CONTEXTS, Context, Key, Keymap, action_name, keys_label};
use crate::color::ColorChoice;
use crate::data::SourceFile;
use crate::text::{escape_control, width};
use crate::ui::ThemeKind;

/// A problem in the config file, at a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub span: std::ops::Range<usize>,
    pub message: String,
}

impl Problem {
    fn new(span: std::ops::Range<usize>, message: String) -> Problem {
        Problem { span, message }
    }

    /// `path:line:column: warning: message`, as a dataset's problems.
    pub fn headline(&self, file: &SourceFile) -> String {
        let at = file.line_col(self.span.start);
        format!(
            "{}:{}:{}: warning: {}",
            escape_control(&file.path),
            at.line,
            at.column,
            escape_control(&self.message)
        )
    }

    /// The headline, then the line with a marker under the problem.
    pub fn render(&self, file: &SourceFile) -> String {
        let text = file.text();
        let start = self.span.start.min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[line_start..line_end];
        let end = self.span.end.clamp(start, line_end);
        let number = file.line_col(start).line.to_string();
        let shown = |s: &str| escape_control(s).replace('\t', " ");
        format!(
            "{}\n {number} | {}\n {} | {}{}",
            self.headline(file),
            shown(line),
            " ".repeat(number.len()),
            " ".repeat(width(&shown(&text[line_start..start]))),
            "^".repeat(width(&shown(&text[start..end])).max(1))
        )
    }
}

/// The variable that names the config file; empty means none.
pub const ENV_VAR: &str = "STANCES_CONFIG";

/// What a config file can set. Everything is optional: the command line
/// wins over it, and it over the built-in defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub theme: Option<ThemeKind>,
    pub color: Option<ColorChoice>,
    /// The dataset to read when `--data` is not given.
    pub data: Option<PathBuf>,
    pub keymap: Keymap,
}

/// Where the config file is, and whether that place was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// `STANCES_CONFIG` names this file: it must exist.
    Named(PathBuf),
    /// The platform's place for it: it may well not exist.
    Default(PathBuf),
    /// `STANCES_CONFIG` is empty, or there is no config directory.
    None,
}

impl Location {
    pub fn from_env() -> Location {
        match std::env::var_os(ENV_VAR) {
            Some(v) if v.is_empty() => Location::None,
            Some(v) => Location::Named(PathBuf::from(v)),
            None => dirs::config_dir().map_or(Location::None, |d| {
                Location::Default(d.join("stances").join("config.toml"))
            }),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            Location::Named(p) | Location::Default(p) => Some(p),
            Location::None => None,
        }
    }
}

/// A config as read: the settings to use, and the warnings to show (with
/// any, the settings are the defaults).
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub config: Config,
    pub warnings: Vec<String>,
}

/// Read the config file at `location`.
pub fn read(location: &Location) -> Read {
    let (path, must_exist) = match location {
        Location::Named(p) => (p, true),
        Location::Default(p) => (p, false),
        Location::None => return Read::default(),
    };
    let shown = path.display().to_string();
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => return problem(&shown, "not UTF-8 text; save the file as UTF-8"),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => {
            return Read::default();
        }
        Err(e) => return problem(&shown, &crate::os_error::describe(&e)),
    };
    match parse(&text, path.parent()) {
        Ok(config) => Read {
            config,
            warnings: Vec::new(),
        },
        Err(diagnostics) => {
            let file = SourceFile::new(shown, text);
            let mut warnings: Vec<String> = diagnostics.iter().map(|d| d.render(&file)).collect();
            warnings.push(format!(
                "{}: the config file is set aside: using the defaults",
                escape_control(&file.path)
            ));
            Read {
                config: Config::default(),
                warnings,
            }
        }
    }
}

fn problem(path: &str, message: &str) -> Read {
    Read {
        config: Config::default(),
        warnings: vec![format!(
            "{}: warning: {}; using the defaults",
            crate::text::escape_control(path),
            message
        )],
    }
}

/// A config file's text. Relative data paths are taken from `dir`, the
/// file's own directory. Every problem is reported, each with its place.
pub fn parse(text: &str, dir: Option<&Path>) -> Result<Config, Vec<Problem>> {
    let warn = Problem::new;
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = format!("TOML syntax: {}", e.message().trim());
            return Err(vec![warn(span, message)]);
        }
    };
    let mut config = Config::default();
    let mut problems = Vec::new();
    // Where each rebound key is written, to point at a clash.
    let mut written: Vec<(Context, Key, std::ops::Range<usize>)> = Vec::new();
    for (name, value) in table.get_ref().iter() {
        let span = value.span();
        match name.get_ref().as_ref() {
            "theme" => match theme(value) {
                Ok(t) => config.theme = Some(t),
                Err(p) => problems.push(p),
            },
            "color" => match color(value) {
                Ok(c) => config.color = Some(c),
                Err(p) => problems.push(p),
            },
            "data" => match string(value) {
                Some(s) if !s.is_empty() => config.data = Some(data_path(s, dir)),
                _ => problems.push(warn(
                    span,
                    "data: expected the path of a dataset, as a string".into(),
                )),
            },
            "keys" => match value.get_ref() {
                DeValue::Table(contexts) => {
                    keys(contexts, &mut config.keymap, &mut written, &mut problems)
                }
                _ => problems.push(warn(span, "keys: expected a table".into())),
            },
            other => {
                let known = ["theme", "color", "data", "keys"];
                let mut message = format!("unknown setting `{other}`");
                match crate::data::check::closest(other, known.into_iter()) {
                    Some(near) => message.push_str(&format!("; did you mean `{near}`?")),
                    None => message.push_str(" (known: theme, color, data, [keys])"),
                }
                problems.push(warn(name.span(), message));
            }
        }
    }
    problems.extend(clashes(&config.keymap, &written));
    if problems.is_empty() {
        Ok(config)
    } else {
        problems.sort_by_key(|p| p.span.start);
        Err(problems)
    }
}

/// `theme = "dark" | "light" | "high-contrast"`.
fn theme(value: &Spanned<DeValue<'_>>) -> Result<ThemeKind, Problem> {
    let span = value.span();
    match string(value) {
        Some("dark") => Ok(ThemeKind::Dark),
        Some("light") => Ok(ThemeKind::Light),
        Some("high-contrast") => Ok(ThemeKind::HighContrast),
        Some(other) => Err(Problem::new(
            span,
            format!("theme `{other}`: expected \"dark\", \"light\" or \"high-contrast\""),
        )),
        None => Err(Problem::new(span, "theme: expected a string".into())),
    }
}

/// `color = "auto" | "always" | "never"`.
fn color(value: &Spanned<DeValue<'_>>) -> Result<ColorChoice, Problem> {
    match string(value) {
        Some("auto") => Ok(ColorChoice::Auto),
        Some("always") => Ok(ColorChoice::Always),
        Some("never") => Ok(ColorChoice::Never),
        _ => Err(Problem::new(
            value.span(),
            "color: expected \"auto\", \"always\" or \"never\"".into(),
        )),
    }
}

/// A key bound to two actions in one context, reported where it was
/// written last (`written`: where each rebound key is written).
fn clashes(keymap: &Keymap, written: &[(Context, Key, std::ops::Range<usize>)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (context, key, [first, second]) in keymap.clashes() {
        let span = written
            .iter()
            .rev()
            .find(|(c, k, _)| *c == context && *k == key)
            .map_or(0..0, |(_, _, s)| s.clone());
        problems.push(Problem::new(
            span,
            format!(
                "`{}` is bound to both `{first}` and `{second}` in [keys.{}]",
                key.config_name(),
                context.name()
            ),
        ));
    }
    problems
}

/// `[keys.CONTEXT]` tables of `action = ["key", ...]`.
fn keys(
    contexts: &DeTable<'_>,
    keymap: &mut Keymap,
    written: &mut Vec<(Context, Key, std::ops::Range<usize>)>,
    problems: &mut Vec<Problem>,
) {
    let warn = Problem::new;
    for (context_name, actions) in contexts.iter() {
        let Some(context) = Context::named(context_name.get_ref()) else {
            let names: Vec<&str> = CONTEXTS.iter().map(|c| c.name()).collect();
            let mut message = format!("no key context `{}`", context_name.get_ref());
            match crate::data::check::closest(context_name.get_ref(), names.iter().copied()) {
                Some(near) => message.push_str(&format!("; did you mean `{near}`?")),
                None => message.push_str(&format!(" (contexts: {})", names.join(", "))),
            }
            problems.push(warn(context_name.span(), message));
            continue;
        };
        let DeValue::Table(actions) = actions.get_ref() else {
            problems.push(warn(
                actions.span(),
                format!(
                    "[keys.{}]: expected a table of action = [keys]",
                    context.name()
                ),
            ));
            continue;
        };
        for (action, list) in actions.iter() {
            let items: Vec<&Spanned<DeValue<'_>>> = match list.get_ref() {
                DeValue::Array(items) => items.iter().collect(),
                // One key needs no brackets.
                DeValue::String(_) => vec![list],
                _ => {
                    problems.push(warn(
                        list.span(),
                        format!("`{}`: expected a list of keys", action.get_ref()),
                    ));
                    continue;
                }
            };
            let mut parsed = Vec::new();
            let mut ok = true;
            for item in items {
                match string(item).map(Key::parse) {
                    Some(Ok(k)) => {
                        written.push((context, k, item.span()));
                        parsed.push(k);
                    }
                    Some(Err(message)) => {
                        problems.push(warn(item.span(), message));
                        ok = false;
                    }
                    None => {
                        problems.push(warn(item.span(), "a key is written as a string".into()));
                        ok = false;
                    }
                }
            }
            if ok && let Err(message) = keymap.rebind(context, action.get_ref(), parsed) {
                let span = if message.starts_with("no action") {
                    action.span()
                } else {
                    list.span()
                };
                problems.push(warn(span, message));
            }
        }
    }
}

fn string<'a>(value: &'a Spanned<DeValue<'_>>) -> Option<&'a str> {
    match value.get_ref() {
        DeValue::String(s) => Some(s.as_ref()),
        _ => None,
    }
}

/// `~/x` is in the home directory; a relative path is beside the config
/// file.
fn data_path(s: &str, dir: Option<&Path>) -> PathBuf {
    if let Some(rest) = s.strip_prefix("~/")
        && let Some(home) = dirs::home_dir()
    {
        return home.join(rest);
    }
    let path = PathBuf::from(s);
    match dir {
        Some(dir) if path.is_relative() => dir.join(path),
        _ => path,
    }
}

/// A config file with every setting at its default, commented out: what
/// `stances config --default` prints, to start from.
pub fn default_text() -> String {
    let mut out = String::from(
        "\
# stances configuration. Remove the # before a line to change it.
# The command line wins over this file: `--theme`, `--color`, `--data`.

# Colour scheme of the explorer, tour and quiz: dark, light or high-contrast.
# theme = \"dark\"

# When to colour: auto (on a terminal, unless NO_COLOR is set), always
# or never.
# color = \"auto\"

# The dataset to read when --data is not given: a .toml file or a
# directory of them (~/ is your home; a relative path is beside this file).
# Without it, the built-in dataset.
# data = \"~/datasets/my-dataset.toml\"

# Keys. Each line gives an action the keys that do it, in place of its
# defaults. A key is a character (\"j\", \"G\", \"?\"), ctrl- and one
# (\"ctrl-n\"), f1 to f12, or one of: up, down, left, right, pageup,
# pagedown, home, end, enter, esc, tab, shift-tab, backspace, delete, space.
# The most specific context wins: in a list, the keys of [keys.list]
# come before those of [keys.explore], and those before [keys.global].
# In [keys.search] only ctrl- and named keys can be bound: the others
# type into the field.
",
    );
    for context in CONTEXTS {
        out.push_str(&format!(
            "\n# {}\n# [keys.{}]\n",
            context.title(),
            context.name()
        ));
        for b in BINDINGS.iter().filter(|b| b.context == context) {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("{:?}", k.config_name()))
                .collect();
            out.push_str(&format!(
                "# {} = [{}]    # {} ({})\n",
                action_name(&b.action),
                keys.join(", "),
                b.desc,
                keys_label(b.keys)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headlines(text: &str) -> Vec<String> {
        let file = SourceFile::new("c.toml", text);
        parse(text, None)
            .unwrap_err()
            .iter()
            .map(|p| p.headline(&file))
            .collect()
    }

    #[test]
    fn the_default_config_is_all_comments_and_reads_back_as_the_defaults() {
        let text = default_text();
        assert_eq!(parse(&text, None), Ok(Config::default()));
        // Uncommented, it sets every default explicitly: the same keymap.
        let uncommented: String = text
            .lines()
            .filter(|l| !l.starts_with("# ") || l.contains(" = ") || l.starts_with("# [keys."))
            .map(|l| {
                let l = l.strip_prefix("# ").unwrap_or(l);
                // The description after the value is a comment already.
                format!("{}\n", l.split("    #").next().unwrap_or(l))
            })
            .collect();
        let config = parse(&uncommented, None).expect("the uncommented default parses");
        assert_eq!(config.keymap, Keymap::default());
        assert_eq!(config.theme, Some(ThemeKind::Dark));
        assert_eq!(config.color, Some(ColorChoice::Auto));
    }

    #[test]
    fn settings_are_read() {
        let config = parse(
            "theme = \"high-contrast\"\ncolor = \"never\"\ndata = \"d.toml\"\n\n[keys.list]\ndown = [\"down\", \"n\"]\n[keys.global]\nquit = \"x\"\n",
            Some(Path::new("/etc/stances")),
        )
        .unwrap();
        assert_eq!(config.theme, Some(ThemeKind::HighContrast));
        assert_eq!(config.color, Some(ColorChoice::Never));
        assert_eq!(config.data, Some(PathBuf::from("/etc/stances/d.toml")));
        let down = config
            .keymap
            .in_context(Context::List)
            .find(|b| action_name(&b.action) == "down")
            .unwrap();
        assert_eq!(keys_label(&down.keys), "↓/n");
    }

    #[test]
    fn every_problem_is_located() {
        let text = "thme = \"dark\"\ncolor = \"sometimes\"\n[keys.lists]\ndown = [\"n\"]\n[keys.list]\ndowm = [\"n\"]\nup = [\"hyper-k\"]\ntop = [\"j\"]\n";
        assert_eq!(
            headlines(text),
            [
                "c.toml:1:1: warning: unknown setting `thme`; did you mean `theme`?",
                "c.toml:2:9: warning: color: expected \"auto\", \"always\" or \"never\"",
                "c.toml:3:7: warning: no key context `lists`; did you mean `list`?",
                "c.toml:6:1: warning: no action `dowm` in [keys.list]; did you mean `down`?",
                "c.toml:7:7: warning: `hyper-k` is not a key: write a character (`j`, `G`, `?`), ctrl- and one (`ctrl-n`), f1 to f12, or one of `up`, `down`, `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `enter`, `esc`, `tab`, `shift-tab`, `backspace`, `delete`, `space`",
                "c.toml:8:8: warning: `j` is bound to both `down` and `top` in [keys.list]",
            ]
        );
        assert_eq!(
            headlines("theme = \n"),
            [
                "c.toml:1:9: warning: TOML syntax: string values must be quoted, expected literal string"
            ]
        );
        assert_eq!(
            headlines("[keys.search]\ndown = [\"n\"]\n"),
            [
                "c.toml:2:8: warning: `n` types itself in the search field: bind a ctrl- key or a named key there"
            ]
        );
    }

    #[test]
    fn a_missing_default_file_is_no_problem_but_a_named_one_is() {
        let missing = PathBuf::from("/nonexistent/stances/config.toml");
        let read_default = read(&Location::Default(missing.clone()));
        assert!(read_default.warnings.is_empty());
        let named = read(&Location::Named(missing));
        assert_eq!(
            named.warnings,
            [
                "/nonexistent/stances/config.toml: warning: no such file or directory; using the defaults"
            ]
        );
        assert!(read(&Location::None).warnings.is_empty());
    }
}
