//! doccano export (sequence labeling, JSONL): one line per article,
//! `{"text": …, "label": [[start, end, "Claim"], …], "file": …}`.
//!
//! This is what doccano's JSONL import of a sequence labeling project reads
//! (`text` and `label` are its default columns; each span is
//! `[start_offset, end_offset, label]`) and what its JSONL export writes
//! back. Offsets count Unicode characters (doccano is Python: `str`
//! indices), end exclusive. Keys other than `text` and `label` become the
//! example's metadata in doccano, which its export writes back beside them:
//! factmark writes `file`, the article's file name. doccano has no place
//! for a note on a span, nor for factmark's annotation numbers and times,
//! so those are not exported; [`lost_notes`] says how many notes stay
//! behind. Rendering only.

use serde::Serialize;

use super::Document;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'static str)>,
    file: &'a str,
}

/// The JSONL file of one document: one line, ending with a newline.
pub fn render(doc: &Document) -> String {
    let line = Line {
        text: doc.article.text(),
        label: doc
            .entries
            .iter()
            .map(|e| (e.start, e.end, e.annotation.tag.label()))
            .collect(),
        file: &doc.file_name,
    };
    let mut jsonl = serde_json::to_string(&line)
        .expect("plain structs of strings and numbers always serialize");
    jsonl.push('\n');
    jsonl
}

/// A sentence about the notes a doccano export leaves behind, if any.
pub fn lost_notes(doc: &Document) -> Option<String> {
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
