//! How well a score tells pairs that belong together from pairs that do
//! not, whatever threshold a user would pick.

use serde::{Deserialize, Serialize};

/// How a score separates positive pairs from negative ones.
///
/// ```
/// use framediff::eval::Separation;
/// let s = Separation::of(&[0.9, 0.8, 0.3], &[0.1, 0.2, 0.35, 0.05]);
/// assert!((s.auc.unwrap() - 11.0 / 12.0).abs() < 1e-9);
/// // At 0.3: all three positives and one negative called positive.
/// assert_eq!(s.best_threshold, 0.3);
/// assert!((s.best_f1 - 6.0 / 7.0).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Separation {
    /// The chance that a random positive pair scores above a random
    /// negative one (ties count half): the area under the ROC curve.
    /// `None` without a positive or without a negative.
    pub auc: Option<f64>,
    /// The best F1 any threshold reaches, calling the pairs at or above it
    /// positive; 0 when no threshold finds a positive.
    pub best_f1: f64,
    /// The threshold that reaches it (the highest, on a tie).
    pub best_threshold: f32,
}

impl Separation {
    /// Measures `positives` against `negatives`. A NaN score counts as
    /// the lowest of all.
    ///
    /// ```
    /// use framediff::eval::Separation;
    /// let none = Separation::of(&[], &[0.5]);
    /// assert_eq!((none.auc, none.best_f1), (None, 0.0));
    /// let nan = Separation::of(&[f32::NAN, 0.5], &[0.2]);
    /// assert_eq!(nan.auc, Some(0.5));
    /// ```
    pub fn of(positives: &[f32], negatives: &[f32]) -> Separation {
        let lowest_if_nan = |s: f32| if s.is_nan() { f32::NEG_INFINITY } else { s };
        let mut ranked: Vec<(f32, bool)> = positives
            .iter()
            .map(|&s| (lowest_if_nan(s), true))
            .chain(negatives.iter().map(|&s| (lowest_if_nan(s), false)))
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (auc, best_f1, best_threshold) = sweep(&ranked, positives.len(), negatives.len());
        Separation {
            auc,
            best_f1,
            best_threshold,
        }
    }
}

fn f1(right: usize, called: usize, positives: usize) -> f64 {
    if right == 0 {
        return 0.0;
    }
    let precision = right as f64 / called as f64;
    let recall = right as f64 / positives as f64;
    2.0 * precision * recall / (precision + recall)
}

/// The AUC, best F1 and its threshold of pairs sorted high to low. Pairs
/// of one score are taken together: a threshold cannot split them.
fn sweep(ranked: &[(f32, bool)], positives: usize, negatives: usize) -> (Option<f64>, f64, f32) {
    let (mut right, mut wrong) = (0usize, 0usize);
    let (mut best_f1, mut best_threshold) = (0.0, 0.0);
    // Negatives scoring below a positive, summed over positives.
    let mut below = 0.0;
    let mut i = 0;
    while i < ranked.len() {
        let score = ranked[i].0;
        let (mut tie_right, mut tie_wrong) = (0, 0);
        while i < ranked.len() && ranked[i].0 == score {
            if ranked[i].1 {
                tie_right += 1;
            } else {
                tie_wrong += 1;
            }
            i += 1;
        }
        let negatives_below = negatives - wrong - tie_wrong;
        below += tie_right as f64 * (negatives_below as f64 + tie_wrong as f64 / 2.0);
        right += tie_right;
        wrong += tie_wrong;
        let f = f1(right, right + wrong, positives);
        if f > best_f1 {
            (best_f1, best_threshold) = (f, score);
        }
    }
    let auc =
        (positives > 0 && negatives > 0).then(|| below / (positives as f64 * negatives as f64));
    (auc, best_f1, best_threshold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ties_count_half_and_are_never_split() {
        let s = Separation::of(&[0.5], &[0.5, 0.1]);
        assert_eq!(s.auc, Some(0.75));
        // Calling 0.5 positive calls both pairs at 0.5.
        assert!((s.best_f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    /// F1 when the pairs scoring at least `threshold` are called positive,
    /// counted directly.
    fn f1_at(positives: &[f32], negatives: &[f32], threshold: f32) -> f64 {
        let right = positives.iter().filter(|&&s| s >= threshold).count();
        let wrong = negatives.iter().filter(|&&s| s >= threshold).count();
        f1(right, right + wrong, positives.len())
    }

    proptest! {
        #[test]
        fn the_measures_match_counting_every_pair_and_every_threshold(
            pos in prop::collection::vec(0.0f32..1.0, 0..20),
            neg in prop::collection::vec(0.0f32..1.0, 0..20),
        ) {
            let s = Separation::of(&pos, &neg);
            prop_assert!((0.0..=1.0).contains(&s.best_f1));
            let best = pos
                .iter()
                .chain(&neg)
                .map(|&t| f1_at(&pos, &neg, t))
                .fold(0.0, f64::max);
            prop_assert!((s.best_f1 - best).abs() < 1e-12);
            prop_assert!((f1_at(&pos, &neg, s.best_threshold) - s.best_f1).abs() < 1e-12 || s.best_f1 == 0.0);
            if pos.is_empty() || neg.is_empty() {
                prop_assert_eq!(s.auc, None);
            } else {
                let mut count = 0.0;
                for p in &pos {
                    for n in &neg {
                        count += if p > n { 1.0 } else if p == n { 0.5 } else { 0.0 };
                    }
                }
                let auc = count / (pos.len() * neg.len()) as f64;
                prop_assert!((s.auc.unwrap() - auc).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn nan_scores_count_as_the_lowest_and_end() {
        let s = Separation::of(&[f32::NAN, f32::NAN], &[f32::NAN, 0.1]);
        assert_eq!(s.auc, Some(0.25));
    }
}
