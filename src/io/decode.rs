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
    #[error("this is a link to {}, which does not exist", .0.display())]
    BrokenLink(PathBuf),
    #[error("this is a folder, not a file")]
    IsDirectory,
    #[error("this is not a regular file but a pipe, socket or device; factmark reads only files")]
    NotAFile,
    #[error("cannot be read: {0}")]
    Io(#[source] std::io::Error),
    #[error("{}", too_large(*size, *limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("unpacked, it holds more than {} — factmark opens articles of up to {}", Size(*limit), Size(*limit))]
    ExpandsTooLarge { limit: u64 },
    #[error("{0}")]
    NotAnArticle(&'static str),
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only white space, no text to annotate")]
    Blank,
    #[error("this looks like a binary file ({0}), not a text article")]
    Binary(&'static str),
    #[error(
        "this looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or as UTF-16 with a BOM)"
    )]
    Utf16WithoutBom,
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
            n => f.write_str(&crate::plural(n as usize, "byte", "bytes")),
        }
    }
}

/// "the file is 65.0 MiB — factmark opens files of up to 64.0 MiB", with
/// exact byte counts when the rounded sizes would read the same.
fn too_large(size: u64, limit: u64) -> String {
    let (shown, limit_shown) = (Size(size).to_string(), Size(limit).to_string());
    if shown != limit_shown {
        return format!("the file is {shown} — factmark opens files of up to {limit_shown}");
    }
    format!(
        "the file is {} — factmark opens files of up to {} ({limit_shown})",
        crate::plural(size as usize, "byte", "bytes"),
        crate::plural(limit as usize, "byte", "bytes"),
    )
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
    let metadata = std::fs::metadata(path).map_err(|error| match std::fs::read_link(path) {
        // The link is there, what it points to is not.
        Ok(target) if error.kind() == std::io::ErrorKind::NotFound => {
            DecodeProblem::BrokenLink(target)
        }
        _ => io_problem(error),
    })?;
    if metadata.is_dir() {
        return Err(DecodeProblem::IsDirectory);
    }
    // Opening a pipe waits for a writer, and reading a device may never
    // end: only files are read.
    if !metadata.is_file() {
        return Err(DecodeProblem::NotAFile);
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
    let (text, encoding, notice) = to_utf8(bytes)?;
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
        notice,
    })
}

/// The text, the encoding it was read in, and what the reader should be
/// told about the reading.
type Converted = (String, &'static Encoding, Option<String>);

fn to_utf8(bytes: &[u8]) -> Result<Converted, DecodeProblem> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_strictly(encoding, &bytes[bom..]).map(|t| (t, encoding, None));
    }
    if bytes.contains(&0) {
        if looks_like_utf16(bytes) {
            return Err(DecodeProblem::Utf16WithoutBom);
        }
        return Err(DecodeProblem::Binary("it contains NUL bytes"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), encoding_rs::UTF_8, None));
    }
    if let Some(mixed) = mostly_utf8(bytes) {
        let notice = format!(
            "the file is UTF-8 but {} not (the first at byte {}): read as Windows-1252 characters",
            crate::plural(mixed.stray_bytes, "byte is", "bytes are"),
            mixed.first_stray,
        );
        return Ok((mixed.text, encoding_rs::UTF_8, Some(notice)));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    decode_strictly(encoding, bytes).map(|t| (t, encoding, None))
}

/// Whether NUL bytes fall the way they do in mostly-ASCII UTF-16: in
/// nearly every other byte (the high byte of each code unit) and almost
/// never in between. Such a file is refused with a hint rather than
/// decoded: without a byte-order mark, the guess could be wrong, and the
/// fix (save as UTF-8) is one step in any editor.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let units = sample.len() / 2;
    if units < 4 {
        return false;
    }
    let nul_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .take(units)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let mostly = |n: usize| n * 10 >= units * 8;
    let rarely = |n: usize| n * 20 <= units;
    (mostly(odd) && rarely(even)) || (mostly(even) && rarely(odd))
}

/// UTF-8 text with a few stray bytes in another encoding.
struct MixedUtf8 {
    text: String,
    stray_bytes: usize,
    /// Byte offset of the first stray byte in the file.
    first_stray: usize,
}

/// Text that is UTF-8 but for a few stray bytes — typically a curly quote
/// or a dash pasted from a Windows program into a UTF-8 file — is read as
/// UTF-8, each stray byte as the Windows-1252 character it stands for.
/// Detecting a single legacy encoding for the whole file would garble every
/// correct UTF-8 character instead. `None` when the file has more stray
/// bytes than UTF-8 characters beyond ASCII: then it is a legacy file.
fn mostly_utf8(bytes: &[u8]) -> Option<MixedUtf8> {
    let mut text = String::with_capacity(bytes.len() + 16);
    let (mut stray_bytes, mut first_stray, mut wide_chars) = (0, None, 0);
    let mut rest = bytes;
    while !rest.is_empty() {
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(valid) => (valid, 0),
            Err(error) => {
                let valid_up_to = error.valid_up_to();
                // Cannot fail: these bytes were just found valid.
                let valid = std::str::from_utf8(&rest[..valid_up_to]).unwrap_or_default();
                (valid, error.error_len().unwrap_or(rest.len() - valid_up_to))
            }
        };
        wide_chars += valid.chars().filter(|c| !c.is_ascii()).count();
        text.push_str(valid);
        let at = valid.len();
        if bad > 0 {
            first_stray.get_or_insert(bytes.len() - rest.len() + at);
            stray_bytes += bad;
            let (stray, _) =
                encoding_rs::WINDOWS_1252.decode_without_bom_handling(&rest[at..at + bad]);
            text.push_str(&stray);
        }
        rest = &rest[at + bad..];
    }
    (stray_bytes > 0 && wide_chars >= stray_bytes).then(|| MixedUtf8 {
        text,
        stray_bytes,
        first_stray: first_stray.unwrap_or(0),
    })
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

    #[cfg(unix)]
    #[test]
    fn a_link_to_nothing_says_where_it_points() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("article.txt");
        std::os::unix::fs::symlink("moved/away.txt", &link).unwrap();
        let problem = read_limited(&link, 100).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "this is a link to moved/away.txt, which does not exist"
        );
        let missing = read_limited(&dir.path().join("none.txt"), 100).unwrap_err();
        assert_eq!(missing.to_string(), "no such file");
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
    fn stray_windows_bytes_in_utf8_are_read_as_windows_1252() {
        // A UTF-8 article with a quote and a dash pasted from Windows.
        let bytes = [
            "Zürich — Lukashenko’s rival said ".as_bytes(),
            b"\x93enough\x94 \x96 and left.",
        ]
        .concat();
        let result = decoded(&bytes);
        assert_eq!(
            result.text,
            "Zürich — Lukashenko’s rival said “enough” – and left."
        );
        assert_eq!(result.encoding, "UTF-8");
        let notice = result.notice.expect("the reader is told");
        assert!(notice.contains("3 bytes are not"), "{notice}");
        let first = "Zürich — Lukashenko’s rival said ".len();
        assert!(notice.contains(&format!("byte {first}")), "{notice}");
        // One stray byte, at the very end.
        let bytes = ["Café “noir”".as_bytes(), b"\xe9"].concat();
        let result = decoded(&bytes);
        assert_eq!(result.text, "Café “noir”é");
        assert!(result.notice.unwrap().contains("1 byte is not"));
    }

    #[test]
    fn a_legacy_file_is_not_taken_for_damaged_utf8() {
        // Only stray bytes: a Windows-1252 file, detected as a whole.
        let result = decoded(b"He said \x93enough\x94 to the caf\xe9 owner.");
        assert_eq!(result.text, "He said “enough” to the café owner.");
        assert_eq!(result.encoding, "windows-1252");
        assert_eq!(result.notice, None);
        assert_eq!(decoded("Zürich".as_bytes()).notice, None);
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(Size(64 * 1024 * 1024).to_string(), "64.0 MiB");
        assert_eq!(Size(12).to_string(), "12 bytes");
        assert_eq!(Size(1).to_string(), "1 byte");
    }

    #[test]
    fn a_file_just_over_the_limit_shows_sizes_that_differ() {
        let limit = 64 * 1024 * 1024;
        let just_over = DecodeProblem::TooLarge {
            size: limit + 1,
            limit,
        };
        assert_eq!(
            just_over.to_string(),
            "the file is 67108865 bytes — factmark opens files of up to 67108864 bytes (64.0 MiB)"
        );
        let far_over = DecodeProblem::TooLarge {
            size: 65 * 1024 * 1024,
            limit,
        };
        assert_eq!(
            far_over.to_string(),
            "the file is 65.0 MiB — factmark opens files of up to 64.0 MiB"
        );
    }
}
