//! The keys words are looked up by in the language lists: lower case,
//! typographic apostrophes as `'`, with fast paths for the ASCII and
//! Latin-1 words that most lookups ask about.

use std::borrow::Cow;

/// The lookup key of a word: lower-case, typographic apostrophes as `'`.
pub(crate) fn fold_key(word: &str) -> String {
    let mut key = String::new();
    fold_key_into(word, &mut key);
    key
}

/// [`fold_key`] appended to `key`.
fn fold_key_into(word: &str, key: &mut String) {
    // An ASCII word's key is its lower case: its one apostrophe is `'`.
    if word.is_ascii() {
        let from = key.len();
        key.push_str(word);
        key[from..].make_ascii_lowercase();
        return;
    }
    key.extend(
        word.chars()
            .flat_map(char::to_lowercase)
            .map(|c| if is_apostrophe(c) { '\'' } else { c }),
    );
}

/// [`lookup_key`] with a buffer of the caller's, for a loop over many
/// words: `word` itself when it is folded, else its key built in `buffer`.
pub(super) fn lookup_key_in<'a>(word: &'a str, buffer: &'a mut String) -> &'a str {
    if is_folded(word) {
        word
    } else {
        buffer.clear();
        fold_key_into(word, buffer);
        buffer
    }
}

/// [`fold_key`] without building a key for a word that is one already:
/// most words asked about are (the analyser asks with the normalised form),
/// and lists are asked about millions of times on a corpus.
pub(super) fn lookup_key(word: &str) -> Cow<'_, str> {
    if is_folded(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold_key(word))
    }
}

/// Whether [`fold_key`] would return `word` unchanged.
fn is_folded(word: &str) -> bool {
    // Most words asked about are ASCII: a byte test each, and the
    // character tables only for the rest.
    for (at, &byte) in word.as_bytes().iter().enumerate() {
        if !byte.is_ascii() {
            return is_folded_past_ascii(&word[at..]);
        }
        if byte.is_ascii_uppercase() {
            return false;
        }
    }
    true
}

/// [`is_folded`] read character by character.
fn is_folded_past_ascii(word: &str) -> bool {
    word.chars().all(|c| {
        if c.is_ascii() {
            return !c.is_ascii_uppercase();
        }
        // Latin-1's capitals are À-Þ but ×; its other letters are their
        // own lower case (French accents are nearly all here).
        if c <= '\u{ff}' {
            return !matches!(c, 'À'..='Ö' | 'Ø'..='Þ');
        }
        let mut lower = c.to_lowercase();
        !is_apostrophe(c) && lower.next() == Some(c) && lower.next().is_none()
    })
}

/// The key a line and a boilerplate phrase are compared on: the lookup key
/// without the space French puts before a colon, so that "Traduction :"
/// and "Translation:" match the same way.
pub(crate) fn phrase_key(text: &str) -> String {
    fold_key(text).replace('\u{a0}', " ").replace(" :", ":")
}

/// The start of [`phrase_key`]`(text)`: the whole key, or a prefix of it
/// longer than `len` bytes, which is all a test for a phrase of up to `len`
/// bytes and the character after it reads. Most lines tested for chrome
/// are sentences far longer than any phrase: their key is not built whole.
pub(crate) fn phrase_key_start(text: &str, len: usize) -> String {
    let mut key = String::with_capacity(len + 8);
    // A space is written only once the next character shows it is not the
    // space of a " :", which the key drops.
    let mut space_pending = false;
    let mut push = |c: char, key: &mut String| {
        if std::mem::take(&mut space_pending) && c != ':' {
            key.push(' ');
        }
        if c == ' ' {
            space_pending = true;
        } else {
            key.push(c);
        }
    };
    for c in text.chars() {
        if key.len() > len {
            return key;
        }
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), &mut key);
        } else if c == '\u{a0}' {
            push(' ', &mut key);
        } else {
            for lower in c.to_lowercase() {
                push(if is_apostrophe(lower) { '\'' } else { lower }, &mut key);
            }
        }
    }
    if space_pending {
        key.push(' ');
    }
    key
}

/// The characters that serve as an apostrophe in real text.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}' | '\u{2018}' | '\u{ff07}')
}

/// The lookup keys' fast paths against the character-by-character rule.
#[cfg(test)]
mod tests {
    use super::{fold_key, is_folded, phrase_key, phrase_key_start};

    /// Words in every case the fast paths must tell apart: ASCII, capitals,
    /// apostrophes typographic or not, accents, and characters whose lower
    /// case is another length.
    const WORDS: &[&str] = &[
        "",
        "gilets",
        "Gilets",
        "GILETS",
        "l'état",
        "l’état",
        "L'État",
        "aujourd'hui",
        "été",
        "Été",
        "cœur",
        "CŒUR",
        "straße",
        "İstanbul",
        "\u{212a}elvin",
        "ǅ",
        "ǆ",
        "l\u{2bc}a",
        "x\u{ff07}",
        "a1-b2",
        "日本語",
    ];

    #[test]
    fn a_word_is_folded_exactly_when_its_key_is_itself() {
        for word in WORDS {
            assert_eq!(is_folded(word), fold_key(word) == *word, "{word:?}");
        }
    }

    #[test]
    fn every_character_up_to_cjk_is_folded_exactly_when_its_key_is_itself() {
        for c in (0..=0x3000).filter_map(char::from_u32) {
            let word = format!("a{c}");
            assert_eq!(is_folded(&word), fold_key(&word) == word, "{c:?}");
        }
    }

    #[test]
    fn a_phrase_key_start_is_the_whole_key_or_a_long_enough_prefix_of_it() {
        let texts = [
            "Traduction : Jean",
            "Traduction  : Jean",
            "Traduction\u{a0}: Jean",
            "Photo :",
            "a :: b : : c",
            "fin ",
            "fin  ",
            " :",
            "Partager sur Facebook",
            "L’Article original",
            "İİİİ \u{212a}elvin : ǅ",
            "Lien vers l'article original du Monde",
        ];
        for text in texts.iter().copied().chain(WORDS.iter().copied()) {
            let whole = phrase_key(text);
            for len in 0..=whole.len() + 2 {
                let start = phrase_key_start(text, len);
                assert!(whole.starts_with(&start), "{text:?} {len}: {start:?}");
                assert!(
                    start == whole || start.len() > len,
                    "{text:?} {len}: {start:?}"
                );
            }
        }
    }

    #[test]
    fn a_key_is_the_lower_case_with_one_apostrophe() {
        let expected = |word: &str| -> String {
            word.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if super::is_apostrophe(c) { '\'' } else { c })
                .collect()
        };
        for word in WORDS {
            assert_eq!(fold_key(word), expected(word), "{word:?}");
        }
        assert_eq!(fold_key("L'ÉTAT"), "l'état");
        assert_eq!(fold_key("Gilets"), "gilets");
    }
}
