//! `jobfit extract`: the skills the rules find in any text.

use super::{default_format, emit};
use crate::cli::ExtractArgs;
use crate::error::Result;
use crate::report::{ExtractReport, Message};
use crate::settings::Settings;
use crate::source;

pub(super) fn run(settings: &Settings, args: &ExtractArgs) -> Result<u8> {
    let rules = crate::rules::load_for_matching(&settings.rules)?;
    let (origin, text) = source::read_input(args.input.as_deref())?;
    let mut findings = rules.extract(&text);
    if crate::html::is_html_page(&origin, &text) {
        // A page's tags, scripts and styles are no text: "<html>" is no HTML skill and
        // a script's "React" no requirement. Offsets stay those of the page as given.
        let markup = crate::html::markup_ranges(&text);
        findings.retain(|f| {
            let k = markup.partition_point(|r| r.end <= f.start);
            markup.get(k).is_none_or(|r| r.start >= f.end)
        });
    }
    let report = ExtractReport::build(&rules, &origin, &text, &findings);
    emit(&Message::Extraction(report), default_format(args.format))?;
    Ok(0)
}
