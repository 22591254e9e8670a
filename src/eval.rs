//! Measuring extraction against gold annotations: SkillSpan CoNLL files (token, skill
//! BIO tag, knowledge BIO tag), scored by loose overlap as the taxonomy issue defines:
//! a prediction is correct when it overlaps any gold Knowledge or Skill span; a gold
//! Knowledge span is found when any prediction overlaps it.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::{Diagnostic, Result};
use crate::rules::RuleSet;

/// One sentence of a CoNLL file, rebuilt as text with its gold spans.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    /// Tokens joined by single spaces.
    pub text: String,
    /// Knowledge spans (byte ranges in `text`).
    pub knowledge: Vec<(usize, usize)>,
    /// Skill spans.
    pub skill: Vec<(usize, usize)>,
    /// Line in the file where the sentence starts.
    pub line: usize,
}

/// Parses a SkillSpan CoNLL file.
///
/// # Errors
/// A line that is not `token<TAB>tag<TAB>tag`, with its position.
pub fn parse_conll(origin: &str, text: &str) -> Result<Vec<GoldSentence>> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    // Open spans: (start byte, end byte).
    let mut open: [Option<(usize, usize)>; 2] = [None, None];
    let close = |cur: &mut GoldSentence, open: &mut [Option<(usize, usize)>; 2], which: usize| {
        if let Some(span) = open[which].take() {
            if which == 0 {
                cur.skill.push(span);
            } else {
                cur.knowledge.push(span);
            }
        }
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            close(&mut cur, &mut open, 0);
            close(&mut cur, &mut open, 1);
            if !cur.text.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(Diagnostic::new(
                origin,
                "expected `token<TAB>skill_tag<TAB>knowledge_tag`",
            )
            .at(i + 1, 1, Some(text))
            .help("pass a SkillSpan .conll file (see ../shared/data/README.md)")
            .into());
        }
        if cur.text.is_empty() {
            cur.line = i + 1;
        } else {
            cur.text.push(' ');
        }
        let start = cur.text.len();
        cur.text.push_str(cols[0]);
        let end = cur.text.len();
        for (which, tag) in [(0usize, cols[1]), (1usize, cols[2])] {
            let tag = tag.trim();
            if tag.starts_with('B') {
                close(&mut cur, &mut open, which);
                open[which] = Some((start, end));
            } else if tag.starts_with('I') {
                match &mut open[which] {
                    Some(span) => span.1 = end,
                    None => open[which] = Some((start, end)),
                }
            } else {
                close(&mut cur, &mut open, which);
            }
        }
    }
    close(&mut cur, &mut open, 0);
    close(&mut cur, &mut open, 1);
    if !cur.text.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Evaluation result.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Sentences read.
    pub sentences: usize,
    /// Predicted spans.
    pub predictions: usize,
    /// Predictions overlapping a gold Knowledge or Skill span.
    pub correct_predictions: usize,
    /// Gold Knowledge spans.
    pub gold_knowledge: usize,
    /// Gold Knowledge spans overlapped by a prediction.
    pub found_knowledge: usize,
    /// Precision.
    pub precision: f64,
    /// Recall (of Knowledge spans).
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Most frequent false positives: (rule id: text, count).
    pub false_positives: Vec<(String, usize)>,
    /// Most frequent missed Knowledge spans: (text, count).
    pub false_negatives: Vec<(String, usize)>,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Runs the rules over every sentence and scores the spans.
#[must_use]
pub fn evaluate(rules: &RuleSet, sentences: &[GoldSentence], top: usize) -> EvalReport {
    let mut predictions = 0;
    let mut correct = 0;
    let mut gold = 0;
    let mut found = 0;
    let mut fp: HashMap<String, usize> = HashMap::new();
    let mut fn_: HashMap<String, usize> = HashMap::new();
    for s in sentences {
        let preds: Vec<(usize, usize, String)> = rules
            .extract(&s.text)
            .into_iter()
            .map(|f| (f.start, f.end, rules.rule(f.rule).id.clone()))
            .collect();
        for (a, b, id) in &preds {
            predictions += 1;
            if s.knowledge
                .iter()
                .chain(&s.skill)
                .any(|&g| overlaps((*a, *b), g))
            {
                correct += 1;
            } else {
                *fp.entry(format!("{id}: {}", s.text[*a..*b].to_lowercase()))
                    .or_default() += 1;
            }
        }
        for &g in &s.knowledge {
            gold += 1;
            if preds.iter().any(|(a, b, _)| overlaps((*a, *b), g)) {
                found += 1;
            } else {
                *fn_.entry(s.text[g.0..g.1].to_lowercase()).or_default() += 1;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let precision = ratio(correct, predictions);
    let recall = ratio(found, gold);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let top_n = |m: HashMap<String, usize>| {
        let mut v: Vec<(String, usize)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(top);
        v
    };
    EvalReport {
        sentences: sentences.len(),
        predictions,
        correct_predictions: correct,
        gold_knowledge: gold,
        found_knowledge: found,
        precision,
        recall,
        f1,
        false_positives: top_n(fp),
        false_negatives: top_n(fn_),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bio_spans() {
        let conll = "We\tO\tO\nuse\tO\tO\nApache\tO\tB\nSpark\tO\tI\nand\tO\tO\ndesign\tB\tO\nsystems\tI\tO\n\nNext\tO\tO\n";
        let s = parse_conll("x", conll).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "We use Apache Spark and design systems");
        assert_eq!(
            &s[0].text[s[0].knowledge[0].0..s[0].knowledge[0].1],
            "Apache Spark"
        );
        assert_eq!(
            &s[0].text[s[0].skill[0].0..s[0].skill[0].1],
            "design systems"
        );
        assert!(parse_conll("x", "bad line\n").is_err());
    }
}
