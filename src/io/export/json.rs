//! W3C Web Annotation Data Model export (JSON-LD).
//!
//! One `AnnotationCollection` per article, its annotations in a single
//! `AnnotationPage`. Each annotation has a tagging `TextualBody` (the tag),
//! a commenting `TextualBody` when it has a note, and a target whose source
//! is the article (its canonical web address when it has one, else a
//! `file://` URL of its file) with a `TextQuoteSelector` (exact, prefix,
//! suffix) and a `TextPositionSelector` (start, end in Unicode characters).
//!
//! Every id is an absolute IRI, stable for the same set and article and
//! computed, never drawn at random: the collection and its page are
//! `urn:uuid:` name-based (version 5) UUIDs of the article text's SHA-256;
//! an annotation's `canonical` IRI is
//! `urn:factmark:<article sha256>:<created>:<number>` (the Web Annotation
//! property for "this annotation in all its copies"), and its `id` is the
//! version 5 UUID of that. The number at the end of `canonical` is how an
//! import gets factmark's annotation numbers back.
//! This module only renders: it never reads the clock or the disk.

use serde::Serialize;

use uuid::Uuid;

use super::{Document, Entry};
use crate::io::store::text_sha256;

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// How every annotation's `canonical` IRI begins.
pub const CANONICAL_PREFIX: &str = "urn:factmark:";

/// A `urn:uuid:` IRI named by `name` (UUID version 5, URL namespace): the
/// same name always gives the same id.
fn uuid_iri(name: &str) -> String {
    format!(
        "urn:uuid:{}",
        Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes()).hyphenated()
    )
}

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
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<WebAnnotation<'a>>,
}

#[derive(Serialize)]
struct WebAnnotation<'a> {
    id: String,
    canonical: String,
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
    let article = format!("{CANONICAL_PREFIX}{}", text_sha256(doc.article.text()));
    let items = doc
        .entries
        .iter()
        .map(|entry| annotation(doc, &article, entry))
        .collect::<Vec<_>>();
    let collection = Collection {
        context: CONTEXT,
        id: uuid_iri(&article),
        kind: "AnnotationCollection",
        label: doc.title(),
        total: items.len(),
        generator: Generator {
            kind: "Software",
            name: "factmark",
        },
        first: Page {
            id: uuid_iri(&format!("{article}:page")),
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

/// One annotation; `article` is `urn:factmark:<article sha256>`.
fn annotation<'a>(doc: &'a Document, article: &str, entry: &Entry<'a>) -> WebAnnotation<'a> {
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
    // The creation time tells apart two sets of the same article whose
    // annotations happen to share a number.
    let canonical = format!("{article}:{}:{}", a.created, a.id);
    WebAnnotation {
        id: uuid_iri(&canonical),
        canonical,
        kind: "Annotation",
        motivation: "tagging",
        created: a.created.to_string(),
        modified: a.modified.to_string(),
        body,
        target: Target {
            source: &doc.source,
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
