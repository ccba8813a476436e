//! The factmark binary: a subcommand, or the annotation window.

use std::process::ExitCode;

use clap::Parser;
use factmark::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let args = Cli::parse();
    let code = match args.command {
        Some(Command::Check { set }) => {
            cli::check(&set, &mut std::io::stdout(), &mut std::io::stderr())
        }
        None => {
            eprintln!("the window is not built yet");
            cli::EXIT_UNREADABLE
        }
    };
    ExitCode::from(code)
}
