//! Reading article files: bytes within the size limit, decoded to text,
//! and the errors every article format reports.
//!
//! The article text is the file decoded to UTF-8 — a UTF-8 BOM removed,
//! UTF-16 with a BOM converted, legacy single-byte encodings (Windows-1252,
//! ISO-8859-x, …) detected with chardetng and converted with encoding_rs —
//! with line endings normalized to `\n`. Nothing else is changed: every
//! offset refers to this text.
//!
//! Bad input is refused with an [`ArticleError`] that names the file and the
//! reason; nothing here panics on any input. A file over
//! [`MAX_ARTICLE_BYTES`] is refused before it is read.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::model::ArticleFormat;

/// The largest article file factmark opens.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Share of control characters above which decoded text is taken as binary.
const MAX_CONTROL_PER_MILLE: usize = 5;

/// An article file that could not be opened, and why.
#[derive(Debug, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct ArticleError {
    pub path: PathBuf,
    pub problem: DecodeProblem,
}

/// What is wrong with an article file.
#[derive(Debug, thiserror::Error)]
pub enum DecodeProblem {
    #[error("no such file")]
    NotFound,
    #[error("this is a folder, not an article file")]
    IsDirectory,
    #[error("cannot be read: {0}")]
    Io(#[source] std::io::Error),
    #[error("the file is {} — factmark opens files of up to {}", Size(*size), Size(*limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only white space, no text to annotate")]
    Blank,
    #[error("this looks like a binary file ({0}), not a text article")]
    Binary(&'static str),
    #[error("the file is not valid {0} text")]
    Undecodable(&'static str),
    #[error("no article text was found in this page (only navigation, scripts or an empty body)")]
    NoArticle,
    #[error("this is not a readable Word document: {0}")]
    CorruptDocument(String),
    #[error("this is not a readable gzip file: {0}")]
    Gzip(String),
}

/// A byte count for people.
struct Size(u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MIB: u64 = 1024 * 1024;
        match self.0 {
            n if n >= MIB => write!(f, "{:.1} MiB", n as f64 / MIB as f64),
            n if n >= 1024 => write!(f, "{:.1} KiB", n as f64 / 1024.0),
            n => write!(f, "{n} bytes"),
        }
    }
}

/// Article text read from a file, with how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The article text (for a web page or a document, the extracted text).
    pub text: String,
    /// The character encoding the file was read in.
    pub encoding: &'static str,
    /// The format the file was read as.
    pub format: ArticleFormat,
    /// Something the reader should be told, in plain words (for example
    /// that an unknown extension was read as plain text).
    pub notice: Option<String>,
}

/// Reads a whole file of at most `limit` bytes, refusing larger files before
/// reading them.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, DecodeProblem> {
    let metadata = std::fs::metadata(path).map_err(io_problem)?;
    if metadata.is_dir() {
        return Err(DecodeProblem::IsDirectory);
    }
    if metadata.len() > limit {
        return Err(DecodeProblem::TooLarge {
            size: metadata.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(io_problem)?;
    // The size can change between the check and the read (or lie, for a
    // device): read one byte past the limit to notice.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_problem)?;
    if bytes.len() as u64 > limit {
        return Err(DecodeProblem::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn io_problem(error: std::io::Error) -> DecodeProblem {
    match error.kind() {
        std::io::ErrorKind::NotFound => DecodeProblem::NotFound,
        std::io::ErrorKind::IsADirectory => DecodeProblem::IsDirectory,
        _ => DecodeProblem::Io(error),
    }
}

/// Decodes article bytes to normalized text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeProblem> {
    if bytes.is_empty() {
        return Err(DecodeProblem::Empty);
    }
    let (text, encoding) = to_utf8(bytes)?;
    if text.contains('\0') {
        return Err(DecodeProblem::Binary("it contains NUL bytes"));
    }
    if too_many_controls(&text) {
        return Err(DecodeProblem::Binary("it is full of control characters"));
    }
    let text = normalize_line_endings(text);
    if text.trim().is_empty() {
        return Err(DecodeProblem::Blank);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        format: ArticleFormat::Text,
        notice: None,
    })
}

fn to_utf8(bytes: &[u8]) -> Result<(String, &'static Encoding), DecodeProblem> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_strictly(encoding, &bytes[bom..]).map(|t| (t, encoding));
    }
    if bytes.contains(&0) {
        return Err(DecodeProblem::Binary("it contains NUL bytes"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), encoding_rs::UTF_8));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    decode_strictly(encoding, bytes).map(|t| (t, encoding))
}

fn decode_strictly(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeProblem> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(DecodeProblem::Undecodable(encoding.name()))
}

/// Text with more than a few control characters (other than tab, line
/// breaks and form feed) is binary data that happened to decode.
fn too_many_controls(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    controls > 0 && controls * 1000 > chars * MAX_CONTROL_PER_MILLE
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalize_line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> Decoded {
        decode(bytes).unwrap()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decoded("Café «noir»".as_bytes()).text, "Café «noir»");
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), "Café".as_bytes()].concat();
        assert_eq!(decoded(&with_bom).text, "Café");
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        let text = "Zürich 👍\r\nline";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decoded(&le).text, "Zürich 👍\nline");
        assert_eq!(decoded(&le).encoding, "UTF-16LE");
        assert_eq!(decoded(&be).text, "Zürich 👍\nline");
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Le président a déclaré : « c’est un succès » — 80 % des électeurs.");
        let result = decoded(&bytes);
        assert_eq!(result.encoding, "windows-1252");
        assert!(
            result
                .text
                .contains("président a déclaré : « c’est un succès » —")
        );
    }

    #[test]
    fn iso_8859_family_is_detected() {
        // Polish in ISO-8859-2: letters that Windows-1252 lacks.
        let (bytes, _, _) = encoding_rs::ISO_8859_2
            .encode("Zażółć gęślą jaźń. Prezydent powiedział, że wybory były uczciwe. Łódź i Gdańsk protestują.");
        let result = decoded(&bytes);
        assert!(result.text.contains("Zażółć gęślą jaźń"), "{result:?}");
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(decoded(b"a\r\nb\rc\n").text, "a\nb\nc\n");
    }

    #[test]
    fn empty_blank_and_binary_inputs_are_refused() {
        assert!(matches!(decode(b""), Err(DecodeProblem::Empty)));
        assert!(matches!(decode(b" \n\t\r\n "), Err(DecodeProblem::Blank)));
        assert!(matches!(
            decode(b"text\0more"),
            Err(DecodeProblem::Binary(_))
        ));
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(matches!(decode(&controls), Err(DecodeProblem::Binary(_))));
    }

    #[test]
    fn invalid_utf16_after_a_bom_is_undecodable() {
        // A lone high surrogate.
        let bytes = [0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00];
        assert!(matches!(
            decode(&bytes),
            Err(DecodeProblem::Undecodable("UTF-16LE"))
        ));
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(Size(64 * 1024 * 1024).to_string(), "64.0 MiB");
        assert_eq!(Size(12).to_string(), "12 bytes");
    }
}
