//! The dataset: its model, how it is read from TOML, and how it is checked.
//! Nothing here knows about terminals or the explorer.

pub mod check;
mod chunks;
pub mod date;
pub mod diagnostic;
mod id_index;
pub mod load;
pub mod model;
mod open;
mod raw;
pub mod relations;

pub use check::{Checked, check, check_releasing};
pub use date::PartialDate;
pub use diagnostic::{Diagnostic, Kind, Problems, ReadError, Severity, SourceFile};
pub use load::{Loaded, load};
pub use model::*;
