//! The comparison of two sentences, step by step: anchor, order the
//! anchors with an in-order diff, cut what is left into phrases, pair the
//! phrases by role, and name each difference.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp};

use super::anchor::{self, Anchor, Anchoring};
use super::chunk;
use super::emit::{Emitter, extension, outside};
use super::role::pair_chunks;
use super::words::Features;
use super::{Differ, Difference, DifferenceKind, SentenceDiff};
use crate::AnalyzedSentence;
use crate::vectorize::TermRelation;

/// How the in-order diff sees a token: an anchor (by its number), a
/// function word or punctuation mark (by its form, so that "de" matches
/// "de" in order), or a content word no anchor covers (unique).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'a> {
    Anchor(usize),
    Form(&'a str),
    OnlyA(usize),
    OnlyB(usize),
}

pub(super) fn diff(differ: &Differ, a: &AnalyzedSentence, b: &AnalyzedSentence) -> SentenceDiff {
    let deadline = Instant::now() + differ.time_limit;
    let (ta, tb) = (&a.tokens, &b.tokens);
    let fa = differ.classes.features(ta, &differ.names);
    let fb = differ.classes.features(tb, &differ.names);
    let Anchoring {
        mut anchors,
        mut cut_short,
    } = anchor::anchor(ta, tb, &differ.concepts, differ.variant_similarity);
    let content_anchors = anchors.len();
    let mut anchor_a = vec![None; ta.len()];
    let mut anchor_b = vec![None; tb.len()];
    for (k, x) in anchors.iter().enumerate() {
        anchor_a[x.a] = Some(k);
        anchor_b[x.b] = Some(k);
    }
    let (keys_a, keys_b) = (
        keys(ta, &anchor_a, Key::OnlyA),
        keys(tb, &anchor_b, Key::OnlyB),
    );
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Myers, &keys_a, &keys_b, Some(deadline));
    cut_short |= Instant::now() > deadline;
    let mut gaps: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    // A lone function word matched in order far from any shared content
    // word ("Les militants…" / "…chasser les forces") is an anchor, but says
    // nothing about the roles around it.
    let mut weak = vec![false; anchors.len()];
    for op in &ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            let lone = len == 1 && anchor_a[old_index].is_none();
            for k in 0..len {
                let (i, j) = (old_index + k, new_index + k);
                if anchor_a[i].is_none() {
                    weak.push(lone);
                    anchor_a[i] = Some(anchors.len());
                    anchor_b[j] = Some(anchors.len());
                    anchors.push(Anchor {
                        a: i,
                        b: j,
                        relation: TermRelation::Exact,
                    });
                }
            }
        } else {
            gaps.push((op.old_range(), op.new_range()));
        }
    }
    let side_chunks = |ranges: &mut dyn Iterator<Item = Range<usize>>,
                       anchored: &[Option<usize>],
                       features: &[Features],
                       tokens: &[crate::analyze::Token]| {
        let mut out = Vec::new();
        for (gap, range) in ranges.enumerate() {
            for run in unanchored_runs(range, anchored) {
                let strong = |k: &usize| !weak[*k];
                let prev = run
                    .start
                    .checked_sub(1)
                    .and_then(|i| anchored[i])
                    .filter(strong);
                let next = anchored.get(run.end).copied().flatten().filter(strong);
                out.extend(chunk::chunks(
                    tokens, features, run.start, run.end, gap, prev, next,
                ));
            }
        }
        chunk::mark_sources(&mut out, tokens, features);
        for c in &mut out {
            c.start_of_sentence = c.start == 0;
        }
        out
    };
    let chunks_a = side_chunks(&mut gaps.iter().map(|g| g.0.clone()), &anchor_a, &fa, ta);
    let chunks_b = side_chunks(&mut gaps.iter().map(|g| g.1.clone()), &anchor_b, &fb, tb);
    let (pairs, over_budget) = pair_chunks(&chunks_a, &chunks_b, ta.len(), tb.len());
    cut_short |= over_budget;

    let out = Emitter {
        differ,
        a,
        b,
        fa: &fa,
        fb: &fb,
    };
    let mut differences = Vec::new();
    let (mut paired_a, mut paired_b) = (vec![false; chunks_a.len()], vec![false; chunks_b.len()]);
    for &(i, j) in &pairs {
        paired_a[i] = true;
        paired_b[j] = true;
        let (x, y) = (&chunks_a[i], &chunks_b[j]);
        differences.push(out.substitution(
            x.start..x.end,
            y.start..y.end,
            (x.features, y.features),
        ));
    }
    for (x, _) in chunks_a.iter().zip(&paired_a).filter(|(_, p)| !**p) {
        let extended = extension(x, &anchor_a, &anchors, &fa, &fb, |k| anchors[k].b);
        if let Some((category, own, other)) = &extended {
            differences.push(out.named(*category, own.clone(), other.clone()));
        }
        for rest in outside(x, extended.as_ref().map(|e| &e.1)) {
            differences.push(out.one_sided(
                DifferenceKind::Omission,
                rest.clone(),
                out.features_a(&rest),
            ));
        }
    }
    for (y, _) in chunks_b.iter().zip(&paired_b).filter(|(_, p)| !**p) {
        let extended = extension(y, &anchor_b, &anchors, &fb, &fa, |k| anchors[k].a);
        if let Some((category, own, other)) = &extended {
            differences.push(out.named(*category, other.clone(), own.clone()));
        }
        for rest in outside(y, extended.as_ref().map(|e| &e.1)) {
            differences.push(out.one_sided(
                DifferenceKind::Addition,
                rest.clone(),
                out.features_b(&rest),
            ));
        }
    }
    differences.extend(out.anchor_differences(&anchors[..content_anchors]));
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
    anchors.sort_by_key(|x| (x.a, x.b));
    SentenceDiff {
        anchors,
        differences,
        cut_short,
    }
}

/// The in-order diff's view of a sentence's tokens.
fn keys<'t>(
    tokens: &'t [crate::analyze::Token],
    anchored: &[Option<usize>],
    only: fn(usize) -> Key<'static>,
) -> Vec<Key<'t>> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| match anchored[i] {
            Some(k) => Key::Anchor(k),
            None if !t.is_content() => Key::Form(t.normalized.as_str()),
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

/// Maximal runs of tokens no anchor covers within `range`.
fn unanchored_runs(range: Range<usize>, anchored: &[Option<usize>]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for i in range.clone() {
        match (anchored[i], start) {
            (None, None) => start = Some(i),
            (Some(_), Some(s)) => {
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
