//! W3C Web Annotation import (JSON or JSON-LD): an `AnnotationCollection`
//! (its `first` page, or inline `items`), an `AnnotationPage`, a single
//! `Annotation`, or a plain array of annotations — so that factmark's json
//! export round-trips, and annotations from web annotators come in.
//!
//! The tag is the `value` of the `tagging` body (or, for an annotation
//! whose motivation is `tagging`, of its first textual body), mapped like a
//! brat type; `commenting` and `describing` bodies become the note. Each
//! target that is an object with a text selector becomes its own
//! annotation (same tag, note and times); targets that are only an IRI are
//! passed over, and an annotation with no text target is counted, never
//! silently dropped. The place is the `TextPositionSelector` (characters),
//! checked against the `TextQuoteSelector`'s `exact` when both are there;
//! when they disagree (JavaScript tools count UTF-16 code units; the
//! article may have been edited) the quote is searched for near the
//! position, its prefix and suffix breaking ties, and counted as
//! re-anchored; only a quote found nowhere fails. With only a quote the
//! text is searched for. The annotation number comes from a `canonical`
//! `urn:factmark:…:<n>` (what the export writes) or an id ending in a
//! number (`x.json#7`, older exports); `created`/`modified` are kept, in
//! whole seconds.

use std::path::Path;

use jiff::Timestamp;
use serde_json::Value;

use super::{
    Candidate, ImportError, ImportOptions, ImportReport, Imported, Location, SpanProblem,
    build_set, char_span, json_error, read_time, same_text,
};
use crate::model::{AnnotationId, Article, Orphan, Quote, Span, Tag, anchor};

/// Parses W3C JSON for `article` (`path` names it in messages).
pub fn parse(
    article: &Article,
    json: &str,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let root: Value = serde_json::from_str(json).map_err(|e| json_error(path, &e))?;
    if super::label_studio::looks_like_tasks(&root) {
        return Err(ImportError::Malformed {
            path: path.to_owned(),
            at: Location::Line(1),
            message:
                "these are Label Studio tasks, not W3C annotations; import them with --label-studio"
                    .into(),
        });
    }
    let items = items(&root).ok_or_else(|| ImportError::Malformed {
        path: path.to_owned(),
        at: Location::Line(1),
        message: "not a W3C annotation, annotation page or annotation collection".into(),
    })?;
    let mut report = ImportReport::default();
    let mut candidates = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let at = Location::Item(index + 1);
        for outcome in candidates_of(article, item, options, &mut report) {
            match outcome {
                Ok(c) => candidates.push(c),
                Err(problem) => {
                    let error = ImportError::InvalidSpan {
                        path: path.to_owned(),
                        at,
                        id: item["id"].as_str().unwrap_or("(no id)").to_owned(),
                        problem: Box::new(problem),
                        skip_hint: options.skip_hint(),
                        crlf_hint: false,
                    };
                    if !options.skip_invalid {
                        return Err(error);
                    }
                    report.invalid.push(error.to_string());
                }
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

/// The annotations one item makes: one per target that is an object with
/// a text selector (an annotation of several passages becomes several
/// annotations with the same tag, note and times), each placed in the
/// article or the reason it does not fit. Items with no tag, or no target
/// with a text selector, are counted in the report and make none.
fn candidates_of(
    article: &Article,
    item: &Value,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Vec<Result<Candidate, SpanProblem>> {
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
        return Vec::new();
    };
    let Some(tag) = options.tag_of(kind) else {
        *report.unmapped.entry(kind.to_owned()).or_default() += 1;
        return Vec::new();
    };
    let note = bodies
        .iter()
        .filter(|b| purpose(b, "commenting") || purpose(b, "describing"))
        .filter_map(|b| b["value"].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let targets: Vec<TextTarget> = one_or_many(&item["target"])
        .filter_map(text_target)
        .collect();
    if targets.is_empty() {
        report.skip("annotation without a text selector");
        return Vec::new();
    }
    if targets.len() > 1 {
        report.multi_target += 1;
    }
    let (created, modified) = (
        read_time(&item["created"], report),
        read_time(&item["modified"], report),
    );
    let id = number_of(item);
    targets
        .into_iter()
        .enumerate()
        .map(|(i, target)| {
            let span = place(article, tag, target, report)?;
            Ok(Candidate {
                // The first target keeps the file's number; the others get
                // fresh ones.
                id: id.filter(|_| i == 0),
                tag,
                span,
                note: note.clone(),
                created,
                modified,
            })
        })
        .collect()
}

/// What a target says about its place in the text.
struct TextTarget {
    quote: Option<Quote>,
    /// `start`, `end` of a `TextPositionSelector`, in characters.
    position: Option<(usize, usize)>,
    /// A `TextPositionSelector` is there but its numbers are not offsets
    /// (negative, fractional, text): the quote alone places the target.
    position_unreadable: bool,
}

/// The text selectors of a target; `None` for a target that is only an
/// IRI or has no text selector.
fn text_target(target: &Value) -> Option<TextTarget> {
    if !target.is_object() {
        return None;
    }
    let selectors: Vec<&Value> = one_or_many(&target["selector"]).collect();
    let selector = |kind: &str| selectors.iter().find(|s| s["type"].as_str() == Some(kind));
    let quote = selector("TextQuoteSelector").and_then(|s| {
        Some(Quote {
            exact: s["exact"].as_str()?.to_owned(),
            prefix: s["prefix"].as_str().unwrap_or_default().to_owned(),
            suffix: s["suffix"].as_str().unwrap_or_default().to_owned(),
        })
    });
    let position_selector = selector("TextPositionSelector");
    let position = position_selector.and_then(|s| {
        let number = |k: &str| s[k].as_u64().and_then(|n| usize::try_from(n).ok());
        Some((number("start")?, number("end")?))
    });
    let position_unreadable = position_selector.is_some() && position.is_none();
    (quote.is_some() || position.is_some()).then_some(TextTarget {
        quote,
        position,
        position_unreadable,
    })
}

/// The span of a target. The position places it when it holds the quote
/// (or there is no quote); when it does not — positions counted in UTF-16
/// by JavaScript tools, or an article edited since — the quote is searched
/// for near that position, and the annotation is counted as re-anchored.
/// Fails only when the quote is nowhere in the article.
fn place(
    article: &Article,
    tag: Tag,
    target: TextTarget,
    report: &mut ImportReport,
) -> Result<Span, SpanProblem> {
    let Some((start, end)) = target.position else {
        let quote = target.quote.as_ref().expect("a text target has a selector");
        let span = find_quote(article, tag, quote, None)?;
        // Placed by its text instead of the position the file gave.
        if target.position_unreadable {
            report.reanchored += 1;
        }
        return Ok(span);
    };
    let at_position = char_span(article, start, end);
    let Some(quote) = &target.quote else {
        return at_position;
    };
    let problem = match at_position {
        Ok(span) => {
            let found = &article.text()[span.range()];
            if same_text(found, &quote.exact) {
                return Ok(span);
            }
            SpanProblem::Mismatch {
                start,
                end,
                expected: quote.exact.clone(),
                found: found.to_owned(),
            }
        }
        Err(problem) => problem,
    };
    let span = find_quote(article, tag, quote, Some((start, end))).map_err(|_| problem)?;
    report.reanchored += 1;
    Ok(span)
}

/// Finds a quote with no position in the article, as a set file's
/// annotations are found again (context breaks ties).
/// `near` is a position (in characters) the file gave: of several
/// occurrences, the closest wins.
pub(super) fn find_quote(
    article: &Article,
    tag: Tag,
    quote: &Quote,
    near: Option<(usize, usize)>,
) -> Result<Span, SpanProblem> {
    let not_found = || SpanProblem::NotFound {
        expected: quote.exact.clone(),
    };
    if quote.exact.is_empty() {
        return Err(not_found());
    }
    let probe = Orphan {
        id: AnnotationId(1),
        tag,
        last_start: near.map_or(0, |(start, _)| start),
        last_end: near.map_or(quote.exact.chars().count(), |(_, end)| end),
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

/// The number factmark gave an annotation: from its `canonical`
/// (`urn:factmark:<article sha256>:<created>:7`, what the json export
/// writes), else from an id ending in a number (`x.json#7`, what older
/// exports wrote, or another tool's `…/annotations/12`).
fn number_of(item: &Value) -> Option<u64> {
    let canonical = item["canonical"].as_str();
    canonical
        .filter(|c| c.starts_with(crate::io::export::json::CANONICAL_PREFIX))
        .and_then(trailing_number)
        .or_else(|| item["id"].as_str().and_then(trailing_number))
}

/// `x.json#7` → 7, `urn:…:12` → 12; `None` without trailing digits, when
/// the digits end a longer word (`a1b2`), or for a bare `urn:uuid:` id,
/// whose last group may end in digits that number nothing.
fn trailing_number(id: &str) -> Option<u64> {
    if id.len() >= 9 && id[..9].eq_ignore_ascii_case("urn:uuid:") && !id.contains('#') {
        return None;
    }
    let head = id.trim_end_matches(|c: char| c.is_ascii_digit());
    if head.chars().next_back().is_some_and(char::is_alphanumeric) {
        return None;
    }
    id[head.len()..].parse().ok()
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
        assert_eq!(trailing_number("https://h/annotations/12"), Some(12));
        assert_eq!(trailing_number("urn:uuid:abc"), None);
        assert_eq!(
            trailing_number("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd43012"),
            None
        );
        assert_eq!(trailing_number("anno-a1b2"), None);
    }

    #[test]
    fn the_number_comes_from_canonical_before_the_id() {
        let item: Value = serde_json::from_str(
            r#"{"id": "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd43012",
                "canonical": "urn:factmark:ab12:2026-01-01T00:00:00Z:9"}"#,
        )
        .unwrap();
        assert_eq!(number_of(&item), Some(9));
    }

    #[test]
    fn times_are_kept_in_whole_seconds_and_unreadable_ones_counted() {
        let json = r#"[{"type": "Annotation", "id": "x.json#1", "created": "2024-03-01T10:11:12.345Z",
            "modified": "2024-03-01T08:11:12.999Z", "body": {"purpose": "tagging", "value": "Source"},
            "target": {"selector": {"type": "TextPositionSelector", "start": 0, "end": 12}}},
            {"type": "Annotation", "id": "x.json#2", "created": "yesterday",
            "body": {"purpose": "tagging", "value": "Figure"},
            "target": {"selector": {"type": "TextPositionSelector", "start": 18, "end": 21}}}]"#;
        let imported = import(json).unwrap();
        let times: Vec<(String, String)> = imported
            .set
            .annotations()
            .iter()
            .map(|a| (a.created.to_string(), a.modified.to_string()))
            .collect();
        let epoch = Timestamp::UNIX_EPOCH.to_string();
        assert_eq!(
            times,
            vec![
                (
                    "2024-03-01T10:11:12Z".to_owned(),
                    "2024-03-01T08:11:12Z".to_owned()
                ),
                (epoch.clone(), epoch)
            ]
        );
        assert_eq!(imported.report.unreadable_times, 1);
        assert!(
            imported
                .report
                .summary()
                .contains("; 1 unreadable time replaced by the import's time"),
            "{}",
            imported.report.summary()
        );
    }

    #[test]
    fn every_target_of_an_annotation_becomes_an_annotation() {
        let json = r#"{"type": "Annotation", "id": "x.json#4", "created": "2026-01-02T00:00:00Z",
            "body": [{"purpose": "tagging", "value": "Source"}, {"purpose": "commenting", "value": "both"}],
            "target": ["https://example.org/page",
                {"selector": {"type": "TextPositionSelector", "start": 0, "end": 12}},
                {"selector": {"type": "TextQuoteSelector", "exact": "the minister", "prefix": "agreed, "}}]}"#;
        let imported = import(json).unwrap();
        let got: Vec<(u64, usize, &str)> = imported
            .set
            .annotations()
            .iter()
            .map(|a| (a.id.0, a.span.start, a.note.as_str()))
            .collect();
        assert_eq!(got, vec![(4, 0, "both"), (5, 40, "both")]);
        assert!(
            imported
                .set
                .annotations()
                .iter()
                .all(|a| a.tag == Tag::Source && a.created.to_string() == "2026-01-02T00:00:00Z")
        );
        assert_eq!(imported.report.multi_target, 1);
        assert!(
            imported
                .report
                .summary()
                .contains("1 annotation with several targets split"),
            "{}",
            imported.report.summary()
        );
    }

    #[test]
    fn positions_counted_in_utf16_are_re_anchored_by_the_quote() {
        // A JavaScript tool counts the emoji as two code units.
        let article = Article::new("Vote 👍 said 80% of them, or 80% of all.".to_owned());
        let json = r#"[{"id": "a", "body": [{"purpose": "tagging", "value": "Figure"}],
            "target": {"selector": [{"type": "TextPositionSelector", "start": 13, "end": 16},
                                    {"type": "TextQuoteSelector", "exact": "80%", "prefix": "said "}]}}]"#;
        let options = ImportOptions::new(Timestamp::UNIX_EPOCH);
        let imported = parse(&article, json, Path::new("x.json"), &options).unwrap();
        let a = &imported.set.annotations()[0];
        assert_eq!(article.char_of_byte(a.span.start), Some(12));
        assert_eq!(imported.report.reanchored, 1);
        assert!(
            imported
                .report
                .summary()
                .ends_with("; 1 re-anchored by their quote text")
        );
    }

    #[test]
    fn a_position_that_is_no_offset_is_replaced_by_the_quote_and_counted() {
        let article = Article::new("Vote 👍 said 80% of them.".to_owned());
        for bad in ["-1", "\"12\"", "1e30", "12.5"] {
            let json = format!(
                r#"[{{"id": "a", "body": [{{"purpose": "tagging", "value": "Figure"}}],
                "target": {{"selector": [{{"type": "TextPositionSelector", "start": {bad}, "end": 15}},
                                        {{"type": "TextQuoteSelector", "exact": "80%"}}]}}}}]"#
            );
            let options = ImportOptions::new(Timestamp::UNIX_EPOCH);
            let imported = parse(&article, &json, Path::new("x.json"), &options).unwrap();
            let a = &imported.set.annotations()[0];
            assert_eq!(&article.text()[a.span.range()], "80%", "{bad}");
            assert_eq!(imported.report.reanchored, 1, "{bad}");
        }
    }

    #[test]
    fn a_quote_out_of_range_is_found_by_its_text() {
        let json = r#"[{"body": [{"purpose": "tagging", "value": "Figure"}],
            "target": {"selector": [{"type": "TextPositionSelector", "start": 900, "end": 903},
                                    {"type": "TextQuoteSelector", "exact": "80%"}]}}]"#;
        let imported = import(json).unwrap();
        assert_eq!(imported.set.annotations()[0].span.start, 18);
        assert_eq!(imported.report.reanchored, 1);
    }

    #[test]
    fn a_skipped_span_does_not_suggest_the_option_already_given() {
        let json = r#"[{"id": "a", "body": [{"purpose": "tagging", "value": "Figure"}],
            "target": {"selector": [{"type": "TextPositionSelector", "start": 18, "end": 21},
                                    {"type": "TextQuoteSelector", "exact": "81%"}]}}]"#;
        let failed = import(json).unwrap_err().to_string();
        assert!(
            failed.ends_with("or import with --skip-invalid"),
            "{failed}"
        );
        let options = ImportOptions {
            skip_invalid: true,
            ..ImportOptions::new(Timestamp::UNIX_EPOCH)
        };
        let imported = parse(
            &Article::new(TEXT.to_owned()),
            json,
            Path::new("x.json"),
            &options,
        )
        .unwrap();
        assert_eq!(imported.report.invalid.len(), 1);
        assert!(
            !imported.report.invalid[0].contains("--skip-invalid"),
            "{}",
            imported.report.invalid[0]
        );
    }
}
