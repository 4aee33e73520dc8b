//! Figures one outlet rounds and another gives exactly: "près de 290.000
//! manifestants" and "287.710 manifestants", "more than 400 injured" and
//! "409 injured" report the same count.

use super::{TermId, Vocabulary};

/// The smallest figure, round or exact, that rounding links: below it, two
/// counts a few apart ("14 blessés", "15 blessés") are different counts.
const MIN_ROUNDED: u64 = 100;
/// How far apart, relative to the round figure, the two may be: rounding
/// to two significant digits moves a figure by at most 5 %, and a figure
/// rounded to one ("400") is taken no further.
const MAX_RELATIVE_GAP: f64 = 0.05;
/// Years are written exactly or not at all: "2018" is not "2020" rounded.
/// The stem no longer says how a figure was written, so "2.000
/// manifestants" is left out with them.
const YEARS: std::ops::RangeInclusive<u64> = 1800..=2100;
/// A round figure with more exact figures than this around it is in a run
/// of figures (a table, a list of counts) where rounding tells nothing; it
/// links to none, which also bounds the links any term has.
const MAX_EXACT_PER_ROUND: usize = 8;
/// How much a rounded match counts, against 1 for the same figure: less
/// than a synonym (0.7), as two counts close by chance are common ("plus
/// de 400 gendarmes" / "409 personnes interpellées"). At 0.7 the gilets
/// annotation gained two links, on the very story the rule was noticed
/// in; at 0.5 no annotated set moves, and the match still shows which
/// figure rounds which.
pub(super) const ROUNDED_SIMILARITY: f32 = 0.5;

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
        let exact: Vec<TermId> = figures[from..]
            .iter()
            .take_while(|f| f.0 <= round + gap)
            .filter(|&&(exact, _)| exact != round && rounding_step(exact) < step)
            .map(|&(_, id)| id)
            .take(MAX_EXACT_PER_ROUND + 1)
            .collect();
        if exact.len() <= MAX_EXACT_PER_ROUND {
            pairs.extend(exact.into_iter().map(|id| (round_id, id)));
        }
    }
    pairs
}

/// The value of a stem made only of digits (what [`crate::analyze::NumberValues`]
/// leaves of a whole number, whatever its typography).
fn whole_number(stem: &str) -> Option<u64> {
    let digits = stem.bytes().all(|b| b.is_ascii_digit());
    (digits && (1..=18).contains(&stem.len()) && !stem.starts_with('0'))
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
    fn half_a_step_and_five_percent_bound_the_gap() {
        let found = pairs("400 et 420, 400 et 421, 3.000 et 3.149", Language::French);
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(found, [("3000", "3149"), ("400", "420")]);
    }

    #[test]
    fn a_round_figure_in_a_run_of_figures_links_to_none() {
        let run: Vec<String> = (0..=MAX_EXACT_PER_ROUND)
            .map(|k| format!("{}", 401 + k))
            .collect();
        let text = format!("400, {}", run.join(", "));
        assert!(pairs(&text, Language::French).is_empty());
        let text = format!("400, {}", run[..MAX_EXACT_PER_ROUND].join(", "));
        assert_eq!(pairs(&text, Language::French).len(), MAX_EXACT_PER_ROUND);
    }

    #[test]
    fn an_alignment_says_which_figure_rounds_which() {
        let docs = vec![
            crate::Document::new(
                "a",
                "Près de 290.000 manifestants ont bloqué les routes samedi.",
            ),
            crate::Document::new(
                "b",
                "Au total, 287.710 manifestants ont bloqué les routes samedi.",
            ),
        ];
        let cmp = crate::Comparison::new(docs, &Default::default()).unwrap();
        let json = serde_json::to_value(&cmp.alignments[0].matched_terms).unwrap();
        let rounded = json
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["relation"] == "rounded");
        assert_eq!(
            rounded.map(|m| (m["a"].clone(), m["b"].clone())),
            Some(("290.000".into(), "287.710".into()))
        );
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
