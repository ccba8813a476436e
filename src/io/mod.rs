//! Everything that reads or writes files: article decoding, the article
//! formats (text, Markdown, HTML, Word), the annotation set file, and
//! exports and imports in other tools' formats.
//!
//! `io` depends on `model` only; it returns errors that name the file and
//! the problem and leaves printing them to its callers.

pub mod decode;
pub mod export;
pub mod formats;
pub mod import;
pub mod lock;
pub mod store;

pub use decode::{ArticleError, DecodeProblem, Decoded};
pub use export::{ExportError, ExportFormat, export_set};
pub use formats::{FormatChoice, format_of, open_article, open_article_as};
pub use import::{ImportError, ImportFormat, ImportOptions, ImportReport, Imported, import_file};
pub use lock::{DiskStamp, SetLock};
pub use store::{
    LoadedSet, SetError, default_set_path, load_set, load_set_with_article, save_loaded_set,
    save_set,
};

/// Whether two paths name the same existing file: through links, `..`
/// or, on Unix, a second hard link (the same device and inode); false when
/// either does not exist. Neither file is opened: opening a named pipe
/// would wait for a writer.
pub fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
