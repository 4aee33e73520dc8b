//! The comparison of two sentences, step by step: anchor, order the
//! anchors with an in-order diff, cut what is left into phrases, pair the
//! phrases by role, and name each difference.

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

use super::anchor::{self, Anchor, Anchoring, Keys};
use super::chunk;
use super::emit::{Emitter, extension, scare_quotes};
use super::myers;
use super::role::{pair_chunks, paired_by_place_alone};
use super::words::Features;
use super::{Category, Differ, Difference, DifferenceKind, SentenceDiff};
use crate::AnalyzedSentence;
use crate::fasthash::FastMap;
use crate::vectorize::TermRelation;

/// How the in-order diff sees a token: an anchor (by its number), a
/// function word or punctuation mark (by its form, numbered once per pair
/// so that "de" matches "de" in order without comparing strings), or a
/// content word no anchor covers (unique).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Anchor(usize),
    Form(usize),
    OnlyA(usize),
    OnlyB(usize),
}

pub(super) fn diff(differ: &Differ, a: &AnalyzedSentence, b: &AnalyzedSentence) -> SentenceDiff {
    let fa = differ.classes.features(&a.tokens, &differ.names);
    let fb = differ.classes.features(&b.tokens, &differ.names);
    let ka = Keys::new(&a.tokens, &differ.concepts);
    let kb = Keys::new(&b.tokens, &differ.concepts);
    diff_with_features(differ, (a, &fa, &ka), (b, &fb, &kb))
}

/// [`diff`] with each sentence's token features and anchoring keys already
/// computed (a corpus computes them once per sentence, not once per
/// alignment).
pub(super) fn diff_with_features(
    differ: &Differ,
    (a, fa, ka): (&AnalyzedSentence, &[Features], &Keys),
    (b, fb, kb): (&AnalyzedSentence, &[Features], &Keys),
) -> SentenceDiff {
    let deadline = Instant::now() + differ.time_limit;
    let (ta, tb) = (&a.tokens, &b.tokens);
    let Anchoring {
        mut anchors,
        mut cut_short,
    } = anchor::anchor((ta, ka), (tb, kb), differ.variant_similarity);
    let content_anchors = anchors.len();
    let Skeleton {
        gaps,
        weak,
        past_deadline,
    } = order(ta, tb, &mut anchors, (deadline, differ.time_limit));
    cut_short |= past_deadline;
    let (anchor_a, anchor_b) = anchored(&anchors, ta.len(), tb.len());
    let (quotes, (marks_a, marks_b)) = scare_quotes(&anchors[..content_anchors], (a, fa), (b, fb));
    let side_chunks = |side: fn(&Gap) -> Range<usize>,
                       (anchored, marks): (&[Option<usize>], &[bool]),
                       features: &[Features],
                       tokens: &[crate::analyze::Token]| {
        let ranges = gaps.iter().map(side);
        let strong = |k: Option<usize>| k.filter(|&k| !weak[k]);
        let mut out = Vec::new();
        for (gap, range) in ranges.enumerate() {
            for run in free_runs(range, |i| anchored[i].is_some() || marks[i]) {
                let prev = strong(run.start.checked_sub(1).and_then(|i| anchored[i]));
                let next = strong(anchored.get(run.end).copied().flatten());
                out.extend(chunk::chunks(
                    tokens, features, run.start, run.end, gap, prev, next,
                ));
            }
        }
        chunk::mark_sources(&mut out, tokens, features);
        let head = opening_words(tokens);
        for c in &mut out {
            c.governor = c.prev.and_then(|_| governor(tokens, anchored, c.start));
            c.start_of_sentence = c.start <= head;
        }
        out
    };
    let chunks_a = side_chunks(|g| g.0.clone(), (&anchor_a, &marks_a), fa, ta);
    let chunks_b = side_chunks(|g| g.1.clone(), (&anchor_b, &marks_b), fb, tb);
    let (pairs, over_budget) = pair_chunks(&chunks_a, &chunks_b, ta.len(), tb.len());
    cut_short |= over_budget;

    let out = Emitter {
        differ,
        a,
        b,
        fa,
        fb,
    };
    let mut differences = Vec::new();
    let (mut paired_a, mut paired_b) = (vec![false; chunks_a.len()], vec![false; chunks_b.len()]);
    for &(i, j) in &pairs {
        let (x, y) = (&chunks_a[i], &chunks_b[j]);
        // Kept out of every other pairing all the same: freed, the two
        // phrases would pair with worse partners ("terroriste" / "Nous");
        // on the dev gold's linked pairs, 233 substitutions against 216,
        // none more of them naming a gold one.
        if paired_by_place_alone(x, y) {
            continue;
        }
        paired_a[i] = true;
        paired_b[j] = true;
        differences.push(out.substitution(
            x.start..x.end,
            y.start..y.end,
            (x.features, y.features),
        ));
    }
    let taken_a = paired_tokens(&chunks_a, &paired_a, ta.len());
    let taken_b = paired_tokens(&chunks_b, &paired_b, tb.len());
    let shared = out.anchor_ranges(&anchors[..content_anchors], &quotes, (&taken_a, &taken_b));
    let shown_a = shown_tokens(taken_a, &anchor_a, shared.iter().map(|s| &s.0));
    let shown_b = shown_tokens(taken_b, &anchor_b, shared.iter().map(|s| &s.1));
    let (mut named_a, mut named_b) = (Vec::new(), Vec::new());
    for (x, _) in chunks_a.iter().zip(&paired_a).filter(|(_, p)| !**p) {
        let extended = extension(x, &anchor_a, &anchors, fa, fb, &shown_a, |k| anchors[k].b)
            .filter(|e| free(&e.1, &shown_a));
        named_a.extend(extended.clone());
        for rest in outside(x, extended.as_ref().map(|e| &e.1), &shown_a) {
            // A part of the chunk is named by its own words ("qui" left
            // beside "auraient", which goes with the synonym it hedges).
            let features = if rest == (x.start..x.end) {
                x.features
            } else {
                out.features_a(&rest)
            };
            differences.push(out.one_sided(DifferenceKind::Omission, rest, features));
        }
    }
    for (y, _) in chunks_b.iter().zip(&paired_b).filter(|(_, p)| !**p) {
        let extended = extension(y, &anchor_b, &anchors, fb, fa, &shown_b, |k| anchors[k].a)
            .filter(|e| free(&e.1, &shown_b));
        named_b.extend(extended.clone());
        for rest in outside(y, extended.as_ref().map(|e| &e.1), &shown_b) {
            let features = if rest == (y.start..y.end) {
                y.features
            } else {
                out.features_b(&rest)
            };
            differences.push(out.one_sided(DifferenceKind::Addition, rest, features));
        }
    }
    for (category, own, other) in merged(named_a) {
        differences.push(out.named(category, own, other));
    }
    for (category, own, other) in merged(named_b) {
        differences.push(out.named(category, other, own));
    }
    for (ra, rb, category) in shared {
        differences.push(out.named(category, ra, rb));
    }
    drop_subsumed(&mut differences);
    let points = insertion_points(a, b, &anchors);
    let insertion_point = |d: &Difference| match (d.a_span, d.b_span) {
        (Some((start, _)), _) => start,
        (None, Some((start, _))) => {
            let j = b.tokens.partition_point(|t| t.start < start);
            points.get(j).copied().unwrap_or(a.sentence.start)
        }
        (None, None) => a.sentence.start,
    };
    differences.sort_by_key(|d| (insertion_point(d), d.b_span, d.a_span));
    differences.dedup();
    // A corpus keeps millions of these lists: the slack of their growth
    // was a third of their memory.
    differences.shrink_to_fit();
    anchors.sort_by_key(|x| (x.a, x.b));
    SentenceDiff {
        anchors,
        differences,
        cut_short,
    }
}

/// The tokens of the chunks paired with a chunk of the other side.
fn paired_tokens(chunks: &[chunk::Chunk], paired: &[bool], len: usize) -> Vec<bool> {
    let mut taken = vec![false; len];
    for (x, _) in chunks.iter().zip(paired).filter(|(_, p)| **p) {
        taken[x.start..x.end].fill(true);
    }
    taken
}

/// The tokens another difference shows already: those `taken` by a paired
/// phrase, and the words no one shares in the `ranges` shown with a shared
/// word (its quote marks, the hedge before it).
fn shown_tokens<'r>(
    mut taken: Vec<bool>,
    anchored: &[Option<usize>],
    ranges: impl Iterator<Item = &'r Range<usize>>,
) -> Vec<bool> {
    for k in ranges.flat_map(|r| r.clone()) {
        taken[k] |= anchored[k].is_none();
    }
    taken
}

/// Whether no token of `range` is one another difference shows.
fn free(range: &Range<usize>, shown: &[bool]) -> bool {
    !range.clone().any(|k| shown[k])
}

/// One side's extensions of shared words (category, the phrase on that
/// side, the shared word on the other), those of one word that overlap
/// made one: "porte-parole du Kremlin" and "Kremlin, Dmitri Peskov" around
/// the shared "Kremlin" are "porte-parole du Kremlin, Dmitri Peskov", a
/// source when either is.
fn merged(
    mut named: Vec<(Category, Range<usize>, Range<usize>)>,
) -> Vec<(Category, Range<usize>, Range<usize>)> {
    named.sort_by_key(|(_, own, other)| (other.start, own.start));
    let mut out: Vec<(Category, Range<usize>, Range<usize>)> = Vec::with_capacity(named.len());
    for (category, own, other) in named {
        match out.last_mut() {
            Some((c, o, p)) if *p == other && own.start < o.end => {
                o.end = o.end.max(own.end);
                // A name and a source around one word: the source names it.
                if category == Category::Attribution {
                    *c = category;
                }
            }
            _ => out.push((category, own, other)),
        }
    }
    out
}

/// Drops the differences whose words a substitution already shows: an
/// omission or addition on its side (a hedge before a synonym, "affirment
/// avoir capturé" / "tombée", is named with the act it hedges, and is not
/// also added on its own, "affirment avoir"), and a substitution on both
/// sides: a shared name's own spelling inside the name one side adds
/// around it ("Assad" / "al-Assad" inside "Assad" / "Bachar al-Assad").
fn drop_subsumed(differences: &mut Vec<Difference>) {
    let shown = |d: &Difference| {
        differences.iter().any(|s| {
            s.kind == DifferenceKind::Substitution
                && match d.kind {
                    DifferenceKind::Substitution => {
                        (s.a_span, s.b_span) != (d.a_span, d.b_span)
                            && within(d.a_span, s.a_span)
                            && within(d.b_span, s.b_span)
                    }
                    DifferenceKind::Omission => within(d.a_span, s.a_span),
                    DifferenceKind::Addition => within(d.b_span, s.b_span),
                }
        })
    };
    let keep: Vec<bool> = differences.iter().map(|d| !shown(d)).collect();
    let mut keep = keep.into_iter();
    differences.retain(|_| keep.next().unwrap_or(true));
}

/// Whether span `inner` lies within span `outer` (both present).
pub(super) fn within(inner: Option<(usize, usize)>, outer: Option<(usize, usize)>) -> bool {
    match (inner, outer) {
        (Some((start, end)), Some((from, to))) => from <= start && end <= to,
        _ => false,
    }
}

/// The most cells (tokens of a times tokens of b) of a pair whose in-order
/// diff runs without a deadline: Myers' algorithm, at worst quadratic,
/// takes well under a millisecond on 150 tokens a side.
const SMALL_PAIR: usize = 150 * 150;
/// Time limits under this one apply to small pairs too.
const SMALL_PAIR_TIME: Duration = Duration::from_millis(5);

/// Side a's range and side b's range of a stretch between anchors.
type Gap = (Range<usize>, Range<usize>);

/// The in-order structure of a pair: the gaps between anchors in order
/// (side a's range, side b's range), which anchors are weak, and whether
/// the in-order diff ran past its deadline (it may then have settled for a
/// coarser diff). A small pair runs without a deadline, so that its diff,
/// and the flag, never depend on the machine's load.
struct Skeleton {
    gaps: Vec<Gap>,
    weak: Vec<bool>,
    past_deadline: bool,
}

/// Orders the anchors with an in-order diff (Myers, with a deadline) over
/// anchors, function words and punctuation; function words matched in
/// order become anchors too. Anchors out of order stay anchors: they only
/// cut the gaps.
fn order(
    ta: &[crate::analyze::Token],
    tb: &[crate::analyze::Token],
    anchors: &mut Vec<Anchor>,
    (deadline, time_limit): (Instant, Duration),
) -> Skeleton {
    let (anchor_a, anchor_b) = anchored(anchors, ta.len(), tb.len());
    let mut forms = FastMap::default();
    let (keys_a, keys_b) = (
        keys(ta, &anchor_a, Key::OnlyA, &mut forms),
        keys(tb, &anchor_b, Key::OnlyB, &mut forms),
    );
    // A small pair finishes long before any deadline worth setting: it
    // runs without one, sparing a clock read at every step.
    let small = keys_a.len() * keys_b.len() <= SMALL_PAIR && time_limit >= SMALL_PAIR_TIME;
    let deadline = (!small).then_some(deadline);
    let short = keys_a.len().max(keys_b.len()) <= myers::MAX_SIDE;
    let ops = if short && deadline.is_none() {
        // The search compares keys at nearly every step: as numbers that
        // are equal when the keys are, each comparison is one.
        let only = (anchors.len() + forms.len()) as u32;
        let code = |key: &Key| match *key {
            Key::Anchor(k) => k as u32,
            Key::Form(f) => (anchors.len() + f) as u32,
            Key::OnlyA(i) => only + i as u32,
            Key::OnlyB(j) => only + (ta.len() + j) as u32,
        };
        let codes = |keys: &[Key]| keys.iter().map(code).collect::<Vec<u32>>();
        myers::capture(&codes(&keys_a), &codes(&keys_b))
    } else {
        similar::capture_diff_slices_deadline(Algorithm::Myers, &keys_a, &keys_b, deadline)
    };
    let past_deadline = deadline.is_some_and(|deadline| Instant::now() > deadline);
    let mut gaps = Vec::new();
    // A lone function word matched in order far from any shared content
    // word ("Les militants…" / "…chasser les forces") is an anchor, but says
    // nothing about the roles around it.
    let mut weak = vec![false; anchors.len()];
    for op in &ops {
        let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        else {
            gaps.push((op.old_range(), op.new_range()));
            continue;
        };
        let lone = len == 1 && anchor_a[old_index].is_none();
        for k in 0..len {
            let (i, j) = (old_index + k, new_index + k);
            if anchor_a[i].is_none() {
                weak.push(lone);
                anchors.push(Anchor {
                    a: i,
                    b: j,
                    relation: TermRelation::Exact,
                });
            }
        }
    }
    Skeleton {
        gaps,
        weak,
        past_deadline,
    }
}

/// The anchor that the anchored phrase just before `start` complements:
/// "soutien" for a phrase after "soutien de la Russie", "support" after
/// "support of Russia".
fn governor(
    tokens: &[crate::analyze::Token],
    anchored: &[Option<usize>],
    start: usize,
) -> Option<usize> {
    const REACH: usize = 4;
    let complement = start.checked_sub(1)?;
    let mut linked = false;
    for i in (complement.saturating_sub(REACH)..complement).rev() {
        let t = &tokens[i];
        if matches!(t.folded.as_str(), "de" | "d'" | "du" | "des" | "of") {
            linked = true;
        } else if linked && anchored[i].is_some() && t.is_content() {
            return anchored[i];
        } else if t.is_content() || t.kind == crate::analyze::TokenKind::Punctuation {
            return None;
        }
    }
    None
}

/// How many function words open the sentence: a phrase that starts at or
/// before that token opens it ("L’alliance…", "Les militants…"), where the
/// subject usually is. A quotation mark ends the count: it opens a quote,
/// whose first words are the speaker's, not the sentence's subject.
fn opening_words(tokens: &[crate::analyze::Token]) -> usize {
    tokens
        .iter()
        .position(|t| t.kind != crate::analyze::TokenKind::Word || t.is_content())
        .unwrap_or(tokens.len())
}

/// For each token of a and of b, the anchor that covers it.
fn anchored(
    anchors: &[Anchor],
    len_a: usize,
    len_b: usize,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let (mut a, mut b) = (vec![None; len_a], vec![None; len_b]);
    for (k, x) in anchors.iter().enumerate() {
        a[x.a] = Some(k);
        b[x.b] = Some(k);
    }
    (a, b)
}

/// The in-order diff's view of a sentence's tokens.
fn keys<'t>(
    tokens: &'t [crate::analyze::Token],
    anchored: &[Option<usize>],
    only: fn(usize) -> Key,
    forms: &mut FastMap<&'t str, usize>,
) -> Vec<Key> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| match anchored[i] {
            Some(k) => Key::Anchor(k),
            None if !t.is_content() => {
                let next = forms.len();
                Key::Form(*forms.entry(t.normalized.as_str()).or_insert(next))
            }
            None => only(i),
        })
        .collect()
}

/// Where in sentence a each token of b would go: after the a side of the
/// last anchor before it on side b (so additions sort in a's order).
fn insertion_points(a: &AnalyzedSentence, b: &AnalyzedSentence, anchors: &[Anchor]) -> Vec<usize> {
    let mut a_end_of_b = vec![None; b.tokens.len()];
    for x in anchors {
        a_end_of_b[x.b] = Some(a.tokens[x.a].end);
    }
    let mut last = a.sentence.start;
    a_end_of_b
        .into_iter()
        .map(|end| {
            let here = last;
            if let Some(end) = end {
                last = end;
            }
            here
        })
        .collect()
}

/// The parts of a chunk that its extension leaves out and no other
/// difference shows.
fn outside(
    chunk: &chunk::Chunk,
    extension: Option<&Range<usize>>,
    shown: &[bool],
) -> Vec<Range<usize>> {
    free_runs(chunk.start..chunk.end, |k| {
        shown[k] || extension.is_some_and(|e| e.contains(&k))
    })
}

/// The maximal runs of tokens within `range` that are not `held` (by an
/// anchor, or by another difference).
fn free_runs(range: Range<usize>, held: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for i in range.clone() {
        match (held(i), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..range.end);
    }
    runs
}
