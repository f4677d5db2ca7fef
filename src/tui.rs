//! The terminal: setting it up, the event loop, and giving it back.
//!
//! This is the only module that touches the terminal. Whatever way the
//! program ends (q, Ctrl-C, an error, a panic on any thread, SIGTERM,
//! SIGHUP), raw mode, the alternate screen, mouse reporting and bracketed
//! paste are undone in reverse order and the cursor is shown again.

use std::io::{self, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Once};
use std::thread;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::app::{self, Action, App, input};
use crate::data::Dataset;
use crate::ui::{self, Theme, ThemeKind};

/// Everything the loop waits for, from any thread: terminal events (read
/// in the app's state when they are handled), actions from the search
/// worker and the loader, and what ends or stops the process.
enum Message {
    Input(Event),
    Action(Action),
    /// The input reader failed: the terminal is gone.
    InputClosed,
    Signal(i32),
}

/// Set when a test asks the explorer to panic after its first frame, to
/// check that the terminal is restored on that path too.
const TEST_PANIC_VAR: &str = "STANCES_TEST_PANIC";

pub struct Options {
    pub theme: ThemeKind,
    pub no_color: bool,
    /// The view to open on.
    pub view: app::View,
    /// Open the search on this query (`stances -q`).
    pub query: Option<String>,
    /// The keys in force.
    pub keymap: Arc<app::keymap::Keymap>,
    /// A line for the status bar at start.
    pub notice: Option<String>,
    /// Seed for the quiz.
    pub seed: u64,
    /// What the quiz asks.
    pub quiz_kind: crate::quiz::Kind,
    /// Presenter mode at start.
    pub present: bool,
    /// The dataset's path, watched for changes (none for the embedded
    /// data).
    pub watch: Option<std::path::PathBuf>,
    /// Load the data from this path in the background, with the explorer
    /// already up (for big datasets); `data` is then empty until it comes.
    pub load_in_background: Option<std::path::PathBuf>,
}

/// Run the explorer until the user quits. Returns the process exit code:
/// 0, or 128 + the signal that ended it.
pub fn run(data: Dataset, options: Options) -> io::Result<u8> {
    let _guard = TerminalGuard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(data, Rect::new(0, 0, size.width, size.height));
    app.start(app::Start {
        view: options.view,
        query: options.query,
        keymap: options.keymap,
        notice: options.notice,
        seed: options.seed,
        quiz_kind: options.quiz_kind,
        present: options.present,
        loading: options
            .load_in_background
            .as_ref()
            .map(|path| format!("Reading {}", path.display())),
    });
    let theme = Theme::new(options.theme, options.no_color);
    // crossterm drops colours itself when NO_COLOR is set; `--color
    // always` has already decided otherwise.
    crossterm::style::force_color_output(!options.no_color);

    let (tx, rx) = mpsc::channel();
    spawn_input_reader(tx.clone(), Message::Input, Message::InputClosed);
    let to_loop = tx.clone();
    let worker = crate::search::worker::Worker::spawn(Arc::clone(&app.corpus.index), move |u| {
        let _ = to_loop.send(Message::Action(Action::SearchResults(u)));
    });
    if let Some(path) = options.load_in_background.clone() {
        let to_loop = tx.clone();
        thread::spawn(move || {
            let stage = to_loop.clone();
            let early = to_loop.clone();
            // The data goes on screen as soon as it is checked; the search
            // index follows when built.
            let result = crate::reload::load_staged(
                &path,
                &move |s| {
                    let _ = stage.send(Message::Action(Action::Loading(s)));
                },
                Some(&move |r| {
                    let _ = early.send(Message::Action(Action::Reloaded(r)));
                }),
            );
            let message = match result {
                crate::reload::Reload::Ok { index, .. } => Action::IndexReady(index),
                problems => Action::Reloaded(problems),
            };
            let _ = to_loop.send(Message::Action(message));
        });
    }
    // Live reload: a failure to watch (an exotic file system) costs the
    // feature, not the session.
    let _watch = options.watch.as_deref().and_then(|path| {
        let to_loop = tx.clone();
        crate::reload::watch(path, move |r| {
            let _ = to_loop.send(Message::Action(Action::Reloaded(r)));
        })
        .ok()
    });
    spawn_signal_listener(tx)?;
    run_effects(app.take_effects(), &worker);

    draw(&mut terminal, &app, &theme)?;
    if std::env::var_os(TEST_PANIC_VAR).is_some() {
        panic!("{TEST_PANIC_VAR} is set: panicking on purpose");
    }
    let exit = event_loop(&mut terminal, &mut app, &theme, &rx, &worker)?;
    Ok(exit)
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
    theme: &Theme,
    rx: &Receiver<Message>,
    worker: &crate::search::worker::Worker,
) -> io::Result<u8> {
    // Blocking receive: an idle explorer sleeps here and uses no CPU.
    while let Ok(first) = rx.recv() {
        let mut changed = false;
        let mut exit = None;
        // Handle everything already queued before drawing once: a burst of
        // wheel events or a paste costs one frame, not one per event.
        for message in std::iter::once(first).chain(rx.try_iter()) {
            match message {
                Message::Input(event) if is_suspend_key(&event) => {
                    suspend(terminal)?;
                    changed = true;
                }
                Message::Signal(signal_hook::consts::SIGTSTP) => {
                    suspend(terminal)?;
                    changed = true;
                }
                // Continued after a stop that was not ours (SIGSTOP): the
                // screen may hold anything, so every cell is drawn again.
                Message::Signal(signal_hook::consts::SIGCONT) => {
                    forget_screen(terminal)?;
                    changed = true;
                }
                Message::Input(event) => {
                    let applied = input::apply_event(app, event);
                    changed |= applied.changed;
                    run_effects(applied.effects, worker);
                }
                Message::Action(action) => {
                    let applied = input::apply_action(app, action);
                    changed |= applied.changed;
                    run_effects(applied.effects, worker);
                }
                Message::InputClosed => exit = Some(0),
                Message::Signal(signal) => exit = Some(128 + signal),
            }
            if app.requests.quit || exit.is_some() {
                break;
            }
        }
        if app.requests.quit {
            return Ok(0);
        }
        if let Some(code) = exit {
            return Ok(u8::try_from(code).unwrap_or(1));
        }
        if changed {
            draw(terminal, app, theme)?;
        }
    }
    Ok(0)
}

/// Do what `update` asked for.
fn run_effects(effects: Vec<app::Effect>, worker: &crate::search::worker::Worker) {
    for effect in effects {
        match effect {
            app::Effect::Search { generation, query } => worker.search(generation, query),
            app::Effect::NewIndex(index) => worker.set_index(index),
            app::Effect::Copy(text) => {
                // A terminal without OSC 52 ignores it; nothing to report.
                let _ = write_clipboard(&mut stdout(), &text);
            }
        }
    }
}

/// Read the terminal's events on a thread of their own and send each as
/// `input(event)`; when reading fails (the terminal is gone), send
/// `closed` and stop. The explorer and the teacher's screen of `stances
/// serve` each pass their own message type.
pub(crate) fn spawn_input_reader<M: Send + 'static>(
    tx: Sender<M>,
    input: fn(Event) -> M,
    closed: M,
) {
    thread::spawn(move || {
        loop {
            match event::read() {
                Ok(event) => {
                    if tx.send(input(event)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(closed);
                    return;
                }
            }
        }
    });
}

/// Ctrl-Z: in raw mode the terminal sends it as a key instead of
/// stopping the program, so the program stops itself. A terminal matter,
/// like the shell's job control, so it is not in the keymap.
fn is_suspend_key(event: &Event) -> bool {
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    matches!(event, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('z' | 'Z')))
}

fn spawn_signal_listener(tx: Sender<Message>) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(Message::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Whether the alternate screen is ours to clear and leave: `restore` may
/// run from the panic hook before `enter` or after an earlier restore, and
/// must never wipe the user's shell screen.
static IN_ALTERNATE_SCREEN: AtomicBool = AtomicBool::new(false);

/// Put `text` on the system clipboard through the terminal (OSC 52): it
/// works over SSH and needs no clipboard tool. The text travels base64
/// encoded, so nothing in it can act as a terminal sequence.
pub fn write_clipboard(out: &mut impl Write, text: &str) -> io::Result<()> {
    execute!(
        out,
        crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
    )
}

/// Restores the terminal when dropped: on return, on `?`, on unwinding.
/// (Also the teacher's screen of `stances serve`.)
pub struct TerminalGuard;

impl TerminalGuard {
    /// Take the terminal (raw mode, alternate screen, mouse, paste), with
    /// the panic hook that gives it back.
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        // From here on, any failure must still restore: hence the guard
        // exists before the escape sequences are written.
        let guard = TerminalGuard;
        take_terminal()?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen, mouse reporting and bracketed paste
/// on, the cursor hidden: at start, and again after a suspend.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    IN_ALTERNATE_SCREEN.store(true, Ordering::SeqCst);
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Stop like any program on Ctrl-Z or SIGTSTP (as less and vim do): give
/// the terminal back as the shell left it, stop, and on `fg` (SIGCONT)
/// take it again and redraw every cell, as the screen may hold anything.
fn suspend(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> io::Result<()> {
    restore();
    // SIGTSTP is caught (to get here), so stop the way its default
    // action would; this returns once the process is continued.
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    take_terminal()?;
    forget_screen(terminal)
}

/// Make the next frame draw every cell: the screen is cleared, and what
/// ratatui remembers of it emptied. (`Terminal::clear` would ask the
/// terminal where its cursor is, and the input thread would take the
/// answer.)
fn forget_screen(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> io::Result<()> {
    execute!(
        terminal.backend_mut(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    terminal.draw(|_| {})?;
    Ok(())
}

/// One frame, wrapped in a synchronized update (mode 2026) so that the
/// terminal shows it whole: slow links and projectors never show half a
/// frame. Terminals without the mode ignore it.
fn draw(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &App,
    theme: &Theme,
) -> io::Result<()> {
    crossterm::queue!(
        terminal.backend_mut(),
        crossterm::terminal::BeginSynchronizedUpdate
    )?;
    terminal.draw(|f| ui::draw(f, app, theme))?;
    execute!(
        terminal.backend_mut(),
        crossterm::terminal::EndSynchronizedUpdate
    )
}

/// Undo everything `TerminalGuard::enter` did, in reverse order. Safe to
/// call twice; errors are ignored because there is nothing left to do.
pub fn restore() {
    let mut out = stdout();
    if IN_ALTERNATE_SCREEN.swap(false, Ordering::SeqCst) {
        // Blank the alternate screen before leaving it. Some terminals
        // (tmux, after a resize) shrink it back to the old size on the way
        // out and push its top rows into the shell's scrollback: a blank
        // screen with the cursor home leaves nothing to push.
        let _ = execute!(
            out,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            cursor::MoveTo(0, 0)
        );
    }
    let _ = execute!(
        out,
        cursor::Show,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// A panic on any thread restores the terminal before the message is
/// printed, so the message is readable and the shell is usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
