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
    /// A record whose text columns are all empty.
    pub fn posting(&self, origin: String, record: &csv::StringRecord) -> Result<Posting> {
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
    let mut rows = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter(text.as_bytes()))
        .from_reader(text.as_bytes());
    let bad = |e: csv::Error| read_error(origin, &e, 1);
    let columns = Columns::from_header(origin, rows.headers().map_err(bad)?)?;
    let mut found = None;
    let mut count = 0usize;
    let mut record = csv::StringRecord::new();
    loop {
        let line = rows.position().line();
        if !rows.read_record(&mut record).map_err(bad)? {
            break;
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
