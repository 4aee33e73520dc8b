//! A small language guesser: which language's stop words cover the most of
//! the text. Function words are so frequent that a few hundred words decide.

use std::sync::OnceLock;

use super::{Language, lookup_key_in};
use crate::fasthash::FastMap;

/// Guesses the language of a text from its function words; `None` when the
/// text has too few of them to tell (under 5 stop-word hits in its first
/// 2,000 words) or no known language leads clearly.
///
/// ```
/// use framediff::lang::{detect, Language};
///
/// let fr = "Le président a déclaré que la Russie continuerait de soutenir le gouvernement.";
/// assert_eq!(detect(fr), Some(Language::French));
/// let en = "The president said that Russia would continue to support the government of the country.";
/// assert_eq!(detect(en), Some(Language::English));
/// assert_eq!(detect("Alep, Hama, Homs"), None);
/// ```
pub fn detect(text: &str) -> Option<Language> {
    let lists = stop_word_lists();
    let (mut fr, mut en) = (0usize, 0usize);
    let words = words(text).take(2000);
    // One key per word, built in one buffer, and one lookup for both lists.
    let mut buffer = String::new();
    for word in words {
        if let Some(&(in_french, in_english)) = lists.get(lookup_key_in(word, &mut buffer)) {
            fr += usize::from(in_french);
            en += usize::from(in_english);
        }
    }
    // Short words such as "a", "on", "me" are stop words in both lists;
    // require a clear lead, not a tie broken by chance.
    let (best, hits, other) = if fr >= en {
        (Language::French, fr, en)
    } else {
        (Language::English, en, fr)
    };
    (hits >= 5 && hits * 2 > other * 3).then_some(best)
}

/// The runs of letters and apostrophes (`'`, `’`) of a text. The scan
/// reads ASCII a byte at a time and Latin letters from their code, and
/// asks the Unicode tables only beyond them: a document is scanned up to
/// its 2,000th word.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(is_word_char)?;
        let word = &rest[start..];
        let end = word.find(|c: char| !is_word_char(c)).unwrap_or(word.len());
        rest = &word[end..];
        Some(&word[..end])
    })
}

/// Whether `c` belongs to a word for detection: a letter or an apostrophe.
fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphabetic() || c == '\'',
        // Latin-1 and Latin Extended-A: letters but for the two signs.
        '\u{c0}'..='\u{17f}' => c != '×' && c != '÷',
        _ => c.is_alphabetic() || c == '\u{2019}',
    }
}

/// Every stop word of the default French and English lists, with whether
/// it is in the French one and in the English one: detection looks each
/// word up once, not once per language.
fn stop_word_lists() -> &'static FastMap<String, (bool, bool)> {
    static LISTS: OnceLock<FastMap<String, (bool, bool)>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists: FastMap<String, (bool, bool)> = FastMap::default();
        for word in Language::French.resources().stop_words() {
            lists.entry(word.to_string()).or_default().0 = true;
        }
        for word in Language::English.resources().stop_words() {
            lists.entry(word.to_string()).or_default().1 = true;
        }
        lists
    })
}

#[cfg(test)]
mod tests {
    use super::{is_word_char, words};

    #[test]
    fn a_word_character_is_a_letter_or_an_apostrophe_whatever_the_fast_path() {
        for c in (0..=0x3000).filter_map(char::from_u32) {
            let expected = c.is_alphabetic() || c == '\'' || c == '\u{2019}';
            assert_eq!(is_word_char(c), expected, "{c:?}");
        }
    }

    #[test]
    fn words_are_the_runs_a_split_on_other_characters_gives() {
        let text = "L’État, c'est  «moi» — 1 000 œufs×2 à Zürich… ÆØÅ ǅ 日本語 ½";
        let split: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '\u{2019}')
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(words(text).collect::<Vec<_>>(), split);
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" ,; ").count(), 0);
    }
}
