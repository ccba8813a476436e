//! `factmark compare REFERENCE.ron OTHER.ron [--iou 0.5]`: how well one
//! annotation of an article agrees with another — suggestions against a
//! journalist's work, or two journalists against each other.
//!
//! The metrics live in [`crate::model::agreement`]; this file loads the two
//! sets, checks they annotate the same text and prints the table.

use std::io::Write;
use std::path::Path;

use super::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use crate::io::load_set;
use crate::model::agreement::{Agreement, Scores};
use crate::model::{AnnotationSet, Span, Tag, compare as agreement};

/// `factmark compare`: the per-tag table on `out`, problems on `err`.
pub fn compare(
    reference_path: &Path,
    other_path: &Path,
    iou: f64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut load = |path: &Path| {
        load_set(path).map_err(|error| {
            let _ = writeln!(err, "error: {}", super::set_error_message(&error));
        })
    };
    let Ok((article, _, reference)) = load(reference_path) else {
        return EXIT_UNREADABLE;
    };
    let Ok((other_article, _, other)) = load(other_path) else {
        return EXIT_UNREADABLE;
    };
    if article.text() != other_article.text() {
        let _ = writeln!(
            err,
            "error: {} and {} annotate different article texts; compare sets of the same article",
            reference_path.display(),
            other_path.display()
        );
        return EXIT_INVALID;
    }
    let spans = |set: &AnnotationSet| -> Vec<(Tag, Span)> {
        set.annotations().iter().map(|a| (a.tag, a.span)).collect()
    };
    let result = agreement(&article, &spans(&reference.set), &spans(&other.set), iou);
    let _ = writeln!(
        out,
        "reference: {} ({})\nother:     {} ({})\nmatching:  one-to-one, character IoU >= {iou}\n",
        reference_path.display(),
        crate::plural(reference.set.len(), "annotation", "annotations"),
        other_path.display(),
        crate::plural(other.set.len(), "annotation", "annotations"),
    );
    let _ = write_table(out, &result);
    EXIT_OK
}

fn write_table(out: &mut dyn Write, result: &Agreement) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<8} {:>5} {:>6} {:>6} {:>6} {:>6} | {:>7} {:>7} {:>8} | {:>6}",
        "tag", "ref", "other", "P", "R", "F1", "exact P", "exact R", "exact F1", "kappa"
    )?;
    let row = |out: &mut dyn Write,
               name: &str,
               reference: usize,
               other: usize,
               overlap: Scores,
               exact: Scores,
               kappa: Option<f64>|
     -> std::io::Result<()> {
        let kappa = kappa.map_or_else(|| "-".to_owned(), |k| format!("{k:.3}"));
        writeln!(
            out,
            "{:<8} {:>5} {:>6} {:>6.3} {:>6.3} {:>6.3} | {:>7.3} {:>7.3} {:>8.3} | {:>6}",
            name,
            reference,
            other,
            overlap.precision,
            overlap.recall,
            overlap.f1,
            exact.precision,
            exact.recall,
            exact.f1,
            kappa
        )
    };
    for t in &result.tags {
        if t.reference == 0 && t.other == 0 {
            continue;
        }
        row(
            out,
            &t.tag.label().to_lowercase(),
            t.reference,
            t.other,
            t.overlap(),
            t.exact(),
            t.kappa,
        )?;
    }
    let (matched, exact, other, reference) = result.total();
    row(
        out,
        "all",
        reference,
        other,
        Scores::new(matched, other, reference),
        Scores::new(exact, other, reference),
        None,
    )
}

/// Parses `--iou`: a number in (0, 1].
pub fn parse_iou(s: &str) -> Result<f64, String> {
    super::parse_fraction(s, false)
}
