//! Where sentences end inside one line.
//!
//! The rules, in the order they are tried at each terminator (`.`, `!`, `?`,
//! `…` and runs of them):
//! 1. closing quotes and brackets right after the terminator belong to the
//!    sentence ("… la région. »");
//! 2. inside a quotation or parenthesis that closes later on the line, no
//!    sentence ends ("« Nous partons. Nous revenons. »" is one sentence);
//! 3. a terminator not followed by white space ends nothing ("3.5",
//!    "example.com", "U.S.A.");
//! 4. before a lower-case word or a comma-like mark, no sentence ends;
//! 5. after a single full stop, the word before it decides: a name prefix
//!    ("M.", "Mme", "Dr") or an initial ("E.") never ends a sentence, an
//!    abbreviation ("etc.", "Ltd.", "a.m.") ends one only before a capital;
//!    an ellipsis ends one only before a capital or a quotation.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::lines::is_blank;
use crate::lang::Resources;

/// Sentence ranges (relative to `line`, trimmed) by French or English rules.
pub(super) fn rule_sentences(line: &str, resources: &Resources) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let last_closer = LastClosers::of(&chars);
    let mut open: Vec<char> = Vec::new();
    let mut ends = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (_, c) = chars[k];
        if let Some(closer) = closer_of(c) {
            if last_closer.after(closer, k) {
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
        } else if is_terminator(c) {
            let run_end = (k..chars.len())
                .find(|&j| !is_terminator(chars[j].1))
                .unwrap_or(chars.len());
            let after = consume_closers(&chars, run_end, &mut open);
            let ends_here = open.is_empty()
                && after < chars.len()
                && is_blank(chars[after].1)
                && next_visible(&chars, after).is_some_and(|next| {
                    ends_sentence(
                        &chars[k..run_end],
                        word_before(line, chars[k].0),
                        next,
                        resources,
                    )
                });
            if ends_here {
                ends.push(chars[after].0);
            }
            k = after;
            continue;
        }
        k += 1;
    }
    pieces(line, ends)
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

fn ends_sentence(run: &[(usize, char)], word: &str, next: char, resources: &Resources) -> bool {
    if next.is_lowercase() || matches!(next, ',' | ';' | ':' | ')' | ']' | '}' | '»' | '”' | '%')
    {
        return false;
    }
    let starts_like_sentence = next.is_uppercase() || opens_quotation(next);
    let is_ellipsis = run.len() > 1 && run.iter().all(|&(_, c)| c == '.') || run[0].1 == '…';
    if is_ellipsis {
        return starts_like_sentence;
    }
    if run.len() > 1 || run[0].1 != '.' {
        return true; // "!", "?", "?!"
    }
    if word.is_empty() {
        return true;
    }
    if resources.is_name_prefix(word) || is_initial(word) {
        return false;
    }
    if resources.is_abbreviation(word) || is_dotted(word) {
        return starts_like_sentence;
    }
    true
}

/// The word just before byte `at` (a full stop), without its opening
/// quotes or brackets: "(M." gives "M".
fn word_before(line: &str, at: usize) -> &str {
    let before = &line[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_blank(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].trim_start_matches(|c: char| {
        opens_quotation(c) || matches!(c, '(' | '[' | '\'' | '‘' | '—' | '–' | '-')
    })
}

/// A single letter: an initial ("E. Smith") or a one-letter abbreviation
/// ("p. 55").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// "U.S", "a.m", "LL.AA.II.RR": letters with inner full stops.
fn is_dotted(word: &str) -> bool {
    word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.')
}

fn next_visible(chars: &[(usize, char)], from: usize) -> Option<char> {
    chars[from..]
        .iter()
        .map(|&(_, c)| c)
        .find(|&c| !is_blank(c))
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
        // closes only a quotation that is open ("… la région. »"), since
        // "said. 'Hello" opens a new one.
        let adjacent = p == at;
        let closes = match c {
            '"' => open.last() == Some(&'"') || adjacent && open.is_empty(),
            '\'' | '’' => adjacent,
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
