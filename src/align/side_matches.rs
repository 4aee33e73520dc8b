//! One sentence's possible matches, looked up by the other sentence's term.
//!
//! The first pass scores each sentence g against every candidate the
//! search kept for it, dozens at a time. [`super::score::find_candidates`]
//! merges the two term lists and binary-searches the other sentence for
//! every term linked to one of g's (a spelling variant, a synonym): most of
//! its work. With g's terms and their linked terms loaded once in a table
//! by term, a candidate's possible matches are found in one pass over its
//! own terms.

use super::score::{Bound, ScoreScratch, add_candidate};
use crate::vectorize::{SentenceVector, TermId, TermLinks, TermRelation};

/// A term a loaded sentence could match: one of its own terms or a term
/// linked to one, with the sentence's term, its weight and place, the
/// link, and its place in the order `find_candidates` would meet it.
#[derive(Debug, Clone, Copy)]
struct Key {
    term: TermId,
    own: TermId,
    weight: f32,
    similarity: f32,
    relation: TermRelation,
    at: u32,
    ordinal: u32,
}

/// The possible matches of one loaded sentence (side a), by the term of
/// side b they would match. Built for a vocabulary and reused: load, find
/// the candidates of many sentences b, clear.
pub(crate) struct SideMatches {
    /// Whether each term of the vocabulary is a key, one bit per term: a
    /// table small enough for the cache, read for every term of b.
    is_key: Vec<u64>,
    /// For each key term, where its keys start in `keys`; read only for
    /// the terms `is_key` finds.
    first: Vec<u32>,
    /// The keys, sorted by term, then by ordinal.
    keys: Vec<Key>,
}

impl SideMatches {
    /// An empty table for a vocabulary of `terms` terms.
    pub fn new(terms: usize) -> SideMatches {
        SideMatches {
            is_key: vec![0; terms.div_ceil(64)],
            first: vec![0; terms],
            keys: Vec::new(),
        }
    }

    /// Loads sentence a (after [`SideMatches::clear`], or on a new table).
    pub fn load(&mut self, a: &SentenceVector, links: &TermLinks) {
        let keys = &mut self.keys;
        for (at, &(own, weight)) in a.terms().iter().enumerate() {
            let key = |term, similarity, relation, ordinal: usize| Key {
                term,
                own,
                weight,
                similarity,
                relation,
                at: at as u32,
                ordinal: ordinal as u32,
            };
            keys.push(key(own, 1.0, TermRelation::Exact, keys.len()));
            for &(term, similarity, relation) in links.neighbours(own) {
                keys.push(key(term, similarity, relation, keys.len()));
            }
        }
        keys.sort_unstable_by_key(|k| (k.term, k.ordinal));
        for (i, key) in keys.iter().enumerate().rev() {
            let term = key.term as usize;
            self.is_key[term / 64] |= 1 << (term % 64);
            self.first[term] = i as u32;
        }
    }

    /// Unloads the sentence loaded: the table is empty again.
    pub fn clear(&mut self) {
        for key in self.keys.drain(..) {
            self.is_key[key.term as usize / 64] = 0;
        }
    }

    /// [`super::score::find_candidates`] of the loaded sentence a against
    /// b: the same candidates in the scratch, found in b's order (the
    /// matching orders them the same way), and their bound, summed in that
    /// order (equal up to rounding).
    pub fn find_candidates(&self, b: &SentenceVector, scratch: &mut ScoreScratch) -> Bound {
        let candidates = &mut scratch.candidates;
        candidates.clear();
        let mut bound = Bound::default();
        for (at_b, &(term, wb)) in b.terms().iter().enumerate() {
            let t = term as usize;
            if self.is_key[t / 64] & (1 << (t % 64)) == 0 {
                continue;
            }
            let from = self.first[t] as usize;
            for key in self.keys[from..].iter().take_while(|k| k.term == term) {
                let m = (key.own, term, key.similarity, key.relation, key.weight, wb);
                let (at_a, ordinal) = (key.at as usize, key.ordinal as usize);
                add_candidate(candidates, &mut bound, m, at_a, at_b, ordinal);
            }
        }
        bound.candidates = candidates.len();
        bound
    }
}
