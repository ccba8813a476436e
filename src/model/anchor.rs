//! Re-anchoring: finding stored annotations again in an article text.
//!
//! A set file stores, for every annotation, its character offsets and its
//! exact text with some context. When a set is loaded, each annotation is
//! placed again in the article as it is now:
//!
//! 1. at its stored offsets, if the exact text is still there and spans
//!    exactly from the stored start to the stored end (the usual case, and
//!    the only one when the article did not change); offsets that do not
//!    fit their text — out of range, or an end that is not where the
//!    exact text ends, as after a hand edit — are not trusted, and the
//!    annotation is found by its text as below;
//! 2. shifted by the shift of the previous annotation that moved, if the
//!    exact text is there — an insertion near the start moves everything
//!    after it by the same amount, so this finds most annotations without a
//!    search;
//! 3. otherwise at an occurrence of the exact text anywhere in the article:
//!    the one whose surrounding text best matches the stored prefix and
//!    suffix, and among equally good ones the nearest to the old place.
//!    Context comes first because a long insertion can put another
//!    occurrence of a short text ("the", "said") nearer than the real one.
//!
//! An annotation whose text is nowhere in the article, or whose place is
//! already taken by an identical annotation from elsewhere, becomes an
//! [`Orphan`]: kept, reported, never dropped. Two copies of one annotation
//! (the same tag stored at the same place, as a merge of two people's set
//! files or a hand edit leaves them) become one, keeping both notes.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::annotation::{
    Annotation, AnnotationId, CONTEXT_CHARS, Orphan, Quote, SortKey, Span, Tag,
};
use super::article::Article;
use super::set::Rejection;

/// What anchoring did to a batch of stored annotations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchored {
    pub annotations: Vec<Annotation>,
    pub orphans: Vec<Orphan>,
    /// Annotations found at their stored offsets.
    pub kept: usize,
    /// Annotations found somewhere else.
    pub moved: usize,
    /// Copies of an annotation already placed, merged into it.
    pub merged: usize,
}

/// Places stored annotations (given as orphans: their last offsets in
/// characters plus their quote) in `article`.
pub fn anchor(stored: Vec<Orphan>, article: &Article) -> Anchored {
    let mut result = Anchored::default();
    // Each place taken: the annotation there and where it was stored.
    let mut taken = HashMap::with_capacity(stored.len());
    let mut shift: isize = 0;
    for candidate in stored {
        let found = find(&candidate, article, shift);
        let Some((span, how)) = found else {
            result.orphans.push(candidate);
            continue;
        };
        let stored_at = (candidate.last_start, candidate.last_end);
        match taken.entry(SortKey::new(span, candidate.tag)) {
            Entry::Occupied(place) => {
                let (kept, at) = *place.get();
                if at == stored_at {
                    merge_copy(&mut result.annotations[kept], candidate);
                    result.merged += 1;
                } else {
                    result.orphans.push(candidate);
                }
                continue;
            }
            Entry::Vacant(place) => {
                place.insert((result.annotations.len(), stored_at));
            }
        }
        match how {
            Place::Stored => result.kept += 1,
            Place::Moved => {
                result.moved += 1;
                let new_start = article.char_of_byte(span.start).unwrap_or(0);
                shift = new_start as isize - candidate.last_start as isize;
            }
        }
        let text = article.text();
        let context_holds = text[..span.start].ends_with(&candidate.quote.prefix)
            && text[span.end..].starts_with(&candidate.quote.suffix);
        if context_holds {
            // The usual case on load: keep the stored quote, no new strings.
            result.annotations.push(Annotation {
                id: candidate.id,
                tag: candidate.tag,
                span,
                quote: candidate.quote,
                note: candidate.note,
                created: candidate.created,
                modified: candidate.modified,
            });
        } else {
            // Attaching recomputes the context from the text as it is now.
            result
                .annotations
                .push(candidate.attach(span, text, candidate.modified));
        }
    }
    result
}

/// Folds a second copy of `kept` into it: its note joins `kept`'s unless
/// `kept`'s already says it, and the times span both.
fn merge_copy(kept: &mut Annotation, copy: Orphan) {
    let note = copy.note.trim();
    if !note.is_empty() && !kept.note.contains(note) {
        if !kept.note.trim().is_empty() {
            kept.note.push_str("\n\n");
        }
        kept.note.push_str(note);
    }
    kept.created = kept.created.min(copy.created);
    kept.modified = kept.modified.max(copy.modified);
}

/// What anchoring did to a batch of stored rejected suggestions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchoredRejections {
    pub rejections: Vec<Rejection>,
    /// Rejections found somewhere else than their stored offsets.
    pub moved: usize,
    /// Rejections whose text is no longer in the article: dropped, since
    /// no suggestion can cover that text any more.
    pub lost: usize,
}

/// Places rejected suggestions, stored as a tag, character offsets and
/// the exact text, in `article` the way [`anchor`] places annotations, so
/// a rejection follows its text when the article changes. Rejections keep
/// no context, so of several occurrences the nearest to the old place wins.
pub fn anchor_rejections(
    stored: impl IntoIterator<Item = (Tag, usize, usize, String)>,
    article: &Article,
) -> AnchoredRejections {
    let probes: Vec<Orphan> = stored
        .into_iter()
        .enumerate()
        .map(|(i, (tag, start, end, exact))| Orphan {
            id: AnnotationId(i as u64),
            tag,
            last_start: start,
            last_end: end,
            quote: Quote {
                exact,
                prefix: String::new(),
                suffix: String::new(),
            },
            note: String::new(),
            created: jiff::Timestamp::UNIX_EPOCH,
            modified: jiff::Timestamp::UNIX_EPOCH,
        })
        .collect();
    let anchored = anchor(probes, article);
    AnchoredRejections {
        rejections: anchored
            .annotations
            .into_iter()
            .map(|a| Rejection {
                tag: a.tag,
                span: a.span,
                exact: a.quote.exact,
            })
            .collect(),
        moved: anchored.moved,
        lost: anchored.orphans.len(),
    }
}

enum Place {
    Stored,
    Moved,
}

fn find(candidate: &Orphan, article: &Article, shift: isize) -> Option<(Span, Place)> {
    let exact = candidate.quote.exact.as_str();
    if exact.is_empty() {
        return None;
    }
    if let Some(span) = exact_at(article, candidate.last_start, exact)
        && article.char_of_byte(span.end) == Some(candidate.last_end)
    {
        return Some((span, Place::Stored));
    }
    if shift != 0
        && let Some(start) = candidate.last_start.checked_add_signed(shift)
        && let Some(span) = exact_at(article, start, exact)
    {
        return Some((span, Place::Moved));
    }
    best_occurrence(candidate, article).map(|span| (span, Place::Moved))
}

/// The span of `exact` if it starts at character `start`.
fn exact_at(article: &Article, start: usize, exact: &str) -> Option<Span> {
    let byte = article.byte_of_char(start)?;
    let end = byte.checked_add(exact.len())?;
    (article.text().get(byte..end)? == exact).then_some(Span::new(byte, end))
}

fn best_occurrence(candidate: &Orphan, article: &Article) -> Option<Span> {
    let text = article.text();
    let exact = candidate.quote.exact.as_str();
    text.match_indices(exact)
        .map(|(byte, _)| {
            let span = Span::new(byte, byte + exact.len());
            let context = context_score(text, span, &candidate.quote);
            let at = article.char_of_byte(byte).unwrap_or(0);
            (
                std::cmp::Reverse(context),
                at.abs_diff(candidate.last_start),
                span.start,
            )
        })
        .min()
        .map(|(_, _, start)| Span::new(start, start + exact.len()))
}

/// How many characters of stored context match the text around `span`.
fn context_score(text: &str, span: Span, quote: &Quote) -> usize {
    let before = text[..span.start].chars().rev().take(CONTEXT_CHARS);
    let after = text[span.end..].chars().take(CONTEXT_CHARS);
    common_len(before, quote.prefix.chars().rev()) + common_len(after, quote.suffix.chars())
}

fn common_len(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{AnnotationId, Tag};
    use jiff::Timestamp;

    const TEXT: &str = "The police said 6,700 people were arrested.\n\nThe opposition said the vote was rigged.\n\nOfficials said nothing.";

    fn stored(article: &Article, id: u64, tag: Tag, needle: &str) -> Orphan {
        let byte = article.text().find(needle).unwrap();
        let span = Span::new(byte, byte + needle.len());
        Orphan {
            id: AnnotationId(id),
            tag,
            last_start: article.char_of_byte(span.start).unwrap(),
            last_end: article.char_of_byte(span.end).unwrap(),
            quote: Quote::of(article.text(), span),
            note: String::new(),
            created: Timestamp::UNIX_EPOCH,
            modified: Timestamp::UNIX_EPOCH,
        }
    }

    fn texts(anchored: &Anchored, article: &Article) -> Vec<String> {
        anchored
            .annotations
            .iter()
            .map(|a| article.text()[a.span.range()].to_owned())
            .collect()
    }

    fn sample() -> (Article, Vec<Orphan>) {
        let old = Article::new(TEXT.to_owned());
        let stored = vec![
            stored(&old, 1, Tag::Figure, "6,700"),
            stored(&old, 2, Tag::Source, "The opposition"),
            stored(&old, 3, Tag::Claim, "the vote was rigged"),
            stored(&old, 4, Tag::Source, "Officials"),
        ];
        (old, stored)
    }

    #[test]
    fn an_unchanged_article_keeps_every_annotation_in_place() {
        let (old, stored) = sample();
        let anchored = anchor(stored, &old);
        assert_eq!((anchored.kept, anchored.moved), (4, 0));
        assert!(anchored.orphans.is_empty());
    }

    #[test]
    fn text_inserted_before_spans_shifts_them() {
        let (_, stored) = sample();
        let new = Article::new(format!("Breaking: «update» — {TEXT}"));
        let anchored = anchor(stored, &new);
        assert_eq!(anchored.moved, 4);
        assert_eq!(
            texts(&anchored, &new),
            [
                "6,700",
                "The opposition",
                "the vote was rigged",
                "Officials"
            ]
        );
    }

    #[test]
    fn text_inserted_after_spans_changes_nothing() {
        let (_, stored) = sample();
        let new = Article::new(format!("{TEXT} More to follow."));
        let anchored = anchor(stored, &new);
        assert_eq!(anchored.kept, 4);
    }

    #[test]
    fn text_inserted_inside_a_span_orphans_it_and_keeps_the_others() {
        let (_, stored) = sample();
        let new = Article::new(TEXT.replace("the vote was", "the vote in August was"));
        let anchored = anchor(stored, &new);
        assert_eq!(anchored.annotations.len(), 3);
        assert_eq!(anchored.orphans.len(), 1);
        assert_eq!(anchored.orphans[0].quote.exact, "the vote was rigged");
    }

    #[test]
    fn a_deleted_span_becomes_an_orphan() {
        let (_, stored) = sample();
        let new = Article::new(TEXT.replace("6,700 ", ""));
        let anchored = anchor(stored, &new);
        assert_eq!(anchored.orphans.len(), 1);
        assert_eq!(anchored.orphans[0].id, AnnotationId(1));
        assert_eq!(anchored.annotations.len(), 3);
    }

    #[test]
    fn a_moved_paragraph_is_found() {
        let (_, stored) = sample();
        let paragraphs: Vec<&str> = TEXT.split("\n\n").collect();
        let moved = [paragraphs[2], paragraphs[0], paragraphs[1]].join("\n\n");
        let new = Article::new(moved);
        let anchored = anchor(stored, &new);
        assert!(anchored.orphans.is_empty());
        let mut found = texts(&anchored, &new);
        found.sort();
        assert_eq!(
            found,
            [
                "6,700",
                "Officials",
                "The opposition",
                "the vote was rigged"
            ]
        );
    }

    #[test]
    fn context_chooses_between_occurrences() {
        let old = Article::new("Alpha said yes. Beta said no.".to_owned());
        let second = stored(&old, 1, Tag::Claim, "said no");
        let mut orphan = second.clone();
        orphan.quote.exact = "said".to_owned();
        orphan.last_start = 0;
        orphan.last_end = 4;
        let new = Article::new("Gamma: Alpha said yes. Beta said no.".to_owned());
        let anchored = anchor(vec![orphan], &new);
        let span = anchored.annotations[0].span;
        assert_eq!(&new.text()[span.start - 5..span.end], "Beta said");
    }

    #[test]
    fn two_annotations_landing_on_the_same_place_keep_both() {
        let old = Article::new("a fact, a fact".to_owned());
        let first = stored(&old, 1, Tag::Claim, "a fact");
        let mut second = first.clone();
        second.id = AnnotationId(2);
        // Stored at the two occurrences; the second one is then deleted.
        (second.last_start, second.last_end) = (8, 14);
        let anchored = anchor(vec![first, second], &Article::new("a fact".to_owned()));
        assert_eq!((anchored.annotations.len(), anchored.orphans.len()), (1, 1));
    }

    #[test]
    fn two_copies_of_one_annotation_become_one_with_both_notes() {
        let text = Article::new("Zoë said a fact.".to_owned());
        let mut first = stored(&text, 1, Tag::Source, "Zoë");
        first.note = "first".to_owned();
        let mut second = first.clone();
        second.id = AnnotationId(2);
        second.note = "second, important".to_owned();
        second.modified = first.modified + jiff::SignedDuration::from_secs(60);
        let mut third = first.clone();
        third.id = AnnotationId(3);
        let anchored = anchor(vec![first.clone(), second.clone(), third], &text);
        assert_eq!((anchored.annotations.len(), anchored.orphans.len()), (1, 0));
        assert_eq!(anchored.merged, 2);
        let kept = &anchored.annotations[0];
        assert_eq!(kept.id, AnnotationId(1));
        assert_eq!(kept.note, "first\n\nsecond, important");
        assert_eq!(
            (kept.created, kept.modified),
            (first.created, second.modified)
        );
    }

    #[test]
    fn an_end_that_does_not_fit_the_text_is_not_trusted() {
        let (old, mut stored) = sample();
        stored[0].last_end = 99_999;
        let anchored = anchor(stored, &old);
        assert_eq!((anchored.kept, anchored.moved), (3, 1));
        assert_eq!(texts(&anchored, &old)[0], "6,700");
    }

    #[test]
    fn rejections_follow_their_text_like_annotations() {
        let old = Article::new(TEXT.to_owned());
        let at = |needle: &str| {
            let byte = old.text().find(needle).unwrap();
            let start = old.char_of_byte(byte).unwrap();
            (
                Tag::Figure,
                start,
                start + needle.chars().count(),
                needle.to_owned(),
            )
        };
        let new = Article::new(format!("Update: a new first paragraph.\n\n{TEXT}"));
        let anchored = anchor_rejections([at("6,700"), at("arrested")], &new);
        assert_eq!((anchored.moved, anchored.lost), (2, 0));
        let found: Vec<&str> = anchored
            .rejections
            .iter()
            .map(|r| &new.text()[r.span.range()])
            .collect();
        assert_eq!(found, ["6,700", "arrested"]);
        let gone = Article::new(TEXT.replace("6,700", "many"));
        let anchored = anchor_rejections([at("6,700"), at("arrested")], &gone);
        assert_eq!((anchored.rejections.len(), anchored.lost), (1, 1));
    }
}
