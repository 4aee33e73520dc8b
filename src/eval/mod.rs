//! Scoring against human annotations, and the baseline to beat.
//!
//! The gold format is the one of framediff's development gold (see
//! `shared/gold-dev/README.md` in the project): sentences with byte spans,
//! links between sentences that carry the same claim, and wording
//! substitutions. Annotate your own articles in it and score framediff on
//! them with [`score_links`].
//!
//! ```
//! use framediff::eval::{Gold, score_links};
//! use framediff::{Comparison, Document};
//!
//! let gold = Gold::parse(r#"{"docs": {},
//!     "sentences": [
//!         {"id": "a:0", "doc": "a", "start": 0, "end": 26, "kind": "body", "text": "Alep est tombée dimanche."},
//!         {"id": "b:0", "doc": "b", "start": 0, "end": 34, "kind": "body", "text": "Les rebelles ont pris Alep dimanche."}],
//!     "links": [{"a": "a:0", "b": "b:0", "strength": "partial"}]}"#)?;
//! let cmp = Comparison::new(vec![
//!     Document::new("a", "Alep est tombée dimanche."),
//!     Document::new("b", "Les rebelles ont pris Alep dimanche."),
//! ], &Default::default())?;
//! let scores = score_links(&cmp, &gold);
//! assert_eq!((scores.gold, scores.found), (1, 1));
//! # Ok::<(), framediff::Error>(())
//! ```

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::compare::{AnalyzedDocument, Comparison};
use crate::error::{Error, Result};

mod baseline;
mod fit;
mod pool;
mod relation;
mod separation;
mod sets;
mod sts;

pub use baseline::{
    BaselineSweep, baseline_tfidf, baseline_thresholds, best_common_threshold, best_threshold,
    sweep_baseline,
};
pub use fit::fit_link_model;
pub use pool::SentencePool;
pub use relation::{RelationAgreement, relation_agreement};
pub use separation::Separation;
pub use sets::AnnotatedSet;
pub use sts::{baseline_pair_scores, pair_scores, spearman};

/// A gold annotation: sentences, links, substitutions.
///
/// ```
/// let gold = framediff::eval::Gold::parse(r#"{"sentences": [], "links": []}"#).unwrap();
/// assert!(gold.substitutions.is_empty()); // optional in the file
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// The annotated sentences.
    pub sentences: Vec<GoldSentence>,
    /// Links between sentences that carry a shared claim.
    pub links: Vec<GoldLink>,
    /// Wording substitutions in linked pairs.
    #[serde(default)]
    pub substitutions: Vec<GoldSubstitution>,
}

/// One annotated sentence.
///
/// ```
/// let s: framediff::eval::GoldSentence = serde_json::from_str(
///     r#"{"id": "a:0", "doc": "a", "start": 0, "end": 5, "kind": "body", "text": "Alep."}"#,
/// ).unwrap();
/// assert_eq!(s.end - s.start, s.text.len());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSentence {
    /// `"<doc>:<n>"`.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// `"title"`, `"body"` or `"boilerplate"`.
    pub kind: String,
    /// The sentence's text (left out by annotations of third-party
    /// articles, which [`AnnotatedSet`] fills from the articles).
    #[serde(default)]
    pub text: String,
}

/// A gold link between two sentence ids.
///
/// ```
/// let l: framediff::eval::GoldLink =
///     serde_json::from_str(r#"{"a": "a:0", "b": "b:3", "strength": "same", "note": "ignored"}"#).unwrap();
/// assert_eq!(l.strength, "same");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldLink {
    /// One sentence id.
    pub a: String,
    /// The other sentence id.
    pub b: String,
    /// `"same"` or `"partial"`.
    pub strength: String,
}

/// A gold wording substitution.
///
/// ```
/// let s: framediff::eval::GoldSubstitution = serde_json::from_str(
///     r#"{"a": "a:0", "b": "b:3", "a_term": "terroristes", "b_term": "rebelles", "category": "actor_label"}"#,
/// ).unwrap();
/// assert_eq!(s.category, "actor_label");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSubstitution {
    /// Sentence id on side a.
    pub a: String,
    /// Sentence id on side b.
    pub b: String,
    /// The wording in a.
    pub a_term: String,
    /// The wording in b.
    pub b_term: String,
    /// Its category.
    pub category: String,
}

impl Gold {
    /// Parses a gold file's JSON.
    ///
    /// ```
    /// let gold = framediff::eval::Gold::parse(r#"{"sentences": [], "links": []}"#).unwrap();
    /// assert!(gold.links.is_empty());
    /// ```
    pub fn parse(json: &str) -> Result<Gold> {
        serde_json::from_str(json).map_err(|e| Error::Jsonl {
            path: "gold".into(),
            line: e.line(),
            message: e.to_string(),
        })
    }

    /// Reads and parses a gold file.
    ///
    /// ```no_run
    /// let gold = framediff::eval::Gold::load("../shared/gold-dev/seeds-000-002.json")?;
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Gold> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Gold::parse(&text).map_err(|e| match e {
            Error::Jsonl { line, message, .. } => Error::Jsonl {
                path: path.to_path_buf(),
                line,
                message,
            },
            other => other,
        })
    }

    /// The links of `added`, an annotation that adds documents to this one
    /// and links them to each other and to this one's documents, over the
    /// sentences of both: the gold that judges the pairs touching an added
    /// document (see [`score_added`]).
    ///
    /// ```
    /// use framediff::eval::Gold;
    /// let sentence = |id: &str, doc: &str| format!(
    ///     r#"{{"id": "{id}", "doc": "{doc}", "start": 0, "end": 1, "kind": "body", "text": "x"}}"#);
    /// let base = Gold::parse(&format!(r#"{{"sentences": [{}, {}],
    ///     "links": [{{"a": "a:0", "b": "b:0", "strength": "same"}}]}}"#,
    ///     sentence("a:0", "a"), sentence("b:0", "b"))).unwrap();
    /// let added = Gold::parse(&format!(r#"{{"sentences": [{}],
    ///     "links": [{{"a": "a:0", "b": "c:0", "strength": "partial"}}]}}"#, sentence("c:0", "c"))).unwrap();
    /// let gold = base.with_added(&added);
    /// assert_eq!(gold.documents().collect::<Vec<_>>(), ["a", "b", "c"]);
    /// assert_eq!((gold.links.len(), gold.links[0].b.as_str()), (1, "c:0"));
    /// ```
    pub fn with_added(&self, added: &Gold) -> Gold {
        Gold {
            sentences: self
                .sentences
                .iter()
                .chain(&added.sentences)
                .cloned()
                .collect(),
            links: added.links.clone(),
            substitutions: Vec::new(),
        }
    }

    /// The ids of the annotated documents.
    ///
    /// ```
    /// let gold = framediff::eval::Gold::default();
    /// assert_eq!(gold.documents().count(), 0);
    /// ```
    pub fn documents(&self) -> impl Iterator<Item = &str> {
        let mut seen = HashSet::new();
        self.sentences
            .iter()
            .map(|s| s.doc.as_str())
            .filter(move |d| seen.insert(*d))
    }
}

/// Precision, recall and F1 of predicted links against gold links.
///
/// ```
/// let s = framediff::eval::LinkScores::new(4, 3, 6, 3);
/// assert_eq!((s.precision, s.recall), (0.75, 0.5));
/// assert!((s.f1 - 0.6).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LinkScores {
    /// Predicted pairs within the gold documents.
    pub predicted: usize,
    /// Of those, pairs that map onto a gold link.
    pub correct: usize,
    /// Gold links.
    pub gold: usize,
    /// Gold links found by at least one predicted pair.
    pub found: usize,
    /// correct / predicted.
    pub precision: f64,
    /// found / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl LinkScores {
    /// Scores from counts.
    ///
    /// ```
    /// assert_eq!(framediff::eval::LinkScores::new(0, 0, 0, 0).f1, 0.0);
    /// ```
    pub fn new(predicted: usize, correct: usize, gold: usize, found: usize) -> LinkScores {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(correct, predicted), ratio(found, gold));
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        LinkScores {
            predicted,
            correct,
            gold,
            found,
            precision,
            recall,
            f1,
        }
    }
}

/// Scores a comparison's alignments against gold links (an example is in
/// the module documentation). Each predicted
/// sentence maps to the gold sentences it overlaps by at least half (of its
/// own or the gold sentence's non-white-space bytes); a predicted pair is
/// correct when it maps onto a gold link; each gold link counts once. Only
/// pairs between gold documents count.
pub fn score_links(comparison: &Comparison, gold: &Gold) -> LinkScores {
    score_pairs(&comparison.documents, predicted_pairs(comparison), gold)
}

/// Every sentence pair a comparison links, as (document id, sentence index)
/// pairs: one per alignment, more when a side holds two sentences.
///
/// ```
/// use framediff::{Comparison, Document};
/// let cmp = Comparison::new(vec![
///     Document::new("a", "Les rebelles ont pris Alep."),
///     Document::new("b", "Les insurgés ont pris Alep."),
/// ], &Default::default())?;
/// assert_eq!(framediff::eval::predicted_pairs(&cmp), [(("a", 0), ("b", 0))]);
/// # Ok::<(), framediff::Error>(())
/// ```
pub fn predicted_pairs(comparison: &Comparison) -> Vec<(SentenceKey<'_>, SentenceKey<'_>)> {
    comparison
        .alignments
        .iter()
        .flat_map(|a| {
            a.a.sentences.iter().flat_map(move |&sa| {
                a.b.sentences
                    .iter()
                    .map(move |&sb| ((a.a.doc.as_str(), sa), (a.b.doc.as_str(), sb)))
            })
        })
        .collect()
}

/// Scores any list of predicted sentence pairs, given as (document id,
/// sentence index) against the analysed documents (see [`score_links`]).
///
/// ```
/// use framediff::eval::{Gold, score_pairs};
/// use framediff::{AnalyzedDocument, Document, lang::Language};
///
/// let docs = [
///     AnalyzedDocument::new(Document::new("a", "Alep est tombée."), Language::French),
///     AnalyzedDocument::new(Document::new("b", "Alep a chuté."), Language::French),
/// ];
/// let gold = Gold::parse(r#"{"sentences": [
///     {"id": "a:0", "doc": "a", "start": 0, "end": 17, "kind": "body", "text": "Alep est tombée."},
///     {"id": "b:0", "doc": "b", "start": 0, "end": 14, "kind": "body", "text": "Alep a chuté."}],
///   "links": [{"a": "a:0", "b": "b:0", "strength": "same"}]}"#).unwrap();
/// let scores = score_pairs(&docs, [(("a", 0), ("b", 0))], &gold);
/// assert_eq!(scores.f1, 1.0);
/// ```
pub fn score_pairs<'a>(
    documents: &[AnalyzedDocument],
    pairs: impl IntoIterator<Item = ((&'a str, usize), (&'a str, usize))>,
    gold: &Gold,
) -> LinkScores {
    let errors = link_errors(documents, pairs, gold);
    let correct = errors.predicted - errors.wrong.len();
    LinkScores::new(
        errors.predicted,
        correct,
        gold.links.len(),
        // Found: every gold link not missed (a link listed twice in the
        // gold counts twice, as it does in `gold`).
        gold.links.len() - errors.missed.len(),
    )
}

/// Scores predicted pairs against a second annotation that adds documents
/// to `base` and links them to each other and to the base documents (as
/// `tests/fixtures/seeds-003-004.json` adds seeds 003 and 004 to the dev
/// gold): only the pairs that involve an added document count, against the
/// added links.
///
/// ```
/// use framediff::eval::{Gold, score_added};
/// use framediff::{AnalyzedDocument, Document, lang::Language};
///
/// let docs = [
///     AnalyzedDocument::new(Document::new("a", "Alep est tombée."), Language::French),
///     AnalyzedDocument::new(Document::new("b", "Alep a chuté."), Language::French),
///     AnalyzedDocument::new(Document::new("c", "Alep est perdue."), Language::French),
/// ];
/// let sentence = |id: &str, doc: &str, end: usize| format!(
///     r#"{{"id": "{id}", "doc": "{doc}", "start": 0, "end": {end}, "kind": "body", "text": ""}}"#);
/// let base = Gold::parse(&format!(r#"{{"sentences": [{}, {}], "links": []}}"#,
///     sentence("a:0", "a", 17), sentence("b:0", "b", 14))).unwrap();
/// let added = Gold::parse(&format!(r#"{{"sentences": [{}],
///     "links": [{{"a": "a:0", "b": "c:0", "strength": "same"}}]}}"#, sentence("c:0", "c", 17))).unwrap();
/// // The a-b pair is not judged by the added annotation.
/// let pairs = [(("a", 0), ("b", 0)), (("a", 0), ("c", 0))];
/// let scores = score_added(&docs, pairs, &base, &added);
/// assert_eq!((scores.predicted, scores.correct, scores.found), (1, 1, 1));
/// ```
pub fn score_added<'a>(
    documents: &[AnalyzedDocument],
    pairs: impl IntoIterator<Item = ((&'a str, usize), (&'a str, usize))>,
    base: &Gold,
    added: &Gold,
) -> LinkScores {
    score_pairs(
        documents,
        pairs_touching(pairs, added),
        &base.with_added(added),
    )
}

/// The pairs with at least one sentence in a document of `annotation`: the
/// pairs an added annotation judges (see [`score_added`]).
///
/// ```
/// use framediff::eval::{Gold, pairs_touching};
/// let added = Gold::parse(r#"{"sentences": [
///     {"id": "c:0", "doc": "c", "start": 0, "end": 1, "kind": "body", "text": "x"}],
///     "links": []}"#).unwrap();
/// let pairs = [(("a", 0), ("b", 0)), (("a", 0), ("c", 0))];
/// assert_eq!(pairs_touching(pairs, &added), [(("a", 0), ("c", 0))]);
/// ```
pub fn pairs_touching<'a>(
    pairs: impl IntoIterator<Item = (SentenceKey<'a>, SentenceKey<'a>)>,
    annotation: &Gold,
) -> Vec<(SentenceKey<'a>, SentenceKey<'a>)> {
    let docs: HashSet<&str> = annotation.documents().collect();
    pairs
        .into_iter()
        .filter(|(a, b)| docs.contains(a.0) || docs.contains(b.0))
        .collect()
}

/// What a prediction got wrong against the gold: the pairs that map onto no
/// gold link, and the gold links no pair found. The ground for reading
/// errors one by one (`cargo run --example evaluate -- --errors`).
///
/// ```
/// use framediff::eval::{Gold, link_errors};
/// use framediff::{AnalyzedDocument, Document, lang::Language};
///
/// let docs = [
///     AnalyzedDocument::new(Document::new("a", "Alep est tombée. Il pleut."), Language::French),
///     AnalyzedDocument::new(Document::new("b", "Alep a chuté."), Language::French),
/// ];
/// let gold = Gold::parse(r#"{"sentences": [
///     {"id": "a:0", "doc": "a", "start": 0, "end": 17, "kind": "body", "text": "Alep est tombée."},
///     {"id": "a:1", "doc": "a", "start": 18, "end": 27, "kind": "body", "text": "Il pleut."},
///     {"id": "b:0", "doc": "b", "start": 0, "end": 14, "kind": "body", "text": "Alep a chuté."}],
///   "links": [{"a": "a:0", "b": "b:0", "strength": "same"}]}"#).unwrap();
/// let errors = link_errors(&docs, [(("a", 1), ("b", 0))], &gold);
/// assert_eq!(errors.wrong, [(("a".to_string(), 1), ("b".to_string(), 0))]);
/// assert_eq!(errors.missed[0].a, "a:0");
/// ```
pub fn link_errors<'a>(
    documents: &[AnalyzedDocument],
    pairs: impl IntoIterator<Item = ((&'a str, usize), (&'a str, usize))>,
    gold: &Gold,
) -> LinkErrors {
    let gold_links: HashSet<(&str, &str)> = gold
        .links
        .iter()
        .flat_map(|l| [(l.a.as_str(), l.b.as_str()), (l.b.as_str(), l.a.as_str())])
        .collect();
    let gold_docs: HashSet<&str> = gold.documents().collect();
    let texts: HashMap<&str, &AnalyzedDocument> = documents
        .iter()
        .map(|d| (d.document.id.as_str(), d))
        .collect();
    let map = |(doc, index): (&str, usize)| gold_ids(texts.get(doc).copied(), index, gold);
    let mut predicted = 0;
    let mut wrong = Vec::new();
    let mut found: HashSet<(&str, &str)> = HashSet::new();
    for (a, b) in pairs {
        if a.0 == b.0 || !gold_docs.contains(a.0) || !gold_docs.contains(b.0) {
            continue;
        }
        predicted += 1;
        let mut hit = false;
        for ga in map(a) {
            for gb in map(b) {
                if gold_links.contains(&(ga, gb)) {
                    hit = true;
                    found.insert(if ga < gb { (ga, gb) } else { (gb, ga) });
                }
            }
        }
        if !hit {
            wrong.push(((a.0.to_string(), a.1), (b.0.to_string(), b.1)));
        }
    }
    let missed = gold
        .links
        .iter()
        .filter(|l| {
            let (a, b) = (l.a.as_str(), l.b.as_str());
            !found.contains(&if a < b { (a, b) } else { (b, a) })
        })
        .cloned()
        .collect();
    LinkErrors {
        predicted,
        wrong,
        missed,
    }
}

/// The errors of a prediction against a gold (see [`link_errors`]).
///
/// ```
/// let errors = framediff::eval::LinkErrors::default();
/// assert!(errors.wrong.is_empty() && errors.missed.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkErrors {
    /// Predicted pairs within the gold documents.
    pub predicted: usize,
    /// Predicted pairs, as (document id, sentence index), that map onto no
    /// gold link.
    pub wrong: Vec<(OwnedSentenceKey, OwnedSentenceKey)>,
    /// Gold links that no predicted pair found.
    pub missed: Vec<GoldLink>,
}

/// A sentence by document id and index, owned: `("002".into(), 4)`.
pub type OwnedSentenceKey = (String, usize);

/// The gold sentences a sentence of `document` maps to: those it overlaps
/// by at least half (of its own or the gold sentence's visible bytes).
pub(super) fn gold_ids<'g>(
    document: Option<&AnalyzedDocument>,
    index: usize,
    gold: &'g Gold,
) -> Vec<&'g str> {
    let Some((document, sentence)) = document.and_then(|d| d.sentences.get(index).map(|s| (d, s)))
    else {
        return Vec::new();
    };
    let (doc, span) = (document.document.id.as_str(), sentence.sentence.span());
    gold.sentences
        .iter()
        .filter(|g| {
            g.doc == doc && overlaps_half(&document.document.text, span.clone(), g.start..g.end)
        })
        .map(|g| g.id.as_str())
        .collect()
}

fn overlaps_half(text: &str, a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> bool {
    let visible = |r: std::ops::Range<usize>| {
        text.get(r).map_or(0, |s| {
            s.bytes().filter(|b| !b.is_ascii_whitespace()).count()
        })
    };
    let (start, end) = (a.start.max(b.start), a.end.min(b.end));
    if start >= end {
        return false;
    }
    let overlap = visible(start..end);
    overlap * 2 >= visible(a) || overlap * 2 >= visible(b)
}

/// A sentence by document id and index: `("002", 4)`.
pub type SentenceKey<'a> = (&'a str, usize);
