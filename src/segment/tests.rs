//! The traps of French and English news text, one test each.

use super::{Segmenter, SentenceKind};
use crate::lang::Language;

fn texts(language: Language, text: &str) -> Vec<&str> {
    Segmenter::new(language)
        .segment(text)
        .iter()
        .map(|s| s.text(text))
        .collect()
}

fn fr(text: &str) -> Vec<&str> {
    texts(Language::French, text)
}

fn en(text: &str) -> Vec<&str> {
    texts(Language::English, text)
}

fn kinds(language: Language, text: &str) -> Vec<(&str, SentenceKind)> {
    Segmenter::new(language)
        .segment(text)
        .iter()
        .map(|s| (s.text(text), s.kind))
        .collect()
}

/// The kind of a line standing alone in a French page.
fn kind_of_line(line: &str) -> SentenceKind {
    let sentences = Segmenter::new(Language::French).segment(line);
    assert_eq!(sentences.len(), 1, "{line:?} is not one sentence");
    sentences[0].kind
}

#[test]
fn french_titles_are_not_sentence_ends() {
    assert_eq!(
        fr("M. Dupont et Mme Martin ont parlé. MM. Durand et Dupuis aussi. Le Dr. Roux s’est tu."),
        [
            "M. Dupont et Mme Martin ont parlé.",
            "MM. Durand et Dupuis aussi.",
            "Le Dr. Roux s’est tu."
        ]
    );
}

#[test]
fn french_etc_ends_a_sentence_only_before_a_capital() {
    assert_eq!(
        fr("Alep, Hama, etc. sont tombées. Ils ont pris Alep, Hama, etc. Le régime recule."),
        [
            "Alep, Hama, etc. sont tombées.",
            "Ils ont pris Alep, Hama, etc.",
            "Le régime recule."
        ]
    );
}

#[test]
fn french_p_ex_is_one_abbreviation() {
    assert_eq!(
        fr("Des villes, p. ex. Alep, sont tombées. Puis Hama."),
        ["Des villes, p. ex. Alep, sont tombées.", "Puis Hama."]
    );
}

#[test]
fn initials_are_not_sentence_ends() {
    assert_eq!(
        fr("J.-L. Mélenchon a réagi. E. Macron aussi, avec J. Bardella."),
        [
            "J.-L. Mélenchon a réagi.",
            "E. Macron aussi, avec J. Bardella."
        ]
    );
}

#[test]
fn thousands_with_spaces_points_and_no_break_spaces() {
    for thousand in ["1 000", "1\u{a0}000", "1\u{202f}000", "1.000"] {
        let text = format!("Il y a {thousand} morts. Le bilan s’alourdit.");
        assert_eq!(
            fr(&text),
            [
                &format!("Il y a {thousand} morts.")[..],
                "Le bilan s’alourdit."
            ]
        );
    }
}

#[test]
fn decimal_comma_and_percent() {
    assert_eq!(
        fr("Le PIB a reculé de 3,5 %. La croissance de 3.5 % attendra."),
        [
            "Le PIB a reculé de 3,5 %.",
            "La croissance de 3.5 % attendra."
        ]
    );
}

#[test]
fn guillemets_with_no_break_spaces_hold_several_sentences() {
    for space in [" ", "\u{a0}", "\u{202f}"] {
        let text = format!(
            "Il a dit :{space}«{space}Nous partons. Nous revenons.{space}» Puis il est parti."
        );
        let quote = format!("Il a dit :{space}«{space}Nous partons. Nous revenons.{space}»");
        assert_eq!(fr(&text), [quote.as_str(), "Puis il est parti."]);
    }
}

#[test]
fn guillemets_closing_after_the_full_stop_end_the_sentence() {
    assert_eq!(
        fr("Il promet « d’aider la région. » Puis il s’en va."),
        ["Il promet « d’aider la région. »", "Puis il s’en va."]
    );
}

#[test]
fn curly_quotes() {
    assert_eq!(
        fr("L’armée “s’est retirée. Tout est fini.” Ensuite, le silence."),
        [
            "L’armée “s’est retirée. Tout est fini.”",
            "Ensuite, le silence."
        ]
    );
    assert_eq!(
        en("He said it was “over and done, fini.” Next came the talks."),
        [
            "He said it was “over and done, fini.”",
            "Next came the talks."
        ]
    );
}

#[test]
fn ellipsis_ends_a_sentence_only_before_a_capital() {
    for ellipsis in ["…", "..."] {
        let text = format!("Il hésite{ellipsis} puis accepte. Il hésite{ellipsis} Puis il refuse.");
        let first = format!("Il hésite{ellipsis} puis accepte.");
        let second = format!("Il hésite{ellipsis}");
        assert_eq!(
            fr(&text),
            [first.as_str(), second.as_str(), "Puis il refuse."]
        );
    }
}

#[test]
fn omissions_in_brackets_end_nothing() {
    assert_eq!(
        fr("« Nous soutenons […] le gouvernement (...) syrien. » Il l’a redit."),
        [
            "« Nous soutenons […] le gouvernement (...) syrien. »",
            "Il l’a redit."
        ]
    );
}

#[test]
fn urls_and_email_addresses() {
    assert_eq!(
        fr(
            "Voir https://www.example.com/page.html?id=3. Écrivez à jean.dupont@site.fr. Merci ? Oui."
        ),
        [
            "Voir https://www.example.com/page.html?id=3.",
            "Écrivez à jean.dupont@site.fr.",
            "Merci ?",
            "Oui."
        ]
    );
}

#[test]
fn parentheses_hold_their_sentences() {
    assert_eq!(
        fr(
            "Le site de Saran (Loiret. Il compte 809 salariés.) est en grève. La direction minimise."
        ),
        [
            "Le site de Saran (Loiret. Il compte 809 salariés.) est en grève.",
            "La direction minimise."
        ]
    );
}

#[test]
fn a_quoted_subheading_run_into_the_text_is_its_own_sentence() {
    assert_eq!(
        fr(
            "Le chef n'a ni leader ni structure.\u{a0}« Vrai dialogue » En accord avec le président, une concertation se tiendra."
        ),
        [
            "Le chef n'a ni leader ni structure.",
            "« Vrai dialogue »",
            "En accord avec le président, une concertation se tiendra."
        ]
    );
    assert_eq!(
        fr("«Macron, démission» Le ministre a parlé."),
        ["«Macron, démission»", "Le ministre a parlé."]
    );
    // Not a quotation that a sentence goes on after, nor one inside it.
    assert_eq!(
        fr("« Nous partons », Il faut le dire."),
        ["« Nous partons », Il faut le dire."]
    );
    assert_eq!(
        fr("« Les Misérables » Hugo l'a écrit."),
        ["« Les Misérables » Hugo l'a écrit."]
    );
    assert_eq!(
        fr("Il a crié « Macron démission » Le soir même."),
        ["Il a crié « Macron démission » Le soir même."]
    );
    // Not a headline in title case, nor a last word alone.
    assert_eq!(
        en("“Fake News” Is the Enemy, Trump Says"),
        ["“Fake News” Is the Enemy, Trump Says"]
    );
    assert_eq!(
        en("“We Will Fight” The Senator Vows"),
        ["“We Will Fight” The Senator Vows"]
    );
    assert_eq!(fr("« Vrai dialogue » Le"), ["« Vrai dialogue » Le"]);
    // A quotation closed with its sentence is no longer open: a stray
    // closing guillemet later is no subheading's end (this panicked once).
    assert_eq!(
        fr("« Il part. » Les autres » Le soir venu, ils rentrent."),
        ["« Il part. »", "Les autres » Le soir venu, ils rentrent."]
    );
}

#[test]
fn glued_sentences_are_split() {
    assert_eq!(
        fr("Le régime est tombé.Les rebelles sont à Damas."),
        ["Le régime est tombé.", "Les rebelles sont à Damas."]
    );
    // Paragraphs joined without a space, around quotations.
    assert_eq!(
        fr("Il n'a pas convaincu les protestataires.« Aucune taxe ne le mérite », a-t-il dit."),
        [
            "Il n'a pas convaincu les protestataires.",
            "« Aucune taxe ne le mérite », a-t-il dit."
        ]
    );
    assert_eq!(
        fr("Ils ont crié « Macron démission! ».En fin de cortège, le calme est revenu."),
        [
            "Ils ont crié « Macron démission! ».",
            "En fin de cortège, le calme est revenu."
        ]
    );
    assert_eq!(
        fr("Il veut « tenir le cap ».«\u{a0}Le cap est fixé », dit-il."),
        [
            "Il veut « tenir le cap ».",
            "«\u{a0}Le cap est fixé », dit-il."
        ]
    );
    assert_eq!(
        en("\"We won.\"Then they left."),
        ["\"We won.\"", "Then they left."]
    );
    assert_eq!(
        fr("Il l'a dit à l'AFP.Dans le budget, rien. Le taux est de 46 %.Il baisse."),
        [
            "Il l'a dit à l'AFP.",
            "Dans le budget, rien.",
            "Le taux est de 46 %.",
            "Il baisse."
        ]
    );
    // Not after an initial or a dotted abbreviation, inside an address,
    // nor before a lower-case word.
    assert_eq!(fr("Voir M.Dupont."), ["Voir M.Dupont."]);
    assert_eq!(fr("Les U.S.Army sont là."), ["Les U.S.Army sont là."]);
    assert_eq!(
        fr("Voir www.lemonde.fr/«Le-dossier» pour le reste."),
        ["Voir www.lemonde.fr/«Le-dossier» pour le reste."]
    );
    assert_eq!(
        fr("Il a dit.« non » et il est parti."),
        ["Il a dit.« non » et il est parti."]
    );
}

#[test]
fn emoji_flag_at_line_start_stays_in_the_headline() {
    assert_eq!(
        kinds(
            Language::French,
            "🇸🇾 Les rebelles syriens ont pénétré dans le palais\nAlep est tombée."
        ),
        [
            (
                "🇸🇾 Les rebelles syriens ont pénétré dans le palais",
                SentenceKind::Title
            ),
            ("Alep est tombée.", SentenceKind::Body),
        ]
    );
}

#[test]
fn crlf_and_lone_cr_end_lines() {
    let text = "Titre\r\nUn. Deux\rTrois.";
    let spans: Vec<_> = Segmenter::new(Language::French)
        .segment(text)
        .iter()
        .map(|s| (s.index, s.start, s.end, s.text(text)))
        .collect();
    assert_eq!(
        spans,
        [
            (0, 0, 5, "Titre"),
            (1, 7, 10, "Un."),
            (2, 11, 15, "Deux"),
            (3, 16, 22, "Trois.")
        ]
    );
}

#[test]
fn leading_bom_is_outside_every_sentence() {
    let text = "\u{feff}Titre\nTexte.";
    let sentences = Segmenter::new(Language::French).segment(text);
    let spans: Vec<_> = sentences
        .iter()
        .map(|s| (s.start, s.end, s.text(text)))
        .collect();
    assert_eq!(spans, [(3, 8, "Titre"), (9, 15, "Texte.")]);
}

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    for language in [Language::French, Language::English, Language::Other] {
        for text in ["", " ", "\n\r\n", "\u{feff}", "\u{a0}\u{202f}\t"] {
            assert!(
                Segmenter::new(language).segment(text).is_empty(),
                "{text:?}"
            );
        }
    }
}

#[test]
fn headline_and_section_heading_are_titles() {
    assert_eq!(
        kinds(
            Language::French,
            "Le Kremlin réitère son soutien à Assad\nLa Russie aide. Elle le dit.\nSoutien chinois\nLa donne a changé."
        ),
        [
            (
                "Le Kremlin réitère son soutien à Assad",
                SentenceKind::Title
            ),
            ("La Russie aide.", SentenceKind::Body),
            ("Elle le dit.", SentenceKind::Body),
            ("Soutien chinois", SentenceKind::Title),
            ("La donne a changé.", SentenceKind::Body),
        ]
    );
}

#[test]
fn site_chrome_is_boilerplate() {
    for line in [
        "Lien source",
        "Share this content:",
        "Leave a Comment",
        "You may also like",
        "by Sara",
        "2024-12-02 16:19",
        "https://www.rt.com/news/608567-putin-pezeshkian-syria/",
        "Copyright © 2024 Tous droits réservés",
        "Traduction : Jean Dupont",
        "Syrie, Russie",
        "Home ActualitéBachar al-Assad a fui",
    ] {
        assert_eq!(kind_of_line(line), SentenceKind::Boilerplate, "{line:?}");
    }
}

#[test]
fn english_titles_and_acronyms() {
    assert_eq!(
        en("Mr. Smith met Dr. Jones in the U.S. Senate. They met in the U.S. Then they left."),
        [
            "Mr. Smith met Dr. Jones in the U.S. Senate.",
            "They met in the U.S.",
            "Then they left."
        ]
    );
}

#[test]
fn english_times_of_day() {
    assert_eq!(
        en("He came at 5 p.m. on Monday. She left at 9 a.m. The talks were over."),
        [
            "He came at 5 p.m. on Monday.",
            "She left at 9 a.m.",
            "The talks were over."
        ]
    );
}

#[test]
fn english_number_abbreviation() {
    assert_eq!(
        en("Resolution No. 5 passed. It was close."),
        ["Resolution No. 5 passed.", "It was close."]
    );
}

#[test]
fn a_quotation_closed_on_a_later_line_still_ends_the_sentence() {
    assert_eq!(
        fr("« Nous resterons.\nNous aiderons la région. » Puis il est parti."),
        [
            "« Nous resterons.",
            "Nous aiderons la région. »",
            "Puis il est parti."
        ]
    );
}

#[test]
fn list_numbers_are_not_sentences() {
    assert_eq!(
        en("1. The first item. 2.) The second item. He was 3. Then 4."),
        [
            "1. The first item.",
            "2.) The second item.",
            "He was 3.",
            "Then 4."
        ]
    );
}

/// The kinds of the one sentence each line is, in a page of `language`.
fn kinds_of_lines(language: Language, lines: &[String]) -> Vec<SentenceKind> {
    let segmenter = Segmenter::new(language);
    lines
        .iter()
        .map(|line| {
            let sentences = segmenter.segment(line);
            assert_eq!(sentences.len(), 1, "{line:?} is not one sentence");
            sentences[0].kind
        })
        .collect()
}

#[test]
fn a_line_starting_with_a_boilerplate_phrase_is_boilerplate_and_a_longer_word_is_not() {
    for language in [Language::French, Language::English] {
        let phrases: Vec<String> = language
            .resources()
            .boilerplate_phrases()
            .map(String::from)
            .collect();
        let capitalised = |phrase: &str| {
            let mut chars = phrase.chars();
            let first = chars.next().expect("a phrase is not empty");
            first.to_uppercase().chain(chars).collect::<String>()
        };
        let chrome: Vec<String> = phrases
            .iter()
            .map(|p| format!("{} suite du texte.", capitalised(p)))
            .collect();
        // The phrase glued to more letters is another word: "Partagerions".
        // A colon ends a phrase whatever follows it, so the letters take
        // its place.
        let near_misses: Vec<String> = phrases
            .iter()
            .map(|p| format!("{}xq suite du texte.", capitalised(p.trim_end_matches(':'))))
            .collect();
        assert!(
            kinds_of_lines(language, &chrome)
                .iter()
                .all(|k| *k == SentenceKind::Boilerplate),
            "{language:?}: {chrome:?}"
        );
        assert!(
            kinds_of_lines(language, &near_misses)
                .iter()
                .all(|k| *k == SentenceKind::Body),
            "{language:?}: {near_misses:?}"
        );
    }
}

#[test]
fn a_phrase_is_matched_on_the_key_that_drops_the_space_before_a_colon() {
    for line in [
        "Traduction\u{a0}: Jean Dupont.",
        "TRADUCTION : Jean.",
        "Photo : AFP.",
    ] {
        assert_eq!(kind_of_line(line), SentenceKind::Boilerplate, "{line:?}");
    }
    for line in [
        "Photographie : une foule.",
        "Tous droits réservésxq, dit-il.",
    ] {
        assert_eq!(kind_of_line(line), SentenceKind::Body, "{line:?}");
    }
}

#[test]
fn a_name_suffix_ends_a_sentence_only_before_a_function_word() {
    assert_eq!(
        en("Jesse Jackson Jr. Pleads Guilty"),
        ["Jesse Jackson Jr. Pleads Guilty"]
    );
    assert_eq!(
        en("Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty."),
        ["Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty."]
    );
    assert_eq!(
        en("He met Martin Luther King Jr. The next day he left."),
        ["He met Martin Luther King Jr.", "The next day he left."]
    );
}
