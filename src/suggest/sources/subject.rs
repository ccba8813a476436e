//! The subject of an attitude verb as its source.
//!
//! Attribution is wider than a list of reporting verbs: people and
//! organizations also `want`, `refuse`, `compare`, `plan` and `chronicle`,
//! and a newsroom wants to know who. When a sentence opens with a noun
//! phrase that can act — a pronoun, a name, or a phrase headed by a noun for
//! people, organizations or documents (`officials`, `the campaign`, `a new
//! poll`) — and its verb, or a later verb it shares, is an attitude verb or a
//! stance (`has been critical of`), that phrase is proposed as a source with
//! a lower score than a cue-based one. So is a name or noun for people just
//! before an attitude verb inside a sentence, a pronoun in a speech tag
//! (`,” she yells`), and the subject of a title-case headline.
//!
//! Openers (`But`, `Meanwhile,`) and an introductory phrase up to its comma
//! (`In a statement,`, `After the debate,`) are skipped; a description
//! between commas belongs to the source (`Aaron Kall, a debate coach,`),
//! a clause between commas does not (`Trump, speaking in Ohio,`).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::super::lexicon::{
    AGENT, ATTITUDE, ATTITUDE_IRREGULAR_FORM, AUXILIARY, Fnv, IRREGULAR_PAST, Lexicon, PRONOUN,
    QUANTIFIER, REPORTING, SMALL_NUMBER, attitude_verb,
};
use super::super::text::{Sentences, Token, dateline_end, in_capitals};
use super::{
    Attribution, DETERMINER, NOUN_PLURALS, PREPOSITION, abbreviation_dot, is_form_of_be, is_one_of,
    is_relative, is_stop,
};
use crate::model::Span;
use std::sync::LazyLock;

/// Words that open a sentence before its subject.
pub(super) static OPENER: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "but",
        "and",
        "so",
        "yet",
        "still",
        "now",
        "instead",
        "meanwhile",
        "however",
        "also",
        "then",
        "thus",
        "indeed",
        "moreover",
        "separately",
        "similarly",
        "likewise",
        "nevertheless",
        "nonetheless",
        "or",
    ])
});

/// Words that open an introductory phrase, which ends at its comma.
static INTRO: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "when",
        "as",
        "while",
        "since",
        "although",
        "though",
        "if",
        "because",
        "last",
        "this",
        "earlier",
        "later",
        "yesterday",
        "today",
        "for",
        "with",
        "without",
        "despite",
        "under",
        "following",
        "unlike",
        "like",
        "by",
        "from",
        "throughout",
        "until",
        "once",
        "even",
        "instead",
        "asked",
        "speaking",
        "writing",
        "still",
        "to",
    ])
});

/// Words that join two parts of one noun phrase (`supporters in
/// Congress`, `Bank of America`, `the campaign and its allies`).
static JOINER: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&["of", "for", "at", "from", "in", "on", "and", "&"]));

/// Pronouns that can be a sentence's source (`it` is too often a dummy
/// subject, `you` too often generic).
pub(super) static SUBJECT_PRONOUN: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&["he", "she", "they", "we", "i"]));

/// Words seen with a capital inside a sentence: names, which a capital at
/// the start of a sentence cannot tell from other words.
pub(super) struct Names<'t>(HashSet<&'t str, BuildHasherDefault<Fnv>>);

impl<'t> Names<'t> {
    pub(super) fn of(text: &'t str, sentences: &Sentences) -> Self {
        let mut set = HashSet::default();
        for sentence in &sentences.list {
            let tokens = sentences.tokens_of(sentence);
            for pair in tokens.windows(2) {
                let [before, t] = pair else { continue };
                if t.capitalized(text) && (before.word || before.punct(text) == Some(',')) {
                    set.insert(t.text(text));
                }
            }
        }
        Self(set)
    }

    fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// The source that is the subject of the sentence `tokens`, if it is one.
pub(super) fn sentence_subject(text: &str, tokens: &[Token], names: &Names) -> Option<Attribution> {
    let start = subject_start(text, tokens)?;
    if SUBJECT_PRONOUN.contains(tokens[start].text(text)) && tokens[start].word {
        return predicate(
            text,
            tokens,
            start,
            start,
            start,
            start + 1,
            "source.subject_pronoun",
        );
    }
    // A participle phrase after the head (`A union representing flight
    // attendants endorsed`, `Many people involved in the talks assumed`):
    // the subject runs on to the first inflected attitude verb.
    let mut modified = false;
    // The last head a joining preposition followed (`Others in the
    // community`): the subject, if a verb comes after its phrase.
    let mut joined: Option<usize> = None;
    let mut k = start;
    while k < tokens.len() && k - start < super::MAX_SUBJECT {
        let t = tokens[k];
        if !t.word {
            if abbreviation_dot(text, tokens, k) || matches!(t.punct(text), Some('-' | '&')) {
                k += 1;
                continue;
            }
            return None;
        }
        let w = t.text(text);
        // Not after a determiner (`members of the press`), nor a base form
        // in `-ss`.
        if modified
            && !DETERMINER.contains(tokens[k - 1].text(text))
            && let Some(v) = verb_at(text, tokens, k)
            && (tokens[v].text(text).ends_with("ed")
                || tokens[v].text(text).ends_with('s') && !tokens[v].text(text).ends_with("ss"))
        {
            return Some(found(tokens, start, k - 1, v, "source.subject"));
        }
        // A pronoun or `that` inside the phrase starts a clause (`the best
        // one I know`); a determiner starts a new phrase unless a
        // preposition joins it (`the head of the party`).
        let after_joiner = k > start && JOINER.contains(tokens[k - 1].text(text));
        // `Many of her closest advisers`: after `of`, `her` is possessive.
        let possessive_her = after_joiner && w.eq_ignore_ascii_case("her");
        if k > start
            && !possessive_her
            && (PRONOUN.contains(w)
                || is_relative(w)
                || w.eq_ignore_ascii_case("that")
                || DETERMINER.contains(w) && !after_joiner)
        {
            return None;
        }
        if head_like(text, tokens, k, start, names) {
            // The phrase may end here: a description or a verb follows. If
            // a verb follows that does not attribute, the sentence does not
            // (`Mr. Obama scrutinized reports like …`).
            let participle = |n: usize| {
                tokens.get(n).is_some_and(|t| {
                    let p = t.text(text);
                    t.word
                        && !t.capitalized(text)
                        && (p.ends_with("ing")
                            || p.ends_with("ed")
                                && tokens
                                    .get(n + 1)
                                    .is_some_and(|b| PREPOSITION.contains(b.text(text))))
                })
            };
            // `a 46-page analysis released by the Department … reveals`: a
            // participle with its agent is no predicate.
            let passive = participle(k + 1) && word_at(text, tokens, k + 2, "by");
            if passive {
                modified = true;
                k += 1;
                continue;
            }
            let preposition =
                |n: &Token| JOINER.contains(n.text(text)) && PREPOSITION.contains(n.text(text));
            joined = (tokens.get(k + 1).is_some_and(preposition) && !modified)
                .then_some(k)
                .or(joined);
            if let Some((last, at)) = after_head(text, tokens, k + 1) {
                let found = predicate(text, tokens, start, k, last, at, "source.subject");
                if found.is_some() {
                    return found;
                }
                // After a name, a past form before a preposition is its verb
                // (`Trump swiped at Ryan`), not a participle describing it.
                let name_then_past = t.capitalized(text)
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| n.text(text).ends_with("ed"));
                if participle(k + 1) && !name_then_past {
                    modified = true;
                } else if plain_verb_at(text, tokens, at).is_some() {
                    return None;
                }
            }
        } else if k > start && is_stop(w) && !JOINER.contains(w) && !possessive_her {
            // `Others in the African-American community have opposed`: the
            // verb itself attributes (a second verb may belong to the
            // phrase after the preposition).
            let head = joined?;
            let verb = verb_at(text, tokens, k).filter(|&v| agrees(text, tokens, head, v))?;
            return Some(found(tokens, start, k - 1, verb, "source.subject"));
        }
        k += 1;
    }
    None
}

/// The subject of a headline in title case, before its capitalized verb:
/// `Hillary Clinton Speaks ‘Directly To White People’`, `Obama Sees
/// 'Personal Insult' …`. Only an inflected attitude verb splits it, so
/// that `Super PAC Haul Surges` stays whole.
pub(super) fn headline_subject(text: &str, tokens: &[Token]) -> Option<Attribution> {
    let verb = (1..tokens.len().min(6)).find(|&k| {
        let t = tokens[k];
        let w = t.text(text);
        // A base form follows a plural: `Black Lawmakers Rip Donald Trump`.
        let before = tokens[k - 1].text(text);
        let plural = before.ends_with('s')
            && !["ss", "us", "is"].iter().any(|end| before.ends_with(end))
            && !tokens[0].text(text).eq_ignore_ascii_case("a");
        t.capitalized(text)
            && (w.ends_with('s') || w.ends_with("ed") || plural && ATTITUDE.contains(w))
            && !AGENT.contains(w)
            && !NOUN_PLURALS.contains(w) // `Obama Power Plant Rules Face …`
            && attitude_verb(w)
    })?;
    // `31 Latinos Share …`: a number may open the subject.
    let all_capitals = tokens[..verb].iter().enumerate().all(|(k, t)| {
        t.capitalized(text)
            || abbreviation_dot(text, tokens, k)
            || k == 0 && t.text(text).bytes().all(|b| b.is_ascii_digit())
    });
    // Every longer word of the sentence capitalized, bar one.
    let (long, lower) = tokens
        .iter()
        .filter(|t| t.word && t.text(text).len() > 3)
        .fold((0, 0), |(n, l), t| {
            (n + 1, l + usize::from(!t.capitalized(text)))
        });
    let title_case = long >= 3 && lower <= 1;
    (all_capitals && title_case).then(|| found(tokens, 0, verb - 1, verb, "source.headline"))
}

/// The attribution of the subject `first..=last` (headed by token `head`)
/// whose predicate starts at token `at`: its verb is an attitude verb, or
/// the predicate goes on to one it shares the subject with (`Clinton spoke
/// out Tuesday, arguing that …`, `Trump has used the phrase and criticized
/// Obama`), or an infinitive right after its verb (`started to portray`).
/// An infinitive further on (`forced Stumpf to admit`) is not counted: too
/// often its subject is another.
fn predicate(
    text: &str,
    tokens: &[Token],
    first: usize,
    head: usize,
    last: usize,
    at: usize,
    rule: &'static str,
) -> Option<Attribution> {
    // The head may come before a phrase that ends the subject (`A number of
    // other members of Congress echo`).
    if let Some(verb) = verb_at(text, tokens, at)
        && (agrees(text, tokens, head, verb)
            || (first..last).any(|h| agrees(text, tokens, h, verb)))
    {
        return Some(found(tokens, first, last, verb, rule));
    }
    let verb = plain_verb_at(text, tokens, at)?;
    let shared = (verb + 1..tokens.len()).find(|&k| {
        let t = tokens[k];
        let w = t.text(text);
        let before = tokens[k - 1];
        let b = before.text(text);
        t.word
            && !t.capitalized(text)
            && attitude_verb(w)
            && (before.word && COORDINATOR.contains(b)
                || w.ends_with("ing") && opens_participle_clause(text, tokens, k)
                // `started to portray`, `began to hint`: the verb's own
                // infinitive (with an object between, `forced Stumpf to
                // admit`, the object would speak).
                || k == verb + 2 && super::lower_is(before, text, "to"))
            && !reports_nothing(text, tokens, k)
    })?;
    Some(found(tokens, first, last, shared, "source.subject_shared"))
}

/// Whether the participle at token `k` opens a clause of the subject's
/// own: after a comma or a dash, after a closing quotation mark after one
/// (`a defense of “New York values,” saying`), or after `by` (`inflamed
/// tensions by saying`).
fn opens_participle_clause(text: &str, tokens: &[Token], k: usize) -> bool {
    let comma = |j: usize| matches!(tokens[j].punct(text), Some(',' | '—' | '–'));
    comma(k - 1)
        || super::lower_is(tokens[k - 1], text, "by")
        || k >= 2 && matches!(tokens[k - 1].punct(text), Some('”' | '"' | '’')) && comma(k - 2)
}

/// Words before a second verb of the same subject.
pub(super) static COORDINATOR: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&["and", "or", "yet", "but", "then"]));

/// Token `k`, or the token after a time phrase that starts there (`on
/// Monday`, `this month`, `at the time`) or a phrase naming the medium of
/// a statement (`in a statement`, `in an interview with Fox News`): where
/// a verb after its subject starts.
fn past_time_phrase(text: &str, tokens: &[Token], k: usize) -> usize {
    if tokens.len() > k + 1 && super::is_time_phrase(text, tokens[k], tokens[k + 1]) {
        k + 2
    } else if tokens.len() > k + 2
        && super::is_time_phrase3(text, [tokens[k], tokens[k + 1], tokens[k + 2]])
    {
        k + 3
    } else if super::phrase::medium_opens(text, tokens, k, tokens.len()) {
        // The medium phrase ends where a verb starts: the same phrase the
        // walk back from a cue skips (`phrase::medium_before`).
        (k + 3..tokens.len().min(k + 9))
            .find(|&e| {
                super::phrase::medium_before(text, tokens, e) == Some(k)
                    && plain_verb_at(text, tokens, e).is_some()
            })
            .unwrap_or(k)
    } else {
        k
    }
}

/// The first verb of a predicate starting at token `k`, whatever it is.
fn plain_verb_at(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let k = past_time_phrase(text, tokens, k); // `Trump on Monday went after Bush, calling him …`
    let mut v = k;
    while tokens
        .get(v)
        .is_some_and(|t| t.word && super::is_between(t.text(text)))
    {
        v += 1;
    }
    if v > k {
        return Some(k); // an auxiliary
    }
    let t = *tokens.get(v)?;
    let w = t.text(text);
    // Without an auxiliary, a verb shows its ending (`checked`, `gives`)
    // or is an irregular past (`went`); `the Mexican secretary` is a noun.
    let possessive = super::is_possessive(w);
    let ending = w.len() > 3
        && !possessive
        && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"));
    // `Asian stocks struggled`, `two Democratic speechwriters implored`: a
    // plural noun, for the past tense that follows it is the verb.
    let plural_before_past = w.ends_with('s')
        && !attitude_verb(w)
        && tokens.get(v + 1).is_some_and(|n| {
            let nw = n.text(text);
            n.word
                && !n.capitalized(text)
                && (nw.len() > 4 && nw.ends_with("ed") || IRREGULAR_PAST.contains(nw))
        });
    let verb = t.word
        && !t.capitalized(text)
        && !AGENT.contains(w)
        && !is_stop(w)
        && (ending || IRREGULAR_PAST.contains(w))
        && !plural_before_past;
    verb.then_some(v)
}

/// Adjectives that state a stance when said of someone (`critical of`,
/// `afraid that`, `confident`).
static STANCE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "critical",
        "concerned",
        "afraid",
        "confident",
        "skeptical",
        "sceptical",
        "worried",
        "optimistic",
        "pessimistic",
        "supportive",
        "opposed",
        "eager",
        "determined",
        "convinced",
        "adamant",
        "hopeful",
        "doubtful",
        "certain",
        "sure",
        "aware",
        "unaware",
        "unsure",
        "insistent",
        "clear",
        "furious",
        "angry",
        "upset",
        "frustrated",
        "disappointed",
        "pleased",
        "happy",
        "unhappy",
        "proud",
        "wary",
        "bullish",
        "bearish",
        "reluctant",
        "unwilling",
        "willing",
        "keen",
        "firm",
        "emphatic",
        "outspoken",
        "vocal",
        "silent",
        "dismissive",
        "sympathetic",
        "hostile",
        "open",
        "receptive",
        "resistant",
        "committed",
    ])
});

/// Words of degree between a form of `be` and an adjective.
static DEGREE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "too",
        "very",
        "so",
        "less",
        "more",
        "most",
        "quite",
        "rather",
        "increasingly",
    ])
});

/// Things that say something when made public.
static STATEMENT: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "statement",
        "statements",
        "letter",
        "letters",
        "ad",
        "ads",
        "commercial",
        "commercials",
        "email",
        "emails",
        "report",
        "reports",
        "analysis",
        "plan",
        "plans",
        "proposal",
        "proposals",
        "list",
        "memo",
        "poll",
        "study",
        "survey",
        "findings",
        "details",
        "transcript",
        "message",
        "policy",
        "agenda",
        "platform",
        "endorsements",
        "speech",
        "remarks",
        "address",
        "verdict",
        "warning",
    ])
});

/// Verbs with idioms in which they report nothing, by base form; every
/// regular form of each counts, as do the irregular forms below.
const IDIOM_VERBS: &[&str] = &[
    "show", "find", "release", "unveil", "deliver", "prove", "expand", "add", "back", "assume",
    "say", "call", "decline", "know", "speak", "raise", "claim", "send", "charge", "report",
    "maintain",
];

/// Irregular forms of [`IDIOM_VERBS`] and their base forms.
const IDIOM_IRREGULAR: &[(&str, &str)] = &[
    ("shown", "show"),
    ("found", "find"),
    ("proven", "prove"),
    ("said", "say"),
    ("says", "say"),
    ("knew", "know"),
    ("known", "know"),
    ("spoke", "speak"),
    ("sent", "send"),
    ("spoken", "speak"),
];

/// Every form of [`IDIOM_VERBS`], lowercase, with its base form.
static IDIOM_BASE: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    IDIOM_VERBS
        .iter()
        .flat_map(|&base| {
            super::super::lexicon::regular_forms(base)
                .into_iter()
                .map(move |form| (form, base))
        })
        .chain(
            IDIOM_IRREGULAR
                .iter()
                .map(|&(form, base)| (form.to_owned(), base)),
        )
        .collect()
});

/// The base form of `w` if it is a form of one of [`IDIOM_VERBS`].
fn idiom_base(w: &str) -> Option<&'static str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        IDIOM_BASE.get(&w.to_ascii_lowercase()).copied()
    } else {
        IDIOM_BASE.get(w).copied()
    }
}

/// Whether the verb at token `v` reports nothing, whatever its lexicon
/// says: `like` without an auxiliary (a preposition), `speak` with nothing
/// about what (`spoke for about five minutes`,
/// `spoke in a cottage`, `also spoke.`; not `spoke of`, `spoke out`,
/// `spoke to a gathering`), `know` with an object (`knows the
/// specifics`), a participle after its noun (`people accused of`), and
/// idioms (`The real Trump showed up`, `They found a way through the Clean
/// Air Act`).
pub(super) fn reports_nothing(text: &str, tokens: &[Token], v: usize) -> bool {
    let w = tokens[v].text(text);
    let next_is = |k: usize, word: &str| word_at(text, tokens, k, word);
    let next_is_any = |k: usize, words: &[&str]| word_at_any(text, tokens, k, words);
    let number_at = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_digit()))
    };
    // A sum of money or a count as the object, maybe after the hedges of
    // a count: `raised about $175 million`, `sent $341,560`.
    let quantity_at = |mut k: usize| {
        while let Some(hedge) = super::share::hedge_len(text, tokens, k) {
            k += hedge;
        }
        number_at(k)
            || tokens
                .get(k)
                .is_some_and(|n| matches!(n.punct(text), Some('$' | '€' | '£')))
    };
    let after_auxiliary = v > 0 && super::is_between(tokens[v - 1].text(text));
    // `people like Scott`, `reports like the assessment`: without an
    // auxiliary (`would like`) `like` is a preposition.
    if w.eq_ignore_ascii_case("like") && !after_auxiliary {
        return true;
    }
    // `And I think his tweet was about …` in a transcript: the speaker's
    // own hedge, not a source.
    if w.eq_ignore_ascii_case("think")
        && v > 0
        && super::lower_is_any(tokens[v - 1], text, &["i", "we"])
    {
        return true;
    }
    // `Rubio is trying to reach voters`: an attempt under way, which the
    // article narrates (`tried to`, a past attempt, often reports a stand).
    if w.eq_ignore_ascii_case("trying") && next_is(v + 1, "to") {
        return true;
    }
    // `Democrats vote in Arizona`, `these delegates must vote for the
    // winner`: an act, not a stand (`voted for the war` is one, and a share
    // of a poll who `would vote for Clinton` is read in `share`).
    if w.eq_ignore_ascii_case("vote") {
        return true;
    }
    let idiom = match idiom_base(w) {
        // `The real Trump showed up`.
        Some("show") => next_is(v + 1, "up"),
        // `as he charged into unexpected territory`: rushed, not accused.
        Some("charge") => next_is_any(
            v + 1,
            &[
                "into", "through", "ahead", "forward", "toward", "towards", "across", "onto",
            ],
        ),
        // `They found a way through the Clean Air Act`.
        Some("find") => next_is(v + 1, "ways") || next_is(v + 1, "a") && next_is(v + 2, "way"),
        // `released her returns`, `released video`, `unveiled the first
        // draft`: making a thing public says something only when the thing
        // is a statement (`released a letter`, `unveiled a proposal`).
        Some("release" | "unveil" | "deliver") => {
            // The object's head: the last word before a preposition or a
            // mark (`a new ad this week`, `a letter from his doctor`).
            // A pronoun, or a participle after a noun, starts a clause
            // after the object (`released a statement saying he is …`; `the
            // following statement` is one phrase).
            let head = (v + 1..tokens.len().min(v + 6))
                .take_while(|&k| {
                    let w = tokens[k].text(text);
                    let participle = w.ends_with("ing")
                        && k > v + 1
                        && !DETERMINER.contains(tokens[k - 1].text(text));
                    tokens[k].word
                        && !PREPOSITION.contains(w)
                        && !is_stop(w)
                        && !participle
                        && !PRONOUN.contains(w)
                })
                .last()
                .map(|k| tokens[k]);
            return !head.is_some_and(|t| STATEMENT.contains(t.text(text)));
        }
        // `The Council has proved to be ineffective`: turned out.
        Some("prove") => next_is(v + 1, "to") && next_is(v + 2, "be"),
        // `Trump would expand the standard deduction`: enlarge, unless he
        // expands on something he said.
        Some("expand") => !next_is_any(v + 1, &["on", "upon"]),
        // `The nation has added 178,000 jobs`: a sum, not a remark;
        // `adding to her run of victories`: more of the same.
        Some("add") => quantity_at(v + 1) || next_is(v + 1, "to"),
        // `claiming his third victory`, `claimed the seat`: won, not said.
        Some("claim") => {
            let won = [
                "victory",
                "win",
                "seat",
                "title",
                "nomination",
                "prize",
                "crown",
                "lead",
            ];
            let determined = tokens
                .get(v + 1)
                .is_some_and(|t| t.word && DETERMINER.contains(t.text(text)));
            // The thing won, maybe after one describing word (`his third`).
            determined && (next_is_any(v + 2, &won) || next_is_any(v + 3, &won))
        }
        // `O’Malley had raised $3.2 million`, `raised money`: funds, not
        // concerns.
        Some("raise") => quantity_at(v + 1) || next_is_any(v + 1, &["money", "funds"]),
        // `Trump Victory also sent $341,560 to …`: money, not a message.
        Some("send") => quantity_at(v + 1),
        // `Washington backed out`: retreated.
        Some("back") => next_is(v + 1, "out"),
        // `His company would assume Patriot's obligations`: take on, not
        // believe (`assumed that …`).
        Some("assume") => tokens.get(v + 1).is_some_and(|n| {
            let o = n.text(text);
            !super::lower_is(*n, text, "that")
                && (DETERMINER.contains(o) || n.capitalized(text) || super::is_possessive(o))
        }),
        // `Its view of the world says something about …`: reveals, not
        // says.
        Some("say") => {
            (next_is(v + 1, "something") || next_is(v + 1, "a") && next_is(v + 2, "lot"))
                && (next_is(v + 2, "about") || next_is(v + 3, "about"))
        }
        // `Lerer reported from Los Angeles.`, `Glorioso reports for Naples
        // Daily News`: a reporter's credit line at the foot of a story,
        // unless what was reported follows (`reported from Moscow that …`).
        Some("report") => {
            next_is_any(v + 1, &["from", "for"])
                && tokens.get(v + 2).is_some_and(|t| t.capitalized(text))
                && !tokens[v + 2..].iter().any(|t| {
                    super::lower_is(*t, text, "that")
                        || t.punct(text).is_some_and(|c| matches!(c, ':' | '"' | '“'))
                })
        }
        // `Clinton maintains a commanding lock`, `has maintained support`:
        // keeps, not claims (`maintained that …`).
        Some("maintain") => tokens
            .get(v + 1)
            .is_some_and(|n| n.word && !super::lower_is(*n, text, "that")),
        // `She called into Tom Joyner's radio program`: phoned, not said.
        Some("call") => next_is_any(v + 1, &["in", "into"]),
        // `Approval has declined slightly from 58 percent`: a number falls.
        Some("decline") => {
            next_is_any(v + 1, &["slightly", "sharply", "from", "by"])
                || quantity_at(v + 1)
                || next_is(v + 1, "to") && number_at(v + 2)
        }
        // `She knows the gritty specifics`, `knows nothing`, `knows as
        // much`: knowing a thing states no belief, unlike `knows there are
        // …`.
        Some("know") => {
            tokens
                .get(v + 1)
                .is_some_and(|n| DETERMINER.contains(n.text(text)))
                || next_is_any(
                    v + 1,
                    &["nothing", "as", "much", "little", "more", "better"],
                )
        }
        Some("speak") => {
            let mut n = v + 1;
            while tokens.get(n).is_some_and(|t| {
                t.word
                    && (t.text(text).ends_with("ly")
                        || super::lower_is_any(*t, text, &["more", "most"]))
            }) {
                n += 1; // `spoke emotionally of`, `speaks more frequently about`
            }
            // `spoke to reporters`, `spoke at a memorial service`, `spoke
            // with voters`: a meeting, unless what was said follows (`spoke
            // at the White House on Tuesday about rights`).
            let audience = next_is_any(n, &["to", "at", "with"])
                && !tokens[n + 1..]
                    .iter()
                    .take(12)
                    .any(|t| super::lower_is(*t, text, "about") || t.punct(text) == Some(':'));
            // `spoke on the condition of anonymity`: how the source spoke,
            // said of a source named for another cue.
            let anonymity = next_is_any(n, &["on", "under"])
                && (next_is(n + 1, "condition")
                    || next_is(n + 1, "the") && next_is(n + 2, "condition"));
            !next_is_any(n, &["of", "about", "out", "on", "to", "at", "with"])
                || audience
                || anonymity
        }
        _ => false,
    };
    if idiom {
        return true;
    }
    // A participle after its noun, in a clause without `which was`:
    // `the monitor maintained by the embassy`, `chemicals found in
    // refrigerants`, `people accused of rape`, `Michelle expected to visit`.
    let participle = w.ends_with("ed") || is_one_of(w, &["found", "known", "seen", "shown"]);
    let preceded_by_noun = v > 0 && tokens[v - 1].word && !after_auxiliary;
    if participle && preceded_by_noun {
        // `responded by using …` is active: `by` and a gerund.
        let agent = next_is(v + 1, "by")
            && tokens
                .get(v + 2)
                .is_some_and(|t| !t.text(text).ends_with("ing"));
        let is = |form: &str| w.eq_ignore_ascii_case(form);
        let passive = agent
            || is("found") && next_is(v + 1, "in")
            || (is("accused") || is("charged")) && next_is(v + 1, "of")
            || is("expected") && next_is(v + 1, "to");
        if passive {
            return true;
        }
    }
    false
}

/// Whether a verb without an ending (`want`, `plan`) can follow `head`:
/// only a plural or `I`, `we`, `they` does (`Democrats want`); in `The
/// McKinley plan` it is a noun.
pub(super) fn agrees(text: &str, tokens: &[Token], head: usize, verb: usize) -> bool {
    let v = tokens[verb].text(text);
    let inflected = v.ends_with('s') && !v.ends_with("ss")
        || v.ends_with("ed")
        || v.ends_with("ing")
        || IRREGULAR_PAST.contains(v)
        || ATTITUDE_IRREGULAR_FORM.contains(v);
    if inflected || !(ATTITUDE.contains(v) || REPORTING.contains(v)) {
        return true; // an inflected or irregular form (`stress` is a base)
    }
    if verb > head + 1 && tokens[verb - 1].word && super::is_between(tokens[verb - 1].text(text)) {
        return true; // `would like`, `did not want`
    }
    // `China and Russia support`; not `the mental and emotional stress`.
    let joined_to_a_name = |and: usize| {
        and >= 1
            && super::lower_is(tokens[and], text, "and")
            && (tokens[and - 1].capitalized(text) || tokens[and - 1].text(text).ends_with('s'))
    };
    if head >= 2 && joined_to_a_name(head - 1) || head >= 3 && joined_to_a_name(head - 2) {
        return true;
    }
    // `a Dallas call center`: after `a`, the head is one, whatever its
    // ending.
    if head >= 1 && super::lower_is_any(tokens[head - 1], text, &["a", "an"]) {
        return false;
    }
    let h = tokens[head].text(text);
    let possessive = super::is_possessive(h);
    // `Six in 10 say`, `56 percent say`, `Most say`: counts of people.
    let count = h.bytes().all(|b| b.is_ascii_digit()) && h != "1";
    // `this type of stress`: `this`, `his` and `its` are no plurals.
    let plural = h.ends_with('s')
        && !h.ends_with("ss")
        && !possessive
        && !is_one_of(h, &["this", "his", "its", "is", "was", "has", "does", "us"]);
    plural
        || count
        || is_one_of(
            h,
            &[
                "police", "people", "staff", "men", "women", "military", "public", "data", "they",
                "we", "i", "you", "who", "percent", "most", "many", "some", "few", "all", "both",
                "those", "these",
            ],
        )
        || SMALL_NUMBER.contains(h) && !h.eq_ignore_ascii_case("one")
}

/// The source of an attitude verb at token `i` anywhere in a sentence: the
/// name or noun phrase for people just before it (`when President Obama
/// painted`, `as the campaign sees it`).
pub(super) fn attitude_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    names: &Names,
) -> Option<Attribution> {
    let t = *tokens.get(i)?;
    // A word must come before (the subject or an auxiliary), or the `%` of
    // a share: checked first, as it is cheaper than the verb lookup.
    let percent = i > 0 && tokens[i - 1].punct(text) == Some('%');
    if !t.word || i == 0 || !(tokens[i - 1].word || percent) || t.capitalized(text) {
        return None;
    }
    let w = t.text(text);
    if !attitude_verb(w) || in_capitals(w) {
        return None;
    }
    // `56 percent would vote for`: a share of those polled.
    if let Some(share) = super::share::share_at(text, tokens, i) {
        return Some(share);
    }
    if percent {
        return None;
    }
    if reports_nothing(text, tokens, i) {
        return None;
    }
    if let Some(found) = contracted_subject(text, tokens, i) {
        return Some(found);
    }
    // `a featured speaker`: after a determiner it is an adjective.
    if DETERMINER.contains(tokens[i - 1].text(text)) {
        return None;
    }
    // `Presidential debates`, `the Clean Power Plan rules`, `Republican
    // claims`: after an adjective or inside a name, a plural that is also
    // a verb is a noun.
    let p = tokens[i - 1].text(text);
    let part_of_name = i >= 2 && tokens[i - 2].capitalized(text); // `Paul Ryan plans`
    // `other Western states`: `-ern` makes an adjective of a direction;
    // `Japanese comments`, `British rules`: `-ese` and `-ish` of a people.
    let adjective = ["al", "ic", "an", "ern", "ese", "ish"]
        .iter()
        .any(|end| p.ends_with(end))
        && !part_of_name;
    if NOUN_PLURALS.contains(w) && (adjective || in_a_name(text, tokens, i)) {
        return None;
    }
    if plural_before_auxiliary(text, tokens, i) {
        return None;
    }
    let mut end = i;
    while end > 0 && tokens[end - 1].word && super::is_between(tokens[end - 1].text(text)) {
        let b = tokens[end - 1].text(text);
        if b.eq_ignore_ascii_case("been") || (is_form_of_be(b) && !w.ends_with("ing")) {
            return None; // `was asked`, `has been accused`
        }
        end -= 1;
    }
    // A participle or a noun (`the meeting`), except in `with X -ing`,
    // checked below.
    let participle = w.ends_with("ing") && end == i;
    let head = *tokens.get(end.checked_sub(1)?)?;
    let h = head.text(text);
    if !head.word || !agrees(text, tokens, end - 1, i) {
        return None;
    }
    let rule = "source.attitude";
    // Pronouns inside a sentence do too many other things (`as he welcomed
    // guests`, `which confirmed …`): only a name or a noun for people,
    // except in a speech tag right after a quotation (`,” she yells`).
    let speech_tag =
        end >= 2 && matches!(tokens[end - 2].punct(text), Some('”' | '"' | '»')) && end == i;
    if SUBJECT_PRONOUN.contains(h) && speech_tag {
        return Some(found(tokens, end - 1, end - 1, i, "source.speech_tag"));
    }
    // `as he praised`, `because she refused`, `but they insisted`: a
    // pronoun that opens a clause of its own, before an inflected verb.
    let opens_clause = end >= 2
        && (super::lower_is_any(
            tokens[end - 2],
            text,
            &["as", "because", "when", "but", "after", "while"],
        ) || end >= 3
            // `…, and he speculated that`: a clause of its own after a
            // comma (without one, `Trump and he agreed` joins subjects).
            && super::lower_is_any(tokens[end - 2], text, &["and", "so"])
            && tokens[end - 3].punct(text) == Some(','));
    let inflected = w.ends_with("ed") || w.ends_with('s') || IRREGULAR_PAST.contains(w);
    if SUBJECT_PRONOUN.contains(h) && opens_clause && inflected && end == i {
        return Some(found(tokens, end - 1, end - 1, i, "source.attitude"));
    }
    // `Mr. Obama, who understood`, `some agents, who thought`: `who` after a
    // comma describes the phrase before it, and is the source of its verb,
    // as in `, who said`. Without the comma (`people who want`), it picks
    // out a group, which is seldom a source.
    let described = end >= 2 && tokens[end - 2].punct(text) == Some(',');
    let finite = inflected || ATTITUDE_IRREGULAR_FORM.contains(w) || end < i;
    if h.eq_ignore_ascii_case("who") && described && finite {
        return Some(found(tokens, end - 1, end - 1, i, "source.attitude"));
    }
    if SUBJECT_PRONOUN.contains(h) || is_relative(h) || !head_like(text, tokens, end - 1, 0, names)
    {
        return None;
    }
    let first = super::noun_phrase_start(text, tokens, end)?;
    let first = super::list_start(text, tokens, first, end);
    // `She said Trump favors …`, `noted that Trump supported …`: a clause
    // reported by another source is its content, not a new attribution.
    if super::reported_clause(text, tokens, tokens[first].span, w) {
        return None;
    }
    // The phrase must open like a subject (`the campaign`, `Mr. Obama`,
    // `voters`), and not be the object of a preposition (`in the wake of
    // the New York Times report`).
    let opening = tokens[first];
    let o = opening.text(text);
    let opens = opening.capitalized(text)
        || DETERMINER.contains(o)
        || QUANTIFIER.contains(o)
        || AGENT.contains(o)
        || is_one_of(
            o,
            &[
                "many", "some", "most", "few", "other", "both", "former", "fellow", "longtime",
            ],
        );
    // `a New York Times report`: after `a`, a base form is a noun.
    let singular = o.eq_ignore_ascii_case("a") || o.eq_ignore_ascii_case("an");
    if singular && ATTITUDE.contains(w) && !w.ends_with('s') && !w.ends_with("ed") {
        return None;
    }
    let before = first.checked_sub(1).map(|k| tokens[k]);
    // `with Russia backing the government`: the subject of a participle.
    let absolute = before.is_some_and(|b| b.word && b.text(text).eq_ignore_ascii_case("with"));
    let object = before.is_some_and(|b| b.word && PREPOSITION.contains(b.text(text)));
    // `while the FBI investigated her role`: a background action, seldom an
    // attribution (1 in 6 on polnear-dev).
    let background = before.is_some_and(|b| b.word && b.text(text).eq_ignore_ascii_case("while"));
    let allowed = if participle {
        absolute
    } else {
        !object && !background
    };
    if object && !participle && opens {
        // `The section of the debate devoted to racial issues revealed`.
        let whole = super::whole_subject(text, tokens, first, i, 0.4)?;
        return Some(Attribution { rule, ..whole });
    }
    if !opens || !allowed {
        return None;
    }
    if first == 0 && !names.contains(tokens[0].text(text)) && !AGENT.contains(tokens[0].text(text))
    {
        // Sentence openings are the job of `sentence_subject`.
        return None;
    }
    Some(found(tokens, first, end - 1, i, rule))
}

/// Whether the plural at token `i` ends the name of a thing, so that it is
/// a noun and not a verb: capitalized words after `of` or a possessive (`a
/// set of Clean Air Act rules`, `the Agency’s Clean Power Plan rules`,
/// `China’s South China Sea claims`), or a place after `the` with nothing
/// after the plural (`after the Paris attacks.`). After a person's name
/// (`Hillary Clinton plans`, `Joseph Brown of Marion Avenue Baptist Church
/// plans`) it is a verb.
pub(super) fn in_a_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let mut run = i;
    while run > 0
        && tokens[run - 1].capitalized(text)
        && !super::is_possessive(tokens[run - 1].text(text))
    {
        run -= 1;
    }
    let Some(before) = run.checked_sub(1).map(|k| tokens[k]) else {
        return false;
    };
    // `Pastor Joseph Brown of Marion Avenue Baptist Church plans`: after a
    // person's name, `of` names whom the person speaks for.
    let of =
        super::lower_is(before, text, "of") && !(run >= 2 && tokens[run - 2].capitalized(text));
    let of_a_name = i - run >= 2 && (of || super::is_possessive(before.text(text)));
    let the_place = i - run == 1
        && super::lower_is(before, text, "the")
        && tokens.get(i + 1).is_some_and(|n| !n.word);
    of_a_name || the_place
}

/// Whether the word at token `i`, ending in `-s`, is a plural noun that
/// heads its sentence's subject, for an auxiliary follows it (`email
/// issues certainly aren’t big enough`): no verb.
fn plural_before_auxiliary(text: &str, tokens: &[Token], i: usize) -> bool {
    let w = tokens[i].text(text);
    if !w.ends_with('s') || w.ends_with("ss") {
        return false;
    }
    let mut n = i + 1;
    while tokens
        .get(n)
        .is_some_and(|t| t.word && t.text(text).ends_with("ly"))
    {
        n += 1;
    }
    tokens.get(n).is_some_and(|t| {
        let a = t.text(text);
        t.word && (AUXILIARY.contains(a) || a.ends_with("n't") || a.ends_with("n’t"))
    })
}

/// The pronoun of an auxiliary contracted onto it, before the attitude
/// verb in `-ing` at token `i` with only adverbs between: `He’s
/// predicting`, `he’s not saying`, `she’s been praising`. Past and modal
/// forms (`they’d prefer`, `we’ve seen`, `he’s determined`) mostly state
/// what someone did or would do, so they attribute nothing here; neither
/// does a clause reported by another source (`says he’s backing`).
fn contracted_subject(text: &str, tokens: &[Token], i: usize) -> Option<Attribution> {
    if !tokens[i].text(text).ends_with("ing") {
        return None;
    }
    let mut k = i;
    let mut been = false;
    while k > 0 && tokens[k - 1].word && super::is_between(tokens[k - 1].text(text)) {
        let b = tokens[k - 1].text(text);
        if is_form_of_be(b) {
            if been || !b.eq_ignore_ascii_case("been") {
                return None; // `she’s is`: no verb phrase
            }
            been = true;
        }
        k -= 1;
    }
    let head = *tokens.get(k.checked_sub(1)?)?;
    let h = head.text(text);
    let cut = super::pronoun_contraction(h)?;
    let auxiliary = &h[cut + h[cut..].chars().next().map_or(1, char::len_utf8)..];
    // `is saying`, `has been saying`, `are hoping`, `had been urging`.
    let fits = if been {
        ["s", "ve", "d"].contains(&auxiliary)
    } else {
        ["s", "re", "m"].contains(&auxiliary)
    };
    let source = Span::new(head.span.start, head.span.start + cut);
    let reported = super::reported_clause(text, tokens, source, tokens[i].text(text));
    (fits && SUBJECT_PRONOUN.contains(&h[..cut]) && !reported).then_some(Attribution {
        source,
        cue: tokens[i].span,
        score: 0.4,
        rule: "source.attitude",
    })
}

/// The subject of an attitude verb that follows a description between
/// commas at the start of a sentence: `The program, called EB-5, allows`,
/// `The Europeans, who had been cut out of the talks, derided`. Only an
/// inflected verb counts; a base form or a participle after a comma goes
/// on with the description.
pub(super) fn attitude_after_description(
    text: &str,
    tokens: &[Token],
    i: usize,
) -> Option<Attribution> {
    let t = *tokens.get(i)?;
    if !t.word || i < 2 || tokens[i - 1].punct(text) != Some(',') || t.capitalized(text) {
        return None;
    }
    let w = t.text(text);
    let inflected =
        w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") || IRREGULAR_PAST.contains(w);
    // `…, encouraged by the United States`: a passive participle after a
    // clause, not the verb after a description.
    let passive = word_at(text, tokens, i + 1, "by");
    if !inflected || passive || !attitude_verb(w) || reports_nothing(text, tokens, i) {
        return None;
    }
    let source = super::subject_before(text, tokens, i)?;
    (source.start == tokens[0].span.start).then_some(Attribution {
        source,
        cue: t.span,
        score: 0.4,
        rule: "source.attitude",
    })
}

fn found(
    tokens: &[Token],
    first: usize,
    last: usize,
    verb: usize,
    rule: &'static str,
) -> Attribution {
    Attribution {
        source: Span::new(tokens[first].span.start, tokens[last].span.end),
        cue: tokens[verb].span,
        score: 0.4,
        rule,
    }
}

/// The first token of the sentence's subject, after openers and an
/// introductory phrase.
pub(super) fn subject_start(text: &str, tokens: &[Token]) -> Option<usize> {
    let mut s = skip_openers(text, tokens, dateline_end(text, tokens));
    let t = *tokens.get(s)?;
    if !t.word {
        return None;
    }
    let w = t.text(text);
    if is_one_of(w, &["what", "how", "why", "whether", "whatever"]) {
        return None; // `What Mr. Trump considers smart …`
    }
    // Up to two introductory phrases: `Once in my early 20s, when my mother
    // mentioned the devil, I laughed …`.
    for _ in 0..2 {
        let Some(t) = tokens.get(s).filter(|t| t.word) else {
            break;
        };
        let w = t.text(text);
        let adverb = w.ends_with("ly")
            && tokens
                .get(s + 1)
                .is_some_and(|n| n.punct(text) == Some(','));
        // `Hours later,`, `Two days earlier,`, `A year ago,`: a time.
        let time_ago = || {
            (s + 1..tokens.len().min(s + 4)).any(|k| {
                tokens[k].word
                    && is_one_of(tokens[k].text(text), &["later", "earlier", "ago"])
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| n.punct(text) == Some(','))
                    && tokens[s..k].iter().all(|t| t.word)
            })
        };
        // `Chastened by the analyses,`, `Looking out at a crowd,`: a
        // participle phrase, whose next word is a preposition, a particle
        // or a determiner (`Manning said`, `Voting rights advocates` are
        // subjects).
        let participle = t.capitalized(text)
            && (w.ends_with("ing") || w.ends_with("ed"))
            && !w.eq_ignore_ascii_case("according")
            && tokens.get(s + 1).is_some_and(|n| {
                let next = n.text(text);
                n.word
                    && !n.capitalized(text)
                    && (PREPOSITION.contains(next)
                        || DETERMINER.contains(next)
                        || is_one_of(next, &["out", "up", "back", "down", "clear", "aside"]))
            });
        if !INTRO.contains(w) && !adverb && !time_ago() && !participle {
            break;
        }
        let comma = (s + 1..tokens.len().min(s + 16)).find(|&k| tokens[k].punct(text) == Some(','));
        let comma = match comma {
            Some(comma) => comma,
            None if participle && !INTRO.contains(w) => break,
            None => return None,
        };
        // `Speaking in Salem, New Hampshire, Trump`: a state closes the
        // town; `On Thursday, however, Trump`: a connective may follow.
        s = skip_openers(text, tokens, state_after_town(text, tokens, comma + 1));
    }
    tokens.get(s).is_some_and(|t| t.word).then_some(s)
}

/// The first token at or after `s` that is not a connective opening the
/// clause (`But`, `Meanwhile,`, `however,`, `What’s more,`).
fn skip_openers(text: &str, tokens: &[Token], mut s: usize) -> usize {
    loop {
        let what_is_more = word_at_any(text, tokens, s, &["what’s", "what's"])
            && word_at(text, tokens, s + 1, "more")
            && tokens
                .get(s + 2)
                .is_some_and(|t| t.punct(text) == Some(','));
        if what_is_more {
            s += 3;
            continue;
        }
        if !tokens
            .get(s)
            .is_some_and(|t| t.word && OPENER.contains(t.text(text)))
        {
            return s;
        }
        s += 1;
        if tokens.get(s).is_some_and(|t| t.punct(text) == Some(',')) {
            s += 1;
        }
    }
}

/// Past a state and its comma at token `s` when the phrase before named a
/// town (`in Salem, New Hampshire,`): the first token after them, else `s`.
fn state_after_town(text: &str, tokens: &[Token], s: usize) -> usize {
    for len in [1, 2] {
        let Some(last) = tokens.get(s + len - 1) else {
            break;
        };
        let comma = tokens
            .get(s + len)
            .is_some_and(|t| t.punct(text) == Some(','));
        if comma
            && tokens[s..s + len].iter().all(|t| t.capitalized(text))
            && super::words::is_us_state(&text[tokens[s].span.start..last.span.end])
        {
            return s + len + 1;
        }
    }
    s
}

/// Whether token `k` can end a subject: a name, or a noun for people,
/// organizations or documents.
fn head_like(text: &str, tokens: &[Token], k: usize, start: usize, names: &Names) -> bool {
    let t = tokens[k];
    let w = t.text(text);
    if super::is_possessive(w) {
        return false; // `Trump's comments`
    }
    if AGENT.contains(w) {
        return true;
    }
    if !t.capitalized(text) || DETERMINER.contains(w) || QUANTIFIER.contains(w) || is_stop(w) {
        return false;
    }
    // A capital opening the sentence is a name only if the article also
    // writes the word with a capital elsewhere.
    k > start || names.contains(w)
}

/// After a head ending before token `next`: the last token of the source
/// (with a description between commas, or a bracketed tag) and the token
/// where its predicate starts. `None` when the phrase goes on.
fn after_head(text: &str, tokens: &[Token], next: usize) -> Option<(usize, usize)> {
    let t = *tokens.get(next)?;
    match t.punct(text) {
        Some('(') => {
            let close = (next + 1..tokens.len().min(next + 8))
                .find(|&k| tokens[k].punct(text) == Some(')'))?;
            let (last, at) = after_head(text, tokens, close + 1)?;
            Some((last.max(close), at))
        }
        Some(',') => {
            let comma_after = |from: usize| {
                (from..tokens.len().min(from + 14)).find(|&k| tokens[k].punct(text) == Some(','))
            };
            let mut close = comma_after(next + 2)?;
            let clause =
                !tokens[next + 1].word || super::phrase::opens_clause(text, tokens, next + 1);
            if clause {
                return Some((next - 1, close + 1));
            }
            // `Marvin Teske, 53, a security guard at a casino, is backing`:
            // a second description right after the first.
            if plain_verb_at(text, tokens, close + 1).is_none()
                && tokens.get(close + 1).is_some_and(|t| t.word)
                && !super::phrase::opens_clause(text, tokens, close + 1)
                && let Some(second) = comma_after(close + 2)
                && plain_verb_at(text, tokens, second + 1).is_some()
            {
                close = second;
            }
            Some((close, close + 1))
        }
        _ if t.word => {
            let w = t.text(text);
            // `The Washington Post on Thursday endorsed`: a time phrase
            // ends the subject; the verbs skip it.
            let time = past_time_phrase(text, tokens, next) != next;
            if JOINER.contains(w) && tokens.get(next + 1).is_some_and(|n| n.word) && !time {
                return None;
            }
            Some((next - 1, next))
        }
        _ => None,
    }
}

/// The token of the active verb at or after token `k` (past auxiliaries and
/// adverbs), if the words there read as one.
fn verb_at(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let mut v = past_time_phrase(text, tokens, k); // `the Supreme Court this month rejected`
    let mut aux = false;
    while let Some(t) = tokens.get(v)
        && t.word
        && super::is_between(t.text(text))
    {
        let w = t.text(text);
        if is_form_of_be(w) {
            // `is seizing on` is active, and `has been critical of`, `are
            // afraid that` state a stance; `is expected`, `was arrested` and
            // `is a senator` do not.
            let mut a = v + 1;
            while tokens.get(a).is_some_and(|t| {
                t.word && (DEGREE.contains(t.text(text)) || super::is_between(t.text(text)))
            }) {
                a += 1;
            }
            let next = tokens.get(a)?;
            let w = next.text(text);
            if let Some(said) = reported_as_saying(text, tokens, a) {
                return Some(said);
            }
            let progressive = tokens[v + 1..a]
                .iter()
                .all(|t| super::is_between(t.text(text)))
                && w.ends_with("ing")
                && (attitude_verb(w) && !reports_nothing(text, tokens, a)
                    || states_a_view(text, tokens, a)
                    || reports_after_to(text, tokens, a));
            // `are more likely to say`: what the subject would report
            // (`likely`, read as an adverb above, is the word before); `are
            // quick to point out`: what it hurries to report.
            let likely = reports_after_to(text, tokens, a - 1) || reports_after_to(text, tokens, a);
            return (next.word && (progressive || likely || STANCE.contains(w))).then_some(a);
        }
        aux = true;
        v += 1;
    }
    let t = *tokens.get(v)?;
    let w = t.text(text);
    if t.word && !t.capitalized(text) {
        // The subject agrees with `went`, which stands for the verb after
        // `to`.
        if verb_after_to(text, tokens, v).is_some() {
            return reports_after_to(text, tokens, v).then_some(v);
        }
        if states_a_view(text, tokens, v) {
            return Some(v);
        }
    }
    let verb = t.word
        && !t.capitalized(text)
        && attitude_verb(w)
        && !(NOUN_PLURALS.contains(w) && in_a_name(text, tokens, v))
        && (aux || !plural_before_auxiliary(text, tokens, v));
    let reports = verb && !reports_nothing(text, tokens, v);
    (reports && (aux || !w.ends_with("ing"))).then_some(v)
}

/// Whether `take` at token `v` opens an attack or a stance, with up to
/// two words between: `took aim at`, `took multiple swipes at`, `has
/// taken a firm stance against`.
fn takes_a_swipe(text: &str, tokens: &[Token], v: usize) -> bool {
    (v + 1..tokens.len().min(v + 4)).any(|k| {
        let next = |words: &[&str]| word_at_any(text, tokens, k + 1, words);
        let attack = super::lower_is_any(
            tokens[k],
            text,
            &[
                "aim", "swipe", "swipes", "shot", "shots", "jab", "jabs", "potshot", "potshots",
            ],
        ) && next(&["at"]);
        let stance =
            super::lower_is_any(tokens[k], text, &["stance", "stand"]) && next(&["on", "against"]);
        (attack || stance)
            && tokens[v + 1..k].iter().all(|t| {
                t.word && !t.capitalized(text) && !is_stop(t.text(text))
                    || DETERMINER.contains(t.text(text))
            })
    })
}

/// Whether `make` at token `v` has a statement for its object, with
/// only determiners and adjectives between: `made the case`, `made no
/// mention of`, `made lecherous remarks`, `made her first public
/// comments`. Remarks named by a bare `the` or `his` were reported before
/// (`made the pledge at a rally`, `made his remarks during a breakfast`),
/// so they attribute nothing new; in an idiom the determiner belongs to
/// it (`made the case`).
fn makes_a_statement(text: &str, tokens: &[Token], v: usize) -> bool {
    let mut k = v + 1;
    while let Some(t) = tokens.get(k).filter(|t| t.word && !t.capitalized(text)) {
        let w = t.text(text);
        let idiom = MADE_IDIOM.contains(w);
        if idiom || MADE_STATEMENT.contains(w) {
            let back_reference = k == v + 2
                && !idiom
                && super::lower_is_any(
                    tokens[v + 1],
                    text,
                    &["the", "these", "those", "his", "her", "their", "its"],
                );
            return k > v + 1 && !back_reference;
        }
        if k > v + 3 || is_stop(w) && !DETERMINER.contains(w) {
            return false;
        }
        k += 1;
    }
    false
}

/// Nouns that make an idiom with `make`, their determiner included (`make
/// the case`, `make no mention of`).
static MADE_IDIOM: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "case",
        "point",
        "argument",
        "observation",
        "mention",
        "reference",
        "secret",
    ])
});

/// Nouns for a statement that someone makes (`made lecherous remarks`).
static MADE_STATEMENT: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "references",
        "comment",
        "comments",
        "remark",
        "remarks",
        "pronouncement",
        "pronouncements",
        "pitch",
        "plea",
        "appeal",
        "pledge",
        "promise",
        "vow",
        "accusation",
        "accusations",
        "allegation",
        "allegations",
        "claim",
        "claims",
        "prediction",
        "predictions",
        "threat",
        "threats",
    ])
});

/// The reporting verb of a passive that reports the subject's words
/// (token `a` is the participle after the form of `be`): `was quoted as
/// saying`, `is said to have told`, `is reported to have said`, `was heard
/// telling`.
fn reported_as_saying(text: &str, tokens: &[Token], a: usize) -> Option<usize> {
    let passive = tokens.get(a)?;
    if !super::lower_is_any(
        *passive,
        text,
        &[
            "quoted",
            "heard",
            "overheard",
            "reported",
            "said",
            "recorded",
            "caught",
        ],
    ) {
        return None;
    }
    let mut k = a + 1;
    if word_at_any(text, tokens, k, &["as", "to"]) {
        k += 1;
        if word_at(text, tokens, k, "have") {
            k += 1;
        }
    }
    let verb = tokens.get(k)?;
    let w = verb.text(text);
    // Without `as` or `to`, only a participle follows (`heard telling`).
    let said = verb.word
        && (k > a + 1 || w.ends_with("ing"))
        && (REPORTING.contains(w) || attitude_verb(w))
        && !reports_nothing(text, tokens, k);
    said.then_some(k)
}

/// Whether token `k` exists and is the word `w`, ignoring ASCII case.
fn word_at(text: &str, tokens: &[Token], k: usize, w: &str) -> bool {
    tokens.get(k).is_some_and(|t| super::lower_is(*t, text, w))
}

/// Whether token `k` exists and is one of `words`, ignoring ASCII case.
fn word_at_any(text: &str, tokens: &[Token], k: usize, words: &[&str]) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| super::lower_is_any(*t, text, words))
}

/// Whether the verb at token `v` stands for an attitude verb after `to`
/// that reports (`went on to praise`, `is continuing to insist`).
fn reports_after_to(text: &str, tokens: &[Token], v: usize) -> bool {
    verb_after_to(text, tokens, v).is_some_and(|a| {
        let verb = tokens[a];
        verb.word && attitude_verb(verb.text(text)) && !reports_nothing(text, tokens, a)
    })
}

/// The token after `went on to` (`Obama went on to praise Clinton`, `goes
/// on to say`), `appeared to`, `continued to`, `likely to` or `began to`
/// (or `began` before a gerund): the subject's own verb.
fn verb_after_to(text: &str, tokens: &[Token], v: usize) -> Option<usize> {
    let is = |k: usize, w: &str| word_at(text, tokens, k, w);
    let go = super::lower_is_any(tokens[v], text, &["go", "goes", "went", "going", "gone"]);
    if go && is(v + 1, "on") && is(v + 2, "to") && v + 3 < tokens.len() {
        return Some(v + 3);
    }
    // `appeared to blame`, `seems to suggest`: the verb after `to` is what
    // the subject did, seen from outside; `continues to insist` is what
    // it still does, `began to hint` what it started doing, `is likely to
    // say` what it would do.
    let seem = super::lower_is_any(
        tokens[v],
        text,
        &[
            "appear",
            "appears",
            "appeared",
            "seem",
            "seems",
            "seemed",
            "continue",
            "continues",
            "continued",
            "continuing",
            "likely",
            "unlikely",
            // `Democrats are quick to note`, `was careful to stress`.
            "quick",
            "eager",
            "careful",
            "keen",
            "reluctant",
            "willing",
        ],
    );
    let begin = super::lower_is_any(
        tokens[v],
        text,
        &[
            "begin", "begins", "began", "begun", "start", "starts", "started",
        ],
    );
    if (seem || begin) && is(v + 1, "to") && v + 2 < tokens.len() {
        return Some(v + 2);
    }
    // `have begun urging`, `started calling`.
    let gerund = tokens
        .get(v + 1)
        .is_some_and(|t| t.word && t.text(text).ends_with("ing"));
    (begin && gerund).then_some(v + 1)
}

/// Whether the verb at token `v` states a view through an idiom: `made it
/// clear that`, `made clear`, `made the case`, `took issue with`, `cast
/// her rival as offering …`, `took to Twitter to say`, `came out against`.
fn states_a_view(text: &str, tokens: &[Token], v: usize) -> bool {
    let is = |k: usize, w: &str| word_at(text, tokens, k, w);
    let verb_is = |forms: &[&str]| super::lower_is_any(tokens[v], text, forms);
    if verb_is(&["make", "makes", "made", "making"]) {
        return is(v + 1, "clear")
            || is(v + 1, "it") && is(v + 2, "clear")
            || makes_a_statement(text, tokens, v);
    }
    if verb_is(&["take", "takes", "took", "taking", "taken"]) {
        // `took to Twitter to say`, `took to the airwaves to argue`.
        let platform_then = || {
            (v + 3..tokens.len().min(v + 6))
                .find(|&k| is(k, "to"))
                .and_then(|k| tokens.get(k + 1))
                .is_some_and(|t| t.word && attitude_verb(t.text(text)))
        };
        return is(v + 1, "issue") && is(v + 2, "with")
            || is(v + 1, "offense")
            || is(v + 1, "to") && platform_then()
            || takes_a_swipe(text, tokens, v);
    }
    if verb_is(&["come", "comes", "came", "coming"]) && is(v + 1, "out") {
        // `came out against the deal`, `has come out in support of Trump`.
        let mut k = v + 2;
        if tokens
            .get(k)
            .is_some_and(|t| t.word && t.text(text).ends_with("ly"))
        {
            k += 1;
        }
        return is(k, "against")
            || is(k, "for")
            || is(k, "in") && (is(k + 1, "support") || is(k + 1, "favor")) && is(k + 2, "of");
    }
    if verb_is(&["cast", "casts", "casting"]) {
        // `cast the Clintons as part of the establishment`; not `cast
        // votes` or `cast their ballots as polls opened`.
        let object = (v + 1..tokens.len().min(v + 7))
            .take_while(|&k| tokens[k].word)
            .map(|k| tokens[k]);
        let mut ballot = false;
        for t in object {
            if super::lower_is(t, text, "as") {
                return !ballot;
            }
            ballot |= super::lower_is_any(
                t,
                text,
                &[
                    "vote", "votes", "ballot", "ballots", "lot", "doubt", "shadow",
                ],
            );
        }
    }
    false
}
