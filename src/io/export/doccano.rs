//! doccano export (sequence labeling, JSONL): one line per article,
//! `{"text": …, "label": [[start, end, "Claim"], …], "file": …}`.
//!
//! This is what doccano's JSONL import of a sequence labeling project reads
//! (`text` and `label` are its default columns; each span is
//! `[start_offset, end_offset, label]`) and what its JSONL export writes
//! back. Offsets count UTF-16 code units, end exclusive, as doccano's
//! editor (JavaScript) counts them to draw the spans: a character outside
//! the Basic Multilingual Plane (most emoji) counts two; in any other text
//! they are character offsets. Keys other than `text` and `label` become the
//! example's metadata in doccano, which its export writes back beside them:
//! factmark writes `file`, the article's file name. doccano has no place
//! for a note on a span, nor for factmark's annotation numbers and times,
//! so those are not exported; [`lost_notes`] says how many notes stay
//! behind. Rendering only.

use serde::Serialize;

use super::Document;
use crate::model::Utf16Offsets;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'static str)>,
    file: &'a str,
}

/// The JSONL file of one document: one line, ending with a newline.
pub fn render(doc: &Document) -> String {
    let offsets = Utf16Offsets::new(doc.article.text());
    let units = |chars: usize| offsets.to_utf16(chars);
    let line = Line {
        text: doc.article.text(),
        label: doc
            .entries
            .iter()
            .map(|e| (units(e.start), units(e.end), e.annotation.tag.label()))
            .collect(),
        file: &doc.file_name,
    };
    let mut jsonl = serde_json::to_string(&line)
        .expect("plain structs of strings and numbers always serialize");
    jsonl.push('\n');
    jsonl
}

/// What a doccano user must know about an export: the notes it leaves
/// behind, and the overlapping spans doccano drops unless the project
/// allows them.
pub fn notices(doc: &Document) -> Vec<String> {
    let mut notices: Vec<String> = lost_notes(doc).into_iter().collect();
    let overlapping = overlapping(doc);
    if overlapping > 0 {
        notices.push(format!(
            "{}.jsonl: {} overlap others, and doccano drops overlapping spans on import unless the project's settings tick \"Allow overlapping entity\"",
            doc.stem,
            crate::plural(overlapping, "span", "spans")
        ));
    }
    notices
}

/// How many spans overlap another one (nested or crossing). In start
/// order, a span overlaps an earlier one when the furthest end before it
/// passes its start, and a later one when the next start comes before its
/// end.
fn overlapping(doc: &Document) -> usize {
    let mut spans: Vec<(usize, usize)> = doc.entries.iter().map(|e| (e.start, e.end)).collect();
    spans.sort_unstable();
    let mut furthest = 0;
    let mut count = 0;
    for (i, &(start, end)) in spans.iter().enumerate() {
        let earlier = i > 0 && furthest > start;
        let later = spans.get(i + 1).is_some_and(|&(next, _)| next < end);
        count += usize::from(earlier || later);
        furthest = furthest.max(end);
    }
    count
}

/// A sentence about the notes a doccano export leaves behind, if any.
fn lost_notes(doc: &Document) -> Option<String> {
    let notes = doc
        .entries
        .iter()
        .filter(|e| !e.annotation.note.is_empty())
        .count();
    (notes > 0).then(|| {
        format!(
            "{}.jsonl: doccano has no notes on spans, so {} not exported",
            doc.stem,
            crate::plural(notes, "note was", "notes were")
        )
    })
}
