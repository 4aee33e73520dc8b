//! Graded similarity on the STS Benchmark (French and English test
//! splits): the Spearman correlation of framediff's pair score with the
//! people's scores, next to the notebook's TF-IDF cosine. The floors are
//! the levels reached. Print the figures with
//! `cargo test --release --test sts -- --nocapture`.

mod common;

use std::path::Path;

use framediff::eval::{baseline_pair_scores, pair_scores, spearman};
use framediff::lang::Language;

/// Spearman reached on the test splits when last raised.
const FLOORS: [(Language, &str, f64); 2] = [
    (Language::French, "fr", 0.69),
    (Language::English, "en", 0.69),
];

fn read(path: &Path) -> (Vec<(String, String)>, Vec<f64>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut pairs, mut gold) = (Vec::new(), Vec::new());
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        gold.push(record[2].trim().parse().expect("a numeric score"));
        pairs.push((record[0].to_string(), record[1].to_string()));
    }
    (pairs, gold)
}

#[test]
fn stsb_spearman_stays_above_floor_and_baseline() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    for (language, code, floor) in FLOORS {
        for split in ["dev", "test"] {
            let (pairs, gold) =
                read(&shared.join(format!("data/stsb-fr-en/stsb-{code}-{split}.csv")));
            let ours: Vec<f64> = pair_scores(&pairs, language, &Default::default())
                .into_iter()
                .map(f64::from)
                .collect();
            let baseline: Vec<f64> = baseline_pair_scores(&pairs, language)
                .into_iter()
                .map(f64::from)
                .collect();
            let (ours, baseline) = (spearman(&ours, &gold), spearman(&baseline, &gold));
            println!(
                "STS-B {code} {split}: framediff {ours:.3}, TF-IDF cosine {baseline:.3} ({} pairs)",
                pairs.len()
            );
            if split == "test" {
                assert!(
                    ours >= floor,
                    "{code}: Spearman {ours:.3} fell below {floor}"
                );
            }
        }
    }
}
/// The link threshold should sit where STS-B's "shares some details"
/// (2) to "roughly equivalent" (2.5) pairs are best told apart: the best
/// cut for each, on the dev splits, brackets the default.
#[test]
fn default_threshold_separates_pairs_that_share_details() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let threshold = framediff::align::AlignConfig::default().threshold;
    for (language, code, _) in FLOORS {
        let (pairs, gold) = read(&shared.join(format!("data/stsb-fr-en/stsb-{code}-dev.csv")));
        let ours = pair_scores(&pairs, language, &Default::default());
        let cuts: Vec<f32> = [2.0, 2.5]
            .into_iter()
            .map(|level| best_cut(&ours, &gold, level))
            .collect();
        println!(
            "STS-B {code} dev: best score cut for human >= 2: {:.2}, >= 2.5: {:.2}",
            cuts[0], cuts[1]
        );
        assert!(
            (cuts[0]..=cuts[1]).contains(&threshold),
            "{code}: default threshold {threshold} outside [{:.2}, {:.2}]",
            cuts[0],
            cuts[1]
        );
    }
}

/// The score threshold that best separates pairs people scored at or above
/// `level` from the rest (by F1).
fn best_cut(scores: &[f32], gold: &[f64], level: f64) -> f32 {
    let f1 = |t: f32| {
        let (mut tp, mut fp, mut missed) = (0, 0, 0);
        for (&s, &g) in scores.iter().zip(gold) {
            match (s >= t, g >= level) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => missed += 1,
                (false, false) => {}
            }
        }
        2.0 * tp as f64 / (2 * tp + fp + missed).max(1) as f64
    };
    (1..100)
        .map(|i| i as f32 / 100.0)
        .max_by(|&a, &b| f1(a).total_cmp(&f1(b)).then(b.total_cmp(&a)))
        .unwrap_or(0.0)
}
