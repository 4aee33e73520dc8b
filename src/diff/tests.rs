//! One test per category, in French and English, and the limits.

use super::{Category, Differ, DifferenceKind, SentenceDiff};
use crate::lang::Language;
use crate::{AnalyzedDocument, Document};

fn diff(
    language: Language,
    a: &str,
    b: &str,
) -> (SentenceDiff, AnalyzedDocument, AnalyzedDocument) {
    let da = AnalyzedDocument::new(Document::new("a", a), language);
    let db = AnalyzedDocument::new(Document::new("b", b), language);
    let diff = Differ::new(&[language]).diff(&da.sentences[0], &db.sentences[0]);
    (diff, da, db)
}

/// The (a, b, category) of every difference that is not minor.
fn named(language: Language, a: &str, b: &str) -> Vec<(String, String, Category)> {
    let (diff, da, db) = diff(language, a, b);
    for d in &diff.differences {
        if let (Some(text), Some((s, e))) = (&d.a, d.a_span) {
            assert_eq!(&da.document.text[s..e], text);
        }
        if let (Some(text), Some((s, e))) = (&d.b, d.b_span) {
            assert_eq!(&db.document.text[s..e], text);
        }
    }
    diff.differences
        .iter()
        .filter(|d| !d.minor)
        .map(|d| {
            (
                d.a.clone().unwrap_or_default(),
                d.b.clone().unwrap_or_default(),
                d.category,
            )
        })
        .collect()
}

fn has(found: &[(String, String, Category)], a: &str, b: &str, category: Category) -> bool {
    found
        .iter()
        .any(|(x, y, c)| x == a && y == b && *c == category)
}

fn no_spelling_variant(found: &[(String, String, Category)]) -> bool {
    !found
        .iter()
        .any(|(_, _, c)| *c == Category::SpellingVariant)
}

#[test]
fn actor_labels_differ_even_when_the_sentence_is_reordered() {
    let fr = named(
        Language::French,
        "Lundi, les terroristes ont attaqué Alep.",
        "Les rebelles ont attaqué Alep lundi.",
    );
    assert!(
        has(&fr, "terroristes", "rebelles", Category::ActorLabel),
        "{fr:?}"
    );
    let en = named(
        Language::English,
        "Terrorists attacked Aleppo.",
        "Rebels attacked Aleppo.",
    );
    assert!(
        has(&en, "Terrorists", "Rebels", Category::ActorLabel),
        "{en:?}"
    );
}

#[test]
fn a_conditional_or_an_adverb_hedges() {
    let fr = named(
        Language::French,
        "Les rebelles ont pris Alep.",
        "Les rebelles auraient pris Alep.",
    );
    assert!(has(&fr, "ont", "auraient", Category::Hedging), "{fr:?}");
    let en = named(
        Language::English,
        "Rebels took Aleppo.",
        "Rebels reportedly took Aleppo.",
    );
    assert!(has(&en, "", "reportedly", Category::Hedging), "{en:?}");
}

#[test]
fn another_source_is_attribution() {
    let fr = named(
        Language::French,
        "Selon SANA, l'armée a repris Hama.",
        "Selon le Kremlin, l'armée a repris Hama.",
    );
    assert!(
        fr.iter().any(|(a, b, c)| a.contains("SANA")
            && b.contains("Kremlin")
            && *c == Category::Attribution),
        "{fr:?}"
    );
    let en = named(
        Language::English,
        "The army retook Hama, the ministry spokesman said.",
        "The army retook Hama, SANA said.",
    );
    assert!(
        en.iter()
            .any(|(a, b, c)| a.contains("spokesman") && b == "SANA" && *c == Category::Attribution),
        "{en:?}"
    );
}

#[test]
fn one_name_spelled_two_ways_is_a_spelling_variant() {
    let fr = named(
        Language::French,
        "Le président Bashar Assad a parlé à Moscou.",
        "Le président Bachar al-Assad a parlé à Moscou.",
    );
    assert!(
        has(
            &fr,
            "Bashar Assad",
            "Bachar al-Assad",
            Category::SpellingVariant
        ),
        "{fr:?}"
    );
    let en = named(
        Language::English,
        "Fighting in Idlib resumed.",
        "Fighting in Idleb resumed.",
    );
    assert!(
        has(&en, "Idlib", "Idleb", Category::SpellingVariant),
        "{en:?}"
    );
}

#[test]
fn a_word_and_its_opposite_are_not_spellings_of_one_word() {
    let fr = named(
        Language::French,
        "Le mouvement se dit apolitique et asyndical.",
        "Le mouvement se dit politique et syndical.",
    );
    assert!(no_spelling_variant(&fr), "{fr:?}");
    let fr = named(
        Language::French,
        "Les jihadistes ont attaqué.",
        "Les djihadistes ont attaqué.",
    );
    assert!(
        has(&fr, "jihadistes", "djihadistes", Category::SpellingVariant),
        "{fr:?}"
    );
    let en = named(
        Language::English,
        "Grimm expects to be indicted on fraud charges.",
        "Grimm expects to be vindicated on fraud charges.",
    );
    assert!(no_spelling_variant(&en), "{en:?}");
}

#[test]
fn a_word_of_a_title_case_headline_is_no_part_of_a_name() {
    let language = Language::English;
    let da = AnalyzedDocument::new(
        Document::new("a", "Democrats urge Trump to cancel Putin summit"),
        language,
    );
    let db = AnalyzedDocument::new(
        Document::new(
            "b",
            "John McCain, Top Democrats Call On Trump To Cancel Putin Meeting",
        ),
        language,
    );
    let names = ["democrat", "trump", "putin", "mccain"].map(String::from);
    let differ = Differ::new(&[language]).with_names(names);
    let diff = differ.diff(&da.sentences[0], &db.sentences[0]);
    assert!(
        !diff
            .differences
            .iter()
            .any(|d| d.category == Category::SpellingVariant),
        "{:?}",
        diff.differences
    );
}

#[test]
fn other_figures_are_a_quantity() {
    let fr = named(
        Language::French,
        "Au moins 11 civils ont été tués.",
        "Au moins 15 civils ont été tués.",
    );
    assert!(has(&fr, "11", "15", Category::Quantity), "{fr:?}");
    let en = named(
        Language::English,
        "Several civilians were killed.",
        "Dozens of civilians were killed.",
    );
    assert!(
        en.iter()
            .any(|(a, b, c)| a == "Several" && b.starts_with("Dozens") && *c == Category::Quantity),
        "{en:?}"
    );
}

#[test]
fn a_figure_against_words_without_one_is_no_quantity() {
    // A quantity substitution needs a quantity on both sides: against a
    // word of time or manner, a figure is a different detail, not a
    // different count.
    let fr = named(
        Language::French,
        "Les rebelles ont pris Alep récemment.",
        "Les rebelles ont pris Alep le 30 novembre.",
    );
    assert!(
        fr.iter()
            .any(|(a, b, c)| a == "récemment" && b.contains("30") && *c != Category::Quantity),
        "{fr:?}"
    );
}

#[test]
fn one_figure_in_two_typographies_is_no_difference() {
    let diff = |a: &str, b: &str| diff(Language::French, a, b).0.differences;
    let found = diff(
        "Quelque 290 000 personnes ont manifesté samedi.",
        "Quelque 290.000 personnes ont manifesté samedi.",
    );
    assert!(found.is_empty(), "{found:?}");
    let rounded = named(
        Language::French,
        "Près de 290.000 personnes ont manifesté samedi.",
        "Près de 287.710 personnes ont manifesté samedi.",
    );
    assert!(
        has(&rounded, "290.000", "287.710", Category::Quantity),
        "{rounded:?}"
    );
}

#[test]
fn quotes_on_one_side_only_are_scare_quotes() {
    let fr = named(
        Language::French,
        "Les « rebelles » ont pris Alep.",
        "Les rebelles ont pris Alep.",
    );
    assert!(
        has(&fr, "« rebelles »", "rebelles", Category::ScareQuotes),
        "{fr:?}"
    );
    let en = named(
        Language::English,
        "The \"rebels\" took Aleppo.",
        "The rebels took Aleppo.",
    );
    assert!(
        has(&en, "\"rebels\"", "rebels", Category::ScareQuotes),
        "{en:?}"
    );
    // Each mark stays with the word it quotes, and in no other difference,
    // minor ones included: not beside the comma the other sentence has in
    // its place, nor with a word the other side does not quote.
    let cases = [
        (
            Language::French,
            "Divers « rebelles » et terroristes ont attaqué.",
            "Les rebelles, menés par HTS, ont attaqué.",
            "« rebelles »",
            "rebelles",
        ),
        (
            Language::English,
            "The \"rebels\" attacked.",
            "The \"moderate\" rebels attacked.",
            "\"rebels\"",
            "rebels",
        ),
    ];
    for (language, a, b, quoted, plain) in cases {
        let (diff, _, _) = diff(language, a, b);
        let marks: Vec<usize> = a
            .char_indices()
            .filter(|(_, c)| matches!(c, '«' | '»' | '"'))
            .map(|(i, _)| i)
            .collect();
        for d in &diff.differences {
            let holds_mark = d
                .a_span
                .is_some_and(|(s, e)| marks.iter().any(|&m| s <= m && m < e));
            if holds_mark {
                assert_eq!(
                    (d.a.as_deref(), d.b.as_deref(), d.category),
                    (Some(quoted), Some(plain), Category::ScareQuotes),
                    "{:#?}",
                    diff.differences
                );
            }
        }
    }
}

#[test]
fn loaded_words_and_added_modifiers_are_evaluative() {
    let fr = named(
        Language::French,
        "Les rebelles ont lancé une offensive éclair sur Alep.",
        "Les rebelles ont lancé une offensive sur Alep.",
    );
    assert!(has(&fr, "éclair", "", Category::Evaluative), "{fr:?}");
    let en = named(
        Language::English,
        "Rebels brutally attacked Aleppo.",
        "Rebels attacked Aleppo.",
    );
    assert!(has(&en, "brutally", "", Category::Evaluative), "{en:?}");
}

#[test]
fn a_plain_paraphrase_is_other() {
    let fr = named(
        Language::French,
        "Les rebelles ont pris Alep hier.",
        "Les rebelles ont pris Alep dimanche.",
    );
    assert!(has(&fr, "hier", "dimanche", Category::Other), "{fr:?}");
    let en = named(
        Language::English,
        "Rebels seized Aleppo.",
        "Rebels entered Aleppo.",
    );
    assert!(
        en.iter()
            .any(|(a, b, c)| a == "seized" && b == "entered" && *c == Category::Other),
        "{en:?}"
    );
}

#[test]
fn function_word_changes_are_kept_but_minor() {
    let (diff, _, _) = diff(
        Language::French,
        "Il parle de la guerre.",
        "Il parle à la guerre.",
    );
    let d = &diff.differences[0];
    assert_eq!((d.a.as_deref(), d.b.as_deref()), (Some("de"), Some("à")));
    assert_eq!(d.kind, DifferenceKind::Substitution);
    assert!(d.minor);
}

#[test]
fn identical_sentences_have_no_difference() {
    let (diff, _, _) = diff(Language::French, "Alep est tombée.", "Alep est tombée.");
    assert!(diff.differences.is_empty());
    assert_eq!(diff.anchors.len(), 4);
}

#[test]
fn very_long_sentences_are_cut_short_but_lose_no_token() {
    let words = |seed: usize| {
        (0..400)
            .map(|i| format!("mot{}x{}", (i * 7 + seed) % 997, i % 13))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (diff, da, db) = diff(Language::French, &words(1), &words(2));
    assert!(diff.cut_short);
    let covered =
        |tokens: &[crate::analyze::Token], anchored: Vec<usize>, spans: Vec<(usize, usize)>| {
            tokens.iter().enumerate().all(|(i, t)| {
                anchored.contains(&i) || spans.iter().any(|&(s, e)| s <= t.start && t.end <= e)
            })
        };
    assert!(covered(
        &da.sentences[0].tokens,
        diff.anchors.iter().map(|x| x.a).collect(),
        diff.differences.iter().filter_map(|d| d.a_span).collect(),
    ));
    assert!(covered(
        &db.sentences[0].tokens,
        diff.anchors.iter().map(|x| x.b).collect(),
        diff.differences.iter().filter_map(|d| d.b_span).collect(),
    ));
}

#[test]
fn subjects_after_an_article_stand_for_each_other() {
    // Both subjects open their sentence behind an article; the other
    // sentence's object is an actor too, but not in the subject's place.
    let fr = named(
        Language::French,
        "Les militants affirment avoir capturé Alep.",
        "L’alliance rebelle chasse les forces gouvernementales et a capturé Alep.",
    );
    assert!(
        fr.iter()
            .any(|(a, b, _)| a.contains("militants") && b.contains("alliance")),
        "{fr:?}"
    );
    assert!(
        !fr.iter()
            .any(|(a, b, _)| a.contains("militants") && b.contains("forces")),
        "{fr:?}"
    );
}

#[test]
fn phrases_that_only_share_their_place_are_not_paired() {
    // Two sentences that share little: "russes" and "Syrie" are the only
    // anchors far apart, and many phrases stand between the same two.
    let (diff, ..) = diff(
        Language::French,
        "Récemment, des avions russes basés en Syrie ont lancé des attaques contre des groupes extrémistes.",
        "Au moins 11 civils ont été tués lundi dans des frappes de l'aviation russe sur des secteurs de la région d'Idleb, contrôlés par les rebelles, dans le nord-ouest de la Syrie.",
    );
    let of_kind = |kind: DifferenceKind| -> Vec<(&str, &str)> {
        diff.differences
            .iter()
            .filter(|d| d.kind == kind && !d.minor)
            .map(|d| {
                let (a, b) = (d.a.as_deref(), d.b.as_deref());
                (a.unwrap_or_default(), b.unwrap_or_default())
            })
            .collect()
    };
    let substitutions = of_kind(DifferenceKind::Substitution);
    for (expected, why) in [
        (
            ("basés en", "dans le nord-ouest de la"),
            "both right before the same anchor (\"Syrie\"): a sign of role",
        ),
        (
            ("attaques", "frappes"),
            "words that anchor each other are no guess either",
        ),
    ] {
        assert!(
            substitutions.contains(&expected),
            "{expected:?}: {why}; {substitutions:?}"
        );
    }
    // Paired by their place alone, these read as one outlet's word for the
    // other's: each is what one side says and the other does not.
    let (omissions, additions) = (
        of_kind(DifferenceKind::Omission),
        of_kind(DifferenceKind::Addition),
    );
    for (a, b, why) in [
        ("groupes", "d'Idleb", "they only stand in the same stretch"),
        (
            "Récemment",
            "Au moins 11 civils",
            "an adverb and a subject only both open their sentence",
        ),
    ] {
        assert!(
            substitutions.iter().all(|&(x, y)| x != a && y != b),
            "{a:?} / {b:?} paired: {why}; {substitutions:?}"
        );
        assert!(omissions.contains(&(a, "")), "{a:?} in {omissions:?}");
        assert!(additions.contains(&("", b)), "{b:?} in {additions:?}");
    }
}

#[test]
fn a_phrase_of_a_concept_anchors_to_its_word_in_the_other_sentence() {
    let synonyms = |a: &str, b: &str| -> Vec<(String, String)> {
        let (diff, da, db) = diff(Language::English, a, b);
        let word =
            |doc: &AnalyzedDocument, i: usize| doc.sentences[0].tokens[i].surface.to_string();
        diff.anchors
            .iter()
            .filter(|x| x.relation == crate::vectorize::TermRelation::Synonym)
            .map(|x| (word(&da, x.a), word(&db, x.b)))
            .collect()
    };
    assert_eq!(
        synonyms(
            "The senator stepped down on Monday.",
            "The senator resigned on Monday."
        ),
        [("stepped".to_string(), "resigned".to_string())]
    );
    // Its words apart are no phrase: a step down the stairs is no resignation.
    assert!(
        synonyms(
            "The senator took a step, down the stairs.",
            "The senator resigned."
        )
        .is_empty()
    );
}

#[test]
fn a_label_against_a_plain_description_is_a_label() {
    // The cases the category is for: one outlet's label against another's
    // description of the same people, which no list holds.
    for (language, a, b, x, y) in [
        (
            Language::French,
            "Les terroristes ont attaqué le poste.",
            "Des hommes armés ont attaqué le poste.",
            "terroristes",
            "hommes armés",
        ),
        (
            Language::French,
            "Les manifestants ont bloqué le rond-point.",
            "Les gilets jaunes ont bloqué le rond-point.",
            "manifestants",
            "gilets jaunes",
        ),
        (
            Language::English,
            "The terrorists opened fire.",
            "Gunmen opened fire.",
            "terrorists",
            "Gunmen",
        ),
    ] {
        let found = named(language, a, b);
        assert!(
            found
                .iter()
                .any(|(p, q, c)| p.contains(x) && q.contains(y) && *c == Category::ActorLabel),
            "{x} / {y}: {found:?}"
        );
    }
}

#[test]
fn a_pronoun_added_alone_is_no_label() {
    let (diff, ..) = diff(
        Language::French,
        "Le Kremlin réitère son soutien à Assad.",
        "« Nous continuons de soutenir Assad », dit le Kremlin.",
    );
    let nous = diff
        .differences
        .iter()
        .find(|d| d.b.as_deref() == Some("Nous"))
        .expect("\"Nous\" is a difference");
    assert_eq!(nous.category, Category::Other, "{nous:?}");
}

#[test]
fn a_word_added_before_a_title_is_no_spelling_of_the_name() {
    let en = named(
        Language::English,
        "On Friday, Republican Rep. Michael Grimm said he expected to be indicted.",
        "On Friday, Rep. Michael Grimm said he expected to be indicted.",
    );
    assert!(no_spelling_variant(&en), "{en:?}");
    let en = named(
        Language::English,
        "In New York Republican Rep. Michael Grimm said he expected to be indicted.",
        "In New York Rep. Michael Grimm said he expected to be indicted.",
    );
    assert!(no_spelling_variant(&en), "{en:?}");
    // A title written without its period is one too.
    let en = named(
        Language::English,
        "On Friday, Republican Rep Michael Grimm said he expected to be indicted.",
        "On Friday, Rep Michael Grimm said he expected to be indicted.",
    );
    assert!(no_spelling_variant(&en), "{en:?}");
    // A first name before the shared surname is one.
    let en = named(
        Language::English,
        "The charges are unfounded, his lawyer William McGinley said.",
        "The charges are unfounded, his lawyer McGinley said.",
    );
    assert!(
        en.iter().any(|(_, _, c)| *c == Category::SpellingVariant),
        "{en:?}"
    );
}

/// Words a substitution shows are not also left out or added on their
/// own: the hedge right before a synonym goes with the act it hedges, and
/// what is left of its phrase ("qui" before "auraient pris") is named by
/// its own words.
#[test]
fn no_words_are_both_replaced_and_left_out() {
    let cases = [
        (
            "Les militants affirment avoir capturé le centre d’Alep.",
            "La ville d’Alep est tombée aux mains des insurgés.",
            ("affirment avoir capturé", "tombée"),
        ),
        (
            "Les rebelles, qui auraient pris Alep, avancent.",
            "Les rebelles, ayant capturé Alep, avancent.",
            ("auraient pris", "capturé"),
        ),
    ];
    let overlap = |x: Option<(usize, usize)>, y: Option<(usize, usize)>| matches!((x, y), (Some((s, e)), Some((t, f))) if s < f && t < e);
    for (a, b, (hedged_a, hedged_b)) in cases {
        let (diff, _, _) = diff(Language::French, a, b);
        let hedged = diff.differences.iter().any(|d| {
            d.category == Category::Hedging
                && d.a.as_deref() == Some(hedged_a)
                && d.b.as_deref() == Some(hedged_b)
        });
        assert!(hedged, "{:#?}", diff.differences);
        for one_sided in diff
            .differences
            .iter()
            .filter(|d| d.kind != DifferenceKind::Substitution)
        {
            let shown = diff.differences.iter().any(|s| {
                s.kind == DifferenceKind::Substitution
                    && (overlap(one_sided.a_span, s.a_span) || overlap(one_sided.b_span, s.b_span))
            });
            assert!(!shown, "{one_sided:?} shares words with a substitution");
            assert!(
                one_sided.category != Category::Hedging || one_sided.a.as_deref() != Some("qui"),
                "{one_sided:?}"
            );
        }
    }
}

/// A hedge before a shared word hedges that word, and is shown once: "ont"
/// / "auraient" before "lancé", not again with "attaque" / "offensive"
/// after it ("attaque" / "auraient lancé une offensive" was shown too, and
/// counted in the framing lexicon).
#[test]
fn a_hedge_is_shown_with_the_word_it_hedges_once() {
    let shown = |a: &str, b: &str| -> Vec<(String, String, Category)> {
        diff(Language::French, a, b)
            .0
            .differences
            .iter()
            .filter(|d| d.kind == DifferenceKind::Substitution)
            .map(|d| {
                (
                    d.a.clone().unwrap_or_default(),
                    d.b.clone().unwrap_or_default(),
                    d.category,
                )
            })
            .collect()
    };
    let cases = [
        (
            "Les terroristes ont lancé une attaque contre Alep.",
            "Selon l'OSDH, les rebelles auraient lancé une offensive sur Alep.",
            [
                ("ont", "auraient", Category::Hedging),
                ("attaque", "offensive", Category::Other),
            ],
        ),
        (
            "Les rebelles ont capturé Alep.",
            "Les insurgés auraient pris Alep.",
            [
                ("ont", "auraient", Category::Hedging),
                ("capturé", "pris", Category::Other),
            ],
        ),
    ];
    for (a, b, expected) in cases {
        let found = shown(a, b);
        for (x, y, category) in expected {
            assert!(found.contains(&(x.into(), y.into(), category)), "{found:?}");
        }
    }
}

/// The source one side adds on both sides of a shared name is one
/// phrase, counted once: not "porte-parole du Kremlin" and "Kremlin,
/// Dmitri Peskov" beside it.
#[test]
fn a_source_around_a_shared_name_is_one_phrase() {
    let (diff, _, _) = diff(
        Language::French,
        "Le Kremlin a déclaré que la Russie continuerait à soutenir Assad.",
        "Le porte-parole du Kremlin, Dmitri Peskov, a confirmé que la Russie soutient Assad.",
    );
    let sources: Vec<_> = diff
        .differences
        .iter()
        .filter(|d| d.category == Category::Attribution)
        .map(|d| (d.a.as_deref(), d.b.as_deref()))
        .collect();
    assert_eq!(
        sources,
        [(
            Some("Kremlin"),
            Some("porte-parole du Kremlin, Dmitri Peskov")
        )]
    );
}

/// A day is when, not part of a name; a courtesy title is one outlet's
/// house style: neither is a framing difference.
#[test]
fn days_and_courtesy_titles_name_nobody_differently() {
    let (day, _, _) = diff(
        Language::English,
        "Republican senators kept up pressure on Michael Steele Sunday.",
        "Conservatives kept up pressure on Michael Steele on Friday.",
    );
    assert!(
        day.differences
            .iter()
            .all(|d| d.category != Category::SpellingVariant),
        "{:#?}",
        day.differences
    );
    let (title, _, _) = diff(
        Language::English,
        "Mr. Steele issued a statement on Friday.",
        "Steele issued a statement on Friday.",
    );
    let shown: Vec<_> = title.differences.iter().filter(|d| !d.minor).collect();
    assert!(shown.is_empty(), "{shown:#?}");
    // "Needless to say" is the writer's connective: no source, no loaded
    // word, nobody's name, and no framing when one side leaves it out.
    let (connective, _, _) = diff(
        Language::English,
        "Needless to say, the war was not a war of choice.",
        "The war was not a war of choice.",
    );
    let shown: Vec<_> = connective.differences.iter().filter(|d| !d.minor).collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

/// A connective stands apart, and some only before punctuation: "that
/// said" after a noun reports, and so does "having said that" before what
/// was said.
#[test]
fn a_saying_inside_a_clause_still_reports() {
    let held = |language: Language, text: &str| {
        let classes = super::words::WordClasses::for_languages(&[language]);
        let tokens = crate::analyze::Analyzer::new(language).analyze(text);
        let held = classes.in_saying_without_source(&tokens);
        tokens
            .iter()
            .zip(held)
            .filter(|(_, h)| *h)
            .map(|(t, _)| t.surface.to_string())
            .collect::<Vec<_>>()
    };
    let en = Language::English;
    assert_eq!(held(en, "That said, the minister left."), ["That", "said"]);
    assert!(held(en, "It was the minister that said it.").is_empty());
    assert!(held(en, "Having said that he would resign, Smith left.").is_empty());
    assert!(held(en, "A memo followed. That said the deal was off.").is_empty());
    let fr = Language::French;
    assert_eq!(
        held(fr, "La taxe, c’est à dire le prix."),
        ["est", "à", "dire"]
    );
    assert!(
        held(
            fr,
            "Le rapport est clair : cela dit que le gouvernement a menti."
        )
        .is_empty()
    );
}

/// One connective for another is no framing; a name that is also a day
/// or month abbreviation ("The Sun") stays a name.
#[test]
fn connectives_swapped_and_names_like_dates() {
    let (swapped, _, _) = diff(
        Language::French,
        "Le gouvernement a relevé la taxe, c'est-à-dire le prix du gazole.",
        "Le gouvernement a relevé la taxe, autrement dit le prix du gazole.",
    );
    assert!(
        swapped.differences.iter().all(|d| d.minor),
        "{:#?}",
        swapped.differences
    );
    let sun = named(
        Language::English,
        "The Sun reported the deal on Friday.",
        "The Guardian reported the deal on Friday.",
    );
    assert!(
        has(&sun, "Sun", "Guardian", Category::Attribution),
        "{sun:?}"
    );
}

#[test]
fn a_category_is_named_as_json_writes_it() {
    // A category added to the enum and not to `ALL` fails to compile here.
    let place = |category: Category| match category {
        Category::ActorLabel => 0,
        Category::Hedging => 1,
        Category::Attribution => 2,
        Category::SpellingVariant => 3,
        Category::Quantity => 4,
        Category::ScareQuotes => 5,
        Category::Evaluative => 6,
        Category::Other => 7,
    };
    for (i, category) in Category::ALL.into_iter().enumerate() {
        assert_eq!(place(category), i);
        let json = serde_json::to_value(category).expect("a category serialises");
        assert_eq!(json.as_str(), Some(category.name()));
        assert_eq!(category.to_string(), category.name());
    }
}
