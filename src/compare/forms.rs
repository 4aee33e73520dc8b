//! The forms matched terms take in the text, so that an alignment's
//! explanation quotes the words as written.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::align::Unit;
use crate::analyze::{CompactString, Token};
use crate::compare::AnalyzedDocument;
use crate::vectorize::{Phrases, TermId, Vocabulary, written_form};

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
    ///
    /// Blocks of units are read on all threads, each into a table of its
    /// own with one scratch list for all its sentences, and the tables are
    /// joined in order: a list per sentence, each allocated, copied and
    /// freed on one thread, cost a third of the time.
    pub fn new(
        documents: &[AnalyzedDocument],
        units: &[Unit],
        needed: &[bool],
        vocabulary: &Vocabulary,
        phrases: &Phrases,
    ) -> FirstPieces {
        let blocks: Vec<FirstPieces> = units
            .par_chunks(UNITS_PER_BLOCK)
            .zip(needed.par_chunks(UNITS_PER_BLOCK))
            .map(|(units, needed)| {
                FirstPieces::of_block(documents, units, needed, vocabulary, phrases)
            })
            .collect();
        let mut from = Vec::with_capacity(units.len() + 1);
        from.push(0);
        let mut entries = Vec::with_capacity(blocks.iter().map(|b| b.entries.len()).sum());
        let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len()).sum());
        for block in blocks {
            let (entries_before, text_before) = (entries.len(), text.len());
            from.extend(block.from[1..].iter().map(|&f| f + entries_before));
            entries.extend(
                block
                    .entries
                    .iter()
                    .map(|&(term, start)| (term, start + text_before)),
            );
            text.push_str(&block.text);
        }
        FirstPieces {
            from,
            entries,
            text,
        }
    }

    /// The table of one block of units, offsets from the block's start.
    fn of_block(
        documents: &[AnalyzedDocument],
        units: &[Unit],
        needed: &[bool],
        vocabulary: &Vocabulary,
        phrases: &Phrases,
    ) -> FirstPieces {
        let mut from = Vec::with_capacity(units.len() + 1);
        from.push(0);
        let mut entries = Vec::new();
        let mut text = String::new();
        let mut found = Vec::new();
        let mut found_phrases = Vec::new();
        let mut forms: Vec<(TermId, Cow<'_, str>)> = Vec::new();
        for (unit, &needed) in units.iter().zip(needed) {
            if needed {
                let tokens = &documents[unit.doc].sentences[unit.sentence].tokens;
                first_pieces(tokens, vocabulary, &mut found);
                first_phrases(tokens, vocabulary, phrases, &mut found_phrases);
                forms.clear();
                forms.extend(
                    found
                        .iter()
                        .map(|&(term, _, piece)| (term, Cow::Borrowed(piece.normalized.as_str()))),
                );
                forms.extend(
                    found_phrases
                        .iter()
                        .map(|&(term, words)| (term, Cow::Owned(written_form(words)))),
                );
                // A phrase's term is never a word's: sorted together, each
                // term is there once.
                forms.sort_unstable_by_key(|&(term, _)| term);
                for (term, form) in forms.drain(..) {
                    entries.push((term, text.len()));
                    text.push_str(&form);
                }
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
/// Units read together on one thread: enough that joining the blocks'
/// tables costs little, few enough that the blocks share the work.
const UNITS_PER_BLOCK: usize = 1024;

/// Fills `found` with the first piece of `tokens` (a token, then its
/// compound's parts) that carries each term, sorted by term, with the
/// piece's rank. Any piece counts, stop words and particles too: a term's
/// form is the first piece with its stem.
fn first_pieces<'a>(
    tokens: &'a [Token],
    vocabulary: &Vocabulary,
    found: &mut Vec<(TermId, u32, &'a Token)>,
) {
    found.clear();
    let pieces = tokens
        .iter()
        .flat_map(|t| std::iter::once(t).chain(&t.parts));
    found.extend(
        pieces
            .enumerate()
            .filter_map(|(at, p)| Some((vocabulary.id(&p.stem)?, at as u32, p))),
    );
    found.sort_unstable_by_key(|&(term, at, _)| (term, at));
    found.dedup_by_key(|&mut (term, _, _)| term);
}

/// Fills `found` with the first words in `tokens` of each phrase term of
/// the vocabulary, sorted by term.
fn first_phrases<'a>(
    tokens: &'a [Token],
    vocabulary: &Vocabulary,
    phrases: &Phrases,
    found: &mut Vec<(TermId, &'a [Token])>,
) {
    found.clear();
    phrases.find(tokens, |stem, _, words| {
        if let Some(term) = vocabulary.id(stem) {
            found.push((term, words));
        }
    });
    // A stable sort keeps each term's first occurrence first.
    found.sort_by_key(|&(term, _)| term);
    found.dedup_by_key(|&mut (term, _)| term);
}
