//! `jobfit score` (one posting) and, until batch ranking lands, a simple `jobfit rank`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::{EXIT_BELOW_MIN, default_format, emit};
use crate::cli::{RankArgs, ScoreArgs};
use crate::error::{Error, Result};
use crate::evidence::AnalyzedProfile;
use crate::posting::AnalyzedPosting;
use crate::report::{Format, Message, ScoreReport};
use crate::rules::RuleSet;
use crate::score::Score;
use crate::settings::Settings;
use crate::source;

/// Loads the rules and the profile a command needs.
pub(super) fn rules_and_profile(
    settings: &Settings,
    profile: Option<&str>,
) -> Result<(RuleSet, AnalyzedProfile)> {
    let rules = crate::rules::load(&settings.rules)?;
    let path =
        source::resolve_profile(profile, settings.profile.as_deref(), &settings.profiles_dir)?;
    let profile = source::load_profile(&path)?;
    let analyzed = AnalyzedProfile::analyze(profile, &rules, settings.as_of);
    Ok((rules, analyzed))
}

/// Scores one posting and builds its report.
pub(super) fn score_report(
    rules: &RuleSet,
    profile: &AnalyzedProfile,
    posting: crate::posting::Posting,
    bullets: usize,
) -> ScoreReport {
    let posting = AnalyzedPosting::analyze(posting, rules);
    let score = Score::compute(rules, &posting, profile);
    let selected = crate::tailor::select_bullets(&posting, profile, bullets, None);
    ScoreReport::build(rules, &posting, profile, &score, &selected)
}

pub(super) fn run(settings: &Settings, args: &ScoreArgs) -> Result<u8> {
    let (rules, profile) = rules_and_profile(settings, args.profile.profile.as_deref())?;
    let from_stdin = args.posting.as_ref().is_none_or(|p| p.as_os_str() == "-");
    if from_stdin && std::io::stdin().is_terminal() {
        let mut err = std::io::stderr();
        let _ = writeln!(err, "Paste the job ad, then press Ctrl-D on an empty line:");
    }
    let posting = source::load_posting(args.posting.as_deref())?;
    let report = score_report(&rules, &profile, posting, args.bullets);
    let below = args.min_score.is_some_and(|m| report.score < m);
    let format = default_format(args.format);
    if args.explain && matches!(format, Format::Table | Format::Markdown) {
        let mut out = anstream::stdout().lock();
        crate::report::explain_text(&report, &mut out)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("<stdout>", e))?;
    } else {
        emit(&Message::Score(Box::new(report)), format)?;
    }
    Ok(if below { EXIT_BELOW_MIN } else { 0 })
}

/// Ranks the posting files of the inputs (default: the jobs directory).
pub(super) fn rank(settings: &Settings, args: &RankArgs) -> Result<u8> {
    let (rules, profile) = rules_and_profile(settings, args.profile.profile.as_deref())?;
    let inputs: Vec<PathBuf> = if args.inputs.is_empty() {
        vec![settings.jobs_dir.clone()]
    } else {
        args.inputs.clone()
    };
    let mut files = Vec::new();
    for input in &inputs {
        if input.is_dir() {
            let rd = std::fs::read_dir(input).map_err(|e| Error::io(input, e))?;
            let mut v: Vec<PathBuf> = rd
                .filter_map(std::result::Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            v.sort();
            files.extend(v);
        } else {
            files.push(input.clone());
        }
    }
    let mut rows: Vec<ScoreReport> = Vec::new();
    let mut err = anstream::stderr();
    for f in files {
        match source::load_posting(Some(&f)) {
            Ok(p) => rows.push(score_report(&rules, &profile, p, 0)),
            Err(e) => {
                let _ = writeln!(err, "warning: skipped: {e}");
            }
        }
    }
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.posting.origin.cmp(&b.posting.origin))
    });
    if let Some(m) = args.min_score {
        rows.retain(|r| r.score >= m);
    }
    if let Some(n) = args.top {
        rows.truncate(n);
    }
    let format = default_format(args.format);
    let mut out = anstream::stdout().lock();
    let res = match format {
        Format::Json | Format::Ndjson => rows.iter().try_for_each(|r| {
            serde_json::to_writer(&mut out, &Message::Score(Box::new(r.clone())))
                .map_err(std::io::Error::other)
                .and_then(|()| writeln!(out))
        }),
        _ => rows.iter().enumerate().try_for_each(|(i, r)| {
            let gaps: Vec<&str> = r.gaps.iter().take(3).map(|g| g.name.as_str()).collect();
            writeln!(
                out,
                "{:>3}. {:>5.1}  {}  [gaps: {}]",
                i + 1,
                r.score,
                r.posting.label(),
                gaps.join(", ")
            )
        }),
    };
    res.and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(0)
}
