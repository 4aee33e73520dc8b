//! Scores framediff's alignment against a gold annotation, next to the
//! notebook baseline (TF-IDF cosine over stems, best threshold).
//!
//!     cargo run --release --example evaluate -- [--gold FILE] [--seeds DIR] [--sweep]

#[allow(dead_code)] // the option parsers serve other examples
mod common;

use std::process::ExitCode;

use framediff::eval::{Gold, LinkScores, baseline_tfidf, score_links, score_pairs};
use framediff::{AnalyzedDocument, Comparison, Config, lang::Language};

fn main() -> ExitCode {
    common::exit_quietly_on_closed_stdout();
    let mut gold_path = String::from("../shared/gold-dev/seeds-000-002.json");
    let mut seeds = String::from("seeds");
    let mut sweep = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--gold" => gold_path = args.next().unwrap_or_default(),
            "--seeds" => seeds = args.next().unwrap_or_default(),
            "--sweep" => sweep = true,
            "-h" | "--help" => {
                println!("usage: evaluate [--gold FILE] [--seeds DIR] [--sweep]");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("evaluate: unknown argument {other:?} (try --help)");
                return ExitCode::FAILURE;
            }
        }
    }
    match run(&gold_path, &seeds, sweep) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(gold_path: &str, seeds: &str, sweep: bool) -> framediff::Result<()> {
    let gold = Gold::load(gold_path)?;
    let docs = framediff::load_dir(seeds)?;
    let config = Config {
        language: Some(Language::French),
        ..Config::default()
    };
    let cmp = Comparison::new(docs.clone(), &config)?;
    print_row("framediff (defaults)", &score_links(&cmp, &gold));

    let analyzed: Vec<AnalyzedDocument> = docs
        .into_iter()
        .map(|d| AnalyzedDocument::new(d, Language::French))
        .collect();
    let (threshold, best) = (1..=60)
        .map(|i| i as f32 / 100.0)
        .map(|t| (t, baseline_scores(&analyzed, &gold, t)))
        .max_by(|x, y| x.1.f1.total_cmp(&y.1.f1))
        .expect("non-empty range");
    print_row(
        &format!("TF-IDF cosine (best threshold {threshold:.2})"),
        &best,
    );

    if sweep {
        for t in (9..=45).step_by(3).map(|i| i as f32 / 100.0) {
            let mut config = config.clone();
            config.align.threshold = t;
            let cmp = Comparison::from_analyzed(analyzed.clone(), &config.align);
            print_row(
                &format!("framediff threshold {t:.2}"),
                &score_links(&cmp, &gold),
            );
        }
    }
    Ok(())
}

fn baseline_scores(docs: &[AnalyzedDocument], gold: &Gold, threshold: f32) -> LinkScores {
    let pairs = baseline_tfidf(docs, threshold);
    score_pairs(docs, pairs.iter().map(|&(a, b, _)| (a, b)), gold)
}

fn print_row(name: &str, s: &LinkScores) {
    println!(
        "{name:<40} P {:.3}  R {:.3}  F1 {:.3}  ({} predicted, {} correct, {}/{} gold links)",
        s.precision, s.recall, s.f1, s.predicted, s.correct, s.found, s.gold
    );
}
