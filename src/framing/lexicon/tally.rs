//! The counting behind the lexicon, in numbers: terms and forms interned
//! once, outlets by rank, example pairs by alignment. A corpus has millions
//! of substitutions and most rows of its lexicon are seen once, so the
//! strings of a row are made only when the lexicon is written out.

use crate::align::Alignment;
use crate::analyze::Token;
use crate::diff::Category;
use crate::fasthash::FastMap;
use std::collections::hash_map::Entry;

/// How many example pairs an entry keeps.
pub(super) const EXAMPLES: usize = 3;

/// Word sequences (a term's stems, or its forms), each numbered once and
/// kept as its words joined by spaces.
#[derive(Default)]
pub(super) struct Interner {
    texts: Vec<String>,
    /// Each number's hash, for [`Interner::merge`].
    hashes: Vec<u64>,
    /// The last number given to each hash, and for each number the one
    /// given before it to the same hash (`NONE` for the first).
    heads: FastMap<u64, u32>,
    earlier: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Interner {
    /// The number of the words `part` reads from `tokens`, joined by
    /// spaces; a new one when they were never seen.
    pub fn id(&mut self, tokens: &[&Token], part: fn(&Token) -> &str) -> u32 {
        let hash = fnv1a(tokens, part);
        let head = self.heads.get(&hash).copied().unwrap_or(NONE);
        let mut at = head;
        while at != NONE {
            if spells(&self.texts[at as usize], tokens, part) {
                return at;
            }
            at = self.earlier[at as usize];
        }
        let words: Vec<&str> = tokens.iter().map(|t| part(t)).collect();
        self.push(hash, head, words.join(" "))
    }

    fn push(&mut self, hash: u64, head: u32, text: String) -> u32 {
        let id = self.texts.len() as u32;
        self.texts.push(text);
        self.hashes.push(hash);
        self.earlier.push(head);
        self.heads.insert(hash, id);
        id
    }

    /// Numbers every word sequence of `other` here, in `other`'s order, as
    /// if its sequences had been met here after this one's: the number
    /// here of each of `other`'s numbers. (Two sequences are one when
    /// their hashes and their texts are.)
    pub fn merge(&mut self, other: Interner) -> Vec<u32> {
        let sequences = other.hashes.into_iter().zip(other.texts);
        sequences
            .map(|(hash, text)| {
                let head = self.heads.get(&hash).copied().unwrap_or(NONE);
                let mut at = head;
                while at != NONE {
                    if self.texts[at as usize] == text {
                        return at;
                    }
                    at = self.earlier[at as usize];
                }
                self.push(hash, head, text)
            })
            .collect()
    }

    /// For each number, the rank of its text in alphabetical (byte) order.
    pub fn ranks(&self) -> Vec<u32> {
        let mut by_text: Vec<u32> = (0..self.texts.len() as u32).collect();
        by_text.sort_unstable_by_key(|&id| self.texts[id as usize].as_str());
        let mut ranks = vec![0; self.texts.len()];
        for (rank, id) in by_text.into_iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        ranks
    }

    /// The words numbered `id`, joined by spaces.
    pub fn text(&self, id: u32) -> &str {
        &self.texts[id as usize]
    }
}

/// FNV-1a over the words, with a byte no UTF-8 text holds between them.
fn fnv1a(tokens: &[&Token], part: fn(&Token) -> &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for token in tokens {
        for &byte in part(token).as_bytes().iter().chain(&[0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Whether `text` is the words `part` reads from `tokens`, joined by spaces.
fn spells(text: &str, tokens: &[&Token], part: fn(&Token) -> &str) -> bool {
    let mut rest = text.as_bytes();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            let Some(after) = rest.strip_prefix(b" ") else {
                return false;
            };
            rest = after;
        }
        let Some(after) = rest.strip_prefix(part(token).as_bytes()) else {
            return false;
        };
        rest = after;
    }
    rest.is_empty()
}

/// An aligned pair where a substitution occurs: the alignment's position,
/// and whether its sides are read swapped (outlet b first by name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Example {
    pub link: u32,
    pub swap: bool,
    /// Which sentence of each side (in the link's order) holds the words:
    /// 0, or 1 for the second sentence of a side that joins two.
    pub at: (u8, u8),
}

impl Example {
    /// The (document, sentence) of each side, in the example's order.
    pub fn sides<'a>(&self, alignments: &'a [Alignment]) -> ((&'a str, usize), (&'a str, usize)) {
        let link = &alignments[self.link as usize];
        let side = |s: &'a crate::align::Side, at: u8| {
            let sentence = s.sentences.get(usize::from(at)).or(s.sentences.first());
            (s.doc.as_str(), sentence.copied().unwrap_or_default())
        };
        let (a, b) = (side(&link.a, self.at.0), side(&link.b, self.at.1));
        if self.swap { (b, a) } else { (a, b) }
    }
}

/// One side of a substitution: its term (stems), its form and its outlet,
/// by number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Written {
    pub term: u32,
    pub form: u32,
    pub outlet: u32,
}

/// One entry while counting.
pub(super) struct Counted {
    /// The forms first seen.
    pub forms: (u32, u32),
    pub count: usize,
    pub examples: Vec<Example>,
    /// The outlets on each side, by rank, sorted.
    pub outlets: (Vec<u32>, Vec<u32>),
}

/// Entries by (term a, term b, category).
#[derive(Default)]
pub(super) struct Tally {
    pub entries: FastMap<Key, Counted>,
}

impl Tally {
    /// Counts one substitution: each side's term and the outlet that
    /// writes it, and the pair where it occurs among the first examples.
    pub fn add(
        &mut self,
        (a, b): (Written, Written),
        category: Category,
        example: Example,
        alignments: &[Alignment],
    ) {
        let counted = self
            .entries
            .entry((a.term, b.term, category))
            .or_insert_with(|| Counted {
                forms: (a.form, b.form),
                count: 0,
                examples: Vec::new(),
                outlets: Default::default(),
            });
        counted.count += 1;
        insert_sorted(&mut counted.outlets.0, a.outlet);
        insert_sorted(&mut counted.outlets.1, b.outlet);
        counted.keep(example, alignments);
    }
}

/// An entry's key: (term a, term b, category).
pub(super) type Key = (u32, u32, Category);

impl Tally {
    /// The entries of tallies of consecutive blocks of alignments, in
    /// block order, each with its block's terms and forms renumbered by
    /// `numbers`, added up. Entries are spread over shards by their first
    /// term, each shard added up on its own: every entry's occurrences
    /// stay in one shard, in order.
    pub fn add_up(
        tallies: Vec<(usize, Tally)>,
        numbers: &[(Vec<u32>, Vec<u32>)],
        alignments: &[Alignment],
    ) -> Vec<(Key, Counted)> {
        use rayon::prelude::*;
        const SHARDS: usize = 16;
        let shard = |a: u32, terms: &[u32]| terms[a as usize] as usize % SHARDS;
        // Sized first: growing millions of entries page by page cost more
        // than reading the keys twice.
        let mut sizes = [0; SHARDS];
        for (block, tally) in &tallies {
            for &(a, _, _) in tally.entries.keys() {
                sizes[shard(a, &numbers[*block].0)] += 1;
            }
        }
        let mut shards: Vec<Vec<(Key, Counted)>> =
            sizes.iter().map(|&n| Vec::with_capacity(n)).collect();
        for (block, tally) in tallies {
            let (terms, forms) = &numbers[block];
            for ((a, b, category), mut counted) in tally.entries {
                let key = (terms[a as usize], terms[b as usize], category);
                counted.forms = (
                    forms[counted.forms.0 as usize],
                    forms[counted.forms.1 as usize],
                );
                shards[shard(a, terms)].push((key, counted));
            }
        }
        shards
            .into_par_iter()
            .map(|entries| {
                let mut sum: FastMap<Key, Counted> = FastMap::default();
                sum.reserve(entries.len());
                for (key, counted) in entries {
                    match sum.entry(key) {
                        Entry::Vacant(v) => {
                            v.insert(counted);
                        }
                        Entry::Occupied(mut o) => o.get_mut().absorb(counted, alignments),
                    }
                }
                sum.into_iter().collect::<Vec<_>>()
            })
            .flatten()
            .collect()
    }
}

impl Counted {
    /// Adds the counts of the same entry in later alignments. The entry
    /// keeps its first forms and examples: the later tally's first three
    /// examples, read after this one's, hold every example counting them
    /// one by one would have kept, since each of this one's can rule out
    /// at most one of them.
    fn absorb(&mut self, later: Counted, alignments: &[Alignment]) {
        self.count += later.count;
        for outlet in later.outlets.0 {
            insert_sorted(&mut self.outlets.0, outlet);
        }
        for outlet in later.outlets.1 {
            insert_sorted(&mut self.outlets.1, outlet);
        }
        for example in later.examples {
            self.keep(example, alignments);
        }
    }

    /// Keeps an example among the first, unless one of the same pair of
    /// sentences is there.
    fn keep(&mut self, example: Example, alignments: &[Alignment]) {
        if self.examples.len() < EXAMPLES
            && !self
                .examples
                .iter()
                .any(|e| *e == example || e.sides(alignments) == example.sides(alignments))
        {
            self.examples.push(example);
        }
    }
}

fn insert_sorted(set: &mut Vec<u32>, value: u32) {
    if let Err(at) = set.binary_search(&value) {
        set.insert(at, value);
    }
}
