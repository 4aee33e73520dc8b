//! Properties every analysis must have, whatever the text: tokens point at
//! their own bytes, in order, and are never blank.

use framediff::analyze::{Analyzer, Token};
use framediff::lang::Language;
use proptest::prelude::*;

const LANGUAGES: [Language; 3] = [Language::French, Language::English, Language::Other];

/// Text built from the pieces that trouble tokenizers of French news:
/// elisions, apostrophes, hyphens, digit groups, no-break spaces, emoji,
/// combining marks, zero-width characters.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "l",
        "L",
        "qu",
        "jusqu",
        "aujourd",
        "hui",
        "’",
        "'",
        "ʼ",
        "‘",
        "-",
        "‐",
        "‑",
        "1",
        "000",
        "2024",
        "3,5",
        "1.000",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\u{2009}",
        "\n",
        ",",
        ".",
        "«",
        "»",
        "!",
        "?",
        "\"",
        "…",
        "—",
        "_",
        "é",
        "e\u{301}",
        "\u{301}",
        "œ",
        "Tahrir",
        "al",
        "Assad",
        "a",
        "t",
        "il",
        "s",
        "Covid",
        "19",
        "🇸🇾",
        "🔥",
        "1\u{fe0f}\u{20e3}",
        "\u{200d}",
        "\u{feff}",
        "\u{200b}",
        "\u{ad}",
    ]);
    prop::collection::vec(pieces, 0..32).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        tricky_text(),
        "[a-zA-Zéèœ’' 0-9\u{a0}\u{202f}.,-]{0,40}",
    ]
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Checks `tokens` (or a compound's parts) lie inside `within`, in order,
/// each pointing at its own non-blank bytes of `text`.
fn check(text: &str, within: std::ops::Range<usize>, tokens: &[Token]) {
    let mut previous_end = within.start;
    for t in tokens {
        assert!(
            previous_end <= t.start && t.start < t.end && t.end <= within.end,
            "{t:?}"
        );
        assert!(
            text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
            "{t:?}"
        );
        assert_eq!(t.surface, &text[t.start..t.end]);
        assert!(!t.surface.chars().all(is_blank), "blank token {t:?}");
        check(text, t.span(), &t.parts);
        previous_end = t.end;
    }
}

/// The nearest char boundary at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

proptest! {
    #[test]
    fn tokens_point_at_their_own_bytes(text in any_text()) {
        for language in LANGUAGES {
            let tokens = Analyzer::new(language).analyze(&text);
            check(&text, 0..text.len(), &tokens);
        }
    }

    #[test]
    fn a_span_is_analysed_like_the_text_it_covers(
        text in any_text(),
        a in 0usize..64,
        b in 0usize..64,
    ) {
        let (a, b) = (floor_boundary(&text, a), floor_boundary(&text, b));
        let span = a.min(b)..a.max(b);
        for language in LANGUAGES {
            let analyzer = Analyzer::new(language);
            let tokens = analyzer.analyze_span(&text, span.clone());
            check(&text, span.clone(), &tokens);
            let alone = analyzer.analyze(&text[span.clone()]);
            prop_assert_eq!(tokens.len(), alone.len());
            for (t, u) in tokens.iter().zip(&alone) {
                prop_assert_eq!((t.start, &t.stem), (u.start + span.start, &u.stem));
            }
        }
    }
}
