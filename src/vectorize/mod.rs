//! Vectorising: sentences become sparse TF-IDF vectors over interned stems.
//!
//! Only content tokens count (words that are not stop words, and numbers);
//! the pieces of a hyphenated compound count one by one, so "Bachar
//! al-Assad" and "Bashar Assad" share "assad". Weights are TF-IDF with
//! sublinear term frequency (`1 + ln tf`) and smoothed inverse sentence
//! frequency (`ln((1 + n) / (1 + df)) + 1`, n = number of sentences), and
//! every vector is L2-normalised. Nothing is dense: a vector holds only the
//! terms of its sentence, sorted by term id.
//!
//! ```
//! use framediff::analyze::Analyzer;
//! use framediff::lang::Language;
//! use framediff::vectorize::VectorSpace;
//!
//! let analyzer = Analyzer::new(Language::French);
//! let sentences = [
//!     analyzer.analyze("Les rebelles ont pris Alep."),
//!     analyzer.analyze("Alep est tombée aux mains des rebelles."),
//! ];
//! let space = VectorSpace::build(sentences.iter().map(|t| t.as_slice()));
//! let alep = space.vocabulary().id("alep").unwrap();
//! assert!(space.vector(0).weight(alep) > 0.0);
//! let norm: f32 = space.vector(1).terms().iter().map(|&(_, w)| w * w).sum();
//! assert!((norm - 1.0).abs() < 1e-5);
//! ```

mod concepts;
mod figures;
mod phrases;
mod soft;
mod vocabulary;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analyze::{Token, TokenKind};

pub use concepts::Concepts;
pub use phrases::Phrases;
pub(crate) use phrases::written_form;
pub(crate) use soft::one_word_spelled_two_ways;
pub use soft::{TermLinks, TermRelation};
pub use vocabulary::{TermId, TermInfo, Vocabulary};

/// A sentence as a sparse, L2-normalised TF-IDF vector.
///
/// ```
/// use framediff::vectorize::SentenceVector;
/// let v = SentenceVector::from_weights(vec![(3, 3.0), (1, 4.0)]);
/// assert_eq!(v.terms(), &[(1, 0.8), (3, 0.6)]);
/// assert_eq!(v.weight(3), 0.6);
/// assert_eq!(v.weight(2), 0.0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SentenceVector {
    terms: Vec<(TermId, f32)>,
    norm: f32,
}

impl SentenceVector {
    /// A vector from raw weights: summed per term, sorted, L2-normalised.
    ///
    /// ```
    /// let v = framediff::vectorize::SentenceVector::from_weights(vec![]);
    /// assert!(v.is_empty());
    /// ```
    pub fn from_weights(mut weights: Vec<(TermId, f32)>) -> SentenceVector {
        weights.sort_unstable_by_key(|&(id, _)| id);
        let mut terms: Vec<(TermId, f32)> = Vec::with_capacity(weights.len());
        for (id, w) in weights {
            match terms.last_mut() {
                Some((last, sum)) if *last == id => *sum += w,
                _ => terms.push((id, w)),
            }
        }
        let norm = terms.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut terms {
                *w /= norm;
            }
        }
        terms.retain(|&(_, w)| w > 0.0);
        SentenceVector { terms, norm }
    }

    /// The (term, weight) pairs, sorted by term id.
    ///
    /// ```
    /// let v = framediff::vectorize::SentenceVector::from_weights(vec![(7, 1.0)]);
    /// assert_eq!(v.terms(), &[(7, 1.0)]);
    /// ```
    pub fn terms(&self) -> &[(TermId, f32)] {
        &self.terms
    }

    /// The weight of one term (0 when absent).
    ///
    /// ```
    /// let v = framediff::vectorize::SentenceVector::from_weights(vec![(7, 2.0)]);
    /// assert_eq!(v.weight(7), 1.0);
    /// ```
    pub fn weight(&self, term: TermId) -> f32 {
        self.terms
            .binary_search_by_key(&term, |&(id, _)| id)
            .map_or(0.0, |i| self.terms[i].1)
    }

    /// The L2 norm of the raw weights: `weight(t) * norm()` is term t's raw
    /// TF-IDF weight.
    ///
    /// ```
    /// let v = framediff::vectorize::SentenceVector::from_weights(vec![(1, 3.0), (2, 4.0)]);
    /// assert_eq!(v.norm(), 5.0);
    /// ```
    pub fn norm(&self) -> f32 {
        self.norm
    }

    /// Whether the sentence has no content term.
    ///
    /// ```
    /// assert!(framediff::vectorize::SentenceVector::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The vector of two sentences read as one: their raw weights summed
    /// per term, normalised again. An outlet that splits a claim over two
    /// sentences is compared through it.
    ///
    /// ```
    /// use framediff::vectorize::SentenceVector;
    /// let a = SentenceVector::from_weights(vec![(1, 3.0)]);
    /// let b = SentenceVector::from_weights(vec![(2, 4.0)]);
    /// let joined = a.joined(&b);
    /// assert_eq!(joined.terms(), &[(1, 0.6), (2, 0.8)]);
    /// assert_eq!(joined.norm(), 5.0);
    /// ```
    pub fn joined(&self, other: &SentenceVector) -> SentenceVector {
        let raw = |v: &SentenceVector| {
            v.terms
                .iter()
                .map(|&(id, w)| (id, w * v.norm))
                .collect::<Vec<_>>()
        };
        let mut weights = raw(self);
        weights.extend(raw(other));
        SentenceVector::from_weights(weights)
    }

    /// The plain cosine with another vector (exact term matches only).
    ///
    /// ```
    /// use framediff::vectorize::SentenceVector;
    /// let a = SentenceVector::from_weights(vec![(1, 1.0), (2, 1.0)]);
    /// let b = SentenceVector::from_weights(vec![(2, 1.0)]);
    /// assert!((a.cosine(&b) - 0.70710677).abs() < 1e-6);
    /// ```
    pub fn cosine(&self, other: &SentenceVector) -> f32 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.terms.len() && j < other.terms.len() {
            let (a, wa) = self.terms[i];
            let (b, wb) = other.terms[j];
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += wa * wb;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot.min(1.0)
    }
}

/// One content term of a sentence, before interning: its stem, the form it
/// was written in, and what kind of term it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TermOccurrence<'a> {
    pub stem: &'a str,
    pub form: &'a str,
    pub is_number: bool,
    /// Written with a capital where a capital is not required (not the
    /// first word of its sentence).
    pub capitalised: bool,
    /// The first word of its sentence, or a word of a headline in title
    /// case: its capital says nothing.
    pub initial: bool,
}

/// The content terms of a sentence's tokens. Compounds count by their
/// pieces; one- and two-letter pieces ("al" in "al-Assad") are particles.
/// Each of `phrases` the sentence holds is one more term, after the terms
/// of its words.
pub(crate) fn content_terms<'a>(
    tokens: &'a [Token],
    phrases: &'a Phrases,
) -> Vec<TermOccurrence<'a>> {
    // Room for one term per token, the usual most, allocated once.
    let mut out = Vec::with_capacity(tokens.len());
    let first_word = tokens.iter().position(|t| t.kind == TokenKind::Word);
    let headline = is_headline_case(tokens);
    for (i, token) in tokens.iter().enumerate() {
        let initial = headline || Some(i) == first_word;
        token_terms(token, initial, phrases, &mut |term| out.push(term));
    }
    // A phrase of the lexicon is never a name, whatever its capitals: it
    // counts as a word written where a capital says nothing.
    phrases.find_phrases(tokens, |stem, form, _| {
        out.push(TermOccurrence {
            stem,
            form,
            is_number: false,
            capitalised: false,
            initial: true,
        });
    });
    out
}

/// Whether a sentence is a headline whose capitals say nothing of names:
/// three content words or more, all capitalised, and either a function
/// word past the first capitalised too (title case: "Democrats Say Trump
/// Should Cancel Meeting After Indictments") or no full stop at its end,
/// closing quotes aside (AP style: "Steele Criticized for Afghanistan
/// Remarks", "Is Macron Losing France?"). A sentence made of names ends
/// with its stop and keeps its function words in lower case ("It was
/// Putin and Trump in Helsinki.").
pub(crate) fn is_headline_case(tokens: &[Token]) -> bool {
    // One pass that stops at the first content word in lower case, as
    // nearly every sentence has one among its first words.
    let capitalised = |t: &Token| t.surface.starts_with(char::is_uppercase);
    let (mut content, mut capitalised_function_word) = (0, false);
    let words = tokens.iter().filter(|t| t.kind == TokenKind::Word);
    for (i, word) in words.enumerate() {
        if word.is_content() {
            if !capitalised(word) {
                return false;
            }
            content += 1;
        } else if i > 0 && word.stop && capitalised(word) {
            capitalised_function_word = true;
        }
    }
    // The stop may come before a closing quote or bracket; a question or
    // an exclamation ends headlines too ("Is Macron Losing France?").
    let stopped = tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.surface.as_str(), "”" | "»" | "\"" | "'" | "’" | ")" | "]"))
        .is_some_and(|t| t.surface == ".");
    content >= 3 && (capitalised_function_word || !stopped)
}

/// The content terms of one token, given to `term` in order (see
/// [`content_terms`]): none for a function word, its pieces for a
/// compound, the lexicon's key for a word the lexicon lists as written.
/// `initial`: the token opens its sentence or stands in a headline.
pub(crate) fn token_terms<'a>(
    token: &'a Token,
    initial: bool,
    phrases: &'a Phrases,
    term: &mut impl FnMut(TermOccurrence<'a>),
) {
    // A member the lexicon lists as written ("=employé", "PCF") stands in
    // for the word's stem, which another word shares ("emploi", "p"): one
    // term, not both, or the word would count twice.
    let written = |token: &'a Token| {
        let (stem, _) = phrases.word_term(token)?;
        Some(TermOccurrence {
            stem,
            ..occurrence(token, initial)
        })
    };
    if token.parts.is_empty() {
        if let Some(written) = written(token) {
            term(written);
        } else if token.is_content() {
            term(occurrence(token, initial));
        }
        return;
    }
    // A figure after a word it is glued to ("COVID-19", "F-35",
    // "Boeing-737") is part of a name, not a count: the whole compound
    // stands in for it, so that "19" meets no count of 19. A compound
    // that starts with its figure ("4-year-old", "11-Septembre") keeps it
    // as a figure: the count is its sense.
    let named = token
        .parts
        .first()
        .is_some_and(|p| p.kind == TokenKind::Word);
    let mut compound_added = false;
    for part in &token.parts {
        if named && part.kind == TokenKind::Number {
            if !compound_added {
                term(occurrence(token, initial));
                compound_added = true;
            }
            continue;
        }
        let particle = part.kind == TokenKind::Word && part.normalized.chars().count() <= 2;
        if let Some(written) = written(part) {
            term(written);
        } else if part.is_content() && !particle {
            term(occurrence(part, initial));
        }
    }
}

fn occurrence(token: &Token, initial: bool) -> TermOccurrence<'_> {
    TermOccurrence {
        stem: &token.stem,
        form: &token.normalized,
        is_number: token.kind == TokenKind::Number,
        capitalised: token.surface.starts_with(char::is_uppercase),
        initial,
    }
}

/// The vocabulary, inverse frequencies and vectors of a set of sentences.
///
/// ```
/// use framediff::analyze::Analyzer;
/// use framediff::vectorize::VectorSpace;
///
/// let a = Analyzer::new(framediff::lang::Language::English);
/// let sentences = [a.analyze("Rebels took Aleppo."), a.analyze("")];
/// let space = VectorSpace::build(sentences.iter().map(|t| t.as_slice()));
/// assert_eq!(space.len(), 2);
/// assert!(space.vector(1).is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct VectorSpace {
    vocabulary: Vocabulary,
    idf: Vec<f32>,
    vectors: Vec<SentenceVector>,
}

impl VectorSpace {
    /// Builds the space from each sentence's tokens, in order.
    ///
    /// ```
    /// let space = framediff::vectorize::VectorSpace::build(std::iter::empty());
    /// assert!(space.is_empty());
    /// ```
    pub fn build<'a>(sentences: impl IntoIterator<Item = &'a [Token]>) -> VectorSpace {
        VectorSpace::build_weighted(sentences, 1.0)
    }

    /// Builds the space with the weight of names and numbers multiplied by
    /// `anchor_boost`: they anchor a claim to its event ("Alep", "2015",
    /// "Peskov"), where common words only describe it.
    ///
    /// ```
    /// use framediff::analyze::Analyzer;
    /// use framediff::vectorize::VectorSpace;
    ///
    /// let a = Analyzer::new(framediff::lang::Language::French);
    /// let s = [a.analyze("La ville de Homs"), a.analyze("La ville de Hama")];
    /// let plain = VectorSpace::build(s.iter().map(|t| t.as_slice()));
    /// let boosted = VectorSpace::build_weighted(s.iter().map(|t| t.as_slice()), 2.0);
    /// let homs = plain.vocabulary().id("hom").unwrap();
    /// assert!(boosted.vector(0).weight(homs) > plain.vector(0).weight(homs));
    /// ```
    pub fn build_weighted<'a>(
        sentences: impl IntoIterator<Item = &'a [Token]>,
        anchor_boost: f32,
    ) -> VectorSpace {
        VectorSpace::build_with_phrases(sentences, anchor_boost, &Phrases::default())
    }

    /// [`VectorSpace::build_weighted`], where each phrase a sentence holds
    /// is one more term of it (see [`Phrases`]).
    ///
    /// ```
    /// use framediff::analyze::Analyzer;
    /// use framediff::lang::Language;
    /// use framediff::vectorize::{Concepts, VectorSpace};
    ///
    /// let a = Analyzer::new(Language::English);
    /// let concepts = Concepts::parse("resign: resign step_down", Language::English);
    /// let s = [a.analyze("He stepped down."), a.analyze("She steps down today.")];
    /// let space = VectorSpace::build_with_phrases(s.iter().map(|t| t.as_slice()), 1.0, concepts.phrases());
    /// let phrase = space.vocabulary().id("step down").unwrap();
    /// assert!(space.vector(0).weight(phrase) > 0.0);
    /// assert_eq!(space.vocabulary().info(phrase).df, 2);
    /// ```
    pub fn build_with_phrases<'a>(
        sentences: impl IntoIterator<Item = &'a [Token]>,
        anchor_boost: f32,
        phrases: &Phrases,
    ) -> VectorSpace {
        let sentences: Vec<&[Token]> = sentences.into_iter().collect();
        let (vocabulary, counts) = Vocabulary::intern_sentences(&sentences, phrases);
        let n = counts.len() as f32;
        let idf: Vec<f32> = vocabulary
            .iter()
            .map(|info| ((1.0 + n) / (1.0 + info.df as f32)).ln() + 1.0)
            .collect();
        let boost: Vec<f32> = vocabulary
            .iter()
            .map(|info| {
                if info.is_name() || info.is_number {
                    anchor_boost
                } else {
                    1.0
                }
            })
            .collect();
        let vectors = counts
            .into_par_iter()
            .map(|terms| {
                let weights = terms
                    .into_iter()
                    .map(|(id, tf)| {
                        let i = id as usize;
                        (id, (1.0 + (tf as f32).ln()) * idf[i] * boost[i])
                    })
                    .collect();
                SentenceVector::from_weights(weights)
            })
            .collect();
        VectorSpace {
            vocabulary,
            idf,
            vectors,
        }
    }

    /// The interned terms.
    ///
    /// ```
    /// let space = framediff::vectorize::VectorSpace::build(std::iter::empty());
    /// assert_eq!(space.vocabulary().len(), 0);
    /// ```
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The smoothed inverse sentence frequency of a term.
    ///
    /// ```
    /// use framediff::analyze::Analyzer;
    /// let a = Analyzer::new(framediff::lang::Language::French);
    /// let s = [a.analyze("Alep Homs"), a.analyze("Alep")];
    /// let space = framediff::vectorize::VectorSpace::build(s.iter().map(|t| t.as_slice()));
    /// let (alep, homs) = (space.vocabulary().id("alep").unwrap(), space.vocabulary().id("hom").unwrap());
    /// assert!(space.idf(homs) > space.idf(alep));
    /// ```
    pub fn idf(&self, term: TermId) -> f32 {
        self.idf[term as usize]
    }

    /// The vector of sentence `i` (in the order given to [`VectorSpace::build`]).
    ///
    /// # Panics
    /// When `i` is out of range.
    ///
    /// ```
    /// # let a = framediff::analyze::Analyzer::new(framediff::lang::Language::French);
    /// # let s = [a.analyze("Alep")];
    /// let space = framediff::vectorize::VectorSpace::build(s.iter().map(|t| t.as_slice()));
    /// assert_eq!(space.vector(0).terms().len(), 1);
    /// ```
    pub fn vector(&self, i: usize) -> &SentenceVector {
        &self.vectors[i]
    }

    /// All vectors, in sentence order.
    ///
    /// ```
    /// let space = framediff::vectorize::VectorSpace::build(std::iter::empty());
    /// assert!(space.vectors().is_empty());
    /// ```
    pub fn vectors(&self) -> &[SentenceVector] {
        &self.vectors
    }

    /// The number of sentences.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::VectorSpace::build(std::iter::empty()).len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// Whether the space holds no sentence.
    ///
    /// ```
    /// assert!(framediff::vectorize::VectorSpace::build(std::iter::empty()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::{content_terms, is_headline_case};
    use crate::analyze::Analyzer;
    use crate::lang::Language;

    fn headline_case(language: Language, text: &str) -> bool {
        is_headline_case(&Analyzer::new(language).analyze(text))
    }

    #[test]
    fn a_headline_capitalises_every_content_word_and_ends_without_a_stop() {
        let en = Language::English;
        // Title case: function words capitalised too.
        assert!(headline_case(
            en,
            "Democrats Say Trump Should Cancel Meeting After Indictments"
        ));
        assert!(headline_case(
            en,
            "Top Democrats Call On Trump To Cancel Putin Meeting"
        ));
        // AP style: function words in lower case, no full stop.
        assert!(headline_case(
            en,
            "Steele Criticized for Afghanistan Remarks"
        ));
        assert!(headline_case(en, "Is Macron Losing France?"));
        assert!(!headline_case(en, "“Trump, Putin and Merkel.”"));
        // Names in a sentence, which ends with its stop.
        assert!(!headline_case(en, "It was Putin and Trump in Helsinki."));
        assert!(!headline_case(en, "The Kremlin, Trump and Putin."));
        // Fewer than three content words, or one of them in lower case.
        assert!(!headline_case(en, "The Trump Of Helsinki"));
        assert!(!headline_case(
            en,
            "Democrats Say Trump Should cancel The Meeting"
        ));
        assert!(!headline_case(Language::French, ""));
    }

    /// The terms of `text` and whether each is a figure.
    fn terms(language: Language, text: &str) -> Vec<(String, bool)> {
        let tokens = Analyzer::new(language).analyze(text);
        content_terms(&tokens, &Default::default())
            .iter()
            .map(|t| (t.stem.to_string(), t.is_number))
            .collect()
    }

    #[test]
    fn an_acronym_is_met_in_a_compound_but_not_in_a_headline_in_capitals() {
        let terms = |language: Language, text: &str| {
            let concepts = crate::vectorize::Concepts::for_language(language);
            let tokens = Analyzer::new(language).analyze(text);
            content_terms(&tokens, concepts.phrases())
                .iter()
                .map(|t| t.stem.to_string())
                .collect::<Vec<_>>()
        };
        let fr = terms(Language::French, "Une liste anti-PCF et les communistes.");
        assert!(fr.contains(&"=PCF".to_string()), "{fr:?}");
        assert!(fr.contains(&"=communiste".to_string()), "{fr:?}");
        // "US" is read as the pronoun in a headline set in capitals.
        let en = terms(Language::English, "TRUMP TELLS US TO LEAVE");
        assert!(!en.iter().any(|t| t.starts_with('=')), "{en:?}");
        let en = terms(Language::English, "Trump told the US to leave.");
        assert!(en.contains(&"=U.S.".to_string()), "{en:?}");
    }

    #[test]
    fn a_figure_after_a_word_is_part_of_a_name_not_a_count() {
        let en = Language::English;
        let covid = terms(en, "COVID-19 cases");
        assert!(covid.contains(&("covid-19".into(), false)), "{covid:?}");
        assert!(!covid.iter().any(|(stem, _)| stem == "19"), "{covid:?}");
        // The word part still meets the word alone ("Covid cases").
        assert!(covid.contains(&("covid".into(), false)), "{covid:?}");
        // The same figure standing alone is a count.
        assert!(terms(en, "19 people").contains(&("19".into(), true)));
        assert_eq!(terms(en, "the F-35"), [("f-35".to_string(), false)]);
        // A compound that starts with its figure counts: "4-year-old" is
        // not "5-year-old".
        assert!(terms(en, "a 4-year-old").contains(&("4".into(), true)));
        let dates = terms(Language::French, "les attentats du 11-Septembre");
        assert!(dates.contains(&("11".into(), true)), "{dates:?}");
        // Figures joined to figures stay figures ("2018-2019").
        let years = terms(en, "the 2018-2019 season");
        assert!(years.contains(&("2018".into(), true)), "{years:?}");
    }
}
