//! Word documents (`.docx`, Office Open XML): the text of the body in
//! reading order, read with `zip` and `quick-xml`.
//!
//! Every paragraph and heading of `word/document.xml` becomes one line;
//! each table row becomes one line with its cells separated by ` | `;
//! footnote and endnote references become `[N]` in the text and the notes
//! follow the body as `[N] text` lines. Headings are recognized by their
//! style (the style's name in `word/styles.xml` — "heading 1", "Title" —
//! or an outline level), so localized style ids work too. The title,
//! author and language come from `docProps/core.xml`, or the title from
//! the first title or heading paragraph.
//!
//! A file that is not a zip archive or has no readable `word/document.xml`
//! is refused with a plain message; parts are read up to the article size
//! limit, so a zip bomb cannot exhaust memory. Nothing here panics.

use std::collections::HashSet;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::Blocks;
use crate::io::decode::{DecodeProblem, MAX_ARTICLE_BYTES};
use crate::model::ArticleMeta;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The article text of a Word document, and its metadata.
pub fn extract(bytes: &[u8]) -> Result<(String, ArticleMeta), DecodeProblem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| corrupt("it is not a zip archive (a .docx file is one)"))?;
    let document = read_part(&mut archive, "word/document.xml")?
        .ok_or_else(|| corrupt("it has no word/document.xml, so it is not a Word document"))?;
    let headings = match read_part(&mut archive, "word/styles.xml")? {
        Some(styles) => heading_styles(&styles)?,
        None => HashSet::new(),
    };
    let mut notes = Vec::new();
    for (part, element) in [
        ("word/footnotes.xml", "footnote"),
        ("word/endnotes.xml", "endnote"),
    ] {
        if let Some(xml) = read_part(&mut archive, part)? {
            notes.extend(read_notes(&xml, element)?);
        }
    }

    let mut blocks = Blocks::new();
    let body = read_body(&document, &headings, &mut blocks)?;
    for (_, note) in notes.iter().filter(|(id, _)| body.note_refs.contains(id)) {
        blocks.end_block(false);
        blocks.push(note);
    }
    let mut meta = match read_part(&mut archive, "docProps/core.xml")? {
        Some(core) => core_properties(&core),
        None => ArticleMeta::default(),
    };
    if meta.title.is_empty() {
        meta.title = body.first_heading.unwrap_or_default();
    }
    Ok((blocks.finish(), meta))
}

fn corrupt(reason: &str) -> DecodeProblem {
    DecodeProblem::CorruptDocument(reason.to_owned())
}

/// A part of the archive as text, `None` when the archive lacks it.
fn read_part(archive: &mut Archive<'_>, name: &str) -> Result<Option<String>, DecodeProblem> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => {
            return Err(corrupt(&format!(
                "its part {name} cannot be read ({error})"
            )));
        }
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| corrupt(&format!("its part {name} is damaged ({error})")))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(DecodeProblem::ExpandsTooLarge {
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map(Some)
        .map_err(|_| corrupt(&format!("its part {name} is not UTF-8 XML")))
}

fn xml_error(error: impl std::fmt::Display) -> DecodeProblem {
    corrupt(&format!("its XML is damaged ({error})"))
}

/// The value of attribute `w:NAME` (any prefix) of an element.
fn attribute(element: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Ids of the paragraph styles that are headings or titles.
fn heading_styles(xml: &str) -> Result<HashSet<String>, DecodeProblem> {
    let mut reader = Reader::from_str(xml);
    let mut headings = HashSet::new();
    let mut style: Option<String> = None;
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) if e.local_name().as_ref() == b"style" => {
                style = attribute(&e, b"styleId");
            }
            Event::Empty(e) => {
                let Some(id) = &style else { continue };
                let is_heading = match e.local_name().as_ref() {
                    b"name" => attribute(&e, b"val").is_some_and(|name| {
                        let name = name.to_lowercase();
                        name.starts_with("heading") || name == "title" || name == "subtitle"
                    }),
                    b"outlineLvl" => true,
                    _ => false,
                };
                if is_heading {
                    headings.insert(id.clone());
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"style" => style = None,
            Event::Eof => return Ok(headings),
            _ => {}
        }
    }
}

/// What reading the body found besides its text.
struct Body {
    first_heading: Option<String>,
    note_refs: HashSet<String>,
}

/// Where the reader is inside the body.
#[derive(Default)]
struct State {
    /// Nesting depth of tables: rows of the outermost table are lines.
    tables: usize,
    in_text: bool,
    /// The current paragraph has a heading style.
    heading: bool,
}

/// Reads `word/document.xml` into `blocks`.
fn read_body(
    xml: &str,
    headings: &HashSet<String>,
    blocks: &mut Blocks,
) -> Result<Body, DecodeProblem> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    let mut body = Body {
        first_heading: None,
        note_refs: HashSet::new(),
    };
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    b"tbl" if !empty => {
                        blocks.end_block(false);
                        state.tables += 1;
                    }
                    b"tr" if state.tables == 1 => blocks.end_block(true),
                    b"tc" if state.tables == 1 && !blocks.is_line_empty() => blocks.push(" |"),
                    b"p" if state.tables == 0 => {
                        blocks.end_block(false);
                        state.heading = false;
                    }
                    b"p" => blocks.space(),
                    b"pStyle" if attribute(e, b"val").is_some_and(|s| headings.contains(&s)) => {
                        state.heading = true;
                    }
                    b"outlineLvl" => state.heading = true,
                    b"t" if !empty => state.in_text = true,
                    b"tab" | b"br" | b"cr" => blocks.space(),
                    b"noBreakHyphen" => blocks.push("-"),
                    b"footnoteReference" | b"endnoteReference" => {
                        if let Some(id) = attribute(e, b"id") {
                            blocks.push(&format!("[{id}]"));
                            body.note_refs.insert(id);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"tbl" => {
                    blocks.end_block(true);
                    blocks.end_group();
                    state.tables = state.tables.saturating_sub(1);
                }
                b"p" if state.tables == 0 => {
                    if state.heading && body.first_heading.is_none() && !blocks.is_line_empty() {
                        body.first_heading = Some(blocks.line().to_owned());
                    }
                    blocks.end_block(false);
                }
                b"t" => state.in_text = false,
                _ => {}
            },
            Event::Text(text) if state.in_text => {
                blocks.push(&text.decode().map_err(xml_error)?);
            }
            Event::GeneralRef(reference) if state.in_text => {
                blocks.push(&resolve_reference(reference)?);
            }
            Event::Eof => return Ok(body),
            _ => {}
        }
    }
}

/// The text an entity or character reference stands for.
fn resolve_reference(reference: &quick_xml::events::BytesRef<'_>) -> Result<String, DecodeProblem> {
    if let Some(c) = reference.resolve_char_ref().map_err(xml_error)? {
        return Ok(c.to_string());
    }
    let name = reference.decode().map_err(xml_error)?;
    Ok(quick_xml::escape::resolve_xml_entity(&name)
        .unwrap_or_default()
        .to_owned())
}

/// The notes of `footnotes.xml` or `endnotes.xml` as (id, `[id] text`),
/// in order, without the separator pseudo-notes. A note's paragraphs are
/// joined on one line.
fn read_notes(xml: &str, element: &str) -> Result<Vec<(String, String)>, DecodeProblem> {
    let element = element.as_bytes();
    let mut notes = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Blocks)> = None;
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match &event {
            Event::Start(e) if e.local_name().as_ref() == element => {
                let separator = attribute(e, b"type").is_some_and(|t| t != "normal");
                current = attribute(e, b"id")
                    .filter(|_| !separator)
                    .map(|id| (id, Blocks::new()));
            }
            Event::End(e) if e.local_name().as_ref() == element => {
                if let Some((id, mut text)) = current.take() {
                    text.end_block(false);
                    let text = text.finish();
                    notes.push((id.clone(), format!("[{id}] {}", text.trim())));
                }
            }
            Event::Start(e) | Event::Empty(e) => {
                let Some((_, text)) = &mut current else {
                    continue;
                };
                match e.local_name().as_ref() {
                    b"t" => in_text = matches!(event, Event::Start(_)),
                    b"p" | b"tab" | b"br" | b"cr" => text.space(),
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"t" => in_text = false,
            Event::Text(t) if in_text => {
                if let Some((_, text)) = &mut current {
                    text.push(&t.decode().map_err(xml_error)?);
                }
            }
            Event::GeneralRef(reference) if in_text => {
                if let Some((_, text)) = &mut current {
                    text.push(&resolve_reference(reference)?);
                }
            }
            Event::Eof => return Ok(notes),
            _ => {}
        }
    }
}

/// Title, author and language from `docProps/core.xml`.
fn core_properties(xml: &str) -> ArticleMeta {
    let mut meta = ArticleMeta::default();
    let mut reader = Reader::from_str(xml);
    let mut field: Option<Vec<u8>> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => field = Some(e.local_name().as_ref().to_vec()),
            Ok(Event::Text(text)) => {
                let Some(name) = &field else { continue };
                let Ok(value) = text.decode() else { continue };
                let value = value.trim().to_owned();
                if value.is_empty() {
                    continue;
                }
                match name.as_slice() {
                    b"title" => meta.title = value,
                    b"creator" => meta.byline = Some(value),
                    b"language" => meta.language = Some(value),
                    _ => {}
                }
            }
            Ok(Event::End(_)) => field = None,
            Ok(Event::Eof) | Err(_) => return meta,
            _ => {}
        }
    }
}
