//! The framing lexicon: which words one outlet uses where another uses
//! others, counted over every aligned pair.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::AnalyzedDocument;
use crate::align::{Alignment, SentenceRef};
use crate::diff::{Category, Difference, DifferenceKind};

/// How many example pairs an entry keeps.
const EXAMPLES: usize = 3;

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

/// Entries are counted by the terms' stems ("terroriste" and "terroristes"
/// are one term), each numbered once ([`Terms`]), and shown in the form
/// first seen. Strings are made only for the rows of the result.
type Tally<'d> = HashMap<(u32, u32, Category), Counted<'d>>;

struct Counted<'d> {
    forms: (String, String),
    count: usize,
    examples: Vec<PairRef>,
    outlets: (BTreeSet<&'d str>, BTreeSet<&'d str>),
}

/// Term keys (stems), each numbered once.
#[derive(Default)]
struct Terms {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
}

impl Terms {
    fn id(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.clone());
        self.ids.insert(key, id);
        id
    }
}

/// Adds up the substitutions of every alignment.
///
/// ```
/// use framediff::framing::lexicon::build;
/// let lexicon = build(&[], &[]);
/// assert!(lexicon.overall.is_empty());
/// ```
pub fn build(documents: &[AnalyzedDocument], alignments: &[Alignment]) -> Lexicon {
    // The first document with an id wins, as a search from the start would.
    let mut by_id: HashMap<&str, &AnalyzedDocument> = HashMap::new();
    for d in documents {
        by_id.entry(d.document.id.as_str()).or_insert(d);
    }
    let outlet = |id: &str| by_id.get(id).map(|d| d.document.label());
    let mut terms = Terms::default();
    let mut overall = Tally::new();
    let mut by_outlets: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    for link in alignments {
        let (Some(&sa), Some(&sb)) = (link.a.sentences.first(), link.b.sentences.first()) else {
            continue;
        };
        let (Some(doc_a), Some(doc_b)) = (
            by_id.get(link.a.doc.as_str()),
            by_id.get(link.b.doc.as_str()),
        ) else {
            continue;
        };
        let mut pair = PairRef {
            a: SentenceRef {
                doc: link.a.doc.clone(),
                sentence: sa,
            },
            b: SentenceRef {
                doc: link.b.doc.clone(),
                sentence: sb,
            },
        };
        let (mut oa, mut ob) = (
            outlet(&link.a.doc).unwrap_or(&link.a.doc),
            outlet(&link.b.doc).unwrap_or(&link.b.doc),
        );
        let swap = oa > ob;
        if swap {
            std::mem::swap(&mut oa, &mut ob);
            std::mem::swap(&mut pair.a, &mut pair.b);
        }
        for d in link.differences.iter().filter(|d| counts(d)) {
            let (Some(ta), Some(tb)) = (term(doc_a, d.a_span), term(doc_b, d.b_span)) else {
                continue;
            };
            if ta.key == tb.key && d.category != Category::ScareQuotes {
                continue;
            }
            let (ta, tb) = if swap { (tb, ta) } else { (ta, tb) };
            let (ia, ib) = (terms.id(ta.key), terms.id(tb.key));
            let (a, b) = ((ia, &ta.form, oa), (ib, &tb.form, ob));
            add(
                by_outlets.entry((oa, ob)).or_default(),
                (a, b),
                d.category,
                &pair,
            );
            let (x, y) = if ta.form <= tb.form { (a, b) } else { (b, a) };
            add(&mut overall, (x, y), d.category, &pair);
        }
    }
    Lexicon {
        overall: ranked(overall, &terms),
        by_outlets: by_outlets
            .into_iter()
            .map(|((a, b), tally)| OutletPairLexicon {
                a: a.to_string(),
                b: b.to_string(),
                entries: ranked(tally, &terms),
            })
            .collect(),
    }
}

fn counts(d: &Difference) -> bool {
    d.kind == DifferenceKind::Substitution && !d.minor
}

/// One side of a substitution: the term's number, its form, and the outlet
/// that writes it.
type Written<'t, 'd> = (u32, &'t String, &'d str);

/// Counts one substitution: each side's term and the outlet that writes it.
fn add<'d>(
    tally: &mut Tally<'d>,
    ((a, form_a, outlet_a), (b, form_b, outlet_b)): (Written<'_, 'd>, Written<'_, 'd>),
    category: Category,
    pair: &PairRef,
) {
    let counted = tally.entry((a, b, category)).or_insert_with(|| Counted {
        forms: (form_a.clone(), form_b.clone()),
        count: 0,
        examples: Vec::new(),
        outlets: Default::default(),
    });
    counted.count += 1;
    counted.outlets.0.insert(outlet_a);
    counted.outlets.1.insert(outlet_b);
    if counted.examples.len() < EXAMPLES && !counted.examples.contains(pair) {
        counted.examples.push(pair.clone());
    }
}

fn ranked(tally: Tally, terms: &Terms) -> Vec<LexiconEntry> {
    let mut entries: Vec<((u32, u32), LexiconEntry)> = tally
        .into_iter()
        .map(|((a, b, category), counted)| {
            let entry = LexiconEntry {
                a: counted.forms.0,
                b: counted.forms.1,
                category,
                count: counted.count,
                examples: counted.examples,
                a_outlets: counted.outlets.0.into_iter().map(str::to_string).collect(),
                b_outlets: counted.outlets.1.into_iter().map(str::to_string).collect(),
            };
            ((a, b), entry)
        })
        .collect();
    // The terms' stems settle ties last, so the order never depends on the
    // tally's hashing.
    let key = |(a, b): (u32, u32)| (&terms.keys[a as usize], &terms.keys[b as usize]);
    entries.sort_by(|(kx, x), (ky, y)| {
        y.count
            .cmp(&x.count)
            .then((x.category == Category::Other).cmp(&(y.category == Category::Other)))
            .then_with(|| (&x.a, &x.b, x.category).cmp(&(&y.a, &y.b, y.category)))
            .then_with(|| key(*kx).cmp(&key(*ky)))
    });
    entries.into_iter().map(|(_, entry)| entry).collect()
}

/// A term as counted (its stems) and as shown (its normalised forms).
struct Term {
    key: String,
    form: String,
}

/// The term of a span: its content words (all its words when it has only
/// function words, like "nous"), space-separated.
fn term(document: &AnalyzedDocument, span: Option<(usize, usize)>) -> Option<Term> {
    let (start, end) = span?;
    // Sentences are in text order: skip those that end before the span.
    let first = document
        .sentences
        .partition_point(|s| s.sentence.end <= start);
    let tokens: Vec<&crate::analyze::Token> = document.sentences[first..]
        .iter()
        .take_while(|s| s.sentence.start < end)
        .filter(|s| start < s.sentence.end)
        .flat_map(|s| &s.tokens)
        .filter(|t| {
            start <= t.start
                && t.end <= end
                && !matches!(t.kind, crate::analyze::TokenKind::Punctuation)
        })
        .collect();
    let content: Vec<&crate::analyze::Token> =
        tokens.iter().copied().filter(|t| t.is_content()).collect();
    let words = if content.is_empty() { tokens } else { content };
    let join = |f: fn(&crate::analyze::Token) -> &str| {
        words.iter().map(|t| f(t)).collect::<Vec<&str>>().join(" ")
    };
    (!words.is_empty()).then(|| Term {
        key: join(|t| t.stem.as_str()),
        form: join(|t| t.normalized.as_str()),
    })
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
}
