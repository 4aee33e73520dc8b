//! Properties of the sentence diff: the anchors and the differences
//! account for every token of both sentences, and every span is a
//! well-formed piece of its sentence.

use framediff::diff::Differ;
use framediff::lang::Language;
use framediff::{AnalyzedDocument, AnalyzedSentence, Document};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "les",
    "des",
    "de",
    "la",
    "à",
    "au",
    "et",
    "que",
    "nous",
    "ils",
    "rebelles",
    "terroristes",
    "insurgés",
    "régime",
    "gouvernement",
    "aurait",
    "auraient",
    "selon",
    "Kremlin",
    "SANA",
    "Peskov",
    "Bachar",
    "al-Assad",
    "Bashar",
    "Assad",
    "Alep",
    "Idlib",
    "Idleb",
    "attaque",
    "offensive",
    "éclair",
    "massive",
    "11",
    "1 000",
    "plusieurs",
    "«",
    "»",
    "“",
    "”",
    ",",
    "(",
    ")",
    "a",
    "déclaré",
    "affirment",
    "pris",
    "tombée",
    "l’armée",
    "d’Alep",
    "brutalement",
    "Tahrir-al-Sham",
    "été",
    "ont",
    "porte-parole",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..30).prop_map(|w| w.join(" ") + ".")
}

fn analysed(id: &str, text: &str) -> AnalyzedDocument {
    // A title first, so that offsets in the document are not offsets in
    // the sentence.
    AnalyzedDocument::new(
        Document::new(id, format!("Titre\n{text}")),
        Language::French,
    )
}

fn check_side(
    doc: &AnalyzedDocument,
    sentence: &AnalyzedSentence,
    anchored: &[usize],
    spans: &[(usize, usize)],
    texts: &[&str],
) -> Result<(), TestCaseError> {
    for (i, t) in sentence.tokens.iter().enumerate() {
        let covered =
            anchored.contains(&i) || spans.iter().any(|&(s, e)| s <= t.start && t.end <= e);
        prop_assert!(covered, "token {:?} lost", t.surface);
    }
    let mut seen = anchored.to_vec();
    seen.sort_unstable();
    seen.dedup();
    prop_assert_eq!(seen.len(), anchored.len(), "a token anchored twice");
    for (&(s, e), text) in spans.iter().zip(texts) {
        prop_assert!(sentence.sentence.start <= s && s < e && e <= sentence.sentence.end);
        prop_assert!(
            doc.document.text.is_char_boundary(s) && doc.document.text.is_char_boundary(e)
        );
        prop_assert_eq!(&doc.document.text[s..e], *text);
    }
    Ok(())
}

proptest! {
    #[test]
    fn anchors_and_differences_rebuild_both_sentences(a in sentence(), b in sentence()) {
        let (da, db) = (analysed("a", &a), analysed("b", &b));
        let (sa, sb) = (&da.sentences[1], &db.sentences[1]);
        let diff = Differ::for_documents(&[da.clone(), db.clone()]).diff(sa, sb);
        let anchored_a: Vec<usize> = diff.anchors.iter().map(|x| x.a).collect();
        let anchored_b: Vec<usize> = diff.anchors.iter().map(|x| x.b).collect();
        let side_a: Vec<((usize, usize), &str)> = diff
            .differences
            .iter()
            .filter_map(|d| Some((d.a_span?, d.a.as_deref()?)))
            .collect();
        let side_b: Vec<((usize, usize), &str)> = diff
            .differences
            .iter()
            .filter_map(|d| Some((d.b_span?, d.b.as_deref()?)))
            .collect();
        for d in &diff.differences {
            prop_assert_eq!(d.a_span.is_some(), d.a.is_some());
            prop_assert_eq!(d.b_span.is_some(), d.b.is_some());
            prop_assert!(d.a_span.is_some() || d.b_span.is_some());
        }
        let (spans_a, texts_a): (Vec<_>, Vec<_>) = side_a.into_iter().unzip();
        let (spans_b, texts_b): (Vec<_>, Vec<_>) = side_b.into_iter().unzip();
        check_side(&da, sa, &anchored_a, &spans_a, &texts_a)?;
        check_side(&db, sb, &anchored_b, &spans_b, &texts_b)?;
        let again = Differ::for_documents(&[da.clone(), db.clone()]).diff(sa, sb);
        prop_assert_eq!(again, diff, "the diff is deterministic");
    }

    /// A shared word may stand in several differences (a synonym, and the
    /// name one side adds beside it); any other word stands in one.
    #[test]
    fn no_two_differences_show_the_same_unshared_word(a in sentence(), b in sentence()) {
        let (da, db) = (analysed("a", &a), analysed("b", &b));
        let (sa, sb) = (&da.sentences[1], &db.sentences[1]);
        let diff = Differ::for_documents(&[da.clone(), db.clone()]).diff(sa, sb);
        let sides = [
            (sa, diff.anchors.iter().map(|x| x.a).collect::<Vec<_>>(), diff.differences.iter().filter_map(|d| d.a_span).collect::<Vec<_>>()),
            (sb, diff.anchors.iter().map(|x| x.b).collect(), diff.differences.iter().filter_map(|d| d.b_span).collect()),
        ];
        for (sentence, anchored, spans) in sides {
            for (i, t) in sentence.tokens.iter().enumerate().filter(|(i, _)| !anchored.contains(i)) {
                let shown = spans.iter().filter(|&&(s, e)| s <= t.start && t.end <= e).count();
                prop_assert!(shown <= 1, "{:?} (token {}) is in {} differences: {:?}", t.surface, i, shown, diff.differences);
            }
        }
    }
}
