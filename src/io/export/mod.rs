//! Exports: an annotation set written in the formats a newsroom uses —
//! W3C Web Annotation JSON-LD, CSV, a Markdown report, a self-contained
//! HTML page, and the files of the annotation tools brat (standoff),
//! doccano (sequence labeling JSONL) and Label Studio (tasks JSON).
//!
//! Each format is a pure function from a [`Document`] (the article, its file
//! name and its annotations with their offsets already in characters) to the
//! files it makes; [`export_set`] writes them into a folder atomically.
//! Offsets in every exported file count Unicode characters, never bytes.
//! Exports never read the clock: the same set gives the same bytes, and
//! nothing here ever writes beside or over the article itself.

pub mod brat;
pub mod csv;
pub mod doccano;
pub mod html;
pub mod json;
pub mod label_studio;
pub mod markdown;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::io::store::{write_atomically, write_output_atomically};
use crate::model::{Annotation, AnnotationSet, Article, Tag};

/// A file format factmark exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// W3C Web Annotation Data Model, JSON-LD.
    Json,
    /// One row per annotation, RFC 4180.
    Csv,
    /// A report an editor can read.
    Markdown,
    /// One self-contained page with the highlighted article.
    Html,
    /// brat standoff: `.ann` plus the article as `.txt`.
    Brat,
    /// doccano sequence labeling: one JSONL line with the text and spans.
    Doccano,
    /// Label Studio: a JSON array of one task with its annotation.
    LabelStudio,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Brat,
        ExportFormat::Doccano,
        ExportFormat::LabelStudio,
    ];

    /// The name used on the command line (`json`, `csv`, `md`, `html`,
    /// `brat`, `doccano`, `label-studio`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Brat => "brat",
            ExportFormat::Doccano => "doccano",
            ExportFormat::LabelStudio => "label-studio",
        }
    }

    /// The extension of the main file it writes (brat also writes `.txt`).
    /// Label Studio's is `label-studio.json`, so that it does not replace
    /// a W3C `json` export of the same article in the same folder.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Brat => "ann",
            ExportFormat::Doccano => "jsonl",
            ExportFormat::LabelStudio => "label-studio.json",
            other => other.name(),
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a string that names no export format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown export format `{0}` (expected json, csv, md, html, brat, doccano or label-studio)"
)]
pub struct UnknownFormat(pub String);

impl FromStr for ExportFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" | "jsonld" | "w3c" => Ok(ExportFormat::Json),
            "csv" => Ok(ExportFormat::Csv),
            "md" | "markdown" => Ok(ExportFormat::Markdown),
            "html" | "htm" => Ok(ExportFormat::Html),
            "brat" | "ann" => Ok(ExportFormat::Brat),
            "doccano" | "jsonl" => Ok(ExportFormat::Doccano),
            "label-studio" | "labelstudio" | "label_studio" | "ls" => Ok(ExportFormat::LabelStudio),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

/// An export that could not be written, and why.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: cannot create the export folder: {}", path.display(), crate::io::store::in_words(source))]
    CreateFolder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot write the export: {}", path.display(), crate::io::store::in_words(source))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: this is the article itself, which the export would replace; export into another folder", path.display())]
    WouldOverwriteArticle { path: PathBuf },
}

/// One annotation as exports see it: offsets in characters.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub annotation: &'a Annotation,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset just past the last character.
    pub end: usize,
}

/// What every export is rendered from.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub article: &'a Article,
    /// The article's file name (`belarus-2020-08-16.txt`): the W3C target
    /// source, the CSV `article` column, the report's "File".
    pub file_name: String,
    /// The article's file name without extension: exports are `<stem>.<ext>`.
    pub stem: String,
    /// The article as an absolute IRI, the W3C target `source`: its
    /// canonical web address when its metadata has one, else a `file://`
    /// URL of its absolute path (percent-encoded).
    pub source: String,
    /// The anchored annotations in text order (orphans have no place in the
    /// text and are not exported).
    pub entries: Vec<Entry<'a>>,
}

impl<'a> Document<'a> {
    pub fn new(article: &'a Article, article_path: &Path, set: &'a AnnotationSet) -> Self {
        let file_name = article_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article.txt".to_owned());
        let stem = article_path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "article".to_owned());
        let entries = set
            .annotations()
            .iter()
            .map(|annotation| Entry {
                annotation,
                start: article.char_of_byte(annotation.span.start).unwrap_or(0),
                end: article.char_of_byte(annotation.span.end).unwrap_or(0),
            })
            .collect();
        Self {
            source: source_iri(article, article_path, &file_name),
            article,
            file_name,
            stem,
            entries,
        }
    }

    /// The article's title, or its file name when it has none.
    pub fn title(&self) -> &str {
        match self.article.meta().title.as_str() {
            "" => &self.file_name,
            title => title,
        }
    }

    /// Annotations per tag, indexed by [`Tag::index`].
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for entry in &self.entries {
            counts[entry.annotation.tag.index()] += 1;
        }
        counts
    }

    /// The entries with one tag, in text order.
    pub fn entries_tagged(&self, tag: Tag) -> impl Iterator<Item = &Entry<'a>> {
        self.entries.iter().filter(move |e| e.annotation.tag == tag)
    }
}

/// The article as an absolute IRI: see [`Document::source`]. The path is
/// made absolute against the working folder (no disk access); a path that
/// cannot be a URL falls back to its percent-encoded file name.
fn source_iri(article: &Article, article_path: &Path, file_name: &str) -> String {
    let web = article
        .meta()
        .url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok());
    if let Some(web) = web.filter(|u| matches!(u.scheme(), "http" | "https")) {
        return web.into();
    }
    std::path::absolute(article_path)
        .ok()
        .and_then(|p| url::Url::from_file_path(p).ok())
        .map(String::from)
        .unwrap_or_else(|| {
            let mut base = url::Url::parse("file:///").expect("a valid URL");
            base.set_path(file_name);
            base.into()
        })
}

/// One file an export makes, before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// File name inside the export folder.
    pub name: String,
    pub contents: String,
    /// Whether the file configures the whole folder (brat's
    /// `annotation.conf`, Label Studio's labeling configuration) rather
    /// than exporting one set: such a file is written only over one
    /// factmark wrote, never over the user's own.
    pub folder_config: bool,
}

impl ExportFile {
    /// A file of one set's export.
    pub fn new(name: impl Into<String>, contents: String) -> Self {
        Self {
            name: name.into(),
            contents,
            folder_config: false,
        }
    }

    /// A folder's configuration file; `contents` begins with
    /// [`brat::WRITTEN_BY_FACTMARK`] (in an XML comment for XML files).
    pub fn folder_config(name: impl Into<String>, contents: String) -> Self {
        Self {
            folder_config: true,
            ..Self::new(name, contents)
        }
    }
}

/// What [`write_files`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// The files the export consists of, in the folder now.
    pub paths: Vec<PathBuf>,
    /// Folder configuration files left as they were because someone else
    /// made them (a user's own brat `annotation.conf`).
    pub kept: Vec<PathBuf>,
    /// What the format could not carry (doccano: notes), as sentences.
    pub lost: Vec<String>,
}

impl Written {
    /// A sentence about the configuration files left alone and what the
    /// format could not carry, if anything.
    pub fn notice(&self) -> Option<String> {
        let names: Vec<String> = self.kept.iter().map(|p| p.display().to_string()).collect();
        let kept = (!names.is_empty()).then(|| {
            format!(
                "kept {} as it was (not written by factmark); check that it declares the types Claim, Figure, Quote and Source",
                names.join(" and ")
            )
        });
        let all: Vec<String> = kept.into_iter().chain(self.lost.iter().cloned()).collect();
        (!all.is_empty()).then(|| all.join("; "))
    }
}

/// What `format` cannot carry of a document, as sentences for the user
/// (doccano has no notes on spans).
pub fn lost(format: ExportFormat, doc: &Document) -> Vec<String> {
    match format {
        ExportFormat::Doccano => doccano::notices(doc),
        _ => Vec::new(),
    }
}

/// The files of one document in one format, in memory.
pub fn render(format: ExportFormat, doc: &Document) -> Vec<ExportFile> {
    let file =
        |ext: &str, contents: String| ExportFile::new(format!("{}.{ext}", doc.stem), contents);
    match format {
        ExportFormat::Json => vec![file("json", json::render(doc))],
        ExportFormat::Csv => vec![file("csv", csv::render(&csv::rows(doc)))],
        ExportFormat::Markdown => vec![file("md", markdown::render(doc))],
        ExportFormat::Html => vec![file("html", html::render(doc))],
        ExportFormat::Brat => vec![
            file("ann", brat::render(doc)),
            file("txt", doc.article.text().to_owned()),
            ExportFile::folder_config("annotation.conf", brat::annotation_conf()),
            ExportFile::folder_config("visual.conf", brat::visual_conf()),
        ],
        ExportFormat::Doccano => vec![file("jsonl", doccano::render(doc))],
        ExportFormat::LabelStudio => vec![
            file("label-studio.json", label_studio::render(doc)),
            ExportFile::folder_config(label_studio::CONFIG_FILE, label_studio::config()),
        ],
    }
}

/// Exports one set into `out_dir` (created when missing) as
/// `<article stem>.<ext>`; returns the paths written. Existing exports of
/// the same name are replaced atomically; the article itself never is.
/// [`export_set_written`] also tells which folder configuration files were
/// kept as the user made them.
pub fn export_set(
    format: ExportFormat,
    article: &Article,
    article_path: &Path,
    set: &AnnotationSet,
    out_dir: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    export_set_written(format, article, article_path, set, out_dir).map(|w| w.paths)
}

/// [`export_set`], with what was written and what was kept.
pub fn export_set_written(
    format: ExportFormat,
    article: &Article,
    article_path: &Path,
    set: &AnnotationSet,
    out_dir: &Path,
) -> Result<Written, ExportError> {
    let doc = Document::new(article, article_path, set);
    let mut written = write_files(&render(format, &doc), article_path, out_dir)?;
    written.lost = lost(format, &doc);
    Ok(written)
}

/// Whether a folder configuration file on disk was written by factmark:
/// it begins with [`brat::WRITTEN_BY_FACTMARK`], bare or in an XML comment.
fn written_by_factmark(old: &[u8]) -> bool {
    let marker = brat::WRITTEN_BY_FACTMARK.trim_start_matches("# ");
    old.starts_with(brat::WRITTEN_BY_FACTMARK.as_bytes())
        || old.starts_with(format!("<!-- {marker}").as_bytes())
}

/// Writes rendered files into `out_dir` (created when missing), refusing to
/// replace `article_path`. A folder configuration file replaces only a file
/// factmark wrote (it begins with [`brat::WRITTEN_BY_FACTMARK`], bare or in
/// an XML comment); one the
/// same is left untouched, and any other is kept and listed in
/// [`Written::kept`].
pub fn write_files(
    files: &[ExportFile],
    article_path: &Path,
    out_dir: &Path,
) -> Result<Written, ExportError> {
    std::fs::create_dir_all(out_dir).map_err(|source| ExportError::CreateFolder {
        path: out_dir.to_owned(),
        source,
    })?;
    let is_article = |path: &Path| crate::io::same_file(path, article_path);
    // Every file is checked before any is written, so a refused export
    // leaves the folder as it was.
    for file in files {
        let path = out_dir.join(&file.name);
        // brat's `.txt` beside its own article: fine when it is already
        // exactly the text, never written over when it is not.
        if is_article(&path)
            && std::fs::read(&path).ok().as_deref() != Some(file.contents.as_bytes())
        {
            return Err(ExportError::WouldOverwriteArticle { path });
        }
    }
    let mut written = Written::default();
    for file in files {
        let path = out_dir.join(&file.name);
        if file.folder_config {
            match std::fs::read(&path) {
                Ok(old) if old == file.contents.as_bytes() => {}
                Ok(old) if !written_by_factmark(&old) => {
                    written.kept.push(path);
                    continue;
                }
                _ => {
                    write_output_atomically(&path, file.contents.as_bytes()).map_err(|source| {
                        ExportError::Write {
                            path: path.clone(),
                            source,
                        }
                    })?
                }
            }
        } else if !is_article(&path) {
            write_atomically(&path, file.contents.as_bytes(), |_| Ok(())).map_err(|source| {
                ExportError::Write {
                    path: path.clone(),
                    source,
                }
            })?;
        }
        written.paths.push(path);
    }
    Ok(written)
}

/// A one-line text for a cell, a list item or a brat column: line breaks
/// and tabs become spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_their_names() {
        for format in ExportFormat::ALL {
            assert_eq!(format.name().parse::<ExportFormat>(), Ok(format));
        }
        assert_eq!("Markdown".parse(), Ok(ExportFormat::Markdown));
        assert!("xlsx".parse::<ExportFormat>().is_err());
    }

    #[test]
    fn brat_writes_ann_files() {
        assert_eq!(ExportFormat::Brat.extension(), "ann");
        assert_eq!(ExportFormat::Markdown.extension(), "md");
    }

    #[test]
    fn only_factmarks_own_configuration_files_are_replaced() {
        assert!(written_by_factmark(brat::annotation_conf().as_bytes()));
        assert!(written_by_factmark(label_studio::config().as_bytes()));
        assert!(!written_by_factmark(b"<View>\n</View>\n"));
        assert!(!written_by_factmark(b"[entities]\nClaim\n"));
    }
}
