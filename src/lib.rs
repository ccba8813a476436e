//! factmark: annotate news articles — claims, figures, quotes and sources —
//! and keep the annotations in a RON file beside the article.
//!
//! Dependencies point one way: `ui → app → {suggest, io} → model`; `cli`
//! sits on top.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod io;
pub mod model;
pub mod suggest;
#[cfg(feature = "gui")]
pub mod ui;

/// `1 match`, `7 matches`: a count with the word that goes with it.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The sample article shown when factmark starts without a file.
pub const SAMPLE_ARTICLE: &str = include_str!("../assets/belarus-2020-08-16.txt");
/// The file name the sample article was published under.
pub const SAMPLE_NAME: &str = "belarus-2020-08-16.txt";
