//! stances: explore who stands where on the governance of AI.
//!
//! The crate is split so that each layer can be tested alone:
//! `data` (model, loading, checking) knows nothing of terminals;
//! `export` and `commands` are the plain, scriptable commands.

pub mod app;
pub mod cli;
pub mod color;
pub mod commands;
pub mod config;
pub mod data;
pub mod export;
pub mod layout;
pub mod memory;
pub mod os_error;
pub mod quiz;
pub mod reload;
pub mod rng;
pub mod search;
pub mod serve;
pub mod synth;
pub mod text;
pub mod tui;
pub mod ui;
