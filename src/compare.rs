//! The whole pipeline in one call: documents in, a [`Comparison`] out.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

mod forms;
mod links;
mod quotes;
mod split;
mod stats;

use std::time::Instant;

use rayon::prelude::*;

use crate::align::{
    AlignConfig, Alignment, ArticleContext, Claim, PairEvidence, Relation, Scorer, SentenceRef,
    Side, SideName, TermMatch, Unit,
};
use crate::analyze::{Analyzer, Token};
use crate::document::Document;
use crate::error::Result;
use crate::framing::{Coverage, DistinctiveConfig, OutletWords, coverage, distinctive_words};
use crate::lang::{self, Language};
use crate::segment::{Segmenter, Sentence};
use crate::vectorize::VectorSpace;

use forms::FirstPieces;
use links::scored_links;
use split::{Link, claim_groups, join_split_sides};
pub use stats::{AlignStats, StageTimings};

/// What to compare and how.
///
/// ```
/// use framediff::{Config, lang::Language};
/// let config = Config { language: Some(Language::English), ..Config::default() };
/// assert_eq!(config.align.threshold, framediff::align::AlignConfig::default().threshold);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The language of every document; `None` detects it per document and
    /// falls back to French.
    pub language: Option<Language>,
    /// Alignment thresholds.
    pub align: AlignConfig,
}

/// A sentence with its text and tokens.
///
/// ```
/// use framediff::{Comparison, Document};
/// let cmp = Comparison::new(vec![Document::new("a", "Alep est tombée.")], &Default::default()).unwrap();
/// let s = &cmp.documents[0].sentences[0];
/// assert_eq!((s.sentence.start, s.text.as_str()), (0, "Alep est tombée."));
/// assert_eq!(s.tokens[0].surface, "Alep");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyzedSentence {
    /// Position, byte range and kind.
    #[serde(flatten)]
    pub sentence: Sentence,
    /// The sentence's text.
    pub text: String,
    /// The sentence's tokens (not serialised: recompute them with an
    /// [`Analyzer`]).
    #[serde(skip)]
    pub tokens: Vec<Token>,
}

/// A document with its language and analysed sentences.
///
/// ```
/// use framediff::{Comparison, Document};
/// let cmp = Comparison::new(vec![Document::new("a", "Titre\nTexte.")], &Default::default()).unwrap();
/// assert_eq!(cmp.documents[0].sentences.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyzedDocument {
    /// The document as loaded (its fields sit at the top level in JSON).
    #[serde(flatten)]
    pub document: Document,
    /// The language the document was analysed as.
    pub language: Language,
    /// Its sentences, in order.
    pub sentences: Vec<AnalyzedSentence>,
}

impl AnalyzedDocument {
    /// Segments and analyses one document.
    ///
    /// ```
    /// use framediff::{AnalyzedDocument, Document, lang::Language};
    /// let doc = AnalyzedDocument::new(Document::new("a", "Un. Deux."), Language::French);
    /// assert_eq!(doc.sentences[1].text, "Deux.");
    /// ```
    pub fn new(document: Document, language: Language) -> AnalyzedDocument {
        let segmenter = Segmenter::new(language);
        let analyzer = Analyzer::new(language);
        let sentences = segmenter
            .segment(&document.text)
            .into_iter()
            .map(|sentence| AnalyzedSentence {
                text: sentence.text(&document.text).to_string(),
                tokens: analyzer.analyze_span(&document.text, sentence.span()),
                sentence,
            })
            .collect();
        AnalyzedDocument {
            document,
            language,
            sentences,
        }
    }

    /// Segments and analyses many documents in parallel (on rayon's thread
    /// pool), in input order. `language` is the language of every document;
    /// `None` detects it per document and falls back to French.
    ///
    /// ```
    /// use framediff::{AnalyzedDocument, Document, lang::Language};
    /// let docs = vec![Document::new("a", "Alep est tombée."), Document::new("b", "The rebels have taken the city and the army is gone.")];
    /// let analyzed = AnalyzedDocument::analyze_all(docs, None);
    /// assert_eq!(analyzed[0].document.id, "a");
    /// assert_eq!(analyzed[1].language, Language::English);
    /// ```
    pub fn analyze_all(
        documents: Vec<Document>,
        language: Option<Language>,
    ) -> Vec<AnalyzedDocument> {
        documents
            .into_par_iter()
            .map(|doc| {
                let language = language
                    .or_else(|| lang::detect(&doc.text))
                    .unwrap_or(Language::French);
                AnalyzedDocument::new(doc, language)
            })
            .collect()
    }
}

/// The comparison of a set of articles: their sentences, the links between
/// sentences that share a claim, the claims, and the sentences no other
/// outlet carries.
///
/// ```
/// use framediff::{Comparison, Document};
///
/// let docs = vec![
///     Document::new("rt", "Les terroristes ont lancé une attaque contre Alep."),
///     Document::new("afp", "Les rebelles ont lancé une offensive sur Alep. Il pleut."),
/// ];
/// let cmp = Comparison::new(docs, &Default::default())?;
/// assert_eq!(cmp.alignments.len(), 1);
/// assert_eq!(cmp.claims.len(), 1);
/// assert_eq!(cmp.unmatched, [framediff::align::SentenceRef { doc: "afp".into(), sentence: 1 }]);
/// # Ok::<(), framediff::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The documents, analysed, in input order.
    pub documents: Vec<AnalyzedDocument>,
    /// Every pair of sentences (in different documents) sharing a claim.
    pub alignments: Vec<Alignment>,
    /// Claims carried by two or more documents, in story order.
    pub claims: Vec<Claim>,
    /// Title and body sentences that no other document carries.
    pub unmatched: Vec<SentenceRef>,
    /// The words each outlet favours, against the other outlets.
    #[serde(default)]
    pub distinctive: Vec<OutletWords>,
    /// The claims each outlet carries, and those it leaves out.
    #[serde(default)]
    pub coverage: Coverage,
    /// Every substitution, added up per outlet pair and overall.
    #[serde(default)]
    pub lexicon: crate::framing::lexicon::Lexicon,
    /// Who states, attributes or hedges each claim of two or more outlets.
    #[serde(default)]
    pub certainty: Vec<crate::framing::certainty::ClaimCertainty>,
}

impl Comparison {
    /// Runs the whole pipeline.
    ///
    /// # Errors
    /// [`crate::Error::InvalidConfig`] when a threshold is out of range,
    /// [`crate::Error::DuplicateId`] when two documents share an id.
    ///
    /// ```
    /// let cmp = framediff::Comparison::new(vec![], &Default::default()).unwrap();
    /// assert!(cmp.alignments.is_empty());
    /// ```
    pub fn new(documents: Vec<Document>, config: &Config) -> Result<Comparison> {
        config.align.validate()?;
        crate::document::check_unique_ids(&documents, "comparison input")?;
        let documents = AnalyzedDocument::analyze_all(documents, config.language);
        Ok(Comparison::from_analyzed(documents, &config.align))
    }

    /// Aligns documents that are already analysed.
    ///
    /// ```
    /// use framediff::{AnalyzedDocument, Comparison, Document, lang::Language};
    /// let docs = vec![AnalyzedDocument::new(Document::new("a", "Texte."), Language::French)];
    /// let cmp = Comparison::from_analyzed(docs, &Default::default());
    /// assert_eq!(cmp.unmatched.len(), 1);
    /// ```
    pub fn from_analyzed(documents: Vec<AnalyzedDocument>, config: &AlignConfig) -> Comparison {
        Comparison::from_analyzed_with_stats(documents, config).0
    }

    /// Aligns documents that are already analysed, and says how much work
    /// each stage did and how long it took.
    ///
    /// ```
    /// use framediff::{AnalyzedDocument, Comparison, Document};
    /// let docs = AnalyzedDocument::analyze_all(vec![
    ///     Document::new("a", "Les rebelles ont pris Alep."),
    ///     Document::new("b", "Les insurgés ont pris Alep."),
    /// ], None);
    /// let (cmp, stats) = Comparison::from_analyzed_with_stats(docs, &Default::default());
    /// assert_eq!((stats.sentences, stats.candidate_pairs), (2, 1));
    /// assert_eq!(stats.alignments, cmp.alignments.len());
    /// ```
    pub fn from_analyzed_with_stats(
        documents: Vec<AnalyzedDocument>,
        config: &AlignConfig,
    ) -> (Comparison, AlignStats) {
        let mut stats = AlignStats::default();
        let clock = Instant::now();
        let units = alignable_units(&documents);
        let tokens: Vec<&[Token]> = units
            .iter()
            .map(|u| documents[u.doc].sentences[u.sentence].tokens.as_slice())
            .collect();
        let languages = corpus_languages(&documents);
        let scorer = Scorer::build(tokens.iter().copied(), &languages, config);
        stats.timings.vectorize = clock.elapsed().as_secs_f64();

        let clock = Instant::now();
        let context = ArticleContext::new(&units, &scorer.space);
        let (scored, counts) = scored_links(&units, &tokens, &scorer, &context, config);
        let scored = join_split_sides(scored, &units, &scorer, config);
        let mut linked = vec![false; units.len()];
        for link in &scored {
            for &u in link.a.iter().chain(link.b.iter()) {
                linked[u] = true;
            }
        }
        // The claims are grouped on one thread, beside the alignments
        // built on the others: the grouping reads the links, not the
        // alignments, and with it a serial stage of the run is gone.
        let document_of: Vec<usize> = units.iter().map(|u| u.doc).collect();
        let (mut alignments, groups) = rayon::join(
            || {
                let forms = FirstPieces::new(
                    &documents,
                    &units,
                    &linked,
                    scorer.space.vocabulary(),
                    &scorer.phrases,
                );
                let places = sentence_places(&documents, &units);
                scored
                    .par_iter()
                    .map(|link| {
                        let evidence = context.evidence(
                            link.a[0],
                            link.b[0],
                            link.score,
                            &link.pair,
                            &link.pair.matches,
                        );
                        let built = (&scorer.space, &forms, evidence);
                        build_alignment(&documents, &places, built, link, config)
                    })
                    .collect::<Vec<Alignment>>()
            },
            || claim_groups(&scored, &document_of),
        );
        stats.timings.candidates_and_score = clock.elapsed().as_secs_f64();

        let clock = Instant::now();
        let claims: Vec<Claim> = groups
            .into_par_iter()
            .enumerate()
            .map(|(id, group)| Claim {
                id,
                sentences: group
                    .iter()
                    .map(|&u| sentence_ref(&documents, units[u]))
                    .collect(),
            })
            .collect();
        let unmatched = units
            .par_iter()
            .zip(&linked)
            .filter(|(_, linked)| !**linked)
            .map(|(&u, _)| sentence_ref(&documents, u))
            .collect::<Vec<_>>();
        stats.timings.claims = clock.elapsed().as_secs_f64();

        let clock = Instant::now();
        let views = if config.diff_and_framing {
            // The differences take every thread; then the lexicon, counted
            // on one thread, runs beside the views that do not read them,
            // each its own task, so that neither thread idles long.
            crate::diff::fill_differences(&documents, &mut alignments);
            let (lexicon, (distinctive, (coverage, certainty))) = rayon::join(
                || crate::framing::lexicon::build(&documents, &alignments),
                || {
                    rayon::join(
                        || distinctive_words(&documents, &DistinctiveConfig::default()),
                        || {
                            rayon::join(
                                || coverage(&documents, &claims, &unmatched),
                                || crate::framing::certainty::profile(&documents, &claims),
                            )
                        },
                    )
                },
            );
            FramingViews {
                distinctive,
                coverage,
                lexicon,
                certainty,
            }
        } else {
            FramingViews::default()
        };
        stats.timings.diff_and_framing = clock.elapsed().as_secs_f64();

        stats.sentences = units.len();
        stats.candidate_pairs = counts.proposed;
        stats.scored_pairs = counts.scored;
        stats.alignments = alignments.len();
        stats.claims = claims.len();
        let comparison = Comparison {
            documents,
            alignments,
            claims,
            unmatched,
            distinctive: views.distinctive,
            coverage: views.coverage,
            lexicon: views.lexicon,
            certainty: views.certainty,
        };
        (comparison, stats)
    }

    /// The document with this id.
    ///
    /// ```
    /// use framediff::{Comparison, Document};
    /// let cmp = Comparison::new(vec![Document::new("a", "")], &Default::default()).unwrap();
    /// assert!(cmp.document("a").is_some());
    /// assert!(cmp.document("b").is_none());
    /// ```
    pub fn document(&self, id: &str) -> Option<&AnalyzedDocument> {
        self.documents.iter().find(|d| d.document.id == id)
    }
}

/// The corpus-level views of a comparison, empty when
/// [`AlignConfig::diff_and_framing`] is off.
#[derive(Default)]
struct FramingViews {
    distinctive: Vec<OutletWords>,
    coverage: Coverage,
    lexicon: crate::framing::lexicon::Lexicon,
    certainty: Vec<crate::framing::certainty::ClaimCertainty>,
}

/// Title and body sentences with at least one content term, in input order.
fn alignable_units(documents: &[AnalyzedDocument]) -> Vec<Unit> {
    let mut outlets: HashMap<&str, usize> = HashMap::new();
    let mut units = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        let key = doc.document.outlet.as_deref().unwrap_or(&doc.document.id);
        let day = doc.document.day();
        let next = outlets.len();
        let outlet = *outlets.entry(key).or_insert(next);
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if sentence.sentence.kind.is_content() {
                units.push(Unit {
                    doc: d,
                    sentence: s,
                    outlet,
                    day,
                    title: sentence.sentence.kind == crate::segment::SentenceKind::Title,
                });
            }
        }
    }
    units
}

/// The languages present, each once.
fn corpus_languages(documents: &[AnalyzedDocument]) -> Vec<Language> {
    let mut languages: Vec<Language> = documents.iter().map(|d| d.language).collect();
    languages.sort();
    languages.dedup();
    languages
}

fn sentence_ref(documents: &[AnalyzedDocument], unit: Unit) -> SentenceRef {
    SentenceRef {
        doc: documents[unit.doc].document.id.clone(),
        sentence: documents[unit.doc].sentences[unit.sentence].sentence.index,
    }
}

/// Each unit's document and sentence number, read once in unit order: an
/// alignment built from them reads one small array, not a unit, its
/// document and its sentence from three places of memory per side.
fn sentence_places(documents: &[AnalyzedDocument], units: &[Unit]) -> Vec<(usize, usize)> {
    units
        .iter()
        .map(|u| (u.doc, documents[u.doc].sentences[u.sentence].sentence.index))
        .collect()
}

fn build_alignment(
    documents: &[AnalyzedDocument],
    places: &[(usize, usize)],
    (space, forms, evidence): (&VectorSpace, &FirstPieces, PairEvidence),
    link: &Link,
    config: &AlignConfig,
) -> Alignment {
    let (score, pair) = (link.score, &link.pair);
    let side = |side: &[usize]| Side {
        doc: documents[places[side[0]].0].document.id.clone(),
        sentences: side.iter().map(|&u| places[u].1).collect(),
    };
    let (relation, contains) = if pair.a_in_b.min(pair.b_in_a) >= config.same_threshold {
        (Relation::Same, None)
    } else if pair.a_in_b >= pair.b_in_a {
        (Relation::Partial, Some(SideName::B))
    } else {
        (Relation::Partial, Some(SideName::A))
    };
    let total: f32 = pair.matches.iter().map(|m| m.2 * m.4 * m.5).sum();
    let vocabulary = space.vocabulary();
    let matched_terms = pair
        .matches
        .iter()
        .map(
            |&(term_a, term_b, similarity, relation, wa, wb)| TermMatch {
                a: forms.form(&link.a, term_a, vocabulary),
                b: forms.form(&link.b, term_b, vocabulary),
                relation,
                similarity,
                contribution: if total > 0.0 {
                    similarity * wa * wb / total
                } else {
                    0.0
                },
            },
        )
        .collect();
    Alignment {
        a: side(&link.a),
        b: side(&link.b),
        score,
        relation,
        contains,
        cosine: pair.cosine,
        shared: pair.shared,
        a_in_b: pair.a_in_b,
        b_in_a: pair.b_in_a,
        matched_terms,
        evidence,
        link_probability: config.link_model.map(|model| model.probability(&evidence)),
        differences: Vec::new(),
        differences_cut_short: false,
    }
}
