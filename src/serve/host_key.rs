//! The server's host key: generated once, kept in a file (by default in
//! the platform's data directory), so that students' `known_hosts` stays
//! valid from one lesson to the next.

use std::io;
use std::path::{Path, PathBuf};

use russh::keys::{Algorithm, HashAlg, PrivateKey, ssh_key::LineEnding};

/// Where the key is kept when `--host-key` is not given.
pub fn default_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("stances").join("host_key"))
}

/// The key at `path`, made and saved there (owner-only) if there is none.
pub fn load_or_create(path: &Path) -> io::Result<PrivateKey> {
    match std::fs::read_to_string(path) {
        Ok(text) => PrivateKey::from_openssh(&text).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: not an OpenSSH private key ({e})", path.display()),
            )
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let key = generate()?;
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let text = key
                .to_openssh(LineEnding::LF)
                .map_err(|e| io::Error::other(e.to_string()))?;
            write_private(path, text.as_bytes())?;
            Ok(key)
        }
        Err(e) => Err(e),
    }
}

/// A fresh Ed25519 key.
pub fn generate() -> io::Result<PrivateKey> {
    PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .map_err(|e| io::Error::other(e.to_string()))
}

/// `SHA256:…`, as `ssh` prints it when it first meets the server.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_made_once_and_read_back() {
        let dir = std::env::temp_dir().join(format!("stances-hostkey-{}", std::process::id()));
        let path = dir.join("sub").join("host_key");
        let _ = std::fs::remove_dir_all(&dir);
        let made = load_or_create(&path).unwrap();
        let again = load_or_create(&path).unwrap();
        assert_eq!(fingerprint(&made), fingerprint(&again));
        assert!(fingerprint(&made).starts_with("SHA256:"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "not a key").unwrap();
        let err = load_or_create(&path).unwrap_err();
        assert!(
            err.to_string().contains("not an OpenSSH private key"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
