//! The menu bar, the tag bar and the status bar.

use egui::{Button, RichText, Ui};

use crate::app::{Action, AppState};
use crate::model::Tag;
use crate::ui::{
    FIND, FIND_NEXT, FIND_PREVIOUS, OPEN, OPEN_SET, QUIT, REDO, SAVE, Settings, ThemeChoice, UNDO,
    theme,
};

pub fn menu_bar(
    ui: &mut Ui,
    state: &AppState,
    settings: &mut Settings,
    shortcuts_open: &mut bool,
    actions: &mut Vec<Action>,
) {
    let shortcut = |s| ui.ctx().format_shortcut(&s);
    let (open, open_set, save, undo, redo, quit) = (
        shortcut(OPEN),
        shortcut(OPEN_SET),
        shortcut(SAVE),
        shortcut(UNDO),
        shortcut(REDO),
        shortcut(QUIT),
    );
    let (find, next, previous) = (shortcut(FIND), shortcut(FIND_NEXT), shortcut(FIND_PREVIOUS));
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(Button::new("Open article…").shortcut_text(&open))
                .clicked()
            {
                actions.push(Action::RequestOpenArticle);
            }
            if ui
                .add(Button::new("Open annotations…").shortcut_text(&open_set))
                .clicked()
            {
                actions.push(Action::RequestOpenSet);
            }
            ui.menu_button("Recent files", |ui| {
                if state.recent.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for (path, label) in state.recent.iter().zip(recent_labels(&state.recent)) {
                    let button = ui.button(label).on_hover_text(path.display().to_string());
                    if button.clicked() {
                        actions.push(Action::Open(path.clone()));
                    }
                }
            });
            ui.menu_button("Export", |ui| {
                for format in crate::io::ExportFormat::ALL {
                    let label = match format {
                        crate::io::ExportFormat::Json => "W3C Web Annotation (JSON)…",
                        crate::io::ExportFormat::Csv => "Spreadsheet (CSV)…",
                        crate::io::ExportFormat::Markdown => "Report (Markdown)…",
                        crate::io::ExportFormat::Html => "Web page (HTML)…",
                        crate::io::ExportFormat::Brat => "brat standoff…",
                        crate::io::ExportFormat::Doccano => "doccano (JSONL)…",
                        crate::io::ExportFormat::LabelStudio => "Label Studio (JSON)…",
                    };
                    if ui.button(label).clicked() {
                        actions.push(Action::RequestExport(format));
                    }
                }
            });
            if ui.button("Import annotations…").clicked() {
                actions.push(Action::RequestImport);
            }
            ui.separator();
            if ui.add(Button::new("Save").shortcut_text(&save)).clicked() {
                actions.push(Action::Save);
            }
            if ui.button("Save as…").clicked() {
                actions.push(Action::SaveAs);
            }
            ui.separator();
            if ui.add(Button::new("Quit").shortcut_text(&quit)).clicked() {
                actions.push(Action::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            let can_undo = state.doc.history.can_undo();
            let can_redo = state.doc.history.can_redo();
            if ui
                .add_enabled(can_undo, Button::new("Undo").shortcut_text(&undo))
                .clicked()
            {
                actions.push(Action::Undo);
            }
            if ui
                .add_enabled(can_redo, Button::new("Redo").shortcut_text(&redo))
                .clicked()
            {
                actions.push(Action::Redo);
            }
            ui.separator();
            let selected = state.selected.is_some();
            if ui
                .add_enabled(
                    selected,
                    Button::new("Delete annotation").shortcut_text("Del"),
                )
                .clicked()
            {
                actions.push(Action::DeleteSelected);
            }
            ui.separator();
            let suggest = ui.ctx().format_shortcut(&crate::ui::SUGGEST);
            if ui
                .add_enabled(
                    !state.is_suggesting(),
                    Button::new("Suggest annotations").shortcut_text(suggest),
                )
                .clicked()
            {
                actions.push(Action::Suggest);
            }
            ui.separator();
            if ui.add(Button::new("Find…").shortcut_text(find)).clicked() {
                actions.push(Action::OpenFind);
            }
            let found = state.find.as_ref().is_some_and(|f| f.has_matches());
            if ui
                .add_enabled(found, Button::new("Find next").shortcut_text(next))
                .clicked()
            {
                actions.push(Action::FindStep(true));
            }
            if ui
                .add_enabled(found, Button::new("Find previous").shortcut_text(previous))
                .clicked()
            {
                actions.push(Action::FindStep(false));
            }
        });
        ui.menu_button("View", |ui| {
            if ui
                .add(Button::new("Zoom in").shortcut_text("Ctrl++"))
                .clicked()
            {
                egui::gui_zoom::zoom_in(ui.ctx());
            }
            if ui
                .add(Button::new("Zoom out").shortcut_text("Ctrl+-"))
                .clicked()
            {
                egui::gui_zoom::zoom_out(ui.ctx());
            }
            if ui
                .add(Button::new("Actual size").shortcut_text("Ctrl+0"))
                .clicked()
            {
                ui.ctx().set_zoom_factor(1.0);
            }
            ui.separator();
            ui.radio_value(&mut settings.theme, ThemeChoice::System, "Follow system");
            ui.radio_value(&mut settings.theme, ThemeChoice::Light, "Light");
            ui.radio_value(&mut settings.theme, ThemeChoice::Dark, "Dark");
            ui.separator();
            for tag in Tag::ALL {
                ui.checkbox(
                    &mut settings.visible[tag.index()],
                    format!("Show {}", tag.label()),
                );
            }
            ui.separator();
            let key = ui.ctx().format_shortcut(&crate::ui::SIDE_PANEL_KEY);
            if ui
                .add(Button::selectable(settings.side_panel, "Side panel").shortcut_text(key))
                .on_hover_text("Show or hide the annotation list")
                .clicked()
            {
                settings.side_panel = !settings.side_panel;
            }
        });
        ui.menu_button("Help", |ui| {
            if ui
                .add(Button::new(crate::ui::help::SHORTCUTS_TITLE).shortcut_text("F1"))
                .clicked()
            {
                *shortcuts_open = true;
            }
            ui.separator();
            crate::ui::help::about(ui);
        });
    });
}

/// The four tag buttons with their colors and keys; also the legend.
pub fn tag_bar(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let dark = ui.visuals().dark_mode;
    let target = state.selection.is_some() || state.selected.is_some();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Tag").strong());
        for tag in Tag::ALL {
            let current = state.selected_annotation().is_some_and(|a| a.tag == tag);
            let label = RichText::new(format!("{}  {}", tag.digit(), tag.label()))
                .color(theme::on_tag_color(dark));
            let button = Button::new(label)
                .fill(theme::tag_color(tag, dark))
                .selected(current);
            let response = ui
                .add_enabled(target, button)
                .on_hover_text(format!(
                    "Tag the selection as {} (key {})",
                    tag.label(),
                    tag.digit()
                ))
                .on_disabled_hover_text("Select text in the article first");
            if response.clicked() {
                actions.push(Action::ApplyTag(tag));
            }
        }
        ui.separator();
        let suggest = ui.ctx().format_shortcut(&crate::ui::SUGGEST);
        if state.is_suggesting() {
            ui.spinner();
            ui.label("Suggesting…");
        } else if ui
            .button("Suggest")
            .on_hover_text(format!(
                "Propose figures, quotes, sources and claims ({suggest})"
            ))
            .clicked()
        {
            actions.push(Action::Suggest);
        }
        ui.separator();
        // Keys typed into a field are text: the field's own hint first.
        let typing = crate::ui::text_field_focused(ui.ctx());
        let hint = if typing && state.selection.is_some() {
            "Esc leaves the text field; then 1–4 tag the selection"
        } else if typing && state.selected.is_some() {
            "Esc leaves the text field; then 1–4 re-tag the annotation"
        } else if typing {
            "Esc leaves the text field"
        } else if !state.suggestions.is_empty() {
            "Enter accept · X reject · N next · P previous"
        } else if state.selection.is_some() {
            "Press 1–4 to tag the selection"
        } else if state.selected.is_some() {
            "1–4 re-tag · Del delete · Esc clear"
        } else {
            "Drag across text to select it; double-click a word, triple-click a paragraph"
        };
        ui.label(RichText::new(hint).weak());
    });
}

/// The find bar over the article, while Find is open. `focus` (set when
/// Find is chosen) focuses the field and selects its text.
pub fn find_bar(ui: &mut Ui, state: &AppState, focus: &mut bool, actions: &mut Vec<Action>) {
    let Some(find) = &state.find else {
        return;
    };
    let id = egui::Id::unique("find-field");
    // The bar wraps in a narrow pane rather than widening it, which would
    // push the article under the side panel.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Find").strong());
        let mut query = find.query.clone();
        let field_width = (ui.available_width() - 60.0).clamp(80.0, 260.0);
        // Esc leaves the field here, keeping the match selected.
        let response = ui.add(crate::ui::escape_stays(
            egui::TextEdit::singleline(&mut query)
                .id(id)
                .hint_text("Find in the article")
                .desired_width(field_width),
        ));
        if std::mem::take(focus) {
            response.request_focus();
            select_all(ui.ctx(), id, &query);
        }
        if query != find.query {
            actions.push(Action::Find(query));
        }
        // Each Enter press with the Shift state it was pressed with: Shift
        // may be released before the frame ends (fast typing, xdotool,
        // remote desktops), so the frame's end state would step the wrong way.
        let (enters, escape) = ui.input(|i| {
            let enters: Vec<bool> = i
                .events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key: egui::Key::Enter,
                        pressed: true,
                        modifiers,
                        ..
                    } => Some(modifiers.shift),
                    _ => None,
                })
                .collect();
            (enters, i.key_pressed(egui::Key::Escape))
        });
        if response.lost_focus() && !enters.is_empty() {
            // Every press counts, even several in one frame.
            actions.extend(enters.into_iter().map(|shift| Action::FindStep(!shift)));
            response.request_focus();
        } else if response.has_focus() && escape {
            response.surrender_focus();
        }
        let mut options = state.find_options;
        let case = ui.ctx().format_shortcut(&crate::ui::MATCH_CASE);
        let words = ui.ctx().format_shortcut(&crate::ui::WHOLE_WORDS);
        ui.checkbox(&mut options.match_case, "Match case")
            .on_hover_text(format!("Upper and lower case differ ({case})"));
        ui.checkbox(&mut options.whole_words, "Whole words")
            .on_hover_text(format!("Not inside longer words ({words})"));
        if options != state.find_options {
            actions.push(Action::SetFindOptions(options));
        }
        let any = find.has_matches();
        let status = find.status();
        // An empty label would start a new row in the wrapped bar and put
        // the buttons over the field.
        if !status.is_empty() {
            if any {
                ui.label(status);
            } else {
                ui.colored_label(ui.visuals().warn_fg_color, status);
            }
        }
        let previous = ui.ctx().format_shortcut(&crate::ui::FIND_PREVIOUS);
        let next = ui.ctx().format_shortcut(&crate::ui::FIND_NEXT);
        if ui
            .add_enabled(any, Button::new("Previous").small())
            .on_hover_text(format!("Previous match (Shift+Enter, {previous})"))
            .clicked()
        {
            actions.push(Action::FindStep(false));
        }
        if ui
            .add_enabled(any, Button::new("Next").small())
            .on_hover_text(format!("Next match (Enter, {next})"))
            .clicked()
        {
            actions.push(Action::FindStep(true));
        }
        ui.add_enabled_ui(any, |ui| {
            ui.menu_button("Tag all", |ui| {
                for tag in Tag::ALL {
                    if ui.button(format!("as {tag}")).clicked() {
                        actions.push(Action::TagAllMatches(tag));
                    }
                }
            })
            .response
            .on_hover_text("Tag every match, as one step that Undo takes back");
        });
        if ui.small_button("×").on_hover_text("Close (Esc)").clicked() {
            actions.push(Action::CloseFind);
        }
        if any && !response.has_focus() {
            ui.label(RichText::new("1–4 tag the match").weak());
        }
    });
}

/// Selects all the text of the text field `id`.
fn select_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    if let Some(mut field) = egui::TextEdit::load_state(ctx, id) {
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        field.cursor.set_char_range(Some(all));
        field.store(ctx, id);
    }
}

pub fn status_bar(ui: &mut Ui, state: &AppState) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        match &state.doc.set_path {
            Some(path) if state.set_file_exists() => {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                ui.label(name).on_hover_text(path.display().to_string());
            }
            Some(path) => {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                ui.label(format!("{name} (new)"))
                    .on_hover_text(format!("Save creates {}", path.display()));
            }
            None => match &state.doc.unreadable_set {
                Some((path, _)) => {
                    let name = path.file_name().unwrap_or_default().to_string_lossy();
                    ui.label(format!("{name} (does not load)")).on_hover_text(format!(
                        "{} is not an annotation set for this article. Save asks where to save; a repaired file is loaded.",
                        path.display()
                    ));
                }
                None => {
                    ui.label(format!("{} (annotations not saved yet)", state.doc.name));
                }
            },
        }
        ui.separator();
        if state.is_dirty() {
            ui.label(RichText::new("• Unsaved changes").color(ui.visuals().warn_fg_color));
        } else if state.doc.set_on_disk() {
            ui.label("Saved");
        } else {
            // No set file yet and nothing to save: "Saved" would say a file
            // exists that does not.
            ui.label("No changes");
        }
        ui.separator();
        let counts = state.doc.set.counts();
        for tag in Tag::ALL {
            ui.label(
                RichText::new(format!("{} {}", counts[tag.index()], tag.label()))
                    .color(theme::tag_color(tag, dark)),
            );
        }
        let orphans = state.doc.set.orphans().len();
        if orphans > 0 {
            ui.label(
                RichText::new(format!("{orphans} orphaned")).color(ui.visuals().warn_fg_color),
            );
        }
        ui.separator();
        let article = &state.doc.article;
        let describe = |span: crate::model::Span| {
            let start = article.char_of_byte(span.start).unwrap_or(0);
            let end = article.char_of_byte(span.end).unwrap_or(0);
            let length = crate::plural(end - start, "character", "characters");
            format!("{start}–{end} ({length})")
        };
        if let Some(span) = state.selection {
            ui.label(format!("Selection {}", describe(span)));
        } else if let Some(a) = state.selected_annotation() {
            ui.label(format!("{} {}", a.tag.label(), describe(a.span)));
        } else {
            let length = crate::plural(article.char_len(), "character", "characters");
            ui.label(RichText::new(length).weak());
        }
    });
}

/// The article's metadata (from the page or document it came from), above
/// the text. Plain-text articles show nothing here: their date line is part
/// of the text. Every line wraps or is cut to the pane's width, so a long
/// address never widens the pane.
pub fn metadata(ui: &mut Ui, state: &AppState) {
    let meta = state.doc.article.meta();
    let date = meta
        .date
        .as_deref()
        .filter(|_| meta.format != crate::model::ArticleFormat::Text);
    let details: Vec<String> = [
        meta.byline
            .as_deref()
            .and_then(|name| byline(name, date.is_some())),
        date.map(readable_date),
        meta.site.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if meta.format == crate::model::ArticleFormat::Text && details.is_empty() && meta.url.is_none()
    {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(meta.format.label()).small().strong());
        ui.add(egui::Label::new(RichText::new(&meta.title).strong()).wrap());
    });
    if !details.is_empty() {
        ui.add(egui::Label::new(RichText::new(details.join(" · ")).weak()).wrap());
    }
    if let Some(url) = &meta.url {
        // One line, cut with an ellipsis; the whole address on hover.
        ui.add(egui::Label::new(RichText::new(url).weak()).truncate());
    }
    ui.separator();
}

/// "By Erin Cunningham", whether or not the byline already says "By"; a
/// byline that is really a date or a time (some pages put one there) is
/// shown as it is, or not at all beside the page's date.
fn byline(name: &str, dated_page: bool) -> Option<String> {
    let said = name
        .get(..3)
        .is_some_and(|start| start.eq_ignore_ascii_case("by "));
    let first = name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(['.', ',']);
    let dated = first.starts_with(|c: char| c.is_ascii_digit())
        || MONTHS
            .iter()
            .any(|m| first.eq_ignore_ascii_case(m) || first.eq_ignore_ascii_case(&m[..3]));
    if dated {
        (!dated_page).then(|| name.to_owned())
    } else if said {
        Some(name.to_owned())
    } else {
        Some(format!("By {name}"))
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A page's publication date as people write it (`3 January 2019`), from
/// the forms pages give (`2019-01-03T07:00:02.000Z`, `2019-04-28 06:01:07`,
/// `2019-04-28`); anything else as it is.
fn readable_date(raw: &str) -> String {
    let raw = raw.trim();
    // The date as the page wrote it, in its own offset; UTC only when the
    // page gave a UTC instant (`…Z`).
    let date = raw
        .parse::<jiff::civil::DateTime>()
        .map(|d| d.date())
        .or_else(|_| raw.parse::<jiff::civil::Date>())
        .or_else(|_| {
            raw.parse::<jiff::Timestamp>()
                .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
        });
    match date {
        Ok(date) => format!(
            "{} {} {}",
            date.day(),
            MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)],
            date.year()
        ),
        Err(_) => raw.to_owned(),
    }
}

/// The names Recent files shows: the file name, followed by its folder's
/// when another entry has the same name (two `article.txt` in two folders).
fn recent_labels(paths: &[std::path::PathBuf]) -> Vec<String> {
    let name = |p: &std::path::Path| {
        p.file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    paths
        .iter()
        .map(|path| {
            let own = name(path);
            let shared = paths.iter().filter(|p| name(p) == own).count() > 1;
            match path.parent().filter(|_| shared) {
                Some(folder) => format!("{own} — {}", folder.display()),
                None => own,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn files_of_the_same_name_are_told_apart_by_their_folder() {
        let paths: Vec<PathBuf> = ["/news/a/story.txt", "/news/b/story.txt", "/news/other.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(
            recent_labels(&paths),
            ["story.txt — /news/a", "story.txt — /news/b", "other.txt"]
        );
    }

    #[test]
    fn page_dates_read_as_dates() {
        assert_eq!(readable_date("2019-01-03T07:00:02.000Z"), "3 January 2019");
        assert_eq!(readable_date("2019-04-28 06:01:07"), "28 April 2019");
        assert_eq!(readable_date("2015-03-18"), "18 March 2015");
        assert_eq!(
            readable_date("2016-09-12T10:00:00-04:00"),
            "12 September 2016"
        );
        assert_eq!(readable_date("Tuesday"), "Tuesday");
    }

    #[test]
    fn a_byline_gets_by_unless_it_has_it_or_is_a_date() {
        let shown = |name: &str| byline(name, false).unwrap();
        assert_eq!(shown("Erin Cunningham"), "By Erin Cunningham");
        assert_eq!(shown("by Erin Cunningham"), "by Erin Cunningham");
        assert_eq!(
            shown("April 28, 2019 at 6:01 am Updated April 29, 2019"),
            "April 28, 2019 at 6:01 am Updated April 29, 2019"
        );
        assert_eq!(shown("28 April 2019"), "28 April 2019");
        assert_eq!(shown("Jan. 3, 2019"), "Jan. 3, 2019");
        assert_eq!(shown("Mayra Cuevas"), "By Mayra Cuevas");
        // Beside the page's own date, a date as byline would say it twice.
        assert_eq!(byline("April 28, 2019 at 6:01 am", true), None);
        assert_eq!(
            byline("Mayra Cuevas", true).as_deref(),
            Some("By Mayra Cuevas")
        );
    }
}
