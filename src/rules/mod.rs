//! Rules: load the built-in packs (embedded in the binary) and the user's `--rules`
//! directories, validate them with `path:line:col` errors, merge, and compile once into
//! a `RuleSet`. Also runs every rule's examples, for `jobfit rules check` and the tests.

mod compile;
pub mod dict;
mod load;
mod schema;
mod tables;

use std::path::PathBuf;

pub use compile::{RuleSet, build_pattern};
pub use load::{RuleDef, SourceFile, closest, valid_id};
pub use schema::Category;
pub use tables::{
    ContextDef, DEFAULT_WINDOW, Origin, Rule, RuleId, RuleSource, Str, Target, TermFilter,
    may_contain, term_key, word_hash,
};

use crate::error::{Diagnostic, Error, Result};

include!(concat!(env!("OUT_DIR"), "/builtin_texts.rs"));

/// Which rule packs to load.
#[derive(Debug, Clone, Default)]
pub struct RuleSources {
    /// Skip the built-in packs (for testing a user pack on its own).
    pub no_builtin: bool,
    /// User directories (or single files), in order; later ones override earlier ones.
    pub dirs: Vec<PathBuf>,
}

/// The built-in rule files' text.
#[must_use]
pub fn builtin_sources() -> Vec<SourceFile> {
    BUILTIN_TEXTS
        .iter()
        .map(|(name, text)| SourceFile {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
        })
        .collect()
}

/// Loads the rule packs and compiles them. With only the built-in packs this costs
/// nothing: they are static tables compiled into the binary (and checked by the test
/// suite and `jobfit rules check`). User packs are validated, merged over the built-in
/// rules and compiled.
///
/// # Errors
/// Every problem found in any user pack, each with its position and a fix.
pub fn load(sources: &RuleSources) -> Result<RuleSet> {
    if !sources.no_builtin && sources.dirs.is_empty() {
        return RuleSet::builtin();
    }
    RuleSet::compile(load_defs(sources, false)?)
}

/// Loads, validates and merges the rule packs without compiling them. With `strict`,
/// the built-in packs are re-read from their YAML and validated like user packs (what
/// `jobfit rules check` does); otherwise their compiled form is trusted.
///
/// # Errors
/// Every problem found in any pack.
pub fn load_defs(sources: &RuleSources, strict: bool) -> Result<Vec<RuleSource>> {
    let mut diags = Vec::new();
    let mut layers = Vec::new();
    let mut texts: Vec<SourceFile> = Vec::new();
    if !sources.no_builtin {
        if strict {
            let files = builtin_sources();
            let mut defs = Vec::new();
            for f in &files {
                defs.extend(load::parse_file(f, &mut diags));
            }
            layers.push(defs);
            texts.extend(files);
        } else {
            let builtin = RuleSet::builtin()?;
            let rules = builtin.rules();
            layers.push(rules.iter().map(|r| RuleDef::from_rule(r, rules)).collect());
            texts.extend(builtin_sources());
        }
    }
    for dir in &sources.dirs {
        let layer = load::read_dir_sources(dir)?;
        let mut defs = Vec::new();
        for src in &layer {
            defs.extend(load::parse_file(src, &mut diags));
        }
        layers.push(defs);
        texts.extend(layer);
    }
    if !diags.is_empty() {
        // The rules that did load are still merged, so one run reports their duplicate
        // ids, cycles and alias collisions too.
        if let Err(Error::Diagnostics(more)) = load::merge_layers(layers, &texts, true) {
            diags.extend(more);
        }
        return Err(Error::Diagnostics(diags));
    }
    load::merge_layers(layers, &texts, false)
}

/// `load` for the commands that match text against the rules (score, rank, tailor,
/// extract, eval): with no rule at all, every posting would read as naming no skill,
/// so that is an error rather than a silent score. (`rules check` and `rules list`
/// accept an empty pack: it is valid, just empty.)
///
/// # Errors
/// As `load`, and when no rule is loaded.
pub fn load_for_matching(sources: &RuleSources) -> Result<RuleSet> {
    let rules = load(sources)?;
    if rules.is_empty() {
        return Err(crate::error::Diagnostic::new("rules", "no rules loaded")
            .help("--no-default-rules leaves only the --rules directories; add `--rules DIR` with rule files, or drop --no-default-rules")
            .into());
    }
    Ok(rules)
}

/// Validates, merges and compiles rule files given as text, without the built-in packs
/// or the filesystem: what `--no-default-rules --rules FILE` does. For fuzzing and
/// tools that hold rules in memory.
///
/// # Errors
/// Every problem found in the files.
pub fn compile_texts(files: &[SourceFile]) -> Result<RuleSet> {
    let mut diags = Vec::new();
    let mut defs = Vec::new();
    for f in files {
        defs.extend(load::parse_file(f, &mut diags));
    }
    if !diags.is_empty() {
        return Err(Error::Diagnostics(diags));
    }
    RuleSet::compile(load::merge_layers(vec![defs], files, false)?)
}

/// One rule's example that did not behave as written.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    /// The rule.
    pub rule: String,
    /// The sentence.
    pub sentence: String,
    /// True for a `match` example that did not match, false for a `no_match` that did.
    pub expected_match: bool,
    /// Where the rule is.
    pub origin: Origin,
    /// What the sentence produced instead (rule ids).
    pub found: Vec<String>,
}

impl ExampleFailure {
    /// As a positioned diagnostic.
    #[must_use]
    pub fn to_diagnostic(&self) -> Diagnostic {
        let found = if self.found.is_empty() {
            "nothing".to_owned()
        } else {
            self.found
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (msg, help) = if self.expected_match {
            (
                format!(
                    "rule `{}` does not match its example {:?} (found {found})",
                    self.rule, self.sentence
                ),
                "add the missing alias, or relax the context guard so the example passes",
            )
        } else {
            (
                format!(
                    "rule `{}` matches its no_match example {:?}",
                    self.rule, self.sentence
                ),
                "tighten the rule: an `exact` alias, a `none_near` word, or an `any_near` guard",
            )
        };
        Diagnostic::new(&*self.origin.file, msg)
            .at(self.origin.line as usize, self.origin.col as usize, None)
            .help(help)
    }
}

/// Runs every rule's examples against the compiled set.
#[must_use]
pub fn check_examples(set: &RuleSet) -> Vec<ExampleFailure> {
    let mut out = Vec::new();
    for (i, rule) in set.rules().iter().enumerate() {
        let id = RuleId(u32::try_from(i).unwrap_or(u32::MAX));
        for (sentences, expect) in [
            (&rule.examples_match, true),
            (&rule.examples_no_match, false),
        ] {
            for s in sentences.iter() {
                let findings = set.extract(s);
                let hit = findings.iter().any(|f| f.rule == id);
                if hit != expect {
                    let mut found: Vec<String> = findings
                        .iter()
                        .map(|f| set.rule(f.rule).id.to_string())
                        .collect();
                    found.dedup();
                    out.push(ExampleFailure {
                        rule: rule.id.to_string(),
                        sentence: s.to_string(),
                        expected_match: expect,
                        origin: rule.origin.clone(),
                        found,
                    });
                }
            }
        }
    }
    out
}
