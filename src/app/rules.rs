//! `jobfit rules list | check | explain`.

use std::io::Write;

use super::{default_format, emit};
use crate::cli::RulesCommand;
use crate::error::{Diagnostic, Error, Result};
use crate::report::{Message, RuleListReport, RuleReport};
use crate::rules::{Category, RuleSources, closest};
use crate::settings::Settings;

pub(super) fn run(settings: &Settings, cmd: RulesCommand) -> Result<u8> {
    match cmd {
        RulesCommand::List { category, format } => {
            let rules = crate::rules::load(&settings.rules)?;
            let category = category.map(|c| parse_category(&c)).transpose()?;
            emit(
                &Message::RuleList(RuleListReport::build(&rules, category)),
                default_format(format),
            )?;
            Ok(0)
        }
        RulesCommand::Check { dirs } => {
            // A directory with no rule file in it checks nothing: say so rather than
            // report the built-in packs as if they were the user's.
            for d in dirs.iter().filter(|d| d.is_dir()) {
                let has_rules = std::fs::read_dir(d)
                    .map_err(|e| Error::io(d, e))?
                    .filter_map(std::result::Result::ok)
                    .any(|e| {
                        e.path()
                            .extension()
                            .is_some_and(|x| x == "yml" || x == "yaml")
                    });
                if !has_rules {
                    return Err(Diagnostic::new(
                        d.display().to_string(),
                        "no rule files (.yml, .yaml) in this directory",
                    )
                    .help("a rule pack is a YAML file of rules; see rules/ for the format")
                    .into());
                }
            }
            let mut sources = settings.rules.clone();
            sources.dirs.extend(dirs);
            check(&sources)
        }
        RulesCommand::Explain { id, format } => {
            let rules = crate::rules::load(&settings.rules)?;
            // An id first; else a name or alias ("golang"), as `rank --with` takes it.
            let found = match rules.find(&id) {
                Some(rid) => vec![rid],
                None => rules.resolve(&id),
            };
            let named = |ids: &[crate::rules::RuleId]| super::rule_names(&rules, ids).join(", ");
            let rid = match found.as_slice() {
                [rid] => *rid,
                [] => {
                    let mut d = Diagnostic::new(&id, "no rule with this id, name or alias");
                    let near = rules.suggest(&id);
                    d = if !near.is_empty() {
                        d.help(format!("did you mean {}?", named(&near)))
                    } else if let Some(s) = closest(&id, rules.ids()) {
                        d.help(format!("did you mean `{s}`?"))
                    } else {
                        d.help("`jobfit rules list` shows every rule id")
                    };
                    return Err(d.into());
                }
                many => {
                    return Err(Diagnostic::new(
                        &id,
                        format!("names {} skills: {}", many.len(), named(many)),
                    )
                    .help("give one of these ids")
                    .into());
                }
            };
            emit(
                &Message::Rule(Box::new(RuleReport::build(&rules, rid))),
                default_format(format),
            )?;
            Ok(0)
        }
    }
}

fn parse_category(c: &str) -> Result<Category> {
    Category::ALL
        .iter()
        .copied()
        .find(|x| x.as_str() == c)
        .ok_or_else(|| {
            let all: Vec<&str> = Category::ALL.iter().map(|x| x.as_str()).collect();
            Diagnostic::new("--category", format!("unknown category `{c}`"))
                .help(format!("categories: {}", all.join(", ")))
                .into()
        })
}

/// Validates the packs and runs every example; prints a summary. Errors (all of them)
/// make the exit status 2.
fn check(sources: &RuleSources) -> Result<u8> {
    // Strict: the built-in packs are re-read from their YAML and validated like user
    // packs, not taken from their compiled form.
    let rules = crate::rules::RuleSet::compile(crate::rules::load_defs(sources, true)?)?;
    let failures = crate::rules::check_examples(&rules);
    if !failures.is_empty() {
        return Err(Error::Diagnostics(
            failures.iter().map(|f| f.to_diagnostic()).collect(),
        ));
    }
    let examples: usize = rules
        .rules()
        .iter()
        .map(|r| r.examples_match.len() + r.examples_no_match.len())
        .sum();
    let mut out = anstream::stdout().lock();
    writeln!(
        out,
        "ok: {} rules valid, {examples} examples pass",
        rules.len()
    )
    .and_then(|()| out.flush())
    .map_err(|e| Error::io("<stdout>", e))?;
    Ok(0)
}
