//! Application state and the actions that change it.
//!
//! The UI never changes the document while it draws: widgets return
//! [`Action`]s and [`AppState::apply`] carries them out after the frame.
//! Every change to the annotations goes through the model's `Edit`s and
//! `History`, so undo/redo, the unsaved mark and recovery are right by
//! construction. Nothing here draws; nothing here depends on egui.

pub mod dialogs;
pub mod find;
pub mod recovery;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::io::store::Replacing;
use crate::io::{self, DiskStamp, store};
use crate::model::{
    Annotation, AnnotationId, AnnotationSet, Article, Edit, History, Orphan, Span, Tag,
};
use dialogs::{DialogAnswer, DialogRequest, Dialogs};
use recovery::RecoveryFolder;

/// How often unsaved work is written to the recovery file.
pub const RECOVERY_INTERVAL: Duration = Duration::from_secs(30);
/// How many recent files are remembered.
pub const RECENT_FILES: usize = 10;
/// How long an info message stays; errors and warnings stay until
/// dismissed.
pub const INFO_LIFETIME: Duration = Duration::from_secs(8);

/// Which end of an annotation a nudge moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// What the user can do. Widgets return these; [`AppState::apply`] does them.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    RequestOpenArticle,
    RequestOpenSet,
    Open(PathBuf),
    Save,
    SaveAs,
    Quit,
    /// Tags the selection, or re-tags the selected annotation.
    ApplyTag(Tag),
    DeleteSelected,
    Undo,
    Redo,
    /// The note field's text changed. Typing one note is one undo step,
    /// up to [`Action::FinishNote`].
    SetNote(AnnotationId, String),
    /// The note field lost the keyboard: the next note typed is a new
    /// undo step.
    FinishNote,
    /// Moves one edge of an annotation by one character.
    Nudge {
        id: AnnotationId,
        edge: Edge,
        forward: bool,
    },
    /// A text selection (already snapped by the view), or none.
    Select(Option<Span>),
    SelectAnnotation(Option<AnnotationId>),
    /// Selects an annotation and scrolls the view to it.
    Reveal(AnnotationId),
    ClearSelection,
    DeleteOrphan(AnnotationId),
    /// Attaches an orphan to the current text selection.
    ReattachOrphan(AnnotationId),
    Resolve(UnsavedChoice),
    RequestExport(crate::io::ExportFormat),
    RequestImport,
    /// Proposes annotations (on a worker thread).
    Suggest,
    /// Accepts the current suggestion as an annotation.
    AcceptSuggestion,
    /// Rejects the current suggestion; it is not proposed again.
    RejectSuggestion,
    /// Moves to the next (`true`) or previous suggestion.
    StepSuggestion(bool),
    /// Accepts every open suggestion of a tag, as one undoable step.
    AcceptAll(Tag),
    /// Proposes only suggestions at least this sure; a lower bound than
    /// before suggests again, to bring back those it had hidden.
    SetMinSuggestionScore(f32),
    DismissSuggestions,
    /// Reloads the document from disk, dropping unsaved changes.
    ReloadFromDisk,
    /// Keeps the work in the window over the changed file on disk.
    KeepMine,
    /// Adds to the window's set what the changed file on disk has and it
    /// lacks, as one undoable step.
    MergeFromDisk,
    /// Answers "the set changed on disk: overwrite it?".
    ConfirmOverwrite(bool),
    AcceptRecovery,
    DiscardRecovery,
    DismissMessage(usize),
    /// Asks where the article of this set is now, then opens the set with
    /// it and records the new place in the set file.
    LocateArticle(PathBuf),
    /// Opens the find bar (pre-filled with a short selection).
    OpenFind,
    /// Searches the article for this query; its first match at or after
    /// where the search started becomes the selection.
    Find(String),
    /// Selects the next (`true`) or previous match.
    FindStep(bool),
    /// Match case or whole words changed: search again.
    SetFindOptions(crate::model::search::Options),
    /// Tags every match of Find, as one undoable step.
    TagAllMatches(Tag),
    CloseFind,
}

/// The answer to "save changes before …?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    DontSave,
    Cancel,
}

/// Something that waits for the unsaved-changes question to be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Open(PathBuf),
    Dialog(DialogRequest),
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// A dismissable message shown in the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub severity: Severity,
    pub text: String,
    /// A way out the message offers, shown as a button beside it.
    pub offer: Option<Offer>,
    /// What the message is about, so that it goes once that is settled.
    pub topic: Option<Topic>,
    /// When an info message goes by itself; the first tick after it was
    /// posted sets it.
    expires: Option<Instant>,
}

/// What a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Saving the set (or writing its recovery file) failed: a later
    /// successful save answers it.
    Saving,
    /// About the open document as it stands (its set file does not load,
    /// the sample is shown instead of a file): another document, or its
    /// set read or written again, answers it.
    Document,
    /// Annotations whose text was not found: the count follows re-attaching
    /// and deleting them, and the message goes with the last one.
    Orphans,
}

/// What a message offers to do about the problem it tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    /// The set at this path names an article that is not there any more:
    /// pick the article where it is now.
    LocateArticle(PathBuf),
}

impl Offer {
    /// The button's text.
    pub fn label(&self) -> &'static str {
        match self {
            Offer::LocateArticle(_) => "Find the article…",
        }
    }

    /// The action the button starts.
    pub fn action(&self) -> Action {
        match self {
            Offer::LocateArticle(set) => Action::LocateArticle(set.clone()),
        }
    }
}

/// A file of the open document that another program changed, or that is
/// no longer where it was (moved, renamed or deleted, perhaps with its
/// folder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChange {
    Set,
    Article,
    SetGone,
    ArticleGone,
}

/// How often the open files are compared with the disk while the window
/// is drawing anyway (an idle window is woken by `ui::watch` instead).
pub const DISK_CHECK_INTERVAL: Duration = Duration::from_secs(2);

/// The article being annotated and its annotation set.
#[derive(Debug)]
pub struct Document {
    /// Shared with worker threads (recovery writes, suggestions).
    pub article: Arc<Article>,
    /// The article file; `None` for the embedded sample.
    pub article_path: Option<PathBuf>,
    /// The file name shown for the article.
    pub name: String,
    /// Where Save writes without asking; `None` means Save asks.
    pub set_path: Option<PathBuf>,
    /// The set file beside the article when it did not load, with its
    /// stamp then: watched, so that once another program repairs or
    /// removes it, it becomes `set_path` again.
    pub unreadable_set: Option<(PathBuf, Option<DiskStamp>)>,
    pub set: AnnotationSet,
    pub history: History,
    /// The history revision that matches the file on disk; `None` when no
    /// state of this session matches it (for example after a recovery).
    saved_revision: Option<u64>,
    /// The set file and the article as this session last read or wrote
    /// them, to notice other programs changing them.
    set_stamp: Option<DiskStamp>,
    article_stamp: Option<DiskStamp>,
    /// The annotation whose note is being typed, and the revision its last
    /// keystroke made: the next keystroke folds into that undo step.
    typing_note: Option<(AnnotationId, u64)>,
}

impl Document {
    /// Whether the set file existed when this session last read or wrote
    /// it: `false` for a new article's set that Save has not written yet.
    pub fn set_on_disk(&self) -> bool {
        self.set_stamp.is_some()
    }

    fn new(article: Article, article_path: Option<PathBuf>, name: String) -> Self {
        let set_path = article_path.as_deref().map(io::default_set_path);
        let article_stamp = article_path.as_deref().and_then(DiskStamp::of);
        let set_stamp = set_path.as_deref().and_then(DiskStamp::of);
        Self {
            article: Arc::new(article),
            article_path,
            name,
            set_path,
            unreadable_set: None,
            set: AnnotationSet::new(),
            history: History::new(),
            saved_revision: Some(0),
            set_stamp,
            article_stamp,
            typing_note: None,
        }
    }

    /// Whether there are changes that are not in the set file.
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.history.revision())
    }

    /// The key of this article's recovery file.
    fn recovery_key(&self) -> PathBuf {
        self.article_path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&self.name))
    }

    pub fn text(&self) -> &str {
        self.article.text()
    }
}

/// Unsaved work found for the article just opened.
#[derive(Debug)]
pub struct RecoveryOffer {
    pub set: AnnotationSet,
    pub age: Option<Duration>,
}

/// A request for the view to scroll to and flash a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reveal {
    pub span: Span,
    /// Distinguishes requests, so revealing the same span twice scrolls
    /// twice.
    pub serial: u64,
}

/// Everything the window shows, minus egui's own state.
pub struct AppState {
    pub doc: Document,
    /// The current text selection in the article (bytes).
    pub selection: Option<Span>,
    pub selected: Option<AnnotationId>,
    pub messages: Vec<Message>,
    /// Waiting for the unsaved-changes question.
    pub pending: Option<Pending>,
    /// What to do once a Save As dialog (or an overwrite question) has
    /// saved.
    after_save_as: Option<Pending>,
    pub recovery_offer: Option<RecoveryOffer>,
    pub recent: Vec<PathBuf>,
    /// The view scrolls to this once, then clears it.
    pub reveal: Option<Reveal>,
    /// Set when the window may close now.
    pub quit_confirmed: bool,
    /// Text the UI should put on the clipboard.
    pub clipboard: Option<String>,
    /// Increases on every change to the set or document, for caches.
    pub generation: u64,
    /// Increases when another article is opened, for layout caches.
    pub article_generation: u64,
    dialogs: Box<dyn Dialogs>,
    dialog_open: bool,
    recovery: RecoveryFolder,
    recovery_written: Option<(Instant, u64)>,
    /// A failed recovery write was reported: the next failures are not,
    /// until a write or a save succeeds.
    recovery_warned: bool,
    /// A recovery file being written on a worker thread.
    recovery_writing: Option<JoinHandle<Result<PathBuf, store::SetError>>>,
    /// How long unsaved work waits before it is written to the recovery
    /// file ([`RECOVERY_INTERVAL`]; tests shorten it).
    pub recovery_interval: Duration,
    /// A file changed on disk since it was read: the window offers to
    /// reload.
    pub disk_change: Option<DiskChange>,
    /// The version of the set file on disk (`Some(None)`: no file) the
    /// user chose to keep their work over.
    ignored_on_disk: Option<Option<DiskStamp>>,
    last_disk_check: Option<Instant>,
    /// [`DISK_CHECK_INTERVAL`]; tests shorten it.
    pub disk_check_interval: Duration,
    /// Save found the set changed on disk: waiting for "overwrite?".
    pub confirm_overwrite: Option<PathBuf>,
    /// Proposed annotations not yet accepted or rejected, in text order.
    pub suggestions: Vec<crate::suggest::Suggestion>,
    /// Every suggestion of the last run, reviewed or not: undoing an accept
    /// or a reject brings its suggestion back from here.
    suggestion_pool: Vec<crate::suggest::Suggestion>,
    /// The first byte of the article on screen (the view keeps it true):
    /// a review starts at the first suggestion from there.
    pub view_top: usize,
    /// The suggestion Enter / X act on.
    pub current_suggestion: Option<usize>,
    /// Suggestions being computed on a worker thread.
    suggesting: Option<std::sync::mpsc::Receiver<Vec<crate::suggest::Suggestion>>>,
    /// Suggestions whose rule is less sure than this are not proposed.
    pub min_suggestion_score: f32,
    /// The message that counts the suggestions, replaced by the next one.
    suggestions_note: Option<String>,
    /// The find bar, when open.
    pub find: Option<find::Find>,
    /// Match case, whole words: kept when the bar closes.
    pub find_options: crate::model::search::Options,
}

impl AppState {
    /// The app with the embedded sample article.
    pub fn with_sample(dialogs: Box<dyn Dialogs>, recovery: RecoveryFolder) -> Self {
        let decoded = io::decode::decode(crate::SAMPLE_ARTICLE.as_bytes())
            .expect("the embedded sample article decodes");
        let doc = Document::new(
            Article::new(decoded.text),
            None,
            crate::SAMPLE_NAME.to_owned(),
        );
        let mut state = Self {
            doc,
            selection: None,
            selected: None,
            messages: Vec::new(),
            pending: None,
            after_save_as: None,
            recovery_offer: None,
            recent: Vec::new(),
            reveal: None,
            quit_confirmed: false,
            clipboard: None,
            generation: 0,
            article_generation: 0,
            dialogs,
            dialog_open: false,
            recovery,
            recovery_written: None,
            recovery_warned: false,
            recovery_writing: None,
            recovery_interval: RECOVERY_INTERVAL,
            disk_change: None,
            ignored_on_disk: None,
            last_disk_check: None,
            disk_check_interval: DISK_CHECK_INTERVAL,
            confirm_overwrite: None,
            suggestions: Vec::new(),
            suggestion_pool: Vec::new(),
            view_top: 0,
            current_suggestion: None,
            suggesting: None,
            min_suggestion_score: 0.0,
            suggestions_note: None,
            find: None,
            find_options: crate::model::search::Options::default(),
        };
        state.offer_recovery();
        state
    }

    /// Whether the window title should carry the unsaved mark.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// The window title: article title, file name, unsaved mark.
    pub fn title(&self) -> String {
        let mark = if self.is_dirty() { "• " } else { "" };
        let title = &self.doc.article.meta().title;
        format!("{mark}{title} — {} — factmark", self.doc.name)
    }

    pub fn recovery_folder(&self) -> &Path {
        self.recovery.folder()
    }

    /// Whether a native dialog is open (its answer is polled every frame).
    pub fn dialog_open(&self) -> bool {
        self.dialog_open
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message(Severity::Error, text);
    }

    /// Says that the sample is on screen because `path` could not be
    /// opened, until another article is.
    pub fn sample_shown_instead_of(&mut self, path: &Path) {
        self.post(
            Severity::Warning,
            format!(
                "The sample article is shown instead of {}; File > Open article… (Ctrl+O) opens another.",
                path.display()
            ),
            None,
            Some(Topic::Document),
        );
    }

    /// A message that goes by itself after [`INFO_LIFETIME`].
    pub fn info(&mut self, text: impl Into<String>) {
        self.message(Severity::Info, text);
    }

    fn message(&mut self, severity: Severity, text: impl Into<String>) {
        self.post(severity, text.into(), None, None);
    }

    fn message_offering(&mut self, severity: Severity, text: String, offer: Option<Offer>) {
        self.post(severity, text, offer, None);
    }

    /// An error about saving, which the next successful save clears.
    fn saving_error(&mut self, text: String) {
        self.post(Severity::Error, text, None, Some(Topic::Saving));
    }

    /// Shows a message once, with what it offers to do; the same text again
    /// keeps its place, takes the new offer and, for an info message,
    /// starts its time again.
    fn post(
        &mut self,
        severity: Severity,
        text: String,
        offer: Option<Offer>,
        topic: Option<Topic>,
    ) {
        match self.messages.iter_mut().find(|m| m.text == text) {
            Some(same) => {
                if offer.is_some() {
                    same.offer = offer;
                }
                same.expires = None;
            }
            None => self.messages.push(Message {
                severity,
                text,
                offer,
                topic,
                expires: None,
            }),
        }
    }

    /// Times new info messages and removes those whose time is up.
    fn expire_messages(&mut self, now: Instant) {
        for m in &mut self.messages {
            if m.severity == Severity::Info && m.expires.is_none() {
                m.expires = Some(now + INFO_LIFETIME);
            }
        }
        self.messages
            .retain(|m| m.expires.is_none_or(|at| now < at));
    }

    /// Keeps the count in the suggestions note true as suggestions are
    /// accepted or rejected; a note the user dismissed stays dismissed.
    fn recount_suggestions(&mut self) {
        let shown = self
            .suggestions_note
            .as_ref()
            .is_some_and(|note| self.messages.iter().any(|m| &m.text == note));
        if !shown {
            return;
        }
        match self.suggestions.len() {
            0 => self.note_suggestions("All suggestions reviewed.".to_owned()),
            // The count follows in place, and the note still goes when it
            // was to: it must not stay over the article while the user
            // accepts one after another.
            n => {
                let note = review_note(n);
                let old = self.suggestions_note.replace(note.clone());
                if let Some(m) = self
                    .messages
                    .iter_mut()
                    .find(|m| Some(&m.text) == old.as_ref())
                {
                    m.text = note;
                }
            }
        }
    }

    /// Says how many suggestions there are, in place of the last such note.
    fn note_suggestions(&mut self, text: String) {
        if let Some(old) = self.suggestions_note.take() {
            self.messages.retain(|m| m.text != old);
        }
        self.message(Severity::Info, text.clone());
        self.suggestions_note = Some(text);
    }

    fn changed(&mut self) {
        self.generation += 1;
        self.follow_orphans();
    }

    /// Keeps the orphans' warning true as they are re-attached or deleted.
    fn follow_orphans(&mut self) {
        let Some(at) = self
            .messages
            .iter()
            .position(|m| m.topic == Some(Topic::Orphans))
        else {
            return;
        };
        match (self.doc.set.orphans().len(), &self.doc.set_path) {
            (0, _) => {
                self.messages.remove(at);
            }
            (n, Some(path)) => self.messages[at].text = orphans_warning(path, n),
            (_, None) => {}
        }
    }

    /// Carries out one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::RequestOpenArticle => self.guard(Pending::Dialog(DialogRequest::OpenArticle)),
            Action::RequestOpenSet => self.guard(Pending::Dialog(DialogRequest::OpenSet)),
            Action::LocateArticle(set) => {
                self.guard(Pending::Dialog(DialogRequest::LocateArticle { set }));
            }
            Action::Open(path) => self.guard(Pending::Open(path)),
            Action::Quit => self.guard(Pending::Quit),
            Action::Save => {
                self.save(None);
            }
            Action::SaveAs => self.request_save_as(None),
            Action::ApplyTag(tag) => self.apply_tag(tag),
            Action::DeleteSelected => self.delete_selected(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::SetNote(id, note) => self.set_note(id, note),
            Action::FinishNote => self.doc.typing_note = None,
            Action::Nudge { id, edge, forward } => self.nudge(id, edge, forward),
            Action::Select(span) => {
                self.selection = span;
                if span.is_some() {
                    self.selected = None;
                }
            }
            Action::SelectAnnotation(id) => {
                self.selected = id;
                if id.is_some() {
                    self.selection = None;
                }
            }
            Action::Reveal(id) => {
                if let Some(span) = self.doc.set.get(id).map(|a| a.span) {
                    self.reveal_span(span);
                    self.selected = Some(id);
                    self.selection = None;
                }
            }
            Action::ClearSelection => {
                self.selection = None;
                self.selected = None;
            }
            Action::DeleteOrphan(id) => self.delete_orphan(id),
            Action::ReattachOrphan(id) => self.reattach_orphan(id),
            Action::Resolve(choice) => self.resolve(choice),
            Action::RequestExport(format) => {
                self.ask(DialogRequest::ExportTo(format));
                self.dialog_open = true;
            }
            Action::RequestImport => {
                self.ask(DialogRequest::ImportAnnotations);
                self.dialog_open = true;
            }
            Action::Suggest => self.start_suggesting(),
            Action::AcceptSuggestion => self.accept_suggestion(),
            Action::RejectSuggestion => self.reject_suggestion(),
            Action::StepSuggestion(forward) => self.step_suggestion(forward),
            Action::AcceptAll(tag) => self.accept_all(tag),
            Action::SetMinSuggestionScore(score) => self.set_min_suggestion_score(score),
            Action::DismissSuggestions => self.end_review(),
            Action::ReloadFromDisk => self.reload_from_disk(),
            Action::KeepMine => {
                self.ignored_on_disk = Some(self.doc.set_path.as_deref().and_then(DiskStamp::of));
                self.doc.article_stamp = self.doc.article_path.as_deref().and_then(DiskStamp::of);
                self.disk_change = None;
            }
            Action::MergeFromDisk => self.merge_from_disk(),
            Action::ConfirmOverwrite(overwrite) => {
                let path = self.confirm_overwrite.take();
                let next = self.after_save_as.take();
                if let Some(path) = path
                    && overwrite
                    && self.write_set(path, Replacing::Unknown)
                    && let Some(next) = next
                {
                    self.proceed(next);
                }
            }
            Action::AcceptRecovery => self.accept_recovery(),
            Action::DiscardRecovery => {
                self.recovery_offer = None;
                self.discard_recovery();
            }
            Action::DismissMessage(index) => {
                if index < self.messages.len() {
                    self.messages.remove(index);
                }
            }
            Action::OpenFind => self.open_find(),
            Action::Find(query) => {
                let generation = self.article_generation;
                if let Some(find) = &mut self.find {
                    let shown = find.current_span();
                    find.search(
                        self.doc.article.text(),
                        query,
                        self.find_options,
                        generation,
                    );
                    if find.current.is_none() && shown.is_some() && self.selection == shown {
                        // The query no longer finds what is selected.
                        self.selection = None;
                    }
                    self.show_found();
                }
            }
            Action::FindStep(forward) => {
                self.refresh_find(); // never step through another article's matches
                if let Some(find) = &mut self.find {
                    find.step(forward);
                    self.show_found();
                }
            }
            Action::SetFindOptions(options) => {
                self.find_options = options;
                if let Some(query) = self.find.as_ref().map(|f| f.query.clone()) {
                    self.apply(Action::Find(query));
                }
            }
            Action::TagAllMatches(tag) => self.tag_all_matches(tag),
            Action::CloseFind => self.find = None,
        }
    }

    /// Tags every match of Find that is not tagged so already, as one
    /// undoable step.
    fn tag_all_matches(&mut self, tag: Tag) {
        self.refresh_find(); // never tag another article's matches
        let Some(find) = &self.find else {
            return;
        };
        if find.matches.more {
            self.message(
                Severity::Warning,
                format!(
                    "Over {} matches: narrow the search to tag them all.",
                    crate::model::search::MAX_MATCHES
                ),
            );
            return;
        }
        let spans = find.matches.spans.clone();
        let now = Self::now();
        let mut edits = Vec::new();
        for span in &spans {
            if !self.doc.set.contains(*span, tag) {
                let annotation =
                    self.doc
                        .set
                        .new_annotation(tag, *span, self.doc.article.text(), now);
                edits.push(Edit::Add(annotation));
            }
        }
        let (added, already) = (edits.len(), spans.len() - edits.len());
        let note = if added == 0 {
            match already {
                0 => return,
                1 => format!("The match is already tagged {tag}."),
                n => format!("All {n} matches are already tagged {tag}."),
            }
        } else if self.edit(Edit::Batch(edits)) {
            let also = match already {
                0 => String::new(),
                n => format!(" ({n} already were)"),
            };
            format!(
                "Tagged {} as {tag}{also}. Undo takes them all back.",
                crate::plural(added, "match", "matches")
            )
        } else {
            return; // The edit said why.
        };
        self.message(Severity::Info, note);
    }

    /// Opens the find bar where the user is: at the selection or the
    /// selected annotation, pre-filled with the selected text. While it is
    /// open, a new selection replaces the query.
    fn open_find(&mut self) {
        let text = self.doc.article.text();
        let span = self
            .selection
            .or_else(|| self.selected_annotation().map(|a| a.span));
        let prefill = self.selection.map(|s| &text[s.start..s.end]);
        let mut find = find::Find::open(
            span.map_or(0, |s| s.start),
            prefill,
            self.article_generation,
        );
        if let Some(open) = &self.find {
            // Find again over a new selection searches for it instead;
            // otherwise the bar stays as it is.
            if find.query.is_empty() || self.selection == open.current_span() {
                return;
            }
        }
        if !find.query.is_empty() {
            let query = find.query.clone();
            find.search(text, query, self.find_options, self.article_generation);
        }
        self.find = Some(find);
    }

    /// Selects the current match and scrolls to it.
    fn show_found(&mut self) {
        if let Some(span) = self.find.as_ref().and_then(|f| f.current_span()) {
            self.selection = Some(span);
            self.selected = None;
            self.reveal_span(span);
        }
    }

    /// Runs `pending` now, or asks first when there are unsaved changes.
    fn guard(&mut self, pending: Pending) {
        if self.is_dirty() {
            self.pending = Some(pending);
        } else {
            self.proceed(pending);
        }
    }

    fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::Open(path) => self.open(&path),
            Pending::Dialog(request) => {
                self.ask(request);
                self.dialog_open = true;
            }
            Pending::Quit => {
                self.discard_recovery();
                self.quit_confirmed = true;
            }
        }
    }

    fn resolve(&mut self, choice: UnsavedChoice) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::DontSave => {
                self.discard_recovery();
                self.doc.saved_revision = Some(self.doc.history.revision());
                self.proceed(pending);
            }
            UnsavedChoice::Save => {
                if self.doc.set_path.is_none() {
                    self.request_save_as(Some(pending));
                } else if self.save(None) {
                    self.proceed(pending);
                } else if self.confirm_overwrite.is_some() || self.dialog_open {
                    // Asked first (overwrite, or where to save instead).
                    self.after_save_as = Some(pending);
                }
            }
        }
    }

    /// Handles dialog answers and the recovery timer. Call once per frame.
    pub fn tick(&mut self, now: Instant) {
        while let Some(answer) = self.dialogs.poll() {
            self.dialog_open = false;
            self.answer(answer);
        }
        self.collect_suggestions();
        self.refresh_find();
        self.expire_messages(now);
        self.write_recovery_if_due(now);
        let due = self
            .last_disk_check
            .is_none_or(|at| now.saturating_duration_since(at) >= self.disk_check_interval);
        if due {
            self.last_disk_check = Some(now);
            self.check_disk();
        }
        self.take_disk_change_if_clean();
    }

    /// Another article was opened (or reloaded) under an open find bar:
    /// search it for the same query, without moving.
    fn refresh_find(&mut self) {
        let generation = self.article_generation;
        if let Some(find) = self.find.as_mut().filter(|f| f.is_stale(generation)) {
            let query = std::mem::take(&mut find.query);
            *find = find::Find::open(0, None, generation);
            find.search(
                self.doc.article.text(),
                query,
                self.find_options,
                generation,
            );
        }
    }

    /// Whether suggestions are being computed.
    pub fn is_suggesting(&self) -> bool {
        self.suggesting.is_some()
    }

    fn start_suggesting(&mut self) {
        if self.suggesting.is_some() {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let article = Arc::clone(&self.doc.article);
        std::thread::spawn(move || {
            let _ = sender.send(crate::suggest::suggest(&article, &Tag::ALL));
        });
        self.suggesting = Some(receiver);
    }

    fn set_min_suggestion_score(&mut self, score: f32) {
        let lower = score < self.min_suggestion_score;
        self.min_suggestion_score = score;
        if lower && !self.suggestions.is_empty() {
            self.start_suggesting();
            return;
        }
        let current = self.current().map(|s| (s.span, s.tag));
        let before = self.suggestions.len();
        self.suggestions.retain(|s| s.score >= score);
        if before > 0 {
            self.note_suggestions(format!(
                "{} suggestions; {} less sure ones hidden.",
                self.suggestions.len(),
                before - self.suggestions.len()
            ));
        }
        self.current_suggestion = current
            .and_then(|(span, tag)| {
                self.suggestions
                    .iter()
                    .position(|s| s.span == span && s.tag == tag)
            })
            .or((!self.suggestions.is_empty()).then_some(0));
    }

    /// Takes finished suggestions from the worker, without those already
    /// annotated or rejected, nor those less sure than asked.
    fn collect_suggestions(&mut self) {
        let Some(receiver) = &self.suggesting else {
            return;
        };
        let found = match receiver.try_recv() {
            Ok(found) => found,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.suggesting = None;
                self.error("Suggesting stopped unexpectedly; no suggestions were made.");
                return;
            }
        };
        self.suggesting = None;
        self.suggestion_pool = found.clone();
        let set = &self.doc.set;
        let min = self.min_suggestion_score;
        let (mut annotated, mut rejected, mut unsure) = (0, 0, 0);
        self.suggestions = found
            .into_iter()
            .filter(|s| {
                let left_out = if set.contains(s.span, s.tag) {
                    &mut annotated
                } else if set.is_rejected(s.span, s.tag) {
                    &mut rejected
                } else if s.score < min {
                    &mut unsure
                } else {
                    return true;
                };
                *left_out += 1;
                false
            })
            .collect();
        // The review starts where the journalist is reading.
        let top = self.view_top;
        self.current_suggestion = self
            .suggestions
            .iter()
            .position(|s| s.span.start >= top)
            .or((!self.suggestions.is_empty()).then_some(0));
        let note = match self.suggestions.len() {
            0 => no_suggestions_note(annotated, rejected, unsure),
            n => review_note(n),
        };
        self.note_suggestions(note);
        self.reveal_current_suggestion();
    }

    /// Rebuilds the open suggestions from the pool after undo or redo: a
    /// suggestion whose annotation or rejection was undone is open again,
    /// and one that was redone is closed; the current one stays current
    /// while it is open.
    fn refresh_suggestions(&mut self) {
        if self.suggestion_pool.is_empty() {
            return;
        }
        let current = self.current().map(|s| (s.span, s.tag));
        let set = &self.doc.set;
        let min = self.min_suggestion_score;
        let open: Vec<_> = self
            .suggestion_pool
            .iter()
            .filter(|s| {
                s.score >= min && !set.contains(s.span, s.tag) && !set.is_rejected(s.span, s.tag)
            })
            .copied()
            .collect();
        if open == self.suggestions {
            return;
        }
        // A suggestion that came back is the one to look at again.
        let was_open: std::collections::HashSet<(Span, Tag)> =
            self.suggestions.iter().map(|s| (s.span, s.tag)).collect();
        let returned = open
            .iter()
            .position(|s| !was_open.contains(&(s.span, s.tag)));
        self.suggestions = open;
        self.current_suggestion = returned
            .or_else(|| {
                let (span, tag) = current?;
                self.suggestions
                    .iter()
                    .position(|s| s.span == span && s.tag == tag)
                    .or_else(|| {
                        self.suggestions
                            .iter()
                            .position(|s| s.span.start >= span.start)
                    })
            })
            .or((!self.suggestions.is_empty()).then_some(0));
        if returned.is_some() {
            self.reveal_current_suggestion();
        }
        self.recount_suggestions();
    }

    /// Ends a review: no suggestions, and no note counting them.
    fn end_review(&mut self) {
        self.suggestions.clear();
        self.suggestion_pool.clear();
        self.current_suggestion = None;
        if let Some(note) = self.suggestions_note.take() {
            self.messages.retain(|m| m.text != note);
        }
    }

    /// The suggestion Enter and X act on.
    pub fn current(&self) -> Option<&crate::suggest::Suggestion> {
        self.current_suggestion
            .and_then(|i| self.suggestions.get(i))
    }

    fn reveal_current_suggestion(&mut self) {
        if let Some(span) = self.current().map(|s| s.span) {
            self.reveal_span(span);
        }
    }

    /// Asks the view to scroll to a span and flash it.
    fn reveal_span(&mut self, span: Span) {
        let serial = self.reveal.map_or(1, |r| r.serial + 1);
        self.reveal = Some(Reveal { span, serial });
    }

    /// Removes the current suggestion from the list, keeping the position.
    fn take_current(&mut self) -> Option<crate::suggest::Suggestion> {
        let i = self.current_suggestion?;
        if i >= self.suggestions.len() {
            return None;
        }
        let taken = self.suggestions.remove(i);
        self.current_suggestion = if self.suggestions.is_empty() {
            None
        } else {
            Some(i.min(self.suggestions.len() - 1))
        };
        Some(taken)
    }

    fn accept_suggestion(&mut self) {
        let Some(s) = self.current().copied() else {
            return;
        };
        let annotation =
            self.doc
                .set
                .new_annotation(s.tag, s.span, self.doc.article.text(), Self::now());
        if self.edit(Edit::Add(annotation)) {
            self.take_current();
            self.recount_suggestions();
            self.reveal_current_suggestion();
        }
    }

    fn reject_suggestion(&mut self) {
        let Some(s) = self.current().copied() else {
            return;
        };
        let rejection = crate::model::Rejection {
            tag: s.tag,
            span: s.span,
            exact: self.doc.text()[s.span.range()].to_owned(),
        };
        if self.edit(Edit::Reject(rejection)) {
            self.take_current();
            self.recount_suggestions();
            self.reveal_current_suggestion();
        }
    }

    fn step_suggestion(&mut self, forward: bool) {
        let n = self.suggestions.len();
        if n == 0 {
            return;
        }
        let i = self.current_suggestion.unwrap_or(0);
        self.current_suggestion = Some(if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        });
        self.reveal_current_suggestion();
    }

    fn accept_all(&mut self, tag: Tag) {
        let now = Self::now();
        let mut edits = Vec::new();
        let mut kept = Vec::new();
        for s in std::mem::take(&mut self.suggestions) {
            if s.tag == tag {
                let annotation =
                    self.doc
                        .set
                        .new_annotation(s.tag, s.span, self.doc.article.text(), now);
                edits.push(Edit::Add(annotation));
            } else {
                kept.push(s);
            }
        }
        if edits.is_empty() || self.edit(Edit::Batch(edits)) {
            self.suggestions = kept;
        }
        self.current_suggestion = (!self.suggestions.is_empty()).then_some(0);
        self.recount_suggestions();
    }

    fn export(&mut self, format: crate::io::ExportFormat, folder: &Path) {
        let article_path = self
            .doc
            .article_path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&self.doc.name));
        match crate::io::export::export_set_written(
            format,
            &self.doc.article,
            &article_path,
            &self.doc.set,
            folder,
        ) {
            Ok(written) => {
                let names: Vec<String> = written
                    .paths
                    .iter()
                    .filter_map(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .collect();
                let mut text = format!("Exported {} to {}.", names.join(", "), folder.display());
                // One message: a second would cover the first.
                if let Some(notice) = written.notice() {
                    text += &format!(" {}.", capitalize(&notice));
                }
                self.message(Severity::Info, text);
            }
            Err(error) => self.error(format!("The export failed. {error}")),
        }
    }

    /// Adds another tool's annotations of this article to the set, as one
    /// undoable step.
    fn import(&mut self, path: &Path) {
        let Some(format) = crate::io::ImportFormat::detect(path) else {
            self.error(format!(
                "{}: factmark imports brat standoff (.ann), W3C Web Annotation or Label Studio JSON (.json) and doccano JSONL (.jsonl).",
                path.display()
            ));
            return;
        };
        let options = crate::io::ImportOptions {
            offers_skip: false,
            ..crate::io::ImportOptions::new(Self::now())
        };
        let imported = match crate::io::import_file(format, &self.doc.article, path, &options) {
            Ok(imported) => imported,
            Err(error) => {
                self.error(format!("Nothing was imported. {error}"));
                return;
            }
        };
        let mut edits = Vec::new();
        let mut duplicates = 0;
        for a in imported.set.annotations() {
            if self.doc.set.contains(a.span, a.tag) {
                duplicates += 1;
                continue;
            }
            let mut a = a.clone();
            a.id = self.doc.set.allocate_id();
            edits.push(Edit::Add(a));
        }
        let added = edits.len();
        if added > 0 && !self.edit(Edit::Batch(edits)) {
            return;
        }
        self.message(
            Severity::Info,
            format!(
                "Imported {} from {} ({}; {duplicates} already here).",
                crate::plural(added, "annotation", "annotations"),
                path.display(),
                imported.report.summary()
            ),
        );
    }

    /// Compares the open files with the disk now, not at the next interval:
    /// the window's watcher saw one change.
    pub fn check_disk_now(&mut self, now: Instant) {
        self.last_disk_check = Some(now);
        self.check_disk();
    }

    /// A window without unsaved work takes another program's change of
    /// the set at once (as editors do); one with unsaved work asks.
    fn take_disk_change_if_clean(&mut self) {
        if self.disk_change == Some(DiskChange::Set) && !self.is_dirty() {
            self.reload_from_disk();
        }
    }

    /// Whether there is a file at the set's path: one this session read or
    /// wrote, or one another program has written there since.
    pub fn set_file_exists(&self) -> bool {
        self.doc.set_on_disk()
            || self.disk_change == Some(DiskChange::Set)
            || matches!(self.ignored_on_disk, Some(Some(_)))
    }

    /// The files whose change on disk the window must notice: the set (or
    /// the one that did not load) and the article.
    pub fn watched_paths(&self) -> Vec<&Path> {
        let unreadable = self.doc.unreadable_set.as_ref().map(|(path, _)| path);
        [
            self.doc.set_path.as_ref(),
            unreadable,
            self.doc.article_path.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(PathBuf::as_path)
        .collect()
    }

    /// Notices another program changing the set or the article.
    fn check_disk(&mut self) {
        if self.disk_change.is_some() {
            return;
        }
        self.check_unreadable_set();
        if let Some(path) = &self.doc.set_path {
            let now = DiskStamp::of(path);
            if now != self.doc.set_stamp && Some(now) != self.ignored_on_disk {
                self.disk_change = Some(match now {
                    Some(_) => DiskChange::Set,
                    None => DiskChange::SetGone,
                });
                if now.is_none() {
                    // Deleted: the window holds the only copy.
                    self.doc.saved_revision = None;
                }
                return;
            }
        }
        if let Some(path) = &self.doc.article_path {
            let now = DiskStamp::of(path);
            if now != self.doc.article_stamp {
                self.disk_change = Some(match now {
                    Some(_) => DiskChange::Article,
                    None => DiskChange::ArticleGone,
                });
            }
        }
    }

    /// The set file that did not load when the article was opened, once
    /// another program changed it: repaired, it becomes the document's set
    /// file, whose change `check_disk` then takes (at once when there is no
    /// unsaved work); removed, its place is free for Save.
    fn check_unreadable_set(&mut self) {
        let Some((path, stamp)) = &self.doc.unreadable_set else {
            return;
        };
        let now = DiskStamp::of(path);
        if now == *stamp {
            return;
        }
        let path = path.clone();
        let loads = now.is_some()
            && store::read_set_file(&path)
                .and_then(|file| store::anchor_set(&path, file, &self.doc.article))
                .is_ok();
        if now.is_some() && !loads {
            // Still not an annotation set for this article.
            self.doc.unreadable_set = Some((path, now));
            return;
        }
        self.doc.unreadable_set = None;
        self.doc.set_path = Some(path.clone());
        // As for a set Save has not written yet: a repaired file differs.
        self.doc.set_stamp = None;
        self.messages.retain(|m| m.topic != Some(Topic::Document));
        if now.is_none() {
            self.info(format!(
                "{} was removed; Save now writes the annotations there.",
                file_name(&path)
            ));
        }
    }

    /// Another program (`factmark suggest`, a colleague's factmark on a
    /// shared drive) added to the set file while the window had unsaved
    /// work: its annotations and rejections that the window lacks are
    /// added as one step, and the file on disk counts as read, so the next
    /// save writes both without asking. Annotations the other program
    /// removed stay (a merge never deletes).
    fn merge_from_disk(&mut self) {
        let Some((path, stamp, theirs)) = self.read_own_set() else {
            return;
        };
        let theirs = match theirs {
            Ok(theirs) => theirs,
            Err(error) => {
                self.error(format!("Nothing was merged. {error}"));
                return;
            }
        };
        let Some(added) = self.add_what_lacks(&theirs) else {
            return;
        };
        self.file_is_ours(stamp);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        self.info(format!(
            "Merged {} from {name} into yours; Save writes both.",
            crate::plural(added, "annotation", "annotations")
        ));
    }

    /// The set file as it was at `stamp` (just read, merged or written) is
    /// the window's own: no change of it is pending, and what was said of
    /// an earlier version (it did not load, it was not saved over) no
    /// longer holds.
    fn file_is_ours(&mut self, stamp: Option<DiskStamp>) {
        self.doc.set_stamp = stamp;
        self.ignored_on_disk = None;
        self.disk_change = None;
        self.messages
            .retain(|m| !matches!(m.topic, Some(Topic::Saving | Topic::Document)));
    }

    /// Adds the annotations and rejections of `theirs` that the window's
    /// set lacks, as one step (a merge never deletes). Returns how many
    /// annotations it added; `None` when the step was refused.
    fn add_what_lacks(&mut self, theirs: &AnnotationSet) -> Option<usize> {
        let mut edits = Vec::new();
        for a in theirs.annotations() {
            if !self.doc.set.contains(a.span, a.tag) {
                let mut a = a.clone();
                a.id = self.doc.set.allocate_id();
                edits.push(Edit::Add(a));
            }
        }
        let added = edits.len();
        edits.extend(
            theirs
                .rejections()
                .filter(|r| !self.doc.set.is_rejected(r.span, r.tag))
                .map(Edit::Reject),
        );
        (edits.is_empty() || self.edit(Edit::Batch(edits))).then_some(added)
    }

    /// The set file as it is on disk now, anchored in the open article,
    /// with its path and stamp; `None` when the document has no set file.
    fn read_own_set(
        &self,
    ) -> Option<(
        PathBuf,
        Option<DiskStamp>,
        Result<AnnotationSet, store::SetError>,
    )> {
        let path = self.doc.set_path.clone()?;
        let stamp = DiskStamp::of(&path);
        let set = store::read_set_file(&path)
            .and_then(|file| store::anchor_set(&path, file, &self.doc.article))
            .map(|loaded| loaded.set);
        Some((path, stamp, set))
    }

    /// Makes the window's set what the set file holds, as one step that
    /// Undo takes back, keeping the view where it is. Says what changed,
    /// or why the file was not taken.
    fn sync_from_disk(&mut self) {
        let Some((path, stamp, theirs)) = self.read_own_set() else {
            return;
        };
        let theirs = match theirs {
            Ok(theirs) => theirs,
            Err(error) => {
                // Said once for this version of the file. The window's
                // annotations are now on disk nowhere: they count as
                // unsaved, and Save asks for another file.
                self.ignored_on_disk = Some(stamp);
                self.doc.saved_revision = None;
                self.post(
                    Severity::Error,
                    format!(
                        "The annotation file was not reloaded; the window keeps its annotations, unsaved (Save asks where). {error}"
                    ),
                    None,
                    Some(Topic::Document),
                );
                return;
            }
        };
        let was = self.doc.set.len();
        let edits = self.doc.set.edits_to(&theirs);
        let changed = edits.len();
        if !edits.is_empty() && !self.edit(Edit::Batch(edits)) {
            return;
        }
        self.doc.saved_revision = Some(self.doc.history.revision());
        self.file_is_ours(stamp);
        self.discard_recovery();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // A file touched or rewritten the same is not news.
        if changed > 0 {
            self.info(format!(
                "Reloaded {name}, which another program changed: {} now (was {was}). Edit > Undo takes it back.",
                crate::plural(self.doc.set.len(), "annotation", "annotations")
            ));
        }
    }

    fn reload_from_disk(&mut self) {
        self.disk_change = None;
        let article_unchanged = self
            .doc
            .article_path
            .as_deref()
            .is_none_or(|p| DiskStamp::of(p) == self.doc.article_stamp);
        if article_unchanged && self.doc.set_path.as_deref().is_some_and(Path::exists) {
            self.sync_from_disk();
            return;
        }
        let path = match (&self.doc.set_path, &self.doc.article_path) {
            (Some(set), _) if set.exists() => set.clone(),
            (_, Some(article)) => article.clone(),
            _ => return,
        };
        self.discard_recovery();
        self.open(&path);
    }

    /// How long until the next tick has something to do (write the
    /// recovery file, time or remove an info message), if ever. An idle
    /// window with nothing new to write and no info message needs none: the
    /// open files are looked at in the frames the user's input brings (a
    /// frame costs a full software render where there is no GPU, so the
    /// window does not wake just to look).
    pub fn next_tick_in(&self, now: Instant) -> Option<Duration> {
        let messages = self
            .messages
            .iter()
            .filter(|m| m.severity == Severity::Info)
            .map(|m| {
                m.expires
                    .map_or(Duration::ZERO, |at| at.saturating_duration_since(now))
            })
            .min();
        [self.next_recovery_in(now), messages]
            .into_iter()
            .flatten()
            .min()
    }

    fn next_recovery_in(&self, now: Instant) -> Option<Duration> {
        if !self.is_dirty() {
            return None;
        }
        match self.recovery_written {
            Some((_, written)) if written == self.doc.history.revision() => None,
            Some((at, _)) => Some(
                self.recovery_interval
                    .saturating_sub(now.saturating_duration_since(at)),
            ),
            None => Some(self.recovery_interval),
        }
    }

    fn answer(&mut self, answer: DialogAnswer) {
        if answer.unavailable {
            self.after_save_as = None;
            self.error(
                "Could not open a file dialog. On Linux factmark needs xdg-desktop-portal or zenity for them. Meanwhile, drop files on the window to open them, or use the command line (factmark --help).",
            );
            return;
        }
        let Some(path) = answer.path else {
            self.after_save_as = None;
            return;
        };
        match answer.request {
            DialogRequest::OpenArticle | DialogRequest::OpenSet => self.open(&path),
            DialogRequest::LocateArticle { set } => self.open_set_at(&set, &path),
            DialogRequest::ExportTo(format) => self.export(format, &path),
            DialogRequest::ImportAnnotations => self.import(&path),
            DialogRequest::SaveSetAs { .. } => {
                if self.save(Some(path)) {
                    if let Some(next) = self.after_save_as.take() {
                        self.proceed(next);
                    }
                } else {
                    self.after_save_as = None;
                }
            }
        }
    }

    fn write_recovery_if_due(&mut self, now: Instant) {
        self.finish_recovery_write(false);
        if !self.is_dirty() || self.recovery_writing.is_some() {
            return;
        }
        let revision = self.doc.history.revision();
        match self.recovery_written {
            // The first change starts the clock.
            None => self.recovery_written = Some((now, u64::MAX)),
            Some((at, written))
                if written != revision
                    && now.saturating_duration_since(at) >= self.recovery_interval =>
            {
                // Serializing a large set takes tens of milliseconds: do it
                // on a worker thread, from a snapshot of the set.
                let folder = self.recovery.clone();
                let key = self.doc.recovery_key();
                let article = Arc::clone(&self.doc.article);
                let set = self.doc.set.clone();
                self.recovery_writing = Some(std::thread::spawn(move || {
                    folder.write(&key, &article, &set)
                }));
                self.recovery_written = Some((now, revision));
            }
            Some(_) => {}
        }
    }

    /// Collects the result of a background recovery write; with `wait`,
    /// waits for it.
    fn finish_recovery_write(&mut self, wait: bool) {
        let done = self
            .recovery_writing
            .as_ref()
            .is_some_and(|handle| wait || handle.is_finished());
        if !done {
            return;
        }
        let result = self.recovery_writing.take().map(JoinHandle::join);
        match result {
            Some(Ok(Ok(_))) => self.recovery_warned = false,
            Some(Ok(Err(error))) => self.recovery_failed(&error),
            Some(Err(_)) => {
                let path = self.recovery.path_for(&self.doc.recovery_key());
                let source = std::io::Error::other("the writer stopped unexpectedly");
                self.recovery_failed(&store::SetError::Write { path, source });
            }
            None => {}
        }
    }

    /// Says once that the recovery file could not be written, not at
    /// every try.
    fn recovery_failed(&mut self, error: &store::SetError) {
        if std::mem::replace(&mut self.recovery_warned, true) {
            return;
        }
        let text = match error {
            store::SetError::TooLarge { .. } => format!(
                "Unsaved work is not written to the recovery file: {error}. Until the set is smaller, a crash would lose the changes since the last save."
            ),
            _ => format!("Could not write the recovery file: {error}"),
        };
        self.post(Severity::Warning, text, None, Some(Topic::Saving));
    }

    /// Writes the unsaved work to the recovery file now, on this thread.
    /// Returns its path.
    pub fn write_recovery_now(&mut self) -> Option<PathBuf> {
        self.finish_recovery_write(true);
        let key = self.doc.recovery_key();
        match self.recovery.write(&key, &self.doc.article, &self.doc.set) {
            Ok(path) => Some(path),
            Err(error) => {
                self.recovery_failed(&error);
                None
            }
        }
    }

    /// The system asks factmark to end (SIGTERM): unsaved work goes to
    /// the recovery file, to be offered back next time, and the window
    /// closes without asking.
    pub fn terminate(&mut self) {
        if self.is_dirty() {
            self.write_recovery_now();
        }
        self.quit_confirmed = true;
    }

    /// Deletes this article's recovery file, after any write in flight;
    /// never while it is offered back and not yet answered (quitting then,
    /// or a reload from disk, leaves it for the next time).
    fn discard_recovery(&mut self) {
        if self.recovery_offer.is_some() {
            return;
        }
        self.finish_recovery_write(true);
        self.recovery.discard(&self.doc.recovery_key());
    }

    /// Opens an article or a set file, replacing the current document.
    pub fn open(&mut self, path: &Path) {
        let result = if is_set_file(path) {
            self.open_set(path).map_err(|error| match error.missing_article() {
                // A set whose article moved: offer to find it.
                Some(article) => (
                    format!(
                        "{}: its article is not at {} any more (moved, renamed or deleted). Find it to open the annotations with it.",
                        path.display(),
                        article.display()
                    ),
                    Some(Offer::LocateArticle(path.to_owned())),
                ),
                None => (error.to_string(), None),
            })
        } else {
            self.open_article(path).map_err(|text| (text, None))
        };
        match result {
            Ok(()) => {
                self.remember_recent(path);
                self.offer_recovery();
            }
            Err((text, offer)) => self.message_offering(Severity::Error, text, offer),
        }
    }

    /// Opens the set at `set_path` with the article at `article_path`, the
    /// place the user found it at, and saves the set at once so that it
    /// names that place (the previous file is kept as its `.bak`).
    fn open_set_at(&mut self, set_path: &Path, article_path: &Path) {
        let stamp = DiskStamp::of(set_path);
        let (article, loaded) = match io::load_set_with_article(set_path, article_path) {
            Ok(found) => found,
            Err(error) => {
                self.error(error.to_string());
                return;
            }
        };
        self.messages
            .retain(|m| m.offer != Some(Offer::LocateArticle(set_path.to_owned())));
        self.adopt_set(set_path, stamp, article, article_path, loaded);
        if self.write_set(set_path.to_owned(), Replacing::Loaded(self.doc.set_stamp)) {
            self.message(
                Severity::Info,
                format!(
                    "{} now names its article at {}.",
                    file_name(set_path),
                    article_path.display()
                ),
            );
            self.offer_recovery();
        }
    }

    fn open_article(&mut self, path: &Path) -> Result<(), String> {
        let set_path = io::default_set_path(path);
        // Taken before the read: a change after it is noticed, not adopted.
        let stamp = DiskStamp::of(&set_path);
        // A set beside the article says how its text was read: read it the
        // same way, so its offsets still fit.
        let set_file = set_path.exists().then(|| store::read_set_file(&set_path));
        let (article, decoded) = match &set_file {
            Some(Ok(file)) => io::open_article_as(path, file.article.format),
            _ => io::open_article(path),
        }
        .map_err(|e| e.to_string())?;
        let mut doc = Document::new(article, Some(path.to_owned()), file_name(path));
        let loaded = set_file
            .map(|file| file.and_then(|file| store::anchor_set(&set_path, file, &doc.article)));
        match loaded {
            None => {
                doc.set_stamp = stamp;
                self.replace_document(doc);
            }
            Some(Ok(loaded)) => {
                self.report_anchoring(&set_path, &loaded);
                doc.set_stamp = stamp;
                doc.set = loaded.set;
                self.replace_document(doc);
            }
            Some(Err(error)) => {
                // Never write over a file that failed to load: Save will ask
                // for another place. Once another program repairs it, the
                // window takes it.
                doc.set_path = None;
                doc.set_stamp = None;
                doc.unreadable_set = Some((set_path, stamp));
                self.replace_document(doc);
                self.post(
                    Severity::Error,
                    format!(
                        "{error}\nThe article is open without its annotations; saving will ask for a new file so the existing one is not overwritten. Once the file is repaired, the window loads it."
                    ),
                    None,
                    Some(Topic::Document),
                );
            }
        }
        // The text differs from the file's bytes: a warning that stays.
        if let Some(notice) = decoded.notice {
            self.message(Severity::Warning, notice);
        }
        Ok(())
    }

    fn open_set(&mut self, path: &Path) -> Result<(), io::SetError> {
        let stamp = DiskStamp::of(path);
        let (article, article_path, loaded) = io::load_set(path)?;
        self.adopt_set(path, stamp, article, &article_path, loaded);
        Ok(())
    }

    /// Makes a loaded set and its article the open document; `stamp` is
    /// the set file's from before it was read.
    fn adopt_set(
        &mut self,
        set_path: &Path,
        stamp: Option<DiskStamp>,
        article: Article,
        article_path: &Path,
        loaded: io::LoadedSet,
    ) {
        self.report_anchoring(set_path, &loaded);
        let mut doc = Document::new(
            article,
            Some(article_path.to_owned()),
            file_name(article_path),
        );
        doc.set_path = Some(set_path.to_owned());
        doc.set_stamp = stamp;
        doc.set = loaded.set;
        self.replace_document(doc);
    }

    fn report_anchoring(&mut self, set_path: &Path, loaded: &io::LoadedSet) {
        if loaded.merged > 0 {
            self.message(
                Severity::Info,
                format!(
                    "{}: {} merged into the annotation it repeats (the same tag on the same text), keeping every note.",
                    set_path.display(),
                    crate::plural(
                        loaded.merged,
                        "copy of an annotation was",
                        "copies of annotations were"
                    )
                ),
            );
        }
        let orphans = loaded.set.orphans().len();
        if orphans > 0 {
            self.post(
                Severity::Warning,
                orphans_warning(set_path, orphans),
                None,
                Some(Topic::Orphans),
            );
        } else if loaded.article_changed {
            self.message(
                Severity::Info,
                format!(
                    "{}: the article has changed since the annotations were saved; {} of them moved with their text.",
                    set_path.display(),
                    loaded.moved
                ),
            );
        }
        if loaded.rejections_lost > 0 {
            self.message(
                Severity::Info,
                format!(
                    "{}: {} no longer in the article, so no longer remembered.",
                    set_path.display(),
                    crate::plural(
                        loaded.rejections_lost,
                        "rejected suggestion is",
                        "rejected suggestions are"
                    )
                ),
            );
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.end_review();
        self.suggesting = None;
        // What was said about the previous document no longer holds.
        self.messages
            .retain(|m| m.severity != Severity::Info && m.topic != Some(Topic::Document));
        self.disk_change = None;
        self.ignored_on_disk = None;
        self.confirm_overwrite = None;
        self.selection = None;
        self.selected = None;
        self.reveal = None;
        self.recovery_written = None;
        self.recovery_warned = false;
        self.recovery_offer = None;
        self.article_generation += 1;
        self.changed();
        if self.doc.text().chars().any(is_right_to_left) {
            self.message(
                Severity::Warning,
                "This article has right-to-left text (Arabic, Hebrew …), which factmark cannot yet lay out exactly: a selection or a highlight inside it may not be on the words it covers. Check the text of what you tag in the side panel, or tag it with Find > Tag all.".to_owned(),
            );
        }
    }

    fn offer_recovery(&mut self) {
        let key = self.doc.recovery_key();
        let Some(found) = self.recovery.find(&key, &self.doc.article) else {
            return;
        };
        // Rejected suggestions are work too: a file that differs only in
        // them is offered like any other.
        if found.set.annotations() == self.doc.set.annotations()
            && found.set.orphans() == self.doc.set.orphans()
            && found.set.rejections().eq(self.doc.set.rejections())
        {
            self.recovery.discard(&key);
            return;
        }
        let age = found
            .written
            .and_then(|t| std::time::SystemTime::now().duration_since(t).ok());
        self.recovery_offer = Some(RecoveryOffer {
            set: found.set,
            age,
        });
    }

    fn accept_recovery(&mut self) {
        let Some(offer) = self.recovery_offer.take() else {
            return;
        };
        // The set as its file holds it now, which another program may have
        // added to since the recovery file was written: nothing of it is
        // lost, and Undo takes back what the recovered work lacked.
        let on_disk = std::mem::replace(&mut self.doc.set, offer.set);
        self.doc.history = History::new();
        self.doc.typing_note = None;
        self.doc.saved_revision = None;
        self.selection = None;
        self.selected = None;
        self.changed();
        if let Some(kept @ 1..) = self.add_what_lacks(&on_disk) {
            let name = self
                .doc
                .set_path
                .as_deref()
                .map_or_else(|| self.doc.name.clone(), file_name);
            self.info(format!(
                "Your unsaved work is back, with {} from {name} that it lacked (added by another program, or deleted before the crash: Edit > Undo takes them out).",
                crate::plural(kept, "annotation", "annotations")
            ));
        }
    }

    pub fn remember_recent(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_FILES);
    }

    /// Starts a dialog in the folder of the open article (or its set).
    fn ask(&mut self, request: DialogRequest) {
        // A file opened by a relative path has the working folder as its
        // folder, which the dialog must be told in full.
        let folder = self
            .doc
            .article_path
            .as_deref()
            .or(self.doc.set_path.as_deref())
            .and_then(|p| std::path::absolute(p).ok())
            // A folder that was moved away: its nearest parent still there.
            .and_then(|p| {
                p.ancestors()
                    .skip(1)
                    .find(|a| a.is_dir())
                    .map(Path::to_path_buf)
            });
        self.dialogs.request(request, folder.as_deref());
    }

    fn request_save_as(&mut self, then: Option<Pending>) {
        // A set file that no longer loads is not proposed again.
        let ours = self.doc.set_stamp;
        let loadable = |p: &PathBuf| {
            let now = DiskStamp::of(p);
            now.is_none() || now == ours || store::read_set_file(p).is_ok()
        };
        let suggested = self
            .doc
            .set_path
            .clone()
            .filter(loadable)
            .unwrap_or_else(|| {
                let article = self.doc.article_path.clone().unwrap_or_else(|| {
                    std::env::current_dir()
                        .unwrap_or_default()
                        .join(&self.doc.name)
                });
                free_set_path(io::default_set_path(&article))
            });
        self.after_save_as = then;
        self.ask(DialogRequest::SaveSetAs { suggested });
        self.dialog_open = true;
    }

    /// Saves to `target`, or to the document's set path. Returns whether the
    /// set is now on disk. A set file that changed on disk since this
    /// session read it is not overwritten without asking.
    fn save(&mut self, target: Option<PathBuf>) -> bool {
        let Some(set_path) = target.or_else(|| self.doc.set_path.clone()) else {
            self.request_save_as(None);
            return false;
        };
        let ours = self.doc.set_path.as_ref() == Some(&set_path);
        let on_disk = DiskStamp::of(&set_path);
        // A file that is gone has no other version to lose.
        if ours && on_disk.is_some() && on_disk != self.doc.set_stamp {
            if let Err(error) = store::read_set_file(&set_path) {
                // Neither merged with nor written over: another file.
                self.saving_error(format!(
                    "Not saved over {}, which no longer loads as an annotation set; choose another file. {error}",
                    file_name(&set_path)
                ));
                self.request_save_as(None);
                return false;
            }
            self.confirm_overwrite = Some(set_path);
            return false;
        }
        // Checked again just before the file is replaced, in case another
        // program writes it meanwhile.
        let replacing = if ours {
            Replacing::Loaded(on_disk)
        } else {
            Replacing::Unknown
        };
        self.write_set(set_path, replacing)
    }

    /// Writes the set to `set_path`, replacing what `replacing` says; only
    /// once it is written does the document take that path as its own. A
    /// file another program changed meanwhile is not replaced without
    /// asking.
    fn write_set(&mut self, set_path: PathBuf, replacing: Replacing) -> bool {
        if let Err(error) = store::check_folder(&set_path) {
            self.not_saved(&error);
            return false;
        }
        let article_path = match self.article_file_for(&set_path) {
            Ok(path) => path,
            Err(error) => {
                self.saving_error(error);
                return false;
            }
        };
        let saved = io::SetLock::acquire(&set_path).and_then(|_lock| {
            let (article, set) = (&self.doc.article, &self.doc.set);
            match replacing {
                Replacing::Loaded(stamp) => {
                    store::save_loaded_set(&set_path, &article_path, article, set, stamp)
                }
                Replacing::Unknown => store::save_set(&set_path, &article_path, article, set),
            }
        });
        if let Err(error) = saved {
            if matches!(error, store::SetError::Changed { .. }) {
                self.confirm_overwrite = Some(set_path);
            } else {
                self.not_saved(&error);
            }
            return false;
        }
        self.file_is_ours(DiskStamp::of(&set_path));
        if !article_path.exists() {
            self.message(
                Severity::Warning,
                format!(
                    "{} is saved, but its article is no longer at {}. Put the article back there, or open the annotations and choose “Find the article…” to record where it is now.",
                    set_path.display(),
                    article_path.display()
                ),
            );
        }
        self.discard_recovery();
        self.doc.article_stamp = DiskStamp::of(&article_path);
        self.doc.article_path = Some(article_path);
        self.doc.set_path = Some(set_path.clone());
        // The set is on disk now: a repaired file elsewhere is not taken.
        self.doc.unreadable_set = None;
        self.doc.saved_revision = Some(self.doc.history.revision());
        self.recovery_written = None;
        self.recovery_warned = false;
        self.remember_recent(&set_path);
        self.changed();
        true
    }

    fn not_saved(&mut self, error: &store::SetError) {
        let hint = match error {
            store::SetError::MissingFolder { .. } => {
                ". Use File > Save as… to save the annotations elsewhere."
            }
            _ => "",
        };
        self.saving_error(format!("The annotations were not saved. {error}{hint}"));
    }

    /// The article file a set saved at `set_path` refers to. The embedded
    /// sample has none: it is written beside the set first.
    fn article_file_for(&self, set_path: &Path) -> Result<PathBuf, String> {
        if let Some(path) = &self.doc.article_path {
            // The article moved (with its folder, say) to where the set is
            // now saved: record it there.
            if !path.exists()
                && let Some(name) = path.file_name()
            {
                let beside = set_path.with_file_name(name);
                let same = crate::io::open_article(&beside)
                    .is_ok_and(|(article, _)| article.text() == self.doc.text());
                if same {
                    return Ok(beside);
                }
            }
            return Ok(path.clone());
        }
        let path = set_path.with_file_name(&self.doc.name);
        if !path.exists() {
            std::fs::write(&path, self.doc.text()).map_err(|e| {
                format!(
                    "{}: could not write the article beside its annotations: {e}",
                    path.display()
                )
            })?;
        }
        Ok(path)
    }

    fn now() -> Timestamp {
        crate::model::annotation::now()
    }

    fn edit(&mut self, edit: Edit) -> bool {
        self.record(edit, false)
    }

    /// Applies an edit as a step of its own, or folded into the last step
    /// when it continues it. Says why when the edit is refused.
    fn record(&mut self, edit: Edit, fold: bool) -> bool {
        let text = self.doc.article.text();
        let history = &mut self.doc.history;
        let result = if fold {
            history.apply_folded(&mut self.doc.set, edit, text)
        } else {
            history.apply(&mut self.doc.set, edit, text)
        };
        match result {
            Ok(()) => {
                self.changed();
                true
            }
            Err(error) => {
                self.message(Severity::Warning, capitalize(&error.to_string()));
                false
            }
        }
    }

    fn apply_tag(&mut self, tag: Tag) {
        if let Some(span) = self.selection {
            let annotation =
                self.doc
                    .set
                    .new_annotation(tag, span, self.doc.article.text(), Self::now());
            let id = annotation.id;
            if self.edit(Edit::Add(annotation)) {
                self.selection = None;
                self.selected = Some(id);
            }
            return;
        }
        let Some(before) = self.selected_annotation().cloned() else {
            return;
        };
        if before.tag != tag {
            let after = before.retagged(tag, Self::now());
            self.edit(Edit::Replace { before, after });
        }
    }

    pub fn selected_annotation(&self) -> Option<&Annotation> {
        self.selected.and_then(|id| self.doc.set.get(id))
    }

    fn delete_selected(&mut self) {
        if let Some(a) = self.selected_annotation().cloned()
            && self.edit(Edit::Remove(a))
        {
            self.selected = None;
        }
    }

    fn undo(&mut self) {
        let text = self.doc.article.text();
        match self.doc.history.undo(&mut self.doc.set, text) {
            Ok(true) => self.changed(),
            Ok(false) => {}
            Err(error) => self.error(format!("Could not undo: {error}")),
        }
        self.forget_missing_selection();
        self.refresh_suggestions();
    }

    fn redo(&mut self) {
        let text = self.doc.article.text();
        match self.doc.history.redo(&mut self.doc.set, text) {
            Ok(true) => self.changed(),
            Ok(false) => {}
            Err(error) => self.error(format!("Could not redo: {error}")),
        }
        self.forget_missing_selection();
        self.refresh_suggestions();
    }

    fn forget_missing_selection(&mut self) {
        if self
            .selected
            .is_some_and(|id| self.doc.set.get(id).is_none())
        {
            self.selected = None;
        }
    }

    fn set_note(&mut self, id: AnnotationId, note: String) {
        let Some(before) = self.doc.set.get(id).cloned() else {
            return;
        };
        if before.note == note {
            return;
        }
        let after = before.with_note(note, Self::now());
        let revision = self.doc.history.revision();
        let typing = self.doc.typing_note == Some((id, revision));
        if self.record(Edit::Replace { before, after }, typing) {
            let now = self.doc.history.revision();
            // Typed back to where the step began, the step is gone: the
            // next keystroke starts a new one.
            self.doc.typing_note = (now > revision).then_some((id, now));
        }
    }

    fn nudge(&mut self, id: AnnotationId, edge: Edge, forward: bool) {
        let Some(before) = self.doc.set.get(id).cloned() else {
            return;
        };
        let text = self.doc.text();
        let step = |at: usize| {
            if forward {
                text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
            } else {
                text[..at]
                    .chars()
                    .next_back()
                    .map_or(at, |c| at - c.len_utf8())
            }
        };
        let mut span = before.span;
        match edge {
            Edge::Start => span.start = step(span.start),
            Edge::End => span.end = step(span.end),
        }
        if span == before.span || span.validate(text).is_err() {
            return;
        }
        let after = before.moved(span, text, Self::now());
        self.edit(Edit::Replace { before, after });
    }

    fn delete_orphan(&mut self, id: AnnotationId) {
        if let Some(orphan) = self.doc.set.orphan(id).cloned() {
            self.edit(Edit::RemoveOrphan(orphan));
        }
    }

    fn reattach_orphan(&mut self, id: AnnotationId) {
        let Some(orphan): Option<Orphan> = self.doc.set.orphan(id).cloned() else {
            return;
        };
        let Some(span) = self.selection else {
            self.message(
                Severity::Info,
                "Select the text the orphan belongs to, then choose Re-attach.",
            );
            return;
        };
        let annotation = orphan.attach(span, self.doc.text(), Self::now());
        if self.edit(Edit::Batch(vec![
            Edit::RemoveOrphan(orphan),
            Edit::Add(annotation),
        ])) {
            self.selection = None;
            self.selected = Some(id);
        }
    }

    /// Copies the selection (or the selected annotation's text).
    pub fn copy(&mut self) {
        let text = match (self.selection, self.selected_annotation()) {
            (Some(span), _) => Some(self.doc.text()[span.range()].to_owned()),
            (None, Some(a)) => Some(a.quote.exact.clone()),
            _ => None,
        };
        if text.is_some() {
            self.clipboard = text;
        }
    }

    pub fn set(&self) -> &AnnotationSet {
        &self.doc.set
    }
}

/// A letter of a script written right to left (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, and their presentation forms), which the text engine
/// (egui 0.37, without bidirectional layout) cannot place correctly.
fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Whether a path names an annotation set rather than an article.
pub fn is_set_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What the window says of the `n` orphans of the set at `set_path`.
fn orphans_warning(set_path: &Path, n: usize) -> String {
    let (they_are, them) = if n == 1 {
        ("It is", "it")
    } else {
        ("They are", "them")
    };
    format!(
        "{}: the article has changed and {} not be found in it. {they_are} listed under Orphans: re-attach {them} to a selection or delete {them}.",
        set_path.display(),
        crate::plural(n, "annotation could", "annotations could"),
    )
}

/// What Suggest says when there are `n` suggestions to review.
fn review_note(n: usize) -> String {
    if n == 1 {
        "1 suggestion: Enter accepts, X rejects.".to_owned()
    } else {
        format!("{n} suggestions: Enter accepts, X rejects, N and P move between them.")
    }
}

/// What Suggest says when nothing is left to review, and why.
fn no_suggestions_note(annotated: usize, rejected: usize, unsure: usize) -> String {
    use crate::plural;
    let reasons: Vec<String> = [
        (
            annotated,
            plural(annotated, "is already annotated", "are already annotated"),
        ),
        (
            rejected,
            plural(rejected, "was rejected before", "were rejected before"),
        ),
        (
            unsure,
            plural(
                unsure,
                "scores below the minimum",
                "score below the minimum",
            ),
        ),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(_, reason)| reason)
    .collect();
    if reasons.is_empty() {
        "No suggestions: the rules found nothing to propose in this article.".to_owned()
    } else {
        format!("No new suggestions: {}.", reasons.join(", "))
    }
}

/// `path`, or when a file is already there (a set this session could not
/// load, kept safe), the first free `X-2.annotations.ron`,
/// `X-3.annotations.ron`…: Save as must not propose a file it may not
/// replace.
fn free_set_path(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let stem = name
        .strip_suffix(".annotations.ron")
        .unwrap_or(&name)
        .to_owned();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.annotations.ron")))
        .find(|candidate| !candidate.exists())
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialogs::ScriptedDialogs;

    /// The app with the sample article, its recovery folder in `dir`.
    fn sample_app(dir: &Path) -> AppState {
        AppState::with_sample(
            Box::new(ScriptedDialogs::default()),
            RecoveryFolder::new(dir.join("recovery")),
        )
    }

    /// A window on a short article whose set, with one source, is saved.
    fn saved_source(dir: &Path) -> (AppState, PathBuf) {
        let article = dir.join("a.txt");
        std::fs::write(&article, "The minister said 80% agreed on Monday.").unwrap();
        let mut state = sample_app(dir);
        state.open(&article);
        state.apply(Action::Select(Some(Span::new(4, 12))));
        state.apply(Action::ApplyTag(Tag::Source));
        state.apply(Action::Save);
        (state, article)
    }

    fn texts(state: &AppState) -> Vec<&str> {
        state.messages.iter().map(|m| m.text.as_str()).collect()
    }

    #[test]
    fn a_moved_folder_is_told_as_such_and_save_as_keeps_the_old_path_until_written() {
        let dir = tempfile::tempdir().unwrap();
        let (folder, moved) = (dir.path().join("story"), dir.path().join("archive"));
        std::fs::create_dir(&folder).unwrap();
        let article = folder.join("a.txt");
        std::fs::write(&article, "The minister said 80% agreed.").unwrap();
        let elsewhere = dir.path().join("b.annotations.ron");
        let nowhere = dir.path().join("gone").join("c.annotations.ron");
        let dialogs = ScriptedDialogs::answering([Some(nowhere), Some(elsewhere.clone())]);
        let mut state =
            AppState::with_sample(Box::new(dialogs), RecoveryFolder::new(dir.path().join("r")));
        state.open(&article);
        state.apply(Action::Select(Some(Span::new(18, 21))));
        state.apply(Action::ApplyTag(Tag::Figure));
        state.apply(Action::Save);
        let saved = state.doc.set_path.clone().unwrap();
        assert!(saved.exists());

        std::fs::rename(&folder, &moved).unwrap();
        state.disk_check_interval = Duration::ZERO;
        state.tick(Instant::now());
        assert_eq!(state.disk_change, Some(DiskChange::SetGone));
        state.apply(Action::Select(Some(Span::new(4, 12))));
        state.apply(Action::ApplyTag(Tag::Source));
        state.apply(Action::Save);
        assert_eq!(state.confirm_overwrite, None, "nothing to overwrite");
        let error = texts(&state).join("\n");
        assert!(
            error.contains(&format!("the folder {} does not exist", folder.display()))
                && error.contains("Save as"),
            "{error}"
        );
        assert!(!error.contains("No such file"), "{error}");

        // Save as into a folder that is not there either: nothing changes.
        state.apply(Action::SaveAs);
        state.tick(Instant::now());
        assert_eq!(state.doc.set_path.as_ref(), Some(&saved));
        assert!(state.is_dirty());
        // Into one that is: saved, and the set's article is said to be gone.
        state.apply(Action::SaveAs);
        state.tick(Instant::now());
        assert_eq!(state.doc.set_path.as_ref(), Some(&elsewhere));
        assert!(elsewhere.exists() && !state.is_dirty());
        let said = texts(&state).join("\n");
        assert!(!said.contains("not saved"), "{said}");
        assert!(
            said.contains(&format!(
                "its article is no longer at {}",
                article.display()
            )),
            "{said}"
        );
    }

    #[test]
    fn save_as_beside_the_moved_article_records_it_there() {
        let dir = tempfile::tempdir().unwrap();
        let (folder, moved) = (dir.path().join("story"), dir.path().join("archive"));
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.txt"), "The minister said 80% agreed.").unwrap();
        let new_set = moved.join("a.annotations.ron");
        let dialogs = ScriptedDialogs::answering([Some(new_set.clone())]);
        let mut state =
            AppState::with_sample(Box::new(dialogs), RecoveryFolder::new(dir.path().join("r")));
        state.open(&folder.join("a.txt"));
        state.apply(Action::Select(Some(Span::new(18, 21))));
        state.apply(Action::ApplyTag(Tag::Figure));
        std::fs::rename(&folder, &moved).unwrap();
        state.apply(Action::SaveAs);
        state.tick(Instant::now());
        assert_eq!(state.doc.set_path.as_ref(), Some(&new_set));
        assert_eq!(state.doc.article_path, Some(moved.join("a.txt")));
        let said = texts(&state).join("\n");
        assert!(!said.contains("no longer at"), "{said}");
        let (_, article_path, _) = crate::io::load_set(&new_set).unwrap();
        assert_eq!(article_path, moved.join("a.txt"));
    }

    /// Ticks until the recovery writer has tried the current revision.
    fn settle_recovery(state: &mut AppState) {
        for _ in 0..400 {
            state.tick(Instant::now());
            let revision = state.doc.history.revision();
            if state.recovery_writing.is_none()
                && state.recovery_written.is_some_and(|(_, r)| r == revision)
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("the recovery file was never written");
    }

    #[test]
    fn a_set_too_large_for_a_recovery_file_is_not_written_and_said_once() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().join("recovery")).with_limit(600);
        let mut state = AppState::with_sample(Box::new(ScriptedDialogs::default()), folder.clone());
        state.recovery_interval = Duration::ZERO;
        for span in [Span::new(0, 4), Span::new(5, 9), Span::new(10, 14)] {
            state.apply(Action::Select(Some(span)));
            state.apply(Action::ApplyTag(Tag::Claim));
            settle_recovery(&mut state);
        }
        let warnings: Vec<&str> = texts(&state)
            .into_iter()
            .filter(|t| t.contains("recovery file"))
            .collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("MiB factmark opens"),
            "{}",
            warnings[0]
        );
        let key = state.doc.recovery_key();
        assert!(!folder.path_for(&key).exists());
    }

    #[test]
    fn a_set_deleted_under_a_saved_window_makes_its_annotations_unsaved() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, _) = saved_source(dir.path());
        assert!(!state.is_dirty());
        std::fs::remove_file(state.doc.set_path.clone().unwrap()).unwrap();
        state.check_disk_now(Instant::now());
        assert_eq!(state.disk_change, Some(DiskChange::SetGone));
        assert!(state.is_dirty(), "the window holds the only copy");
        state.apply(Action::Save);
        assert!(!state.is_dirty());
        assert!(state.doc.set_path.clone().unwrap().exists());
        assert_eq!(state.disk_change, None, "the banner goes with the save");
    }

    #[test]
    fn save_as_never_proposes_a_file_that_is_already_there() {
        let dir = tempfile::tempdir().unwrap();
        let default = dir.path().join("v2.annotations.ron");
        assert_eq!(free_set_path(default.clone()), default);
        // A set from a newer factmark, which this one will not replace.
        std::fs::write(&default, "(version: 7)").unwrap();
        assert_eq!(
            free_set_path(default.clone()),
            dir.path().join("v2-2.annotations.ron")
        );
        std::fs::write(dir.path().join("v2-2.annotations.ron"), "").unwrap();
        assert_eq!(
            free_set_path(default),
            dir.path().join("v2-3.annotations.ron")
        );
    }

    #[test]
    fn accepting_suggestions_recounts_the_note_without_keeping_it_up() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, _) = saved_source(dir.path());
        state.suggestions = [(18, 21), (25, 31), (35, 41)]
            .map(|(a, b)| crate::suggest::Suggestion::new(Tag::Figure, Span::new(a, b), 0.9, "t"))
            .to_vec();
        state.current_suggestion = Some(0);
        state.note_suggestions(review_note(3));
        let start = Instant::now();
        state.tick(start);
        let expires = |state: &AppState| {
            let note = state.suggestions_note.clone().unwrap();
            state
                .messages
                .iter()
                .find(|m| m.text == note)
                .unwrap()
                .expires
        };
        let first = expires(&state);
        assert!(first.is_some());
        state.apply(Action::AcceptSuggestion);
        state.tick(start + Duration::from_secs(5));
        assert!(texts(&state).iter().any(|t| t.starts_with("2 suggestions")));
        assert_eq!(expires(&state), first, "the note goes when it was to");
        state.apply(Action::AcceptSuggestion);
        assert!(texts(&state).iter().any(|t| t.starts_with("1 suggestion:")));
    }

    #[test]
    fn a_set_another_program_writes_under_unsaved_work_is_no_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "The minister said 80% agreed on Monday.").unwrap();
        let mut state = sample_app(dir.path());
        state.open(&article);
        state.apply(Action::Select(Some(Span::new(18, 21))));
        state.apply(Action::ApplyTag(Tag::Figure));
        assert!(!state.set_file_exists());
        let (text, _) = crate::io::open_article(&article).unwrap();
        let set_path = crate::io::default_set_path(&article);
        crate::io::save_set(&set_path, &article, &text, &AnnotationSet::new()).unwrap();
        state.check_disk_now(Instant::now());
        assert_eq!(state.disk_change, Some(DiskChange::Set));
        assert!(state.set_file_exists());
        state.apply(Action::KeepMine);
        assert!(state.set_file_exists());
    }

    #[test]
    fn restoring_recovered_work_keeps_what_another_program_added_since() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, article) = saved_source(dir.path());
        let set_path = state.doc.set_path.clone().unwrap();
        state.apply(Action::Select(Some(Span::new(18, 21))));
        state.apply(Action::ApplyTag(Tag::Figure));
        state.write_recovery_now().unwrap();
        drop(state); // a crash

        // `factmark find --tag`, say, adds a claim to the file meanwhile.
        let (text, _, mut loaded) = crate::io::load_set(&set_path).unwrap();
        let claim =
            loaded
                .set
                .new_annotation(Tag::Claim, Span::new(18, 28), text.text(), Timestamp::now());
        loaded.set.apply(&Edit::Add(claim), text.text()).unwrap();
        crate::io::save_set(&set_path, &article, &text, &loaded.set).unwrap();

        let mut state = sample_app(dir.path());
        state.open(&article);
        state.apply(Action::AcceptRecovery);
        let tags = |state: &AppState| {
            let mut tags: Vec<Tag> = state.doc.set.annotations().iter().map(|a| a.tag).collect();
            tags.sort();
            tags
        };
        assert_eq!(tags(&state), [Tag::Claim, Tag::Figure, Tag::Source]);
        assert!(
            texts(&state)
                .iter()
                .any(|t| t.contains("with 1 annotation from a.annotations.ron"))
        );
        state.apply(Action::Save);
        assert_eq!(crate::io::load_set(&set_path).unwrap().2.set.len(), 3);
        // Undo takes back what the recovered work lacked.
        state.apply(Action::Undo);
        assert_eq!(tags(&state), [Tag::Figure, Tag::Source]);
    }

    #[test]
    fn rejections_alone_are_offered_back_and_quitting_at_the_offer_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, article) = saved_source(dir.path());
        let span = Span::new(18, 21);
        let exact = state.doc.text()[span.range()].to_owned();
        assert!(state.edit(Edit::Reject(crate::model::Rejection {
            tag: Tag::Figure,
            span,
            exact,
        })));
        assert!(state.is_dirty());
        let file = state.write_recovery_now().unwrap();
        drop(state); // a crash

        let mut state = sample_app(dir.path());
        state.open(&article);
        assert!(state.recovery_offer.is_some(), "only a rejection differs");
        // Quitting (Ctrl+Q, the close button) before answering keeps the
        // file for next time.
        state.apply(Action::Quit);
        assert!(state.quit_confirmed);
        assert!(file.exists());

        let mut state = sample_app(dir.path());
        state.open(&article);
        state.apply(Action::AcceptRecovery);
        assert!(state.doc.set.is_rejected(span, Tag::Figure));
        assert_eq!(state.doc.set.len(), 1);
    }

    /// A window on `a.txt` whose set file beside it does not load, and a
    /// good set for that article with one figure, to write there later.
    fn opened_beside_a_broken_set(dir: &Path) -> (AppState, PathBuf, PathBuf, AnnotationSet) {
        let article = dir.join("a.txt");
        std::fs::write(&article, "The minister said 80% agreed on Monday.").unwrap();
        let set_path = crate::io::default_set_path(&article);
        std::fs::write(&set_path, "(version: 1, oops").unwrap();
        let mut state = sample_app(dir);
        state.open(&article);
        assert_eq!(state.doc.set_path, None);
        assert!(state.watched_paths().contains(&set_path.as_path()));
        let mut good = AnnotationSet::new();
        let figure = good.new_annotation(
            Tag::Figure,
            Span::new(18, 21),
            state.doc.text(),
            Timestamp::now(),
        );
        good.apply(&Edit::Add(figure), state.doc.text()).unwrap();
        (state, article, set_path, good)
    }

    /// Another program writes `good` over the broken set file.
    fn repair(state: &AppState, article: &Path, set_path: &Path, good: &AnnotationSet) {
        std::fs::remove_file(set_path).unwrap();
        crate::io::save_set(set_path, article, &state.doc.article, good).unwrap();
    }

    #[test]
    fn a_set_that_did_not_load_at_open_is_taken_once_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, article, set_path, good) = opened_beside_a_broken_set(dir.path());
        assert!(
            texts(&state)
                .iter()
                .any(|t| t.contains("Once the file is repaired"))
        );

        // Still broken after another write: nothing happens, nothing is lost.
        std::fs::write(&set_path, "(version: 1, still oops").unwrap();
        state.check_disk_now(Instant::now());
        state.tick(Instant::now());
        assert_eq!(state.doc.set_path, None);
        assert!(!state.is_dirty());

        repair(&state, &article, &set_path, &good);
        state.check_disk_now(Instant::now());
        state.tick(Instant::now());
        assert_eq!(state.disk_change, None, "a clean window takes it");
        assert_eq!(state.doc.set.annotations(), good.annotations());
        assert_eq!(state.doc.set_path.as_deref(), Some(set_path.as_path()));
        assert!(!state.is_dirty());
        let said = texts(&state);
        assert!(
            !said.iter().any(|t| t.contains("Once the file is repaired")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|t| t.contains("1 annotation now (was 0)")),
            "{said:?}"
        );
        // It is the window's set file now: Save writes it without asking.
        state.apply(Action::Select(Some(Span::new(4, 12))));
        state.apply(Action::ApplyTag(Tag::Source));
        state.apply(Action::Save);
        assert!(!state.dialog_open() && !state.is_dirty());
        assert_eq!(crate::io::load_set(&set_path).unwrap().2.set.len(), 2);
    }

    #[test]
    fn work_done_beside_a_broken_set_is_merged_with_it_once_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, article, set_path, good) = opened_beside_a_broken_set(dir.path());
        state.apply(Action::Select(Some(Span::new(4, 12))));
        state.apply(Action::ApplyTag(Tag::Source));

        repair(&state, &article, &set_path, &good);
        state.check_disk_now(Instant::now());
        state.tick(Instant::now());
        assert_eq!(
            state.disk_change,
            Some(DiskChange::Set),
            "unsaved work: asks"
        );
        assert_eq!(state.doc.set.len(), 1);
        state.apply(Action::MergeFromDisk);
        assert_eq!(state.doc.set.len(), 2);
        state.apply(Action::Save);
        assert!(!state.dialog_open() && !state.is_dirty());
        assert_eq!(crate::io::load_set(&set_path).unwrap().2.set.len(), 2);
    }

    #[test]
    fn a_broken_set_removed_under_the_window_frees_its_place_for_save() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, _, set_path, _) = opened_beside_a_broken_set(dir.path());
        state.apply(Action::Select(Some(Span::new(4, 12))));
        state.apply(Action::ApplyTag(Tag::Source));
        std::fs::remove_file(&set_path).unwrap();
        state.check_disk_now(Instant::now());
        assert_eq!(state.disk_change, None);
        assert!(
            texts(&state)
                .iter()
                .any(|t| t.contains("a.annotations.ron was removed"))
        );
        state.apply(Action::Save);
        assert!(!state.dialog_open() && !state.is_dirty());
        assert_eq!(crate::io::load_set(&set_path).unwrap().2.set.len(), 1);
    }

    #[test]
    fn a_set_saved_elsewhere_is_kept_when_the_broken_one_is_repaired() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, article, set_path, good) = opened_beside_a_broken_set(dir.path());
        let elsewhere = dir.path().join("mine.annotations.ron");
        state.apply(Action::Select(Some(Span::new(4, 12))));
        state.apply(Action::ApplyTag(Tag::Source));
        assert!(state.save(Some(elsewhere.clone())));
        repair(&state, &article, &set_path, &good);
        state.check_disk_now(Instant::now());
        assert_eq!(state.disk_change, None);
        assert_eq!(state.doc.set_path.as_deref(), Some(elsewhere.as_path()));
        assert!(state.watched_paths().iter().all(|p| *p != set_path));
    }

    #[test]
    fn a_clean_window_takes_a_changed_set_at_once_and_a_broken_one_never() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, article) = saved_source(dir.path());
        let set_path = state.doc.set_path.clone().unwrap();

        // Another program removes the source and adds a figure.
        let (text, _, mut loaded) = crate::io::load_set(&set_path).unwrap();
        let source = loaded.set.annotations()[0].clone();
        let figure = loaded.set.new_annotation(
            Tag::Figure,
            Span::new(18, 21),
            text.text(),
            Timestamp::now(),
        );
        let step = Edit::Batch(vec![Edit::Remove(source), Edit::Add(figure)]);
        loaded.set.apply(&step, text.text()).unwrap();
        crate::io::save_set(&set_path, &article, &text, &loaded.set).unwrap();

        state.check_disk_now(Instant::now());
        state.tick(Instant::now());
        assert_eq!(state.disk_change, None, "nothing to ask");
        let tags: Vec<Tag> = state.doc.set.annotations().iter().map(|a| a.tag).collect();
        assert_eq!(tags, [Tag::Figure]);
        assert!(!state.is_dirty());
        assert!(
            texts(&state)
                .iter()
                .any(|t| t.contains("1 annotation now (was 1)")),
            "{:?}",
            texts(&state)
        );

        // A half-written or broken file is not taken, and said once.
        std::fs::write(&set_path, "(version: 1, annotations: [").unwrap();
        for _ in 0..3 {
            state.check_disk_now(Instant::now());
            state.tick(Instant::now());
        }
        let errors: Vec<&str> = texts(&state)
            .into_iter()
            .filter(|t| t.contains("was not reloaded"))
            .collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("a.annotations.ron"), "{}", errors[0]);
        assert_eq!(
            state.doc.set.annotations().len(),
            1,
            "the window keeps its own"
        );
        // They are on disk nowhere now: unsaved, so quitting asks.
        assert!(state.is_dirty());
        state.apply(Action::Quit);
        assert!(state.pending.is_some() && !state.quit_confirmed);
        state.pending = None;
        // Save neither merges with nor replaces the file it could not
        // read: it asks where to save instead.
        state.apply(Action::Save);
        assert!(state.confirm_overwrite.is_none());
        assert!(state.dialog_open());
        assert!(
            texts(&state)
                .iter()
                .any(|t| t.starts_with("Not saved over a.annotations.ron")),
            "{:?}",
            texts(&state)
        );
        assert_eq!(
            std::fs::read_to_string(&set_path).unwrap(),
            "(version: 1, annotations: ["
        );
        // The writer finishes: Reload takes the file, and the error goes.
        std::fs::remove_file(&set_path).unwrap();
        crate::io::save_set(&set_path, &article, &text, &loaded.set).unwrap();
        state.check_disk_now(Instant::now());
        assert_eq!(state.disk_change, Some(DiskChange::Set));
        state.apply(Action::ReloadFromDisk);
        assert!(!state.is_dirty());
        assert!(
            !texts(&state)
                .iter()
                .any(|t| t.contains("was not reloaded") || t.starts_with("Not saved over")),
            "{:?}",
            texts(&state)
        );
    }

    #[test]
    fn another_programs_additions_are_noticed_and_merged_with_ours() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, article) = saved_source(dir.path());
        let set_path = state.doc.set_path.clone().unwrap();
        // Unsaved work in the window…
        state.apply(Action::Select(Some(Span::new(18, 21))));
        state.apply(Action::ApplyTag(Tag::Figure));
        // …while another program adds a claim to the file.
        let (text, _, mut loaded) = crate::io::load_set(&set_path).unwrap();
        let claim =
            loaded
                .set
                .new_annotation(Tag::Claim, Span::new(4, 38), text.text(), Timestamp::now());
        loaded.set.apply(&Edit::Add(claim), text.text()).unwrap();
        crate::io::save_set(&set_path, &article, &text, &loaded.set).unwrap();

        // The next frame (the pointer moving over the window) notices.
        state.tick(Instant::now() + DISK_CHECK_INTERVAL);
        assert_eq!(state.disk_change, Some(DiskChange::Set));

        state.apply(Action::MergeFromDisk);
        assert_eq!(state.disk_change, None);
        assert_eq!(state.doc.set.annotations().len(), 3);
        state.apply(Action::Save);
        assert_eq!(state.confirm_overwrite, None, "merged: nothing to ask");
        let (_, _, saved) = crate::io::load_set(&set_path).unwrap();
        let mut tags: Vec<Tag> = saved.set.annotations().iter().map(|a| a.tag).collect();
        tags.sort();
        assert_eq!(tags, [Tag::Claim, Tag::Figure, Tag::Source]);
        // The merge is one step of its own.
        state.apply(Action::Undo);
        assert_eq!(state.doc.set.annotations().len(), 2);
    }

    #[test]
    fn info_messages_go_after_a_while_and_errors_stay() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = sample_app(dir.path());
        state.message(Severity::Info, "Exported it.");
        state.error("Something failed.");
        let start = Instant::now();
        state.tick(start);
        state.tick(start + INFO_LIFETIME - Duration::from_secs(1));
        assert_eq!(texts(&state), ["Exported it.", "Something failed."]);
        // The window wakes up to take it away.
        let wait = state.next_tick_in(start).unwrap();
        assert_eq!(wait, INFO_LIFETIME);
        state.tick(start + INFO_LIFETIME);
        assert_eq!(texts(&state), ["Something failed."]);
        assert_eq!(state.next_tick_in(start + INFO_LIFETIME), None);
    }

    #[test]
    fn a_successful_save_clears_the_errors_of_earlier_saves() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = sample_app(dir.path());
        state.error("Something else failed.");
        let span = Span::new(0, 4);
        state.apply(Action::Select(Some(span)));
        state.apply(Action::ApplyTag(Tag::Claim));
        state.doc.set_path = Some(dir.path().join("gone").join("sample.annotations.ron"));
        state.apply(Action::Save);
        assert_eq!(state.messages.len(), 2, "{:?}", texts(&state));
        assert!(state.is_dirty());
        state.doc.set_path = Some(dir.path().join("sample.annotations.ron"));
        state.apply(Action::Save);
        assert!(!state.is_dirty());
        assert_eq!(texts(&state), ["Something else failed."]);
    }

    #[test]
    fn the_empty_suggestion_note_gives_each_reason_with_its_count() {
        assert_eq!(
            no_suggestions_note(0, 0, 0),
            "No suggestions: the rules found nothing to propose in this article."
        );
        assert_eq!(
            no_suggestions_note(1, 2, 0),
            "No new suggestions: 1 is already annotated, 2 were rejected before."
        );
        assert_eq!(
            no_suggestions_note(0, 1, 3),
            "No new suggestions: 1 was rejected before, 3 score below the minimum."
        );
    }
}
