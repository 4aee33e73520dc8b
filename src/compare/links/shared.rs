//! How many links two documents share, for
//! [`AlignConfig::min_document_links`]: in a pool of many stories, two
//! articles that share a single link are mostly of two stories.

use rayon::prelude::*;

use super::Scored;
use crate::align::{AlignConfig, Unit};

/// The links of the first pass each pair of documents shares, counted
/// before the caps: a sentence's cap must not make two articles of one
/// story look unrelated.
pub(super) struct SharedLinks {
    /// (pair of documents, links), sorted by pair.
    counts: Vec<(u64, u32)>,
    minimum: usize,
}

impl SharedLinks {
    /// Counts the first pass's links (before the caps) when the
    /// configuration asks for more than one a pair of documents.
    pub fn of_first_pass(
        links: &[Scored],
        units: &[Unit],
        config: &AlignConfig,
    ) -> Option<SharedLinks> {
        if config.min_document_links <= 1 {
            return None;
        }
        // Sorted in parallel, then counted in one pass: the serial work is
        // a walk over the keys, not a hash per link.
        let mut keys: Vec<u64> = links
            .par_iter()
            .map(|&(g, h, _, _)| documents(units, g, h))
            .collect();
        keys.par_sort_unstable();
        let mut counts: Vec<(u64, u32)> = Vec::new();
        for key in keys {
            match counts.last_mut() {
                Some((last, n)) if *last == key => *n += 1,
                _ => counts.push((key, 1)),
            }
        }
        Some(SharedLinks {
            counts,
            minimum: config.min_document_links,
        })
    }

    /// For each link, whether its two documents share enough links of the
    /// first pass for it to be kept.
    pub fn allowed(&self, links: &[Scored], units: &[Unit]) -> Vec<bool> {
        links
            .par_iter()
            .map(|&(g, h, _, _)| {
                let pair = documents(units, g, h);
                self.counts
                    .binary_search_by_key(&pair, |&(key, _)| key)
                    .is_ok_and(|i| self.counts[i].1 as usize >= self.minimum)
            })
            .collect()
    }
}

/// The documents of sentences g and h, as one key, the lesser first.
fn documents(units: &[Unit], g: usize, h: usize) -> u64 {
    let (a, b) = (units[g].doc as u64, units[h].doc as u64);
    (a.min(b) << 32) | a.max(b)
}
