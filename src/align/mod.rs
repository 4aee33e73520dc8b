//! Alignment: which sentences of different outlets carry the same claim.
//!
//! Outlets reorder, split and merge sentences, so framediff does not align
//! monotonically. Like the text-reuse tools (passim, TextPAIR), it finds
//! cheap candidates from shared terms in an inverted index, then scores
//! the candidates carefully:
//!
//! - terms are matched one to one, exact stems first, then spelling
//!   variants ("Bashar"/"Bachar") and concept synonyms
//!   ("frappes"/"bombardement", "rebelles"/"insurgés") at a lower similarity
//!   (see [`crate::vectorize`]);
//! - the score blends the soft cosine of the two TF-IDF vectors with the
//!   asymmetric containment of the better-covered side, since most shared
//!   claims are partial: a headline's whole claim is one clause of a longer
//!   sentence elsewhere;
//! - a pair must share at least [`AlignConfig::min_matched_terms`] terms,
//!   one of them not a name: sentences that only share a name or a topic
//!   are not linked;
//! - a [`LinkModel`] weighs the score with more evidence (the terms each
//!   article writes once, where the two sentences stand in their
//!   articles) to decide which pairs link: see [`PairEvidence`].
//!
//! Every [`Alignment`] lists the terms that matched and what each
//! contributed, and says whether the two sentences say the same thing or
//! one says more ([`Relation`]).

mod candidates;
mod claims;
mod counterpart;
mod evidence;
mod model;
mod roles;
mod score;
mod scorer;
mod side_matches;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use claims::{Claim, SentenceRef, group_claims};
pub use counterpart::Counterpart;
pub use evidence::PairEvidence;
pub use model::{EVIDENCE_NAMES, LinkModel};
pub use score::TermMatch;

#[cfg(test)]
pub(crate) use candidates::brute_force_pairs;
#[cfg(test)]
pub(crate) use candidates::candidate_pairs;
pub(crate) use candidates::{Index, Unit};
pub(crate) use evidence::{ArticleContext, ModelGate};
pub(crate) use roles::{Role, term_roles};
pub(crate) use score::{Match, PairScore, ScoreScratch, SideBound, score_pair};
pub(crate) use scorer::{FirstSide, PREFETCH_FAR, PREFETCH_NEAR, Scorer, may_reach};
pub(crate) use side_matches::SideMatches;

/// Every threshold of alignment, with defaults chosen on data (see each
/// field, and the README's "Measured" section).
///
/// ```
/// use framediff::align::AlignConfig;
///
/// // The score alone decides, from 0.5 up.
/// let strict = AlignConfig { threshold: 0.5, link_model: None, ..AlignConfig::default() };
/// assert!(strict.validate().is_ok());
/// assert!(AlignConfig { threshold: 1.5, ..AlignConfig::default() }.validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignConfig {
    /// Without a [`link_model`](AlignConfig::link_model), the score a pair
    /// needs to link on its own, in [0, 1]. Up: fewer, surer links
    /// (precision); down: more links, more of them wrong (recall). With
    /// one, the model decides the links of the first pass, and this is the
    /// top of the ranges of the corroborated and phrase links below.
    pub threshold: f32,
    /// Decides which pairs link on their own, from more evidence than the
    /// score: see [`LinkModel`] (on by default; `None` for the threshold
    /// alone). Left out each in turn from the fit, the seventeen annotated
    /// sets score link F1 0.541 on average with the model, 0.519 with the
    /// threshold alone; the dev gold, never in the fit, 0.698 against
    /// 0.678 (docs/alignment.md, *The link model*).
    pub link_model: Option<LinkModel>,
    /// A pair the first pass did not link (without a link model: scoring
    /// below `threshold`; with one: refused by it, at any score) but
    /// scoring at least this still links when
    /// both its sentences link, in the first pass (the link model, or
    /// `threshold` without one), to one sentence of a third
    /// document: a third outlet corroborates that they carry its claim.
    /// Partial claims inside long sentences score low on their own, and
    /// three outlets reporting one statement is the common case. Down: more
    /// such links; at or above `threshold`: off. The pair must still pass
    /// every other guard of a link. On the dev gold, link F1 goes from 0.577
    /// to 0.606, and on links of the two other seeds from 0.25 to 0.33; it
    /// stays within 0.03 of that for any value from 0.14 to 0.18.
    ///
    /// From the same score up, two sentences also link when they share a
    /// run of words verbatim holding three content words (a quote, a line
    /// of wire copy), whether or not the index proposed them; at or above
    /// `threshold` this is off too. On the gilets jaunes story, link F1
    /// 0.533 to 0.557; from 0.10 up instead, the English stories lose 0.004.
    /// One sentence printed twice (a quoted run, and nearly all of each
    /// other's terms: a line of wire copy, a quotation) links from the
    /// same score without the claim guard: it is a claim by itself, even
    /// one without an event word.
    pub corroborated_threshold: f32,
    /// Two sentences of two articles that already share three links (two
    /// tellings of one story) link from this score up when they share a
    /// phrase of two content words verbatim, and the words between
    /// ("heures supplémentaires", "big game trophy", "axes autoroutiers"),
    /// that at most 20 sentences of the input hold (more, and it is a set
    /// phrase of the story: "gilets jaunes"), each article in one sentence
    /// only (written twice, "forces gouvernementales" is one of its
    /// story's set phrases too), and whose two words do not
    /// both hold a capital (a name, "Emmanuel Macron", which weighs more
    /// in the score already; or two words of a headline in title case) and
    /// one of them anchors a claim (an event word or a figure: "président
    /// syrien" or "la semaine dernière" say what the story is about). A
    /// phrase is weaker evidence than a quoted run of three content words,
    /// which links from `corroborated_threshold`; a pair with both links
    /// from the lower. At `threshold` or above: off. The pair must pass
    /// every other guard of a link.
    ///
    /// Over the six annotated sets it was chosen on, mean link F1 0.471 →
    /// 0.494, no set lower: the other seeds' links 0.360 → 0.413, the
    /// gilets story 0.569 → 0.592, the first French held-out story 0.379 →
    /// 0.426. From 0.16 to 0.20 the mean stays within 0.003 (0.16 costs
    /// the dev gold a link); at 0.22 half the gain is gone. On the two
    /// stories annotated afterwards it moves F1 by 0.000 (English) and
    /// +0.003 (French): it carries, but little. On 1,500 articles of a
    /// corpus it adds 146 links to 109,035, about half of them right.
    /// With the link model, asking each article to write the phrase once
    /// took the mean over the dev gold and the sixteen stories from 0.541
    /// to 0.546 (each set scored with a model fitted without it), and the
    /// dev gold from 0.698 to 0.712.
    pub phrase_threshold: f32,
    /// How much more of a sentence's weight (its containment, in [0, 1])
    /// two adjacent sentences of another document must cover together than
    /// the better one alone, for the link to take both as its side: one
    /// outlet split into two sentences what the other says in one. Up: only
    /// clear splits; 1: never.
    pub split_gain: f32,
    /// The containment both sides need for the relation to be
    /// [`Relation::Same`] rather than [`Relation::Partial`].
    pub same_threshold: f32,
    /// The weight of containment against the soft cosine in the score, in
    /// [0, 1]. Up: a short sentence inside a long one scores high (partial
    /// claims); down: only sentences of similar extent score high.
    pub containment_weight: f32,
    /// Jaro-Winkler similarity from which two spellings are variants of one
    /// word. Down: more variants, and more false ones ("contre"/"contrôle").
    pub variant_similarity: f32,
    /// The similarity given to two words of the same concept (0 turns
    /// concept matching off).
    pub synonym_similarity: f32,
    /// The factor on the weight of names and numbers, the anchors of a
    /// claim (1 for plain TF-IDF). Up: sentences that share names link on
    /// them, whatever else they say; down: names count as other words do.
    /// At 2 the seeds score best (dev gold 0.661, seeds 003/004 0.413;
    /// 0.655 and 0.340 at 1.5). At 1.5 each of the eight annotated sets
    /// that are not seeds scores as well as or better than at 2 (mean
    /// 0.514 → 0.526; 1 gives 0.527 but costs the seeds more), as do
    /// pooled AllSides headlines and STS-B. Over all ten sets the mean
    /// barely moves (0.519 → 0.520). See the README's "Measured" section.
    pub anchor_boost: f32,
    /// How many distinct terms two sentences must share.
    pub min_matched_terms: usize,
    /// The information two sentences must share (about the summed inverse
    /// frequency of their matched terms, see [`Alignment::shared`]). Up:
    /// only pairs sharing several rare terms link; down: pairs sharing one
    /// or two common words link too. Off (0) by default: inverse
    /// frequencies grow with the corpus, so a fixed level that suits a
    /// thousand sentences blocks every link between two.
    pub min_shared: f32,
    /// A term in more than this share of all sentences generates no
    /// candidates (it still counts in the score). Applies only from 1,000
    /// sentences up, where such terms make candidate lists explode.
    pub max_term_share: f32,
    /// A term in more than this many sentences generates no candidates
    /// either (it still counts in the score), whatever the corpus size;
    /// applies from 1,000 sentences up, like `max_term_share`. The cost of
    /// candidate search grows with the square of the longest lists indexed:
    /// on the 116,000 sentences of a season of French press, lists of up
    /// to 5,800 sentences (5 %) cost 670 million visits, lists of up to 500
    /// cost 59 million (see the README's "Speed" section).
    pub max_term_postings: usize,
    /// At most this many links per sentence and other document, the best
    /// ones (those of the first pass first, the likeliest by the link
    /// model when there is one and the highest-scoring otherwise; then the
    /// corroborated, quoted and phrase links by score): a guard against
    /// corpora of near-duplicates. A headline or a
    /// lead that sums up a story links to every sentence of another
    /// article that reports one of its parts ("Democrats urge Trump to
    /// cancel the summit" and each senator's call): at 5, link F1 on the
    /// English BASIL annotation (`tests/fixtures/basil-en.json`) is 0.52,
    /// from 10 up 0.56; on 1,000 articles of the gilets corpus, 10 keeps
    /// 0.2 % more links than 5.
    pub max_links_per_document: usize,
    /// At most this many links per sentence in all, the best ones (top-k).
    /// In a corpus of thousands of articles a wire story reprinted by every
    /// outlet would otherwise link each of its sentences to hundreds of
    /// others, and the output would grow with the square of the reprints.
    /// See the README's "Speed" section for the data behind the default.
    ///
    /// The cap costs recall when one story is read inside a season: on the
    /// 5,045 articles of the gilets jaunes corpus, the eight annotated
    /// stories keep link F1 0.333 on average (0.548 compared alone), as
    /// other days' accounts fill each sentence's places; at 64, 0.439,
    /// with 2.5 times the links. The places go to the likeliest links by
    /// the link model (ranked by score, 0.316 and 0.428).
    /// Raise it, with [`AlignConfig::date_window`], to study stories inside
    /// a corpus (`examples/in_corpus.rs`).
    pub max_links_per_sentence: usize,
    /// The fewest links two documents must share for any of them to be
    /// kept: pairs of their sentences that pass the first pass (the link
    /// model, or the threshold without one) and the
    /// claim guard, counted before the caps (so that a sentence's cap does
    /// not make two articles of one story look unrelated). The links of
    /// documents that share fewer go before the caps, and take no
    /// sentence's place; their corroborated and quoted links, which count
    /// for none, go with them. 1, the default, lets one link stand alone:
    /// among the articles of one story, two that share one claim are of
    /// that story (over the eighteen annotated sets, one pair of articles
    /// shares a single link, and it is right).
    ///
    /// In a pool of many stories, two articles of different stories share
    /// a single link now and then (two AllSides articles that share only
    /// "President Biden" and "world"), and two of one story share several.
    /// At 2, the 1,407 AllSides articles pooled in one run make 7,162 links
    /// within events (6,873 at 1: the places the other links took are
    /// free) and 14,978 across them (22,921); on the season of gilets
    /// jaunes press, the annotated stories' link F1 rises by 0.05 on
    /// average, with 185,963 links in all instead of 363,498 (with
    /// `date_window` at 1 and 64 links a sentence, it does not rise: see
    /// the README's "Measured" section). Set it to 2 for a corpus of many
    /// stories (`corpus --min-document-links 2`).
    ///
    /// ```
    /// use framediff::{Comparison, Config, Document, align::AlignConfig};
    /// let docs = vec![
    ///     Document::new("a", "Les rebelles ont pris Alep lundi. Il pleuvait.").with_outlet("A"),
    ///     Document::new("b", "Les rebelles ont pris Alep lundi. Le froid revient.").with_outlet("B"),
    /// ];
    /// let one = Comparison::new(docs.clone(), &Config::default())?;
    /// assert_eq!(one.alignments.len(), 1);
    /// let config = Config {
    ///     align: AlignConfig { min_document_links: 2, ..AlignConfig::default() },
    ///     ..Config::default()
    /// };
    /// assert!(Comparison::new(docs, &config)?.alignments.is_empty());
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub min_document_links: usize,
    /// Whether two documents of the same outlet may align.
    pub same_outlet: bool,
    /// When set, two documents both carrying a readable date
    /// ([`crate::Document::day`]) align only when at most this many days
    /// apart; undated documents align with every date. Off by default.
    pub date_window: Option<u32>,
    /// Whether [`crate::Comparison`] computes each alignment's word
    /// [`Alignment::differences`] and the framing views built on the
    /// alignments (distinctive words, coverage, lexicon, certainty). On by
    /// default. Off, those are left empty and a corpus run takes its
    /// alignment stages only: on a season of French press the differences
    /// and views cost several times the alignment itself (see the README's
    /// "Speed" section). The differences of a few alignments can still be
    /// computed afterwards with [`crate::diff::Differ`].
    ///
    /// ```
    /// use framediff::{Comparison, Config, Document, align::AlignConfig};
    /// let config = Config {
    ///     align: AlignConfig { diff_and_framing: false, ..AlignConfig::default() },
    ///     ..Config::default()
    /// };
    /// let docs = vec![
    ///     Document::new("rt", "Les terroristes ont attaqué Alep lundi.").with_outlet("RT"),
    ///     Document::new("afp", "Les rebelles ont attaqué Alep lundi.").with_outlet("AFP"),
    /// ];
    /// let cmp = Comparison::new(docs, &config)?;
    /// assert_eq!(cmp.alignments.len(), 1);
    /// assert!(cmp.alignments[0].differences.is_empty());
    /// assert!(cmp.lexicon.overall.is_empty() && cmp.distinctive.is_empty());
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub diff_and_framing: bool,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig {
            threshold: 0.24,
            link_model: Some(LinkModel::default()),
            corroborated_threshold: 0.16,
            phrase_threshold: 0.2,
            split_gain: 0.2,
            same_threshold: 0.55,
            containment_weight: 0.5,
            variant_similarity: 0.9,
            synonym_similarity: 0.7,
            anchor_boost: 1.5,
            min_matched_terms: 2,
            min_shared: 0.0,
            max_term_share: 0.05,
            max_term_postings: 200,
            max_links_per_document: 10,
            max_links_per_sentence: 16,
            min_document_links: 1,
            same_outlet: false,
            date_window: None,
            diff_and_framing: true,
        }
    }
}

impl AlignConfig {
    /// Checks every field is in its range.
    ///
    /// ```
    /// let bad = framediff::align::AlignConfig { synonym_similarity: -1.0, ..Default::default() };
    /// assert!(bad.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        let unit = [
            ("threshold", self.threshold),
            ("corroborated_threshold", self.corroborated_threshold),
            ("phrase_threshold", self.phrase_threshold),
            ("split_gain", self.split_gain),
            ("same_threshold", self.same_threshold),
            ("containment_weight", self.containment_weight),
            ("variant_similarity", self.variant_similarity),
            ("synonym_similarity", self.synonym_similarity),
            ("max_term_share", self.max_term_share),
        ];
        let model = self.link_model.unwrap_or_default();
        let unit = unit.into_iter().chain(
            self.link_model
                .map(|m| [("link_model.floor", m.floor)])
                .into_iter()
                .flatten(),
        );
        if self.link_model.is_some()
            && !(model.min_probability > 0.0 && model.min_probability < 1.0)
        {
            return Err(Error::InvalidConfig {
                field: "link_model.min_probability",
                reason: "must be in (0, 1)".into(),
            });
        }
        if !model.bias.is_finite() || model.weights.iter().any(|w| !w.is_finite()) {
            return Err(Error::InvalidConfig {
                field: "link_model.weights",
                reason: "must be finite".into(),
            });
        }
        for (field, value) in unit {
            if !(0.0..=1.0).contains(&value) {
                return Err(Error::InvalidConfig {
                    field,
                    reason: format!("{value} is not in [0, 1]"),
                });
            }
        }
        if !(self.min_shared.is_finite() && self.min_shared >= 0.0) {
            return Err(Error::InvalidConfig {
                field: "min_shared",
                reason: format!("{} is not a finite number of at least 0", self.min_shared),
            });
        }
        if !(self.anchor_boost.is_finite() && self.anchor_boost >= 1.0) {
            return Err(Error::InvalidConfig {
                field: "anchor_boost",
                reason: format!("{} is not a finite number of at least 1", self.anchor_boost),
            });
        }
        if self.max_links_per_document == 0 {
            return Err(Error::InvalidConfig {
                field: "max_links_per_document",
                reason: "must be at least 1".into(),
            });
        }
        if self.max_term_postings == 0 {
            return Err(Error::InvalidConfig {
                field: "max_term_postings",
                reason: "must be at least 1".into(),
            });
        }
        if self.max_links_per_sentence == 0 {
            return Err(Error::InvalidConfig {
                field: "max_links_per_sentence",
                reason: "must be at least 1".into(),
            });
        }
        if self.min_document_links == 0 {
            return Err(Error::InvalidConfig {
                field: "min_document_links",
                reason: "must be at least 1".into(),
            });
        }
        Ok(())
    }

    /// Where the range of corroborated links ends: at the threshold, which
    /// decides the first pass without a link model; with one, nowhere, as
    /// the model may refuse a pair at any score.
    pub(crate) fn corroboration_top(&self) -> f32 {
        if self.link_model.is_some() {
            f32::INFINITY
        } else {
            self.threshold
        }
    }

    /// The lowest score the first pass looks at: the link model's floor,
    /// or the threshold without one.
    pub(crate) fn first_pass_floor(&self) -> f32 {
        self.link_model.map_or(self.threshold, |model| model.floor)
    }

    /// The score of a pair under this configuration, in [0, 1].
    pub(crate) fn combine(&self, pair: &PairScore) -> f32 {
        let w = self.containment_weight;
        ((1.0 - w) * pair.cosine + w * pair.containment()).clamp(0.0, 1.0)
    }
}

/// How the claims of two aligned sentences relate.
///
/// ```
/// use framediff::align::Relation;
/// assert_eq!(serde_json::to_string(&Relation::Partial).unwrap(), "\"partial\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Both sentences carry essentially the same claim.
    Same,
    /// They share a claim and one says more.
    Partial,
}

/// `same` or `partial`, as JSON writes it.
///
/// ```
/// assert_eq!(framediff::align::Relation::Partial.to_string(), "partial");
/// ```
impl std::fmt::Display for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Relation::Same => "same",
            Relation::Partial => "partial",
        })
    }
}

/// Which side of an alignment.
///
/// ```
/// assert_eq!(serde_json::to_string(&framediff::align::SideName::A).unwrap(), "\"a\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SideName {
    /// The first side.
    A,
    /// The second side.
    B,
}

/// One side of an alignment: a document and its sentences there.
///
/// ```
/// let side = framediff::align::Side { doc: "001".into(), sentences: vec![14] };
/// assert_eq!(serde_json::to_value(&side).unwrap()["doc"], "001");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Side {
    /// The document id.
    pub doc: String,
    /// Sentence indices in that document (usually one).
    pub sentences: Vec<usize>,
}

/// Two sentences of different documents that carry a shared claim.
///
/// ```
/// use framediff::{Comparison, Document};
///
/// let docs = vec![
///     Document::new("a", "Des avions russes ont bombardé Alep lundi."),
///     Document::new("b", "Lundi, l'aviation russe a frappé Alep."),
/// ];
/// let cmp = Comparison::new(docs, &Default::default()).unwrap();
/// let link = &cmp.alignments[0];
/// assert_eq!((link.a.doc.as_str(), link.b.doc.as_str()), ("a", "b"));
/// assert!(link.matched_terms.iter().any(|m| m.a == "alep"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The first side (of the document that comes first in the input): one
    /// sentence, or two where the outlet split the claim.
    pub a: Side,
    /// The second side.
    pub b: Side,
    /// How strongly they share a claim, in [0, 1].
    pub score: f32,
    /// Same claim, or a shared claim with more on one side.
    pub relation: Relation,
    /// For a partial relation, the side that says more (contains the other).
    pub contains: Option<SideName>,
    /// Soft cosine of the two sentence vectors, in [0, 1].
    pub cosine: f32,
    /// The information the two sentences share: about the summed inverse
    /// frequency (IDF) of the matched terms, each weighted by its similarity.
    pub shared: f32,
    /// How much of a's content b covers, in [0, 1].
    pub a_in_b: f32,
    /// How much of b's content a covers, in [0, 1].
    pub b_in_a: f32,
    /// The terms that matched, strongest first.
    pub matched_terms: Vec<TermMatch>,
    /// What the link model weighs: the measures, the terms unique to the
    /// two sentences in their articles, where they stand.
    #[serde(default)]
    pub evidence: PairEvidence,
    /// The link model's probability that the two carry one claim (see
    /// [`LinkModel::contributions`] for its parts); `None` without a model.
    /// A link below the model's minimum came in another way: corroborated
    /// by a third outlet, or a shared quote or phrase; or its side of two
    /// sentences was joined after the first pass, and the joined pair is
    /// weighed here (with the place of its first sentence).
    #[serde(default)]
    pub link_probability: Option<f32>,
    /// How the two sides word their shared claim differently, in side a's
    /// order.
    #[serde(default)]
    pub differences: Vec<crate::diff::Difference>,
    /// Whether the word diff hit its time limit on this pair (very long
    /// sentences): the differences listed are then a coarser cut.
    #[serde(default)]
    pub differences_cut_short: bool,
}
