//! Writes a long article and a large annotation set, for trying factmark
//! on book-length texts by hand:
//!
//! ```sh
//! cargo run --release --example generate -- /tmp/big 10 50000
//! cargo run --release -- /tmp/big/article.annotations.ron
//! ```
//!
//! Arguments: output folder, article size in MB, number of annotations.
//! The text is built from the PolNeAR articles in ../shared/corpus.

#[path = "../benches/support/mod.rs"]
mod support;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(folder), Some(megabytes), Some(count)) = (
        args.first(),
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
        args.get(2).and_then(|a| a.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: generate FOLDER MEGABYTES ANNOTATIONS");
        return std::process::ExitCode::from(2);
    };
    let folder = std::path::Path::new(folder);
    std::fs::create_dir_all(folder).expect("create the output folder");
    let article_path = folder.join("article.txt");
    std::fs::write(
        &article_path,
        support::article_text(megabytes * 1024 * 1024),
    )
    .expect("write the article");
    let (article, _) = factmark::io::open_article(&article_path).expect("open the article");
    let set = support::annotation_set(&article, count);
    let set_path = factmark::io::default_set_path(&article_path);
    factmark::io::save_set(&set_path, &article_path, &article, &set).expect("save the set");
    println!(
        "{}: {} characters; {}: {} annotations",
        article_path.display(),
        article.char_len(),
        set_path.display(),
        set.len()
    );
    std::process::ExitCode::SUCCESS
}
