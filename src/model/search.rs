//! Finding a phrase in the article, the way a reader types it.
//!
//! The search ignores case (Unicode simple case folding), a run of white
//! space in the query matches any run of white space (a line break
//! included), and typewriter marks match their typographic forms: `'`
//! finds `’` and `‘`, `"` finds `“ ” „ « »`, and `-` finds the dashes.
//! A journalist types `don't say "no"` and finds `don’t say “no”`.
//! [`Options`] can make case count and keep matches to whole words.

use regex::{Regex, RegexBuilder};
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

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

/// How a query matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Options {
    /// Upper and lower case differ (`Trump` does not find `trump`).
    pub match_case: bool,
    /// A match is not part of a longer word: `Putin` does not find
    /// `Putinism`. Only the ends of the query that are letters or digits
    /// are held to this, so `U.S.` finds the `U.S.` of `U.S.-led`. A match
    /// never starts or ends inside a user-perceived character (grapheme
    /// cluster): `cafe` does not find the `cafe` of `café` written with a
    /// combining accent.
    pub whole_words: bool,
}

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Query {
    regex: Regex,
    /// Whole words: matches start and end on grapheme cluster boundaries.
    whole: bool,
    /// Whole words: whether the query starts, and ends, with a word character.
    word_start: bool,
    word_end: bool,
}

/// A letter, digit or connector: what a word is made of.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Query {
    /// The query for `text` as typed; `None` when it has nothing to find
    /// (empty or only white space).
    pub fn new(text: &str, options: Options) -> Option<Self> {
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
            .case_insensitive(!options.match_case)
            .build()
            .ok()?;
        let trimmed = text.trim();
        let whole = options.whole_words;
        Some(Self {
            regex,
            whole,
            word_start: whole && trimmed.chars().next().is_some_and(is_word),
            word_end: whole && trimmed.chars().next_back().is_some_and(is_word),
        })
    }

    /// Every non-overlapping match in `text`, up to [`MAX_MATCHES`].
    pub fn find_all(&self, text: &str) -> Matches {
        let mut spans = Vec::new();
        let mut at = 0;
        while let Some(m) = self.regex.find_at(text, at) {
            if self.is_whole(text, m.start(), m.end()) {
                if spans.len() == MAX_MATCHES {
                    return Matches { spans, more: true };
                }
                spans.push(Span::new(m.start(), m.end()));
                at = m.end();
            } else {
                // A match inside a word; another may start within it.
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        Matches { spans, more: false }
    }

    /// Whether `start..end` is not part of a longer word, as far as the
    /// options ask.
    fn is_whole(&self, text: &str, start: usize, end: usize) -> bool {
        if !self.whole {
            return true;
        }
        if !is_grapheme_boundary(text, start) || !is_grapheme_boundary(text, end) {
            return false;
        }
        // A grapheme is a word character when its base is: `é` written
        // as `e` and a combining accent is one.
        let word_grapheme = |g: &str| g.chars().next().is_some_and(is_word);
        let glued_before = self.word_start
            && text[..start]
                .graphemes(true)
                .next_back()
                .is_some_and(word_grapheme);
        let glued_after = self.word_end
            && text[end..]
                .graphemes(true)
                .next()
                .is_some_and(word_grapheme);
        !glued_before && !glued_after
    }
}

/// Whether byte `at` of `text` lies between two grapheme clusters.
fn is_grapheme_boundary(text: &str, at: usize) -> bool {
    // The whole text is the one chunk, so the cursor never asks for more.
    GraphemeCursor::new(at, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(true)
}

/// The matches of `query` (as typed) in `text`.
pub fn find_all(text: &str, query: &str, options: Options) -> Matches {
    Query::new(query, options).map_or_else(Matches::default, |q| q.find_all(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        found_with(text, query, Options::default())
    }

    fn found_with<'a>(text: &'a str, query: &str, options: Options) -> Vec<&'a str> {
        find_all(text, query, options)
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
        assert_eq!(
            find_all("some text", "", Options::default()),
            Matches::default()
        );
        assert_eq!(
            find_all("some text", "  \n", Options::default()),
            Matches::default()
        );
    }

    #[test]
    fn matches_do_not_overlap_and_are_in_order() {
        let text = "aaaa";
        let spans = find_all(text, "aa", Options::default()).spans;
        assert_eq!(spans, [Span::new(0, 2), Span::new(2, 4)]);
    }

    #[test]
    fn spans_are_byte_offsets_on_char_boundaries() {
        let text = "Zürich — “Zürich” ZÜRICH";
        for span in find_all(text, "zürich", Options::default()).spans {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert_eq!(text[span.start..span.end].to_lowercase(), "zürich");
        }
        assert_eq!(find_all(text, "zürich", Options::default()).spans.len(), 3);
    }

    #[test]
    fn stops_listing_at_the_limit() {
        let text = "e ".repeat(MAX_MATCHES + 5);
        let matches = find_all(&text, "e", Options::default());
        assert_eq!(matches.spans.len(), MAX_MATCHES);
        assert!(matches.more);
        let exact = "e ".repeat(MAX_MATCHES);
        let matches = find_all(&exact, "e", Options::default());
        assert_eq!(matches.spans.len(), MAX_MATCHES);
        assert!(!matches.more);
    }

    const CASE: Options = Options {
        match_case: true,
        whole_words: false,
    };
    const WHOLE: Options = Options {
        match_case: false,
        whole_words: true,
    };

    #[test]
    fn match_case_tells_upper_from_lower_case() {
        let text = "Trump, trump, TRUMP; Łukaszenka, łukaszenka";
        assert_eq!(found_with(text, "Trump", CASE), ["Trump"]);
        assert_eq!(found_with(text, "łukaszenka", CASE), ["łukaszenka"]);
        // Typographic marks still match each other.
        assert_eq!(found_with("Don’t", "Don't", CASE), ["Don’t"]);
    }

    #[test]
    fn whole_words_skip_matches_inside_longer_words() {
        let text = "Putinism: Putin, Putin's men, Putina, ex-Putin, Путин";
        assert_eq!(
            found_with(text, "putin", WHOLE),
            ["Putin", "Putin", "Putin"],
            "not Putinism or Putina"
        );
        assert_eq!(found_with("Путинизм, Путин.", "путин", WHOLE), ["Путин"]);
        // Only ends that are letters or digits must stand alone.
        assert_eq!(found_with("the U.S.-led force", "U.S.", WHOLE), ["U.S."]);
        assert_eq!(found_with("$5bn and $5 m", "$5", WHOLE), ["$5"]);
        assert_eq!(found_with("2020, 20201", "2020", WHOLE), ["2020"]);
    }

    #[test]
    fn whole_words_never_split_a_letter_and_its_combining_marks() {
        let whole = Options {
            whole_words: true,
            ..Options::default()
        };
        let text = "un cafe\u{301} ou nao, n\u{303}o, cafe.";
        assert_eq!(found_with(text, "cafe", whole), ["cafe"]);
        assert_eq!(
            find_all(text, "cafe", whole).spans[0].start,
            text.rfind("cafe").unwrap()
        );
        assert!(found_with(text, "n", whole).is_empty());
        assert_eq!(found_with(text, "cafe\u{301}", whole), ["cafe\u{301}"]);
        // The accent glues the letter before it to the next word.
        assert!(found_with("e\u{301}lan", "lan", whole).is_empty());
        assert!(found_with("cafe\u{301}", "\u{301}", whole).is_empty());
    }

    #[test]
    fn whole_words_find_a_match_that_starts_inside_a_rejected_one() {
        // "ana" at 1 is inside "bananas"; at 3 too; "ana" at 9 stands alone.
        assert_eq!(found_with("bananas, ana", "ana", WHOLE), ["ana"]);
        // The leftmost match "a a" is glued to "xa"; the next one is whole.
        let text = "xa a a";
        let spans = find_all(text, "a a", WHOLE).spans;
        assert_eq!(spans, [Span::new(3, 6)]);
    }

    #[test]
    fn whole_words_count_towards_the_limit_only_when_whole() {
        let text = "ee e ".repeat(MAX_MATCHES);
        let matches = find_all(&text, "e", WHOLE);
        assert_eq!(matches.spans.len(), MAX_MATCHES);
        assert!(!matches.more);
    }
}
