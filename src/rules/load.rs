//! Reading rule packs (user directories, and the built-in YAML for `rules check`),
//! validating every rule with `path:line:col` errors, and merging the layers: a user
//! rule replaces the built-in rule with the same id. Every problem is reported at once.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap as HashMap;

use super::schema::{ContextInput, Pos, RuleInput};
use super::tables::{Origin, Rule, RuleSource, Str};
use crate::error::{Diagnostic, Error, Result, yaml_diagnostic};

/// A validated rule with the positions its cross-rule checks report.
#[derive(Debug, Clone)]
pub struct RuleDef {
    /// The rule.
    pub source: RuleSource,
    /// Where each `implies` entry is written.
    pub implies_at: Vec<Origin>,
    /// Where each `related` entry is written.
    pub related_at: Vec<Origin>,
    /// Where each spelling (aliases, then exact) is written.
    pub spellings_at: Vec<Origin>,
}

impl RuleDef {
    /// A compiled rule as a definition (positions are the rule's own).
    #[must_use]
    pub fn from_rule(rule: &Rule, rules: &[Rule]) -> Self {
        let source = RuleSource::from_rule(rule, rules);
        let at = |n: usize| vec![rule.origin.clone(); n];
        Self {
            implies_at: at(source.implies.len()),
            related_at: at(source.related.len()),
            spellings_at: at(rule.folded.len()),
            source,
        }
    }

    fn rule(&self) -> &Rule {
        &self.source.rule
    }
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
/// When `dir` cannot be read.
pub fn files_in_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(dir).map_err(|e| {
        Error::from(
            Diagnostic::new(
                dir.display().to_string(),
                format!("cannot read rule directory: {}", crate::error::io_words(&e)),
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
    if out.is_empty() {
        // Most likely the wrong directory: loading nothing from it would go unnoticed.
        return Err(Diagnostic::new(
            dir.display().to_string(),
            "no rule files (*.yml, *.yaml) in this directory",
        )
        .help("pass a directory that holds rule files, or a rule file itself")
        .into());
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
        // Same checks as any input: size limit, encodings, binary files.
        let (name, text) = crate::source::read_input(Some(&path))?;
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
            let at_key = d
                .position
                .is_some_and(|(l, c)| crate::error::yaml_key_at(text, l, c).is_some());
            if d.message.contains("expected sequence") && !at_key {
                d = d.help("a rule file is a YAML list of rules: start each rule with `- id: ...`");
            } else if d.message.contains("more than one YAML document") {
                d = d.help("one list of rules per file: remove the `---` line, or move the rules after it to a file of their own");
            }
            diags.push(d);
            return Vec::new();
        }
    };
    let file: Str = Cow::Owned(src.name.clone());
    crate::error::with_line_index(&[text], || {
        raw.into_iter()
            .filter_map(|r| validate(r, &file, Some(text), diags))
            .collect()
    })
}

fn origin_of<T>(s: &Pos<T>, file: &Str) -> Origin {
    Origin {
        file: file.clone(),
        line: s.l,
        col: s.c,
    }
}

fn diag_at(o: &Origin, text: Option<&str>, message: String, help: &str) -> Diagnostic {
    Diagnostic::new(&*o.file, message)
        .at(o.line as usize, o.col as usize, text)
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
    r: RuleInput,
    file: &Str,
    text: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Option<RuleDef> {
    let origin = origin_of(&r.id, file);
    let before = diags.len();
    let id = r.id.v.trim();
    if !valid_id(id) {
        diags.push(diag_at(
            &origin,
            text,
            format!("invalid rule id `{id}`"),
            "ids use lower-case letters, digits and `-`, `+`, `#`, `.` (for example `c-sharp`, `node.js`), at most 64 characters",
        ));
    }
    if r.name.v.trim().is_empty() {
        diags.push(diag_at(
            &origin_of(&r.name, file),
            text,
            "empty `name`".into(),
            "give the skill its canonical display name",
        ));
    }
    if let Some(w) = &r.weight
        && !(w.v > 0.0 && w.v <= 10.0)
    {
        diags.push(diag_at(
            &origin_of(w, file),
            text,
            format!("weight `{}` is out of range", w.v),
            "use a weight above 0 and at most 10 (3 for a core technology, 1 for a soft skill)",
        ));
    }
    for a in r.aliases.iter().chain(&r.exact) {
        let folded = crate::text::Folded::new(&a.v);
        let f = folded.as_str().trim();
        if f.is_empty() {
            diags.push(diag_at(
                &origin_of(a, file),
                text,
                format!("alias `{}` is empty after folding", a.v),
                "write the alias with at least one letter or digit",
            ));
        } else if !f.chars().any(char::is_alphanumeric) {
            // `---` or `++` would match rules, separators and diff lines, not a skill.
            diags.push(diag_at(
                &origin_of(a, file),
                text,
                format!("alias `{}` has no letter or digit", a.v),
                "an alias names a skill: write it with at least one letter or digit",
            ));
        } else if f.len() > 200 {
            diags.push(diag_at(
                &origin_of(a, file),
                text,
                "alias is longer than 200 bytes".into(),
                "aliases are names, not sentences; use a pattern for long forms",
            ));
        }
    }
    for p in &r.patterns {
        if let Err(e) = super::compile::build_pattern(&p.v) {
            diags.push(diag_at(
                &origin_of(p, file),
                text,
                format!("pattern `{}` does not compile: {}", shorten(&p.v, 80), one_line(&e)),
                "patterns are Rust `regex` syntax matched against lower-case text; escape `.`, `+`, `#` and keep them small",
            ));
        }
    }
    if r.aliases.is_empty() && r.exact.is_empty() && r.patterns.is_empty() {
        diags.push(diag_at(
            &origin,
            text,
            format!("rule `{id}` has no `aliases`, `exact` or `patterns`, so it can never match"),
            "add at least one alias (usually the lower-case name)",
        ));
    }
    let guarded = r
        .context
        .as_ref()
        .is_some_and(|c| check_context(c, file, text, diags));
    if r.examples_match.is_empty() {
        diags.push(diag_at(
            &origin,
            text,
            format!("rule `{id}` has no `examples: match:` sentence"),
            "add `examples: {match: [\"a sentence that mentions the skill\"]}`; the test suite runs it",
        ));
    }
    // Guarded rules exist because the name is ambiguous: they must show the trap too.
    if (guarded || !r.exact.is_empty()) && r.examples_no_match.is_empty() {
        diags.push(diag_at(
            &origin,
            text,
            format!(
                "rule `{id}` is context-guarded or case-sensitive but has no `no_match` example"
            ),
            "add `no_match:` sentences that use the word in its other meaning",
        ));
    }
    if diags.len() > before {
        return None;
    }
    let implies_at = r.implies.iter().map(|p| origin_of(p, file)).collect();
    let related_at = r.related.iter().map(|p| origin_of(p, file)).collect();
    let spellings_at = r
        .aliases
        .iter()
        .chain(&r.exact)
        .map(|p| origin_of(p, file))
        .collect();
    Some(RuleDef {
        source: RuleSource::from_input(r, file),
        implies_at,
        related_at,
        spellings_at,
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

/// Checks a context block; returns whether it has a positive condition.
fn check_context(
    c: &ContextInput,
    file: &Str,
    text: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    for s in c
        .any_near
        .iter()
        .chain(&c.any_in_document)
        .chain(&c.none_near)
    {
        if crate::text::Folded::new(&s.v).as_str().trim().is_empty() {
            diags.push(diag_at(
                &origin_of(s, file),
                text,
                "empty context word".into(),
                "remove it or write a word",
            ));
        }
    }
    if let Some(w) = &c.window
        && (w.v == 0 || w.v > 100)
    {
        diags.push(diag_at(
            &origin_of(w, file),
            text,
            format!("context window `{}` is out of range", w.v),
            "use a window between 1 and 100 words",
        ));
    }
    !c.any_near.is_empty() || !c.any_near_category.is_empty() || !c.any_in_document.is_empty()
}

/// Merges validated layers: within one layer an id may appear once; a later layer's
/// rule replaces an earlier one with the same id. Then checks references (`implies`,
/// `related`) and alias collisions across the merged set.
///
/// With `partial`, some rules failed to load already (their errors are reported): a
/// reference may name one of them, so references are not checked.
///
/// # Errors
/// Every duplicate id, dangling reference and unguarded alias collision, at once.
pub fn merge_layers(
    layers: Vec<Vec<RuleDef>>,
    sources: &[SourceFile],
    partial: bool,
) -> Result<Vec<RuleSource>> {
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    crate::error::with_line_index(&texts, || merge_layers_indexed(layers, sources, partial))
}

fn merge_layers_indexed(
    layers: Vec<Vec<RuleDef>>,
    sources: &[SourceFile],
    partial: bool,
) -> Result<Vec<RuleSource>> {
    let mut diags = Vec::new();
    let mut merged: Vec<RuleDef> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::default();
    for layer in layers {
        let mut seen: HashMap<String, Origin> = HashMap::default();
        for mut def in layer {
            let id = def.rule().id.to_string();
            let origin = def.rule().origin.clone();
            if let Some(first) = seen.get(&id) {
                diags.push(
                    Diagnostic::new(
                        &*origin.file,
                        format!("duplicate rule id `{id}` (first defined at {first})"),
                    )
                    .at(
                        origin.line as usize,
                        origin.col as usize,
                        text_of(sources, &origin.file),
                    )
                    .help("ids are unique within a pack: rename one rule or merge their aliases"),
                );
                continue;
            }
            seen.insert(id.clone(), origin);
            if let Some(&i) = index.get(&id) {
                def.source.rule.overrides = Some(merged[i].rule().origin.clone());
                merged[i] = def;
            } else {
                index.insert(id, merged.len());
                merged.push(def);
            }
        }
    }
    if !partial {
        check_references(&merged, &index, sources, &mut diags);
    }
    check_implication_cycles(&merged, &index, sources, &mut diags);
    check_alias_collisions(&merged, sources, &mut diags);
    if diags.is_empty() {
        Ok(merged.into_iter().map(|d| d.source).collect())
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
    // Each suggestion compares the name with every id: for a pack of 3,000 rules that
    // each named a missing id, that was 3 s (quadratic). The first few get one.
    let mut suggestions = MAX_SUGGESTIONS;
    for def in rules {
        let id = def.rule().id.as_ref();
        for (key, list, at) in [
            ("implies", &def.source.implies, &def.implies_at),
            ("related", &def.source.related, &def.related_at),
        ] {
            for (target, pos) in list.iter().zip(at) {
                let msg = if target == id {
                    Some(format!("rule `{id}` {key} itself"))
                } else if !index.contains_key(target) {
                    Some(format!("`{key}` names `{target}`, which is not a rule id"))
                } else {
                    None
                };
                if let Some(msg) = msg {
                    let mut help = format!("use the id of an existing rule in `{key}`");
                    if suggestions > 0 {
                        suggestions -= 1;
                        if let Some(s) = closest(target, index.keys().map(String::as_str)) {
                            help = format!("did you mean `{s}`?");
                        }
                    }
                    diags.push(
                        Diagnostic::new(&*pos.file, msg)
                            .at(
                                pos.line as usize,
                                pos.col as usize,
                                text_of(sources, &pos.file),
                            )
                            .help(help),
                    );
                }
            }
        }
    }
}

/// Dangling references that get a "did you mean" suggestion; the rest get the general
/// hint.
const MAX_SUGGESTIONS: usize = 50;

/// Rules an implication cycle's message names in full; a longer one is named by its
/// first and last few.
const MAX_CYCLE_NAMES: usize = 12;

/// `implies` must not loop back (a ⇒ b ⇒ a): implication is one-way, from the specific
/// skill to the general one. Each cycle is reported once, at the `implies` entry that
/// closes it.
fn check_implication_cycles(
    rules: &[RuleDef],
    index: &HashMap<String, usize>,
    sources: &[SourceFile],
    diags: &mut Vec<Diagnostic>,
) {
    crate::graph::for_each_cycle(
        0..rules.len(),
        |n| {
            rules[n]
                .source
                .implies
                .iter()
                .map(|t| index.get(t).copied())
                .collect()
        },
        |path, at| {
            // A rule that implies itself is reported with the dangling references.
            if path.len() < 2 {
                return;
            }
            let name = |n: &usize| format!("`{}`", rules[*n].rule().id);
            // A long cycle is named by its ends: each message naming the whole path
            // made 176 MB of errors for 5,000 rules in a chain that each implied the
            // first.
            let names: Vec<String> = if path.len() <= MAX_CYCLE_NAMES {
                path.iter().chain(&path[..1]).map(name).collect()
            } else {
                let half = MAX_CYCLE_NAMES / 2;
                path[..half]
                    .iter()
                    .map(name)
                    .chain([format!("… ({} more)", path.len() - 2 * half)])
                    .chain(path[path.len() - half..].iter().chain(&path[..1]).map(name))
                    .collect()
            };
            let pos = &rules[path[path.len() - 1]].implies_at[at];
            diags.push(
                Diagnostic::new(&*pos.file, format!("implication cycle: {}", names.join(" ⇒ ")))
                    .at(pos.line as usize, pos.col as usize, text_of(sources, &pos.file))
                    .help("`implies` goes one way, from the specific skill to the general one (Django implies Python); remove one link of the cycle"),
            );
        },
    );
}

fn check_alias_collisions(rules: &[RuleDef], sources: &[SourceFile], diags: &mut Vec<Diagnostic>) {
    // folded alias → (rule index, position, guarded). A shared alias is fine when at
    // most one of its rules is unguarded: the guarded readings claim a match in their
    // context and the unguarded one, if any, takes it elsewhere. Two unguarded readings
    // would make every match ambiguous.
    let mut owners: HashMap<&str, Vec<(usize, &Origin, bool)>> = HashMap::default();
    for (i, def) in rules.iter().enumerate() {
        let r = def.rule();
        let exacts = std::iter::repeat_n(false, r.aliases.len())
            .chain(std::iter::repeat_n(true, r.exact.len()));
        for ((key, exact), pos) in r.folded.iter().zip(exacts).zip(&def.spellings_at) {
            // Same rule as the extractor: a context guards the exact spellings, or all
            // spellings of a rule that has none; an exact spelling is also told apart
            // by its case.
            let guarded = exact || (r.context.is_some() && r.exact.is_empty());
            let entry = owners.entry(key.as_ref()).or_default();
            if !entry.iter().any(|(j, _, _)| *j == i) {
                entry.push((i, pos, guarded));
            }
        }
    }
    let mut keys: Vec<_> = owners.iter().filter(|(_, v)| v.len() > 1).collect();
    keys.sort_by(|a, b| a.0.cmp(b.0));
    for (alias, owners) in keys {
        if owners.iter().filter(|(_, _, g)| !*g).count() <= 1 {
            continue;
        }
        let (first_rule, first, _) = owners[0];
        for &(i, pos, _) in &owners[1..] {
            diags.push(
                Diagnostic::new(
                    &*pos.file,
                    format!(
                        "alias `{alias}` of rule `{}` is also an alias of rule `{}` ({first})",
                        rules[i].rule().id,
                        rules[first_rule].rule().id
                    ),
                )
                .at(pos.line as usize, pos.col as usize, text_of(sources, &pos.file))
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

/// `s` cut to about `max` bytes with an ellipsis, for quoting user text in messages.
fn shorten(s: &str, max: usize) -> Cow<'_, str> {
    if s.len() <= max {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(format!(
            "{}…",
            &s[..crate::text::floor_char_boundary(s, max)]
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn rule(o: &mut String, id: &str, implies: &[String]) {
        let _ = write!(
            o,
            "- id: {id}\n  name: {id}\n  category: tool\n  aliases: [{id}]\n  implies: {implies:?}\n  \
             examples: {{match: [\"we use {id}\"]}}\n"
        );
    }

    fn errors(text: String) -> Vec<String> {
        let files = [SourceFile {
            name: "pack.yml".into(),
            text,
        }];
        match crate::rules::compile_texts(&files) {
            Err(Error::Diagnostics(d)) => d.iter().map(ToString::to_string).collect(),
            other => panic!("expected errors, got {:?}", other.map(|r| r.len())),
        }
    }

    #[test]
    fn many_dangling_references_are_reported_in_linear_time() {
        // Each suggestion searched every id: 3 s for 3,000 rules (release), quadratic.
        let mut pack = String::new();
        for i in 0..3000 {
            rule(&mut pack, &format!("zq{i}"), &[format!("nosuch{i}")]);
        }
        let start = std::time::Instant::now();
        let e = errors(pack);
        assert_eq!(e.len(), 3000);
        assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
        assert!(
            e[2999].contains("`implies` names `nosuch2999`"),
            "{}",
            e[2999]
        );
    }

    #[test]
    fn a_long_cycle_is_named_by_its_ends() {
        // A chain of 2,000 rules each implying the first: a cycle through each, and each
        // message named its whole path (quadratic output: 176 MB for 5,000 rules).
        let n = 2000;
        let mut pack = String::new();
        for i in 0..n {
            let implies: Vec<String> = if i + 1 < n {
                vec![format!("zq{}", i + 1), "zq0".into()]
            } else {
                vec![]
            };
            rule(&mut pack, &format!("zq{i}"), &implies);
        }
        let e = errors(pack);
        let cycles: Vec<&String> = e.iter().filter(|m| m.contains("cycle")).collect();
        assert_eq!(cycles.len(), n - 2);
        let total: usize = cycles.iter().map(|m| m.len()).sum();
        assert!(total < 1000 * n, "{total} bytes of cycle messages");
        let last = cycles.iter().max_by_key(|m| m.len()).unwrap();
        assert!(
            last.contains("cycle: `zq0` ⇒ `zq1` ⇒")
                && last.contains("more) ⇒")
                && last.lines().next().unwrap().ends_with(" ⇒ `zq0`"),
            "{last}"
        );
        // A short one is named in full.
        let mut pack = String::new();
        rule(&mut pack, "a", &["b".into()]);
        rule(&mut pack, "b", &["a".into()]);
        assert!(errors(pack)[0].contains("implication cycle: `a` ⇒ `b` ⇒ `a`"));
    }
}
