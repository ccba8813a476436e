//! W3C Web Annotation import (JSON or JSON-LD): an `AnnotationCollection`
//! (its `first` page, or inline `items`), an `AnnotationPage`, a single
//! `Annotation`, or a plain array of annotations — so that factmark's json
//! export round-trips, and annotations from web annotators come in.
//!
//! The tag is the `value` of the `tagging` body (or, for an annotation
//! whose motivation is `tagging`, of its first textual body), mapped like a
//! brat type; `commenting` and `describing` bodies become the note. The
//! place is the `TextPositionSelector` (characters), checked against the
//! `TextQuoteSelector`'s `exact` when both are there; with only a quote the
//! text is searched for, its prefix and suffix breaking ties. Ids ending in
//! a number (`x.json#7`) keep that number; `created`/`modified` are kept.

use std::path::Path;

use jiff::Timestamp;
use serde_json::Value;

use super::{
    Candidate, ImportError, ImportOptions, ImportReport, Imported, Location, SpanProblem,
    build_set, char_span, same_text,
};
use crate::model::{AnnotationId, Article, Orphan, Quote, Tag, anchor};

/// Parses W3C JSON for `article` (`path` names it in messages).
pub fn parse(
    article: &Article,
    json: &str,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let root: Value = serde_json::from_str(json).map_err(|e| ImportError::Malformed {
        path: path.to_owned(),
        at: Location::Line(e.line()),
        message: format!("not valid JSON: {e}"),
    })?;
    let items = items(&root).ok_or_else(|| ImportError::Malformed {
        path: path.to_owned(),
        at: Location::Line(1),
        message: "not a W3C annotation, annotation page or annotation collection".into(),
    })?;
    let mut report = ImportReport::default();
    let mut candidates = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let at = Location::Item(index + 1);
        match candidate(article, item, options, &mut report) {
            Ok(Some(c)) => candidates.push(c),
            Ok(None) => {}
            Err(problem) => {
                let error = ImportError::InvalidSpan {
                    path: path.to_owned(),
                    at,
                    id: item["id"].as_str().unwrap_or("(no id)").to_owned(),
                    problem: Box::new(problem),
                };
                if !options.skip_invalid {
                    return Err(error);
                }
                report.invalid.push(error.to_string());
            }
        }
    }
    let set = build_set(article, candidates, options, &mut report);
    Ok(Imported { set, report })
}

/// The annotations in a document, whatever its shape.
fn items(root: &Value) -> Option<Vec<&Value>> {
    if let Value::Array(all) = root {
        return Some(all.iter().collect());
    }
    let is = |v: &Value, kind: &str| one_or_many(&v["type"]).any(|t| t.as_str() == Some(kind));
    if is(root, "Annotation") {
        return Some(vec![root]);
    }
    if is(root, "AnnotationPage") {
        return root["items"].as_array().map(|a| a.iter().collect());
    }
    if is(root, "AnnotationCollection") {
        let page = if root["first"].is_object() {
            &root["first"]
        } else {
            root
        };
        return Some(
            page["items"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
        );
    }
    None
}

/// A value that may be one thing or an array of things.
fn one_or_many(value: &Value) -> impl Iterator<Item = &Value> {
    let all: &[Value] = match value {
        Value::Array(all) => all,
        Value::Null => &[],
        one => std::slice::from_ref(one),
    };
    all.iter()
}

fn candidate(
    article: &Article,
    item: &Value,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<Option<Candidate>, SpanProblem> {
    let bodies: Vec<&Value> = one_or_many(&item["body"])
        .filter(|b| b.is_object())
        .collect();
    let purpose = |b: &Value, p: &str| one_or_many(&b["purpose"]).any(|x| x.as_str() == Some(p));
    let tagging = bodies
        .iter()
        .find(|b| purpose(b, "tagging"))
        .or_else(|| {
            let motivation =
                one_or_many(&item["motivation"]).any(|m| m.as_str() == Some("tagging"));
            bodies.iter().find(|b| motivation && b["purpose"].is_null())
        })
        .and_then(|b| b["value"].as_str());
    let Some(kind) = tagging else {
        *report.unmapped.entry("(no tag)".to_owned()).or_default() += 1;
        return Ok(None);
    };
    let Some(tag) = options.tag_of(kind) else {
        *report.unmapped.entry(kind.to_owned()).or_default() += 1;
        return Ok(None);
    };
    let note = bodies
        .iter()
        .filter(|b| purpose(b, "commenting") || purpose(b, "describing"))
        .filter_map(|b| b["value"].as_str())
        .collect::<Vec<_>>()
        .join("\n");

    let target = one_or_many(&item["target"]).find(|t| t.is_object());
    let selectors: Vec<&Value> = target
        .map(|t| one_or_many(&t["selector"]).collect())
        .unwrap_or_default();
    let selector = |kind: &str| selectors.iter().find(|s| s["type"].as_str() == Some(kind));
    let quote = selector("TextQuoteSelector").and_then(|s| {
        Some(Quote {
            exact: s["exact"].as_str()?.to_owned(),
            prefix: s["prefix"].as_str().unwrap_or_default().to_owned(),
            suffix: s["suffix"].as_str().unwrap_or_default().to_owned(),
        })
    });
    let position = selector("TextPositionSelector").and_then(|s| {
        let number = |k: &str| s[k].as_u64().and_then(|n| usize::try_from(n).ok());
        Some((number("start")?, number("end")?))
    });
    let span = match (position, &quote) {
        (Some((start, end)), quote) => {
            let span = char_span(article, start, end)?;
            let found = &article.text()[span.range()];
            if let Some(quote) = quote.as_ref().filter(|q| !same_text(found, &q.exact)) {
                return Err(SpanProblem::Mismatch {
                    start,
                    end,
                    expected: quote.exact.clone(),
                    found: found.to_owned(),
                });
            }
            span
        }
        (None, Some(quote)) => find_quote(article, tag, quote)?,
        (None, None) => {
            report.skip("annotation without a text selector");
            return Ok(None);
        }
    };
    let time = |k: &str| item[k].as_str().and_then(|t| t.parse::<Timestamp>().ok());
    let id = item["id"].as_str().and_then(trailing_number);
    Ok(Some(Candidate {
        id,
        tag,
        span,
        note,
        created: time("created"),
        modified: time("modified"),
    }))
}

/// Finds a quote with no position in the article, as a set file's
/// annotations are found again (context breaks ties).
fn find_quote(
    article: &Article,
    tag: Tag,
    quote: &Quote,
) -> Result<crate::model::Span, SpanProblem> {
    let not_found = || SpanProblem::NotFound {
        expected: quote.exact.clone(),
    };
    if quote.exact.is_empty() {
        return Err(not_found());
    }
    let probe = Orphan {
        id: AnnotationId(1),
        tag,
        last_start: 0,
        last_end: quote.exact.chars().count(),
        quote: quote.clone(),
        note: String::new(),
        created: Timestamp::UNIX_EPOCH,
        modified: Timestamp::UNIX_EPOCH,
    };
    anchor(vec![probe], article)
        .annotations
        .first()
        .map(|a| a.span)
        .ok_or_else(not_found)
}

/// `x.json#7` → 7, `urn:…:12` → 12; `None` without trailing digits.
fn trailing_number(id: &str) -> Option<u64> {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    id[id.len() - digits..].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The minister said 80% of voters agreed, the minister said.";

    fn import(json: &str) -> Result<Imported, ImportError> {
        parse(
            &Article::new(TEXT.to_owned()),
            json,
            Path::new("x.json"),
            &ImportOptions::new(Timestamp::UNIX_EPOCH),
        )
    }

    #[test]
    fn a_single_annotation_with_only_a_quote_is_found_by_its_context() {
        let json = r#"{"type": "Annotation", "id": "urn:a:5", "motivation": "tagging",
            "body": {"type": "TextualBody", "value": "source"},
            "target": {"source": "x.txt", "selector": {"type": "TextQuoteSelector",
                "exact": "the minister", "prefix": "agreed, "}}}"#;
        let imported = import(json).unwrap();
        let a = &imported.set.annotations()[0];
        assert_eq!((a.id.0, a.tag, a.span.start), (5, Tag::Source, 40));
    }

    #[test]
    fn a_position_that_contradicts_the_quote_is_refused() {
        let json = r#"[{"id": "a", "body": [{"purpose": "tagging", "value": "Figure"}],
            "target": {"selector": [{"type": "TextPositionSelector", "start": 18, "end": 21},
                                    {"type": "TextQuoteSelector", "exact": "81%"}]}}]"#;
        let message = import(json).unwrap_err().to_string();
        assert!(
            message.starts_with("x.json: annotation 1: a: the text \"81%\""),
            "{message}"
        );
    }

    #[test]
    fn annotations_without_a_known_tag_are_counted() {
        let json = r#"[{"body": [{"purpose": "tagging", "value": "Opinion"}],
            "target": {"selector": {"type": "TextPositionSelector", "start": 0, "end": 3}}},
            {"body": [{"purpose": "commenting", "value": "hm"}],
            "target": {"selector": {"type": "TextPositionSelector", "start": 0, "end": 3}}}]"#;
        let report = import(json).unwrap().report;
        assert_eq!(report.unmapped.get("Opinion"), Some(&1));
        assert_eq!(report.unmapped.get("(no tag)"), Some(&1));
    }

    #[test]
    fn json_that_is_not_an_annotation_is_malformed() {
        assert!(
            import("{\"type\": \"Person\"}")
                .unwrap_err()
                .is_unreadable()
        );
        assert!(import("{").unwrap_err().is_unreadable());
    }

    #[test]
    fn ids_keep_their_trailing_number() {
        assert_eq!(trailing_number("x.json#7"), Some(7));
        assert_eq!(trailing_number("urn:uuid:abc"), None);
    }
}
