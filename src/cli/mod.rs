//! The command line: argument parsing and the subcommands that run without
//! a window. Each subcommand returns its exit code; only `main` exits.
//!
//! Exit codes: 0 success, 1 the input is invalid or has orphans, 2 the
//! input cannot be read or parsed.

//! Each subcommand lives in its own file and is dispatched by [`run`].

mod check;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use check::check;

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

/// Runs a subcommand; returns its exit code.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        Command::Check { set } => check(&set, out, err),
    }
}
