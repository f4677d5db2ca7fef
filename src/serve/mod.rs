//! `stances serve`: a live class over SSH. Every student joins with the
//! `ssh` their laptop already has and gets their own explorer (the same
//! `App`, `update` and `ui` as the local one, drawn into their channel);
//! the teacher's explorer leads, asks quiz questions and polls the class.
//!
//! Layering: above `tui` (the teacher's screen is an explorer with a Class
//! panel), below `commands`. Nothing here runs unless `serve` is asked
//! for: the tokio runtime is built by [`Server::start`], so the local
//! explorer starts as fast as before.
//!
//! Pieces: [`class`] is the class state and its pure update; [`keys`]
//! reads a channel's bytes as key events; [`names`] makes usernames safe
//! to show; [`auth`] the code check and the per-address limit; [`host_key`] the persistent key;
//! `ssh` the russh handler (what is refused); `student` one student's
//! session; `overlay` what the class adds to a student's screen;
//! [`panel`] the teacher's Class panel; [`results`] the export.

pub mod auth;
pub mod class;
pub mod host_key;
pub mod keys;
pub mod names;
mod overlay;
pub mod panel;
pub mod results;
mod ssh;
mod student;
pub mod teacher;
mod widgets;

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::keys::{PrivateKey, PublicKey};
use tokio::sync::watch;

use crate::app::quiz::{Question, Quiz};
use crate::data::Dataset;
use crate::search::Index;
use crate::ui::ThemeKind;
use class::{Class, ClassAction, Lead};

/// Everything the server is started with.
#[derive(Clone)]
pub struct Config {
    /// Addresses to listen on; empty: every interface, IPv4 and IPv6.
    pub bind: Vec<IpAddr>,
    /// 0 lets the system choose (tests).
    pub port: u16,
    /// The password students type.
    pub code: String,
    pub max_students: usize,
    /// Keys that may join without the code (`--authorized-keys`).
    pub authorized_keys: Vec<PublicKey>,
    pub host_key: PrivateKey,
    /// A student who presses no key for this long is disconnected.
    pub idle_timeout: Duration,
    /// How long a wrong code waits before its answer (russh keeps every
    /// rejection this long, so a wrong guess costs the guesser time).
    pub auth_delay: Duration,
    /// Wrong codes allowed per address in `failure_window`.
    pub max_failures: usize,
    pub failure_window: Duration,
    pub theme: ThemeKind,
    pub no_color: bool,
    /// Seed of the live quiz's questions.
    pub quiz_seed: u64,
}

/// The largest terminal a student's screen is drawn for: larger windows
/// are drawn at this size (a frame's cost stays bounded).
pub const MAX_COLUMNS: u16 = 400;
pub const MAX_ROWS: u16 = 200;

impl Config {
    /// The defaults of `stances serve`, with this code and host key.
    pub fn new(code: String, host_key: PrivateKey) -> Config {
        Config {
            bind: Vec::new(),
            port: 2222,
            code,
            max_students: 60,
            authorized_keys: Vec::new(),
            host_key,
            idle_timeout: Duration::from_secs(45 * 60),
            auth_delay: Duration::from_secs(1),
            max_failures: 10,
            failure_window: Duration::from_secs(60),
            theme: ThemeKind::Dark,
            no_color: false,
            quiz_seed: 0,
        }
    }
}

/// State shared by every connection and the teacher.
pub(crate) struct Hub {
    pub config: Config,
    pub data: Arc<Dataset>,
    pub index: Arc<Index>,
    class: Mutex<Class>,
    /// The class's version, sent on every change.
    changed: watch::Sender<u64>,
    pub limiter: Mutex<auth::Limiter>,
    /// Connections not yet authenticated, and sessions, at this moment.
    pub connections: AtomicU64,
    next_id: AtomicU64,
    quiz: Mutex<QuizDraw>,
    /// Names given out, for the duplicate suffix. Never given back: the
    /// results name each student once, even after they leave.
    names: Mutex<names::Roster>,
    /// Student sessions still running (the shutdown waits for them to
    /// restore their terminals).
    pub sessions: AtomicU64,
}

struct QuizDraw {
    quiz: Option<Result<Quiz, String>>,
    next: usize,
}

/// Seconds since the epoch: the time stamps of the results.
pub(crate) fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Hub {
    pub fn class(&self) -> std::sync::MutexGuard<'_, Class> {
        self.class.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn apply(&self, action: ClassAction) {
        let version = {
            let mut class = self.class();
            class::update(&mut class, action);
            class.version
        };
        self.changed.send_replace(version);
    }

    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.changed.subscribe()
    }

    pub fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::SeqCst)
    }

    /// A unique display name for `raw` (sanitised by `names`).
    pub fn claim_name(&self, raw: &str) -> String {
        let mut names = self.names.lock().unwrap_or_else(|e| e.into_inner());
        names.join(raw)
    }

    /// The next question of the live quiz, or why there is none.
    pub fn next_question(&self) -> Result<Question, String> {
        let mut draw = self.quiz.lock().unwrap_or_else(|e| e.into_inner());
        let seed = self.config.quiz_seed;
        let data = &self.data;
        // "Who said it?", as the class quiz asks.
        let quiz = draw
            .quiz
            .get_or_insert_with(|| Quiz::new(data, crate::quiz::Kind::Who, seed));
        let quiz = match quiz {
            Ok(q) => q.clone(),
            Err(e) => return Err(e.clone()),
        };
        let n = draw.next;
        match quiz.round.question(data, n % quiz.len().max(1)) {
            Some(q) => {
                draw.next += 1;
                Ok(q)
            }
            None => Err("The quiz has no questions.".to_string()),
        }
    }
}

/// A running class server. Dropping it without [`Server::shutdown`] ends
/// the class too, less politely.
pub struct Server {
    hub: Arc<Hub>,
    addrs: Vec<SocketAddr>,
    runtime: Option<tokio::runtime::Runtime>,
    stop: watch::Sender<bool>,
}

impl Server {
    /// Bind, and serve in the background on a runtime of its own.
    pub fn start(config: Config, data: Arc<Dataset>) -> io::Result<Server> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("stances-serve")
            .enable_all()
            .build()?;
        let index = Arc::new(Index::new(Arc::clone(&data)));
        let (changed, _) = watch::channel(0);
        let (stop, _) = watch::channel(false);
        let hub = Arc::new(Hub {
            limiter: Mutex::new(auth::Limiter::new(
                config.max_failures,
                config.failure_window,
            )),
            class: Mutex::new(Class::new(config.max_students)),
            config,
            data,
            index,
            changed,
            connections: AtomicU64::new(0),
            next_id: AtomicU64::new(1),
            quiz: Mutex::new(QuizDraw {
                quiz: None,
                next: 0,
            }),
            names: Mutex::new(names::Roster::new()),
            sessions: AtomicU64::new(0),
        });
        let listeners = runtime.block_on(bind(&hub.config))?;
        let addrs = listeners
            .iter()
            .map(|l| l.local_addr())
            .collect::<io::Result<Vec<_>>>()?;
        let russh_config = Arc::new(ssh::russh_config(&hub.config));
        for listener in listeners {
            runtime.spawn(ssh::accept(
                listener,
                Arc::clone(&hub),
                Arc::clone(&russh_config),
                stop.subscribe(),
            ));
        }
        Ok(Server {
            hub,
            addrs,
            runtime: Some(runtime),
            stop,
        })
    }

    /// The addresses listened on (port 0 resolved).
    pub fn local_addrs(&self) -> &[SocketAddr] {
        &self.addrs
    }

    /// The first address listened on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addrs[0]
    }

    pub fn code(&self) -> &str {
        &self.hub.config.code
    }

    pub fn fingerprint(&self) -> String {
        host_key::fingerprint(&self.hub.config.host_key)
    }

    pub fn data(&self) -> &Arc<Dataset> {
        &self.hub.data
    }

    /// The search index every session shares.
    pub fn index(&self) -> Arc<Index> {
        Arc::clone(&self.hub.index)
    }

    /// Call `f` (on a runtime thread) after every change of the class.
    pub fn on_change(&self, f: impl Fn() + Send + 'static) {
        let mut rx = self.hub.subscribe();
        if let Some(runtime) = &self.runtime {
            runtime.spawn(async move {
                while rx.changed().await.is_ok() {
                    f();
                }
            });
        }
    }

    /// The class as it is now.
    pub fn class(&self) -> Class {
        self.hub.class().clone()
    }

    /// Tells when the class changes (its version).
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.hub.subscribe()
    }

    /// Wait until the class's version passes `version`, or `timeout`.
    pub fn wait_for_change(&self, version: u64, timeout: Duration) -> u64 {
        let mut rx = self.hub.subscribe();
        let handle = self.runtime.as_ref().map(|r| r.handle().clone());
        let Some(handle) = handle else { return version };
        handle.block_on(async {
            let _ = tokio::time::timeout(timeout, rx.wait_for(|v| *v > version)).await;
        });
        *rx.borrow()
    }

    /// Change the class as the teacher.
    pub fn apply(&self, action: ClassAction) {
        self.hub.apply(action);
    }

    /// Lead from this view and slide; students follow.
    pub fn lead(&self, lead: Lead) {
        self.apply(ClassAction::Lead(lead));
    }

    pub fn stop_leading(&self) {
        self.apply(ClassAction::StopLeading);
    }

    /// Put the next quiz question to the class.
    pub fn ask_next(&self) -> Result<Question, String> {
        let question = self.hub.next_question()?;
        self.apply(ClassAction::Ask {
            question: question.clone(),
            at: now(),
        });
        Ok(question)
    }

    pub fn reveal(&self) {
        self.apply(ClassAction::Reveal);
    }

    pub fn show_scores(&self) {
        self.apply(ClassAction::ShowScores);
    }

    pub fn open_poll(&self) {
        self.apply(ClassAction::OpenPoll { at: now() });
    }

    pub fn close_poll(&self) {
        self.apply(ClassAction::ClosePoll);
    }

    /// The results so far, as the export writes them.
    pub fn results(&self) -> results::Results {
        results::Results::of(&self.hub.class(), &self.hub.data)
    }

    /// End the class: every student is told, their terminal restored and
    /// their connection closed (waiting at most `grace` for slow ones).
    pub fn shutdown(mut self, grace: Duration) {
        self.end(grace);
    }

    fn end(&mut self, grace: Duration) {
        let Some(runtime) = self.runtime.take() else {
            return;
        };
        self.hub.apply(ClassAction::End { at: now() });
        let _ = self.stop.send(true);
        let hub = Arc::clone(&self.hub);
        runtime.block_on(async {
            let _ = tokio::time::timeout(grace, async {
                while hub.sessions.load(Ordering::SeqCst) > 0 {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            })
            .await;
        });
        runtime.shutdown_timeout(Duration::from_millis(200));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.end(Duration::from_millis(500));
    }
}

/// The listeners: each given address, or every interface. On systems
/// where `[::]` also takes IPv4 (Linux by default), binding 0.0.0.0 after
/// it fails and is not needed.
async fn bind(config: &Config) -> io::Result<Vec<tokio::net::TcpListener>> {
    let mut listeners = Vec::new();
    if config.bind.is_empty() {
        let v6 = tokio::net::TcpListener::bind((Ipv6Addr::UNSPECIFIED, config.port)).await;
        let port = match &v6 {
            Ok(l) => l.local_addr()?.port(),
            Err(_) => config.port,
        };
        let v4 = tokio::net::TcpListener::bind((Ipv4Addr::UNSPECIFIED, port)).await;
        match (v6, v4) {
            (Ok(a), Ok(b)) => listeners.extend([a, b]),
            (Ok(a), Err(_)) => listeners.push(a),
            (Err(_), Ok(b)) => listeners.push(b),
            (Err(e), Err(_)) => return Err(e),
        }
    } else {
        let mut port = config.port;
        for ip in &config.bind {
            let l = tokio::net::TcpListener::bind((*ip, port)).await?;
            // With port 0, every address on the port the first one got.
            port = l.local_addr()?.port();
            listeners.push(l);
        }
    }
    Ok(listeners)
}

/// The addresses of this machine's interfaces that a student could
/// type, for the listeners given (loopback last).
pub fn reachable_addresses(listening: &[SocketAddr]) -> Vec<SocketAddr> {
    let port = listening.first().map_or(0, |a| a.port());
    let wildcard = listening.iter().any(|a| a.ip().is_unspecified());
    if !wildcard {
        return listening.to_vec();
    }
    let mut ips = interface_addresses();
    ips.retain(|ip| match ip {
        // Link-local IPv6 needs a zone to be typed: not worth printing.
        IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) != 0xfe80,
        IpAddr::V4(_) => true,
    });
    ips.sort_by_key(|ip| (ip.is_loopback(), ip.is_ipv6()));
    ips.dedup();
    if ips.is_empty() {
        ips.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    ips.into_iter()
        .map(|ip| SocketAddr::new(ip, port))
        .collect()
}

#[cfg(unix)]
fn interface_addresses() -> Vec<IpAddr> {
    let mut out = Vec::new();
    // SAFETY: getifaddrs fills a list we walk read-only and free once.
    unsafe {
        let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
        if libc::getifaddrs(&mut list) != 0 {
            return out;
        }
        let mut cur = list;
        while !cur.is_null() {
            let addr = (*cur).ifa_addr;
            if !addr.is_null() {
                match i32::from((*addr).sa_family) {
                    libc::AF_INET => {
                        let sin = &*(addr as *const libc::sockaddr_in);
                        out.push(IpAddr::V4(Ipv4Addr::from(u32::from_be(
                            sin.sin_addr.s_addr,
                        ))));
                    }
                    libc::AF_INET6 => {
                        let sin6 = &*(addr as *const libc::sockaddr_in6);
                        out.push(IpAddr::V6(Ipv6Addr::from(sin6.sin6_addr.s6_addr)));
                    }
                    _ => {}
                }
            }
            cur = (*cur).ifa_next;
        }
        libc::freeifaddrs(list);
    }
    out
}

#[cfg(not(unix))]
fn interface_addresses() -> Vec<IpAddr> {
    Vec::new()
}

/// The command a student types to join at `addr`.
pub fn ssh_command(addr: SocketAddr) -> String {
    let host = match addr.ip() {
        IpAddr::V6(v6) => format!("{v6}"),
        IpAddr::V4(v4) => v4.to_string(),
    };
    if addr.port() == 22 {
        format!("ssh yourname@{host}")
    } else {
        format!("ssh -p {} yourname@{host}", addr.port())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ssh_command_names_the_port_unless_it_is_22() {
        let a: SocketAddr = "192.0.2.10:2222".parse().unwrap();
        assert_eq!(ssh_command(a), "ssh -p 2222 yourname@192.0.2.10");
        let b: SocketAddr = "[2001:db8::1]:22".parse().unwrap();
        assert_eq!(ssh_command(b), "ssh yourname@2001:db8::1");
    }
}
