//! The Markdown reporter: the same messages as GitHub-flavoured Markdown, for notes,
//! issues and pull requests.

use std::io::{self, Write};

use super::{ExtractReport, Message, RuleListReport, RuleReport, ScoreReport};

/// Escapes the characters that would break a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Writes `msg` as Markdown.
///
/// # Errors
/// Write errors.
pub fn write(msg: &Message, out: &mut dyn Write) -> io::Result<()> {
    match msg {
        Message::Score(r) => write_score(r, out),
        Message::Extraction(r) => write_extraction(r, out),
        Message::RuleList(r) => write_rule_list(r, out),
        Message::Rule(r) => write_rule(r, out),
        Message::Ranking(r) => write_ranking(r, out),
        Message::JobList(r) => {
            writeln!(
                out,
                "| File | Title | Company | Location | Fetched | Problem |"
            )?;
            writeln!(out, "|---|---|---|---|---|---|")?;
            for j in &r.jobs {
                writeln!(
                    out,
                    "| `{}` | {} | {} | {} | {} | {} |",
                    j.file.display(),
                    cell(&j.title_cell()),
                    cell(j.company.as_deref().unwrap_or("")),
                    cell(j.location.as_deref().unwrap_or("")),
                    j.fetched.as_deref().unwrap_or(""),
                    cell(j.problem.as_deref().unwrap_or(""))
                )?;
            }
            Ok(())
        }
        Message::Profile(r) => {
            writeln!(
                out,
                "# {}\n",
                r.profile.name.as_deref().unwrap_or("Profile")
            )?;
            if let Some(d) = &r.written {
                writeln!(out, "As of {d} (when it was written).\n")?;
            }
            for role in &r.roles {
                writeln!(
                    out,
                    "## {} ({} – {})\n",
                    [&role.position, &role.employer]
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", "),
                    role.start.as_deref().unwrap_or("?"),
                    role.end.as_deref().unwrap_or("?")
                )?;
                for b in &role.bullets {
                    writeln!(out, "- {b}")?;
                }
                writeln!(out)?;
            }
            writeln!(out, "| Skill | Years | Mentions |\n|---|---:|---:|")?;
            for s in &r.skills {
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    cell(&s.name),
                    s.years.map_or("?".into(), |y| format!("{y:.1}")),
                    s.mentions
                )?;
            }
            Ok(())
        }
        Message::Tailor(r) => writeln!(out, "{}", super::resume_markdown(r, false)),
        Message::Saved(r) => {
            for s in &r.saved {
                writeln!(out, "- {} `{}`", s.status, s.file)?;
            }
            Ok(())
        }
    }
}

fn write_ranking(r: &crate::rank::RankReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# Ranking: {}{} for `{}`\n",
        super::postings(r.postings),
        super::folded(r),
        r.profile.origin
    )?;
    let summaries = r.rows.iter().any(|row| row.summary.is_some());
    if summaries {
        writeln!(
            out,
            "| # | Score | Posting | Top matches | Top gaps | Summary |"
        )?;
        writeln!(out, "|---:|---:|---|---|---|---|")?;
    } else {
        writeln!(out, "| # | Score | Posting | Top matches | Top gaps |")?;
        writeln!(out, "|---:|---:|---|---|---|")?;
    }
    for (i, row) in r.rows.iter().enumerate() {
        let label = match &row.url {
            Some(u) => format!("[{}]({u})", cell(&row.label())),
            None => cell(&row.label()),
        };
        write!(
            out,
            "| {} | {:.0} | {} | {} | {} |",
            i + 1,
            row.score,
            label,
            cell(&row.top_matches.join(", ")),
            cell(&row.top_gaps.join(", "))
        )?;
        if summaries {
            write!(out, " {} |", cell(row.summary.as_deref().unwrap_or("")))?;
        }
        writeln!(out)?;
    }
    if !r.missing.is_empty() {
        writeln!(out, "\n## Skills most often missing\n")?;
        for m in r.missing.iter().take(10) {
            writeln!(
                out,
                "- **{}**: +{:.1} points in total over {}",
                m.name,
                m.total_lift,
                super::postings(m.postings)
            )?;
        }
    }
    Ok(())
}

fn write_score(r: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}\n", cell(&r.posting.label()))?;
    writeln!(
        out,
        "**Score {:.0}/100 ({})** against `{}` ({:.1} years of experience). Posting: `{}`{}.\n",
        r.score,
        r.band.as_str(),
        r.profile.origin,
        r.profile.total_years,
        r.posting.origin,
        r.posting
            .location
            .as_deref()
            .map(|l| format!(". Location: {}", cell(l)))
            .unwrap_or_default()
    )?;
    if let Some(s) = &r.summary {
        writeln!(out, "> {s}\n")?;
    }
    if !r.skills.is_empty() {
        writeln!(
            out,
            "| Skill | Need | Weight | Match | Points | Résumé evidence |"
        )?;
        writeln!(out, "|---|---|---:|---|---:|---|")?;
        for s in &r.skills {
            let mut m = s.status.as_str().to_owned();
            if s.in_passing().is_some() {
                m.push_str(" in passing");
            }
            if let Some(v) = &s.via {
                m.push_str(&format!(" ({})", v.name));
            }
            if let Some(a) = &s.alternative_to {
                m = if s.status == crate::score::Status::Missing {
                    format!("or {} instead", a.name)
                } else {
                    format!("or {} instead; own: {m}", a.name)
                };
            }
            if let Some(y) = &s.years {
                m.push_str(&format!(
                    ", {} of {} years",
                    y.have.map_or("?".to_owned(), |h| format!("{h:.0}")),
                    y.required
                ));
            }
            let ev = s
                .profile_evidence
                .iter()
                .take(2)
                .map(|e| format!("`{}` “{}”", e.field, cell(&e.text)))
                .collect::<Vec<_>>()
                .join("; ");
            writeln!(
                out,
                "| {} | {} | {} | {} | {:.1} | {} |",
                cell(&s.name),
                s.need.as_str(),
                s.weight_cell(),
                m,
                s.points,
                ev
            )?;
        }
        writeln!(out)?;
    }
    if let Some(e) = &r.experience {
        writeln!(
            out,
            "Experience: the posting asks {} years (“{}”); the profile shows {:.1}, {} ({:+.1} points).\n",
            e.required,
            cell(&e.posting_evidence),
            e.have,
            e.profile_source,
            e.points
        )?;
    }
    if let Some(note) = r.roles_note() {
        writeln!(out, "{note}\n")?;
    }
    if let Some(note) = r.little_recognised() {
        writeln!(out, "{note}\n")?;
    }
    if !r.gaps.is_empty() {
        writeln!(out, "## Gaps\n")?;
        for g in &r.gaps {
            let near = g
                .nearest
                .as_ref()
                .map(|n| format!("; nearest: {}", n.name))
                .unwrap_or_default();
            let why = g.why.as_ref().map(|w| format!(": {w}")).unwrap_or_default();
            writeln!(
                out,
                "- **{}** ({}, {}{why}): −{:.1} points{near}",
                g.name,
                g.need.as_str(),
                g.status.as_str(),
                g.lost
            )?;
        }
        writeln!(out)?;
    }
    if !r.bullets.is_empty() {
        writeln!(out, "## Résumé bullets for this posting\n")?;
        let mut last: Option<&str> = None;
        for (k, b) in r.bullets.iter().enumerate() {
            if b.role.as_deref() != last {
                // A blank line first: a line right after a list item would continue it.
                if k > 0 {
                    writeln!(out)?;
                }
                if let Some(role) = &b.role {
                    writeln!(out, "**{role}**\n")?;
                }
                last = b.role.as_deref();
            }
            let covers = b
                .covers
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            writeln!(out, "- {} _({covers})_", b.text)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_extraction(r: &ExtractReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "| Line:Col | Skill | Id | Category | Text | Bytes |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for f in &r.findings {
        writeln!(
            out,
            "| {}:{} | {} | `{}` | {} | {} | {}..{} |",
            f.line,
            f.column,
            cell(&f.name),
            f.id,
            f.category,
            cell(&f.text),
            f.start,
            f.end
        )?;
    }
    Ok(())
}

fn write_rule_list(r: &RuleListReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "| Id | Name | Category | Weight | Defined at |")?;
    writeln!(out, "|---|---|---|---:|---|")?;
    for x in &r.rules {
        writeln!(
            out,
            "| `{}` | {} | {} | {:.1} | {} |",
            x.id,
            cell(&x.name),
            x.category,
            x.weight,
            x.origin
        )?;
    }
    Ok(())
}

fn write_rule(r: &RuleReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {} (`{}`)\n", r.name, r.id)?;
    writeln!(
        out,
        "Category {}, weight {:.1}, defined at `{}`.\n",
        r.category, r.weight, r.origin
    )?;
    if let Some(d) = &r.description {
        writeln!(out, "{d}\n")?;
    }
    if !r.aliases.is_empty() {
        writeln!(
            out,
            "- aliases: {}",
            r.aliases
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    if !r.exact.is_empty() {
        writeln!(
            out,
            "- exact case: {}",
            r.exact
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    for e in &r.examples {
        writeln!(
            out,
            "- {} {}: “{}”",
            if e.passes { "✓" } else { "✗" },
            if e.should_match {
                "matches"
            } else {
                "does not match"
            },
            cell(&e.sentence)
        )?;
    }
    Ok(())
}
