//! `jobfit score`: one posting against a profile.

use std::io::Write;

use super::{EXIT_BELOW_MIN, default_format, emit};
use crate::cli::ScoreArgs;
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
    let rules = crate::rules::load_for_matching(&settings.rules)?;
    let path = source::resolve_profile(profile, settings.profile.as_ref(), &settings.profiles_dir)?;
    let imported = crate::import::import_file(&path)?;
    warn_imported(&path, &imported);
    // What the importer had to guess shapes the score; `profile show` lists it all,
    // here one line says there is something to look at.
    if let Some(first) = imported.notes.first() {
        let more = match imported.notes.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        let shown = path.display();
        let _ = writeln!(
            anstream::stderr().lock(),
            "note: {shown}, read as a résumé: {first}{more}; see `jobfit profile show --profile {shown}`, or save it to correct with `jobfit profile import {shown}`"
        );
    }
    let profile = imported.profile;
    let analyzed = AnalyzedProfile::analyze(profile, &rules, settings.as_of);
    warn_roles_after(&analyzed);
    Ok((rules, analyzed))
}

/// Warns when the résumé at `path`, imported on the fly, reads like a job posting: the
/// arguments were likely swapped.
pub(super) fn warn_imported(path: &std::path::Path, imported: &crate::import::Imported) {
    if let Some(why) = &imported.posting_like {
        // A closed stderr is no reason to fail the command.
        let _ = writeln!(
            anstream::stderr().lock(),
            "warning: {} {why}: check the order of the arguments, `--profile RÉSUMÉ POSTING`",
            path.display()
        );
    }
}

/// Warns of dated roles that start after the date open-ended roles run to (`--as-of`,
/// the résumé's written date, or today): they count no time, which a user who set
/// `--as-of` too early, or mistyped a year, would otherwise never learn.
pub(super) fn warn_roles_after(p: &AnalyzedProfile) {
    use crate::profile::RoleRef;
    let roles = (0..p.profile.work.len())
        .map(RoleRef::Work)
        .chain((0..p.profile.volunteer.len()).map(RoleRef::Volunteer))
        .chain((0..p.profile.projects.len()).map(RoleRef::Project));
    let late: Vec<String> = roles
        .filter_map(|r| {
            let start = p.profile.role_dates(r).0?;
            (start.first_month() > p.as_of.last_month())
                .then(|| format!("{} (from {start})", p.profile.role_name(r)))
        })
        .collect();
    if let Some(first) = late.first() {
        let more = match late.len() {
            1 => String::new(),
            n => format!(" and {}", crate::report::counted(n - 1, "more role")),
        };
        let mut err = anstream::stderr().lock();
        // A closed stderr is no reason to fail the command.
        let _ = writeln!(
            err,
            "warning: {first}{more} starts after {}, the date open-ended roles run to: it counts no years\n  = help: check its start date, or pass a later --as-of",
            p.as_of
        );
    }
}

/// Scores one posting and builds its report.
pub(super) fn score_report(
    rules: &RuleSet,
    profile: &AnalyzedProfile,
    posting: crate::posting::Posting,
    bullets: usize,
    summary: bool,
) -> ScoreReport {
    let posting = AnalyzedPosting::analyze(posting, rules);
    let score = Score::compute(rules, &posting, profile);
    let selected = crate::tailor::select_bullets(&posting, profile, bullets, None);
    let mut report = ScoreReport::build(rules, &posting, profile, &score, &selected);
    if summary {
        report.summary = crate::tailor::one_line(rules, profile, &score);
    }
    report
}

pub(super) fn run(settings: &Settings, args: &ScoreArgs) -> Result<u8> {
    let (rules, profile) = rules_and_profile(settings, args.profile.profile.as_deref())?;
    let posting = super::load_posting_arg(settings, args.posting.as_deref(), &args.fetch)?;
    let report = score_report(&rules, &profile, posting, args.bullets, args.summary);
    let below = args.min_score.is_some_and(|m| report.score < m);
    let format = default_format(args.format);
    let score = report.score;
    let shown = if args.explain && matches!(format, Format::Table | Format::Markdown) {
        let mut out = super::stdout_stream();
        crate::report::explain_text(&report, &mut out)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("<stdout>", e))
    } else {
        emit(&Message::Score(Box::new(report)), format)
    };
    // The verdict is the exit status: a reader that stops early (`| head -1`) must
    // not turn "below" into success.
    match shown {
        Err(e) if !(below && e.is_broken_pipe()) => return Err(e),
        _ => {}
    }
    if let (true, Some(min)) = (below, args.min_score) {
        // The table rounds (87.9 shows as 88): say which number failed the check.
        let _ = writeln!(
            std::io::stderr().lock(),
            "note: score {score:.1} is below --min-score {min} (exit status {EXIT_BELOW_MIN})"
        );
    }
    Ok(if below { EXIT_BELOW_MIN } else { 0 })
}
