//! The one error type of the crate.

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong while loading or processing articles.
///
/// framediff never panics on input: a file it cannot read, bytes that are
/// not UTF-8 or a malformed JSON Lines record all come back as an `Error`
/// that names the place (file, line, byte offset) and what is wrong.
///
/// ```
/// use framediff::{Document, Error};
///
/// let err = Document::from_bytes("bad.txt", b"ok \xff").unwrap_err();
/// assert!(matches!(err, Error::InvalidUtf8 { offset: 3, .. }));
/// assert_eq!(err.to_string(), "bad.txt: invalid UTF-8 at byte 3");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The bytes of a file (or of one JSON Lines record) are not valid UTF-8.
    InvalidUtf8 {
        /// The file (or `file:line` for a JSON Lines record).
        path: PathBuf,
        /// Byte offset of the first invalid byte, counted from the start of
        /// the file (or of the line).
        offset: usize,
    },
    /// One line of a JSON Lines corpus is not a valid article record.
    Jsonl {
        /// The corpus file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the record.
        message: String,
    },
    /// Two documents of one input share an id; ids must be unique so that
    /// every result points to exactly one document.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Where the second occurrence came from.
        origin: String,
    },
    /// An annotation file does not fit the articles it annotates (a
    /// document it names is missing, a sentence's span falls outside its
    /// text or inside a character).
    Annotation {
        /// The annotation file, or the article it names when that one is
        /// not valid.
        path: PathBuf,
        /// What does not fit.
        message: String,
    },
    /// A path is neither a `.txt` file, a `.jsonl` file nor a directory.
    UnsupportedInput {
        /// The path given.
        path: PathBuf,
        /// Why it cannot be read.
        reason: String,
    },
    /// A configuration value is out of its documented range.
    InvalidConfig {
        /// The field.
        field: &'static str,
        /// Why the value is rejected.
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::InvalidUtf8 { path, offset } => {
                write!(f, "{}: invalid UTF-8 at byte {offset}", path.display())
            }
            Error::Jsonl {
                path,
                line,
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
            Error::DuplicateId { id, origin } => {
                write!(f, "{origin}: duplicate document id {id:?}")
            }
            Error::UnsupportedInput { path, reason } => {
                write!(f, "{}: {reason}", path.display())
            }
            Error::InvalidConfig { field, reason } => write!(f, "invalid {field}: {reason}"),
            Error::Annotation { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Shorthand for `std::result::Result<T, framediff::Error>`.
pub type Result<T> = std::result::Result<T, Error>;
