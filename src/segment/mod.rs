//! Sentence segmentation: [`Document`](crate::Document) text in, [`Sentence`]s out.
//!
//! A line break always ends a segment (headlines, headings and site chrome
//! sit on lines of their own in scraped articles). Inside a line, French and
//! English use rules that know their abbreviations ("M. Assad", "p. ex.",
//! "Mr. Smith"), initials, numbers ("1.000", "3,5 %"), quotations ("« … »",
//! "“…”") and ellipses; any other language falls back to the Unicode default
//! sentence boundaries (UAX #29). Each sentence is then classed as a
//! [`SentenceKind::Title`], [`SentenceKind::Body`] or
//! [`SentenceKind::Boilerplate`] line.
//!
//! ```
//! use framediff::segment::{Segmenter, SentenceKind};
//! use framediff::lang::Language;
//!
//! let text = "La donne a changé\nM. Assad a parlé. Il a dit « Non. Jamais. » hier.\nLien source";
//! let sentences = Segmenter::new(Language::French).segment(text);
//! let shown: Vec<(&str, SentenceKind)> =
//!     sentences.iter().map(|s| (s.text(text), s.kind)).collect();
//! assert_eq!(shown, [
//!     ("La donne a changé", SentenceKind::Title),
//!     ("M. Assad a parlé.", SentenceKind::Body),
//!     ("Il a dit « Non. Jamais. » hier.", SentenceKind::Body),
//!     ("Lien source", SentenceKind::Boilerplate),
//! ]);
//! ```

mod boundary;
mod kind;
mod lines;

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::lang::{Language, Resources};

pub use lines::is_blank;

/// What a sentence is in its page.
///
/// ```
/// use framediff::segment::SentenceKind;
/// assert_eq!(serde_json::to_string(&SentenceKind::Body).unwrap(), "\"body\"");
/// assert!(SentenceKind::Title.is_content());
/// assert!(!SentenceKind::Boilerplate.is_content());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// A headline or section heading: a line of its own with no closing
    /// punctuation.
    Title,
    /// A sentence of the article's running text.
    Body,
    /// Site chrome: bare URLs, datelines, bylines, share and comment
    /// prompts, source, copyright and translation credits, tag lists.
    Boilerplate,
}

impl SentenceKind {
    /// Whether the sentence belongs to the article (a title or body
    /// sentence), as opposed to the page around it.
    ///
    /// ```
    /// assert!(framediff::segment::SentenceKind::Body.is_content());
    /// ```
    pub fn is_content(self) -> bool {
        !matches!(self, SentenceKind::Boilerplate)
    }
}

/// One sentence: a byte range of its document's text, trimmed of white
/// space, with its position and kind.
///
/// ```
/// use framediff::segment::Segmenter;
/// use framediff::lang::Language;
///
/// let text = "  Alep est tombée.  ";
/// let s = &Segmenter::new(Language::French).segment(text)[0];
/// assert_eq!((s.start, s.end), (2, 19));
/// assert_eq!(s.text(text), "Alep est tombée.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Position of the sentence in its document, from 0.
    pub index: usize,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Title, body or boilerplate.
    pub kind: SentenceKind,
}

impl Sentence {
    /// The byte range `start..end`.
    ///
    /// ```
    /// let s = framediff::segment::Sentence {
    ///     index: 0, start: 3, end: 9, kind: framediff::segment::SentenceKind::Body,
    /// };
    /// assert_eq!(s.span(), 3..9);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The sentence's text, given the text of its document.
    ///
    /// # Panics
    /// When `document_text` is not the text the sentence was cut from and
    /// the span falls outside it or off a character boundary.
    ///
    /// ```
    /// let text = "Un. Deux.";
    /// let s = framediff::segment::Segmenter::new(framediff::lang::Language::French).segment(text);
    /// assert_eq!(s[1].text(text), "Deux.");
    /// ```
    pub fn text<'a>(&self, document_text: &'a str) -> &'a str {
        &document_text[self.span()]
    }
}

/// Cuts texts into sentences with one language's rules.
///
/// ```
/// use framediff::segment::Segmenter;
/// use framediff::lang::Language;
///
/// let text = "Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.";
/// let sentences = Segmenter::new(Language::English).segment(text);
/// assert_eq!(sentences.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Segmenter {
    resources: Arc<Resources>,
}

impl Segmenter {
    /// A segmenter with a language's default resources.
    ///
    /// ```
    /// let seg = framediff::segment::Segmenter::new(framediff::lang::Language::Other);
    /// assert_eq!(seg.segment("One. Two.").len(), 2);
    /// ```
    pub fn new(language: Language) -> Segmenter {
        Segmenter {
            resources: language.resources(),
        }
    }

    /// A segmenter with resources of your own (extra abbreviations,
    /// boilerplate phrases).
    ///
    /// ```
    /// use framediff::lang::{Language, Resources};
    /// use framediff::segment::Segmenter;
    ///
    /// let mut res = Resources::new(Language::French);
    /// res.add_name_prefixes(["Cdte"]);
    /// let seg = Segmenter::with_resources(res);
    /// assert_eq!(seg.segment("La Cdte. Martin est arrivée.").len(), 1);
    /// ```
    pub fn with_resources(resources: impl Into<Arc<Resources>>) -> Segmenter {
        Segmenter {
            resources: resources.into(),
        }
    }

    /// The resources this segmenter uses.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// let seg = framediff::segment::Segmenter::new(Language::English);
    /// assert_eq!(seg.resources().language(), Language::English);
    /// ```
    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// The sentences of `text`, in order. Never panics; every character
    /// that is not blank (see [`is_blank`]) lies in exactly one sentence.
    ///
    /// ```
    /// let seg = framediff::segment::Segmenter::new(framediff::lang::Language::French);
    /// assert!(seg.segment("").is_empty());
    /// assert_eq!(seg.segment("\u{feff}Titre\r\nTexte.").len(), 2);
    /// ```
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        for line in lines::lines(text) {
            let pieces = match self.resources.language() {
                Language::Other => boundary::uax29_sentences(&text[line.clone()]),
                _ => boundary::rule_sentences(&text[line.clone()], &self.resources),
            };
            let alone = pieces.len() == 1;
            for piece in pieces {
                let span = line.start + piece.start..line.start + piece.end;
                let kind = kind::classify(&text[span.clone()], alone, &self.resources);
                sentences.push(Sentence {
                    index: sentences.len(),
                    start: span.start,
                    end: span.end,
                    kind,
                });
            }
        }
        sentences
    }
}

#[cfg(test)]
mod tests;
