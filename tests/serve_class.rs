//! The class server driven as a class meets it, in-process: the library's
//! `Server` on 127.0.0.1 port 0, the teacher's side through its API, and
//! students as russh clients whose output goes through a terminal
//! emulator (vt100), so each check reads what a student's screen shows.
//! (tests/serve.rs drives the real binary with OpenSSH.)

use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client;
use russh::{ChannelMsg, Disconnect};
use stances::app::View;
use stances::serve::class::{Activity, Lead};
use stances::serve::{Config, Server, host_key};

#[path = "support/ssh.rs"]
mod ssh;
use ssh::Trusting;

const CODE: &str = "test-otter-42";

fn server() -> Server {
    let mut config = Config::new(CODE.to_string(), host_key::generate().unwrap());
    config.bind = vec!["127.0.0.1".parse().unwrap()];
    config.port = 0;
    config.auth_delay = Duration::from_millis(50);
    config.quiz_seed = 7;
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    Server::start(config, Arc::new(data)).unwrap()
}

struct Student {
    _handle: client::Handle<Trusting>,
    channel: russh::Channel<client::Msg>,
    screen: vt100::Parser,
    /// Every byte received, for the checks on terminal modes.
    raw: Vec<u8>,
    closed: bool,
}

async fn connect(addr: std::net::SocketAddr) -> client::Handle<Trusting> {
    let config = Arc::new(client::Config::default());
    client::connect(config, addr, Trusting).await.unwrap()
}

async fn join(addr: std::net::SocketAddr, name: &str, cols: u16, rows: u16) -> Student {
    let mut handle = connect(addr).await;
    let channel = ssh::open_shell(&mut handle, name, CODE, cols.into(), rows.into())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut s = Student {
        _handle: handle,
        channel,
        screen: vt100::Parser::new(nz(rows), nz(cols), 0),
        raw: Vec::new(),
        closed: false,
    };
    s.wait_for("Explore").await;
    s
}

impl Student {
    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Read until the screen shows `what` (or fail after 10 s).
    async fn wait_for(&mut self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.text().contains(what) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero() && !self.closed,
                "never showed {what:?}:\n{}",
                self.text()
            );
            match tokio::time::timeout(left, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => {
                    self.screen.process(&data);
                    self.raw.extend_from_slice(&data);
                }
                Ok(Some(ChannelMsg::Eof | ChannelMsg::Close)) | Ok(None) => self.closed = true,
                _ => {}
            }
        }
    }

    /// Read until `f` holds of the screen (or fail after 10 s).
    async fn wait_until(&mut self, what: &str, f: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !f(self.screen.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero() && !self.closed, "never: {what}");
            if let Ok(Some(ChannelMsg::Data { data })) =
                tokio::time::timeout(left, self.channel.wait()).await
            {
                self.screen.process(&data);
                self.raw.extend_from_slice(&data);
            }
        }
    }

    async fn keys(&self, bytes: &[u8]) {
        self.channel.data(bytes).await.unwrap();
    }
}

/// Wait until the class satisfies `f`.
fn until(server: &Server, what: &str, f: impl Fn(&stances::serve::class::Class) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut version = 0;
    while !f(&server.class()) {
        assert!(Instant::now() < deadline, "class never: {what}");
        version = server.wait_for_change(version, Duration::from_millis(100));
    }
}

#[test]
fn a_class_joins_follows_answers_polls_and_is_told_the_end() {
    let server = server();
    let addr = server.local_addr();
    assert!(addr.ip().is_loopback());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (mut ada, mut bo) = rt.block_on(async {
        (
            join(addr, "ada", 80, 24).await,
            join(addr, "bo", 120, 40).await,
        )
    });
    until(&server, "two students", |c| c.connected_count() == 2);
    let names: Vec<String> = server
        .class()
        .students
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names, ["ada", "bo"]);

    // Each browses on their own.
    rt.block_on(async {
        ada.keys(b"2").await;
        ada.wait_for("Stance map").await;
    });
    assert!(!bo.text().contains("Stance map"));

    // The teacher leads: both follow the slide.
    server.lead(Lead {
        view: View::Tour,
        tour_step: 2,
    });
    rt.block_on(async {
        ada.wait_for("3/14").await;
        bo.wait_for("3/14").await;
        ada.wait_for("Following the teacher").await;
        // bo goes off alone, and is not pulled back by the next slide...
        bo.keys(b"1").await;
        bo.wait_for("Browsing on your own").await;
    });
    server.lead(Lead {
        view: View::Tour,
        tour_step: 3,
    });
    rt.block_on(async {
        ada.wait_for("4/14").await;
        assert!(!bo.text().contains("4/14"), "{}", bo.text());
        // ...until f.
        bo.keys(b"f").await;
        bo.wait_for("4/14").await;
    });

    // A live question: ada right, bo wrong.
    let q = server.ask_next().unwrap();
    let right = b'a' + q.answer as u8;
    let wrong = b'a' + ((q.answer + 1) % 4) as u8;
    rt.block_on(async {
        ada.wait_for("Class quiz").await;
        bo.wait_for("Class quiz").await;
        ada.keys(&[right]).await;
        bo.keys(&[wrong]).await;
    });
    until(&server, "two answers", |c| {
        c.asked.first().is_some_and(|a| a.answers.len() == 2)
    });
    assert_eq!(server.class().asked[0].counts().iter().sum::<usize>(), 2);
    server.reveal();
    rt.block_on(async {
        ada.wait_for("Right!").await;
        bo.wait_for("Not this time").await;
    });
    server.show_scores();
    rt.block_on(ada.wait_for("Your score: 1 of 1 right"));

    // The poll: two steps right and Enter places ada at (0.2, 0.0).
    server.open_poll();
    assert_eq!(server.class().activity, Activity::Poll);
    rt.block_on(async {
        ada.wait_for("Class poll").await;
        ada.keys(b"\x1b[C\x1b[C\r").await;
    });
    until(&server, "ada placed", |c| {
        c.poll
            .as_ref()
            .is_some_and(|p| p.places.values().any(|pl| (pl.x - 0.2).abs() < 1e-9))
    });
    let results = server.results();
    assert_eq!(results.questions[0].answers.len(), 2);
    assert_eq!(results.poll.as_ref().unwrap().places.len(), 1);

    // The end: each is told, and their terminal is given back.
    server.shutdown(Duration::from_secs(3));
    rt.block_on(async {
        for s in [&mut ada, &mut bo] {
            s.wait_for("The class has ended").await;
            let raw = String::from_utf8_lossy(&s.raw);
            let tail = &raw[raw.rfind("\x1b[?1049h").unwrap()..];
            for mode in ["\x1b[?1049l", "\x1b[?25h", "\x1b[?1000l", "\x1b[?2004l"] {
                assert!(tail.contains(mode), "{mode:?} not reset");
            }
            assert!(!s.screen.screen().alternate_screen());
        }
    });
}

#[test]
fn a_wrong_code_commands_and_forwarding_are_refused() {
    let server = server();
    let addr = server.local_addr();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let mut h = connect(addr).await;
        let auth = h
            .authenticate_password("eve", "amber-otter-43")
            .await
            .unwrap();
        assert!(!auth.success(), "a wrong code is refused");
        // A typo is forgiven: the next try on the connection may succeed.
        let auth = h.authenticate_password("eve", CODE).await.unwrap();
        assert!(auth.success());
        // exec: refused, and nothing runs.
        let mut channel = h.channel_open_session().await.unwrap();
        channel.exec(true, "echo pwned").await.unwrap();
        let mut said = Vec::new();
        let mut failed = false;
        while let Ok(Some(msg)) = tokio::time::timeout(Duration::from_secs(5), channel.wait()).await
        {
            match msg {
                ChannelMsg::Failure => failed = true,
                ChannelMsg::ExtendedData { data, .. } | ChannelMsg::Data { data } => {
                    said.extend_from_slice(&data)
                }
                ChannelMsg::Close => break,
                _ => {}
            }
        }
        let said = String::from_utf8_lossy(&said);
        assert!(failed, "the exec request fails");
        assert!(
            said.contains("runs no commands") && !said.contains("pwned\n"),
            "{said}"
        );
        // A second session on the same connection is refused too.
        assert!(h.channel_open_session().await.is_err());
        // Port forwarding, both ways.
        assert!(
            h.channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 5000)
                .await
                .is_err()
        );
        assert!(h.tcpip_forward("127.0.0.1", 0).await.is_err());
        let _ = h.disconnect(Disconnect::ByApplication, "", "en").await;
    });
    assert_eq!(server.class().students.len(), 0, "no one joined the class");
}

#[test]
fn three_wrong_codes_close_the_door_on_that_connection() {
    let server = server();
    let addr = server.local_addr();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let mut h = connect(addr).await;
        for guess in ["a", "b", "c"] {
            let auth = h.authenticate_password("eve", guess).await;
            assert!(!auth.is_ok_and(|a| a.success()));
        }
        // The right code now: refused, or the connection is gone.
        let auth = h.authenticate_password("eve", CODE).await;
        assert!(
            !auth.is_ok_and(|a| a.success()),
            "a fourth try is never let in"
        );
    });
}

#[test]
fn each_student_picks_their_own_colours() {
    let server = server();
    let addr = server.local_addr();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let mut ada = join(addr, "ada", 80, 24).await;
        let mut bo = join(addr, "bo", 80, 24).await;
        let background = |s: &vt100::Screen| s.cell(0, 79).map(|c| c.bgcolor());
        let before = background(ada.screen.screen());
        ada.keys(b"T").await;
        ada.wait_until("a new background", |s| background(s) != before)
            .await;
        // bo's screen is his own: a key of his still draws the old colours.
        let shown = bo.text();
        bo.keys(b"j").await;
        bo.wait_until("bo's next frame", |s| s.contents() != shown)
            .await;
        assert_eq!(background(bo.screen.screen()), before);
    });
}

#[test]
fn a_name_full_of_escapes_reaches_the_class_harmless() {
    let server = server();
    let addr = server.local_addr();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let student = rt.block_on(join(
        addr,
        "\x1b]0;owned\x07\x1b[31mmallory\u{202e}",
        80,
        24,
    ));
    until(&server, "mallory", |c| c.connected_count() == 1);
    let name = server.class().students[0].name.clone();
    assert!(
        !name.chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{name:?}"
    );
    assert!(name.contains("mallory"), "{name:?}");
    drop(student);
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size is never 0")
}
