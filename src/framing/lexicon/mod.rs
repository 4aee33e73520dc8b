//! The framing lexicon: which words one outlet uses where another uses
//! others, counted over every aligned pair.

mod tally;

use rayon::prelude::*;

use serde::{Deserialize, Serialize};

use crate::AnalyzedDocument;
use crate::align::{Alignment, SentenceRef};
use crate::diff::{Category, Difference, DifferenceKind};
use crate::fasthash::FastMap;

use tally::{Counted, Example, Interner, Key, Tally, Written};

/// Two aligned sentences, one per side.
///
/// ```
/// use framediff::align::SentenceRef;
/// use framediff::framing::lexicon::PairRef;
/// let pair = PairRef {
///     a: SentenceRef { doc: "rt".into(), sentence: 3 },
///     b: SentenceRef { doc: "afp".into(), sentence: 1 },
/// };
/// assert_eq!(serde_json::to_value(&pair).unwrap()["b"]["doc"], "afp");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PairRef {
    /// The sentence with term `a`.
    pub a: SentenceRef,
    /// The sentence with term `b`.
    pub b: SentenceRef,
}

/// One substitution and how often it occurs.
///
/// ```
/// use framediff::diff::Category;
/// use framediff::framing::lexicon::LexiconEntry;
/// let e = LexiconEntry {
///     a: "terroristes".into(), b: "rebelles".into(),
///     category: Category::ActorLabel, count: 2, examples: vec![],
///     a_outlets: vec!["RT".into()], b_outlets: vec!["AFP".into(), "Reuters".into()],
/// };
/// assert_eq!(serde_json::to_value(&e).unwrap()["category"], "actor_label");
/// assert_eq!(serde_json::to_value(&e).unwrap()["b_outlets"][1], "Reuters");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexiconEntry {
    /// The term on one side: its content words, lower case.
    pub a: String,
    /// The term on the other side.
    pub b: String,
    /// What the substitution does.
    pub category: Category,
    /// In how many places (aligned pairs) it occurs.
    pub count: usize,
    /// Up to three pairs of sentences where it occurs, first ones first.
    pub examples: Vec<PairRef>,
    /// The outlets that write `a` where another writes `b`, by name.
    #[serde(default)]
    pub a_outlets: Vec<String>,
    /// The outlets that write `b` where another writes `a`, by name.
    #[serde(default)]
    pub b_outlets: Vec<String>,
}

/// The substitutions between two outlets: `a` is what outlet `a` writes.
///
/// ```
/// use framediff::framing::lexicon::OutletPairLexicon;
/// let l = OutletPairLexicon { a: "AFP".into(), b: "RT".into(), entries: vec![] };
/// assert!(l.entries.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletPairLexicon {
    /// One outlet (the first by name).
    pub a: String,
    /// The other outlet.
    pub b: String,
    /// Its substitutions, strongest first.
    pub entries: Vec<LexiconEntry>,
}

/// Every substitution of a comparison, overall and per outlet pair.
///
/// Overall, the two terms of an entry are in alphabetical order, each with
/// the outlets that write it ([`LexiconEntry::a_outlets`]); the entries of
/// each outlet pair are in [`Lexicon::by_outlets`]. Entries are sorted
/// strongest first: most frequent, then named categories before `other`,
/// then alphabetically. Minor differences (function words only) are left
/// out.
///
/// ```
/// use framediff::{Comparison, Document, diff::Category};
/// let docs = vec![
///     Document::new("rt", "Les terroristes ont attaqué Alep lundi.").with_outlet("RT"),
///     Document::new("afp", "Les rebelles ont attaqué Alep lundi.").with_outlet("AFP"),
/// ];
/// let cmp = Comparison::new(docs, &Default::default())?;
/// let top = &cmp.lexicon.overall[0];
/// assert_eq!((top.a.as_str(), top.b.as_str()), ("rebelles", "terroristes"));
/// assert_eq!(top.category, Category::ActorLabel);
/// assert_eq!((&top.a_outlets, &top.b_outlets), (&vec!["AFP".to_string()], &vec!["RT".to_string()]));
/// let afp_rt = &cmp.lexicon.by_outlets[0];
/// assert_eq!((afp_rt.a.as_str(), afp_rt.entries[0].a.as_str()), ("AFP", "rebelles"));
/// # Ok::<(), framediff::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lexicon {
    /// All outlet pairs together.
    pub overall: Vec<LexiconEntry>,
    /// One lexicon per pair of outlets, ordered by outlet names.
    pub by_outlets: Vec<OutletPairLexicon>,
}

/// Adds up the substitutions of every alignment.
///
/// Entries are counted by the terms' stems ("terroriste" and "terroristes"
/// are one term) and shown in the form first seen.
///
/// ```
/// use framediff::framing::lexicon::build;
/// let lexicon = build(&[], &[]);
/// assert!(lexicon.overall.is_empty());
/// ```
pub fn build(documents: &[AnalyzedDocument], alignments: &[Alignment]) -> Lexicon {
    build_in_blocks(documents, alignments, BLOCK)
}

/// [`build`], counting `block` alignments in each task.
fn build_in_blocks(
    documents: &[AnalyzedDocument],
    alignments: &[Alignment],
    block: usize,
) -> Lexicon {
    let by_id = super::positions_by_id(documents);
    // Outlets numbered in name order: comparing numbers compares names.
    let mut outlets: Vec<&str> = documents.iter().map(|d| d.document.label()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let outlet_of: Vec<u32> = documents
        .iter()
        .map(|d| {
            outlets
                .binary_search(&d.document.label())
                .unwrap_or_else(|i| i) as u32
        })
        .collect();
    // Blocks of alignments are counted side by side, each with its own
    // numbers, then added up in order: what the first occurrences decide
    // (the numbers, an entry's forms and examples) comes out as one count
    // from the start would give it.
    let blocks: Vec<Block> = (0..alignments.len().div_ceil(block))
        .into_par_iter()
        .map(|i| {
            let range = i * block..alignments.len().min((i + 1) * block);
            count(documents, alignments, range, (&by_id, &outlet_of))
        })
        .collect();
    let (mut terms, mut forms) = (Interner::default(), Interner::default());
    let mut overall = Vec::with_capacity(blocks.len());
    // Each outlet pair's tallies, with the block they come from.
    let mut pairs: FastMap<(u32, u32), Vec<(usize, Tally)>> = FastMap::default();
    let mut numbers = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.into_iter().enumerate() {
        numbers.push((terms.merge(block.terms), forms.merge(block.forms)));
        overall.push((i, block.overall));
        for (pair, tally) in block.by_outlets {
            pairs.entry(pair).or_default().push((i, tally));
        }
    }
    let add_up = |tallies| Tally::add_up(tallies, &numbers, alignments);
    let order = Order {
        terms: terms.ranks(),
        forms: forms.ranks(),
    };
    let rank = |tally| ranked(tally, &order, &forms, &outlets, alignments);
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    pairs.sort_unstable_by_key(|(pair, _)| *pair);
    // Each tally is added up and ranked on its own; collected in outlet
    // order.
    let (overall, by_outlets) = rayon::join(
        || rank(add_up(overall)),
        || {
            pairs
                .into_par_iter()
                .map(|((a, b), tallies)| OutletPairLexicon {
                    a: outlets[a as usize].to_string(),
                    b: outlets[b as usize].to_string(),
                    entries: rank(add_up(tallies)),
                })
                .collect()
        },
    );
    Lexicon {
        overall,
        by_outlets,
    }
}

/// Alignments counted in one task: enough that adding the blocks up costs
/// little beside counting them.
const BLOCK: usize = 16_384;

/// The substitutions of a block of alignments, with its own numbers.
struct Block {
    terms: Interner,
    forms: Interner,
    overall: Tally,
    by_outlets: FastMap<(u32, u32), Tally>,
}

/// Counts the substitutions of the alignments in `range`.
fn count(
    documents: &[AnalyzedDocument],
    alignments: &[Alignment],
    range: std::ops::Range<usize>,
    (by_id, outlet_of): (&FastMap<&str, usize>, &[u32]),
) -> Block {
    let (mut terms, mut forms) = (Interner::default(), Interner::default());
    let mut overall = Tally::default();
    let mut by_outlets: FastMap<(u32, u32), Tally> = FastMap::default();
    let (mut words_a, mut words_b) = (Vec::new(), Vec::new());
    for (position, link) in alignments
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        if link.a.sentences.is_empty() || link.b.sentences.is_empty() {
            continue;
        }
        let (Some(&da), Some(&db)) = (
            by_id.get(link.a.doc.as_str()),
            by_id.get(link.b.doc.as_str()),
        ) else {
            continue;
        };
        let swap = outlet_of[da] > outlet_of[db];
        for d in link.differences.iter().filter(|d| counts(d)) {
            if !term_words(&documents[da], d.a_span, &mut words_a)
                || !term_words(&documents[db], d.b_span, &mut words_b)
            {
                continue;
            }
            let example = Example {
                link: position as u32,
                swap,
                at: (
                    sentence_of(&documents[da], &link.a, d.a_span),
                    sentence_of(&documents[db], &link.b, d.b_span),
                ),
            };
            let (ka, kb) = (terms.id(&words_a, stem), terms.id(&words_b, stem));
            if ka == kb && d.category != Category::ScareQuotes {
                continue;
            }
            let mut written = |term, words: &[&crate::analyze::Token], outlet| Written {
                term,
                form: forms.id(words, normalized),
                outlet,
            };
            let (mut a, mut b) = (
                written(ka, &words_a, outlet_of[da]),
                written(kb, &words_b, outlet_of[db]),
            );
            if swap {
                std::mem::swap(&mut a, &mut b);
            }
            let pair = by_outlets.entry((a.outlet, b.outlet)).or_default();
            pair.add((a, b), d.category, example, alignments);
            let in_order = if forms.text(a.form) <= forms.text(b.form) {
                (a, b)
            } else {
                (b, a)
            };
            overall.add(in_order, d.category, example, alignments);
        }
    }
    Block {
        terms,
        forms,
        overall,
        by_outlets,
    }
}

/// The alphabetical rank of every interned term and form, so that entries
/// sort on numbers.
struct Order {
    terms: Vec<u32>,
    forms: Vec<u32>,
}

fn stem(token: &crate::analyze::Token) -> &str {
    &token.stem
}

fn normalized(token: &crate::analyze::Token) -> &str {
    &token.normalized
}

/// Substitutions of content words.
fn counts(d: &Difference) -> bool {
    d.kind == DifferenceKind::Substitution && !d.minor
}

/// The entries of a tally, strongest first (most frequent, then named
/// categories before `other`, then by forms, then by the terms' stems, so
/// that the order never depends on the tally's hashing), their strings
/// made.
fn ranked(
    mut entries: Vec<(Key, Counted)>,
    order: &Order,
    forms: &Interner,
    outlets: &[&str],
    alignments: &[Alignment],
) -> Vec<LexiconEntry> {
    // (term a, term b, category) is unique per entry: the order is total.
    entries.par_sort_unstable_by_key(|&((a, b, category), ref counted)| {
        (
            std::cmp::Reverse(counted.count),
            category == Category::Other,
            order.forms[counted.forms.0 as usize],
            order.forms[counted.forms.1 as usize],
            category,
            order.terms[a as usize],
            order.terms[b as usize],
        )
    });
    let names = |ranks: Vec<u32>| -> Vec<String> {
        ranks
            .into_iter()
            .map(|r| outlets[r as usize].to_string())
            .collect()
    };
    let pair = |example: &Example| {
        let ((da, sa), (db, sb)) = example.sides(alignments);
        PairRef {
            a: SentenceRef {
                doc: da.to_string(),
                sentence: sa,
            },
            b: SentenceRef {
                doc: db.to_string(),
                sentence: sb,
            },
        }
    };
    // Most rows are seen once: making their strings is most of the work.
    entries
        .into_par_iter()
        .map(|((_, _, category), counted)| LexiconEntry {
            a: forms.text(counted.forms.0).to_string(),
            b: forms.text(counted.forms.1).to_string(),
            category,
            count: counted.count,
            examples: counted.examples.iter().map(pair).collect(),
            a_outlets: names(counted.outlets.0),
            b_outlets: names(counted.outlets.1),
        })
        .collect()
}

/// Which sentence of `side` holds `span`: 1 when the side joins two
/// sentences and the span starts in the second, 0 otherwise.
fn sentence_of(
    document: &AnalyzedDocument,
    side: &crate::align::Side,
    span: Option<(usize, usize)>,
) -> u8 {
    let second = side
        .sentences
        .get(1)
        .and_then(|&s| document.sentences.get(s));
    match (second, span) {
        (Some(second), Some((start, _))) => u8::from(start >= second.sentence.start),
        _ => 0,
    }
}

/// Fills `words` with the words of a span: its content words (all its
/// words when it has only function words, like "nous"). False when the
/// span has no words.
fn term_words<'d>(
    document: &'d AnalyzedDocument,
    span: Option<(usize, usize)>,
    words: &mut Vec<&'d crate::analyze::Token>,
) -> bool {
    words.clear();
    let Some((start, end)) = span else {
        return false;
    };
    // Sentences are in text order: skip those that end before the span.
    let first = document
        .sentences
        .partition_point(|s| s.sentence.end <= start);
    let tokens = document.sentences[first..]
        .iter()
        .take_while(|s| s.sentence.start < end)
        .filter(|s| start < s.sentence.end)
        .flat_map(|s| &s.tokens)
        .filter(|t| {
            start <= t.start
                && t.end <= end
                && !matches!(t.kind, crate::analyze::TokenKind::Punctuation)
        });
    words.extend(tokens.clone().filter(|t| t.is_content()));
    if words.is_empty() {
        words.extend(tokens);
    }
    !words.is_empty()
}

#[cfg(test)]
mod tests {
    use crate::diff::Category;
    use crate::{Comparison, Document};

    #[test]
    fn an_overall_entry_names_every_outlet_on_each_side() {
        let docs = [
            ("afp", "AFP", "Les rebelles ont attaqué Alep lundi."),
            ("rt", "RT", "Les terroristes ont attaqué Alep lundi."),
            (
                "reuters",
                "Reuters",
                "Les rebelles ont attaqué Alep lundi soir.",
            ),
            ("tass", "TASS", "Un terroriste a attaqué Alep lundi."),
        ]
        .map(|(id, outlet, text)| Document::new(id, text).with_outlet(outlet));
        let cmp = Comparison::new(docs.to_vec(), &Default::default()).unwrap();
        let row = cmp
            .lexicon
            .overall
            .iter()
            .find(|e| e.category == Category::ActorLabel)
            .expect("an actor label row");
        assert_eq!(row.a, "rebelles");
        assert_eq!(row.a_outlets, ["AFP", "Reuters"]);
        assert_eq!(
            row.b_outlets,
            ["RT", "TASS"],
            "terroriste and terroristes are one term"
        );
        assert_eq!(row.count, 4);
        let rt_tass = cmp
            .lexicon
            .by_outlets
            .iter()
            .find(|l| (l.a.as_str(), l.b.as_str()) == ("RT", "TASS"));
        assert!(
            rt_tass.is_none_or(|l| l.entries.iter().all(|e| e.category != Category::ActorLabel))
        );
    }

    #[test]
    fn blocks_added_up_count_as_one_count_from_the_start() {
        let docs = crate::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap();
        let cmp = Comparison::new(docs, &Default::default()).unwrap();
        let whole = super::build_in_blocks(&cmp.documents, &cmp.alignments, usize::MAX);
        assert_eq!(whole, cmp.lexicon);
        assert!(
            whole
                .overall
                .iter()
                .any(|e| e.count > 3 && e.examples.len() == 3)
        );
        for block in [1, 2, 3, 7, 50] {
            let blocks = super::build_in_blocks(&cmp.documents, &cmp.alignments, block);
            assert!(blocks == whole, "blocks of {block}");
        }
    }

    #[test]
    fn a_label_for_a_label_counts_wherever_it_stands() {
        let docs = [
            Document::new(
                "a",
                "Des centaines de manifestants ont bloqué les routes samedi à Paris.",
            ),
            Document::new(
                "b",
                "Samedi à Paris, les routes ont été bloquées par des casseurs.",
            ),
        ];
        let cmp = Comparison::new(docs.to_vec(), &Default::default()).unwrap();
        let labels: Vec<(&str, &str)> = cmp
            .lexicon
            .overall
            .iter()
            .filter(|e| e.category == Category::ActorLabel)
            .map(|e| (e.a.as_str(), e.b.as_str()))
            .collect();
        assert!(
            labels.iter().any(|&(a, b)| {
                let pair = [a, b];
                pair.iter().any(|w| w.contains("manifestants"))
                    && pair.iter().any(|w| w.contains("casseurs"))
            }),
            "{labels:?}"
        );
    }
}
