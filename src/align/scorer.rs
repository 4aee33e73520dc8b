//! The scoring model of a set of sentences: their vectors, the role of
//! every term, and the soft links between terms. Built once, it scores any
//! pair of its sentences.

use std::ops::Range;

use crate::align::score::{
    Bound, Match, ScoreScratch, StemOrder, find_candidates, match_candidates, score_pair_into,
};
use crate::align::side_matches::SideMatches;
use crate::align::{AlignConfig, ModelGate, PairScore, Role, score_pair, term_roles};
use crate::analyze::Token;
use crate::lang::Language;
use crate::prefetch::prefetch;
use crate::vectorize::{
    Concepts, Phrases, SentenceVector, TermId, TermLinks, VectorSpace, token_terms,
};

/// Rounding slack for the bounds of the search and of
/// [`Scorer::claim_link`]: a bound sums in another order than the score, so
/// a pair exactly at the edge of the range must not be lost to it.
const BOUND_SLACK: f32 = 1e-4;

/// How many pairs ahead of the one scored [`Scorer::prefetch`] asks for a
/// sentence's terms, and for its vector's place (read to find the terms).
pub(crate) const PREFETCH_NEAR: usize = 4;
pub(crate) const PREFETCH_FAR: usize = 8;

/// Whether a pair whose possible matches, all summed, are `bound` could
/// score `start` or more with enough matched terms. With the bound of
/// [`SideBound`](super::score::SideBound), which sums in yet another
/// order, the answer is the same up to rounding, which [`BOUND_SLACK`]
/// covers.
pub(crate) fn may_reach(bound: &Bound, config: &AlignConfig, start: f32) -> bool {
    let best = config.combine(&PairScore {
        cosine: bound.cosine.min(1.0),
        a_in_b: bound.a_in_b.min(1.0),
        b_in_a: bound.b_in_a.min(1.0),
        ..PairScore::default()
    });
    bound.candidates >= config.min_matched_terms && best + BOUND_SLACK >= start
}

/// Where the possible matches of a pair's first sentence come from.
#[derive(Clone, Copy)]
pub(crate) enum FirstSide<'s> {
    /// Merged with the second sentence's terms, pair by pair.
    Merged,
    /// Loaded once in a table ([`SideMatches::load`]): the same answer,
    /// for less work when the sentence is scored against many.
    Loaded(&'s SideMatches),
}

/// Everything needed to score pairs of a fixed set of sentences.
pub(crate) struct Scorer {
    pub space: VectorSpace,
    pub roles: Vec<Role>,
    pub links: TermLinks,
    pub order: StemOrder,
    /// The concepts' phrases, terms of the space.
    pub phrases: Phrases,
}

impl Scorer {
    /// Vectorises the sentences (in order) and derives roles and links for
    /// the languages present.
    pub fn build<'a>(
        sentences: impl IntoIterator<Item = &'a [Token]>,
        languages: &[Language],
        config: &AlignConfig,
    ) -> Scorer {
        let mut concepts = Concepts::default();
        for &language in languages {
            concepts.merge(Concepts::for_language(language));
        }
        let space =
            VectorSpace::build_with_phrases(sentences, config.anchor_boost, concepts.phrases());
        let roles = term_roles(space.vocabulary(), languages);
        let links = TermLinks::build(
            space.vocabulary(),
            &concepts,
            config.variant_similarity,
            config.synonym_similarity,
        );
        let order = StemOrder::new(space.vocabulary());
        Scorer {
            space,
            roles,
            links,
            order,
            phrases: concepts.phrases().clone(),
        }
    }

    /// Whether one of `token`'s terms (its own, a compound's pieces, or the
    /// lexicon's key for a word it lists as written) is a term of the space
    /// that anchors a claim: an event word or a figure.
    pub fn anchors_claim(&self, token: &Token) -> bool {
        let mut anchors = false;
        token_terms(token, false, &self.phrases, &mut |term| {
            anchors = anchors
                || self
                    .space
                    .vocabulary()
                    .id(term.stem)
                    .is_some_and(|id| self.roles[id as usize].anchors_claim());
        });
        anchors
    }

    /// Asks for the vectors of the sentences to be scored a few pairs on:
    /// the terms of `near` (its vector's place was asked for earlier), the
    /// place of `far`'s vector. Scoring pairs in a known order, each
    /// sentence's terms are a cache miss away otherwise; callers pass the
    /// sentences [`PREFETCH_NEAR`] and [`PREFETCH_FAR`] pairs ahead.
    pub fn prefetch(&self, near: Option<usize>, far: Option<usize>) {
        if let Some(far) = far {
            prefetch(self.space.vectors(), far);
        }
        if let Some(near) = near {
            prefetch(self.space.vector(near).terms(), 0);
        }
    }

    /// The raw measures and the combined score of sentences `g` and `h`.
    pub fn score(&self, g: usize, h: usize, config: &AlignConfig) -> (f32, PairScore) {
        let pair = score_pair(
            self.space.vector(g),
            self.space.vector(h),
            &self.links,
            &self.order,
        );
        (config.combine(&pair), pair)
    }

    /// The score and measures of sentences `g` and `h` when the score is
    /// in `range` and the pair passes the claim guard; `None` otherwise.
    /// Only the pairs returned allocate their matches, and the pairs whose
    /// possible matches, all summed, cannot reach the range are not matched.
    pub fn claim_link(
        &self,
        first: FirstSide,
        g: usize,
        h: usize,
        config: &AlignConfig,
        range: Range<f32>,
        scratch: &mut ScoreScratch,
    ) -> Option<(f32, PairScore)> {
        let (score, measures) = self.claim_measures(first, g, h, config, range, None, scratch)?;
        Some((score, with_matches(measures, scratch)))
    }

    /// [`Scorer::claim_link`] without copying the matches: the measures
    /// come back without them, and they are left in `scratch.matches`, for
    /// callers that keep only some of the links found. With a `gate`, a
    /// pair it rules out from the bound of its possible matches is not
    /// matched either.
    #[allow(clippy::too_many_arguments)] // the pair, where to score it, and the bars
    pub fn claim_measures(
        &self,
        first: FirstSide,
        g: usize,
        h: usize,
        config: &AlignConfig,
        range: Range<f32>,
        gate: Option<&ModelGate>,
        scratch: &mut ScoreScratch,
    ) -> Option<(f32, PairScore)> {
        let (a, b) = (self.space.vector(g), self.space.vector(h));
        let bound = match first {
            FirstSide::Merged => find_candidates(a, b, &self.links, scratch),
            FirstSide::Loaded(side) => side.find_candidates(b, scratch),
        };
        // The bound may be summed in any order: a pair it turns down by a
        // rounding error scores below the range by far more than one.
        // The claim guard asks for a match of two anchoring terms: when no
        // possible match is one, no matching can pass it.
        if !may_reach(&bound, config, range.start)
            || gate.is_some_and(|gate| !gate.may_link(g, h, &bound, config))
            || !scratch.any_candidate(|m| self.anchors(m))
        {
            return None;
        }
        let measures = match_candidates(a, b, &self.order, scratch);
        let score = config.combine(&measures);
        (range.contains(&score) && self.is_claim(&scratch.matches, measures.shared, config))
            .then_some((score, measures))
    }

    /// The raw measures and the combined score of two vectors of this
    /// space's terms (such as two sentences read as one), in reused
    /// buffers: the measures come back without matches, which are left in
    /// `scratch.matches`.
    pub fn score_in(
        &self,
        a: &SentenceVector,
        b: &SentenceVector,
        config: &AlignConfig,
        scratch: &mut ScoreScratch,
    ) -> (f32, PairScore) {
        let measures = score_pair_into(a, b, &self.links, &self.order, scratch);
        (config.combine(&measures), measures)
    }

    /// Enough shared terms and information, one of them an event word or a
    /// figure: sentences that share only names, participants, dates or a
    /// reporting verb share a topic, not a claim.
    pub fn is_claim(&self, matches: &[Match], shared: f32, config: &AlignConfig) -> bool {
        shares_enough(matches, shared, config) && matches.iter().any(|m| self.anchors(m))
    }

    /// The score and measures of sentences `g` and `h` when the score is
    /// in `range` and they share enough terms and information, whether or
    /// not one of them anchors a claim: for one sentence printed twice,
    /// which is a claim by itself ("But one of them shouldn't be the
    /// chairman of the Republican Party", quoted by two outlets, shares no
    /// event word).
    pub fn verbatim_link(
        &self,
        (g, h): (usize, usize),
        config: &AlignConfig,
        range: Range<f32>,
        scratch: &mut ScoreScratch,
    ) -> Option<(f32, PairScore)> {
        let (a, b) = (self.space.vector(g), self.space.vector(h));
        let (score, measures) = self.score_in(a, b, config, scratch);
        let enough = shares_enough(&scratch.matches, measures.shared, config);
        (range.contains(&score) && enough).then(|| (score, with_matches(measures, scratch)))
    }

    /// Whether both terms of a match can anchor a claim.
    fn anchors(&self, m: &Match) -> bool {
        match_anchors(&self.roles, m.0, m.1)
    }
}

/// `measures` with the matches left in `scratch`, copied out.
fn with_matches(measures: PairScore, scratch: &ScoreScratch) -> PairScore {
    PairScore {
        matches: scratch.matches.clone(),
        ..measures
    }
}

/// Enough shared terms and information for a link, the first part of the
/// claim guard.
fn shares_enough(matches: &[Match], shared: f32, config: &AlignConfig) -> bool {
    matches.len() >= config.min_matched_terms && shared >= config.min_shared
}

/// Whether a match of terms `a` and `b` can anchor a claim: both are event
/// words or figures. The claim guard asks for one such match; the
/// candidate search and [`SideBound`](super::score::SideBound) rule out,
/// by this same test, the pairs without a possible one.
pub(crate) fn match_anchors(roles: &[Role], a: TermId, b: TermId) -> bool {
    roles[a as usize].anchors_claim() && roles[b as usize].anchors_claim()
}
