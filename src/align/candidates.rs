//! Candidate pairs from an inverted index: term → sentences.
//!
//! The index is built once; then each sentence looks up the postings of its
//! own terms and of the terms linked to them, on its own, so blocks of
//! sentences can be searched in parallel and the work follows the postings
//! visited, not the square of the corpus.

use crate::vectorize::{TermLinks, VectorSpace};

use super::score::MatchCount;
use super::scorer::match_anchors;
use super::{AlignConfig, ModelGate, Role};
use crate::prefetch::prefetch;

/// One alignable sentence: where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Index of its document in the input.
    pub doc: usize,
    /// Index of the sentence in its document.
    pub sentence: usize,
    /// Index of its outlet (documents without an outlet are their own).
    pub outlet: usize,
    /// Its document's date as a day number, when it has a readable one.
    pub day: Option<i64>,
    /// Whether it is a title (a headline or a section heading).
    pub title: bool,
}

impl Unit {
    /// Whether two sentences may align: different documents, different
    /// outlets unless the configuration allows the same one, and within the
    /// date window when there is one and both documents are dated.
    pub fn may_align(&self, other: &Unit, config: &AlignConfig) -> bool {
        self.doc != other.doc
            && (config.same_outlet || self.outlet != other.outlet)
            && match (config.date_window, self.day, other.day) {
                (Some(window), Some(a), Some(b)) => (a - b).abs() <= i64::from(window),
                _ => true,
            }
    }
}

/// Corpora smaller than this index every term: skipping common terms only
/// pays, and is only safe, when lists are long.
const MIN_SENTENCES_FOR_TERM_CAP: usize = 1_000;

/// The inverted index: for each term, the sentences that hold it (sorted)
/// with the term's weight there, and the length from which a list is too
/// common to generate candidates.
pub(crate) struct Index<'a> {
    units: &'a [Unit],
    space: &'a VectorSpace,
    links: &'a TermLinks,
    /// Each term's role: pairs without a possible match of two anchoring
    /// terms are left out (see [`Bound::matches`]).
    roles: &'a [Role],
    config: &'a AlignConfig,
    /// Each sentence's side: its outlet, or its document when sentences
    /// of one outlet may align. Sentences of one side never align (a
    /// document has one outlet), and this array of 4-byte numbers is read
    /// for every new candidate where the units would cost a cache miss.
    sides: Vec<u32>,
    postings: Vec<Vec<(u32, f32)>>,
    cap: usize,
    /// Each term's number among the common terms (lists longer than
    /// `cap`), in term order, or `u32::MAX`: the search's tables of common
    /// keys are indexed by these small numbers, and stay in cache.
    common_number: Vec<u32>,
    /// How many terms are common.
    common_count: usize,
    /// Each sentence's common terms by number, with their weights, in the
    /// order of its vector, all sentences in one array: sentence h's are
    /// `common_terms[common_from[h]..common_from[h + 1]]`. Only these can
    /// meet the common keys of a search, and reading them from one array
    /// spares a cache miss per candidate.
    common_terms: Vec<(u32, f32)>,
    common_from: Vec<u32>,
    /// The link model's gate, when there is a model: pairs it rules out
    /// are no candidates.
    gate: Option<&'a ModelGate<'a>>,
}

/// What the postings visited say about one candidate: upper bounds of the
/// measures [`super::score_pair`] computes, and of its number of matches.
#[derive(Debug, Clone, Copy, Default)]
struct Bound {
    cosine: f32,
    a_in_b: f32,
    b_in_a: f32,
    /// The possible matches, and whether one of them matches two anchoring
    /// terms: a pair without one fails the claim guard whatever its score
    /// ([`super::Scorer::is_claim`]), a fifth of the pairs the bound keeps
    /// on the gilets corpus, which the scorer would otherwise fetch and
    /// match term by term only to find so.
    matches: MatchCount,
}

/// A term the search looks up: one of the searched sentence's terms or a
/// term linked to one, with that term's weight, the link's similarity, and
/// whether both terms anchor a claim.
#[derive(Debug, Clone, Copy)]
struct Key {
    weight: f32,
    term: u32,
    similarity: f32,
    anchored: bool,
}

/// Per-thread scratch space for [`Index::later_candidates`].
pub(crate) struct Scratch {
    bounds: Vec<Bound>,
    touched: Vec<u32>,
    kept: Vec<u32>,
    /// The common keys of the sentence searched, their `term` replaced by
    /// their number among the common terms.
    common: Vec<Key>,
    /// The keys of the sentence searched: its terms, each followed by the
    /// terms linked to it.
    keys: Vec<Key>,
    /// For each common term by number, its first place in `common`, or
    /// `u32::MAX`.
    common_at: Vec<u32>,
}

/// How many candidates ahead the search asks for their data: far enough
/// for a load from memory to arrive, near enough to stay in the cache.
const PREFETCH_AHEAD: usize = 8;

/// How many keys ahead the search asks for a key's postings (and twice as
/// many for the list's place in the index).
const KEYS_AHEAD: usize = 2;

impl<'a> Index<'a> {
    /// The index of the sentences `units`, whose vectors are `space`'s and
    /// whose terms' roles are `roles`: the search keeps no pair without a
    /// possible match of two anchoring terms.
    pub fn new(
        units: &'a [Unit],
        space: &'a VectorSpace,
        links: &'a TermLinks,
        roles: &'a [Role],
        config: &'a AlignConfig,
    ) -> Index<'a> {
        Index::capped_from(
            units,
            space,
            links,
            roles,
            config,
            MIN_SENTENCES_FOR_TERM_CAP,
        )
    }

    /// [`Index::new`], with common terms left out of the lookups from
    /// `min_sentences` sentences on (tests set it low, to search small
    /// corpora the way large ones are searched).
    fn capped_from(
        units: &'a [Unit],
        space: &'a VectorSpace,
        links: &'a TermLinks,
        roles: &'a [Role],
        config: &'a AlignConfig,
        min_sentences: usize,
    ) -> Index<'a> {
        let n = units.len();
        let cap = if n >= min_sentences {
            ((config.max_term_share * n as f32) as usize).clamp(1, config.max_term_postings)
        } else {
            usize::MAX
        };
        // The postings and the common terms are built side by side: the
        // common terms need only the length of each term's postings, which
        // a count gives. One after the other they kept one thread busy
        // 21-25 ms on the gilets corpus while the other idled; together,
        // 16-22 ms.
        let (postings, common) = rayon::join(|| postings_of(space), || common_terms(space, cap));
        let CommonTerms {
            number: common_number,
            count: common_count,
            terms: common_terms,
            from: common_from,
        } = common;
        let sides = units
            .iter()
            .map(|u| if config.same_outlet { u.doc } else { u.outlet } as u32)
            .collect();
        Index {
            units,
            sides,
            space,
            links,
            roles,
            config,
            postings,
            cap,
            common_number,
            common_count,
            common_terms,
            common_from,
            gate: None,
        }
    }

    /// The index, keeping only the candidates `gate` lets through.
    pub fn with_gate(self, gate: Option<&'a ModelGate<'a>>) -> Index<'a> {
        Index { gate, ..self }
    }

    /// Fresh scratch space sized for this index.
    pub fn scratch(&self) -> Scratch {
        Scratch {
            bounds: vec![Bound::default(); self.units.len()],
            touched: Vec::new(),
            kept: Vec::new(),
            common: Vec::new(),
            keys: Vec::new(),
            common_at: vec![u32::MAX; self.common_count],
        }
    }

    /// The sentences h > g that may align with g and share an informative
    /// term (or a term linked to one) with it, in the order the postings
    /// met them; how many of them could still reach the first pass's floor
    /// ([`AlignConfig::first_pass_floor`]) with enough matched terms; and among those, sorted, the ones with a
    /// possible match of two anchoring terms. The
    /// bound sums every term match without the score's one-to-one rule, so
    /// it is never below the score: the pairs left out would all be
    /// rejected after scoring.
    pub fn later_candidates<'s>(
        &self,
        g: usize,
        scratch: &'s mut Scratch,
    ) -> (&'s [u32], usize, &'s [u32]) {
        let Scratch {
            bounds,
            touched,
            kept,
            common,
            keys,
            common_at,
        } = scratch;
        touched.clear();
        kept.clear();
        // Matches through common terms are not looked up in the index;
        // they are added to each candidate's bound directly.
        common.clear();
        keys.clear();
        for &(ta, wa) in self.space.vector(g).terms() {
            let key = |tb: u32, similarity: f32| Key {
                weight: wa,
                term: tb,
                similarity,
                anchored: match_anchors(self.roles, ta, tb),
            };
            keys.push(key(ta, 1.0));
            keys.extend(self.links.neighbours(ta).iter().map(|n| key(n.0, n.1)));
        }
        for (i, &key) in keys.iter().enumerate() {
            // The keys' lists are at random places: the list a few keys
            // on, and further on its place in the index, are asked for.
            if let Some(far) = keys.get(i + 2 * KEYS_AHEAD) {
                prefetch(&self.postings, far.term as usize);
            }
            if let Some(near) = keys.get(i + KEYS_AHEAD) {
                let list = &self.postings[near.term as usize];
                prefetch(list, list.len() / 2);
            }
            let Key {
                weight: wa,
                term,
                similarity,
                anchored,
            } = key;
            let list = &self.postings[term as usize];
            if list.len() > self.cap {
                common.push(Key {
                    term: self.common_number[term as usize],
                    ..key
                });
                continue;
            }
            // Postings are sorted: only look at later sentences.
            let later = list.partition_point(|&(h, _)| h as usize <= g);
            let later = &list[later..];
            for (i, &(h, wb)) in later.iter().enumerate() {
                // The list says which bounds come next: the one a few
                // postings on is asked for while this one is summed.
                if let Some(&(ahead, _)) = later.get(i + PREFETCH_AHEAD) {
                    prefetch(bounds, ahead as usize);
                }
                let hu = h as usize;
                let bound = &mut bounds[hu];
                if bound.matches.is_empty() {
                    if !self.may_align(g, hu) {
                        continue;
                    }
                    touched.push(h);
                }
                bound.cosine += wa * wb * similarity;
                bound.a_in_b += wa * wa * similarity;
                bound.b_in_a += wb * wb * similarity;
                bound.matches.add(anchored);
            }
        }
        // Only the few candidates kept are sorted (below): sorting all of
        // them cost more than their order saves in the reads that follow.
        // Where each common key starts in `common`, for direct lookup.
        common.sort_unstable_by_key(|c| c.term);
        for (at, c) in common.iter().enumerate().rev() {
            common_at[c.term as usize] = at as u32;
        }
        let mut passing = 0;
        // No bound short of the exact sum over the candidate's own common
        // terms pays here: with each common term at its largest weight, it
        // ruled out 73,000 of the gilets corpus's 38 million candidates
        // (the exact sum, 36.4 million), and a bound from the 64 most
        // common terms' bits and 64 buckets of the others, 11.5 million,
        // for more time than it saved.
        for (i, &h) in touched.iter().enumerate() {
            // The candidates' lists and bounds are read in an order known
            // ahead: a few steps on, their loads overlap.
            if let Some(&ahead) = touched.get(i + PREFETCH_AHEAD) {
                let ahead = ahead as usize;
                prefetch(&self.common_terms, self.common_from[ahead] as usize);
                prefetch(bounds, ahead);
            }
            let h = h as usize;
            let mut bound = std::mem::take(&mut bounds[h]);
            let own = self.common_from[h] as usize..self.common_from[h + 1] as usize;
            for &(key, wb) in &self.common_terms[own] {
                let mut at = common_at[key as usize] as usize;
                while at < common.len() && common[at].term == key {
                    let Key {
                        weight: wa,
                        similarity,
                        anchored,
                        ..
                    } = common[at];
                    bound.cosine += wa * wb * similarity;
                    bound.a_in_b += wa * wa * similarity;
                    bound.b_in_a += wb * wb * similarity;
                    bound.matches.add(anchored);
                    at += 1;
                }
            }
            if self.may_pass(g, h, &bound) {
                passing += 1;
                if bound.matches.anchored() {
                    kept.push(h as u32);
                }
            }
        }
        for c in common.iter() {
            common_at[c.term as usize] = u32::MAX;
        }
        kept.sort_unstable();
        (touched, passing, kept)
    }

    /// [`Unit::may_align`], reading the units only when there is a date
    /// window.
    fn may_align(&self, g: usize, h: usize) -> bool {
        self.sides[g] != self.sides[h]
            && (self.config.date_window.is_none()
                || self.units[g].may_align(&self.units[h], self.config))
    }

    fn may_pass(&self, g: usize, h: usize, bound: &Bound) -> bool {
        let bound = super::score::Bound {
            cosine: bound.cosine,
            a_in_b: bound.a_in_b,
            b_in_a: bound.b_in_a,
            candidates: bound.matches.count(),
        };
        super::scorer::may_reach(&bound, self.config, self.config.first_pass_floor())
            && self
                .gate
                .is_none_or(|gate| gate.may_link(g, h, &bound, self.config))
    }
}

/// Each term's sentences in order, with the term's weight in each.
fn postings_of(space: &VectorSpace) -> Vec<Vec<(u32, f32)>> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); space.vocabulary().len()];
    for (g, vector) in space.vectors().iter().enumerate() {
        for &(term, weight) in vector.terms() {
            postings[term as usize].push((g as u32, weight));
        }
    }
    postings
}

/// The terms whose postings are longer than the cap, and each sentence's
/// share of them: the fields `common_*` of [`Index`].
struct CommonTerms {
    number: Vec<u32>,
    count: usize,
    terms: Vec<(u32, f32)>,
    from: Vec<u32>,
}

/// The common terms of `space`: those in more than `cap` sentences (each
/// occurrence counted, as the postings hold one entry per occurrence).
fn common_terms(space: &VectorSpace, cap: usize) -> CommonTerms {
    let mut postings_len = vec![0usize; space.vocabulary().len()];
    for vector in space.vectors() {
        for &(term, _) in vector.terms() {
            postings_len[term as usize] += 1;
        }
    }
    let mut number = vec![u32::MAX; postings_len.len()];
    let mut count = 0;
    for (term, &len) in postings_len.iter().enumerate() {
        if len > cap {
            number[term] = count as u32;
            count += 1;
        }
    }
    let mut terms = Vec::new();
    let mut from = Vec::with_capacity(space.vectors().len() + 1);
    from.push(0);
    for vector in space.vectors() {
        terms.extend(vector.terms().iter().filter_map(|&(term, weight)| {
            let common = number[term as usize];
            (common != u32::MAX).then_some((common, weight))
        }));
        from.push(terms.len() as u32);
    }
    CommonTerms {
        number,
        count,
        terms,
        from,
    }
}

#[cfg(test)]
type Pairs = Vec<(usize, usize)>;

/// The pairs (g, h), g < h, that share at least one informative term or a
/// term linked to one, and those of them the bound keeps for scoring (only
/// those with a possible match of two anchoring terms by `roles`); with
/// common terms left out of the lookups from `min_sentences_for_cap`
/// sentences on; and with `gate`, when given, ruling pairs out too.
#[cfg(test)]
pub(crate) fn candidate_pairs(
    units: &[Unit],
    space: &VectorSpace,
    links: &TermLinks,
    roles: &[Role],
    config: &AlignConfig,
    (min_sentences_for_cap, gate): (usize, Option<&ModelGate>),
) -> (Pairs, Pairs) {
    let index = Index::capped_from(units, space, links, roles, config, min_sentences_for_cap)
        .with_gate(gate);
    let mut scratch = index.scratch();
    let (mut proposed, mut kept) = (Vec::new(), Vec::new());
    for g in 0..units.len() {
        let (all, _, passing) = index.later_candidates(g, &mut scratch);
        proposed.extend(all.iter().map(|&h| (g, h as usize)));
        kept.extend(passing.iter().map(|&h| (g, h as usize)));
    }
    (proposed, kept)
}

/// Every pair that may align: the reference the index is tested against.
#[cfg(test)]
pub(crate) fn brute_force_pairs(units: &[Unit], config: &AlignConfig) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for g in 0..units.len() {
        for h in g + 1..units.len() {
            if units[g].may_align(&units[h], config) {
                pairs.push((g, h));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::lang::Language;

    #[test]
    fn common_terms_are_the_terms_with_postings_longer_than_the_cap() {
        let analyzer = Analyzer::new(Language::French);
        let sentences = [
            "Les manifestants bloquent la route.",
            "La route est bloquée par les manifestants.",
            "Le gouvernement répond aux manifestants.",
        ];
        let tokens: Vec<_> = sentences.iter().map(|s| analyzer.analyze(s)).collect();
        let space = VectorSpace::build(tokens.iter().map(|t| t.as_slice()));
        let postings = postings_of(&space);
        // "manifestants" is in all three sentences: common below a cap of 3.
        assert!(common_terms(&space, 2).count >= 1);
        assert_eq!(common_terms(&space, 3).count, 0);
        for cap in 0..4 {
            let common = common_terms(&space, cap);
            let expected: Vec<usize> = (0..postings.len())
                .filter(|&term| postings[term].len() > cap)
                .collect();
            assert_eq!(common.count, expected.len());
            for (number, &term) in expected.iter().enumerate() {
                assert_eq!(common.number[term], number as u32);
            }
            for g in 0..sentences.len() {
                let held: Vec<(u32, f32)> = space.vectors()[g]
                    .terms()
                    .iter()
                    .filter(|&&(term, _)| postings[term as usize].len() > cap)
                    .map(|&(term, weight)| (common.number[term as usize], weight))
                    .collect();
                let from = common.from[g] as usize..common.from[g + 1] as usize;
                assert_eq!(&common.terms[from], held.as_slice());
            }
        }
    }
}
