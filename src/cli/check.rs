//! `factmark check SET.ron`: validate a set against its article.

use std::io::Write;
use std::path::Path;

use super::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use crate::io::{SetError, load_set};
use crate::model::Tag;

/// `factmark check SET`: one summary line on `out`, problems on `err`.
pub fn check(set_path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (_, article_path, loaded) = match load_set(set_path) {
        Ok(loaded) => loaded,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return match error {
                SetError::Invalid { .. } | SetError::DuplicateId { .. } => EXIT_INVALID,
                _ => EXIT_UNREADABLE,
            };
        }
    };
    let set = &loaded.set;
    let counts = set.counts();
    let per_tag: Vec<String> = Tag::ALL
        .iter()
        .map(|tag| format!("{} {}", counts[tag.index()], tag.label().to_lowercase()))
        .collect();
    let orphans = set.orphans().len();
    let article_state = match (loaded.article_changed, loaded.moved) {
        (false, _) => "article unchanged".to_owned(),
        (true, 0) => "article changed".to_owned(),
        (true, moved) => format!("article changed, {moved} re-anchored"),
    };
    let _ = writeln!(
        out,
        "{}: {} annotations ({}), {} orphans; {} ({})",
        set_path.display(),
        set.len(),
        per_tag.join(", "),
        orphans,
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
