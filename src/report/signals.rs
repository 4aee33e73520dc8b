//! What the report reads from the pairs' differences: who hedges, and the
//! strongest framing differences.
//!
//! Both are read here from `Alignment::differences` alone, so that the
//! report shows only what the comparison found.

use std::collections::{BTreeMap, BTreeSet};

use super::context::Context;
use crate::diff::{Category, Difference, DifferenceKind};

/// How a sentence words the certainty of its claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Stance {
    /// States the claim as fact where another outlet hedges it.
    States,
    /// Hedges or attributes the claim where another outlet states it.
    Hedges,
}

/// The stance of each sentence a hedging or attribution difference touches.
/// An addition or omission tells which side has the hedge; a substitution
/// tells only when one side's words include a reporting word ("selon",
/// "according"), since both sides then word the claim their own way.
pub(super) fn stances(context: &Context) -> BTreeMap<(usize, usize), Stance> {
    let mut stances = BTreeMap::new();
    for link in &context.cmp.alignments {
        let Some((a, b)) = context.sides(link) else {
            continue;
        };
        for difference in &link.differences {
            if !matches!(
                difference.category,
                Category::Hedging | Category::Attribution
            ) {
                continue;
            }
            let hedging_side = match difference.kind {
                DifferenceKind::Addition => Some(b),
                DifferenceKind::Omission => Some(a),
                DifferenceKind::Substitution => {
                    let reports = |text: &Option<String>, d: usize| {
                        text.as_deref()
                            .is_some_and(|t| has_reporting_word(context, d, t))
                    };
                    match (reports(&difference.a, a.0), reports(&difference.b, b.0)) {
                        (true, false) => Some(a),
                        (false, true) => Some(b),
                        _ => None,
                    }
                }
            };
            if let Some(hedging) = hedging_side {
                let stating = if hedging == a { b } else { a };
                stances.insert(hedging, Stance::Hedges);
                // A sentence that hedges against one outlet hedges.
                stances.entry(stating).or_insert(Stance::States);
            }
        }
    }
    stances
}

fn has_reporting_word(context: &Context, d: usize, text: &str) -> bool {
    let resources = context.cmp.documents[d].language.resources();
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|word| resources.reporting_words().any(|r| r == word))
}

/// Substitutions that use one term in some outlets and another in others,
/// over all the pairs.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FramingRow {
    pub category: Category,
    /// The two terms, each with the outlets that use it.
    pub terms: [(String, BTreeSet<String>); 2],
    /// How many aligned pairs show it.
    pub count: usize,
}

/// The most frequent substitutions that change the framing (not minor,
/// not `other`), most frequent first.
pub(super) fn top_framing_differences(context: &Context, limit: usize) -> Vec<FramingRow> {
    let mut rows: BTreeMap<(Category, String, String), FramingRow> = BTreeMap::new();
    for link in &context.cmp.alignments {
        let Some((a, b)) = context.sides(link) else {
            continue;
        };
        for difference in &link.differences {
            let Some((term_a, term_b)) = framing_terms(difference) else {
                continue;
            };
            let sides = [(term_a, context.label(a.0)), (term_b, context.label(b.0))];
            let (low_a, low_b) = (term_a.to_lowercase(), term_b.to_lowercase());
            // One row for both orders; it keeps the order first seen.
            let key = if low_a <= low_b {
                (difference.category, low_a, low_b)
            } else {
                (difference.category, low_b, low_a)
            };
            let row = rows.entry(key).or_insert_with(|| FramingRow {
                category: difference.category,
                terms: sides.map(|(term, _)| (term.to_string(), BTreeSet::new())),
                count: 0,
            });
            row.count += 1;
            for (term, outlet) in sides {
                let slot = if row.terms[0].0.to_lowercase() == term.to_lowercase() {
                    0
                } else {
                    1
                };
                row.terms[slot].1.insert(outlet.to_string());
            }
        }
    }
    let mut rows: Vec<FramingRow> = rows.into_values().collect();
    rows.sort_by(|x, y| y.count.cmp(&x.count).then(x.category.cmp(&y.category)));
    rows.truncate(limit);
    rows
}

fn framing_terms(difference: &Difference) -> Option<(&str, &str)> {
    if difference.kind != DifferenceKind::Substitution
        || difference.minor
        || difference.category == Category::Other
    {
        return None;
    }
    Some((difference.a.as_deref()?, difference.b.as_deref()?))
}
