//! Titles that offer several jobs ("Python Backend Engineers, SREs, DevOps"): the roles
//! a title lists and the skills each one names, so that a candidate fits one of them
//! rather than being asked for all of them.

use crate::rules::RuleId;

/// Words that make an item of a title a job of its own, besides `text::JOB_NOUNS`
/// (compared without a plural `s`).
const ROLE_WORDS: &[&str] = &[
    "swe",
    "sdet",
    "devop",
    "qa",
    "pm",
    "hacker",
    "writer",
    "researcher",
    "recruiter",
    "technician",
    "expert",
    "role",
    "position",
    "generalist",
    "coach",
    "coaches",
];

/// Words that name a field of engineering work, which a title listing nothing else
/// offers as jobs ("Frontend, Backend", "Senior Front-end, Senior Full-stack"), and the
/// seniority words that may go with them.
const FIELD_WORDS: &[&str] = &[
    "frontend",
    "front-end",
    "front",
    "backend",
    "back-end",
    "back",
    "end",
    "full-stack",
    "fullstack",
    "full",
    "stack",
    "devops",
    "mobile",
    "ios",
    "android",
    "web",
    "data",
    "ml",
    "ai",
    "machine",
    "learning",
    "security",
    "infra",
    "infrastructure",
    "platform",
    "embedded",
    "systems",
    "cloud",
    "ux",
    "ui",
    "qa",
    "senior",
    "sr",
    "junior",
    "jr",
    "staff",
    "principal",
    "mid",
    "mid-level",
];

/// A skill found in the title: its rule and byte span.
pub type TitleSkill = (RuleId, usize, usize);

/// One comma-, slash- or "and"-separated part of a title, outside parentheses, with
/// what its parentheses hold.
#[derive(Debug, Default)]
struct Item {
    /// Skills named outside the parentheses.
    core: Vec<RuleId>,
    /// The skills of each part of its parentheses ("(frontend, backend)"): choices.
    choices: Vec<Vec<RuleId>>,
    /// It names a job ("Backend Engineers", "SREs"), not only a field ("Frontend").
    role: bool,
    /// A slash or "or" stands next to it: "Python Developer / Software Engineer" are
    /// two names for one job more often than two jobs.
    renamed: bool,
    /// It is one word in the singular joined by "&", "+" or "and" ("Manager" of "Tech
    /// Lead & Manager"): a second hat of one job more often than a job of its own.
    bare: bool,
    /// Its words (outside brackets) only name a field of work ("Senior Frontend").
    field: bool,
}

/// The roles a title offers, each as the skills it names, when it offers two or more
/// that name skills; otherwise nothing (a title naming one job, however many skills,
/// asks for all of them).
///
/// - Parts naming a job are roles: "Frontend Engineer, Backend Engineer, SREs".
/// - Parts naming only a field before a part naming a job share its noun: "Frontend,
///   Backend and Data Engineers", "Python/Go Engineer" offer one role per field.
/// - Parts naming only a field after the last job qualify it: "Data Engineer, Spark &
///   Kafka" is one role asking for all three.
/// - A role's parentheses list choices: "Software Engineer (Haskell/Scala/Python)" is
///   met by any one of them, "Backend Engineer (Python, Go)" by back-end development
///   with either language.
///
/// - Roles one of which implies the other ("Python/Django Developer": Django work is
///   Python work) are one role asking for both.
/// - A title with no job noun whose parts name fields of work and nothing else (two
///   or more: "Frontend, Backend", "iOS, Android, Platform, Product") lists jobs, one
///   a part; one naming a technology ("Rails / Front End / UX") lists skills.
/// - A job naming no skill beside one job that does ("Senior Software Engineers and
///   Agile Coaches", "Front End Developer & Data Scientist") is a role of its own, the
///   empty one: the candidate may apply for it, so the one job's skills are no longer
///   the whole posting's. (Not for two names of one job, "Go Developer / Software
///   Engineer", nor fields sharing its noun, "Python and Web Developer"; and beside
///   two or more jobs that name skills, those already ask for one of them only.)
///
/// `skills` are the title's findings in text order; `implies(a, b)` says a skill
/// implies another.
#[must_use]
pub fn title_roles(
    title: &str,
    skills: &[TitleSkill],
    implies: impl Fn(RuleId, RuleId) -> bool,
) -> Vec<Vec<RuleId>> {
    // A "title" that runs into sentences is a paragraph taken for one (a post with no
    // title line): its commas list anything but jobs.
    // A stop after a word ("systems. CertSAFE"), not after an abbreviation ("Sr.
    // Software Engineer", "Inc.", "U.S.").
    let prose = title.len() > 300
        || title.match_indices(". ").any(|(i, _)| {
            let word = title[..i].rsplit(' ').next().unwrap_or("");
            let sentence_end = !word.contains('.')
                && (word.len() >= 4 || word.len() == 3 && word.chars().all(char::is_lowercase));
            sentence_end && title[i + 2..].starts_with(char::is_uppercase)
        });
    if skills.is_empty() || prose {
        return Vec::new();
    }
    let mut items = items(title, skills);
    let named = |i: &Item| !i.core.is_empty() || i.choices.iter().any(|c| !c.is_empty());
    if !items.iter().any(|i| i.role)
        && items.iter().filter(|i| i.field && named(i)).count() >= 2
        && items.iter().all(|i| i.field || !named(i))
    {
        for i in &mut items {
            i.role = true;
        }
    }
    let mut roles: Vec<Vec<RuleId>> = Vec::new();
    // Field-only parts waiting for the job noun that follows them.
    let mut pending: Vec<Item> = Vec::new();
    // The roles of the last part naming a job, which later field-only parts qualify.
    let mut last: Option<std::ops::Range<usize>> = None;
    // Roles of jobs that name no skill of their own, unless later parts qualify them.
    let mut unnamed: Vec<usize> = Vec::new();
    for item in items {
        if item.role {
            // Fields sharing its noun ("Python and Web Developer", "Video Encoding
            // and Streaming Engineer") may name one job as well as two.
            let shared = !pending.is_empty();
            for p in pending.drain(..) {
                roles.extend(options(&p));
            }
            let from = roles.len();
            roles.extend(options(&item));
            if !item.renamed && !item.bare && !shared && roles[from..].iter().all(Vec::is_empty) {
                unnamed.push(from);
            }
            last = Some(from..roles.len());
        } else {
            pending.push(item);
        }
    }
    // Field-only parts at the end qualify the last job; with no job at all, the title
    // is a list of skills, not of roles.
    match last {
        Some(range) => {
            for p in pending {
                for r in &mut roles[range.clone()] {
                    r.extend(p.core.iter().copied());
                    r.extend(p.choices.iter().flatten().copied());
                }
            }
        }
        None => return Vec::new(),
    }
    let unnamed = unnamed.iter().any(|&i| roles[i].is_empty());
    roles.retain(|r| !r.is_empty());
    // Merge roles tied by an implication between skills they do not share, until none
    // are (titles list a handful of roles: the quadratic passes cost nothing).
    let tied = |a: &[RuleId], b: &[RuleId]| {
        a.iter().filter(|x| !b.contains(x)).any(|&x| {
            b.iter()
                .filter(|y| !a.contains(y))
                .any(|&y| implies(x, y) || implies(y, x))
        })
    };
    'merge: loop {
        for i in 0..roles.len() {
            for j in i + 1..roles.len() {
                if tied(&roles[i], &roles[j]) {
                    let other = roles.swap_remove(j);
                    roles[i].extend(other);
                    continue 'merge;
                }
            }
        }
        break;
    }
    for r in &mut roles {
        r.sort_unstable();
        r.dedup();
    }
    roles.sort();
    roles.dedup();
    if roles.len() == 1 && unnamed {
        roles.insert(0, Vec::new());
    }
    if roles.len() < 2 { Vec::new() } else { roles }
}

/// A part's roles: its own skills with each choice in its parentheses.
fn options(item: &Item) -> Vec<Vec<RuleId>> {
    let choices: Vec<&Vec<RuleId>> = item.choices.iter().filter(|c| !c.is_empty()).collect();
    if choices.is_empty() {
        return vec![item.core.clone()];
    }
    choices
        .into_iter()
        .map(|c| item.core.iter().chain(c).copied().collect())
        .collect()
}

/// What separates two parts of a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// A comma, semicolon, pipe, or an opening bracket.
    List,
    /// A slash or "or": two names of one job, as often as not.
    Rename,
    /// "&", "+" or "and".
    Join,
    /// A closing bracket: what follows may go on with the part before.
    Close,
}

/// Splits a title into its parts. Separators inside a skill's own words ("CI/CD",
/// "C++") separate nothing.
fn items(title: &str, skills: &[TitleSkill]) -> Vec<Item> {
    let bytes = title.as_bytes();
    let inside_skill = |i: usize| skills.iter().any(|&(_, a, b)| a <= i && i < b);
    // (start, end, depth, separator after it) of each part; depth 1 is inside
    // parentheses.
    let mut parts: Vec<(usize, usize, u8, Sep)> = Vec::new();
    let mut depth = 0u8;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let at =
            |w: &[u8]| bytes[i..].len() >= w.len() && bytes[i..i + w.len()].eq_ignore_ascii_case(w);
        // (separator length, depth after it): brackets open and close a depth.
        let sep = match bytes[i] {
            b'(' | b'[' => Some((1, 1)),
            b')' | b']' => Some((1, 0)),
            b',' | b';' | b'/' | b'&' | b'+' | b'|' if !inside_skill(i) => Some((1, depth)),
            b' ' if at(b" and ") => Some((5, depth)),
            b' ' if at(b" or ") => Some((4, depth)),
            _ => None,
        };
        match sep {
            Some((len, next)) => {
                let kind = match bytes[i] {
                    b'/' => Sep::Rename,
                    _ if len == 4 => Sep::Rename,
                    b'&' | b'+' => Sep::Join,
                    _ if len == 5 => Sep::Join,
                    _ if depth == 1 && next == 0 => Sep::Close,
                    _ => Sep::List,
                };
                parts.push((start, i, depth, kind));
                depth = next;
                start = i + len;
                i += len;
            }
            None => i += 1,
        }
    }
    parts.push((start, bytes.len(), depth, Sep::List));

    let mut items: Vec<Item> = Vec::new();
    // The separator before the current part.
    let mut before = Sep::List;
    // Whether the part before is an empty one outside brackets: brackets right after a
    // separator open a part of their own ("… / (Senior) Flight Engineer").
    let mut after_nothing = true;
    for (a, b, d, after) in parts {
        let renamed = before == Sep::Rename || after == Sep::Rename;
        let joined = before == Sep::Join || after == Sep::Join;
        let continues = std::mem::replace(&mut before, after) == Sep::Close;
        let opens_part = d == 1 && after_nothing;
        after_nothing = d == 0 && title[a..b].trim().is_empty();
        let text = &title[a..b];
        let found: Vec<RuleId> = skills
            .iter()
            .filter(|&&(_, s, e)| s >= a && e <= b)
            .map(|&(r, _, _)| r)
            .collect();
        match items.last_mut() {
            // Parentheses list choices for the part before them.
            Some(item) if d == 1 && !opens_part => item.choices.push(found),
            // Words right after the parentheses go on with a part that names no job yet:
            // "Front End (React) Developer", "Senior .NET (mostly) developer" (but
            // "Frontend Engineer (React) 2. Symfony Developer" are two).
            Some(item) if continues && !item.role && !text.trim().is_empty() => {
                item.core.extend(found);
                item.role |= names_role(text);
                item.renamed |= renamed;
                item.bare = false;
                item.field &= fields_only(text);
            }
            // Parentheses opening the title are a part of their own.
            _ if text.trim().is_empty() => {}
            _ => items.push(Item {
                core: found,
                choices: Vec::new(),
                role: names_role(text),
                renamed,
                bare: joined && {
                    let mut words = text.split_whitespace();
                    words.next().is_some_and(|w| !w.ends_with(['s', 'S'])) && words.next().is_none()
                },
                field: fields_only(text),
            }),
        }
    }
    items
}

/// True when a part of a title is words of `FIELD_WORDS` alone.
fn fields_only(part: &str) -> bool {
    let mut words = part
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| FIELD_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)))
}

/// True when a part of a title names a job: a job noun, singular or plural.
fn names_role(part: &str) -> bool {
    part.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            // `names_job` ignores case, so no lower-cased copy is needed.
            let singular = w.strip_suffix(['s', 'S']).unwrap_or(w);
            crate::text::names_job(w, ROLE_WORDS) || crate::text::names_job(singular, ROLE_WORDS)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The roles of `title`, with skills given as the words that name them.
    fn roles(title: &str, words: &[&str]) -> Vec<Vec<String>> {
        let mut skills = Vec::new();
        for (k, w) in words.iter().enumerate() {
            let at = title.find(w).unwrap_or_else(|| panic!("{w} in {title}"));
            skills.push((RuleId(u32::try_from(k).unwrap()), at, at + w.len()));
        }
        skills.sort_by_key(|s| s.1);
        // "Django" implies "Python", as the rules say.
        let implies =
            |a: RuleId, b: RuleId| words[a.index()] == "Django" && words[b.index()] == "Python";
        title_roles(title, &skills, implies)
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|id| words[id.index()].to_owned())
                    .collect()
            })
            .collect()
    }

    fn set(v: &[&[&str]]) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = v
            .iter()
            .map(|r| {
                let mut r: Vec<String> = r.iter().map(|s| (*s).to_owned()).collect();
                r.sort();
                r
            })
            .collect();
        out.sort();
        out
    }

    fn sorted(mut v: Vec<Vec<String>>) -> Vec<Vec<String>> {
        for r in &mut v {
            r.sort();
        }
        v.sort();
        v
    }

    #[test]
    fn a_list_of_jobs_offers_one_role_each() {
        assert_eq!(
            sorted(roles(
                "Python Backend Engineers, SREs, DevOps",
                &["Python", "Backend", "DevOps"]
            )),
            set(&[&["Python", "Backend"], &["DevOps"]])
        );
        assert_eq!(
            sorted(roles(
                "Frontend Engineer, Backend Engineer, Technical PM",
                &["Frontend", "Backend"]
            )),
            set(&[&["Frontend"], &["Backend"]])
        );
    }

    #[test]
    fn abbreviations_are_no_sentence_stops() {
        assert_eq!(
            sorted(roles(
                "Sr. JavaScript Engineer, Sr. Python Engineer",
                &["JavaScript", "Python"]
            )),
            set(&[&["JavaScript"], &["Python"]])
        );
    }

    #[test]
    fn fields_before_a_job_noun_share_it() {
        assert_eq!(
            sorted(roles(
                "DevOps, Data, Backend and Frontend Engineers",
                &["DevOps", "Backend", "Frontend"]
            )),
            set(&[&["DevOps"], &["Backend"], &["Frontend"]])
        );
        assert_eq!(
            sorted(roles("Senior Python/Go Engineer", &["Python", "Go"])),
            set(&[&["Python"], &["Go"]])
        );
    }

    #[test]
    fn parentheses_list_choices_of_their_role() {
        assert_eq!(
            sorted(roles(
                "Software Engineer (Haskell/Scala/Python), DevOps Engineer",
                &["Haskell", "Scala", "Python", "DevOps"]
            )),
            set(&[&["Haskell"], &["Scala"], &["Python"], &["DevOps"]])
        );
        assert_eq!(
            sorted(roles(
                "Backend Engineer (Python, Go)",
                &["Backend", "Python", "Go"]
            )),
            set(&[&["Backend", "Python"], &["Backend", "Go"]])
        );
    }

    #[test]
    fn a_job_naming_no_skill_beside_one_that_does_is_a_role_of_its_own() {
        // Another job the title lists, with no skill of its own ("Software Engineers"),
        // is one the candidate may apply for: the one job that names skills is no
        // longer the whole posting's requirement.
        assert_eq!(
            sorted(roles(
                "Senior Software Engineers and Agile Coaches",
                &["Agile"]
            )),
            set(&[&[], &["Agile"]])
        );
        assert_eq!(
            sorted(roles(
                "Gen. Software Engineer, ML Engineer, Controls Engineer",
                &["ML"]
            )),
            set(&[&[], &["ML"]])
        );
        assert_eq!(
            sorted(roles(
                "Front End Developer & Data Scientist",
                &["Front End"]
            )),
            set(&[&["Front End"], &[]])
        );
        // Two names for one job ("/", "or") and a job's qualifiers offer nothing more.
        for (title, words) in [
            ("Python Developer / Software Engineer", &["Python"][..]),
            ("Go Engineer or Software Engineer", &["Go"]),
            ("Software Engineer, Backend", &["Backend"]),
            ("Engineering Manager, Data Platform (Kafka)", &["Kafka"]),
            ("Head of Engineering", &[]),
            ("Senior .NET (mostly) developer", &[".NET"]),
            ("Front End (React) Developer", &["Front End", "React"]),
            ("Python and Web Developer", &["Python"]),
            ("ASIC Design Tech Lead & Manager", &["ASIC"]),
        ] {
            assert!(roles(title, words).is_empty(), "{title}");
        }
        // Brackets after a separator open a job of their own.
        assert_eq!(
            sorted(roles(
                "(Senior) Embedded Engineer / (Senior) Flight Software Engineer",
                &["Embedded", "Flight"]
            )),
            set(&[&["Embedded"], &["Flight"]])
        );
        // Words after brackets that close a job begin another.
        assert_eq!(
            sorted(roles(
                "1. Python Developer (Django) 2. Go Developer",
                &["Python", "Django", "Go"]
            )),
            set(&[&["Python", "Django"], &["Go"]])
        );
    }

    #[test]
    fn a_title_of_fields_of_work_alone_lists_jobs() {
        // "Frontend, Backend" with no job noun lists jobs, as "Frontend and Backend
        // Engineers" would; a list naming a technology is a list of skills.
        assert_eq!(
            sorted(roles("Frontend, Backend", &["Frontend", "Backend"])),
            set(&[&["Frontend"], &["Backend"]])
        );
        assert_eq!(
            sorted(roles(
                "Senior Front-end, Senior Full-stack",
                &["Front-end", "Full-stack"]
            )),
            set(&[&["Front-end"], &["Full-stack"]])
        );
        assert_eq!(
            sorted(roles(
                "iOS, Android, Platform, Product",
                &["iOS", "Android"]
            )),
            set(&[&["iOS"], &["Android"]])
        );
        assert_eq!(
            sorted(roles(
                "Senior Full Stack (Rails), Senior Frontend (React)",
                &["Full Stack", "Rails", "Frontend", "React"]
            )),
            set(&[&["Full Stack", "Rails"], &["Frontend", "React"]])
        );
        for (title, words) in [
            ("Rails / Front End / UX", &["Rails", "Front End", "UX"][..]),
            // One field beside another word may be a place or a team: no list.
            ("Frontend, Berlin", &["Frontend"]),
            (
                "Frontend, Backend, React",
                &["Frontend", "Backend", "React"],
            ),
            (
                "Python Backend, Full-Stack",
                &["Python", "Backend", "Full-Stack"],
            ),
            ("Backend", &["Backend"]),
        ] {
            assert!(roles(title, words).is_empty(), "{title}");
        }
    }

    #[test]
    fn one_job_asks_for_all_its_skills() {
        for (title, words) in [
            ("Senior Python Backend Engineer", &["Python", "Backend"][..]),
            ("Data Engineer, Spark & Kafka", &["Data", "Spark", "Kafka"]),
            ("Backend Engineer (Python)", &["Backend", "Python"]),
            ("CI/CD Engineer, Kubernetes", &["CI/CD", "Kubernetes"]),
            ("Python, Django", &["Python", "Django"]),
            ("Senior Python/Django Developer", &["Python", "Django"]),
            ("Sr. Python Developer", &["Python"]),
            (
                "We use Java and Python. Positions include Java Engineer, Python Engineer",
                &["Java", "Python"],
            ),
        ] {
            assert!(roles(title, words).is_empty(), "{title}");
        }
    }
}
