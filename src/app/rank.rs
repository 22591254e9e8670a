//! `jobfit rank`: many postings against one profile.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::{EXIT_BELOW_MIN, default_format, emit};
use crate::cli::RankArgs;
use crate::error::{Diagnostic, Error, Result};
use crate::rank::{RankOptions, rank};
use crate::report::Message;
use crate::rules::RuleId;
use crate::settings::Settings;

pub(super) fn run(settings: &Settings, args: &RankArgs) -> Result<u8> {
    let (rules, profile) =
        super::score::rules_and_profile(settings, args.profile.profile.as_deref())?;
    let inputs: Vec<PathBuf> = if args.inputs.is_empty() {
        vec![settings.jobs_dir.clone()]
    } else {
        // Once each, so the progress bar's total counts what is read.
        crate::rank::distinct_inputs(&args.inputs)
    };
    if inputs.iter().any(|p| p.as_os_str() == "-") && std::io::stdin().is_terminal() {
        let _ = writeln!(
            std::io::stderr(),
            "Paste NDJSON postings, one JSON object per line, then press Ctrl-D:"
        );
    }
    let total: u64 = inputs.iter().map(|p| input_bytes(p)).sum();
    let bar = if std::io::stderr().is_terminal() && total > 4 << 20 {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let opts = RankOptions {
        top: args.top,
        min_score: args.min_score,
        strict: args.strict,
        summary: args.summary,
        keep_duplicates: args.keep_duplicates,
        with: with_skills(&rules, &args.with)?,
    };
    let report = rank(&rules, &profile, &inputs, &opts, &|n| bar.inc(n));
    bar.finish_and_clear();
    let report = report?;
    if !report.skipped.is_empty() {
        let mut err = anstream::stderr();
        for s in report.skipped.iter().take(20) {
            // Most errors already start with where they are (`file:line:col: …`).
            let error = s.error.replace('\n', "\n  ");
            let _ = if error.starts_with(&s.origin) {
                writeln!(err, "warning: skipped {error}")
            } else {
                writeln!(err, "warning: skipped {}: {error}", s.origin)
            };
        }
        if report.skipped.len() > 20 {
            let _ = writeln!(
                err,
                "warning: … and {} more postings skipped",
                report.skipped.len() - 20
            );
        }
    }
    {
        // Ranked all the same: after the skipped ones, which left something out.
        let mut err = anstream::stderr();
        for w in report.warnings.iter().take(20) {
            let _ = writeln!(err, "warning: {}: {}", w.origin, w.message);
        }
        if report.warnings.len() > 20 {
            let _ = writeln!(
                err,
                "warning: … and {} more pages of several postings, each ranked as its first",
                report.warnings.len() - 20
            );
        }
    }
    if report.postings == 0 && report.without == 0 && report.skipped.is_empty() {
        // Not an error (an empty board is a fact), but worth saying why the list is empty.
        let names: Vec<String> = inputs
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    "<stdin>".to_owned()
                } else {
                    p.display().to_string()
                }
            })
            .collect();
        let _ = writeln!(
            anstream::stderr(),
            "warning: no postings found in {}\n  = help: rank reads posting files ({}), NDJSON files (.ndjson, .jsonl), CSV exports with a header row (.csv) and directories of them; `jobfit jobs add URL` saves postings into jobs/",
            names.join(", "),
            crate::source::POSTING_EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // Like `score --min-score`, the verdict is the exit status: 1 when no posting
    // reaches the threshold (none at all included), so a script can ask "is any job
    // good enough?" without reading the report.
    let below = args.min_score.is_some() && !report.reached_min_score;
    // Postings were ranked but the filters show none: say which filter did it.
    if report.rows.is_empty() && (report.postings > 0 || below) {
        let why = match (args.top, args.min_score) {
            (_, Some(s)) if below => {
                format!("no posting scores {s} or more (--min-score; exit status {EXIT_BELOW_MIN})")
            }
            (Some(0), _) => "--top 0 shows no rows".to_owned(),
            _ => "no posting passes the filters".to_owned(),
        };
        let _ = writeln!(anstream::stderr(), "note: {why}");
    }
    let shown = emit(
        &Message::Ranking(Box::new(report)),
        default_format(args.format),
    );
    // A reader that stops early (`| head -1`) must not turn "below" into success.
    match shown {
        Err(e) if !(below && e.is_broken_pipe()) => return Err(e),
        _ => {}
    }
    Ok(if below { EXIT_BELOW_MIN } else { 0 })
}

/// The rules named by `--with` values (ids, names or any text the rules recognise).
/// A word that names several skills ("swift") takes them all, with a warning saying
/// how to pick one.
fn with_skills(rules: &crate::rules::RuleSet, values: &[String]) -> Result<Vec<RuleId>> {
    let named = |ids: &[RuleId]| super::rule_names(rules, ids);
    let mut ids = Vec::new();
    for v in values {
        let found = rules.resolve(v);
        if found.is_empty() {
            let near = named(&rules.suggest(v));
            let help = if near.is_empty() {
                "give a rule id, a skill name or an alias; `jobfit rules list` shows them"
                    .to_owned()
            } else {
                format!("did you mean {}?", near.join(", or "))
            };
            return Err(Error::from(
                Diagnostic::new("--with", format!("no rule recognises the skill `{v}`")).help(help),
            ));
        }
        if found.len() > 1 && rules.spells(v) {
            let _ = writeln!(
                anstream::stderr(),
                "warning: --with `{v}` names {} skills: {}; postings asking for any of them are kept (give an id to keep one)",
                found.len(),
                named(&found).join(", ")
            );
        }
        ids.extend(found);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// Bytes under an input, for the progress bar (directories: their files).
fn input_bytes(p: &std::path::Path) -> u64 {
    match std::fs::metadata(p) {
        Ok(m) if m.is_dir() => std::fs::read_dir(p)
            .map(|rd| {
                rd.filter_map(std::result::Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .filter(std::fs::Metadata::is_file)
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0),
        Ok(m) => m.len(),
        Err(_) => 0,
    }
}
