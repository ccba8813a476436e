//! Everything that reads or writes files: article decoding and the
//! annotation set file. Exports and imports live here too as they arrive.
//!
//! `io` depends on `model` only; it returns errors that name the file and
//! the problem and leaves printing them to its callers.

pub mod decode;
pub mod store;

pub use decode::{ArticleError, DecodeProblem, open_article};
pub use store::{LoadedSet, SetError, default_set_path, load_set, save_set};
