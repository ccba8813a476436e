//! CSV export: one row per annotation — article, id, tag, start, end, text,
//! note, created — RFC 4180 (CRLF, quotes where needed) in UTF-8 with a
//! byte order mark: Excel on Windows reads UTF-8 without one as the local
//! legacy encoding and garbles every accent and quotation mark, while
//! pandas, R, LibreOffice, Google Sheets and the `csv` crate skip it
//! (Python's `csv` module needs `encoding="utf-8-sig"`).
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return as a formula, so such cells get a leading `'` (the OWASP
//! advice): an article or a note can never make a spreadsheet call out or
//! compute. A plain signed number (`-5%`, `+3.2`, `-1,200`) computes
//! nothing and is left as it is. Offsets are in Unicode characters.
//! Rendering only, no I/O.

use std::sync::LazyLock;

use regex::Regex;

use super::Document;

/// The byte order mark every CSV file begins with.
pub const BOM: &str = "\u{feff}";

/// The header row, in column order.
pub const HEADER: [&str; 8] = [
    "article", "id", "tag", "start", "end", "text", "note", "created",
];

/// One annotation as a CSV row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub article: String,
    pub id: u64,
    pub tag: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub note: String,
    pub created: String,
}

/// The rows of one document, in text order.
pub fn rows(doc: &Document) -> Vec<Row> {
    doc.entries
        .iter()
        .map(|entry| {
            let a = entry.annotation;
            Row {
                article: doc.file_name.clone(),
                id: a.id.0,
                tag: a.tag.label(),
                start: entry.start,
                end: entry.end,
                text: a.quote.exact.clone(),
                note: a.note.clone(),
                created: a.created.to_string(),
            }
        })
        .collect()
}

/// The CSV file of some rows (one article's, or every article's for
/// `all.csv`), header first.
pub fn render<'r>(rows: impl IntoIterator<Item = &'r Row>) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let written = (|| -> Result<Vec<u8>, ::csv::Error> {
        writer.write_record(HEADER)?;
        for row in rows {
            let (id, start, end) = (
                row.id.to_string(),
                row.start.to_string(),
                row.end.to_string(),
            );
            writer.write_record([
                neutralize(&row.article).as_str(),
                &id,
                row.tag,
                &start,
                &end,
                &neutralize(&row.text),
                &neutralize(&row.note),
                &row.created,
            ])?;
        }
        writer
            .into_inner()
            .map_err(|e| ::csv::Error::from(e.into_error()))
    })();
    let bytes = written.expect("writing rows of equal length to memory cannot fail");
    let csv = String::from_utf8(bytes).expect("every cell is a Rust string, so the CSV is UTF-8");
    format!("{BOM}{csv}")
}

/// A signed number and nothing else: digits with `.` or `,` separators and
/// an optional `%`. A spreadsheet reads it as that number; it runs nothing.
static SIGNED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[+-][0-9]+(?:[.,][0-9]+)*%?$").expect("a valid pattern"));

/// A cell a spreadsheet will show as text, never run as a formula.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !SIGNED_NUMBER.is_match(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralized() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for risky in [
            "+1+cmd|' /C calc'!A0",
            "-1-1",
            "-2+3",
            "-5%x",
            "+A1",
            "-",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-1\n=2",
        ] {
            assert!(neutralize(risky).starts_with('\''), "{risky:?}");
        }
        assert_eq!(neutralize("80.1%"), "80.1%");
    }

    #[test]
    fn plain_signed_numbers_are_left_alone() {
        for number in ["-5%", "+3.2", "-1,200", "+0.5%", "-12"] {
            assert_eq!(neutralize(number), number);
        }
        assert_eq!(neutralize(""), "");
    }

    #[test]
    fn cells_with_commas_quotes_and_line_breaks_are_quoted() {
        let row = Row {
            article: "a.txt".into(),
            id: 1,
            tag: "Quote",
            start: 0,
            end: 5,
            text: "\"Hi,\"".into(),
            note: "two\nlines".into(),
            created: "2026-01-01T00:00:00Z".into(),
        };
        let csv = render([&row]);
        assert_eq!(
            csv,
            "\u{feff}article,id,tag,start,end,text,note,created\r\n\
             a.txt,1,Quote,0,5,\"\"\"Hi,\"\"\",\"two\nlines\",2026-01-01T00:00:00Z\r\n"
        );
    }
}
