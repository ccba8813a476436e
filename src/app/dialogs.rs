//! Native file dialogs behind a small trait, so the UI never blocks on them
//! and tests never open one.
//!
//! [`Dialogs::request`] starts a dialog and returns at once; the answer
//! arrives later through [`Dialogs::poll`], which the app calls every frame.
//! [`NativeDialogs`] awaits rfd's async dialog on a worker thread and wakes
//! the UI when the user answers; [`ScriptedDialogs`] answers from a queue,
//! for tests.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a dialog is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogRequest {
    OpenArticle,
    OpenSet,
    /// Where to save the current set; the suggested folder and file name.
    SaveSetAs {
        suggested: PathBuf,
    },
    /// A folder to export the current set into.
    ExportTo(crate::io::ExportFormat),
    /// Another tool's annotations (brat .ann, W3C .json) of this article.
    ImportAnnotations,
    /// Where the article of the set at `set` is now.
    LocateArticle {
        set: PathBuf,
    },
}

/// The user's answer: a path, or `None` when the dialog was cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogAnswer {
    pub request: DialogRequest,
    pub path: Option<PathBuf>,
    /// No dialog could be shown at all (on Linux without
    /// xdg-desktop-portal or zenity), as far as can be told.
    pub unavailable: bool,
}

/// rfd answers `None` both when the user cancels and when it could show no
/// dialog; no one cancels a dialog this soon after asking for it.
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(250);

pub trait Dialogs {
    /// Starts a dialog, showing `folder` first (the open article's) when
    /// the request names no better one. Returns at once.
    fn request(&mut self, request: DialogRequest, folder: Option<&Path>);
    /// The answer of a finished dialog, if any.
    fn poll(&mut self) -> Option<DialogAnswer>;
}

/// Article extensions offered in the open dialog.
pub const ARTICLE_EXTENSIONS: &[&str] =
    &["txt", "text", "md", "markdown", "html", "htm", "gz", "docx"];

type DialogFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>>;

/// Native dialogs (rfd).
pub struct NativeDialogs {
    sender: Sender<DialogAnswer>,
    receiver: Receiver<DialogAnswer>,
    /// Wakes the UI when an answer arrives, so an idle window needs no
    /// polling.
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl NativeDialogs {
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            wake: Arc::new(wake),
        }
    }
}

impl Dialogs for NativeDialogs {
    fn request(&mut self, request: DialogRequest, folder: Option<&Path>) {
        // Finding a set's article starts where the set is.
        let set_folder = match &request {
            DialogRequest::LocateArticle { set } => std::path::absolute(set)
                .ok()
                .and_then(|s| s.parent().map(Path::to_path_buf)),
            _ => None,
        };
        let folder = set_folder.as_deref().or(folder);
        let mut dialog = rfd::AsyncFileDialog::new();
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            dialog = dialog.set_directory(folder);
            // Without xdg-desktop-portal, rfd falls back to zenity, which
            // ignores the starting folder but opens at a file name's
            // folder; the portal reads no file name when opening.
            let opens = !matches!(request, DialogRequest::SaveSetAs { .. });
            if cfg!(all(unix, not(target_os = "macos"))) && opens {
                let mut name = folder.as_os_str().to_owned();
                name.push(std::path::MAIN_SEPARATOR_STR);
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
        }
        // The future is created here, on the UI thread (macOS wants dialogs
        // started from the main thread), and awaited on a worker thread.
        let future: DialogFuture = match &request {
            DialogRequest::OpenArticle => Box::pin(
                dialog
                    .set_title("Open article")
                    .add_filter("Articles", ARTICLE_EXTENSIONS)
                    .add_filter("All files", &["*"])
                    .pick_file(),
            ),
            DialogRequest::OpenSet => Box::pin(
                dialog
                    .set_title("Open annotations")
                    .add_filter("Annotation sets", &["ron"])
                    .pick_file(),
            ),
            DialogRequest::SaveSetAs { suggested } => {
                let mut dialog = dialog
                    .set_title("Save annotations as")
                    .add_filter("Annotation sets", &["ron"]);
                if let Some(folder) = suggested.parent().filter(|p| p.is_dir()) {
                    dialog = dialog.set_directory(folder);
                }
                if let Some(name) = save_name(suggested, zenity_fallback()) {
                    dialog = dialog.set_file_name(name);
                }
                Box::pin(dialog.save_file())
            }
            DialogRequest::ExportTo(format) => Box::pin(
                dialog
                    .set_title(format!("Export as {} into folder", format.name()))
                    .pick_folder(),
            ),
            DialogRequest::LocateArticle { set } => {
                let name = set.file_name().unwrap_or_default().to_string_lossy();
                let mut dialog = dialog
                    .set_title(format!("Find the article of {name}"))
                    .add_filter("Articles", ARTICLE_EXTENSIONS)
                    .add_filter("All files", &["*"]);
                if let Some(folder) = set.parent().filter(|p| p.is_dir()) {
                    dialog = dialog.set_directory(folder);
                }
                Box::pin(dialog.pick_file())
            }
            DialogRequest::ImportAnnotations => Box::pin(
                dialog
                    .set_title("Import annotations")
                    .add_filter(
                        "brat, W3C, Label Studio or doccano",
                        &["ann", "json", "jsonld", "jsonl"],
                    )
                    .pick_file(),
            ),
        };
        let sender = self.sender.clone();
        let wake = Arc::clone(&self.wake);
        let asked = std::time::Instant::now();
        std::thread::spawn(move || {
            let path = pollster::block_on(future).map(|f| f.path().to_owned());
            let unavailable = path.is_none() && asked.elapsed() < NO_DIALOG_WITHIN;
            let _ = sender.send(DialogAnswer {
                request,
                path,
                unavailable,
            });
            wake();
        });
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        self.receiver.try_recv().ok()
    }
}

/// The name a Save dialog starts with. The desktop portal takes a file
/// name and the folder apart; zenity, which rfd falls back to where no
/// portal can be reached (no D-Bus session, as over SSH or under Xvfb),
/// ignores the folder and opens where `--filename` points, so it gets the
/// whole path.
fn save_name(suggested: &Path, zenity: bool) -> Option<String> {
    let name = suggested.file_name()?.to_string_lossy().into_owned();
    Some(match std::path::absolute(suggested) {
        Ok(full) if zenity => full.to_string_lossy().into_owned(),
        _ => name,
    })
}

/// Whether rfd will fall back to zenity: Linux and the like without a
/// D-Bus session, where no desktop portal can answer.
fn zenity_fallback() -> bool {
    cfg!(all(unix, not(target_os = "macos")))
        && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none()
}

/// Answers dialogs from a queue: for tests and scripted runs.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    answers: VecDeque<Option<PathBuf>>,
    pending: VecDeque<DialogRequest>,
    /// Every dialog fails to show, as on a desktop without one.
    unavailable: bool,
    /// Dialogs stay open, unanswered: a user still choosing.
    held: bool,
}

impl ScriptedDialogs {
    /// Dialogs that answer with these paths in turn (`None` = cancel).
    pub fn answering(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        Self {
            answers: answers.into_iter().collect(),
            pending: VecDeque::new(),
            unavailable: false,
            held: false,
        }
    }

    /// Dialogs that stay open and never answer, as while a user chooses.
    pub fn held_open() -> Self {
        Self {
            held: true,
            ..Self::default()
        }
    }

    /// Dialogs that can never be shown (a desktop without a file dialog).
    pub fn unavailable() -> Self {
        Self {
            unavailable: true,
            ..Self::default()
        }
    }
}

impl Dialogs for ScriptedDialogs {
    fn request(&mut self, request: DialogRequest, _folder: Option<&Path>) {
        self.pending.push_back(request);
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        if self.held {
            return None;
        }
        let request = self.pending.pop_front()?;
        let path = self.answers.pop_front().flatten();
        Some(DialogAnswer {
            request,
            path,
            unavailable: self.unavailable,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zenity_is_given_the_whole_path_to_save_at_and_the_portal_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let suggested = dir.path().join("x-2.annotations.ron");
        assert_eq!(
            save_name(&suggested, true).as_deref(),
            Some(suggested.to_str().unwrap())
        );
        assert_eq!(
            save_name(&suggested, false).as_deref(),
            Some("x-2.annotations.ron")
        );
    }
}
