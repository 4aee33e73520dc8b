//! Scoring one candidate pair of sentences, explainably.

use serde::{Deserialize, Serialize};

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
    /// The term on side a (its first normalised form).
    pub a: String,
    /// The term on side b.
    pub b: String,
    /// Exact, spelling variant or synonym.
    pub relation: TermRelation,
    /// The similarity of the two terms (1 for an exact match).
    pub similarity: f32,
    /// The part of the pair's score this match accounts for, in [0, 1].
    pub contribution: f32,
}

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
    /// The matched term pairs: (a term, b term, similarity, relation, w_a, w_b).
    pub matches: Vec<(TermId, TermId, f32, TermRelation, f32, f32)>,
}

impl PairScore {
    /// The containment of the side that is better covered.
    pub fn containment(&self) -> f32 {
        self.a_in_b.max(self.b_in_a)
    }
}

/// Matches the terms of two sentences one to one, strongest first, and
/// measures the overlap both ways.
pub(crate) fn score_pair(
    a: &SentenceVector,
    b: &SentenceVector,
    links: &TermLinks,
    vocabulary: &Vocabulary,
) -> PairScore {
    let mut candidates: Vec<(TermId, TermId, f32, TermRelation, f32, f32)> = Vec::new();
    for &(ta, wa) in a.terms() {
        let wb = b.weight(ta);
        if wb > 0.0 {
            candidates.push((ta, ta, 1.0, TermRelation::Exact, wa, wb));
        }
        for &(tb, sim, relation) in links.neighbours(ta) {
            let wb = b.weight(tb);
            if wb > 0.0 {
                candidates.push((ta, tb, sim, relation, wa, wb));
            }
        }
    }
    // Strongest first. Ties go by the two stems, unordered, so that the
    // matching does not depend on term ids (the order documents came in) nor
    // on which sentence is a; `sim * (wa * wb)` is the same float both ways.
    let stems = |m: &(TermId, TermId, f32, TermRelation, f32, f32)| {
        let (x, y) = (
            vocabulary.info(m.0).stem.as_str(),
            vocabulary.info(m.1).stem.as_str(),
        );
        (x.min(y), x.max(y))
    };
    candidates.sort_by(|x, y| {
        (y.2 * (y.4 * y.5))
            .total_cmp(&(x.2 * (x.4 * x.5)))
            .then_with(|| stems(x).cmp(&stems(y)))
    });
    let mut score = PairScore::default();
    // Flags by position in each sorted term list: a lookup costs a binary
    // search, so a sentence of thousands of terms does not go quadratic.
    let (mut used_a, mut used_b) = (vec![false; a.terms().len()], vec![false; b.terms().len()]);
    for m in candidates {
        let (ta, tb, sim, _, wa, wb) = m;
        let (Some(ia), Some(ib)) = (position(a, ta), position(b, tb)) else {
            continue;
        };
        if used_a[ia] || used_b[ib] {
            continue;
        }
        used_a[ia] = true;
        used_b[ib] = true;
        score.cosine += wa * wb * sim;
        score.a_in_b += wa * wa * sim;
        score.b_in_a += wb * wb * sim;
        score.shared += sim * (wa * a.norm() * wb * b.norm()).sqrt();
        score.matches.push(m);
    }
    score.cosine = score.cosine.clamp(0.0, 1.0);
    score.a_in_b = score.a_in_b.clamp(0.0, 1.0);
    score.b_in_a = score.b_in_a.clamp(0.0, 1.0);
    score
}

/// Where `term` sits in the vector's sorted term list.
fn position(vector: &SentenceVector, term: TermId) -> Option<usize> {
    vector
        .terms()
        .binary_search_by_key(&term, |&(id, _)| id)
        .ok()
}
