//! The forms matched terms take in the text, so that an alignment's
//! explanation quotes the words as written.

use rayon::prelude::*;

use crate::align::Unit;
use crate::analyze::{CompactString, Token};
use crate::compare::AnalyzedDocument;
use crate::vectorize::{TermId, Vocabulary};

/// For each sentence (unit) that needs them, the form of the first token
/// or compound part that carries each term of the vocabulary, sorted by
/// term, all in one array with their text in one string.
///
/// Each linked sentence is in several alignments: looking its pieces up
/// once, by hash, costs less than scanning them for every matched term
/// of every alignment it is in, comparing stems as strings (1.1 s of CPU
/// on a season of French press); and reading a form from one array and
/// one string, rather than from its token, spares two cache misses per
/// matched term.
pub(super) struct FirstPieces {
    /// Unit u's entries are `entries[from[u]..from[u + 1]]`.
    from: Vec<usize>,
    /// (term, start of its form in `text`); the form ends where the next
    /// entry's starts.
    entries: Vec<(TermId, usize)>,
    text: String,
}

impl FirstPieces {
    /// The first pieces of the units `needed` says are needed; the others
    /// have none.
    pub fn new(
        documents: &[AnalyzedDocument],
        units: &[Unit],
        needed: &[bool],
        vocabulary: &Vocabulary,
    ) -> FirstPieces {
        let by_unit: Vec<Vec<(TermId, &Token)>> = units
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
        let mut from = Vec::with_capacity(units.len() + 1);
        from.push(0);
        let mut entries = Vec::with_capacity(by_unit.iter().map(Vec::len).sum());
        let mut text = String::new();
        for pieces in by_unit {
            for (term, piece) in pieces {
                entries.push((term, text.len()));
                text.push_str(&piece.normalized);
            }
            from.push(entries.len());
        }
        FirstPieces {
            from,
            entries,
            text,
        }
    }

    /// The form term `term` takes first in the sentences of `side`, in
    /// order (tokens, and each compound's parts after it); the vocabulary's
    /// form where none holds it.
    pub fn form(&self, side: &[usize], term: TermId, vocabulary: &Vocabulary) -> CompactString {
        side.iter()
            .find_map(|&u| {
                let pieces = &self.entries[self.from[u]..self.from[u + 1]];
                let at = self.from[u] + pieces.binary_search_by_key(&term, |&(t, _)| t).ok()?;
                let start = self.entries[at].1;
                let end = self.entries.get(at + 1).map_or(self.text.len(), |e| e.1);
                Some(CompactString::from(&self.text[start..end]))
            })
            .unwrap_or_else(|| CompactString::from(vocabulary.info(term).form.as_str()))
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
