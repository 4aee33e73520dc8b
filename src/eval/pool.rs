//! Scores between any two of a set of sentences, for measures that compare
//! every sentence with many others (same-event retrieval, separation).

use std::sync::OnceLock;

use crate::align::{AlignConfig, Scorer};
use crate::analyze::{Analyzer, Token};
use crate::lang::Language;
use crate::vectorize::VectorSpace;

/// A set of sentences analysed once, with term frequencies over them all,
/// that gives framediff's pair score and the notebook baseline's cosine
/// for any two of them.
///
/// ```
/// use framediff::eval::SentencePool;
/// use framediff::lang::Language;
///
/// let pool = SentencePool::new(
///     &["Rebels took Aleppo on Sunday.", "Insurgents seized Aleppo.", "It rained in Paris."],
///     Language::English,
///     &Default::default(),
/// );
/// assert_eq!(pool.len(), 3);
/// assert!(pool.score(0, 1) > pool.score(0, 2));
/// assert!(pool.baseline(0, 1) > pool.baseline(0, 2));
/// assert_eq!(pool.score(0, 7), None);
/// ```
pub struct SentencePool {
    tokens: Vec<Vec<Token>>,
    language: Language,
    config: AlignConfig,
    // Each score's terms are built at its first use: a caller often wants
    // only one of them.
    scorer: OnceLock<Scorer>,
    plain: OnceLock<VectorSpace>,
}

impl std::fmt::Debug for SentencePool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentencePool")
            .field("sentences", &self.len())
            .finish_non_exhaustive()
    }
}

impl SentencePool {
    /// Analyses `sentences` in `language`; each score builds its terms at
    /// its first use.
    ///
    /// ```
    /// let pool = framediff::eval::SentencePool::new(&[] as &[&str], framediff::lang::Language::French, &Default::default());
    /// assert!(pool.is_empty());
    /// ```
    pub fn new<S: AsRef<str>>(
        sentences: &[S],
        language: Language,
        config: &AlignConfig,
    ) -> SentencePool {
        let analyzer = Analyzer::new(language);
        SentencePool {
            tokens: sentences
                .iter()
                .map(|s| analyzer.analyze(s.as_ref()))
                .collect(),
            language,
            config: config.clone(),
            scorer: OnceLock::new(),
            plain: OnceLock::new(),
        }
    }

    /// framediff's score of sentences `a` and `b` (by their place in the
    /// input), in [0, 1]; `None` when either is out of range.
    ///
    /// ```
    /// use framediff::eval::SentencePool;
    /// let pool = SentencePool::new(&["Alep est tombée."], framediff::lang::Language::French, &Default::default());
    /// assert!((pool.score(0, 0).unwrap() - 1.0).abs() < 1e-6);
    /// ```
    pub fn score(&self, a: usize, b: usize) -> Option<f32> {
        self.in_range(a, b).then(|| {
            let scorer = self
                .scorer
                .get_or_init(|| Scorer::build(self.sentences(), &[self.language], &self.config));
            scorer.score(a, b, &self.config).0
        })
    }

    /// The baseline's score of sentences `a` and `b`: TF-IDF cosine over
    /// stemmed content words; `None` when either is out of range.
    ///
    /// ```
    /// use framediff::eval::SentencePool;
    /// let pool = SentencePool::new(&["Alep est tombée.", "Pluie à Paris."], framediff::lang::Language::French, &Default::default());
    /// assert_eq!(pool.baseline(0, 1), Some(0.0));
    /// ```
    pub fn baseline(&self, a: usize, b: usize) -> Option<f32> {
        self.in_range(a, b).then(|| {
            let plain = self
                .plain
                .get_or_init(|| VectorSpace::build(self.sentences()));
            plain.vector(a).cosine(plain.vector(b))
        })
    }

    /// The number of sentences.
    ///
    /// ```
    /// let pool = framediff::eval::SentencePool::new(&["Un.", "Deux."], framediff::lang::Language::French, &Default::default());
    /// assert_eq!(pool.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the pool holds no sentence.
    ///
    /// ```
    /// let pool = framediff::eval::SentencePool::new(&["Un."], framediff::lang::Language::French, &Default::default());
    /// assert!(!pool.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn sentences(&self) -> impl Iterator<Item = &[Token]> {
        self.tokens.iter().map(Vec::as_slice)
    }

    fn in_range(&self, a: usize, b: usize) -> bool {
        a < self.len() && b < self.len()
    }
}
