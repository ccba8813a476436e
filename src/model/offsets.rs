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

/// UTF-16 code unit offsets of a text mapped to character offsets and
/// back, for files read or written by JavaScript tools (a character outside the Basic
/// Multilingual Plane, such as most emoji, is two code units there).
pub struct Utf16Offsets {
    /// UTF-16 offset of every character outside the BMP, in order.
    astral: Vec<usize>,
}

impl Utf16Offsets {
    pub fn new(text: &str) -> Self {
        let mut astral = Vec::new();
        let mut at = 0;
        for c in text.chars() {
            if c.len_utf16() == 2 {
                astral.push(at);
            }
            at += c.len_utf16();
        }
        Self { astral }
    }

    /// Whether the text has characters that UTF-16 counts twice.
    pub fn differs(&self) -> bool {
        !self.astral.is_empty()
    }

    /// The character offset of UTF-16 offset `offset`; `None` inside a
    /// surrogate pair.
    pub fn to_char(&self, offset: usize) -> Option<usize> {
        let before = self.astral.partition_point(|&at| at + 2 <= offset);
        if self.astral.get(before).is_some_and(|&at| at + 1 == offset) {
            return None;
        }
        Some(offset - before)
    }

    /// The UTF-16 offset of character offset `offset`.
    pub fn to_utf16(&self, offset: usize) -> usize {
        // The k-th character UTF-16 counts twice is character `at - k`,
        // which grows with k: a binary search for those before `offset`.
        let (mut low, mut high) = (0, self.astral.len());
        while low < high {
            let k = (low + high) / 2;
            if self.astral[k] - k < offset {
                low = k + 1;
            } else {
                high = k;
            }
        }
        offset + low
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

    #[test]
    fn utf16_offsets_count_astral_characters_twice() {
        // "a😀b": a at 0, 😀 at 1..3 in UTF-16, b at 3.
        let offsets = Utf16Offsets::new("a😀b€");
        assert!(offsets.differs());
        assert_eq!(offsets.to_char(0), Some(0));
        assert_eq!(offsets.to_char(1), Some(1));
        assert_eq!(offsets.to_char(2), None);
        assert_eq!(offsets.to_char(3), Some(2));
        assert_eq!(offsets.to_char(5), Some(4));
        assert!(!Utf16Offsets::new("é€").differs());
        for (chars, units) in [(0, 0), (1, 1), (2, 3), (3, 4), (4, 5)] {
            assert_eq!(offsets.to_utf16(chars), units);
        }
    }
}
