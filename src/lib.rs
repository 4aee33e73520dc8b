//! framediff compares how different outlets report the same story.
//!
//! Give it the articles; it cuts them into sentences, analyses the words,
//! finds the sentences of different outlets that carry the same claim, and
//! tells which claims each outlet alone reports. Every result points back to
//! exact bytes of the source text.
//!
//! ```
//! use framediff::{Comparison, Config, Document};
//!
//! let articles = vec![
//!     Document::new("rt", "Les terroristes ont lancé une attaque contre Alep.").with_outlet("RT"),
//!     Document::new("afp", "Les rebelles ont lancé une offensive sur Alep. Il pleut.")
//!         .with_outlet("AFP"),
//! ];
//! let comparison = Comparison::new(articles, &Config::default())?;
//!
//! let link = &comparison.alignments[0];
//! let words: Vec<(&str, &str)> =
//!     link.matched_terms.iter().map(|m| (m.a.as_str(), m.b.as_str())).collect();
//! assert!(words.contains(&("terroristes", "rebelles"))); // same actors, other words
//! assert_eq!(comparison.unmatched.len(), 1); // "Il pleut." is AFP's alone
//! # Ok::<(), framediff::Error>(())
//! ```
//!
//! # The pipeline
//!
//! Data flows one way, one module per stage, and the stages meet through
//! plain data types:
//!
//! ```text
//! Document -> segment -> analyze -> vectorize -> align -> diff -> framing -> Comparison
//! ```
//!
//! - [`document`]: [`Document`]s from `.txt` files, directories, or JSON
//!   Lines corpora, with typed [`Error`]s naming file, line and byte.
//! - [`segment`]: sentences as byte ranges, classed title, body or
//!   boilerplate; a line break always ends one.
//! - [`analyze`]: tokens with their byte ranges, normalised forms, French
//!   elisions split, stop words flagged, Snowball stems.
//! - [`vectorize`]: sparse TF-IDF vectors over interned stems, and the soft
//!   links between terms (spelling variants, concept synonyms).
//! - [`align`]: candidate pairs from an inverted index, scored with an
//!   explanation, grouped into claims.
//! - [`diff`]: how two aligned sentences word their claim differently:
//!   substitutions, additions, omissions, each with a framing category.
//! - [`framing`]: the differences added up over the corpus: the framing
//!   lexicon, who states, attributes or hedges each claim, the words each
//!   outlet favours, and the claims each carries or leaves out.
//! - [`report`]: the whole comparison as one self-contained HTML page.
//! - [`eval`]: scoring against human annotations, and the TF-IDF baseline.
//!
//! Everything a stage knows about a language lives in [`lang`]: French and
//! English are complete, other languages get Unicode's default rules.
//!
//! # Offsets
//!
//! All offsets are byte offsets into [`Document::text`], which is the text
//! exactly as loaded: a UTF-8 byte-order mark and CRLF line ends are kept,
//! so an offset is also the offset in the file on disk.

#![warn(missing_docs)]

pub mod align;
pub mod analyze;
mod compare;
pub mod diff;
pub mod document;
pub mod error;
pub mod eval;
mod fasthash;
pub mod framing;
pub mod lang;
mod prefetch;
pub mod report;
mod scratch_pool;
pub mod segment;
pub mod vectorize;

pub use compare::{
    AlignStats, AnalyzedDocument, AnalyzedSentence, Comparison, Config, StageTimings,
};
pub use document::{Document, load_dir, load_jsonl, load_path, load_paths, parse_jsonl};
pub use error::{Error, Result};
