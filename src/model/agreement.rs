//! Agreement between two annotations of the same article: per-tag
//! precision, recall and F1 of one against the other, and Cohen's kappa
//! over characters.
//!
//! Matching is one-to-one and greedy by overlap, as in the corpus scorer
//! (`shared/tools/score.py`): every pair of spans with the same tag and a
//! character intersection-over-union at least the threshold is a candidate;
//! the pairs are taken from the highest IoU down, each span used once.
//! `exact` counts only identical spans. Kappa treats every character of the
//! text as in or out of the tag on each side.
//!
//! Pure: spans are given in bytes with the article, offsets are compared in
//! characters, nothing is read or written. Used by `factmark compare` and
//! usable by the window to show how far suggestions are from a reference.

use super::annotation::{Span, Tag};
use super::article::Article;

/// Counts and scores of one tag.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagAgreement {
    pub tag: Tag,
    /// Spans in the reference.
    pub reference: usize,
    /// Spans in the other annotation.
    pub other: usize,
    /// One-to-one matches at the IoU threshold.
    pub matched: usize,
    /// One-to-one matches with identical offsets.
    pub exact: usize,
    /// Cohen's kappa over characters; `None` when neither side tags any
    /// character (or both tag every one), where kappa is undefined.
    pub kappa: Option<f64>,
}

/// Precision, recall and F1 of a count of matches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Scores {
    /// Scores as the corpus scorer computes them: an empty side scores 1
    /// when the other side is empty too, else 0.
    pub fn new(matched: usize, other: usize, reference: usize) -> Self {
        let ratio = |num: usize, den: usize, empty_other: bool| {
            if den == 0 {
                if empty_other { 1.0 } else { 0.0 }
            } else {
                num as f64 / den as f64
            }
        };
        let precision = ratio(matched, other, reference == 0);
        let recall = ratio(matched, reference, other == 0);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

impl TagAgreement {
    /// Scores at the IoU threshold.
    pub fn overlap(&self) -> Scores {
        Scores::new(self.matched, self.other, self.reference)
    }

    /// Scores of exact matches.
    pub fn exact(&self) -> Scores {
        Scores::new(self.exact, self.other, self.reference)
    }
}

/// Agreement of two annotations of one article, per tag in [`Tag::ALL`]
/// order.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub iou: f64,
    pub tags: [TagAgreement; 4],
}

impl Agreement {
    /// Micro-averaged counts over all tags (kappa is per tag only).
    pub fn total(&self) -> (usize, usize, usize, usize) {
        self.tags.iter().fold((0, 0, 0, 0), |acc, t| {
            (
                acc.0 + t.matched,
                acc.1 + t.exact,
                acc.2 + t.other,
                acc.3 + t.reference,
            )
        })
    }
}

/// A span in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Chars {
    start: usize,
    end: usize,
}

impl Chars {
    fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
}

/// Intersection over union of two character spans.
pub fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    if inter == 0 {
        return 0.0;
    }
    let union = a.1.max(b.1) - a.0.min(b.0);
    inter as f64 / union as f64
}

/// Compares `other` against `reference`, both `(tag, byte span)` lists of
/// annotations of `article`, matching at `threshold` IoU.
pub fn compare(
    article: &Article,
    reference: &[(Tag, Span)],
    other: &[(Tag, Span)],
    threshold: f64,
) -> Agreement {
    let to_chars = |spans: &[(Tag, Span)], tag: Tag| -> Vec<Chars> {
        let mut out: Vec<Chars> = spans
            .iter()
            .filter(|(t, _)| *t == tag)
            .filter_map(|(_, s)| {
                Some(Chars {
                    start: article.char_of_byte(s.start)?,
                    end: article.char_of_byte(s.end)?,
                })
            })
            .collect();
        out.sort();
        out
    };
    let tags = Tag::ALL.map(|tag| {
        let r = to_chars(reference, tag);
        let o = to_chars(other, tag);
        TagAgreement {
            tag,
            reference: r.len(),
            other: o.len(),
            matched: match_count(&r, &o, threshold),
            exact: exact_count(&r, &o),
            kappa: kappa(&r, &o, article.char_len()),
        }
    });
    Agreement {
        iou: threshold,
        tags,
    }
}

fn exact_count(reference: &[Chars], other: &[Chars]) -> usize {
    // Both sorted: count common elements, each used once.
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < reference.len() && j < other.len() {
        match reference[i].cmp(&other[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Greedy one-to-one matching by decreasing IoU. Both lists sorted by start.
fn match_count(reference: &[Chars], other: &[Chars], threshold: f64) -> usize {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, r) in reference.iter().enumerate() {
        // A span with IoU ≥ t > 0 against r starts after r.end - len(r)/t.
        let lowest_start = if threshold > 0.0 {
            let reach = (r.len() as f64 / threshold).ceil() as usize;
            r.end.saturating_sub(reach)
        } else {
            0
        };
        let from = other.partition_point(|o| o.start < lowest_start);
        let to = other.partition_point(|o| o.start < r.end);
        for (j, o) in other[from..to].iter().enumerate() {
            let v = iou((r.start, r.end), (o.start, o.end));
            if v > 0.0 && v >= threshold {
                pairs.push((v, i, from + j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let mut used_r = vec![false; reference.len()];
    let mut used_o = vec![false; other.len()];
    let mut n = 0;
    for (_, i, j) in pairs {
        if used_r[i] || used_o[j] {
            continue;
        }
        used_r[i] = true;
        used_o[j] = true;
        n += 1;
    }
    n
}

/// Characters covered by at least one span, as sorted disjoint intervals.
fn coverage(spans: &[Chars]) -> Vec<Chars> {
    let mut out: Vec<Chars> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(*s),
        }
    }
    out
}

/// Cohen's kappa of two codings of `total` characters (in or out).
fn kappa(reference: &[Chars], other: &[Chars], total: usize) -> Option<f64> {
    if total == 0 {
        return None;
    }
    let a = coverage(reference);
    let b = coverage(other);
    let in_a: usize = a.iter().map(|c| c.len()).sum();
    let in_b: usize = b.iter().map(|c| c.len()).sum();
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        both += a[i]
            .end
            .min(b[j].end)
            .saturating_sub(a[i].start.max(b[j].start));
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    let n = total as f64;
    let agree = (total + 2 * both - in_a - in_b) as f64 / n;
    let (pa, pb) = (in_a as f64 / n, in_b as f64 / n);
    let chance = pa * pb + (1.0 - pa) * (1.0 - pb);
    if (1.0 - chance).abs() < f64::EPSILON {
        return None;
    }
    Some((agree - chance) / (1.0 - chance))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Officials said 6,700 people were arrested on Saturday.";

    fn span(needle: &str) -> Span {
        let start = TEXT.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    fn agreement(reference: &[(Tag, Span)], other: &[(Tag, Span)]) -> Agreement {
        compare(&Article::new(TEXT.to_owned()), reference, other, 0.5)
    }

    #[test]
    fn identical_annotations_agree_fully() {
        let a = [
            (Tag::Figure, span("6,700")),
            (Tag::Source, span("Officials")),
        ];
        let result = agreement(&a, &a);
        let figure = result.tags[Tag::Figure.index()];
        assert_eq!((figure.matched, figure.exact), (1, 1));
        assert_eq!(figure.overlap().f1, 1.0);
        assert_eq!(figure.kappa, Some(1.0));
    }

    #[test]
    fn overlap_above_the_threshold_matches_but_not_exactly() {
        let reference = [(Tag::Figure, span("6,700"))];
        let other = [(Tag::Figure, span("6,700 people"))];
        let figure = agreement(&reference, &other).tags[Tag::Figure.index()];
        // IoU 5/12 < 0.5: no match.
        assert_eq!(figure.matched, 0);
        let other = [(Tag::Figure, span("6,70"))];
        let figure = agreement(&reference, &other).tags[Tag::Figure.index()];
        assert_eq!((figure.matched, figure.exact), (1, 0));
    }

    #[test]
    fn matching_is_one_to_one() {
        let reference = [(Tag::Claim, span("6,700 people were arrested"))];
        let other = [
            (Tag::Claim, span("6,700 people were arrested")),
            (Tag::Claim, span("6,700 people were arrested on")),
        ];
        let claim = agreement(&reference, &other).tags[Tag::Claim.index()];
        assert_eq!(claim.matched, 1);
        let s = claim.overlap();
        assert_eq!((s.precision, s.recall), (0.5, 1.0));
    }

    #[test]
    fn tags_must_agree_to_match() {
        let reference = [(Tag::Figure, span("6,700"))];
        let other = [(Tag::Claim, span("6,700"))];
        let result = agreement(&reference, &other);
        assert_eq!(result.tags[Tag::Figure.index()].matched, 0);
        assert_eq!(result.tags[Tag::Figure.index()].overlap().recall, 0.0);
    }

    #[test]
    fn kappa_is_chance_corrected() {
        // Reference tags 10 characters, other tags 5 of them: po = (n-5)/n.
        let reference = [(Tag::Claim, span("Officials "))];
        let other = [(Tag::Claim, span("Offic"))];
        let k = agreement(&reference, &other).tags[Tag::Claim.index()]
            .kappa
            .unwrap();
        let n = TEXT.chars().count() as f64;
        let (pa, pb) = (10.0 / n, 5.0 / n);
        let pe = pa * pb + (1.0 - pa) * (1.0 - pb);
        let po = (n - 5.0) / n;
        assert!((k - (po - pe) / (1.0 - pe)).abs() < 1e-12);
        assert_eq!(agreement(&[], &[]).tags[0].kappa, None);
    }

    #[test]
    fn scores_of_empty_sides_follow_the_corpus_scorer() {
        assert_eq!(Scores::new(0, 0, 0).f1, 1.0);
        assert_eq!(Scores::new(0, 3, 0).precision, 0.0);
        assert_eq!(Scores::new(0, 0, 3).precision, 0.0);
    }
}
