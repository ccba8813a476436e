//! Article extraction quality on the real pages of ../shared/corpus/html:
//! bag-of-words F1 of the text factmark extracts against the expected
//! article, computed as ../shared/tools/extract_score.py does (lower-cased
//! runs of letters, digits and `_`; precision and recall over word counts).
//!
//! Targets (issue 8): every page ≥ 0.85, mean ≥ 0.95, the headline in the
//! first lines. The pages are the shared corpus, never copied here.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use dom_query::{Document, NodeRef};
use factmark::io::open_article;

const MIN_F1: f64 = 0.85;
const MIN_MEAN_F1: f64 = 0.95;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/html")
}

/// Word counts as extract_score.py's `words`: `re.findall(r"\w+", s.lower())`.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_owned()).or_insert(0) += 1;
    }
    counts
}

/// Bag-of-words F1 of `predicted` against `expected`.
fn f1(expected: &str, predicted: &str) -> f64 {
    let (e, p) = (words(expected), words(predicted));
    let common: usize = p
        .iter()
        .map(|(w, n)| (*n).min(e.get(w).copied().unwrap_or(0)))
        .sum();
    let precision = common as f64 / p.values().sum::<usize>().max(1) as f64;
    let recall = common as f64 / e.values().sum::<usize>().max(1) as f64;
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// The text of expected.html as extract_score.py reads it: all text but
/// scripts and styles, with a line break before each block tag.
fn html_text(html: &str) -> String {
    fn walk(node: &NodeRef<'_>, out: &mut String) {
        for child in node.children_it(false) {
            if child.is_text() {
                out.push_str(&child.text());
            } else if child.is_element() {
                let name = child.node_name().unwrap_or_default().to_ascii_lowercase();
                if matches!(name.as_str(), "script" | "style") {
                    continue;
                }
                if matches!(
                    name.as_str(),
                    "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "blockquote"
                ) {
                    out.push('\n');
                }
                walk(&child, out);
            }
        }
    }
    let mut out = String::new();
    walk(&Document::from(html).root(), &mut out);
    out
}

struct Page {
    name: String,
    file: PathBuf,
    expected: String,
    title: Option<String>,
}

fn pages() -> Vec<Page> {
    let mut pages = Vec::new();
    let readability = corpus().join("readability");
    let mut folders: Vec<_> = std::fs::read_dir(&readability)
        .expect("the shared corpus is beside the repository")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let expected = std::fs::read_to_string(folder.join("expected.html")).unwrap();
        let metadata: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(folder.join("expected-metadata.json")).unwrap(),
        )
        .unwrap();
        pages.push(Page {
            name: folder.file_name().unwrap().to_string_lossy().into_owned(),
            file: folder.join("source.html"),
            expected: html_text(&expected),
            title: metadata["title"].as_str().map(str::to_owned),
        });
    }
    let aeb = corpus().join("aeb");
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(aeb.join("ground-truth.json")).unwrap())
            .unwrap();
    let mut ids: Vec<_> = truth.as_object().unwrap().keys().cloned().collect();
    ids.sort();
    for id in ids {
        pages.push(Page {
            name: format!("aeb-{}", &id[..8]),
            file: aeb.join(format!("{id}.html.gz")),
            expected: truth[&id]["articleBody"].as_str().unwrap().to_owned(),
            title: None,
        });
    }
    pages
}

#[test]
fn every_corpus_page_is_extracted_close_to_the_expected_article() {
    let pages = pages();
    assert!(pages.len() >= 20, "the corpus has {} pages", pages.len());
    let mut scores = Vec::new();
    let mut failures = Vec::new();
    for page in &pages {
        let (article, _) =
            open_article(&page.file).unwrap_or_else(|e| panic!("{}: {e}", page.name));
        let score = f1(&page.expected, article.text());
        println!("{:<16} F1 {score:.3}", page.name);
        if score < MIN_F1 {
            failures.push(format!("{} F1 {score:.3}", page.name));
        }
        if let Some(title) = &page.title {
            let head: String = article
                .text()
                .chars()
                .take(300)
                .collect::<String>()
                .to_lowercase();
            let missing: Vec<_> = words(title)
                .into_keys()
                .filter(|w| !head.contains(w.as_str()))
                .collect();
            if !missing.is_empty() {
                failures.push(format!(
                    "{}: title words {missing:?} not in the first lines",
                    page.name
                ));
            }
        }
        scores.push(score);
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    println!("mean F1 {mean:.3}");
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(mean >= MIN_MEAN_F1, "mean F1 {mean:.3} < {MIN_MEAN_F1}");
}

#[test]
fn the_french_page_keeps_its_accents_and_guillemets() {
    let (article, decoded) =
        open_article(&corpus().join("readability/lemonde-1/source.html")).unwrap();
    let text = article.text();
    assert_eq!(decoded.encoding, "UTF-8");
    for needle in [
        "renseignement",
        "approuvé",
        "Assemblée",
        "«",
        "»",
        "é",
        "è",
        "à",
    ] {
        assert!(text.contains(needle), "{needle:?} missing");
    }
    assert!(
        !text.contains('\u{FFFD}'),
        "replacement characters in the text"
    );
    assert!(!text.contains("Ã©"), "UTF-8 read as Latin-1");
    let meta = article.meta();
    assert_eq!(
        meta.title,
        "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée"
    );
    assert_eq!(meta.language.as_deref(), Some("fr"));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("renseignement massivement approuvé")
    );
}

#[test]
fn page_metadata_is_read() {
    let (article, _) = open_article(&corpus().join("readability/lemonde-1/source.html")).unwrap();
    let meta = article.meta();
    assert_eq!(meta.site.as_deref(), Some("Le Monde.fr"));
    assert!(
        meta.byline
            .as_deref()
            .unwrap_or("")
            .contains("Martin Untersinger")
    );
    assert!(
        meta.url.as_deref().unwrap_or("").starts_with("http"),
        "{meta:?}"
    );
}

#[test]
fn a_gzipped_page_reads_like_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let source = corpus().join("readability/lemonde-1/source.html");
    let html = std::fs::read(&source).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &html).unwrap();
    let path = dir.path().join("page.html.gz");
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let (plain, _) = open_article(&source).unwrap();
    let (zipped, _) = open_article(&path).unwrap();
    assert_eq!(plain.text(), zipped.text());
    let mut check = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
        .read_to_end(&mut check)
        .unwrap();
    assert_eq!(check, html);
}
