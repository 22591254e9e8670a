//! Job pages as HTML → postings: schema.org `JobPosting` JSON-LD when the page has it
//! (title, hiring organisation, location, description, skills, qualifications,
//! experience requirements, date posted), otherwise the page's main text without the
//! site around it, kept as Markdown so headings and lists — the posting's sections —
//! survive. Also HTML
//! fragments (Greenhouse and Lever content) → text. Hostile markup is flattened to a
//! bounded depth before any parser sees it.

use scraper::node::{Comment, Text};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::error::{Diagnostic, Result};
use crate::posting::Posting;

/// Plain text of an HTML fragment, keeping list items and paragraphs on their own
/// lines. Entity-escaped HTML (`&lt;p&gt;`, as Greenhouse sends it) is unescaped first.
#[must_use]
pub fn fragment_to_text(fragment: &str) -> String {
    let mut html = fragment.to_owned();
    if html.contains("&lt;") && !html.contains('<') {
        // Decoding once turns the escaped markup back into markup.
        html = html2text::config::plain_no_decorate()
            .string_from_read(html.as_bytes(), 1_000_000)
            .unwrap_or(html);
    }
    let html = flatten_deep(&html);
    let text = html2text::config::plain_no_decorate()
        .no_table_borders()
        .string_from_read(html.as_bytes(), 10_000)
        .unwrap_or_default();
    tidy(&text)
}

/// Trims trailing spaces and collapses runs of blank lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_owned() + "\n"
}

/// A schema.org `JobPosting` found in a page.
#[derive(Debug, Clone, Default)]
pub struct JobPostingLd {
    /// `title`.
    pub title: Option<String>,
    /// `hiringOrganization.name` (or the string).
    pub company: Option<String>,
    /// `jobLocation` flattened ("Berlin, DE").
    pub location: Option<String>,
    /// `url`.
    pub url: Option<String>,
    /// `identifier.value` (or the string).
    pub id: Option<String>,
    /// `datePosted`.
    pub date_posted: Option<String>,
    /// The body: description and the structured fields as Markdown sections.
    pub text: String,
}

fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").or_else(|| o.get("value")).and_then(string_of),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(string_of).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

fn location_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(location_of).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        Value::Object(o) => {
            if let Some(addr) = o.get("address") {
                if let Value::Object(a) = addr {
                    let parts: Vec<String> = ["addressLocality", "addressRegion", "addressCountry"]
                        .iter()
                        .filter_map(|k| a.get(*k).and_then(string_of))
                        .collect();
                    if !parts.is_empty() {
                        return Some(parts.join(", "));
                    }
                }
                return string_of(addr);
            }
            string_of(v)
        }
        _ => string_of(v),
    }
}

/// Text of a JSON-LD field that may hold HTML, plain text, or a list of either.
fn field_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if s.contains('<') || s.contains("&lt;") => Some(fragment_to_text(s)),
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().filter_map(field_text).collect();
            (!items.is_empty()).then(|| {
                items
                    .iter()
                    .map(|i| format!("- {}", i.trim()))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        Value::Object(o) => o
            .get("description")
            .or_else(|| o.get("name"))
            .and_then(field_text)
            .or_else(|| {
                // experienceRequirements as OccupationalExperienceRequirements.
                o.get("monthsOfExperience")
                    .and_then(Value::as_f64)
                    .map(|m| format!("{:.0}+ years of experience", (m / 12.0).floor().max(1.0)))
            }),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

fn is_job_posting(o: &serde_json::Map<String, Value>) -> bool {
    match o.get("@type") {
        Some(Value::String(t)) => t == "JobPosting",
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some("JobPosting")),
        _ => false,
    }
}

/// Collects every schema.org `JobPosting` object in a JSON-LD value (top level,
/// arrays, `@graph`).
pub fn find_job_postings<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    match v {
        Value::Object(o) => {
            if is_job_posting(o) {
                out.push(o);
            } else if let Some(g) = o.get("@graph") {
                find_job_postings(g, out);
            }
        }
        Value::Array(a) => {
            for x in a {
                find_job_postings(x, out);
            }
        }
        _ => {}
    }
}

impl JobPostingLd {
    /// From a JSON-LD `JobPosting` object.
    #[must_use]
    pub fn from_object(o: &serde_json::Map<String, Value>) -> Self {
        let get = |k: &str| o.get(k);
        let mut text = String::new();
        if let Some(d) = get("description").and_then(field_text) {
            text.push_str(&d);
            text.push('\n');
        }
        for (key, heading) in [
            ("responsibilities", "Responsibilities"),
            ("qualifications", "Qualifications"),
            ("skills", "Skills"),
            ("experienceRequirements", "Experience requirements"),
            ("educationRequirements", "Education requirements"),
        ] {
            if let Some(t) = get(key).and_then(field_text) {
                text.push_str(&format!("\n## {heading}\n{t}\n"));
            }
        }
        Self {
            title: get("title").and_then(string_of),
            company: get("hiringOrganization").and_then(string_of),
            location: get("jobLocation").and_then(location_of).or_else(|| {
                get("jobLocationType")
                    .and_then(string_of)
                    .filter(|t| t.eq_ignore_ascii_case("TELECOMMUTE"))
                    .map(|_| "Remote".to_owned())
            }),
            url: get("url").and_then(string_of),
            id: get("identifier").and_then(string_of),
            date_posted: get("datePosted").and_then(string_of),
            text,
        }
    }
}

/// Every `JobPosting` in the page's `<script type="application/ld+json">` blocks.
///
/// # Errors
/// A JSON-LD block that is not valid JSON, with its position.
pub fn json_ld_postings(origin: &str, doc: &Html, html: &str) -> Result<Vec<JobPostingLd>> {
    json_ld(origin, doc, html).map(|ld| ld.postings)
}

/// What a page's JSON-LD says.
#[derive(Debug, Default)]
struct JsonLd {
    postings: Vec<JobPostingLd>,
    /// Names of the `Organization`s it describes apart from any posting (the site's
    /// owner, most often the employer on a company's own careers site).
    organisations: Vec<String>,
}

/// Collects the names of schema.org organisations in a JSON-LD value (top level,
/// arrays, `@graph`; not those inside other objects, such as a posting's).
fn find_organisations(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            let is_org = match o.get("@type") {
                Some(Value::String(t)) => matches!(t.as_str(), "Organization" | "Corporation"),
                Some(Value::Array(a)) => a
                    .iter()
                    .any(|t| matches!(t.as_str(), Some("Organization" | "Corporation"))),
                _ => false,
            };
            if is_org {
                out.extend(o.get("name").and_then(string_of));
            } else if let Some(g) = o.get("@graph") {
                find_organisations(g, out);
            }
        }
        Value::Array(a) => {
            for x in a {
                find_organisations(x, out);
            }
        }
        _ => {}
    }
}

fn json_ld(origin: &str, doc: &Html, html: &str) -> Result<JsonLd> {
    let mut out = Vec::new();
    let mut organisations = Vec::new();
    for (i, script) in doc.select(&JSON_LD).enumerate() {
        let raw: String = script.text().collect();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(trimmed).map_err(|e| {
            let mut d = Diagnostic::new(
                origin,
                format!(
                    "JSON-LD block {} is not valid JSON: {}",
                    i + 1,
                    crate::error::lower_first(&e.to_string()).split(" at line").next().unwrap_or("invalid"),
                ),
            );
            // The parser gives a position in the block; the page's is more use. The
            // block's text is the page's bytes as written, so it can be found there.
            if let (Some(start), Some(in_block)) =
                (html.find(trimmed), crate::error::json_error_offset(trimmed, &e))
            {
                let at = start + in_block;
                let (line, col) = crate::text::LineIndex::new(html).line_col(html, at);
                d = d.at(line, col, Some(html));
            }
            d.help("the page's schema.org data is broken; save the posting's text instead (`jobfit jobs add -` and paste it)")
        })?;
        let mut found = Vec::new();
        find_job_postings(&v, &mut found);
        out.extend(found.into_iter().map(JobPostingLd::from_object));
        find_organisations(&v, &mut organisations);
    }
    Ok(JsonLd {
        postings: out,
        organisations,
    })
}

/// A posting from an HTML page: JSON-LD `JobPosting` if present, else its main text.
///
/// # Errors
/// Broken JSON-LD, or a page with no readable text.
pub fn posting_from_html(origin: &str, html: &str, url: Option<&str>) -> Result<Posting> {
    read_page(origin, html, url).map(|p| p.posting)
}

/// The posting a page is read as, and the other postings its JSON-LD describes, which
/// are not read (a page is one posting; several `JobPosting` entries are most often
/// one job in several places, or other jobs shown beside it).
#[derive(Debug, Clone)]
pub struct PagePosting {
    /// The posting: the page's first `JobPosting`.
    pub posting: Posting,
    /// "Title — Company" of each other `JobPosting`, in page order.
    pub others: Vec<String>,
}

impl PagePosting {
    /// Says which posting of several was taken, when the page holds more than one.
    #[must_use]
    pub fn note(&self) -> Option<String> {
        if self.others.is_empty() {
            return None;
        }
        let p = &self.posting;
        let others: Vec<String> = self.others.iter().map(|o| format!("`{o}`")).collect();
        Some(format!(
            "the page holds {} job postings (JSON-LD); took the first, `{}`, not {}",
            self.others.len() + 1,
            label(p.title.as_deref(), p.company.as_deref()),
            others.join(", ")
        ))
    }
}

/// "Title — Company", as far as known.
fn label(title: Option<&str>, company: Option<&str>) -> String {
    match (title, company) {
        (Some(t), Some(c)) => format!("{t} — {c}"),
        (Some(t), None) => t.to_owned(),
        (None, Some(c)) => format!("untitled — {c}"),
        (None, None) => "untitled".to_owned(),
    }
}

/// `posting_from_html`, saying what else the page holds.
///
/// # Errors
/// As `posting_from_html`.
pub fn read_page(origin: &str, html: &str, url: Option<&str>) -> Result<PagePosting> {
    let html = &*flatten_deep(html);
    let mut doc = Html::parse_document(html);
    let mut ld = json_ld(origin, &doc, html)?;
    let others: Vec<String> = ld
        .postings
        .iter()
        .skip(1)
        .map(|l| label(l.title.as_deref(), l.company.as_deref()))
        .collect();
    let h1 = collapsed_text_of(&doc, &H1);
    let page_title = collapsed_text_of(&doc, &TITLE);
    let page_company = || {
        company_of_page(
            &doc,
            h1.as_deref(),
            page_title.as_deref(),
            &ld.organisations,
        )
    };
    if ld
        .postings
        .first()
        .is_some_and(|f| !f.text.trim().is_empty())
    {
        let first = ld.postings.swap_remove(0);
        let mut p = Posting {
            origin: origin.to_owned(),
            id: first.id,
            title: first.title,
            company: first.company.or_else(page_company),
            location: first.location,
            url: first.url.or_else(|| url.map(str::to_owned)),
            date_posted: first.date_posted,
            text: first.text,
        };
        p.guess_title();
        return Ok(PagePosting { posting: p, others });
    }
    // A JobPosting without its text (the page shows it) still names the employer, the
    // place and the date.
    let first = ld.postings.first();
    let company = first
        .and_then(|l| l.company.clone())
        .filter(|c| !board_name(c))
        .or_else(page_company);
    let location = first
        .and_then(|l| l.location.clone())
        .or_else(|| short_text_of(&doc, &LOCATION));
    let date_posted = first.and_then(|l| l.date_posted.clone());
    // Names are read above, from the whole page: a page's header may hold its title.
    without_chrome(&mut doc);
    cut_long_texts(&mut doc);
    let text = main_text(&doc.html(), url);
    if text.trim().is_empty() {
        return Err(Diagnostic::new(origin, "the page has no readable text")
            .help("the page may need JavaScript to show the posting; copy its text and use `jobfit jobs add -` or `jobfit score -`")
            .into());
    }
    let mut p = Posting {
        origin: origin.to_owned(),
        title: h1.or(page_title),
        company,
        location,
        url: url.map(str::to_owned),
        date_posted,
        text,
        ..Posting::default()
    };
    p.guess_title();
    Ok(PagePosting { posting: p, others })
}

/// Job boards and career-site words that name the host, not the employer.
const BOARD_NAMES: &[&str] = &[
    "greenhouse",
    "lever",
    "workable",
    "linkedin",
    "indeed",
    "glassdoor",
    "careers",
    "jobs",
    "job board",
    "ashby",
    "smartrecruiters",
    "recruitee",
    "personio",
    "bamboohr",
    "workday",
    "hacker news",
    "wellfound",
    "angellist",
];

fn board_name(s: &str) -> bool {
    let s = s.trim().to_lowercase();
    s.is_empty()
        || BOARD_NAMES
            .iter()
            .any(|b| s == *b || s.ends_with(&format!(" {b}")))
}

/// Selectors, parsed once: `rank` reads every `.html` posting of a directory.
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static LOCATION: LazyLock<Selector> =
    LazyLock::new(|| selector(".location, [itemprop=jobLocation], .job-location"));
static COMPANY: LazyLock<Selector> =
    LazyLock::new(|| selector(".company-name, .company, [itemprop=hiringOrganization]"));
static SITE_NAME: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"meta[property="og:site_name"], meta[name="og:site_name"]"#));
/// Elements that are the site around a posting, or code and data, never the posting's
/// text (see `without_chrome`).
static CHROME: LazyLock<Selector> = LazyLock::new(|| {
    selector("script, style, noscript, template, svg, nav, aside, header, footer, form")
});
/// What holds a posting's text: a form that contains one is no application form.
static CONTENT: LazyLock<Selector> = LazyLock::new(|| selector("h1, article, main"));

/// Removes from `doc` what is not the posting: scripts, styles, icons, menus,
/// sidebars, the page's own header and footer, and forms (an application form's labels
/// are no requirements). The readability pass drops most of it on a long page, but a
/// short page is read whole, and every skill in a menu or footer would count. A header
/// or footer inside an article, main content or section is the posting's own (its
/// title, date, place); a form that holds the posting (ASP.NET wraps whole pages in
/// one) stays.
fn without_chrome(doc: &mut Html) {
    let ids: Vec<_> = doc
        .select(&CHROME)
        .filter(|e| match e.value().name() {
            "header" | "footer" => !e
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "article" | "main" | "section")),
            "form" => e.select(&CONTENT).next().is_none(),
            _ => true,
        })
        .map(|e| e.id())
        .collect();
    for id in ids {
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.detach();
        }
    }
}

/// Length past which a text node is cut into pieces, and about the length of each.
const TEXT_PIECE: usize = 4096;

/// Cuts every text node longer than `TEXT_PIECE` into pieces with an empty comment
/// between them, keeping the text. The HTML serialiser (html5ever's, used for the page
/// here and for the article in the readability pass) escapes a text node by searching
/// it to the end for `<`, `>` or `"` once per `&` or U+0080–U+00BF: quadratic, so that a
/// 3 MB paragraph of `&amp;` took 15 s. The comments keep the pieces apart when the
/// readability pass parses the page again, and it drops them.
fn cut_long_texts(doc: &mut Html) {
    let long: Vec<_> = doc
        .tree
        .nodes()
        .filter(|n| matches!(n.value(), Node::Text(t) if t.len() > TEXT_PIECE))
        .map(|n| n.id())
        .collect();
    for id in long {
        let Some(mut node) = doc.tree.get_mut(id) else {
            continue;
        };
        let Node::Text(t) = node.value() else {
            continue;
        };
        let text = t.text.to_string();
        let pieces = text_pieces(&text, TEXT_PIECE);
        *node.value() = Node::Text(Text {
            text: pieces[0].into(),
        });
        // Inserted right after the node, last piece first: the order comes out right.
        for piece in pieces[1..].iter().rev() {
            node.insert_after(Node::Text(Text {
                text: (*piece).into(),
            }));
            node.insert_after(Node::Comment(Comment { comment: "".into() }));
        }
    }
}

/// `text` cut into pieces of at most `max` bytes (and at least half that, but for the
/// last), each after a whitespace character where the stretch has one.
fn text_pieces(text: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / (max / 2) + 1);
    let mut rest = text;
    while rest.len() > max {
        let end = crate::text::floor_char_boundary(rest, max);
        let cut = rest[..end]
            .rfind(char::is_whitespace)
            .map(|i| i + rest[i..].chars().next().map_or(1, char::len_utf8))
            .filter(|&i| i >= max / 2)
            .unwrap_or(end);
        // A first character wider than `max` (never, with 4096): take it whole.
        let cut = if cut == 0 {
            rest.chars().next().map_or(rest.len(), char::len_utf8)
        } else {
            cut
        };
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    out.push(rest);
    out
}

/// The text of the first element `sel` picks, whitespace collapsed; `None` when empty.
fn collapsed_text_of(doc: &Html, sel: &Selector) -> Option<String> {
    let text = doc.select(sel).next()?.text().collect::<String>();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// `collapsed_text_of`, when it is short enough to be a name or a place (a whole
/// description in a "company" div is neither).
fn short_text_of(doc: &Html, sel: &Selector) -> Option<String> {
    collapsed_text_of(doc, sel).filter(|t| t.len() <= 80)
}

/// The employer of a job page whose JSON-LD does not name it: the site name it
/// declares (`og:site_name`), an organisation its JSON-LD describes, a "company" element ("at Acme Robotics", as Greenhouse shows it), or the part of the
/// page title beside the job title ("Job Application for X at Acme",
/// "Senior Rust Engineer - Acme Robotics - Greenhouse").
fn company_of_page(
    doc: &Html,
    h1: Option<&str>,
    page_title: Option<&str>,
    organisations: &[String],
) -> Option<String> {
    let site = doc
        .select(&SITE_NAME)
        .filter_map(|e| e.value().attr("content"))
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|c| !board_name(c) && c.len() <= 80);
    let organisation = || {
        organisations
            .iter()
            .find(|c| !board_name(c) && c.len() <= 80)
            .cloned()
    };
    let element = || {
        short_text_of(doc, &COMPANY).map(|c| {
            c.strip_prefix("at ")
                .map_or(c.clone(), |rest| rest.trim().to_owned())
        })
    };
    let from_title = || {
        let t = page_title?;
        if let Some(rest) = t.strip_prefix("Job Application for ")
            && let Some(i) = rest.rfind(" at ")
        {
            return Some(rest[i + 4..].trim().to_owned()).filter(|c| !c.is_empty());
        }
        let job = h1?.trim();
        let parts: Vec<&str> = t
            .split(" - ")
            .flat_map(|p| p.split(" | "))
            .flat_map(|p| p.split(" – "))
            .map(str::trim)
            .collect();
        let others: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| !p.eq_ignore_ascii_case(job) && !board_name(p))
            .collect();
        // Only when the rest of the title is the job title and one other name.
        (parts.iter().any(|p| p.eq_ignore_ascii_case(job)) && others.len() == 1)
            .then(|| others[0].to_owned())
    };
    site.or_else(organisation)
        .or_else(element)
        .or_else(from_title)
        .filter(|c| !board_name(c))
}

/// True when `text` is an HTML page: by its file name, or (stdin, a saved page under
/// another name) by how it starts.
#[must_use]
pub fn is_html_page(origin: &str, text: &str) -> bool {
    let lower = origin.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head = start
        .get(..start.len().min(15))
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Nesting depth past which markup is flattened. Real pages nest a few dozen deep; the
/// HTML parsers' scope checks and the readability port's selectors take time that grows
/// with depth (a page of 5,000 nested divs took minutes), so deeper tags are dropped
/// before parsing, keeping their text.
const MAX_DEPTH: usize = 64;

/// Elements that never have content: they do not nest.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements a parser closes when a sibling of the same name opens (`<li>a<li>b`).
const SELF_CLOSING_SIBLINGS: &[&str] = &["dd", "dt", "li", "option", "p", "td", "th", "tr"];

fn is_one_of(name: &[u8], list: &[&str]) -> bool {
    list.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name))
}

/// A tag found by `tags`: its byte range, and the nesting depth it opens (the depth
/// inside it) or closes (the depth it was at); `None` for void tags.
struct Tag {
    start: usize,
    end: usize,
    depth: Option<usize>,
}

/// The tags of `html` with the depth each reaches, found fast and approximately: a
/// stack of open element names, closing implied siblings (`<li>a<li>b`) and matching a
/// closing tag against the innermost few open elements only, so the scan stays linear.
fn tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    let b = html.as_bytes();
    let mut open: Vec<&[u8]> = Vec::new();
    // The first `>` after the last `<` that searched for one (`b.len()`: none): kept,
    // since searching again from each `<` made a page of "<a <a <a …" with no `>`
    // quadratic.
    let mut gt = 0;
    memchr::memchr_iter(b'<', b).filter_map(move |i| {
        let rest = &b[i + 1..];
        let (closing, name) = match rest.first() {
            Some(b'/') => (true, &rest[1..]),
            Some(c) if c.is_ascii_alphabetic() => (false, rest),
            _ => return None,
        };
        let len = name
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        let name = &name[..len];
        if gt <= i {
            gt = memchr::memchr(b'>', rest).map_or(b.len(), |j| i + 1 + j);
        }
        let end = (gt + 1).min(b.len());
        let same = |n: &&[u8]| n.eq_ignore_ascii_case(name);
        let depth = if is_one_of(name, VOID_TAGS) || (!closing && b[..end].ends_with(b"/>")) {
            None
        } else if closing {
            let at = open.len();
            if let Some(k) = open.iter().rev().take(16).position(same) {
                open.truncate(open.len() - k - 1);
            }
            Some(at)
        } else {
            if is_one_of(name, SELF_CLOSING_SIBLINGS) && open.last().is_some_and(same) {
                open.pop();
            }
            open.push(name);
            Some(open.len())
        };
        Some(Tag {
            start: i,
            end,
            depth,
        })
    })
}

/// A fast estimate of how deep the elements of `html` nest.
fn nesting_depth(html: &str) -> usize {
    tags(html).filter_map(|t| t.depth).max().unwrap_or(0)
}

/// `html` with the tags nested deeper than `MAX_DEPTH` removed (their text stays).
fn flatten_deep(html: &str) -> Cow<'_, str> {
    if nesting_depth(html) <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for t in tags(html) {
        if t.depth.is_some_and(|d| d > MAX_DEPTH) && t.start >= at {
            out.push_str(&html[at..t.start]);
            out.push(' ');
            at = t.end;
        }
    }
    out.push_str(&html[at.min(html.len())..]);
    Cow::Owned(out)
}

/// The page's main content as Markdown (readability), or all its text when the
/// readability heuristics find no article.
fn main_text(html: &str, url: Option<&str>) -> String {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Markdown,
        max_elements_to_parse: 50_000,
        ..Default::default()
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // The readability port can panic on unusual markup; a broken page must not take
    // jobfit down with it.
    let article = crate::error::contain(|| {
        dom_smoothie::Readability::new(html, url, Some(cfg))
            .ok()
            .and_then(|mut r| r.parse().ok())
            .map(|a| a.text_content.to_string())
    })
    .flatten()
    .filter(|t| t.split_whitespace().count() >= 20);
    match article {
        Some(t) => tidy(&t),
        None => fragment_to_text(html),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_open_elements() {
        // `<ul>` really closes the open `<p>`: the estimate may run a little deep.
        assert_eq!(
            nesting_depth("<div><p>a<p>b<ul><li>x<li>y</ul></div><br>"),
            4
        );
        assert_eq!(nesting_depth("<ul><li>a</li><li>b</li></ul><p>c</p>"), 2);
        assert_eq!(nesting_depth(&"<ul><li>".repeat(100)), 200);
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
        assert_eq!(nesting_depth("<div/><a href=x>y</a> 1 < 2"), 1);
        // Tags that never close each open one more element, as before the `>` was
        // searched for once per stretch.
        assert_eq!(nesting_depth("<p>a<div <b <i x</p>"), 4);
    }

    #[test]
    fn long_text_is_cut_keeping_every_byte() {
        let text = format!("{} {}", "word ".repeat(3000), "é&".repeat(5000));
        let pieces = text_pieces(&text, TEXT_PIECE);
        assert_eq!(pieces.concat(), text);
        assert!(
            pieces
                .iter()
                .all(|p| p.len() <= TEXT_PIECE && !p.is_empty())
        );
        // Cut after a space where there is one.
        assert!(
            pieces[0].ends_with(' '),
            "{:?}",
            &pieces[0][pieces[0].len() - 9..]
        );
        assert_eq!(text_pieces("short", TEXT_PIECE), ["short"]);
    }

    #[test]
    fn a_paragraph_of_ampersands_is_read_in_linear_time() {
        // Serialising a text node was quadratic in its `&`s: 15 s for 3 MB.
        let page = format!(
            "<html><body><p>We need Python and Go engineers for our platform team, with \
             Kubernetes and Docker in production every day.</p><p>{}R&amp;D</p></body></html>",
            "&amp;".repeat(200_000)
        );
        let start = std::time::Instant::now();
        let p = posting_from_html("amp.html", &page, None).unwrap();
        assert!(p.text.contains("Kubernetes"), "{}", &p.text[..200]);
        // Every `&` kept (a word this long is wrapped, as it was before).
        assert!(p.text.contains("R&D"));
        assert_eq!(p.text.matches('&').count(), 200_001);
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }

    #[test]
    fn deep_markup_is_flattened_keeping_its_text() {
        let shallow = "<div><b>Python</b></div>";
        assert!(matches!(flatten_deep(shallow), Cow::Borrowed(_)));
        let deep = format!(
            "{}Rust and Go{}",
            "<div class=x>".repeat(500),
            "</div>".repeat(500)
        );
        let flat = flatten_deep(&deep);
        assert_eq!(nesting_depth(&flat), MAX_DEPTH);
        assert!(flat.contains("Rust and Go"));
        let p = posting_from_html("deep.html", &deep, None).unwrap();
        assert!(p.text.contains("Rust and Go"), "{}", p.text);
    }

    #[test]
    fn json_ld_job_posting_becomes_a_posting_with_sections() {
        let html = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"JobPosting","title":"Rust Engineer",
         "hiringOrganization":{"@type":"Organization","name":"Ferrous Co"},
         "jobLocation":{"@type":"Place","address":{"addressLocality":"Berlin","addressCountry":"DE"}},
         "description":"<p>We build <b>databases</b>.</p><ul><li>Rust</li><li>Linux</li></ul>",
         "skills":["Rust","Kubernetes"],"experienceRequirements":{"@type":"OccupationalExperienceRequirements","monthsOfExperience":36},
         "datePosted":"2026-10-01"}
        </script></head><body><p>ignored</p></body></html>"#;
        let p = posting_from_html("page.html", html, Some("https://example.test/job")).unwrap();
        assert_eq!(p.title.as_deref(), Some("Rust Engineer"));
        assert_eq!(p.company.as_deref(), Some("Ferrous Co"));
        assert_eq!(p.location.as_deref(), Some("Berlin, DE"));
        assert!(
            p.text.contains("## Skills\n- Rust\n- Kubernetes"),
            "{}",
            p.text
        );
        assert!(p.text.contains("3+ years of experience"), "{}", p.text);
        assert!(p.text.contains("Rust"));
    }

    #[test]
    fn broken_json_ld_is_an_error() {
        let html =
            r#"<script type="application/ld+json">{"@type": "JobPosting", "title": </script>"#;
        let e = posting_from_html("x.html", html, None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("JSON-LD block 1 is not valid JSON"), "{e}");
    }

    #[test]
    fn escaped_fragments_are_decoded() {
        let t = fragment_to_text(
            "&lt;p&gt;Use &lt;strong&gt;Go&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Docker&lt;/li&gt;&lt;/ul&gt;",
        );
        assert!(t.contains("Use Go"), "{t}");
        assert!(t.contains("Docker"), "{t}");
        assert!(!t.contains('<'), "{t}");
    }

    #[test]
    fn html_pages_are_known_by_name_or_start() {
        assert!(is_html_page("-", "\u{feff}  <!DOCTYPE html><p>x"));
        assert!(is_html_page("page.HTM", "plain"));
        assert!(!is_html_page("ad.txt", "We use <b> tags"));
    }

    /// Regression: site chrome (menus, a page header and footer, sidebars, forms,
    /// scripts, icons) became posting text, and its skills counted.
    #[test]
    fn site_chrome_is_not_posting_text() {
        let chrome = |body: &str| {
            format!(
                "<html><head><title>Rust Engineer</title><style>.x{{}} /* Haskell */</style></head><body>\
                 <header><a href=/>Home</a> Kotlin Academy</header>\
                 <nav><a href=/jobs>Elixir jobs</a></nav>\
                 <main><article><header><h1>Rust Engineer</h1><p>Posted in Berlin</p></header>{body}</article></main>\
                 <aside>Related: Scala Developer</aside>\
                 <form><label>Upload your CV</label><input name=cv><p>Clojure quiz</p></form>\
                 <noscript>Enable JavaScript for Erlang</noscript>\
                 <svg><title>Fortran icon</title></svg>\
                 <script>var lang = 'Perl';</script>\
                 <footer>© Acme · Cobol careers</footer></body></html>"
            )
        };
        let short = "<h2>Requirements</h2><ul><li>Rust and PostgreSQL</li></ul>";
        let long = format!(
            "<p>{}</p><h2>Requirements</h2><ul><li>Rust and PostgreSQL</li></ul>",
            "We build a database engine and need people who care about correctness. ".repeat(8)
        );
        for body in [short.to_owned(), long] {
            let p = posting_from_html("page.html", &chrome(&body), None).unwrap();
            for word in [
                "Kotlin", "Elixir", "Scala", "Clojure", "Upload", "Erlang", "Fortran", "Perl",
                "Haskell", "Cobol",
            ] {
                assert!(!p.text.contains(word), "{word} in {}", p.text);
            }
            assert!(p.text.contains("Rust and PostgreSQL"), "{}", p.text);
            // An article's own header is the posting's.
            assert!(p.text.contains("Posted in Berlin"), "{}", p.text);
            assert_eq!(p.title.as_deref(), Some("Rust Engineer"));
        }
        // A page wrapped whole in a form (ASP.NET) keeps its text.
        let wrapped =
            "<body><form id=aspnetForm><h1>Go Developer</h1><p>Go and Kafka.</p></form></body>";
        let p = posting_from_html("w.html", wrapped, None).unwrap();
        assert!(p.text.contains("Go and Kafka"), "{}", p.text);
    }

    /// Regression: the company of a page whose title is not "X at Y" came only from
    /// `<meta property=og:site_name>`; other ways a page names it were not read.
    #[test]
    fn a_page_names_its_company_by_site_name_or_json_ld() {
        let body = "<h1>Rust Engineer</h1><p>Rust and PostgreSQL.</p>";
        let page = |head: &str| {
            format!(
                "<html><head><title>Rust Engineer | Careers</title>{head}</head><body>{body}</body></html>"
            )
        };
        let company = |head: &str| {
            posting_from_html("c.html", &page(head), None)
                .unwrap()
                .company
        };
        assert_eq!(
            company(r#"<meta property="og:site_name" content="Acme Robotics">"#).as_deref(),
            Some("Acme Robotics")
        );
        assert_eq!(
            company(r#"<meta name="og:site_name" content="Acme Robotics">"#).as_deref(),
            Some("Acme Robotics")
        );
        // JSON-LD that is no posting of its own: an organisation, or a JobPosting
        // whose text is on the page rather than in it.
        assert_eq!(
            company(r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Ferrous Co"}]}</script>"#).as_deref(),
            Some("Ferrous Co")
        );
        assert_eq!(
            company(r#"<meta property="og:site_name" content="Jobs"><script type="application/ld+json">{"@type":"JobPosting","title":"Rust Engineer","hiringOrganization":{"name":"Initech"}}</script>"#).as_deref(),
            Some("Initech")
        );
        // A JobPosting without hiringOrganization takes the page's name for it.
        let ld = r#"<meta property="og:site_name" content="Globex"><script type="application/ld+json">{"@type":"JobPosting","title":"Rust Engineer","description":"Rust and PostgreSQL."}</script>"#;
        assert_eq!(company(ld).as_deref(), Some("Globex"));
        // A job board's own name is not the employer.
        assert_eq!(
            company(
                r#"<script type="application/ld+json">{"@type":"Organization","name":"Greenhouse"}</script>"#
            ),
            None
        );
    }

    #[test]
    fn a_page_without_json_ld_names_its_company_and_location() {
        let greenhouse = "<html><head><title>Job Application for Rust Engineer at Acme Robotics</title></head>\
            <body><h1 class=app-title>Rust Engineer</h1><div class=location>Berlin, Germany</div>\
            <div id=content><h3>Requirements</h3><ul><li>5+ years of Rust</li></ul></div></body></html>";
        let p = posting_from_html("gh.html", greenhouse, None).unwrap();
        assert_eq!(p.title.as_deref(), Some("Rust Engineer"));
        assert_eq!(p.company.as_deref(), Some("Acme Robotics"));
        assert_eq!(p.location.as_deref(), Some("Berlin, Germany"));
        let dashed = "<title>Rust Engineer - Acme Robotics - Greenhouse</title><h1>Rust Engineer</h1><p>We build robots in Rust.</p>";
        let p = posting_from_html("d.html", dashed, None).unwrap();
        assert_eq!(p.company.as_deref(), Some("Acme Robotics"));
        let element = "<title>Careers</title><div class=company-name>at Pinecone Labs</div><h1>iOS Engineer</h1><p>Swift and SwiftUI.</p>";
        let p = posting_from_html("e.html", element, None).unwrap();
        assert_eq!(p.company.as_deref(), Some("Pinecone Labs"));
        // A title with more than one other part names no company.
        let vague =
            "<title>Rust Engineer - Berlin - Acme</title><h1>Rust Engineer</h1><p>Rust.</p>";
        let p = posting_from_html("v.html", vague, None).unwrap();
        assert_eq!(p.company, None);
    }
}
