//! Any text as a brat standoff file of the sample article: imported or
//! refused without panicking, in both strict and skipping modes.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use factmark::io::ImportOptions;
use factmark::io::import::brat;
use factmark::model::{Article, Tag};
use libfuzzer_sys::fuzz_target;

static ARTICLE: LazyLock<Article> =
    LazyLock::new(|| Article::new(factmark::SAMPLE_ARTICLE.to_owned()));

fuzz_target!(|data: &[u8]| {
    let Ok(ann) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.ann");
    let mut options = ImportOptions::new(jiff::Timestamp::UNIX_EPOCH).with_mapping("Content", Tag::Quote);
    let _ = brat::parse(&ARTICLE, ann, path, &options);
    options.skip_invalid = true;
    if let Ok(imported) = brat::parse(&ARTICLE, ann, path, &options) {
        for a in imported.set.annotations() {
            assert_eq!(&ARTICLE.text()[a.span.range()], a.quote.exact);
        }
    }
});
