//! The factmark binary: a subcommand, or the annotation window.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use factmark::cli::{self, Cli};

fn main() -> ExitCode {
    // `factmark PATH` with nothing at PATH, typically a misspelt command:
    // say so here rather than open a window on nothing.
    if let Some(first) = std::env::args_os().nth(1)
        && let Some((message, code)) = cli::missing_window_path(&first)
    {
        eprintln!("{message}");
        return ExitCode::from(code);
    }
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(error) => {
            // --help and --version print and succeed; a mistake in the
            // arguments is invalid input (exit 1), as the contract says.
            // Help that cannot be written (a full disk) fails, as every
            // command's output does.
            let printed = error.print().and_then(|()| std::io::stdout().flush());
            return ExitCode::from(match (error.use_stderr(), printed) {
                (true, _) => cli::EXIT_INVALID,
                (false, Ok(())) => cli::EXIT_OK,
                // A reader that stops early (`| head`) is no failure.
                (false, Err(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => cli::EXIT_OK,
                (false, Err(e)) => {
                    let words = factmark::io::store::in_words(&e);
                    eprintln!("error: cannot write the output: {words}");
                    cli::EXIT_UNREADABLE
                }
            });
        }
    };
    let code = match args.command {
        Some(command) => cli::run_checked(command, &mut std::io::stdout(), &mut std::io::stderr()),
        None => run_window(args.path),
    };
    ExitCode::from(code)
}

#[cfg(not(feature = "gui"))]
fn run_window(_path: Option<std::path::PathBuf>) -> u8 {
    eprintln!(
        "error: this factmark was built without the window (feature `gui`); use a subcommand, see --help"
    );
    cli::EXIT_UNREADABLE
}

#[cfg(feature = "gui")]
fn run_window(path: Option<std::path::PathBuf>) -> u8 {
    use factmark::app::dialogs::NativeDialogs;
    use factmark::ui::{APP_ID, FactmarkApp, Startup};
    factmark::ui::install_panic_hook();

    let viewport = egui::ViewportBuilder::default()
        .with_title("factmark")
        .with_app_id(APP_ID)
        .with_inner_size([1200.0, 800.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            factmark::ui::termination::install(cc.egui_ctx.clone());
            let ctx = cc.egui_ctx.clone();
            let startup = Startup {
                path,
                dialogs: Box::new(NativeDialogs::new(move || ctx.request_repaint())),
                recovery: Startup::default_recovery(),
            };
            Ok(Box::new(FactmarkApp::new(cc, startup)))
        }),
    );
    // A file dialog still open must not outlive the window.
    factmark::ui::termination::end_children();
    match result {
        Ok(()) => cli::EXIT_OK,
        Err(error) => {
            eprintln!(
                "{}",
                cli::window_error_message(&error.to_string(), display_found())
            );
            cli::EXIT_UNREADABLE
        }
    }
}

/// Whether a display server is named in the environment. Only X11 and
/// Wayland need one; elsewhere the system always has a display.
#[cfg(feature = "gui")]
fn display_found() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}
