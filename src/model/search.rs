//! Finding a phrase in the article, the way a reader types it.
//!
//! The search ignores case (Unicode simple case folding), a run of white
//! space in the query matches any run of white space (a line break
//! included), and typewriter marks match their typographic forms: `'`
//! finds `’` and `‘`, `"` finds `“ ” „ « »`, and `-` finds the dashes.
//! A journalist types `don't say "no"` and finds `don’t say “no”`.

use regex::{Regex, RegexBuilder};

use crate::model::Span;

/// At most this many matches are listed; [`Matches::more`] tells when
/// there were more.
pub const MAX_MATCHES: usize = 100_000;

/// The matches of a query, in text order, as byte spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    pub spans: Vec<Span>,
    /// The text holds more matches than [`MAX_MATCHES`].
    pub more: bool,
}

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Query {
    regex: Regex,
}

impl Query {
    /// The query for `text` as typed; `None` when it has nothing to find
    /// (empty or only white space).
    pub fn new(text: &str) -> Option<Self> {
        if text.trim().is_empty() {
            return None;
        }
        let mut pattern = String::with_capacity(text.len() * 2);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                c if c.is_whitespace() => {
                    while chars.next_if(|c| c.is_whitespace()).is_some() {}
                    pattern.push_str(r"\s+");
                }
                '\'' | '‘' | '’' => pattern.push_str("['‘’]"),
                '"' | '“' | '”' | '„' | '«' | '»' => pattern.push_str("[\"“”„«»]"),
                '-' | '‐' | '‑' | '–' | '—' => pattern.push_str("[-‐‑–—]"),
                c => {
                    let mut buf = [0; 4];
                    pattern.push_str(&regex::escape(c.encode_utf8(&mut buf)));
                }
            }
        }
        let regex = RegexBuilder::new(&pattern)
            .case_insensitive(true)
            .build()
            .ok()?;
        Some(Self { regex })
    }

    /// Every non-overlapping match in `text`, up to [`MAX_MATCHES`].
    pub fn find_all(&self, text: &str) -> Matches {
        let mut spans = Vec::new();
        let mut found = self.regex.find_iter(text);
        for m in found.by_ref().take(MAX_MATCHES) {
            spans.push(Span::new(m.start(), m.end()));
        }
        let more = found.next().is_some();
        Matches { spans, more }
    }
}

/// The matches of `query` (as typed) in `text`.
pub fn find_all(text: &str, query: &str) -> Matches {
    Query::new(query).map_or_else(Matches::default, |q| q.find_all(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        find_all(text, query)
            .spans
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn ignores_case_in_any_script() {
        let text = "Lukashenko met LUKASHENKO; Łukaszenka and ŁUKASZENKA; Straße, STRASSE.";
        assert_eq!(found(text, "lukashenko"), ["Lukashenko", "LUKASHENKO"]);
        assert_eq!(found(text, "łukaszenka"), ["Łukaszenka", "ŁUKASZENKA"]);
        assert_eq!(found(text, "straße"), ["Straße"]);
    }

    #[test]
    fn white_space_runs_match_line_breaks() {
        let text = "the opposition\ncandidate and the  opposition   candidate";
        assert_eq!(
            found(text, "opposition candidate"),
            ["opposition\ncandidate", "opposition   candidate"]
        );
        assert_eq!(found(text, "opposition   candidate").len(), 2);
    }

    #[test]
    fn typewriter_marks_find_typographic_ones() {
        let text = "He said: “We don’t know.” Then \"we don't\" — a 60–70 range";
        assert_eq!(found(text, "\"we don't"), ["“We don’t", "\"we don't"]);
        assert_eq!(found(text, "60-70"), ["60–70"]);
        assert_eq!(found(text, "’"), ["’", "'"]);
        // The README's example.
        let text = "the President’s “mandate” and the president's \"mandate\"";
        assert_eq!(found(text, "the president's \"mandate\"").len(), 2);
    }

    #[test]
    fn regex_syntax_is_literal() {
        let text = "a (b) c.d $4.5 [x] a+b";
        assert_eq!(found(text, "(b)"), ["(b)"]);
        assert_eq!(found(text, "$4.5"), ["$4.5"]);
        assert_eq!(found(text, "c.d"), ["c.d"]);
        assert!(found(text, "c?d").is_empty());
        assert_eq!(found(text, "a+b"), ["a+b"]);
    }

    #[test]
    fn nothing_to_find_in_blank_queries() {
        assert_eq!(find_all("some text", ""), Matches::default());
        assert_eq!(find_all("some text", "  \n"), Matches::default());
    }

    #[test]
    fn matches_do_not_overlap_and_are_in_order() {
        let text = "aaaa";
        let spans = find_all(text, "aa").spans;
        assert_eq!(spans, [Span::new(0, 2), Span::new(2, 4)]);
    }

    #[test]
    fn spans_are_byte_offsets_on_char_boundaries() {
        let text = "Zürich — “Zürich” ZÜRICH";
        for span in find_all(text, "zürich").spans {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert_eq!(text[span.start..span.end].to_lowercase(), "zürich");
        }
        assert_eq!(find_all(text, "zürich").spans.len(), 3);
    }

    #[test]
    fn stops_listing_at_the_limit() {
        let text = "e ".repeat(MAX_MATCHES + 5);
        let matches = find_all(&text, "e");
        assert_eq!(matches.spans.len(), MAX_MATCHES);
        assert!(matches.more);
        let exact = "e ".repeat(MAX_MATCHES);
        let matches = find_all(&exact, "e");
        assert_eq!(matches.spans.len(), MAX_MATCHES);
        assert!(!matches.more);
    }
}
