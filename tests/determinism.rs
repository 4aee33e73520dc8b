//! The same input gives byte-identical JSON, run after run. Documents in
//! another order give the same comparison, permuted: documents, links,
//! claims and unmatched sentences follow the input order, and side `a` of
//! a link is the document that comes first, so a shuffle reorders the
//! lists and may swap a link's sides, but never changes which sentences
//! link, with what score, or which claims form.

mod invariants;

use std::collections::BTreeSet;

use framediff::align::SentenceRef;
use framediff::{Comparison, Config, Document};
use invariants::{compare_checked, links_by_doc};

fn seeds() -> Vec<Document> {
    framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds")
}

fn json(docs: Vec<Document>) -> String {
    serde_json::to_string(&Comparison::new(docs, &Config::default()).expect("compare"))
        .expect("json")
}

fn html(docs: Vec<Document>) -> String {
    framediff::report::html(&Comparison::new(docs, &Config::default()).expect("compare"))
}

#[test]
fn same_input_same_bytes() {
    let first = json(seeds());
    let first_page = html(seeds());
    for _ in 0..3 {
        assert_eq!(json(seeds()), first);
        assert_eq!(html(seeds()), first_page);
    }
    // Fresh copies of every string, so nothing hangs on allocation order.
    let copies: Vec<Document> = seeds()
        .iter()
        .map(|d| Document::new(d.id.clone(), d.text.clone()))
        .collect();
    let plain: Vec<Document> = seeds()
        .into_iter()
        .map(|d| Document::new(d.id, d.text))
        .collect();
    assert_eq!(json(copies), json(plain));
}

type Refs = BTreeSet<(String, usize)>;

/// Claims as sets of sentences, and the unmatched sentences, as sets.
fn claims_and_unmatched(cmp: &Comparison) -> (BTreeSet<Refs>, Refs) {
    let key = |r: &SentenceRef| (r.doc.clone(), r.sentence);
    let claims = cmp
        .claims
        .iter()
        .map(|c| c.sentences.iter().map(key).collect())
        .collect();
    (claims, cmp.unmatched.iter().map(key).collect())
}

#[test]
fn shuffled_input_permutes_the_output() {
    let original = compare_checked(seeds());
    assert!(
        original.alignments.len() >= 5,
        "the seeds must link to test anything"
    );
    let mut reversed = seeds();
    reversed.reverse();
    let mut rotated = seeds();
    rotated.rotate_left(2);
    for shuffled in [reversed, rotated] {
        let order: Vec<String> = shuffled.iter().map(|d| d.id.clone()).collect();
        let cmp = compare_checked(shuffled);
        let ids: Vec<&str> = cmp
            .documents
            .iter()
            .map(|d| d.document.id.as_str())
            .collect();
        assert_eq!(ids, order, "documents stay in input order");
        let (x, y) = (links_by_doc(&original), links_by_doc(&cmp));
        assert_eq!(x.len(), y.len());
        for (l, m) in x.iter().zip(&y) {
            assert_eq!((&l.0, &l.1), (&m.0, &m.1));
            assert!((l.2 - m.2).abs() < 1e-5, "{l:?} vs {m:?}");
        }
        assert_eq!(claims_and_unmatched(&cmp), claims_and_unmatched(&original));
        for doc in &cmp.documents {
            let same = original.document(&doc.document.id).expect("document");
            assert_eq!(
                doc, same,
                "a document's analysis does not depend on the others"
            );
        }
    }
}
