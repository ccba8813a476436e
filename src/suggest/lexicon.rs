//! Word lists the suggestion rules share: reporting verbs, pronouns,
//! abbreviations, months, scale and unit words.
//!
//! These are general English, not vocabulary taken from any one article.
//! Lookups are case-insensitive on ASCII and never allocate.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Reporting cues: verbs (every inflection that reports speech, writing,
/// belief or a finding) and the multi-word cues that introduce a source.
/// Forms that are more often nouns (`tweets`, `questions`, `state`) are left
/// out: they would make every noun phrase before them a source.
pub const REPORTING_VERBS: &[&str] = &[
    "called",
    "calls",
    "calling",
    "questioning",
    "demanding",
    "urging",
    "promising",
    "encouraging",
    "criticizing",
    "accusing",
    "defending",
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "adds",
    "added",
    "adding",
    "notes",
    "noted",
    "noting",
    "write",
    "writes",
    "wrote",
    "writing",
    "reports",
    "reported",
    "claims",
    "claimed",
    "claiming",
    "argue",
    "argues",
    "argued",
    "arguing",
    "stated",
    "announce",
    "announces",
    "announced",
    "announcing",
    "explain",
    "explains",
    "explained",
    "explaining",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "warn",
    "warns",
    "warned",
    "warning",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "asks",
    "asked",
    "respond",
    "responds",
    "responded",
    "replies",
    "replied",
    "tweeted",
    "declare",
    "declares",
    "declared",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "estimate",
    "estimates",
    "estimated",
    "predict",
    "predicts",
    "predicted",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "recall",
    "recalls",
    "recalled",
    "emphasize",
    "emphasized",
    "emphasised",
    "emphasizes",
    "stress",
    "stresses",
    "stressed",
    "urge",
    "urges",
    "urged",
    "accuse",
    "accuses",
    "accused",
    "criticize",
    "criticized",
    "criticised",
    "criticizes",
    "condemn",
    "condemns",
    "condemned",
    "complain",
    "complains",
    "complained",
    "conclude",
    "concludes",
    "concluded",
    "contend",
    "contends",
    "contended",
    "maintain",
    "maintains",
    "maintained",
    "observe",
    "observes",
    "observed",
    "reveal",
    "reveals",
    "revealed",
    "indicate",
    "indicates",
    "indicated",
    "allege",
    "alleges",
    "alleged",
    "assert",
    "asserts",
    "asserted",
    "testify",
    "testified",
    "testifies",
    "continue",
    "continued",
    "agree",
    "agrees",
    "agreed",
    "vowed",
    "pledged",
    "promised",
    "mention",
    "mentions",
    "mentioned",
    "describe",
    "describes",
    "described",
    "declined",
    "demanded",
    "propose",
    "proposes",
    "proposed",
    "disclose",
    "discloses",
    "disclosed",
    "found",
    "finds",
    "shows",
    "showed",
    "shown",
    "cited",
    "citing",
    "blasted",
    "questioned",
    "recommend",
    "recommends",
    "recommended",
    "remarked",
    "charged",
    "feared",
    "worried",
    "expect",
    "expects",
    "expected",
    "praised",
    "concede",
    "conceded",
    "concedes",
    "boasted",
    "joked",
    "quip",
    "quipped",
    "scoff",
    "scoffed",
    "countered",
    "retort",
    "retorted",
    "echoed",
];

/// Words that join a reporting verb into one cue (`called for`, `pointed
/// out`): the verb and its particle.
pub const PHRASAL_CUES: &[(&str, &str)] = &[
    ("called", "for"),
    ("calls", "for"),
    ("call", "for"),
    ("calling", "for"),
    ("called", "on"),
    ("calls", "on"),
    ("pointed", "out"),
    ("points", "out"),
    ("point", "out"),
    ("pointed", "to"),
    ("spoke", "of"),
];

/// Personal and relative pronouns that can stand for a source.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "who", "you", "which"];

/// Abbreviations that end with a period without ending a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "st",
    "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "gop", "u.s", "u.k", "u.n",
    "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "approx", "est", "dept", "univ", "adm", "cmdr",
    "supt", "det", "insp", "hon", "rev", "fr", "messrs",
];

/// Month names and their abbreviations, lowercase.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words that make a number a large quantity (`4.5 million`, `€3bn`).
pub const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "bn", "m", "mn", "mln", "k", "tn",
    "trn", "bln",
];

/// Units written after a number that belong to the figure. Counted things
/// (`people`, `staff`) are not units: the figure is the number alone.
pub const UNITS: &[&str] = &[
    "percent",
    "pc",
    "%",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "second",
    "decades",
    "decade",
    "centuries",
    "century",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "foot",
    "inches",
    "cm",
    "mm",
    "kg",
    "kilograms",
    "kilogram",
    "kilos",
    "grams",
    "g",
    "tonnes",
    "tons",
    "tonne",
    "ton",
    "pounds",
    "lbs",
    "lb",
    "degrees",
    "points",
    "point",
    "mph",
    "kph",
    "km/h",
    "acres",
    "hectares",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "mw",
    "gw",
    "kw",
    "kwh",
    "dollars",
    "euros",
    "pence",
    "cents",
    "yen",
    "yuan",
    "roubles",
    "rubles",
    "rupees",
    "francs",
];

/// Words that point to a comparison or a superlative.
pub const COMPARISONS: &[&str] = &[
    "more",
    "less",
    "fewer",
    "most",
    "least",
    "than",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "smallest",
    "worst",
    "best",
    "record",
    "first",
    "only",
    "doubled",
    "tripled",
    "halved",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "rose",
    "fell",
    "risen",
    "fallen",
    "grew",
    "dropped",
    "surged",
    "soared",
    "plunged",
    "majority",
    "minority",
    "all",
    "none",
    "every",
    "never",
    "always",
];

/// Words that point to a causal statement.
pub const CAUSALS: &[&str] = &[
    "because",
    "caused",
    "causes",
    "cause",
    "due",
    "led",
    "leads",
    "result",
    "resulted",
    "blamed",
    "blame",
    "responsible",
    "therefore",
    "consequently",
    "since",
];

/// Quantity words that make a clause about how many (`Thousands gathered`).
pub const QUANTIFIERS: &[&str] = &[
    "thousands",
    "hundreds",
    "millions",
    "billions",
    "dozens",
    "several",
    "most",
    "majority",
];

/// FNV-1a: lexicon keys are short words, for which it is several times
/// faster than the default SipHash, and no key comes from an adversary
/// who could flood a table.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A word list with constant-time, case-insensitive lookup.
pub struct Lexicon(HashSet<&'static str, BuildHasherDefault<Fnv>>);

impl Lexicon {
    pub fn new(words: &[&'static str]) -> Self {
        Self(words.iter().copied().collect())
    }

    /// A lexicon of every word of several lists.
    pub fn union(lists: &[&[&'static str]]) -> Self {
        Self(lists.iter().flat_map(|l| l.iter().copied()).collect())
    }

    /// Whether `word` is in the list, ignoring ASCII case. Words longer than
    /// any entry are rejected without lowercasing.
    pub fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 24];
        let bytes = word.as_bytes();
        if bytes.len() > buf.len() {
            return false;
        }
        let lower = &mut buf[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.0.contains(w))
    }
}

macro_rules! lexicon {
    ($name:ident, $list:ident) => {
        pub static $name: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new($list));
    };
}

lexicon!(REPORTING, REPORTING_VERBS);
lexicon!(PRONOUN, PRONOUNS);
lexicon!(ABBREVIATION, ABBREVIATIONS);
lexicon!(MONTH, MONTHS);
lexicon!(SCALE, SCALES);
lexicon!(UNIT, UNITS);
lexicon!(COMPARISON, COMPARISONS);
lexicon!(CAUSAL, CAUSALS);
lexicon!(QUANTIFIER, QUANTIFIERS);
