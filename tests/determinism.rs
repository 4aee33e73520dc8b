//! The same input gives byte-identical JSON, run after run. Documents in
//! another order give the same comparison, permuted: documents, links,
//! claims and unmatched sentences follow the input order, and side `a` of
//! a link is the document that comes first, so a shuffle reorders the
//! lists and may swap a link's sides, but never changes which sentences
//! link, with what score, or which claims form. Both hold for the French
//! seeds, for English input, and for the two languages compared together.

mod invariants;

use std::collections::BTreeSet;

use framediff::align::SentenceRef;
use framediff::{Comparison, Config, Document};
use invariants::{compare_checked, links_by_doc};

fn seeds() -> Vec<Document> {
    framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds")
}

/// Three short English reports of one invented event, written for this
/// test: English input takes paths French does not (its stop words,
/// concept lists, title rules), and French and English together take
/// another (the two languages' lexicons merged).
fn english() -> Vec<Document> {
    let reports = [
        (
            "en-wire",
            "Floods Force Thousands From Homes In Valdoria\n\n\
             Heavy rain flooded the river town of Marlow on Tuesday, forcing 3,000 residents \
             to leave their homes, officials said. The mayor, Ana Reyes, said the army had \
             been deployed to evacuate the old quarter. Two people were reported missing.",
        ),
        (
            "en-daily",
            "Marlow under water as river bursts its banks\n\n\
             Some 3,000 people fled Marlow on Tuesday after the river burst its banks. \
             Soldiers helped evacuate the old quarter, according to Mayor Ana Reyes. \
             Critics said the government ignored warnings about the levees for years.",
        ),
        (
            "en-weekly",
            "A town abandoned\n\n\
             Residents of Marlow say they were left to fend for themselves. \
             \"Nobody came until the water reached the windows,\" said one shopkeeper. \
             Officials reportedly evacuated about 3,000 people and two remain missing.",
        ),
    ];
    reports
        .iter()
        .map(|(id, text)| Document::new(*id, *text))
        .collect()
}

/// The French seeds and the English reports, compared together.
fn bilingual() -> Vec<Document> {
    seeds().into_iter().chain(english()).collect()
}

/// Makes one of the inputs afresh.
type Input = fn() -> Vec<Document>;

/// Each input a test runs on, by name, with the fewest links its French
/// and its English articles must make among themselves for the test to
/// test anything.
fn inputs() -> [(&'static str, Input, usize, usize); 3] {
    [
        ("seeds", seeds, 5, 0),
        ("english", english, 0, 2),
        ("bilingual", bilingual, 5, 2),
    ]
}

/// The links between two French articles and between two English
/// reports (the English ids start "en-").
fn links_by_language(cmp: &Comparison) -> (usize, usize) {
    let english = |doc: &str| doc.starts_with("en-");
    let count = |both: bool| {
        cmp.alignments
            .iter()
            .filter(|a| english(&a.a.doc) == both && english(&a.b.doc) == both)
            .count()
    };
    (count(false), count(true))
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
    for (name, input, ..) in inputs() {
        let first = json(input());
        let first_page = html(input());
        for _ in 0..3 {
            assert_eq!(json(input()), first, "{name}");
            assert_eq!(html(input()), first_page, "{name}");
        }
        // Fresh copies of every string, so nothing hangs on allocation order.
        let copies: Vec<Document> = input()
            .iter()
            .map(|d| Document::new(d.id.clone(), d.text.clone()))
            .collect();
        let plain: Vec<Document> = input()
            .into_iter()
            .map(|d| Document::new(d.id, d.text))
            .collect();
        assert_eq!(json(copies), json(plain), "{name}");
    }
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
    for (name, input, french, english) in inputs() {
        shuffled_permutes(name, input, (french, english));
    }
}

fn shuffled_permutes(name: &str, input: Input, (french, english): (usize, usize)) {
    let original = compare_checked(input());
    let (french_linked, english_linked) = links_by_language(&original);
    assert!(
        french_linked >= french && english_linked >= english,
        "{name}: the input must link to test anything"
    );
    let mut reversed = input();
    reversed.reverse();
    let mut rotated = input();
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
