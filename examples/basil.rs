//! An English check of the sentence diff on BASIL (Fan et al. 2019): how
//! many of the people's lexical-bias spans, in sentences framediff aligns
//! across outlets, fall inside a difference framediff reports.
//!
//!     cargo run --release --example basil [-- PATH/TO/basil]
//!
//! BASIL states no license: it is read in place from `../shared/data/basil`
//! (or the path given), never copied.

#[allow(dead_code)] // the option parsers serve other examples
mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use framediff::lang::Language;
use framediff::{Comparison, Config, Document};
use serde_json::Value;

/// One article as framediff reads it: its text (the title, then one BASIL
/// sentence per line) and where each BASIL sentence starts.
struct Article {
    document: Document,
    /// Byte offset of each sentence ("title" first, then p0, p1, ...).
    starts: Vec<usize>,
    sentences: Vec<String>,
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn article(path: &Path, id: &str) -> Result<Article, String> {
    let json = read_json(path)?;
    let mut sentences = vec![json["title"].as_str().unwrap_or_default().to_string()];
    for paragraph in json["body-paragraphs"].as_array().into_iter().flatten() {
        for s in paragraph.as_array().into_iter().flatten() {
            sentences.push(s.as_str().unwrap_or_default().replace('\n', " "));
        }
    }
    let mut text = String::new();
    let mut starts = Vec::new();
    for s in &sentences {
        starts.push(text.len());
        text.push_str(s);
        text.push('\n');
    }
    let outlet = json["source"].as_str().unwrap_or("?").to_lowercase();
    Ok(Article {
        document: Document::new(id, text).with_outlet(outlet),
        starts,
        sentences,
    })
}

/// Byte range of a span given in code points inside sentence `s`.
fn byte_span(article: &Article, s: usize, start: usize, end: usize) -> Option<(usize, usize)> {
    let sentence = article.sentences.get(s)?;
    let byte = |cp: usize| {
        sentence
            .char_indices()
            .map(|(b, _)| b)
            .chain([sentence.len()])
            .nth(cp)
    };
    Some((
        article.starts[s] + byte(start)?,
        article.starts[s] + byte(end)?,
    ))
}

#[derive(Default)]
struct Tally {
    lexical: usize,
    in_aligned: usize,
    overlapping: usize,
    inside: usize,
}

fn main() -> ExitCode {
    common::exit_quietly_on_closed_stdout();
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/basil"));
    match run(&root) {
        Ok(t) => {
            println!("BASIL lexical-bias spans: {}", t.lexical);
            println!(
                "  in sentences framediff aligns across outlets: {}",
                t.in_aligned
            );
            println!(
                "  overlapping a reported (non-minor) difference: {} ({:.3})",
                t.overlapping,
                t.overlapping as f64 / t.in_aligned.max(1) as f64
            );
            println!(
                "  wholly inside a reported difference: {} ({:.3})",
                t.inside,
                t.inside as f64 / t.in_aligned.max(1) as f64
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("basil: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(root: &Path) -> Result<Tally, String> {
    let mut triplets: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let years =
        std::fs::read_dir(root.join("articles")).map_err(|e| format!("{}: {e}", root.display()))?;
    for year in years.flatten() {
        for file in std::fs::read_dir(year.path())
            .map_err(|e| e.to_string())?
            .flatten()
        {
            let path = file.path();
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            if let Some((triplet, _)) = stem.rsplit_once('_') {
                triplets.entry(triplet.to_string()).or_default().push(path);
            }
        }
    }
    let config = Config {
        language: Some(Language::English),
        ..Config::default()
    };
    let mut tally = Tally::default();
    for paths in triplets.values_mut() {
        paths.sort();
        let mut articles = Vec::new();
        for path in paths.iter() {
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            articles.push((article(path, id)?, path.clone()));
        }
        let comparison = Comparison::new(
            articles.iter().map(|(a, _)| a.document.clone()).collect(),
            &config,
        )
        .map_err(|e| e.to_string())?;
        for (article, path) in &articles {
            let year = path
                .parent()
                .and_then(|p| p.file_name())
                .unwrap_or_default();
            let name = format!("{}_ann.json", article.document.id);
            let annotations = read_json(&root.join("annotations").join(year).join(name))?;
            let spans = annotations["phrase-level-annotations"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            for span in spans.iter().filter(|s| s["bias"] == "lex") {
                tally.lexical += 1;
                let s = match span["id"].as_str() {
                    Some("title") => 0,
                    Some(p) => p
                        .trim_start_matches('p')
                        .parse::<usize>()
                        .map_or(usize::MAX, |n| n + 1),
                    None => continue,
                };
                let (Some(start), Some(end)) = (span["start"].as_u64(), span["end"].as_u64())
                else {
                    continue;
                };
                let Some((start, end)) = byte_span(article, s, start as usize, end as usize) else {
                    continue;
                };
                judge(&comparison, &article.document.id, (start, end), &mut tally);
            }
        }
    }
    Ok(tally)
}

/// Whether the span's sentence is aligned, and whether a difference on its
/// side of one of those alignments overlaps or holds it.
fn judge(comparison: &Comparison, doc: &str, (start, end): (usize, usize), tally: &mut Tally) {
    let Some(document) = comparison.document(doc) else {
        return;
    };
    let sentences: Vec<usize> = document
        .sentences
        .iter()
        .filter(|s| s.sentence.start < end && start < s.sentence.end)
        .map(|s| s.sentence.index)
        .collect();
    let mut aligned = false;
    let (mut overlapping, mut inside) = (false, false);
    for link in &comparison.alignments {
        for (side, this_is_a) in [(&link.a, true), (&link.b, false)] {
            if side.doc != doc || !side.sentences.iter().any(|s| sentences.contains(s)) {
                continue;
            }
            aligned = true;
            for d in link.differences.iter().filter(|d| !d.minor) {
                let Some((s, e)) = (if this_is_a { d.a_span } else { d.b_span }) else {
                    continue;
                };
                overlapping |= s < end && start < e;
                inside |= s <= start && end <= e;
            }
        }
    }
    tally.in_aligned += usize::from(aligned);
    tally.overlapping += usize::from(overlapping);
    tally.inside += usize::from(inside);
}
