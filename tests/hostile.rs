//! Hostile inputs through the real binary: each gets a clear error on
//! stderr, a non-zero exit, no panic, and finishes quickly with bounded
//! memory.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// `factmark check SET`, run to completion.
fn check(set: &Path) -> assert_cmd::assert::Assert {
    factmark().arg("check").arg(set).assert()
}

fn factmark() -> Command {
    let mut command = Command::cargo_bin("factmark").unwrap();
    command.timeout(std::time::Duration::from_secs(60));
    command
}

/// A pseudo-random byte generator (xorshift), so failures reproduce.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// The sample article and a valid set beside it, made with the library.
fn sample_set(dir: &Path) -> PathBuf {
    use factmark::model::*;
    let article_path = dir.join("belarus.txt");
    fs::write(&article_path, factmark::SAMPLE_ARTICLE).unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let mut set = AnnotationSet::new();
    let start = article.text().find("80.1%").unwrap();
    let id = set.allocate_id();
    let a = Annotation::new(
        id,
        Tag::Figure,
        Span::new(start, start + 5),
        article.text(),
        jiff::Timestamp::UNIX_EPOCH,
    );
    set.apply(&Edit::Add(a), article.text()).unwrap();
    let set_path = factmark::io::default_set_path(&article_path);
    factmark::io::save_set(&set_path, &article_path, &article, &set).unwrap();
    set_path
}

fn no_panic() -> impl Predicate<str> {
    predicate::str::contains("panicked").not()
}

#[test]
fn a_one_gigabyte_article_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    let article = dir.path().join("belarus.txt");
    fs::File::create(&article)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    check(&set)
        .code(2)
        .stderr(predicate::str::contains(
            "belarus.txt: the file is 1024.0 MiB",
        ))
        .stderr(no_panic());
}

#[test]
fn random_bytes_as_an_article_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    for seed in 1..=20 {
        fs::write(dir.path().join("belarus.txt"), random_bytes(seed, 4096)).unwrap();
        check(&set)
            .code(2)
            .stderr(predicate::str::contains("belarus.txt: "))
            .stderr(no_panic());
    }
}

#[test]
fn random_bytes_as_a_set_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    for seed in 1..=20 {
        fs::write(&set, random_bytes(seed, 4096)).unwrap();
        check(&set)
            .code(2)
            .stderr(predicate::str::contains("belarus.annotations.ron:"))
            .stderr(no_panic());
    }
}

#[test]
fn a_set_nested_200000_parentheses_deep_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    fs::write(
        &set,
        format!("{}{}", "(".repeat(200_000), ")".repeat(200_000)),
    )
    .unwrap();
    check(&set)
        .code(2)
        .stderr(predicate::str::contains("not a valid annotation set"))
        .stderr(no_panic());
}

fn with_offsets(set: &Path, start: &str, end: &str) {
    let text = fs::read_to_string(set).unwrap();
    let text = text
        .replace("start: 788,", &format!("start: {start},"))
        .replace("end: 793,", &format!("end: {end},"));
    fs::write(set, text).unwrap();
}

#[test]
fn offsets_out_of_range_are_reanchored_by_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    with_offsets(&set, "999999999999", "1000000000000");
    check(&set)
        .code(0)
        .stdout(predicate::str::contains("1 annotation ("))
        .stdout(predicate::str::contains(
            "article unchanged, 1 re-anchored (their offsets did not fit their text)",
        ))
        .stderr(no_panic());
}

#[test]
fn offsets_past_usize_are_a_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    with_offsets(
        &set,
        "99999999999999999999999",
        "99999999999999999999999999",
    );
    check(&set)
        .code(2)
        .stderr(predicate::str::contains("not a valid annotation set"))
        .stderr(no_panic());
}

#[test]
fn reversed_offsets_are_invalid() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    with_offsets(&set, "793", "788");
    check(&set)
        .code(1)
        .stderr(predicate::str::contains(
            "annotation 1: its span 793..788 is empty or reversed",
        ))
        .stderr(no_panic());
}

#[test]
fn offsets_counted_in_bytes_inside_a_character_are_found_by_their_text() {
    // "80.1%" sits after multi-byte characters in this article: byte
    // offsets from another tool point inside the text, at the wrong place.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("belarus.txt");
    let set = sample_set(dir.path());
    fs::write(
        &article,
        format!("Zürich — «Genève» — 東京\n{}", factmark::SAMPLE_ARTICLE),
    )
    .unwrap();
    check(&set)
        .code(0)
        .stdout(predicate::str::contains("article changed, 1 re-anchored"))
        .stderr(no_panic());
}

#[test]
fn ten_million_annotations_are_refused_by_size_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    let header = fs::read_to_string(&set).unwrap();
    let head = &header[..header.find("annotations: [").unwrap() + "annotations: [".len()];
    let mut out = std::io::BufWriter::new(fs::File::create(&set).unwrap());
    out.write_all(head.as_bytes()).unwrap();
    for id in 0..10_000_000u64 {
        write!(
            out,
            "(id:{id},tag:Claim,start:0,end:1,exact:\"a\",prefix:\"\",suffix:\"\",created:\"2020-01-01T00:00:00Z\",modified:\"2020-01-01T00:00:00Z\"),"
        )
        .unwrap();
    }
    out.write_all(b"])").unwrap();
    out.flush().unwrap();
    drop(out);
    let started = std::time::Instant::now();
    check(&set)
        .code(2)
        .stderr(predicate::str::contains(
            "factmark opens files of up to 128.0 MiB",
        ))
        .stderr(no_panic());
    // Refused from its size alone: far faster than parsing a gigabyte.
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn duplicate_ids_invalid_utf8_and_a_missing_article_are_each_named() {
    let dir = tempfile::tempdir().unwrap();
    let set = sample_set(dir.path());
    let good = fs::read_to_string(&set).unwrap();

    let duplicated = good.replace(
        "    annotations: [\n",
        "    annotations: [\n        (id: 1, tag: Claim, start: 0, end: 5, exact: \" date\", prefix: \"\", suffix: \"\", created: \"2020-01-01T00:00:00Z\", modified: \"2020-01-01T00:00:00Z\"),\n",
    );
    fs::write(&set, duplicated).unwrap();
    check(&set)
        .code(1)
        .stderr(predicate::str::contains("two annotations have the id 1"))
        .stderr(no_panic());

    let mut invalid = good.clone().into_bytes();
    let at = good.find("80.1%").unwrap();
    invalid[at] = 0xC3; // a lead byte with no continuation
    fs::write(&set, invalid).unwrap();
    check(&set)
        .code(2)
        .stderr(predicate::str::contains("not valid UTF-8"))
        .stderr(no_panic());

    fs::write(&set, &good).unwrap();
    fs::remove_file(dir.path().join("belarus.txt")).unwrap();
    check(&set)
        .code(2)
        .stderr(predicate::str::contains("belarus.txt: no such file"))
        .stderr(no_panic());
}
