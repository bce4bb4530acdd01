//! `conflicting-facts`: one guide that states the same kind of fact twice with different
//! values ("it can take up to 8 hours" in the outcome, "takes 24 hours to sign out" in a
//! tip). Durations are compared after normalising their unit (8 hours is 480 minutes);
//! counts only when they count the same thing ("10 devices" and "5 devices"). Two facts
//! are only compared when their sentences share a word that says what they are about.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::rule::{Rule, RuleConfig};
use crate::check::text::{Field, sub_span};
use crate::diag::{Code, Diagnostic, RuleDoc, RuleMeta, Severity};
use crate::model::Step;
use crate::resolve::Resolved;
use crate::source::Spanned;

/// The `conflicting-facts` rule.
pub(super) struct ConflictingFacts;

static META: RuleMeta = RuleMeta {
    id: "conflicting-facts",
    default_severity: Severity::Warning,
    default_on: true,
    summary: "A guide states the same duration or count twice with different values.",
    doc: RuleDoc {
        explanation: "Reports a duration (\"up to 8 hours\", \"within 2 days\", \"a day\") or a count of something (\"up to 10 devices\", \"two profiles\") that contradicts one stated earlier in the same guide about the same thing: both sentences share a word saying what they are about (\"sign out\", \"code\"), and the values differ once units are normalised (8 hours and 480 minutes agree; a limit \"at least 2 days\" and \"up to 5 days\" do not clash). Numbers may be written as words. Step numbers, versions, years, times of day, prices, percentages and placeholders are not facts here; nor are sentences that start a condition (\"if ...\") or steps that apply only sometimes (`if`, `optional`, options), which may rightly differ. Readers cannot tell which value is true: state the fact once, or say what differs.",
        bad: "steps:\n  web:\n    - click: sign-out-all\n      result: It can take up to 8 hours to sign out everywhere.\ntips:\n  - Devices sign out within 24 hours.",
        good: "steps:\n  web:\n    - click: sign-out-all\n      result: It can take up to 8 hours to sign out everywhere.\ntips:\n  - Devices that are offline sign out the next time they connect.",
    },
    options: &[],
};

/// The code this rule reports under.
pub(super) const CODE: Code = Code::lint(&META);

/// What a value measures.
#[derive(Debug, Clone, PartialEq)]
enum Unit {
    /// A duration, in seconds; `calendar` for months and years, whose length varies.
    Duration { calendar: bool },
    /// A count of a thing (the noun's stem: `devic` for "devices").
    Count(String),
}

/// How a value is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// The value itself ("24 hours", "about 5 minutes").
    Exact,
    /// An upper limit ("up to", "within", "at most", "or less").
    Max,
    /// A lower limit ("at least", "more than", "or more").
    Min,
}

/// One value found in a text: byte range of its words, what it measures, its range
/// (`lo == hi` unless written "2-3 days").
#[derive(Debug, Clone, PartialEq)]
struct Value {
    start: usize,
    end: usize,
    unit: Unit,
    lo: f64,
    hi: f64,
    bound: Bound,
    /// Index of its sentence in the text.
    sentence: usize,
    /// Whether its sentence is a condition ("If ... after 24 hours, ...").
    conditional: bool,
}

/// A word of a text, as byte offsets into its lower-cased copy.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// Inside brackets, braces or backticks (a placeholder or code).
    quoted: bool,
    sentence: usize,
}

/// Words of `lower` (ASCII-lower-cased text): runs of letters and digits, with a `.` or
/// `,` between digits (`1.5`, `10,000`) and an apostrophe inside a word kept in.
fn tokens(lower: &str) -> Vec<Token> {
    let b = lower.as_bytes();
    let mut out = Vec::new();
    let (mut depth, mut code, mut sentence) = (0u32, false, 0usize);
    let mut comma = false;
    let mut i = 0;
    let word = |c: char| c.is_alphanumeric();
    while i < lower.len() {
        let Some(c) = lower[i..].chars().next() else {
            break;
        };
        if !word(c) {
            match c {
                '[' | '{' | '<' => depth += 1,
                ']' | '}' | '>' => depth = depth.saturating_sub(1),
                '`' => code = !code,
                '.' | '!' | '?' | ';' | '\n' => sentence += 1,
                ',' => comma = true,
                _ => {}
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        while i < lower.len() {
            let Some(c) = lower[i..].chars().next() else {
                break;
            };
            let inner = |j: usize| {
                b.get(j).is_some_and(u8::is_ascii_digit) && i > start && b[i - 1].is_ascii_digit()
            };
            if word(c) || ((c == '.' || c == ',') && inner(i + 1)) || (c == '\'' && i > start) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        let end = if lower[start..i].ends_with('\'') {
            i - 1
        } else {
            i
        };
        // ", and ...", ", but ...": a clause of its own.
        if std::mem::take(&mut comma)
            && matches!(
                &lower[start..end],
                "and" | "but" | "while" | "so" | "whereas" | "or"
            )
        {
            sentence += 1;
        }
        out.push(Token {
            start,
            end,
            quoted: depth > 0 || code,
            sentence,
        });
    }
    out
}

const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a number word ("eight", "twenty"), or of digits ("24", "1.5").
fn number(w: &str) -> Option<f64> {
    if w.bytes()
        .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
    {
        if w.bytes().filter(|c| *c == b'.').count() > 1 || !w.as_bytes()[0].is_ascii_digit() {
            return None;
        }
        return w.replace(',', "").parse().ok();
    }
    if let Some(i) = ONES.iter().position(|o| *o == w) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|t| *t == w)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

/// Seconds in a duration unit, and whether it is a calendar unit.
fn duration(w: &str) -> Option<(f64, bool)> {
    const DAY: f64 = 86_400.0;
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => (1.0, false),
        "minute" | "minutes" | "min" | "mins" => (60.0, false),
        "hour" | "hours" | "hr" | "hrs" => (3_600.0, false),
        "day" | "days" => (DAY, false),
        "week" | "weeks" => (7.0 * DAY, false),
        "month" | "months" => (365.0 * DAY / 12.0, true),
        "year" | "years" => (365.0 * DAY, true),
        _ => return None,
    })
}

/// A crude stem, the same for "devices" and "device", "signed" and "sign".
fn stem(w: &str) -> &str {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let w = if w.len() >= 6 && w.ends_with("ing") {
        &w[..w.len() - 3]
    } else if w.len() >= 5 && w.ends_with("ed") {
        &w[..w.len() - 2]
    } else if w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..w.len() - 1]
    } else {
        w
    };
    if w.len() >= 4 {
        w.strip_suffix('e').unwrap_or(w)
    } else {
        w
    }
}

/// Words that say nothing about what a fact is about, and words that may not be counted.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "ago",
    "all",
    "almost",
    "also",
    "am",
    "an",
    "and",
    "any",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "day",
    "do",
    "does",
    "done",
    "each",
    "either",
    "even",
    "every",
    "everything",
    "few",
    "fewer",
    "for",
    "from",
    "get",
    "gets",
    "go",
    "had",
    "has",
    "have",
    "here",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "keep",
    "last",
    "least",
    "less",
    "let",
    "like",
    "long",
    "longer",
    "made",
    "make",
    "many",
    "max",
    "maximum",
    "may",
    "might",
    "min",
    "minimum",
    "more",
    "most",
    "much",
    "must",
    "need",
    "nearly",
    "new",
    "next",
    "no",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "per",
    "pm",
    "roughly",
    "same",
    "see",
    "should",
    "show",
    "so",
    "some",
    "still",
    "such",
    "take",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "time",
    "times",
    "to",
    "too",
    "took",
    "twice",
    "under",
    "until",
    "up",
    "upto",
    "us",
    "use",
    "usually",
    "very",
    "wait",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "within",
    "without",
    "work",
    "would",
    "you",
    "your",
    "yours",
];

/// Verbs whose particle changes what they say ("sign in" is not "sign out").
const PHRASAL: &[&str] = &[
    "sign", "log", "turn", "set", "opt", "switch", "shut", "power", "check", "start", "clear",
    "clos", "lock", "tim", "run", "pay", "plug", "wip", "pair", "back", "hang", "pick", "lay",
];

/// Words before a number that make it a label, not a value ("step 3", "version 2").
const LABELS: &[&str] = &[
    "step", "steps", "version", "v", "callout", "callouts", "marker", "markers", "number", "no",
    "page", "section", "chapter", "figure", "item", "line", "ios", "android", "windows", "level",
    "plan", "option", "tier", "room", "code", "pin",
];

/// Things every sentence of a guide may mention, which say nothing about what a fact is
/// about (but may be counted: "2 screens").
const GENERIC: &[&str] = &[
    "account",
    "app",
    "application",
    "browser",
    "device",
    "page",
    "screen",
    "site",
    "website",
];

static STOP_STEMS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    STOPWORDS
        .iter()
        .flat_map(|w| [*w, stem(w)])
        .chain(ONES.iter().copied())
        .chain(TENS.iter().copied())
        .collect()
});

fn is_stop(w: &str) -> bool {
    STOP_STEMS.contains(w) || STOP_STEMS.contains(stem(w)) || duration(w).is_some()
}

/// A text's words, with the text as written and lower-cased.
struct Words<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Token],
}

impl<'a> Words<'a> {
    /// Word `i`, lower-cased ("" past the end).
    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// The text between word `i - 1` and word `i`.
    fn gap(&self, i: usize) -> &'a str {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => &self.lower[a.end..b.start],
            _ => "",
        }
    }

    /// The word `n` before word `i` in the same sentence ("" if none).
    fn back(&self, i: usize, n: usize) -> &'a str {
        i.checked_sub(n)
            .filter(|j| self.toks[*j].sentence == self.toks[i].sentence)
            .map_or("", |j| self.word(j))
    }

    fn conditional(&self, s: usize) -> bool {
        self.toks
            .iter()
            .filter(|t| t.sentence == s)
            .any(|t| matches!(&self.lower[t.start..t.end], "if" | "unless"))
    }

    /// Whether the number at word `i` is a label ("step 3", "#4", "$9", "[6 digits]").
    fn is_label(&self, i: usize) -> bool {
        let before = self.gap(i);
        LABELS.contains(&self.back(i, 1)) && before.trim().is_empty()
            || before
                .chars()
                .next_back()
                .is_some_and(|c| "#$€£¥:/.+-".contains(c))
                && !before.ends_with(". ")
            || self.toks[i].quoted
    }

    /// The number starting at word `i`, read as far as it goes ("twenty-four", "2-3", "2
    /// to 3", "half an", "a quarter of an"): its range and its last word.
    fn number_at(&self, i: usize) -> Option<(f64, f64, usize)> {
        let w = self.word(i);
        let prev = self.back(i, 1);
        let article = matches!(w, "a" | "an");
        let (mut lo, mut at) = (if article { 1.0 } else { number(w)? }, i);
        if TENS.contains(&w)
            && self.gap(i + 1) == "-"
            && let Some(n) = ONES[1..10].iter().position(|o| *o == self.word(i + 1))
        {
            lo += n as f64 + 1.0;
            at = i + 1;
        }
        if article && prev == "half" {
            lo = 0.5;
        } else if article && prev == "of" && self.back(i, 2) == "quarter" {
            lo = 0.25;
        }
        let mut hi = lo;
        let sep = self.gap(at + 1).trim();
        if article {
        } else if (sep == "-" || sep == "\u{2013}") && self.gap(at + 1).len() <= 3 {
            if let Some(n) = number(self.word(at + 1)) {
                hi = n;
                at += 1;
            }
        } else if sep.is_empty()
            && (matches!(self.word(at + 1), "to" | "or")
                || (self.word(at + 1) == "and" && prev == "between"))
            && let Some(n) = number(self.word(at + 2))
        {
            hi = n;
            at += 2;
        }
        Some((lo, hi, at))
    }

    /// What the word `u` after a number measures: a duration unit (its seconds) or a
    /// counted noun.
    fn unit_at(&self, u: usize, first: usize, lo: f64) -> Option<(Unit, f64)> {
        let unit_word = self.word(u);
        let prev = self.back(first, 1);
        if let Some((secs, calendar)) = duration(unit_word) {
            // "once a day", "every 2 days", "per hour": a frequency, not a duration.
            let frequency = matches!(prev, "every" | "each" | "per" | "once" | "twice" | "times");
            return (!frequency).then_some((Unit::Duration { calendar }, secs));
        }
        if matches!(self.word(first), "a" | "an") {
            return None;
        }
        // A capital word after a number is a name ("2024 Netflix"), and a year counts
        // nothing.
        let written = self.toks.get(u).map_or("", |t| &self.text[t.start..t.end]);
        let year = (1900.0..=2100.0).contains(&lo) && self.word(first).len() == 4;
        let noun = written.bytes().all(|c| c.is_ascii_lowercase())
            && !year
            && unit_word.len() >= 3
            && !is_stop(unit_word)
            && !LABELS.contains(&unit_word);
        noun.then(|| (Unit::Count(stem(unit_word).to_owned()), 1.0))
    }

    /// The words before the number at `i` that bound it ("up to", "at least"), and the
    /// first word of the value.
    fn bound_before(&self, i: usize) -> (Bound, usize) {
        let (one, two) = (self.back(i, 1), self.back(i, 2));
        let article = matches!(self.word(i), "a" | "an");
        if matches!(
            (two, one),
            ("up", "to") | ("at", "most") | ("no", "more" | "longer") | ("not", "more")
        ) {
            (Bound::Max, i - 2)
        } else if (two, one) == ("at", "least") {
            (Bound::Min, i - 2)
        } else if one == "than" && matches!(two, "less" | "fewer") {
            (Bound::Max, i - 2)
        } else if one == "than" && matches!(two, "more" | "longer") {
            (Bound::Min, i - 2)
        } else if matches!(
            one,
            "within" | "under" | "maximum" | "max" | "upto" | "before"
        ) {
            (Bound::Max, i - 1)
        } else if matches!(one, "over" | "minimum" | "min" | "after") {
            (Bound::Min, i - 1)
        } else if article && one == "half" {
            (Bound::Exact, i - 1)
        } else if article && one == "of" && two == "quarter" {
            let a = matches!(self.back(i, 3), "a" | "one");
            (Bound::Exact, i - 2 - usize::from(a))
        } else {
            (Bound::Exact, i)
        }
    }

    /// The value whose number starts at word `i`, or the word to go on from.
    fn value_at(&self, i: usize) -> Result<Value, usize> {
        if self.is_label(i) {
            return Err(i + 1);
        }
        let (mut lo, mut hi, at) = self.number_at(i).ok_or(i + 1)?;
        let after = self.gap(at + 1);
        let spaced = after.chars().all(|c| c == ' ' || c == '-' || c == '*');
        if !spaced || after.is_empty() {
            return Err(at + 1);
        }
        let u = at + 1;
        let (unit, scale) = self.unit_at(u, i, lo).ok_or(u)?;
        lo *= scale;
        hi *= scale;
        let (mut bound, start) = self.bound_before(i);
        let mut end = u;
        // "an hour and a half"
        if matches!(unit, Unit::Duration { .. })
            && (self.word(u + 1), self.word(u + 2), self.word(u + 3)) == ("and", "a", "half")
        {
            lo += scale / 2.0;
            hi += scale / 2.0;
            end = u + 3;
        }
        let same_sentence = self
            .toks
            .get(u + 1)
            .is_some_and(|x| x.sentence == self.toks[u].sentence);
        if self.word(u + 1) == "or" && same_sentence {
            match self.word(u + 2) {
                "more" | "longer" | "later" => (bound, end) = (Bound::Min, u + 2),
                "less" | "fewer" | "sooner" | "earlier" => (bound, end) = (Bound::Max, u + 2),
                _ => {}
            }
        }
        let sentence = self.toks[i].sentence;
        Ok(Value {
            start: self.toks[start].start,
            end: self.toks[end].end,
            unit,
            lo,
            hi,
            bound,
            sentence,
            conditional: self.conditional(sentence),
        })
    }
}

/// Durations and counts stated in `text`, whose lower-cased copy `lower` has the words
/// `toks`.
fn values(text: &str, lower: &str, toks: &[Token]) -> Vec<Value> {
    let words = Words { text, lower, toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match words.value_at(i) {
            Ok(v) => {
                // Go on after the value's last word.
                i = toks
                    .iter()
                    .position(|t| t.end == v.end)
                    .map_or(i + 1, |k| k + 1);
                out.push(v);
            }
            Err(next) => i = next.max(i + 1),
        }
    }
    out
}

/// The words of sentence `s` that say what it is about: stems, with a following particle
/// kept ("sign out"), leaving out stop words, numbers, units and `skip` (the product's name).
fn context(lower: &str, toks: &[Token], s: usize, skip: &[String]) -> Vec<(String, String)> {
    let in_s: Vec<&Token> = toks.iter().filter(|t| t.sentence == s).collect();
    let mut out = Vec::new();
    for (k, t) in in_s.iter().enumerate() {
        let w = &lower[t.start..t.end];
        if is_stop(w) || number(w).is_some() || !w.chars().all(char::is_alphabetic) {
            continue;
        }
        if skip.iter().any(|s| s == w) || GENERIC.iter().any(|g| stem(g) == stem(w)) {
            continue;
        }
        let st = stem(w);
        let particle = in_s.get(k + 1).and_then(|n| {
            let p = &lower[n.start..n.end];
            let gap = &lower[t.end..n.start];
            let next = in_s.get(k + 2).map(|m| &lower[m.start..m.end]);
            (PHRASAL.contains(&st)
                && matches!(p, "in" | "out" | "up" | "off" | "on" | "down" | "back")
                && (gap == " " || gap == "-")
                && !(p == "up" && next == Some("to")))
            .then_some(p)
        });
        out.push(match particle {
            Some(p) => (format!("{st} {p}"), format!("{w} {p}")),
            None => (st.to_owned(), w.to_owned()),
        });
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// A value found in one of a guide's texts.
struct Fact<'g> {
    text: &'g Spanned<String>,
    value: Value,
    /// What its sentence is about: each word's stem, and the word as written.
    words: Vec<(String, String)>,
    /// The step whose text states it when that step applies only sometimes.
    only_in: Option<*const Step>,
}

fn same(a: f64, b: f64, loose: bool) -> bool {
    let tolerance = if loose { 0.1 } else { 1e-9 };
    (a - b).abs() <= tolerance * a.abs().max(b.abs()).max(1.0)
}

/// A word both facts' sentences share, other than the noun they count.
fn shared<'f>(a: &'f Fact<'_>, b: &Fact<'_>) -> Option<&'f str> {
    let unit = match &a.value.unit {
        Unit::Count(n) => n.as_str(),
        Unit::Duration { .. } => "",
    };
    a.words
        .iter()
        .find(|(k, _)| k != unit && b.words.iter().any(|(l, _)| l == k))
        .map(|(_, shown)| shown.as_str())
}

/// The words of a fact as written.
fn said<'g>(f: &Fact<'g>) -> &'g str {
    &f.text.value[f.value.start..f.value.end]
}

/// Why two facts about the same thing disagree, if they do.
fn clash(a: &Value, b: &Value) -> bool {
    let loose = match (&a.unit, &b.unit) {
        (Unit::Duration { calendar: x }, Unit::Duration { calendar: y }) => x != y,
        (Unit::Count(x), Unit::Count(y)) if x == y => false,
        _ => return false,
    };
    if same(a.lo, b.lo, loose) && same(a.hi, b.hi, loose) {
        return false;
    }
    // A lower and an upper limit describe a range together.
    !matches!(
        (a.bound, b.bound),
        (Bound::Min, Bound::Max) | (Bound::Max, Bound::Min)
    )
}

/// Steps that apply only sometimes: with `if`, `optional`, in an option, or replacing
/// another step on some platform (with their sub-steps).
fn sometimes(steps: &[&Step]) -> HashSet<*const Step> {
    fn all(s: &Step, out: &mut HashSet<*const Step>) {
        out.insert(s as *const Step);
        for sub in s
            .substeps
            .iter()
            .chain(s.options.iter().flat_map(|o| &o.steps))
        {
            all(sub, out);
        }
        for (_, alt) in &s.instead {
            all(alt, out);
        }
    }
    let mut out = HashSet::new();
    for s in steps {
        if s.condition.is_some() || s.optional {
            all(s, &mut out);
        }
        for sub in s.options.iter().flat_map(|o| &o.steps) {
            all(sub, &mut out);
        }
        for (_, alt) in &s.instead {
            all(alt, &mut out);
        }
    }
    out
}

impl Rule for ConflictingFacts {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, site: &Resolved<'_>, _cfg: &RuleConfig, out: &mut Vec<Diagnostic>) {
        let sources = &site.project.sources;
        for rg in &site.guides {
            let skip: Vec<String> = rg
                .product
                .map(|p| {
                    p.name
                        .value
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_ascii_lowercase)
                        .collect()
                })
                .unwrap_or_default();
            let written = rg.written_steps();
            let mut rare: Option<HashSet<*const Step>> = None;
            let mut facts: Vec<Fact<'_>> = Vec::new();
            for t in rg.texts() {
                if matches!(t.field, Field::Condition | Field::Choice | Field::Alt) {
                    continue;
                }
                let v = t.text.value.as_str();
                if !v.bytes().any(|c| c.is_ascii_digit() || c == b' ') {
                    continue;
                }
                let lower = v.to_ascii_lowercase();
                let toks = tokens(&lower);
                let found = values(v, &lower, &toks);
                if found.is_empty() {
                    continue;
                }
                let only_in = t.step.and_then(|s| {
                    let p = s as *const Step;
                    rare.get_or_insert_with(|| sometimes(written))
                        .contains(&p)
                        .then_some(p)
                });
                for value in found.into_iter().filter(|v| !v.conditional) {
                    let words = context(&lower, &toks, value.sentence, &skip);
                    facts.push(Fact {
                        text: t.text,
                        value,
                        words,
                        only_in,
                    });
                }
            }
            if facts.len() < 2 {
                continue;
            }
            let mut order: Vec<usize> = (0..facts.len()).collect();
            order.sort_by_key(|&i| (facts[i].text.span.start.index, facts[i].value.start));
            for (k, &bi) in order.iter().enumerate() {
                let b = &facts[bi];
                let first = order[..k].iter().map(|&ai| &facts[ai]).find(|a| {
                    let same_place =
                        std::ptr::eq(a.text, b.text) && a.value.sentence == b.value.sentence;
                    !same_place
                        && (a.only_in.is_none() && b.only_in.is_none() || a.only_in == b.only_in)
                        && clash(&a.value, &b.value)
                        && shared(a, b).is_some()
                });
                let Some(a) = first else {
                    continue;
                };
                let about = shared(a, b).unwrap_or_default();
                let (span, _) = sub_span(sources, b.text, b.value.start, b.value.end);
                let (first_span, _) = sub_span(sources, a.text, a.value.start, a.value.end);
                out.push(
                    Diagnostic::new(
                        CODE,
                        span,
                        format!(
                            "\"{}\" contradicts \"{}\" stated earlier in this guide (both sentences are about \"{about}\")",
                            said(b),
                            said(a)
                        ),
                    )
                    .help("state the fact once with the value that is true; if both are right, say what differs (a plan, a device, a condition)")
                    .related(first_span, format!("\"{}\" stated here", said(a))),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::testing::{PRODUCT, findings};

    fn found(text: &str) -> Vec<(String, f64, f64, Bound)> {
        let lower = text.to_ascii_lowercase();
        let toks = tokens(&lower);
        values(text, &lower, &toks)
            .into_iter()
            .map(|v| (text[v.start..v.end].to_owned(), v.lo, v.hi, v.bound))
            .collect()
    }

    #[test]
    fn durations_and_counts_are_read_with_their_bounds() {
        let h = 3_600.0;
        assert_eq!(
            found("It can take up to 8 hours. Sign-out takes a day, or twenty-four hours."),
            [
                ("up to 8 hours".into(), 8.0 * h, 8.0 * h, Bound::Max),
                ("a day".into(), 24.0 * h, 24.0 * h, Bound::Exact),
                ("twenty-four hours".into(), 24.0 * h, 24.0 * h, Bound::Exact),
            ]
        );
        assert_eq!(
            found("Within 2-3 days; at least two devices; 30 minutes or more; half an hour"),
            [
                ("Within 2-3 days".into(), 172_800.0, 259_200.0, Bound::Max),
                ("at least two devices".into(), 2.0, 2.0, Bound::Min),
                ("30 minutes or more".into(), 1_800.0, 1_800.0, Bound::Min),
                ("half an hour".into(), 1_800.0, 1_800.0, Bound::Exact),
            ]
        );
        assert_eq!(found("an eight-character code")[0].0, "eight-character");
        assert_eq!(
            found("a quarter of an hour, or an hour and a half"),
            [
                ("a quarter of an hour".into(), 900.0, 900.0, Bound::Exact),
                ("an hour and a half".into(), 5_400.0, 5_400.0, Bound::Exact),
            ]
        );
    }

    #[test]
    fn labels_times_and_placeholders_are_not_values() {
        for t in [
            "Repeat step 3 devices",
            "Version 2 apps",
            "Open it at 8:00 hours",
            "It is available 24/7 days",
            "Type [the 6 digits] here",
            "In 2024 Netflix changed it",
            "Netflix charges $9 monthly",
            "Save 50% today",
            "Check it once a day",
            "Use `2 hours` here",
            "Callout 2 shows it",
            "On iOS 17 devices",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    fn keys(words: Vec<(String, String)>) -> Vec<String> {
        words.into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn context_keeps_particles_and_drops_stop_words() {
        let lower = "it can take up to 8 hours for netflix to sign out on every device.";
        let toks = tokens(lower);
        assert_eq!(
            keys(context(lower, &toks, 0, &["netflix".to_owned()])),
            ["sign out"]
        );
        // A clause after ", and" is about its own subject; "code on" is no phrasal verb.
        let lower = "sign in on 2 tvs, and the code on your tv works for 15 minutes.";
        let toks = tokens(lower);
        assert_eq!(
            context(lower, &toks, 1, &[]),
            [("cod".into(), "code".into()), ("tv".into(), "tv".into())]
        );
    }

    fn messages(guide: &str) -> Vec<String> {
        findings(
            super::CODE,
            &[("demo/product.yaml", PRODUCT), ("demo/g.yaml", guide)],
        )
        .iter()
        .map(|d| d.message.clone())
        .collect()
    }

    const HEAD: &str =
        "title: How to sign out\nsummary: Sign out.\nsteps:\n  web:\n    - open: settings\n";

    #[test]
    fn contradicting_durations_and_counts_are_reported() {
        let g = format!(
            "{HEAD}      result: It can take up to 8 hours to sign out everywhere.\n    - click: sign-out\n      note: You can stay signed in on up to 10 devices.\ntips:\n  - Every device takes 24 hours to sign out.\n  - You can be signed in on five devices at once.\n"
        );
        assert_eq!(
            messages(&g),
            [
                "\"24 hours\" contradicts \"up to 8 hours\" stated earlier in this guide (both sentences are about \"sign out\")",
                "\"five devices\" contradicts \"up to 10 devices\" stated earlier in this guide (both sentences are about \"signed in\")",
            ]
        );
    }

    #[test]
    fn equal_values_ranges_and_other_subjects_are_not_reported() {
        let g = format!(
            "{HEAD}      result: It can take up to 8 hours to sign out everywhere.\n      note: The code works for 15 minutes.\n    - click: sign-out\n      detail: Signing out can take up to 480 minutes.\ntips:\n  - Sign-out always takes at least 2 hours.\n  - Downloads stay on 4 devices; you can stream on 2 devices.\n  - Your password reset link works for 30 minutes.\n  - Sign out 2 or 3 devices first, then sign out 5 devices.\n"
        );
        assert_eq!(messages(&g), Vec::<String>::new());
    }

    #[test]
    fn conditional_and_optional_steps_may_differ() {
        let g = format!(
            "{HEAD}      result: It can take up to 8 hours to sign out everywhere.\n    - click: sign-out\n      if: you use a smart TV\n      note: The TV can take 24 hours to sign out.\n    - click: sign-out\n      optional: true\n      note: An old TV can take 2 days to sign out.\ntips:\n  - If a TV has not signed out after 24 hours, sign out on the TV.\n"
        );
        assert_eq!(messages(&g), Vec::<String>::new());
    }
}
