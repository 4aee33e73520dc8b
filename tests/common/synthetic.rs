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
/// for the same arguments. Articles report events, about eight articles
/// each; an event retells one seed story with names and figures of its own
/// (so a bigger corpus has more events, not more copies of one), and
/// articles drop, reword and reorder sentences, and sometimes mix in a few
/// sentences of another event.
pub fn corpus(articles: usize, outlets: usize, seed: u64) -> Vec<Document> {
    let stories = seed_sentences();
    let events = articles / 8 + 1;
    let mut rng = Rng::new(seed);
    (0..articles)
        .map(|i| {
            let event = rng.below(events);
            let story = &stories[event % stories.len()];
            let mut sentences: Vec<String> = Vec::new();
            for sentence in story {
                if !rng.chance(20) {
                    sentences.push(reword(&rename(sentence, event), &mut rng));
                }
            }
            if rng.chance(25) {
                let other = rng.below(events);
                let story = &stories[other % stories.len()];
                for _ in 0..2 + rng.below(3) {
                    sentences.push(rename(&story[rng.below(story.len())], other));
                }
            }
            for _ in 0..sentences.len() / 3 {
                let (a, b) = (rng.below(sentences.len()), rng.below(sentences.len()));
                sentences.swap(a, b);
            }
            let day = 1 + (event * 7 + rng.below(3)) % 28;
            let month = 11 + (event / 4) % 5;
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

/// The event's own names and figures: capitalised words after the first,
/// and numbers, get a suffix spelling the event number.
fn rename(sentence: &str, event: usize) -> String {
    const SYLLABLES: [&str; 10] = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "tu", "vo", "ze"];
    let suffix: String = event
        .to_string()
        .bytes()
        .map(|d| SYLLABLES[(d - b'0') as usize])
        .collect();
    sentence
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            let name = i > 0 && word.starts_with(char::is_uppercase);
            let figure = word.starts_with(|c: char| c.is_ascii_digit());
            if figure {
                format!(
                    "{}{event}",
                    word.trim_end_matches(|c: char| !c.is_ascii_digit())
                )
            } else if name {
                let end = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                format!("{end}{suffix}{}", &word[end.len()..])
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
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
