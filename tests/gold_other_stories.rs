//! Alignment quality on two more stories, annotated for the project by
//! the dev gold's rules: an English one (two BASIL triplets, 2018) and a
//! French one of another kind than war (three reports of the second day of
//! the gilets jaunes blockades). The annotations hold ids, spans and links,
//! never the articles, which are read in `../shared/data`. One annotator
//! each, not checked by a second: they show whether what helps on the
//! seeds carries to other stories and to English. Floors are the levels
//! reached; measure with `cargo run --release --example evaluate`.
//!
//! Two more stories were held out: annotated the same way once the rules
//! and settings were set (a 2017 BASIL triplet, and the reception of
//! Macron's address of 10 December 2018). They said how far the levels
//! carried to stories nobody had tuned on; since then they have served to
//! choose `AlignConfig::phrase_threshold`, and newer stories were held
//! out in their place: a second round (2016 BASIL, 5 January 2019) and a
//! third (2019 BASIL, 1 December 2018), each annotated once the settings
//! of its time were set. The third served to choose the anchor boost;
//! a fourth (2014 BASIL, 4 December 2018), a fifth (2013 BASIL, 13
//! December 2018), a sixth (2010 BASIL, 7 January 2019) and a seventh
//! (2011 BASIL, 15 January 2019) have chosen no setting, though word lists
//! were read from the errors of the fifth, sixth and seventh once measured.
//!
//! Since then the link model (`AlignConfig::link_model`) was fitted on all
//! sixteen stories: each floor is a figure of a model that has seen its
//! story. `cargo run --release --example fit_link_model -- --leave-one-out`
//! scores each with a model fitted on the fifteen others; the two differ by
//! 0.03 at most (docs/alignment.md, *The link model*). Each test's note
//! ends with its figure under the model, then left out of the fit.

mod common;
#[path = "common/stories.rs"]
mod stories;

use framediff::Config;
use framediff::eval::{AnnotatedSet, best_common_threshold};

/// The names of the annotated stories, from `tests/fixtures/stories.txt`.
fn story_names() -> impl Iterator<Item = &'static str> {
    stories::annotated_stories().map(|(name, _)| name)
}

/// Loads an annotated set, or `None` (with a notice) without `../shared`.
fn set(name: &str) -> Option<AnnotatedSet> {
    let shared = common::shared_dir()?;
    let fixture = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Some(AnnotatedSet::load(fixture, shared.join("data")).expect("annotated set"))
}

/// framediff's link F1 on a set, which must reach `floor`, and the tuned
/// baseline's.
fn scores(name: &str, floor: f64) -> Option<(f64, f64)> {
    let set = set(name)?;
    let ours = set.score(&Config::default()).expect("comparison");
    let (_, baseline) = set.best_baseline();
    println!("{name}: framediff {ours:?}\n{name}: tuned baseline {baseline:?}");
    assert!(
        ours.f1 >= floor,
        "{name}: link F1 {:.3} fell below {floor}",
        ours.f1
    );
    Some((ours.f1, baseline.f1))
}

fn check(name: &str, floor: f64) {
    let Some((ours, baseline)) = scores(name, floor) else {
        return;
    };
    assert!(
        ours >= baseline,
        "{name}: framediff {ours:.3} below the tuned baseline {baseline:.3}"
    );
}

/// Link F1 0.595 when last measured (0.573 before "added" stemmed as
/// "add", 0.576 before "said" stemmed as "say"); the tuned baseline gets
/// 0.555.
/// With the link model 0.554 (left out of its fit 0.543). At first 0.558:
/// it dropped 22 right links and 23 wrong ones of the threshold's (many of
/// the right ones between a headline and the end of another article), and
/// added 4 right and 7 wrong.
/// 0.557 once a phrase linked only where each article writes it once (0.554 before).
#[test]
fn english_basil_stories() {
    check("basil-en", 0.555);
}

/// Link F1 0.606 when last measured (0.598 before "notamment" was a
/// function word); the tuned baseline gets 0.495.
/// With the link model 0.647 (0.647).
/// 0.652 once a phrase linked only where each article writes it once (0.647 before).
#[test]
fn french_gilets_jaunes_story() {
    check("gilets-fr", 0.65);
}

/// Link F1 0.309 when first measured, 0.328 when last raised. The tuned
/// baseline gets 0.423 here: the annotation links every sentence that
/// presupposes the main event (21 sentences, about 110 of its 241 links),
/// which a low threshold on shared story words finds and framediff's claim
/// guard does not.
/// With the link model 0.329 (0.329).
/// 0.330 once a phrase linked only where each article writes it once (0.329 before).
#[test]
fn held_out_english_story() {
    scores("heldout-en", 0.325);
}

/// Link F1 0.379 when first measured, 0.436 when last raised. The tuned
/// baseline gets 0.419 with 10 links (9 right), its threshold chosen on
/// these 33 gold links.
/// With the link model 0.491 (0.491).
#[test]
fn held_out_french_story() {
    scores("heldout-fr", 0.49);
}

/// A second round of held-out stories, annotated once `phrase_threshold`
/// was chosen (on the six sets before them) and looked at once, to measure
/// it: Mexico's former presidents on Trump's wall (BASIL, 2016), and the
/// day after the gilets jaunes' "acte VIII" (5 January 2019). Link F1 0.593
/// and 0.534 when first measured, 0.609 and 0.577 when last raised (once
/// "likely" had a stem of its own, and one letter added to a common word
/// and the French modals no longer made a link); the tuned baseline gets
/// 0.549 and 0.566.
/// With the link model 0.620 (0.624).
/// 0.606 once a phrase linked only where each article writes it once (0.620 before),
/// 0.610 once a phrase needed a word that anchors a claim, 0.615 once
/// English connectives ("whether", "though") were function words.
#[test]
fn held_out_english_story_second_round() {
    scores("heldout-en-2", 0.61);
}

/// See [`held_out_english_story_second_round`].
/// With the link model 0.632 (0.619).
/// 0.637 once a phrase linked only where each article writes it once (0.632 before).
#[test]
fn held_out_french_story_second_round() {
    scores("heldout-fr-2", 0.635);
}

/// A third round, annotated once concept phrases were in: the House
/// passing the For the People Act (BASIL, 2019), and the riots of the
/// gilets jaunes' "acte III" in Paris (1 December 2018). Link F1 0.465 and
/// 0.609 when first measured (the tuned baseline gets 0.500 and 0.611).
/// They were then used, with the other eight sets, to choose
/// `AlignConfig::anchor_boost`: 1.5 scored as well or better than 2 on all
/// eight sets that are not seeds, and took these two to 0.472 and 0.629.
/// No story is held out from the settings since. Two of the French
/// story's three articles are versions of one AFP report (28 of its 44
/// links). The English story 0.518 once party names met their acronyms
/// ("Dem" / "Democrats", "GOP" / "Republicans"), 0.535 once AP-style
/// headlines made no names, 0.556 once "majority" no longer stemmed as
/// "major", 0.559 once "said" stemmed as "say". The French story 0.638
/// once "également" was a function word.
/// With the link model 0.599 (0.599).
/// 0.593 once a phrase linked only where each article writes it once (0.599 before).
#[test]
fn held_out_english_story_third_round() {
    scores("heldout-en-3", 0.59);
}

/// See [`held_out_english_story_third_round`].
/// With the link model 0.648 (0.648).
/// 0.676 once a phrase linked only where each article writes it once (0.648 before).
#[test]
fn held_out_french_story_third_round() {
    scores("heldout-fr-3", 0.675);
}

/// A fourth round, annotated once the anchor boost was chosen and measured
/// once: the expected indictment of Representative Michael Grimm (BASIL,
/// 2014), and Édouard Philippe's first concessions to the gilets jaunes (4
/// December 2018), three write-ups of their own (Journal de Montréal's
/// AFP copy, Le Figaro, L'Humanité: no two share a run of eight words in
/// more than one sentence). Link F1 0.647 and 0.383 when first measured
/// (the tuned baseline 0.641 and 0.378, the baseline at one threshold
/// 0.629 and 0.376); the French story 0.386 once sentences glued to a
/// quotation and quoted subheadings were split (the tuned baseline
/// 0.393). 0.662 and 0.389 once words that start apart were no longer
/// spellings of one ("indicted" / "vindicated"); the French story 0.393
/// once "notamment" was a function word (the tuned baseline 0.396), 0.400
/// once "Etat" spelled "État", 0.404 once the French modals were generic
/// words. The English story 0.672 once "added" stemmed as "add", 0.681
/// once "said" stemmed as "say".
/// With the link model 0.691 (0.691).
#[test]
fn held_out_english_story_fourth_round() {
    scores("heldout-en-4", 0.685);
}

/// See [`held_out_english_story_fourth_round`].
/// With the link model 0.478 (0.478).
/// 0.493 once a phrase linked only where each article writes it once (0.478 before).
#[test]
fn held_out_french_story_fourth_round() {
    scores("heldout-fr-4", 0.49);
}

/// A fifth round, annotated after the fourth's segmentation fixes and
/// measured once: Jesse Jackson Jr. pleading guilty (BASIL, 2013), and the
/// left's censure motion rejected on 13 December 2018 (Le Figaro, Le
/// Point, L'Humanité, each written on its own). Link F1 0.562 and 0.427;
/// the tuned baseline gets 0.607 and 0.504, the baseline at one threshold
/// 0.577 and 0.504: framediff is behind on both. The English story 0.573
/// once "Jr." no longer ended a title's sentence (the baselines 0.605 and
/// 0.567); the French story 0.475 once party names met their acronyms
/// ("PCF, FI et PS" / "socialistes, communistes et Insoumis"). The
/// English story 0.584 once "said" stemmed as "say".
/// With the link model 0.641 (0.641).
#[test]
fn held_out_english_story_fifth_round() {
    scores("heldout-en-5", 0.64);
}

/// See [`held_out_english_story_fifth_round`].
/// With the link model 0.500 (0.495).
/// 0.516 once a phrase linked only where each article writes it once (0.500 before).
/// 0.511 once a function word with capitals inside was a name ("NOTRe"):
/// a link at the knife-edge of the refitted weights.
#[test]
fn held_out_french_story_fifth_round() {
    scores("heldout-fr-5", 0.51);
}

/// A sixth round, annotated while party names and their acronyms came
/// into the concept lists, and measured once before them: Michael Steele,
/// chairman of the Republican National Committee, under fire for calling
/// Afghanistan a war of Obama's choosing (BASIL, 2010). Link F1 0.393; the
/// tuned baseline 0.350, and 0.350 at one threshold. With the party names
/// 0.390 (0.352 while they held names of several words: see
/// `src/lang/concepts_fr.txt`); 0.407 once "party" was a participant word,
/// so that "Republican party" alone no longer made a claim; 0.404 once
/// "added" stemmed as "add", a reporting word; 0.400 once irregular verb
/// forms took their verb's stem.
/// With the link model 0.420 (0.404).
/// 0.433 once a phrase linked only where each article writes it once (0.420 before).
/// 0.449 once a line printed word for word by two outlets linked without
/// an event word ("But one of them shouldn't be the chairman of the
/// Republican Party").
#[test]
fn held_out_english_story_sixth_round() {
    scores("heldout-en-6", 0.445);
}

/// The sixth round's French story, annotated at the same time and
/// measured once, after the party names: Édouard Philippe announcing an
/// "anti-casseurs" law on 7 January 2019 (Le Figaro and L'Humanité each
/// on its own, Le Point the AFP wire). Link F1 0.482 (the same without the
/// party names); the tuned baseline 0.523, at one threshold 0.489. 0.494
/// once "national" was a generic word ("Assemblée nationale" /
/// "Rassemblement national" had made a claim), 0.500 once "droite" (the
/// right) no longer stemmed as "droit" (law), 0.494 once "sait" stemmed
/// as "savoir"; the tuned baseline, which reads the same stems, 0.538.
/// With the link model 0.518 (0.518).
/// 0.543 once a phrase linked only where each article writes it once (0.518 before).
#[test]
fn held_out_french_story_sixth_round() {
    scores("heldout-fr-6", 0.54);
}

/// A seventh round, annotated by a helper who did not see framediff's
/// output, after the word-list changes of its session (concepts for
/// eliminating, punishing and supporters; "également", "notamment",
/// "party", "national"), and measured once: Emmanuel Macron opening the
/// grand débat with some 600 Normandy mayors on 15 January 2019 (Le
/// Figaro and L'Humanité each on its own, Le Point the AFP wire). Link F1
/// 0.354 (P 0.47, R 0.28); the baseline 0.419 at its tuned threshold,
/// which is also its one threshold (0.14). framediff is behind. 0.359 once
/// "début" was no spelling of "débat", read from this story's errors;
/// 0.362 once "Etat" spelled "État"; 0.365 once "mairie" had a stem apart
/// from "maire"s, 0.376 once small numbers in words ("deux") no longer
/// anchored a link, and 0.379 once the French modals did not: the last
/// two read from this story's wrong links; 0.376 once irregular verb
/// forms took their verb's stem. The tuned baseline, which reads
/// the same stems, 0.432.
/// With the link model 0.394 (0.394).
/// 0.373 once a phrase linked only where each article writes it once (0.394 before).
/// 0.383 once a function word with capitals inside was a name: "la loi
/// NOTRe" had read as "our law" (0.387 before the refit).
#[test]
fn held_out_french_story_seventh_round() {
    scores("heldout-fr-7", 0.38);
}

/// The seventh round's English story, annotated at the same time and
/// measured once at the same settings: Anthony Weiner denies sending the
/// lewd photo but will not say whether it shows him (BASIL, 2011; NYT, Fox,
/// HuffPost). Link F1 0.391 (P 0.45, R 0.35); the baseline 0.383 at its
/// tuned threshold, which is also its one threshold (0.14): level. 0.389
/// once "added" stemmed as "add", 0.380 once "said" stemmed as "say".
/// With the link model 0.365 (0.370); first 0.354, before corroboration
/// reached pairs the model refused at any score: it dropped 7 right links
/// and 27 wrong ones of the threshold's, and the 8 it added were all wrong.
/// 0.369 once a phrase linked only where each article writes it once (0.365 before),
/// 0.372 once a phrase needed a word that anchors a claim, 0.398 once
/// English connectives were function words: "declined to say whether"
/// had made a claim through "whether", "though he does not know" through
/// "though"; 0.417 once a concept joined "his wife" to "married to" (read
/// from this story's missed links: "his wife, Huma Abedin" / "is married
/// to Huma Abedin").
#[test]
fn held_out_english_story_seventh_round() {
    scores("heldout-en-7", 0.41);
}

/// The baseline as a user would run it on a story whose answers nobody
/// has: with one threshold for every story, the one best on average over
/// the stories of `tests/fixtures/stories.txt`. Over the sixteen listed
/// when last measured: 0.14, mean F1 0.468, and framediff's mean 0.533, a
/// lead of 0.065 with the link model, which was fitted on these stories
/// (0.508 and 0.037 by the threshold alone; 0.034 before words Snowball joins to unrelated words had
/// stems of their own, which the baseline reads too, and before small
/// numbers and the forms of generic verbs stopped anchoring links; 0.042
/// over the fourteen before the seventh round, both
/// before and after "également" and "notamment" were function words, which
/// the baseline reads too; 0.036 over the twelve before the sixth round
/// and party names; 0.050 over the ten before the fifth round, on whose
/// two stories framediff is behind); over the eight before the fourth
/// round, 0.19, 0.474 and 0.541, a lead of 0.067 (0.061 before; with the
/// link model 0.20, 0.477 and 0.565, 0.088). The test fails when the lead over all
/// falls below 0.03, or the lead over those eight below 0.05, the floor
/// they set.
#[test]
fn framediff_leads_the_baseline_at_one_threshold() {
    const LATER_ROUNDS: [&str; 8] = [
        "heldout-en-4",
        "heldout-fr-4",
        "heldout-en-5",
        "heldout-fr-5",
        "heldout-en-6",
        "heldout-fr-6",
        "heldout-fr-7",
        "heldout-en-7",
    ];
    lead_at_one_threshold(story_names(), 0.03);
    lead_at_one_threshold(
        story_names().filter(|name| !LATER_ROUNDS.contains(name)),
        0.05,
    );
}

/// framediff's mean link F1 over the named stories must lead the
/// baseline's at its best common threshold by `floor`.
fn lead_at_one_threshold<'a>(names: impl Iterator<Item = &'a str>, floor: f64) {
    let Some(sets) = names.map(set).collect::<Option<Vec<_>>>() else {
        return;
    };
    let ours: f64 = sets
        .iter()
        .map(|set| set.score(&Config::default()).expect("comparison").f1)
        .sum::<f64>()
        / sets.len() as f64;
    let sweeps: Vec<_> = sets.iter().map(AnnotatedSet::baseline_sweep).collect();
    let (threshold, baseline) =
        best_common_threshold(&sweeps).expect("sweeps at one set of thresholds");
    println!(
        "{} stories: framediff mean F1 {ours:.3}; baseline {baseline:.3} at {threshold:.2}",
        sets.len()
    );
    assert!(
        ours - baseline >= floor,
        "{} stories: framediff {ours:.3} leads the baseline at one threshold ({baseline:.3} \
         at {threshold:.2}) by less than {floor}",
        sets.len()
    );
}

/// The annotators' notes paraphrase: none shares a run of eight words
/// with the articles it describes. (Runs of six occur where a fact says
/// itself alike: "Farenthold resigned from Congress on Friday".)
#[test]
fn the_notes_copy_no_run_of_article_words() {
    const RUN: usize = 8;
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    for name in story_names() {
        let Some(set) = set(name) else {
            return;
        };
        let runs: std::collections::HashSet<Vec<String>> = set
            .documents
            .iter()
            .flat_map(|d| {
                words(&d.text)
                    .windows(RUN)
                    .map(<[String]>::to_vec)
                    .collect::<Vec<_>>()
            })
            .collect();
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("json");
        let notes = json["links"]
            .as_array()
            .expect("links")
            .iter()
            .filter_map(|link| link["note"].as_str())
            .chain(json["about"].as_str());
        for note in notes {
            let copied = words(note)
                .windows(RUN)
                .find(|w| runs.contains(*w))
                .map(|w| w.join(" "));
            assert!(copied.is_none(), "{name}: a note copies {copied:?}: {note}");
        }
    }
}

#[test]
fn the_annotations_hold_no_article_text() {
    let names: Vec<&str> = story_names().collect();
    assert!(
        !names.is_empty(),
        "tests/fixtures/stories.txt lists no story"
    );
    for name in names {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("json");
        for sentence in json["sentences"].as_array().expect("sentences") {
            assert!(sentence.get("text").is_none(), "{name}: {sentence}");
        }
    }
}
