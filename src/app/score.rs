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
    let rules = crate::rules::load(&settings.rules)?;
    let path = source::resolve_profile(profile, settings.profile.as_ref(), &settings.profiles_dir)?;
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
    if args.explain && matches!(format, Format::Table | Format::Markdown) {
        let mut out = super::stdout_stream();
        crate::report::explain_text(&report, &mut out)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("<stdout>", e))?;
    } else {
        emit(&Message::Score(Box::new(report)), format)?;
    }
    Ok(if below { EXIT_BELOW_MIN } else { 0 })
}
