//! The caps: how many links a sentence keeps with each other document and
//! in all, the strongest first, counted across the passes that add links.

use rayon::prelude::*;

use super::Scored;
use super::shared::SharedLinks;
use crate::align::{AlignConfig, Unit};
use crate::fasthash::FastMap;

/// How many links each sentence keeps, in all and with each other
/// document: the caps of [`keep_best`], counted across its calls.
pub(super) struct Caps {
    /// Keyed by [`document_key`].
    per_document: FastMap<(u32, u32), u32>,
    per_sentence: Vec<usize>,
    /// How many links each pair of documents shares in the first pass,
    /// when [`AlignConfig::min_document_links`] asks for more than one:
    /// the links of a pair that shares too few are not kept, and take no
    /// place.
    shared: Option<SharedLinks>,
}

/// Sentence x and another document as a key of 32-bit numbers: the map of
/// [`Caps`] holds two keys per link (two million on the gilets corpus),
/// and a smaller entry is a smaller table to miss in. (As one `u64`, the
/// fast hash would leave the sentence out of the table's low bits.)
fn document_key(x: usize, document: usize) -> (u32, u32) {
    (x as u32, document as u32)
}

impl Caps {
    pub(super) fn new(units: usize, shared: Option<SharedLinks>) -> Caps {
        Caps {
            per_document: FastMap::default(),
            per_sentence: vec![0; units],
            shared,
        }
    }

    /// Whether a link between g and h could still be kept.
    pub(super) fn open(&self, g: usize, h: usize, units: &[Unit], config: &AlignConfig) -> bool {
        let with = |x: usize, other: usize| {
            (self
                .per_document
                .get(&document_key(x, units[other].doc))
                .copied()
                .unwrap_or(0) as usize)
                < config.max_links_per_document
        };
        self.per_sentence[g] < config.max_links_per_sentence
            && self.per_sentence[h] < config.max_links_per_sentence
            && with(g, h)
            && with(h, g)
    }
}

/// Keeps, highest score first, at most `max_links_per_document` links for
/// each sentence and other document, and at most `max_links_per_sentence`
/// links for each sentence in all, counting on from `caps`; the links kept
/// stay in their order (the caller sorts them in with the others).
pub(super) fn keep_best(
    scored: &mut Vec<Scored>,
    units: &[Unit],
    config: &AlignConfig,
    caps: &mut Caps,
) {
    let mut kept = best_kept(scored, |i| scored[i].2, units, config, caps).into_iter();
    scored.retain(|_| kept.next().unwrap_or(false));
}

/// Which of `scored` the caps keep, in their order, counted in `caps`:
/// as [`keep_best`], the strongest first by `strength` (of a link's index).
/// The first pass ranks its links by their probability when the link model
/// decides: in a season of press the places and the words one article
/// writes once tell the same day's account from the other days' better
/// than the score alone.
pub(super) fn best_kept(
    scored: &[Scored],
    strength: impl Fn(usize) -> f32,
    units: &[Unit],
    config: &AlignConfig,
    caps: &mut Caps,
) -> Vec<bool> {
    // The links are visited strongest first, then by (g, h), through a
    // sorted list of small keys: the links themselves stay in place.
    let mut order: Vec<(u64, u32, u32)> = scored
        .iter()
        .enumerate()
        .map(|(i, &(g, h, _, _))| (strength_key(strength(i), i), g as u32, h as u32))
        .collect();
    // Links sorted by (g, h), as every caller's are, have their index in
    // that order: the key alone says the order, one integer comparison
    // where the score and the pair cost several.
    if scored.is_sorted_by_key(|&(g, h, _, _)| (g, h)) {
        order.par_sort_unstable_by_key(|&(key, _, _)| key);
    } else {
        order.par_sort_unstable_by_key(|&(key, g, h)| (key >> 32, g, h));
    }
    let allowed = caps.shared.as_ref().map(|s| s.allowed(scored, units));
    let Caps {
        per_document,
        per_sentence,
        ..
    } = caps;
    // Grown from empty, the table is rehashed at every doubling; two
    // keys per link bound what this call adds.
    per_document.reserve(2 * scored.len());
    let mut kept = vec![false; scored.len()];
    for &(key, g, h) in &order {
        let (g, h, i) = (g as usize, h as usize, key as u32);
        if allowed.as_ref().is_some_and(|a| !a[i as usize]) {
            continue;
        }
        // A link refused here still counts against the per-document cap:
        // the cap is on the best links a sentence has with a document.
        let from_g = per_document
            .entry(document_key(g, units[h].doc))
            .or_default();
        *from_g += 1;
        let keep_g = *from_g as usize <= config.max_links_per_document;
        let from_h = per_document
            .entry(document_key(h, units[g].doc))
            .or_default();
        *from_h += 1;
        let keep = keep_g
            && (*from_h as usize) <= config.max_links_per_document
            && per_sentence[g] < config.max_links_per_sentence
            && per_sentence[h] < config.max_links_per_sentence;
        if keep {
            per_sentence[g] += 1;
            per_sentence[h] += 1;
        }
        kept[i as usize] = keep;
    }
    kept
}

/// A link's score and index `i` as one key, in the order [`best_kept`]
/// visits links: the score's bits, turned to sort as `f32::total_cmp` does
/// and then reversed (strongest first), in the high half; `i` in the low.
fn strength_key(score: f32, i: usize) -> u64 {
    let bits = score.to_bits();
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    (u64::from(!ascending) << 32) | i as u64
}

#[cfg(test)]
mod tests {
    use super::{Caps, best_kept, strength_key};
    use crate::align::{AlignConfig, PairScore, Unit};
    use crate::compare::links::Scored;

    #[test]
    fn strength_keys_sort_strongest_first_then_by_index() {
        let scores = [0.5, 1.0, -0.0, 0.0, 0.25, f32::INFINITY, -1.0, 0.5];
        let mut by_key: Vec<usize> = (0..scores.len()).collect();
        by_key.sort_by_key(|&i| strength_key(scores[i], i));
        let mut by_score: Vec<usize> = (0..scores.len()).collect();
        by_score.sort_by(|&x, &y| scores[y].total_cmp(&scores[x]).then(x.cmp(&y)));
        assert_eq!(by_key, by_score);
        assert_eq!(by_key, [5, 1, 0, 7, 4, 3, 2, 6]);
    }

    /// `documents` one-sentence documents, each of its own outlet, and a
    /// configuration that gives each sentence one link.
    fn one_place_each(documents: usize) -> (Vec<Unit>, AlignConfig) {
        let units = (0..documents)
            .map(|doc| Unit {
                doc,
                sentence: 0,
                outlet: doc,
                day: None,
                title: false,
            })
            .collect();
        let config = AlignConfig {
            max_links_per_sentence: 1,
            ..AlignConfig::default()
        };
        (units, config)
    }

    /// The caps rank by the strength given, not by the score: the first
    /// pass gives the link model's probability.
    #[test]
    fn the_caps_keep_the_strongest_links_by_the_strength_given() {
        let (units, config) = one_place_each(3);
        let links: Vec<Scored> = vec![
            (0, 1, 0.6, PairScore::default()),
            (0, 2, 0.3, PairScore::default()),
        ];
        let keep = |strengths: [f32; 2]| {
            best_kept(
                &links,
                |i| strengths[i],
                &units,
                &config,
                &mut Caps::new(units.len(), None),
            )
        };
        assert_eq!(keep([0.6, 0.3]), [true, false]);
        assert_eq!(keep([0.45, 0.9]), [false, true]);
    }

    /// Links in any order are kept as the same links sorted by (g, h):
    /// strongest first, ties by (g, h).
    #[test]
    fn the_caps_keep_the_same_links_in_any_order() {
        let (units, config) = one_place_each(5);
        let link = |g, h, score| (g, h, score, PairScore::default());
        let sorted: Vec<Scored> = vec![
            link(0, 1, 0.5),
            link(0, 2, 0.5),
            link(2, 4, 0.3),
            link(3, 4, 0.5),
        ];
        let kept_pairs = |links: &[Scored]| {
            let kept = best_kept(
                links,
                |i| links[i].2,
                &units,
                &config,
                &mut Caps::new(units.len(), None),
            );
            let mut pairs: Vec<(usize, usize)> = links
                .iter()
                .zip(kept)
                .filter(|(_, keep)| *keep)
                .map(|(l, _)| (l.0, l.1))
                .collect();
            pairs.sort_unstable();
            pairs
        };
        assert_eq!(kept_pairs(&sorted), [(0, 1), (3, 4)]);
        // (0, 2) before (0, 1): ties broken by place would keep it.
        let mut shuffled = sorted.clone();
        shuffled.reverse();
        assert_eq!(kept_pairs(&shuffled), kept_pairs(&sorted));
    }
}
