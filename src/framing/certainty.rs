//! The certainty profile: for each claim carried by two or more outlets,
//! who states it as fact, who attributes it to a source, who hedges it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::AnalyzedDocument;
use crate::align::{Claim, SentenceRef};
use crate::diff::WordClasses;

/// How an outlet presents a claim.
///
/// ```
/// use framediff::framing::certainty::Stance;
/// assert_eq!(serde_json::to_string(&Stance::Hedges).unwrap(), "\"hedges\"");
/// assert!(Stance::Hedges > Stance::States);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// As a fact, with no source and no hedge.
    States,
    /// Through a named source or a verb of saying ("a déclaré", "said").
    Attributes,
    /// With a hedge ("aurait", "selon", "reportedly").
    Hedges,
}

/// One outlet's presentation of a claim.
///
/// ```
/// use framediff::framing::certainty::{OutletCertainty, Stance};
/// let o = OutletCertainty {
///     outlet: "AFP".into(), sentences: vec![], stance: Stance::Hedges,
///     hedges: vec!["aurait".into()], attributions: vec![],
/// };
/// assert_eq!(serde_json::to_value(&o).unwrap()["stance"], "hedges");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletCertainty {
    /// The outlet (or the document id when no outlet is given).
    pub outlet: String,
    /// Its sentences carrying the claim.
    pub sentences: Vec<SentenceRef>,
    /// The least certain presentation among them.
    pub stance: Stance,
    /// The hedges, as written, lower case, each once.
    pub hedges: Vec<String>,
    /// The words of attribution (sources and verbs of saying), each once.
    pub attributions: Vec<String>,
}

/// The certainty profile of one claim.
///
/// ```
/// use framediff::{Comparison, Document, framing::certainty::Stance};
/// let docs = vec![
///     Document::new("a", "Les rebelles ont pris Alep lundi.").with_outlet("A"),
///     Document::new("b", "Les rebelles auraient pris Alep lundi.").with_outlet("B"),
/// ];
/// let cmp = Comparison::new(docs, &Default::default())?;
/// let claim = &cmp.certainty[0];
/// let stances: Vec<Stance> = claim.outlets.iter().map(|o| o.stance).collect();
/// assert_eq!(stances, [Stance::States, Stance::Hedges]);
/// assert_eq!(claim.outlets[1].hedges, ["auraient"]);
/// # Ok::<(), framediff::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimCertainty {
    /// The claim's id (see [`crate::Comparison::claims`]).
    pub claim: usize,
    /// Each outlet carrying it, by name.
    pub outlets: Vec<OutletCertainty>,
}

/// The certainty profile of every claim two or more outlets carry.
///
/// ```
/// let profile = framediff::framing::certainty::profile(&[], &[]);
/// assert!(profile.is_empty());
/// ```
pub fn profile(documents: &[AnalyzedDocument], claims: &[Claim]) -> Vec<ClaimCertainty> {
    let mut languages: Vec<_> = documents.iter().map(|d| d.language).collect();
    languages.sort();
    languages.dedup();
    let classes = WordClasses::for_languages(&languages);
    let by_id = super::positions_by_id(documents);
    let mut out = Vec::new();
    for claim in claims {
        let mut outlets: BTreeMap<String, OutletCertainty> = BTreeMap::new();
        for r in &claim.sentences {
            let Some(doc) = by_id.get(r.doc.as_str()).map(|&i| &documents[i]) else {
                continue;
            };
            let Some(sentence) = doc.sentences.get(r.sentence) else {
                continue;
            };
            let (hedges, attributions) = classes.markers(&sentence.tokens);
            let entry = outlets
                .entry(doc.document.label().to_string())
                .or_insert_with(|| OutletCertainty {
                    outlet: doc.document.label().to_string(),
                    sentences: Vec::new(),
                    stance: Stance::States,
                    hedges: Vec::new(),
                    attributions: Vec::new(),
                });
            entry.sentences.push(r.clone());
            let stance = if !hedges.is_empty() {
                Stance::Hedges
            } else if !attributions.is_empty() {
                Stance::Attributes
            } else {
                Stance::States
            };
            entry.stance = entry.stance.max(stance);
            merge(&mut entry.hedges, hedges);
            merge(&mut entry.attributions, attributions);
        }
        if outlets.len() >= 2 {
            out.push(ClaimCertainty {
                claim: claim.id,
                outlets: outlets.into_values().collect(),
            });
        }
    }
    out
}

fn merge(into: &mut Vec<String>, words: Vec<String>) {
    into.extend(words);
    into.sort();
    into.dedup();
}

#[cfg(test)]
mod tests {
    use super::Stance;
    use crate::{Comparison, Document};

    /// "c'est-à-dire" and "autrement dit" are the writer's words: the
    /// claim is stated, not attributed.
    #[test]
    fn a_saying_that_names_no_source_attributes_nothing() {
        let docs = vec![
            Document::new(
                "a",
                "Le gouvernement a relevé la taxe, c'est-à-dire le prix du gazole, de 6 centimes.",
            ),
            Document::new(
                "b",
                "Le gouvernement a relevé la taxe sur le gazole de 6 centimes, autrement dit le prix à la pompe.",
            ),
        ];
        let cmp = Comparison::new(docs, &Default::default()).expect("comparison");
        let claim = cmp.certainty.first().expect("a shared claim");
        for outlet in &claim.outlets {
            assert_eq!(outlet.stance, Stance::States, "{outlet:?}");
        }
    }
}
