//! Properties of alignment over generated articles: a text aligns with a
//! copy of itself sentence for sentence, comparing (a, b) mirrors (b, a),
//! and every score lies in [0, 1] (checked in `invariants`).

mod invariants;

use framediff::Document;
use invariants::{assert_mirrors, compare_checked};
use proptest::prelude::*;

#[path = "common/news_words.rs"]
mod news_words;
use news_words::WORDS;

const OPENINGS: &[&str] = &[
    "Les frappes",
    "Une offensive",
    "L’attaque",
    "Le bombardement",
];

/// Sentences that each carry a claim: an event word, a figure of their own
/// (so no two are alike), and a few more words.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(OPENINGS),
            prop::collection::vec(prop::sample::select(WORDS), 0..6),
            any::<bool>(),
        ),
        1..12,
    )
    .prop_map(|sentences| {
        let mut text = String::new();
        for (i, (opening, words, new_line)) in sentences.into_iter().enumerate() {
            text.push_str(&format!("{opening} {} {}. ", words.join(" "), 3000 + i));
            if new_line {
                text.push('\n');
            }
        }
        text
    })
}

/// Free text from the same words with punctuation and line breaks, so that
/// sentences repeat and overlap in every way.
fn free_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(WORDS),
        1 => prop::sample::select(vec![". ", "! ", "\n", ", ", " « ", " » ", "… "]),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| {
        let mut text = String::new();
        for piece in pieces {
            text.push_str(piece);
            text.push(' ');
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn an_article_aligns_with_its_copy_sentence_for_sentence(text in article()) {
        let cmp = compare_checked(vec![Document::new("a", text.as_str()), Document::new("b", text.as_str())]);
        let body = cmp.documents[0].sentences.iter().filter(|s| s.sentence.kind.is_content());
        for s in body {
            let i = s.sentence.index;
            let link = cmp
                .alignments
                .iter()
                .find(|l| l.a.sentences == [i] && l.b.sentences == [i]);
            let link = link.unwrap_or_else(|| panic!("sentence {i} {:?} not aligned with itself", s.text));
            prop_assert!((link.score - 1.0).abs() < 1e-4, "{}", link.score);
            prop_assert!((link.a_in_b - 1.0).abs() < 1e-4 && (link.b_in_a - 1.0).abs() < 1e-4);
        }
    }

    #[test]
    fn comparing_b_with_a_mirrors_a_with_b(a in free_text(), b in free_text()) {
        assert_mirrors(&a, &b);
    }

    #[test]
    fn comparing_articles_both_ways_mirrors(a in article(), b in article()) {
        assert_mirrors(&a, &b);
    }
}
