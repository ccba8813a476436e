//! Throughput of `suggest` on a ~10 MB article built by repeating the
//! corpus texts (`../shared/corpus`; skipped, with a message, when the
//! corpus is not there), and on 1 MB of text built to be hard: one endless
//! sentence full of reporting cues, or of tiny quotations. Time must grow
//! with the text, not with its square.
//!
//!     cargo bench --bench suggest

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factmark::model::Article;
use factmark::suggest::suggest;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn corpus_text() -> Option<String> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut parts = Vec::new();
    let sample = corpus.join("articles/belarus-2020-08-16.txt");
    parts.push(std::fs::read_to_string(sample).ok()?);
    let mut names: Vec<_> = std::fs::read_dir(corpus.join("polnear-dev/text"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    for name in names {
        if let Ok(text) = std::fs::read_to_string(name) {
            parts.push(text);
        }
    }
    let one_pass = parts.join("\n\n");
    let mut text = String::with_capacity(TARGET_BYTES + one_pass.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&one_pass);
        text.push_str("\n\n");
    }
    Some(text)
}

fn bench_suggest(c: &mut Criterion) {
    let Some(text) = corpus_text() else {
        eprintln!("suggest bench skipped: ../shared/corpus not found");
        return;
    };
    let article = Article::new(text);
    let mut group = c.benchmark_group("suggest");
    group.throughput(Throughput::Bytes(article.text().len() as u64));
    group.sample_size(10);
    group.bench_function("all_tags_10MB", |b| {
        b.iter(|| suggest(black_box(&article), &[]))
    });
    group.finish();
}

/// One megabyte of `unit` repeated: a sentence that never ends.
fn hostile(unit: &str) -> Article {
    Article::new(unit.repeat(1024 * 1024 / unit.len()))
}

fn bench_hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("suggest_hostile_1MB");
    group.throughput(Throughput::Bytes(1024 * 1024));
    group.sample_size(10);
    for (name, unit) in [
        ("he_said", "He said "),
        ("appositive_said", "Smith, the chair, said "),
        ("doubled_apostrophes", "''I think,'' he said "),
        ("no_punctuation", "officials say the president "),
        ("tiny_quotes", "\"a\" "),
    ] {
        let article = hostile(unit);
        group.bench_function(name, |b| b.iter(|| suggest(black_box(&article), &[])));
    }
    group.finish();
}

criterion_group!(benches, bench_suggest, bench_hostile);
criterion_main!(benches);
