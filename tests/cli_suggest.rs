//! `factmark suggest` and `factmark compare` end to end, through the real
//! binary.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const ARTICLE: &str = "belarus-2020-08-16.txt";

fn factmark() -> Command {
    Command::cargo_bin("factmark").unwrap()
}

fn sample(dir: &Path) -> PathBuf {
    let path = dir.join(ARTICLE);
    fs::write(&path, factmark::SAMPLE_ARTICLE).unwrap();
    path
}

/// `factmark suggest ARGS -o SET ARTICLE`, run.
fn suggest_into(set: &Path, article: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    factmark()
        .arg("suggest")
        .args(args)
        .arg("-o")
        .arg(set)
        .arg(article)
        .assert()
}

/// The sample article with its suggestions in the default set: the set.
fn suggested_sample(dir: &Path) -> PathBuf {
    let article = sample(dir);
    factmark().arg("suggest").arg(&article).assert().code(0);
    dir.join("belarus-2020-08-16.annotations.ron")
}

fn annotations(set: &Path) -> Vec<(factmark::model::Tag, String)> {
    let (_, _, loaded) = factmark::io::load_set(set).unwrap();
    loaded
        .set
        .annotations()
        .iter()
        .map(|a| (a.tag, a.quote.exact.clone()))
        .collect()
}

#[test]
fn suggest_writes_the_default_set_beside_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    factmark()
        .arg("suggest")
        .arg(&article)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("suggestions added"));
    let set = dir.path().join("belarus-2020-08-16.annotations.ron");
    let found = annotations(&set);
    use factmark::model::Tag::*;
    assert!(found.contains(&(Figure, "80.1%".to_owned())));
    assert!(found.contains(&(Figure, "60% to 70%".to_owned())));
    assert!(found.contains(&(Quote, "\"falsification\"".to_owned())));
    assert!(found.contains(&(Source, "Amnesty International".to_owned())));
    factmark().arg("check").arg(&set).assert().code(0);
}

#[test]
fn a_set_written_from_the_articles_folder_names_it_relatively() {
    // Run where the article is, with bare file names: the set must name
    // the article relative to itself, so the folder can move.
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    factmark()
        .current_dir(dir.path())
        .args(["suggest", ARTICLE])
        .assert()
        .code(0);
    let set = dir.path().join("belarus-2020-08-16.annotations.ron");
    let written = fs::read_to_string(&set).unwrap();
    assert!(
        written.contains(&format!("path: \"{ARTICLE}\",")),
        "the set names its article relatively: {}",
        written.lines().find(|l| l.contains("path:")).unwrap_or("")
    );
    let moved = tempfile::tempdir().unwrap();
    for name in [ARTICLE, "belarus-2020-08-16.annotations.ron"] {
        fs::rename(dir.path().join(name), moved.path().join(name)).unwrap();
    }
    factmark()
        .arg("check")
        .arg(moved.path().join("belarus-2020-08-16.annotations.ron"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("article unchanged"));
}

#[test]
fn suggest_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let set = dir.path().join("out.annotations.ron");
    suggest_into(&set, &article, &["--tags", "figure,quote"]).code(0);
    let first = annotations(&set);
    assert!(first.iter().all(|(t, _)| matches!(
        t,
        factmark::model::Tag::Figure | factmark::model::Tag::Quote
    )));
    suggest_into(&set, &article, &["--tags", "figure,quote"])
        .code(0)
        .stdout(predicate::str::contains(format!(
            "0 suggestions added (0 claim, 0 figure, 0 quote, 0 source), {} already there",
            first.len()
        )));
    assert_eq!(annotations(&set), first);
}

#[test]
fn suggest_adds_to_an_existing_set_and_keeps_its_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let set = dir.path().join("belarus-2020-08-16.annotations.ron");
    factmark()
        .args(["suggest", "--tags", "figure"])
        .arg(&article)
        .assert()
        .code(0);
    let figures = annotations(&set).len();
    factmark()
        .args(["suggest", "--tags", "source"])
        .arg(&article)
        .assert()
        .code(0);
    let all = annotations(&set);
    assert!(all.len() > figures);
    assert_eq!(
        all.iter()
            .filter(|(t, _)| *t == factmark::model::Tag::Figure)
            .count(),
        figures
    );
}

#[test]
fn suggest_refuses_to_overwrite_a_set_that_does_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let set = dir.path().join("belarus-2020-08-16.annotations.ron");
    fs::write(&set, "(format: \"something else\"").unwrap();
    factmark()
        .arg("suggest")
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("was left unchanged"));
    assert_eq!(
        fs::read_to_string(&set).unwrap(),
        "(format: \"something else\""
    );
}

#[test]
fn suggest_on_a_missing_article_names_it_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    factmark()
        .arg("suggest")
        .arg(dir.path().join("nowhere.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere.txt"));
}

#[test]
fn suggest_rejects_an_unknown_tag() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    factmark()
        .args(["suggest", "--tags", "figure,opinion"])
        .arg(&article)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown tag `opinion`"));
}

#[test]
fn suggest_refuses_a_set_of_another_article() {
    let dir = tempfile::tempdir().unwrap();
    let set = suggested_sample(dir.path());
    let other = dir.path().join("other.txt");
    fs::write(&other, "Officials said 40% of the vote was counted.").unwrap();
    factmark()
        .arg("suggest")
        .arg(&other)
        .arg("-o")
        .arg(&set)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("this set annotates"));
}

#[test]
fn compare_a_set_with_itself_is_perfect() {
    let dir = tempfile::tempdir().unwrap();
    let set = suggested_sample(dir.path());
    factmark()
        .arg("compare")
        .arg(&set)
        .arg(&set)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("character IoU >= 0.5"))
        .stdout(predicate::str::is_match(r"figure\s+\d+\s+\d+\s+1\.000\s+1\.000\s+1\.000").unwrap())
        .stdout(predicate::str::contains("1.000 |  1.000"));
}

#[test]
fn compare_reports_precision_and_recall_of_the_other_set() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let figures = dir.path().join("figures.annotations.ron");
    let all = dir.path().join("all.annotations.ron");
    suggest_into(&figures, &article, &["--tags", "figure"]).code(0);
    suggest_into(&all, &article, &[]).code(0);
    // Against the figures-only reference, every other tag is all misses.
    factmark()
        .arg("compare")
        .arg(&figures)
        .arg(&all)
        .arg("--iou")
        .arg("0.8")
        .assert()
        .code(0)
        .stdout(predicate::str::is_match(r"figure\s+\d+\s+\d+\s+1\.000\s+1\.000").unwrap())
        .stdout(predicate::str::is_match(r"quote\s+0\s+\d+\s+0\.000\s+0\.000").unwrap());
}

#[test]
fn compare_refuses_sets_of_different_articles() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let other = dir.path().join("other.txt");
    fs::write(&other, "Officials said 40% of the vote was counted.").unwrap();
    factmark().arg("suggest").arg(&article).assert().code(0);
    factmark().arg("suggest").arg(&other).assert().code(0);
    factmark()
        .arg("compare")
        .arg(dir.path().join("belarus-2020-08-16.annotations.ron"))
        .arg(dir.path().join("other.annotations.ron"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("different article texts"));
}

#[test]
fn compare_on_a_missing_or_broken_set_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = suggested_sample(dir.path());
    factmark()
        .arg("compare")
        .arg(&good)
        .arg(dir.path().join("missing.annotations.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing.annotations.ron: no such file",
        ));
    let broken = dir.path().join("broken.annotations.ron");
    fs::write(&broken, "not ron at all").unwrap();
    factmark()
        .arg("compare")
        .arg(&broken)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.annotations.ron:1:"));
}

#[test]
fn compare_rejects_an_iou_outside_0_to_1() {
    let dir = tempfile::tempdir().unwrap();
    let set = suggested_sample(dir.path());
    factmark()
        .arg("compare")
        .arg(&set)
        .arg(&set)
        .args(["--iou", "1.5"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("outside (0, 1]"));
}

/// As the window does: the suggested figure `exact` removed and rejected,
/// and the set saved.
fn reject_figure(set_path: &Path, article_path: &Path, exact: &str) {
    use factmark::model::{Edit, Rejection, Tag};
    let (article, _, mut loaded) = factmark::io::load_set(set_path).unwrap();
    let figure = loaded
        .set
        .annotations()
        .iter()
        .find(|a| a.tag == Tag::Figure && a.quote.exact == exact)
        .unwrap()
        .clone();
    let text = article.text();
    loaded
        .set
        .apply(&Edit::Remove(figure.clone()), text)
        .unwrap();
    let rejection = Rejection {
        tag: Tag::Figure,
        span: figure.span,
        exact: figure.quote.exact.clone(),
    };
    loaded.set.apply(&Edit::Reject(rejection), text).unwrap();
    factmark::io::save_set(set_path, article_path, &article, &loaded.set).unwrap();
}

#[test]
fn suggest_does_not_add_back_what_the_journalist_rejected() {
    use factmark::model::Tag;
    let dir = tempfile::tempdir().unwrap();
    let article_path = sample(dir.path());
    let set_path = dir.path().join("out.annotations.ron");
    suggest_into(&set_path, &article_path, &["--tags", "figure"]).code(0);
    reject_figure(&set_path, &article_path, "80.1%");

    suggest_into(&set_path, &article_path, &["--tags", "figure"])
        .code(0)
        .stdout(
            predicate::str::contains("0 suggestions added")
                .and(predicate::str::contains("1 rejected before")),
        );
    let found = annotations(&set_path);
    assert!(!found.contains(&(Tag::Figure, "80.1%".to_owned())));
}

#[test]
fn a_rejection_follows_its_text_when_the_article_changes() {
    use factmark::model::Tag;
    let dir = tempfile::tempdir().unwrap();
    let article_path = sample(dir.path());
    let set_path = dir.path().join("out.annotations.ron");
    suggest_into(&set_path, &article_path, &["--tags", "figure"]).code(0);
    reject_figure(&set_path, &article_path, "80.1%");
    let before = factmark::io::store::read_set_file(&set_path)
        .unwrap()
        .rejected;
    assert_eq!(before.len(), 1);

    // An editor inserts a paragraph at the top: every offset moves.
    let intro = "Update: a new first paragraph.\n\n";
    let text = fs::read_to_string(&article_path).unwrap();
    fs::write(&article_path, format!("{intro}{text}")).unwrap();
    // Quotes are added too, so the set is saved again.
    suggest_into(&set_path, &article_path, &["--tags", "figure,quote"])
        .code(0)
        .stdout(
            predicate::str::contains("0 figure").and(predicate::str::contains("1 rejected before")),
        );
    assert!(!annotations(&set_path).contains(&(Tag::Figure, "80.1%".to_owned())));
    let after = factmark::io::store::read_set_file(&set_path)
        .unwrap()
        .rejected;
    let shift = intro.chars().count();
    assert_eq!(after.len(), 1, "the rejection must stay in the file");
    assert_eq!(after[0].exact, "80.1%");
    assert_eq!(
        (after[0].start, after[0].end),
        (before[0].start + shift, before[0].end + shift)
    );
}

#[test]
fn min_score_keeps_only_the_surer_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let all = dir.path().join("all.annotations.ron");
    let sure = dir.path().join("sure.annotations.ron");
    suggest_into(&all, &article, &[]).code(0);
    suggest_into(&sure, &article, &["--min-score", "0.9"]).code(0);
    let (all, sure) = (annotations(&all), annotations(&sure));
    assert!(
        !sure.is_empty() && sure.len() < all.len(),
        "{} of {}",
        sure.len(),
        all.len()
    );
    assert!(sure.iter().all(|a| all.contains(a)));
    factmark()
        .args(["suggest", "--min-score", "2"])
        .arg(&article)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("outside [0, 1]"));
}

#[test]
fn suggest_that_adds_nothing_leaves_the_set_and_its_backup_alone() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let set = suggested_sample(dir.path());
    let backup = dir.path().join("belarus-2020-08-16.annotations.ron.bak");
    fs::write(&backup, "an older backup").unwrap();
    let before = fs::read(&set).unwrap();
    factmark()
        .arg("suggest")
        .arg(&article)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 suggestions added"));
    assert_eq!(fs::read(&set).unwrap(), before);
    assert_eq!(fs::read_to_string(&backup).unwrap(), "an older backup");
}

#[test]
fn adding_suggestions_of_a_copy_keeps_the_set_naming_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let set = dir.path().join("belarus-2020-08-16.annotations.ron");
    factmark()
        .args(["suggest", "--tags", "figure"])
        .arg(&article)
        .assert()
        .code(0);
    let copy = dir.path().join("copy.txt");
    fs::copy(&article, &copy).unwrap();
    factmark()
        .args(["suggest", "--tags", "quote", "-o"])
        .arg(&set)
        .arg(&copy)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("it goes on naming"));
    let saved = fs::read_to_string(&set).unwrap();
    assert!(
        saved.contains("path: \"belarus-2020-08-16.txt\""),
        "{saved}"
    );
    fs::remove_file(&copy).unwrap();
    factmark().arg("check").arg(&set).assert().code(0);
}

#[test]
fn an_annotation_file_is_no_article_to_suggest_in() {
    let dir = tempfile::tempdir().unwrap();
    let set = suggested_sample(dir.path());
    let before = fs::read(&set).unwrap();
    factmark()
        .arg("suggest")
        .arg(&set)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "this is an annotation set, not an article",
        ));
    assert_eq!(fs::read(&set).unwrap(), before);
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "belarus-2020-08-16.annotations.ron",
            "belarus-2020-08-16.txt"
        ],
        "nothing new written"
    );
}

#[cfg(unix)]
#[test]
fn an_article_name_that_is_not_unicode_is_refused_before_saving() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    fs::write(&article, "Officials said 40% of the vote was counted.\n").unwrap();
    factmark()
        .arg("suggest")
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not valid Unicode"));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no set written"
    );
}

#[test]
fn an_article_given_where_its_set_belongs_is_named_as_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let before = fs::read(&article).unwrap();
    let ann = dir.path().join("gold.ann");
    fs::write(&ann, "T1\tFigure 788 793\t80.1%\n").unwrap();
    let itself = format!(
        "{}: this is the article itself; write the set to another file (by default {})",
        article.display(),
        dir.path()
            .join("belarus-2020-08-16.annotations.ron")
            .display()
    );
    let runs: [&[&str]; 4] = [
        &["import", "--brat", ann.to_str().unwrap()],
        &["import", "--force", "--brat", ann.to_str().unwrap()],
        &["suggest"],
        &["find", "--tag", "figure"],
    ];
    for args in runs {
        let mut command = factmark();
        command.args(args).arg(&article);
        if args[0] == "find" {
            command.arg("80.1%");
        }
        command
            .arg("-o")
            .arg(&article)
            .assert()
            .append_context("args", format!("{args:?}"))
            .code(1)
            .stderr(predicate::str::contains(itself.as_str()))
            .stderr(predicate::str::contains("--force").not())
            .stderr(predicate::str::contains("SetFile").not());
    }
    assert_eq!(fs::read(&article).unwrap(), before);
    let not_a_set = format!(
        "{}: this is not an annotation set (is it the article? Its set is {})",
        article.display(),
        dir.path()
            .join("belarus-2020-08-16.annotations.ron")
            .display()
    );
    factmark()
        .arg("check")
        .arg(&article)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(not_a_set.as_str()))
        .stderr(predicate::str::contains("SetFile").not());
}

/// The annotations of a set as (tag, start, end), sorted.
fn spans(set: &Path) -> Vec<(factmark::model::Tag, usize, usize)> {
    let (_, _, loaded) = factmark::io::load_set(set).unwrap();
    let mut spans: Vec<_> = loaded
        .set
        .annotations()
        .iter()
        .map(|a| (a.tag, a.span.start, a.span.end))
        .collect();
    spans.sort();
    spans
}

#[test]
fn writers_of_one_set_at_the_same_time_all_keep_their_additions() {
    // Each writer adds its own annotations to the article's set.
    let writers: [&[&str]; 4] = [
        &["suggest", "--tags", "figure", "ARTICLE"],
        &["suggest", "--tags", "quote", "ARTICLE"],
        &["find", "--tag", "source", "ARTICLE", "Lukashenko"],
        &["find", "--tag", "claim", "ARTICLE", "said"],
    ];
    let run = |args: &[&str], article: &Path| {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("factmark"));
        for arg in args {
            match *arg {
                "ARTICLE" => command.arg(article),
                other => command.arg(other),
            };
        }
        command
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // What they add one after the other, to a new set and to one that
    // holds the claim suggestions already.
    let expected = |seeded: bool| {
        let dir = tempfile::tempdir().unwrap();
        let article = sample(dir.path());
        if seeded {
            suggest_into(
                &dir.path().join("belarus-2020-08-16.annotations.ron"),
                &article,
                &["--tags", "claim"],
            )
            .code(0);
        }
        for args in writers {
            assert!(run(args, &article).wait().unwrap().success());
        }
        spans(&dir.path().join("belarus-2020-08-16.annotations.ron"))
    };
    let (fresh, seeded) = (expected(false), expected(true));
    assert!(fresh.len() > 20 && seeded.len() > fresh.len());
    for round in 0..12 {
        let dir = tempfile::tempdir().unwrap();
        let article = sample(dir.path());
        let set = dir.path().join("belarus-2020-08-16.annotations.ron");
        let seed = round % 2 == 1;
        if seed {
            suggest_into(&set, &article, &["--tags", "claim"]).code(0);
        }
        // Every writer twice, all at once.
        let children: Vec<_> = writers
            .iter()
            .chain(&writers)
            .map(|args| run(args, &article))
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let want = if seed { &seeded } else { &fresh };
        assert_eq!(&spans(&set), want, "round {round}: an addition was lost");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(
            names.iter().all(|n| !n.ends_with(".tmp")),
            "round {round}: temporary files left: {names:?}"
        );
    }
}

#[test]
fn suggest_into_a_folder_asks_for_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let folder = dir.path().join("sets");
    fs::create_dir(&folder).unwrap();
    for output in [
        format!("{}/", folder.display()),
        format!("{}/new/", dir.path().display()),
    ] {
        factmark()
            .arg("suggest")
            .arg("-o")
            .arg(&output)
            .arg(&article)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "{output}: names a folder; give the set a file name, such as {output}belarus-2020-08-16.annotations.ron"
            )))
            .stderr(predicate::str::contains("os error").not());
    }
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 0);
    assert!(!dir.path().join("new").exists());
}

#[test]
fn suggest_find_and_import_write_times_in_whole_seconds_as_the_window_does() {
    let dir = tempfile::tempdir().unwrap();
    let set = suggested_sample(dir.path());
    let article = dir.path().join(ARTICLE);
    factmark()
        .args(["find", "--tag", "source"])
        .arg(&article)
        .arg("Amnesty International")
        .assert()
        .code(0);
    let (_, _, loaded) = factmark::io::load_set(&set).unwrap();
    assert!(loaded.set.len() > 10);
    for a in loaded.set.annotations() {
        for time in [a.created, a.modified] {
            assert_eq!(time.subsec_nanosecond(), 0, "{} at {time}", a.quote.exact);
        }
    }
}
