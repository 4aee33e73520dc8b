//! Corroborated links: two sentences that score below the threshold but
//! both link in the first pass (the link model, or the threshold without
//! one) to one sentence of a third document.

use rayon::prelude::*;

use super::{SENTENCES_PER_TASK, Scored};
use crate::align::{
    AlignConfig, FirstSide, PREFETCH_FAR, PREFETCH_NEAR, ScoreScratch, Scorer, SideBound,
    SideMatches, Unit, may_reach,
};
use crate::scratch_pool::Pool;

/// Each sentence's partners in a list of links sorted by (g, h), before
/// and after it, in one array (not a vector per sentence): the search for
/// candidates reads the partners of the partners of every sentence, and
/// whether g links to h is a search among g's few partners.
pub(super) struct Partners {
    partners: Vec<u32>,
    from: Vec<u32>,
}

impl Partners {
    /// From links sorted by (g, h): those before the caps (corroboration)
    /// or those kept (quoted runs).
    pub fn new(links: &[Scored], units: usize) -> Partners {
        debug_assert!(links.is_sorted_by_key(|&(g, h, _, _)| (g, h)));
        let mut from = vec![0; units + 1];
        for &(g, h, _, _) in links {
            from[g + 1] += 1;
            from[h + 1] += 1;
        }
        for x in 0..units {
            from[x + 1] += from[x];
        }
        let mut next = from.clone();
        let mut partners = vec![0; links.len() * 2];
        // Links sorted by (g, h) give each sentence x its partners sorted:
        // those before it (links (g, x), in order of g) come first.
        for &(g, h, _, _) in links {
            partners[next[g] as usize] = h as u32;
            next[g] += 1;
            partners[next[h] as usize] = g as u32;
            next[h] += 1;
        }
        Partners { partners, from }
    }

    /// The sentences x links to, sorted.
    pub fn of(&self, x: usize) -> &[u32] {
        &self.partners[self.from[x] as usize..self.from[x + 1] as usize]
    }

    /// The sentences h > g that g links to, sorted.
    pub fn later(&self, g: usize) -> &[u32] {
        let all = self.of(g);
        &all[all.partition_point(|&h| h as usize <= g)..]
    }
}

/// The pairs that score below the threshold but at least
/// `corroborated_threshold`, and pass the claim guard, whose two sentences
/// both link to one sentence of a third document, sorted by (g, h); and
/// how many pairs were candidates. Only pairs of sentences linked to a
/// common one are scored (the links kept so far name the candidates), and
/// of those, not the ones `strong` holds (the first pass's links before
/// the caps: by the link model, or by the threshold without one): the
/// links the caps refused are not offered again.
///
/// Each sentence g gathers its own candidates h > g (the sentences linked
/// to the sentences it links to), so no list of all pairs is built, sorted
/// and deduplicated; and with g's terms loaded in a [`SideBound`], the
/// pairs that cannot reach the corroborated threshold (three in four on
/// the gilets corpus) are ruled out in one pass over h's terms.
pub(super) fn corroborated(
    linked_strongly: &[Scored],
    strong: &Partners,
    units: &[Unit],
    scorer: &Scorer,
    config: &AlignConfig,
) -> (Vec<Scored>, usize) {
    let linked = Partners::new(linked_strongly, units.len());
    // By the threshold alone, a pair at the threshold or above was refused
    // by the caps, or not proposed by the index for want of a rare enough
    // shared word; with the link model, any score may be one it refused.
    let weak = config.corroborated_threshold..config.corroboration_top();
    let terms = scorer.space.vocabulary().len();
    let pool = Pool::new();
    let per_sentence: Vec<(usize, Vec<Scored>)> = (0..units.len())
        .into_par_iter()
        .with_min_len(SENTENCES_PER_TASK)
        .map_init(
            || {
                pool.lease(|| {
                    let scoring = ScoreScratch::default();
                    let matches = SideMatches::new(terms);
                    (Vec::new(), SideBound::new(terms), matches, scoring)
                })
            },
            |scratch, g| {
                let (candidates, side, matches, scoring) = &mut **scratch;
                candidates.clear();
                for &b in linked.of(g) {
                    let around = linked.of(b as usize);
                    let later = around.partition_point(|&h| h as usize <= g);
                    candidates.extend_from_slice(&around[later..]);
                }
                candidates.sort_unstable();
                candidates.dedup();
                candidates.retain(|&h| {
                    units[g].may_align(&units[h as usize], config)
                        && linked.of(g).binary_search(&h).is_err()
                });
                // Counted here, before the pairs the caps refused are set
                // aside, as when every one of them was scored (see
                // `AlignStats::scored_pairs`).
                let tried = candidates.len();
                // Scored again, they would reach the threshold again.
                let above = strong.later(g);
                candidates.retain(|h| above.binary_search(h).is_err());
                if candidates.is_empty() {
                    return (tried, Vec::new());
                }
                side.load(scorer.space.vector(g), &scorer.links, &scorer.roles);
                matches.load(scorer.space.vector(g), &scorer.links);
                let ahead = |i: usize| candidates.get(i).map(|&h| h as usize);
                let found = (0..candidates.len())
                    .filter_map(|i| {
                        scorer.prefetch(ahead(i + PREFETCH_NEAR), ahead(i + PREFETCH_FAR));
                        let h = candidates[i] as usize;
                        // Without an anchoring match, the claim guard would
                        // turn the pair down.
                        let bound = side.bound(scorer.space.vector(h))?;
                        if !may_reach(&bound, config, weak.start) {
                            return None;
                        }
                        let (score, pair) = scorer.claim_link(
                            FirstSide::Loaded(matches),
                            g,
                            h,
                            config,
                            weak.clone(),
                            scoring,
                        )?;
                        Some((g, h, score, pair))
                    })
                    .collect();
                side.clear();
                matches.clear();
                (tried, found)
            },
        )
        .collect();
    let tried = per_sentence.iter().map(|s| s.0).sum();
    let found = per_sentence.into_iter().flat_map(|s| s.1).collect();
    (found, tried)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::PairScore;

    #[test]
    fn each_sentence_has_its_partners_sorted_both_ways() {
        let pairs = [(0, 2), (0, 3), (1, 2), (2, 3), (2, 5), (4, 5)];
        let links: Vec<Scored> = pairs
            .iter()
            .map(|&(g, h)| (g, h, 0.5, PairScore::default()))
            .collect();
        let linked = Partners::new(&links, 7);
        assert_eq!(linked.of(2), &[0, 1, 3, 5]);
        assert_eq!(linked.of(5), &[2, 4]);
        assert_eq!(linked.of(6), &[] as &[u32]);
        assert_eq!(linked.later(2), &[3, 5]);
        assert_eq!(linked.later(5), &[] as &[u32]);
    }
}
