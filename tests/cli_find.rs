//! `factmark find` end to end, through the real binary.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use factmark::model::Tag;
use predicates::prelude::*;

fn factmark() -> Command {
    Command::cargo_bin("factmark").unwrap()
}

fn sample(dir: &Path) -> PathBuf {
    let path = dir.join("belarus-2020-08-16.txt");
    fs::write(&path, factmark::SAMPLE_ARTICLE).unwrap();
    path
}

fn set_of(dir: &Path) -> PathBuf {
    dir.join("belarus-2020-08-16.annotations.ron")
}

fn tagged(set: &Path) -> Vec<(Tag, String)> {
    let (_, _, loaded) = factmark::io::load_set(set).unwrap();
    let set = loaded.set;
    set.annotations()
        .iter()
        .map(|a| (a.tag, a.quote.exact.clone()))
        .collect()
}

#[test]
fn find_lists_matches_with_character_offsets_and_context() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let output = factmark()
        .arg("find")
        .arg(&article)
        .arg("lukashenko")
        .assert()
        .code(0)
        .stderr("8 matches\n")
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(output).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 8);
    // Offsets count characters of the text `factmark text` prints.
    let chars: Vec<char> = factmark::SAMPLE_ARTICLE.chars().collect();
    for line in &lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let (start, end): (usize, usize) = (fields[0].parse().unwrap(), fields[1].parse().unwrap());
        let found: String = chars[start..end].iter().collect();
        assert_eq!(found, "Lukashenko");
        assert!(fields[2].contains("[Lukashenko]"), "{line}");
    }
    assert!(lines[1].ends_with("Mr [Lukashenko] also voiced concerns over Nat…"));
}

#[test]
fn find_options_narrow_the_matches() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let count = |args: &[&str]| {
        let output = factmark()
            .arg("find")
            .arg(&article)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stdout).unwrap().lines().count()
    };
    assert_eq!(count(&["belarus"]), 6);
    assert_eq!(count(&["belarus", "--whole-words"]), 2, "not Belarusian");
    assert_eq!(count(&["belarus", "--match-case"]), 0);
    assert_eq!(count(&["Belarus", "--match-case", "--whole-words"]), 2);
    // A straight apostrophe finds the article's own.
    assert_eq!(count(&["what's happening"]), 1);
}

#[test]
fn find_tag_tags_every_match_once() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    factmark()
        .args(["find", "--tag", "source"])
        .arg(&article)
        .arg("Putin")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "2 matches tagged source, 0 already were",
        ));
    let set = set_of(dir.path());
    assert_eq!(
        tagged(&set),
        [
            (Tag::Source, "Putin".to_owned()),
            (Tag::Source, "Putin".to_owned())
        ]
    );
    // Again: nothing added, and the set file is not rewritten.
    let before = fs::read(&set).unwrap();
    factmark()
        .args(["find", "--tag", "source"])
        .arg(&article)
        .arg("putin")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "0 matches tagged source, 2 already were",
        ));
    assert_eq!(fs::read(&set).unwrap(), before);
    factmark().arg("check").arg(&set).assert().code(0);
}

#[test]
fn find_tag_adds_to_a_set_made_in_the_window_or_by_suggest() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    factmark()
        .args(["suggest", "--tags", "figure"])
        .arg(&article)
        .assert()
        .code(0);
    let set = set_of(dir.path());
    let figures = tagged(&set).len();
    assert!(figures > 5);
    factmark()
        .args(["find", "--tag", "figure"])
        .arg(&article)
        .arg("80.1%")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "0 matches tagged figure, 1 already was",
        ));
    factmark()
        .args(["find", "--tag", "claim", "-o"])
        .arg(&set)
        .arg(&article)
        .arg("Thousands gathered")
        .assert()
        .code(0);
    let after = tagged(&set);
    assert_eq!(after.len(), figures + 1);
    assert!(after.contains(&(Tag::Claim, "Thousands gathered".to_owned())));
}

#[test]
fn find_refuses_bad_input_with_a_message_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let article = sample(dir.path());
    let set = set_of(dir.path());

    factmark()
        .arg("find")
        .arg(dir.path().join("nowhere.txt"))
        .arg("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere.txt"));
    factmark()
        .arg("find")
        .arg(&article)
        .arg("  ")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the query is empty"));
    factmark()
        .args(["find", "--tag", "opinion"])
        .arg(&article)
        .arg("x")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown tag `opinion`"));
    // -o without --tag would write nothing: refused rather than ignored.
    factmark()
        .args(["find", "-o"])
        .arg(&set)
        .arg(&article)
        .arg("x")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--tag"));
    assert!(!set.exists());

    // A set that does not load is left as it is.
    fs::write(&set, "(format: \"something else\"").unwrap();
    factmark()
        .args(["find", "--tag", "source"])
        .arg(&article)
        .arg("Putin")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("was left unchanged"));
    assert_eq!(
        fs::read_to_string(&set).unwrap(),
        "(format: \"something else\""
    );

    // A set of another article is refused.
    let other = dir.path().join("other.txt");
    fs::write(&other, "Putin spoke. Putin left.").unwrap();
    fs::remove_file(&set).unwrap();
    factmark().arg("suggest").arg(&article).assert().code(0);
    let before = fs::read(&set).unwrap();
    factmark()
        .args(["find", "--tag", "source", "-o"])
        .arg(&set)
        .arg(&other)
        .arg("Putin")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("this set annotates"));
    assert_eq!(fs::read(&set).unwrap(), before);
}

#[test]
fn find_tag_refuses_more_matches_than_it_lists() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("letters.txt");
    fs::write(
        &article,
        "e ".repeat(factmark::model::search::MAX_MATCHES + 1),
    )
    .unwrap();
    factmark()
        .args(["find", "--tag", "figure"])
        .arg(&article)
        .arg("e")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("narrow the search"));
    assert!(!dir.path().join("letters.annotations.ron").exists());
}
