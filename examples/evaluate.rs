//! Scores framediff's alignment against a gold annotation, next to the
//! notebook baseline (TF-IDF cosine over stems, best threshold).
//!
//!     cargo run --release --example evaluate -- [--gold FILE] [--seeds DIR] [--sweep] [--errors]
//!
//! `--errors` lists, for every set, the links framediff reported that the
//! gold does not have (with their score and matched terms) and the gold
//! links it missed.

#[allow(dead_code)] // the option parsers serve other examples
mod common;
#[path = "../tests/common/stories.rs"]
mod stories;

use std::process::ExitCode;

use framediff::eval::{
    AnnotatedSet, BaselineSweep, Gold, LinkScores, RelationAgreement, SentenceKey, baseline_tfidf,
    baseline_thresholds, best_common_threshold, best_threshold, link_errors, pairs_touching,
    predicted_pairs, relation_agreement, score_added, score_links, score_pairs, sweep_baseline,
};
use framediff::{AnalyzedDocument, Comparison, Config, lang::Language};

fn main() -> ExitCode {
    common::exit_quietly_on_closed_stdout();
    let mut gold_path = String::from("../shared/gold-dev/seeds-000-002.json");
    let mut seeds = String::from("seeds");
    let mut sweep = false;
    let mut errors = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--gold" => gold_path = args.next().unwrap_or_default(),
            "--seeds" => seeds = args.next().unwrap_or_default(),
            "--sweep" => sweep = true,
            "--errors" => errors = true,
            "-h" | "--help" => {
                println!("usage: evaluate [--gold FILE] [--seeds DIR] [--sweep] [--errors]");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("evaluate: unknown argument {other:?} (try --help)");
                return ExitCode::FAILURE;
            }
        }
    }
    match run(&gold_path, &seeds, sweep, errors) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(gold_path: &str, seeds: &str, sweep: bool, errors: bool) -> framediff::Result<()> {
    let gold = Gold::load(gold_path)?;
    let docs = framediff::load_dir(seeds)?;
    let config = Config {
        language: Some(Language::French),
        ..Config::default()
    };
    let cmp = Comparison::new(docs.clone(), &config)?;
    let mut summary = Summary::default();
    let ours = score_links(&cmp, &gold);
    print_row("framediff (defaults)", &ours);
    print_relations(&relation_agreement(&cmp, &gold));
    if errors {
        print_errors(std::slice::from_ref(&cmp), predicted_pairs(&cmp), &gold);
    }

    let analyzed: Vec<AnalyzedDocument> = docs
        .into_iter()
        .map(|d| AnalyzedDocument::new(d, Language::French))
        .collect();
    let lowest = baseline_thresholds().next().unwrap_or_default();
    let pairs = baseline_tfidf(&analyzed, lowest);
    let baseline = sweep_baseline(&pairs, |kept| {
        score_pairs(&analyzed, kept.iter().copied(), &gold)
    });
    summary.add("dev gold", ours.f1, baseline);

    // The project's annotation of the two seeds the dev gold leaves out.
    let second = std::path::Path::new("tests/fixtures/seeds-003-004.json");
    let dev_gold = gold_path == "../shared/gold-dev/seeds-000-002.json";
    if seeds == "seeds" && dev_gold && second.exists() {
        let added = Gold::load(second)?;
        println!("\nlinks of seeds 003 and 004 (the project's own annotation, one annotator):");
        let ours = score_added(&cmp.documents, predicted_pairs(&cmp), &gold, &added);
        print_row("framediff (defaults)", &ours);
        let framediff_f1 = ours.f1;
        if errors {
            let touching = pairs_touching(predicted_pairs(&cmp), &added);
            print_errors(
                std::slice::from_ref(&cmp),
                touching,
                &gold.with_added(&added),
            );
        }
        let baseline = sweep_baseline(&pairs, |kept| {
            score_added(&analyzed, kept.iter().copied(), &gold, &added)
        });
        summary.add("seeds 003/004", framediff_f1, baseline);
    }

    // Two more stories, annotated by the project: their articles are read
    // in place in ../shared/data.
    let data = std::path::Path::new("../shared/data");
    if seeds == "seeds" && dev_gold && data.is_dir() {
        for (name, about) in stories::annotated_stories() {
            let set = AnnotatedSet::load(format!("tests/fixtures/{name}.json"), data)?;
            println!("\n{about} (the project's own annotation, one annotator):");
            let comparisons = set.compare(&Config::default())?;
            let ours = set.score_comparisons(&comparisons);
            print_row("framediff (defaults)", &ours);
            let mut relations = RelationAgreement::default();
            for comparison in &comparisons {
                relations += relation_agreement(comparison, &set.gold);
            }
            print_relations(&relations);
            if errors {
                let pairs = comparisons.iter().flat_map(predicted_pairs).collect();
                print_errors(&comparisons, pairs, &set.gold);
            }
            summary.add(name, ours.f1, set.baseline_sweep());
        }
    }
    summary.print();

    if sweep {
        for t in (9..=45).step_by(3).map(|i| i as f32 / 100.0) {
            // The score alone decides: with the link model on, the
            // threshold only tops the corroborated and quoted links' range.
            let mut config = config.clone();
            config.align.threshold = t;
            config.align.link_model = None;
            let cmp = Comparison::from_analyzed(analyzed.clone(), &config.align);
            print_row(
                &format!("framediff threshold {t:.2}"),
                &score_links(&cmp, &gold),
            );
        }
    }
    Ok(())
}

/// framediff's F1 on each set beside the baseline's at every threshold.
#[derive(Default)]
struct Summary {
    sets: Vec<(String, f64, BaselineSweep)>,
}

impl Summary {
    /// Records a set, and prints the baseline tuned on its answers below
    /// framediff's line.
    fn add(&mut self, name: &str, framediff_f1: f64, sweep: BaselineSweep) {
        let (threshold, best) = best_threshold(&sweep);
        print_row(
            &format!("TF-IDF cosine (best threshold {threshold:.2})"),
            &best,
        );
        self.sets.push((name.to_string(), framediff_f1, sweep));
    }

    /// One line per set: framediff, the baseline tuned on that set's
    /// answers, and the baseline at the one threshold best over all sets.
    fn print(&self) {
        let sweeps: Vec<BaselineSweep> = self.sets.iter().map(|(_, _, s)| s.clone()).collect();
        let Some((common, _)) = best_common_threshold(&sweeps) else {
            return;
        };
        println!(
            "\nlink F1 by set: framediff at its defaults; the baseline with its threshold \
             tuned on each set's answers, and at the one threshold ({common:.2}) best on \
             average over all the sets"
        );
        println!(
            "{:<16} {:>9} {:>15} {:>15}",
            "set", "framediff", "tuned per set", "one threshold"
        );
        let mut sums = [0.0; 3];
        for (name, ours, sweep) in &self.sets {
            let (threshold, tuned) = best_threshold(sweep);
            let at_common = sweep
                .iter()
                .find(|(t, _)| *t == common)
                .map_or(0.0, |(_, s)| s.f1);
            println!(
                "{name:<16} {ours:>9.3} {:>8.3} ({threshold:.2}) {at_common:>15.3}",
                tuned.f1
            );
            for (sum, x) in sums.iter_mut().zip([*ours, tuned.f1, at_common]) {
                *sum += x;
            }
        }
        let n = self.sets.len() as f64;
        println!(
            "{:<16} {:>9.3} {:>15.3} {:>15.3}",
            "mean",
            sums[0] / n,
            sums[1] / n,
            sums[2] / n
        );
    }
}

/// How often the relation of a found link is the gold's.
fn print_relations(t: &RelationAgreement) {
    println!(
        "  relation of the links found: {:.2} as the gold's; 'same' P {:.2} R {:.2} \
         (gold same: {} same, {} partial; gold partial: {} same, {} partial)",
        t.accuracy(),
        t.same_precision(),
        t.same_recall(),
        t.same_as_same,
        t.same_as_partial,
        t.partial_as_same,
        t.partial_as_partial
    );
}

fn print_row(name: &str, s: &LinkScores) {
    println!(
        "{name:<40} P {:.3}  R {:.3}  F1 {:.3}  ({} predicted, {} correct, {}/{} gold links)",
        s.precision, s.recall, s.f1, s.predicted, s.correct, s.found, s.gold
    );
}

/// The wrong links among `pairs` with what made them, then the missed gold
/// links (one story per comparison).
fn print_errors(comparisons: &[Comparison], pairs: Vec<(SentenceKey, SentenceKey)>, gold: &Gold) {
    let documents: Vec<AnalyzedDocument> = comparisons
        .iter()
        .flat_map(|c| c.documents.iter().cloned())
        .collect();
    let text = |doc: &str, index: usize| {
        comparisons
            .iter()
            .find_map(|c| c.document(doc))
            .and_then(|d| d.sentences.get(index))
            .map_or("?", |s| s.text.as_str())
    };
    let errors = link_errors(&documents, pairs, gold);
    println!(
        "\n{} reported links the gold does not have:",
        errors.wrong.len()
    );
    let alignments = comparisons.iter().flat_map(|c| &c.alignments);
    for ((da, sa), (db, sb)) in &errors.wrong {
        let link = alignments.clone().find(|l| {
            l.a.doc == *da
                && l.a.sentences.contains(sa)
                && l.b.doc == *db
                && l.b.sentences.contains(sb)
        });
        if let Some(l) = link {
            let terms: Vec<String> = l
                .matched_terms
                .iter()
                .map(|t| format!("{}~{} {:.2}", t.a, t.b, t.contribution))
                .collect();
            println!(
                "- {da}:{sa} ~ {db}:{sb}  score {:.3}  [{}]",
                l.score,
                terms.join(", ")
            );
        }
        println!("    {}\n    {}", text(da, *sa), text(db, *sb));
    }
    let gold_text = |id: &str| {
        gold.sentences
            .iter()
            .find(|s| s.id == id)
            .map_or("?", |s| s.text.as_str())
    };
    println!("\n{} gold links missed:", errors.missed.len());
    for link in &errors.missed {
        println!(
            "- {} ~ {} ({})\n    {}\n    {}",
            link.a,
            link.b,
            link.strength,
            gold_text(&link.a),
            gold_text(&link.b)
        );
    }
}
