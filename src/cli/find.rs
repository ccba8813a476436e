//! `factmark find ARTICLE QUERY [--match-case] [--whole-words] [--tag TAG [-o SET]]`:
//! the window's Find on the command line.
//!
//! Lists every match with its character offsets (those of `factmark text`)
//! and some context; with `--tag`, tags every match in the set instead,
//! like the find bar's Tag all: matches already tagged so are skipped, and
//! a set that fails to load, or annotates another article, is not touched.

use std::io::Write;
use std::path::Path;

use super::suggest::add_to_set;
use super::{EXIT_INVALID, EXIT_OK};
use crate::io::default_set_path;
use crate::model::search::{self, MAX_MATCHES, Options};
use crate::model::{AnnotationSet, Article, Edit, Span, Tag};

/// Characters of context printed on each side of a match.
const CONTEXT: usize = 30;

/// What `factmark find` was asked.
#[derive(Debug)]
pub struct FindRequest<'a> {
    pub article: &'a Path,
    pub query: &'a str,
    pub options: Options,
    /// Tag the matches with this tag instead of listing them.
    pub tag: Option<Tag>,
    /// The set to add to [default: the article's set file].
    pub output: Option<&'a Path>,
}

/// `factmark find`: lists the matches on `out` (a count on `err`), or tags
/// them into the set and prints what was added.
pub fn find(request: &FindRequest<'_>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (article, _) = match super::read_article(request.article, err) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    if request.query.trim().is_empty() {
        let _ = writeln!(err, "error: the query is empty; give the words to find");
        return EXIT_INVALID;
    }
    let matches = search::find_all(article.text(), request.query, request.options);
    match request.tag {
        None => list(&article, &matches, out, err),
        Some(tag) => tag_all(
            request,
            &article,
            &matches.spans,
            matches.more,
            tag,
            out,
            err,
        ),
    }
}

/// One line per match: start and end (characters), then the match in its
/// context, on one line.
fn list(
    article: &Article,
    matches: &search::Matches,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let text = article.text();
    for span in &matches.spans {
        let (Some(start), Some(end)) = (
            article.char_of_byte(span.start),
            article.char_of_byte(span.end),
        ) else {
            continue; // Matches end on char boundaries: not reached.
        };
        let _ = writeln!(out, "{start}\t{end}\t{}", in_context(text, *span));
    }
    let n = matches.spans.len();
    let _ = if matches.more {
        writeln!(err, "{n} matches listed; there are more: narrow the search")
    } else {
        writeln!(err, "{}", crate::plural(n, "match", "matches"))
    };
    EXIT_OK
}

/// `…before [match] after…` with line breaks and tabs shown as spaces.
fn in_context(text: &str, span: Span) -> String {
    let before: String = {
        let mut chars: Vec<char> = text[..span.start].chars().rev().take(CONTEXT).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = text[span.end..].chars().take(CONTEXT).collect();
    let lead = if before.len() < span.start { "…" } else { "" };
    let tail = if span.end + after.len() < text.len() {
        "…"
    } else {
        ""
    };
    let line = format!(
        "{lead}{before}[{}]{after}{tail}",
        &text[span.start..span.end]
    );
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tag_all(
    request: &FindRequest<'_>,
    article: &Article,
    spans: &[Span],
    more: bool,
    tag: Tag,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if more {
        let _ = writeln!(
            err,
            "error: over {MAX_MATCHES} matches of `{}` in {}: narrow the search to tag them all",
            request.query,
            request.article.display()
        );
        return EXIT_INVALID;
    }
    let set_path = request
        .output
        .map_or_else(|| default_set_path(request.article), Path::to_path_buf);
    let hint = "hint: tag fewer matches at a time (a longer query, --whole-words or --match-case)";
    let tag_matches = |set: &mut AnnotationSet, _existed: bool| {
        let now = crate::model::annotation::now();
        let (mut added, mut already) = (0, 0);
        for &span in spans {
            if set.contains(span, tag) {
                already += 1;
                continue;
            }
            let annotation = set.new_annotation(tag, span, article.text(), now);
            if set.apply(&Edit::Add(annotation), article.text()).is_ok() {
                added += 1;
            }
        }
        ((added, already), added > 0)
    };
    let (added, already) =
        match add_to_set(&set_path, request.article, article, hint, err, tag_matches) {
            Ok(counts) => counts,
            Err(code) => return code,
        };
    let _ = writeln!(
        out,
        "{}: {} tagged {}, {}",
        set_path.display(),
        crate::plural(added, "match", "matches"),
        tag.label().to_lowercase(),
        crate::plural(already, "already was", "already were")
    );
    EXIT_OK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_shows_the_match_on_one_line() {
        let text = "First line.\n\nMr Lukashenko said\tit.";
        let at = text.find("Lukashenko").unwrap();
        let span = Span::new(at, at + "Lukashenko".len());
        assert_eq!(
            in_context(text, span),
            "First line. Mr [Lukashenko] said it."
        );
        let long = format!("{}Putin{}", "a".repeat(40), "b".repeat(40));
        let span = Span::new(40, 45);
        assert_eq!(
            in_context(&long, span),
            format!("…{}[Putin]{}…", "a".repeat(30), "b".repeat(30))
        );
    }
}
