//! Any bytes as an article file: decoded or refused without panicking, and
//! a decoded article builds its paragraphs, metadata and offset table.
#![no_main]

use factmark::io::decode;
use factmark::model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = decode::decode(data) {
        let article = Article::new(decoded.text);
        let chars = article.char_len();
        assert_eq!(article.byte_of_char(chars), Some(article.text().len()));
    }
});
