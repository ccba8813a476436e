//! Label Studio export (Labels on Text): a JSON array of one task, as
//! Label Studio imports tasks with annotations and exports them again.
//!
//! ```json
//! [{"data": {"text": "…", "file": "x.txt"},
//!   "annotations": [{"result": [
//!     {"id": "factmark-7", "from_name": "label", "to_name": "text", "type": "labels",
//!      "value": {"start": 788, "end": 793, "text": "80.1%", "labels": ["Figure"]}},
//!     {"id": "factmark-7", "from_name": "note", "to_name": "text", "type": "textarea",
//!      "value": {"start": 788, "end": 793, "text": ["Official result"]}}]}]}]
//! ```
//!
//! Each annotation is a `labels` region whose id is `factmark-<number>`;
//! its note is a per-region `textarea` result with the same id, which is
//! how Label Studio stores a `<TextArea perRegion="true">` answer. Offsets
//! count Unicode characters (code points), end exclusive, as Label Studio
//! has since 2022 (older versions counted UTF-16 code units; the import
//! takes both). The names `label`, `note` and `text` must be those of the
//! project's labeling configuration: [`config`] is one that fits, written
//! beside the export as [`CONFIG_FILE`]. Rendering only.

use std::fmt::Write;

use serde::Serialize;

use super::html::tag_hex;
use super::{Document, Entry, brat::WRITTEN_BY_FACTMARK};
use crate::model::Tag;

/// The labeling configuration written beside a Label Studio export.
pub const CONFIG_FILE: &str = "label-studio-config.xml";

/// How a region's id begins; the number after it is the annotation's.
pub const ID_PREFIX: &str = "factmark-";

/// The `from_name` of the labels, the note and the `to_name` of the text.
pub const LABELS_NAME: &str = "label";
pub const NOTE_NAME: &str = "note";
pub const TEXT_NAME: &str = "text";

#[derive(Serialize)]
struct Task<'a> {
    data: Data<'a>,
    annotations: [Annotation<'a>; 1],
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    file: &'a str,
}

#[derive(Serialize)]
struct Annotation<'a> {
    result: Vec<Region<'a>>,
}

#[derive(Serialize)]
struct Region<'a> {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: Value<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Value<'a> {
    Labels {
        start: usize,
        end: usize,
        text: &'a str,
        labels: [&'static str; 1],
    },
    Note {
        start: usize,
        end: usize,
        text: [&'a str; 1],
    },
}

/// The task file of one document, pretty-printed, ending with a newline.
pub fn render(doc: &Document) -> String {
    let result = doc.entries.iter().flat_map(regions).collect();
    let task = Task {
        data: Data {
            text: doc.article.text(),
            file: &doc.file_name,
        },
        annotations: [Annotation { result }],
    };
    let mut json = serde_json::to_string_pretty(&[task])
        .expect("plain structs of strings and numbers always serialize");
    json.push('\n');
    json
}

/// The labels region of one annotation, and its note's region.
fn regions<'a>(entry: &Entry<'a>) -> Vec<Region<'a>> {
    let a = entry.annotation;
    let id = format!("{ID_PREFIX}{}", a.id);
    let region = |kind, from_name, value| Region {
        id: id.clone(),
        from_name,
        to_name: TEXT_NAME,
        kind,
        value,
    };
    let mut regions = vec![region(
        "labels",
        LABELS_NAME,
        Value::Labels {
            start: entry.start,
            end: entry.end,
            text: &a.quote.exact,
            labels: [a.tag.label()],
        },
    )];
    if !a.note.is_empty() {
        regions.push(region(
            "textarea",
            NOTE_NAME,
            Value::Note {
                start: entry.start,
                end: entry.end,
                text: [&a.note],
            },
        ));
    }
    regions
}

/// A labeling configuration for the export: the four tags in their colors,
/// the text, and a note per region. Its first line is an XML comment that
/// marks it as factmark's (see [`WRITTEN_BY_FACTMARK`]).
pub fn config() -> String {
    let mut xml = format!(
        "<!-- {}: replaced by its next export into this folder. To keep your own\n     \
         configuration, remove this first comment. Paste the <View> into the project's\n     \
         Settings > Labeling Interface > Code. -->\n",
        WRITTEN_BY_FACTMARK.trim_start_matches("# ")
    );
    xml.push_str("<View>\n");
    let _ = writeln!(
        xml,
        "  <Labels name=\"{LABELS_NAME}\" toName=\"{TEXT_NAME}\">"
    );
    for tag in Tag::ALL {
        let _ = writeln!(
            xml,
            "    <Label value=\"{}\" background=\"{}\"/>",
            tag.label(),
            tag_hex(tag)
        );
    }
    xml.push_str("  </Labels>\n");
    let _ = writeln!(xml, "  <Text name=\"{TEXT_NAME}\" value=\"$text\"/>");
    let _ = writeln!(
        xml,
        "  <TextArea name=\"{NOTE_NAME}\" toName=\"{TEXT_NAME}\" perRegion=\"true\" editable=\"true\" placeholder=\"Note\"/>"
    );
    xml.push_str("</View>\n");
    xml
}
