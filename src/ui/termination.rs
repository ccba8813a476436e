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

/// Ends the programs factmark started and left running: a file dialog
/// (zenity, which rfd runs where there is no desktop portal) would
/// otherwise stay on screen after the window closed, its answer going
/// nowhere. Linux only: elsewhere dialogs are part of the process.
pub fn end_children() {
    #[cfg(target_os = "linux")]
    end_children_of(std::process::id());
}

/// Sends SIGTERM to every process whose parent is `parent`, found in
/// `/proc`.
#[cfg(target_os = "linux")]
fn end_children_of(parent: u32) {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (name) state ppid …", where the name may hold spaces and
        // parentheses: the fields after the last `)` are plain.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(parent) {
            // SAFETY: kill(2) only sends a signal; a process that has
            // ended meanwhile makes it fail harmlessly.
            unsafe {
                libc::kill(pid, libc::SIGTERM);
            }
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn the_children_of_a_process_are_ended() {
        // A shell waiting for a long sleep of its own: ending the sleep
        // lets the shell finish.
        let mut shell = std::process::Command::new("sh")
            .args(["-c", "sleep 60 & wait"])
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        // Until the sleep has started, there is nothing to end.
        while started.elapsed() < std::time::Duration::from_secs(10) {
            end_children_of(shell.id());
            if shell.try_wait().unwrap().is_some() {
                return; // well before its sleep of 60 s
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = shell.kill();
        let _ = shell.wait();
        panic!("the shell's child was not ended");
    }
}
