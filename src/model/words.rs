//! Word-aware selection: trimming white space, snapping to whole words and
//! finding the word under a position (Unicode word boundaries, UAX #29).
//!
//! Work is confined to the line around the position, so the cost does not
//! grow with the article.

use unicode_segmentation::UnicodeSegmentation;

use super::annotation::Span;

/// The line (without its line break) that holds `byte`.
fn line_around(text: &str, byte: usize) -> Span {
    let start = text[..byte].rfind('\n').map_or(0, |i| i + 1);
    let end = text[byte..].find('\n').map_or(text.len(), |i| byte + i);
    Span::new(start, end)
}

/// Word segments of the line around `byte`, as absolute spans.
fn segments(text: &str, byte: usize) -> impl Iterator<Item = (Span, &str)> {
    let line = line_around(text, byte);
    text[line.range()]
        .split_word_bound_indices()
        .map(move |(i, w)| (Span::new(line.start + i, line.start + i + w.len()), w))
}

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The span without white space at either end; `None` if nothing is left.
pub fn trim(text: &str, span: Span) -> Option<Span> {
    let inner = &text[span.range()];
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.start + inner.trim_end().len();
    (start < end).then_some(Span::new(start, end))
}

/// Widens a span so it starts and ends on whole words, then trims it.
pub fn snap_to_words(text: &str, span: Span) -> Option<Span> {
    let span = trim(text, span)?;
    let start = segments(text, span.start)
        .find(|(s, w)| s.contains(span.start) && is_word(w))
        .map_or(span.start, |(s, _)| s.start);
    let last = span.end
        - text[..span.end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
    let end = segments(text, last)
        .find(|(s, w)| s.contains(last) && is_word(w))
        .map_or(span.end, |(s, _)| s.end);
    Some(Span::new(start.min(span.start), end.max(span.end)))
}

/// The word (or, between words, the single non-space run) under `byte`.
pub fn word_at(text: &str, byte: usize) -> Option<Span> {
    if text.is_empty() {
        return None;
    }
    let byte = byte.min(text.len() - 1);
    let byte = (0..=byte).rev().find(|&b| text.is_char_boundary(b))?;
    segments(text, byte)
        .find(|(s, _)| s.contains(byte))
        .and_then(|(s, w)| (!w.trim().is_empty()).then_some(s))
}

/// The line under `byte`, trimmed.
pub fn paragraph_at(text: &str, byte: usize) -> Option<Span> {
    let byte = byte.min(text.len());
    trim(text, line_around(text, byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Some 6,700 people were arrested.\nThe «président» said no.";

    fn snapped(from: &str, to: &str) -> &'static str {
        let start = TEXT.find(from).unwrap();
        let end = TEXT.find(to).unwrap() + to.len();
        let span = snap_to_words(TEXT, Span::new(start, end)).unwrap();
        &TEXT[span.range()]
    }

    #[test]
    fn partial_words_snap_outward() {
        assert_eq!(snapped("ome 6", "peo"), "Some 6,700 people");
        assert_eq!(snapped("résid", "ent"), "président");
    }

    #[test]
    fn whitespace_is_trimmed_and_punctuation_kept() {
        assert_eq!(snapped(" were", "arrested.\n"), "were arrested.");
        assert_eq!(trim(TEXT, Span::new(4, 5)), None);
    }

    #[test]
    fn a_number_with_separators_is_one_word() {
        let at = TEXT.find("700").unwrap();
        let span = word_at(TEXT, at).unwrap();
        assert_eq!(&TEXT[span.range()], "6,700");
    }

    #[test]
    fn double_click_on_a_space_selects_nothing() {
        assert_eq!(word_at(TEXT, 4), None);
    }

    #[test]
    fn triple_click_selects_the_line() {
        let at = TEXT.find("said").unwrap();
        let span = paragraph_at(TEXT, at).unwrap();
        assert_eq!(&TEXT[span.range()], "The «président» said no.");
    }
}
