//! The Explore view's panes, one file each.

pub mod actors;
pub mod approaches;
pub mod detail;
pub mod quotes;
pub mod reactions;
