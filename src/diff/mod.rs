//! How two aligned sentences word the same claim differently.
//!
//! A [`Difference`] is one change between the two sentences of an
//! [`Alignment`]: a word or phrase one side uses
//! where the other uses another ([`DifferenceKind::Substitution`]), or one
//! that only one side has. Each carries a [`Category`] that names what the
//! change does to the framing, and byte spans into both documents' texts.
//!
//! A [`Differ`] compares two analysed sentences in four steps:
//!
//! 1. **Anchor**: the content words both sentences share, wherever they
//!    stand: the same stem (or a piece of a compound: "al-Assad" and
//!    "Assad"), a spelling variant (Jaro-Winkler and edit distance on the
//!    accent-folded forms, with `strsim`), or a synonym from the concept
//!    lexicon ([`crate::vectorize::Concepts`]). An LCS diff would pair the
//!    wrong words as soon as an outlet reorders the sentence; anchors do
//!    not care about order.
//! 2. **Order**: an in-order diff (`similar`, Myers, with a deadline; a
//!    short pair by the same steps without `similar`'s long-input checks)
//!    over the anchors and function words finds the gaps between the same
//!    two anchors.
//! 3. **Pair by role**: what no anchor covers is cut into phrases (who acts,
//!    a name, a source, a hedge and what it hedges, a figure, plain
//!    wording) and phrases are paired across the sentences: after or
//!    before the same anchor (the object of the same preposition, the
//!    subject of the same verb), or doing the same thing (a label for a
//!    label, a source for a source). Two phrases that only stand between
//!    the same two anchors are not paired: that alone pairs unrelated
//!    phrases far more often than substitutes.
//! 4. **Name**: each pair is a substitution, each phrase left alone an
//!    addition or omission, and each gets a [`Category`] from the language's
//!    framing lists ([`crate::lang::Resources::hedges`] and the others).
//!
//! ```
//! use framediff::diff::{Category, Differ};
//! use framediff::{AnalyzedDocument, Document, lang::Language};
//!
//! let doc = |id, text| AnalyzedDocument::new(Document::new(id, text), Language::French);
//! let (a, b) = (
//!     doc("a", "Les terroristes ont attaqué Alep."),
//!     doc("b", "Les rebelles auraient attaqué Alep."),
//! );
//! let diff = Differ::new(&[Language::French]).diff(&a.sentences[0], &b.sentences[0]);
//! let named: Vec<(&str, &str, Category)> = diff
//!     .differences
//!     .iter()
//!     .map(|d| (d.a.as_deref().unwrap_or(""), d.b.as_deref().unwrap_or(""), d.category))
//!     .collect();
//! assert!(named.contains(&("terroristes", "rebelles", Category::ActorLabel)));
//! assert!(named.contains(&("ont", "auraient", Category::Hedging)));
//! ```

mod anchor;
mod category;
mod chunk;
mod emit;
mod myers;
mod pair;
mod role;
#[cfg(test)]
mod tests;
mod words;

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::align::Alignment;
use crate::fasthash::{FastMap, FastSet};
use crate::lang::{Language, Resources};
use crate::vectorize::{Concepts, is_headline_case};
use crate::{AnalyzedDocument, AnalyzedSentence};

pub use anchor::Anchor;
pub(crate) use words::WordClasses;

/// What changed between the two sentences.
///
/// ```
/// use framediff::diff::DifferenceKind;
/// assert_eq!(serde_json::to_string(&DifferenceKind::Omission).unwrap(), "\"omission\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// Side a says one thing where side b says another.
    Substitution,
    /// Side b has words side a lacks.
    Addition,
    /// Side a has words side b lacks.
    Omission,
}

/// What a difference does to the framing.
///
/// ```
/// use framediff::diff::Category;
/// assert_eq!(serde_json::to_string(&Category::ActorLabel).unwrap(), "\"actor_label\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// How a group or person is named: terroristes / rebelles.
    ActorLabel,
    /// Certainty differs: one side hedges (aurait, selon, reportedly).
    Hedging,
    /// The source named differs: SANA / the Kremlin.
    Attribution,
    /// The same name spelled differently: Bashar / Bachar.
    SpellingVariant,
    /// Numbers or figures differ.
    Quantity,
    /// A term in quotes on one side, plain on the other.
    ScareQuotes,
    /// Loaded or emotive wording on one side only.
    Evaluative,
    /// Any other change.
    Other,
}

/// One change between two aligned sentences.
///
/// Spans are byte ranges into the documents' texts, like sentence offsets.
/// An addition has no `a` side, an omission no `b` side.
///
/// ```
/// use framediff::diff::{Category, Difference, DifferenceKind};
/// let d = Difference {
///     kind: DifferenceKind::Substitution,
///     category: Category::ActorLabel,
///     a: Some("terroristes".into()),
///     b: Some("rebelles".into()),
///     a_span: Some((4, 15)),
///     b_span: Some((4, 12)),
///     minor: false,
/// };
/// let json = serde_json::to_value(&d).unwrap();
/// assert_eq!(json["a_span"], serde_json::json!([4, 15]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Difference {
    /// Substitution, addition or omission.
    pub kind: DifferenceKind,
    /// What the change does to the framing.
    pub category: Category,
    /// The surface text on side a, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<String>,
    /// The surface text on side b, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<String>,
    /// Byte range of `a` in side a's document text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a_span: Option<(usize, usize)>,
    /// Byte range of `b` in side b's document text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b_span: Option<(usize, usize)>,
    /// Only function words changed (articles, prepositions, ...).
    #[serde(default)]
    pub minor: bool,
}

impl Category {
    /// Every category, in the order they are declared (`Other` last).
    ///
    /// ```
    /// use framediff::diff::Category;
    /// assert_eq!(Category::ALL.len(), 8);
    /// assert_eq!(Category::ALL[0], Category::ActorLabel);
    /// ```
    pub const ALL: [Category; 8] = [
        Category::ActorLabel,
        Category::Hedging,
        Category::Attribution,
        Category::SpellingVariant,
        Category::Quantity,
        Category::ScareQuotes,
        Category::Evaluative,
        Category::Other,
    ];

    /// The category's name, as JSON writes it.
    ///
    /// ```
    /// use framediff::diff::Category;
    /// assert_eq!(Category::ActorLabel.name(), "actor_label");
    /// assert_eq!(Category::ScareQuotes.to_string(), "scare_quotes");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Category::ActorLabel => "actor_label",
            Category::Hedging => "hedging",
            Category::Attribution => "attribution",
            Category::SpellingVariant => "spelling_variant",
            Category::Quantity => "quantity",
            Category::ScareQuotes => "scare_quotes",
            Category::Evaluative => "evaluative",
            Category::Other => "other",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A difference in the marks `compare` uses, side a first: `[a→b
/// category]` for a substitution, `[+b category]` for words only side b
/// has, `[−a category]` for words only side a has. (`compare` shows each
/// sentence against an earlier one, so it may write b→a.)
///
/// ```
/// use framediff::diff::{Category, Difference, DifferenceKind};
/// let d = Difference {
///     kind: DifferenceKind::Substitution,
///     category: Category::ActorLabel,
///     a: Some("terroristes".into()),
///     b: Some("rebelles".into()),
///     a_span: Some((4, 15)),
///     b_span: Some((18, 26)),
///     minor: false,
/// };
/// assert_eq!(d.to_string(), "[terroristes→rebelles actor_label]");
/// ```
impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.a, &self.b) {
            (Some(a), Some(b)) => write!(f, "[{a}→{b} {}]", self.category),
            (None, Some(b)) => write!(f, "[+{b} {}]", self.category),
            (Some(a), None) => write!(f, "[−{a} {}]", self.category),
            (None, None) => write!(f, "[{}]", self.category),
        }
    }
}

/// The comparison of two sentences: the tokens they share, and every
/// difference. Together they account for every token of both sentences.
///
/// ```
/// use framediff::diff::Differ;
/// use framediff::{AnalyzedDocument, Document, lang::Language};
/// let doc = |id, text| AnalyzedDocument::new(Document::new(id, text), Language::English);
/// let (a, b) = (doc("a", "Rebels took Aleppo."), doc("b", "Insurgents took Aleppo."));
/// let diff = Differ::new(&[Language::English]).diff(&a.sentences[0], &b.sentences[0]);
/// assert_eq!(diff.anchors.len(), 4); // Rebels/Insurgents, took, Aleppo, "."
/// assert!(!diff.cut_short);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceDiff {
    /// Token pairs the two sentences share (by stem, spelling or synonym,
    /// and function words in order), sorted by side a.
    pub anchors: Vec<Anchor>,
    /// The differences, in side a's order.
    pub differences: Vec<Difference>,
    /// Whether a size or time limit made the comparison coarser than
    /// usual (every token is still accounted for).
    pub cut_short: bool,
}

/// Compares sentences; holds the language resources it needs, built once.
///
/// ```
/// use framediff::diff::Differ;
/// use framediff::lang::Language;
/// let differ = Differ::new(&[Language::French, Language::English]);
/// assert!(format!("{differ:?}").contains("Differ"));
/// ```
#[derive(Debug, Clone)]
pub struct Differ {
    classes: std::sync::Arc<words::WordClasses>,
    concepts: Concepts,
    names: FastSet<String>,
    variant_similarity: f64,
    time_limit: Duration,
}

impl Differ {
    /// A differ with the default resources and concept lexicons of these
    /// languages.
    ///
    /// ```
    /// let differ = framediff::diff::Differ::new(&[framediff::lang::Language::English]);
    /// # let _ = differ;
    /// ```
    pub fn new(languages: &[Language]) -> Differ {
        let mut concepts = Concepts::default();
        for &language in languages {
            concepts.merge(Concepts::for_language(language));
        }
        Differ {
            classes: words::WordClasses::for_languages(languages),
            ..Differ::with_resources(Vec::new(), concepts)
        }
    }

    /// A differ with resources and concepts of your own.
    ///
    /// ```
    /// use framediff::diff::Differ;
    /// use framediff::lang::{Language, Resources};
    /// use framediff::vectorize::Concepts;
    /// let mut fr = Resources::new(Language::French);
    /// fr.add_hedges(["semblerait"]);
    /// let differ = Differ::with_resources(vec![fr], Concepts::for_language(Language::French));
    /// # let _ = differ;
    /// ```
    pub fn with_resources(resources: Vec<Resources>, concepts: Concepts) -> Differ {
        Differ {
            classes: std::sync::Arc::new(words::WordClasses::new(resources)),
            concepts,
            names: FastSet::default(),
            variant_similarity: 0.9,
            time_limit: Duration::from_millis(200),
        }
    }

    /// A differ for these documents: their languages, and the words they
    /// write as names (capitalised more often than not where a capital is
    /// not required), so that a name opening a sentence is still a name.
    ///
    /// ```
    /// use framediff::{AnalyzedDocument, Document, lang::Language, diff::Differ};
    /// let docs = [AnalyzedDocument::new(Document::new("a", "Il a vu Peskov."), Language::French)];
    /// let differ = Differ::for_documents(&docs);
    /// # let _ = differ;
    /// ```
    pub fn for_documents(documents: &[AnalyzedDocument]) -> Differ {
        let mut languages: Vec<Language> = documents.iter().map(|d| d.language).collect();
        languages.sort();
        languages.dedup();
        let mut counts: FastMap<&str, (u32, u32)> = FastMap::default();
        // A headline's capitals say nothing of names either.
        let sentences = documents.iter().flat_map(|d| &d.sentences);
        for sentence in sentences.filter(|s| !is_headline_case(&s.tokens)) {
            let first = sentence.tokens.iter().position(|t| t.is_word());
            for (i, t) in sentence.tokens.iter().enumerate() {
                if Some(i) == first || !t.is_word() {
                    continue;
                }
                for piece in std::iter::once(t).chain(&t.parts) {
                    let count = counts.entry(piece.stem.as_str()).or_default();
                    if piece.surface.starts_with(char::is_uppercase) {
                        count.0 += 1;
                    } else {
                        count.1 += 1;
                    }
                }
            }
        }
        let names = counts
            .into_iter()
            .filter(|(_, (upper, lower))| upper > lower)
            .map(|(stem, _)| stem.to_string());
        Differ::new(&languages).with_names(names)
    }

    /// Adds stems to read as names even where a capital says nothing (at
    /// the start of a sentence).
    ///
    /// ```
    /// let differ = framediff::diff::Differ::new(&[]).with_names(["peskov".to_string()]);
    /// # let _ = differ;
    /// ```
    pub fn with_names(mut self, names: impl IntoIterator<Item = String>) -> Differ {
        self.names.extend(names);
        self
    }

    /// Sets how long one comparison may spend in its in-order diff before
    /// it settles for a coarser one (default 200 ms).
    ///
    /// ```
    /// use std::time::Duration;
    /// let differ = framediff::diff::Differ::new(&[]).with_time_limit(Duration::from_millis(10));
    /// # let _ = differ;
    /// ```
    pub fn with_time_limit(mut self, limit: Duration) -> Differ {
        self.time_limit = limit;
        self
    }

    /// Compares two analysed sentences; spans in the result are byte
    /// ranges in the sentences' documents (as the tokens' offsets are).
    ///
    /// ```
    /// use framediff::diff::{Category, Differ, DifferenceKind};
    /// use framediff::{AnalyzedDocument, Document, lang::Language};
    /// let doc = |id, text| AnalyzedDocument::new(Document::new(id, text), Language::English);
    /// let (a, b) = (doc("a", "Rebels took Aleppo."), doc("b", "Rebels reportedly took Aleppo."));
    /// let diff = Differ::new(&[Language::English]).diff(&a.sentences[0], &b.sentences[0]);
    /// let d = &diff.differences[0];
    /// assert_eq!((d.kind, d.category), (DifferenceKind::Addition, Category::Hedging));
    /// assert_eq!(d.b_span, Some((7, 17)));
    /// ```
    pub fn diff(&self, a: &AnalyzedSentence, b: &AnalyzedSentence) -> SentenceDiff {
        pair::diff(self, a, b)
    }
}

/// Fills every alignment's differences; a side of two sentences is
/// compared as one.
///
/// Each alignment is compared on its own, so the work is spread over
/// rayon's threads; every result lands in its own alignment, whatever the
/// thread count.
pub(crate) fn fill_differences(documents: &[AnalyzedDocument], alignments: &mut [Alignment]) {
    use rayon::prelude::*;
    use std::borrow::Cow;
    /// Alignments per rayon task: a comparison takes microseconds, so
    /// one task per alignment would cost more in scheduling than it saves.
    const PER_TASK: usize = 64;
    let differ = Differ::for_documents(documents);
    // Each sentence's token features and anchoring keys, computed once: a
    // sentence of a corpus is in several alignments.
    let prepared: Vec<Vec<(Vec<words::Features>, anchor::Keys)>> = documents
        .par_iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    (
                        differ.classes.features(&s.tokens, &differ.names),
                        anchor::Keys::new(&s.tokens, &differ.concepts),
                    )
                })
                .collect()
        })
        .collect();
    let by_id: FastMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.document.id.as_str(), i))
        .collect();
    // A side of one sentence, or of several joined (a split claim: their
    // features, each computed on its own sentence, whose first word may be
    // capitalised).
    let sentence = |side: &crate::align::Side| {
        let doc = *by_id.get(side.doc.as_str())?;
        match side.sentences.as_slice() {
            &[one] => {
                let (features, keys) = prepared[doc].get(one)?;
                let sentence = documents[doc].sentences.get(one)?;
                Some((
                    Cow::Borrowed(sentence),
                    Cow::Borrowed(features.as_slice()),
                    Some(keys),
                ))
            }
            many => {
                let joined = joined(&documents[doc], many)?;
                let features = many
                    .iter()
                    .map(|&s| prepared[doc].get(s).map(|(f, _)| f.iter().cloned()))
                    .collect::<Option<Vec<_>>>()?
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>();
                Some((Cow::Owned(joined), Cow::Owned(features), None))
            }
        }
    };
    alignments
        .par_iter_mut()
        .with_min_len(PER_TASK)
        .for_each(|link| {
            if let (Some(a), Some(b)) = (sentence(&link.a), sentence(&link.b)) {
                // A joined side's keys borrow its joined tokens.
                let keys = |s, computed: Option<_>| match computed {
                    Some(keys) => Cow::Borrowed(keys),
                    None => Cow::Owned(anchor::Keys::new(s, &differ.concepts)),
                };
                let (ka, kb) = (keys(&a.0.tokens, a.2), keys(&b.0.tokens, b.2));
                let diff = pair::diff_with_features(&differ, (&a.0, &a.1, &ka), (&b.0, &b.1, &kb));
                link.differences = diff.differences;
                link.differences_cut_short = diff.cut_short;
            }
        });
}

/// Sentences of one document read as one: from the first one's start to
/// the last one's end, with all their tokens.
fn joined(doc: &AnalyzedDocument, sentences: &[usize]) -> Option<AnalyzedSentence> {
    let parts: Vec<&AnalyzedSentence> = sentences
        .iter()
        .map(|&s| doc.sentences.get(s))
        .collect::<Option<_>>()?;
    let (first, last) = (parts.first()?, parts.last()?);
    let span = first.sentence.start..last.sentence.end;
    Some(AnalyzedSentence {
        sentence: crate::segment::Sentence {
            end: span.end,
            ..first.sentence
        },
        text: doc.document.text.get(span)?.to_string(),
        tokens: parts
            .iter()
            .flat_map(|p| p.tokens.iter().cloned())
            .collect(),
    })
}
