//! A program in a pseudo-terminal, read back through a terminal emulator
//! (vt100): the one harness of tests/pty.rs (the explorer itself) and
//! tests/serve.rs (ssh and sftp against `stances serve`). Each test binary
//! builds the command its own way (binary, working directory, environment)
//! and hands it to [`Pty::spawn`].

// Each test binary uses a part of the harness (only tests/pty.rs sends
// signals; only tests/serve.rs types keys with a pause).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for a screen or an exit before failing. Not a speed
/// assertion: the machine is shared, so this is generous; a passing test
/// takes a second or two.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A program in a pseudo-terminal; killed when dropped, so a failing test
/// leaves nothing running.
pub struct Pty {
    pub master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for sequences vt100 does not track.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    /// Run `cmd` in a new pty of `cols` x `rows`; a thread feeds what it
    /// writes to the emulator and to `raw`.
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Pty {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (sink, raw_sink) = (Arc::clone(&screen), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Pty {
            master: pty.master,
            writer,
            child,
            screen,
            raw,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Everything the program wrote so far, as text.
    pub fn raw(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    pub fn wait_for(&self, what: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.contents().contains(what) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "never saw {what:?}; the screen was:\n{}\n(raw tail: {:?})",
            self.contents(),
            tail(&self.raw(), 400)
        );
    }

    /// Wait until `ready` holds, or fail with the screen.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&Pty) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if ready(self) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("never {what}; the screen was:\n{}", self.contents());
    }

    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        self.writer.write_all(bytes.as_ref()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Send bytes, then wait a moment longer than the server's Esc wait,
    /// so that a lone Esc is read as a key of its own.
    pub fn key(&mut self, bytes: impl AsRef<[u8]>) {
        self.send(bytes);
        thread::sleep(Duration::from_millis(80));
    }

    pub fn signal(&self, signal: i32) {
        let pid = self.child.process_id().expect("a pid") as i32;
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    /// Whether the process is stopped (state `T` in /proc).
    pub fn stopped(&self) -> bool {
        let pid = self.child.process_id().expect("a pid");
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // The state follows the command name in parentheses.
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('T'))
    }

    fn termios(&self) -> libc::termios {
        let fd = self.master.as_raw_fd().expect("a pty fd");
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        t
    }

    /// Whether the terminal is in raw mode (no canonical line editing).
    pub fn raw_mode(&self) -> bool {
        self.termios().c_lflag & libc::ICANON == 0
    }

    /// Wait for the process to end and return its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain the last bytes (the restore sequence).
                thread::sleep(Duration::from_millis(150));
                return status.exit_code();
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("never exited; the screen was:\n{}", self.contents());
    }

    /// The terminal is as the shell left it: cooked mode with echo, the
    /// main screen, the cursor visible, no mouse reporting, no bracketed
    /// paste.
    pub fn assert_restored(&self) {
        {
            let parser = self.screen.lock().unwrap();
            let screen = parser.screen();
            assert!(!screen.alternate_screen(), "still on the alternate screen");
            assert!(!screen.hide_cursor(), "cursor still hidden");
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse still reported"
            );
            assert!(!screen.bracketed_paste(), "bracketed paste still on");
        }
        let t = self.termios();
        assert!(
            t.c_lflag & libc::ICANON != 0,
            "raw mode left on (no ICANON)"
        );
        assert!(t.c_lflag & libc::ECHO != 0, "raw mode left on (no ECHO)");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// The last `n` bytes of `s` or a little fewer, cut on a character.
pub fn tail(s: &str, n: usize) -> &str {
    let start = s.len().saturating_sub(n);
    let start = (start..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    &s[start..]
}

pub fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}
