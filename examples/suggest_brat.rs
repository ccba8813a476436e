//! Writes factmark's suggestions for an article, or for every `.txt` in a
//! folder, as brat standoff files (`NAME.ann`, character offsets), so that
//! `shared/tools/score.py` can compare them with a gold annotation.
//!
//!     cargo run --example suggest_brat -- ARTICLE_OR_FOLDER OUT_FOLDER
//!
//! A private, minimal writer for measuring quality; factmark's own brat
//! export lives in `io`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factmark::suggest::suggest;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [input, out] = args.as_slice() else {
        eprintln!("usage: suggest_brat ARTICLE_OR_FOLDER OUT_FOLDER");
        return ExitCode::from(2);
    };
    let articles: Vec<PathBuf> = if input.is_dir() {
        let Ok(entries) = std::fs::read_dir(input) else {
            eprintln!("error: {}: cannot read the folder", input.display());
            return ExitCode::from(2);
        };
        let mut list: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        list.sort();
        list
    } else {
        vec![input.clone()]
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: {}: {e}", out.display());
        return ExitCode::from(2);
    }
    for path in &articles {
        if let Err(message) = write_ann(path, out) {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    }
    eprintln!("{} article(s) written to {}", articles.len(), out.display());
    ExitCode::SUCCESS
}

fn write_ann(path: &Path, out: &Path) -> Result<(), String> {
    let (article, _) = factmark::io::open_article(path).map_err(|e| e.to_string())?;
    let mut ann = String::new();
    for (n, s) in suggest(&article, &[]).iter().enumerate() {
        let start = article.char_of_byte(s.span.start).unwrap_or(0);
        let end = article.char_of_byte(s.span.end).unwrap_or(0);
        let exact = article.text()[s.span.range()].replace('\n', " ");
        let _ = writeln!(ann, "T{}\t{} {start} {end}\t{exact}", n + 1, s.tag.label());
        // The rule and score as a brat note, for per-rule diagnostics.
        let _ = writeln!(
            ann,
            "#{}\tAnnotatorNotes T{}\t{} {:.2}",
            n + 1,
            n + 1,
            s.rule,
            s.score
        );
    }
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let target = out.join(format!("{stem}.ann"));
    std::fs::write(&target, ann).map_err(|e| format!("{}: {e}", target.display()))
}
