//! `jobfit tailor`: one posting → a tailored résumé on stdout or in a file.

use std::io::Write;

use crate::cli::{TailorArgs, TailorFormat};
use crate::error::{Error, Result};
use crate::posting::AnalyzedPosting;
use crate::report::{Message, TailorReport};
use crate::score::Score;
use crate::settings::Settings;
use crate::tailor::{Options, tailor};

pub(super) fn run(settings: &Settings, args: &TailorArgs) -> Result<u8> {
    let (rules, profile) =
        super::score::rules_and_profile(settings, args.profile.profile.as_deref())?;
    let posting = super::load_posting_arg(settings, args.posting.as_deref(), &args.fetch)?;
    let posting = AnalyzedPosting::analyze(posting, &rules);
    let score = Score::compute(&rules, &posting, &profile);
    let opts = Options {
        bullets: args.bullets,
        per_role: args.per_role,
    };
    let t = tailor(&rules, &posting, &profile, &score, opts);
    // `--bullets 0` asks for no bullets (a summary and skills only): an empty selection
    // then says nothing about the profile, and the note must not claim it does.
    warn_poor_fit(&rules, &score, opts.bullets > 0 && t.selected.is_empty());
    let report = TailorReport::build(&rules, &posting, &profile, &score, t);
    let mut doc = match args.format {
        TailorFormat::Markdown => crate::report::resume_markdown(&report, args.explain),
        TailorFormat::Text => crate::report::resume_text(&report, args.explain),
        TailorFormat::JsonResume => crate::report::json_resume(&report, args.explain),
        TailorFormat::Json => {
            let mut s = serde_json::to_string_pretty(&Message::Tailor(Box::new(report)))
                .map_err(|e| Error::io("<json>", std::io::Error::from(e)))?;
            s.push('\n');
            s
        }
    };
    if !doc.ends_with('\n') {
        doc.push('\n');
    }
    match &args.output {
        Some(file) => crate::files::write_atomic(file, doc.as_bytes(), args.force)?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(doc.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("<stdout>", e))?;
        }
    }
    Ok(0)
}

/// Says on stderr when the profile fits the posting poorly: tailoring selects and
/// reorders what is true, so it cannot make a poor fit a good one, and a user sending
/// the result off should know what is missing. `no_bullets` is true only when bullets
/// were asked for and none shows a skill the posting asks for.
fn warn_poor_fit(rules: &crate::rules::RuleSet, score: &Score, no_bullets: bool) {
    if score.band() != crate::score::Band::Poor && !no_bullets {
        return;
    }
    let gaps: Vec<&str> = score
        .gaps()
        .iter()
        .take(3)
        .map(|g| &*rules.rule(g.skill.rule).name)
        .collect();
    let mut note = format!(
        "note: this posting scores {:.0}/100 ({}) against the profile",
        score.value,
        score.band().as_str()
    );
    if no_bullets {
        note.push_str("; no bullet of the profile shows a skill it asks for");
    }
    if !gaps.is_empty() {
        note.push_str(&format!("; costliest gaps: {}", gaps.join(", ")));
    }
    note.push_str(". Tailoring only selects what the profile shows.");
    // A closed stderr is no reason to fail the command.
    let _ = writeln!(anstream::stderr().lock(), "{note}");
}
