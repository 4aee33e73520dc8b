//! Wording differences against the development gold (seeds 000-002): for
//! each gold linked pair, framediff's diff of the two sentences must report
//! a difference whose spans overlap both gold terms, with the gold's
//! category (`other_paraphrase` is `other`). The floors are the levels
//! reached: quality may only go up. See the figures with
//! `cargo test --release --test gold_substitutions -- --nocapture`.

mod common;

use std::collections::BTreeMap;

use framediff::diff::{Differ, Difference};
use framediff::eval::{Gold, GoldSentence, GoldSubstitution};
use framediff::{AnalyzedSentence, Comparison, Config, lang::Language};

/// Share of the actor-label, hedging, attribution and spelling-variant
/// substitutions found, and of those found with the right category
/// (0.881 and 0.847 when last set: 52 and 50 of 59; the right category
/// was 0.881 before phrases paired by place alone were left unpaired).
const KEY_FOUND_FLOOR: f64 = 0.88;
const KEY_RIGHT_FLOOR: f64 = 0.84;
/// The same over all gold substitutions (0.798 and 0.747 when last set,
/// once the concepts `eliminate` and `punish` anchored two paraphrases).
/// Lowered from 0.81 and 0.77 when phrases paired by their place alone
/// stopped being substitutions: five gold ones were found only that way
/// ("Divers" / "L'alliance de diverses organisations"), against 88 such
/// pairs that named none (see [`PRECISION_FLOOR`]).
const ALL_FOUND_FLOOR: f64 = 0.79;
const ALL_RIGHT_FLOOR: f64 = 0.74;
/// The share of framediff's substitutions on the gold's linked pairs that
/// cover a gold substitution (0.428 when last set: 89 of 208; 0.435, 93
/// of 214, while two differences could show the same words, and four
/// right ones, sources and names shown twice around one shared word,
/// counted twice; 0.310 when phrases paired by place alone were
/// substitutions). The annotation is not exhaustive, so this is a floor
/// of the true precision.
const PRECISION_FLOOR: f64 = 0.425;

const KEY_CATEGORIES: [&str; 4] = ["actor_label", "hedging", "attribution", "spelling_variant"];

/// The byte span of a gold term in its document.
fn term_span(sentence: &GoldSentence, term: &str) -> (usize, usize) {
    let at = sentence
        .text
        .find(term)
        .unwrap_or_else(|| panic!("{term:?} is not in {:?}", sentence.text));
    (sentence.start + at, sentence.start + at + term.len())
}

fn overlaps(x: Option<(usize, usize)>, (start, end): (usize, usize)) -> bool {
    x.is_some_and(|(s, e)| s < end && start < e)
}

/// framediff's sentence holding a gold term.
fn sentence_at<'c>(cmp: &'c Comparison, doc: &str, span: (usize, usize)) -> &'c AnalyzedSentence {
    let document = cmp
        .documents
        .iter()
        .find(|d| d.document.id == doc || d.document.id.starts_with(&format!("{doc}_")))
        .unwrap_or_else(|| panic!("no document {doc}"));
    document
        .sentences
        .iter()
        .find(|s| overlaps(Some((s.sentence.start, s.sentence.end)), span))
        .unwrap_or_else(|| panic!("no sentence at {span:?} in {doc}"))
}

#[derive(Default, Debug)]
struct Tally {
    total: usize,
    found: usize,
    right: usize,
}

impl Tally {
    fn add(&mut self, found: bool, right: bool) {
        self.total += 1;
        self.found += usize::from(found);
        self.right += usize::from(right);
    }
    fn found(&self) -> f64 {
        self.found as f64 / self.total.max(1) as f64
    }
    fn right(&self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }
}

/// Whether one of `differences` covers the gold substitution, and with the
/// right category.
fn judge(
    differences: &[Difference],
    a: (usize, usize),
    b: (usize, usize),
    gold: &str,
) -> (bool, bool) {
    let gold = if gold == "other_paraphrase" {
        "other"
    } else {
        gold
    };
    let covering: Vec<&Difference> = differences
        .iter()
        .filter(|d| overlaps(d.a_span, a) && overlaps(d.b_span, b))
        .collect();
    let right = covering.iter().any(|d| d.category.name() == gold);
    (!covering.is_empty(), right)
}

/// The dev gold, framediff's comparison of the seeds it annotates, and a
/// differ for them; `None` (with a notice) without `../shared`.
struct Dev {
    gold: Gold,
    cmp: Comparison,
    differ: Differ,
}

impl Dev {
    fn load() -> Option<Dev> {
        let shared = common::shared_dir()?;
        let gold = Gold::load(shared.join("gold-dev/seeds-000-002.json")).expect("dev gold");
        let documents = framediff::load_dir(shared.join("seeds")).expect("seeds");
        let config = Config {
            language: Some(Language::French),
            ..Config::default()
        };
        let cmp = Comparison::new(documents, &config).expect("comparison");
        let differ = Differ::for_documents(&cmp.documents);
        Some(Dev { gold, cmp, differ })
    }
}

#[test]
fn dev_gold_substitutions_are_found_and_named() {
    let Some(Dev { gold, cmp, differ }) = Dev::load() else {
        return;
    };
    let sentences: BTreeMap<&str, &GoldSentence> =
        gold.sentences.iter().map(|s| (s.id.as_str(), s)).collect();

    let mut by_category: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut key, mut all) = (Tally::default(), Tally::default());
    for GoldSubstitution {
        a,
        b,
        a_term,
        b_term,
        category,
    } in &gold.substitutions
    {
        let (ga, gb) = (sentences[a.as_str()], sentences[b.as_str()]);
        let (span_a, span_b) = (term_span(ga, a_term), term_span(gb, b_term));
        let sa = sentence_at(&cmp, &ga.doc, span_a);
        let sb = sentence_at(&cmp, &gb.doc, span_b);
        let diff = differ.diff(sa, sb);
        let (found, right) = judge(&diff.differences, span_a, span_b, category);
        if !right {
            let near: Vec<String> = diff
                .differences
                .iter()
                .filter(|d| overlaps(d.a_span, span_a) || overlaps(d.b_span, span_b))
                .map(|d| format!("[{:?}→{:?} {}]", d.a, d.b, d.category))
                .collect();
            println!(
                "{} {category}: {a_term:?} / {b_term:?}  ({a} {b}) near: {}",
                if found { "WRONG" } else { "MISS " },
                near.join(" ")
            );
        }
        by_category
            .entry(category.clone())
            .or_default()
            .add(found, right);
        all.add(found, right);
        if KEY_CATEGORIES.contains(&category.as_str()) {
            key.add(found, right);
        }
    }
    for (category, t) in &by_category {
        println!(
            "{category:<17} {:>3} gold  found {:.3}  right category {:.3}",
            t.total,
            t.found(),
            t.right()
        );
    }
    println!(
        "key categories    {:>3} gold  found {:.3}  right category {:.3}",
        key.total,
        key.found(),
        key.right()
    );
    println!(
        "all               {:>3} gold  found {:.3}  right category {:.3}",
        all.total,
        all.found(),
        all.right()
    );
    assert!(
        key.found() >= KEY_FOUND_FLOOR,
        "key found {:.3}",
        key.found()
    );
    assert!(
        key.right() >= KEY_RIGHT_FLOOR,
        "key right {:.3}",
        key.right()
    );
    assert!(
        all.found() >= ALL_FOUND_FLOOR,
        "all found {:.3}",
        all.found()
    );
    assert!(
        all.right() >= ALL_RIGHT_FLOOR,
        "all right {:.3}",
        all.right()
    );
}

#[test]
fn substitutions_on_linked_pairs_name_gold_ones() {
    let Some(Dev { gold, cmp, differ }) = Dev::load() else {
        return;
    };
    let sentences: BTreeMap<&str, &GoldSentence> =
        gold.sentences.iter().map(|s| (s.id.as_str(), s)).collect();
    let (mut reported, mut named) = (0usize, 0usize);
    for link in &gold.links {
        let (ga, gb) = (sentences[link.a.as_str()], sentences[link.b.as_str()]);
        let sa = sentence_at(&cmp, &ga.doc, (ga.start, ga.end));
        let sb = sentence_at(&cmp, &gb.doc, (gb.start, gb.end));
        // The gold's substitutions of this pair, as (span in a, span in b).
        let terms: Vec<((usize, usize), (usize, usize))> = gold
            .substitutions
            .iter()
            .filter_map(|s| {
                if (s.a.as_str(), s.b.as_str()) == (link.a.as_str(), link.b.as_str()) {
                    Some((term_span(ga, &s.a_term), term_span(gb, &s.b_term)))
                } else if (s.a.as_str(), s.b.as_str()) == (link.b.as_str(), link.a.as_str()) {
                    Some((term_span(ga, &s.b_term), term_span(gb, &s.a_term)))
                } else {
                    None
                }
            })
            .collect();
        for d in differ
            .diff(sa, sb)
            .differences
            .iter()
            .filter(|d| d.kind == framediff::diff::DifferenceKind::Substitution && !d.minor)
        {
            reported += 1;
            named += usize::from(
                terms
                    .iter()
                    .any(|&(a, b)| overlaps(d.a_span, a) && overlaps(d.b_span, b)),
            );
        }
    }
    let precision = named as f64 / reported.max(1) as f64;
    println!(
        "substitutions on linked pairs: {named} of {reported} name a gold one ({precision:.3})"
    );
    assert!(precision >= PRECISION_FLOOR, "precision {precision:.3}");
}
