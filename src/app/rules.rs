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
            let mut sources = settings.rules.clone();
            sources.dirs.extend(dirs);
            check(&sources)
        }
        RulesCommand::Explain { id, format } => {
            let rules = crate::rules::load(&settings.rules)?;
            let Some(rid) = rules.find(&id) else {
                let mut d = Diagnostic::new(&id, "no rule with this id");
                d = match closest(&id, rules.ids()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help("`jobfit rules list` shows every rule id"),
                };
                return Err(d.into());
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
