//! Label Studio import (Labels on Text): its JSON export — an array of
//! tasks — or a single task, as in Label Studio's task format:
//! `{"data": {"text": …}, "annotations": [{"result": [{"id", "type":
//! "labels", "value": {"start", "end", "text", "labels": […]}}, …]}]}`.
//!
//! The task imported is the first whose `data` holds the article's text
//! exactly, under any key (the project's `<Text value="$key">`); when none
//! does, the import fails and says how many tasks the file has. Its
//! regions are the `labels` results of every annotation that was not
//! cancelled (`completions` in files from Label Studio before 1.0); the
//! cancelled ones are counted as skipped. A task with no annotation is
//! read from its `predictions` (pre-annotations) instead, and the summary
//! says so. Each label of a region maps to a tag
//! like a brat type. A region's note is the per-region `textarea` result
//! with the same id (a `<TextArea perRegion="true">`, what factmark's
//! export writes) and the region's `meta.text`. A region id
//! `factmark-<n>` keeps its number; the annotation's `created_at` and
//! `updated_at` are kept, in whole seconds (one that is not a time is
//! counted, and the import's time used).
//!
//! Offsets count Unicode characters in Label Studio since 2022 and UTF-16
//! code units before (an emoji counted twice). The region's `text` is
//! checked against the article at its offsets; when they disagree, the
//! offsets are read as UTF-16, then the text is searched for near them,
//! and the region is counted as re-anchored. Only a text found nowhere
//! fails (or, with `--skip-invalid`, is skipped and listed). A region
//! without `text` is placed by its offsets alone.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use super::w3c::find_quote;
use super::{
    Candidate, ImportError, ImportOptions, ImportReport, Imported, Location, SpanProblem,
    build_set, char_span, json_error, read_time, same_text,
};
use crate::io::export::label_studio::ID_PREFIX;
use crate::model::{Article, Quote, Span, Tag, Utf16Offsets};

/// Whether a JSON document is Label Studio tasks: an array of objects
/// with a `data` object, or one such object.
pub fn looks_like_tasks(root: &Value) -> bool {
    let is_task = |v: &Value| v["data"].is_object();
    match root {
        Value::Array(all) => all.first().is_some_and(is_task),
        other => is_task(other),
    }
}

/// Parses Label Studio JSON for `article` (`path` names it in messages).
pub fn parse(
    article: &Article,
    json: &str,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let root: Value = serde_json::from_str(json).map_err(|e| json_error(path, &e))?;
    let tasks: Vec<&Value> = match &root {
        Value::Array(all) if all.is_empty() || looks_like_tasks(&root) => all.iter().collect(),
        one if looks_like_tasks(one) => vec![one],
        _ => {
            return Err(ImportError::Malformed {
                path: path.to_owned(),
                at: Location::Line(1),
                message: "not Label Studio tasks (expected an array of objects with `data`, as Label Studio's JSON export writes, or one such object)".into(),
            });
        }
    };
    let holds_article = |task: &&&Value| {
        task["data"]
            .as_object()
            .is_some_and(|data| data.values().any(|v| v.as_str() == Some(article.text())))
    };
    let mut matching = tasks.iter().filter(holds_article);
    let Some(task) = matching.next() else {
        return Err(ImportError::NoMatchingText {
            path: path.to_owned(),
            records: tasks.len(),
            record_kind: ("task", "tasks"),
        });
    };
    let mut report = ImportReport::default();
    for _ in matching {
        report.skip("task with the same text");
    }

    let (cancelled, annotations): (Vec<&Value>, Vec<&Value>) = ["annotations", "completions"]
        .iter()
        .filter_map(|k| task[*k].as_array())
        .flatten()
        .partition(|a| a["was_cancelled"] == Value::Bool(true));
    for _ in cancelled {
        report.skip("cancelled annotation");
    }
    let predictions: Vec<&Value> = task["predictions"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let groups = if annotations.is_empty() && !predictions.is_empty() {
        if !predictions.iter().any(|p| p.is_object()) {
            // Label Studio's plain JSON export lists predictions by id only.
            return Err(ImportError::Malformed {
                path: path.to_owned(),
                at: Location::Line(1),
                message: "the task has no annotations, and its predictions are listed only by their ids (`\"predictions\": [1]`); export the project again with the predictions themselves (a snapshot export whose predictions are not only ids), or annotate the task first".into(),
            });
        }
        report.from_predictions = true;
        predictions
    } else {
        let ignored = predictions.iter().flat_map(|p| results(p)).count();
        for _ in 0..ignored {
            report.skip("prediction");
        }
        annotations
    };

    let mut reader = Reader {
        article,
        options,
        path,
        utf16: None,
        region: 0,
    };
    let mut candidates = Vec::new();
    for group in groups {
        reader.read_group(group, &mut candidates, &mut report)?;
    }
    let set = build_set(article, candidates, options, &mut report);
    Ok(Imported { set, report })
}

/// The results of an annotation or prediction.
fn results(group: &Value) -> impl Iterator<Item = &Value> {
    group["result"].as_array().into_iter().flatten()
}

/// A JSON string or array of strings as one text, lines joined.
fn joined(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(all) => {
            let parts: Vec<&str> = all.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n"))
        }
        _ => None,
    }
}

struct Reader<'a> {
    article: &'a Article,
    options: &'a ImportOptions,
    path: &'a Path,
    /// Built the first time a region's offsets do not hold its text.
    utf16: Option<Utf16Offsets>,
    /// Labeled regions read so far, for messages.
    region: usize,
}

impl Reader<'_> {
    /// Reads the regions of one annotation (or prediction) into `candidates`.
    fn read_group(
        &mut self,
        group: &Value,
        candidates: &mut Vec<Candidate>,
        report: &mut ImportReport,
    ) -> Result<(), ImportError> {
        let (created, modified) = (
            read_time(&group["created_at"], report),
            read_time(&group["updated_at"], report),
        );
        let is_labels = |r: &Value| r["type"].as_str() == Some("labels");
        // Notes first: a per-region textarea may come before its region.
        let mut notes: HashMap<&str, Vec<String>> = HashMap::new();
        for result in results(group) {
            let Some(id) = result["id"].as_str() else {
                continue;
            };
            let text = if is_labels(result) {
                joined(&result["meta"]["text"])
            } else if result["type"].as_str() == Some("textarea") {
                joined(&result["value"]["text"])
            } else {
                None
            };
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                notes.entry(id).or_default().push(text);
            }
        }
        let region_ids: Vec<&str> = results(group)
            .filter(|r| is_labels(r))
            .filter_map(|r| r["id"].as_str())
            .collect();
        for result in results(group) {
            match result["type"].as_str() {
                Some("labels") => {}
                Some("textarea") => {
                    let id = result["id"].as_str().unwrap_or_default();
                    if !region_ids.contains(&id) {
                        report.skip("note on no region");
                    }
                    continue;
                }
                Some("relation") => {
                    report.skip("relation");
                    continue;
                }
                _ => {
                    report.skip("other result");
                    continue;
                }
            }
            self.region += 1;
            let at = Location::Region(self.region);
            let id = result["id"].as_str().unwrap_or("(no id)");
            let value = &result["value"];
            let number = |k: &str| value[k].as_u64().and_then(|n| usize::try_from(n).ok());
            let offsets = number("start").zip(number("end"));
            let text = value["text"].as_str().filter(|t| !t.is_empty());
            if offsets.is_none() && text.is_none() {
                report.skip("region without text offsets");
                continue;
            }
            let note = notes.get(id).map(|n| n.join("\n")).unwrap_or_default();
            let labels: Vec<&str> = value["labels"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            if labels.is_empty() {
                *report.unmapped.entry("(no label)".to_owned()).or_default() += 1;
            }
            for label in labels {
                let Some(tag) = self.options.tag_of(label) else {
                    *report.unmapped.entry(label.to_owned()).or_default() += 1;
                    continue;
                };
                match self.place(tag, offsets, text, report) {
                    Ok(span) => candidates.push(Candidate {
                        id: id.strip_prefix(ID_PREFIX).and_then(|n| n.parse().ok()),
                        tag,
                        span,
                        note: note.clone(),
                        created,
                        modified,
                    }),
                    Err(problem) => {
                        let error = ImportError::InvalidSpan {
                            path: self.path.to_owned(),
                            at,
                            id: id.to_owned(),
                            problem: Box::new(problem),
                            skip_hint: self.options.skip_hint(),
                            crlf_hint: false,
                        };
                        if !self.options.skip_invalid {
                            return Err(error);
                        }
                        report.invalid.push(error.to_string());
                    }
                }
            }
        }
        Ok(())
    }

    /// The span of a region: its offsets in characters when they hold its
    /// text; else the same offsets in UTF-16 code units; else its text
    /// near them, or anywhere when its offsets are not numbers (all three
    /// counted as re-anchored). A region has offsets or text.
    fn place(
        &mut self,
        tag: Tag,
        offsets: Option<(usize, usize)>,
        text: Option<&str>,
        report: &mut ImportReport,
    ) -> Result<Span, SpanProblem> {
        let quote = |text: &str| Quote {
            exact: text.to_owned(),
            prefix: String::new(),
            suffix: String::new(),
        };
        let Some((start, end)) = offsets else {
            let span = find_quote(self.article, tag, &quote(text.unwrap_or_default()), None)?;
            report.reanchored += 1;
            return Ok(span);
        };
        let at_offsets = char_span(self.article, start, end);
        let Some(text) = text else {
            return at_offsets;
        };
        let holds = |span: &Span| same_text(&self.article.text()[span.range()], text);
        let problem = match at_offsets {
            Ok(span) if holds(&span) => return Ok(span),
            Ok(span) => SpanProblem::Mismatch {
                start,
                end,
                expected: text.to_owned(),
                found: self.article.text()[span.range()].to_owned(),
            },
            Err(problem) => problem,
        };
        let utf16 = self
            .utf16
            .get_or_insert_with(|| Utf16Offsets::new(self.article.text()));
        if utf16.differs()
            && let (Some(s), Some(e)) = (utf16.to_char(start), utf16.to_char(end))
            && let Ok(span) = char_span(self.article, s, e)
            && holds(&span)
        {
            report.reanchored += 1;
            return Ok(span);
        }
        let span =
            find_quote(self.article, tag, &quote(text), Some((start, end))).map_err(|_| problem)?;
        report.reanchored += 1;
        Ok(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;
    use serde_json::json;

    const TEXT: &str = "Vote 👍 said 80% of them, or 80% of all — señor Pérez.";

    fn import(root: &Value) -> Result<Imported, ImportError> {
        import_with(root, &ImportOptions::new(Timestamp::UNIX_EPOCH))
    }

    fn import_with(root: &Value, options: &ImportOptions) -> Result<Imported, ImportError> {
        parse(
            &Article::new(TEXT.to_owned()),
            &root.to_string(),
            Path::new("x.json"),
            options,
        )
    }

    fn region(id: &str, start: usize, end: usize, text: &str, label: &str) -> Value {
        json!({"id": id, "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": start, "end": end, "text": text, "labels": [label]}})
    }

    fn chars_of(imported: &Imported) -> Vec<(usize, &str, &str)> {
        let article = Article::new(TEXT.to_owned());
        imported
            .set
            .annotations()
            .iter()
            .map(|a| {
                (
                    article.char_of_byte(a.span.start).unwrap(),
                    a.quote.exact.as_str(),
                    a.note.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn the_task_with_the_article_text_is_read_with_its_notes() {
        let file = json!([
            {"data": {"text": "another article"}, "annotations": []},
            {"data": {"body": TEXT, "n": 1}, "annotations": [{"created_at": "2024-05-01T10:00:00.123456Z",
                "result": [
                    {"id": "n1", "from_name": "note", "to_name": "text", "type": "textarea",
                     "value": {"start": 12, "end": 15, "text": ["official", "result"]}},
                    region("n1", 12, 15, "80%", "Figure"),
                    region("factmark-9", 47, 52, "Pérez", "source"),
                    {"id": "c", "type": "choices", "value": {"choices": ["ok"]}}]}]}
        ]);
        let imported = import(&file).unwrap();
        assert_eq!(
            chars_of(&imported),
            vec![(12, "80%", "official\nresult"), (47, "Pérez", "")]
        );
        let numbers: Vec<u64> = imported.set.annotations().iter().map(|a| a.id.0).collect();
        assert_eq!(numbers, vec![10, 9]);
        // Times are whole seconds, as factmark writes every time.
        assert_eq!(
            imported.set.annotations()[0].created.to_string(),
            "2024-05-01T10:00:00Z"
        );
        assert_eq!(imported.report.unreadable_times, 0);
        assert_eq!(imported.report.reanchored, 0);
        assert_eq!(imported.report.skipped.get("other result"), Some(&1));
    }

    #[test]
    fn utf16_offsets_are_read_as_such_and_counted() {
        // Label Studio before 2022 counted the emoji as two code units.
        let file = json!({"data": {"text": TEXT}, "annotations": [{"result": [
            region("a", 13, 16, "80%", "Figure"), region("b", 48, 53, "Pérez", "Source")]}]});
        let imported = import(&file).unwrap();
        assert_eq!(
            chars_of(&imported),
            vec![(12, "80%", ""), (47, "Pérez", "")]
        );
        assert_eq!(imported.report.reanchored, 2);
        assert!(
            imported
                .report
                .summary()
                .contains("; 2 re-anchored by their quote text"),
            "{}",
            imported.report.summary()
        );
    }

    #[test]
    fn a_text_found_nowhere_fails_with_both_texts_unless_skipped() {
        let file = json!([{"data": {"text": TEXT}, "annotations": [{"result": [
            region("a", 12, 15, "80%", "Figure"), region("b", 12, 15, "90%", "Figure")]}]}]);
        let error = import(&file).unwrap_err();
        assert!(!error.is_unreadable());
        assert_eq!(
            error.to_string(),
            "x.json: region 2: b: the text \"90%\" does not match the article at 12..15, which reads \"80%\"; fix the file or import with --skip-invalid"
        );
        let options = ImportOptions {
            skip_invalid: true,
            ..ImportOptions::new(Timestamp::UNIX_EPOCH)
        };
        let imported = import_with(&file, &options).unwrap();
        assert_eq!(imported.set.len(), 1);
        assert_eq!(imported.report.invalid.len(), 1);
    }

    #[test]
    fn a_region_whose_offsets_are_no_numbers_is_found_by_its_text() {
        let mut bad = region("a", 0, 0, "señor Pérez", "Source");
        bad["value"]["start"] = json!(1e30);
        bad["value"]["end"] = json!("x");
        let mut empty = region("b", 0, 0, "", "Source");
        empty["value"]["start"] = json!(-1);
        let file = json!({"data": {"text": TEXT}, "annotations": [{"result": [bad, empty]}]});
        let imported = import(&file).unwrap();
        let spans: Vec<&str> = imported
            .set
            .annotations()
            .iter()
            .map(|a| &TEXT[a.span.range()])
            .collect();
        assert_eq!(spans, ["señor Pérez"]);
        assert_eq!(imported.report.reanchored, 1);
        assert!(
            imported
                .report
                .summary()
                .contains("skipped 1 region without text offsets"),
            "{}",
            imported.report.summary()
        );
    }

    #[test]
    fn an_unreadable_modification_time_becomes_the_creation_time_as_said() {
        let file = json!({"data": {"text": TEXT}, "annotations": [{
            "created_at": "2018-05-06T07:08:09Z", "updated_at": "garbage",
            "result": [region("a", 12, 15, "80%", "Figure")]}]});
        let imported = import(&file).unwrap();
        let a = &imported.set.annotations()[0];
        assert_eq!(a.modified, a.created);
        assert_eq!(a.created.to_string(), "2018-05-06T07:08:09Z");
        let summary = imported.report.summary();
        assert!(
            summary.contains("1 unreadable time replaced by the import's time (a modification time by the creation time)"),
            "{summary}"
        );
    }

    #[test]
    fn an_unreadable_time_is_counted_not_silently_replaced() {
        let file = json!({"data": {"text": TEXT}, "annotations": [{
            "created_at": "yesterday", "updated_at": "2024-03-02T10:11:12.9Z",
            "result": [region("a", 12, 15, "80%", "Figure")]}]});
        let imported = import(&file).unwrap();
        let a = &imported.set.annotations()[0];
        assert_eq!(a.created, Timestamp::UNIX_EPOCH, "the import's time");
        assert_eq!(a.modified.to_string(), "2024-03-02T10:11:12Z");
        assert_eq!(imported.report.unreadable_times, 1);
        assert!(
            imported
                .report
                .summary()
                .contains("1 unreadable time replaced by the import's time"),
            "{}",
            imported.report.summary()
        );
    }

    #[test]
    fn a_cancelled_annotation_is_counted_as_skipped() {
        let file = json!({"data": {"text": TEXT}, "annotations": [{"was_cancelled": true,
            "result": [region("a", 12, 15, "80%", "Figure")]}]});
        let imported = import(&file).unwrap();
        assert_eq!(imported.set.len(), 0);
        assert_eq!(
            imported.report.skipped.get("cancelled annotation"),
            Some(&1)
        );
        assert!(
            imported
                .report
                .summary()
                .ends_with("; skipped 1 cancelled annotation"),
            "{}",
            imported.report.summary()
        );
    }

    #[test]
    fn predictions_listed_only_by_id_are_refused_not_read_as_nothing() {
        let file =
            json!([{"id": 1, "data": {"text": TEXT}, "annotations": [], "predictions": [1]}]);
        let error = import(&file).unwrap_err();
        assert!(
            error.to_string().contains("listed only by their ids"),
            "{error}"
        );
    }

    #[test]
    fn predictions_are_read_only_without_annotations() {
        let prediction = json!({"result": [region("p", 12, 15, "80%", "Figure")]});
        let file = json!({"data": {"text": TEXT}, "predictions": [prediction]});
        let imported = import(&file).unwrap();
        assert_eq!(imported.set.len(), 1);
        assert!(imported.report.summary().contains("predictions"));
        let file = json!({"data": {"text": TEXT}, "predictions": [prediction],
            "annotations": [{"result": [], "was_cancelled": false}]});
        let imported = import(&file).unwrap();
        assert_eq!(imported.set.len(), 0);
        assert_eq!(imported.report.skipped.get("prediction"), Some(&1));
    }

    #[test]
    fn other_documents_are_not_tasks() {
        let error = import(&json!({"type": "Annotation"})).unwrap_err();
        assert!(error.is_unreadable());
        let error = import(&json!([{"data": {"text": "x"}}])).unwrap_err();
        assert!(
            error.to_string().starts_with(
                "x.json: no task holds exactly the article's text (the file has 1 task)"
            ),
            "{error}"
        );
        assert!(looks_like_tasks(&json!([{"data": {}}])));
        assert!(!looks_like_tasks(&json!([{"type": "Annotation"}])));
    }
}
