//! The window: egui widgets over [`AppState`].
//!
//! Each frame, the widgets draw the state and collect [`Action`]s; after
//! the frame's UI pass the actions are applied in order through
//! [`AppState::apply`]. No widget changes the document while drawing.

pub mod article_view;
pub mod bars;
pub mod help;
mod measure;
pub mod sidebar;
pub mod termination;
pub mod theme;
pub mod watch;

use std::path::PathBuf;
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, ThemePreference};
use serde::{Deserialize, Serialize};

use crate::app::dialogs::Dialogs;
use crate::app::recovery::RecoveryFolder;
use crate::app::{Action, AppState, DiskChange, Edge, Pending, Severity, UnsavedChoice};
use crate::model::Tag;
use article_view::ArticleView;
use sidebar::Sidebar;

/// The application id: window class, settings and recovery folder.
pub const APP_ID: &str = "factmark";

pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const OPEN_SET: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
/// Shows or hides the side panel.
pub const SIDE_PANEL_KEY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::B);
pub const SUGGEST: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const FIND_NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F3);
pub const FIND_PREVIOUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F3);
/// Find next and previous as on macOS (Cmd+G, Cmd+Shift+G).
pub const FIND_NEXT_G: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::G);
pub const FIND_PREVIOUS_G: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::G);
/// Find's toggles, as in most editors: Alt+C, Alt+W (Cmd+Option+C and W on
/// macOS, where Option with a letter types a character).
const TOGGLE: Modifiers = if cfg!(target_os = "macos") {
    Modifiers::MAC_CMD.plus(Modifiers::ALT)
} else {
    Modifiers::ALT
};
pub const MATCH_CASE: KeyboardShortcut = KeyboardShortcut::new(TOGGLE, Key::C);
pub const WHOLE_WORDS: KeyboardShortcut = KeyboardShortcut::new(TOGGLE, Key::W);

/// The side panel's width when the window first opens, its least width, and
/// the most of the window's width it may take.
const SIDEBAR_DEFAULT: f32 = 320.0;
const SIDEBAR_MIN: f32 = 220.0;
const SIDEBAR_SHARE: f32 = 0.45;
/// The side panel's id salt.
const SIDE_PANEL: &str = "sidebar";
/// Message banners shown above the article (the newest); the others wait
/// behind a "Show all" line, so that messages never push the page away.
const BANNERS: usize = 3;

/// Whether a text field (a note, the filter) has the keyboard. Plain keys
/// then type text instead of tagging or scrolling. Other focused widgets
/// (the article page after a click, a button) leave the keys to the app.
pub fn text_field_focused(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused())
        .is_some_and(|id| egui::text_edit::TextEditState::load(ctx, id).is_some())
}

/// `edit` with Esc kept for [`leave_on_escape`]: by default egui drops the
/// field's focus before the frame, and the same Esc then reaches the
/// window's shortcuts and also clears the selection.
pub fn escape_stays(edit: egui::TextEdit<'_>) -> egui::TextEdit<'_> {
    let filter = egui::EventFilter {
        escape: true,
        ..edit.get_event_filter()
    };
    edit.event_filter(filter)
}

/// Esc in a field made with [`escape_stays`] leaves the field, and only
/// that: the selection stays for the tag keys.
pub fn leave_on_escape(ui: &egui::Ui, response: &egui::Response) {
    if response.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
        response.surrender_focus();
    }
}

/// The key that applies a tag.
pub fn tag_key(tag: Tag) -> Key {
    match tag {
        Tag::Claim => Key::Num1,
        Tag::Figure => Key::Num2,
        Tag::Quote => Key::Num3,
        Tag::Source => Key::Num4,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    fn preference(self) -> ThemePreference {
        match self {
            ThemeChoice::System => ThemePreference::System,
            ThemeChoice::Light => ThemePreference::Light,
            ThemeChoice::Dark => ThemePreference::Dark,
        }
    }
}

/// What persists between runs (window size is persisted by eframe).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub theme: ThemeChoice,
    pub visible: [bool; 4],
    pub zoom: f32,
    /// Suggestions less sure than this are not proposed.
    pub min_suggestion_score: f32,
    /// Find's match case and whole words.
    pub find_options: crate::model::search::Options,
    /// Whether the side panel is shown.
    pub side_panel: bool,
    /// The side panel's width as the user left it, which a narrow window
    /// may take from it for a while.
    pub side_panel_width: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            theme: ThemeChoice::System,
            visible: [true; 4],
            zoom: 1.0,
            min_suggestion_score: 0.0,
            find_options: crate::model::search::Options::default(),
            side_panel: true,
            side_panel_width: SIDEBAR_DEFAULT,
        }
    }
}

/// How the window starts.
pub struct Startup {
    /// An article or a set to open; `None` opens the sample.
    pub path: Option<PathBuf>,
    pub dialogs: Box<dyn Dialogs>,
    pub recovery: RecoveryFolder,
}

impl Startup {
    /// The recovery folder of this user, beside eframe's settings.
    pub fn default_recovery() -> RecoveryFolder {
        let base = eframe::storage_dir(APP_ID).unwrap_or_else(std::env::temp_dir);
        RecoveryFolder::new(base.join("recovery"))
    }
}

/// The eframe application.
pub struct FactmarkApp {
    pub state: AppState,
    pub settings: Settings,
    view: ArticleView,
    sidebar: Sidebar,
    last_title: String,
    applied_zoom: Option<f32>,
    applied_theme: Option<ThemeChoice>,
    /// Find (Ctrl+F, the menu) asks to focus the find field and select its
    /// text when the find bar is next drawn.
    focus_find: bool,
    /// Every message is shown, not only the newest [`BANNERS`].
    all_messages: bool,
    /// Wakes the window when another program changes the open files.
    watch: watch::DiskWatch,
    /// Help ▸ Keyboard shortcuts (F1) is shown.
    shortcuts_open: bool,
    /// Makes the next frame panic: for the test of panic recovery.
    #[doc(hidden)]
    pub panic_next_frame: bool,
}

impl FactmarkApp {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        // egui's small text (9 points) is too small for the side panel's
        // chips, hints and notes; both themes get the larger size.
        cc.egui_ctx.all_styles_mut(|style| {
            if let Some(font) = style.text_styles.get_mut(&egui::TextStyle::Small) {
                font.size = theme::SMALL_SIZE;
            }
        });
        let mut state = AppState::with_sample(startup.dialogs, startup.recovery);
        state.recent = settings.recent.clone();
        state.min_suggestion_score = settings.min_suggestion_score;
        state.find_options = settings.find_options;
        if let Some(path) = &startup.path {
            state.open(path);
            // What is on screen is not the file asked for: say so, lest the
            // sample be annotated as if it were.
            if state.doc.article_path.is_none() && !state.messages.is_empty() {
                state.sample_shown_instead_of(path);
            }
        }
        Self {
            state,
            settings,
            view: ArticleView::default(),
            sidebar: Sidebar::default(),
            last_title: String::new(),
            applied_zoom: None,
            applied_theme: None,
            focus_find: false,
            all_messages: false,
            watch: {
                let ctx = cc.egui_ctx.clone();
                watch::DiskWatch::start(move || ctx.request_repaint(), watch::WATCH_INTERVAL)
            },
            shortcuts_open: false,
            panic_next_frame: false,
        }
    }

    fn apply_settings(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(self.settings.theme.preference());
            self.applied_theme = Some(self.settings.theme);
        }
        if self.applied_zoom != Some(self.settings.zoom) {
            ctx.set_zoom_factor(self.settings.zoom);
            self.applied_zoom = Some(self.settings.zoom);
        }
        // Keyboard zoom (Ctrl +/-/0) is handled by egui; remember its result.
        let zoom = ctx.zoom_factor();
        if (zoom - self.settings.zoom).abs() > f32::EPSILON {
            self.settings.zoom = zoom;
            self.applied_zoom = Some(zoom);
        }
    }

    /// Keyboard shortcuts that act on the whole window.
    fn shortcuts(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let shortcut = |s: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(s));
        if shortcut(&SUGGEST) {
            actions.push(Action::Suggest);
        }
        if shortcut(&OPEN_SET) {
            actions.push(Action::RequestOpenSet);
        }
        if shortcut(&OPEN) {
            actions.push(Action::RequestOpenArticle);
        }
        if shortcut(&SAVE) {
            actions.push(Action::Save);
        }
        if shortcut(&QUIT) {
            actions.push(Action::Quit);
        }
        if shortcut(&FIND) {
            actions.push(Action::OpenFind);
        }
        if shortcut(&SIDE_PANEL_KEY) {
            self.settings.side_panel = !self.settings.side_panel;
        }
        if self.state.find.is_some() {
            // The Shift forms first: a plain shortcut also matches with Shift.
            if shortcut(&FIND_PREVIOUS) || shortcut(&FIND_PREVIOUS_G) {
                actions.push(Action::FindStep(false));
            }
            if shortcut(&FIND_NEXT) || shortcut(&FIND_NEXT_G) {
                actions.push(Action::FindStep(true));
            }
            let mut options = self.state.find_options;
            if shortcut(&MATCH_CASE) {
                options.match_case = !options.match_case;
            }
            if shortcut(&WHOLE_WORDS) {
                options.whole_words = !options.whole_words;
            }
            if options != self.state.find_options {
                actions.push(Action::SetFindOptions(options));
                // Alt with a letter also types it: not into the find field.
                ctx.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
            }
        }
        let copy = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
        if text_field_focused(ctx) {
            // Plain keys, and undo and redo, belong to the text field being
            // edited; Edit ▸ Undo still undoes annotation edits.
            return;
        }
        if shortcut(&REDO) || shortcut(&REDO_Y) {
            actions.push(Action::Redo);
        }
        if shortcut(&UNDO) {
            actions.push(Action::Undo);
        }
        if copy || ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::C)) {
            self.state.copy();
        }
        if !self.state.suggestions.is_empty() {
            for (key, action) in [
                (Key::Enter, Action::AcceptSuggestion),
                (Key::X, Action::RejectSuggestion),
                (Key::N, Action::StepSuggestion(true)),
                (Key::P, Action::StepSuggestion(false)),
            ] {
                if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                    actions.push(action);
                }
            }
        }
        for tag in Tag::ALL {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, tag_key(tag))) {
                actions.push(Action::ApplyTag(tag));
            }
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Delete)) {
            actions.push(Action::DeleteSelected);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F1)) {
            self.shortcuts_open = !self.shortcuts_open;
        }
        // Escape closes an open menu first, then the shortcut list.
        let menu_open = egui::Popup::is_any_open(ctx) || ctx.any_popup_open();
        if !menu_open
            && self.shortcuts_open
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            self.shortcuts_open = false;
        }
        if !menu_open && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            let nothing_selected = self.state.selection.is_none() && self.state.selected.is_none();
            actions.push(if nothing_selected && self.state.find.is_some() {
                Action::CloseFind
            } else {
                Action::ClearSelection
            });
        }
        if let Some(id) = self.state.selected {
            let nudge = Modifiers::SHIFT.plus(Modifiers::ALT);
            for (key, edge, forward) in [
                (Key::ArrowLeft, Edge::End, false),
                (Key::ArrowRight, Edge::End, true),
                (Key::ArrowUp, Edge::Start, false),
                (Key::ArrowDown, Edge::Start, true),
            ] {
                if ctx.input_mut(|i| i.consume_key(nudge, key)) {
                    actions.push(Action::Nudge { id, edge, forward });
                }
            }
        }
    }

    fn dropped_files(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(file) = dropped.first() {
            actions.push(Action::Open(file.path().to_owned()));
        }
    }

    /// Closing the window with unsaved changes asks first.
    fn intercept_close(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.state.quit_confirmed {
            if self.state.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.state.pending = Some(Pending::Quit);
            } else {
                self.state.apply(Action::Quit);
            }
        }
    }

    fn modals(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if let Some(pending) = &self.state.pending {
            let doing = match pending {
                Pending::Quit => "closing".to_owned(),
                Pending::Open(path) => format!(
                    "opening {}",
                    path.file_name().unwrap_or_default().to_string_lossy()
                ),
                Pending::Dialog(_) => "opening another file".to_owned(),
            };
            let name = self.state.doc.name.clone();
            let modal = egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                ui.set_max_width(380.0);
                ui.heading("Save changes?");
                ui.label(format!(
                    "The annotations of {name} have unsaved changes. Save them before {doing}?"
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    // Save is the default button: Enter presses it, unless
                    // Tab put the keyboard on another button.
                    let enter = ui.memory(|m| m.focused().is_none())
                        && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
                    let save = ui.add(egui::Button::new("Save").selected(true));
                    if save.clicked() || enter {
                        actions.push(Action::Resolve(UnsavedChoice::Save));
                    }
                    if ui.button("Don't save").clicked() {
                        actions.push(Action::Resolve(UnsavedChoice::DontSave));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::Resolve(UnsavedChoice::Cancel));
                    }
                });
            });
            if modal.should_close() && actions.is_empty() {
                actions.push(Action::Resolve(UnsavedChoice::Cancel));
            }
            return;
        }
        if let Some(path) = &self.state.confirm_overwrite {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            egui::Modal::new(egui::Id::unique("overwrite")).show(ctx, |ui| {
                ui.set_max_width(400.0);
                ui.heading("Overwrite the changed file?");
                ui.label(format!(
                    "{name} was changed by another program since you opened it. \
                     Saving replaces that version with yours (the replaced file is kept as {name}.bak)."
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui
                        .button("Merge, then save")
                        .on_hover_text("Add what the other program added to yours, and save both")
                        .clicked()
                    {
                        actions.extend([
                            Action::ConfirmOverwrite(false),
                            Action::MergeFromDisk,
                            Action::Save,
                        ]);
                    }
                    if ui.button("Overwrite").clicked() {
                        actions.push(Action::ConfirmOverwrite(true));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::ConfirmOverwrite(false));
                    }
                });
            });
            return;
        }
        if let Some(offer) = &self.state.recovery_offer {
            let ago = |n: u64, unit: &str, units: &str| {
                format!("{} ago", crate::plural(n as usize, unit, units))
            };
            let when = match offer.age.map(|age| age.as_secs()) {
                Some(s) if s < 120 => ago(s, "second", "seconds"),
                Some(s) if s < 7200 => ago(s / 60, "minute", "minutes"),
                Some(s) => ago(s / 3600, "hour", "hours"),
                None => "earlier".to_owned(),
            };
            let (annotated, rejected) = (offer.set.len(), offer.set.rejections().count());
            let mut parts = Vec::new();
            if annotated > 0 || rejected == 0 {
                parts.push(crate::plural(annotated, "annotation", "annotations"));
            }
            if rejected > 0 {
                parts.push(crate::plural(
                    rejected,
                    "rejected suggestion",
                    "rejected suggestions",
                ));
            }
            let count = parts.join(", ");
            egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
                ui.set_max_width(400.0);
                ui.heading("Recover unsaved work?");
                ui.label(format!(
                    "factmark found unsaved work for this article, written {when} \
                     ({count}). Restore it?"
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        actions.push(Action::AcceptRecovery);
                    }
                    if ui.button("Discard").clicked() {
                        actions.push(Action::DiscardRecovery);
                    }
                });
            });
        }
    }

    fn disk_change(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(change) = self.state.disk_change else {
            return;
        };
        let doc = &self.state.doc;
        let name = |path: Option<&std::path::Path>| {
            path.and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let place = |path: Option<&std::path::Path>| {
            path.map(|p| p.display().to_string()).unwrap_or_default()
        };
        let gone = |what: &str, path: Option<&std::path::Path>| {
            format!(
                "{what} is no longer at {} (moved, renamed or deleted, perhaps with its folder). \
                 Your annotations are still open here: use Save as… to save them.",
                place(path)
            )
        };
        let text = match change {
            DiskChange::Set => format!(
                "The annotation file changed on disk ({}): another program wrote it. Reload it, or merge what it added into yours?",
                name(doc.set_path.as_deref())
            ),
            DiskChange::Article => format!(
                "The article changed on disk ({}): another program wrote it. Reload it?",
                name(doc.article_path.as_deref())
            ),
            DiskChange::SetGone => gone("The annotation file", doc.set_path.as_deref()),
            DiskChange::ArticleGone => gone("The article", doc.article_path.as_deref()),
        };
        let reload = matches!(change, DiskChange::Set | DiskChange::Article);
        let warn = ui.visuals().warn_fg_color;
        egui::Frame::new()
            .fill(warn.gamma_multiply(0.15))
            .stroke(egui::Stroke::new(1.0, warn))
            .corner_radius(4.0)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(text);
                    if reload {
                        let label = if self.state.is_dirty() {
                            "Reload (drop my unsaved changes)"
                        } else {
                            "Reload"
                        };
                        if ui.button(label).clicked() {
                            actions.push(Action::ReloadFromDisk);
                        }
                        if change == DiskChange::Set
                            && ui
                                .button("Merge (keep both)")
                                .on_hover_text("Add what the other program added to yours")
                                .clicked()
                        {
                            actions.push(Action::MergeFromDisk);
                        }
                        if ui.button("Keep mine").clicked() {
                            actions.push(Action::KeepMine);
                        }
                    } else {
                        if ui.button("Save as…").clicked() {
                            actions.push(Action::SaveAs);
                        }
                        if ui.button("Dismiss").clicked() {
                            actions.push(Action::KeepMine);
                        }
                    }
                });
            });
    }

    /// Errors and warnings as banners above the article, the newest
    /// [`BANNERS`] unless all are asked for: they stay until dismissed, so
    /// they move the page only when they arrive. Info messages pass by
    /// themselves and are drawn over the foot of the article instead, so
    /// that their coming and going never moves what the pointer is on.
    fn messages(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let (passing, staying): (Vec<_>, Vec<_>) = self
            .state
            .messages
            .iter()
            .enumerate()
            .partition(|(_, m)| m.severity == Severity::Info);
        if staying.len() <= BANNERS {
            self.all_messages = false;
        }
        let hidden = if self.all_messages {
            0
        } else {
            staying.len().saturating_sub(BANNERS)
        };
        if staying.len() > BANNERS {
            ui.horizontal(|ui| {
                let (text, toggle) = if self.all_messages {
                    (format!("{} messages", staying.len()), "Show fewer")
                } else {
                    let earlier = crate::plural(hidden, "earlier message", "earlier messages");
                    (format!("{earlier} not shown"), "Show all")
                };
                ui.label(RichText::new(text).weak());
                if ui.small_button(toggle).clicked() {
                    self.all_messages = !self.all_messages;
                }
            });
        }
        for &(i, message) in &staying[hidden..] {
            message_frame(ui, i, message, actions);
        }
        if passing.is_empty() {
            return;
        }
        // Over the foot of the page, newest at the bottom.
        let page = ui.max_rect();
        let width = (page.width() - 32.0).clamp(120.0, 560.0);
        egui::Area::new(egui::Id::unique("passing-messages"))
            .order(egui::Order::Foreground)
            .fixed_pos(egui::pos2(
                page.center().x - width / 2.0,
                page.bottom() - 12.0,
            ))
            .pivot(egui::Align2::LEFT_BOTTOM)
            .interactable(true)
            .show(ui.ctx(), |ui| {
                ui.set_width(width);
                let from = passing.len().saturating_sub(BANNERS);
                for &(i, message) in &passing[from..] {
                    message_frame(ui, i, message, actions);
                }
            });
    }

    /// Where a span of the article is on screen (as of the last frame); empty
    /// when it is not laid out. For tests that point at words like a user.
    pub fn text_rects(&self, span: crate::model::Span) -> Vec<egui::Rect> {
        self.view.screen_rects(&self.state, span)
    }

    /// Whether the article view has estimated every height (for tests).
    pub fn view_is_settled(&self) -> bool {
        self.view.is_settled()
    }

    fn after_frame(&mut self, ctx: &egui::Context) {
        let title = self.state.title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        if let Some(text) = self.state.clipboard.take() {
            ctx.copy_text(text);
        }
        if self.state.dialog_open() || self.state.is_suggesting() {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        // The frame's actions may have quit or made work to write.
        self.schedule(ctx);
    }
}

/// The last panic's message and place, recorded by [`install_panic_hook`].
static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Records where a panic happened, so the window can say so, then runs the
/// default hook (which prints it).
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(info.to_string());
        }
        default(info);
    }));
}

fn panic_description(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(recorded) = LAST_PANIC.lock().ok().and_then(|mut last| last.take()) {
        return recorded;
    }
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_owned())
}

impl FactmarkApp {
    /// A panic in a frame must not lose work: the set goes to the recovery
    /// file and the window says where.
    fn after_panic(&mut self, payload: &(dyn std::any::Any + Send)) {
        let what = panic_description(payload);
        let text = match self.state.write_recovery_now() {
            Some(path) => format!(
                "factmark hit an internal error ({what}). Your annotations were written to {} and will be offered back when you open this article again. Save your work and restart factmark.",
                path.display()
            ),
            None => format!(
                "factmark hit an internal error ({what}) and could not write the recovery file. Use File > Save as… now, then restart factmark."
            ),
        };
        self.state.error(text);
    }

    /// Gives the side panel back the width the user chose once the window
    /// is wide enough again: egui keeps the width a narrow window forced.
    fn restore_side_panel_width(&self, ui: &egui::Ui, widest: f32) {
        let id = ui.scope_id().with_salt(egui::IdSalt::new(SIDE_PANEL));
        let Some(mut state) = egui::containers::panel::PanelState::load(ui.ctx(), id) else {
            return;
        };
        let wanted = self.settings.side_panel_width.min(widest);
        let rect = state.outer_rect;
        if rect.width() + 1.0 < wanted {
            state.outer_rect =
                egui::Rect::from_min_max(egui::pos2(rect.max.x - wanted, rect.min.y), rect.max);
            ui.ctx().data_mut(|d| d.insert_persisted(id, state));
        }
    }

    /// What runs whether or not the window is drawn (see `App::logic`).
    fn keep_time(&mut self, ctx: &egui::Context) {
        if termination::requested() && !self.state.quit_confirmed {
            self.state.terminate();
        }
        self.watch.set_paths(&self.state.watched_paths());
        if self.watch.take_changed() {
            self.state.check_disk_now(Instant::now());
        }
        self.state.tick(Instant::now());
        self.intercept_close(ctx);
        self.schedule(ctx);
    }

    /// Closes the window once quitting is confirmed, and asks for the next
    /// call when a tick has something to do.
    fn schedule(&self, ctx: &egui::Context) {
        if self.state.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if let Some(wait) = self.state.next_tick_in(Instant::now()) {
            ctx.request_repaint_after(wait);
        }
    }

    fn frame(&mut self, ui: &mut egui::Ui) {
        if std::mem::take(&mut self.panic_next_frame) {
            panic!("a panic injected by a test");
        }
        let ctx = ui.ctx().clone();
        self.apply_settings(&ctx);
        let mut actions = Vec::new();
        self.dropped_files(&ctx, &mut actions);
        let modal_open = self.state.pending.is_some()
            || self.state.dialog_open()
            || self.state.recovery_offer.is_some()
            || self.state.confirm_overwrite.is_some();
        if !modal_open {
            self.shortcuts(&ctx, &mut actions);
        }

        if self.state.dialog_open() {
            // A file dialog is a window of its own: while it is open, keys
            // and clicks must not reach the article behind it (a digit typed
            // into a dialog without the focus would re-tag an annotation).
            egui::Modal::new(egui::Id::unique("file-dialog")).show(&ctx, |ui| {
                ui.label("Waiting for the file dialog…");
                ui.label(RichText::new("It may be behind this window.").weak());
            });
        }
        egui::Panel::top("menu").show(ui, |ui| {
            bars::menu_bar(
                ui,
                &self.state,
                &mut self.settings,
                &mut self.shortcuts_open,
                &mut actions,
            );
        });
        egui::Panel::top("tags").show(ui, |ui| {
            bars::tag_bar(ui, &self.state, &mut actions);
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            bars::status_bar(ui, &self.state);
        });
        // The side panel gives way in narrow windows: the article keeps at
        // least about half of the width.
        let widest = (ctx.content_rect().width() * SIDEBAR_SHARE).max(SIDEBAR_MIN);
        self.restore_side_panel_width(ui, widest);
        let panel = egui::Panel::right(SIDE_PANEL)
            .resizable(true)
            .default_size(self.settings.side_panel_width.min(widest))
            .size_range(SIDEBAR_MIN..=widest)
            .show_collapsible(ui, &mut self.settings.side_panel, |ui| {
                self.sidebar.show(ui, &self.state, &mut actions);
            });
        // A width below the most the window allows, set with the mouse, is
        // the user's choice; one left by a window resize is not.
        let dragging = ctx.input(|i| i.pointer.primary_down());
        if let Some(shown) = panel.map(|p| p.response.rect.width())
            && self.settings.side_panel
            && dragging
            && shown < widest - 1.0
        {
            self.settings.side_panel_width = shown;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.disk_change(ui, &mut actions);
            self.messages(ui, &mut actions);
            bars::find_bar(ui, &self.state, &mut self.focus_find, &mut actions);
            bars::metadata(ui, &self.state);
            self.view.show(
                ui,
                &self.state,
                &self.settings.visible,
                self.state.article_generation,
                &mut actions,
            );
            self.state.view_top = self.view.top_byte();
        });
        help::shortcuts_window(&ctx, &mut self.shortcuts_open);
        self.modals(&ctx, &mut actions);

        for action in actions {
            match action {
                Action::SetMinSuggestionScore(score) => {
                    self.settings.min_suggestion_score = score; // remembered across runs
                }
                Action::SetFindOptions(options) => self.settings.find_options = options,
                // Find (again) puts the keyboard in the find field.
                Action::OpenFind => self.focus_find = true,
                _ => {}
            }
            // A tag the View menu hides is drawn nowhere in the text: say
            // where the annotation is, or the key seems to do nothing.
            let hidden = match action {
                Action::ApplyTag(tag) if !self.settings.visible[tag.index()] => Some(tag),
                _ => None,
            };
            let something = self.state.selection.is_some() || self.state.selected.is_some();
            self.state.apply(action);
            if let Some(tag) = hidden
                && something
            {
                let name = tag.label();
                self.state.info(format!(
                    "View > Show {name} is off: {name} annotations are listed in the side panel but not drawn in the text."
                ));
            }
        }
        self.after_frame(&ctx);
    }
}

impl eframe::App for FactmarkApp {
    /// Runs before every frame, and also while the window is minimized or
    /// covered, when eframe draws no frames: SIGTERM, another program's
    /// change, the recovery write and a close request from the system
    /// must not wait until the window is seen again.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let step = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.keep_time(ctx)));
        if let Err(payload) = step {
            self.after_panic(payload.as_ref());
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let frame = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.frame(ui)));
        if let Err(payload) = frame {
            self.after_panic(payload.as_ref());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.recent = self.state.recent.clone();
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// One message in its frame: its icon, its text, what it offers and a
/// button to dismiss it (message `index` of the app's list).
fn message_frame(
    ui: &mut egui::Ui,
    index: usize,
    message: &crate::app::Message,
    actions: &mut Vec<Action>,
) {
    let (fill, icon) = match message.severity {
        Severity::Error => (ui.visuals().error_fg_color, "!"),
        Severity::Warning => (ui.visuals().warn_fg_color, "!"),
        Severity::Info => (ui.visuals().hyperlink_color, "i"),
    };
    egui::Frame::new()
        // Opaque: an info message is drawn over the text.
        .fill(ui.visuals().panel_fill)
        .show(ui, |ui| {
            egui::Frame::new()
                .fill(fill.gamma_multiply(0.15))
                .stroke(egui::Stroke::new(1.0, fill))
                .corner_radius(4.0)
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.colored_label(fill, RichText::new(icon).strong());
                        // The buttons first, from the right, so that the
                        // text wraps in the width they leave.
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                                actions.push(Action::DismissMessage(index));
                            }
                            if let Some(offer) = &message.offer
                                && ui.button(offer.label()).clicked()
                            {
                                actions.push(offer.action());
                            }
                            ui.with_layout(egui::Layout::left_to_right(egui::Align::TOP), |ui| {
                                ui.add(egui::Label::new(&message.text).wrap());
                            });
                        });
                    });
                });
        });
}
