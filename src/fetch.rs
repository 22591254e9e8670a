//! The only network code: HTTP GET with connect and total timeouts, a redirect limit,
//! a body-size cap, an honest user agent, gzip and charset decoding; job pages →
//! postings; whole Greenhouse and Lever boards through their public JSON APIs.

use std::io::Read;
use std::time::Duration;

use reqwest::blocking::Client;
use serde::Deserialize;

use crate::error::{Diagnostic, Error, Result};
use crate::posting::Posting;

/// Default base URL of Greenhouse's public job board API.
pub const GREENHOUSE_API: &str = "https://boards-api.greenhouse.io";
/// Default base URL of Lever's public postings API (EU boards: https://api.eu.lever.co).
pub const LEVER_API: &str = "https://api.lever.co";

/// Limits and identity of the HTTP client.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Time to establish a connection.
    pub connect_timeout: Duration,
    /// Time for the whole request, body included.
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Largest body read, in bytes.
    pub max_bytes: u64,
    /// The User-Agent header.
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            max_bytes: 8 << 20,
            user_agent: format!(
                "jobfit/{} (offline résumé-to-posting matcher; fetches one page per request)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// A fetched document.
#[derive(Debug, Clone)]
pub struct Page {
    /// The URL after redirects.
    pub url: String,
    /// The media type (`text/html`), lower-case, without parameters.
    pub media_type: String,
    /// The body, decoded to text.
    pub text: String,
}

/// An HTTP client with jobfit's limits.
#[derive(Debug)]
pub struct Fetcher {
    client: Client,
    direct: Client,
    opts: FetchOptions,
}

/// Media types a job page may have.
pub const PAGE_TYPES: &[&str] = &[
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "application/json",
    "application/ld+json",
];

/// Media types of the board APIs.
pub const JSON_TYPES: &[&str] = &["application/json"];

impl Fetcher {
    /// Builds the client.
    ///
    /// # Errors
    /// When the TLS backend cannot be initialised.
    pub fn new(opts: FetchOptions) -> Result<Self> {
        let build = |direct: bool| {
            let mut b = Client::builder()
                .connect_timeout(opts.connect_timeout)
                .timeout(opts.timeout)
                .redirect(reqwest::redirect::Policy::limited(opts.max_redirects))
                .user_agent(opts.user_agent.clone())
                .gzip(true);
            if direct {
                b = b.no_proxy();
            }
            b.build()
                .map_err(|e| Error::msg("http", format!("cannot set up the HTTP client: {e}")))
        };
        Ok(Self {
            client: build(false)?,
            // Loopback addresses never go through a proxy (tests, local servers).
            direct: build(true)?,
            opts,
        })
    }

    /// GETs `url`, accepting only the given media types, and decodes the body.
    ///
    /// # Errors
    /// Bad URLs, connection failures, timeouts, redirect loops, HTTP errors, oversized
    /// bodies and unexpected media types, each naming the URL and what to do.
    pub fn get(&self, url: &str, accept: &[&str]) -> Result<Page> {
        let parsed = reqwest::Url::parse(url).map_err(|e| {
            Error::from(
                Diagnostic::new(url, format!("not a valid URL: {e}"))
                    .help("pass a full http:// or https:// URL"),
            )
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Diagnostic::new(
                url,
                format!("unsupported URL scheme `{}`", parsed.scheme()),
            )
            .help("jobfit fetches http:// and https:// URLs; save other documents to a file first")
            .into());
        }
        let loopback = matches!(
            parsed.host_str(),
            Some("127.0.0.1" | "localhost" | "[::1]" | "::1")
        );
        let client = if loopback { &self.direct } else { &self.client };
        // The client's timeout bounds, in reqwest's blocking API, the wait for the
        // headers and then each read of the body on its own: a server sending a byte a
        // second would never trip it. A request's own timeout is one deadline from
        // connecting to the body's last byte.
        let resp = client
            .get(parsed)
            .timeout(self.opts.timeout)
            .header(reqwest::header::ACCEPT, accept.join(", "))
            .send()
            .map_err(|e| self.http_error(url, &e))?;
        let status = resp.status();
        let final_url = resp.url().to_string();
        if !status.is_success() {
            return Err(Diagnostic::new(url, format!("the server answered HTTP {status}"))
                .help(if status.as_u16() == 404 {
                    "check the URL: the posting may have been taken down"
                } else if status.is_server_error() {
                    "the server failed; try again later"
                } else {
                    "the page is not publicly readable; save its text and use `jobfit jobs add -`"
                })
                .into());
        }
        let content_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let media_type = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_owned();
        if !accept.contains(&media_type.as_str()) {
            return Err(Diagnostic::new(
                url,
                format!(
                    "unexpected content type `{}` (expected {})",
                    if media_type.is_empty() {
                        "none"
                    } else {
                        &media_type
                    },
                    accept.join(", ")
                ),
            )
            .help("this does not look like a job page; check the URL")
            .into());
        }
        if resp
            .content_length()
            .is_some_and(|n| n > self.opts.max_bytes)
        {
            return Err(self.too_big(url));
        }
        let mut body = Vec::new();
        resp.take(self.opts.max_bytes + 1)
            .read_to_end(&mut body)
            .map_err(|e| {
                let timed_out = e.kind() == std::io::ErrorKind::TimedOut
                    || e.get_ref()
                        .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                        .is_some_and(reqwest::Error::is_timeout);
                if timed_out {
                    return self.timed_out(url);
                }
                Error::from(
                    Diagnostic::new(url, format!("reading the response failed: {e}"))
                        .help("the connection broke; try again"),
                )
            })?;
        if body.len() as u64 > self.opts.max_bytes {
            return Err(self.too_big(url));
        }
        let text = decode_body(&body, &content_type, &media_type);
        Ok(Page {
            url: final_url,
            media_type,
            text,
        })
    }

    fn too_big(&self, url: &str) -> Error {
        Diagnostic::new(
            url,
            format!(
                "the response is larger than {} MiB",
                self.opts.max_bytes >> 20
            ),
        )
        .help("a job posting is a few hundred kilobytes at most; check the URL")
        .into()
    }

    fn timed_out(&self, url: &str) -> Error {
        Diagnostic::new(
            url,
            format!("timed out (limit {} s)", self.opts.timeout.as_secs()),
        )
        .help(
            "the server is slow or unreachable; try again later, or allow more time with --timeout",
        )
        .into()
    }

    fn http_error(&self, url: &str, e: &reqwest::Error) -> Error {
        if e.is_timeout() {
            return self.timed_out(url);
        }
        let (msg, help) = if e.is_redirect() {
            (
                format!("too many redirects (more than {})", self.opts.max_redirects),
                "the site redirects in a loop; open the URL in a browser and pass the final address",
            )
        } else if e.is_connect() {
            (
                "cannot connect".to_owned(),
                "check the address and your network connection",
            )
        } else {
            (
                format!("request failed: {e}"),
                "check the URL and try again",
            )
        };
        Diagnostic::new(url, msg).help(help).into()
    }

    /// GETs and parses a JSON API response.
    ///
    /// # Errors
    /// As `get`, plus malformed JSON with its position.
    pub fn get_json<T: for<'de> Deserialize<'de>>(&self, url: &str) -> Result<T> {
        let page = self.get(url, JSON_TYPES)?;
        serde_json::from_str(&page.text).map_err(|e| {
            Diagnostic::new(
                url,
                format!(
                    "the API answered malformed JSON: {}",
                    crate::error::lower_first(&e.to_string())
                ),
            )
            .help("the API format may have changed, or the base URL points elsewhere")
            .into()
        })
    }
}

/// Decodes a body by the charset of its Content-Type, or of an HTML `<meta>`, else
/// UTF-8 (falling back to Windows-1252, what browsers assume for undeclared pages).
fn decode_body(body: &[u8], content_type: &str, media_type: &str) -> String {
    let declared = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_owned())
        .next()
        .or_else(|| {
            if media_type.contains("html") {
                let head =
                    String::from_utf8_lossy(&body[..body.len().min(2048)]).to_ascii_lowercase();
                head.find("charset=").map(|i| {
                    head[i + 8..]
                        .trim_start_matches(['"', '\''])
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect()
                })
            } else {
                None
            }
        });
    let enc = declared
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    if enc == encoding_rs::UTF_8 {
        if let Ok(s) = std::str::from_utf8(body.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(body)) {
            return s.to_owned();
        }
        if declared.is_none() {
            return encoding_rs::WINDOWS_1252.decode(body).0.into_owned();
        }
    }
    enc.decode(body).0.into_owned()
}

/// A posting from a job page URL.
///
/// # Errors
/// Fetch failures, broken JSON-LD, pages without text.
pub fn fetch_posting(f: &Fetcher, url: &str) -> Result<Posting> {
    fetch_page_posting(f, url).map(|p| p.posting)
}

/// `fetch_posting`, with the other postings an HTML page describes (see
/// `html::PagePosting`).
///
/// # Errors
/// As `fetch_posting`.
pub fn fetch_page_posting(f: &Fetcher, url: &str) -> Result<crate::html::PagePosting> {
    let page = f.get(url, PAGE_TYPES)?;
    let mut read = match page.media_type.as_str() {
        "text/html" | "application/xhtml+xml" => {
            crate::html::read_page(url, &page.text, Some(&page.url))?
        }
        other => crate::html::PagePosting {
            posting: if matches!(other, "application/json" | "application/ld+json") {
                crate::source::posting_from_json(url, &page.text)?
            } else {
                crate::source::posting_from_text(url, &page.text)?
            },
            others: Vec::new(),
        },
    };
    let p = &mut read.posting;
    if p.url.is_none() {
        p.url = Some(page.url);
    }
    p.origin = url.to_owned();
    Ok(read)
}

/// A board's jobs, read: the postings, and the jobs left out with why.
#[derive(Debug, Clone, Default)]
pub struct Board {
    /// Jobs the board lists, read or not.
    pub listed: usize,
    /// The postings read, in the board's order.
    pub postings: Vec<Posting>,
    /// The jobs that gave no posting.
    pub skipped: Vec<SkippedJob>,
}

/// A job of a board that gave no posting.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SkippedJob {
    /// Where it is in the board's answer (`jobs[3]`, `[3]`).
    pub at: String,
    /// Its id, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its title, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Why it was left out.
    pub problem: String,
    /// True when the job object itself could not be read (not one with no text).
    #[serde(skip)]
    pub malformed: bool,
}

impl SkippedJob {
    /// `jobs[3] (id 103, "Backend Engineer")`: how a warning names it.
    #[must_use]
    pub fn label(&self) -> String {
        let mut names = Vec::new();
        if let Some(id) = &self.id {
            names.push(format!("id {id}"));
        }
        if let Some(t) = &self.title {
            names.push(format!("{t:?}"));
        }
        if names.is_empty() {
            self.at.clone()
        } else {
            format!("{} ({})", self.at, names.join(", "))
        }
    }
}

impl Board {
    /// Reads each job of a board's answer on its own, so that one job the API sends in
    /// an unexpected shape (or without text) is left out with why, not the whole
    /// board: `read` turns a job object into a posting.
    fn read<J: for<'de> Deserialize<'de>>(
        jobs: Vec<serde_json::Value>,
        prefix: &str,
        read: impl Fn(J) -> Posting,
    ) -> Self {
        let mut board = Board {
            listed: jobs.len(),
            ..Board::default()
        };
        for (i, v) in jobs.into_iter().enumerate() {
            // The id and title as far as they can be read, to name the job.
            let id = v.get("id").and_then(|id| match id {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            });
            let title = v
                .get("title")
                .or_else(|| v.get("text"))
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned);
            let skip = |problem: String, malformed: bool| SkippedJob {
                at: format!("{prefix}[{i}]"),
                id: id.clone(),
                title: title.clone(),
                problem,
                malformed,
            };
            match serde_json::from_value::<J>(v) {
                Ok(j) => {
                    let p = read(j);
                    if p.text.trim().is_empty() {
                        board
                            .skipped
                            .push(skip("it has no description: nothing to save".into(), false));
                    } else {
                        board.postings.push(p);
                    }
                }
                Err(e) => board.skipped.push(skip(
                    format!(
                        "the job is malformed: {}",
                        crate::error::lower_first(&e.to_string())
                    ),
                    true,
                )),
            }
        }
        board
    }
}

#[derive(Deserialize)]
struct GreenhouseBoard {
    jobs: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct GreenhouseJob {
    id: serde_json::Value,
    title: Option<String>,
    absolute_url: Option<String>,
    content: Option<String>,
    location: Option<NameField>,
    company_name: Option<String>,
    first_published: Option<String>,
    updated_at: Option<String>,
}

#[derive(Deserialize)]
struct NameField {
    name: Option<String>,
}

/// Every posting of a Greenhouse board (`/v1/boards/{board}/jobs?content=true`); a job
/// that cannot be read, or has no text, is in `skipped`.
///
/// # Errors
/// Fetch failures and a response that is no board.
pub fn greenhouse(f: &Fetcher, base: &str, board: &str) -> Result<Board> {
    check_slug(board, "greenhouse")?;
    let url = format!(
        "{}/v1/boards/{board}/jobs?content=true",
        base.trim_end_matches('/')
    );
    let b: GreenhouseBoard = f.get_json(&url)?;
    Ok(Board::read(b.jobs, "jobs", |j: GreenhouseJob| {
        let id = match &j.id {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let text = j
            .content
            .as_deref()
            .map(crate::html::fragment_to_text)
            .unwrap_or_default();
        // When the job was first published, which some boards give; else when it was
        // last changed, the nearest the API says to when it was posted.
        let date_posted = j
            .first_published
            .as_deref()
            .or(j.updated_at.as_deref())
            .and_then(date_of_timestamp);
        Posting {
            origin: format!("greenhouse:{board}/{id}"),
            id: Some(format!("greenhouse-{board}-{id}")),
            title: j.title,
            company: j.company_name.or_else(|| Some(board.to_owned())),
            location: j.location.and_then(|l| l.name),
            url: j.absolute_url,
            date_posted,
            text,
        }
    }))
}

#[derive(Deserialize)]
struct LeverPosting {
    id: String,
    text: Option<String>,
    #[serde(rename = "hostedUrl")]
    hosted_url: Option<String>,
    categories: Option<LeverCategories>,
    description: Option<String>,
    #[serde(rename = "descriptionPlain")]
    description_plain: Option<String>,
    #[serde(default)]
    lists: Vec<LeverList>,
    additional: Option<String>,
    /// When the posting was created, in milliseconds since 1970 (UTC). Read loosely:
    /// a date in another shape is no reason to skip the job.
    #[serde(rename = "createdAt")]
    created_at: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct LeverCategories {
    location: Option<String>,
}

#[derive(Deserialize)]
struct LeverList {
    text: Option<String>,
    content: Option<String>,
}

/// Every posting of a Lever site (`/v0/postings/{site}?mode=json`); each of its
/// `lists` ("Requirements", "Nice to have") becomes a section. A posting that cannot be
/// read, or has no text, is in `skipped`.
///
/// # Errors
/// Fetch failures and a response that is no list of postings.
pub fn lever(f: &Fetcher, base: &str, site: &str) -> Result<Board> {
    check_slug(site, "lever")?;
    let url = format!(
        "{}/v0/postings/{site}?mode=json",
        base.trim_end_matches('/')
    );
    let list: Vec<serde_json::Value> = f.get_json(&url)?;
    Ok(Board::read(list, "", |p: LeverPosting| {
        let mut text = match (&p.description, &p.description_plain) {
            (Some(html), _) => crate::html::fragment_to_text(html),
            (None, Some(plain)) => plain.clone(),
            (None, None) => String::new(),
        };
        for l in &p.lists {
            let heading = l.text.as_deref().unwrap_or("Details").trim();
            let body = l
                .content
                .as_deref()
                .map(crate::html::fragment_to_text)
                .unwrap_or_default();
            text.push_str(&format!("\n## {heading}\n{body}\n"));
        }
        if let Some(a) = &p.additional {
            text.push_str(&format!("\n{}\n", crate::html::fragment_to_text(a)));
        }
        Posting {
            origin: format!("lever:{site}/{}", p.id),
            id: Some(format!("lever-{site}-{}", p.id)),
            title: p.text,
            company: Some(site.to_owned()),
            location: p.categories.and_then(|c| c.location),
            url: p.hosted_url,
            date_posted: p
                .created_at
                .as_ref()
                .and_then(serde_json::Value::as_i64)
                .and_then(date_of_epoch_ms),
            text,
        }
    }))
}

/// The date (`YYYY-MM-DD`) of an ISO 8601 timestamp as written, in its own time zone
/// (`2026-10-20T09:00:00-04:00` → `2026-10-20`); another text is kept as it stands.
fn date_of_timestamp(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let iso = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso {
        Some(s[..10].to_owned())
    } else {
        (!s.is_empty()).then(|| s.to_owned())
    }
}

/// The UTC date (`YYYY-MM-DD`) of a time in milliseconds since 1970; `None` for one
/// before 1970 or past 9999, which no posting has.
fn date_of_epoch_ms(ms: i64) -> Option<String> {
    // 253,402,300,800,000 ms is 10000-01-01.
    if !(0..253_402_300_800_000).contains(&ms) {
        return None;
    }
    let date = crate::profile::PartialDate::from_unix_days(ms / 86_400_000);
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1)
    ))
}

fn check_slug(s: &str, what: &str) -> Result<()> {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(Diagnostic::new(format!("{what}:{s}"), format!("`{s}` is not a {what} board name"))
            .help("board names are letters, digits, `-` and `_`, as in the board's URL (boards.greenhouse.io/NAME, jobs.lever.co/NAME)")
            .into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn board_dates_become_calendar_dates() {
        assert_eq!(date_of_epoch_ms(0).as_deref(), Some("1970-01-01"));
        assert_eq!(
            date_of_epoch_ms(1_791_243_000_000).as_deref(),
            Some("2026-10-05")
        );
        // 2024-02-29T23:59:59.999Z, a leap day.
        assert_eq!(
            date_of_epoch_ms(1_709_251_199_999).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(date_of_epoch_ms(-1), None);
        assert_eq!(date_of_epoch_ms(i64::MAX), None);
        assert_eq!(
            date_of_timestamp("2026-10-20T09:00:00-04:00").as_deref(),
            Some("2026-10-20")
        );
        assert_eq!(date_of_timestamp(" soon ").as_deref(), Some("soon"));
        assert_eq!(date_of_timestamp(""), None);
    }
}
