//! Claims: check-worthy factual assertions, as the clause that states them.
//!
//! A sentence is cut into clauses (at `, and`, `, but`, `;`, and before a
//! trailing participle that reports, such as `, saying …`). The attribution is taken off
//! a clause: `X said (that) CLAIM` and `CLAIM, X said` both give CLAIM, and
//! a short introductory phrase (`On election day,`) is dropped. A clause is
//! check-worthy when it holds a figure, an attributed statement, a
//! comparison or superlative, a cause, or an amount (`Thousands gathered`),
//! or tells concretely of an act that happened (`state channels aired the
//! voices of Lukashenko supporters`). Questions, headings, first-person
//! opinion, forecasts and sentences that are mostly a quotation are not
//! claims.

use std::ops::Range;
use std::sync::LazyLock;

use super::Suggestion;
use super::lexicon::{
    ATTITUDE_IRREGULAR_FORM, AUXILIARIES, CAUSAL, COMPARISON, IRREGULAR_PAST, Lexicon, MODAL,
    MONTHS, QUANTIFIER, REPORTING, WEEKDAYS, attitude_verb, is_one_of,
};
use super::sources::Attribution;
use super::text::{Sentences, Token, dateline_end, in_capitals, possessive_stem};
use crate::model::{Span, Tag};

/// Fewest words in a claim.
const MIN_WORDS: usize = 4;

/// Longest introductory phrase dropped before a comma, in tokens.
const MAX_INTRO: usize = 7;

/// Conjunctions that start a new clause after a comma.
static CLAUSE_JOINERS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "and", "but", "while", "whereas", "although", "though", "yet",
    ])
});

/// Words that open an introductory phrase (`On Saturday, …`).
static INTRO_OPENERS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "on",
        "in",
        "at",
        "after",
        "before",
        "during",
        "earlier",
        "later",
        "meanwhile",
        "since",
        "last",
        "this",
        "then",
        "now",
        "also",
        "however",
        "still",
        "yet",
        "for",
        "by",
        "over",
        "under",
        "until",
        "while",
        "when",
        "as",
        "instead",
        "separately",
        "previously",
        "overall",
        "today",
        "yesterday",
        "but",
        "and",
        "so",
        "thus",
        "moreover",
        "furthermore",
        "indeed",
        "nevertheless",
        "nonetheless",
        "initially",
        "finally",
        "eventually",
    ])
});

/// Words that start a clause but are no part of the claim.
static LEADING_CONJUNCTIONS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "but",
        "and",
        "so",
        "yet",
        "however",
        "meanwhile",
        "also",
        "that",
        "while",
        "whereas",
    ])
});

/// Participles that make `is … to` a forecast (`is expected to`, `is set
/// to`) or a judgment (`is considered by most investors to be`), and an
/// act one that is to come (`A march is also planned`).
const FORECASTS: &[&str] = &[
    "planned",
    "expected",
    "set",
    "likely",
    "unlikely",
    "poised",
    "due",
    "scheduled",
    "considered",
];

/// Words that open a fragment of a sentence, not a clause with a subject.
const FRAGMENT_OPENERS: &[&str] = &["to", "because", "when", "since", "as", "means"];

/// Most words after a trailing attribution (`CLAIM, X said in a statement
/// on Monday`); more, and the comma is no end of a claim but the end of an
/// opening phrase (`In a joint statement published Oct. 25, the ministries
/// accused …`).
const MAX_ATTRIBUTION_TAIL: usize = 10;

/// Reporting verbs followed directly by the statement, without `that`.
static CLAUSE_CUES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "say",
        "says",
        "said",
        "tell",
        "tells",
        "told",
        "insist",
        "insists",
        "insisted",
        "claim",
        "claims",
        "claimed",
        "believe",
        "believes",
        "believed",
        "think",
        "thinks",
        "argue",
        "argues",
        "argued",
        "add",
        "adds",
        "added",
        "note",
        "notes",
        "noted",
        "warn",
        "warns",
        "warned",
        "state",
        "states",
        "stated",
        "report",
        "reports",
        "reported",
        "announce",
        "announces",
        "announced",
        "suggest",
        "suggests",
        "suggested",
        "explain",
        "explains",
        "explained",
        "acknowledge",
        "acknowledges",
        "acknowledged",
        "admit",
        "admits",
        "admitted",
        "estimate",
        "estimates",
        "estimated",
        "predict",
        "predicts",
        "predicted",
        "conclude",
        "concludes",
        "concluded",
        "found",
        "finds",
        "write",
        "writes",
        "wrote",
        "confirm",
        "confirms",
        "confirmed",
        "allege",
        "alleges",
        "alleged",
        "maintain",
        "maintains",
        "maintained",
        "contend",
        "contends",
        "contended",
        "fear",
        "fears",
        "feared",
    ])
});

/// [`AUXILIARIES`], and irregular past forms that neither the attitude verbs
/// nor [`IRREGULAR_PAST`] list: a clause with one of them, or with a word
/// ending in `-ed` or `-s`, has a verb of its own.
static FINITE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::union(&[
        AUXILIARIES,
        &[
            "drove", "beat", "hung", "quit", "spread", "let", "hurt", "cost", "bet", "slid", "wept",
        ],
    ])
});

/// Whether the clause `body` has a finite verb (`Thousands gathered`,
/// `The poll shows`, `it’s`): `Instead of getting their first taste of
/// canvassing` and `Euro/dollar: UP at $1.11` are pieces of sentences.
fn has_finite_verb(text: &str, body: &[Token]) -> bool {
    has_unambiguous_verb(text, body)
        || body.iter().any(|t| {
            let w = t.text(text);
            t.word
                && w.len() > 3
                && w.starts_with(char::is_lowercase)
                && w.ends_with('s')
                && !w.ends_with("ss")
        })
}

/// Whether `w` holds a contracted verb: `they’re`, `won’t`, `it’s`; but
/// `Trump’s plan` is a possessive.
fn is_contraction(w: &str) -> bool {
    ["’re", "'re", "’ll", "'ll", "’ve", "'ve", "n’t", "n't"]
        .iter()
        .any(|c| w.len() > c.len() && w.ends_with(c))
        || possessive_stem(w).is_some_and(|stem| {
            is_one_of(
                stem,
                &[
                    "it", "he", "she", "that", "there", "here", "what", "who", "where",
                ],
            )
        })
}

/// Whether `body` has a verb no noun could be taken for: an auxiliary, a
/// modal, a past form or a contraction. `-s` forms do not count, for
/// `more than 1.4 million Syrian refugees` is no clause.
fn has_unambiguous_verb(text: &str, body: &[Token]) -> bool {
    body.iter().any(|t| {
        let w = t.text(text);
        t.word
            && (FINITE.contains(w)
                || IRREGULAR_PAST.contains(w)
                || ATTITUDE_IRREGULAR_FORM.contains(w)
                || MODAL.contains(w)
                || is_contraction(w)
                || w.len() > 3 && w.starts_with(char::is_lowercase) && w.ends_with("ed"))
    })
}

/// Whether a reported clause without a modal states what happened or is
/// the case, rather than a wish or a judgment: it has a verb in a past or
/// perfect form (`Russia has agreed to offer …`, `the 34-year-old was shot
/// by police`; not `a different kind of globalization is needed`). The
/// caller rules out modals (`the treaty will erode …`).
fn states_a_fact(text: &str, body: &[Token]) -> bool {
    let mut previous = "";
    body.iter().filter(|t| t.word).any(|t| {
        let w = t.text(text);
        let lower = w.starts_with(|c: char| c.is_lowercase());
        // `is needed`, `are concerned`: a present state, not an event.
        let present_passive = is_one_of(previous, PRESENT_BE);
        previous = w;
        is_one_of(w, &["was", "were", "had", "has", "have"])
            || IRREGULAR_PAST.contains(w)
            || lower && w.len() > 3 && w.ends_with("ed") && !present_passive
    })
}

/// Words that open a clause about a crowd or an unnamed part of one
/// (`Others held up pictures`, `Many opposition supporters chanted`): what
/// they did is colour, not a claim.
const CROWD_OPENERS: &[&str] = &["others", "many", "some", "drivers", "people"];

/// Present forms of `be`: an `-ed` word after one is a state (`is needed`,
/// `are concerned`), not an event.
const PRESENT_BE: &[&str] = &["is", "are", "am", "be", "being"];

/// Words before an `-ed` word that make it an adjective (`the embattled
/// president`, `the disputed election`), not a verb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "this", "that",
];

/// Past verbs of posture and gesture (`Trump stood behind her`, `Gingrich
/// sat in the front of the room`): the colour of a scene, not news.
const GESTURES: &[&str] = &[
    "stood",
    "sat",
    "smiled",
    "laughed",
    "nodded",
    "shrugged",
    "paused",
    "bristled",
    "scowled",
    "waved",
    "cheered",
    "chanted",
    "applauded",
    "sang",
    "danced",
    "wept",
    "cried",
    "grinned",
    "frowned",
    "sighed",
    "joked",
];

/// Words that date an act: days, months, `yesterday`, `last week`.
static WHEN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::union(&[
        MONTHS,
        WEEKDAYS,
        &[
            "yesterday",
            "today",
            "week",
            "month",
            "year",
            "weekend",
            "night",
            "morning",
        ],
    ])
});

/// Whether an act is told concretely enough to check: dated (`on Friday`,
/// `last week`, `in 2014`) or naming someone or something past its first
/// words (`Paul Ryan disinvited him from a Wisconsin stage`). `Trump stood
/// behind her, rocking on his heels` is colour; `Polls have many sources of
/// error` is no act.
fn told_concretely(text: &str, body: &[Token]) -> bool {
    body.iter().enumerate().any(|(k, t)| {
        let w = t.text(text);
        t.word
            && (WHEN.contains(w)
                || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
                || k > 1 && t.capitalized(text))
    })
}

/// Whether `w` is an adverb that may stand between an auxiliary and its
/// verb: one in `-ly` (`strategically`, `consistently`) or a short one
/// (`has also condemned`, `had not yet agreed`).
fn adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
        || is_one_of(
            w,
            &[
                "also", "not", "never", "already", "just", "now", "still", "yet", "since", "even",
                "again", "long",
            ],
        )
}

/// Whether a clause tells of something that happened: its first verb is in
/// a past or perfect form and is an act (`Belarusian state channels aired
/// the voices …`, `Two outside groups have begun running commercials`),
/// not a statement or an attitude (`Mr Lukashenko voiced concerns`, `She
/// called him a misogynist`), a description (`The mood was icy`), a plan
/// or a forecast; and its subject is not a crowd. The caller rules out
/// modals (`would have ended`).
fn reports_an_event(text: &str, body: &[Token]) -> bool {
    let mut words = body.iter().filter(|t| t.word).map(|t| t.text(text));
    // The word before the current one, past any adverbs (`is strategically
    // located`).
    let mut previous = "";
    while let Some(w) = words.next() {
        if previous.is_empty() && is_one_of(w, CROWD_OPENERS) {
            return false;
        }
        let auxiliary = is_one_of(w, &["had", "has", "have"]);
        let copula = is_one_of(w, &["was", "were"]);
        // An `-ed` word is a verb unless it follows `is` (a present
        // passive) or a determiner (an adjective).
        let participle = || {
            w.len() > 3
                && w.ends_with("ed")
                && w.starts_with(char::is_lowercase)
                && !is_one_of(previous, PRESENT_BE)
                && !is_one_of(previous, DETERMINERS)
        };
        if !(auxiliary
            || copula
            || participle()
            || IRREGULAR_PAST.contains(w)
            || ATTITUDE_IRREGULAR_FORM.contains(w))
        {
            if !adverb(w) {
                previous = w;
            }
            continue;
        }
        // The verb that carries the meaning: after an auxiliary, the
        // participle (`has consistently denied`, `had been sent`).
        let verb = if auxiliary || copula {
            let mut after = words.filter(|v| !adverb(v));
            match after.next() {
                Some(v) if v.eq_ignore_ascii_case("been") => after.next().unwrap_or(""),
                v => v.unwrap_or(""),
            }
        } else {
            w
        };
        let participle_after = verb.ends_with("ed")
            || IRREGULAR_PAST.contains(verb)
            || ATTITUDE_IRREGULAR_FORM.contains(verb);
        return !(copula && !participle_after
            || is_one_of(verb, GESTURES)
            || attitude_verb(verb)
            || REPORTING.contains(verb)
            || is_one_of(verb, FORECASTS));
    }
    false
}

/// Whether a clause has a modal (`will`, `would`, `could` …).
fn has_modal(text: &str, body: &[Token]) -> bool {
    body.iter().any(|t| t.word && MODAL.contains(t.text(text)))
}

/// Second-person words that make a clause advice to the reader.
static SECOND_PERSON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&["you", "your", "you're", "you’re"]));

/// First-person words that make a clause an opinion.
const FIRST_PERSON_WORDS: &[&str] = &["i", "we", "my", "our", "i'm", "we're", "i’m", "we’re", "me"];

/// [`FIRST_PERSON_WORDS`].
static FIRST_PERSON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(FIRST_PERSON_WORDS));

/// Words that make a clause, wherever they stand in it, the writer's own
/// view or experience (first person) or an impression (`seemed`).
static VIEW: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::union(&[
        FIRST_PERSON_WORDS,
        &["seem", "seems", "seemed", "seemingly"],
    ])
});

/// Prepositions after a capitalized participle that make it open a phrase
/// (`Traveling with`, `Speaking after`), not name a subject (`Beijing has`).
const PARTICIPLE_PREPOSITIONS: &[&str] = &[
    "with", "after", "before", "on", "in", "at", "to", "from", "about", "during", "for",
];

/// Words that open a relative clause (`who has overseen …`).
const RELATIVES: &[&str] = &["who", "whom", "whose", "which", "where"];

/// Every claim in the article.
pub fn claims(
    text: &str,
    sentences: &Sentences,
    figures: &[Suggestion],
    attributions: &[Attribution],
    quotes: &[Suggestion],
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let title = title_sentence(sentences);
    for (k, sentence) in sentences.list.iter().enumerate() {
        if sentence.heading || title == Some(k) {
            continue;
        }
        let tokens = sentences.tokens_of(sentence);
        if tokens
            .iter()
            .rev()
            .find(|t| !matches!(t.punct(text), Some('"' | '”' | '»' | ')' | '’')))
            .is_some_and(|t| t.punct(text) == Some('?'))
        {
            continue;
        }
        let quoted = overlap_len(sentence.span, quotes);
        if quoted * 2 > sentence.span.len() {
            continue;
        }
        for clause in clauses(text, tokens) {
            if let Some(claim) = judge(text, &tokens[clause], figures, attributions)
                && overlap_len(claim.span, quotes) * 2 <= claim.span.len()
            {
                out.push(claim);
            }
        }
    }
    out
}

/// Longest first line, in words, that is read as the article's title.
const TITLE_WORDS: usize = 15;

/// The index of the sentence that is the article's title: a short first
/// line that is a paragraph of its own before more text, even when it ends
/// with a full stop (`U.S. adds 156,000 jobs; unemployment rate ticks up
/// to 5%.`). A title says what the article will claim; it is no claim of
/// its own.
fn title_sentence(sentences: &Sentences) -> Option<usize> {
    let (k, first) = sentences
        .list
        .iter()
        .enumerate()
        .find(|(_, s)| !s.heading)?;
    if sentences.list[..k].iter().any(|s| !s.date) {
        return None; // the article already has a heading
    }
    if k + 1 == sentences.list.len() {
        return None; // a text of one sentence is no title
    }
    let words = sentences.tokens_of(first).iter().filter(|t| t.word).count();
    (first.ends_paragraph && words <= TITLE_WORDS).then_some(k)
}

/// Bytes of `span` covered by `spans`.
fn overlap_len(span: Span, spans: &[Suggestion]) -> usize {
    let from = spans.partition_point(|s| s.span.end <= span.start);
    spans[from..]
        .iter()
        .take_while(|s| s.span.start < span.end)
        .map(|s| {
            s.span
                .end
                .min(span.end)
                .saturating_sub(s.span.start.max(span.start))
        })
        .sum()
}

/// Token ranges of the clauses of a sentence, without end punctuation.
fn clauses(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth_quote = false;
    for (i, t) in tokens.iter().enumerate() {
        depth_quote = inside_quote_after(depth_quote, t.punct(text));
        if depth_quote {
            continue;
        }
        let cut = match t.punct(text) {
            Some(';') => Some(i + 1),
            Some(',') => tokens.get(i + 1).and_then(|n| {
                let w = n.text(text);
                let joiner = n.word && CLAUSE_JOINERS.contains(w);
                // `, saying …`, `, arguing …` report and are cut off; `,
                // helping the economy add 156,000 jobs` goes on with the
                // clause it describes.
                let participle = n.word
                    && w.len() > 5
                    && w.ends_with("ing")
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && attitude_verb(w);
                (joiner || participle).then_some(i + 1)
            }),
            _ => None,
        };
        if let Some(next) = cut {
            out.push(start..i);
            start = next;
        }
    }
    out.push(start..tokens.len());
    out.into_iter()
        .map(|r| {
            let mut end = r.end;
            while end > r.start
                && matches!(
                    tokens[end - 1].punct(text),
                    Some('.' | '!' | ',' | ';' | ':')
                )
            {
                end -= 1;
            }
            r.start..end
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The claim a clause makes, if it is check-worthy.
fn judge(
    text: &str,
    tokens: &[Token],
    figures: &[Suggestion],
    attributions: &[Attribution],
) -> Option<Suggestion> {
    let mut range = 0..tokens.len();
    let opening = trim_clause(text, tokens, range.clone()).start;
    if tokens
        .get(opening)
        .is_some_and(|t| t.word && FIRST_PERSON.contains(t.text(text)))
    {
        return None; // `I think …`, `We believe …`: an opinion
    }
    let mut attributed = false;
    // Take off the attribution; once more when the claim itself opens with
    // one (`… told AFP that she believed CLAIM`).
    for _ in 0..2 {
        match without_attribution(text, tokens, range.clone(), attributions, !attributed) {
            Some(inner) => {
                range = inner;
                attributed = true;
            }
            None => break,
        }
    }
    let range = trim_clause(text, tokens, range);
    let words = tokens[range.clone()].iter().filter(|t| t.word).count();
    if words < MIN_WORDS {
        return None;
    }
    let body = &tokens[range];
    // A participle clause (`saying they planned …`) has no subject of its
    // own: its statement belongs to the main clause. A participle phrase
    // that opens a sentence (`Campaigning on Sunday in Florida, …, Mr.
    // Trump attacked …`) is left off at its last comma; when only a
    // description follows (`Speaking after Ivanka, who has overseen …`),
    // there is no main clause.
    let opening_participle = |t: &Token| {
        let w = t.text(text);
        t.word && w.ends_with("ing") && w.len() >= 6 && !w.starts_with(char::is_lowercase)
    };
    let opens_phrase = body
        .get(1)
        .is_some_and(|t| t.word && is_one_of(t.text(text), PARTICIPLE_PREPOSITIONS));
    let body = if body.first().is_some_and(opening_participle) && opens_phrase {
        let comma = body.iter().rposition(|t| t.punct(text) == Some(','))?;
        let rest = &body[comma + 1..];
        let relative = rest
            .first()
            .is_some_and(|t| is_one_of(t.text(text), RELATIVES));
        if relative || rest.iter().filter(|t| t.word).count() < MIN_WORDS {
            return None;
        }
        rest
    } else {
        body
    };
    if body.first().is_some_and(|t| {
        let w = t.text(text);
        t.word && w.ends_with("ing") && w.starts_with(char::is_lowercase)
    }) {
        return None;
    }
    if !has_finite_verb(text, body) {
        return None;
    }
    // `If this were a truly competitive race`, `With Mr. Trump so
    // diminished`: a condition or a circumstance without its main clause.
    if body
        .first()
        .is_some_and(|t| t.word && is_one_of(t.text(text), &["if", "unless", "whether", "with"]))
    {
        return None;
    }
    let span = Span::new(body.first()?.span.start, body.last()?.span.end);
    // `Now you can think more clearly`: advice to the reader; `we think …`,
    // `how I’m so certain reality favors Clinton`, `the man sat before me
    // today was relaxed`: the writer's own view or experience; `the
    // president seemed like a spent force`: an impression.
    if body
        .iter()
        .take(2)
        .any(|t| t.word && SECOND_PERSON.contains(t.text(text)))
        || body.iter().any(|t| t.word && VIEW.contains(t.text(text)))
    {
        return None;
    }
    // A fragment without a subject of its own (`to return to North
    // Carolina …`, `because people stopped responding …`, `blamed President
    // Barack Obama for …`).
    if body.first().is_some_and(|t| {
        let w = t.text(text);
        t.word
            && (is_one_of(w, FRAGMENT_OPENERS)
                || w.starts_with(char::is_lowercase) && w.ends_with("ed"))
    }) {
        return None;
    }
    // `Mrs. Clinton is expected to spend two days in Florida`, `it is
    // likely to set the tone`: a forecast in the main clause (not in a
    // relative one: `voters who are likely to support her`).
    let forecast = body.windows(3).take(7).enumerate().any(|(k, w)| {
        let relative = k > 0 && is_one_of(body[k - 1].text(text), &["who", "that", "which"]);
        let considered = w[1].text(text).eq_ignore_ascii_case("considered");
        !relative
            && is_one_of(w[0].text(text), &["is", "are", "was", "were", "be"])
            && is_one_of(w[1].text(text), FORECASTS)
            && (considered || w[2].text(text).eq_ignore_ascii_case("to"))
    });
    // `Oil – Brent North Sea: UP 58 cents at $47.44 per barrel`: a row of
    // a market table.
    let table_row = body.windows(2).any(|w| {
        w[0].punct(text) == Some(':')
            && in_capitals(w[1].text(text))
            && is_one_of(w[1].text(text), &["UP", "DOWN", "FLAT"])
    });
    if forecast || table_row {
        return None;
    }
    let from = figures.partition_point(|f| f.span.end <= span.start);
    let has_figure = figures[from..]
        .iter()
        .take_while(|f| f.span.start < span.end)
        .any(|f| f.span.end <= span.end);
    let any = |lexicon: &Lexicon| {
        body.iter()
            .any(|t| t.word && lexicon.contains(t.text(text)))
    };
    if about_the_article(text, body) {
        return None;
    }
    // Asked once for every rule that a modal rules out; a figure needs none.
    let modal = !has_figure && has_modal(text, body);
    let (score, rule) = if has_figure {
        (0.8, "claim.figure")
    } else if attributed && !modal && states_a_fact(text, body) {
        (0.65, "claim.attributed")
    } else if outside_quotes(text, body).any(|t| COMPARISON.contains(t.text(text))) && !modal {
        (0.55, "claim.comparison")
    } else if any(&CAUSAL) && !modal {
        (0.55, "claim.causal")
    } else if body
        .first()
        .is_some_and(|t| t.word && QUANTIFIER.contains(t.text(text)))
    {
        (0.5, "claim.quantity")
    } else if !modal && reports_an_event(text, body) && told_concretely(text, body) {
        (0.45, "claim.event")
    } else {
        return None;
    };
    Some(Suggestion::new(Tag::Claim, span, score, rule))
}

/// Whether a clause speaks of the article rather than the world: a credit
/// line (`Heba Habib contributed to this report`, `AP writer Jill Colvin
/// contributed from Albuquerque`), a correction or an editor's note about
/// the text (`An earlier version of this article misstated …`, `This is a
/// more complete version of the story than the one that appeared in
/// print`), a call to readers (`The Huffington Post wants to know about …
/// happening by you`).
fn about_the_article(text: &str, body: &[Token]) -> bool {
    let is = |t: &Token, words: &[&str]| t.word && is_one_of(t.text(text), words);
    let the_text = |t: &Token| is(t, &["article", "story"]);
    body.windows(2).enumerate().any(|(k, w)| {
        is(&w[0], &["contributed"]) && is(&w[1], &["reporting", "to", "from"])
            || is(&w[0], &["this"]) && the_text(&w[1])
            || is(&w[0], &["version"])
                && is(&w[1], &["of"])
                && body.get(k + 3).is_some_and(the_text)
            || is(&w[0], &["wants"]) && is(&w[1], &["to"]) && body.iter().any(|t| is(t, &["you"]))
    })
}

/// The words of `body` that stand outside quotation marks: the writer's
/// own. A comparison inside a quotation (`she described this as the "worst
/// case scenario"`) is the speaker's wording, not a comparison the clause
/// states.
fn outside_quotes<'a>(text: &'a str, body: &'a [Token]) -> impl Iterator<Item = &'a Token> + 'a {
    let mut quoted = false;
    body.iter().filter(move |t| {
        quoted = inside_quote_after(quoted, t.punct(text));
        t.word && !quoted
    })
}

/// Whether a walk through a clause is inside a quotation after a token
/// with `punct`, given whether it was before: a straight mark toggles, an
/// opening mark enters, a closing mark leaves.
fn inside_quote_after(quoted: bool, punct: Option<char>) -> bool {
    match punct {
        Some('"') => !quoted,
        Some('“' | '«') => true,
        Some('”' | '»') => false,
        _ => quoted,
    }
}

/// The part of `tokens[range]` that an attribution in it reports, if the
/// range holds one: `X said (that) CLAIM` gives CLAIM, and so does
/// `CLAIM, X said` (only when `anywhere`; else the source must open the
/// range).
fn without_attribution(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    attributions: &[Attribution],
    anywhere: bool,
) -> Option<Range<usize>> {
    let part = &tokens[range.clone()];
    let span = Span::new(part.first()?.span.start, part.last()?.span.end);
    let from = attributions.partition_point(|a| a.cue.end <= span.start);
    let a = attributions[from..]
        .iter()
        .take_while(|a| a.cue.start < span.end)
        .find(|a| a.source.start >= span.start && a.source.end <= span.end)?;
    let index = |at: usize| {
        range.start
            + part
                .iter()
                .position(|t| t.span.start >= at)
                .unwrap_or(part.len())
    };
    let cue_end = index(a.cue.end);
    let source_first = index(a.source.start);
    let words_after = tokens[cue_end..range.end].iter().filter(|t| t.word).count();
    let opening = trim_clause(text, tokens, range.clone()).start;
    // The source opens the clause, possibly after its appositive head
    // (`his partner, Elena German, told …`).
    let after_head = source_first > 0
        && tokens[source_first - 1].punct(text) == Some(',')
        && source_first - opening <= 5;
    let leads = source_first <= opening + 1 || after_head;
    // `According to X, CLAIM`: the claim follows the comma after the source.
    let cue_first = index(a.cue.start);
    if text[a.cue.range()].starts_with("According") && cue_first <= opening {
        let source_end = index(a.source.end);
        let comma = tokens[source_end..range.end]
            .iter()
            .take(2)
            .position(|t| t.punct(text) == Some(','))?;
        return Some(source_end + comma + 1..range.end);
    }
    if a.source.end <= a.cue.start && words_after >= MIN_WORDS && leads {
        // `X said (that) CLAIM`, `X told AFP that CLAIM`; not `X agreed to
        // …` or `X voiced concern`, whose object is no statement.
        let mut start = cue_end;
        if tokens
            .get(start)
            .is_some_and(|t| t.word && t.text(text).eq_ignore_ascii_case("to"))
        {
            return None;
        }
        let that = tokens[start..range.end]
            .iter()
            .take(8)
            .position(|t| t.word && t.text(text).eq_ignore_ascii_case("that"));
        match that {
            Some(k) => start += k + 1,
            None if !CLAUSE_CUES.contains(&text[a.cue.range()]) => return None,
            // `the country had admitted more than 1.4 million refugees`:
            // an object, not a statement.
            None if !has_unambiguous_verb(text, &tokens[start..range.end]) => return None,
            None => {}
        }
        return Some(start..range.end);
    }
    if !anywhere {
        return None;
    }
    // `CLAIM, X said` / `CLAIM, said X`
    let attribution_start = source_first.min(index(a.cue.start));
    let comma = tokens[range.start..attribution_start]
        .iter()
        .rposition(|t| t.punct(text) == Some(','))?;
    let comma = range.start + comma;
    let attribution_end = index(a.cue.end.max(a.source.end));
    let tail = tokens[attribution_end..range.end]
        .iter()
        .filter(|t| t.word)
        .count();
    // `…, according to the TexAuto Facts report from InfoNation, a Sugar
    // Land-based provider of automobile data`: a description of the source.
    let appositive = tokens
        .get(attribution_end)
        .is_some_and(|t| t.punct(text) == Some(','));
    (attribution_start - comma <= 8 && (tail <= MAX_ATTRIBUTION_TAIL || appositive))
        .then_some(range.start..comma)
}

/// Drops a dateline (`NEW YORK (Reuters) -`), leading conjunctions and a
/// short introductory phrase.
fn trim_clause(text: &str, tokens: &[Token], mut range: Range<usize>) -> Range<usize> {
    if range.start == 0 {
        range.start = dateline_end(text, &tokens[range.clone()]);
    }
    loop {
        let Some(first) = tokens.get(range.start).filter(|_| !range.is_empty()) else {
            return range;
        };
        if first.word && LEADING_CONJUNCTIONS.contains(first.text(text)) {
            range.start += 1;
            continue;
        }
        if !first.word && !matches!(first.punct(text), Some('"' | '“' | '«')) {
            range.start += 1;
            continue;
        }
        if first.word && INTRO_OPENERS.contains(first.text(text)) {
            let comma = tokens[range.clone()]
                .iter()
                .take(MAX_INTRO + 1)
                .position(|t| t.punct(text) == Some(','));
            if let Some(k) = comma {
                range.start += k + 1;
                continue;
            }
        }
        return range;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, Tag};
    use crate::suggest::suggest;

    fn found(input: &str) -> Vec<String> {
        let article = Article::new(input.to_owned());
        suggest(&article, &[Tag::Claim])
            .iter()
            .map(|x| input[x.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn a_clause_with_a_figure_is_a_claim() {
        assert_eq!(
            found(
                "Some 6,700 people were arrested in the wake of the election, and many have spoken of torture."
            ),
            vec!["Some 6,700 people were arrested in the wake of the election"]
        );
    }

    #[test]
    fn the_attribution_is_taken_off_the_claim() {
        assert_eq!(
            found("Officials say he died when a device went off in his hand."),
            vec!["he died when a device went off in his hand"]
        );
        assert_eq!(
            found("The economy grew faster than expected, the minister said."),
            vec!["The economy grew faster than expected"]
        );
    }

    #[test]
    fn a_forecast_or_a_judgment_someone_states_is_no_claim() {
        // What happened, reported: a claim.
        assert_eq!(
            found("Officials say Russia has agreed to offer security assistance."),
            vec!["Russia has agreed to offer security assistance"]
        );
        // What will or should be, reported: an opinion.
        assert!(found("Critics say the proposed treaty will erode health standards.").is_empty());
        assert!(found("Steger says a different kind of globalization is needed.").is_empty());
        // A comparison that is a forecast is no claim either.
        assert!(found("The change would make the process more open than before.").is_empty());
        assert_eq!(
            found("The new plan costs more than the old one."),
            vec!["The new plan costs more than the old one"]
        );
    }

    #[test]
    fn a_participle_that_reports_is_cut_off_one_that_describes_is_kept() {
        assert_eq!(
            found("Companies kept hiring in September, helping the economy add 156,000 jobs."),
            vec!["Companies kept hiring in September, helping the economy add 156,000 jobs"]
        );
    }

    #[test]
    fn an_introductory_phrase_is_dropped() {
        assert_eq!(
            found("On election day, state channels aired more than 40 rallies."),
            vec!["state channels aired more than 40 rallies"]
        );
    }

    #[test]
    fn questions_headings_and_opinions_are_not_claims() {
        assert!(found("Did 40% of voters really stay home?").is_empty());
        assert!(found("I think the 2 candidates are the best we have.").is_empty());
        assert!(found("Now you can think more clearly and face the 2 facts.").is_empty());
        assert!(found("Title\n\nWhat 5 things matter most\n\nBody text here.").is_empty());
        // A condition cut from its main clause says nothing happened.
        assert!(
            found(
                "Title\n\nSo it goes.\n\nIf there were a substantial risk of Trump actually \
                 being ahead, there would be more polls showing him leading."
            )
            .is_empty()
        );
    }

    #[test]
    fn quoted_words_and_participle_phrases_are_no_claims() {
        // The words of a quotation are the speaker's, not a claim.
        assert!(
            found("\"It is not over by any stretch,\" Mr. Kelly, a retired astronaut, said.")
                .is_empty()
        );
        assert!(found("Speaking after Ivanka, who has run 2 hotels since 2014.").is_empty());
        assert_eq!(
            found(
                "Campaigning on Sunday in Florida, where 2 counties vote, Mr. Trump attacked 3 rivals."
            ),
            vec!["Mr. Trump attacked 3 rivals"]
        );
        // A name ending in -ing is a subject.
        assert_eq!(
            found("Beijing has spent $5 billion on it."),
            vec!["Beijing has spent $5 billion on it"]
        );
    }

    #[test]
    fn a_short_first_line_is_the_title_even_with_a_full_stop() {
        assert_eq!(
            found(
                "U.S. adds 156,000 jobs; unemployment rate ticks up to 5%.\n\n\
                 Companies added 156,000 jobs in September, the data showed."
            ),
            vec!["Companies added 156,000 jobs in September"]
        );
        // After the date line too; after a heading there is a title already.
        assert_eq!(
            found(" date 2016-10-08 \n\nU.S. adds 156,000 jobs.\n\nFirms added 156,000 jobs."),
            vec!["Firms added 156,000 jobs"]
        );
        assert_eq!(
            found("# Jobs\n\nU.S. adds 156,000 jobs.\n\nFirms added 156,000 jobs."),
            vec!["U.S. adds 156,000 jobs", "Firms added 156,000 jobs"]
        );
        // A first paragraph of more sentences, or a longer one, is text.
        assert_eq!(
            found("Some 6,700 people were arrested. Others fled.\n\nMore came."),
            vec!["Some 6,700 people were arrested"]
        );
    }

    #[test]
    fn an_act_that_happened_is_a_claim() {
        assert_eq!(
            found("Belarusian state channels aired the voices of Lukashenko supporters."),
            vec!["Belarusian state channels aired the voices of Lukashenko supporters"]
        );
        assert_eq!(
            found("Two outside groups have also begun running commercials in Senate races."),
            vec!["Two outside groups have also begun running commercials in Senate races"]
        );
        assert_eq!(
            found("The DOJ response was triggered by a pair of letters sent on Saturday."),
            vec!["The DOJ response was triggered by a pair of letters sent on Saturday"]
        );
        // Told concretely: dated or with a name past its first words.
        assert_eq!(
            found("He made a detour to Washington on Wednesday."),
            vec!["He made a detour to Washington on Wednesday"]
        );
        assert!(found("He made a detour to a downtown hotel.").is_empty());
    }

    #[test]
    fn words_attitudes_plans_descriptions_and_crowds_are_no_events() {
        // A statement or an attitude, even past (`also` between).
        assert!(found("The US has also condemned the election in Minsk as unfair.").is_empty());
        assert!(found("She called him a misogynist on Sunday.").is_empty());
        assert!(found("He has consistently denied being unfair to Taylor Swift.").is_empty());
        // An irregular past that reports comes before the act it reports.
        assert!(
            found(
                "In a long Thursday interview on a Washington radio station, Tapper told \
                 a host that Brazile had leaked the questions to her campaign."
            )
            .is_empty()
        );
        // A description, a plan, a forecast.
        assert!(found("The mood in the hall on Sunday was icy and fierce.").is_empty());
        assert!(found("A march for freedom is also planned in Minsk on Sunday.").is_empty());
        assert!(found("The base is strategically located near the Iraqi border.").is_empty());
        assert!(found("The talks would have ended in a deal in Brussels by then.").is_empty());
        // What a crowd or an unnamed part of it did.
        assert!(found("Others held up pictures of injured protesters in Minsk.").is_empty());
        // The colour of a scene.
        assert!(found("Gingrich sat in the front of the room on Monday.").is_empty());
        // An `-ed` adjective is no verb.
        assert!(
            found("The news comes as the embattled president faces protests in Minsk.").is_empty()
        );
    }

    #[test]
    fn fragments_credit_lines_and_the_writer_are_no_claims() {
        // A clause cut from a sentence without a subject of its own.
        assert!(found("Because people stopped responding to pollsters for days.").is_empty());
        assert!(found("Mr. Trump spoke, and blamed Obama for a downturn in relations.").is_empty());
        // A forecast, and a row of a market table.
        assert!(
            found("Mrs. Clinton is expected to spend two days this week in Florida.").is_empty()
        );
        assert!(found("Oil – Brent North Sea: UP 58 cents at $47.44 per barrel").is_empty());
        assert_eq!(
            found("She won with voters who are likely to back her by 5 points."),
            vec!["She won with voters who are likely to back her by 5 points"]
        );
        // A credit line, a correction, a call to readers: notes on the
        // article, not claims about the world.
        assert!(found("Heba Habib contributed to this report.").is_empty());
        assert!(found("AP writer Jill Colvin contributed from Albuquerque.").is_empty());
        assert!(
            found("Correction: An earlier version of this article misstated the 156 tons.")
                .is_empty()
        );
        assert!(
            found("This is a more complete version of the story than the one in print.").is_empty()
        );
        assert!(found("The Post wants to know about all the campaign ads near you.").is_empty());
        assert_eq!(
            found("The donors contributed $12.5 million to the campaign."),
            vec!["The donors contributed $12.5 million to the campaign"]
        );
        assert_eq!(
            found("An earlier version of the bill cut taxes by 10 percent."),
            vec!["An earlier version of the bill cut taxes by 10 percent"]
        );
        // An impression.
        assert!(found("Nine months ago, the president seemed like a spent force.").is_empty());
        // The writer's own experience, anywhere in the clause.
        assert!(found("The man sat before me today was relaxed and confident.").is_empty());
    }

    #[test]
    fn a_dateline_and_a_leading_while_are_no_part_of_a_claim() {
        assert_eq!(
            found(
                "NEW YORK (Reuters) - Oil prices fell 3% on Tuesday, while global stocks rose 2%."
            ),
            vec!["Oil prices fell 3% on Tuesday", "global stocks rose 2%"]
        );
        assert_eq!(
            found("Hong Kong (AFP) – Asian stocks fell 3% on Thursday."),
            vec!["Asian stocks fell 3% on Thursday"]
        );
    }

    #[test]
    fn according_to_opens_a_claim_and_an_object_is_no_statement() {
        // After `According to X,` and a short opening phrase; `admitted`
        // has an object here, not a reported statement.
        assert_eq!(
            found(
                "According to the Jordanian government, as of 2016, the country had \
                 admitted more than 1.4 million Syrian refugees, overwhelming Jordan’s economy."
            ),
            vec![
                "the country had admitted more than 1.4 million Syrian refugees, \
                 overwhelming Jordan’s economy"
            ]
        );
    }

    #[test]
    fn a_long_tail_after_an_attribution_makes_the_comma_an_opening() {
        // `In …, X accused Y of …`: what precedes the comma is no claim.
        assert!(
            found(
                "In a joint statement published Oct. 25, the ministries accused U.S. forces \
                 in southern Syria of controlling armed gangs and of disrupting a United \
                 Nations aid delivery to the camp."
            )
            .iter()
            .all(|c| !c.starts_with("In a joint statement"))
        );
        // A description of the source after it is no tail.
        assert_eq!(
            found(
                "Dealers sold 30,154 new cars in October, according to the TexAuto report \
                 from InfoNation, a Sugar Land-based provider of automobile data."
            ),
            vec!["Dealers sold 30,154 new cars in October"]
        );
    }

    #[test]
    fn a_piece_of_a_sentence_without_a_verb_is_no_claim() {
        assert!(found("Pound/dollar: UP at $1.2321 from $1.2290").is_empty());
        assert!(found("Hedge fund titan George Soros ($9.9 million)").is_empty());
        // A possessive is no verb; a contracted `is` is.
        assert!(found("In 1998 in the Senate’s 80-19 vote for admitting Poland").is_empty());
        assert_eq!(
            found("It’s up 25 percent on last year."),
            vec!["It’s up 25 percent on last year"]
        );
        assert_eq!(
            found("Thousands gathered on Sunday, a 25 percent rise."),
            vec!["Thousands gathered on Sunday, a 25 percent rise"]
        );
    }
}
