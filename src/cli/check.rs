//! `factmark check SET.ron`: validate a set against its article; and
//! `factmark relink SET.ron ARTICLE`: point a set at its article's new place.

use std::io::Write;
use std::path::Path;

use super::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use crate::io::{
    DiskStamp, LoadedSet, SetError, SetLock, load_set, load_set_with_article, save_loaded_set,
};
use crate::model::Tag;

/// `factmark check SET`: one summary line on `out`, problems on `err`.
pub fn check(set_path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match load_set(set_path) {
        Ok((_, article_path, loaded)) => summary(set_path, &article_path, &loaded, out, err),
        Err(error) => refused(&error, err),
    }
}

/// `factmark relink SET ARTICLE`: anchors the set in the article at its
/// new place and saves it naming that place (the old file stays as the
/// `.bak`), then prints what `check` prints. A file holding none of the
/// annotations' text is refused as another article, and the set is left
/// as it was.
pub fn relink(
    set_path: &Path,
    article_path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    // Held from the load to the save, so no other factmark writes between.
    let _lock = match SetLock::acquire(set_path) {
        Ok(lock) => lock,
        Err(error) => return refused(&error, err),
    };
    let stamp = DiskStamp::of(set_path);
    let (article, loaded) = match load_set_with_article(set_path, article_path) {
        Ok(found) => found,
        // The usual hint for a missing article is to run relink: this is
        // relink, given a path where there is nothing.
        Err(error) if error.missing_article().is_some() => {
            let _ = writeln!(
                err,
                "error: {}: no such file; give the path where the article is now (the set was left as it was)",
                article_path.display()
            );
            return EXIT_UNREADABLE;
        }
        Err(error) => return refused(&error, err),
    };
    if let Err(error) = save_loaded_set(set_path, article_path, &article, &loaded.set, stamp) {
        let _ = writeln!(err, "error: {error}");
        return EXIT_UNREADABLE;
    }
    summary(set_path, article_path, &loaded, out, err)
}

/// Reports a set that cannot be loaded; its exit code.
fn refused(error: &SetError, err: &mut dyn Write) -> u8 {
    let _ = writeln!(err, "error: {}", super::set_error_message(error));
    match error {
        SetError::Invalid { .. } | SetError::DuplicateId { .. } | SetError::OtherArticle { .. } => {
            EXIT_INVALID
        }
        _ => EXIT_UNREADABLE,
    }
}

/// One summary line on `out`, each orphan on `err`; the exit code.
fn summary(
    set_path: &Path,
    article_path: &Path,
    loaded: &LoadedSet,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let set = &loaded.set;
    let counts = set.counts();
    let per_tag: Vec<String> = Tag::ALL
        .iter()
        .map(|tag| format!("{} {}", counts[tag.index()], tag.label().to_lowercase()))
        .collect();
    let orphans = set.orphans().len();
    let mut article_state = match (loaded.article_changed, loaded.moved) {
        (false, 0) => "article unchanged".to_owned(),
        // Offsets that miss their own text in an unchanged article: the
        // set was edited by hand. Found by their text all the same.
        (false, moved) => {
            format!("article unchanged, {moved} re-anchored (their offsets did not fit their text)")
        }
        (true, 0) => "article changed".to_owned(),
        (true, moved) => format!("article changed, {moved} re-anchored"),
    };
    if loaded.merged > 0 {
        article_state += &format!(
            ", {} merged (stored twice, notes kept)",
            crate::plural(
                loaded.merged,
                "copy of an annotation",
                "copies of annotations"
            )
        );
    }
    if loaded.rejections_lost > 0 {
        article_state += &format!(
            ", {} no longer in the article (dropped at the next save)",
            crate::plural(
                loaded.rejections_lost,
                "rejected suggestion",
                "rejected suggestions"
            )
        );
    }
    let _ = writeln!(
        out,
        "{}: {} ({}), {}; {} ({})",
        set_path.display(),
        crate::plural(set.len(), "annotation", "annotations"),
        per_tag.join(", "),
        crate::plural(orphans, "orphan", "orphans"),
        article_state,
        article_path.display(),
    );
    for orphan in set.orphans() {
        let _ = writeln!(
            err,
            "orphan {} ({}): {:?} is no longer in the article",
            orphan.id, orphan.tag, orphan.quote.exact
        );
    }
    if orphans > 0 { EXIT_INVALID } else { EXIT_OK }
}
