//! Writing files safely: to a temporary file in the same directory, then moved into
//! place, so a crash never leaves half a file; never over an existing file unless
//! asked to (`--force`); and never into a directory that does not exist, which is most
//! often a mistyped path (a command that keeps files in a directory of its own creates
//! that first).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::{Diagnostic, Error, Result};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Writes `contents` to `path` atomically. Without `force`, an existing file is an
/// error and is left untouched.
///
/// # Errors
/// An existing file without `force`, a directory for `path` that does not exist, or
/// any I/O error (the temporary file is removed).
pub fn write_atomic(path: &Path, contents: &[u8], force: bool) -> Result<()> {
    // Replacing a symbolic link replaces the file it points to, and the link stays
    // (as an editor saving through it would).
    // A dangling link is written through too: its target is created.
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(m) if force && m.file_type().is_symlink() => {
            resolved = std::fs::canonicalize(path)
                .ok()
                .or_else(|| {
                    let target = std::fs::read_link(path).ok()?;
                    Some(path.parent().unwrap_or(Path::new("")).join(target))
                })
                .unwrap_or_else(|| path.to_path_buf());
            resolved.as_path()
        }
        _ => path,
    };
    // `--force` replaces a file, never a directory (nor what is in it).
    if path.is_dir() {
        return Err(
            Diagnostic::new(path.display().to_string(), "is a directory")
                .help("give a file name, e.g. DIR/resume.md")
                .into(),
        );
    }
    if !force && path.exists() {
        return Err(exists(path));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    check_dir(path, &dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(contents)?;
        // A replaced file keeps its permissions: a résumé kept private (0600) must
        // not become readable by everyone because jobfit rewrote it.
        if force && let Ok(m) = std::fs::metadata(path) {
            f.set_permissions(m.permissions())?;
        }
        f.sync_all()
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    let placed = if force {
        std::fs::rename(&tmp, path)
    } else {
        // A hard link fails if the target appeared meanwhile: no clobbering even in a
        // race. Fall back to a checked rename where links are not supported.
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => std::fs::remove_file(&tmp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let _ = std::fs::remove_file(&tmp);
                return Err(exists(path));
            }
            Err(_) if !path.exists() => std::fs::rename(&tmp, path),
            Err(_) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(exists(path));
            }
        }
    };
    placed.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, e)
    })
}

/// That `dir`, where `path` goes, is a directory: creating a missing one would turn a
/// typo (`-o reprots/x.md`) into a tree of directories nobody asked for.
fn check_dir(path: &Path, dir: &Path) -> Result<()> {
    let not_dir = || -> Error {
        Diagnostic::new(
            path.display().to_string(),
            format!("`{}` is not a directory", dir.display()),
        )
        .help("check the path: a file stands where a directory should")
        .into()
    };
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(not_dir()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Diagnostic::new(
            path.display().to_string(),
            format!("the directory `{}` does not exist", dir.display()),
        )
        .help(format!(
            "check the path, or create the directory first (`mkdir -p {}`)",
            dir.display()
        ))
        .into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Err(not_dir()),
        Err(e) => Err(Error::io(dir, e)),
    }
}

fn exists(path: &Path) -> Error {
    Diagnostic::new(path.display().to_string(), "already exists")
        .help("pass --force to replace it, or choose another name")
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_clobbers_without_force_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"one", false).unwrap();
        let e = write_atomic(&p, b"two", false).unwrap_err().to_string();
        assert!(e.contains("already exists"), "{e}");
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_missing_directory_is_not_created() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("typo/a.txt");
        let e = write_atomic(&p, b"one", false).unwrap_err().to_string();
        assert!(
            e.contains("the directory") && e.contains("does not exist"),
            "{e}"
        );
        assert!(!dir.path().join("typo").exists());
        // A bare file name goes in the current directory, which exists.
        assert!(check_dir(Path::new("a.txt"), Path::new(".")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn replacing_keeps_the_mode_and_writes_through_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("private.md");
        write_atomic(&p, b"one", false).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"two", true).unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&p, &link).unwrap();
        write_atomic(&link, b"three", true).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        // A dangling link: its target is created, the link stays.
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink("target.md", &dangling).unwrap();
        write_atomic(&dangling, b"four", true).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("target.md")).unwrap(),
            b"four"
        );
        assert!(
            std::fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}
