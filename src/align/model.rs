//! The link model: whether a scored pair carries one claim, weighing its
//! [`PairEvidence`] in a logistic model fitted on annotated articles.
//!
//! A threshold on the score alone treats every pair alike. Yet a pair of
//! leads that shares a figure each article writes once is a surer link at
//! 0.20 than a pair from the ends of two articles that shares a running
//! name at 0.30. The model adds up, in log-odds, what each piece of
//! evidence says; [`LinkModel::contributions`] lists the parts, so a
//! decision is as explainable as a score.

use serde::{Deserialize, Serialize};

use super::PairEvidence;

/// The pieces of evidence the model reads, in the order of
/// [`LinkModel::features`] and [`LinkModel::contributions`].
pub const EVIDENCE_NAMES: [&str; 8] = [
    "score",
    "cosine",
    "lesser containment",
    "shared information",
    "matched terms",
    "unique terms",
    "place distance",
    "earlier place",
];

/// A logistic model of links: a pair whose score reaches `floor` links
/// when the model gives it a probability of at least `min_probability`.
///
/// The default was fitted by `cargo run --release --example
/// fit_link_model` on the project's own sixteen annotated stories (French
/// and English; `tests/fixtures/`), not on the dev gold. Each weight is
/// per unit of its feature (see [`LinkModel::features`]).
///
/// ```
/// use framediff::align::{LinkModel, PairEvidence};
/// let model = LinkModel::default();
/// let lead = PairEvidence { score: 0.3, cosine: 0.25, lesser_containment: 0.2,
///     shared: 12.0, matched_terms: 4, unique_terms: 2, ..Default::default() };
/// let late = PairEvidence { unique_terms: 0, place_distance: 0.5, earlier_place: 0.4, ..lead };
/// assert!(model.probability(&lead) > model.probability(&late));
/// assert!(model.links(&lead));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkModel {
    /// The score from which a pair is weighed at all, in [0, 1]. Up:
    /// faster (fewer pairs scored in full), and pairs of low score that the
    /// rest of the evidence would carry are lost.
    pub floor: f32,
    /// The probability a pair needs to link, in (0, 1). Up: fewer, surer
    /// links; down: more links, more of them wrong.
    pub min_probability: f32,
    /// The log-odds of a pair whose features are all 0.
    pub bias: f32,
    /// One weight per feature, in the order of [`EVIDENCE_NAMES`].
    pub weights: [f32; 8],
}

impl Default for LinkModel {
    /// Fitted on the sixteen stories of `tests/fixtures/` but 003/004 (see
    /// the struct's docs); the floor and the probability were chosen with
    /// each story left out of the fit in turn (`fit_link_model
    /// --leave-one-out`; docs/alignment.md, *The link model*).
    fn default() -> LinkModel {
        LinkModel {
            floor: 0.08,
            min_probability: 0.4,
            bias: FITTED_BIAS,
            weights: FITTED_WEIGHTS,
        }
    }
}

/// Written by `fit_link_model`.
const FITTED_BIAS: f32 = -2.9544733;
const FITTED_WEIGHTS: [f32; 8] = [
    2.0395412, 3.3299627, 3.0457091, 0.10737792, 0.89760834, 0.61761004, -1.7485011, -2.1420026,
];

impl LinkModel {
    /// The features of `evidence`, in the order of [`EVIDENCE_NAMES`]: the
    /// shared information and the number of matched terms by their
    /// logarithms (each more counts for less), the unique terms up to 3.
    ///
    /// ```
    /// use framediff::align::{LinkModel, PairEvidence};
    /// let e = PairEvidence { matched_terms: 1, unique_terms: 5, ..Default::default() };
    /// assert_eq!(LinkModel::features(&e)[4..6], [0.0, 3.0]);
    /// ```
    pub fn features(evidence: &PairEvidence) -> [f32; 8] {
        [
            evidence.score,
            evidence.cosine,
            evidence.lesser_containment,
            evidence.shared.max(0.0).ln_1p(),
            (evidence.matched_terms.max(1) as f32).ln(),
            evidence.unique_terms.min(3) as f32,
            evidence.place_distance,
            evidence.earlier_place,
        ]
    }

    /// What each feature adds to the log-odds of a link, by name.
    ///
    /// ```
    /// use framediff::align::{LinkModel, PairEvidence};
    /// let model = LinkModel::default();
    /// let e = PairEvidence { score: 0.3, place_distance: 0.5, ..Default::default() };
    /// let parts = model.contributions(&e);
    /// assert_eq!(parts[6].0, "place distance");
    /// assert!(parts[6].1 < 0.0);
    /// ```
    pub fn contributions(&self, evidence: &PairEvidence) -> [(&'static str, f32); 8] {
        let features = Self::features(evidence);
        std::array::from_fn(|i| (EVIDENCE_NAMES[i], self.weights[i] * features[i]))
    }

    /// The probability that the pair carries one claim, in (0, 1).
    pub fn probability(&self, evidence: &PairEvidence) -> f32 {
        let features = Self::features(evidence);
        let log_odds = self.bias
            + self
                .weights
                .iter()
                .zip(features)
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-log_odds).exp())
    }

    /// The highest log-odds of a pair whose features each lie in a range
    /// (lowest, highest), in the order of [`EVIDENCE_NAMES`].
    pub(crate) fn highest_log_odds(&self, ranges: [(f32, f32); 8]) -> f32 {
        self.bias
            + self
                .weights
                .iter()
                .zip(ranges)
                .map(|(&w, (lowest, highest))| if w >= 0.0 { w * highest } else { w * lowest })
                .sum::<f32>()
    }

    /// The log-odds a link needs: those of `min_probability`.
    pub(crate) fn min_log_odds(&self) -> f32 {
        (self.min_probability / (1.0 - self.min_probability)).ln()
    }

    /// Whether the pair links: its score reaches the floor and its
    /// probability the minimum.
    pub fn links(&self, evidence: &PairEvidence) -> bool {
        self.link_probability(evidence).is_some()
    }

    /// The pair's probability when it links (see [`LinkModel::links`]),
    /// `None` when it does not: what the first pass keeps of a pair, and
    /// ranks its links by.
    ///
    /// ```
    /// use framediff::align::{LinkModel, PairEvidence};
    /// let model = LinkModel::default();
    /// let strong = PairEvidence { score: 0.5, cosine: 0.5, lesser_containment: 0.5, matched_terms: 4, ..Default::default() };
    /// assert_eq!(model.link_probability(&strong), Some(model.probability(&strong)));
    /// let low = PairEvidence { score: 0.05, ..strong };
    /// assert_eq!(model.link_probability(&low), None);
    /// ```
    pub fn link_probability(&self, evidence: &PairEvidence) -> Option<f32> {
        if evidence.score < self.floor {
            return None;
        }
        let probability = self.probability(evidence);
        (probability >= self.min_probability).then_some(probability)
    }
}

#[cfg(test)]
mod tests {
    use super::LinkModel;
    use crate::align::{AlignConfig, PairEvidence};

    fn with(model: LinkModel) -> AlignConfig {
        AlignConfig {
            link_model: Some(model),
            ..AlignConfig::default()
        }
    }

    #[test]
    fn the_config_checks_the_model() {
        let model = LinkModel::default();
        assert!(with(model).validate().is_ok());
        for min_probability in [0.0, 1.0, -0.1, f32::NAN] {
            let bad = with(LinkModel {
                min_probability,
                ..model
            });
            assert!(bad.validate().is_err(), "{min_probability}");
        }
        assert!(
            with(LinkModel {
                floor: 1.5,
                ..model
            })
            .validate()
            .is_err()
        );
        let mut weights = model.weights;
        weights[3] = f32::INFINITY;
        assert!(with(LinkModel { weights, ..model }).validate().is_err());
        // Without a model its fields are not read.
        let off = AlignConfig {
            link_model: None,
            ..AlignConfig::default()
        };
        assert!(off.validate().is_ok());
    }

    #[test]
    fn a_model_in_json_may_give_only_what_it_changes() {
        let config: AlignConfig =
            serde_json::from_str(r#"{"link_model": {"min_probability": 0.5}}"#).expect("json");
        let model = config.link_model.expect("a model");
        assert_eq!(model.min_probability, 0.5);
        assert_eq!(model.weights, LinkModel::default().weights);
        let off: AlignConfig = serde_json::from_str(r#"{"link_model": null}"#).expect("json");
        assert_eq!(off.link_model, None);
    }

    #[test]
    fn the_contributions_add_up_to_the_probability() {
        let model = LinkModel::default();
        let evidence = PairEvidence {
            score: 0.3,
            cosine: 0.2,
            lesser_containment: 0.15,
            shared: 9.0,
            matched_terms: 3,
            unique_terms: 1,
            place_distance: 0.2,
            earlier_place: 0.1,
        };
        let log_odds: f32 = model.bias
            + model
                .contributions(&evidence)
                .iter()
                .map(|(_, c)| c)
                .sum::<f32>();
        let probability = 1.0 / (1.0 + (-log_odds).exp());
        assert!((probability - model.probability(&evidence)).abs() < 1e-6);
    }

    #[test]
    fn more_evidence_of_each_kind_never_lowers_the_probability() {
        let model = LinkModel::default();
        let base = PairEvidence {
            score: 0.25,
            cosine: 0.2,
            lesser_containment: 0.1,
            shared: 8.0,
            matched_terms: 3,
            unique_terms: 0,
            place_distance: 0.3,
            earlier_place: 0.3,
        };
        let p = model.probability(&base);
        let better = [
            PairEvidence {
                score: 0.35,
                ..base
            },
            PairEvidence {
                cosine: 0.3,
                ..base
            },
            PairEvidence {
                lesser_containment: 0.3,
                ..base
            },
            PairEvidence {
                matched_terms: 5,
                ..base
            },
            PairEvidence {
                unique_terms: 2,
                ..base
            },
            PairEvidence {
                place_distance: 0.0,
                ..base
            },
            PairEvidence {
                earlier_place: 0.0,
                ..base
            },
        ];
        for e in better {
            assert!(model.probability(&e) > p, "{e:?}");
        }
    }
}
