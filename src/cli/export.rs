//! `factmark export SET.ron… --format F -o OUT`: write sets in another
//! format into a folder, one `<article stem>.<ext>` per set; folders are
//! searched recursively for `*.annotations.ron`. csv batches also get an
//! `all.csv` across every article. Batches show a progress bar on a
//! terminal and end with a one-line summary.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use crate::io::export::{self, Document, ExportFormat, csv};
use crate::io::{SetError, load_set};

/// The end of a set file's name.
const SET_SUFFIX: &str = ".annotations.ron";

/// `factmark export`: returns the exit code (the worst of all sets).
pub fn export(
    inputs: &[PathBuf],
    format: ExportFormat,
    out_dir: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let sets = match find_sets(inputs) {
        Ok(sets) => sets,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            return EXIT_UNREADABLE;
        }
    };
    if out_dir.exists() && !out_dir.is_dir() {
        let _ = writeln!(
            err,
            "error: {}: this is not a folder; exports go into a folder",
            out_dir.display()
        );
        return EXIT_INVALID;
    }
    if let Err(error) = std::fs::create_dir_all(out_dir) {
        let _ = writeln!(
            err,
            "error: {}: cannot create the export folder: {error}",
            out_dir.display()
        );
        return EXIT_UNREADABLE;
    }
    let progress = if sets.len() > 1 {
        ProgressBar::new(sets.len() as u64).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };

    let mut code = EXIT_OK;
    let mut exported = 0;
    let mut annotations = 0;
    let mut all_rows = Vec::new();
    let mut names: HashMap<String, PathBuf> = HashMap::new();
    let mut notices = std::collections::BTreeSet::new();
    for set_path in &sets {
        progress.set_message(set_path.display().to_string());
        let result = export_one(set_path, format, out_dir, &mut names);
        progress.inc(1);
        match result {
            Ok(done) => {
                exported += 1;
                annotations += done.annotations;
                all_rows.extend(done.rows);
                notices.extend(done.notice);
                if done.orphans > 0 {
                    progress.suspend(|| {
                        let _ = writeln!(
                            err,
                            "warning: {}: {} not exported (their text is no longer in the article)",
                            set_path.display(),
                            crate::plural(done.orphans, "orphan", "orphans")
                        );
                    });
                }
            }
            Err((exit, message)) => {
                code = code.max(exit);
                progress.suspend(|| {
                    let _ = writeln!(err, "error: {message}");
                });
            }
        }
    }
    progress.finish_and_clear();
    for notice in notices {
        let _ = writeln!(err, "note: {notice}");
    }

    let mut also = String::new();
    if format == ExportFormat::Csv && sets.len() > 1 && exported > 0 {
        let all = out_dir.join("all.csv");
        match export::write_files(
            &[export::ExportFile::new("all.csv", csv::render(&all_rows))],
            Path::new(""),
            out_dir,
        ) {
            Ok(_) => also = format!(", plus {}", all.display()),
            Err(error) => {
                let _ = writeln!(err, "error: {error}");
                code = code.max(EXIT_UNREADABLE);
            }
        }
    }
    let failed = sets.len() - exported;
    let failed = match failed {
        0 => String::new(),
        n => format!("; {n} failed"),
    };
    let _ = writeln!(
        out,
        "exported {} ({}) as {format} into {}{also}{failed}",
        crate::plural(exported, "set", "sets"),
        crate::plural(annotations, "annotation", "annotations"),
        out_dir.display(),
    );
    code
}

/// What exporting one set did.
struct Done {
    /// What the export left alone in the folder (a user's brat config)
    /// and what the format could not carry (doccano: notes).
    notice: Option<String>,
    annotations: usize,
    orphans: usize,
    rows: Vec<csv::Row>,
}

fn export_one(
    set_path: &Path,
    format: ExportFormat,
    out_dir: &Path,
    names: &mut HashMap<String, PathBuf>,
) -> Result<Done, (u8, String)> {
    let (article, article_path, loaded) = load_set(set_path).map_err(|error| {
        let exit = match error {
            SetError::Invalid { .. } | SetError::DuplicateId { .. } => EXIT_INVALID,
            _ => EXIT_UNREADABLE,
        };
        (exit, super::set_error_message(&error))
    })?;
    let doc = Document::new(&article, &article_path, &loaded.set);
    if let Some(first) = names.insert(doc.stem.clone(), set_path.to_owned()) {
        return Err((
            EXIT_INVALID,
            format!(
                "{}: its article has the same name as that of {}, and both would be written as {}.*; export them into separate folders",
                set_path.display(),
                first.display(),
                out_dir.join(&doc.stem).display()
            ),
        ));
    }
    let files = export::render(format, &doc);
    let mut written = export::write_files(&files, &article_path, out_dir).map_err(|error| {
        // Exporting over the article is a mistake in the arguments, as
        // for every command; the rest could not be written.
        let exit = match error {
            export::ExportError::WouldOverwriteArticle { .. } => EXIT_INVALID,
            _ => EXIT_UNREADABLE,
        };
        (exit, error.to_string())
    })?;
    written.lost = export::lost(format, &doc);
    Ok(Done {
        notice: written.notice(),
        annotations: doc.entries.len(),
        orphans: loaded.set.orphans().len(),
        rows: match format {
            ExportFormat::Csv => csv::rows(&doc),
            _ => Vec::new(),
        },
    })
}

/// The set files named on the command line: files as given, folders
/// searched recursively for `*.annotations.ron` (sorted, so a batch runs
/// in the same order every time).
fn find_sets(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut sets = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            sets.push(input.clone());
            continue;
        }
        let before = sets.len();
        for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
            let entry =
                entry.map_err(|e| format!("{}: cannot be searched: {e}", input.display()))?;
            let is_set = entry.file_type().is_file()
                && entry.file_name().to_string_lossy().ends_with(SET_SUFFIX);
            if is_set {
                sets.push(entry.into_path());
            }
        }
        if sets.len() == before {
            return Err(format!(
                "{}: no annotation sets (*{SET_SUFFIX}) in this folder",
                input.display()
            ));
        }
    }
    // The same file named twice (`./a` and `a`, or a folder and a set in
    // it) is one set, exported once.
    let mut seen = std::collections::HashSet::new();
    sets.retain(|set| seen.insert(std::fs::canonicalize(set).unwrap_or_else(|_| set.clone())));
    Ok(sets)
}
