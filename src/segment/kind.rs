//! Title, body or boilerplate: what a sentence is in its page.

use super::SentenceKind;
use crate::lang::{Resources, phrase_key_start};

/// Headings are short; a long line without a full stop is running text
/// whose punctuation was lost.
const MAX_TITLE_WORDS: usize = 30;
/// Chrome is short: a long sentence that happens to start with "Partager"
/// or "Copyright" is text.
const MAX_CHROME_WORDS: usize = 12;

/// Classes one sentence; `alone` says whether it is the only sentence on
/// its line.
pub(super) fn classify(sentence: &str, alone: bool, resources: &Resources) -> SentenceKind {
    if is_boilerplate(sentence, alone, resources) {
        SentenceKind::Boilerplate
    } else if alone
        && !ends_with_terminal(sentence)
        && !has_more_words_than(sentence, MAX_TITLE_WORDS)
    {
        SentenceKind::Title
    } else {
        SentenceKind::Body
    }
}

fn is_boilerplate(sentence: &str, alone: bool, resources: &Resources) -> bool {
    if !sentence.chars().any(char::is_alphanumeric) {
        return true; // "***", "—", a line of emoji
    }
    if sentence.contains('©') || is_link(sentence) {
        return true;
    }
    if has_more_words_than(sentence, MAX_CHROME_WORDS) {
        return false;
    }
    starts_with_chrome_phrase(sentence, resources)
        || is_dateline(sentence, resources)
        || alone && !ends_with_terminal(sentence) && (is_byline(sentence) || is_tag_list(sentence))
        || alone && is_breadcrumb(sentence)
}

/// A bare URL or e-mail address.
fn is_link(sentence: &str) -> bool {
    if sentence.contains(char::is_whitespace) {
        return false; // most sentences: no need to lower-case them
    }
    let lower = sentence.to_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.contains('@') && lower.contains('.')
}

fn starts_with_chrome_phrase(sentence: &str, resources: &Resources) -> bool {
    let key = phrase_key_start(sentence, resources.longest_boilerplate_phrase());
    resources.boilerplate_phrases().any(|phrase| {
        key.strip_prefix(phrase).is_some_and(|rest| {
            phrase.ends_with(':') || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Only numbers, date and time words and separators: "2024-12-02 16:19",
/// "Publié le 5 décembre 2024 à 10h30", "Dec. 2, 2024".
fn is_dateline(sentence: &str, resources: &Resources) -> bool {
    let mut has_number = false;
    let all_date_words = words(sentence).all(|word| {
        if word.chars().all(|c| c.is_ascii_digit()) {
            has_number = true;
            return true;
        }
        // "10h30", "2e", "1er"
        let digits = word.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 {
            has_number = true;
            let rest: String = word.chars().skip(digits).collect();
            return rest
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_alphabetic())
                && (rest.len() <= 3 || resources.is_date_word(&rest));
        }
        resources.is_date_word(word)
    });
    has_number && all_date_words
}

/// "by Sara", "Par Jean Dupont": a byline word then up to five capitalised
/// name words.
fn is_byline(sentence: &str) -> bool {
    let mut parts = sentence.split_whitespace();
    let first = parts.next().map(str::to_lowercase);
    if !matches!(first.as_deref(), Some("by" | "par" | "von" | "por" | "di")) {
        return false;
    }
    let names: Vec<&str> = parts.collect();
    (1..=5).contains(&names.len())
        && names.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '@')
        })
}

/// "Syrie, Russie": a comma-separated list of short capitalised labels.
fn is_tag_list(sentence: &str) -> bool {
    let items: Vec<&str> = sentence.split(',').map(str::trim).collect();
    items.len() >= 2
        && items.iter().all(|item| {
            let n = item.split_whitespace().count();
            (1..=3).contains(&n) && item.chars().next().is_some_and(char::is_uppercase)
        })
}

/// "Home › Monde › Syrie", "Home ActualitéBachar …": navigation links,
/// recognised by a leading "Home"/"Accueil" followed by a separator or by
/// words glued together where the page's link texts met.
fn is_breadcrumb(sentence: &str) -> bool {
    let mut parts = sentence.splitn(2, char::is_whitespace);
    let first = parts.next().unwrap_or_default().to_lowercase();
    let rest = parts.next().unwrap_or_default();
    if !matches!(first.as_str(), "home" | "accueil" | "startseite" | "inicio") {
        return false;
    }
    rest.contains(['›', '»', '>', '/', '|']) || rest.split_whitespace().any(is_glued)
}

/// A lower-case letter directly followed by an upper-case one inside a
/// word: "ActualitéBachar".
fn is_glued(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(2)
        .any(|pair| pair[0].is_lowercase() && pair[1].is_uppercase())
}

/// Whether the sentence closes with sentence punctuation, possibly followed
/// by closing quotes or brackets.
fn ends_with_terminal(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| {
            matches!(c, '»' | '”' | '"' | '’' | '\'' | ')' | ']') || super::is_blank(c)
        })
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
}

/// Whether `sentence.split_whitespace()` yields more than `words` words.
fn has_more_words_than(sentence: &str, words: usize) -> bool {
    // Counting stops past the limit: a body sentence is read no further
    // than its first words, not to its end. A plain loop over characters,
    // as every sentence of a page is counted and `split_whitespace`'s
    // iterator machinery cost more than the test itself.
    let mut count = 0;
    let mut in_word = false;
    for c in sentence.chars() {
        let was_in_word = in_word;
        in_word = !c.is_whitespace();
        if in_word && !was_in_word {
            count += 1;
            if count > words {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::has_more_words_than;

    #[test]
    fn words_are_counted_as_split_whitespace_splits_them() {
        let texts = [
            "",
            " ",
            "un",
            "  un  deux\ttrois\n",
            "un\u{a0}deux\u{2009}trois\u{3000}quatre\u{85}cinq\u{b}six",
            "Partager sur Facebook Twitter",
            " « Nous resterons » , a-t-il dit. ",
            "été à\u{202f}l’Élysée\u{1680}œuvre 日本語 \u{c}x",
        ];
        for text in texts {
            let words = text.split_whitespace().count();
            for limit in 0..=words + 1 {
                assert_eq!(
                    has_more_words_than(text, limit),
                    words > limit,
                    "{text:?} {limit}"
                );
            }
        }
    }

    #[test]
    fn every_character_up_to_cjk_parts_or_joins_words_as_split_whitespace_says() {
        for c in (0..=0x3000).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let words = text.split_whitespace().count();
            assert_eq!(has_more_words_than(&text, 1), words > 1, "{c:?}");
        }
    }
}
