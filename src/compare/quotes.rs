//! Words shared verbatim. Outlets copy wire copy and quote the same
//! statement word for word; a run of three content words and the words
//! between them, identical in two sentences, is as good a sign that they
//! carry one claim as any score (passim and TextPAIR find text reuse from
//! such shared n-grams). Such pairs link from the corroborated threshold up;
//! one sentence printed twice (a quoted run, and nearly all of each
//! other's terms) links without the claim guard, which asks for a shared
//! event word or figure.
//!
//! A phrase of two content words ("heures supplémentaires", "big game
//! trophy") is weaker evidence: it names the thing a claim is about, so
//! such pairs link from a higher score (`AlignConfig::phrase_threshold`),
//! only while few sentences hold the phrase and each article writes it
//! once, only when one of its words anchors a claim (an event word or a
//! figure), and never when it is a name ("Emmanuel Macron", "Safari Club":
//! names already weigh more in the score, and a name is a participant, not
//! a claim).

use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::analyze::{Token, TokenKind};
use crate::fasthash::FastHasher;

/// Which runs of words count: how many content words they hold, whether
/// a run of names counts, and whether the run must hold a word that
/// anchors a claim.
#[derive(Debug, Clone, Copy)]
struct RunShape {
    content_words: usize,
    names: bool,
    anchored: bool,
}

/// A quoted run: three content words and the words between.
const QUOTE: RunShape = RunShape {
    content_words: 3,
    names: true,
    anchored: false,
};

/// A shared phrase: two content words and the words between, not both
/// holding a capital (a name, "Emmanuel Macron"; or any two words of a
/// headline in title case), one of them a word that anchors a claim (an
/// event word or a figure, as the claim guard asks of a link): a phrase of
/// participants or of a time ("président syrien", "semaine dernière")
/// names what the story is about, not what one claim says.
const PHRASE: RunShape = RunShape {
    content_words: 2,
    names: false,
    anchored: true,
};

/// A phrase in more sentences than this is a set phrase of the story or of
/// the language ("gilets jaunes", "sexual harassment"), not the sign of one
/// claim. On the annotated sets, 10 loses the first French held-out
/// story's gain, and 40 or more adds wrong links in the gilets story; it
/// also keeps the pairs a phrase makes few in a large corpus. Nor is a
/// phrase one article writes in two sentences
/// ([`written_once_per_document`]).
pub(super) const PHRASE_MAX_SENTENCES: usize = 20;

/// Every sentence's quoted runs and shared phrases as (run, sentence),
/// each list sorted (and empty when not asked for).
pub(super) struct RunPostings {
    /// Quoted runs (see [`QUOTE`]).
    pub quotes: Vec<(u64, u32)>,
    /// Shared phrases (see [`PHRASE`]).
    pub phrases: Vec<(u64, u32)>,
}

/// The words of one sentence, read once for every shape of run; reused
/// from sentence to sentence.
#[derive(Default)]
struct RunScratch {
    /// The hash of each word's normalised form.
    words: Vec<u64>,
    /// Where the content words are among the words.
    content: Vec<usize>,
    /// Whether each content word holds a capital letter.
    capitalised: Vec<bool>,
    /// Whether each content word anchors a claim.
    anchoring: Vec<bool>,
}

impl RunScratch {
    /// Hashes the words of a sentence and notes where its content words
    /// are, and which of them `anchors` a claim.
    fn read(&mut self, tokens: &[Token], anchors: &impl Fn(&Token) -> bool) {
        self.words.clear();
        self.content.clear();
        self.capitalised.clear();
        self.anchoring.clear();
        for token in tokens {
            if matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                if token.is_content() {
                    self.content.push(self.words.len());
                    self.capitalised
                        .push(token.surface.chars().any(char::is_uppercase));
                    self.anchoring.push(anchors(token));
                }
                let mut hasher = FastHasher::default();
                token.normalized.hash(&mut hasher);
                self.words.push(hasher.finish());
            }
        }
    }

    /// A hash of every run of the sentence last read that starts and ends
    /// with a content word and has `shape`, sorted, in `hashes` (cleared
    /// first). A run's hash is made of its words' hashes.
    fn runs_into(&self, shape: RunShape, hashes: &mut Vec<u64>) {
        let n = shape.content_words;
        let runs = self
            .content
            .windows(n)
            .zip(self.capitalised.windows(n))
            .zip(self.anchoring.windows(n));
        let kept = runs.filter(|((_, capitals), anchoring)| {
            (shape.names || capitals.contains(&false))
                && (!shape.anchored || anchoring.contains(&true))
        });
        hashes.clear();
        hashes.extend(kept.map(|((window, _), _)| {
            let mut hasher = FastHasher::default();
            for &word in &self.words[window[0]..=window[n - 1]] {
                hasher.write_u64(word);
            }
            hasher.finish()
        }));
        hashes.sort_unstable();
        hashes.dedup();
    }
}

/// Every sentence's quoted runs (when `quotes`) and phrases (when
/// `phrases`), whose words anchor a claim where `anchors` says so.
pub(super) fn postings(
    sentences: &[&[Token]],
    quotes: bool,
    phrases: bool,
    anchors: impl Fn(&Token) -> bool + Sync,
) -> RunPostings {
    let shapes = [(QUOTE, quotes), (PHRASE, phrases)];
    let per_block: Vec<[Vec<(u64, u32)>; 2]> = sentences
        .par_chunks(SENTENCES_PER_BLOCK)
        .enumerate()
        .map_init(
            || (RunScratch::default(), Vec::new()),
            |(scratch, hashes), (block, tokens)| {
                let mut postings = [Vec::new(), Vec::new()];
                for (i, tokens) in tokens.iter().enumerate() {
                    let unit = (block * SENTENCES_PER_BLOCK + i) as u32;
                    // Only phrases ask whether a word anchors a claim.
                    scratch.read(tokens, &|token| phrases && anchors(token));
                    for ((shape, wanted), list) in shapes.iter().zip(&mut postings) {
                        if *wanted {
                            scratch.runs_into(*shape, hashes);
                            list.extend(hashes.iter().map(|&h| (h, unit)));
                        }
                    }
                }
                postings
            },
        )
        .collect();
    let (quotes, phrases): (Vec<_>, Vec<_>) = per_block
        .into_iter()
        .map(|[quotes, phrases]| (quotes, phrases))
        .unzip();
    let (mut quotes, mut phrases) = (quotes.concat(), phrases.concat());
    rayon::join(
        || quotes.par_sort_unstable(),
        || phrases.par_sort_unstable(),
    );
    RunPostings { quotes, phrases }
}

/// Sentences per parallel task of [`postings`].
const SENTENCES_PER_BLOCK: usize = 1024;

/// The postings of the runs in `max_postings` sentences or fewer, less
/// those of a document that holds the run in more than one sentence: a
/// phrase an article writes twice is a set phrase of its story
/// ("forces gouvernementales", "la semaine dernière"), not the sign of one
/// claim (see [`PHRASE_MAX_SENTENCES`]). `document` gives a sentence's
/// document; a document's sentences are numbered in a row.
pub(super) fn written_once_per_document(
    postings: &[(u64, u32)],
    max_postings: usize,
    document: impl Fn(u32) -> usize,
) -> Vec<(u64, u32)> {
    postings
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|list| list.len() <= max_postings)
        .flat_map(|list| list.chunk_by(|x, y| document(x.1) == document(y.1)))
        .filter(|in_one_document| in_one_document.len() == 1)
        .flatten()
        .copied()
        .collect()
}

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

    /// The runs of `shape` in `text`, every word taken as anchoring a claim.
    fn runs(text: &str, shape: RunShape) -> Vec<u64> {
        runs_anchored_by(text, shape, |_| true)
    }

    fn runs_anchored_by(text: &str, shape: RunShape, anchors: impl Fn(&Token) -> bool) -> Vec<u64> {
        let tokens = Analyzer::new(Language::French).analyze(text);
        let mut scratch = RunScratch::default();
        scratch.read(&tokens, &anchors);
        let mut hashes = Vec::new();
        scratch.runs_into(shape, &mut hashes);
        hashes
    }

    fn runs_of(text: &str) -> Vec<u64> {
        runs(text, QUOTE)
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

    #[test]
    fn a_phrase_needs_a_word_that_anchors_a_claim() {
        let participants = |t: &Token| !["président", "syrien"].contains(&t.normalized.as_str());
        let text = "Le président syrien.";
        assert!(!runs(text, PHRASE).is_empty());
        assert!(runs_anchored_by(text, PHRASE, participants).is_empty());
        // A quoted run needs no such word.
        let quote = "Le président syrien Bachar al-Assad.";
        assert_eq!(
            runs_anchored_by(quote, QUOTE, participants),
            runs(quote, QUOTE)
        );
    }

    #[test]
    fn a_run_one_document_writes_twice_is_left_to_the_others() {
        // Sentences 0-2 are document 0, 3-4 document 1, 5 document 2.
        let document = |x: u32| match x {
            0..=2 => 0,
            3..=4 => 1,
            _ => 2,
        };
        let postings = [(7, 0), (7, 3), (7, 4), (7, 5), (9, 1), (9, 3), (11, 2)];
        assert_eq!(
            written_once_per_document(&postings, 20, document),
            [(7, 0), (7, 5), (9, 1), (9, 3), (11, 2)]
        );
        // A run in more sentences than the cap is left out whole.
        assert_eq!(
            written_once_per_document(&postings, 3, document),
            [(9, 1), (9, 3), (11, 2)]
        );
    }

    #[test]
    fn two_content_words_make_a_phrase_across_function_words() {
        let phrase = |text| runs(text, PHRASE);
        let a = phrase("Les heures supplémentaires seront défiscalisées.");
        let b = phrase("Il annonce la défiscalisation des heures supplémentaires.");
        assert!(a.iter().any(|h| b.binary_search(h).is_ok()));
        let c = phrase("Le chef de l'État parle.");
        let d = phrase("Selon le chef de l'État, tout va bien.");
        assert!(c.iter().any(|h| d.binary_search(h).is_ok()));
        assert!(phrase("Il parle.").is_empty());
    }

    #[test]
    fn a_name_is_no_phrase_but_makes_quotes() {
        assert!(runs("Emmanuel Macron.", PHRASE).is_empty());
        assert_eq!(runs("emmanuel macron.", PHRASE).len(), 1);
        // Only "Macron parle", and "al-Assad parle": a capital inside a
        // compound is a capital.
        assert_eq!(runs("Emmanuel Macron parle.", PHRASE).len(), 1);
        assert_eq!(runs("Bachar al-Assad parle.", PHRASE).len(), 1);
        assert_eq!(runs("Emmanuel Macron parle.", QUOTE).len(), 1);
    }
}
