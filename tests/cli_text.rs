//! `factmark text` end to end, through the real binary.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn factmark() -> Command {
    Command::cargo_bin("factmark").unwrap()
}

fn lemonde() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/html/readability/lemonde-1/source.html")
}

#[test]
fn text_prints_the_article_text_and_metadata_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.md");
    fs::write(&path, "# A *title*\n\nBody with a [link](https://x.org).\n").unwrap();
    factmark()
        .args(["text"])
        .arg(&path)
        .assert()
        .success()
        .stdout("A title\n\nBody with a link.\n")
        .stderr(predicate::str::contains("title: A title"))
        .stderr(predicate::str::contains("format: Markdown"));
}

#[test]
fn text_of_a_plain_file_is_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, factmark::SAMPLE_ARTICLE).unwrap();
    let output = factmark().arg("text").arg(&path).output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        factmark::SAMPLE_ARTICLE.replace("\r\n", "\n")
    );
}

#[test]
fn text_meta_prints_json_on_stdout() {
    let output = factmark()
        .args(["text", "--meta"])
        .arg(lemonde())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["title"],
        "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée"
    );
    assert_eq!(json["format"], "Html");
    assert_eq!(json["language"], "fr");
    assert_eq!(json["site"], "Le Monde.fr");
    assert!(json["chars"].as_u64().unwrap() > 1000);
    assert_eq!(json["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn text_writes_to_a_file_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    factmark()
        .args(["text", "-o"])
        .arg(&out)
        .arg(lemonde())
        .assert()
        .success()
        .stdout("");
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("Le projet de loi sur le renseignement"));
    assert!(text.contains("« "), "guillemets kept");
    assert!(!dir.path().join("out.txt.bak").exists());
}

#[test]
fn text_of_an_unreadable_article_exits_2_with_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.docx");
    fs::write(&path, "not a zip").unwrap();
    factmark()
        .arg("text")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: "))
        .stderr(predicate::str::contains("broken.docx"));
}

#[test]
fn text_says_when_an_unknown_extension_was_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.rtfd");
    fs::write(&path, "Plain words.\n").unwrap();
    factmark()
        .arg("text")
        .arg(&path)
        .assert()
        .success()
        .stdout("Plain words.\n")
        .stderr(predicate::str::contains("opened as plain text"));
}

#[test]
fn text_will_not_write_over_its_article_or_a_set() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    fs::copy(lemonde(), &page).unwrap();
    let before = fs::read(&page).unwrap();
    factmark()
        .args(["text", "-o"])
        .arg(&page)
        .arg(&page)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("this is the article itself"));
    assert_eq!(fs::read(&page).unwrap(), before);
    // Nor through a second name of the same file (a hard link).
    let other_name = dir.path().join("same.txt");
    fs::hard_link(&page, &other_name).unwrap();
    factmark()
        .args(["text", "-o"])
        .arg(&other_name)
        .arg(&page)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "same.txt: this is the article itself",
        ));
    assert_eq!(fs::read(&page).unwrap(), before);

    let set = dir.path().join("page.annotations.ron");
    fs::write(&set, "someone's annotations").unwrap();
    factmark()
        .args(["text", "-o"])
        .arg(&set)
        .arg(&page)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("this is an annotation set"));
    assert_eq!(fs::read_to_string(&set).unwrap(), "someone's annotations");
}

#[cfg(unix)]
#[test]
fn text_will_not_replace_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kept.txt");
    fs::write(&out, "kept").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o444)).unwrap();
    factmark()
        .args(["text", "-o"])
        .arg(&out)
        .arg(lemonde())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "kept.txt: cannot write: the file is read-only",
        ));
    assert_eq!(fs::read_to_string(&out).unwrap(), "kept");
}

#[test]
fn text_of_utf8_with_stray_windows_bytes_says_how_it_read_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pasted.txt");
    let bytes = ["Zürich — the rival said ".as_bytes(), b"\x93enough\x94.\n"].concat();
    fs::write(&path, bytes).unwrap();
    factmark()
        .arg("text")
        .arg(&path)
        .assert()
        .success()
        .stdout("Zürich — the rival said “enough”.\n")
        .stderr(predicate::str::contains(
            "pasted.txt: the file is UTF-8 but 2 bytes are not",
        ));
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_to_standard_output_is_an_error() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, factmark::SAMPLE_ARTICLE).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_factmark"))
        .arg("text")
        .arg(&path)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: cannot write the output"),
        "{stderr}"
    );
}

#[test]
fn a_mistake_in_the_arguments_is_invalid_input() {
    factmark()
        .args(["text", "--no-such-flag", "a.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--no-such-flag"));
    factmark().args(["text", "--help"]).assert().code(0);
}

/// Makes a named pipe at `path`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn a_pipe_given_as_the_article_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.txt");
    mkfifo(&fifo);
    factmark()
        .arg("text")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}: this is not a regular file but a pipe, socket or device",
            fifo.display()
        )));
}

/// A pipe or a device named as the output is written into by no command:
/// replacing it with a file (as a rename would) breaks whatever reads it,
/// and as root could replace `/dev/null`.
#[cfg(unix)]
#[test]
fn text_refuses_a_pipe_a_folder_and_a_missing_folder_and_leaves_them_be() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe");
    mkfifo(&pipe);
    let cases = [
        (
            pipe.clone(),
            "pipe: cannot write: this is not a regular file but a pipe, socket or device",
        ),
        (dir.path().to_owned(), "cannot write: this is a folder"),
        (
            dir.path().join("nowhere").join("a.txt"),
            "a.txt: cannot write: the folder ",
        ),
        (
            dir.path().join("nowhere/"),
            "cannot write: this names a folder (it ends with a slash)",
        ),
        (pipe.join("a.txt"), "a.txt: cannot write: "),
    ];
    for (out, says) in cases {
        factmark()
            .args(["text", "-o"])
            .arg(&out)
            .arg(lemonde())
            // Opening the pipe would wait for a reader forever.
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says))
            .stderr(predicate::str::contains("at path").not())
            .stderr(predicate::str::contains("os error").not());
    }
    assert!(fs::metadata(&pipe).unwrap().file_type().is_fifo());
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left: {left:?}");
}
