//! Tags, spans and annotations: the values a journalist creates.
//!
//! Spans here are byte ranges into the article text; conversion to the
//! character offsets of the file formats happens in `io`. An [`Annotation`]
//! carries its exact text and up to [`CONTEXT_CHARS`] characters of context
//! on each side (the W3C TextQuoteSelector idea), so it can be found again
//! after the article changes.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Characters of prefix and suffix context stored with each annotation.
pub const CONTEXT_CHARS: usize = 32;

/// What a span of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tag {
    Claim,
    Figure,
    Quote,
    Source,
}

impl Tag {
    /// Every tag, in the order of their keys (1–4).
    pub const ALL: [Tag; 4] = [Tag::Claim, Tag::Figure, Tag::Quote, Tag::Source];

    /// The name shown to users and written to exports.
    pub fn label(self) -> &'static str {
        match self {
            Tag::Claim => "Claim",
            Tag::Figure => "Figure",
            Tag::Quote => "Quote",
            Tag::Source => "Source",
        }
    }

    /// The digit that applies this tag (1 Claim, 2 Figure, 3 Quote, 4 Source).
    pub fn digit(self) -> u8 {
        match self {
            Tag::Claim => 1,
            Tag::Figure => 2,
            Tag::Quote => 3,
            Tag::Source => 4,
        }
    }

    /// Position in [`Tag::ALL`], for per-tag arrays.
    pub fn index(self) -> usize {
        usize::from(self.digit() - 1)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The error for a string that names no tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown tag `{0}` (expected claim, figure, quote or source)")]
pub struct UnknownTag(pub String);

impl FromStr for Tag {
    type Err = UnknownTag;

    /// Parses a tag name case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Tag::ALL
            .into_iter()
            .find(|tag| tag.label().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownTag(s.to_owned()))
    }
}

/// A stable identifier, unique within a set, never reused by that set.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct AnnotationId(pub u64);

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A non-empty byte range of the article text, on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Why a span is not valid in a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("the span {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("the span {start}..{end} ends past the end of the text ({len} bytes)")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the span {start}..{end} does not start and end on character boundaries")]
    NotOnCharBoundary { start: usize, end: usize },
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(self, byte: usize) -> bool {
        self.start <= byte && byte < self.end
    }

    /// Checks that the span is non-empty, inside `text` and on character
    /// boundaries.
    pub fn validate(self, text: &str) -> Result<(), SpanError> {
        let Span { start, end } = self;
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        if end > text.len() {
            return Err(SpanError::OutOfRange {
                start,
                end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(SpanError::NotOnCharBoundary { start, end });
        }
        Ok(())
    }
}

/// The exact text of a span and its surrounding context.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

impl Quote {
    /// The quote of a valid `span` of `text`.
    pub fn of(text: &str, span: Span) -> Self {
        let before = &text[..span.start];
        let prefix_start = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(b, _)| b);
        let after = &text[span.end..];
        let suffix_end = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(b, _)| b);
        Self {
            exact: text[span.range()].to_owned(),
            prefix: before[prefix_start..].to_owned(),
            suffix: after[..suffix_end].to_owned(),
        }
    }
}

/// One tagged span of the article.
/// The time now in whole seconds, as every annotation's `created` and
/// `modified` are written, whichever part of factmark made it.
pub fn now() -> jiff::Timestamp {
    whole_seconds(jiff::Timestamp::now())
}

/// A time without its fraction of a second, as factmark writes every time
/// (a time read from another tool's file included).
pub fn whole_seconds(time: jiff::Timestamp) -> jiff::Timestamp {
    jiff::Timestamp::from_second(time.as_second()).unwrap_or(time)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Annotation {
    pub id: AnnotationId,
    pub tag: Tag,
    pub span: Span,
    pub quote: Quote,
    pub note: String,
    pub created: Timestamp,
    pub modified: Timestamp,
}

impl Annotation {
    /// A new annotation of a span already validated against `text`.
    pub fn new(id: AnnotationId, tag: Tag, span: Span, text: &str, now: Timestamp) -> Self {
        Self {
            id,
            tag,
            span,
            quote: Quote::of(text, span),
            note: String::new(),
            created: now,
            modified: now,
        }
    }

    /// The key that orders a set and makes an annotation unique in it:
    /// position first, outer spans before the spans nested in them.
    pub fn key(&self) -> SortKey {
        SortKey::new(self.span, self.tag)
    }

    /// The same annotation with another tag.
    pub fn retagged(&self, tag: Tag, now: Timestamp) -> Self {
        Self {
            tag,
            modified: now,
            ..self.clone()
        }
    }

    /// The same annotation with another note.
    /// The same annotation with another modification time.
    pub fn with_modified(&self, modified: Timestamp) -> Self {
        Self {
            modified,
            ..self.clone()
        }
    }

    pub fn with_note(&self, note: String, now: Timestamp) -> Self {
        Self {
            note,
            modified: now,
            ..self.clone()
        }
    }

    /// The same annotation over another valid span of `text`.
    pub fn moved(&self, span: Span, text: &str, now: Timestamp) -> Self {
        Self {
            span,
            quote: Quote::of(text, span),
            modified: now,
            ..self.clone()
        }
    }
}

/// Ordering and identity of annotations in a set: start ascending, end
/// descending (so a span comes before those nested in it), then tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortKey {
    start: usize,
    end_desc: std::cmp::Reverse<usize>,
    tag: Tag,
}

impl SortKey {
    pub fn new(span: Span, tag: Tag) -> Self {
        Self {
            start: span.start,
            end_desc: std::cmp::Reverse(span.end),
            tag,
        }
    }
}

/// An annotation whose text could not be found in the article any more.
/// It is kept, shown and saved, never dropped, until the user re-attaches or
/// deletes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Orphan {
    pub id: AnnotationId,
    pub tag: Tag,
    /// Character offsets it had in the text it was last anchored to.
    pub last_start: usize,
    pub last_end: usize,
    pub quote: Quote,
    pub note: String,
    pub created: Timestamp,
    pub modified: Timestamp,
}

impl Orphan {
    /// Re-attaches the orphan at a valid `span` of `text`.
    pub fn attach(&self, span: Span, text: &str, now: Timestamp) -> Annotation {
        Annotation {
            id: self.id,
            tag: self.tag,
            span,
            quote: Quote::of(text, span),
            note: self.note.clone(),
            created: self.created,
            modified: now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_case_insensitively() {
        assert_eq!("figure".parse::<Tag>(), Ok(Tag::Figure));
        assert_eq!(" QUOTE ".parse::<Tag>(), Ok(Tag::Quote));
        assert!("opinion".parse::<Tag>().is_err());
    }

    #[test]
    fn quote_context_is_at_most_32_characters_each_side() {
        let text = format!("{}[x]{}", "é".repeat(40), "ü".repeat(40));
        let start = text.find('[').unwrap();
        let span = Span::new(start, start + 3);
        let quote = Quote::of(&text, span);
        assert_eq!(quote.exact, "[x]");
        assert_eq!(quote.prefix, "é".repeat(32));
        assert_eq!(quote.suffix, "ü".repeat(32));
    }

    #[test]
    fn quote_context_is_shorter_near_the_edges() {
        let quote = Quote::of("ab cd", Span::new(0, 2));
        assert_eq!((quote.prefix.as_str(), quote.suffix.as_str()), ("", " cd"));
    }

    #[test]
    fn spans_are_validated() {
        let text = "héllo";
        assert!(Span::new(0, 1).validate(text).is_ok());
        assert!(matches!(
            Span::new(2, 2).validate(text),
            Err(SpanError::Empty { .. })
        ));
        assert!(matches!(
            Span::new(0, 9).validate(text),
            Err(SpanError::OutOfRange { .. })
        ));
        assert!(matches!(
            Span::new(0, 2).validate(text),
            Err(SpanError::NotOnCharBoundary { .. })
        ));
    }

    #[test]
    fn outer_spans_sort_before_nested_ones() {
        let outer = SortKey::new(Span::new(0, 10), Tag::Claim);
        let inner = SortKey::new(Span::new(0, 4), Tag::Figure);
        let later = SortKey::new(Span::new(1, 2), Tag::Claim);
        assert!(outer < inner && inner < later);
    }
}
