//! Turning anchors and paired phrases into [`Difference`]s: spans and
//! texts, categories, and the shared names and sources one side extends.

use std::ops::Range;

use super::anchor::Anchor;
use super::category::{self, Side};
use super::chunk::{Chunk, Kind};
use super::words::Features;
use super::{Category, Differ, Difference, DifferenceKind};
use crate::AnalyzedSentence;
use crate::vectorize::TermRelation;

/// A name or source one side adds next to one both share: "Jabhat"
/// before "al-Nosra", "al-Sham" after "Tahrir" (one name spelled two
/// ways), or "Dmitri Peskov, porte-parole du" before "Kremlin" (another
/// source). Returns the category, the phrase with the shared word on its
/// side, and the shared word's token on the other side. A source is looked
/// for a few words away, never past a word another difference shows
/// (`shown`).
pub(super) fn extension(
    chunk: &Chunk,
    anchored: &[Option<usize>],
    anchors: &[Anchor],
    own: &[Features],
    other: &[Features],
    shown: &[bool],
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
        // Before a title the words name the next person's side, not the
        // name before them: "New York Republican Rep. Michael Grimm".
        let before_title = own.get(end).is_some_and(|f| f.title);
        if !before_title {
            let p = partner(k);
            return Some((Category::SpellingVariant, chunk.start - 1..end, p..p + 1));
        }
    }
    const REACH: usize = 5;
    let source = |f: Features| f.attribution;
    // The way to the source crosses function words and words no one
    // shares, not another shared word ("porte-parole" is not the source
    // of "Kremlin" across "al-Assad") nor a phrase paired elsewhere.
    let open = |i: &usize| {
        !shown[*i] && (anchored[*i].is_none() || !own[*i].content || own[*i].attribution)
    };
    let after = (chunk.end..anchored.len().min(chunk.end + REACH))
        .take_while(open)
        .find_map(|i| Some((i, shared(i, source)?)));
    if let Some((i, k)) = after {
        let p = partner(k);
        return Some((Category::Attribution, chunk.start..i + 1, p..p + 1));
    }
    let before = (chunk.start.saturating_sub(REACH)..chunk.start)
        .rev()
        .take_while(open)
        .find_map(|i| Some((i, shared(i, source)?)));
    let (i, k) = before?;
    let p = partner(k);
    Some((Category::Attribution, i..chunk.end, p..p + 1))
}

/// Builds differences with their spans and texts.
pub(super) struct Emitter<'a> {
    pub(super) differ: &'a Differ,
    pub(super) a: &'a AnalyzedSentence,
    pub(super) b: &'a AnalyzedSentence,
    pub(super) fa: &'a [Features],
    pub(super) fb: &'a [Features],
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
    /// its clause, and not past a token marked `stop`: a shared word, or a
    /// word of a paired phrase), as a range ending before `i`. Past a
    /// shared word the hedge governs that word: in "auraient lancé une
    /// offensive" / "ont lancé une attaque" it hedges "lancé", and the
    /// words before the shared verb show it ("ont" / "auraient"), not the
    /// synonym after it.
    fn hedged(&self, s: &AnalyzedSentence, i: usize, stop: &[bool]) -> Range<usize> {
        const WINDOW: usize = 3;
        let mut start = i;
        for k in (i.saturating_sub(WINDOW)..i).rev() {
            let t = &s.tokens[k];
            if t.kind == crate::analyze::TokenKind::Punctuation || stop[k] {
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

    pub(super) fn features_a(&self, r: &Range<usize>) -> Features {
        self.side(self.a, self.fa, r).features
    }

    pub(super) fn features_b(&self, r: &Range<usize>) -> Features {
        self.side(self.b, self.fb, r).features
    }

    /// A substitution of two phrases, named from their features (which
    /// know more than their words: a name next to a verb of saying is a
    /// source).
    pub(super) fn substitution(
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
        // "c'est-à-dire" / "autrement dit": one connective for another.
        let minor = minor || (style_only(&self.fa[ra.clone()]) && style_only(&self.fb[rb.clone()]));
        self.make(
            DifferenceKind::Substitution,
            category,
            minor,
            Some(ra),
            Some(rb),
        )
    }

    pub(super) fn named(
        &self,
        category: Category,
        ra: Range<usize>,
        rb: Range<usize>,
    ) -> Difference {
        self.make(
            DifferenceKind::Substitution,
            category,
            false,
            Some(ra),
            Some(rb),
        )
    }

    pub(super) fn one_sided(
        &self,
        kind: DifferenceKind,
        r: Range<usize>,
        features: Features,
    ) -> Difference {
        let s = match kind {
            DifferenceKind::Addition => self.b,
            _ => self.a,
        };
        let side = Side {
            tokens: &s.tokens[r.clone()],
            features,
        };
        let (category, minor) = category::one_sided(&side);
        // A courtesy title ("for Mr." before a shared "Steele") is the
        // house style of one outlet, and "needless to say" the writer's
        // connective: neither is a framing.
        let features = match kind {
            DifferenceKind::Addition => self.fb,
            _ => self.fa,
        };
        let minor = minor || style_only(&features[r.clone()]);
        match kind {
            DifferenceKind::Addition => self.make(kind, category, minor, None, Some(r)),
            _ => self.make(kind, category, minor, Some(r), None),
        }
    }

    /// Shared words said differently: a spelling variant, a synonym, or
    /// the same word in scare quotes on one side only, as token ranges of
    /// each side and a category. Adjacent anchors of one category merge
    /// ("Bashar Assad" / "Bachar al-Assad"). `taken` marks, on each side,
    /// the tokens a substitution already pairs with words of the other
    /// side: a hedge among them is shown there ("ont" / "auraient" before
    /// "capturé" / "pris"), not again with the synonym.
    pub(super) fn anchor_ranges(
        &self,
        anchors: &[Anchor],
        scare_quotes: &[Option<(Range<usize>, Range<usize>)>],
        (taken_a, taken_b): (&[bool], &[bool]),
    ) -> Vec<(Range<usize>, Range<usize>, Category)> {
        let mut found: Vec<(Range<usize>, Range<usize>, Category)> = Vec::new();
        // A hedge governs the nearest word shown elsewhere: a shared one,
        // or one a paired phrase holds.
        let (mut stop_a, mut stop_b) = (taken_a.to_vec(), taken_b.to_vec());
        for x in anchors {
            stop_a[x.a] = true;
            stop_b[x.b] = true;
        }
        for (x, quoted) in anchors.iter().zip(scare_quotes) {
            if let Some((ra, rb)) = quoted {
                push(&mut found, (ra.clone(), rb.clone(), Category::ScareQuotes));
                continue;
            }
            let (ta, tb) = (&self.a.tokens[x.a], &self.b.tokens[x.b]);
            let category = match x.relation {
                TermRelation::Variant if ta.folded != tb.folded => Category::SpellingVariant,
                TermRelation::Synonym => {
                    let (ha, hb) = (
                        self.hedged(self.a, x.a, &stop_a),
                        self.hedged(self.b, x.b, &stop_b),
                    );
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
                _ => continue,
            };
            push(&mut found, (x.a..x.a + 1, x.b..x.b + 1, category));
        }
        found
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
            // Tokens come from the sentence's own span; a sentence built by
            // hand with tokens from elsewhere gets no text rather than a panic.
            let base = s.sentence.start;
            s.text
                .get(start.saturating_sub(base)..end.saturating_sub(base))
                .unwrap_or_default()
                .to_string()
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

/// Whether these words hold a courtesy title or a connective and,
/// besides, function words and punctuation alone.
fn style_only(features: &[Features]) -> bool {
    let style = |f: &Features| f.title || f.connective;
    features.iter().any(style) && features.iter().all(|f| style(f) || !f.is_salient())
}

/// Whether a shared word stands in quotes on one side only, written the
/// same ("« rebelles »" / "rebelles"): a synonym or another spelling is
/// named as such instead.
fn scare_quoted(
    x: &Anchor,
    (a, fa): (&AnalyzedSentence, &[Features]),
    (b, fb): (&AnalyzedSentence, &[Features]),
) -> bool {
    match x.relation {
        TermRelation::Synonym => false,
        TermRelation::Variant if a.tokens[x.a].folded != b.tokens[x.b].folded => false,
        _ => fa[x.a].quoted != fb[x.b].quoted,
    }
}

/// What [`scare_quotes`] finds: the ranges of each shared word, and each
/// side's quote marks.
pub(super) type ScareQuotes = (
    Vec<Option<(Range<usize>, Range<usize>)>>,
    (Vec<bool>, Vec<bool>),
);

/// For each shared word in scare quotes on one side, the token ranges it
/// is shown with: the quoted word with its marks, the plain word alone
/// ("« rebelles »" / "rebelles"); `None` for the other shared words. And
/// each side's quote marks so taken: each goes with one word, and is kept
/// out of the phrases around it.
pub(super) fn scare_quotes(
    anchors: &[Anchor],
    (a, fa): (&AnalyzedSentence, &[Features]),
    (b, fb): (&AnalyzedSentence, &[Features]),
) -> ScareQuotes {
    let (mut marks_a, mut marks_b) = (vec![false; a.tokens.len()], vec![false; b.tokens.len()]);
    let side = |s: &AnalyzedSentence, f: &[Features], i: usize, marks: &mut [bool]| {
        if f[i].quoted {
            with_quotes(s, i, marks)
        } else {
            i..i + 1
        }
    };
    let ranges = anchors
        .iter()
        .map(|x| {
            scare_quoted(x, (a, fa), (b, fb)).then(|| {
                (
                    side(a, fa, x.a, &mut marks_a),
                    side(b, fb, x.b, &mut marks_b),
                )
            })
        })
        .collect();
    (ranges, (marks_a, marks_b))
}

/// A quoted token with the quote marks around it: an opening mark just
/// before, a closing one just after, each if it is there and not `taken`
/// by another word (it is then marked). A straight quote, which opens and
/// closes alike, goes with the word it touches.
fn with_quotes(s: &AnalyzedSentence, i: usize, taken: &mut [bool]) -> Range<usize> {
    let word = &s.tokens[i];
    let mut quote = |k: usize, marks: &[&str]| {
        let free = taken.get(k).is_some_and(|t| !t)
            && s.tokens.get(k).is_some_and(|t| {
                marks.contains(&t.surface.as_str())
                    && (t.surface != "\"" || t.end == word.start || t.start == word.end)
            });
        if free {
            taken[k] = true;
        }
        free
    };
    let start = if i > 0 && quote(i - 1, &["«", "“", "„", "\""]) {
        i - 1
    } else {
        i
    };
    let end = if quote(i + 1, &["»", "”", "\""]) {
        i + 2
    } else {
        i + 1
    };
    start..end
}
