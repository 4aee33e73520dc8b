//! Normalisation: the forms a token is compared by, lower case and NFC,
//! and the accent-folded key beside them.

use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::filters::{TokenFilter, is_acronym};
use super::{CompactString, Token, TokenKind};
use crate::lang::is_apostrophe;

/// Fills [`Token::normalized`] (lower case, NFC, `'` for every apostrophe,
/// no spaces inside numbers, no dots inside acronyms: "U.S" is "us") and [`Token::folded`] (without accents or
/// ligatures).
///
/// ```
/// use framediff::analyze::{tokenize, Normalize, TokenFilter};
///
/// let mut tokens = tokenize("Cœur L’ÉTAT 1\u{a0}000", 0);
/// Normalize.apply(&mut tokens);
/// let forms: Vec<(&str, &str)> =
///     tokens.iter().map(|t| (t.normalized.as_str(), t.folded.as_str())).collect();
/// assert_eq!(forms, [("cœur", "coeur"), ("l'état", "l'etat"), ("1000", "1000")]);
/// ```
pub struct Normalize;

impl TokenFilter for Normalize {
    fn apply(&self, tokens: &mut Vec<Token>) {
        // Forms with characters past ASCII are built in a String, pushed
        // to cheaply, and copied into the token once: a CompactString
        // checks where it is stored at every push.
        let mut scratch = String::new();
        for token in tokens.iter_mut() {
            normalize(token, &mut scratch);
        }
    }
}

fn normalize(token: &mut Token, scratch: &mut String) {
    let is_number = token.kind == TokenKind::Number;
    // "U.S" is "US", "U.N" is "UN": one name, however an outlet dots it.
    // Only the dots go, so a word without one needs no acronym test.
    let dotted_acronym =
        token.kind == TokenKind::Word && token.surface.contains('.') && is_acronym(&token.surface);
    // ASCII is already in NFC: most words skip the normaliser. An ASCII
    // token has no invisible mark and no apostrophe but `'`, so unless a
    // number's spaces or an acronym's dots go, it is lower-cased as it is.
    let ascii = token.surface.is_ascii();
    let drops_ascii =
        |b: u8| (is_number && char::from(b).is_whitespace()) || (dotted_acronym && b == b'.');
    if ascii && !token.surface.bytes().any(drops_ascii) {
        // A copy of the surface lower-cased where it stands: for a word of
        // up to 24 bytes the copy is of 24 bytes, where refilling the
        // token's buffer went through the string's general push.
        let mut normalized = token.surface.clone();
        normalized.make_ascii_lowercase();
        // An ASCII word is its own fold.
        token.folded = normalized.clone();
        token.normalized = normalized;
    } else {
        // The token's own buffer is refilled: a corpus has millions of
        // tokens, and a fresh String per form was a third of their cost.
        let mut normalized = std::mem::take(&mut token.normalized);
        normalized.clear();
        scratch.clear();
        let mut push = |c: char| {
            // Soft hyphens, joiners and direction marks pasted from web
            // pages change no word; emoji sequences need their joiners.
            let invisible = is_invisible(c) && token.kind != TokenKind::Symbol;
            if invisible || (is_number && c.is_whitespace()) || (dotted_acronym && c == '.') {
                return;
            }
            if is_apostrophe(c) {
                scratch.push('\'');
            } else if let Some(lower) = latin1_lowercase(c) {
                scratch.push(lower);
            } else {
                scratch.extend(c.to_lowercase());
            }
        };
        // Most other words are in NFC too, which a quick check tells
        // without decomposing and recomposing them.
        if ascii
            || token.surface.chars().all(is_nfc_alone)
            || is_nfc_quick(token.surface.chars()) == IsNormalized::Yes
        {
            token.surface.chars().for_each(&mut push);
        } else {
            token.surface.nfc().for_each(&mut push);
        }
        normalized.push_str(scratch);
        if normalized.is_ascii() {
            token.folded = normalized.clone();
        } else {
            fold_into(&normalized, scratch);
            token.folded.clear();
            token.folded.push_str(scratch);
        }
        token.normalized = normalized;
    }
    for part in &mut token.parts {
        normalize(part, scratch);
    }
}

/// Whether `c` is in NFC whatever surrounds it: every character below the
/// combining marks (U+0300) and the typographic apostrophes. A word of them
/// (most French words) skips the normaliser's quick check, which looks
/// each character up in two tables.
fn is_nfc_alone(c: char) -> bool {
    c < '\u{300}' || matches!(c, '\u{2018}' | '\u{2019}')
}

/// The lower case of a Latin-1 character, from its code alone (the
/// capitals À-Þ but × sit 32 below their small letters); `None` past
/// Latin-1, where the Unicode tables decide.
fn latin1_lowercase(c: char) -> Option<char> {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 0x20),
        '\0'..='\u{ff}' => Some(c),
        _ => None,
    }
}

/// Invisible format characters: soft hyphen, zero-width space, joiners
/// and word joiner, direction marks, embeddings and isolates, and the
/// byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Accents and ligatures removed: "égalité" → "egalite", "cœur" → "coeur".
pub(crate) fn fold(normalized: &str) -> String {
    let mut folded = String::new();
    fold_into(normalized, &mut folded);
    folded
}

/// [`fold`] into a buffer, replacing what it held.
fn fold_into(normalized: &str, folded: &mut String) {
    folded.clear();
    if normalized.is_ascii() {
        folded.push_str(normalized);
        return;
    }
    // French and most Western European words mix ASCII with Latin-1 and
    // Latin Extended-A letters, each folded on its own from a table.
    let latin = latin_folds();
    for c in normalized.chars() {
        if c.is_ascii() {
            folded.push(c);
        } else if let Some(fold) = latin.get((c as usize).wrapping_sub(FIRST_LATIN)) {
            folded.push_str(fold);
        } else {
            folded.clear();
            fold_decomposed(normalized, folded);
            return;
        }
    }
}

/// The first character of the table of [`latin_folds`] ("À").
const FIRST_LATIN: usize = 0xc0;
/// The character past its last ("ſ" is the last).
const PAST_LATIN: usize = 0x180;

/// The fold of each character from U+00C0 to U+017F, made once by
/// [`fold_decomposed`] itself. Folding a word of these and ASCII letters
/// one character at a time gives what folding it whole gives: each of them
/// decomposes into letters and combining diacritics, which canonical
/// ordering moves only among themselves and folding drops. A word with
/// any other character (a combining mark of its own, say) is folded whole.
fn latin_folds() -> &'static [CompactString] {
    static FOLDS: OnceLock<Vec<CompactString>> = OnceLock::new();
    FOLDS.get_or_init(|| {
        (FIRST_LATIN..PAST_LATIN)
            .map(|code| {
                let c = u32::try_from(code)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                let mut fold = String::new();
                fold_decomposed(c.encode_utf8(&mut [0; 4]), &mut fold);
                CompactString::from(fold)
            })
            .collect()
    })
}

/// Folds by the canonical decomposition, appending to `folded`.
fn fold_decomposed(normalized: &str, folded: &mut String) {
    for c in normalized.nfd().filter(|&c| !is_combining_mark(c)) {
        match c {
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            'ß' => folded.push_str("ss"),
            _ => folded.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{FIRST_LATIN, PAST_LATIN, fold_decomposed, fold_into};
    use super::{is_nfc_alone, latin1_lowercase};
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    #[test]
    fn latin1_lowercase_is_unicode_lowercase() {
        for c in (0..0x180).filter_map(char::from_u32) {
            if let Some(lower) = latin1_lowercase(c) {
                assert_eq!(String::from(lower), c.to_lowercase().to_string(), "{c:?}");
            }
        }
        assert_eq!(latin1_lowercase('É'), Some('é'));
        assert_eq!(latin1_lowercase('×'), Some('×'));
        assert_eq!(latin1_lowercase('Œ'), None);
    }

    #[test]
    fn characters_in_nfc_alone_pass_the_quick_check_beside_any_other() {
        let alone: Vec<char> = (0..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| is_nfc_alone(c))
            .collect();
        assert!(alone.len() > 700);
        for &c in &alone {
            for word in [format!("{c}"), format!("a{c}"), format!("{c}{c}é")] {
                assert_eq!(is_nfc_quick(word.chars()), IsNormalized::Yes, "{word:?}");
            }
        }
    }

    fn fold_both(word: &str) -> (String, String) {
        let (mut by_table, mut whole) = (String::new(), String::new());
        fold_into(word, &mut by_table);
        fold_decomposed(word, &mut whole);
        (by_table, whole)
    }

    #[test]
    fn the_latin_table_folds_as_the_whole_word_decomposed() {
        let latin = (FIRST_LATIN..PAST_LATIN).filter_map(|c| char::from_u32(c as u32));
        let others = [
            'e', 'A', '\'', '-', '\u{301}', '\u{327}', 'ǅ', 'ạ', 'ﬁ', 'Ω',
        ];
        let chars: Vec<char> = latin.chain(others).collect();
        for &a in &chars {
            for &b in &chars {
                let word: String = [a, b, 'x'].iter().collect();
                let (by_table, whole) = fold_both(&word);
                assert_eq!(by_table, whole, "{word:?}");
            }
        }
        assert_eq!(fold_both("œuvre ÉTÉ façade").0, "oeuvre ETE facade");
        assert_eq!(fold_both("cœur égalité").0, "coeur egalite");
    }
}
