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
/// link, and the next key of the same term.
#[derive(Debug, Clone, Copy)]
struct Key {
    term: TermId,
    own: TermId,
    weight: f32,
    similarity: f32,
    relation: TermRelation,
    at: u32,
    next: u32,
}

/// The end of a chain of keys.
const NO_KEY: u32 = u32::MAX;

/// The possible matches of one loaded sentence (side a), by the term of
/// side b they would match. Built for a vocabulary and reused: load, find
/// the candidates of many sentences b, clear.
pub(crate) struct SideMatches {
    /// Whether each term of the vocabulary is a key, one bit per term: a
    /// table small enough for the cache, read for every term of b.
    is_key: Vec<u64>,
    /// For each key term, its first key in `keys`; read only for the
    /// terms `is_key` finds.
    first: Vec<u32>,
    /// The keys, in the order `find_candidates` meets them (a's terms in
    /// order, each's exact match before its linked terms'), a key's place
    /// its ordinal; each term's keys chained in that order. Sorting the
    /// keys by term instead cost 2 % more instructions in the whole run
    /// (1,000 gilets articles, one thread).
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
            let key = |term, similarity, relation| Key {
                term,
                own,
                weight,
                similarity,
                relation,
                at: at as u32,
                next: NO_KEY,
            };
            keys.push(key(own, 1.0, TermRelation::Exact));
            for &(term, similarity, relation) in links.neighbours(own) {
                keys.push(key(term, similarity, relation));
            }
        }
        // Chained from the last key back, each chain comes in order.
        for (i, key) in keys.iter_mut().enumerate().rev() {
            let term = key.term as usize;
            let bit = 1 << (term % 64);
            if self.is_key[term / 64] & bit != 0 {
                key.next = self.first[term];
            }
            self.is_key[term / 64] |= bit;
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
            let mut at = self.first[t];
            while at != NO_KEY {
                let key = &self.keys[at as usize];
                let m = (key.own, term, key.similarity, key.relation, key.weight, wb);
                let ordinal = at as usize;
                add_candidate(candidates, &mut bound, m, key.at as usize, at_b, ordinal);
                at = key.next;
            }
        }
        bound.candidates = candidates.len();
        bound
    }
}
