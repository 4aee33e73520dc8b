//! The comparison of two sentences, step by step: anchor, order the
//! anchors with an in-order diff, cut what is left into phrases, pair the
//! phrases by role, and name each difference.

use std::ops::Range;

use std::time::Instant;

use similar::{Algorithm, DiffOp};

use super::anchor::{self, Anchor, Anchoring};
use super::category::{self, Side};
use super::chunk::{self, Chunk, Kind};
use super::words::Features;
use super::{Category, Differ, Difference, DifferenceKind, SentenceDiff};
use crate::AnalyzedSentence;
use crate::vectorize::TermRelation;

/// Above this many pairs of phrases, only phrases between the same two
/// anchors are paired, in order (the diff is then marked cut short).
const PAIR_BUDGET: usize = 100_000;
/// The score two phrases need to be paired.
const PAIR_SCORE: i32 = 3;

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

/// The parts of a chunk an extension leaves out (the whole chunk when
/// there is none), each a range of tokens.
fn outside(chunk: &Chunk, extension: Option<&Range<usize>>) -> Vec<Range<usize>> {
    let Some(e) = extension else {
        return std::iter::once(chunk.start..chunk.end).collect();
    };
    [
        chunk.start..e.start.max(chunk.start),
        e.end.min(chunk.end)..chunk.end,
    ]
    .into_iter()
    .filter(|r| r.start < r.end)
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

/// How well two phrases fill the same role: between the same anchors,
/// after or before the same anchor (the object of the same preposition,
/// the subject of the same verb), and doing the same kind of thing.
fn score(x: &Chunk, y: &Chunk) -> i32 {
    let mut s = 0;
    if x.gap == y.gap {
        s += 3;
    }
    if x.prev.is_some() && x.prev == y.prev {
        s += 3;
    }
    if x.next.is_some() && x.next == y.next {
        s += 3;
    }
    if x.lead.is_some() && x.lead == y.lead && x.kind != Kind::Function {
        s += 3;
    }
    if x.start_of_sentence && y.start_of_sentence {
        s += 3;
    }
    // "ont" / "auraient" between the same two anchors: the plain auxiliary
    // states what the conditional hedges. Anywhere else a function word
    // stands for no hedge.
    let lone_auxiliary = |c: &Chunk| c.end - c.start == 1;
    let same_slot = x.prev.is_some() && x.prev == y.prev && x.next.is_some() && x.next == y.next;
    if matches!(
        (x.kind, y.kind),
        (Kind::Hedge, Kind::Function) | (Kind::Function, Kind::Hedge)
    ) && !(lone_auxiliary(x) && lone_auxiliary(y) && same_slot)
    {
        return i32::MIN;
    }
    s + kind_affinity(x.kind, y.kind)
}

/// How well two kinds of phrase stand for each other: a source for a
/// source, a label for a label; a label never for a hedge or plain words.
fn kind_affinity(x: Kind, y: Kind) -> i32 {
    use Kind::*;
    let (x, y) = if x <= y { (x, y) } else { (y, x) };
    match (x, y) {
        // "ont pris" / "auraient pris": the plain auxiliary states.
        (Hedge, Function) => 0,
        (Function | Punctuation, _) | (_, Function | Punctuation) => {
            if x == y {
                1
            } else {
                -10
            }
        }
        (Attribution, Attribution) => 5,
        (Actor, Actor) | (Quantity, Quantity) => 4,
        (Name, Name) | (Hedge, Hedge) | (Actor, Name) => 2,
        (Plain, Plain) | (Hedge, Plain) | (Actor, Attribution) | (Name, Attribution) => 1,
        (Attribution, Hedge) => 1,
        (Name, Plain) | (Quantity, Plain) | (Hedge, Quantity) => 0,
        (Name, Hedge) => -1,
        (Actor, Quantity) | (Name, Quantity) => -2,
        (Actor, Hedge) | (Actor, Plain) => -3,
        (Attribution, Quantity) | (Attribution, Plain) => -4,
        _ => -1,
    }
}

/// Pairs phrases of a and b, best role match first; then a hedged
/// statement left alone pairs with the closest plain statement of the
/// other side (one side hedges, the other states).
fn pair_chunks(
    xs: &[Chunk],
    ys: &[Chunk],
    len_a: usize,
    len_b: usize,
) -> (Vec<(usize, usize)>, bool) {
    let distance = |x: &Chunk, y: &Chunk| {
        let d = x.start as f64 / len_a.max(1) as f64 - y.start as f64 / len_b.max(1) as f64;
        (d.abs() * 1e6) as i64
    };
    let over_budget = xs.len() * ys.len() > PAIR_BUDGET;
    let mut candidates: Vec<(i32, i64, usize, usize)> = Vec::new();
    if over_budget {
        let mut j = 0;
        for (i, x) in xs.iter().enumerate() {
            while j < ys.len() && ys[j].gap < x.gap {
                j += 1;
            }
            if j < ys.len() && ys[j].gap == x.gap {
                candidates.push((PAIR_SCORE, 0, i, j));
                j += 1;
            }
        }
    } else {
        for (i, x) in xs.iter().enumerate() {
            for (j, y) in ys.iter().enumerate() {
                let s = score(x, y);
                if s >= PAIR_SCORE {
                    candidates.push((s, distance(x, y), i, j));
                }
            }
        }
    }
    candidates.sort_by_key(|&(s, d, i, j)| (-s, d, i, j));
    let (mut used_a, mut used_b) = (vec![false; xs.len()], vec![false; ys.len()]);
    let mut pairs = Vec::new();
    let mut take = |i: usize, j: usize, pairs: &mut Vec<(usize, usize)>| {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    };
    for (_, _, i, j) in candidates {
        take(i, j, &mut pairs);
    }
    if !over_budget {
        let statement = |k: Kind| matches!(k, Kind::Plain | Kind::Hedge);
        let mut late: Vec<(i64, usize, usize)> = Vec::new();
        for (i, x) in xs.iter().enumerate() {
            for (j, y) in ys.iter().enumerate() {
                // A hedge that names its source ("selon SANA") has no
                // counterpart to stand for: only a hedged act does.
                let verbal = |c: &Chunk| c.kind == Kind::Hedge && !c.features.name;
                let hedged = (verbal(x) && statement(y.kind)) || (verbal(y) && statement(x.kind));
                if hedged {
                    late.push((distance(x, y), i, j));
                }
            }
        }
        late.sort_unstable();
        for (_, i, j) in late {
            take(i, j, &mut pairs);
        }
    }
    (pairs, over_budget)
}

/// A name or source one side adds next to one both share: "Jabhat"
/// before "al-Nosra", "al-Sham" after "Tahrir" (one name spelled two
/// ways), or "Dmitri Peskov, porte-parole du" before "Kremlin" (another
/// source). Returns the category, the phrase with the shared word on its
/// side, and the shared word's token on the other side.
fn extension(
    chunk: &Chunk,
    anchored: &[Option<usize>],
    anchors: &[Anchor],
    own: &[Features],
    other: &[Features],
    partner: impl Fn(usize) -> usize,
) -> Option<(Category, Range<usize>, Range<usize>)> {
    if !matches!(chunk.kind, Kind::Name | Kind::Attribution) {
        return None;
    }
    let shared = |i: usize, f: fn(Features) -> bool| {
        anchored[i]
            .filter(|&k| anchors[k].relation != TermRelation::Synonym)
            .filter(|&k| own[i].content && f(own[i]) && f(other[partner(k)]))
    };
    // Name words right against the shared name: "(de) Jabhat" before
    // "al-Nosra", not "Alep et d'Idlib".
    let plain_name = |i: usize| own[i].name && !own[i].attribution;
    if chunk.end < anchored.len()
        && plain_name(chunk.end - 1)
        && let Some(k) = shared(chunk.end, |f| f.name)
    {
        let start = (chunk.start..chunk.end)
            .rev()
            .take_while(|&i| plain_name(i))
            .last()
            .unwrap_or(chunk.end - 1);
        let p = partner(k);
        return Some((Category::SpellingVariant, start..chunk.end + 1, p..p + 1));
    }
    if plain_name(chunk.start)
        && let Some(k) = chunk
            .start
            .checked_sub(1)
            .and_then(|i| shared(i, |f| f.name))
    {
        let end = (chunk.start..chunk.end)
            .take_while(|&i| plain_name(i))
            .last()
            .map_or(chunk.start + 1, |i| i + 1);
        let p = partner(k);
        return Some((Category::SpellingVariant, chunk.start - 1..end, p..p + 1));
    }
    const REACH: usize = 5;
    let source = |f: Features| f.attribution;
    let after = (chunk.end..anchored.len().min(chunk.end + REACH))
        .find_map(|i| Some((i, shared(i, source)?)));
    if let Some((i, k)) = after {
        let p = partner(k);
        return Some((Category::Attribution, chunk.start..i + 1, p..p + 1));
    }
    let before = (chunk.start.saturating_sub(REACH)..chunk.start)
        .rev()
        .find_map(|i| Some((i, shared(i, source)?)));
    let (i, k) = before?;
    let p = partner(k);
    Some((Category::Attribution, i..chunk.end, p..p + 1))
}

/// Builds differences with their spans and texts.
struct Emitter<'a> {
    differ: &'a Differ,
    a: &'a AnalyzedSentence,
    b: &'a AnalyzedSentence,
    fa: &'a [Features],
    fb: &'a [Features],
}

impl Emitter<'_> {
    fn side<'s>(&self, s: &'s AnalyzedSentence, f: &[Features], r: &Range<usize>) -> Side<'s> {
        Side {
            tokens: &s.tokens[r.clone()],
            features: f[r.clone()]
                .iter()
                .fold(Features::default(), |acc, &x| acc.union(x)),
        }
    }

    /// The hedges just before token `i` (up to three tokens back, within
    /// its clause), as a range ending before `i`.
    fn hedged(&self, s: &AnalyzedSentence, i: usize) -> Range<usize> {
        const WINDOW: usize = 3;
        let mut start = i;
        for k in (i.saturating_sub(WINDOW)..i).rev() {
            let t = &s.tokens[k];
            if t.kind == crate::analyze::TokenKind::Punctuation {
                break;
            }
            if self.differ.classes.is_hedge(t) {
                start = k;
            }
        }
        start..i
    }

    fn hedge_words<'s>(&self, s: &'s AnalyzedSentence, r: &Range<usize>) -> Vec<&'s str> {
        s.tokens[r.clone()]
            .iter()
            .filter(|t| self.differ.classes.is_hedge(t))
            .map(|t| t.normalized.as_str())
            .collect()
    }

    fn features_a(&self, r: &Range<usize>) -> Features {
        self.side(self.a, self.fa, r).features
    }

    fn features_b(&self, r: &Range<usize>) -> Features {
        self.side(self.b, self.fb, r).features
    }

    /// A substitution of two phrases, named from their features (which
    /// know more than their words: a name next to a verb of saying is a
    /// source).
    fn substitution(
        &self,
        ra: Range<usize>,
        rb: Range<usize>,
        (fa, fb): (Features, Features),
    ) -> Difference {
        let is_hedge = |t: &crate::analyze::Token| self.differ.classes.is_hedge(t);
        let (mut sa, mut sb) = (
            self.side(self.a, self.fa, &ra),
            self.side(self.b, self.fb, &rb),
        );
        sa.features = fa;
        sb.features = fb;
        let (category, minor) = category::substitution(&sa, &sb, &is_hedge);
        self.make(
            DifferenceKind::Substitution,
            category,
            minor,
            Some(ra),
            Some(rb),
        )
    }

    fn named(&self, category: Category, ra: Range<usize>, rb: Range<usize>) -> Difference {
        self.make(
            DifferenceKind::Substitution,
            category,
            false,
            Some(ra),
            Some(rb),
        )
    }

    fn one_sided(&self, kind: DifferenceKind, r: Range<usize>, features: Features) -> Difference {
        let s = match kind {
            DifferenceKind::Addition => self.b,
            _ => self.a,
        };
        let side = Side {
            tokens: &s.tokens[r.clone()],
            features,
        };
        let (category, minor) = category::one_sided(&side);
        match kind {
            DifferenceKind::Addition => self.make(kind, category, minor, None, Some(r)),
            _ => self.make(kind, category, minor, Some(r), None),
        }
    }

    /// Shared words said differently: a spelling variant, a synonym, or
    /// the same word in scare quotes on one side only. Adjacent anchors of
    /// one category merge ("Bashar Assad" / "Bachar al-Assad").
    fn anchor_differences(&self, anchors: &[Anchor]) -> Vec<Difference> {
        let mut found: Vec<(Range<usize>, Range<usize>, Category)> = Vec::new();
        for x in anchors {
            let (ta, tb) = (&self.a.tokens[x.a], &self.b.tokens[x.b]);
            let category = match x.relation {
                TermRelation::Variant if ta.folded != tb.folded => Category::SpellingVariant,
                TermRelation::Synonym => {
                    let (ha, hb) = (self.hedged(self.a, x.a), self.hedged(self.b, x.b));
                    if self.hedge_words(self.a, &ha) != self.hedge_words(self.b, &hb) {
                        // "affirment avoir capturé" / "est tombée": one side
                        // hedges the act the other states.
                        push(
                            &mut found,
                            (ha.start..x.a + 1, hb.start..x.b + 1, Category::Hedging),
                        );
                        continue;
                    }
                    let (category, _) = category::substitution(
                        &self.side(self.a, self.fa, &(x.a..x.a + 1)),
                        &self.side(self.b, self.fb, &(x.b..x.b + 1)),
                        &|t| self.differ.classes.is_hedge(t),
                    );
                    category
                }
                _ if self.fa[x.a].quoted != self.fb[x.b].quoted => Category::ScareQuotes,
                _ => continue,
            };
            let (ra, rb) = if category == Category::ScareQuotes {
                (with_quotes(self.a, x.a), with_quotes(self.b, x.b))
            } else {
                (x.a..x.a + 1, x.b..x.b + 1)
            };
            push(&mut found, (ra, rb, category));
        }
        found
            .into_iter()
            .map(|(ra, rb, c)| {
                self.make(DifferenceKind::Substitution, c, false, Some(ra), Some(rb))
            })
            .collect()
    }

    fn make(
        &self,
        kind: DifferenceKind,
        category: Category,
        minor: bool,
        ra: Option<Range<usize>>,
        rb: Option<Range<usize>>,
    ) -> Difference {
        let span = |s: &AnalyzedSentence, r: &Range<usize>| {
            (s.tokens[r.start].start, s.tokens[r.end - 1].end)
        };
        let text = |s: &AnalyzedSentence, (start, end): (usize, usize)| {
            s.text[start - s.sentence.start..end - s.sentence.start].to_string()
        };
        let a_span = ra.map(|r| span(self.a, &r));
        let b_span = rb.map(|r| span(self.b, &r));
        Difference {
            kind,
            category,
            a: a_span.map(|sp| text(self.a, sp)),
            b: b_span.map(|sp| text(self.b, sp)),
            a_span,
            b_span,
            minor,
        }
    }
}

/// Adds an anchor difference, merged with the previous one when both are
/// of one category and adjacent on both sides.
fn push(
    found: &mut Vec<(Range<usize>, Range<usize>, Category)>,
    next: (Range<usize>, Range<usize>, Category),
) {
    let (ra, rb, category) = next;
    match found.last_mut() {
        Some((pa, pb, c)) if *c == category && pa.end == ra.start && pb.end == rb.start => {
            pa.end = ra.end;
            pb.end = rb.end;
        }
        _ => found.push((ra, rb, category)),
    }
}

/// A quoted token with the quote marks around it, if they are there.
fn with_quotes(s: &AnalyzedSentence, i: usize) -> Range<usize> {
    let quote = |k: usize| {
        s.tokens
            .get(k)
            .is_some_and(|t| matches!(t.surface.as_str(), "«" | "»" | "“" | "”" | "\"" | "„"))
    };
    let start = if i > 0 && quote(i - 1) { i - 1 } else { i };
    let end = if quote(i + 1) { i + 2 } else { i + 1 };
    start..end
}
