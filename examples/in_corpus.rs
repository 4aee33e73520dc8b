//! The annotated stories drawn from the gilets jaunes corpus, scored
//! inside one run of the whole corpus (5,045 articles), as a researcher
//! would run a season of press, next to each story compared alone.
//!
//!     cargo run --release --example in_corpus -- [--top-k N] [--date-window DAYS] [--min-document-links N]
//!
//! Only pairs between a story's annotated articles count: a link to
//! another article of the season is neither right nor wrong here. What
//! changes is what competes with the story's links for each sentence's
//! `AlignConfig::max_links_per_sentence` (`--top-k`).

#[allow(dead_code)] // the other option parsers serve other examples
mod common;
#[path = "../tests/common/stories.rs"]
mod stories;

use std::collections::HashSet;
use std::process::ExitCode;
use std::time::Instant;

use framediff::eval::{AnnotatedSet, score_links};
use framediff::{Comparison, Config, lang::Language};

const CORPUS: &str = "gilets-jaunes-fr/gilets_jaunes_fr.jsonl";

fn main() -> ExitCode {
    common::exit_quietly_on_closed_stdout();
    let mut config = Config {
        language: Some(Language::French),
        ..Config::default()
    };
    config.align.diff_and_framing = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let parsed = match arg.as_str() {
            "--top-k" => common::number("--top-k", args.next())
                .map(|n| config.align.max_links_per_sentence = n),
            "--date-window" => common::number("--date-window", args.next())
                .map(|n| config.align.date_window = Some(n)),
            "--min-document-links" => common::number("--min-document-links", args.next())
                .map(|n| config.align.min_document_links = n),
            "-h" | "--help" => {
                println!(
                    "usage: in_corpus [--top-k N] [--date-window DAYS] [--min-document-links N]"
                );
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument {other:?} (try --help)")),
        };
        if let Err(e) = parsed {
            eprintln!("in_corpus: {e}");
            return ExitCode::FAILURE;
        }
    }
    match run(&config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("in_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(config: &Config) -> framediff::Result<()> {
    let data = std::path::Path::new("../shared/data");
    let documents = framediff::load_jsonl(data.join(CORPUS))?;
    let ids: HashSet<String> = documents.iter().map(|d| d.id.clone()).collect();
    let articles = documents.len();
    let started = Instant::now();
    let corpus = Comparison::new(documents, config)?;
    println!(
        "{articles} articles in one run: {} links in {:.1} s (at most {} per sentence{})\n",
        corpus.alignments.len(),
        started.elapsed().as_secs_f64(),
        config.align.max_links_per_sentence,
        config.align.date_window.map_or(String::new(), |d| format!(
            ", dated {d} day(s) apart at most"
        )) + &match config.align.min_document_links {
            1 => String::new(),
            n => format!(", {n} links a pair of articles at least"),
        }
    );
    println!(
        "{:<14} {:>22} {:>22}",
        "story", "alone: F1 (P / R)", "in the corpus"
    );
    for (name, _) in stories::annotated_stories() {
        let set = AnnotatedSet::load(format!("tests/fixtures/{name}.json"), data)?;
        if !set.documents.iter().all(|d| ids.contains(&d.id)) {
            continue; // a story of another corpus
        }
        let alone = set.score(config)?;
        let inside = score_links(&corpus, &set.gold);
        let cell = |s: &framediff::eval::LinkScores| {
            format!("{:.3} ({:.2} / {:.2})", s.f1, s.precision, s.recall)
        };
        println!("{name:<14} {:>22} {:>22}", cell(&alone), cell(&inside));
    }
    Ok(())
}
