//! The classroom views, one file each: stance map, comparison, timeline,
//! guided tour and quiz.

pub mod compare;
pub mod map;
pub mod present;
pub mod quiz;
pub mod timeline;
pub mod tour;
pub mod tour_lists;
