//! Word-aware selection: trimming white space, snapping to whole words and
//! finding the word under a position (Unicode word boundaries, UAX #29).
//!
//! Work is confined to the line around the position, so the cost does not
//! grow with the article.

use unicode_segmentation::UnicodeSegmentation;

use super::annotation::Span;

/// The line (without its line break) that holds `byte`.
fn line_around(text: &str, byte: usize) -> Span {
    let start = text[..byte].rfind('\n').map_or(0, |i| i + 1);
    let end = text[byte..].find('\n').map_or(text.len(), |i| byte + i);
    Span::new(start, end)
}

/// Word segments of the line around `byte`, as absolute spans.
fn segments(text: &str, byte: usize) -> impl Iterator<Item = (Span, &str)> {
    let line = line_around(text, byte);
    text[line.range()]
        .split_word_bound_indices()
        .map(move |(i, w)| (Span::new(line.start + i, line.start + i + w.len()), w))
}

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The span without white space at either end; `None` if nothing is left.
pub fn trim(text: &str, span: Span) -> Option<Span> {
    let inner = &text[span.range()];
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.start + inner.trim_end().len();
    (start < end).then_some(Span::new(start, end))
}

/// Signs written right after a number that belong to the figure.
fn is_unit_after(c: char) -> bool {
    matches!(c, '%' | '‰' | '‱' | '°')
}

/// Signs written right before a number that belong to the figure.
fn is_unit_before(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₽' | '₩' | '₺' | '₴' | '₪' | '¢' | '₦' | '₱' | '฿'
    )
}

/// The scale letter of a temperature written right after `°` (`30°C`),
/// when no other letter follows it: its length in bytes, else 0.
fn scale_after_degree(after: &str) -> usize {
    let mut chars = after.chars();
    match (chars.next(), chars.next()) {
        (Some('C' | 'F' | 'K'), next) if !next.is_some_and(char::is_alphanumeric) => 1,
        _ => 0,
    }
}

/// The country letters of a dollar written right before its `$` (`US$`,
/// `A$`, `HK$`): 1 to 3 capital letters not preceded by another letter.
/// Their length in bytes, else 0. Looks at 4 characters at most.
fn dollar_prefix(before: &str) -> usize {
    let letters = before
        .chars()
        .rev()
        .take(4)
        .take_while(char::is_ascii_uppercase)
        .count();
    let rest = &before[..before.len() - letters];
    if (1..=3).contains(&letters) && !rest.ends_with(char::is_alphabetic) {
        letters
    } else {
        0
    }
}

/// Widens a span around a number over the signs that belong to it: `80.1%`,
/// `$4.5`, `€3`, `30°C`, `US$400`, so that a figure is never tagged without
/// its unit.
fn with_units(text: &str, span: Span) -> Span {
    let inner = &text[span.range()];
    let mut out = span;
    if inner.ends_with(|c: char| c.is_ascii_digit())
        && let Some(c) = text[span.end..]
            .chars()
            .next()
            .filter(|&c| is_unit_after(c))
    {
        out.end += c.len_utf8();
        if c == '°' {
            out.end += scale_after_degree(&text[out.end..]);
        }
    }
    if inner.starts_with(|c: char| c.is_ascii_digit())
        && let Some(c) = text[..span.start]
            .chars()
            .next_back()
            .filter(|&c| is_unit_before(c))
    {
        out.start -= c.len_utf8();
        if c == '$' {
            out.start -= dollar_prefix(&text[..out.start]);
        }
    }
    // A sign that is not a hyphen between words: `-5%`, `+3.2`, `−1,200`.
    let before = &text[..out.start];
    if inner.starts_with(|c: char| c.is_ascii_digit())
        && let Some(sign) = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '-' | '+' | '−'))
        && !before[..before.len() - sign.len_utf8()].ends_with(char::is_alphanumeric)
    {
        out.start -= sign.len_utf8();
    }
    out
}

/// Widens a span so it starts and ends on whole words, then trims it.
pub fn snap_to_words(text: &str, span: Span) -> Option<Span> {
    let span = trim(text, span)?;
    // The word (or number with its signs, `60%`) under each end, as a
    // double-click there would take it.
    let start = word_at(text, span.start).map_or(span.start, |w| w.start);
    let last = span.end
        - text[..span.end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
    let end = word_at(text, last).map_or(span.end, |w| w.end);
    Some(with_units(
        text,
        Span::new(start.min(span.start), end.max(span.end)),
    ))
}

/// Joins the pieces of a compound that starts with a number: `34-year-old`,
/// `5-point`, `2020-08-16`, `6:01`, `10:30am`, `9/11`. A hyphen joins any
/// two words; `/` only two numbers, and `:` a number and what starts with
/// a digit.
fn joins(joiner: &str, before: &str, after: &str) -> bool {
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    match joiner {
        "-" | "\u{2011}" => true,
        // `10:30am`, `6:01pm`: the hour, then minutes that may run on.
        ":" => number(before) && after.starts_with(|c: char| c.is_ascii_digit()),
        "/" => number(before) && number(after),
        _ => false,
    }
}

/// `word` (a word segment of the line around it) widened to the compound
/// it is part of, when that compound starts with a number.
fn compound(text: &str, word: Span) -> Span {
    // A compound is short: a few pieces on either side are enough.
    const REACH: usize = 64;
    let pieces: Vec<(Span, &str)> = segments(text, word.start)
        .skip_while(|(s, _)| s.end + REACH < word.start)
        .take_while(|(s, _)| s.start <= word.end + REACH)
        .collect();
    let Some(at) = pieces.iter().position(|(s, _)| *s == word) else {
        return word;
    };
    let joined = |i: usize| {
        // Pieces i and i + 2 are words and piece i + 1 joins them.
        matches!(
            (pieces.get(i), pieces.get(i + 1), pieces.get(i + 2)),
            (Some((_, a)), Some((_, j)), Some((_, b))) if is_word(a) && is_word(b) && joins(j, a, b)
        )
    };
    let mut first = at;
    while first >= 2 && joined(first - 2) {
        first -= 2;
    }
    let mut last = at;
    while joined(last) {
        last += 2;
    }
    let starts_with_number = pieces[first].1.starts_with(|c: char| c.is_ascii_digit());
    if first == last || !starts_with_number {
        return word;
    }
    Span::new(pieces[first].0.start, pieces[last].0.end)
}

/// The word under `byte`, a number with its unit signs (`80.1%`, `$4.5`,
/// also when the sign is what was clicked) or the compound a number starts
/// (`34-year-old`, `6:01`); nothing on white space or punctuation, which is
/// never worth an annotation on its own.
pub fn word_at(text: &str, byte: usize) -> Option<Span> {
    if text.is_empty() {
        return None;
    }
    let byte = byte.min(text.len() - 1);
    let byte = (0..=byte).rev().find(|&b| text.is_char_boundary(b))?;
    let mut segments = segments(text, byte).peekable();
    // The two segments before the current one, nearest first.
    let mut before: Option<(Span, &str)> = None;
    let mut before_that: Option<(Span, &str)> = None;
    let digit = |c: char| c.is_ascii_digit();
    while let Some((s, w)) = segments.next() {
        if !s.contains(byte) {
            before_that = before;
            before = Some((s, w));
            continue;
        }
        // The scale of a temperature clicked (`30°C`): the number.
        if matches!(w, "C" | "F" | "K")
            && before.is_some_and(|(_, w)| w == "°")
            && let Some((n, _)) = before_that.filter(|(_, w)| w.ends_with(digit))
        {
            let figure = with_units(text, compound(text, n));
            if figure.end >= s.end {
                return Some(figure);
            }
        }
        // The letters of `US$400` clicked: the figure.
        if w.len() <= 3
            && dollar_prefix(&text[..s.end]) == w.len()
            && segments.peek().is_some_and(|(_, w)| *w == "$")
        {
            segments.next();
            if let Some((n, _)) = segments.next().filter(|(_, w)| w.starts_with(digit)) {
                return Some(with_units(text, compound(text, n)));
            }
            return Some(s);
        }
        if is_word(w) {
            return Some(with_units(text, compound(text, s)));
        }
        // A unit sign clicked: the number beside it, with the sign.
        if w.chars().all(is_unit_after)
            && let Some((n, _)) = before.filter(|(_, w)| w.ends_with(digit))
        {
            return Some(with_units(text, n));
        }
        if w.chars().all(is_unit_before)
            && let Some((n, _)) = segments.next().filter(|(_, w)| w.starts_with(digit))
        {
            return Some(with_units(text, n));
        }
        return None;
    }
    None
}

/// The line under `byte`, trimmed.
pub fn paragraph_at(text: &str, byte: usize) -> Option<Span> {
    let byte = byte.min(text.len());
    trim(text, line_around(text, byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Some 6,700 people were arrested.\nThe «président» said no.";

    fn snapped(from: &str, to: &str) -> &'static str {
        let start = TEXT.find(from).unwrap();
        let end = TEXT.find(to).unwrap() + to.len();
        let span = snap_to_words(TEXT, Span::new(start, end)).unwrap();
        &TEXT[span.range()]
    }

    #[test]
    fn partial_words_snap_outward() {
        assert_eq!(snapped("ome 6", "peo"), "Some 6,700 people");
        // A drag that starts on a number's sign takes the number too.
        let text = "ranging from 60% to 70%.";
        let start = text.find('%').unwrap();
        let span = snap_to_words(text, Span::new(start, text.len() - 1)).unwrap();
        assert_eq!(&text[span.range()], "60% to 70%");
        let text = "cost $4.5 million";
        let dollar = text.find('$').unwrap();
        let span = snap_to_words(text, Span::new(0, dollar + 1)).unwrap();
        assert_eq!(&text[span.range()], "cost $4.5");
        assert_eq!(snapped("résid", "ent"), "président");
    }

    #[test]
    fn whitespace_is_trimmed_and_punctuation_kept() {
        assert_eq!(snapped(" were", "arrested.\n"), "were arrested.");
        assert_eq!(trim(TEXT, Span::new(4, 5)), None);
    }

    #[test]
    fn a_number_with_separators_is_one_word() {
        let at = TEXT.find("700").unwrap();
        let span = word_at(TEXT, at).unwrap();
        assert_eq!(&TEXT[span.range()], "6,700");
    }

    #[test]
    fn double_click_on_a_space_or_punctuation_selects_nothing() {
        assert_eq!(word_at(TEXT, 4), None);
        assert_eq!(word_at(TEXT, TEXT.find('.').unwrap()), None);
        assert_eq!(word_at(TEXT, TEXT.find('«').unwrap()), None);
    }

    #[test]
    fn a_number_keeps_its_unit_signs() {
        let text = "She won 80.1% of the vote, $4.5 million and €3bn; 1,2 ‰.";
        let word = |needle: &str, offset: usize| {
            let at = text.find(needle).unwrap() + offset;
            word_at(text, at).map(|s| &text[s.range()])
        };
        assert_eq!(word("80.1%", 0), Some("80.1%"));
        assert_eq!(word("80.1%", 4), Some("80.1%"), "the sign clicked");
        assert_eq!(word("$4.5", 2), Some("$4.5"));
        assert_eq!(word("$4.5", 0), Some("$4.5"), "the sign clicked");
        assert_eq!(word("€3bn", 0), Some("€3bn"));
        assert_eq!(word("won", 0), Some("won"));
        let signed = "Shares fell -5% and +3.2 points; 2020-08-16.";
        let at = |needle: &str| {
            word_at(signed, signed.find(needle).unwrap()).map(|s| &signed[s.range()])
        };
        assert_eq!(at("5%"), Some("-5%"));
        assert_eq!(at("3.2"), Some("+3.2"));
        assert_eq!(at("08"), Some("2020-08-16"), "a date is one piece");
        assert_eq!(at("2020"), Some("2020-08-16"));
        let drag = |from: &str, to: &str| {
            let start = text.find(from).unwrap();
            let end = text.find(to).unwrap() + to.len();
            snap_to_words(text, Span::new(start, end)).map(|s| &text[s.range()])
        };
        assert_eq!(drag("won 8", "80.1"), Some("won 80.1%"));
        assert_eq!(drag("4.5", "4.5"), Some("$4.5"));
    }

    #[test]
    fn a_compound_that_starts_with_a_number_is_one_word() {
        let text = "A 34-year-old man, a 5-point lead at 6:01 on 9/11; well-known and/or not.";
        let at = |needle: &str| word_at(text, text.find(needle).unwrap()).map(|s| &text[s.range()]);
        assert_eq!(at("34"), Some("34-year-old"));
        assert_eq!(at("year"), Some("34-year-old"));
        assert_eq!(at("old"), Some("34-year-old"));
        assert_eq!(at("point"), Some("5-point"));
        assert_eq!(at("01"), Some("6:01"));
        assert_eq!(at("11;"), Some("9/11"));
        // Compounds of words stay words, as in other editors.
        assert_eq!(at("known"), Some("known"));
        assert_eq!(at("and/"), Some("and"));
        let drag = snap_to_words(
            text,
            Span::new(text.find("ear").unwrap(), text.find(" man").unwrap()),
        );
        assert_eq!(drag.map(|s| &text[s.range()]), Some("34-year-old"));
    }

    #[test]
    fn times_temperatures_and_prefixed_dollars_are_one_figure() {
        let text = "At 10:30am and 6:01pm it was 30°C, then −5°F; US$400, A$5 and HK$2.5bn.";
        let at = |needle: &str, offset: usize| {
            word_at(text, text.find(needle).unwrap() + offset).map(|s| &text[s.range()])
        };
        assert_eq!(at("10:30am", 0), Some("10:30am"));
        assert_eq!(at("30am", 0), Some("10:30am"));
        assert_eq!(at("01pm", 2), Some("6:01pm"));
        assert_eq!(at("6:01pm", 0), Some("6:01pm"));
        assert_eq!(at("30°C", 0), Some("30°C"));
        assert_eq!(at("°C", 0), Some("30°C"), "the degree sign clicked");
        assert_eq!(at("°C", '°'.len_utf8()), Some("30°C"), "the C clicked");
        assert_eq!(at("5°F", 0), Some("−5°F"));
        assert_eq!(at("US$400", 0), Some("US$400"), "the letters clicked");
        assert_eq!(at("US$400", 2), Some("US$400"), "the sign clicked");
        assert_eq!(at("400", 0), Some("US$400"));
        assert_eq!(at("A$5", 2), Some("A$5"));
        assert_eq!(at("HK$2.5bn", 4), Some("HK$2.5bn"));
        let drag = snap_to_words(
            text,
            Span::new(text.find("was").unwrap(), text.find("30°").unwrap() + 2),
        );
        assert_eq!(drag.map(|s| &text[s.range()]), Some("was 30°C"));
    }

    #[test]
    fn letters_and_times_that_are_not_figures_stay_apart() {
        let text = "at 30°Celsius, USDA$5 or aUS$5, FOUR$5; ab:12 and 12:ab; 5:x9.";
        let at = |needle: &str, offset: usize| {
            word_at(text, text.find(needle).unwrap() + offset).map(|s| &text[s.range()])
        };
        assert_eq!(
            at("30°", 0),
            Some("30°"),
            "a word after the sign is not a unit"
        );
        assert_eq!(at("Celsius", 0), Some("Celsius"));
        assert_eq!(at("USDA$5", 5), Some("$5"), "four letters are a word");
        assert_eq!(at("USDA$5", 0), Some("USDA"));
        assert_eq!(at("aUS$5", 4), Some("$5"), "a lower-case letter before");
        assert_eq!(at("FOUR$5", 5), Some("$5"));
        assert_eq!(at("ab:12", 3), Some("12"));
        assert_eq!(at("12:ab", 0), Some("12"));
        assert_eq!(at("5:x9", 0), Some("5"));
    }

    #[test]
    fn triple_click_selects_the_line() {
        let at = TEXT.find("said").unwrap();
        let span = paragraph_at(TEXT, at).unwrap();
        assert_eq!(&TEXT[span.range()], "The «président» said no.");
    }
}
