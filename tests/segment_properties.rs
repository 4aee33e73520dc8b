//! Invariants of segmentation that hold for any text, in every language.

use framediff::lang::Language;
use framediff::segment::{Segmenter, is_blank};
use proptest::prelude::*;

/// Pieces of text where the segmenter's rules meet: French punctuation and
/// spacing, line ends, emoji (a flag is two code points), combining marks.
fn tricky_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{1,6}",
        prop::sample::select(vec![
            ".",
            "?",
            "!",
            "…",
            "...",
            ". . .",
            "«",
            "»",
            "“",
            "”",
            "\"",
            "'",
            "’",
            "(",
            ")",
            "[",
            "]",
            "\u{a0}",
            "\u{202f}",
            "\u{feff}",
            "\u{200b}",
            "\n",
            "\r",
            "\r\n",
            "🇸🇾",
            "👍🏽",
            "e\u{301}",
            "\u{301}",
            "M.",
            "U.S.",
            "J.-L.",
            "etc.",
            "1 000",
            "3,5 %",
            "https://a.fr/b?c=d.",
            "x@y.fr",
            "•",
            "1.)",
            "É",
            "ß",
            " Le ",
            " The ",
            "Les",
        ])
        .prop_map(str::to_string),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(tricky_piece(), 0..40).prop_map(|pieces| pieces.concat()),
        any::<String>(),
    ]
}

fn check(text: &str) {
    for language in [Language::French, Language::English, Language::Other] {
        let sentences = Segmenter::new(language).segment(text);
        let mut covered_to = 0;
        for (i, s) in sentences.iter().enumerate() {
            assert_eq!(s.index, i);
            assert!(s.start < s.end, "empty sentence {s:?}");
            assert!(
                covered_to <= s.start,
                "{language:?}: {s:?} overlaps its predecessor"
            );
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let body = s.text(text);
            assert!(
                !body.starts_with(is_blank) && !body.ends_with(is_blank),
                "{body:?}"
            );
            // Nothing but blanks between sentences.
            assert!(
                text[covered_to..s.start].chars().all(is_blank),
                "{language:?}: lost text"
            );
            covered_to = s.end;
        }
        assert!(
            text[covered_to..].chars().all(is_blank),
            "{language:?}: lost trailing text"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sentences_are_ordered_trimmed_and_cover_the_text(text in text()) {
        check(&text);
    }
}

#[test]
fn seeds_keep_the_invariants() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(seeds).unwrap() {
        check(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
}
