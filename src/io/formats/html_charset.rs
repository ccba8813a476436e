//! The character encoding of a web page, as a browser would find it: a
//! byte order mark first, then a `<meta charset>` (or `http-equiv`
//! Content-Type) declaration near the top, then detection with chardetng.
//!
//! A declared encoding that does not fit the bytes (many malformed
//! sequences) is not trusted blindly: detection gets a say, and the
//! decoding with fewer errors wins. Text that no encoding decodes cleanly is
//! refused rather than shown full of replacement characters. This module
//! never reads files.

use encoding_rs::Encoding;

use crate::io::decode::DecodeProblem;

/// How far into a page a charset declaration is looked for (the HTML
/// standard's prescan reads 1024 bytes; real pages put long scripts first).
const PRESCAN_BYTES: usize = 8192;
/// Malformed sequences per thousand characters above which a decoding is
/// refused.
const MAX_ERRORS_PER_MILLE: usize = 5;

/// A page's bytes as text, with the name of the encoding used.
pub fn decode_page(bytes: &[u8]) -> Result<(String, &'static str), DecodeProblem> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if errors && too_many_errors(&text) {
            return Err(DecodeProblem::Undecodable(encoding.name()));
        }
        return Ok((text.into_owned(), encoding.name()));
    }
    let declared = declared_encoding(bytes);
    if let Some(encoding) = declared {
        let (text, errors) = encoding.decode_without_bom_handling(bytes);
        if !errors {
            return Ok((text.into_owned(), encoding.name()));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), encoding_rs::UTF_8.name()));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guessed = detector.guess(None, true);
    let candidates = declared.into_iter().chain([guessed]);
    let best = candidates
        .map(|encoding| {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            let errors = text.matches('\u{FFFD}').count();
            (errors, text, encoding)
        })
        .min_by_key(|(errors, _, _)| *errors);
    match best {
        Some((_, text, encoding)) if !too_many_errors(&text) => {
            Ok((text.into_owned(), encoding.name()))
        }
        _ => Err(DecodeProblem::Undecodable(
            declared.unwrap_or(guessed).name(),
        )),
    }
}

fn too_many_errors(text: &str) -> bool {
    let errors = text.matches('\u{FFFD}').count();
    errors > 0 && errors * 1000 > text.chars().count().max(1) * MAX_ERRORS_PER_MILLE
}

/// The encoding a `<meta>` tag near the top declares, if encoding_rs knows
/// its label. UTF-16 declared in a page that has no BOM means UTF-8, as in
/// browsers (the page could not have been parsed to find the tag
/// otherwise).
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(label) = charset_in(tag) {
            let encoding = Encoding::for_label(label.as_bytes())?;
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                return Some(encoding_rs::UTF_8);
            }
            return Some(encoding);
        }
    }
    None
}

/// The value after `charset=` in the attributes of a meta tag.
fn charset_in(tag: &str) -> Option<&str> {
    let at = tag.find("charset")?;
    let rest = tag[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = &rest[..end];
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms_are_found() {
        let found = |html: &str| declared_encoding(html.as_bytes()).map(|e| e.name());
        assert_eq!(found("<meta charset=\"ISO-8859-1\">"), Some("windows-1252"));
        assert_eq!(found("<META CHARSET=utf-8>"), Some("UTF-8"));
        assert_eq!(
            found("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"),
            Some("Shift_JIS")
        );
        assert_eq!(found("<meta charset=\"utf-16\">"), Some("UTF-8"));
        assert_eq!(found("<meta charset=\"x-no-such-thing\">"), None);
        assert_eq!(found("<meta name=\"x\" content=\"y\">"), None);
    }

    #[test]
    fn the_declared_charset_is_honored() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("<meta charset=\"windows-1252\"><p>Café « noir »</p>");
        let (text, encoding) = decode_page(&bytes).unwrap();
        assert_eq!(encoding, "windows-1252");
        assert!(text.contains("Café « noir »"));
    }

    #[test]
    fn a_bom_wins_over_the_declaration() {
        let bytes = [
            b"\xEF\xBB\xBF".as_slice(),
            "<meta charset=\"windows-1252\"><p>Café</p>".as_bytes(),
        ]
        .concat();
        let (text, encoding) = decode_page(&bytes).unwrap();
        assert_eq!(encoding, "UTF-8");
        assert!(text.contains("Café"));
    }

    #[test]
    fn an_unknown_charset_falls_back_to_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
            "<meta charset=\"x-martian\"><p>Le président a déclaré : « c’est un succès » — 80 % des électeurs.</p>",
        );
        let (text, _) = decode_page(&bytes).unwrap();
        assert!(
            text.contains("président a déclaré : « c’est un succès »"),
            "{text}"
        );
    }
}
