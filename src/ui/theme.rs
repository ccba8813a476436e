//! Design tokens: tag colors, text sizes, spacing. One place for each.
//!
//! The tag palette is Okabe–Ito, designed to stay distinguishable with the
//! common forms of color blindness. Each tag has a strong color (chips,
//! underlines, outlines) and a translucent fill for highlights, tuned
//! separately for light and dark backgrounds.

use egui::Color32;

use crate::model::Tag;

/// The strong color of a tag on the given background.
pub fn tag_color(tag: Tag, dark: bool) -> Color32 {
    match (tag, dark) {
        (Tag::Claim, false) => Color32::from_rgb(0x00, 0x72, 0xB2),
        (Tag::Claim, true) => Color32::from_rgb(0x56, 0xB4, 0xE9),
        (Tag::Figure, false) => Color32::from_rgb(0xD5, 0x5E, 0x00),
        (Tag::Figure, true) => Color32::from_rgb(0xE6, 0x9F, 0x00),
        (Tag::Quote, false) => Color32::from_rgb(0x00, 0x9E, 0x73),
        (Tag::Quote, true) => Color32::from_rgb(0x2C, 0xC2, 0x97),
        (Tag::Source, false) => Color32::from_rgb(0xCC, 0x79, 0xA7),
        (Tag::Source, true) => Color32::from_rgb(0xE0, 0x9A, 0xC4),
    }
}

/// The translucent highlight fill of a tag.
pub fn tag_fill(tag: Tag, dark: bool) -> Color32 {
    let alpha = if dark { 0.30 } else { 0.22 };
    tag_color(tag, dark).gamma_multiply(alpha)
}

/// The fill behind a match of Find: a marker yellow on light backgrounds
/// and a neutral light patch on dark ones (a dark-theme yellow turns
/// olive and reads as Figure's orange), unlike any tag's fill and without
/// a tag's underline.
pub fn find_fill(dark: bool) -> Color32 {
    if dark {
        Color32::WHITE.gamma_multiply(0.22)
    } else {
        Color32::from_rgb(0xFF, 0xE0, 0x40).gamma_multiply(0.75)
    }
}

/// The brief flash over a span the view scrolls to (the current find
/// match or suggestion, a list entry): neutral, so that it is never taken
/// for a tag's color (egui's warning orange looked like Figure's).
pub fn reveal_flash(dark: bool) -> Color32 {
    if dark {
        Color32::WHITE.gamma_multiply(0.30)
    } else {
        Color32::BLACK.gamma_multiply(0.18)
    }
}

/// Text on a chip of the tag's strong color.
pub fn on_tag_color(dark: bool) -> Color32 {
    if dark { Color32::BLACK } else { Color32::WHITE }
}

/// Article text: stronger than egui's default label gray, for long reading.
pub fn reading_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(222)
    } else {
        Color32::from_gray(28)
    }
}

/// Width of the article column, in points: about 70 characters a line.
pub const PAGE_WIDTH: f32 = 680.0;
/// Body text size, points.
pub const BODY_SIZE: f32 = 17.0;
/// Subheading size, points.
pub const HEADING_SIZE: f32 = 21.0;
/// Small text (chips, hints, notes in the side panel), points.
pub const SMALL_SIZE: f32 = 11.0;
/// Metadata (date line) size, points.
pub const META_SIZE: f32 = 13.0;
/// Space between paragraphs, points.
pub const PARAGRAPH_GAP: f32 = 14.0;
/// Extra space between lines inside a paragraph, points.
pub const LINE_GAP: f32 = 5.0;
/// Thickness of a highlight underline, points.
pub const UNDERLINE: f32 = 2.0;

#[cfg(test)]
mod tests {
    use super::*;

    /// Hue in degrees and saturation (0 to 1) of a color as sRGB, the
    /// space in which it looks the way it does.
    fn hue_saturation(color: Color32) -> (f32, f32) {
        let [r, g, b, _] = color.to_srgba_unmultiplied().map(|c| f32::from(c) / 255.0);
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        let chroma = max - min;
        if chroma == 0.0 {
            return (0.0, 0.0);
        }
        let sector = if max == r {
            ((g - b) / chroma).rem_euclid(6.0)
        } else if max == g {
            (b - r) / chroma + 2.0
        } else {
            (r - g) / chroma + 4.0
        };
        (sector * 60.0, chroma / max)
    }

    #[test]
    fn find_and_reveal_highlights_are_unlike_every_tag_color() {
        for dark in [false, true] {
            for (name, fill) in [("find", find_fill(dark)), ("reveal", reveal_flash(dark))] {
                let (hue, saturation) = hue_saturation(fill);
                if saturation < 0.1 {
                    continue; // neutral: no tag is
                }
                for tag in Tag::ALL {
                    let (tag_hue, _) = hue_saturation(tag_color(tag, dark));
                    let distance = (hue - tag_hue).abs().min(360.0 - (hue - tag_hue).abs());
                    assert!(
                        distance >= 20.0,
                        "{name} (dark: {dark}) looks like {tag}: {distance:.0}° apart"
                    );
                }
            }
        }
    }
}
