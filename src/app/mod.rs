//! The application layer: runs a parsed command line. This is the only place that
//! touches stdout/stderr, the terminal and the process exit code; every stage below it
//! returns values.

mod eval;
mod extract;
mod jobs;
mod profile;
mod rank;
mod rules;
mod score;

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
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| Error::io("<man page>", e))?;
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
        Command::Jobs(cmd) => jobs::run(&settings, cmd),
        Command::Profile(cmd) => profile::run(&settings, cmd),
        Command::Extract(args) => extract::run(&settings, &args),
        Command::Rules(cmd) => rules::run(&settings, cmd),
        Command::Eval(cmd) => eval::run(&settings, cmd),
        Command::Completions { .. } | Command::Man => Ok(0),
    }
}

/// Writes raw bytes to stdout.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// The format to use when none was asked for: a table for people, JSON for programs.
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

/// Writes a message to stdout in `format`.
fn emit(msg: &Message, format: Format) -> Result<()> {
    let mut out = anstream::stdout().lock();
    crate::report::write(msg, format, &style(), &mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}
