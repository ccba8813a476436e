//! `factmark check` and `factmark relink` end to end, through the real
//! binary.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const ARTICLE: &str = "belarus-2020-08-16.txt";

fn factmark() -> Command {
    Command::cargo_bin("factmark").unwrap()
}

/// Writes the sample article and a set with a figure, a quote and a source
/// into `dir`, through the library's own save.
fn write_sample_set(dir: &Path) -> std::path::PathBuf {
    use factmark::model::*;
    let article_path = dir.join(ARTICLE);
    fs::write(&article_path, factmark::SAMPLE_ARTICLE).unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let mut set = AnnotationSet::new();
    let now = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    for (tag, needle) in [
        (Tag::Figure, "80.1%"),
        (Tag::Quote, "\"falsification\""),
        (Tag::Source, "Amnesty International"),
    ] {
        let start = article.text().find(needle).unwrap();
        let id = set.allocate_id();
        let a = Annotation::new(
            id,
            tag,
            Span::new(start, start + needle.len()),
            article.text(),
            now,
        );
        set.apply(&Edit::Add(a), article.text()).unwrap();
    }
    let set_path = factmark::io::default_set_path(&article_path);
    factmark::io::save_set(&set_path, &article_path, &article, &set).unwrap();
    set_path
}

#[test]
fn check_on_a_good_set_prints_counts_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_sample_set(dir.path());
    factmark()
        .arg("check")
        .arg(&set)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "3 annotations (0 claim, 1 figure, 1 quote, 1 source), 0 orphans; article unchanged",
        ));
}

#[test]
fn check_on_an_orphaned_set_exits_1_and_names_the_orphan() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_sample_set(dir.path());
    let article = dir.path().join(ARTICLE);
    let changed = factmark::SAMPLE_ARTICLE.replace("80.1%", "eighty percent");
    fs::write(&article, format!("Update: corrected.\n{changed}")).unwrap();
    factmark()
        .arg("check")
        .arg(&set)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "2 annotations (0 claim, 0 figure, 1 quote, 1 source), 1 orphan; article changed, 2 re-anchored",
        ))
        .stderr(predicate::str::contains("\"80.1%\" is no longer in the article"));
}

#[test]
fn check_reports_offsets_that_do_not_fit_their_text_start_or_end() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_sample_set(dir.path());
    let good = fs::read_to_string(&set).unwrap();
    assert!(
        good.contains("start: 788,\n            end: 793,"),
        "{good}"
    );
    for (what, bad) in [
        (
            "end past the article",
            "start: 788,\n            end: 99999,",
        ),
        ("end inside the text", "start: 788,\n            end: 790,"),
        ("start off by one", "start: 789,\n            end: 794,"),
    ] {
        fs::write(
            &set,
            good.replace("start: 788,\n            end: 793,", bad),
        )
        .unwrap();
        factmark()
            .arg("check")
            .arg(&set)
            .assert()
            .append_context("case", what)
            .code(0)
            .stdout(predicate::str::contains(
                "0 orphans; article unchanged, 1 re-anchored (their offsets did not fit their text)",
            ));
    }
}

/// Two people's set files merged by hand (or by git) can hold the same
/// annotation twice: one annotation comes of it, with both notes, not an
/// orphan said to be "no longer in the article".
#[test]
fn an_annotation_stored_twice_is_merged_with_both_notes() {
    // A copy with a new id, and one that kept the id.
    for copy_id in ["id: 7,", "id: 1,"] {
        let dir = tempfile::tempdir().unwrap();
        let set = write_sample_set(dir.path());
        let good = fs::read_to_string(&set).unwrap();
        let first = good.find("        (\n            id: 1,").unwrap();
        let end = first + good[first..].find("\n        ),").unwrap() + "\n        ),".len();
        let entry = &good[first..end];
        let with_note = |id: &str, note: &str| {
            entry
                .replace("id: 1,", id)
                .replace("note: \"\",", &format!("note: \"{note}\","))
        };
        let twice = format!(
            "{}{}\n{}{}",
            &good[..first],
            with_note("id: 1,", "mine"),
            with_note(copy_id, "theirs"),
            &good[end..]
        );
        fs::write(&set, twice).unwrap();
        factmark()
            .arg("check")
            .arg(&set)
            .assert()
            .append_context("copy", copy_id)
            .code(0)
            .stdout(predicate::str::contains(
                "3 annotations (0 claim, 1 figure, 1 quote, 1 source), 0 orphans; article unchanged, 1 copy of an annotation merged (stored twice, notes kept)",
            ));
        // The next write keeps it once, with both notes.
        factmark()
            .args(["find", "--tag", "claim", "-o"])
            .arg(&set)
            .arg(dir.path().join(ARTICLE))
            .arg("Belarus")
            .assert()
            .success();
        let saved = fs::read_to_string(&set).unwrap();
        assert_eq!(saved.matches("exact: \"80.1%\"").count(), 1, "{saved}");
        assert!(saved.contains("note: \"mine\\n\\ntheirs\","), "{saved}");
    }
}

#[test]
fn check_counts_rejected_suggestions_whose_text_left_the_article() {
    use factmark::model::{Edit, Rejection, Span, Tag};
    let dir = tempfile::tempdir().unwrap();
    let set_path = write_sample_set(dir.path());
    let article_path = dir.path().join(ARTICLE);
    let (article, _, mut loaded) = factmark::io::load_set(&set_path).unwrap();
    let needle = "6,700";
    let start = article.text().find(needle).unwrap();
    let rejection = Rejection {
        tag: Tag::Figure,
        span: Span::new(start, start + needle.len()),
        exact: needle.to_owned(),
    };
    loaded
        .set
        .apply(&Edit::Reject(rejection), article.text())
        .unwrap();
    factmark::io::save_set(&set_path, &article_path, &article, &loaded.set).unwrap();
    let changed = factmark::SAMPLE_ARTICLE.replace(needle, "thousands of");
    fs::write(&article_path, changed).unwrap();
    factmark()
        .arg("check")
        .arg(&set_path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            ", 1 rejected suggestion no longer in the article (dropped at the next save)",
        ));
}

#[test]
fn check_on_a_malformed_set_gives_line_and_column_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_sample_set(dir.path());
    let text = fs::read_to_string(&set).unwrap();
    let broken = text.replacen("tag: Figure,", "tag: Figure", 1);
    fs::write(&set, broken).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("tag: Figure"))
        .unwrap()
        + 2;
    factmark()
        .arg("check")
        .arg(&set)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "belarus-2020-08-16.annotations.ron:{line}:"
        )));
}

#[test]
fn check_on_a_missing_file_names_it_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.annotations.ron");
    factmark()
        .arg("check")
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "nowhere.annotations.ron: no such file",
        ));
}

#[test]
fn check_on_a_set_whose_article_is_missing_names_both() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_sample_set(dir.path());
    fs::remove_file(dir.path().join(ARTICLE)).unwrap();
    factmark()
        .arg("check")
        .arg(&set)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the article of this set cannot be opened",
        ))
        .stderr(predicate::str::contains(
            "belarus-2020-08-16.txt: no such file",
        ))
        // and says what to do about it
        .stderr(predicate::str::contains(
            "If the article was moved or renamed, run `factmark relink SET ARTICLE` with its new place",
        ));
}

#[test]
fn check_refuses_a_set_from_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_sample_set(dir.path());
    let text = fs::read_to_string(&set).unwrap();
    let newer = text.replace("version: 1,", "version: 7,\n    links: [],");
    fs::write(&set, newer).unwrap();
    factmark()
        .arg("check")
        .arg(&set)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "written by a newer factmark (set version 7",
        ));
}

#[test]
fn an_empty_or_foreign_set_file_is_named_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("z.annotations.ron");
    fs::write(&empty, "  \n").unwrap();
    factmark()
        .arg("check")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::diff(format!(
            "error: {}: the file is empty, so it holds no annotation set (a save cut short, or a file made by hand?)\n",
            empty.display()
        )));
    fs::write(&empty, "[1, 2, 3]").unwrap();
    factmark()
        .arg("check")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Expected opening `(` for an annotation set",
        ))
        .stderr(predicate::str::contains("SetFile").not());
}

#[test]
fn relink_points_a_set_at_its_moved_article_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_sample_set(dir.path());
    let before = fs::read(&set).unwrap();
    let moved = dir.path().join("texts").join("belarus.txt");
    fs::create_dir(moved.parent().unwrap()).unwrap();
    fs::rename(dir.path().join(ARTICLE), &moved).unwrap();
    factmark().arg("check").arg(&set).assert().code(2);

    factmark()
        .arg("relink")
        .arg(&set)
        .arg(&moved)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "3 annotations (0 claim, 1 figure, 1 quote, 1 source), 0 orphans",
        ));
    let written = fs::read_to_string(&set).unwrap();
    assert!(
        written.contains("path: \"texts/belarus.txt\","),
        "{written}"
    );
    let backup = factmark::io::store::backup_path(&set);
    assert_eq!(fs::read(backup).unwrap(), before);
    factmark()
        .arg("check")
        .arg(&set)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("article unchanged"));
}

#[test]
fn relink_reads_the_new_file_as_its_name_says() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    fs::write(
        &page,
        "<html><head><title>Vote</title></head><body><article><h1>Vote</h1>\
         <p>Turnout was 80.1% &amp; rising, officials said.</p>\
         <p>About 6,700 people were held.</p></article></body></html>",
    )
    .unwrap();
    factmark()
        .arg("suggest")
        .arg(&page)
        .args(["--tags", "figure"])
        .assert()
        .code(0);
    let set = dir.path().join("page.annotations.ron");
    let text = dir.path().join("page.txt");
    factmark()
        .arg("text")
        .arg(&page)
        .arg("-o")
        .arg(&text)
        .assert()
        .code(0);

    factmark()
        .arg("relink")
        .arg(&set)
        .arg(&text)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 annotations"))
        .stdout(predicate::str::contains("0 orphans"));
    let written = fs::read_to_string(&set).unwrap();
    assert!(written.contains("format: Text,"), "{written}");
    let chars = fs::read_to_string(&text).unwrap().chars().count();
    assert!(
        written.contains(&format!("chars: {chars},")),
        "the text file's own length: {written}"
    );
    factmark()
        .arg("check")
        .arg(&set)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("article unchanged"));
}

#[test]
fn relink_refuses_another_article_and_leaves_the_set_alone() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_sample_set(dir.path());
    let before = fs::read(&set).unwrap();
    let other = dir.path().join("other.txt");
    fs::write(&other, "A different story about the weather.").unwrap();
    factmark()
        .arg("relink")
        .arg(&set)
        .arg(&other)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "every one of its 3 annotations would be lost in",
        ))
        .stderr(predicate::str::contains("is it the right article?"));
    assert_eq!(fs::read(&set).unwrap(), before, "the set is untouched");
    // One text of three in common is a coincidence, not the article.
    fs::write(&other, "Turnout was 80.1% in a different vote entirely.").unwrap();
    factmark()
        .arg("relink")
        .arg(&set)
        .arg(&other)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "2 of its 3 annotations would be lost in",
        ));
    assert_eq!(fs::read(&set).unwrap(), before, "the set is untouched");
    factmark()
        .arg("relink")
        .arg(&set)
        .arg(dir.path().join("nowhere.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "nowhere.txt: no such file; give the path where the article is now",
        ))
        .stderr(predicate::str::contains("relink SET ARTICLE").not());
}

#[test]
fn a_misspelt_command_or_a_missing_file_never_reaches_the_window() {
    let dir = tempfile::tempdir().unwrap();
    factmark()
        .current_dir(dir.path())
        .args(["chekc", "x.ron"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: no such file or command: chekc; did you mean `factmark check`?",
        ))
        .stderr(predicate::str::contains("window").not());
    factmark()
        .current_dir(dir.path())
        .arg("nonexistent-file.txt")
        .assert()
        .code(2)
        .stderr(predicate::str::diff(
            "error: no such file: nonexistent-file.txt\n",
        ));
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn without_a_display_the_window_says_so_without_build_paths() {
    factmark()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "could not open the window: no display found (DISPLAY/WAYLAND_DISPLAY unset). The commands work without one: factmark --help",
        ))
        .stderr(predicate::str::contains(".cargo").not());
}

#[cfg(target_os = "linux")]
#[test]
fn help_that_cannot_be_written_fails_like_any_output() {
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    for args in [&["--help"][..], &["--version"], &["check", "--help"]] {
        let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("factmark"))
            .args(args)
            .stdout(full())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
    factmark().arg("--help").assert().code(0);
}
