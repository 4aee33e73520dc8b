//! Segmentation and token analysis throughput on the bundled seeds (MB/s).
//!
//!     cargo bench --bench analysis

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use framediff::analyze::Analyzer;
use framediff::lang::Language;
use framediff::segment::Segmenter;

fn analysis(c: &mut Criterion) {
    let docs = framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds");
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let segmenter = Segmenter::new(Language::French);
    let analyzer = Analyzer::new(Language::French);
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment seeds", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(segmenter.segment(&doc.text));
            }
        })
    });
    group.bench_function("segment and analyse seeds", |b| {
        b.iter(|| {
            for doc in &docs {
                for sentence in segmenter.segment(&doc.text) {
                    black_box(analyzer.analyze_span(&doc.text, sentence.span()));
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
