//! The command line: clap definitions, and [`run`], which hands each
//! command to its function in `commands`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::View;
use crate::commands;
pub use crate::commands::{ExportFormat, ListTable};
use crate::ui::ThemeKind;

const AFTER_HELP: &str = "\
Examples:
  stances                                 open the explorer on the built-in dataset
  stances --theme high-contrast           the explorer, for a projector
  stances validate my-dataset/            check a dataset, every problem at once
  stances list quotes                     a table of the quotes
  stances export --format markdown -o handout.md
  stances --data my-dataset/ list actors  any command on your own data

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
    /// Dataset to read: a .toml file, or a directory whose *.toml files are
    /// merged in name order. Default: the built-in WAIC 2025 dataset.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Colour scheme of the explorer. NO_COLOR in the environment turns
    /// colour off whatever the theme.
    #[arg(long, global = true, value_enum, default_value = "dark")]
    pub theme: Theme,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check datasets and report every problem with file:line:column
    #[command(after_help = "\
Examples:
  stances validate                        check the built-in dataset
  stances validate data/ extra.toml       check each path as its own dataset

Exit status: 0 clean (warnings allowed), 1 problems found, 2 usage error.")]
    Validate {
        /// Files or directories to check, each as a separate dataset.
        /// Default: --data, or the built-in dataset.
        paths: Vec<PathBuf>,
    },

    /// Write the dataset as JSON, a Markdown handout, or CSV of the quotes
    #[command(after_help = "\
Examples:
  stances export --format json > waic.json      the whole normalised dataset
  stances export --format markdown -o handout.md   a printable classroom handout
  stances export --format csv -o quotes.csv      one row per quote")]
    Export {
        #[arg(long, short, value_enum)]
        format: ExportFormat,
        /// Write to FILE instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// Fuzzy-search the quotes and print them best first
    #[command(after_help = "\
Query syntax (terms separated by spaces must all match):
  word       fuzzy: the letters in order; smart case; accents ignored
  'word      exact substring
  !word      exclude quotes containing the word
  by:NAME    quotes by an actor (name, id or alias) or its members
  tag:TAG    quotes with a tag starting with TAG
  about:ID   quotes about an item whose id starts with ID

Examples:
  stances search governance
  stances search 'by:china exclusive'
  stances search antonio --json | jq '.[0].text'

Exit status: 0 with matches, 1 with none, 2 on error (like grep).")]
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
  stances --theme high-contrast tour      for a projector

Keys: ←/→ or Space move, Enter opens the slide's item in the explorer, Esc
goes to the explorer, q quits.")]
    Tour,

    /// Play \"Who said it?\": a quote, four speakers to choose from
    #[command(after_help = "\
Examples:
  stances quiz
  stances quiz --seed 7                   the same questions in the same order

Keys: 1-4 (or ↑/↓ and Enter) answer, Enter or Space goes on, g starts a
new round from the summary, Esc goes to the explorer, q quits.")]
    Quiz {
        /// Seed for the order of questions and answers (default: random)
        #[arg(long)]
        seed: Option<u64>,
    },

    /// Print one table of the dataset as aligned columns
    #[command(after_help = "\
Examples:
  stances list reactions
  stances --data my-dataset/ list quotes | less -S")]
    List {
        #[arg(value_enum)]
        table: ListTable,
    },
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

/// Run the command the line asked for.
pub fn run(cli: Cli) -> ExitCode {
    let data = cli.data.as_deref();
    let theme = ThemeKind::from(cli.theme);
    match cli.command {
        None => commands::explore(data, theme, View::Explore, None),
        Some(Command::Tour) => commands::explore(data, theme, View::Tour, None),
        Some(Command::Quiz { seed }) => commands::explore(data, theme, View::Quiz, seed),
        Some(Command::Validate { paths }) => commands::validate(data, &paths),
        Some(Command::List { table }) => commands::list_command(data, table),
        Some(Command::Search { query, limit, json }) => commands::search(data, &query, limit, json),
        Some(Command::Export { format, output }) => {
            commands::export(data, format, output.as_deref())
        }
    }
}
