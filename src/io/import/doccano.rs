//! doccano import (sequence labeling JSONL): one JSON object per line,
//! `{"text": …, "label": [[start, end, "Claim"], …]}`, as doccano exports a
//! sequence labeling project and as it imports one.
//!
//! A file holds the texts of many documents: the line whose `text` is
//! exactly the article's is imported (the first such line; others with the
//! same text are counted and skipped); when none is, the import fails and
//! says how many lines the file has. Spans are read from `label` (doccano's
//! default column), else `labels` or `entities` (a project with relations
//! exports `entities`), each `[start, end, "Label"]` or `{"start_offset",
//! "end_offset", "label"}`; labels map to tags like brat types. Offsets
//! count UTF-16 code units, end exclusive: doccano's editor is JavaScript
//! and stores string indices, so a character outside the Basic Multilingual
//! Plane (most emoji) counts two; in any other text they are character
//! offsets. A text doccano kept with a byte order mark in front (an
//! uploaded UTF-8 file that had one) is the article's too; its offsets
//! count the mark, and are read so.
//! Since the line's text is the article's, a span that lies in the text is
//! the article's text; one past its end fails. doccano has no notes on
//! spans, no annotation numbers and no times: the set gets fresh numbers
//! and the time of the import. Relations, document categories (strings in
//! the label list) and comments have no place in a set and are counted.
//! The file may also be one JSON value per record over several lines, or a
//! JSON array of records.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use serde_json::value::RawValue;

use super::{
    Candidate, ImportError, ImportOptions, ImportReport, Imported, Location, SpanProblem,
    build_set, char_span, json_error,
};
use crate::model::{Article, Utf16Offsets};

/// The keys a record's spans may be under, in the order they are looked for.
const SPAN_KEYS: [&str; 3] = ["label", "labels", "entities"];

/// Parses doccano JSONL for `article` (`path` names it in messages).
pub fn parse(
    article: &Article,
    jsonl: &str,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let records = records(jsonl, path)?;
    let is_article = |text: &str| {
        (text == article.text()).then_some(0).or_else(|| {
            // The byte order mark doccano keeps is one code unit.
            (text.strip_prefix('\u{feff}') == Some(article.text())).then_some(1)
        })
    };
    let mut matching = records.iter().filter_map(|r| {
        let mark = is_article(r.value["text"].as_str()?)?;
        Some((&r.line, &r.value, mark, r))
    });
    let Some((line, record, mark, raw)) = matching.next() else {
        return Err(ImportError::NoMatchingText {
            path: path.to_owned(),
            records: records.len(),
            record_kind: ("line", "lines"),
        });
    };
    let mut report = ImportReport::default();
    for _ in matching {
        report.skip("line with the same text");
    }
    let at = Location::Line(*line);
    let malformed = |message: String| ImportError::Malformed {
        path: path.to_owned(),
        at,
        message,
    };
    let key = SPAN_KEYS.iter().find(|k| !record[**k].is_null());
    let spans = match key.map(|k| &record[*k]) {
        None => &[][..],
        Some(Value::Array(spans)) => spans.as_slice(),
        Some(_) => {
            return Err(malformed(
                "its `label` is not a list of spans ([start, end, \"Label\"])".into(),
            ));
        }
    };
    let units = Utf16Offsets::new(article.text());
    let length = article.text().encode_utf16().count();
    report.utf16 = units.differs();
    // Code units after the mark, to characters; `None` for an offset that
    // splits a character in two or lies on the mark.
    let to_char = |offset: usize| offset.checked_sub(mark).and_then(|o| units.to_char(o));
    let mut candidates = Vec::with_capacity(spans.len());
    for (index, span) in spans.iter().enumerate() {
        let Some((start, end, label)) = span_of(span) else {
            if span.is_string() {
                report.skip("document label");
                continue;
            }
            if let Some((which, path)) = bad_offset(span) {
                // serde_json reads a number too large for u64 as a float:
                // name it as the file writes it, not as that float.
                let key = key.copied().unwrap_or_default();
                let as_written = raw.number_text(key, index, path);
                let as_written = as_written.unwrap_or_else(|| part(span, path).to_string());
                return Err(malformed(format!(
                    "label {}: its {which} offset {as_written} is not a character offset (a whole number from 0 to {})",
                    index + 1,
                    usize::MAX
                )));
            }
            return Err(malformed(format!(
                "label {} is {span}, not [start, end, \"Label\"]",
                index + 1
            )));
        };
        let Some(tag) = options.tag_of(label) else {
            *report.unmapped.entry(label.to_owned()).or_default() += 1;
            continue;
        };
        // Problems are told in the file's own offsets.
        let chars = match (to_char(start), to_char(end)) {
            _ if start >= end => Err(SpanProblem::Empty { start, end }),
            _ if end > mark + length => Err(SpanProblem::OutOfRange {
                start,
                end,
                len: article.char_len(),
            }),
            (Some(start), Some(end)) => char_span(article, start, end),
            _ => Err(SpanProblem::SplitsCharacter { start, end }),
        };
        match chars {
            Ok(span) => candidates.push(Candidate {
                id: None,
                tag,
                span,
                note: String::new(),
                created: None,
                modified: None,
            }),
            Err(problem) => {
                let error = ImportError::InvalidSpan {
                    path: path.to_owned(),
                    at,
                    id: format!("label {} ({label})", index + 1),
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
    for _ in record["relations"].as_array().into_iter().flatten() {
        report.skip("relation");
    }
    let comments = ["Comments", "comments"].map(|k| record[k].as_array());
    for _ in comments.into_iter().flatten().flatten() {
        report.skip("comment");
    }
    let set = build_set(article, candidates, options, &mut report);
    Ok(Imported { set, report })
}

/// A record of a file, with the line it begins on and its text there.
struct Record<'a> {
    line: usize,
    value: Value,
    /// The JSON value of the file that holds it, as written.
    raw: &'a str,
    /// Its place in that value when that is an array of records.
    item: Option<usize>,
}

impl Record<'_> {
    /// The text of a number of span `index` under `key`, as the file writes
    /// it (`18446744073709551616`, `2.50`), where `path` is its index in a
    /// `[start, end, label]` list or its key in a span object. Parses the
    /// record again: only done for a message.
    fn number_text(&self, key: &str, index: usize, path: &str) -> Option<String> {
        let record = match self.item {
            Some(item) => element(self.raw, item)?,
            None => self.raw,
        };
        let span = element(member(record, key)?, index)?;
        let number = match path.parse::<usize>() {
            Ok(i) => element(span, i)?,
            Err(_) => member(span, path)?,
        };
        Some(number.to_owned())
    }
}

/// Element `index` of a JSON array, as written.
fn element(json: &str, index: usize) -> Option<&str> {
    let all: Vec<&RawValue> = serde_json::from_str(json).ok()?;
    all.get(index).map(|v| v.get())
}

/// Member `key` of a JSON object, as written.
fn member<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let all: HashMap<String, &RawValue> = serde_json::from_str(json).ok()?;
    all.get(key).map(|v| v.get())
}

/// A span whose start or end is a number but not an offset (negative, a
/// fraction, or too large): which, and its index or key in the span.
fn bad_offset(span: &Value) -> Option<(&'static str, &'static str)> {
    let is_bad =
        |v: &Value| v.is_number() && v.as_u64().and_then(|n| usize::try_from(n).ok()).is_none();
    let (start, end) = match span {
        Value::Array(parts) if parts.len() == 3 => ("0", "1"),
        Value::Object(_) => ("start_offset", "end_offset"),
        _ => return None,
    };
    [("start", start), ("end", end)]
        .into_iter()
        .find(|(_, path)| is_bad(part(span, path)))
}

/// Part `path` of a span: an index of a list, else a key of an object.
fn part<'a>(span: &'a Value, path: &str) -> &'a Value {
    match path.parse::<usize>() {
        Ok(i) => &span[i],
        Err(_) => &span[path],
    }
}

/// The records of a file with the line each begins on: one JSON value per
/// line (or over several lines), arrays of records flattened.
fn records<'a>(text: &'a str, path: &Path) -> Result<Vec<Record<'a>>, ImportError> {
    let mut records = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    // Line breaks are counted from where the last count stopped, so a
    // file of many lines is read once.
    let (mut counted, mut line) = (0, 1);
    loop {
        let rest = &text[stream.byte_offset()..];
        let begins = stream.byte_offset() + (rest.len() - rest.trim_start().len());
        line += text[counted..begins].matches('\n').count();
        counted = begins;
        let value = match stream.next() {
            None => break,
            Some(Err(error)) => return Err(json_error(path, &error)),
            Some(Ok(value)) => value,
        };
        let raw = &text[begins..stream.byte_offset()];
        match value {
            Value::Array(all) => {
                records.extend(all.into_iter().enumerate().map(|(i, value)| Record {
                    line,
                    value,
                    raw,
                    item: Some(i),
                }));
            }
            value => records.push(Record {
                line,
                value,
                raw,
                item: None,
            }),
        }
    }
    Ok(records)
}

/// `[start, end, "Label"]` or `{"start_offset", "end_offset", "label"}`.
fn span_of(span: &Value) -> Option<(usize, usize, &str)> {
    let number = |v: &Value| v.as_u64().and_then(|n| usize::try_from(n).ok());
    match span {
        Value::Array(parts) if parts.len() == 3 => {
            Some((number(&parts[0])?, number(&parts[1])?, parts[2].as_str()?))
        }
        Value::Object(_) => Some((
            number(&span["start_offset"])?,
            number(&span["end_offset"])?,
            span["label"].as_str()?,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tag;
    use jiff::Timestamp;

    const TEXT: &str = "Le ministre a dit: « 80 % » 👍 — Reuters.";

    fn import(jsonl: &str) -> Result<Imported, ImportError> {
        parse(
            &Article::new(TEXT.to_owned()),
            jsonl,
            Path::new("x.jsonl"),
            &ImportOptions::new(Timestamp::UNIX_EPOCH),
        )
    }

    fn texts(imported: &Imported) -> Vec<(Tag, &str)> {
        imported
            .set
            .annotations()
            .iter()
            .map(|a| (a.tag, a.quote.exact.as_str()))
            .collect()
    }

    #[test]
    fn the_line_with_the_article_text_is_read_in_utf16_units() {
        // After 👍, UTF-16 counts one more than characters: Reuters is
        // 33..40, as doccano's editor stores it.
        let jsonl = format!(
            "{{\"text\": \"another\", \"label\": [[0, 3, \"Claim\"]]}}\n\
             {}\n",
            serde_json::json!({"text": TEXT, "label": [[21, 25, "figure"], [33, 40, "SOURCE"]]})
        );
        let imported = import(&jsonl).unwrap();
        assert_eq!(
            texts(&imported),
            vec![(Tag::Figure, "80 %"), (Tag::Source, "Reuters")]
        );
        assert!(imported.report.utf16);
        assert!(imported.report.summary().contains("UTF-16"));
        // Half an emoji is no span.
        let half = serde_json::json!({"text": TEXT, "label": [[29, 30, "Claim"]]}).to_string();
        let error = import(&half).unwrap_err();
        assert!(
            error.to_string().contains("cuts a character in two"),
            "{error}"
        );
    }

    #[test]
    fn a_text_doccano_kept_with_a_byte_order_mark_is_the_article() {
        let text = format!("\u{feff}{TEXT}");
        let jsonl = serde_json::json!({"text": text, "label": [[1, 3, "Source"]]}).to_string();
        let imported = import(&jsonl).unwrap();
        assert_eq!(texts(&imported), vec![(Tag::Source, "Le")]);
    }

    #[test]
    fn span_objects_relations_categories_and_comments() {
        let jsonl = serde_json::json!({"text": TEXT,
            "entities": [{"id": 4, "start_offset": 0, "end_offset": 11, "label": "Source"}],
            "relations": [{"id": 1, "from_id": 4, "to_id": 4, "type": "self"}],
            "Comments": ["check"]})
        .to_string();
        let imported = import(&jsonl).unwrap();
        assert_eq!(texts(&imported), vec![(Tag::Source, "Le ministre")]);
        assert_eq!(imported.report.skipped.get("relation"), Some(&1));
        assert_eq!(imported.report.skipped.get("comment"), Some(&1));
        let categories = serde_json::json!({"text": TEXT, "label": ["positive"]}).to_string();
        let report = import(&categories).unwrap().report;
        assert_eq!(report.skipped.get("document label"), Some(&1));
    }

    #[test]
    fn no_line_with_the_text_fails_with_the_count() {
        let error = import("{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.jsonl: no line holds exactly the article's text (the file has 2 lines), so it annotates other texts; the text must be the article's as `factmark text` prints it"
        );
        assert!(!error.is_unreadable());
    }

    #[test]
    fn bad_json_names_its_line_and_column() {
        let error = import("{\"text\": \"a\"}\n{\"text\": \"b\",}\n").unwrap_err();
        assert!(error.is_unreadable());
        assert_eq!(
            error.to_string(),
            "x.jsonl:2: not valid JSON: trailing comma at line 2 column 14"
        );
    }

    #[test]
    fn a_span_past_the_end_fails_with_its_line() {
        let jsonl = format!(
            "\n{}\n",
            serde_json::json!({"text": TEXT, "label": [[33, 99, "Source"]]})
        );
        let error = import(&jsonl).unwrap_err();
        assert!(!error.is_unreadable());
        assert!(
            error.to_string().starts_with(
                "x.jsonl:2: label 1 (Source): the span 33..99 ends past the end of the article (40 characters)"
            ),
            "{error}"
        );
    }

    #[test]
    fn an_offset_that_is_no_whole_number_is_named_as_written() {
        let text = serde_json::to_string(TEXT).unwrap();
        let cases = [
            (
                format!(
                    "{{\"text\": {text}, \"label\": [[21, 18446744073709551616, \"Source\"]]}}"
                ),
                "x.jsonl:1: label 1: its end offset 18446744073709551616 is not a character offset (a whole number from 0 to 18446744073709551615)",
            ),
            (
                format!(
                    "[{{\"text\": \"a\"}}, {{\"text\": {text},\n \"entities\": [{{\"start_offset\": 2.50, \"end_offset\": 3, \"label\": \"Source\"}}]}}]"
                ),
                "x.jsonl:1: label 1: its start offset 2.50 is not a character offset (a whole number from 0 to 18446744073709551615)",
            ),
            (
                format!(
                    "{{\"text\": {text}, \"label\": [[0, 3, \"Source\"], [-1E3, 3, \"Source\"]]}}"
                ),
                "x.jsonl:1: label 2: its start offset -1E3 is not a character offset (a whole number from 0 to 18446744073709551615)",
            ),
        ];
        for (jsonl, message) in cases {
            let error = import(&jsonl).unwrap_err();
            assert!(error.is_unreadable());
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn a_malformed_span_is_unreadable() {
        let jsonl = serde_json::json!({"text": TEXT, "label": [[1, "Claim"]]}).to_string();
        let error = import(&jsonl).unwrap_err();
        assert!(error.is_unreadable());
        assert!(
            error.to_string().contains("label 1 is [1,\"Claim\"]"),
            "{error}"
        );
    }
}
