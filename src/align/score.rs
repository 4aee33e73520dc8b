//! Scoring one candidate pair of sentences, explainably.

use serde::{Deserialize, Serialize};

use crate::align::Role;
use crate::align::scorer::match_anchors;
use crate::analyze::CompactString;
use crate::vectorize::{SentenceVector, TermId, TermLinks, TermRelation, Vocabulary};

/// One pair of terms that matched between two sentences, and what it
/// contributed to the score.
///
/// ```
/// use framediff::{Comparison, Document};
/// let cmp = Comparison::new(vec![
///     Document::new("a", "Les rebelles ont pris Alep."),
///     Document::new("b", "Les insurgés ont pris Alep."),
/// ], &Default::default())?;
/// let m = cmp.alignments[0].matched_terms.iter().find(|m| m.a == "rebelles").unwrap();
/// assert_eq!((m.b.as_str(), m.relation), ("insurgés", framediff::vectorize::TermRelation::Synonym));
/// # Ok::<(), framediff::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermMatch {
    /// The term on side a (its first normalised form; a concept's phrase,
    /// "aux côtés", as its words are written).
    pub a: CompactString,
    /// The term on side b.
    pub b: CompactString,
    /// Exact, spelling variant, synonym or rounded figure.
    pub relation: TermRelation,
    /// The similarity of the two terms (1 for an exact match).
    pub similarity: f32,
    /// The part of the pair's score this match accounts for, in [0, 1].
    pub contribution: f32,
}

/// One matched term pair: (a term, b term, similarity, relation, w_a, w_b).
pub(crate) type Match = (TermId, TermId, f32, TermRelation, f32, f32);

/// The raw measures of a pair, before thresholds.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PairScore {
    /// Soft cosine: Σ w_a · w_b · similarity over matched terms.
    pub cosine: f32,
    /// How much of a's weight b covers (Σ w_a² · similarity).
    pub a_in_b: f32,
    /// How much of b's weight a covers.
    pub b_in_a: f32,
    /// The information the two share: Σ similarity · √(raw w_a · raw w_b),
    /// about the summed IDF of the matched terms.
    pub shared: f32,
    /// The matched term pairs, strongest first.
    pub matches: Vec<Match>,
}

impl PairScore {
    /// The containment of the side that is better covered.
    pub fn containment(&self) -> f32 {
        self.a_in_b.max(self.b_in_a)
    }
}

/// The order of terms by stem, in byte order: ties between matches of
/// equal strength go by stems, so that the matching depends neither on
/// term ids (the order documents came in) nor on which sentence is a.
/// Ranks compare as the stems do, without reading the strings.
pub(crate) struct StemOrder {
    rank: Vec<u32>,
}

impl StemOrder {
    pub fn new(vocabulary: &Vocabulary) -> StemOrder {
        let mut ids: Vec<TermId> = (0..vocabulary.len() as TermId).collect();
        ids.sort_unstable_by(|&x, &y| vocabulary.info(x).stem.cmp(&vocabulary.info(y).stem));
        let mut rank = vec![0; ids.len()];
        for (r, id) in ids.into_iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        StemOrder { rank }
    }

    /// The two stems' ranks, unordered, as one key.
    fn pair_key(&self, a: TermId, b: TermId) -> u64 {
        let (x, y) = (self.rank[a as usize], self.rank[b as usize]);
        (u64::from(x.min(y)) << 32) | u64::from(x.max(y))
    }
}

/// A possible match, with its strength, where its terms sit in the two
/// sorted term lists, and its place in the order [`find_candidates`] finds
/// candidates in (a's terms in order, each's exact match before its linked
/// terms'): the last tie-break of the matching, so that candidates found in
/// another order (see [`super::side_matches`]) match the same way.
#[derive(Clone, Copy)]
pub(super) struct Candidate {
    strength: f32,
    term: Match,
    at_a: u32,
    at_b: u32,
    ordinal: u32,
}

/// Adds a possible match to `candidates` and its measures to `bound`.
#[allow(clippy::too_many_arguments)] // the parts of one candidate, named
pub(super) fn add_candidate(
    candidates: &mut Vec<Candidate>,
    bound: &mut Bound,
    term: Match,
    at_a: usize,
    at_b: usize,
    ordinal: usize,
) {
    let (_, _, sim, _, wa, wb) = term;
    bound.cosine += wa * wb * sim;
    bound.a_in_b += wa * wa * sim;
    bound.b_in_a += wb * wb * sim;
    candidates.push(Candidate {
        strength: sim * (wa * wb),
        term,
        at_a: at_a as u32,
        at_b: at_b as u32,
        ordinal: ordinal as u32,
    });
}

/// Buffers [`score_pair_into`] reuses from pair to pair: scoring a corpus
/// allocates nothing per pair.
#[derive(Default)]
pub(crate) struct ScoreScratch {
    pub(super) candidates: Vec<Candidate>,
    used_a: Vec<bool>,
    used_b: Vec<bool>,
    /// The matches of the pair scored last, strongest first.
    pub matches: Vec<Match>,
}

impl ScoreScratch {
    /// Whether any possible match [`find_candidates`] left here passes
    /// `test`: the one-to-one matches are some of them.
    pub fn any_candidate(&self, test: impl Fn(&Match) -> bool) -> bool {
        self.candidates.iter().any(|c| test(&c.term))
    }
}

/// Matches the terms of two sentences one to one, strongest first, and
/// measures the overlap both ways.
pub(crate) fn score_pair(
    a: &SentenceVector,
    b: &SentenceVector,
    links: &TermLinks,
    order: &StemOrder,
) -> PairScore {
    let mut scratch = ScoreScratch::default();
    let measures = score_pair_into(a, b, links, order, &mut scratch);
    PairScore {
        matches: scratch.matches,
        ..measures
    }
}

/// [`score_pair`] in reused buffers: the measures are returned with no
/// matches, and the matches are left in `scratch.matches`, to be copied
/// only for the pairs that are kept.
pub(crate) fn score_pair_into(
    a: &SentenceVector,
    b: &SentenceVector,
    links: &TermLinks,
    order: &StemOrder,
    scratch: &mut ScoreScratch,
) -> PairScore {
    find_candidates(a, b, links, scratch);
    match_candidates(a, b, order, scratch)
}

/// Every possible match of a's terms (and the terms linked to them) in b,
/// left in the scratch; returns the measures summed over all of them, one
/// to one or not: the measures [`match_candidates`] computes can only be
/// lower (up to rounding), and `matches` holds how many candidates there
/// are, at least the number of one-to-one matches.
pub(crate) fn find_candidates(
    a: &SentenceVector,
    b: &SentenceVector,
    links: &TermLinks,
    scratch: &mut ScoreScratch,
) -> Bound {
    let candidates = &mut scratch.candidates;
    candidates.clear();
    let b_terms = b.terms();
    let mut bound = Bound::default();
    let mut candidate = |ta, tb, sim, relation, wa, wb: f32, at_a: usize, at_b: usize| {
        let ordinal = candidates.len();
        let term = (ta, tb, sim, relation, wa, wb);
        add_candidate(candidates, &mut bound, term, at_a, at_b, ordinal);
    };
    // a's terms come in id order: b's exact matches are found by a merge
    // (a step at a time: a binary search per term cost twice as much on
    // sentences of a few dozen terms).
    let mut from_b = 0;
    for (at_a, &(ta, wa)) in a.terms().iter().enumerate() {
        while b_terms.get(from_b).is_some_and(|&(id, _)| id < ta) {
            from_b += 1;
        }
        if let Some(&(tb, wb)) = b_terms.get(from_b)
            && tb == ta
        {
            candidate(ta, ta, 1.0, TermRelation::Exact, wa, wb, at_a, from_b);
        }
        for &(tb, sim, relation) in links.neighbours(ta) {
            if let Ok(at_b) = b_terms.binary_search_by_key(&tb, |&(id, _)| id) {
                let wb = b_terms[at_b].1;
                candidate(ta, tb, sim, relation, wa, wb, at_a, at_b);
            }
        }
    }
    bound.candidates = candidates.len();
    bound
}

/// What one sentence's terms could match in any other sentence, by the
/// other sentence's term: with one sentence a loaded, the bound
/// [`find_candidates`] computes for (a, b) is read in one pass over b's
/// terms, without a merge of the two lists or a search per linked term.
/// Scoring a sentence against many others, most of which cannot reach
/// the range, the pairs ruled out cost less this way; and so are the pairs
/// without a possible match of two anchoring terms, which the claim guard
/// turns down whatever their score.
pub(crate) struct SideBound {
    by_term: Vec<Reach>,
    loaded: Vec<TermId>,
}

/// The possible matches of one b term: the sums over the terms of a that
/// it would match of w_a · similarity, w_a² · similarity and similarity,
/// and how many such terms there are, and whether the b term and one of
/// them both anchor a claim.
#[derive(Clone, Copy, Default)]
struct Reach {
    weight: f32,
    weight_squared: f32,
    similarity: f32,
    count: MatchCount,
}

/// A count of possible matches, and whether one of them joins two terms
/// that anchor a claim, in one `u32`: the count in the low 31 bits, the
/// answer in the top one. Tables of these (one per sentence in the search,
/// one per term in [`SideBound`]) are read at random and must stay small.
/// A count never reaches the top bit: it is at most the postings of one
/// sentence's terms and their links, far below two billion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct MatchCount(u32);

impl MatchCount {
    const ANCHORED: u32 = 1 << 31;

    /// One more possible match, which joins two anchoring terms or not.
    pub fn add(&mut self, anchored: bool) {
        debug_assert!(self.count() < (Self::ANCHORED - 1) as usize);
        self.0 = (self.0 + 1) | (u32::from(anchored) << 31);
    }

    /// How many possible matches were added.
    pub fn count(self) -> usize {
        (self.0 & !Self::ANCHORED) as usize
    }

    /// Whether one of them joins two anchoring terms.
    pub fn anchored(self) -> bool {
        self.0 & Self::ANCHORED != 0
    }

    /// Whether none was added.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl SideBound {
    /// An empty table for terms of a vocabulary of `terms` terms.
    pub fn new(terms: usize) -> SideBound {
        SideBound {
            by_term: vec![Reach::default(); terms],
            loaded: Vec::new(),
        }
    }

    /// Loads sentence a (after [`SideBound::clear`], or on a new table),
    /// whose terms' roles are in `roles`, indexed by term.
    pub fn load(&mut self, a: &SentenceVector, links: &TermLinks, roles: &[Role]) {
        for &(ta, wa) in a.terms() {
            self.add(ta, wa, 1.0, match_anchors(roles, ta, ta));
            for &(tb, sim, _) in links.neighbours(ta) {
                self.add(tb, wa, sim, match_anchors(roles, ta, tb));
            }
        }
    }

    fn add(&mut self, tb: TermId, wa: f32, sim: f32, anchors: bool) {
        let reach = &mut self.by_term[tb as usize];
        if reach.count.is_empty() {
            self.loaded.push(tb);
        }
        reach.weight += wa * sim;
        reach.weight_squared += wa * wa * sim;
        reach.similarity += sim;
        reach.count.add(anchors);
    }

    /// [`find_candidates`]'s bound of the loaded sentence a against b, up
    /// to rounding (the sums run in another order); `None` when no
    /// possible match of the two joins two anchoring terms.
    pub fn bound(&self, b: &SentenceVector) -> Option<Bound> {
        let mut bound = Bound::default();
        let mut anchored = false;
        for &(tb, wb) in b.terms() {
            let reach = self.by_term[tb as usize];
            if !reach.count.is_empty() {
                bound.cosine += wb * reach.weight;
                bound.a_in_b += reach.weight_squared;
                bound.b_in_a += wb * wb * reach.similarity;
                bound.candidates += reach.count.count();
                anchored |= reach.count.anchored();
            }
        }
        anchored.then_some(bound)
    }

    /// Unloads the sentence loaded: the table is empty again.
    pub fn clear(&mut self) {
        for tb in self.loaded.drain(..) {
            self.by_term[tb as usize] = Reach::default();
        }
    }
}

/// Upper bounds of a pair's measures, from all its possible matches.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Bound {
    pub cosine: f32,
    pub a_in_b: f32,
    pub b_in_a: f32,
    /// How many possible matches there are.
    pub candidates: usize,
}

/// Matches the candidates [`find_candidates`] left in the scratch one to
/// one, strongest first; the matches are left in `scratch.matches`.
pub(crate) fn match_candidates(
    a: &SentenceVector,
    b: &SentenceVector,
    order: &StemOrder,
    scratch: &mut ScoreScratch,
) -> PairScore {
    let ScoreScratch {
        candidates,
        used_a,
        used_b,
        matches,
    } = scratch;
    matches.clear();
    // Strongest first, ties by the two stems, then in the order
    // `find_candidates` finds them. The stems' ranks are read only on a
    // tie: they sit at random places of a table as long as the vocabulary,
    // and most pairs whose candidates are found are never matched.
    let stems = |c: &Candidate| order.pair_key(c.term.0, c.term.1);
    candidates.sort_unstable_by(|x, y| {
        y.strength
            .total_cmp(&x.strength)
            .then_with(|| stems(x).cmp(&stems(y)))
            .then(x.ordinal.cmp(&y.ordinal))
    });
    let mut score = PairScore::default();
    // Flags by position in each sorted term list.
    used_a.clear();
    used_a.resize(a.terms().len(), false);
    used_b.clear();
    used_b.resize(b.terms().len(), false);
    for c in candidates.iter() {
        let (ia, ib) = (c.at_a as usize, c.at_b as usize);
        if used_a[ia] || used_b[ib] {
            continue;
        }
        used_a[ia] = true;
        used_b[ib] = true;
        let (_, _, sim, _, wa, wb) = c.term;
        score.cosine += wa * wb * sim;
        score.a_in_b += wa * wa * sim;
        score.b_in_a += wb * wb * sim;
        score.shared += sim * (wa * a.norm() * wb * b.norm()).sqrt();
        matches.push(c.term);
    }
    score.cosine = score.cosine.clamp(0.0, 1.0);
    score.a_in_b = score.a_in_b.clamp(0.0, 1.0);
    score.b_in_a = score.b_in_a.clamp(0.0, 1.0);
    score
}
