//! Interned terms and what the corpus says about each.

use serde::{Deserialize, Serialize};

use rayon::prelude::*;

use super::{Phrases, content_terms};
use crate::analyze::{CompactString, Token};
use crate::fasthash::FastMap;

/// A term's id in its [`Vocabulary`].
pub type TermId = u32;

/// What the vocabulary knows of one term.
///
/// ```
/// use framediff::analyze::Analyzer;
/// use framediff::vectorize::VectorSpace;
///
/// let a = Analyzer::new(framediff::lang::Language::French);
/// let s = [a.analyze("Selon Peskov, Damas résiste."), a.analyze("Le porte-parole Peskov le dit.")];
/// let space = VectorSpace::build(s.iter().map(|t| t.as_slice()));
/// let peskov = space.vocabulary().info(space.vocabulary().id("peskov").unwrap());
/// assert_eq!((peskov.df, peskov.form.as_str()), (2, "peskov"));
/// assert!(peskov.is_name());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermInfo {
    /// The stem (the interned key).
    pub stem: String,
    /// The smallest (in byte order) normalised form seen, for display and
    /// spelling comparison; the first one seen would depend on the order of
    /// the documents.
    pub form: String,
    /// In how many sentences the term occurs.
    pub df: u32,
    /// Whether the term is a number.
    pub is_number: bool,
    /// Occurrences written with a capital, not first in their sentence.
    pub capitalised: u32,
    /// Occurrences written in lower case, not first in their sentence.
    pub lower: u32,
}

impl TermInfo {
    /// Whether the corpus writes the term as a name: more often with a
    /// capital than without, where a capital is not required.
    ///
    /// ```
    /// let mut info = framediff::vectorize::TermInfo {
    ///     stem: "alep".into(), form: "alep".into(), df: 1, is_number: false,
    ///     capitalised: 2, lower: 0,
    /// };
    /// assert!(info.is_name());
    /// info.lower = 3;
    /// assert!(!info.is_name());
    /// ```
    pub fn is_name(&self) -> bool {
        !self.is_number && self.capitalised > self.lower
    }
}

/// Interned stems: each distinct stem gets a dense [`TermId`].
///
/// ```
/// let vocabulary = framediff::vectorize::Vocabulary::default();
/// assert!(vocabulary.is_empty());
/// assert_eq!(vocabulary.id("alep"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Stems held inside the table (up to 24 bytes): a lookup compares
    /// its key without a second cache miss to follow a pointer, and the
    /// forms of every piece of every linked sentence are looked up here.
    ids: FastMap<CompactString, TermId>,
    terms: Vec<TermInfo>,
}

impl Vocabulary {
    /// The id of a stem, if the vocabulary has it.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::Vocabulary::default().id("x"), None);
    /// ```
    pub fn id(&self, stem: &str) -> Option<TermId> {
        self.ids.get(stem).copied()
    }

    /// What the vocabulary knows of a term.
    ///
    /// # Panics
    /// When `id` is not an id of this vocabulary.
    ///
    /// ```
    /// # use framediff::analyze::Analyzer;
    /// # let a = Analyzer::new(framediff::lang::Language::French);
    /// # let s = [a.analyze("Alep")];
    /// let space = framediff::vectorize::VectorSpace::build(s.iter().map(|t| t.as_slice()));
    /// assert_eq!(space.vocabulary().info(0).stem, "alep");
    /// ```
    pub fn info(&self, id: TermId) -> &TermInfo {
        &self.terms[id as usize]
    }

    /// All terms, in id order.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::Vocabulary::default().iter().count(), 0);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &TermInfo> {
        self.terms.iter()
    }

    /// The number of distinct terms.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::Vocabulary::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the vocabulary is empty.
    ///
    /// ```
    /// assert!(framediff::vectorize::Vocabulary::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Interns the content terms of every sentence; returns, per sentence,
    /// each distinct term with its count, sorted by id. Ids are given in
    /// order of first occurrence, sentence after sentence, as one pass over
    /// the sentences would give them; the work is done in blocks of
    /// sentences on all threads and the blocks merged in order, so that the
    /// one serial step reads each block's distinct terms, not every
    /// occurrence.
    pub(crate) fn intern_sentences(
        sentences: &[&[Token]],
        phrases: &Phrases,
    ) -> (Vocabulary, Vec<Vec<(TermId, u32)>>) {
        Vocabulary::intern_in_blocks(sentences, phrases, SENTENCES_PER_BLOCK)
    }

    /// [`Vocabulary::intern_sentences`] with blocks of `block_len`
    /// sentences: the result is the same whatever `block_len`.
    fn intern_in_blocks<'a>(
        sentences: &[&'a [Token]],
        phrases: &'a Phrases,
        block_len: usize,
    ) -> (Vocabulary, Vec<Vec<(TermId, u32)>>) {
        let blocks: Vec<Block<'a>> = sentences
            .par_chunks(block_len)
            .map(|block| Block::intern(block, phrases))
            .collect();
        let mut vocabulary = Vocabulary::default();
        let global_ids: Vec<Vec<TermId>> =
            blocks.iter().map(|block| vocabulary.merge(block)).collect();
        let counts = blocks
            .into_par_iter()
            .zip(global_ids)
            .flat_map_iter(|(block, global)| {
                block.counts.into_iter().map(move |mut counts| {
                    for (id, _) in &mut counts {
                        *id = global[*id as usize];
                    }
                    counts.sort_unstable_by_key(|&(id, _)| id);
                    counts
                })
            })
            .collect();
        (vocabulary, counts)
    }

    /// Adds a block's terms, new ones in the block's order; returns the
    /// global id of each of the block's ids.
    fn merge(&mut self, block: &Block<'_>) -> Vec<TermId> {
        block
            .terms
            .iter()
            .map(|term| {
                if let Some(&id) = self.ids.get(term.stem) {
                    let info = &mut self.terms[id as usize];
                    if term.form < info.form.as_str() {
                        info.form = term.form.to_string();
                    }
                    info.df += term.df;
                    info.capitalised += term.capitalised;
                    info.lower += term.lower;
                    return id;
                }
                let id = self.terms.len() as TermId;
                self.ids.insert(CompactString::new(term.stem), id);
                self.terms.push(TermInfo {
                    stem: term.stem.to_string(),
                    form: term.form.to_string(),
                    df: term.df,
                    is_number: term.is_number,
                    capitalised: term.capitalised,
                    lower: term.lower,
                });
                id
            })
            .collect()
    }
}

/// Sentences interned together on one thread: enough that a block's
/// distinct terms are far fewer than its occurrences (the merge reads
/// each once), few enough that the blocks share the work between threads.
const SENTENCES_PER_BLOCK: usize = 4096;

/// A block of sentences interned on its own, with ids local to the block
/// in order of first occurrence.
struct Block<'a> {
    terms: Vec<BlockTerm<'a>>,
    /// Per sentence, each distinct local id with its count.
    counts: Vec<Vec<(TermId, u32)>>,
}

/// What a block says of one term; summed over blocks, it is the term's
/// [`TermInfo`].
struct BlockTerm<'a> {
    stem: &'a str,
    /// The smallest normalised form seen in the block.
    form: &'a str,
    /// Whether the block's first occurrence is a number.
    is_number: bool,
    df: u32,
    capitalised: u32,
    lower: u32,
}

impl<'a> Block<'a> {
    fn intern(sentences: &[&'a [Token]], phrases: &'a Phrases) -> Block<'a> {
        let mut ids: FastMap<&'a str, TermId> = FastMap::default();
        let mut terms: Vec<BlockTerm<'a>> = Vec::new();
        let mut counts = Vec::with_capacity(sentences.len());
        let mut sentence_ids: Vec<TermId> = Vec::new();
        for tokens in sentences {
            sentence_ids.clear();
            for term in content_terms(tokens, phrases) {
                let id = *ids.entry(term.stem).or_insert_with(|| {
                    terms.push(BlockTerm {
                        stem: term.stem,
                        form: term.form,
                        is_number: term.is_number,
                        df: 0,
                        capitalised: 0,
                        lower: 0,
                    });
                    (terms.len() - 1) as TermId
                });
                let info = &mut terms[id as usize];
                if term.form < info.form {
                    info.form = term.form;
                }
                if !term.initial {
                    if term.capitalised {
                        info.capitalised += 1;
                    } else {
                        info.lower += 1;
                    }
                }
                sentence_ids.push(id);
            }
            sentence_ids.sort_unstable();
            let sentence_counts: Vec<(TermId, u32)> = sentence_ids
                .chunk_by(|a, b| a == b)
                .map(|run| (run[0], run.len() as u32))
                .collect();
            for &(id, _) in &sentence_counts {
                terms[id as usize].df += 1;
            }
            counts.push(sentence_counts);
        }
        Block { terms, counts }
    }
}

#[cfg(test)]
mod tests {
    use super::Vocabulary;
    use crate::analyze::{Analyzer, Token};
    use crate::lang::Language;

    #[test]
    fn blocks_give_the_ids_and_counts_of_one_pass() {
        let analyzer = Analyzer::new(Language::French);
        let texts = [
            "Les gilets jaunes bloquent Paris.",
            "À Paris, les Gilets jaunes manifestent encore.",
            "1 000 manifestants, selon la police ; 2 000 selon les gilets jaunes.",
            "",
            "La police de Paris compte 1 000 manifestants.",
            "Macron répond aux gilets jaunes, Macron cède.",
            "Les manifestants bloquent les ronds-points.",
        ];
        let tokens: Vec<Vec<Token>> = texts.iter().map(|t| analyzer.analyze(t)).collect();
        let sentences: Vec<&[Token]> = tokens.iter().map(Vec::as_slice).collect();
        let (one_pass, one_pass_counts) =
            Vocabulary::intern_in_blocks(&sentences, &Default::default(), sentences.len());
        assert_eq!(one_pass.info(0).stem, "gilet");
        assert!(one_pass.len() > 10);
        for block_len in 1..sentences.len() {
            let (blocks, counts) =
                Vocabulary::intern_in_blocks(&sentences, &Default::default(), block_len);
            assert_eq!(counts, one_pass_counts, "blocks of {block_len}");
            assert!(blocks.iter().eq(one_pass.iter()), "blocks of {block_len}");
            for info in one_pass.iter() {
                assert_eq!(blocks.id(&info.stem), one_pass.id(&info.stem));
            }
        }
    }
}
