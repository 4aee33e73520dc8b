//! How much work an alignment did, and how long each stage took.

use serde::{Deserialize, Serialize};

/// Counts and stage times of one alignment (see
/// [`crate::Comparison::from_analyzed_with_stats`]).
///
/// ```
/// let stats = framediff::AlignStats::default();
/// assert_eq!((stats.sentences, stats.candidate_pairs), (0, 0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AlignStats {
    /// Alignable (title and body) sentences.
    pub sentences: usize,
    /// Candidate pairs of sentences the inverted index proposed: they share
    /// a term that is not too common, or terms linked to each other.
    pub candidate_pairs: usize,
    /// Candidate pairs whose score could still reach the first pass's
    /// floor and, with a link model, whose probability could still reach
    /// its minimum (by bounds computed while searching the index: 5.7
    /// million on the gilets season with the model, 3.4 million by the
    /// threshold alone, whose floor is higher); and the pairs tried as
    /// corroborated, quoted or phrase links. The count is kept as it was
    /// when every one of these was scored, so that figures compare across
    /// versions: cheaper checks now turn many of them down first (about a
    /// fifth of the first kind have no possible match of two anchoring
    /// terms, and most corroborated ones fail a bound).
    pub scored_pairs: usize,
    /// Alignments kept.
    pub alignments: usize,
    /// Claims grouped.
    pub claims: usize,
    /// Wall-clock time of each stage.
    pub timings: StageTimings,
}

/// Wall-clock seconds of each alignment stage.
///
/// ```
/// let t = framediff::StageTimings {
///     vectorize: 0.5,
///     candidates_and_score: 1.0,
///     claims: 0.25,
///     diff_and_framing: 0.25,
/// };
/// assert_eq!(t.total(), 2.0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StageTimings {
    /// Vocabulary, TF-IDF vectors, term roles and soft links.
    pub vectorize: f64,
    /// Candidate pairs from the index, scoring, filtering, and building the
    /// alignments; the links are grouped into claims beside the building,
    /// and that time counts here.
    pub candidates_and_score: f64,
    /// Making the claims of the groups, and listing unmatched sentences.
    pub claims: f64,
    /// Word differences of every alignment, the framing lexicon, distinctive
    /// words, coverage and certainty; 0 when
    /// [`crate::align::AlignConfig::diff_and_framing`] is off.
    #[serde(default)]
    pub diff_and_framing: f64,
}

impl StageTimings {
    /// The sum of the stages.
    ///
    /// ```
    /// assert_eq!(framediff::StageTimings::default().total(), 0.0);
    /// ```
    pub fn total(&self) -> f64 {
        self.vectorize + self.candidates_and_score + self.claims + self.diff_and_framing
    }
}
