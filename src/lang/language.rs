//! The languages framediff knows by name, and how a code names one.

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::Resources;

/// A language framediff can analyse.
///
/// ```
/// use framediff::lang::Language;
///
/// let lang: Language = "fr".parse().unwrap();
/// assert_eq!(lang, Language::French);
/// assert_eq!(lang.code(), "fr");
/// assert!("xx".parse::<Language>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// French: abbreviations, elisions, stop words, Snowball French stems.
    #[serde(rename = "fr")]
    French,
    /// English: abbreviations, stop words, Snowball English stems.
    #[serde(rename = "en")]
    English,
    /// Any other language: Unicode default sentence and word boundaries
    /// (UAX #29), lower-casing, no word lists and no stemming.
    #[serde(rename = "other")]
    Other,
}

impl Language {
    /// The ISO 639-1 code (`"other"` for [`Language::Other`]).
    ///
    /// ```
    /// assert_eq!(framediff::lang::Language::English.code(), "en");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
            Language::Other => "other",
        }
    }

    /// The stem a word keeps instead of the one Snowball gives it, where
    /// Snowball joins it to an unrelated word of the news: "crise"
    /// (crisis) and "cris" (shouts) both stem as "cris", "stated" stems as
    /// "state". `word` is a normalised form (lower case). The analyser's
    /// stemmer reads these first; the lists are in the language modules.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert_eq!(Language::French.own_stem("crises"), Some("crise"));
    /// assert_eq!(Language::French.own_stem("cris"), None);
    /// assert_eq!(Language::English.own_stem("stated"), Some("stated"));
    /// ```
    pub fn own_stem(self, word: &str) -> Option<&'static str> {
        super::own_stem(self, word)
    }

    /// The shared default resources of this language.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().is_elision("qu"));
    /// ```
    pub fn resources(self) -> Arc<Resources> {
        static FRENCH: OnceLock<Arc<Resources>> = OnceLock::new();
        static ENGLISH: OnceLock<Arc<Resources>> = OnceLock::new();
        static OTHER: OnceLock<Arc<Resources>> = OnceLock::new();
        let cell = match self {
            Language::French => &FRENCH,
            Language::English => &ENGLISH,
            Language::Other => &OTHER,
        };
        Arc::clone(cell.get_or_init(|| Arc::new(Resources::new(self))))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error of parsing a [`Language`] from a code it does not know.
///
/// ```
/// let err = "xx".parse::<framediff::lang::Language>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown language \"xx\" (expected fr, en or other)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language {:?} (expected fr, en or other)",
            self.0
        )
    }
}

impl std::error::Error for UnknownLanguage {}

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(code: &str) -> Result<Language, UnknownLanguage> {
        match code.to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" => Ok(Language::French),
            "en" | "eng" | "english" | "anglais" => Ok(Language::English),
            "other" | "und" => Ok(Language::Other),
            _ => Err(UnknownLanguage(code.to_string())),
        }
    }
}
