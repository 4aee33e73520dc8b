//! The counting behind the lexicon, in numbers: terms and forms interned
//! once, outlets by rank, example pairs by alignment. A corpus has millions
//! of substitutions and most rows of its lexicon are seen once, so the
//! strings of a row are made only when the lexicon is written out.

use crate::align::Alignment;
use crate::analyze::Token;
use crate::diff::Category;
use crate::fasthash::FastMap;

/// How many example pairs an entry keeps.
pub(super) const EXAMPLES: usize = 3;

/// Word sequences (a term's stems, or its forms), each numbered once and
/// kept as its words joined by spaces.
#[derive(Default)]
pub(super) struct Interner {
    texts: Vec<String>,
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
        let id = self.texts.len() as u32;
        let words: Vec<&str> = tokens.iter().map(|t| part(t)).collect();
        self.texts.push(words.join(" "));
        self.earlier.push(head);
        self.heads.insert(hash, id);
        id
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
    pub entries: FastMap<(u32, u32, Category), Counted>,
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
        if counted.examples.len() < EXAMPLES
            && !counted
                .examples
                .iter()
                .any(|e| *e == example || e.sides(alignments) == example.sides(alignments))
        {
            counted.examples.push(example);
        }
    }
}

fn insert_sorted(set: &mut Vec<u32>, value: u32) {
    if let Err(at) = set.binary_search(&value) {
        set.insert(at, value);
    }
}
