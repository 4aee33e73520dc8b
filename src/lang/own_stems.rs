//! Stems the Snowball stemmer gets wrong, as data: words it joins to an
//! unrelated word keep a stem of their own (Lucene's stemmer override),
//! and irregular forms it cannot bring back to their word take that
//! word's stem.

use std::sync::OnceLock;

use super::{Language, Lists, en, fr};
use crate::fasthash::FastMap;

/// The stem `word` (a normalised form) takes instead of Snowball's, if the
/// language lists one (see [`Language::own_stem`]).
pub(crate) fn own_stem(language: Language, word: &str) -> Option<&'static str> {
    static FRENCH: OnceLock<FastMap<&'static str, String>> = OnceLock::new();
    static ENGLISH: OnceLock<FastMap<&'static str, String>> = OnceLock::new();
    let (table, lists, algorithm) = match language {
        Language::French => (&FRENCH, &fr::LISTS, rust_stemmers::Algorithm::French),
        Language::English => (&ENGLISH, &en::LISTS, rust_stemmers::Algorithm::English),
        Language::Other => return None,
    };
    let table = table.get_or_init(|| by_form(lists, &rust_stemmers::Stemmer::create(algorithm)));
    let own = |form: &str| table.get(form).map(String::as_str);
    // Snowball's English stems drop a possessive first: "department's"
    // must stem as "department" does.
    own(word).or_else(|| match language {
        Language::English => ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|ending| word.strip_suffix(ending))
            .and_then(own),
        _ => None,
    })
}

fn by_form(lists: &Lists, snowball: &rust_stemmers::Stemmer) -> FastMap<&'static str, String> {
    let own = lists
        .own_stems
        .iter()
        .flat_map(|&(stem, forms)| forms.iter().map(move |&form| (form, stem.to_string())));
    let irregular = lists.irregular_forms.iter().flat_map(|&(word, forms)| {
        let stem = snowball.stem(word).into_owned();
        forms.iter().map(move |&form| (form, stem.clone()))
    });
    own.chain(irregular).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;

    fn snowball(language: Language) -> rust_stemmers::Stemmer {
        rust_stemmers::Stemmer::create(match language {
            Language::French => rust_stemmers::Algorithm::French,
            _ => rust_stemmers::Algorithm::English,
        })
    }

    const LANGUAGES: [(Language, &Lists, &str); 2] = [
        (Language::French, &fr::LISTS, "french"),
        (Language::English, &en::LISTS, "english"),
    ];

    #[test]
    fn a_possessive_keeps_its_word_s_own_stem() {
        let analyzer = Analyzer::new(Language::English);
        let stem = |text: &str| analyzer.analyze(text)[0].stem.to_string();
        for (possessive, word) in [
            ("department's", "department"),
            ("department’s", "department"),
            ("departments'", "departments"),
            ("aide's", "aide"),
        ] {
            assert_eq!(stem(possessive), stem(word), "{possessive}");
        }
    }

    /// The analyser gives each listed form its listed stem, or its word's,
    /// and Snowball would not have: every entry does something.
    #[test]
    fn listed_forms_take_their_stems() {
        for (language, lists, _) in LANGUAGES {
            let (analyzer, snowball) = (Analyzer::new(language), snowball(language));
            let stem_of = |word: &str| analyzer.analyze(&format!("x {word} x"))[1].stem.to_string();
            // A form Snowball already stems so may be listed beside those it
            // does not ("étrangers" beside "étranger"), so that the own stem
            // joins no unlisted word (below).
            for &(stem, forms) in lists.own_stems {
                for &form in forms {
                    assert_eq!(stem_of(form), stem, "{form}");
                }
                assert!(
                    forms.iter().any(|form| snowball.stem(form) != stem),
                    "{stem}: Snowball agrees already"
                );
            }
            for &(word, forms) in lists.irregular_forms {
                for &form in forms {
                    assert_eq!(stem_of(form), stem_of(word), "{form} / {word}");
                    assert_ne!(
                        snowball.stem(form),
                        snowball.stem(word),
                        "{form}: Snowball agrees"
                    );
                }
            }
        }
    }

    /// An own stem must be no stem Snowball gives an unlisted word, or the
    /// words it parts would meet that one ("cours" is also "course"'s):
    /// checked against Snowball's word lists in `../shared` when present.
    #[test]
    fn own_stems_join_no_unlisted_word() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/snowball");
        if !dir.is_dir() {
            assert_ne!(
                std::env::var("FRAMEDIFF_REQUIRE_SHARED").as_deref(),
                Ok("1"),
                "FRAMEDIFF_REQUIRE_SHARED=1 but {} is missing",
                dir.display()
            );
            println!("skipping: {} not found", dir.display());
            return;
        }
        for (language, lists, name) in LANGUAGES {
            let snowball = snowball(language);
            let own: std::collections::HashSet<&str> =
                lists.own_stems.iter().map(|&(stem, _)| stem).collect();
            let words = std::fs::read_to_string(dir.join(name).join("voc.txt")).unwrap();
            let joined: Vec<&str> = words
                .lines()
                .filter(|word| own_stem(language, word).is_none())
                .filter(|word| own.contains(snowball.stem(word).as_ref()))
                .collect();
            assert!(joined.is_empty(), "{name}: {joined:?} meet an own stem");
        }
    }
}
