//! Anchoring: the content words two sentences share, wherever they stand.
//!
//! Candidates come from indexes (same stem, same piece of a compound, same
//! concept), never from comparing every word with every other, except for
//! spelling variants within a budget; then a greedy one-to-one choice takes
//! the strongest relation first and, among equals, the pair whose relative
//! positions are closest.

use serde::{Deserialize, Serialize};
use strsim::{jaro_winkler, normalized_levenshtein};

use crate::analyze::{Token, TokenKind};
use crate::fasthash::FastMap;
use crate::vectorize::{Concepts, TermRelation, one_word_spelled_two_ways};

/// Two tokens, one per sentence, that say the same thing.
///
/// ```
/// use framediff::diff::Anchor;
/// use framediff::vectorize::TermRelation;
/// let anchor = Anchor { a: 0, b: 2, relation: TermRelation::Synonym };
/// assert_eq!(serde_json::to_value(anchor).unwrap()["relation"], "synonym");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// Token index in sentence a.
    pub a: usize,
    /// Token index in sentence b.
    pub b: usize,
    /// Same stem, spelling variant or synonym.
    pub relation: TermRelation,
}

/// Above this many pairs of unmatched content words, spelling variants are
/// not searched (the diff is then marked cut short).
pub(super) const VARIANT_BUDGET: usize = 40_000;
/// A stem or concept shared by more than this many pairs of tokens pairs
/// its occurrences in order instead of every one with every other.
const PAIRS_PER_KEY: usize = 64;

/// What anchoring found, and whether it gave up on part of the search.
pub(super) struct Anchoring {
    pub anchors: Vec<Anchor>,
    pub cut_short: bool,
}

/// What anchoring reads of one sentence, built once per sentence of a
/// corpus (a sentence is in eight alignments on average): its content
/// words under each key, and its words for the spelling-variant search.
#[derive(Debug, Clone)]
pub(super) struct Keys<'t> {
    stems: Keyed<&'t str>,
    concepts: Keyed<u32>,
    /// Each word with its length in characters and its [`letters`].
    words: Vec<(usize, usize, u64)>,
}

/// Positions under keys, sorted by key so that two sentences' shared keys
/// are found in one pass over both; each key's positions in the order the
/// index gave them.
#[derive(Debug, Clone)]
struct Keyed<K> {
    keys: Vec<(K, std::ops::Range<usize>)>,
    positions: Vec<usize>,
}

impl<K: Ord + Copy> Keyed<K> {
    fn new(index: FastMap<K, Vec<usize>>) -> Keyed<K> {
        let mut entries: Vec<(K, Vec<usize>)> = index.into_iter().collect();
        entries.sort_unstable_by_key(|&(key, _)| key);
        let mut positions = Vec::with_capacity(entries.iter().map(|(_, p)| p.len()).sum());
        let keys = entries
            .into_iter()
            .map(|(key, p)| {
                let start = positions.len();
                positions.extend(p);
                (key, start..positions.len())
            })
            .collect();
        Keyed { keys, positions }
    }

    /// Each key both hold, with its positions in each.
    fn shared<'s>(&'s self, other: &'s Keyed<K>, mut f: impl FnMut(&'s [usize], &'s [usize])) {
        let (mut i, mut j) = (0, 0);
        while let (Some((x, xs)), Some((y, ys))) = (self.keys.get(i), other.keys.get(j)) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    f(&self.positions[xs.clone()], &other.positions[ys.clone()]);
                    i += 1;
                    j += 1;
                }
            }
        }
    }
}

impl<'t> Keys<'t> {
    pub(super) fn new(tokens: &'t [Token], concepts: &Concepts) -> Keys<'t> {
        let words = (0..tokens.len())
            .filter(|&i| tokens[i].is_content() && tokens[i].kind == TokenKind::Word)
            .map(|i| {
                let folded = &tokens[i].folded;
                (i, folded.chars().count(), letters(folded))
            })
            .filter(|&(_, len, _)| len >= 4)
            .collect();
        Keys {
            stems: Keyed::new(index(tokens, keys)),
            concepts: Keyed::new(concept_index(tokens, concepts)),
            words,
        }
    }
}

pub(super) fn anchor(
    (a, keys_a): (&[Token], &Keys),
    (b, keys_b): (&[Token], &Keys),
    variant_similarity: f64,
) -> Anchoring {
    let mut candidates: Vec<(u8, u32, usize, usize)> = Vec::new();
    let position = |i: usize, j: usize| {
        let x = i as f64 / a.len().max(1) as f64 - j as f64 / b.len().max(1) as f64;
        (x.abs() * 1e6) as u32
    };
    let mut push = |strength: u8, xs: &[usize], ys: &[usize]| {
        if xs.len() * ys.len() <= PAIRS_PER_KEY {
            for &i in xs {
                for &j in ys {
                    candidates.push((strength, position(i, j), i, j));
                }
            }
        } else {
            for (&i, &j) in xs.iter().zip(ys) {
                candidates.push((strength, position(i, j), i, j));
            }
        }
    };
    // Candidates are sorted below, so the order keys are met in does not
    // matter.
    keys_a.stems.shared(&keys_b.stems, |xs, ys| push(3, xs, ys));
    keys_a
        .concepts
        .shared(&keys_b.concepts, |xs, ys| push(1, xs, ys));
    let (words_a, words_b) = (&keys_a.words, &keys_b.words);
    let cut_short = words_a.len() * words_b.len() > VARIANT_BUDGET;
    if !cut_short {
        for &(i, len_a, letters_a) in words_a {
            for &(j, len_b, letters_b) in words_b {
                if could_be_variant(len_a, len_b)
                    && could_be_spelled_alike((len_a, letters_a), (len_b, letters_b))
                    && a[i].stem != b[j].stem
                    && is_spelling_variant(&a[i], &b[j], variant_similarity)
                {
                    candidates.push((2, position(i, j), i, j));
                }
            }
        }
    }
    candidates
        .sort_by_key(|&(strength, distance, i, j)| (std::cmp::Reverse(strength), distance, i, j));
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut anchors = Vec::new();
    for (strength, _, i, j) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let relation = match strength {
            3 if a[i].stem == b[j].stem => TermRelation::Exact,
            3 | 2 => TermRelation::Variant,
            _ => TermRelation::Synonym,
        };
        anchors.push(Anchor {
            a: i,
            b: j,
            relation,
        });
    }
    anchors.sort_by_key(|x| (x.a, x.b));
    Anchoring { anchors, cut_short }
}

/// Where each concept stands in `tokens`: its single-word members, and
/// its phrases ("aux côtés de", "stepped down") at their first content
/// word, so that a phrase anchors to its concept's word in the other
/// sentence as the alignment matched them.
fn concept_index(tokens: &[Token], concepts: &Concepts) -> FastMap<u32, Vec<usize>> {
    let mut found = index(tokens, |t| concepts.of_stem(&t.stem).to_vec());
    concepts.phrases().find(tokens, |stem, _, words| {
        let Some(word) = words.iter().find(|w| w.is_content()) else {
            return;
        };
        // A phrase found among a compound's pieces stands at the compound.
        let at = tokens.partition_point(|t| t.end <= word.start);
        if !tokens.get(at).is_some_and(Token::is_content) {
            return;
        }
        for &concept in concepts.of_stem(stem) {
            let positions = found.entry(concept).or_default();
            if !positions.contains(&at) {
                positions.push(at);
            }
        }
    });
    found
}

/// The comparison keys of a content token: its stem, and for a compound
/// the stems of its pieces that are more than particles ("al").
fn keys(t: &Token) -> Vec<&str> {
    let mut keys = vec![t.stem.as_str()];
    keys.extend(
        t.parts
            .iter()
            .filter(|p| p.is_content() && p.normalized.chars().count() > 2)
            .map(|p| p.stem.as_str()),
    );
    keys
}

/// The positions of content tokens under each of their keys.
fn index<'t, K: std::hash::Hash + Eq>(
    tokens: &'t [Token],
    keys: impl Fn(&'t Token) -> Vec<K>,
) -> FastMap<K, Vec<usize>> {
    let mut index: FastMap<K, Vec<usize>> = FastMap::default();
    for (i, t) in tokens.iter().enumerate() {
        if t.is_content() {
            for key in keys(t) {
                let positions = index.entry(key).or_default();
                if positions.last() != Some(&i) {
                    positions.push(i);
                }
            }
        }
    }
    index
}

/// Two words that are one word spelled two ways: both names (capitalised)
/// or both common words, close in spelling, and, for common words, not
/// one word inflected or derived ("stabilité" / "stabiliser", "divers" /
/// "diverses" differ at the end, "jihadistes" / "djihadistes" do not), nor
/// a word and its opposite ("apolitique" / "politique").
fn is_spelling_variant(a: &Token, b: &Token, threshold: f64) -> bool {
    let capitalised = |t: &Token| t.surface.starts_with(char::is_uppercase);
    if capitalised(a) != capitalised(b)
        || !is_variant(&a.folded, &b.folded, threshold)
        || crate::lang::is_prefixed_word(&a.folded, &b.folded)
    {
        return false;
    }
    if capitalised(a) {
        return true;
    }
    let common = a
        .folded
        .chars()
        .zip(b.folded.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let shorter = a.folded.chars().count().min(b.folded.chars().count());
    // Words that part before their last three letters share seven tenths
    // of their start only from 14 letters up: below, two common words are
    // one word here only where their one edit is a known way of spelling
    // one word ("djihadistes"/"jihadistes", "organisation"/"organization";
    // not "indicted"/"vindicated", "débat"/"début" or
    // "président"/"résident").
    common + 3 < shorter && one_word_spelled_two_ways(&a.folded, &b.folded)
}

/// The lowest edit similarity [`is_variant`] accepts.
const MIN_EDIT_SIMILARITY: f64 = 0.75;

/// Whether words of these lengths (in characters) can pass [`is_variant`]:
/// their edit distance is at least the difference of their lengths, so
/// this bound on the edit similarity, computed as `strsim` computes the
/// similarity itself, rejects without comparing the words.
fn could_be_variant(len_a: usize, len_b: usize) -> bool {
    let longer = len_a.max(len_b) as f64;
    1.0 - len_a.abs_diff(len_b) as f64 / longer >= MIN_EDIT_SIMILARITY
}

/// The letters of a word, each as one bit of 64 (two letters may share
/// one).
fn letters(word: &str) -> u64 {
    word.chars()
        .fold(0, |set, c| set | 1 << (u32::from(c) % 64))
}

/// Whether words of these lengths and [`letters`] can pass [`is_variant`]:
/// each letter one word has and the other lacks must be replaced or
/// deleted, so the edit distance is at least the number of such letters
/// on either side (fewer where two letters share a bit), and this bound
/// on the edit similarity, computed as `strsim` computes the similarity
/// itself, rejects most pairs of different words without comparing them.
fn could_be_spelled_alike(
    (len_a, letters_a): (usize, u64),
    (len_b, letters_b): (usize, u64),
) -> bool {
    let lacking = (letters_a & !letters_b)
        .count_ones()
        .max((letters_b & !letters_a).count_ones());
    let longer = len_a.max(len_b) as f64;
    1.0 - f64::from(lacking) / longer >= MIN_EDIT_SIMILARITY
}

/// The same word spelled differently: close by Jaro-Winkler and by edit
/// distance (which rejects words that only share a long prefix).
/// Jaro-Winkler rewards a shared start, so a variant that differs in its
/// first letters ("djihadiste" / "jihadiste") also passes on a high edit
/// similarity alone. The edit distance comes first: it rejects most pairs,
/// and Jaro-Winkler is only computed for those it does not settle.
pub(super) fn is_variant(a: &str, b: &str, threshold: f64) -> bool {
    let edit = edit_similarity(a, b);
    edit >= 0.85 || (edit >= MIN_EDIT_SIMILARITY && jaro_winkler(a, b) >= threshold)
}

/// Words longer than this (in characters) are compared by `strsim` itself.
const SHORT_WORD: usize = 48;

/// `strsim`'s normalised Levenshtein similarity (1 - distance / longer
/// length, in characters) when it is at least [`MIN_EDIT_SIMILARITY`], and
/// some value below it otherwise: the distance table stops as soon as its
/// best cell rules the pair out, and lives on the stack.
fn edit_similarity(a: &str, b: &str) -> f64 {
    let mut xs = ['\0'; SHORT_WORD];
    let mut ys = ['\0'; SHORT_WORD];
    let (mut n, mut m) = (0, 0);
    for c in a.chars() {
        if n == SHORT_WORD {
            return normalized_levenshtein(a, b);
        }
        xs[n] = c;
        n += 1;
    }
    for c in b.chars() {
        if m == SHORT_WORD {
            return normalized_levenshtein(a, b);
        }
        ys[m] = c;
        m += 1;
    }
    let longer = n.max(m);
    if longer == 0 {
        return 1.0;
    }
    let similarity = |distance: usize| 1.0 - distance as f64 / longer as f64;
    // One row of the table: row[j] is the distance between the first i
    // characters of a and the first j of b.
    let mut row = [0usize; SHORT_WORD + 1];
    for (j, cell) in row.iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    for &x in &xs[..n] {
        let mut diagonal = row[0];
        row[0] += 1;
        let mut best = row[0];
        for j in 1..=m {
            let above = row[j];
            let cost = usize::from(x != ys[j - 1]);
            row[j] = (diagonal + cost).min(above + 1).min(row[j - 1] + 1);
            diagonal = above;
            best = best.min(row[j]);
        }
        // The distance is at least the best cell of any row.
        if similarity(best) < MIN_EDIT_SIMILARITY {
            return similarity(best);
        }
    }
    similarity(row[m])
}

#[cfg(test)]
mod tests {
    use super::{MIN_EDIT_SIMILARITY, could_be_spelled_alike, edit_similarity, letters};
    use proptest::prelude::*;
    use strsim::normalized_levenshtein;

    fn agrees(a: &str, b: &str) -> bool {
        let (ours, theirs) = (edit_similarity(a, b), normalized_levenshtein(a, b));
        if theirs >= MIN_EDIT_SIMILARITY {
            ours == theirs
        } else {
            ours < MIN_EDIT_SIMILARITY
        }
    }

    #[test]
    fn edit_similarity_is_strsims_where_it_matters() {
        let words = [
            "",
            "a",
            "djihadiste",
            "jihadiste",
            "bachar",
            "bashar",
            "stabilite",
            "stabiliser",
            "manifestants",
            "manifestations",
            "gilets",
            "gilet",
            "coeur",
            "cœur",
            "élysée",
            "elysee",
            &"x".repeat(60),
            &"x".repeat(59),
        ];
        for a in words {
            for b in words {
                assert!(agrees(a, b), "{a:?} / {b:?}");
            }
        }
    }

    /// Whether the letter bound lets through every pair whose edit
    /// similarity reaches the variants' lowest.
    fn bound_holds(a: &str, b: &str) -> bool {
        let side = |w: &str| (w.chars().count(), letters(w));
        normalized_levenshtein(a, b) < MIN_EDIT_SIMILARITY
            || could_be_spelled_alike(side(a), side(b))
    }

    proptest! {
        #[test]
        fn edit_similarity_agrees_on_any_short_words(a in "[abcé]{0,12}", b in "[abcé]{0,12}") {
            prop_assert!(agrees(&a, &b));
        }

        #[test]
        fn the_letter_bound_keeps_every_close_pair(
            a in "[a-eéœá]{1,14}",
            b in "[a-eéœá]{1,14}",
        ) {
            // "á" shares its bit with "a" (225 and 97 are 33 mod 64).
            prop_assert!(bound_holds(&a, &b));
        }
    }

    #[test]
    fn the_letter_bound_rejects_different_words() {
        let side = |w: &str| (w.chars().count(), letters(w));
        assert!(!could_be_spelled_alike(
            side("manifestants"),
            side("gouvernement")
        ));
        assert!(could_be_spelled_alike(
            side("djihadistes"),
            side("jihadistes")
        ));
        assert!(bound_holds("bachar", "bashar"));
    }
}
