//! Quotes: the words between paired double quotation marks, marks included.
//!
//! Straight (`"…"`), curly (`“…”`), low-high (`„…“`) and guillemets
//! (`«…»`) are paired by their role: a mark after a space opens, a mark
//! before a space or punctuation closes, and a mistyped or mixed pair still
//! closes. An article's own convention decides what `”` does: where quotes
//! open with `“` it only closes (`”Mr. Trump` is then a stray mark, not an
//! opening), and only in articles written `”…”` throughout, as Swedish and
//! Finnish are, does it open. Quotes nested in a quote belong to it. A
//! quote that runs over several paragraphs follows the typographic
//! convention: a paragraph opens the quote without closing it and the next
//! paragraph starts with an opening mark; it is suggested one paragraph at
//! a time, as brat fragments are, up to the closing mark.
//!
//! Single marks are never quotation marks here, since they cannot be told
//! from apostrophes (`don't`, `the ’90s`). Names and titles in quotation
//! marks (`"March for Freedom"`, `“Face the Nation,”`), markup attribute
//! values and scare quotes in a sentence with no reporting cue are not
//! quotes.

use super::Suggestion;
use super::lexicon::{Lexicon, REPORTING, attitude_verb};
use super::text::possessive_stem;
use crate::model::{Paragraph, ParagraphKind, Span, Tag};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark between two non-spaces: the pairing decides.
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Straight,
    Curly,
    Guillemet,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    ch: char,
    role: Role,
    family: Family,
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟')
}

fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-/:;".contains(c) || is_mark(c))
}

fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-…'’".contains(c) || is_mark(c))
}

/// Which quotation conventions an article follows.
#[derive(Debug, Clone, Copy)]
struct Convention {
    /// The article writes `”…”` (no `“` anywhere), so `”` also opens.
    right_opens: bool,
}

impl Convention {
    fn of(text: &str) -> Self {
        Convention {
            right_opens: !text.contains('“'),
        }
    }
}

fn classify(ch: char, before: &str, next: Option<char>, conv: Convention) -> Option<Mark> {
    let prev = before.chars().next_back();
    let family = match ch {
        '"' => Family::Straight,
        '«' | '»' => Family::Guillemet,
        _ => Family::Curly,
    };
    let role = match ch {
        '“' | '„' | '‟' | '«' => {
            if !opens_after(prev) && closes_before(next) {
                Role::Close // “Mostly False.“
            } else {
                Role::Open
            }
        }
        '”' | '»' => {
            let may_open = ch == '»' || conv.right_opens;
            if may_open && opens_after(prev) && next.is_some_and(char::is_alphanumeric) {
                Role::Open // ”Han sa — Swedish; »Ja« — Danish
            } else {
                Role::Close
            }
        }
        _ => {
            // `6'3" tall`: inches after feet. After a number alone the mark
            // may close a quote (`labor's "Fight for 15" campaign`).
            let feet = before
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .ends_with(['\'', '′', '’']);
            if prev.is_some_and(|p| p.is_ascii_digit())
                && feet
                && next.is_none_or(|n| !n.is_alphabetic())
            {
                return None;
            }
            match (opens_after(prev), closes_before(next)) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            }
        }
    };
    Some(Mark {
        at: 0,
        ch,
        role,
        family,
    })
}

static MARK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new("[\"“”„«»‟]").expect("the quotation mark pattern is valid")
});

/// The quotation marks of a paragraph, with their roles.
fn marks(text: &str, range: Span, conv: Convention) -> Vec<Mark> {
    let line = &text[range.range()];
    let mut out = Vec::new();
    for m in MARK.find_iter(line) {
        let Some(c) = m.as_str().chars().next() else {
            continue;
        };
        let next = line[m.end()..].chars().next();
        if let Some(mut mark) = classify(c, &line[..m.start()], next, conv) {
            mark.at = range.start + m.start();
            out.push(mark);
        }
    }
    out
}

/// A quote found by pairing, before filtering.
#[derive(Debug, Clone, Copy)]
struct Pair {
    span: Span,
    paragraphs: usize,
}

/// Every quote in the article.
pub fn quotes(text: &str, paragraphs: &[Paragraph]) -> Vec<Suggestion> {
    let conv = Convention::of(text);
    let mut out = Vec::new();
    // The start of a quote still open at the end of the last paragraph, and
    // how many paragraphs it has run over.
    let mut carried: Option<(usize, usize)> = None;
    // Quotes directly inside the open one: they stand on their own if its
    // opening mark turns out to be stray (never closed).
    let mut nested: Vec<Pair> = Vec::new();
    for p in paragraphs {
        if p.kind == ParagraphKind::Blank {
            continue;
        }
        let range = Span::new(p.range.start, p.range.end);
        let list = marks(text, range, conv);
        let mut marks = list.iter().copied().enumerate().peekable();
        let mut stack: Vec<Mark> = Vec::new();
        let mut count = 1;
        if let Some((start, n)) = carried.take() {
            let reopens = marks.peek().is_some_and(|&(_, m)| {
                m.role != Role::Close
                    && m.family == family_of(start, text)
                    && text[range.start..m.at].trim().is_empty()
            });
            if reopens && let Some((_, first)) = marks.next() {
                stack.push(Mark { at: start, ..first });
                count = n + 1;
            } else {
                out.append(&mut nested);
            }
        }
        for (index, mark) in marks {
            let Some(top) = stack.last() else {
                if mark.role != Role::Close {
                    stack.push(mark);
                    count = 1;
                }
                continue;
            };
            // The opener this mark closes: with one quote open any closing
            // mark will do (mixed marks are common); inside a nested quote,
            // the nearest opener of the same kind.
            let closes = match mark.role {
                Role::Open => None,
                _ if stack.len() == 1 => Some(0),
                _ => stack.iter().rposition(|o| o.family == mark.family),
            };
            if let Some(k) = closes {
                let open = stack[k];
                stack.truncate(k);
                let pair = Pair {
                    span: Span::new(open.at, mark.at + mark.ch.len_utf8()),
                    paragraphs: if k == 0 { count } else { 1 },
                };
                match k {
                    0 if count > MAX_PARAGRAPHS => out.append(&mut nested),
                    0 => {
                        nested.clear();
                        out.push(pair);
                    }
                    1 => nested.push(pair),
                    _ => {}
                }
            } else if mark.role != Role::Close && mark.family != top.family {
                stack.push(mark); // a quote inside a quote
            } else if mark.role != Role::Close
                && stack.len() == 1
                && list[index + 1..]
                    .iter()
                    .take(2)
                    .filter(|m| m.role != Role::Open)
                    .count()
                    == 2
            {
                // The same kind of mark opens again and two closing marks
                // follow: a quote inside the quote, with the same marks
                // (`“I’d rather live in what he calls “hell” than …”`).
                stack.push(mark);
            } else if mark.role != Role::Close && stack.len() == 1 {
                // The same kind of mark opens again: the first one was stray.
                out.append(&mut nested);
                stack[0] = mark;
                count = 1;
            }
        }
        // Still open: the quote continues if the next paragraph opens with a
        // quotation mark.
        carried = stack.first().map(|open| (open.at, count));
    }
    out.append(&mut nested);
    out.sort_by_key(|pair| pair.span.start);
    let cues = CueWords::new(text);
    out.into_iter()
        .flat_map(|pair| judge(text, &cues, pair))
        .collect()
}

const SCARE_FILTER: bool = true;
/// Longest quote, in paragraphs: a longer run of paragraphs opening with
/// a mark is an excerpt or a transcript, not one quotation.
const MAX_PARAGRAPHS: usize = 6;

/// The family of the mark at byte `at`.
fn family_of(at: usize, text: &str) -> Family {
    match text[at..].chars().next() {
        Some('"') => Family::Straight,
        Some('«' | '»') => Family::Guillemet,
        _ => Family::Curly,
    }
}

/// Small words that stay lower case in a title.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "de",
    "la", "le", "du", "von",
];

/// Decides whether a pair is a quote, and how sure we are.
fn judge(text: &str, cues: &CueWords, pair: Pair) -> Vec<Suggestion> {
    if pair.paragraphs == 1 {
        return judge_one(text, cues, pair.span).into_iter().collect();
    }
    if pair.paragraphs > MAX_PARAGRAPHS {
        return Vec::new();
    }
    // One suggestion per paragraph, each from its quotation mark, as brat
    // fragments do: a span never crosses a line break.
    let mut pieces = Vec::new();
    let mut start = pair.span.start;
    for line in text[pair.span.range()].split_inclusive('\n') {
        let end = start + line.len();
        if let Some(piece) = crate::model::words::trim(text, Span::new(start, end)) {
            pieces.push(Suggestion::new(
                Tag::Quote,
                piece,
                0.8,
                "quote.multi_paragraph",
            ));
        }
        start = end;
    }
    pieces
}

/// Judges a quote within one paragraph.
fn judge_one(text: &str, cues: &CueWords, span: Span) -> Option<Suggestion> {
    let inner = &text[span.start..span.end];
    let inner = inner
        .trim_start_matches(is_mark)
        .trim_end_matches(is_mark)
        .trim();
    if !inner.chars().any(char::is_alphabetic) {
        return None;
    }
    let before = text[..span.start].trim_end_matches([' ', '\u{a0}']);
    if before.ends_with('=') || in_markup_tag(text, span) {
        return None; // an attribute value in markup
    }
    let body = inner.trim_end_matches([',', '.', ';', ':']);
    let words: Vec<&str> = body.split_whitespace().collect();
    let exclaims = body.ends_with(['!', '?']);
    // `Kelly asked:`, `by interjecting, “Only Rosie O’Donnell.”`
    let introduced = before.ends_with(':')
        || before.strip_suffix(',').is_some_and(|b| {
            b.rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| REPORTING.contains(w))
        });
    let attributed_after = cue_follows(text, span.end);
    let named_by_someone = naming_cue_before(text, span.start) || named_in_a_list(text, span.start);
    // `ABC’s “Good Morning America”`, `Fox News’s “Hannity,”`: a title owned
    // by a name is a programme or a work, whatever cue follows it, unless
    // someone sings or names it (`sings Springsteen’s “American Skin”`).
    if owned_by_name(before) && !named_by_someone && looks_like_title(&words, true) {
        return None;
    }
    if !exclaims
        && !introduced
        && !attributed_after
        && !named_by_someone
        && looks_like_title(&words, work_named_before(text, span.start))
    {
        return None;
    }
    let first_lower = body.chars().next().is_some_and(char::is_lowercase);
    if SCARE_FILTER
        && words.len() <= 3
        && first_lower
        && !exclaims
        && !attributed_after
        && !introduced
        && !paragraph_has_cue(text, cues, span)
    {
        return None; // a scare quote: "super PACs"
    }
    let score = if attributed_after || introduced {
        0.95
    } else {
        0.85
    };
    Some(Suggestion::new(Tag::Quote, span, score, "quote.paired"))
}

/// Nouns for works whose titles follow them (`the book “Failure to Adjust:
/// How Americans Got Left Behind in the Global Economy.”`).
static WORK: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| {
    Lexicon::new(&[
        "book",
        "film",
        "movie",
        "documentary",
        "song",
        "album",
        "show",
        "series",
        "novel",
        "memoir",
        "column",
        "essay",
        "op-ed",
        "headline",
        "slogan",
        "program",
        "play",
        "poem",
        "podcast",
        "titled",
        "entitled",
    ])
});

/// Whether the word right before `at` names a kind of work.
fn work_named_before(text: &str, at: usize) -> bool {
    let before = &text[text.floor_char_boundary(at.saturating_sub(40))..at];
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| WORK.contains(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether `before` ends with a capitalized possessive (`ABC’s`, `Fox
/// News's`).
fn owned_by_name(before: &str) -> bool {
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let owner = possessive_stem(last).or_else(|| last.strip_suffix('’'));
    owner.is_some_and(|o| o.starts_with(char::is_uppercase))
}

/// Every word capitalized but small function words, and short: a name or
/// a title (`"March for Freedom"`, `"Face the Nation,"`, `"13th"`). After
/// a noun for a work (`the book`), a title may be long.
fn looks_like_title(words: &[&str], after_work: bool) -> bool {
    let longest = if after_work { 20 } else { 6 };
    if words.is_empty() || words.len() > longest {
        return false;
    }
    // A sentence ends inside: words said, not a title (`“The Donald. Big
    // Daddy.”`). Initials (`“Dr. J”`) are no sentence end.
    let sentence_inside = words[..words.len() - 1]
        .iter()
        .any(|w| w.len() > 3 && w.ends_with(['.', '!', '?']) && !w[..w.len() - 1].contains('.'));
    if sentence_inside {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let first = w.chars().next();
        match first {
            None => true,
            Some(c) if c.is_ascii_digit() => true,
            Some(c) if c.is_uppercase() => true,
            Some(_) => i > 0 && TITLE_SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)),
        }
    })
}

/// Bytes looked at around a quote for a cue next to it.
const NEAR: usize = 120;
/// Bytes looked at on each side of a quote for a cue in its paragraph, so
/// that a text without line breaks costs no more than one with them.
const PARAGRAPH_REACH: usize = 1500;

/// Bytes looked at on each side of a quote for the markup tag around it.
const TAG_REACH: usize = 300;

/// Whether `span` lies inside a markup tag on one line (`<tweet pic=""
/// author="MartinOMalley">`): its quotation marks delimit attribute
/// values, and an empty one pairs the marks around ` author=`.
fn in_markup_tag(text: &str, span: Span) -> bool {
    let from = text.floor_char_boundary(span.start.saturating_sub(TAG_REACH));
    let before = &text[from..span.start];
    let Some(open) = before.rfind('<') else {
        return false;
    };
    let inside = &before[open + 1..];
    if !inside.starts_with(|c: char| c.is_ascii_alphabetic()) || inside.contains(['>', '\n']) {
        return false;
    }
    let to = text.ceil_char_boundary(span.end + TAG_REACH);
    let after = &text[span.end..to];
    after
        .find(['>', '\n'])
        .is_some_and(|k| after[k..].starts_with('>'))
}

/// Whether a reporting verb comes within the three words after `at`
/// (`"…," he said`, `"…," said Smith`).
fn cue_follows(text: &str, at: usize) -> bool {
    let after = &text[at..text.ceil_char_boundary(at + NEAR)];
    after[..after.find('\n').unwrap_or(after.len())]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| REPORTING.contains(w))
}

/// Verbs that attribute words by naming them (`called it "a hoax"`).
static NAMING: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| {
    Lexicon::new(&[
        "call",
        "calls",
        "called",
        "calling",
        "label",
        "labels",
        "labeled",
        "labelled",
        "dub",
        "dubbed",
        "nickname",
        "nicknamed",
        "term",
        "termed",
        "brand",
        "branded",
        "hail",
        "hailed",
        "liken",
        "likened",
        "refer",
        "referred",
        "referenced",
        "describe",
        "described",
        "describing",
        "as",
        "chant",
        "chanted",
        "chanting",
        "sing",
        "sang",
        "sings",
        "singing",
        "typed",
        "put",
    ])
});

/// Whether a naming verb comes within the six words before
/// `at` (`Trump called her "Miss Piggy"`, `known as the "X Act"`).
fn naming_cue_before(text: &str, at: usize) -> bool {
    let before = &text[text.floor_char_boundary(at.saturating_sub(NEAR))..at];
    before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(6)
        .any(|w| NAMING.contains(w))
}

/// Whether the quote at `at` continues a list of quoted names after a
/// naming verb: `called her “Miss Piggy” and “Miss Housekeeping”`.
fn named_in_a_list(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let Some(list) = before
        .strip_suffix(',')
        .or_else(|| before.strip_suffix(" and"))
        .or_else(|| before.strip_suffix(" or"))
    else {
        return false;
    };
    let list = list.trim_end().trim_end_matches([',', '.']);
    if !list.ends_with(['”', '"', '»']) {
        return false;
    }
    let closing = list.len() - list.chars().next_back().map_or(0, char::len_utf8);
    let from = text.floor_char_boundary(closing.saturating_sub(NEAR));
    text[from..closing]
        .rfind(['“', '"', '«'])
        .is_some_and(|open| naming_cue_before(text, from + open))
}

/// Whether the paragraph around `span` has a reporting or naming verb
/// outside it, or its sentence a verb of attitude before it.
fn paragraph_has_cue(text: &str, cues: &CueWords, span: Span) -> bool {
    let from = text.floor_char_boundary(span.start.saturating_sub(PARAGRAPH_REACH));
    let to = text.ceil_char_boundary(span.end + PARAGRAPH_REACH);
    // ASCII bytes never occur inside a multi-byte character, so bytes are
    // searched directly.
    let bytes = text.as_bytes();
    let start = bytes[from..span.start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(from, |i| from + i + 1);
    let end = bytes[span.end..to]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(to, |i| span.end + i);
    // Earlier in the same sentence any verb of attitude will do: `Tapper
    // assured WMAL that CNN takes this “very, very seriously.”`, `fuming at
    // the "collateral damage"`.
    let sentence = bytes[start..span.start]
        .iter()
        .rposition(|b| matches!(b, b'.' | b'!' | b'?'))
        .map_or(start, |i| start + i + 1);
    cues.cue_within(start, span.start)
        || cues.cue_within(span.end, end)
        || cues.attitude_within(sentence, span.start)
}

/// Where a text's reporting and naming verbs and its verbs of attitude
/// are, found a stretch of [`CUE_CHUNK`] bytes at a time on first use:
/// looking for them around every short quotation would cost
/// [`PARAGRAPH_REACH`] for each, which a long paragraph of quoted words
/// turns into minutes, while indexing the whole text up front would cost
/// every article for the few that have such quotations.
struct CueWords<'a> {
    text: &'a str,
    chunks: Vec<std::cell::OnceCell<CueSpans>>,
}

/// Bytes of text indexed at once: small, so that an article with a few
/// short quotations indexes little more than the reach around them.
const CUE_CHUNK: usize = 1024;

/// The words of one stretch that start in it, in text order.
#[derive(Default)]
struct CueSpans {
    cue: Vec<Span>,
    attitude: Vec<Span>,
}

impl<'a> CueWords<'a> {
    fn new(text: &'a str) -> Self {
        let chunks = text.len() / CUE_CHUNK + 1;
        Self {
            text,
            chunks: (0..chunks).map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    /// Whether a reporting or naming verb lies within `from..to`.
    fn cue_within(&self, from: usize, to: usize) -> bool {
        self.any_within(from, to, |spans| &spans.cue)
    }

    /// Whether a verb of attitude lies within `from..to`.
    fn attitude_within(&self, from: usize, to: usize) -> bool {
        self.any_within(from, to, |spans| &spans.attitude)
    }

    fn any_within(&self, from: usize, to: usize, words: impl Fn(&CueSpans) -> &[Span]) -> bool {
        if from >= to {
            return false;
        }
        (from / CUE_CHUNK..=(to - 1) / CUE_CHUNK).any(|k| {
            let chunk = self.chunks[k].get_or_init(|| self.index(k));
            words(chunk).iter().any(|w| w.start >= from && w.end <= to)
        })
    }

    /// The cue words that start in chunk `k` (a word is letters and digits,
    /// as `split(|c| !c.is_alphanumeric())` cuts them).
    fn index(&self, k: usize) -> CueSpans {
        let text = self.text;
        let word_end = |at: usize| {
            text[at..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(text.len(), |i| at + i)
        };
        let lo = text.ceil_char_boundary(k * CUE_CHUNK);
        let hi = text.ceil_char_boundary((k + 1) * CUE_CHUNK);
        // A word begun in the chunk before belongs to that chunk.
        let mut at = if text[..lo].ends_with(char::is_alphanumeric) {
            word_end(lo)
        } else {
            lo
        };
        let mut spans = CueSpans::default();
        while at < hi {
            let Some(offset) = text[at..hi].find(char::is_alphanumeric) else {
                break;
            };
            let start = at + offset;
            let end = word_end(start);
            let w = &text[start..end];
            if REPORTING.contains(w) || NAMING.contains(w) {
                spans.cue.push(Span::new(start, end));
            }
            if attitude_verb(w) {
                spans.attitude.push(Span::new(start, end));
            }
            at = end;
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    fn found(text: &str) -> Vec<String> {
        let article = Article::new(text.to_owned());
        quotes(article.text(), article.paragraphs())
            .iter()
            .map(|s| text[s.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn the_articles_convention_decides_whether_a_right_mark_opens() {
        // Swedish writes ”…” at both ends; Danish »…«.
        assert_eq!(
            found("Han sa: ”Vi vinner.” »Vi kommer til at vinde,« sagde hun."),
            vec!["”Vi vinner.”", "»Vi kommer til at vinde,«"]
        );
        // Where quotes open with “, a ” before a word is a stray mark.
        assert_eq!(
            found("“Yes,” she said.\n\n”Mr. Trump is loud.” ― Ana"),
            vec!["“Yes,”"]
        );
    }

    #[test]
    fn straight_and_curly_quotes_pair() {
        assert_eq!(
            found("\"We will win,\" he said. She said “never” and «jamais»."),
            vec!["\"We will win,\"", "“never”", "«jamais»"]
        );
    }

    #[test]
    fn low_high_quotes_pair() {
        assert_eq!(
            found("Er sagte „das stimmt so nicht“ dazu."),
            vec!["„das stimmt so nicht“"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        assert_eq!(
            found("“It’s the ’90s, don’t you see,” she said. Rock 'n' roll."),
            vec!["“It’s the ’90s, don’t you see,”"]
        );
    }

    #[test]
    fn a_nested_quote_belongs_to_its_quote() {
        assert_eq!(
            found("He said: \"They call it “a hoax” every day.\""),
            vec!["\"They call it “a hoax” every day.\""]
        );
    }

    #[test]
    fn capitalized_sentences_are_not_titles() {
        assert_eq!(
            found("She clapped. “The Donald. Big Daddy.” He slept."),
            vec!["“The Donald. Big Daddy.”"]
        );
        assert!(found("He watched “Face the Nation” on Sunday.").is_empty());
    }

    #[test]
    fn a_nested_quote_may_use_the_same_marks() {
        assert_eq!(
            found("“I’d rather live in what he calls “hell” than here.” ― Adriana"),
            vec!["“I’d rather live in what he calls “hell” than here.”"]
        );
        // A stray opening mark is still dropped.
        assert_eq!(
            found("“Oops. “It is over,” he said."),
            vec!["“It is over,”"]
        );
    }

    #[test]
    fn a_quote_can_run_over_paragraphs() {
        // One suggestion per paragraph, like brat fragments; the reopening
        // mark of the second paragraph is not taken for a closing one.
        let text = "“The first part goes on.\n\n“And the second part ends here,” he said.";
        assert_eq!(
            found(text),
            vec![
                "“The first part goes on.",
                "“And the second part ends here,”"
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_is_not_suggested() {
        assert!(found("\"WALLACE: Hello there.\n\n\"PENCE: Hi.").is_empty());
    }

    #[test]
    fn names_and_titles_in_quotes_are_not_quotes() {
        assert!(found("A \"March for Freedom\" is planned.").is_empty());
        assert!(found("he told CBS's “Face the Nation,” on Sunday.").is_empty());
        assert!(found("Rep. Robert C. \"Bobby\" Scott spoke.").is_empty());
        // A programme owned by a network stays a title when a cue follows.
        assert!(found("On ABC’s “Good Morning America” Tuesday, he said no.").is_empty());
        assert_eq!(
            found("Blige sings Bruce Springsteen’s “American Skin” to her."),
            vec!["“American Skin”"]
        );
        assert_eq!(
            found("Crowds chanted \"Leave!\" at him."),
            vec!["\"Leave!\""]
        );
        // Capitalized words someone answers or interjects are said.
        assert_eq!(found("“Denver,” he answered."), vec!["“Denver,”"]);
        assert_eq!(
            found("He laughed it off by interjecting, “Only Rosie O’Donnell.” Then he left."),
            vec!["“Only Rosie O’Donnell.”"]
        );
    }

    #[test]
    fn a_long_title_after_a_work_noun_is_no_quote() {
        assert!(
            found("said Alden, author of the book “Failure to Adjust: How Americans Got Left Behind in the Global Economy.”")
                .is_empty()
        );
    }

    #[test]
    fn markup_attributes_and_scare_quotes_are_not_quotes() {
        assert!(found("<tweet author=\"someone\" id=\"123\">").is_empty());
        // An empty attribute pairs the marks around the next name.
        assert!(
            found("Said:  <tweet pic=\"\" author=\"MartinOMalley\" id=\"1\">Pray.</tweet>.")
                .is_empty()
        );
        assert!(found("Tea Party \"super PACs\" spent money.").is_empty());
        // `show` is a cue for sources (`data show`), but no reporting verb.
        assert!(found("The “sex tape” was footage from a reality show.").is_empty());
        assert_eq!(
            found("The US condemned the election as \"not free and fair\"."),
            vec!["\"not free and fair\""]
        );
        // A verb of attitude earlier in the sentence attributes a short
        // quotation too.
        assert_eq!(
            found("Tapper assured WMAL that CNN takes this “very, very seriously.”"),
            vec!["“very, very seriously.”"]
        );
    }

    #[test]
    fn inches_are_not_quotation_marks() {
        assert_eq!(
            found("He is 6'3\" tall and said \"fine\" twice."),
            vec!["\"fine\""]
        );
        // After a number alone the mark closes: the quote opened before it
        // does not run on into the next paragraph.
        assert_eq!(
            found(
                "She noted that \"our friends\" wanted labor's \"Fight for 15\" campaign.\n\n\
                 \"Can we do something creative?\" she asked."
            ),
            vec!["\"our friends\"", "\"Can we do something creative?\""]
        );
    }
}
