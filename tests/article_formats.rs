//! Opening Markdown, Word and web-page articles: the text factmark extracts,
//! its metadata, and the errors for bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use factmark::io::{DecodeProblem, open_article, open_article_as};
use factmark::model::{ArticleFormat, ParagraphKind};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn paragraph(style: Option<&str>, runs: &str) -> String {
    let style = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!("<w:p>{style}{runs}</w:p>")
}

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

/// A Word document built by hand: a title, a localized heading style, a
/// paragraph with a footnote, a table and a closing paragraph.
fn sample_docx() -> Vec<u8> {
    let body = [
        paragraph(Some("Title"), &run("Election &amp; aftermath")),
        paragraph(
            None,
            &format!(
                "{}{}<w:r><w:footnoteReference w:id=\"1\"/></w:r>{}",
                run("Turnout was "),
                run("80.1%"),
                run(", officials said.")
            ),
        ),
        paragraph(Some("Titre1"), &run("Results by region")),
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            paragraph(None, &run("Region")),
            paragraph(None, &run("Votes")),
            paragraph(None, &run("Minsk")),
            paragraph(None, &run("1,234")),
        ),
        paragraph(None, &format!("{}<w:r><w:tab/></w:r>{}", run("Line one"), run("and more."))),
        paragraph(None, ""),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let styles = format!(
        "<?xml version=\"1.0\"?><w:styles xmlns:w=\"{W}\">\
         <w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Titre1\"><w:name w:val=\"heading 1\"/></w:style>\
         </w:styles>"
    );
    let footnotes = format!(
        "<?xml version=\"1.0\"?><w:footnotes xmlns:w=\"{W}\">\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r>{}</w:p></w:footnote>\
         </w:footnotes>",
        run(" Official figure; disputed.")
    );
    let core = "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Ann Lee</dc:creator><dc:language>en-GB</dc:language></cp:coreProperties>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in [
        ("[Content_Types].xml", "<Types/>".to_owned()),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/footnotes.xml", footnotes),
        ("docProps/core.xml", core.to_owned()),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_word_document_gives_headings_paragraphs_tables_and_footnotes_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "draft.docx", &sample_docx());
    let (article, decoded) = open_article(&path).unwrap();
    assert_eq!(
        article.text(),
        "Election & aftermath\n\nTurnout was 80.1%[1], officials said.\n\nResults by region\n\nRegion | Votes\nMinsk | 1,234\n\nLine one and more.\n\n[1] Official figure; disputed.\n"
    );
    assert_eq!(decoded.format, ArticleFormat::Docx);
    let meta = article.meta();
    assert_eq!(meta.format, ArticleFormat::Docx);
    assert_eq!(meta.title, "Election & aftermath");
    assert_eq!(meta.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(meta.language.as_deref(), Some("en-GB"));
    let heading = article
        .paragraphs()
        .iter()
        .find(|p| &article.text()[p.range.clone()] == "Results by region")
        .unwrap();
    assert_eq!(heading.kind, ParagraphKind::Heading);
}

#[test]
fn a_corrupt_word_document_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "broken.docx",
        b"PK\x03\x04 this is not really a zip",
    );
    let error = open_article(&path).unwrap_err();
    assert!(matches!(error.problem, DecodeProblem::CorruptDocument(_)));
    let message = error.to_string();
    assert!(message.contains("broken.docx"), "{message}");
    assert!(
        message.contains("not a readable Word document"),
        "{message}"
    );

    let mut truncated = sample_docx();
    truncated.truncate(truncated.len() / 2);
    let path = write(dir.path(), "truncated.docx", &truncated);
    let error = open_article(&path).unwrap_err();
    assert!(
        matches!(error.problem, DecodeProblem::CorruptDocument(_)),
        "{error}"
    );
}

#[test]
fn a_zip_without_a_document_is_not_a_word_file() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hello").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "archive.docx", &bytes);
    let error = open_article(&path).unwrap_err();
    assert!(error.to_string().contains("word/document.xml"), "{error}");
}

#[test]
fn markdown_loses_its_markup_and_keeps_its_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "draft.md",
        "# Turnout *soars* in the capital\n\nOfficials said **80.1%** voted, according to [the commission](https://example.org/cec).\n\n## What we know\n\n- polls closed at _8 pm_\n- counting went on overnight\n  * with observers present\n\n1. first\n2. second\n".as_bytes(),
    );
    let (article, decoded) = open_article(&path).unwrap();
    assert_eq!(
        article.text(),
        "Turnout soars in the capital\n\nOfficials said 80.1% voted, according to the commission.\n\nWhat we know\n\npolls closed at 8 pm\ncounting went on overnight\nwith observers present\n\nfirst\nsecond\n"
    );
    assert_eq!(decoded.format, ArticleFormat::Markdown);
    assert_eq!(article.meta().title, "Turnout soars in the capital");
    assert_eq!(article.paragraphs()[0].kind, ParagraphKind::Heading);
}

#[test]
fn an_unknown_extension_is_read_as_text_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "story.article", b"A plain story.\n");
    let (article, decoded) = open_article(&path).unwrap();
    assert_eq!(article.text(), "A plain story.\n");
    assert_eq!(decoded.format, ArticleFormat::Text);
    let notice = decoded.notice.unwrap();
    assert!(
        notice.contains(".article") && notice.contains("plain text"),
        "{notice}"
    );
    let (_, decoded) = open_article(&write(dir.path(), "story.txt", b"x")).unwrap();
    assert_eq!(decoded.notice, None);
}

#[test]
fn a_page_without_article_text_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "empty.html",
        b"<html><head><title>Nothing</title><script>var a = 1;</script></head><body><nav><a href=\"/\">Home</a></nav></body></html>",
    );
    let error = open_article(&path).unwrap_err();
    assert!(matches!(error.problem, DecodeProblem::NoArticle), "{error}");
    assert!(error.to_string().contains("empty.html"), "{error}");
}

#[test]
fn a_page_in_an_unknown_charset_falls_back_to_detection() {
    let html = "<html><head><meta charset=\"x-martian\"><title>Le président</title></head><body><article><h1>Le président</h1><p>Le président a déclaré : « c’est un succès » — 80 % des électeurs ont voté dimanche, selon la commission électorale.</p><p>Les opposants dénoncent une élection truquée et appellent à manifester à nouveau la semaine prochaine dans la capitale.</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(html);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "page.html", &bytes);
    let (article, decoded) = open_article(&path).unwrap();
    assert!(
        article.text().contains("« c’est un succès »"),
        "{}",
        article.text()
    );
    assert_eq!(decoded.encoding, "windows-1252");
}

#[test]
fn a_page_that_no_charset_decodes_is_refused() {
    let mut bytes = b"\xFF\xFE".to_vec();
    // UTF-16LE after the BOM, but only lone surrogates.
    for _ in 0..100 {
        bytes.extend_from_slice(&[0x3D, 0xD8, 0x41, 0x00]);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "page.html", &bytes);
    let error = open_article(&path).unwrap_err();
    assert!(
        matches!(error.problem, DecodeProblem::Undecodable(_)),
        "{error}"
    );
}

#[test]
fn a_corrupt_gzip_page_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "page.html.gz", b"\x1f\x8b\x08\x00garbage");
    let error = open_article(&path).unwrap_err();
    assert!(matches!(error.problem, DecodeProblem::Gzip(_)), "{error}");
    assert!(error.to_string().contains("page.html.gz"), "{error}");
}

#[test]
fn a_binary_file_named_html_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    let path = write(dir.path(), "image.html", &bytes);
    assert!(open_article(&path).is_err());
}

#[test]
fn a_markdown_file_can_be_reopened_as_the_plain_text_a_set_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "old.md", b"# Title\n\nBody *text*.\n");
    let (article, _) = open_article_as(&path, ArticleFormat::Text).unwrap();
    assert_eq!(article.text(), "# Title\n\nBody *text*.\n");
    assert_eq!(article.meta().title, "Title");
}
