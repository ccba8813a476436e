//! Cheap layout for the article view: the page is cut into blocks of at
//! most [`BLOCK_BYTES`], and a block's height is estimated from cached
//! glyph advances by following egui's own line breaking, so that a long
//! article gets a faithful height table without shaping all of its text.
//!
//! Shaping (what `Fonts::layout_job` does) costs about 5 s of CPU per MB of
//! text and a galley holds hundreds of bytes per character; only the blocks
//! on screen are shaped, and their exact heights replace the estimates.

use std::collections::HashMap;
use std::ops::Range;

use egui::FontId;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use crate::model::{Paragraph, ParagraphKind};

/// Longest piece of a paragraph laid out as one galley. A longer paragraph
/// is cut after a space near this length; the cut starts a new line.
pub const BLOCK_BYTES: usize = 8 * 1024;

/// A piece of the page laid out as one galley: a whole paragraph, or a
/// slice of a very long one.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Byte range in the article text.
    pub range: Range<usize>,
    pub kind: ParagraphKind,
    /// Whether the paragraph ends with this block (the paragraph gap
    /// follows it).
    pub ends_paragraph: bool,
}

/// The blocks of an article, in text order, covering every paragraph.
pub fn blocks(text: &str, paragraphs: &[Paragraph]) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        let mut start = paragraph.range.start;
        let end = paragraph.range.end;
        while end - start > BLOCK_BYTES {
            let cut = cut_point(text, start, start + BLOCK_BYTES);
            blocks.push(Block {
                range: start..cut,
                kind: paragraph.kind,
                ends_paragraph: false,
            });
            start = cut;
        }
        blocks.push(Block {
            range: start..end,
            kind: paragraph.kind,
            ends_paragraph: true,
        });
    }
    blocks
}

/// Where to cut text between `start` and at most `limit`. A cut shows as
/// a line break inside the paragraph, so it goes where one reads least
/// oddly: at the start of the last sentence that begins in the second
/// half; else after its last white space; else at the last grapheme
/// boundary, so that no character or cluster is split.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let limit = text.floor_char_boundary(limit);
    let half = text.ceil_char_boundary(start + (limit - start) / 2);
    // The first piece of the window is a sentence's tail, never a start.
    if let Some((i, _)) = text[half..limit]
        .split_sentence_bound_indices()
        .skip(1)
        .last()
    {
        return half + i;
    }
    if let Some((i, c)) = text[half..limit]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
    {
        return half + i + c.len_utf8();
    }
    let mut cursor = GraphemeCursor::new(limit, text.len(), true);
    if cursor.is_boundary(text, 0) == Ok(true) {
        return limit;
    }
    match cursor.prev_boundary(text, 0) {
        Ok(Some(at)) if at > start => at,
        _ => limit,
    }
}

/// Glyph advances of one font, cached: `Fonts::glyph_width` resolves the
/// font face on every call.
#[derive(Default)]
pub struct Advances {
    latin: Vec<f32>,
    other: HashMap<char, f32>,
}

impl Advances {
    /// The advance of `c` in points, asking the fonts on first use.
    pub fn get(&mut self, c: char, fonts: &mut impl FnMut(char) -> f32) -> f32 {
        let i = c as usize;
        if i < 256 {
            if self.latin.is_empty() {
                self.latin = vec![f32::NAN; 256];
            }
            if self.latin[i].is_nan() {
                self.latin[i] = fonts(c);
            }
            return self.latin[i];
        }
        *self.other.entry(c).or_insert_with(|| fonts(c))
    }
}

/// Row heights and glyph advances for the fonts of the page, at one zoom.
#[derive(Default)]
pub struct Metrics {
    /// By font size (the page uses one family).
    advances: HashMap<u32, Advances>,
    row_heights: HashMap<u32, f32>,
}

impl Metrics {
    /// The height of one row in `font`, from `lay_out_one_row` on first use.
    pub fn row_height(&mut self, font: &FontId, lay_out_one_row: impl FnOnce() -> f32) -> f32 {
        *self
            .row_heights
            .entry(font.size.to_bits())
            .or_insert_with(lay_out_one_row)
    }

    /// How many rows `text` takes at `wrap_width` in `font`, measured with
    /// `glyph_width` on cache misses.
    pub fn rows(
        &mut self,
        text: &str,
        font: &FontId,
        wrap_width: f32,
        glyph_width: &mut impl FnMut(&FontId, char) -> f32,
    ) -> usize {
        let advances = self.advances.entry(font.size.to_bits()).or_default();
        let mut width = |c| advances.get(c, &mut |c| glyph_width(font, c));
        count_rows(text, wrap_width, &mut width)
    }
}

/// Where a row may be broken, most recent first, as epaint's
/// `RowBreakCandidates`: each is the index of the last glyph kept on the
/// row and the x where the next row starts.
#[derive(Default)]
struct Breaks {
    space: Option<(usize, f32)>,
    cjk: Option<(usize, f32)>,
    pre_cjk: Option<(usize, f32)>,
    dash: Option<(usize, f32)>,
    punctuation: Option<(usize, f32)>,
    any: Option<(usize, f32)>,
}

impl Breaks {
    fn add(&mut self, at: (usize, f32), c: char, next: Option<char>) {
        if c.is_whitespace() && c != '\u{A0}' {
            self.space = Some(at);
        } else if is_cjk(c) && next.is_none_or(is_cjk_break_allowed) {
            self.cjk = Some(at);
        } else if c == '-' {
            self.dash = Some(at);
        } else if c.is_ascii_punctuation() {
            self.punctuation = Some(at);
        } else if next.is_some_and(is_cjk) {
            self.pre_cjk = Some(at);
        }
        self.any = Some(at);
    }

    fn get(&self) -> Option<(usize, f32)> {
        [self.space, self.cjk, self.pre_cjk]
            .into_iter()
            .flatten()
            .max_by_key(|&(i, _)| i)
            .or(self.dash)
            .or(self.punctuation)
            .or(self.any)
    }

    fn forget_up_to(&mut self, index: usize) {
        for slot in [
            &mut self.space,
            &mut self.cjk,
            &mut self.pre_cjk,
            &mut self.dash,
            &mut self.punctuation,
            &mut self.any,
        ] {
            if slot.is_some_and(|(i, _)| i <= index) {
                *slot = None;
            }
        }
    }
}

/// How many rows egui's line breaking (epaint's `line_break`) makes of a
/// single-line `text` at `wrap_width`, with each character's advance in
/// place of its shaped glyph.
pub fn count_rows(text: &str, wrap_width: f32, advance: &mut impl FnMut(char) -> f32) -> usize {
    // As `LayoutJob::effective_wrap_width` with output rounded to the GUI.
    let wrap_width = wrap_width + 0.5;
    let mut rows = 1;
    let mut x = 0.0;
    let mut row_start_x = 0.0;
    let mut breaks = Breaks::default();
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let right = x + advance(c);
        if wrap_width < right - row_start_x
            && let Some((kept, next_x)) = breaks.get()
        {
            rows += 1;
            row_start_x = next_x;
            breaks.forget_up_to(kept);
        }
        breaks.add((i, right), c, chars.peek().map(|&(_, c)| c));
        x = right;
    }
    rows
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || ('\u{3400}'..='\u{4DBF}').contains(&c)
        || ('\u{2B740}'..='\u{2B81F}').contains(&c)
        || ('\u{3040}'..='\u{30FF}').contains(&c)
}

fn is_cjk_break_allowed(c: char) -> bool {
    !")]｝〕〉》」』】〙〗〟'\"｠»ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜?!‼⁇⁈⁉・、:;,。.！％），．：；？］”’…".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    fn paragraphs(text: &str) -> Vec<Paragraph> {
        Article::new(text.to_owned()).paragraphs().to_vec()
    }

    #[test]
    fn short_paragraphs_are_one_block_each() {
        let text = "Title\n\nA short paragraph.\n";
        let blocks = blocks(text, &paragraphs(text));
        let texts: Vec<&str> = blocks.iter().map(|b| &text[b.range.clone()]).collect();
        assert!(texts.contains(&"Title"));
        assert!(texts.contains(&"A short paragraph."));
        assert!(blocks.iter().all(|b| b.ends_paragraph));
    }

    #[test]
    fn a_long_paragraph_is_cut_after_spaces_into_contiguous_blocks() {
        let text = "word ".repeat(10_000);
        let paragraph = paragraphs(&text);
        let blocks = blocks(&text, &paragraph);
        assert!(blocks.len() > 5, "{} blocks", blocks.len());
        for pair in blocks.windows(2) {
            assert_eq!(pair[0].range.end, pair[1].range.start, "no gap, no overlap");
            assert!(
                text[..pair[0].range.end].ends_with(' '),
                "cut after a space"
            );
            assert!(!pair[0].ends_paragraph);
        }
        assert!(blocks.iter().all(|b| b.range.len() <= BLOCK_BYTES));
        assert!(blocks.last().unwrap().ends_paragraph);
        assert_eq!(blocks[0].range.start, paragraph[0].range.start);
        assert_eq!(blocks.last().unwrap().range.end, paragraph[0].range.end);
    }

    #[test]
    fn a_long_paragraph_of_sentences_is_cut_between_sentences() {
        let text =
            "The council met on “Monday” and said so. Did it? Yes: 4.5% agreed! ".repeat(600);
        let blocks = blocks(&text, &paragraphs(&text));
        assert!(blocks.len() > 3, "{} blocks", blocks.len());
        for block in &blocks {
            assert!(
                text[block.range.clone()].starts_with(['T', 'D', 'Y']),
                "{block:?}"
            );
            assert!(block.range.len() <= BLOCK_BYTES);
        }
    }

    #[test]
    fn text_without_spaces_is_cut_between_grapheme_clusters() {
        // "e" with a combining acute accent: never cut between the two.
        let text = "e\u{301}".repeat(5_000);
        let blocks = blocks(&text, &paragraphs(&text));
        assert!(blocks.len() > 1);
        for block in &blocks {
            assert!(text[block.range.clone()].starts_with('e'), "{block:?}");
            assert!(block.range.len() <= BLOCK_BYTES);
        }
    }

    #[test]
    fn rows_break_at_spaces_like_egui() {
        // Every character 1 point wide, rows at most 10 points.
        let mut unit = |_| 1.0;
        assert_eq!(count_rows("", 10.0, &mut unit), 1);
        assert_eq!(count_rows("aaaa bbbb", 10.0, &mut unit), 1);
        assert_eq!(count_rows("aaaa bbbb cccc", 10.0, &mut unit), 2);
        // No break candidate but "any": a long word is broken anywhere.
        assert_eq!(count_rows(&"a".repeat(35), 10.0, &mut unit), 4);
        // A dash is a candidate when there is no space.
        assert_eq!(count_rows("aaaaaaaa-bbbbbbbb", 10.0, &mut unit), 2);
    }
}
