//! How the report shows an outlet's certainty about a claim: a class for
//! the colour, a symbol and a word, so that it reads without colour, and
//! the words that carry the hedge or the attribution.

use crate::framing::certainty::{OutletCertainty, Stance};

pub(super) struct Shown {
    pub class: &'static str,
    pub symbol: &'static str,
    pub word: &'static str,
    /// What the stance means, for the legend and the cards.
    pub meaning: &'static str,
}

/// Every stance in legend order, then "carries" (no profile for the claim).
pub(super) const LEGEND: [Option<Stance>; 4] = [
    Some(Stance::States),
    Some(Stance::Attributes),
    Some(Stance::Hedges),
    None,
];

pub(super) fn shown(stance: Option<Stance>) -> Shown {
    let (class, symbol, word, meaning) = match stance {
        Some(Stance::States) => ("st-states", "●", "states", "states it as fact"),
        Some(Stance::Attributes) => (
            "st-attributes",
            "◐",
            "attributes",
            "attributes it to a source",
        ),
        Some(Stance::Hedges) => ("st-hedges", "○", "hedges", "hedges it"),
        None => ("st-carries", "✓", "carries", "carries it"),
    };
    Shown {
        class,
        symbol,
        word,
        meaning,
    }
}

/// The words behind the stance: the hedges of a hedged claim, the sources
/// and verbs of saying of an attributed one.
pub(super) fn cues(certainty: &OutletCertainty) -> &[String] {
    match certainty.stance {
        Stance::States => &[],
        Stance::Attributes => &certainty.attributions,
        Stance::Hedges => &certainty.hedges,
    }
}
