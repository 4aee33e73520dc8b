//! Candidate pairs from an inverted index: term → sentences.

use crate::vectorize::{TermLinks, VectorSpace};

use super::AlignConfig;

/// One alignable sentence: where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Index of its document in the input.
    pub doc: usize,
    /// Index of the sentence in its document.
    pub sentence: usize,
    /// Index of its outlet (documents without an outlet are their own).
    pub outlet: usize,
}

impl Unit {
    /// Whether two sentences may align: different documents, and different
    /// outlets unless the configuration allows the same one.
    pub fn may_align(&self, other: &Unit, config: &AlignConfig) -> bool {
        self.doc != other.doc && (config.same_outlet || self.outlet != other.outlet)
    }
}

/// Corpora smaller than this index every term: skipping common terms only
/// pays, and is only safe, when lists are long.
const MIN_SENTENCES_FOR_TERM_CAP: usize = 1_000;

/// The pairs (g, h), g < h, that share at least one informative term or a
/// term linked to one. Cost follows the postings visited, not n².
pub(crate) fn candidate_pairs(
    units: &[Unit],
    space: &VectorSpace,
    links: &TermLinks,
    config: &AlignConfig,
) -> Vec<(usize, usize)> {
    let n = units.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); space.vocabulary().len()];
    for (g, vector) in space.vectors().iter().enumerate() {
        for &(term, _) in vector.terms() {
            postings[term as usize].push(g as u32);
        }
    }
    let cap = if n >= MIN_SENTENCES_FOR_TERM_CAP {
        ((config.max_term_share * n as f32) as usize).max(1)
    } else {
        usize::MAX
    };
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for g in 0..n {
        for &(term, _) in space.vector(g).terms() {
            let keys = std::iter::once(term).chain(links.neighbours(term).iter().map(|n| n.0));
            for key in keys {
                let list = &postings[key as usize];
                if list.len() > cap {
                    continue;
                }
                // Postings are sorted: only look at later sentences.
                let later = list.partition_point(|&h| h as usize <= g);
                for &h in &list[later..] {
                    let h = h as usize;
                    if !seen[h] && units[g].may_align(&units[h], config) {
                        seen[h] = true;
                        touched.push(h as u32);
                    }
                }
            }
        }
        touched.sort_unstable();
        for &h in &touched {
            seen[h as usize] = false;
            pairs.push((g, h as usize));
        }
        touched.clear();
    }
    pairs
}

/// Every pair that may align: the reference the index is tested against.
#[cfg(test)]
pub(crate) fn brute_force_pairs(units: &[Unit], config: &AlignConfig) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for g in 0..units.len() {
        for h in g + 1..units.len() {
            if units[g].may_align(&units[h], config) {
                pairs.push((g, h));
            }
        }
    }
    pairs
}
