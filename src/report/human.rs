//! The human reporter: tables for terminals (comfy-table) and the `--explain` text.
//! Colour is written as ANSI styles; the output stream (anstream) strips it when colour
//! is off, so this code never asks whether colour is on.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style as AStyle};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::{ExtractReport, Message, RuleListReport, RuleReport, ScoreReport, SkillLine};
use crate::score::{Band, Status};

/// Presentation settings for human output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Wrap tables to this many columns (a terminal's width); `None` never wraps.
    pub width: Option<u16>,
}

const BOLD: AStyle = AStyle::new().bold();
const DIM: AStyle = AStyle::new().dimmed();

fn fg(c: AnsiColor) -> AStyle {
    AStyle::new().fg_color(Some(c.into()))
}

fn band_style(b: Band) -> AStyle {
    match b {
        Band::Strong => fg(AnsiColor::Green).bold(),
        Band::Good => fg(AnsiColor::Green),
        Band::Fair => fg(AnsiColor::Yellow),
        Band::Poor => fg(AnsiColor::Red),
    }
}

fn status_cell(s: &SkillLine) -> String {
    let mark = match s.status {
        Status::Matched => "✓ matched",
        Status::Implied => "≈ implied",
        Status::Related => "~ related",
        Status::Missing => "✗ missing",
    };
    let mut out = mark.to_owned();
    if s.in_passing().is_some() {
        out.push_str(" in passing");
    }
    if let Some(v) = &s.via {
        out.push_str(&format!(" ({})", v.name));
    }
    // An alternative met by another skill still says what its own evidence is, so
    // the evidence beside it ("C#" for Java) reads as what it is.
    if let Some(a) = &s.alternative_to {
        out = if s.status == Status::Missing {
            format!("○ or {} instead", a.name)
        } else {
            format!(
                "○ or {} instead
{out}",
                a.name
            )
        };
    }
    if let Some(y) = &s.years {
        match y.have {
            Some(h) => out.push_str(&format!("\n{h:.0}y of {}y", y.required)),
            None => out.push_str(&format!("\n?y of {}y", y.required)),
        }
    }
    out
}

fn table(style: &Style) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    match style.width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t
}

/// Writes `msg` for people.
///
/// # Errors
/// Write errors.
pub fn write(msg: &Message, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    match msg {
        Message::Score(r) => write_score(r, style, out),
        Message::Extraction(r) => write_extraction(r, style, out),
        Message::RuleList(r) => write_rule_list(r, style, out),
        Message::Rule(r) => write_rule(r, out),
        Message::Ranking(r) => write_ranking(r, style, out),
        Message::JobList(r) => write_job_list(r, style, out),
        Message::Saved(r) => write_saved(r, out),
        Message::Profile(r) => write_profile(r, style, out),
        Message::Tailor(r) => out.write_all(super::resume_text(r, false).as_bytes()),
    }
}

fn write_profile(r: &super::ProfileView, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let name = r.profile.name.as_deref().unwrap_or("(no name)");
    writeln!(
        out,
        "{BOLD}{name}{BOLD:#}  {DIM}{}{DIM:#}",
        r.profile.origin
    )?;
    if let Some(l) = &r.label {
        writeln!(out, "{l}")?;
    }
    let years = format!(
        "{:.1} years of experience ({})",
        r.profile.total_years,
        years_source(&r.years_source)
    );
    match &r.written {
        Some(d) => writeln!(out, "{years}, as of {d} (when it was written)\n")?,
        None => writeln!(out, "{years}\n")?,
    }
    for role in &r.roles {
        let who = [&role.position, &role.employer]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        let when = match (&role.start, &role.end) {
            (Some(s), Some(e)) => format!("{s} – {e} ({} months)", role.months),
            _ => "no dates".to_owned(),
        };
        writeln!(
            out,
            "{BOLD}{}{BOLD:#} {DIM}[{}] {when}{DIM:#}",
            if who.is_empty() {
                "(unnamed role)"
            } else {
                &who
            },
            role.field
        )?;
        for b in &role.bullets {
            writeln!(out, "  • {b}")?;
        }
    }
    if !r.education.is_empty() {
        writeln!(out, "\n{BOLD}Education{BOLD:#}")?;
        for e in &r.education {
            writeln!(out, "  {e}")?;
        }
    }
    if !r.skills.is_empty() {
        writeln!(out, "\n{BOLD}Skills found{BOLD:#}")?;
        let mut t = table(style);
        t.set_header(vec!["Skill", "Years", "Evidence", "Mentions"]);
        for s in &r.skills {
            t.add_row(vec![
                s.name.clone(),
                s.years
                    .map_or_else(|| "?".to_owned(), |y| format!("{y:.1}")),
                if s.implied_only {
                    "implied".to_owned()
                } else if s.in_passing {
                    "in passing".to_owned()
                } else if s.demonstrated {
                    "shown".to_owned()
                } else {
                    "claimed".to_owned()
                },
                s.mentions.to_string(),
            ]);
        }
        writeln!(out, "{t}")?;
    }
    for n in &r.notes {
        writeln!(
            out,
            "{}note:{:#} {n}",
            fg(AnsiColor::Yellow),
            fg(AnsiColor::Yellow)
        )?;
    }
    Ok(())
}

fn write_ranking(
    r: &crate::rank::RankReport,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{BOLD}{} ranked{BOLD:#}{}  {DIM}profile {} ({:.1} years){DIM:#}",
        super::postings(r.postings),
        super::folded(r),
        r.profile.origin,
        r.profile.total_years
    )?;
    if !r.rows.is_empty() {
        let mut t = table(style);
        t.set_header(vec!["#", "Score", "Posting", "Top matches", "Top gaps"]);
        for (i, row) in r.rows.iter().enumerate() {
            t.add_row(vec![
                (i + 1).to_string(),
                format!("{:.0} {}", row.score, row.band.as_str()),
                row.label(),
                row.top_matches.join(", "),
                row.top_gaps.join(", "),
            ]);
        }
        if let Some(col) = t.column_mut(1) {
            col.set_cell_alignment(CellAlignment::Right);
        }
        writeln!(out, "{t}")?;
    }
    if r.rows.iter().any(|row| row.summary.is_some()) {
        writeln!(out, "\n{BOLD}Summaries{BOLD:#}")?;
        for (i, row) in r.rows.iter().enumerate() {
            if let Some(s) = &row.summary {
                writeln!(out, "  {:>3}. {s}", i + 1)?;
            }
        }
    }
    if !r.missing.is_empty() {
        writeln!(
            out,
            "\n{BOLD}Skills most often missing{BOLD:#} {DIM}(points all ranked postings would gain with full credit for the skill){DIM:#}"
        )?;
        for m in r.missing.iter().take(10) {
            writeln!(
                out,
                "  {:>8.1}  {} {DIM}({}; +{:.2} per ranked posting){DIM:#}",
                m.total_lift,
                m.name,
                super::postings(m.postings),
                m.mean_lift
            )?;
        }
    }
    if !r.skipped.is_empty() {
        writeln!(
            out,
            "\n{} could not be read and {} skipped (see the warnings above).",
            super::postings(r.skipped.len()),
            if r.skipped.len() == 1 { "was" } else { "were" }
        )?;
    }
    Ok(())
}

fn write_job_list(r: &super::JobListReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if r.jobs.is_empty() {
        return writeln!(
            out,
            "no postings saved in {} (add one with `jobfit jobs add URL|FILE|-`)",
            r.dir
        );
    }
    let mut t = table(style);
    t.set_header(vec!["File", "Title", "Company", "Location", "Fetched"]);
    for j in &r.jobs {
        t.add_row(vec![
            j.file.display().to_string(),
            j.title_cell(),
            j.company.clone().unwrap_or_default(),
            j.location.clone().unwrap_or_default(),
            j.fetched.clone().unwrap_or_default(),
        ]);
    }
    writeln!(out, "{t}")?;
    // An NDJSON or CSV file holds many postings.
    let total: usize = r.jobs.iter().map(|j| j.postings.unwrap_or(1)).sum();
    if total == r.jobs.len() {
        writeln!(out, "{}", super::postings(total))?;
    } else {
        writeln!(
            out,
            "{} in {}",
            super::postings(total),
            super::counted(r.jobs.len(), "file")
        )?;
    }
    for j in &r.jobs {
        if let Some(p) = &j.problem {
            writeln!(
                out,
                "warning: {}: {p}; fix it, or remove it from {}",
                j.file.display(),
                r.dir
            )?;
        }
    }
    Ok(())
}

fn write_saved(r: &super::SavedReport, out: &mut dyn Write) -> io::Result<()> {
    let mut counts = [0usize; 3];
    for s in &r.saved {
        let (i, verb) = match s.status {
            "new" => (0, "saved"),
            "replaced" => (1, "replaced"),
            _ => (2, "already saved as"),
        };
        counts[i] += 1;
        writeln!(out, "{verb} {}", s.file)?;
    }
    if r.saved.len() > 1 || !r.skipped.is_empty() {
        write!(
            out,
            "{}: {} new, {} replaced, {} already saved",
            r.source, counts[0], counts[1], counts[2]
        )?;
        if !r.skipped.is_empty() {
            // Named in the warnings on stderr.
            write!(out, ", {} skipped", r.skipped.len())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_score(r: &ScoreReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let place = r
        .posting
        .location
        .as_deref()
        .map(|l| format!(" · {l}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}{place}  {DIM}({}){DIM:#}",
        r.posting.label(),
        r.posting.origin
    )?;
    let bs = band_style(r.band);
    writeln!(
        out,
        "Score {bs}{:.0}/100 {}{bs:#}  {DIM}profile {} ({:.1} years){DIM:#}",
        r.score,
        r.band.as_str(),
        r.profile.origin,
        r.profile.total_years
    )?;
    if let Some(s) = &r.summary {
        writeln!(out, "{s}")?;
    }
    if r.skills.is_empty() {
        writeln!(
            out,
            "\nNo skills recognised in this posting, so there is nothing to match (is it a tech posting? `jobfit extract` shows what the rules see)."
        )?;
        return Ok(());
    }
    writeln!(out)?;
    let mut t = table(style);
    t.set_header(vec!["Skill", "Need", "Weight", "Match", "Résumé evidence"]);
    for s in &r.skills {
        let evidence = s
            .profile_evidence
            .iter()
            .take(2)
            .map(|m| format!("{} “{}”", m.field, m.text))
            .collect::<Vec<_>>()
            .join("\n");
        t.add_row(vec![
            s.name.clone(),
            s.need.as_str().to_owned(),
            s.weight_cell(),
            status_cell(s),
            evidence,
        ]);
    }
    if let Some(col) = t.column_mut(2) {
        col.set_cell_alignment(CellAlignment::Right);
    }
    writeln!(out, "{t}")?;
    if let Some(e) = &r.experience {
        writeln!(
            out,
            "Experience: posting asks {} years (“{}”), profile shows {:.1}: {:+.1} points",
            e.required, e.posting_evidence, e.have, e.points
        )?;
    }
    if let Some(note) = r.roles_note() {
        writeln!(out, "{note}")?;
    }
    if let Some(note) = r.little_recognised() {
        writeln!(out, "{note}")?;
    }
    if !r.gaps.is_empty() {
        writeln!(out, "\n{BOLD}Gaps, by points lost{BOLD:#}")?;
        for g in r.gaps.iter().take(10) {
            let near = g
                .nearest
                .as_ref()
                .map(|n| format!(" — nearest: {}", n.name))
                .unwrap_or_default();
            let why = g.why.as_ref().map(|w| format!(": {w}")).unwrap_or_default();
            writeln!(
                out,
                "  {}−{:.1}{:#}  {} ({}, {}{why}){near}",
                fg(AnsiColor::Red),
                g.lost,
                fg(AnsiColor::Red),
                g.name,
                g.need.as_str(),
                g.status.as_str()
            )?;
        }
    }
    if !r.bullets.is_empty() {
        writeln!(out, "\n{BOLD}Résumé bullets for this ad{BOLD:#}")?;
        let mut last_role: Option<&str> = None;
        for b in &r.bullets {
            if b.role.as_deref() != last_role {
                if let Some(role) = &b.role {
                    writeln!(out, "  {DIM}{role}{DIM:#}")?;
                }
                last_role = b.role.as_deref();
            }
            let covers = b
                .covers
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            writeln!(out, "  • {}  {DIM}[{covers}]{DIM:#}", b.text)?;
        }
    }
    Ok(())
}

/// The `--explain` text: every point of the score, with rule, weight, section and spans.
///
/// # Errors
/// Write errors.
pub fn explain_text(r: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}: score {:.1} = Σ points below; each item is 100 × weight × credit / {:.2} ({})\n",
        r.posting.label(),
        r.score,
        r.total_weight,
        if r.unrecognized_weight > 0.0 {
            "Σ weights plus unrecognised requirements: the posting's skills weigh less than the minimum"
        } else {
            "the sum of all weights"
        }
    )?;
    if let Some(note) = r.roles_note() {
        writeln!(out, "{note}\n")?;
    }
    for s in &r.skills {
        let p = &s.weight_parts;
        writeln!(
            out,
            "{BOLD}{:+6.2}{BOLD:#} {} [{}]  {DIM}lost {:.2}{DIM:#}",
            s.points, s.name, s.id, s.lost
        )?;
        writeln!(
            out,
            "        weight {:.2} = rule {:.1} × {} {:.2} × repetition {:.2} × title {:.1}",
            s.weight,
            p.rule,
            s.need.as_str(),
            p.section,
            p.repetition,
            p.title
        )?;
        let how = match s.status {
            Status::Matched => match s.in_passing() {
                Some(h) => format!("the résumé names it only in passing (“{h}”)"),
                None => "the résumé names it".to_owned(),
            },
            Status::Implied => format!(
                "implied by {} in the résumé",
                s.via.as_ref().map_or("?", |v| v.name.as_str())
            ),
            Status::Related => format!(
                "partial credit through {}",
                s.via.as_ref().map_or("?", |v| v.name.as_str())
            ),
            Status::Missing => "not in the résumé".to_owned(),
        };
        let mut credit = format!("        credit {:.2}: {how}", s.credit);
        if let Some(y) = &s.years {
            credit.push_str(&format!(
                "; asks {} years, résumé shows {} (× {:.2})",
                y.required,
                y.have.map_or("no dates".to_owned(), |h| format!("{h:.1}")),
                y.factor
            ));
        }
        writeln!(out, "{credit}")?;
        if !s.alternatives.is_empty() {
            let names: Vec<&str> = s.alternatives.iter().map(|a| a.name.as_str()).collect();
            let counted = match (&s.alternative_to, s.counted_weight) {
                (Some(a), _) => format!("{} counts for the group, this one weighs 0", a.name),
                (None, Some(w)) if s.asked_alone => format!(
                    "asked for on its own too and the best covered, it counts its own weight and the group's: {w:.2}"
                ),
                (None, Some(w)) => {
                    format!("the best covered, it counts with the group's weight {w:.2}")
                }
                (None, None) if s.asked_alone => {
                    "asked for on its own too, it keeps its own weight".to_owned()
                }
                (None, None) => "the best covered, it counts for the group".to_owned(),
            };
            writeln!(
                out,
                "        listed as an alternative to {}: {counted}",
                names.join(", ")
            )?;
        } else if r.roles.iter().flatten().any(|x| x.id == s.id) {
            let role = match (&s.alternative_to, s.counted_weight) {
                (Some(a), _) => {
                    format!("the role with {} counts instead: this one weighs 0", a.name)
                }
                // Beside a job naming no skill, which was judged instead.
                (None, Some(0.0)) => {
                    "the job naming no skill counts instead: this one weighs 0".to_owned()
                }
                (None, Some(w)) => format!("its role counts for all of them: weight {w:.2}"),
                (None, None) => "its role counts for all of them".to_owned(),
            };
            writeln!(out, "        one of the roles the posting offers; {role}")?;
        }
        // A title given as metadata (front matter, an NDJSON field) has no span in the
        // text; the title itself is the evidence of its boost.
        if p.title > 1.0
            && !s
                .posting_evidence
                .iter()
                .any(|m| m.section == crate::posting::SectionKind::Title)
            && let Some(title) = &r.posting.title
        {
            writeln!(out, "        posting title “{title}” [title]")?;
        }
        for m in &s.posting_evidence {
            writeln!(
                out,
                "        posting {}:{} “{}” [{}]",
                m.line,
                m.column,
                m.text,
                m.section.as_str()
            )?;
        }
        for m in &s.profile_evidence {
            writeln!(
                out,
                "        résumé  {} bytes {}..{} “{}” [{}]",
                m.field,
                m.start,
                m.end,
                m.text,
                match m.kind {
                    crate::profile::FieldKind::Demonstrated => "demonstrated",
                    crate::profile::FieldKind::Declared => "declared",
                }
            )?;
        }
    }
    if r.unrecognized_weight > 0.0 {
        writeln!(
            out,
            "{BOLD}{:+6.2}{BOLD:#} unrecognised requirements  {DIM}lost {:.2}{DIM:#}\n        the rules recognise skills worth {:.2} in this posting, under the minimum {:.1}; weight {:.2} stands for what they do not know",
            0.0,
            100.0 * r.unrecognized_weight / r.total_weight,
            r.recognised_weight,
            crate::score::MIN_TOTAL_WEIGHT,
            r.unrecognized_weight
        )?;
    }
    if let Some(e) = &r.experience {
        writeln!(
            out,
            "{BOLD}{:+6.2}{BOLD:#} overall experience  {DIM}lost {:.2}{DIM:#}\n        weight {:.2}; credit {:.2} = {:.1} years ({}) / {} asked (“{}”)",
            e.points,
            e.lost,
            e.weight,
            e.credit,
            e.have,
            years_source(&e.profile_source),
            e.required,
            e.posting_evidence
        )?;
    }
    Ok(())
}

/// `ExperienceLine::profile_source` in words.
fn years_source(source: &str) -> String {
    match source {
        "dated roles" => "the résumé's dated roles".to_owned(),
        "stated" => "stated in the résumé".to_owned(),
        other => other.strip_prefix("stated for ").map_or_else(
            || other.to_owned(),
            |skill| format!("the years the résumé states of {skill}"),
        ),
    }
}

fn write_extraction(r: &ExtractReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if r.findings.is_empty() {
        return writeln!(out, "no skills found in {}", r.origin);
    }
    let mut t = table(style);
    t.set_header(vec!["Line:Col", "Skill", "Id", "Category", "Text", "Bytes"]);
    for f in &r.findings {
        t.add_row(vec![
            format!("{}:{}", f.line, f.column),
            f.name.clone(),
            f.id.clone(),
            f.category.clone(),
            f.text.clone(),
            format!("{}..{}", f.start, f.end),
        ]);
    }
    writeln!(out, "{t}")
}

fn write_rule_list(r: &RuleListReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut t = table(style);
    t.set_header(vec![
        "Id",
        "Name",
        "Category",
        "Weight",
        "Spellings",
        "Guarded",
        "Defined at",
    ]);
    for x in &r.rules {
        t.add_row(vec![
            x.id.clone(),
            x.name.clone(),
            x.category.clone(),
            format!("{:.1}", x.weight),
            x.spellings.to_string(),
            if x.guarded {
                "yes".into()
            } else {
                String::new()
            },
            x.origin.clone(),
        ]);
    }
    writeln!(out, "{t}")?;
    writeln!(out, "{} rules", r.rules.len())
}

fn write_rule(r: &RuleReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{BOLD}{}{BOLD:#} [{}]  {} · weight {:.1}",
        r.name, r.id, r.category, r.weight
    )?;
    writeln!(out, "{DIM}defined at {}{DIM:#}", r.origin)?;
    if let Some(o) = &r.overrides {
        writeln!(out, "{DIM}overrides the rule at {o}{DIM:#}")?;
    }
    if let Some(d) = &r.description {
        writeln!(out, "{d}")?;
    }
    let list = |v: &[String]| v.join(", ");
    let refs = |v: &[super::RuleRef]| {
        v.iter()
            .map(|x| x.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !r.aliases.is_empty() {
        writeln!(out, "aliases:    {}", list(&r.aliases))?;
    }
    if !r.exact.is_empty() {
        writeln!(out, "exact case: {}", list(&r.exact))?;
    }
    if !r.patterns.is_empty() {
        writeln!(out, "patterns:   {}", list(&r.patterns))?;
    }
    if !r.implies.is_empty() {
        writeln!(
            out,
            "implies:    {} (all: {})",
            refs(&r.implies),
            refs(&r.implies_all)
        )?;
    }
    if !r.implied_by.is_empty() {
        writeln!(out, "implied by: {}", refs(&r.implied_by))?;
    }
    if !r.related.is_empty() {
        writeln!(out, "related:    {}", refs(&r.related))?;
    }
    if let Some(c) = &r.context {
        writeln!(out, "context (within {} words):", c.window)?;
        if !c.any_near.is_empty() {
            writeln!(out, "  any near:        {}", list(&c.any_near))?;
        }
        if !c.any_near_category.is_empty() {
            writeln!(out, "  any category near: {}", list(&c.any_near_category))?;
        }
        if !c.any_in_document.is_empty() {
            writeln!(out, "  any in document: {}", list(&c.any_in_document))?;
        }
        if !c.none_near.is_empty() {
            writeln!(out, "  none near:       {}", list(&c.none_near))?;
        }
        if c.given_name {
            writeln!(
                out,
                "  given name:      not when a capitalised word follows (\"Ruby Chen\")"
            )?;
        }
    }
    writeln!(out, "examples:")?;
    for e in &r.examples {
        let (mark, st) = if e.passes {
            ("ok  ", fg(AnsiColor::Green))
        } else {
            ("FAIL", fg(AnsiColor::Red))
        };
        writeln!(
            out,
            "  {st}{mark}{st:#} {} {:?}",
            if e.should_match {
                "match   "
            } else {
                "no_match"
            },
            e.sentence
        )?;
    }
    Ok(())
}
