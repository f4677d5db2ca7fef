//! A student's SSH client against the in-process class server: the one
//! client of tests/serve_class.rs (what a student's screen shows) and
//! benches/serve.rs (a class of simulated students), each included by
//! `#[path]`. Each connects its own way (the bench over a stream it can
//! stall, with its own window size) and then joins as [`open_shell`] does.

use russh::client;

/// A client that takes any host key: the server is this process's own,
/// with a key made for the run.
pub struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// Join as a student does with `ssh name@host`: the class code as
/// password, then a shell on a `cols` x `rows` xterm. The error says which
/// step failed.
pub async fn open_shell(
    handle: &mut client::Handle<Trusting>,
    name: &str,
    code: &str,
    cols: u32,
    rows: u32,
) -> Result<russh::Channel<client::Msg>, String> {
    match handle.authenticate_password(name, code).await {
        Ok(auth) if auth.success() => {}
        Ok(_) => return Err(format!("the class code did not let {name} in")),
        Err(e) => return Err(format!("{name} could not log in: {e}")),
    }
    let channel = handle
        .channel_open_session()
        .await
        .map_err(|e| format!("{name}'s session: {e}"))?;
    channel
        .request_pty(false, "xterm-256color", cols, rows, 0, 0, &[])
        .await
        .map_err(|e| format!("{name}'s pty: {e}"))?;
    channel
        .request_shell(false)
        .await
        .map_err(|e| format!("{name}'s shell: {e}"))?;
    Ok(channel)
}
