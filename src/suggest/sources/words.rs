//! The word lists of the source rules: what may stand between a subject
//! and its verb, what ends a subject, which cue words are often nouns, and
//! which labels are no speakers. General English, not any article's words.

use std::sync::LazyLock;

use crate::suggest::lexicon::{Lexicon, PHRASAL_CUES, REPORTING_VERBS, WEEKDAYS, regular_forms};

/// Parts of time a phrase names with a weekday (`last week`, `Friday
/// night`).
pub(super) const PARTS_OF_TIME: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "morning",
    "evening",
    "afternoon",
];

/// Words that say when after `on`, `last`, `this` …
pub(super) static TIME_WORD: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::union(&[WEEKDAYS, PARTS_OF_TIME]));

/// Words between a subject and its verb that are not part of the subject.
pub(super) static BETWEEN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::union(&[
        &[
            "has",
            "have",
            "had",
            "also",
            "previously",
            "later",
            "then",
            "recently",
            "repeatedly",
            "once",
            "twice",
            "ever",
            "would",
            "will",
            "could",
            "can",
            "may",
            "might",
            "did",
            "does",
            "do",
            "not",
            "never",
            "publicly",
            "privately",
            "earlier",
            "already",
            "still",
            "further",
            "reportedly",
            "often",
            "sometimes",
            "usually",
            "frequently",
            "again",
            "initially",
            "simply",
            "just",
            "now",
            "even",
            "long",
            "always",
            "quickly",
            "flatly",
            "clearly",
            "openly",
            "separately",
            "shall",
            "is",
            "are",
            "was",
            "were",
            "been",
            "should",
            "must",
            "apparently",
            "allegedly",
            "first",
            "last",
            "yesterday",
            "today",
            "tonight",
            "all",
            "both",
            "each",
            "together",
            "only",
            "almost",
            // `seldom told`.
            "seldom",
            // `Carter however said`, `Obama too has argued`.
            "however",
            "though",
            "meanwhile",
            "instead",
            "too",
        ],
        WEEKDAYS,
    ])
});

/// Prepositions that also end a subject going left (in [`STOP_WORDS`] and
/// [`PREPOSITION`]); `of` and `for` join a phrase instead (`head of the
/// party`).
const PREPOSITIONS_THAT_STOP: &[&str] = &[
    "in",
    "to",
    "from",
    "on",
    "at",
    "with",
    "by",
    "into",
    "about",
    "over",
    "under",
    "against",
    "during",
    "through",
    "without",
    "within",
    "amid",
    "amidst",
    "including",
    "despite",
];

/// Words that end a subject going left: verbs, prepositions, conjunctions,
/// sentence adverbs.
static STOP_WORDS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::union(&[
        &[
            "that",
            "and",
            "but",
            "while",
            "as",
            "when",
            "because",
            "if",
            "after",
            "before",
            "since",
            "so",
            "than",
            "where",
            "is",
            "was",
            "were",
            "are",
            "be",
            "been",
            "being",
            "has",
            "have",
            "had",
            "will",
            "would",
            "not",
            "however",
            "meanwhile",
            "yet",
            "still",
            "then",
            "now",
            "also",
            "later",
            "instead",
            "what",
            "how",
            "why",
            "whether",
            "or",
            "nor",
            "although",
            "though",
            "unless",
            "until",
            "whom",
            "whose",
            "there",
            "here",
            "this",
            "these",
            "those",
            "said",
            "says",
            "say",
            "told",
            "tells",
            "can",
            "could",
            "should",
            "may",
            "might",
            "must",
            "do",
            "does",
            "did",
            "like",
            "than",
            // `At least half of voters say`: the hedge is read whole, before
            // the share (`share::hedged_start`).
            "least",
            "even",
            "just",
            "too",
            "very",
            "thus",
            "indeed",
            "perhaps",
            "maybe",
            "last",
            "next",
            "ago",
            "today",
            "yesterday",
            "tonight",
            "tomorrow",
            "it's",
            "let's",
            "reporters",
            "everything",
            "nothing",
            "something",
            "anything",
            "me",
            "him",
            "us",
            "them",
            "her",
        ],
        PREPOSITIONS_THAT_STOP,
        WEEKDAYS,
        PARTS_OF_TIME,
    ])
});

/// Whether `w` ends a subject going left (see `STOP_WORDS`). A word in
/// capitals is an acronym, not a function word: `The US has condemned`.
pub(super) fn is_stop(w: &str) -> bool {
    let acronym = w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    !acronym && STOP_WORDS.contains(w)
}

/// Determiners and possessives: before a cue they make it a noun
/// (`the report`, `his statement`).
pub(super) static DETERMINER: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "your", "no",
        "any", "every", "each",
    ])
});

/// Cues that are also common nouns or everyday verbs: they need a subject
/// right before them and score lower.
pub(super) static WEAK_CUES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "state",
        "states",
        "report",
        "reports",
        "note",
        "notes",
        "question",
        "questions",
        "show",
        "shows",
        "showed",
        "shown",
        "found",
        "finds",
        "continue",
        "continued",
        "read",
        "reads",
        "charge",
        "charges",
        "charged",
        "fear",
        "fears",
        "feared",
        "worry",
        "worries",
        "worried",
        "expect",
        "expects",
        "expected",
        "praise",
        "praised",
        "praises",
        "demand",
        "demands",
        "demanded",
        "describe",
        "describes",
        "described",
        "cite",
        "cites",
        "cited",
        "citing",
        "blast",
        "blasts",
        "blasted",
        "agree",
        "agrees",
        "agreed",
        "promise",
        "promises",
        "promised",
        "vow",
        "vows",
        "vowed",
        "pledge",
        "pledges",
        "pledged",
        "declined",
        "remark",
        "remarks",
        "counter",
        "counters",
        "countered",
        "echo",
        "echoes",
        "echoed",
        "joke",
        "jokes",
        "joked",
        "boast",
        "boasts",
        "boasted",
        "think",
        "thinks",
        "believe",
        "believes",
        "believed",
        "ask",
        "asks",
        "asked",
        "answer",
        "question",
        "questioned",
        "recommend",
        "recommends",
        "recommended",
        "mention",
        "mentions",
        "mentioned",
        "propose",
        "proposes",
        "proposed",
        "accuse",
        "accuses",
        "accused",
        "condemn",
        "condemns",
        "condemned",
        "criticize",
        "criticizes",
        "criticized",
        "criticised",
        "estimate",
        "estimates",
        "estimated",
        "predict",
        "predicts",
        "predicted",
        "urge",
        "urges",
        "urged",
        "warn",
        "warns",
        "warned",
        "tweet",
        "tweets",
        "tweeted",
    ])
});

/// Reporting verbs that are more often nouns: cues only before `that`
/// (`Trump charges that …`).
pub(super) const NOUNISH: &[&str] = &[
    "charges",
    "questions",
    "states",
    "demands",
    "fears",
    "worries",
    "tweets",
    "remarks",
    "warns",
    "reports",
    "notes",
    "claims",
    "promises",
    "pledges",
    "vows",
    "boasts",
    "jokes",
    "counters",
];

pub(super) static NOUNISH_CUES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(NOUNISH));

/// Labels an article prints before a colon that are no speakers.
pub(super) static EDITORIAL_LABEL: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "source",
        "sources",
        "correction",
        "corrections",
        "contributing",
        "clarification",
        "update",
        "updated",
        "note",
        "editor",
        "editors",
        "photo",
        "photos",
        "notice",
        "breaking",
        "exclusive",
        "readers",
        "video",
        "watch",
        "read",
        "related",
        "credit",
        "caption",
        "disclosure",
        "abstract",
        "summary",
        "transcript",
        "graphic",
        "chart",
        "map",
        "see",
        "also",
        "more",
        "question",
        "answer",
        "full",
        "text",
        "breaking",
        "exclusive",
        "analysis",
        "opinion",
        "advertisement",
        "listen",
        "q",
        "a",
    ])
});

/// Cues that are also plural nouns (`phone calls`, `his tax claims`).
pub(super) static NOUN_PLURALS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "calls",
        "claims",
        "reports",
        "notes",
        "charges",
        "shows",
        "finds",
        "remarks",
        "questions",
        "tweets",
        "states",
        "demands",
        "fears",
        "worries",
        "estimates",
        "warns",
        "insists",
        "debates",
        "rules",
        "points",
        "plans",
        "attacks",
        "comments",
        "contests",
    ])
});

/// Cues for sources only: common nouns too often for quotes to count them
/// as reporting (`a Spanish reality show`), and `read` of a text that is
/// quoted (`the letter reads: “…”`).
pub(super) const SOURCE_CUES: &[&str] = &["voiced", "show", "read", "reads"];

pub(super) static SOURCE_CUE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(SOURCE_CUES));

/// Every word that can start a cue: one lookup rules out most words.
pub(super) static CUE_START: LazyLock<Lexicon> = LazyLock::new(|| {
    let phrasal: Vec<&str> = PHRASAL_CUES.iter().map(|&(verb, _)| verb).collect();
    Lexicon::union(&[
        REPORTING_VERBS,
        NOUNISH,
        SOURCE_CUES,
        &["according"],
        &phrasal,
    ])
});

/// Participles of saying and of taking a public stand, whose agent after
/// `by` is a source (`was first reported by The Washington Post`, `a view
/// echoed by everyone I interviewed`). Verbs of mere action (`backed`,
/// `pushed`, `raised`) are left out: their agents are seldom sources.
pub(super) static PASSIVE_CUE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "reported",
        "echoed",
        "endorsed",
        "supported",
        "seconded",
        "rejected",
        "written",
        "promoted",
        "told",
        "criticized",
        "criticised",
        "condemned",
        "praised",
        "denounced",
        "disputed",
        "challenged",
        "questioned",
        "stated",
        "claimed",
        "announced",
        "confirmed",
        "denied",
        "noted",
        "predicted",
        "estimated",
        "described",
        "documented",
        "alleged",
        "asked",
        "pressed",
    ])
});

/// Prepositions: a noun phrase after one is its object, not a subject
/// (`after`, `before`, `like` also open clauses: `after Trump unleashed`).
pub(super) static PREPOSITION: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::union(&[
        PREPOSITIONS_THAT_STOP,
        &[
            "of",
            "for",
            "between",
            "among",
            "toward",
            "towards",
            "upon",
            "near",
            "around",
            "across",
            "outside",
            "inside",
            "beyond",
            "throughout",
            "behind",
        ],
    ])
});

/// Verbs of a relative clause that says what a source does for a living or
/// stands for (`Derek Mitchell, who served as ambassador to Burma,`,
/// `Michael Mulgrew, president of the union, which represents teachers,`):
/// such a clause describes the source, like an appositive. Any other verb
/// tells an event (`Mr. Obama, who understood that …,`) and is left out.
pub(super) static ROLE_VERB: LazyLock<Lexicon> = LazyLock::new(|| {
    let regular = [
        "serve",
        "run",
        "head",
        "lead",
        "chair",
        "direct",
        "oversee",
        "study",
        "represent",
        "track",
        "teach",
        "work",
        "advise",
        "manage",
        "cover",
        "research",
        "specialize",
        "coordinate",
        "own",
        "include",
    ];
    // Irregular forms, and `founded` without `found`, the past of `find`.
    let other = ["ran", "led", "oversaw", "taught", "founded", "co-founded"];
    Lexicon::from_words(
        regular
            .iter()
            .flat_map(|base| regular_forms(base))
            .chain(other.iter().map(|w| (*w).to_owned())),
    )
});

/// Documents whose findings are attributed to them.
pub(super) static FINDING: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "poll", "polls", "survey", "surveys", "study", "studies", "analysis", "census",
    ])
});

/// Verbs of saying that come before their subject after a quotation or a
/// comma (`," said Smith`, `, added the spokesman`).
pub(super) static INVERTIBLE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "said",
        "says",
        "say",
        "added",
        "adds",
        "asked",
        "asks",
        "wrote",
        "writes",
        "continued",
        "continues",
        "noted",
        "notes",
        "explained",
        "explains",
        "recalled",
        "recalls",
        "replied",
        "replies",
        "responded",
        "responds",
        "argued",
        "argues",
        "insisted",
        "insists",
        "warned",
        "warns",
        "observed",
        "observes",
        "remarked",
        "countered",
        "acknowledged",
        "admitted",
        "conceded",
        "cautioned",
        "stressed",
        "emphasized",
        "predicted",
        "suggested",
        "agreed",
        "concluded",
        "quipped",
        "joked",
        "boasted",
        "complained",
        "tweeted",
        "reported",
        "reports",
        "told",
        "tells",
        "stated",
        "read",
        "reads",
        "wondered",
        "mused",
        "gloated",
        "suggests",
        "recommends",
        "recommended",
        "predicts",
        "concludes",
        "concedes",
        "admits",
        "agrees",
        "acknowledges",
        "jokes",
        "complains",
    ])
});

/// Nouns for something said that a `that` clause spells out (`Trump’s
/// claim that`, `his warning that`, `Comey's Friday announcement that`).
pub(super) static CLAIM_NOUN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "claim",
        "claims",
        "remark",
        "remarks",
        "warning",
        "warnings",
        "announcement",
        "assertion",
        "assertions",
        "assurance",
        "assurances",
        "insistence",
        "argument",
        "arguments",
        "allegation",
        "allegations",
        "conclusion",
        "contention",
        "prediction",
        "promise",
        "pledge",
        "admission",
        "acknowledgment",
        "acknowledgement",
        "suggestion",
        "emphasis",
        "pronouncement",
        "pronouncements",
    ])
});

/// The states of the United States, and its capital, in lowercase: after
/// a town, they close the town's phrase (`of Columbia, South Carolina`).
static US_STATE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "georgia",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "rhode island",
        "south carolina",
        "south dakota",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "washington",
        "west virginia",
        "wisconsin",
        "wyoming",
        "d.c.",
    ])
});

/// Whether `name` is a state of the United States (`South Carolina`).
pub(super) fn is_us_state(name: &str) -> bool {
    US_STATE.contains(name)
}
