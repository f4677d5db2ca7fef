//! Load on `stances serve`: simulated students (russh clients in this
//! process) against an in-process `Server` on 127.0.0.1.
//!
//!   cargo bench --bench serve                       (two cases, 60 s each)
//!   STANCES_BENCH_SHORT=1 cargo bench --bench serve (a few seconds)
//!
//! Case 1: 60 students, each pressing a key (j, k, j, … so that every key
//! changes their screen) every 200 ms. Measured: keystroke-to-frame
//! latency (from sending the key to the end of the frame that answers it,
//! the server's synchronized-update end `ESC [ ? 2026 l`), its p95 against
//! the target of 50 ms; memory per student above the base (VmRSS of this
//! process, which holds the clients too: an upper bound for the server's
//! share), against 4 MB; disconnects, against zero.
//! Case 2: the same with 10 of them never reading their output (their
//! TCP stream stops being read, so their SSH window and socket buffers
//! fill): the others' latency, and whether memory grows while it lasts.
//!
//! Not a criterion bench: one long run per case, figures printed.

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use russh::ChannelMsg;
use russh::client;
use stances::serve::{Config, Server, host_key};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

#[path = "../tests/support/ssh.rs"]
mod ssh;
use ssh::Trusting;

const CODE: &str = "bench-otter-42";
const FRAME_END: &[u8] = b"\x1b[?2026l";
/// A key with no frame after this long is counted as missed.
const NO_FRAME: Duration = Duration::from_secs(2);

/// A TCP stream whose reading can be stopped for good: a student whose
/// laptop stopped reading (a suspended ssh, a frozen terminal).
struct Stallable {
    inner: TcpStream,
    stalled: Arc<AtomicBool>,
}

impl AsyncRead for Stallable {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.stalled.load(Ordering::SeqCst) {
            // Never ready again, never woken: nothing more is read.
            return Poll::Pending;
        }
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for Stallable {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    keys: usize,
    missed: usize,
    disconnects: usize,
    failed_to_join: usize,
}

/// This process's resident memory, in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Read until a frame ends; false if the channel closed.
async fn until_frame(channel: &mut russh::Channel<client::Msg>, tail: &mut Vec<u8>) -> bool {
    loop {
        match channel.wait().await {
            Some(ChannelMsg::Data { data }) => {
                // Look for the end marker across message boundaries.
                tail.extend_from_slice(&data);
                let found = tail.windows(FRAME_END.len()).any(|w| w == FRAME_END);
                let keep = tail.len().saturating_sub(FRAME_END.len() - 1);
                tail.drain(..keep);
                if found {
                    tail.clear();
                    return true;
                }
            }
            Some(ChannelMsg::Eof | ChannelMsg::Close) | None => return false,
            Some(_) => {}
        }
    }
}

/// Read whatever has already arrived (a frame for a change of the class,
/// say), so that the next frame read answers the next key. False if the
/// channel closed.
async fn drain(channel: &mut russh::Channel<client::Msg>) -> bool {
    loop {
        match tokio::time::timeout(Duration::ZERO, channel.wait()).await {
            Err(_) => return true,
            Ok(Some(ChannelMsg::Eof | ChannelMsg::Close) | None) => return false,
            Ok(Some(_)) => {}
        }
    }
}

struct Student {
    n: usize,
    reads: bool,
    offset: Duration,
}

async fn student(
    addr: std::net::SocketAddr,
    who: Student,
    ready: Arc<AtomicUsize>,
    go: tokio::sync::watch::Receiver<Option<Instant>>,
    run_for: Duration,
    tally: Arc<Mutex<Tally>>,
) {
    let fail = |tally: &Mutex<Tally>| {
        tally.lock().unwrap().failed_to_join += 1;
    };
    let Ok(socket) = TcpStream::connect(addr).await else {
        return fail(&tally);
    };
    let _ = socket.set_nodelay(true);
    let stalled = Arc::new(AtomicBool::new(false));
    let stream = Stallable {
        inner: socket,
        stalled: Arc::clone(&stalled),
    };
    let config = Arc::new(client::Config {
        nodelay: true,
        // One who never reads offers a small window (32 KiB, where
        // OpenSSH offers 2 MiB), so that it fills within seconds.
        window_size: if who.reads {
            2 * 1024 * 1024
        } else {
            32 * 1024
        },
        ..Default::default()
    });
    let Ok(mut handle) = client::connect_stream(config, stream, Trusting).await else {
        return fail(&tally);
    };
    let name = format!("student{}", who.n);
    let Ok(mut channel) = ssh::open_shell(&mut handle, &name, CODE, 80, 24).await else {
        return fail(&tally);
    };
    let mut tail = Vec::new();
    if !until_frame(&mut channel, &mut tail).await {
        return fail(&tally);
    }
    if !who.reads {
        stalled.store(true, Ordering::SeqCst);
    }
    ready.fetch_add(1, Ordering::SeqCst);
    let mut go = go;
    let Ok(start) = go.wait_for(|g| g.is_some()).await.map(|g| g.unwrap()) else {
        return;
    };
    tokio::time::sleep_until((start + who.offset).into()).await;
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut key = 0usize;
    let mut mine = Tally::default();
    while start.elapsed() < run_for {
        tick.tick().await;
        // Readers move the selection (a small frame each); those who
        // never read switch views (a whole screen each), to fill their
        // window sooner.
        let k: &[u8] = match (who.reads, key.is_multiple_of(2)) {
            (true, true) => b"j",
            (true, false) => b"k",
            (false, true) => b"2",
            (false, false) => b"1",
        };
        key += 1;
        if who.reads && !drain(&mut channel).await {
            mine.disconnects += 1;
            break;
        }
        tail.clear();
        let sent = Instant::now();
        if channel.data(k).await.is_err() {
            mine.disconnects += 1;
            break;
        }
        mine.keys += 1;
        if !who.reads {
            continue;
        }
        match tokio::time::timeout(NO_FRAME, until_frame(&mut channel, &mut tail)).await {
            Ok(true) => mine.latencies.push(sent.elapsed()),
            Ok(false) => {
                mine.disconnects += 1;
                break;
            }
            Err(_) => mine.missed += 1,
        }
    }
    {
        let mut t = tally.lock().unwrap();
        t.latencies.extend(mine.latencies);
        t.keys += mine.keys;
        t.missed += mine.missed;
        t.disconnects += mine.disconnects;
    }
    // Keep the connection until every student is done (a early leaver
    // would lighten the load of the others).
    let _ = go.wait_for(|g| g.is_none()).await;
    drop(channel);
    drop(handle);
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn case(title: &str, readers: usize, stallers: usize, run_for: Duration) {
    println!("== {title}");
    let data = stances::data::load(None).unwrap().checked.dataset.unwrap();
    let before_server = rss_kib();
    let mut config = Config::new(CODE.to_string(), host_key::generate().unwrap());
    config.bind = vec!["127.0.0.1".parse().unwrap()];
    config.port = 0;
    config.max_students = readers + stallers + 10;
    config.auth_delay = Duration::from_millis(10);
    let server = Server::start(config, Arc::new(data)).unwrap();
    let addr = server.local_addr();
    assert!(addr.ip().is_loopback());
    let clients = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // A moment for the server's threads to settle, then the base.
    std::thread::sleep(Duration::from_millis(300));
    let base = rss_kib();
    let n = readers + stallers;
    let ready = Arc::new(AtomicUsize::new(0));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let (go_tx, go_rx) = tokio::sync::watch::channel(None);
    let joined = Instant::now();
    // The students who never read are spread among the others.
    let every = (n / stallers.max(1)).max(1);
    for i in 0..n {
        let who = Student {
            n: i,
            reads: stallers == 0 || i % every != 0 || i / every >= stallers,
            // Keys spread over the 200 ms period, as a class's would be.
            offset: Duration::from_millis((i as u64 * 200) / n as u64),
        };
        clients.spawn(student(
            addr,
            who,
            Arc::clone(&ready),
            go_rx.clone(),
            run_for,
            Arc::clone(&tally),
        ));
    }
    while ready.load(Ordering::SeqCst) + tally.lock().unwrap().failed_to_join < n {
        assert!(
            joined.elapsed() < Duration::from_secs(120),
            "students never joined"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let join_time = joined.elapsed();
    // The frames every join sent to those already here, drawn and sent.
    std::thread::sleep(Duration::from_millis(500));
    let connected = server.class().connected_count();
    let at_start = rss_kib();
    let start = Instant::now();
    go_tx.send_replace(Some(start));
    let mut peak = at_start;
    let mut samples = Vec::new();
    while start.elapsed() < run_for + Duration::from_millis(300) {
        std::thread::sleep(Duration::from_secs(1));
        let now = rss_kib();
        peak = peak.max(now);
        samples.push(now);
    }
    // Everyone reports before anyone leaves.
    std::thread::sleep(NO_FRAME);
    let still = server.class().connected_count();
    let at_end = rss_kib();
    go_tx.send_replace(None);
    let t = std::mem::take(&mut *tally.lock().unwrap());
    let mut lat = t.latencies.clone();
    lat.sort();
    println!(
        "students: {readers} reading, {stallers} never reading; joined {connected} of {n} in {:.1} s ({} failed)",
        join_time.as_secs_f64(),
        t.failed_to_join
    );
    println!(
        "keys sent: {}; frames timed: {}; keys with no frame within {} s: {}",
        t.keys,
        lat.len(),
        NO_FRAME.as_secs(),
        t.missed
    );
    println!(
        "keystroke-to-frame: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms (target p95 <= 50 ms)",
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.95)),
        ms(percentile(&lat, 0.99)),
        ms(percentile(&lat, 1.0))
    );
    println!(
        "disconnects during the run: {} (and {} of {connected} still connected at the end; target: zero)",
        t.disconnects, still
    );
    let per = mib(peak.saturating_sub(base)) / n.max(1) as f64;
    println!(
        "memory (VmRSS, this process: server and clients): before the server {:.1} MiB, base {:.1} MiB, all joined {:.1} MiB, peak {:.1} MiB, end {:.1} MiB",
        mib(before_server),
        mib(base),
        mib(at_start),
        mib(peak),
        mib(at_end)
    );
    println!(
        "per student above the base: {per:.2} MiB at the peak (server and its client together; target <= 4 MB)"
    );
    if let (Some(first), Some(last)) = (samples.first(), samples.last()) {
        println!(
            "memory over the run: {:.1} MiB after 1 s, {:.1} MiB at the end ({:+.1} MiB)",
            mib(*first),
            mib(*last),
            mib(*last) - mib(*first)
        );
    }
    drop(clients);
    server.shutdown(Duration::from_secs(3));
    println!();
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` would pass
    // nothing of the kind: run only when benchmarking.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let short = std::env::var_os("STANCES_BENCH_SHORT").is_some();
    let (students, stallers, run_for) = if short {
        (10, 2, Duration::from_secs(5))
    } else {
        (60, 10, Duration::from_secs(60))
    };
    case(
        &format!(
            "{students} students, a key every 200 ms for {} s",
            run_for.as_secs()
        ),
        students,
        0,
        run_for,
    );
    case(
        &format!(
            "{} reading and {stallers} never reading, a key every 200 ms for {} s",
            students - stallers,
            run_for.as_secs()
        ),
        students - stallers,
        stallers,
        run_for,
    );
}
