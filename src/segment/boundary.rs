//! Where sentences end inside one line.
//!
//! The rules, in the order they are tried at each terminator (`.`, `!`, `?`,
//! `…` and runs of them):
//! 1. an omission ("[…]", "(...)", or ". . ." spaced as style guides set it)
//!    ends nothing;
//! 2. closing quotes and brackets right after the terminator belong to the
//!    sentence ("… la région. »");
//! 3. inside a quotation or parenthesis that closes later on the line, no
//!    sentence ends ("« Nous partons. Nous revenons. »" is one sentence);
//! 4. a terminator not followed by white space ends nothing ("3.5",
//!    "example.com", "U.S.A."), unless it glues a word to a capitalised one
//!    ("world.Today"), as happens when scraped paragraphs run together;
//! 5. before a lower-case word, a comma-like mark or a line with no more
//!    words, no sentence ends;
//! 6. after a single full stop, the word before it decides: a name prefix
//!    ("M.", "Mme", "Dr") or a list number opening the sentence ("1.") never
//!    ends a sentence; an initial or an acronym ("E.", "J.-L.", "U.S.") ends
//!    one only before a capitalised function word ("The", "Il"), since it is
//!    usually followed by a name ("U.S. Army"), and so does a name suffix
//!    ("Jr.": "Jesse Jackson Jr. Pleads Guilty"); an abbreviation ("etc.",
//!    "Ltd.") ends one only before a capital. An ellipsis ends one only
//!    before a capital or a quotation.
//!
//! One sentence ends with no terminator: a short quotation that opens the
//! sentence, holds no terminator and is followed by a capitalised function
//! word is a subheading run into the text ("« Vrai dialogue » En accord
//! avec…", as the wire's pages print them).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::lines::is_blank;
use crate::lang::Resources;

/// Sentence ranges (relative to `line`, trimmed) by French or English rules.
pub(super) fn rule_sentences(line: &str, resources: &Resources) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let last_closer = LastClosers::of(&chars);
    // Where the line's words stop: a sentence needs one after its start.
    let last_alphanumeric = chars.iter().rposition(|&(_, c)| c.is_alphanumeric());
    let mut open: Vec<char> = Vec::new();
    let mut ends = Vec::new();
    let mut sentence_start = 0;
    // Where the outermost quotation now open began.
    let mut quotation_start = None;
    let mut k = 0;
    while k < chars.len() {
        let (_, c) = chars[k];
        if let Some(closer) = closer_of(c) {
            if last_closer.after(closer, k) {
                if open.is_empty() {
                    quotation_start = Some(k);
                }
                open.push(closer);
            }
        } else if c == '"' {
            if open.last() == Some(&'"') {
                open.pop();
            } else if opens_quote(&chars, k) && last_closer.after('"', k) {
                open.push('"');
            }
        } else if is_closer(c) {
            close(&mut open, c);
            if open.is_empty()
                && let Some(start) = quotation_start.take()
                && ends_subheading(&chars, sentence_start, start, k, resources)
            {
                ends.push(chars[k + 1].0);
                sentence_start = k + 1;
            }
        } else if is_terminator(c) {
            let (run_end, mark) = terminator_run(&chars, k);
            if mark == Mark::Omission {
                k = run_end;
                continue;
            }
            let after = consume_closers(&chars, run_end, &mut open);
            let separated = after < chars.len() && is_blank(chars[after].1);
            let glued = !separated && glues(&chars, k, after);
            let ends_here = open.is_empty()
                && last_alphanumeric.is_some_and(|last| last >= after)
                && (separated || glued)
                && ends_sentence(
                    mark,
                    &Context::at(line, &chars, sentence_start, k, after, glued),
                    resources,
                );
            if ends_here {
                ends.push(chars[after].0);
                sentence_start = after;
                quotation_start = None;
            }
            k = after;
            continue;
        }
        k += 1;
    }
    pieces(line, ends)
}

/// Whether the quotation from `open` to the guillemet that closes it at
/// `close` is a subheading run into the sentence after it: it opens the
/// sentence that started at `sentence_start`, is short, holds no
/// terminator, and a space, a capitalised function word and more words
/// follow. Guillemets only: an English headline in title case quotes that
/// way ("“Fake News” Is the Enemy, Trump Says").
fn ends_subheading(
    chars: &[(usize, char)],
    sentence_start: usize,
    open: usize,
    close: usize,
    resources: &Resources,
) -> bool {
    const MAX_WORDS: usize = 8;
    let opens_sentence = sentence_start <= open
        && chars[sentence_start..open]
            .iter()
            .all(|&(_, c)| is_blank(c));
    if !opens_sentence || open >= close || chars[close].1 != '»' {
        return false;
    }
    let inside = &chars[open + 1..close];
    let words = inside
        .split(|&(_, c)| is_blank(c))
        .filter(|w| w.iter().any(|&(_, c)| c.is_alphanumeric()))
        .count();
    let followed_by_space = chars.get(close + 1).is_some_and(|&(_, c)| is_blank(c));
    let next = next_word(chars, close + 1);
    let more_words = chars[close + 1..]
        .iter()
        .skip_while(|&&(_, c)| is_blank(c))
        .skip_while(|&&(_, c)| c.is_alphanumeric())
        .any(|&(_, c)| c.is_alphanumeric());
    (1..=MAX_WORDS).contains(&words)
        && !inside.iter().any(|&(_, c)| is_terminator(c))
        && followed_by_space
        && more_words
        && next.chars().next().is_some_and(char::is_uppercase)
        && next.chars().nth(1).is_some_and(char::is_lowercase)
        && resources.is_stop_word(&next)
}

/// Sentence ranges by the Unicode default rules (UAX #29), for languages
/// without a rule set of their own.
pub(super) fn uax29_sentences(line: &str) -> Vec<Range<usize>> {
    let ends = line
        .split_sentence_bound_indices()
        .map(|(start, piece)| start + piece.len());
    pieces(line, ends.collect())
}

fn pieces(line: &str, ends: Vec<usize>) -> Vec<Range<usize>> {
    let mut start = 0;
    let mut out = Vec::with_capacity(ends.len() + 1);
    for end in ends.into_iter().chain(std::iter::once(line.len())) {
        if end <= start {
            continue;
        }
        let piece = &line[start..end];
        let lead = piece.len() - piece.trim_start_matches(is_blank).len();
        let trimmed = piece.trim_matches(is_blank);
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = end;
    }
    out
}

/// What a run of terminators is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A single full stop: the words around it decide.
    Stop,
    /// "...", "…", ". . . .": ends a sentence only before a capital.
    Ellipsis,
    /// Words left out inside a sentence: "[…]", "(...)", ". . .".
    Omission,
    /// "!", "?", "?!", "!!".
    Strong,
}

/// The end of the terminator run starting at `k`, and what it is.
fn terminator_run(chars: &[(usize, char)], k: usize) -> (usize, Mark) {
    let run_end = (k..chars.len())
        .find(|&j| !is_terminator(chars[j].1))
        .unwrap_or(chars.len());
    let run: Vec<char> = chars[k..run_end].iter().map(|&(_, c)| c).collect();
    let dots = run.iter().all(|&c| c == '.');
    if dots && run.len() > 1 || run[0] == '…' {
        let bracketed = k > 0
            && closer_of(chars[k - 1].1).is_some_and(|closer| {
                matches!(closer, ')' | ']') && chars.get(run_end).is_some_and(|&(_, c)| c == closer)
            });
        let mark = if bracketed {
            Mark::Omission
        } else {
            Mark::Ellipsis
        };
        return (run_end, mark);
    }
    if run != ['.'] {
        return (run_end, Mark::Strong);
    }
    // ". . ." after a space is an omission; a fourth dot is the full stop.
    if k == 0 || is_blank(chars[k - 1].1) {
        let mut end = run_end;
        let mut count = 1;
        while chars.get(end).is_some_and(|&(_, c)| c == ' ')
            && chars.get(end + 1).is_some_and(|&(_, c)| c == '.')
        {
            end += 2;
            count += 1;
        }
        match count {
            3 => return (end, Mark::Omission),
            4.. => return (end, Mark::Ellipsis),
            _ => {}
        }
    }
    (run_end, Mark::Stop)
}

/// What surrounds a terminator.
struct Context<'a> {
    /// The word before it, without opening quotes and brackets.
    word: &'a str,
    /// Whether that word is the first of its sentence.
    opens_sentence: bool,
    /// The next word, or the next visible mark when no word follows.
    next: String,
}

impl<'a> Context<'a> {
    /// The context of the terminator at `k`, in the sentence starting at
    /// `start`, with the next sentence (if any) starting at `after`; `glued`
    /// when no space separates them.
    fn at(
        line: &'a str,
        chars: &[(usize, char)],
        start: usize,
        k: usize,
        after: usize,
        glued: bool,
    ) -> Self {
        // A word glued to the previous sentence starts with this one.
        let word = word_start(chars, k, glued).max(start);
        Context {
            word: &line[chars[word].0..chars[k].0],
            opens_sentence: chars[start..word]
                .iter()
                .rev()
                .all(|&(_, c)| is_blank(c) || opens_word(c)),
            next: next_word(chars, after),
        }
    }
}

fn ends_sentence(mark: Mark, context: &Context, resources: &Resources) -> bool {
    let Some(first) = context.next.chars().next() else {
        return false;
    };
    if first.is_lowercase() || matches!(first, ',' | ';' | ':' | ')' | ']' | '}' | '»' | '”' | '%')
    {
        return false;
    }
    let starts_like_sentence = first.is_uppercase() || opens_quotation(first);
    let word = context.word;
    match mark {
        Mark::Omission => false,
        Mark::Strong => true,
        Mark::Ellipsis => starts_like_sentence,
        Mark::Stop if word.is_empty() => true,
        Mark::Stop if resources.is_name_prefix(word) => false,
        Mark::Stop if context.opens_sentence && is_enumerator(word) => false,
        Mark::Stop if is_initial(word) || is_dotted(word) || resources.is_name_suffix(word) => {
            first.is_uppercase() && resources.is_stop_word(&context.next)
        }
        Mark::Stop if resources.is_abbreviation(word) => starts_like_sentence,
        Mark::Stop => true,
    }
}

/// Whether the terminator at `k`, glued between a word and a capitalised
/// one ("world.Today", "1,000.That"), ends a sentence, outside links and
/// addresses ("Jane.Doe@example.com"). `after` is past the closing marks
/// that follow it. Pages whose paragraphs were joined without a space glue
/// quotations too: "protestataires.« Aucune", "gilets jaunes».En",
/// "cap».« Le" (about 890 such joins in the gilets jaunes corpus, in one
/// article in six), and after an acronym or a percentage: "l'AFP.Dans",
/// "46 %.Il" (about 90 more), but not after an initial ("M.Dupont").
fn glues(chars: &[(usize, char)], k: usize, after: usize) -> bool {
    let before_at = chars[..k]
        .iter()
        .rposition(|&(_, c)| !is_closer(c) && c != '"' && !is_no_break_space(c));
    let before = before_at.map(|j| chars[j].1);
    let ends_an_acronym = before_at.is_some_and(|j| {
        let letters = chars[..=j]
            .iter()
            .rev()
            .take_while(|&&(_, c)| c.is_uppercase())
            .count();
        let preceding = j.checked_sub(letters).map(|i| chars[i].1);
        letters >= 2 && !preceding.is_some_and(|c| c.is_alphanumeric() || c == '.')
    });
    let mut next = after;
    if chars
        .get(next)
        .is_some_and(|&(_, c)| matches!(c, '«' | '“'))
    {
        next += 1;
        while chars.get(next).is_some_and(|&(_, c)| is_no_break_space(c)) {
            next += 1;
        }
    }
    let next_two = (chars.get(next), chars.get(next + 1));
    let capitalised =
        matches!(next_two, (Some(&(_, a)), Some(&(_, b))) if a.is_uppercase() && b.is_lowercase());
    capitalised
        && (ends_an_acronym
            || before.is_some_and(|c| {
                c.is_lowercase() || c.is_ascii_digit() || matches!(c, '!' | '?' | '%')
            }))
        && !in_link(chars, k)
}

/// Whether the white-space-delimited token around character `k` is a link
/// or an address: it has "/", "@" or ":", or starts with "www.". Asked
/// only where a terminator glues two words, which few lines have.
fn in_link(chars: &[(usize, char)], k: usize) -> bool {
    let start = chars[..k]
        .iter()
        .rposition(|&(_, c)| is_blank(c))
        .map_or(0, |j| j + 1);
    let end = chars[k..]
        .iter()
        .position(|&(_, c)| is_blank(c))
        .map_or(chars.len(), |j| k + j);
    let token = &chars[start..end];
    let www = token
        .iter()
        .take(4)
        .map(|&(_, c)| c.to_ascii_lowercase())
        .eq("www.".chars());
    www || token.iter().any(|&(_, c)| matches!(c, '/' | '@' | ':'))
}

/// The word starting at the first visible character from `from` (letters
/// and digits), or that character alone when it is not part of a word.
fn next_word(chars: &[(usize, char)], from: usize) -> String {
    let mut visible = chars[from..]
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|&c| is_blank(c));
    let Some(first) = visible.next() else {
        return String::new();
    };
    if !first.is_alphanumeric() {
        return first.to_string();
    }
    std::iter::once(first)
        .chain(visible.take_while(|c| c.is_alphanumeric()))
        .collect()
}

/// A list number or letter: "1", "12", "a".
fn is_enumerator(word: &str) -> bool {
    is_initial(word) || (1..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit())
}

/// Where the word before the terminator at `k` starts: after the last
/// blank and past opening quotes, brackets and bullets ("(M." gives "M"),
/// or, when the terminator is glued to the next word, after the last
/// character that is not a letter or digit.
fn word_start(chars: &[(usize, char)], k: usize, glued: bool) -> usize {
    let after_last = |stop: fn(char) -> bool| {
        chars[..k]
            .iter()
            .rposition(|&(_, c)| stop(c))
            .map_or(0, |j| j + 1)
    };
    if glued {
        return after_last(|c| !c.is_alphanumeric());
    }
    let token = after_last(is_blank);
    (token..k).find(|&j| !opens_word(chars[j].1)).unwrap_or(k)
}

fn opens_word(c: char) -> bool {
    opens_quotation(c) || is_bullet(c) || matches!(c, '(' | '[' | '\'' | '‘' | '—' | '–' | '-')
}

/// A single letter: an initial ("E. Smith") or a one-letter abbreviation
/// ("p. 55").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// "U.S", "a.m", "LL.AA.II.RR", "J.-L": letters with inner full stops.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '‣' | '◦')
}

/// Moves past the quotes and brackets that close right after a terminator
/// (with the no-break space French puts before "»"), closing them.
fn consume_closers(chars: &[(usize, char)], mut at: usize, open: &mut Vec<char>) -> usize {
    loop {
        let mut p = at;
        while p < chars.len() && is_no_break_space(chars[p].1) {
            p += 1;
        }
        let Some(&(_, c)) = chars.get(p) else {
            return at;
        };
        // A mark right after the terminator always closes; after a space it
        // closes a quotation that is open ("… la région. »"), since
        // "said. 'Hello" opens a new one, or is a closing guillemet or curly
        // quote, which never opens: the quotation began on an earlier line.
        let adjacent = p == at;
        let closes = match c {
            '"' => open.last() == Some(&'"') || adjacent && open.is_empty(),
            '\'' | '’' => adjacent,
            '»' | '”' => true,
            _ => is_closer(c) && (adjacent || open.contains(&c)),
        };
        if !closes {
            return at;
        }
        if c == '"' && open.last() == Some(&'"') {
            open.pop();
        } else {
            close(open, c);
        }
        at = p + 1;
    }
}

fn close(open: &mut Vec<char>, closer: char) {
    if let Some(depth) = open.iter().rposition(|&c| c == closer) {
        open.truncate(depth);
    }
}

/// Whether a straight double quote at `k` opens a quotation: it follows
/// white space, the line start or an opening bracket.
fn opens_quote(chars: &[(usize, char)], k: usize) -> bool {
    k == 0 || {
        let prev = chars[k - 1].1;
        is_blank(prev) || matches!(prev, '(' | '[' | '«' | '“' | '—' | '–')
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽' | '。' | '！' | '？')
}

fn closer_of(opener: char) -> Option<char> {
    match opener {
        '«' => Some('»'),
        '“' => Some('”'),
        '(' => Some(')'),
        '[' => Some(']'),
        _ => None,
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | ')' | ']')
}

fn opens_quotation(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '"' | '‘' | '(' | '[' | '¿' | '¡')
}

fn is_no_break_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | ' ')
}

/// The position of the last occurrence of each closing mark on a line, so
/// that an opening mark only protects its content when it is closed later.
struct LastClosers {
    last: [Option<usize>; 5],
}

impl LastClosers {
    const MARKS: [char; 5] = ['»', '”', ')', ']', '"'];

    fn of(chars: &[(usize, char)]) -> LastClosers {
        let mut last = [None; 5];
        for (k, &(_, c)) in chars.iter().enumerate() {
            if let Some(slot) = Self::MARKS.iter().position(|&m| m == c) {
                last[slot] = Some(k);
            }
        }
        LastClosers { last }
    }

    fn after(&self, closer: char, k: usize) -> bool {
        Self::MARKS
            .iter()
            .position(|&m| m == closer)
            .and_then(|slot| self.last[slot])
            .is_some_and(|last| last > k)
    }
}
