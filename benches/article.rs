//! Performance of the article view and the set file on long articles.
//!
//! Run with `cargo bench --bench article`. Groups:
//! - `frame`: a steady frame of the article view while scrolling (egui pass
//!   plus tessellation, AccessKit off) at the top, middle and end of 10 KB,
//!   1 MB and 10 MB articles with 0, 1,000 and 50,000 annotations;
//! - `naive_textedit`: the same frame for one read-only `TextEdit` holding
//!   the whole article, the baseline factmark's view replaces;
//! - `open`: read, decode, build the view model and draw the first frame of
//!   a 10 MB article;
//! - `settle`: every frame from opening 1 MB and 10 MB articles until no
//!   paragraph height is a guess any more (what an idle window spends);
//! - `set_file`: save and load of a 50,000-annotation set, with serde_json
//!   on the same data as a reference;
//! - `reanchor`: finding 50,000 annotations again after an edit near the
//!   start of a 10 MB article;
//! - `find`: Find in a 10 MB article, for a common word (also as a whole
//!   word), a phrase typed with straight quotes and a phrase that is not
//!   there.

mod support;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, Pos2, RawInput, Rect, vec2};
use factmark::app::AppState;
use factmark::app::dialogs::ScriptedDialogs;
use factmark::app::recovery::RecoveryFolder;
use factmark::io::store;
use factmark::model::{Article, Orphan};
use factmark::ui::article_view::ArticleView;

const KB: usize = 1024;
const MB: usize = 1024 * 1024;
const SIZES: [(usize, &str); 3] = [(10 * KB, "10KB"), (MB, "1MB"), (10 * MB, "10MB")];
const COUNTS: [usize; 3] = [0, 1_000, 50_000];
const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(1200.0, 800.0));

/// Writes an article and its set into `dir` and opens them like the app.
fn open_state(dir: &Path, bytes: usize, annotations: usize) -> AppState {
    let article_path = dir.join(format!("article-{bytes}-{annotations}.txt"));
    std::fs::write(&article_path, support::article_text(bytes)).unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let set = support::annotation_set(&article, annotations);
    let set_path = factmark::io::default_set_path(&article_path);
    factmark::io::save_set(&set_path, &article_path, &article, &set).unwrap();
    let mut state = AppState::with_sample(
        Box::new(ScriptedDialogs::default()),
        RecoveryFolder::new(dir.join("recovery")),
    );
    state.open(&set_path);
    assert!(state.messages.is_empty(), "{:?}", state.messages);
    state
}

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(SCREEN),
        events,
        ..RawInput::default()
    }
}

fn wheel(dy: f32) -> Vec<Event> {
    vec![
        Event::PointerMoved(Pos2::new(400.0, 400.0)),
        Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        },
    ]
}

/// One frame: the egui pass and the tessellation of its shapes.
fn frame(ctx: &egui::Context, events: Vec<Event>, show: &mut dyn FnMut(&mut egui::Ui)) -> usize {
    let output = ctx.run_ui(input(events), |ui| {
        egui::CentralPanel::default().show(ui, |ui| show(ui));
    });
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn view_frame(
    ctx: &egui::Context,
    view: &mut ArticleView,
    state: &AppState,
    events: Vec<Event>,
) -> usize {
    let mut actions = Vec::new();
    frame(ctx, events, &mut |ui| {
        view.show(
            ui,
            state,
            &[true; 4],
            state.article_generation,
            &mut actions,
        );
    })
}

/// A view on `state`, settled (no height a guess), scrolled to
/// `fraction` of the article.
fn settled_view(ctx: &egui::Context, state: &AppState, fraction: f64) -> ArticleView {
    let mut view = ArticleView::default();
    while !view.is_settled() {
        view_frame(ctx, &mut view, state, Vec::new());
    }
    let byte = (state.doc.text().len() as f64 * fraction) as usize;
    view.jump_to(byte.min(state.doc.text().len()), 0.0);
    view_frame(ctx, &mut view, state, Vec::new());
    view_frame(ctx, &mut view, state, Vec::new());
    view
}

fn bench_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("frame");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    for (bytes, size) in SIZES {
        for count in COUNTS {
            let state = open_state(dir.path(), bytes, count);
            for (fraction, at) in [(0.0, "top"), (0.5, "middle"), (1.0, "end")] {
                let ctx = egui::Context::default();
                let mut view = settled_view(&ctx, &state, fraction);
                let mut down = true;
                let id = BenchmarkId::new(format!("{size}/{count}"), at);
                group.bench_function(id, |b| {
                    b.iter(|| {
                        // Scroll back and forth by a few lines: steady scrolling.
                        down = !down;
                        let events = wheel(if down { -90.0 } else { 90.0 });
                        black_box(view_frame(&ctx, &mut view, &state, events))
                    })
                });
            }
        }
    }
    group.finish();
}

fn bench_naive(c: &mut Criterion) {
    let mut group = c.benchmark_group("naive_textedit");
    group
        .measurement_time(Duration::from_secs(5))
        .sample_size(10);
    for (bytes, size) in &SIZES[..2] {
        let text = support::article_text(*bytes);
        let ctx = egui::Context::default();
        let mut down = true;
        let mut show = |ui: &mut egui::Ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add(egui::TextEdit::multiline(&mut text.as_str()).desired_width(f32::INFINITY));
            });
        };
        frame(&ctx, Vec::new(), &mut show);
        group.bench_function(*size, |b| {
            b.iter(|| {
                down = !down;
                let events = wheel(if down { -90.0 } else { 90.0 });
                black_box(frame(&ctx, events, &mut show))
            })
        });
    }
    group.finish();
}

fn bench_open(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ten-megabytes.txt");
    std::fs::write(&path, support::article_text(10 * MB)).unwrap();
    let mut group = c.benchmark_group("open");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    group.bench_function("10MB_to_first_frame", |b| {
        b.iter(|| {
            let mut state = AppState::with_sample(
                Box::new(ScriptedDialogs::default()),
                RecoveryFolder::new(dir.path().join("recovery")),
            );
            state.open(&path);
            let ctx = egui::Context::default();
            let mut view = ArticleView::default();
            black_box(view_frame(&ctx, &mut view, &state, Vec::new()))
        })
    });
    group.finish();
}

fn bench_settle(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("settle");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    for (bytes, size) in &SIZES[1..] {
        let state = open_state(dir.path(), *bytes, 0);
        group.bench_function(*size, |b| {
            b.iter(|| {
                let ctx = egui::Context::default();
                let mut view = ArticleView::default();
                let mut frames = 0;
                while !view.is_settled() {
                    view_frame(&ctx, &mut view, &state, Vec::new());
                    frames += 1;
                }
                black_box(frames)
            })
        });
    }
    group.finish();
}

fn bench_set_file(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("article.txt");
    std::fs::write(&article_path, support::article_text(10 * MB)).unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let set = support::annotation_set(&article, 50_000);
    let set_path = factmark::io::default_set_path(&article_path);
    let file = store::to_set_file(&set_path, &article_path, &article, &set);
    let json_path = dir.path().join("article.annotations.json");

    let mut group = c.benchmark_group("set_file_50k");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    group.bench_function("save_ron", |b| {
        b.iter(|| factmark::io::save_set(&set_path, &article_path, &article, &set).unwrap())
    });
    group.bench_function("serialize_ron_only", |b| {
        b.iter(|| black_box(store::to_ron(&file).len()))
    });
    let ron_bytes = store::to_ron(&file);
    group.bench_function("parse_ron_only", |b| {
        b.iter(|| black_box(store::parse_set_bytes(&set_path, ron_bytes.as_bytes()).unwrap()))
    });
    group.bench_function("load_ron", |b| {
        b.iter(|| {
            let file = store::read_set_file(&set_path).unwrap();
            black_box(store::anchor_set(&set_path, file, &article).unwrap())
        })
    });
    group.bench_function("save_json_reference", |b| {
        b.iter(|| {
            let file = store::to_set_file(&set_path, &article_path, &article, &set);
            std::fs::write(&json_path, serde_json::to_string_pretty(&file).unwrap()).unwrap()
        })
    });
    std::fs::write(&json_path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    group.bench_function("load_json_reference", |b| {
        b.iter(|| {
            let bytes = std::fs::read(&json_path).unwrap();
            let file: store::SetFile = serde_json::from_slice(&bytes).unwrap();
            black_box(store::anchor_set(&set_path, file, &article).unwrap())
        })
    });
    group.finish();
}

fn bench_reanchor(c: &mut Criterion) {
    let text = support::article_text(10 * MB);
    let article = Article::new(text.clone());
    let set = support::annotation_set(&article, 50_000);
    let stored: Vec<Orphan> = set
        .annotations()
        .iter()
        .map(|a| Orphan {
            id: a.id,
            tag: a.tag,
            last_start: article.char_of_byte(a.span.start).unwrap(),
            last_end: article.char_of_byte(a.span.end).unwrap(),
            quote: a.quote.clone(),
            note: a.note.clone(),
            created: a.created,
            modified: a.modified,
        })
        .collect();
    // An editor's correction inserted near the start.
    let at = text[..200].rfind(' ').unwrap();
    let edited = Article::new(format!(
        "{} (Correction: an earlier version misstated the date.){}",
        &text[..at],
        &text[at..]
    ));
    let mut group = c.benchmark_group("reanchor");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    group.bench_function("50k_after_edit_near_start_of_10MB", |b| {
        b.iter(|| {
            let anchored = factmark::model::anchor(stored.clone(), &edited);
            assert!(anchored.orphans.is_empty());
            black_box(anchored)
        })
    });
    group.finish();
}

fn bench_find(c: &mut Criterion) {
    use factmark::model::search::{Options, find_all};
    let text = support::article_text(10 * MB);
    let mut group = c.benchmark_group("find_10MB");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(20);
    let whole = Options {
        whole_words: true,
        ..Options::default()
    };
    for (name, query, options) in [
        ("word_said", "said", Options::default()),
        ("word_said_whole_words", "said", whole),
        ("phrase_with_quote", "the president's", Options::default()),
        (
            "absent_phrase",
            "comprehensive assistance zzz",
            Options::default(),
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(find_all(&text, query, options)))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_frame,
    bench_naive,
    bench_open,
    bench_settle,
    bench_set_file,
    bench_reanchor,
    bench_find
);
criterion_main!(benches);
