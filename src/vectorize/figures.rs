//! Figures one outlet rounds and another gives exactly: "près de 290.000
//! manifestants" and "287.710 manifestants", "more than 400 injured" and
//! "409 injured" report the same count.

use super::{TermId, Vocabulary};

/// The smallest figure that may be rounded: below it, two counts a few
/// apart ("14 blessés", "15 blessés") are different counts.
const MIN_ROUNDED: u64 = 100;
/// How far apart, relative to the round figure, the two may be: rounding
/// to two significant digits moves a figure by at most 5 %.
const MAX_RELATIVE_GAP: f64 = 0.05;
/// Years are written exactly or not at all: "2018" is not "2020" rounded.
const YEARS: std::ops::RangeInclusive<u64> = 1800..=2100;

/// The pairs (round figure, exact figure) of the vocabulary's whole
/// numbers where the first is the second rounded to the first's last
/// non-zero digit, at least to the hundreds, and within 5 %.
pub(super) fn rounded_figures(vocabulary: &Vocabulary) -> Vec<(TermId, TermId)> {
    let mut figures: Vec<(u64, TermId)> = vocabulary
        .iter()
        .enumerate()
        .filter(|(_, info)| info.is_number)
        .filter_map(|(id, info)| Some((whole_number(&info.stem)?, id as TermId)))
        .filter(|(value, _)| *value >= MIN_ROUNDED && !YEARS.contains(value))
        .collect();
    figures.sort_unstable();
    let mut pairs = Vec::new();
    for &(round, round_id) in &figures {
        let step = rounding_step(round);
        if step < MIN_ROUNDED {
            continue;
        }
        // Less than half a step: 84,500 rounds to 85,000, not 84,000.
        let gap = (step / 2 - 1).min((round as f64 * MAX_RELATIVE_GAP) as u64);
        let from = figures.partition_point(|&(v, _)| v < round.saturating_sub(gap));
        for &(exact, exact_id) in figures[from..].iter().take_while(|f| f.0 <= round + gap) {
            if exact != round && rounding_step(exact) < step {
                pairs.push((round_id, exact_id));
            }
        }
    }
    pairs
}

/// The value of a stem made only of digits (what [`crate::analyze::NumberValues`]
/// leaves of a whole number, whatever its typography).
fn whole_number(stem: &str) -> Option<u64> {
    (stem.len() <= 18 && !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit()))
        .then(|| stem.parse().ok())
        .flatten()
}

/// The power of ten of a figure's last non-zero digit: 100 for 400, 10,000
/// for 290,000, 1 for 287,710.
fn rounding_step(value: u64) -> u64 {
    let mut step = 1;
    while value > 0 && value.is_multiple_of(step * 10) {
        step *= 10;
    }
    step
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::lang::Language;
    use crate::vectorize::VectorSpace;

    fn pairs(text: &str, language: Language) -> Vec<(String, String)> {
        let tokens = [Analyzer::new(language).analyze(text)];
        let space = VectorSpace::build(tokens.iter().map(Vec::as_slice));
        let v = space.vocabulary();
        let mut found: Vec<(String, String)> = rounded_figures(v)
            .into_iter()
            .map(|(a, b)| (v.info(a).stem.clone(), v.info(b).stem.clone()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn a_round_figure_meets_the_exact_one_it_rounds() {
        let found = pairs(
            "290.000 et 287.710, 400 et 409, 46.000 et 45.683",
            Language::French,
        );
        let expected = [("290000", "287710"), ("400", "409"), ("46000", "45683")];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|&(a, b)| (a.into(), b.into()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn small_counts_years_and_distant_figures_stay_apart() {
        let french = "14 et 15, 2018 et 2020, 2000 et 2010, 200 et 282, 300 et 251, 1000 et 1100";
        assert!(pairs(french, Language::French).is_empty());
        assert!(pairs("84,000 and 84,500, 1,234", Language::English).is_empty());
    }

    #[test]
    fn the_rounding_step_is_the_last_non_zero_digit() {
        assert_eq!(rounding_step(400), 100);
        assert_eq!(rounding_step(290_000), 10_000);
        assert_eq!(rounding_step(287_710), 10);
        assert_eq!(rounding_step(7), 1);
        assert_eq!(rounding_step(0), 1);
    }
}
