//! `stances serve`: a live class over SSH.

pub mod keys;
pub mod names;
