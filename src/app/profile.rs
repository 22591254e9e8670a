//! `jobfit profile import | export | show`.

use std::io::Write;

use super::{default_format, emit};
use crate::cli::{ProfileCommand, ProfileFormat};
use crate::error::{Diagnostic, Error, Result};
use crate::evidence::AnalyzedProfile;
use crate::report::{Message, ProfileView};
use crate::settings::Settings;

/// A profile name from a file name: lower-case letters, digits and dashes.
fn name_of(path: &std::path::Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("profile");
    let p = crate::posting::Posting {
        title: Some(stem.to_owned()),
        ..crate::posting::Posting::default()
    };
    crate::jobs::slug(&p)
}

pub(super) fn run(settings: &Settings, cmd: ProfileCommand) -> Result<u8> {
    match cmd {
        ProfileCommand::Import { file, name, force } => {
            let imported = crate::import::import_file(&file)?;
            if let Some(why) = imported.posting_like.as_deref().filter(|_| !force) {
                return Err(Diagnostic::new(file.display().to_string(), why)
                    .help("nothing was written; import a résumé, or pass --force to import this file anyway")
                    .into());
            }
            let name = name.unwrap_or_else(|| name_of(&file));
            if !crate::rules::valid_id(&name) {
                return Err(Diagnostic::new(&name, "not a usable profile name")
                    .help("use lower-case letters, digits and dashes, e.g. --name my-resume")
                    .into());
            }
            let target = settings.profiles_dir.join(format!("{name}.yaml"));
            let mut yaml = format!(
                "# Imported by jobfit from {}. Check it with `jobfit profile show --profile {name}`\n# and edit anything it got wrong.\n",
                file.display()
            );
            for n in &imported.notes {
                yaml.push_str(&format!("# note: {n}\n"));
            }
            yaml.push_str(&imported.profile.to_yaml());
            // The written file must load back: never save a profile jobfit cannot read.
            // (The importer is built so this holds; the fuzzer checks it.)
            crate::profile::Profile::from_yaml(&target.display().to_string(), &yaml).map_err(
                |e| {
                    Diagnostic::new(
                        file.display().to_string(),
                        format!("the profile imported from this file would not load back: {e}"),
                    )
                    .help("nothing was written; this is a jobfit bug, please report it with the file, and meanwhile write the profile by hand (see profiles/ for examples)")
                },
            )?;
            // The profiles directory is jobfit's own: the first import creates it.
            std::fs::create_dir_all(&settings.profiles_dir)
                .map_err(|e| Error::io(&settings.profiles_dir, e))?;
            crate::files::write_atomic(&target, yaml.as_bytes(), force)?;
            let mut out = anstream::stdout().lock();
            let roles = imported.profile.work.len();
            let bullets: usize = imported
                .profile
                .work
                .iter()
                .map(|w| w.highlights.len())
                .sum();
            writeln!(
                out,
                "wrote {} ({}, {})",
                target.display(),
                crate::report::counted(roles, "role"),
                crate::report::counted(bullets, "bullet")
            )
            .map_err(|e| Error::io("<stdout>", e))?;
            for n in &imported.notes {
                writeln!(out, "note: {n}").map_err(|e| Error::io("<stdout>", e))?;
            }
            Ok(0)
        }
        ProfileCommand::Export {
            profile,
            format,
            output,
            force,
        } => {
            let path = crate::source::resolve_profile(
                profile.profile.as_deref(),
                settings.profile.as_ref(),
                &settings.profiles_dir,
            )?;
            let p = crate::source::load_profile(&path)?;
            let text = match format {
                ProfileFormat::JsonResume => p.to_json(),
                ProfileFormat::Yaml => p.to_yaml(),
            };
            match output {
                Some(file) => crate::files::write_atomic(&file, text.as_bytes(), force)?,
                None => {
                    let mut out = std::io::stdout().lock();
                    out.write_all(text.as_bytes())
                        .and_then(|()| out.flush())
                        .map_err(|e| Error::io("<stdout>", e))?;
                }
            }
            Ok(0)
        }
        ProfileCommand::Show { profile, format } => {
            let rules = crate::rules::load_for_matching(&settings.rules)?;
            let path = crate::source::resolve_profile(
                profile.profile.as_deref(),
                settings.profile.as_ref(),
                &settings.profiles_dir,
            )?;
            // One read of the file: a PDF's text layer is not extracted twice.
            let imported = crate::import::import_file(&path)?;
            super::score::warn_imported(&path, &imported);
            let (p, notes) = (imported.profile, imported.notes);
            let analyzed = AnalyzedProfile::analyze(p, &rules, settings.as_of);
            super::score::warn_roles_after(&analyzed);
            emit(
                &Message::Profile(Box::new(ProfileView::build(&rules, &analyzed, notes))),
                default_format(format),
            )?;
            Ok(0)
        }
    }
}
