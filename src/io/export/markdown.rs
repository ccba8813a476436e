//! Markdown export: a report an editor can read — title, date, file, counts
//! per tag, then each tag's annotations in text order with their notes.
//!
//! Article text and notes are escaped so that nothing in them becomes
//! Markdown or HTML markup when the report is rendered. Rendering only.

use std::fmt::Write;

use super::{Document, one_line};
use crate::model::Tag;

/// The report of one document.
pub fn render(doc: &Document) -> String {
    let mut md = String::new();
    let counts = doc.counts();
    let _ = writeln!(md, "# {}\n", escape_start(&one_line(doc.title())));
    let date = doc.article.meta().date.as_deref().unwrap_or("unknown");
    let _ = writeln!(md, "- **Date:** {}", escape(date));
    let _ = writeln!(md, "- **File:** {}", escape(&doc.file_name));
    let per_tag: Vec<String> = Tag::ALL
        .iter()
        .map(|&tag| plural(counts[tag.index()], tag))
        .collect();
    let _ = writeln!(
        md,
        "- **Annotations:** {} ({})",
        doc.entries.len(),
        per_tag.join(", ")
    );
    for tag in Tag::ALL {
        let count = counts[tag.index()];
        if count == 0 {
            continue;
        }
        let _ = writeln!(md, "\n## {} ({count})\n", heading(tag));
        for (n, entry) in doc.entries_tagged(tag).enumerate() {
            let a = entry.annotation;
            let _ = writeln!(
                md,
                "{}. {} — characters {}–{}",
                n + 1,
                escape_start(&one_line(&a.quote.exact)),
                entry.start,
                entry.end
            );
            if !a.note.is_empty() {
                let note = a
                    .note
                    .lines()
                    .map(escape_start)
                    .collect::<Vec<_>>()
                    .join("\n   > ");
                let _ = writeln!(md, "   > **Note:** {note}");
            }
        }
    }
    md
}

fn heading(tag: Tag) -> &'static str {
    match tag {
        Tag::Claim => "Claims",
        Tag::Figure => "Figures",
        Tag::Quote => "Quotes",
        Tag::Source => "Sources",
    }
}

fn plural(count: usize, tag: Tag) -> String {
    let label = tag.label().to_lowercase();
    match count {
        1 => format!("1 {label}"),
        n => format!("{n} {label}s"),
    }
}

/// [`escape`] for text that starts a block (a list item, a heading, a
/// quoted line): a leading `-`, `+` or `1.` would open a nested list, a
/// line of only `-` or `=` would turn the line before it into a heading (or
/// be a rule), and four leading spaces would make a code block — so
/// leading white space is dropped (a paragraph drops it anyway) and such a
/// first character is escaped.
fn escape_start(text: &str) -> String {
    let escaped = escape(text.trim_start());
    let underline = escaped.starts_with(['-', '='])
        && escaped.chars().all(|c| matches!(c, '-' | '=' | ' ' | '\t'));
    if underline {
        return format!("\\{escaped}");
    }
    let digits = escaped.len()
        - escaped
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let marker_at = |at: usize, marks: &[char]| {
        let rest = &escaped[at..];
        rest.starts_with(marks) && rest[1..].chars().next().is_none_or(char::is_whitespace)
    };
    if marker_at(0, &['-', '+']) {
        format!("\\{escaped}")
    } else if (1..=9).contains(&digits) && marker_at(digits, &['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

/// Text that renders as itself: CommonMark lets any ASCII punctuation be
/// escaped with a backslash; these are the characters that can start markup
/// inside a line (emphasis, code, links, HTML, tables, entities).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<b>*bold*</b> & [link](x)"),
            "\\<b\\>\\*bold\\*\\</b\\> \\& \\[link\\](x)"
        );
        assert_eq!(escape("80.1% of votes"), "80.1% of votes");
        assert_eq!(escape_start("- not a list"), "\\- not a list");
        assert_eq!(escape_start("2020. A year"), "2020\\. A year");
        assert_eq!(escape_start("80.1%"), "80.1%");
        assert_eq!(escape_start("-5 degrees"), "-5 degrees");
    }

    /// The block-level events CommonMark makes of a report.
    fn blocks(md: &str) -> Vec<String> {
        use pulldown_cmark::{Event, Parser, Tag as Md};
        Parser::new(md)
            .filter_map(|e| match e {
                Event::Start(Md::Heading { level, .. }) => Some(format!("{level}")),
                Event::Start(Md::CodeBlock(_)) => Some("code".into()),
                Event::Rule => Some("rule".into()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn underlines_rules_and_indents_in_notes_and_spans_stay_text() {
        let text = "Intro.\n    indented text here.\nEnd.";
        let article = crate::model::Article::new(text.to_owned());
        let mut set = crate::model::AnnotationSet::new();
        let start = text.find("    indented").unwrap();
        let mut a = set.new_annotation(
            Tag::Claim,
            crate::model::Span::new(start, start + "    indented text here.".len()),
            text,
            jiff::Timestamp::UNIX_EPOCH,
        );
        a.note = "first line\n---\n===\n\n    code?\n\n- - -".into();
        set.apply(&crate::model::Edit::Add(a), text).unwrap();
        let doc = crate::io::export::Document::new(&article, std::path::Path::new("a.txt"), &set);
        let md = render(&doc);
        // Only the report's own headings: the title and the tag section.
        assert_eq!(blocks(&md), ["h1", "h2"], "{md}");
        assert!(md.contains("1. indented text here."), "{md}");
    }
}
