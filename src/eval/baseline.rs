//! The baseline a user would otherwise run: TF-IDF cosine over stems with
//! one threshold, and the ways to choose that threshold.

use super::{LinkScores, SentenceKey};
use crate::compare::AnalyzedDocument;
use crate::vectorize::VectorSpace;

/// The notebook baseline: TF-IDF cosine over stemmed content words (no
/// soft matching, no anchors, no containment), every cross-document pair
/// at or above `threshold`. Returns (document id, sentence index) pairs
/// with their cosine.
///
/// ```
/// use framediff::{AnalyzedDocument, Document, lang::Language};
/// let docs = [
///     AnalyzedDocument::new(Document::new("a", "Les rebelles ont pris Alep."), Language::French),
///     AnalyzedDocument::new(Document::new("b", "Les rebelles ont pris Alep hier."), Language::French),
/// ];
/// let pairs = framediff::eval::baseline_tfidf(&docs, 0.5);
/// assert_eq!(pairs.len(), 1);
/// ```
pub fn baseline_tfidf(
    documents: &[AnalyzedDocument],
    threshold: f32,
) -> Vec<(SentenceKey<'_>, SentenceKey<'_>, f32)> {
    let units: Vec<(usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| s.sentence.kind.is_content())
                .map(move |(s, _)| (d, s))
        })
        .collect();
    let space = VectorSpace::build(
        units
            .iter()
            .map(|&(d, s)| documents[d].sentences[s].tokens.as_slice()),
    );
    let mut pairs = Vec::new();
    for g in 0..units.len() {
        for h in g + 1..units.len() {
            let ((dg, sg), (dh, sh)) = (units[g], units[h]);
            if dg == dh {
                continue;
            }
            let cosine = space.vector(g).cosine(space.vector(h));
            if cosine >= threshold {
                pairs.push((
                    (documents[dg].document.id.as_str(), sg),
                    (documents[dh].document.id.as_str(), sh),
                    cosine,
                ));
            }
        }
    }
    pairs
}

/// The baseline's scores at each threshold tried, lowest threshold first.
///
/// ```
/// use framediff::eval::{BaselineSweep, LinkScores};
/// let sweep: BaselineSweep = vec![(0.1, LinkScores::new(10, 2, 4, 2))];
/// assert_eq!(sweep[0].1.precision, 0.2);
/// ```
pub type BaselineSweep = Vec<(f32, LinkScores)>;

/// The thresholds the baseline is tried at: 0.01 to 0.60 in steps of 0.01.
///
/// ```
/// let thresholds: Vec<f32> = framediff::eval::baseline_thresholds().collect();
/// assert_eq!((thresholds.len(), thresholds[0], thresholds[59]), (60, 0.01, 0.60));
/// ```
pub fn baseline_thresholds() -> impl Iterator<Item = f32> + Clone {
    (1..=60).map(|i| i as f32 / 100.0)
}

/// The threshold with the best F1 in a sweep, and its scores: the baseline
/// tuned on the answers of the set it is scored on. The lowest threshold
/// wins a tie; an empty sweep gives threshold 0 and no links.
///
/// ```
/// use framediff::eval::{LinkScores, best_threshold};
/// let sweep = vec![(0.1, LinkScores::new(10, 2, 4, 2)), (0.2, LinkScores::new(4, 3, 4, 3))];
/// assert_eq!(best_threshold(sweep).0, 0.2);
/// ```
pub fn best_threshold(sweep: BaselineSweep) -> (f32, LinkScores) {
    sweep
        .into_iter()
        .fold((0.0, LinkScores::new(0, 0, 0, 0)), |best, next| {
            if next.1.f1 > best.1.f1 { next } else { best }
        })
}

/// The one threshold with the best mean F1 over several sets' sweeps (all
/// taken at the same thresholds, as [`baseline_thresholds`] gives), with
/// that mean: the baseline as a user would run it on a new story, with
/// the one threshold that served best on every story seen so far. `None`
/// without sets.
///
/// ```
/// use framediff::eval::{LinkScores, best_common_threshold};
/// let a = vec![(0.1, LinkScores::new(4, 4, 4, 4)), (0.2, LinkScores::new(2, 2, 4, 2))];
/// let b = vec![(0.1, LinkScores::new(8, 2, 4, 2)), (0.2, LinkScores::new(4, 1, 4, 1))];
/// let (threshold, mean) = best_common_threshold(&[a, b]).unwrap();
/// assert_eq!(threshold, 0.1);
/// assert!((mean - (1.0 + 1.0 / 3.0) / 2.0).abs() < 1e-9);
/// ```
pub fn best_common_threshold(sweeps: &[BaselineSweep]) -> Option<(f32, f64)> {
    let first = sweeps.first()?;
    let mut best: Option<(f32, f64)> = None;
    for (i, &(threshold, _)) in first.iter().enumerate() {
        let sum: f64 = sweeps
            .iter()
            .map(|sweep| sweep.get(i).map_or(0.0, |(_, scores)| scores.f1))
            .sum();
        let mean = sum / sweeps.len() as f64;
        if best.is_none_or(|(_, b)| mean > b) {
            best = Some((threshold, mean));
        }
    }
    best
}
