//! Words shared verbatim. Outlets copy wire copy and quote the same
//! statement word for word; a run of three content words and the words
//! between them, identical in two sentences, is as good a sign that they
//! carry one claim as any score (passim and TextPAIR find text reuse from
//! such shared n-grams). Such pairs link from the corroborated threshold up.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::analyze::{Token, TokenKind};
use crate::fasthash::FastHasher;

/// How many content words a shared run needs.
const RUN_CONTENT_WORDS: usize = 3;

/// Buffers [`runs_into`] reuses from sentence to sentence.
#[derive(Default)]
pub(super) struct RunScratch {
    /// The hash of each word's normalised form.
    words: Vec<u64>,
    /// Where the content words are among the words.
    content: Vec<usize>,
}

/// A hash of every run of words of a sentence that starts and ends with a
/// content word and holds `RUN_CONTENT_WORDS` of them, sorted, in `hashes`
/// (cleared first). Each word is hashed once, and a run's hash is made of
/// its words' hashes: a word is in up to a dozen runs.
fn runs_into(tokens: &[Token], scratch: &mut RunScratch, hashes: &mut Vec<u64>) {
    let RunScratch { words, content } = scratch;
    words.clear();
    content.clear();
    for token in tokens {
        if matches!(token.kind, TokenKind::Word | TokenKind::Number) {
            if token.is_content() {
                content.push(words.len());
            }
            let mut hasher = FastHasher::default();
            token.normalized.hash(&mut hasher);
            words.push(hasher.finish());
        }
    }
    hashes.clear();
    hashes.extend(content.windows(RUN_CONTENT_WORDS).map(|window| {
        let mut hasher = FastHasher::default();
        for &word in &words[window[0]..=window[RUN_CONTENT_WORDS - 1]] {
            hasher.write_u64(word);
        }
        hasher.finish()
    }));
    hashes.sort_unstable();
    hashes.dedup();
}

/// Every sentence's runs (see [`runs`]) as (run, sentence), sorted.
pub(super) fn postings(sentences: &[&[Token]]) -> Vec<(u64, u32)> {
    let per_block: Vec<Vec<(u64, u32)>> = sentences
        .par_chunks(SENTENCES_PER_BLOCK)
        .enumerate()
        .map_init(
            || (RunScratch::default(), Vec::new()),
            |(scratch, hashes), (block, tokens)| {
                let mut postings = Vec::new();
                for (i, tokens) in tokens.iter().enumerate() {
                    let unit = (block * SENTENCES_PER_BLOCK + i) as u32;
                    runs_into(tokens, scratch, hashes);
                    postings.extend(hashes.iter().map(|&h| (h, unit)));
                }
                postings
            },
        )
        .collect();
    let mut postings = per_block.concat();
    postings.par_sort_unstable();
    postings
}

/// Sentences per parallel task of [`postings`].
const SENTENCES_PER_BLOCK: usize = 1024;

/// The pairs of sentences (g < h) that share a run and that `open`
/// accepts, sorted. A run shared by more than `max_postings` sentences is a
/// formula, not a quote.
pub(super) fn sharing_runs(
    postings: &[(u64, u32)],
    max_postings: usize,
    open: impl Fn(usize, usize) -> bool + Sync,
) -> Vec<(usize, usize)> {
    let lists: Vec<&[(u64, u32)]> = postings
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|list| list.len() > 1 && list.len() <= max_postings)
        .collect();
    let mut pairs: Vec<(usize, usize)> = lists
        .par_iter()
        .flat_map_iter(|list| {
            let open = &open;
            (0..list.len()).flat_map(move |i| {
                list[i + 1..]
                    .iter()
                    .map(move |other| (list[i].1 as usize, other.1 as usize))
                    .filter(move |&(g, h)| open(g, h))
            })
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::lang::Language;

    fn runs_of(text: &str) -> Vec<u64> {
        let tokens = Analyzer::new(Language::French).analyze(text);
        let mut hashes = Vec::new();
        runs_into(&tokens, &mut RunScratch::default(), &mut hashes);
        hashes
    }

    #[test]
    fn a_quote_shares_its_runs_whatever_surrounds_it() {
        let a =
            runs_of("« Le cap que nous avons fixé, il est bon », a martelé le premier ministre.");
        let b = runs_of("Il a assuré : « le cap que nous avons fixé, il est bon ».");
        assert!(a.iter().any(|h| b.binary_search(h).is_ok()));
        // The same words in another order share no run.
        let c = runs_of("Il est bon, le cap fixé que nous avons.");
        assert!(!a.iter().any(|h| c.binary_search(h).is_ok()));
    }

    #[test]
    fn fewer_than_three_content_words_make_no_run() {
        assert!(runs_of("Il a cap et bon.").is_empty());
    }
}
