//! How many links two documents share, for
//! [`AlignConfig::min_document_links`]: in a pool of many stories, two
//! articles that share a single link are mostly of two stories.

use super::{Block, Partners, Scored};
use crate::align::{AlignConfig, Unit};
use crate::fasthash::FastMap;

/// The links each pair of documents shares, counted before the caps: a
/// sentence's cap must not make two articles of one story look unrelated.
pub(super) struct SharedLinks {
    counts: FastMap<(usize, usize), usize>,
}

impl SharedLinks {
    /// Counts the links of the first pass, before the caps.
    pub fn before_caps(blocks: &[Block], units: &[Unit]) -> SharedLinks {
        let mut counts = FastMap::default();
        for &(g, h, _, _) in blocks.iter().flat_map(|b| &b.links) {
            *counts.entry(documents(units, g, h)).or_default() += 1;
        }
        SharedLinks { counts }
    }

    /// Drops the links of the documents that share fewer than
    /// `config.min_document_links`, counting, beside the first pass's, the
    /// links kept that it did not find (corroborated and quoted ones).
    pub fn keep_shared(
        mut self,
        scored: &mut Vec<Scored>,
        first_pass: &Partners,
        units: &[Unit],
        config: &AlignConfig,
    ) {
        for &(g, h, _, _) in scored.iter() {
            if first_pass.later(g).binary_search(&(h as u32)).is_err() {
                *self.counts.entry(documents(units, g, h)).or_default() += 1;
            }
        }
        scored.retain(|&(g, h, _, _)| {
            self.counts
                .get(&documents(units, g, h))
                .copied()
                .unwrap_or(0)
                >= config.min_document_links
        });
    }
}

/// The documents of sentences g and h, in order.
fn documents(units: &[Unit], g: usize, h: usize) -> (usize, usize) {
    let (a, b) = (units[g].doc, units[h].doc);
    (a.min(b), a.max(b))
}
