//! Words, punctuation and sentences of an article, as the rules see them.
//!
//! A word is a run of letters and digits, with the joiners a word can hold
//! inside it (`don't`, `co-editor`, `U.S`, `6,700`, `4.5`). Everything else
//! that is not white space is a one-character punctuation token. Sentences
//! never cross a paragraph; a dateline that opens one (`NEW YORK (Reuters)
//! -`) is found here for the rules that skip it. Nothing here allocates per
//! word.

use std::ops::Range;

use crate::model::{Paragraph, ParagraphKind, Span};

use super::lexicon::ABBREVIATION;

/// A word or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub word: bool,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        &text[self.span.range()]
    }

    /// The punctuation character of a non-word token.
    pub fn punct(self, text: &str) -> Option<char> {
        (!self.word).then(|| text[self.span.range()].chars().next())?
    }

    /// Whether the word starts with an upper-case letter.
    pub fn capitalized(self, text: &str) -> bool {
        self.word
            && text[self.span.range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

/// One sentence: its span and the range of its tokens in [`Sentences::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    /// In a heading or the date line: no full sentence there.
    pub heading: bool,
    /// The ` date YYYY-MM-DD ` line.
    pub date: bool,
    /// The last sentence of its paragraph.
    pub ends_paragraph: bool,
}

/// The sentences of an article and their tokens.
#[derive(Debug, Default)]
pub struct Sentences {
    pub tokens: Vec<Token>,
    pub list: Vec<Sentence>,
}

impl Sentences {
    pub fn tokens_of(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }
}

/// The word without its possessive `’s` or `'s` (`Trump’s` gives
/// `Trump`), if it has one.
pub fn possessive_stem(w: &str) -> Option<&str> {
    w.strip_suffix("’s").or_else(|| w.strip_suffix("'s"))
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',' | '&')
}

/// Splits a paragraph (or any range without line breaks) into tokens.
fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let line = &text[range.clone()];
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = range.start + i;
        if !c.is_alphanumeric() {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut prev = c;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                prev = d;
                chars.next();
                continue;
            }
            if !joins_word(d) {
                break;
            }
            let next = line[j + d.len_utf8()..].chars().next();
            let joins = match d {
                ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                '.' => next.is_some_and(char::is_alphanumeric),
                _ => next.is_some_and(char::is_alphanumeric),
            };
            if !joins {
                break;
            }
            chars.next();
            prev = d;
        }
        out.push(Token {
            span: Span::new(start, range.start + end),
            word: true,
        });
    }
}

/// Whether the period token at `i` ends an abbreviation or an initial
/// rather than a sentence.
fn abbreviation_period(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) else {
        return false;
    };
    if !prev.word || prev.span.end != tokens[i].span.start {
        return false;
    }
    let word = prev.text(text);
    // `J.` and `G.K.` (initials) as well as `Sen.` do not end a sentence.
    let initials = word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    // `No. 1` abbreviates; `the answer is no. He` ends a sentence.
    if word.eq_ignore_ascii_case("no") {
        return tokens
            .get(i + 1)
            .is_some_and(|n| n.text(text).starts_with(|c: char| c.is_ascii_digit()));
    }
    initials || ABBREVIATION.contains(word)
}

/// Whether the period token at `i` opens a ticker symbol (`the Dow Jones
/// Industrial Average .DJI fell`): a space before it, a word right after.
fn ticker_period(tokens: &[Token], i: usize) -> bool {
    let spaced = i
        .checked_sub(1)
        .is_some_and(|p| tokens[p].span.end < tokens[i].span.start);
    spaced
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.word && n.span.start == tokens[i].span.end)
}

/// Whether `w` is written in capitals (`CLAIMS`, `WASHINGTON`, `UP`): a
/// word of a heading, a kicker (`QUESTIONABLE MEDICAL CLAIMS —`), a
/// dateline or a market table.
pub fn in_capitals(w: &str) -> bool {
    w.len() > 1 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase)
}

/// The token after a dateline that opens a sentence (`WASHINGTON (AP) —
/// Donald Trump has …`, `DES MOINES, Iowa — …`, `NEW YORK (Reuters) - …`,
/// `Hong Kong (AFP) – …`): a word in capitals, or capitalized words with a
/// bracketed agency, then a dash. 0 when there is none.
pub fn dateline_end(text: &str, tokens: &[Token]) -> usize {
    let Some(first) = tokens.first().filter(|t| t.word) else {
        return 0;
    };
    let capitals = in_capitals(first.text(text));
    if !capitals && !first.capitalized(text) {
        return 0;
    }
    tokens
        .iter()
        .take(12)
        .position(|t| matches!(t.punct(text), Some('—' | '–' | '-')))
        .filter(|&dash| {
            let before = &tokens[..dash];
            let agency = before.iter().any(|t| t.punct(text) == Some('('));
            (capitals || agency && before.iter().all(|t| !t.word || t.capitalized(text)))
                && before
                    .iter()
                    .all(|t| t.word || matches!(t.punct(text), Some(',' | '.' | '(' | ')')))
        })
        .map_or(0, |dash| dash + 1)
}

/// Splits every non-blank paragraph into sentences.
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Sentences {
    let mut all = Sentences {
        tokens: Vec::with_capacity(text.len() / 5),
        list: Vec::with_capacity(text.len() / 100),
    };
    for paragraph in paragraphs {
        if paragraph.kind == ParagraphKind::Blank {
            continue;
        }
        let kind = paragraph.kind;
        let first = all.tokens.len();
        let sentences_before = all.list.len();
        tokenize(text, paragraph.range.clone(), &mut all.tokens);
        let tokens = &all.tokens[first..];
        let mut start = 0;
        let mut i = 0;
        while i < tokens.len() {
            let ends = matches!(tokens[i].punct(text), Some('.' | '!' | '?' | '…'))
                && !(tokens[i].punct(text) == Some('.')
                    && (abbreviation_period(text, tokens, i) || ticker_period(tokens, i)));
            if !ends {
                i += 1;
                continue;
            }
            // Closing marks right after the stop stay with the sentence; a
            // straight quote after a space opens the next one (`support.
            // "More than …`). Doubled apostrophes stand for quotation
            // marks in some papers (`done.'' ''We …`).
            let mut end = i + 1;
            while end < tokens.len()
                && tokens[end].span.start == tokens[end - 1].span.end
                && matches!(
                    tokens[end].punct(text),
                    Some('"' | '”' | '’' | '»' | ')' | ']' | '\'')
                )
            {
                end += 1;
            }
            // Past opening apostrophes to the word they open.
            let mut opened = end;
            while tokens
                .get(opened)
                .is_some_and(|t| t.punct(text) == Some('\''))
            {
                opened += 1;
            }
            let next_starts = tokens.get(opened).is_none_or(|t| {
                t.text(text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«‘(".contains(c))
            });
            if next_starts {
                push_sentence(&mut all.list, tokens, first, start..end, kind);
                start = end;
            }
            i = end.max(i + 1);
        }
        push_sentence(&mut all.list, tokens, first, start..tokens.len(), kind);
        if all.list.len() > sentences_before
            && let Some(last) = all.list.last_mut()
        {
            last.ends_paragraph = true;
        }
    }
    all
}

fn push_sentence(
    list: &mut Vec<Sentence>,
    tokens: &[Token],
    offset: usize,
    range: Range<usize>,
    kind: ParagraphKind,
) {
    if range.is_empty() {
        return;
    }
    let span = Span::new(
        tokens[range.start].span.start,
        tokens[range.end - 1].span.end,
    );
    list.push(Sentence {
        span,
        tokens: offset + range.start..offset + range.end,
        heading: matches!(kind, ParagraphKind::Heading | ParagraphKind::Date),
        date: kind == ParagraphKind::Date,
        ends_paragraph: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    fn split(text: &str) -> Vec<String> {
        let article = Article::new(text.to_owned());
        let s = sentences(article.text(), article.paragraphs());
        s.list
            .iter()
            .map(|x| text[x.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn words_keep_their_inner_joiners() {
        let text = "Mr. O'Neil's co-editor paid $6,700.50 in the U.S. today.";
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        let words: Vec<_> = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            vec![
                "Mr",
                ".",
                "O'Neil's",
                "co-editor",
                "paid",
                "$",
                "6,700.50",
                "in",
                "the",
                "U.S",
                ".",
                "today",
                "."
            ]
        );
    }

    #[test]
    fn doubled_apostrophes_close_and_open_sentences() {
        assert_eq!(
            split("The party ended. ''She said no,'' he recalled. ''We left.'' It rained."),
            vec![
                "The party ended.",
                "''She said no,'' he recalled.",
                "''We left.''",
                "It rained."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Rep. Robert C. Scott spoke. He left.\nNew line"),
            vec!["Rep. Robert C. Scott spoke.", "He left.", "New line"]
        );
        assert_eq!(
            split("He ranked No. 1 in polls. The answer is no. He left."),
            vec!["He ranked No. 1 in polls.", "The answer is no.", "He left."]
        );
    }

    #[test]
    fn a_ticker_symbol_does_not_end_a_sentence() {
        assert_eq!(
            split("The Dow Jones Industrial Average .DJI fell 102.2 points. Oil rose."),
            vec![
                "The Dow Jones Industrial Average .DJI fell 102.2 points.",
                "Oil rose."
            ]
        );
    }

    #[test]
    fn a_closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("\"We won.\" He smiled. Then 3 more came."),
            vec!["\"We won.\"", "He smiled.", "Then 3 more came."]
        );
        assert_eq!(
            split("Aides say she has support. \"More than 2 million gave.\""),
            vec![
                "Aides say she has support.",
                "\"More than 2 million gave.\""
            ]
        );
    }
}
