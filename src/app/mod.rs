//! The application layer: runs a parsed command line. This is the only place that
//! touches stdout/stderr, the terminal and the process exit code; every stage below it
//! returns values.

mod eval;
mod extract;
mod jobs;
mod man;
mod profile;
mod rank;
mod rules;
mod score;
mod tailor;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, ColorWhen, Command};
use crate::error::{Error, Result};
use crate::report::{Format, Message, Style};
use crate::settings::Settings;

/// Exit status for "the score is below --min-score".
pub const EXIT_BELOW_MIN: u8 = 1;
/// Exit status for errors.
pub const EXIT_ERROR: u8 = 2;

/// Runs the command line and returns the process exit status. Errors are printed here,
/// once, with the program's name; a closed output pipe is success.
#[must_use]
pub fn main(cli: Cli) -> ExitCode {
    let color = cli.color;
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(c) = color {
                set_color(c);
            }
            let mut err = anstream::stderr();
            let red = anstyle::Style::new()
                .bold()
                .fg_color(Some(anstyle::AnsiColor::Red.into()));
            let _ = writeln!(err, "{red}error{red:#}: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn set_color(c: ColorWhen) {
    anstream::ColorChoice::write_global(match c {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
}

/// Runs a command.
///
/// # Errors
/// Whatever the command fails with.
pub fn run(cli: Cli) -> Result<u8> {
    // Completions and the man page need nothing else, not even a valid config.
    match &cli.command {
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "jobfit", &mut out);
            write_stdout(&out)?;
            return Ok(0);
        }
        Command::Man => {
            let out = man::page().map_err(|e| Error::io("<man page>", e))?;
            write_stdout(&out)?;
            return Ok(0);
        }
        _ => {}
    }
    let settings = Settings::resolve(&cli)?;
    set_color(settings.color);
    match cli.command {
        Command::Score(args) => score::run(&settings, &args),
        Command::Rank(args) => rank::run(&settings, &args),
        Command::Tailor(args) => tailor::run(&settings, &args),
        Command::Jobs(cmd) => jobs::run(&settings, cmd),
        Command::Profile(cmd) => profile::run(&settings, cmd),
        Command::Extract(args) => extract::run(&settings, &args),
        Command::Rules(cmd) => rules::run(&settings, cmd),
        Command::Eval(cmd) => eval::run(&settings, cmd),
        Command::Completions { .. } | Command::Man => Ok(0),
    }
}

/// Reads the posting a command is given: `-` or nothing for stdin (asking for a paste
/// on a terminal), a URL (fetched), a file, or a saved job in jobs/ named by its file
/// name (with or without `.md`) or its id.
///
/// # Errors
/// Unreadable or unknown postings, fetch failures.
fn load_posting_arg(
    settings: &Settings,
    spec: Option<&str>,
    fetch: &crate::cli::FetchArgs,
) -> Result<crate::posting::Posting> {
    use crate::error::Diagnostic;
    let spec = spec.unwrap_or("-");
    if spec == "-" {
        if std::io::stdin().is_terminal() {
            let _ = writeln!(
                std::io::stderr(),
                "Paste the job ad, then press Ctrl-D on an empty line:"
            );
        }
        return crate::source::load_page_posting(None).map(noted);
    }
    if crate::source::is_url(spec) {
        return crate::fetch::fetch_page_posting(&jobs::fetcher(fetch)?, spec).map(noted);
    }
    let path = std::path::Path::new(spec);
    if path.exists() {
        return crate::source::load_page_posting(Some(path)).map(noted);
    }
    let dir = &settings.jobs_dir;
    let stem = spec.strip_suffix(".md").unwrap_or(spec);
    // A saved job by its file name: read directly, so its own error ("permission
    // denied", bad front matter) is the one shown.
    let own = dir.join(format!("{stem}.md"));
    if !stem.contains(['/', '\\']) && own.exists() {
        return crate::source::load_page_posting(Some(&own)).map(noted);
    }
    // Else by the id in its front matter.
    let saved = crate::jobs::list(dir)?;
    let hit = saved.iter().find(|j| j.id.as_deref() == Some(spec));
    if let Some(j) = hit {
        return crate::source::load_page_posting(Some(&j.file)).map(noted);
    }
    let mut names: Vec<String> = saved
        .iter()
        .filter_map(|j| {
            j.file
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_owned)
        })
        .collect();
    let similar: Vec<&String> = names
        .iter()
        .filter(|n| n.contains(stem) || strsim::jaro_winkler(n, stem) > 0.85)
        .collect();
    let help = if let Some(s) = similar.first() {
        format!("did you mean `{s}`? (`jobfit jobs list` shows the saved postings)")
    } else if names.is_empty() {
        "pass a posting file, a URL, or `-` to paste one; save postings with `jobfit jobs add`"
            .to_owned()
    } else {
        names.truncate(8);
        format!(
            "pass a file, a URL or `-`, or a saved job in {}/: {}",
            dir.display(),
            names.join(", ")
        )
    };
    Err(Diagnostic::new(spec, "no such file, URL or saved job")
        .help(help)
        .into())
}

/// The posting read from a page, saying on stderr which one it is when the page holds
/// several: the same note wherever the page came from (a URL, a file, stdin).
fn noted(read: crate::html::PagePosting) -> crate::posting::Posting {
    if let Some(note) = read.note() {
        let _ = writeln!(anstream::stderr(), "note: {note}");
    }
    read.posting
}

/// Writes raw bytes to stdout.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// The format to use when none was asked for: a table for people, JSON for programs.
/// Rules named for a message: "`swift-lang` for Swift (language)", one per id.
fn rule_names(rules: &crate::rules::RuleSet, ids: &[crate::rules::RuleId]) -> Vec<String> {
    ids.iter()
        .map(|&r| format!("`{}` for {}", rules.rule(r).id, rules.rule(r).name))
        .collect()
}

fn default_format(asked: Option<Format>) -> Format {
    asked.unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        }
    })
}

/// Table width: the terminal's, else unbounded.
fn style() -> Style {
    let width = if std::io::stdout().is_terminal() {
        terminal_size::terminal_size()
            .map(|(w, _)| w.0)
            .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
    } else {
        std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
    };
    Style { width }
}

/// Standard output for reports, block-buffered: stdout alone is line-buffered, which
/// made a system call of every line of a JSON report (about a thousand for one
/// `score`). Colour is kept or stripped as anstream decides for stdout. Callers flush.
fn stdout_stream() -> std::io::BufWriter<StdoutStream> {
    std::io::BufWriter::with_capacity(
        64 * 1024,
        StdoutStream {
            choice: anstream::AutoStream::choice(&std::io::stdout()),
            direct: Some(std::io::stdout().lock()),
            through: None,
        },
    )
}

/// Stdout that sends text through anstream only once it holds a control byte. Text
/// without one (no ESC, no other C0 control but whitespace, no DEL) is the same after
/// anstream's escape stripping, which reads it byte by byte through a state machine:
/// that was a third of `extract -f ndjson`. It sits behind a `BufWriter`, so each check
/// reads a whole buffer, not each of the serialiser's small pieces. From the first
/// write with a control byte on, every write goes through anstream, so its parser
/// state carries over between writes as before.
pub(super) struct StdoutStream {
    choice: anstream::ColorChoice,
    direct: Option<std::io::StdoutLock<'static>>,
    through: Option<anstream::AutoStream<Box<dyn Write>>>,
}

impl StdoutStream {
    fn sink(&mut self, buf: &[u8]) -> &mut dyn Write {
        if self.through.is_none() && has_control(buf) {
            let lock = self.direct.take().expect("a stdout writer");
            // Stripping writes many small pieces: buffered, not one system call a line.
            let raw: Box<dyn Write> = Box::new(std::io::BufWriter::new(lock));
            self.through = Some(anstream::AutoStream::new(raw, self.choice));
        }
        match (&mut self.through, &mut self.direct) {
            (Some(t), _) => t,
            (None, Some(d)) => d,
            (None, None) => unreachable!("stdout writer taken without a replacement"),
        }
    }
}

/// True when `buf` holds a byte that anstream's stripping could drop or read as the
/// start of an escape sequence.
fn has_control(buf: &[u8]) -> bool {
    // A fold without an early exit, so that it is vectorised.
    buf.iter().fold(false, |any, &b| {
        any | ((b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r')) | (b == 0x7f))
    })
}

impl Write for StdoutStream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.sink(buf).write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.sink(buf).write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.sink(&[]).flush()
    }
}

/// Writes a message to stdout in `format`.
fn emit(msg: &Message, format: Format) -> Result<()> {
    let mut out = stdout_stream();
    crate::report::write(msg, format, &style(), &mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

#[cfg(test)]
mod tests {
    use super::has_control;

    #[test]
    fn text_without_control_bytes_is_unchanged_by_stripping() {
        for s in [
            "plain ascii, tabs\tand\r\nnewlines\x0cform feed",
            "é, “quotes”, \u{85} and \u{9b} (C1 as UTF-8), 🦀, \u{200b}",
            "{\n  \"score\": 73\n}\n",
        ] {
            assert!(!has_control(s.as_bytes()), "{s:?}");
            let stripped = anstream::adapter::strip_bytes(s.as_bytes()).into_vec();
            assert_eq!(stripped, s.as_bytes(), "{s:?}");
        }
        for s in ["\x1b[1mbold\x1b[0m", "bell\x07", "del\x7f", "vt\x0b"] {
            assert!(has_control(s.as_bytes()), "{s:?}");
            let stripped = anstream::adapter::strip_bytes(s.as_bytes()).into_vec();
            assert_ne!(stripped, s.as_bytes(), "{s:?}");
        }
    }
}
