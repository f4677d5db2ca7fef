//! One student's session: their own `App`, drawn by the explorer's `ui`
//! into their SSH channel, with what the class adds on top (`overlay`).
//!
//! Output is bounded: a frame is drawn only when the previous one has
//! been handed to the channel, which waits for the client's window. A
//! student who stops reading therefore holds at most two frames of the
//! server's memory; changes meanwhile are coalesced, and the next frame
//! (a diff against what they last received) brings them up to date.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use russh::ChannelMsg;
use russh::server::Msg;
use tokio::io::AsyncWriteExt;
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;

use super::class::{Activity, Class, ClassAction, StudentId};
use super::keys::KeyDecoder;
use super::overlay::{self, Local};
use super::{Hub, now};
use crate::app::{self, Action, App, Effect};
use crate::ui::{self, Theme, ThemeKind};

/// Input budget: bytes per second a session may send, with this much in
/// one burst (a paste of a long query). More is dropped.
const INPUT_BYTES_PER_SECOND: f64 = 2048.0;
const INPUT_BURST: f64 = 8192.0;
/// A lone Esc is a key when nothing follows it for this long.
const ESC_WAIT: Duration = Duration::from_millis(30);

/// Why a session ends, as the student is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    ClassEnded,
    Quit,
    Idle,
    Full,
    Gone,
}

impl End {
    fn message(self) -> &'static str {
        match self {
            End::ClassEnded => "The class has ended. Thank you for taking part.",
            End::Quit => "You left the class.",
            End::Idle => "You were disconnected after a long time without a key pressed.",
            End::Full => "The class is full: ask your teacher.",
            End::Gone => "",
        }
    }
}

/// Counts the session for the shutdown, which waits for every student's
/// terminal to be restored.
struct Running(Arc<Hub>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.sessions.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The terminal modes a session turns on, and what turns them off.
/// The alternate screen, the cursor hidden, mouse reports (clicks,
/// drags, the wheel, in SGR form) and bracketed paste.
const SETUP: &str = "\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[?1002h\x1b[?1006h\x1b[?2004h\x1b[2J\x1b[H";
/// Everything SETUP turned on, off again, the colours reset and the
/// screen blank before leaving it (as `tui::restore` does).
const RESTORE: &str = "\x1b[2J\x1b[H\x1b[0m\x1b[?25h\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l";

pub(super) async fn run(
    hub: Arc<Hub>,
    channel: russh::Channel<Msg>,
    user: String,
    size: (u16, u16),
) {
    hub.sessions.fetch_add(1, Ordering::SeqCst);
    let _running = Running(Arc::clone(&hub));
    let (mut read, write) = channel.split();
    let (frames, mut to_send) = mpsc::channel::<Vec<u8>>(1);
    let mut writer = write.make_writer();
    let writer_task = tokio::spawn(async move {
        while let Some(frame) = to_send.recv().await {
            if writer.write_all(&frame).await.is_err() || writer.flush().await.is_err() {
                break;
            }
        }
    });

    let end = if hub.class().is_full() {
        End::Full
    } else {
        let id = hub.next_id();
        let name = hub.claim_name(&user);
        hub.apply(ClassAction::Join {
            id,
            name,
            at: now(),
        });
        let end = serve(&hub, id, size, &mut read, &frames).await;
        hub.apply(ClassAction::Leave { id, at: now() });
        end
    };
    if end != End::Gone {
        let goodbye = format!("{RESTORE}{}\r\n", end.message());
        let _ =
            tokio::time::timeout(Duration::from_secs(2), frames.send(goodbye.into_bytes())).await;
    }
    drop(frames);
    let _ = tokio::time::timeout(Duration::from_secs(2), writer_task).await;
    let _ = write.exit_status(0).await;
    let _ = write.eof().await;
    let _ = write.close().await;
}

async fn serve(
    hub: &Arc<Hub>,
    id: StudentId,
    size: (u16, u16),
    read: &mut russh::ChannelReadHalf,
    frames: &mpsc::Sender<Vec<u8>>,
) -> End {
    let Ok(mut seat) = Seat::new(hub, id, size) else {
        return End::Gone;
    };
    if frames.send(SETUP.as_bytes().to_vec()).await.is_err() {
        return End::Gone;
    }
    let mut class_changes = hub.subscribe();
    let (results_tx, mut results) = watch::channel(None);
    seat.results = Some(results_tx);
    let mut esc_deadline: Option<Instant> = None;
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut last_key = Instant::now();
    loop {
        let dirty = seat.dirty;
        tokio::select! {
            msg = read.wait() => match msg {
                Some(ChannelMsg::Data { data }) => {
                    last_key = Instant::now();
                    seat.input(&data);
                    esc_deadline = Some(Instant::now() + ESC_WAIT);
                }
                Some(ChannelMsg::WindowChange { col_width, row_height, .. }) => {
                    seat.resize(col_width, row_height);
                }
                Some(ChannelMsg::Eof | ChannelMsg::Close) | None => return End::Gone,
                Some(_) => {}
            },
            changed = class_changes.changed() => {
                if changed.is_err() {
                    return End::ClassEnded;
                }
                seat.class_changed();
            }
            changed = results.changed() => {
                if changed.is_ok() {
                    let update = results.borrow_and_update().clone();
                    if let Some(update) = update {
                        seat.act(Action::SearchResults(update));
                    }
                }
            }
            _ = sleep_until(esc_deadline), if esc_deadline.is_some() => {
                esc_deadline = None;
                seat.flush_input();
            }
            _ = tick.tick() => {
                seat.refill();
                if last_key.elapsed() > hub.config.idle_timeout {
                    return End::Idle;
                }
            }
            permit = frames.reserve(), if dirty => match permit {
                Ok(permit) => permit.send(seat.frame()),
                Err(_) => return End::Gone,
            },
        }
        if seat.class.ended {
            return End::ClassEnded;
        }
        if seat.app.requests.quit {
            return End::Quit;
        }
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

pub(super) struct Seat {
    hub: Arc<Hub>,
    pub id: StudentId,
    pub app: App,
    terminal: Terminal<CrosstermBackend<Sink>>,
    /// What the terminal wrote, taken after each frame.
    sink: Sink,
    theme: Theme,
    theme_kind: ThemeKind,
    decoder: KeyDecoder,
    /// A copy of the class, taken when it changes (drawing never locks).
    pub class: Class,
    pub local: Local,
    pub dirty: bool,
    /// The latest window size the client sent, not yet drawn at.
    pending_size: Option<(u16, u16)>,
    budget: f64,
    /// Bytes for the student's terminal before the next frame (a copy to
    /// their clipboard).
    extra: Vec<u8>,
    worker: Option<crate::search::worker::Worker>,
    results: Option<watch::Sender<Option<crate::search::worker::Update>>>,
}

impl Seat {
    fn new(hub: &Arc<Hub>, id: StudentId, (columns, rows): (u16, u16)) -> std::io::Result<Seat> {
        let area = Rect::new(0, 0, columns, rows);
        let mut app = App::with_index(Arc::clone(&hub.data), Arc::clone(&hub.index), area);
        app.quiz.seed = hub.config.quiz_seed.wrapping_add(id);
        let sink = Sink::default();
        let terminal = Terminal::with_options(
            CrosstermBackend::new(sink.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )?;
        let mut seat = Seat {
            hub: Arc::clone(hub),
            id,
            app,
            terminal,
            sink,
            theme: Theme::new(hub.config.theme, hub.config.no_color),
            theme_kind: hub.config.theme,
            decoder: KeyDecoder::new(),
            class: hub.class().clone(),
            local: Local::default(),
            dirty: true,
            pending_size: None,
            budget: INPUT_BURST,
            extra: Vec::new(),
            worker: None,
            results: None,
        };
        seat.follow();
        Ok(seat)
    }

    fn refill(&mut self) {
        self.budget = (self.budget + INPUT_BYTES_PER_SECOND).min(INPUT_BURST);
    }

    fn input(&mut self, bytes: &[u8]) {
        let allowed = (self.budget.max(0.0) as usize).min(bytes.len());
        self.budget -= allowed as f64;
        let mut events = Vec::new();
        self.decoder.feed(&bytes[..allowed], &mut events);
        for event in events {
            self.event(event);
        }
    }

    fn flush_input(&mut self) {
        let mut events = Vec::new();
        self.decoder.flush(&mut events);
        for event in events {
            self.event(event);
        }
    }

    /// A window change is only noted: the next frame takes the latest
    /// one. A client can send thousands a second, and each applied one
    /// costs a whole frame; noted, a burst costs one.
    fn resize(&mut self, columns: u32, rows: u32) {
        let size = (
            columns.clamp(1, u32::from(super::MAX_COLUMNS)) as u16,
            rows.clamp(1, u32::from(super::MAX_ROWS)) as u16,
        );
        if size != (self.app.screen.size.width, self.app.screen.size.height)
            || self.pending_size.is_some()
        {
            self.pending_size = Some(size);
            self.dirty = true;
        }
    }

    fn apply_resize(&mut self) {
        let Some((c, r)) = self.pending_size.take() else {
            return;
        };
        if (c, r) == (self.app.screen.size.width, self.app.screen.size.height) {
            return;
        }
        let area = Rect::new(0, 0, c, r);
        let _ = self.terminal.resize(area);
        self.act(Action::Resize {
            width: c,
            height: r,
        });
        self.dirty = true;
    }

    fn class_changed(&mut self) {
        let class = self.hub.class().clone();
        let before = overlay::seen(&self.class, self.id);
        let activity_changed = class.activity != self.class.activity;
        self.class = class;
        if activity_changed {
            self.local.cursor = 0;
        }
        if overlay::seen(&self.class, self.id) != before {
            self.follow();
            self.dirty = true;
        }
    }

    /// Show what the teacher shows, while following.
    fn follow(&mut self) {
        let Some(lead) = self.class.lead_for(self.id) else {
            return;
        };
        if self.app.screen.help.is_some() {
            self.app.screen.help = None;
        }
        if self.app.search.is_some() {
            app::update(&mut self.app, Action::Clear);
        }
        if self.app.view != lead.view {
            app::update(&mut self.app, Action::SwitchView(lead.view));
        }
        let last = self.app.corpus.data.tour.len().saturating_sub(1);
        self.app.tour.step = lead.tour_step.min(last);
        self.dirty = true;
    }

    fn act(&mut self, action: Action) {
        let applied = app::input::apply_action(&mut self.app, action);
        self.run_effects(applied.effects);
        self.dirty = true;
    }

    /// A terminal event for the explorer, as the local one applies it.
    fn apply(&mut self, event: Event) {
        let applied = app::input::apply_event(&mut self.app, event);
        if applied.changed {
            self.dirty = true;
        }
        self.run_effects(applied.effects);
    }

    fn run_effects(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Search { generation, query } => self.worker().search(generation, query),
                Effect::NewIndex(_) => {}
                Effect::Copy(text) => {
                    let _ = crate::tui::write_clipboard(&mut self.extra, &text);
                }
            }
        }
    }

    /// The student's search worker, started at their first search.
    fn worker(&mut self) -> &crate::search::worker::Worker {
        let results = self.results.clone();
        let index = Arc::clone(&self.app.corpus.index);
        self.worker.get_or_insert_with(|| {
            crate::search::worker::Worker::spawn(index, move |update| {
                if let Some(tx) = &results {
                    tx.send_replace(Some(update));
                }
            })
        })
    }

    fn event(&mut self, event: Event) {
        let Event::Key(key) = event else {
            // Clicks, the wheel and pastes go to the explorer, unless the
            // class's overlay is up.
            if !overlay::takes_keys(&self.class, self.id, &self.local)
                && !matches!(event, Event::Resize(..))
            {
                self.apply(event);
            }
            return;
        };
        if key.kind != KeyEventKind::Press {
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.app.requests.quit = true;
            return;
        }
        if overlay::takes_keys(&self.class, self.id, &self.local) {
            self.overlay_key(key);
            self.dirty = true;
            return;
        }
        let plain = self.app.search.is_none() && self.app.screen.help.is_none();
        if plain && key.code == KeyCode::Char('T') {
            // Each student's own colours: a laptop in the sun wants the
            // light theme, a dim room the dark one.
            self.theme_kind = match self.theme_kind {
                ThemeKind::Dark => ThemeKind::Light,
                ThemeKind::Light => ThemeKind::HighContrast,
                ThemeKind::HighContrast => ThemeKind::Dark,
            };
            self.theme = Theme::new(self.theme_kind, self.hub.config.no_color);
            self.dirty = true;
            return;
        }
        if plain && key.code == KeyCode::Char('f') && self.class.lead.is_some() {
            self.hub.apply(ClassAction::Rejoin(self.id));
            return;
        }
        if self.class.lead_for(self.id).is_some() {
            // A key of their own: this student browses alone from here.
            self.hub.apply(ClassAction::Browse(self.id));
            if let Some(s) = self.class.students.iter_mut().find(|s| s.id == self.id) {
                s.following = false;
            }
        }
        self.apply(Event::Key(key));
    }

    fn overlay_key(&mut self, key: KeyEvent) {
        match self.class.activity {
            Activity::Question(n) => {
                let Some(asked) = self.class.asked.get(n) else {
                    return;
                };
                let answered = asked.answers.contains_key(&self.id);
                let choices = asked.question.options.len();
                match key.code {
                    KeyCode::Char(c @ 'a'..='d') if !answered => {
                        self.answer(usize::from(c as u8 - b'a'));
                    }
                    KeyCode::Char(c @ '1'..='4') if !answered => {
                        self.answer(usize::from(c as u8 - b'1'));
                    }
                    KeyCode::Up | KeyCode::Char('k') => {
                        self.local.cursor = self.local.cursor.saturating_sub(1);
                    }
                    KeyCode::Down | KeyCode::Char('j') => {
                        self.local.cursor = (self.local.cursor + 1).min(choices.saturating_sub(1));
                    }
                    KeyCode::Enter if !answered => self.answer(self.local.cursor),
                    KeyCode::Esc | KeyCode::Enter if answered || asked.revealed => {
                        self.local.closed = Some(self.class.round);
                    }
                    KeyCode::Char('q') => self.app.requests.quit = true,
                    _ => {}
                }
            }
            Activity::Poll => {
                let placed = self
                    .class
                    .poll
                    .as_ref()
                    .is_some_and(|p| p.places.contains_key(&self.id));
                let (x, y) = &mut self.local.poll;
                match key.code {
                    KeyCode::Left | KeyCode::Char('h') => *x = (*x - 1).max(-10),
                    KeyCode::Right | KeyCode::Char('l') => *x = (*x + 1).min(10),
                    KeyCode::Up | KeyCode::Char('k') => *y = (*y + 1).min(10),
                    KeyCode::Down | KeyCode::Char('j') => *y = (*y - 1).max(-10),
                    KeyCode::Enter => {
                        let (x, y) = self.local.poll;
                        self.hub.apply(ClassAction::Place {
                            id: self.id,
                            x: f64::from(x) / 10.0,
                            y: f64::from(y) / 10.0,
                            at: now(),
                        });
                    }
                    KeyCode::Esc if placed => {
                        self.local.closed = Some(self.class.round);
                    }
                    KeyCode::Char('q') => self.app.requests.quit = true,
                    _ => {}
                }
            }
            Activity::Scores => match key.code {
                KeyCode::Esc | KeyCode::Enter => {
                    self.local.closed = Some(self.class.round);
                }
                KeyCode::Char('q') => self.app.requests.quit = true,
                _ => {}
            },
            Activity::Browsing => {}
        }
    }

    fn answer(&mut self, option: usize) {
        self.local.cursor = option;
        self.hub.apply(ClassAction::Answer {
            id: self.id,
            option,
            at: now(),
        });
    }

    /// The next frame: what changed since the last one the student got,
    /// inside a synchronized update.
    fn frame(&mut self) -> Vec<u8> {
        self.apply_resize();
        self.dirty = false;
        let mut out = std::mem::take(&mut self.extra);
        out.extend_from_slice(b"\x1b[?2026h");
        let (app, theme, class, local, id) =
            (&self.app, &self.theme, &self.class, &self.local, self.id);
        let drawn = self.terminal.draw(|f| {
            ui::draw(f, app, theme);
            let area = f.area();
            let seat = overlay::Seat {
                app,
                theme,
                class,
                id,
                local,
            };
            overlay::draw(f.buffer_mut(), area, &seat);
        });
        if drawn.is_err() {
            return out;
        }
        out.append(&mut self.sink.take());
        out.extend_from_slice(b"\x1b[?2026l");
        out
    }
}

/// Where a student's terminal writes: a buffer the session takes each
/// frame from.
#[derive(Debug, Clone, Default)]
struct Sink(Arc<std::sync::Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
