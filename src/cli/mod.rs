//! The command line: argument parsing and the subcommands that run without
//! a window. Each subcommand returns its exit code; only `main` exits.
//!
//! Exit codes: 0 success, 1 the input is invalid or has orphans, 2 the
//! input cannot be read or parsed.

//! Each subcommand lives in its own file and is dispatched by [`run`].

mod check;
mod text;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use check::check;
pub use text::text;

pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

/// Annotate news articles: tag claims, figures, quotes and sources.
#[derive(Debug, Parser)]
#[command(name = "factmark", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// An article (.txt, .md, .html, .docx) or an annotation set (.annotations.ron) to
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
    /// Print the article text exactly as factmark sees it (offsets refer to
    /// it), extracted from a web page, Markdown or Word file.
    ///
    /// The metadata (title, byline, date, site, URL, language) goes to
    /// stderr; with --meta it goes to stdout as JSON instead of the text.
    /// Exits 2 when the article cannot be read.
    Text {
        /// The article: .txt, .md, .html, .htm, .html.gz or .docx (other
        /// extensions are read as plain text).
        article: PathBuf,
        /// Write the text to this file instead of stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Print the metadata as JSON on stdout instead of the text.
        #[arg(long)]
        meta: bool,
    },
}

/// Runs a subcommand; returns its exit code.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        Command::Check { set } => check(&set, out, err),
        Command::Text {
            article,
            output,
            meta,
        } => text(&article, output.as_deref(), meta, out, err),
    }
}
