//! `jobfit extract`: the skills the rules find in any text.

use super::{default_format, emit};
use crate::cli::ExtractArgs;
use crate::error::Result;
use crate::report::{ExtractReport, Message};
use crate::settings::Settings;
use crate::source;

pub(super) fn run(settings: &Settings, args: &ExtractArgs) -> Result<u8> {
    let rules = crate::rules::load(&settings.rules)?;
    let (origin, text) = source::read_input(args.input.as_deref())?;
    let findings = rules.extract(&text);
    let report = ExtractReport::build(&rules, &origin, &text, &findings);
    emit(&Message::Extraction(report), default_format(args.format))?;
    Ok(0)
}
