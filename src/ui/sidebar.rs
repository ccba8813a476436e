//! The side panel: the selected annotation's editor, filters, the list of
//! annotations in text order, and the orphans.

use egui::{Button, RichText, Ui};

use crate::app::{Action, AppState, Edge};
use crate::model::{Annotation, Tag, article::shorten};
use crate::ui::theme;

/// Characters of an annotation's text shown in the list.
const EXCERPT_CHARS: usize = 60;
/// Lines of the selected annotation's text shown before it scrolls.
const QUOTE_LINES: f32 = 3.0;
/// Lines of the note field shown before it scrolls.
const NOTE_LINES: f32 = 2.0;

#[derive(Default)]
pub struct Sidebar {
    /// Tags hidden from the list by their filter chip.
    hidden: [bool; 4],
    filter: String,
    /// Indices into the set of the entries passing the filters, with what
    /// they were computed from.
    filtered: Vec<usize>,
    filtered_key: Option<(u64, String, [bool; 4])>,
}

impl Sidebar {
    pub fn show(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        suggestions(ui, state, actions);
        self.selected_editor(ui, state, actions);
        ui.separator();
        self.filters(ui, state);
        self.orphans(ui, state, actions);
        self.list(ui, state, actions);
    }

    /// The selected annotation's editor. It keeps one height whether or not
    /// an annotation is selected, and whatever its text, so that the list
    /// below does not move under the pointer when a click selects an entry.
    fn selected_editor(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let dark = ui.visuals().dark_mode;
        let selected = state.selected_annotation();
        ui.horizontal_wrapped(|ui| {
            // The same word either way, so that the row wraps alike.
            let heading = RichText::new("Selected");
            ui.label(if selected.is_some() {
                heading.strong()
            } else {
                heading.weak()
            });
            ui.add_enabled_ui(selected.is_some(), |ui| {
                for tag in Tag::ALL {
                    let current = selected.is_some_and(|a| a.tag == tag);
                    let chip = RichText::new(tag.label()).color(if current {
                        theme::on_tag_color(dark)
                    } else {
                        theme::tag_color(tag, dark)
                    });
                    let mut button = Button::new(chip).small();
                    if current {
                        button = button.fill(theme::tag_color(tag, dark));
                    }
                    if ui.add(button).clicked() && !current {
                        actions.push(Action::ApplyTag(tag));
                    }
                }
            });
        });
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let quote_height = line * QUOTE_LINES + ui.spacing().item_spacing.y * (QUOTE_LINES - 1.0);
        egui::ScrollArea::vertical()
            .id_salt("selected quote")
            .auto_shrink([false, false])
            .max_height(quote_height)
            .show(ui, |ui| match selected {
                Some(a) => {
                    ui.label(
                        RichText::new(format!("“{}”", shorten(&a.quote.exact, 400))).italics(),
                    );
                }
                None => {
                    ui.label(
                        RichText::new("No annotation selected. Click a highlight, or an entry below, to edit it.").weak(),
                    );
                }
            });
        ui.add_enabled_ui(selected.is_some(), |ui| {
            self.editor_controls(ui, selected, actions);
        });
    }

    /// The nudges, the note and Delete: disabled when nothing is selected.
    fn editor_controls(
        &self,
        ui: &mut Ui,
        selected: Option<&Annotation>,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let nudges = [
                (
                    "Start",
                    Edge::Start,
                    "start",
                    "Shift+Alt+Up",
                    "Shift+Alt+Down",
                ),
                ("End", Edge::End, "end", "Shift+Alt+Left", "Shift+Alt+Right"),
            ];
            for (label, edge, name, back_key, forward_key) in nudges {
                ui.label(label);
                for (glyph, forward, way, key) in [
                    ("‹", false, "left", back_key),
                    ("›", true, "right", forward_key),
                ] {
                    let hint = format!("Move the {name} one character {way} ({key})");
                    if ui.small_button(glyph).on_hover_text(hint).clicked()
                        && let Some(a) = selected
                    {
                        actions.push(Action::Nudge {
                            id: a.id,
                            edge,
                            forward,
                        });
                    }
                }
                if edge == Edge::Start {
                    ui.separator();
                }
            }
        });
        // Every change goes to the set at once, so what is typed is saved,
        // counts as unsaved and reaches the recovery file; the app folds
        // the keystrokes of one note into one undo step.
        let mut note = selected.map(|a| a.note.clone()).unwrap_or_default();
        // The note scrolls inside a fixed height rather than pushing the list down.
        let note_height = ui.text_style_height(&egui::TextStyle::Body) * NOTE_LINES
            + 2.0 * ui.spacing().button_padding.y;
        egui::ScrollArea::vertical()
            .id_salt("note")
            .auto_shrink([false, true])
            .max_height(note_height)
            .show(ui, |ui| {
                let response = ui.add(crate::ui::escape_stays(
                    egui::TextEdit::multiline(&mut note)
                        // Its own field per annotation, so that the field's
                        // undo never brings back another annotation's note.
                        .id_salt(("note", selected.map(|a| a.id)))
                        .hint_text("Note")
                        .desired_rows(NOTE_LINES as usize)
                        .desired_width(f32::INFINITY),
                ));
                crate::ui::leave_on_escape(ui, &response);
                if let Some(a) = selected
                    && response.changed()
                {
                    actions.push(Action::SetNote(a.id, note));
                }
                if response.lost_focus() {
                    actions.push(Action::FinishNote);
                }
            });
        if ui.button("Delete annotation").clicked() && selected.is_some() {
            actions.push(Action::DeleteSelected);
        }
    }

    fn filters(&mut self, ui: &mut Ui, state: &AppState) {
        let dark = ui.visuals().dark_mode;
        let counts = state.doc.set.counts();
        ui.horizontal_wrapped(|ui| {
            for tag in Tag::ALL {
                let shown = !self.hidden[tag.index()];
                let text = RichText::new(format!("{} {}", tag.label(), counts[tag.index()])).color(
                    if shown {
                        theme::on_tag_color(dark)
                    } else {
                        theme::tag_color(tag, dark)
                    },
                );
                let mut chip = Button::new(text).small().selected(shown);
                if shown {
                    chip = chip.fill(theme::tag_color(tag, dark));
                }
                if ui
                    .add(chip)
                    .on_hover_text(format!("Show or hide {} in the list", tag.label()))
                    .clicked()
                {
                    self.hidden[tag.index()] = !self.hidden[tag.index()];
                }
            }
        });
        let response = ui.add(crate::ui::escape_stays(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text("Filter by text or note")
                .desired_width(f32::INFINITY),
        ));
        crate::ui::leave_on_escape(ui, &response);
    }

    fn refresh_filtered(&mut self, state: &AppState) {
        let key = (state.generation, self.filter.clone(), self.hidden);
        if self.filtered_key.as_ref() == Some(&key) {
            return;
        }
        let needle = self.filter.to_lowercase();
        self.filtered = state
            .doc
            .set
            .annotations()
            .iter()
            .enumerate()
            .filter(|(_, a)| !self.hidden[a.tag.index()])
            .filter(|(_, a)| {
                needle.is_empty()
                    || a.quote.exact.to_lowercase().contains(&needle)
                    || a.note.to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i)
            .collect();
        self.filtered_key = Some(key);
    }

    fn list(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        self.refresh_filtered(state);
        let dark = ui.visuals().dark_mode;
        let all = state.doc.set.annotations();
        ui.label(RichText::new(format!("Annotations ({})", self.filtered.len())).strong());
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 6.0;
        egui::ScrollArea::vertical()
            .id_salt("annotation list")
            .auto_shrink(false)
            .show_rows(ui, row_height, self.filtered.len(), |ui, rows| {
                for &index in &self.filtered[rows] {
                    let a = &all[index];
                    let selected = state.selected == Some(a.id);
                    let response = ui
                        .push_id(a.id, |ui| {
                            ui.set_min_height(row_height);
                            ui.vertical(|ui| {
                                let entry = ui.horizontal(|ui| {
                                    ui.label(
                                        RichText::new(a.tag.label())
                                            .small()
                                            .color(theme::on_tag_color(dark))
                                            .background_color(theme::tag_color(a.tag, dark)),
                                    );
                                    let excerpt = shorten(&a.quote.exact, EXCERPT_CHARS);
                                    ui.add(egui::Button::selectable(selected, excerpt).truncate())
                                });
                                if !a.note.is_empty() {
                                    ui.label(
                                        RichText::new(shorten(&a.note, EXCERPT_CHARS))
                                            .weak()
                                            .small(),
                                    );
                                }
                                entry.inner
                            })
                            .inner
                        })
                        .inner;
                    if response.clicked() {
                        actions.push(Action::Reveal(a.id));
                    }
                }
            });
    }

    fn orphans(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let orphans = state.doc.set.orphans();
        if orphans.is_empty() {
            return;
        }
        let warn = ui.visuals().warn_fg_color;
        egui::CollapsingHeader::new(RichText::new(format!("Orphans ({})", orphans.len())).color(warn))
            .default_open(true)
            .show(ui, |ui| {
                ui.label(
                    RichText::new("Their text is no longer in the article. Select where they belong and re-attach, or delete them.")
                        .small()
                        .weak(),
                );
                for orphan in orphans {
                    ui.push_id(("orphan", orphan.id), |ui| {
                        ui.label(format!("{}: “{}”", orphan.tag.label(), shorten(&orphan.quote.exact, EXCERPT_CHARS)));
                        ui.horizontal(|ui| {
                            let can_attach = state.selection.is_some();
                            if ui
                                .add_enabled(can_attach, Button::new("Re-attach to selection").small())
                                .on_disabled_hover_text("Select the text in the article first")
                                .clicked()
                            {
                                actions.push(Action::ReattachOrphan(orphan.id));
                            }
                            if ui.add(Button::new("Delete").small()).clicked() {
                                actions.push(Action::DeleteOrphan(orphan.id));
                            }
                        });
                    });
                }
            });
        ui.separator();
    }
}

/// The score from which a suggestion counts as sure: cue-based sources,
/// quotes, figures and claims are above it, subjects of attitude verbs
/// below.
const SURE: f32 = 0.5;

/// Open suggestions: the keys, "Accept all" per tag, then the current
/// one. Every button keeps its place while the user goes through them:
/// the current suggestion's text, of any length, comes last, and each
/// tag's "Accept all" has its own row, disabled once none is left (a
/// double click must not land on the next tag's button).
fn suggestions(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    if state.suggestions.is_empty() {
        return;
    }
    let dark = ui.visuals().dark_mode;
    ui.label(RichText::new(format!("Suggestions ({})", state.suggestions.len())).strong());
    ui.horizontal(|ui| {
        if ui.button("Accept").on_hover_text("Enter").clicked() {
            actions.push(Action::AcceptSuggestion);
        }
        if ui.button("Reject").on_hover_text("X").clicked() {
            actions.push(Action::RejectSuggestion);
        }
        if ui.small_button("‹").on_hover_text("Previous (P)").clicked() {
            actions.push(Action::StepSuggestion(false));
        }
        if ui.small_button("›").on_hover_text("Next (N)").clicked() {
            actions.push(Action::StepSuggestion(true));
        }
        if ui.small_button("Dismiss").clicked() {
            actions.push(Action::DismissSuggestions);
        }
    });
    let mut sure_only = state.min_suggestion_score >= SURE;
    if ui
        .checkbox(&mut sure_only, "Only the surer ones")
        .on_hover_ui(|ui| {
            ui.label(format!(
                "Hide suggestions whose rule scores below {SURE:.1}, such as the subjects of \
                 verbs like \"wants\" or \"refuses\""
            ));
        })
        .changed()
    {
        actions.push(Action::SetMinSuggestionScore(if sure_only {
            SURE
        } else {
            0.0
        }));
    }
    for tag in Tag::ALL {
        let n = state.suggestions.iter().filter(|s| s.tag == tag).count();
        let button = egui::Button::new(format!("Accept all {} ({n})", tag.label())).small();
        if ui.add_enabled(n > 0, button).clicked() {
            actions.push(Action::AcceptAll(tag));
        }
    }
    if let Some(s) = state.current() {
        let text = &state.doc.text()[s.span.range()];
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(s.tag.label()).color(theme::tag_color(s.tag, dark)));
            ui.label(RichText::new(format!("“{}”", shorten(text, 120))).italics());
        });
        ui.label(
            RichText::new(format!("rule: {} · score {:.2}", s.rule, s.score))
                .small()
                .weak(),
        );
    }
    ui.separator();
}
