//! What every part of the report looks up: outlets, where each sentence
//! stands, and the anchors that link the parts together.

use std::collections::{BTreeMap, BTreeSet};

use crate::align::{Alignment, Claim, SentenceRef};
use crate::compare::{AnalyzedSentence, Comparison};
use crate::framing::certainty::OutletCertainty;

/// A sentence by document index and sentence index.
pub(super) type Key = (usize, usize);

/// An outlet and the indices of its documents.
pub(super) struct Outlet {
    pub label: String,
    pub docs: Vec<usize>,
}

pub(super) struct Context<'a> {
    pub cmp: &'a Comparison,
    pub outlets: Vec<Outlet>,
    /// (document index, sentence index) → claim id.
    pub claim_of: BTreeMap<(usize, usize), usize>,
    /// Sentences with at least one link, in or out of a claim.
    pub linked: BTreeSet<(usize, usize)>,
    /// Claim id → the links between two of its sentences (indices into
    /// `cmp.alignments`).
    pub claim_links: BTreeMap<usize, Vec<usize>>,
    /// Whether the report ends with the full articles, the targets of the
    /// sentence and document links.
    pub articles: bool,
    doc_index: BTreeMap<&'a str, usize>,
    /// (claim id, outlet index) → how the outlet words the claim's certainty.
    certainty: BTreeMap<(usize, usize), &'a OutletCertainty>,
    /// Document index → outlet index.
    outlet_of_doc: Vec<usize>,
}

impl<'a> Context<'a> {
    pub fn new(cmp: &'a Comparison, articles: bool) -> Context<'a> {
        let doc_index: BTreeMap<&str, usize> = cmp
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.document.id.as_str(), i))
            .collect();
        let mut outlets: Vec<Outlet> = Vec::new();
        let mut outlet_of_doc = Vec::with_capacity(cmp.documents.len());
        let mut outlet_index: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, doc) in cmp.documents.iter().enumerate() {
            let label = doc.document.label();
            let next = outlets.len();
            let o = *outlet_index.entry(label).or_insert(next);
            if o == next {
                outlets.push(Outlet {
                    label: label.to_string(),
                    docs: Vec::new(),
                });
            }
            outlets[o].docs.push(i);
            outlet_of_doc.push(o);
        }
        let mut context = Context {
            cmp,
            outlets,
            claim_of: BTreeMap::new(),
            linked: BTreeSet::new(),
            claim_links: BTreeMap::new(),
            articles,
            doc_index,
            certainty: BTreeMap::new(),
            outlet_of_doc,
        };
        for claim in &cmp.claims {
            for r in &claim.sentences {
                if let Some(key) = context.key(r) {
                    context.claim_of.insert(key, claim.id);
                }
            }
        }
        for (i, link) in cmp.alignments.iter().enumerate() {
            if let Some((a, b)) = context.sides(link) {
                context.linked.extend(a.iter().chain(&b).copied());
                if let (Some(&claim), Some(&other)) =
                    (context.claim_of.get(&a[0]), context.claim_of.get(&b[0]))
                    && claim == other
                {
                    context.claim_links.entry(claim).or_default().push(i);
                }
            }
        }
        for claim in &cmp.certainty {
            for stance in &claim.outlets {
                if let Some(o) = context
                    .outlets
                    .iter()
                    .position(|o| o.label == stance.outlet)
                {
                    context.certainty.insert((claim.claim, o), stance);
                }
            }
        }
        context
    }

    /// Whether an outlet states, attributes or hedges a claim, when the
    /// certainty profile knows (it covers claims two or more outlets carry).
    pub fn certainty(&self, claim: usize, outlet: usize) -> Option<&'a OutletCertainty> {
        self.certainty.get(&(claim, outlet)).copied()
    }

    /// The document index and sentence index of a reference, when both exist.
    pub fn key(&self, r: &SentenceRef) -> Option<(usize, usize)> {
        let d = *self.doc_index.get(r.doc.as_str())?;
        self.cmp.documents[d].sentences.get(r.sentence)?;
        Some((d, r.sentence))
    }

    /// The sentences of each side of a link (usually one, two when an
    /// outlet split the claim), when they all exist.
    pub fn sides(&self, link: &Alignment) -> Option<(Vec<Key>, Vec<Key>)> {
        let side = |doc: &str, sentences: &[usize]| {
            let keys = sentences
                .iter()
                .map(|&sentence| {
                    self.key(&SentenceRef {
                        doc: doc.to_string(),
                        sentence,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            (!keys.is_empty()).then_some(keys)
        };
        Some((
            side(&link.a.doc, &link.a.sentences)?,
            side(&link.b.doc, &link.b.sentences)?,
        ))
    }

    /// `inner` linked to `anchor` in the full articles, or plain when the
    /// report leaves them out.
    pub fn article_link(&self, anchor: &str, attributes: &str, inner: &str) -> String {
        if self.articles {
            format!("<a href=\"#{anchor}\"{attributes}>{inner}</a>")
        } else {
            format!("<span{attributes}>{inner}</span>")
        }
    }

    pub fn sentence(&self, (d, s): (usize, usize)) -> &'a AnalyzedSentence {
        &self.cmp.documents[d].sentences[s]
    }

    pub fn label(&self, d: usize) -> &'a str {
        self.cmp.documents[d].document.label()
    }

    /// The outlets (by index) that carry a claim.
    pub fn outlets_of_claim(&self, claim: &Claim) -> BTreeSet<usize> {
        claim
            .sentences
            .iter()
            .filter_map(|r| self.key(r))
            .map(|(d, _)| self.outlet_of(d))
            .collect()
    }

    pub fn outlet_of(&self, d: usize) -> usize {
        self.outlet_of_doc[d]
    }
}

/// The anchor of a sentence in the full articles.
pub(super) fn sentence_anchor((d, s): (usize, usize)) -> String {
    format!("s{d}-{s}")
}

/// The anchor of a claim in the claim-by-claim part.
pub(super) fn claim_anchor(claim: usize) -> String {
    format!("claim-{}", claim + 1)
}

/// The anchor of a document in the full articles.
pub(super) fn doc_anchor(d: usize) -> String {
    format!("doc-{d}")
}
