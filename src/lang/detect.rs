//! A small language guesser: which language's stop words cover the most of
//! the text. Function words are so frequent that a few hundred words decide.

use super::{Language, lookup_key_in};

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
    let french = Language::French.resources();
    let english = Language::English.resources();
    let (mut fr, mut en) = (0usize, 0usize);
    let words = text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
        .take(2000);
    // One key per word for both lists, built in one buffer.
    let mut buffer = String::new();
    for word in words {
        let key = lookup_key_in(word, &mut buffer);
        fr += usize::from(french.is_stop_key(key));
        en += usize::from(english.is_stop_key(key));
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
