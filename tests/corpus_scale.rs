//! Corpus alignment: the same result whatever the number of threads, and
//! the corpus filters (outlets, date window, top-k) do what they say.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::collections::{HashMap, HashSet};

use framediff::align::AlignConfig;
use framediff::{Comparison, Config, lang::Language};

fn config(align: AlignConfig) -> Config {
    Config {
        language: Some(Language::French),
        align,
    }
}

fn compare_on(threads: usize, docs: Vec<framediff::Document>, config: &Config) -> String {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    let cmp = pool.install(|| Comparison::new(docs, config).expect("comparison"));
    serde_json::to_string(&cmp).expect("serialises")
}

#[test]
fn one_thread_and_three_give_the_same_json() {
    // 120 articles: past 1,000 sentences, so the common-term cap and the
    // bound on common terms are in play.
    let docs = synthetic::corpus(120, 7, 1);
    let config = config(AlignConfig::default());
    let (_, stats) = Comparison::from_analyzed_with_stats(
        framediff::AnalyzedDocument::analyze_all(docs.clone(), Some(Language::French)),
        &config.align,
    );
    assert!(stats.sentences >= 1_000, "{} sentences", stats.sentences);
    assert!(stats.alignments > 0);
    let one = compare_on(1, docs.clone(), &config);
    let three = compare_on(3, docs, &config);
    assert!(one == three, "thread count changed the comparison");
}

#[test]
fn the_bound_only_skips_pairs_that_would_fail() {
    // Lifting the bound's effect is not possible from outside; instead the
    // scored pairs must be far fewer than the candidates while every kept
    // link still passes the link model (the first pass), or clears the
    // corroborated threshold with a third document's sentence linked to
    // both its sentences by the first pass or a quote shared word for
    // word, or the phrase threshold with a phrase shared by two articles
    // of one story.
    let docs = synthetic::corpus(80, 5, 2);
    let analyzed = framediff::AnalyzedDocument::analyze_all(docs, Some(Language::French));
    let (cmp, stats) = Comparison::from_analyzed_with_stats(analyzed, &AlignConfig::default());
    assert!(stats.scored_pairs < stats.candidate_pairs);
    assert!(stats.alignments <= stats.scored_pairs);
    let config = AlignConfig::default();
    let model = config.link_model.expect("a link model by default");
    let first_pass = |a: &framediff::align::Alignment| model.links(&a.evidence);
    let strong: HashSet<(&str, usize, &str, usize)> = cmp
        .alignments
        .iter()
        .filter(|a| first_pass(a))
        .flat_map(|a| {
            let (x, y) = (
                (a.a.doc.as_str(), a.a.sentences[0]),
                (a.b.doc.as_str(), a.b.sentences[0]),
            );
            [(x.0, x.1, y.0, y.1), (y.0, y.1, x.0, x.1)]
        })
        .collect();
    for link in &cmp.alignments {
        if first_pass(link) {
            // The stored probability is the model's on the stored evidence.
            let probability = link.link_probability.expect("a probability with a model");
            assert_eq!(probability, model.probability(&link.evidence), "{link:?}");
            continue;
        }
        assert!(link.score >= config.corroborated_threshold, "{link:?}");
        let (a, b) = (
            (&link.a.doc, link.a.sentences[0]),
            (&link.b.doc, link.b.sentences[0]),
        );
        // With the link model, corroboration, quotes and phrases take
        // pairs the model refused at any score.
        let corroborated = strong.iter().any(|&(d, s, third, t)| {
            (d, s) == (a.0.as_str(), a.1)
                && third != a.0
                && third != b.0
                && strong.contains(&(b.0.as_str(), b.1, third, t))
        });
        let shares_runs = |n| !runs(&cmp, a.0, a.1, n).is_disjoint(&runs(&cmp, b.0, b.1, n));
        let quoted = shares_runs(3);
        // Two tellings of one story: the library counts their links before
        // the quotes and phrases are added, all of which stay in the
        // output, so three links between the articles is a necessary
        // condition.
        let one_story = cmp
            .alignments
            .iter()
            .filter(|l| {
                let docs = (l.a.doc.as_str(), l.b.doc.as_str());
                docs == (a.0.as_str(), b.0.as_str()) || docs == (b.0.as_str(), a.0.as_str())
            })
            .count()
            >= 3;
        let phrased = link.score >= config.phrase_threshold && one_story && shares_runs(2);
        assert!(
            corroborated || quoted || phrased,
            "weak link without a third outlet, a shared quote or a shared phrase in one story: {link:?}"
        );
    }
}

/// Every run of words of a sentence that starts and ends with a content
/// word and holds `n` of them, as its normalised words.
fn runs(cmp: &Comparison, doc: &str, sentence: usize, n: usize) -> HashSet<Vec<String>> {
    let tokens = &cmp.document(doc).expect("document").sentences[sentence].tokens;
    let words: Vec<_> = tokens
        .iter()
        .filter(|t| t.is_word() || t.kind == framediff::analyze::TokenKind::Number)
        .collect();
    let content: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].is_content())
        .collect();
    content
        .windows(n)
        .map(|w| {
            words[w[0]..=w[n - 1]]
                .iter()
                .map(|t| t.normalized.to_string())
                .collect()
        })
        .collect()
}

#[test]
fn links_never_join_an_outlet_to_itself_by_default() {
    let docs = synthetic::corpus(40, 3, 3);
    let outlet: HashMap<String, String> = docs
        .iter()
        .map(|d| (d.id.clone(), d.label().to_string()))
        .collect();
    let cmp = Comparison::new(docs, &config(AlignConfig::default())).expect("comparison");
    assert!(!cmp.alignments.is_empty());
    for a in &cmp.alignments {
        assert_ne!(outlet[&a.a.doc], outlet[&a.b.doc]);
    }
}

#[test]
fn the_date_window_keeps_only_close_articles() {
    let docs = synthetic::corpus(60, 6, 4);
    let day: HashMap<String, i64> = docs
        .iter()
        .map(|d| (d.id.clone(), d.day().expect("dated")))
        .collect();
    let all = Comparison::new(docs.clone(), &config(AlignConfig::default())).expect("all");
    let windowed = AlignConfig {
        date_window: Some(10),
        ..AlignConfig::default()
    };
    let close = Comparison::new(docs, &config(windowed)).expect("windowed");
    assert!(!close.alignments.is_empty());
    assert!(close.alignments.len() < all.alignments.len());
    for a in &close.alignments {
        assert!((day[&a.a.doc] - day[&a.b.doc]).abs() <= 10);
    }
}

#[test]
fn undated_articles_align_with_every_date() {
    let mut docs = synthetic::corpus(30, 3, 5);
    for d in docs.iter_mut().take(10) {
        d.date = Some("not a date".into());
    }
    let windowed = AlignConfig {
        date_window: Some(0),
        ..AlignConfig::default()
    };
    let cmp = Comparison::new(docs, &config(windowed)).expect("comparison");
    let undated = |id: &str| id < "a00010";
    assert!(
        cmp.alignments
            .iter()
            .any(|a| undated(&a.a.doc) != undated(&a.b.doc)),
        "an undated article should still link to dated ones"
    );
}

#[test]
fn top_k_caps_the_links_of_every_sentence() {
    let docs = synthetic::corpus(60, 6, 6);
    let capped = AlignConfig {
        max_links_per_sentence: 3,
        ..AlignConfig::default()
    };
    let cmp = Comparison::new(docs.clone(), &config(capped)).expect("capped");
    let free = Comparison::new(docs, &config(AlignConfig::default())).expect("free");
    let mut links: HashMap<(String, usize), usize> = HashMap::new();
    for a in &cmp.alignments {
        for side in [&a.a, &a.b] {
            *links
                .entry((side.doc.clone(), side.sentences[0]))
                .or_default() += 1;
        }
    }
    assert!(links.values().all(|&n| n <= 3));
    assert!(cmp.alignments.len() < free.alignments.len());
    assert!(
        AlignConfig {
            max_links_per_sentence: 0,
            ..AlignConfig::default()
        }
        .validate()
        .is_err()
    );
}

/// A sentence by its document's id and its index.
type SentenceKey = (String, usize);

/// With one place per sentence, a first-pass link that does not keep its
/// place lost it to a likelier one: one of its two sentences holds a link
/// the link model rates at least as high. Ranked by score, the caps break
/// this on this corpus. The passes after the first (corroborated, quoted,
/// phrases) are off: their links come after the first pass's, and a
/// sentence printed twice, which links without the claim guard, may be
/// rated higher than the first-pass links that took its places.
#[test]
fn the_caps_give_the_places_to_the_likeliest_links() {
    let docs = synthetic::corpus(60, 6, 7);
    let first_pass_only = AlignConfig::default();
    let roomy = AlignConfig {
        max_links_per_sentence: 1_000,
        max_links_per_document: 1_000,
        corroborated_threshold: first_pass_only.threshold,
        phrase_threshold: first_pass_only.threshold,
        ..first_pass_only
    };
    let one_place = AlignConfig {
        max_links_per_sentence: 1,
        ..roomy.clone()
    };
    let model = roomy.link_model.expect("the default has a link model");
    let first_pass = |cmp: &Comparison| -> Vec<(SentenceKey, SentenceKey, f32)> {
        cmp.alignments
            .iter()
            .filter(|a| a.a.sentences.len() == 1 && a.b.sentences.len() == 1)
            .filter(|a| a.evidence.score >= model.floor)
            .filter_map(|a| {
                let p = a.link_probability.filter(|&p| p >= model.min_probability)?;
                Some((
                    (a.a.doc.clone(), a.a.sentences[0]),
                    (a.b.doc.clone(), a.b.sentences[0]),
                    p,
                ))
            })
            .collect()
    };
    let all = first_pass(&Comparison::new(docs.clone(), &config(roomy)).expect("roomy"));
    let kept = first_pass(&Comparison::new(docs, &config(one_place)).expect("one place"));
    let mut held: HashMap<&SentenceKey, f32> = HashMap::new();
    for (x, y, p) in &kept {
        for side in [x, y] {
            let best = held.entry(side).or_insert(0.0);
            *best = best.max(*p);
        }
    }
    let kept_pairs: HashSet<(&SentenceKey, &SentenceKey)> =
        kept.iter().map(|(x, y, _)| (x, y)).collect();
    let mut lost = 0;
    for (x, y, p) in &all {
        if kept_pairs.contains(&(x, y)) {
            continue;
        }
        lost += 1;
        let outranked = [x, y]
            .iter()
            .any(|side| held.get(side).is_some_and(|&q| q >= *p));
        assert!(
            outranked,
            "{x:?} - {y:?} at {p} lost its place to no likelier link"
        );
    }
    assert!(lost > 0, "one place per sentence should cost some links");
}

#[test]
fn alignment_only_gives_the_same_alignments_without_differences() {
    let docs = synthetic::corpus(40, 4, 5);
    let full = Comparison::new(docs.clone(), &config(AlignConfig::default())).expect("full");
    let lean = Comparison::new(
        docs,
        &config(AlignConfig {
            diff_and_framing: false,
            ..AlignConfig::default()
        }),
    )
    .expect("alignment only");
    assert!(full.alignments.iter().any(|a| !a.differences.is_empty()));
    assert!(!full.lexicon.overall.is_empty() && !full.distinctive.is_empty());
    let without_differences: Vec<_> = full
        .alignments
        .iter()
        .cloned()
        .map(|mut a| {
            a.differences.clear();
            a.differences_cut_short = false;
            a
        })
        .collect();
    assert_eq!(lean.alignments, without_differences);
    assert_eq!(
        (&lean.claims, &lean.unmatched),
        (&full.claims, &full.unmatched)
    );
    assert!(lean.lexicon.overall.is_empty() && lean.lexicon.by_outlets.is_empty());
    assert!(lean.distinctive.is_empty() && lean.certainty.is_empty());
    assert!(lean.coverage.outlets.is_empty());
}

/// The documents each alignment joins, as (a, b) pairs in order.
fn linked_documents(cmp: &Comparison) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = cmp
        .alignments
        .iter()
        .map(|a| (a.a.doc.clone(), a.b.doc.clone()))
        .collect();
    pairs.sort();
    pairs.dedup();
    pairs
}

#[test]
fn articles_that_share_one_link_keep_it_only_below_the_minimum() {
    use framediff::Document;
    let docs = vec![
        Document::new(
            "a",
            "Les rebelles ont pris Alep lundi. Le Kremlin a promis son soutien à Damas.",
        )
        .with_outlet("A"),
        Document::new(
            "b",
            "Les rebelles ont pris Alep lundi. Il fera beau demain.",
        )
        .with_outlet("B"),
        Document::new(
            "c",
            "Les rebelles ont pris Alep lundi. Le Kremlin a promis son soutien à Damas mardi.",
        )
        .with_outlet("C"),
    ];
    let all = Comparison::new(docs.clone(), &config(AlignConfig::default())).expect("all");
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        linked_documents(&all),
        [pair("a", "b"), pair("a", "c"), pair("b", "c")]
    );
    let shared = config(AlignConfig {
        min_document_links: 2,
        ..AlignConfig::default()
    });
    let two = Comparison::new(docs, &shared).expect("two");
    assert_eq!(linked_documents(&two), [pair("a", "c")]);
    assert!(
        AlignConfig {
            min_document_links: 0,
            ..AlignConfig::default()
        }
        .validate()
        .is_err()
    );
}

#[test]
fn the_links_two_articles_share_are_counted_before_the_caps() {
    use framediff::Document;
    // One sentence of "a" matches both sentences of "c"; one link per
    // sentence and other document is kept, but the two articles share two.
    let docs = vec![
        Document::new("a", "Les rebelles ont pris Alep lundi.").with_outlet("A"),
        Document::new(
            "c",
            "Les rebelles ont pris Alep lundi. Lundi, les rebelles ont pris Alep.",
        )
        .with_outlet("C"),
    ];
    let capped = |min_document_links| {
        config(AlignConfig {
            max_links_per_document: 1,
            min_document_links,
            ..AlignConfig::default()
        })
    };
    let one = Comparison::new(docs.clone(), &capped(1)).expect("one");
    assert_eq!(one.alignments.len(), 1);
    let two = Comparison::new(docs.clone(), &capped(2)).expect("two");
    assert_eq!(two.alignments, one.alignments);
    let three = Comparison::new(docs, &capped(3)).expect("three");
    assert!(three.alignments.is_empty());
}

#[test]
fn a_link_of_articles_that_share_too_few_takes_no_place_under_the_caps() {
    use framediff::Document;
    // "a" and "b" share one claim, word for word; "a" and "c" share two,
    // one of them in other words. With one link a sentence, the first
    // sentence of "a" keeps its link to "c" only if the link to "b", which
    // scores higher but goes with too few, takes no place.
    let docs = vec![
        Document::new(
            "a",
            "Les rebelles ont pris Alep lundi soir. Le Kremlin a promis son soutien à Damas.",
        )
        .with_outlet("A"),
        Document::new("b", "Les rebelles ont pris Alep lundi soir. Il fera beau demain.")
            .with_outlet("B"),
        Document::new(
            "c",
            "Les insurgés ont pris la ville d'Alep lundi. Le Kremlin a promis son soutien à Damas mardi.",
        )
        .with_outlet("C"),
    ];
    let capped = |min_document_links| {
        config(AlignConfig {
            max_links_per_sentence: 1,
            min_document_links,
            ..AlignConfig::default()
        })
    };
    let pairs = |cmp: &Comparison| -> Vec<(String, usize, String, usize)> {
        let mut pairs: Vec<_> = cmp
            .alignments
            .iter()
            .map(|a| {
                (
                    a.a.doc.clone(),
                    a.a.sentences[0],
                    a.b.doc.clone(),
                    a.b.sentences[0],
                )
            })
            .collect();
        pairs.sort();
        pairs
    };
    let one = Comparison::new(docs.clone(), &capped(1)).expect("one");
    assert!(
        pairs(&one).contains(&("a".into(), 0, "b".into(), 0)),
        "{:?}",
        pairs(&one)
    );
    let two = Comparison::new(docs, &capped(2)).expect("two");
    assert_eq!(
        pairs(&two),
        [
            ("a".into(), 0, "c".into(), 0),
            ("a".into(), 1, "c".into(), 1)
        ]
    );
}
