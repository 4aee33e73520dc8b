//! A deterministic corpus made from the bundled seeds, for tests and
//! benches that must run on a fresh machine: each article retells one seed
//! story with its sentences reordered, some dropped, some reworded, and now
//! and then a few sentences of another story mixed in.

use framediff::lang::Language;
use framediff::{AnalyzedDocument, Document};

/// SplitMix64: a few lines, good enough to vary a test corpus, and the same
/// on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent` %.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// The sentences of each bundled seed.
pub fn seed_sentences() -> Vec<Vec<String>> {
    framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("bundled seeds")
        .into_iter()
        .map(|d| {
            AnalyzedDocument::new(d, Language::French)
                .sentences
                .into_iter()
                .map(|s| s.text)
                .collect()
        })
        .collect()
}

/// `articles` articles from `outlets` outlets over five months, the same
/// for the same arguments.
pub fn corpus(articles: usize, outlets: usize, seed: u64) -> Vec<Document> {
    let stories = seed_sentences();
    let mut rng = Rng::new(seed);
    (0..articles)
        .map(|i| {
            let story = &stories[rng.below(stories.len())];
            let mut sentences: Vec<String> = Vec::new();
            for sentence in story {
                if !rng.chance(20) {
                    sentences.push(reword(sentence, &mut rng));
                }
            }
            if rng.chance(25) {
                let other = &stories[rng.below(stories.len())];
                for _ in 0..2 + rng.below(3) {
                    sentences.push(other[rng.below(other.len())].clone());
                }
            }
            for _ in 0..sentences.len() / 3 {
                let (a, b) = (rng.below(sentences.len()), rng.below(sentences.len()));
                sentences.swap(a, b);
            }
            let day = 1 + rng.below(28);
            let month = 11 + rng.below(5);
            let (year, month) = if month > 12 {
                (2019, month - 12)
            } else {
                (2018, month)
            };
            Document::new(format!("a{i:05}"), sentences.join("\n"))
                .with_outlet(format!("outlet-{:02}", i % outlets))
                .with_date(format!("{year}-{month:02}-{day:02}"))
        })
        .collect()
}

/// Drops a word or swaps two neighbours, now and then.
fn reword(sentence: &str, rng: &mut Rng) -> String {
    let mut words: Vec<&str> = sentence.split(' ').collect();
    if words.len() > 4 && rng.chance(30) {
        let at = 1 + rng.below(words.len() - 2);
        if rng.chance(50) {
            words.remove(at);
        } else {
            words.swap(at, at + 1);
        }
    }
    words.join(" ")
}
