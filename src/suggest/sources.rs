//! Sources: who a statement, a belief or a judgment is attributed to.
//!
//! A cue is a reporting verb from the lexicon (`said`, `told`, `insists`,
//! `called for` …) or `according to`. The source is the noun phrase that is
//! the cue's subject: before it (`The Central Election Commission says`,
//! `he said`), after it when the order is inverted (`," said Sen. Smith`,
//! `according to AFP`), with its description between commas (`Brian
//! Fallon, the campaign's press secretary, said`, `said Len Burman, head of
//! the Tax Policy Center.`). Pronouns are sources when the text attributes
//! to them (`he said`); a name after a dash signs the quote before it.
//!
//! Beyond reporting verbs, [`subjects`] proposes, with a lower score, the
//! subject of an attitude verb (`Democrats want`, `Trump refuses`, `the
//! group also views`; see `subject.rs`), a share of those polled with its
//! verb of preference (`56 percent would vote for`; see `share.rs`) and
//! the agent of a participle of saying (`was first reported by The
//! Washington Post`). Where a phrase starts and ends is `phrase.rs`'s job.
//!
//! A subject that opens a clause reported by another source (`She said
//! leaders had agreed`) is part of that content and is not proposed, and
//! `suggest` drops sources inside quotations (`"I think …," he said`).
//! The rules read one sentence at a time and never more than a few dozen
//! words around a cue.

use super::lexicon::{
    ABBREVIATION, AGENT, AUXILIARY, IRREGULAR_PAST, MODAL, MONTH, PHRASAL_CUES, PRONOUN,
    QUANTIFIER, REPORTING, SMALL_NUMBER, WEEKDAYS, attitude_verb, is_one_of,
};
use super::text::{Sentences, Token, in_capitals, possessive_stem};
use crate::model::Span;

mod phrase;
mod share;
mod subject;
mod words;

use phrase::{is_relative, list_start, noun_phrase_start, subject_after, subject_before};
use words::{
    BETWEEN, CLAIM_NOUN, CUE_START, DETERMINER, EDITORIAL_LABEL, FINDING, INVERTIBLE, NOUN_PLURALS,
    NOUNISH_CUES, PASSIVE_CUE, PREPOSITION, SOURCE_CUE, TIME_WORD, WEAK_CUES, is_stop,
};

/// Longest subject, in tokens.
const MAX_SUBJECT: usize = 16;

/// A source found for one cue, with the byte offset of its cue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attribution {
    pub source: Span,
    pub cue: Span,
    pub score: f32,
    pub rule: &'static str,
}

/// The subjects of sentences that can act (`Trump backed off …`, `The
/// group also views …`), for sentences where no attribution in `cued`
/// (sorted by cue) already names a source at their start; and the agents
/// of participles of saying (`reported by The Washington Post`). Claims
/// never read these: what they attribute is no reported statement.
pub fn subjects(text: &str, sentences: &Sentences, cued: &[Attribution]) -> Vec<Attribution> {
    let names = subject::Names::of(text, sentences);
    let mut out = Vec::new();
    for sentence in &sentences.list {
        let tokens = sentences.tokens_of(sentence);
        if editors_note(text, tokens) {
            continue;
        }
        let from = cued.partition_point(|a| a.cue.end <= sentence.span.start);
        let to = from + cued[from..].partition_point(|a| a.cue.start < sentence.span.end);
        let first = out.len();
        let marks = std::cell::OnceCell::new();
        let candidates = subject::sentence_subject(text, tokens, &names)
            .or_else(|| subject::headline_subject(text, tokens))
            .into_iter()
            .chain((0..tokens.len()).filter_map(|i| {
                subject::attitude_at(text, tokens, i, &names)
                    .or_else(|| subject::attitude_after_description(text, tokens, i))
                    .or_else(|| finding_in(text, tokens, i))
                    .or_else(|| passive_agent(text, tokens, i))
            }));
        for found in candidates {
            let overlaps = |a: &Attribution| {
                a.source.start < found.source.end && found.source.start < a.source.end
            };
            if !cued[from..to].iter().any(overlaps)
                && !out[first..].iter().any(overlaps)
                && asserted(text, tokens, &marks, found.source)
            {
                out.push(found);
            }
        }
    }
    out.sort_by_key(|a| a.cue.start);
    out
}

/// Every attribution (source and cue) in the article, in text order.
pub fn attributions(text: &str, sentences: &Sentences) -> Vec<Attribution> {
    let mut out = Vec::new();
    for sentence in &sentences.list {
        let tokens = sentences.tokens_of(sentence);
        if editors_note(text, tokens) {
            continue;
        }
        if let Some(a) = speaker_label(text, tokens) {
            out.push(a);
        }
        let marks = std::cell::OnceCell::new();
        for i in 0..tokens.len() {
            if let Some(a) = attribution_at(text, tokens, i)
                .or_else(|| signed_quote(text, tokens, i))
                .or_else(|| claim_of(text, tokens, i))
                .or_else(|| as_put_it(text, tokens, i))
                && asserted(text, tokens, &marks, a.source)
            {
                out.push(a);
            }
        }
    }
    out
}

/// Whether a sentence is an editor's note (`Editor’s note: Donald Trump
/// regularly incites …`): the publication speaking about its article,
/// which attributes nothing within the news.
fn editors_note(text: &str, tokens: &[Token]) -> bool {
    let [editor, note, colon, ..] = tokens else {
        return false;
    };
    let w = editor.text(text);
    let stem = possessive_stem(w).unwrap_or(w.trim_end_matches(['\'', '’']));
    is_one_of(stem, &["editor", "editors"])
        && lower_is(*note, text, "note")
        && colon.punct(text) == Some(':')
}

/// A name before a colon that opens a sentence: a speaker in a transcript
/// (`WALLACE: …`) or the source of a headline (`Pat Caddell: Democrat …`,
/// `Black Democrats to Hillary Clinton: Send Money …`).
fn speaker_label(text: &str, tokens: &[Token]) -> Option<Attribution> {
    let skip = usize::from(tokens.first()?.punct(text).is_some_and(is_quote_mark));
    let colon = tokens
        .iter()
        .skip(skip)
        .take(12)
        .position(|t| t.punct(text) == Some(':'))?
        + skip;
    // English sets a label's colon tight against it: `Lire :` in French
    // typography is a link's label (`Read:`), beyond these rules.
    if text[..tokens[colon].span.start].ends_with(char::is_whitespace) {
        return None;
    }
    if let Some(signed) = signed_label(text, tokens, skip, colon) {
        return Some(signed);
    }
    if colon - skip > 5 {
        return None;
    }
    // `Black Democrats to Hillary Clinton: Send Money …`: a headline's
    // speaker before the one spoken to.
    let to = (skip + 1..colon.saturating_sub(1)).find(|&k| lower_is(tokens[k], text, "to"));
    if colon - skip > 4 && to.is_none() {
        return None; // a label is short: four tokens, five with `to`
    }
    let name = &tokens[skip..to.unwrap_or(colon)];
    let addressee = to.map_or(&tokens[colon..colon], |k| &tokens[k + 1..colon]);
    let all_names = !name.is_empty()
        && addressee.iter().all(|t| t.capitalized(text))
        && name
            .iter()
            .enumerate()
            .all(|(k, t)| t.capitalized(text) || abbreviation_dot(text, tokens, skip + k));
    if !all_names {
        return None;
    }
    // Words must follow the label; `Note:` or `However:` are no speakers,
    // nor are an article's labels (`Correction:`, `The Latest:`) and
    // headlines in title case (`Stealth Over Health:`).
    let first = name[0].text(text);
    let title_case = name[1..]
        .iter()
        .any(|t| t.word && (is_stop(t.text(text)) || DETERMINER.contains(t.text(text))));
    // `Editor’s Note:`, `Delegate Update:`: a label word anywhere.
    let label = name.iter().any(|t| {
        let w = t.text(text);
        EDITORIAL_LABEL.contains(possessive_stem(w).unwrap_or(w))
    });
    // `FIX IS IN:`: a headline in capitals; `Clinton Cash Debunks Hillary:`
    // a headline with its verb.
    let headline = name.iter().enumerate().any(|(k, t)| {
        let w = t.text(text);
        in_capitals(w) && is_stop(&w.to_ascii_lowercase())
            || k > 0 && (w.ends_with('s') || w.ends_with("ed")) && attitude_verb(w)
    });
    // `Clinton: 547.`: a tally, not words said.
    let words_follow = tokens[colon + 1..]
        .iter()
        .find(|t| {
            !t.punct(text)
                .is_some_and(|c| is_quote_mark(c) || matches!(c, '‘' | '\''))
        })
        .is_some_and(|t| t.word && !t.text(text).starts_with(|c: char| c.is_ascii_digit()));
    if !words_follow
        || is_stop(first)
        || DETERMINER.contains(first)
        || label
        || headline
        || title_case
    {
        return None;
    }
    Some(Attribution {
        source: Span::new(name[0].span.start, name[name.len() - 1].span.end),
        cue: tokens[colon].span,
        score: 0.6,
        rule: "source.speaker_label",
    })
}

/// A roundup's label: a name and where the speaker writes or works, then
/// a colon and a quotation (`Howard Kurtz, Fox News: "Trump had his
/// strongest debate …"`, `Jeremy Lott, author: "…"`). The whole label is
/// the source; the name alone is a name of up to four words.
fn signed_label(text: &str, tokens: &[Token], skip: usize, colon: usize) -> Option<Attribution> {
    let opens_quote = tokens
        .get(colon + 1)
        .and_then(|t| t.punct(text))
        .is_some_and(is_quote_mark);
    let comma = (skip + 1..colon).find(|&k| tokens[k].punct(text) == Some(','))?;
    let name = skip..comma;
    let description = comma + 1..colon;
    let is_name = |k: usize| tokens[k].capitalized(text) || abbreviation_dot(text, tokens, k);
    let names_only = name.len() <= 4
        && name.clone().all(is_name)
        && !name.clone().any(|k| {
            let w = tokens[k].text(text);
            is_stop(w) || DETERMINER.contains(w) || in_capitals(w)
        });
    // What follows the comma is a short description or an outlet, with no
    // second comma and no reporting verb (`Trump, asked: "…"` is no label;
    // `The Washington Post` names an outlet).
    let described = (1..=6).contains(&description.len())
        && description.clone().all(|k| tokens[k].word)
        && !description
            .clone()
            .any(|k| !tokens[k].capitalized(text) && attitude_verb(tokens[k].text(text)));
    (opens_quote && names_only && described).then(|| Attribution {
        source: Span::new(tokens[skip].span.start, tokens[colon - 1].span.end),
        cue: tokens[colon].span,
        score: 0.6,
        rule: "source.speaker_label",
    })
}

/// A poll, survey or study that a finding is `in` (token `i`): `In this
/// poll, Trump rose`, `a bump in one of the first post-debate polls`.
fn finding_in(text: &str, tokens: &[Token], i: usize) -> Option<Attribution> {
    if !lower_is(tokens[i], text, "in") {
        return None;
    }
    let last = (i + 1..tokens.len().min(i + 1 + MAX_SUBJECT))
        .take_while(|&k| {
            tokens[k].word
                || abbreviation_dot(text, tokens, k)
                || tokens[k].punct(text) == Some('/')
        })
        .filter(|&k| FINDING.contains(tokens[k].text(text)))
        .last()?;
    // The phrase ends at the document (`in this poll,`), and opens like a
    // noun phrase (`this`, `the`, `one of`, `several`).
    let ends = tokens
        .get(last + 1)
        .is_none_or(|t| !t.word || is_stop(t.text(text)));
    let opening = tokens[i + 1].text(text);
    let partitive = tokens[i + 1].word
        && (QUANTIFIER.contains(opening) || is_one_of(opening, &["one", "some"]));
    let opens = partitive || tokens[i + 1].word && DETERMINER.contains(opening);
    // `behind in the polls`: polls in general name no one; nor does a
    // phrase with a clause or another noun inside (`in the context of
    // election polls`, `in the hours before the polls`).
    let general = last == i + 2 && lower_is(tokens[i + 1], text, "the");
    let inner_stop = (i + 2..last).any(|k| {
        let w = tokens[k].text(text);
        let of = lower_is(tokens[k], text, "of");
        tokens[k].word
            && (is_stop(w) || of)
            && !(partitive && k == i + 2 && of)
            && !DETERMINER.contains(w)
    });
    if !ends || !opens || general || inner_stop {
        return None;
    }
    Some(Attribution {
        source: Span::new(tokens[i + 1].span.start, tokens[last].span.end),
        cue: tokens[i].span,
        score: 0.5,
        rule: "source.finding_in",
    })
}

/// The agent after `by` (token `i`) of a participle of saying or of taking
/// a stand: `was first reported by The Washington Post`, `endorsed by
/// dozens of papers`, `a view echoed by everyone I interviewed`.
fn passive_agent(text: &str, tokens: &[Token], i: usize) -> Option<Attribution> {
    if !lower_is(tokens[i], text, "by") || i == 0 {
        return None;
    }
    let mut verb = i - 1;
    if verb > 0 && tokens[verb].word && tokens[verb].text(text).ends_with("ly") {
        verb -= 1; // `was widely reported by`
    }
    let v = tokens[verb];
    // `Asked by Stephanopoulos to respond, Carson …`: a participle may
    // open the sentence.
    if !v.word || v.capitalized(text) && verb > 0 || !PASSIVE_CUE.contains(v.text(text)) {
        return None;
    }
    let source = subject_after(text, tokens, i + 1, false, true)?;
    Some(Attribution {
        source,
        cue: Span::new(v.span.start, tokens[i].span.end),
        score: 0.6,
        rule: "source.passive_agent",
    })
}

/// The owner of a claim that a `that` clause spells out: `Politifact seized
/// on Trump’s claim that …`, `her remark that …`, `Tulsa police’s earlier
/// claim that …`. Up to two words (`earlier`, `Friday`) may stand between
/// the owner and the noun.
fn claim_of(text: &str, tokens: &[Token], i: usize) -> Option<Attribution> {
    let noun = tokens[i];
    if !noun.word
        || !CLAIM_NOUN.contains(noun.text(text))
        || !tokens
            .get(i + 1)
            .is_some_and(|t| lower_is(*t, text, "that"))
    {
        return None;
    }
    let owner = (i.saturating_sub(3)..i).rev().find(|&k| {
        let w = tokens[k].text(text);
        tokens[k].word && (is_possessive(w) || is_one_of(w, &["his", "her", "their", "its"]))
    })?;
    // Only describing words between: `Trump’s claim`, `his repeated claim`.
    if !tokens[owner + 1..i]
        .iter()
        .all(|t| t.word && !is_stop(t.text(text)) && !DETERMINER.contains(t.text(text)))
    {
        return None;
    }
    let first = if is_possessive(tokens[owner].text(text)) {
        name_start(text, tokens, owner, 0)
    } else {
        owner
    };
    Some(Attribution {
        source: Span::new(tokens[first].span.start, tokens[owner].span.end),
        cue: noun.span,
        score: 0.7,
        rule: "source.claim_of",
    })
}

/// A closing `, according to …` names its source up to the end of the
/// sentence, with what describes it (`according to a person familiar with
/// his thinking.`, `according to internal Dow documents made public as part
/// of a whistleblower complaint.`); a comma or another mark before the end
/// keeps the phrase `subject_after` found (`according to the survey,
/// which …`). Token `i` is `according`.
fn to_sentence_end(text: &str, tokens: &[Token], i: usize, source: Span) -> Span {
    let closing = i > 0 && tokens[i - 1].punct(text) == Some(',');
    if closing {
        run_to_sentence_end(text, tokens, i + 2, source)
    } else {
        source
    }
}

/// The source found from token `from` on, run on to the end of the
/// sentence when only plain words follow it (see [`to_sentence_end`]).
fn run_to_sentence_end(text: &str, tokens: &[Token], from: usize, source: Span) -> Span {
    let rest = &tokens[from..];
    let Some((last, words)) = rest.split_last() else {
        return source;
    };
    let ends = matches!(last.punct(text), Some('.' | '!' | '?'));
    // What follows the phrase found: a clause after a name (`a speech Mrs.
    // Clinton delivered`) or after `which` or `whose` stays out. A `who`
    // clause says which person spoke (`according to a campaign official who
    // was not authorized to speak publicly`).
    let next = tokens.partition_point(|t| t.span.start < source.end);
    let clause_after = tokens.get(next).is_some_and(|t| {
        is_relative(t.text(text)) && !lower_is(*t, text, "who")
            || next > 0
                && tokens[next - 1].capitalized(text)
                && t.word
                && !t.capitalized(text)
                && t.text(text).ends_with("ed")
    });
    // A hyphen inside a word joins (`first-in-the-nation`); a spaced dash
    // opens an aside (`according to the polling average - despite
    // winning …`).
    let spaced = |t: &Token| text[..t.span.start].ends_with(char::is_whitespace);
    let plain = words.len() <= 2 * MAX_SUBJECT
        && words.iter().enumerate().all(|(k, t)| {
            t.word
                || abbreviation_dot(text, tokens, from + k)
                || matches!(t.punct(text), Some('\'' | '’' | '/'))
                || t.punct(text) == Some('-') && !spaced(t)
        });
    match words.last() {
        Some(end) if ends && plain && !clause_after && end.span.end > source.end => {
            Span::new(source.start, end.span.end)
        }
        _ => source,
    }
}

/// An unnamed source after an inverted cue, run on to the end of the
/// sentence when what follows says who it is: `," said one GOP source in
/// the room.`, `," says a source involved in the super-PAC's creation.`,
/// `, said an American official who was briefed on the details.` A name
/// stays as it is (`said Trump in his speech`), and so does a clause that
/// says when (`said a spokesman as he left`). Token `from` starts the
/// source.
fn described_to_sentence_end(text: &str, tokens: &[Token], from: usize, source: Span) -> Span {
    let unnamed = lower_is_any(
        tokens[from],
        text,
        &["a", "an", "one", "another", "two", "three", "several"],
    );
    // A `who` clause with a cue of its own is another attribution (`one
    // source who identified Sullivan`).
    let next = tokens.partition_point(|t| t.span.start < source.end);
    let describes = tokens.get(next).is_some_and(|n| {
        lower_is_any(
            *n,
            text,
            &[
                "in", "on", "at", "from", "with", "involved", "familiar", "close",
            ],
        ) || lower_is(*n, text, "who")
            && tokens
                .get(next + 1)
                .is_some_and(|v| !attitude_verb(v.text(text)))
    });
    if unnamed && describes {
        run_to_sentence_end(text, tokens, from, source)
    } else {
        source
    }
}

/// `as a Homeland Security memo put it`, `As Ms. Simonyan put it in a
/// statement`: the phrase between `as` and `put it` (token `i` is `put`)
/// worded what the sentence reports.
fn as_put_it(text: &str, tokens: &[Token], i: usize) -> Option<Attribution> {
    let put = tokens[i];
    let it = tokens.get(i + 1)?;
    if !lower_is_any(put, text, &["put", "puts"]) || !lower_is(*it, text, "it") {
        return None;
    }
    // `as he once put it`, `as The New Yorker has put it`.
    let mut end = i;
    while end > 0 && lower_is_any(tokens[end - 1], text, &["once", "has", "have", "had", "so"]) {
        end -= 1;
    }
    let start = phrase::noun_phrase_start(text, tokens, end)?;
    (start > 0 && start < end && lower_is(tokens[start - 1], text, "as")).then(|| Attribution {
        source: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
        cue: Span::new(put.span.start, it.span.end),
        score: 0.9,
        rule: "source.before_cue",
    })
}

/// A name signing the quote before it, after a dash: `…” ― Sonya Herridge`.
fn signed_quote(text: &str, tokens: &[Token], i: usize) -> Option<Attribution> {
    let dash = tokens[i];
    // `… 1 percent."  - Bernie Sanders.`: a hyphen with spaces is a dash.
    let spaced_hyphen = dash.punct(text) == Some('-')
        && (i == 0 || tokens[i - 1].span.end < dash.span.start)
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.span.start > dash.span.end);
    if !matches!(dash.punct(text), Some('―' | '—' | '–')) && !spaced_hyphen {
        return None;
    }
    // The quotation closes just before, in the sentence or (a fact check's
    // signature on a line of its own) the paragraph before.
    let after_quote = if i == 0 {
        text[..dash.span.start]
            .trim_end()
            .ends_with(closes_quotation)
    } else {
        tokens[i - 1].punct(text).is_some_and(closes_quotation)
    };
    if !after_quote {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len()
        && (tokens[end].capitalized(text) || abbreviation_dot(text, tokens, end))
        && end - i <= 6
    {
        end += 1;
    }
    // A name, and nothing after it but the end of the sentence.
    let ends = tokens.get(end).is_none_or(|t| t.punct(text) == Some('.'));
    if end == i + 1 || !ends || !tokens[i + 1].capitalized(text) {
        return None;
    }
    Some(Attribution {
        source: Span::new(tokens[i + 1].span.start, tokens[end - 1].span.end),
        cue: dash.span,
        score: 0.7,
        rule: "source.signed_quote",
    })
}

/// Whether `source` stands inside a quotation opened with two apostrophes
/// in its sentence (`''I think Trump should,'' Holtz-Eakin said`): after an
/// odd number of `''`.
fn within_doubled_apostrophes(
    text: &str,
    tokens: &[Token],
    marks: &std::cell::OnceCell<Vec<usize>>,
    source: Span,
) -> bool {
    let before = tokens.partition_point(|t| t.span.end <= source.start);
    // `…families,'' he added.`: right after a closing pair, in a sentence
    // that began inside the quotation.
    if before >= 3
        && closes_doubled_apostrophes(text, tokens, before - 1)
        && matches!(tokens[before - 3].punct(text), Some(',' | '.' | '?' | '!'))
        && tokens[before - 3].span.end == tokens[before - 2].span.start
    {
        return false;
    }
    let marks = marks.get_or_init(|| doubled_apostrophes(text, tokens));
    marks.partition_point(|&k| k < before) % 2 == 1
}

/// The tokens of a sentence that close a `''` pair (the second apostrophe,
/// set tight against the first), in order: counted before each source by
/// binary search, so that a long sentence full of cues stays linear.
/// Found on first use: most sentences have no source to judge.
fn doubled_apostrophes(text: &str, tokens: &[Token]) -> Vec<usize> {
    (1..tokens.len())
        .filter(|&k| {
            closes_doubled_apostrophes(text, tokens, k)
                && tokens[k - 1].span.end == tokens[k].span.start
        })
        .collect()
}

/// Whether a source found in `tokens` asserts anything in the article's
/// own voice: not inside a `''…''` quotation, not in a condition or an
/// indirect question.
fn asserted(
    text: &str,
    tokens: &[Token],
    marks: &std::cell::OnceCell<Vec<usize>>,
    source: Span,
) -> bool {
    !within_doubled_apostrophes(text, tokens, marks, source)
        && !hypothetical(text, tokens, source)
        && !complement(text, tokens, source)
        && !after_subject_pronoun(text, tokens, source)
}

/// Whether a lowercase `source` comes right after a subject pronoun, maybe
/// with adverbs between (`as they entered caucus sites showed`, `they now
/// pay estimated taxes`, `nor have they outright denied`): the words are
/// the pronoun's verb and object, not a phrase that speaks.
fn after_subject_pronoun(text: &str, tokens: &[Token], source: Span) -> bool {
    let first = tokens.partition_point(|t| t.span.start < source.start);
    if tokens
        .get(first)
        .is_none_or(|t| !t.word || t.capitalized(text))
    {
        return false;
    }
    let mut k = first;
    while k > 0 && tokens[k - 1].word && is_between(tokens[k - 1].text(text)) {
        k -= 1;
    }
    k > 0 && tokens[k - 1].word && subject::SUBJECT_PRONOUN.contains(tokens[k - 1].text(text))
}

/// Whether `source` comes right after a form of `be`, as what the subject
/// before is (`The paper is a major piece of a campaign aimed at …`, `she
/// was pleased Ms. Friedan had said`), not a subject of its own; after
/// `there` it is one (`there are no polls showing`, `there would be more
/// polls showing`).
fn complement(text: &str, tokens: &[Token], source: Span) -> bool {
    let first = tokens.partition_point(|t| t.span.start < source.start);
    let Some(mut k) = first.checked_sub(1) else {
        return false;
    };
    let be = tokens[k].text(text);
    if !tokens[k].word || !(is_form_of_be(be) || is_one_of(be, &["be", "being"])) {
        return false;
    }
    // Back over auxiliaries and adverbs (`there would be`, `there have
    // long been`, `there are going to be`).
    while k > 0
        && tokens[k - 1].word
        && (is_between(tokens[k - 1].text(text))
            || lower_is_any(tokens[k - 1], text, &["to", "going"]))
    {
        k -= 1;
    }
    !(k > 0 && lower_is(tokens[k - 1], text, "there"))
}

/// Whether `source` is the subject of a condition or an indirect question
/// (`if the Chinese pledged to cap …`, `check whether anyone disclosed`,
/// `how Mr. Trump views`): nothing is attributed to it yet.
fn hypothetical(text: &str, tokens: &[Token], source: Span) -> bool {
    let first = tokens.partition_point(|t| t.span.start < source.start);
    first > 0 && lower_is_any(tokens[first - 1], text, &["if", "whether", "how", "why"])
}

/// Whether token `k` is the second of two apostrophes that close a quote
/// in the `''…,''` style some newspapers print.
fn closes_doubled_apostrophes(text: &str, tokens: &[Token], k: usize) -> bool {
    let apostrophe = |t: &Token| matches!(t.punct(text), Some('\'' | '’'));
    k > 0 && apostrophe(&tokens[k]) && apostrophe(&tokens[k - 1])
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '«' | '„')
}

/// Whether `c` closes a quotation (a straight `"` may open or close one).
fn closes_quotation(c: char) -> bool {
    matches!(c, '"' | '”' | '»')
}

fn lower_is(t: Token, text: &str, w: &str) -> bool {
    t.word && t.text(text).eq_ignore_ascii_case(w)
}

/// Whether token `t` is a word and one of `words`, ignoring ASCII case.
fn lower_is_any(t: Token, text: &str, words: &[&str]) -> bool {
    t.word && is_one_of(t.text(text), words)
}

/// Whether a word ends with a possessive `'s` (`Trump's`, `Clinton’s`).
fn is_possessive(w: &str) -> bool {
    possessive_stem(w).is_some()
}

/// The attribution whose cue starts at token `i`, if any.
fn attribution_at(text: &str, tokens: &[Token], i: usize) -> Option<Attribution> {
    let t = tokens[i];
    if !t.word {
        return None;
    }
    let w = t.text(text);
    if !CUE_START.contains(w) || in_capitals(w) {
        return None;
    }
    // `a Rasmussen Reports poll`: a capitalized cue between a name and a
    // lowercase word is part of the name (a title-case headline has
    // capitals on both sides).
    let in_name = t.capitalized(text)
        && i > 0
        && tokens[i - 1].capitalized(text)
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.word && !n.capitalized(text));
    if in_name {
        return None;
    }
    if w.eq_ignore_ascii_case("according")
        && tokens.get(i + 1).is_some_and(|n| lower_is(*n, text, "to"))
    {
        // `According to police, officers saw …`: what follows the comma is
        // the clause, not a description of the source.
        // After a colon or a semicolon, `According to …,` opens a clause
        // as at the start of a sentence (`unnoticed: According to recent
        // polls, Trump holds …`).
        let opens_clause = i <= 1 || matches!(tokens[i - 1].punct(text), Some(':' | ';'));
        let source = subject_after(text, tokens, i + 2, !opens_clause, true)?;
        let source = to_sentence_end(text, tokens, i, source);
        return Some(Attribution {
            source,
            cue: Span::new(t.span.start, tokens[i + 1].span.end),
            score: 0.9,
            rule: "source.according_to",
        });
    }
    let phrasal = PHRASAL_CUES.iter().any(|(verb, particle)| {
        w.eq_ignore_ascii_case(verb)
            && tokens
                .get(i + 1)
                .is_some_and(|n| lower_is(*n, text, particle))
    });
    let then_that = tokens
        .get(i + 1)
        .is_some_and(|n| lower_is(*n, text, "that"));
    let nounish_verb = then_that && NOUNISH_CUES.contains(w);
    if !phrasal && !nounish_verb && !REPORTING.contains(w) && !SOURCE_CUE.contains(w) {
        return None;
    }
    if !used_as_cue(text, tokens, i) {
        return None;
    }
    let score = if WEAK_CUES.contains(w) { 0.6 } else { 0.9 };
    match word_order(text, tokens, i, score) {
        WordOrder::Settled(found) => found,
        WordOrder::SubjectFirst => source_before_cue(text, tokens, i, score),
    }
}

/// Whether the cue word at token `i` is used as a verb of saying here: not
/// a noun (`the report`, `phone calls`), a passive or an infinitive (`was
/// told`, `to say`), a participle that shares another subject (`…,
/// saying`), an adjective (`758 pledged delegates`) or an idiom.
fn used_as_cue(text: &str, tokens: &[Token], i: usize) -> bool {
    let w = tokens[i].text(text);
    let prev = i.checked_sub(1).map(|p| tokens[p]);
    let next = tokens.get(i + 1).copied();
    // `won 758 pledged delegates`, `her five proposed bills`: between a
    // number and a plural it is an adjective; `The first four states`: a
    // plural after a number is a noun.
    // A lowercase plural after the cue (`pledged delegates`).
    let plural_next = next.is_some_and(|n| {
        let n = n.text(text);
        n.ends_with('s') && n.starts_with(|c: char| c.is_lowercase())
    });
    let number_before = prev.is_some_and(|p| {
        p.word
            && (p.text(text).bytes().all(|b| b.is_ascii_digit())
                || SMALL_NUMBER.contains(p.text(text)) && !p.text(text).eq_ignore_ascii_case("one"))
    });
    let counted = number_before
        && (w.ends_with("ed") && plural_next || w.ends_with('s') && !w.ends_with("ss"));
    if counted {
        return false;
    }
    if let Some(p) = prev
        && p.word
    {
        let p = p.text(text);
        // `the report`, `carried little mention of`, `no comment`, `other
        // remarks`, `its own recommended list`, `the reality TV show`.
        // A plural after a word for what is new is a noun (`prompted new
        // worries that`).
        if DETERMINER.contains(p)
            || is_one_of(p, &["little", "much", "other", "own"])
            || p == "TV" && is_one_of(w, &["show", "shows"])
            || is_one_of(p, &["new", "fresh", "renewed", "growing", "further"]) && w.ends_with('s')
        {
            return false;
        }
        // `a racially charged argument`: after a determiner and an adverb,
        // a past form is an adjective.
        let adverb_after_determiner = p.ends_with("ly")
            && i >= 2
            && tokens[i - 2].word
            && DETERMINER.contains(tokens[i - 2].text(text));
        if w.ends_with("ed") && adverb_after_determiner {
            return false;
        }
        // `all reported contributions`, `Mrs. Clinton's reported
        // contributions`: a past form between a quantifier or an owner and
        // a plural is an adjective.
        let described_plural = w.ends_with("ed")
            && (is_possessive(p) || is_one_of(p, &["all", "some", "many", "most", "several"]))
            && plural_next;
        if described_plural {
            return false;
        }
        // `investigated for alleged ties`: after a preposition, a past form
        // before a word is an adjective.
        let adjective = PREPOSITION.contains(p)
            && !p.eq_ignore_ascii_case("to")
            && w.ends_with("ed")
            && next.is_some_and(|n| n.word && !n.capitalized(text));
        if adjective {
            return false;
        }
        // `is saying`, `are demanding` are active; `was told`, `was first
        // reported`, `was widely criticized` are passive, and `to say` is
        // an infinitive: the auxiliary may stand before adverbs.
        let mut k = i - 1;
        while k > 0
            && tokens[k].word
            && is_between(tokens[k].text(text))
            && !is_passive_or_infinitive(tokens[k].text(text))
        {
            k -= 1;
        }
        let auxiliary = tokens[k].text(text);
        let progressive = w.ends_with("ing") && is_form_of_be(auxiliary);
        if tokens[k].word && is_passive_or_infinitive(auxiliary) && !progressive {
            return false;
        }
        // `phone calls`, `medical claims`, `taking calls`: after a word that
        // cannot be a subject, a plural that is also a verb is a noun.
        let adjective = p.ends_with("ic") || p.ends_with("an"); // `Democratic claims`
        let subject_like = PRONOUN.contains(p)
            || AGENT.contains(p)
            || is_between(p)
            || prev.is_some_and(|t| t.capitalized(text))
                && !adjective
                && !subject::in_a_name(text, tokens, i);
        // Before a clause or an object it is a verb again (`Another slide
        // shows that`, `Video of the incident shows him`, `The average
        // shows Clinton leading`), unless a preposition makes it a noun
        // (`help of states that`).
        let object = next.is_some_and(|n| {
            n.capitalized(text)
                || lower_is_any(n, text, &["that", "how", "what", "him", "her", "them"])
        });
        let verb_before_object = object && !is_stop(p) && !PREPOSITION.contains(p);
        if NOUN_PLURALS.contains(w) && !subject_like && !verb_before_object {
            return false;
        }
    }
    // Participles after a comma (`…, saying …`) share the subject of the
    // main clause, which is attributed on its own; after another verb or
    // an adjective they are its object (`worth noting`, `start calling`).
    if w.ends_with("ing")
        && prev.is_some_and(|p| {
            let q = p.text(text);
            !p.word
                || !(is_form_of_be(q)
                    || p.capitalized(text)
                    || PRONOUN.contains(q)
                    || pronoun_contraction(q).is_some() // `he’s claiming`
                    || AGENT.contains(q))
        })
    {
        return false;
    }
    // `continued` and `read` report only next to a quotation: `She
    // continued, “For us …`, `,” she continued.`, `Caddell continued:`.
    let opens_quote = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|n| matches!(n.punct(text), Some(':' | '"' | '“')))
    };
    // `,” she continued.`, `,” the Sentinel continued.`: a closing mark,
    // then only the words of the subject.
    // `,” read the email.`: the cue right after the mark.
    let after_quote = (0..=4).any(|back| {
        i > back
            && matches!(
                tokens[i - back - 1].punct(text),
                Some('”' | '"' | '\'' | '’')
            )
            && tokens[i - back..i].iter().all(|t| t.word)
    });
    // `continues to insist`, `continued to call for`: the verb after `to`
    // reports (not `continue to raise money`).
    let goes_on_reporting = next.is_some_and(|n| lower_is(n, text, "to"))
        && tokens.get(i + 2).is_some_and(|v| {
            v.word && (REPORTING.contains(v.text(text)) || attitude_verb(v.text(text)))
        })
        && !subject::reports_nothing(text, tokens, i + 2);
    let beside_quote = opens_quote(i + 1)
        || next.is_some_and(|n| n.punct(text) == Some(',')) && opens_quote(i + 2)
        || after_quote
        || goes_on_reporting;
    if (w.eq_ignore_ascii_case("continued") || w.eq_ignore_ascii_case("continue")) && !beside_quote
    {
        return false;
    }
    // `the letter reads: “…”`, `a sign that read “Hispanics 4 Trump”`, `,”
    // the letter reads.`: a text that is quoted, not `read the report`.
    if is_one_of(w, &["read", "reads"]) && (goes_on_reporting || !beside_quote) {
        return false;
    }
    !subject::reports_nothing(text, tokens, i)
}

/// What the word order around a cue says about its source.
enum WordOrder {
    /// The cue comes before its source (`," said Smith.`, `Said Ellis: …`)
    /// or after an appositive (`Name, a spokesman, said`): the attribution
    /// found there, or `None` when there is none.
    Settled(Option<Attribution>),
    /// The source is the subject before the cue.
    SubjectFirst,
}

/// How the cue at token `i` stands to its source: see [`WordOrder`].
fn word_order(text: &str, tokens: &[Token], i: usize, score: f32) -> WordOrder {
    let t = tokens[i];
    let w = t.text(text);
    let cue = t.span;
    let weak = WEAK_CUES.contains(w);
    let prev = i.checked_sub(1).map(|p| tokens[p]);
    // Inverted: `," said Smith.` / `, says the report`.
    // Only verbs of saying invert (`, said Smith`); `, called EB-5,` and
    // `, declared bankruptcy` keep their subject before them.
    let inverted = prev.is_some_and(|p| {
        matches!(p.punct(text), Some(',' | '"' | '”' | '»' | ':' | '—' | '–'))
            || closes_doubled_apostrophes(text, tokens, i - 1)
    }) && INVERTIBLE.contains(w);
    if prev.is_none() && t.capitalized(text) && !weak {
        // `Said Ellis: “I don’t get the sense …”`: a sentence may open with
        // the cue when a name and a colon or comma follow; else it is no
        // cue (`Say Mexico demanded …`, `Calls men names`).
        let speaker = INVERTIBLE
            .contains(w)
            .then(|| subject_after(text, tokens, i + 1, true, false))
            .flatten()
            .filter(|source| {
                tokens[i + 1].capitalized(text)
                    && token_after(tokens, *source)
                        .is_some_and(|n| matches!(n.punct(text), Some(':' | ',')))
            });
        return WordOrder::Settled(speaker.map(|source| Attribution {
            source,
            cue,
            score,
            rule: "source.after_cue",
        }));
    }
    // `,” notes Smith.`: after a quotation even a weak cue reports.
    let after_quotation = prev.is_some_and(|p| p.punct(text).is_some_and(closes_quotation));
    if inverted && (!weak || after_quotation) {
        // After a comma or a dash this may also be `Name, a spokesman, said
        // …` or `Name — a teacher — says …`: the order is inverted only
        // when the phrase after the cue ends the clause.
        let after_comma = prev.is_some_and(|p| matches!(p.punct(text), Some(',' | '—' | '–')));
        // After `told` comes the one told (`told AFP`), never the source.
        let tells = is_one_of(w, &["told", "tell", "tells"]);
        // `, said dryly.`: an adverb is how it was said, not who said it.
        let adverb = tokens
            .get(i + 1)
            .is_some_and(|n| n.word && ly_adverb(n.text(text)));
        let after = (!tells && !adverb)
            .then(|| subject_after(text, tokens, i + 1, true, false))
            .flatten()
            .map(|source| described_to_sentence_end(text, tokens, i + 1, source))
            .map(|source| {
                let ends_clause = token_after(tokens, source).is_none_or(|n| {
                    matches!(n.punct(text), Some('.' | ',' | ';' | '(' | '!' | ':'))
                });
                (source, ends_clause)
            });
        let after_cue = |source| Attribution {
            source,
            cue,
            score,
            rule: "source.after_cue",
        };
        match after {
            // `…, said Batchelder.`
            Some((source, true)) => return WordOrder::Settled(Some(after_cue(source))),
            Some((source, false)) if !after_comma => {
                return WordOrder::Settled(Some(after_cue(source)));
            }
            None if !after_comma => return WordOrder::Settled(None),
            _ => {}
        }
        if let Some(source) = subject_before(text, tokens, i) {
            return WordOrder::Settled(Some(Attribution {
                source,
                cue,
                score,
                rule: "source.appositive",
            }));
        }
    }
    WordOrder::SubjectFirst
}

/// The token right after `span`, if the sentence goes on.
fn token_after(tokens: &[Token], span: Span) -> Option<Token> {
    tokens
        .get(tokens.partition_point(|t| t.span.start < span.end))
        .copied()
}

/// The attribution of the cue at token `i` to the subject before it
/// (`The commission says`, `he said`), unless that phrase is no subject.
fn source_before_cue(text: &str, tokens: &[Token], i: usize, score: f32) -> Option<Attribution> {
    let w = tokens[i].text(text);
    let cue = tokens[i].span;
    if let Some(source) = relative_subject(text, tokens, i) {
        return Some(Attribution {
            source,
            cue,
            score,
            rule: "source.before_cue",
        });
    }
    let source = subject_before(text, tokens, i)?;
    let first = tokens.partition_point(|t| t.span.start < source.start);
    // The word just before the source, if a word comes there.
    let before = first.checked_sub(1).map(|k| tokens[k]).filter(|t| t.word);
    let before_text = before.map_or("", |t| t.text(text));
    // `credited to the aggressive laws proposed`, `appeared in the British
    // Medical Journal found`: the object of a preposition is no subject;
    // the subject is a longer phrase this rule cannot delimit.
    if PREPOSITION.contains(before_text) {
        return whole_subject(text, tokens, first, i, score);
    }
    // `Readers may not let editorials tell them`, `could make some phone
    // bank calls`: after a modal, a lowercase phrase is a verb and its
    // object (but `not everyone agrees`).
    let after_modal = before.is_some_and(|t| {
        t.word && (MODAL.contains(t.text(text)) || is_one_of(t.text(text), &["not", "to"]))
    });
    let opening = tokens[first].text(text);
    let verb_opens = !tokens[first].capitalized(text)
        && !PRONOUN.contains(opening)
        && !is_one_of(
            opening,
            &[
                "everyone",
                "everybody",
                "anyone",
                "anybody",
                "all",
                "many",
                "enough",
            ],
        );
    if after_modal && verb_opens {
        return None;
    }
    // `unleashed a series of tweets saying`, `issued a statement calling`:
    // a participle after the object of a verb describes the object; the
    // verb's subject is the source, attributed on its own.
    // So does a participle that names it: `sponsoring a competition called
    // the House to Home Prize`.
    let lower_word_before = before.is_some_and(|t| !t.capitalized(text));
    let naming = is_one_of(w, &["called", "dubbed", "named", "titled", "nicknamed"])
        && !is_relative(before_text);
    if (w.ends_with("ing") || naming) && lower_word_before && !is_stop(before_text) {
        return None;
    }
    // `an overall cost estimate`: a base form after a singular is a noun.
    let last = tokens.partition_point(|t| t.span.end <= source.end);
    if !(first..last).any(|head| subject::agrees(text, tokens, head, i)) {
        return None;
    }
    let source = without_contraction(text, source);
    let named = &text[source.range()];
    // `Having said that`, `Following a swiftly called meeting`: a
    // participle opens no subject; `King said` is a name, `mining
    // companies` a noun phrase.
    let mut words = named.split_whitespace();
    let first_word = words.next().unwrap_or("");
    // `Polling averages show`: a noun for people or documents after the
    // -ing word makes it a noun phrase, not a participle with its object.
    let second_lower = words
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && !AGENT.contains(w));
    let single = !named.contains(' ');
    let capital = first_word.chars().next().is_some_and(char::is_uppercase);
    let gerund = first_word.ends_with("ing")
        && (single && !capital
            || capital && second_lower
            || is_one_of(first_word, &["having", "being"]));
    let source = if is_possessive(named) {
        // `Ms Tikhanovskaya's call`: the cue is a noun, and the source the
        // name that owns it; `Kasich’s showing` is a result, no statement.
        if w.ends_with("ing") {
            return None;
        }
        let last = tokens.partition_point(|t| t.span.end <= source.end) - 1;
        let first = name_start(text, tokens, last, first);
        if !tokens[first].capitalized(text) {
            return None;
        }
        Span::new(tokens[first].span.start, source.end)
    } else {
        source
    };
    let named = &text[source.range()];
    // `… since Jan. 1, 2015, shows`: a date is no source.
    let date = named
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|m| MONTH.contains(m))
        && named.contains(|c: char| c.is_ascii_digit());
    if !named.chars().any(char::is_alphabetic)
        || named.eq_ignore_ascii_case("you")
        || gerund
        || date
    {
        return None; // `in 2008 questioned`; `what do you expect?`; `Having said`
    }
    // `information that government officials said would compromise
    // security`: a verb right after the cue has its subject in the noun
    // before `that`; the clause is no report of another source.
    let object_gap = before.is_some_and(|t| lower_is(t, text, "that"))
        && tokens.get(i + 1).is_some_and(|n| {
            let v = n.text(text);
            n.word && !n.capitalized(text) && (AUXILIARY.contains(v) || v.ends_with("ed"))
        });
    if reported_clause(text, tokens, source, w) && !object_gap {
        return None;
    }
    let pronoun = PRONOUN.contains(&text[source.range()]);
    // `the two guides I wrote`, `the many new programs she has proposed`,
    // `the $18 million he says he raised`: a pronoun right after a noun
    // opens a clause about that noun; what it reports is no statement. (A
    // pronoun source starts where `subject_before` found it, so `before`
    // is still the word before it.)
    let about_noun = pronoun
        && !is_relative(named)
        && lower_word_before
        && !is_stop(before_text)
        && !REPORTING.contains(before_text)
        && !is_between(before_text)
        && !is_relative(before_text)
        && !before_text.starts_with(|c: char| c.is_ascii_digit());
    if about_noun {
        return None;
    }
    let rule = if pronoun {
        "source.pronoun"
    } else {
        "source.before_cue"
    };
    Some(Attribution {
        source,
        cue,
        score,
        rule,
    })
}

/// Tokens from a sentence's start within which a subject's relative
/// clause (`Supporters who …`) opens, past a dateline and introductory
/// phrases.
const RELATIVE_OPENING: usize = 48;

/// A subject with a relative clause that opens the sentence and runs to
/// the cue at token `i`: `Supporters who have heard directly from the
/// campaign say`, `Senior campaign advisers who have run the numbers
/// argue`: the clause says which people speak. A cleft (`It was Mr.
/// Manafort who had argued`) and a clause between marks are left to the
/// other rules.
fn relative_subject(text: &str, tokens: &[Token], i: usize) -> Option<Span> {
    // The cheap test first: most sentences before a cue have no `who`. The
    // clause opens the sentence, so `who` is among its first words, and it
    // runs to the cue: both bounds keep a long sentence full of cues linear.
    let who = (1..i.min(RELATIVE_OPENING)).find(|&k| lower_is(tokens[k], text, "who"))?;
    if i - who > 2 * MAX_SUBJECT {
        return None;
    }
    let start = subject::subject_start(text, tokens).filter(|&s| s < who)?;
    let head = &tokens[start..who];
    let noun_phrase = head.len() <= 6
        && !lower_is_any(head[0], text, &["it", "there", "this", "that"])
        && head.iter().enumerate().all(|(k, t)| {
            let w = t.text(text);
            // `Current and former officials who …`, `Hawkins and others who …`.
            let joins = w == "and" && k > 0 && k + 1 < head.len();
            let pronoun = PRONOUN.contains(w) || pronoun_contraction(w).is_some();
            t.word
                && !pronoun
                && (!is_stop(w) || DETERMINER.contains(w) || QUANTIFIER.contains(w) || joins)
        });
    let plain = (who + 1..i).all(|k| {
        tokens[k].word
            || abbreviation_dot(text, tokens, k)
            || matches!(tokens[k].punct(text), Some('\'' | '’'))
    });
    if !noun_phrase || !plain {
        return None;
    }
    // The clause's own verb, past auxiliaries and adverbs. When it states
    // or wants something, the clause is an attribution of its own, and the
    // phrase before `who` speaks (`Current and former officials who spoke
    // with The Huffington Post said`, `Hawkins and others who want to ban
    // abortion said`).
    let verb = (who + 1..i).find(|&k| !is_between(tokens[k].text(text)))?;
    let v = tokens[verb].text(text);
    let last = if attitude_verb(v) || REPORTING.contains(v) {
        who - 1
    } else {
        i - 1
    };
    Some(Span::new(tokens[start].span.start, tokens[last].span.end))
}

/// The source before the cue at token `i` when the phrase just before it
/// (from token `first`) is the object of a preposition: the whole subject
/// of the sentence, when it runs from the sentence's start to the cue
/// without a mark or a second clause (`A 2014 study that appeared in the
/// British Medical Journal found`, `Her submission to the court noted`).
pub(super) fn whole_subject(
    text: &str,
    tokens: &[Token],
    first: usize,
    i: usize,
    score: f32,
) -> Option<Attribution> {
    let start = subject::subject_start(text, tokens).filter(|&s| s < first)?;
    if i - start > MAX_SUBJECT {
        return None;
    }
    let opening = tokens[start];
    let o = opening.text(text);
    let opens = DETERMINER.contains(o) && !lower_is(opening, text, "that")
        || opening.capitalized(text) && !is_stop(o) && !o.ends_with("ing");
    let plain = tokens[start..i].iter().all(|t| {
        t.word
            && !lower_is_any(
                *t,
                text,
                &[
                    "and", "or", "but", "then", "as", "when", "while", "because", "if",
                ],
            )
            && !PRONOUN.contains(t.text(text))
    });
    // No verb of its own: a participle describes the phrase only after a
    // relative pronoun (`that appeared in`), before its agent (`conducted
    // by`) or before a preposition after a common noun (`polls taken over
    // the past two weeks`); `Conway appeared on CNN` is a clause.
    let no_verb = (start..i).all(|k| {
        let t = tokens[k];
        let w = t.text(text);
        if is_between(w) || is_form_of_be(w) {
            return false;
        }
        let verb_like = !t.capitalized(text)
            && !w.ends_with("ing")
            && (w.ends_with("ed")
                || IRREGULAR_PAST.contains(w)
                || attitude_verb(w)
                || REPORTING.contains(w));
        if !verb_like || k == start {
            return true;
        }
        let participle = w.ends_with("ed") || w.ends_with("en") || IRREGULAR_PAST.contains(w);
        let prev = tokens[k - 1];
        let next = tokens[k + 1];
        participle
            && (is_relative(prev.text(text))
                || lower_is(prev, text, "that")
                || lower_is(next, text, "by")
                || PREPOSITION.contains(next.text(text)) && !prev.capitalized(text))
    });
    (opens && plain && no_verb).then(|| Attribution {
        source: Span::new(opening.span.start, tokens[i - 1].span.end),
        cue: tokens[i].span,
        score,
        rule: "source.before_cue",
    })
}

/// Whether the subject `source` opens a clause reported by another source
/// (`She said leaders had agreed …`, `He notes that the commission
/// announced …`): its attribution is part of that content, not a new one.
///
/// So is the speaker of words named in another clause: `condemned what he
/// called a "brazen breach"` (`cue` is the verb after the source).
fn reported_clause(text: &str, tokens: &[Token], source: Span, cue: &str) -> bool {
    let mut first = tokens.partition_point(|t| t.span.start < source.start);
    // `Obama said Tuesday the version …`, `said last week that …`: when
    // the clause was reported comes between.
    if first >= 3 && is_time_phrase(text, tokens[first - 2], tokens[first - 1]) {
        first -= 2;
    } else if first >= 2 && lower_is_any(tokens[first - 1], text, WEEKDAYS) {
        first -= 1;
    }
    let Some(before) = first.checked_sub(1).map(|k| tokens[k]) else {
        return false;
    };
    let naming = cue.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("call"));
    // `now that Cruz has endorsed Trump`: a conjunction, not reported words.
    let conjunction = first >= 2
        && lower_is_any(
            tokens[first - 2],
            text,
            &["now", "so", "except", "given", "provided"],
        );
    before.word
        && (lower_is(before, text, "that") && !conjunction
            || REPORTING.contains(before.text(text))
            || naming && lower_is(before, text, "what"))
}

/// Auxiliaries, negations and adverbs between a subject and its verb.
fn is_between(w: &str) -> bool {
    let negation = w.ends_with("n't") || w.ends_with("n’t");
    // `USA TODAY found`: a word in capitals is part of a name.
    ly_adverb(w) || negation || BETWEEN.contains(w) && !in_capitals(w)
}

/// Whether `w` is a lowercase adverb in `-ly` (`repeatedly`, `dryly`).
/// Nouns and verbs in `-ly` are none (`a Rochester rally blasting
/// Clinton`); an exact `match`, as this runs for nearly every word.
fn ly_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && w.bytes().all(|c| c.is_ascii_lowercase())
        && !matches!(
            w,
            "rally"
                | "family"
                | "assembly"
                | "supply"
                | "reply"
                | "anomaly"
                | "monopoly"
                | "apply"
                | "comply"
                | "imply"
                | "multiply"
                | "bully"
                | "tally"
                | "belly"
                | "folly"
        )
}

/// `I` for `I've`: a pronoun subject without its contracted auxiliary.
fn without_contraction(text: &str, source: Span) -> Span {
    let cut = pronoun_contraction(&text[source.range()]);
    cut.map_or(source, |k| Span::new(source.start, source.start + k))
}

/// Where the pronoun ends in a pronoun with a contracted auxiliary (`I've`,
/// `he’s`, `they’re`): the byte offset of the apostrophe.
fn pronoun_contraction(w: &str) -> Option<usize> {
    w.find(['\'', '’']).filter(|&k| PRONOUN.contains(&w[..k]))
}

/// Whether `w` opens a list of members that belongs to the phrase before
/// it (`Other unions, including the AFL-CIO, have endorsed …`).
fn is_inclusive(w: &str) -> bool {
    is_one_of(w, &["including", "like", "such", "among"])
}

/// Whether three words say when: `at the time`, `in recent days`, `over
/// the weekend`.
fn is_time_phrase3(text: &str, words: [Token; 3]) -> bool {
    let [first, second, third] = words;
    lower_is_any(first, text, &["at", "in", "on", "over", "during", "for"])
        && lower_is_any(second, text, &["the", "that", "this", "recent", "past"])
        && lower_is_any(
            third,
            text,
            &[
                "time",
                "moment",
                "point",
                "past",
                "days",
                "weeks",
                "months",
                "years",
                "weekend",
                "morning",
                "evening",
                "night",
                "afternoon",
            ],
        )
}

/// Whether two words say when: `on Tuesday`, `in 2010`, `last week`.
fn is_time_phrase(text: &str, first: Token, second: Token) -> bool {
    let (a, b) = (first.text(text), second.text(text));
    let when = is_one_of(a, &["on", "in", "last", "this", "late", "early", "earlier"]);
    let time = b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit())
        || TIME_WORD.contains(b)
        || MONTH.contains(b.trim_end_matches('.')); // `Comey in June criticized`
    first.word && second.word && when && time
}

fn is_form_of_be(w: &str) -> bool {
    is_one_of(w, &["is", "are", "was", "were", "am", "been"])
}

fn is_passive_or_infinitive(w: &str) -> bool {
    is_one_of(
        w,
        &[
            "to", "be", "is", "was", "were", "been", "being", "are", "am", "get", "got",
        ],
    )
}

/// Whether token `i` is a period that belongs to an abbreviation or initial
/// just before it.
fn abbreviation_dot(text: &str, tokens: &[Token], i: usize) -> bool {
    if tokens[i].punct(text) != Some('.') || i == 0 {
        return false;
    }
    let w = tokens[i - 1];
    if !w.word || w.span.end != tokens[i].span.start {
        return false;
    }
    let s = w.text(text);
    let initials = s.contains('.') && s.chars().next().is_some_and(char::is_uppercase);
    initials
        || (s.chars().count() == 1 && s.chars().all(char::is_uppercase))
        || ABBREVIATION.contains(s)
}

/// The first token of the name that ends before token `end`: the run of
/// capitalized words and initials' periods before it, going back no
/// further than token `floor`.
fn name_start(text: &str, tokens: &[Token], end: usize, floor: usize) -> usize {
    let mut start = end;
    while start > floor
        && (tokens[start - 1].capitalized(text) || abbreviation_dot(text, tokens, start - 1))
    {
        start -= 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, Tag};

    /// The sources `suggest` proposes for `input`, as text.
    fn found(input: &str) -> Vec<String> {
        let article = Article::new(input.to_owned());
        crate::suggest::suggest(&article, &[Tag::Source])
            .iter()
            .map(|x| input[x.span.range()].to_owned())
            .collect()
    }

    /// The sources of `sentence` after the sentences of `context`.
    fn found_after(context: &str, sentence: &str) -> Vec<String> {
        found(&format!("{context}{sentence}"))
    }

    /// Each `(sentence, source)` of `cases`, after `context`, has that one
    /// source.
    fn assert_each_found_after(context: &str, cases: &[(&str, &str)]) {
        for (sentence, source) in cases {
            assert_eq!(found_after(context, sentence), vec![*source], "{sentence}");
        }
    }

    #[test]
    fn the_subject_before_said_is_the_source() {
        assert_eq!(
            found("The Central Election Commission says the vote was fair."),
            vec!["The Central Election Commission"]
        );
        assert_eq!(found("But Mr. Smith has also said no."), vec!["Mr. Smith"]);
        assert_eq!(
            found("The American Legion has twice complained to them."),
            vec!["The American Legion"]
        );
    }

    #[test]
    fn the_body_a_name_speaks_for_belongs_to_it() {
        assert_eq!(
            found("\"We see failures,\" said Edward Alden of the Council on Foreign Relations."),
            vec!["Edward Alden of the Council on Foreign Relations"]
        );
        // A place after a name is no part of it.
        assert_eq!(
            found("\"It was wrong,\" said Del. Stacey Plaskett of the Virgin Islands."),
            vec!["Del. Stacey Plaskett"]
        );
    }

    #[test]
    fn an_inverted_cue_takes_the_source_after_it() {
        assert_eq!(
            found("\"It is over,\" said Sen. Claire McCaskill (D-Mo.)."),
            vec!["Sen. Claire McCaskill (D-Mo.)"]
        );
        // A stray comma after the tag.
        assert_eq!(
            found("Sen. Jack Reed (D-R.I.), said after a lunch that he had not read it."),
            vec!["Sen. Jack Reed (D-R.I.)"]
        );
    }

    #[test]
    fn present_tense_and_weak_cues_invert_after_a_quotation() {
        for cue in ["suggests", "concedes", "notes", "predicts", "jokes"] {
            let input = format!("\"Go for a walk,\" {cue} Molitor.");
            assert_eq!(found(&input), vec!["Molitor"], "{input}");
        }
        // Without a quotation a weak cue still needs its subject first.
        assert_eq!(
            found("The plan, notes the memo, is old."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_adverb_after_an_inverted_cue_is_no_source() {
        assert_eq!(
            found("''It is in the culture,'' Mr. Kaplan, a screenwriter, said dryly."),
            vec!["Mr. Kaplan, a screenwriter,"]
        );
    }

    #[test]
    fn according_to_names_its_source() {
        assert_eq!(
            found("Turnout fell, according to the electoral commission."),
            vec!["the electoral commission"]
        );
        // No clause follows `according to`: words that look like verbs are
        // nouns there, `by` names the author, `to` may be inside a name.
        assert_eq!(
            found("According to a new report by Politico, insiders worry."),
            vec!["a new report by Politico"]
        );
        assert_eq!(
            found("According to exit polls conducted for The Associated Press, most were angry."),
            vec!["exit polls conducted for The Associated Press"]
        );
        assert_eq!(
            found("Clinton led, according to a survey conducted immediately after the debate."),
            vec!["a survey conducted immediately after the debate"]
        );
        assert_eq!(
            found("Trump leads, according to a poll from Florida Atlantic University."),
            vec!["a poll from Florida Atlantic University"]
        );
        // After a determiner, a word like a verb is a noun.
        assert_eq!(
            found("\"It is not required,\" said the ruling."),
            vec!["the ruling"]
        );
        assert_eq!(
            found("According to conservative talk radio host Rush Limbaugh, it failed."),
            vec!["conservative talk radio host Rush Limbaugh"]
        );
        assert_eq!(
            found("Thousands walked out, according to the Alliance to Reclaim Our Schools."),
            vec!["the Alliance to Reclaim Our Schools"]
        );
        // A name then a verb starts a clause: the phrase ends before it.
        assert_eq!(
            found("Taxes rise, according to a speech Mrs. Clinton delivered in May."),
            vec!["a speech Mrs. Clinton"]
        );
    }

    #[test]
    fn speaking_on_condition_of_anonymity_describes_the_source() {
        assert_eq!(
            found(
                "\"It could go either way,\" said an industry lobbyist who spoke on the condition of anonymity to talk freely."
            ),
            vec!["an industry lobbyist who spoke on the condition of anonymity to talk freely"]
        );
        assert_eq!(
            found("Some say so, according to officials who asked not to be named."),
            vec!["Some", "officials who asked not to be named"]
        );
    }

    #[test]
    fn names_and_nouns_that_look_like_other_words() {
        // `daily` after a determiner is a newspaper, not an adverb.
        assert_eq!(
            found("“She is well positioned,” the daily wrote."),
            vec!["the daily"]
        );
        // `TODAY` in capitals is part of a name.
        assert_eq!(
            found("USA TODAY found similar lobbying."),
            vec!["USA TODAY"]
        );
        // A capitalized cue inside a name is no cue.
        assert!(found("On Monday, a Rasmussen Reports poll was out.").is_empty());
        assert_eq!(found("He no longer believed it."), vec!["He"]);
    }

    #[test]
    fn a_name_keeps_its_organization_after_at() {
        assert_eq!(
            found("\"It is spectacular,\" said Chris Low at FTN Financial."),
            vec!["Chris Low at FTN Financial"]
        );
    }

    #[test]
    fn a_connective_between_subject_and_verb_is_no_part_of_the_source() {
        // A noun in `-ly` is no adverb.
        assert_eq!(
            found("Scott's family has called on police to release the videos."),
            vec!["Scott's family"]
        );
        assert!(found("The senator opened a Rochester rally blasting Clinton.").is_empty());
        // Nor are adverbs in a row, with a comma between them.
        assert_eq!(
            found(
                "It came after Arizona was called, a day in which she repeatedly, implicitly criticized him."
            ),
            vec!["she"]
        );
        assert_eq!(
            found("Carter however said he would welcome China."),
            vec!["Carter"]
        );
        assert_eq!(
            found("Obama too has argued that the deal works."),
            vec!["Obama"]
        );
    }

    #[test]
    fn a_month_between_subject_and_verb_is_a_time_phrase() {
        assert_eq!(
            found("Comey in June sharply criticized the handling of emails."),
            vec!["Comey"]
        );
    }

    #[test]
    fn a_date_is_no_source() {
        assert!(found("Groups that raised money since Jan. 1, 2015, shows a gap.").is_empty());
        // A date inside a phrase belongs to it.
        assert_eq!(
            found("A Sept. 15, 2011 email shows State sent 10 staffers."),
            vec!["A Sept. 15, 2011 email"]
        );
        assert_eq!(
            found("A March 2, 2015 memo shows that she knew."),
            vec!["A March 2, 2015 memo"]
        );
    }

    #[test]
    fn those_responding_belong_to_their_share() {
        assert_eq!(
            found("Clinton was supported by 42 percent of those responding, the poll said."),
            vec!["42 percent of those responding", "the poll"]
        );
    }

    #[test]
    fn the_agent_of_asked_is_a_source() {
        assert_eq!(
            found("Title\n\nHe smiled. Asked by Stephanopoulos to respond, he declined."),
            vec!["Stephanopoulos", "he"]
        );
        assert_eq!(
            found("Title\n\nWhen asked directly by The Times if they were involved, they left."),
            vec!["The Times"]
        );
        assert_eq!(
            found("Title\n\nWhen pressed by Holt about jobs, the candidate paused."),
            vec!["Holt"]
        );
    }

    #[test]
    fn the_agent_of_a_participle_of_saying_is_a_source() {
        assert_eq!(
            found("The registration issue was first reported by The Washington Post."),
            vec!["The Washington Post"]
        );
        assert_eq!(
            found("Her view was echoed by everyone I interviewed."),
            vec!["everyone I interviewed"]
        );
        assert_eq!(
            found("It was echoed by experts I spoke to about Mrs. Clinton's plans, as before."),
            vec!["experts I spoke to about Mrs. Clinton's plans"]
        );
        // The same clause before a cue.
        assert_eq!(
            found("In her favor, all the experts I interviewed said her plan was clearer."),
            vec!["all the experts I interviewed"]
        );
        assert_eq!(
            found("It was denounced by Neera Tanden and Blair Effron, who run it."),
            vec!["Neera Tanden and Blair Effron"]
        );
        // Agents of mere actions are not sources, nor is the subject of a
        // passive, adverb or not.
        assert!(found("The bill was backed by the governor.").is_empty());
        assert_eq!(
            found("The plan was widely criticized by Democrats."),
            vec!["Democrats"]
        );
    }

    #[test]
    fn a_list_of_names_is_one_source() {
        assert_eq!(
            found(
                "Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all said it."
            ),
            vec![
                "Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.)"
            ]
        );
        // A comma alone makes no list.
        assert_eq!(found("In Washington, Obama said no."), vec!["Obama"]);
        // `former` before a name in the list; a connective before a comma
        // is no name.
        assert_eq!(
            found("Gov. Martin O’Malley (D) and former Gov. Mike Huckabee (R) announced it."),
            vec!["Gov. Martin O’Malley (D) and former Gov. Mike Huckabee (R)"]
        );
        assert_eq!(
            found("However, Sen. Bernie Sanders and Gov. Martin O'Malley suggested otherwise."),
            vec!["Sen. Bernie Sanders and Gov. Martin O'Malley"]
        );
    }

    #[test]
    fn studies_and_data_speak_with_their_authors() {
        assert_eq!(
            found("A 2014 study by Loyola Law School professor Justin Levitt found 31 cases."),
            vec!["A 2014 study by Loyola Law School professor Justin Levitt"]
        );
        assert_eq!(
            found("Data from the 2014 American Community Survey show that women gained."),
            vec!["Data from the 2014 American Community Survey"]
        );
        assert_eq!(
            found("A story by the website Politico says that delegates are poised."),
            vec!["A story by the website Politico"]
        );
        // After `and`, the phrase opens a clause; it is no object.
        assert_eq!(
            found(
                "Cruz leads, and a story by the website Politico says that delegates are poised."
            ),
            vec!["a story by the website Politico"]
        );
    }

    #[test]
    fn a_noun_for_people_keeps_both_objects_of_its_preposition() {
        assert_eq!(
            found("Experts on North Korea and nuclear nonproliferation said the test mattered."),
            vec!["Experts on North Korea and nuclear nonproliferation"]
        );
        assert_eq!(
            found("Political observers in Virginia and around the country say Scott deserves it."),
            vec!["Political observers in Virginia and around the country"]
        );
    }

    #[test]
    fn a_plural_cue_before_an_object_is_a_verb() {
        assert_eq!(
            found("Video of the incident shows him with his hands in the air."),
            vec!["Video of the incident"]
        );
        assert_eq!(
            found("Polling averages show Clinton with a lead."),
            vec!["Polling averages"]
        );
    }

    #[test]
    fn a_plural_cue_before_that_is_a_verb() {
        assert_eq!(
            found("Another slide shows that eight of 10 avocados are imported."),
            vec!["Another slide"]
        );
        assert!(found("Her plan needs the help of states that may balk.").is_empty());
    }

    #[test]
    fn names_with_time_words_possessive_her_and_filings_with_a_body() {
        assert_eq!(
            found("An online Politico/Morning Consult tracking poll showed less change."),
            vec!["An online Politico/Morning Consult tracking poll"]
        );
        assert_eq!(
            found("It was done, as some of her supporters privately noted."),
            vec!["some of her supporters"]
        );
        assert_eq!(
            found(
                "By Sept. 30, according to new filings with the Federal Election Commission, \
                   the committee had spent more."
            ),
            vec!["new filings with the Federal Election Commission"]
        );
        // What follows the comma is the main clause when it has its own
        // auxiliary.
        assert_eq!(
            found("By then, according to officials, the committee had spent more."),
            vec!["officials"]
        );
        assert_eq!(
            found("In Britain, a study by the Institute for Statecraft found that it was biased."),
            vec!["a study by the Institute for Statecraft"]
        );
        assert_eq!(
            found("We met Clinton.\n\nMany of her closest advisers want to humiliate him."),
            vec!["Many of her closest advisers"]
        );
        // After `little`, `no`, `any`, a cue word is a noun.
        assert!(found("But his speech carried little mention of them.").is_empty());
    }

    #[test]
    fn the_owner_of_a_claim_spelled_out_is_its_source() {
        assert_eq!(
            found("Politifact seized on Trump’s claim that there were thousands."),
            vec!["Trump’s"]
        );
        assert_eq!(
            found("It contradicted Tulsa police’s earlier claim that he had refused."),
            vec!["Tulsa police’s"]
        );
        assert_eq!(
            found("She fanned controversy over her remark that there is a special place."),
            vec!["her"]
        );
        // Without a `that` clause the claim says nothing here.
        assert!(found("Politifact looked at Trump’s claim in detail.").is_empty());
    }

    #[test]
    fn a_headline_speaker_comes_before_the_one_spoken_to() {
        assert_eq!(
            found("Black Democrats to Hillary Clinton: Send Money to Take Congress.\n\nText."),
            vec!["Black Democrats"]
        );
        // Five words without `to` are a headline, not a label.
        assert!(found("Veto Power Impedes Peace Efforts: Eliminating war is hard.").is_empty());
    }

    #[test]
    fn headings_in_capitals_have_no_cues() {
        assert!(found("QUESTIONABLE MEDICAL CLAIMS — For years, Oz was dogged.").is_empty());
        assert_eq!(
            found("EVEN OZ’S BOSS THINKS HE’S WRONG — The head of Sony agreed."),
            vec!["The head of Sony"]
        );
    }

    #[test]
    fn the_object_of_a_preposition_is_no_subject() {
        assert!(
            found("The spike can be credited to the aggressive laws proposed in 1971.").is_empty()
        );
        // Unless the whole subject runs from the sentence's start (see
        // `a_subject_ending_in_a_prepositional_object_runs_from_the_start`).
        assert!(found("It rose after cuts credited to the laws proposed in 1971.").is_empty());
    }

    #[test]
    fn a_name_after_an_object_starts_the_clause() {
        assert_eq!(
            found("Scott invoked the famous story John F. Kennedy told about his father."),
            vec!["John F. Kennedy"]
        );
        assert_eq!(
            found("In a Bloomberg interview Trump declared that NATO was obsolete."),
            vec!["Trump"]
        );
        // A title for people keeps its name.
        assert_eq!(
            found("But the Republican nominee Donald Trump said it was rigged."),
            vec!["the Republican nominee Donald Trump"]
        );
    }

    #[test]
    fn told_afp_attributes_to_the_speaker() {
        assert_eq!(
            found("\"We want free elections,\" one employee, Andrei Yaroshevich, told AFP."),
            vec!["one employee, Andrei Yaroshevich,"]
        );
        assert_eq!(
            found("Officials told AFP the bridge was closed."),
            vec!["Officials"]
        );
    }

    #[test]
    fn pronouns_are_sources_when_they_speak() {
        assert_eq!(found("\"Never,\" he said."), vec!["he"]);
        assert_eq!(
            found("They warned that sanctions would follow."),
            vec!["They"]
        );
        assert_eq!(
            found("She left after she publicly denounced the results."),
            vec!["she"]
        );
        // A pronoun opening a clause of its own, before an attitude verb.
        assert_eq!(
            found("The crowd cheered as he praised the troops."),
            vec!["he"]
        );
        assert_eq!(
            found("Trump spoke, and now he’s claiming that the polls are rigged."),
            vec!["he"]
        );
        // A pronoun with its auxiliary, before a progressive.
        assert_eq!(
            found("Trump spoke. He’s predicting a big win in Ohio."),
            vec!["He"]
        );
    }

    #[test]
    fn a_subject_may_carry_two_descriptions() {
        assert_eq!(
            found("Marvin Teske, 53, a security guard at a casino, is backing Clinton."),
            vec!["Marvin Teske, 53, a security guard at a casino,"]
        );
        // One description, then the verb.
        assert_eq!(
            found("Marvin Teske, a security guard at a casino, is backing Clinton."),
            vec!["Marvin Teske, a security guard at a casino,"]
        );
    }

    #[test]
    fn a_subject_may_end_in_a_phrase_after_a_preposition() {
        assert_eq!(
            found(
                "Title\n\nThe vote by Others was close. Others in the community have opposed it."
            ),
            vec!["Others in the community"]
        );
        // A verb that attributes nothing keeps the phrase silent.
        assert!(
            found("Title\n\nThe vote by Others was close. Others in the community have left.")
                .is_empty()
        );
    }

    #[test]
    fn a_subject_may_run_to_sixteen_words() {
        assert_eq!(
            found(
                "Early results of exit polls conducted by Edison Research for The Associated \
                 Press and television networks showed that voters were angry."
            ),
            vec![
                "Early results of exit polls conducted by Edison Research for The Associated \
                 Press and television networks"
            ]
        );
        assert_eq!(
            found(
                "Former U.N. Ambassador John Bolton and Breitbart News National Security editor \
                 Dr. Sebastian Gorka said the deal was bad."
            ),
            vec![
                "Former U.N. Ambassador John Bolton and Breitbart News National Security editor \
                 Dr. Sebastian Gorka"
            ]
        );
    }

    #[test]
    fn went_on_to_and_made_clear_report_their_subject() {
        assert_eq!(
            found("Title\n\nThe speech by Obama was long. Obama went on to praise Clinton."),
            vec!["Obama"]
        );
        assert_eq!(
            found("Title\n\nThe speech was long. He went on to say the vote was rigged."),
            vec!["He"]
        );
        assert_eq!(
            found("Title\n\nThe talks with Ham ended. Ham made it clear he had misgivings."),
            vec!["Ham"]
        );
        assert_eq!(
            found(
                "Title\n\nThe race with Clinton was close. Clinton is continuing to insist she won."
            ),
            vec!["Clinton"]
        );
        assert_eq!(
            found("Title\n\nThe race with Obama was close. Officials had begun to hint at a deal."),
            vec!["Officials"]
        );
        assert_eq!(
            found(
                "Title\n\nThe race with Ryan was close. Republicans have begun urging him to act."
            ),
            vec!["Republicans"]
        );
        // `went on to win` is an act, not a statement.
        assert!(
            found("Title\n\nThe race with Reagan was close. Reagan went on to win.").is_empty()
        );
    }

    #[test]
    fn taking_issue_and_casting_as_state_a_view() {
        assert_eq!(
            found("Title\n\nThe talks with Ryan ended. Ryan took issue with the plan."),
            vec!["Ryan"]
        );
        assert_eq!(
            found("Title\n\nThe rally for Clinton ended. Clinton cast her rival as a dreamer."),
            vec!["Clinton"]
        );
        assert_eq!(
            found("Title\n\nThe rally for Clinton ended. Clinton took to Twitter to thank voters."),
            vec!["Clinton"]
        );
        assert!(
            found("Title\n\nThe polls with Smith opened. Smith cast his vote as polls opened.")
                .is_empty()
        );
    }

    #[test]
    fn making_a_statement_and_taking_aim_state_a_view() {
        let about = |sentence: &str| {
            found(&format!(
                "Title\n\nThe race with Ryan was close. {sentence}"
            ))
        };
        for sentence in [
            "Ryan made no mention of the plan.",
            "Ryan made her first public comments about the plan.",
            "Ryan made the case for a wall.",
            "Ryan made little secret of his disdain.",
            "Ryan took aim at the plan.",
            "Ryan also took multiple swipes at the plan.",
            "Ryan has taken a firm stance against the plan.",
            "Ryan took offense at the plan.",
            "Ryan has come out in support of the plan.",
            "Ryan came out strongly against the plan.",
            "Ryan is making an impassioned case for the plan.",
        ] {
            assert_eq!(about(sentence), vec!["Ryan"], "{sentence}");
        }
        // Remarks named by `the` or `his` were reported before; other
        // objects are no statement.
        for sentence in [
            "Ryan made his remarks during a breakfast.",
            "Ryan made the pledge at a rally.",
            "Ryan made a fortune in real estate.",
            "Ryan took a walk at noon.",
            "Ryan came out of the meeting.",
        ] {
            assert!(about(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn phrasal_verbs_of_stance_are_cues() {
        assert_eq!(
            found("Glenn Beck doubled down on his rhetoric."),
            vec!["Glenn Beck"]
        );
        assert_eq!(
            found("The White House pushed back on the report."),
            vec!["The White House"]
        );
        assert_eq!(found("Smith lashed out at critics."), vec!["Smith"]);
        // The verb alone is no cue.
        assert!(found("The storm hit the coast. Police shot a man.").is_empty());
    }

    #[test]
    fn a_participle_after_by_or_a_dash_shares_the_subject() {
        let context = "Title\n\nThe race with Trump and Marco Rubio was close. ";
        assert_eq!(
            found_after(context, "Trump inflamed tensions by saying he would win."),
            vec!["Trump"]
        );
        assert_eq!(
            found_after(
                context,
                "Marco Rubio flipped on the spot \u{2013} saying he was wrong."
            ),
            vec!["Marco Rubio"]
        );
    }

    #[test]
    fn a_pronoun_after_comma_and_opens_a_clause() {
        assert_eq!(
            found("Mr. Eyal waited, and he speculated that NatWest may prefer it."),
            vec!["he"]
        );
    }

    #[test]
    fn speaking_to_an_audience_reports_nothing_without_a_topic() {
        let context = "Title\n\nThe rally for Clinton ended. ";
        assert!(
            found_after(
                context,
                "Aides to Clinton, who spoke on the condition of anonymity, traded emails."
            )
            .is_empty()
        );
        assert!(found_after(context, "Clinton spoke to reporters on Thursday.").is_empty());
        assert!(found_after(context, "Clinton later spoke at a memorial service.").is_empty());
        assert_eq!(
            found_after(context, "Clinton spoke at the White House about rights."),
            vec!["Clinton"]
        );
    }

    #[test]
    fn a_description_opening_the_sentence_before_a_name_belongs_to_it() {
        assert_eq!(
            found("One resident, Mary Kay, 67, said the water was rising."),
            vec!["One resident, Mary Kay, 67,"]
        );
        // Not an object of the clause before.
        assert_eq!(
            found("He met the mayor, and Mary Kay, 67, said the water was rising."),
            vec!["Mary Kay, 67,"]
        );
    }

    #[test]
    fn privy_to_describes_and_a_participle_after_had_is_no_subject() {
        assert_eq!(
            found("Republicans privy to polling data said surveys they had seen showed her ahead."),
            vec!["Republicans privy to polling data"]
        );
        assert_eq!(
            found("But has he called for changing the rules?"),
            vec!["he"]
        );
    }

    #[test]
    fn a_day_between_participle_and_agent_keeps_the_maker() {
        assert_eq!(
            found("Data released Monday by the Labor Department showed hiring slowed."),
            vec!["Data released Monday by the Labor Department"]
        );
    }

    #[test]
    fn a_clause_after_said_is_no_inverted_source() {
        let found = found("A spokeswoman, who declined to be named, said sales fell.");
        assert!(found.contains(&"A spokeswoman".to_owned()), "{found:?}");
        assert!(!found.contains(&"sales fell".to_owned()), "{found:?}");
    }

    #[test]
    fn the_medium_between_subject_and_verb_is_no_part_of_the_source() {
        let context = "Title\n\nIt was late for Trump and Davis. ";
        assert_eq!(
            found_after(context, "Trump in a statement said the vote was rigged."),
            vec!["Trump"]
        );
        assert_eq!(
            found_after(
                context,
                "Trump in an interview with Fox News said it was rigged."
            ),
            vec!["Trump"]
        );
        // `the` names which people; a clause inside is no medium phrase.
        assert_eq!(
            found_after(context, "The people in the video said nothing."),
            vec!["The people in the video"]
        );
        assert_eq!(
            found_after(
                context,
                "Davis praised Clinton in a video where she said it."
            ),
            vec!["Davis", "she"]
        );
    }

    #[test]
    fn a_three_word_time_phrase_is_skipped_after_a_sentence_subject_too() {
        let context = "Title\n\nThe rally for Trump ended. ";
        assert_eq!(
            found_after(context, "Trump at the time backed the plan."),
            vec!["Trump"]
        );
        assert_eq!(
            found_after(
                context,
                "Trump at the time went after Bush, calling him weak."
            ),
            vec!["Trump"]
        );
    }

    #[test]
    fn introductory_participles_towns_and_connectives_are_skipped() {
        let context = "Title\n\nThe rally for Trump ended. ";
        for sentence in [
            "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him weak.",
            "On Thursday, however, Trump spoke to oil workers, promising to lift rules.",
            "Chastened by the analyses, Trump revised his plan, promising to focus on families.",
            "Looking out at the crowd, Trump mostly read from his notes, promising more funding.",
        ] {
            assert_eq!(found_after(context, sentence), vec!["Trump"], "{sentence}");
        }
        // A name in `-ing` opens the subject (`Manning backed`), and so
        // does an `-ing` word without a comma.
        assert_eq!(
            found_after(
                context,
                "Voting rights advocates have expressed deep concern about the policy."
            ),
            vec!["Voting rights advocates"]
        );
        assert_eq!(
            found("Title\n\nThe rally for Manning ended. Manning backed the plan, which was old."),
            vec!["Manning"]
        );
    }

    #[test]
    fn titles_in_ing_and_surnames_like_may_stay_in_the_source() {
        let context = "Title\n\nThe crowd cheered. ";
        let cases = [
            (
                "\"It will be sold,\" said Ken Sena, managing director and analyst at Evercore.",
                "Ken Sena, managing director and analyst at Evercore",
            ),
            (
                "Robert Peck, managing director at SunTrust, told me this week that it will be sold.",
                "Robert Peck, managing director at SunTrust,",
            ),
            (
                "Theresa May said this week that Britain would leave.",
                "Theresa May",
            ),
            (
                "Yin Myint May, 60, a doctor, said she was elated.",
                "Yin Myint May, 60, a doctor,",
            ),
        ];
        assert_each_found_after(context, &cases);
        // A participle still opens a clause, and a modal before a capital
        // in a title-case headline is a verb.
        assert_eq!(
            found_after(context, "Trump, speaking to veterans, said he would win."),
            vec!["Trump"]
        );
        assert_eq!(found("Trump May Say Yes To The Debate"), vec!["Trump"]);
    }

    #[test]
    fn complaints_a_contracted_relative_and_whats_more_are_read() {
        let context = "Title\n\nThe rally for Trump ended. ";
        let cases = [
            (
                "On Monday, Trump groused to a crowd that CNN was unfair.",
                "Trump",
            ),
            (
                "\"Why that guy?\" Mr. Burton fumed, using a profane word.",
                "Mr. Burton",
            ),
            (
                "What's more, they note, there are plenty of options.",
                "they",
            ),
            (
                "And Mr. Christie gloated: ''I told you so.''",
                "Mr. Christie",
            ),
            ("''Maybe it is the faith,'' he wondered aloud.", "he"),
            (
                "Collins, who’d previously endorsed Jeb Bush, said he liked Trump.",
                "Collins",
            ),
            (
                "The group, which’d previously backed Bush, said it liked Trump.",
                "The group",
            ),
        ];
        assert_each_found_after(context, &cases);
    }

    #[test]
    fn the_medium_is_skipped_after_a_sentence_subject_too() {
        let context = "Title\n\nThe rally for Trump ended. ";
        assert_eq!(
            found_after(context, "Trump in a statement backed the plan."),
            vec!["Trump"]
        );
        assert_eq!(
            found_after(
                context,
                "Trump in an interview with Fox News backed the plan."
            ),
            vec!["Trump"]
        );
    }

    #[test]
    fn time_phrases_blurting_and_appearing_to_blame() {
        let context = "Title\n\nIt was late for Stumpf and Trump. ";
        assert_eq!(
            found_after(context, "Trump at the time said he had asked his people."),
            vec!["Trump"]
        );
        assert_eq!(
            found_after(
                context,
                "Biden, in an interview with CNN, blurted out, \"Oh, God.\""
            ),
            vec!["Biden"]
        );
        assert_eq!(
            found_after(context, "Stumpf appeared to blame low-level employees."),
            vec!["Stumpf"]
        );
        assert!(found_after(context, "Stumpf appeared to be tired.").is_empty());
    }

    #[test]
    fn an_infinitive_right_after_its_verb_shares_the_subject() {
        let context = "Title\n\nIt was late for Stumpf. ";
        assert_eq!(
            found_after(
                context,
                "White House officials started to portray it as a crime."
            ),
            vec!["White House officials"]
        );
        // With an object between, the object is the one who would speak.
        assert!(found_after(context, "The senator forced Stumpf to admit the fraud.").is_empty());
    }

    #[test]
    fn a_passive_that_reports_words_names_the_speaker() {
        let context = "Title\n\nIt was late for Smith. ";
        for sentence in [
            "Smith was quoted as saying the deal was off.",
            "Smith is said to have told aides the deal was off.",
            "Smith is reported to have said that the deal was off.",
            "Smith was heard telling aides that the deal was off.",
        ] {
            assert_eq!(found_after(context, sentence), vec!["Smith"], "{sentence}");
        }
        assert!(found_after(context, "Smith was reported missing.").is_empty());
        assert!(found_after(context, "Smith was said to be ill.").is_empty());
    }

    #[test]
    fn many_of_whom_is_a_share_of_those_named() {
        assert_eq!(
            found("He met voters, many of whom say the president is wrong."),
            vec!["many of whom"]
        );
        assert_eq!(
            found("He met voters, some of whom told him they were angry."),
            vec!["some of whom"]
        );
    }

    #[test]
    fn institutions_speak_through_statements() {
        assert_eq!(
            found("Title\n\nIt was late. The embassy issued a statement saying no."),
            vec!["The embassy"]
        );
        assert_eq!(
            found("Title\n\nIt was late. The university released a statement."),
            vec!["The university"]
        );
    }

    #[test]
    fn a_statement_released_with_a_clause_after_it_is_a_statement() {
        let context = "Title\n\nIt was late with Smith. ";
        assert_eq!(
            found_after(
                context,
                "His office released a statement saying he is fine."
            ),
            vec!["His office"]
        );
        assert_eq!(
            found_after(context, "Smith released the following statement: “We won.”"),
            vec!["Smith"]
        );
        assert_eq!(found("Her campaign said no."), vec!["Her campaign"]);
    }

    #[test]
    fn continuing_to_raise_money_reports_nothing() {
        assert!(found("RNC leaders continue to raise money for the party.").is_empty());
        assert_eq!(
            found("RNC leaders continue to insist the vote was fair."),
            vec!["RNC leaders"]
        );
    }

    #[test]
    fn keeping_a_lead_and_western_states_report_nothing() {
        let context = "Title\n\nThe race with Clinton went on. ";
        assert!(found_after(context, "Clinton maintains a commanding lock on it.").is_empty());
        assert!(found_after(context, "Clinton has maintained support among voters.").is_empty());
        assert_eq!(
            found_after(context, "Clinton maintained that the vote was fair."),
            vec!["Clinton"]
        );
        assert!(found("Trump did well in the Midwest and other Western states.").is_empty());
        assert!(found("It was a reply regarding the U.S. and Japanese comments.").is_empty());
        assert!(found("The pitch came after the Orlando attacks, not before.").is_empty());
        assert!(
            found("Independents vote in either the Democratic or Republican contests.").is_empty()
        );
        assert_eq!(
            found("The case challenges China’s South China Sea claims, which Beijing ignores."),
            vec!["Beijing"]
        );
        assert_eq!(
            found("Pastor Joseph Brown of Marion Avenue Baptist Church plans to keep recruiting."),
            vec!["Pastor Joseph Brown of Marion Avenue Baptist Church"]
        );
    }

    #[test]
    fn a_past_form_after_a_name_is_its_verb() {
        // Before, `swiped at` read as a participle describing Trump, and the
        // subject ran on to `tweets`.
        assert!(
            found(
                "Title\n\nThe feud with Trump went on. Trump swiped at Ryan in a series of tweets."
            )
            .is_empty()
        );
    }

    #[test]
    fn how_much_was_said_is_no_source() {
        // The subject said it, not `little` after the cue.
        assert_eq!(
            found("The speech by Sanders said little."),
            vec!["The speech by Sanders"]
        );
        assert_eq!(
            found("The speech by Sanders says otherwise."),
            vec!["The speech by Sanders"]
        );
        assert_eq!(
            found("Rates will fall, according to more than 100 economists."),
            vec!["more than 100 economists"]
        );
    }

    #[test]
    fn an_aside_between_commas_is_no_description() {
        // An attribution between commas is an aside of its own.
        assert_eq!(
            found("The woman who led her to her room, Ms. Kostrzewa recalled, asked her name."),
            vec!["Ms. Kostrzewa"]
        );
        // Also when the aside names a town and its state.
        assert_eq!(
            found("Trump, speaking at a rally in Wilmington, N.C., warned that she lies."),
            vec!["Trump"]
        );
        // The comma of a quotation opens no description.
        assert_eq!(
            found("“It’s been seven years,” McCain said, asked about the delay."),
            vec!["McCain"]
        );
        assert_eq!(
            found("Clinton, clearly frustrated, said the plan was bad."),
            vec!["Clinton"]
        );
        assert_eq!(
            found("Some conservatives, taken aback by the response, said it was wrong."),
            vec!["Some conservatives"]
        );
        assert_eq!(
            found("Donald Trump, despite an effort to stay on script, said it was rigged."),
            vec!["Donald Trump"]
        );
        assert_eq!(
            found("The first ad, launched Wednesday, says the plan is bad."),
            vec!["The first ad"]
        );
        // Who made it, and what the subject was, stay in the description.
        assert_eq!(
            found("The transcript\u{2013}published by The Post\u{2013}shows it."),
            vec!["The transcript\u{2013}published by The Post\u{2013}"]
        );
        assert_eq!(
            found("John Smith, formerly of the FBI, said it was wrong."),
            vec!["John Smith, formerly of the FBI,"]
        );
    }

    #[test]
    fn a_closing_according_to_runs_to_the_end_of_the_sentence() {
        assert_eq!(
            found("He will run, according to a person familiar with his thinking."),
            vec!["a person familiar with his thinking"]
        );
        assert_eq!(
            found("Costs rose, according to internal Dow documents made public last year."),
            vec!["internal Dow documents made public last year"]
        );
        assert_eq!(
            found("Turnout rose, according to a poll released last week."),
            vec!["a poll released last week"]
        );
        // A participle after an opening adverb describes the phrase.
        assert_eq!(
            found("Costs rose, according to recently hacked party memos."),
            vec!["recently hacked party memos"]
        );
        // A spaced dash opens an aside; a hyphen joins a word.
        assert_eq!(
            found("Trump trails, according to a polling average - despite winning there."),
            vec!["a polling average"]
        );
        assert_eq!(
            found("Trump trails, according to a first-in-the-nation poll."),
            vec!["a first-in-the-nation poll"]
        );
        // A `who` clause says which person spoke.
        assert_eq!(
            found("He will run, according to a campaign official who was not authorized to speak."),
            vec!["a campaign official who was not authorized to speak"]
        );
    }

    #[test]
    fn un_ed_words_describe_a_source_after_an_inverted_cue() {
        assert_eq!(
            found("“There is no data,” said one unaligned Florida Republican strategist."),
            vec!["one unaligned Florida Republican strategist"]
        );
    }

    #[test]
    fn an_unnamed_source_after_an_inverted_cue_keeps_what_describes_it() {
        assert_eq!(
            found("It went badly, said one GOP source in the room."),
            vec!["one GOP source in the room"]
        );
        assert_eq!(
            found("\"It is over,\" says a source involved in the group's creation."),
            vec!["a source involved in the group's creation"]
        );
        assert_eq!(
            found("“He was worked up about it,” said a source close to the campaign."),
            vec!["a source close to the campaign"]
        );
        // A name does not, nor does a clause with a cue of its own.
        assert_eq!(
            found("\"It is over,\" said Trump in his speech."),
            vec!["Trump"]
        );
        assert_eq!(
            found("\"It is over,\" said one source who identified the aide."),
            vec!["one source"]
        );
    }

    #[test]
    fn as_someone_put_it_names_the_source() {
        assert_eq!(
            found("The money was lawful, as a Homeland Security memo put it."),
            vec!["a Homeland Security memo"]
        );
        assert_eq!(
            found("As Ms. Simonyan once put it, the network is a weapon."),
            vec!["Ms. Simonyan"]
        );
        assert!(found("He put it on the table.").is_empty());
    }

    #[test]
    fn cue_words_used_as_adjectives_and_nouns_are_no_cues() {
        let context = "Title\n\nThe rally ended. ";
        for sentence in [
            "Two aides have been investigated for alleged ties to the Kremlin.",
            "But amid fears that he might lose, the party held back.",
            "Ryan took issue with the talk and other remarks that could induce violence.",
            "Readers may not let editorials tell them how to vote.",
            "The group could make some phone bank calls before the election.",
            "The bill banned all cloning, including one called therapeutic cloning.",
            "The mental and emotional stress is constantly with me.",
            "Parents are suffering this type of combat-level stress daily.",
            "Paid Notice: Deaths SIEGEL, JEROME ARTHUR.",
            "The group is sponsoring a competition called the House to Home Prize.",
            "The first four states that vote represent only 4% of the delegates.",
            "Neither were her five proposed bills passed.",
            "Despite polls showing her well behind, the campaign went on.",
            "Forty-three percent of all reported contributions came from women.",
            "Nearly 60 percent of Mrs. Clinton's reported contributions came from women.",
            "The team worked to formulate its own recommended list of loyalists.",
            "The office was once used for building sets for the reality TV show.",
        ] {
            assert!(found_after(context, sentence).is_empty(), "{sentence}");
        }
        // `as reported by` keeps its reading, and `not everyone` is a subject.
        assert_eq!(
            found_after(context, "Turnout fell, as reported by the commission."),
            vec!["the commission"]
        );
        assert_eq!(
            found_after(context, "But not everyone agrees on the plan."),
            vec!["everyone"]
        );
        assert_eq!(
            found_after(context, "China and Russia support the plan."),
            vec!["China and Russia"]
        );
        assert_eq!(
            found_after(
                context,
                "As Sanders has sometimes acknowledged, it changed."
            ),
            vec!["Sanders"]
        );
        assert_eq!(
            found_after(
                context,
                "He gave a speech in which he called for a new deal."
            ),
            vec!["he"]
        );
    }

    #[test]
    fn a_reporters_credit_line_is_no_attribution() {
        assert!(found("Nelson D. Schwartz reported from New York.").is_empty());
        assert!(found("Lerer reported from Los Angeles. Jones contributed.").is_empty());
        assert!(
            found("Glorioso reports for Naples (Fla.) Daily News; Williams reports for The News-Press.")
                .is_empty()
        );
        assert!(found("HUFFPOST READERS: What’s happening in your state?").is_empty());
        assert_eq!(
            found("Our correspondent reported from Moscow that the talks had failed."),
            vec!["Our correspondent"]
        );
    }

    #[test]
    fn thanks_emails_and_texts_are_attributed() {
        assert_eq!(
            found("On Monday, Cruz thanked Trump on Twitter for backing the plan."),
            vec!["Cruz"]
        );
        assert_eq!(
            found("The Vermont senator emailed supporters on Monday."),
            vec!["The Vermont senator"]
        );
        assert_eq!(found("Weiner texted her again."), vec!["Weiner"]);
        // `thanks to` is no act of thanking.
        assert!(found("Thanks to the rain, turnout fell.").is_empty());
    }

    #[test]
    fn nouns_that_look_like_cues_are_not() {
        assert!(found("The report was published. His statement was short.").is_empty());
        assert!(found("She was told to leave.").is_empty());
        assert!(found("Trump so far has won 758 pledged delegates.").is_empty());
    }

    #[test]
    fn a_description_after_an_inverted_source_belongs_to_it() {
        assert_eq!(
            found("\"It is over,\" said Len Burman, head of the Tax Policy Center."),
            vec!["Len Burman, head of the Tax Policy Center"]
        );
        // What follows the comma of a leading `according to` is the clause.
        assert_eq!(
            found("According to police, the suspect fled."),
            vec!["police"]
        );
    }

    #[test]
    fn a_clause_between_commas_is_not_the_source() {
        assert_eq!(
            found("Trump, speaking to veterans in Virginia, said he would act."),
            vec!["Trump"]
        );
        assert_eq!(
            found("Aaron Kall, the director of debate at the university, said it was close."),
            vec!["Aaron Kall, the director of debate at the university,"]
        );
    }

    #[test]
    fn a_name_after_a_dash_signs_the_quote() {
        assert_eq!(
            found("\u{201c}He is our greatest shame.\u{201d} \u{2015} Sonya Herridge"),
            vec!["Sonya Herridge"]
        );
        // A fact check signs each claim with a spaced hyphen on its own line.
        assert_eq!(
            found(
                "Title\n\n\"Wealth is going to the top 1 percent.\"\n\n- Bernie Sanders.\n\nThe senator is wrong."
            ),
            vec!["Bernie Sanders"]
        );
        // Not a hyphen inside a word, nor a list item after no quotation.
        assert!(found("Title\n\nHe left.\n\n- Bernie Sanders.").is_empty());
    }

    #[test]
    fn a_verb_right_after_the_cue_makes_that_a_relative_pronoun() {
        assert_eq!(
            found("He withheld information that government officials said would harm security."),
            vec!["government officials"]
        );
        assert_eq!(
            found("Courts struck down laws that appeals courts said discriminated against voters."),
            vec!["appeals courts"]
        );
        // With a subject after the cue, `that` opens a reported clause.
        assert_eq!(
            found("She said that Trump said the plan was dead."),
            vec!["She"]
        );
    }

    #[test]
    fn a_clause_reported_by_another_source_is_its_content() {
        assert_eq!(found("She said leaders had agreed to a plan."), vec!["She"]);
        assert_eq!(
            found("He notes that the commission announced a change."),
            vec!["He"]
        );
        // When it was said may come between.
        assert_eq!(
            found("Obama said Tuesday the version Republicans are talking about is untrue."),
            vec!["Obama"]
        );
        assert_eq!(
            found("Democrats noted that last year Pagliano invoked his rights."),
            vec!["Democrats"]
        );
    }

    #[test]
    fn who_after_a_comma_is_the_source_of_its_attitude_verb() {
        assert_eq!(
            found("The move angered some agents, who thought the leaders were wrong."),
            vec!["who"]
        );
        assert_eq!(
            found("It was a blow to Cruz, who pointedly refused to endorse Trump."),
            vec!["who"]
        );
        // Without the comma, `who` picks out a group.
        assert!(found("It helps people who want a result.").is_empty());
    }

    #[test]
    fn subjects_that_want_refuse_or_compare_are_sources() {
        // A capital opening a sentence is a name when the article writes
        // it so elsewhere.
        assert_eq!(
            found("It met with Democrats. Democrats want policies that pay."),
            vec!["Democrats"]
        );
        assert_eq!(
            found("Meanwhile, the two Republican presidents refused to sign it."),
            vec!["the two Republican presidents"]
        );
        assert_eq!(
            found("The group also views Obama as a failure."),
            vec!["The group"]
        );
        assert_eq!(
            found("Bill Clinton said it was time. Clinton then likened him to a coach."),
            vec!["Bill Clinton", "Clinton"]
        );
        assert_eq!(
            found("It was late, as the voters doubted the answers."),
            vec!["the voters"]
        );
    }

    #[test]
    fn an_attitude_verb_after_a_description_has_the_described_subject() {
        assert_eq!(
            found("The Europeans, who had been cut out of the talks, derided the deal."),
            vec!["The Europeans"]
        );
        // Mid-sentence, the phrase before the comma is seldom the subject.
        assert!(
            found("They met as the Europeans, angry at the cost, derided the deal.").is_empty()
        );
        // Only a verb of attitude attributes, and a passive participle is none.
        assert!(found("The Europeans, angry at the cost, left the talks.").is_empty());
        assert!(
            found("For five years, Burma has been taking steps, encouraged by the West.")
                .is_empty()
        );
    }

    #[test]
    fn subjects_that_only_act_are_not_sources() {
        assert!(found("Patriot sold the mine to Mr. Clarke.").is_empty());
        assert!(found("The McKinley plan is linear.").is_empty());
        assert!(found("The report was published on Monday.").is_empty());
        // `Taxes` opens the sentence with a capital but is no name.
        assert!(found("Taxes support schools in the state.").is_empty());
        // Winning is no statement: `claiming his third victory`, `adding to`.
        assert!(
            found("Bernie Sanders won the caucus, claiming his third victory of the night.")
                .is_empty()
        );
        assert!(
            found("Hillary Clinton wins the primary, adding to her run of victories.").is_empty()
        );
        assert!(found("We met Clinton.\n\nClinton is adding to her delegate lead.").is_empty());
        // Raising money is no stance; raising concerns is.
        assert!(found("Through September, O’Malley had raised $3.2 million.").is_empty());
        assert!(found("In all, Priorities has raised about $175 million.").is_empty());
        assert!(found("Trump Victory also sent $341,560 to the state party.").is_empty());
        // Charging ahead is no charge.
        assert!(
            found("Trump vowed never to quit, as he charged into new territory.")
                .iter()
                .all(|s| s != "he")
        );
        assert_eq!(
            found("Senator Collins raised concerns about the bill."),
            vec!["Senator Collins"]
        );
    }

    #[test]
    fn doubled_apostrophes_close_a_quote() {
        assert_eq!(
            found("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist."),
            vec!["Douglas Holtz-Eakin, an economist"]
        );
    }

    #[test]
    fn a_subject_keeps_its_phrases_and_skips_the_time() {
        assert_eq!(
            found("Developers and supporters in Congress say the program works."),
            vec!["Developers and supporters in Congress"]
        );
        assert_eq!(
            found("But Sanders on Tuesday said he wants more."),
            vec!["Sanders"]
        );
        assert_eq!(
            found("\"It is close,\" said 9/11 widow Terry Strada."),
            vec!["9/11 widow Terry Strada"]
        );
        assert_eq!(
            found("It is over, said Rep. G.K. Butterfield (D-N.C.), head of the caucus."),
            vec!["Rep. G.K. Butterfield (D-N.C.), head of the caucus"]
        );
    }

    #[test]
    fn what_follows_an_inverted_cue_must_be_a_phrase() {
        // A clause after `said` is what was said; `of RT` is no source.
        assert_eq!(
            found("Losses will outstrip gains, said Batchelder."),
            vec!["Batchelder"]
        );
        assert!(found("\"It is propaganda,\" said of RT.").is_empty());
        assert_eq!(
            found("\"They were stolen,\" said a joint statement from the two agencies."),
            vec!["a joint statement from the two agencies"]
        );
        // A sentence may open with the cue when a name and a colon follow.
        assert_eq!(
            found("Said Ellis: “I don’t get the sense she is ready.”"),
            vec!["Ellis"]
        );
        assert_eq!(
            found("The hacker known as “Guccifer,” stated that he had access."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn labels_named_words_and_plural_nouns_are_not_sources() {
        assert!(found("Correction: An earlier version misstated the date.").is_empty());
        assert!(found("Stealth Over Health: Clinton Was Headed to ER.").is_empty());
        assert_eq!(found("WALLACE: Let us begin."), vec!["WALLACE"]);
        // A colon set apart is French typography: `Lire :` is a link's label.
        assert!(found("Lire : Que sont les IMSI-catchers").is_empty());
        // A roundup's label names the writer and the outlet.
        assert_eq!(
            found("Howard Kurtz, Fox News: \"Trump had his best debate.\""),
            vec!["Howard Kurtz, Fox News"]
        );
        // A capitalized outlet is no verb (`Post`).
        assert_eq!(
            found("Chris Cillizza, The Washington Post: \"This was her best debate.\""),
            vec!["Chris Cillizza, The Washington Post"]
        );
        assert_eq!(
            found("Windsor Mann, editor of The Quotable Hitchens: \u{201c}He won.\u{201d}"),
            vec!["Windsor Mann, editor of The Quotable Hitchens"]
        );
        // Without a quotation, or with a verb after the comma, it is none.
        assert!(found("Howard Kurtz, Fox News: Trump had his best debate.").is_empty());
        assert!(found("On Friday, Trump: \"We won.\"").is_empty());
        assert_eq!(
            found("Darrell Scott: ‘You Find Me an Aberration’"),
            vec!["Darrell Scott"]
        );
        // A tally, a label word anywhere, a headline in capitals or with
        // its verb.
        assert!(found("Clinton: 547.").is_empty());
        assert!(found("Editor’s Note: The following is part 3.").is_empty());
        assert!(found("FIX IS IN: Moderators Ignore Scandals.").is_empty());
        assert_eq!(
            found("Sanders Vows Action: Tax Breaks Must Go."),
            vec!["Sanders"]
        );
        assert_eq!(
            found("Ban Ki-moon condemned what he called a \"brazen breach\"."),
            vec!["Ban Ki-moon"]
        );
        assert_eq!(
            found("She cited his many tax claims and the phone calls."),
            vec!["She"]
        );
    }

    #[test]
    fn a_later_verb_of_the_subject_makes_it_a_source() {
        assert_eq!(
            found("Hillary Clinton spoke out Tuesday about the death, arguing that it was wrong."),
            vec!["Hillary Clinton"]
        );
        assert_eq!(
            found("Mr. Trump has used the phrase often and criticized Obama for it."),
            vec!["Mr. Trump"]
        );
        assert_eq!(
            found("The campaign would like to organize another rally."),
            vec!["The campaign"]
        );
        // A noun after an adjective is no verb, nor is a plural before a
        // past tense.
        assert!(found("The Mexican secretary of the economy came to talk.").is_empty());
        assert!(
            found(
                "Title\n\nAsian stocks struggled again Thursday, with uncertainty sending \
                 investors rushing for the sidelines, pushing safe havens such as gold \
                 higher.\n\nIn early Asian trade most of the main markets edged up."
            )
            .is_empty()
        );
        // The first verb may be an irregular past, after a time phrase.
        assert_eq!(
            found("Mr. Clyburn cast his arguments in practical terms, saying it would help."),
            vec!["Mr. Clyburn"]
        );
        assert_eq!(
            found("The Security Council on Friday sent a letter, saying the test was illegal."),
            vec!["The Security Council"]
        );
        // After a dateline, and after a comma inside a closing quotation mark.
        assert_eq!(
            found(
                "WASHINGTON (AP) — Mr. Trump has delivered a defense of “New York values,” \
                 saying the city is great."
            ),
            vec!["Mr. Trump"]
        );
    }

    #[test]
    fn members_listed_after_including_belong_to_the_source() {
        assert_eq!(
            found("Other unions, including the AFL-CIO, said they back Clinton."),
            vec!["Other unions, including the AFL-CIO,"]
        );
        assert_eq!(
            found("In May, the Supreme Court this month rejected a request."),
            vec!["the Supreme Court"]
        );
    }

    #[test]
    fn verbs_gerunds_and_contractions_stay_out_of_the_source() {
        assert_eq!(found("If, as I've suggested, he pays less."), vec!["I"]);
        assert!(found("It is worth noting that he paid.").is_empty());
        assert!(found("Having said that, the plan is fine.").is_empty());
        assert_eq!(
            found("The candidate did not supply an overall cost estimate for his plans."),
            Vec::<String>::new()
        );
        assert!(found("PolitiFact rated 22% of Democratic claims as true.").is_empty());
    }

    #[test]
    fn descriptions_chain_and_places_stay_out() {
        assert_eq!(
            found(
                "Michael Mulgrew, president of the union, which represents teachers, said it works."
            ),
            vec!["Michael Mulgrew, president of the union, which represents teachers,"]
        );
        assert_eq!(
            found("\"It is bad,\" said Del. Stacey Plaskett of the Virgin Islands."),
            vec!["Del. Stacey Plaskett"]
        );
        // A description that reports on its own is not part of the source.
        assert_eq!(
            found("\"It is fine,\" said Mr. Kamin, who emphasized that it was simple."),
            vec!["Mr. Kamin", "who"]
        );
    }

    #[test]
    fn names_joined_by_and_take_a_plural_verb() {
        assert_eq!(
            found("Fighting goes on as China and Russia support the government."),
            vec!["China and Russia"]
        );
        assert!(found("A speaker on a colon: nothing").is_empty());
    }

    #[test]
    fn a_poll_holds_its_findings() {
        assert_eq!(
            found("In this poll, Trump rose one point since Monday."),
            vec!["this poll"]
        );
        assert!(found("Rain fell in the valley all night.").is_empty());
        assert_eq!(
            found("She got no bump in one of the first post-debate polls."),
            vec!["one of the first post-debate polls"]
        );
        // Polls in general, and phrases about something else, name no one.
        assert!(found("Trump is trailing badly in the polls.").is_empty());
        assert!(found("The effect is small in the context of election polls.").is_empty());
    }

    #[test]
    fn polls_showing_a_result_and_demonstratives_belong_to_the_source() {
        assert_eq!(
            found("But there are no polls showing Trump leading nationally."),
            vec!["no polls"]
        );
        assert_eq!(
            found("These trends indicate that Trump has closed the race."),
            vec!["These trends"]
        );
        assert_eq!(
            found("Plus, large tracking polls and panels show little movement."),
            vec!["large tracking polls and panels"]
        );
        // A showing after a name is a result, not a statement.
        assert!(found("Even so, Kasich’s showing will be enough to stay in.").is_empty());
    }

    #[test]
    fn a_stance_said_of_a_subject_attributes() {
        assert_eq!(
            found("Sen. Graham has been critical of Trump since the primary."),
            vec!["Sen. Graham"]
        );
        assert_eq!(
            found("Many Democrats are afraid that the edge may be undercut."),
            vec!["Many Democrats"]
        );
        assert!(found("The senator was arrested on Monday.").is_empty());
        // What a group is likely to say.
        assert_eq!(
            found("Democratic voters are slightly more likely to say that Clinton won."),
            vec!["Democratic voters"]
        );
        assert!(found("Democratic voters are more likely to live in cities.").is_empty());
        // What it hurries to say.
        assert_eq!(
            found("Democrats are quick to note that the party won."),
            vec!["Democrats"]
        );
        assert!(found("Democrats are quick to leave the hall.").is_empty());
    }

    #[test]
    fn a_progressive_may_follow_adverbs() {
        assert_eq!(
            found("Voters in Ohio are definitely not backing the plan."),
            vec!["Voters in Ohio"]
        );
        // After a contracted auxiliary too, or `been`.
        assert_eq!(found("Trump spoke. He’s also praising Bush."), vec!["He"]);
        assert_eq!(found("Trump spoke. She’s been urging calm."), vec!["She"]);
        assert_eq!(
            found("Dayton spoke, but he’s not predicting a win."),
            vec!["he"]
        );
        // A past or modal form after a contraction states no stance here;
        // a clause reported by another source is its content.
        assert!(found("Trump spoke. We’ve seen this before.").is_empty());
        assert_eq!(
            found("Weaver says he’s expecting two candidates to drop out."),
            vec!["Weaver"]
        );
    }

    #[test]
    fn the_subject_of_a_participle_after_with_is_a_source() {
        assert_eq!(
            found("The council failed over Syria, with Russia backing the government."),
            vec!["Russia"]
        );
        // `former`, `fellow`, `longtime` open a title before a name.
        assert_eq!(
            found("Others went further, with former Gov. Martin O’Malley calling Trump a fascist."),
            vec!["former Gov. Martin O’Malley"]
        );
        assert!(found("The council met in the meeting room.").is_empty());
    }

    #[test]
    fn names_ending_in_ing_are_names_and_floating_quantifiers_are_skipped() {
        assert_eq!(found("King said the march would go on."), vec!["King"]);
        assert!(found("Following a swiftly called meeting said nothing.").is_empty());
        assert_eq!(
            found("China and the United States together vowed to act."),
            vec!["China and the United States"]
        );
    }

    #[test]
    fn a_title_case_headline_names_its_source() {
        assert_eq!(
            found("Obama Sees Personal Insult If Blacks Stay Home\n\nThe president spoke of it."),
            vec!["Obama", "The president"]
        );
        assert!(found("Super PAC Haul Surges Past One Billion Dollars").is_empty());
        assert!(found("Obama Power Plant Rules Face Key Test In U.S. Court").is_empty());
        // A base form after a plural, a number opening the subject.
        assert_eq!(
            found("Black Lawmakers Rip Donald Trump As A Disgusting Fraud"),
            vec!["Black Lawmakers"]
        );
        assert_eq!(
            found("31 Latinos Share Their Most Honest Thoughts On Donald Trump"),
            vec!["31 Latinos"]
        );
        assert!(found("A Curious Plan to Fight Climate Change: Buy Mines").is_empty());
    }

    #[test]
    fn only_verbs_of_saying_invert() {
        assert_eq!(
            found("His group, called the Legacy Fund, will own the land."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("One after another, mining companies, including Patriot, declared bankruptcy."),
            vec!["mining companies, including Patriot,"]
        );
    }

    #[test]
    fn no_source_inside_a_doubled_apostrophe_quote() {
        assert_eq!(
            found("''I think Trump should do so,'' Douglas Holtz-Eakin told me."),
            vec!["Douglas Holtz-Eakin"]
        );
        // A sentence that began inside the quotation ends with its tag.
        assert_eq!(
            found("''We agree. These are the key priorities,'' he added."),
            vec!["he"]
        );
    }

    #[test]
    fn a_description_after_the_name_stops_before_a_participle() {
        assert_eq!(
            found(
                "\"We lost them,\" said Tom Vilsack, the secretary of agriculture, pointing to \
                 the heavily white areas."
            ),
            vec!["Tom Vilsack, the secretary of agriculture"]
        );
        assert_eq!(
            found("\"No,\" said Tucker McClendon, 21, shaking his head."),
            vec!["Tucker McClendon, 21"]
        );
    }

    #[test]
    fn a_cue_inside_a_quotation_has_no_source_outside_it() {
        assert_eq!(
            found(
                "Last November, Hillary Clinton tweeted: \"Every survivor of sexual assault \
                 deserves to be heard, believed, and supported.\""
            ),
            vec!["Hillary Clinton"]
        );
    }

    #[test]
    fn conditions_and_indirect_questions_attribute_nothing() {
        assert!(found("The deal holds only if the Chinese pledged to cap emissions.").is_empty());
        assert_eq!(
            found("He asked staff to check whether anyone disclosed it."),
            vec!["He"]
        );
    }

    #[test]
    fn a_subject_with_a_relative_clause_speaks_whole() {
        assert_eq!(
            found("Supporters who have heard directly from the campaign say the plan works."),
            vec!["Supporters who have heard directly from the campaign"]
        );
        // A clause with a verb of its own that states or wants something
        // is another attribution: the phrase before `who` speaks.
        assert_eq!(
            found("Hawkins and others who want to ban abortion said the ruling matters."),
            vec!["Hawkins and others"]
        );
        // A cleft is no subject with a clause.
        assert_eq!(
            found("It was the senators who had argued for a new name."),
            vec!["who"]
        );
    }

    #[test]
    fn cue_words_used_as_nouns_or_adjectives_name_no_source() {
        assert!(found("The story is bleak and seldom told.").is_empty());
        assert!(found("The feud has prompted new worries that the party could split.").is_empty());
        assert!(found("His ability to navigate a racially charged argument is tested.").is_empty());
        // After a name, `for` gives a reason.
        assert_eq!(
            found("The media is then denounced by Trump for its supposed bias against him."),
            vec!["Trump"]
        );
    }

    #[test]
    fn according_to_after_a_colon_opens_a_clause() {
        assert_eq!(
            found("It has not gone unnoticed: According to recent polls, Trump holds 14 percent."),
            vec!["recent polls"]
        );
    }

    #[test]
    fn a_verb_after_a_subject_pronoun_is_no_source() {
        assert!(found("Surveys taken as they entered caucus sites showed a gap.").is_empty());
        assert!(found("Nor have they outright denied that it was true.").is_empty());
    }

    #[test]
    fn what_follows_a_form_of_be_is_no_subject() {
        assert!(
            found("The paper is a major piece of a campaign aimed at blunting criticism.")
                .is_empty()
        );
        assert!(found("The meeting is being held ahead of a ruling expected in June.").is_empty());
        // After `there`, the phrase is a subject.
        assert_eq!(
            found("There are no polls showing Trump ahead."),
            vec!["no polls"]
        );
    }

    #[test]
    fn a_participle_after_an_object_describes_the_object() {
        assert_eq!(
            found("The council issued a statement calling the test a violation."),
            vec!["The council"]
        );
        assert_eq!(
            found("Trump unleashed a series of tweets early Friday saying she lied."),
            Vec::<String>::new()
        );
        // After a subject it reports: `Trump, saying …` aside, `is saying`.
        assert_eq!(
            found("Officials are saying the test failed."),
            vec!["Officials"]
        );
    }

    #[test]
    fn a_plural_head_agrees_before_its_phrase() {
        assert_eq!(
            found("A number of other members of Congress echo her concerns."),
            vec!["A number of other members of Congress"]
        );
    }

    #[test]
    fn a_participle_phrase_stays_in_the_subject() {
        assert_eq!(
            found("A union representing flight attendants endorsed Hillary Clinton."),
            vec!["A union representing flight attendants"]
        );
        assert_eq!(
            found("Many people involved in the negotiations assumed that he had money."),
            vec!["Many people involved in the negotiations"]
        );
        // A verb that attributes nothing still ends the sentence's chances.
        assert!(found("Mr. Obama scrutinized reports like the assessment.").is_empty());
        // After a determiner, a word is no verb.
        assert!(
            found(
                "The report of Tyson appearing at the convention sparked backlash from members \
                 of the press."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_plural_after_an_adjective_or_inside_a_name_is_a_noun() {
        assert!(
            found("For Trump, the format was not ideal: Presidential debates are long.").is_empty()
        );
        assert!(found("It is a set of Clean Air Act rules that could close plants.").is_empty());
        // After a person's name it is a verb.
        assert_eq!(
            found("Aides say that, as Paul Ryan plans a visit, Hillary Clinton plans to speak."),
            vec!["Aides", "Paul Ryan", "Hillary Clinton"]
        );
    }

    #[test]
    fn attitude_subjects_keep_their_lists_and_passive_phrases() {
        assert_eq!(
            found("The war goes on as the United States, Britain and France support rebels."),
            vec!["the United States, Britain and France"]
        );
        assert!(
            found(
                "In Yemen, a coalition led by Saudi Arabia and backed by the West is implicated."
            )
            .is_empty()
        );
    }

    #[test]
    fn familiar_with_says_who_the_source_is() {
        assert_eq!(
            found("The inquiry is open, an official familiar with the matter said Sunday."),
            vec!["an official familiar with the matter"]
        );
        assert_eq!(
            found("Rather, sources close to her campaign say she stands behind him."),
            vec!["sources close to her campaign"]
        );
        assert_eq!(
            found("Those close to him say that he would run."),
            vec!["Those close to him"]
        );
        // Between doubled hyphens, a description belongs to its source.
        assert_eq!(
            found("Kall -- co-editor of a book on debates -- said the candidate rambled."),
            vec!["Kall -- co-editor of a book on debates --"]
        );
    }

    #[test]
    fn where_a_source_is_from_describes_it() {
        assert_eq!(
            found("The investigators, from Ukraine's anti-corruption bureau, said he was paid."),
            vec!["The investigators, from Ukraine's anti-corruption bureau,"]
        );
    }

    #[test]
    fn a_home_town_describes_the_name_before_it() {
        assert_eq!(
            found("Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam."),
            vec!["Johnnie Wilson, of Springfield, Va.,"]
        );
        assert_eq!(
            found("Dean Johnson, a salesman from Sumter, South Carolina, says Cruz will win."),
            vec!["Dean Johnson, a salesman from Sumter, South Carolina,"]
        );
        assert_eq!(
            found("Stacy Baker of Columbia, South Carolina says she thinks so."),
            vec!["Stacy Baker of Columbia, South Carolina"]
        );
        // A name after the town is the speaker, not a state.
        assert_eq!(
            found("In remarks at Rudman & Dowd in San Diego, Hillary Clinton said so."),
            vec!["Hillary Clinton"]
        );
        // Between dashes, as between commas, the description is the
        // source's; the pronoun after the cue is what was said.
        assert_eq!(
            found("Jason Sims — a teacher from Mount Pleasant — says he made a decision."),
            vec!["Jason Sims — a teacher from Mount Pleasant —"]
        );
    }

    #[test]
    fn a_subject_ending_in_a_prepositional_object_runs_from_the_start() {
        assert_eq!(
            found(
                "A 2014 study that appeared in the British Medical Journal found that it failed."
            ),
            vec!["A 2014 study that appeared in the British Medical Journal"]
        );
        assert_eq!(
            found("Her submission to the court noted published reports."),
            vec!["Her submission to the court"]
        );
        assert_eq!(
            found("The average of polls taken over the past two weeks shows Clinton ahead."),
            vec!["The average of polls taken over the past two weeks"]
        );
        // So does the subject of an attitude verb.
        assert_eq!(
            found("A web video by the Republican National Committee references four cases."),
            vec!["A web video by the Republican National Committee"]
        );
        // A clause of its own before the object is no subject.
        assert!(found("Conway appeared on Blitzer’s CNN show and defended Trump.").is_empty());
        assert!(found("Christie defended his endorsement on his radio show.").is_empty());
    }

    #[test]
    fn who_made_a_document_belongs_to_it() {
        assert_eq!(
            found("A report released by the committee on Tuesday says he lied."),
            vec!["A report released by the committee"]
        );
        assert_eq!(
            found("A poll conducted by Quinnipiac University for the Times says Clinton leads."),
            vec!["A poll conducted by Quinnipiac University for the Times"]
        );
        assert_eq!(
            found("Records compiled by the center show that he paid nothing."),
            vec!["Records compiled by the center"]
        );
        assert_eq!(
            found("An email unearthed by WikiLeaks shows that she knew."),
            vec!["An email unearthed by WikiLeaks"]
        );
        // After a person, `by` starts no description of a document.
        assert_eq!(
            found("The senator, flanked by aides, said he would run."),
            vec!["The senator, flanked by aides,"]
        );
    }

    #[test]
    fn a_ratio_of_people_is_a_source() {
        assert_eq!(
            found("Six in 10 say he is at least somewhat decisive."),
            vec!["Six in 10"]
        );
        assert_eq!(
            found("Nine in 10 Democratic voters say she could win."),
            vec!["Nine in 10 Democratic voters"]
        );
        assert_eq!(
            found("Polls differ, and 56 percent say they will vote."),
            vec!["56 percent"]
        );
        assert_eq!(
            found("About 4 in 10 say they want change."),
            vec!["About 4 in 10"]
        );
        assert_eq!(
            found("Yet more than 40 percent said no."),
            vec!["more than 40 percent"]
        );
        // Every hedge before the count or share is the source's.
        assert_eq!(
            found("Only about 4 in 10 say they want change."),
            vec!["Only about 4 in 10"]
        );
        assert_eq!(
            found("Less than a third agreed."),
            vec!["Less than a third"]
        );
    }

    #[test]
    fn speaking_reports_only_with_what_it_is_about() {
        assert!(found("The president spoke in a cottage on a Marine base.").is_empty());
        assert!(found("The two women spoke for about five minutes.").is_empty());
        assert_eq!(
            found("Chief Justice John Roberts spoke of the legacy of racism."),
            vec!["Chief Justice John Roberts"]
        );
    }

    #[test]
    fn a_pronoun_right_after_a_noun_describes_the_noun() {
        assert!(found("Please read the two guides I wrote in 2014.").is_empty());
        assert!(found("It pays for the many new programs she has proposed.").is_empty());
        // After `which` it reports as usual.
        assert_eq!(
            found("He took donations, which he said were accompanied by favors."),
            vec!["he"]
        );
    }

    #[test]
    fn idioms_report_nothing() {
        assert!(found("The real Trump showed up at the debate.").is_empty());
        assert!(found("They found a way through the Clean Air Act.").is_empty());
        assert!(found("She knows the gritty specifics of health care policy.").is_empty());
        assert!(found("Mitt Romney released his returns in 2012.").is_empty());
        assert!(found("Its view of the world says something about its aims.").is_empty());
        assert!(found("The nation has added 178,000 jobs in a typical month.").is_empty());
        assert!(found("Smith was a featured speaker at the convention.").is_empty());
        assert!(found("Contributing: Ray Locker.").is_empty());
        assert!(found("Under pressure from the unions, Washington backed out.").is_empty());
        assert!(found("In Syria the Council has proved to be ineffective.").is_empty());
        assert!(found("On Thursday, Justice delivered the immunity agreements.").is_empty());
        assert!(found("Under his plan, Trump would expand the standard deduction.").is_empty());
        assert!(found("She has assumed a newly created role.").is_empty());
        // Voting is an act; a share of a poll that would vote is read apart.
        assert!(found("On Tuesday, Democrats vote in Arizona, Idaho and Utah.").is_empty());
        assert!(found("Undeclared voters can vote in either party's primary.").is_empty());
        // An attempt under way is narrated, not stated.
        assert!(found("Rubio is trying to play defense against Cruz.").is_empty());
        assert!(found("Republicans have been trying to question the agents.").is_empty());
        assert_eq!(
            found("Many people assumed that he had the money."),
            vec!["Many people"]
        );
        // A participle after its noun is passive.
        assert!(
            found("China's most-visited page was the monitor maintained by the embassy.")
                .is_empty()
        );
        assert!(found("The cases in which people accused of fraud went free were few.").is_empty());
        assert_eq!(
            found("Trump responded by using the example of Chicago."),
            vec!["Trump"]
        );
        assert_eq!(
            found("The Clinton campaign released a new ad this week."),
            vec!["The Clinton campaign"]
        );
        assert_eq!(
            found("The Clinton campaign released two new television commercials."),
            vec!["The Clinton campaign"]
        );
        assert_eq!(
            found("They fell silent after WikiLeaks released an email from the chairman."),
            vec!["WikiLeaks"]
        );
        assert!(found("And I think his tweet was about his base.").is_empty());
        assert!(found("She called into a radio program when she was home.").is_empty());
        assert!(found("The rating is strong, though it has declined slightly from 58.").is_empty());
        assert_eq!(
            found("The president declined to threaten Moscow."),
            vec!["The president"]
        );
        assert_eq!(found("Voters know there are problems."), vec!["Voters"]);
        assert_eq!(found("The study found that taxes rose."), vec!["The study"]);
    }

    #[test]
    fn like_without_an_auxiliary_is_a_preposition() {
        assert!(found("People like Scott have served.").is_empty());
        assert!(found("Mr. Obama scrutinized reports like the assessment.").is_empty());
        assert_eq!(found("Voters would like a change."), vec!["Voters"]);
    }

    #[test]
    fn a_base_form_needs_a_plural_subject() {
        assert!(found("It treats illnesses such as post-traumatic stress disorder.").is_empty());
        assert_eq!(
            found("Experts stress that the risk is low."),
            vec!["Experts"]
        );
        // After `a`, a name ending in `s` is one.
        assert!(found("The pitch cites his projects for a Dallas call center.").is_empty());
        // Before an auxiliary, a plural heads the subject.
        assert!(
            found("Title\n\nIt rained. The FBI’s email issues certainly aren’t big enough.")
                .is_empty()
        );
    }

    #[test]
    fn a_background_action_after_while_is_no_attribution() {
        assert!(found("She was his lawyer while the FBI investigated her role.").is_empty());
    }

    #[test]
    fn an_amount_of_money_is_no_part_of_the_subject() {
        assert_eq!(
            found("That is a fraction of the $20 million experts say it costs."),
            vec!["experts"]
        );
    }

    #[test]
    fn a_slash_joins_the_names_of_a_poll() {
        assert_eq!(
            found("The Reuters/Ipsos poll showed Clinton ahead."),
            vec!["The Reuters/Ipsos poll"]
        );
    }

    #[test]
    fn an_acronym_is_no_function_word() {
        assert_eq!(
            found("The US has also condemned the election."),
            vec!["The US"]
        );
    }

    #[test]
    fn a_relative_clause_stays_with_its_source_only_when_it_names_a_role() {
        assert_eq!(
            found("Derek Mitchell, who served as ambassador to Burma, said it would help."),
            vec!["Derek Mitchell, who served as ambassador to Burma,"]
        );
        // The clause is no role: `Mr. Obama` tells, and `who` understood.
        assert_eq!(
            found("Mr. Obama, who understood that a push would fail, told his advisers to act."),
            vec!["Mr. Obama", "who"]
        );
        // At the end of a sentence the description stays whatever it says.
        assert_eq!(
            found("\"We are tired,\" said Joseph, who has four children."),
            vec!["Joseph, who has four children"]
        );
    }

    #[test]
    fn continued_reports_only_next_to_a_quotation() {
        assert_eq!(
            found("She continued, “For us, all we want is truth.”"),
            vec!["She"]
        );
        assert_eq!(
            found("“This is not who we are,” she continued."),
            vec!["she"]
        );
        assert!(found("The protests continued into the night.").is_empty());
        assert_eq!(
            found("“It is of a piece with the rest,” the Sentinel continued."),
            vec!["the Sentinel"]
        );
        // `continued to` a verb that reports.
        assert_eq!(
            found("Small groups of protesters continued to call for more information."),
            vec!["Small groups of protesters"]
        );
    }

    #[test]
    fn a_text_that_reads_a_quotation_is_its_source() {
        assert_eq!(
            found("The headline reads: “Obama is not admitting defeat.”"),
            vec!["The headline"]
        );
        assert_eq!(
            found("“Our support is not absolute,” the letter reads."),
            vec!["the letter"]
        );
        assert_eq!(
            found("One message read “anybodybuttrump.us,” a website."),
            vec!["One message"]
        );
        assert_eq!(
            found("“We grow stronger,” read the email. “And with every vote we win.”"),
            vec!["the email"]
        );
        // Reading something is no statement.
        assert!(found("Obama read the report on Monday.").is_empty());
        assert!(found("The voters read it: the plan was dead.").is_empty());
    }

    #[test]
    fn an_editors_note_attributes_nothing() {
        assert!(
            found(
                "Editor’s note: Donald Trump is a serial liar and birther who has repeatedly \
                 pledged to ban all Muslims."
            )
            .is_empty()
        );
        assert_eq!(
            found("Trump is a birther who has repeatedly pledged to ban all Muslims."),
            vec!["who"]
        );
    }

    #[test]
    fn a_pronoun_in_a_speech_tag_is_the_source() {
        assert_eq!(
            found("\"Did you shoot him?\" she yells while moving along the street."),
            vec!["she"]
        );
    }
}
