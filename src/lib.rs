//! jobfit: an offline, explainable résumé-to-job-posting matcher.
//!
//! The pipeline, one module per stage: `rules` (load, validate, compile) → `source`
//! (read files and stdin) → `text` (fold, map back) → `extract` (findings) → `posting`
//! (+ `roles`, the jobs a title offers) / `profile` + `evidence` (documents) → `score` (explained points) → `tailor`
//! (bullets) → `report` (messages and reporters). The library never prints; `app` owns
//! all terminal I/O, `cli` and `settings` the flags and config.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod cli;
pub mod csv_postings;
pub mod error;
pub mod eval;
pub mod evidence;
pub mod extract;
pub mod fetch;
pub mod files;
pub mod graph;
pub mod html;
pub mod import;
pub mod jobs;
pub mod posting;
pub mod profile;
pub mod rank;
pub mod report;
pub mod roles;
pub mod rules;
pub mod score;
pub mod settings;
pub mod source;
pub mod tailor;
pub mod text;

pub use error::{Diagnostic, Error, Result};
