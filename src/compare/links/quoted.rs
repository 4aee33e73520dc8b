//! Links from words shared verbatim (see [`quotes`]): quoted runs, and
//! phrases between two articles of one story.

use rayon::prelude::*;

use super::{Caps, Partners, Scored, links_in};
use crate::align::{AlignConfig, ScoreScratch, Scorer, Unit};
use crate::compare::quotes::{self, PHRASE_MAX_SENTENCES, RunPostings};
use crate::fasthash::FastMap;

/// The pairs not linked yet that share a run of words verbatim and pass
/// the claim guard: a quoted run from `corroborated_threshold` up; a
/// phrase, with a word that anchors a claim (see [`quotes::postings`]),
/// from `phrase_threshold` up between two articles of one story (see
/// [`STORY_LINKS`]) that each write it once; a pair with both from the
/// lower of the two (each off at `threshold` or above). Two sentences
/// that are one sentence printed twice (they share a quoted run, and each
/// holds nearly all the other's terms: see [`REPRINT_CONTAINMENT`]) link
/// from `corroborated_threshold` up without the guard (they must still
/// share enough terms and information). Also returns how many pairs were
/// scored to find them (a quoting pair scored again without the guard
/// counts once). A pair at the threshold or above may be one the index did not
/// propose (its words are all too common); a pair the caps refused is not
/// scored again. `postings` are the sentences' runs, from
/// [`quotes::postings`] (with only the lists that are on).
pub(super) fn quoted(
    linked: &[Scored],
    units: &[Unit],
    postings: &RunPostings,
    scorer: &Scorer,
    config: &AlignConfig,
    caps: &Caps,
) -> (Vec<Scored>, usize) {
    let stories = StoryPairs::new(linked, units);
    let linked = Partners::new(linked, units.len());
    // Sentences that share a run come as g < h.
    let open = |g: usize, h: usize| {
        units[g].may_align(&units[h], config)
            && linked.later(g).binary_search(&(h as u32)).is_err()
            && caps.open(g, h, units, config)
    };
    let quotes = quotes::sharing_runs(&postings.quotes, config.max_term_postings, open);
    let phrases_once =
        quotes::written_once_per_document(&postings.phrases, PHRASE_MAX_SENTENCES, |x| {
            units[x as usize].doc
        });
    // Capped at PHRASE_MAX_SENTENCES already.
    let phrases = quotes::sharing_runs(&phrases_once, usize::MAX, |g, h| {
        stories.tell(&units[g], &units[h]) && open(g, h)
    });
    let bars = lowest_bars([
        (&quotes, config.corroborated_threshold),
        (&phrases, config.phrase_threshold),
    ]);
    let pairs: Vec<(usize, usize)> = bars.iter().map(|&(pair, _)| pair).collect();
    let lowest = bars
        .iter()
        .map(|&(_, bar)| bar)
        .fold(f32::INFINITY, f32::min);
    let mut found = links_in(&pairs, scorer, config, lowest..f32::INFINITY);
    found.retain(|&(g, h, score, _)| {
        bars.binary_search_by_key(&(g, h), |&(pair, _)| pair)
            .is_ok_and(|at| score >= bars[at].1)
    });
    // A reprinted sentence passes without the claim guard: the quoting
    // pairs not found are scored again without it.
    let unlinked: Vec<(usize, usize)> = quotes
        .iter()
        .copied()
        .filter(|&pair| {
            found
                .binary_search_by_key(&pair, |&(g, h, _, _)| (g, h))
                .is_err()
        })
        .collect();
    found.extend(reprints(&unlinked, scorer, config));
    found.sort_unstable_by_key(|&(g, h, _, _)| (g, h));
    (found, pairs.len())
}

/// How much of each sentence's terms the other must hold (its
/// containment: the weight of its terms the other matches) for two
/// sentences that share a quoted run to be one sentence printed twice,
/// which links without the claim guard. A shared run alone is often a
/// formula ("selon le ministre de l'Intérieur Christophe Castaner"): in
/// the 5,045 articles of the gilets jaunes corpus, 74,398 pairs of
/// sentences not linked yet, with room under the caps, share a quoted run,
/// and 35,583 of them do not link as quoting pairs; 10 of those hold 0.9
/// of each other's terms or more, each the same sentence in two articles;
/// 12 hold 0.8, the other two a government spokesman's title and name in
/// two different sentences; 92 hold 0.6.
const REPRINT_CONTAINMENT: f32 = 0.9;

/// The quoting pairs that score from `corroborated_threshold` up and are
/// one sentence printed twice (see [`REPRINT_CONTAINMENT`]), without the
/// claim guard.
fn reprints(pairs: &[(usize, usize)], scorer: &Scorer, config: &AlignConfig) -> Vec<Scored> {
    let range = config.corroborated_threshold..f32::INFINITY;
    pairs
        .par_iter()
        .map_init(ScoreScratch::default, |scratch, &(g, h)| {
            let (score, pair) = scorer.verbatim_link((g, h), config, range.clone(), scratch)?;
            let reprinted = pair.a_in_b.min(pair.b_in_a) >= REPRINT_CONTAINMENT;
            reprinted.then_some((g, h, score, pair))
        })
        .flatten()
        .collect()
}

/// Every pair of the lists, with the lowest bar of the lists it is in,
/// sorted by pair.
fn lowest_bars<const N: usize>(
    lists: [(&Vec<(usize, usize)>, f32); N],
) -> Vec<((usize, usize), f32)> {
    let mut bars: Vec<((usize, usize), f32)> = lists
        .iter()
        .flat_map(|&(pairs, bar)| pairs.iter().map(move |&pair| (pair, bar)))
        .collect();
    bars.par_sort_unstable_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
    bars.dedup_by_key(|&mut (pair, _)| pair);
    bars
}

/// Links a phrase may add only between two articles that share this many
/// links already: two articles of one story. Across a corpus, a phrase of
/// two words ("débat politique", "bonne santé", "26 ans") is as often a
/// collocation met in two stories: on 1,500 gilets articles, phrases
/// without this condition added 1,470 links, none right in a sample of 16;
/// with it they add 146, about half right in two samples of 16 (below
/// framediff's precision on every annotated set: at corpus scale phrases
/// trade precision for recall). The annotated stories do not move from 1
/// to 3.
const STORY_LINKS: u32 = 3;

/// How many links each pair of documents shares.
struct StoryPairs(FastMap<(u32, u32), u32>);

impl StoryPairs {
    fn new(linked: &[Scored], units: &[Unit]) -> StoryPairs {
        let mut counts = FastMap::default();
        for &(g, h, _, _) in linked {
            *counts.entry(Self::key(&units[g], &units[h])).or_insert(0) += 1;
        }
        StoryPairs(counts)
    }

    fn key(x: &Unit, y: &Unit) -> (u32, u32) {
        let (x, y) = (x.doc as u32, y.doc as u32);
        (x.min(y), x.max(y))
    }

    /// Whether the articles of two units tell one story.
    fn tell(&self, x: &Unit, y: &Unit) -> bool {
        self.0
            .get(&Self::key(x, y))
            .is_some_and(|&n| n >= STORY_LINKS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_in_both_lists_keeps_the_lower_bar() {
        let quotes = vec![(0, 1), (2, 3)];
        let phrases = vec![(0, 1), (4, 5)];
        assert_eq!(
            lowest_bars([(&quotes, 0.16), (&phrases, 0.10)]),
            vec![((0, 1), 0.10), ((2, 3), 0.16), ((4, 5), 0.10)]
        );
        assert_eq!(
            lowest_bars([(&quotes, 0.16), (&phrases, 0.20)]),
            vec![((0, 1), 0.16), ((2, 3), 0.16), ((4, 5), 0.20)]
        );
    }
}
