//! Fits the link model (`framediff::align::LinkModel`) on the project's
//! annotated stories and prints its weights as the Rust constants of
//! `src/align/model.rs`.
//!
//!     cargo run --release --example fit_link_model -- [--leave-one-out]
//!
//! The pairs are every pair of sentences of one story's articles that
//! passes the claim guard and scores at least the model's floor; a pair is
//! right when the annotation links the two sentences. The dev gold and the
//! other two seeds (their articles are the dev gold's) stay out of the
//! fit. `--leave-one-out` then scores each annotated set with a model
//! fitted on the others (the dev gold with the model fitted on all), as
//! `evaluate` scores it, beside the score's threshold alone.

#[path = "../tests/common/stories.rs"]
mod stories;

use std::process::ExitCode;

use framediff::align::{AlignConfig, LinkModel, PairEvidence};
use framediff::eval::{AnnotatedSet, Gold, fit_link_model, link_errors, score_links};
use framediff::{Comparison, Config, lang::Language};

fn main() -> ExitCode {
    let mut leave_one_out = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--leave-one-out" => leave_one_out = true,
            "-h" | "--help" => {
                println!("usage: fit_link_model [--leave-one-out]");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("fit_link_model: unknown argument {other:?} (try --help)");
                return ExitCode::FAILURE;
            }
        }
    }
    match run(leave_one_out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fit_link_model: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A pair of sentences of one set, with its evidence and whether the
/// annotation links it.
type Labelled = (PairEvidence, bool);

fn run(leave_one_out: bool) -> framediff::Result<()> {
    let data = std::path::Path::new("../shared/data");
    let sets: Vec<(&str, AnnotatedSet)> = stories::annotated_stories()
        .map(|(name, _)| {
            Ok((
                name,
                AnnotatedSet::load(format!("tests/fixtures/{name}.json"), data)?,
            ))
        })
        .collect::<framediff::Result<_>>()?;
    let defaults = LinkModel::default();
    let pairs: Vec<Vec<Labelled>> = sets
        .iter()
        .map(|(_, set)| labelled_pairs(set, defaults.floor))
        .collect::<framediff::Result<_>>()?;
    let all: Vec<Labelled> = pairs.iter().flatten().copied().collect();
    let fit = |pairs: &[Labelled]| {
        fit_link_model(pairs, defaults.floor, defaults.min_probability).ok_or_else(|| {
            framediff::Error::InvalidConfig {
                field: "link_model",
                reason: "the annotated pairs hold no right or no wrong pair to fit on".into(),
            }
        })
    };
    let model = fit(&all)?;
    println!(
        "{} pairs from {} sets, {} of them right",
        all.len(),
        sets.len(),
        all.iter().filter(|(_, right)| *right).count()
    );
    println!("const FITTED_BIAS: f32 = {:?};", model.bias);
    println!("const FITTED_WEIGHTS: [f32; 8] = {:?};", model.weights);
    if !leave_one_out {
        return Ok(());
    }
    println!("\nlink F1, each set scored with a model fitted on the other sets");
    println!("{:<16} {:>10} {:>10}", "set", "model", "threshold");
    let threshold_only = Config {
        align: AlignConfig {
            link_model: None,
            ..AlignConfig::default()
        },
        ..Config::default()
    };
    let with = |model: LinkModel| Config {
        align: AlignConfig {
            link_model: Some(model),
            ..AlignConfig::default()
        },
        ..Config::default()
    };
    let (dev_model, dev_threshold) = dev_gold_f1(&with(model), &threshold_only)?;
    println!("{:<16} {dev_model:>10.3} {dev_threshold:>10.3}", "dev gold");
    let mut sums = (dev_model, dev_threshold);
    for (i, (name, set)) in sets.iter().enumerate() {
        let others: Vec<Labelled> = pairs
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .flat_map(|(_, p)| p.iter().copied())
            .collect();
        let ours = set.score(&with(fit(&others)?))?.f1;
        let threshold = set.score(&threshold_only)?.f1;
        println!("{name:<16} {ours:>10.3} {threshold:>10.3}");
        sums.0 += ours;
        sums.1 += threshold;
    }
    let n = (sets.len() + 1) as f64;
    println!("{:<16} {:>10.3} {:>10.3}", "mean", sums.0 / n, sums.1 / n);
    Ok(())
}

/// Every pair of `set` from `floor` up that passes the claim guard, as the
/// model's first pass sees them, labelled by the annotation.
fn labelled_pairs(set: &AnnotatedSet, floor: f32) -> framediff::Result<Vec<Labelled>> {
    let all_pairs = Config {
        align: AlignConfig {
            link_model: None,
            threshold: floor,
            corroborated_threshold: floor,
            phrase_threshold: floor,
            split_gain: 1.0,
            max_links_per_document: usize::MAX,
            max_links_per_sentence: usize::MAX,
            diff_and_framing: false,
            ..AlignConfig::default()
        },
        ..Config::default()
    };
    let mut labelled = Vec::new();
    for comparison in set.compare(&all_pairs)? {
        for link in &comparison.alignments {
            let pair = (
                (link.a.doc.as_str(), link.a.sentences[0]),
                (link.b.doc.as_str(), link.b.sentences[0]),
            );
            let errors = link_errors(&comparison.documents, [pair], &set.gold);
            if errors.predicted > 0 {
                labelled.push((link.evidence, errors.wrong.is_empty()));
            }
        }
    }
    Ok(labelled)
}

/// Link F1 on the dev gold (the five seeds, read as French) under two
/// configurations.
fn dev_gold_f1(first: &Config, second: &Config) -> framediff::Result<(f64, f64)> {
    let gold = Gold::load("../shared/gold-dev/seeds-000-002.json")?;
    let docs = framediff::load_dir("seeds")?;
    let f1 = |config: &Config| -> framediff::Result<f64> {
        let config = Config {
            language: Some(Language::French),
            ..config.clone()
        };
        Ok(score_links(&Comparison::new(docs.clone(), &config)?, &gold).f1)
    };
    Ok((f1(first)?, f1(second)?))
}
