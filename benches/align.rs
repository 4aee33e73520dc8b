//! Alignment speed: two seed articles, all five, and whole corpora of 100,
//! 1,000 and 5,000 articles generated from the seeds (see
//! `tests/common/synthetic.rs`), so the bench runs on a fresh machine.
//!
//!     cargo bench --bench align
//!     FRAMEDIFF_BENCH_CORPUS=corpus.jsonl cargo bench --bench align -- corpus
//!
//! With `FRAMEDIFF_BENCH_CORPUS` naming a JSON Lines corpus, the corpus
//! group also times it, from the parsed documents to the claims.

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
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

/// Whole corpora, from parsed documents to claims: segment, analyse,
/// vectorise, align across outlets, group. Throughput is in articles.
fn corpus(c: &mut Criterion) {
    // Corpus alignment, as the speed issue sets it: analysis to claims. The
    // word differences and framing views are left out (`diff_and_framing`);
    // `benches/diff.rs` measures the diff.
    let config = Config {
        language: Some(Language::French),
        align: framediff::align::AlignConfig {
            diff_and_framing: false,
            ..Default::default()
        },
    };
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    for articles in [100, 1_000, 5_000] {
        let docs = synthetic::corpus(articles, 15, 7);
        group.throughput(Throughput::Elements(articles as u64));
        if articles >= 1_000 {
            group.measurement_time(Duration::from_secs(20));
        }
        group.bench_with_input(BenchmarkId::new("synthetic", articles), &docs, |b, docs| {
            b.iter(|| black_box(Comparison::new(docs.clone(), &config).expect("comparison")))
        });
    }
    if let Ok(path) = std::env::var("FRAMEDIFF_BENCH_CORPUS") {
        let docs = framediff::load_jsonl(&path)
            .unwrap_or_else(|e| panic!("FRAMEDIFF_BENCH_CORPUS={path}: {e}"));
        group.throughput(Throughput::Elements(docs.len() as u64));
        group.measurement_time(Duration::from_secs(60));
        group.bench_with_input(BenchmarkId::new("jsonl", docs.len()), &docs, |b, docs| {
            b.iter(|| black_box(Comparison::new(docs.clone(), &config).expect("comparison")))
        });
    }
    group.finish();
}

criterion_group!(benches, align, corpus);
criterion_main!(benches);
