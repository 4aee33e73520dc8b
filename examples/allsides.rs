//! framediff against the notebook baseline on the AllSides headline
//! triplets (`../shared/data/allsides-neus`): 469 events of 2021, each
//! reported by a left, a centre and a right outlet. No sentence of them was
//! annotated; AllSides' grouping of the articles by event is the gold.
//!
//!     cargo run --release --example allsides -- [--shared DIR] [--errors N]
//!
//! It measures two things:
//! - headlines: in one pool of all 1,407 headlines, how well each score
//!   tells two headlines of one event from two of different events;
//! - a corpus run: all the articles (headline and first paragraphs)
//!   compared in one run, as a researcher would run a season of press;
//!   links between articles of different events are mostly wrong.
//!
//! `--errors N` prints N links between articles of different events,
//! spread over the range of scores, with the terms that made them.

#[path = "../tests/common/allsides.rs"]
mod allsides;
#[allow(dead_code)] // the option parsers serve other examples
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use framediff::{Comparison, Config};

fn main() -> ExitCode {
    common::exit_quietly_on_closed_stdout();
    let mut shared = PathBuf::from("../shared");
    let mut errors = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--shared" => shared = args.next().unwrap_or_default().into(),
            "--errors" => match common::number("--errors", args.next()) {
                Ok(n) => errors = n,
                Err(e) => {
                    eprintln!("allsides: {e}");
                    return ExitCode::FAILURE;
                }
            },
            "-h" | "--help" => {
                println!("usage: allsides [--shared DIR] [--errors N]");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("allsides: unknown argument {other:?} (try --help)");
                return ExitCode::FAILURE;
            }
        }
    }
    let events = match allsides::load(&shared) {
        Ok(events) => events,
        Err(e) => {
            eprintln!("allsides: {e}");
            return ExitCode::FAILURE;
        }
    };
    let config = Config::default();
    headlines(&events, &config);
    corpus(&events, &config, errors);
    ExitCode::SUCCESS
}

fn headlines(events: &[allsides::Event], config: &Config) {
    let m = allsides::headline_measures(events, config);
    println!(
        "Headlines of one event against headlines of other events ({} events, one pool):",
        events.len()
    );
    println!("                           AUC    best F1 (threshold)   top-1");
    for (name, s, top1) in [
        ("framediff pair score", &m.framediff, m.framediff_top1),
        ("TF-IDF cosine (notebook)", &m.baseline, m.baseline_top1),
    ] {
        println!(
            "{name:<26} {:.3}  {:.3} ({:.2})          {top1:.3}",
            s.auc.unwrap_or(f64::NAN),
            s.best_f1,
            s.best_threshold
        );
    }
    println!("(top-1: how often the best-scoring headline of another side is the same event's)\n");
}

fn corpus(events: &[allsides::Event], config: &Config, errors: usize) {
    let comparison = allsides::pooled_comparison(events, config);
    let ours = allsides::PooledLinks::of(&comparison);
    println!(
        "All {} articles compared in one run: links between two articles of one event, and of different events",
        3 * events.len()
    );
    println!(
        "framediff (defaults)      {:>6} within, {:>7} across",
        ours.within, ours.across
    );
    let mut pooled = config.clone();
    pooled.align.min_document_links = 2;
    let shared = allsides::PooledLinks::of(&allsides::pooled_comparison(events, &pooled));
    println!(
        "framediff, 2 links a pair {:>6} within, {:>7} across   (AlignConfig::min_document_links)",
        shared.within, shared.across
    );
    let thresholds: Vec<f32> = (10..=40).map(|t| t as f32 / 100.0).collect();
    let baseline = allsides::pooled_baseline(events, &thresholds);
    for (t, b) in thresholds.iter().zip(&baseline) {
        let near = b.within.abs_diff(ours.within) * 10 < ours.within;
        if *t == 0.12 || near {
            println!(
                "TF-IDF cosine at {t:.2}     {:>6} within, {:>7} across",
                b.within, b.across
            );
        }
    }
    if errors > 0 {
        print_errors(&comparison, errors);
    }
}

fn print_errors(comparison: &Comparison, count: usize) {
    let mut across: Vec<_> = comparison
        .alignments
        .iter()
        .filter(|a| allsides::event_of(&a.a.doc) != allsides::event_of(&a.b.doc))
        .collect();
    across.sort_by(|a, b| b.score.total_cmp(&a.score));
    println!(
        "\n{count} of the {} links across events, from the highest score down:",
        across.len()
    );
    let step = (across.len() / count.max(1)).max(1);
    for a in across.iter().step_by(step).take(count) {
        let text = |side: &framediff::align::Side| {
            comparison
                .document(&side.doc)
                .map(|d| {
                    side.sentences
                        .iter()
                        .map(|&i| d.sentences[i].text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default()
        };
        let terms: Vec<String> = a
            .matched_terms
            .iter()
            .take(6)
            .map(|m| format!("{}~{} {:.2}", m.a, m.b, m.contribution))
            .collect();
        println!(
            "- {} ~ {}  score {:.3}  [{}]",
            a.a.doc,
            a.b.doc,
            a.score,
            terms.join(", ")
        );
        println!("    {}\n    {}", text(&a.a), text(&a.b));
    }
}
