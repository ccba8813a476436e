//! Opening article files: every bad input gets an error naming the file and
//! the reason.

use std::fs;

use factmark::io::{DecodeProblem, open_article};

fn problem_of(bytes: &[u8]) -> (String, DecodeProblem) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    fs::write(&path, bytes).unwrap();
    let error = open_article(&path).unwrap_err();
    (error.to_string(), error.problem)
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone.txt");
    let error = open_article(&path).unwrap_err();
    assert!(matches!(error.problem, DecodeProblem::NotFound));
    assert!(
        error.to_string().ends_with("gone.txt: no such file"),
        "{error}"
    );
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let error = open_article(dir.path()).unwrap_err();
    assert!(matches!(error.problem, DecodeProblem::IsDirectory));
    assert!(error.to_string().contains("this is a folder"), "{error}");
}

#[test]
fn empty_and_whitespace_only_files_are_refused() {
    let (message, problem) = problem_of(b"");
    assert!(matches!(problem, DecodeProblem::Empty));
    assert!(
        message.contains("article.txt: the file is empty"),
        "{message}"
    );
    let (message, problem) = problem_of(b"  \r\n\t\n  ");
    assert!(matches!(problem, DecodeProblem::Blank));
    assert!(message.contains("only white space"), "{message}");
}

#[test]
fn binary_content_is_refused() {
    let png_header = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    let (message, problem) = problem_of(png_header);
    assert!(matches!(problem, DecodeProblem::Binary(_)));
    assert!(message.contains("binary file"), "{message}");
}

#[test]
fn utf16_without_a_byte_order_mark_is_named_not_called_binary() {
    let text = "Zürich, 16 August: the police said 6,700 people were held.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [le, be] {
        let (message, problem) = problem_of(&bytes);
        assert!(
            matches!(problem, DecodeProblem::Utf16WithoutBom),
            "{message}"
        );
        assert!(
            message.contains(
                "article.txt: this looks like UTF-16 text without a byte-order mark; save it as UTF-8"
            ),
            "{message}"
        );
    }
}

#[test]
fn a_file_just_over_64_mib_shows_two_different_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("over.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap();
    let error = open_article(&path).unwrap_err();
    assert!(
        error.to_string().contains(
            "over.txt: the file is 67108865 bytes — factmark opens files of up to 67108864 bytes (64.0 MiB)"
        ),
        "{error}"
    );
}

#[test]
fn a_file_over_64_mib_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse file: 65 MiB long without writing 65 MiB.
    let file = fs::File::create(&path).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    let error = open_article(&path).unwrap_err();
    assert!(matches!(error.problem, DecodeProblem::TooLarge { .. }));
    assert!(
        error
            .to_string()
            .contains("the file is 65.0 MiB — factmark opens files of up to 64.0 MiB"),
        "{error}"
    );
}

#[test]
fn annotation_files_are_refused_as_articles() {
    let dir = tempfile::tempdir().unwrap();
    for (name, says) in [
        (
            "a.annotations.ron",
            "this is an annotation set, not an article",
        ),
        (
            "a.annotations.ron.bak",
            "this is an annotation set, not an article",
        ),
        ("A.RON", "this is an annotation set, not an article"),
        ("a.ann", "this is a brat annotation file, not an article"),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, "T1\tQuote 0 4\tSome text\n").unwrap();
        let error = open_article(&path).unwrap_err();
        assert!(matches!(error.problem, DecodeProblem::NotAnArticle(_)));
        let message = error.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(message.contains(says), "{message}");
    }
}

#[test]
fn a_page_that_unpacks_past_64_mib_is_refused_as_such() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.html.gz");
    // 70 MiB of spaces pack into about 70 KiB.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let spaces = vec![b' '; 1024 * 1024];
    for _ in 0..70 {
        gz.write_all(&spaces).unwrap();
    }
    fs::write(&path, gz.finish().unwrap()).unwrap();
    let error = open_article(&path).unwrap_err();
    assert!(matches!(
        error.problem,
        DecodeProblem::ExpandsTooLarge { .. }
    ));
    assert!(
        error
            .to_string()
            .contains("unpacked, it holds more than 64.0 MiB"),
        "{error}"
    );
}

#[test]
fn the_sample_article_opens_with_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.txt");
    fs::write(&path, factmark::SAMPLE_ARTICLE).unwrap();
    let (article, decoded) = open_article(&path).unwrap();
    assert_eq!(decoded.encoding, "UTF-8");
    assert_eq!(article.meta().date.as_deref(), Some("2020-08-16"));
    assert!(
        article
            .meta()
            .title
            .starts_with("Belarusian President Alexander Lukashenko says")
    );
    assert_eq!(article.text(), factmark::SAMPLE_ARTICLE);
}

#[test]
fn windows_line_endings_and_a_bom_give_the_same_text_as_clean_utf8() {
    let clean = "Title\n\nFirst «paragraph».\n";
    let messy = "\u{feff}Title\r\n\r\nFirst «paragraph».\r\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messy.md");
    fs::write(&path, messy).unwrap();
    let (article, _) = open_article(&path).unwrap();
    assert_eq!(article.text(), clean);
}
