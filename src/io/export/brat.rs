//! brat standoff export: the `.ann` file (the article itself goes beside it
//! as `.txt`, exactly the text the offsets count in).
//!
//! One `T<id>` line per annotation with the types Claim, Figure, Quote and
//! Source, offsets in Unicode characters, end exclusive; one
//! `#<n>\tAnnotatorNotes T<id>` line per note. brat lines cannot hold line
//! breaks or tabs, so those become spaces in the text and note columns (the
//! offsets stay exact). Beside them go the folder's `annotation.conf`
//! (the four entity types; any overlap allowed, as factmark allows it) and
//! `visual.conf` (factmark's tag colors), so brat shows the export as it
//! is without setup. Rendering only.

use std::fmt::Write;

use super::{Document, html::tag_hex, one_line};
use crate::model::Tag;

/// The first line of the configuration files factmark writes: a file that
/// begins with it may be replaced by the next export, any other is the
/// user's and is kept.
pub const WRITTEN_BY_FACTMARK: &str = "# Written by factmark";

fn config_header() -> String {
    format!(
        "{WRITTEN_BY_FACTMARK}: replaced by its next export into this folder. To keep your own\n\
         # configuration, remove this first line.\n"
    )
}

/// brat's `annotation.conf`: the entity types of the tags. factmark has no
/// relations, events or attributes yet, so those sections are empty; the
/// `<OVERLAP>` rule lets annotations overlap and nest as they do in a set.
pub fn annotation_conf() -> String {
    let mut conf = config_header();
    conf.push_str("\n[entities]\n");
    for tag in Tag::ALL {
        let _ = writeln!(conf, "{}", tag.label());
    }
    conf.push_str(
        "\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n",
    );
    conf
}

/// brat's `visual.conf`: each type in its tag's color, white text on it as
/// on the window's tag chips.
pub fn visual_conf() -> String {
    let mut conf = config_header();
    conf.push_str("\n[labels]\n");
    for tag in Tag::ALL {
        let _ = writeln!(conf, "{0} | {0}", tag.label());
    }
    conf.push_str("\n[drawing]\n");
    for tag in Tag::ALL {
        let _ = writeln!(
            conf,
            "{}\tbgColor:{}, fgColor:white, borderColor:darken",
            tag.label(),
            tag_hex(tag)
        );
    }
    conf
}

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
