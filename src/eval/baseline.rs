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

/// The baseline's sweep from its pairs at the lowest of
/// [`baseline_thresholds`] (as [`baseline_tfidf`] gives them, with their
/// cosine) and a way to score the pairs kept: the pairs are found once and
/// kept by cosine at each threshold, where running the baseline at each
/// would compare every pair of sentences sixty times.
///
/// ```
/// use framediff::eval::{LinkScores, baseline_thresholds, sweep_baseline};
/// let pairs = [(("a", 0), ("b", 0), 0.9), (("a", 1), ("b", 1), 0.3)];
/// // Scored here by the count of pairs kept; a real caller scores them
/// // against a gold annotation.
/// let sweep = sweep_baseline(&pairs, |kept| LinkScores::new(kept.len(), 0, 1, 0));
/// assert_eq!(sweep.len(), baseline_thresholds().count());
/// assert_eq!((sweep[0].1.predicted, sweep[59].1.predicted), (2, 1));
/// ```
pub fn sweep_baseline<'a>(
    pairs: &[(SentenceKey<'a>, SentenceKey<'a>, f32)],
    mut score: impl FnMut(&[(SentenceKey<'a>, SentenceKey<'a>)]) -> LinkScores,
) -> BaselineSweep {
    baseline_thresholds()
        .map(|threshold| {
            let kept: Vec<_> = pairs
                .iter()
                .filter(|&&(_, _, cosine)| cosine >= threshold)
                .map(|&(a, b, _)| (a, b))
                .collect();
            (threshold, score(&kept))
        })
        .collect()
}

/// The threshold with the best F1 in a sweep, and its scores: the baseline
/// tuned on the answers of the set it is scored on. The lowest threshold
/// wins a tie; an empty sweep gives threshold 0 and no links.
///
/// ```
/// use framediff::eval::{LinkScores, best_threshold};
/// let sweep = [(0.1, LinkScores::new(10, 2, 4, 2)), (0.2, LinkScores::new(4, 3, 4, 3))];
/// assert_eq!(best_threshold(&sweep).0, 0.2);
/// let nothing = [(0.1, LinkScores::new(3, 0, 4, 0)), (0.2, LinkScores::new(1, 0, 4, 0))];
/// assert_eq!(best_threshold(&nothing), nothing[0]);
/// ```
pub fn best_threshold(sweep: &[(f32, LinkScores)]) -> (f32, LinkScores) {
    sweep
        .iter()
        .copied()
        .reduce(|best, next| if next.1.f1 > best.1.f1 { next } else { best })
        .unwrap_or((0.0, LinkScores::new(0, 0, 0, 0)))
}

/// The one threshold with the best mean F1 over several sets' sweeps, with
/// that mean: the baseline as a user would run it on a new story, with the
/// one threshold that served best on every story seen so far. Only the
/// thresholds found in every sweep are weighed (the lowest wins a tie);
/// `None` without sweeps or without a threshold they all hold.
///
/// ```
/// use framediff::eval::{LinkScores, best_common_threshold};
/// let a = vec![(0.1, LinkScores::new(4, 4, 4, 4)), (0.2, LinkScores::new(2, 2, 4, 2))];
/// let b = vec![(0.1, LinkScores::new(8, 2, 4, 2)), (0.2, LinkScores::new(4, 1, 4, 1))];
/// let (threshold, mean) = best_common_threshold(&[a.clone(), b]).unwrap();
/// assert_eq!(threshold, 0.1);
/// assert!((mean - (1.0 + 1.0 / 3.0) / 2.0).abs() < 1e-9);
/// // A sweep at other thresholds shares none with `a`.
/// let elsewhere = vec![(0.15, LinkScores::new(4, 4, 4, 4))];
/// assert_eq!(best_common_threshold(&[a, elsewhere]), None);
/// ```
pub fn best_common_threshold(sweeps: &[BaselineSweep]) -> Option<(f32, f64)> {
    let first = sweeps.first()?;
    let mut best: Option<(f32, f64)> = None;
    for &(threshold, _) in first {
        let at = |sweep: &BaselineSweep| {
            sweep
                .iter()
                .find(|&&(t, _)| t == threshold)
                .map(|(_, scores)| scores.f1)
        };
        let Some(sum) = sweeps.iter().map(at).sum::<Option<f64>>() else {
            continue;
        };
        let mean = sum / sweeps.len() as f64;
        if best.is_none_or(|(_, b)| mean > b) {
            best = Some((threshold, mean));
        }
    }
    best
}
