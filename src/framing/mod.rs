//! Framing across a corpus: the differences of every aligned pair, added
//! up.
//!
//! - [`lexicon`]: every substitution, counted per outlet pair and overall
//!   ("terroristes" ↔ "rebelles", actor label, 6 times);
//! - [`certainty`]: for each claim carried by two or more outlets, which
//!   outlets state it, which attribute it to a source, which hedge it.

pub mod certainty;
pub mod lexicon;
