//! Wakes an idle window when another program changes the open set or
//! article, so the changed-file banner shows without the mouse moving.
//!
//! A thread compares the files' stamps (length, time, inode) every
//! [`WATCH_INTERVAL`] and asks for a frame only when one changed: an idle
//! window stays idle (a repaint is a full software render under Xvfb or
//! a remote desktop). Stat polling, not file-system events, because events
//! do not cross shared network drives, the case of a colleague's factmark
//! writing the same set.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use crate::io::DiskStamp;

/// How often the watched files are looked at.
pub const WATCH_INTERVAL: Duration = Duration::from_secs(2);

#[derive(Default)]
struct Shared {
    /// The files to watch (the set and the article), each with its stamp
    /// when last looked at.
    files: Mutex<Vec<(PathBuf, Option<DiskStamp>)>>,
    /// Set by the thread when a file changed since the last frame took it.
    changed: AtomicBool,
}

/// The window's side of the watching thread, which ends when this drops.
pub struct DiskWatch {
    shared: Arc<Shared>,
}

impl DiskWatch {
    /// Starts watching; `wake` asks the window for a frame.
    pub fn start(wake: impl Fn() + Send + 'static, interval: Duration) -> Self {
        let shared = Arc::new(Shared::default());
        let weak = Arc::downgrade(&shared);
        let spawned = std::thread::Builder::new()
            .name("disk-watch".to_owned())
            .spawn(move || watch(&weak, &wake, interval));
        if let Err(error) = spawned {
            // The window still checks the files on every frame it draws.
            eprintln!("factmark: not watching the open files for changes ({error})");
        }
        Self { shared }
    }

    /// Watches `paths` from now on, for changes after this call (cheap
    /// when they are the same as before).
    pub fn set_paths(&self, paths: &[&Path]) {
        let Ok(mut files) = self.shared.files.lock() else {
            return;
        };
        if !files
            .iter()
            .map(|(p, _)| p.as_path())
            .eq(paths.iter().copied())
        {
            *files = paths
                .iter()
                .map(|p| (p.to_path_buf(), DiskStamp::of(p)))
                .collect();
        }
    }

    /// Whether a watched file changed since the last call.
    pub fn take_changed(&self) -> bool {
        self.shared.changed.swap(false, Ordering::AcqRel)
    }
}

fn watch(shared: &Weak<Shared>, wake: &dyn Fn(), interval: Duration) {
    loop {
        std::thread::sleep(interval);
        let Some(shared) = shared.upgrade() else {
            return; // The window is gone.
        };
        let paths: Vec<PathBuf> = match shared.files.lock() {
            Ok(files) => files.iter().map(|(p, _)| p.clone()).collect(),
            Err(_) => return,
        };
        // Looked at without the lock: a slow network drive must not stall
        // the window's next frame.
        let now: Vec<Option<DiskStamp>> = paths.iter().map(|p| DiskStamp::of(p)).collect();
        let Ok(mut files) = shared.files.lock() else {
            return;
        };
        if !files.iter().map(|(p, _)| p).eq(paths.iter()) {
            continue; // Other files were opened meanwhile.
        }
        let mut changed = false;
        for ((_, before), now) in files.iter_mut().zip(now) {
            changed |= *before != now;
            *before = now;
        }
        drop(files);
        if changed {
            shared.changed.store(true, Ordering::Release);
            wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    const FAST: Duration = Duration::from_millis(20);

    #[test]
    fn a_changed_file_wakes_the_window_once_and_an_unchanged_one_never() {
        let dir = tempfile::tempdir().unwrap();
        let set = dir.path().join("a.ron");
        std::fs::write(&set, "one").unwrap();
        let (woken, wakes) = mpsc::channel();
        let watch = DiskWatch::start(move || woken.send(()).unwrap(), FAST);
        watch.set_paths(&[&set]);

        // Several intervals with the file untouched: no wake.
        assert!(wakes.recv_timeout(FAST * 10).is_err());
        assert!(!watch.take_changed());

        std::fs::write(&set, "two, longer").unwrap();
        wakes.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(watch.take_changed());
        assert!(!watch.take_changed(), "taken once");
        // Nothing changed since: no further wake.
        assert!(wakes.recv_timeout(FAST * 10).is_err());

        std::fs::remove_file(&set).unwrap();
        wakes.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(watch.take_changed(), "a deleted file is a change");
    }

    #[test]
    fn a_newly_watched_file_is_not_a_change_and_the_thread_ends_with_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first.txt");
        let second = dir.path().join("second.txt");
        std::fs::write(&first, "x").unwrap();
        std::fs::write(&second, "y").unwrap();
        let (woken, wakes) = mpsc::channel();
        let watch = DiskWatch::start(move || woken.send(()).unwrap(), FAST);
        watch.set_paths(&[&first]);
        std::thread::sleep(FAST * 3);
        // Another article opened: its files were never seen before.
        watch.set_paths(&[&second]);
        assert!(wakes.recv_timeout(FAST * 10).is_err());

        drop(watch);
        // The thread drops its sender when it ends.
        assert_eq!(
            wakes.recv_timeout(Duration::from_secs(10)),
            Err(mpsc::RecvTimeoutError::Disconnected)
        );
    }
}
