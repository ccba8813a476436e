//! Exports and imports: golden files of every export of the sample with its
//! gold annotation, round trips, the whole PolNeAR dev corpus, injection
//! attempts, and the `export`/`import` commands' handling of bad input.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use factmark::io::export::{self, Document, ExportFormat};
use factmark::io::import::{self, ImportFormat, ImportOptions, Imported};
use factmark::model::{Annotation, AnnotationSet, Article, Edit, Span, Tag};
use jiff::Timestamp;
use predicates::prelude::*;

const ARTICLE: &str = "belarus-2020-08-16.txt";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn factmark() -> Command {
    Command::cargo_bin("factmark").unwrap()
}

/// A fixed time, so exports are the same bytes on every run.
fn fixed_now() -> Timestamp {
    "2026-11-29T18:00:00Z".parse().unwrap()
}

fn sample() -> Article {
    Article::new(factmark::SAMPLE_ARTICLE.to_owned())
}

/// The sample's gold annotation, imported from brat.
fn gold(article: &Article) -> Imported {
    import::import_file(
        ImportFormat::Brat,
        article,
        &corpus().join("articles/belarus-2020-08-16.ann"),
        &ImportOptions::new(fixed_now()),
    )
    .unwrap()
}

/// The fields an annotation keeps through every format.
fn essentials(set: &AnnotationSet) -> Vec<(u64, Tag, Span, String)> {
    set.annotations()
        .iter()
        .map(|a| (a.id.0, a.tag, a.span, a.note.clone()))
        .collect()
}

#[test]
fn the_sample_is_the_corpus_article() {
    let on_disk = fs::read_to_string(corpus().join("articles").join(ARTICLE)).unwrap();
    assert_eq!(on_disk, factmark::SAMPLE_ARTICLE);
}

#[test]
fn the_gold_imports_whole_with_its_note_and_relations_counted() {
    let article = sample();
    let Imported { set, report } = gold(&article);
    assert_eq!(set.len(), 46);
    assert_eq!(report.imported, [13, 6, 10, 17]);
    assert_eq!(report.notes, 1);
    assert_eq!(report.skipped.get("relation"), Some(&8));
    assert_eq!(
        set.get(factmark::model::AnnotationId(7)).unwrap().note,
        "Official result from the Central Election Commission; disputed by the opposition"
    );
    assert_eq!(
        report.summary(),
        "46 annotations (13 claim, 6 figure, 10 quote, 17 source), 1 with notes; skipped 8 relations"
    );
}

fn rendered(format: ExportFormat) -> Vec<export::ExportFile> {
    let article = sample();
    let set = gold(&article).set;
    let doc = Document::new(&article, Path::new(ARTICLE), &set);
    export::render(format, &doc)
}

#[test]
fn json_export_of_the_sample_matches_the_golden_file() {
    let files = rendered(ExportFormat::Json);
    assert_eq!(files[0].name, "belarus-2020-08-16.json");
    // The source is the article's absolute file URL, which depends on where
    // the repository is checked out.
    let here = url::Url::from_file_path(std::path::absolute(ARTICLE).unwrap()).unwrap();
    let contents = files[0]
        .contents
        .replace(here.as_str(), "file:///HERE/belarus-2020-08-16.txt");
    insta::assert_snapshot!("belarus.json", contents);
}

#[test]
fn json_ids_and_sources_are_absolute_iris_stable_for_the_same_set() {
    let dir = tempfile::tempdir().unwrap();
    let article = Article::new("The minister said 80% agreed.".to_owned());
    let mut set = AnnotationSet::new();
    let a = set.new_annotation(Tag::Figure, Span::new(18, 21), article.text(), fixed_now());
    set.apply(&Edit::Add(a), article.text()).unwrap();
    let path = dir.path().join("tricky #1 file.txt");
    let render = || export::json::render(&Document::new(&article, &path, &set));
    let json: serde_json::Value = serde_json::from_str(&render()).unwrap();
    assert_eq!(render(), render(), "the same set gives the same bytes");
    let page = &json["first"];
    let item = &page["items"][0];
    for id in [&json["id"], &page["id"], &item["id"]] {
        let id = id.as_str().unwrap();
        assert!(id.starts_with("urn:uuid:"), "{id}");
        assert!(
            uuid::Uuid::parse_str(&id["urn:uuid:".len()..]).is_ok(),
            "{id}"
        );
    }
    let canonical = item["canonical"].as_str().unwrap();
    assert!(canonical.starts_with("urn:factmark:") && canonical.ends_with(":1"));
    let source = item["target"]["source"].as_str().unwrap();
    let parsed = url::Url::parse(source).unwrap();
    assert_eq!(parsed.scheme(), "file");
    assert!(source.ends_with("/tricky%20%231%20file.txt"), "{source}");
    assert_eq!(parsed.to_file_path().unwrap(), path);
}

#[test]
fn json_source_of_a_web_page_is_its_canonical_address() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    fs::write(
        &page,
        "<html><head><title>T</title><link rel=\"canonical\" href=\"https://news.example/a b\"></head>\
         <body><article><p>The minister said 80% agreed, and more text to make it an article.</p></article></body></html>",
    )
    .unwrap();
    let (article, _) = factmark::io::open_article(&page).unwrap();
    let Some(url) = article.meta().url.clone() else {
        panic!("the page's canonical link is its url");
    };
    let set = AnnotationSet::new();
    let doc = Document::new(&article, &page, &set);
    assert_eq!(doc.source, url::Url::parse(&url).unwrap().as_str());
    assert!(doc.source.starts_with("https://news.example/"));
}

#[test]
fn csv_export_of_the_sample_matches_the_golden_file() {
    let files = rendered(ExportFormat::Csv);
    assert_eq!(files[0].name, "belarus-2020-08-16.csv");
    insta::assert_snapshot!("belarus.csv", files[0].contents);
}

#[test]
fn markdown_export_of_the_sample_matches_the_golden_file() {
    let files = rendered(ExportFormat::Markdown);
    assert_eq!(files[0].name, "belarus-2020-08-16.md");
    insta::assert_snapshot!("belarus.md", files[0].contents);
}

#[test]
fn html_export_of_the_sample_matches_the_golden_file() {
    let files = rendered(ExportFormat::Html);
    assert_eq!(files[0].name, "belarus-2020-08-16.html");
    insta::assert_snapshot!("belarus.html", files[0].contents);
}

#[test]
fn brat_export_of_the_sample_matches_the_golden_file_and_carries_the_text() {
    let files = rendered(ExportFormat::Brat);
    assert_eq!(files[0].name, "belarus-2020-08-16.ann");
    insta::assert_snapshot!("belarus.ann", files[0].contents);
    assert_eq!(files[1].name, ARTICLE);
    assert_eq!(files[1].contents, factmark::SAMPLE_ARTICLE);
}

#[test]
fn brat_export_of_the_gold_gives_back_the_gold_spans() {
    let gold_lines: Vec<String> =
        fs::read_to_string(corpus().join("articles/belarus-2020-08-16.ann"))
            .unwrap()
            .lines()
            .filter(|l| l.starts_with('T'))
            .map(|l| l.split('\t').skip(1).collect::<Vec<_>>().join("\t"))
            .collect();
    let ann = &rendered(ExportFormat::Brat)[0].contents;
    for line in &gold_lines {
        assert!(
            ann.contains(line.as_str()),
            "{line} missing from the export"
        );
    }
}

/// The gold with varied notes and times, so round trips have something to lose.
fn rich_set(article: &Article) -> AnnotationSet {
    let gold = gold(article).set;
    let mut set = AnnotationSet::new();
    for (i, a) in gold.annotations().iter().enumerate() {
        let mut a: Annotation = a.clone();
        a.created = Timestamp::from_second(1_700_000_000 + i as i64).unwrap();
        a.modified = Timestamp::from_second(1_700_100_000 + i as i64).unwrap();
        if i % 5 == 0 {
            a.note = format!("note {i}: \"quoted\", <b>tags</b> & =SUM(1)");
        }
        set.apply(&Edit::Add(a), article.text()).unwrap();
    }
    set
}

#[test]
fn set_to_json_to_set_gives_the_same_annotations() {
    let article = sample();
    let set = rich_set(&article);
    let json = export::json::render(&Document::new(&article, Path::new(ARTICLE), &set));
    let back = import::w3c::parse(
        &article,
        &json,
        Path::new("x.json"),
        &ImportOptions::new(Timestamp::UNIX_EPOCH),
    )
    .unwrap();
    assert_eq!(back.set.annotations(), set.annotations());
    assert!(back.report.invalid.is_empty() && back.report.unmapped.is_empty());
    assert_eq!(back.report.reanchored, 0);
}

#[test]
fn json_of_earlier_versions_with_relative_ids_still_imports_its_numbers() {
    let article = sample();
    let set = rich_set(&article);
    let json = export::json::render(&Document::new(&article, Path::new(ARTICLE), &set));
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    for item in old["first"]["items"].as_array_mut().unwrap() {
        let number = item["canonical"]
            .as_str()
            .unwrap()
            .rsplit(':')
            .next()
            .unwrap()
            .to_owned();
        item["id"] = format!("belarus-2020-08-16.json#{number}").into();
        item.as_object_mut().unwrap().remove("canonical");
    }
    let back = import::w3c::parse(
        &article,
        &old.to_string(),
        Path::new("x.json"),
        &ImportOptions::new(Timestamp::UNIX_EPOCH),
    )
    .unwrap();
    assert_eq!(back.set.annotations(), set.annotations());
}

#[test]
fn set_to_brat_to_set_gives_the_same_annotations() {
    let article = sample();
    let set = rich_set(&article);
    let ann = export::brat::render(&Document::new(&article, Path::new(ARTICLE), &set));
    let back = import::brat::parse(
        &article,
        &ann,
        Path::new("x.ann"),
        &ImportOptions::new(Timestamp::UNIX_EPOCH),
    )
    .unwrap();
    assert_eq!(essentials(&back.set), essentials(&set));
}

#[test]
fn every_polnear_dev_file_imports_and_every_span_is_the_article_text() {
    let root = corpus().join("polnear-dev");
    let mut files = 0;
    let mut spans = 0;
    for entry in fs::read_dir(root.join("text")).unwrap() {
        let text_path = entry.unwrap().path();
        let name = text_path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let ann_path = root.join("gold").join(format!("{name}.ann"));
        let (article, _) = factmark::io::open_article(&text_path).unwrap();
        let imported = import::import_file(
            ImportFormat::Brat,
            &article,
            &ann_path,
            &ImportOptions::new(fixed_now()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let lines = fs::read_to_string(&ann_path)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with('T'))
            .count();
        assert_eq!(imported.set.len(), lines, "{name}");
        for a in imported.set.annotations() {
            assert_eq!(article.text()[a.span.range()], a.quote.exact, "{name}");
        }
        files += 1;
        spans += imported.set.len();
    }
    assert_eq!(files, 84);
    assert_eq!(spans, 784 + 1952);
}

#[test]
fn polnear_attribution_files_import_with_a_mapping_and_split_fragments() {
    let root = corpus().join("polnear-dev");
    let options = ImportOptions::new(fixed_now()).with_mapping("Content", Tag::Quote);
    let mut split = 0;
    for entry in fs::read_dir(root.join("text")).unwrap() {
        let text_path = entry.unwrap().path();
        let name = text_path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let (article, _) = factmark::io::open_article(&text_path).unwrap();
        let ann_path = root.join("ann").join(format!("{name}.ann"));
        let imported = import::import_file(ImportFormat::Brat, &article, &ann_path, &options)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(imported.report.unmapped.contains_key("Cue"), "{name}");
        for a in imported.set.annotations() {
            assert_eq!(article.text()[a.span.range()], a.quote.exact, "{name}");
        }
        split += imported.report.split;
    }
    assert!(split > 0, "the attribution files have discontinuous spans");
}

/// A one-annotation set over `needle` in `text`, with a note.
fn one_annotation(text: &str, needle: &str, note: &str) -> (Article, AnnotationSet) {
    let article = Article::new(text.to_owned());
    let start = text.find(needle).unwrap();
    let mut set = AnnotationSet::new();
    let id = set.allocate_id();
    let mut a = Annotation::new(
        id,
        Tag::Claim,
        Span::new(start, start + needle.len()),
        text,
        fixed_now(),
    );
    a.note = note.to_owned();
    set.apply(&Edit::Add(a), text).unwrap();
    (article, set)
}

#[test]
fn a_formula_in_a_note_or_a_span_is_inert_in_csv() {
    let text = "=HYPERLINK(\"http://evil.example\",\"click\") said the minister.";
    let (article, set) = one_annotation(text, text, "=HYPERLINK(\"http://evil.example\")");
    let csv = export::csv::render(&export::csv::rows(&Document::new(
        &article,
        Path::new("@evil.txt"),
        &set,
    )));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    assert_eq!(&record[0], "'@evil.txt");
    assert_eq!(&record[5], format!("'{text}"));
    assert_eq!(&record[6], "'=HYPERLINK(\"http://evil.example\")");
    for cell in record.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?}"
        );
    }
}

#[test]
fn script_in_the_article_or_a_note_is_escaped_in_html() {
    let text = "Before <script>alert('x')</script> after & more.";
    let (article, set) = one_annotation(
        text,
        "<script>alert('x')</script>",
        "</td><script>bad()</script>",
    );
    let html = export::html::render(&Document::new(&article, Path::new("a.txt"), &set));
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    assert!(html.contains("after &amp; more."));
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "no external resources"
    );
}

#[test]
fn markdown_escapes_markup_in_the_article() {
    let text = "A <img src=x onerror=alert(1)> and *stars* here.";
    let (article, set) =
        one_annotation(text, "<img src=x onerror=alert(1)>", "[link](javascript:x)");
    let md = export::markdown::render(&Document::new(&article, Path::new("a.txt"), &set));
    assert!(md.contains("\\<img src=x onerror=alert(1)\\>"), "{md}");
    assert!(md.contains("\\[link\\](javascript:x)"), "{md}");
}

#[test]
fn overlapping_highlights_keep_every_run_of_text_once() {
    let article = sample();
    let set = gold(&article).set;
    let html = export::html::render(&Document::new(&article, Path::new(ARTICLE), &set));
    // The nested figure inside the claim splits it into three runs.
    assert!(html.contains(">Mr Lukashenko, who has been in power since 1994, won </mark>"));
    assert!(html.contains(">80.1%</mark>"));
}

/// A set of claims at the given byte ranges of `text`.
fn claims(text: &str, spans: &[(usize, usize)]) -> (Article, AnnotationSet) {
    let article = Article::new(text.to_owned());
    let mut set = AnnotationSet::new();
    for &(start, end) in spans {
        let a = set.new_annotation(Tag::Claim, Span::new(start, end), text, fixed_now());
        set.apply(&Edit::Add(a), text).unwrap();
    }
    (article, set)
}

#[test]
fn adjacent_and_overlapping_highlights_of_one_tag_stay_distinct_in_html() {
    let text = "one two three four";
    // Adjacent: 0..4 and 4..7; overlapping: 8..13 and 10..18.
    let (article, set) = claims(text, &[(0, 4), (4, 7), (8, 13), (10, 18)]);
    let html = export::html::render(&Document::new(&article, Path::new("a.txt"), &set));
    let bar = "inset 2px 0 #0072b2";
    // Every annotation begins with a bar of its color.
    assert_eq!(html.matches(bar).count(), 4, "{html}");
    assert!(
        html.contains(&format!("{bar}\" title=\"Claim 2\">two</mark>")),
        "{html}"
    );
    // Where two claims overlap the fill is darker than where one is.
    assert!(html.contains("background:#0072b270;box-shadow:inset 0 -2px #0072b2,inset 2px 0 #0072b2\" title=\"Claim 3\nClaim 4\">ree</mark>"), "{html}");
    assert!(
        html.contains(
            "background:#0072b238;box-shadow:inset 0 -2px #0072b2\" title=\"Claim 4\"> four</mark>"
        ),
        "{html}"
    );
}

#[test]
fn line_breaks_in_notes_and_span_texts_show_in_the_html_table() {
    let text = "First line\nsecond line.";
    let (article, set) = one_annotation(text, text, "note one\nnote two");
    let html = export::html::render(&Document::new(&article, Path::new("a.txt"), &set));
    assert!(html.contains("td.text{white-space:pre-wrap}"));
    assert!(html.contains("<td class=\"text\">First line\nsecond line.</td><td class=\"text\">note one\nnote two</td>"), "{html}");
}

#[test]
fn export_set_writes_into_a_new_folder_and_never_over_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join(ARTICLE);
    fs::write(
        &article_path,
        factmark::SAMPLE_ARTICLE.replace('\n', "\r\n"),
    )
    .unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let set = gold(&article).set;
    let out = dir.path().join("exports/today");
    let written =
        export::export_set(ExportFormat::Brat, &article, &article_path, &set, &out).unwrap();
    assert_eq!(
        written,
        vec![
            out.join("belarus-2020-08-16.ann"),
            out.join(ARTICLE),
            out.join("annotation.conf"),
            out.join("visual.conf")
        ]
    );
    let error = export::export_set(
        ExportFormat::Brat,
        &article,
        &article_path,
        &set,
        dir.path(),
    )
    .unwrap_err();
    assert!(matches!(
        error,
        export::ExportError::WouldOverwriteArticle { .. }
    ));
    assert!(
        error.to_string().ends_with(
            "belarus-2020-08-16.txt: this is the article itself, which the export would replace; export into another folder"
        ),
        "{error}"
    );
    assert!(fs::read_to_string(&article_path).unwrap().contains("\r\n"));
    // Refused before anything was written: the `.ann` that comes first in
    // the export is not there either.
    assert!(!dir.path().join("belarus-2020-08-16.ann").exists());
}

#[test]
fn an_export_never_replaces_a_folder_of_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join(ARTICLE);
    fs::write(&article_path, factmark::SAMPLE_ARTICLE).unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let set = gold(&article).set;
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("belarus-2020-08-16.csv")).unwrap();
    let error =
        export::export_set(ExportFormat::Csv, &article, &article_path, &set, &out).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("belarus-2020-08-16.csv: cannot write the export: this is a folder"),
        "{error}"
    );
    assert!(out.join("belarus-2020-08-16.csv").is_dir());
}

#[test]
fn a_refused_brat_export_leaves_an_existing_ann_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join(ARTICLE);
    fs::write(
        &article_path,
        factmark::SAMPLE_ARTICLE.replace('\n', "\r\n"),
    )
    .unwrap();
    let ann = dir.path().join("belarus-2020-08-16.ann");
    fs::write(&ann, "T1\tClaim 0 4\tgold\n").unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let set = gold(&article).set;
    export::export_set(
        ExportFormat::Brat,
        &article,
        &article_path,
        &set,
        dir.path(),
    )
    .unwrap_err();
    assert_eq!(fs::read_to_string(&ann).unwrap(), "T1\tClaim 0 4\tgold\n");
    assert!(!dir.path().join("belarus-2020-08-16.ann.bak").exists());
}

#[test]
fn brat_export_writes_its_configuration_once_and_keeps_a_users_own() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_set(dir.path(), ARTICLE, factmark::SAMPLE_ARTICLE);
    let out = dir.path().join("out");
    let export = || {
        factmark()
            .args(["export", "--format", "brat", "-o"])
            .arg(&out)
            .arg(&set)
            .assert()
            .code(0)
    };
    export().stderr(predicate::str::is_empty());
    let conf = fs::read_to_string(out.join("annotation.conf")).unwrap();
    assert!(conf.starts_with("# Written by factmark"));
    assert!(
        conf.contains("[entities]\nClaim\nFigure\nQuote\nSource\n"),
        "{conf}"
    );
    let visual = fs::read_to_string(out.join("visual.conf")).unwrap();
    assert!(visual.contains("Figure\tbgColor:#d55e00"), "{visual}");
    // factmark's own file is replaced by the next export, without a backup.
    fs::write(out.join("visual.conf"), "# Written by factmark: old\n").unwrap();
    // A user's own configuration is kept, and the export says so.
    let own = "[entities]\nClaim\nFigure\nQuote\nSource\nPerson\n";
    fs::write(out.join("annotation.conf"), own).unwrap();
    export().stderr(predicate::str::contains(format!(
        "note: kept {} as it was (not written by factmark)",
        out.join("annotation.conf").display()
    )));
    assert_eq!(
        fs::read_to_string(out.join("annotation.conf")).unwrap(),
        own
    );
    assert_eq!(fs::read_to_string(out.join("visual.conf")).unwrap(), visual);
    assert!(!out.join("visual.conf.bak").exists());
}

// ---- the commands -------------------------------------------------------

/// Writes an article and its set (the gold) into `dir`; returns the set path.
fn write_set(dir: &Path, name: &str, text: &str) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    let article_path = dir.join(name);
    fs::write(&article_path, text).unwrap();
    let (article, _) = factmark::io::open_article(&article_path).unwrap();
    let set = if text == factmark::SAMPLE_ARTICLE {
        gold(&article).set
    } else {
        one_annotation(text, "minister", "").1
    };
    let set_path = factmark::io::default_set_path(&article_path);
    factmark::io::save_set(&set_path, &article_path, &article, &set).unwrap();
    set_path
}

#[test]
fn export_of_a_folder_writes_every_set_and_all_csv() {
    let dir = tempfile::tempdir().unwrap();
    let sets = dir.path().join("sets");
    fs::create_dir_all(sets.join("more")).unwrap();
    write_set(&sets, ARTICLE, factmark::SAMPLE_ARTICLE);
    write_set(&sets.join("more"), "short.txt", "The minister spoke.");
    let out = dir.path().join("out");
    factmark()
        .args(["export", "--format", "csv", "-o"])
        .arg(&out)
        .arg(&sets)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "exported 2 sets (47 annotations) as csv",
        ))
        .stdout(predicate::str::contains("all.csv"));
    let all = fs::read_to_string(out.join("all.csv")).unwrap();
    assert_eq!(all.lines().count(), 1 + 47);
    assert!(all.contains("short.txt,1,Claim,4,12,minister"));
    assert!(out.join("short.csv").exists() && out.join("belarus-2020-08-16.csv").exists());
}

#[test]
fn export_refuses_a_second_set_whose_article_has_the_same_name() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_set(&dir.path().join("a"), "story.txt", "The minister spoke.");
    let second = write_set(&dir.path().join("b"), "story.txt", "The minister left.");
    factmark()
        .args(["export", "--format", "md", "-o"])
        .arg(dir.path().join("out"))
        .arg(&first)
        .arg(&second)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "exported 1 set (1 annotation) as md",
        ))
        .stdout(predicate::str::contains("; 1 failed"))
        .stderr(predicate::str::contains(
            "export them into separate folders",
        ));
}

#[test]
fn export_into_a_file_says_it_wants_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_set(dir.path(), "story.txt", "The minister spoke.");
    let file = dir.path().join("notes.txt");
    fs::write(&file, "mine").unwrap();
    factmark()
        .args(["export", "--format", "md", "-o"])
        .arg(&file)
        .arg(&set)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "notes.txt: this is not a folder; exports go into a folder",
        ));
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn a_set_named_twice_is_exported_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("a");
    let set = write_set(&folder, "story.txt", "The minister spoke.");
    factmark()
        .args(["export", "--format", "md", "-o"])
        .arg(dir.path().join("out"))
        .arg(&folder)
        .arg(&set)
        .arg(folder.join(".").join(set.file_name().unwrap()))
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "exported 1 set (1 annotation) as md",
        ));
}

#[test]
fn export_of_a_missing_set_names_it_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    factmark()
        .args(["export", "--format", "json", "-o"])
        .arg(dir.path().join("out"))
        .arg(dir.path().join("gone.annotations.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "gone.annotations.ron: no such file",
        ))
        .stdout(predicate::str::contains("exported 0 sets"));
}

/// Exporting into the article's own folder in the format of its file is a
/// mistake in the arguments (exit 1), as for every command that would
/// write over the article.
#[test]
fn a_brat_export_beside_its_article_exits_1_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    // Lines end in CR LF, which brat's copy of the text would not keep.
    let crlf = factmark::SAMPLE_ARTICLE.replace('\n', "\r\n");
    let set = write_set(dir.path(), ARTICLE, &crlf);
    factmark()
        .args(["export", "--format", "brat", "-o"])
        .arg(dir.path())
        .arg(&set)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "this is the article itself, which the export would replace",
        ));
    assert_eq!(fs::read_to_string(dir.path().join(ARTICLE)).unwrap(), crlf);
}

#[test]
fn export_with_an_unknown_format_fails_with_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_set(dir.path(), ARTICLE, factmark::SAMPLE_ARTICLE);
    factmark()
        .args(["export", "--format", "xlsx", "-o"])
        .arg(dir.path().join("out"))
        .arg(&set)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "unknown export format `xlsx` (expected json, csv, md, html, brat, doccano or label-studio)",
        ));
}

#[test]
fn export_into_an_unwritable_folder_names_it_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_set(dir.path(), ARTICLE, factmark::SAMPLE_ARTICLE);
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "x").unwrap();
    factmark()
        .args(["export", "--format", "html", "-o"])
        .arg(blocker.join("out"))
        .arg(&set)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not-a-folder/out: cannot create the export folder",
        ));
}

#[test]
fn export_of_a_set_whose_article_is_missing_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_set(dir.path(), ARTICLE, factmark::SAMPLE_ARTICLE);
    fs::remove_file(dir.path().join(ARTICLE)).unwrap();
    factmark()
        .args(["export", "--format", "md", "-o"])
        .arg(dir.path().join("out"))
        .arg(&set)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "belarus-2020-08-16.txt: no such file",
        ));
}

/// The sample article and its gold brat file in a fresh folder.
fn article_with_gold(dir: &Path) -> (PathBuf, PathBuf) {
    let article = dir.join(ARTICLE);
    fs::write(&article, factmark::SAMPLE_ARTICLE).unwrap();
    let ann = dir.join("gold.ann");
    fs::copy(corpus().join("articles/belarus-2020-08-16.ann"), &ann).unwrap();
    (article, ann)
}

#[test]
fn import_writes_the_set_beside_the_article_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let (article, ann) = article_with_gold(dir.path());
    let set = dir.path().join("belarus-2020-08-16.annotations.ron");
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--brat")
        .arg(&ann)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "imported 46 annotations (13 claim, 6 figure, 10 quote, 17 source), 1 with notes; skipped 8 relations",
        ));
    factmark().arg("check").arg(&set).assert().code(0);
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--brat")
        .arg(&ann)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "an annotation set is already there; pass --force",
        ));
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--brat")
        .arg(&ann)
        .arg("--force")
        .assert()
        .code(0);
}

#[test]
fn import_of_a_mismatching_brat_span_names_the_file_and_line_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let (article, ann) = article_with_gold(dir.path());
    let gold = fs::read_to_string(&ann).unwrap();
    fs::write(
        &ann,
        gold.replace("T7\tFigure 788 793\t80.1%", "T7\tFigure 788 793\t90.1%"),
    )
    .unwrap();
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--brat")
        .arg(&ann)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "gold.ann:7: T7: the text \"90.1%\" does not match the article at 788..793, which reads \"80.1%\"",
        ));
    assert!(
        !dir.path()
            .join("belarus-2020-08-16.annotations.ron")
            .exists()
    );
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--brat")
        .arg(&ann)
        .arg("--skip-invalid")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: skipped"))
        .stdout(predicate::str::contains("imported 45 annotations"));
}

#[test]
fn import_with_a_missing_article_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (_, ann) = article_with_gold(dir.path());
    factmark()
        .arg("import")
        .arg(dir.path().join("missing.txt"))
        .arg("--brat")
        .arg(&ann)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt: no such file"));
}

#[test]
fn import_with_a_bad_mapping_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (article, ann) = article_with_gold(dir.path());
    factmark()
        .arg("import")
        .arg(&article)
        .arg("--brat")
        .arg(&ann)
        .args(["--map", "Content=Opinion"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown tag `Opinion`"));
}

#[test]
fn json_exported_by_the_command_imports_back_with_w3c() {
    let dir = tempfile::tempdir().unwrap();
    let set = write_set(dir.path(), ARTICLE, factmark::SAMPLE_ARTICLE);
    let out = dir.path().join("out");
    factmark()
        .args(["export", "--format", "json", "-o"])
        .arg(&out)
        .arg(&set)
        .assert()
        .code(0);
    let copy = dir.path().join("copy.annotations.ron");
    factmark()
        .arg("import")
        .arg(dir.path().join(ARTICLE))
        .arg("--w3c")
        .arg(out.join("belarus-2020-08-16.json"))
        .arg("-o")
        .arg(&copy)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("imported 46 annotations"));
    let strip = |p: &Path| fs::read_to_string(p).unwrap();
    assert_eq!(strip(&copy), strip(&set));
}

#[test]
fn import_force_never_replaces_a_set_that_does_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let (article, ann) = article_with_gold(dir.path());
    let set = dir.path().join("belarus-2020-08-16.annotations.ron");
    let import = || {
        factmark()
            .arg("import")
            .arg(&article)
            .arg("--brat")
            .arg(&ann)
            .arg("--force")
            .assert()
    };
    import().code(0);
    let good = fs::read_to_string(&set).unwrap();
    let broken = [
        ("truncated", good[..good.len() / 2].to_owned()),
        ("duplicate ids", good.replace("id: 2,", "id: 1,")),
        ("trailing garbage", format!("{good}\n)")),
        ("newer", good.replace("version: 1,", "version: 7,")),
    ];
    for (what, text) in broken {
        fs::write(&set, &text).unwrap();
        let output = import().code(2).get_output().stderr.clone();
        let message = String::from_utf8(output).unwrap();
        assert!(
            message.contains(&format!("{}: will not overwrite it", set.display())),
            "{message}"
        );
        assert!(message.contains("Move it away"), "{message}");
        assert_eq!(
            message.matches(&set.display().to_string()).count(),
            1,
            "the file is named once: {message}"
        );
        assert!(!message.contains(".."), "one full stop: {message}");
        assert_eq!(fs::read_to_string(&set).unwrap(), text, "{what}");
    }
}
