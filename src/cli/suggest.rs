//! `factmark suggest ARTICLE [-o SET.ron] [--tags …] [--min-score S]`:
//! offline pre-annotation of an article into a set, new or existing.
//!
//! Suggestions already in the set (same span and tag) are not added twice,
//! so running it again is harmless, and suggestions the journalist rejected
//! in the window are not added back. A set that fails to load is never
//! written over.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use crate::io::{DiskStamp, SetError, SetLock, default_set_path, load_set, save_loaded_set};
use crate::model::{AnnotationSet, Article, Edit, Tag};
use crate::suggest::suggest as suggest_spans;

/// `factmark suggest`: writes the suggestions for `article_path` into
/// `output` (default: the article's set file); a summary line on `out`.
pub fn suggest(
    article_path: &Path,
    output: Option<&Path>,
    tags: &[Tag],
    min_score: f32,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (article, _) = match super::read_article(article_path, err) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let set_path = output.map_or_else(|| default_set_path(article_path), Path::to_path_buf);
    let suggestions: Vec<_> = suggest_spans(&article, tags)
        .into_iter()
        .filter(|s| s.score >= min_score)
        .collect();
    let hint = "hint: suggest fewer kinds at a time with --tags (e.g. --tags quote,source), or raise --min-score";
    let added_to = |set: &mut AnnotationSet, existed: bool| {
        let now = crate::model::annotation::now();
        let mut added = [0usize; 4];
        let (mut already, mut rejected) = (0, 0);
        for s in &suggestions {
            if set.contains(s.span, s.tag) {
                already += 1;
                continue;
            }
            if set.is_rejected(s.span, s.tag) {
                rejected += 1;
                continue;
            }
            let annotation = set.new_annotation(s.tag, s.span, article.text(), now);
            if set.apply(&Edit::Add(annotation), article.text()).is_ok() {
                added[s.tag.index()] += 1;
            }
        }
        // A set that gains nothing is left as it was (and its backup too).
        let changed = added.iter().sum::<usize>() > 0;
        ((added, already, rejected), changed || !existed)
    };
    let (added, already, rejected) =
        match add_to_set(&set_path, article_path, &article, hint, err, added_to) {
            Ok(counts) => counts,
            Err(code) => return code,
        };
    let per_tag: Vec<String> = Tag::ALL
        .iter()
        .map(|t| format!("{} {}", added[t.index()], t.label().to_lowercase()))
        .collect();
    let _ = writeln!(
        out,
        "{}: {} added ({}), {} already there, {} rejected before",
        set_path.display(),
        crate::plural(added.iter().sum::<usize>(), "suggestion", "suggestions"),
        per_tag.join(", "),
        already,
        rejected
    );
    EXIT_OK
}

/// How often a command adds its annotations again when another program
/// keeps changing the set between the load and the save.
const ATTEMPTS: usize = 5;

/// Adds annotations of `article` to the set at `set_path` without losing
/// what another writer adds at the same time (see [`crate::io::lock`]):
/// holds the set's lock, loads the set (or starts one, see
/// [`set_to_add_to`]), lets `add` add to it — it is told whether the file
/// existed and answers what to report and whether to save — and saves it.
/// When another program changed the file in between, the set is loaded
/// and `add` run again. Problems are written to `err` (with `too_large`,
/// a hint, after a set too large to save) and the exit code returned.
pub(super) fn add_to_set<R>(
    set_path: &Path,
    article_path: &Path,
    article: &Article,
    too_large: &str,
    err: &mut dyn Write,
    mut add: impl FnMut(&mut AnnotationSet, bool) -> (R, bool),
) -> Result<R, u8> {
    let fail = |err: &mut dyn Write, error: &SetError| {
        let _ = writeln!(err, "error: {error}");
        match error {
            SetError::Folder { .. } => EXIT_INVALID,
            _ => EXIT_UNREADABLE,
        }
    };
    if let Err(error) = crate::io::store::check_target(set_path, article_path) {
        return Err(fail(err, &error));
    }
    let _lock = SetLock::acquire(set_path).map_err(|error| fail(err, &error))?;
    let mut attempt = 1;
    loop {
        let stamp = DiskStamp::of(set_path);
        let Target {
            mut set,
            article_path: named,
            existed,
        } = set_to_add_to(set_path, article_path, article, err)?;
        let (report, save) = add(&mut set, existed);
        if !save {
            return Ok(report);
        }
        match save_loaded_set(set_path, &named, article, &set, stamp) {
            Ok(()) => return Ok(report),
            Err(SetError::Changed { .. }) if attempt < ATTEMPTS => attempt += 1,
            Err(error) => {
                let code = fail(err, &error);
                if matches!(error, SetError::TooLarge { .. }) {
                    let _ = writeln!(err, "{too_large}");
                }
                return Err(code);
            }
        }
    }
}

/// A set to add annotations to, and the article it will name.
struct Target {
    pub set: AnnotationSet,
    /// The article file the saved set names: the one it named already when
    /// it annotates the same text under another name (a copy), so adding to
    /// it never re-points it.
    pub article_path: PathBuf,
    /// The file exists already.
    pub existed: bool,
}

/// The set at `set_path` to add annotations of `article` to: a new one
/// when there is no file, the loaded one when it annotates this article.
/// Otherwise the error is written to `err` and the exit code returned: 1
/// for a set of another article, 2 for a file that does not load (which
/// is left unchanged).
fn set_to_add_to(
    set_path: &Path,
    article_path: &Path,
    article: &Article,
    err: &mut dyn Write,
) -> Result<Target, u8> {
    let instead = super::write_the_set_elsewhere(article_path);
    super::refuse_the_article(article_path, set_path, &instead, err)?;
    if !set_path.exists() {
        return Ok(Target {
            set: AnnotationSet::new(),
            article_path: article_path.to_owned(),
            existed: false,
        });
    }
    match load_set(set_path) {
        Ok((loaded_article, loaded_path, loaded)) => {
            if loaded_article.text() == article.text() {
                if !crate::io::same_file(&loaded_path, article_path) {
                    let _ = writeln!(
                        err,
                        "note: {} annotates {}, which has the same text as {}; it goes on naming {}",
                        set_path.display(),
                        loaded_path.display(),
                        article_path.display(),
                        loaded_path.display(),
                    );
                }
                return Ok(Target {
                    set: loaded.set,
                    article_path: loaded_path,
                    existed: true,
                });
            }
            let _ = writeln!(
                err,
                "error: {}: this set annotates {}, not {}; choose another output with -o",
                set_path.display(),
                loaded_path.display(),
                article_path.display()
            );
            Err(EXIT_INVALID)
        }
        Err(error) => {
            let _ = writeln!(
                err,
                "error: {}\nerror: {} was left unchanged; fix it or choose another output with -o",
                super::set_error_message(&error),
                set_path.display()
            );
            Err(EXIT_UNREADABLE)
        }
    }
}

/// Parses `--min-score 0.5`: a number from 0 to 1.
pub fn parse_score(s: &str) -> Result<f32, String> {
    super::parse_fraction(s, true).map(|v| v as f32)
}

/// Parses `--tags claim,figure` items.
pub fn parse_tag(s: &str) -> Result<Tag, String> {
    s.parse::<Tag>().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::save_set;
    use crate::model::Span;

    /// The annotation of `tag` on the first `exact` in `article`, added.
    fn tag_text(set: &mut AnnotationSet, article: &Article, tag: Tag, exact: &str) {
        let start = article.text().find(exact).unwrap();
        let span = Span::new(start, start + exact.len());
        let annotation = set.new_annotation(tag, span, article.text(), jiff::Timestamp::now());
        set.apply(&Edit::Add(annotation), article.text()).unwrap();
    }

    #[test]
    fn additions_are_made_again_to_a_set_another_program_changed_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let article_path = dir.path().join("a.txt");
        std::fs::write(
            &article_path,
            "The minister said 80% agreed. Officials said 5% did not.",
        )
        .unwrap();
        let (article, _) = crate::io::open_article(&article_path).unwrap();
        let set_path = default_set_path(&article_path);
        save_set(&set_path, &article_path, &article, &AnnotationSet::new()).unwrap();
        let mut calls = 0;
        let mut err = Vec::new();
        add_to_set(
            &set_path,
            &article_path,
            &article,
            "",
            &mut err,
            |set, existed| {
                calls += 1;
                if calls == 1 {
                    // A program that takes no lock saves its version meanwhile.
                    let mut theirs = AnnotationSet::new();
                    tag_text(&mut theirs, &article, Tag::Source, "Officials");
                    save_set(&set_path, &article_path, &article, &theirs).unwrap();
                }
                tag_text(set, &article, Tag::Figure, "80%");
                ((), existed)
            },
        )
        .unwrap();
        assert_eq!(calls, 2, "{}", String::from_utf8_lossy(&err));
        let (_, _, loaded) = load_set(&set_path).unwrap();
        let tags: Vec<Tag> = loaded.set.annotations().iter().map(|a| a.tag).collect();
        assert_eq!(tags, [Tag::Figure, Tag::Source]);
    }
}
