//! jobfit's entry point: parse the command line, run it, exit with its status.

use clap::Parser;

fn main() -> std::process::ExitCode {
    jobfit::error::quiet_contained_panics();
    jobfit::app::main(jobfit::cli::Cli::parse())
}
