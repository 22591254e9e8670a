//! Sources: reading files and stdin safely (size cap, BOMs, UTF-16, binary and
//! non-UTF-8 detection with a position), posting files with YAML front matter, and
//! finding and loading the profile a command should use.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Result, yaml_diagnostic};
use crate::posting::Posting;
use crate::profile::Profile;
use crate::text::LineIndex;

/// Largest input jobfit reads (64 MiB): far above any posting or résumé, low enough that
/// a wrong file cannot exhaust memory.
pub const MAX_INPUT: u64 = 64 << 20;

/// The name stdin is shown as.
pub const STDIN: &str = "<stdin>";

/// Reads a file, or stdin for `None` / `-`, and decodes it to text.
///
/// # Errors
/// Unreadable, too large, binary or not UTF-8/UTF-16 input, each with what to do.
pub fn read_input(path: Option<&Path>) -> Result<(String, String)> {
    match path {
        None => read_stdin(),
        Some(p) if p.as_os_str() == "-" => read_stdin(),
        Some(p) => {
            let origin = p.display().to_string();
            let bytes = read_capped(p)?;
            let text = decode(&origin, &bytes)?;
            Ok((origin, text))
        }
    }
}

/// The bytes of the file at `path`, refusing more than `MAX_INPUT`. The size is checked
/// before reading, and the read itself stops past the limit: devices and pipes
/// (`/dev/zero`, a FIFO) report no size and never end.
///
/// # Errors
/// Unreadable files, directories, and files over the limit.
pub fn read_capped(path: &Path) -> Result<Vec<u8>> {
    let origin = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| not_found(&origin, e))?;
    if meta.is_dir() {
        return Err(Diagnostic::new(&origin, "is a directory, not a file")
            .help("pass a file here (only `rank` reads directories)")
            .into());
    }
    if meta.len() > MAX_INPUT {
        return Err(too_large(&origin, Some(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(too_large(&origin, None));
    }
    Ok(bytes)
}

pub(crate) fn not_found(origin: &str, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound && is_url(origin) {
        Diagnostic::new(origin, "a web address, and this command reads files")
            .help("save the posting first with `jobfit jobs add URL` (or score it directly: `jobfit score URL`)")
            .into()
    } else if e.kind() == std::io::ErrorKind::NotFound {
        Diagnostic::new(origin, "no such file")
            .help("check the path; relative paths are from the current directory")
            .into()
    } else {
        Error::io(origin, e)
    }
}

/// True for what reads as a web address rather than a path.
pub(crate) fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// Input over the limit: of a known size, or a stream that did not end in time.
fn too_large(origin: &str, len: Option<u64>) -> Error {
    let limit = MAX_INPUT >> 20;
    let message = match len {
        Some(len) => format!(
            "input is {} MiB, more than the {limit} MiB limit",
            len >> 20
        ),
        None => format!("input goes on past the {limit} MiB limit"),
    };
    Diagnostic::new(origin, message)
        .help("a posting or résumé is a few kilobytes; check that this is the right file")
        .into()
}

fn read_stdin() -> Result<(String, String)> {
    let text = read_stream(STDIN, std::io::stdin().lock())?;
    Ok((STDIN.to_owned(), text))
}

/// The text of a stream named `origin` (standard input), read to its end within
/// `MAX_INPUT` and decoded as `decode` does.
///
/// # Errors
/// A read error, a stream past the limit, or bytes that are not UTF-8/UTF-16 text.
pub fn read_stream(origin: &str, stream: impl Read) -> Result<String> {
    let mut bytes = Vec::new();
    stream
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(origin, e))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(too_large(origin, None));
    }
    decode(origin, &bytes)
}

/// Decodes bytes to text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM. Anything else —
/// binary data, another encoding — is an error naming where it goes wrong.
///
/// # Errors
/// Binary or undecodable input.
pub fn decode(origin: &str, bytes: &[u8]) -> Result<String> {
    if let Some((what, help)) = document_kind(bytes) {
        return Err(
            Diagnostic::new(origin, format!("looks like {what}, not text"))
                .help(help)
                .into(),
        );
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(origin, rest);
    }
    let utf16 = |le: bool, rest: &[u8]| -> Result<String> {
        if !rest.len().is_multiple_of(2) {
            return Err(
                Diagnostic::new(origin, "UTF-16 input with an odd number of bytes")
                    .help("the file is truncated or not UTF-16; re-save it as UTF-8")
                    .into(),
            );
        }
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| {
            Diagnostic::new(origin, "invalid UTF-16 (an unpaired surrogate)")
                .help("re-save the file as UTF-8")
                .into()
        })
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(false, rest);
    }
    decode_utf8(origin, bytes)
}

/// Office and other document formats people pass for a résumé or a posting, by their
/// first bytes: (what it is, what to do instead).
fn document_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const SAVE_AS: &str = "jobfit reads text, Markdown, HTML, JSON, YAML and (for résumés) PDF: save the document as PDF or plain text and pass that file";
    if bytes.starts_with(b"PK\x03\x04") {
        // .docx, .odt and .pages are ZIP archives; so is a plain .zip.
        let head = &bytes[..bytes.len().min(4096)];
        let what = if memchr::memmem::find(head, b"word/").is_some() {
            "a Word document (.docx)"
        } else if memchr::memmem::find(head, b"opendocument").is_some() {
            "an OpenDocument file (.odt)"
        } else {
            "a ZIP archive (a .docx, .odt or .zip file)"
        };
        return Some((what, SAVE_AS));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(("a legacy Word or Excel file (.doc, .xls)", SAVE_AS));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some(("an RTF document", SAVE_AS));
    }
    if bytes.starts_with(b"%PDF-") {
        return Some((
            "a PDF",
            "résumés in PDF are read by `jobfit profile import FILE.pdf` and `--profile FILE.pdf`; for a posting, copy its text into a .txt file or pass its URL",
        ));
    }
    None
}

fn decode_utf8(origin: &str, bytes: &[u8]) -> Result<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Err(Diagnostic::new(origin, "looks like a binary file (it contains NUL bytes)")
            .help("pass a text file: a posting as .txt/.md/.html, a profile as .yaml/.json, or import a PDF with `jobfit profile import`")
            .into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let valid = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            let (line, col) = LineIndex::new(prefix).line_col(prefix, valid);
            Err(Diagnostic::new(
                origin,
                format!(
                    "not valid UTF-8 (byte 0x{:02X} at offset {valid})",
                    bytes[valid]
                ),
            )
            .at(line, col, None)
            .help("re-save the file as UTF-8, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`")
            .into())
        }
    }
}

/// Front matter of a saved posting.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub id: Option<String>,
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub fetched: Option<String>,
    pub date_posted: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Parses a saved posting's front matter (see `lenient`).
///
/// # Errors
/// Invalid YAML, a wrong type, a misspelt key, a profile.
pub fn parse_front_matter(yaml: &str) -> std::result::Result<FrontMatter, serde_saphyr::Error> {
    lenient(yaml)
}

/// Parses a posting's YAML mapping. Keys its type does not read are the user's own
/// notes on the job ("status: applied", "salary: 100k") and are ignored, unless one
/// looks like a typo of a key it reads ("titel") or the mapping is a profile's
/// (`basics`, `work`): then the strict error says so, at the key.
fn lenient<T: serde::de::DeserializeOwned>(
    yaml: &str,
) -> std::result::Result<T, serde_saphyr::Error> {
    let strict = serde_saphyr::from_str::<T>(yaml);
    let Err(e) = &strict else { return strict };
    let message = yaml_diagnostic("", yaml, e).message;
    if !message.starts_with("unknown field") || message.contains("did you mean") {
        return strict;
    }
    // The keys the type reads, as serde lists them: no second list to keep in step.
    let Some((_, expected)) = message.split_once("expected one of ") else {
        return strict;
    };
    let keys: Vec<&str> = expected
        .split(", ")
        .map(|k| k.trim().trim_matches('`'))
        .collect();
    // Blank out each other top-level key with the lines under it, so the rest parses
    // as written (same scalar types) and any error keeps its line.
    let mut kept = String::with_capacity(yaml.len());
    let mut keep = true;
    for line in yaml.split_inclusive('\n') {
        let top_key = line
            .split_once(':')
            .map(|(k, _)| k)
            .filter(|k| !k.is_empty() && !line.starts_with([' ', '\t', '-', '#']))
            .map(|k| k.trim().trim_matches(['"', '\'']));
        if let Some(k) = top_key {
            if ["basics", "work", "skills", "education"].contains(&k) {
                return strict;
            }
            keep = keys.contains(&k);
        }
        if keep {
            kept.push_str(line);
        } else if line.ends_with('\n') {
            kept.push('\n');
        }
    }
    serde_saphyr::from_str::<T>(&kept)
}

/// Splits `---\n yaml \n---\n body` into (yaml, body, line where the body starts).
#[must_use]
pub fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Some((yaml, body));
        }
        offset += line.len();
    }
    None
}

/// An error in the YAML front matter `yaml` of the document `text`, placed in the
/// document (the front matter starts on its second line, after `---`).
#[must_use]
pub fn front_matter_diagnostic(
    origin: &str,
    text: &str,
    yaml: &str,
    e: &serde_saphyr::Error,
) -> crate::error::Diagnostic {
    let d = yaml_diagnostic(origin, yaml, e);
    match d.position {
        Some((l, c)) => d.at(l + 1, c, Some(text)),
        None => d,
    }
}

/// A posting from a text or Markdown document, with optional YAML front matter.
///
/// # Errors
/// Invalid front matter, or an empty posting.
pub fn posting_from_text(origin: &str, text: &str) -> Result<Posting> {
    let (meta, body) = match split_front_matter(text) {
        Some((yaml, body)) => {
            let fm: FrontMatter = if yaml.trim().is_empty() {
                FrontMatter::default()
            } else {
                parse_front_matter(yaml).map_err(|e| {
                    Error::from(front_matter_diagnostic(origin, text, yaml, &e).help("front matter keys: id, title, company, location, url, source, fetched, date_posted, tags"))
                })?
            };
            (fm, body)
        }
        None => (FrontMatter::default(), text),
    };
    if body.trim().is_empty() {
        return Err(Diagnostic::new(origin, "the posting is empty")
            .help("paste or save the job ad's text (title, requirements, responsibilities)")
            .into());
    }
    let mut p = Posting {
        origin: origin.to_owned(),
        id: meta.id,
        title: meta.title,
        company: meta.company,
        location: meta.location,
        url: meta.url,
        date_posted: meta.date_posted,
        text: body.to_owned(),
    };
    p.guess_title();
    Ok(p)
}

/// A posting as one JSON object, the shape of an NDJSON line: `text` or `description`
/// is required; `id`, `title`, `company`, `location`, `url` are used when present;
/// other fields are ignored.
#[derive(Debug, Deserialize)]
pub struct PostingRecord {
    pub id: Option<serde_json::Value>,
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub text: Option<String>,
    pub description: Option<String>,
}

impl PostingRecord {
    /// A posting from a parsed JSON value, with an error naming the field that has the
    /// wrong type, or saying that the value is not an object or has no text.
    ///
    /// # Errors
    /// Not an object, a field of the wrong type, or no text.
    pub fn posting_from_value(origin: &str, value: serde_json::Value) -> Result<Posting> {
        let help =
            "a posting is one JSON object such as {\"id\": ..., \"title\": ..., \"text\": ...}";
        let serde_json::Value::Object(map) = &value else {
            return Err(Diagnostic::new(
                origin,
                format!("a posting must be a JSON object, not {}", json_kind(&value)),
            )
            .help(help)
            .into());
        };
        for key in ["title", "company", "location", "url", "text", "description"] {
            if let Some(v) = map.get(key)
                && !(v.is_string() || v.is_null())
            {
                return Err(Diagnostic::new(
                    origin,
                    format!("`{key}` must be a string, not {}", json_kind(v)),
                )
                .help(help)
                .into());
            }
        }
        serde_json::from_value::<PostingRecord>(value)
            .ok()
            .and_then(|r| r.into_posting(origin.to_owned()))
            .ok_or_else(|| {
                Diagnostic::new(origin, "no `text` or `description`")
                    .help("the posting's text goes in `text` or `description`")
                    .into()
            })
    }

    /// Into a posting; `None` when it has no text.
    #[must_use]
    pub fn into_posting(self, origin: String) -> Option<Posting> {
        let text = self
            .text
            .or(self.description)
            .filter(|t| !t.trim().is_empty())?;
        Some(finish_record(Posting {
            origin,
            id: self.id.map(|v| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            }),
            title: self.title,
            company: self.company,
            location: self.location,
            url: self.url,
            date_posted: None,
            text,
        }))
    }
}

/// A posting read from a record (an NDJSON line, a CSV row) made ready: HTML in its
/// text (board exports often hold it) read as text, and a title guessed if none was
/// given.
#[must_use]
pub fn finish_record(mut p: Posting) -> Posting {
    if p.text.contains("</") || p.text.contains("<br") {
        p.text = crate::html::fragment_to_text(&p.text);
    }
    p.guess_title();
    p
}

/// A posting from a JSON document: a schema.org `JobPosting` (JSON-LD), or an object
/// with `text` / `description`.
///
/// # Errors
/// Malformed JSON with its position, or JSON that is not a posting.
pub fn posting_from_json(origin: &str, text: &str) -> Result<Posting> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(origin, "the posting is empty")
            .help("save the posting's JSON (a schema.org JobPosting or an object with `text`) in the file")
            .into());
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let (line, col) = crate::error::json_line_col(text, &e);
        // A second JSON document on the next line: the input is NDJSON, one posting a
        // line, which `rank` reads (and `jobs add` does not split).
        let help = if e.to_string().starts_with("trailing characters")
            && text.trim_start().starts_with('{')
            && text.lines().nth(line.saturating_sub(1)).is_some_and(|l| {
                l.trim_start().starts_with('{') && col <= l.len() - l.trim_start().len() + 1
            }) {
            "this looks like NDJSON, one posting per line: rank it with `jobfit rank FILE.ndjson` \
             (or `jobfit rank -` from standard input), or give one posting per file"
        } else {
            "fix the JSON at this position"
        };
        Error::from(
            Diagnostic::new(
                origin,
                format!(
                    "invalid JSON: {}",
                    crate::error::lower_first(&e.to_string())
                        .split(" at line")
                        .next()
                        .unwrap_or("")
                ),
            )
            .at(line, col, Some(text))
            .help(help),
        )
    })?;
    let mut found = Vec::new();
    crate::html::find_job_postings(&value, &mut found);
    if let Some(o) = found.first() {
        let ld = crate::html::JobPostingLd::from_object(o);
        if !ld.text.trim().is_empty() {
            let mut p = Posting {
                origin: origin.to_owned(),
                id: ld.id,
                title: ld.title,
                company: ld.company,
                location: ld.location,
                url: ld.url,
                date_posted: ld.date_posted,
                text: ld.text,
            };
            p.guess_title();
            return Ok(p);
        }
    }
    PostingRecord::posting_from_value(origin, value).map_err(|e| match e {
        Error::Diagnostic(d) if d.message.starts_with("no `text`") => Diagnostic::new(
            origin,
            "this JSON is not a job posting",
        )
        .help("expected a schema.org JobPosting, or an object with a `text` or `description` field")
        .into(),
        other => other,
    })
}

/// "a string", "a number"…: the kind of a JSON value, for error messages.
fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// A posting as a YAML document (`title`, `company`, `location`, `url`, `id`, and
/// `text` or `description`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostingYaml {
    id: Option<String>,
    title: Option<String>,
    company: Option<String>,
    location: Option<String>,
    url: Option<String>,
    source: Option<String>,
    fetched: Option<String>,
    text: Option<String>,
    description: Option<String>,
}

/// A posting from a YAML document.
///
/// # Errors
/// Invalid YAML with its position, or no text.
pub fn posting_from_yaml(origin: &str, text: &str) -> Result<Posting> {
    let y: PostingYaml = lenient(text).map_err(|e| {
        let d = yaml_diagnostic(origin, text, &e);
        // A résumé passed where the posting goes: say so rather than list posting keys.
        let resume_key = ["basics", "work", "education", "skills", "projects"]
            .iter()
            .any(|k| d.message.contains(&format!("unknown field `{k}`")));
        Error::from(if resume_key {
            d.help("this reads like a profile (JSON Resume fields), not a posting: pass it with `--profile`, and the posting after it")
        } else {
            d.help("a posting in YAML has `title`, `company`, `location`, `url`, `id` and `text` (or `description`)")
        })
    })?;
    let _ = (&y.source, &y.fetched);
    PostingRecord {
        id: y.id.map(serde_json::Value::String),
        title: y.title,
        company: y.company,
        location: y.location,
        url: y.url,
        text: y.text,
        description: y.description,
    }
    .into_posting(origin.to_owned())
    .ok_or_else(|| {
        Diagnostic::new(origin, "the posting has no `text` or `description`")
            .help("add the posting's text under `text:`")
            .into()
    })
}

/// Posting file extensions `rank` reads from a directory.
pub const POSTING_EXTENSIONS: &[&str] = &[
    "md", "markdown", "txt", "html", "htm", "json", "yaml", "yml",
];

/// A posting from a document, by the kind its name says.
///
/// # Errors
/// As the parser for that kind.
pub fn posting_from_document(origin: &str, text: &str) -> Result<Posting> {
    page_from_document(origin, text).map(|p| p.posting)
}

/// `posting_from_document`, with the other postings a page's JSON-LD describes (see
/// `html::PagePosting`), so that a saved page says what a fetched one says.
///
/// # Errors
/// As the parser for the document's kind.
pub fn page_from_document(origin: &str, text: &str) -> Result<crate::html::PagePosting> {
    let one = |posting: Result<Posting>| {
        posting.map(|posting| crate::html::PagePosting {
            posting,
            others: Vec::new(),
        })
    };
    let ext = Path::new(origin)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => crate::html::read_page(origin, text, None),
        Some("json") => one(posting_from_json(origin, text)),
        Some("yaml" | "yml") => one(posting_from_yaml(origin, text)),
        Some("csv") => one(crate::csv_postings::single_posting(origin, text)),
        Some("ndjson" | "jsonl") => one({
            let mut lines = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty());
            match (lines.next(), lines.count()) {
                (Some((i, line)), 0) => {
                    crate::rank::ndjson_posting(&format!("{origin}:{}", i + 1), line)
                }
                (None, _) => posting_from_text(origin, text),
                (Some(_), more) => Err(Diagnostic::new(
                    origin,
                    format!(
                        "the file holds {} postings; `score` and `tailor` read one",
                        more + 1
                    ),
                )
                .help(format!("rank them all with `jobfit rank {origin}`"))
                .into()),
            }
        }),
        _ => {
            let t = text.trim_start();
            if t.starts_with("<!doctype") || t.starts_with("<!DOCTYPE") || t.starts_with("<html") {
                crate::html::read_page(origin, text, None)
            } else if !matches!(ext.as_deref(), Some("md" | "markdown" | "txt"))
                && looks_like_json(t)
            {
                // No name to tell the kind (standard input): a JSON document is read as a
                // .json file is, not saved as a posting whose text is its JSON.
                one(posting_from_json(origin, text))
            } else {
                one(posting_from_text(origin, text))
            }
        }
    }
}

/// True for text that is a JSON object (or list of them) rather than an ad that
/// happens to open with a brace or a bracket ("[Remote] Engineer"): an object that
/// opens with a key, or anything that parses as JSON whole.
fn looks_like_json(t: &str) -> bool {
    let rest = |open: char| t.strip_prefix(open).map(str::trim_start);
    rest('{').is_some_and(|r| r.starts_with(['"', '}']))
        || (rest('[').is_some_and(|r| r.starts_with(['{', ']']))
            && serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok())
}

/// Reads a posting file (.md, .txt, .html, .json, .yaml) or stdin.
///
/// # Errors
/// As for `read_input` and the document's parser.
pub fn load_posting(path: Option<&Path>) -> Result<Posting> {
    load_page_posting(path).map(|p| p.posting)
}

/// `load_posting`, with the other postings a page describes (see `page_from_document`).
///
/// # Errors
/// As `load_posting`.
pub fn load_page_posting(path: Option<&Path>) -> Result<crate::html::PagePosting> {
    let (origin, text) = read_input(path)?;
    page_from_document(&origin, &text)
}

/// Profile file extensions jobfit reads directly.
pub const PROFILE_EXTENSIONS: &[&str] = &["yaml", "yml", "json"];

/// Finds the profile file: `spec` (a path, or a name in `profiles_dir`), else the
/// configured default, else the only profile in `profiles_dir`.
///
/// # Errors
/// When nothing or several candidates match, listing the available profiles.
pub fn resolve_profile(
    spec: Option<&str>,
    default: Option<&(String, String)>,
    profiles_dir: &Path,
) -> Result<PathBuf> {
    // A missing directory holds no profiles; one that cannot be listed (permissions)
    // is the problem to report, not "no profile found".
    let available = || -> Result<Vec<PathBuf>> {
        let rd = match std::fs::read_dir(profiles_dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(profiles_dir, e)),
        };
        let mut v: Vec<PathBuf> = rd
            .filter_map(std::result::Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| PROFILE_EXTENSIONS.contains(&e))
            })
            .collect();
        v.sort();
        Ok(v)
    };
    let names = |v: &[PathBuf]| {
        v.iter()
            .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A configured default is blamed on the config line that set it.
    let (spec, origin) = match (spec, default) {
        (Some(s), _) => (Some(s), s.to_owned()),
        (None, Some((name, at))) => (Some(name.as_str()), format!("{at}: profile `{name}`")),
        (None, None) => (None, String::new()),
    };
    if let Some(spec) = spec {
        let direct = PathBuf::from(spec);
        if direct.is_file() {
            return Ok(direct);
        }
        for ext in PROFILE_EXTENSIONS {
            let p = profiles_dir.join(format!("{spec}.{ext}"));
            if p.is_file() {
                return Ok(p);
            }
        }
        let all = available()?;
        // A spec with a directory or a résumé's extension ("nosuch.txt", "cv/me") is a
        // path the user typed, not a name to look up: say that file is missing.
        let names_file = spec.contains(['/', std::path::MAIN_SEPARATOR])
            || direct
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .is_some_and(|e| {
                    PROFILE_EXTENSIONS.contains(&e.as_str())
                        || matches!(e.as_str(), "txt" | "text" | "md" | "markdown" | "pdf")
                });
        let mut d = Diagnostic::new(
            origin,
            if direct.is_dir() {
                "is a directory, not a profile".to_owned()
            } else if names_file {
                format!("no such file: `{spec}` does not exist")
            } else {
                "no such profile".to_owned()
            },
        );
        d = if all.is_empty() {
            d.help(format!(
                "pass a profile file, or put one in {}/ (import a résumé with `jobfit profile import`)",
                profiles_dir.display().to_string().trim_end_matches('/')
            ))
        } else {
            d.help(format!(
                "available in {}/: {}",
                profiles_dir.display().to_string().trim_end_matches('/'),
                names(&all)
            ))
        };
        return Err(d.into());
    }
    let all = available()?;
    match all.len() {
        1 => Ok(all[0].clone()),
        0 => Err(
            Diagnostic::new(profiles_dir.display().to_string(), "no profile found")
                .help(
                    "pass --profile FILE (a résumé in YAML, JSON Resume, text, Markdown or PDF), or import one into this directory with `jobfit profile import FILE`",
                )
                .into(),
        ),
        _ => Err(Diagnostic::new(
            profiles_dir.display().to_string(),
            format!("{} profiles found; which one?", all.len()),
        )
        .help(format!(
            "pass --profile NAME ({}), or set `profile: NAME` in jobfit.yaml or your config file",
            names(&all)
        ))
        .into()),
    }
}

/// Loads a profile file by its extension: YAML or JSON Resume directly; a PDF, text
/// or Markdown résumé through the importer, on the fly.
///
/// # Errors
/// Unreadable or invalid profiles.
pub fn load_profile(path: &Path) -> Result<Profile> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json") => {
            let (origin, text) = read_input(Some(path))?;
            Profile::from_json(&origin, &text)
        }
        Some("yaml" | "yml") => {
            let (origin, text) = read_input(Some(path))?;
            Profile::from_yaml(&origin, &text)
        }
        _ => crate::import::import_file(path).map(|i| i.profile),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_and_rejects_binary() {
        assert_eq!(decode("x", b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode("x", b"\xFF\xFEh\0i\0").unwrap(), "hi");
        assert!(
            decode("x", b"a\0b")
                .unwrap_err()
                .to_string()
                .contains("binary")
        );
        let e = decode("cv.docx", b"PK\x03\x04\x14\0\x06\0word/document.xml")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("a Word document (.docx)") && e.contains("save the document as PDF"),
            "{e}"
        );
        let e = decode("ad.pdf", b"%PDF-1.7\n").unwrap_err().to_string();
        assert!(e.contains("jobfit profile import"), "{e}");
        let e = decode("x", b"ok\nbad \xE9 here").unwrap_err().to_string();
        assert!(e.starts_with("x:2:5: not valid UTF-8"), "{e}");
    }

    #[test]
    fn front_matter_is_split() {
        let (y, b) = split_front_matter("---\ntitle: T\n---\nbody\n").unwrap();
        assert_eq!(y, "title: T\n");
        assert_eq!(b, "body\n");
        let p = posting_from_text(
            "x",
            "---\ntitle: Go Dev\ncompany: Initech\n---\nWrite Go.\n",
        )
        .unwrap();
        assert_eq!(p.title.as_deref(), Some("Go Dev"));
        assert!(posting_from_text("x", "---\ntitle: T\n---\n  \n").is_err());
    }
}
