//! brat standoff import (`.ann` beside the article's `.txt`).
//!
//! `T` lines become annotations: the type is matched to a tag through
//! [`ImportOptions::tag_of`]; offsets are Unicode characters, end exclusive;
//! each fragment of a discontinuous span (`0 5;9 12`) becomes its own
//! annotation; the text column is checked against the article (its
//! fragments joined by single spaces, line breaks read as spaces, as brat
//! writes them). `AnnotatorNotes` become the notes of the annotations they
//! point at. Relations, events, attributes and normalizations have no place
//! in the model and are counted as skipped.
//!
//! brat counts offsets in the `.txt` exactly as it is on disk, so a `.ann`
//! made on a text with CR LF line endings counts one more character per
//! line break than the article factmark reads (line endings normalized to
//! LF). When the spans do not fit as they are but all fit once a CR is
//! counted before every LF, the offsets are mapped that way and the report
//! says so; when that reading only fits more of them, the error hints at
//! line endings.

use std::collections::HashMap;
use std::path::Path;

use super::{
    Candidate, ImportError, ImportOptions, ImportReport, Imported, Location, SkipHint, SpanProblem,
    build_set, char_span, same_text,
};
use crate::model::Article;

/// Parses the `.ann` text of `article` (`path` names it in messages).
pub fn parse(
    article: &Article,
    ann: &str,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    // Read as they are first: the CR LF reading is only tried, and the
    // spans only counted, when some do not fit.
    let plain = parse_with(article, ann, path, options, None, false);
    let all_fit = matches!(&plain, Ok(imported) if imported.report.invalid.is_empty());
    if all_fit || !article.text().contains('\n') {
        return plain;
    }
    let (fit, total) = fitting_spans(article, ann, options, None);
    let crlf = CrlfOffsets::new(article);
    let (fit_crlf, _) = fitting_spans(article, ann, options, Some(&crlf));
    if fit_crlf == total {
        let mut imported = parse_with(article, ann, path, options, Some(&crlf), false)?;
        imported.report.crlf = true;
        return Ok(imported);
    }
    if fit_crlf > fit {
        return parse_with(article, ann, path, options, None, true);
    }
    plain
}

/// Character offsets of a text with CR LF line endings mapped to the same
/// text with LF ones.
struct CrlfOffsets {
    /// Character offset of every CR in the CR LF text: the i-th stands
    /// just before the article's i-th `\n`, i CRs later.
    crs: Vec<usize>,
}

impl CrlfOffsets {
    fn new(article: &Article) -> Self {
        let crs = article
            .text()
            .chars()
            .enumerate()
            .filter(|&(_, c)| c == '\n')
            .enumerate()
            .map(|(i, (at, _))| at + i)
            .collect();
        Self { crs }
    }

    /// The LF offset of CR LF offset `offset`: minus the CRs before it.
    fn to_lf(&self, offset: usize) -> usize {
        offset - self.crs.partition_point(|&cr| cr < offset)
    }
}

/// How many of the text-bound spans fit the article when their offsets are
/// read as they are, or through `crlf`: `(fitting, all)`.
fn fitting_spans(
    article: &Article,
    ann: &str,
    options: &ImportOptions,
    crlf: Option<&CrlfOffsets>,
) -> (usize, usize) {
    let mut scratch = ImportReport::default();
    let (mut fit, mut all) = (0, 0);
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        match text_bound(article, line, options, &mut scratch, crlf) {
            Ok(Some(_)) => (fit, all) = (fit + 1, all + 1),
            Err(Problem::Span { .. }) => all += 1,
            _ => {}
        }
    }
    (fit, all)
}

fn parse_with(
    article: &Article,
    ann: &str,
    path: &Path,
    options: &ImportOptions,
    crlf: Option<&CrlfOffsets>,
    crlf_hint: bool,
) -> Result<Imported, ImportError> {
    let mut report = ImportReport::default();
    let mut candidates: Vec<Candidate> = Vec::new();
    // brat id (`T7`) → indexes of its fragments in `candidates`.
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut notes: Vec<(&str, &str)> = Vec::new();

    for (index, raw) in ann.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let at = Location::Line(index + 1);
        let outcome = match line.chars().next() {
            Some('T') => text_bound(article, line, options, &mut report, crlf).map(|found| {
                if let Some((id, fragments)) = found {
                    let first = candidates.len();
                    candidates.extend(fragments);
                    by_id.insert(id, (first..candidates.len()).collect());
                }
            }),
            Some('#') => note(line).map(|found| match found {
                Some(note) => notes.push(note),
                None => report.skip("note"),
            }),
            Some('R' | '*') => {
                report.skip("relation");
                Ok(())
            }
            Some('E') => {
                report.skip("event");
                Ok(())
            }
            Some('A' | 'M') => {
                report.skip("attribute");
                Ok(())
            }
            Some('N') => {
                report.skip("normalization");
                Ok(())
            }
            _ => Err(Problem::Malformed(
                "not a brat standoff line (expected an id such as T1, R1, E1, A1, N1 or #1)".into(),
            )),
        };
        let Err(problem) = outcome else { continue };
        let error = problem.at(path, at, options.skip_hint(), crlf_hint);
        if !options.skip_invalid {
            return Err(error);
        }
        report.invalid.push(error.to_string());
    }

    for (target, text) in notes {
        match by_id.get(target) {
            Some(fragments) => {
                for &i in fragments {
                    let note = &mut candidates[i].note;
                    if !note.is_empty() {
                        note.push('\n');
                    }
                    note.push_str(text);
                }
            }
            None => report.skip("note"),
        }
    }
    let set = build_set(article, candidates, options, &mut report);
    Ok(Imported { set, report })
}

/// What is wrong with one line, before it is given a place.
enum Problem {
    Malformed(String),
    Span { id: String, problem: SpanProblem },
}

impl Problem {
    fn at(self, path: &Path, at: Location, skip_hint: SkipHint, crlf_hint: bool) -> ImportError {
        let path = path.to_owned();
        match self {
            Problem::Malformed(message) => ImportError::Malformed { path, at, message },
            Problem::Span { id, problem } => ImportError::InvalidSpan {
                path,
                at,
                id,
                problem: Box::new(problem),
                skip_hint,
                crlf_hint,
            },
        }
    }
}

/// A `T` line: its id and one candidate per fragment, or `None` when its
/// type maps to no tag (counted in the report). `crlf` maps offsets counted
/// in a CR LF text.
fn text_bound<'a>(
    article: &Article,
    line: &'a str,
    options: &ImportOptions,
    report: &mut ImportReport,
    crlf: Option<&CrlfOffsets>,
) -> Result<Option<(&'a str, Vec<Candidate>)>, Problem> {
    let malformed =
        |what: &str| Problem::Malformed(format!("{what} (expected `T1\\tType START END\\ttext`)"));
    let mut fields = line.splitn(3, '\t');
    let id = fields.next().unwrap_or_default();
    let head = fields
        .next()
        .ok_or_else(|| malformed("no type and offsets"))?;
    let text = fields.next();
    let (kind, offsets) = head
        .trim()
        .split_once(' ')
        .ok_or_else(|| malformed("no offsets after the type"))?;
    let fragments = offsets
        .split(';')
        .map(|fragment| {
            let mut numbers = fragment.split_whitespace().map(str::parse::<usize>);
            match (numbers.next(), numbers.next(), numbers.next()) {
                (Some(Ok(start)), Some(Ok(end)), None) => Ok(match crlf {
                    Some(crlf) => (crlf.to_lf(start), crlf.to_lf(end)),
                    None => (start, end),
                }),
                _ => Err(malformed(&format!("bad offsets {fragment:?}"))),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let Some(tag) = options.tag_of(kind) else {
        *report.unmapped.entry(kind.to_owned()).or_default() += 1;
        return Ok(None);
    };
    let span_problem = |problem| Problem::Span {
        id: id.to_owned(),
        problem,
    };
    let spans = fragments
        .iter()
        .map(|&(start, end)| char_span(article, start, end))
        .collect::<Result<Vec<_>, _>>()
        .map_err(span_problem)?;
    if let Some(expected) = text {
        let found: Vec<&str> = spans.iter().map(|s| &article.text()[s.range()]).collect();
        let found = found.join(" ");
        if !same_text(&found, expected) {
            return Err(span_problem(SpanProblem::Mismatch {
                start: fragments[0].0,
                end: fragments[fragments.len() - 1].1,
                expected: expected.to_owned(),
                found,
            }));
        }
    }
    if spans.len() > 1 {
        report.split += 1;
    }
    let number = id.strip_prefix('T').and_then(|n| n.parse::<u64>().ok());
    let candidates = spans
        .into_iter()
        .enumerate()
        .map(|(i, span)| Candidate {
            id: number.filter(|_| i == 0),
            tag,
            span,
            note: String::new(),
            created: None,
            modified: None,
        })
        .collect();
    Ok(Some((id, candidates)))
}

/// A `#` line: `(target id, note)` for an AnnotatorNotes line, `None` for
/// other comments.
fn note(line: &str) -> Result<Option<(&str, &str)>, Problem> {
    let mut fields = line.splitn(3, '\t');
    let _id = fields.next();
    let head = fields.next().unwrap_or_default();
    let text = fields.next().unwrap_or_default();
    let mut head = head.split_whitespace();
    match (head.next(), head.next()) {
        (Some("AnnotatorNotes"), Some(target)) => Ok(Some((target, text))),
        (Some("AnnotatorNotes"), None) => Err(Problem::Malformed(
            "an AnnotatorNotes line names no annotation".into(),
        )),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tag;
    use jiff::Timestamp;

    const TEXT: &str = "The minister said 80% of voters\nagreed with him.";

    fn import(ann: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
        parse(
            &Article::new(TEXT.to_owned()),
            ann,
            Path::new("x.ann"),
            options,
        )
    }

    fn options() -> ImportOptions {
        ImportOptions::new(Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn types_match_tags_case_insensitively_and_unmapped_ones_are_counted() {
        let ann = "T1\tfigure 18 21\t80%\nT2\tSOURCE 0 12\tThe minister\nT3\tCue 13 17\tsaid\n";
        let imported = import(ann, &options()).unwrap();
        let tags: Vec<Tag> = imported.set.annotations().iter().map(|a| a.tag).collect();
        assert_eq!(tags, vec![Tag::Source, Tag::Figure]);
        assert_eq!(imported.report.unmapped.get("Cue"), Some(&1));
    }

    #[test]
    fn a_mapping_turns_another_type_into_a_tag() {
        let ann = "T1\tContent 32 48\tagreed with him.\n";
        let imported = import(ann, &options().with_mapping("content", Tag::Quote)).unwrap();
        assert_eq!(imported.report.imported[Tag::Quote.index()], 1);
    }

    #[test]
    fn each_fragment_of_a_discontinuous_span_is_its_own_annotation() {
        let ann = "T4\tClaim 0 12;32 38\tThe minister agreed\n#1\tAnnotatorNotes T4\tchecked\n";
        let imported = import(ann, &options()).unwrap();
        let texts: Vec<&str> = imported
            .set
            .annotations()
            .iter()
            .map(|a| a.quote.exact.as_str())
            .collect();
        assert_eq!(texts, vec!["The minister", "agreed"]);
        assert!(
            imported
                .set
                .annotations()
                .iter()
                .all(|a| a.note == "checked")
        );
        assert_eq!(imported.set.annotations()[0].id.0, 4);
        assert_eq!(imported.report.split, 1);
    }

    #[test]
    fn a_span_across_a_line_break_matches_the_text_with_a_space() {
        let ann = "T1\tClaim 25 38\tvoters agreed\n";
        let imported = import(ann, &options()).unwrap();
        assert_eq!(imported.set.annotations()[0].quote.exact, "voters\nagreed");
    }

    #[test]
    fn a_mismatching_text_fails_with_its_line() {
        let ann = "T1\tFigure 18 21\t80%\nT2\tFigure 18 21\t81%\n";
        let error = import(ann, &options()).unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("x.ann:2: T2: the text \"81%\""),
            "{message}"
        );
        assert!(!error.is_unreadable());
    }

    #[test]
    fn skip_invalid_records_the_problems_and_keeps_the_rest() {
        let ann = "T1\tFigure 18 21\t80%\nT2\tFigure 18 99\t81%\nT3\tClaim x y\tz\n";
        let options = ImportOptions {
            skip_invalid: true,
            ..options()
        };
        let imported = import(ann, &options).unwrap();
        assert_eq!(imported.set.len(), 1);
        assert_eq!(imported.report.invalid.len(), 2);
    }

    #[test]
    fn duplicates_relations_and_stray_notes_are_counted() {
        let ann = "T1\tFigure 18 21\t80%\nT2\tFigure 18 21\t80%\nR1\tAttributedTo Arg1:T1 Arg2:T2\nA1\tNegated T1\n#1\tAnnotatorNotes T9\tlost\n";
        let report = import(ann, &options()).unwrap().report;
        assert_eq!(report.duplicates, 1);
        assert_eq!(report.skipped.get("relation"), Some(&1));
        assert_eq!(report.skipped.get("attribute"), Some(&1));
        assert_eq!(report.skipped.get("note"), Some(&1));
    }

    #[test]
    fn offsets_counted_on_a_crlf_text_are_mapped_and_reported() {
        // On disk: "The minister said 80% of voters\r\nagreed with him."
        let ann =
            "T1\tFigure 18 21\t80%\nT2\tClaim 33 39\tagreed\nT3\tClaim 25 39\tvoters agreed\n";
        let imported = import(ann, &options()).unwrap();
        let texts: Vec<&str> = imported
            .set
            .annotations()
            .iter()
            .map(|a| a.quote.exact.as_str())
            .collect();
        assert_eq!(texts, vec!["80%", "voters\nagreed", "agreed"]);
        assert!(imported.report.crlf);
        assert!(
            imported
                .report
                .summary()
                .ends_with("; offsets counted CR LF line endings"),
            "{}",
            imported.report.summary()
        );
    }

    #[test]
    fn offsets_that_fit_better_with_crlf_hint_at_line_endings() {
        let ann = "T1\tClaim 33 39\tagreed\nT2\tClaim 0 3\tTha\n";
        let message = import(ann, &options()).unwrap_err().to_string();
        assert!(message.contains("CR LF line endings"), "{message}");
        let plain = import("T1\tClaim 0 3\tTha\n", &options()).unwrap_err();
        assert!(!plain.to_string().contains("CR LF"), "{plain}");
    }

    #[test]
    fn a_malformed_line_is_unreadable_input() {
        let error = import("T1\tFigure 18\t80%\n", &options()).unwrap_err();
        assert!(error.is_unreadable());
        assert!(error.to_string().starts_with("x.ann:1: bad offsets"));
    }
}
