//! Help ▸ Keyboard shortcuts (F1) and Help ▸ About factmark.

use egui::{RichText, Ui};

/// Every key of the window, as the README's "Annotating" table lists them.
pub const SHORTCUTS: &[(&str, &[(&str, &str)])] = &[
    (
        "Select and tag",
        &[
            ("Drag", "select text, snapped to whole words"),
            ("Alt while dragging", "select exact characters"),
            ("Double-click · triple-click", "select a word · a paragraph"),
            ("Shift+click", "extend the selection"),
            ("1 · 2 · 3 · 4", "tag as Claim · Figure · Quote · Source"),
            ("Click a highlight", "select that annotation"),
            ("Del", "delete the selected annotation"),
            ("Shift+Alt+Left / Right", "move its end one character"),
            ("Shift+Alt+Up / Down", "move its start one character"),
            (
                "Esc",
                "close a menu, leave a text field, else clear the selection",
            ),
            ("Ctrl+C", "copy the selection"),
        ],
    ),
    (
        "Suggestions",
        &[
            ("Ctrl+Shift+S", "suggest annotations (offline)"),
            ("Enter · X", "accept · reject the current one"),
            ("N · P", "next · previous suggestion"),
        ],
    ),
    (
        "Find",
        &[
            ("Ctrl+F", "find in the article"),
            (
                "Enter · Shift+Enter",
                "next · previous match (in the field)",
            ),
            ("F3 · Shift+F3", "next · previous match"),
            ("Ctrl+G · Ctrl+Shift+G", "the same"),
            ("Alt+C · Alt+W", "match case · whole words"),
        ],
    ),
    (
        "Files and view",
        &[
            ("Ctrl+S", "save beside the article"),
            ("Ctrl+O · Ctrl+Shift+O", "open an article · annotations"),
            ("Ctrl+Z · Ctrl+Shift+Z or Ctrl+Y", "undo · redo"),
            ("Ctrl++ · Ctrl+- · Ctrl+0", "zoom in · out · actual size"),
            ("Ctrl+B", "hide or show the side panel"),
            ("Page Up/Down, Space, Home, End", "scroll the article"),
            ("F1", "this list"),
            ("Ctrl+Q", "quit"),
        ],
    ),
];

/// The shortcuts window's title, also its accessibility label.
pub const SHORTCUTS_TITLE: &str = "Keyboard shortcuts";

/// Shows the shortcuts window while `open`; its × closes it.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new(SHORTCUTS_TITLE)
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            let mac = matches!(ctx.os(), egui::os::OperatingSystem::Mac);
            // A small window scrolls the list rather than lose its foot.
            let height = (ctx.content_rect().height() - 220.0).max(100.0);
            egui::ScrollArea::vertical()
                .max_height(height)
                .show(ui, |ui| {
                    // One grid, so the columns line up across the groups.
                    egui::Grid::new("shortcuts")
                        .num_columns(2)
                        .spacing([24.0, 4.0])
                        .show(ui, |ui| {
                            for (group, keys) in SHORTCUTS {
                                ui.label(RichText::new(*group).strong().size(15.0));
                                ui.end_row();
                                for (key, what) in *keys {
                                    let key = if mac {
                                        key.replace("Ctrl+", "Cmd+")
                                    } else {
                                        (*key).to_owned()
                                    };
                                    ui.label(RichText::new(key).strong());
                                    ui.label(*what);
                                    ui.end_row();
                                }
                            }
                        });
                });
            ui.add_space(4.0);
            ui.label(RichText::new("Esc or F1 closes this list.").weak());
        });
}

/// Help ▸ About: what factmark is, its version, where its files go.
pub fn about(ui: &mut Ui) {
    ui.label(RichText::new(format!("factmark {}", env!("CARGO_PKG_VERSION"))).strong());
    ui.label("Tag claims, figures, quotes and sources in news articles, offline.");
    ui.label("Annotations are saved as X.annotations.ron beside article X.");
}
