//! Figures: quantities written in the text, with their sign, currency,
//! scale word or unit (`80.1%`, `60% to 70%`, `$4.5 million`, `€3bn`,
//! `6,700`, `34-year-old`, `25 years`, `two million`, `a fifth`).
//!
//! A number is found by its digits, then read in its context: numbers that
//! belong to a date, a time, a year, an ordinal, a name or a code are not
//! figures. Spelled-out numbers count only with a scale, a percent, a unit
//! of time or a fraction — a bare "three" is not a figure. Qualifiers such
//! as "more than" or "about" stay outside the span. This module never looks
//! beyond the few words around a number.

use std::sync::LazyLock;

use regex::Regex;

use super::Suggestion;
use super::lexicon::{Lexicon, MONTH, NUMBER_WORDS, SCALE, SMALL_NUMBER, UNIT, is_one_of};
use crate::model::{Span, Tag};

static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+(?:[.,][0-9]+)*").expect("the number pattern is valid"));

static SPELLED: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i-u)\b(?P<num>(?:{n}|a|half a)(?:[- ](?:{n}|and a half|and))*)[- ](?P<unit>million|billion|trillion|thousand|hundred|per ?cent|percentage points?|year-old|years?|months?|weeks?|days?|nights?|hours?|times|minutes?|decades?|century|centuries|points?)\b",
        n = NUMBER_WORDS.join("|")
    );
    Regex::new(&pattern).expect("the spelled-out number pattern is valid")
});

static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:a|one|two|three|four|five|six|seven|eight|nine)[- ](?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b")
        .expect("the fraction pattern is valid")
});

/// `half` alone, ratios in words (`three in four`, from `one` to `ten`),
/// multipliers in one word (`a threefold increase`) and parts of a
/// century (`over the past quarter century`): one scan for all.
static HALF_OR_RATIO: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i-u)\b(?:(?P<century>(?:quarter|half)[- ]centur(?:y|ies))|half|(?P<ratio>(?:{part}) (?:in|out of) (?:{whole}))|(?P<fold>(?:{all}|thousand)fold))\b",
        part = NUMBER_WORDS[..9].join("|"),
        whole = NUMBER_WORDS[1..10].join("|"),
        all = NUMBER_WORDS[1..].join("|"),
    );
    Regex::new(&pattern).expect("the half and spelled ratio pattern is valid")
});

/// Whether `times` ending at `at` multiplies what follows (`10 times the
/// national average`, `three times as many`), rather than counting how
/// often (`three times a week`). `twice` is left alone: annotators split
/// on it.
fn multiplies(text: &str, at: usize) -> bool {
    let (next_at, next) = word_after(text, at);
    // `10 times harder`: a comparative; `three times after the vote`,
    // `two times over` count.
    let comparative = next.len() > 4
        && next.ends_with("er")
        && !is_one_of(
            next,
            &[
                "after", "under", "never", "whether", "rather", "other", "either", "neither",
                "together", "later", "earlier",
            ],
        );
    next_at == at + 1
        && (comparative
            || is_one_of(
                next,
                &[
                    "the", "as", "more", "less", "fewer", "worse", "better", "that", "what",
                ],
            ))
}

/// Words before a fraction that make it a share (`about half`, `more than
/// a third`).
const FRACTION_HEDGES: &[&str] = &[
    "about", "nearly", "almost", "roughly", "around", "than", "least", "only", "just", "over",
    "under", "some",
];

/// Whether a hedge comes just before `at` (`about half`, `more than a
/// third`).
fn hedged(text: &str, at: usize) -> bool {
    let word = word_before(text, at);
    text[..at].ends_with(' ') && is_one_of(word, FRACTION_HEDGES)
}

/// Currency symbols written before a number.
const CURRENCY_SYMBOLS: &[char] = &['$', '€', '£', '¥', '₹', '₽', '₩'];
/// Currency codes written before a number (`USD 5`).
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CHF", "JPY", "RUB", "CNY", "INR", "CAD", "AUD", "SEK", "NOK", "PLN",
];
/// Words after a number that make it a time of day, in any case.
const TIME_WORDS: &[&str] = &["am", "pm", "a.m", "p.m", "o'clock", "hrs"];
/// Time zones after a number, written in capitals: in lower case they are
/// words of other languages (`438 contre 86 et 42`, `le taux est 5`).
const TIME_ZONES: &[&str] = &["GMT", "BST", "UTC", "ET", "EST", "EDT", "PT", "PST", "CET"];

/// Month names in the languages of Europe's other big newsrooms (French,
/// German, Spanish, Italian, Portuguese, Dutch, Swedish, Danish), lower
/// case, where they differ from the English ones.
const FOREIGN_MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "dezembro",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "maj",
    "augusti",
    "marts",
];

/// Whether a month of another language follows the day that ends at `end`:
/// `mardi 5 mai`, `am 5. Mai`, `el 5 de mayo`, `5 de maio`.
fn foreign_month_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let rest = rest.strip_prefix('.').unwrap_or(rest); // German `5. Mai`
    let Some(rest) = rest.strip_prefix([' ', '\u{a0}']) else {
        return false;
    };
    let rest = rest.strip_prefix("de ").unwrap_or(rest);
    let word = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest, |(end, _)| &rest[..end]);
    FOREIGN_MONTH.contains(word)
}

/// [`FOREIGN_MONTHS`], for lookups that ignore ASCII case (`Mai`, `März`).
static FOREIGN_MONTH: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(FOREIGN_MONTHS));

/// Whether `word` after a number makes it a time of day (`9 p.m.`, `8 ET`).
fn is_time_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    TIME_ZONES.contains(&word) || TIME_WORDS.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Words before a number that make it a label, not a quantity (`part 2`,
/// `No. 1`, `Proposition 8`, `Route 66`).
const LABEL_WORDS: &[&str] = &[
    "part",
    "no",
    "number",
    "chapter",
    "section",
    "page",
    "episode",
    "article",
    "amendment",
    "proposition",
    "prop",
    "volume",
    "vol",
    "fig",
    "figure",
    "route",
    "highway",
    "interstate",
    "flight",
    "channel",
    "precinct",
    "exhibit",
    "appendix",
    "phase",
    "stage",
    "round",
    "game",
    "season",
    "level",
    "tier",
    "area",
    "zone",
    "day",
    "fortune",
    "school",
];

/// What joins the two numbers of a ratio (`7 in 10`, `eight out of 10`,
/// `nine of 10`).
const RATIO_JOINTS: [&str; 3] = [" in ", " out of ", " of "];

/// Every figure in `text`.
pub fn figures(text: &str) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut covered_to = 0;
    for m in DIGITS.find_iter(text) {
        if m.start() < covered_to {
            continue;
        }
        if let Some(figure) = read_figure(text, m.start(), m.end()) {
            covered_to = figure.span.end;
            out.push(figure);
        }
    }
    for caps in SPELLED.captures_iter(text) {
        let (Some(all), Some(num), Some(unit)) = (caps.get(0), caps.name("num"), caps.name("unit"))
        else {
            continue;
        };
        let number = num.as_str().to_ascii_lowercase();
        let unit = unit.as_str().to_ascii_lowercase();
        if unit == "times" && !multiplies(text, all.end()) {
            continue; // `three times` a week: how often, no figure
        }
        let scaled = ["million", "billion", "trillion", "thousand", "hundred"].contains(&&*unit)
            || unit.starts_with("per");
        // `four century-old schooners`, `a billion-dollar deal`: part of an
        // adjective that counts nothing.
        let rest = &text[all.end()..];
        if rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        // `a year and a half`: the half makes it a quantity.
        let and_a_half = rest.starts_with(" and a half");
        let bare_article = number == "a";
        if bare_article && !scaled && !and_a_half {
            continue;
        }
        let end = all.end() + if and_a_half { " and a half".len() } else { 0 };
        if number.ends_with(" and") || number.ends_with("-and") {
            continue;
        }
        // `At one point, he suggested …`, `One point sticks with me`: a
        // moment or an argument, not a margin.
        let moment = number == "one"
            && unit == "point"
            && (word_before(text, all.start()).eq_ignore_ascii_case("at")
                || text[..all.start()].trim_end().is_empty()
                || text[..all.start()]
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '”']));
        if moment {
            continue;
        }
        // `this country can benefit one day.`, `One day, …`, `hopes to
        // one day run`, `researchers hope one day to`, `one day at a
        // time`: some day, not a duration (`one day a week`, `with one
        // day to go`).
        let some_day = number == "one"
            && unit == "day"
            && (rest.starts_with([',', '.', ';', '!', '?'])
                || rest.starts_with(" and ")
                || rest.starts_with(" at a time")
                || is_one_of(
                    word_before(text, all.start()),
                    &[
                        "to", "hope", "hopes", "hoped", "might", "may", "could", "will",
                    ],
                ));
        if some_day {
            continue;
        }
        let rule = if unit == "times" {
            "figure.multiplier"
        } else if unit.contains("cent") || unit.contains("point") {
            "figure.spelled_percent"
        } else if scaled {
            "figure.spelled_scale"
        } else {
            "figure.spelled_unit"
        };
        out.push(Suggestion::new(
            Tag::Figure,
            Span::new(all.start(), end),
            0.75,
            rule,
        ));
    }
    for m in FRACTION.find_iter(text) {
        if let Some(end) = fraction_end(text, m.start(), m.end()) {
            out.push(Suggestion::new(
                Tag::Figure,
                Span::new(m.start(), end),
                0.7,
                "figure.fraction",
            ));
        }
    }
    for caps in HALF_OR_RATIO.captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        // `three in four`, `one out of five`: a ratio in words; `threefold`.
        // `the past quarter century`: 25 years.
        let whole = if caps.name("ratio").is_some() || caps.name("fold").is_some() {
            Some((0.8, "figure.ratio"))
        } else {
            caps.name("century").map(|_| (0.7, "figure.fraction"))
        };
        if let Some((score, rule)) = whole {
            out.push(Suggestion::new(
                Tag::Figure,
                Span::new(m.start(), m.end()),
                score,
                rule,
            ));
            continue;
        }
        // `half an hour`, `half a day`: half of a unit.
        let unit = [" an ", " a "].into_iter().find_map(|a| {
            let after = text[m.end()..].strip_prefix(a)?;
            let unit = letters_at(after, 0);
            UNIT.contains(unit).then(|| m.end() + a.len() + unit.len())
        });
        if let Some(end) = unit {
            out.push(Suggestion::new(
                Tag::Figure,
                Span::new(m.start(), end),
                0.8,
                "figure.fraction",
            ));
            continue;
        }
        // `about half said`, `more than half of white women`: half of a
        // group.
        let of = text[m.end()..].starts_with(" of ");
        let compound = text[m.end()..].starts_with('-'); // `half-hearted`
        // `the first half of 2019`, `the other half`: a part of a period or
        // a thing, not a share.
        let part = is_one_of(
            word_before(text, m.start()),
            &[
                "first", "second", "last", "latter", "other", "back", "front", "top", "bottom",
                "better",
            ],
        );
        if (of || hedged(text, m.start())) && !compound && !part {
            out.push(Suggestion::new(
                Tag::Figure,
                Span::new(m.start(), m.end()),
                0.6,
                "figure.fraction",
            ));
        }
    }
    out.sort_by_key(|s| (s.span.start, std::cmp::Reverse(s.span.end)));
    // A spelled-out match inside a digit figure ("5 million" is one figure).
    let mut kept: Vec<Suggestion> = Vec::with_capacity(out.len());
    for s in out {
        if kept.last().is_some_and(|k| k.span.end > s.span.start) {
            continue;
        }
        kept.push(s);
    }
    kept
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// The run of ASCII letters (and inner periods/apostrophes) starting at `at`.
fn letters_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        let inner = (c == '.' || c == '\'') && i > 0 && {
            let next = rest[i + 1..].chars().next();
            next.is_some_and(|n| n.is_ascii_alphabetic())
        };
        if c.is_ascii_alphabetic() || inner {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    &rest[..end]
}

/// The word after `at`, past spaces (not past a line break).
fn word_after(text: &str, at: usize) -> (usize, &str) {
    let gap = text[at..].len() - text[at..].trim_start_matches([' ', '\u{a0}']).len();
    let start = at + gap;
    (start, letters_at(text, start))
}

/// Where the fraction `text[start..end]` (`a third`, `two-thirds`) ends as
/// a figure: with its unit (`a quarter-century`, `a tenth of a point`), at
/// its end where it is used as a fraction (`two-thirds of`, `nearly a
/// third`), or nowhere (`a third-party candidate`, `a quarter mile`).
fn fraction_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let rest = &text[end..];
    // `a quarter-century`, `a half-hour`: a fraction of a unit.
    if rest.starts_with('-') {
        // `a third-party candidate`: any other compound is an adjective.
        let unit = letters_compound(text, end + 1);
        return UNIT.contains(unit).then_some(end + 1 + unit.len());
    }
    // `a tenth of a point`: the fraction with its unit; `a quarter of a
    // million dollars`: with its scale and what it counts in.
    let of_a_unit = ["of a ", "of an "].into_iter().find_map(|of| {
        let after_of = rest.strip_prefix(' ')?.strip_prefix(of)?;
        let unit = letters_at(after_of, 0);
        if SCALE.contains(unit) && unit.len() > 3 {
            let scaled = end + 1 + of.len() + unit.len();
            let (at, next) = word_after(text, scaled);
            let counted = at == scaled + 1 && UNIT.contains(next);
            return Some(if counted { at + next.len() } else { scaled });
        }
        UNIT.contains(unit).then(|| end + 1 + of.len() + unit.len())
    });
    if of_a_unit.is_some() {
        return of_a_unit;
    }
    let after = rest.trim_start_matches(' ');
    let with_article = text[start..end]
        .get(..2)
        .is_some_and(|a| a.eq_ignore_ascii_case("a "));
    // `reduced by a third by removing …`: a change by a fraction, not `by a
    // third party`.
    let change_by = word_before(text, start).eq_ignore_ascii_case("by")
        && is_one_of(
            letters_at(after, 0),
            &[
                "by", "in", "on", "from", "to", "since", "over", "compared", "and", "or", "than",
                "after", "before", "as", "while", "with", "when", "last", "this", "next",
            ],
        );
    let fraction_use = after.starts_with("of ")
        || after.is_empty()
        || after.starts_with(['.', ',', ';', ')', '\n'])
        || !with_article
        || hedged(text, start)
        || change_by;
    fraction_use.then_some(end)
}

/// The word before `at`, past spaces and one period (`Aug. 9`).
fn word_before(text: &str, at: usize) -> &str {
    let (start, end) = word_span_before(text, at);
    &text[start..end]
}

/// Where the word before `at` starts and ends, past spaces and one dot.
fn word_span_before(text: &str, at: usize) -> (usize, usize) {
    let head = text[..at].trim_end_matches([' ', '\u{a0}']);
    let head = head.strip_suffix('.').unwrap_or(head);
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    (start, head.len())
}

fn is_year(number: &str) -> bool {
    number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && number
            .parse::<u32>()
            .is_ok_and(|y| (1600..=2099).contains(&y))
}

/// Whether the number at `start` numbers an item of a list: it opens a
/// line (or follows a dash or a colon) and a period or a bracket follows
/// it (`8. WHERE JAPAN IS FACING`, `—1. Welfare reform`).
fn list_number(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    let marked = rest.starts_with(". ") || rest.starts_with(") ");
    let line = &text[..start];
    let opens = line.trim_end_matches([' ', '\t']);
    let opens_line = opens.is_empty() || opens.ends_with('\n');
    // `1 Feel free to scream.`: a number that opens a paragraph before a
    // capital numbers a step.
    let step = opens_line
        && end - start <= 2
        && rest
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
    marked && (opens_line || opens.ends_with(['—', '–', ':'])) || step
}

/// Reads the figure whose digits are `text[start..end]`, or `None` when the
/// number is not a figure.
fn read_figure(text: &str, start: usize, end: usize) -> Option<Suggestion> {
    let number = &text[start..end];
    let before = char_before(text, start);
    // `id="750366792434978816"`, long codes and identifiers, list numbers
    // and labels (`part 2`, `No. 1`) count nothing.
    let digits_only = number.bytes().all(|b| b.is_ascii_digit());
    let code = number.len() > 9 && digits_only;
    let attribute = before == Some('"') && text[..start - 1].ends_with('=');
    // A label's number is short (`Channel 125`, `Route 66`); `the number
    // 30,000` is a count.
    let short = number.len() <= 4 && digits_only;
    let label = short && is_one_of(word_before(text, start), LABEL_WORDS);
    if code || attribute || label || list_number(text, start, end) {
        return None;
    }
    if in_name(text, start, end) {
        return None;
    }
    // `6'3"`, `5′11″`: a height in feet and inches is one measure.
    if let Some(inches) = feet_and_inches(text, end) {
        return Some(Suggestion::new(
            Tag::Figure,
            Span::new(start, inches),
            0.85,
            "figure.unit",
        ));
    }
    // `131 West 23rd Street`: a house number. The street words are looked
    // for only after a capital, not after every number.
    let street = || {
        text[end..].split_whitespace().take(4).skip(1).any(|w| {
            is_one_of(
                w.trim_end_matches([',', '.']),
                &[
                    "Street",
                    "St",
                    "Avenue",
                    "Ave",
                    "Road",
                    "Boulevard",
                    "Blvd",
                    "Drive",
                    "Lane",
                ],
            )
        })
    };
    if digits_only
        && text[end..].starts_with(' ')
        && text[end + 1..].starts_with(|c: char| c.is_ascii_uppercase())
        && street()
    {
        return None;
    }
    // `911 calls`: the emergency number; `part 3 of 3`: a label's total.
    let (of_start, of_end) = word_span_before(text, start);
    let of_label = text[of_start..of_end].eq_ignore_ascii_case("of") && {
        let head = text[..of_start].trim_end_matches(' ');
        let label = head.trim_end_matches(|c: char| c.is_ascii_digit());
        label.len() < head.len() && is_one_of(word_before(text, label.len()), LABEL_WORDS)
    };
    if number == "911" || of_label {
        return None;
    }
    // `in ’08`: a year with its century left out; `''27 companies` opens a
    // quotation written with doubled apostrophes.
    let doubled = text[..start].ends_with("''");
    if matches!(before, Some('’' | '\'')) && number.len() == 2 && digits_only && !doubled {
        return None;
    }
    // `the 90’s`, `the 1980's`: a decade.
    let decade = number.ends_with('0') && matches!(number.len(), 2 | 4) && digits_only;
    if decade && (text[end..].starts_with("’s") || text[end..].starts_with("'s")) {
        return None;
    }
    // `30-somethings`: an age bracket, no quantity.
    if text[end..].starts_with("-something") {
        return None;
    }
    if let Some(p) = before {
        if p.is_alphabetic() || p == '#' || p == '_' {
            return None;
        }
        if matches!(p, '-' | '/' | ':' | '–' | '.') {
            let prior = char_before(text, start - p.len_utf8());
            if prior.is_some_and(char::is_alphanumeric) {
                return None;
            }
        }
    }
    let after = char_after(text, end);
    let next_is_digit = |at: usize| char_after(text, at).is_some_and(|c| c.is_ascii_digit());
    // `rose 7/32 in price`, `a near 1-1/2 year trade war`: a fraction in
    // halves, quarters … (numerator below denominator), alone or after a
    // whole number and a hyphen; `9/11`, `8/16/2020`, `7/4` are dates or
    // names.
    let fraction_at = |at: usize| -> Option<usize> {
        let rest = &text[at..];
        let top = rest.bytes().take_while(u8::is_ascii_digit).count();
        let bottom = rest[top..].strip_prefix('/')?;
        let bottom_len = bottom.bytes().take_while(u8::is_ascii_digit).count();
        let (n, d) = (
            rest[..top].parse::<u32>().ok()?,
            bottom[..bottom_len].parse::<u32>().ok()?,
        );
        let tail = &bottom[bottom_len..];
        let alone = !tail.starts_with('/')
            && !tail.starts_with(char::is_alphanumeric)
            && !tail
                .strip_prefix('-')
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        ([2, 4, 8, 16, 32, 64].contains(&d) && n > 0 && n < d && alone)
            .then_some(at + top + 1 + bottom_len)
    };
    let fraction = if digits_only && after == Some('/') && next_is_digit(end + 1) {
        fraction_at(start)
    } else if digits_only && after == Some('-') && next_is_digit(end + 1) {
        fraction_at(end + 1).filter(|_| !is_year(number))
    } else if digits_only && number.len() <= 3 && after == Some(' ') {
        // `3 1/2 minutes`: a whole number and a fraction.
        let gap = text[end..].len() - text[end..].trim_start_matches(' ').len();
        fraction_at(end + gap)
    } else {
        None
    };
    let end = fraction.unwrap_or(end);
    let after = char_after(text, end);
    match after {
        Some(':') if next_is_digit(end + 1) => return None,
        Some(':') if spaced_time(text, end) => return None,
        Some('/') if next_is_digit(end + 1) => return None,
        Some('-') if next_is_digit(end + 1) => {
            // 2020-08-16, 555-1234-00: dates and codes.
            let rest = &text[end + 1..];
            let second = rest.bytes().take_while(u8::is_ascii_digit).count();
            if rest[second..].starts_with('-') && next_is_digit(end + 2 + second) {
                return None;
            }
            if is_year(number) {
                return None;
            }
        }
        _ => {}
    }
    let suffix = letters_at(text, end);
    let lower_suffix = suffix.to_ascii_lowercase();
    let mut fig_end = end;
    let mut rule = "figure.count";
    let mut score = 0.6;
    if !suffix.is_empty() {
        if ["st", "nd", "rd", "th"].contains(&&*lower_suffix) {
            return None;
        }
        if is_time_word(suffix) {
            return None;
        }
        if lower_suffix == "s" {
            return None; // the 1990s, the 80s
        }
        let letter_name = suffix.len() == 1 && suffix.starts_with(|c: char| c.is_ascii_uppercase());
        // `$1B`, `$5M`: after a currency sign a capital letter is a scale.
        let money_scale =
            lower_suffix == "b" && before.is_some_and(|p| CURRENCY_SYMBOLS.contains(&p));
        if SCALE.contains(&lower_suffix) || money_scale {
            fig_end = end + suffix.len();
            rule = "figure.scale";
            score = 0.85;
        } else if UNIT.contains(&lower_suffix) && !letter_name {
            // `5G`, `3D`: a capital letter names, it is no unit (grams).
            fig_end = end + suffix.len();
            rule = "figure.unit";
            score = 0.85;
        } else {
            return None; // 3D, 4x4: names and codes
        }
    }
    // `5 ½ years`: a vulgar fraction after the number belongs to it.
    let space = usize::from(text[fig_end..].starts_with(' '));
    if let Some(c) = text[fig_end + space..]
        .chars()
        .next()
        .filter(|c| "½¼¾⅓⅔⅛".contains(*c))
    {
        fig_end += space + c.len_utf8();
    }
    let (_, next_word) = word_after(text, fig_end);
    if is_time_word(next_word) || text[fig_end..].starts_with(" o’clock") {
        return None;
    }
    let small = number.len() <= 2 && digits_only;
    if small
        && (MONTH.contains(word_before(text, start))
            || MONTH.contains(next_word)
            || foreign_month_after(text, fig_end))
    {
        return None;
    }
    // `from Sept. 19 to 22`: the second day of a span of dates.
    let second_day = small
        && text[..start]
            .strip_suffix(" to ")
            .or_else(|| text[..start].strip_suffix(" through "))
            .is_some_and(|head| {
                let day = head.len() - head.bytes().rev().take_while(u8::is_ascii_digit).count();
                (1..=2).contains(&(head.len() - day)) && MONTH.contains(word_before(text, day))
            });
    if second_day {
        return None;
    }
    if small && next_word.eq_ignore_ascii_case("of") {
        let (_, month) = word_after(text, word_after(text, fig_end).0 + 2);
        if MONTH.contains(month) {
            return None;
        }
    }

    // Currency and sign before the number.
    let mut fig_start = start;
    let mut money = false;
    if let Some(p) = before
        && CURRENCY_SYMBOLS.contains(&p)
    {
        fig_start -= p.len_utf8();
        money = true;
        let letters = text[..fig_start]
            .chars()
            .rev()
            .take_while(char::is_ascii_uppercase)
            .count();
        if (1..=3).contains(&letters)
            && !char_before(text, fig_start - letters).is_some_and(char::is_alphanumeric)
        {
            fig_start -= letters;
        }
    } else if let Some(p) = before
        && matches!(p, '-' | '−' | '+' | '±')
        && !char_before(text, start - p.len_utf8()).is_some_and(char::is_alphanumeric)
    {
        fig_start -= p.len_utf8();
    } else {
        let code = word_before(text, start);
        let gap_ok = text[..start].ends_with(' ');
        if gap_ok && CURRENCY_CODES.contains(&code) {
            fig_start = start - 1 - code.len();
            money = true;
        }
    }

    // Scale, percent and unit after the number.
    if char_after(text, fig_end) == Some('%') {
        fig_end += 1;
        rule = "figure.percent";
        score = 0.95;
    } else if text[fig_end..].starts_with(" %") {
        fig_end += 2;
        rule = "figure.percent";
        score = 0.95;
    }
    if rule == "figure.count" || rule == "figure.scale" {
        let (at, word) = word_after(text, fig_end);
        if !word.is_empty() && SCALE.contains(word) && at > fig_end {
            fig_end = at + word.len();
            rule = "figure.scale";
            score = 0.9;
        }
    }
    let (at, word) = word_after(text, fig_end);
    let lower = word.to_ascii_lowercase();
    if at > fig_end && !word.is_empty() {
        if lower == "percent" || lower == "pc" {
            fig_end = at + word.len();
            rule = "figure.percent";
            score = 0.95;
        } else if lower == "per" && text[at..].to_ascii_lowercase().starts_with("per cent") {
            fig_end = at + "per cent".len();
            rule = "figure.percent";
            score = 0.95;
        } else if lower == "percentage" {
            let rest = &text[at..];
            let phrase = ["percentage points", "percentage point"]
                .into_iter()
                .find(|p| rest.starts_with(p));
            if let Some(p) = phrase {
                fig_end = at + p.len();
                rule = "figure.percent";
                score = 0.95;
            }
        } else if (lower == "square" || lower == "cubic") && rule != "figure.percent" {
            // `1,266 square miles`
            let (unit_at, unit) = word_after(text, at + word.len());
            if unit_at > at + word.len() && UNIT.contains(unit) {
                fig_end = unit_at + unit.len();
                rule = "figure.unit";
                score = 0.85;
            }
        } else if UNIT.contains(&lower) && rule != "figure.percent" {
            fig_end = at + word.len();
            if !money {
                rule = "figure.unit";
                score = 0.85;
            }
        }
    }
    // Hyphenated compounds: 34-year-old, 5-point, 30-second.
    if char_after(text, fig_end) == Some('-') {
        let tail = letters_compound(text, fig_end + 1);
        if !tail.is_empty() {
            rule = if tail.ends_with("-old") {
                "figure.age"
            } else {
                "figure.unit"
            };
            fig_end += 1 + tail.len();
            score = 0.9;
        }
    }
    if money {
        rule = "figure.money";
        score = 0.95;
    }
    if rule == "figure.count" {
        if is_year(number) {
            return None;
        }
        if number.contains('.') {
            rule = "figure.decimal";
            score = 0.8;
        }
    }

    // A ratio: `7 in 10`, `Six in 10`, `eight out of 10`.
    if rule == "figure.count" && !number.contains(['.', ',']) {
        let after = RATIO_JOINTS
            .into_iter()
            .find(|j| text[fig_end..].starts_with(j))
            .and_then(|j| {
                let (m, _) = word_after(text, fig_end + j.len() - 1);
                let digits = text[m..].bytes().take_while(u8::is_ascii_digit).count();
                let more = text[m + digits..].starts_with(['.', ',', ':'])
                    && next_is_digit(m + digits + 1);
                (digits > 0 && !is_year(&text[m..m + digits]) && !more)
                    .then_some(Span::new(fig_start, m + digits))
            });
        let before = || {
            let head = RATIO_JOINTS
                .into_iter()
                .find_map(|j| text[..fig_start].strip_suffix(j))?;
            let word = word_before(text, head.len());
            // `one of 20 students` is a member of a group, no ratio.
            let member = word.eq_ignore_ascii_case("one") && &text[head.len()..fig_start] == " of ";
            (SMALL_NUMBER.contains(word) && head.ends_with(word) && !member)
                .then(|| Span::new(head.len() - word.len(), fig_end))
        };
        if let Some(ratio) = after.or_else(before) {
            return Some(Suggestion::new(Tag::Figure, ratio, 0.9, "figure.ratio"));
        }
    }

    // `10 times the national average`: a multiplier.
    if rule == "figure.count" && text[fig_end..].starts_with(" times") {
        let times_end = fig_end + " times".len();
        if multiplies(text, times_end) {
            return Some(Suggestion::new(
                Tag::Figure,
                Span::new(fig_start, times_end),
                0.7,
                "figure.multiplier",
            ));
        }
    }
    // `a 3 to 1 margin`, `split 4 to 1`: a ratio against one.
    if rule == "figure.count" && digits_only && number != "1" {
        let rest = &text[fig_end..];
        let against_one = rest.strip_prefix(" to 1").is_some_and(|tail| {
            !tail.starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%'))
                || tail.starts_with([',', '.'])
                    && !tail[1..].starts_with(|c: char| c.is_ascii_digit())
        });
        // (`percent`, `points` are units already.)
        let measured = || {
            let (_, unit) = word_after(text, fig_end + " to 1".len());
            unit.eq_ignore_ascii_case("percentage") || SCALE.contains(unit) || UNIT.contains(unit)
        };
        if against_one && !measured() {
            return Some(Suggestion::new(
                Tag::Figure,
                Span::new(fig_start, fig_end + " to 1".len()),
                0.85,
                "figure.ratio",
            ));
        }
    }

    // A range: 60% to 70%, 10-12 years, $4m-$5m. A change (`rose from 4.9
    // percent to 5 percent`) or a tally (`leads Trump 46 percent to 35
    // percent`) is two figures.
    let between = between_before(text, fig_start);
    if let Some(second) = range_end(text, fig_end, between)
        && !two_figures(text, fig_start, fig_end, second, rule == "figure.percent")
    {
        return Some(Suggestion::new(
            Tag::Figure,
            Span::new(fig_start, second),
            0.95,
            "figure.range",
        ));
    }
    Some(Suggestion::new(
        Tag::Figure,
        Span::new(fig_start, fig_end),
        score,
        rule,
    ))
}

/// Where a height's inches end when the feet end at `end`: `6'3"`,
/// `5’11”`, `6′2″`.
fn feet_and_inches(text: &str, end: usize) -> Option<usize> {
    let rest = text[end..].strip_prefix(['\'', '’', '′'])?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let mark = rest[digits..]
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '”' | '″'))?;
    Some(text.len() - rest.len() + digits + mark.len_utf8())
}

/// Whether the number `text[start..end]` is part of a name: after a word in
/// capitals (`S&P 500`, `FTSE 100`), or a version after a name (`Guccifer
/// 2.0`, `Web 2.0`).
fn in_name(text: &str, start: usize, end: usize) -> bool {
    let Some(head) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &head[word_start..];
    let number = &text[start..end];
    let capitals = word.len() >= 2
        && word.chars().any(|c| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && !CURRENCY_CODES.contains(&word);
    let bare = number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit());
    // (The lexicons ignore case: no lowercased copy per number.)
    let (_, next) = word_after(text, end);
    let unit_after = char_after(text, end).is_some_and(char::is_alphanumeric)
        || char_after(text, end) == Some('%')
        || UNIT.contains(next)
        || SCALE.contains(next);
    // `Web 2.0`; `DOWN 1.0 percent` is a change.
    let version = number.ends_with(".0")
        && word.starts_with(|c: char| c.is_uppercase())
        && !word.chars().all(|c| c.is_ascii_uppercase());
    (capitals && bare || version) && !unit_after
}

/// Whether the `:` at `colon` is a time written with a stray space after
/// it (`11: 06 a.m.`).
fn spaced_time(text: &str, colon: usize) -> bool {
    let Some(minutes) = text[colon + 1..].strip_prefix(' ') else {
        return false;
    };
    let digits = minutes.bytes().take_while(u8::is_ascii_digit).count();
    let after = text.len() - minutes.len() + digits;
    let (_, word) = word_after(text, after);
    digits == 2 && is_time_word(word)
}

/// Whether `between` comes just before a number at `at`, or a few words
/// before it (`between the ages of 18 and 29`).
fn between_before(text: &str, at: usize) -> bool {
    let mut at = at;
    for _ in 0..4 {
        let (start, end) = word_span_before(text, at);
        let word = &text[start..end];
        if word.is_empty() || end + 1 < at && !text[end..at].trim().is_empty() {
            return false; // no word, or a mark in between
        }
        if word.eq_ignore_ascii_case("between") {
            return true;
        }
        at = start;
    }
    false
}

/// Words before `from` that make `from X to Y` one range (`ranging from
/// 60% to 70%`); after any other, it is a change of one quantity into
/// another, two figures (`ticked up from 4.9 percent to 5 percent`).
const RANGE_WORDS: &[&str] = &[
    "ranging",
    "range",
    "ranges",
    "ranged",
    "anywhere",
    "varying",
    "vary",
    "varies",
    "varied",
    "somewhere",
];

/// Words before the first number of `X to Y` that make it a tally of two
/// sides (`leading 47 percent to 43 percent`).
const TALLY_WORDS: &[&str] = &[
    "leading", "leads", "led", "ahead", "trailing", "trails", "trailed", "beat", "beats",
    "beating", "tops", "topped", "topping",
];

/// Whether `X to Y` (the first figure `text[start..end]`, the second ending
/// at `second_end`) is two figures rather than one range: a change, a
/// tally, or a percentage followed by a number of another kind (`lost 0.5
/// percent to 5,190.73`).
fn two_figures(text: &str, start: usize, end: usize, second_end: usize, percent: bool) -> bool {
    if !text[end..].starts_with(" to ") {
        return false; // `10-12 years`, `$4m-$5m`, a score `4-1`: one figure
    }
    // A range runs from low to high: `by 48% to 42%` is a tally.
    let value = |s: &str| -> Option<f64> {
        let s = s.trim_start_matches(|c: char| !c.is_ascii_digit());
        let digits = s.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'));
        s[..digits.unwrap_or(s.len())]
            .trim_end_matches(['.', ','])
            .replace(',', "")
            .parse()
            .ok()
    };
    let joiner = text[end..second_end].find(|c: char| c.is_ascii_digit());
    if let (Some(first), Some(k)) = (value(&text[start..end]), joiner)
        && let Some(second) = value(&text[end + k..second_end])
        && first > second
    {
        return true;
    }
    let second = text[end..second_end].to_ascii_lowercase();
    if percent && !second.contains('%') && !second.contains("per") {
        return true;
    }
    // `cut by 0.1 percentage points to 4.2 percent`: a step and a level,
    // in different units.
    let first = text[start..end].to_ascii_lowercase();
    if first.contains("point") && !second.contains("point") {
        return true;
    }
    let (word_start, word_end) = word_span_before(text, start);
    let before = &text[word_start..word_end];
    let head = text[..start].trim_end();
    // `rose from 4.9 percent to 5 percent`, `in fiscal 2016, from 70,000 to
    // 85,000`: a change; `ranging from 60% to 70%`: a range.
    if before.eq_ignore_ascii_case("from") {
        let verb = word_before(text, word_start);
        return !is_one_of(verb, RANGE_WORDS);
    }
    // `Trump 43 percent to 41 percent`, `by 11 points, 46 percent to 35
    // percent`: after a name, a tally word or the margin. A capital that
    // opens a sentence is no name (`About 60% to 70%`).
    let lead = text[..word_start].trim_end_matches([' ', '\t', '\u{a0}']);
    let opens_sentence = lead.is_empty() || lead.ends_with(['.', '!', '?', '\n', ':', '"', '“']);
    let name = before.starts_with(|c: char| c.is_ascii_uppercase())
        && word_end == head.len()
        && !opens_sentence;
    let tally = is_one_of(before, TALLY_WORDS);
    let margin = head.ends_with(',')
        && is_one_of(
            word_before(text, head.len() - 1),
            &["points", "point", "margin", "lead"],
        );
    name || tally || margin
}

/// Lower-case letters with inner hyphens (`year-old`) starting at `at`.
fn letters_compound(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let mut last_letter = 0;
    for (i, c) in rest.char_indices() {
        if c.is_ascii_lowercase() {
            last_letter = i + 1;
        } else if c != '-' || i == 0 {
            break;
        }
    }
    &rest[..last_letter]
}

/// The end of the second figure of a range that starts after `at`;
/// `between` X and Y is a range too.
fn range_end(text: &str, at: usize, between: bool) -> Option<usize> {
    let rest = &text[at..];
    let joiner = ["-", "–", "—", " to ", " - ", " – "]
        .into_iter()
        .chain(between.then_some(" and "))
        .find(|j| rest.starts_with(j))?;
    let second_start = at + joiner.len();
    let first_char = char_after(text, second_start)?;
    let digits_at = if CURRENCY_SYMBOLS.contains(&first_char) {
        second_start + first_char.len_utf8()
    } else {
        second_start
    };
    let m = DIGITS.find_at(text, digits_at)?;
    if m.start() != digits_at || text[m.end()..].starts_with('/') {
        return None; // `1/2 and 3/4`: two fractions
    }
    // Read the second number as if it stood alone.
    let second = read_figure_alone(text, m.start(), m.end())?;
    Some(second)
}

fn read_figure_alone(text: &str, start: usize, end: usize) -> Option<usize> {
    if is_year(&text[start..end]) {
        return None;
    }
    let after = letters_at(text, end).to_ascii_lowercase();
    if ["st", "nd", "rd", "th", "am", "pm", "s"].contains(&&*after) {
        return None;
    }
    let mut stop = end;
    if !after.is_empty() && (SCALE.contains(&after) || UNIT.contains(&after)) {
        stop += after.len();
    }
    if char_after(text, stop) == Some('%') {
        return Some(stop + 1);
    }
    let (at, word) = word_after(text, stop);
    let lower = word.to_ascii_lowercase();
    if is_time_word(word) {
        return None;
    }
    if at > stop && (SCALE.contains(&lower) || UNIT.contains(&lower)) {
        return Some(at + word.len());
    }
    Some(stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        figures(text)
            .iter()
            .map(|s| &text[s.span.range()])
            .collect()
    }

    #[test]
    fn a_height_in_feet_and_inches_is_one_figure() {
        assert_eq!(
            found("Trump is 6'3\" tall and weighs 236 pounds."),
            vec!["6'3\"", "236 pounds"]
        );
        assert_eq!(found("She is 5’11” and he is 6′2″."), vec!["5’11”", "6′2″"]);
        // A year with its century left out stays out.
        assert!(found("He ran in '08 and '12.").is_empty());
    }

    #[test]
    fn percentages_with_sign_or_word() {
        assert_eq!(found("won 80.1% of the vote"), vec!["80.1%"]);
        assert_eq!(
            found("up 3 percent and 4 per cent"),
            vec!["3 percent", "4 per cent"]
        );
        assert_eq!(
            found("a 2 percentage point lead"),
            vec!["2 percentage point"]
        );
    }

    #[test]
    fn ratios_names_and_dates_of_the_newsroom() {
        // Shares of a whole and odds against one are one figure.
        assert_eq!(found("eight of 10 avocados"), vec!["eight of 10"]);
        assert_eq!(found("a 3 to 1 margin"), vec!["3 to 1"]);
        assert_eq!(found("Daniel was one of 20 students"), vec!["20"]);
        // Names and the second day of a span of dates count nothing.
        assert!(found("how Fortune 500 companies pay").is_empty());
        assert!(found("it was his from Day 1.").is_empty());
        assert!(found("conducted from Sept. 19 to 22, surveying").is_empty());
        // Money in headlines and old coins, a fraction of a scale.
        assert_eq!(found("haul surges past $1B; donors"), vec!["$1B"]);
        assert_eq!(found("for 20 shillings."), vec!["20 shillings"]);
        assert_eq!(
            found("come up with a quarter of a million dollars for"),
            vec!["a quarter of a million dollars"]
        );
        // Multipliers, a step and a level, decades and clock times.
        assert_eq!(
            found("the suicide rate was 10 times the national average"),
            vec!["10 times"]
        );
        assert_eq!(found("only 10 times harder"), vec!["10 times"]);
        assert_eq!(found("a threefold increase since 1960"), vec!["threefold"]);
        assert_eq!(found("he won 3 times after that"), vec!["3"]);
        assert_eq!(
            found("cut its forecast by 0.1 percentage points to 4.2 percent."),
            vec!["0.1 percentage points", "4.2 percent"]
        );
        assert!(found("during the 80’s before it fell").is_empty());
        assert!(found("developed by 6 o’clock this afternoon").is_empty());
        assert_eq!(found("for two nights as unrest roiled"), vec!["two nights"]);
        // Some day is no duration; an address and a school count nothing.
        assert!(found("I hope I can be like that one day.").is_empty());
        assert!(found("take this one day at a time").is_empty());
        assert_eq!(found("one day a week of service"), vec!["one day"]);
        assert_eq!(found("with one day to go until"), vec!["one day"]);
        assert!(found("went off in front of 131 West 23rd Street.").is_empty());
        assert!(found("students at Intermediate School 285 in Brooklyn").is_empty());
        // A quotation in doubled apostrophes opens before a number.
        assert_eq!(found("this finding: ''27 companies"), vec!["27"]);
        assert!(found("back in ’08 it was").is_empty());
    }

    #[test]
    fn ranges_are_one_figure() {
        assert_eq!(
            found("support ranging from 60% to 70%."),
            vec!["60% to 70%"]
        );
        assert_eq!(found("for 10-12 years"), vec!["10-12 years"]);
    }

    #[test]
    fn money_keeps_symbol_and_scale() {
        assert_eq!(found("a $4.5 million grant"), vec!["$4.5 million"]);
        assert_eq!(found("costs €3bn a year"), vec!["€3bn"]);
        assert_eq!(found("paid US$20 and £1.2m"), vec!["US$20", "£1.2m"]);
    }

    #[test]
    fn counts_ages_and_decimals() {
        assert_eq!(found("Some 6,700 people"), vec!["6,700"]);
        assert_eq!(found("won 6,700 votes"), vec!["6,700"]);
        assert_eq!(found("the 34-year-old was shot"), vec!["34-year-old"]);
        assert_eq!(found("a rate of 2.5 here"), vec!["2.5"]);
        assert_eq!(found("in power for 25 years"), vec!["25 years"]);
        assert_eq!(found("a 5-point lead"), vec!["5-point"]);
    }

    #[test]
    fn spelled_out_numbers_need_a_scale_or_unit() {
        assert_eq!(found("two million people"), vec!["two million"]);
        assert_eq!(
            found("Forty-one percent said so"),
            vec!["Forty-one percent"]
        );
        assert_eq!(found("for two months"), vec!["two months"]);
        assert!(found("three Baltic republics and two others").is_empty());
        assert!(found("a year ago").is_empty());
    }

    #[test]
    fn fractions_are_figures() {
        assert_eq!(found("a fifth of voters"), vec!["a fifth"]);
        assert_eq!(found("two-thirds of the seats"), vec!["two-thirds"]);
        assert!(found("for a third term").is_empty());
        // A change by a fraction; not a third party.
        assert_eq!(
            found("The mass could be reduced by a third by removing the crew."),
            vec!["a third"]
        );
        assert!(found("It was approved by a third party.").is_empty());
        assert_eq!(
            found("It backfired over the past quarter century and the last half-century."),
            vec!["quarter century", "half-century"]
        );
        assert_eq!(
            found("He left a quarter-century ago."),
            vec!["a quarter-century"]
        );
    }

    #[test]
    fn written_fractions_are_figures_and_dates_are_not() {
        assert_eq!(
            found("The 10-year note rose 7/32 in price, the bond 29/32."),
            vec!["10-year", "7/32", "29/32"]
        );
        assert_eq!(
            found("to end a near 1-1/2 year trade war"),
            vec!["1-1/2 year"]
        );
        assert_eq!(
            found("He spoke for 2 1/2 hours at a 3 1/2-minute event."),
            vec!["2 1/2 hours", "3 1/2-minute"]
        );
        assert_eq!(found("between 1/2 and 3/4 of voters"), vec!["1/2", "3/4"]);
        assert!(found("on 9/11, on 7/4 and on 8/16/2020").is_empty());
    }

    #[test]
    fn dates_times_and_years_are_not_figures() {
        assert!(found("the disputed 9 August election").is_empty());
        assert!(found("on August 9, 2020 and Aug. 10").is_empty());
        assert!(found("in power since 1994").is_empty());
        assert!(found("at 10:30 and at 3 p.m. and 9am").is_empty());
        assert!(found("dated 2020-08-16").is_empty());
        assert!(found("the 21st century and the 1990s").is_empty());
        assert!(found("the debate starts at 9 ET, 6 PT, 14 GMT").is_empty());
    }

    #[test]
    fn dates_in_other_languages_are_not_figures() {
        assert!(found("voté mardi 5 mai et le 14 juillet").is_empty());
        assert!(found("am 5. Mai und am 3. März").is_empty());
        assert!(found("el 5 de mayo y el 2 de março").is_empty());
        assert!(found("il 25 aprile, op 4 mei, den 6 juni").is_empty());
        // Only after a day: a count before another word stays one.
        assert_eq!(found("5 maisons"), vec!["5"]);
    }

    #[test]
    fn time_zones_count_only_in_capitals() {
        // `et`, `est`, `cet` are French words, not Eastern or Central time.
        assert_eq!(
            found("adopté par 438 voix contre 86 et 42 abstentions"),
            vec!["438", "86", "42"]
        );
        assert_eq!(found("le taux de 12 est élevé"), vec!["12"]);
    }

    #[test]
    fn numbers_in_names_and_codes_are_not_figures() {
        assert!(found("the G7 met over Covid-19 and the F-16 deal on 9/11").is_empty());
        assert!(found("<tweet id=\"750366792434978816\" author=\"x\">").is_empty());
        assert!(found("Read part 1 here, and part 2 here. He is enemy No. 1.").is_empty());
        assert!(found("Voters passed Proposition 8 on Route 66.").is_empty());
        // Words that also start a count are no labels.
        assert_eq!(found("Last week 30,000 people marched."), vec!["30,000"]);
        assert!(found("8. WHERE JAPAN IS FACING A SHORTAGE").is_empty());
        assert!(found("two accomplishments—1. Welfare reform").is_empty());
        assert!(found("a streak unbroken since 1888").is_empty());
    }

    #[test]
    fn a_change_or_a_tally_is_two_figures() {
        assert_eq!(
            found("The rate ticked up from 4.9 percent to 5 percent."),
            vec!["4.9 percent", "5 percent"]
        );
        assert_eq!(
            found("Clinton leads Trump 46 percent to 35 percent."),
            vec!["46 percent", "35 percent"]
        );
        assert_eq!(
            found("She leads by 11 points, 46 percent to 35 percent."),
            vec!["11 points", "46 percent", "35 percent"]
        );
        assert_eq!(
            found("The index lost 0.5 percent to 5,190.73."),
            vec!["0.5 percent", "5,190.73"]
        );
        // A range stays one figure, `from` or not, and after a capital
        // that opens a sentence.
        assert_eq!(
            found("About 60% to 70% of voters agree."),
            vec!["60% to 70%"]
        );
        assert_eq!(found("support ranging from 60% to 70%"), vec!["60% to 70%"]);
        assert_eq!(
            found("gifts of $1 million to $5 million"),
            vec!["$1 million to $5 million"]
        );
    }

    #[test]
    fn a_pair_that_runs_downward_is_a_tally() {
        assert_eq!(
            found("Clinton leads in Hillsborough by 48% to 42% among voters."),
            vec!["48%", "42%"]
        );
        assert_eq!(found("between 10-12 years"), vec!["10-12 years"]);
    }

    #[test]
    fn measures_with_their_units() {
        assert_eq!(
            found("a yield of about 15 kilotons over 1,266 square miles"),
            vec!["15 kilotons", "1,266 square miles"]
        );
        assert_eq!(
            found("the rate moving upward a tenth of a point to 5.0 percent"),
            vec!["a tenth of a point", "5.0 percent"]
        );
        assert_eq!(
            found("Not in half a century has a nominee done that."),
            vec!["half a century"]
        );
    }

    #[test]
    fn between_x_and_y_is_a_range_and_a_score_one_figure() {
        assert_eq!(
            found("typically between 400 and 600 breaks a year"),
            vec!["400 and 600"]
        );
        assert_eq!(found("paid between $5 and $6 a pound"), vec!["$5 and $6"]);
        assert_eq!(found("after the Wild’s 4-1 win"), vec!["4-1"]);
        assert_eq!(found("It rose 5 and 6 percent."), vec!["5", "6 percent"]);
    }

    #[test]
    fn shares_ratios_and_ranges_in_words() {
        assert_eq!(
            found("About half said yes, and more than half of white women agreed."),
            vec!["half", "half"]
        );
        assert_eq!(found("Nearly three in four say so."), vec!["three in four"]);
        assert_eq!(
            found("people between the ages of 18 and 29"),
            vec!["18 and 29"]
        );
        assert_eq!(
            found("He survived 5 ½ years in prison, 20 mins later."),
            vec!["5 ½ years", "20 mins"]
        );
        // Parts of a period or a thing, adjectives: no shares.
        assert!(found("in the first half of the year, the other half of it").is_empty());
        assert!(found("a half-hearted bid around a third-party candidate").is_empty());
    }

    #[test]
    fn a_from_to_pair_is_a_change_unless_it_ranges() {
        assert_eq!(
            found("In fiscal 2016, from 70,000 to 85,000 refugees."),
            vec!["70,000", "85,000"]
        );
        assert_eq!(
            found("Estimates range from 100,000 to 250,000."),
            vec!["100,000 to 250,000"]
        );
    }

    #[test]
    fn emergency_numbers_label_totals_and_times_are_not_figures() {
        assert!(found("Police receive 911 calls.").is_empty());
        assert!(found("This is part 3 of 3 in the series.").is_empty());
        assert!(found("___.\n\n11: 06 a.m.\n\nThe campaign said.").is_empty());
    }

    #[test]
    fn spelled_adjectives_and_labels_are_not_figures() {
        assert!(found("one of four century-old schooners").is_empty());
        assert!(found("closing a billion-dollar acquisition deal").is_empty());
        assert!(found("the Phase 1 trade deal in area 55").is_empty());
        assert_eq!(
            found("more than a year and a half into the trade war"),
            vec!["a year and a half"]
        );
    }

    #[test]
    fn numbered_steps_and_letter_names_are_not_figures() {
        assert!(
            found("Here is the plan:\n\n1 Feel free to scream.\n\n2 Practice acceptance.")
                .is_empty()
        );
        assert!(found("a network known as 5G that competes").is_empty());
        assert_eq!(found("12 people died."), vec!["12"]);
    }

    #[test]
    fn a_change_after_a_word_in_capitals_is_a_figure() {
        assert_eq!(
            found("Oil: UP 58 cents at $47.44 per barrel."),
            vec!["58 cents", "$47.44"]
        );
        assert_eq!(found("FTSE 100: DOWN 1.0 percent"), vec!["1.0 percent"]);
        assert_eq!(found("The dollar bought 19.29 pesos."), vec!["19.29 pesos"]);
    }

    #[test]
    fn short_years_and_age_brackets_are_not_figures() {
        assert!(found("When I ran in ’08, I lost.").is_empty());
        assert!(found("where 30-somethings grab coffee").is_empty());
    }

    #[test]
    fn names_versions_and_idioms_are_not_figures() {
        assert!(found("The S&P 500 and the FTSE 100 fell.").is_empty());
        assert!(found("a hacker calling himself Guccifer 2.0 said").is_empty());
        assert!(found("At one point, he left. One point sticks with me.").is_empty());
        assert_eq!(found("Clinton leads by one point."), vec!["one point"]);
        assert_eq!(found("USD 5 a day"), vec!["USD 5"]);
    }

    #[test]
    fn fractions_of_units_and_halves_are_figures() {
        assert_eq!(
            found("a reversal of a quarter-century of trade"),
            vec!["a quarter-century"]
        );
        assert_eq!(
            found("I debated him for four and a half hours."),
            vec!["four and a half hours"]
        );
        assert_eq!(
            found("129 lives in little more than half an hour"),
            vec!["129", "half an hour"]
        );
    }

    #[test]
    fn a_ratio_is_one_figure() {
        assert_eq!(found("7 in 10 voters agree"), vec!["7 in 10"]);
        assert_eq!(found("Six in 10 say so"), vec!["Six in 10"]);
        assert_eq!(found("more than 4 in 10 said"), vec!["4 in 10"]);
        assert_eq!(found("it was 3 in 4."), vec!["3 in 4"]);
        assert_eq!(found("eight out of 10 said"), vec!["eight out of 10"]);
        assert_eq!(found("8 out of 10 said"), vec!["8 out of 10"]);
        // A count before a year is no ratio.
        assert_eq!(found("5 in 2019 were"), vec!["5"]);
    }
}
