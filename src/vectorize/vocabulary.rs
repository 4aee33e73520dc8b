//! Interned terms and what the corpus says about each.

use serde::{Deserialize, Serialize};

use super::TermOccurrence;
use crate::fasthash::FastMap;

/// A term's id in its [`Vocabulary`].
pub type TermId = u32;

/// What the vocabulary knows of one term.
///
/// ```
/// use framediff::analyze::Analyzer;
/// use framediff::vectorize::VectorSpace;
///
/// let a = Analyzer::new(framediff::lang::Language::French);
/// let s = [a.analyze("Selon Peskov, Damas résiste."), a.analyze("Le porte-parole Peskov le dit.")];
/// let space = VectorSpace::build(s.iter().map(|t| t.as_slice()));
/// let peskov = space.vocabulary().info(space.vocabulary().id("peskov").unwrap());
/// assert_eq!((peskov.df, peskov.form.as_str()), (2, "peskov"));
/// assert!(peskov.is_name());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermInfo {
    /// The stem (the interned key).
    pub stem: String,
    /// The smallest (in byte order) normalised form seen, for display and
    /// spelling comparison; the first one seen would depend on the order of
    /// the documents.
    pub form: String,
    /// In how many sentences the term occurs.
    pub df: u32,
    /// Whether the term is a number.
    pub is_number: bool,
    /// Occurrences written with a capital, not first in their sentence.
    pub capitalised: u32,
    /// Occurrences written in lower case, not first in their sentence.
    pub lower: u32,
}

impl TermInfo {
    /// Whether the corpus writes the term as a name: more often with a
    /// capital than without, where a capital is not required.
    ///
    /// ```
    /// let mut info = framediff::vectorize::TermInfo {
    ///     stem: "alep".into(), form: "alep".into(), df: 1, is_number: false,
    ///     capitalised: 2, lower: 0,
    /// };
    /// assert!(info.is_name());
    /// info.lower = 3;
    /// assert!(!info.is_name());
    /// ```
    pub fn is_name(&self) -> bool {
        !self.is_number && self.capitalised > self.lower
    }
}

/// Interned stems: each distinct stem gets a dense [`TermId`].
///
/// ```
/// let vocabulary = framediff::vectorize::Vocabulary::default();
/// assert!(vocabulary.is_empty());
/// assert_eq!(vocabulary.id("alep"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: FastMap<String, TermId>,
    terms: Vec<TermInfo>,
}

impl Vocabulary {
    /// The id of a stem, if the vocabulary has it.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::Vocabulary::default().id("x"), None);
    /// ```
    pub fn id(&self, stem: &str) -> Option<TermId> {
        self.ids.get(stem).copied()
    }

    /// What the vocabulary knows of a term.
    ///
    /// # Panics
    /// When `id` is not an id of this vocabulary.
    ///
    /// ```
    /// # use framediff::analyze::Analyzer;
    /// # let a = Analyzer::new(framediff::lang::Language::French);
    /// # let s = [a.analyze("Alep")];
    /// let space = framediff::vectorize::VectorSpace::build(s.iter().map(|t| t.as_slice()));
    /// assert_eq!(space.vocabulary().info(0).stem, "alep");
    /// ```
    pub fn info(&self, id: TermId) -> &TermInfo {
        &self.terms[id as usize]
    }

    /// All terms, in id order.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::Vocabulary::default().iter().count(), 0);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &TermInfo> {
        self.terms.iter()
    }

    /// The number of distinct terms.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::Vocabulary::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the vocabulary is empty.
    ///
    /// ```
    /// assert!(framediff::vectorize::Vocabulary::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Interns a sentence's terms; returns each distinct term with its count.
    pub(crate) fn add_sentence(&mut self, terms: &[TermOccurrence<'_>]) -> Vec<(TermId, u32)> {
        let mut ids: Vec<TermId> = Vec::with_capacity(terms.len());
        for term in terms {
            let id = self.intern(term);
            let info = &mut self.terms[id as usize];
            if !term.initial {
                if term.capitalised {
                    info.capitalised += 1;
                } else {
                    info.lower += 1;
                }
            }
            ids.push(id);
        }
        ids.sort_unstable();
        let counts: Vec<(TermId, u32)> = ids
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0], run.len() as u32))
            .collect();
        for &(id, _) in &counts {
            self.terms[id as usize].df += 1;
        }
        counts
    }

    fn intern(&mut self, term: &TermOccurrence<'_>) -> TermId {
        if let Some(&id) = self.ids.get(term.stem) {
            let form = &mut self.terms[id as usize].form;
            if term.form < form.as_str() {
                *form = term.form.to_string();
            }
            return id;
        }
        let id = self.terms.len() as TermId;
        self.ids.insert(term.stem.to_string(), id);
        self.terms.push(TermInfo {
            stem: term.stem.to_string(),
            form: term.form.to_string(),
            df: 0,
            is_number: term.is_number,
            capitalised: 0,
            lower: 0,
        });
        id
    }
}
