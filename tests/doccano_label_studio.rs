//! doccano and Label Studio: round trips through the real `export` and
//! `import` commands on the sample and on an article with accents and
//! emoji (offsets must count characters: a byte or UTF-16 count fails
//! here), files written as those tools write them, and bad input.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use factmark::io::import::{self, ImportFormat, ImportOptions};
use factmark::model::{AnnotationSet, Article, Edit, Span, Tag};
use jiff::Timestamp;
use predicates::prelude::*;
use serde_json::{Value, json};

const ARTICLE: &str = "belarus-2020-08-16.txt";

/// Accents, typographic quotes, and characters outside the Basic
/// Multilingual Plane (a flag is two of them, 👍 one) before annotations.
const ACCENTED: &str = "Paris 🇫🇷 — Le ministre Hélène Dupré a déclaré : « 80 % des électeurs 👍 ont voté ».\n\
Selon l’AFP, Zoë Müller 😀 évoque 3,5 millions de bulletins.\n";

fn factmark() -> Command {
    Command::cargo_bin("factmark").unwrap()
}

fn now() -> Timestamp {
    "2026-11-29T18:00:00Z".parse().unwrap()
}

/// The sample's gold annotation (all four tags), a note on every fifth.
fn gold(article: &Article) -> AnnotationSet {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let gold = import::import_file(
        ImportFormat::Brat,
        article,
        &corpus.join("articles/belarus-2020-08-16.ann"),
        &ImportOptions::new(now()),
    )
    .unwrap()
    .set;
    let mut set = AnnotationSet::new();
    for (i, a) in gold.annotations().iter().enumerate() {
        let mut a = a.clone();
        if i % 5 == 0 {
            a.note = format!("note {i}: « vérifié » 👍\nsecond line");
        }
        set.apply(&Edit::Add(a), article.text()).unwrap();
    }
    set
}

/// One annotation of each tag on `ACCENTED`, after the emoji, with notes.
fn accented_set(article: &Article) -> AnnotationSet {
    let text = article.text();
    let mut set = AnnotationSet::new();
    for (tag, needle, note) in [
        (Tag::Source, "Hélène Dupré", "ministre"),
        (Tag::Figure, "80 %", ""),
        (
            Tag::Quote,
            "« 80 % des électeurs 👍 ont voté »",
            "cité mot à mot",
        ),
        (Tag::Claim, "Zoë Müller 😀 évoque 3,5 millions", ""),
        (Tag::Figure, "3,5 millions", "à vérifier 😀"),
    ] {
        let start = text.find(needle).unwrap();
        let span = Span::new(start, start + needle.len());
        let mut a = set.new_annotation(tag, span, text, now());
        a.note = note.to_owned();
        set.apply(&Edit::Add(a), text).unwrap();
    }
    set
}

/// Writes the article and its set into `dir`; returns both paths.
fn write(
    dir: &Path,
    name: &str,
    text: &str,
    set: fn(&Article) -> AnnotationSet,
) -> (PathBuf, PathBuf) {
    let article_path = dir.join(name);
    fs::write(&article_path, text).unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let set_path = factmark::io::default_set_path(&article_path);
    factmark::io::save_set(&set_path, &article_path, &article, &set(&article)).unwrap();
    (article_path, set_path)
}

/// (tag, span, note) of every annotation of a saved set.
fn spans(set_path: &Path) -> Vec<(Tag, Span, String)> {
    let (_, _, loaded) = factmark::io::load_set(set_path).unwrap();
    assert!(loaded.set.orphans().is_empty());
    loaded
        .set
        .annotations()
        .iter()
        .map(|a| (a.tag, a.span, a.note.clone()))
        .collect()
}

fn without_notes(spans: Vec<(Tag, Span, String)>) -> Vec<(Tag, Span)> {
    spans.into_iter().map(|(t, s, _)| (t, s)).collect()
}

/// The text of characters `start..end`, counted as Python and Label Studio
/// count them (code points).
/// The text between two UTF-16 offsets, as JavaScript's `slice` gives it.
fn units(text: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn export(set: &Path, format: &str, out: &Path) -> assert_cmd::assert::Assert {
    factmark()
        .args(["export", "--format", format, "-o"])
        .arg(out)
        .arg(set)
        .assert()
}

fn import_cmd(article: &Path, option: &str, file: &Path, set: &Path) -> Command {
    let mut command = factmark();
    command
        .arg("import")
        .arg(article)
        .arg(option)
        .arg(file)
        .arg("-o")
        .arg(set);
    command
}

/// `factmark import ARTICLE OPTION FILE` into the default set, run.
fn import(article: &Path, option: &str, file: &Path) -> assert_cmd::assert::Assert {
    factmark()
        .arg("import")
        .arg(article)
        .arg(option)
        .arg(file)
        .assert()
}

// ---- round trips ----------------------------------------------------------

#[test]
fn doccano_export_of_the_sample_imports_back_with_the_same_spans() {
    let dir = tempfile::tempdir().unwrap();
    let (article, set) = write(dir.path(), ARTICLE, factmark::SAMPLE_ARTICLE, gold);
    let out = dir.path().join("out");
    export(&set, "doccano", &out)
        .code(0)
        .stdout(predicate::str::contains("exported 1 set (46 annotations) as doccano"))
        .stderr(predicate::str::contains(
            "note: belarus-2020-08-16.jsonl: doccano has no notes on spans, so 11 notes were not exported",
        ))
        .stderr(predicate::str::contains(
            "belarus-2020-08-16.jsonl: 16 spans overlap others, and doccano drops overlapping spans on import unless the project's settings tick \"Allow overlapping entity\"",
        ));
    let jsonl = fs::read_to_string(out.join("belarus-2020-08-16.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 1);
    let line: Value = serde_json::from_str(&jsonl).unwrap();
    assert_eq!(line["text"], factmark::SAMPLE_ARTICLE);
    assert_eq!(line["file"], ARTICLE);
    let labels = line["label"].as_array().unwrap();
    assert_eq!(labels.len(), 46);
    assert!(labels.contains(&json!([788, 793, "Figure"])), "{labels:?}");
    let mut tags: Vec<&str> = labels.iter().map(|l| l[2].as_str().unwrap()).collect();
    tags.sort();
    tags.dedup();
    assert_eq!(tags, ["Claim", "Figure", "Quote", "Source"]);

    let copy = dir.path().join("copy.annotations.ron");
    import_cmd(
        &article,
        "--doccano",
        &out.join("belarus-2020-08-16.jsonl"),
        &copy,
    )
    .assert()
    .code(0)
    .stdout(predicate::str::contains(
        "imported 46 annotations (13 claim, 6 figure, 10 quote, 17 source) from",
    ));
    assert_eq!(without_notes(spans(&copy)), without_notes(spans(&set)));
}

#[test]
fn label_studio_export_of_the_sample_imports_back_with_numbers_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (article, set) = write(dir.path(), ARTICLE, factmark::SAMPLE_ARTICLE, gold);
    let out = dir.path().join("out");
    export(&set, "label-studio", &out).code(0);
    let file = out.join("belarus-2020-08-16.label-studio.json");
    let tasks: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    let task = &tasks[0];
    assert_eq!(tasks.as_array().unwrap().len(), 1);
    assert_eq!(task["data"]["text"], factmark::SAMPLE_ARTICLE);
    let result = task["annotations"][0]["result"].as_array().unwrap();
    let figure = result
        .iter()
        .find(|r| r["id"] == "factmark-7" && r["type"] == "labels")
        .unwrap();
    assert_eq!(
        figure["value"],
        json!({"start": 788, "end": 793, "text": "80.1%", "labels": ["Figure"]})
    );
    assert_eq!(
        result.iter().filter(|r| r["type"] == "textarea").count(),
        11
    );
    let config = fs::read_to_string(out.join("label-studio-config.xml")).unwrap();
    assert!(config.starts_with("<!-- Written by factmark"), "{config}");
    for needed in [
        "<Labels name=\"label\" toName=\"text\">",
        "<Label value=\"Claim\"",
        "<Label value=\"Source\"",
        "<Text name=\"text\" value=\"$text\"/>",
        "<TextArea name=\"note\" toName=\"text\" perRegion=\"true\"",
    ] {
        assert!(config.contains(needed), "{needed} in {config}");
    }

    let copy = dir.path().join("copy.annotations.ron");
    import_cmd(&article, "--label-studio", &file, &copy)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "imported 46 annotations (13 claim, 6 figure, 10 quote, 17 source), 11 with notes from",
        ));
    assert_eq!(spans(&copy), spans(&set));
    let ids = |p: &Path| {
        let (_, _, loaded) = factmark::io::load_set(p).unwrap();
        loaded
            .set
            .annotations()
            .iter()
            .map(|a| a.id.0)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&copy), ids(&set));
}

#[test]
fn offsets_count_characters_in_an_article_with_accents_and_emoji() {
    let dir = tempfile::tempdir().unwrap();
    let (article, set) = write(dir.path(), "accents.txt", ACCENTED, accented_set);
    let out = dir.path().join("out");
    export(&set, "doccano", &out).code(0);
    export(&set, "label-studio", &out).code(0);

    // doccano's offsets count UTF-16 units, as its editor does: the first
    // span sits after the flag (two characters, eight bytes, four UTF-16
    // units) at character 23, unit 25. Label Studio's count characters.
    let line: Value =
        serde_json::from_str(&fs::read_to_string(out.join("accents.jsonl")).unwrap()).unwrap();
    let labels = line["label"].as_array().unwrap();
    assert_eq!(labels[0], json!([25, 37, "Source"]));
    let expected = [
        "Hélène Dupré",
        "« 80 % des électeurs 👍 ont voté »",
        "80 %",
        "Zoë Müller 😀 évoque 3,5 millions",
        "3,5 millions",
    ];
    let found: Vec<String> = labels
        .iter()
        .map(|l| units(ACCENTED, l[0].as_u64().unwrap(), l[1].as_u64().unwrap()))
        .collect();
    assert_eq!(found, expected);

    let tasks: Value =
        serde_json::from_str(&fs::read_to_string(out.join("accents.label-studio.json")).unwrap())
            .unwrap();
    let regions: Vec<&Value> = tasks[0]["annotations"][0]["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "labels")
        .collect();
    assert_eq!(regions.len(), 5);
    for (region, expected) in regions.iter().zip(expected) {
        let value = &region["value"];
        let (start, end) = (
            value["start"].as_u64().unwrap(),
            value["end"].as_u64().unwrap(),
        );
        assert_eq!(chars(ACCENTED, start, end), expected);
        assert_eq!(value["text"], expected);
    }

    let from_doccano = dir.path().join("d.annotations.ron");
    import_cmd(
        &article,
        "--doccano",
        &out.join("accents.jsonl"),
        &from_doccano,
    )
    .assert()
    .code(0);
    assert_eq!(
        without_notes(spans(&from_doccano)),
        without_notes(spans(&set))
    );
    let from_ls = dir.path().join("ls.annotations.ron");
    import_cmd(
        &article,
        "--label-studio",
        &out.join("accents.label-studio.json"),
        &from_ls,
    )
    .assert()
    .code(0)
    // Placed by their offsets, not found again by their text.
    .stdout(predicate::str::contains("re-anchored").not());
    assert_eq!(spans(&from_ls), spans(&set));
}

// ---- files as the tools write them ---------------------------------------

#[test]
fn a_doccano_export_with_several_documents_imports_the_article_line() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("accents.txt");
    fs::write(&article, ACCENTED).unwrap();
    // doccano's JSONL export of a sequence labeling project: id, text,
    // spans as [start_offset, end_offset, label] under "label" (in UTF-16
    // units, as its editor stored them: the flag before "Hélène" counts 4,
    // 👍 before "Zoë" 2), comments, and the metadata keys given on upload.
    let file = dir.path().join("admin.jsonl");
    let lines = [
        json!({"id": 11, "text": "EU rejects German call to boycott British lamb.",
               "label": [[0, 2, "ORG"]], "Comments": []}),
        json!({"id": 12, "text": ACCENTED,
               "label": [[25, 37, "PER"], [52, 56, "Figure"], [99, 109, "PER"], [25, 37, "PER"]],
               "Comments": ["relu"], "source": "afp"}),
    ];
    let jsonl: String = lines.iter().map(|l| format!("{l}\n")).collect();
    fs::write(&file, jsonl).unwrap();
    let set = dir.path().join("accents.annotations.ron");
    import(
        &article,
        "--doccano",
        &file,
    )
        .code(0)
        .stdout(predicate::str::contains(
            "imported 1 annotation (0 claim, 1 figure, 0 quote, 0 source); offsets counted in UTF-16 units, as doccano's editor counts them (an emoji is 2); skipped unmapped types: 3 PER, 1 comment from",
        ));
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--doccano")
        .arg(&file)
        .args(["--map", "per=Source", "--force"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "imported 3 annotations (0 claim, 1 figure, 0 quote, 2 source); offsets counted in UTF-16 units, as doccano's editor counts them (an emoji is 2); skipped 1 duplicate, 1 comment",
        ));
    let texts: Vec<String> = factmark::io::load_set(&set)
        .unwrap()
        .2
        .set
        .annotations()
        .iter()
        .map(|a| a.quote.exact.clone())
        .collect();
    assert_eq!(texts, ["Hélène Dupré", "80 %", "Zoë Müller"]);
}

/// A Label Studio JSON export of one task, as Label Studio 1.x writes it.
fn label_studio_export(text: &str, result: Value) -> Value {
    json!([{
        "id": 1,
        "annotations": [{
            "id": 9, "completed_by": 1, "result": result,
            "was_cancelled": false, "ground_truth": false,
            "created_at": "2024-06-24T09:12:30.512345Z", "updated_at": "2024-06-24T09:15:02.000001Z",
            "draft_created_at": null, "lead_time": 152.3, "prediction": {},
            "result_count": 0, "unique_id": "3f7c2a9e", "import_id": null,
            "last_action": null, "task": 1, "project": 3, "updated_by": 1,
            "parent_prediction": null, "parent_annotation": null, "last_created_by": null
        }],
        "file_upload": "0a1b2c3d-articles.json",
        "drafts": [], "predictions": [],
        "data": {"text": text, "source": "AFP"},
        "meta": {}, "created_at": "2024-06-24T09:10:00.000000Z",
        "updated_at": "2024-06-24T09:15:02.000000Z", "inner_id": 1,
        "total_annotations": 1, "cancelled_annotations": 0, "total_predictions": 0,
        "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": null,
        "project": 3, "updated_by": 1, "comment_authors": []
    }])
}

#[test]
fn a_label_studio_export_imports_with_utf16_offsets_notes_and_a_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("accents.txt");
    fs::write(&article, ACCENTED).unwrap();
    let file = dir.path().join("project-3-at-2024-06-24.json");
    let result = json!([
        // Counted in code points, as Label Studio does since 2022.
        {"value": {"start": 23, "end": 35, "text": "Hélène Dupré", "labels": ["Person"]},
         "id": "gew3t9fgkg", "from_name": "label", "to_name": "text", "type": "labels",
         "origin": "manual"},
        {"value": {"start": 23, "end": 35, "text": ["la ministre"]},
         "id": "gew3t9fgkg", "from_name": "comment", "to_name": "text", "type": "textarea",
         "origin": "manual"},
        // Counted in UTF-16 code units (the flag is four), as it did before.
        {"value": {"start": 52, "end": 56, "text": "80 %", "labels": ["Figure"]},
         "id": "0gpIsb7s27", "from_name": "label", "to_name": "text", "type": "labels",
         "origin": "manual"},
        {"value": {"choices": ["Politique"]}, "id": "c1", "from_name": "topic",
         "to_name": "text", "type": "choices", "origin": "manual"}
    ]);
    fs::write(&file, label_studio_export(ACCENTED, result).to_string()).unwrap();
    let set = dir.path().join("accents.annotations.ron");
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--label-studio")
        .arg(&file)
        .args(["--map", "Person=Source"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "imported 2 annotations (0 claim, 1 figure, 0 quote, 1 source), 1 with notes; 1 re-anchored by their quote text; skipped 1 other result",
        ));
    let (_, _, loaded) = factmark::io::load_set(&set).unwrap();
    let got: Vec<(&str, &str, String)> = loaded
        .set
        .annotations()
        .iter()
        .map(|a| {
            (
                a.quote.exact.as_str(),
                a.note.as_str(),
                a.created.to_string(),
            )
        })
        .collect();
    // The annotation's `created_at`, in whole seconds as factmark writes
    // every time.
    assert_eq!(
        got,
        [
            (
                "Hélène Dupré",
                "la ministre",
                "2024-06-24T09:12:30Z".to_owned()
            ),
            ("80 %", "", "2024-06-24T09:12:30Z".to_owned()),
        ]
    );
}

// ---- bad input -------------------------------------------------------------

#[test]
fn invalid_json_names_the_file_line_and_column_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("accents.txt");
    fs::write(&article, ACCENTED).unwrap();
    let jsonl = dir.path().join("bad.jsonl");
    fs::write(
        &jsonl,
        "{\"text\": \"a\", \"label\": []}\n{\"text\": \"b\" \"label\": []}\n",
    )
    .unwrap();
    import(&article, "--doccano", &jsonl)
        .code(2)
        .stderr(predicate::str::contains(
            "bad.jsonl:2: not valid JSON: expected `,` or `}` at line 2 column 14",
        ));
    let json = dir.path().join("bad.json");
    fs::write(
        &json,
        "[{\"data\": {\"text\": \"a\"},\n  \"annotations\": [}]",
    )
    .unwrap();
    import(&article, "--label-studio", &json)
        .code(2)
        .stderr(predicate::str::contains(
            "bad.json:2: not valid JSON: expected value at line 2 column 19",
        ));
    assert!(!dir.path().join("accents.annotations.ron").exists());
}

#[test]
fn a_file_without_the_article_text_fails_with_how_many_records_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("accents.txt");
    fs::write(&article, ACCENTED).unwrap();
    let jsonl = dir.path().join("other.jsonl");
    // The article without its final line break is another text.
    let lines = [
        json!({"text": "Peter Blackburn", "label": [[0, 15, "PERSON"]]}),
        json!({"text": ACCENTED.trim_end(), "label": []}),
        json!({"text": "President Obama", "label": [[10, 15, "PERSON"]]}),
    ];
    fs::write(&jsonl, lines.map(|l| l.to_string()).join("\n")).unwrap();
    import(&article, "--doccano", &jsonl)
        .code(1)
        .stderr(predicate::str::contains(
            "other.jsonl: no line holds exactly the article's text (the file has 3 lines)",
        ));
    let json = dir.path().join("other.json");
    fs::write(
        &json,
        label_studio_export("Peter Blackburn", json!([])).to_string(),
    )
    .unwrap();
    import(&article, "--label-studio", &json)
        .code(1)
        .stderr(predicate::str::contains(
            "other.json: no task holds exactly the article's text (the file has 1 task)",
        ));
}

#[test]
fn offsets_past_the_end_fail_with_file_and_place_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("accents.txt");
    fs::write(&article, ACCENTED).unwrap();
    let len = ACCENTED.chars().count();
    let jsonl = dir.path().join("past.jsonl");
    let line =
        json!({"text": ACCENTED, "label": [[23, 35, "Source"], [len - 2, len + 5, "Claim"]]});
    fs::write(&jsonl, format!("\n{line}\n")).unwrap();
    import(
        &article,
        "--doccano",
        &jsonl,
    )
        .code(1)
        .stderr(predicate::str::contains(format!(
            "past.jsonl:2: label 2 (Claim): the span {}..{} ends past the end of the article ({len} characters); fix the file or import with --skip-invalid",
            len - 2,
            len + 5
        )));
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--doccano")
        .arg(&jsonl)
        .arg("--skip-invalid")
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "past.jsonl:2: label 2 (Claim): the span",
        ))
        .stdout(predicate::str::contains("imported 1 annotation"));

    let json = dir.path().join("past.json");
    let result = json!([{"value": {"start": 990, "end": 995, "text": "zzzzz", "labels": ["Claim"]},
        "id": "far", "from_name": "label", "to_name": "text", "type": "labels"}]);
    fs::write(&json, label_studio_export(ACCENTED, result).to_string()).unwrap();
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--label-studio")
        .arg(&json)
        .arg("--force")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "past.json: region 1: far: the span 990..995 ends past the end of the article ({len} characters)"
        )));
}

#[test]
fn a_label_studio_text_that_differs_fails_with_both_texts() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("accents.txt");
    fs::write(&article, ACCENTED).unwrap();
    let json = dir.path().join("edited.json");
    let result = json!([{"value": {"start": 50, "end": 54, "text": "90 %", "labels": ["Figure"]},
        "id": "x1", "from_name": "label", "to_name": "text", "type": "labels"}]);
    fs::write(&json, label_studio_export(ACCENTED, result).to_string()).unwrap();
    import(
        &article,
        "--label-studio",
        &json,
    )
        .code(1)
        .stderr(predicate::str::contains(
            "edited.json: region 1: x1: the text \"90 %\" does not match the article at 50..54, which reads \"80 %\"",
        ));
}

#[test]
fn the_window_tells_the_formats_apart_by_name_and_content() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, contents: &str| {
        let path = dir.path().join(name);
        fs::write(&path, contents).unwrap();
        path
    };
    let tasks = write(
        "tasks.json",
        &label_studio_export("x", json!([])).to_string(),
    );
    let w3c = write(
        "w3c.json",
        "{\"type\": \"AnnotationCollection\", \"first\": {\"items\": []}}",
    );
    let jsonl = write("d.jsonl", "{\"text\": \"x\"}\n");
    let broken = write("broken.json", "{");
    assert_eq!(
        ImportFormat::detect(&tasks),
        Some(ImportFormat::LabelStudio)
    );
    assert_eq!(ImportFormat::detect(&w3c), Some(ImportFormat::W3c));
    assert_eq!(ImportFormat::detect(&jsonl), Some(ImportFormat::Doccano));
    assert_eq!(ImportFormat::detect(&broken), Some(ImportFormat::W3c));
    assert_eq!(ImportFormat::detect(Path::new("notes.txt")), None);

    // Given to the W3C import by mistake, tasks are named for what they are.
    let article = write("a.txt", "x");
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--w3c")
        .arg(&tasks)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "tasks.json:1: these are Label Studio tasks, not W3C annotations; import them with --label-studio",
        ));
}

#[test]
fn a_users_own_labeling_configuration_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (_, set) = write(dir.path(), "accents.txt", ACCENTED, accented_set);
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    let mine = "<View>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
    fs::write(out.join("label-studio-config.xml"), mine).unwrap();
    export(&set, "label-studio", &out)
        .code(0)
        .stderr(predicate::str::contains(
            "label-studio-config.xml as it was",
        ));
    assert_eq!(
        fs::read_to_string(out.join("label-studio-config.xml")).unwrap(),
        mine
    );
}
