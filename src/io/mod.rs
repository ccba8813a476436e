//! Everything that reads or writes files: article decoding, the annotation
//! set file, and exports and imports in other tools' formats.
//!
//! `io` depends on `model` only; it returns errors that name the file and
//! the problem and leaves printing them to its callers.

pub mod decode;
pub mod export;
pub mod import;
pub mod store;

pub use decode::{ArticleError, DecodeProblem, open_article};
pub use export::{ExportError, ExportFormat, export_set};
pub use import::{ImportError, ImportFormat, ImportOptions, ImportReport, Imported, import_file};
pub use store::{LoadedSet, SetError, default_set_path, load_set, save_set};
