//! Who may join: the class code as password, compared in constant time,
//! or a public key from a file; and a limit per source address on failed
//! tries, so that guessing the code from one machine is slow.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use subtle::ConstantTimeEq;

/// Words for generated class codes: short, common, easy to say aloud and
/// to type on any keyboard layout.
const ADJECTIVES: &[&str] = &[
    "amber", "brave", "calm", "clever", "coral", "eager", "gentle", "golden", "happy", "jolly",
    "kind", "lively", "lucky", "merry", "misty", "noble", "quiet", "rapid", "silver", "sunny",
    "swift", "tidy", "vivid", "witty",
];
const ANIMALS: &[&str] = &[
    "badger", "beaver", "bison", "crane", "eagle", "falcon", "ferret", "gecko", "heron", "koala",
    "lemur", "lynx", "marten", "otter", "panda", "puffin", "raven", "robin", "salmon", "seal",
    "tapir", "tiger", "walrus", "zebra",
];

/// A code like `amber-otter-42`: 24 × 24 × 90 ≈ 52,000 codes. Guessing
/// is what the per-address limit and the delay after a failure are for.
pub fn generate_code(mut random: impl FnMut(usize) -> usize) -> String {
    let adjective = ADJECTIVES[random(ADJECTIVES.len())];
    let animal = ANIMALS[random(ANIMALS.len())];
    let number = 10 + random(90);
    format!("{adjective}-{animal}-{number}")
}

/// Whether `given` is the class code. The time taken does not depend on
/// where the two differ, nor on the length of the code: both sides are
/// compared at a fixed length after padding, and the lengths separately.
pub fn code_matches(code: &str, given: &str) -> bool {
    const WIDTH: usize = 256;
    let pad = |s: &str| {
        let mut buf = [0u8; WIDTH];
        let bytes = s.as_bytes();
        let n = bytes.len().min(WIDTH);
        buf[..n].copy_from_slice(&bytes[..n]);
        buf
    };
    let (a, b) = (pad(code), pad(given));
    let same_bytes = a.ct_eq(&b);
    let same_len = (code.len() as u64).ct_eq(&(given.len() as u64));
    // Longer than the width: never equal (no code is that long).
    let short = u8::from(given.len() <= WIDTH && code.len() <= WIDTH);
    bool::from(same_bytes & same_len & short.ct_eq(&1))
}

/// Failed tries per source address in a sliding window: past the limit,
/// the address is refused until the window has moved on.
#[derive(Debug)]
pub struct Limiter {
    failures: HashMap<IpAddr, Vec<Instant>>,
    pub max_failures: usize,
    pub window: Duration,
}

/// The most addresses remembered; beyond it, the oldest failures go (a
/// flood of addresses cannot grow the server's memory).
const MAX_ADDRESSES: usize = 4096;

impl Limiter {
    pub fn new(max_failures: usize, window: Duration) -> Limiter {
        Limiter {
            failures: HashMap::new(),
            max_failures,
            window,
        }
    }

    /// Whether `ip` may try now.
    pub fn allowed(&mut self, ip: IpAddr, now: Instant) -> bool {
        let window = self.window;
        match self.failures.get_mut(&ip) {
            Some(times) => {
                times.retain(|t| now.duration_since(*t) < window);
                times.len() < self.max_failures
            }
            None => true,
        }
    }

    pub fn failed(&mut self, ip: IpAddr, now: Instant) {
        if self.failures.len() >= MAX_ADDRESSES && !self.failures.contains_key(&ip) {
            let window = self.window;
            self.failures
                .retain(|_, times| times.iter().any(|t| now.duration_since(*t) < window));
            if self.failures.len() >= MAX_ADDRESSES {
                self.failures.clear();
            }
        }
        let times = self.failures.entry(ip).or_default();
        times.push(now);
        // Only the last few matter.
        if times.len() > self.max_failures {
            times.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_matches_itself_only() {
        assert!(code_matches("amber-otter-42", "amber-otter-42"));
        for wrong in [
            "",
            "amber-otter-4",
            "amber-otter-421",
            "Amber-otter-42",
            "amber-otter-43",
            &"a".repeat(10_000),
        ] {
            assert!(!code_matches("amber-otter-42", wrong), "{wrong}");
        }
        // A code is never empty, but an empty one matches nothing else.
        assert!(!code_matches("", "x"));
    }

    #[test]
    fn generated_codes_have_three_parts() {
        let mut n = 0;
        let code = generate_code(|len| {
            n += 7;
            n % len
        });
        let parts: Vec<&str> = code.split('-').collect();
        assert_eq!(parts.len(), 3, "{code}");
        let number: u32 = parts[2].parse().unwrap();
        assert!((10..100).contains(&number));
    }

    #[test]
    fn an_address_is_refused_after_its_failures_until_the_window_passes() {
        let mut l = Limiter::new(3, Duration::from_secs(60));
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "::1".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.allowed(ip, t0));
            l.failed(ip, t0);
        }
        assert!(!l.allowed(ip, t0 + Duration::from_secs(59)));
        assert!(l.allowed(other, t0), "another address is not affected");
        assert!(l.allowed(ip, t0 + Duration::from_secs(61)));
    }
}
