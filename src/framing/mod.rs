//! Framing across a corpus: the differences of every aligned pair added
//! up, the words each outlet favours, and the claims each carries or
//! leaves out.
//!
//! - [`lexicon`]: every substitution, counted per outlet pair and overall
//!   ("terroristes" ↔ "rebelles", actor label, 6 times);
//! - [`certainty`]: for each claim carried by two or more outlets, which
//!   outlets state it, which attribute it to a source, which hedge it;
//! - [`distinctive`]: the words each outlet favours, by the log-odds ratio
//!   with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
//!   "Fightin' Words");
//! - [`coverage`](mod@coverage): the claims each outlet carries, and those
//!   it omits that two or more other outlets carry.

pub mod certainty;
pub mod coverage;
pub mod distinctive;
pub mod lexicon;

pub use coverage::{Coverage, OutletCoverage, coverage};
pub use distinctive::{DistinctiveConfig, DistinctiveWord, OutletWords, distinctive_words};

use crate::AnalyzedDocument;
use crate::fasthash::FastMap;

/// Each document's position, by id: the views look documents up by the
/// ids their claims and alignments name, once per sentence. The first
/// document with an id wins, as a search from the start would.
fn positions_by_id(documents: &[AnalyzedDocument]) -> FastMap<&str, usize> {
    let mut by_id: FastMap<&str, usize> = FastMap::default();
    for (i, d) in documents.iter().enumerate() {
        by_id.entry(d.document.id.as_str()).or_insert(i);
    }
    by_id
}
