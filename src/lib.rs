//! framediff compares how different outlets report the same story.
//!
//! (Crate documentation is written in full once the pipeline is complete.)

pub mod align;
pub mod analyze;
mod compare;
pub mod document;
pub mod error;
pub mod eval;
pub mod lang;
pub mod segment;
pub mod vectorize;

pub use compare::{AnalyzedDocument, AnalyzedSentence, Comparison, Config};
pub use document::{Document, load_dir, load_jsonl, load_path, load_paths, parse_jsonl};
pub use error::{Error, Result};
