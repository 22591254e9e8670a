//! A résumé (profile) in the JSON Resume model — basics, work, projects, education,
//! skills and the other standard sections — read from YAML or JSON with positioned
//! errors, validated (dates that exist, roles that end after they start), and written
//! back without loss.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Diagnostic, Error, Result, yaml_diagnostic};

/// A date as JSON Resume writes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Year (1900–2100).
    pub year: u16,
    /// Month 1–12, when given.
    pub month: Option<u8>,
    /// Day of month, when given.
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting dates that do not exist.
    ///
    /// # Errors
    /// A message saying what is wrong with `s`.
    pub fn parse(s: &str) -> std::result::Result<Self, String> {
        let t = s.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let bad = || {
            format!("`{t}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2019-05)")
        };
        if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 {
            return Err(bad());
        }
        let year: u16 = parts[0].parse().map_err(|_| bad())?;
        if !(1900..=2100).contains(&year) {
            return Err(format!("year {year} in `{t}` is out of range (1900–2100)"));
        }
        let month = match parts.get(1) {
            Some(m) => {
                let m: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&m) {
                    return Err(format!(
                        "month {m} in `{t}` does not exist; months are 01–12"
                    ));
                }
                Some(m)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) => {
                let d: u8 = d.parse().map_err(|_| bad())?;
                let max = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > max {
                    return Err(format!("day {d} in `{t}` does not exist in that month"));
                }
                Some(d)
            }
            None => None,
        };
        Ok(Self { year, month, day })
    }

    /// Months since year 0 of the first month this date covers.
    #[must_use]
    pub fn first_month(&self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month.unwrap_or(1)) - 1
    }

    /// Months since year 0 of the last month this date covers (December for a bare year).
    #[must_use]
    pub fn last_month(&self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month.unwrap_or(12)) - 1
    }

    /// The last month a range from `start` to this date covers. A bare year later
    /// than the start's year ends the range as that year begins: "2019–2021" is read
    /// as January 2019 to January 2021, about two years, as a reader takes it and as
    /// LinkedIn-style calculators count it; counting the whole end year would add up
    /// to a year to every such role. Within one year ("2020–2020", "Mar 2020 – 2020")
    /// the range runs to December, or it would be empty.
    #[must_use]
    pub fn range_end_month(&self, start: Self) -> i32 {
        if self.month.is_none() && self.year > start.year {
            self.first_month() - 1
        } else {
            self.last_month()
        }
    }

    /// Today's date (UTC), from the system clock.
    #[must_use]
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }

    /// The calendar date `days` days after 1970-01-01 (UTC).
    #[must_use]
    pub fn from_unix_days(days: i64) -> Self {
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Self {
            year: u16::try_from(y).unwrap_or(2000),
            month: u8::try_from(m).ok(),
            day: u8::try_from(d).ok(),
        }
    }

    /// A date from a month index (inverse of `first_month`).
    #[must_use]
    pub fn from_month_index(m: i32) -> Self {
        Self {
            year: u16::try_from(m.div_euclid(12)).unwrap_or(1900),
            month: u8::try_from(m.rem_euclid(12) + 1).ok(),
            day: None,
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let DateText(s) = DateText::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A date as written: a string, or a bare year (`2019` in YAML is an integer). Any
/// other type is refused with the formats a date may take.
struct DateText(String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = DateText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2019-05)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<DateText, E> {
                Ok(DateText(v.trim().to_owned()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A date with the place it was written, for error messages. Equality ignores the
/// place: the same date read from two files is the same date.
#[derive(Debug, Clone, Copy)]
pub struct Dated {
    /// The date.
    pub date: PartialDate,
    /// 1-based line and column in the profile file, when known.
    pub pos: Option<(usize, usize)>,
}

impl PartialEq for Dated {
    fn eq(&self, other: &Self) -> bool {
        self.date == other.date
    }
}

impl Eq for Dated {}

impl From<PartialDate> for Dated {
    fn from(date: PartialDate) -> Self {
        Self { date, pos: None }
    }
}

impl Serialize for Dated {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.date.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Dated {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<PartialDate>::deserialize(d)?;
        let line = usize::try_from(s.referenced.line()).unwrap_or(0);
        let col = usize::try_from(s.referenced.column()).unwrap_or(0);
        Ok(Self {
            date: s.value,
            pos: (line > 0).then_some((line, col)),
        })
    }
}

/// An end date: a date, or absent / "present" for a current role.
fn de_end_date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Dated>, D::Error> {
    let Some(raw) = Option::<serde_saphyr::Spanned<DateText>>::deserialize(d)? else {
        return Ok(None);
    };
    let text = &raw.value.0;
    if matches!(
        text.to_ascii_lowercase().as_str(),
        "" | "present" | "current" | "now" | "ongoing" | "today"
    ) {
        return Ok(None);
    }
    let date = PartialDate::parse(text).map_err(serde::de::Error::custom)?;
    let line = usize::try_from(raw.referenced.line()).unwrap_or(0);
    let col = usize::try_from(raw.referenced.column()).unwrap_or(0);
    Ok(Some(Dated {
        date,
        pos: (line > 0).then_some((line, col)),
    }))
}

/// `basics` of JSON Resume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Basics {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Headline ("Senior back-end engineer").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<SocialProfile>,
}

/// `basics.location`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Location {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// `basics.profiles[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SocialProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `work[]` (and `volunteer[]`, whose `organization` maps to `name`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Work {
    /// Employer.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        alias = "organization",
        alias = "company"
    )]
    pub name: Option<String>,
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Dated>,
    /// Absent for a current role.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_end_date"
    )]
    pub end_date: Option<Dated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
}

impl Work {
    /// "Position, Employer", or what there is of them; a role with neither (an
    /// imported narrative may say only where it was) is named by its place.
    #[must_use]
    pub fn heading(&self) -> Option<String> {
        match (&self.position, &self.name, &self.location) {
            (Some(p), Some(n), _) => Some(format!("{p}, {n}")),
            (Some(p), None, _) => Some(p.clone()),
            (None, Some(n), _) => Some(n.clone()),
            (None, None, Some(l)) => Some(format!("Role in {l}")),
            (None, None, None) => None,
        }
    }
}

/// `education[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Education {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Dated>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_end_date"
    )]
    pub end_date: Option<Dated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<String>,
}

/// `skills[]`, plus jobfit's optional `years`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SkillEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// jobfit extension: years of experience with this skill, when the dated roles do
    /// not show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<f32>,
}

/// `projects[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Project {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Dated>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_end_date"
    )]
    pub end_date: Option<Dated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "type")]
    pub kind: Option<String>,
}

/// `awards[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Award {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Dated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// `certificates[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Certificate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Dated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `publications[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Publication {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<Dated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// `languages[]` (spoken languages).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Language {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fluency: Option<String>,
}

/// `interests[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Interest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

/// `references[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Reference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// A résumé.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Profile {
    /// JSON Resume's optional schema URL, kept for round trips.
    #[serde(default, rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default)]
    pub basics: Basics,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<Work>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "volunteer_out"
    )]
    pub volunteer: Vec<Work>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<Certificate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Publication>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Interest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// JSON Resume's free-form `meta`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Value>,
    /// Kept out of the file: where the profile was read from.
    #[serde(skip)]
    pub origin: String,
}

/// `volunteer[]` is written back with JSON Resume's `organization` key (read as
/// `name`), so an imported JSON Resume round-trips unchanged.
fn volunteer_out<S: serde::Serializer>(v: &[Work], s: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::{Error as _, SerializeSeq};
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for w in v {
        let mut value = serde_json::to_value(w).map_err(S::Error::custom)?;
        if let Some(map) = value.as_object_mut()
            && let Some(name) = map.remove("name")
        {
            map.insert("organization".into(), name);
        }
        seq.serialize_element(&value)?;
    }
    seq.end()
}

/// How many unknown keys a JSON Resume file may have before jobfit stops ignoring them
/// and reports the next one.
const MAX_IGNORED_KEYS: usize = 1000;

/// `text` with the object member whose key a serde_json "unknown field" error points
/// at (`"x-custom": {...}` and the comma that goes with it) replaced by spaces, byte
/// for byte and keeping line breaks, so every other position stays where it was.
/// `None` when the member cannot be found where the error says.
fn without_member_at(text: &str, e: &serde_json::Error) -> Option<String> {
    use serde::de::IgnoredAny;
    let start = crate::error::json_error_offset(text, e)?;
    let b = text.as_bytes();
    if b.get(start) != Some(&b'"') {
        return None;
    }
    // The key, the colon, the value: each measured by serde_json itself.
    let mut keys = serde_json::Deserializer::from_str(&text[start..]).into_iter::<String>();
    keys.next()?.ok()?;
    let mut at = start + keys.byte_offset();
    while b.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    if b.get(at) != Some(&b':') {
        return None;
    }
    at += 1;
    let mut values = serde_json::Deserializer::from_str(&text[at..]).into_iter::<IgnoredAny>();
    values.next()?.ok()?;
    let mut end = at + values.byte_offset();
    let mut from = start;
    let mut after = end;
    while b.get(after).is_some_and(u8::is_ascii_whitespace) {
        after += 1;
    }
    if b.get(after) == Some(&b',') {
        end = after + 1;
    } else {
        // The last member: the comma before it goes instead.
        let mut before = from;
        while before > 0 && b[before - 1].is_ascii_whitespace() {
            before -= 1;
        }
        if before > 0 && b[before - 1] == b',' {
            from = before - 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..from]);
    for c in text[from..end].chars() {
        match c {
            '\n' | '\r' => out.push(c),
            c => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
        }
    }
    out.push_str(&text[end..]);
    Some(out)
}

/// The top-level keys a profile may have, for "did you mean" hints.
pub const PROFILE_KEYS: &[&str] = &[
    "$schema",
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
];

impl Profile {
    /// Reads a profile from YAML text (JSON Resume field names).
    ///
    /// # Errors
    /// Syntax errors, unknown keys, wrong types and impossible dates, with line and
    /// column; an empty profile.
    pub fn from_yaml(origin: &str, text: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(Diagnostic::new(origin, "the profile is empty")
                .help("write a profile with at least `basics` and `work` (see profiles/ for examples), or import a résumé with `jobfit profile import`")
                .into());
        }
        let mut p: Profile = serde_saphyr::from_str(text).map_err(|e| {
            let mut d = yaml_diagnostic(origin, text, &e);
            if d.message.contains("does not exist") || d.message.contains("not a date") || d.message.contains("out of range") {
                d = d.help("write dates as YYYY, YYYY-MM or YYYY-MM-DD; leave endDate out (or write `present`) for a current role");
            } else if d.message.contains("unknown field") {
                d = d.help("profiles use JSON Resume field names (basics, work[].name/position/startDate/endDate/summary/highlights, skills[].name/keywords, projects, education); fix the key's spelling or remove it");
            }
            Error::from(d)
        })?;
        p.origin = origin.to_owned();
        p.validate(Some(text))?;
        Ok(p)
    }

    /// Reads a profile from JSON text (a JSON Resume file).
    ///
    /// # Errors
    /// As for YAML.
    ///
    /// Keys jobfit does not read are ignored: JSON Resume files carry extensions in
    /// practice (`x-custom`, `work[].website`, a theme's own keys). A key that looks
    /// like a typo of one it reads (`nmae`, `keyword`) is still an error, as in YAML:
    /// dropped quietly, it would lose the name or the skills.
    pub fn from_json(origin: &str, text: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let message = |e: &serde_json::Error| {
            let msg = crate::error::lower_first(&e.to_string());
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.clone(), |(m, _)| m.to_owned());
            crate::error::plain_serde_message(msg)
        };
        // Each pass blanks out one unknown key and parses again, so any other error
        // keeps its line and column. A cap bounds the passes over a file made of
        // unknown keys.
        let mut current = std::borrow::Cow::Borrowed(text);
        let mut passes = 0;
        let parsed = loop {
            let e = match serde_json::from_str::<Profile>(&current) {
                Ok(p) => break Ok(p),
                Err(e) => e,
            };
            let msg = message(&e);
            let extension = msg.starts_with("unknown field ") && !msg.contains("did you mean");
            passes += 1;
            let blanked = (extension && passes <= MAX_IGNORED_KEYS)
                .then(|| without_member_at(&current, &e))
                .flatten();
            match blanked {
                Some(t) => current = std::borrow::Cow::Owned(t),
                None => break Err((e, msg)),
            }
        };
        let mut p = parsed.map_err(|(e, msg)| {
            let (line, col) = crate::error::json_line_col(&current, &e);
            Error::from(
                Diagnostic::new(origin, msg)
                    .at(line, col, Some(text))
                    .help("a JSON Resume file: fix the JSON at this position (jobfit accepts the standard JSON Resume fields)"),
            )
        })?;
        p.origin = origin.to_owned();
        p.validate(Some(text))?;
        Ok(p)
    }

    /// Checks what serde cannot: roles end after they start, the profile says something.
    ///
    /// # Errors
    /// Every problem at once.
    pub fn validate(&self, source: Option<&str>) -> Result<()> {
        let mut diags = Vec::new();
        let mut check = |what: String, s: &Option<Dated>, e: &Option<Dated>| {
            if let (Some(s), Some(e)) = (s, e)
                && e.date.last_month() < s.date.first_month()
            {
                let (line, col) = e.pos.unwrap_or((0, 0));
                diags.push(
                    Diagnostic::new(
                        &self.origin,
                        format!("{what} ends ({}) before it starts ({})", e.date, s.date),
                    )
                    .at(line, col, source)
                    .help("swap startDate and endDate, or fix the year"),
                );
            }
        };
        for (i, w) in self.work.iter().enumerate() {
            check(format!("work[{i}]"), &w.start_date, &w.end_date);
        }
        for (i, w) in self.volunteer.iter().enumerate() {
            check(format!("volunteer[{i}]"), &w.start_date, &w.end_date);
        }
        for (i, p) in self.projects.iter().enumerate() {
            check(format!("projects[{i}]"), &p.start_date, &p.end_date);
        }
        for (i, e) in self.education.iter().enumerate() {
            check(format!("education[{i}]"), &e.start_date, &e.end_date);
        }
        if self.fields().all(|f| f.text.trim().is_empty()) {
            diags.push(
                Diagnostic::new(&self.origin, "the profile has no text to match against")
                    .help("add a basics.summary, work entries with highlights, or skills keywords"),
            );
        }
        match diags.len() {
            0 => Ok(()),
            1 => Err(diags.remove(0).into()),
            _ => Err(Error::Diagnostics(diags)),
        }
    }

    /// Serialises to YAML.
    #[must_use]
    pub fn to_yaml(&self) -> String {
        serde_saphyr::to_string(self).unwrap_or_default()
    }

    /// Serialises to pretty JSON (JSON Resume).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Every piece of text in the profile with its path and what it evidences.
    pub fn fields(&self) -> impl Iterator<Item = Field<'_>> {
        let mut out: Vec<Field<'_>> = Vec::new();
        self.collect_fields(&mut out);
        out.into_iter()
    }
}

/// What a piece of profile text says about a skill in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// Text describing work done (a role's summary or bullet, a project): the skill was used.
    Demonstrated,
    /// A claim (headline, summary, skills list): the skill is claimed, not shown.
    Declared,
}

/// Which dated entry a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoleRef {
    /// `work[i]`.
    Work(usize),
    /// `volunteer[i]`.
    Volunteer(usize),
    /// `projects[i]`.
    Project(usize),
}

/// One piece of profile text.
#[derive(Debug, Clone)]
pub struct Field<'a> {
    /// JSON path (`work[1].highlights[0]`).
    pub path: String,
    /// The text.
    pub text: &'a str,
    /// What it evidences.
    pub kind: FieldKind,
    /// The dated entry it belongs to.
    pub role: Option<RoleRef>,
    /// True for a bullet (a highlight): candidates for tailored selection.
    pub bullet: bool,
}

impl Profile {
    /// The date the résumé speaks as of: JSON Resume's `meta.lastModified` (a date or a
    /// timestamp), if it holds one. Nothing after it can be evidenced by the text.
    #[must_use]
    pub fn last_modified(&self) -> Option<PartialDate> {
        let v = self.meta.as_ref()?.get("lastModified")?;
        // `lastModified: 2017` unquoted in YAML is a number.
        let s = match v {
            serde_json::Value::String(s) => s.trim().to_owned(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => return None,
        };
        // "2017-12-24T15:53:00" and "2017-12-24 15:53" carry a date first.
        let date = s.split(['T', ' ']).next()?;
        PartialDate::parse(date).ok()
    }

    /// `last_modified`, unless a role starts after it (then the date is stale: the
    /// file was edited since and the date not kept up): the date the text speaks as of.
    #[must_use]
    pub fn written(&self) -> Option<PartialDate> {
        let d = self.last_modified()?;
        self.work
            .iter()
            .chain(&self.volunteer)
            .filter_map(|w| w.start_date)
            .all(|s| s.date.first_month() <= d.last_month())
            .then_some(d)
    }

    fn collect_fields<'a>(&'a self, out: &mut Vec<Field<'a>>) {
        let mut push =
            |path: String, text: &'a str, kind: FieldKind, role: Option<RoleRef>, bullet: bool| {
                if !text.trim().is_empty() {
                    out.push(Field {
                        path,
                        text,
                        kind,
                        role,
                        bullet,
                    });
                }
            };
        let b = &self.basics;
        if let Some(t) = &b.label {
            push("basics.label".into(), t, FieldKind::Declared, None, false);
        }
        if let Some(t) = &b.summary {
            push("basics.summary".into(), t, FieldKind::Declared, None, false);
        }
        for (list, name, mk) in [
            (&self.work, "work", RoleRef::Work as fn(usize) -> RoleRef),
            (
                &self.volunteer,
                "volunteer",
                RoleRef::Volunteer as fn(usize) -> RoleRef,
            ),
        ] {
            for (i, w) in list.iter().enumerate() {
                let role = Some(mk(i));
                if let Some(t) = &w.position {
                    push(
                        format!("{name}[{i}].position"),
                        t,
                        FieldKind::Demonstrated,
                        role,
                        false,
                    );
                }
                if let Some(t) = &w.description {
                    push(
                        format!("{name}[{i}].description"),
                        t,
                        FieldKind::Declared,
                        role,
                        false,
                    );
                }
                if let Some(t) = &w.summary {
                    push(
                        format!("{name}[{i}].summary"),
                        t,
                        FieldKind::Demonstrated,
                        role,
                        false,
                    );
                }
                for (j, h) in w.highlights.iter().enumerate() {
                    push(
                        format!("{name}[{i}].highlights[{j}]"),
                        h,
                        FieldKind::Demonstrated,
                        role,
                        true,
                    );
                }
            }
        }
        for (i, p) in self.projects.iter().enumerate() {
            let role = Some(RoleRef::Project(i));
            if let Some(t) = &p.name {
                push(
                    format!("projects[{i}].name"),
                    t,
                    FieldKind::Demonstrated,
                    role,
                    false,
                );
            }
            if let Some(t) = &p.description {
                push(
                    format!("projects[{i}].description"),
                    t,
                    FieldKind::Demonstrated,
                    role,
                    false,
                );
            }
            for (j, h) in p.highlights.iter().enumerate() {
                push(
                    format!("projects[{i}].highlights[{j}]"),
                    h,
                    FieldKind::Demonstrated,
                    role,
                    true,
                );
            }
            for (j, k) in p.keywords.iter().enumerate() {
                push(
                    format!("projects[{i}].keywords[{j}]"),
                    k,
                    FieldKind::Demonstrated,
                    role,
                    false,
                );
            }
        }
        for (i, s) in self.skills.iter().enumerate() {
            if let Some(t) = &s.name {
                push(
                    format!("skills[{i}].name"),
                    t,
                    FieldKind::Declared,
                    None,
                    false,
                );
            }
            for (j, k) in s.keywords.iter().enumerate() {
                push(
                    format!("skills[{i}].keywords[{j}]"),
                    k,
                    FieldKind::Declared,
                    None,
                    false,
                );
            }
        }
        for (i, e) in self.education.iter().enumerate() {
            // The area answers a posting's field of study, the degree ("Bachelor of
            // Science", "BS") its degree; read in this order, "Electronics, Bachelor
            // of Science" puts the degree right after the area its guard looks for.
            // An education entry shows the degree earned as a role shows work done (a
            // degree is never "shown in a role"); its courses are only claimed.
            if let Some(t) = &e.area {
                push(
                    format!("education[{i}].area"),
                    t,
                    FieldKind::Demonstrated,
                    None,
                    false,
                );
            }
            if let Some(t) = &e.study_type {
                push(
                    format!("education[{i}].studyType"),
                    t,
                    FieldKind::Demonstrated,
                    None,
                    false,
                );
            }
            for (j, c) in e.courses.iter().enumerate() {
                push(
                    format!("education[{i}].courses[{j}]"),
                    c,
                    FieldKind::Declared,
                    None,
                    false,
                );
            }
        }
        // A spoken language the profile lists with its fluency is as shown as it gets:
        // no role "shows" English, as none shows a degree.
        for (i, l) in self.languages.iter().enumerate() {
            if let Some(t) = &l.language {
                push(
                    format!("languages[{i}].language"),
                    t,
                    FieldKind::Demonstrated,
                    None,
                    false,
                );
            }
        }
        for (i, c) in self.certificates.iter().enumerate() {
            if let Some(t) = &c.name {
                push(
                    format!("certificates[{i}].name"),
                    t,
                    FieldKind::Declared,
                    None,
                    false,
                );
            }
        }
        for (i, p) in self.publications.iter().enumerate() {
            if let Some(t) = &p.name {
                push(
                    format!("publications[{i}].name"),
                    t,
                    FieldKind::Declared,
                    None,
                    false,
                );
            }
            if let Some(t) = &p.summary {
                push(
                    format!("publications[{i}].summary"),
                    t,
                    FieldKind::Declared,
                    None,
                    false,
                );
            }
        }
        for (i, a) in self.awards.iter().enumerate() {
            if let Some(t) = &a.summary {
                push(
                    format!("awards[{i}].summary"),
                    t,
                    FieldKind::Declared,
                    None,
                    false,
                );
            }
        }
    }

    /// The dates of a dated entry: (start, end), end `None` for a current role.
    #[must_use]
    pub fn role_dates(&self, r: RoleRef) -> (Option<PartialDate>, Option<PartialDate>) {
        let (s, e) = match r {
            RoleRef::Work(i) => self.work.get(i).map(|w| (w.start_date, w.end_date)),
            RoleRef::Volunteer(i) => self.volunteer.get(i).map(|w| (w.start_date, w.end_date)),
            RoleRef::Project(i) => self.projects.get(i).map(|p| (p.start_date, p.end_date)),
        }
        .unwrap_or((None, None));
        (s.map(|d| d.date), e.map(|d| d.date))
    }

    /// A short name for a dated entry: "Position, Employer".
    #[must_use]
    pub fn role_name(&self, r: RoleRef) -> String {
        match r {
            RoleRef::Work(i) | RoleRef::Volunteer(i) => {
                let w = match r {
                    RoleRef::Work(_) => self.work.get(i),
                    _ => self.volunteer.get(i),
                };
                w.map_or_else(String::new, |w| {
                    w.heading().unwrap_or_else(|| format!("work[{i}]"))
                })
            }
            RoleRef::Project(i) => self
                .projects
                .get(i)
                .and_then(|p| p.name.clone())
                .unwrap_or_else(|| format!("projects[{i}]")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_dates() {
        assert_eq!(
            PartialDate::parse("2019-05").unwrap().to_string(),
            "2019-05"
        );
        assert_eq!(PartialDate::parse("2019").unwrap().first_month(), 2019 * 12);
        assert!(PartialDate::parse("2019-13").is_err());
        assert!(PartialDate::parse("2019-02-30").is_err());
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(PartialDate::parse("May 2019").is_err());
    }

    #[test]
    fn the_date_written_is_last_modified_unless_stale() {
        let p = |y: &str| Profile::from_yaml("p.yaml", y).unwrap();
        let written = |y: &str| p(y).written().map(|d| d.to_string());
        let role = "work:\n  - name: Acme\n    startDate: 2015-03\n    summary: Python\n";
        assert_eq!(
            written(&format!(
                "{role}meta:\n  lastModified: \"2017-12-24T15:53:00\"\n"
            )),
            Some("2017-12-24".into())
        );
        // Unquoted, a year is a YAML number.
        assert_eq!(
            written(&format!("{role}meta:\n  lastModified: 2017\n")),
            Some("2017".into())
        );
        // A role that starts after it makes it stale.
        assert_eq!(
            written(
                "work:\n  - name: Acme\n    startDate: 2021-03\n    summary: Python\nmeta:\n  lastModified: 2017-12\n"
            ),
            None
        );
    }

    #[test]
    fn yaml_round_trip_and_positions() {
        let y = "basics:\n  name: A\n  summary: Python developer\nwork:\n  - name: Acme\n    position: Engineer\n    startDate: 2019-05\n    endDate: 2018-01\n";
        let e = Profile::from_yaml("p.yaml", y).unwrap_err().to_string();
        assert!(
            e.starts_with("p.yaml:8:14: work[0] ends (2018-01) before it starts (2019-05)"),
            "{e}"
        );
        let ok = "basics:\n  summary: Python developer\nwork:\n  - name: Acme\n    startDate: 2019-05\n    endDate: present\n    highlights: [Built things in Rust]\n";
        let p = Profile::from_yaml("p.yaml", ok).unwrap();
        assert_eq!(p.work[0].end_date, None);
        let back = Profile::from_yaml("p.yaml", &p.to_yaml()).unwrap();
        assert_eq!(back.work, p.work);
        let j = Profile::from_json("p.json", &p.to_json()).unwrap();
        assert_eq!(j.work, p.work);
    }

    #[test]
    fn unknown_key_is_positioned() {
        let y = "basics:\n  summary: x\nwork:\n  - name: Acme\n    highlight: [x]\n";
        let e = Profile::from_yaml("p.yaml", y).unwrap_err().to_string();
        assert!(
            e.starts_with("p.yaml:5:5: unknown field `highlight`"),
            "{e}"
        );
    }
}
