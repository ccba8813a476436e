//! W3C Web Annotation Data Model export (JSON-LD).
//!
//! One `AnnotationCollection` per article, its annotations in a single
//! `AnnotationPage`. Each annotation has a tagging `TextualBody` (the tag),
//! a commenting `TextualBody` when it has a note, and a target whose source
//! is the article's file name with a `TextQuoteSelector` (exact, prefix,
//! suffix) and a `TextPositionSelector` (start, end in Unicode characters).
//! Annotation ids are `<stem>.json#<id>` so an import gets the ids back.
//! This module only renders: it never reads the clock or the disk.

use serde::Serialize;

use super::{Document, Entry};

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    generator: Generator,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Generator {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<WebAnnotation<'a>>,
}

#[derive(Serialize)]
struct WebAnnotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: String,
    modified: String,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
    format: &'static str,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: (QuoteSelector<'a>, PositionSelector),
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

/// The collection of one document, pretty-printed, ending with a newline.
pub fn render(doc: &Document) -> String {
    let collection_id = format!("{}.json", doc.stem);
    let items = doc
        .entries
        .iter()
        .map(|entry| annotation(doc, &collection_id, entry))
        .collect::<Vec<_>>();
    let collection = Collection {
        context: CONTEXT,
        id: collection_id.clone(),
        kind: "AnnotationCollection",
        label: doc.title(),
        total: items.len(),
        generator: Generator {
            kind: "Software",
            name: "factmark",
        },
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut json = serde_json::to_string_pretty(&collection)
        .expect("plain structs of strings and numbers always serialize");
    json.push('\n');
    json
}

fn annotation<'a>(doc: &'a Document, collection_id: &str, entry: &Entry<'a>) -> WebAnnotation<'a> {
    let a = entry.annotation;
    let mut body = vec![Body {
        kind: "TextualBody",
        purpose: "tagging",
        value: a.tag.label(),
        format: "text/plain",
    }];
    if !a.note.is_empty() {
        body.push(Body {
            kind: "TextualBody",
            purpose: "commenting",
            value: &a.note,
            format: "text/plain",
        });
    }
    WebAnnotation {
        id: format!("{collection_id}#{}", a.id),
        kind: "Annotation",
        motivation: "tagging",
        created: a.created.to_string(),
        modified: a.modified.to_string(),
        body,
        target: Target {
            source: &doc.file_name,
            selector: (
                QuoteSelector {
                    kind: "TextQuoteSelector",
                    exact: &a.quote.exact,
                    prefix: &a.quote.prefix,
                    suffix: &a.quote.suffix,
                },
                PositionSelector {
                    kind: "TextPositionSelector",
                    start: entry.start,
                    end: entry.end,
                },
            ),
        },
    }
}
