//! The rule-file format as written in `rules/*.yml`: raw, span-carrying types that
//! serde fills in, rejecting unknown keys and wrong types with line and column, and
//! `RuleInput`, the same rule with plain positions, which is what validation reads.
//!
//! This file is also compiled into `build.rs`, which compiles the built-in packs at
//! build time (so a broken built-in pack fails the build and start-up does not parse
//! YAML). It must only use `serde`, `serde_saphyr` and `std`.

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// What kind of skill a rule describes. Shown in reports and used for default weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Programming, query and markup languages.
    Language,
    /// Frameworks and libraries.
    Framework,
    /// Databases and data stores.
    Database,
    /// Cloud platforms and their services.
    Cloud,
    /// DevOps, infrastructure, containers, CI, observability.
    Devops,
    /// Data engineering, analytics and BI.
    Data,
    /// Machine learning and AI.
    Ml,
    /// Testing tools and practices.
    Testing,
    /// Protocols, APIs and data formats.
    Protocol,
    /// Operating systems and platforms.
    Os,
    /// Security.
    Security,
    /// Engineering methodologies and practices.
    Practice,
    /// Business and technical domains.
    Domain,
    /// Transversal ("soft") skills.
    Soft,
    /// Tools: editors, version control, design and productivity software.
    Tool,
    /// Spoken languages (English, German).
    Spoken,
    /// Degrees and fields of study (computer science, electronics).
    Education,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 17] = [
        Category::Language,
        Category::Framework,
        Category::Database,
        Category::Cloud,
        Category::Devops,
        Category::Data,
        Category::Ml,
        Category::Testing,
        Category::Protocol,
        Category::Os,
        Category::Security,
        Category::Practice,
        Category::Domain,
        Category::Soft,
        Category::Tool,
        Category::Spoken,
        Category::Education,
    ];

    /// The name used in rule files and output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Language => "language",
            Category::Framework => "framework",
            Category::Database => "database",
            Category::Cloud => "cloud",
            Category::Devops => "devops",
            Category::Data => "data",
            Category::Ml => "ml",
            Category::Testing => "testing",
            Category::Protocol => "protocol",
            Category::Os => "os",
            Category::Security => "security",
            Category::Practice => "practice",
            Category::Domain => "domain",
            Category::Soft => "soft",
            Category::Tool => "tool",
            Category::Spoken => "spoken",
            Category::Education => "education",
        }
    }

    /// Weight of a rule of this category that does not set its own. Concrete
    /// technologies are what postings are screened on; practices and soft skills are
    /// real but rarely decide a match on their own.
    #[must_use]
    pub fn default_weight(self) -> f32 {
        match self {
            Category::Language | Category::Framework | Category::Database | Category::Cloud => 3.0,
            Category::Devops | Category::Data | Category::Ml | Category::Os => 2.5,
            Category::Testing | Category::Protocol | Category::Security | Category::Domain => 2.0,
            Category::Practice | Category::Tool | Category::Education => 1.5,
            Category::Soft | Category::Spoken => 1.0,
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule as written in a rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Stable identifier: lower-case letters, digits and `-`, `+`, `#`, `.`.
    pub id: Spanned<String>,
    /// Canonical display name.
    pub name: Spanned<String>,
    /// Category.
    pub category: Category,
    /// Importance when this skill is asked for (default from the category), 0 < w ≤ 10.
    #[serde(default)]
    pub weight: Option<Spanned<f32>>,
    /// Case-insensitive spellings.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Case-sensitive spellings, for names that are also common words (`Go`, `Swift`).
    #[serde(default)]
    pub exact: Vec<Spanned<String>>,
    /// Regular expressions over folded (lower-case) text, for families of spellings.
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// Rules this one implies (Django ⇒ Python): full credit's worth of evidence, minus a little.
    #[serde(default)]
    pub implies: Vec<Spanned<String>>,
    /// Rules close enough for partial credit (MySQL ~ PostgreSQL). Symmetric.
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// Context guards for ambiguous names.
    #[serde(default)]
    pub context: Option<RawContext>,
    /// Example sentences, run by `jobfit rules check` and the test suite.
    #[serde(default)]
    pub examples: Option<RawExamples>,
    /// What the skill is, when the name is not enough.
    #[serde(default)]
    pub description: Option<String>,
}

/// Context guards: words that must or must not be near a match. They apply to the
/// rule's `exact` spellings, or to all its spellings when it has no `exact` ones; plain
/// `aliases` of a rule with `exact` spellings always match (`golang` needs no context,
/// `Go` does).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContext {
    /// At least one of these words or phrases within `window` words.
    #[serde(default)]
    pub any_near: Vec<Spanned<String>>,
    /// A skill of one of these categories within `window` words.
    #[serde(default)]
    pub any_near_category: Vec<Category>,
    /// At least one of these words or phrases anywhere in the document.
    #[serde(default)]
    pub any_in_document: Vec<Spanned<String>>,
    /// None of these words or phrases within `window` words.
    #[serde(default)]
    pub none_near: Vec<Spanned<String>>,
    /// The name is also a given name: written capitalised and followed, one space on,
    /// by a capitalised word that names no skill ("Ruby Chen", "Julia Roberts"), it
    /// names a person and does not match. A veto, like `none_near`.
    #[serde(default)]
    pub given_name: bool,
    /// How many words on each side count as near (default 8).
    #[serde(default)]
    pub window: Option<Spanned<u32>>,
}

/// Example sentences for a rule.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExamples {
    /// Sentences in which the rule must match.
    #[serde(rename = "match", default)]
    pub matches: Vec<Spanned<String>>,
    /// Sentences in which the rule must not match.
    #[serde(default)]
    pub no_match: Vec<Spanned<String>>,
}

/// A value with the 1-based line and column it was written at (0 when unknown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pos<T> {
    /// The value.
    pub v: T,
    /// Line.
    pub l: u32,
    /// Column.
    pub c: u32,
}

impl<T> Pos<T> {
    fn from_spanned(s: Spanned<T>) -> Self {
        Self {
            l: u32::try_from(s.referenced.line()).unwrap_or(0),
            c: u32::try_from(s.referenced.column()).unwrap_or(0),
            v: s.value,
        }
    }
}

fn pos_vec<T>(v: Vec<Spanned<T>>) -> Vec<Pos<T>> {
    v.into_iter().map(Pos::from_spanned).collect()
}

/// A rule as read from a file, before validation, with plain positions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleInput {
    pub id: Pos<String>,
    pub name: Pos<String>,
    pub category: Category,
    pub weight: Option<Pos<f32>>,
    pub aliases: Vec<Pos<String>>,
    pub exact: Vec<Pos<String>>,
    pub patterns: Vec<Pos<String>>,
    pub implies: Vec<Pos<String>>,
    pub related: Vec<Pos<String>>,
    pub context: Option<ContextInput>,
    pub examples_match: Vec<Pos<String>>,
    pub examples_no_match: Vec<Pos<String>>,
    pub has_examples: bool,
    pub description: Option<String>,
}

/// Context guards with plain positions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContextInput {
    pub any_near: Vec<Pos<String>>,
    pub any_near_category: Vec<Category>,
    pub any_in_document: Vec<Pos<String>>,
    pub none_near: Vec<Pos<String>>,
    #[serde(default)]
    pub given_name: bool,
    pub window: Option<Pos<u32>>,
}

impl From<RawRule> for RuleInput {
    fn from(r: RawRule) -> Self {
        let has_examples = r.examples.is_some();
        let examples = r.examples.unwrap_or_default();
        Self {
            id: Pos::from_spanned(r.id),
            name: Pos::from_spanned(r.name),
            category: r.category,
            weight: r.weight.map(Pos::from_spanned),
            aliases: pos_vec(r.aliases),
            exact: pos_vec(r.exact),
            patterns: pos_vec(r.patterns),
            implies: pos_vec(r.implies),
            related: pos_vec(r.related),
            context: r.context.map(|c| ContextInput {
                any_near: pos_vec(c.any_near),
                any_near_category: c.any_near_category,
                any_in_document: pos_vec(c.any_in_document),
                none_near: pos_vec(c.none_near),
                given_name: c.given_name,
                window: c.window.map(Pos::from_spanned),
            }),
            examples_match: pos_vec(examples.matches),
            examples_no_match: pos_vec(examples.no_match),
            has_examples,
            description: r.description,
        }
    }
}

/// Parses one rule file's YAML.
///
/// # Errors
/// The YAML or schema error, with its location.
pub fn parse_yaml(text: &str) -> Result<Vec<RuleInput>, serde_saphyr::Error> {
    // serde-saphyr's default budget already refuses alias bombs and runaway nesting.
    let raw: Vec<RawRule> = serde_saphyr::from_str(text)?;
    Ok(raw.into_iter().map(RuleInput::from).collect())
}
