//! From candidates to kept links: scoring in parallel, then the caps.

use rayon::prelude::*;

use crate::align::{AlignConfig, Index, PairScore, Scorer, Unit};
use crate::fasthash::FastMap;

/// A kept link: (unit g, unit h, score, measures), g < h.
pub(super) type Scored = (usize, usize, f32, PairScore);

/// Sentences searched per rayon task: enough to pay for the task, few
/// enough for both cores to stay busy to the end.
const SENTENCES_PER_TASK: usize = 256;

/// How many candidate pairs the index proposed, and how many of them could
/// still pass and were scored.
pub(super) struct PairCounts {
    pub proposed: usize,
    pub scored: usize,
}

/// The links that pass the claim guard and the threshold, or the lower
/// corroborated threshold with a third document's sentence linked to both,
/// capped per sentence and other document and per sentence, sorted by
/// (g, h); and the candidate pairs counted. The result does not depend on
/// the number of threads: each sentence's candidates are scored on their
/// own and collected in sentence order.
pub(super) fn scored_links(
    units: &[Unit],
    scorer: &Scorer,
    config: &AlignConfig,
) -> (Vec<Scored>, PairCounts) {
    let index = Index::new(units, &scorer.space, &scorer.links, config);
    let per_sentence: Vec<(usize, usize, Vec<Scored>)> = (0..units.len())
        .into_par_iter()
        .with_min_len(SENTENCES_PER_TASK)
        .map_init(
            || index.scratch(),
            |scratch, g| {
                let (proposed, candidates) = index.later_candidates(g, scratch);
                let kept = candidates
                    .iter()
                    .filter_map(|&h| {
                        let h = h as usize;
                        let (score, pair) = scorer.score(g, h, config);
                        (score >= config.lowest_link_score()
                            && scorer.is_claim_match(&pair, config))
                        .then_some((g, h, score, pair))
                    })
                    .collect();
                (proposed.len(), candidates.len(), kept)
            },
        )
        .collect();
    let counts = PairCounts {
        proposed: per_sentence.iter().map(|s| s.0).sum(),
        scored: per_sentence.iter().map(|s| s.1).sum(),
    };
    let (mut scored, weak): (Vec<Scored>, Vec<Scored>) = per_sentence
        .into_iter()
        .flat_map(|s| s.2)
        .partition(|s| s.2 >= config.threshold);
    keep_best(&mut scored, units, config);
    if !weak.is_empty() {
        let corroborated = corroborated(weak, &scored, units);
        scored.extend(corroborated);
        // The corroborated links score lower than every other: the caps
        // keep all the others and give what room is left to these.
        keep_best(&mut scored, units, config);
    }
    (scored, counts)
}

/// The weak links whose two sentences both link to one sentence of a third
/// document.
fn corroborated(weak: Vec<Scored>, strong: &[Scored], units: &[Unit]) -> Vec<Scored> {
    let mut linked: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for &(g, h, _, _) in strong {
        linked[g].push(h);
        linked[h].push(g);
    }
    for list in &mut linked {
        list.sort_unstable();
    }
    weak.into_iter()
        .filter(|&(g, h, _, _)| {
            let (of_g, of_h) = (&linked[g], &linked[h]);
            of_g.iter().any(|&b| {
                units[b].doc != units[g].doc
                    && units[b].doc != units[h].doc
                    && of_h.binary_search(&b).is_ok()
            })
        })
        .collect()
}

/// Keeps, strongest first, at most `max_links_per_document` links for each
/// sentence and other document, and at most `max_links_per_sentence` links
/// for each sentence in all.
fn keep_best(scored: &mut Vec<Scored>, units: &[Unit], config: &AlignConfig) {
    scored.par_sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut per_document: FastMap<(usize, usize), usize> = FastMap::default();
    let mut per_sentence = vec![0usize; units.len()];
    scored.retain(|&(g, h, _, _)| {
        // A link refused here still counts against the per-document cap:
        // the cap is on the best links a sentence has with a document.
        let from_g = per_document.entry((g, units[h].doc)).or_default();
        *from_g += 1;
        let keep_g = *from_g <= config.max_links_per_document;
        let from_h = per_document.entry((h, units[g].doc)).or_default();
        *from_h += 1;
        let keep = keep_g
            && *from_h <= config.max_links_per_document
            && per_sentence[g] < config.max_links_per_sentence
            && per_sentence[h] < config.max_links_per_sentence;
        if keep {
            per_sentence[g] += 1;
            per_sentence[h] += 1;
        }
        keep
    });
    scored.par_sort_by_key(|&(g, h, _, _)| (g, h));
}
