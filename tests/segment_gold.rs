//! Segmentation of seeds 000-002 against the development gold
//! (`../shared/gold-dev/seeds-000-002.json`, scored as its README says):
//! boundary F1 on the ends of body and title sentences, where an end inside
//! a gold boilerplate sentence counts neither way, and the kind of every
//! gold sentence.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use framediff::lang::Language;
use framediff::segment::{Segmenter, Sentence, SentenceKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    docs: BTreeMap<String, GoldDoc>,
    sentences: Vec<GoldSentence>,
}

#[derive(Deserialize)]
struct GoldDoc {
    file: String,
    bytes: usize,
}

#[derive(Deserialize)]
struct GoldSentence {
    id: String,
    doc: String,
    start: usize,
    end: usize,
    kind: SentenceKind,
    text: String,
}

#[test]
fn seeds_match_the_development_gold() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let gold_path = shared.join("gold-dev/seeds-000-002.json");
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let segmenter = Segmenter::new(Language::French);

    let (mut true_pos, mut predicted_count, mut gold_count) = (0, 0, 0);
    let mut exact = 0;
    let mut problems = Vec::new();
    for (id, doc) in &gold.docs {
        let text = std::fs::read_to_string(seeds.join(&doc.file)).unwrap();
        assert_eq!(
            text.len(),
            doc.bytes,
            "seeds/{} differs from the gold's copy",
            doc.file
        );
        let predicted = segmenter.segment(&text);
        let gold_sentences: Vec<&GoldSentence> =
            gold.sentences.iter().filter(|s| &s.doc == id).collect();

        let in_boilerplate = |end: usize| {
            gold_sentences
                .iter()
                .any(|g| g.kind == SentenceKind::Boilerplate && g.start < end && end <= g.end)
        };
        let content_ends = |ends: &mut dyn Iterator<Item = (usize, SentenceKind)>| {
            ends.filter(|&(end, kind)| kind.is_content() && !in_boilerplate(end))
                .map(|(end, _)| end)
                .collect::<BTreeSet<usize>>()
        };
        let gold_ends = content_ends(&mut gold_sentences.iter().map(|g| (g.end, g.kind)));
        let predicted_ends = content_ends(&mut predicted.iter().map(|s| (s.end, s.kind)));
        true_pos += gold_ends.intersection(&predicted_ends).count();
        gold_count += gold_ends.len();
        predicted_count += predicted_ends.len();

        for g in &gold_sentences {
            assert_eq!(
                &text[g.start..g.end],
                g.text,
                "gold {} is off its text",
                g.id
            );
            let overlapping: Vec<&Sentence> = predicted
                .iter()
                .filter(|s| s.start < g.end && g.start < s.end)
                .collect();
            match overlapping.as_slice() {
                [s] if (s.start, s.end) == (g.start, g.end) && s.kind == g.kind => exact += 1,
                _ => problems.push(format!(
                    "{} ({:?}) {:?}\n  predicted {:?}",
                    g.id,
                    g.kind,
                    g.text,
                    overlapping
                        .iter()
                        .map(|s| (s.kind, s.text(&text)))
                        .collect::<Vec<_>>()
                )),
            }
        }
    }
    let precision = true_pos as f64 / predicted_count as f64;
    let recall = true_pos as f64 / gold_count as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    println!(
        "boundary P {precision:.3} R {recall:.3} F1 {f1:.3}; {exact}/{} gold sentences exact",
        gold.sentences.len()
    );
    assert!(
        problems.is_empty(),
        "sentences off the gold:\n{}",
        problems.join("\n")
    );
    assert_eq!(f1, 1.0);
}
