//! Inputs at the edges of size: huge, tiny, many, none. Each must finish
//! (quickly, even in a debug build: no step may be quadratic in a
//! sentence's or a corpus's size) with every character accounted for.
//! Speed itself is measured in `benches/hostile.rs`, not here.

mod invariants;
#[path = "common/made_up_words.rs"]
mod made_up_words;

use framediff::Document;
use framediff::segment::SentenceKind;
use invariants::compare_checked;
use made_up_words::words;

#[test]
fn ten_megabyte_article_without_punctuation_or_line_break() {
    let mut text = words(1_900_000, 50_000, 1);
    text.truncate(text[..10_000_000].rfind(' ').unwrap());
    assert!(text.len() > 9_900_000);
    let other = words(200, 50_000, 1) + ".";
    let cmp = compare_checked(vec![
        Document::new("huge", text),
        Document::new("small", other),
    ]);
    let huge = &cmp.documents[0];
    assert_eq!(
        huge.sentences.len(),
        1,
        "no punctuation, no line break: one sentence"
    );
}

#[test]
fn sentence_of_fifty_thousand_words() {
    let a = words(50_000, 20_000, 2) + ".";
    let b = words(50_000, 20_000, 2) + " et encore.";
    let cmp = compare_checked(vec![Document::new("a", a), Document::new("b", b)]);
    assert_eq!(cmp.documents[0].sentences.len(), 1);
    assert_eq!(cmp.documents[0].sentences[0].tokens.len(), 50_001);
    assert_eq!(
        cmp.alignments.len(),
        1,
        "two near-identical sentences align"
    );
    assert!(cmp.alignments[0].score > 0.9);
}

#[test]
fn ten_thousand_one_word_documents() {
    let docs: Vec<Document> = (0..10_000)
        .map(|i| Document::new(format!("d{i}"), words(1, 300, i)))
        .collect();
    let cmp = compare_checked(docs);
    assert_eq!(cmp.documents.len(), 10_000);
    assert!(cmp.documents.iter().all(|d| d.sentences.len() == 1));
    // One word is not a claim: two shared terms are needed.
    assert!(cmp.alignments.is_empty());
    assert_eq!(cmp.unmatched.len(), 10_000);
}

#[test]
fn many_near_duplicates_stay_within_the_link_cap() {
    let sentence = "Les rebelles ont pris Alep lundi après une offensive éclair.";
    let docs: Vec<Document> = (0..60)
        .map(|i| Document::new(format!("d{i}"), format!("{sentence} Détail {i}.")))
        .collect();
    let cmp = compare_checked(docs);
    let cap = framediff::align::AlignConfig::default().max_links_per_document;
    let mut per_sentence_and_doc = std::collections::BTreeMap::new();
    for link in &cmp.alignments {
        *per_sentence_and_doc
            .entry((&link.a.doc, link.a.sentences[0], &link.b.doc))
            .or_insert(0) += 1;
        *per_sentence_and_doc
            .entry((&link.b.doc, link.b.sentences[0], &link.a.doc))
            .or_insert(0) += 1;
    }
    assert!(per_sentence_and_doc.values().all(|&n| n <= cap));
    assert!(!cmp.alignments.is_empty());
}

#[test]
fn empty_corpus() {
    let cmp = compare_checked(Vec::new());
    assert!(cmp.documents.is_empty() && cmp.alignments.is_empty());
    assert!(cmp.claims.is_empty() && cmp.unmatched.is_empty());
    let json = serde_json::to_string(&cmp).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"documents":[],"alignments":[],"claims":[],"unmatched":[],"#,
            r#""distinctive":[],"coverage":{"claims":0,"outlets":[]},"#,
            r#""lexicon":{"overall":[],"by_outlets":[]},"certainty":[]}"#
        )
    );
}

#[test]
fn empty_and_blank_documents() {
    let docs = vec![
        Document::new("empty", ""),
        Document::new("blank", " \n\t\r\n\u{a0}\u{feff}\u{200b}"),
    ];
    let cmp = compare_checked(docs);
    assert!(cmp.documents.iter().all(|d| d.sentences.is_empty()));
    assert!(cmp.unmatched.is_empty());
}

#[test]
fn one_document() {
    let text = "Alep est tombée\nLes rebelles ont pris Alep. Ils avancent vers Hama.";
    let cmp = compare_checked(vec![Document::new("seul", text)]);
    let kinds: Vec<SentenceKind> = cmp.documents[0]
        .sentences
        .iter()
        .map(|s| s.sentence.kind)
        .collect();
    assert_eq!(
        kinds,
        [SentenceKind::Title, SentenceKind::Body, SentenceKind::Body]
    );
    assert!(cmp.alignments.is_empty() && cmp.claims.is_empty());
    assert_eq!(
        cmp.unmatched.len(),
        3,
        "with no other outlet every sentence is its own"
    );
}

#[test]
fn a_diff_cut_short_says_so() {
    let long: String = (0..20_000).map(|i| format!("mot{} ", i % 997)).collect();
    let a = format!("Les rebelles ont pris Alep {long}.");
    let b = format!("Les insurgés ont pris Alep {long} hier.");
    let cmp = compare_checked(vec![Document::new("a", a), Document::new("b", b)]);
    let link = cmp.alignments.first().expect("the long sentences align");
    assert!(
        link.differences_cut_short,
        "a 20,000-word pair should hit the diff's limits"
    );
    let json = serde_json::to_value(&cmp).unwrap();
    assert_eq!(json["alignments"][0]["differences_cut_short"], true);
}
