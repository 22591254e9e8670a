//! Resolved settings: command-line flags layered over the project config
//! (`./jobfit.yaml`) layered over the user config (`<config dir>/jobfit/config.yaml`),
//! merged field by field once, before any work.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::cli::{Cli, ColorWhen};
use crate::error::{Diagnostic, Error, Result, yaml_diagnostic};
use crate::profile::PartialDate;
use crate::rules::RuleSources;

/// A config file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Default profile (a name in the profiles directory, or a path).
    #[serde(default)]
    pub profile: Option<Spanned<String>>,
    /// Extra rule directories, loaded after the built-in packs.
    #[serde(default)]
    pub rules: Vec<Spanned<String>>,
    /// Colour: auto, always or never.
    #[serde(default)]
    pub color: Option<ColorWhen>,
    /// Where profiles live (default `profiles`).
    #[serde(default)]
    pub profiles_dir: Option<Spanned<String>>,
    /// Where saved postings live (default `jobs`).
    #[serde(default)]
    pub jobs_dir: Option<String>,
}

/// Everything a command needs to know about its environment.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Rule packs to load.
    pub rules: RuleSources,
    /// Colour choice.
    pub color: ColorWhen,
    /// Default profile, if configured, with the `file:line:col` that set it.
    pub profile: Option<(String, String)>,
    /// Profiles directory.
    pub profiles_dir: PathBuf,
    /// Saved postings directory.
    pub jobs_dir: PathBuf,
    /// Date open-ended roles run to.
    pub as_of: PartialDate,
    /// Config files that were read, for `--help`-style diagnostics.
    pub config_files: Vec<PathBuf>,
}

/// The user config file path (`$XDG_CONFIG_HOME/jobfit/config.yaml` on Linux).
#[must_use]
pub fn user_config_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("jobfit").join("config.yaml"))
}

/// Name of the project config file, looked up in the current directory.
pub const PROJECT_CONFIG: &str = "jobfit.yaml";

fn read_config(path: &Path, required: bool) -> Result<Option<ConfigFile>> {
    let bytes = match std::fs::read(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
    };
    let origin = path.display().to_string();
    if bytes.len() as u64 > 1 << 20 {
        return Err(Diagnostic::new(&origin, "a config file over 1 MiB")
            .help("a config file is a few lines; check that this is the right file")
            .into());
    }
    let text = crate::source::decode(&origin, &bytes)?;
    if text.trim().is_empty() {
        return Ok(Some(ConfigFile::default()));
    }
    serde_saphyr::from_str::<ConfigFile>(&text)
        .map(Some)
        .map_err(|e| {
            Error::from(yaml_diagnostic(&origin, &text, &e).help(
                "config keys: profile, rules, color (auto|always|never), profiles_dir, jobs_dir",
            ))
        })
}

/// A directory named in a config file that is not there.
fn missing_dir(at: &str, what: &str, dir: &Path, key: &str) -> Error {
    Diagnostic::new(
        at,
        format!("{what} directory `{}` does not exist", dir.display()),
    )
    .help(format!(
        "create it, or fix or remove `{key}` in this config file (relative paths are from the config file's directory)"
    ))
    .into()
}

/// Resolves a path written in a config file: `~` is the home directory, and a relative
/// path is relative to the config file's directory.
fn resolve(base: &Path, p: &str) -> PathBuf {
    if let Some(rest) = p.strip_prefix("~/")
        && let Some(home) = etcetera::home_dir().ok()
    {
        return home.join(rest);
    }
    let pb = PathBuf::from(p);
    if pb.is_absolute() { pb } else { base.join(pb) }
}

impl Settings {
    /// Layers flags over config files.
    ///
    /// # Errors
    /// An unreadable or invalid config file, or a bad `--as-of` date.
    pub fn resolve(cli: &Cli) -> Result<Self> {
        let mut layers: Vec<(PathBuf, ConfigFile)> = Vec::new();
        if !cli.no_config {
            let user = match &cli.config {
                Some(p) => read_config(p, true)?.map(|c| (p.clone(), c)),
                None => match user_config_path() {
                    Some(p) => read_config(&p, false)?.map(|c| (p, c)),
                    None => None,
                },
            };
            layers.extend(user);
            let project = PathBuf::from(PROJECT_CONFIG);
            if let Some(c) = read_config(&project, false)? {
                layers.push((project, c));
            }
        }
        let mut s = Settings {
            rules: RuleSources::default(),
            color: ColorWhen::Auto,
            profile: None,
            profiles_dir: PathBuf::from("profiles"),
            jobs_dir: PathBuf::from("jobs"),
            as_of: PartialDate::today(),
            config_files: Vec::new(),
        };
        for (path, c) in layers {
            let base = path
                .parent()
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let base = if base.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                base
            };
            let at = |sp: &Spanned<String>| {
                format!(
                    "{}:{}:{}",
                    path.display(),
                    sp.referenced.line(),
                    sp.referenced.column()
                )
            };
            if let Some(p) = &c.profile {
                s.profile = Some((p.value.clone(), at(p)));
            }
            for r in &c.rules {
                let dir = resolve(&base, &r.value);
                // A directory of packs, or one pack file.
                if !dir.exists() {
                    return Err(missing_dir(&at(r), "rule", &dir, "rules"));
                }
                s.rules.dirs.push(dir);
            }
            if let Some(col) = c.color {
                s.color = col;
            }
            if let Some(d) = &c.profiles_dir {
                let dir = resolve(&base, &d.value);
                if !dir.is_dir() {
                    return Err(missing_dir(&at(d), "profiles", &dir, "profiles_dir"));
                }
                s.profiles_dir = dir;
            }
            if let Some(d) = &c.jobs_dir {
                s.jobs_dir = resolve(&base, d);
            }
            s.config_files.push(path);
        }
        s.rules.dirs.extend(cli.rules.iter().cloned());
        s.rules.no_builtin = cli.no_default_rules;
        if let Some(c) = cli.color {
            s.color = c;
        }
        if let Some(d) = &cli.as_of {
            s.as_of = PartialDate::parse(d).map_err(|m| {
                Error::from(
                    Diagnostic::new("--as-of", m).help("pass a date such as 2026-11 or 2026-11-21"),
                )
            })?;
        }
        Ok(s)
    }
}
