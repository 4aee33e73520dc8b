//! Every annotated story scored inside one run of all the annotated
//! articles (the five seeds and the sixteen stories of `tests/fixtures`,
//! French and English together), next to the story compared alone: what
//! a user gets who puts several stories in one folder.
//!
//!     cargo run --release --example pooled -- [--min-document-links N]
//!
//! Only pairs between a story's annotated articles count in its F1; the
//! links between stories are counted apart, from each story's side.

#[allow(dead_code)] // the other option parsers serve other examples
mod common;
#[path = "../tests/common/stories.rs"]
mod stories;

use std::collections::HashSet;
use std::process::ExitCode;

use framediff::eval::{AnnotatedSet, Gold, LinkScores, predicted_pairs, score_links, score_pairs};
use framediff::{Comparison, Config, lang::Language};

fn main() -> ExitCode {
    common::exit_quietly_on_closed_stdout();
    let mut config = Config::default();
    config.align.diff_and_framing = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let parsed = match arg.as_str() {
            "--min-document-links" => common::number("--min-document-links", args.next())
                .map(|n| config.align.min_document_links = n),
            "-h" | "--help" => {
                println!("usage: pooled [--min-document-links N]");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument {other:?} (try --help)")),
        };
        if let Err(e) = parsed {
            eprintln!("pooled: {e}");
            return ExitCode::FAILURE;
        }
    }
    match run(&config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pooled: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A story: its name, its annotation, and its F1 compared alone.
struct Story {
    name: String,
    gold: Gold,
    alone: LinkScores,
}

fn run(config: &Config) -> framediff::Result<()> {
    let seeds = framediff::load_dir("seeds")?;
    let seeds_config = Config {
        language: Some(Language::French),
        ..config.clone()
    };
    let dev = Gold::load("../shared/gold-dev/seeds-000-002.json")?;
    let mut stories = vec![Story {
        name: "dev".into(),
        alone: score_links(&Comparison::new(seeds.clone(), &seeds_config)?, &dev),
        gold: dev,
    }];
    let mut documents = seeds;
    for (name, _) in stories::annotated_stories() {
        let set = AnnotatedSet::load(format!("tests/fixtures/{name}.json"), "../shared/data")?;
        stories.push(Story {
            name: name.to_string(),
            alone: set.score(config)?,
            gold: set.gold,
        });
        documents.extend(set.documents);
    }
    let articles = documents.len();
    let pool = Comparison::new(documents, config)?;
    let pairs = predicted_pairs(&pool);
    println!(
        "{articles} articles in one run: {} links ({} or more a pair of articles)\n",
        pool.alignments.len(),
        config.align.min_document_links
    );
    println!(
        "{:<14} {:>22} {:>22} {:>16}",
        "story", "alone: F1 (P / R)", "in the pool", "links to others"
    );
    let cell = |s: &LinkScores| format!("{:.3} ({:.2} / {:.2})", s.f1, s.precision, s.recall);
    let (mut alone_sum, mut pooled_sum) = (0.0, 0.0);
    for story in &stories {
        let pooled = score_pairs(&pool.documents, pairs.iter().copied(), &story.gold);
        let own: HashSet<&str> = story.gold.documents().collect();
        let across = pairs
            .iter()
            .filter(|(a, b)| own.contains(a.0) != own.contains(b.0))
            .count();
        println!(
            "{:<14} {:>22} {:>22} {across:>16}",
            story.name,
            cell(&story.alone),
            cell(&pooled)
        );
        if story.name != "dev" {
            alone_sum += story.alone.f1;
            pooled_sum += pooled.f1;
        }
    }
    let n = (stories.len() - 1) as f64;
    println!(
        "mean of the {n} stories but dev: alone {:.3}, in the pool {:.3}",
        alone_sum / n,
        pooled_sum / n
    );
    Ok(())
}
