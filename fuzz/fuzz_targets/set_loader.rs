//! Any bytes as an annotation set file: parsed, checked and anchored in the
//! sample article without panicking.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use factmark::io::store;
use factmark::model::Article;
use libfuzzer_sys::fuzz_target;

static ARTICLE: LazyLock<Article> =
    LazyLock::new(|| Article::new(factmark::SAMPLE_ARTICLE.to_owned()));

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.annotations.ron");
    if let Ok(file) = store::parse_set_bytes(path, data) {
        let _ = store::anchor_set(path, file, &ARTICLE);
    }
});
