//! Keeping two writers of one set from losing each other's additions.
//!
//! Every save replaces the set by renaming a new file over it, so two
//! programs that both read version N and both write N+1 would silently
//! lose one version: the last rename wins. Two mechanisms prevent it.
//!
//! - [`SetLock`] serializes the factmark processes that write one set on
//!   this computer (`suggest`, `find --tag`, `import`, `relink`, the
//!   window's Save). A writer takes it before reading what it will replace
//!   and holds it until its rename is done. The lock cannot sit on the set
//!   itself: the rename replaces that file, so a writer that opens the new
//!   one would not see a lock held on the old one. A lock file beside the
//!   set would leave hidden files beside articles (and deleting it again
//!   reopens the race), and folders cannot be locked on Windows. So the
//!   lock is an empty file in the system's temporary folder
//!   (`factmark-locks/`), named by a hash of the set's real path (links and
//!   `..` resolved), locked with the operating system's whole-file lock
//!   (`flock` on Unix, `LockFileEx` on Windows), which the system releases
//!   when the process ends, even when it is killed.
//! - [`DiskStamp`] catches every other writer (another user, another
//!   computer on a shared drive, an editor, an older factmark): a save of a
//!   set that was loaded checks, just before its rename, that the file is
//!   still the one it loaded, and is refused otherwise
//!   ([`super::SetError::Changed`]); the command line then loads the set
//!   again and adds its annotations once more, the window asks.
//!
//! This module never reads or writes a set: it only guards those that do.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use sha2::{Digest, Sha256};

/// What a file looked like when it was read or written: enough to notice
/// another program replacing it. Every save of a set writes a new file
/// (a new inode on Unix), and a file changed in place changes its length
/// or its modification time (kept at full precision).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiskStamp {
    modified: Option<SystemTime>,
    len: u64,
    /// Device and inode on Unix; elsewhere none (length and time decide).
    identity: Option<(u64, u64)>,
}

impl DiskStamp {
    /// The stamp of the file at `path` (links followed), `None` when there
    /// is none.
    pub fn of(path: &Path) -> Option<Self> {
        let metadata = fs::metadata(path).ok()?;
        Some(Self {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            identity: identity(&metadata),
        })
    }
}

#[cfg(unix)]
fn identity(metadata: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
fn identity(_metadata: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The write lock of one set file, held until dropped. See the module
/// documentation for why it lives where it does.
#[derive(Debug)]
pub struct SetLock {
    /// `None` when no lock file could be made (no temporary folder): the
    /// stamp check still guards the save.
    _file: Option<fs::File>,
}

/// How long a writer waits for another to finish before giving up.
const WAIT_AT_MOST: Duration = Duration::from_secs(60);

impl SetLock {
    /// Waits until no other factmark process writes the set at `set_path`
    /// (up to a minute), then holds its lock. `Err` only when another
    /// process holds it all that time.
    pub fn acquire(set_path: &Path) -> Result<Self, super::SetError> {
        let Some(file) = lock_file(set_path) else {
            return Ok(Self { _file: None });
        };
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: Some(file) }),
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < WAIT_AT_MOST => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(super::SetError::Busy {
                        path: set_path.to_owned(),
                    });
                }
                // Locks unsupported here: the stamp check still guards.
                Err(fs::TryLockError::Error(_)) => return Ok(Self { _file: None }),
            }
        }
    }
}

/// The lock file of a set: the same for every spelling of its path.
fn lock_file(set_path: &Path) -> Option<fs::File> {
    let path = lock_path(set_path)?;
    let folder = path.parent()?;
    if !folder.is_dir() {
        fs::create_dir_all(folder).ok()?;
        // Shared by every user of the computer, like the temporary folder.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(folder, fs::Permissions::from_mode(0o1777));
        }
    }
    let open = |write: bool| {
        fs::OpenOptions::new()
            .read(true)
            .write(write)
            .create(write)
            .truncate(false)
            .open(&path)
    };
    // Another user's lock file can be locked through a read-only handle.
    open(true).or_else(|_| open(false)).ok()
}

fn lock_path(set_path: &Path) -> Option<PathBuf> {
    let target = super::store::final_target(set_path);
    let real = fs::canonicalize(&target).ok().or_else(|| {
        let folder = match target.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        Some(fs::canonicalize(folder).ok()?.join(target.file_name()?))
    })?;
    let hash = format!("{:x}", Sha256::digest(real.as_os_str().as_encoded_bytes()));
    Some(
        std::env::temp_dir()
            .join("factmark-locks")
            .join(format!("{}.lock", &hash[..32])),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_has_one_lock_whatever_the_spelling_of_its_path() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        let plain = dir.path().join("a.annotations.ron");
        let roundabout = dir.path().join("sub/../a.annotations.ron");
        assert_eq!(lock_path(&plain), lock_path(&roundabout));
        assert!(lock_path(&plain).is_some());
        assert_ne!(
            lock_path(&plain),
            lock_path(&dir.path().join("b.annotations.ron"))
        );
    }

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let set = dir.path().join("a.annotations.ron");
        let held = SetLock::acquire(&set).unwrap();
        let other = lock_file(&set).unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(fs::TryLockError::WouldBlock)
        ));
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[test]
    fn a_replaced_file_has_another_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a");
        fs::write(&path, "same").unwrap();
        let before = DiskStamp::of(&path);
        assert_eq!(before, DiskStamp::of(&path));
        let other = dir.path().join("b");
        fs::write(&other, "same").unwrap();
        let file = fs::File::options().write(true).open(&other).unwrap();
        file.set_modified(fs::metadata(&path).unwrap().modified().unwrap())
            .unwrap();
        fs::rename(&other, &path).unwrap();
        // Same length, same time: only the identity differs (on Unix).
        #[cfg(unix)]
        assert_ne!(before, DiskStamp::of(&path));
        assert_eq!(DiskStamp::of(&dir.path().join("none")), None);
    }
}
