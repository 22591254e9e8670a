//! Batch ranking: many postings against one profile, in parallel (rayon) and streaming
//! (inputs are read in batches, so memory stays bounded whatever their size), with the
//! skills most often missing across them, ordered by how much adding each would lift
//! the scores.

use std::collections::BinaryHeap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::csv_postings;
use crate::error::{Diagnostic, Error, Result};
use crate::evidence::AnalyzedProfile;
use crate::posting::{AnalyzedPosting, Posting, SectionKind};
use crate::report::ProfileInfo;
use crate::rules::{RuleId, RuleSet};
use crate::score::{Band, Score, Status};
use crate::source::{self, POSTING_EXTENSIONS};

/// Postings processed per parallel batch.
const BATCH: usize = 2048;

/// How to rank.
#[derive(Debug, Clone, Default)]
pub struct RankOptions {
    /// Keep only the best N.
    pub top: Option<usize>,
    /// Keep only postings scoring at least this.
    pub min_score: Option<f32>,
    /// Stop at the first posting that cannot be read, instead of skipping it.
    pub strict: bool,
    /// Add a one-line summary of the profile for each posting.
    pub summary: bool,
    /// Rank every posting, even the same job seen again (see `dup_key`).
    pub keep_duplicates: bool,
    /// Rank only postings that ask for at least one of these skills (see `asks_for`);
    /// empty: every posting.
    pub with: Vec<RuleId>,
}

/// One ranked posting.
#[derive(Debug, Clone, Serialize)]
pub struct RankRow {
    /// File, or `file.ndjson:LINE`.
    pub origin: String,
    /// Id, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Where the job is, as the posting says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// 0–100.
    pub score: f32,
    /// Band.
    pub band: Band,
    /// Up to three matched skills, heaviest first.
    pub top_matches: Vec<String>,
    /// Up to three gaps, costliest first.
    pub top_gaps: Vec<String>,
    /// One line on the profile for this posting (`--summary`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Other postings of the same job folded into this row (see `dup_key`): a board
    /// reposted monthly, or the same ad saved twice.
    #[serde(skip_serializing_if = "is_zero")]
    pub duplicates: usize,
    /// Weight of the posting's skills the rules recognised. Of two postings with the
    /// same score, the one that asks more is the better-evidenced match and ranks
    /// first: a title-only ad scoring 100 from two skills is a weaker signal than a
    /// full ad scoring 100 from twelve.
    #[serde(skip)]
    pub recognised_weight: f32,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl RankRow {
    /// "Title — Company" or the origin, with the count of folded duplicates.
    #[must_use]
    pub fn label(&self) -> String {
        let name = match (&self.title, &self.company) {
            (Some(t), Some(c)) => format!("{t} — {c}"),
            (Some(t), None) => t.clone(),
            (None, Some(c)) => c.clone(),
            (None, None) => self.origin.clone(),
        };
        match self.duplicates {
            0 => name,
            1 => format!("{name} (+1 duplicate)"),
            n => format!("{name} (+{n} duplicates)"),
        }
    }
}

/// A skill the profile lacks, aggregated over the ranked postings.
#[derive(Debug, Clone, Serialize)]
pub struct MissingSkill {
    /// Rule id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Postings that ask for it and do not get full credit.
    pub postings: usize,
    /// Points all those postings would gain together with full credit for it.
    pub total_lift: f32,
    /// `total_lift` over every ranked posting: the average score gain.
    pub mean_lift: f32,
}

/// A posting that could not be read.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// File, or `file.ndjson:LINE`.
    pub origin: String,
    /// Why.
    pub error: String,
}

impl Skipped {
    /// The error `--strict` stops with. Most reasons already start with where they
    /// are (`jobs.ndjson:2: invalid JSON`, `a.yaml:2:6: ...`): those are kept as they
    /// are rather than prefixed with the origin a second time.
    fn into_error(self) -> Error {
        let error = self.error.trim_start_matches("error: ");
        if error.starts_with(&self.origin) {
            Error::Reported(error.to_owned())
        } else {
            Error::msg(self.origin, error.to_owned())
        }
    }
}

/// Something to know about a posting that was read and ranked all the same: a page
/// whose JSON-LD holds several postings, read as its first (see `html::PagePosting`).
#[derive(Debug, Clone, Serialize)]
pub struct Warning {
    /// The file.
    pub origin: String,
    /// What to know.
    pub message: String,
}

/// `jobfit rank`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct RankReport {
    /// Schema version.
    pub schema: u32,
    /// The profile.
    pub profile: ProfileInfo,
    /// Postings scored.
    pub postings: usize,
    /// Of those, postings folded into a row of the same job (see `dup_key`).
    pub duplicates: usize,
    /// Skills given with `--with` (names): only postings asking for one are ranked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// Postings read but not ranked because they ask for none of `with`.
    #[serde(skip_serializing_if = "is_zero")]
    pub without: usize,
    /// Bytes of posting text scored.
    pub bytes: u64,
    /// Ranked postings, best first (after `--min-score` and `--top`).
    pub rows: Vec<RankRow>,
    /// Skills most often missing, by total lift.
    pub missing: Vec<MissingSkill>,
    /// Postings that could not be read.
    pub skipped: Vec<Skipped>,
    /// Postings read with something to know (a page of several postings).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// Whether some posting scored at least `--min-score` (any posting, without it),
    /// whether or not `--top` shows it: `rank --min-score`'s verdict, the exit status.
    #[serde(skip)]
    pub reached_min_score: bool,
}

/// One unit of work.
enum Item {
    File(PathBuf),
    Line {
        origin: String,
        text: String,
    },
    /// A posting already read (a CSV row).
    Read(Posting),
}

/// What reading one posting yields.
// Most postings are scored: boxing the large variant would cost an allocation each.
#[allow(clippy::large_enum_variant)]
enum Outcome {
    /// Scored, to rank.
    Scored(Scored),
    /// Asks for none of the `--with` skills: read (this many bytes of text), not
    /// scored.
    LeftOut(u64),
}

/// What scoring one posting yields.
struct Scored {
    row: RankRow,
    /// `dup_key` of the posting.
    key: u64,
    /// (rule, points lost) of every gap.
    lost: Vec<(RuleId, f32)>,
    bytes: u64,
}

/// Orders rows best first; equal scores by recognised weight, then by origin so
/// results are deterministic (line 2 of a file before line 10). The second field is
/// the row's `dup_key`.
struct Ranked(RankRow, u64);

/// Origins in reading order: the same file's lines by number ("x.ndjson:2" before
/// "x.ndjson:10"), otherwise as text.
fn origin_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn split(o: &str) -> Option<(&str, u64)> {
        o.rsplit_once(':')
            .and_then(|(file, n)| Some((file, n.parse::<u64>().ok()?)))
    }
    match (split(a), split(b)) {
        (Some((fa, na)), Some((fb, nb))) => fa.cmp(fb).then(na.cmp(&nb)),
        _ => a.cmp(b),
    }
}

impl PartialEq for Ranked {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == std::cmp::Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Ranked {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        // "Smaller" is better, so a max-heap keeps the worst on top for eviction.
        o.0.score
            .total_cmp(&self.0.score)
            .then_with(|| o.0.recognised_weight.total_cmp(&self.0.recognised_weight))
            .then_with(|| origin_order(&self.0.origin, &o.0.origin))
    }
}

/// What ranking remembers of one job (one `dup_key`): 16 bytes per distinct
/// posting, so a huge input of distinct postings stays small.
struct Seen {
    /// Best score among its postings.
    score: f32,
    /// Postings seen.
    copies: u32,
    /// Index of its row in `Acc::all` (without `--top`), or `u32::MAX`.
    slot: u32,
}

/// Accumulates results batch by batch.
struct Acc<'a> {
    opts: &'a RankOptions,
    heap: BinaryHeap<Ranked>,
    all: Vec<Ranked>,
    missing: FxHashMap<RuleId, (usize, f32)>,
    seen: FxHashMap<u64, Seen>,
    postings: usize,
    duplicates: usize,
    without: usize,
    bytes: u64,
    skipped: Vec<Skipped>,
    warnings: Vec<Warning>,
    /// Some posting scored at least `--min-score`.
    reached_min_score: bool,
}

impl Acc<'_> {
    /// Notes an input that cannot be read, to be reported and skipped; with
    /// `--strict`, it is the error that stops the run.
    fn skip(&mut self, skip: Skipped) -> Result<()> {
        if self.opts.strict {
            return Err(skip.into_error());
        }
        self.skipped.push(skip);
        Ok(())
    }

    fn add(&mut self, s: Scored) {
        self.postings += 1;
        self.bytes += s.bytes;
        // A better-scoring posting of a job already seen takes its row.
        let mut replaces = false;
        if !self.opts.keep_duplicates {
            match self.seen.entry(s.key) {
                std::collections::hash_map::Entry::Occupied(mut e) => {
                    // The same job again: counted once in the missing skills, shown
                    // once, by its best-scoring posting (the first of equals).
                    let seen = e.get_mut();
                    seen.copies += 1;
                    self.duplicates += 1;
                    if s.row.score <= seen.score {
                        return;
                    }
                    seen.score = s.row.score;
                    replaces = true;
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(Seen {
                        score: s.row.score,
                        copies: 1,
                        slot: u32::MAX,
                    });
                }
            }
        }
        if !replaces {
            for (r, lost) in s.lost {
                let e = self.missing.entry(r).or_default();
                e.0 += 1;
                e.1 += lost;
            }
        }
        if self.opts.min_score.is_some_and(|m| s.row.score < m) {
            return;
        }
        self.reached_min_score = true;
        let key = s.key;
        match self.opts.top {
            Some(n) => {
                if replaces {
                    self.heap.retain(|r| r.1 != key);
                }
                self.heap.push(Ranked(s.row, key));
                if self.heap.len() > n {
                    self.heap.pop();
                }
            }
            None => {
                let row = Ranked(s.row, key);
                match self.seen.get_mut(&key).map(|e| &mut e.slot) {
                    Some(slot) if (*slot as usize) < self.all.len() => {
                        self.all[*slot as usize] = row;
                    }
                    slot => {
                        if let Some(slot) = slot {
                            *slot = u32::try_from(self.all.len()).unwrap_or(u32::MAX);
                        }
                        self.all.push(row);
                    }
                }
            }
        }
    }

    /// Postings of the job `key` beyond the first.
    fn duplicates_of(&self, key: u64) -> usize {
        self.seen
            .get(&key)
            .map_or(0, |s| s.copies.saturating_sub(1) as usize)
    }
}

/// Identity of a job across postings: the same company and title (case and
/// punctuation aside); for a company's untitled posting, the same company and the
/// same set of skills; otherwise the same text (whitespace aside). Reposts of a
/// board's ads month after month, and the same ad saved twice, share it.
fn dup_key(a: &AnalyzedPosting) -> u64 {
    use std::hash::Hasher as _;
    let p = &a.posting;
    let mut h = rustc_hash::FxHasher::default();
    let words = |h: &mut rustc_hash::FxHasher, s: &str| {
        for w in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            for c in w.chars().flat_map(char::to_lowercase) {
                h.write_u32(c as u32);
            }
            h.write_u8(0);
        }
    };
    match (&p.company, &p.title) {
        (Some(c), Some(t)) => {
            h.write_u8(1);
            words(&mut h, c);
            h.write_u8(1);
            words(&mut h, t);
        }
        (Some(c), None) if !a.skills.is_empty() => {
            h.write_u8(3);
            words(&mut h, c);
            let mut ids: Vec<u32> = a.skills.iter().map(|s| s.rule.0).collect();
            ids.sort_unstable();
            for id in ids {
                h.write_u32(id);
            }
        }
        _ => {
            h.write_u8(2);
            for w in p.text.split_whitespace() {
                h.write(w.as_bytes());
                h.write_u8(0);
            }
        }
    }
    h.finish()
}

/// True when the posting asks for one of `skills`, or for a skill that implies one
/// (a posting asking for Ceph asks for object storage), anywhere but in what it says
/// about the company and its benefits.
fn asks_for(rules: &RuleSet, posting: &AnalyzedPosting, skills: &[RuleId]) -> bool {
    posting.skills.iter().any(|s| {
        !matches!(
            s.need,
            SectionKind::Company | SectionKind::About | SectionKind::Benefits
        ) && (skills.contains(&s.rule)
            || rules.implied_by(s.rule).iter().any(|r| skills.contains(r)))
    })
}

fn score_one(
    rules: &RuleSet,
    profile: &AnalyzedProfile,
    posting: Posting,
    opts: &RankOptions,
) -> Outcome {
    let summary = opts.summary;
    let bytes = posting.text.len() as u64;
    let analyzed = AnalyzedPosting::analyze(posting, rules);
    if !opts.with.is_empty() && !asks_for(rules, &analyzed, &opts.with) {
        return Outcome::LeftOut(bytes);
    }
    let key = dup_key(&analyzed);
    let score = Score::compute(rules, &analyzed, profile);
    let name = |r: RuleId| rules.rule(r).name.to_string();
    let top_matches = score
        .items
        .iter()
        .filter(|i| i.status == Status::Matched)
        .take(3)
        .map(|i| name(i.skill.rule))
        .collect();
    // Gaps here are skills the profile lacks (missing, or only related): what adding
    // the skill to the résumé would change.
    let gaps: Vec<_> = score
        .gaps()
        .into_iter()
        .filter(|i| matches!(i.status, Status::Missing | Status::Related))
        .collect();
    let top_gaps = gaps.iter().take(3).map(|i| name(i.skill.rule)).collect();
    let lost = gaps.iter().map(|i| (i.skill.rule, i.lost)).collect();
    let summary = if summary {
        crate::tailor::one_line(rules, profile, &score)
    } else {
        None
    };
    let p = analyzed.posting;
    Outcome::Scored(Scored {
        row: RankRow {
            origin: p.origin,
            id: p.id,
            title: p.title,
            company: p.company,
            location: p.location,
            url: p.url,
            score: (score.value * 10.0).round() / 10.0,
            band: score.band(),
            top_matches,
            top_gaps,
            summary,
            duplicates: 0,
            recognised_weight: score.recognised_weight(),
        },
        key,
        lost,
        bytes,
    })
}

/// Reads and scores one posting, with a warning when what was read is not all the
/// file holds (a page of several postings: the same note `jobs add` gives).
fn process(
    rules: &RuleSet,
    profile: &AnalyzedProfile,
    item: Item,
    opts: &RankOptions,
) -> std::result::Result<(Outcome, Option<Warning>), Skipped> {
    let mut warning = None;
    let posting = match item {
        Item::File(path) => {
            let origin = path.display().to_string();
            let page = source::read_input(Some(&path))
                .and_then(|(o, text)| source::page_from_document(&o, &text))
                .map_err(|e| Skipped {
                    origin: origin.clone(),
                    error: e.to_string(),
                })?;
            warning = page.note().map(|message| Warning { origin, message });
            page.posting
        }
        Item::Line { origin, text } => ndjson_posting(&origin, &text).map_err(|e| Skipped {
            origin,
            error: e.to_string(),
        })?,
        Item::Read(posting) => posting,
    };
    Ok((score_one(rules, profile, posting, opts), warning))
}

/// A posting from one NDJSON line.
///
/// # Errors
/// Invalid JSON (with its column) or a line without text.
pub fn ndjson_posting(origin: &str, line: &str) -> Result<Posting> {
    // The common case straight into the record, skipping fields it does not use; only a
    // line that fails goes through a generic JSON value, to say exactly what is wrong.
    // Building that value for every line was a tenth of the time spent ranking.
    if let Ok(record) = serde_json::from_str::<source::PostingRecord>(line)
        && let Some(posting) = record.into_posting(origin.to_owned())
    {
        return Ok(posting);
    }
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        Error::from(
            Diagnostic::new(
                origin,
                format!(
                    "invalid JSON at column {}: {}",
                    crate::error::json_line_col(line, &e).1,
                    crate::error::lower_first(&e.to_string())
                        .split(" at line")
                        .next()
                        .unwrap_or("")
                ),
            )
            .help("each line must be one JSON object such as {\"id\": ..., \"title\": ..., \"text\": ...}"),
        )
    })?;
    source::PostingRecord::posting_from_value(origin, value)
}

/// The file's extension, lower-cased (`X.JSONL` is NDJSON too).
fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// True for a file `rank` reads when it finds it in a directory: a posting document
/// (`POSTING_EXTENSIONS`) or a file of records (see `is_records`), by its extension in
/// any case.
#[must_use]
pub fn reads(path: &Path) -> bool {
    is_records(path) || extension(path).is_some_and(|e| POSTING_EXTENSIONS.contains(&e.as_str()))
}

/// True for a file of many postings, one per line or row: NDJSON or CSV.
#[must_use]
pub fn is_records(path: &Path) -> bool {
    is_ndjson(path) || is_csv(path)
}

fn is_ndjson(path: &Path) -> bool {
    matches!(extension(path).as_deref(), Some("ndjson" | "jsonl"))
}

fn is_csv(path: &Path) -> bool {
    extension(path).as_deref() == Some("csv")
}

/// `inputs` without repeats: a path given again, under another spelling (`./a.md`,
/// a symlink) or not, is dropped, so no file is read twice and ranked as its own
/// duplicate. Paths that do not resolve are kept, for `rank` to report.
#[must_use]
pub fn distinct_inputs(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = rustc_hash::FxHashSet::default();
    inputs
        .iter()
        .filter(|p| {
            p.as_os_str() == "-" || std::fs::canonicalize(p).map_or(true, |c| seen.insert(c))
        })
        .cloned()
        .collect()
}

/// Ranks the postings of `inputs` (directories, posting files, NDJSON files) against
/// `profile`. Each file is read once, however many inputs name it (a file and its
/// directory, the same file twice). `progress` is told how many bytes of input have been consumed.
///
/// # Errors
/// Unreadable inputs; with `strict`, any posting that cannot be read.
pub fn rank(
    rules: &RuleSet,
    profile: &AnalyzedProfile,
    inputs: &[PathBuf],
    opts: &RankOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<RankReport> {
    let mut acc = Acc {
        opts,
        heap: BinaryHeap::new(),
        all: Vec::new(),
        missing: FxHashMap::default(),
        seen: FxHashMap::default(),
        postings: 0,
        duplicates: 0,
        without: 0,
        bytes: 0,
        skipped: Vec::new(),
        warnings: Vec::new(),
        reached_min_score: false,
    };
    let mut run = |acc: &mut Acc<'_>, batch: Vec<Item>| -> Result<()> {
        let results: Vec<_> = batch
            .into_par_iter()
            .map(|item| process(rules, profile, item, opts))
            .collect();
        for r in results {
            let r = r.map(|(outcome, warning)| {
                acc.warnings.extend(warning);
                outcome
            });
            match r {
                Ok(Outcome::Scored(s)) => {
                    progress(s.bytes);
                    acc.add(s);
                }
                Ok(Outcome::LeftOut(bytes)) => {
                    progress(bytes);
                    acc.without += 1;
                }
                Err(skip) => acc.skip(skip)?,
            }
        }
        Ok(())
    };
    // Canonical paths of the files read so far.
    let mut read = rustc_hash::FxHashSet::default();
    let mut first_time = |p: &Path| std::fs::canonicalize(p).map_or(true, |c| read.insert(c));
    for input in &distinct_inputs(inputs) {
        if input.as_os_str() == "-" {
            rank_stdin(&mut acc, &mut run)?;
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound
                && input.to_str().is_some_and(crate::source::is_url)
            {
                return crate::source::not_found(&input.display().to_string(), e);
            }
            Error::from(
                Diagnostic::new(
                    input.display().to_string(),
                    format!("cannot read: {}", crate::error::io_words(&e)),
                )
                .help("pass directories of postings, posting files, NDJSON or CSV files"),
            )
        })?;
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(input)
                .map_err(|e| Error::io(input, e))?
                .filter_map(std::result::Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && reads(p) && first_time(p))
                .collect();
            files.sort();
            let (many, docs): (Vec<_>, Vec<_>) = files.into_iter().partition(|p| is_records(p));
            for chunk in docs.chunks(BATCH) {
                run(&mut acc, chunk.iter().cloned().map(Item::File).collect())?;
            }
            for f in many {
                if is_csv(&f) {
                    rank_csv(&f, &mut acc, &mut run)?;
                } else {
                    rank_ndjson(&f, &mut acc, &mut run)?;
                }
            }
        } else if !first_time(input) {
            // Already read as a file of a directory given before it.
            continue;
        } else if is_ndjson(input) {
            rank_ndjson(input, &mut acc, &mut run)?;
        } else if is_csv(input) {
            rank_csv(input, &mut acc, &mut run)?;
        } else {
            run(&mut acc, vec![Item::File(input.clone())])?;
        }
    }
    let ranked = if opts.top.is_some() {
        std::mem::take(&mut acc.heap).into_sorted_vec()
    } else {
        let mut all = std::mem::take(&mut acc.all);
        all.sort();
        all
    };
    let mut rows: Vec<RankRow> = ranked
        .into_iter()
        .map(|Ranked(mut row, key)| {
            row.duplicates = acc.duplicates_of(key);
            row
        })
        .collect();
    if let Some(n) = opts.top {
        rows.truncate(n);
    }
    #[allow(clippy::cast_precision_loss)]
    let n = (acc.postings - acc.duplicates).max(1) as f32;
    let mut missing: Vec<MissingSkill> = acc
        .missing
        .into_iter()
        .map(|(r, (count, total))| MissingSkill {
            id: rules.rule(r).id.to_string(),
            name: rules.rule(r).name.to_string(),
            postings: count,
            total_lift: (total * 10.0).round() / 10.0,
            mean_lift: (total / n * 100.0).round() / 100.0,
        })
        .collect();
    // "Most often missing" across many postings means more than one: a skill only one
    // posting of twenty or more asks for says little about what to learn, however
    // heavily that one posting weighs it.
    if n >= 20.0 {
        missing.retain(|m| m.postings >= 2);
    }
    missing.sort_by(|a, b| {
        b.total_lift
            .total_cmp(&a.total_lift)
            .then_with(|| a.id.cmp(&b.id))
    });
    missing.truncate(15);
    Ok(RankReport {
        schema: crate::report::SCHEMA_VERSION,
        profile: ProfileInfo::of(profile),
        postings: acc.postings,
        duplicates: acc.duplicates,
        with: opts
            .with
            .iter()
            .map(|&r| rules.rule(r).name.to_string())
            .collect(),
        without: acc.without,
        bytes: acc.bytes,
        rows,
        missing,
        skipped: acc.skipped,
        warnings: acc.warnings,
        reached_min_score: acc.reached_min_score,
    })
}

fn rank_ndjson(
    path: &Path,
    acc: &mut Acc<'_>,
    run: &mut impl FnMut(&mut Acc<'_>, Vec<Item>) -> Result<()>,
) -> Result<()> {
    let name = path.display().to_string();
    ndjson_lines(&name, open_text_stream(path)?, acc, run)
}

/// Ranks the postings of a CSV file, one per row, its header row saying which column
/// holds what (see `csv_postings`). Rows are read as a stream, like NDJSON lines.
fn rank_csv(
    path: &Path,
    acc: &mut Acc<'_>,
    run: &mut impl FnMut(&mut Acc<'_>, Vec<Item>) -> Result<()>,
) -> Result<()> {
    let name = path.display().to_string();
    csv_rows(&name, open_text_stream(path)?, acc, run)
}

/// A file of records read as a UTF-8 stream: a UTF-8 byte-order mark is dropped; a
/// UTF-16 file (a spreadsheet's "Unicode text" export; rare, and never huge) is decoded
/// whole, within the input limit.
fn open_text_stream(path: &Path) -> Result<Box<dyn BufRead>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        let (_, text) = source::read_input(Some(path))?;
        return Ok(Box::new(std::io::Cursor::new(text.into_bytes())));
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        reader.consume(3);
    }
    Ok(Box::new(reader))
}

/// Ranks the rows of a CSV stream.
fn csv_rows(
    name: &str,
    mut reader: impl BufRead,
    acc: &mut Acc<'_>,
    run: &mut impl FnMut(&mut Acc<'_>, Vec<Item>) -> Result<()>,
) -> Result<()> {
    let head = reader.fill_buf().map_err(|e| Error::io(name, e))?;
    if head.iter().all(u8::is_ascii_whitespace) {
        // An empty export: no postings, nothing wrong.
        return Ok(());
    }
    let delimiter = csv_postings::delimiter(head);
    // A row may run over many lines (quoted newlines) but not past the input limit:
    // the reader refuses to go on once one row has taken that much.
    let since = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let quotes = std::rc::Rc::new(std::cell::RefCell::new(csv_postings::QuoteTracker::new(
        delimiter,
    )));
    let capped = RowCap {
        inner: reader,
        since: since.clone(),
        quotes: Some(quotes.clone()),
    };
    let mut rows = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(capped);
    let csv_error =
        |e: csv::Error, line: u64| -> Error { csv_postings::read_error(name, &e, line).into() };
    // A file that holds no postings (a spreadsheet of something else) is skipped like
    // an unreadable posting file, and the rest ranked.
    let header = rows.headers().map_err(|e| csv_error(e, 1)).cloned();
    let header_end = rows.position().byte();
    let columns = match header.and_then(|h| {
        let mut quotes = quotes.borrow_mut();
        match (quotes.unclosed(), quotes.stray_in(0, header_end)) {
            // The header row took the whole file.
            (Some(u), _) => Err(u.diagnostic(name, None).into()),
            (None, Some(s)) => Err(s.diagnostic(name, None).into()),
            (None, None) => csv_postings::Columns::from_header(name, &h),
        }
    }) {
        Ok(c) => c,
        Err(e) if acc.opts.strict => return Err(e),
        Err(e) => {
            acc.skipped.push(Skipped {
                origin: name.to_owned(),
                error: e.to_string(),
            });
            return Ok(());
        }
    };
    let mut record = csv::StringRecord::new();
    let mut batch = Vec::with_capacity(BATCH);
    loop {
        since.set(0);
        let line = rows.position().line();
        let start = rows.position().byte();
        let origin = format!("{name}:{line}");
        let read = rows.read_record(&mut record);
        // A quote never closed makes the reader end the file's last record with every
        // row after the quote in one cell: that record is no posting, and the rows it
        // swallowed are lost with it.
        let unclosed = quotes.borrow().unclosed().filter(|u| u.byte >= start);
        // Text after a cell's closing quote is joined to the cell: the row's cells are
        // not what its author wrote.
        let stray = quotes.borrow_mut().stray_in(start, rows.position().byte());
        let skip = match read {
            Ok(false) => break,
            Ok(true) if unclosed.is_some() => Skipped {
                origin,
                error: unclosed
                    .map(|u| u.diagnostic(name, None).to_string())
                    .unwrap_or_default(),
            },
            Ok(true) if stray.is_some() => Skipped {
                origin,
                error: stray
                    .map(|s| s.diagnostic(name, None).to_string())
                    .unwrap_or_default(),
            },
            Ok(true) if csv_postings::blank(&record) => continue,
            Ok(true) => match columns.posting(origin.clone(), &record) {
                Ok(p) => {
                    batch.push(Item::Read(p));
                    if batch.len() >= BATCH {
                        run(acc, std::mem::take(&mut batch))?;
                    }
                    continue;
                }
                Err(e) => Skipped {
                    origin,
                    error: e.to_string(),
                },
            },
            // A row that is not UTF-8 is one bad row; the reader goes on after it.
            Err(e) if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) => Skipped {
                origin,
                error: "not valid UTF-8".to_owned(),
            },
            // An unreadable file or a row past the limit: no row after it can be trusted,
            // and the rows before it are ranked.
            Err(e) if acc.opts.strict => return Err(csv_error(e, line)),
            Err(e) => {
                let d = csv_postings::read_error(name, &e, line);
                acc.skipped.push(Skipped {
                    origin,
                    error: format!("{} (the rest of the file is skipped)", d.message),
                });
                break;
            }
        };
        acc.skip(skip)?;
    }
    if !batch.is_empty() {
        run(acc, batch)?;
    }
    Ok(())
}

/// A reader that fails once `since` (reset by the caller at each CSV row) passes the
/// input limit, so one endless quoted cell cannot take all memory.
struct RowCap<R> {
    inner: R,
    since: std::rc::Rc<std::cell::Cell<u64>>,
    /// Follows the bytes read, to tell a quote the file never closes.
    quotes: Option<std::rc::Rc<std::cell::RefCell<csv_postings::QuoteTracker>>>,
}

impl<R: Read> Read for RowCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.since.get() > source::MAX_INPUT {
            return Err(std::io::Error::other(format!(
                "a row longer than the {} MiB input limit",
                source::MAX_INPUT >> 20
            )));
        }
        let n = self.inner.read(buf)?;
        self.since.set(self.since.get() + n as u64);
        if let Some(q) = &self.quotes {
            let mut q = q.borrow_mut();
            if n == 0 && !buf.is_empty() {
                q.finish();
            } else {
                q.feed(&buf[..n]);
            }
        }
        Ok(n)
    }
}

/// Ranks NDJSON postings piped in on standard input (`jobfit rank -`).
fn rank_stdin(
    acc: &mut Acc<'_>,
    run: &mut impl FnMut(&mut Acc<'_>, Vec<Item>) -> Result<()>,
) -> Result<()> {
    let name = "<stdin>";
    let mut reader = BufReader::with_capacity(1 << 20, std::io::stdin().lock());
    let head = reader.fill_buf().map_err(|e| Error::io(name, e))?;
    // UTF-16 (a Windows shell's pipe) is decoded whole, within the input limit, as
    // for a file.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        let text = source::read_stream(name, reader)?;
        return ndjson_lines(name, std::io::Cursor::new(text.into_bytes()), acc, run);
    }
    let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    let first = head[if bom { 3 } else { 0 }..]
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|&b| b != b'{') {
        return Err(Diagnostic::new(
            name,
            "`rank -` reads NDJSON (one JSON posting per line) from standard input",
        )
        .help("pipe postings as `{\"title\": ..., \"text\": ...}` lines; to score one pasted ad, use `jobfit score -`")
        .into());
    }
    if bom {
        reader.consume(3);
    }
    ndjson_lines(name, reader, acc, run)
}

/// Ranks the postings of an NDJSON stream, one per line; `name` is the file's name.
fn ndjson_lines(
    name: &str,
    mut reader: impl BufRead,
    acc: &mut Acc<'_>,
    run: &mut impl FnMut(&mut Acc<'_>, Vec<Item>) -> Result<()>,
) -> Result<()> {
    let mut batch = Vec::with_capacity(BATCH);
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        // Never buffer more than the input limit: a line past it is skipped unread, so
        // memory stays bounded whatever the file holds.
        let n = (&mut reader)
            .take(source::MAX_INPUT + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(name, e))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let origin = format!("{name}:{line_no}");
        let skip = if buf.len() as u64 > source::MAX_INPUT {
            buf.clear();
            skip_line(&mut reader).map_err(|e| Error::io(name, e))?;
            Skipped {
                origin,
                error: format!(
                    "line longer than the {} MiB input limit",
                    source::MAX_INPUT >> 20
                ),
            }
        } else {
            match std::str::from_utf8(&buf) {
                Ok(s) if s.trim().is_empty() => continue,
                Ok(s) => {
                    batch.push(Item::Line {
                        origin,
                        text: s.trim_end().to_owned(),
                    });
                    if batch.len() >= BATCH {
                        run(acc, std::mem::take(&mut batch))?;
                    }
                    continue;
                }
                Err(e) => Skipped {
                    origin,
                    error: format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to()),
                },
            }
        };
        acc.skip(skip)?;
    }
    if !batch.is_empty() {
        run(acc, batch)?;
    }
    Ok(())
}

/// Consumes the rest of the current line without keeping it.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = memchr::memchr(b'\n', buf) {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        reader.consume(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_row_past_the_input_limit_stops_the_reader() {
        let since = std::rc::Rc::new(std::cell::Cell::new(source::MAX_INPUT + 1));
        let mut r = RowCap {
            inner: &b"abc"[..],
            since: since.clone(),
            quotes: None,
        };
        let mut buf = [0u8; 3];
        assert!(r.read(&mut buf).is_err());
        // The next row starts afresh.
        since.set(0);
        assert_eq!(r.read(&mut buf).unwrap(), 3);
        assert_eq!(since.get(), 3);
    }

    #[test]
    fn equal_scores_keep_the_order_of_lines() {
        use std::cmp::Ordering::Less;
        assert_eq!(origin_order("a.ndjson:2", "a.ndjson:10"), Less);
        assert_eq!(origin_order("a.ndjson:10", "b.ndjson:2"), Less);
        assert_eq!(origin_order("jobs/a.md", "jobs/b.md"), Less);
    }
}
