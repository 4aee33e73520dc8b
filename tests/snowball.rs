//! Conformance of the analysis chain with the Snowball 3 reference
//! vocabularies in `/work/shared/data/snowball` (see its `SOURCE.md`).
//!
//! rust-stemmers 1.2 implements the older Snowball 2 algorithms, so a strict
//! comparison cannot pass; instead the words that differ are pinned, and any
//! drift (a stemmer upgrade, a pipeline change altering stems) turns this red.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use framediff::analyze::{Analyzer, Token};
use framediff::lang::Language;

/// French words whose rust-stemmers stem differs from the Snowball 3 one once
/// elisions are split off: Snowball 3 (2025) handles the diaeresis as a
/// vowel mark ("archaïque" → "archa"), strips -ais/-aise ("française" →
/// "franc") and -oux plurals ("genoux" → "genou"), and has exceptions
/// ("nier", "palais", "mauvais").
const FRENCH_DIFFERENCES: &[&str] = &[
    "aiguë",
    "aiguës",
    "altaïque",
    "altaïques",
    "ambiguïté",
    "ambiguïtés",
    "amuïssement",
    "antijudaïsme",
    "apotropaïque",
    "archaïque",
    "archaïques",
    "archaïsme",
    "archaïsmes",
    "averroïsme",
    "averroïstes",
    "azerbaïdjanaise",
    "azerbaïdjanaises",
    "azoïque",
    "aïe",
    "bahaïsme",
    "banjoïste",
    "beauvais",
    "benzoïque",
    "bijoux",
    "cailloux",
    "calais",
    "canoë",
    "canoës",
    "choux",
    "contiguïté",
    "cénozoïque",
    "dadaïsme",
    "dadaïste",
    "dadaïstes",
    "dichroïsme",
    "exiguïté",
    "française",
    "françaises",
    "gaëlique",
    "genoux",
    "hautboïste",
    "hiboux",
    "hollandaises",
    "hébraïque",
    "hébraïques",
    "héroïcité",
    "héroïque",
    "héroïquement",
    "héroïques",
    "héroïsme",
    "jaloux",
    "japonaise",
    "japonaises",
    "jaïnisme",
    "joujoux",
    "judaïque",
    "judaïques",
    "judaïsme",
    "judaïté",
    "karaïsme",
    "lachaise",
    "laïcisme",
    "laïcité",
    "lipoïque",
    "malais",
    "mauvais",
    "maïeutique",
    "milanaise",
    "monoïque",
    "monoïques",
    "mosaïque",
    "mosaïques",
    "mosaïste",
    "mosaïstes",
    "moëlle",
    "mésozoïque",
    "niais",
    "nicolaïsme",
    "nie",
    "nier",
    "nierais",
    "nierons",
    "nié",
    "niée",
    "niées",
    "niés",
    "palais",
    "paléozoïque",
    "paléozoïques",
    "panathénaïque",
    "photovoltaïque",
    "photovoltaïques",
    "piémontaise",
    "poloïste",
    "portugaise",
    "poux",
    "prosaïque",
    "prosaïquement",
    "prosaïques",
    "ptolémaïque",
    "ptolémaïques",
    "rétinoïque",
    "shintoïsme",
    "shintoïste",
    "shintoïstes",
    "shivaïsme",
    "stoïcisme",
    "taekwondoïste",
    "taïwanaise",
    "taïwanaises",
    "thaïlandaise",
    "thaïlandaises",
    "voltaïque",
    "écossaise",
    "égoïsme",
    "égoïste",
    "égoïstes",
    "époux",
];

/// English words whose stems differ: Snowball 3 keeps doubled consonants
/// before -ed/-ing ("added" → "add"), stems -logist to -log, -ies after a
/// single letter to -ie ("vying" → "vie"), and has more R1 prefix exceptions
/// ("internal", "organic", "universal", "paste", "evening").
const ENGLISH_DIFFERENCES: &[&str] = &[
    "added",
    "adding",
    "apologists",
    "archaeologists",
    "ebbed",
    "ebbing",
    "emergencies",
    "emergency",
    "entomologist",
    "erred",
    "erring",
    "evening",
    "evenings",
    "genealogist",
    "geologist",
    "geologists",
    "hying",
    "interfered",
    "interfering",
    "internal",
    "internality",
    "internalization",
    "internalize",
    "internalized",
    "internalizes",
    "internally",
    "internalness",
    "international",
    "internationally",
    "internationals",
    "internment",
    "internments",
    "interval",
    "intervals",
    "lateral",
    "laterally",
    "offing",
    "oncologist",
    "oncologists",
    "organic",
    "organically",
    "organism",
    "organization",
    "organizations",
    "organize",
    "organized",
    "ornithologist",
    "ornithologists",
    "paste",
    "pasted",
    "pasting",
    "psychologist",
    "universal",
    "universally",
    "universities",
    "university",
    "vying",
];

/// The reference data, or `None` (with a notice) when `../shared` is absent,
/// unless `FRAMEDIFF_REQUIRE_SHARED=1` demands it.
fn snowball_dir() -> Option<PathBuf> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if shared.is_dir() {
        return Some(shared.join("data/snowball"));
    }
    if std::env::var("FRAMEDIFF_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!(
            "FRAMEDIFF_REQUIRE_SHARED=1 but {} is missing",
            shared.display()
        );
    }
    println!("skipping: /work/shared not found");
    None
}

/// The one stem the analyzer gives a vocabulary word, or `None` when the
/// word is not comparable with the reference.
///
/// Snowball 3 French strips a leading `l'`, `d'`, `qu'`... itself, so the
/// reference stem of "l'armée" is that of "armée": the word's stem is the
/// stem of its one word token once elided articles are set aside.
///
/// Two kinds of entries are not comparable, and are skipped:
/// - framediff also splits the longer elisions `jusqu'`, `lorsqu'`,
///   `puisqu'`, `quelqu'` (stop words in running text), which Snowball keeps
///   ("lorsqu'il" stems to "lorsqu'il");
/// - entries the tokenizer does not read as one word: a bare elision
///   ("l'"), apostrophe runs such as "'''", "'as'" or "l''''église", whose
///   apostrophes are punctuation tokens for framediff but word characters
///   for Snowball.
fn comparable_stem(analyzer: &Analyzer, word: &str) -> Option<String> {
    let tokens = analyzer.analyze(word);
    let (elided, rest): (Vec<&Token>, Vec<&Token>) = tokens.iter().partition(|t| t.elision);
    let snowball_strips = |t: &&Token| t.normalized == "qu'" || t.normalized.chars().count() == 2;
    match rest.as_slice() {
        [only] if only.is_word() && elided.iter().all(snowball_strips) => {
            Some(only.stem.to_string())
        }
        _ => None,
    }
}

struct Outcome {
    differing: BTreeSet<String>,
    compared: usize,
    skipped: Vec<String>,
    /// Words with a stem of their own ([`Language::own_stem`]).
    kept_apart: usize,
}

fn compare(dir: &Path, language: Language, name: &str) -> Outcome {
    let read = |file: &str| {
        let path = dir.join(name).join(file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let (voc, output) = (read("voc.txt"), read("output.txt"));
    assert_eq!(
        voc.lines().count(),
        output.lines().count(),
        "{name}: files not parallel"
    );
    let analyzer = Analyzer::new(language);
    let mut outcome = Outcome {
        differing: BTreeSet::new(),
        compared: 0,
        skipped: Vec::new(),
        kept_apart: 0,
    };
    for (word, reference) in voc.lines().zip(output.lines()) {
        // framediff keeps these apart from the unrelated word Snowball
        // joins them to ("crises" / "cris"), on purpose, elided or not
        // ("d'importance").
        let tokens = analyzer.analyze(word);
        if tokens
            .iter()
            .any(|t| language.own_stem(&t.normalized).is_some())
        {
            outcome.kept_apart += 1;
            continue;
        }
        match comparable_stem(&analyzer, word) {
            Some(stem) => {
                outcome.compared += 1;
                if stem != reference {
                    outcome.differing.insert(word.to_string());
                }
            }
            None => outcome.skipped.push(word.to_string()),
        }
    }
    outcome
}

fn assert_pinned(language: Language, name: &str, pinned: &[&str], skipped: usize) {
    let Some(dir) = snowball_dir() else { return };
    let outcome = compare(&dir, language, name);
    let pinned: BTreeSet<String> = pinned
        .iter()
        .filter(|w| language.own_stem(w).is_none())
        .map(|w| w.to_string())
        .collect();
    assert!(outcome.kept_apart > 0, "{name}: no word kept apart");
    let new: Vec<&String> = outcome.differing.difference(&pinned).collect();
    let gone: Vec<&String> = pinned.difference(&outcome.differing).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "{name}: stems drifted from the pinned list\n  now differ: {new:?}\n  now agree: {gone:?}"
    );
    // A tokenizer change that stops reading words as words shows up here.
    assert_eq!(
        outcome.skipped.len(),
        skipped,
        "{name}: skipped {:?}",
        outcome.skipped
    );
    assert!(
        outcome.compared > 20_000,
        "{name}: only {} compared",
        outcome.compared
    );
}

#[test]
fn french_stems_match_snowball_3_but_for_pinned_words() {
    assert_eq!(FRENCH_DIFFERENCES.len(), 118);
    assert_pinned(Language::French, "french", FRENCH_DIFFERENCES, 18);
}

#[test]
fn english_stems_match_snowball_3_but_for_pinned_words() {
    assert_eq!(ENGLISH_DIFFERENCES.len(), 57);
    assert_pinned(Language::English, "english", ENGLISH_DIFFERENCES, 15);
}
