//! From candidates to kept links: scoring in parallel, then the caps.

use std::ops::Range;

use rayon::prelude::*;

use super::quotes;
use crate::align::{
    AlignConfig, ArticleContext, FirstSide, Index, Match, ModelGate, PREFETCH_FAR, PREFETCH_NEAR,
    PairScore, ScoreScratch, Scorer, SideMatches, Unit,
};
use crate::analyze::Token;
use crate::scratch_pool::Pool;
use caps::{Caps, best_kept, keep_best};
use corroborated::{Partners, corroborated};
use quoted::quoted;
use shared::SharedLinks;

mod caps;
mod corroborated;
mod quoted;
mod shared;

/// A kept link: (unit g, unit h, score, measures), g < h.
pub(super) type Scored = (usize, usize, f32, PairScore);

/// Sentences searched per rayon task: enough to pay for the task, few
/// enough for both cores to stay busy to the end.
const SENTENCES_PER_TASK: usize = 256;

/// How many candidate pairs the index proposed, and how many of them could
/// still pass by their score's bound: [`crate::AlignStats`]'s
/// `scored_pairs`, which counts the pairs without a possible anchoring
/// match too, though the search turns them down before any scoring.
pub(super) struct PairCounts {
    pub proposed: usize,
    pub scored: usize,
}

/// The links that pass the claim guard and the threshold, then the
/// corroborated ones (see [`corroborated()`]) and those that quote each
/// other or, in one story, share a phrase (see [`quoted()`]), capped per
/// sentence and other document and per sentence, those of documents that
/// share too few links of the first pass left out before the caps (see
/// [`SharedLinks`]), sorted by (g, h); and
/// the candidate pairs counted. The result does not depend on the number of threads: each
/// sentence's candidates are scored on their own and collected in sentence
/// order.
pub(super) fn scored_links(
    units: &[Unit],
    tokens: &[&[Token]],
    scorer: &Scorer,
    context: &ArticleContext,
    config: &AlignConfig,
) -> (Vec<Scored>, PairCounts) {
    let blocks = strong_links(units, scorer, context, config);
    let mut counts = PairCounts {
        proposed: blocks.iter().map(|b| b.proposed).sum(),
        scored: blocks.iter().map(|b| b.scored).sum(),
    };
    let quoting = config.corroborated_threshold < config.threshold;
    let phrasing = config.phrase_threshold < config.threshold;
    // The caps walk the links one by one on one core; the other reads the
    // quoted runs and phrases meanwhile, which need nothing from the links.
    let ((mut scored, strong, mut caps), runs) = rayon::join(
        || capped_first_pass(blocks, units, config),
        || {
            (quoting || phrasing).then(|| {
                quotes::postings(tokens, quoting, phrasing, |token| {
                    scorer.anchors_claim(token)
                })
            })
        },
    );
    if quoting {
        let (mut weak, tried) = corroborated(&scored, &strong, units, scorer, config);
        counts.scored += tried;
        // They score lower than every link kept so far: the caps go on
        // counting from where those left them.
        keep_best(&mut weak, units, config, &mut caps);
        scored.extend(weak);
        scored.par_sort_by_key(|&(g, h, _, _)| (g, h));
    }
    if let Some(runs) = runs {
        let (mut quoted, tried) = quoted(&scored, units, &runs, scorer, config, &caps);
        counts.scored += tried;
        keep_best(&mut quoted, units, config, &mut caps);
        scored.extend(quoted);
        scored.par_sort_by_key(|&(g, h, _, _)| (g, h));
    }
    (scored, counts)
}

/// The links of the first pass that the caps keep, with their matches,
/// sorted by (g, h); the partners of every link before the caps; and the
/// caps as those links left them.
fn capped_first_pass(
    mut blocks: Vec<Block>,
    units: &[Unit],
    config: &AlignConfig,
) -> (Vec<Scored>, Partners, Caps) {
    let mut scored: Vec<Scored> = Vec::with_capacity(blocks.iter().map(|b| b.links.len()).sum());
    let mut strengths: Vec<f32> = Vec::with_capacity(scored.capacity());
    let mut spans: Vec<(u32, u32, u32)> = Vec::with_capacity(scored.capacity());
    for (number, block) in blocks.iter_mut().enumerate() {
        scored.append(&mut std::mem::take(&mut block.links));
        strengths.append(&mut std::mem::take(&mut block.strengths));
        let mut from = 0;
        spans.extend(block.ends.iter().map(|&end| {
            let span = (number as u32, from, end);
            from = end;
            span
        }));
    }
    let strong = Partners::new(&scored, units.len());
    let mut caps = Caps::new(
        units.len(),
        SharedLinks::of_first_pass(&scored, units, config),
    );
    // The links come sorted by (g, h): only the matches of those the caps
    // keep are copied out of the blocks.
    let kept = best_kept(&scored, |i| strengths[i], units, config, &mut caps);
    let mut kept_spans = spans.into_iter().zip(kept.iter().copied());
    scored.retain_mut(|(_, _, _, pair)| {
        let Some(((block, from, end), true)) = kept_spans.next() else {
            return false;
        };
        pair.matches = blocks[block as usize].matches[from as usize..end as usize].to_vec();
        true
    });
    (scored, strong, caps)
}

/// The links a block of consecutive sentences g found with later
/// sentences in the first pass, their matches left out; and the candidate
/// pairs counted.
struct Block {
    /// Sorted by (g, h), each with no matches.
    links: Vec<Scored>,
    /// How strong each link is, for the caps: its probability when the
    /// link model decides, its score otherwise.
    strengths: Vec<f32>,
    /// The matches of all the links, one after the other.
    matches: Vec<Match>,
    /// Where each link's matches end in `matches` (and the next one's
    /// begin).
    ends: Vec<u32>,
    proposed: usize,
    scored: usize,
}

/// The first pass, per block of [`SENTENCES_PER_TASK`] sentences in
/// parallel: the pairs the index proposes that pass the claim guard and
/// the link model (or, without one, the threshold). Half of them or more fall to the caps; their matches are
/// kept in one array per block rather than one vector per link, and only
/// the kept links' are copied out (see [`scored_links`]).
fn strong_links(
    units: &[Unit],
    scorer: &Scorer,
    context: &ArticleContext,
    config: &AlignConfig,
) -> Vec<Block> {
    // Every link passes the claim guard: the search keeps only the pairs
    // that could.
    let gate = config
        .link_model
        .map(|model| ModelGate::new(model, context));
    let index = Index::new(units, &scorer.space, &scorer.links, &scorer.roles, config)
        .with_gate(gate.as_ref());
    let scratch_pool = Pool::new();
    let starts: Vec<usize> = (0..units.len()).step_by(SENTENCES_PER_TASK).collect();
    // One block per task: early sentences have the most later ones to
    // search, and rayon's own splitting left a run of them to one thread
    // at the end while the other idled (50-70 ms on the gilets corpus).
    starts
        .into_par_iter()
        .with_max_len(1)
        .map_init(
            || {
                scratch_pool.lease(|| {
                    let side = SideMatches::new(scorer.space.vocabulary().len());
                    (index.scratch(), side, ScoreScratch::default())
                })
            },
            |scratch, start| {
                let (search, side, scoring) = &mut **scratch;
                let mut block = Block {
                    links: Vec::new(),
                    strengths: Vec::new(),
                    matches: Vec::new(),
                    ends: Vec::new(),
                    proposed: 0,
                    scored: 0,
                };
                for g in start..(start + SENTENCES_PER_TASK).min(units.len()) {
                    let (proposed, passing, candidates) = index.later_candidates(g, search);
                    block.proposed += proposed.len();
                    // Pairs without a possible anchoring match count as
                    // scored (see `PairCounts`).
                    block.scored += passing;
                    if candidates.is_empty() {
                        continue;
                    }
                    // g is scored against all its candidates: its
                    // possible matches are looked up by their terms.
                    side.load(scorer.space.vector(g), &scorer.links);
                    let ahead = |i: usize| candidates.get(i).map(|&h| h as usize);
                    for (i, &h) in candidates.iter().enumerate() {
                        scorer.prefetch(ahead(i + PREFETCH_NEAR), ahead(i + PREFETCH_FAR));
                        let h = h as usize;
                        let strong = config.first_pass_floor()..f32::INFINITY;
                        if let Some((score, pair)) = scorer.claim_measures(
                            FirstSide::Loaded(side),
                            g,
                            h,
                            config,
                            strong,
                            gate.as_ref(),
                            scoring,
                        ) {
                            // The model's probability when it decides
                            // (the caps rank by it), the score otherwise.
                            let strength = match &config.link_model {
                                Some(model) => model.link_probability(&context.evidence(
                                    g,
                                    h,
                                    score,
                                    &pair,
                                    &scoring.matches,
                                )),
                                None => Some(score),
                            };
                            let Some(strength) = strength else {
                                continue;
                            };
                            block.links.push((g, h, score, pair));
                            block.strengths.push(strength);
                            block.matches.extend_from_slice(&scoring.matches);
                            block.ends.push(block.matches.len() as u32);
                        }
                    }
                    side.clear();
                }
                block
            },
        )
        .collect()
}

/// The pairs of `pairs` that score in `range` and pass the claim guard.
fn links_in(
    pairs: &[(usize, usize)],
    scorer: &Scorer,
    config: &AlignConfig,
    range: Range<f32>,
) -> Vec<Scored> {
    // Pairs come sorted by g: the vectors of h are the ones to ask for.
    let ahead = |i: usize| pairs.get(i).map(|&(_, h)| h);
    pairs
        .par_iter()
        .enumerate()
        .map_init(ScoreScratch::default, |scratch, (i, &(g, h))| {
            scorer.prefetch(ahead(i + PREFETCH_NEAR), ahead(i + PREFETCH_FAR));
            let (score, pair) =
                scorer.claim_link(FirstSide::Merged, g, h, config, range.clone(), scratch)?;
            Some((g, h, score, pair))
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::align::AlignConfig;
    use crate::{Comparison, Document};

    /// The configuration of these tests: the threshold alone decides the
    /// first pass, so that the passes below it are what is tested (the
    /// link model takes some of their pairs on its own).
    fn threshold_only() -> AlignConfig {
        AlignConfig {
            link_model: None,
            ..AlignConfig::default()
        }
    }

    fn config_of(align: AlignConfig) -> crate::Config {
        crate::Config {
            align,
            ..Default::default()
        }
    }

    /// Two sentences that share a claim but score between the corroborated
    /// threshold and the threshold, and a third document when given.
    fn corroboration_documents(third: Option<&str>) -> Vec<Document> {
        let mut docs = vec![
            Document::new(
                "a",
                "Le Kremlin a assuré lundi que la Russie continuerait à soutenir le président syrien Bachar al-Assad face à l'offensive des groupes rebelles dans le nord du pays, qui ont pris la ville d'Alep, tandis que des milliers d'habitants fuyaient vers Homs et Hama.",
            ),
            Document::new(
                "b",
                "Peskov a réitéré le soutien de la Russie au gouvernement syrien, affirmant que Moscou et Damas étaient en contact.",
            ),
        ];
        if let Some(text) = third {
            docs.push(Document::new("c", text));
        }
        docs
    }

    /// The links of the corroboration documents: (a, b, score).
    fn corroboration(third: Option<&str>) -> Vec<(String, String, f32)> {
        let docs = corroboration_documents(third);
        let cmp = Comparison::new(docs, &config_of(threshold_only())).expect("comparison");
        cmp.alignments
            .iter()
            .map(|l| (l.a.doc.clone(), l.b.doc.clone(), l.score))
            .collect()
    }

    #[test]
    fn a_weak_pair_links_when_a_third_outlet_links_both() {
        let config = threshold_only();
        let alone = corroboration(None);
        assert!(alone.is_empty(), "{alone:?}");
        let third = "Le Kremlin a réitéré son soutien à Bachar al-Assad, en contact avec Damas.";
        let links = corroboration(Some(third));
        let weak = links
            .iter()
            .find(|l| (l.0.as_str(), l.1.as_str()) == ("a", "b"));
        let weak = weak.unwrap_or_else(|| panic!("a–b not corroborated: {links:?}"));
        assert!(
            weak.2 < config.threshold && weak.2 >= config.corroborated_threshold,
            "{links:?} {alone:?}"
        );
        assert!(links.iter().any(|l| l.0 == "a" && l.1 == "c"));
        assert!(links.iter().any(|l| l.0 == "b" && l.1 == "c"));
    }

    /// Two long sentences that quote one statement word for word among
    /// much else, and the links framediff finds between them: (score).
    fn quoting(a_quote: &str) -> Vec<f32> {
        let docs = vec![
            Document::new(
                "a",
                format!(
                    "Des gilets jaunes, bien moins nombreux que la veille, ont ralenti dimanche la circulation sur de nombreux axes routiers, tandis que le premier ministre Édouard Philippe assurait à la télévision : « {a_quote} »."
                ),
            ),
            Document::new(
                "b",
                "« Le cap que nous avons fixé, il est bon et nous allons le tenir », a-t-il affirmé, en disant avoir entendu la colère, la souffrance et l'absence de perspectives des manifestants rassemblés samedi dans toute la France.",
            ),
        ];
        let cmp = Comparison::new(docs, &config_of(threshold_only())).expect("comparison");
        cmp.alignments.iter().map(|l| l.score).collect()
    }

    #[test]
    fn a_quote_shared_word_for_word_links_below_the_threshold() {
        let config = threshold_only();
        let quoted = quoting("Le cap que nous avons fixé, il est bon et nous allons le tenir");
        assert_eq!(quoted.len(), 1, "{quoted:?}");
        assert!(
            (config.corroborated_threshold..config.threshold).contains(&quoted[0]),
            "{quoted:?}"
        );
        // The same words, not in the same order: no quote, no link.
        let reworded = quoting("Nous allons tenir le cap, il est bon, celui que nous avons fixé");
        assert!(reworded.is_empty(), "{reworded:?}");
    }

    #[test]
    fn a_sentence_printed_twice_links_without_an_event_word() {
        let links = |a: &str, b: &str| {
            let docs = vec![Document::new("a", a), Document::new("b", b)];
            let cmp = Comparison::new(docs, &Default::default()).expect("comparison");
            cmp.alignments.len()
        };
        // Names, participants and function words: no event word or figure
        // for the claim guard, but one sentence in both articles.
        let line = "But one of them shouldn't be the chairman of the Republican Party.";
        assert_eq!(links(line, line), 1);
        let case = "But one of them shouldn't be the chairman of the Republican party.";
        assert_eq!(links(line, case), 1);
        // A formula both sentences quote, in sentences that say different
        // things, is no reprint.
        let (count, blame) = (
            "Selon le ministre de l'Intérieur Christophe Castaner, ils étaient 50 000 samedi.",
            "Le ministre de l'Intérieur Christophe Castaner a dénoncé des violences inacceptables.",
        );
        assert_eq!(links(count, blame), 0);
    }

    /// The links between two articles holding `a` and `b`, alone or after
    /// three sentences of one story they both tell: (a's, b's sentence).
    fn phrase_links(a: &str, b: &str, in_story: bool, config: &AlignConfig) -> Vec<(usize, usize)> {
        let story = [
            "Le Premier ministre a annoncé jeudi un plan de relance de dix milliards d'euros. Les syndicats ont rejeté ce plan dès vendredi matin. La grève des cheminots entre dans sa troisième semaine.",
            "Un plan de relance de dix milliards d'euros a été annoncé jeudi par le Premier ministre. Dès vendredi matin, les syndicats ont rejeté le plan. La grève des cheminots dure depuis trois semaines.",
        ];
        let text = |story: &str, own: &str| {
            if in_story {
                format!("{story} {own}")
            } else {
                own.to_string()
            }
        };
        let docs = vec![
            Document::new("a", text(story[0], a)),
            Document::new("b", text(story[1], b)),
        ];
        let cmp = Comparison::new(docs, &config_of(config.clone())).expect("comparison");
        cmp.alignments
            .iter()
            .map(|l| (l.a.sentences[0], l.b.sentences[0]))
            .collect()
    }

    #[test]
    fn a_shared_phrase_links_two_articles_of_one_story() {
        let a = "Le gouvernement promet aussi de défiscaliser les heures supplémentaires dès janvier, une mesure attendue par les entreprises du bâtiment.";
        let b = "Selon la CGT, la défiscalisation des heures supplémentaires ne compensera pas la hausse des prix du carburant.";
        let config = threshold_only();
        assert!(phrase_links(a, b, true, &config).contains(&(3, 3)));
        // Alone, the two sentences are not known to tell one story: they
        // do not link even from a bar they pass (they score 0.17; 0.22 in
        // the story, below the threshold).
        let low = AlignConfig {
            phrase_threshold: 0.1,
            ..config.clone()
        };
        assert!(phrase_links(a, b, false, &low).is_empty());
        let off = AlignConfig {
            phrase_threshold: config.threshold,
            ..config
        };
        assert!(!phrase_links(a, b, true, &off).contains(&(3, 3)));
    }

    /// A phrase one article writes in two sentences is a set phrase of its
    /// story: it links nothing.
    #[test]
    fn a_phrase_written_twice_in_one_article_links_nothing() {
        let a = "Le gouvernement promet aussi de défiscaliser les heures supplémentaires dès janvier, une mesure attendue par les entreprises du bâtiment.";
        let b = "Selon la CGT, la défiscalisation des heures supplémentaires ne compensera pas la hausse des prix du carburant.";
        // A lower bar than the default: the third sentence makes the
        // phrase's words commoner, and the pair scores less.
        let config = AlignConfig {
            phrase_threshold: 0.1,
            ..threshold_only()
        };
        // The same words in a third sentence of a, not as the phrase: the
        // pair keeps its link.
        let apart =
            format!("{a} Les heures de travail supplémentaires seront payées au même taux.");
        assert!(phrase_links(&apart, b, true, &config).contains(&(3, 3)));
        let twice =
            format!("{a} Les heures supplémentaires de travail seront payées au même taux.");
        assert!(!phrase_links(&twice, b, true, &config).contains(&(3, 3)));
    }

    /// A phrase of participants ("président syrien") is the story's topic:
    /// it links nothing, where a phrase with an event word does.
    #[test]
    fn a_phrase_of_participants_links_nothing() {
        let config = AlignConfig {
            phrase_threshold: 0.1,
            ..threshold_only()
        };
        // "Syrie" in the text makes "syrien" a name (a demonym), as in
        // the seeds.
        let a = "Le président syrien a promis lundi de rebâtir les écoles, a rapporté l'agence officielle devant des diplomates venus de Moscou, de Téhéran et de toute la Syrie.";
        let participants = "Les écoles fermées depuis l'hiver accueillent des familles déplacées par les combats dans le nord, selon le président syrien.";
        assert!(!phrase_links(a, participants, true, &config).contains(&(3, 3)));
        let event = "Les familles déplacées par les combats dans le nord attendent qu'il vienne rebâtir les écoles fermées depuis l'hiver.";
        assert!(phrase_links(a, event, true, &config).contains(&(3, 3)));
    }

    #[test]
    fn corroboration_can_be_turned_off() {
        let docs = |third: &str| corroboration_documents(Some(third));
        let off = AlignConfig {
            corroborated_threshold: 1.0,
            phrase_threshold: 1.0,
            ..threshold_only()
        };
        let config = config_of(off);
        let cmp = Comparison::new(
            docs("Le Kremlin a réitéré son soutien à Bachar al-Assad, en contact avec Damas."),
            &config,
        )
        .expect("comparison");
        assert!(
            cmp.alignments
                .iter()
                .all(|l| l.score >= config.align.threshold)
        );
    }
}
