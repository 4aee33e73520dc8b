//! Words the Snowball stemmer joins to an unrelated word, and the stems
//! they keep instead: Lucene's stemmer override, as data.

use std::sync::OnceLock;

use super::{Language, Lists, en, fr};
use crate::fasthash::FastMap;

/// The stem `word` (a normalised form) keeps instead of Snowball's, if the
/// language lists one (see [`Language::own_stem`]).
pub(crate) fn own_stem(language: Language, word: &str) -> Option<&'static str> {
    static FRENCH: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    static ENGLISH: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    let (table, lists) = match language {
        Language::French => (&FRENCH, &fr::LISTS),
        Language::English => (&ENGLISH, &en::LISTS),
        Language::Other => return None,
    };
    table.get_or_init(|| by_form(lists)).get(word).copied()
}

fn by_form(lists: &Lists) -> FastMap<&'static str, &'static str> {
    lists
        .own_stems
        .iter()
        .flat_map(|&(stem, forms)| forms.iter().map(move |&form| (form, stem)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;

    /// An own stem must be no stem Snowball gives another word, or the
    /// words it parts would meet another one: the listed forms stemmed
    /// without the list, and the stems listed, are checked against each
    /// other.
    #[test]
    fn own_stems_part_words_and_join_no_others() {
        for (language, lists) in [
            (Language::French, &fr::LISTS),
            (Language::English, &en::LISTS),
        ] {
            let snowball = rust_stemmers::Stemmer::create(match language {
                Language::French => rust_stemmers::Algorithm::French,
                _ => rust_stemmers::Algorithm::English,
            });
            let analyzer = Analyzer::new(language);
            for &(stem, forms) in lists.own_stems {
                // The own stem is not what Snowball makes of another listed
                // word, unless that word is one of its own forms ("add").
                for &(_, others) in lists.own_stems {
                    for &other in others {
                        if !forms.contains(&other) {
                            assert_ne!(snowball.stem(other), stem, "{other} / {stem}");
                        }
                    }
                }
                for &form in forms {
                    let tokens = analyzer.analyze(&format!("x {form} x"));
                    assert_eq!(tokens[1].stem, stem, "{form}");
                    assert_ne!(snowball.stem(form), stem, "{form}: Snowball agrees already");
                }
            }
        }
    }
}
