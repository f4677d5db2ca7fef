//! The SSH side: accepting connections, authentication, and refusing
//! everything but the explorer. Each connection has a [`Conn`]; its one
//! session channel becomes a student's explorer on the shell request.
//!
//! Refused: exec (no command is ever run), subsystems (sftp), X11, agent
//! and port forwarding, and any channel but one session. russh rejects
//! what a handler does not accept, so the refusals below are explicit
//! only where a reply is owed.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::Hub;
use super::auth::code_matches;
use super::student;

/// Password tries per connection (OpenSSH asks three times too).
const TRIES_PER_CONNECTION: usize = 3;

/// Connections allowed at once beyond the class's maximum: room for
/// those still typing the code, not for a flood.
const SPARE_CONNECTIONS: u64 = 16;

/// A connection whose explorer has not started by then is closed, so that
/// half-open connections, and logged-in ones that never ask for the
/// explorer (`ssh -N`), cannot hold the spare places for long.
const AUTH_DEADLINE: Duration = Duration::from_secs(60);

pub(super) fn russh_config(config: &super::Config) -> russh::server::Config {
    let mut methods = MethodSet::empty();
    methods.push(MethodKind::Password);
    if !config.authorized_keys.is_empty() {
        methods.push(MethodKind::PublicKey);
    }
    russh::server::Config {
        server_id: russh::SshId::Standard("SSH-2.0-stances".into()),
        methods,
        auth_rejection_time: config.auth_delay,
        // OpenSSH first asks with "none" to learn the methods: no delay
        // for that.
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![config.host_key.clone()],
        max_auth_attempts: TRIES_PER_CONNECTION,
        // A dead peer is noticed by keepalives; the idle timeout on keys
        // is the student session's.
        inactivity_timeout: Some(config.idle_timeout + Duration::from_secs(60)),
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 3,
        // Input in small pieces: a student's typing, not file transfers.
        window_size: 64 * 1024,
        maximum_packet_size: 32 * 1024,
        channel_buffer_size: 16,
        event_buffer_size: 16,
        nodelay: true,
        ..Default::default()
    }
}

/// Accept connections until `stop`.
pub(super) async fn accept(
    listener: TcpListener,
    hub: Arc<Hub>,
    config: Arc<russh::server::Config>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let (socket, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                // Out of descriptors, say: wait and go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stop.changed() => return,
        };
        let limit = hub.config.max_students as u64 + SPARE_CONNECTIONS;
        if hub.connections.fetch_add(1, Ordering::SeqCst) >= limit {
            hub.connections.fetch_sub(1, Ordering::SeqCst);
            drop(socket);
            continue;
        }
        let _ = socket.set_nodelay(true);
        let hub = Arc::clone(&hub);
        let config = Arc::clone(&config);
        let mut stop = stop.clone();
        tokio::spawn(async move {
            let seated = Arc::new(AtomicBool::new(false));
            let mut conn = Conn::new(Arc::clone(&hub), peer);
            conn.seated = Arc::clone(&seated);
            let started = russh::server::run_stream(config, socket, conn);
            // The handshake too must finish before the deadline.
            let session = tokio::time::timeout(AUTH_DEADLINE, started).await;
            if let Ok(Ok(session)) = session {
                let handle = session.handle();
                let deadline = tokio::time::sleep(AUTH_DEADLINE);
                tokio::select! {
                    _ = session => {}
                    _ = async {
                        deadline.await;
                        if seated.load(Ordering::SeqCst) {
                            std::future::pending::<()>().await;
                        }
                    } => {
                        let _ = handle
                            .disconnect(russh::Disconnect::ByApplication, "Too slow to log in and open the explorer.".into(), "en".into())
                            .await;
                    }
                    _ = async {
                        let _ = stop.wait_for(|s| *s).await;
                        // The student sessions say goodbye first; then the
                        // connection goes.
                        tokio::time::sleep(Duration::from_secs(3)).await;
                    } => {
                        let _ = handle
                            .disconnect(russh::Disconnect::ByApplication, "The class has ended.".into(), "en".into())
                            .await;
                    }
                }
            }
            hub.connections.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// One connection.
pub(super) struct Conn {
    hub: Arc<Hub>,
    peer: IpAddr,
    tries: usize,
    /// The session channel, until the shell request takes it.
    channel: Option<Channel<Msg>>,
    /// Whether a session channel was ever opened (only one per
    /// connection).
    opened: bool,
    size: (u16, u16),
    /// The name the client authenticated with.
    user: String,
    /// Set once the client's explorer starts (the accept loop's deadline
    /// reads it).
    seated: Arc<AtomicBool>,
}

impl Conn {
    /// russh copies every request on the session channel into the
    /// channel's own queue (16 deep) as well as calling us. Until the
    /// shell starts, nobody reads that queue, and a client that sends
    /// many `env` requests first (`SendEnv *`) would fill it and stall
    /// the connection. What was queued is already handled here: drop it.
    async fn drain_early(&mut self) {
        let Some(channel) = self.channel.as_mut() else {
            return;
        };
        // A zero timeout still polls once: it takes what is queued and
        // never waits.
        while let Ok(Some(_)) = tokio::time::timeout(Duration::ZERO, channel.wait()).await {}
    }
}

impl Conn {
    fn new(hub: Arc<Hub>, peer: SocketAddr) -> Conn {
        Conn {
            hub,
            peer: peer.ip(),
            tries: 0,
            channel: None,
            opened: false,
            size: (80, 24),
            user: String::new(),
            seated: Arc::default(),
        }
    }

    fn allowed(&self) -> bool {
        let mut limiter = self.hub.limiter.lock().unwrap_or_else(|e| e.into_inner());
        limiter.allowed(self.peer, Instant::now())
    }

    fn failed(&self) {
        let mut limiter = self.hub.limiter.lock().unwrap_or_else(|e| e.into_inner());
        limiter.failed(self.peer, Instant::now());
    }
}

fn clamp_size(columns: u32, rows: u32) -> (u16, u16) {
    let c = columns.clamp(1, u32::from(super::MAX_COLUMNS)) as u16;
    let r = rows.clamp(1, u32::from(super::MAX_ROWS)) as u16;
    (c, r)
}

impl Handler for Conn {
    type Error = russh::Error;

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        self.tries += 1;
        // Past the tries of this connection, or of this address, even
        // the right code is refused.
        if self.tries > TRIES_PER_CONNECTION || !self.allowed() {
            return Ok(Auth::reject());
        }
        if code_matches(&self.hub.config.code, password) {
            self.user = user.to_string();
            Ok(Auth::Accept)
        } else {
            self.failed();
            Ok(self.try_again())
        }
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(if self.known_key(offer.public_key) {
            Auth::Accept
        } else {
            Auth::reject()
        })
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: russh::server::VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(if self.known_key(key.public_key) {
            self.user = user.to_string();
            Auth::Accept
        } else {
            Auth::reject()
        })
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.opened {
            // Dropping the reply refuses the channel.
            return Ok(());
        }
        self.opened = true;
        self.channel = Some(channel);
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.drain_early().await;
        self.size = clamp_size(columns, rows);
        session.channel_success(channel)?;
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(ch) = self.channel.take().filter(|c| c.id() == channel) else {
            session.channel_failure(channel)?;
            return Ok(());
        };
        session.channel_success(channel)?;
        self.seated.store(true, Ordering::SeqCst);
        let user = std::mem::take(&mut self.user);
        tokio::spawn(student::run(Arc::clone(&self.hub), ch, user, self.size));
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse(channel, session)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse(channel, session)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.drain_early().await;
        // Nothing in the environment is used: say so.
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }
}

impl Conn {
    /// A rejection that still offers the password (russh would drop it
    /// after one failure), until the tries of this connection are used.
    fn try_again(&self) -> Auth {
        if self.tries >= TRIES_PER_CONNECTION {
            return Auth::reject();
        }
        let mut methods = MethodSet::empty();
        methods.push(MethodKind::Password);
        if !self.hub.config.authorized_keys.is_empty() {
            methods.push(MethodKind::PublicKey);
        }
        Auth::Reject {
            proceed_with_methods: Some(methods),
            partial_success: false,
        }
    }

    fn known_key(&self, key: &PublicKey) -> bool {
        self.hub
            .config
            .authorized_keys
            .iter()
            .any(|k| k.key_data() == key.key_data())
    }
}

/// Exec and subsystems: a failure reply, a line on stderr saying why,
/// and the channel closed; no command runs.
fn refuse(channel: ChannelId, session: &mut Session) -> Result<(), russh::Error> {
    session.channel_failure(channel)?;
    session.extended_data(
        channel,
        1,
        &b"stances serve runs no commands: connect without one to join the class.\r\n"[..],
    )?;
    session.exit_status_request(channel, 1)?;
    session.eof(channel)?;
    session.close(channel)?;
    Ok(())
}
