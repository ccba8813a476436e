//! Imports: another tool's annotations of an article turned into an
//! [`AnnotationSet`] — brat standoff ([`brat`]), W3C Web Annotation JSON
//! ([`w3c`], what factmark's own json export writes), doccano sequence
//! labeling JSONL ([`doccano`]) and Label Studio tasks ([`label_studio`]).
//! doccano and Label Studio files hold the text they annotate, often of
//! many documents: the record whose text is exactly the article's is the
//! one imported.
//!
//! Every span is checked against the article text: an offset past the end
//! or a text that differs fails the import with the file, the line (or the
//! item) and both texts, unless [`ImportOptions::skip_invalid`] is set, in
//! which case the problem is recorded in the [`ImportReport`] and the span
//! skipped. Where a file says more than its offsets — a W3C quote, brat
//! offsets that fit once CR LF line endings are counted — the span is
//! placed by that instead, and the report says how many were. Whatever the model has no place for (relations, attributes,
//! events, unmapped types, duplicates) is counted, never silently lost.
//! Imports read the one file they are given and write nothing.

pub mod brat;
pub mod doccano;
pub mod label_studio;
pub mod w3c;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::io::decode::{DecodeProblem, read_limited};
use crate::model::annotation::whole_seconds;
use crate::model::{Annotation, AnnotationId, AnnotationSet, Article, Edit, Span, Tag};

/// Largest annotation file an import reads.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// A file format factmark imports from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// brat standoff `.ann`.
    Brat,
    /// W3C Web Annotation JSON(-LD).
    W3c,
    /// doccano sequence labeling JSONL.
    Doccano,
    /// Label Studio tasks JSON (its JSON export, or tasks to import).
    LabelStudio,
}

impl ImportFormat {
    /// The format a file name suggests: `.ann` is brat, `.jsonl` doccano,
    /// `.json`/`.jsonld` W3C (see [`ImportFormat::detect`] for Label Studio).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "ann" => Some(ImportFormat::Brat),
            "jsonl" => Some(ImportFormat::Doccano),
            "json" | "jsonld" => Some(ImportFormat::W3c),
            _ => None,
        }
    }

    /// The format of a file, by its name and, for `.json`, its contents:
    /// Label Studio tasks (objects with a `data` object) or else W3C. A
    /// file that cannot be read is given its name's format, and the import
    /// says what is wrong with it.
    pub fn detect(path: &Path) -> Option<Self> {
        let by_name = Self::from_path(path)?;
        if by_name != ImportFormat::W3c {
            return Some(by_name);
        }
        let looks_like_tasks = read_text(path)
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .is_some_and(|root| label_studio::looks_like_tasks(&root));
        Some(if looks_like_tasks {
            ImportFormat::LabelStudio
        } else {
            by_name
        })
    }

    /// The command-line option that reads this format.
    pub fn option(self) -> &'static str {
        match self {
            ImportFormat::Brat => "--brat",
            ImportFormat::W3c => "--w3c",
            ImportFormat::Doccano => "--doccano",
            ImportFormat::LabelStudio => "--label-studio",
        }
    }
}

/// How an import maps and checks what it reads.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Extra type → tag mappings, keyed by lowercase type name; they win over
    /// the tag names themselves (`Content` → Quote).
    pub map: HashMap<String, Tag>,
    /// Skip (and report) spans whose text or offsets do not fit the article
    /// instead of failing the import.
    pub skip_invalid: bool,
    /// `created`/`modified` of annotations whose file has no time.
    pub now: Timestamp,
    /// Whether the caller has a `--skip-invalid` for errors to point to
    /// (the command line does; the window does not).
    pub offers_skip: bool,
}

/// How an error about a span that does not fit points to `--skip-invalid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipHint {
    /// Not at all: the option is given, and the problem is a warning.
    None,
    /// As an option of the command being run.
    Option,
    /// As a command-line option, from the window, which has none.
    CommandLine,
}

impl SkipHint {
    fn text(self) -> &'static str {
        match self {
            SkipHint::None => "",
            SkipHint::Option => "; fix the file or import with --skip-invalid",
            SkipHint::CommandLine => {
                "; fix the file (on the command line, `factmark import --skip-invalid` skips such spans)"
            }
        }
    }
}

impl ImportOptions {
    pub fn new(now: Timestamp) -> Self {
        Self {
            map: HashMap::new(),
            skip_invalid: false,
            now,
            offers_skip: true,
        }
    }

    /// How an error about a span points to `--skip-invalid`.
    fn skip_hint(&self) -> SkipHint {
        match (self.skip_invalid, self.offers_skip) {
            (true, _) => SkipHint::None,
            (false, true) => SkipHint::Option,
            (false, false) => SkipHint::CommandLine,
        }
    }

    /// Adds a mapping from another tool's type name to a tag.
    pub fn with_mapping(mut self, kind: &str, tag: Tag) -> Self {
        self.map.insert(kind.trim().to_lowercase(), tag);
        self
    }

    /// The tag of a type name: an explicit mapping, else the tag of the same
    /// name (case-insensitive).
    pub fn tag_of(&self, kind: &str) -> Option<Tag> {
        self.map
            .get(&kind.trim().to_lowercase())
            .copied()
            .or_else(|| kind.parse().ok())
    }
}

/// Where in an imported file a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A line of a line-based file, from 1.
    Line(usize),
    /// An annotation of a JSON file, from 1, in file order.
    Item(usize),
    /// A labeled region of a Label Studio task, from 1, in file order.
    Region(usize),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(line) => write!(f, ":{line}"),
            Location::Item(item) => write!(f, ": annotation {item}"),
            Location::Region(region) => write!(f, ": region {region}"),
        }
    }
}

/// Why a span does not fit the article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanProblem {
    #[error("the span {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("the span {start}..{end} ends past the end of the article ({len} characters)")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error(
        "the text {expected:?} does not match the article at {start}..{end}, which reads {found:?}"
    )]
    Mismatch {
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
    #[error("the text {expected:?} is nowhere in the article")]
    NotFound { expected: String },
    #[error(
        "the span {start}..{end} (in UTF-16 units) cuts a character in two, such as an emoji, or starts before the text"
    )]
    SplitsCharacter { start: usize, end: usize },
}

/// An import that failed, and why.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {problem}", path.display())]
    Read {
        path: PathBuf,
        problem: DecodeProblem,
    },
    #[error("{}{at}: {message}", path.display())]
    Malformed {
        path: PathBuf,
        at: Location,
        message: String,
    },
    #[error("{}: no {} holds exactly the article's text (the file has {}), so it annotates other texts; the text must be the article's as `factmark text` prints it", path.display(), record_kind.0, crate::plural(*records, record_kind.0, record_kind.1))]
    NoMatchingText {
        path: PathBuf,
        /// How many records (doccano lines, Label Studio tasks) it holds.
        records: usize,
        /// What a record is called, in the singular and the plural.
        record_kind: (&'static str, &'static str),
    },
    #[error("{}{at}: {id}: {problem}{}{}", path.display(),
        if *crlf_hint { " (more spans fit if the offsets count a CR before each line break, as brat does on a .txt with CR LF line endings, but not all: was the .ann made on this text?)" } else { "" },
        skip_hint.text())]
    InvalidSpan {
        path: PathBuf,
        at: Location,
        /// The annotation's id in the file (`T12`, or a W3C id).
        id: String,
        problem: Box<SpanProblem>,
        /// How the message ends by pointing to `--skip-invalid`.
        skip_hint: SkipHint,
        /// Whether reading the offsets as counting CR LF line endings
        /// would have fitted more spans (brat files made on a Windows text).
        crlf_hint: bool,
    },
}

impl ImportError {
    /// Whether the file itself could not be read or parsed (as opposed to
    /// annotations that do not fit the article, or a file that annotates
    /// other texts).
    pub fn is_unreadable(&self) -> bool {
        !matches!(
            self,
            ImportError::InvalidSpan { .. } | ImportError::NoMatchingText { .. }
        )
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Annotations imported per tag, indexed by [`Tag::index`].
    pub imported: [usize; 4],
    /// Spans skipped because their type maps to no tag, per type name.
    pub unmapped: BTreeMap<String, usize>,
    /// Spans skipped because the same span already had the same tag.
    pub duplicates: usize,
    /// Discontinuous spans split into one annotation per fragment.
    pub split: usize,
    /// W3C annotations with several text targets, split into one
    /// annotation per target.
    pub multi_target: usize,
    /// W3C annotations and Label Studio regions whose position did not
    /// hold their text and that were placed by the text instead (positions
    /// counted in UTF-16 code units by JavaScript tools, or an article
    /// edited since).
    pub reanchored: usize,
    /// Label Studio: the task had no annotation, so its predictions
    /// (pre-annotations) were read instead.
    pub from_predictions: bool,
    /// brat offsets that counted a CR before every LF (a `.ann` made on a
    /// CRLF text file) and were mapped to the article's LF text.
    pub crlf: bool,
    /// doccano offsets read in UTF-16 code units, as its editor counts
    /// them: said when the text has characters (emoji) that count twice.
    pub utf16: bool,
    /// Notes attached to imported annotations.
    pub notes: usize,
    /// W3C `created`/`modified` and Label Studio `created_at`/`updated_at`
    /// times that are not RFC 3339 (`"yesterday"`), read as absent: the
    /// annotations got the import's time instead.
    pub unreadable_times: usize,
    /// Lines or items the model has no place for, per kind (`relation`,
    /// `attribute`, `event`, `note`, `normalization`, …).
    pub skipped: BTreeMap<&'static str, usize>,
    /// Problems skipped under `skip_invalid`, as full messages.
    pub invalid: Vec<String>,
}

impl ImportReport {
    /// Annotations imported in all.
    pub fn total(&self) -> usize {
        self.imported.iter().sum()
    }

    fn skip(&mut self, kind: &'static str) {
        *self.skipped.entry(kind).or_default() += 1;
    }

    /// One line for a status bar or a terminal.
    pub fn summary(&self) -> String {
        let per_tag: Vec<String> = Tag::ALL
            .iter()
            .map(|t| format!("{} {}", self.imported[t.index()], t.label().to_lowercase()))
            .collect();
        let mut line = format!(
            "{} ({})",
            crate::plural(self.total(), "annotation", "annotations"),
            per_tag.join(", ")
        );
        if self.notes > 0 {
            line += &format!(", {} with notes", self.notes);
        }
        let mut skipped: Vec<String> = Vec::new();
        if !self.unmapped.is_empty() {
            let types: Vec<String> = self
                .unmapped
                .iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect();
            skipped.push(format!("unmapped types: {}", types.join(", ")));
        }
        if self.duplicates > 0 {
            skipped.push(crate::plural(self.duplicates, "duplicate", "duplicates"));
        }
        if !self.invalid.is_empty() {
            skipped.push(format!("{} invalid", self.invalid.len()));
        }
        for (kind, n) in &self.skipped {
            skipped.push(format!("{n} {kind}{}", if *n == 1 { "" } else { "s" }));
        }
        if self.split > 0 {
            line += &format!(
                "; {} split",
                crate::plural(self.split, "discontinuous span", "discontinuous spans")
            );
        }
        if self.multi_target > 0 {
            line += &format!(
                "; {} with several targets split",
                crate::plural(self.multi_target, "annotation", "annotations")
            );
        }
        if self.reanchored > 0 {
            line += &format!("; {} re-anchored by their quote text", self.reanchored);
        }
        if self.crlf {
            line += "; offsets counted CR LF line endings";
        }
        if self.utf16 {
            line += "; offsets counted in UTF-16 units, as doccano's editor counts them (an emoji is 2)";
        }
        if self.unreadable_times > 0 {
            line += &format!(
                "; {} replaced by the import's time (a modification time by the creation time)",
                crate::plural(self.unreadable_times, "unreadable time", "unreadable times")
            );
        }
        if self.from_predictions {
            line += "; read from the task's predictions (it has no annotations)";
        }
        if !skipped.is_empty() {
            line += &format!("; skipped {}", skipped.join(", "));
        }
        line
    }
}

/// An imported set with what the import did.
#[derive(Debug, Clone)]
pub struct Imported {
    pub set: AnnotationSet,
    pub report: ImportReport,
}

/// Imports the annotations of `path` (in `format`) for `article`. The GUI's
/// File ▸ Import… and `factmark import` both call this.
pub fn import_file(
    format: ImportFormat,
    article: &Article,
    path: &Path,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let text = read_text(path)?;
    match format {
        ImportFormat::Brat => brat::parse(article, &text, path, options),
        ImportFormat::W3c => w3c::parse(article, &text, path, options),
        ImportFormat::Doccano => doccano::parse(article, &text, path, options),
        ImportFormat::LabelStudio => label_studio::parse(article, &text, path, options),
    }
}

/// A JSON syntax error as an import error: serde_json's message names the
/// line and column in the whole file.
fn json_error(path: &Path, error: &serde_json::Error) -> ImportError {
    ImportError::Malformed {
        path: path.to_owned(),
        at: Location::Line(error.line()),
        message: format!("not valid JSON: {error}"),
    }
}

/// Reads an annotation file as UTF-8 text (a BOM removed).
fn read_text(path: &Path) -> Result<String, ImportError> {
    let fail = |problem| ImportError::Read {
        path: path.to_owned(),
        problem,
    };
    let bytes = read_limited(path, MAX_IMPORT_BYTES).map_err(fail)?;
    let text = String::from_utf8(bytes).map_err(|_| fail(DecodeProblem::Undecodable("UTF-8")))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// A span read from a file, checked against the article, not yet in a set.
#[derive(Debug, Clone)]
struct Candidate {
    /// The id the file suggests, kept when it is free.
    id: Option<u64>,
    tag: Tag,
    span: Span,
    note: String,
    created: Option<Timestamp>,
    modified: Option<Timestamp>,
}

/// A time from a file (W3C `created`, Label Studio `created_at`, …):
/// `None` when it is absent; one that is not an RFC 3339 time is counted
/// in the report and read as absent.
fn read_time(value: &serde_json::Value, report: &mut ImportReport) -> Option<Timestamp> {
    if value.is_null() {
        return None;
    }
    let time = value.as_str().and_then(|t| t.parse::<Timestamp>().ok());
    if time.is_none() {
        report.unreadable_times += 1;
    }
    time
}

/// A span in characters turned into bytes, checked to lie in the article.
fn char_span(article: &Article, start: usize, end: usize) -> Result<Span, SpanProblem> {
    if start >= end {
        return Err(SpanProblem::Empty { start, end });
    }
    let out_of_range = || SpanProblem::OutOfRange {
        start,
        end,
        len: article.char_len(),
    };
    let byte_start = article.byte_of_char(start).ok_or_else(out_of_range)?;
    let byte_end = article.byte_of_char(end).ok_or_else(out_of_range)?;
    Ok(Span::new(byte_start, byte_end))
}

/// Whether a file's copy of a text matches the article's. Line breaks and
/// tabs of the article may appear as spaces in the file, as brat writes them.
fn same_text(found: &str, expected: &str) -> bool {
    let mut found = found.chars();
    let mut expected = expected.chars();
    loop {
        match (found.next(), expected.next()) {
            (None, None) => return true,
            (Some(f), Some(e)) if f == e || (matches!(f, '\n' | '\t' | '\r') && e == ' ') => {}
            _ => return false,
        }
    }
}

/// Builds the set: duplicates (same span, same tag) skipped and counted,
/// ids kept where the file's id is free and unique, fresh ones otherwise.
fn build_set(
    article: &Article,
    candidates: Vec<Candidate>,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> AnnotationSet {
    let mut seen = HashSet::with_capacity(candidates.len());
    let mut unique = Vec::with_capacity(candidates.len());
    for c in candidates {
        if seen.insert((c.span.start, c.span.end, c.tag)) {
            unique.push(c);
        } else {
            report.duplicates += 1;
        }
    }
    let mut taken = HashSet::with_capacity(unique.len());
    let kept: Vec<Option<u64>> = unique
        .iter()
        .map(|c| c.id.filter(|&id| id > 0 && taken.insert(id)))
        .collect();
    let mut next = taken.iter().max().map_or(1, |max| max + 1);
    let text = article.text();
    let mut set = AnnotationSet::new();
    for (c, id) in unique.into_iter().zip(kept) {
        let id = id.unwrap_or_else(|| {
            next += 1;
            next - 1
        });
        // Whole seconds, as factmark writes every time: a file's
        // `10:11:12.345678Z` is kept as `10:11:12Z`.
        let created = whole_seconds(c.created.unwrap_or(options.now));
        let mut annotation = Annotation::new(AnnotationId(id), c.tag, c.span, text, created);
        annotation.modified = c.modified.map_or(created, whole_seconds);
        annotation.note = c.note;
        if set.apply(&Edit::Add(annotation), text).is_ok() {
            report.imported[c.tag.index()] += 1;
        }
    }
    report.notes = set
        .annotations()
        .iter()
        .filter(|a| !a.note.is_empty())
        .count();
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_of_one_says_one_not_ones() {
        let report = ImportReport {
            imported: [0, 1, 0, 0],
            duplicates: 1,
            split: 1,
            ..ImportReport::default()
        };
        assert_eq!(
            report.summary(),
            "1 annotation (0 claim, 1 figure, 0 quote, 0 source); 1 discontinuous span split; skipped 1 duplicate"
        );
    }

    #[test]
    fn mappings_win_over_tag_names_and_ignore_case() {
        let options = ImportOptions::new(Timestamp::UNIX_EPOCH).with_mapping("Content", Tag::Quote);
        assert_eq!(options.tag_of("content"), Some(Tag::Quote));
        assert_eq!(options.tag_of("SOURCE"), Some(Tag::Source));
        assert_eq!(options.tag_of("Cue"), None);
    }

    #[test]
    fn a_span_is_checked_against_the_article() {
        let article = Article::new("ab\ncd é".to_owned());
        let span = char_span(&article, 6, 7).unwrap();
        assert_eq!(&article.text()[span.range()], "é");
        assert_eq!(
            char_span(&article, 5, 9),
            Err(SpanProblem::OutOfRange {
                start: 5,
                end: 9,
                len: 7
            })
        );
        assert!(matches!(
            char_span(&article, 3, 3),
            Err(SpanProblem::Empty { .. })
        ));
    }

    #[test]
    fn line_breaks_in_the_article_match_spaces_in_a_file() {
        assert!(same_text("b\nc", "b c"));
        assert!(!same_text("b\nc", "bxc"));
        assert!(!same_text("bc", "bc "));
    }
}
