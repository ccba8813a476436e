//! Everything that reads or writes files: article decoding, the article
//! formats (text, Markdown, HTML, Word) and the annotation set file.
//! Exports and imports live here too as they arrive.
//!
//! `io` depends on `model` only; it returns errors that name the file and
//! the problem and leaves printing them to its callers.

pub mod decode;
pub mod formats;
pub mod store;

pub use decode::{ArticleError, DecodeProblem, Decoded};
pub use formats::{FormatChoice, format_of, open_article, open_article_as};
pub use store::{LoadedSet, SetError, default_set_path, load_set, save_set};
