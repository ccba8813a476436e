//! Conversion between byte offsets (used inside the program) and character
//! offsets (Unicode scalar values, used in every file format).
//!
//! Inside factmark a position in the article is a byte offset into the
//! `String`, which is what slicing and egui want. Files count characters, as
//! the W3C Web Annotation model and brat do. [`OffsetIndex`] converts between
//! the two in O(log n + [`CHECKPOINT`]) with a table of checkpoints, so a
//! conversion never scans the whole text. It is built once per article.

/// One checkpoint every this many characters.
pub const CHECKPOINT: usize = 64;

/// A checkpoint table mapping character offsets to byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetIndex {
    /// `checkpoints[k]` is the byte offset of character `k * CHECKPOINT`.
    checkpoints: Vec<usize>,
    chars: usize,
    bytes: usize,
}

impl OffsetIndex {
    /// Builds the table for `text`. O(n), done once per article.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % CHECKPOINT == 0 {
                checkpoints.push(byte);
            }
            chars += 1;
        }
        if chars % CHECKPOINT == 0 {
            checkpoints.push(text.len());
        }
        Self {
            checkpoints,
            chars,
            bytes: text.len(),
        }
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Number of bytes in the text.
    pub fn byte_len(&self) -> usize {
        self.bytes
    }

    /// Byte offset of character offset `char_offset`, or `None` when it is
    /// past the end. `char_offset == char_len()` maps to the text's length.
    pub fn byte_of_char(&self, text: &str, char_offset: usize) -> Option<usize> {
        if char_offset > self.chars {
            return None;
        }
        let block = char_offset / CHECKPOINT;
        let start = self.checkpoints[block];
        let rest = char_offset - block * CHECKPOINT;
        if rest == 0 {
            return Some(start);
        }
        text[start..]
            .char_indices()
            .nth(rest)
            .map(|(b, _)| start + b)
            .or_else(|| (char_offset == self.chars).then_some(self.bytes))
    }

    /// Character offset of byte offset `byte_offset`, or `None` when it is
    /// past the end or not on a character boundary.
    pub fn char_of_byte(&self, text: &str, byte_offset: usize) -> Option<usize> {
        if byte_offset > self.bytes || !text.is_char_boundary(byte_offset) {
            return None;
        }
        let block = match self.checkpoints.binary_search(&byte_offset) {
            Ok(block) => return Some(block * CHECKPOINT),
            Err(insert) => insert - 1,
        };
        let start = self.checkpoints[block];
        Some(block * CHECKPOINT + text[start..byte_offset].chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn unicode_text() -> impl Strategy<Value = String> {
        // ASCII, Latin-1, combining marks, CJK, RTL (Hebrew, Arabic), emoji
        // with ZWJ sequences and skin tones: every UTF-8 length.
        prop::collection::vec(
            prop_oneof![
                "[a-z \n]{1,8}",
                "[àéîõüßç]{1,4}",
                "e\u{301}|a\u{308}\u{323}",
                "[漢字仮名かなカナ]{1,5}",
                "[שלום]{1,4}|[مرحبا]{1,4}",
                "👩\u{200d}💻|👍🏽|🇫🇷|😀",
            ],
            0..200,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn char_and_byte_offsets_round_trip(text in unicode_text()) {
            let index = OffsetIndex::new(&text);
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect();
            prop_assert_eq!(index.char_len(), boundaries.len() - 1);
            for (char_offset, &byte) in boundaries.iter().enumerate() {
                prop_assert_eq!(index.byte_of_char(&text, char_offset), Some(byte));
                prop_assert_eq!(index.char_of_byte(&text, byte), Some(char_offset));
            }
            prop_assert_eq!(index.byte_of_char(&text, boundaries.len()), None);
            prop_assert_eq!(index.char_of_byte(&text, text.len() + 1), None);
        }

        #[test]
        fn bytes_inside_a_character_have_no_char_offset(text in unicode_text()) {
            let index = OffsetIndex::new(&text);
            for byte in 0..text.len() {
                if !text.is_char_boundary(byte) {
                    prop_assert_eq!(index.char_of_byte(&text, byte), None);
                }
            }
        }
    }

    #[test]
    fn empty_text_has_one_position() {
        let index = OffsetIndex::new("");
        assert_eq!(index.byte_of_char("", 0), Some(0));
        assert_eq!(index.char_of_byte("", 0), Some(0));
        assert_eq!(index.byte_of_char("", 1), None);
    }
}
