//! SIGTERM (a logout, a shutdown, `kill`) must not lose unsaved work: the
//! signal only sets a flag, a small thread wakes the window, and the next
//! frame writes the recovery file and closes (see
//! [`crate::app::AppState::terminate`]). Unix only; elsewhere nothing is
//! installed and the system ends the process as before.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Whether the system has asked factmark to end.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// Catches SIGTERM for the window of `ctx`. Only the binary calls this: a
/// test process must stay killable.
#[cfg(unix)]
pub fn install(ctx: egui::Context) {
    // SAFETY: the action only stores to an atomic, which is
    // async-signal-safe; it allocates, locks and panics nothing.
    let registered = unsafe {
        signal_hook_registry::register(libc::SIGTERM, || REQUESTED.store(true, Ordering::SeqCst))
    };
    if registered.is_err() {
        return; // The default stays: the process ends at once.
    }
    // A signal handler cannot wake the window (that takes a lock): this
    // thread does, at most a fifth of a second later.
    let _ = std::thread::Builder::new()
        .name("sigterm".to_owned())
        .spawn(move || {
            while !requested() {
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            ctx.request_repaint();
        });
}

#[cfg(not(unix))]
pub fn install(_ctx: egui::Context) {}
