//! The command line: argument parsing and the subcommands that run without
//! a window. Each subcommand returns its exit code; only `main` exits.
//!
//! Exit codes: 0 success, 1 the input is invalid or has orphans, 2 the
//! input cannot be read or parsed. Each subcommand lives in its own file
//! and is dispatched by [`run`].

mod check;
mod compare;
mod export;
mod find;
mod import;
mod suggest;
mod text;

use std::io::Write;
use std::path::PathBuf;

use clap::{ArgGroup, Parser, Subcommand};

use crate::io::{ExportFormat, ImportFormat};
use crate::model::Tag;

pub use check::{check, relink};
pub use compare::compare;
pub use export::export;
pub use find::{FindRequest, find};
pub use import::{ImportRequest, import, parse_mapping};
pub use suggest::suggest;
pub use text::text;

pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

/// Annotate news articles: tag claims, figures, quotes and sources.
#[derive(Debug, Parser)]
#[command(name = "factmark", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// An article (.txt, .md, .html, .docx) or an annotation set (.annotations.ron) to
    /// open in the window. Without it, the sample article opens.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check an annotation set against its article and print a summary.
    ///
    /// Exits 0 when every annotation is anchored, 1 when the set is invalid
    /// or has orphans, 2 when the set or its article cannot be read.
    Check {
        /// The annotation set file (.annotations.ron).
        set: PathBuf,
    },
    /// Point an annotation set at its article's new place, after the
    /// article was moved or renamed, and save it.
    ///
    /// The set is anchored in ARTICLE (annotations whose text is gone
    /// become orphans, as always) and saved naming ARTICLE; the previous
    /// file is kept as its .bak. A file holding fewer than half of the
    /// annotations' texts is refused and the set left as it was. Prints what `check`
    /// prints. Exits 0 when every annotation is anchored, 1 when there are
    /// orphans or ARTICLE is another article, 2 when a file cannot be read
    /// or written.
    Relink {
        /// The annotation set file (.annotations.ron).
        set: PathBuf,
        /// The article where it is now.
        article: PathBuf,
    },
    /// Suggest figures, quotes, sources and claims in an article (offline)
    /// and write them as an annotation set.
    ///
    /// Adds to an existing set without duplicating what is already there.
    /// Exits 0 on success, 1 when the set belongs to another article, 2 when
    /// the article or the set cannot be read or written.
    Suggest {
        /// The article: .txt, .md, .html, .htm, .html.gz or .docx.
        article: PathBuf,
        /// The set to write or add to [default: ARTICLE's .annotations.ron].
        #[arg(short, long, value_name = "SET.ron")]
        output: Option<PathBuf>,
        /// Which tags to suggest, comma-separated.
        #[arg(long, value_delimiter = ',', value_parser = suggest::parse_tag,
              default_value = "claim,figure,quote,source")]
        tags: Vec<Tag>,
        /// Only suggestions whose rule is at least this sure (0 to 1).
        #[arg(long, default_value = "0", value_parser = suggest::parse_score)]
        min_score: f32,
    },
    /// Find words in an article, as the window's Find does; with --tag,
    /// tag every match in the article's set.
    ///
    /// Case does not matter (unless --match-case), a space matches any run
    /// of white space, and straight quotation marks, apostrophes and dashes
    /// match typographic ones. Lists START, END (character offsets, as in
    /// `factmark text`) and the match in context, tab-separated; the count
    /// goes to stderr. With --tag, matches already tagged so are skipped.
    /// Exits 0 on success, 1 when the query is empty, the set belongs to
    /// another article or there are too many matches to tag, 2 when the
    /// article or the set cannot be read or written.
    Find {
        /// The article: .txt, .md, .html, .htm, .html.gz or .docx.
        article: PathBuf,
        /// The words to find.
        query: String,
        /// Upper and lower case differ.
        #[arg(long)]
        match_case: bool,
        /// Only matches that are not part of a longer word.
        #[arg(long)]
        whole_words: bool,
        /// Tag every match as claim, figure, quote or source.
        #[arg(long, value_parser = suggest::parse_tag)]
        tag: Option<Tag>,
        /// With --tag: the set to add to [default: ARTICLE's .annotations.ron].
        #[arg(short, long, value_name = "SET.ron", requires = "tag")]
        output: Option<PathBuf>,
    },
    /// Compare two annotation sets of the same article: per-tag precision,
    /// recall and F1 of OTHER against REFERENCE, and Cohen's kappa.
    ///
    /// Exits 0 on success, 1 when the sets annotate different texts, 2 when
    /// a set cannot be read.
    Compare {
        /// The reference set (e.g. a journalist's annotation).
        reference: PathBuf,
        /// The set to evaluate against it (e.g. suggestions).
        other: PathBuf,
        /// Smallest character intersection-over-union for two spans to match.
        #[arg(long, default_value = "0.5", value_parser = compare::parse_iou)]
        iou: f64,
    },
    /// Export annotation sets as json (W3C Web Annotation), csv, md, html,
    /// brat, doccano (JSONL) or label-studio (JSON) into a folder, one
    /// `<article>.<ext>` per set.
    ///
    /// Folders are searched recursively for *.annotations.ron; csv batches
    /// also write all.csv. Exits 0 when every set was exported, 1 when a set
    /// is invalid, 2 when a set, its article or OUT cannot be read or written.
    Export {
        /// Annotation set files, or folders holding them.
        #[arg(required = true)]
        sets: Vec<PathBuf>,
        /// json, csv, md, html, brat, doccano or label-studio.
        #[arg(short, long)]
        format: ExportFormat,
        /// The folder to write into (created when missing).
        #[arg(short, long = "output", value_name = "OUT")]
        out: PathBuf,
    },
    /// Import another tool's annotations of an article into a set.
    ///
    /// Exits 0 on success, 1 when a span does not match the article or the
    /// set exists (without --force), 2 when a file cannot be read, parsed or
    /// written, or the set --force would replace does not load.
    #[command(group(ArgGroup::new("source").required(true).args(["brat", "w3c", "doccano", "label_studio"])))]
    Import {
        /// The article the annotations belong to: .txt, .md, .html, .htm,
        /// .html.gz or .docx; the offsets count characters of its text as
        /// `factmark text` prints it.
        article: PathBuf,
        /// A brat standoff file (.ann) whose offsets count characters of ARTICLE.
        #[arg(long, value_name = "ANN")]
        brat: Option<PathBuf>,
        /// A W3C Web Annotation JSON file (as `factmark export --format json` writes).
        #[arg(long, value_name = "FILE")]
        w3c: Option<PathBuf>,
        /// A doccano sequence labeling JSONL file; the line whose text is
        /// ARTICLE's is read.
        #[arg(long, value_name = "FILE")]
        doccano: Option<PathBuf>,
        /// A Label Studio JSON export (or task); the task whose data holds
        /// ARTICLE's text is read.
        #[arg(long = "label-studio", value_name = "FILE")]
        label_studio: Option<PathBuf>,
        /// Read another type as a tag, e.g. --map Content=Quote (repeatable).
        #[arg(long = "map", value_name = "TYPE=TAG", value_parser = parse_mapping)]
        map: Vec<(String, Tag)>,
        /// The set file to write; default ARTICLE-stem.annotations.ron beside ARTICLE.
        #[arg(short, long = "output", value_name = "SET")]
        out: Option<PathBuf>,
        /// Replace an existing set file.
        #[arg(long)]
        force: bool,
        /// Skip spans that do not fit the article (reported) instead of failing.
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Print the article text exactly as factmark sees it (offsets refer to
    /// it), extracted from a web page, Markdown or Word file.
    ///
    /// The metadata (title, byline, date, site, URL, language) goes to
    /// stderr; with --meta it goes to stdout as JSON instead of the text.
    /// Exits 0 on success, 1 when OUT is the article or an annotation set,
    /// 2 when the article cannot be read or OUT cannot be written.
    Text {
        /// The article: .txt, .md, .html, .htm, .html.gz or .docx (other
        /// extensions are read as plain text).
        article: PathBuf,
        /// Write the text to this file instead of stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Print the metadata as JSON on stdout instead of the text.
        #[arg(long)]
        meta: bool,
    },
}

/// Runs a subcommand writing to a real output stream: like [`run`], and
/// when the output could not be written (a full disk, a closed file) the
/// command fails with exit 2, whatever it had done, instead of reporting
/// success over a truncated output. A reader that stops early (`| head`)
/// is no failure.
pub fn run_checked(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut checked = CheckedWrite {
        inner: out,
        failure: None,
    };
    let code = run(command, &mut checked, err);
    let _ = checked.flush();
    match checked.failure {
        Some(failure) if failure.kind() != std::io::ErrorKind::BrokenPipe => {
            let words = crate::io::store::in_words(&failure);
            let _ = writeln!(err, "error: cannot write the output: {words}");
            EXIT_UNREADABLE
        }
        _ => code,
    }
}

/// A writer that remembers its first failure, which the commands'
/// `writeln!`s (whose results they ignore) would otherwise lose.
struct CheckedWrite<'a> {
    inner: &'a mut dyn Write,
    failure: Option<std::io::Error>,
}

impl CheckedWrite<'_> {
    fn note<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        result.inspect_err(|error| {
            let copy = std::io::Error::new(error.kind(), error.to_string());
            self.failure.get_or_insert(copy);
        })
    }
}

impl Write for CheckedWrite<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failure.is_some() {
            // Stop writing after the first failure: the output is lost.
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.note(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failure.is_some() {
            return Ok(());
        }
        let result = self.inner.flush();
        self.note(result)
    }
}

/// Runs a subcommand; returns its exit code.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        Command::Check { set } => check(&set, out, err),
        Command::Relink { set, article } => relink(&set, &article, out, err),
        Command::Suggest {
            article,
            output,
            tags,
            min_score,
        } => suggest(&article, output.as_deref(), &tags, min_score, out, err),
        Command::Find {
            article,
            query,
            match_case,
            whole_words,
            tag,
            output,
        } => {
            let request = FindRequest {
                article: &article,
                query: &query,
                options: crate::model::search::Options {
                    match_case,
                    whole_words,
                },
                tag,
                output: output.as_deref(),
            };
            find(&request, out, err)
        }
        Command::Compare {
            reference,
            other,
            iou,
        } => compare(&reference, &other, iou, out, err),
        Command::Export {
            sets,
            format,
            out: folder,
        } => export(&sets, format, &folder, out, err),
        Command::Import {
            article,
            brat,
            w3c,
            doccano,
            label_studio,
            map,
            out: output,
            force,
            skip_invalid,
        } => {
            let given = [
                (ImportFormat::Brat, brat),
                (ImportFormat::W3c, w3c),
                (ImportFormat::Doccano, doccano),
                (ImportFormat::LabelStudio, label_studio),
            ];
            let Some((format, source)) = given
                .into_iter()
                .find_map(|(format, path)| Some((format, path?)))
            else {
                let _ = writeln!(
                    err,
                    "error: give the annotations with --brat ANN, --w3c FILE, --doccano FILE or --label-studio FILE"
                );
                return EXIT_UNREADABLE;
            };
            let request = ImportRequest {
                article,
                format,
                source,
                map,
                output,
                force,
                skip_invalid,
            };
            import(&request, out, err)
        }
        Command::Text {
            article,
            output,
            meta,
        } => text(&article, output.as_deref(), meta, out, err),
    }
}

/// `factmark PATH` where nothing is at PATH: the message and exit code to
/// give before the window would open on nothing. A PATH that is no file
/// but close to a command's name, with no extension or folder, is most
/// likely that command misspelt (`factmark chekc x.ron`): it is named,
/// and that is a mistake in the arguments (exit 1); otherwise the file is
/// missing (exit 2). `None` when PATH exists, is a command or an option.
pub fn missing_window_path(first_arg: &std::ffi::OsStr) -> Option<(String, u8)> {
    use clap::CommandFactory;
    let arg = first_arg.to_string_lossy();
    let cli = Cli::command();
    let commands: Vec<&str> = cli
        .get_subcommands()
        .map(clap::Command::get_name)
        .chain(["help"])
        .collect();
    let path = std::path::Path::new(first_arg);
    if arg.starts_with('-') || commands.contains(&arg.as_ref()) || path.symlink_metadata().is_ok() {
        return None;
    }
    let bare_word = path.extension().is_none() && !arg.contains(['/', std::path::MAIN_SEPARATOR]);
    let closest = commands
        .iter()
        .map(|&command| (edit_distance(&arg.to_lowercase(), command), command))
        .min()
        .filter(|&(distance, command)| distance <= 2 && distance < command.len() / 2 + 1);
    match closest {
        Some((_, command)) if bare_word => Some((
            format!(
                "error: no such file or command: {arg}; did you mean `factmark {command}`? (see factmark --help)"
            ),
            EXIT_INVALID,
        )),
        _ => Some((format!("error: no such file: {arg}"), EXIT_UNREADABLE)),
    }
}

/// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows = vec![(0..=b.len()).collect::<Vec<usize>>()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let substitute = rows[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            row[j] = substitute.min(rows[i - 1][j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

/// Why the window could not open, in words for the user: without a
/// display that is said plainly; otherwise the windowing library's
/// message, without the source file location it carries.
pub fn window_error_message(error: &str, display_found: bool) -> String {
    if !display_found {
        return "error: could not open the window: no display found (DISPLAY/WAYLAND_DISPLAY unset). The commands work without one: factmark --help".to_owned();
    }
    // winit: "os error at /root/.cargo/registry/…/mod.rs:765: message".
    let cleaned = match error.find(" at /").or_else(|| error.find(" at ")) {
        Some(at) if error[at..].contains(".rs:") => {
            let rest = &error[at..];
            let location_end = rest
                .find(".rs:")
                .and_then(|rs| rest[rs..].find(": ").map(|colon| rs + colon + 2));
            match location_end {
                Some(end) => format!("{}: {}", &error[..at], &rest[end..]),
                None => error.to_owned(),
            }
        }
        _ => error.to_owned(),
    };
    format!("error: could not open the window: {cleaned}")
}

/// Opens the article a command was given. What the reader should know
/// about the reading goes to `err` as a note; a file that cannot be opened
/// is reported there, with the exit code: 1 for a file that is no article
/// (an annotation file), 2 for one that cannot be read.
fn read_article(
    path: &std::path::Path,
    err: &mut dyn Write,
) -> Result<(crate::model::Article, crate::io::Decoded), u8> {
    match crate::io::open_article(path) {
        Ok((article, decoded)) => {
            if let Some(notice) = &decoded.notice {
                let _ = writeln!(err, "note: {}: {notice}", path.display());
            }
            Ok((article, decoded))
        }
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            Err(match error.problem {
                crate::io::DecodeProblem::NotAnArticle(_) => EXIT_INVALID,
                _ => EXIT_UNREADABLE,
            })
        }
    }
}

/// Refuses `output` when it is the article itself, which no command writes
/// over: says so on `err`, with what to do `instead`, and returns exit 1.
fn refuse_the_article(
    article: &std::path::Path,
    output: &std::path::Path,
    instead: &str,
    err: &mut dyn Write,
) -> Result<(), u8> {
    if !crate::io::same_file(output, article) {
        return Ok(());
    }
    let _ = writeln!(
        err,
        "error: {}: this is the article itself; {instead}",
        output.display()
    );
    Err(EXIT_INVALID)
}

/// What to do instead of writing a set over its article.
fn write_the_set_elsewhere(article: &std::path::Path) -> String {
    format!(
        "write the set to another file (by default {})",
        crate::io::default_set_path(article).display()
    )
}

/// Why a set file cannot be loaded, for the user. A file that does not
/// parse as a set and is not named like one is most likely the article
/// given in its set's place: say that rather than quote the parser.
fn set_error_message(error: &crate::io::SetError) -> String {
    if let crate::io::SetError::Syntax { path, .. } | crate::io::SetError::Empty { path } = error {
        let named_like_a_set = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().to_lowercase().ends_with(".ron"));
        if !named_like_a_set {
            return format!(
                "{}: this is not an annotation set (is it the article? Its set is {})",
                path.display(),
                crate::io::default_set_path(path).display()
            );
        }
    }
    error.to_string()
}

/// Parses a number from 0 to 1 given on the command line (`--iou`,
/// `--min-score`); 0 itself only when `zero` allows it. The message names
/// the range.
fn parse_fraction(s: &str, zero: bool) -> Result<f64, String> {
    let value: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number"))?;
    let low_ok = if zero { value >= 0.0 } else { value > 0.0 };
    if low_ok && value <= 1.0 {
        Ok(value)
    } else if zero {
        Err(format!("{value} is outside [0, 1]"))
    } else {
        Err(format!("{value} is outside (0, 1]"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every write with `kind`.
    struct Failing(std::io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn text_of_sample(out: &mut dyn Write) -> (u8, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, crate::SAMPLE_ARTICLE).unwrap();
        let command = Command::Text {
            article: path,
            output: None,
            meta: false,
        };
        let mut err = Vec::new();
        let code = run_checked(command, out, &mut err);
        (code, String::from_utf8(err).unwrap())
    }

    #[test]
    fn output_that_cannot_be_written_fails_the_command() {
        let (code, err) = text_of_sample(&mut Failing(std::io::ErrorKind::StorageFull));
        assert_eq!(code, EXIT_UNREADABLE);
        assert!(err.contains("error: cannot write the output"), "{err}");
    }

    #[test]
    fn a_reader_that_stops_early_is_no_failure() {
        let (code, err) = text_of_sample(&mut Failing(std::io::ErrorKind::BrokenPipe));
        assert_eq!(code, EXIT_OK);
        assert!(!err.contains("cannot write"), "{err}");
    }

    #[test]
    fn output_that_is_written_changes_nothing() {
        let mut out = Vec::new();
        let (code, _) = text_of_sample(&mut out);
        assert_eq!(code, EXIT_OK);
        assert_eq!(out, crate::SAMPLE_ARTICLE.replace("\r\n", "\n").as_bytes());
    }

    #[test]
    fn a_misspelt_command_is_named_before_any_window_opens() {
        let (message, code) = missing_window_path("chekc".as_ref()).unwrap();
        assert_eq!(code, EXIT_INVALID);
        assert!(
            message.contains("did you mean `factmark check`?"),
            "{message}"
        );
        let (message, code) = missing_window_path("exprot".as_ref()).unwrap();
        assert!(message.contains("`factmark export`"), "{message}");
        assert_eq!(code, EXIT_INVALID);
    }

    #[test]
    fn a_missing_file_is_named_and_not_taken_for_a_command() {
        for name in ["nonexistent.txt", "news/check", "zebra"] {
            let (message, code) = missing_window_path(name.as_ref()).unwrap();
            assert_eq!(message, format!("error: no such file: {name}"));
            assert_eq!(code, EXIT_UNREADABLE);
        }
    }

    #[test]
    fn existing_files_commands_and_options_go_on_as_before() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "text").unwrap();
        for arg in [
            file.as_os_str(),
            "check".as_ref(),
            "--help".as_ref(),
            "help".as_ref(),
        ] {
            assert_eq!(missing_window_path(arg), None, "{arg:?}");
        }
    }

    #[test]
    fn window_errors_carry_no_build_paths() {
        let winit = "winit EventLoopError: os error at /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/winit-0.30.13/src/platform_impl/linux/mod.rs:765: neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set.";
        let message = window_error_message(winit, false);
        assert!(message.contains("no display found"), "{message}");
        assert!(message.contains("factmark --help"), "{message}");
        let message = window_error_message(winit, true);
        assert_eq!(
            message,
            "error: could not open the window: winit EventLoopError: os error: neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set."
        );
        assert!(!message.contains(".cargo"));
    }
}
