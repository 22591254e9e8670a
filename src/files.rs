//! Writing files safely: to a temporary file in the same directory, then moved into
//! place, so a crash never leaves half a file; and never over an existing file unless
//! asked to (`--force`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::{Diagnostic, Error, Result};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Writes `contents` to `path` atomically. Without `force`, an existing file is an
/// error and is left untouched.
///
/// # Errors
/// An existing file without `force`, or any I/O error (the temporary file is removed).
pub fn write_atomic(path: &Path, contents: &[u8], force: bool) -> Result<()> {
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
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
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
}
