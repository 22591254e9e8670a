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
    let rules = crate::rules::load(&settings.rules)?;
    let mut out = anstream::stdout().lock();
    for f in &files {
        let (origin, text) = source::read_input(Some(f))?;
        let sentences = parse_conll(&origin, &text)?;
        let r = evaluate(&rules, &sentences, top);
        let res = match default_format(format) {
            Format::Json | Format::Ndjson => serde_json::to_writer_pretty(&mut out, &r)
                .map_err(std::io::Error::other)
                .and_then(|()| writeln!(out)),
            _ => (|| {
                writeln!(
                    out,
                    "{origin}: {} sentences, {} rules",
                    r.sentences,
                    rules.len()
                )?;
                writeln!(
                    out,
                    "precision {:.3} ({}/{} predictions overlap a gold Knowledge or Skill span)",
                    r.precision, r.correct_predictions, r.predictions
                )?;
                writeln!(
                    out,
                    "recall    {:.3} ({}/{} gold Knowledge spans overlapped)",
                    r.recall, r.found_knowledge, r.gold_knowledge
                )?;
                writeln!(out, "f1        {:.3}", r.f1)?;
                writeln!(out, "most frequent false positives:")?;
                for (t, n) in &r.false_positives {
                    writeln!(out, "  {n:4}  {t}")?;
                }
                writeln!(out, "most frequent missed Knowledge spans:")?;
                for (t, n) in &r.false_negatives {
                    writeln!(out, "  {n:4}  {t}")?;
                }
                Ok(())
            })(),
        };
        res.map_err(|e| Error::io("<stdout>", e))?;
    }
    Ok(0)
}
