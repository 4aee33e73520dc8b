//! framediff compares how different outlets report the same story.
//!
//! (Crate documentation is written in full once the pipeline is complete.)

pub mod document;
pub mod error;
pub mod lang;
pub mod analyze;
pub mod segment;

pub use document::{Document, load_dir, load_jsonl, load_path, load_paths, parse_jsonl};
pub use error::{Error, Result};
