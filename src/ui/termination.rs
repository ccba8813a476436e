//! SIGTERM (a logout, a shutdown, `kill`) and SIGHUP (the terminal that
//! started factmark closed) must not lose unsaved work: the
//! signal only sets a flag and wakes a waiting thread, which wakes the
//! window, and the next
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
    use std::io::{Read, Write};
    use std::os::unix::net::UnixStream;

    // A signal handler cannot wake the window (that takes a lock): it
    // writes a byte to a socket, and a thread blocked on the other end
    // wakes the window. Nothing polls.
    let Ok((reader, writer)) = UnixStream::pair() else {
        return; // The default stays: the process ends at once.
    };
    // SIGHUP too: the terminal factmark was started from was closed, or
    // the session ends that way.
    let mut registered = false;
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let Ok(writer) = writer.try_clone() else {
            continue;
        };
        // SAFETY: the action stores to an atomic and writes to a socket
        // (send(2)), both async-signal-safe; it allocates, locks and
        // panics nothing.
        let action = unsafe {
            signal_hook_registry::register(signal, move || {
                REQUESTED.store(true, Ordering::SeqCst);
                let _ = (&writer).write(&[1]);
            })
        };
        registered |= action.is_ok();
    }
    if !registered {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("sigterm".to_owned())
        .spawn(move || {
            let mut byte = [0];
            while !requested() {
                if matches!((&reader).read(&mut byte), Ok(0) | Err(_)) {
                    return; // The socket closed: no signal can come.
                }
            }
            ctx.request_repaint();
        });
}

#[cfg(not(unix))]
pub fn install(_ctx: egui::Context) {}
