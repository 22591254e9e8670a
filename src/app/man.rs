//! `jobfit man`: one manual page from the clap definitions, with every subcommand's
//! synopsis and options, the exit statuses, the environment and the files jobfit reads.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::Cli;

/// The page, as roff.
///
/// # Errors
/// Rendering errors (writes into memory, so none in practice).
pub fn page() -> io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    // Building fills in each subcommand's full name ("jobfit rules check") for its synopsis.
    cmd.build();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    for sub in cmd.get_subcommands() {
        section(sub, &mut out)?;
    }
    out.extend_from_slice(STATIC_SECTIONS.as_bytes());
    Ok(out)
}

/// Commands with nothing to document beyond their one line in COMMANDS.
const SKIPPED: &[&str] = &["help", "completions", "man"];

/// One subcommand's section: its description, synopsis and options (as subsections),
/// then its own subcommands.
fn section(cmd: &clap::Command, out: &mut Vec<u8>) -> io::Result<()> {
    if SKIPPED.contains(&cmd.get_name()) {
        return Ok(());
    }
    // Global options are documented once, under OPTIONS.
    let own = cmd
        .clone()
        .mut_args(|a| if a.is_global_set() { a.hide(true) } else { a });
    let man = clap_mangen::Man::new(own.clone());
    let name = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name());
    writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
    let mut part = Vec::new();
    man.render_description_section(&mut part)?;
    man.render_synopsis_section(&mut part)?;
    if own.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut part)?;
    }
    // The rendered parts open with top-level headings; under this command's they are
    // subsections.
    let text = String::from_utf8_lossy(&part);
    for line in text.lines() {
        match line.strip_prefix(".SH ") {
            Some("DESCRIPTION") => {}
            Some(h) => writeln!(out, ".SS {}", capitalised(h))?,
            None => writeln!(out, "{line}")?,
        }
    }
    for sub in cmd.get_subcommands() {
        section(sub, out)?;
    }
    Ok(())
}

/// "OPTIONS" → "Options", for a subsection heading.
fn capitalised(heading: &str) -> String {
    let h = heading.trim_matches('"').to_lowercase();
    let mut c = h.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What clap does not know: exit statuses, environment, files.
const STATIC_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
0
Success.
.TP
1
\fBscore \-\-min\-score\fR: the score is below the threshold (also when the output pipe closed early).
.TP
2
An error: a file that cannot be read, malformed YAML or JSON, a bad rule, a posting with no text, a failed download. The message names the file, line and column and says how to fix it; nothing is written.
.SH ENVIRONMENT
.TP
NO_COLOR
When set, \fB\-\-color auto\fR prints no colour.
.TP
JOBFIT_GREENHOUSE_API, JOBFIT_LEVER_API
Base URLs of the job board APIs for \fBjobs import\fR (EU boards, tests).
.SH FILES
.TP
\fI<config dir>/jobfit/config.yaml\fR
User configuration: default profile, extra rule directories, colour ($XDG_CONFIG_HOME/jobfit on Linux).
.TP
\fIjobfit.yaml\fR
Project configuration in the current directory, layered over the user's.
.TP
\fIprofiles/\fR, \fIjobs/\fR, \fIrules/\fR
Résumés (YAML or JSON Resume), saved postings (Markdown with front matter) and extra rule packs.
"#;
