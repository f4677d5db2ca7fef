//! `stances serve` as a class meets it: the real OpenSSH client (`ssh`,
//! `sftp`, with sshpass typing the class code) in a pseudo-terminal, read
//! back through a terminal emulator (vt100). The server is the library's
//! `Server` on 127.0.0.1 port 0, or the real binary with its teacher's
//! screen in a pty of its own. Only ever loopback; every test has its own
//! host key and known_hosts, so nothing in ~/.ssh is read or written.
//! (tests/serve_class.rs drives the same server with russh clients.)

use std::io::Read;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use stances::app::View;
use stances::serve::class::{Activity, Class, Lead};
use stances::serve::{Config, Server, host_key};

#[path = "support/corpus.rs"]
mod corpus;
mod support;
use support::pty::{PATIENCE, Pty};

const CODE: &str = "test-otter-42";

/// A directory of this test's own, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "stances-serve-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A program in a pseudo-terminal, started in the test's directory with
/// no ~/.ssh, no agent and no display but the ones a test sets.
impl Pty {
    fn start(program: &str, args: &[String], dir: &Scratch, cols: u16, rows: u16) -> Pty {
        Pty::start_with_env(program, args, &[("STANCES_CONFIG", "")], dir, cols, rows)
    }

    fn start_with_env(
        program: &str,
        args: &[String],
        env: &[(&str, &str)],
        dir: &Scratch,
        cols: u16,
        rows: u16,
    ) -> Pty {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(&dir.0);
        cmd.env("HOME", &dir.0);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("SSH_AUTH_SOCK");
        cmd.env_remove("DISPLAY");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Pty::spawn(cmd, cols, rows)
    }
}

/// A known_hosts that trusts exactly this server's key at this port.
fn known_hosts(dir: &Scratch, key: &russh::keys::PrivateKey, port: u16) -> PathBuf {
    let public = key.public_key().to_openssh().unwrap();
    let path = dir.path("known_hosts");
    std::fs::write(&path, format!("[127.0.0.1]:{port} {public}\n")).unwrap();
    path
}

/// A class: the server in this process, on loopback.
struct Lesson {
    server: Option<Server>,
    port: u16,
    known_hosts: PathBuf,
    dir: Scratch,
}

impl Lesson {
    fn start() -> Lesson {
        let dir = Scratch::new();
        let key = host_key::generate().unwrap();
        let mut config = Config::new(CODE.to_string(), key.clone());
        config.bind = vec!["127.0.0.1".parse().unwrap()];
        config.port = 0;
        config.auth_delay = Duration::from_millis(50);
        config.quiz_seed = 7;
        let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
        let server = Server::start(config, Arc::new(data)).unwrap();
        let addr: SocketAddr = server.local_addr();
        assert!(addr.ip().is_loopback());
        let known_hosts = known_hosts(&dir, &key, addr.port());
        Lesson {
            server: Some(server),
            port: addr.port(),
            known_hosts,
            dir,
        }
    }

    fn server(&self) -> &Server {
        self.server.as_ref().unwrap()
    }

    /// `ssh` as a student types it, the code typed by sshpass, at a
    /// window of `cols` x `rows`.
    fn ssh(&self, user: &str, extra: &[&str], cols: u16, rows: u16) -> Pty {
        self.ssh_with(user, CODE, extra, &[], cols, rows)
    }

    fn ssh_with(
        &self,
        user: &str,
        code: &str,
        extra: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        let mut args = vec!["-p".to_string(), code.to_string(), "ssh".to_string()];
        args.extend(ssh_options(&self.known_hosts));
        args.extend(["-p".to_string(), self.port.to_string()]);
        args.extend(["-l".to_string(), user.to_string()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push("127.0.0.1".to_string());
        Pty::start_with_env("sshpass", &args, env, &self.dir, cols, rows)
    }

    /// `ssh` with a command after the host (exec).
    fn ssh_exec(&self, user: &str, command: &str) -> Pty {
        let mut args = vec!["-p".to_string(), CODE.to_string(), "ssh".to_string()];
        args.extend(ssh_options(&self.known_hosts));
        args.extend(["-p".to_string(), self.port.to_string()]);
        args.extend(["-l".to_string(), user.to_string(), "127.0.0.1".to_string()]);
        args.push(command.to_string());
        Pty::start("sshpass", &args, &self.dir, 80, 24)
    }

    /// Wait until the class satisfies `f`.
    fn until(&self, what: &str, f: impl Fn(&Class) -> bool) {
        let server = self.server();
        let start = Instant::now();
        let mut version = 0;
        while !f(&server.class()) {
            assert!(start.elapsed() < PATIENCE, "the class never: {what}");
            version = server.wait_for_change(version, Duration::from_millis(100));
        }
    }

    fn end(&mut self) {
        if let Some(server) = self.server.take() {
            server.shutdown(Duration::from_secs(3));
        }
    }
}

/// Options for a test's ssh: its own known_hosts and nothing else from
/// any config; the class code as the only way in.
fn ssh_options(known_hosts: &Path) -> Vec<String> {
    [
        "-F",
        "/dev/null",
        "-o",
        &format!("UserKnownHostsFile={}", known_hosts.display()),
        "-o",
        "GlobalKnownHostsFile=/dev/null",
        "-o",
        "StrictHostKeyChecking=yes",
        "-o",
        "PubkeyAuthentication=no",
        "-o",
        "PreferredAuthentications=password",
        "-o",
        "NumberOfPasswordPrompts=1",
        "-o",
        "ConnectTimeout=10",
        "-o",
        "ServerAliveInterval=0",
        "-o",
        "LogLevel=ERROR",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn a_student_joins_with_ssh_and_browses() {
    let mut class = Lesson::start();
    let mut sam = class.ssh("sam", &["-tt"], 80, 24);
    sam.wait_for("Approaches (");
    class.until("sam is here", |c| {
        c.connected().any(|s| s.name == "sam") && c.connected_count() == 1
    });
    assert!(sam.screen.lock().unwrap().screen().alternate_screen());
    // Their own explorer: the map, then back, then search.
    sam.key(b"2");
    sam.wait_for("Stance map");
    sam.key(b"1");
    sam.wait_for("Approaches (");
    sam.key(b"/");
    sam.key(b"governance");
    sam.wait_for("governance");
    sam.key(b"\x1b");
    sam.key(b"G");
    sam.wait_for("Approaches (5/5)");
    // A second student, at another size, has a screen of their own.
    let mut kim = class.ssh("kim", &["-tt"], 120, 40);
    kim.wait_for("Approaches (");
    class.until("two here", |c| c.connected_count() == 2);
    assert!(
        kim.contents().contains("Approaches (3/5)"),
        "{}",
        kim.contents()
    );
    // Ctrl-C leaves: the student is told and their terminal restored.
    kim.key(b"\x03");
    assert_eq!(kim.exit_code(), 0);
    kim.assert_restored();
    assert!(kim.raw().contains("You left the class."));
    class.until("kim left", |c| c.connected_count() == 1);
    class.end();
    sam.exit_code();
}

#[test]
fn students_follow_the_teacher_and_browse_alone_with_a_key() {
    let mut class = Lesson::start();
    let ada = class.ssh("ada", &["-tt"], 80, 24);
    let mut bo = class.ssh("bo", &["-tt"], 120, 40);
    ada.wait_for("Approaches (");
    bo.wait_for("Approaches (");
    class.until("two here", |c| c.connected_count() == 2);
    class.server().lead(Lead {
        view: View::Tour,
        tour_step: 2,
    });
    ada.wait_for("3/14");
    bo.wait_for("3/14");
    ada.wait_for("Following the teacher");
    // bo presses a key of their own and browses alone.
    bo.key(b"1");
    bo.wait_for("Browsing on your own");
    class.until("bo browses alone", |c| {
        c.students.iter().any(|s| s.name == "bo" && !s.following)
    });
    class.server().lead(Lead {
        view: View::Tour,
        tour_step: 3,
    });
    ada.wait_for("4/14");
    thread::sleep(Duration::from_millis(200));
    assert!(!bo.contents().contains("4/14"), "{}", bo.contents());
    // f follows again.
    bo.key(b"f");
    bo.wait_for("4/14");
    class.end();
}

#[test]
fn a_student_answers_a_live_question() {
    let mut class = Lesson::start();
    let mut ada = class.ssh("ada", &["-tt"], 80, 24);
    ada.wait_for("Approaches (");
    class.until("ada is here", |c| c.connected_count() == 1);
    let q = class.server().ask_next().unwrap();
    ada.wait_for("Class quiz");
    ada.key([b'a' + q.answer as u8]);
    class.until("ada answered", |c| {
        c.asked.first().is_some_and(|a| a.answers.len() == 1)
    });
    class.server().reveal();
    ada.wait_for("Right!");
    class.server().show_scores();
    ada.wait_for("Your score: 1 of 1 right");
    class.end();
}

#[test]
fn a_student_places_a_poll_point() {
    let mut class = Lesson::start();
    let mut ada = class.ssh("ada", &["-tt"], 80, 24);
    ada.wait_for("Approaches (");
    class.until("ada is here", |c| c.connected_count() == 1);
    class.server().open_poll();
    assert_eq!(class.server().class().activity, Activity::Poll);
    ada.wait_for("Class poll");
    // Arrows as the terminal sends them (ESC [ C), one per packet.
    for key in [&b"\x1b[C"[..], b"\x1b[C", b"\x1b[A", b"\r"] {
        ada.key(key);
    }
    class.until("ada placed", |c| {
        c.poll.as_ref().is_some_and(|p| {
            p.places
                .values()
                .any(|pl| (pl.x - 0.2).abs() < 1e-9 && (pl.y - 0.1).abs() < 1e-9)
        })
    });
    class.end();
}

/// OpenSSH sends every `SendEnv` variable before the shell: forty of
/// them once filled the session channel's queue and left the student on
/// a blank screen.
#[test]
fn a_student_who_sends_forty_variables_still_joins() {
    let mut class = Lesson::start();
    let names: Vec<String> = (0..40).map(|i| format!("STANCES_T{i}")).collect();
    let env: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "x")).collect();
    let ada = class.ssh_with(
        "ada",
        CODE,
        &["-tt", "-o", "SendEnv=STANCES_T*"],
        &env,
        80,
        24,
    );
    ada.wait_for("Approaches (");
    class.until("ada is here", |c| c.connected().any(|s| s.name == "ada"));
    class.end();
}

#[test]
fn a_wrong_code_is_refused() {
    let class = Lesson::start();
    let mut eve = class.ssh_with("eve", "not-the-code", &["-tt"], &[], 80, 24);
    assert_ne!(eve.exit_code(), 0, "{}", eve.contents());
    let out = eve.raw();
    assert!(out.contains("Permission denied"), "{out:?}");
    assert!(!out.contains("Approaches"));
    assert_eq!(class.server().class().students.len(), 0);
}

#[test]
fn commands_and_sftp_are_refused() {
    let class = Lesson::start();
    let mut exec = class.ssh_exec("sam", "echo hacked > pwned; id");
    let code = exec.exit_code();
    assert_ne!(code, 0);
    let out = exec.raw();
    // The server answers the exec request with a failure; OpenSSH says
    // so and leaves (the line the server sends after it comes too late
    // for OpenSSH to show).
    assert!(out.contains("exec request failed on channel 0"), "{out:?}");
    assert!(!out.contains("uid="), "{out:?}");
    assert!(!class.dir.path("pwned").exists());

    let mut args = vec!["-p".to_string(), CODE.to_string(), "sftp".to_string()];
    args.extend(ssh_options(&class.known_hosts));
    args.extend(["-P".to_string(), class.port.to_string()]);
    args.push("sam@127.0.0.1".to_string());
    let mut sftp = Pty::start("sshpass", &args, &class.dir, 80, 24);
    assert_ne!(sftp.exit_code(), 0);
    assert!(!sftp.raw().contains("sftp>"), "{:?}", sftp.raw());
    assert_eq!(class.server().class().students.len(), 0);
}

#[test]
fn port_forwarding_is_refused_both_ways() {
    let class = Lesson::start();
    // Something on loopback a forward would reach: it must never be.
    let target = TcpListener::bind("127.0.0.1:0").unwrap();
    target.set_nonblocking(true).unwrap();
    let target_port = target.local_addr().unwrap().port();
    let local_port = free_port();
    let forward = format!("{local_port}:127.0.0.1:{target_port}");
    let mut sam = class.ssh("sam", &["-tt", "-L", &forward], 80, 24);
    sam.wait_for("Approaches (");
    // ssh listens on local_port and asks the server for a channel there:
    // refused, so the connection closes without reaching the target.
    let mut through = std::net::TcpStream::connect(("127.0.0.1", local_port)).unwrap();
    through
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut buf = [0u8; 16];
    assert!(matches!(through.read(&mut buf), Ok(0) | Err(_)));
    assert!(target.accept().is_err(), "a forward reached the target");
    // The student's session goes on.
    sam.key(b"2");
    sam.wait_for("Stance map");

    // -R: the server listens for no one.
    let remote_port = free_port();
    let reverse = format!("{remote_port}:127.0.0.1:{target_port}");
    let mut rev = class.ssh(
        "kim",
        &["-tt", "-o", "ExitOnForwardFailure=yes", "-R", &reverse],
        80,
        24,
    );
    assert_ne!(rev.exit_code(), 0);
    assert!(
        rev.raw().contains("remote port forwarding failed"),
        "{:?}",
        rev.raw()
    );
    assert!(std::net::TcpStream::connect(("127.0.0.1", remote_port)).is_err());
    assert!(target.accept().is_err());
}

#[test]
fn agent_and_x11_forwarding_are_refused() {
    let class = Lesson::start();
    // A real agent for ssh -A to offer: the server must never open a
    // channel back to it.
    let socket = class.dir.path("agent.sock");
    let mut agent = std::process::Command::new("ssh-agent")
        .args(["-D", "-a"])
        .arg(&socket)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("ssh-agent");
    let start = Instant::now();
    while !socket.exists() && start.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(20));
    }
    let socket_str = socket.display().to_string();
    let log = class.dir.path("ssh.log");
    let log_str = log.display().to_string();
    let mut sam = class.ssh_with(
        "sam",
        CODE,
        &["-tt", "-A", "-X", "-v", "-E", &log_str],
        &[("SSH_AUTH_SOCK", &socket_str), ("DISPLAY", "127.0.0.1:99")],
        80,
        24,
    );
    sam.wait_for("Approaches (");
    let read_log = || std::fs::read_to_string(&log).unwrap_or_default();
    let start = Instant::now();
    while !read_log().contains("X11 forwarding request failed") && start.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(20));
    }
    sam.key(b"2");
    sam.wait_for("Stance map");
    sam.key(b"\x03");
    assert_eq!(sam.exit_code(), 0);
    sam.assert_restored();
    let _ = agent.kill();
    let _ = agent.wait();
    let log = read_log();
    // Both were asked for; X11 was refused (OpenSSH logs the failure), and
    // the agent request (which wants no reply) was never acted on: no
    // channel to the agent was ever opened by the server.
    assert!(log.contains("Requesting X11 forwarding"), "{log}");
    assert!(log.contains("X11 forwarding request failed"), "{log}");
    assert!(
        log.contains("Requesting authentication agent forwarding"),
        "{log}"
    );
    assert!(!log.contains("ctype auth-agent"), "{log}");
    assert!(!log.contains("ctype x11"), "{log}");
}

#[test]
fn the_injection_corpus_typed_over_ssh_reaches_no_terminal_raw() {
    let mut class = Lesson::start();
    let mut sam = class.ssh("sam", &["-tt"], 100, 30);
    let kim = class.ssh("kim", &["-tt"], 80, 24);
    sam.wait_for("Approaches (");
    kim.wait_for("Approaches (");
    for text in corpus::CORPUS {
        sam.key(b"/");
        sam.key(text.as_bytes());
        // And pasted, as a terminal brackets a paste.
        sam.key(format!("\x1b[200~{text}\x1b[201~").as_bytes());
        sam.key(b"\x1b");
    }
    // One more key to see the session is still alive and reading.
    sam.key(b"2");
    sam.wait_for("Stance map");
    for (who, pty) in [("sam", &sam), ("kim", &kim)] {
        corpus::assert_inert(&pty.raw.lock().unwrap(), who);
    }
    class.end();
}

/// A port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The teacher's screen: the real binary in a pty.
struct Teacher {
    pty: Pty,
    port: u16,
    known_hosts: PathBuf,
    dir: Scratch,
}

impl Teacher {
    fn start(cols: u16, rows: u16) -> Teacher {
        let dir = Scratch::new();
        let key_path = dir.path("host_key");
        let key = host_key::load_or_create(&key_path).unwrap();
        let port = free_port();
        let known_hosts = known_hosts(&dir, &key, port);
        let args: Vec<String> = [
            "serve",
            "--bind",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--code",
            CODE,
            "--host-key",
            &key_path.display().to_string(),
            "--seed",
            "7",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let pty = Pty::start(env!("CARGO_BIN_EXE_stances"), &args, &dir, cols, rows);
        pty.wait_for("Class");
        Teacher {
            pty,
            port,
            known_hosts,
            dir,
        }
    }

    fn ssh(&self, user: &str, cols: u16, rows: u16) -> Pty {
        let mut args = vec!["-p".to_string(), CODE.to_string(), "ssh".to_string()];
        args.extend(ssh_options(&self.known_hosts));
        args.extend(["-p".to_string(), self.port.to_string(), "-tt".to_string()]);
        args.extend(["-l".to_string(), user.to_string(), "127.0.0.1".to_string()]);
        Pty::start("sshpass", &args, &self.dir, cols, rows)
    }
}

#[test]
fn a_username_of_escapes_is_drawn_harmless_on_the_teachers_screen() {
    let teacher = Teacher::start(120, 40);
    // OpenSSH sends the user name as given; the bidi override and the
    // escape sequences must not reach the teacher's terminal.
    // (OpenSSH itself refuses some characters: `;`, and since Debian's
    // 9.2p1-2+deb12u10 every C0 control, ESC and BEL among them, so no
    // OSC title or ESC sequence here; tests/serve_class.rs sends those
    // with russh.) A C1 CSI asking the terminal to report its cursor, a
    // C1 CSI clearing the screen, and a bidi override:
    let name = "mal\u{9b}6n\u{9b}2J\u{202e}lory";
    let mut mal = teacher.ssh(name, 80, 24);
    mal.wait_for("Approaches (");
    teacher.pty.wait_for("mal6n2Jlory");
    let raw = teacher.pty.raw();
    assert!(
        !raw.contains('\u{9b}'),
        "the name's sequences reached the teacher"
    );
    assert!(!raw.contains('\u{202e}'));
    corpus::assert_inert(&teacher.pty.raw.lock().unwrap(), "teacher");
    mal.key(b"\x03");
    mal.exit_code();
}

#[test]
fn when_the_teacher_quits_students_are_told_and_their_terminals_restored() {
    let mut teacher = Teacher::start(100, 30);
    let mut ada = teacher.ssh("ada", 80, 24);
    let mut bo = teacher.ssh("bo", 120, 40);
    ada.wait_for("Approaches (");
    bo.wait_for("Approaches (");
    teacher.pty.wait_for("ada");
    teacher.pty.wait_for("bo");
    teacher.pty.key(b"q");
    for s in [&mut ada, &mut bo] {
        assert_eq!(s.exit_code(), 0, "{}", s.contents());
        s.wait_for("The class has ended.");
        s.assert_restored();
    }
    assert_eq!(teacher.pty.exit_code(), 0);
    teacher.pty.assert_restored();
    teacher.pty.wait_for("The class has ended.");
}
