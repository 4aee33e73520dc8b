//! The smallest use of framediff: two texts in; the sentences that carry
//! the same claim, and how their wording differs, out.
//!
//!     cargo run --example align_pair
//!     cargo run --example align_pair -- "first article" "second article"

use framediff::{Comparison, Config, Document};

fn main() -> Result<(), framediff::Error> {
    let mut args = std::env::args().skip(1);
    let a = args.next().unwrap_or_else(|| {
        "Les terroristes ont lancé une attaque contre Alep. Damas dément.".into()
    });
    let b = args.next().unwrap_or_else(|| {
        "Selon l'OSDH, les rebelles auraient lancé une offensive sur Alep.".into()
    });

    let documents = vec![Document::new("a", a), Document::new("b", b)];
    let comparison = Comparison::new(documents, &Config::default())?;

    let sentence = |doc: &str, index: usize| {
        let sentences = &comparison.document(doc).expect("document").sentences;
        sentences[index].text.as_str()
    };
    for link in &comparison.alignments {
        let (a, b) = (link.a.sentences[0], link.b.sentences[0]);
        println!("a[{a}] {}", sentence("a", a));
        println!("b[{b}] {}", sentence("b", b));
        println!("  score {:.2} ({})", link.score, link.relation);
        for term in link.matched_terms.iter().filter(|t| t.a != t.b) {
            println!("  same thing, other words: {} ~ {}", term.a, term.b);
        }
        // Minor differences change function words only ("contre" / "sur").
        for difference in link.differences.iter().filter(|d| !d.minor) {
            println!("  {difference}");
        }
    }
    for only in &comparison.unmatched {
        println!(
            "only in {}: {}",
            only.doc,
            sentence(&only.doc, only.sentence)
        );
    }
    Ok(())
}
