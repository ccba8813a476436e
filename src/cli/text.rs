//! `factmark text ARTICLE [-o OUT] [--meta]`: the article text exactly as
//! factmark sees it — the text every offset refers to — for people who want
//! the clean text of a page or a document, and to debug offsets.
//!
//! The text goes to stdout (or to OUT, written atomically); the metadata
//! goes to stderr as `key: value` lines, or with `--meta` to stdout as JSON
//! in place of the text. It never changes the article file.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use crate::io::{self, Decoded};
use crate::model::{Article, ArticleMeta};

/// The `--meta` JSON document.
#[derive(Serialize)]
struct MetaJson<'a> {
    path: String,
    #[serde(flatten)]
    meta: &'a ArticleMeta,
    encoding: &'a str,
    chars: usize,
    sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<&'a str>,
}

/// `factmark text`: returns the exit code.
pub fn text(
    article_path: &Path,
    output: Option<&Path>,
    meta_only: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (article, decoded) = match super::read_article(article_path, err) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    if let Some(path) = output {
        let instead = "write the text to another file";
        if let Err(code) = super::refuse_the_article(article_path, path, instead, err) {
            return code;
        }
        if let Some(problem) = set_problem(path) {
            let _ = writeln!(err, "error: {}: {problem}", path.display());
            return EXIT_INVALID;
        }
        let written = io::store::write_output_atomically(path, article.text().as_bytes());
        if let Err(error) = written {
            let words = io::store::in_words(&error);
            let _ = writeln!(err, "error: {}: cannot write: {words}", path.display());
            return EXIT_UNREADABLE;
        }
    }
    if meta_only {
        let _ = writeln!(out, "{}", meta_json(article_path, &article, &decoded));
        return EXIT_OK;
    }
    write_meta_lines(&article, &decoded, err);
    if output.is_none() {
        let _ = out.write_all(article.text().as_bytes());
    }
    EXIT_OK
}

/// Why the text must not be written to `output`: it is an annotation set
/// (someone's work, which the text would replace).
fn set_problem(output: &Path) -> Option<&'static str> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    (output.exists() && (name.ends_with(".ron") || name.ends_with(".ron.bak")))
        .then_some("this is an annotation set; write the text to another file")
}

fn meta_json(path: &Path, article: &Article, decoded: &Decoded) -> String {
    let json = MetaJson {
        path: path.display().to_string(),
        meta: article.meta(),
        encoding: decoded.encoding,
        chars: article.char_len(),
        sha256: io::store::text_sha256(article.text()),
        notice: decoded.notice.as_deref(),
    };
    serde_json::to_string_pretty(&json).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn write_meta_lines(article: &Article, decoded: &Decoded, err: &mut dyn Write) {
    let meta = article.meta();
    let _ = writeln!(err, "format: {}", meta.format.label());
    let _ = writeln!(err, "title: {}", meta.title);
    let optional = [
        ("byline", &meta.byline),
        ("date", &meta.date),
        ("site", &meta.site),
        ("url", &meta.url),
        ("language", &meta.language),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            let _ = writeln!(err, "{key}: {value}");
        }
    }
    let _ = writeln!(
        err,
        "encoding: {}; {}",
        decoded.encoding,
        crate::plural(article.char_len(), "character", "characters")
    );
}
