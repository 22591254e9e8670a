//! The rule-file format as written in `rules/*.yml`: raw, span-carrying types that
//! serde fills in, rejecting unknown keys and wrong types with line and column.

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
