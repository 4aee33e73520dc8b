//! Alignment speed on the bundled seeds: two articles, and all five.
//!
//!     cargo bench --bench align

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use framediff::lang::Language;
use framediff::{AnalyzedDocument, Comparison, Config};

fn align(c: &mut Criterion) {
    let docs = framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds");
    let analyzed: Vec<AnalyzedDocument> = docs
        .iter()
        .cloned()
        .map(|d| AnalyzedDocument::new(d, Language::French))
        .collect();
    let config = Config::default();
    let mut group = c.benchmark_group("align");
    group.bench_function("two seed articles, analysed", |b| {
        b.iter(|| {
            black_box(Comparison::from_analyzed(
                analyzed[..2].to_vec(),
                &config.align,
            ))
        })
    });
    group.bench_function("five seed articles, analysed", |b| {
        b.iter(|| black_box(Comparison::from_analyzed(analyzed.clone(), &config.align)))
    });
    group.bench_function("five seed articles, from text", |b| {
        b.iter(|| black_box(Comparison::new(docs.clone(), &config)))
    });
    group.finish();
}

criterion_group!(benches, align);
criterion_main!(benches);
