use proptest::prelude::*;

use super::*;
use crate::analyze::Analyzer;
use crate::lang::Language;
use crate::vectorize::{Concepts, TermLinks, VectorSpace};

#[path = "../../tests/common/news_words.rs"]
mod news_words;
use news_words::WORDS;

fn corpus() -> impl Strategy<Value = Vec<(usize, String)>> {
    let sentence = prop::collection::vec(prop::sample::select(WORDS), 1..8)
        .prop_map(|words| words.join(" ") + ".");
    prop::collection::vec((0..4usize, sentence), 2..30)
}

/// The sentences' French tokens, and a unit for each, its document its
/// own outlet, undated.
fn analyzed_units(sentences: &[(usize, String)]) -> (Vec<Vec<crate::analyze::Token>>, Vec<Unit>) {
    let analyzer = Analyzer::new(Language::French);
    let tokens = sentences.iter().map(|(_, s)| analyzer.analyze(s)).collect();
    let units = sentences
        .iter()
        .enumerate()
        .map(|(i, &(doc, _))| Unit {
            doc,
            sentence: i,
            outlet: doc,
            day: None,
            title: false,
        })
        .collect();
    (tokens, units)
}

/// Whether one of `matches` joins two anchoring terms, as the claim guard
/// asks.
fn anchors_claim(roles: &[Role], matches: &[score::Match]) -> bool {
    matches
        .iter()
        .any(|m| scorer::match_anchors(roles, m.0, m.1))
}

proptest! {
    #[test]
    fn index_finds_every_pair_with_a_match(
        sentences in corpus(),
        same_outlet in any::<bool>(),
        date_window in prop::option::of(0u32..3),
        with_roles in any::<bool>(),
    ) {
        let analyzer = Analyzer::new(Language::French);
        let tokens: Vec<_> = sentences.iter().map(|(_, s)| analyzer.analyze(s)).collect();
        let units: Vec<Unit> = sentences
            .iter()
            .enumerate()
            .map(|(i, &(doc, _))| {
                // Documents 0 and 1 share an outlet, and 3 has no date.
                let day = (doc != 3).then_some(doc as i64);
                Unit { doc, sentence: i, outlet: doc / 2, day, title: false }
            })
            .collect();
        let space = VectorSpace::build(tokens.iter().map(|t| t.as_slice()));
        let links = TermLinks::build(space.vocabulary(), &Concepts::for_language(Language::French), 0.9, 0.7);
        let config = AlignConfig { same_outlet, date_window, ..AlignConfig::default() };
        let order = score::StemOrder::new(space.vocabulary());
        // With the roles, the bound also leaves out the pairs without a
        // possible match of two anchoring terms; with every term an event,
        // every match anchors.
        let roles = if with_roles {
            term_roles(space.vocabulary(), &[Language::French])
        } else {
            vec![Role::Event; space.vocabulary().len()]
        };
        let (proposed, kept) =
            candidate_pairs(&units, &space, &links, &roles, &config, (usize::MAX, None));
        let allowed: std::collections::HashSet<(usize, usize)> =
            brute_force_pairs(&units, &config).into_iter().collect();
        for pair in &proposed {
            prop_assert!(allowed.contains(pair), "index proposed {pair:?}, which may not align");
        }
        let found: std::collections::HashSet<(usize, usize)> = proposed.into_iter().collect();
        let kept: std::collections::HashSet<(usize, usize)> = kept.into_iter().collect();
        for (g, h) in brute_force_pairs(&units, &config) {
            let pair = score_pair(space.vector(g), space.vector(h), &links, &order);
            let score = config.combine(&pair);
            prop_assert!((0.0..=1.0).contains(&score));
            if !pair.matches.is_empty() {
                prop_assert!(found.contains(&(g, h)), "index missed ({g}, {h}) scored {score}");
            }
            if score >= config.threshold
                && pair.matches.len() >= config.min_matched_terms
                && anchors_claim(&roles, &pair.matches)
            {
                prop_assert!(kept.contains(&(g, h)), "bound dropped ({g}, {h}) scored {score}");
            }
        }
    }

    #[test]
    fn the_common_term_bound_keeps_every_proposed_pair_that_passes(
        sentences in corpus(),
        max_term_postings in 1usize..6,
    ) {
        // Terms in more than `max_term_postings` sentences are common: they
        // generate no candidates, and the bound sums them per candidate
        // (in large corpora only; here from the first sentence).
        let (tokens, units) = analyzed_units(&sentences);
        let space = VectorSpace::build(tokens.iter().map(|t| t.as_slice()));
        let links = TermLinks::build(space.vocabulary(), &Concepts::for_language(Language::French), 0.9, 0.7);
        let config = AlignConfig { max_term_postings, max_term_share: 1.0, ..AlignConfig::default() };
        let order = score::StemOrder::new(space.vocabulary());
        let roles = term_roles(space.vocabulary(), &[Language::French]);
        let (proposed, kept) = candidate_pairs(&units, &space, &links, &roles, &config, (0, None));
        let kept: std::collections::HashSet<(usize, usize)> = kept.into_iter().collect();
        for (g, h) in proposed {
            let pair = score_pair(space.vector(g), space.vector(h), &links, &order);
            let score = config.combine(&pair);
            if score >= config.threshold
                && pair.matches.len() >= config.min_matched_terms
                && anchors_claim(&roles, &pair.matches)
            {
                prop_assert!(kept.contains(&(g, h)), "bound dropped ({g}, {h}) scored {score}");
            }
        }
    }

    #[test]
    fn the_scorer_bound_only_skips_pairs_out_of_range(
        sentences in corpus(),
        floor in 0.0f32..0.6,
        width in 0.05f32..1.0,
    ) {
        let analyzer = Analyzer::new(Language::French);
        let tokens: Vec<_> = sentences.iter().map(|(_, s)| analyzer.analyze(s)).collect();
        let config = AlignConfig::default();
        let scorer = Scorer::build(tokens.iter().map(|t| t.as_slice()), &[Language::French], &config);
        let mut scratch = ScoreScratch::default();
        let mut side = SideMatches::new(scorer.space.vocabulary().len());
        let range = floor..floor + width;
        for g in 0..tokens.len() {
            side.load(scorer.space.vector(g), &scorer.links);
            for h in 0..tokens.len() {
                let (score, pair) = scorer.score(g, h, &config);
                let expected = (range.contains(&score)
                    && scorer.is_claim(&pair.matches, pair.shared, &config))
                .then_some((score, pair));
                for first in [FirstSide::Merged, FirstSide::Loaded(&side)] {
                    let found = scorer.claim_link(first, g, h, &config, range.clone(), &mut scratch);
                    prop_assert_eq!(&found, &expected, "pair ({}, {})", g, h);
                }
            }
            side.clear();
        }
    }

    #[test]
    fn the_model_gate_only_skips_pairs_the_model_refuses(
        mut sentences in corpus(),
        flips in prop::array::uniform8(any::<bool>()),
    ) {
        // Units come in document order, as a comparison makes them.
        sentences.sort_by_key(|&(doc, _)| doc);
        let (tokens, units) = analyzed_units(&sentences);
        let config = AlignConfig::default();
        let scorer = Scorer::build(tokens.iter().map(|t| t.as_slice()), &[Language::French], &config);
        let context = ArticleContext::new(&units, &scorer.space);
        // The default model, some of its weights turned the other way: the
        // gate must bound any model, not only one whose signs it expects.
        let mut model = LinkModel::default();
        for (weight, flip) in model.weights.iter_mut().zip(flips) {
            if flip {
                *weight = -*weight;
            }
        }
        let mut scratch = ScoreScratch::default();
        // Each pair that makes a claim, at the tightest gate it passes: the
        // model's minimum set just below its own probability.
        let mut claims = Vec::new();
        for (g, h) in brute_force_pairs(&units, &config) {
            let (score, pair) = scorer.score(g, h, &config);
            if score < model.floor || !scorer.is_claim(&pair.matches, pair.shared, &config) {
                continue;
            }
            let evidence = context.evidence(g, h, score, &pair, &pair.matches);
            let probability = model.probability(&evidence);
            prop_assume!(probability > 1e-3 && probability < 0.999);
            let tight = LinkModel { min_probability: probability * 0.9999, ..model };
            let gate = ModelGate::new(tight, &context);
            let scored = scorer.claim_measures(
                FirstSide::Merged, g, h, &config, model.floor..f32::INFINITY, Some(&gate), &mut scratch,
            );
            prop_assert!(scored.is_some(), "the scorer's gate dropped ({g}, {h}): {evidence:?}");
            claims.push(((g, h), probability));
        }
        // The index at the lowest of those probabilities keeps them all.
        let lowest = claims.iter().map(|&(_, p)| p).fold(1.0f32, f32::min);
        prop_assume!(!claims.is_empty());
        let gate = ModelGate::new(LinkModel { min_probability: lowest * 0.9999, ..model }, &context);
        let (_, kept) = candidate_pairs(
            &units, &scorer.space, &scorer.links, &scorer.roles, &config, (usize::MAX, Some(&gate)),
        );
        for &((g, h), _) in &claims {
            prop_assert!(kept.contains(&(g, h)), "the index's gate dropped ({g}, {h})");
        }
        // With common terms summed per candidate (every term common from
        // the first sentence on), every proposed claim is kept too.
        let (proposed, kept) = candidate_pairs(
            &units, &scorer.space, &scorer.links, &scorer.roles, &config, (0, Some(&gate)),
        );
        for &((g, h), _) in &claims {
            if proposed.contains(&(g, h)) {
                prop_assert!(kept.contains(&(g, h)), "the capped index's gate dropped ({g}, {h})");
            }
        }
    }

    #[test]
    fn identical_sentences_score_one(words in prop::collection::vec(prop::sample::select(WORDS), 1..8)) {
        let analyzer = Analyzer::new(Language::French);
        let tokens = analyzer.analyze(&words.join(" "));
        let space = VectorSpace::build([tokens.as_slice(), tokens.as_slice()]);
        // Function words alone make no vector, and score nothing.
        prop_assume!(!space.vector(0).is_empty());
        let order = score::StemOrder::new(space.vocabulary());
        let pair = score_pair(space.vector(0), space.vector(1), &TermLinks::default(), &order);
        prop_assert!((AlignConfig::default().combine(&pair) - 1.0).abs() < 1e-4);
    }
}

#[test]
fn claims_do_not_chain_through_a_bridge() {
    // A–B strong, B–C strong, A–C absent: C may not join A's claim.
    let groups = group_claims(&[(0, 1, 0.9), (1, 2, 0.8)], &[0, 1, 2]);
    assert_eq!(groups, vec![vec![0, 1]]);
}

/// Two to eleven sentences of one to nine news words.
fn news_sentences() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(WORDS), 1..10)
            .prop_map(|words| words.join(" ") + "."),
        2..12,
    )
}

/// The French sentences' vectors and their vocabulary's soft links.
fn soft_space(sentences: &[String]) -> (VectorSpace, TermLinks) {
    let analyzer = Analyzer::new(Language::French);
    let tokens: Vec<_> = sentences.iter().map(|s| analyzer.analyze(s)).collect();
    let space = VectorSpace::build(tokens.iter().map(|t| t.as_slice()));
    let concepts = Concepts::for_language(Language::French);
    let links = TermLinks::build(space.vocabulary(), &concepts, 0.9, 0.7);
    (space, links)
}

/// Two bounds of one pair, summed in different orders: the same count of
/// possible matches, the same sums up to rounding.
fn bounds_agree(x: &score::Bound, y: &score::Bound) -> bool {
    x.candidates == y.candidates
        && [
            (x.cosine, y.cosine),
            (x.a_in_b, y.a_in_b),
            (x.b_in_a, y.b_in_a),
        ]
        .iter()
        .all(|(p, q)| (p - q).abs() <= 1e-5)
}

proptest! {
    /// The bound read from a loaded sentence is the bound of the
    /// merge, up to rounding, for every pair and either way round.
    #[test]
    fn a_side_bound_is_the_merge_bound(
        sentences in news_sentences(),
    ) {
        let (space, links) = soft_space(&sentences);
        let roles = term_roles(space.vocabulary(), &[Language::French]);
        let mut side = SideBound::new(space.vocabulary().len());
        let mut scratch = ScoreScratch::default();
        for g in 0..sentences.len() {
            side.load(space.vector(g), &links, &roles);
            for h in 0..sentences.len() {
                let read = side.bound(space.vector(h));
                let merged = score::find_candidates(space.vector(g), space.vector(h), &links, &mut scratch);
                let anchored = scratch.any_candidate(|m| anchors_claim(&roles, std::slice::from_ref(m)));
                prop_assert_eq!(read.is_some(), anchored, "({}, {})", g, h);
                let Some(read) = read else { continue };
                prop_assert!(bounds_agree(&read, &merged), "({g}, {h}): {read:?} against {merged:?}");
            }
            side.clear();
        }
    }
}

proptest! {
    /// A loaded sentence's possible matches, found in the other sentence's
    /// order, match exactly as the merge's do: the same matches in the same
    /// order, the same measures, and the bound up to rounding.
    #[test]
    fn loaded_matches_are_the_merge_matches(
        sentences in news_sentences(),
    ) {
        let (space, links) = soft_space(&sentences);
        let order = score::StemOrder::new(space.vocabulary());
        let mut side = SideMatches::new(space.vocabulary().len());
        let (mut merged, mut loaded) = (ScoreScratch::default(), ScoreScratch::default());
        for g in 0..sentences.len() {
            side.load(space.vector(g), &links);
            for h in 0..sentences.len() {
                let (a, b) = (space.vector(g), space.vector(h));
                let merged_bound = score::find_candidates(a, b, &links, &mut merged);
                let loaded_bound = side.find_candidates(b, &mut loaded);
                prop_assert!(
                    bounds_agree(&loaded_bound, &merged_bound),
                    "({g}, {h}): {loaded_bound:?} against {merged_bound:?}"
                );
                let merged_score = score::match_candidates(a, b, &order, &mut merged);
                let loaded_score = score::match_candidates(a, b, &order, &mut loaded);
                prop_assert_eq!(loaded_score, merged_score, "({}, {})", g, h);
                prop_assert_eq!(&loaded.matches, &merged.matches, "({}, {})", g, h);
            }
            side.clear();
        }
    }
}

/// Claims grouped the plain way, for [`group_claims`] to be checked
/// against: a set of documents per group, every pair between two groups
/// looked up in the set of links.
fn claims_the_plain_way(links: &[(usize, usize, f32)], doc_of: &[usize]) -> Vec<Vec<usize>> {
    use std::collections::BTreeSet;
    let linked: BTreeSet<(usize, usize)> = links
        .iter()
        .map(|&(a, b, _)| (a.min(b), a.max(b)))
        .collect();
    let mut sorted = links.to_vec();
    sorted.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut group_of: Vec<Option<usize>> = vec![None; doc_of.len()];
    let mut groups: Vec<BTreeSet<usize>> = Vec::new();
    for (a, b, _) in sorted {
        for u in [a, b] {
            if group_of[u].is_none() {
                group_of[u] = Some(groups.len());
                groups.push(BTreeSet::from([u]));
            }
        }
        let (ga, gb) = (
            group_of[a].unwrap_or_default(),
            group_of[b].unwrap_or_default(),
        );
        let documents = |g: usize| {
            groups[g]
                .iter()
                .map(|&u| doc_of[u])
                .collect::<BTreeSet<_>>()
        };
        if ga == gb || !documents(ga).is_disjoint(&documents(gb)) {
            continue;
        }
        let pairs = groups[ga].len() * groups[gb].len();
        let linked_pairs = groups[ga]
            .iter()
            .flat_map(|&u| groups[gb].iter().map(move |&v| (u.min(v), u.max(v))))
            .filter(|pair| linked.contains(pair))
            .count();
        if linked_pairs * 2 <= pairs {
            continue;
        }
        let moved = std::mem::take(&mut groups[gb]);
        for &u in &moved {
            group_of[u] = Some(ga);
        }
        groups[ga].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .map(|g| g.into_iter().collect())
        .collect();
    groups.sort();
    groups
}

proptest! {
    /// Grouping on sorted arrays gives the groups of the plain way, ties
    /// of score and links given twice included.
    #[test]
    fn claims_are_grouped_as_the_plain_way_does(
        doc_of in prop::collection::vec(0..6usize, 2..24),
        links in prop::collection::vec((0..24usize, 0..24usize, 0..4u8), 0..60),
    ) {
        let n = doc_of.len();
        let links: Vec<(usize, usize, f32)> = links
            .into_iter()
            .map(|(a, b, score)| (a % n, b % n, f32::from(score) / 4.0))
            .filter(|&(a, b, _)| doc_of[a] != doc_of[b])
            .collect();
        let groups = group_claims(&links, &doc_of);
        prop_assert_eq!(&groups, &claims_the_plain_way(&links, &doc_of));
        for group in &groups {
            let documents: std::collections::BTreeSet<usize> = group.iter().map(|&u| doc_of[u]).collect();
            prop_assert_eq!(documents.len(), group.len(), "{:?}", group);
        }
    }
}

/// A compound anchors a claim by its pieces, as the claim guard reads it,
/// and a word the lexicon lists as written by the lexicon's key; a name
/// anchors none.
#[test]
fn a_compound_and_a_listed_word_anchor_a_claim() {
    let analyzer = Analyzer::new(Language::French);
    let sentences = [
        analyzer.analyze("Le cessez-le-feu à Gaza tient depuis lundi, selon un employé de l'ONU."),
        analyzer.analyze("Un cessez-le-feu a été signé à Gaza, disent les employés."),
    ];
    let scorer = Scorer::build(
        sentences.iter().map(Vec::as_slice),
        &[Language::French],
        &AlignConfig::default(),
    );
    let token = |surface: &str| {
        sentences[0]
            .iter()
            .find(|t| t.surface == surface)
            .expect("the word is in the sentence")
    };
    assert!(scorer.anchors_claim(token("cessez-le-feu")));
    assert!(scorer.anchors_claim(token("employé")));
    assert!(!scorer.anchors_claim(token("Gaza")));
}
