//! Claims: the sentences of each outlet that carry one claim.

use serde::{Deserialize, Serialize};

/// A sentence of a document, by id and index.
///
/// ```
/// let r = framediff::align::SentenceRef { doc: "002".into(), sentence: 4 };
/// assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"doc":"002","sentence":4}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SentenceRef {
    /// The document id.
    pub doc: String,
    /// The sentence index in the document.
    pub sentence: usize,
}

/// One claim and the sentences that carry it: one per document, or two
/// adjacent ones where an outlet split the claim (see
/// [`crate::align::AlignConfig::split_gain`]).
///
/// ```
/// use framediff::align::{Claim, SentenceRef};
/// let claim = Claim { id: 0, sentences: vec![SentenceRef { doc: "a".into(), sentence: 1 }] };
/// assert_eq!(claim.documents().count(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Position of the claim in story order, from 0.
    pub id: usize,
    /// The sentences, in input order of their documents.
    pub sentences: Vec<SentenceRef>,
}

impl Claim {
    /// The ids of the documents that carry the claim, each once.
    ///
    /// ```
    /// # use framediff::align::{Claim, SentenceRef};
    /// let claim = Claim { id: 0, sentences: vec![SentenceRef { doc: "a".into(), sentence: 1 }] };
    /// assert_eq!(claim.documents().collect::<Vec<_>>(), ["a"]);
    /// ```
    pub fn documents(&self) -> impl Iterator<Item = &str> {
        // A document's sentences sit together: skip the repeats.
        let mut last = None;
        self.sentences
            .iter()
            .map(|s| s.doc.as_str())
            .filter(move |&d| last.replace(d) != Some(d))
    }
}

/// Groups linked units into claims without chaining through a bridge.
///
/// `links` are (unit, unit, score); `doc_of[u]` is the document of unit
/// `u`. Links are taken strongest first; two groups merge only when they
/// share no document and more than half of the pairs between them are
/// linked, so A–B and B–C do not pull an unrelated C into A's claim.
/// Returns groups of units, each sorted, in story order. A link naming a
/// unit that `doc_of` does not hold is left out.
///
/// ```
/// use framediff::align::group_claims;
/// // Units 0, 1, 2 in documents 0, 1, 2; 0–1 and 1–2 linked, 0–2 not,
/// // unit 3 (document 2) linked to both 0 and 1.
/// let links = [(0, 1, 0.9), (1, 2, 0.5), (0, 3, 0.8), (1, 3, 0.7)];
/// let groups = group_claims(&links, &[0, 1, 2, 2]);
/// assert_eq!(groups, vec![vec![0, 1, 3]]);
/// // A unit past `doc_of` is no unit.
/// assert_eq!(group_claims(&[(0, 7, 0.9)], &[0, 1]), Vec::<Vec<usize>>::new());
/// ```
pub fn group_claims(links: &[(usize, usize, f32)], doc_of: &[usize]) -> Vec<Vec<usize>> {
    // The links themselves are sorted, not references to them: the loop
    // below and every comparison would read each link from wherever it
    // lies, a cache miss apiece on half a million links. The key (score,
    // a, b) is total, so only identical links could swap places.
    let known = |&&(a, b, _): &&(usize, usize, f32)| a < doc_of.len() && b < doc_of.len();
    let mut sorted: Vec<(usize, usize, f32)> = links.iter().filter(known).copied().collect();
    sorted.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    // Neighbour lists make each merge test cost the smaller group's links,
    // not the product of the group sizes: in a corpus of reprints a claim
    // gathers hundreds of sentences.
    let neighbours = Neighbours::new(&sorted, doc_of.len());
    // `NO_GROUP` until the unit is linked; 8 bytes a unit, not 16.
    let mut group_of: Vec<usize> = vec![NO_GROUP; doc_of.len()];
    // A group's (document, unit)s, sorted by document. A group never holds
    // two units of one document, so these are also its documents, looked
    // up by binary search: a hash set per group cost an allocation per
    // linked unit and a cache miss per test.
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    for &(a, b, _) in &sorted {
        for u in [a, b] {
            if group_of[u] == NO_GROUP {
                group_of[u] = groups.len();
                groups.push(vec![(doc_of[u], u)]);
            }
        }
        let (ga, gb) = (group_of[a], group_of[b]);
        if ga == gb {
            continue;
        }
        let (small, large) = if groups[ga].len() <= groups[gb].len() {
            (ga, gb)
        } else {
            (gb, ga)
        };
        let shares_a_document = groups[small].iter().any(|&(document, _)| {
            groups[large]
                .binary_search_by_key(&document, |&(d, _)| d)
                .is_ok()
        });
        if shares_a_document {
            continue;
        }
        let pairs = groups[ga].len() * groups[gb].len();
        let linked_pairs: usize = groups[small]
            .iter()
            .map(|&(_, u)| {
                neighbours
                    .of(u)
                    .iter()
                    .filter(|&&v| group_of[v] == large)
                    .count()
            })
            .sum();
        if linked_pairs * 2 <= pairs {
            continue;
        }
        let moved = std::mem::take(&mut groups[gb]);
        for &(_, u) in &moved {
            group_of[u] = ga;
        }
        // Two sorted runs: the stable sort merges them in one pass.
        groups[ga].extend(moved);
        groups[ga].sort();
    }
    let mut groups: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .map(|g| {
            let mut units: Vec<usize> = g.into_iter().map(|(_, u)| u).collect();
            units.sort_unstable();
            units
        })
        .collect();
    groups.sort();
    groups
}

/// The group of a unit no link has reached yet.
const NO_GROUP: usize = usize::MAX;

/// Each unit's linked units, sorted and each once, all in one array: a
/// merge test reads them for every unit of the smaller group, and one
/// array spares a cache miss (and an allocation) per unit.
struct Neighbours {
    /// Unit u's neighbours are `units[from[u]..to[u]]`.
    from: Vec<usize>,
    to: Vec<usize>,
    units: Vec<usize>,
}

impl Neighbours {
    fn new(links: &[(usize, usize, f32)], count: usize) -> Neighbours {
        let mut from = vec![0; count + 1];
        for &(a, b, _) in links {
            from[a + 1] += 1;
            from[b + 1] += 1;
        }
        for u in 0..count {
            from[u + 1] += from[u];
        }
        let mut to = from[..count].to_vec();
        let mut units = vec![0; from[count]];
        for &(a, b, _) in links {
            units[to[a]] = b;
            to[a] += 1;
            units[to[b]] = a;
            to[b] += 1;
        }
        // Sorted and each once, in place: the list may end before the
        // room it was given.
        for u in 0..count {
            let list = &mut units[from[u]..to[u]];
            list.sort_unstable();
            let mut kept = 0;
            for at in 0..list.len() {
                if at == 0 || list[at] != list[kept - 1] {
                    list[kept] = list[at];
                    kept += 1;
                }
            }
            to[u] = from[u] + kept;
        }
        from.truncate(count);
        Neighbours { from, to, units }
    }

    fn of(&self, unit: usize) -> &[usize] {
        &self.units[self.from[unit]..self.to[unit]]
    }
}
