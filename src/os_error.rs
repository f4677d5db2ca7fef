//! Errors from the operating system, in words. Rust's `io::Error` prints
//! "No such file or directory (os error 2)": the number means nothing to
//! a reader, and every message the program prints should read the same.
//! The one place that words them, for the data layer and the commands.

use std::io;

/// What went wrong, in lowercase words, without the "(os error N)" tail.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        io::ErrorKind::NotADirectory => "a part of the path is not a directory".into(),
        _ => {
            // Loops of symbolic links, a full disk and the like: the OS
            // words them well enough once the number is gone.
            let s = e.to_string();
            let words = s.find(" (os error").map_or(s.as_str(), |i| &s[..i]);
            lowercase_first(words)
        }
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // "No space left on device" reads as one clause after "error: ".
        Some(c) if c.is_uppercase() && !chars.clone().next().is_some_and(char::is_uppercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_error_numbers() {
        for code in [2, 13, 20, 21, 28, 40] {
            let text = describe(&io::Error::from_raw_os_error(code));
            assert!(!text.contains("os error"), "{code}: {text}");
            assert!(!text.is_empty());
            assert!(!text.starts_with(char::is_uppercase), "{code}: {text}");
        }
        assert_eq!(
            describe(&io::Error::from_raw_os_error(2)),
            "no such file or directory"
        );
    }

    #[test]
    fn messages_of_our_own_are_kept() {
        let e = io::Error::other("the files keep changing");
        assert_eq!(describe(&e), "the files keep changing");
        assert_eq!(lowercase_first("TOML is fine"), "TOML is fine");
    }
}
