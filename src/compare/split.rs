//! Split claims: one outlet says in two adjacent sentences what another
//! says in one. A link whose side, read together with the next or previous
//! sentence, covers clearly more of the other sentence takes both
//! sentences as that side.

use rayon::prelude::*;

use super::links::Scored;
use crate::align::{AlignConfig, PairScore, ScoreScratch, Scorer, Unit, group_claims};
use crate::fasthash::FastMap;
use crate::vectorize::SentenceVector;

/// A link between one or two sentences (units, in order) on each side.
pub(super) struct Link {
    pub a: SideUnits,
    pub b: SideUnits,
    pub score: f32,
    pub pair: PairScore,
}

/// One unit, or two adjacent ones in order: a link's side, held in place.
/// Half a million links on a season of French press cost two allocations
/// each as vectors, made and freed on one thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct SideUnits {
    units: [usize; 2],
    len: usize,
}

impl SideUnits {
    fn one(unit: usize) -> SideUnits {
        SideUnits {
            units: [unit, unit],
            len: 1,
        }
    }

    fn two(x: usize, y: usize) -> SideUnits {
        SideUnits {
            units: [x.min(y), x.max(y)],
            len: 2,
        }
    }
}

impl std::ops::Deref for SideUnits {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        &self.units[..self.len]
    }
}

/// A link's side joined with a neighbour of its sentence.
struct Split {
    link: usize,
    joined_on_b: bool,
    neighbour: usize,
    score: f32,
    pair: PairScore,
}

/// Turns the kept links into [`Link`]s, joining split sides. When x links
/// to y, and y with its neighbour n is joined as x's counterpart, the link
/// x–n (if kept) is part of the joined link and is not kept on its own. Splits are taken strongest
/// first, and a link joins at most once, so the result does not depend on
/// the thread count.
pub(super) fn join_split_sides(
    scored: Vec<Scored>,
    units: &[Unit],
    scorer: &Scorer,
    config: &AlignConfig,
) -> Vec<Link> {
    let reach: Vec<TermSketch> = (0..units.len())
        .into_par_iter()
        .map(|n| TermSketch::reach(scorer, n))
        .collect();
    let mut splits: Vec<Split> = scored
        .par_iter()
        .enumerate()
        .map_init(SplitScratch::default, |scratch, (i, link)| {
            best_split(i, link, units, scorer, &reach, config, scratch)
        })
        .flatten()
        .collect();
    splits.sort_by(|p, q| q.score.total_cmp(&p.score).then(p.link.cmp(&q.link)));
    // The links come sorted by pair, each once, from the link passes
    // (`scored_links`): the few thousand splits find the link they absorb
    // by a binary search, where a hash map of a million links cost more to
    // build than all the lookups.
    debug_assert!(scored.is_sorted_by_key(|s| (s.0, s.1)));
    let link_of = |pair: (usize, usize)| scored.binary_search_by_key(&pair, |s| (s.0, s.1)).ok();
    let mut absorbed = vec![false; scored.len()];
    // Each link's split, as its place in `taken`: a few thousand splits
    // against half a million links, whose table of `Option<Split>` cost
    // 40 MB made and freed on one thread.
    let mut taken: Vec<Split> = Vec::new();
    let mut joined = vec![NOT_JOINED; scored.len()];
    for split in splits {
        let (g, h) = (scored[split.link].0, scored[split.link].1);
        let x = if split.joined_on_b { g } else { h };
        let other = link_of((x.min(split.neighbour), x.max(split.neighbour)));
        let other_taken = other.is_some_and(|j| joined[j] != NOT_JOINED || absorbed[j]);
        if absorbed[split.link] || joined[split.link] != NOT_JOINED || other_taken {
            continue;
        }
        if let Some(j) = other {
            absorbed[j] = true;
        }
        joined[split.link] = taken.len() as u32;
        taken.push(split);
    }
    // The links are made on all threads, in order: on one, writing half a
    // million of them to fresh memory was a serial step of the run.
    scored
        .into_par_iter()
        .zip(joined)
        .zip(absorbed)
        .filter(|(_, absorbed)| !absorbed)
        .map(
            |(((g, h, score, pair), joined), _)| match taken.get(joined as usize) {
                None => Link {
                    a: SideUnits::one(g),
                    b: SideUnits::one(h),
                    score,
                    pair,
                },
                Some(split) => {
                    let pair_of = |y: usize| SideUnits::two(y, split.neighbour);
                    let (a, b) = if split.joined_on_b {
                        (SideUnits::one(g), pair_of(h))
                    } else {
                        (pair_of(g), SideUnits::one(h))
                    };
                    Link {
                        a,
                        b,
                        score: split.score,
                        pair: split.pair.clone(),
                    }
                }
            },
        )
        .collect()
}

/// A link no split joins, in [`join_split_sides`]'s table of splits.
const NOT_JOINED: u32 = u32::MAX;

/// Groups the linked units into claims ([`group_claims`]), the two
/// sentences of a joined side counting as one: together they carry the
/// claim, in one document.
pub(super) fn claim_groups(links: &[Link], document_of: &[usize]) -> Vec<Vec<usize>> {
    // Each unit stands for the smallest unit it is joined with, through
    // any chain of joined sides (union-find).
    let mut stands_for: Vec<usize> = (0..document_of.len()).collect();
    fn root(stands_for: &mut [usize], mut u: usize) -> usize {
        while stands_for[u] != u {
            stands_for[u] = stands_for[stands_for[u]];
            u = stands_for[u];
        }
        u
    }
    for link in links {
        for side in [&link.a, &link.b] {
            for &u in &side[1..] {
                let (x, y) = (root(&mut stands_for, side[0]), root(&mut stands_for, u));
                let (low, high) = (x.min(y), x.max(y));
                stands_for[high] = low;
            }
        }
    }
    for u in 0..stands_for.len() {
        stands_for[u] = root(&mut stands_for, u);
    }
    let mut pairs: Vec<(usize, usize, f32)> = links
        .iter()
        .map(|l| {
            let (g, h) = (stands_for[l.a[0]], stands_for[l.b[0]]);
            (g.min(h), g.max(h), l.score)
        })
        .collect();
    pairs.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2)));
    pairs.dedup_by_key(|p| (p.0, p.1));
    let mut members: FastMap<usize, Vec<usize>> = FastMap::default();
    for (u, &r) in stands_for.iter().enumerate() {
        if r != u {
            members.entry(r).or_default().push(u);
        }
    }
    group_claims(&pairs, document_of)
        .into_iter()
        .map(|group| {
            let mut all: Vec<usize> = group
                .iter()
                .flat_map(|u| {
                    std::iter::once(*u).chain(members.get(u).into_iter().flatten().copied())
                })
                .collect();
            all.sort_unstable();
            all
        })
        .collect()
}

/// Buffers [`best_split`] reuses from link to link.
#[derive(Default)]
struct SplitScratch {
    score: ScoreScratch,
    /// The matched terms of the side looked at, see [`left_to_gain`].
    matched: Vec<(u32, u32, f32)>,
    gains: Vec<(u32, f32)>,
}

/// The best join of either side of link `i` with a neighbour of its
/// sentence, if one covers `split_gain` more of the other sentence.
fn best_split(
    i: usize,
    &(g, h, score, ref pair): &Scored,
    units: &[Unit],
    scorer: &Scorer,
    reach: &[TermSketch],
    config: &AlignConfig,
    split_scratch: &mut SplitScratch,
) -> Option<Split> {
    let SplitScratch {
        score: scratch,
        matched,
        gains,
    } = split_scratch;
    let mut best: Option<Split> = None;
    for joined_on_b in [true, false] {
        let (x, y) = if joined_on_b { (g, h) } else { (h, g) };
        let before = if joined_on_b {
            pair.a_in_b
        } else {
            pair.b_in_a
        };
        if neighbours(y, units).next().is_none() {
            continue;
        }
        matched.clear();
        matched.extend(pair.matches.iter().enumerate().map(|(at, m)| {
            let term = if joined_on_b { m.0 } else { m.1 };
            (term, at as u32, m.2)
        }));
        matched.sort_unstable_by_key(|&(term, at, _)| (term, at));
        let x_vector = scorer.space.vector(x);
        // The terms of x with something left to gain, found once for both
        // neighbours; and what any join could gain at most: all of it,
        // whoever holds the terms. Below `split_gain`, no neighbour's
        // terms are looked up. A neighbour's sum runs over some of the
        // same values in the same order: it is never above this one,
        // rounding included.
        gains.clear();
        gains.extend(left_to_gain(x_vector, matched).filter(|&(_, gain)| gain != 0.0));
        let left: f32 = gains.iter().map(|&(_, gain)| gain).sum();
        if left < config.split_gain {
            continue;
        }
        for n in neighbours(y, units) {
            let gain = gain_bound(scorer, gains, n, &reach[n]);
            if gain < config.split_gain {
                continue;
            }
            let n_vector = scorer.space.vector(n);
            // Better than either sentence alone: the neighbour may be the
            // one that says it all.
            let (alone_score, alone) = if joined_on_b {
                scorer.score_in(x_vector, n_vector, config, scratch)
            } else {
                scorer.score_in(n_vector, x_vector, config, scratch)
            };
            // Scored last: its matches stay in the scratch.
            let joined = scorer.space.vector(y).joined(n_vector);
            let (s, p) = if joined_on_b {
                scorer.score_in(x_vector, &joined, config, scratch)
            } else {
                scorer.score_in(&joined, x_vector, config, scratch)
            };
            let after = if joined_on_b { p.a_in_b } else { p.b_in_a };
            let alone = if joined_on_b {
                alone.a_in_b
            } else {
                alone.b_in_a
            };
            let better = best.as_ref().is_none_or(|b| s > b.score);
            // Together the two sentences say what x says: a split, not a
            // longer passage that happens to cover more of x.
            let equivalent = p.a_in_b.min(p.b_in_a) >= config.same_threshold;
            if after >= before.max(alone) + config.split_gain
                && equivalent
                && s > score.max(alone_score)
                && better
                && scorer.is_claim(&scratch.matches, p.shared, config)
            {
                let matches = scratch.matches.clone();
                best = Some(Split {
                    link: i,
                    joined_on_b,
                    neighbour: n,
                    score: s,
                    pair: PairScore { matches, ..p },
                });
            }
        }
    }
    best
}

/// The sentences just before and after unit `y` in its document, of the
/// same kind: a headline is not half of the lead's claim.
fn neighbours(y: usize, units: &[Unit]) -> impl Iterator<Item = usize> + '_ {
    let before = y.checked_sub(1);
    let after = Some(y + 1).filter(|&n| n < units.len());
    [before, after].into_iter().flatten().filter(move |&n| {
        units[n].doc == units[y].doc
            && units[n].sentence.abs_diff(units[y].sentence) == 1
            && units[n].title == units[y].title
    })
}

/// An estimate of how much more of x a join with sentence `n` can cover
/// (an upper bound unless the new matching moves a term's match and frees
/// another's), to skip the joins that cannot gain `split_gain`: the sum of
/// `gains` (x's terms with what their match leaves to gain, see
/// [`left_to_gain`]) over the terms `n` holds, or holds a variant or
/// synonym of. `reach` ([`TermSketch::reach`] of n) rules most terms out
/// before their links are read.
fn gain_bound(scorer: &Scorer, gains: &[(u32, f32)], n: usize, reach: &TermSketch) -> f32 {
    let other = scorer.space.vector(n);
    // Both lists are sorted by term: n's terms are walked once, in step,
    // rather than searched for each term of x.
    let held = other.terms();
    let mut at = 0;
    gains
        .iter()
        .filter(|&&(t, _)| {
            if !reach.may_hold(t) {
                return false;
            }
            while held.get(at).is_some_and(|&(u, _)| u < t) {
                at += 1;
            }
            held.get(at).is_some_and(|&(u, w)| u == t && w > 0.0)
                || scorer
                    .links
                    .neighbours(t)
                    .iter()
                    .any(|&(u, _, _)| other.weight(u) > 0.0)
        })
        .map(|&(_, gain)| gain)
        .sum()
}

/// A set of terms as 256 bits, one per hashed term: a term whose bit is
/// clear is not in the set. The split pass asks, for each term of x with
/// something left to gain, whether a neighbour holds it or a variant or
/// synonym of it; most terms are in neither, and the neighbour's sketch
/// of all it reaches says so without reading the term's links or
/// searching the neighbour's terms.
struct TermSketch([u64; 4]);

impl TermSketch {
    /// The terms of sentence `n` and every term linked to one of them.
    /// Links go both ways ([`TermLinks`](crate::vectorize::TermLinks) is
    /// symmetric): a term linked to one of n's terms is among those
    /// terms' links.
    fn reach(scorer: &Scorer, n: usize) -> TermSketch {
        let mut sketch = TermSketch([0; 4]);
        for &(t, _) in scorer.space.vector(n).terms() {
            sketch.insert(t);
            for &(u, _, _) in scorer.links.neighbours(t) {
                sketch.insert(u);
            }
        }
        sketch
    }

    fn bit(term: u32) -> usize {
        // Ids are dense: the high bits of a multiplicative hash spread
        // neighbouring ids over the whole sketch.
        (term.wrapping_mul(0x9E37_79B9) >> 24) as usize
    }

    fn insert(&mut self, term: u32) {
        let b = Self::bit(term);
        self.0[b / 64] |= 1 << (b % 64);
    }

    fn may_hold(&self, term: u32) -> bool {
        let b = Self::bit(term);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// Each term of `x` with what its match leaves to gain: its squared
/// weight times `1 - sim`, where `sim` is the similarity of the first
/// match of the term (0 when unmatched). `matched` holds (term, place in
/// the matches, similarity), sorted: both lists are walked once, in step
/// (a search of the matches for each term of x costs their product, and a
/// sentence may hold thousands of terms).
fn left_to_gain<'a>(
    x: &'a SentenceVector,
    matched: &'a [(u32, u32, f32)],
) -> impl Iterator<Item = (u32, f32)> + 'a {
    let mut at = 0;
    x.terms().iter().map(move |&(t, w)| {
        while matched.get(at).is_some_and(|m| m.0 < t) {
            at += 1;
        }
        let sim = matched.get(at).filter(|m| m.0 == t).map_or(0.0, |m| m.2);
        (t, w * w * (1.0 - sim))
    })
}

#[cfg(test)]
mod tests {
    use crate::{Comparison, Document};

    fn compare(a: &str, b: &str) -> Comparison {
        let docs = vec![Document::new("a", a), Document::new("b", b)];
        Comparison::new(docs, &Default::default()).expect("comparison")
    }

    #[test]
    fn a_claim_split_over_two_sentences_links_as_one() {
        let cmp = compare(
            "Les rebelles ont pris Alep lundi, et l'armée syrienne s'est retirée de Hama mardi.",
            "Les rebelles ont pris Alep lundi. L'armée syrienne s'est retirée de Hama mardi.",
        );
        assert_eq!(cmp.alignments.len(), 1, "{:#?}", cmp.alignments);
        let link = &cmp.alignments[0];
        assert_eq!(
            (link.a.sentences.as_slice(), link.b.sentences.as_slice()),
            (&[0][..], &[0, 1][..])
        );
        assert_eq!(link.relation, crate::align::Relation::Same);
        assert!(cmp.unmatched.is_empty());
        assert_eq!(cmp.claims.len(), 1);
        assert_eq!(cmp.claims[0].sentences.len(), 3);
    }

    #[test]
    fn the_first_document_may_be_the_one_that_split() {
        let cmp = compare(
            "Les rebelles ont pris Alep lundi. L'armée syrienne s'est retirée de Hama mardi.",
            "Les rebelles ont pris Alep lundi, et l'armée syrienne s'est retirée de Hama mardi.",
        );
        assert_eq!(cmp.alignments.len(), 1, "{:#?}", cmp.alignments);
        let link = &cmp.alignments[0];
        assert_eq!(
            (link.a.sentences.as_slice(), link.b.sentences.as_slice()),
            (&[0, 1][..], &[0][..])
        );
        assert_eq!(cmp.claims[0].documents().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn a_headline_is_not_joined_with_the_lead() {
        let cmp = compare(
            "Les rebelles ont pris Alep lundi, et l'armée syrienne s'est retirée de Hama mardi.",
            "Les rebelles ont pris Alep lundi\nL'armée syrienne s'est retirée de Hama mardi.",
        );
        assert_eq!(
            cmp.documents[1].sentences[0].sentence.kind,
            crate::segment::SentenceKind::Title
        );
        assert!(
            cmp.alignments.iter().all(|l| l.b.sentences.len() == 1),
            "{:#?}",
            cmp.alignments
        );
    }

    #[test]
    fn the_best_counterpart_of_a_split_claim_is_both_sentences() {
        let cmp = compare(
            "Les rebelles ont pris Alep lundi, et l'armée syrienne s'est retirée de Hama mardi.",
            "Les rebelles ont pris Alep lundi. L'armée syrienne s'est retirée de Hama mardi.",
        );
        let best = cmp.best_counterparts("a", 0);
        assert_eq!(best.len(), 1);
        assert_eq!(
            (best[0].doc.as_str(), best[0].sentences.as_slice()),
            ("b", &[0, 1][..])
        );
        for sentence in [0, 1] {
            let back = cmp.best_counterparts("b", sentence);
            assert_eq!(back[0].sentences, [0], "from b:{sentence}");
        }
    }

    #[test]
    fn a_lexicon_example_cites_the_sentence_of_the_side_that_holds_the_word() {
        let cmp = compare(
            "Les rebelles ont pris Alep lundi, et les terroristes ont chassé l'armée syrienne de Hama mardi.",
            "Les rebelles ont pris Alep lundi. Les insurgés ont chassé l'armée syrienne de Hama mardi.",
        );
        assert_eq!(
            cmp.alignments[0].b.sentences,
            [0, 1],
            "{:#?}",
            cmp.alignments
        );
        let entry = cmp
            .lexicon
            .overall
            .iter()
            .find(|e| e.a == "insurgés" || e.b == "insurgés");
        let entry = entry.unwrap_or_else(|| panic!("{:#?}", cmp.lexicon.overall));
        let example = &entry.examples[0];
        let in_b = if example.a.doc == "b" {
            &example.a
        } else {
            &example.b
        };
        assert_eq!(in_b.sentence, 1, "{example:?}");
    }

    #[test]
    fn a_neighbour_that_says_more_is_not_joined() {
        let cmp = compare(
            "Les rebelles ont pris Alep lundi.",
            "Les rebelles ont pris Alep lundi. Le président a réuni son gouvernement et annoncé des réformes économiques.",
        );
        assert!(cmp.alignments.iter().all(|l| l.b.sentences == [0]));
    }

    #[test]
    fn the_differences_of_a_joined_side_cover_both_sentences() {
        let cmp = compare(
            "Les terroristes ont pris Alep lundi, et l'armée syrienne s'est retirée de Hama mardi.",
            "Les rebelles ont pris Alep lundi. L'armée syrienne s'est retirée de Hama mardi.",
        );
        let link = &cmp.alignments[0];
        assert_eq!(link.b.sentences, [0, 1]);
        assert!(
            link.differences
                .iter()
                .any(|d| d.a.as_deref() == Some("terroristes")),
            "{:#?}",
            link.differences
        );
        let cmp = compare(
            "Les rebelles ont pris Alep lundi, et l'armée syrienne s'est retirée de Hama mardi.",
            "Les rebelles ont pris Alep lundi. L'armée syrienne aurait fui Hama mardi.",
        );
        let link = &cmp.alignments[0];
        assert_eq!(link.b.sentences, [0, 1]);
        // A difference in the second sentence of the joined side.
        let second = cmp.documents[1].sentences[1].sentence.span();
        assert!(
            link.differences
                .iter()
                .any(|d| d.b_span.is_some_and(|(s, _)| second.contains(&s))),
            "{:#?}",
            link.differences
        );
    }
}
