//! The window, driven like a user with egui_kittest: pointer drags on the
//! words, key presses, menu clicks. Snapshots render on the CPU.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use factmark::app::dialogs::ScriptedDialogs;
use factmark::app::recovery::RecoveryFolder;
use factmark::model::{Annotation, AnnotationSet, Edit, Span, Tag};
use factmark::ui::{FactmarkApp, Startup, ThemeChoice};

const ARTICLE: &str = "belarus-2020-08-16.txt";

struct Desk {
    root: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

impl Desk {
    fn new() -> Self {
        let temp = tempfile::tempdir().unwrap();
        fs::write(temp.path().join(ARTICLE), factmark::SAMPLE_ARTICLE).unwrap();
        Self {
            root: temp.path().to_owned(),
            _temp: Some(temp),
        }
    }

    /// A desk in a folder someone else owns (the parent of a child process).
    fn at(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
            _temp: None,
        }
    }

    fn article(&self) -> PathBuf {
        self.root.join(ARTICLE)
    }

    fn set(&self) -> PathBuf {
        factmark::io::default_set_path(&self.article())
    }

    fn open(&self, path: &Path) -> Harness<'static, FactmarkApp> {
        self.open_with(path, ScriptedDialogs::default())
    }

    fn open_with(&self, path: &Path, dialogs: ScriptedDialogs) -> Harness<'static, FactmarkApp> {
        let path = path.to_owned();
        let recovery = RecoveryFolder::new(self.root.join("recovery"));
        let mut harness = Harness::builder()
            .with_size([1200.0, 800.0])
            .with_step_dt(0.05)
            .with_max_steps(40)
            .build_eframe(move |cc| {
                FactmarkApp::new(
                    cc,
                    Startup {
                        path: Some(path),
                        dialogs: Box::new(dialogs),
                        recovery,
                    },
                )
            });
        harness.run_ok();
        harness
    }
}

fn span_of(needle: &str) -> Span {
    let start = factmark::SAMPLE_ARTICLE.find(needle).unwrap();
    Span::new(start, start + needle.len())
}

/// Where a span is drawn, scrolling the article with the mouse wheel until
/// it is on screen.
fn on_screen(harness: &mut Harness<'static, FactmarkApp>, span: Span) -> Vec<egui::Rect> {
    for step in 0..40 {
        let rects = harness.state().text_rects(span);
        if !rects.is_empty() {
            return rects;
        }
        // Back to the top first, then down a little at a time.
        let dy = if step == 0 { 100_000.0 } else { -120.0 };
        harness.hover_at(Pos2::new(400.0, 400.0));
        harness.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        harness.run_ok();
    }
    panic!("{span:?} never came on screen");
}

/// Drags across the words of `needle` as they are drawn on screen.
fn drag_across(harness: &mut Harness<'static, FactmarkApp>, needle: &str) {
    let rects = on_screen(harness, span_of(needle));
    let first = rects.first().unwrap();
    let last = rects.last().unwrap();
    let from = Pos2::new(first.left() + 2.0, first.center().y);
    let to = Pos2::new(last.right() - 2.0, last.center().y);
    harness.hover_at(from);
    harness.drag_at(from);
    harness.hover_at(from + (to - from) * 0.5);
    harness.hover_at(to);
    harness.drop_at(to);
    harness.run_ok();
}

fn click_at(harness: &mut Harness<'static, FactmarkApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run_ok();
}

fn press(harness: &mut Harness<'static, FactmarkApp>, key: Key) {
    harness.key_press(key);
    harness.run_ok();
}

fn press_with(harness: &mut Harness<'static, FactmarkApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_ok();
}

fn annotations(harness: &Harness<'static, FactmarkApp>) -> Vec<(Tag, String)> {
    harness
        .state()
        .state
        .set()
        .annotations()
        .iter()
        .map(|a| (a.tag, a.quote.exact.clone()))
        .collect()
}

#[test]
fn the_status_bar_tells_no_changes_unsaved_changes_and_saved_apart() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    // The set beside the article does not exist yet.
    harness.get_by_label("belarus-2020-08-16.annotations.ron (new)");
    harness.get_by_label("No changes");
    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    harness.get_by_label("• Unsaved changes");
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Saved");
    harness.get_by_label("belarus-2020-08-16.annotations.ron");
    assert!(harness.query_by_label("No changes").is_none());
}

#[test]
fn drag_then_2_tags_a_figure_then_retag_delete_and_undo() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());

    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Figure, "80.1%".to_owned())]
    );
    // It is listed in the side panel and counted in the status bar.
    harness.get_by_label("80.1%");
    harness.get_by_label("1 Figure");

    // Click the highlight, press 3: it becomes a quote.
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().state.selected, None);
    let rect = on_screen(&mut harness, span_of("80.1%"))[0];
    click_at(&mut harness, rect.center());
    let id = harness.state().state.set().annotations()[0].id;
    assert_eq!(harness.state().state.selected, Some(id));
    press(&mut harness, Key::Num3);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Quote, "80.1%".to_owned())]
    );

    press(&mut harness, Key::Delete);
    assert!(annotations(&harness).is_empty());

    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Quote, "80.1%".to_owned())]
    );
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Figure, "80.1%".to_owned())]
    );
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Quote, "80.1%".to_owned())]
    );
}

#[test]
fn a_partial_drag_snaps_to_whole_words_and_alt_keeps_exact_characters() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    // From inside "Central" to inside "Commission".
    let span = span_of("Central Election Commission");
    let rects = on_screen(&mut harness, Span::new(span.start + 3, span.end - 4));
    let (from, to) = (rects[0].left_center(), rects[0].right_center());
    harness.hover_at(from);
    harness.drag_at(from);
    harness.hover_at(to);
    harness.drop_at(to);
    harness.run_ok();
    assert_eq!(harness.state().state.selection, Some(span));

    harness.hover_at(from);
    harness.drag_at(from);
    harness.event(Event::ModifiersChanged(Modifiers::ALT));
    harness.hover_at(to);
    harness.drop_at(to);
    harness.run_ok();
    let selection = harness.state().state.selection.unwrap();
    assert_eq!(
        &factmark::SAMPLE_ARTICLE[selection.range()],
        "tral Election Commis"
    );
}

#[test]
fn double_click_selects_a_word_triple_click_a_paragraph_and_shift_click_extends() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let at = on_screen(&mut harness, span_of("Tikhanovskaya insists"))[0].left_center()
        + egui::vec2(20.0, 0.0);
    let word = {
        let start = span_of("Tikhanovskaya insists").start;
        Span::new(start, start + "Tikhanovskaya".len())
    };
    let clicks = |harness: &mut Harness<'static, FactmarkApp>, n: usize| {
        for _ in 0..n {
            for pressed in [true, false] {
                harness.input_mut().events.push(Event::PointerButton {
                    pos: at,
                    button: PointerButton::Primary,
                    pressed,
                    modifiers: Modifiers::NONE,
                });
            }
        }
        harness.step();
        harness.run_ok();
    };
    harness.hover_at(at);
    clicks(&mut harness, 2);
    assert_eq!(harness.state().state.selection, Some(word));

    harness.step(); // let the double click expire
    std::thread::sleep(Duration::from_millis(10));
    clicks(&mut harness, 3);
    assert_eq!(
        harness.state().state.selection,
        Some(span_of(
            "But Ms Tikhanovskaya insists that where votes were properly counted, she won support ranging from 60% to 70%."
        ))
    );

    // Click on "But", then shift-click on "counted": one selection.
    press(&mut harness, Key::Escape);
    let but = on_screen(&mut harness, span_of("But Ms"))[0].left_center() + egui::vec2(3.0, 0.0);
    let counted = on_screen(&mut harness, span_of("counted,"))[0].center();
    click_at(&mut harness, but);
    harness.hover_at(counted);
    harness
        .input_mut()
        .events
        .extend([true, false].map(|pressed| Event::PointerButton {
            pos: counted,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::SHIFT,
        }));
    harness
        .input_mut()
        .events
        .insert(0, Event::ModifiersChanged(Modifiers::SHIFT));
    harness.step();
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run_ok();
    assert_eq!(
        harness.state().state.selection,
        Some(span_of(
            "But Ms Tikhanovskaya insists that where votes were properly counted"
        ))
    );
}

#[test]
fn a_double_clicked_percentage_is_tagged_with_its_sign() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let at = on_screen(&mut harness, span_of("80.1%"))[0].left_center() + egui::vec2(4.0, 0.0);
    harness.hover_at(at);
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.input_mut().events.push(Event::PointerButton {
                pos: at,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }
    harness.step();
    harness.run_ok();
    press(&mut harness, Key::Num2);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Figure, "80.1%".to_owned())]
    );
}

#[test]
fn ctrl_c_copies_the_selection() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    harness.event(Event::Copy);
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if t == "Amnesty International"));
    assert!(copied, "{:?}", harness.output().platform_output.commands);
}

#[test]
fn ctrl_s_saves_beside_the_article_and_reopening_gives_the_same_set() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    drag_across(&mut harness, "6,700");
    press(&mut harness, Key::Num2);
    assert!(harness.state().state.is_dirty());
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().state.is_dirty());
    assert!(desk.set().exists());
    let saved = harness.state().state.set().clone();
    drop(harness);

    let reopened = desk.open(&desk.set());
    assert_eq!(
        reopened.state().state.set().annotations(),
        saved.annotations()
    );
    let again = desk.open(&desk.article());
    assert_eq!(again.state().state.set().annotations(), saved.annotations());
}

/// Clicks the window's close button, as the window manager reports it.
fn close_window(harness: &mut Harness<'static, FactmarkApp>) {
    harness
        .input_mut()
        .viewports
        .get_mut(&egui::ViewportId::ROOT)
        .unwrap()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_ok();
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);

    close_window(&mut harness);
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert!(harness.query_by_label("Save changes?").is_none());
    assert!(!harness.state().state.quit_confirmed);

    close_window(&mut harness);
    harness.get_by_label("Save").click();
    harness.run_ok();
    assert!(harness.state().state.quit_confirmed);
    assert!(desk.set().exists(), "Save in the prompt saves");
}

#[test]
fn dont_save_closes_without_writing() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label_contains("Quit").click();
    harness.run_ok();
    harness.get_by_label("Don't save").click();
    harness.run_ok();
    assert!(harness.state().state.quit_confirmed);
    assert!(!desk.set().exists());
}

#[test]
fn unsaved_work_comes_back_from_the_recovery_file() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    harness.state_mut().state.recovery_interval = Duration::ZERO;
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    // The file is written on a worker thread: let frames pass until it
    // holds both edits.
    let folder = desk.root.join("recovery");
    let holds_both = || {
        fs::read_dir(&folder).is_ok_and(|d| {
            d.flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let text = fs::read_to_string(e.path()).unwrap_or_default();
                name.ends_with(".recovery.ron")
                    && text.contains("Amnesty International")
                    && text.contains("80.1%")
            })
        })
    };
    let written = (0..500).any(|_| {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
        holds_both()
    });
    assert!(written, "no recovery file in {}", folder.display());
    // The app "crashes": it is dropped without saving or quitting.
    drop(harness);
    assert!(!desk.set().exists());

    let mut harness = desk.open(&desk.article());
    harness.get_by_label("Recover unsaved work?");
    harness.get_by_label("Restore").click();
    harness.run_ok();
    let mut restored = annotations(&harness);
    restored.sort();
    assert_eq!(
        restored,
        vec![
            (Tag::Figure, "80.1%".to_owned()),
            (Tag::Source, "Amnesty International".to_owned())
        ]
    );
    assert!(
        harness.state().state.is_dirty(),
        "restored work is not saved yet"
    );
}

#[test]
fn an_article_that_cannot_be_opened_at_start_says_the_sample_is_shown() {
    let desk = Desk::new();
    let empty = desk.root.join("empty.txt");
    fs::write(&empty, "").unwrap();
    let mut harness = desk.open(&empty);
    harness.get_by_label_contains("empty.txt: the file is empty");
    harness.get_by_label_contains("The sample article is shown instead");
    // Once an article opens, that no longer holds.
    let article = desk.article();
    harness.state_mut().state.open(&article);
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("The sample article is shown instead")
            .is_none()
    );
}

#[test]
fn an_unreadable_set_shows_an_error_and_is_not_overwritten() {
    let desk = Desk::new();
    fs::write(
        desk.set(),
        "(format: \"factmark.annotations\", version: 1, oops",
    )
    .unwrap();
    let mut harness = desk.open(&desk.article());
    harness.get_by_label_contains("not a valid annotation set");
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(
        fs::read_to_string(desk.set()).unwrap(),
        "(format: \"factmark.annotations\", version: 1, oops"
    );
}

#[test]
fn orphans_are_listed_and_can_be_reattached() {
    let desk = Desk::new();
    write_set(
        &desk,
        &[
            (Tag::Figure, "80.1%"),
            (Tag::Source, "Amnesty International"),
        ],
    );
    fs::write(
        desk.article(),
        factmark::SAMPLE_ARTICLE.replace("80.1%", "80.10%"),
    )
    .unwrap();
    let mut harness = desk.open(&desk.set());
    harness.get_by_label_contains("could not be found");
    harness.get_by_label("Orphans (1)");
    let span = {
        let text = harness.state().state.doc.text().to_owned();
        let start = text.find("80.10%").unwrap();
        Span::new(start, start + "80.10%".len())
    };
    let rects = on_screen(&mut harness, span);
    let (from, to) = (
        rects[0].left_center() + egui::vec2(1.0, 0.0),
        rects[0].right_center(),
    );
    harness.hover_at(from);
    harness.drag_at(from);
    harness.hover_at(to);
    harness.drop_at(to);
    harness.run_ok();
    harness.get_by_label("Re-attach to selection").click();
    harness.run_ok();
    assert!(harness.state().state.set().orphans().is_empty());
    assert!(
        harness
            .query_by_label_contains("could not be found")
            .is_none(),
        "the warning goes with the last orphan"
    );
    assert!(annotations(&harness).contains(&(Tag::Figure, "80.10%".to_owned())));
}

/// Saves a set with annotations on the given texts, as if made earlier.
fn write_set(desk: &Desk, tags: &[(Tag, &str)]) {
    let (article, _) = factmark::io::open_article(&desk.article()).unwrap();
    let mut set = AnnotationSet::new();
    let now = jiff::Timestamp::from_second(1_764_000_000).unwrap();
    for (tag, needle) in tags {
        let id = set.allocate_id();
        let mut a = Annotation::new(id, *tag, span_of(needle), article.text(), now);
        if *tag == Tag::Claim {
            a.note = "Check against the commission's figures".to_owned();
        }
        set.apply(&Edit::Add(a), article.text()).unwrap();
    }
    factmark::io::save_set(&desk.set(), &desk.article(), &article, &set).unwrap();
}

fn snapshot(theme: ThemeChoice, name: &str) {
    let desk = Desk::new();
    write_set(
        &desk,
        &[
            (
                Tag::Claim,
                "Mr Lukashenko, who has been in power since 1994, won 80.1% of the vote",
            ),
            (Tag::Figure, "80.1%"),
            (Tag::Source, "The Central Election Commission"),
            (Tag::Quote, "\"neither free nor fair\""),
            (Tag::Figure, "60% to 70%"),
        ],
    );
    let mut harness = desk.open(&desk.set());
    harness.state_mut().settings.theme = theme;
    harness.run_ok();
    let id = harness.state().state.set().annotations()[1].id;
    harness.state_mut().state.selected = Some(id);
    harness.run_ok();
    harness.snapshot_options(
        name,
        &SnapshotOptions::new().threshold(1.0).max_failed_pixels(200),
    );
}

#[test]
fn snapshot_light() {
    snapshot(ThemeChoice::Light, "window_light");
}

#[test]
fn snapshot_dark() {
    snapshot(ThemeChoice::Dark, "window_dark");
}

/// The find bar over annotations: every match marked, the current one
/// outlined, tags still visible on the matches they cover.
#[test]
fn snapshot_find() {
    let desk = Desk::new();
    write_set(
        &desk,
        &[
            (Tag::Source, "The Central Election Commission"),
            (Tag::Source, "Mr Lukashenko"),
        ],
    );
    let mut harness = desk.open(&desk.set());
    harness.state_mut().settings.theme = ThemeChoice::Light;
    harness.run_ok();
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "lukashenko");
    press(&mut harness, Key::Enter);
    harness.get_by_label("2 of 8");
    harness.snapshot_options(
        "window_find",
        &SnapshotOptions::new().threshold(1.0).max_failed_pixels(200),
    );
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_on_the_window_opens_it() {
    let desk = Desk::new();
    let other = desk.root.join("other.md");
    fs::write(
        &other,
        "# A dropped draft\n\nThe mayor said 40% of roads were repaired.\n",
    )
    .unwrap();
    let mut harness = desk.open(&desk.article());
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(other.clone())));
    harness.run_ok();
    assert_eq!(
        harness.state().state.doc.article_path.as_deref(),
        Some(other.as_path())
    );
    assert_eq!(
        harness.state().state.title(),
        "A dropped draft — other.md — factmark"
    );
}

#[test]
fn a_new_article_opens_at_its_top_not_where_the_last_one_was_read() {
    let desk = Desk::new();
    let (long, _) = long_article(&desk);
    let mut harness = desk.open(&desk.article());
    press(&mut harness, Key::End);
    assert!(
        harness.state().state.view_top > 0,
        "the test needs a scrolled view"
    );
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(long)));
    harness.run_ok();
    let first = Span::new(0, "Paragraph 0".len());
    assert!(
        !harness.state().text_rects(first).is_empty(),
        "the long article's first paragraph is not on screen"
    );
}

#[test]
fn clicking_a_list_entry_scrolls_to_the_annotation_and_selects_it() {
    let desk = Desk::new();
    write_set(&desk, &[(Tag::Source, "Officials"), (Tag::Figure, "80.1%")]);
    let mut harness = desk.open(&desk.set());
    let officials = span_of("Officials");
    assert!(
        harness.state().text_rects(officials).is_empty(),
        "starts off screen"
    );
    harness.get_by_label("Officials").click();
    harness.run_ok();
    let id = harness.state().state.set().annotations()[1].id;
    assert_eq!(harness.state().state.selected, Some(id));
    assert!(
        !harness.state().text_rects(officials).is_empty(),
        "scrolled into view"
    );
}

#[test]
fn selecting_from_the_list_does_not_move_the_list_under_the_pointer() {
    let desk = Desk::new();
    let long = "Some 6,700 people were arrested in the wake of the election, and many have \
                spoken of torture at the hands of the security services.";
    write_set(
        &desk,
        &[
            (Tag::Source, "Officials"),
            (Tag::Figure, "80.1%"),
            (Tag::Claim, long),
        ],
    );
    let mut harness = desk.open(&desk.set());
    let top = |harness: &Harness<'static, FactmarkApp>, label: &str| {
        harness.get_by_label(label).rect().top()
    };
    let before = top(&harness, "80.1%");
    harness.get_by_label("80.1%").click();
    harness.run_ok();
    assert!(harness.state().state.selected.is_some());
    assert_eq!(
        top(&harness, "80.1%"),
        before,
        "a short annotation selected"
    );
    // A long text scrolls inside the editor instead of growing it.
    harness.get_by_label_contains("Some 6,700 people").click();
    harness.run_ok();
    assert_eq!(top(&harness, "80.1%"), before, "a long annotation selected");
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().state.selected, None);
    assert_eq!(top(&harness, "80.1%"), before, "nothing selected");
}

#[test]
fn the_side_panel_gives_way_in_a_narrow_window() {
    let desk = Desk::new();
    write_set(&desk, &[(Tag::Figure, "80.1%")]);
    let mut harness = desk.open(&desk.set());
    harness.set_size(egui::vec2(640.0, 400.0));
    harness.run_ok();
    let entry = harness.get_by_label("80.1%").rect().top();
    harness.get_by_label("80.1%").click();
    harness.run_ok();
    // The editor's rows wrap alike with and without a selection.
    assert_eq!(harness.get_by_label("80.1%").rect().top(), entry);
    // The editor's button starts at the panel's left edge.
    let panel = 640.0 - harness.get_by_label("Delete annotation").rect().left();
    assert!(
        panel <= 0.45 * 640.0,
        "the side panel takes {panel} of 640 points"
    );
    // The article keeps the rest, and the revealed words are on screen.
    assert!(!harness.state().text_rects(span_of("80.1%")).is_empty());
}

/// Where the side panel begins: its filter field's left edge.
fn side_panel_left(harness: &Harness<'static, FactmarkApp>) -> f32 {
    harness.get_by_label("Delete annotation").rect().left()
}

#[test]
fn the_side_panel_gets_its_width_back_when_the_window_does() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let wide = 1200.0 - side_panel_left(&harness);
    harness.set_size(egui::vec2(500.0, 400.0));
    harness.run_ok();
    assert!(
        500.0 - side_panel_left(&harness) < wide - 50.0,
        "the test needs a squeezed panel"
    );
    harness.set_size(egui::vec2(1200.0, 800.0));
    harness.run_ok();
    let back = 1200.0 - side_panel_left(&harness);
    assert!(
        (back - wide).abs() < 2.0,
        "the panel was {wide} wide, now {back}"
    );
}

#[test]
fn only_a_drag_sets_the_side_panel_width_that_is_kept() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let wide = 1200.0 - side_panel_left(&harness);
    // The panel's edge is its inner margin left of its contents.
    let edge = Pos2::new(side_panel_left(&harness) - 8.0, 500.0);
    harness.hover_at(edge);
    harness.drag_at(edge);
    harness.hover_at(edge + egui::vec2(30.0, 0.0));
    harness.hover_at(edge + egui::vec2(60.0, 0.0));
    harness.drop_at(edge + egui::vec2(60.0, 0.0));
    harness.run_ok();
    let chosen = 1200.0 - side_panel_left(&harness);
    assert!(
        (chosen - (wide - 60.0)).abs() < 3.0,
        "dragged from {wide} to {chosen}"
    );
    let kept = harness.state().settings.side_panel_width;

    // Window resizes, down to a tiny one, leave the choice alone.
    for (w, h) in [
        (420.0, 300.0),
        (1440.0, 900.0),
        (570.0, 400.0),
        (1200.0, 800.0),
    ] {
        harness.set_size(egui::vec2(w, h));
        harness.run_ok();
        assert_eq!(
            harness.state().settings.side_panel_width,
            kept,
            "at {w}×{h}"
        );
    }
    let back = 1200.0 - side_panel_left(&harness);
    assert!((back - chosen).abs() < 2.0, "chosen {chosen}, now {back}");
}

#[test]
fn escape_closes_an_open_menu_and_keeps_the_selection() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    assert!(harness.state().state.selection.is_some());
    for menu in ["File", "Edit", "View"] {
        harness.get_by_label(menu).click();
        harness.run_ok();
        let item = match menu {
            "File" => "Save as…",
            "Edit" => "Find next",
            _ => "Zoom in",
        };
        assert!(
            harness.query_by_label_contains(item).is_some(),
            "{menu} opened"
        );
        press(&mut harness, Key::Escape);
        assert!(
            harness.query_by_label_contains(item).is_none(),
            "Escape closed {menu}"
        );
        assert!(
            harness.state().state.selection.is_some(),
            "the first Escape is the menu's"
        );
    }
}

#[test]
fn f1_and_the_help_menu_list_the_keyboard_shortcuts() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::F1);
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Shift+Alt+Left / Right");
    harness.get_by_label("tag as Claim · Figure · Quote · Source");
    // Esc closes the list first; the selection stays.
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label("Shift+Alt+Left / Right").is_none());
    assert!(harness.state().state.selection.is_some());

    harness.get_by_label("Help").click();
    harness.run_ok();
    harness.get_by_label_contains("factmark 0.");
    harness.get_by_label_contains("Keyboard shortcuts").click();
    harness.run_ok();
    harness.get_by_label("Shift+Alt+Left / Right");
    press(&mut harness, Key::F1);
    assert!(harness.query_by_label("Shift+Alt+Left / Right").is_none());
}

#[test]
fn ctrl_b_hides_and_shows_the_side_panel() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let word = span_of("Belarusian President");
    let left = harness.state().text_rects(word)[0].left();
    press_with(&mut harness, Modifiers::COMMAND, Key::B);
    harness.run_ok();
    assert!(harness.query_by_label("Delete annotation").is_none());
    let moved = harness.state().text_rects(word)[0].left();
    assert!(moved > left, "the page is centred in the wider pane");
    press_with(&mut harness, Modifiers::COMMAND, Key::B);
    harness.run_ok();
    harness.get_by_label("Delete annotation");
}

#[test]
fn the_find_bar_wraps_in_a_narrow_pane_instead_of_pushing_the_article_aside() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    harness.set_size(egui::vec2(900.0, 700.0));
    harness.run_ok();
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "Lukashenko");
    let panel = side_panel_left(&harness);
    let close = harness.get_by_label("×").rect();
    assert!(
        close.right() <= panel,
        "the find bar's × at {close:?} is under the side panel at {panel}"
    );
    let words = harness.state().text_rects(span_of("Belarusian President"));
    assert!(
        words.iter().all(|r| r.right() <= panel),
        "{words:?} under the side panel at {panel}"
    );
}

#[test]
fn end_and_home_keys_scroll_the_article() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let last_words = span_of("a week after the contested election");
    assert!(harness.state().text_rects(last_words).is_empty());
    press(&mut harness, Key::End);
    assert!(!harness.state().text_rects(last_words).is_empty());
    press(&mut harness, Key::Home);
    assert!(
        !harness
            .state()
            .text_rects(span_of("Belarusian President"))
            .is_empty()
    );
}

#[test]
fn hovering_a_highlight_shows_its_tags_and_notes() {
    let desk = Desk::new();
    write_set(
        &desk,
        &[
            (Tag::Claim, "won 80.1% of the vote"),
            (Tag::Figure, "80.1%"),
        ],
    );
    let mut harness = desk.open(&desk.set());
    let note = "Check against the commission's figures";
    // The note is in the side panel's list once; the tooltip adds it again.
    assert_eq!(harness.get_all_by_label(note).count(), 1);
    let at = harness.state().text_rects(span_of("80.1%"))[0].center();
    harness.hover_at(at);
    for _ in 0..30 {
        harness.step(); // tooltips wait for the pointer to rest
    }
    assert_eq!(harness.get_all_by_label(note).count(), 2);
}

const CHILD_ENV: &str = "FACTMARK_GUI_CHILD";

/// Runs the test `name` again in a child process, with `env` set to the
/// desk `root` so that it plays the child's part; returns the child and
/// whether it printed READY (false when it ended without).
fn spawn_child_app(name: &str, env: &str, root: &Path) -> (std::process::Child, bool) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture"])
        .env(env, root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("READY"));
    (child, ready)
}

/// The child side: tag two spans, wait for the recovery file, say READY
/// and wait to be killed.
fn annotate_until_killed(root: &Path) -> ! {
    let desk = Desk::at(root);
    let mut harness = desk.open(&desk.article());
    harness.state_mut().state.recovery_interval = Duration::from_millis(100);
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    let folder = root.join("recovery");
    for step in 0.. {
        assert!(step < 3_000, "no recovery file after a minute");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
        let written = fs::read_dir(&folder).is_ok_and(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(".recovery.ron"))
        });
        if written {
            break;
        }
    }
    // One more interval, so the latest edit is in the file.
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..10 {
        harness.step();
        std::thread::sleep(Duration::from_millis(30));
    }
    println!("READY");
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

#[test]
fn unsaved_work_survives_killing_the_app_process() {
    if let Ok(root) = std::env::var(CHILD_ENV) {
        annotate_until_killed(Path::new(&root));
    }
    let desk = Desk::new();
    let (mut child, ready) = spawn_child_app(
        "unsaved_work_survives_killing_the_app_process",
        CHILD_ENV,
        &desk.root,
    );
    child.kill().unwrap(); // SIGKILL: no chance to save or clean up
    child.wait().unwrap();
    assert!(ready, "the child app never reported its edits");
    assert!(!desk.set().exists(), "nothing was saved");

    let mut harness = desk.open(&desk.article());
    harness.get_by_label("Recover unsaved work?");
    harness.get_by_label("Restore").click();
    harness.run_ok();
    let mut restored = annotations(&harness);
    restored.sort();
    assert_eq!(
        restored,
        vec![
            (Tag::Figure, "80.1%".to_owned()),
            (Tag::Source, "Amnesty International".to_owned())
        ]
    );
}

const TERM_CHILD_ENV: &str = "FACTMARK_GUI_TERM_CHILD";

/// The child side: tag two spans (long before the recovery timer would
/// write them), catch SIGTERM as the binary does, say READY and draw
/// frames until the app lets the window close.
#[cfg(unix)]
fn annotate_until_terminated(root: &Path) -> ! {
    let desk = Desk::at(root);
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    factmark::ui::termination::install(harness.ctx.clone());
    println!("READY");
    for _ in 0..3_000 {
        harness.step();
        if harness.state().state.quit_confirmed {
            std::process::exit(0);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("SIGTERM never closed the window");
}

/// The child app of the test `name`, with two unsaved annotations, gets
/// `signal`: it writes its recovery file and ends by itself, and the work
/// comes back at the next start.
#[cfg(unix)]
fn ended_by(signal: &str, name: &str) {
    if let Ok(root) = std::env::var(TERM_CHILD_ENV) {
        annotate_until_terminated(Path::new(&root));
    }
    let desk = Desk::new();
    let (mut child, ready) = spawn_child_app(name, TERM_CHILD_ENV, &desk.root);
    assert!(ready, "the child app never reported its edits");
    let sent = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "the app did not end by itself: {status}");
    assert!(!desk.set().exists(), "nothing was saved");

    let mut harness = desk.open(&desk.article());
    harness.get_by_label("Recover unsaved work?");
    harness.get_by_label("Restore").click();
    harness.run_ok();
    assert_eq!(annotations(&harness).len(), 2);
}

#[cfg(unix)]
#[test]
fn sigterm_writes_the_unsaved_work_to_the_recovery_file_and_closes() {
    ended_by(
        "-TERM",
        "sigterm_writes_the_unsaved_work_to_the_recovery_file_and_closes",
    );
}

/// SIGHUP: the terminal factmark was started from is closed.
#[cfg(unix)]
#[test]
fn sighup_writes_the_unsaved_work_to_the_recovery_file_and_closes() {
    ended_by(
        "-HUP",
        "sighup_writes_the_unsaved_work_to_the_recovery_file_and_closes",
    );
}

#[test]
fn a_set_changed_on_disk_is_noticed_and_saving_asks_before_overwriting() {
    let desk = Desk::new();
    write_set(&desk, &[(Tag::Figure, "80.1%")]);
    let mut harness = desk.open(&desk.set());
    harness.state_mut().state.disk_check_interval = Duration::ZERO;
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);

    // Another program (a colleague's git pull) rewrites the set.
    std::thread::sleep(Duration::from_millis(20));
    write_set(
        &desk,
        &[
            (Tag::Figure, "80.1%"),
            (Tag::Quote, "\"neither free nor fair\""),
        ],
    );
    harness.run_ok();
    harness.get_by_label_contains("The annotation file changed on disk");

    // Saving does not silently overwrite: it asks.
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Overwrite the changed file?");
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    let on_disk = fs::read_to_string(desk.set()).unwrap();
    assert!(
        on_disk.contains("neither free nor fair"),
        "the other version is intact"
    );

    // Reload takes the version on disk.
    harness
        .get_by_label("Reload (drop my unsaved changes)")
        .click();
    harness.run_ok();
    let mut now = annotations(&harness);
    now.sort();
    assert_eq!(
        now,
        vec![
            (Tag::Figure, "80.1%".to_owned()),
            (Tag::Quote, "\"neither free nor fair\"".to_owned())
        ]
    );
}

#[test]
fn an_idle_window_notices_another_program_changing_its_set() {
    let desk = Desk::new();
    write_set(&desk, &[(Tag::Figure, "80.1%")]);
    let mut harness = desk.open(&desk.set());
    // Frames alone would not look at the disk for an hour: only the
    // watcher thread can bring the banner.
    harness.state_mut().state.disk_check_interval = Duration::from_secs(3600);
    harness.run_ok();
    std::thread::sleep(Duration::from_millis(20));
    write_set(
        &desk,
        &[
            (Tag::Figure, "80.1%"),
            (Tag::Quote, "\"neither free nor fair\""),
        ],
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while annotations(&harness).len() < 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "the change was never noticed"
        );
        std::thread::sleep(Duration::from_millis(100));
        harness.step();
    }
    harness.run_ok();
    // Nothing was unsaved, so the window took the file as it is, like an
    // editor: no question, one message, and the status says Saved.
    assert!(harness.query_by_label("Keep mine").is_none());
    harness.get_by_label_contains("which another program changed: 2 annotations now (was 1)");
    assert!(!harness.state().state.is_dirty());
    // The reload is one step that Undo takes back.
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Figure, "80.1%".to_owned())]
    );
    assert!(harness.state().state.is_dirty());
}

#[test]
fn keep_mine_then_overwrite_saves_the_window_version() {
    let desk = Desk::new();
    write_set(&desk, &[(Tag::Figure, "80.1%")]);
    let mut harness = desk.open(&desk.set());
    harness.state_mut().state.disk_check_interval = Duration::ZERO;
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    std::thread::sleep(Duration::from_millis(20));
    write_set(&desk, &[(Tag::Quote, "\"neither free nor fair\"")]);
    harness.run_ok();
    harness.get_by_label("Keep mine").click();
    harness.run_ok();
    assert!(harness.query_by_label("Keep mine").is_none());
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Overwrite the changed file?");
    harness.get_by_label("Overwrite").click();
    harness.run_ok();
    let on_disk = fs::read_to_string(desk.set()).unwrap();
    assert!(on_disk.contains("Amnesty International"));
    assert!(!on_disk.contains("neither free nor fair"));
    let backup = fs::read_to_string(factmark::io::store::backup_path(&desk.set())).unwrap();
    assert!(
        backup.contains("neither free nor fair"),
        "the replaced version is the .bak"
    );
}

#[test]
fn a_panic_in_a_frame_saves_the_work_to_the_recovery_file_and_says_where() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    harness.state_mut().panic_next_frame = true;
    harness.run_ok();
    let message = &harness.state().state.messages[0].text;
    assert!(message.contains("internal error"), "{message}");
    assert!(message.contains(".recovery.ron"), "{message}");
    let recovery = desk.root.join("recovery");
    assert_eq!(fs::read_dir(recovery).unwrap().count(), 1);
    // The window goes on working.
    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    assert_eq!(annotations(&harness).len(), 2);
}

/// Lets frames pass until the suggestions have arrived from the worker.
fn wait_for_suggestions(harness: &mut Harness<'static, FactmarkApp>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().state.is_suggesting() {
            harness.run_ok();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("suggestions never arrived");
}

#[test]
fn suggestions_are_accepted_with_enter_rejected_with_x_and_stay_rejected() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let count = harness.state().state.suggestions.len();
    assert!(count > 20, "only {count} suggestions on the sample");
    assert!(
        annotations(&harness).is_empty(),
        "suggestions are not annotations"
    );

    let first = *harness.state().state.current().unwrap();
    press(&mut harness, Key::Enter);
    let set = harness.state().state.set();
    assert!(
        set.contains(first.span, first.tag),
        "Enter accepts the current one"
    );
    assert_eq!(harness.state().state.suggestions.len(), count - 1);
    // The note's count follows.
    harness.get_by_label_contains(&format!("{} suggestions:", count - 1));
    assert!(
        harness
            .query_by_label_contains(&format!("{count} suggestions:"))
            .is_none()
    );

    let second = *harness.state().state.current().unwrap();
    press(&mut harness, Key::X);
    assert!(
        harness
            .state()
            .state
            .set()
            .is_rejected(second.span, second.tag)
    );
    assert!(
        !harness
            .state()
            .state
            .set()
            .contains(second.span, second.tag)
    );

    press(&mut harness, Key::N);
    press(&mut harness, Key::P);
    // Accepting is undoable like any edit.
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(annotations(&harness).is_empty());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    drop(harness);

    // Reopened, the rejected suggestion is not proposed again.
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let again = &harness.state().state.suggestions;
    assert!(
        !again
            .iter()
            .any(|s| s.span == second.span && s.tag == second.tag)
    );
    assert!(
        !again
            .iter()
            .any(|s| s.span == first.span && s.tag == first.tag)
    );
}

#[test]
fn only_the_surer_suggestions_hides_the_unsure_ones_and_brings_them_back() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let all = harness.state().state.suggestions.clone();
    assert!(
        all.iter().any(|s| s.score < 0.5),
        "the sample has unsure ones"
    );

    harness.get_by_label("Only the surer ones").click();
    harness.run_ok();
    let sure = &harness.state().state.suggestions;
    assert!(sure.iter().all(|s| s.score >= 0.5));
    assert_eq!(
        sure.len(),
        all.iter().filter(|s| s.score >= 0.5).count(),
        "only the unsure ones go"
    );
    assert!(harness.state().state.current().is_some());
    assert_eq!(
        harness.state().settings.min_suggestion_score,
        0.5,
        "remembered"
    );
    let hidden = all.len() - harness.state().state.suggestions.len();
    let said = format!("{hidden} less sure ones hidden");
    assert!(
        harness
            .state()
            .state
            .messages
            .iter()
            .any(|m| m.text.contains(&said)),
        "the window says how many it hides"
    );
    let counts = harness
        .state()
        .state
        .messages
        .iter()
        .filter(|m| m.text.contains("suggestions"))
        .count();
    assert_eq!(counts, 1, "in place of the count it gave before");

    // Unticked, the window suggests again and the hidden ones come back.
    harness.get_by_label("Only the surer ones").click();
    wait_for_suggestions(&mut harness);
    assert_eq!(harness.state().state.suggestions, all);
}

#[test]
fn edit_suggest_annotations_suggests_like_the_button() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    harness.get_by_label("Edit").click();
    harness.run_ok();
    harness.get_by_label_contains("Suggest annotations").click();
    wait_for_suggestions(&mut harness);
    assert!(harness.state().state.suggestions.len() > 20);
}

#[test]
fn accept_all_figures_is_one_undoable_step() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let figures = harness
        .state()
        .state
        .suggestions
        .iter()
        .filter(|s| s.tag == Tag::Figure)
        .count();
    harness
        .get_by_label(&format!("Accept all Figure ({figures})"))
        .click();
    harness.run_ok();
    assert_eq!(
        harness.state().state.set().counts()[Tag::Figure.index()],
        figures
    );
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(annotations(&harness).is_empty());
}

#[test]
fn suggest_says_why_nothing_is_left_to_review() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let total = harness.state().state.suggestions.len();
    for tag in Tag::ALL {
        let n = harness
            .state()
            .state
            .suggestions
            .iter()
            .filter(|s| s.tag == tag)
            .count();
        harness
            .get_by_label(&format!("Accept all {} ({n})", tag.label()))
            .click();
        harness.run_ok();
    }
    assert_eq!(annotations(&harness).len(), total);
    harness.get_by_label("All suggestions reviewed.");
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    assert!(harness.state().state.suggestions.is_empty());
    harness.get_by_label_contains(&format!(
        "No new suggestions: {total} are already annotated."
    ));
}

#[test]
fn a_set_whose_article_moved_finds_it_again_and_names_its_new_place() {
    let desk = Desk::new();
    write_set(
        &desk,
        &[
            (Tag::Figure, "80.1%"),
            (Tag::Source, "Amnesty International"),
        ],
    );
    let before = fs::read(desk.set()).unwrap();
    let moved = desk.root.join("texts").join("belarus.txt");
    fs::create_dir(moved.parent().unwrap()).unwrap();
    fs::rename(desk.article(), &moved).unwrap();

    let dialogs = ScriptedDialogs::answering([Some(moved.clone())]);
    let mut harness = desk.open_with(&desk.set(), dialogs);
    harness.get_by_label_contains("any more (moved, renamed or deleted)");
    harness.get_by_label("Find the article…").click();
    harness.run_ok();
    assert_eq!(
        annotations(&harness),
        vec![
            (Tag::Figure, "80.1%".to_owned()),
            (Tag::Source, "Amnesty International".to_owned()),
        ]
    );
    harness.get_by_label_contains("now names its article at");
    assert!(harness.query_by_label("Find the article…").is_none());

    // The set names the new place, and the old file is its backup.
    let written = fs::read_to_string(desk.set()).unwrap();
    assert!(
        written.contains("path: \"texts/belarus.txt\","),
        "{written}"
    );
    let backup = factmark::io::store::backup_path(&desk.set());
    assert_eq!(fs::read(backup).unwrap(), before);
    drop(harness);
    let harness = desk.open(&desk.set());
    assert_eq!(annotations(&harness).len(), 2);
    assert!(harness.state().state.messages.is_empty());
}

#[test]
fn finding_another_article_for_a_set_leaves_the_set_alone() {
    let desk = Desk::new();
    write_set(&desk, &[(Tag::Figure, "80.1%")]);
    let before = fs::read(desk.set()).unwrap();
    fs::remove_file(desk.article()).unwrap();
    let other = desk.root.join("other.txt");
    fs::write(&other, "A different story about the weather.").unwrap();

    let dialogs = ScriptedDialogs::answering([Some(other)]);
    let mut harness = desk.open_with(&desk.set(), dialogs);
    harness.get_by_label("Find the article…").click();
    harness.run_ok();
    harness.get_by_label_contains("is it the right article?");
    assert!(annotations(&harness).is_empty());
    assert_eq!(
        fs::read(desk.set()).unwrap(),
        before,
        "the set is untouched"
    );
    // The offer stays, to try again; opening the set again offers it once.
    harness.get_by_label("Find the article…");
    let set = desk.set();
    harness.state_mut().state.open(&set);
    harness.run_ok();
    harness.get_by_label("Find the article…");
}

#[test]
fn file_export_writes_the_chosen_format_into_the_chosen_folder() {
    let desk = Desk::new();
    write_set(
        &desk,
        &[
            (Tag::Figure, "80.1%"),
            (Tag::Source, "Amnesty International"),
        ],
    );
    let out = desk.root.join("exports");
    let dialogs = ScriptedDialogs::answering([Some(out.clone())]);
    let mut harness = desk.open_with(&desk.set(), dialogs);
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Export").hover();
    harness.run_ok();
    harness.get_by_label("Spreadsheet (CSV)…").click();
    harness.run_ok();
    let csv = fs::read_to_string(out.join("belarus-2020-08-16.csv")).unwrap();
    assert!(
        csv.contains("80.1%") && csv.contains("Amnesty International"),
        "{csv}"
    );
    harness.get_by_label_contains("Exported belarus-2020-08-16.csv");
}

#[test]
fn file_import_adds_brat_annotations_as_one_undoable_step() {
    let desk = Desk::new();
    let gold = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/articles/belarus-2020-08-16.ann");
    let dialogs = ScriptedDialogs::answering([Some(gold)]);
    let mut harness = desk.open_with(&desk.article(), dialogs);
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Import annotations…").click();
    harness.run_ok();
    assert_eq!(annotations(&harness).len(), 46);
    harness.get_by_label_contains("Imported 46 annotations");
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(annotations(&harness).is_empty());
}

#[test]
fn a_bad_import_in_the_window_does_not_point_to_a_command_line_flag() {
    let desk = Desk::new();
    let ann = desk.root.join("bad.ann");
    fs::write(&ann, "T1\tClaim 0 5\tWrong\n").unwrap();
    let dialogs = ScriptedDialogs::answering([Some(ann)]);
    let mut harness = desk.open_with(&desk.article(), dialogs);
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Import annotations…").click();
    harness.run_ok();
    let message = harness.state().state.messages.last().unwrap().text.clone();
    assert!(message.starts_with("Nothing was imported."), "{message}");
    assert!(message.contains("on the command line"), "{message}");
    assert!(
        !message.contains("or import with --skip-invalid"),
        "{message}"
    );
}

/// Byte spans of every case-insensitive occurrence of `needle` in the sample.
fn occurrences(needle: &str) -> Vec<Span> {
    let lower = factmark::SAMPLE_ARTICLE.to_lowercase();
    lower
        .match_indices(&needle.to_lowercase())
        .map(|(at, m)| Span::new(at, at + m.len()))
        .collect()
}

fn type_text(harness: &mut Harness<'static, FactmarkApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run_ok();
}

#[test]
fn ctrl_f_finds_enter_steps_and_a_tag_key_annotates_the_match() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let found = occurrences("lukashenko");
    assert_eq!(found.len(), 8);

    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "lukashenko");
    let state = &harness.state().state;
    assert_eq!(
        state.selection,
        Some(found[0]),
        "the first match is selected"
    );
    harness.get_by_label("1 of 8");

    // Enter and Shift+Enter step in the field, which keeps the keyboard:
    // Enter does not leave it and digits would type.
    press(&mut harness, Key::Enter);
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().state.selection, Some(found[2]));
    press_with(&mut harness, Modifiers::SHIFT, Key::Enter);
    assert_eq!(harness.state().state.selection, Some(found[1]));
    harness.get_by_label("2 of 8");
    assert!(
        !harness.state().text_rects(found[1]).is_empty(),
        "the match is scrolled into view"
    );

    // Esc leaves the field with the match still selected; 4 tags it.
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().state.selection, Some(found[1]));
    press(&mut harness, Key::Num4);
    let set = harness.state().state.set();
    assert!(set.contains(found[1], Tag::Source));
    assert_eq!(set.len(), 1);

    // F3 goes on to the next match, Shift+F3 back; 4 tags again.
    press(&mut harness, Key::F3);
    press(&mut harness, Key::F3);
    press_with(&mut harness, Modifiers::SHIFT, Key::F3);
    assert_eq!(harness.state().state.selection, Some(found[2]));
    press(&mut harness, Key::Num4);
    assert!(harness.state().state.set().contains(found[2], Tag::Source));
    assert_eq!(harness.state().state.set().len(), 2);

    // A query that finds nothing says so and drops the stale selection.
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "lukashenkoz");
    harness.get_by_label("No matches");
    assert_eq!(harness.state().state.selection, None);

    // Esc leaves the field, the next one deselects the annotation just
    // made, and the next (nothing selected) closes the bar.
    assert!(harness.state().state.selected.is_some());
    press(&mut harness, Key::Escape);
    assert!(harness.state().state.find.is_some());
    press(&mut harness, Key::Escape);
    assert!(harness.state().state.find.is_some());
    assert!(harness.state().state.selected.is_none());
    press(&mut harness, Key::Escape);
    assert!(harness.state().state.find.is_none());
    assert!(harness.query_by_label("No matches").is_none());

    // Ctrl+F opens it again; its × button closes it.
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(harness.state().state.find.is_some());
    harness.get_by_label("×").click();
    harness.run_ok();
    assert!(harness.state().state.find.is_none());
}

#[test]
fn shift_enter_steps_back_even_when_shift_is_up_by_the_end_of_the_frame() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let found = occurrences("lukashenko");
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "lukashenko");
    press(&mut harness, Key::Enter);
    press(&mut harness, Key::Enter);
    harness.get_by_label("3 of 8");

    // One frame (xdotool, a fast typist): Shift down, Enter pressed with
    // Shift, Enter up, Shift up. The press's own modifiers count.
    let enter = |pressed, modifiers| Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    };
    harness.input_mut().events.extend([
        Event::ModifiersChanged(Modifiers::SHIFT),
        enter(true, Modifiers::SHIFT),
        enter(false, Modifiers::SHIFT),
        Event::ModifiersChanged(Modifiers::NONE),
    ]);
    harness.step();
    harness.run_ok();
    assert_eq!(harness.state().state.selection, Some(found[1]));
    harness.get_by_label("2 of 8");
}

#[test]
fn find_pre_fills_the_selection_and_keeps_enter_from_accepting_suggestions() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let suggestions = harness.state().state.suggestions.len();
    assert!(suggestions > 0);

    // Ctrl+F over a selection searches for it.
    drag_across(&mut harness, "Putin");
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    let find = harness.state().state.find.clone().unwrap();
    assert_eq!(find.query, "Putin");
    let found = occurrences("putin");
    assert_eq!(find.matches.spans, found);
    assert_eq!(find.current_span(), Some(span_of("Putin")));

    // Enter in the find field steps to the next match; it accepts nothing.
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().state.selection, Some(found[1]));
    assert_eq!(harness.state().state.suggestions.len(), suggestions);
    assert!(annotations(&harness).is_empty());
    // Two presses in one frame (a fast typist, a held key) step twice.
    let enter = |pressed| Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    let events = [enter(true), enter(false), enter(true), enter(false)];
    harness.input_mut().events.extend(events);
    harness.step();
    harness.run_ok();
    assert_eq!(harness.state().state.selection, Some(found[1]));

    // Find again over another selection searches for that instead.
    press(&mut harness, Key::Escape);
    drag_across(&mut harness, "Saturday");
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    let find = harness.state().state.find.clone().unwrap();
    assert_eq!(find.query, "Saturday");
    assert_eq!(find.current_span(), Some(span_of("Saturday")));
}

#[test]
fn edit_find_opens_the_find_bar_ready_to_type() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    harness.get_by_label("Edit").click();
    harness.run_ok();
    harness.get_by_label_contains("Find…").click();
    harness.run_ok();
    type_text(&mut harness, "opposition");
    let found = occurrences("opposition");
    assert!(found.len() > 1);
    assert_eq!(harness.state().state.selection, Some(found[0]));

    harness.get_by_label("Edit").click();
    harness.run_ok();
    harness.get_by_label_contains("Find next").click();
    harness.run_ok();
    assert_eq!(harness.state().state.selection, Some(found[1]));
}

#[test]
fn find_searches_the_next_article_opened_under_it() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "putin");
    assert_eq!(
        harness
            .state()
            .state
            .find
            .as_ref()
            .unwrap()
            .matches
            .spans
            .len(),
        2
    );

    // A short article in which Putin comes later than in the sample.
    let other = desk.root.join("other.txt");
    fs::write(
        &other,
        "A much shorter text.\n\nIt names Putin once, near its end.\n",
    )
    .unwrap();
    harness.state_mut().state.open(&other);
    // Even before a frame has passed, Tag all tags this article's match.
    harness
        .state_mut()
        .state
        .apply(factmark::app::Action::TagAllMatches(Tag::Source));
    harness.run_ok();
    let state = &harness.state().state;
    let find = state.find.as_ref().expect("the bar stays open");
    assert_eq!(find.query, "putin");
    let at = "A much shorter text.\n\nIt names ".len();
    assert_eq!(find.matches.spans, [Span::new(at, at + 5)]);
    harness.get_by_label("1 of 1");
    assert!(state.set().contains(Span::new(at, at + 5), Tag::Source));
    assert_eq!(state.set().len(), 1);
}

#[test]
fn tag_all_tags_every_match_as_one_undoable_step() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let found = occurrences("lukashenko");
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "lukashenko");
    // One is tagged by hand first.
    press(&mut harness, Key::Escape);
    press(&mut harness, Key::Num4);
    assert_eq!(harness.state().state.set().len(), 1);

    harness.get_by_label("Tag all").click();
    harness.run_ok();
    harness.get_by_label("as Source").click();
    harness.run_ok();
    let set = harness.state().state.set();
    assert_eq!(set.len(), found.len());
    assert!(found.iter().all(|&span| set.contains(span, Tag::Source)));
    harness.get_by_label_contains("Tagged 7 matches as Source (1 already were)");

    // Again: nothing to add, and it says so.
    harness.get_by_label("Tag all").click();
    harness.run_ok();
    harness.get_by_label("as Source").click();
    harness.run_ok();
    assert_eq!(harness.state().state.set().len(), found.len());
    harness.get_by_label_contains("All 8 matches are already tagged Source");

    // One undo takes the seven back; the one tagged by hand stays.
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    let set = harness.state().state.set();
    assert_eq!(set.len(), 1);
    assert!(set.contains(found[0], Tag::Source));

    // A search cut off at the limit is refused rather than half tagged.
    let mut cut = harness.state().state.find.clone().unwrap();
    cut.matches.more = true;
    harness.state_mut().state.find = Some(cut);
    harness
        .state_mut()
        .state
        .apply(factmark::app::Action::TagAllMatches(Tag::Source));
    harness.run_ok();
    assert_eq!(harness.state().state.set().len(), 1);
    harness.get_by_label_contains("narrow the search to tag them all");
}

#[test]
fn match_case_and_whole_words_narrow_the_search_and_are_remembered() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "belarus");
    harness.get_by_label("1 of 6");

    // Whole words: not "Belarusian". In one frame, as a window on Linux
    // sends it, Alt+W also brings the text "w": it is not typed.
    harness.input_mut().events.extend([
        Event::ModifiersChanged(Modifiers::ALT),
        Event::Key {
            key: Key::W,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::ALT,
        },
        Event::Text("w".to_owned()),
    ]);
    harness.step();
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run_ok();
    assert_eq!(
        harness.state().state.find.as_ref().unwrap().query,
        "belarus"
    );
    harness.get_by_label("1 of 2");
    let whole: Vec<Span> = occurrences("belarus")
        .into_iter()
        .filter(|s| {
            let after = factmark::SAMPLE_ARTICLE[s.end..].chars().next();
            !after.is_some_and(char::is_alphanumeric)
        })
        .collect();
    assert_eq!(
        harness.state().state.find.as_ref().unwrap().matches.spans,
        whole
    );

    // Match case, by its button: the text always writes "Belarus".
    harness.get_by_label("Match case").click();
    harness.run_ok();
    harness.get_by_label("No matches");
    assert!(harness.state().settings.find_options.match_case);

    // Closed and opened again, the bar keeps both.
    press(&mut harness, Key::Escape);
    press(&mut harness, Key::Escape);
    assert!(harness.state().state.find.is_none());
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "Belarus");
    harness.get_by_label("1 of 2");
    let options = harness.state().state.find_options;
    assert!(options.match_case && options.whole_words);
}

#[test]
fn undo_brings_back_the_suggestion_it_had_accepted_or_rejected() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let all = harness.state().state.suggestions.clone();
    let first = *harness.state().state.current().unwrap();
    press(&mut harness, Key::Enter);
    let second = *harness.state().state.current().unwrap();
    press(&mut harness, Key::X);
    assert_eq!(harness.state().state.suggestions.len(), all.len() - 2);

    // Undoing the reject proposes the suggestion again, as the current one.
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().state.current(), Some(&second));
    harness.get_by_label_contains(&format!("{} suggestions:", all.len() - 1));
    // Undoing the accept too: the list is whole again.
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().state.suggestions, all);
    assert_eq!(harness.state().state.current(), Some(&first));
    // Redo closes them again.
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert!(!harness.state().state.suggestions.contains(&first));

    // Accept all of a tag, undone, brings them all back.
    let figures = all.iter().filter(|s| s.tag == Tag::Figure).count();
    assert!(figures > 3);
    harness
        .get_by_label_contains(&format!("Accept all Figure ({figures})"))
        .click();
    harness.run_ok();
    assert!(
        harness
            .state()
            .state
            .suggestions
            .iter()
            .all(|s| s.tag != Tag::Figure)
    );
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    let back = harness.state().state.suggestions.iter();
    assert_eq!(back.filter(|s| s.tag == Tag::Figure).count(), figures);
}

#[test]
fn dismissing_suggestions_or_opening_another_article_takes_their_note_away() {
    let desk = Desk::new();
    let other = desk.root.join("other.txt");
    fs::write(&other, "The mayor said 40% of roads were repaired.\n").unwrap();
    let mut harness = desk.open(&desk.article());
    let says_suggestions = |harness: &Harness<'static, FactmarkApp>| {
        harness
            .state()
            .state
            .messages
            .iter()
            .any(|m| m.text.contains("suggestions"))
    };
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    assert!(says_suggestions(&harness));
    harness.get_by_label("Dismiss").click();
    harness.run_ok();
    assert!(
        !says_suggestions(&harness),
        "dismissed with the suggestions"
    );

    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(other)));
    harness.run_ok();
    assert!(harness.state().state.suggestions.is_empty());
    assert!(
        !says_suggestions(&harness),
        "not about the article now open"
    );
}

#[test]
fn suggestions_start_where_the_journalist_is_reading() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press(&mut harness, Key::End);
    let top = harness.state().state.view_top;
    assert!(top > 0, "scrolled down");
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let state = &harness.state().state;
    let current = state.current().unwrap();
    assert!(current.span.start >= top, "not back at the top");
    assert!(
        state
            .suggestions
            .iter()
            .all(|s| s.span.start >= top || s.span.start < current.span.start),
        "the first one from the top of the view"
    );
}

#[test]
fn enter_in_the_save_changes_prompt_saves() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    close_window(&mut harness);
    harness.get_by_label("Save changes?");
    press(&mut harness, Key::Enter);
    assert!(harness.state().state.quit_confirmed);
    assert!(desk.set().exists(), "Enter is Save");
}

/// A long article of paragraphs of very different lengths, so that
/// estimated heights are off and measuring them moves things around.
fn long_article(desk: &Desk) -> (PathBuf, String) {
    let mut text = String::new();
    for i in 0..20_000 {
        let words = [3, 60, 8, 150, 1, 30][i % 6];
        text.push_str(&format!("Paragraph {i}: "));
        for w in 0..words {
            text.push_str(if w % 7 == 0 { "lengthy " } else { "word " });
        }
        text.push_str("\n\n");
    }
    text.push_str("The very last sentence of the article.\n");
    let path = desk.root.join("long.txt");
    fs::write(&path, &text).unwrap();
    (path, text)
}

#[test]
fn the_mouse_wheel_scrolls_a_long_article_while_its_layout_settles() {
    let desk = Desk::new();
    let (path, _) = long_article(&desk);
    let mut harness = desk.open(&path);
    assert!(
        !harness.state().view_is_settled(),
        "the test needs a layout still being measured"
    );
    harness.hover_at(Pos2::new(400.0, 400.0));
    for _ in 0..5 {
        harness.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    for _ in 0..20 {
        harness.step();
    }
    let top = harness.state().state.view_top;
    assert!(
        top > 0,
        "1000 points of wheel left the view at the first paragraph"
    );
}

#[test]
fn a_drag_selects_across_the_pieces_of_a_very_long_paragraph() {
    let desk = Desk::new();
    // One 200 KB paragraph: the view lays it out in pieces of at most 8 KiB.
    let text: String = (0..25_000).map(|i| format!("w{i} ")).collect();
    let path = desk.root.join("one-paragraph.txt");
    fs::write(&path, &text).unwrap();
    let mut harness = desk.open(&path);
    let find = |word: &str| {
        let start = text.find(&format!(" {word} ")).unwrap() + 1;
        Span::new(start, start + word.len())
    };
    // Words on either side of the first cut, near byte 8192.
    let (before, after) = (find("w1500"), find("w1600"));
    assert!(before.end < 8 * 1024 && after.start > 8 * 1024);
    // Scrolling down, the later word comes on screen with the earlier one.
    let to = *on_screen(&mut harness, after).last().unwrap();
    let from = harness.state().text_rects(before)[0];
    let (from, to) = (
        Pos2::new(from.left() + 1.0, from.center().y),
        Pos2::new(to.right() - 1.0, to.center().y),
    );
    harness.hover_at(from);
    harness.drag_at(from);
    harness.hover_at(to);
    harness.drop_at(to);
    harness.run_ok();
    assert_eq!(
        harness.state().state.selection,
        Some(Span::new(before.start, after.end))
    );
}

#[test]
fn end_on_a_long_article_stays_at_the_end_while_the_layout_settles() {
    let desk = Desk::new();
    let (path, text) = long_article(&desk);
    let mut harness = desk.open(&path);
    let start = text.find("The very last sentence").unwrap();
    let last = Span::new(start, text.len() - 1);
    harness.key_press(Key::End);
    harness.step();
    harness.step();
    assert!(
        !harness.state().view_is_settled(),
        "the test needs a layout still being measured"
    );
    let viewport_bottom = 800.0;
    let mut first_y = None;
    for frame in 0..5000 {
        harness.step();
        let rects = harness.state().text_rects(last);
        assert!(!rects.is_empty(), "frame {frame}: the end went off screen");
        let y = rects[0].top();
        assert!(
            y > viewport_bottom / 2.0,
            "frame {frame}: the last line is at {y}, with empty space below it"
        );
        let first = *first_y.get_or_insert(y);
        assert!(
            (y - first).abs() < 1.0,
            "frame {frame}: moved from {first} to {y}"
        );
        if harness.state().view_is_settled() {
            return;
        }
    }
    panic!("the layout never settled");
}

#[test]
fn an_article_with_right_to_left_text_warns_about_selecting_in_it() {
    let desk = Desk::new();
    let warns = |harness: &Harness<'static, FactmarkApp>| {
        harness
            .state()
            .state
            .messages
            .iter()
            .any(|m| m.text.contains("right-to-left text"))
    };
    let harness = desk.open(&desk.article());
    assert!(!warns(&harness), "not for the sample");
    let path = desk.root.join("mixed.txt");
    fs::write(&path, "Moscow said روسيا would respond.\n").unwrap();
    let harness = desk.open(&path);
    assert!(warns(&harness));
}

#[test]
fn keys_typed_while_a_file_dialog_is_open_do_not_reach_the_article() {
    let desk = Desk::new();
    let mut harness = desk.open_with(&desk.article(), ScriptedDialogs::held_open());
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label_contains("Save as").click();
    harness.run_ok();
    harness.get_by_label("Waiting for the file dialog…");
    // The user types a path meant for the dialog.
    for key in [Key::Num2, Key::Num1, Key::Delete] {
        press(&mut harness, key);
    }
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Source, "Amnesty International".to_owned())]
    );
}

#[test]
fn a_desktop_without_file_dialogs_says_so_instead_of_doing_nothing() {
    let desk = Desk::new();
    let mut harness = desk.open_with(&desk.article(), ScriptedDialogs::unavailable());
    press_with(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label_contains("Could not open a file dialog");
    assert_eq!(
        harness.state().state.doc.article_path.as_deref(),
        Some(desk.article().as_path()),
        "the article stays open"
    );
}

/// The note of the first annotation, as the set holds it.
fn first_note(harness: &Harness<'static, FactmarkApp>) -> String {
    harness.state().state.set().annotations()[0].note.clone()
}

#[test]
fn a_note_being_typed_is_saved_counts_as_unsaved_and_undoes_in_one_step() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().state.is_dirty());

    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .click();
    harness.run_ok();
    type_text(&mut harness, "Official ");
    type_text(&mut harness, "result");
    // The field still has the keyboard, and the note is already a change.
    assert!(harness.state().state.is_dirty());
    assert_eq!(first_note(&harness), "Official result");
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().state.is_dirty());
    let saved = fs::read_to_string(desk.set()).unwrap();
    assert!(saved.contains("note: \"Official result\""), "{saved}");

    // Typing on after the save is unsaved again: quitting asks.
    type_text(&mut harness, "s");
    assert!(harness.state().state.is_dirty());
    press_with(&mut harness, Modifiers::COMMAND, Key::Q);
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert!(!harness.state().state.quit_confirmed);

    // Out of the field, one Ctrl+Z takes the whole note back, the next
    // one the tag.
    harness.get_by_label("Selected").click();
    harness.run_ok();
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Figure, "80.1%".to_owned())]
    );
    assert_eq!(first_note(&harness), "");
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(annotations(&harness).is_empty());
}

#[test]
fn a_note_typed_and_erased_again_leaves_nothing_unsaved_and_no_undo_step() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .click();
    harness.run_ok();
    type_text(&mut harness, "xy");
    assert!(harness.state().state.is_dirty());
    press(&mut harness, Key::Backspace);
    press(&mut harness, Key::Backspace);
    assert_eq!(first_note(&harness), "");
    assert!(!harness.state().state.is_dirty(), "nothing changed");
    // Out of the field, Ctrl+Z takes back the tag, not an empty note step.
    harness.get_by_label("Selected").click();
    harness.run_ok();
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(annotations(&harness).is_empty());
}

#[test]
fn undo_and_redo_keys_in_a_text_field_leave_the_annotations_alone() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "80.1%");
    press(&mut harness, Key::Num2);
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num4);
    // Edit ▸ Undo acts on the annotations.
    harness.get_by_label("Edit").click();
    harness.run_ok();
    harness.get_by_label_contains("Undo").click();
    harness.run_ok();
    let one = vec![(Tag::Figure, "80.1%".to_owned())];
    assert_eq!(annotations(&harness), one);

    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .click();
    harness.run_ok();
    type_text(&mut harness, "80");
    for (modifiers, key) in [
        (Modifiers::COMMAND, Key::Z),
        (Modifiers::COMMAND, Key::Y),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
    ] {
        press_with(&mut harness, modifiers, key);
        assert_eq!(annotations(&harness), one, "{modifiers:?} {key:?}");
    }
    // Out of the field, the keys are the annotations' again.
    press(&mut harness, Key::Escape);
    press_with(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(annotations(&harness).len(), 2);
}

/// A web page with a byline that begins with "By" and a canonical address
/// far wider than the window.
fn long_header_page(desk: &Desk) -> (PathBuf, String) {
    let url = format!(
        "https://news.example/world/europe/{}",
        "belarus-protests-grow-as-opposition-calls-for-strikes-".repeat(8)
    );
    let paragraph = "Thousands of people marched through the capital on Sunday, \
        a week after the contested election, and the opposition called for \
        strikes in the state factories across the country.";
    let page = format!(
        "<html><head><title>Protests grow</title>\
         <link rel=\"canonical\" href=\"{url}\">\
         <meta name=\"author\" content=\"By Erin Cunningham\"></head>\
         <body><article><h1>Protests grow</h1><p>{paragraph}</p><p>{paragraph}</p>\
         <p>{paragraph}</p></article></body></html>"
    );
    let path = desk.root.join("protests.html");
    fs::write(&path, page).unwrap();
    (path, url)
}

#[test]
fn a_long_header_line_never_pushes_the_article_out_of_the_window() {
    let desk = Desk::new();
    let (page, url) = long_header_page(&desk);
    let mut harness = desk.open(&page);
    harness.set_size(egui::vec2(1000.0, 700.0));
    harness.run_ok();
    let text = harness.state().state.doc.text().to_owned();
    let at = text.find("Thousands").unwrap();
    let rects = harness
        .state()
        .text_rects(Span::new(at, at + "Thousands".len()));
    let first = rects.first().expect("the first words are on screen");
    assert!(
        first.left() >= 0.0 && first.right() <= 1000.0,
        "the article starts at {first:?}"
    );
    // The address is cut to the pane, and whole on hover.
    let header = harness
        .get_by_label_contains("https://news.example/")
        .rect();
    assert!(
        header.left() >= 0.0 && header.right() <= 1000.0,
        "{header:?}"
    );
    assert!(header.height() < 25.0, "one line, not {header:?}");
    assert_eq!(harness.get_all_by_label(&url).count(), 1);
    harness.get_by_label(&url).hover();
    for _ in 0..30 {
        harness.step(); // tooltips wait for the pointer to rest
    }
    assert_eq!(harness.get_all_by_label(&url).count(), 2, "the tooltip");
}

#[test]
fn a_byline_that_begins_with_by_is_not_prefixed_again() {
    let desk = Desk::new();
    let (page, _) = long_header_page(&desk);
    let harness = desk.open(&page);
    harness.get_by_label_contains("By Erin Cunningham");
    assert!(harness.query_by_label_contains("By By").is_none());
}

#[test]
fn the_status_bar_says_1_character_in_the_singular() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let at = span_of("80.1%").start;
    harness
        .state_mut()
        .state
        .apply(factmark::app::Action::Select(Some(Span::new(at, at + 1))));
    harness.run_ok();
    harness.get_by_label_contains("(1 character)");
}

#[test]
fn passing_messages_never_move_the_article_under_the_pointer() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    let word = span_of("Tikhanovskaya insists");
    let before = on_screen(&mut harness, word);
    for n in 1..=4 {
        harness
            .state_mut()
            .state
            .info(format!("Tagged {n} as source."));
    }
    harness.run_ok();
    harness.get_by_label("Tagged 4 as source.");
    assert_eq!(
        harness.state().text_rects(word),
        before,
        "the article moved"
    );
}

#[test]
fn only_the_newest_three_messages_are_shown_until_show_all() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    for n in 1..=5 {
        harness
            .state_mut()
            .state
            .error(format!("Problem number {n}."));
    }
    harness.run_ok();
    assert!(harness.query_by_label("Problem number 2.").is_none());
    for n in 3..=5 {
        harness.get_by_label(&format!("Problem number {n}."));
    }
    harness.get_by_label("2 earlier messages not shown");
    harness.get_by_label("Show all").click();
    harness.run_ok();
    harness.get_by_label("Problem number 1.");
    harness.get_by_label("Problem number 2.");
}

#[test]
fn a_brat_export_says_it_kept_the_folders_own_configuration() {
    let desk = Desk::new();
    write_set(&desk, &[(Tag::Figure, "80.1%")]);
    let out = desk.root.join("brat");
    fs::create_dir(&out).unwrap();
    let own = "[entities]\nPerson\n";
    fs::write(out.join("annotation.conf"), own).unwrap();
    let dialogs = ScriptedDialogs::answering([Some(out.clone())]);
    let mut harness = desk.open_with(&desk.set(), dialogs);
    harness.get_by_label("File").click();
    harness.run_ok();
    harness.get_by_label("Export").hover();
    harness.run_ok();
    harness.get_by_label("brat standoff…").click();
    harness.run_ok();
    assert!(out.join("belarus-2020-08-16.ann").exists());
    assert_eq!(
        fs::read_to_string(out.join("annotation.conf")).unwrap(),
        own
    );
    // One message says both what was written and what was kept.
    harness.get_by_label_contains("annotation.conf as it was");
    let messages = &harness.state().state.messages;
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0]
            .text
            .starts_with("Exported belarus-2020-08-16.ann"),
        "{}",
        messages[0].text
    );
}

/// A paragraph far longer than one 8 KiB slice of the view: a match deep
/// inside a slice is scrolled to its own row, not to the slice's start.
#[test]
fn find_scrolls_to_the_row_of_a_match_deep_in_one_long_paragraph() {
    let desk = Desk::new();
    let sentence = "The council met again on a quiet day and said nothing new. ";
    // About 5 KB into the third slice.
    let mut text = sentence.repeat(360);
    text.push_str("A zebra crossed. ");
    text.push_str(&sentence.repeat(300));
    text.push('\n');
    let path = desk.root.join("long.txt");
    fs::write(&path, &text).unwrap();
    let at = text.find("zebra").unwrap();
    let zebra = Span::new(at, at + "zebra".len());
    let mut harness = desk.open(&path);

    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "zebra");
    harness.run_ok();
    assert_eq!(harness.state().state.selection, Some(zebra));
    let rects = harness.state().text_rects(zebra);
    assert!(!rects.is_empty(), "the match is laid out");
    let y = rects[0].center().y;
    assert!(
        (80.0..760.0).contains(&y),
        "the match is on screen: y = {y}"
    );
}

/// A double click on one tag's "Accept all" accepts that tag only: the
/// button stays where it was, disabled, instead of the next tag's button
/// moving under the pointer.
#[test]
fn a_double_click_on_accept_all_accepts_one_tag() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_suggestions(&mut harness);
    let count = |harness: &Harness<'static, FactmarkApp>, tag: Tag| {
        let state = &harness.state().state;
        state.suggestions.iter().filter(|s| s.tag == tag).count()
    };
    let claims = count(&harness, Tag::Claim);
    let figures = count(&harness, Tag::Figure);
    assert!(claims > 0 && figures > 0);
    let at = harness
        .get_by_label(&format!("Accept all Claim ({claims})"))
        .rect()
        .center();
    for _ in 0..2 {
        harness.hover_at(at);
        harness.drag_at(at);
        harness.drop_at(at);
        harness.run_ok();
    }
    let counts = harness.state().state.set().counts();
    assert_eq!(counts[Tag::Claim.index()], claims);
    assert_eq!(counts[Tag::Figure.index()], 0, "no figure was accepted");
    assert_eq!(count(&harness, Tag::Figure), figures);
    harness.get_by_label("Accept all Claim (0)");
}

/// Esc in the list's filter or in a note leaves the field and nothing
/// more: the selection stays for the tag keys, as the status bar says.
#[test]
fn esc_in_the_filter_or_a_note_leaves_the_field_and_keeps_the_selection() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    drag_across(&mut harness, "Amnesty International");
    let selection = harness.state().state.selection;
    assert_eq!(selection, Some(span_of("Amnesty International")));
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .click();
    harness.run_ok();
    harness.get_by_label_contains("Esc leaves the text field");
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().state.selection, selection);
    press(&mut harness, Key::Num4);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Source, "Amnesty International".to_owned())]
    );

    let selected = harness.state().state.selected;
    assert!(selected.is_some(), "the new annotation is selected");
    harness
        .get_by_role(egui::accesskit::Role::MultilineTextInput)
        .click();
    harness.run_ok();
    harness.get_by_label_contains("then 1–4 re-tag the annotation");
    type_text(&mut harness, "rights group");
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().state.selected, selected);
    // Out of the field, 1 re-tags it.
    press(&mut harness, Key::Num1);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Claim, "Amnesty International".to_owned())]
    );
}

/// Tagging with a tag the View menu hides says where the annotation went.
#[test]
fn tagging_with_a_hidden_tag_says_it_is_hidden() {
    let desk = Desk::new();
    let mut harness = desk.open(&desk.article());
    harness.get_by_label("View").click();
    harness.run_ok();
    harness.get_by_label("Show Claim").click();
    harness.run_ok();
    press(&mut harness, Key::Escape);
    drag_across(&mut harness, "Amnesty International");
    press(&mut harness, Key::Num1);
    assert_eq!(
        annotations(&harness),
        vec![(Tag::Claim, "Amnesty International".to_owned())]
    );
    harness.get_by_label_contains("View > Show Claim is off");
}
