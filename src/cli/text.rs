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

use super::{EXIT_OK, EXIT_UNREADABLE};
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
    let (article, decoded) = match io::open_article(article_path) {
        Ok(opened) => opened,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return EXIT_UNREADABLE;
        }
    };
    if let Some(notice) = &decoded.notice {
        let _ = writeln!(err, "note: {}: {notice}", article_path.display());
    }
    if let Some(path) = output {
        let written = io::store::write_output_atomically(path, article.text().as_bytes());
        if let Err(error) = written {
            let _ = writeln!(err, "error: {}: cannot write: {error}", path.display());
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
        "encoding: {}; {} characters",
        decoded.encoding,
        article.char_len()
    );
}
