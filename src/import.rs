//! Résumé import: plain text and Markdown résumés (section headings, dated roles,
//! employer and title lines, bullets, skills lines), first-person narratives with no
//! bullets (sentences attached to the role the text is talking about), JSON Resume, and
//! PDF (text layer, behind the `pdf` feature) → a `Profile`. What it could not place
//! is reported as notes, so `jobfit profile show` can tell the user what to correct.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Diagnostic, Result};
use crate::profile::{Education, PartialDate, Profile, SkillEntry, Work};

/// A profile and what the importer wants the user to check.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The profile.
    pub profile: Profile,
    /// Things it could not place or had to guess.
    pub notes: Vec<String>,
    /// Why the file reads like a job posting rather than a résumé, if it does:
    /// `profile import` refuses to save it without `--force`, and commands importing
    /// it on the fly (`--profile ad.txt`) warn.
    pub posting_like: Option<String>,
}

/// Reads any supported résumé file into a profile: YAML or JSON Resume directly, PDF by
/// its text layer, anything else as plain text or Markdown.
///
/// # Errors
/// Unreadable, empty, binary or wrongly encoded files, PDFs without text, invalid
/// YAML/JSON.
pub fn import_file(path: &Path) -> Result<Imported> {
    let origin = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("yaml" | "yml" | "json") => Ok(Imported {
            profile: crate::source::load_profile(path)?,
            notes: Vec::new(),
            posting_like: None,
        }),
        _ => {
            let bytes = crate::source::read_capped(path)?;
            // A PDF saved without its extension is still a PDF.
            let text = if ext.as_deref() == Some("pdf") || bytes.starts_with(b"%PDF-") {
                pdf_text(&origin, &bytes)?
            } else {
                crate::source::decode(&origin, &bytes)?
            };
            import_text(&origin, &text)
        }
    }
}

/// The text layer of a PDF. The extractor is run behind `catch_unwind`: it panics on
/// some malformed files, and a bad PDF must never take jobfit down.
///
/// # Errors
/// Not a PDF, an unreadable PDF, or a PDF without text (scanned).
#[cfg(feature = "pdf")]
pub fn pdf_text(origin: &str, bytes: &[u8]) -> Result<String> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(Diagnostic::new(origin, "not a PDF file (no %PDF- header)")
            .help("pass the résumé as PDF, text, Markdown, YAML or JSON Resume")
            .into());
    }
    // The reader runs on its own thread, with a deep stack (malformed files can recurse
    // deeply) and a deadline (or loop): a bad PDF gets an error, not a crash or a hang.
    // On time-out the thread is abandoned; the command ends with the error soon after.
    let owned = bytes.to_vec();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("pdf-reader".into())
        .stack_size(PDF_STACK)
        .spawn(move || {
            let r = crate::error::contain(|| read_pdf(&owned));
            let _ = tx.send(r);
        })
        .map_err(|e| crate::error::Error::io(origin, e))?;
    let again = "export the résumé again as PDF, or save it as text and import that";
    let text = match rx.recv_timeout(PDF_DEADLINE) {
        Ok(Some(Ok(t))) => t,
        Ok(Some(Err(PdfFailure::Loop))) => {
            return Err(Diagnostic::new(
                origin,
                "cannot read the PDF: its page tree or forms refer to themselves in a loop",
            )
            .help(again)
            .into());
        }
        Ok(Some(Err(PdfFailure::Reader(e)))) => {
            return Err(Diagnostic::new(origin, format!("cannot read the PDF: {e}"))
                .help(again)
                .into());
        }
        Ok(None) | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            return Err(Diagnostic::new(
                origin,
                "cannot read the PDF (the PDF reader failed on it)",
            )
            .help(again)
            .into());
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            return Err(Diagnostic::new(
                origin,
                format!(
                    "cannot read the PDF (the PDF reader did not finish in {} s)",
                    PDF_DEADLINE.as_secs()
                ),
            )
            .help(again)
            .into());
        }
    };
    let text = without_page_numbers(&text);
    if text.split_whitespace().count() < 5 {
        return Err(Diagnostic::new(origin, "the PDF has no text layer (a scanned image?)")
            .help("jobfit does not read images; export the résumé from its editor as PDF or text, or run it through OCR first")
            .into());
    }
    Ok(text)
}

/// A PDF's text without its page numbers ("Page 1 of 2", "2 / 3", "- 2 -"): each
/// stands on a line of its own at a page's foot, and would otherwise end up in the
/// bullet or skills list it interrupts. Text copied out of a PDF carries them too,
/// so every imported text goes through this.
fn without_page_numbers(text: &str) -> String {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:(?:page|seite|p\.)\s*\d+(?:\s*(?:of|/|von|sur)\s*\d+)?|\d+\s*/\s*\d+|[-–—]\s*\d+\s*[-–—])\s*$")
            .expect("valid regex")
    });
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if !PAGE.is_match(line.trim_end_matches(['\n', '\r', '\u{c}'])) {
            out.push_str(line);
        }
    }
    out
}

/// Why the PDF reader gave no text.
#[cfg(feature = "pdf")]
enum PdfFailure {
    /// See `has_reference_loop`.
    Loop,
    /// lopdf or pdf-extract refused the file.
    Reader(String),
}

/// The text of a PDF file: parsed once by lopdf (pdf-extract's own parser), checked
/// for loops, decrypted when it only has an empty user password (as pdf-extract does
/// itself), then handed to pdf-extract.
#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8]) -> std::result::Result<String, PdfFailure> {
    use pdf_extract::OutputError;
    let reader = |e: OutputError| PdfFailure::Reader(e.to_string());
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|e| reader(OutputError::PdfError(e)))?;
    if has_reference_loop(&doc) {
        return Err(PdfFailure::Loop);
    }
    if doc.is_encrypted() {
        doc.decrypt("")
            .map_err(|e| reader(OutputError::PdfError(e)))?;
    }
    let mut text = String::new();
    pdf_extract::output_doc(&doc, &mut pdf_extract::PlainTextOutput::new(&mut text))
        .map_err(reader)?;
    Ok(text)
}

/// True when the PDF's structure loops: a page whose `/Parent` chain comes back to
/// itself, `/Kids` that contain an ancestor, or a form that draws itself through its
/// resources. pdf-extract follows these recursively and overflows its stack (a fuzzing
/// find), which no `catch_unwind` can stop, so such files are refused before it runs.
#[cfg(feature = "pdf")]
fn has_reference_loop(doc: &lopdf::Document) -> bool {
    use lopdf::{Dictionary, Document, Object, ObjectId};
    /// The dictionary `o` is, holds (a stream) or refers to.
    fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
        match o {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            Object::Reference(id) => match doc.objects.get(id)? {
                Object::Dictionary(d) => Some(d),
                Object::Stream(s) => Some(&s.dict),
                _ => None,
            },
            _ => None,
        }
    }
    let of = |id: ObjectId| doc.objects.get(&id).and_then(|o| dict(doc, o));
    // Downward (kids, and the forms a page or form draws) and upward (parents): each
    // set of edges must be free of cycles on its own, as Kids and Parent point at each
    // other by design.
    let down = |id: ObjectId| -> Vec<Option<ObjectId>> {
        let Some(d) = of(id) else { return Vec::new() };
        let kids = d.get(b"Kids").ok().and_then(|k| k.as_array().ok());
        let forms = d
            .get(b"Resources")
            .ok()
            .and_then(|r| dict(doc, r))
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| dict(doc, x));
        kids.into_iter()
            .flatten()
            .chain(forms.into_iter().flat_map(|x| x.iter().map(|(_, v)| v)))
            .map(|o| o.as_reference().ok())
            .collect()
    };
    let up = |id: ObjectId| -> Vec<Option<ObjectId>> {
        vec![of(id).and_then(|d| d.get(b"Parent").ok()?.as_reference().ok())]
    };
    let mut looped = false;
    for edges in [&down as &dyn Fn(ObjectId) -> Vec<Option<ObjectId>>, &up] {
        crate::graph::for_each_cycle(doc.objects.keys().copied(), edges, |_, _| looped = true);
    }
    looped
}

/// How long the PDF reader may take: a résumé takes well under a second.
#[cfg(feature = "pdf")]
const PDF_DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);

/// Stack for the PDF reader's thread.
#[cfg(feature = "pdf")]
const PDF_STACK: usize = 64 << 20;

/// Without the `pdf` feature, PDFs are refused with an explanation.
///
/// # Errors
/// Always.
#[cfg(not(feature = "pdf"))]
pub fn pdf_text(origin: &str, _bytes: &[u8]) -> Result<String> {
    Err(
        Diagnostic::new(origin, "this jobfit was built without PDF support")
            .help("rebuild with `--features pdf`, or save the résumé as text and import that")
            .into(),
    )
}

// ---------------------------------------------------------------------------------
// Lines, headings, bullets.

/// What a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Summary,
    Experience,
    Education,
    Skills,
    /// "Languages": spoken ones with their fluency, or programming ones (a skills
    /// group), told apart by the fluency words.
    Languages,
    Projects,
    /// "Contact": email, phone, links and place, which are no summary.
    Contact,
    Other,
}

/// The kind of section a heading names, in English, German, French or Spanish, by
/// its whole words: "Pinterest" names no interests and "Globex Technologies" no
/// skills. A word matches a name or its plural ("skill", "skills"); a German one may
/// also end a compound ("Sprachkenntnisse", "Fremdsprachen").
fn classify_section(h: &str) -> Option<Section> {
    let words = heading_words(h);
    let has = |w: &str| words.iter().any(|x| word_is(x, w));
    let any = |ws: &[&str]| ws.iter().any(|w| has(w));
    let german = |ws: &[&str]| words.iter().any(|x| ws.iter().any(|w| x.ends_with(w)));
    let phrase = |p: &[&str]| words.windows(p.len()).any(|win| win == p);
    Some(
        if any(EDUCATION_WORDS) || german(&["ausbildung", "studium"]) {
            Section::Education
        } else if any(&[
            "berufliche",
            "beruflicher",
            "expérience",
            "parcours",
            "experiencia",
        ]) || german(&["berufserfahrung", "werdegang"])
        {
            Section::Experience
        } else if any(&["compétence", "competencias", "habilidades"])
            || german(&["kenntnisse", "fähigkeiten", "kompetenzen"])
        {
            Section::Skills
        } else if any(&["langues", "idiomas"]) || german(&["sprachen"]) {
            Section::Languages
        } else if any(&["projets", "proyectos"]) || german(&["projekte"]) {
            Section::Projects
        } else if any(SUMMARY_WORDS)
            || german(&["zusammenfassung"])
            || phrase(&["über", "mich"])
            || phrase(&["à", "propos"])
        {
            Section::Summary
        } else if has("experience") && (any(TECHNOLOGY_WORDS) || has("skill")) {
            // "Experience and technologies": prose about skills, not dated roles.
            Section::Summary
        } else if any(&["experience", "employment", "career", "role", "position"])
            || phrase(&["work", "history"])
        {
            Section::Experience
        } else if has("language") && !has("skill") {
            Section::Languages
        } else if any(SKILL_WORDS) || any(TECHNOLOGY_WORDS) {
            Section::Skills
        } else if any(&["project", "portfolio"]) || phrase(&["open", "source"]) {
            Section::Projects
        } else if any(&["contact", "kontakt", "coordonnées", "contacto"]) {
            Section::Contact
        } else if any(OTHER_WORDS) {
            Section::Other
        } else {
            return None;
        },
    )
}

const EDUCATION_WORDS: &[&str] = &[
    "education",
    "educational",
    "degree",
    "academic",
    "qualification",
    "formation",
    "études",
    "educación",
    "formación",
];
const SUMMARY_WORDS: &[&str] = &[
    "summary",
    "summaries",
    "profile",
    "profil",
    "about",
    "objective",
    "overview",
    "perfil",
    "resumen",
];
const SKILL_WORDS: &[&str] = &[
    "skill",
    "skillset",
    "tools",
    "stack",
    "competence",
    "competency",
    "competencies",
];
const TECHNOLOGY_WORDS: &[&str] = &[
    "technology",
    "technologies",
    "technologie",
    "technologien",
    "tecnologías",
];
const OTHER_WORDS: &[&str] = &[
    "publication",
    "award",
    "certificate",
    "certification",
    "interest",
    "volunteer",
    "volunteering",
    "hobby",
    "hobbies",
];

/// Words that qualify a section's name in a heading ("Technical Skills", "Work
/// Experience", "Education and Training") without naming one.
const HEADING_FILLERS: &[&str] = &[
    "and",
    "und",
    "et",
    "y",
    "of",
    "the",
    "my",
    "me",
    "mich",
    "in",
    "for",
    "de",
    "des",
    "du",
    "la",
    "le",
    "les",
    "del",
    "e",
    "key",
    "core",
    "main",
    "technical",
    "tech",
    "professional",
    "work",
    "working",
    "relevant",
    "selected",
    "other",
    "additional",
    "personal",
    "side",
    "recent",
    "previous",
    "current",
    "prior",
    "further",
    "soft",
    "hard",
    "spoken",
    "foreign",
    "programming",
    "computer",
    "software",
    "it",
    "industry",
    "area",
    "history",
    "honors",
    "honours",
    "training",
    "courses",
    "coursework",
    "professionnelle",
    "professionnel",
    "professionnelles",
    "technique",
    "techniques",
    "technische",
    "persönliche",
    "laboral",
    "profesional",
    "técnicas",
    "informatiques",
    "meine",
    "mes",
    "mis",
    "à",
    "propos",
    "über",
    "open",
    "source",
    "top",
    "information",
    "info",
    "details",
];

/// The lower-cased words of a heading.
fn heading_words(h: &str) -> Vec<String> {
    h.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True when `word` is `name` or its plural.
fn word_is(word: &str, name: &str) -> bool {
    word.strip_prefix(name)
        .is_some_and(|rest| matches!(rest, "" | "s" | "es"))
}

/// True when a line names a section as a whole: each of its words names a section or
/// qualifies the name ("Technical Skills", "WORK EXPERIENCE"). A line with nothing
/// but its words to mark it a heading must be one: "Globex Technologies" is an
/// employer, "Taught soft skills" a line of a role.
fn names_section_as_a_whole(h: &str) -> bool {
    classify_section(h).is_some()
        && heading_words(h)
            .iter()
            .all(|w| HEADING_FILLERS.contains(&w.as_str()) || classify_section(w).is_some())
}

/// Removes Markdown emphasis and links: `**Python**` → `Python`, `[x](y)` → `x`.
fn strip_markdown(line: &str) -> String {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").expect("valid regex"));
    let l = LINK.replace_all(line, "$1");
    let mut out = String::with_capacity(l.len());
    let mut prev = ' ';
    let mut chars = l.chars().peekable();
    while let Some(c) = chars.next() {
        // `*` and `_` as emphasis are dropped; a `_` inside a word (snake_case) is not
        // emphasis, one that closes it (`_Jan 2021 – Present_`) is.
        let next = chars.peek().copied().unwrap_or(' ');
        if c == '*' || (c == '_' && !(prev.is_alphanumeric() && next.is_alphanumeric())) {
            continue;
        }
        out.push(c);
        prev = c;
    }
    out.trim_end().to_owned()
}

/// `(bullet?, text)` of a line: `-`, `*`, `•`, `■`, `◦`, `▪`, `‣`, `–` or `1.` bullets.
fn bullet(line: &str) -> (bool, &str) {
    let t = line.trim_start();
    for b in ["- ", "* ", "• ", "◦ ", "▪ ", "‣ ", "– ", "— ", "· ", "> "] {
        if let Some(rest) = t.strip_prefix(b) {
            return (true, rest.trim());
        }
    }
    if let Some(rest) = t.strip_prefix('•').or_else(|| t.strip_prefix('▪')) {
        return (true, rest.trim());
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 3 && t[digits..].starts_with(". ") {
        return (true, t[digits + 2..].trim());
    }
    (false, t.trim())
}

/// The heading text of a line, if it is one: `# X`, `■ X`, `X:` alone, a short ALL
/// CAPS line, or a short line that names a known section.
fn heading(line: &str) -> Option<String> {
    // "Career break" names no Experience section: it is a gap between roles.
    heading_text(line).filter(|h| !is_break(h))
}

/// `heading` before breaks are set aside.
fn heading_text(line: &str) -> Option<String> {
    let t = line.trim();
    if t.is_empty() || t.len() > 60 {
        return None;
    }
    for mark in ["#", "■", "▌", "=="] {
        if let Some(rest) = t.strip_prefix(mark) {
            let h = strip_markdown(rest.trim_start_matches('#').trim());
            return (!h.is_empty()).then_some(h);
        }
    }
    let clean = strip_markdown(t);
    let words = clean.split_whitespace().count();
    if words == 0 || words > 6 || clean.ends_with(['.', ',', ';']) {
        return None;
    }
    // "Languages: Python, Go" is a labelled list, not a heading.
    if clean.trim_end_matches(':').contains(':') {
        return None;
    }
    let letters: Vec<char> = clean.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let colon = clean.ends_with(':');
    let h = clean.trim_end_matches(':').trim().to_owned();
    let named = if colon {
        classify_section(&h).is_some()
    } else {
        (caps || words <= 4) && names_section_as_a_whole(&h)
    };
    named.then_some(h)
}

// ---------------------------------------------------------------------------------
// Dates.

/// Month names and abbreviations, English, German and French, for `date_pattern`; a
/// name's first three letters (accents folded) say which month `parse_date` reads.
const MONTH_NAMES: &str = r"(?:jan(?:uary|uar|vier)?|j[äa]nner|f[ée]v(?:rier)?|feb(?:ruary|ruar)?|m[äa]rz|mars|mar(?:ch)?|avr(?:il)?|apr(?:il)?|mai|may|juin|jun[ei]?|juil(?:let)?|jul[yi]?|ao[ûu]t|aug(?:ust)?|sept?(?:ember|embre)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|d[ée][cz](?:ember|embre)?)\.?";

/// One date of a résumé, as a regex: `May 2019`, `Sep '18`, `Summer 2019`, `Q4 2017`,
/// `31/12/2020`, `05/2019`, `03.2018`, `2019/12`, `2019-05`, `2019`.
fn date_pattern() -> String {
    let month = MONTH_NAMES;
    format!(
        r"(?:{month}\s+(?:19|20)\d\d|{month}\s*['’]\d\d|(?:spring|summer|fall|autumn|winter)\s+(?:19|20)\d\d|q[1-4]\s+(?:19|20)\d\d|\d{{1,2}}[/.]\d{{1,2}}[/.](?:19|20)\d\d|\d{{1,2}}[/.](?:19|20)\d\d|(?:19|20)\d\d[-/]\d\d|(?:19|20)\d\d)"
    )
}

/// Words for "to now" at a range's end, in English, German and French.
const PRESENT: &str = r"present|current|now|today|ongoing|date|heute|aktuell|jetzt|dato|aujourd['’]hui|pr[ée]sent|actuel(?:lement)?|en\s+cours";

static DATE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let date = date_pattern();
    Regex::new(&format!(
        r"(?i)\b(?P<from>{date})\s*(?:to|–|—|-|until|till|through|thru|bis|au|à)\s*(?P<to>{date}|{PRESENT})(?:\b|$)"
    ))
    .expect("valid regex")
});

/// A role's single date at the end of a short header line: "Since 2019", "seit
/// 04/2019" (to now), "Acme, Summer 2015" or a line that is only "2019" (that period
/// alone). A date in brackets is left to `written_date`: "My Story (Q4 2017)" is when
/// a story was written.
static SINGLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let date = date_pattern();
    Regex::new(&format!(
        r"(?i)(?:^|[,|—–·]\s*|\b(?P<since>since|seit|depuis|from)\s+)(?P<d>{date})\s*$"
    ))
    .expect("valid regex")
});

/// When the résumé was written, from a title line near the top: "My Story (Q4 2017)",
/// "Updated: March 2020", "Last revised 2021-05". Returns the date (the end of a
/// quarter or year) and the line that said it.
fn written_date(lines: &[Line]) -> Option<(PartialDate, String)> {
    static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
        let date = date_pattern();
        Regex::new(&format!(
            r"(?i)(?:\(\s*(?:(?:last\s+)?(?:updated|revised|written)\s*:?\s*|as\s+of\s+)?(?P<a>{date})\s*\)|\b(?:last\s+)?(?:updated|revised|written|as\s+of)\s*(?:on|in)?\s*:?\s*(?P<b>{date})\b)"
        ))
        .expect("valid regex")
    });
    // Only the title block: the first few lines, before the text gets going.
    for l in lines.iter().filter(|l| !l.blank).take(4) {
        if l.text.split_whitespace().count() > 10 {
            return None;
        }
        if find_range(&l.text).is_some() {
            continue;
        }
        // "(2012)" alone is as often a degree's or a project's year: a bracketed date
        // must name a month or quarter unless a word says it is the writing date.
        if let Some(c) = WRITTEN.captures(&l.text)
            && let Some(d) = c.name("a").or_else(|| c.name("b"))
            && (c.name("b").is_some()
                || c.get(0)
                    .is_some_and(|m| m.as_str().chars().any(char::is_alphabetic)))
            && let Some(date) = parse_date(d.as_str(), true)
        {
            return Some((date, l.text.clone()));
        }
    }
    None
}

/// Parses one date of a résumé: `May 2019`, `Sep. 2023`, `Sep '18`, `Summer 2019`,
/// `Q4 2017`, `31/12/2020`, `05/2019`, `03.2018`, `2019/12`, `2019-05`, `2019`. `end`
/// picks the last month of a quarter, season or year.
fn parse_date(s: &str, end: bool) -> Option<PartialDate> {
    let t = s.trim().trim_end_matches('.').to_lowercase();
    let year_of = |y: &str| y.parse::<u16>().ok().filter(|y| (1900..=2100).contains(y));
    let month_year = |m: u8, y: u16| PartialDate {
        year: y,
        month: Some(m),
        day: None,
    };
    // "Sep '18": a two-digit year, of this century unless that is in the future.
    if let Some((m, y)) = t.split_once(['\'', '’']) {
        let y: u16 = y.trim().parse().ok().filter(|_| y.trim().len() == 2)?;
        let year = if y <= 40 { 2000 + y } else { 1900 + y };
        return Some(month_year(month_number(m.trim())?, year));
    }
    if let Some((season, y)) = t.split_once(char::is_whitespace)
        && let Some(months) = match season {
            "spring" => Some((3, 5)),
            "summer" => Some((6, 8)),
            "fall" | "autumn" => Some((9, 11)),
            "winter" => Some((12, 12)),
            _ => None,
        }
    {
        return Some(month_year(
            if end { months.1 } else { months.0 },
            year_of(y.trim())?,
        ));
    }
    // A full date, of which the month matters: 31/12/2020 (a day over 12 says which
    // is which), 12/31/2020, 01.03.2018. Undecided, dots are day first (European) and
    // slashes month first (American).
    let parts: Vec<&str> = t.split(['/', '.']).collect();
    if parts.len() == 3 {
        let (a, b): (u8, u8) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
        let m = if a > 12 || (b <= 12 && t.contains('.')) {
            b
        } else {
            a
        };
        if !(1..=12).contains(&m) || a == 0 || b == 0 || a.max(b) > 31 {
            return None;
        }
        return Some(month_year(m, year_of(parts[2])?));
    }
    // 2019/12
    if t.len() == 7 && t.as_bytes()[4] == b'/' {
        let m: u8 = t[5..].parse().ok().filter(|m| (1..=12).contains(m))?;
        return Some(month_year(m, year_of(&t[..4])?));
    }
    // 03.2018
    if let Some((m, y)) = t.split_once('.')
        && let Ok(m) = m.parse::<u8>()
    {
        return year_of(y)
            .filter(|_| (1..=12).contains(&m))
            .map(|y| month_year(m, y));
    }
    if let Some(q) = t.strip_prefix('q') {
        let (n, y) = q.split_once(char::is_whitespace)?;
        let n: u8 = n.parse().ok().filter(|n| (1..=4).contains(n))?;
        return Some(PartialDate {
            year: year_of(y.trim())?,
            month: Some(if end { n * 3 } else { n * 3 - 2 }),
            day: None,
        });
    }
    if let Some((m, y)) = t.split_once('/') {
        let m: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
        return Some(PartialDate {
            year: year_of(y)?,
            month: Some(m),
            day: None,
        });
    }
    if t.len() == 7 && t.as_bytes()[4] == b'-' {
        let m: u8 = t[5..].parse().ok().filter(|m| (1..=12).contains(m))?;
        return Some(PartialDate {
            year: year_of(&t[..4])?,
            month: Some(m),
            day: None,
        });
    }
    if let Some((m, y)) = t.split_once(char::is_whitespace) {
        return Some(month_year(month_number(m)?, year_of(y.trim())?));
    }
    year_of(&t).map(|y| PartialDate {
        year: y,
        month: None,
        day: None,
    })
}

/// The month (1–12) a month name or abbreviation names, in English, German or French
/// (`MONTH_NAMES`): "sept" and "september", "mär", "juil", "déc".
fn month_number(name: &str) -> Option<u8> {
    let n: String = name
        .trim()
        .trim_end_matches('.')
        .chars()
        .map(|c| match c {
            'ä' | 'à' | 'â' => 'a',
            'é' | 'è' | 'ê' => 'e',
            'û' | 'ü' => 'u',
            c => c,
        })
        .collect();
    // The French and German names that do not start like the English ones.
    let n = match n.as_str() {
        "mai" => "may",
        "juin" => "jun",
        "juil" | "juillet" => "jul",
        "aout" => "aug",
        "avr" | "avril" => "apr",
        "fev" | "fevrier" => "feb",
        "mars" | "marz" => "mar",
        "janner" => "jan",
        x => x,
    };
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = MONTHS
        .iter()
        .position(|p| n.starts_with(p))
        .or(match n.get(..3) {
            Some("okt") => Some(9),
            Some("dez") => Some(11),
            _ => None,
        })?;
    u8::try_from(m + 1).ok()
}

/// A date range found in some text: (start, end or `None` for present, byte span).
/// Failing a range, a short line's single date (`SINGLE_DATE`).
fn find_range(text: &str) -> Option<(PartialDate, Option<PartialDate>, usize, usize)> {
    date_range(text).or_else(|| single_date(text))
}

/// A `DATE_RANGE` in some text, as `find_range`.
fn date_range(text: &str) -> Option<(PartialDate, Option<PartialDate>, usize, usize)> {
    let c = DATE_RANGE.captures(text)?;
    let m = c.get(0)?;
    let from = parse_date(c.name("from")?.as_str(), false)?;
    let to_s = c.name("to")?.as_str();
    static IS_PRESENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("(?i)^(?:{PRESENT})$")).expect("valid regex"));
    let to = if IS_PRESENT.is_match(to_s) {
        None
    } else {
        Some(parse_date(to_s, true)?)
    };
    Some((from, to, m.start(), m.end()))
}

/// A date in brackets at the end of a line, as `find_range`: "(Summer 2015)" is that
/// season, "(since 2019)" runs to now.
fn bracketed_date(text: &str) -> Option<(PartialDate, Option<PartialDate>, usize, usize)> {
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\(\s*(?P<since>since\s+)?(?P<d>{})\s*\)\s*$",
            date_pattern()
        ))
        .expect("valid regex")
    });
    let c = BRACKETED.captures(text)?;
    let d = c.name("d")?;
    let from = parse_date(d.as_str(), false)?;
    let to = match c.name("since") {
        Some(_) => None,
        None => Some(parse_date(d.as_str(), true)?),
    };
    let m = c.get(0)?;
    Some((from, to, m.start(), m.end()))
}

/// `SINGLE_DATE` in a short line that is no sentence.
fn single_date(text: &str) -> Option<(PartialDate, Option<PartialDate>, usize, usize)> {
    if text.len() > 80 || text.contains(". ") {
        return None;
    }
    let c = SINGLE_DATE.captures(text)?;
    let d = c.name("d")?;
    let from = parse_date(d.as_str(), false)?;
    let to = match c.name("since") {
        Some(_) => None,
        None => Some(parse_date(d.as_str(), true)?),
    };
    let m = c.get(0)?;
    let start = c.name("since").map_or(d.start(), |s| s.start());
    Some((from, to, start, m.end()))
}

// ---------------------------------------------------------------------------------
// Sentences.

/// Splits prose into sentences at `.`, `!` or `?` followed by a space and an upper-case
/// letter, a digit or a quote — not inside `e.g.`, `made.com` or `3.5`.
#[must_use]
pub fn sentences(text: &str) -> Vec<String> {
    const ABBREV: &[&str] = &[
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "inc", "ltd", "co", "st", "no",
        "approx", "incl",
    ];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = chars.get(k + 1).map(|x| x.1);
        let after = chars.get(k + 2).map(|x| x.1);
        if !matches!(next, Some(' ' | '\n')) {
            continue;
        }
        if !after.is_some_and(|a| {
            a.is_uppercase() || a.is_ascii_digit() || a == '"' || a == '“' || a == '('
        }) {
            continue;
        }
        if c == '.' {
            let word: String = text[start..i]
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if ABBREV.contains(&word.trim_start_matches('(')) || word.len() == 1 {
                continue;
            }
        }
        let s = text[start..=i].trim();
        if !s.is_empty() {
            out.push(s.to_owned());
        }
        start = i + c.len_utf8();
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_owned());
    }
    out
}

/// A bullet or paragraph as highlights: kept whole when short, one highlight per
/// sentence when long (each still verbatim). A sentence that only makes sense after
/// the one before it ("This cut latency by half", "To this I migrated…", "One is our
/// first agent") stays with it: cut loose, its "this" would point at whatever bullet
/// is shown above it.
///
/// A line break in `text` (see `item_paragraphs`) ends a highlight.
fn highlights_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for h in text.split('\n').flat_map(item_highlights) {
        match out.last_mut() {
            Some(prev) if leans_on_previous(&h) => {
                prev.push(' ');
                prev.push_str(&h);
            }
            _ => out.push(h),
        }
    }
    out
}

/// `highlights_of` one item.
fn item_highlights(text: &str) -> Vec<String> {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Vec::new();
    }
    if t.len() <= 320 {
        return vec![t];
    }
    let mut out: Vec<String> = Vec::new();
    for s in sentences(&t) {
        match out.last_mut() {
            Some(prev) if leans_on_previous(&s) => {
                prev.push(' ');
                prev.push_str(&s);
            }
            _ => out.push(s),
        }
    }
    out
}

/// True when a sentence opens by pointing back at the one before it.
fn leans_on_previous(sentence: &str) -> bool {
    const OPENERS: &[&str] = &[
        "this ",
        "these ",
        "that ",
        "those ",
        "it ",
        "to this ",
        "to that ",
        "one is ",
        "one was ",
        "another is ",
        "another was ",
        "both ",
        "such ",
    ];
    let lower = sentence.trim_start().to_lowercase();
    OPENERS.iter().any(|o| lower.starts_with(o))
}

/// Splits off a role text's first sentence when it describes the employer rather than
/// the work ("Lambda's public cloud provides GPUs, on which customers train AI
/// models.", "The Snap Store is an app store for Linux."): no first-person word, and it
/// opens with the employer's name or says what something is. It belongs in the role's
/// `description` (what the company does), which evidences no skill of the person.
fn employer_context(text: &str, employer: Option<&str>) -> Option<(String, String)> {
    let first = sentences(text).into_iter().next()?;
    // `sentences` cuts verbatim, so the first is a prefix of the trimmed text.
    let rest = text.trim_start().strip_prefix(first.as_str())?.trim();
    let words: Vec<String> = first
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let personal = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "i" | "i'm" | "i've" | "i'd" | "my" | "me" | "we" | "we're" | "we've" | "our" | "us"
        )
    });
    let plain = |s: &str| s.replace(['*', '_'], "").to_lowercase();
    let names_employer = employer.is_some_and(|e| {
        let e = plain(e);
        !e.is_empty() && plain(&first).starts_with(&e)
    });
    // "The Snap Store is an app store…" says what a thing is; "The billing service is
    // written in Go…" is the person's own system, described.
    let defines = matches!(words.first().map(String::as_str), Some("the" | "a" | "an"))
        && words.windows(2).any(|w| {
            matches!(w[0].as_str(), "is" | "are")
                && matches!(w[1].as_str(), "a" | "an" | "the" | "one")
        });
    (!personal && !rest.is_empty() && (names_employer || defines)).then(|| (first, rest.to_owned()))
}

// ---------------------------------------------------------------------------------
// The structured importer.

/// Words that make a header line a job title rather than an employer, besides
/// `text::JOB_NOUNS`: seniority, contracting and founding.
const POSITION_WORDS: &[&str] = &[
    "ceo",
    "founder",
    "co-founder",
    "contract",
    "contracts",
    "contractor",
    "freelance",
    "freelancer",
    "principal",
    "staff",
    "senior",
    "junior",
    "researcher",
    "devops",
    "tech",
];

fn is_position(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| crate::text::names_job(w, POSITION_WORDS))
}

/// A line of the résumé after clean-up.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    bullet: bool,
    blank: bool,
}

fn clean_lines(text: &str) -> Vec<Line> {
    let raw: Vec<&str> = text.lines().collect();
    raw.iter()
        .enumerate()
        .map(|(i, raw_line)| {
            let (b, body) = match square_bullet(&raw, i) {
                Some(rest) => (true, rest),
                None => bullet(raw_line),
            };
            // A Markdown or "■" heading that names no section ("### Engineer — Acme",
            // "# Jane Doe", "■ Lead Engineer at Hooli") is a role header or a name:
            // keep its text, drop the marker.
            let body = match body.strip_prefix('#').or_else(|| body.strip_prefix('■')) {
                Some(rest) if heading(body).is_none_or(|h| classify_section(&h).is_none()) => {
                    rest.trim_start_matches('#').trim()
                }
                _ => body,
            };
            let text = strip_markdown(body);
            let blank = text.trim().is_empty();
            Line {
                text: text.trim().to_owned(),
                bullet: b,
                blank,
            }
        })
        .collect()
}

/// The text of line `i` when it is a "■" bullet. "■" marks section headings too ("■
/// Current Role", "■ Experience and technologies"), so it is a bullet only where a
/// heading cannot be: a line after another "■" line, a sentence (long, or ending in a
/// stop), or the first of a run of "■" lines unless it names a section in title case
/// ("■ Experience" over its bullets). A short "■" line standing alone is left to
/// `heading`, as before.
///
/// A short line right under such a section heading is a heading too ("■ Current
/// Role" over "■ Lead Engineer at Hooli") when the run ends with it, or when it names
/// a section or reads as a role (a title and an employer): a bullet, it would be the
/// role's first highlight instead of its header. "■ Built Kubernetes tooling" over
/// more "■" lines is still the first bullet of a list.
fn square_bullet<'a>(raw: &[&'a str], i: usize) -> Option<&'a str> {
    let square = |k: usize| raw.get(k).is_some_and(|l| l.trim_start().starts_with('■'));
    let rest = raw[i].trim_start().strip_prefix('■')?.trim();
    let shape = SquareLine::of(rest);
    let after_square = i > 0 && square(i - 1);
    let before_square = square(i + 1);
    // The line above opens the run and names a section: it is a heading.
    let under_heading = after_square
        && !(i > 1 && square(i - 2))
        && raw[i - 1]
            .trim_start()
            .strip_prefix('■')
            .map(SquareLine::of)
            .is_some_and(|p| p.short && p.names_section);
    let sub_heading =
        under_heading && shape.short && (!before_square || shape.names_section || shape.names_role);
    let is_bullet = !rest.is_empty()
        && !sub_heading
        && (after_square || !shape.short || (before_square && !shape.names_section));
    is_bullet.then_some(rest)
}

/// What the text of a "■" line looks like, for `square_bullet`.
struct SquareLine {
    /// A few words and no sentence stop.
    short: bool,
    /// A section's name in title case ("Current Role", "Previous Roles").
    names_section: bool,
    /// A title and an employer ("Lead Engineer at Hooli", "Globex — Developer").
    names_role: bool,
}

impl SquareLine {
    fn of(rest: &str) -> Self {
        let clean = strip_markdown(rest.trim());
        let words = clean.split_whitespace().count();
        let short = words <= 6 && clean.len() <= 60 && !clean.ends_with(['.', '!', '?', ';', ',']);
        let names_section = classify_section(&clean).is_some()
            && words <= 4
            && clean
                .split_whitespace()
                .filter(|w| w.chars().count() >= 4)
                .all(|w| w.starts_with(char::is_uppercase));
        let (positions, employers) = header_parts(&[clean.as_str()]);
        Self {
            short,
            names_section,
            names_role: !positions.is_empty() && !employers.is_empty(),
        }
    }
}

/// A short line that can belong to a role's header (employer, title).
fn header_like(l: &Line) -> bool {
    !l.blank && header_like_text(&l.text)
}

/// `header_like` of a line's text.
fn header_like_text(t: &str) -> bool {
    t.len() <= 70 && !t.ends_with(['.', '!', '?', ':']) && !t.contains(". ")
}

/// Imports a plain-text or Markdown résumé, or a narrative.
///
/// # Errors
/// An empty text.
pub fn import_text(origin: &str, text: &str) -> Result<Imported> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(origin, "the résumé is empty")
            .help("pass a résumé with some text: roles, dates and what you did")
            .into());
    }
    let text = &without_page_numbers(text);
    let lines = clean_lines(text);
    let mut profile = Profile {
        origin: origin.to_owned(),
        ..Profile::default()
    };
    let column = main_column(&lines);
    // Sections by heading.
    let mut sections: Vec<(Section, Vec<Line>)> = vec![(Section::Summary, Vec::new())];
    let mut headings = 0;
    for (i, l) in lines.iter().enumerate() {
        if let Some(c) = &column {
            // The sidebar's last list ends where the main column starts; the name
            // block is the person's, no list item and no summary.
            if i == c.at {
                sections.push((Section::Summary, Vec::new()));
            }
            if (c.at..c.at + c.len).contains(&i) {
                continue;
            }
        }
        if !l.bullet
            && let Some(h) = heading(&l.text)
            && let Some(kind) = classify_section(&h)
        {
            sections.push((kind, Vec::new()));
            headings += 1;
            continue;
        }
        if let Some(last) = sections.last_mut() {
            // A Contact section's email, phone and links are read from the whole
            // text (`contacts`); what else it holds is kept.
            if last.0 == Section::Contact && contact_line(&l.text) {
                continue;
            }
            last.1.push(l.clone());
        }
    }
    if let Some(c) = column {
        profile.basics.name = Some(c.name);
        profile.basics.label = c.label;
        profile.basics.location = c.place.as_deref().map(location_of);
    }
    let mut notes = Vec::new();
    let mut summary: Vec<String> = Vec::new();
    let any_dates = lines.iter().any(|l| find_range(&l.text).is_some())
        || lines
            .windows(2)
            .any(|w| find_range(&format!("{} {}", w[0].text, w[1].text)).is_some());
    let _ = headings;
    if !any_dates && lines.iter().all(|l| !l.bullet) {
        // A story: its prose sections are read as one narrative; an Education, Skills,
        // Languages or Projects section among them is still read as what it is.
        let mut story = String::new();
        for (kind, body) in &sections {
            match kind {
                Section::Summary | Section::Experience | Section::Other | Section::Contact => {
                    if !story.is_empty() {
                        story.push_str("\n\n");
                    }
                    for l in body {
                        // "Languages: English (native), Spanish" or "Skills: Go, Rust"
                        // among the story is a list, which the story would skip.
                        if let Some((label, _)) = l.text.split_once(':')
                            && let Some(kind @ (Section::Skills | Section::Languages)) =
                                classify_section(label)
                            && label.split_whitespace().count() <= 3
                        {
                            structured(kind, std::slice::from_ref(l), &mut profile, &mut notes);
                            continue;
                        }
                        story.push_str(&l.text);
                        story.push('\n');
                    }
                }
                _ => structured(*kind, body, &mut profile, &mut notes),
            }
        }
        narrative(&story, &mut profile, &mut notes);
    } else {
        for (kind, body) in &sections {
            match kind {
                Section::Experience => {
                    let mut found = roles(body, true, &mut notes);
                    if found.is_empty() && body.iter().any(|l| l.bullet) {
                        found = undated_roles(body, &mut notes);
                    }
                    if found.is_empty() {
                        found = prose_roles(body, &mut notes);
                    }
                    if found.is_empty() {
                        summary.extend(paragraphs(body).into_iter().map(|(_, p)| p));
                    }
                    profile.work.extend(found);
                }
                Section::Education | Section::Skills | Section::Languages | Section::Projects => {
                    structured(*kind, body, &mut profile, &mut notes)
                }
                Section::Summary | Section::Other | Section::Contact => {
                    // Dated roles can appear without an Experience heading.
                    let found = roles(body, false, &mut notes);
                    if found.is_empty() {
                        summary.extend(paragraphs(body).into_iter().map(|(_, p)| p));
                    } else {
                        profile.work.extend(found);
                    }
                }
            }
        }
        let joined = summary.join("\n\n");
        if !joined.trim().is_empty() {
            profile.basics.summary = Some(joined);
        }
    }
    let header = contacts(text, &mut profile);
    // The name and contact lines at the top are not a summary: a paragraph left with
    // only separators once they are taken out is dropped.
    if let Some(sum) = &profile.basics.summary {
        let contact: Vec<&str> = [
            &profile.basics.name,
            &profile.basics.email,
            &profile.basics.phone,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(header.iter().map(String::as_str))
        .collect();
        let kept: Vec<String> = sum
            .split("\n\n")
            .filter(|para| !document_title(para))
            .filter_map(|para| {
                let mut rest = para.to_owned();
                for v in &contact {
                    rest = rest.replacen(v, "", 1);
                }
                let rest = rest
                    .trim_matches(|c: char| c.is_whitespace() || "·|•,;-–—".contains(c))
                    .to_owned();
                (rest
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
                    >= 2)
                    .then_some(rest)
            })
            .collect();
        let kept = kept.join("\n\n");
        profile.basics.summary = (!kept.is_empty()).then_some(kept);
    }
    // After the summary is cleaned of contact values: this name is part of a sentence
    // the summary keeps whole.
    if profile.basics.name.is_none() {
        profile.basics.name = name_in_prose(&lines);
    }
    degrees_in_prose(&mut profile);
    if let Some((date, line)) = written_date(&lines) {
        profile.meta = Some(serde_json::json!({ "lastModified": date.to_string() }));
        // A "written" date before a role starts is not when this text was written.
        if profile.written().is_some() {
            notes.push(format!(
                "written {date} (from \"{line}\"): kept as meta.lastModified, so roles \"to present\" end then"
            ));
        } else {
            profile.meta = None;
        }
    }
    if profile.work.is_empty() {
        notes.push(
            "no dated roles found: add work entries with dates to get years per skill".into(),
        );
    }
    if profile.fields().all(|f| f.text.trim().is_empty()) {
        return Err(Diagnostic::new(origin, "no résumé content found")
            .help("the text has no roles, bullets or summary jobfit can use")
            .into());
    }
    let posting_like = posting_like(text, &profile);
    Ok(Imported {
        profile,
        notes,
        posting_like,
    })
}

/// Where the main column of a résumé starts whose sidebar comes first in its text, as
/// in LinkedIn's PDF export: lists under "Contact", "Top Skills", "Languages"…, then
/// the name, the headline and the place, then "Summary" and "Experience".
struct MainColumn {
    /// The index of the name's line.
    at: usize,
    /// How many lines the name block takes (name, headline, place).
    len: usize,
    name: String,
    label: Option<String>,
    place: Option<String>,
}

/// The `MainColumn` of a text that opens with a sidebar's "Contact" section (its
/// first line is that heading, not a name): a line of two to four capitalised words after a blank line,
/// with a headline under it (a job, "Engineer at Globex"), before the first Summary or
/// Experience heading.
fn main_column(lines: &[Line]) -> Option<MainColumn> {
    let section = |l: &Line| {
        (!l.bullet)
            .then(|| heading(&l.text).and_then(|h| classify_section(&h)))
            .flatten()
    };
    let first = lines.iter().find(|l| !l.blank)?;
    // Only after "Contact", as LinkedIn opens: under a "Skills" heading at the top,
    // "Cloud Platforms" over "AWS Solutions Architect" is a list, not a person.
    if section(first) != Some(Section::Contact) {
        return None;
    }
    let main = lines
        .iter()
        .position(|l| matches!(section(l), Some(Section::Summary | Section::Experience)))?;
    let at = (1..main).find(|&i| {
        let name = &lines[i];
        let title = &lines[i + 1];
        let words: Vec<&str> = name.text.split_whitespace().collect();
        lines[i - 1].blank
            && !name.bullet
            && section(name).is_none()
            && (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-.'".contains(c))
            })
            && i + 1 < main
            && !title.blank
            && !title.bullet
            && section(title).is_none()
            && header_like(title)
            && is_position(&title.text)
    })?;
    let place = lines
        .get(at + 2)
        .filter(|l| at + 2 < main && place_like(l) && section(l).is_none())
        .map(|l| l.text.clone());
    Some(MainColumn {
        at,
        len: if place.is_some() { 3 } else { 2 },
        name: lines[at].text.clone(),
        label: Some(lines[at + 1].text.clone()),
        place,
    })
}

/// "Portland, Oregon, United States" as a location: the city, then the rest.
fn location_of(place: &str) -> crate::profile::Location {
    let (city, region) = match place.split_once(',') {
        Some((c, r)) => (c.trim(), Some(r.trim().to_owned())),
        None => (place.trim(), None),
    };
    crate::profile::Location {
        city: Some(city.to_owned()),
        region,
        ..crate::profile::Location::default()
    }
}

/// True for a line of contact details: an email, a web address, a phone number.
fn contact_line(text: &str) -> bool {
    let t = text.to_lowercase();
    // "+1 555 010 7788 (Mobile)".
    let number = t.split_once(" (").map_or(t.as_str(), |(n, _)| n);
    let phone = number.bytes().filter(u8::is_ascii_digit).count() >= 7
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    phone || t.contains('@') || t.contains("http") || t.contains("www.") || PROFILE_URL.is_match(&t)
}

/// A profile's address on a network: "www.linkedin.com/in/jane (LinkedIn)",
/// "github.com/jane".
static PROFILE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://)?(?:www\.)?(linkedin|github|gitlab|twitter|x|stackoverflow)\.com/[\w./%-]+")
        .expect("valid regex")
});

/// Why `text`, imported as a résumé, reads like a job posting: no dated role, and
/// several phrases that postings use and résumés do not. A swapped `--profile ad.txt
/// résumé.txt` would otherwise score quietly against the ad.
fn posting_like(text: &str, profile: &Profile) -> Option<String> {
    const CUES: &[&str] = &[
        "we are looking for",
        "we're looking for",
        "you will",
        "you'll",
        "nice to have",
        "requirements",
        "qualifications",
        "benefits",
        "about the role",
        "about us",
        "equal opportunity",
        "how to apply",
        "apply now",
        "who you are",
        "what we offer",
        "responsibilities",
        "the ideal candidate",
        "join our team",
        "you should have",
        "what you bring",
        "about you",
        "is a plus",
        "would be a plus",
        "it would be great",
        "must have",
        "+ years",
        "our stack",
        "we offer",
    ];
    if profile.work.iter().any(|w| w.start_date.is_some()) {
        return None;
    }
    let lower = text.to_lowercase().replace('’', "'");
    let found: Vec<&str> = CUES.iter().copied().filter(|c| lower.contains(c)).collect();
    (found.len() >= 3).then(|| {
        format!(
            "reads like a job posting, not a résumé (it has no dated roles and says \"{}\")",
            found[..3].join("\", \"")
        )
    })
}

/// Reads a section whose shape does not depend on dates or bullets: education,
/// skills, languages, projects.
fn structured(kind: Section, body: &[Line], profile: &mut Profile, notes: &mut Vec<String>) {
    match kind {
        Section::Education => profile.education.extend(education(body, notes)),
        Section::Skills => profile.skills.extend(skills(body)),
        Section::Languages => languages(body, profile),
        Section::Projects => {
            for (_, p) in paragraphs(body) {
                let (name, rest) = p.split_once([':', '.', '—']).unwrap_or((&p, ""));
                profile.projects.push(crate::profile::Project {
                    name: Some(name.trim().to_owned()),
                    description: (!rest.trim().is_empty()).then(|| rest.trim().to_owned()),
                    ..Default::default()
                });
            }
        }
        Section::Summary | Section::Experience | Section::Other | Section::Contact => {}
    }
}

/// A "Languages" section: "English (native), Spanish – fluent" are spoken languages
/// with their fluency; "Python, Go, SQL" (no fluency words anywhere) are programming
/// languages, a skills group.
fn languages(body: &[Line], profile: &mut Profile) {
    static FLUENCY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(native|mother tongue|bilingual|fluent|fluency|proficient|professional|working proficiency|conversational|intermediate|basic|beginner|elementary|advanced|limited|business|[abc][12])\b")
            .expect("valid regex")
    });
    let groups = skills(body);
    let spoken = groups
        .iter()
        .flat_map(|g| &g.keywords)
        .any(|k| FLUENCY.is_match(k));
    if !spoken {
        profile.skills.extend(groups.into_iter().map(|mut g| {
            if g.name.as_deref() == Some("Skills") {
                g.name = Some("Languages".into());
            }
            g
        }));
        return;
    }
    for k in groups.into_iter().flat_map(|g| g.keywords) {
        // "Spanish (fluent)", "French – B2", "German: basic".
        let (language, fluency) = match k.split_once(['(', '–', '—', '-', ':']) {
            Some((l, f)) => (l.trim(), f.trim().trim_end_matches(')').trim()),
            None => match FLUENCY.find(&k) {
                Some(m) if m.start() > 0 => (k[..m.start()].trim(), &k[m.start()..]),
                _ => (k.as_str(), ""),
            },
        };
        if language.is_empty() {
            continue;
        }
        profile.languages.push(crate::profile::Language {
            language: Some(language.to_owned()),
            fluency: (!fluency.is_empty()).then(|| fluency.to_owned()),
        });
    }
}

/// Paragraphs of a section: (is a bullet, text), continuation lines joined.
fn paragraphs(lines: &[Line]) -> Vec<(bool, String)> {
    joined_paragraphs(lines, false)
}

/// `paragraphs` of a role's text, with a line break (`\n`) where an item ends
/// inside one: a line that ends a sentence, under which a line opens with a capital
/// or a figure. A PDF export or a plain-text résumé lists achievements one a line
/// without bullet marks, wrapping the long ones; joined, they would be one bullet.
/// `highlights_of` splits there; anything else the text is used for must join the
/// items with a space.
fn item_paragraphs(lines: &[Line]) -> Vec<(bool, String)> {
    joined_paragraphs(lines, true)
}

/// `paragraphs`, marking item ends when `items`.
fn joined_paragraphs(lines: &[Line], items: bool) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut cur: Option<(bool, String)> = None;
    for l in lines {
        if l.blank {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            continue;
        }
        match &mut cur {
            Some((_, t)) if !l.bullet => {
                let ends = t
                    .trim_end_matches(['"', '\'', ')', '”', '’'])
                    .ends_with(['.', '!', '?']);
                let opens = l
                    .text
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
                t.push(if items && ends && opens { '\n' } else { ' ' });
                t.push_str(&l.text);
            }
            _ => {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
                cur = Some((l.bullet, l.text.clone()));
            }
        }
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out.retain(|(_, t)| !t.trim().is_empty());
    out
}

/// Dated roles in a section: a date range (on one line, or split over two), the short
/// header lines right above it (employer, title), and everything up to the next role.
///
/// Bullets above the first dated role are a role whose dates jobfit cannot read
/// ("Since spring", a typo): kept as undated roles, with a note, never dropped.
/// `headed`: the lines are under an Experience heading (not the name and contact
/// lines at the top).
fn roles(lines: &[Line], headed: bool, notes: &mut Vec<String>) -> Vec<Work> {
    let dated = dated_roles(lines, headed, notes);
    let first = dated.first().map_or(0, |(at, _)| *at);
    if dated.is_empty() || !lines[..first].iter().any(|l| l.bullet) {
        return dated.into_iter().map(|(_, w)| w).collect();
    }
    let mut out = undated_roles(&lines[..first], notes);
    out.extend(dated.into_iter().map(|(_, w)| w));
    out
}

/// Roles without dates: each a block of short header lines (title, employer) followed
/// by bullets. Text before the first header goes with the first role.
fn undated_roles(lines: &[Line], notes: &mut Vec<String>) -> Vec<Work> {
    // Where each block starts: a header-like line that is no bullet, after a blank
    // line, a bullet or the start, with a bullet within the next three lines.
    let mut starts: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let after_break = i == 0 || lines[i - 1].blank || lines[i - 1].bullet;
        if after_break && !lines[i].bullet && header_like(&lines[i]) {
            let bullet_at = lines[i..].iter().take(4).position(|l| l.bullet);
            if let Some(k) = bullet_at.filter(|&k| k > 0 && lines[i..i + k].iter().all(header_like))
            {
                starts.push(i);
                i += k;
                continue;
            }
        }
        i += 1;
    }
    if starts.is_empty() {
        starts.push(0);
    }
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let from = if k == 0 { 0 } else { s };
        let block = &lines[from..end];
        let head: Vec<&str> = block
            .iter()
            .skip_while(|l| l.blank)
            .take_while(|l| !l.bullet && header_like(l))
            .map(|l| l.text.as_str())
            .collect();
        let body: Vec<Line> = block
            .iter()
            .skip_while(|l| l.blank)
            .skip(head.len())
            .cloned()
            .collect();
        let (positions, employers) = header_parts(&head);
        let highlights: Vec<String> = item_paragraphs(&body)
            .into_iter()
            .flat_map(|(_, p)| highlights_of(&p))
            .collect();
        if highlights.is_empty() && head.is_empty() {
            continue;
        }
        if let Some(b) = head.iter().find(|h| is_break(h)) {
            notes.push(format!("\"{b}\" is a break, not a role: left out of work"));
            continue;
        }
        let what = head.join(", ");
        notes.push(format!(
            "role \"{}\" has no dates jobfit can read: kept without dates; add startDate/endDate to count its years",
            if what.is_empty() { "(untitled)" } else { &what }
        ));
        out.push(Work {
            name: (!employers.is_empty()).then(|| employers.join(", ")),
            position: (!positions.is_empty()).then(|| positions.join(", ")),
            highlights,
            ..Work::default()
        });
    }
    out
}

/// Roles with neither dates nor bullets under an Experience heading: a line of its
/// own that reads as a role ("Lead Engineer at Hooli", "Initech — Engineer"), and the
/// paragraphs under it up to the next such line. Without one first, the section is
/// prose, left to the summary.
fn prose_roles(lines: &[Line], notes: &mut Vec<String>) -> Vec<Work> {
    let head = |p: &str| {
        let (positions, employers) = header_parts(&[p]);
        header_like_text(p) && !positions.is_empty() && !employers.is_empty()
    };
    let paras = paragraphs(lines);
    if !paras.first().is_some_and(|(_, p)| head(p)) {
        return Vec::new();
    }
    let mut out: Vec<Work> = Vec::new();
    for (_, p) in paras {
        if head(&p) {
            notes.push(format!(
                "role \"{p}\" has no dates jobfit can read: kept without dates; add startDate/endDate to count its years"
            ));
            let (positions, employers) = header_parts(&[p.as_str()]);
            out.push(Work {
                name: Some(employers.join(", ")),
                position: Some(positions.join(", ")),
                ..Work::default()
            });
        } else if let Some(w) = out.last_mut() {
            w.highlights.extend(highlights_of(&p));
        }
    }
    out
}

/// True when a header line names a break between jobs rather than a job: "Career
/// break", "Sabbatical — travel", "Parental leave, 2019 – 2020". The words must stand
/// alone or before a separator: "Sabbatical Labs" is an employer.
fn is_break(line: &str) -> bool {
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:career\s+(?:break|gap|pause)|sabbatical|(?:parental|maternity|paternity|family|medical)\s+leave|gap\s+year)\s*(?:$|[—–\-:,|(·/])")
            .expect("valid regex")
    });
    BREAK.is_match(line)
}

/// A role's header lines split into (positions, employers): "Initech — Senior
/// Engineer", "Senior Engineer at Initech", "Engineer, Globex".
///
/// A part that is only a kind of employment ("Freelance", "Self-employed") is the
/// employer when another part gives the title: "Freelance" over "Contract Engineer"
/// says who the work was for, and "Freelance, Contract Engineer" is no title.
fn header_parts(header: &[impl AsRef<str>]) -> (Vec<String>, Vec<String>) {
    let (mut positions, mut employers) = header_split(header);
    if employers.is_empty() && positions.len() > 1 {
        let kind = |p: &String| employment_kind(p);
        if let Some(k) = positions.iter().position(kind)
            && positions.iter().any(|p| !kind(p))
        {
            employers.push(positions.remove(k));
        }
    }
    (positions, employers)
}

/// A header part that only says how the person was employed: "Freelance",
/// "Self-employed", "Contract".
fn employment_kind(part: &str) -> bool {
    matches!(
        part.trim().to_lowercase().as_str(),
        "freelance"
            | "freelancing"
            | "freelancer"
            | "self-employed"
            | "self employed"
            | "independent"
            | "contract"
            | "contracts"
            | "contracting"
    )
}

/// `header_parts` before a kind of employment is told from a title.
fn header_split(header: &[impl AsRef<str>]) -> (Vec<String>, Vec<String>) {
    header
        .iter()
        .flat_map(|h| {
            without_durations(h.as_ref())
                .split(['—', '–', '|'])
                .flat_map(|x| x.split(" - "))
                .flat_map(|x| x.split(" at "))
                .flat_map(|x| x.split(" @ "))
                .flat_map(|x| {
                    let pieces: Vec<&str> = x.split(", ").collect();
                    // "Initech, Senior Developer": a title and something else. A kind
                    // of employment holds a job word too ("Freelance, Contract
                    // Engineer"), so it is told apart by itself.
                    let title = |p: &&str| is_position(p) && !employment_kind(p);
                    if pieces.len() > 1
                        && pieces.iter().any(title)
                        && pieces.iter().any(|p| !title(p))
                    {
                        pieces
                    } else {
                        vec![x]
                    }
                })
                .map(|x| {
                    x.trim_matches(|c: char| c.is_whitespace() || c == '·')
                        .trim_end_matches(',')
                        .to_owned()
                })
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
        })
        .partition(|h| is_position(h))
}

/// A header line without the lengths of time LinkedIn prints beside a role or an
/// employer ("2 yrs 3 mos", "1 yr", "6 mos", "less than a year"), which are worked
/// out from the dates, and without the kind of employment it prints after the
/// employer ("Initech · Full-time", "(Contract)"), which JSON Resume has no field
/// for: either would otherwise end up in the employer's name or the title.
fn without_durations(line: &str) -> String {
    static DURATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|[\s(·,|–—-])\s*(?:\d{1,2}\s*(?:yrs?|years?)(?:,?\s*\d{1,2}\s*(?:mos?|months?))?|\d{1,2}\s*(?:mos?|months?)|less than a year)\.?\s*\)?\s*(?:$|[·,|–—-])")
            .expect("valid regex")
    });
    // Only a duration that stands apart (at the end, in brackets, or between
    // separators): "Teacher of 10 year olds" is a title. Its separators become one
    // `|`, so the parts on either side stay apart.
    // The kind of employment only after a separator: a line that is just
    // "Freelance" or "Self-employed" names the employer.
    static EMPLOYMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[·,|–—(-]\s*(?:full[- ]?time|part[- ]?time|contract(?:or)?|freelance|self[- ]employed|internship|permanent|temporary|seasonal|apprenticeship)\s*\)?\s*(?:$|[·,|–—-])")
            .expect("valid regex")
    });
    let line = DURATION.replace_all(line, " | ");
    EMPLOYMENT.replace_all(&line, " | ").trim().to_owned()
}

/// `roles` with a date range each, and the index of each one's first line.
fn dated_roles(lines: &[Line], headed: bool, notes: &mut Vec<String>) -> Vec<(usize, Work)> {
    // (index of the first header line, index of the first content line, dates, header text on the date line)
    let mut found: Vec<(usize, usize, PartialDate, Option<PartialDate>, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let one = &lines[i].text;
        // A range on this line, else one split over this line and the next ("Sep
        // 2023" / "to present."), else this line's single date.
        let mut hit = date_range(one).map(|r| (r, i + 1, one.clone()));
        if hit.is_none() && i + 1 < lines.len() && !lines[i].blank {
            let two = format!("{} {}", one, lines[i + 1].text);
            if let Some(r) = date_range(&two).filter(|r| r.2 < one.len()) {
                hit = Some((r, i + 2, two));
            }
        }
        if hit.is_none() {
            hit = single_date(one).map(|r| (r, i + 1, one.clone()));
        }
        // "### Intern, Quayside Software (Summer 2015)": a role header's one date in
        // brackets, under an Experience heading only (above one, "My Story (Q4
        // 2017)" says when a story was written).
        if hit.is_none() && headed && !lines[i].bullet && header_like(&lines[i]) {
            hit = bracketed_date(one).map(|r| (r, i + 1, one.clone()));
        }
        let Some(((from, to, s, e), next, joined)) = hit else {
            i += 1;
            continue;
        };
        // Text on the date line itself, around the dates: "Acme — Engineer, 2019–2021".
        let inline = format!("{} {}", &joined[..s], &joined[e..])
            .trim_matches(|c: char| c.is_whitespace() || ",;|—–-()*".contains(c))
            .to_owned();
        let mut first = i;
        while first > 0 && header_like(&lines[first - 1]) && i - (first - 1) <= 6 {
            let k = first - 1;
            // Do not take the previous role's last short bullet as this role's header:
            // stop at a content line that follows a date line directly.
            if found.last().is_some_and(|f| f.1 > k) {
                break;
            }
            // A bullet is a header line where a résumé bullets its employers ("-
            // Canonical" over "May 2019 to July 2023"): at the top of a block, under a
            // blank line or a long paragraph. A short bullet under a short line is one
            // of a list, the role's before.
            if lines[k].bullet && k > 0 && header_like(&lines[k - 1]) {
                break;
            }
            first = k;
        }
        if let Some(c) = lone_header_above(lines, first, i, &inline, headed || !found.is_empty())
            && found.last().is_none_or(|f| f.1 <= c)
        {
            first = c;
        }
        found.push((first, next, from, to, inline));
        i = next;
    }
    let mut out = Vec::new();
    // LinkedIn lists a company's titles under its name and its total time there
    // ("Contoso Data" / "2 years 11 months"), each title with its own dates: the
    // company of the titles that follow, until a role names another.
    let mut group: Option<String> = None;
    for (k, (first, content, from, to, inline)) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(lines.len(), |n| n.0);
        let mut header: Vec<String> = lines[*first..(*content).min(lines.len())]
            .iter()
            .filter(|l| {
                find_range(&l.text).is_none() && bracketed_date(&l.text).is_none() && !l.blank
            })
            .map(|l| {
                l.text
                    .trim_matches(|c: char| ",;*".contains(c) || c.is_whitespace())
                    .to_owned()
            })
            .filter(|t| !t.is_empty() && parse_date(t, false).is_none())
            .collect();
        // A date split over two lines leaves its first half ("Sep 2023") in the header.
        header.retain(|h| DATE_RANGE.find(h).is_none() && !h.to_lowercase().starts_with("to "));
        if inline.chars().any(char::is_alphanumeric) && !header.contains(inline) {
            header.push(inline.clone());
        }
        if let Some(b) = header.iter().find(|h| is_break(h)) {
            // A career break, a sabbatical or parental leave explains a gap; it is no
            // job, so it is left out of work (its time would count as experience and
            // its bullets as skills used at work), with a note saying so.
            let body = &lines[(*content).min(end)..end];
            // A break may have no text of its own: the role after it needs none.
            let undated = undated_role_start(body, false)
                .map(|at| undated_roles(&body[at..], notes))
                .unwrap_or_default();
            notes.push(format!(
                "\"{b}\" ({from} to {}) is a break, not a role: left out of work",
                to.map_or_else(|| "present".to_owned(), |t| t.to_string())
            ));
            out.extend(undated.into_iter().map(|w| (*first, w)));
            continue;
        }
        let (mut positions, mut employers) = header_parts(&header);
        if !employers.is_empty() {
            let grouped = header.iter().any(|h| only_duration(h));
            group = grouped.then(|| employers.join(", "));
        } else if let Some(g) = &group
            && !positions.is_empty()
        {
            employers.push(g.clone());
        }
        let (start, stop) = in_order(*from, *to, &format!("role {}", employers.join(", ")), notes);
        let mut body = &lines[(*content).min(end)..end];
        // "Acme Analytics, Austin, TX    Jan 2020 – Present" over "Senior Data
        // Engineer": a header with no title, and a short line right under the dates
        // that names a job, is the title, not the role's summary.
        if positions.is_empty()
            && let Some(l) = body.first()
            && !l.bullet
            && header_like(l)
            && title_like(&l.text)
            && find_range(&l.text).is_none()
        {
            positions.push(l.text.clone());
            body = &body[1..];
        }
        // LinkedIn prints where a role was on the line under its dates, which carry
        // the role's length ("March 2021 - Present (3 years 9 months)" over
        // "Portland, Oregon, United States"): the role's location, not its first
        // bullet. Only after such a date line: elsewhere "Python, Django" under the
        // dates would read as a place.
        let mut place = None;
        if only_duration(inline)
            && let Some(l) = body.first()
            && place_like(l)
        {
            place = Some(l.text.clone());
            body = &body[1..];
        }
        // A role without dates between this one and the next ("Freelance Consultant"
        // and its bullets) is a role of its own, not more of this one's bullets.
        let (body, undated) = match undated_role_start(body, true) {
            Some(at) => (&body[..at], undated_roles(&body[at..], notes)),
            None => (body, Vec::new()),
        };
        let paras = item_paragraphs(body);
        let (name, location) = match employers.join(", ") {
            e if e.is_empty() => (None, None),
            e => match employer_place(&e) {
                Some((n, l)) => (Some(n), Some(l)),
                None => (Some(e), None),
            },
        };
        let location = location.or(place);
        let mut summary = None;
        let mut description = None;
        let mut highlights = Vec::new();
        let prose_first = paras.first().is_some_and(|(b, _)| !b) && paras.len() > 1;
        for (n, (_, p)) in paras.iter().enumerate() {
            let context = (n == 0)
                .then(|| employer_context(p, name.as_deref()))
                .flatten();
            // Item ends (`item_paragraphs`) are spaces outside the highlights.
            let plain = |t: &str| t.replace('\n', " ");
            let p = match context {
                Some((context, rest)) => {
                    description = Some(plain(&context));
                    rest
                }
                None => p.clone(),
            };
            if n == 0 && prose_first {
                summary = Some(plain(&p));
            } else {
                highlights.extend(highlights_of(&p));
            }
        }
        out.push((
            *first,
            Work {
                name,
                location,
                position: (!positions.is_empty()).then(|| positions.join(", ")),
                start_date: Some(start.into()),
                end_date: stop.map(Into::into),
                summary,
                description,
                highlights,
                ..Work::default()
            },
        ));
        out.extend(undated.into_iter().map(|w| (*first, w)));
    }
    out
}

/// True when a text is only a length of time as LinkedIn prints it ("3 years 9
/// months", "1 yr 2 mos", "less than a year").
fn only_duration(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
        && !without_durations(text).chars().any(char::is_alphanumeric)
}

/// True when a line reads as a place: a few capitalised words, maybe separated by
/// commas ("Seattle, Washington", "Greater Boston Area", "Remote"), no figures, no
/// job, no sentence.
fn place_like(l: &Line) -> bool {
    let words: Vec<&str> = l.text.split_whitespace().collect();
    !l.bullet
        && header_like(l)
        && (1..=6).contains(&words.len())
        && !l.text.bytes().any(|b| b.is_ascii_digit())
        && !is_position(&l.text)
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "and" | "the" | "de"))
}

/// True when a line reads as a job title on its own: it names a job, and is either a
/// few words ("Software engineer") or in title case ("Senior Data Engineer, Payments
/// Platform"); it does not open with a past-tense verb. "Led a team of five
/// engineers" and "Managed two engineers" are what someone did.
fn title_like(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let verb = words.first().is_some_and(|w| {
        let w = w.to_lowercase();
        (w.len() > 3 && w.ends_with("ed"))
            || matches!(w.as_str(), "led" | "ran" | "built" | "wrote")
    });
    let title_case = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(|w| w.starts_with(char::is_uppercase));
    is_position(line) && !verb && words.len() <= 8 && (words.len() <= 3 || title_case)
}

/// The line of a role's header set apart by a blank line above the rest of it, if
/// there is one: "Acme Corp" alone on its line, a blank line, then "Senior Engineer,
/// Mar 2020 – present". Left where it is, the employer would end the role before as
/// one more bullet. `first..date` are the header lines found so far, `inline` the
/// text around the dates. The line must stand alone (after a blank line, a bullet or
/// the start), be no bullet, list or label, and give what the header lacks: an
/// employer. Above the first role of text with no Experience heading (`known` is
/// false) only a line that reads as a role ("Engineer at Hooli") is taken: there it
/// may be the person's name.
fn lone_header_above(
    lines: &[Line],
    first: usize,
    date: usize,
    inline: &str,
    known: bool,
) -> Option<usize> {
    let c = first.checked_sub(2)?;
    if !lines[first - 1].blank {
        return None;
    }
    let l = &lines[c];
    let lone = c == 0 || lines[c - 1].blank || lines[c - 1].bullet;
    let list = l.text.matches(',').count() >= 2 && employer_place(&l.text).is_none();
    if !lone
        || l.bullet
        || !header_like(l)
        || l.text.contains(':')
        || list
        || l.text.split_whitespace().count() > 6
        || find_range(&l.text).is_some()
        || is_break(&l.text)
    {
        return None;
    }
    let mut header: Vec<&str> = lines[first..date]
        .iter()
        .filter(|l| !l.blank)
        .map(|l| l.text.as_str())
        .collect();
    header.push(inline);
    let (positions, employers) = header_parts(&header);
    let (p, e) = header_parts(&[l.text.as_str()]);
    let fills = employers.is_empty() && !e.is_empty() && (p.is_empty() || positions.is_empty());
    (fills && (known || !p.is_empty())).then_some(c)
}

/// Where a role without dates starts inside the text of a dated role, if one does: a
/// block of short header lines that opens after a blank line or a bullet, once the
/// dated role has some text of its own (when `after_text`), and leads into bullets. Only a header that
/// reads as a role is taken ("Freelance Consultant", "Hooli — Engineer", an employer
/// line over a title line): a one-line sub-heading such as "Key achievements" or
/// "Highlights" over a role's bullets stays part of it.
fn undated_role_start(body: &[Line], after_text: bool) -> Option<usize> {
    let mut seen_content = !after_text;
    for (i, l) in body.iter().enumerate() {
        let after_break = i > 0 && (body[i - 1].blank || body[i - 1].bullet);
        if seen_content && after_break && !l.bullet && header_like(l) {
            let head = body[i..]
                .iter()
                .take(4)
                .position(|l| l.bullet)
                .filter(|&k| k > 0)
                .map(|k| &body[i..i + k]);
            if let Some(head) = head
                && head.iter().all(|h| header_like(h) && !h.text.contains(':'))
                && (head.len() > 1
                    || head.iter().any(|h| {
                        is_break(&h.text)
                            || is_position(&h.text)
                            || h.text.contains(['—', '–', '|', '@'])
                            || h.text.contains(" at ")
                    }))
            {
                return Some(i);
            }
        }
        seen_content |= !l.blank;
    }
    None
}

/// "Acme Analytics, Austin, TX" → ("Acme Analytics", "Austin, TX"): an employer line
/// that ends in a city and a region code or name. "Initech, Software Engineer, Backend"
/// is no place (a job word); "Acme, Inc." has two parts only, and a list of employers
/// ("Able.ag, Made.com, BATS Trading, Rangespan") more than three.
fn employer_place(line: &str) -> Option<(String, String)> {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([^,]+),\s*([A-Z][A-Za-z .'-]{1,30},\s*(?:[A-Z]{2,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))$")
            .expect("valid regex")
    });
    // "Google Cloud, Dublin": a well-known city, region or country alone after the
    // employer's name.
    if let Some((name, tail)) = line.trim().rsplit_once(", ") {
        let lower = tail.trim().to_lowercase();
        let known = crate::posting::is_place_name(&lower)
            || crate::posting::is_country(&lower)
            || crate::posting::is_region(&lower);
        if known && !name.contains(',') && !name.trim().is_empty() && lower.len() > 2 {
            return Some((name.trim().to_owned(), tail.trim().to_owned()));
        }
    }
    let c = PLACE.captures(line.trim())?;
    let place = c[2].to_owned();
    let jobby = place
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| crate::text::names_job(w, POSITION_WORDS));
    let corporate = [
        "Inc", "Ltd", "LLC", "GmbH", "Corp", "Co", "Limited", "plc", "SA", "AG",
    ]
    .iter()
    .any(|x| place.split([',', ' ', '.']).any(|w| w == *x));
    (!jobby && !corporate).then(|| (c[1].trim().to_owned(), place))
}

/// A date range that runs backwards ("2017–2000") is taken the other way round, with a
/// note for the user, so an imported profile never holds an impossible range.
fn in_order(
    from: PartialDate,
    to: Option<PartialDate>,
    what: &str,
    notes: &mut Vec<String>,
) -> (PartialDate, Option<PartialDate>) {
    match to {
        Some(t) if t.last_month() < from.first_month() => {
            notes.push(format!(
                "{what}: the dates read {from} to {t}; taken as {t} to {from}"
            ));
            (t, Some(from))
        }
        _ => (from, to),
    }
}

fn education(lines: &[Line], notes: &mut Vec<String>) -> Vec<Education> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").expect("valid regex"));
    static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(bachelor(?:'s)?(?: of [a-z]+)?|master(?:'s)?(?: of [a-z]+)?|ph\.?d\.?|doctorate|[bm]\.?\s?tech\b\.?|[bm]\.?eng\b\.?|[bm]\.e\.|b\.?sc?\.?|m\.?sc?\.?|b\.?a\.?|m\.?a\.?|mba|associate(?:'s)? degree|(?:high school )?diploma)\b")
            .expect("valid regex")
    });
    static GRADE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:grade|gpa|classification|final mark)\s*[:–-]\s*((?:[^,;|.(]|\.\d)+)")
            .expect("valid regex")
    });
    degree_entries(lines, &DEGREE)
        .into_iter()
        .map(|p| {
            let mut e = Education::default();
            let degree = degree_in(&DEGREE, &p);
            if let Some(d) = degree {
                e.study_type = Some(d.as_str().trim_end_matches('.').to_owned());
                let after = &p[d.end()..];
                if let Some(i) = after.find(" in ") {
                    let area: String = after[i + 4..]
                        .split(['.', ',', ';', '('])
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_owned();
                    if !area.is_empty() {
                        e.area = Some(area);
                    }
                } else {
                    // "BSc Computer Science, University of Leeds, 2016": the field
                    // follows the degree directly; "B.Tech, Electronics and
                    // Communication" and LinkedIn's "Bachelor of Science - BS,
                    // Computer Science" give it after a comma (and the degree again
                    // as letters).
                    // Lines of a paragraph are joined with spaces: "BSc Computer
                    // Science Grade: First" ends the field at "Grade".
                    // After a comma only with the degree's letters before it or the
                    // school named after it: in "BSc, MIT, 2012" and "Diploma,
                    // Lincoln High" the part after the comma is the institution.
                    let letters = DEGREE_LETTERS.find(after);
                    let after_letters = letters.map_or(after, |m| &after[m.end()..]);
                    let after_comma = match after_letters.trim_start().strip_prefix(',') {
                        Some(rest) => {
                            let later = rest.split_once(',').map_or("", |(_, l)| l);
                            let school =
                                ["university", "college", "school", "institut", "polytechnic"]
                                    .iter()
                                    .any(|w| later.to_lowercase().contains(w));
                            if letters.is_some() || school {
                                rest
                            } else {
                                ""
                            }
                        }
                        None => after_letters,
                    };
                    let field = without_dates(after_comma);
                    let field = field
                        .split([',', ';', '(', '|', '—', '–', ':', '·'])
                        .next()
                        .unwrap_or("");
                    let field = [" Grade", " GPA", " Thesis", " Honours", " Honors", " with "]
                        .iter()
                        .filter_map(|w| field.find(w))
                        .min()
                        .map_or(field, |i| &field[..i]);
                    // "B.S. Mathematics": the degree's last dot is left after it.
                    let area = field
                        .trim()
                        .trim_start_matches('.')
                        .trim()
                        .trim_end_matches('.');
                    let lower = area.to_lowercase();
                    let institution = ["university", "college", "school", "institute"]
                        .iter()
                        .any(|w| lower.contains(w));
                    // "BSc, First Class Honours": a grade, no field.
                    let grade = HONOURS.iter().any(|h| lower.contains(h))
                        || lower.split_whitespace().any(|w| w == "class");
                    if !area.is_empty()
                        && !institution
                        && !grade
                        && area.split_whitespace().count() <= 5
                        && area.starts_with(|c: char| c.is_uppercase())
                        && !area.bytes().any(|b| b.is_ascii_digit())
                    {
                        e.area = Some(area.to_owned());
                    }
                }
                // "Bachelor of Science: 2:1 (with Honors) in Electronics".
                if let Some(rest) = after.trim_start().strip_prefix(':') {
                    let score = rest
                        .split(" in ")
                        .next()
                        .unwrap_or("")
                        .trim()
                        .trim_end_matches('.')
                        .to_owned();
                    if !score.is_empty() && score.len() < 30 {
                        e.score = Some(score);
                    }
                }
            }
            // "Grade: First Class", "GPA: 3.8/4.0" on a line of their own.
            if e.score.is_none()
                && let Some(c) = GRADE.captures(&p)
            {
                e.score = Some(c[1].trim().to_owned());
            }
            // The institution is looked for in what the degree phrase (degree, field,
            // grade) and the dates leave: "High School Diploma" names a school word
            // but is the degree, and "(2016 – 2017)" would cut a name at its dash.
            let rest = match degree {
                Some(d) => {
                    let area_end = e
                        .area
                        .as_deref()
                        .and_then(|a| p[d.end()..].find(a).map(|i| d.end() + i + a.len()));
                    format!(
                        "{} | {}",
                        &p[..d.start()],
                        &p[area_end.unwrap_or(d.end())..]
                    )
                }
                None => p.clone(),
            };
            let rest = without_dates(&rest);
            // "University of Example, MSc in Software Engineering (2016)".
            let inst = rest
                .split(['.', ';', ',', '|', '—', '–'])
                .find(|s| {
                    let l = s.to_lowercase();
                    l.contains("university")
                        || l.contains("college")
                        || l.contains("school")
                        || l.contains("institute")
                })
                .map(str::to_owned)
                // Failing a school word, a degree's entry names its institution in
                // the first part that reads as a name: "BSc Computer Science, MIT,
                // 2008 - 2012", "Example Polytechnic" on the line above the degree,
                // "High School Diploma, Lincoln High".
                .or_else(|| degree.and(institution_part(&rest, &GRADE)))
                // A paragraph with no degree is the institution's name, unless it is
                // only a grade ("Grade: First" under the degree, a blank line between).
                .or_else(|| {
                    (degree.is_none() && GRADE.find(&p).is_none_or(|g| g.start() > 0))
                        .then(|| p.clone())
                })
                .map(|s| {
                    s.trim()
                        .trim_end_matches(',')
                        .trim_end_matches(|c: char| c == '(' || c.is_whitespace())
                        .to_owned()
                });
            e.institution = inst.filter(|s| !s.is_empty());
            if let Some(r) = date_range(&p) {
                let (from, to) = in_order(r.0, r.1, "education", notes);
                e.start_date = Some(from.into());
                e.end_date = to.map(Into::into);
            } else if let Some((from, to, _, _)) = single_date(&p) {
                // "Since 2023" is a degree under way; "2016" or "May 2016" the award.
                match to {
                    None => e.start_date = Some(from.into()),
                    Some(to) => e.end_date = Some(to.into()),
                }
            } else if let Some(y) = YEAR.find(&p) {
                // A single year on a degree line is when it was awarded.
                e.end_date = parse_date(y.as_str(), true).map(Into::into);
            }
            e
        })
        .fold(Vec::new(), |mut out: Vec<Education>, e| {
            if e.institution.is_some() || e.study_type.is_some() {
                out.push(e);
            } else if let (Some(score), Some(prev)) = (e.score, out.last_mut()) {
                // A grade a blank line under its degree is still that degree's.
                prev.score.get_or_insert(score);
            }
            out
        })
}

/// A text without its dates and date ranges ("2008 - 2012", "(2016 – 2017)", "Sep
/// 2019 – present"), and without the brackets they leave empty.
fn without_dates(text: &str) -> String {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)\b(?:{})\b", date_pattern())).expect("valid regex")
    });
    static EMPTY_BRACKETS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(\s*\)").expect("valid regex"));
    let t = DATE_RANGE.replace_all(text, "");
    let t = DATE.replace_all(&t, "");
    EMPTY_BRACKETS.replace_all(&t, "").into_owned()
}

/// Words of a grade or of honours in an education entry, which name no institution
/// and no field.
const HONOURS: &[&str] = &[
    "honours",
    "honors",
    "distinction",
    "laude",
    "merit",
    "first class",
    "thesis",
    "dissertation",
    "minor",
    "major",
];

/// LinkedIn's degree again as letters after its name: the " - BS" of "Bachelor of
/// Science - BS, Computer Science".
static DEGREE_LETTERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[-–—]\s*[A-Z][A-Za-z.]{0,6}\s*(?:,|$)").expect("valid regex")
});

/// The first part of an education entry (its degree phrase and dates taken out) that
/// reads as an institution's name: capitalised, a few words, no digits, no label
/// ("Thesis: …") and no grade or honours.
fn institution_part(rest: &str, grade: &Regex) -> Option<String> {
    rest.split([';', ',', '|', '—', '–', '·', '(', ')'])
        .flat_map(|s| s.split(". "))
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || ".,;:-".contains(c)))
        .find(|s| {
            let lower = s.to_lowercase();
            s.starts_with(|c: char| c.is_uppercase())
                && s.split_whitespace().count() <= 6
                && !s.contains(':')
                && !s.bytes().any(|b| b.is_ascii_digit())
                && !grade.is_match(s)
                && !HONOURS.iter().any(|h| lower.contains(h))
        })
        .map(str::to_owned)
}

/// The entries of an Education section: its paragraphs, and within one paragraph a
/// new entry at each line naming a second degree (a pasted PDF has no blank lines
/// between "Master of Science in CS / University of Texas, 2016 / B.S. Mathematics,
/// Texas A&M, 2014"). Lines are joined with ", " — each line of an entry is its own
/// field — unless a line wraps mid-phrase ("Electrical and / Electronic Engineering").
/// The first degree `degree` finds in `text` that is not a US state's code in an
/// address: "Boston, MA 02110" or "Jackson, MS, USA" names no Master's, while
/// "BSc, MA in History" and "Oxford, MA, 2015" do.
fn degree_in<'t>(degree: &Regex, text: &'t str) -> Option<regex::Match<'t>> {
    degree.find_iter(text).find(|m| {
        let code = m.as_str();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return true;
        }
        let after_place = text[..m.start()]
            .strip_suffix(", ")
            .and_then(|b| b.chars().next_back())
            .is_some_and(char::is_alphabetic);
        let rest = text[m.end()..].trim_start();
        let address_goes_on = rest.is_empty()
            || rest.len() >= 5 && rest.as_bytes()[..5].iter().all(u8::is_ascii_digit)
            || rest.starts_with(['|', '·', '–', '—', '-'])
            || rest
                .strip_prefix(',')
                .is_some_and(|r| !r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        !(after_place && address_goes_on)
    })
}

fn degree_entries(lines: &[Line], degree: &Regex) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut has_degree = false;
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.trim().is_empty() {
            out.push(std::mem::take(cur));
        }
        cur.clear();
    };
    for l in lines {
        if l.blank {
            flush(&mut cur, &mut out);
            has_degree = false;
            continue;
        }
        let names_degree = degree_in(degree, &l.text).is_some();
        if (names_degree && has_degree) || l.bullet {
            flush(&mut cur, &mut out);
            has_degree = false;
        }
        has_degree |= names_degree;
        if !cur.is_empty() {
            let wraps = cur
                .rsplit(' ')
                .next()
                .is_some_and(|w| matches!(w, "and" | "of" | "in" | "&" | "-" | "for" | "the"))
                || !l
                    .text
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            cur.push_str(if wraps || cur.ends_with([',', ';']) {
                " "
            } else {
                ", "
            });
        }
        cur.push_str(&l.text);
    }
    flush(&mut cur, &mut out);
    out
}

fn skills(lines: &[Line]) -> Vec<SkillEntry> {
    // Line by line: "Languages: Go, Rust" opens a group, and the lines after it that
    // carry no label of their own (a wrapped list, or bullets under "Languages:") add
    // to it until a blank line; "Frameworks: React" on the next line is a group of its
    // own, not more of the languages.
    let mut out: Vec<SkillEntry> = Vec::new();
    let mut loose = Vec::new();
    let mut open = false;
    let mut table: Vec<Vec<String>> = Vec::new();
    for l in lines {
        // A Markdown table ("| Skill | Years |") is read row by row when it ends.
        if let Some(cells) = table_row(&l.text) {
            table.push(cells);
            open = false;
            continue;
        }
        out.extend(skill_table(&std::mem::take(&mut table)));
        if l.blank {
            open = false;
            continue;
        }
        let (name, list) = match l.text.split_once(':') {
            Some((n, rest)) if !n.trim().is_empty() && n.split_whitespace().count() <= 4 => {
                (Some(n.trim().to_owned()), rest)
            }
            _ => (None, l.text.as_str()),
        };
        let items = split_outside_brackets(list)
            .into_iter()
            .map(|s| s.trim().trim_end_matches('.').to_owned())
            .filter(|s| !s.is_empty() && s.len() <= 60);
        match (name, out.last_mut()) {
            (Some(n), _) => {
                out.push(SkillEntry {
                    name: Some(n),
                    keywords: items.collect(),
                    ..SkillEntry::default()
                });
                open = true;
            }
            (None, Some(group)) if open => group.keywords.extend(items),
            (None, _) => loose.extend(items),
        }
    }
    out.extend(skill_table(&table));
    if !loose.is_empty() {
        out.push(SkillEntry {
            name: Some("Skills".into()),
            keywords: loose,
            ..SkillEntry::default()
        });
    }
    out
}

/// The cells of a Markdown table row ("| Go | 5 | Expert |"); `None` for any other
/// line. The separator row ("|---|:--:|") has no cells.
fn table_row(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    if inner
        .chars()
        .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t'))
    {
        return Some(Vec::new());
    }
    Some(inner.split('|').map(|c| strip_markdown(c.trim())).collect())
}

/// Skills from a Markdown table. With a header naming years or a level ("| Skill |
/// Years | Level |"), each row is one skill with its stated years; otherwise each row
/// is a group ("| Languages | Python, Go |"), or a list of names when it has one cell.
fn skill_table(rows: &[Vec<String>]) -> Vec<SkillEntry> {
    let rows: Vec<&Vec<String>> = rows.iter().filter(|r| !r.is_empty()).collect();
    let Some((header, body)) = rows.split_first() else {
        return Vec::new();
    };
    let col = |words: &[&str]| {
        header.iter().position(|h| {
            let h = h.to_lowercase();
            words.iter().any(|w| h.contains(w))
        })
    };
    let years = col(&["year", "yrs", "experience"]);
    let level = col(&["level", "proficiency", "expertise", "rating"]);
    let name = col(&["skill", "technolog", "tool", "name", "language"])
        .filter(|&c| Some(c) != years && Some(c) != level)
        .unwrap_or(0);
    let cell = |r: &Vec<String>, c: Option<usize>| {
        c.and_then(|c| r.get(c))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty() && s != "-")
    };
    if years.is_none() && level.is_none() {
        // No per-skill columns: the header is a row like the others when it names
        // skills itself ("| Languages | Python, Go |" with no header line above).
        let looks_like_header = header.iter().all(|h| {
            ["category", "area", "skill", "technolog", "tool", "group"]
                .iter()
                .any(|w| h.to_lowercase().contains(w))
        });
        let data: Vec<&Vec<String>> = if looks_like_header {
            body.to_vec()
        } else {
            rows.clone()
        };
        return data
            .into_iter()
            .filter_map(|r| {
                let (first, rest) = r.split_first()?;
                let keywords: Vec<String> = if rest.is_empty() {
                    split_outside_brackets(first)
                } else {
                    rest.iter()
                        .flat_map(|c| split_outside_brackets(c))
                        .collect()
                }
                .into_iter()
                .map(|k| k.trim().trim_end_matches('.').to_owned())
                .filter(|k| !k.is_empty() && k.len() <= 60)
                .collect();
                (!keywords.is_empty()).then(|| SkillEntry {
                    name: (!rest.is_empty() && !first.is_empty()).then(|| first.clone()),
                    keywords,
                    ..SkillEntry::default()
                })
            })
            .collect();
    }
    body.iter()
        .filter_map(|r| {
            let n = cell(r, Some(name))?;
            let y = cell(r, years).and_then(|y| {
                let num: String = y
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                num.parse::<f32>().ok().filter(|y| (0.0..=60.0).contains(y))
            });
            Some(SkillEntry {
                name: Some(n),
                level: cell(r, level),
                years: y,
                ..SkillEntry::default()
            })
        })
        .collect()
}

/// A skills list split at its separators, but not inside brackets: "AWS (EMR, S3,
/// Glue), GCP" is two items, the first with its services.
fn split_outside_brackets(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (i, c) in list.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' | ';' | '|' | '·' | '•' if depth == 0 => {
                out.push(&list[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    if depth > 0 {
        // An unclosed bracket: split as if there were none rather than keep the rest
        // of the line as one item.
        return list.split([',', ';', '|', '·', '•']).collect();
    }
    out.push(&list[from..]);
    out
}

fn contacts(text: &str, p: &mut Profile) -> Vec<String> {
    static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").expect("valid regex")
    });
    static PHONE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\+?\(?\d[\d ().-]{8,}\d").expect("valid regex"));
    if let Some(m) = EMAIL.find(text) {
        p.basics.email = Some(m.as_str().to_owned());
    }
    // Profile links among the first lines (a header or a Contact list); further down
    // a github.com address is more likely a project's.
    for line in text.lines().take(15) {
        for c in PROFILE_URL.captures_iter(line) {
            let network = match c[1].to_lowercase().as_str() {
                "linkedin" => "LinkedIn",
                "github" => "GitHub",
                "gitlab" => "GitLab",
                "twitter" => "Twitter",
                "x" => "X",
                _ => "Stack Overflow",
            };
            let url = c[0].trim_end_matches(['.', '/']).to_owned();
            if !p
                .basics
                .profiles
                .iter()
                .any(|s| s.url.as_deref() == Some(&url))
            {
                p.basics.profiles.push(crate::profile::SocialProfile {
                    network: Some(network.to_owned()),
                    username: None,
                    url: Some(url),
                });
            }
        }
    }
    // Only in the first lines: elsewhere long numbers are figures, not phone numbers;
    // and no date range ("2019 - 2021" under a name is a role's dates).
    let head: String = text.lines().take(8).collect::<Vec<_>>().join("\n");
    if let Some(m) = PHONE.find_iter(&head).find(|m| {
        find_range(m.as_str()).is_none()
            && m.as_str().bytes().filter(u8::is_ascii_digit).count() >= 7
    }) {
        p.basics.phone = Some(m.as_str().trim().to_owned());
    }
    // A first line of two to four capitalised words is a name; a title line above it
    // ("CURRICULUM VITAE", "Résumé") is not.
    if let Some(first) = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .filter(|l| !l.is_empty())
        .find(|l| !document_title(l))
    {
        let words: Vec<&str> = first.split_whitespace().collect();
        let looks_like_name = (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
            })
            && !names_section_as_a_whole(first)
            && !first.to_lowercase().starts_with("my ");
        if looks_like_name {
            p.basics.name = Some(first.to_owned());
        }
    }
    header_lines(text, p)
}

/// The name a story opens with: "My name is Jane Doe.", "Hi, my name is Jane Doe
/// and I build…", as the first sentence of one of its first lines (a title such as
/// "About me" may come before it). A name is two to four capitalised words.
fn name_in_prose(lines: &[Line]) -> Option<String> {
    static MY_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:hi|hello)[,!]?\s+)?(?i:my\s+name\s+is)\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){1,3})\b")
            .expect("valid regex")
    });
    lines.iter().filter(|l| !l.blank).take(3).find_map(|l| {
        let first = sentences(&l.text).into_iter().next()?;
        Some(MY_NAME.captures(&first)?[1].to_owned())
    })
}

/// A line that names the document, not the person: "Curriculum Vitae", "RÉSUMÉ",
/// "CV", "Lebenslauf".
fn document_title(line: &str) -> bool {
    let t = strip_markdown(line).to_lowercase();
    let t = t.trim().trim_end_matches(':');
    matches!(
        t,
        "curriculum vitae"
            | "curriculum vitæ"
            | "cv"
            | "resume"
            | "résumé"
            | "resumé"
            | "lebenslauf"
            | "curriculum"
    )
}

/// The title and place lines under a name at the top of a pasted résumé: "Senior
/// Data Engineer" is the headline, "Austin, TX" in "jane@x.com | +1 555… | Austin,
/// TX" is where the person lives. Returns the texts taken, which are no summary.
fn header_lines(text: &str, p: &mut Profile) -> Vec<String> {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^([A-Z][A-Za-z .'-]{1,30}),\s*([A-Z]{2,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})$",
        )
        .expect("valid regex")
    });
    let mut taken = Vec::new();
    if p.basics.name.is_none() {
        return taken;
    }
    // The block under the name, up to the first blank line or heading. Markdown puts
    // a blank line under "# Name": then the block after it, if it is a contact line
    // ("Backend engineer · sam@x.test · Lisbon, Portugal"); a sentence there is the
    // summary's.
    let mut after_name = text
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty() || document_title(l))
        .skip(1)
        .peekable();
    let spaced = after_name.peek().is_some_and(|l| l.is_empty());
    for line in after_name
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .take(3)
    {
        if heading(line).and_then(|h| classify_section(&h)).is_some() {
            break;
        }
        let words = line.split_whitespace().count();
        let separated = line.contains(['|', '·', '•']);
        if spaced && !separated && !line.contains('@') {
            break;
        }
        if !separated
            && p.basics.label.is_none()
            && (1..=8).contains(&words)
            && !line.contains('@')
            && !line.bytes().any(|b| b.is_ascii_digit())
            && line
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| crate::text::names_job(w, POSITION_WORDS))
        {
            p.basics.label = Some(line.trim_end_matches('.').to_owned());
            taken.push(line.to_owned());
            continue;
        }
        for part in line.split(['|', '·', '•']).map(str::trim) {
            // "Data Engineer | jane@x.test | +1 555…": the title among the contacts.
            if separated
                && p.basics.label.is_none()
                && (1..=6).contains(&part.split_whitespace().count())
                && !part.contains(['@', ',', '/'])
                && !part.bytes().any(|b| b.is_ascii_digit())
                && is_position(part)
            {
                p.basics.label = Some(part.to_owned());
                taken.push(part.to_owned());
                continue;
            }
            if p.basics.location.is_none()
                && let Some(c) = PLACE.captures(part)
            {
                p.basics.location = Some(crate::profile::Location {
                    city: Some(c[1].trim().to_owned()),
                    region: Some(c[2].to_owned()),
                    ..crate::profile::Location::default()
                });
                taken.push(part.to_owned());
            }
        }
    }
    taken
}

/// "a BS in CS", "MSc in Physics" in prose become education entries.
fn degrees_in_prose(p: &mut Profile) {
    static IN_PROSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(BS|BA|BSc|MS|MSc|MA|MBA|PhD|B\.S\.|M\.S\.|Bachelor's|Master's)\s+(?:degree\s+)?in\s+([A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*)*)")
            .expect("valid regex")
    });
    if !p.education.is_empty() {
        return;
    }
    let texts: Vec<String> = p.fields().map(|f| f.text.to_owned()).collect();
    for t in texts {
        for c in IN_PROSE.captures_iter(&t) {
            p.education.push(Education {
                study_type: Some(c[1].to_owned()),
                area: Some(c[2].to_owned()),
                ..Education::default()
            });
        }
    }
}

// ---------------------------------------------------------------------------------
// Narratives.

/// A first-person story with no headings, dates or bullets: every sentence becomes a
/// highlight of the role the story is at ("I landed a job at Rackspace", "I got tapped
/// to build the Rackspace Cloud", "relocated here to do full stack work"); sentences
/// before the first role, or about no role, go to the summary.
fn narrative(text: &str, p: &mut Profile, notes: &mut Vec<String>) {
    static ROLE_START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(landed|joined|hired|took (?:a )?(?:job|work|position|role)|worked at|working at|work at|job at|position at|role at|got tapped|\bi\s+(?:then\s+|later\s+|eventually\s+|finally\s+|soon\s+)?moved\s+(?:on\s+|over\s+|back\s+)?to\b|relocated|started at|started (?:a )?(?:new )?(?:job|role)|went to work|(?:started|began|start|begin) (?:my|our) (?:career|working life)|(?:i am|i'm|i've been|i have been|i was|i worked|i work)\s+(?:as\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,4}?[\w-]+\s+(?:at|for)\s+(?-i:[A-Z]))",
        )
        .expect("valid regex")
    });
    // Where the story works, most telling first: "at Rackspace", "at a small ISP",
    // "joined Globex", "build the Rackspace Cloud".
    static EMPLOYER: LazyLock<[Regex; 3]> = LazyLock::new(|| {
        let name = r"[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}";
        [
            Regex::new(&format!(
                r"\b(?:at|for)\s+((?:an?\s+)?(?:[a-z]+\s+){{0,2}}{name})"
            )),
            Regex::new(&format!(r"\bjoin(?:ed)?\s+((?:the\s+)?{name})")),
            Regex::new(&format!(
                r"\b(?:build|building|launch)\s+(?:the\s+)?({name})"
            )),
        ]
        .map(|r| r.expect("valid regex"))
    });
    // Right after the employer ("at Rackspace in Texas") or the move ("relocated
    // here in the Bay"): a capitalised name further on ("moved our monolith to
    // Kubernetes") is no place.
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^,?\s+(?:here\s+|back\s+)?(?:in|to)\s+((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})")
            .expect("valid regex")
    });
    // The move a place follows ("relocated here in the Bay"), relocation first.
    static MOVED: LazyLock<[Regex; 2]> = LazyLock::new(|| {
        [r"(?i)\brelocat\w*", r"(?i)\bmoved\b"].map(|r| Regex::new(r).expect("valid regex"))
    });
    // "as a junior Java developer", "have been a staff engineer at": the words up to
    // the last one that names a job.
    static ROLE_NOUN_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:as|been|am|was|i'm)\s+(?:an?|the)\s+((?:[A-Za-z-]+\s+){0,4}[A-Za-z-]+)",
        )
        .expect("valid regex")
    });
    // The year a role began: "in 2014", "Since March 2021", "from 2017 to 2019".
    static ROLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)\b(since\s+)?({})\b", date_pattern())).expect("valid regex")
    });
    static ENDS_ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:in college|at university|in school|in high school)\b|\bgraduat")
            .expect("valid regex")
    });
    static AS_POSITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:as an?|as the|landed an?|took work as an?|an?)\s+([A-Za-z-]+(?:\s+[A-Za-z-]+)?)\s+(?:job|role|position)\b|\btook work as an?\s+([A-Za-z-]+)")
            .expect("valid regex")
    });
    // The summary's sentences, by paragraph: joined into one, a paragraph that ends
    // without a stop would run into the next.
    let mut summary: Vec<Vec<String>> = Vec::new();
    // Each role with whether the story says it goes on ("Since 2021 I have been…").
    let mut roles: Vec<(Work, bool)> = Vec::new();
    let mut current: Option<(Work, bool)> = None;
    // Sentences of a role's stretch of the story left out of its bullets.
    let mut kept_out: Vec<String> = Vec::new();
    // Each employer of `roles` with its first role, taken in as roles are added (up to
    // `named_upto`): asking every earlier role for each new one made a generated story
    // of thousands of roles quadratic.
    let mut first_named: HashMap<String, usize> = HashMap::new();
    let mut named_upto = 0;
    for para in text.split("\n\n").map(str::trim).filter(|s| !s.is_empty()) {
        let flat = para.split_whitespace().collect::<Vec<_>>().join(" ");
        // A title line ("My Story", "My Story (Q4 2017)") is not story.
        if flat.split_whitespace().count() <= 5 && !flat.ends_with('.') {
            continue;
        }
        summary.push(Vec::new());
        // Whether the sentence before, in this paragraph, was kept out of a role.
        let mut prev_off = false;
        for s in sentences(&flat) {
            let trim = |t: &str| t.trim_end_matches(['.', ',', ';', '!']).trim().to_owned();
            let moved = moved_to_employer(&s);
            let starts = moved.is_some() || ROLE_START.is_match(&s);
            if starts {
                if let Some(w) = current.take() {
                    roles.push(w);
                }
                let found = moved.map(|(e, end)| (trim(&e), end)).or_else(|| {
                    EMPLOYER
                        .iter()
                        .find_map(|re| re.captures(&s))
                        .and_then(|c| {
                            let m = c.get(1)?;
                            Some((trim(m.as_str()), m.end()))
                        })
                });
                let found = found.filter(|(e, _)| !matches!(e.as_str(), "I" | "The" | "My"));
                // A place is where the employer is ("at Rackspace in Texas") or where
                // the story moves ("relocated here in the Bay").
                // Offsets found in `s` itself: a lower-cased copy can differ in length.
                let place_from = found
                    .as_ref()
                    .map(|f| f.1)
                    .or_else(|| MOVED.iter().find_map(|re| re.find(&s)).map(|m| m.end()));
                // "joined the Google Cloud team": the name, without its article.
                let employer = found.map(|f| match f.0.strip_prefix("the ") {
                    Some(rest) if rest.starts_with(char::is_uppercase) => rest.to_owned(),
                    _ => f.0,
                });
                // "build the Rackspace Cloud" after a job at Rackspace, "joined
                // Initech's Payments team": a product, team or division named after an
                // employer the story has already named is a new role there. A new
                // employer of that name would split one employer's years in two.
                for (i, (w, _)) in roles.iter().enumerate().skip(named_upto) {
                    if let Some(name) = &w.name {
                        first_named.entry(name.clone()).or_insert(i);
                    }
                }
                named_upto = roles.len();
                let employer = employer.map(|e| {
                    match earlier_employer(&e, &first_named).map(|i| &roles[i].0.name) {
                        Some(Some(earlier)) => {
                            notes.push(format!(
                                "\"{e}\" read as a team or product of {earlier}: a new role there"
                            ));
                            earlier.to_owned()
                        }
                        _ => e,
                    }
                });
                let position = AS_POSITION
                    .captures(&s)
                    .and_then(|c| c.get(1).or_else(|| c.get(2)))
                    .map(|m| trim(m.as_str()))
                    .or_else(|| {
                        ROLE_NOUN_PHRASE.captures_iter(&s).find_map(|c| {
                            let words: Vec<&str> = c[1].split_whitespace().collect();
                            let last = words
                                .iter()
                                .rposition(|w| crate::text::names_job(w, POSITION_WORDS))?;
                            Some(words[..=last].join(" "))
                        })
                    });
                // "at Rackspace in Texas", "relocated here in the Bay".
                let location = place_from.and_then(|from| {
                    PLACE
                        .captures(s.get(from..)?)
                        .map(|c| trim(&c[1]))
                        .filter(|l| employer.as_deref() != Some(l.as_str()) && !l.starts_with("I "))
                });
                let (start, end, since) = match find_range(&s) {
                    Some((from, to, _, _)) => (Some(from), to, to.is_none()),
                    None => ROLE_DATE.captures(&s).map_or((None, None, false), |c| {
                        (parse_date(&c[2], false), None, c.get(1).is_some())
                    }),
                };
                let w = Work {
                    name: employer,
                    position,
                    location,
                    start_date: start.map(Into::into),
                    end_date: end.map(Into::into),
                    ..Work::default()
                };
                current = Some((w, since));
            } else if ENDS_ROLE.is_match(&s)
                && let Some(w) = current.take()
            {
                // School is not part of the job before it.
                roles.push(w);
            }
            // A hobby or a taste told between jobs ("I soldered a mod chip…", "I tried a
            // Mac…") is no bullet of the job: tailoring would offer it to employers. It
            // stays in the summary, with what points back at it ("It still works.").
            // The latest employers only: a story names a handful, and checking each
            // sentence against thousands of generated ones was quadratic.
            let off = !starts
                && current.as_ref().is_some_and(|(w, _)| {
                    let employers: Vec<&str> = roles[roles.len().saturating_sub(STORY_EMPLOYERS)..]
                        .iter()
                        .map(|(w, _)| w)
                        .chain([w])
                        .filter_map(|w| w.name.as_deref())
                        .collect();
                    outside_work(&s, &employers) || (prev_off && leans_on_previous(&s))
                });
            prev_off = off;
            match &mut current {
                Some((w, _)) if !off => w.highlights.push(s),
                _ => {
                    if off {
                        kept_out.push(s.clone());
                    }
                    if let Some(para) = summary.last_mut() {
                        para.push(s);
                    }
                }
            }
        }
    }
    roles.extend(current);
    let dated = date_story_roles(&mut roles);
    p.work.extend(roles.into_iter().map(|(w, _)| w));
    let summary: Vec<String> = summary
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join(" "))
        .collect();
    if !summary.is_empty() {
        p.basics.summary = Some(summary.join("\n\n"));
    }
    if !p.work.is_empty() {
        let found = crate::report::counted(p.work.len(), "role");
        notes.push(if dated == 0 {
            format!(
                "a narrative: {found} found from the story, without dates; add startDate/endDate to them for years per skill"
            )
        } else {
            format!(
                "a narrative: {found} found from the story, {dated} dated from the years it gives (each ends where the next begins); check startDate/endDate"
            )
        });
    }
    if let Some(first) = kept_out.first() {
        notes.push(format!(
            "a narrative: {} with no work in them (\"{first}\"{}) kept in the summary, not as a role's bullets",
            crate::report::counted(kept_out.len(), "sentence"),
            if kept_out.len() > 1 { ", …" } else { "" }
        ));
    }
}

/// True when a sentence of a story tells of life outside work: a hobby, the family,
/// a taste ("I soldered a mod chip and flashed the BIOS on my original xbox", "I still
/// play NES roms with the kids", "I tried a Mac, it's a decent environment"), and
/// shows no work: no employer of the story, no word of the workplace (team,
/// customers, production…), no figure. Short sentences only: a long one mixes in
/// work more often than not. Both sides are word lists, so a sentence that names
/// neither stays where it was.
fn outside_work(sentence: &str, employers: &[&str]) -> bool {
    /// Family, leisure, things owned for play.
    const LIFE: &[&str] = &[
        "kids",
        "kid",
        "children",
        "son",
        "sons",
        "daughter",
        "daughters",
        "wife",
        "husband",
        "spouse",
        "family",
        "mom",
        "mum",
        "dad",
        "mother",
        "father",
        "parents",
        "grandkids",
        "grandchildren",
        "baby",
        "hobby",
        "hobbies",
        "weekend",
        "weekends",
        "vacation",
        "vacations",
        "holiday",
        "holidays",
        "band",
        "guitar",
        "piano",
        "drums",
        "xbox",
        "playstation",
        "nintendo",
        "gaming",
        "videogames",
        "garden",
        "gardening",
        "hiking",
        "camping",
        "fishing",
        "cooking",
        "dog",
        "cat",
        "treehouse",
    ];
    /// Leisure said in more than one word.
    const LIFE_PHRASES: &[&str] = &["for fun", "spare time", "free time", "video games"];
    /// The workplace: who the work was for, with and about.
    const WORK: &[&str] = &[
        "job",
        "jobs",
        "work",
        "worked",
        "working",
        "career",
        "team",
        "teams",
        "company",
        "companies",
        "employer",
        "customer",
        "customers",
        "client",
        "clients",
        "user",
        "users",
        "colleague",
        "colleagues",
        "coworker",
        "coworkers",
        "manager",
        "boss",
        "office",
        "startup",
        "business",
        "product",
        "products",
        "production",
        "service",
        "services",
        "platform",
        "infrastructure",
        "codebase",
        "deadline",
        "deadlines",
        "release",
        "releases",
        "launch",
        "outage",
        "incident",
        "incidents",
        "on-call",
        "conference",
        "conferences",
        "meetup",
        "meetups",
        "interns",
        "intern",
        "stakeholders",
        "revenue",
        "sales",
        "project",
        "projects",
        "contract",
        "contracts",
    ];
    // "I tried Gentoo", "I like Docker", "I miss GNU/Linux": a taste, at the start.
    static TASTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^I\s+(?:still\s+|also\s+|really\s+|once\s+)?(?:tried\s+(?:out\s+)?(?:an?\s+|the\s+)?[A-Z]|like\b|love\b|loved\b|enjoy\b|enjoyed\b|miss\b|prefer\b)")
            .expect("valid regex")
    });
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .map(|w| w.trim_end_matches("'s").trim_matches(['-', '\'']))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 25 || sentence.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let life = has(LIFE) || LIFE_PHRASES.iter().any(|p| lower.contains(p));
    // The employers last: the dearest question, asked of few sentences.
    let names_employer = || {
        employers.iter().any(|e| {
            let e = e.to_lowercase();
            let e = e.trim_start_matches("a ").trim_start_matches("an ");
            !e.is_empty() && lower.contains(e)
        })
    };
    (life || TASTE.is_match(sentence)) && !has(WORK) && !names_employer()
}

/// How many of a story's latest roles a sentence is checked against for the name of an
/// employer (`outside_work`): far more than any real story has.
const STORY_EMPLOYERS: usize = 100;

/// The first role, by its index in `first_named` (each employer with its first role),
/// whose employer `name` is a product, team or division of (`part_of`): the
/// candidates are `name`'s own prefixes that end before a word, so each is one lookup.
fn earlier_employer(name: &str, first_named: &HashMap<String, usize>) -> Option<usize> {
    name.char_indices()
        .filter(|&(i, c)| i > 0 && matches!(c, ' ' | '\'' | '’'))
        .filter_map(|(i, _)| {
            let (earlier, i) = first_named.get_key_value(&name[..i])?;
            part_of(name, earlier).then_some(*i)
        })
        .min()
}

/// True when `name` is a product, team or division of the employer `earlier`: it
/// opens with that capitalised name as whole words ("Rackspace Cloud", "Initech's
/// Payments", "AWS Lambda" after "AWS"). "Rackspace" alone is the same employer, and
/// "Globex" is no part of "Globexia".
fn part_of(name: &str, earlier: &str) -> bool {
    earlier.starts_with(char::is_uppercase)
        && name.strip_prefix(earlier).is_some_and(|rest| {
            ["'s ", "’s ", " "]
                .iter()
                .any(|sep| rest.strip_prefix(sep).is_some_and(|r| !r.trim().is_empty()))
        })
}

/// The employer a story moves to, and where its name ends in the sentence: "In 2019
/// I moved to Globex, where I…", "Later I went to Hooli to lead…", "I moved on to
/// Initech as a…". Only "I" moves (not "we moved to Kafka"), and only to somewhere
/// followed by the work done there: "I went to Berlin on holiday" and "I moved to
/// Texas." name places.
fn moved_to_employer(sentence: &str) -> Option<(String, usize)> {
    static MOVED_TO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bI\s+(?:then\s+|later\s+|eventually\s+|finally\s+|soon\s+)?(?:moved|went|switched)\s+(?:on\s+|over\s+|back\s+)?to\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})")
            .expect("valid regex")
    });
    static WORK_THERE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^,?\s+(?:where\b|as\s+(?:an?|the|its|their)\b|to\s+(?:work|lead|build|help|run|head|join|manage|develop|design|write|start|launch|create)\b)")
            .expect("valid regex")
    });
    let c = MOVED_TO.captures(sentence)?;
    let m = c.get(1)?;
    WORK_THERE
        .is_match(&sentence[m.end()..])
        .then(|| (m.as_str().to_owned(), m.end()))
}

/// Dates for the roles of a story from the years its sentences give: a role runs from
/// its year to the next role's ("In 2014 I joined…", "In 2017 I moved to…"); the last
/// one goes on. A role whose end the story leaves open while a later, undated role
/// follows gets no dates at all, as an open start would read as "to this day"; so do
/// years out of order. Returns how many roles have dates.
fn date_story_roles(roles: &mut [(Work, bool)]) -> usize {
    let n = roles.len();
    for i in 0..n {
        let Some(start) = roles[i].0.start_date.map(|d| d.date) else {
            continue;
        };
        if roles[i].0.end_date.is_some() || roles[i].1 {
            continue;
        }
        if i + 1 == n {
            continue;
        }
        match roles[i + 1].0.start_date.map(|d| d.date) {
            Some(next) if next >= start => roles[i].0.end_date = Some(next.into()),
            _ => roles[i].0.start_date = None,
        }
    }
    // A role said to go on ("since 2021") that another follows did end: drop its dates
    // rather than claim two current roles.
    for (w, since) in roles.iter_mut().take(n.saturating_sub(1)) {
        if *since && w.end_date.is_none() {
            w.start_date = None;
        }
    }
    for (w, _) in roles.iter_mut() {
        if let (Some(a), Some(b)) = (w.start_date, w.end_date)
            && b.date < a.date
        {
            w.start_date = None;
            w.end_date = None;
        }
    }
    roles.iter().filter(|(w, _)| w.start_date.is_some()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_pointing_back_stays_with_the_one_before_it() {
        let p = "I analyze and deliver new features for the scheduling service that places every virtual machine. \
                 One is our first agent deployed on bare metal to thousands of hypervisors. \
                 To this I migrated our health checks from the central service. \
                 Separately, I mentored two new engineers through their first quarter on the team, \
                 pairing with each of them daily and reviewing every change they made to the scheduler.";
        let h = highlights_of(p);
        assert_eq!(h.len(), 2, "{h:#?}");
        assert!(h[0].starts_with("I analyze") && h[0].ends_with("central service."));
        assert!(h[1].starts_with("Separately"));
    }

    #[test]
    fn a_place_after_the_employers_name_is_the_roles_location() {
        let split = |l: &str| employer_place(l);
        assert_eq!(
            split("Google Cloud, Dublin"),
            Some(("Google Cloud".to_owned(), "Dublin".to_owned()))
        );
        assert_eq!(
            split("Initech, Portugal"),
            Some(("Initech".to_owned(), "Portugal".to_owned()))
        );
        assert_eq!(
            split("Acme Analytics, Austin, TX"),
            Some(("Acme Analytics".to_owned(), "Austin, TX".to_owned()))
        );
        // A name that is no well-known place stays the employer's.
        assert_eq!(split("Carrot, Inc."), None);
        assert_eq!(split("Initech, Payments"), None);
    }

    #[test]
    fn a_first_sentence_about_the_employer_is_its_description() {
        let (context, rest) = employer_context(
            "Lambda's public cloud provides GPUs, on which customers train AI models. My team turns requests into hypervisor changes.",
            Some("Lambda"),
        )
        .expect("context");
        assert!(context.starts_with("Lambda's public cloud"));
        assert!(rest.starts_with("My team"));
        let (context, _) = employer_context(
            "The *Snap Store* is an app store for Linux. I worked on its Django APIs.",
            Some("Canonical"),
        )
        .expect("context");
        assert!(context.contains("app store"));
        // Work the person did, or one sentence alone, stays where it is.
        assert!(
            employer_context(
                "Lambda: I built the agent. It runs everywhere.",
                Some("Lambda")
            )
            .is_none()
        );
        assert!(employer_context("The team shipped X in Go. Then Y.", Some("Acme")).is_none());
        // The person's own system, described, is their work.
        assert!(
            employer_context(
                "The billing service is written in Go and handles a million events a day. I cut its latency by 40%.",
                Some("Acme")
            )
            .is_none()
        );
        assert!(employer_context("The Snap Store is an app store.", Some("Canonical")).is_none());
    }

    #[test]
    fn dates_and_ranges() {
        assert_eq!(
            parse_date("Sep 2023", false).unwrap().to_string(),
            "2023-09"
        );
        assert_eq!(parse_date("Q4 2017", true).unwrap().to_string(), "2017-12");
        assert_eq!(parse_date("05/2019", false).unwrap().to_string(), "2019-05");
        assert_eq!(parse_date("2017", false).unwrap().to_string(), "2017");
        let (a, b, _, _) = find_range("May 2019 to July 2023").unwrap();
        assert_eq!(
            (a.to_string(), b.unwrap().to_string()),
            ("2019-05".into(), "2023-07".into())
        );
        let (a, b, _, _) = find_range("Acme — 2017–2019").unwrap();
        assert_eq!(
            (a.to_string(), b.unwrap().to_string()),
            ("2017".into(), "2019".into())
        );
        assert!(find_range("Sep 2023 to present.").unwrap().1.is_none());
        // Other ways résumés write dates, in English, German and French.
        let range = |t: &str| {
            let (a, b, _, _) = find_range(t).unwrap_or_else(|| panic!("{t}"));
            (a.to_string(), b.map_or("now".into(), |b| b.to_string()))
        };
        let r = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(range("03.2018 – 11.2020"), r("2018-03", "2020-11"));
        assert_eq!(range("Sep '18 – Jun '20"), r("2018-09", "2020-06"));
        assert_eq!(range("Sept 2018 – June 2020"), r("2018-09", "2020-06"));
        assert_eq!(range("2019/12 - 2021/02"), r("2019-12", "2021-02"));
        assert_eq!(range("31/12/2019 - 1/3/2021"), r("2019-12", "2021-01"));
        assert_eq!(range("04/2019 - heute"), r("2019-04", "now"));
        assert_eq!(range("janvier 2020 – aujourd'hui"), r("2020-01", "now"));
        assert_eq!(
            range("März 2016 bis Dezember 2018"),
            r("2016-03", "2018-12")
        );
        assert_eq!(range("Since 2019"), r("2019", "now"));
        assert_eq!(range("Globex, Summer 2015"), r("2015-06", "2015-08"));
        assert_eq!(range("2019"), r("2019", "2019"));
        // A bracketed date is when a story was written, and a sentence is no header.
        assert!(find_range("My Story (Q4 2017)").is_none());
        assert!(find_range("We grew revenue. Since 2019").is_none());
    }

    #[cfg(feature = "pdf")]
    #[test]
    fn page_numbers_leave_a_pdf_text() {
        let t = "- Built ranking models.\nPage 1 of 2\n- Ran Spark.\n2 / 2\n- 3 -\nPage two\n";
        assert_eq!(
            without_page_numbers(t),
            "- Built ranking models.\n- Ran Spark.\nPage two\n"
        );
    }

    #[test]
    fn bullets_of_a_role_whose_dates_are_unreadable_are_kept() {
        let text = "Jane Doe\n\nEXPERIENCE\n\nBackend Engineer\nAcme Corp\nSince the spring\n\
                    - Built Python services on PostgreSQL.\n\nIntern\nGloboex\n2012 - 2013\n\
                    - Wrote Java tests.\n";
        let imported = import_text("t.txt", text).unwrap();
        let work = &imported.profile.work;
        assert_eq!(work.len(), 2, "{work:#?}");
        assert_eq!(work[0].position.as_deref(), Some("Backend Engineer"));
        assert_eq!(work[0].highlights, ["Built Python services on PostgreSQL."]);
        assert!(work[0].start_date.is_none());
        assert!(imported.notes.iter().any(|n| n.contains("no dates")));
        // Emphasis around dates, a document title above the name, a range that is
        // no phone number, and a page footer are read as such.
        let text = "CURRICULUM VITAE\n\nJane Doe\n2019 - 2021\n\nEXPERIENCE\n\
                    **Engineer**, Acme\n_Jan 2021 – Present_\n- Ran Go services.\n";
        let p = import_text("t.md", text).unwrap().profile;
        assert_eq!(p.basics.name.as_deref(), Some("Jane Doe"));
        assert_eq!(p.basics.phone, None);
        let start = p
            .work
            .last()
            .and_then(|w| w.start_date)
            .map(|d| d.date.to_string());
        assert_eq!(start.as_deref(), Some("2021-01"));
    }

    #[test]
    fn an_undated_role_between_dated_roles_is_a_role_of_its_own() {
        let text = "Jane Doe\n\n## Experience\n\nInitech — Senior Engineer\n2019 - 2021\n\
                    - Built billing APIs in Go.\n\nFreelance Consultant\n\
                    - Wrote Python tools for clients.\n- Ran Terraform workshops.\n\n\
                    Globex — Developer\n2015 - 2018\n- Wrote Java services.\n";
        let i = import_text("cv.md", text).unwrap();
        let w = &i.profile.work;
        assert_eq!(w.len(), 3, "{w:#?}");
        assert_eq!(w[0].highlights, ["Built billing APIs in Go."]);
        assert_eq!(w[1].position.as_deref(), Some("Freelance Consultant"));
        assert!(w[1].start_date.is_none() && w[1].end_date.is_none());
        assert_eq!(
            w[1].highlights,
            [
                "Wrote Python tools for clients.",
                "Ran Terraform workshops."
            ]
        );
        assert_eq!(w[2].name.as_deref(), Some("Globex"));
        assert!(i.notes.iter().any(|n| n.contains("Freelance Consultant")));
        // A sub-heading over a role's bullets stays with the role.
        let text = "## Experience\n\nInitech — Senior Engineer\n2019 - 2021\n\
                    - Built billing APIs in Go.\n\nKey achievements\n- Halved latency.\n";
        let w = import_text("cv.md", text).unwrap().profile.work;
        assert_eq!(w.len(), 1, "{w:#?}");
    }

    /// (employer, position, start, end, highlights) of each imported role.
    type RoleRow = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Vec<String>,
    );

    fn role_rows(text: &str) -> Vec<RoleRow> {
        import_text("cv.txt", text)
            .unwrap()
            .profile
            .work
            .into_iter()
            .map(|w| {
                (
                    w.name,
                    w.position,
                    w.start_date.map(|d| d.date.to_string()),
                    w.end_date.map(|d| d.date.to_string()),
                    w.highlights,
                )
            })
            .collect()
    }

    fn row(e: Option<&str>, p: Option<&str>, s: &str, end: Option<&str>, h: &[&str]) -> RoleRow {
        (
            e.map(str::to_owned),
            p.map(str::to_owned),
            Some(s.to_owned()),
            end.map(str::to_owned),
            h.iter().map(|x| (*x).to_owned()).collect(),
        )
    }

    #[test]
    fn a_bare_employer_line_opens_the_next_role() {
        // The employer on a line of its own, set apart by blank lines, above a line
        // with the title and the dates.
        let text = "Sam Rivera\n\nEXPERIENCE\n\nInitech, Staff Engineer, Jan 2021 – present\n\
                    • Led the storage team.\n\nAcme Corp\n\nSenior Engineer, Mar 2018 – Dec 2020\n\
                    • Built billing APIs in Go.\n";
        assert_eq!(
            role_rows(text),
            [
                row(
                    Some("Initech"),
                    Some("Staff Engineer"),
                    "2021-01",
                    None,
                    &["Led the storage team."]
                ),
                row(
                    Some("Acme Corp"),
                    Some("Senior Engineer"),
                    "2018-03",
                    Some("2020-12"),
                    &["Built billing APIs in Go."]
                ),
            ]
        );
        // With no blank lines, the last bullet of a role is no part of the next one's
        // header.
        let text = "Sam Rivera\n\nEXPERIENCE\n\nInitech\nStaff Engineer, Jan 2021 – present\n\
                    - Led the storage team\nAcme Corp\nSenior Engineer, Mar 2018 – Dec 2020\n\
                    - Built billing APIs in Go\n";
        assert_eq!(
            role_rows(text),
            [
                row(
                    Some("Initech"),
                    Some("Staff Engineer"),
                    "2021-01",
                    None,
                    &["Led the storage team"]
                ),
                row(
                    Some("Acme Corp"),
                    Some("Senior Engineer"),
                    "2018-03",
                    Some("2020-12"),
                    &["Built billing APIs in Go"]
                ),
            ]
        );
        // A short last line of a role's prose is no employer of the next.
        let text = "EXPERIENCE\n\nInitech — Staff Engineer\nJan 2021 – present\n\
                    I lead the storage team and its on-call rota.\nGo, Kafka, Kubernetes\n\n\
                    Senior Engineer, Mar 2018 – Dec 2020\n• Built billing APIs in Go.\n";
        let rows = role_rows(text);
        assert_eq!(rows[1].0, None, "{rows:#?}");
    }

    #[test]
    fn a_square_heading_under_a_square_heading_is_no_bullet() {
        // "■ Current Role" then "■ Lead Engineer at Hooli": the second names the role.
        let lines =
            clean_lines("■ Current Role\n■ Lead Engineer at Hooli\n\nI build Go services.\n");
        assert!(!lines[0].bullet && !lines[1].bullet, "{lines:#?}");
        assert_eq!(lines[1].text, "Lead Engineer at Hooli");
        // Bullets under a heading stay bullets, a role's header line above them too.
        let lines = clean_lines("■ Experience\n■ Built Kubernetes tooling\n■ Ran Go services.\n");
        assert!(
            !lines[0].bullet && lines[1].bullet && lines[2].bullet,
            "{lines:#?}"
        );
        // Without dates, the line still heads the role.
        let text = "■ Current Role\n■ Lead Engineer at Hooli\n\nI build Go services.\n\n\
                    ■ Education\n\nBSc Physics, University of Leeds, 2010\n";
        let w = import_text("cv.txt", text).unwrap().profile.work;
        assert_eq!(w.len(), 1, "{w:#?}");
        assert_eq!(
            (w[0].name.as_deref(), w[0].position.as_deref()),
            (Some("Hooli"), Some("Lead Engineer"))
        );
        assert_eq!(w[0].highlights, ["I build Go services."]);
        let text = "Sam Rivera\n\n■ Summary\n\nBack-end engineer.\n\n■ Current Role\n\
                    ■ Lead Engineer at Hooli\n\nJan 2021 to present\n\n\
                    I build Go services for the data team.\n\n■ Previous Roles\n\
                    ■ Engineer, Globex\n2015 - 2020\n\nI wrote Java services.\n";
        assert_eq!(
            role_rows(text),
            [
                row(
                    Some("Hooli"),
                    Some("Lead Engineer"),
                    "2021-01",
                    None,
                    &["I build Go services for the data team."]
                ),
                row(
                    Some("Globex"),
                    Some("Engineer"),
                    "2015",
                    Some("2020"),
                    &["I wrote Java services."]
                ),
            ]
        );
    }

    #[test]
    fn sections_are_named_by_whole_words_and_bare_headings_as_a_whole() {
        // Inside a longer word a section's name is no section's.
        for h in [
            "Pinterest",
            "Upskilling",
            "Biotechnology",
            "Toolstation",
            "Haystack",
        ] {
            assert_eq!(classify_section(h), None, "{h}");
        }
        assert_eq!(classify_section("Technical Skills"), Some(Section::Skills));
        assert_eq!(classify_section("Work History"), Some(Section::Experience));
        assert_eq!(classify_section("Sprachkenntnisse"), Some(Section::Skills));
        assert_eq!(
            classify_section("Experience and technologies"),
            Some(Section::Summary)
        );
        // A line marked as a heading by nothing but its words must name a section as a
        // whole: an employer or a line of a role that merely holds the word is none.
        for line in [
            "Globex Technologies",
            "Taught soft skills",
            "ACME TOOLS LTD",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
        for line in [
            "Skills",
            "Technical Skills",
            "WORK EXPERIENCE",
            "Tools & Technologies",
        ] {
            assert!(heading(line).is_some(), "{line}");
        }
        let text = "Sam Rivera\n\nExperience\n\nGlobex Technologies\nSenior Engineer\n2019 - 2021\n\
                    - Built billing APIs in Go.\n\nPinterest\nDeveloper\n2016 - 2019\n\
                    - Wrote Python services.\n\nRoundabout Labs, Engineer\n2014 - 2016\n\
                    Taught soft skills\n- Ran Kafka.\n\nSkills\nGo, Python\n";
        let p = import_text("cv.txt", text).unwrap().profile;
        let names: Vec<Option<&str>> = p.work.iter().map(|w| w.name.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("Globex Technologies"),
                Some("Pinterest"),
                Some("Roundabout Labs")
            ],
            "{:#?}",
            p.work
        );
        assert_eq!(p.work[2].summary.as_deref(), Some("Taught soft skills"));
        assert_eq!(p.work[2].highlights, ["Ran Kafka."]);
        let skills: Vec<&Vec<String>> = p.skills.iter().map(|g| &g.keywords).collect();
        assert_eq!(skills, [&vec!["Go".to_owned(), "Python".to_owned()]]);
    }

    #[test]
    fn a_kind_of_employment_over_a_title_is_the_employer() {
        let text = "## Experience\n\nFreelance\nContract Engineer\n2018 - 2020\n\
                    - Built Django sites for clients.\n\nIndependent\nSenior Consultant\n2015 - 2018\n\
                    - Ran Terraform workshops.\n\nInitech\nFreelance Developer\n2013 - 2015\n\
                    - Wrote Python.\n";
        let w = import_text("cv.md", text).unwrap().profile.work;
        let got: Vec<(Option<&str>, Option<&str>)> = w
            .iter()
            .map(|w| (w.name.as_deref(), w.position.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Freelance"), Some("Contract Engineer")),
                (Some("Independent"), Some("Senior Consultant")),
                (Some("Initech"), Some("Freelance Developer")),
            ]
        );
    }

    #[test]
    fn a_kind_of_employment_and_a_title_on_one_line_are_split() {
        // "Freelance, Contract Engineer" is employer and title, as "Initech, Senior
        // Developer" is; both parts hold a job word, so the job words cannot tell them.
        let text = "## Experience\n\nFreelance, Contract Engineer\n2018 - 2020\n\
                    - Built Django sites for clients.\n\nSelf-employed, Senior Consultant\n2016 - 2018\n\
                    - Ran Terraform workshops.\n\nInitech, Senior Developer\n2013 - 2016\n\
                    - Wrote Python.\n\nStaff Engineer, Principal Engineer\n2010 - 2013\n\
                    - Led the platform group.\n";
        let w = import_text("cv.md", text).unwrap().profile.work;
        let got: Vec<(Option<&str>, Option<&str>)> = w
            .iter()
            .map(|w| (w.name.as_deref(), w.position.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Freelance"), Some("Contract Engineer")),
                (Some("Self-employed"), Some("Senior Consultant")),
                (Some("Initech"), Some("Senior Developer")),
                // Two titles and no kind of employment: one title, as before.
                (None, Some("Staff Engineer, Principal Engineer")),
            ]
        );
    }

    #[test]
    fn a_title_under_the_employer_and_dates_is_the_position() {
        let text = "## Experience\n\nAcme Analytics, Austin, TX      Jan 2020 – Present\n\
                    Senior Data Engineer\n  • Rebuilt the nightly jobs.\n\n\
                    Globex      2017 – 2019\nSoftware engineer\nWrote the billing service in Go. It runs daily.\n\n\
                    Initech      2015 – 2017\nLed a team of five engineers\nWe shipped the app.\n";
        let w = import_text("cv.txt", text).unwrap().profile.work;
        let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = w
            .iter()
            .map(|w| {
                (
                    w.name.as_deref(),
                    w.position.as_deref(),
                    w.highlights.first().map(String::as_str),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Acme Analytics"),
                    Some("Senior Data Engineer"),
                    Some("Rebuilt the nightly jobs.")
                ),
                (
                    Some("Globex"),
                    Some("Software engineer"),
                    Some("Wrote the billing service in Go. It runs daily.")
                ),
                // What someone did is no title.
                (
                    Some("Initech"),
                    None,
                    Some("Led a team of five engineers We shipped the app.")
                ),
            ],
            "{w:#?}"
        );
        assert!(w.iter().all(|w| w.summary.is_none()), "{w:#?}");
    }

    #[test]
    fn a_line_that_ends_a_sentence_ends_a_bullet() {
        // Unmarked achievements, one a line, wrapped: a line ending in a stop and a
        // next line opening with a capital start a new bullet; a line that ends mid-
        // sentence goes on. A sentence pointing back stays with the one before it.
        let text = "## Experience\n\nGlobex\nEngineer\n2019 - 2021\n\
                    Led the migration of 400 services to Kubernetes with no\n\
                    customer-facing downtime.\n\
                    Cut paging volume by 60% by rewriting alert rules.\n\
                    This halved the on-call load.\n\
                    Wrote the runbooks for\n\
                    Kafka and Redis.\n";
        let w = import_text("cv.txt", text).unwrap().profile.work;
        assert_eq!(
            w[0].highlights,
            [
                "Led the migration of 400 services to Kubernetes with no customer-facing downtime.",
                "Cut paging volume by 60% by rewriting alert rules. This halved the on-call load.",
                "Wrote the runbooks for Kafka and Redis.",
            ],
            "{w:#?}"
        );
    }

    #[test]
    fn a_sidebar_first_export_ends_its_lists_at_the_name() {
        let text = "Contact\n+1 555 010 7788 (Mobile)\njo@example.test\n\
                    www.linkedin.com/in/jo-example (LinkedIn)\ngithub.com/jo-example\n\n\
                    Top Skills\nRust\nKafka\n\n\
                    Certifications\nCertified Kubernetes Administrator\n\n\
                    Jo Example\nPlatform Engineer at Globex\nGreater Boston Area\n\n\
                    Summary\nI run clusters.\n\n\
                    Experience\n\nGlobex\nPlatform Engineer\n2020 - 2024\n- Ran Kafka.\n";
        let p = import_text("in.txt", text).unwrap().profile;
        assert_eq!(p.basics.name.as_deref(), Some("Jo Example"));
        assert_eq!(
            p.basics.label.as_deref(),
            Some("Platform Engineer at Globex")
        );
        assert_eq!(
            p.basics.location.as_ref().and_then(|l| l.city.as_deref()),
            Some("Greater Boston Area")
        );
        assert_eq!(p.basics.phone.as_deref(), Some("+1 555 010 7788"));
        let links: Vec<(Option<&str>, Option<&str>)> = p
            .basics
            .profiles
            .iter()
            .map(|s| (s.network.as_deref(), s.url.as_deref()))
            .collect();
        assert_eq!(
            links,
            [
                (Some("LinkedIn"), Some("www.linkedin.com/in/jo-example")),
                (Some("GitHub"), Some("github.com/jo-example")),
            ]
        );
        let skills: Vec<&str> = p
            .skills
            .iter()
            .flat_map(|g| &g.keywords)
            .map(String::as_str)
            .collect();
        assert_eq!(skills, ["Rust", "Kafka"]);
        // Contact details are no summary; a list the importer has no place for is
        // still kept there.
        assert_eq!(
            p.basics.summary.as_deref(),
            Some("Certified Kubernetes Administrator\n\nI run clusters.")
        );
        assert_eq!(p.work.len(), 1);
        // A résumé that opens with its skills has no sidebar to end.
        let text = "SKILLS\nPython\n\nCloud Platforms\nAWS Solutions Architect\n\n\
                    EXPERIENCE\nGlobex\nEngineer\n2020 - 2024\n- Ran Kafka.\n";
        let p = import_text("cv.txt", text).unwrap().profile;
        assert_eq!(p.basics.name, None);
    }

    #[test]
    fn a_state_code_is_no_degree() {
        let text = "## Education\n\nBoston University, Boston, MA 02215\n\
                    BSc Computer Science, 2008 - 2012\n\n\
                    Millsaps College, Jackson, MS, USA\nBA History, 2004\n";
        let e = import_text("cv.md", text).unwrap().profile.education;
        let got: Vec<Option<&str>> = e.iter().map(|e| e.study_type.as_deref()).collect();
        assert_eq!(got, [Some("BSc"), Some("BA")], "{e:#?}");
        assert!(degree_in(&Regex::new(r"\b(MA|BSc)\b").unwrap(), "BSc, MA in History").is_some());
        let ma = Regex::new(r"\bMA\b").unwrap();
        assert!(degree_in(&ma, "Oxford, MA, 2015").is_some());
        assert!(degree_in(&ma, "Boston, MA").is_none());
    }

    #[test]
    fn education_fields_after_a_comma_or_an_abbreviation() {
        // An Indian degree and its field after a comma, dates right-aligned; LinkedIn's
        // "Bachelor of Science - BS, Computer Science"; one year is the award's; a
        // grade after a comma is no field.
        let text = "## Education\n\n\
                    B.Tech, Electronics and Communication                 2013 – 2017\n\
                    National Institute of Technology, Calicut\n\n\
                    Oregon State University\n\
                    Bachelor of Science - BS, Computer Science · (2012 - 2016)\n\n\
                    **MSc Computer Engineering**, Instituto Superior Técnico, 2016\n\n\
                    BSc, First Class Honours, University of Leeds, 2010\n";
        let got = education_rows(text);
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            got,
            [
                (
                    s("National Institute of Technology"),
                    s("B.Tech"),
                    s("Electronics and Communication"),
                    s("2013"),
                    s("2017")
                ),
                (
                    s("Oregon State University"),
                    s("Bachelor of Science"),
                    s("Computer Science"),
                    s("2012"),
                    s("2016")
                ),
                (
                    s("Instituto Superior Técnico"),
                    s("MSc"),
                    s("Computer Engineering"),
                    None,
                    s("2016")
                ),
                (s("University of Leeds"), s("BSc"), None, None, s("2010")),
            ]
        );
    }

    /// An imported Markdown résumé's education as (institution, degree, field, start,
    /// end).
    type EducationRow = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    fn education_rows(text: &str) -> Vec<EducationRow> {
        import_text("cv.md", text)
            .unwrap()
            .profile
            .education
            .iter()
            .map(|e| {
                (
                    e.institution.clone(),
                    e.study_type.clone(),
                    e.area.clone(),
                    e.start_date.map(|d| d.date.to_string()),
                    e.end_date.map(|d| d.date.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn education_keeps_institution_degree_field_and_dates() {
        let text = "## Education\n\nBSc Computer Science, MIT, 2008 - 2012\n\n\
                    MSc Data Science, University of Bath\n(2016 – 2017)\n\n\
                    Example Polytechnic\nMaster of Arts in History, 2013\n\n\
                    High School Diploma, Lincoln High\n";
        let got = education_rows(text);
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            got,
            [
                (
                    s("MIT"),
                    s("BSc"),
                    s("Computer Science"),
                    s("2008"),
                    s("2012")
                ),
                (
                    s("University of Bath"),
                    s("MSc"),
                    s("Data Science"),
                    s("2016"),
                    s("2017")
                ),
                // One year is when the degree was awarded, not when it began.
                (
                    s("Example Polytechnic"),
                    s("Master of Arts"),
                    s("History"),
                    None,
                    s("2013")
                ),
                (
                    s("Lincoln High"),
                    s("High School Diploma"),
                    None,
                    None,
                    None
                ),
            ]
        );
    }

    #[test]
    fn square_bullets_are_one_highlight_each_and_square_headings_stay_headings() {
        let text = "Jane Doe\n\n■ Summary\n\nBack-end engineer who likes Go.\n\n\
                    ■ Current Role\n\nInitech — Senior Engineer\n2019 - 2021\n\
                    ■ Built billing APIs in Go.\n■ Ran PostgreSQL on Kubernetes\n\
                    ■ Mentored two juniors.\n\n■ Previous Roles\n\nGlobex — Developer\n2015 - 2018\n\
                    ■ Wrote Java services and the release tooling for them.\n\n\
                    ■ Education\n\nBSc Computer Science, University of Leeds, 2014\n";
        let p = import_text("cv.txt", text).unwrap().profile;
        assert_eq!(p.work.len(), 2, "{:#?}", p.work);
        assert_eq!(
            p.work[0].highlights,
            [
                "Built billing APIs in Go.",
                "Ran PostgreSQL on Kubernetes",
                "Mentored two juniors."
            ]
        );
        assert_eq!(
            p.work[1].highlights,
            ["Wrote Java services and the release tooling for them."]
        );
        assert_eq!(
            p.basics.summary.as_deref(),
            Some("Back-end engineer who likes Go.")
        );
        assert_eq!(p.education.len(), 1, "{:#?}", p.education);
        // The first of a run of "■" lines is a bullet unless it names a section.
        let lines = clean_lines("■ Built Kubernetes tooling\n■ Ran Go services.\n");
        assert!(lines.iter().all(|l| l.bullet), "{lines:#?}");
        let lines = clean_lines("■ Experience\n■ Ran Go services.\n");
        assert!(!lines[0].bullet && lines[1].bullet, "{lines:#?}");
    }

    #[test]
    fn linkedin_durations_are_no_part_of_employer_or_title() {
        let text = "## Experience\n\nInitech\n1 yr 6 mos\nSenior Engineer (2 yrs 3 mos)\n\
                    Jan 2019 - Mar 2021 · 2 yrs 3 mos\n- Built billing APIs in Go.\n\n\
                    Globex · 6 mos\nDeveloper, 1 yr\n2017 - 2018\n- Wrote Java services.\n\n\
                    Hooli · Full-time\nSRE (Contract)\n2015 - 2016\n- Ran Kafka.\n";
        let w = import_text("cv.md", text).unwrap().profile.work;
        let got: Vec<(Option<&str>, Option<&str>)> = w
            .iter()
            .map(|w| (w.name.as_deref(), w.position.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Initech"), Some("Senior Engineer")),
                (Some("Globex"), Some("Developer")),
                (Some("Hooli"), Some("SRE"))
            ]
        );
        // A kind of employment that is part of a title stays.
        assert_eq!(
            without_durations("Contract Engineer, 2 yrs"),
            "Contract Engineer |"
        );
        // "years" inside a title is left alone.
        assert_eq!(
            without_durations("Teacher of 10 year olds"),
            "Teacher of 10 year olds"
        );
    }

    #[test]
    fn career_breaks_are_no_roles() {
        let text = "## Experience\n\nInitech — Senior Engineer\n2019 - 2021\n\
                    - Built billing APIs in Go.\n\nCareer break\n2018 - 2019\n\
                    - Travelled and studied.\n\nParental leave, Jan 2017 - Dec 2017\n\n\
                    Sabbatical — travel\n- Sailed round Britain.\n\n\
                    Globex — Developer\n2015 - 2016\n- Wrote Java services.\n\n\
                    Sabbatical Labs — Engineer\n2013 - 2014\n- Wrote Python.\n";
        let i = import_text("cv.md", text).unwrap();
        let names: Vec<Option<&str>> = i.profile.work.iter().map(|w| w.name.as_deref()).collect();
        assert_eq!(
            names,
            [Some("Initech"), Some("Globex"), Some("Sabbatical Labs")],
            "{:#?}",
            i.profile.work
        );
        assert_eq!(i.profile.work[0].highlights, ["Built billing APIs in Go."]);
        assert_eq!(
            i.notes.iter().filter(|n| n.contains("is a break")).count(),
            3,
            "{:?}",
            i.notes
        );
    }

    #[test]
    fn a_story_that_opens_with_my_name_is_names_the_person() {
        let text = "About me\n\nMy name is Jane Q Doe. I have written software for fifteen years.\n\n\
                    In 2014 I joined Initech as a developer, building billing services in Go.\n";
        let p = import_text("story.txt", text).unwrap().profile;
        assert_eq!(p.basics.name.as_deref(), Some("Jane Q Doe"));
        assert!(
            p.basics
                .summary
                .as_deref()
                .is_some_and(|s| s.contains("My name is Jane Q Doe.")),
            "{:?}",
            p.basics.summary
        );
        // Only as the story's opening: a name said later, or lower-case words, is none.
        let text = "I have written software for years. My name is Jane Doe.\n\n\
                    In 2014 I joined Initech as a developer.\n";
        assert_eq!(
            import_text("s.txt", text).unwrap().profile.basics.name,
            None
        );
        let text = "Hi, my name is not important. In 2014 I joined Initech as a developer.\n";
        assert_eq!(
            import_text("s.txt", text).unwrap().profile.basics.name,
            None
        );
        let text =
            "Hi, my name is Jane Doe and I build APIs. In 2014 I joined Initech as a developer.\n";
        assert_eq!(
            import_text("s.txt", text)
                .unwrap()
                .profile
                .basics
                .name
                .as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn the_date_a_resume_was_written_comes_from_its_title_block() {
        let written = |t: &str| written_date(&clean_lines(t)).map(|(d, _)| d.to_string());
        assert_eq!(
            written("My Story\n\nMy Story (Q4 2017)\n\nI have been..."),
            Some("2017-12".into())
        );
        assert_eq!(
            written("Jane Doe\nLast updated: March 2020\n"),
            Some("2020-03".into())
        );
        // A role's range, a date deep in the text or in a long sentence is no such date.
        assert_eq!(written("Jane Doe\nAcme (2017 - 2019)\n"), None);
        assert_eq!(
            written(
                "Jane Doe\nI joined Acme in 2019 and have been building (2020) things there.\n"
            ),
            None
        );
        assert_eq!(written("A\nB\nC\nD\nE (March 2020)\n"), None);
        // A year alone in brackets is a degree's or a project's.
        assert_eq!(written("Jane Doe\nBSc Computer Science (2012)\n"), None);
        assert_eq!(written("Jane Doe\nUpdated 2012\n"), Some("2012".into()));
    }

    #[test]
    fn sentences_do_not_split_inside_names_or_abbreviations() {
        let s = sentences(
            "I worked at made.com and Able.ag on APIs, e.g. billing. Then I moved on! 5 years later, done.",
        );
        assert_eq!(
            s,
            [
                "I worked at made.com and Able.ag on APIs, e.g. billing.",
                "Then I moved on!",
                "5 years later, done."
            ]
        );
    }

    #[test]
    fn structured_resume_with_headings_roles_and_bullets() {
        let text = "Jane Q Doe\njane@example.test\n\n## Summary\nBack-end engineer who likes Python.\n\n## Experience\n\n**Initech** — Senior Engineer\nMar 2019 – Present\n- Built billing APIs in Go.\n- Ran PostgreSQL on Kubernetes.\n\nGlobex\nDeveloper\n2015 - 2019\n* Wrote Python services.\n\n## Skills\nLanguages: Python, Go, SQL\n\n## Education\nUniversity of Somewhere. BSc in Computer Science, 2011–2014.\n";
        let i = import_text("cv.md", text).unwrap();
        let p = &i.profile;
        assert_eq!(p.basics.name.as_deref(), Some("Jane Q Doe"));
        assert_eq!(p.basics.email.as_deref(), Some("jane@example.test"));
        assert_eq!(p.work.len(), 2, "{:#?}", p.work);
        assert_eq!(p.work[0].name.as_deref(), Some("Initech"));
        assert_eq!(p.work[0].position.as_deref(), Some("Senior Engineer"));
        assert_eq!(p.work[0].start_date.unwrap().date.to_string(), "2019-03");
        assert!(p.work[0].end_date.is_none());
        assert_eq!(
            p.work[0].highlights,
            ["Built billing APIs in Go.", "Ran PostgreSQL on Kubernetes."]
        );
        assert_eq!(p.work[1].name.as_deref(), Some("Globex"));
        assert_eq!(p.work[1].position.as_deref(), Some("Developer"));
        assert_eq!(p.skills[0].keywords, ["Python", "Go", "SQL"]);
        assert_eq!(p.education[0].area.as_deref(), Some("Computer Science"));
        assert_eq!(
            p.education[0].institution.as_deref(),
            Some("University of Somewhere")
        );
    }

    #[test]
    fn backwards_date_ranges_are_turned_round_with_a_note() {
        // A fuzzing find: "2017–2000" on a degree line made a profile that failed its
        // own validation.
        let text = "## Experience\n\nInitech\n2019 - 2015\n- Wrote Python.\n\n## Education\n\nUniversity of Example, MSc in Software Engineering, 2017–2000\n";
        let i = import_text("cv.md", text).unwrap();
        let e = &i.profile.education[0];
        assert_eq!(e.start_date.unwrap().date.to_string(), "2000");
        assert_eq!(e.end_date.unwrap().date.to_string(), "2017");
        let w = &i.profile.work[0];
        assert_eq!(w.start_date.unwrap().date.to_string(), "2015");
        assert_eq!(
            i.notes.iter().filter(|n| n.contains("taken as")).count(),
            2,
            "{:?}",
            i.notes
        );
        i.profile.validate(None).unwrap();
    }

    #[test]
    fn skills_tables_give_years_levels_or_groups() {
        let text = "# Sam Lee\n\n## Experience\n\nBackend Engineer, Initech\nJan 2019 – Present\n- Built APIs in Go.\n\n## Skills\n\n| Skill | Years | Level |\n|---|---:|---|\n| **Go** | 5+ | Expert |\n| Kubernetes | 3 | - |\n\n| Area | Tools |\n|---|---|\n| Cloud | AWS (EMR, S3), GCP |\n| Data | Kafka; dbt |\n";
        let i = import_text("cv.md", text).unwrap();
        type Row<'a> = (Option<&'a str>, Option<&'a str>, Option<f32>, Vec<&'a str>);
        let got: Vec<Row> = i
            .profile
            .skills
            .iter()
            .map(|s| {
                (
                    s.name.as_deref(),
                    s.level.as_deref(),
                    s.years,
                    s.keywords.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("Go"), Some("Expert"), Some(5.0), vec![]),
                (Some("Kubernetes"), None, Some(3.0), vec![]),
                (Some("Cloud"), None, None, vec!["AWS (EMR, S3)", "GCP"]),
                (Some("Data"), None, None, vec!["Kafka", "dbt"]),
            ]
        );
    }

    #[test]
    fn a_story_that_gives_years_dates_its_roles() {
        let text = "About me\n\nI started my career in 2014 at Initech as a junior Java developer, building billing services.\n\nIn 2017 I joined Globex as a backend engineer, where I moved our monolith to Kubernetes.\n\nSince 2021 I have been a staff engineer at Umbrella Corp, running Kafka.\n";
        let i = import_text("story.txt", text).unwrap();
        let w = &i.profile.work;
        type Row<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            Option<String>,
            Option<String>,
        );
        let got: Vec<Row> = w
            .iter()
            .map(|w| {
                (
                    w.name.as_deref(),
                    w.position.as_deref(),
                    w.start_date.map(|d| d.date.to_string()),
                    w.end_date.map(|d| d.date.to_string()),
                )
            })
            .collect();
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            got,
            [
                (
                    Some("Initech"),
                    Some("junior Java developer"),
                    s("2014"),
                    s("2017")
                ),
                (
                    Some("Globex"),
                    Some("backend engineer"),
                    s("2017"),
                    s("2021")
                ),
                (
                    Some("Umbrella Corp"),
                    Some("staff engineer"),
                    s("2021"),
                    None
                ),
            ]
        );
        // "moved our monolith to Kubernetes" names no place.
        assert!(w.iter().all(|w| w.location.is_none()), "{w:#?}");
        // An open year followed by an undated role: no dates rather than "to this day".
        let text = "Story\n\nIn 2014 I joined Initech as a developer.\n\nLater I joined Globex as an engineer.\n";
        let i = import_text("story.txt", text).unwrap();
        assert_eq!(i.profile.work.len(), 2);
        assert!(i.profile.work.iter().all(|w| w.start_date.is_none()));
    }

    #[test]
    fn a_story_that_moves_to_another_employer_starts_a_role() {
        let text = "About me\n\nI started my career at Initech as a junior developer, writing billing code in Java.\n\n\
                    In 2019 I moved to Globex, where I built their Kubernetes platform. I also ran its on-call rota.\n\n\
                    In 2021 I went to Hooli to lead the data team. We moved to Kafka as the backbone.\n";
        let w = import_text("story.txt", text).unwrap().profile.work;
        type Row<'a> = (Option<&'a str>, Option<String>, Option<String>, usize);
        let got: Vec<Row> = w
            .iter()
            .map(|w| {
                (
                    w.name.as_deref(),
                    w.start_date.map(|d| d.date.to_string()),
                    w.end_date.map(|d| d.date.to_string()),
                    w.highlights.len(),
                )
            })
            .collect();
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            got,
            [
                (Some("Initech"), None, None, 1),
                (Some("Globex"), s("2019"), s("2021"), 2),
                (Some("Hooli"), s("2021"), None, 2),
            ],
            "{w:#?}"
        );
        // A move to a place is no new employer.
        let text = "About me\n\nI started my career at Initech as a developer in Ohio.\n\n\
                    Later I went to Berlin on holiday and loved it.\n";
        let w = import_text("story.txt", text).unwrap().profile.work;
        assert_eq!(w.len(), 1, "{w:#?}");
    }

    #[test]
    fn a_story_keeps_its_paragraphs_apart_in_the_summary() {
        // A paragraph that ends without a stop ("… django, eventlet, paste") would
        // otherwise run into the next one's first sentence.
        let text = "About me\n\nI have contributed to many projects - flask, celery, requests\n\n\
                    I enjoy queues and schedulers. I have tuned a few of each.\n\n\
                    In 2014 I joined Initech as a developer, building billing services in Go.\n";
        let p = import_text("story.txt", text).unwrap().profile;
        assert_eq!(
            p.basics.summary.as_deref(),
            Some(
                "I have contributed to many projects - flask, celery, requests\n\n\
                 I enjoy queues and schedulers. I have tuned a few of each."
            )
        );
    }

    #[test]
    fn a_team_or_product_named_after_an_earlier_employer_is_that_employer() {
        // "the Globex Cloud", "Initech's Payments team", "the Hooli Search team": a new
        // role at an employer the story has already named, not a new employer.
        let text = "About me\n\nIn 2012 I landed a support job at Globex in Ohio. I automated the ticket queue.\n\n\
                    In 2014 I got tapped to help build the Globex Cloud. I wrote its billing service.\n\n\
                    In 2016 I joined Initech as a developer, writing Go.\n\n\
                    In 2018 I joined Initech's Payments team as a staff engineer. I led the ledger rewrite.\n\n\
                    In 2020 I joined the Google Cloud team as a tech lead.\n";
        let i = import_text("story.txt", text).unwrap();
        let got: Vec<(Option<&str>, Option<&str>, Option<String>)> = i
            .profile
            .work
            .iter()
            .map(|w| {
                (
                    w.name.as_deref(),
                    w.position.as_deref(),
                    w.start_date.map(|d| d.date.to_string()),
                )
            })
            .collect();
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            got,
            [
                (Some("Globex"), Some("support"), s("2012")),
                (Some("Globex"), None, s("2014")),
                (Some("Initech"), Some("developer"), s("2016")),
                (Some("Initech"), Some("staff engineer"), s("2018")),
                // No earlier Google: the name is kept as the story gives it.
                (Some("Google Cloud"), Some("tech lead"), s("2020")),
            ],
            "{:#?}",
            i.profile.work
        );
        // The sentence naming the team stays verbatim, and a note says how it was read.
        assert_eq!(
            i.profile.work[1].highlights[0],
            "In 2014 I got tapped to help build the Globex Cloud."
        );
        assert!(
            i.notes
                .iter()
                .any(|n| n.contains("\"Globex Cloud\"") && n.contains("Globex")),
            "{:?}",
            i.notes
        );
    }

    #[test]
    fn a_story_keeps_life_outside_work_out_of_its_roles_bullets() {
        // Tailoring picks bullets from a role's highlights: a hobby or a taste is no
        // bullet. Sentences with work in them stay, even with family in them.
        let text = "About me\n\nI write software.\n\n\
                    After school I landed a support job at Initech in Ohio. I automated the ticket queue with Python. \
                    I tried Arch. I built a treehouse with my kids on weekends. \
                    It still stands.\n\n\
                    Later I joined Globex to build their Kubernetes platform. I tried a Mac, it's a fine laptop - but I miss Linux. \
                    I mentored two interns on the platform team; my mom came to their demo day. \
                    I like that Globex lets me work from home with the kids around.\n";
        let i = import_text("story.txt", text).unwrap();
        let p = &i.profile;
        let bullets: Vec<&[String]> = p.work.iter().map(|w| w.highlights.as_slice()).collect();
        assert_eq!(
            bullets,
            [
                &[
                    "After school I landed a support job at Initech in Ohio.".to_owned(),
                    "I automated the ticket queue with Python.".to_owned(),
                ][..],
                &[
                    "Later I joined Globex to build their Kubernetes platform.".to_owned(),
                    "I mentored two interns on the platform team; my mom came to their demo day."
                        .to_owned(),
                    "I like that Globex lets me work from home with the kids around.".to_owned(),
                ][..],
            ],
            "{:#?}",
            p.work
        );
        // Kept, in the story's order, in the summary; "It still stands." goes with the
        // sentence it points at.
        assert_eq!(
            p.basics.summary.as_deref(),
            Some(
                "I write software.\n\n\
                 I tried Arch. I built a treehouse with my kids on weekends. It still stands.\n\n\
                 I tried a Mac, it's a fine laptop - but I miss Linux."
            )
        );
        assert!(
            i.notes
                .iter()
                .any(|n| n.contains("4 sentences") && n.contains("summary")),
            "{:?}",
            i.notes
        );
    }

    #[test]
    fn narrative_attaches_sentences_to_roles() {
        let text = "About Me\n\nI have written software for a long time. I like Python.\n\nAfter school I landed a support job at Initech in Ohio. I automated my work with Python and Bash. They moved me to the tools team.\n\nLater I joined Globex to build their Kubernetes platform. It runs hundreds of services.\n";
        let i = import_text("story.txt", text).unwrap();
        let p = &i.profile;
        assert_eq!(p.work.len(), 2, "{:#?}", p.work);
        assert_eq!(p.work[0].name.as_deref(), Some("Initech"));
        assert_eq!(p.work[0].highlights.len(), 3);
        assert_eq!(p.work[1].name.as_deref(), Some("Globex"));
        assert!(
            p.basics
                .summary
                .as_deref()
                .unwrap()
                .contains("I like Python.")
        );
    }
}
