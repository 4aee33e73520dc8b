//! The stemming seam: one small trait, so the Snowball implementation can
//! be swapped for another without touching the pipeline.

use std::borrow::Cow;

use super::{CompactString, Token, TokenKind};
use crate::fasthash::FastMap;
use crate::lang::Language;

/// Reduces a normalised word (lower case, `'` apostrophes) to its stem.
///
/// ```
/// use framediff::analyze::{SnowballStemmer, Stemmer};
/// use framediff::lang::Language;
/// assert_eq!(SnowballStemmer::new(Language::French).stem("frappes"), "frapp");
/// ```
pub trait Stemmer: Send + Sync {
    /// The stem of `word`.
    fn stem<'a>(&self, word: &'a str) -> Cow<'a, str>;

    /// Appends the stem of `word` to `out`, for callers that gather stems
    /// in a buffer of their own. (The analyser asks for
    /// [`Stemmer::stem_compact`]: a stemmer with a cache overrides that one
    /// to spare a copy.)
    ///
    /// ```
    /// use framediff::analyze::{SnowballStemmer, Stemmer};
    /// use framediff::lang::Language;
    /// let mut out = String::from("stem: ");
    /// SnowballStemmer::new(Language::French).stem_into("frappes", &mut out);
    /// assert_eq!(out, "stem: frapp");
    /// ```
    fn stem_into(&self, word: &str, out: &mut String) {
        out.push_str(&self.stem(word));
    }

    /// The stem of `word` as a token holds it: the [`Stem`](super::Stem)
    /// filter stores it as it comes. A stemmer with a cache overrides it
    /// to hand out a copy of the cached stem, which for a stem of up to
    /// 24 bytes is a copy of the 24 bytes and nothing else.
    ///
    /// ```
    /// use framediff::analyze::{SnowballStemmer, Stemmer};
    /// use framediff::lang::Language;
    /// let stem = SnowballStemmer::new(Language::French).stem_compact("frappes");
    /// assert_eq!(stem, "frapp");
    /// ```
    fn stem_compact(&self, word: &str) -> CompactString {
        CompactString::from(self.stem(word))
    }
}

/// Snowball stemming, as implemented by `rust-stemmers` (Snowball 2 era:
/// it differs from the Snowball 3 reference on pinned lists of 118 French
/// and 57 English words, see `tests/snowball.rs`), but for the words the
/// language keeps apart from an unrelated word Snowball joins them to
/// ([`Language::own_stem`]: "crises" is not "cris").
///
/// ```
/// use framediff::analyze::{SnowballStemmer, Stemmer};
/// use framediff::lang::Language;
/// assert_eq!(SnowballStemmer::new(Language::English).stem("strikes"), "strike");
/// assert_eq!(SnowballStemmer::new(Language::French).stem("crises"), "crise");
/// ```
pub struct SnowballStemmer {
    inner: Option<(Language, rust_stemmers::Stemmer)>,
}

/// Words a thread's stem cache holds per language before it starts over:
/// a season of French press has about 100,000 distinct forms.
const CACHED_STEMS: usize = 200_000;

std::thread_local! {
    /// Each thread's stems already computed, per language: a corpus repeats
    /// its words, and a Snowball run costs many times a lookup. Stems
    /// depend on the word alone, so the cache never changes a result.
    /// Words and stems are CompactStrings: stored in the table itself,
    /// a lookup compares the word without following a pointer to the heap.
    static STEMS: std::cell::RefCell<Vec<(Language, FastMap<CompactString, CompactString>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl SnowballStemmer {
    /// The Snowball stemmer of a language; for [`Language::Other`] it
    /// leaves words as they are.
    ///
    /// ```
    /// use framediff::analyze::{SnowballStemmer, Stemmer};
    /// let s = SnowballStemmer::new(framediff::lang::Language::Other);
    /// assert_eq!(s.stem("words"), "words");
    /// ```
    pub fn new(language: Language) -> SnowballStemmer {
        let algorithm = match language {
            Language::French => Some(rust_stemmers::Algorithm::French),
            Language::English => Some(rust_stemmers::Algorithm::English),
            Language::Other => None,
        };
        SnowballStemmer {
            inner: algorithm.map(|a| (language, rust_stemmers::Stemmer::create(a))),
        }
    }
}

impl SnowballStemmer {
    /// Hands the stem of `word` to `read`, from this thread's cache when
    /// the word was stemmed before.
    fn with_stem<R>(&self, word: &str, read: impl FnOnce(&CompactString) -> R) -> R {
        let Some((language, stemmer)) = &self.inner else {
            return read(&CompactString::new(word));
        };
        with_cache(*language, stemmer, |stems| stems.read(word, read))
    }

    /// Writes the stem of every word of `tokens` but elided articles; the
    /// others keep their normalised form (what [`Stem`](super::Stem) does
    /// with any stemmer).
    pub(super) fn stem_tokens(&self, tokens: &mut [Token]) {
        let Some((language, stemmer)) = &self.inner else {
            return write_stems(tokens, |word| CompactString::new(word));
        };
        with_cache(*language, stemmer, |stems| {
            write_stems(tokens, |word| stems.read(word, CompactString::clone));
        });
    }
}

/// Runs `work` with this thread's stems of `language`. A sentence's words
/// are stemmed under one call: the thread-local table is found once, not
/// once a word.
fn with_cache<R>(
    language: Language,
    stemmer: &rust_stemmers::Stemmer,
    work: impl FnOnce(&mut CachedStems<'_>) -> R,
) -> R {
    STEMS.with_borrow_mut(|caches| {
        let at = match caches.iter().position(|&(l, _)| l == language) {
            Some(at) => at,
            None => {
                caches.push((language, FastMap::default()));
                caches.len() - 1
            }
        };
        work(&mut CachedStems {
            language,
            stemmer,
            cache: &mut caches[at].1,
        })
    })
}

/// Writes each token's stem: `stem` of its normalised form for the tokens
/// [`Stem`](super::Stem) stems (words, but not elided articles, "l'"); the
/// others (numbers, punctuation) keep their normalised form.
pub(super) fn write_stems(tokens: &mut [Token], mut stem: impl FnMut(&str) -> CompactString) {
    for token in tokens.iter_mut() {
        token.stem = if token.kind == TokenKind::Word && !token.elision {
            stem(&token.normalized)
        } else {
            token.normalized.clone()
        };
    }
}

/// A thread's stems of one language, borrowed for a run of words.
struct CachedStems<'a> {
    language: Language,
    stemmer: &'a rust_stemmers::Stemmer,
    cache: &'a mut FastMap<CompactString, CompactString>,
}

impl CachedStems<'_> {
    /// Hands the stem of `word` to `read`, computed the first time it is
    /// asked for.
    fn read<R>(&mut self, word: &str, read: impl FnOnce(&CompactString) -> R) -> R {
        if let Some(stem) = self.cache.get(word) {
            return read(stem);
        }
        let stem = match self.language.own_stem(word) {
            Some(own) => CompactString::new(own),
            None => CompactString::from(self.stemmer.stem(word)),
        };
        if self.cache.len() >= CACHED_STEMS {
            self.cache.clear();
        }
        let read_out = read(&stem);
        self.cache.insert(CompactString::new(word), stem);
        read_out
    }
}

impl Stemmer for SnowballStemmer {
    fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if self.inner.is_none() {
            return Cow::Borrowed(word);
        }
        self.with_stem(word, |stem| Cow::Owned(stem.to_string()))
    }

    fn stem_into(&self, word: &str, out: &mut String) {
        self.with_stem(word, |stem| out.push_str(stem));
    }

    fn stem_compact(&self, word: &str) -> CompactString {
        if self.inner.is_none() {
            return CompactString::new(word);
        }
        self.with_stem(word, CompactString::clone)
    }
}

/// Leaves every word as it is.
///
/// ```
/// use framediff::analyze::{NoStemmer, Stemmer};
/// assert_eq!(NoStemmer.stem("frappes"), "frappes");
/// ```
pub struct NoStemmer;

impl Stemmer for NoStemmer {
    fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(word)
    }
}
