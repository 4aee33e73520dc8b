//! Soft matching: which distinct terms still count as (partly) the same.
//!
//! Three kinds of relation, all computed once per vocabulary, never per
//! sentence pair:
//! - spelling variants: "bashar"/"bachar", "jihadistes"/"djihadistes",
//!   "idlib"/"idleb": Jaro-Winkler on the accent-folded forms at or above a
//!   threshold (0.9, as in Cohen, Ravikumar and Fienberg's SoftTF-IDF),
//!   and a normalised Levenshtein similarity of at least 0.75, which
//!   rejects pairs that only share a long prefix ("contre"/"contrôle");
//! - concepts: words a journalist uses for the same event or referent
//!   ("frappe"/"bombardement", "rebelles"/"insurgés"), from a per-language
//!   lexicon ([`Concepts`]);
//! - rounded figures: "290.000" and the "287.710" it rounds.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::scratch_pool::Pool;
use serde::{Deserialize, Serialize};

use super::{Concepts, TermId, Vocabulary};
use crate::analyze::fold;

/// How two terms of a match relate.
///
/// ```
/// use framediff::vectorize::TermRelation;
/// assert_eq!(serde_json::to_string(&TermRelation::Variant).unwrap(), "\"variant\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TermRelation {
    /// The same stem.
    Exact,
    /// The same name or word spelled differently.
    Variant,
    /// Different words for the same event or referent.
    Synonym,
    /// A round figure and the exact one it rounds ("290.000" / "287.710").
    Rounded,
}

/// For each term of a vocabulary, the other terms that partly match it,
/// with a similarity in (0, 1).
///
/// ```
/// use framediff::analyze::Analyzer;
/// use framediff::lang::Language;
/// use framediff::vectorize::{Concepts, TermLinks, TermRelation, VectorSpace};
///
/// let a = Analyzer::new(Language::French);
/// let s = [a.analyze("Selon Bashar, les rebelles reculent"), a.analyze("Selon Bachar, les insurgés reculent")];
/// let space = VectorSpace::build(s.iter().map(|t| t.as_slice()));
/// let links = TermLinks::build(space.vocabulary(), &Concepts::for_language(Language::French), 0.9, 0.7);
/// let v = space.vocabulary();
/// let (bashar, bachar) = (v.id("bashar").unwrap(), v.id("bachar").unwrap());
/// assert_eq!(links.relation(bashar, bachar).map(|(_, r)| r), Some(TermRelation::Variant));
/// let (rebel, insurg) = (v.id("rebel").unwrap(), v.id("insurg").unwrap());
/// assert_eq!(links.relation(rebel, insurg), Some((0.7, TermRelation::Synonym)));
/// ```
#[derive(Debug, Clone, Default)]
pub struct TermLinks {
    neighbours: Vec<Vec<(TermId, f32, TermRelation)>>,
}

/// Levenshtein similarity a variant pair must also reach.
const MIN_LEVENSHTEIN: f64 = 0.75;
/// Trigrams one edit can change.
const TRIGRAMS_PER_EDIT: u32 = 3;

/// The trigrams two terms must share when the shorter has `shorter`
/// characters: a form of n characters has n trigrams once framed by ^ and
/// $, and a variant pair is one edit apart.
fn shared_trigrams_needed(shorter: u32) -> u32 {
    shorter.saturating_sub(TRIGRAMS_PER_EDIT)
}

/// The fewest characters a variant of a term of `len` characters can have
/// (the length filter of [`variant_pair`]: Levenshtein similarity is at
/// most one less the length difference over the longer length).
fn shortest_variant(len: u32) -> u32 {
    (MIN_LEVENSHTEIN * f64::from(len)).ceil() as u32
}
/// Terms this short are too easily confused to be spelling variants.
const MIN_VARIANT_CHARS: usize = 5;
/// A trigram shared by more terms than this says nothing about spelling.
const MAX_TRIGRAM_POSTING: usize = 2_000;

impl TermLinks {
    /// Links the terms of `vocabulary`: spelling variants at Jaro-Winkler
    /// `variant_threshold` or above (similarity = the Jaro-Winkler score),
    /// members of a shared concept (similarity = `synonym_similarity`), and
    /// a round figure and the exact one it rounds (similarity 0.5); a
    /// `synonym_similarity` of 0 turns both off.
    ///
    /// ```
    /// use framediff::vectorize::{Concepts, TermLinks, Vocabulary};
    /// let links = TermLinks::build(&Vocabulary::default(), &Concepts::default(), 0.9, 0.7);
    /// assert_eq!(links.relation(0, 1), None);
    /// ```
    pub fn build(
        vocabulary: &Vocabulary,
        concepts: &Concepts,
        variant_threshold: f32,
        synonym_similarity: f32,
    ) -> TermLinks {
        let mut neighbours: Vec<Vec<(TermId, f32, TermRelation)>> =
            vec![Vec::new(); vocabulary.len()];
        let variants = spelling_variants(vocabulary, variant_threshold)
            .into_iter()
            .chain(capitals_without_accent(vocabulary));
        for (a, b, sim) in variants {
            neighbours[a as usize].push((b, sim, TermRelation::Variant));
            neighbours[b as usize].push((a, sim, TermRelation::Variant));
        }
        if synonym_similarity > 0.0 {
            let mut members: HashMap<u32, Vec<TermId>> = HashMap::new();
            for (id, info) in vocabulary.iter().enumerate() {
                for &concept in concepts.of_stem(&info.stem) {
                    members.entry(concept).or_default().push(id as TermId);
                }
            }
            for group in members.values() {
                for &a in group {
                    for &b in group {
                        if a != b {
                            neighbours[a as usize].push((
                                b,
                                synonym_similarity,
                                TermRelation::Synonym,
                            ));
                        }
                    }
                }
            }
        }
        if synonym_similarity > 0.0 {
            for (round, exact) in super::figures::rounded_figures(vocabulary) {
                let link = |other| {
                    (
                        other,
                        super::figures::ROUNDED_SIMILARITY,
                        TermRelation::Rounded,
                    )
                };
                neighbours[round as usize].push(link(exact));
                neighbours[exact as usize].push(link(round));
            }
        }
        for list in &mut neighbours {
            // Keep the strongest relation per neighbour.
            list.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
            list.dedup_by_key(|n| n.0);
        }
        TermLinks { neighbours }
    }

    /// The terms partly matching `term`, sorted by id.
    ///
    /// ```
    /// let links = framediff::vectorize::TermLinks::default();
    /// assert!(links.neighbours(3).is_empty());
    /// ```
    pub fn neighbours(&self, term: TermId) -> &[(TermId, f32, TermRelation)] {
        self.neighbours
            .get(term as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// How two terms match: `(1.0, Exact)` for the same term, the link's
    /// similarity and kind for linked terms, `None` otherwise.
    ///
    /// ```
    /// let links = framediff::vectorize::TermLinks::default();
    /// assert_eq!(links.relation(2, 2), Some((1.0, framediff::vectorize::TermRelation::Exact)));
    /// ```
    pub fn relation(&self, a: TermId, b: TermId) -> Option<(f32, TermRelation)> {
        if a == b {
            return Some((1.0, TermRelation::Exact));
        }
        let list = self.neighbours(a);
        list.binary_search_by_key(&b, |n| n.0)
            .ok()
            .map(|i| (list[i].1, list[i].2))
    }
}

/// Each term's folded form when it may have spelling variants (a word of
/// at least `MIN_VARIANT_CHARS` characters, without a digit), and its
/// length in characters.
fn variant_forms(vocabulary: &Vocabulary) -> (Vec<Option<String>>, Vec<u32>) {
    let forms: Vec<Option<String>> = vocabulary
        .iter()
        .map(|info| {
            let form = fold(&info.form);
            // Figures differ by value, not by spelling: "boeing-737" is not
            // "boeing-747". A phrase (its stem holds a space) is matched
            // whole, not spelt.
            let spelt = !info.is_number
                && !form.contains(|c: char| c.is_ascii_digit())
                && !info.stem.contains(' ');
            (spelt && form.chars().count() >= MIN_VARIANT_CHARS).then_some(form)
        })
        .collect();
    let lengths = forms
        .iter()
        .map(|f| f.as_deref().map_or(0, |f| f.chars().count() as u32))
        .collect();
    (forms, lengths)
}

/// Pairs of terms (a < b) that are one word whose capital went without its
/// accent ("l'Etat" / "l'État", "Egypte" / "Égypte"), which the accent
/// gave two stems: their forms differ in the accent of the first letter
/// only. Words that differ in an accent further in are other words
/// ("côte" / "côté", "élève" / "élevé").
fn capitals_without_accent(vocabulary: &Vocabulary) -> Vec<(TermId, TermId, f32)> {
    let mut by_rest: HashMap<(String, &str), Vec<TermId>> = HashMap::new();
    for (id, info) in vocabulary.iter().enumerate() {
        let mut chars = info.form.chars();
        let Some(first) = chars.next() else { continue };
        if info.is_number || info.stem.contains(' ') {
            continue;
        }
        by_rest
            .entry((fold(&first.to_string()), chars.as_str()))
            .or_default()
            .push(id as TermId);
    }
    // Each group holds its ids in increasing order, so a < b.
    let mut pairs = Vec::new();
    for ids in by_rest.into_values() {
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                if vocabulary.info(a).stem != vocabulary.info(b).stem {
                    pairs.push((a, b, 1.0));
                }
            }
        }
    }
    pairs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    pairs
}

/// Pairs of terms (a < b) whose folded forms are near-identical. Candidates
/// come from a trigram index so the cost follows the vocabulary, not its
/// square.
fn spelling_variants(vocabulary: &Vocabulary, threshold: f32) -> Vec<(TermId, TermId, f32)> {
    let (forms, lengths) = variant_forms(vocabulary);
    let mut gram_ids: HashMap<[char; 3], u32> = HashMap::new();
    // Each posting carries its term's length: the length test of
    // `variant_pair` is then read beside the id, and a term of a length
    // no variant can have is never counted.
    let mut postings: Vec<Vec<(TermId, u32)>> = Vec::new();
    let mut grams_of: Vec<Vec<u32>> = vec![Vec::new(); forms.len()];
    for (id, form) in forms.iter().enumerate() {
        if let Some(form) = form {
            let mut grams: Vec<u32> = trigrams(form)
                .into_iter()
                .map(|gram| {
                    let next = gram_ids.len() as u32;
                    *gram_ids.entry(gram).or_insert(next)
                })
                .collect();
            grams.sort_unstable();
            grams.dedup();
            postings.resize(gram_ids.len(), Vec::new());
            for &gram in &grams {
                postings[gram as usize].push((id as TermId, lengths[id]));
            }
            grams_of[id] = grams;
        }
    }
    // Only trigrams of lists short enough count. A pair of terms passes
    // only when they share all but three of the shorter one's trigrams
    // (see `variant_pair`), so a term's candidates come from its rarest
    // trigrams alone: leaving out its `needed - 1` most common ones, any
    // term that shares `needed` of them still shares one of the rest
    // (prefix filtering, as in Chaudhuri, Ganti and Kaushik's set
    // similarity joins). The common trigrams' long lists were most of the
    // visits; a candidate's count of them is looked up in its own
    // trigrams.
    let short = |gram: u32| postings[gram as usize].len() <= MAX_TRIGRAM_POSTING;
    let scratch_pool = Pool::new();
    let mut pairs: Vec<(TermId, TermId, f32)> = (0..forms.len())
        .into_par_iter()
        .with_min_len(256)
        .map_init(
            || scratch_pool.lease(|| (vec![0u32; forms.len()], Vec::<TermId>::new())),
            |scratch, a| {
                let (shared, touched) = &mut **scratch;
                let mut rarest: Vec<u32> =
                    grams_of[a].iter().copied().filter(|&g| short(g)).collect();
                rarest.sort_unstable_by_key(|&g| (postings[g as usize].len(), g));
                // A passing pair's shorter term is no shorter than
                // `shortest_variant` of a, which bounds the trigrams the
                // two must share.
                let needed = shared_trigrams_needed(shortest_variant(lengths[a])).max(1) as usize;
                let probe = (rarest.len() + 1).saturating_sub(needed);
                let (probed, common) = rarest.split_at(probe);
                for &gram in probed {
                    let list = &postings[gram as usize];
                    let later = list.partition_point(|&(b, _)| b as usize <= a);
                    for &(b, lb) in &list[later..] {
                        if !lengths_may_be_variants(lengths[a], lb) {
                            continue;
                        }
                        if shared[b as usize] == 0 {
                            touched.push(b);
                        }
                        shared[b as usize] += 1;
                    }
                }
                touched.sort_unstable();
                let found: Vec<(TermId, TermId, f32)> = touched
                    .iter()
                    .filter_map(|&b| {
                        // The common trigrams b holds are looked up only
                        // where they could make the pair pass; below that
                        // the pair fails whatever they add.
                        let lb = lengths[b as usize];
                        let mut count = shared[b as usize];
                        if count + common.len() as u32 >= shared_trigrams_needed(lengths[a].min(lb))
                        {
                            let of_b = &grams_of[b as usize];
                            count += common
                                .iter()
                                .filter(|g| of_b.binary_search(g).is_ok())
                                .count() as u32;
                        }
                        variant_pair(
                            vocabulary,
                            &forms,
                            &lengths,
                            a as TermId,
                            b,
                            count,
                            threshold,
                        )
                    })
                    .collect();
                for &b in touched.iter() {
                    shared[b as usize] = 0;
                }
                touched.clear();
                found
            },
        )
        .flatten_iter()
        .collect();
    pairs.sort_by_key(|&(a, b, _)| (a, b));
    pairs
}

/// Whether terms a and b, sharing `count` trigrams, are spelling variants,
/// and how similar.
fn variant_pair(
    vocabulary: &Vocabulary,
    forms: &[Option<String>],
    lengths: &[u32],
    a: TermId,
    b: TermId,
    count: u32,
    threshold: f32,
) -> Option<(TermId, TermId, f32)> {
    // The counts first: most candidates fail them, and the forms are a
    // read elsewhere in memory.
    let (la, lb) = (lengths[a as usize], lengths[b as usize]);
    if count < shared_trigrams_needed(la.min(lb)) {
        return None;
    }
    if !lengths_may_be_variants(la, lb) {
        return None;
    }
    let (fa, fb) = (forms[a as usize].as_deref()?, forms[b as usize].as_deref()?);
    if fa == fb || vocabulary.info(a).stem == vocabulary.info(b).stem {
        return None;
    }
    if crate::lang::is_prefixed_word(fa, fb) {
        return None;
    }
    // Two common words one letter apart at their end are other words
    // ("along"/"alone", "cancel"/"cancer") or inflections the stemmer
    // already joins. Where one is a name they stay variants: spellings of a
    // name differ anywhere ("Idlib"/"Idleb"), and a name and its adjective
    // ("Syrie"/"syrien", "Russia"/"Russian") are one participant. Requiring
    // both to be names costs those: English 0.558 -> 0.555, 003/004 0.360
    // -> 0.345. But the adjective is the name and a demonym ending ("n",
    // "i": "Iraq"/"iraqi"); any other common word is another word
    // ("macro", "macros" / "Macron", "parish" / "Paris").
    let (name_a, name_b) = (vocabulary.info(a).is_name(), vocabulary.info(b).is_name());
    let demonym = |name: &str, word: &str| {
        word.strip_prefix(name)
            .is_some_and(|ending| matches!(ending, "n" | "i"))
    };
    let name_and_its_word = match (name_a, name_b) {
        (true, true) => true,
        (true, false) => demonym(fa, fb),
        (false, true) => demonym(fb, fa),
        (false, false) => false,
    };
    if !name_and_its_word && differ_only_at_the_end(fa, fb) {
        return None;
    }
    // Two common words are one word only when they start alike (see
    // `one_word_spelled_two_ways`). A term never seen but first in its
    // sentence may be a name ("Bachar a rejeté…"): it is not held to that.
    let seen_lower = |t: TermId| vocabulary.info(t).lower > 0;
    if !name_a && !name_b && (seen_lower(a) || seen_lower(b)) && !one_word_spelled_two_ways(fa, fb)
    {
        return None;
    }
    let jw = strsim::jaro_winkler(fa, fb) as f32;
    (jw >= threshold && strsim::normalized_levenshtein(fa, fb) >= MIN_LEVENSHTEIN)
        .then_some((a, b, jw))
}

/// Whether two common words (accent-folded, as both callers pass them)
/// that pass the similarity tests may be one word. One edit apart, only where the edit is a known way to spell one
/// word two ways: a letter added in [`letter_added_spells_it`]'s few
/// cases ("djihadistes"/"jihadistes", "colour"/"color"); a letter changed
/// for one writing the same sound ([`ALTERNATIONS`]:
/// "organisation"/"organization"), a vowel for a vowel late in the word
/// ("congressman"/"congressmen"), a participle and a plural verb
/// ("marchant"/"marchent") or an infinitive and its participle
/// ("interdire"/"interdite"). Any other single edit makes another word,
/// far more often than a spelling: in the corpora's vocabularies,
/// "président"/"résident", "ministère"/"ministre", "county"/"country",
/// "protect"/"protest", "débat"/"début", "matière"/"manière". Two edits
/// apart, where they share the first seven tenths of the shorter: the
/// stemmer left apart two forms of one word ("interdits"/"interdire",
/// "syndicats"/"syndical"). Apart from their start they are other words,
/// sometimes the opposite ("indicted"/"vindicated", "forced"/"enforced",
/// "hausse"/"chaussée", "président"/"présent"); some sharing their start
/// are still other words ("attentats"/"attentes"), which only a
/// dictionary would tell.
pub(crate) fn one_word_spelled_two_ways(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) == 1 && strsim::osa_distance(a, b) == 1 {
        let (longer, shorter) = if la > lb { (a, b) } else { (b, a) };
        return letter_added_spells_it(longer, shorter) || participle_and_plural(a, b);
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let starts_alike = 10 * common >= 7 * la.min(lb);
    if la == lb
        && let Some(changed) = one_letter_changed(a, b)
    {
        // A vowel for a vowel: "congressman"/"congressmen", "advisor"/"adviser".
        let vowel = |c: char| "aeiouy".contains(c);
        return (starts_alike && vowel(changed.was) && vowel(changed.is))
            || participle_and_plural(a, b)
            || infinitive_and_participle(a, b)
            || one_sound_two_letters(a, changed);
    }
    starts_alike
}

/// The one letter in which two words of one length differ: where it is,
/// and what each word has there.
#[derive(Clone, Copy)]
struct ChangedLetter {
    at: usize,
    was: char,
    is: char,
}

/// The letter `b` changes in `a`, if they differ in exactly one.
fn one_letter_changed(a: &str, b: &str) -> Option<ChangedLetter> {
    let mut differing = a
        .chars()
        .zip(b.chars())
        .enumerate()
        .filter(|(_, (x, y))| x != y);
    match (differing.next(), differing.next()) {
        (Some((at, (was, is))), None) => Some(ChangedLetter { at, was, is }),
        _ => None,
    }
}

/// Whether two words are a French infinitive in "-re" and its past
/// participle ("interdire"/"interdite", "attendre"/"attendue",
/// "poursuivre"/"poursuivie", "inclure"/"incluse"), which the stemmer
/// leaves apart. The participle's ending follows the infinitive's:
/// "attire"/"attise" and "spare"/"spate" are other words.
fn infinitive_and_participle(a: &str, b: &str) -> bool {
    const ENDINGS: [(&str, &str); 7] = [
        ("ire", "ite"),
        ("dre", "due"),
        ("tre", "tue"),
        ("pre", "pue"),
        ("cre", "cue"),
        ("vre", "vie"),
        ("ure", "use"),
    ];
    // "élire"/"élite", "spire"/"spite": a start of two letters is no verb.
    const SHORTEST_START: usize = 3;
    let participle_of = |infinitive: &str, participle: &str| {
        ENDINGS.iter().any(|(of_infinitive, of_participle)| {
            infinitive.strip_suffix(of_infinitive).is_some_and(|start| {
                start.chars().count() >= SHORTEST_START
                    && participle.strip_suffix(of_participle) == Some(start)
            })
        })
    };
    participle_of(a, b) || participle_of(b, a)
}

/// Whether `longer`, which is `shorter` with one letter added, spells the
/// same word: "our" for "or" ("colour"/"color", "honours"/"honors") or
/// "dj" for "j" ("djihadistes"/"jihadistes", "tadjik"/"tajik"). Any other letter
/// added to a common word makes another word, in either language and far
/// more often than a spelling: "président"/"résident",
/// "ministère"/"ministre", "personnels"/"personnes",
/// "election"/"selection", "county"/"country", "armed"/"harmed",
/// "poisson"/"poison". A consonant doubled before an English ending
/// ("travelled"/"traveled") is the stemmer's to join; one doubled
/// elsewhere ("guerrilla"/"guerilla", "skilful"/"skillful") is lost, as
/// are British "ae" and "oe" ("paediatric") and typos: a doubled letter
/// as often makes another word ("filled"/"filed", "latter"/"later").
fn letter_added_spells_it(longer: &str, shorter: &str) -> bool {
    let longer: Vec<char> = longer.chars().collect();
    let at = longer
        .iter()
        .zip(shorter.chars())
        .take_while(|(x, y)| x == &y)
        .count();
    let (added, before, after) = (
        longer[at],
        at.checked_sub(1).map(|i| longer[i]),
        longer.get(at + 1).copied(),
    );
    // "fourth"/"forth", "pourtant"/"portant": "our" so early is a word.
    (added == 'u' && at >= 3 && before == Some('o') && after == Some('r'))
        || (added == 'd' && after == Some('j'))
}

/// Letters that write one sound in two spellings of a word:
/// "organised"/"organized", "sceptic"/"skeptic",
/// "kalachnikov"/"kalashnikov", "trotskiste"/"trotskyste".
const ALTERNATIONS: [(char, char); 5] =
    [('s', 'z'), ('c', 's'), ('c', 'k'), ('k', 'q'), ('i', 'y')];

/// Whether the letter changed in `word` (accent-folded), not its first,
/// and the letter put for it are an [`ALTERNATIONS`] pair.
fn one_sound_two_letters(word: &str, changed: ChangedLetter) -> bool {
    let ChangedLetter { at, was, is } = changed;
    // A "c" writes an "s" only before e, i, y ("licence"/"license") or as
    // "ch"/"sh": before any other letter it is a "k", and "c" for "s" makes
    // another word ("protect"/"protest", "détecter"/"détester").
    let soft_c = || matches!(word.chars().nth(at + 1), Some('e' | 'i' | 'y' | 'h'));
    at > 0
        && ALTERNATIONS
            .iter()
            .any(|&(p, q)| (was, is) == (p, q) || (was, is) == (q, p))
        && (!matches!((was, is), ('c', 's') | ('s', 'c')) || soft_c())
}

/// Whether two words differ only in the vowel before a final "nt": a
/// present participle and a plural verb ("marchant"/"marchent",
/// "disant"/"disent"), which the French stemmer leaves apart, or one
/// spelling of two ("dependant"/"dependent"). The participle of a verb in
/// "-ger" keeps an "e" before its "a" ("plongeant"/"plongent").
fn participle_and_plural(a: &str, b: &str) -> bool {
    const SHORTEST_START: usize = 3;
    let soft_g = |x: &str, y: &str| x.strip_suffix('e') == Some(y) && y.ends_with('g');
    match (verb_start(a), verb_start(b)) {
        (Some(x), Some(y)) => {
            (x == y || soft_g(x, y) || soft_g(y, x))
                && x.chars().count().min(y.chars().count()) >= SHORTEST_START
        }
        _ => false,
    }
}

/// A word without its ending "ant", "ent" or "ont".
fn verb_start(word: &str) -> Option<&str> {
    ["ant", "ent", "ont"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
}

/// Whether forms of `la` and `lb` characters may reach the Levenshtein
/// similarity of a variant pair, which is at most one less the length
/// difference over the longer length.
fn lengths_may_be_variants(la: u32, lb: u32) -> bool {
    (la.abs_diff(lb) as f64) <= (1.0 - MIN_LEVENSHTEIN) * la.max(lb) as f64
}

/// Whether two forms differ only in their last letter, or by one letter
/// added at the end.
fn differ_only_at_the_end(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common + 1 >= a.chars().count().max(b.chars().count())
}

fn trigrams(form: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = std::iter::once('^')
        .chain(form.chars())
        .chain(std::iter::once('$'))
        .collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::lang::Language;
    use crate::vectorize::VectorSpace;

    /// Every pair, compared directly: what the trigram index must find.
    fn brute_force_variants(vocabulary: &Vocabulary, threshold: f32) -> Vec<(TermId, TermId, f32)> {
        let (forms, lengths) = variant_forms(vocabulary);
        let mut pairs = Vec::new();
        for a in 0..forms.len() {
            for b in a + 1..forms.len() {
                let (Some(fa), Some(fb)) = (&forms[a], &forms[b]) else {
                    continue;
                };
                let (mut ga, mut gb) = (trigrams(fa), trigrams(fb));
                ga.sort_unstable();
                ga.dedup();
                gb.sort_unstable();
                gb.dedup();
                let shared = ga.iter().filter(|g| gb.contains(g)).count() as u32;
                let (a, b) = (a as TermId, b as TermId);
                pairs.extend(variant_pair(
                    vocabulary, &forms, &lengths, a, b, shared, threshold,
                ));
            }
        }
        pairs
    }

    #[test]
    fn common_words_are_one_word_only_when_they_start_alike_or_are_spelled_alike() {
        assert!(one_word_spelled_two_ways("djihadistes", "jihadistes"));
        assert!(one_word_spelled_two_ways("interdits", "interdire"));
        assert!(one_word_spelled_two_ways("organise", "organize"));
        assert!(one_word_spelled_two_ways("marchant", "marchent"));
        assert!(one_word_spelled_two_ways("disant", "disent"));
        for (a, b) in [
            ("organised", "organized"),
            ("organisation", "organization"),
            ("kalachnikov", "kalashnikov"),
            ("sceptical", "skeptical"),
            ("trotskistes", "trotskystes"),
            ("licence", "license"),
            ("colour", "color"),
            ("honours", "honors"),
            ("congressman", "congressmen"),
            ("advisor", "adviser"),
            ("interdire", "interdite"),
            ("attendre", "attendue"),
            ("poursuivre", "poursuivie"),
            ("inclure", "incluse"),
            ("plongeant", "plongent"),
            ("tadjik", "tajik"),
        ] {
            assert!(one_word_spelled_two_ways(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("chaise", "chasse"),
            ("serpent", "sergent"),
            ("debat", "debut"),
            ("matiere", "maniere"),
            ("president", "present"),
            ("intervention", "intention"),
            ("indicted", "vindicated"),
            ("forced", "enforced"),
            ("hausse", "chaussee"),
            ("porter", "apporter"),
            // One letter added.
            ("president", "resident"),
            ("ministere", "ministre"),
            ("personnels", "personnes"),
            ("election", "selection"),
            ("country", "county"),
            ("harmed", "armed"),
            ("poisson", "poison"),
            ("fourth", "forth"),
            ("pourtant", "portant"),
            // One letter changed.
            ("protest", "protect"),
            ("contrast", "contract"),
            ("detester", "detecter"),
            ("utilise", "utilite"),
            ("employers", "employees"),
            ("attise", "attire"),
            ("spate", "spare"),
            ("elire", "elite"),
        ] {
            assert!(!one_word_spelled_two_ways(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_capital_without_its_accent_spells_the_accented_word() {
        let found = variants_of(
            Language::French,
            "Selon l'Etat, la côte est haute. Selon l'État, le côté est bas.",
        );
        assert!(found.is_empty(), "spelling variants: {found:?}");
        let tokens = Analyzer::new(Language::French)
            .analyze("Selon l'Etat, la côte est haute. Selon l'État, le côté est bas.");
        let space = VectorSpace::build([tokens.as_slice()]);
        let v = space.vocabulary();
        let joined: Vec<(String, String)> = capitals_without_accent(v)
            .into_iter()
            .map(|(a, b, _)| (v.info(a).form.clone(), v.info(b).form.clone()))
            .collect();
        assert_eq!(joined, pairs(&[("etat", "état")]));
    }

    #[test]
    fn trigram_index_finds_what_brute_force_finds() {
        let text = "Bashar Bachar Bacharr Alep Aleppo Hezbollah Hizbollah Hezbolah \
                    djihadistes jihadistes jihadiste rebelles rebellion Zelensky \
                    Zelenskyy Zelenski Kharkiv Kharkov Charkiv offensive offensives";
        let tokens = Analyzer::new(Language::French).analyze(text);
        let space = VectorSpace::build([tokens.as_slice()]);
        let found = spelling_variants(space.vocabulary(), 0.85);
        assert_eq!(found, brute_force_variants(space.vocabulary(), 0.85));
        assert!(found.len() >= 5, "{found:?}");
    }

    /// The spelling variants among the words of `text`, as pairs of forms.
    fn variants_of(language: Language, text: &str) -> Vec<(String, String)> {
        let tokens = Analyzer::new(language).analyze(text);
        let space = VectorSpace::build([tokens.as_slice()]);
        let form = |t: TermId| space.vocabulary().info(t).form.clone();
        spelling_variants(space.vocabulary(), 0.9)
            .into_iter()
            .map(|(a, b, _)| (form(a), form(b)))
            .collect()
    }

    fn pairs(forms: &[(&str, &str)]) -> Vec<(String, String)> {
        forms.iter().map(|&(a, b)| (a.into(), b.into())).collect()
    }

    /// The split pass finds the terms linked to a sentence's terms among
    /// those terms' own links: every link must go both ways.
    #[test]
    fn links_go_both_ways() {
        let text = "Bashar Bachar Idlib Idleb rebelles insurgés frappe bombardement \
                    290.000 287.710 djihadistes jihadistes manifestants protestataires";
        let tokens = Analyzer::new(Language::French).analyze(text);
        let space = VectorSpace::build([tokens.as_slice()]);
        let links = TermLinks::build(
            space.vocabulary(),
            &Concepts::for_language(Language::French),
            0.9,
            0.7,
        );
        let mut linked = 0;
        for a in 0..space.vocabulary().len() as TermId {
            for &(b, sim, relation) in links.neighbours(a) {
                assert_eq!(links.relation(b, a), Some((sim, relation)), "{a} {b}");
                linked += 1;
            }
        }
        assert!(linked >= 8, "{linked}");
    }

    #[test]
    fn common_words_a_last_letter_apart_are_not_variants() {
        let found = variants_of(Language::English, "it is along, alone, to cancel cancer");
        assert!(found.is_empty(), "{found:?}");
        // Names may differ anywhere, the end included.
        let found = variants_of(
            Language::French,
            "Les rebelles tiennent Idlib et Idleb ; les troupes de Zelensky, de Zelenski reculent.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn names_holding_other_figures_are_not_variants() {
        let found = variants_of(
            Language::English,
            "The Boeing-737 and the Boeing-747; COVID-19 and COVID-20.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_word_and_its_opposite_are_not_variants() {
        let found = variants_of(
            Language::French,
            "apolitique, politique, asyndical, syndical, jihadistes, djihadistes",
        );
        assert_eq!(found, pairs(&[("jihadistes", "djihadistes")]));
        let found = variants_of(Language::English, "unfair, fair, nonpartisan, partisan");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_name_meets_its_adjective_not_a_shorter_common_word() {
        let found = variants_of(
            Language::French,
            "Selon Macron, la Syrie et le régime syrien ; une vision macro, des macros, la Somme, un sommet.",
        );
        assert_eq!(found, pairs(&[("syrie", "syrien")]));
    }
}
