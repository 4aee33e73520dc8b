//! The lookup keys' fast paths against the character-by-character rule.

use super::{fold_key, is_folded};

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
