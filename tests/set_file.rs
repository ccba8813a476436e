//! The annotation set file: round trips, byte-stable saves, refusals.

use std::fs;
use std::path::{Path, PathBuf};

use factmark::io::store::{self, SetError};
use factmark::io::{default_set_path, load_set, save_set};
use factmark::model::*;
use jiff::Timestamp;
use proptest::prelude::*;

fn write_article(dir: &Path, text: &str) -> (PathBuf, Article) {
    let path = dir.join("article.txt");
    fs::write(&path, text).unwrap();
    let (article, _) = factmark::io::open_article(&path).unwrap();
    (path, article)
}

/// Random article text mixing scripts, emoji and combining marks, with at
/// least one visible character.
fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[A-Za-z ,.]{1,12}",
            "[àéîõüßç«»“”]{1,4}",
            "e\u{301}",
            "[漢字かなカナ]{1,4}",
            "[שלוםمرحبا]{1,4}",
            "👩\u{200d}💻|👍🏽|😀",
            Just("\n".to_owned()),
        ],
        1..60,
    )
    .prop_map(|parts| format!("Text {}", parts.concat()))
}

/// A set of random annotations over `article`.
fn random_set(article: &Article, picks: &[(usize, usize, usize, String)]) -> AnnotationSet {
    let text = article.text();
    let n = article.char_len();
    let mut set = AnnotationSet::new();
    for (i, (a, b, tag, note)) in picks.iter().enumerate() {
        let (a, b) = (a % n, b % n);
        let (start, end) = (a.min(b), a.max(b) + 1);
        let span = Span::new(
            article.byte_of_char(start).unwrap(),
            article.byte_of_char(end).unwrap(),
        );
        let id = set.allocate_id();
        let when = Timestamp::from_second(1_600_000_000 + i as i64).unwrap();
        let annotation =
            Annotation::new(id, Tag::ALL[tag % 4], span, text, when).with_note(note.clone(), when);
        let _ = set.apply(&Edit::Add(annotation), text);
    }
    set
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_set_survives_save_and_load_unchanged_and_saves_identically(
        text in article_text(),
        picks in prop::collection::vec((0..10_000usize, 0..10_000usize, 0..4usize, "[a-z\"\\\\ \n«»é]{0,10}"), 0..30),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (article_path, article) = write_article(dir.path(), &text);
        let set = random_set(&article, &picks);
        let set_path = default_set_path(&article_path);
        save_set(&set_path, &article_path, &article, &set).unwrap();
        let first = fs::read(&set_path).unwrap();

        let (loaded_article, loaded_path, loaded) = load_set(&set_path).unwrap();
        prop_assert_eq!(loaded_article.text(), article.text());
        prop_assert_eq!(loaded_path, article_path.clone());
        prop_assert!(!loaded.article_changed);
        prop_assert_eq!(loaded.set.annotations(), set.annotations());
        prop_assert!(loaded.set.orphans().is_empty());

        save_set(&set_path, &article_path, &loaded_article, &loaded.set).unwrap();
        prop_assert_eq!(fs::read(&set_path).unwrap(), first);
    }
}

fn sample_set(dir: &Path) -> (PathBuf, PathBuf) {
    let (article_path, article) = write_article(dir, factmark::SAMPLE_ARTICLE);
    let picks = vec![
        (700, 705, 1, "disputed".to_owned()),
        (20, 60, 3, String::new()),
    ];
    let set = random_set(&article, &picks);
    let set_path = default_set_path(&article_path);
    save_set(&set_path, &article_path, &article, &set).unwrap();
    (article_path, set_path)
}

#[test]
fn the_file_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let (_, set_path) = sample_set(dir.path());
    let text = fs::read_to_string(&set_path).unwrap();
    assert!(text.starts_with("// factmark annotation set. Offsets count Unicode characters"));
    for field in [
        "format: \"factmark.annotations\",",
        "version: 1,",
        "path: \"article.txt\",",
        "format: Text,",
        "chars: 4427,",
        "date: Some(\"2020-08-16\"),",
        "tag: Source,",
        "note: \"disputed\",",
        "created: \"2020-09-13T12:26:40Z\",",
    ] {
        assert!(text.contains(field), "missing {field} in\n{text}");
    }
}

#[test]
fn a_second_save_keeps_the_first_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let (article_path, set_path) = sample_set(dir.path());
    let first = fs::read(&set_path).unwrap();
    let (article, _, loaded) = load_set(&set_path).unwrap();
    let mut set = loaded.set;
    let id = set.allocate_id();
    let a = Annotation::new(
        id,
        Tag::Claim,
        Span::new(21, 62),
        article.text(),
        Timestamp::UNIX_EPOCH,
    );
    set.apply(&Edit::Add(a), article.text()).unwrap();
    save_set(&set_path, &article_path, &article, &set).unwrap();
    assert_eq!(fs::read(store::backup_path(&set_path)).unwrap(), first);
    assert_ne!(fs::read(&set_path).unwrap(), first);
}

fn load_error(set_text: &str) -> SetError {
    let dir = tempfile::tempdir().unwrap();
    let (_, set_path) = sample_set(dir.path());
    fs::write(&set_path, set_text).unwrap();
    load_set(&set_path).unwrap_err()
}

fn saved_sample_text() -> String {
    let dir = tempfile::tempdir().unwrap();
    let (_, set_path) = sample_set(dir.path());
    fs::read_to_string(set_path).unwrap()
}

#[test]
fn malformed_ron_gives_line_and_column() {
    let text = saved_sample_text().replacen("id: 1,", "id: 1 oops,", 1);
    match load_error(&text) {
        SetError::Syntax { line, column, .. } => {
            let expected = text.lines().position(|l| l.contains("oops")).unwrap() + 1;
            assert_eq!(line, expected);
            assert!(column > 1);
        }
        other => panic!("expected a syntax error, got {other}"),
    }
}

#[test]
fn an_unknown_format_is_refused() {
    let text = saved_sample_text().replace("factmark.annotations", "someone.else");
    let error = load_error(&text);
    assert!(matches!(error, SetError::UnknownFormat { .. }), "{error}");
    assert!(error.to_string().contains("not a factmark annotation set"));
}

#[test]
fn a_newer_version_is_refused_even_with_fields_this_version_does_not_know() {
    let text =
        saved_sample_text().replace("version: 1,", "version: 2,\n    links: [(from: 1, to: 2)],");
    let error = load_error(&text);
    assert!(
        matches!(error, SetError::NewerVersion { found: 2, .. }),
        "{error}"
    );
}

#[test]
fn reversed_offsets_are_invalid() {
    let text = saved_sample_text();
    let start = text.find("start: ").unwrap();
    let line_end = start + text[start..].find(',').unwrap();
    let reversed = format!("{}start: 999999{}", &text[..start], &text[line_end..]);
    let error = load_error(&reversed);
    assert!(matches!(error, SetError::Invalid { .. }), "{error}");
    assert!(error.to_string().contains("empty or reversed"));
}

#[test]
fn duplicate_ids_are_refused() {
    let text = saved_sample_text().replace("id: 2,", "id: 1,");
    let error = load_error(&text);
    assert!(
        matches!(error, SetError::DuplicateId { id: 1, .. }),
        "{error}"
    );
}

#[test]
fn invalid_utf8_in_a_set_is_a_syntax_error_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let (_, set_path) = sample_set(dir.path());
    let mut bytes = fs::read(&set_path).unwrap();
    bytes.splice(0..0, b"// \xff\n".iter().copied());
    fs::write(&set_path, bytes).unwrap();
    match load_set(&set_path).unwrap_err() {
        SetError::Syntax {
            line: 1,
            column: 4,
            message,
            ..
        } => assert!(message.contains("UTF-8")),
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn deeply_nested_input_is_refused_without_overflowing_the_stack() {
    let nested = format!("{}{}", "(".repeat(200_000), ")".repeat(200_000));
    let error = load_error(&nested);
    assert!(matches!(error, SetError::Syntax { .. }), "{error}");
}

#[test]
fn a_file_that_is_not_a_set_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (article_path, set_path) = sample_set(dir.path());
    let (article, _, loaded) = load_set(&set_path).unwrap();
    fs::write(&set_path, "precious notes, not RON").unwrap();
    let error = save_set(&set_path, &article_path, &article, &loaded.set).unwrap_err();
    assert!(matches!(error, SetError::WouldOverwrite { .. }), "{error}");
    assert_eq!(
        fs::read_to_string(&set_path).unwrap(),
        "precious notes, not RON"
    );
}

#[test]
fn an_edited_article_is_reanchored_and_lost_text_kept_as_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let (article_path, set_path) = sample_set(dir.path());
    let (_, _, before) = load_set(&set_path).unwrap();
    let exacts: Vec<String> = before
        .set
        .annotations()
        .iter()
        .map(|a| a.quote.exact.clone())
        .collect();
    // Insert a correction at the top and delete the first annotation's text.
    let edited = format!(
        "Correction appended.\n{}",
        factmark::SAMPLE_ARTICLE.replacen(&exacts[0], "", 1)
    );
    fs::write(&article_path, edited).unwrap();
    let (article, _, after) = load_set(&set_path).unwrap();
    assert!(after.article_changed);
    assert_eq!(after.set.orphans().len(), 1);
    assert_eq!(after.set.orphans()[0].quote.exact, exacts[0]);
    for a in after.set.annotations() {
        assert_eq!(&article.text()[a.span.range()], a.quote.exact);
    }
    // Saving keeps the orphan in the file.
    save_set(&set_path, &article_path, &article, &after.set).unwrap();
    let (_, _, again) = load_set(&set_path).unwrap();
    assert_eq!(again.set.orphans().len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// factmark writes set files directly for speed; they must be exactly
    /// what the `ron` crate's own pretty printer writes for the same data.
    #[test]
    fn the_fast_writer_matches_the_ron_crate_byte_for_byte(
        text in article_text(),
        picks in prop::collection::vec((0..10_000usize, 0..10_000usize, 0..4usize, "[a-z\"\\\\ \n\t«»é\u{301}\u{200d}\u{feff}]{0,10}"), 0..20),
        rejected in 0..3usize,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (article_path, article) = write_article(dir.path(), &text);
        let mut set = random_set(&article, &picks);
        for a in set.annotations().to_vec().iter().take(rejected) {
            let r = Rejection { tag: a.tag, span: a.span, exact: a.quote.exact.clone() };
            let _ = set.apply(&Edit::Reject(r), article.text());
        }
        let set_path = default_set_path(&article_path);
        let mut file = store::to_set_file(&set_path, &article_path, &article, &set);
        file.article.date = if rejected == 1 { None } else { Some("2020-01-01".into()) };
        file.orphans = file.annotations.iter().take(rejected).cloned().collect();
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .indentor("    ")
            .struct_names(false);
        let reference = ron::ser::to_string_pretty(&file, config).unwrap();
        let ours = store::to_ron(&file);
        let body = ours.split_once('\n').unwrap().1;
        prop_assert_eq!(body.trim_end(), reference.trim_end());
        prop_assert_eq!(store::parse_set_bytes(&set_path, ours.as_bytes()).unwrap(), file);
    }
}

#[test]
fn rejected_suggestions_survive_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let (article_path, article) = write_article(dir.path(), factmark::SAMPLE_ARTICLE);
    let mut set = AnnotationSet::new();
    let start = article.text().find("Saturday").unwrap();
    let rejection = Rejection {
        tag: Tag::Figure,
        span: Span::new(start, start + "Saturday".len()),
        exact: "Saturday".to_owned(),
    };
    set.apply(&Edit::Reject(rejection.clone()), article.text())
        .unwrap();
    let set_path = default_set_path(&article_path);
    save_set(&set_path, &article_path, &article, &set).unwrap();
    assert!(
        fs::read_to_string(&set_path)
            .unwrap()
            .contains("rejected: [")
    );
    let (_, _, loaded) = load_set(&set_path).unwrap();
    assert_eq!(loaded.set.rejections().collect::<Vec<_>>(), vec![rejection]);
    assert!(
        loaded
            .set
            .is_rejected(Span::new(start, start + 8), Tag::Figure)
    );
}

#[test]
fn a_set_records_the_article_format_and_reopens_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("draft.md");
    fs::write(
        &article_path,
        "# Turnout *soars*\n\nOfficials said **80.1%** voted.\n",
    )
    .unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    assert_eq!(
        article.text(),
        "Turnout soars\n\nOfficials said 80.1% voted.\n"
    );
    let start = article.text().find("80.1%").unwrap();
    let mut set = AnnotationSet::new();
    let id = set.allocate_id();
    let figure = Annotation::new(
        id,
        Tag::Figure,
        Span::new(start, start + 5),
        article.text(),
        Timestamp::UNIX_EPOCH,
    );
    set.apply(&Edit::Add(figure), article.text()).unwrap();
    let set_path = default_set_path(&article_path);
    save_set(&set_path, &article_path, &article, &set).unwrap();
    let saved = fs::read_to_string(&set_path).unwrap();
    assert!(saved.contains("format: Markdown,"), "{saved}");
    assert!(saved.contains(&format!(
        "sha256: \"{}\"",
        store::text_sha256(article.text())
    )));

    let (reopened, _, loaded) = load_set(&set_path).unwrap();
    assert_eq!(reopened.text(), article.text());
    assert_eq!(reopened.meta().format, ArticleFormat::Markdown);
    assert!(!loaded.article_changed);
    assert_eq!(loaded.set.annotations(), set.annotations());
}

#[test]
fn a_set_saved_before_formats_existed_reads_its_article_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("old.md");
    let raw = "# Title\n\nBody with *emphasis*.\n";
    fs::write(&article_path, raw).unwrap();
    let set_path = default_set_path(&article_path);
    let start = raw.find("*emphasis*").unwrap();
    fs::write(
        &set_path,
        format!(
            "(format: \"factmark.annotations\", version: 1, article: (path: \"old.md\", sha256: \"{}\", chars: {}, title: \"Title\", date: None), annotations: [(id: 1, tag: Claim, start: {start}, end: {}, exact: \"*emphasis*\", prefix: \"\", suffix: \"\", created: \"2020-01-01T00:00:00Z\", modified: \"2020-01-01T00:00:00Z\")])",
            store::text_sha256(raw),
            raw.chars().count(),
            start + 10,
        ),
    )
    .unwrap();
    let (article, _, loaded) = load_set(&set_path).unwrap();
    assert_eq!(article.text(), raw);
    assert_eq!(article.meta().format, ArticleFormat::Text);
    assert!(!loaded.article_changed);
    assert_eq!(loaded.set.annotations().len(), 1);
    assert!(loaded.set.orphans().is_empty());
}

#[test]
fn a_set_saved_with_a_byte_order_mark_loads_and_keeps_its_positions() {
    let text = saved_sample_text();
    let broken = text.replacen("(\n", "(x\n", 1);
    let position = |error: SetError| match error {
        SetError::Syntax { line, column, .. } => (line, column),
        other => panic!("expected a syntax error, got {other}"),
    };
    let unmarked = position(load_error(&broken));
    assert_eq!(unmarked.0, 2, "the error is on the line after the comment");
    assert_eq!(position(load_error(&format!("\u{feff}{broken}"))), unmarked);
    let dir = tempfile::tempdir().unwrap();
    let (_, set_path) = sample_set(dir.path());
    let (_, _, plain) = load_set(&set_path).unwrap();
    fs::write(&set_path, format!("\u{feff}{text}")).unwrap();
    let (_, _, marked) = load_set(&set_path).unwrap();
    assert_eq!(marked.set.annotations(), plain.set.annotations());
    assert_eq!(marked.set.len(), 2);
}

#[test]
fn version_0_is_refused_as_damaged() {
    let error = load_error(&saved_sample_text().replace("version: 1,", "version: 0,"));
    assert!(
        matches!(error, SetError::NoSuchVersion { found: 0, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("versions start at 1"), "{error}");
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let (article_path, set_path) = sample_set(dir.path());
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).unwrap();
    let real = shared.join("store.ron");
    {
        // The set kept in another folder, naming the article from there.
        let (article, _, loaded) = load_set(&set_path).unwrap();
        save_set(&real, &article_path, &article, &loaded.set).unwrap();
        fs::remove_file(&set_path).unwrap();
        fs::remove_file(store::backup_path(&real)).ok();
    }
    std::os::unix::fs::symlink("shared/store.ron", &set_path).unwrap();
    let before = fs::read(&real).unwrap();
    let (article, _, loaded) = load_set(&set_path).unwrap();
    let mut set = loaded.set;
    let id = set.allocate_id();
    let a = Annotation::new(
        id,
        Tag::Claim,
        Span::new(21, 62),
        article.text(),
        Timestamp::UNIX_EPOCH,
    );
    set.apply(&Edit::Add(a), article.text()).unwrap();
    save_set(&set_path, &article_path, &article, &set).unwrap();
    assert!(
        fs::symlink_metadata(&set_path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let saved = store::read_set_file(&real).unwrap();
    assert_eq!(saved.annotations.len(), 3, "the target holds the new set");
    // The article is named from the target's folder, so the set reads the
    // same directly and through the link.
    let name = article_path.file_name().unwrap().to_string_lossy();
    assert_eq!(saved.article.path, format!("../{name}"));
    assert_eq!(
        load_set(&real).unwrap().1,
        shared.join(format!("../{name}"))
    );
    assert_eq!(load_set(&set_path).unwrap().0.text(), article.text());
    let bak = store::backup_path(&real);
    assert!(fs::symlink_metadata(&bak).unwrap().file_type().is_file());
    assert_eq!(fs::read(bak).unwrap(), before);
    assert!(!store::backup_path(&set_path).exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 3, "article, link, folder: {leftovers:?}");
}

#[test]
fn write_errors_name_the_set_not_a_temporary_file() {
    let error = SetError::Write {
        path: PathBuf::from("b.annotations.ron"),
        source: std::io::Error::from(std::io::ErrorKind::StorageFull),
    };
    assert_eq!(
        error.to_string(),
        "b.annotations.ron: cannot save: the disk is full"
    );
    // What `tempfile` gives: the system's error with the temporary path.
    let dir = tempfile::tempdir().unwrap();
    let source = tempfile::Builder::new()
        .tempfile_in(dir.path().join("gone"))
        .unwrap_err();
    assert!(source.to_string().contains("gone"), "{source}");
    let error = SetError::Write {
        path: PathBuf::from("b.annotations.ron"),
        source,
    };
    let message = error.to_string();
    assert!(
        message.starts_with("b.annotations.ron: cannot save: "),
        "{message}"
    );
    assert!(
        !message.contains("gone") && !message.contains("os error"),
        "{message}"
    );
}

/// Sets that fail to load in each way the README names.
fn unloadable_sets() -> Vec<(&'static str, String)> {
    let text = saved_sample_text();
    vec![
        ("truncated", text[..text.len() / 2].to_owned()),
        ("wrong type", text.replacen("id: 1,", "id: \"one\",", 1)),
        ("duplicate ids", text.replace("id: 2,", "id: 1,")),
        ("trailing garbage", format!("{text}\n(garbage)")),
        ("newer version", text.replace("version: 1,", "version: 9,")),
    ]
}

#[test]
fn a_set_that_does_not_load_is_never_saved_over() {
    for (what, broken) in unloadable_sets() {
        let dir = tempfile::tempdir().unwrap();
        let (article_path, set_path) = sample_set(dir.path());
        let (article, _, loaded) = load_set(&set_path).unwrap();
        fs::write(&set_path, &broken).unwrap();
        let error = save_set(&set_path, &article_path, &article, &loaded.set).unwrap_err();
        assert!(
            matches!(error, SetError::WouldOverwrite { .. }),
            "{what}: {error}"
        );
        let message = error.to_string();
        assert!(
            message.starts_with(&set_path.display().to_string())
                && message.contains("Move it away"),
            "{what}: {message}"
        );
        assert_eq!(fs::read_to_string(&set_path).unwrap(), broken, "{what}");
    }
}

#[test]
fn a_set_another_program_changed_since_it_was_loaded_is_not_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let (article_path, set_path) = sample_set(dir.path());
    let stamp = factmark::io::DiskStamp::of(&set_path);
    let (article, _, loaded) = load_set(&set_path).unwrap();
    // Another program saves the set (same bytes, a new file).
    let theirs = fs::read(&set_path).unwrap();
    let elsewhere = dir.path().join("theirs");
    fs::write(&elsewhere, &theirs).unwrap();
    fs::rename(&elsewhere, &set_path).unwrap();
    let error =
        factmark::io::save_loaded_set(&set_path, &article_path, &article, &loaded.set, stamp)
            .unwrap_err();
    assert!(matches!(error, SetError::Changed { .. }), "{error}");
    assert_eq!(fs::read(&set_path).unwrap(), theirs);
    let now = factmark::io::DiskStamp::of(&set_path);
    factmark::io::save_loaded_set(&set_path, &article_path, &article, &loaded.set, now).unwrap();
}
