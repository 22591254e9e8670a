//! `jobfit jobs add | list | import`: saved postings.

use std::io::{IsTerminal, Write as _};
use std::time::Duration;

use super::{default_format, emit};
use crate::cli::{FetchArgs, JobsCommand};
use crate::error::{Diagnostic, Result};
use crate::fetch::{FetchOptions, Fetcher};
use crate::jobs::{self, Saved};
use crate::posting::Posting;
use crate::report::{JobListReport, Message, SavedLine, SavedReport};
use crate::settings::Settings;

pub(super) fn fetcher(f: &FetchArgs) -> Result<Fetcher> {
    Fetcher::new(FetchOptions {
        timeout: Duration::from_secs(f.timeout.max(1)),
        ..FetchOptions::default()
    })
}

fn line(s: &Saved, p: &Posting) -> SavedLine {
    let (file, status) = match s {
        Saved::New(f) => (f, "new"),
        Saved::Replaced(f) => (f, "replaced"),
        Saved::Duplicate(f) => (f, "duplicate"),
    };
    SavedLine {
        file: file.display().to_string(),
        status,
        title: p.title.clone(),
        company: p.company.clone(),
    }
}

fn today() -> String {
    crate::profile::PartialDate::today().to_string()
}

pub(super) fn run(settings: &Settings, cmd: JobsCommand) -> Result<u8> {
    let dir = &settings.jobs_dir;
    match cmd {
        JobsCommand::List { format } => {
            let report = JobListReport {
                schema: crate::report::SCHEMA_VERSION,
                dir: dir.display().to_string(),
                jobs: jobs::list(dir)?,
            };
            emit(&Message::JobList(report), default_format(format))?;
            Ok(0)
        }
        JobsCommand::Add {
            input,
            force,
            fetch,
            format,
        } => {
            let (read, source) = if input.contains("://") {
                (
                    crate::fetch::fetch_page_posting(&fetcher(&fetch)?, &input)?,
                    "url",
                )
            } else if input == "-" {
                if std::io::stdin().is_terminal() {
                    let _ = std::io::Write::write_all(
                        &mut std::io::stderr(),
                        b"Paste the job ad, then press Ctrl-D on an empty line:\n",
                    );
                }
                (crate::source::load_page_posting(None)?, "stdin")
            } else {
                (
                    crate::source::load_page_posting(Some(std::path::Path::new(&input)))?,
                    "file",
                )
            };
            let posting = super::noted(read);
            let saved = jobs::save(dir, &posting, source, &today(), force)?;
            emit(
                &Message::Saved(SavedReport {
                    schema: crate::report::SCHEMA_VERSION,
                    source: input,
                    saved: vec![line(&saved, &posting)],
                    skipped: Vec::new(),
                }),
                default_format(format),
            )?;
            Ok(0)
        }
        JobsCommand::Import {
            source,
            force,
            greenhouse_api,
            lever_api,
            fetch,
            format,
        } => {
            let f = fetcher(&fetch)?;
            let board = match source.split_once(':') {
                Some(("greenhouse", board)) => {
                    crate::fetch::greenhouse(&f, &greenhouse_api, board)?
                }
                Some(("lever", site)) => crate::fetch::lever(&f, &lever_api, site)?,
                _ => {
                    return Err(Diagnostic::new(&source, "unknown board source")
                        .help("write `greenhouse:BOARD` or `lever:SITE`")
                        .into());
                }
            };
            {
                // A closed stderr is no reason to fail the import.
                let mut err = anstream::stderr().lock();
                for s in &board.skipped {
                    let _ = writeln!(
                        err,
                        "warning: {source}: skipped {}: {}",
                        s.label(),
                        s.problem
                    );
                }
                if board.listed == 0 {
                    let _ = writeln!(err, "note: {source} has no open jobs; nothing imported");
                }
            }
            // Jobs listed, and not one readable: the answer is not what the API is known to
            // send (a changed format, a base URL pointing elsewhere), which is an error.
            // Some jobs read are an import, with the others warned about above.
            if board.listed > 0
                && board.postings.is_empty()
                && board.skipped.iter().all(|s| s.malformed)
            {
                return Err(Diagnostic::new(
                    &source,
                    format!("none of the board's {} jobs could be read", board.listed),
                )
                .help("the API format may have changed, or the base URL points elsewhere")
                .into());
            }
            let bar = if std::io::stderr().is_terminal() {
                indicatif::ProgressBar::new(board.postings.len() as u64)
            } else {
                indicatif::ProgressBar::hidden()
            };
            let mut saved = Vec::new();
            let when = today();
            if !board.postings.is_empty() {
                // One lock and one reading of jobs/ for the whole board.
                let mut store = jobs::Jobs::open(dir)?;
                for p in &board.postings {
                    let s = store.save(p, &source, &when, force)?;
                    saved.push(line(&s, p));
                    bar.inc(1);
                }
            }
            bar.finish_and_clear();
            emit(
                &Message::Saved(SavedReport {
                    schema: crate::report::SCHEMA_VERSION,
                    source,
                    saved,
                    skipped: board.skipped,
                }),
                default_format(format),
            )?;
            Ok(0)
        }
    }
}
