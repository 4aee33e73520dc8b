//! Coverage: who reports what. The claims each outlet carries, and the
//! claims it leaves out although two or more other outlets carry them.
//!
//! One other outlet carrying a claim is not enough to call its absence an
//! omission: with two, the claim is part of the story as others tell it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::align::{Claim, SentenceRef};
use crate::compare::AnalyzedDocument;

/// The claims each outlet carries and omits.
///
/// ```
/// let c = framediff::framing::Coverage { claims: 0, outlets: vec![] };
/// assert_eq!(serde_json::to_value(&c).unwrap()["claims"], 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// How many claims two or more documents share.
    pub claims: usize,
    /// One entry per outlet, in the order outlets first appear.
    pub outlets: Vec<OutletCoverage>,
}

/// One outlet's coverage.
///
/// ```
/// let o = framediff::framing::OutletCoverage {
///     outlet: "RT".into(), documents: vec!["001".into()], claims: vec![0, 2], omitted: vec![1],
///     exclusive: 4,
/// };
/// assert_eq!(serde_json::to_value(&o).unwrap()["omitted"][0], 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletCoverage {
    /// The outlet (the document's label: its outlet, else its id).
    pub outlet: String,
    /// The ids of its documents.
    pub documents: Vec<String>,
    /// The ids of the claims it carries, in story order.
    pub claims: Vec<usize>,
    /// The ids of the claims it does not carry that two or more other
    /// outlets carry, in story order.
    pub omitted: Vec<usize>,
    /// How many of its title and body sentences no other outlet carries.
    pub exclusive: usize,
}

/// Who carries which claim.
///
/// ```
/// use framediff::{Comparison, Document};
/// let docs = vec![
///     Document::new("a", "Les rebelles ont pris Alep samedi.").with_outlet("A"),
///     Document::new("b", "Samedi, les insurgés ont pris Alep.").with_outlet("B"),
///     Document::new("c", "Les rebelles ont pris la ville d'Alep samedi.").with_outlet("C"),
///     Document::new("d", "Il pleut sur Paris.").with_outlet("D"),
/// ];
/// let cmp = Comparison::new(docs, &Default::default())?;
/// let coverage = framediff::framing::coverage(&cmp.documents, &cmp.claims, &cmp.unmatched);
/// assert_eq!(coverage.outlets[0].claims, [0]);
/// assert_eq!(coverage.outlets[3].omitted, [0]); // D leaves out what A, B and C report
/// assert_eq!(coverage.outlets[3].exclusive, 1);
/// # Ok::<(), framediff::Error>(())
/// ```
pub fn coverage(
    documents: &[AnalyzedDocument],
    claims: &[Claim],
    unmatched: &[SentenceRef],
) -> Coverage {
    let mut outlets: Vec<OutletCoverage> = Vec::new();
    // Each document's outlet, by the document's position.
    let mut outlet_of_doc: Vec<usize> = Vec::with_capacity(documents.len());
    for doc in documents {
        let label = doc.document.label();
        let i = match outlets.iter().position(|o| o.outlet == label) {
            Some(i) => i,
            None => {
                outlets.push(OutletCoverage {
                    outlet: label.to_string(),
                    documents: Vec::new(),
                    claims: Vec::new(),
                    omitted: Vec::new(),
                    exclusive: 0,
                });
                outlets.len() - 1
            }
        };
        outlets[i].documents.push(doc.document.id.clone());
        outlet_of_doc.push(i);
    }
    let by_id = super::positions_by_id(documents);
    let outlet_of = |doc: &str| by_id.get(doc).map(|&i| outlet_of_doc[i]);
    let mut ordered: Vec<&Claim> = claims.iter().collect();
    ordered.sort_by_key(|c| c.id);
    for claim in ordered {
        let carriers: BTreeSet<usize> = claim.documents().filter_map(outlet_of).collect();
        for (i, outlet) in outlets.iter_mut().enumerate() {
            if carriers.contains(&i) {
                outlet.claims.push(claim.id);
            } else if carriers.len() >= 2 {
                outlet.omitted.push(claim.id);
            }
        }
    }
    for r in unmatched {
        if let Some(i) = outlet_of(&r.doc) {
            outlets[i].exclusive += 1;
        }
    }
    Coverage {
        claims: claims.len(),
        outlets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;
    use crate::lang::Language;

    fn doc(id: &str, outlet: &str) -> AnalyzedDocument {
        let d = Document::new(id, "Un. Deux. Trois.").with_outlet(outlet);
        AnalyzedDocument::new(d, Language::French)
    }

    fn claim(id: usize, docs: &[&str]) -> Claim {
        let sentences = docs
            .iter()
            .map(|d| SentenceRef {
                doc: d.to_string(),
                sentence: 0,
            })
            .collect();
        Claim { id, sentences }
    }

    #[test]
    fn an_omission_needs_two_other_outlets() {
        let docs = [doc("a", "A"), doc("b", "B"), doc("c", "C")];
        let claims = [claim(0, &["a", "b"]), claim(1, &["b", "c"])];
        let cov = coverage(&docs, &claims, &[]);
        assert_eq!(cov.claims, 2);
        assert_eq!(cov.outlets[0].claims, [0]);
        assert_eq!(cov.outlets[0].omitted, [1]);
        assert_eq!(cov.outlets[1].claims, [0, 1]);
        assert!(cov.outlets[1].omitted.is_empty());
        assert_eq!(cov.outlets[2].omitted, [0]);
    }

    #[test]
    fn documents_of_one_outlet_count_once() {
        let docs = [doc("a1", "A"), doc("a2", "A"), doc("b", "B"), doc("c", "C")];
        // Two articles of A carry the claim: it is still one outlet.
        let claims = [claim(0, &["a1", "a2", "b"])];
        let unmatched = [
            SentenceRef {
                doc: "a2".into(),
                sentence: 1,
            },
            SentenceRef {
                doc: "c".into(),
                sentence: 2,
            },
        ];
        let cov = coverage(&docs, &claims, &unmatched);
        assert_eq!(cov.outlets.len(), 3);
        assert_eq!(cov.outlets[0].documents, ["a1", "a2"]);
        assert_eq!(cov.outlets[0].exclusive, 1);
        assert_eq!(cov.outlets[2].omitted, [0]);
        assert_eq!(cov.outlets[2].exclusive, 1);
    }
}
