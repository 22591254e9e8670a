//! Error types shared by every stage: positioned diagnostics (file:line:col, an excerpt
//! with a caret, and what to do), the crate's `Error` enum, serde messages rewritten
//! for users, and containment of third-party parsers' panics.

use std::fmt;
use std::path::Path;

use crate::text::LineIndex;

/// One problem in one input, pointing at where it is and saying how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (or `<stdin>`, `<built-in>/x.yml`, `jobs.ndjson:12`) the problem is in.
    pub origin: String,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// Lower-case sentence saying what is wrong, with the bad value in backticks.
    pub message: String,
    /// The offending source line, shown under the message with a caret.
    pub source_line: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic without position.
    pub fn new(origin: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            origin: origin.into(),
            position: None,
            message: message.into(),
            source_line: None,
            help: None,
        }
    }

    /// Sets the 1-based position and, given the source text, the excerpt line.
    #[must_use]
    pub fn at(mut self, line: usize, col: usize, source: Option<&str>) -> Self {
        if line > 0 {
            self.position = Some((line, col.max(1)));
            if let Some(src) = source {
                self.source_line =
                    source_line(src, line).map(|l| l.trim_end_matches('\r').to_owned());
            }
        }
        self
    }

    /// Adds the hint saying what to do.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A text by address and length, with its line index once asked for.
type IndexedText = (usize, usize, Option<crate::text::LineIndex>);

thread_local! {
    /// Texts being checked by `with_line_index`, by address and length, each with its
    /// line index once a diagnostic has asked for a line.
    static INDEXED: std::cell::RefCell<Vec<IndexedText>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` with the line starts of `texts` kept for the diagnostics it makes, so a file
/// with an error on each of thousands of rules finds each error's line in a table
/// instead of searching from the top (15,000 such rules: 10.6 s → 0.3 s). While `f`
/// runs the texts are borrowed, so a text at the same address with the same length is
/// one of them.
pub fn with_line_index<R>(texts: &[&str], f: impl FnOnce() -> R) -> R {
    struct Restore(Vec<IndexedText>);
    impl Drop for Restore {
        fn drop(&mut self) {
            INDEXED.with_borrow_mut(|v| std::mem::swap(v, &mut self.0));
        }
    }
    let keys = texts
        .iter()
        .map(|t| (t.as_ptr() as usize, t.len(), None))
        .collect();
    let _restore = Restore(INDEXED.with_borrow_mut(|v| std::mem::replace(v, keys)));
    f()
}

/// 1-based line `line` of `src`, if it has that line (as `str::lines` counts them: none
/// after a final newline): from the kept index when `src` is one of `with_line_index`'s
/// texts, else by reading from the top.
fn source_line(src: &str, line: usize) -> Option<&str> {
    let key = (src.as_ptr() as usize, src.len());
    let indexed = INDEXED.with_borrow_mut(|v| {
        let (.., index) = v.iter_mut().find(|(p, l, _)| (*p, *l) == key)?;
        let index = index.get_or_insert_with(|| crate::text::LineIndex::new(src));
        Some((line <= index.len()).then(|| index.line_range(src, line)))
    });
    match indexed {
        Some(range) => range
            .filter(|&(a, _)| a < src.len())
            .map(|(a, b)| &src[a..b]),
        None => src.lines().nth(line - 1),
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.origin, self.message)?,
            None => write!(f, "{}: {}", self.origin, self.message)?,
        }
        if let (Some(src), Some((line, col))) = (&self.source_line, self.position) {
            let gutter = line.to_string().len();
            // Keep very long lines readable: show a window around the column.
            let chars: Vec<char> = src.chars().collect();
            let (from, prefix) = if col > 60 { (col - 40, "…") } else { (0, "") };
            let to = (from + 100).min(chars.len());
            let shown: String = chars[from.min(chars.len())..to]
                .iter()
                .map(|&c| if c == '\t' { ' ' } else { c })
                .collect();
            let suffix = if to < chars.len() { "…" } else { "" };
            let caret_at = col.saturating_sub(1).saturating_sub(from) + prefix.chars().count();
            write!(
                f,
                "\n{:gutter$} |\n{line} | {prefix}{shown}{suffix}\n{:gutter$} | {}^",
                "",
                "",
                " ".repeat(caret_at)
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in jobfit's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One positioned problem in an input.
    #[error("{0}")]
    Diagnostic(Box<Diagnostic>),
    /// Several problems found in one pass (rule packs report all of them at once).
    #[error("{}", join_diagnostics(.0))]
    Diagnostics(Vec<Diagnostic>),
    /// A problem already put in words with its origin (a posting `rank --strict`
    /// could not read, as it would have been reported when skipped).
    #[error("{0}")]
    Reported(String),
    /// A file or stream could not be read or written.
    #[error("{path}: {}", io_words(source))]
    Io {
        /// What was being read or written.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

fn join_diagnostics(d: &[Diagnostic]) -> String {
    let mut s = String::new();
    for (i, x) in d.iter().enumerate() {
        if i > 0 {
            s.push_str("\n\n");
        }
        s.push_str(&x.to_string());
    }
    if d.len() > 1 {
        s.push_str(&format!("\n\n{} problems found", d.len()));
    }
    s
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Diagnostic(Box::new(d))
    }
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    /// A diagnostic without position.
    pub fn msg(origin: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic::new(origin, message).into()
    }

    /// True when this error is a closed pipe on output, which is not a failure.
    #[must_use]
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// An I/O error in words a user reads: the common kinds plainly, the rest without
/// the "(os error N)" suffix that means nothing to them.
#[must_use]
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::IsADirectory => "is a directory, not a file".to_owned(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error ") {
                Some(i) => s[..i].to_owned(),
                None => s,
            }
        }
    }
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Turns a serde-saphyr error into a positioned diagnostic for `origin`.
#[must_use]
pub fn yaml_diagnostic(origin: &str, source: &str, err: &serde_saphyr::Error) -> Diagnostic {
    let plain = err.without_snippet().to_string();
    let (line, col) = err
        .location()
        .map_or((0, 0), |l| (to_usize(l.line()), to_usize(l.column())));
    // serde-saphyr appends " at line L, column C" to plain messages; the position is
    // shown in front instead, the way compilers do.
    let suffix = format!(" at line {line}, column {col}");
    let mut message = plain
        .strip_suffix(&suffix)
        .unwrap_or(&plain)
        .trim()
        .to_owned();
    // "budget breached: Nodes { nodes: 250001 } at line 4, column 42 (defined at …)"
    if let Some(rest) = message.strip_prefix("budget breached: ") {
        let what = rest.split(" at line").next().unwrap_or(rest);
        message = format!("the YAML expands past the parser's safety limits ({what})");
    }
    // serde-saphyr's advice is for programmers ("set DuplicateKeyPolicy in Options",
    // "use from_str_multiple"); a user needs to hear what is wrong with the file.
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set ").next().unwrap_or(rest);
        message = format!("duplicate key `{key}`");
    } else if message.starts_with("multiple YAML documents") {
        message = "the file holds more than one YAML document (a `---` line)".into();
    } else if message.starts_with("recursion limit exceeded") {
        message = "nested too deeply (recursion limit exceeded)".into();
    }
    let message = plain_serde_message(message);
    // The scanner reports a tab where the token it was reading began (often the line
    // before) or just after it; the tab itself is what the user must find.
    let (line, col) = if is_tab_error(&message) {
        let idx = LineIndex::new(source);
        let from = idx.offset_of(source, line.max(1), 0);
        match memchr::memchr(b'\t', &source.as_bytes()[from..]) {
            Some(i) => idx.line_col(source, from + i),
            None => (line, col),
        }
    } else {
        (line, col)
    };
    let col = if message.starts_with("invalid type") {
        value_after_key(source, line, col)
    } else {
        col
    };
    let help = match yaml_key_at(source, line, col) {
        Some(key) => key_help(&key, &message).or_else(|| yaml_help(&message)),
        None => yaml_help(&message),
    };
    let mut d = Diagnostic::new(origin, lower_first(&message)).at(line, col, Some(source));
    if let Some(h) = help {
        d = d.help(h);
    }
    d
}

/// serde-saphyr reports some type errors (a boolean or a list where a date belongs) at
/// the key instead of its value. The value is what must change, so when `line:col` is
/// the start of `key: value` on one line, the column of the value.
fn value_after_key(source: &str, line: usize, col: usize) -> usize {
    let Some(text) = source.lines().nth(line.saturating_sub(1)) else {
        return col;
    };
    let mut rest = text.chars().skip(col.saturating_sub(1)).peekable();
    let mut moved = 0;
    while rest
        .peek()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
    {
        rest.next();
        moved += 1;
    }
    if moved == 0 || rest.next() != Some(':') {
        return col;
    }
    moved += 1;
    let mut gap = 0;
    while rest.peek().is_some_and(|c| *c == ' ') {
        rest.next();
        gap += 1;
    }
    match rest.peek() {
        Some(c) if gap > 0 && *c != '#' => col + moved + gap,
        _ => col,
    }
}

fn to_usize(v: u64) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

/// A serde error message (YAML or JSON) made for users: Rust type names become plain
/// words, and "; did you mean `name`?" is added when an unknown field or variant is a
/// likely typo of an expected one (in the message, not the help, so callers' own help
/// does not hide it).
#[must_use]
pub fn plain_serde_message(mut message: String) -> String {
    for (rust, plain) in [
        ("expected f32", "expected a number"),
        ("expected f64", "expected a number"),
        ("expected u32", "expected a whole number"),
        ("expected usize", "expected a whole number"),
    ] {
        if let Some(head) = message.strip_suffix(rust) {
            message = format!("{head}{plain}");
        }
    }
    if let Some(i) = message.find("expected struct ") {
        message = format!("{}expected a mapping of keys", &message[..i]);
    }
    match misspelt_name(&message) {
        Some((_, s)) => format!("{message}; did you mean `{s}`?"),
        None => message,
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" (or "unknown variant"),
/// the unknown name and the expected one it is most likely a typo of.
fn misspelt_name(message: &str) -> Option<(&str, &str)> {
    let lower = message.get(..16)?.to_ascii_lowercase();
    let rest = if lower.starts_with("unknown field ") {
        &message["unknown field ".len()..]
    } else if lower.starts_with("unknown variant ") {
        &message["unknown variant ".len()..]
    } else {
        return None;
    };
    let (word, expected) = rest.split_once(", expected ")?;
    let word = word.trim_matches('`');
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    let candidates = expected
        .split(", ")
        .flat_map(|s| s.split(" or "))
        .map(|s| s.trim().trim_matches('`'));
    crate::rules::closest(word, candidates).map(|c| (word, c))
}

/// True when a YAML error is about a tab character (not merely a word containing
/// "tab", such as "database" in a list of expected values).
fn is_tab_error(message: &str) -> bool {
    message
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("tab") || w.eq_ignore_ascii_case("tabs"))
}

/// The key of the `key: value` pair whose value is at `line:col` (1-based), when the
/// error points past a key on that line: "aliases" for `  aliases: foo` at the `f`.
#[must_use]
pub fn yaml_key_at(source: &str, line: usize, col: usize) -> Option<String> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let body = text.trim_start();
    let body = body.strip_prefix("- ").unwrap_or(body).trim_start();
    let colon = body.find(": ")?;
    let key = body[..colon].trim_matches(|c| c == '"' || c == '\'');
    let key_col = text.len() - body.len() + 1;
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && col > key_col + colon;
    ok.then(|| key.to_owned())
}

/// Help for a value of the wrong shape, naming the key it belongs to.
fn key_help(key: &str, message: &str) -> Option<String> {
    let m = message.to_ascii_lowercase();
    if m.contains("expected sequence") {
        Some(format!(
            "`{key}` takes a list: `{key}: [a, b]`, or one `- item` per line below it"
        ))
    } else if m.contains("expected mapping") {
        Some(format!(
            "`{key}` takes a mapping: `key: value` pairs indented below it"
        ))
    } else if m.contains("floating point") || m.contains("invalid u") || m.contains("invalid digit")
    {
        Some(format!("`{key}` takes a number, such as `{key}: 2`"))
    } else if m.contains("invalid type") || m.contains("invalid value") {
        Some(format!(
            "check the value of `{key}` against the documented format"
        ))
    } else {
        None
    }
}

fn yaml_help(message: &str) -> Option<String> {
    let m = message.to_ascii_lowercase();
    if m.contains("unknown field") {
        Some("remove the key or fix its spelling; the expected keys are listed above".into())
    } else if m.contains("duplicate key") {
        Some("each key may appear once in a mapping: remove or merge the repeated key".into())
    } else if m.contains("more than one yaml document") {
        Some("keep one document per file: remove the `---` line, or split the file in two".into())
    } else if m.contains("nested too deeply") {
        Some("flatten the structure: no real file nests this deep".into())
    } else if m.contains("unknown variant") {
        Some("use one of the listed values, spelled as shown (lower case)".into())
    } else if is_tab_error(&m) {
        Some("YAML indentation must use spaces, not tabs".into())
    } else if m.contains("budget") || m.contains("alias") && m.contains("limit") {
        Some("the document expands too much (alias bomb or huge nesting); simplify it".into())
    } else if m.contains("missing field") {
        Some("add the missing key".into())
    } else if m.contains("invalid") || m.contains("expected") {
        Some("check the value's type against the documented format".into())
    } else {
        Some("fix the YAML at this position".into())
    }
}

/// Byte offset in `text` that a serde_json error should point at. serde_json places a
/// wrong type or an unknown field on the last character of the value or key that
/// caused it (the closing quote of `"one"`, the last digit of `42`); the user's eye
/// wants its first. Syntax errors keep serde_json's position: that is where the
/// parser stopped. `None` when the error has no position.
#[must_use]
pub fn json_error_offset(text: &str, e: &serde_json::Error) -> Option<usize> {
    json_offset_in(text, &LineIndex::new(text), e)
}

/// `json_error_offset` with the text's line index already built.
fn json_offset_in(text: &str, idx: &LineIndex, e: &serde_json::Error) -> Option<usize> {
    if e.line() == 0 {
        return None;
    }
    // serde_json counts columns in bytes, from 1.
    let at = idx.offset_of(text, e.line(), e.column().saturating_sub(1));
    if e.classify() != serde_json::error::Category::Data {
        return Some(at);
    }
    let b = text.as_bytes();
    let token = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+');
    match b.get(at) {
        Some(b'"') => {
            // Back to the opening quote: the previous quote not escaped by an odd
            // number of backslashes.
            let mut i = at;
            while i > 0 {
                i -= 1;
                if b[i] == b'"' {
                    let slashes = b[..i].iter().rev().take_while(|&&c| c == b'\\').count();
                    if slashes % 2 == 0 {
                        return Some(i);
                    }
                }
            }
            Some(at)
        }
        Some(&c) if token(c) => {
            let mut i = at;
            while i > 0 && token(b[i - 1]) {
                i -= 1;
            }
            Some(i)
        }
        _ => Some(at),
    }
}

/// 1-based line and column (in characters) for a serde_json error in `text`; see
/// `json_error_offset`. (0, 0) when the error has no position.
#[must_use]
pub fn json_line_col(text: &str, e: &serde_json::Error) -> (usize, usize) {
    let idx = LineIndex::new(text);
    json_offset_in(text, &idx, e).map_or((0, 0), |at| idx.line_col(text, at))
}

/// Lower-cases the first letter of an error message, ripgrep style.
#[must_use]
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_uppercase() && !c.clone().next().is_some_and(char::is_uppercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_owned(),
    }
}

thread_local! {
    /// How many `contain` calls this thread is inside.
    static CONTAINED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs `f`, turning a panic inside it into `None`: for third-party parsers (the PDF
/// reader, the HTML readability port) that panic on some malformed files, which must
/// become an error or a fallback, never a crash. The hook from `quiet_contained_panics`
/// keeps such a panic off stderr.
pub fn contain<T>(f: impl FnOnce() -> T) -> Option<T> {
    CONTAINED.with(|c| c.set(c.get() + 1));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(c.get() - 1));
    result.ok()
}

/// Installs a panic hook that says nothing about panics `contain` catches and reports
/// every other panic as before.
pub fn quiet_contained_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CONTAINED.with(std::cell::Cell::get) == 0 {
            previous(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_position_excerpt_caret_and_help() {
        let src = "- id: a\n  alias: [x]\n";
        let d = Diagnostic::new("rules/x.yml", "unknown key `alias`")
            .at(2, 3, Some(src))
            .help("did you mean `aliases`?");
        let s = d.to_string();
        assert_eq!(
            s,
            "rules/x.yml:2:3: unknown key `alias`\n  |\n2 |   alias: [x]\n  |   ^\n  = help: did you mean `aliases`?"
        );
    }

    #[test]
    fn json_type_errors_point_at_the_start_of_their_value_or_key() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            a: Option<Vec<String>>,
            b: Option<String>,
        }
        let at = |text: &str| {
            let e = serde_json::from_str::<T>(text).expect_err("an error");
            json_line_col(text, &e)
        };
        assert_eq!(at(r#"{"a": "one"}"#), (1, 7));
        assert_eq!(at(r#"{"a": "o\"ne"}"#), (1, 7));
        assert_eq!(at(r#"{"b": -12.5}"#), (1, 7));
        assert_eq!(at("{\"b\": \"é\",\n \"c\": 1}"), (2, 2));
        assert_eq!(at(r#"{"b": "é", "a": true}"#), (1, 17));
        // A syntax error stays where the parser stopped.
        assert_eq!(at(r#"{"b": "x",}"#), (1, 11));
    }

    #[test]
    fn type_errors_reported_at_a_key_point_at_its_value() {
        let src = "work:\n  - startDate: [2019]\n    endDate:   # open\n    x: ü\n";
        assert_eq!(value_after_key(src, 2, 5), 16);
        // No value on the line (a comment, or a block on the next lines): unchanged.
        assert_eq!(value_after_key(src, 3, 5), 5);
        // Not at a key, or past the end of the file: unchanged.
        assert_eq!(value_after_key(src, 2, 3), 3);
        assert_eq!(value_after_key(src, 9, 1), 1);
        assert_eq!(value_after_key(src, 4, 5), 8);
    }

    #[test]
    fn suggests_the_expected_name_an_unknown_one_is_a_typo_of() {
        assert_eq!(
            misspelt_name("unknown field `alias`, expected one of `id`, `name`, `aliases`"),
            Some(("alias", "aliases"))
        );
        assert_eq!(
            misspelt_name("unknown variant `alwyas`, expected one of auto, always, never"),
            Some(("alwyas", "always"))
        );
        assert_eq!(
            misspelt_name("unknown field `start_date`, expected `startDate` or `endDate`"),
            Some(("start_date", "startDate"))
        );
        assert_eq!(
            misspelt_name("unknown field `zzz`, expected `id` or `name`"),
            None
        );
        assert_eq!(misspelt_name("invalid type: string"), None);
    }
}
