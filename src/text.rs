//! Text normalisation for matching (case folding, NFKC, whitespace) and the maps from
//! normalised positions back to byte offsets, lines and columns of the text as given.
//!
//! Matching runs over a folded copy of a document so that one automaton of lower-case
//! aliases finds `PostgreSQL`, `postgresql` and `Ｐｏｓｔｇｒｅｓ` alike, and so that a
//! multi-word alias such as `machine learning` survives a line break. Every position a
//! finding reports is mapped back to the original bytes, so spans always slice the input
//! exactly as the user gave it.

use unicode_normalization::char::decompose_compatible;

/// A document folded for matching, with the map back to the original byte offsets.
///
/// The folded text is lower-case, NFKC-normalised, has every whitespace character as
/// one ASCII space (byte for byte, so a line break between two words of an alias still
/// matches, while ASCII text keeps its offsets), maps typographic dashes and quotes to
/// ASCII, and turns any other non-alphanumeric symbol (bullets, arrows, emoji) into a
/// space. As a result the only
/// non-ASCII bytes left are letters and digits, which keeps the token-boundary test a
/// byte test.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    text: String,
    /// Points where the folded → original offset relation changes: from folded offset
    /// `.0` on, folded offset `x` maps to original offset `.1 + (x - .0)`. Sorted by `.0`.
    /// Empty for plain ASCII text with single spaces, which is the common case.
    breaks: Vec<(u32, u32)>,
    original_len: usize,
}

impl Folded {
    /// Folds `src`. Linear time; allocates one buffer the size of the input.
    #[must_use]
    pub fn new(src: &str) -> Self {
        let bytes = src.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
        let mut breaks: Vec<(u32, u32)> = Vec::new();
        // Invariant: outside of recorded breaks, out.len() - delta == i.
        let mut delta: isize = 0;
        let mut i = 0;
        let n = bytes.len();
        while i < n {
            // Fast path: ASCII folds byte for byte (lower case; whitespace and control
            // characters become a space), so offsets do not move and no break is needed.
            let run_end = i + ascii_prefix_len(&bytes[i..]);
            if run_end > i {
                out.extend(bytes[i..run_end].iter().map(|&b| fold_ascii(b)));
                i = run_end;
                continue;
            }
            // `i` is on a char boundary: we only ever advance by whole chars.
            let c = src[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            let start_out = out.len();
            fold_char(c, &mut out);
            let produced = out.len() - start_out;
            // A replacement of the same length is one too when its bytes differ: '℀'
            // folds to "a/c", three bytes for three, and a match may start at its "c"
            // ("c#").
            let replaced =
                produced > 1 && (produced != len || out[start_out..] != bytes[i..i + len]);
            if replaced {
                // Positions inside a replacement all map to the start of the original
                // char, so that no mapped offset ever falls inside a UTF-8 sequence.
                for k in 1..produced {
                    push_break(&mut breaks, start_out + k, i);
                }
            }
            i += len;
            let now = out.len() as isize - i as isize;
            if now != delta || replaced {
                push_break(&mut breaks, out.len(), i);
                delta = now;
            }
        }
        // Only ASCII bytes and whole UTF-8 sequences were pushed.
        let text = String::from_utf8(out).unwrap_or_default();
        Self {
            text,
            breaks,
            original_len: bytes.len(),
        }
    }

    /// The folded text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The folded text as bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// Maps a folded offset to the original offset of the character it came from.
    #[must_use]
    pub fn original(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.original_len;
        }
        if self.breaks.is_empty() {
            return pos;
        }
        let idx = self.breaks.partition_point(|&(f, _)| f as usize <= pos);
        if idx == 0 {
            pos
        } else {
            let (f, o) = self.breaks[idx - 1];
            (o as usize + (pos - f as usize)).min(self.original_len)
        }
    }

    /// Maps a folded span to the original span. The end maps to the start of the next
    /// original character, so a span never swallows the whitespace that followed it.
    #[must_use]
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.original(start);
        let e = self.original(end).max(s);
        (s, e)
    }

    /// True when the folded span corresponds byte for byte to the original (no folding
    /// other than ASCII case happened inside it).
    #[must_use]
    pub fn is_identity(&self, start: usize, end: usize) -> bool {
        let (s, e) = self.original_span(start, end);
        e - s == end - start && self.original(start) + (end - start) == e
    }
}

/// Folds one ASCII byte: upper case to lower case, whitespace and control characters to
/// a space. Branch-free so that runs of ASCII are folded with vector instructions.
#[inline]
fn fold_ascii(b: u8) -> u8 {
    let upper = u8::from(b.wrapping_sub(b'A') < 26);
    let blank = u8::from(b <= b' ' || b == 0x7f);
    // blank → ' ', else b with the case bit set for upper-case letters.
    (b | upper << 5) * (1 - blank) + b' ' * blank
}

/// Length of the leading run of ASCII bytes, eight bytes at a time.
#[inline]
fn ascii_prefix_len(b: &[u8]) -> usize {
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

fn push_break(breaks: &mut Vec<(u32, u32)>, folded: usize, original: usize) {
    let (f, o) = (clamp_u32(folded), clamp_u32(original));
    if let Some(last) = breaks.last_mut()
        && last.0 == f
    {
        last.1 = o;
        return;
    }
    breaks.push((f, o));
}

fn clamp_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Appends the folded form of one non-ASCII char.
fn fold_char(c: char, out: &mut Vec<u8>) {
    match c {
        // Invisible characters that PDFs and web pages sprinkle inside words.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            out.push(b'-');
        }
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => {
            out.push(b'\'');
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => out.push(b'"'),
        c if c.is_whitespace() => {
            if out.last() != Some(&b' ') {
                out.push(b' ');
            }
        }
        c => {
            let mut buf = [0u8; 4];
            decompose_compatible(c, |d| {
                if d.is_ascii() {
                    if d.is_ascii_whitespace() {
                        if out.last() != Some(&b' ') {
                            out.push(b' ');
                        }
                    } else {
                        out.push((d as u8).to_ascii_lowercase());
                    }
                } else if d.is_alphanumeric() {
                    for l in d.to_lowercase() {
                        out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                    }
                } else if is_combining_mark(d) {
                    // Accents decomposed by NFKD are dropped: "résumé" folds to "resume",
                    // which is what a skill dictionary written in ASCII expects.
                } else if out.last() != Some(&b' ') {
                    out.push(b' ');
                }
            });
        }
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// True for bytes that continue a word in folded text: ASCII letters, digits, `_`, and
/// any byte of a non-ASCII letter or digit (the only non-ASCII bytes folding leaves).
#[inline]
#[must_use]
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Bytes of the word (`is_word_byte` run) that `b` starts with; 0 when it starts with
/// none.
#[must_use]
pub fn word_len(b: &[u8]) -> usize {
    b.iter().take_while(|&&c| is_word_byte(c)).count()
}

/// Nouns that name a job. Shared by the résumé importer (a header line with one is a
/// position, not an employer) and the posting analyser (a short line with one is a job
/// title); each adds words of its own.
pub const JOB_NOUNS: &[&str] = &[
    "engineer",
    "developer",
    "programmer",
    "architect",
    "manager",
    "lead",
    "director",
    "consultant",
    "analyst",
    "administrator",
    "admin",
    "designer",
    "scientist",
    "intern",
    "head",
    "officer",
    "cto",
    "specialist",
    "tester",
    "sre",
    "owner",
];

/// True when `word` (any case) is one of `JOB_NOUNS` or of a caller's own `extra`
/// words (lower-case).
#[must_use]
pub fn names_job(word: &str, extra: &[&str]) -> bool {
    // The nouns are ASCII, so comparing without allocating a lower-cased copy is exact.
    JOB_NOUNS
        .iter()
        .chain(extra)
        .any(|n| n.eq_ignore_ascii_case(word))
}

/// The first byte offset of `needle` in `hay`, as `str::find` gives it, for the short
/// fixed words a header part, line or sentence is tested for: `str::find` sets up a
/// two-way searcher on every call, which cost more than the scan of a line for the
/// needle's first byte. (A match of whole UTF-8 needle starts on a char boundary.)
#[must_use]
pub fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    memchr::memchr_iter(first, h).find(|&i| h[i + 1..].starts_with(rest))
}

/// Whether `hay` holds `needle`: `str::contains` without its per-call setup (see
/// `find_short`).
#[must_use]
pub fn holds(hay: &str, needle: &str) -> bool {
    find_short(hay, needle).is_some()
}

/// Line starts of a text, for turning byte offsets into 1-based line and column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// For non-ASCII text: (byte offset, characters before it) every `MARK_STEP` bytes,
    /// so a column costs at most two short counts, however long its line. Empty for
    /// ASCII text, where a column is a byte difference. Without these marks, columns
    /// of many matches on one huge line cost quadratic time.
    marks: Vec<(usize, usize)>,
}

/// Bytes between two character-count marks.
const MARK_STEP: usize = 4096;

impl LineIndex {
    /// Indexes the line starts of `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut marks = Vec::new();
        if !text.is_ascii() {
            marks.push((0, 0));
            let (mut at, mut chars) = (0, 0);
            while at + MARK_STEP < text.len() {
                let next = ceil_char_boundary(text, at + MARK_STEP);
                chars += text[at..next].chars().count();
                marks.push((next, chars));
                at = next;
            }
        }
        Self { starts, marks }
    }

    /// Characters before byte offset `pos` (a char boundary) of `text`.
    fn char_index(&self, text: &str, pos: usize) -> usize {
        if self.marks.is_empty() {
            return pos;
        }
        let i = self
            .marks
            .partition_point(|&(b, _)| b <= pos)
            .saturating_sub(1);
        let (b, chars) = self.marks[i];
        chars + text.get(b..pos).map_or(0, |s| s.chars().count())
    }

    /// Characters between byte offsets `start` and `pos` (char boundaries) of `text`.
    fn char_index_from(&self, text: &str, start: usize, pos: usize) -> usize {
        if self.marks.is_empty() {
            return pos - start;
        }
        text.get(start..pos).map_or(0, |s| s.chars().count())
    }

    /// 1-based line and 1-based column (in characters) of byte offset `pos` in `text`,
    /// which must be the text this index was built from.
    #[must_use]
    pub fn line_col(&self, text: &str, pos: usize) -> (usize, usize) {
        let pos = floor_char_boundary(text, pos);
        let line = self.starts.partition_point(|&s| s <= pos);
        let start = self.starts[line.saturating_sub(1)];
        // On a line shorter than the marks' step, counting its own characters reads
        // less than counting from two marks (the same number either way).
        let col = if pos - start <= MARK_STEP || self.marks.is_empty() {
            self.char_index_from(text, start, pos)
        } else {
            self.char_index(text, pos) - self.char_index(text, start)
        };
        (line, col + 1)
    }

    /// Byte range of the 1-based line `line` (without its newline).
    #[must_use]
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let idx = line.saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[idx];
        let end = self
            .starts
            .get(idx + 1)
            .map_or(text.len(), |&next| next - 1);
        (start, end.max(start))
    }

    /// Byte offset of 1-based `line` and 0-based byte column `col` in `text` (clamped to
    /// the line and to a character boundary): the inverse of parsers' byte positions.
    #[must_use]
    pub fn offset_of(&self, text: &str, line: usize, col: usize) -> usize {
        let (start, end) = self.line_range(text, line);
        floor_char_boundary(text, (start + col).min(end))
    }

    /// Number of lines.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Never true: every text has at least one (possibly empty) line.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// Returns the smallest char boundary of `s` that is `>= pos`.
pub fn ceil_char_boundary(s: &str, pos: usize) -> usize {
    let mut p = pos.min(s.len());
    while !s.is_char_boundary(p) {
        p += 1;
    }
    p
}

/// The lines of `text` with their line breaks, as `str::split_inclusive('\n')` gives
/// them, each break found with `memchr` (vectorised; the standard library's char
/// search costs more per short line).
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

/// Returns the largest char boundary of `s` that is `<= pos`.
#[must_use]
pub fn floor_char_boundary(s: &str, pos: usize) -> usize {
    let mut p = pos.min(s.len());
    while !s.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// A short one-line excerpt of `s[start..end]` with up to `radius` bytes of context,
/// whitespace collapsed, for evidence displays.
#[must_use]
pub fn excerpt(s: &str, start: usize, end: usize, radius: usize) -> String {
    let a = floor_char_boundary(s, start.saturating_sub(radius));
    let b = floor_char_boundary(s, end.saturating_add(radius).min(s.len()));
    let mut out = String::new();
    if a > 0 {
        out.push('…');
    }
    let mut last_space = false;
    for c in s[a..b].chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if b < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        Folded::new(s).as_str().to_owned()
    }

    #[test]
    fn folds_case_whitespace_and_compat_forms() {
        assert_eq!(fold("Machine\nLearning"), "machine learning");
        assert_eq!(fold("A\tB\r\nc"), "a b  c");
        assert_eq!(fold("Ｐｙｔｈｏｎ"), "python");
        assert_eq!(fold("ﬁle systems"), "file systems");
        assert_eq!(fold("e\u{2011}commerce"), "e-commerce");
        assert_eq!(fold("• Go"), "  go");
        assert_eq!(fold("a\u{00A0}b"), "a b");
        assert_eq!(fold("Résumé"), "resume");
        assert_eq!(fold("py\u{00AD}thon"), "python");
    }

    #[test]
    fn a_same_length_replacement_maps_inside_to_its_start() {
        // A fuzzing find: '℀' (3 bytes) folds to "a/c" (3 bytes), and "c#" matched
        // from its last byte mapped into the middle of the original character.
        let src = "x \u{2100}# and C#";
        let f = Folded::new(src);
        let t = f.as_str();
        assert_eq!(t, "x a/c# and c#");
        for pos in 0..=t.len() {
            assert!(src.is_char_boundary(f.original(pos)), "{pos}");
        }
        let q = t.rfind("c#").unwrap();
        let (s, e) = f.original_span(q, q + 2);
        assert_eq!(&src[s..e], "C#");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let src = "Use  Ｐｙｔｈｏｎ\n\nand\u{00A0}SQL";
        let f = Folded::new(src);
        let t = f.as_str();
        let p = t.find("python").unwrap();
        let (s, e) = f.original_span(p, p + 6);
        assert_eq!(&src[s..e], "Ｐｙｔｈｏｎ");
        let q = t.find("sql").unwrap();
        let (s, e) = f.original_span(q, q + 3);
        assert_eq!(&src[s..e], "SQL");
        let a = t.find("and").unwrap();
        let (s, e) = f.original_span(a, a + 3);
        assert_eq!(&src[s..e], "and");
    }

    #[test]
    fn ligature_inner_positions_stay_on_char_boundaries() {
        let src = "ﬁx";
        let f = Folded::new(src);
        for p in 0..=f.as_str().len() {
            assert!(src.is_char_boundary(f.original(p)));
        }
    }

    #[test]
    fn line_index_reports_char_columns() {
        let src = "ab\nçd Python\n";
        let idx = LineIndex::new(src);
        let p = src.find("Python").unwrap();
        assert_eq!(idx.line_col(src, p), (2, 4));
        assert_eq!(idx.line_col(src, 0), (1, 1));
        assert_eq!(idx.line_range(src, 2), (3, 13));
    }

    #[test]
    fn columns_inside_a_letter_on_a_long_non_ascii_line_are_the_letters() {
        // 3-byte letters across many index marks; offsets inside a letter, and past the
        // end, count as the letter they fall in (or the end).
        let src = "€".repeat(10_000);
        let idx = LineIndex::new(&src);
        for k in [0, 1, 1365, 1366, 4096, 9_999] {
            let at = k * 3;
            assert_eq!(idx.line_col(&src, at), (1, k + 1));
            assert_eq!(idx.line_col(&src, at + 1), (1, k + 1));
            assert_eq!(idx.line_col(&src, at + 2), (1, k + 1));
        }
        assert_eq!(idx.line_col(&src, src.len() + 7), (1, 10_001));
    }

    #[test]
    fn columns_on_long_non_ascii_lines_match_a_plain_count() {
        let src = format!("é\n{}", "aé€😀 ".repeat(5000));
        let idx = LineIndex::new(&src);
        for pos in (0..src.len()).step_by(997).chain([src.len()]) {
            let pos = floor_char_boundary(&src, pos);
            let start = src[..pos].rfind('\n').map_or(0, |i| i + 1);
            let line = src[..pos].matches('\n').count() + 1;
            assert_eq!(
                idx.line_col(&src, pos),
                (line, src[start..pos].chars().count() + 1),
                "at {pos}"
            );
        }
    }

    #[test]
    fn lines_inclusive_splits_as_split_inclusive() {
        for src in ["", "\n", "a", "a\n", "a\nb", "a\r\n\nb\n", "\n\nx", "é\nü"] {
            let ours: Vec<&str> = lines_inclusive(src).collect();
            let std: Vec<&str> = src.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{src:?}");
        }
    }
}
