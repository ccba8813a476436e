//! HTML export: one self-contained page — the article with its highlights,
//! a legend and the list of annotations.
//!
//! The page loads nothing from outside (inline CSS, no scripts, and a
//! Content-Security-Policy that forbids both) and every piece of article
//! text and every note is escaped, so an article containing `<script>`
//! shows it as text. Overlapping annotations are flattened into runs at
//! every span boundary: a run is shaded with the innermost annotation's
//! color (darker where two annotations of that tag overlap) and underlined
//! once per tag it carries, and every annotation begins with a thin bar of
//! its color, so two adjacent annotations of one tag stay two. Line breaks
//! in notes and span texts show in the table. Rendering only.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::{Document, Entry};
use crate::model::{ParagraphKind, Tag};

/// The strong color of each tag, `#rrggbb`: the Okabe–Ito palette (light
/// variant) that the window uses, so a page reads like the app.
pub fn tag_hex(tag: Tag) -> &'static str {
    match tag {
        Tag::Claim => "#0072b2",
        Tag::Figure => "#d55e00",
        Tag::Quote => "#009e73",
        Tag::Source => "#cc79a7",
    }
}

/// Opacity of a highlight fill (0x38 ≈ 22%, as in the window's light theme).
const FILL_ALPHA: &str = "38";
/// Opacity where two or more annotations of the same tag overlap.
const OVERLAP_ALPHA: &str = "70";

const STYLE: &str = "body{font:17px/1.6 Georgia,'Times New Roman',serif;color:#1c1c1c;background:#fff;max-width:42rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.5rem;line-height:1.3}h2{font-size:1.2rem;margin-top:1.6rem}\
.meta,.legend,table{font-family:system-ui,sans-serif;font-size:.85rem}.meta{color:#555}\
.legend span{display:inline-block;margin-right:1rem}.chip{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:middle}\
mark{color:inherit;border-radius:2px;padding:0 1px}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #ddd;padding:.3rem}\
td.tag{font-weight:600;white-space:nowrap}td.text{white-space:pre-wrap}td.pos{white-space:nowrap;color:#555}\
p.date{color:#555;font-family:system-ui,sans-serif;font-size:.85rem}";

/// The page of one document.
pub fn render(doc: &Document) -> String {
    let mut html = String::new();
    let title = doc.title();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"factmark\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        text(title)
    );
    let _ = writeln!(html, "<h1>{}</h1>", text(title));
    let date = doc.article.meta().date.as_deref().unwrap_or("unknown");
    let _ = writeln!(
        html,
        "<p class=\"meta\">Date: {} · File: {} · {}</p>",
        text(date),
        text(&doc.file_name),
        crate::plural(doc.entries.len(), "annotation", "annotations")
    );
    legend(&mut html, doc);
    html.push_str("<article>\n");
    article(&mut html, doc);
    html.push_str("</article>\n");
    list(&mut html, doc);
    html.push_str("</body>\n</html>\n");
    html
}

fn legend(html: &mut String, doc: &Document) {
    let counts = doc.counts();
    html.push_str("<p class=\"legend\">");
    for tag in Tag::ALL {
        let _ = write!(
            html,
            "<span><span class=\"chip\" style=\"background:{}\"></span>{} ({})</span>",
            tag_hex(tag),
            tag.label(),
            counts[tag.index()]
        );
    }
    html.push_str("</p>\n");
}

/// The article, one element per non-blank line, with highlighted runs.
fn article(html: &mut String, doc: &Document) {
    let source = doc.article.text();
    let entries = &doc.entries;
    // Every byte where the set of covering annotations may change.
    let mut cuts: Vec<usize> = entries
        .iter()
        .flat_map(|e| [e.annotation.span.start, e.annotation.span.end])
        .chain(source.match_indices('\n').flat_map(|(i, _)| [i, i + 1]))
        .chain([0, source.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();

    let paragraphs = doc.article.paragraphs();
    let mut line = 0;
    let mut line_html = String::new();
    let mut next = 0; // entries are sorted by start
    let mut active: Vec<&Entry> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        active.retain(|e| e.annotation.span.end > from);
        while next < entries.len() && entries[next].annotation.span.start <= from {
            if entries[next].annotation.span.end > from {
                active.push(&entries[next]);
            }
            next += 1;
        }
        let run = &source[from..to];
        if run == "\n" {
            close_line(html, &mut line_html, paragraphs.get(line).map(|p| p.kind));
            line += 1;
            continue;
        }
        highlighted_run(&mut line_html, run, from, &active);
    }
    close_line(html, &mut line_html, paragraphs.get(line).map(|p| p.kind));
}

fn close_line(html: &mut String, line_html: &mut String, kind: Option<ParagraphKind>) {
    let body = std::mem::take(line_html);
    let (open, close) = match kind {
        Some(ParagraphKind::Blank) | None if body.trim().is_empty() => return,
        Some(ParagraphKind::Heading) => ("<h2>", "</h2>"),
        Some(ParagraphKind::Date) => ("<p class=\"date\">", "</p>"),
        _ => ("<p>", "</p>"),
    };
    let _ = writeln!(html, "{open}{body}{close}");
}

/// One run of text from byte `from`, with the annotations covering it.
fn highlighted_run(html: &mut String, run: &str, from: usize, active: &[&Entry]) {
    // The innermost annotation (latest start, then earliest end) shades it.
    let Some(inner) = active.iter().max_by_key(|e| {
        (
            e.annotation.span.start,
            std::cmp::Reverse(e.annotation.span.end),
        )
    }) else {
        html.push_str(&text(run));
        return;
    };
    let mut tags: Vec<Tag> = active.iter().map(|e| e.annotation.tag).collect();
    tags.sort_unstable();
    tags.dedup();
    let inner_tag = inner.annotation.tag;
    let starting = active
        .iter()
        .filter(|e| e.annotation.span.start == from)
        .max_by_key(|e| e.annotation.tag == inner_tag);
    let underlines: Vec<String> = tags
        .iter()
        .enumerate()
        .map(|(i, &tag)| format!("inset 0 -{}px {}", 2 * (i + 1), tag_hex(tag)))
        .chain(starting.map(|e| format!("inset 2px 0 {}", tag_hex(e.annotation.tag))))
        .collect();
    let same_tag = active
        .iter()
        .filter(|e| e.annotation.tag == inner_tag)
        .count();
    let alpha = if same_tag > 1 {
        OVERLAP_ALPHA
    } else {
        FILL_ALPHA
    };
    let hover: Vec<String> = active
        .iter()
        .map(|e| {
            let a = e.annotation;
            match a.note.as_str() {
                "" => format!("{} {}", a.tag.label(), a.id),
                note => format!("{} {}: {note}", a.tag.label(), a.id),
            }
        })
        .collect();
    let _ = write!(
        html,
        "<mark style=\"background:{}{alpha};box-shadow:{}\" title=\"{}\">{}</mark>",
        tag_hex(inner_tag),
        underlines.join(","),
        attr(&hover.join("\n")),
        text(run)
    );
}

fn list(html: &mut String, doc: &Document) {
    html.push_str("<h2>Annotations</h2>\n<table>\n<thead><tr><th>#</th><th>Tag</th><th>Text</th><th>Note</th><th>Characters</th></tr></thead>\n<tbody>\n");
    for entry in &doc.entries {
        let a = entry.annotation;
        let _ = writeln!(
            html,
            "<tr id=\"a{id}\"><td>{id}</td><td class=\"tag\" style=\"color:{color}\">{tag}</td><td class=\"text\">{exact}</td><td class=\"text\">{note}</td><td class=\"pos\">{start}–{end}</td></tr>",
            id = a.id,
            color = tag_hex(a.tag),
            tag = a.tag.label(),
            exact = text(&a.quote.exact),
            note = text(&a.note),
            start = entry.start,
            end = entry.end,
        );
    }
    html.push_str("</tbody>\n</table>\n");
}
