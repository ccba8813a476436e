//! A share of people as a source: `56 percent would vote for Clinton`,
//! `about 6 in 10 white men supported Sanders`, `a majority of Republicans
//! support deportation`, `Less than a third agreed`.
//!
//! Poll reports attribute preferences and opinions to shares of the people
//! asked, and a newsroom checks each of them against the poll. A share
//! opens its clause — at the start of a sentence or after a comma, a colon,
//! `while`, `and`, `but` — with an optional hedge (`about`, `more than`,
//! `only`), then a number with `percent`, a ratio (`4 in 10`) or a word for
//! a part (`half`, `a majority`, `two-thirds`). The words after it, up to a
//! verb of preference or opinion, say whom it counts (`of Republican
//! voters in each state`), and belong to the source.
//!
//! `Trump has 38 percent support` is no share acting: the clause opens with
//! `Trump`. A share that only says something (`56 percent say`) is the
//! reporting-verb rules' job.

use std::sync::LazyLock;

use super::super::lexicon::{Lexicon, NUMBER_WORD, REPORTING, regular_forms};
use super::super::text::Token;
use super::{Attribution, is_between, is_one_of, is_relative, lower_is, lower_is_any};
use crate::model::Span;

/// Longest share phrase, in tokens.
const MAX_SHARE: usize = 20;

/// Verbs of preference or opinion that a share of those polled is the
/// subject of: every regular form but the participle, and the irregular
/// pasts.
static PREFERENCE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_words(
        PREFERENCE_BASES
            .iter()
            .flat_map(|base| regular_forms(base))
            .filter(|form| !form.ends_with("ing"))
            .chain(["thought", "saw", "felt"].map(str::to_owned)),
    )
});

/// The verbs of [`PREFERENCE`], all of them attitude verbs: the rule runs
/// only where [`super::subject::attitude_at`] has found one, which keeps
/// a second lookup off every other word.
const PREFERENCE_BASES: &[&str] = &[
    "support", "prefer", "back", "favor", "favour", "oppose", "want", "vote", "approve", "think",
    "believe", "expect", "view", "see", "agree", "disagree", "worry", "fear", "feel", "consider",
    "describe", "call", "cite", "reject", "blame",
];

/// Words before a count or a share that say how near or how large it is,
/// and belong to it: `about`, `only`, `a mere`, `the vast majority`.
const HEDGES: &[&str] = &[
    "about",
    "nearly",
    "almost",
    "roughly",
    "around",
    "approximately",
    "only",
    "just",
    "some",
    "over",
    "under",
    "barely",
    "fully",
    "another",
    "mere",
    "large",
    "vast",
    "slim",
    "narrow",
    "overwhelming",
    "a",
    "the",
];

/// Words that end the clause before a share: `46 percent would choose
/// Clinton and 44 percent would back Trump`, `did a majority support`.
const CLAUSE_WORDS: &[&str] = &[
    "while", "whereas", "and", "but", "yet", "so", "did", "do", "does",
];

/// Words that no share phrase holds: a verb of its own (`said they were`),
/// a pronoun that is the real subject (`half said they`), or a clause
/// (`that`, `if`).
const NOT_IN_SHARE: &[&str] = &[
    "they", "that", "which", "if", "is", "are", "was", "were", "be", "been", "have", "has", "had",
];

/// The share of people at the start of the clause whose verb is token `i`,
/// an attitude verb.
pub(super) fn share_at(text: &str, tokens: &[Token], i: usize) -> Option<Attribution> {
    let verb = *tokens.get(i)?;
    if i == 0 || !PREFERENCE.contains(verb.text(text)) {
        return None;
    }
    // Back over auxiliaries and adverbs: `would vote for`, `still support`,
    // `tended to support`.
    let mut end = i;
    while let Some(k) = end.checked_sub(1) {
        if !tokens[k].word {
            break;
        }
        if k >= 1
            && lower_is(tokens[k], text, "to")
            && lower_is_any(tokens[k - 1], text, &["tend", "tends", "tended"])
        {
            end -= 2;
        } else if is_between(tokens[k].text(text)) {
            end -= 1;
        } else {
            break;
        }
    }
    // `most state laws … were thought to be safe`: a passive reports no
    // preference.
    let passive = tokens[end..i]
        .iter()
        .any(|t| super::is_form_of_be(t.text(text)))
        && (verb.text(text).ends_with("ed") || is_one_of(verb.text(text), &["thought", "seen"]));
    if passive {
        return None;
    }
    // Back to where the clause opens.
    let mut start = end;
    while start > 0
        && end - start < MAX_SHARE
        && (tokens[start - 1].word || tokens[start - 1].punct(text) == Some('%'))
        && !lower_is_any(tokens[start - 1], text, CLAUSE_WORDS)
    {
        start -= 1;
    }
    let opens = start == 0
        || lower_is_any(tokens[start - 1], text, CLAUSE_WORDS)
        || matches!(tokens[start - 1].punct(text), Some(',' | ':' | ';' | '—'));
    if start == end || !opens {
        return None;
    }
    // The share itself opens the clause, after its hedges.
    let mut core = start;
    let after = loop {
        if let Some(after) = share_end(text, &tokens[..end], core) {
            break after;
        }
        core += hedge_len(text, &tokens[..end], core)?;
    };
    let phrase = &tokens[start..end];
    let last = tokens[end - 1].text(text);
    let holds_a_clause = phrase.iter().any(|t| {
        let w = t.text(text);
        is_one_of(w, NOT_IN_SHARE) || REPORTING.contains(w)
    });
    // `most support` alone is too often a reply (`Most support it, but …`).
    let bare_most = after == end && lower_is(tokens[core], text, "most");
    if holds_a_clause || is_relative(last) || bare_most {
        return None;
    }
    Some(Attribution {
        source: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
        cue: verb.span,
        score: 0.5,
        rule: "source.share",
    })
}

/// Where a count or share at token `k` starts with the hedges before it:
/// `Only about 4 in 10`, `more than half`, `at least 12`, `Less than a
/// third`.
pub(super) fn hedged_start(text: &str, tokens: &[Token], k: usize) -> usize {
    let mut start = k;
    loop {
        if start >= 2 && hedge_len(text, tokens, start - 2) == Some(2) {
            start -= 2;
        } else if start >= 1 && hedge_len(text, tokens, start - 1) == Some(1) {
            start -= 1;
        } else {
            return start;
        }
    }
}

/// How many tokens the hedge at token `k` takes: two for `more than`,
/// `less than`, `fewer than`, `at least`; one for a word of [`HEDGES`].
pub(super) fn hedge_len(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let t = *tokens.get(k)?;
    let second = |w: &str| tokens.get(k + 1).is_some_and(|n| lower_is(*n, text, w));
    if lower_is_any(t, text, &["more", "less", "fewer"]) && second("than")
        || lower_is(t, text, "at") && second("least")
    {
        Some(2)
    } else {
        lower_is_any(t, text, HEDGES).then_some(1)
    }
}

/// Whether a share opens at token `k`: `56 percent`, `4 in 10`, `half`,
/// `a third`.
pub(super) fn is_share(text: &str, tokens: &[Token], k: usize) -> bool {
    share_end(text, tokens, k).is_some()
        || lower_is_any(tokens[k], text, &["a", "an"]) && share_end(text, tokens, k + 1).is_some()
}

/// Where the share that opens at token `k` ends (one past its last token),
/// if one does: `56 percent`, `4 in 10`, `8 out of 10`, `half`,
/// `majorities`, `two-thirds`, `a third` (after `a`, a hedge).
pub(super) fn share_end(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let word = |j: usize| tokens.get(j).filter(|t| t.word).map(|t| t.text(text));
    let w = word(k)?;
    if is_number(w) {
        let next = tokens.get(k + 1)?;
        if next.punct(text) == Some('%') || lower_is(*next, text, "percent") {
            return Some(k + 2);
        }
        if lower_is(*next, text, "per") && word(k + 2)?.eq_ignore_ascii_case("cent") {
            return Some(k + 3);
        }
        let of = lower_is(*next, text, "out") && word(k + 2)?.eq_ignore_ascii_case("of");
        let joint = if of { k + 3 } else { k + 2 };
        let ratio = (of || lower_is(*next, text, "in")) && word(joint).is_some_and(is_number);
        return ratio.then_some(joint + 1);
    }
    if is_one_of(w, &["half", "majority", "majorities", "plurality", "most"]) {
        return Some(k + 1);
    }
    let part = |p: &str| {
        is_one_of(
            p,
            &["third", "thirds", "quarter", "quarters", "fifth", "fifths"],
        )
    };
    let after_a = k > 0 && lower_is(tokens[k - 1], text, "a");
    let fraction = match w.split_once('-') {
        Some((n, p)) => is_number(n) && part(p),
        None => part(w) && after_a,
    };
    fraction.then_some(k + 1)
}

/// Digits (`56`, `4.5`) or a number spelled out (`four`, `Forty-one`).
fn is_number(w: &str) -> bool {
    let digits = w.starts_with(|c: char| c.is_ascii_digit())
        && w.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
    digits || !w.is_empty() && w.split('-').all(|part| NUMBER_WORD.contains(part))
}

#[cfg(test)]
mod tests {
    use super::PREFERENCE_BASES;
    use crate::model::{Article, Tag};
    use crate::suggest::lexicon::attitude_verb;

    #[test]
    fn verbs_of_preference_are_attitude_verbs() {
        for base in PREFERENCE_BASES {
            assert!(attitude_verb(base), "{base} is no attitude verb");
        }
    }

    fn found(input: &str) -> Vec<String> {
        let article = Article::new(input.to_owned());
        crate::suggest::suggest(&article, &[Tag::Source])
            .iter()
            .filter(|s| s.rule == "source.share")
            .map(|s| input[s.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn a_share_that_prefers_is_a_source() {
        assert_eq!(
            found("Among Democrats, 56 percent would vote for Clinton."),
            vec!["56 percent"]
        );
        assert_eq!(
            found(
                "Among likely voters, 46 percent would vote for Clinton and 44 percent would back \
                 Trump, while 5 percent prefer Gary Johnson."
            ),
            vec!["46 percent", "44 percent", "5 percent"]
        );
        assert_eq!(
            found("Forty-one percent would back Sanders."),
            vec!["Forty-one percent"]
        );
        assert_eq!(found("In Iowa, 48% favor the plan."), vec!["48%"]);
        assert_eq!(
            found("About three-quarters support a temporary ban."),
            vec!["About three-quarters"]
        );
        assert_eq!(
            found("Less than a third support the plan."),
            vec!["Less than a third"]
        );
        assert_eq!(
            found("The survey found 48% favor the plan."),
            Vec::<String>::new(),
            "the clause opens with `The survey`, not the share"
        );
        assert_eq!(
            found("Before the ruling, most state laws were thought to be safe."),
            Vec::<String>::new(),
            "a passive states no preference"
        );
    }

    #[test]
    fn the_people_a_share_counts_belong_to_it() {
        assert_eq!(
            found(
                "In Nevada, more than half of white women preferred Clinton while about 6 in 10 white men supported Sanders."
            ),
            vec!["more than half of white women", "about 6 in 10 white men"]
        );
        assert_eq!(
            found("Only about 4 in 10 Republican voters in each state want a wall."),
            vec!["Only about 4 in 10 Republican voters in each state"]
        );
        assert_eq!(
            found("Only in Alabama did a majority of Republicans support deportation."),
            vec!["a majority of Republicans"]
        );
        assert_eq!(
            found("In Ohio, 19 percent of college students polled support Clinton."),
            vec!["19 percent of college students polled"]
        );
        assert_eq!(
            found("Large majorities still oppose the deal."),
            vec!["Large majorities"]
        );
        assert_eq!(
            found("About 3 out of 10 tended to support Sanders."),
            vec!["About 3 out of 10"]
        );
    }

    #[test]
    fn shares_that_are_no_subjects_are_not_sources() {
        // A share as an object or an amount.
        assert!(found("Sanders received 69 percent support.").is_empty());
        assert!(found("Clinton wins with 38 percent support.").is_empty());
        assert!(found("The 5 percent unemployment rate is low.").is_empty());
        // An ordinal is no fraction.
        assert!(found("The third support beam failed.").is_empty());
        // A share with a verb of its own, or a relative pronoun as the
        // subject: other rules' business.
        assert!(found("Nearly half said they prefer an outsider.").is_empty());
        assert!(found("It rose from the 1 percent who preferred him.").is_empty());
        assert!(found("Of those who want change, most support Sanders.").is_empty());
        assert!(found("Most of the money went to groups that back him.").is_empty());
    }
}
