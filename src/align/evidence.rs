//! What a scored pair offers as evidence of one claim: its measures, and
//! where its two sentences stand in their articles.
//!
//! The score says how much two sentences share. Two more things tell a
//! shared claim from a shared topic: terms that each article writes in one
//! sentence only (a figure, a place, a rare verb: when both articles hold
//! it once, those are the two sentences that carry it), and the articles'
//! order (news puts its claims first, and two tellings of one story lead
//! with the same ones). [`LinkModel`](super::LinkModel) weighs them.

use serde::{Deserialize, Serialize};

use crate::align::score::Bound;
use crate::align::{AlignConfig, LinkModel, Match, PairScore, Unit};
use crate::vectorize::{TermId, VectorSpace};

/// The evidence of one pair of sentences (or of sides of two sentences),
/// as [`LinkModel`](super::LinkModel) reads it.
///
/// ```
/// use framediff::{Comparison, Document};
/// let cmp = Comparison::new(vec![
///     Document::new("a", "Les rebelles ont pris Alep lundi. Le régime a perdu Hama mardi."),
///     Document::new("b", "Alep a été prise lundi par les rebelles. Hama est tombée mardi."),
/// ], &Default::default())?;
/// let lead = &cmp.alignments[0];
/// assert_eq!((lead.a.sentences[0], lead.b.sentences[0]), (0, 0));
/// assert_eq!((lead.evidence.place_distance, lead.evidence.earlier_place), (0.0, 0.0));
/// // Articles this short have no unique terms: most of their terms are.
/// assert_eq!(lead.evidence.unique_terms, 0);
/// # Ok::<(), framediff::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PairEvidence {
    /// The pair's score, in [0, 1].
    pub score: f32,
    /// The soft cosine of the two vectors, in [0, 1].
    pub cosine: f32,
    /// How much of the less covered side the other covers, in [0, 1]: high
    /// when the two say the same, low when one says much else.
    pub lesser_containment: f32,
    /// The information the two share (see [`super::Alignment::shared`]).
    pub shared: f32,
    /// How many term pairs matched.
    pub matched_terms: u32,
    /// How many of the matched term pairs are each in one sentence only of
    /// its article (for a side of two sentences, one of the two); 0 when
    /// either article has fewer than 10 sentences, where most terms are
    /// written once.
    pub unique_terms: u32,
    /// How far apart the two sentences stand in their articles: each
    /// sentence's place is its rank among its article's sentences divided
    /// by their number (0 for the first, towards 1 for the last).
    pub place_distance: f32,
    /// The place of the earlier of the two in its article.
    pub earlier_place: f32,
}

/// The fewest sentences an article needs for a term it writes once to
/// count as unique to one of them. In a short text most terms are written
/// once: pooled AllSides excerpts (three to five sentences) of different
/// events shared "unique" names, and the model linked them (within events
/// 6,277 links, across 22,979; with this, 6,068 and 16,456, where the
/// notebook makes 25,700 at as many within). Every annotated article is
/// longer, and their figures do not move from 6 to 10.
const MIN_SENTENCES_FOR_UNIQUE: usize = 10;

/// Each sentence's place in its article and each article's repeated
/// terms: what [`PairEvidence`] needs beyond the pair's measures, computed
/// once for a comparison.
pub(crate) struct ArticleContext {
    /// Per unit, its place in its article, in [0, 1), and the logarithm
    /// [`ModelGate::may_link`] bounds the shared information with, side by
    /// side: the gate reads both for every candidate of the search.
    unit_facts: Vec<UnitFacts>,
    /// Per unit, its document.
    doc: Vec<u32>,
    /// The terms held by two sentences or more of each document, sorted,
    /// one list after another; document d's run is
    /// `repeated[repeated_from[d]..repeated_from[d + 1]]`.
    repeated: Vec<TermId>,
    repeated_from: Vec<u32>,
    /// Per document, how many units it has.
    sentences: Vec<usize>,
}

/// What [`ArticleContext`] knows of one unit.
#[derive(Clone, Copy)]
struct UnitFacts {
    place: f32,
    /// ln(1 + √(|x| · Σ of x's normalised weights)): the shared information
    /// of two sentences g and h is at most the product of the roots, and
    /// ln(1 + a·b) ≤ ln(1 + a) + ln(1 + b).
    shared_root_log: f32,
}

impl UnitFacts {
    /// Where this unit and `other` stand: (distance, earlier place).
    fn places(self, other: UnitFacts) -> (f32, f32) {
        (
            (self.place - other.place).abs(),
            self.place.min(other.place),
        )
    }
}

impl ArticleContext {
    /// From the units (in document order, as a comparison makes them) and
    /// their vectors in `space`.
    pub fn new(units: &[Unit], space: &VectorSpace) -> ArticleContext {
        let documents = units.iter().map(|u| u.doc + 1).max().unwrap_or(0);
        let mut place = Vec::with_capacity(units.len());
        let mut repeated = Vec::new();
        let mut repeated_from = vec![0u32; documents + 1];
        let mut sentences = vec![0; documents];
        let mut terms: Vec<TermId> = Vec::new();
        let mut start = 0;
        while start < units.len() {
            let doc = units[start].doc;
            let end = start + units[start..].partition_point(|u| u.doc == doc);
            sentences[doc] = end - start;
            let count = (end - start) as f32;
            place.extend((0..end - start).map(|rank| rank as f32 / count));
            terms.clear();
            for x in start..end {
                terms.extend(space.vector(x).terms().iter().map(|&(t, _)| t));
            }
            terms.sort_unstable();
            // A sentence holds each term once: a term met twice in the
            // sorted list is in two sentences.
            for run in terms.chunk_by(|x, y| x == y) {
                if run.len() > 1 {
                    repeated.push(run[0]);
                }
            }
            repeated_from[doc + 1] = repeated.len() as u32;
            start = end;
        }
        // Documents without units (all boilerplate) have empty runs.
        for d in 0..documents {
            repeated_from[d + 1] = repeated_from[d + 1].max(repeated_from[d]);
        }
        let doc = units.iter().map(|u| u.doc as u32).collect();
        let unit_facts = place
            .into_iter()
            .enumerate()
            .map(|(x, place)| {
                let vector = space.vector(x);
                let l1: f32 = vector.terms().iter().map(|&(_, w)| w).sum();
                UnitFacts {
                    place,
                    shared_root_log: (vector.norm() * l1).sqrt().ln_1p(),
                }
            })
            .collect();
        ArticleContext {
            unit_facts,
            sentences,
            doc,
            repeated,
            repeated_from,
        }
    }

    /// Whether document `doc` holds `term` in one sentence only (given
    /// that one of its sentences holds it).
    fn unique_in(&self, doc: u32, term: TermId) -> bool {
        let run = &self.repeated[self.repeated_from[doc as usize] as usize
            ..self.repeated_from[doc as usize + 1] as usize];
        run.binary_search(&term).is_err()
    }

    /// The evidence of sides `a` and `b` (units of one document each; the
    /// first unit of a side gives its place), scored `score` with
    /// `measures` and `matches`.
    pub fn evidence(
        &self,
        a: usize,
        b: usize,
        score: f32,
        measures: &PairScore,
        matches: &[Match],
    ) -> PairEvidence {
        let (doc_a, doc_b) = (self.doc[a], self.doc[b]);
        let long = |doc: u32| self.sentences[doc as usize] >= MIN_SENTENCES_FOR_UNIQUE;
        let unique_terms = if long(doc_a) && long(doc_b) {
            matches
                .iter()
                .filter(|m| self.unique_in(doc_a, m.0) && self.unique_in(doc_b, m.1))
                .count() as u32
        } else {
            0
        };
        let (place_distance, earlier_place) = self.unit_facts[a].places(self.unit_facts[b]);
        PairEvidence {
            score,
            cosine: measures.cosine,
            lesser_containment: measures.a_in_b.min(measures.b_in_a),
            shared: measures.shared,
            matched_terms: matches.len() as u32,
            unique_terms,
            place_distance,
            earlier_place,
        }
    }
}

/// What the link model can still say of a pair before it is matched term
/// by term: from upper bounds of its measures (those the candidate search
/// sums) and its sentences' places, the highest probability it could
/// reach. A pair that cannot reach the model's minimum is not scored: in
/// a season of press most pairs above the floor stand far apart in their
/// articles, and their places alone rule them out.
pub(crate) struct ModelGate<'c> {
    model: LinkModel,
    context: &'c ArticleContext,
    min_log_odds: f32,
}

/// ln(n), from a table for the counts of matches most pairs have: the gate
/// runs for every candidate of the search.
fn log_of_count(n: usize) -> f32 {
    static TABLE: std::sync::OnceLock<[f32; 64]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| std::array::from_fn(|i| (i.max(1) as f32).ln()));
    table.get(n).copied().unwrap_or_else(|| (n as f32).ln())
}

/// Slack on the log-odds, for the bounds' sums in another order than the
/// model's.
const LOG_ODDS_SLACK: f32 = 1e-3;

impl<'c> ModelGate<'c> {
    pub fn new(model: LinkModel, context: &'c ArticleContext) -> ModelGate<'c> {
        ModelGate {
            model,
            context,
            min_log_odds: model.min_log_odds() - LOG_ODDS_SLACK,
        }
    }

    /// Whether units `g` and `h`, whose measures are at most `bound`
    /// (summed over every possible match, one to one or not), could link.
    /// The shared information is at most √(|g|·|h|) · Σ √(w_g · w_h) over
    /// the matches, and by Cauchy-Schwarz that sum is at most
    /// √(Σ w_g · Σ w_h) over all their terms: at most the product of the
    /// two sentences' roots, whose logarithm is bounded by a sum.
    pub fn may_link(&self, g: usize, h: usize, bound: &Bound, config: &AlignConfig) -> bool {
        let clip = |x: f32| x.clamp(0.0, 1.0);
        let (cosine, a_in_b, b_in_a) = (clip(bound.cosine), clip(bound.a_in_b), clip(bound.b_in_a));
        let score = config.combine(&PairScore {
            cosine,
            a_in_b,
            b_in_a,
            ..PairScore::default()
        });
        let (facts_g, facts_h) = (self.context.unit_facts[g], self.context.unit_facts[h]);
        let shared_log = facts_g.shared_root_log + facts_h.shared_root_log;
        let matches = bound.candidates.max(1);
        let (distance, earlier) = facts_g.places(facts_h);
        let highest = self.model.highest_log_odds([
            (0.0, score),
            (0.0, cosine),
            (0.0, a_in_b.min(b_in_a)),
            (0.0, shared_log),
            (0.0, log_of_count(matches)),
            (0.0, matches.min(3) as f32),
            (distance, distance),
            (earlier, earlier),
        ]);
        highest >= self.min_log_odds
    }
}

#[cfg(test)]
mod tests {
    use crate::align::{AlignConfig, Alignment};
    use crate::{Comparison, Config, Document};

    const FILLER_A: [&str; 9] = [
        "Le boulanger vend du pain frais.",
        "La rivière déborde chaque hiver.",
        "Un musée expose des tapisseries anciennes.",
        "Les vignes mûrissent sur les coteaux.",
        "Une chorale répète dans la chapelle.",
        "Le tramway traverse le quartier nord.",
        "Des cyclistes gravissent la montagne.",
        "La bibliothèque prête des partitions.",
        "Un potager nourrit la cantine scolaire.",
    ];
    const FILLER_B: [&str; 9] = [
        "Le phare guide les chalutiers.",
        "Une brocante anime la place.",
        "Les abeilles butinent la lavande.",
        "Un orage gronde sur la plaine.",
        "La patinoire ferme en avril.",
        "Des randonneurs campent au refuge.",
        "Le fromager affine ses tommes.",
        "Une fanfare défile au carnaval.",
        "Le verger donne des cerises.",
    ];

    /// Article a leads with the claim; article b tells it at `at` among
    /// its fillers, and `also` (if any) in its last sentence.
    fn claim_link(at: usize, also: Option<&str>) -> Alignment {
        let claim = "Les insurgés ont conquis Alep et Hama.";
        let a = std::iter::once(claim)
            .chain(FILLER_A)
            .collect::<Vec<_>>()
            .join(" ");
        let mut b: Vec<String> = FILLER_B.iter().map(|s| s.to_string()).collect();
        b.insert(at, claim.to_string());
        if let Some(also) = also {
            *b.last_mut().unwrap() = also.to_string();
        }
        let config = Config {
            align: AlignConfig {
                link_model: None,
                ..AlignConfig::default()
            },
            ..Config::default()
        };
        let docs = vec![Document::new("a", a), Document::new("b", b.join(" "))];
        let cmp = Comparison::new(docs, &config).expect("comparison");
        assert_eq!(cmp.alignments.len(), 1, "{:?}", cmp.alignments);
        cmp.alignments[0].clone()
    }

    #[test]
    fn places_run_from_0_through_each_article() {
        let link = claim_link(5, None);
        assert_eq!(link.b.sentences, [5]);
        assert_eq!(link.evidence.place_distance, 0.5);
        assert_eq!(link.evidence.earlier_place, 0.0);
    }

    #[test]
    fn a_term_another_sentence_repeats_is_not_unique() {
        let alone = claim_link(0, None).evidence;
        assert_eq!(alone.unique_terms, alone.matched_terms, "{alone:?}");
        let repeated = claim_link(0, Some("Hama fête ses musiciens.")).evidence;
        assert_eq!(repeated.matched_terms, alone.matched_terms);
        assert_eq!(
            repeated.unique_terms,
            alone.unique_terms - 1,
            "{repeated:?}"
        );
    }

    #[test]
    fn short_articles_have_no_unique_terms() {
        let docs = vec![
            Document::new("a", "Les insurgés ont conquis Alep et Hama."),
            Document::new("b", "Les insurgés ont conquis Alep et Hama."),
        ];
        let cmp = Comparison::new(docs, &Config::default()).expect("comparison");
        assert_eq!(cmp.alignments[0].evidence.unique_terms, 0);
        assert!(cmp.alignments[0].evidence.matched_terms >= 3);
    }
}
