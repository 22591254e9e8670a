//! Postings from CSV exports (job boards, spreadsheets, public datasets): the header row
//! says which column holds the id, title, company, location, address and text, and
//! columns headed like a posting's sections ("Minimum Qualifications", "Nice to have")
//! become those sections of the text.

use crate::error::{Diagnostic, Result};
use crate::posting::{Posting, SectionKind, classify_heading};

/// What the columns of one CSV file hold, read off its header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    id: Option<usize>,
    title: Option<usize>,
    company: Option<usize>,
    location: Option<usize>,
    url: Option<usize>,
    /// The posting's body text.
    text: Option<usize>,
    /// Columns that are sections of the posting, with their headings as written.
    sections: Vec<(usize, String)>,
    /// Cells in the header row.
    width: usize,
}

/// Header names of each field, compared after `normal`. The first column that matches
/// a field takes it.
const FIELDS: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "id",
            "job id",
            "posting id",
            "jobid",
            "job key",
            "requisition id",
        ],
    ),
    (
        "title",
        &[
            "title",
            "job title",
            "position",
            "position title",
            "role",
            "job name",
        ],
    ),
    (
        "company",
        &[
            "company",
            "company name",
            "employer",
            "organization",
            "organisation",
            "hiring organization",
        ],
    ),
    (
        "location",
        &["location", "job location", "city", "locations"],
    ),
    (
        "url",
        &[
            "url",
            "link",
            "job url",
            "job link",
            "apply url",
            "posting url",
            "href",
        ],
    ),
    (
        "text",
        &[
            "text",
            "description",
            "job description",
            "body",
            "content",
            "details",
            "posting",
            "full description",
        ],
    ),
];

/// A header cell compared loosely: lower case, `_` and `-` read as spaces, runs of
/// spaces as one.
fn normal(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Columns {
    /// Reads the header row of `origin`.
    ///
    /// # Errors
    /// A header with no column of text: no `text`/`description` column and none headed
    /// like a section of a posting.
    pub fn from_header<'a>(
        origin: &str,
        header: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self> {
        let mut c = Columns {
            id: None,
            title: None,
            company: None,
            location: None,
            url: None,
            text: None,
            sections: Vec::new(),
            width: 0,
        };
        let mut names = Vec::new();
        // Whether some section column says what the job asks or does.
        let mut asks = false;
        for (i, cell) in header.into_iter().enumerate() {
            let n = normal(cell);
            names.push(cell.trim().to_owned());
            let field = FIELDS
                .iter()
                .find(|(_, names)| names.contains(&n.as_str()))
                .map(|(f, _)| *f);
            let slot = match field {
                Some("id") => &mut c.id,
                Some("title") => &mut c.title,
                Some("company") => &mut c.company,
                Some("location") => &mut c.location,
                Some("url") => &mut c.url,
                Some(_) => &mut c.text,
                None => {
                    // "Responsibilities", "Minimum Qualifications", "Nice to have"; also
                    // "Benefits" or "About us", which are context but no posting alone.
                    if let Some(kind) = classify_heading(cell).filter(|_| !n.is_empty()) {
                        c.sections.push((i, cell.trim().to_owned()));
                        asks |= !matches!(kind, SectionKind::About | SectionKind::Benefits);
                    }
                    continue;
                }
            };
            slot.get_or_insert(i);
        }
        c.width = names.len();
        if c.text.is_none() && !asks {
            let shown: Vec<String> = names.iter().take(12).map(|n| format!("`{n}`")).collect();
            return Err(Diagnostic::new(
                origin,
                format!(
                    "the header row names no column of posting text (it has {})",
                    if shown.is_empty() {
                        "no columns".to_owned()
                    } else {
                        shown.join(", ")
                    }
                ),
            )
            .at(1, 1, None)
            .help(
                "head the text column `text` or `description` (or columns `Requirements`, \
                 `Responsibilities`, `Nice to have`); `id`, `title`, `company`, `location` \
                 and `url` are optional",
            )
            .into());
        }
        Ok(c)
    }

    /// The posting in `record`, whose fields are in header order; `origin` names it
    /// (`file.csv:LINE`).
    ///
    /// # Errors
    /// A record whose text columns are all empty, or that has text in cells past the
    /// header's last column.
    pub fn posting(&self, origin: String, record: &csv::StringRecord) -> Result<Posting> {
        // The reader is flexible (a short row is a spreadsheet's habit), but text past
        // the header's width is a cell split by an unquoted delimiter: every cell after
        // it is in the wrong column. Empty extra cells (a trailing `,`) lose nothing.
        if record.len() > self.width && !record.iter().skip(self.width).all(|c| c.trim().is_empty())
        {
            return Err(Diagnostic::new(
                origin,
                format!(
                    "the row has {} cells but the header names {}",
                    record.len(),
                    self.width
                ),
            )
            .help(
                "quote a cell that contains the delimiter (`\"Go, Kafka\"`), or name the extra \
                 column in the header",
            )
            .into());
        }
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let mut text = cell(self.text).unwrap_or_default();
        for (i, heading) in &self.sections {
            if let Some(v) = cell(Some(*i)) {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                // The heading on its own line, so the section splitter sees it.
                text.push_str(heading);
                text.push('\n');
                text.push_str(&v);
            }
        }
        if text.trim().is_empty() {
            return Err(Diagnostic::new(origin, "the row's text columns are empty")
                .help("fill in the posting's text, or delete the row")
                .into());
        }
        Ok(crate::source::finish_record(Posting {
            origin,
            id: cell(self.id),
            title: cell(self.title),
            company: cell(self.company),
            location: cell(self.location),
            url: cell(self.url),
            date_posted: None,
            text,
        }))
    }
}

/// The delimiter of a CSV file, read off its header line: a comma, unless the line
/// has more semicolons (a spreadsheet saved in a locale whose decimal mark is a comma)
/// or tabs.
pub fn delimiter(head: &[u8]) -> u8 {
    let line = &head[..memchr::memchr(b'\n', head).unwrap_or(head.len())];
    let count = |b: u8| memchr::memchr_iter(b, line).count();
    [b';', b'\t']
        .into_iter()
        .filter(|&d| count(d) > count(b','))
        .max_by_key(|&d| count(d))
        .unwrap_or(b',')
}

/// What is wrong when the CSV reader fails on `origin`, at the line it stopped on.
#[must_use]
pub fn read_error(origin: &str, e: &csv::Error, line: u64) -> Diagnostic {
    // An I/O error has no position of its own: the row being read is where it struck.
    let line = e.position().map_or(line, csv::Position::line);
    let (what, help) = match e.kind() {
        csv::ErrorKind::Io(io) => (
            crate::error::io_words(io),
            "check that the file can be read to its end; one row must stay under the input limit",
        ),
        csv::ErrorKind::Utf8 { .. } => (
            "not valid UTF-8".to_owned(),
            "save the file as UTF-8 CSV with a header row",
        ),
        _ => (e.to_string(), "save the file as CSV with a header row"),
    };
    Diagnostic::new(origin, format!("cannot read the CSV: {what}"))
        .at(usize::try_from(line).unwrap_or(0), 1, None)
        .help(help)
}

/// Follows the quoting of a CSV stream byte by byte, as the csv reader reads it, to
/// find what the reader accepts without a word: a quoted cell that is never closed
/// (it takes everything from that quote to the end of the file as one cell), and text
/// after a cell's closing quote (`"Go" Dev`, which it joins into `Go Dev`).
#[derive(Debug, Clone)]
pub struct QuoteTracker {
    delimiter: u8,
    state: QuoteState,
    /// Line (1-based) and byte offset of the line being read.
    line: u64,
    line_start: u64,
    /// Bytes seen.
    bytes: u64,
    /// Whether the last byte seen ended a line.
    at_line_end: bool,
    /// Byte offset, line and column of the quote that opened the cell being read.
    opened: (u64, u64, u64),
    /// Byte offset, line and column just past the last closing quote.
    closed: (u64, u64, u64),
    /// Text after a closing quote, in file order, not yet claimed by `stray_in`.
    stray: std::collections::VecDeque<Stray>,
    finished: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted cell: its end, or the first of a doubled `""`.
    QuoteInQuoted,
    /// Blanks after a cell's closing quote: harmless before a delimiter or the end of
    /// the line, text joined to the cell before anything else.
    Closed,
}

/// Text after the closing quote of a cell, which the reader joins to the cell: the
/// quote was meant as part of the text, or a delimiter is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stray {
    /// Byte offset just past the closing quote (after any byte-order mark).
    pub byte: u64,
    /// Its line, 1-based.
    pub line: u64,
    /// Its column, 1-based, in bytes.
    pub column: u64,
}

impl Stray {
    /// What is wrong, placed just past the closing quote in `origin`.
    #[must_use]
    pub fn diagnostic(&self, origin: &str, source: Option<&str>) -> Diagnostic {
        Diagnostic::new(origin, "text after the closing quote of a cell")
            .at(
                usize::try_from(self.line).unwrap_or(0),
                usize::try_from(self.column).unwrap_or(1),
                source,
            )
            .help("quote the whole cell, writing a `\"` inside it as `\"\"` (`\"\"\"Go\"\" Dev\"`), or put the delimiter that is missing after the quote")
    }
}

/// A quoted cell the file never closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed {
    /// Byte offset of the opening quote (after any byte-order mark).
    pub byte: u64,
    /// Its line and column, 1-based.
    pub line: u64,
    /// Its column, 1-based, in bytes.
    pub column: u64,
    /// The file's last line.
    pub last_line: u64,
}

impl Unclosed {
    /// What is wrong, placed at the opening quote of `origin`.
    #[must_use]
    pub fn diagnostic(&self, origin: &str, source: Option<&str>) -> Diagnostic {
        let what = if self.last_line > self.line {
            format!(
                "lines {}–{} were read as one cell",
                self.line, self.last_line
            )
        } else {
            "the rest of the line was read as one cell".to_owned()
        };
        Diagnostic::new(
            origin,
            format!("the quoted cell opened here is never closed: {what}"),
        )
        .at(
            usize::try_from(self.line).unwrap_or(0),
            usize::try_from(self.column).unwrap_or(1),
            source,
        )
        .help("close the quote (a `\"` inside a quoted cell is written `\"\"`); the rows after it are read again once it is")
    }
}

impl QuoteTracker {
    /// A tracker for a file whose cells are separated by `delimiter`.
    #[must_use]
    pub fn new(delimiter: u8) -> Self {
        Self {
            delimiter,
            state: QuoteState::FieldStart,
            line: 1,
            line_start: 0,
            bytes: 0,
            at_line_end: false,
            opened: (0, 0, 0),
            closed: (0, 0, 0),
            stray: std::collections::VecDeque::new(),
            finished: false,
        }
    }

    /// Follows the next bytes of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        use QuoteState::{Closed, FieldStart, QuoteInQuoted, Quoted, Unquoted};
        for &b in bytes {
            let newline = b == b'\n' || b == b'\r';
            let here = (self.bytes, self.line, self.bytes - self.line_start + 1);
            self.state = match (self.state, b) {
                (FieldStart, b'"') => {
                    self.opened = here;
                    Quoted
                }
                (Quoted, b'"') => QuoteInQuoted,
                (Quoted, _) | (QuoteInQuoted, b'"') => Quoted,
                (_, d) if d == self.delimiter => FieldStart,
                _ if newline => FieldStart,
                (QuoteInQuoted, b' ' | b'\t') => {
                    self.closed = here;
                    Closed
                }
                (Closed, b' ' | b'\t') => Closed,
                // Text after a closing quote is joined to the cell by the reader.
                (QuoteInQuoted | Closed, _) => {
                    let (byte, line, column) = if self.state == Closed {
                        self.closed
                    } else {
                        here
                    };
                    self.stray.push_back(Stray { byte, line, column });
                    Unquoted
                }
                // A quote inside an unquoted cell is kept by the reader as it stands.
                _ => Unquoted,
            };
            self.bytes += 1;
            self.at_line_end = b == b'\n';
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.bytes;
            }
        }
    }

    /// The first text after a closing quote at a byte offset from `start` up to `end`
    /// (a record's), forgetting every one before `end`: records are claimed in order.
    pub fn stray_in(&mut self, start: u64, end: u64) -> Option<Stray> {
        let mut found = None;
        while let Some(s) = self.stray.front().copied().filter(|s| s.byte < end) {
            self.stray.pop_front();
            if s.byte >= start {
                found = found.or(Some(s));
            }
        }
        found
    }

    /// Marks the end of the file.
    pub fn finish(&mut self) {
        self.finished = true;
    }

    /// The quoted cell still open at the end of the file, once it has ended.
    #[must_use]
    pub fn unclosed(&self) -> Option<Unclosed> {
        (self.finished && self.state == QuoteState::Quoted).then(|| Unclosed {
            byte: self.opened.0,
            line: self.opened.1,
            column: self.opened.2,
            last_line: if self.at_line_end {
                self.line - 1
            } else {
                self.line
            },
        })
    }
}

/// True for a row of empty cells (a spreadsheet's trailing `,,,`): no posting, and
/// nothing wrong.
#[must_use]
pub fn blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|c| c.trim().is_empty())
}

/// The one posting of a CSV document (`jobfit score export.csv`).
///
/// # Errors
/// A CSV that is not readable, has no text column, or holds no posting or several.
pub fn single_posting(origin: &str, text: &str) -> Result<Posting> {
    let mut quotes = QuoteTracker::new(delimiter(text.as_bytes()));
    quotes.feed(text.as_bytes());
    quotes.finish();
    if let Some(u) = quotes.unclosed() {
        return Err(u.diagnostic(origin, Some(text)).into());
    }
    let mut rows = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter(text.as_bytes()))
        .from_reader(text.as_bytes());
    let bad = |e: csv::Error| read_error(origin, &e, 1);
    let columns = Columns::from_header(origin, rows.headers().map_err(bad)?)?;
    if let Some(s) = quotes.stray_in(0, rows.position().byte()) {
        return Err(s.diagnostic(origin, Some(text)).into());
    }
    let mut found = None;
    let mut count = 0usize;
    let mut record = csv::StringRecord::new();
    loop {
        let line = rows.position().line();
        let start = rows.position().byte();
        if !rows.read_record(&mut record).map_err(bad)? {
            break;
        }
        if let Some(s) = quotes.stray_in(start, rows.position().byte()) {
            return Err(s.diagnostic(origin, Some(text)).into());
        }
        if blank(&record) {
            continue;
        }
        count += 1;
        if found.is_none() {
            found = Some(columns.posting(format!("{origin}:{line}"), &record)?);
        }
    }
    match (found, count) {
        (Some(p), 1) => Ok(p),
        (_, 0) => Err(
            Diagnostic::new(origin, "the CSV has no rows under its header")
                .help("add a row with the posting's text")
                .into(),
        ),
        (_, n) => Err(Diagnostic::new(
            origin,
            format!("the CSV holds {n} postings; `score` and `tailor` read one"),
        )
        .help(format!("rank them all with `jobfit rank {origin}`"))
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(cells: &[&str]) -> csv::StringRecord {
        csv::StringRecord::from(cells.to_vec())
    }

    #[test]
    fn header_names_map_onto_fields_and_sections() {
        let c = Columns::from_header(
            "x.csv",
            [
                "Company",
                "Job_Title",
                "Category",
                "Location",
                "Responsibilities",
                "Minimum Qualifications",
                "Preferred Qualifications",
            ],
        )
        .expect("columns");
        assert_eq!(
            (c.company, c.title, c.location),
            (Some(0), Some(1), Some(3))
        );
        assert_eq!(c.text, None);
        let headings: Vec<&str> = c.sections.iter().map(|(_, h)| h.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Responsibilities",
                "Minimum Qualifications",
                "Preferred Qualifications"
            ]
        );
        let p = c
            .posting(
                "x.csv:2".into(),
                &record(&[
                    "Acme",
                    "Data Engineer",
                    "Engineering",
                    "Berlin",
                    "Build pipelines.",
                    "Python.",
                    "",
                ]),
            )
            .expect("posting");
        assert_eq!(p.title.as_deref(), Some("Data Engineer"));
        assert_eq!(p.company.as_deref(), Some("Acme"));
        assert_eq!(
            p.text,
            "Responsibilities\nBuild pipelines.\n\nMinimum Qualifications\nPython."
        );
        // The category column is neither a field nor a section.
        assert!(!p.text.contains("Engineering"));
    }

    #[test]
    fn a_quote_left_open_is_found_where_it_opens() {
        let unclosed = |text: &str, delimiter: u8| {
            let mut q = QuoteTracker::new(delimiter);
            // Fed in pieces, as a reader's buffer hands it over.
            for piece in text.as_bytes().chunks(3) {
                q.feed(piece);
            }
            q.finish();
            q.unclosed().map(|u| (u.line, u.column, u.last_line))
        };
        // Doubled quotes, a closed multi-line cell, CRLF, and a quote inside an
        // unquoted cell are all well-formed.
        assert_eq!(
            unclosed("a,\"say \"\"hi\"\"\"\r\nb,\"x\ny\",5\" screen\n", b','),
            None
        );
        assert_eq!(unclosed("a;\"b;c\nd;e\n", b';'), Some((1, 3, 2)));
        assert_eq!(unclosed("a,b\nc,d,\"e", b','), Some((2, 5, 2)));
        // Before the end of the file, nothing is known to be left open.
        let mut q = QuoteTracker::new(b',');
        q.feed(b"\"abc");
        assert_eq!(q.unclosed(), None);
    }

    #[test]
    fn text_after_a_closing_quote_is_found_just_past_the_quote() {
        let strays = |text: &str| {
            let mut q = QuoteTracker::new(b',');
            for piece in text.as_bytes().chunks(2) {
                q.feed(piece);
            }
            q.finish();
            q.stray
                .iter()
                .map(|s| (s.line, s.column))
                .collect::<Vec<_>>()
        };
        // Doubled quotes, blanks before a delimiter or a line's end, CRLF, and a quote
        // inside an unquoted cell are well-formed.
        assert_eq!(
            strays("\"a \"\"b\"\"\" ,c\r\n\"d\"\t\n5\" screen,\"e\"\n"),
            []
        );
        assert_eq!(strays("\"a\"b,c\nd,\"e\"  f\n"), [(1, 4), (2, 6)]);
        // Claimed record by record: one before `start` is forgotten, not returned.
        let mut q = QuoteTracker::new(b',');
        q.feed(b"\"a\"b\n\"c\"d\n");
        assert_eq!(q.stray_in(5, 10).map(|s| s.line), Some(2));
        assert_eq!(q.stray_in(0, 10), None);
    }

    #[test]
    fn the_delimiter_is_read_off_the_header() {
        assert_eq!(delimiter(b"id,title,text\n1;2;3;4;5"), b',');
        assert_eq!(delimiter(b"id;title;text\n"), b';');
        assert_eq!(delimiter(b"id\ttitle\ttext"), b'\t');
        assert_eq!(delimiter(b"text"), b',');
    }

    #[test]
    fn score_reads_a_csv_of_one_posting_and_refuses_several() {
        let p = single_posting("x.csv", "title;description\nDev;Python.\n").expect("one");
        assert_eq!(
            (p.title.as_deref(), p.text.as_str()),
            (Some("Dev"), "Python.")
        );
        assert_eq!(p.origin, "x.csv:2");
        let e = single_posting("x.csv", "title,text\nA,Go.\nB,Rust.\n").unwrap_err();
        assert!(e.to_string().contains("holds 2 postings"), "{e}");
        assert!(single_posting("x.csv", "title,text\n").is_err());
    }

    #[test]
    fn a_header_without_text_and_a_row_without_text_are_errors() {
        let e = Columns::from_header("x.csv", ["id", "title", "salary"]).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("x.csv:1:1"), "{msg}");
        assert!(msg.contains("`salary`"), "{msg}");
        let c = Columns::from_header("x.csv", ["ID", "Description"]).expect("columns");
        assert_eq!((c.id, c.text), (Some(0), Some(1)));
        let e = c
            .posting("x.csv:3".into(), &record(&["7", "  "]))
            .unwrap_err();
        assert!(e.to_string().contains("x.csv:3"), "{e}");
        // A short row (a flexible reader) lacks the cells past its end: no panic.
        assert!(c.posting("x.csv:4".into(), &record(&["8"])).is_err());
    }
}
