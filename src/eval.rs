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

/// Precision, recall and F1 of one set of predictions.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
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
    /// Per rule: (id, predictions, correct), most false positives first; for curation.
    pub per_rule: Vec<(String, usize, usize)>,
}

/// Evaluation result: every mention the extractor finds, and the mentions scoring
/// treats as requirements (not in job-title lines or sentences that only describe the
/// company, see `posting::sentence_role`). SkillSpan annotates what a posting asks of
/// the candidate, so the second is the figure comparable with the gold.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Sentences read.
    pub sentences: usize,
    /// All mentions.
    pub mentions: Metrics,
    /// Mentions in requirement sentences.
    pub requirements: Metrics,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[derive(Default)]
struct Tally {
    predictions: usize,
    correct: usize,
    gold: usize,
    found: usize,
    fp: HashMap<String, usize>,
    fn_: HashMap<String, usize>,
    per_rule: HashMap<String, (usize, usize)>,
}

impl Tally {
    fn add(&mut self, s: &GoldSentence, preds: &[(usize, usize, String)]) {
        for (a, b, id) in preds {
            self.predictions += 1;
            let entry = self.per_rule.entry(id.clone()).or_default();
            entry.0 += 1;
            if s.knowledge
                .iter()
                .chain(&s.skill)
                .any(|&g| overlaps((*a, *b), g))
            {
                self.correct += 1;
                entry.1 += 1;
            } else {
                *self
                    .fp
                    .entry(format!("{id}: {}", s.text[*a..*b].to_lowercase()))
                    .or_default() += 1;
            }
        }
        for &g in &s.knowledge {
            self.gold += 1;
            if preds.iter().any(|(a, b, _)| overlaps((*a, *b), g)) {
                self.found += 1;
            } else {
                *self.fn_.entry(s.text[g.0..g.1].to_lowercase()).or_default() += 1;
            }
        }
    }

    fn metrics(self, top: usize) -> Metrics {
        #[allow(clippy::cast_precision_loss)]
        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let precision = ratio(self.correct, self.predictions);
        let recall = ratio(self.found, self.gold);
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
        let mut per_rule: Vec<(String, usize, usize)> = self
            .per_rule
            .into_iter()
            .map(|(k, (p, c))| (k, p, c))
            .collect();
        per_rule.sort_by(|a, b| (b.1 - b.2).cmp(&(a.1 - a.2)).then_with(|| a.0.cmp(&b.0)));
        Metrics {
            per_rule,
            predictions: self.predictions,
            correct_predictions: self.correct,
            gold_knowledge: self.gold,
            found_knowledge: self.found,
            precision,
            recall,
            f1,
            false_positives: top_n(self.fp),
            false_negatives: top_n(self.fn_),
        }
    }
}

/// Runs the rules over every sentence and scores the spans.
#[must_use]
pub fn evaluate(rules: &RuleSet, sentences: &[GoldSentence], top: usize) -> EvalReport {
    let mut all = Tally::default();
    let mut req = Tally::default();
    for s in sentences {
        let preds: Vec<(usize, usize, String)> = rules
            .extract(&s.text)
            .into_iter()
            .map(|f| (f.start, f.end, rules.rule(f.rule).id.to_string()))
            .collect();
        all.add(s, &preds);
        let role = crate::posting::sentence_role(&s.text);
        let kept: Vec<(usize, usize, String)> = if role == crate::posting::SentenceRole::Requirement
        {
            preds
                .iter()
                .filter(|(_, e, _)| !crate::posting::followed_by_role(&s.text, *e))
                .cloned()
                .collect()
        } else {
            Vec::new()
        };
        req.add(s, &kept);
    }
    EvalReport {
        sentences: sentences.len(),
        mentions: all.metrics(top),
        requirements: req.metrics(top),
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
