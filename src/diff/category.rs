//! Naming what a difference does, from the framing features of its words
//! and string similarity.

use strsim::jaro_winkler;

use super::Category;
use super::words::Features;
use crate::analyze::Token;

/// Jaro-Winkler similarity of two names' letters from which they are one
/// name spelled two ways ("basharassad" / "bacharalassad").
const NAME_SIMILARITY: f64 = 0.85;

/// One side of a difference: its tokens and their merged features.
pub(super) struct Side<'a> {
    pub tokens: &'a [Token],
    pub features: Features,
}

impl Side<'_> {
    fn hedges(&self, hedge_tokens: &dyn Fn(&Token) -> bool) -> Vec<&str> {
        let mut words: Vec<&str> = self
            .tokens
            .iter()
            .filter(|t| hedge_tokens(t))
            .map(|t| t.normalized.as_str())
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    /// The letters of the side's words, accents folded: the key two
    /// spellings of one name are compared on.
    fn letters(&self) -> String {
        self.tokens
            .iter()
            .filter(|t| t.is_word() && !t.stop)
            .flat_map(|t| t.folded.chars().filter(|c| c.is_alphanumeric()))
            .collect()
    }

    fn is_salient(&self) -> bool {
        self.features.is_salient()
    }
}

/// Whether two name phrases are one name spelled differently.
pub(super) fn same_name(a: &Side, b: &Side) -> bool {
    if !(a.features.name && b.features.name) {
        return false;
    }
    let (x, y) = (a.letters(), b.letters());
    !x.is_empty()
        && !y.is_empty()
        && (x.contains(&y) || y.contains(&x) || jaro_winkler(&x, &y) >= NAME_SIMILARITY)
}

/// The category of a substitution, and whether it is minor.
pub(super) fn substitution(
    a: &Side,
    b: &Side,
    is_hedge: &dyn Fn(&Token) -> bool,
) -> (Category, bool) {
    let (fa, fb) = (a.features, b.features);
    let category = if same_name(a, b) {
        Category::SpellingVariant
    } else if (fa.hedge || fb.hedge) && a.hedges(is_hedge) != b.hedges(is_hedge) {
        Category::Hedging
    } else if (fa.attribution || fb.attribution) && is_source(fa) && is_source(fb) {
        Category::Attribution
    } else if fa.actor || fb.actor || (fa.name && fb.name) {
        Category::ActorLabel
    } else if fa.quantity && fb.quantity {
        Category::Quantity
    } else if fa.evaluative != fb.evaluative {
        Category::Evaluative
    } else {
        Category::Other
    };
    (category, !a.is_salient() && !b.is_salient())
}

/// The category of words only one side has, and whether it is minor. A
/// pronoun alone ("Nous", opening a quotation) names nobody differently.
pub(super) fn one_sided(side: &Side) -> (Category, bool) {
    let f = side.features;
    let lone_pronoun = f.pronoun && side.tokens.iter().filter(|t| t.is_word()).count() == 1;
    let category = if f.hedge {
        Category::Hedging
    } else if f.attribution {
        Category::Attribution
    } else if f.quantity {
        Category::Quantity
    } else if f.evaluative {
        Category::Evaluative
    } else if f.actor && !lone_pronoun {
        Category::ActorLabel
    } else {
        Category::Other
    };
    (category, !side.is_salient())
}

/// Who can be a source: a name, a source word, an actor.
fn is_source(f: Features) -> bool {
    f.name || f.attribution || f.actor
}
