//! Command-line flags (clap derive): raw values only. `settings` turns them, with the
//! config files, into one resolved `Settings` before any work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// Offline, explainable résumé-to-job-posting matcher.
///
/// jobfit extracts skills from job postings and from your résumé with readable rules
/// (rules/*.yml), scores how well they match (0–100, every point explained), shows the
/// gaps that cost the most and the résumé bullets that best fit a posting.
#[derive(Debug, Parser)]
#[command(name = "jobfit", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    /// Add a rule pack (a directory of *.yml files, or one file) on top of the built-in
    /// packs; a rule with the same id replaces the built-in one. Repeatable.
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub rules: Vec<PathBuf>,

    /// Do not load the built-in rule packs (use only --rules).
    #[arg(long, global = true)]
    pub no_default_rules: bool,

    /// When to use colour. `auto` honours NO_COLOR and whether output is a terminal.
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub color: Option<ColorWhen>,

    /// Read settings from this file instead of the user config file
    /// (default: $XDG_CONFIG_HOME/jobfit/config.yaml or the platform equivalent).
    #[arg(long, value_name = "FILE", global = true, env = "JOBFIT_CONFIG")]
    pub config: Option<PathBuf>,

    /// Ignore config files (user and ./jobfit.yaml).
    #[arg(long, global = true)]
    pub no_config: bool,

    /// Date that open-ended roles ("to present") run to, YYYY-MM[-DD]; default today.
    /// Set it to make scores reproducible over time.
    /// Given twice, the last one counts (an alias or script can set a default).
    #[arg(
        long,
        value_name = "DATE",
        global = true,
        env = "JOBFIT_AS_OF",
        overrides_with = "as_of"
    )]
    pub as_of: Option<String>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorWhen {
    /// Colour on a terminal unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score one posting (a file, or a pasted ad on stdin) against a profile.
    Score(ScoreArgs),
    /// Rank many postings (jobs/ by default) against a profile.
    Rank(RankArgs),
    /// Tailor the résumé to one posting: the bullets that fit it best (verbatim), a
    /// summary written only from profile facts, and a résumé to send (Markdown, text or
    /// JSON Resume).
    Tailor(TailorArgs),
    /// Show the skills the rules find in any text, with byte offsets, lines and columns.
    Extract(ExtractArgs),
    /// List, check and explain rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Import, export and inspect profiles (résumés).
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Save, list and import job postings (jobs/).
    #[command(subcommand)]
    Jobs(JobsCommand),
    /// Measure extraction against gold annotations.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) generated from these flags.
    Man,
}

/// Selecting the profile.
#[derive(Debug, Args, Clone)]
pub struct ProfileArg {
    /// The profile: a name in profiles/ (`python-generalist`) or a path to a YAML or
    /// JSON Resume file. Optional when profiles/ holds one profile or a default is
    /// configured.
    #[arg(long, short = 'p', value_name = "PROFILE")]
    pub profile: Option<String>,
}

/// `jobfit score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub profile: ProfileArg,

    /// The posting: a file, a saved job (its file name or id in jobs/), a URL, or `-`
    /// (or nothing) to read a pasted ad from stdin.
    #[arg(value_name = "POSTING")]
    pub posting: Option<String>,

    /// Also print a one-line summary of the profile for this posting.
    #[arg(long)]
    pub summary: bool,

    #[command(flatten)]
    pub fetch: FetchArgs,

    /// Output format (default: table on a terminal, JSON otherwise).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Explain every point of the score: rule, weight, section and the words in both
    /// documents.
    #[arg(long)]
    pub explain: bool,

    /// Exit with status 1 when the score is below this (0–100).
    #[arg(long, value_name = "SCORE", value_parser = score_value)]
    pub min_score: Option<f32>,

    /// How many résumé bullets to suggest.
    #[arg(long, value_name = "N", default_value_t = crate::tailor::DEFAULT_BULLETS)]
    pub bullets: usize,
}

/// `jobfit rank`.
#[derive(Debug, Args)]
pub struct RankArgs {
    #[command(flatten)]
    pub profile: ProfileArg,

    /// Directories of postings, posting files, NDJSON files, or CSV exports with a
    /// header row (default: jobs/); `-` reads NDJSON from standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Show only the N best.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Show only postings scoring at least this (0–100); exit with status 1 when none
    /// does.
    #[arg(long, value_name = "SCORE", value_parser = score_value)]
    pub min_score: Option<f32>,

    /// Output format (default: table on a terminal, JSON otherwise).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Stop at the first posting (or NDJSON line, or CSV row) that cannot be read, instead of
    /// skipping it with a warning.
    #[arg(long)]
    pub strict: bool,

    /// Add a one-line summary of the profile for each posting.
    #[arg(long)]
    pub summary: bool,

    /// Rank every posting, even the same job twice. By default postings with the same
    /// company and title (an untitled one: the same company and skills; otherwise the
    /// same text) are one row, shown by the best-scoring of them with a count of the
    /// others.
    #[arg(long)]
    pub keep_duplicates: bool,

    /// Rank only postings that ask for this skill (a rule id, a name, or any alias such
    /// as "k8s"), or for a skill implying it; repeat for any of several.
    #[arg(long, value_name = "SKILL")]
    pub with: Vec<String>,
}

/// Document formats of `jobfit tailor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TailorFormat {
    /// A Markdown résumé (each bullet's covered skills in an HTML comment).
    Markdown,
    /// The tailored profile as JSON Resume (`meta.jobfit` says what it was tailored for).
    JsonResume,
    /// Plain text, for pasting into application forms.
    Text,
    /// jobfit's report: summary sentences with their sources, bullets with what they
    /// cover (docs/json.md).
    Json,
}

/// `jobfit tailor`.
#[derive(Debug, Args)]
pub struct TailorArgs {
    #[command(flatten)]
    pub profile: ProfileArg,

    /// The posting: a file, a saved job (its file name or id in jobs/), a URL, or `-`
    /// (or nothing) to read a pasted ad from stdin.
    #[arg(value_name = "POSTING")]
    pub posting: Option<String>,

    /// How many bullets to select in all (0: none, for a summary and skills only).
    #[arg(long, value_name = "N", default_value_t = crate::tailor::DEFAULT_BULLETS)]
    pub bullets: usize,

    /// At most this many bullets from one role.
    #[arg(long, value_name = "N")]
    pub per_role: Option<usize>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "markdown")]
    pub format: TailorFormat,

    /// Show where each summary sentence comes from (profile fields) and what each
    /// bullet covers.
    #[arg(long)]
    pub explain: bool,

    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace an existing --output file.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// `jobfit extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A file, or `-` (or nothing) for stdin.
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Output format (default: table on a terminal, JSON otherwise).
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// `jobfit rules ...`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the loaded rules.
    List {
        /// Only rules of this category.
        #[arg(long, value_name = "CATEGORY")]
        category: Option<String>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
        format: Option<Format>,
    },
    /// Validate rule files and run every rule's examples. With DIRs, checks those packs
    /// on top of the built-in ones (or alone with --no-default-rules).
    Check {
        /// Rule directories or files to check.
        #[arg(value_name = "DIR")]
        dirs: Vec<PathBuf>,
    },
    /// Show one rule: aliases, guards, implications, and whether its examples pass.
    Explain {
        /// The rule id (`python`, `kubernetes`).
        id: String,
        /// Output format.
        #[arg(long, short = 'f', value_name = "FORMAT",
              value_parser = formats(&[Format::Table, Format::Json, Format::Ndjson, Format::Markdown]))]
        format: Option<Format>,
    },
}

/// `jobfit eval ...`.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Loose-overlap precision, recall and F1 against SkillSpan CoNLL files, with the
    /// most frequent false positives and misses.
    Skillspan {
        /// SkillSpan .conll files (e.g. ../shared/data/gold/skillspan/skillspan_tech_dev.conll).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// How many false positives and negatives to list.
        #[arg(long, default_value_t = 25, value_name = "N")]
        top: usize,
        /// Output format.
        #[arg(long, short = 'f', value_name = "FORMAT",
              value_parser = formats(&[Format::Table, Format::Json]))]
        format: Option<Format>,
    },
}

/// HTTP limits for commands that fetch.
#[derive(Debug, Args, Clone)]
pub struct FetchArgs {
    /// Give up on a request after this many seconds, from connecting to the body's last
    /// byte.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
}

/// `jobfit jobs ...`.
#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// Save a posting into jobs/ as Markdown with front matter: from a URL (its
    /// schema.org JobPosting data, else its main text), a file, or `-` for stdin.
    Add {
        /// A URL, a file, or `-`.
        #[arg(value_name = "URL|FILE|-")]
        input: String,
        /// Replace the saved copy when the same URL or text is already saved.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        fetch: FetchArgs,
        /// Output format.
        #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
        format: Option<Format>,
    },
    /// List saved postings.
    List {
        /// Output format.
        #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
        format: Option<Format>,
    },
    /// Import a whole public job board: `greenhouse:BOARD` or `lever:SITE`.
    Import {
        /// `greenhouse:BOARD` or `lever:SITE` (the name in the board's URL).
        #[arg(value_name = "SOURCE")]
        source: String,
        /// Replace saved copies of postings that are already saved.
        #[arg(long)]
        force: bool,
        /// Base URL of the Greenhouse job board API.
        #[arg(long, value_name = "URL", env = "JOBFIT_GREENHOUSE_API", default_value = crate::fetch::GREENHOUSE_API)]
        greenhouse_api: String,
        /// Base URL of the Lever postings API (EU boards: https://api.eu.lever.co).
        #[arg(long, value_name = "URL", env = "JOBFIT_LEVER_API", default_value = crate::fetch::LEVER_API)]
        lever_api: String,
        #[command(flatten)]
        fetch: FetchArgs,
        /// Output format.
        #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
        format: Option<Format>,
    },
}

/// Profile formats for export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileFormat {
    /// JSON Resume (JSON).
    JsonResume,
    /// jobfit's YAML (JSON Resume field names).
    Yaml,
}

/// `jobfit profile ...`.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Import a résumé (text, Markdown, narrative prose, JSON Resume, PDF) into
    /// profiles/NAME.yaml.
    Import {
        /// The résumé file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Profile name (default: the file's name).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Replace an existing profile of that name.
        #[arg(long)]
        force: bool,
    },
    /// Write a profile as JSON Resume or YAML (stdout, or --output).
    Export {
        #[command(flatten)]
        profile: ProfileArg,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value = "json-resume")]
        format: ProfileFormat,
        /// Write to this file (atomically; --force to replace).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace an existing output file.
        #[arg(long)]
        force: bool,
    },
    /// Show what jobfit understood: roles, dates, bullets, years per skill.
    Show {
        #[command(flatten)]
        profile: ProfileArg,
        /// Output format (table or json).
        #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
        format: Option<Format>,
    },
}

/// `--format` for a report that has only some of the formats: clap then rejects the
/// others (exit 2, listing these) and `--help` shows only these, instead of the report
/// quietly coming out in another format.
fn formats(allowed: &'static [Format]) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(
        allowed.iter().filter_map(ValueEnum::to_possible_value),
    )
    .try_map(|name| Format::from_str(&name, false))
}

/// A score threshold: a number from 0 to 100.
fn score_value(s: &str) -> Result<f32, String> {
    let v: f32 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number; scores run from 0 to 100"))?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0–100, the range of scores"))
    }
}
