//! The teacher's screen: their own explorer, with the Class panel beside
//! it (or instead of it, toggled with C, on terminals under 100 columns).
//! The explorer's keys work as in `stances`; the class keys (capitals,
//! see `panel::CLASS_KEYS`) lead the class, ask, reveal and poll.

use std::io::{self, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use super::Server;
use super::class::{Activity, ClassAction, Lead};
use super::panel::{self, Command};
use crate::app::{self, Action, App, Effect};
use crate::ui::{self, Theme, ThemeKind};

pub struct Options {
    pub theme: ThemeKind,
    pub no_color: bool,
    pub keymap: Arc<app::keymap::Keymap>,
    pub seed: u64,
    /// Where the results go, written after every reveal, poll and at the end.
    pub results: Option<PathBuf>,
    /// The line saying how to join, for the panel.
    pub joining: String,
    /// Open the teacher's explorer in presenter mode (`--present`).
    pub present: bool,
}

enum Message {
    Input(Event),
    Class,
    Search(crate::search::worker::Update),
    InputClosed,
}

/// The width from which the panel sits beside the explorer.
const SIDE_BY_SIDE: u16 = 100;

/// The teacher's state beyond their `App`.
struct Desk {
    app: App,
    /// The whole terminal (the explorer gets part of it).
    screen: Rect,
    show_panel: bool,
    notice: Option<String>,
    leading: bool,
    /// What was last sent as the lead, to send it again only on change.
    sent_lead: Option<Lead>,
}

/// Run the teacher's screen until they quit; the class then ends.
pub fn run(server: &Server, options: Options) -> io::Result<()> {
    let _guard = crate::tui::TerminalGuard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    let size = terminal.size()?;
    let full = Rect::new(0, 0, size.width, size.height);
    let mut app = App::with_index(Arc::clone(server.data()), server.index(), full);
    app.keymap = options.keymap.clone();
    app.quiz.seed = options.seed;
    app.screen.present = options.present;
    let theme = Theme::new(options.theme, options.no_color);
    crossterm::style::force_color_output(!options.no_color);
    let mut desk = Desk {
        app,
        screen: full,
        show_panel: true,
        notice: None,
        leading: false,
        sent_lead: None,
    };
    desk.fit(full);

    let (tx, rx) = mpsc::channel();
    crate::tui::spawn_input_reader(tx.clone(), Message::Input, Message::InputClosed);
    let to_loop = tx.clone();
    server.on_change(move || {
        let _ = to_loop.send(Message::Class);
    });
    let to_loop = tx.clone();
    let worker = crate::search::worker::Worker::spawn(server.index(), move |u| {
        let _ = to_loop.send(Message::Search(u));
    });
    draw(&mut terminal, &desk, server, &options, &theme)?;
    while let Ok(first) = rx.recv() {
        for message in std::iter::once(first).chain(rx.try_iter()) {
            match message {
                Message::Input(Event::Resize(w, h)) => desk.fit(Rect::new(0, 0, w, h)),
                Message::Input(event) => desk.input(server, &options, event),
                Message::Class => {}
                Message::Search(update) => {
                    app::update(&mut desk.app, Action::SearchResults(update))
                }
                Message::InputClosed => desk.app.requests.quit = true,
            }
            for effect in desk.app.take_effects() {
                match effect {
                    Effect::Search { generation, query } => worker.search(generation, query),
                    Effect::NewIndex(index) => worker.set_index(index),
                    Effect::Copy(text) => {
                        let _ = crate::tui::write_clipboard(&mut stdout(), &text);
                    }
                }
            }
            desk.send_lead(server);
            if desk.app.requests.quit {
                break;
            }
        }
        if desk.app.requests.quit {
            break;
        }
        draw(&mut terminal, &desk, server, &options, &theme)?;
    }
    Ok(())
}

impl Desk {
    /// Where the explorer goes, and the panel, in `area`.
    fn split(&self, area: Rect) -> (Rect, Option<Rect>) {
        if !self.show_panel {
            return (area, None);
        }
        if area.width >= SIDE_BY_SIDE {
            let panel_width = (area.width / 3).max(36);
            let explorer = Rect {
                width: area.width - panel_width,
                ..area
            };
            let panel = Rect {
                x: explorer.right(),
                width: panel_width,
                ..area
            };
            (explorer, Some(panel))
        } else {
            (Rect::default(), Some(area))
        }
    }

    fn fit(&mut self, area: Rect) {
        self.screen = area;
        let (explorer, _) = self.split(area);
        let explorer = if explorer.is_empty() { area } else { explorer };
        app::update(
            &mut self.app,
            Action::Resize {
                width: explorer.width,
                height: explorer.height,
            },
        );
    }

    fn input(&mut self, server: &Server, options: &Options, event: Event) {
        if let Event::Key(key) = event
            && key.kind == KeyEventKind::Press
            && !key.modifiers.contains(KeyModifiers::CONTROL)
            && self.app.search.is_none()
            && self.app.screen.help.is_none()
            && let KeyCode::Char(c) = key.code
            && let Some(command) = panel::command_for(c)
        {
            self.command(server, options, command);
            return;
        }
        // While the panel fills a narrow screen, the explorer's keys wait.
        let (explorer, _) = self.split(self.screen);
        if explorer.is_empty() && self.show_panel {
            if let Event::Key(key) = event
                && matches!(key.code, KeyCode::Char('q'))
            {
                self.app.requests.quit = true;
            }
            return;
        }
        // As the local explorer applies it; the loop runs the effects.
        let applied = app::input::apply_event(&mut self.app, event);
        self.app.requests.effects.extend(applied.effects);
    }

    fn command(&mut self, server: &Server, options: &Options, command: Command) {
        let class = server.class();
        self.notice = None;
        match command {
            Command::Lead => {
                self.sent_lead = None;
                if self.leading {
                    self.leading = false;
                    server.stop_leading();
                    self.notice = Some("Students browse on their own.".into());
                } else {
                    self.leading = true;
                    self.send_lead(server);
                    self.notice = Some("Students follow your view and slide.".into());
                }
            }
            Command::Ask => match server.ask_next() {
                Ok(_) => self.show_panel = true,
                Err(e) => self.notice = Some(e),
            },
            Command::Reveal => {
                if matches!(class.activity, Activity::Question(_)) {
                    server.reveal();
                    self.save(server, options);
                } else {
                    self.notice = Some("No question to reveal: A asks one.".into());
                }
            }
            Command::Scores => {
                server.show_scores();
                self.show_panel = true;
                self.save(server, options);
            }
            Command::Poll => {
                let open = class.poll.as_ref().is_some_and(|p| p.open);
                if open && class.activity == Activity::Poll {
                    server.close_poll();
                    self.save(server, options);
                } else {
                    server.open_poll();
                    self.show_panel = true;
                }
            }
            Command::EndActivity => {
                server.apply(ClassAction::EndActivity);
                self.save(server, options);
            }
            Command::Names => server.apply(ClassAction::ToggleNames),
            Command::Panel => {
                self.show_panel = !self.show_panel;
                self.fit(self.screen);
            }
        }
    }

    /// While leading, send the lead whenever the teacher's view or slide
    /// changes.
    fn send_lead(&mut self, server: &Server) {
        if !self.leading {
            return;
        }
        let lead = Lead {
            view: self.app.view,
            tour_step: self.app.tour.step,
        };
        if self.sent_lead != Some(lead) {
            server.lead(lead);
            self.sent_lead = Some(lead);
        }
    }

    fn save(&mut self, server: &Server, options: &Options) {
        if let Some(path) = &options.results
            && let Err(e) = server.results().write(path)
        {
            self.notice = Some(format!("Could not write {}: {e}", path.display()));
        }
    }
}

fn draw(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    desk: &Desk,
    server: &Server,
    options: &Options,
    theme: &Theme,
) -> io::Result<()> {
    let class = server.class();
    terminal.draw(|f| {
        let area = f.area();
        let (explorer, panel_area) = desk.split(area);
        if !explorer.is_empty() {
            ui::render(&desk.app, theme, explorer, f.buffer_mut());
        }
        if let Some(p) = panel_area {
            let header = panel::Header {
                code: server.code(),
                joining: &options.joining,
                notice: desk.notice.as_deref(),
            };
            panel::render(
                &desk.app.corpus.data,
                &class,
                &header,
                theme,
                p,
                f.buffer_mut(),
            );
        }
    })?;
    Ok(())
}
