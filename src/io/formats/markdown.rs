//! Markdown articles: the text without its markup, read with pulldown-cmark.
//!
//! Headings, paragraphs, list items, block quotes, table rows and footnotes
//! each become one line; emphasis, links and images keep only their words;
//! raw HTML is dropped. The title is the first `#` heading (or a `title:`
//! line of a YAML front matter block, which also gives `date:` and
//! `author:`). This module never reads files: it gets decoded text.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::Blocks;
use crate::model::ArticleMeta;

/// The article text of a Markdown document, and its metadata.
pub fn extract(markdown: &str) -> (String, ArticleMeta) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut blocks = Blocks::new();
    let mut meta = ArticleMeta::default();
    let mut first_h1: Option<String> = None;
    let mut in_h1 = false;
    let mut in_metadata = false;
    let mut in_code = false;
    let mut lists = 0usize;
    let mut footnote_label = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(text) if in_metadata => front_matter(&text, &mut meta),
            Event::Start(Tag::Heading { level, .. }) => {
                blocks.end_block(false);
                in_h1 = level == pulldown_cmark::HeadingLevel::H1 && first_h1.is_none();
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_h1 {
                    first_h1 = Some(blocks.line().to_owned());
                    in_h1 = false;
                }
                blocks.end_block(false);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                blocks.end_block(false);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                blocks.end_group();
            }
            Event::Text(text) if in_code => {
                for line in text.lines() {
                    blocks.push(line);
                    blocks.end_block(true);
                }
            }
            Event::Start(Tag::List(_)) => {
                blocks.end_block(lists > 0);
                lists += 1;
            }
            Event::End(TagEnd::List(_)) => {
                blocks.end_block(true);
                lists = lists.saturating_sub(1);
                if lists == 0 {
                    blocks.end_group();
                }
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => blocks.end_block(true),
            Event::Start(Tag::TableRow | Tag::TableHead) => blocks.end_block(true),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => blocks.end_block(true),
            Event::End(TagEnd::Table) => blocks.end_group(),
            Event::End(TagEnd::TableCell) => blocks.push(" | "),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                blocks.end_block(false);
                blocks.push(&format!("[{label}]"));
                blocks.space();
                footnote_label = true;
            }
            Event::Start(Tag::Paragraph) => {
                // The first paragraph of a footnote goes on its label's line.
                if !footnote_label {
                    blocks.end_block(lists > 0);
                }
                footnote_label = false;
            }
            Event::End(TagEnd::Paragraph)
            | Event::Start(Tag::BlockQuote(_))
            | Event::End(TagEnd::BlockQuote(_)) => blocks.end_block(lists > 0),
            Event::Text(text) | Event::Code(text) => blocks.push(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => blocks.push(&text),
            Event::FootnoteReference(label) => blocks.push(&format!("[{label}]")),
            Event::SoftBreak | Event::HardBreak => blocks.space(),
            Event::Rule => blocks.end_block(false),
            Event::TaskListMarker(done) => {
                blocks.push(if done { "☑" } else { "☐" });
                blocks.space();
            }
            _ => {}
        }
    }
    let text = tidy_table_rows(blocks.finish());
    if meta.title.is_empty() {
        meta.title = first_h1.unwrap_or_default();
    }
    (text, meta)
}

/// Table rows end with the cell separator: drop the trailing one.
fn tidy_table_rows(text: String) -> String {
    if !text.contains(" |") {
        return text;
    }
    text.split('\n')
        .map(|line| line.strip_suffix(" |").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `title:`, `date:` and `author:` lines of a YAML front matter block.
fn front_matter(block: &str, meta: &mut ArticleMeta) {
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_lowercase().as_str() {
            "title" => meta.title = value.to_owned(),
            "date" => meta.date = Some(value.to_owned()),
            "author" | "byline" => meta.byline = Some(value.to_owned()),
            "lang" | "language" => meta.language = Some(value.to_owned()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_blocks_become_lines() {
        let (text, meta) = extract(
            "# The *big* story\n\nSome **bold** and _emphasis_ with a [link](https://x.org) and `code`.\nSecond line.\n\n## Details\n\n- first item\n- second *item*\n\n1. one\n2. two\n\n> A quoted\n> passage.\n\nEnd.\n",
        );
        assert_eq!(
            text,
            "The big story\n\nSome bold and emphasis with a link and code. Second line.\n\nDetails\n\nfirst item\nsecond item\n\none\ntwo\n\nA quoted passage.\n\nEnd.\n"
        );
        assert_eq!(meta.title, "The big story");
    }

    #[test]
    fn tables_and_footnotes_are_text() {
        let (text, _) = extract(
            "Intro[^1].\n\n| Year | Votes |\n| --- | --- |\n| 2020 | 80.1% |\n\n[^1]: The note.\n",
        );
        assert_eq!(
            text,
            "Intro[1].\n\nYear | Votes\n2020 | 80.1%\n\n[1] The note.\n"
        );
    }

    #[test]
    fn front_matter_gives_metadata_and_is_not_text() {
        let (text, meta) = extract(
            "---\ntitle: \"From the front\"\ndate: 2024-05-01\nauthor: Ann Lee\n---\n\nBody.\n",
        );
        assert_eq!(text, "Body.\n");
        assert_eq!(meta.title, "From the front");
        assert_eq!(meta.date.as_deref(), Some("2024-05-01"));
        assert_eq!(meta.byline.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn raw_html_is_dropped() {
        let (text, _) = extract("<div class=\"ad\">\n</div>\n\nText with <b>bold</b> inline.\n");
        assert_eq!(text, "Text with bold inline.\n");
    }
}
