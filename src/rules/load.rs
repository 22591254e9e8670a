//! Reading rule packs (built-in and user directories), validating every rule with
//! `path:line:col` errors, and merging the layers: a user rule replaces the built-in
//! rule with the same id.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::schema::{Category, ContextInput, Pos, RuleInput};
use crate::error::{Diagnostic, Error, Result, yaml_diagnostic};

/// Where something in a rule file is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The rule file as shown to users (`rules/languages.yml`); shared by every
    /// position in the file.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// A string from a rule file with its position.
#[derive(Debug, Clone)]
pub struct Located {
    /// The value.
    pub value: String,
    /// Where it was written.
    pub origin: Origin,
}

/// Validated context guards of a rule.
#[derive(Debug, Clone, Default)]
pub struct ContextDef {
    /// Words or phrases, at least one of which must be near.
    pub any_near: Vec<String>,
    /// Categories of skills, one of which must be near.
    pub any_near_category: Vec<Category>,
    /// Words or phrases, one of which must be somewhere in the document.
    pub any_in_document: Vec<String>,
    /// Words or phrases none of which may be near.
    pub none_near: Vec<String>,
    /// Words on each side that count as near.
    pub window: u32,
}

impl ContextDef {
    /// True when the guard accepts only some matches (has a positive condition).
    #[must_use]
    pub fn has_positive(&self) -> bool {
        !self.any_near.is_empty()
            || !self.any_near_category.is_empty()
            || !self.any_in_document.is_empty()
    }
}

/// Default context window in words.
pub const DEFAULT_WINDOW: u32 = 8;

/// A rule that passed validation, before compilation.
#[derive(Debug, Clone)]
pub struct RuleDef {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Category.
    pub category: Category,
    /// Weight (category default when not set).
    pub weight: f32,
    /// Case-insensitive aliases, as written.
    pub aliases: Vec<Located>,
    /// Case-sensitive aliases, as written.
    pub exact: Vec<Located>,
    /// Regex patterns over folded text.
    pub patterns: Vec<Located>,
    /// Ids this rule implies.
    pub implies: Vec<Located>,
    /// Ids related to this rule.
    pub related: Vec<Located>,
    /// Context guards.
    pub context: Option<ContextDef>,
    /// Sentences that must match.
    pub examples_match: Vec<Located>,
    /// Sentences that must not match.
    pub examples_no_match: Vec<Located>,
    /// Free-text description.
    pub description: Option<String>,
    /// Where the rule's `id` is written.
    pub origin: Origin,
    /// The rule this one replaced, when a user pack overrides a built-in.
    pub overrides: Option<Origin>,
    /// Every alias and exact spelling folded once: (folded, exact spelling if
    /// case-sensitive).
    pub spellings: Vec<(String, Option<String>)>,
}

/// One rule file's text and the name to show for it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Display name (`rules/languages.yml`, `my-rules/extra.yml`).
    pub name: String,
    /// Its contents.
    pub text: String,
}

/// Lists the rule files (`*.yml`, `*.yaml`) under `dir`, recursively, sorted by path.
///
/// # Errors
/// When `dir` cannot be read or is not a directory.
pub fn files_in_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(dir).map_err(|e| {
        Error::from(
            Diagnostic::new(
                dir.display().to_string(),
                format!("cannot read rule directory: {e}"),
            )
            .help("pass an existing directory of *.yml rule files to --rules"),
        )
    })?;
    if !meta.is_dir() {
        // A single file is accepted too: `--rules my-rule.yml`.
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yml" | "yaml")
            ) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads the rule files of `dir` into sources.
///
/// # Errors
/// When the directory or a file cannot be read, or a file is not UTF-8.
pub fn read_dir_sources(dir: &Path) -> Result<Vec<SourceFile>> {
    let mut out = Vec::new();
    for path in files_in_dir(dir)? {
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let name = path.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::from(
                Diagnostic::new(
                    &name,
                    format!(
                        "rule file is not valid UTF-8 (bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                )
                .help("save the file as UTF-8"),
            )
        })?;
        out.push(SourceFile { name, text });
    }
    Ok(out)
}

/// Parses and validates one rule file. Collects every problem it can find instead of
/// stopping at the first one.
pub fn parse_file(src: &SourceFile, diags: &mut Vec<Diagnostic>) -> Vec<RuleDef> {
    let text = src.text.strip_prefix('\u{FEFF}').unwrap_or(&src.text);
    if text.trim().is_empty() {
        return Vec::new();
    }
    let raw = match super::schema::parse_yaml(text) {
        Ok(v) => v,
        Err(e) => {
            let mut d = yaml_diagnostic(&src.name, text, &e);
            if d.message.contains("expected sequence") {
                d = d.help("a rule file is a YAML list of rules: start each rule with `- id: ...`");
            }
            diags.push(d);
            return Vec::new();
        }
    };
    validate_all(raw, &src.name, Some(text), diags)
}

/// Validates parsed rules of one file.
pub fn validate_all(
    rules: Vec<RuleInput>,
    file: &str,
    text: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<RuleDef> {
    let file: Arc<str> = Arc::from(file);
    rules
        .into_iter()
        .filter_map(|r| validate(r, &file, text, diags))
        .collect()
}

fn located(s: Pos<String>, file: &Arc<str>) -> Located {
    Located {
        origin: origin_of(&s, file),
        value: s.v,
    }
}

fn located_all(v: Vec<Pos<String>>, file: &Arc<str>) -> Vec<Located> {
    v.into_iter().map(|s| located(s, file)).collect()
}

fn origin_of<T>(s: &Pos<T>, file: &Arc<str>) -> Origin {
    Origin {
        file: Arc::clone(file),
        line: s.l as usize,
        col: s.c as usize,
    }
}

fn diag_at(o: &Origin, text: Option<&str>, message: String, help: &str) -> Diagnostic {
    Diagnostic::new(&*o.file, message)
        .at(o.line, o.col, text)
        .help(help)
}

/// True for a valid rule id: starts with a lower-case letter or digit, then lower-case
/// letters, digits and `-+#.`.
#[must_use]
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-+#.".contains(c))
        && id.len() <= 64
}

fn validate(
    mut r: RuleInput,
    file: &Arc<str>,
    text: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Option<RuleDef> {
    let origin = origin_of(&r.id, file);
    let before = diags.len();
    let id = r.id.v.trim().to_owned();
    if !valid_id(&id) {
        diags.push(diag_at(
            &origin,
            text,
            format!("invalid rule id `{id}`"),
            "ids use lower-case letters, digits and `-`, `+`, `#`, `.` (for example `c-sharp`, `node.js`), at most 64 characters",
        ));
    }
    let name = r.name.v.trim().to_owned();
    if name.is_empty() {
        diags.push(diag_at(
            &origin_of(&r.name, file),
            text,
            "empty `name`".into(),
            "give the skill its canonical display name",
        ));
    }
    let weight = match &r.weight {
        Some(w) if !(w.v > 0.0 && w.v <= 10.0) => {
            diags.push(diag_at(
                &origin_of(w, file),
                text,
                format!("weight `{}` is out of range", w.v),
                "use a weight above 0 and at most 10 (3 for a core technology, 1 for a soft skill)",
            ));
            1.0
        }
        Some(w) => w.v,
        None => r.category.default_weight(),
    };
    let aliases: Vec<Located> = located_all(std::mem::take(&mut r.aliases), file);
    let exact: Vec<Located> = located_all(std::mem::take(&mut r.exact), file);
    let mut spellings = Vec::with_capacity(aliases.len() + exact.len());
    for (a, is_exact) in aliases
        .iter()
        .map(|a| (a, false))
        .chain(exact.iter().map(|a| (a, true)))
    {
        let folded = crate::text::Folded::new(&a.value);
        let f = folded.as_str().trim();
        if f.is_empty() {
            diags.push(diag_at(
                &a.origin,
                text,
                format!("alias `{}` is empty after folding", a.value),
                "write the alias with at least one letter or digit",
            ));
        } else if f.len() > 200 {
            diags.push(diag_at(
                &a.origin,
                text,
                "alias is longer than 200 bytes".into(),
                "aliases are names, not sentences; use a pattern for long forms",
            ));
        } else {
            spellings.push((f.to_owned(), is_exact.then(|| a.value.trim().to_owned())));
        }
    }
    let patterns: Vec<Located> = located_all(std::mem::take(&mut r.patterns), file);
    for p in &patterns {
        if let Err(e) = super::compile::build_pattern(&p.value) {
            diags.push(diag_at(
                &p.origin,
                text,
                format!("pattern `{}` does not compile: {}", p.value, one_line(&e)),
                "patterns are Rust `regex` syntax matched against lower-case text; escape `.`, `+`, `#` and keep them small",
            ));
        }
    }
    if aliases.is_empty() && exact.is_empty() && patterns.is_empty() {
        diags.push(diag_at(
            &origin,
            text,
            format!("rule `{id}` has no `aliases`, `exact` or `patterns`, so it can never match"),
            "add at least one alias (usually the lower-case name)",
        ));
    }
    let context = r
        .context
        .as_ref()
        .map(|c| context_def(c, file, text, diags));
    if r.examples_match.is_empty() {
        diags.push(diag_at(
            &origin,
            text,
            format!("rule `{id}` has no `examples: match:` sentence"),
            "add `examples: {match: [\"a sentence that mentions the skill\"]}`; the test suite runs it",
        ));
    }
    if context.as_ref().is_some_and(ContextDef::has_positive) || !exact.is_empty() {
        // Guarded rules exist because the name is ambiguous: they must show the trap too.
        if r.examples_no_match.is_empty() {
            diags.push(diag_at(
                &origin,
                text,
                format!(
                    "rule `{id}` is context-guarded or case-sensitive but has no `no_match` example"
                ),
                "add `no_match:` sentences that use the word in its other meaning",
            ));
        }
    }
    let implies = located_all(std::mem::take(&mut r.implies), file);
    let related = located_all(std::mem::take(&mut r.related), file);
    if diags.len() > before {
        return None;
    }
    Some(RuleDef {
        id,
        name,
        category: r.category,
        weight,
        aliases,
        exact,
        patterns,
        implies,
        related,
        context,
        examples_match: located_all(r.examples_match, file),
        examples_no_match: located_all(r.examples_no_match, file),
        description: r.description.map(|d| d.trim().to_owned()),
        origin,
        overrides: None,
        spellings,
    })
}

fn one_line(e: &regex::Error) -> String {
    let s = e.to_string();
    s.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("invalid regex")
        .trim()
        .trim_start_matches("error: ")
        .to_owned()
}

fn context_def(
    c: &ContextInput,
    file: &Arc<str>,
    text: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> ContextDef {
    let mut terms = |v: &[Pos<String>]| -> Vec<String> {
        v.iter()
            .filter_map(|s| {
                let f = crate::text::Folded::new(&s.v).as_str().trim().to_owned();
                if f.is_empty() {
                    diags.push(diag_at(
                        &origin_of(s, file),
                        text,
                        "empty context word".into(),
                        "remove it or write a word",
                    ));
                    None
                } else {
                    Some(f)
                }
            })
            .collect()
    };
    let any_near = terms(&c.any_near);
    let any_in_document = terms(&c.any_in_document);
    let none_near = terms(&c.none_near);
    let window = match &c.window {
        Some(w) if w.v == 0 || w.v > 100 => {
            diags.push(diag_at(
                &origin_of(w, file),
                text,
                format!("context window `{}` is out of range", w.v),
                "use a window between 1 and 100 words",
            ));
            DEFAULT_WINDOW
        }
        Some(w) => w.v,
        None => DEFAULT_WINDOW,
    };
    ContextDef {
        any_near,
        any_near_category: c.any_near_category.clone(),
        any_in_document,
        none_near,
        window,
    }
}

/// Merges validated layers: within one layer an id may appear once; a later layer's
/// rule replaces an earlier one with the same id. Then checks references (`implies`,
/// `related`) and alias collisions across the merged set.
///
/// # Errors
/// Every duplicate id, dangling reference and unguarded alias collision, at once.
pub fn merge_layers(layers: Vec<Vec<RuleDef>>, sources: &[SourceFile]) -> Result<Vec<RuleDef>> {
    let mut diags = Vec::new();
    let mut merged: Vec<RuleDef> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::default();
    for layer in layers {
        let mut seen: HashMap<String, Origin> = HashMap::default();
        for mut rule in layer {
            if let Some(first) = seen.get(&rule.id) {
                diags.push(
                    Diagnostic::new(
                        &*rule.origin.file,
                        format!("duplicate rule id `{}` (first defined at {first})", rule.id),
                    )
                    .at(
                        rule.origin.line,
                        rule.origin.col,
                        text_of(sources, &rule.origin.file),
                    )
                    .help("ids are unique within a pack: rename one rule or merge their aliases"),
                );
                continue;
            }
            seen.insert(rule.id.clone(), rule.origin.clone());
            if let Some(&i) = index.get(&rule.id) {
                rule.overrides = Some(merged[i].origin.clone());
                merged[i] = rule;
            } else {
                index.insert(rule.id.clone(), merged.len());
                merged.push(rule);
            }
        }
    }
    check_references(&merged, &index, sources, &mut diags);
    check_alias_collisions(&merged, sources, &mut diags);
    if diags.is_empty() {
        Ok(merged)
    } else {
        Err(Error::Diagnostics(diags))
    }
}

fn text_of<'a>(sources: &'a [SourceFile], file: &str) -> Option<&'a str> {
    sources
        .iter()
        .find(|s| s.name == file)
        .map(|s| s.text.as_str())
}

fn check_references(
    rules: &[RuleDef],
    index: &HashMap<String, usize>,
    sources: &[SourceFile],
    diags: &mut Vec<Diagnostic>,
) {
    for rule in rules {
        for (key, list) in [("implies", &rule.implies), ("related", &rule.related)] {
            for target in list {
                let msg = if target.value == rule.id {
                    Some(format!("rule `{}` {key} itself", rule.id))
                } else if !index.contains_key(&target.value) {
                    Some(format!(
                        "`{key}` names `{}`, which is not a rule id",
                        target.value
                    ))
                } else {
                    None
                };
                if let Some(msg) = msg {
                    let mut help = format!("use the id of an existing rule in `{key}`");
                    if let Some(s) = closest(&target.value, index.keys().map(String::as_str)) {
                        help = format!("did you mean `{s}`?");
                    }
                    diags.push(
                        Diagnostic::new(&*target.origin.file, msg)
                            .at(
                                target.origin.line,
                                target.origin.col,
                                text_of(sources, &target.origin.file),
                            )
                            .help(help),
                    );
                }
            }
        }
    }
}

fn check_alias_collisions(rules: &[RuleDef], sources: &[SourceFile], diags: &mut Vec<Diagnostic>) {
    // folded alias → (rule index, alias). A shared alias is fine when at most one of
    // its rules is unguarded: the guarded readings claim a match in their context and
    // the unguarded one, if any, takes it elsewhere. Two unguarded readings would make
    // every match ambiguous.
    let mut owners: HashMap<&str, Vec<(usize, &Located, bool)>> = HashMap::default();
    for (i, rule) in rules.iter().enumerate() {
        let written = rule.aliases.iter().chain(&rule.exact);
        for ((key, exact), a) in rule.spellings.iter().zip(written) {
            // Same rule as the extractor: a context guards the exact spellings, or all
            // spellings of a rule that has none. An exact spelling is also told apart
            // by its case.
            let guarded = exact.is_some() || (rule.context.is_some() && rule.exact.is_empty());
            let entry = owners.entry(key.as_str()).or_default();
            if !entry.iter().any(|(j, _, _)| *j == i) {
                entry.push((i, a, guarded));
            }
        }
    }
    let mut keys: Vec<_> = owners.iter().filter(|(_, v)| v.len() > 1).collect();
    keys.sort_by(|a, b| a.0.cmp(b.0));
    for (alias, owners) in keys {
        let unguarded = owners.iter().filter(|(_, _, g)| !*g).count();
        if unguarded <= 1 {
            continue;
        }
        let (_, first, _) = owners[0];
        for &(i, a, _) in &owners[1..] {
            diags.push(
                Diagnostic::new(
                    &*a.origin.file,
                    format!(
                        "alias `{alias}` of rule `{}` is also an alias of rule `{}` ({})",
                        rules[i].id, rules[owners[0].0].id, first.origin
                    ),
                )
                .at(a.origin.line, a.origin.col, text_of(sources, &a.origin.file))
                .help("an alias names one skill: remove it from one rule, or give the rules `context` guards that tell the meanings apart"),
            );
        }
    }
}

/// The candidate closest to `word` by Jaro-Winkler similarity, when close enough to be
/// a likely typo.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(s, _)| *s > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}
