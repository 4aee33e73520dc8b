//! Texts with characters that scrapers, OCR and other scripts bring: each
//! compares without panic, every non-blank character in exactly one
//! sentence (see `invariants`), and the words still match.

mod invariants;

use framediff::analyze::TokenKind;
use framediff::{Comparison, Document};
use invariants::compare_checked;

fn sentences(cmp: &Comparison, doc: usize) -> Vec<&str> {
    cmp.documents[doc]
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect()
}

/// The score of the link between sentence 0 of "a" and of "b", if any.
fn link_score(cmp: &Comparison) -> Option<f32> {
    cmp.alignments
        .iter()
        .find(|l| l.a.sentences == [0] && l.b.sentences == [0])
        .map(|l| l.score)
}

#[test]
fn crlf_and_lone_cr_end_lines() {
    let text = "Titre du jour\r\nLes rebelles avancent. Alep tombe.\rHama résiste.\r\n\r\n";
    let cmp = compare_checked(vec![Document::new("a", text)]);
    assert_eq!(
        sentences(&cmp, 0),
        [
            "Titre du jour",
            "Les rebelles avancent.",
            "Alep tombe.",
            "Hama résiste."
        ]
    );
}

#[test]
fn nul_bytes() {
    let text = "Alep\0est tombée. \0\0 Les rebelles\0 avancent.\0";
    let cmp = compare_checked(vec![Document::new("a", text), Document::new("b", "\0")]);
    assert!(!cmp.documents[0].sentences.is_empty());
    assert_eq!(sentences(&cmp, 1), ["\0"], "a NUL is not blank: it is kept");
}

#[test]
fn control_characters() {
    let controls: String = (0u8..0x20).chain(0x7f..0x80).map(char::from).collect();
    let c1: String = ('\u{80}'..='\u{9f}').collect();
    let text = format!("Alep{controls}est tombée.{c1} Les rebelles avancent.\u{1b}[0m");
    let cmp = compare_checked(vec![Document::new("a", text)]);
    assert!(cmp.documents[0].sentences.len() >= 2);
}

#[test]
fn zero_width_and_bidi_characters_do_not_break_words() {
    let plain = "Les rebelles ont pris Alep lundi.";
    // Zero-width space, joiner, non-joiner, word joiner, soft hyphen,
    // direction marks, embeddings and isolates, as pasted from web pages.
    let hidden = "\u{200e}Les re\u{ad}belles ont\u{200b} pris \u{2067}Alep\u{2069} lun\u{200d}di.\u{200f}\u{202b}\u{202c}\u{2060}\u{feff}";
    let cmp = compare_checked(vec![Document::new("a", plain), Document::new("b", hidden)]);
    let score = link_score(&cmp).expect("the same sentence with invisible marks aligns");
    assert!(score > 0.6, "{score}");
}

#[test]
fn right_to_left_arabic() {
    let a = "سقطت مدينة حلب في أيدي المتمردين. وتقدمت القوات نحو حماة؟ نعم.";
    let b = "قال مراسلنا إن مدينة حلب سقطت في أيدي المتمردين يوم الاثنين.";
    let cmp = compare_checked(vec![Document::new("a", a), Document::new("b", b)]);
    let words = cmp.documents[0].sentences[0]
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word);
    assert!(words.count() >= 5, "Arabic words are words");
    assert!(link_score(&cmp).is_some(), "shared Arabic words align");
    assert!(sentences(&cmp, 0)[0].starts_with("سقطت"));
}

#[test]
fn emoji_sequences_and_flags_stay_whole() {
    let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
    let text = format!(
        "Les Syriens fêtent 🇸🇾 la chute {family} d’Assad 👍🏽. Keycap 1\u{fe0f}\u{20e3} ! 🏳️‍🌈"
    );
    let cmp = compare_checked(vec![Document::new("a", text.as_str())]);
    let tokens: Vec<&str> = cmp.documents[0]
        .sentences
        .iter()
        .flat_map(|s| &s.tokens)
        .map(|t| &text[t.start..t.end])
        .collect();
    for whole in ["🇸🇾", family, "👍🏽"] {
        assert!(tokens.contains(&whole), "{whole} split: {tokens:?}");
    }
}

#[test]
fn combining_marks_match_precomposed_letters() {
    let composed = "Les forces de sécurité ont frappé Alep.";
    let decomposed = "Les forces de se\u{301}curite\u{301} ont frappe\u{301} Alep.";
    let cmp = compare_checked(vec![
        Document::new("a", composed),
        Document::new("b", decomposed),
    ]);
    let score = link_score(&cmp).expect("NFC and NFD spellings align");
    assert!((score - 1.0).abs() < 1e-4, "{score}");
    // Marks with nothing to combine with, and a stack of them.
    let stray = "\u{301}\u{301}Alep\u{300}\u{300}\u{300}\u{300} tombe.\n\u{20dd}";
    compare_checked(vec![Document::new("c", stray)]);
}
