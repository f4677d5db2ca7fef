//! Helpers shared by the pty test binaries (tests/pty.rs, tests/serve.rs),
//! included with `mod support;`. The other files beside this one
//! (corpus.rs, invariants.rs, searches.rs, ssh.rs) are included by
//! `#[path]` where they are used, as the fuzz target includes
//! invariants.rs and benches/serve.rs includes ssh.rs from outside tests/.

pub mod pty;
