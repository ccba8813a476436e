//! Web pages: the article a page holds — headline, standfirst, body
//! paragraphs, subheadings, block quotes — without navigation, ads,
//! comments, related links or scripts.
//!
//! The article is found by `dom_smoothie`, a port of Mozilla's
//! Readability.js (the reader view of Firefox), chosen by measuring the Rust
//! extractors on real pages (see the README, "Article formats"). Its result
//! is HTML; this module turns it into article text with one block element
//! (paragraph, heading, list item, quote, table row) per line, and puts the
//! headline on the first line when the extracted body does not start with
//! it. The page's metadata — title, byline, date, site, canonical URL,
//! language — comes from its `<meta>`, `<link>` and JSON-LD data.
//!
//! The bytes are decoded as a browser would (see [`super::html_charset`]);
//! `.html.gz` files are decompressed first, within the size limit. A page
//! with no article text is an error, never an empty article. No rule here
//! names a site: pages outside any test set are read the same way.

use std::borrow::Cow;
use std::io::Read;

use dom_query::{Document, NodeRef};

use super::Blocks;
use super::html_charset::decode_page;
use crate::io::decode::{DecodeProblem, MAX_ARTICLE_BYTES};
use crate::model::ArticleMeta;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "button", "select", "input",
    "textarea", "iframe", "object", "embed", "canvas", "audio", "video", "head", "nav",
];

/// Elements that start and end a block (a line of their own).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "hr",
    "center",
    "form",
    "fieldset",
    "legend",
    "caption",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "body",
    "html",
];

/// Words in a class or id that mark page furniture inside the article
/// element: photo galleries, screen-reader-only and hidden text, sharing
/// and newsletter boxes, related and trending links. Generic words, never
/// the markup of one site.
const FURNITURE: &[&str] = &[
    "gallery",
    "slideshow",
    "carousel",
    "off-screen",
    "offscreen",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "d-none",
    "trending",
    "related",
    "newsletter",
    "share",
    "social",
];

/// A paragraph of at least this many words seen twice is a duplicate (a
/// gallery caption repeated, say): only its first occurrence is kept.
const DUPLICATE_MIN_WORDS: usize = 3;

/// Fewer words than this in the extracted body is no article (a page of
/// links, a login wall, an empty shell filled by scripts).
const MIN_ARTICLE_WORDS: usize = 5;

/// How many lines at the top of the text are searched for the headline.
const TITLE_LINES: usize = 3;

/// The decompressed bytes of a gzip file (by its magic number), or the
/// bytes as they are.
pub fn gunzip_if_needed(bytes: &[u8]) -> Result<Cow<'_, [u8]>, DecodeProblem> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|error| DecodeProblem::Gzip(error.to_string()))?;
    if out.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(DecodeProblem::ExpandsTooLarge {
            limit: MAX_ARTICLE_BYTES,
        });
    }
    Ok(Cow::Owned(out))
}

/// The article text of a page, its metadata and the page's encoding.
pub fn extract(bytes: &[u8]) -> Result<(String, ArticleMeta, &'static str), DecodeProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeProblem::Empty);
    }
    let (html, encoding) = decode_page(bytes)?;
    if looks_binary(&html) {
        return Err(DecodeProblem::Binary("it is full of control characters"));
    }
    let page_meta = page_metadata(&html);
    // Classes are kept so that page furniture can be recognized below.
    let config = dom_smoothie::Config {
        keep_classes: true,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html.as_str(), None, Some(config))
        .map_err(|_| DecodeProblem::NoArticle)?;
    let article = readability.parse().map_err(|_| DecodeProblem::NoArticle)?;
    let body = content_text(&article.content);
    if body.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err(DecodeProblem::NoArticle);
    }
    let non_empty = |s: Option<String>| s.map(|s| collapse(&s)).filter(|s| !s.is_empty());
    let title = collapse(&article.title);
    let meta = ArticleMeta {
        title: if title.is_empty() {
            page_meta.title.unwrap_or_default()
        } else {
            title
        },
        byline: non_empty(article.byline),
        date: non_empty(article.published_time).or(page_meta.date),
        site: non_empty(article.site_name),
        url: page_meta.url.or(non_empty(article.url)),
        language: non_empty(article.lang),
        format: Default::default(),
    };
    let text = with_headline(&meta.title, body);
    Ok((text, meta, encoding))
}

/// Decoded pages with many control characters are binary files.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let controls = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .count();
    controls * 100 > sample.len()
}

/// White space runs as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body text with the headline as its first line, unless one of its
/// first lines already is the headline.
fn with_headline(title: &str, body: String) -> String {
    let key = |s: &str| words(s).collect::<Vec<_>>();
    let title_words = key(title);
    if title_words.is_empty() {
        return body;
    }
    let present = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(TITLE_LINES)
        .any(|line| {
            let line = key(line);
            line.windows(title_words.len())
                .any(|w| w == title_words.as_slice())
        });
    if present {
        body
    } else {
        format!("{title}\n\n{body}")
    }
}

/// Lower-cased words of a text, for comparing lines.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Metadata the extractor does not give: the canonical URL, and fallbacks.
#[derive(Default)]
struct PageMeta {
    title: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

fn page_metadata(html: &str) -> PageMeta {
    let document = Document::from(html);
    let attr = |selector: &str, name: &str| {
        document
            .select(selector)
            .attr(name)
            .map(|v| collapse(&v))
            .filter(|v| !v.is_empty())
    };
    PageMeta {
        title: attr("meta[property='og:title']", "content")
            .or_else(|| Some(collapse(&document.select("title").text())).filter(|t| !t.is_empty())),
        url: attr("link[rel='canonical']", "href")
            .or_else(|| attr("meta[property='og:url']", "content")),
        date: attr("meta[property='article:published_time']", "content")
            .or_else(|| attr("meta[name='date']", "content"))
            .or_else(|| attr("time[datetime]", "datetime")),
    }
}

/// The text of extracted article HTML: one block per line.
pub fn content_text(html: &str) -> String {
    let document = Document::fragment(html);
    let mut blocks = Blocks::new();
    walk(&document.root(), &mut blocks, &mut Context::default());
    without_duplicate_paragraphs(&blocks.finish())
}

/// The text without the second and later copies of a paragraph.
fn without_duplicate_paragraphs(text: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(text.len());
    for paragraph in text.trim_end_matches('\n').split("\n\n") {
        let long = paragraph.split_whitespace().count() >= DUPLICATE_MIN_WORDS;
        if long && !seen.insert(paragraph) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(paragraph);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Where the walk is: inside preformatted text, lists, tables.
#[derive(Default)]
struct Context {
    pre: usize,
}

fn walk(node: &NodeRef<'_>, blocks: &mut Blocks, context: &mut Context) {
    for child in node.children_it(false) {
        if child.is_text() {
            let text = child.text();
            if context.pre > 0 {
                push_preformatted(&text, blocks);
            } else {
                blocks.push(&text);
            }
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIPPED.contains(&name) || is_hidden(&child) {
            continue;
        }
        match name {
            "br" => blocks.end_block(context.pre > 0),
            "li" | "tr" => {
                blocks.end_block(true);
                walk(&child, blocks, context);
                blocks.end_block(true);
            }
            "ul" | "ol" => {
                blocks.end_block(false);
                walk(&child, blocks, context);
                blocks.end_block(true);
                blocks.end_group();
            }
            "td" | "th" => {
                if !blocks.is_line_empty() {
                    blocks.push(" |");
                    blocks.space();
                }
                walk(&child, blocks, context);
                blocks.space();
            }
            "pre" => {
                blocks.end_block(false);
                context.pre += 1;
                walk(&child, blocks, context);
                context.pre -= 1;
                blocks.end_block(true);
                blocks.end_group();
            }
            "img" => {}
            _ if BLOCKS.contains(&name) => {
                blocks.end_block(false);
                walk(&child, blocks, context);
                blocks.end_block(false);
            }
            _ => walk(&child, blocks, context),
        }
    }
}

/// Lines of preformatted text stay lines.
fn push_preformatted(text: &str, blocks: &mut Blocks) {
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        blocks.push(line);
        if lines.peek().is_some() {
            blocks.end_block(true);
        }
    }
}

/// Page furniture by its class or id (see [`FURNITURE`]).
fn is_furniture(node: &NodeRef<'_>) -> bool {
    let mut names = String::new();
    for attribute in ["class", "id"] {
        if let Some(value) = node.attr(attribute) {
            names.push_str(&value.to_ascii_lowercase());
            names.push(' ');
        }
    }
    names
        .split_whitespace()
        .any(|token| FURNITURE.iter().any(|word| token.contains(word)))
}

fn is_hidden(node: &NodeRef<'_>) -> bool {
    is_furniture(node)
        || node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| &*v == "true")
        || node.attr("style").is_some_and(|style| {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
            let style = style.to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_inline_markup_disappears() {
        let text = content_text(
            "<div><h2>Sub <em>heading</em></h2><p>One <a href='x'>link</a>\n and   more.</p><blockquote><p>Quoted.</p></blockquote><ul><li>a</li><li>b</li></ul><p>End<br>line two</p></div>",
        );
        assert_eq!(
            text,
            "Sub heading\n\nOne link and more.\n\nQuoted.\n\na\nb\n\nEnd\n\nline two\n"
        );
    }

    #[test]
    fn scripts_and_hidden_elements_are_not_text() {
        let text = content_text(
            "<p>Seen<script>var x = 1;</script></p><p style='display: none'>Hidden</p><p aria-hidden='true'>Also hidden</p>",
        );
        assert_eq!(text, "Seen\n");
    }

    #[test]
    fn galleries_and_repeated_paragraphs_are_dropped() {
        let text = content_text(
            "<p>Body text here.</p><div class='photo-gallery'><p>Image 1 of 9</p></div><p>A caption that repeats.</p><p>A caption that repeats.</p><p>Ok.</p><p>Ok.</p>",
        );
        assert_eq!(
            text,
            "Body text here.\n\nA caption that repeats.\n\nOk.\n\nOk.\n"
        );
    }

    #[test]
    fn table_rows_are_lines_with_cells_separated() {
        let text = content_text(
            "<table><tr><th>Year</th><th>Votes</th></tr><tr><td>2020</td><td>80.1%</td></tr></table><p>After</p>",
        );
        assert_eq!(text, "Year | Votes\n2020 | 80.1%\n\nAfter\n");
    }

    #[test]
    fn the_headline_is_added_when_the_body_lacks_it() {
        assert_eq!(
            with_headline("Big news", "Body.\n".to_owned()),
            "Big news\n\nBody.\n"
        );
        assert_eq!(
            with_headline("Big news", "Big News\n\nBody.\n".to_owned()),
            "Big News\n\nBody.\n"
        );
    }
}
