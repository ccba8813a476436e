//! Where a source's noun phrase starts and ends: before a cue (`The
//! Central Election Commission says`), after an inverted cue or `according
//! to` (`said Len Burman, head of the Tax Policy Center.`), with its
//! appositives, bracketed tags, lists of names and the phrases that modify
//! a noun for people.

use super::super::lexicon::{
    AGENT, AUXILIARY, IRREGULAR_PAST, MONTH, PRONOUN, QUANTIFIER, SCALE, SMALL_NUMBER,
    attitude_verb,
};
use super::super::text::Token;
use super::subject::{COORDINATOR, OPENER, SUBJECT_PRONOUN};
use super::words::{DETERMINER, PREPOSITION, ROLE_VERB, TIME_WORD, is_stop, is_us_state};
use super::{
    MAX_SUBJECT, abbreviation_dot, is_between, is_inclusive, is_one_of, is_time_phrase,
    is_time_phrase3, lower_is, lower_is_any, ly_adverb, name_start,
};
use crate::model::Span;

/// Longest appositive after an inverted source, in tokens.
const MAX_APPOSITIVE: usize = 40;

/// The subject noun phrase that ends before the cue at token `cue`.
pub(super) fn subject_before(text: &str, tokens: &[Token], cue: usize) -> Option<Span> {
    let mut end = cue;
    loop {
        if end > 1 && is_time_phrase(text, tokens[end - 2], tokens[end - 1]) {
            end -= 2; // `Sanders on Tuesday said`, `who in 2010 said`
        } else if end > 2
            && is_time_phrase3(text, [tokens[end - 3], tokens[end - 2], tokens[end - 1]])
        {
            end -= 3; // `Trump at the time said`
        } else if let Some(k) = medium_before(text, tokens, end) {
            end = k; // `Trump in a statement said`
        } else if end > 1
            && lower_is(tokens[end - 1], text, "longer")
            && lower_is(tokens[end - 2], text, "no")
        {
            end -= 2; // `he no longer believed`
        } else if end > 0
            && tokens[end - 1].word
            && is_between(tokens[end - 1].text(text))
            // `the daily wrote`: after a determiner it is a noun.
            && !(end > 1 && DETERMINER.contains(tokens[end - 2].text(text)))
            && !modal_name(text, tokens, end - 1)
        {
            end -= 1;
        } else if end > 1
            && end < cue
            && tokens[end - 1].punct(text) == Some(',')
            && tokens[end - 2].word
            && ly_adverb(tokens[end - 2].text(text))
            && ly_adverb(tokens[end].text(text))
        {
            end -= 2; // `she repeatedly, implicitly criticized`
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    // An appositive between commas or dashes: `Name, a spokesman, said`.
    if let Some(c) = tokens[end - 1].punct(text)
        && matches!(c, ',' | '—' | '–' | '-')
    {
        let found = appositive(text, tokens, end - 1, c);
        // `Gov. John Kasich (R-OH), said`: a stray comma after a bracketed
        // tag.
        let after_tag = c == ',' && end >= 2 && tokens[end - 2].punct(text) == Some(')');
        if found.is_some() || !after_tag {
            return found;
        }
        end -= 1;
    }
    let start = noun_phrase_start(text, tokens, end)?;
    // `surveys they had seen still showed`: a lone word after `had` is the
    // verb of a clause, not a subject; a pronoun there is one (`But has he
    // called for`).
    if start + 1 == end
        && start > 0
        && lower_is_any(tokens[start - 1], text, &["had", "has", "have", "having"])
        && !tokens[start].capitalized(text)
        && !PRONOUN.contains(tokens[start].text(text))
    {
        return None;
    }
    let start = list_start(text, tokens, start, end);
    let start = second_object_start(text, tokens, start);
    let start = name_after_object(text, tokens, start, end);
    let start = town_before_state(text, tokens, start, end);
    let start = approximation_start(text, tokens, start);
    Some(Span::new(
        tokens[start].span.start,
        tokens[end - 1].span.end,
    ))
}

/// Whether token `k` is a capitalized modal that ends a name (`Theresa May
/// said`, `Brian May, 60,`), not the verb `may` or `will` (in a title-case
/// headline a capital follows it: `Trump May Say …`).
fn modal_name(text: &str, tokens: &[Token], k: usize) -> bool {
    let w = tokens[k].text(text);
    (w == "May" || w == "Will")
        && k > 0
        && tokens[k - 1].capitalized(text)
        && !tokens
            .get(k + 1)
            .is_some_and(|n| n.word && n.capitalized(text))
}

/// Where a phrase naming the medium of a statement starts, when it ends at
/// `end` and follows its subject without commas: `Trump in a statement
/// said`, `Trump in an interview with Fox News said`, `The senator in a
/// letter to Comey demanded`.
pub(super) fn medium_before(text: &str, tokens: &[Token], end: usize) -> Option<usize> {
    let k = (end.saturating_sub(8)..end.saturating_sub(2))
        .rev()
        .find(|&k| lower_is_any(tokens[k], text, &["in", "during"]))?;
    // No clause inside (`praised Clinton in a new video where she said`).
    let plain = tokens[k..end].iter().all(|t| {
        let w = t.text(text);
        (t.word || t.punct(text) == Some('.')) && !PRONOUN.contains(w) && !is_relative(w)
    });
    (k > 0 && tokens[k - 1].word && medium_opens(text, tokens, k, end) && plain).then_some(k)
}

/// Whether a phrase naming the medium of a statement opens at token `k`
/// with its noun before token `end`: `in a statement`, `during an
/// interview`, `in his speech`. `a`, `an` or a possessive only: `the
/// people in the video said` names which people.
pub(super) fn medium_opens(text: &str, tokens: &[Token], k: usize, end: usize) -> bool {
    k + 2 < end.min(tokens.len())
        && lower_is_any(tokens[k], text, &["in", "during"])
        && lower_is_any(
            tokens[k + 1],
            text,
            &["a", "an", "his", "her", "their", "its"],
        )
        && tokens[k + 2..end.min(k + 5)].iter().any(|t| {
            lower_is_any(
                *t,
                text,
                &[
                    "interview",
                    "statement",
                    "letter",
                    "tweet",
                    "post",
                    "speech",
                    "op-ed",
                    "email",
                    "memo",
                    "video",
                    "appearance",
                    "call",
                    "message",
                    "conversation",
                    "remarks",
                    "address",
                    "column",
                    "essay",
                    "editorial",
                ],
            )
        })
}

/// Where a phrase that starts with a number or a share starts when words
/// before it say how near or how large it is: `About 4 in 10 say`, `more
/// than 40 percent said`, `at least 12 people told`, `Less than a third
/// agreed`.
fn approximation_start(text: &str, tokens: &[Token], start: usize) -> usize {
    let hedged = super::share::hedged_start(text, tokens, start);
    if hedged == start {
        return start; // checked first: most phrases have no hedge before them
    }
    let w = tokens[start].text(text);
    let number = tokens[start].word
        && (w.starts_with(|c: char| c.is_ascii_digit()) || SMALL_NUMBER.contains(w));
    if number || super::share::is_share(text, tokens, start) {
        hedged
    } else {
        start
    }
}

/// Where a phrase that starts at `start` starts when it is a state after
/// the town of a name: `Stacy Baker of Columbia, South Carolina says`. A
/// name there is no state: `remarks at Dowd in San Diego, Hillary Clinton
/// said`.
fn town_before_state(text: &str, tokens: &[Token], start: usize, end: usize) -> usize {
    let name = &text[tokens[start].span.start..tokens[end - 1].span.end];
    if !is_us_state(name) || start < 4 || tokens[start - 1].punct(text) != Some(',') {
        return start;
    }
    let Some(town) = town_before(text, tokens, start - 1) else {
        return start;
    };
    if town < 2 || !tokens[town - 2].capitalized(text) {
        return start;
    }
    noun_phrase_start(text, tokens, start - 1)
        .filter(|&s| s < town - 1)
        .unwrap_or(start)
}

/// The first token of a town named just before token `mark`: capitalized
/// words after `of`, `from` or `in` (`of Columbia`, `from Sumter`).
fn town_before(text: &str, tokens: &[Token], mark: usize) -> Option<usize> {
    let mut town = mark;
    while town > 0 && tokens[town - 1].capitalized(text) {
        town -= 1;
    }
    (town < mark && town > 0 && lower_is_any(tokens[town - 1], text, &["of", "from", "in"]))
        .then_some(town)
}

/// Where a list of names that ends with the phrase `start..end` starts:
/// `the United States, Britain and France`, `Jeff Merkley (D-Ore.),
/// Sherrod Brown (D-Ohio) and Robert Menendez`. A comma joins only in a
/// list that ends with `and`, so `In Washington, Obama said` stays `Obama`.
pub(super) fn list_start(text: &str, tokens: &[Token], start: usize, end: usize) -> usize {
    let mut start = start;
    let mut listed = tokens[start..end].iter().any(|t| lower_is(*t, text, "and"));
    loop {
        // `Martin O’Malley (D) and former Arkansas Gov. Mike Huckabee (R)`:
        // a name after its title `former`.
        let named = tokens[start].capitalized(text)
            || lower_is(tokens[start], text, "former")
                && tokens.get(start + 1).is_some_and(|t| t.capitalized(text));
        if start < 2 || !named {
            return start;
        }
        let joiner = tokens[start - 1];
        let and = lower_is(joiner, text, "and");
        if !(and || joiner.punct(text) == Some(',') && listed) {
            return start;
        }
        let mut item_end = start - 1;
        // The item's bracketed tag: `(D-Ore.)`.
        if tokens[item_end - 1].punct(text) == Some(')')
            && let Some(k) = (item_end.saturating_sub(9)..item_end - 1)
                .rev()
                .find(|&k| tokens[k].punct(text) == Some('('))
        {
            item_end = k;
        }
        let mut item = name_start(text, tokens, item_end, 0);
        // `However, Sen. Bernie Sanders and …`: a connective before a comma
        // is no item of the list.
        let connective = item + 1 == item_end
            && tokens[item].word
            && (OPENER.contains(tokens[item].text(text))
                || lower_is_any(tokens[item], text, &["today", "yesterday"]));
        if item == item_end || connective {
            return start;
        }
        if item > 0 && lower_is(tokens[item - 1], text, "the") {
            item -= 1;
        }
        listed |= and;
        start = item;
    }
}

/// Where a phrase that starts at `start` starts when it is the second
/// object of a preposition after a noun for people: `Experts on North
/// Korea and nuclear nonproliferation said`, `Political observers in
/// Virginia and around the country say`.
fn second_object_start(text: &str, tokens: &[Token], start: usize) -> usize {
    let mut and = start;
    if and >= 1 && tokens[and - 1].word && PREPOSITION.contains(tokens[and - 1].text(text)) {
        and -= 1; // `and around the country`
    }
    if and < 2 || !lower_is(tokens[and - 1], text, "and") {
        return start;
    }
    let Some(left) = noun_phrase_start(text, tokens, and - 1) else {
        return start;
    };
    let modified = (left + 1..and - 1).any(|k| {
        tokens[k].word
            && PREPOSITION.contains(tokens[k].text(text))
            && tokens[k - 1].word
            && AGENT.contains(tokens[k - 1].text(text))
    });
    if modified { left } else { start }
}

/// Where the source starts when the phrase `start..end` before a cue is an
/// object with a clause after it (`invoked the famous story John F.
/// Kennedy told`, `In a Bloomberg interview Trump declared`): a name right
/// after a noun that is no title for people starts the clause, and is the
/// source. A title keeps its name (`the talk radio host Rush Limbaugh`).
fn name_after_object(text: &str, tokens: &[Token], start: usize, end: usize) -> usize {
    // After `and`, `but` or `or` the phrase opens a clause of its own
    // (`, and a story by the website Politico says`).
    let object = start > 0
        && tokens[start - 1].word
        && !COORDINATOR.contains(tokens[start - 1].text(text))
        && DETERMINER.contains(tokens[start].text(text));
    if !object {
        return start;
    }
    let name = name_start(text, tokens, end, start + 1);
    let before = tokens[name - 1];
    let plain_noun = name < end
        && name - 1 > start
        && before.word
        && !is_stop(before.text(text))
        && !matches!(before.text(text), "of" | "for")
        && !before.capitalized(text)
        && !AGENT.contains(before.text(text));
    if plain_noun { name } else { start }
}

/// Whether token `k` is `this`, `these` or `those` before a word that can
/// head a phrase (`These trends`), not a pronoun on its own.
fn is_demonstrative(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens[k].word
        && is_one_of(tokens[k].text(text), &["this", "these", "those"])
        && tokens
            .get(k + 1)
            .is_some_and(|n| n.word && !is_stop(n.text(text)) && !PRONOUN.contains(n.text(text)))
}

/// Works that find or show something, and that name their authors with
/// `by`.
const WORKS: &[&str] = &[
    "study",
    "studies",
    "report",
    "reports",
    "poll",
    "polls",
    "survey",
    "surveys",
    "analysis",
    "analyses",
    "review",
    "audit",
    "investigation",
    "estimate",
    "estimates",
    "story",
    "stories",
    "article",
    "articles",
    "book",
    "column",
    "editorial",
    "memo",
    "paper",
];

/// Whether token `k` is the preposition of `familiar with`, `close to` or
/// `privy to`.
fn familiar_with(text: &str, tokens: &[Token], k: usize) -> bool {
    k >= 1
        && (lower_is(tokens[k], text, "with") && lower_is(tokens[k - 1], text, "familiar")
            || lower_is(tokens[k], text, "to")
                && lower_is_any(tokens[k - 1], text, &["close", "privy"]))
}

/// The first token of the noun phrase that ends just before token `end`.
pub(super) fn noun_phrase_start(text: &str, tokens: &[Token], end: usize) -> Option<usize> {
    let mut start = end;
    while start > 0 && end - start < MAX_SUBJECT {
        let t = tokens[start - 1];
        if t.word {
            let w = t.text(text);
            // `an official familiar with the matter said`, `people familiar
            // with the talks`, `sources close to her campaign`, `Those close
            // to him`: the phrase that says who a source is.
            if start >= 2 && start < end && familiar_with(text, tokens, start - 1) {
                start -= 2;
                continue;
            }
            let object_pronoun = is_one_of(
                w,
                &[
                    "her", "his", "him", "their", "them", "its", "our", "us", "my", "me",
                ],
            );
            if object_pronoun && start >= 3 && familiar_with(text, tokens, start - 2) {
                start -= 1; // `her`, `him`: the preposition comes next
                continue;
            }
            // `A poll conducted by Quinnipiac`, `records compiled by the
            // Center for Responsive Politics`, `an email unearthed by
            // WikiLeaks`: who made a document belongs to the phrase.
            // `Data released Monday by the Labor Department`: a day may
            // come between the participle and `by`.
            let day = usize::from(start >= 4 && TIME_WORD.contains(tokens[start - 2].text(text)));
            let made_by = w.eq_ignore_ascii_case("by")
                && start >= 3 + day
                && start < end
                && is_participle(tokens[start - 2 - day].text(text))
                && AGENT.contains(tokens[start - 3 - day].text(text));
            if made_by {
                start -= 2 + day;
                continue;
            }
            // `a study by the Institute for Statecraft found`, `an
            // analysis by Lily Batchelder`: the author belongs to the work.
            let work_by = w.eq_ignore_ascii_case("by")
                && start >= 2
                && start < end
                && is_one_of(tokens[start - 2].text(text), WORKS);
            if work_by {
                start -= 1;
                continue;
            }
            // A word before a determiner inside the phrase is its verb
            // (`supply an overall cost estimate`, `sent the letter`).
            let before_determiner = start < end
                && tokens[start].word
                && DETERMINER.contains(tokens[start].text(text))
                && !t.capitalized(text)
                && !matches!(
                    w,
                    "all"
                        | "both"
                        | "half"
                        | "and"
                        | "of"
                        | "for"
                        | "at"
                        | "in"
                        | "on"
                        | "from"
                        | "to"
                );
            if before_determiner {
                break;
            }
            // `Developers and supporters in Congress`, `Experts on North
            // Korea`, `advisers to Mr. Obama`: a phrase after a noun for
            // people belongs to it, and so does a second noun after `and`.
            let agent_before = start >= 2
                && start < end
                && (AGENT.contains(tokens[start - 2].text(text))
                    || tokens[start - 2].capitalized(text));
            let joins = w.eq_ignore_ascii_case("and")
                && agent_before
                && (tokens[start].capitalized(text)
                    || DETERMINER.contains(tokens[start].text(text))
                        && tokens.get(start + 1).is_some_and(|t| t.capitalized(text))
                    || AGENT.contains(tokens[end - 1].text(text)));
            let modifies = matches!(w, "in" | "on" | "from" | "to" | "at" | "for" | "of" | "by")
                && start >= 2
                && start < end
                && AGENT.contains(tokens[start - 2].text(text));
            if joins || modifies {
                start -= 1;
                continue;
            }
            // `Commission on Presidential Debates`, `Bank of America`
            let inside_name = matches!(w, "on" | "for" | "of" | "at" | "in" | "to")
                && start >= 2
                && start < end
                && tokens[start - 2].capitalized(text)
                && tokens[start].capitalized(text);
            if inside_name {
                start -= 1;
                continue;
            }
            // `Six in 10 say`, `nine in 10 Democratic voters say`, `8 out
            // of 10 voters`: a ratio of people, as the share rule reads it.
            let opening = if w.eq_ignore_ascii_case("in") {
                Some(2)
            } else if w.eq_ignore_ascii_case("of") {
                Some(3) // `out of`
            } else {
                None
            };
            let ratio = opening.filter(|&o| {
                start >= o
                    && start < end
                    && super::share::share_end(text, tokens, start - o) == Some(start + 1)
            });
            if let Some(o) = ratio {
                start -= o;
                continue;
            }
            // `Politico/Morning Consult`, `Good Morning America`: a word of
            // time with capitals on both sides inside a sentence is part
            // of a name.
            let in_name = start >= 2
                && start < end
                && t.capitalized(text)
                && tokens[start].capitalized(text)
                && is_one_of(w, super::words::PARTS_OF_TIME);
            // `some of her supporters`: after `of`, `her` is possessive, and
            // so is `Her` with a capital (`Her campaign said`).
            let possessive_her = start < end
                && w.eq_ignore_ascii_case("her")
                && (start >= 2 && lower_is(tokens[start - 2], text, "of") || w == "Her");
            if in_name || possessive_her {
                start -= 1;
                continue;
            }
            // `These trends indicate`, `those polls show`: a demonstrative
            // before a noun opens its phrase (alone, `these` is a pronoun
            // and no phrase goes on to the cue).
            if start < end && is_demonstrative(text, tokens, start - 1) {
                start -= 1;
                break;
            }
            // `voters, many of whom say`: a share of those just named.
            let of_whom = start == end
                && start >= 3
                && w.eq_ignore_ascii_case("whom")
                && lower_is(tokens[start - 2], text, "of")
                && (QUANTIFIER.contains(tokens[start - 3].text(text))
                    || SMALL_NUMBER.contains(tokens[start - 3].text(text))
                    || lower_is_any(
                        tokens[start - 3],
                        text,
                        &["many", "some", "all", "none", "few", "both", "half", "each"],
                    ));
            if of_whom {
                start -= 3;
                break;
            }
            if is_stop(w)
                && !(start == end && PRONOUN.contains(w))
                && !modal_name(text, tokens, start - 1)
            {
                break;
            }
            // `all the experts I interviewed said`: a clause without `that`
            // describing the noun before the pronoun.
            let contact_clause = start + 1 == end
                && SUBJECT_PRONOUN.contains(w)
                && tokens[start].text(text).ends_with("ed")
                && start >= 2
                && tokens[start - 2].word
                && !is_stop(tokens[start - 2].text(text))
                && !PRONOUN.contains(tokens[start - 2].text(text));
            if contact_clause {
                start -= 1;
                continue;
            }
            if PRONOUN.contains(w) && start != end {
                break;
            }
            start -= 1;
            if PRONOUN.contains(w) {
                break;
            }
            continue;
        }
        if abbreviation_dot(text, tokens, start - 1) && start >= 2 {
            start -= 1; // the word of the abbreviation comes next
            continue;
        }
        if matches!(t.punct(text), Some('\'' | '’')) {
            start -= 1;
            continue;
        }
        // `A Sept. 15, 2011 email shows`: the comma of a date inside the
        // phrase.
        if let Some(month) = date_before_year(text, tokens, start) {
            start = month;
            continue;
        }
        // `The Reuters/Ipsos poll`: a slash between two words joins them.
        let slash = t.punct(text) == Some('/')
            && start >= 2
            && start < end
            && tokens[start - 2].word
            && tokens[start - 2].span.end == t.span.start
            && tokens[start].span.start == t.span.end;
        if slash {
            start -= 1;
            continue;
        }
        // A bracketed tag after a name: `Sen. Claire McCaskill (D-Mo.)`.
        if t.punct(text) == Some(')')
            && start == end
            && let Some(k) = (start.saturating_sub(8)..start - 1)
                .rev()
                .find(|&k| tokens[k].punct(text) == Some('('))
            && k > 0
            && tokens[k - 1].capitalized(text)
        {
            start = k;
            continue;
        }
        break;
    }
    // Leading words and marks that cannot start a subject (`of`, the
    // `''` of a quotation); a demonstrative before a noun can, and so can a
    // capitalized `Her` (`Her campaign said`).
    while start < end
        && (tokens[start].word
            && (is_stop(tokens[start].text(text)) || lower_is(tokens[start], text, "of"))
            && !(start + 1 < end && is_demonstrative(text, tokens, start))
            && !(start + 1 < end && tokens[start].text(text) == "Her")
            || matches!(tokens[start].punct(text), Some('\'' | '’')))
    {
        start += 1;
    }
    // `the minimum $20 million experts say`: an amount of money before the
    // phrase belongs to the clause before it.
    if start > 0 && matches!(tokens[start - 1].punct(text), Some('$' | '€' | '£')) {
        while start < end
            && tokens[start].word
            && (tokens[start]
                .text(text)
                .starts_with(|c: char| c.is_ascii_digit())
                || SCALE.contains(tokens[start].text(text)))
        {
            start += 1;
        }
    }
    (start < end).then_some(start)
}

/// The source around an appositive that ends with the punctuation token
/// `close` just before the cue.
fn appositive(text: &str, tokens: &[Token], close: usize, mark: char) -> Option<Span> {
    let dash = mark != ',';
    // `Kall -- co-editor of a book -- said`: a doubled hyphen is one dash,
    // and only another one opens the description.
    let doubled = |j: usize| {
        j > 0
            && tokens[j].punct(text) == Some('-')
            && tokens[j - 1].punct(text) == Some('-')
            && tokens[j - 1].span.end == tokens[j].span.start
    };
    let (opener, inner) = if doubled(close) {
        let second = (close.saturating_sub(MAX_APPOSITIVE)..close - 1)
            .rev()
            .find(|&j| doubled(j))?;
        (second - 1, second + 1..close - 1)
    } else {
        let opener =
            (close.saturating_sub(MAX_APPOSITIVE)..close)
                .rev()
                .find(|&j| match tokens[j].punct(text) {
                    Some(',') => !dash,
                    Some('—' | '–' | '-') => dash,
                    _ => false,
                })?;
        (opener, opener + 1..close)
    };
    // `“It’s been years,” McCain said, asked about …`: a comma before a
    // closing quotation mark ends the quotation and opens no description.
    let ends_quotation = tokens[inner.start]
        .punct(text)
        .is_some_and(|c| super::closes_quotation(c) || matches!(c, '\'' | '’'));
    // `her room, Ms. Kostrzewa recalled, asked`: an attribution between
    // commas is an aside, not a description.
    let aside = inner
        .clone()
        .last()
        .is_some_and(|k| tokens[k].word && super::words::INVERTIBLE.contains(tokens[k].text(text)));
    if inner.is_empty() || !dash && ends_quotation || aside {
        return None;
    }
    // `Dean Johnson, a salesman from Sumter, South Carolina, says`: a state
    // after a town closes the description that names the town.
    let state = !dash
        && inner.len() <= 3
        && inner
            .clone()
            .all(|k| tokens[k].capitalized(text) || abbreviation_dot(text, tokens, k));
    if state
        && let Some(town) = town_before(text, tokens, opener)
        && let Some(before) = appositive(text, tokens, opener, mark)
        && before.start < tokens[town].span.start
    {
        // `Trump, speaking at a rally in Wilmington, N.C., warned`: when
        // what names the town is a clause, the source is the phrase before
        // it, as without the state.
        let described = before.end == tokens[opener].span.end;
        return Some(if described {
            Span::new(before.start, tokens[close].span.end)
        } else {
            before
        });
    }
    let mut head_start = noun_phrase_start(text, tokens, opener)?;
    // `Michael Mulgrew, president of the union, which represents …, said`:
    // a name before a first description starts the source.
    if head_start >= 2
        && tokens[head_start - 1].punct(text) == Some(',')
        && !tokens[head_start].capitalized(text)
        && let Some(name) = noun_phrase_start(text, tokens, head_start - 1)
        && tokens[name].capitalized(text)
        && tokens[head_start - 2].capitalized(text)
    {
        head_start = name;
    }
    // `One resident, Mary Kay, 67, said`: a description that opens the
    // sentence before a name starts the source.
    if head_start >= 2
        && tokens[head_start - 1].punct(text) == Some(',')
        && tokens[head_start].capitalized(text)
        && !tokens[head_start - 2].capitalized(text)
        && let Some(description) = noun_phrase_start(text, tokens, head_start - 1)
        && description == 0
        && (DETERMINER.contains(tokens[0].text(text)) || lower_is(tokens[0], text, "one"))
    {
        head_start = description;
    }
    // `Johnnie Wilson, of Springfield, Va., said`: a home town between
    // commas describes the name before it.
    if head_start >= 3
        && lower_is_any(tokens[head_start - 1], text, &["of", "from"])
        && tokens[head_start - 2].punct(text) == Some(',')
        && tokens[head_start - 3].capitalized(text)
        && let Some(name) = noun_phrase_start(text, tokens, head_start - 2)
        && tokens[name].capitalized(text)
    {
        head_start = name;
    }
    let head = head_start..opener;
    let first = tokens[inner.start];
    let w = first.text(text);
    // `Trump, speaking to veterans, said`, `Clinton, at the debate, said`,
    // `Mr. Obama, who knew …, told`: a clause between commas; the source is
    // the phrase before it.
    // `The investigators, from Ukraine's anti-corruption bureau, said`:
    // where a source is from describes it.
    let origin = w.eq_ignore_ascii_case("from") || w.eq_ignore_ascii_case("of");
    let clause = !origin && opens_clause(text, tokens, inner.start);
    if !clause {
        // `Brian Fallon, the campaign's press secretary, said`, `one
        // employee, Andrei Yaroshevich, told`: the source with its
        // description, up to the mark that closes it.
        return Some(Span::new(
            tokens[head.start].span.start,
            tokens[close].span.end,
        ));
    }
    if tokens[head.start].capitalized(text) || !dash {
        return Some(Span::new(
            tokens[head.start].span.start,
            tokens[head.end - 1].span.end,
        ));
    }
    None
}

/// The month of a date `Month Day, Year` whose comma is token `comma - 1`
/// and whose year comes next, inside a phrase (`A Sept. 15, 2011 email`).
fn date_before_year(text: &str, tokens: &[Token], comma: usize) -> Option<usize> {
    let digits = |k: usize, len: std::ops::RangeInclusive<usize>| {
        tokens.get(k).is_some_and(|t| {
            let w = t.text(text);
            t.word && len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
        })
    };
    if comma < 3 || tokens[comma - 1].punct(text) != Some(',') || !digits(comma, 4..=4) {
        return None;
    }
    let day = comma - 2;
    if !digits(day, 1..=2) {
        return None;
    }
    // `Sept. 15`: the dot of the abbreviation comes between.
    let month = if abbreviation_dot(text, tokens, day - 1) {
        day.checked_sub(2)?
    } else {
        day - 1
    };
    (tokens[month].capitalized(text) && MONTH.contains(tokens[month].text(text))).then_some(month)
}

/// Whether the words between commas from token `k` on are a clause or an
/// aside rather than a description of the phrase before them: `Trump,
/// speaking to veterans, said`, `Clinton, at the debate, said`, `Mr. Obama,
/// who knew …, told` (but `who served as ambassador` names a role, and
/// `including …` lists members).
pub(super) fn opens_clause(text: &str, tokens: &[Token], k: usize) -> bool {
    let first = tokens[k];
    let w = first.text(text);
    first.word
        && !is_inclusive(w)
        && (w.ends_with("ing") && !names_a_rank(text, tokens, k)
            || is_stop(w) && !DETERMINER.contains(w)
            || is_relative(w) && !names_a_role(text, tokens, k)
            || opens_aside(text, tokens, k))
}

/// Whether the `-ing` word at token `k` is part of a title before a noun
/// (`managing director`, `ranking member`, `acting chairman`), not a
/// participle that opens a clause.
fn names_a_rank(text: &str, tokens: &[Token], k: usize) -> bool {
    is_one_of(
        tokens[k].text(text),
        &[
            "managing",
            "acting",
            "ranking",
            "founding",
            "leading",
            "visiting",
            "presiding",
            "outgoing",
            "incoming",
            "sitting",
            "reigning",
            "supervising",
            "consulting",
            "polling",
            "marketing",
        ],
    ) && tokens
        .get(k + 1)
        .is_some_and(|n| n.word && !n.capitalized(text) && !is_stop(n.text(text)))
}

/// Whether the words between commas from token `k` on are an aside about
/// the subject's manner or circumstances, not a description of who it is:
/// `Clinton, clearly frustrated, said`, `Some conservatives, taken aback by
/// the response, said`, `The first ad, launched Wednesday, says`, `Donald
/// Trump, despite making an effort …, said`, `The government, for
/// instance, refused`.
fn opens_aside(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = tokens[k];
    if !t.word || t.capitalized(text) {
        return false;
    }
    let w = t.text(text);
    let next = tokens.get(k + 1).filter(|n| n.word && !n.capitalized(text));
    // An adverb before an adjective or a participle; not `formerly of`,
    // `previously a senator`.
    let adverb = w.ends_with("ly")
        && next.is_some_and(|n| {
            let v = n.text(text);
            !DETERMINER.contains(v) && !is_stop(v) && !is_one_of(v, &["of", "for"])
        });
    // A participle, unless it names who made the subject (`The transcript
    // of the debate–published by The Washington Post–`).
    let participle = (w.len() > 4 && w.ends_with("ed")
        || is_one_of(
            w,
            &["taken", "given", "shaken", "driven", "stung", "unbowed"],
        ))
        && !tokens.get(k + 1).is_some_and(|n| lower_is(*n, text, "by"));
    let aside = is_one_of(w, &["despite", "amid", "unlike", "for"])
        && !(w.eq_ignore_ascii_case("for") && next.is_none());
    adverb || participle || aside
}

/// The last token of a description that follows a source and ends its
/// sentence: `said Len Burman, head of the Tax Policy Center.`, `said
/// Joseph, who has four children.` `comma` is the token after the source.
fn trailing_appositive(text: &str, tokens: &[Token], comma: usize) -> Option<usize> {
    if tokens.get(comma)?.punct(text) != Some(',') {
        return None;
    }
    let first = *tokens.get(comma + 1)?;
    let w = first.text(text);
    // `, adding …`, `, and …`, `, more than …` go on with the sentence;
    // `, who emphasized …` is an attribution of its own.
    let comparative = is_one_of(
        w,
        &[
            "more", "less", "fewer", "about", "nearly", "almost", "up", "down",
        ],
    );
    let attributes = is_relative(w)
        && tokens
            .get(comma + 2)
            .is_some_and(|v| v.word && attitude_verb(v.text(text)));
    let opens_description = DETERMINER.contains(w)
        || is_relative(w) && !attributes
        || w.eq_ignore_ascii_case("now")
        || !(w.ends_with("ing") && !names_a_rank(text, tokens, comma + 1)
            || w.ends_with("ly")
            || is_stop(w)
            || QUANTIFIER.contains(w)
            || comparative
            || is_relative(w));
    if !first.word || !opens_description {
        return None;
    }
    let inside = [',', '(', ')', '-', '\'', '’', '&', '/'];
    // `said Tom Vilsack, the secretary of agriculture, pointing to …`: a
    // participle after a comma goes on with the sentence.
    let goes_on = |k: usize| {
        tokens[k].punct(text) == Some(',')
            && tokens.get(k + 1).is_some_and(|t| {
                let w = t.text(text);
                t.word
                    && w.len() > 4
                    && w.ends_with("ing")
                    && w.starts_with(char::is_lowercase)
                    && !is_one_of(
                        w,
                        &[
                            "including",
                            "during",
                            "according",
                            "regarding",
                            "concerning",
                        ],
                    )
            })
    };
    let stop = (comma + 1..tokens.len().min(comma + 1 + MAX_APPOSITIVE)).find(|&k| {
        ends_phrase(text, tokens, k, &inside)
            || k > comma + 1 && (attributes_again(text, tokens, k) || goes_on(k))
    });
    // `according to officials, the committee had raised more`: a noun
    // with its own auxiliary opens the main clause, not a description
    // (`a firm that has …`, `an aide who had …` describe).
    let end = stop.unwrap_or(tokens.len()).min(comma + 7);
    let clause = (comma + 2..end)
        .take_while(|&k| {
            let w = tokens[k - 1].text(text);
            tokens[k - 1].word && !is_relative(w) && !is_one_of(w, &["that", "and", "or"])
        })
        .any(|k| AUXILIARY.contains(tokens[k].text(text)));
    if clause {
        return None;
    }
    match stop {
        Some(k) if attributes_again(text, tokens, k) || goes_on(k) => Some(k - 1),
        Some(k) if matches!(tokens[k].punct(text), Some('.' | ';')) => Some(k - 1),
        None if tokens.len() <= comma + 1 + MAX_APPOSITIVE => Some(tokens.len() - 1),
        _ => None,
    }
}

/// Whether token `k` is a comma that opens a relative clause with a cue of
/// its own (`Matt Bai, a columnist, who said …`): that clause is another
/// attribution, not part of the description before it.
fn attributes_again(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens[k].punct(text) == Some(',')
        && tokens
            .get(k + 1)
            .is_some_and(|t| t.word && is_relative(t.text(text)))
        && tokens
            .get(k + 2)
            .is_some_and(|v| v.word && attitude_verb(v.text(text)))
}

/// Whether the relative clause opened by the pronoun at token `k` says
/// what its noun does for a living or stands for (`who served as`, `which
/// represents`, `who has long studied`): see `ROLE_VERB`.
fn names_a_role(text: &str, tokens: &[Token], k: usize) -> bool {
    let mut v = k + 1;
    while tokens.get(v).is_some_and(|t| {
        t.word
            && (lower_is_any(
                *t,
                text,
                &["has", "have", "had", "now", "also", "long", "currently"],
            ) || is_between(t.text(text)) && t.text(text).ends_with("ly"))
    }) {
        v += 1;
    }
    // `who spoke on the condition of anonymity`: how the source spoke,
    // part of who it is in the article.
    let anonymous = tokens.get(v).is_some_and(|t| lower_is(*t, text, "spoke"))
        && tokens.get(v + 1).is_some_and(|t| lower_is(*t, text, "on"))
        && (v + 2..tokens.len().min(v + 4)).any(|k| lower_is(tokens[k], text, "condition"));
    anonymous
        || tokens
            .get(v)
            .is_some_and(|t| t.word && ROLE_VERB.contains(t.text(text)))
}

/// The last token of a clause that starts at token `from`: the word
/// before the next mark, at most `MAX_APPOSITIVE` tokens on.
fn clause_end(text: &str, tokens: &[Token], from: usize) -> Option<usize> {
    next_mark(text, tokens, from, MAX_APPOSITIVE, &['\'', '’', '-']).map(|k| k - 1)
}

/// The first token from `from` on, among the next `reach`, that
/// [`ends_phrase`].
fn next_mark(
    text: &str,
    tokens: &[Token],
    from: usize,
    reach: usize,
    inside: &[char],
) -> Option<usize> {
    (from..tokens.len().min(from + reach)).find(|&k| ends_phrase(text, tokens, k, inside))
}

/// Whether token `k` is a mark that ends a phrase: neither a word, nor the
/// dot of an abbreviation, nor one of the marks in `inside`.
fn ends_phrase(text: &str, tokens: &[Token], k: usize, inside: &[char]) -> bool {
    !tokens[k].word
        && !abbreviation_dot(text, tokens, k)
        && !tokens[k].punct(text).is_some_and(|c| inside.contains(&c))
}

/// Whether `w` looks like a past participle: `conducted`, `written`,
/// `drawn`, or a common irregular one (`led`, `held`).
fn is_participle(w: &str) -> bool {
    let lower = w.chars().next().is_some_and(char::is_lowercase);
    lower
        && (w.ends_with("ed")
            || w.ends_with("en")
            || w.ends_with("wn")
            || IRREGULAR_PAST.contains(w))
}

#[inline]
pub(super) fn is_relative(w: &str) -> bool {
    if !w.starts_with(['w', 'W']) || w.len() > 10 {
        return false; // most words, at once
    }
    // `Collins, who’d previously endorsed Bush, said`: with a contracted
    // auxiliary too.
    let w = w
        .split_once(['’', '\''])
        .filter(|(_, rest)| is_one_of(rest, &["d", "s", "ve", "ll"]))
        .map_or(w, |(who, _)| who);
    is_one_of(w, &["who", "whose", "which"])
}

/// The noun phrase that starts at token `from` (after an inverted cue or,
/// when `according`, after `according to`).
///
/// No clause follows `according to` directly, so there a word that looks
/// like a verb is a noun or a participle in the phrase (`a new report by
/// Politico`, `talk radio host Rush Limbaugh`, `a complaint filed by the
/// SEC`), and `by` names who made it.
pub(super) fn subject_after(
    text: &str,
    tokens: &[Token],
    from: usize,
    described: bool,
    according: bool,
) -> Option<Span> {
    // `stated that he had access`: what follows is the statement; `said
    // little`, `says otherwise`: how much or what was said (`according to
    // more than 100 economists` names a source).
    if tokens.get(from).is_some_and(|t| {
        lower_is(*t, text, "that")
            || !according
                && lower_is_any(
                    *t,
                    text,
                    &[
                        "little",
                        "much",
                        "otherwise",
                        "more",
                        "less",
                        "plenty",
                        "enough",
                    ],
                )
    }) {
        return None;
    }
    let mut end = from;
    while end < tokens.len() && end - from < MAX_SUBJECT {
        let t = tokens[end];
        if t.word {
            let w = t.text(text);
            if end == from && PRONOUN.contains(w) {
                end += 1;
                break;
            }
            // `head of the caucus` joins; `Stacey Plaskett of the Virgin
            // Islands` adds a place to a name, but `Edward Alden of the
            // Council on Foreign Relations` the body the name speaks for.
            let organization = tokens[end + 1..]
                .iter()
                .skip(1)
                .take_while(|n| n.capitalized(text))
                .any(|n| AGENT.contains(n.text(text)));
            let place = tokens[end - 1].capitalized(text)
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| lower_is(*n, text, "the"))
                && !organization;
            // `Chris Low at FTN Financial`: a name's organization.
            let at_organization = w.eq_ignore_ascii_case("at")
                && end > from
                && tokens[end - 1].capitalized(text)
                && tokens.get(end + 1).is_some_and(|n| n.capitalized(text));
            // `denounced by Trump for its supposed bias`: after a name, `for`
            // gives a reason unless a name goes on (`Americans for
            // Prosperity`).
            let reason = w.eq_ignore_ascii_case("for")
                && end > from
                && tokens[end - 1].capitalized(text)
                && !tokens.get(end + 1).is_some_and(|n| n.capitalized(text));
            let of_joins = (w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("for"))
                && end > from
                && !place
                && !reason
                && tokens.get(end + 1).is_some_and(|n| n.word)
                || at_organization;
            let preposition = w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("for");
            // `from` says where a source comes from (`a poll from Florida
            // Atlantic University`, `said a joint statement from the two
            // agencies`); after `according to`, `by` names the author (`a
            // new report by Politico`).
            // So does `with` after a document filed with a body (`new
            // filings with the Federal Election Commission`).
            let filed_with = according
                && w.eq_ignore_ascii_case("with")
                && end > from
                && AGENT.contains(tokens[end - 1].text(text));
            let by_joins = (w.eq_ignore_ascii_case("from")
                || according && w.eq_ignore_ascii_case("by")
                || filed_with)
                && end > from
                && tokens.get(end + 1).is_some_and(|n| n.word);
            // `Alliance to Reclaim Our Schools`, `Council on Foreign
            // Relations`: `to` or `on` inside a name.
            let to_in_name = (w == "to" || w == "on")
                && end > from
                && tokens[end - 1].capitalized(text)
                && tokens.get(end + 1).is_some_and(|n| n.capitalized(text));
            // `Charles G. and David H. Koch`, `Neera Tanden and Blair Effron`
            let and_names = w == "and"
                && end > from
                && (tokens[end - 1].capitalized(text) || abbreviation_dot(text, tokens, end - 1))
                && tokens.get(end + 1).is_some_and(|n| n.capitalized(text));
            // `42 percent of those responding`, `of those surveyed`
            let of_those = w.eq_ignore_ascii_case("of")
                && end > from
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| lower_is(*n, text, "those"))
                && tokens.get(end + 2).is_some_and(|n| {
                    let p = n.text(text);
                    n.word && (p.ends_with("ing") || p.ends_with("ed"))
                });
            if of_those {
                end += 3;
                break;
            }
            // After `according to`, a participle takes its preposition
            // (`a survey conducted immediately after the debate`, `an ad
            // overview provided to The Washington Post`).
            let after_participle = according
                && end > from + 1
                && {
                    let mut p = end - 1;
                    if tokens[p].text(text).ends_with("ly") && p > from {
                        p -= 1;
                    }
                    let q = tokens[p].text(text);
                    tokens[p].word && !tokens[p].capitalized(text) && q.ends_with("ed")
                }
                && tokens.get(end + 1).is_some_and(|n| n.word);
            // `a source close to the campaign`, `a person familiar with`.
            let familiar = end > from && familiar_with(text, tokens, end);
            let joins =
                of_joins || by_joins || to_in_name || and_names || after_participle || familiar;
            if (is_stop(w) || preposition) && !joins && !DETERMINER.contains(w) {
                break;
            }
            // `said of RT`; `said the event brought back …`: a verb ends
            // the phrase, which then was a clause.
            let after_determiner = end > from && DETERMINER.contains(tokens[end - 1].text(text));
            // An irregular past too (`, said sales fell`: no inverted cue).
            let verb = !t.capitalized(text)
                && !after_determiner
                // `one unaligned Florida Republican strategist`, `an unnamed
                // official`: `un-…-ed` is an adjective.
                && (w.ends_with("ed") && !AGENT.contains(w) && !w.starts_with("un")
                    || w.ends_with("n't")
                    || w.ends_with("n’t")
                    || attitude_verb(w)
                    || end > from && IRREGULAR_PAST.contains(w));
            // After `according to`, a verb-like word after a name is a
            // verb again (`a speech Mrs. Clinton delivered`), and a
            // participle joins only with its agent or what it was done for
            // or among (`filed by`, `exit polls conducted for The
            // Associated Press`).
            let mut after = end + 1;
            if tokens
                .get(after)
                .is_some_and(|n| n.word && n.text(text).ends_with("ly"))
            {
                after += 1;
            }
            let in_phrase = according
                && !tokens[end - 1].capitalized(text)
                && (!w.ends_with("ed")
                    || tokens.get(after).is_some_and(|n| {
                        lower_is_any(
                            *n,
                            text,
                            &["by", "for", "among", "in", "on", "to", "after", "with"],
                        )
                    }));
            // `everyone I interviewed`: a clause describing the phrase
            // keeps its verb.
            let described_by_clause = according
                && end > from + 1
                && PRONOUN.contains(tokens[end - 1].text(text))
                && !PRONOUN.contains(tokens[end - 2].text(text));
            if verb && described_by_clause {
                // The clause runs to the next mark: `experts I spoke to
                // this week about Mrs. Clinton's tax plans,`.
                end = next_mark(text, tokens, end + 1, MAX_SUBJECT - 1, &['\'', '’'])
                    .unwrap_or(end + 1);
                break;
            }
            // `according to recently hacked … documents`: a participle after
            // an adverb that opens the phrase describes what follows.
            let described_ahead = according
                && end == from + 1
                && w.ends_with("ed")
                && tokens[from].text(text).ends_with("ly")
                && !tokens[from].capitalized(text);
            if (end == from && w.eq_ignore_ascii_case("of"))
                || (end > from && verb && !in_phrase && !described_ahead)
            {
                break;
            }
            // `an industry lobbyist who spoke on the condition of anonymity
            // to talk freely`: a clause that describes the source stays
            // whole; any other relative clause ends the phrase.
            if end > from && is_relative(w) {
                if names_a_role(text, tokens, end)
                    && let Some(last) = clause_end(text, tokens, end + 1)
                {
                    end = last + 1;
                }
                break;
            }
            end += 1;
            continue;
        }
        if abbreviation_dot(text, tokens, end) && tokens.get(end + 1).is_some_and(|n| n.word) {
            end += 1;
            continue;
        }
        if matches!(t.punct(text), Some('\'' | '’')) {
            end += 1;
            continue;
        }
        // `9/11 widow Terry Strada`, `a New York Times/CBS News poll`
        let slash = t.punct(text) == Some('/')
            && end > from
            && tokens[end - 1].span.end == t.span.start
            && tokens
                .get(end + 1)
                .is_some_and(|n| n.word && n.span.start == t.span.end);
        if slash {
            end += 1;
            continue;
        }
        break;
    }
    while end > from
        && tokens[end - 1].word
        && (is_stop(tokens[end - 1].text(text))
            || DETERMINER.contains(tokens[end - 1].text(text))
            || lower_is(tokens[end - 1], text, "of"))
    {
        end -= 1; // `said no.`, `by 42 percent of those`
    }
    if end == from {
        return None;
    }
    // `said Ryan Ellis, a Republican tax consultant.` keeps its appositive,
    // and `said Rep. Joseph Crowley (D-N.Y.)` its bracketed tag.
    let mut last = end - 1;
    if tokens.get(end).is_some_and(|t| t.punct(text) == Some('('))
        && let Some(k) =
            (end + 1..tokens.len().min(end + 8)).find(|&k| tokens[k].punct(text) == Some(')'))
    {
        last = k;
    }
    if described && let Some(k) = trailing_appositive(text, tokens, last + 1) {
        last = k;
    }
    Some(Span::new(tokens[from].span.start, tokens[last].span.end))
}
