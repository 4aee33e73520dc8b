//! How well a score tells pairs that belong together from pairs that do
//! not, whatever threshold a user would pick.

use serde::{Deserialize, Serialize};

/// How a score separates positive pairs from negative ones.
///
/// ```
/// use framediff::eval::Separation;
/// let s = Separation::of(&[0.9, 0.8, 0.3], &[0.1, 0.2, 0.35, 0.05]);
/// assert!((s.auc - 11.0 / 12.0).abs() < 1e-9);
/// assert_eq!((s.best_threshold, s.best_f1), (0.8, 0.8));
/// assert!((s.f1_at(0.25) - 6.0 / 7.0).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Separation {
    /// The chance that a random positive pair scores above a random
    /// negative one (ties count half): the area under the ROC curve.
    pub auc: f64,
    /// The best F1 any threshold reaches, calling the pairs at or above it
    /// positive.
    pub best_f1: f64,
    /// The threshold that reaches it (the highest, on a tie).
    pub best_threshold: f32,
    /// The scores, sorted high to low, each with whether it is positive.
    ranked: Vec<(f32, bool)>,
    positives: usize,
}

impl Separation {
    /// Measures `positives` against `negatives`.
    ///
    /// ```
    /// use framediff::eval::Separation;
    /// let none = Separation::of(&[], &[0.5]);
    /// assert_eq!((none.auc, none.best_f1), (0.0, 0.0));
    /// ```
    pub fn of(positives: &[f32], negatives: &[f32]) -> Separation {
        let mut ranked: Vec<(f32, bool)> = positives
            .iter()
            .map(|&s| (s, true))
            .chain(negatives.iter().map(|&s| (s, false)))
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (auc, best_f1, best_threshold) = sweep(&ranked, positives.len(), negatives.len());
        Separation {
            auc,
            best_f1,
            best_threshold,
            ranked,
            positives: positives.len(),
        }
    }

    /// F1 when the pairs scoring at least `threshold` are called positive.
    ///
    /// ```
    /// use framediff::eval::Separation;
    /// let s = Separation::of(&[0.9, 0.3], &[0.5]);
    /// assert!((s.f1_at(0.4) - 0.5).abs() < 1e-9);
    /// assert_eq!(s.f1_at(0.95), 0.0);
    /// ```
    pub fn f1_at(&self, threshold: f32) -> f64 {
        let called = self.ranked.partition_point(|&(s, _)| s >= threshold);
        let right = self.ranked[..called].iter().filter(|p| p.1).count();
        f1(right, called, self.positives)
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
fn sweep(ranked: &[(f32, bool)], positives: usize, negatives: usize) -> (f64, f64, f32) {
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
    let auc = if positives == 0 || negatives == 0 {
        0.0
    } else {
        below / (positives as f64 * negatives as f64)
    };
    (auc, best_f1, best_threshold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ties_count_half_and_are_never_split() {
        let s = Separation::of(&[0.5], &[0.5, 0.1]);
        assert!((s.auc - 0.75).abs() < 1e-12);
        // Calling 0.5 positive calls both pairs at 0.5.
        assert!((s.best_f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    proptest! {
        #[test]
        fn the_measures_stay_in_the_unit_interval_and_the_best_is_best(
            pos in prop::collection::vec(0.0f32..1.0, 0..20),
            neg in prop::collection::vec(0.0f32..1.0, 0..20),
            t in 0.0f32..1.0,
        ) {
            let s = Separation::of(&pos, &neg);
            prop_assert!((0.0..=1.0).contains(&s.auc));
            prop_assert!((0.0..=1.0).contains(&s.best_f1));
            prop_assert!(s.f1_at(t) <= s.best_f1 + 1e-12);
            prop_assert!((s.f1_at(s.best_threshold) - s.best_f1).abs() < 1e-12);
            // The AUC by counting every pair.
            if !pos.is_empty() && !neg.is_empty() {
                let mut count = 0.0;
                for p in &pos {
                    for n in &neg {
                        count += if p > n { 1.0 } else if p == n { 0.5 } else { 0.0 };
                    }
                }
                let auc = count / (pos.len() * neg.len()) as f64;
                prop_assert!((s.auc - auc).abs() < 1e-9);
            }
        }
    }
}
