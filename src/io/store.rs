//! The annotation set file: RON, version 1, beside the article.
//!
//! ```ron
//! // factmark annotation set. Offsets count Unicode characters in the article text.
//! (
//!     format: "factmark.annotations",
//!     version: 1,
//!     article: (path: "x.txt", format: Text, sha256: "…", chars: 4427, title: "…", date: Some("2020-08-16")),
//!     annotations: [(id: 7, tag: Figure, start: 788, end: 793, exact: "80.1%", …)],
//!     orphans: [],
//! )
//! ```
//!
//! Saving is atomic: the new content goes to a temporary file in the same
//! folder, is flushed and fsynced, and is renamed over the target; the
//! previous file is kept as `X.annotations.ron.bak` (itself replaced
//! atomically). Output is deterministic — annotations sorted by position,
//! fixed formatting — so saving the same set twice gives identical bytes.
//!
//! Loading never trusts offsets blindly: every annotation is re-anchored
//! against the article as it is now (see [`crate::model::anchor`]);
//! annotations that cannot be found become orphans and are kept.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::io::decode::{self, ArticleError, DecodeProblem};
use crate::io::formats;
use crate::io::lock::DiskStamp;
use crate::model::{
    Anchored, Annotation, AnnotationId, AnnotationSet, Article, ArticleFormat, Orphan, Quote, Tag,
};

/// The `format` every factmark set file declares.
pub const FORMAT: &str = "factmark.annotations";
/// The newest version this build reads and the one it writes.
pub const VERSION: u32 = 1;
/// Largest set file factmark reads: about 400,000 annotations. Parsing
/// takes roughly ten times the file size in memory, so this bounds memory
/// too.
pub const MAX_SET_BYTES: u64 = 128 * 1024 * 1024;
const HEADER_COMMENT: &str =
    "// factmark annotation set. Offsets count Unicode characters in the article text.\n";

/// A set file that could not be read or written, and why.
#[derive(Debug, thiserror::Error)]
pub enum SetError {
    #[error("{}: {problem}", path.display())]
    Read {
        path: PathBuf,
        problem: DecodeProblem,
    },
    #[error("{}: the file is empty, so it holds no annotation set (a save cut short, or a file made by hand?)", path.display())]
    Empty { path: PathBuf },
    #[error("{}:{line}:{column}: not a valid annotation set: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: not a factmark annotation set (format is {found:?}, expected {FORMAT:?})", path.display())]
    UnknownFormat { path: PathBuf, found: String },
    #[error("{}: written by a newer factmark (set version {found}; this version reads up to {VERSION}). Update factmark to open it.", path.display())]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{}: set version {found} does not exist (versions start at 1): the file is damaged or was not written by factmark", path.display())]
    NoSuchVersion { path: PathBuf, found: u32 },
    #[error("{}: annotation {id}: {problem}", path.display())]
    Invalid {
        path: PathBuf,
        id: u64,
        problem: String,
    },
    #[error("{}: two annotations have the id {id}; ids must be unique", path.display())]
    DuplicateId { path: PathBuf, id: u64 },
    #[error("{}: the article of this set cannot be opened — {source}{}", path.display(), moved_hint(source))]
    Article {
        path: PathBuf,
        #[source]
        source: ArticleError,
    },
    #[error("{}: {} of its {} would be lost in {}: is it the right article? The set was left as it was.", path.display(), if orphans == total { "every one".to_owned() } else { orphans.to_string() }, crate::plural(*total, "annotation", "annotations"), article.display())]
    OtherArticle {
        path: PathBuf,
        article: PathBuf,
        /// Annotations whose text is not in that article.
        orphans: usize,
        total: usize,
    },
    #[error("{}: cannot save: the folder {} does not exist (moved, renamed or deleted?)", path.display(), folder.display())]
    MissingFolder { path: PathBuf, folder: PathBuf },
    #[error("{}: names a folder; give the set a file name, such as {}", path.display(), example.display())]
    Folder { path: PathBuf, example: PathBuf },
    #[error("{}: cannot save: {}", path.display(), in_words(source))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: not saved: the set would be {} MiB, more than the {} MiB factmark opens, so it could not be opened again; nothing was written", path.display(), mib(*size), mib(*limit))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}: will not overwrite it, as it does not load as an annotation set this version can read — {}. Move it away (or fix it) and try again.", path.display(), within(reason, path))]
    WouldOverwrite {
        path: PathBuf,
        reason: Box<SetError>,
    },
    #[error("{}: not saved: another program changed the file since it was read", path.display())]
    Changed { path: PathBuf },
    #[error("{}: not saved: another factmark has been writing this set for a minute; try again when it is done", path.display())]
    Busy { path: PathBuf },
    #[error("{}: cannot save: the name of {} is not valid Unicode, so the set cannot record it; rename the file", path.display(), named.display())]
    UnicodeName { path: PathBuf, named: PathBuf },
}

/// An I/O error in words, without the temporary file's name or the error
/// number: a full disk is "the disk is full".
pub fn in_words(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let words = match error.kind() {
        ErrorKind::StorageFull => "the disk is full",
        ErrorKind::QuotaExceeded => "the disk quota is used up",
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        ErrorKind::FileTooLarge => "the file is too large for this disk",
        // The system's words, without the ` at path "…"` that `tempfile`
        // adds or the "(os error 13)".
        _ => {
            let message = error.to_string();
            let words = message.split(" at path \"").next().unwrap_or_default();
            let words = words.split(" (os error").next().unwrap_or_default();
            return lowercase_first(words);
        }
    };
    words.to_owned()
}

fn lowercase_first(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Bytes in MiB, rounded up, for messages.
fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// The header of a set file: what `article` names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// Path of the article relative to the set file's folder, with `/`.
    pub path: String,
    /// The format the article text was extracted as; reopening reads the
    /// file the same way so the offsets refer to the same text. Sets saved
    /// before formats existed read their article as plain text.
    #[serde(default)]
    pub format: ArticleFormat,
    /// SHA-256 of the article text (UTF-8), lowercase hex.
    pub sha256: String,
    /// Length of the article text in characters.
    pub chars: usize,
    pub title: String,
    pub date: Option<String>,
}

/// One annotation as written in the file (offsets in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAnnotation {
    pub id: u64,
    pub tag: Tag,
    pub start: usize,
    pub end: usize,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    #[serde(default)]
    pub note: String,
    pub created: Timestamp,
    pub modified: Timestamp,
}

/// A rejected suggestion as written in the file (offsets in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRejection {
    pub tag: Tag,
    pub start: usize,
    pub end: usize,
    pub exact: String,
}

/// The whole file, version 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetFile {
    pub format: String,
    pub version: u32,
    pub article: ArticleRef,
    pub annotations: Vec<StoredAnnotation>,
    #[serde(default)]
    pub orphans: Vec<StoredAnnotation>,
    /// Suggestions the user rejected, so they are not proposed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<StoredRejection>,
}

/// Only the fields that decide whether this build may read a file.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// A set read from disk and anchored in its article.
#[derive(Debug)]
pub struct LoadedSet {
    pub set: AnnotationSet,
    /// Whether the article text differs from the one the set was saved with.
    pub article_changed: bool,
    /// Annotations found at another place than their stored offsets.
    pub moved: usize,
    /// Rejected suggestions whose text is no longer in the article, so
    /// they were dropped.
    pub rejections_lost: usize,
    /// Annotations stored twice (the same tag at the same place), merged
    /// into one with both notes.
    pub merged: usize,
}

/// `reason`'s message as part of a sentence about the same file: without
/// the file's name in front or the full stop at the end.
fn within(reason: &SetError, path: &Path) -> String {
    let full = reason.to_string();
    let text = full.trim_end_matches('.');
    let Some(rest) = text.strip_prefix(&path.display().to_string()) else {
        return text.to_owned();
    };
    if let Some(rest) = rest.strip_prefix(": ") {
        return rest.to_owned();
    }
    // A parse error's place, `PATH:LINE:COLUMN: what`.
    let place = rest.strip_prefix(':').and_then(|r| {
        let (line, r) = r.split_once(':')?;
        let (column, what) = r.split_once(": ")?;
        let numbers = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        (numbers(line) && numbers(column))
            .then(|| format!("at line {line}, column {column}, {what}"))
    });
    place.unwrap_or_else(|| text.to_owned())
}

/// The default set file of an article: `X.ext` → `X.annotations.ron`.
pub fn default_set_path(article: &Path) -> PathBuf {
    let stem = article.file_stem().unwrap_or_default().to_string_lossy();
    article.with_file_name(format!("{stem}.annotations.ron"))
}

/// The backup kept beside a set file: `X.annotations.ron.bak`.
pub fn backup_path(set_path: &Path) -> PathBuf {
    let mut name = set_path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    set_path.with_file_name(name)
}

/// SHA-256 of an article text, lowercase hex.
pub fn text_sha256(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

/// Reads and checks a set file without opening its article.
pub fn read_set_file(path: &Path) -> Result<SetFile, SetError> {
    let bytes = decode::read_limited(path, MAX_SET_BYTES).map_err(|problem| SetError::Read {
        path: path.to_owned(),
        problem,
    })?;
    parse_set_bytes(path, &bytes)
}

/// Parses and checks the bytes of a set file; `path` names it in errors.
pub fn parse_set_bytes(path: &Path, bytes: &[u8]) -> Result<SetFile, SetError> {
    // Windows Notepad starts UTF-8 files with a byte order mark; it is not
    // part of the text, nor counted in line:column positions.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        SetError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: "the file is not valid UTF-8".into(),
        }
    })?;
    parse_set(path, text)
}

fn parse_set(path: &Path, text: &str) -> Result<SetFile, SetError> {
    if text.trim().is_empty() {
        return Err(SetError::Empty {
            path: path.to_owned(),
        });
    }
    match ron::from_str::<SetFile>(text) {
        Ok(file) => {
            check_header(path, &file.format, file.version)?;
            Ok(file)
        }
        Err(error) => {
            // A newer or foreign file may fail to parse as version 1: say so
            // rather than point at a field this version does not know.
            if let Ok(header) = ron::from_str::<Header>(text) {
                check_header(path, &header.format, header.version)?;
            }
            Err(SetError::Syntax {
                path: path.to_owned(),
                line: error.span.start.line,
                column: error.span.start.col,
                // ron names the Rust type; the user knows the file.
                message: error
                    .code
                    .to_string()
                    .replace("struct `SetFile`", "an annotation set"),
            })
        }
    }
}

fn check_header(path: &Path, format: &str, version: u32) -> Result<(), SetError> {
    if format != FORMAT {
        return Err(SetError::UnknownFormat {
            path: path.to_owned(),
            found: format.to_owned(),
        });
    }
    if version == 0 {
        return Err(SetError::NoSuchVersion {
            path: path.to_owned(),
            found: version,
        });
    }
    if version > VERSION {
        return Err(SetError::NewerVersion {
            path: path.to_owned(),
            found: version,
        });
    }
    Ok(())
}

fn line_column(valid: &[u8]) -> (usize, usize) {
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, column)
}

/// The article file a set refers to, resolved against the folder the set
/// file really is in (through any symbolic link), so that a set means the
/// same article however it is reached.
pub fn article_path(set_path: &Path, file: &SetFile) -> PathBuf {
    let real = final_target(set_path);
    let folder = match real.parent() {
        Some(folder) if real != set_path => folder.to_owned(),
        _ => set_path.parent().unwrap_or(Path::new("")).to_owned(),
    };
    folder.join(&file.article.path)
}

/// Reads a set file and the article it names, and anchors the set in it.
pub fn load_set(set_path: &Path) -> Result<(Article, PathBuf, LoadedSet), SetError> {
    let file = read_set_file(set_path)?;
    let path = article_path(set_path, &file);
    // Read the way the set says it was.
    let format = file.article.format;
    let (article, loaded) = anchor_as(set_path, file, &path, format)?;
    Ok((article, path, loaded))
}

/// Reads a set file and anchors it in the article at `article_path`
/// instead of the one it names: for a set whose article was moved or
/// renamed. The article is read as its name says (an `.html` page as a
/// web page, a `.txt` file as text), or the way the set says it was when
/// the extension is not one factmark knows. Annotations whose text is not
/// found become orphans, as always; but a file that holds fewer than half
/// of the annotations' texts is another article, and is refused.
pub fn load_set_with_article(
    set_path: &Path,
    article_path: &Path,
) -> Result<(Article, LoadedSet), SetError> {
    let file = read_set_file(set_path)?;
    let named = formats::format_of(article_path);
    let format = if named.guessed {
        file.article.format
    } else {
        named.format
    };
    let (article, loaded) = anchor_as(set_path, file, article_path, format)?;
    let orphans = loaded.set.orphans().len();
    let anchored = loaded.set.annotations().len();
    if orphans > anchored {
        return Err(SetError::OtherArticle {
            path: set_path.to_owned(),
            article: article_path.to_owned(),
            orphans,
            total: orphans + anchored,
        });
    }
    Ok((article, loaded))
}

fn anchor_as(
    set_path: &Path,
    file: SetFile,
    article_path: &Path,
    format: ArticleFormat,
) -> Result<(Article, LoadedSet), SetError> {
    let (article, _) =
        formats::open_article_as(article_path, format).map_err(|source| SetError::Article {
            path: set_path.to_owned(),
            source,
        })?;
    let loaded = anchor_set(set_path, file, &article)?;
    Ok((article, loaded))
}

/// Whether no file is where a set says its article is: moved, renamed or
/// deleted.
fn is_missing(source: &ArticleError) -> bool {
    matches!(
        source.problem,
        DecodeProblem::NotFound | DecodeProblem::BrokenLink(_)
    )
}

/// What to do when a set's article is not where the set says.
fn moved_hint(source: &ArticleError) -> &'static str {
    if is_missing(source) {
        ". If the article was moved or renamed, run `factmark relink SET ARTICLE` with its new place, or open the set in the window and choose Find the article…"
    } else {
        ""
    }
}

impl SetError {
    /// Where the set says its article is, when the set itself is fine but
    /// no file is there any more.
    pub fn missing_article(&self) -> Option<&Path> {
        match self {
            SetError::Article { source, .. } if is_missing(source) => Some(&source.path),
            _ => None,
        }
    }
}

/// What makes a parsed set unloadable whatever its article: an empty or
/// reversed span, an empty exact text, an id used by two different
/// annotations. Two copies of one annotation (same id, tag, place and
/// text, as a hand merge of two people's files leaves them) are no
/// conflict: anchoring merges them.
fn check_annotations(set_path: &Path, file: &SetFile) -> Result<(), SetError> {
    let mut ids = std::collections::HashMap::with_capacity(file.annotations.len());
    for a in file.annotations.iter().chain(&file.orphans) {
        let what = (a.tag, a.start, a.end, a.exact.as_str());
        let problem = if a.start >= a.end {
            format!("its span {}..{} is empty or reversed", a.start, a.end)
        } else if a.exact.is_empty() {
            "its exact text is empty".to_owned()
        } else if *ids.entry(a.id).or_insert(what) != what {
            return Err(SetError::DuplicateId {
                path: set_path.to_owned(),
                id: a.id,
            });
        } else {
            continue;
        };
        return Err(SetError::Invalid {
            path: set_path.to_owned(),
            id: a.id,
            problem,
        });
    }
    Ok(())
}

/// Anchors the annotations of a parsed set file in `article`.
pub fn anchor_set(
    set_path: &Path,
    file: SetFile,
    article: &Article,
) -> Result<LoadedSet, SetError> {
    let article_changed = file.article.sha256 != text_sha256(article.text());
    check_annotations(set_path, &file)?;
    let invalid = |id: u64, problem: &str| SetError::Invalid {
        path: set_path.to_owned(),
        id,
        problem: problem.to_owned(),
    };
    let rejected = file.rejected;
    let mut stored = Vec::with_capacity(file.annotations.len());
    for a in file.annotations.into_iter().chain(file.orphans) {
        stored.push(Orphan {
            id: AnnotationId(a.id),
            tag: a.tag,
            last_start: a.start,
            last_end: a.end,
            quote: Quote {
                exact: a.exact,
                prefix: a.prefix,
                suffix: a.suffix,
            },
            note: a.note,
            created: a.created,
            modified: a.modified,
        });
    }
    let Anchored {
        annotations,
        orphans,
        moved,
        merged,
        ..
    } = crate::model::anchor(stored, article);
    let mut set = AnnotationSet::from_parts(annotations, orphans).map_err(|e| match e {
        crate::model::EditError::DuplicateId(id) => SetError::DuplicateId {
            path: set_path.to_owned(),
            id: id.0,
        },
        other => invalid(0, &other.to_string()),
    })?;
    // Rejections follow their text as annotations do; one whose text is
    // gone can match no suggestion any more, and is dropped (and counted).
    let rejected = crate::model::anchor_rejections(
        rejected
            .into_iter()
            .map(|r| (r.tag, r.start, r.end, r.exact)),
        article,
    );
    for rejection in rejected.rejections {
        let _ = set.apply(&crate::model::Edit::Reject(rejection), article.text());
    }
    Ok(LoadedSet {
        set,
        article_changed,
        moved,
        rejections_lost: rejected.lost,
        merged,
    })
}

/// The file content of a set, deterministic for the same set and article.
pub fn to_set_file(
    set_path: &Path,
    article_path: &Path,
    article: &Article,
    set: &AnnotationSet,
) -> SetFile {
    let stored = |a: &Annotation| StoredAnnotation {
        id: a.id.0,
        tag: a.tag,
        start: article.char_of_byte(a.span.start).unwrap_or(0),
        end: article.char_of_byte(a.span.end).unwrap_or(0),
        exact: a.quote.exact.clone(),
        prefix: a.quote.prefix.clone(),
        suffix: a.quote.suffix.clone(),
        note: a.note.clone(),
        created: a.created,
        modified: a.modified,
    };
    let orphan = |o: &Orphan| StoredAnnotation {
        id: o.id.0,
        tag: o.tag,
        start: o.last_start,
        end: o.last_end,
        exact: o.quote.exact.clone(),
        prefix: o.quote.prefix.clone(),
        suffix: o.quote.suffix.clone(),
        note: o.note.clone(),
        created: o.created,
        modified: o.modified,
    };
    SetFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        article: ArticleRef {
            path: relative_article_path(set_path, article_path),
            format: article.meta().format,
            sha256: text_sha256(article.text()),
            chars: article.char_len(),
            title: article.meta().title.clone(),
            date: article.meta().date.clone(),
        },
        annotations: set.annotations().iter().map(stored).collect(),
        orphans: set.orphans().iter().map(orphan).collect(),
        rejected: set
            .rejections()
            .map(|r| StoredRejection {
                tag: r.tag,
                start: article.char_of_byte(r.span.start).unwrap_or(0),
                end: article.char_of_byte(r.span.end).unwrap_or(0),
                exact: r.exact,
            })
            .collect(),
    }
}

/// The folder a file lies in: `.` for a bare file name
/// (`a.annotations.ron`), whose parent is the empty path, which neither
/// `std::path::absolute` nor `tempfile_in` accept.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// The article's path as written in the set: relative to the set's folder
/// with `/` separators when possible, absolute otherwise.
fn relative_article_path(set_path: &Path, article_path: &Path) -> String {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    // Relative to where the file really is, as `article_path` reads it.
    let folder = absolute(folder_of(&final_target(set_path)));
    let article = absolute(article_path);
    match pathdiff::diff_paths(&article, &folder) {
        Some(relative) if relative.is_relative() => relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        // No relative path (another drive on Windows): the absolute one.
        _ => article.to_string_lossy().into_owned(),
    }
}

/// Serializes a set file to its exact bytes.
///
/// The output is exactly what `ron`'s pretty printer writes for a
/// [`SetFile`] (a test holds the two together), written directly: the
/// generic serializer takes several times longer on large sets.
pub fn to_ron(file: &SetFile) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(256 + file.annotations.len() * 320);
    out.push_str(HEADER_COMMENT);
    out.push_str("(\n");
    let _ = writeln!(out, "    format: {},", RonStr(&file.format));
    let _ = writeln!(out, "    version: {},", file.version);
    let a = &file.article;
    out.push_str("    article: (\n");
    let _ = writeln!(out, "        path: {},", RonStr(&a.path));
    let _ = writeln!(out, "        format: {:?},", a.format);
    let _ = writeln!(out, "        sha256: {},", RonStr(&a.sha256));
    let _ = writeln!(out, "        chars: {},", a.chars);
    let _ = writeln!(out, "        title: {},", RonStr(&a.title));
    match &a.date {
        Some(date) => {
            let _ = writeln!(out, "        date: Some({}),", RonStr(date));
        }
        None => out.push_str("        date: None,\n"),
    }
    out.push_str("    ),\n");
    write_annotations(&mut out, "annotations", &file.annotations);
    write_annotations(&mut out, "orphans", &file.orphans);
    if !file.rejected.is_empty() {
        out.push_str("    rejected: [\n");
        for r in &file.rejected {
            out.push_str("        (\n");
            let _ = writeln!(out, "            tag: {:?},", r.tag);
            let _ = writeln!(out, "            start: {},", r.start);
            let _ = writeln!(out, "            end: {},", r.end);
            let _ = writeln!(out, "            exact: {},", RonStr(&r.exact));
            out.push_str("        ),\n");
        }
        out.push_str("    ],\n");
    }
    out.push_str(")\n");
    out
}

fn write_annotations(out: &mut String, field: &str, annotations: &[StoredAnnotation]) {
    use std::fmt::Write as _;
    if annotations.is_empty() {
        let _ = writeln!(out, "    {field}: [],");
        return;
    }
    let _ = writeln!(out, "    {field}: [");
    for a in annotations {
        out.push_str("        (\n");
        let _ = writeln!(out, "            id: {},", a.id);
        let _ = writeln!(out, "            tag: {:?},", a.tag);
        let _ = writeln!(out, "            start: {},", a.start);
        let _ = writeln!(out, "            end: {},", a.end);
        let _ = writeln!(out, "            exact: {},", RonStr(&a.exact));
        let _ = writeln!(out, "            prefix: {},", RonStr(&a.prefix));
        let _ = writeln!(out, "            suffix: {},", RonStr(&a.suffix));
        let _ = writeln!(out, "            note: {},", RonStr(&a.note));
        let _ = writeln!(out, "            created: \"{}\",", a.created);
        let _ = writeln!(out, "            modified: \"{}\",", a.modified);
        out.push_str("        ),\n");
    }
    out.push_str("    ],\n");
}

/// A string as a RON literal, escaped as `ron` escapes it.
struct RonStr<'a>(&'a str);

impl std::fmt::Display for RonStr<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        f.write_char('"')?;
        for c in self.0.chars() {
            // Most text needs no escape: skip the iterator for it.
            if c.is_ascii_alphanumeric() || c == ' ' {
                f.write_char(c)?;
            } else {
                for e in c.escape_debug() {
                    f.write_char(e)?;
                }
            }
        }
        f.write_char('"')
    }
}

/// Saves a set beside its article, atomically, keeping the previous file as
/// a backup. A file already there is replaced only if it loads as a set:
/// for a target the caller did not load (an import, Save as…). A set the
/// caller loaded is saved with [`save_loaded_set`].
pub fn save_set(
    set_path: &Path,
    article_path: &Path,
    article: &Article,
    set: &AnnotationSet,
) -> Result<(), SetError> {
    save_set_within(
        set_path,
        article_path,
        article,
        set,
        Replacing::Unknown,
        MAX_SET_BYTES,
    )
}

/// Saves a set read from `set_path` when the file had the stamp `loaded`
/// (`None`: there was no file), like [`save_set`]; refused with
/// [`SetError::Changed`] when, just before the rename, the file is no
/// longer so: another program wrote it in between. Hold the set's
/// [`SetLock`](crate::io::SetLock) from before the load until this returns.
pub fn save_loaded_set(
    set_path: &Path,
    article_path: &Path,
    article: &Article,
    set: &AnnotationSet,
    loaded: Option<DiskStamp>,
) -> Result<(), SetError> {
    save_set_within(
        set_path,
        article_path,
        article,
        set,
        Replacing::Loaded(loaded),
        MAX_SET_BYTES,
    )
}

/// What a save knows of the file it replaces.
#[derive(Debug, Clone, Copy)]
pub enum Replacing {
    /// The file the caller loaded, with its stamp then.
    Loaded(Option<DiskStamp>),
    /// Whatever is there: it must load as a set to be replaced.
    Unknown,
}

/// [`save_set`] with the largest file it may write: one larger than what
/// loading accepts ([`MAX_SET_BYTES`]) would lock its annotations out, so
/// it is refused and the file already there kept. Tests pass a small limit.
pub(crate) fn save_set_within(
    set_path: &Path,
    article_path: &Path,
    article: &Article,
    set: &AnnotationSet,
    replacing: Replacing,
    limit: u64,
) -> Result<(), SetError> {
    check_target(set_path, article_path)?;
    if let Replacing::Unknown = replacing {
        refuse_unloadable_target(set_path)?;
    }
    // A set names its article in text; a name that is not Unicode would
    // be recorded garbled and the set could not find its article again.
    if let Some(named) = [set_path, article_path]
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n.to_str().is_none()))
    {
        return Err(SetError::UnicodeName {
            path: set_path.to_owned(),
            named: named.to_owned(),
        });
    }
    let bytes = to_ron(&to_set_file(set_path, article_path, article, set));
    let size = bytes.len() as u64;
    if size > limit {
        return Err(SetError::TooLarge {
            path: set_path.to_owned(),
            size,
            limit,
        });
    }
    let changed = std::cell::Cell::new(false);
    let unchanged = |_: &Path| {
        if let Replacing::Loaded(stamp) = replacing
            && DiskStamp::of(set_path) != stamp
        {
            changed.set(true);
            return Err(std::io::Error::other("changed since loaded"));
        }
        Ok(())
    };
    write_atomically(set_path, bytes.as_bytes(), unchanged).map_err(|source| {
        if changed.get() {
            SetError::Changed {
                path: set_path.to_owned(),
            }
        } else {
            SetError::Write {
                path: set_path.to_owned(),
                source,
            }
        }
    })
}

/// A set can only be written into a folder that exists: say so, rather
/// than fail on the temporary file's name.
pub fn check_folder(set_path: &Path) -> Result<(), SetError> {
    match set_path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() && !folder.is_dir() => {
            Err(SetError::MissingFolder {
                path: set_path.to_owned(),
                folder: folder.to_owned(),
            })
        }
        _ => Ok(()),
    }
}

/// [`check_folder`], and a set path that names a folder (`-o out/`) is
/// refused with an example of a file name, that of `article_path`'s set.
pub fn check_target(set_path: &Path, article_path: &Path) -> Result<(), SetError> {
    let spelled_as_folder = set_path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator);
    if spelled_as_folder || set_path.is_dir() {
        let name = default_set_path(article_path);
        return Err(SetError::Folder {
            path: set_path.to_owned(),
            example: set_path.join(name.file_name().unwrap_or_default()),
        });
    }
    check_folder(set_path)
}

/// A file at the target that does not load as a set this build reads is
/// never replaced: it may be someone's work in a newer format, a set to
/// fix by hand, or not a set at all.
fn refuse_unloadable_target(set_path: &Path) -> Result<(), SetError> {
    if fs::symlink_metadata(set_path).is_err() {
        return Ok(()); // Nothing there.
    }
    let loads = read_set_file(set_path).and_then(|file| check_annotations(set_path, &file));
    match loads {
        Ok(()) => Ok(()),
        // A link to nowhere: the save creates its target.
        Err(SetError::Read {
            problem: DecodeProblem::NotFound,
            ..
        }) => Ok(()),
        Err(reason) => Err(SetError::WouldOverwrite {
            path: set_path.to_owned(),
            reason: Box::new(reason),
        }),
    }
}

/// The file a write to `path` must replace: `path` itself, or the final
/// target of the symbolic link(s) it is, so that the link stays a link
/// and the file it points to (perhaps shared or synced) gets the new
/// content. A relative link is resolved against the link's folder.
pub(crate) fn final_target(path: &Path) -> PathBuf {
    let mut target = path.to_owned();
    // Bounded, as the system bounds link chains (a loop is left as is and
    // fails where it is used).
    for _ in 0..40 {
        if !fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink()) {
            break;
        }
        let Ok(points_to) = fs::read_link(&target) else {
            break;
        };
        target = folder_of(&target).join(points_to);
    }
    target
}

/// Writes `bytes` to `target` atomically: temporary file in the same folder,
/// flush, fsync, keep the old file as `.bak`, rename over the target, fsync
/// the folder. `before_rename` runs between the write and the rename (tests
/// inject failures there).
pub(crate) fn write_atomically(
    target: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace_atomically(target, bytes, before_rename, true)
}

/// Writes a file atomically like [`write_atomically`], without keeping a
/// backup of the file it replaces (for outputs that can be made again).
pub(crate) fn write_output_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_atomically(target, bytes, |_| Ok(()), false)
}

fn replace_atomically(
    target: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
    keep_bak: bool,
) -> std::io::Result<()> {
    // Through a link, the file it points to is replaced: in its own folder,
    // with its `.bak` beside it.
    let refused = |kind, words: &str| Err(std::io::Error::new(kind, words));
    if target
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator)
    {
        return refused(
            std::io::ErrorKind::InvalidInput,
            "this names a folder (it ends with a slash); give a file name",
        );
    }
    let target = &final_target(target);
    match fs::metadata(target) {
        // Renaming over a file ignores its permissions; a file its owner
        // made read-only is respected as an editor would.
        Ok(m) if m.is_file() && m.permissions().readonly() => {
            return refused(
                std::io::ErrorKind::PermissionDenied,
                "the file is read-only",
            );
        }
        Ok(m) if m.is_dir() => {
            return refused(std::io::ErrorKind::IsADirectory, "this is a folder");
        }
        // A device or a pipe is written into, not replaced by a file.
        Ok(m) if !m.is_file() => {
            return refused(
                std::io::ErrorKind::InvalidInput,
                "this is not a regular file but a pipe, socket or device; factmark writes only files",
            );
        }
        _ => {}
    }
    let folder = folder_of(target);
    if folder.exists() && !folder.is_dir() {
        return refused(
            std::io::ErrorKind::NotADirectory,
            &format!("{} is not a folder", folder.display()),
        );
    }
    if !folder.is_dir() {
        return refused(
            std::io::ErrorKind::NotFound,
            &format!("the folder {} does not exist", folder.display()),
        );
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    // The temporary file is private (0600); the saved file keeps the
    // permissions the target had, or gets the usual ones for a new file.
    let permissions = match fs::metadata(target) {
        Ok(existing) => existing.permissions(),
        Err(_) => default_permissions(temp.as_file())?,
    };
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    before_rename(temp.path())?;
    if keep_bak && target.exists() {
        keep_backup(target, folder, &name)?;
    }
    temp.persist(target).map_err(|e| e.error)?;
    sync_folder(folder);
    remove_stale_temporaries(folder, &name, STALE_AFTER);
    Ok(())
}

/// How old a temporary file of a save must be before another save removes
/// it: a save takes well under this, so a concurrent writer's file is safe.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the temporary files a save of `name` killed mid-write left in
/// `folder` (`.NAME.XXXXXX.tmp`, and `.NAME.bak.XXXXXX.tmp` of its backup),
/// when they are older than `min_age`. Best effort: a file that cannot be
/// removed stays, and nothing else is ever touched.
fn remove_stale_temporaries(folder: &Path, name: &str, min_age: std::time::Duration) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(middle) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        // tempfile's random part, or `bak.` and that of a backup's copy
        // (`bak.<pid>` for its hard link).
        let random = middle.strip_prefix("bak.").unwrap_or(middle);
        if random.is_empty() || !random.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= min_age);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Keeps the current target as its `.bak` (a hard link, or a copy where
/// links are not possible), atomically as well, so that at every instant
/// both the target and the backup are complete files.
fn keep_backup(target: &Path, folder: &Path, name: &str) -> std::io::Result<()> {
    // A hard link shares the old file's data, already on disk: no copy.
    let link = folder.join(format!(".{name}.bak.{}.tmp", std::process::id()));
    let _ = fs::remove_file(&link);
    if fs::hard_link(target, &link).is_ok() {
        return fs::rename(&link, backup_path(target));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}.bak."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    let mut old = fs::File::open(target)?;
    std::io::copy(&mut old, temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.persist(backup_path(target)).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions(_file: &fs::File) -> std::io::Result<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &fs::File) -> std::io::Result<fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(unix)]
fn sync_folder(folder: &Path) {
    // Makes the rename itself durable. Best effort: some file systems refuse
    // to fsync a directory, and the data is already safe in the file.
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_paths_sit_beside_the_article() {
        let set = default_set_path(Path::new("news/belarus.txt"));
        assert_eq!(set, Path::new("news/belarus.annotations.ron"));
        assert_eq!(
            backup_path(&set),
            Path::new("news/belarus.annotations.ron.bak")
        );
    }

    #[test]
    fn a_save_interrupted_before_the_rename_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.annotations.ron");
        write_atomically(&target, b"old content", |_| Ok(())).unwrap();
        let failed = write_atomically(&target, b"new content", |_| {
            Err(std::io::Error::other("power cut"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(&target).unwrap(), b"old content");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            leftovers,
            vec![std::ffi::OsString::from("a.annotations.ron")]
        );
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_are_readable_by_others_like_any_document() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.annotations.ron");
        write_atomically(&target, b"one", |_| Ok(())).unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&target, b"two", |_| Ok(())).unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "an existing file keeps its permissions");
    }

    #[test]
    fn a_set_larger_than_factmark_opens_is_not_saved_and_the_old_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let article_path = dir.path().join("a.txt");
        let text = "The minister said 80% agreed.";
        fs::write(&article_path, text).unwrap();
        let article = Article::new(text.to_owned());
        let set_path = dir.path().join("a.annotations.ron");
        let empty = AnnotationSet::new();
        save_set(&set_path, &article_path, &article, &empty).unwrap();
        let before = fs::read(&set_path).unwrap();
        let mut set = AnnotationSet::new();
        let a = set.new_annotation(
            Tag::Figure,
            crate::model::Span::new(18, 21),
            text,
            Timestamp::UNIX_EPOCH,
        );
        set.apply(&crate::model::Edit::Add(a), text).unwrap();
        let limit = before.len() as u64 + 10;
        let error = save_set_within(
            &set_path,
            &article_path,
            &article,
            &set,
            Replacing::Unknown,
            limit,
        )
        .unwrap_err();
        assert!(matches!(error, SetError::TooLarge { size, .. } if size > limit));
        let message = error.to_string();
        assert!(message.starts_with(&format!("{}: not saved", set_path.display())));
        assert!(
            message.contains("more than the 1 MiB factmark opens"),
            "{message}"
        );
        assert_eq!(fs::read(&set_path).unwrap(), before);
    }

    #[test]
    fn saving_into_a_folder_that_is_gone_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("moved away");
        let set_path = folder.join("a.annotations.ron");
        let article = Article::new("Text.".to_owned());
        let error = save_set(
            &set_path,
            &folder.join("a.txt"),
            &article,
            &AnnotationSet::new(),
        )
        .unwrap_err();
        assert!(matches!(error, SetError::MissingFolder { .. }), "{error:?}");
        let message = error.to_string();
        assert!(
            message.contains(&format!("the folder {} does not exist", folder.display())),
            "{message}"
        );
        assert!(!message.contains("No such file"), "{message}");
    }

    #[test]
    fn a_save_removes_old_temporaries_of_its_target_only() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.annotations.ron");
        let left = [
            ".a.annotations.ron.Xy12ab.tmp",
            ".a.annotations.ron.bak.Qw34cd.tmp",
        ];
        let kept = [
            ".b.annotations.ron.Xy12ab.tmp",
            ".a.annotations.ron.notes.txt",
        ];
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for name in left.iter().chain(&kept) {
            let file = fs::File::create(dir.path().join(name)).unwrap();
            file.set_modified(an_hour_ago).unwrap();
        }
        // A fresh one is a concurrent save's: left alone.
        let fresh = dir.path().join(".a.annotations.ron.Zz99zz.tmp");
        fs::write(&fresh, "being written").unwrap();
        write_atomically(&target, b"one", |_| Ok(())).unwrap();
        assert!(fresh.exists());
        for name in left {
            assert!(!dir.path().join(name).exists(), "{name} should be gone");
        }
        for name in kept {
            assert!(dir.path().join(name).exists(), "{name} should stay");
        }
        assert_eq!(fs::read(&target).unwrap(), b"one");
    }

    #[test]
    fn the_previous_file_is_kept_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.annotations.ron");
        write_atomically(&target, b"one", |_| Ok(())).unwrap();
        write_atomically(&target, b"two", |_| Ok(())).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&target)).unwrap(), b"one");
    }

    #[test]
    fn relative_paths_use_forward_slashes() {
        let path = relative_article_path(
            Path::new("/a/sets/x.annotations.ron"),
            Path::new("/a/texts/x.txt"),
        );
        assert_eq!(path, "../texts/x.txt");
        let same = relative_article_path(Path::new("/a/x.annotations.ron"), Path::new("/a/x.txt"));
        assert_eq!(same, "x.txt");
    }

    #[test]
    fn a_set_named_without_a_folder_lies_in_the_working_folder() {
        // `factmark suggest x.txt` run in the article's folder.
        let here = std::env::current_dir().unwrap();
        for article in [Path::new("x.txt").to_owned(), here.join("x.txt")] {
            let path = relative_article_path(Path::new("x.annotations.ron"), &article);
            assert_eq!(path, "x.txt", "article given as {}", article.display());
        }
        let nested =
            relative_article_path(Path::new("x.annotations.ron"), Path::new("texts/x.txt"));
        assert_eq!(nested, "texts/x.txt");
    }
}
