//! `jobfit eval skillspan`: extraction quality against gold spans.

use std::io::Write;

use super::default_format;
use crate::cli::EvalCommand;
use crate::error::{Error, Result};
use crate::eval::{evaluate, parse_conll};
use crate::report::Format;
use crate::settings::Settings;
use crate::source;

pub(super) fn run(settings: &Settings, cmd: EvalCommand) -> Result<u8> {
    let EvalCommand::Skillspan { files, top, format } = cmd;
    let rules = crate::rules::load_for_matching(&settings.rules)?;
    let mut out = super::stdout_stream();
    for f in &files {
        let (origin, text) = source::read_input(Some(f))?;
        let sentences = parse_conll(&origin, &text)?;
        let r = evaluate(&rules, &sentences, top);
        let res = match default_format(format) {
            Format::Json | Format::Ndjson => serde_json::to_writer_pretty(&mut out, &r)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out)),
            _ => (|| {
                writeln!(
                    out,
                    "{origin}: {} sentences, {} rules",
                    r.sentences,
                    rules.len()
                )?;
                for (label, m) in [
                    (
                        "requirement mentions (what scoring counts; comparable with the gold)",
                        &r.requirements,
                    ),
                    (
                        "all mentions (also job-title lines and company descriptions)",
                        &r.mentions,
                    ),
                ] {
                    writeln!(out, "{label}:")?;
                    writeln!(
                        out,
                        "  precision {:.3} ({}/{} predictions overlap a gold Knowledge or Skill span)",
                        m.precision, m.correct_predictions, m.predictions
                    )?;
                    writeln!(
                        out,
                        "  recall    {:.3} ({}/{} gold Knowledge spans overlapped)",
                        m.recall, m.found_knowledge, m.gold_knowledge
                    )?;
                    writeln!(out, "  f1        {:.3}", m.f1)?;
                }
                let m = &r.requirements;
                writeln!(out, "most frequent false positives (requirement mentions):")?;
                for (t, n) in &m.false_positives {
                    writeln!(out, "  {n:4}  {t}")?;
                }
                writeln!(out, "most frequent missed Knowledge spans:")?;
                for (t, n) in &m.false_negatives {
                    writeln!(out, "  {n:4}  {t}")?;
                }
                Ok(())
            })(),
        };
        res.map_err(|e| Error::io("<stdout>", e))?;
    }
    out.flush().map_err(|e| Error::io("<stdout>", e))?;
    Ok(0)
}
