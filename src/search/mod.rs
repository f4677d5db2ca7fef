//! Fuzzy search of quotes: the query language, folding, matching and
//! ranking, and the worker thread that keeps typing fluid. Nothing here
//! knows about terminals.

pub mod engine;
pub mod fold;
pub mod query;
pub mod worker;

pub use engine::{FieldMatch, Highlight, Hit, Index, rank, unknown_actor};
pub use query::{Query, Term};
