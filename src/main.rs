//! jobfit's entry point: parse the command line, run it, exit with its status.

use clap::Parser;

// Ranking analyses thousands of postings on every core; glibc's allocator spent about
// a tenth of that time in locks and bookkeeping for the many short-lived vectors.
// Built without transparent huge pages (Cargo.toml, `no_thp`): zeroing a fresh 2 MiB
// page cost a short `jobfit score` about 1 ms, and ranking 91k postings ran as fast
// in half the peak memory (30 MB, not 56).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    jobfit::error::quiet_contained_panics();
    jobfit::app::main(jobfit::cli::Cli::parse())
}
