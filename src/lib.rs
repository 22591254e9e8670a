//! jobfit: an offline, explainable résumé-to-job-posting matcher.
//!
//! The pipeline, one module per stage: `rules` (load, validate, compile) → `text`
//! (fold, map back) → `extract` (findings) → `posting` / `profile` (documents) →
//! `score` (explained points) → `report` (messages and reporters). The library never
//! prints; the binary's `app` layer owns all I/O.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod error;
pub mod extract;
pub mod posting;
pub mod profile;
pub mod rules;
pub mod text;

pub use error::{Diagnostic, Error, Result};
