//! Whether framediff says `same` where the annotators did.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Gold, gold_ids};
use crate::align::Relation;
use crate::compare::Comparison;

/// How the relations of the links framediff found agree with the gold's
/// strengths: a confusion table over the gold links found, each counted
/// once.
///
/// ```
/// let t = framediff::eval::RelationAgreement { same_as_same: 3, same_as_partial: 1,
///     partial_as_same: 1, partial_as_partial: 5 };
/// assert_eq!(t.accuracy(), 0.8);
/// assert_eq!((t.same_precision(), t.same_recall()), (0.75, 0.75));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationAgreement {
    /// Gold `same`, found as `same`.
    pub same_as_same: usize,
    /// Gold `same`, found as `partial`.
    pub same_as_partial: usize,
    /// Gold `partial`, found as `same`.
    pub partial_as_same: usize,
    /// Gold `partial`, found as `partial`.
    pub partial_as_partial: usize,
}

impl std::ops::AddAssign for RelationAgreement {
    fn add_assign(&mut self, other: RelationAgreement) {
        self.same_as_same += other.same_as_same;
        self.same_as_partial += other.same_as_partial;
        self.partial_as_same += other.partial_as_same;
        self.partial_as_partial += other.partial_as_partial;
    }
}

impl RelationAgreement {
    /// The share of found links whose relation is the gold's (0 when none
    /// was found).
    pub fn accuracy(&self) -> f64 {
        let right = self.same_as_same + self.partial_as_partial;
        ratio(right, right + self.same_as_partial + self.partial_as_same)
    }

    /// Of the found links framediff calls `same`, the share the gold calls
    /// `same`.
    pub fn same_precision(&self) -> f64 {
        ratio(self.same_as_same, self.same_as_same + self.partial_as_same)
    }

    /// Of the found links the gold calls `same`, the share framediff calls
    /// `same`.
    pub fn same_recall(&self) -> f64 {
        ratio(self.same_as_same, self.same_as_same + self.same_as_partial)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Compares the relation of every alignment that maps onto a gold link
/// (sentences mapped as in [`super::score_links`]) with the link's
/// strength.
///
/// ```
/// use framediff::eval::{Gold, relation_agreement};
/// use framediff::{Comparison, Document};
/// let gold = Gold::parse(r#"{"sentences": [
///     {"id": "a:0", "doc": "a", "start": 0, "end": 27, "kind": "body", "text": ""},
///     {"id": "b:0", "doc": "b", "start": 0, "end": 27, "kind": "body", "text": ""}],
///   "links": [{"a": "a:0", "b": "b:0", "strength": "same"}]}"#)?;
/// let cmp = Comparison::new(vec![
///     Document::new("a", "Les rebelles ont pris Alep."),
///     Document::new("b", "Les insurgés ont pris Alep."),
/// ], &Default::default())?;
/// assert_eq!(relation_agreement(&cmp, &gold).same_as_same, 1);
/// # Ok::<(), framediff::Error>(())
/// ```
pub fn relation_agreement(comparison: &Comparison, gold: &Gold) -> RelationAgreement {
    let strength: HashMap<(&str, &str), bool> = gold
        .links
        .iter()
        .flat_map(|l| {
            let same = l.strength == "same";
            [
                ((l.a.as_str(), l.b.as_str()), same),
                ((l.b.as_str(), l.a.as_str()), same),
            ]
        })
        .collect();
    let gold_ids = |doc: &str, index: usize| gold_ids(comparison.document(doc), index, gold);
    let mut counted: HashSet<(&str, &str)> = HashSet::new();
    let mut table = RelationAgreement::default();
    for link in &comparison.alignments {
        let said_same = link.relation == Relation::Same;
        for &sa in &link.a.sentences {
            for &sb in &link.b.sentences {
                for ga in gold_ids(&link.a.doc, sa) {
                    for gb in gold_ids(&link.b.doc, sb) {
                        let Some(&same) = strength.get(&(ga, gb)) else {
                            continue;
                        };
                        if !counted.insert(if ga < gb { (ga, gb) } else { (gb, ga) }) {
                            continue;
                        }
                        match (same, said_same) {
                            (true, true) => table.same_as_same += 1,
                            (true, false) => table.same_as_partial += 1,
                            (false, true) => table.partial_as_same += 1,
                            (false, false) => table.partial_as_partial += 1,
                        }
                    }
                }
            }
        }
    }
    table
}
