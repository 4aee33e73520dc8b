//! Sentence diff speed: every aligned pair of the seeds, and one pair of
//! 50,000-word "sentences" (a text with no full stop), which the size
//! budgets and the in-order diff's deadline keep bounded.
//!
//!     cargo bench --bench diff

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use framediff::diff::Differ;
use framediff::lang::Language;
use framediff::{AnalyzedDocument, Comparison, Config, Document};

fn long_sentence(seed: usize) -> String {
    const WORDS: &[&str] = &[
        "les",
        "rebelles",
        "terroristes",
        "ont",
        "auraient",
        "pris",
        "Alep",
        "selon",
        "SANA",
        "la",
        "ville",
        "de",
        "Hama",
        "et",
        "des",
        "forces",
        "gouvernementales",
        "plusieurs",
        "centaines",
        "«",
        "»",
        "massive",
        "offensive",
        "a",
        "déclaré",
        "Peskov",
    ];
    (0..50_000)
        .map(|i| WORDS[(i * 31 + seed * 17 + i / 7) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn diff(c: &mut Criterion) {
    let docs = framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds");
    let cmp = Comparison::new(docs, &Config::default()).expect("comparison");
    let differ = Differ::for_documents(&cmp.documents);
    let pairs: Vec<_> = cmp
        .alignments
        .iter()
        .map(|l| {
            let sentence = |side: &framediff::align::Side| {
                &cmp.document(&side.doc).expect("doc").sentences[side.sentences[0]]
            };
            (sentence(&l.a), sentence(&l.b))
        })
        .collect();
    let mut group = c.benchmark_group("diff");
    group.bench_function("every aligned pair of the seeds", |b| {
        b.iter(|| {
            for (a, b) in &pairs {
                black_box(differ.diff(a, b));
            }
        })
    });
    let long = |id: &str, seed: usize| {
        AnalyzedDocument::new(Document::new(id, long_sentence(seed)), Language::French)
    };
    let (a, b) = (long("a", 1), long("b", 2));
    let differ = Differ::new(&[Language::French]);
    group.sample_size(10);
    group.bench_function("two 50,000-word sentences", |bench| {
        bench.iter(|| black_box(differ.diff(&a.sentences[0], &b.sentences[0])))
    });
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
