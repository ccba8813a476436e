//! The article: its normalized text, its paragraphs and its metadata.
//!
//! The text is what every offset refers to. It is built by `io` (decoded,
//! BOM removed, line endings normalized to `\n`) and never changed here.
//! A paragraph is one line of the text; runs of empty lines are spacing.
//! This module never touches the file system.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::offsets::OffsetIndex;

/// How a paragraph reads, for display. Offsets do not depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// An empty or whitespace-only line.
    Blank,
    /// The ` date YYYY-MM-DD ` header line.
    Date,
    /// A Markdown `#` heading or a short line that reads as a subheading.
    Heading,
    Body,
}

/// One line of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range in the article text, without the line break.
    pub range: Range<usize>,
    pub kind: ParagraphKind,
}

/// The kind of file an article text was extracted from. The same file read
/// as another format gives another text, so a set records it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ArticleFormat {
    /// Plain text, decoded as it is.
    #[default]
    Text,
    /// Markdown, with its markup removed.
    Markdown,
    /// A web page, reduced to the article it holds.
    Html,
    /// A Word document (Office Open XML).
    Docx,
}

impl ArticleFormat {
    /// A short name for people ("HTML", "Word").
    pub fn label(self) -> &'static str {
        match self {
            Self::Text => "plain text",
            Self::Markdown => "Markdown",
            Self::Html => "web page (HTML)",
            Self::Docx => "Word document",
        }
    }
}

/// Metadata found in the text itself or given by the file it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub title: String,
    /// The publication date as the source gives it; `YYYY-MM-DD` when it
    /// comes from a date header line or a full timestamp.
    pub date: Option<String>,
    /// Who wrote it ("By Jane Doe").
    pub byline: Option<String>,
    /// The publication ("Le Monde.fr").
    pub site: Option<String>,
    /// The canonical address of a web page.
    pub url: Option<String>,
    /// The language tag the source declares ("fr", "en-US").
    pub language: Option<String>,
    /// The kind of file the text was extracted from.
    pub format: ArticleFormat,
}

/// An article ready to annotate.
#[derive(Debug, Clone)]
pub struct Article {
    text: String,
    paragraphs: Vec<Paragraph>,
    offsets: OffsetIndex,
    meta: ArticleMeta,
}

/// Longest title taken from the first paragraph, in characters.
const TITLE_CHARS: usize = 80;
/// Longest line, in characters, that may read as a subheading.
const HEADING_CHARS: usize = 80;

impl Article {
    /// Builds an article from normalized plain text (line breaks are `\n`);
    /// its title and date are found in the text.
    pub fn new(text: String) -> Self {
        Self::with_meta(text, ArticleMeta::default())
    }

    /// Builds an article from normalized text and the metadata its file
    /// gave. A title or date the file did not give is found in the text as
    /// [`Article::new`] does.
    pub fn with_meta(text: String, given: ArticleMeta) -> Self {
        let paragraphs = split_paragraphs(&text);
        let offsets = OffsetIndex::new(&text);
        let found = find_meta(&text, &paragraphs);
        let title = match given.title.trim() {
            "" => found.title,
            title => title.to_owned(),
        };
        let meta = ArticleMeta {
            title,
            date: given.date.or(found.date),
            ..given
        };
        Self {
            text,
            paragraphs,
            offsets,
            meta,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    pub fn offsets(&self) -> &OffsetIndex {
        &self.offsets
    }

    pub fn meta(&self) -> &ArticleMeta {
        &self.meta
    }

    /// Length of the text in characters.
    pub fn char_len(&self) -> usize {
        self.offsets.char_len()
    }

    /// Byte offset of a character offset, `None` past the end.
    pub fn byte_of_char(&self, char_offset: usize) -> Option<usize> {
        self.offsets.byte_of_char(&self.text, char_offset)
    }

    /// Character offset of a byte offset, `None` past the end or inside a
    /// character.
    pub fn char_of_byte(&self, byte_offset: usize) -> Option<usize> {
        self.offsets.char_of_byte(&self.text, byte_offset)
    }

    /// Index of the paragraph that holds `byte` (a line break belongs to the
    /// line it ends).
    pub fn paragraph_at(&self, byte: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.range.end < byte)
            .min(self.paragraphs.len().saturating_sub(1))
    }
}

fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            ranges.push(start..i);
            start = i + 1;
        }
    }
    ranges.push(start..text.len());

    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let mut paragraphs: Vec<Paragraph> = ranges
        .iter()
        .map(|r| Paragraph {
            range: r.clone(),
            kind: if blank(r) {
                ParagraphKind::Blank
            } else {
                ParagraphKind::Body
            },
        })
        .collect();
    let mut seen_text = false;
    for i in 0..paragraphs.len() {
        if paragraphs[i].kind == ParagraphKind::Blank {
            continue;
        }
        let line = &text[paragraphs[i].range.clone()];
        let isolated = (i == 0 || paragraphs[i - 1].kind == ParagraphKind::Blank)
            && ranges.get(i + 1).is_none_or(&blank);
        paragraphs[i].kind = if !seen_text && parse_date_line(line).is_some() {
            ParagraphKind::Date
        } else if markdown_heading(line).is_some() || (isolated && reads_as_heading(line)) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        seen_text = true;
    }
    paragraphs
}

/// The date of a ` date YYYY-MM-DD ` header line.
fn parse_date_line(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("date")?;
    let date = rest.trim();
    if !rest.starts_with(char::is_whitespace) || date.len() != 10 {
        return None;
    }
    let valid = date.char_indices().all(|(i, c)| match i {
        4 | 7 => c == '-',
        _ => c.is_ascii_digit(),
    });
    valid.then_some(date)
}

/// The text of a Markdown ATX heading (`# Title`).
fn markdown_heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    rest.starts_with([' ', '\t'])
        .then(|| rest.trim().trim_end_matches('#').trim())
}

/// A short line without sentence punctuation at its end reads as a
/// subheading ("What's happening politically?").
fn reads_as_heading(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    line.chars().count() <= HEADING_CHARS
        && (1..=12).contains(&words)
        // A sentence's end in any script: `。` (Chinese, Japanese), `।`
        // (Devanagari), `۔` (Urdu) are full stops.
        && !line.ends_with([
            '.', ',', ';', ':', '"', '”', '’', '»', '。', '．', '」', '』', '।', '۔', '،',
        ])
        && line.chars().next().is_some_and(|c| !c.is_lowercase())
}

fn find_meta(text: &str, paragraphs: &[Paragraph]) -> ArticleMeta {
    let mut meta = ArticleMeta::default();
    let lines = || {
        paragraphs
            .iter()
            .filter(|p| p.kind != ParagraphKind::Blank)
            .map(|p| &text[p.range.clone()])
    };
    meta.date = paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Date)
        .and_then(|p| parse_date_line(&text[p.range.clone()]))
        .map(str::to_owned);
    let heading = lines()
        .take(5)
        .find_map(|l| markdown_heading(l).filter(|h| l.starts_with("# ") && !h.is_empty()));
    let first = || lines().find(|l| parse_date_line(l).is_none());
    meta.title = heading
        .or_else(first)
        .map(|t| shorten(t.trim(), TITLE_CHARS))
        .unwrap_or_default();
    meta
}

/// `text` cut to at most `max` characters at a word boundary, with an
/// ellipsis when it was cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(b, _)| b);
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    format!("{} …", head.trim_end_matches([' ', ',', ';', ':', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = " date 2020-08-16 \n\n\nBelarusian President Alexander Lukashenko says that Russia has agreed to offer security assistance in the case of external military threats.\n\n\nWhat's happening politically?\n\nAs the unrest continued.\n";

    #[test]
    fn the_date_header_and_title_are_found() {
        let article = Article::new(SAMPLE.to_owned());
        assert_eq!(article.meta().date.as_deref(), Some("2020-08-16"));
        assert_eq!(
            article.meta().title,
            "Belarusian President Alexander Lukashenko says that Russia has agreed to offer …"
        );
    }

    #[test]
    fn a_markdown_heading_is_the_title() {
        let article = Article::new("Intro line\n# The Real Title #\n\nBody.".to_owned());
        assert_eq!(article.meta().title, "The Real Title");
    }

    #[test]
    fn paragraphs_are_lines_with_kinds() {
        let article = Article::new(SAMPLE.to_owned());
        let kinds: Vec<_> = article.paragraphs().iter().map(|p| p.kind).collect();
        use ParagraphKind::*;
        assert_eq!(
            kinds,
            vec![
                Date, Blank, Blank, Body, Blank, Blank, Heading, Blank, Body, Blank
            ]
        );
        let p = &article.paragraphs()[6];
        assert_eq!(
            &article.text()[p.range.clone()],
            "What's happening politically?"
        );
    }

    #[test]
    fn a_sentence_in_another_script_is_not_a_heading() {
        let text = "Title\n\n中文新闻报道：总统说经济增长了5.2%。“我们很满意，”他说。\n\nराष्ट्रपति ने कहा कि अर्थव्यवस्था बढ़ी।\n\nA heading in Latin\n\nBody.\n";
        let kinds: Vec<_> = Article::new(text.to_owned())
            .paragraphs()
            .iter()
            .map(|p| p.kind)
            .filter(|&k| k != ParagraphKind::Blank)
            .collect();
        use ParagraphKind::*;
        assert_eq!(kinds, vec![Heading, Body, Body, Heading, Body]);
    }

    #[test]
    fn paragraph_at_finds_the_line_of_a_byte() {
        let article = Article::new("ab\ncd\n\nef".to_owned());
        assert_eq!(article.paragraph_at(0), 0);
        assert_eq!(article.paragraph_at(2), 0);
        assert_eq!(article.paragraph_at(3), 1);
        assert_eq!(article.paragraph_at(7), 3);
        assert_eq!(article.paragraph_at(9), 3);
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 10), "one two …");
    }
}
