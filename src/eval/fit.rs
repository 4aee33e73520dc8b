//! Fitting the [`LinkModel`]'s weights on labelled pairs: a logistic
//! regression by gradient descent on standardised features, with a little
//! L2 regularisation. Deterministic: the same pairs give the same weights.

use crate::align::{LinkModel, PairEvidence};

/// Gradient steps, and their size on standardised features: enough for
/// the weights to settle to three decimals on the annotated sets.
const STEPS: usize = 400;
const STEP_SIZE: f64 = 0.5;
/// L2 penalty on the standardised weights (not the bias).
const L2: f64 = 1e-3;

/// Fits a model's bias and weights on `pairs` (evidence, and whether the
/// pair is a link a person annotated); `floor` and `min_probability` are
/// copied into the model. Returns `None` without both kinds of pairs.
///
/// ```
/// use framediff::align::PairEvidence;
/// use framediff::eval::fit_link_model;
/// let pair = |score: f32, right: bool| (PairEvidence { score, matched_terms: 2, ..Default::default() }, right);
/// let pairs: Vec<_> = (0..40).map(|i| pair(i as f32 / 40.0, i >= 20)).collect();
/// let model = fit_link_model(&pairs, 0.0, 0.5).unwrap();
/// assert!(model.weights[0] > 0.0); // a higher score, a likelier link
/// assert!(model.links(&pairs[30].0) && !model.links(&pairs[10].0));
/// ```
pub fn fit_link_model(
    pairs: &[(PairEvidence, bool)],
    floor: f32,
    min_probability: f32,
) -> Option<LinkModel> {
    let rights = pairs.iter().filter(|(_, right)| *right).count();
    if rights == 0 || rights == pairs.len() {
        return None;
    }
    let rows: Vec<[f64; 8]> = pairs
        .iter()
        .map(|(e, _)| LinkModel::features(e).map(f64::from))
        .collect();
    let n = rows.len() as f64;
    let mut mean = [0.0; 8];
    for row in &rows {
        for (m, x) in mean.iter_mut().zip(row) {
            *m += x / n;
        }
    }
    let mut spread = [0.0; 8];
    for row in &rows {
        for ((s, x), m) in spread.iter_mut().zip(row).zip(&mean) {
            *s += (x - m) * (x - m) / n;
        }
    }
    // A feature that never varies gets no weight rather than a division by
    // (nearly) 0: its mean, summed in floating point, is not exactly its
    // value, so its spread is tested by its values, not by the sum.
    let constant: [bool; 8] = std::array::from_fn(|i| rows.iter().all(|row| row[i] == rows[0][i]));
    let spread: [f64; 8] = std::array::from_fn(|i| {
        if constant[i] || spread[i] <= 0.0 {
            f64::INFINITY
        } else {
            spread[i].sqrt()
        }
    });
    let standard: Vec<[f64; 8]> = rows
        .iter()
        .map(|row| std::array::from_fn(|i| (row[i] - mean[i]) / spread[i]))
        .collect();
    let (mut weights, mut bias) = ([0.0f64; 8], 0.0f64);
    for _ in 0..STEPS {
        let (mut gradient, mut gradient_bias) = ([0.0; 8], 0.0);
        for (x, (_, right)) in standard.iter().zip(pairs) {
            let log_odds = bias + weights.iter().zip(x).map(|(w, x)| w * x).sum::<f64>();
            let error = 1.0 / (1.0 + (-log_odds).exp()) - f64::from(u8::from(*right));
            for (g, x) in gradient.iter_mut().zip(x) {
                *g += error * x;
            }
            gradient_bias += error;
        }
        for (w, g) in weights.iter_mut().zip(gradient) {
            *w -= STEP_SIZE * (g / n + L2 * *w);
        }
        bias -= STEP_SIZE * gradient_bias / n;
    }
    // Back to the features' own units: w·(x − m)/s = (w/s)·x − w·m/s.
    let raw: [f64; 8] = std::array::from_fn(|i| weights[i] / spread[i]);
    let raw_bias = bias - (0..8).map(|i| raw[i] * mean[i]).sum::<f64>();
    Some(LinkModel {
        floor,
        min_probability,
        bias: raw_bias as f32,
        weights: raw.map(|w| w as f32),
    })
}

#[cfg(test)]
mod tests {
    use super::fit_link_model;
    use crate::align::PairEvidence;

    /// Pairs whose only varying feature is the score, the others fixed at
    /// values whose mean a floating-point sum does not give back exactly.
    fn pairs(n: usize) -> Vec<(PairEvidence, bool)> {
        (0..n)
            .map(|i| {
                let evidence = PairEvidence {
                    score: i as f32 / n as f32,
                    cosine: 0.3,
                    matched_terms: 3,
                    place_distance: 0.1,
                    ..PairEvidence::default()
                };
                (evidence, i >= n / 2)
            })
            .collect()
    }

    #[test]
    fn a_constant_feature_gets_no_weight() {
        for n in [41, 3697] {
            let pairs = pairs(n);
            let model = fit_link_model(&pairs, 0.0, 0.5).expect("both kinds of pairs");
            assert!(
                model.bias.is_finite() && model.bias.abs() < 100.0,
                "{model:?}"
            );
            assert_eq!(model.weights[1], 0.0, "{model:?}");
            assert_eq!(model.weights[6], 0.0, "{model:?}");
            let right = pairs.iter().filter(|(e, r)| model.links(e) == *r).count();
            assert!(right as f64 >= 0.95 * n as f64, "{right} of {n}: {model:?}");
        }
    }

    #[test]
    fn one_kind_of_pair_fits_nothing() {
        let all_right: Vec<_> = pairs(10).into_iter().map(|(e, _)| (e, true)).collect();
        assert!(fit_link_model(&all_right, 0.0, 0.5).is_none());
        assert!(fit_link_model(&[], 0.0, 0.5).is_none());
    }
}
