//! The forms matched terms take in the text, so that an alignment's
//! explanation quotes the words as written.

use rayon::prelude::*;

use crate::align::Unit;
use crate::analyze::Token;
use crate::compare::AnalyzedDocument;
use crate::vectorize::{TermId, Vocabulary};

/// For each sentence (unit) that needs them, the first token or compound
/// part that carries each term of the vocabulary, sorted by term.
///
/// Each linked sentence is in several alignments: looking its pieces up
/// once, by hash, costs less than scanning them for every matched term
/// of every alignment it is in, comparing stems as strings (1.1 s of CPU
/// on a season of French press).
pub(super) struct FirstPieces<'a> {
    by_unit: Vec<Vec<(TermId, &'a Token)>>,
}

impl<'a> FirstPieces<'a> {
    /// The first pieces of the units `needed` says are needed; the others
    /// are left empty.
    pub fn new(
        documents: &'a [AnalyzedDocument],
        units: &[Unit],
        needed: &[bool],
        vocabulary: &Vocabulary,
    ) -> FirstPieces<'a> {
        let by_unit = units
            .par_iter()
            .zip(needed)
            .map(|(unit, &needed)| {
                if !needed {
                    return Vec::new();
                }
                let tokens = &documents[unit.doc].sentences[unit.sentence].tokens;
                first_pieces(tokens, vocabulary)
            })
            .collect();
        FirstPieces { by_unit }
    }

    /// The form term `term` takes first in the sentences of `side`, in
    /// order (tokens, and each compound's parts after it); the vocabulary's
    /// form where none holds it.
    pub fn form(&self, side: &[usize], term: TermId, vocabulary: &Vocabulary) -> String {
        side.iter()
            .find_map(|&u| {
                let pieces = &self.by_unit[u];
                let at = pieces.binary_search_by_key(&term, |&(t, _)| t).ok()?;
                Some(pieces[at].1.normalized.clone())
            })
            .unwrap_or_else(|| vocabulary.info(term).form.clone())
    }
}

/// The first piece of `tokens` (a token, then its compound's parts) that
/// carries each term, sorted by term. Any piece counts, stop words and
/// particles too: a term's form is the first piece with its stem.
fn first_pieces<'a>(tokens: &'a [Token], vocabulary: &Vocabulary) -> Vec<(TermId, &'a Token)> {
    let pieces = tokens
        .iter()
        .flat_map(|t| std::iter::once(t).chain(&t.parts));
    let mut found: Vec<(TermId, u32, &Token)> = pieces
        .enumerate()
        .filter_map(|(at, p)| Some((vocabulary.id(&p.stem)?, at as u32, p)))
        .collect();
    found.sort_unstable_by_key(|&(term, at, _)| (term, at));
    found.dedup_by_key(|&mut (term, _, _)| term);
    found.into_iter().map(|(term, _, p)| (term, p)).collect()
}
