//! The command line: argument parsing and the subcommands that run without
//! a window. Each subcommand returns its exit code; only `main` exits.
//!
//! Exit codes: 0 success, 1 the input is invalid or has orphans, 2 the
//! input cannot be read or parsed.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::io::{SetError, load_set};
use crate::model::Tag;

pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

/// Annotate news articles: tag claims, figures, quotes and sources.
#[derive(Debug, Parser)]
#[command(name = "factmark", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// An article (.txt, .md) or an annotation set (.annotations.ron) to
    /// open in the window. Without it, the sample article opens.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check an annotation set against its article and print a summary.
    ///
    /// Exits 0 when every annotation is anchored, 1 when the set is invalid
    /// or has orphans, 2 when the set or its article cannot be read.
    Check {
        /// The annotation set file (.annotations.ron).
        set: PathBuf,
    },
}

/// `factmark check SET`: one summary line on `out`, problems on `err`.
pub fn check(set_path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (_, article_path, loaded) = match load_set(set_path) {
        Ok(loaded) => loaded,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return match error {
                SetError::Invalid { .. } | SetError::DuplicateId { .. } => EXIT_INVALID,
                _ => EXIT_UNREADABLE,
            };
        }
    };
    let set = &loaded.set;
    let counts = set.counts();
    let per_tag: Vec<String> = Tag::ALL
        .iter()
        .map(|tag| format!("{} {}", counts[tag.index()], tag.label().to_lowercase()))
        .collect();
    let orphans = set.orphans().len();
    let article_state = match (loaded.article_changed, loaded.moved) {
        (false, _) => "article unchanged".to_owned(),
        (true, 0) => "article changed".to_owned(),
        (true, moved) => format!("article changed, {moved} re-anchored"),
    };
    let _ = writeln!(
        out,
        "{}: {} annotations ({}), {} orphans; {} ({})",
        set_path.display(),
        set.len(),
        per_tag.join(", "),
        orphans,
        article_state,
        article_path.display(),
    );
    for orphan in set.orphans() {
        let _ = writeln!(
            err,
            "orphan {} ({}): {:?} is no longer in the article",
            orphan.id, orphan.tag, orphan.quote.exact
        );
    }
    if orphans > 0 { EXIT_INVALID } else { EXIT_OK }
}
