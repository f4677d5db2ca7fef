//! The command line: clap definitions, and [`run`], which hands each
//! command to its function in `commands`.
//!
//! Flags sit on the commands they affect: `--data` and `--color` on every
//! command, `--theme` only where there is a screen to colour (the explorer,
//! the tour and the quiz), `--query` only on the explorer.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::View;
pub use crate::color::ColorChoice;
use crate::color::ColorPrefs;
use crate::commands;
use crate::commands::Screen;
pub use crate::commands::{ExportFormat, ListFormat, ListTable, ProblemFormat};
use crate::config;
use crate::ui::ThemeKind;

const AFTER_HELP: &str = "\
Examples:
  stances                                 open the explorer on the built-in dataset
  stances --theme high-contrast           the explorer, for a projector
  stances -q 'by:guterres'                the explorer, searching Guterres's quotes
  stances validate my-dataset/            check a dataset, every problem at once
  stances list quotes                     a table of the quotes
  stances export --format markdown -o handout.md
  stances --data my-dataset/ list actors  any command on your own data
  cat my.toml | stances --data - validate  a dataset from standard input

The dataset format is documented in docs/data-format.md.";

#[derive(Debug, Parser)]
#[command(
    name = "stances",
    version,
    about = "Explore who stands where on the governance of AI",
    long_about = "Explore who stands where on the governance of AI.\n\n\
        stances reads a dataset of approaches, actors, reactions and quotes \
        (TOML; the WAIC 2025 dataset is built in) and shows it in the terminal.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// Dataset to read: a .toml file, a directory whose *.toml files are
    /// merged in name order, or - for standard input. Default: the
    /// built-in WAIC 2025 dataset.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// When to use colour: auto (on a terminal, unless NO_COLOR is set;
    /// CLICOLOR_FORCE forces it), always or never. The flag wins over the
    /// config file and the environment.
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    #[command(flatten)]
    pub screen: ScreenArgs,

    /// Open the explorer with the search open on QUERY (see `stances
    /// search --help` for the syntax)
    #[arg(long, short, value_name = "QUERY")]
    pub query: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of the commands that draw a screen: the explorer, tour and quiz.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ScreenArgs {
    /// Colour scheme [default: dark]
    #[arg(long, value_enum)]
    pub theme: Option<Theme>,
    // The words are layout::PRESENTER's, which the frame follows.
    #[arg(long, help = crate::layout::PRESENTER)]
    pub present: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check datasets and report every problem with file:line:column
    #[command(after_help = "\
Examples:
  stances validate                        check the built-in dataset
  stances validate data/ extra.toml       check each path as its own dataset
  stances validate --format json data/    every problem as JSON, for editors and CI

Exit status: 0 clean (warnings allowed), 1 problems found, 2 usage error.")]
    Validate {
        /// Files or directories to check, each as a separate dataset.
        /// Default: --data, or the built-in dataset.
        paths: Vec<PathBuf>,
        /// text: messages on stderr, as compilers write them; json: one
        /// array on stdout of objects with path, line, column, severity,
        /// code, kind, message and note
        #[arg(long, value_enum, default_value = "text")]
        format: ProblemFormat,
    },

    /// Write the dataset as JSON, classroom materials, or CSV of the quotes
    #[command(after_help = "\
In class: the worksheet first, then the handout (it gives the worksheet's answers).

Examples:
  stances export --format json > waic.json      the whole normalised dataset
  stances export --format markdown -o handout.md   a two-page classroom handout
  stances export --format worksheet -o sheet.md  the students' worksheet
  stances export --format key -o key.md          its answer key, for the teacher
  stances export --format html -o handout.html   the handout as a printable page
  stances export --format worksheet-html -o sheet.html   the worksheet, to print
  stances export --format key-html -o key.html   the key, to print
  stances export --format csv -o quotes.csv      one row per quote")]
    Export {
        #[arg(long, short, value_enum)]
        format: ExportFormat,
        /// Write to FILE instead of standard output (- is standard output)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// Fuzzy-search the quotes and print them best first
    #[command(after_help = search_after_help())]
    Search {
        /// The query; quote it in the shell when it has spaces
        query: String,
        /// Print at most N results
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,
        /// One JSON array: id, score, text, speaker, source and the matched
        /// character positions of each result
        #[arg(long)]
        json: bool,
    },

    /// Open the guided tour: the dataset's [[tour]] steps as slides
    #[command(after_help = "\
Examples:
  stances tour
  stances tour --theme high-contrast      for a projector

Keys: ←/→ or Space move, Enter opens the slide's item in the explorer, Esc
goes to the explorer, q quits.")]
    Tour {
        #[command(flatten)]
        screen: ScreenArgs,
    },

    /// Play a quiz: who said it, where an actor stands, which approach, which sources disagree
    #[command(after_help = "\
Examples:
  stances quiz
  stances quiz --seed 7                   the same questions in the same order
  stances quiz --kind mixed --seed 1234   every kind of question, for a class
  stances quiz --kind stance --present    on a projector

Keys: a-d (or ↑/↓ and Enter) answer, Enter or Space goes on, n starts a
new round from the summary, Esc goes to the explorer, q quits (as shipped;
the config file can change them, and ? in the quiz shows the keys in force).")]
    Quiz {
        /// Seed for the order of questions and answers: the four digits
        /// the quiz shows (default: random)
        #[arg(long)]
        seed: Option<u64>,
        /// What to ask: who said it (who), where an actor stands (stance),
        /// which approach is described or placed (approach), which sources
        /// disagree and on what (sources), or some of each (mixed)
        #[arg(long, value_enum, default_value = "who")]
        kind: QuizKind,
        #[command(flatten)]
        screen: ScreenArgs,
    },

    /// Print one table of the dataset: aligned columns, TSV or JSON
    #[command(after_help = "\
Examples:
  stances list reactions
  stances --data my-dataset/ list quotes | less -S
  stances list actors --format tsv | cut -f1,2
  stances list quotes --format json | jq '.[].speaker'")]
    List {
        #[arg(value_enum)]
        table: ListTable,
        /// table: aligned columns fitted to the terminal; tsv: one row per
        /// line, cells separated by tabs; json: an array of objects.
        /// [default: table on a terminal, tsv into a pipe or file]
        #[arg(long, short, value_enum)]
        format: Option<ListFormat>,
    },

    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  stances completions bash > ~/.local/share/bash-completion/completions/stances
  stances completions zsh > ~/.zfunc/_stances     (with fpath+=~/.zfunc)
  stances completions fish > ~/.config/fish/completions/stances.fish")]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Check the config file, show where it is, or print a default one
    #[command(after_help = "\
The config file sets the theme, colour, default dataset and keys. It is
stances/config.toml in your config directory ($XDG_CONFIG_HOME or ~/.config
on Linux), or the file STANCES_CONFIG names (set it empty to read none).
A problem in it is a warning with its line and column, and the file is then
set aside: every command still runs, with the defaults.

Examples:
  stances config                          check it; exit 1 if it has problems
  mkdir -p ~/.config/stances && stances config --default > ~/.config/stances/config.toml
  STANCES_CONFIG=class.toml stances tour  another config for once")]
    Config {
        /// Print the config file's path (whether it exists or not)
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print a config file with every setting at its default, commented
        #[arg(long)]
        default: bool,
    },

    /// Run a live class over SSH: every student joins with `ssh` and gets
    /// their own explorer; yours leads, asks and polls
    #[command(after_help = "\
Examples:
  stances serve                           every interface, port 2222, a new class code
  stances serve --bind 127.0.0.1 --port 2300 --code amber-otter-42
  stances serve --results class.csv       answers and poll positions, for a spreadsheet

Students type the printed command, e.g. `ssh -p 2222 yourname@192.0.2.10`,
and the class code as password; their user name is the name the class
sees. Class keys on your screen: L lead, A ask, R reveal, S scores, P poll,
E end the activity, N hide names, C the Class panel; q ends the class.
What it promises for security, and what not: README.md, \"stances serve\".")]
    Serve {
        #[command(flatten)]
        args: commands::ServeArgs,
        /// Seed for the order of the live quiz's questions (default: random)
        #[arg(long)]
        seed: Option<u64>,
        #[command(flatten)]
        screen: ScreenArgs,
    },

    /// Print the manual page (roff)
    #[command(after_help = "\
Examples:
  stances man | man -l -                   read it now
  stances man > ~/.local/share/man/man1/stances.1")]
    Man,
}

/// The kinds of quiz `--kind` offers (the rounds are drawn in `quiz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuizKind {
    Who,
    Stance,
    Approach,
    Sources,
    Mixed,
}

impl From<QuizKind> for crate::quiz::Kind {
    fn from(k: QuizKind) -> crate::quiz::Kind {
        use crate::quiz::Kind;
        match k {
            QuizKind::Who => Kind::Who,
            QuizKind::Stance => Kind::Stance,
            QuizKind::Approach => Kind::Approach,
            QuizKind::Sources => Kind::Sources,
            QuizKind::Mixed => Kind::Mixed,
        }
    }
}

/// The colour schemes `--theme` offers (the styles are in `ui::theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    Dark,
    Light,
    HighContrast,
}

impl From<Theme> for ThemeKind {
    fn from(t: Theme) -> ThemeKind {
        match t {
            Theme::Dark => ThemeKind::Dark,
            Theme::Light => ThemeKind::Light,
            Theme::HighContrast => ThemeKind::HighContrast,
        }
    }
}

/// `stances search --help`'s epilogue: the query syntax (the table the
/// help overlay shows too), examples and the exit statuses.
fn search_after_help() -> String {
    format!(
        "Query syntax (terms separated by spaces must all match):\n{}
Examples:
  stances search governance
  stances search 'by:china exclusive'
  stances search antonio --json | jq '.[0].text'

Exit status: 0 with matches, 1 with none, 2 on error (like grep).",
        crate::search::query::syntax_help()
    )
}

/// Run the command the line asked for.
pub fn run(cli: Cli) -> ExitCode {
    let location = config::Location::from_env();
    if let Some(Command::Config { path, default }) = cli.command {
        return config_command(&location, path, default);
    }
    let (config, notice) = read_config(&location);
    let data = cli.data.as_deref().or(config.data.as_deref());
    let color = ColorPrefs {
        flag: cli.color,
        config: config.color,
    };
    let keymap = std::sync::Arc::new(config.keymap);
    let top = cli.screen;
    // `stances --theme light tour` and `stances tour --theme light` alike;
    // the command line before the config file.
    let screen = |screen: ScreenArgs, view, seed, query| Screen {
        present: screen.present || top.present,
        kind: crate::quiz::Kind::Who,
        theme: screen
            .theme
            .or(top.theme)
            .map(ThemeKind::from)
            .or(config.theme)
            .unwrap_or_default(),
        color,
        keymap: keymap.clone(),
        notice: notice.clone(),
        view,
        seed,
        query,
    };
    match cli.command {
        None => commands::explore(data, screen(top.clone(), View::Explore, None, cli.query)),
        Some(Command::Tour { screen: s }) => {
            commands::explore(data, screen(s, View::Tour, None, None))
        }
        Some(Command::Quiz {
            seed,
            kind,
            screen: s,
        }) => commands::explore(
            data,
            Screen {
                kind: kind.into(),
                ..screen(s, View::Quiz, seed, None)
            },
        ),
        Some(Command::Validate { paths, format }) => commands::validate(data, &paths, format),
        Some(Command::List { table, format }) => commands::list_command(data, table, format),
        Some(Command::Search { query, limit, json }) => {
            commands::search(data, &query, limit, json, color)
        }
        Some(Command::Export { format, output }) => {
            commands::export(data, format, output.as_deref())
        }
        Some(Command::Completions { shell }) => commands::emit(&completions(shell)),
        Some(Command::Man) => man(),
        Some(Command::Serve {
            args,
            seed,
            screen: s,
        }) => commands::serve(data, screen(s, View::Explore, seed, None), args),
        Some(Command::Config { .. }) => unreachable!("handled above"),
    }
}

/// The config file, its problems said on stderr: they are warnings, and
/// the command goes on with the defaults. With them, the notice the
/// explorer shows on its status line.
fn read_config(location: &config::Location) -> (config::Config, Option<String>) {
    let read = config::read(location);
    for warning in &read.warnings {
        eprintln!("{warning}");
    }
    let notice = read
        .warnings
        .first()
        .and_then(|w| w.lines().next())
        .map(|line| format!("{line} (config file set aside)"));
    (read.config, notice)
}

/// `stances man`.
fn man() -> ExitCode {
    match man_page() {
        Ok(page) => commands::emit(&page),
        Err(e) => {
            eprintln!(
                "stances: error: man page: {}",
                crate::os_error::describe(&e)
            );
            ExitCode::from(commands::EXIT_PROBLEMS)
        }
    }
}

/// `stances config`: where the file is (`--path`), a default one
/// (`--default`), or, with neither, whether the file is sound.
fn config_command(location: &config::Location, path: bool, default: bool) -> ExitCode {
    if default {
        return commands::emit(&config::default_text());
    }
    let Some(file) = location.path() else {
        eprintln!(
            "stances: no config file: {} is set and empty",
            config::ENV_VAR
        );
        return ExitCode::from(if path {
            commands::EXIT_PROBLEMS
        } else {
            commands::EXIT_OK
        });
    };
    let shown = crate::text::escape_control(&file.display().to_string()).into_owned();
    if path {
        return commands::emit(&format!("{shown}\n"));
    }
    if matches!(location, config::Location::Default(_)) && !file.exists() {
        println!("{shown}: no config file (`stances config --default > {shown}` writes one)");
        return ExitCode::from(commands::EXIT_OK);
    }
    let read = config::read(location);
    if read.warnings.is_empty() {
        println!("{shown}: ok");
        ExitCode::from(commands::EXIT_OK)
    } else {
        for warning in &read.warnings {
            eprintln!("{warning}");
        }
        ExitCode::from(commands::EXIT_PROBLEMS)
    }
}

/// Parse the command line. clap's own help and errors follow `--color`
/// too, so it is looked for before clap parses anything.
pub fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let choice = match color_flag(std::env::args_os()) {
        Some(ColorChoice::Always) => clap::ColorChoice::Always,
        Some(ColorChoice::Never) => clap::ColorChoice::Never,
        // clap's auto already heeds NO_COLOR, CLICOLOR_FORCE and the
        // terminal, in the order `crate::color` documents.
        _ => clap::ColorChoice::Auto,
    };
    let mut command = Cli::command().color(choice);
    let matches = command.get_matches_mut();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Some(problem) = misplaced(&cli) {
        command
            .error(clap::error::ErrorKind::ArgumentConflict, problem)
            .exit();
    }
    cli
}

/// `--theme`, `--present` and `--query` given before a subcommand they do nothing for
/// (`stances --theme light list actors`): an error, not silently ignored.
fn misplaced(cli: &Cli) -> Option<&'static str> {
    let command = cli.command.as_ref()?;
    if cli.query.is_some() {
        return Some("--query opens the explorer: it goes with no subcommand");
    }
    let draws = matches!(
        command,
        Command::Tour { .. } | Command::Quiz { .. } | Command::Serve { .. }
    );
    if cli.screen.theme.is_some() && !draws {
        return Some("--theme applies to the explorer, `tour`, `quiz` and `serve` only");
    }
    if cli.screen.present && !draws {
        return Some("--present applies to the explorer, `tour`, `quiz` and `serve` only");
    }
    None
}

/// The value of the last `--color` before any `--`, if it is a valid one.
fn color_flag(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<ColorChoice> {
    let mut found = None;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        let value = match arg.as_str() {
            "--" => break,
            "--color" => args.next().map(|v| v.to_string_lossy().into_owned()),
            _ => arg.strip_prefix("--color=").map(str::to_string),
        };
        if let Some(v) = value.and_then(|v| ColorChoice::from_str(&v, true).ok()) {
            found = Some(v);
        }
    }
    found
}

/// `stances completions SHELL`: the script for that shell.
pub fn completions(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "stances", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `stances man`: one manual page: the overview, then each command's own
/// help (its options and examples) in a section of its own.
pub fn man_page() -> std::io::Result<String> {
    use clap::CommandFactory;
    use clap_mangen::roff::{Roff, roman};
    let mut command = Cli::command();
    command.build();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    let mut roff = Roff::new();
    // The examples as in --help, under their own heading (clap_mangen
    // would call them EXTRA).
    let examples = AFTER_HELP.strip_prefix("Examples:\n").unwrap_or(AFTER_HELP);
    roff.control("SH", ["EXAMPLES"]);
    roff.control("nf", []);
    roff.text([roman(examples)]);
    roff.control("fi", []);
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let heading = format!("STANCES {}", sub.get_name().to_uppercase());
        // A fixed width: the page must not depend on the terminal it was
        // generated in; man indents it by a few columns more.
        let help = sub.clone().term_width(72).render_long_help().to_string();
        roff.control("SH", [heading.as_str()]);
        // The help is laid out in columns already: keep its lines.
        roff.control("nf", []);
        roff.text([roman(help.trim_end())]);
        roff.control("fi", []);
    }
    roff.to_writer(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("stances")
            .chain(a.iter().copied())
            .map(Into::into)
            .collect()
    }

    #[test]
    fn the_color_flag_is_found_before_clap_parses() {
        assert_eq!(color_flag(args(&[])), None);
        assert_eq!(
            color_flag(args(&["--color", "never", "list"])),
            Some(ColorChoice::Never)
        );
        assert_eq!(
            color_flag(args(&["list", "--color=always"])),
            Some(ColorChoice::Always)
        );
        assert_eq!(color_flag(args(&["search", "--", "--color=always"])), None);
        assert_eq!(color_flag(args(&["--color", "purple"])), None);
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
