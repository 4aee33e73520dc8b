//! Articles and how they are loaded: plain text files, directories of them,
//! and JSON Lines corpora.
//!
//! Offsets everywhere in framediff are byte offsets into [`Document::text`],
//! which is exactly the text the user passed. A UTF-8 byte-order mark at the
//! start of a file is kept in `text` (it is three bytes, `EF BB BF`), so an
//! offset in framediff is also the offset in the file on disk; no sentence
//! or token ever includes the mark. CRLF and lone CR line ends are kept as
//! they are too.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

mod day;

/// The UTF-8 byte-order mark as it appears at the start of a text.
pub const BOM: char = '\u{feff}';

/// One article: an id, optional metadata, and its full text.
///
/// ```
/// use framediff::Document;
///
/// let doc = Document::new("lemonde-1", "Alep est tombée. Les rebelles avancent.")
///     .with_outlet("Le Monde")
///     .with_date("2024-12-01");
/// assert_eq!(doc.outlet.as_deref(), Some("Le Monde"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Unique id: the file stem of a `.txt` file, or the `id` of a JSONL record.
    pub id: String,
    /// The outlet that published the article, when known.
    pub outlet: Option<String>,
    /// Publication date as given (ISO 8601 `YYYY-MM-DD` recommended).
    pub date: Option<String>,
    /// The headline, when the source gives it apart from the text.
    pub title: Option<String>,
    /// The full text, exactly as loaded.
    pub text: String,
}

impl Document {
    /// A document with an id and a text and no metadata.
    ///
    /// ```
    /// let doc = framediff::Document::new("a", "Texte.");
    /// assert_eq!(doc.text, "Texte.");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            outlet: None,
            date: None,
            title: None,
            text: text.into(),
        }
    }

    /// Sets the outlet.
    ///
    /// ```
    /// let doc = framediff::Document::new("a", "").with_outlet("RT");
    /// assert_eq!(doc.outlet.as_deref(), Some("RT"));
    /// ```
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Document {
        self.outlet = Some(outlet.into());
        self
    }

    /// Sets the publication date.
    ///
    /// ```
    /// let doc = framediff::Document::new("a", "").with_date("2024-12-02");
    /// assert_eq!(doc.date.as_deref(), Some("2024-12-02"));
    /// ```
    pub fn with_date(mut self, date: impl Into<String>) -> Document {
        self.date = Some(date.into());
        self
    }

    /// Sets the headline.
    ///
    /// ```
    /// let doc = framediff::Document::new("a", "").with_title("Alep tombe");
    /// assert_eq!(doc.title.as_deref(), Some("Alep tombe"));
    /// ```
    pub fn with_title(mut self, title: impl Into<String>) -> Document {
        self.title = Some(title.into());
        self
    }

    /// The publication date as a day number (days since 1970-01-01), read
    /// leniently: `YYYY-MM-DD`, with `/` or `.` as separators too, and any
    /// time after it. An absent or unreadable date is `None`, which the date
    /// window of [`crate::align::AlignConfig`] treats as undated.
    ///
    /// ```
    /// use framediff::Document;
    /// let a = Document::new("a", "").with_date("2018-12-01");
    /// let b = Document::new("b", "").with_date("2018-12-08T10:00:00Z");
    /// assert_eq!(b.day().unwrap() - a.day().unwrap(), 7);
    /// assert_eq!(Document::new("c", "").with_date("samedi").day(), None);
    /// ```
    pub fn day(&self) -> Option<i64> {
        self.date.as_deref().and_then(day::day_number)
    }

    /// The name to show for this document: its outlet when known, else its id.
    ///
    /// ```
    /// use framediff::Document;
    /// assert_eq!(Document::new("a", "").label(), "a");
    /// assert_eq!(Document::new("a", "").with_outlet("RT").label(), "RT");
    /// ```
    pub fn label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.id)
    }

    /// A document from raw bytes, checked to be UTF-8. `name` is used as the
    /// id (its file stem, when it looks like a file name) and in errors.
    ///
    /// ```
    /// use framediff::Document;
    ///
    /// let doc = Document::from_bytes("seeds/001.txt", "\u{feff}Alep\r\n".as_bytes()).unwrap();
    /// assert_eq!(doc.id, "001");
    /// assert_eq!(doc.text, "\u{feff}Alep\r\n"); // BOM and CRLF kept
    /// assert!(Document::from_bytes("x.txt", b"\xc3").is_err());
    /// ```
    pub fn from_bytes(name: impl AsRef<Path>, bytes: &[u8]) -> Result<Document> {
        let name = name.as_ref();
        let text = utf8(name, bytes, 0)?;
        Ok(Document::new(file_stem(name), text))
    }

    /// Reads one `.txt` file; the id is the file stem.
    ///
    /// ```no_run
    /// let doc = framediff::Document::from_file("seeds/000_885aca47988b307a.txt")?;
    /// assert_eq!(doc.id, "000_885aca47988b307a");
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub fn from_file(path: impl AsRef<Path>) -> Result<Document> {
        let path = path.as_ref();
        let bytes = read(path)?;
        Document::from_bytes(path, &bytes)
    }
}

/// Loads every `.txt` file of a directory (not its subdirectories), sorted
/// by file name.
///
/// ```no_run
/// let docs = framediff::load_dir("seeds")?;
/// assert_eq!(docs.len(), 5);
/// # Ok::<(), framediff::Error>(())
/// ```
pub fn load_dir(dir: impl AsRef<Path>) -> Result<Vec<Document>> {
    let dir = dir.as_ref();
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_file() && has_extension(&path, "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    paths.iter().map(Document::from_file).collect()
}

/// Loads a JSON Lines corpus: one article per line, with a string `id`
/// (a number is accepted and written in decimal), a string `text`, and
/// optional `outlet`, `date` and `title`; other fields are ignored, so the
/// files of corpus tools such as passim load as they are. Blank lines are
/// skipped; anything else that is not a valid record is an error naming its
/// line. Duplicate ids are an error.
///
/// ```no_run
/// let corpus = framediff::load_jsonl("corpus.jsonl")?;
/// # Ok::<(), framediff::Error>(())
/// ```
pub fn load_jsonl(path: impl AsRef<Path>) -> Result<Vec<Document>> {
    let path = path.as_ref();
    let bytes = read(path)?;
    parse_jsonl(path, &bytes)
}

/// Parses JSON Lines bytes (see [`load_jsonl`]); `path` is only used in errors.
///
/// ```
/// let corpus = br#"{"id": "a", "text": "Un.", "outlet": "RT", "url": "ignored"}
///
/// {"id": 7, "text": "Deux."}
/// "#;
/// let docs = framediff::parse_jsonl("corpus.jsonl", corpus).unwrap();
/// assert_eq!(docs[1].id, "7");
///
/// let err = framediff::parse_jsonl("corpus.jsonl", br#"{"id": "a"}"#).unwrap_err();
/// assert!(err.to_string().starts_with("corpus.jsonl:1: missing field `text`"));
/// let err = framediff::parse_jsonl("corpus.jsonl", br#"["a", "Un."]"#).unwrap_err();
/// assert_eq!(err.to_string(), "corpus.jsonl:1: expected a JSON object");
/// ```
pub fn parse_jsonl(path: impl AsRef<Path>, bytes: &[u8]) -> Result<Vec<Document>> {
    let path = path.as_ref();
    let mut docs = Vec::new();
    let mut offset = 0;
    for (index, raw_line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_start = offset;
        offset += raw_line.len() + 1;
        let line = utf8(path, raw_line, line_start)?;
        let line = line.strip_prefix(BOM).unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let error = |message: String| Error::Jsonl {
            path: path.to_path_buf(),
            line: index + 1,
            message,
        };
        // serde would also read a record from an array (`["a", "text"]`),
        // silently taking positions for fields.
        if !line.trim_start().starts_with('{') {
            return Err(error("expected a JSON object".into()));
        }
        let record: Record = serde_json::from_str(line).map_err(|e| error(e.to_string()))?;
        docs.push(record.into_document());
    }
    check_unique_ids(&docs, &path.display().to_string())?;
    Ok(docs)
}

/// Loads whatever a path holds: a `.txt` file, a `.jsonl` file, or a
/// directory of `.txt` files.
///
/// ```no_run
/// let docs = framediff::load_path("seeds")?;
/// # Ok::<(), framediff::Error>(())
/// ```
pub fn load_path(path: impl AsRef<Path>) -> Result<Vec<Document>> {
    let path = path.as_ref();
    let meta = fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        load_dir(path)
    } else if has_extension(path, "jsonl") || has_extension(path, "ndjson") {
        load_jsonl(path)
    } else if meta.is_file() {
        Document::from_file(path).map(|doc| vec![doc])
    } else {
        Err(Error::UnsupportedInput {
            path: path.to_path_buf(),
            reason: "not a file or directory".into(),
        })
    }
}

/// Loads several paths (see [`load_path`]) into one list, in the order
/// given, and checks that no id appears twice.
///
/// ```no_run
/// let docs = framediff::load_paths(&["seeds/000_885aca47988b307a.txt", "more/"])?;
/// # Ok::<(), framediff::Error>(())
/// ```
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for path in paths {
        docs.extend(load_path(path)?);
    }
    check_unique_ids(&docs, "input")?;
    Ok(docs)
}

/// An error naming the first id that appears twice in `docs`.
pub(crate) fn check_unique_ids(docs: &[Document], origin: &str) -> Result<()> {
    let mut seen = std::collections::HashSet::with_capacity(docs.len());
    for doc in docs {
        if !seen.insert(doc.id.as_str()) {
            return Err(Error::DuplicateId {
                id: doc.id.clone(),
                origin: origin.to_string(),
            });
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct Record {
    id: RecordId,
    text: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a string or integer id")]
enum RecordId {
    Text(String),
    Number(u64),
}

impl Record {
    fn into_document(self) -> Document {
        let id = match self.id {
            RecordId::Text(id) => id,
            RecordId::Number(n) => n.to_string(),
        };
        Document {
            id,
            outlet: self.outlet,
            date: self.date,
            title: self.title,
            text: self.text,
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn utf8<'a>(path: &Path, bytes: &'a [u8], base_offset: usize) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: base_offset + e.valid_up_to(),
    })
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset_in_file() {
        let corpus = b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"\xff\"}\n";
        match parse_jsonl("c.jsonl", corpus) {
            Err(Error::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 46),
            other => panic!("expected InvalidUtf8, got {other:?}"),
        }
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let cases: [(&[u8], &str); 4] = [
            (b"{\"id\": \"a\", \"text\": 3}", "invalid type"),
            (b"{\"text\": \"x\"}", "missing field `id`"),
            (
                b"{\"id\": \"a\", \"text\": \"x\"} junk",
                "trailing characters",
            ),
            (b"{\"id\": [1], \"text\": \"x\"}", "a string or integer id"),
        ];
        for (input, expected) in cases {
            let mut corpus = b"{\"id\": \"ok\", \"text\": \"fine\"}\n\n".to_vec();
            corpus.extend_from_slice(input);
            let err = parse_jsonl("c.jsonl", &corpus).unwrap_err();
            let message = err.to_string();
            assert!(message.starts_with("c.jsonl:3: "), "{message}");
            assert!(message.contains(expected), "{message}");
        }
    }

    #[test]
    fn duplicate_ids_are_an_error() {
        let corpus = b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}";
        assert!(matches!(
            parse_jsonl("c.jsonl", corpus),
            Err(Error::DuplicateId { .. })
        ));
    }

    #[test]
    fn bom_crlf_and_empty_input() {
        let corpus = "\u{feff}{\"id\": \"a\", \"text\": \"x\"}\r\n".as_bytes();
        assert_eq!(parse_jsonl("c.jsonl", corpus).unwrap()[0].text, "x");
        assert!(parse_jsonl("c.jsonl", b"").unwrap().is_empty());
        assert_eq!(Document::from_bytes("e.txt", b"").unwrap().text, "");
    }

    #[test]
    fn null_metadata_is_absent() {
        let corpus = br#"{"id": "a", "text": "x", "title": null, "outlet": "RT"}"#;
        let doc = &parse_jsonl("c.jsonl", corpus).unwrap()[0];
        assert_eq!(doc.title, None);
        assert_eq!(doc.outlet.as_deref(), Some("RT"));
    }
}
