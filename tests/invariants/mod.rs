//! What every comparison must satisfy, whatever its input: the checks the
//! bad-input, property, determinism and fuzz-regression tests share.

#![allow(dead_code)] // each test binary uses its own subset

use framediff::align::Alignment;
use framediff::diff::DifferenceKind;
use framediff::segment::is_blank;
use framediff::{Comparison, Config, Document};

/// Runs the whole pipeline on `docs` and checks every invariant; returns
/// the comparison for further assertions.
pub fn compare_checked(docs: Vec<Document>) -> Comparison {
    let cmp = Comparison::new(docs.clone(), &Config::default()).expect("comparison");
    assert_invariants(&docs, &cmp);
    cmp
}

/// Every non-blank byte of every document lies in exactly one sentence,
/// spans sit on character boundaries, ids point to real sentences, scores
/// lie in [0, 1], and the JSON reads back to the same comparison.
pub fn assert_invariants(input: &[Document], cmp: &Comparison) {
    assert_eq!(cmp.documents.len(), input.len(), "a document was dropped");
    for (doc, original) in cmp.documents.iter().zip(input) {
        assert_eq!(&doc.document, original, "the document changed");
        assert_sentences_cover(&doc.document.text, cmp, &doc.document.id);
    }
    for link in &cmp.alignments {
        assert_ne!(link.a.doc, link.b.doc, "a document aligned with itself");
        for side in [&link.a, &link.b] {
            let doc = cmp.document(&side.doc).expect("alignment names a document");
            for &s in &side.sentences {
                assert!(s < doc.sentences.len(), "sentence {s} out of range");
            }
        }
        for value in [link.score, link.cosine, link.a_in_b, link.b_in_a] {
            assert!((0.0..=1.0).contains(&value), "{value} out of [0, 1]");
        }
        assert!(link.shared.is_finite() && link.shared >= 0.0);
        for term in &link.matched_terms {
            assert!((0.0..=1.0).contains(&term.similarity));
            assert!((0.0..=1.0 + 1e-4).contains(&term.contribution));
        }
        assert_differences_point_into_their_sentences(cmp, link);
    }
    for r in cmp
        .claims
        .iter()
        .flat_map(|c| &c.sentences)
        .chain(&cmp.unmatched)
    {
        let doc = cmp.document(&r.doc).expect("reference names a document");
        assert!(r.sentence < doc.sentences.len());
    }
    let json = serde_json::to_string(cmp).expect("serialise");
    let back: Comparison = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back.alignments, cmp.alignments);
    assert_eq!(back.claims, cmp.claims);
    assert_eq!(back.unmatched, cmp.unmatched);
    assert_report_renders(cmp);
}

/// Each difference's side texts are exactly the bytes its span names, the
/// spans lie inside the link's sentences (from the first one's start to the
/// last one's end), and its kind says which sides it
/// has: a substitution both, an addition only b, an omission only a.
fn assert_differences_point_into_their_sentences(cmp: &Comparison, link: &Alignment) {
    let inside = |side: &framediff::align::Side, span: (usize, usize), text: &str| {
        let doc = cmp.document(&side.doc).expect("document");
        // A side of two sentences is compared as one stretch of text.
        let first = doc.sentences[side.sentences[0]].sentence.start;
        let last = doc.sentences[*side.sentences.last().expect("a sentence")]
            .sentence
            .end;
        let within = first <= span.0 && span.0 < span.1 && span.1 <= last;
        assert!(within, "difference {span:?} outside {side:?}");
        assert_eq!(doc.document.text.get(span.0..span.1), Some(text));
    };
    for d in &link.differences {
        let (has_a, has_b) = match d.kind {
            DifferenceKind::Substitution => (true, true),
            DifferenceKind::Addition => (false, true),
            DifferenceKind::Omission => (true, false),
        };
        assert_eq!(
            (d.a_span.is_some(), d.b_span.is_some()),
            (has_a, has_b),
            "{d:?}"
        );
        assert_eq!((d.a.is_some(), d.b.is_some()), (has_a, has_b), "{d:?}");
        if let (Some(span), Some(text)) = (d.a_span, &d.a) {
            inside(&link.a, span, text);
        }
        if let (Some(span), Some(text)) = (d.b_span, &d.b) {
            inside(&link.b, span, text);
        }
    }
}

/// The HTML report renders, is the same twice, and carries no markup from
/// the input: the page has no script at all, so any `<script` came from
/// an article unescaped.
fn assert_report_renders(cmp: &Comparison) {
    let page = framediff::report::html(cmp);
    assert!(
        page.starts_with("<!DOCTYPE html>"),
        "{}",
        &page[..page.len().min(80)]
    );
    assert!(page.trim_end().ends_with("</html>"));
    assert!(
        !page.to_ascii_lowercase().contains("<script"),
        "input markup leaked"
    );
    assert_eq!(
        framediff::report::html(cmp),
        page,
        "the report is not deterministic"
    );
}

/// Sentences are ordered, non-empty, on character boundaries, trimmed, and
/// only blanks lie between them.
fn assert_sentences_cover(text: &str, cmp: &Comparison, id: &str) {
    let doc = cmp.document(id).expect("document");
    let mut covered_to = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let span = s.sentence.span();
        assert_eq!(s.sentence.index, i);
        assert!(span.start < span.end && span.end <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(
            covered_to <= span.start,
            "sentence {i} overlaps its predecessor"
        );
        assert!(
            text[covered_to..span.start].chars().all(is_blank),
            "{id}: text lost before sentence {i}"
        );
        assert_eq!(text[span.clone()], s.text);
        assert!(!s.text.starts_with(is_blank) && !s.text.ends_with(is_blank));
        for token in &s.tokens {
            assert!(span.start <= token.start && token.end <= span.end);
            assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        }
        covered_to = span.end;
    }
    assert!(
        text[covered_to..].chars().all(is_blank),
        "{id}: trailing text lost"
    );
}

/// Compares (a, b) and (b, a) and checks the links mirror each other: the
/// same sentence pairs, sides swapped, with the same scores.
pub fn assert_mirrors(a: &str, b: &str) {
    let config = Config::default();
    let (da, db) = (Document::new("a", a), Document::new("b", b));
    let ab = Comparison::new(vec![da.clone(), db.clone()], &config).expect("compare");
    let ba = Comparison::new(vec![db.clone(), da.clone()], &config).expect("compare");
    assert_invariants(&[da.clone(), db.clone()], &ab);
    assert_invariants(&[db, da], &ba);
    let (forward, backward) = (links_by_doc(&ab), links_by_doc(&ba));
    assert_eq!(forward.len(), backward.len(), "{forward:?}\n{backward:?}");
    for (x, y) in forward.iter().zip(&backward) {
        assert_eq!((&x.0, &x.1), (&y.0, &y.1), "{forward:?}\n{backward:?}");
        assert!((x.2 - y.2).abs() < 1e-5, "{x:?} vs {y:?}");
    }
}

/// One side of a link: document id and sentence indices.
pub type SideKey = (String, Vec<usize>);

/// Every link as (side of the document with the smaller id, other side,
/// score), sorted: a form that does not depend on input order.
pub fn links_by_doc(cmp: &Comparison) -> Vec<(SideKey, SideKey, f32)> {
    let mut links: Vec<_> = cmp
        .alignments
        .iter()
        .map(|l| {
            let a = (l.a.doc.clone(), l.a.sentences.clone());
            let b = (l.b.doc.clone(), l.b.sentences.clone());
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            (first, second, l.score)
        })
        .collect();
    links.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
    links
}
