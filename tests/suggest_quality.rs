//! Suggestion quality on the shared corpus, measured like
//! `shared/tools/score.py`: one-to-one matching at character IoU ≥ 0.5,
//! micro-averaged over the files. The thresholds are what the rules reach
//! today minus a small margin, never below the targets of issue 7.
//! Skipped, with a message, when `../shared/corpus` is not there.

use std::path::{Path, PathBuf};

use factmark::model::{Span, Tag, compare};
use factmark::suggest::suggest;

fn corpus() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipped: {} not found", path.display());
        None
    }
}

/// The spans of a brat file, in bytes of `article`; `;` fragments count as
/// separate spans, as in score.py.
fn read_gold(path: &Path, article: &factmark::model::Article) -> Vec<(Tag, Span)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    for line in text.lines().filter(|l| l.starts_with('T')) {
        let Some(head) = line.split('\t').nth(1) else {
            continue;
        };
        let Some((tag, offsets)) = head.split_once(' ') else {
            continue;
        };
        let Ok(tag) = tag.parse::<Tag>() else {
            continue;
        };
        for fragment in offsets.split(';') {
            let mut it = fragment
                .split_whitespace()
                .map(|n| n.parse::<usize>().unwrap());
            let (start, end) = (it.next().unwrap(), it.next().unwrap());
            let span = Span::new(
                article.byte_of_char(start).unwrap(),
                article.byte_of_char(end).unwrap(),
            );
            out.push((tag, span));
        }
    }
    out
}

/// Micro-averaged F1 per tag over `(article, gold)` pairs.
fn f1_per_tag(pairs: &[(PathBuf, PathBuf)]) -> [f64; 4] {
    let mut counts = [(0usize, 0usize, 0usize); 4]; // matched, predicted, gold
    for (text_path, gold_path) in pairs {
        let (article, _) = factmark::io::open_article(text_path).unwrap();
        let gold = read_gold(gold_path, &article);
        let predicted: Vec<(Tag, Span)> = suggest(&article, &[])
            .iter()
            .map(|s| (s.tag, s.span))
            .collect();
        let result = compare(&article, &gold, &predicted, 0.5);
        for t in result.tags {
            let c = &mut counts[t.tag.index()];
            c.0 += t.matched;
            c.1 += t.other;
            c.2 += t.reference;
        }
    }
    counts.map(|(m, p, g)| factmark::model::agreement::Scores::new(m, p, g).f1)
}

#[test]
fn quotes_and_sources_reach_their_targets_on_polnear() {
    let Some(corpus) = corpus() else { return };
    let dir = corpus.join("polnear-dev");
    let mut pairs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(dir.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .map(|gold| {
            let stem = gold.file_stem().unwrap().to_owned();
            (dir.join("text").join(stem).with_extension("txt"), gold)
        })
        .collect();
    pairs.sort();
    assert_eq!(pairs.len(), 84);
    let f1 = f1_per_tag(&pairs);
    let (quote, source) = (f1[Tag::Quote.index()], f1[Tag::Source.index()]);
    eprintln!("polnear-dev: quote F1 {quote:.3}, source F1 {source:.3}");
    assert!(quote >= QUOTE_F1, "quote F1 {quote:.3}");
    assert!(source >= SOURCE_F1, "source F1 {source:.3}");
}

#[test]
fn figures_and_claims_reach_their_targets_on_the_sample() {
    let Some(corpus) = corpus() else { return };
    let dir = corpus.join("articles");
    let pairs = [(
        dir.join("belarus-2020-08-16.txt"),
        dir.join("belarus-2020-08-16.ann"),
    )];
    let f1 = f1_per_tag(&pairs);
    let (figure, claim) = (f1[Tag::Figure.index()], f1[Tag::Claim.index()]);
    eprintln!("sample: figure F1 {figure:.3}, claim F1 {claim:.3}");
    assert!(figure >= FIGURE_F1, "figure F1 {figure:.3}");
    assert!(claim >= CLAIM_F1, "claim F1 {claim:.3}");
}

// Measured on 2026-11-30: quote 0.973, source 0.814, figure 1.000, claim
// 0.788 (13 claims: one more or one fewer right moves it by about 0.04).
// Quotes and sources are held to the targets; the sample's floors
// sit a little below so that a regression fails and a small rule change
// does not.
const QUOTE_F1: f64 = 0.97;
const SOURCE_F1: f64 = 0.80;
const FIGURE_F1: f64 = 0.95;
const CLAIM_F1: f64 = 0.72;
