//! Test data for benchmarks: real-looking articles of any size and large
//! annotation sets over them.
//!
//! Paragraphs come from the PolNeAR articles in ../shared/corpus (read at
//! run time, never copied into the repository), interleaved with
//! non-ASCII paragraphs so offsets exercise multi-byte characters.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use factmark::model::{Annotation, AnnotationSet, Article, Edit, Span, Tag};

const NON_ASCII: &[&str] = &[
    "Le président a déclaré : « Nous ne céderons pas », devant 12 000 manifestants à Zürich.",
    "Ο πρωθυπουργός είπε ότι η ανεργία έπεσε στο 11,2% τον Μάιο, σύμφωνα με την ΕΛΣΤΑΤ.",
    "Министр заявил, что «цены вырастут на 7,5%», а оппозиция назвала это «ложью».",
    "„Das ist nicht akzeptabel“, sagte die Sprecherin – die Kosten liegen bei 4,3 Mrd. €.",
];

/// The corpus folder beside the repository.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// Paragraphs of real news text.
fn paragraphs() -> Vec<String> {
    let folder = corpus().join("polnear-dev/text");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut paragraphs = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file).unwrap();
        paragraphs.extend(
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| p.replace('\n', " ")),
        );
        paragraphs.push(NON_ASCII[i % NON_ASCII.len()].to_owned());
    }
    paragraphs
}

/// An article of at least `bytes` bytes: paragraphs separated by blank
/// lines, with a date header and an occasional subheading.
pub fn article_text(bytes: usize) -> String {
    let paragraphs = paragraphs();
    let mut text = String::from(" date 2016-11-08 \n\n");
    let mut i = 0;
    while text.len() < bytes {
        if i % 25 == 24 {
            text.push_str("What happens next?\n\n");
        }
        text.push_str(&paragraphs[i % paragraphs.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    text
}

/// `count` annotations spread evenly over the article: spans of one to
/// six words, and every fifth a longer claim that overlaps its neighbours.
pub fn annotation_set(article: &Article, count: usize) -> AnnotationSet {
    let text = article.text();
    let mut set = AnnotationSet::new();
    if count == 0 {
        return set;
    }
    let now = jiff::Timestamp::from_second(1_764_000_000).unwrap();
    let words: Vec<(usize, usize)> = text
        .split_ascii_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + w.len())
        })
        .collect();
    let step = (words.len() / count).max(1);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut n = 0;
    // Spans that would cross a line are skipped: try the next word instead,
    // so the set gets exactly `count` annotations.
    while set.len() < count && n < words.len() * 2 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let first = (n * step + n / words.len()) % words.len();
        n += 1;
        let length = if set.len() % 5 == 4 {
            12
        } else {
            1 + (seed % 6) as usize
        };
        let last = (first + length - 1).min(words.len() - 1);
        let span = Span::new(words[first].0, words[last].1);
        let tag = Tag::ALL[(seed >> 8) as usize % 4];
        if text[span.range()].contains('\n') || set.contains(span, tag) {
            continue;
        }
        let id = set.allocate_id();
        let _ = set.apply(&Edit::Add(Annotation::new(id, tag, span, text, now)), text);
    }
    set
}
