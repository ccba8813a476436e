//! Recovery files: unsaved work written aside every 30 seconds, offered back
//! when the same article is opened after a crash.
//!
//! A recovery file is an ordinary set file (same format, so it loads and
//! re-anchors like any set) named after a hash of the article's absolute
//! path, in the app's recovery folder. It is deleted once the work is saved
//! or deliberately discarded. Like a saved set, it is never larger than
//! what loading accepts ([`store::MAX_SET_BYTES`]): one that could not be
//! loaded would protect nothing.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::io::store::{self, SetError};
use crate::model::{AnnotationSet, Article};

/// Where recovery files of one machine live.
#[derive(Debug, Clone)]
pub struct RecoveryFolder {
    folder: PathBuf,
    /// The largest file written; tests lower it.
    limit: u64,
}

/// Work found in a recovery file.
#[derive(Debug)]
pub struct Recovered {
    pub path: PathBuf,
    pub set: AnnotationSet,
    pub written: Option<SystemTime>,
}

impl RecoveryFolder {
    pub fn new(folder: PathBuf) -> Self {
        Self {
            folder,
            limit: store::MAX_SET_BYTES,
        }
    }

    /// The same folder, writing no file larger than `limit` bytes.
    pub fn with_limit(self, limit: u64) -> Self {
        Self { limit, ..self }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The recovery file of an article, keyed by its path (the embedded
    /// sample, which has no file, by its name).
    pub fn path_for(&self, article_key: &Path) -> PathBuf {
        let absolute = std::path::absolute(article_key).unwrap_or_else(|_| article_key.to_owned());
        let hash = store::text_sha256(&absolute.to_string_lossy());
        let stem = article_key
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.folder
            .join(format!("{stem}-{}.recovery.ron", &hash[..16]))
    }

    /// Writes the unsaved set of an article aside; refuses with
    /// [`SetError::TooLarge`] a set too large to be loaded again.
    pub fn write(
        &self,
        article_key: &Path,
        article: &Article,
        set: &AnnotationSet,
    ) -> Result<PathBuf, SetError> {
        let path = self.path_for(article_key);
        std::fs::create_dir_all(&self.folder).map_err(|source| SetError::Write {
            path: path.clone(),
            source,
        })?;
        let bytes = store::to_ron(&store::to_set_file(&path, article_key, article, set));
        let size = bytes.len() as u64;
        if size > self.limit {
            return Err(SetError::TooLarge {
                path,
                size,
                limit: self.limit,
            });
        }
        // A recovery file needs no backup: it is written again every 30 s.
        store::write_output_atomically(&path, bytes.as_bytes()).map_err(|source| {
            SetError::Write {
                path: path.clone(),
                source,
            }
        })?;
        Ok(path)
    }

    /// The unsaved work of an article, if a recovery file exists and loads.
    pub fn find(&self, article_key: &Path, article: &Article) -> Option<Recovered> {
        let path = self.path_for(article_key);
        let file = store::read_set_file(&path).ok()?;
        let loaded = store::anchor_set(&path, file, article).ok()?;
        let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        Some(Recovered {
            path,
            set: loaded.set,
            written,
        })
    }

    /// Deletes the recovery file of an article, if any.
    pub fn discard(&self, article_key: &Path) {
        let path = self.path_for(article_key);
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(store::backup_path(&path));
    }
}
