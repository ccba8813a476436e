//! Any text as an article: `suggest` returns spans on character boundaries
//! inside the text, sorted and unique, without panicking.
#![no_main]

use factmark::model::Article;
use factmark::suggest::suggest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = Article::new(text.to_owned());
    let all = suggest(&article, &[]);
    for s in &all {
        assert!(s.span.validate(article.text()).is_ok(), "{s:?}");
    }
    for pair in all.windows(2) {
        assert!(pair[0].span != pair[1].span || pair[0].tag != pair[1].tag);
    }
});
