//! Inputs that once went quadratic: a sentence of tens of thousands of
//! words (one-to-one term matching) and a large vocabulary of look-alike
//! words (spelling-variant links). Times should grow about linearly from
//! the 10,000- to the 50,000-word case.
//!
//!     cargo bench --bench hostile

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use framediff::{Comparison, Config, Document};

/// `count` made-up lower-case words from a vocabulary of `vocabulary`,
/// all ending in "on" so that they share trigrams as real inflected words do.
fn words(count: usize, vocabulary: u64, seed: u64) -> String {
    let mut state = seed;
    let mut text = String::with_capacity(count * 8);
    for i in 0..count {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut n = (state >> 33) % vocabulary;
        if i > 0 {
            text.push(' ');
        }
        loop {
            text.push(char::from(b'a' + (n % 20) as u8));
            n /= 20;
            if n == 0 {
                break;
            }
        }
        text.push_str("on");
    }
    text
}

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
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
