//! The command line: argument parsing and the subcommands that run without
//! a window. Each subcommand returns its exit code; only `main` exits.
//!
//! Exit codes: 0 success, 1 the input is invalid or has orphans, 2 the
//! input cannot be read or parsed.

//! Each subcommand lives in its own file and is dispatched by [`run`].

mod check;
mod compare;
mod suggest;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use check::check;
pub use compare::compare;
pub use suggest::suggest;

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
    /// Suggest figures, quotes, sources and claims in an article (offline)
    /// and write them as an annotation set.
    ///
    /// Adds to an existing set without duplicating what is already there.
    /// Exits 0 on success, 1 when the set belongs to another article, 2 when
    /// the article or the set cannot be read or written.
    Suggest {
        /// The article (.txt, .md).
        article: PathBuf,
        /// The set to write or add to [default: ARTICLE's .annotations.ron].
        #[arg(short, long, value_name = "SET.ron")]
        output: Option<PathBuf>,
        /// Which tags to suggest, comma-separated.
        #[arg(long, value_delimiter = ',', value_parser = suggest::parse_tag,
              default_value = "claim,figure,quote,source")]
        tags: Vec<Tag>,
    },
    /// Compare two annotation sets of the same article: per-tag precision,
    /// recall and F1 of OTHER against REFERENCE, and Cohen's kappa.
    ///
    /// Exits 0 on success, 1 when the sets annotate different texts, 2 when
    /// a set cannot be read.
    Compare {
        /// The reference set (e.g. a journalist's annotation).
        reference: PathBuf,
        /// The set to evaluate against it (e.g. suggestions).
        other: PathBuf,
        /// Smallest character intersection-over-union for two spans to match.
        #[arg(long, default_value = "0.5", value_parser = compare::parse_iou)]
        iou: f64,
    },
}

/// Runs a subcommand; returns its exit code.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        Command::Check { set } => check(&set, out, err),
        Command::Suggest {
            article,
            output,
            tags,
        } => suggest(&article, output.as_deref(), &tags, out, err),
        Command::Compare {
            reference,
            other,
            iou,
        } => compare(&reference, &other, iou, out, err),
    }
}
