//! Language resources: everything framediff knows about a language, in one
//! place.
//!
//! A [`Language`] names a language; its [`Resources`] hold the word lists the
//! pipeline stages consult: abbreviations (so that "M. Assad" is not cut
//! after "M."), elided articles ("l’armée"), stop words, and the phrases
//! that mark site chrome ("Lien source", "Share this content:"), and the
//! framing lists (hedges, attribution markers, actor labels, evaluative
//! words) that name what a wording difference does. French and
//! English are complete; any other language gets Unicode's default sentence
//! and word rules with no lists.
//!
//! The lists are data, not code: start from a language's defaults and extend
//! them for your corpus.
//!
//! ```
//! use framediff::lang::{Language, Resources};
//!
//! let mut fr = Resources::new(Language::French);
//! assert!(fr.is_stop_word("les"));
//! assert!(!fr.is_stop_word("frappes"));
//! fr.add_stop_words(["frappes"]);
//! assert!(fr.is_stop_word("frappes"));
//! ```

mod detect;
mod en;
mod fr;
mod framing;
mod framing_en;
mod framing_fr;
mod inflection;
mod keys;
mod language;
mod own_stems;
mod shapes;

use crate::fasthash::FastSet;
use shapes::KeyShapes;

pub(crate) use inflection::{ListedWords, listed_as_written, stems_of, written_forms};
pub(crate) use keys::{fold_key, is_apostrophe, phrase_key, phrase_key_start};
use keys::{lookup_key, lookup_key_in};
pub(crate) use own_stems::own_stem;

pub use detect::detect;
pub use language::{Language, UnknownLanguage};

/// The word lists of one language. All entries are stored lower-case with
/// typographic apostrophes folded to `'`; lookups fold the same way.
///
/// ```
/// use framediff::lang::{Language, Resources};
///
/// let en = Resources::new(Language::English);
/// assert!(en.is_name_prefix("dr"));
/// assert!(en.is_abbreviation("etc"));
/// assert!(!en.is_elision("l"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resources {
    language: Language,
    name_prefixes: FastSet<String>,
    name_suffixes: FastSet<String>,
    titles: FastSet<String>,
    abbreviations: FastSet<String>,
    elisions: FastSet<String>,
    stop_words: FastSet<String>,
    /// Tells most words that are not stop words before the set is hashed.
    stop_word_shapes: KeyShapes,
    homographs: Vec<(String, Homograph)>,
    boilerplate_phrases: Vec<String>,
    /// The byte length of the longest of `boilerplate_phrases`: how much of
    /// a line's key a test against them reads.
    longest_boilerplate_phrase: usize,
    date_words: FastSet<String>,
    calendar_words: Vec<String>,
    reporting_words: Vec<String>,
    actor_words: Vec<String>,
    time_words: Vec<String>,
    generic_words: Vec<String>,
    framing: framing::Framing,
}

/// How the word before a stop word that is also a content word tells the
/// two apart.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Homograph {
    /// A function word only after one of `subjects`, with perhaps some of
    /// `clitics` between: "avions" is "had" after "nous", "nous les", "nous
    /// n'en", and "planes" after anything else ("les avions").
    FunctionAfter {
        subjects: &'static [&'static str],
        clitics: &'static [&'static str],
    },
    /// A content word right after one of these words: "été" is "summer"
    /// after "l'" or "cet" and "been" after anything else.
    ContentAfter(&'static [&'static str]),
}

/// The static lists one language module provides.
struct Lists {
    name_prefixes: &'static [&'static str],
    /// Abbreviations that end a name ("Jr."): they end a sentence only
    /// before a capitalised function word, as initials do.
    name_suffixes: &'static [&'static str],
    /// Titles before a name that are no word of their own, with a period
    /// or without ("Dr", "Mgr", "Rep"), unlike "Ed", "Art" or "No".
    titles: &'static [&'static str],
    abbreviations: &'static [&'static str],
    elisions: &'static [&'static str],
    stop_words: &'static [&'static str],
    /// Stop words that are also content words, and the word before them
    /// that tells which one a text means.
    homographs: &'static [(&'static str, Homograph)],
    boilerplate_phrases: &'static [&'static str],
    date_words: &'static [&'static str],
    /// Month and day names the language writes with a capital, so that a
    /// lower-case "march" or "may" is another word (empty where they are
    /// written in lower case, as in French).
    calendar_words: &'static [&'static str],
    reporting_words: &'static [&'static str],
    actor_words: &'static [&'static str],
    time_words: &'static [&'static str],
    generic_words: &'static [&'static str],
    /// Prefixes that make another word of a word ("a-", "in-", "anti-":
    /// "apolitique" is not a spelling of "politique"), accent-folded.
    word_prefixes: &'static [&'static str],
    /// Words that multiply the figure before them, in the form they take
    /// after a figure below 2 ("million", "milliard"; English keeps it
    /// after any figure): the figure before one is a decimal.
    scale_words: &'static [&'static str],
    /// Words the Snowball stemmer gives another, unrelated word's stem,
    /// each with the stem it keeps instead and its forms (see
    /// [`Language::own_stem`]).
    own_stems: &'static [(&'static str, &'static [&'static str])],
    /// Irregular forms the Snowball stemmer cannot bring back to their
    /// word, each word with its forms: the forms take the word's stem.
    irregular_forms: &'static [(&'static str, &'static [&'static str])],
}

const EMPTY: Lists = Lists {
    name_prefixes: &[],
    name_suffixes: &[],
    titles: &[],
    abbreviations: &[],
    elisions: &[],
    stop_words: &[],
    homographs: &[],
    boilerplate_phrases: &[],
    date_words: &[],
    calendar_words: &[],
    reporting_words: &[],
    actor_words: &[],
    time_words: &[],
    generic_words: &[],
    word_prefixes: &[],
    scale_words: &[],
    own_stems: &[],
    irregular_forms: &[],
};

impl Resources {
    /// The default resources of a language, as a value you can extend.
    ///
    /// ```
    /// use framediff::lang::{Language, Resources};
    /// assert!(Resources::new(Language::Other).stop_words().next().is_none());
    /// ```
    pub fn new(language: Language) -> Resources {
        let (lists, framing_lists) = match language {
            Language::French => (&fr::LISTS, &framing_fr::FRAMING),
            Language::English => (&en::LISTS, &framing_en::FRAMING),
            Language::Other => (&EMPTY, &framing::EMPTY_FRAMING),
        };
        let set = |words: &[&str]| words.iter().map(|w| fold_key(w)).collect();
        // Web-page templates are English whatever the article's language
        // ("Share this content:", "Leave a Comment"), so every language
        // recognises the English chrome besides its own.
        let mut boilerplate: Vec<String> = lists
            .boilerplate_phrases
            .iter()
            .map(|w| phrase_key(w))
            .collect();
        if language != Language::English {
            boilerplate.extend(en::LISTS.boilerplate_phrases.iter().map(|w| phrase_key(w)));
        }
        let stop_words: FastSet<String> = set(lists.stop_words);
        Resources {
            language,
            stop_word_shapes: KeyShapes::of(stop_words.iter().map(String::as_str)),
            name_prefixes: set(lists.name_prefixes),
            name_suffixes: set(lists.name_suffixes),
            titles: set(lists.titles),
            abbreviations: set(lists.abbreviations),
            elisions: set(lists.elisions),
            stop_words,
            homographs: lists
                .homographs
                .iter()
                .map(|(word, context)| (fold_key(word), context.clone()))
                .collect(),
            longest_boilerplate_phrase: boilerplate.iter().map(String::len).max().unwrap_or(0),
            boilerplate_phrases: boilerplate,
            date_words: lists
                .date_words
                .iter()
                .chain(lists.calendar_words)
                .map(|w| fold_key(w))
                .collect(),
            calendar_words: lists.calendar_words.iter().map(|w| fold_key(w)).collect(),
            reporting_words: lists.reporting_words.iter().map(|w| fold_key(w)).collect(),
            actor_words: lists.actor_words.iter().map(|w| fold_key(w)).collect(),
            time_words: lists.time_words.iter().map(|w| fold_key(w)).collect(),
            generic_words: lists.generic_words.iter().map(|w| fold_key(w)).collect(),
            framing: framing::Framing::new(framing_lists),
        }
    }

    /// The language these resources describe.
    ///
    /// ```
    /// use framediff::lang::{Language, Resources};
    /// assert_eq!(Resources::new(Language::French).language(), Language::French);
    /// ```
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether `word` (without its final period) is a title or reference
    /// abbreviation that is followed by a name or a number and so never ends
    /// a sentence: French "M", "Mme", "Dr", "p"; English "Mr", "Dr", "No".
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().is_name_prefix("M"));
    /// ```
    pub fn is_name_prefix(&self, word: &str) -> bool {
        self.name_prefixes.contains(lookup_key(word).as_ref())
    }

    /// Whether `word` (without its final period) ends a name ("Jr", "Sr"):
    /// it ends a sentence only before a capitalised function word ("Martin
    /// Luther King Jr. The march…"), not before the rest of a title
    /// ("Jesse Jackson Jr. Pleads Guilty") or a bracket ("Jr. (D-Ill.)").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::English.resources().is_name_suffix("Jr"));
    /// ```
    pub fn is_name_suffix(&self, word: &str) -> bool {
        self.name_suffixes.contains(lookup_key(word).as_ref())
    }

    /// Whether `word` is a title that stands before a name and is no word
    /// of its own, written with a period or without ("Dr", "Mgr", "Rep"):
    /// it is no part of the name. Other name prefixes are titles only with
    /// their period ("Ed Miliband", "Art Garfunkel").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().is_title("Mgr"));
    /// assert!(!Language::English.resources().is_title("Ed"));
    /// ```
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(lookup_key(word).as_ref())
    }

    /// Whether `word` (without its final period) is an abbreviation that
    /// does not end a sentence before a lower-case word or a number, but may
    /// end one before a capitalised word ("etc.", "Ltd.", "a.m.").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().is_abbreviation("etc"));
    /// ```
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(lookup_key(word).as_ref())
    }

    /// Whether `prefix` (the part before an apostrophe) is an elided word
    /// that framediff splits off: French "l", "d", "qu", "jusqu".
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().is_elision("L"));
    /// assert!(!Language::French.resources().is_elision("aujourd"));
    /// ```
    pub fn is_elision(&self, prefix: &str) -> bool {
        self.elisions.contains(lookup_key(prefix).as_ref())
    }

    /// Whether a normalised word is a stop word (a function word that
    /// carries no claim of its own).
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::English.resources().is_stop_word("The"));
    /// ```
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.has_stop_word(&lookup_key(word))
    }

    /// Whether a normalised word is a stop word where it stands, after the
    /// normalised words `previous` (nearest first; none at the start of a
    /// sentence or after punctuation). Most stop words are function words
    /// anywhere; a few are also content words, and the words before tell
    /// which one the text means: French "nous avions", "nous les avions"
    /// (had) but "les avions" (planes), "a été" (been) but "l'été" (summer).
    ///
    /// ```
    /// use framediff::lang::Language;
    /// let fr = Language::French.resources();
    /// assert!(fr.is_stop_word_after("avions", ["nous"]));
    /// assert!(fr.is_stop_word_after("avions", ["les", "nous"]));
    /// assert!(!fr.is_stop_word_after("avions", ["les", "abattu"]));
    /// assert!(!fr.is_stop_word_after("été", ["l'"]));
    /// assert!(fr.is_stop_word_after("été", ["a"]));
    /// ```
    pub fn is_stop_word_after<'w>(
        &self,
        word: &str,
        previous: impl IntoIterator<Item = &'w str>,
    ) -> bool {
        let key = lookup_key(word);
        if !self.has_stop_word(&key) {
            return false;
        }
        let Some((_, context)) = self.homographs.iter().find(|(w, _)| *w == *key) else {
            return true;
        };
        let mut previous = previous.into_iter().map(fold_key);
        match context {
            Homograph::FunctionAfter { subjects, clitics } => previous
                .find(|w| !clitics.contains(&w.as_str()))
                .is_some_and(|w| subjects.contains(&w.as_str())),
            Homograph::ContentAfter(words) => {
                !previous.next().is_some_and(|w| words.contains(&w.as_str()))
            }
        }
    }

    /// Whether a lookup key is in the stop-word set, asked of its shape
    /// first.
    fn has_stop_word(&self, key: &str) -> bool {
        self.stop_word_shapes.may_hold(key) && self.stop_words.contains(key)
    }

    /// The stop words, in no particular order.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().stop_words().count() > 100);
    /// ```
    pub fn stop_words(&self) -> impl Iterator<Item = &str> {
        self.stop_words.iter().map(String::as_str)
    }

    /// The phrases that mark a whole line as site chrome when the line starts
    /// with them ("lien source", "share this", "you may also like").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// let fr = Language::French.resources();
    /// assert!(fr.boilerplate_phrases().any(|p| p == "lien source"));
    /// ```
    pub fn boilerplate_phrases(&self) -> impl Iterator<Item = &str> {
        self.boilerplate_phrases.iter().map(String::as_str)
    }

    /// The byte length of the longest of [`Resources::boilerplate_phrases`].
    pub(crate) fn longest_boilerplate_phrase(&self) -> usize {
        self.longest_boilerplate_phrase
    }

    /// Whether a word is a month or weekday name (or its abbreviation): a
    /// line made of such words and numbers is a dateline.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().is_date_word("décembre"));
    /// ```
    pub fn is_date_word(&self, word: &str) -> bool {
        self.date_words.contains(lookup_key(word).as_ref())
    }

    /// The date words (see [`Resources::is_date_word`]), in no set order.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::English.resources().date_words().any(|w| w == "monday"));
    /// ```
    pub fn date_words(&self) -> impl Iterator<Item = &str> {
        self.date_words.iter().map(String::as_str)
    }

    /// Month and day names the language writes with a capital ("March",
    /// "Monday"): where a text writes one in lower case, it is another word
    /// ("they march"). Empty for languages that write them in lower case.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::English.resources().calendar_words().any(|w| w == "march"));
    /// assert!(Language::French.resources().calendar_words().next().is_none());
    /// ```
    pub fn calendar_words(&self) -> impl Iterator<Item = &str> {
        self.calendar_words.iter().map(String::as_str)
    }

    /// Words of attribution, in dictionary form: reporting verbs and nouns
    /// ("déclarer", "selon", "porte-parole"). A link between two sentences
    /// needs more than a shared reporting word.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().reporting_words().any(|w| w == "selon"));
    /// ```
    pub fn reporting_words(&self) -> impl Iterator<Item = &str> {
        self.reporting_words.iter().map(String::as_str)
    }

    /// Generic words for participants besides the
    /// [actor labels](Resources::actor_labels), in dictionary form: roles
    /// and places ("président", "ministre", "ville", "pays"). A link needs
    /// more than a shared participant, whether named by one of these or by
    /// an actor label.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::English.resources().actor_words().any(|w| w == "minister"));
    /// ```
    pub fn actor_words(&self) -> impl Iterator<Item = &str> {
        self.actor_words.iter().map(String::as_str)
    }

    /// Words that place a claim in time besides the
    /// [date words](Resources::is_date_word), in dictionary form: "hier",
    /// "récemment", "semaine". Two sentences dated the same day share a
    /// time, not a claim, so a link needs more than these or a date word.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().time_words().any(|w| w == "hier"));
    /// assert!(Language::English.resources().time_words().any(|w| w == "yesterday"));
    /// ```
    pub fn time_words(&self) -> impl Iterator<Item = &str> {
        self.time_words.iter().map(String::as_str)
    }

    /// Common verbs, adjectives and nouns that carry little of a claim on
    /// their own, in dictionary form ("rester", "grand", "situation";
    /// "remain", "big", "situation"). A link needs more than these.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().generic_words().any(|w| w == "situation"));
    /// ```
    pub fn generic_words(&self) -> impl Iterator<Item = &str> {
        self.generic_words.iter().map(String::as_str)
    }

    /// Adds generic words (see [`Resources::generic_words`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_generic_words(["stuff"]);
    /// assert!(r.generic_words().any(|w| w == "stuff"));
    /// ```
    pub fn add_generic_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.generic_words.extend(words.into_iter().map(fold_key));
    }

    /// Adds words of attribution (see [`Resources::reporting_words`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::French);
    /// r.add_reporting_words(["marteler"]);
    /// assert!(r.reporting_words().any(|w| w == "marteler"));
    /// ```
    pub fn add_reporting_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.reporting_words.extend(words.into_iter().map(fold_key));
    }

    /// Adds participant words (see [`Resources::actor_words`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_actor_words(["warlord"]);
    /// assert!(r.actor_words().any(|w| w == "warlord"));
    /// ```
    pub fn add_actor_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.actor_words.extend(words.into_iter().map(fold_key));
    }

    /// Adds time words (see [`Resources::time_words`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::French);
    /// r.add_time_words(["naguère"]);
    /// assert!(r.time_words().any(|w| w == "naguère"));
    /// ```
    pub fn add_time_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.time_words.extend(words.into_iter().map(fold_key));
    }

    /// Adds name prefixes (see [`Resources::is_name_prefix`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::French);
    /// r.add_name_prefixes(["Cdt"]);
    /// assert!(r.is_name_prefix("cdt"));
    /// ```
    pub fn add_name_prefixes<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.name_prefixes.extend(words.into_iter().map(fold_key));
    }

    /// Adds name suffixes (see [`Resources::is_name_suffix`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_name_suffixes(["III"]);
    /// assert!(r.is_name_suffix("iii"));
    /// ```
    pub fn add_name_suffixes<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.name_suffixes.extend(words.into_iter().map(fold_key));
    }

    /// Adds titles (see [`Resources::is_title`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_titles(["Supt"]);
    /// assert!(r.is_title("supt"));
    /// ```
    pub fn add_titles<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.titles.extend(words.into_iter().map(fold_key));
    }

    /// Adds abbreviations (see [`Resources::is_abbreviation`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::French);
    /// r.add_abbreviations(["comm"]);
    /// assert!(r.is_abbreviation("comm"));
    /// ```
    pub fn add_abbreviations<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.abbreviations.extend(words.into_iter().map(fold_key));
    }

    /// Adds stop words.
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_stop_words(["said"]);
    /// assert!(r.is_stop_word("said"));
    /// ```
    pub fn add_stop_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        for key in words.into_iter().map(fold_key) {
            self.stop_word_shapes.extend([key.as_str()]);
            self.stop_words.insert(key);
        }
    }

    /// Adds boilerplate phrases (see [`Resources::boilerplate_phrases`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::French);
    /// r.add_boilerplate_phrases(["Abonnez-vous à notre lettre"]);
    /// assert!(r.boilerplate_phrases().any(|p| p == "abonnez-vous à notre lettre"));
    /// ```
    pub fn add_boilerplate_phrases<'a>(&mut self, phrases: impl IntoIterator<Item = &'a str>) {
        self.boilerplate_phrases
            .extend(phrases.into_iter().map(phrase_key));
        self.longest_boilerplate_phrase = self
            .boilerplate_phrases
            .iter()
            .map(String::len)
            .max()
            .unwrap_or(0);
    }
}

/// Whether one of two accent-folded words is the other with a prefix that
/// makes another word of it in French or English ("apolitique" /
/// "politique", "unfair" / "fair", "antisyndical" / "syndical"): such a
/// pair is two words, however close their spelling. Both languages'
/// prefixes apply, as a vocabulary may mix them.
pub(crate) fn is_prefixed_word(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    long.strip_suffix(short)
        .is_some_and(|prefix| in_any_language(|lists| lists.word_prefixes, prefix))
}

/// Whether `word` is in one list of any language's resources: for the
/// readings that must agree however a document's language was detected.
fn in_any_language(list: fn(&Lists) -> &'static [&'static str], word: &str) -> bool {
    [&fr::LISTS, &en::LISTS]
        .into_iter()
        .any(|lists| list(lists).contains(&word))
}

/// Whether `word` (normalised) multiplies the figure before it, in the
/// form it takes after a figure below 2, in any language: "1.375
/// milliard" is 1.375 billion, where "2.600 milliards" is 2,600 billion.
/// Numbers are read the same in every language (see
/// [`crate::analyze::NumberValues`]), so every language's scale words count.
pub(crate) fn is_scale_word(word: &str) -> bool {
    in_any_language(|lists| lists.scale_words, word)
}
