//! `factmark import ARTICLE (--brat ANN | --w3c FILE | --doccano FILE |
//! --label-studio FILE) [--map Type=Tag]…
//! [-o SET.ron] [--force] [--skip-invalid]`: another tool's annotations of
//! an article into a factmark set, by default `ARTICLE-stem.annotations.ron`
//! beside the article. An existing set is replaced only with `--force`,
//! and only if it loads: a file that does not is never written over.

use std::io::Write;
use std::path::PathBuf;

use super::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use crate::io::store::check_target;
use crate::io::{
    ImportFormat, ImportOptions, SetError, SetLock, default_set_path, import_file, save_set,
};
use crate::model::Tag;

/// What `factmark import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub article: PathBuf,
    pub format: ImportFormat,
    pub source: PathBuf,
    pub map: Vec<(String, Tag)>,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub skip_invalid: bool,
}

/// Parses a `--map Type=Tag` argument.
pub fn parse_mapping(arg: &str) -> Result<(String, Tag), String> {
    let (kind, tag) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}` is not Type=Tag (for example Content=Quote)"))?;
    if kind.trim().is_empty() {
        return Err(format!("`{arg}` names no type before `=`"));
    }
    let tag = tag.parse::<Tag>().map_err(|e| e.to_string())?;
    Ok((kind.trim().to_owned(), tag))
}

/// `factmark import`: returns the exit code.
pub fn import(request: &ImportRequest, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let fail = |err: &mut dyn Write, code: u8, message: &dyn std::fmt::Display| {
        let _ = writeln!(err, "error: {message}");
        code
    };
    let (article, _) = match super::read_article(&request.article, err) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let set_path = request
        .output
        .clone()
        .unwrap_or_else(|| default_set_path(&request.article));
    let instead = super::write_the_set_elsewhere(&request.article);
    if let Err(code) = super::refuse_the_article(&request.article, &set_path, &instead, err) {
        return code;
    }
    if let Err(error) = check_target(&set_path, &request.article) {
        let code = match error {
            SetError::Folder { .. } => EXIT_INVALID,
            _ => EXIT_UNREADABLE,
        };
        return fail(err, code, &error);
    }
    // Held until the save, so no other factmark writes the set meanwhile.
    let _lock = match SetLock::acquire(&set_path) {
        Ok(lock) => lock,
        Err(error) => return fail(err, EXIT_UNREADABLE, &error),
    };
    if set_path.exists() && !request.force {
        let message = format!(
            "{}: an annotation set is already there; pass --force to replace it (the old one is kept as .bak)",
            set_path.display()
        );
        return fail(err, EXIT_INVALID, &message);
    }
    let mut options = ImportOptions::new(crate::model::annotation::now());
    options.skip_invalid = request.skip_invalid;
    for (kind, tag) in &request.map {
        options = options.with_mapping(kind, *tag);
    }
    let imported = match import_file(request.format, &article, &request.source, &options) {
        Ok(imported) => imported,
        Err(error) => {
            let code = if error.is_unreadable() {
                EXIT_UNREADABLE
            } else {
                EXIT_INVALID
            };
            return fail(err, code, &error);
        }
    };
    for problem in &imported.report.invalid {
        let _ = writeln!(err, "warning: skipped {problem}");
    }
    if let Err(error) = save_set(&set_path, &request.article, &article, &imported.set) {
        return fail(err, EXIT_UNREADABLE, &error);
    }
    let _ = writeln!(
        out,
        "{}: imported {} from {}",
        set_path.display(),
        imported.report.summary(),
        request.source.display()
    );
    EXIT_OK
}
