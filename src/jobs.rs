//! Saved postings in the jobs directory: Markdown with YAML front matter (title,
//! company, location, url, source, date fetched, id), file names that are slugs and
//! cannot escape the directory, atomic writes, and no posting saved twice (same URL,
//! tracking parameters aside, or same text, in any posting document there) unless
//! `--force` replaces it: checked and written under a lock on the directory, so that
//! jobfits saving at the same time cannot both find a posting new.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::posting::Posting;
use crate::source::{FrontMatter, split_front_matter};
use crate::text::Folded;

/// A posting saved in the jobs directory.
#[derive(Debug, Clone, Serialize)]
pub struct SavedJob {
    /// The file.
    pub file: PathBuf,
    /// Id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where it came from (`url`, `file`, `stdin`, `greenhouse:BOARD`, `lever:SITE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Date fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    /// Date published, when the source said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_posted: Option<String>,
    /// For an NDJSON or CSV file: its lines or rows that hold something, each of which
    /// `rank` reads as a posting (skipping any it cannot read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postings: Option<usize>,
    /// Hash of the text, for duplicate detection.
    #[serde(skip)]
    pub content_hash: u64,
    /// Why the file could not be read, or its front matter not parsed, when so: it is
    /// listed all the same, so nothing saved goes unseen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// What `save` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written to a new file.
    New(PathBuf),
    /// Replaced an existing copy (with `force`).
    Replaced(PathBuf),
    /// Already saved there; nothing written.
    Duplicate(PathBuf),
}

/// Hash of a posting's text with whitespace and case folded, so a re-saved page with
/// different line wrapping is still recognised: `rules::word_hash` (FNV-1a) of its
/// words joined by single spaces, fed word by word rather than through a joined copy
/// (every `jobs add` hashes every saved posting).
#[must_use]
pub fn content_hash(text: &str) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let folded = Folded::new(text);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, word) in folded.as_str().split_whitespace().enumerate() {
        if i > 0 {
            h ^= u64::from(b' ');
            h = h.wrapping_mul(PRIME);
        }
        for &b in word.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    h
}

/// Query parameters that say how a link was reached (a campaign, an ad click, the
/// site that referred it), not which page it is; with any `utm_*` parameter.
const TRACKING_PARAMS: &[&str] = &[
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "fbclid",
    "msclkid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "ref",
    "ref_src",
    "source",
    "gh_src",
    "lever-source",
    "lever-origin",
];

fn is_tracking(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    key.starts_with("utm_") || TRACKING_PARAMS.contains(&key.as_str())
}

/// `url` as the same page is reached by any link to it: without tracking parameters
/// (`utm_*`, `gclid`, `ref`…) and without a fragment, other parameters kept as written
/// and in order. A fragment that is a route (`#/jobs/42`, `#!/…`) stays: on a
/// single-page job board it names the posting. Text that is no URL is returned trimmed.
#[must_use]
pub fn normalize_url(url: &str) -> String {
    let Ok(mut u) = reqwest::Url::parse(url.trim()) else {
        return url.trim().to_owned();
    };
    if u.fragment()
        .is_some_and(|f| !f.starts_with('/') && !f.starts_with('!'))
    {
        u.set_fragment(None);
    }
    if let Some(query) = u.query().map(str::to_owned) {
        // Segments as written: decoding and re-encoding the query could change what
        // the server reads (`a` is not `a=`).
        let kept: Vec<&str> = query
            .split('&')
            .filter(|seg| !seg.is_empty() && !is_tracking(seg.split('=').next().unwrap_or("")))
            .collect();
        u.set_query((!kept.is_empty()).then(|| kept.join("&")).as_deref());
    }
    u.to_string()
}

/// Whether the saved job `j` is the posting `p` by its URL: the same URL, or the same
/// once tracking parameters and fragments are set aside (see `normalize_url`) and with
/// the same title and company. The names guard against a parameter taken for tracking
/// that names the page on some site (`?ref=JOB-12`): two postings must not be taken
/// for one, which would refuse the second (or replace the first, with `--force`).
fn same_url(j: &SavedJob, p: &Posting) -> bool {
    let (Some(saved), Some(new)) = (j.url.as_deref(), p.url.as_deref()) else {
        return false;
    };
    let same_name = |a: &Option<String>, b: &Option<String>| {
        a.as_deref().map(str::trim).map(str::to_lowercase)
            == b.as_deref().map(str::trim).map(str::to_lowercase)
    };
    saved == new
        || (normalize_url(saved) == normalize_url(new)
            && same_name(&j.title, &p.title)
            && same_name(&j.company, &p.company))
}

/// Whether the saved job `j` is, by its id, another job than `p` from the same source:
/// a board may give several jobs one URL (a careers page) or one text (the same role
/// in two offices), and its ids tell them apart. Ids from different sources (a board's
/// and a page's JSON-LD) are not comparable, so they decide nothing.
fn other_job(j: &SavedJob, p: &Posting, source: &str) -> bool {
    match (&j.id, &p.id) {
        (Some(a), Some(b)) => a != b && j.source.as_deref() == Some(source),
        _ => false,
    }
}

/// A file name for a posting: `company-title` in lower-case ASCII letters, digits and
/// dashes (never a path: no `/`, no `..`), at most 70 characters.
#[must_use]
pub fn slug(p: &Posting) -> String {
    let base = match (&p.company, &p.title) {
        (Some(c), Some(t)) => format!("{c} {t}"),
        (None, Some(t)) => t.clone(),
        (Some(c), None) => c.clone(),
        (None, None) => p.id.clone().unwrap_or_else(|| "posting".to_owned()),
    };
    let folded = Folded::new(&base);
    let mut s = String::new();
    for c in folded.as_str().chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.len() >= 70 {
            break;
        }
    }
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() {
        "posting".to_owned()
    } else {
        s
    }
}

/// Reads every file in `dir` that `rank` reads (see `rank::reads`: posting documents
/// in any of their formats, NDJSON and CSV files of many), as `rank` reads it: the
/// same decoding (a byte-order mark, UTF-16), the same title and company.
///
/// # Errors
/// An unreadable directory. A file that cannot be read, or whose front matter does
/// not parse, is listed with its `problem`.
pub fn list(dir: &Path) -> Result<Vec<SavedJob>> {
    scan(dir, crate::rank::reads, read_saved)
}

/// The files of `dir` that `wanted` picks, each read by `read`.
fn scan(
    dir: &Path,
    wanted: fn(&Path) -> bool,
    read: fn(PathBuf) -> SavedJob,
) -> Result<Vec<SavedJob>> {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out: Vec<SavedJob> = rd
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && wanted(p))
        .map(read)
        .collect();
    out.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(out)
}

/// True for the posting documents `save` compares a new posting with: every one
/// `rank` reads as one posting (Markdown, text, HTML, JSON, YAML), whatever saved it.
/// NDJSON and CSV files of many postings are data sets, not saved jobs.
fn is_document(path: &Path) -> bool {
    crate::rank::reads(path) && !crate::rank::is_records(path)
}

/// True for the text files that may have front matter, and that `save --force` may
/// replace with the Markdown it writes: Markdown and plain text.
fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["md", "markdown", "txt"].contains(&e.to_ascii_lowercase().as_str()))
}

/// What is wrong, without the file's name (the listing shows it).
fn problem_of(e: &Error) -> String {
    match e {
        Error::Diagnostic(d) => match d.position {
            Some((line, column)) => format!("{} (line {line}, column {column})", d.message),
            None => d.message.clone(),
        },
        Error::Io { source, .. } => crate::error::io_words(source),
        other => other.to_string(),
    }
}

#[cfg(test)]
thread_local! {
    /// Files `read_saved` read on this thread: what the tests of `Jobs::open` count.
    static FULL_READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One file of the jobs directory, read as `rank` reads it.
fn read_saved(path: PathBuf) -> SavedJob {
    #[cfg(test)]
    FULL_READS.with(|n| n.set(n.get() + 1));
    if crate::rank::is_records(&path) {
        return match count_records(&path) {
            Ok(n) => SavedJob {
                postings: Some(n),
                ..SavedJob::bare(path)
            },
            Err(e) => SavedJob::unreadable(path, problem_of(&e)),
        };
    }
    let origin = path.display().to_string();
    let text = match crate::source::read_input(Some(&path)) {
        Ok((_, text)) => text,
        Err(e) => return SavedJob::unreadable(path, problem_of(&e)),
    };
    let mut problem = None;
    let mut meta = FrontMatter::default();
    let mut body = text.as_str();
    // Only text documents have front matter (a YAML posting may open with `---`).
    if is_text(&path)
        && let Some((yaml, rest)) = split_front_matter(&text)
    {
        body = rest;
        match crate::source::parse_front_matter(yaml) {
            Ok(m) => meta = m,
            Err(e) => {
                let d = crate::source::front_matter_diagnostic("", &text, yaml, &e);
                problem = Some(match d.position {
                    Some((line, column)) => format!(
                        "front matter is not valid YAML at line {line}, column {column}: {}",
                        d.message
                    ),
                    None => format!("front matter is not valid YAML: {}", d.message),
                });
            }
        }
    }
    match crate::source::posting_from_document(&origin, &text) {
        Ok(p) => SavedJob {
            file: path,
            id: p.id,
            title: p.title,
            company: p.company,
            location: p.location,
            url: p.url,
            source: meta.source,
            fetched: meta.fetched,
            date_posted: p.date_posted.or(meta.date_posted),
            postings: None,
            content_hash: content_hash(&p.text),
            problem,
        },
        // Listed all the same, with what its front matter says, so nothing saved goes
        // unseen.
        Err(e) => SavedJob {
            file: path,
            id: meta.id,
            title: meta.title,
            company: meta.company,
            location: meta.location,
            url: meta.url,
            source: meta.source,
            fetched: meta.fetched,
            date_posted: meta.date_posted,
            postings: None,
            content_hash: content_hash(body),
            problem: Some(problem.unwrap_or_else(|| problem_of(&e))),
        },
    }
}

/// What `save` compares a new posting with (file, id, title, company, URL, source and
/// text hash), read from one posting document of the jobs directory. A Markdown or
/// text file, as `save` writes them, gives it from its front matter, parsed once, and
/// the hash of its body: the posting reader (`read_saved`) is not run, so hundreds of
/// saved jobs keep `jobs add` fast. Its answers are `read_saved`'s (a test holds
/// them to it). Any other document is read in full: its text is known no other way.
fn read_for_check(path: PathBuf) -> SavedJob {
    if !is_text(&path) {
        return read_saved(path);
    }
    let text = match crate::source::read_input(Some(&path)) {
        Ok((_, text)) => text,
        Err(e) => return SavedJob::unreadable(path, problem_of(&e)),
    };
    // A page saved under a text name is read as a page (see
    // `source::page_from_document`).
    let start = text.trim_start();
    if start.starts_with("<!doctype")
        || start.starts_with("<!DOCTYPE")
        || start.starts_with("<html")
    {
        return read_saved(path);
    }
    // As `source::posting_from_text` reads it: no front matter, or an empty one, is
    // none; front matter that does not parse leaves the file nameless (`read_saved`
    // lists it with a problem), hashed by what follows it.
    let (meta, body, parsed) = match split_front_matter(&text) {
        None => (FrontMatter::default(), text.as_str(), true),
        Some((yaml, body)) if yaml.trim().is_empty() => (FrontMatter::default(), body, true),
        Some((yaml, body)) => match crate::source::parse_front_matter(yaml) {
            Ok(m) => (m, body, true),
            Err(_) => (FrontMatter::default(), body, false),
        },
    };
    let FrontMatter {
        id,
        mut title,
        mut company,
        url,
        source,
        ..
    } = meta;
    // The names the posting reader would guess from the text's first lines fill only
    // what the front matter leaves out: a saved job names both, and is not copied.
    if parsed && !body.trim().is_empty() && (title.is_none() || company.is_none()) {
        let mut p = Posting {
            title: title.take(),
            company: company.take(),
            text: body.to_owned(),
            ..Posting::default()
        };
        p.guess_title();
        (title, company) = (p.title, p.company);
    }
    SavedJob {
        id,
        title,
        company,
        url,
        source,
        content_hash: content_hash(body),
        ..SavedJob::bare(path)
    }
}

/// The lines (NDJSON) or rows under the header (CSV) of `path` that hold something.
/// A CSV whose header names no text column is an error, as `rank` skips it.
fn count_records(path: &Path) -> Result<usize> {
    use std::io::{BufRead, BufReader, Read};
    let origin = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
    // UTF-16 is decoded whole, within the input limit, as `rank` does.
    let mut reader: Box<dyn BufRead> =
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            let (_, text) = crate::source::read_input(Some(path))?;
            Box::new(std::io::Cursor::new(text.into_bytes()))
        } else {
            if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
                reader.consume(3);
            }
            Box::new(reader)
        };
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
        if head.iter().all(u8::is_ascii_whitespace) {
            return Ok(0);
        }
        let mut rows = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(crate::csv_postings::delimiter(head))
            .from_reader(reader);
        let bad = |e: &csv::Error| Error::from(crate::csv_postings::read_error(&origin, e, 1));
        let header = rows.headers().map_err(|e| bad(&e))?;
        crate::csv_postings::Columns::from_header(&origin, header)?;
        let mut n = 0;
        let mut record = csv::ByteRecord::new();
        while rows.read_byte_record(&mut record).map_err(|e| bad(&e))? {
            n += usize::from(record.iter().any(|c| !c.trim_ascii().is_empty()));
        }
        return Ok(n);
    }
    let (mut n, mut content) = (0, false);
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let got = reader.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if got == 0 {
            break;
        }
        for &b in &buf[..got] {
            if b == b'\n' {
                n += usize::from(content);
                content = false;
            } else if !b.is_ascii_whitespace() {
                content = true;
            }
        }
    }
    Ok(n + usize::from(content))
}

impl SavedJob {
    /// The title, or for a file of many postings how many it holds.
    #[must_use]
    pub fn title_cell(&self) -> String {
        match (self.postings, &self.title) {
            (Some(n), _) => format!("({})", crate::report::postings(n)),
            (None, t) => t.clone().unwrap_or_default(),
        }
    }

    /// A file in the jobs directory, nothing read from it yet.
    fn bare(file: PathBuf) -> Self {
        Self {
            file,
            id: None,
            title: None,
            company: None,
            location: None,
            url: None,
            source: None,
            fetched: None,
            date_posted: None,
            postings: None,
            content_hash: 0,
            problem: None,
        }
    }

    /// The posting `p` as `save` wrote it to `file`: what reading the file back gives.
    fn written(file: PathBuf, p: &Posting, source: &str, fetched: &str, hash: u64) -> Self {
        Self {
            id: p.id.clone(),
            title: p.title.clone(),
            company: p.company.clone(),
            location: p.location.clone(),
            url: p.url.clone(),
            source: Some(source.to_owned()),
            fetched: Some(fetched.to_owned()),
            date_posted: p.date_posted.clone(),
            content_hash: hash,
            ..Self::bare(file)
        }
    }

    /// A file in the jobs directory that could not be read.
    fn unreadable(file: PathBuf, problem: String) -> Self {
        Self {
            problem: Some(problem),
            ..Self::bare(file)
        }
    }
}

/// The Markdown file for a posting.
#[must_use]
pub fn render(p: &Posting, source: &str, fetched: &str) -> String {
    let mut fm = String::from("---\n");
    let mut field = |k: &str, v: Option<&str>| {
        if let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) {
            // JSON strings are valid YAML scalars and escape everything that matters.
            fm.push_str(&format!(
                "{k}: {}\n",
                serde_json::to_string(v).unwrap_or_default()
            ));
        }
    };
    field("id", p.id.as_deref());
    field("title", p.title.as_deref());
    field("company", p.company.as_deref());
    field("location", p.location.as_deref());
    field("url", p.url.as_deref());
    field("date_posted", p.date_posted.as_deref());
    field("source", Some(source));
    field("fetched", Some(fetched));
    fm.push_str("---\n");
    let body = p.text.trim();
    format!("{fm}{body}\n")
}

/// Saves a posting in `dir`, unless it is already there (see `Jobs::save`).
///
/// # Errors
/// As `Jobs::open` and `Jobs::save`.
pub fn save(dir: &Path, p: &Posting, source: &str, fetched: &str, force: bool) -> Result<Saved> {
    Jobs::open(dir)?.save(p, source, fetched, force)
}

/// The lock file in the jobs directory that `Jobs` holds; hidden, and of no kind
/// `rank` or `jobs list` reads.
pub const LOCK_FILE: &str = ".jobfit.lock";

/// The jobs directory opened for saving: locked, so that deciding a posting is new and
/// writing it is one step for every jobfit at work there (two `jobs add` of one URL at
/// once save it once), and read once, however many postings an import saves.
#[derive(Debug)]
pub struct Jobs {
    dir: PathBuf,
    /// The saved postings, kept up to date with what this `Jobs` writes.
    saved: Vec<SavedJob>,
    /// Held until dropped: the lock is released when the file is closed.
    _lock: std::fs::File,
}

impl Jobs {
    /// Creates the directory if need be (it is jobfit's own), waits for its lock, and
    /// reads the postings saved in it.
    ///
    /// # Errors
    /// A directory that cannot be created or read, or a lock that cannot be taken.
    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let path = dir.join(LOCK_FILE);
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match lock.lock() {
            Ok(()) => {}
            // A file system without locks: saving still works, as it did before, only
            // two saves at the same instant may both write.
            Err(e) if e.kind() == std::io::ErrorKind::Unsupported => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
        // Read under the lock: what another jobfit saved before it let go is seen.
        let saved = scan(dir, is_document, read_for_check)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            saved,
            _lock: lock,
        })
    }

    /// Saves a posting, unless it is already there (same URL, tracking parameters
    /// aside, or same text, unless ids from the same source tell two jobs apart: see
    /// `other_job`); `force` replaces the existing copy. The URL is saved as given: it
    /// is the link the posting came from, and a parameter taken for tracking may name
    /// the page on some site.
    ///
    /// # Errors
    /// I/O errors; `force` over a copy that is not Markdown or text. A name collision
    /// with a different posting gets a numbered name instead.
    pub fn save(&mut self, p: &Posting, source: &str, fetched: &str, force: bool) -> Result<Saved> {
        let hash = content_hash(&p.text);
        let same = self
            .saved
            .iter()
            .position(|j| !other_job(j, p, source) && (same_url(j, p) || j.content_hash == hash));
        let contents = render(p, source, fetched);
        if let Some(i) = same {
            let file = self.saved[i].file.clone();
            if !force {
                return Ok(Saved::Duplicate(file));
            }
            if !is_text(&file) {
                // Markdown written over a page or a JSON document would lose what it
                // holds and leave a file whose name says it is something else.
                return Err(crate::error::Diagnostic::new(
                    file.display().to_string(),
                    "already holds this posting, and --force replaces only a Markdown or text file",
                )
                .help(
                    "remove it (or move it out of the jobs directory), then add the posting again",
                )
                .into());
            }
            crate::files::write_atomic(&file, contents.as_bytes(), true)?;
            self.saved[i] = SavedJob::written(file.clone(), p, source, fetched, hash);
            return Ok(Saved::Replaced(file));
        }
        let base = slug(p);
        for n in 1..1000 {
            let name = if n == 1 {
                format!("{base}.md")
            } else {
                format!("{base}-{n}.md")
            };
            let path = self.dir.join(name);
            if path.exists() {
                continue;
            }
            match crate::files::write_atomic(&path, contents.as_bytes(), false) {
                Ok(()) => {
                    self.saved
                        .push(SavedJob::written(path.clone(), p, source, fetched, hash));
                    return Ok(Saved::New(path));
                }
                // Someone else took the name meanwhile (a file put there by hand, or
                // a jobfit on a file system without locks): try the next one.
                Err(Error::Diagnostic(d)) if d.message == "already exists" => {}
                Err(e) => return Err(e),
            }
        }
        Err(Error::msg(
            self.dir.display().to_string(),
            "too many postings with the same name",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_cannot_escape_the_directory() {
        let p = Posting {
            title: Some("../../etc/passwd Senior Engineer".into()),
            company: Some("Ünïcode Co.".into()),
            ..Posting::default()
        };
        let s = slug(&p);
        assert_eq!(s, "unicode-co-etc-passwd-senior-engineer");
        assert!(!s.contains('/') && !s.contains(".."));
    }

    #[test]
    fn urls_compare_without_tracking_parameters_or_fragments() {
        assert_eq!(
            normalize_url("https://Jobs.Example.test/a?utm_source=x&id=7&GCLID=1&b#apply"),
            "https://jobs.example.test/a?id=7&b"
        );
        assert_eq!(
            normalize_url("https://example.test/a?ref=mail&source=x&fbclid=y"),
            "https://example.test/a"
        );
        // A route in the fragment names the posting on a single-page board.
        assert_eq!(
            normalize_url("https://example.test/careers#/jobs/42?utm_medium=x"),
            "https://example.test/careers#/jobs/42?utm_medium=x"
        );
        assert_eq!(normalize_url(" not a url "), "not a url");
        let saved = SavedJob {
            url: Some("https://example.test/job?ref=A-1".into()),
            title: Some("Go Developer".into()),
            ..SavedJob::unreadable(PathBuf::from("a.md"), String::new())
        };
        let mut p = Posting {
            title: Some("go developer".into()),
            url: Some("https://example.test/job?ref=B-2".into()),
            ..Posting::default()
        };
        assert!(same_url(&saved, &p));
        // A `ref` that names another posting, with another title, is another page.
        p.title = Some("Rust Developer".into());
        assert!(!same_url(&saved, &p));
    }

    #[test]
    fn saves_once_and_replaces_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = Posting {
            title: Some("Go Developer".into()),
            company: Some("Initech".into()),
            url: Some("https://example.test/1".into()),
            text: "We write Go.\n".into(),
            ..Posting::default()
        };
        let first = save(dir.path(), &p, "url", "2026-11-21", false).unwrap();
        assert_eq!(
            first,
            Saved::New(dir.path().join("initech-go-developer.md"))
        );
        let again = save(dir.path(), &p, "url", "2026-11-21", false).unwrap();
        assert!(matches!(again, Saved::Duplicate(_)));
        let mut rewrapped = p.clone();
        rewrapped.url = None;
        rewrapped.text = "We write\nGo.".into();
        assert!(matches!(
            save(dir.path(), &rewrapped, "file", "2026-11-21", false).unwrap(),
            Saved::Duplicate(_)
        ));
        assert!(matches!(
            save(dir.path(), &p, "url", "2026-11-22", true).unwrap(),
            Saved::Replaced(_)
        ));
        let listed = list(dir.path()).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].fetched.as_deref(), Some("2026-11-22"));
    }

    /// Regression: saves of one posting at the same time (two `jobs add` of one URL)
    /// each found nothing saved, and each wrote it, under numbered names.
    #[test]
    fn saves_at_the_same_time_save_a_posting_once() {
        let p = Posting {
            title: Some("Go Developer".into()),
            company: Some("Initech".into()),
            url: Some("https://example.test/1".into()),
            text: "We write Go.\n".into(),
            ..Posting::default()
        };
        for _ in 0..5 {
            let dir = tempfile::tempdir().unwrap();
            let start = std::sync::Barrier::new(4);
            let results: Vec<Saved> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..4)
                    .map(|_| {
                        s.spawn(|| {
                            start.wait();
                            save(dir.path(), &p, "url", "2026-11-21", false).unwrap()
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            let new = results
                .iter()
                .filter(|r| matches!(r, Saved::New(_)))
                .count();
            assert_eq!(new, 1, "{results:?}");
            assert_eq!(list(dir.path()).unwrap().len(), 1, "{results:?}");
        }
    }

    /// Regression: `Jobs::open` (every `jobs add`) read each saved posting in full, as
    /// `rank` reads it, to compare a new one with, so hundreds of saved jobs made every
    /// add slow. A Markdown or text file is read for its front matter and the hash of
    /// its text; a page, JSON or YAML document is still read in full (its text is known
    /// no other way). What the check compares is what the full reading gives.
    #[test]
    fn the_duplicate_check_reads_saved_text_for_front_matter_and_hash_only() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            (
                "a.md",
                "---\nid: \"7\"\ntitle: \"Go Developer\"\ncompany: Initech\nurl: https://example.test/7\nsource: url\nfetched: 2026-11-21\n---\nWe write Go.\n",
            ),
            // Names from labelled lines, as the full reading guesses them.
            (
                "b.txt",
                "Senior Rust Engineer\nCompany: Globex\n\nRust and Kafka.\n",
            ),
            ("c.md", "---\ntitle: [unclosed\n---\nBroken front matter.\n"),
            (
                "d.md",
                "---\ntitle: Empty\nurl: https://example.test/d\n---\n\n",
            ),
            ("e.md", "---\n---\nNo keys at all.\n"),
            (
                "f.md",
                "\u{feff}---\r\ntitle: Windows\r\n---\r\nCRLF lines.\r\n",
            ),
            // A page under a text name is read as a page, in full.
            (
                "g.txt",
                "<!doctype html><html><head><title>Data Analyst</title></head><body><h1>Data Analyst</h1><p>SQL and Python dashboards for the sales team.</p></body></html>",
            ),
            (
                "page.html",
                r#"<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Rust Engineer","url":"https://example.test/p","description":"<p>Rust.</p>"}</script></head></html>"#,
            ),
        ];
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        FULL_READS.with(|n| n.set(0));
        let jobs = Jobs::open(dir.path()).unwrap();
        assert_eq!(
            FULL_READS.with(std::cell::Cell::get),
            2,
            "{:#?}",
            jobs.saved
        );
        assert_eq!(jobs.saved.len(), files.len());
        for j in &jobs.saved {
            let full = read_saved(j.file.clone());
            let key = |j: &SavedJob| {
                (
                    j.id.clone(),
                    j.url.clone(),
                    j.title.clone(),
                    j.company.clone(),
                    j.source.clone(),
                    j.content_hash,
                )
            };
            assert_eq!(key(j), key(&full), "{}", j.file.display());
        }
    }

    /// The hash fed word by word is the one of the joined words (`rules::word_hash`), the
    /// value documented as stable.
    #[test]
    fn content_hash_is_the_hash_of_the_folded_words_joined() {
        for text in [
            "",
            "  ",
            "We write Go.",
            " Ünïcode\tTEXT\n\nover  lines ",
            "ﬁ Ⅻ",
        ] {
            let folded = Folded::new(text);
            let words: Vec<&str> = folded.as_str().split_whitespace().collect();
            assert_eq!(
                content_hash(text),
                crate::rules::word_hash(words.join(" ").as_bytes()),
                "{text:?}"
            );
        }
    }

    /// Jobs of one board with different ids are different jobs, whatever their URL or
    /// text; the same id again is the job saved before.
    #[test]
    fn jobs_of_one_source_with_other_ids_are_other_jobs() {
        let dir = tempfile::tempdir().unwrap();
        let job = |id: &str, text: &str| Posting {
            id: Some(format!("greenhouse-acme-{id}")),
            title: Some("Engineer".into()),
            company: Some("Acme".into()),
            url: Some("https://example.test/careers".into()),
            text: text.into(),
            ..Posting::default()
        };
        let save = |p: &Posting, source: &str| save(dir.path(), p, source, "2026-11-21", false);
        assert!(matches!(
            save(&job("1", "We write Go."), "greenhouse:acme").unwrap(),
            Saved::New(_)
        ));
        // Same URL, other text; same URL, same text: other ids, other jobs.
        assert!(matches!(
            save(&job("2", "We write Rust."), "greenhouse:acme").unwrap(),
            Saved::New(_)
        ));
        assert!(matches!(
            save(&job("3", "We write Go."), "greenhouse:acme").unwrap(),
            Saved::New(_)
        ));
        assert!(matches!(
            save(&job("2", "We write Rust."), "greenhouse:acme").unwrap(),
            Saved::Duplicate(_)
        ));
        // The same page from another source, with an id of its own: the URL still
        // tells it is saved.
        let mut page = job("x", "We write Go.");
        page.id = Some("JOB-1".into());
        assert!(matches!(save(&page, "url").unwrap(), Saved::Duplicate(_)));
        assert_eq!(list(dir.path()).unwrap().len(), 3);
    }
}
