//! Offline pre-annotation: rules that propose figures, quotes, sources and
//! claims in an article, each with a score and the name of the rule that
//! fired, for the journalist to accept or reject.
//!
//! Everything here is a pure function of the article text: no network, no
//! model, no file system, no clock, no shared mutable state. [`suggest`] is
//! safe to call from a worker thread (an [`Article`] is `Send + Sync`),
//! splits its own work over two threads, and runs at tens of megabytes per
//! second, so the window can suggest a long article in the background and
//! show the result when it is ready.
//!
//! The rules follow the annotation guide in `shared/corpus/README.md`:
//! - [`figures`]: a number with its sign, unit or scale word; not dates,
//!   times, years used as dates, ordinals or numbers inside names;
//! - [`quotes`]: words between paired quotation marks, across paragraphs
//!   when a quote continues; never apostrophes, names or titles;
//! - [`sources`]: who a statement is attributed to, found around reporting
//!   cues ("said", "told", "according to" …), pronouns included, and, with
//!   a lower score, the subjects of attitude verbs ("want", "refuse");
//!   never inside a quotation;
//! - [`claims`]: check-worthy clauses (a figure, a comparison, an attributed
//!   statement, a cause, an act told with a date or a name); not questions,
//!   headings, forecasts or first-person opinion.
//!
//! This module depends on `model` only. It never changes an annotation set:
//! turning suggestions into annotations is the caller's decision.

pub mod claims;
pub mod figures;
mod lexicon;
pub mod quotes;
pub mod sources;
pub mod text;

use crate::model::{Article, Span, Tag};

/// One proposed annotation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Suggestion {
    pub tag: Tag,
    /// Byte range in the article text, on character boundaries.
    pub span: Span,
    /// Confidence between 0 and 1: how sure the rule is.
    pub score: f32,
    /// The rule that fired, e.g. `figure.percent` or `source.before_cue`.
    pub rule: &'static str,
}

impl Suggestion {
    pub(crate) fn new(tag: Tag, span: Span, score: f32, rule: &'static str) -> Self {
        Self {
            tag,
            span,
            score,
            rule,
        }
    }
}

/// Suggestions for `article`, restricted to `tags` (all four when `tags` is
/// empty), sorted by position — start ascending, end descending, then tag,
/// the order of an annotation set — with no two on the same span and tag.
pub fn suggest(article: &Article, tags: &[Tag]) -> Vec<Suggestion> {
    let wants = |tag: Tag| tags.is_empty() || tags.contains(&tag);
    let text = article.text();
    let need_figures = wants(Tag::Figure) || wants(Tag::Claim);
    let need_quotes = wants(Tag::Quote) || wants(Tag::Claim) || wants(Tag::Source);
    let need_sentences = wants(Tag::Source) || wants(Tag::Claim);
    // Two stages on two threads: figures and quotes read the raw text, while
    // sentences and their attributions are found beside them; then claims
    // (which need all four) are judged beside the subjects of sources.
    let ((figures, quotes), sentences) = std::thread::scope(|scope| {
        let raw = scope.spawn(|| {
            let figures = if need_figures {
                figures::figures(text)
            } else {
                Vec::new()
            };
            let quotes = if need_quotes {
                quotes::quotes(text, article.paragraphs())
            } else {
                Vec::new()
            };
            (figures, quotes)
        });
        let sentences = need_sentences.then(|| {
            let sentences = text::sentences(text, article.paragraphs());
            let attributions = sources::attributions(text, &sentences);
            (sentences, attributions)
        });
        (join(raw), sentences)
    });
    let mut out = Vec::new();
    if let Some((sentences, attributions)) = &sentences {
        std::thread::scope(|scope| {
            let claims = wants(Tag::Claim).then(|| {
                scope.spawn(|| claims::claims(text, sentences, &figures, attributions, &quotes))
            });
            if wants(Tag::Source) {
                // Words inside a quotation are the quoted speaker's (`"I
                // think …," he said`): the source of a quote is outside it,
                // and so is its cue (`tweeted: "Every survivor … deserves to
                // be heard, believed"` has no source before `believed`).
                let subjects = sources::subjects(text, sentences, attributions);
                let mut found: Vec<Suggestion> = attributions
                    .iter()
                    .chain(&subjects)
                    .filter(|a| !within_any(a.source, &quotes) && !within_any(a.cue, &quotes))
                    .filter_map(|a| {
                        let source = without_trailing_function_words(text, a.source)?;
                        Some(Suggestion::new(Tag::Source, source, a.score, a.rule))
                    })
                    .collect();
                drop_nested(&mut found);
                out.extend(found);
            }
            if let Some(claims) = claims {
                out.extend(join(claims));
            }
        });
    }
    if wants(Tag::Figure) {
        out.extend(figures);
    }
    if wants(Tag::Quote) {
        out.extend(quotes);
    }
    out.retain(|s| wants(s.tag) && !s.span.is_empty());
    sort_and_dedup(&mut out);
    out
}

/// The result of a scoped thread; a panic in it goes on in the caller, as
/// if the work had run there.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Whether `span` lies inside one of `spans`, which are sorted by start and
/// do not overlap (quotes).
fn within_any(span: Span, spans: &[Suggestion]) -> bool {
    let after = spans.partition_point(|s| s.span.start <= span.start);
    after > 0 && spans[after - 1].span.end >= span.end
}

/// `span` without the articles, prepositions and conjunctions that a rule
/// left at its end (`wrote Cameron Easley for Morning Consult` gave
/// `Cameron Easley for`): a phrase that speaks ends in a noun. `None` when
/// nothing else is left.
fn without_trailing_function_words(text: &str, span: Span) -> Option<Span> {
    const FUNCTION: &[&str] = &[
        "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or",
    ];
    let function = |w: &str| lexicon::is_one_of(w, FUNCTION);
    let mut end = span.end;
    loop {
        let words = text[span.start..end].trim_end();
        let Some((rest, last)) = words.rsplit_once(char::is_whitespace) else {
            return (!function(words)).then_some(Span::new(span.start, end));
        };
        if !function(last) {
            return Some(Span::new(span.start, end));
        }
        end = span.start + rest.trim_end().len();
    }
}

/// Drops every suggestion that lies inside a longer one: a source is one
/// phrase, and the person a relative clause in it reports on is part of it
/// (`according to officials who asked not to be named` has no source
/// `who`).
fn drop_nested(found: &mut Vec<Suggestion>) {
    found.sort_by_key(|s| (s.span.start, std::cmp::Reverse(s.span.end)));
    let mut reach = None;
    found.retain(|s| {
        let inside = reach.is_some_and(|(start, end)| {
            s.span.end <= end && (s.span.start > start || s.span.end < end)
        });
        if !inside && reach.is_none_or(|(_, end)| s.span.end > end) {
            reach = Some((s.span.start, s.span.end));
        }
        !inside
    });
}

/// Sorts in set order and keeps the best-scored suggestion of each span and
/// tag.
fn sort_and_dedup(out: &mut Vec<Suggestion>) {
    out.sort_by(|a, b| {
        crate::model::annotation::SortKey::new(a.span, a.tag)
            .cmp(&crate::model::annotation::SortKey::new(b.span, b.tag))
            .then(b.score.total_cmp(&a.score))
    });
    out.dedup_by(|later, kept| later.span == kept.span && later.tag == kept.tag);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::new(text.to_owned())
    }

    #[test]
    fn suggestions_are_sorted_and_unique() {
        let a = article(
            "Officials said 6,700 people were arrested, up 20% from last year.\n\n\"It is a record,\" he said.",
        );
        let all = suggest(&a, &[]);
        assert!(!all.is_empty());
        for pair in all.windows(2) {
            let (x, y) = (&pair[0], &pair[1]);
            let kx = crate::model::annotation::SortKey::new(x.span, x.tag);
            let ky = crate::model::annotation::SortKey::new(y.span, y.tag);
            assert!(kx < ky, "{x:?} then {y:?}");
        }
    }

    #[test]
    fn only_the_requested_tags_are_suggested() {
        let a = article("Officials said 6,700 people were arrested.");
        let figures = suggest(&a, &[Tag::Figure]);
        assert!(!figures.is_empty());
        assert!(figures.iter().all(|s| s.tag == Tag::Figure));
    }

    #[test]
    fn each_tag_alone_gives_what_all_tags_give_for_it() {
        let a = article(
            "Arrests rise\n\nOfficials said 6,700 people were arrested, up 20% from last \
             year.\n\n\"It is a record,\" he said. The mayor, who wants calm, is the most \
             popular leader in the region, according to a poll.",
        );
        let all = suggest(&a, &[]);
        for tag in Tag::ALL {
            let alone = suggest(&a, &[tag]);
            assert!(!alone.is_empty(), "{tag:?}");
            let from_all: Vec<Suggestion> = all.iter().copied().filter(|s| s.tag == tag).collect();
            assert_eq!(alone, from_all, "{tag:?}");
        }
    }

    #[test]
    fn every_span_is_on_character_boundaries() {
        let a = article("«Ça coûte 4,5 millions d’euros», a dit le ministre. “Übel” — 3 % ?");
        for s in suggest(&a, &[]) {
            assert!(s.span.validate(a.text()).is_ok(), "{s:?}");
        }
    }

    /// The sources suggested for `text`, as text.
    fn sources_of(text: &str) -> Vec<String> {
        let a = article(text);
        suggest(&a, &[Tag::Source])
            .iter()
            .map(|s| a.text()[s.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn no_source_is_suggested_inside_a_quotation() {
        assert_eq!(
            sources_of("\"I think it should be done in public,\" Chaffetz said."),
            vec!["Chaffetz"]
        );
    }

    #[test]
    fn a_source_ends_in_no_article_or_preposition() {
        assert_eq!(
            sources_of("“The share is small,” wrote Cameron Easley for Morning Consult."),
            vec!["Cameron Easley"]
        );
        // A source that is a function word alone is none (the property
        // test below found `of` in `€3bn of said`).
        let span = Span::new(0, 2);
        assert_eq!(without_trailing_function_words("of said", span), None);
        assert_eq!(
            without_trailing_function_words("the senator of", Span::new(0, 14)),
            Some(Span::new(0, 11))
        );
    }

    #[test]
    fn no_source_is_suggested_inside_another() {
        let sources = sources_of(
            "Laurence Meyer, a former Fed governor who argued with Ms. Brainard at meetings, \
             said the bank would wait. Some say so, according to officials who asked not to \
             be named.",
        );
        assert_eq!(
            sources,
            vec![
                "Laurence Meyer, a former Fed governor who argued with Ms. Brainard at meetings,",
                "Some",
                "officials who asked not to be named",
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// Any mix of words, marks and reporting cues gives suggestions on
        /// character boundaries inside the text, and never a panic.
        #[test]
        fn any_text_gives_valid_suggestions(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "said", "says", "told", "according", "to", "who", "that", "what", "called",
                    "Mr.", "G.K.", "Trump", "Clinton’s", "the", "officials", "want", "wants",
                    "and", "of", "in", "on", "Tuesday", "has", "been", "is", "saying", ",", ".",
                    ":", ";", "\"", "“", "”", "«", "»", "„", "'", "''", "’", "―", "—", "-", "(",
                    ")", "/", "\n", "\n\n", "5%", "$4.5", "million", "two", "Ça", "€3bn", "日本",
                    "🙂", "I’ve", "we", "He", "?", "!", "…", "\u{a0}", "\u{301}",
                ]),
                0..60,
            ),
            glue in proptest::collection::vec(proptest::bool::ANY, 60),
        ) {
            let mut text = String::new();
            for (k, piece) in pieces.iter().enumerate() {
                text.push_str(piece);
                if glue[k] {
                    text.push(' ');
                }
            }
            let a = article(&text);
            let all = suggest(&a, &[]);
            for s in &all {
                proptest::prop_assert!(s.span.validate(a.text()).is_ok(), "{s:?} in {text:?}");
                proptest::prop_assert!(!s.span.is_empty());
            }
            let sources: Vec<Span> =
                all.iter().filter(|s| s.tag == Tag::Source).map(|s| s.span).collect();
            for source in &sources {
                let last = text[source.range()].rsplit(char::is_whitespace).next().unwrap_or("");
                proptest::prop_assert!(
                    !["the", "of", "to", "and"].iter().any(|f| last.eq_ignore_ascii_case(f)),
                    "{source:?} ends with {last:?} in {text:?}"
                );
            }
            for inner in &sources {
                let outer = sources.iter().find(|o| {
                    *o != inner && o.start <= inner.start && inner.end <= o.end
                });
                proptest::prop_assert!(outer.is_none(), "{inner:?} inside {outer:?} in {text:?}");
            }
        }
    }

    #[test]
    fn an_empty_article_has_no_suggestions() {
        assert!(suggest(&article(""), &[]).is_empty());
    }
}
