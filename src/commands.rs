//! The commands (validate, search, list, export, and opening the explorer),
//! each a function of plain arguments; `cli` parses the command line and
//! calls them. Output goes through [`emit`], which treats a closed pipe
//! (`stances list quotes | head`) as success rather than a panic.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use crate::app::View;
use crate::color::ColorPrefs;
use crate::data::{self, Dataset, Loaded};
use crate::export;
use crate::os_error::describe as describe_io;
use crate::ui::ThemeKind;

/// The formats of `stances export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The whole normalised dataset
    Json,
    /// A two-page classroom handout, with the answers: hand it out after the worksheet
    Markdown,
    /// The student worksheet: the handout's material with the answers left out; hand it out first
    Worksheet,
    /// The teacher's answer key to the worksheet
    Key,
    /// The worksheet as one self-contained printable web page
    WorksheetHtml,
    /// The answer key as one self-contained printable web page
    KeyHtml,
    /// The handout as one self-contained printable web page, with the map
    Html,
    /// One row per quote
    Csv,
}

/// How `stances validate` reports problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProblemFormat {
    /// As compilers do, on standard error, quoting each line.
    Text,
    /// One JSON array on standard output, for editors and CI.
    Json,
}

/// The tables of `stances list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListTable {
    Actors,
    Approaches,
    Reactions,
    Quotes,
    Events,
}

/// The output formats of `stances list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Tsv,
    Json,
}

/// Exit statuses, as documented in `--help`.
pub const EXIT_OK: u8 = 0;
pub const EXIT_PROBLEMS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// How to open the explorer.
pub struct Screen {
    pub theme: ThemeKind,
    pub color: ColorPrefs,
    /// The keys, from the config file.
    pub keymap: std::sync::Arc<crate::app::keymap::Keymap>,
    /// A line for the status bar at start (a problem in the config file).
    pub notice: Option<String>,
    pub view: View,
    pub seed: Option<u64>,
    /// What the quiz asks.
    pub kind: crate::quiz::Kind,
    /// Presenter mode.
    pub present: bool,
    /// Open the search on this query.
    pub query: Option<String>,
}

/// `-` as a path: standard input for `--data -` and `validate -`,
/// standard output for `export -o -`.
fn is_dash(path: &Path) -> bool {
    path == Path::new("-")
}

/// Read and check the dataset at `path`: a file, a directory, standard
/// input, or the embedded one.
fn load(path: Option<&Path>) -> Result<Loaded, data::ReadError> {
    match path {
        Some(p) if is_dash(p) => {
            data::load::load_reader(data::load::STDIN_NAME, io::stdin().lock())
        }
        _ => data::load(path),
    }
}

/// `stances` alone, `tour` and `quiz`: the explorer, opened on `screen.view`.
pub fn explore(data: Option<&Path>, screen: Screen) -> ExitCode {
    let from_stdin = data.is_some_and(is_dash);
    // With the data on standard input, keys come from the terminal itself
    // (/dev/tty), as with `fzf`.
    if !io::stdout().is_terminal() || !(from_stdin || io::stdin().is_terminal()) {
        eprintln!(
            "stances: error: the explorer needs a terminal; for scripts use `stances list`, `stances export` or `stances validate` (see --help)"
        );
        return ExitCode::from(EXIT_USAGE);
    }
    // A terminal that cannot draw a full screen (TERM=dumb, as in Emacs
    // shell buffers, or no TERM at all, as under some service managers)
    // would print escape sequences as text.
    if let Some(why) = no_full_screen(std::env::var_os("TERM").as_deref()) {
        eprintln!(
            "stances: error: the explorer needs a terminal that can draw full-screen, and {why}; set TERM (e.g. TERM=xterm-256color), or use `stances list`, `stances search` or `stances export` (see --help)"
        );
        return ExitCode::from(EXIT_USAGE);
    }
    // A big dataset loads behind the explorer, which is up at once with a
    // loading notice; a small one is checked first, so that its problems
    // print on the plain terminal.
    let file = data.filter(|p| !is_dash(p));
    let in_background = file.filter(|p| data::load::total_size(p) > BACKGROUND_LOAD_FROM);
    let options = crate::tui::Options {
        theme: screen.theme,
        // The explorer always draws on a terminal: only the flag and
        // NO_COLOR can turn its colour off.
        no_color: !screen.color.decide(true),
        keymap: screen.keymap,
        notice: screen.notice,
        view: screen.view,
        query: screen.query,
        watch: file.map(Path::to_path_buf),
        load_in_background: in_background.map(Path::to_path_buf),
        seed: screen.seed.unwrap_or_else(clock_seed),
        quiz_kind: screen.kind,
        present: screen.present,
    };
    let run = |d: Dataset, options| match crate::tui::run(d, options) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("stances: error: terminal: {}", describe_io(&e));
            ExitCode::from(EXIT_PROBLEMS)
        }
    };
    if in_background.is_some() {
        return run(Dataset::default(), options);
    }
    with_dataset(data, |d| run(d.clone(), options))
}

/// Why a terminal of type `term` cannot run the explorer, if it cannot.
fn no_full_screen(term: Option<&std::ffi::OsStr>) -> Option<&'static str> {
    match term.map(|t| t.to_string_lossy()) {
        None => Some("TERM is not set"),
        Some(t) if t.trim().is_empty() => Some("TERM is empty"),
        Some(t) if t == "dumb" => Some("TERM=dumb cannot"),
        Some(_) => None,
    }
}

/// Datasets bigger than this (in bytes) load behind the explorer.
const BACKGROUND_LOAD_FROM: u64 = 1_000_000;

/// Without --seed every quiz differs: the clock is as good a seed as any,
/// and it is read here, never in update. Four digits, so a teacher can
/// write it on the board and the class replay it with `--seed`.
fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
        % 10_000
}

/// Load the dataset, report problems, and run `f` only on clean data.
fn with_dataset(path: Option<&Path>, f: impl FnOnce(&Dataset) -> ExitCode) -> ExitCode {
    match load(path) {
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(EXIT_PROBLEMS)
        }
        Ok(loaded) => match &loaded.checked.dataset {
            Some(d) => f(d),
            None => {
                eprint!("{}", errors_only(&loaded));
                eprintln!("{}", summary_line(&loaded));
                ExitCode::from(EXIT_PROBLEMS)
            }
        },
    }
}

fn errors_only(loaded: &Loaded) -> String {
    let mut out = String::new();
    for d in loaded.checked.diagnostics.iter().filter(|d| d.is_error()) {
        out.push_str(&d.render(&loaded.files));
        out.push('\n');
    }
    if let Some(more) = loaded.checked.omitted_line() {
        out.push_str(&more);
        out.push('\n');
    }
    out
}

fn summary_line(loaded: &Loaded) -> String {
    let errors = loaded.checked.error_count();
    let warnings = loaded.checked.warning_count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}: {}, {}",
        describe(&loaded.files),
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

fn describe(files: &[data::SourceFile]) -> String {
    match files {
        [one] => crate::text::escape_control(&one.path).into_owned(),
        many => format!("{} files", many.len()),
    }
}

pub fn validate(data: Option<&Path>, paths: &[PathBuf], format: ProblemFormat) -> ExitCode {
    let targets: Vec<Option<&Path>> = if paths.is_empty() {
        vec![data]
    } else {
        paths.iter().map(|p| Some(p.as_path())).collect()
    };
    if format == ProblemFormat::Json {
        return validate_json(&targets);
    }
    let mut ok = true;
    for target in targets {
        match load(target) {
            Err(e) => {
                // A file that cannot be read (empty, not UTF-8, not a
                // regular file) ends with a summary like any other.
                let name = match target {
                    None => data::load::EMBEDDED_NAME.to_string(),
                    Some(p) if is_dash(p) => data::load::STDIN_NAME.to_string(),
                    Some(p) => p.display().to_string(),
                };
                eprintln!("{e}");
                eprintln!(
                    "{}: 1 error, 0 warnings",
                    crate::text::escape_control(&name)
                );
                ok = false;
            }
            Ok(loaded) => {
                if !loaded.checked.diagnostics.is_empty() {
                    eprintln!("{}", loaded.report());
                }
                match &loaded.checked.dataset {
                    Some(d) => {
                        let mut counts = format!(
                            "{} approaches, {} actors, {} reactions, {} quotes, {} events, {} tour steps",
                            d.approaches.len(),
                            d.actors.len(),
                            d.reactions.len(),
                            d.quotes.len(),
                            d.events.len(),
                            d.tour.len()
                        );
                        // The teaching tables are counted when a dataset has them.
                        for (n, what) in [
                            (d.glossary.len(), "glossary terms"),
                            (d.questions.len(), "questions"),
                            (d.dataset.objectives.len(), "objectives"),
                        ] {
                            if n > 0 {
                                counts.push_str(&format!(", {n} {what}"));
                            }
                        }
                        println!("{}: ok ({counts})", summary_line(&loaded));
                    }
                    None => {
                        eprintln!("{}", summary_line(&loaded));
                        ok = false;
                    }
                }
            }
        }
    }
    ExitCode::from(if ok { EXIT_OK } else { EXIT_PROBLEMS })
}

/// `validate --format json`: one array of every problem of every target
/// on standard output, and nothing else.
fn validate_json(targets: &[Option<&Path>]) -> ExitCode {
    let results: Vec<_> = targets.iter().map(|t| load(*t)).collect();
    let outcomes: Vec<export::Outcome> = results
        .iter()
        .map(|r| match r {
            Ok(l) => export::Outcome::Checked(&l.files, &l.checked.diagnostics),
            Err(e) => export::Outcome::Unread(e),
        })
        .collect();
    let clean = results
        .iter()
        .all(|r| r.as_ref().is_ok_and(|l| l.checked.dataset.is_some()));
    let written = emit(&export::problems_json(&outcomes));
    if written != ExitCode::SUCCESS {
        return written;
    }
    ExitCode::from(if clean { EXIT_OK } else { EXIT_PROBLEMS })
}

pub fn search(
    data: Option<&Path>,
    input: &str,
    limit: Option<usize>,
    json: bool,
    color: ColorPrefs,
) -> ExitCode {
    let query = crate::search::Query::parse(input);
    if let Some(hint) = query.hints.first() {
        eprintln!(
            "stances: error: query: {}",
            crate::text::escape_control(hint)
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let loaded = match load(data) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let Some(dataset) = loaded.checked.dataset else {
        eprint!("{}", errors_only(&loaded));
        eprintln!("{}", summary_line(&loaded));
        return ExitCode::from(EXIT_USAGE);
    };
    // A name that matches no actor can never match a quote: say so, with
    // the nearest name, rather than exit 1 in silence.
    if let Some(problem) = crate::search::unknown_actor(&dataset, &query) {
        eprintln!(
            "stances: error: query: {}",
            crate::text::escape_control(&problem)
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let index = crate::search::Index::new(std::sync::Arc::new(dataset));
    let mut hits = index.search(&query);
    if let Some(n) = limit {
        hits.truncate(n);
    }
    let out = if json {
        crate::export::search_json(&index, &query, &hits)
    } else {
        let emphasis = color.decide(io::stdout().is_terminal());
        crate::export::search_text(&index, &query, &hits, emphasis)
    };
    match emit(&out) {
        code if code != ExitCode::from(EXIT_OK) => code,
        _ if hits.is_empty() => ExitCode::from(EXIT_PROBLEMS),
        code => code,
    }
}

/// `stances export`: the dataset at `data` in `format`, to `output` or
/// standard output.
pub fn export(data: Option<&Path>, format: ExportFormat, output: Option<&Path>) -> ExitCode {
    with_dataset(data, |d| export_to(d, format, output))
}

fn export_to(d: &Dataset, format: ExportFormat, output: Option<&Path>) -> ExitCode {
    let text = match format {
        ExportFormat::Json => export::json(d),
        ExportFormat::Markdown => export::markdown(d),
        ExportFormat::Worksheet => export::worksheet(d),
        ExportFormat::Key => export::key(d),
        ExportFormat::WorksheetHtml => export::worksheet_html(d),
        ExportFormat::KeyHtml => export::key_html(d),
        ExportFormat::Html => export::html(d),
        ExportFormat::Csv => export::csv(d),
    };
    match output {
        None => emit(&text),
        Some(path) if is_dash(path) => emit(&text),
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::from(EXIT_OK),
            Err(e) => {
                eprintln!(
                    "{}: error: cannot write: {}",
                    crate::text::escape_control(&path.display().to_string()),
                    describe_io(&e)
                );
                ExitCode::from(EXIT_PROBLEMS)
            }
        },
    }
}

/// Write to stdout; a reader that went away early is not an error.
pub fn emit(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_OK),
        Err(e) => {
            eprintln!("stances: error: cannot write output: {}", describe_io(&e));
            ExitCode::from(EXIT_PROBLEMS)
        }
    }
}

/// The terminal's width when printing to one; no limit into a pipe, where
/// scripts want whole cells.
fn term_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}

/// `stances list`: one table of the dataset at `data`; by default aligned
/// and as wide as the terminal on one, TSV into a pipe or file.
pub fn list_command(data: Option<&Path>, table: ListTable, format: Option<ListFormat>) -> ExitCode {
    with_dataset(data, |d| {
        let format = format.unwrap_or(if io::stdout().is_terminal() {
            ListFormat::Table
        } else {
            ListFormat::Tsv
        });
        emit(&list_as(d, table, format, term_width()))
    })
}

/// One table of the dataset as aligned columns, fitted to `max_width`.
pub fn list(d: &Dataset, table: ListTable, max_width: Option<usize>) -> String {
    list_as(d, table, ListFormat::Table, max_width)
}

/// One table of the dataset in `format`; only the aligned table is
/// fitted to `max_width` (TSV and JSON keep whole cells for programs).
pub fn list_as(
    d: &Dataset,
    table: ListTable,
    format: ListFormat,
    max_width: Option<usize>,
) -> String {
    let (header, rows) = table_rows(d, table, format == ListFormat::Table);
    match format {
        ListFormat::Table => export::aligned(&header, &rows, max_width),
        ListFormat::Tsv => export::tsv(&header, &rows),
        ListFormat::Json => export::table_json(&header, &rows),
    }
}

/// A table's header and rows. `for_people` adds what helps a reader and
/// gets in a program's way: the stance's symbol, quotation marks.
fn table_rows(
    d: &Dataset,
    table: ListTable,
    for_people: bool,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    match table {
        ListTable::Actors => (vec!["ID", "NAME", "KIND", "PART OF", "ROLE"], actor_rows(d)),
        ListTable::Approaches => (
            vec!["ID", "NAME", "PROPONENT", "POSITION"],
            approach_rows(d),
        ),
        ListTable::Reactions => (
            vec!["ID", "ACTOR", "STANCE", "TARGET"],
            reaction_rows(d, for_people),
        ),
        ListTable::Quotes => (vec!["ID", "SPEAKER", "TEXT"], quote_rows(d, for_people)),
        ListTable::Events => (vec!["DATE", "ID", "NAME", "PLACE"], event_rows(d)),
    }
}

fn actor_rows(d: &Dataset) -> Vec<Vec<String>> {
    d.actors
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.name.clone(),
                a.kind.label().into(),
                a.part_of.clone().unwrap_or_default(),
                a.role.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

fn approach_rows(d: &Dataset) -> Vec<Vec<String>> {
    d.approaches
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.name.clone(),
                d.name_of(&a.proponent),
                a.position
                    .as_ref()
                    .map(|p| data::format_position(&d.axes, p))
                    .unwrap_or_default(),
            ]
        })
        .collect()
}

fn reaction_rows(d: &Dataset, for_people: bool) -> Vec<Vec<String>> {
    d.reactions
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                d.name_of(&r.actor),
                if for_people {
                    format!("{} {}", r.stance.symbol(), r.stance.label())
                } else {
                    r.stance.label().to_string()
                },
                d.name_of(&r.target),
            ]
        })
        .collect()
}

fn quote_rows(d: &Dataset, for_people: bool) -> Vec<Vec<String>> {
    d.quotes
        .iter()
        .map(|q| {
            vec![
                q.id.to_string(),
                d.name_of(&q.speaker),
                if for_people {
                    format!("\u{201c}{}\u{201d}", q.text)
                } else {
                    q.text.to_string()
                },
            ]
        })
        .collect()
}

/// Events in date order.
fn event_rows(d: &Dataset) -> Vec<Vec<String>> {
    let mut events: Vec<_> = d.events.iter().collect();
    events.sort_by_key(|e| e.date);
    events
        .iter()
        .map(|e| {
            vec![
                e.date_label(),
                e.id.clone(),
                e.name.clone(),
                e.place.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// The flags of `stances serve` (its seed and screen options aside,
/// which `cli` reads as for every command that draws a screen).
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Port to listen on
    #[arg(long, default_value_t = 2222, value_name = "N")]
    pub port: u16,
    /// Address to listen on (repeatable) [default: every interface,
    /// IPv4 and IPv6]; 127.0.0.1 keeps the class on this machine
    #[arg(long, value_name = "ADDR")]
    pub bind: Vec<std::net::IpAddr>,
    /// The class code students type as password [default: a new one,
    /// like amber-otter-42]
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// The most students at once
    #[arg(long, default_value_t = 60, value_name = "N")]
    pub max_students: usize,
    /// Write the class's results here as the class goes (.csv or .json)
    #[arg(long, value_name = "FILE")]
    pub results: Option<PathBuf>,
    /// Also let in the public keys listed in FILE (authorized_keys format)
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// The server's key [default: stances/host_key in the platform's
    /// data directory, made on first use]
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// No teacher screen: serve until SIGINT or SIGTERM (for tests and
    /// benchmarks)
    #[arg(long)]
    pub headless: bool,
}

/// `stances serve`: the class server, with the teacher's explorer in this
/// terminal (or, `--headless`, none, until SIGINT or SIGTERM).
pub fn serve(data: Option<&Path>, screen: Screen, args: ServeArgs) -> ExitCode {
    let (config, seed) = match serve_config(&screen, &args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    with_dataset(data, |d| {
        let server = match crate::serve::Server::start(config, std::sync::Arc::new(d.clone())) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("stances: error: cannot listen: {}", describe_io(&e));
                return ExitCode::from(EXIT_PROBLEMS);
            }
        };
        hold_class(server, &screen, &args, seed)
    })
}

/// The server's configuration from the flags, and the quiz's seed; or,
/// when a flag is wrong or the keys cannot be read, the exit code, the
/// error said.
fn serve_config(
    screen: &Screen,
    args: &ServeArgs,
) -> Result<(crate::serve::Config, u64), ExitCode> {
    use crate::serve;
    let usage = |message: String| {
        eprintln!("stances: error: {message}");
        ExitCode::from(EXIT_USAGE)
    };
    let on_terminal = io::stdout().is_terminal() && io::stdin().is_terminal();
    if !args.headless && !on_terminal {
        return Err(usage(
            "the teacher's screen needs a terminal; --headless serves without one".to_string(),
        ));
    }
    if let Some(path) = &args.results
        && let Err(e) = serve::results::check_path(path)
    {
        return Err(usage(e));
    }
    if args.max_students == 0 {
        return Err(usage("--max-students: at least 1".to_string()));
    }
    let code = match args.code.clone() {
        Some(code) if code.is_empty() || code.len() > 128 || code.chars().any(char::is_control) => {
            return Err(usage(
                "--code: 1 to 128 characters, no control characters".to_string(),
            ));
        }
        Some(code) => code,
        None => {
            use rand::RngExt;
            let mut rng = rand::rng();
            serve::auth::generate_code(|n| rng.random_range(0..n))
        }
    };
    let Some(key_path) = args.host_key.clone().or_else(serve::host_key::default_path) else {
        return Err(usage(
            "no data directory for the host key: give --host-key FILE".to_string(),
        ));
    };
    let host_key = match serve::host_key::load_or_create(&key_path) {
        Ok(k) => k,
        Err(e) => {
            eprintln!(
                "stances: error: host key {}: {}",
                crate::text::escape_control(&key_path.display().to_string()),
                describe_io(&e)
            );
            return Err(ExitCode::from(EXIT_PROBLEMS));
        }
    };
    let authorized_keys = match args.authorized_keys.as_deref().map(read_authorized_keys) {
        Some(Ok(keys)) => keys,
        Some(Err(e)) => {
            eprintln!("stances: error: {e}");
            return Err(ExitCode::from(EXIT_PROBLEMS));
        }
        None => Vec::new(),
    };
    let seed = screen.seed.unwrap_or_else(clock_seed);
    let mut config = serve::Config::new(code, host_key);
    config.port = args.port;
    config.bind = args.bind.clone();
    config.max_students = args.max_students;
    config.authorized_keys = authorized_keys;
    config.theme = screen.theme;
    config.no_color = !screen.color.decide(true);
    config.quiz_seed = seed;
    Ok((config, seed))
}

/// The class, from the lines that tell students how to join to its end:
/// the teacher's screen (or, headless, a signal), then the results
/// written.
fn hold_class(
    server: crate::serve::Server,
    screen: &Screen,
    args: &ServeArgs,
    seed: u64,
) -> ExitCode {
    use crate::serve;
    let addresses = serve::reachable_addresses(server.local_addrs());
    println!(
        "stances serve: a class of up to {} students",
        args.max_students
    );
    println!("Students join with one of (password: the class code):");
    for a in &addresses {
        println!("  {}", serve::ssh_command(*a));
    }
    println!("Class code: {}", server.code());
    println!("Host key fingerprint: {}", server.fingerprint());
    let _ = io::stdout().flush();
    let outcome = if args.headless {
        wait_for_signal()
    } else {
        let joining = addresses
            .first()
            .map(|a| serve::ssh_command(*a))
            .unwrap_or_default();
        serve::teacher::run(
            &server,
            serve::teacher::Options {
                theme: screen.theme,
                no_color: !screen.color.decide(true),
                keymap: screen.keymap.clone(),
                seed,
                results: args.results.clone(),
                joining,
                present: screen.present,
            },
        )
    };
    let results = server.results();
    server.shutdown(std::time::Duration::from_secs(3));
    if let Some(path) = &args.results {
        match results.write(path) {
            Ok(()) => println!(
                "Results: {}",
                crate::text::escape_control(&path.display().to_string())
            ),
            Err(e) => {
                eprintln!("stances: error: results: {}", describe_io(&e));
                return ExitCode::from(EXIT_PROBLEMS);
            }
        }
    }
    println!("The class has ended.");
    match outcome {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(e) => {
            eprintln!("stances: error: terminal: {}", describe_io(&e));
            ExitCode::from(EXIT_PROBLEMS)
        }
    }
}

/// Block until SIGINT, SIGTERM or SIGHUP.
fn wait_for_signal() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    let _ = signals.forever().next();
    Ok(())
}

/// The keys of an authorized_keys file: one per line, `#` comments and
/// blank lines skipped; a line that is not a key is an error with its
/// number.
fn read_authorized_keys(path: &Path) -> Result<Vec<russh::keys::PublicKey>, String> {
    let shown = crate::text::escape_control(&path.display().to_string()).into_owned();
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{shown}: {}", describe_io(&e)))?;
    let mut keys = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = russh::keys::PublicKey::from_openssh(line)
            .map_err(|e| format!("{shown}:{}: not a public key ({e})", n + 1))?;
        keys.push(key);
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width;

    fn shipped() -> Dataset {
        data::load(None).unwrap().checked.dataset.unwrap()
    }

    #[test]
    fn list_fits_the_width_it_is_given() {
        let d = shipped();
        use clap::ValueEnum;
        for &table in ListTable::value_variants() {
            let out = list(&d, table, Some(80));
            for line in out.lines() {
                assert!(
                    width(line) <= 80,
                    "{table:?}: {line:?} is {} wide",
                    width(line)
                );
            }
            assert_eq!(
                out.lines().count(),
                1 + match table {
                    ListTable::Actors => d.actors.len(),
                    ListTable::Approaches => d.approaches.len(),
                    ListTable::Reactions => d.reactions.len(),
                    ListTable::Quotes => d.quotes.len(),
                    ListTable::Events => d.events.len(),
                }
            );
        }
    }

    #[test]
    fn list_into_a_pipe_keeps_whole_cells() {
        let out = list(&shipped(), ListTable::Quotes, None);
        assert!(out.contains("AI governance remains dispersed. Countries are highly varied"));
        assert!(!out.contains('…'));
    }

    #[test]
    fn events_are_listed_in_date_order() {
        let out = list(&shipped(), ListTable::Events, None);
        let dates: Vec<&str> = out
            .lines()
            .skip(1)
            .map(|l| l.split_whitespace().next().unwrap())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
    }
}
