//! Crash safety of saving: a child process saves in a loop and is killed
//! with SIGKILL at random moments; after every kill the set file and its
//! backup must load and hold one of the two versions being saved.
//!
//! The child is this test binary run again with `FACTMARK_CRASH_CHILD` set.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use factmark::io::store;
use factmark::model::{Annotation, AnnotationSet, Article, Edit, Span, Tag};

const KILLS: usize = 200;
const CHILD_ENV: &str = "FACTMARK_CRASH_CHILD";

/// A long article (the sample repeated) and two different sets over it.
fn fixture(dir: &Path) -> (PathBuf, Article, [AnnotationSet; 2]) {
    let text = factmark::SAMPLE_ARTICLE.repeat(20);
    let article_path = dir.join("long.txt");
    std::fs::write(&article_path, &text).unwrap();
    let article = Article::new(text);
    let words: Vec<(usize, usize)> = article
        .text()
        .split_ascii_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - article.text().as_ptr() as usize;
            (start, start + w.len())
        })
        .collect();
    let sets = [0, 1].map(|variant| {
        let mut set = AnnotationSet::new();
        let now = jiff::Timestamp::from_second(1_764_000_000 + variant).unwrap();
        for (n, (start, end)) in words.iter().enumerate().skip(variant as usize).step_by(3) {
            let id = set.allocate_id();
            let tag = Tag::ALL[n % 4];
            let mut a = Annotation::new(id, tag, Span::new(*start, *end), article.text(), now);
            a.note = format!("version {variant}");
            set.apply(&Edit::Add(a), article.text()).unwrap();
        }
        set
    });
    (article_path, article, sets)
}

/// The child: saves the two versions in turn until it is killed.
fn child(dir: &Path) -> ! {
    let (article_path, article, sets) = fixture(dir);
    let set_path = store::default_set_path(&article_path);
    let mut turn = 0;
    loop {
        store::save_set(&set_path, &article_path, &article, &sets[turn % 2]).unwrap();
        turn += 1;
    }
}

fn loads_as_one_of(
    path: &Path,
    article: &Article,
    sets: &[AnnotationSet; 2],
) -> Result<(), String> {
    let file = store::read_set_file(path).map_err(|e| e.to_string())?;
    let loaded = store::anchor_set(path, file, article).map_err(|e| e.to_string())?;
    if sets
        .iter()
        .any(|s| s.annotations() == loaded.set.annotations())
    {
        Ok(())
    } else {
        Err(format!("{} holds neither version", path.display()))
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_loadable_old_or_new_file() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        child(Path::new(&dir));
    }
    let dir = tempfile::tempdir().unwrap();
    let (article_path, article, sets) = fixture(dir.path());
    let set_path = store::default_set_path(&article_path);
    store::save_set(&set_path, &article_path, &article, &sets[0]).unwrap();

    let mut rng: u64 = 0x2545_F491_4F6C_DD1D;
    let mut killed_mid_run = 0;
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "a_save_killed_at_any_moment_leaves_a_loadable_old_or_new_file",
                "--exact",
                "--nocapture",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        // The child needs ~20 ms to start; kill it from before its first
        // save until several saves in.
        std::thread::sleep(Duration::from_micros(rng % 120_000));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_run += 1;
        }
        loads_as_one_of(&set_path, &article, &sets)
            .unwrap_or_else(|e| panic!("after kill {kill}: {e}"));
        let backup = store::backup_path(&set_path);
        if backup.exists() {
            loads_as_one_of(&backup, &article, &sets)
                .unwrap_or_else(|e| panic!("after kill {kill}, backup: {e}"));
        }
    }
    assert_eq!(
        killed_mid_run, KILLS,
        "every child was killed, none finished"
    );
}
