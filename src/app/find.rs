//! Find in the article: the query, its matches and the current one.
//!
//! The current match becomes the text selection, so a tag key (or a tag
//! button) annotates it like any selection, and the next match is one key
//! away.

use crate::model::Span;
use crate::model::search::{self, Matches, Options};

/// Longest selection that pre-fills the query when Find opens.
const PREFILL_CHARS: usize = 120;

/// An open find bar.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Find {
    /// The query as typed.
    pub query: String,
    pub matches: Matches,
    /// Index into `matches.spans` of the match shown.
    pub current: Option<usize>,
    /// The first match at or after this byte becomes current when the
    /// query changes: where the search started, or the last match shown.
    origin: usize,
    /// The article the matches were found in.
    generation: u64,
}

impl Find {
    /// A find bar opened at `origin`, pre-filled with `prefill` when it is a
    /// short phrase on one line.
    pub fn open(origin: usize, prefill: Option<&str>, generation: u64) -> Self {
        let query = prefill
            .filter(|p| !p.contains('\n') && p.chars().count() <= PREFILL_CHARS)
            .unwrap_or_default()
            .to_owned();
        Self {
            query,
            origin,
            generation,
            ..Self::default()
        }
    }

    /// Searches `text` for `query`; the current match is the first one at
    /// or after the origin (wrapping to the first).
    pub fn search(&mut self, text: &str, query: String, options: Options, generation: u64) {
        self.matches = search::find_all(text, &query, options);
        self.query = query;
        self.generation = generation;
        let spans = &self.matches.spans;
        self.current = if spans.is_empty() {
            None
        } else {
            Some(spans.partition_point(|s| s.start < self.origin) % spans.len())
        };
    }

    /// Whether the matches were found in another article than this one.
    pub fn is_stale(&self, generation: u64) -> bool {
        self.generation != generation
    }

    /// Moves to the next (`forward`) or previous match, wrapping around.
    pub fn step(&mut self, forward: bool) {
        let n = self.matches.spans.len();
        if n == 0 {
            return;
        }
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(next);
        self.origin = self.matches.spans[next].start;
    }

    /// Whether the query finds anything.
    pub fn has_matches(&self) -> bool {
        !self.matches.spans.is_empty()
    }

    /// The match shown.
    pub fn current_span(&self) -> Option<Span> {
        self.current
            .and_then(|i| self.matches.spans.get(i).copied())
    }

    /// "3 of 17", "3 of 100000+", or "No matches" for a query that has
    /// some text; empty before anything is typed.
    pub fn status(&self) -> String {
        if self.query.trim().is_empty() {
            return String::new();
        }
        let n = self.matches.spans.len();
        let more = if self.matches.more { "+" } else { "" };
        match self.current {
            _ if n == 0 => "No matches".to_owned(),
            Some(i) => format!("{} of {n}{more}", i + 1),
            None => format!("{n}{more} matches"),
        }
    }

    /// The matches that overlap `range`, for painting a paragraph.
    pub fn overlapping(&self, range: Span) -> &[Span] {
        let spans = &self.matches.spans;
        // Matches do not overlap each other, so their ends are sorted too.
        let from = spans.partition_point(|s| s.end <= range.start);
        let to = spans.partition_point(|s| s.start < range.end);
        &spans[from..to.max(from)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Lukashenko said. Then lukashenko left. LUKASHENKO again.";

    fn searched(origin: usize, query: &str) -> Find {
        let mut find = Find::open(origin, None, 1);
        find.search(TEXT, query.to_owned(), Options::default(), 1);
        find
    }

    #[test]
    fn the_first_match_after_the_origin_is_current() {
        assert_eq!(searched(0, "lukashenko").current, Some(0));
        assert_eq!(searched(1, "lukashenko").current, Some(1));
        assert_eq!(searched(39, "lukashenko").current, Some(2));
        // Past the last match: wrap to the first.
        assert_eq!(searched(40, "lukashenko").current, Some(0));
        assert_eq!(searched(0, "nobody").current, None);
    }

    #[test]
    fn steps_wrap_around_both_ways() {
        let mut find = searched(0, "lukashenko");
        find.step(true);
        find.step(true);
        assert_eq!(find.current, Some(2));
        find.step(true);
        assert_eq!(find.current, Some(0));
        find.step(false);
        assert_eq!(find.current, Some(2));
        assert_eq!(find.current_span(), Some(Span::new(39, 49)));
    }

    #[test]
    fn typing_on_keeps_the_match_in_place() {
        let mut find = searched(0, "lukashenko");
        find.step(true);
        find.search(TEXT, "lukashenko l".to_owned(), Options::default(), 1);
        assert_eq!(find.current_span(), Some(Span::new(22, 34)));
    }

    #[test]
    fn status_counts_matches() {
        let mut find = searched(0, "lukashenko");
        assert_eq!(find.status(), "1 of 3");
        find.step(false);
        assert_eq!(find.status(), "3 of 3");
        assert_eq!(searched(0, "nobody").status(), "No matches");
        assert_eq!(searched(0, "  ").status(), "");
    }

    #[test]
    fn prefill_only_short_phrases_on_one_line() {
        assert_eq!(Find::open(0, Some("Minsk"), 0).query, "Minsk");
        assert_eq!(Find::open(0, Some("two\nlines"), 0).query, "");
        assert_eq!(Find::open(0, Some(&"x".repeat(121)), 0).query, "");
        assert_eq!(Find::open(0, None, 0).query, "");
    }

    #[test]
    fn overlapping_picks_the_matches_of_a_range() {
        let find = searched(0, "lukashenko");
        assert_eq!(find.overlapping(Span::new(0, 17)), [Span::new(0, 10)]);
        assert_eq!(find.overlapping(Span::new(5, 30)).len(), 2);
        assert!(find.overlapping(Span::new(10, 22)).is_empty());
        assert_eq!(find.overlapping(Span::new(0, TEXT.len())).len(), 3);
    }

    #[test]
    fn knows_when_the_article_changed() {
        let find = searched(0, "lukashenko");
        assert!(!find.is_stale(1));
        assert!(find.is_stale(2));
    }
}
