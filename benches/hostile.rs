//! Inputs that once went quadratic: a sentence of tens of thousands of
//! words (one-to-one term matching), a large vocabulary of look-alike
//! words (spelling-variant links), and a line of elisions and hyphenated
//! compounds (tokens split and joined where they stood). Times should grow
//! about linearly from the 10,000- to the 50,000-word case.
//!
//!     cargo bench --bench hostile

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use framediff::{Comparison, Config, Document};

#[path = "../tests/common/made_up_words.rs"]
mod made_up_words;
use made_up_words::words;

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for count in [10_000, 50_000] {
        let docs = vec![
            Document::new("a", words(count, 20_000, 2) + "."),
            Document::new("b", words(count, 20_000, 2) + " et encore."),
        ];
        group.bench_with_input(
            BenchmarkId::new("two one-sentence articles, words", count),
            &docs,
            |b, docs| b.iter(|| black_box(Comparison::new(docs.clone(), &Config::default()))),
        );
    }
    for count in [10_000, 50_000] {
        let line: String = (0..count / 4)
            .map(|i| format!("l’armée{i} a-t-elle pris d’assaut Saint-Jean{i} "))
            .collect();
        group.bench_with_input(
            BenchmarkId::new("one line of elisions and compounds, words", count),
            &line,
            |b, line| {
                b.iter(|| {
                    black_box(framediff::AnalyzedDocument::new(
                        Document::new("a", line.clone()),
                        framediff::lang::Language::French,
                    ))
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
