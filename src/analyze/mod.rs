//! Word analysis: a sentence's text in, [`Token`]s out, each pointing back
//! to its exact bytes.
//!
//! The [`Analyzer`] runs a chain in the style of tantivy's tokenizers: a
//! tokenizer cuts the text at Unicode word boundaries (UAX #29), then small
//! [`TokenFilter`]s each do one thing, in order:
//!
//! 1. [`SplitElisions`]: `l’armée` becomes `l’` + `armée`;
//! 2. [`Normalize`]: lower case, NFC, typographic apostrophes and
//!    no-break spaces unified, and an accent-folded key kept apart;
//! 3. [`MarkStopWords`]: function words are flagged, not removed;
//! 4. [`Stem`]: Snowball stems, behind the small [`Stemmer`] seam;
//! 5. [`NumberValues`]: a number's stem is its value, so that "2.034",
//!    "2,034", "2 034" and "2034" meet;
//! 6. [`JoinHyphenated`]: `Tahrir-al-Sham` is one token for display, whose
//!    [`Token::parts`] keep each piece comparable on its own.
//!
//! ```
//! use framediff::analyze::Analyzer;
//! use framediff::lang::Language;
//!
//! let text = "L’armée de Bachar al-Assad a reculé.";
//! let tokens = Analyzer::new(Language::French).analyze(text);
//! let words: Vec<(&str, &str, bool)> = tokens
//!     .iter()
//!     .filter(|t| t.is_word())
//!     .map(|t| (t.surface.as_str(), t.stem.as_str(), t.stop))
//!     .collect();
//! assert_eq!(words, [
//!     ("L’", "l'", true),
//!     ("armée", "armé", false),
//!     ("de", "de", true),
//!     ("Bachar", "bachar", false),
//!     ("al-Assad", "al-assad", false),
//!     ("a", "a", true),
//!     ("reculé", "recul", false),
//! ]);
//! assert_eq!(&text[tokens[1].span()], "armée");
//! ```

mod filters;
mod normalize;
mod numbers;
mod stem;
mod tokenize;
mod web;
mod words;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// The string type of a [`Token`]'s forms: a word of up to 24 bytes is
/// stored inside the token, longer ones on the heap. It reads as a `str`
/// (`as_str`, comparisons with `&str` and `String`) and serialises as one.
///
/// ```
/// use framediff::analyze::{Analyzer, CompactString};
/// let stem: &CompactString = &Analyzer::new(framediff::lang::Language::French).analyze("Frappes")[0].stem;
/// assert_eq!(stem, "frapp");
/// assert_eq!(stem.to_string(), String::from("frapp"));
/// ```
pub use compact_str::CompactString;

use crate::lang::{Language, Resources};

pub(crate) use filters::is_acronym;
pub use filters::{JoinHyphenated, MarkStopWords, SplitElisions, Stem, TokenFilter};
pub use normalize::Normalize;
pub(crate) use normalize::fold;
pub use numbers::NumberValues;
pub use stem::{NoStemmer, SnowballStemmer, Stemmer};
pub use tokenize::tokenize;

/// What a token is.
///
/// ```
/// use framediff::analyze::{Analyzer, TokenKind};
/// let tokens = Analyzer::new(framediff::lang::Language::French).analyze("1 000 morts !");
/// let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::Number, TokenKind::Word, TokenKind::Punctuation]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word (letters, possibly with digits: "M5", "Covid-19").
    Word,
    /// A number: digits with their separators ("1 000", "3,5", "1.000").
    Number,
    /// Punctuation: full stops, commas, quotes, dashes, brackets.
    Punctuation,
    /// Anything else that is visible: emoji, flags, currency and math signs,
    /// web and e-mail addresses.
    Symbol,
}

/// One token: where it is, what it says, and how it compares.
///
/// Its four forms are [`CompactString`]s: a corpus has millions of tokens,
/// and a heap allocation for each form of each was a quarter of the
/// analysis's cost; nearly every word fits inside the token.
///
/// ```
/// use framediff::analyze::Analyzer;
///
/// let text = "les djihadistes";
/// let t = &Analyzer::new(framediff::lang::Language::French).analyze(text)[1];
/// assert_eq!((t.start, t.end), (4, 15));
/// assert_eq!(t.surface, "djihadistes");
/// assert_eq!(t.stem, "djihad");
/// assert!(!t.stop);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Byte offset of the token in the analysed text.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// The token exactly as written.
    pub surface: CompactString,
    /// Lower-case NFC form, with `'` for every apostrophe and no-break
    /// spaces removed from numbers.
    pub normalized: CompactString,
    /// The normalised form without accents or ligatures ("égalité" →
    /// "egalite", "cœur" → "coeur"): a looser key for matching spellings.
    pub folded: CompactString,
    /// The stem the comparison uses: a number's value ("2034" for "2.034",
    /// see [`NumberValues`]), the normalised form where the language has no
    /// stemmer and for punctuation.
    pub stem: CompactString,
    /// Word, number, punctuation or symbol.
    pub kind: TokenKind,
    /// Whether the token is a function word (or an elided article).
    pub stop: bool,
    /// Whether the token is an elided word split off the next one ("l’").
    pub elision: bool,
    /// The pieces of a hyphenated compound ("Tahrir", "al", "Sham"), each
    /// analysed as a token of its own; empty for a simple token.
    pub parts: Vec<Token>,
}

impl Token {
    /// A fresh token as the tokenizer makes it: every form equal to the
    /// surface, no flags.
    ///
    /// ```
    /// use framediff::analyze::{Token, TokenKind};
    /// let t = Token::new(0, "Alep", TokenKind::Word);
    /// assert_eq!((t.end, t.stem.as_str()), (4, "Alep"));
    /// ```
    pub fn new(start: usize, surface: &str, kind: TokenKind) -> Token {
        Token {
            start,
            end: start + surface.len(),
            surface: CompactString::new(surface),
            normalized: CompactString::new(surface),
            folded: CompactString::new(surface),
            stem: CompactString::new(surface),
            kind,
            stop: false,
            elision: false,
            parts: Vec::new(),
        }
    }

    /// The byte range `start..end`.
    ///
    /// ```
    /// let t = framediff::analyze::Token::new(5, "Homs", framediff::analyze::TokenKind::Word);
    /// assert_eq!(t.span(), 5..9);
    /// ```
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the token is a word (not a number, punctuation or symbol).
    ///
    /// ```
    /// use framediff::analyze::{Token, TokenKind};
    /// assert!(Token::new(0, "Alep", TokenKind::Word).is_word());
    /// ```
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether the token carries meaning of its own: a word that is not a
    /// stop word, or a number.
    ///
    /// ```
    /// use framediff::analyze::Analyzer;
    /// let tokens = Analyzer::new(framediff::lang::Language::French).analyze("les 11 civils");
    /// let content: Vec<&str> =
    ///     tokens.iter().filter(|t| t.is_content()).map(|t| t.surface.as_str()).collect();
    /// assert_eq!(content, ["11", "civils"]);
    /// ```
    pub fn is_content(&self) -> bool {
        match self.kind {
            TokenKind::Word => !self.stop,
            TokenKind::Number => true,
            TokenKind::Punctuation | TokenKind::Symbol => false,
        }
    }
}

/// A tokenizer followed by a chain of filters.
///
/// ```
/// use framediff::analyze::{Analyzer, Normalize, Stem, SnowballStemmer};
/// use framediff::lang::Language;
///
/// // A custom chain: normalise and stem, keep elisions and stop words as they are.
/// let analyzer = Analyzer::with_filters(
///     Language::French.resources(),
///     vec![Box::new(Normalize), Box::new(Stem::new(SnowballStemmer::new(Language::French)))],
/// );
/// let tokens = analyzer.analyze("Frappes russes");
/// assert_eq!(tokens[0].stem, "frapp");
/// ```
pub struct Analyzer {
    resources: Arc<Resources>,
    filters: Vec<Box<dyn TokenFilter>>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("language", &self.resources.language())
            .field("filters", &self.filters.len())
            .finish()
    }
}

impl Analyzer {
    /// The default chain of a language (see the module documentation).
    ///
    /// ```
    /// let a = framediff::analyze::Analyzer::new(framediff::lang::Language::English);
    /// assert_eq!(a.analyze("The rebels' advance")[3].stem, "advanc");
    /// ```
    pub fn new(language: Language) -> Analyzer {
        Analyzer::with_resources(language.resources())
    }

    /// The default chain with resources of your own.
    ///
    /// ```
    /// use framediff::lang::{Language, Resources};
    /// let mut res = Resources::new(Language::French);
    /// res.add_stop_words(["selon"]);
    /// let a = framediff::analyze::Analyzer::with_resources(res);
    /// assert!(a.analyze("selon SANA")[0].stop);
    /// ```
    pub fn with_resources(resources: impl Into<Arc<Resources>>) -> Analyzer {
        let resources = resources.into();
        let language = resources.language();
        let filters: Vec<Box<dyn TokenFilter>> = vec![
            Box::new(SplitElisions::new(Arc::clone(&resources))),
            Box::new(Normalize),
            Box::new(MarkStopWords::new(Arc::clone(&resources))),
            Box::new(Stem::for_language(language)),
            Box::new(NumberValues),
            Box::new(JoinHyphenated),
        ];
        Analyzer { resources, filters }
    }

    /// The tokenizer followed by the filters you give, in that order.
    ///
    /// ```
    /// use framediff::analyze::Analyzer;
    /// let raw = Analyzer::with_filters(framediff::lang::Language::French.resources(), vec![]);
    /// assert_eq!(raw.analyze("L’armée")[0].surface, "L’armée");
    /// ```
    pub fn with_filters(
        resources: impl Into<Arc<Resources>>,
        filters: Vec<Box<dyn TokenFilter>>,
    ) -> Analyzer {
        Analyzer {
            resources: resources.into(),
            filters,
        }
    }

    /// The resources of this analyzer.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// let a = framediff::analyze::Analyzer::new(Language::French);
    /// assert_eq!(a.resources().language(), Language::French);
    /// ```
    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// The tokens of a whole text; offsets index `text`.
    ///
    /// ```
    /// let a = framediff::analyze::Analyzer::new(framediff::lang::Language::French);
    /// assert!(a.analyze("").is_empty());
    /// ```
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        self.analyze_span(text, 0..text.len())
    }

    /// The tokens of `text[span]` (a sentence of a document, say); offsets
    /// index `text`, so they point into the whole document.
    ///
    /// # Panics
    /// When `span` is out of bounds or off a character boundary of `text`.
    ///
    /// ```
    /// use framediff::analyze::Analyzer;
    /// let text = "Titre\nAlep est tombée.";
    /// let tokens = Analyzer::new(framediff::lang::Language::French).analyze_span(text, 6..22);
    /// assert_eq!(tokens[0].start, 6);
    /// assert_eq!(tokens[0].surface, "Alep");
    /// ```
    pub fn analyze_span(&self, text: &str, span: Range<usize>) -> Vec<Token> {
        let mut tokens = tokenize(&text[span.clone()], span.start);
        for filter in &self.filters {
            filter.apply(&mut tokens);
        }
        // The list is kept with its sentence for the whole comparison: no
        // room to spare (filters that change nothing no longer rebuild it
        // to size).
        tokens.shrink_to_fit();
        tokens
    }
}
