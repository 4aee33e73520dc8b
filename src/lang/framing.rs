//! The word lists that name what a wording difference does to the framing:
//! hedges, attribution markers, actor labels, evaluative words, quantity
//! words and the endings of modifiers. Written from general news-language
//! usage (press style guides, the vocabulary of conflict and political
//! reporting), per language, and extendable like every other list.

use super::{Resources, fold_key};

/// The framing lists one language provides.
pub(super) struct FramingLists {
    /// Exact forms: conditional auxiliaries and distancing verbs are
    /// matched as written, since their stems collide with plain tenses
    /// ("aurait" and "aura").
    pub hedges: &'static [&'static str],
    /// Dictionary forms, matched by stem: who is the source ("porte-parole",
    /// "agence", "Kremlin").
    pub attribution_markers: &'static [&'static str],
    /// Dictionary forms, matched by stem: the verbs that introduce a
    /// source, beyond the reporting words ("réitérer", "deny").
    pub saying_verbs: &'static [&'static str],
    /// Set phrases built on a verb of saying that name no source and report
    /// nobody's words ("c'est-à-dire", "needless to say"), as written; a
    /// comma after one means it is a connective only when punctuation
    /// follows it ("that said,").
    pub sayings_without_source: &'static [&'static str],
    /// The labels a report gives a group or person, matched in any number
    /// or gender ("casseur" takes in "casseuses"), not by stem alone
    /// ("manifestant" is no "manifestation").
    pub actor_labels: &'static [&'static str],
    /// Exact forms: pronouns that stand for an actor ("nous", "they").
    pub actor_pronouns: &'static [&'static str],
    /// Dictionary forms, matched by stem: loaded or emotive words.
    pub evaluative_words: &'static [&'static str],
    /// Exact forms: words that state an amount ("plusieurs", "dozens").
    pub quantity_words: &'static [&'static str],
    /// Endings of adjectives and adverbs that grade or judge; a word with
    /// one of them added on one side only is read as evaluative.
    pub modifier_endings: &'static [&'static str],
    /// Words with a modifier ending that are not modifiers ("family").
    pub modifier_exceptions: &'static [&'static str],
}

pub(super) const EMPTY_FRAMING: FramingLists = FramingLists {
    hedges: &[],
    attribution_markers: &[],
    saying_verbs: &[],
    sayings_without_source: &[],
    actor_labels: &[],
    actor_pronouns: &[],
    evaluative_words: &[],
    quantity_words: &[],
    modifier_endings: &[],
    modifier_exceptions: &[],
};

/// The framing lists of a [`Resources`], folded like every other list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Framing {
    pub hedges: Vec<String>,
    pub attribution_markers: Vec<String>,
    pub saying_verbs: Vec<String>,
    pub sayings_without_source: Vec<String>,
    pub actor_labels: Vec<String>,
    pub actor_pronouns: Vec<String>,
    pub evaluative_words: Vec<String>,
    pub quantity_words: Vec<String>,
    pub modifier_endings: Vec<String>,
    pub modifier_exceptions: Vec<String>,
}

impl Framing {
    pub fn new(lists: &FramingLists) -> Framing {
        let fold = |words: &[&str]| words.iter().map(|w| fold_key(w)).collect();
        Framing {
            hedges: fold(lists.hedges),
            attribution_markers: fold(lists.attribution_markers),
            saying_verbs: fold(lists.saying_verbs),
            sayings_without_source: fold(lists.sayings_without_source),
            actor_labels: fold(lists.actor_labels),
            actor_pronouns: fold(lists.actor_pronouns),
            evaluative_words: fold(lists.evaluative_words),
            quantity_words: fold(lists.quantity_words),
            modifier_endings: fold(lists.modifier_endings),
            modifier_exceptions: fold(lists.modifier_exceptions),
        }
    }
}

fn extend<'a>(list: &mut Vec<String>, words: impl IntoIterator<Item = &'a str>) {
    for word in words {
        let key = fold_key(word);
        if !list.contains(&key) {
            list.push(key);
        }
    }
}

impl Resources {
    /// Hedges, as written: words that lower the certainty of a claim
    /// (French "aurait", "selon", "présumé"; English "reportedly",
    /// "allegedly").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().hedges().any(|w| w == "aurait"));
    /// ```
    pub fn hedges(&self) -> impl Iterator<Item = &str> {
        self.framing.hedges.iter().map(String::as_str)
    }

    /// Attribution markers, in dictionary form: the words that name a
    /// source ("porte-parole", "agence", "spokesman").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::English.resources().attribution_markers().any(|w| w == "spokesman"));
    /// ```
    pub fn attribution_markers(&self) -> impl Iterator<Item = &str> {
        self.framing.attribution_markers.iter().map(String::as_str)
    }

    /// Verbs of saying, in dictionary form, besides the
    /// [`Resources::reporting_words`]: a name next to one is a source.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().saying_verbs().any(|w| w == "réitérer"));
    /// ```
    pub fn saying_verbs(&self) -> impl Iterator<Item = &str> {
        self.framing.saying_verbs.iter().map(String::as_str)
    }

    /// Set phrases built on a verb of saying that name no source
    /// ("c'est-à-dire", "autrement dit"; "needless to say"), lower case:
    /// their verb makes no attribution. A comma after one means it is one
    /// only when punctuation follows it ("that said,": not in "that said
    /// the deal was off").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().sayings_without_source().any(|w| w == "autrement dit"));
    /// assert!(Language::English.resources().sayings_without_source().any(|w| w == "that said,"));
    /// ```
    pub fn sayings_without_source(&self) -> impl Iterator<Item = &str> {
        self.framing
            .sayings_without_source
            .iter()
            .map(String::as_str)
    }

    /// Actor labels: how a report names a group or a person ("terroriste",
    /// "rebelle", "régime"), each listed once, singular or plural, and
    /// matched in any number or gender.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().actor_labels().any(|w| w == "insurgé"));
    /// ```
    pub fn actor_labels(&self) -> impl Iterator<Item = &str> {
        self.framing.actor_labels.iter().map(String::as_str)
    }

    /// Pronouns that stand for an actor, as written ("nous", "they").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::English.resources().actor_pronouns().any(|w| w == "we"));
    /// ```
    pub fn actor_pronouns(&self) -> impl Iterator<Item = &str> {
        self.framing.actor_pronouns.iter().map(String::as_str)
    }

    /// Evaluative words, in dictionary form: loaded or emotive wording
    /// ("fatidique", "brutal", "massacre"), met by their stem ("massacrés",
    /// "massacred"). A word written with `=` before it ("=lâche") is met
    /// in its own forms of number and gender only, as its stem is other
    /// words' too ("lâcher").
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().evaluative_words().any(|w| w == "fatidique"));
    /// ```
    pub fn evaluative_words(&self) -> impl Iterator<Item = &str> {
        self.framing.evaluative_words.iter().map(String::as_str)
    }

    /// Words that state an amount without a figure, as written.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// assert!(Language::French.resources().quantity_words().any(|w| w == "plusieurs"));
    /// ```
    pub fn quantity_words(&self) -> impl Iterator<Item = &str> {
        self.framing.quantity_words.iter().map(String::as_str)
    }

    /// Whether a normalised word looks like a grading adjective or an
    /// adverb by its ending ("complètement", "massively"), and is not a
    /// listed exception.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// let en = Language::English.resources();
    /// assert!(en.is_modifier("brutally"));
    /// assert!(!en.is_modifier("family"));
    /// ```
    pub fn is_modifier(&self, word: &str) -> bool {
        let key = fold_key(word);
        key.chars().count() > 4
            && self
                .framing
                .modifier_endings
                .iter()
                .any(|e| key.ends_with(e.as_str()))
            && !self.framing.modifier_exceptions.contains(&key)
    }

    /// Adds hedges (see [`Resources::hedges`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::French);
    /// r.add_hedges(["semblerait"]);
    /// assert!(r.hedges().any(|w| w == "semblerait"));
    /// ```
    pub fn add_hedges<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        extend(&mut self.framing.hedges, words);
    }

    /// Adds attribution markers (see [`Resources::attribution_markers`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::French);
    /// r.add_attribution_markers(["chancellerie"]);
    /// assert!(r.attribution_markers().any(|w| w == "chancellerie"));
    /// ```
    pub fn add_attribution_markers<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        extend(&mut self.framing.attribution_markers, words);
    }

    /// Adds verbs of saying (see [`Resources::saying_verbs`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_saying_verbs(["tweet"]);
    /// assert!(r.saying_verbs().any(|w| w == "tweet"));
    /// ```
    pub fn add_saying_verbs<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        extend(&mut self.framing.saying_verbs, words);
    }

    /// Adds sayings that name no source (see
    /// [`Resources::sayings_without_source`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_sayings_without_source(["suffice to say"]);
    /// assert!(r.sayings_without_source().any(|w| w == "suffice to say"));
    /// ```
    pub fn add_sayings_without_source<'a>(&mut self, phrases: impl IntoIterator<Item = &'a str>) {
        extend(&mut self.framing.sayings_without_source, phrases);
    }

    /// Adds actor labels (see [`Resources::actor_labels`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::French);
    /// r.add_actor_labels(["factieux"]);
    /// assert!(r.actor_labels().any(|w| w == "factieux"));
    /// ```
    pub fn add_actor_labels<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        extend(&mut self.framing.actor_labels, words);
    }

    /// Adds evaluative words (see [`Resources::evaluative_words`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_evaluative_words(["jaw-dropping"]);
    /// assert!(r.evaluative_words().any(|w| w == "jaw-dropping"));
    /// ```
    pub fn add_evaluative_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        extend(&mut self.framing.evaluative_words, words);
    }

    /// Adds quantity words (see [`Resources::quantity_words`]).
    ///
    /// ```
    /// let mut r = framediff::lang::Resources::new(framediff::lang::Language::English);
    /// r.add_quantity_words(["scores"]);
    /// assert!(r.quantity_words().any(|w| w == "scores"));
    /// ```
    pub fn add_quantity_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        extend(&mut self.framing.quantity_words, words);
    }
}
