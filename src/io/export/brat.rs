//! brat standoff export: the `.ann` file (the article itself goes beside it
//! as `.txt`, exactly the text the offsets count in).
//!
//! One `T<id>` line per annotation with the types Claim, Figure, Quote and
//! Source, offsets in Unicode characters, end exclusive; one
//! `#<n>\tAnnotatorNotes T<id>` line per note. brat lines cannot hold line
//! breaks or tabs, so those become spaces in the text and note columns (the
//! offsets stay exact). Rendering only.

use std::fmt::Write;

use super::{Document, one_line};

/// The `.ann` file of one document.
pub fn render(doc: &Document) -> String {
    let mut ann = String::new();
    for entry in &doc.entries {
        let a = entry.annotation;
        let _ = writeln!(
            ann,
            "T{}\t{} {} {}\t{}",
            a.id,
            a.tag.label(),
            entry.start,
            entry.end,
            one_line(&a.quote.exact)
        );
    }
    let notes = doc.entries.iter().filter(|e| !e.annotation.note.is_empty());
    for (n, entry) in notes.enumerate() {
        let a = entry.annotation;
        let _ = writeln!(
            ann,
            "#{}\tAnnotatorNotes T{}\t{}",
            n + 1,
            a.id,
            one_line(&a.note)
        );
    }
    ann
}
