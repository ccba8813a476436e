//! Opening an article file of any supported format: plain text, Markdown,
//! web pages and Word documents, each reduced to the article text.
//!
//! The format is chosen from the file name ([`ArticleFormat`] of
//! `.txt`, `.md`, `.html`, `.html.gz`, `.docx` …); a file with an unknown
//! extension is read as plain text and the result says so. Every extractor
//! writes the same shape of text — one paragraph or heading per line,
//! paragraphs separated by a blank line — so the paragraph model of
//! [`crate::model::Article`] (one line, one paragraph) holds for all of
//! them, and every offset refers to that text.
//!
//! Nothing here panics on any input: every problem becomes an
//! [`ArticleError`] naming the file. Nothing here writes files.

pub mod docx;
pub mod html;
mod html_charset;
pub mod markdown;

use std::path::Path;

use crate::io::decode::{self, ArticleError, DecodeProblem, Decoded, MAX_ARTICLE_BYTES};
use crate::model::{Article, ArticleFormat, ArticleMeta};

/// How a file name maps to a format, and whether the mapping was a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatChoice {
    pub format: ArticleFormat,
    /// The extension is not one factmark knows; the file is tried as text.
    pub guessed: bool,
}

/// The format of an article file, from its name.
pub fn format_of(path: &Path) -> FormatChoice {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let known = |format| FormatChoice {
        format,
        guessed: false,
    };
    if name.ends_with(".html.gz") || name.ends_with(".htm.gz") {
        return known(ArticleFormat::Html);
    }
    let extension = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext,
        _ => return known(ArticleFormat::Text),
    };
    match extension {
        "html" | "htm" | "xhtml" => known(ArticleFormat::Html),
        "md" | "markdown" | "mdown" | "mkd" => known(ArticleFormat::Markdown),
        "docx" => known(ArticleFormat::Docx),
        "txt" | "text" => known(ArticleFormat::Text),
        _ => FormatChoice {
            format: ArticleFormat::Text,
            guessed: true,
        },
    }
}

/// Reads an article file, choosing the format from its name.
pub fn open_article(path: &Path) -> Result<(Article, Decoded), ArticleError> {
    let choice = format_of(path);
    let (article, mut decoded) = open_article_as(path, choice.format)?;
    if choice.guessed {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        let guess = format!(
            "factmark does not know the extension .{extension}; the file was opened as plain text"
        );
        decoded.notice = Some(match decoded.notice.take() {
            Some(notice) => format!("{guess}; {notice}"),
            None => guess,
        });
    }
    Ok((article, decoded))
}

/// Reads an article file as the given format, whatever its name (a set
/// file records the format its offsets refer to).
pub fn open_article_as(
    path: &Path,
    format: ArticleFormat,
) -> Result<(Article, Decoded), ArticleError> {
    let fail = |problem| ArticleError {
        path: path.to_owned(),
        problem,
    };
    refuse_annotation_file(path).map_err(fail)?;
    let bytes = decode::read_limited(path, MAX_ARTICLE_BYTES).map_err(fail)?;
    let Extracted {
        text,
        meta,
        encoding,
        notice,
    } = extract(&bytes, format).map_err(fail)?;
    let article = Article::with_meta(text.clone(), meta);
    let decoded = Decoded {
        text,
        encoding,
        format,
        notice,
    };
    Ok((article, decoded))
}

/// Annotation files are not articles: annotating one would make nonsense
/// (a set whose article is a set), so they are refused by name, pointing to
/// what the user meant.
fn refuse_annotation_file(path: &Path) -> Result<(), DecodeProblem> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".ron") || name.ends_with(".ron.bak") {
        Err(DecodeProblem::NotAnArticle(
            "this is an annotation set, not an article: give the article it annotates",
        ))
    } else if name.ends_with(".ann") {
        Err(DecodeProblem::NotAnArticle(
            "this is a brat annotation file, not an article: import it into the article's set (File > Import, or `factmark import ARTICLE --brat FILE`)",
        ))
    } else {
        Ok(())
    }
}

/// What [`extract`] makes of a file.
struct Extracted {
    text: String,
    meta: ArticleMeta,
    /// The encoding the file was read in.
    encoding: &'static str,
    /// What the reader should be told about the reading.
    notice: Option<String>,
}

/// The article text, its metadata and how it was read.
fn extract(bytes: &[u8], format: ArticleFormat) -> Result<Extracted, DecodeProblem> {
    let (text, mut meta, encoding, notice) = match format {
        ArticleFormat::Text => {
            let decoded = decode::decode(bytes)?;
            let meta = ArticleMeta::default();
            (decoded.text, meta, decoded.encoding, decoded.notice)
        }
        ArticleFormat::Markdown => {
            let decoded = decode::decode(bytes)?;
            let (text, meta) = markdown::extract(&decoded.text);
            (text, meta, decoded.encoding, decoded.notice)
        }
        ArticleFormat::Html => {
            let bytes = html::gunzip_if_needed(bytes)?;
            let (text, meta, encoding) = html::extract(&bytes)?;
            (text, meta, encoding, None)
        }
        ArticleFormat::Docx => {
            let (text, meta) = docx::extract(bytes)?;
            (text, meta, "UTF-8", None)
        }
    };
    if text.trim().is_empty() {
        return Err(match format {
            ArticleFormat::Html => DecodeProblem::NoArticle,
            _ => DecodeProblem::Blank,
        });
    }
    meta.format = format;
    Ok(Extracted {
        text,
        meta,
        encoding,
        notice,
    })
}

/// Article text built block by block: each block (paragraph, heading, list
/// item, table row) becomes one line with its white space collapsed;
/// blocks are separated by a blank line, or by a single line break when
/// they belong together (the items of a list, the rows of a table).
#[derive(Debug, Default)]
pub struct Blocks {
    text: String,
    line: String,
    /// The next block follows the previous one without a blank line.
    tight: bool,
    /// White space was seen since the last character of the block.
    pending_space: bool,
}

impl Blocks {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds inline text to the current block; runs of white space (line
    /// breaks included) become one space.
    pub fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push(c);
            }
        }
    }

    /// Adds a space between two pieces of inline text (a line break, a tab
    /// or a table cell boundary inside one block).
    pub fn space(&mut self) {
        self.pending_space = true;
    }

    /// Whether the current block has text yet.
    pub fn is_line_empty(&self) -> bool {
        self.line.is_empty()
    }

    /// The text of the current block so far.
    pub fn line(&self) -> &str {
        &self.line
    }

    /// Ends the current block (nothing happens if it is empty). `tight`
    /// blocks (list items, table rows) follow each other on the next line.
    pub fn end_block(&mut self, tight: bool) {
        self.pending_space = false;
        if self.line.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text
                .push_str(if tight && self.tight { "\n" } else { "\n\n" });
        }
        self.text.push_str(&self.line);
        self.line.clear();
        self.tight = tight;
    }

    /// Ends a run of tight blocks: the next block starts after a blank line.
    pub fn end_group(&mut self) {
        self.tight = false;
    }

    /// The finished text, ending with a line break.
    pub fn finish(mut self) -> String {
        self.end_block(false);
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension() {
        let format = |name: &str| format_of(Path::new(name));
        assert_eq!(format("a.html").format, ArticleFormat::Html);
        assert_eq!(format("a.HTM").format, ArticleFormat::Html);
        assert_eq!(format("page.html.gz").format, ArticleFormat::Html);
        assert_eq!(format("notes.md").format, ArticleFormat::Markdown);
        assert_eq!(format("notes.markdown").format, ArticleFormat::Markdown);
        assert_eq!(format("draft.docx").format, ArticleFormat::Docx);
        assert_eq!(
            format("a.txt"),
            FormatChoice {
                format: ArticleFormat::Text,
                guessed: false
            }
        );
        assert_eq!(
            format("README"),
            FormatChoice {
                format: ArticleFormat::Text,
                guessed: false
            }
        );
        assert_eq!(
            format("a.xyz"),
            FormatChoice {
                format: ArticleFormat::Text,
                guessed: true
            }
        );
    }

    #[test]
    fn blocks_are_lines_separated_by_blank_lines() {
        let mut blocks = Blocks::new();
        blocks.push("  Title \n");
        blocks.end_block(false);
        blocks.push("first\n  paragraph ");
        blocks.end_block(false);
        blocks.end_block(false);
        blocks.push("item one");
        blocks.end_block(true);
        blocks.push("item two");
        blocks.end_block(true);
        blocks.end_group();
        blocks.push("after");
        assert_eq!(
            blocks.finish(),
            "Title\n\nfirst paragraph\n\nitem one\nitem two\n\nafter\n"
        );
    }
}
