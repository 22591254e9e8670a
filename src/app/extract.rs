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
    // A page is read as `score` and `rank` read it: its JSON-LD posting, else its main
    // text without menus, header and footer. Its markup, and the site around the
    // posting, are no text the rules see, so the offsets index the text read, which
    // the report carries.
    let page_text = if crate::html::is_html_page(&origin, &text) {
        Some(super::noted(crate::html::read_page(&origin, &text, None)?).text)
    } else {
        None
    };
    let read = page_text.as_deref().unwrap_or(&text);
    let findings = rules.extract(read);
    let mut report = ExtractReport::build(&rules, &origin, read, &findings);
    report.page_text = page_text;
    emit(&Message::Extraction(report), default_format(args.format))?;
    Ok(0)
}
