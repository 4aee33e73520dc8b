use super::{Analyzer, Token, TokenKind};
use crate::lang::Language;

/// The tokens of `text`, after checking that every token and part points
/// at its own bytes.
fn analyze(language: Language, text: &str) -> Vec<Token> {
    let tokens = Analyzer::new(language).analyze(text);
    check_offsets(text, &tokens);
    tokens
}

fn check_offsets(text: &str, tokens: &[Token]) {
    for t in tokens {
        assert_eq!(t.surface, &text[t.start..t.end], "{t:?}");
        check_offsets(text, &t.parts);
    }
}

fn fr(text: &str) -> Vec<Token> {
    analyze(Language::French, text)
}

/// Each token's surface and kind.
fn kinds(tokens: &[Token]) -> Vec<(&str, TokenKind)> {
    tokens
        .iter()
        .map(|t| (t.surface.as_str(), t.kind))
        .collect()
}

fn surfaces(tokens: &[Token]) -> Vec<&str> {
    tokens.iter().map(|t| t.surface.as_str()).collect()
}

fn only(tokens: &[Token]) -> &Token {
    assert_eq!(tokens.len(), 1, "{:?}", surfaces(tokens));
    &tokens[0]
}

#[test]
fn every_french_elision_splits_with_either_apostrophe() {
    let elisions = [
        "l", "d", "qu", "jusqu", "lorsqu", "puisqu", "n", "s", "c", "j", "m", "t",
    ];
    for elision in elisions {
        for apostrophe in ['’', '\''] {
            for head in [elision.to_string(), elision.to_uppercase()] {
                let text = format!("{head}{apostrophe}ont");
                let tokens = fr(&text);
                let expected = format!("{head}{apostrophe}");
                assert_eq!(surfaces(&tokens), [expected.as_str(), "ont"], "{text}");
                let elided = &tokens[0];
                assert!(elided.elision && elided.stop, "{text}");
                assert_eq!(elided.stem, format!("{elision}'"), "{text}");
                assert!(!tokens[1].elision, "{text}");
            }
        }
    }
}

#[test]
fn elision_with_a_stray_space_or_before_a_number() {
    let tokens = fr("L' armée");
    assert_eq!(surfaces(&tokens), ["L'", "armée"]);
    assert!(tokens[0].elision);
    let tokens = fr("l’11 septembre");
    assert_eq!(surfaces(&tokens), ["l’", "11", "septembre"]);
    assert!(tokens[0].elision);
}

#[test]
fn splits_and_joins_in_one_sentence_leave_the_other_tokens_as_they_were() {
    // A split ("l’armée"), a join ("qu" and "'"), an apostrophe after a
    // space (no join), words the filter leaves whole, before and after.
    let text = "Hier, l’armée et l ’État d’abord, puis qu' hier: aujourd’hui jusqu’à l’11.";
    let tokens = fr(text);
    assert_eq!(
        surfaces(&tokens),
        [
            "Hier",
            ",",
            "l’",
            "armée",
            "et",
            "l",
            "’",
            "État",
            "d’",
            "abord",
            ",",
            "puis",
            "qu'",
            "hier",
            ":",
            "aujourd’hui",
            "jusqu’",
            "à",
            "l’",
            "11",
            "."
        ]
    );
    let elided: Vec<&str> = tokens
        .iter()
        .filter(|t| t.elision)
        .map(|t| t.surface.as_str())
        .collect();
    assert_eq!(elided, ["l’", "d’", "qu'", "jusqu’", "l’"]);
    for token in &tokens {
        assert_eq!(&text[token.span()], token.surface, "{token:?}");
    }
}

#[test]
fn aujourdhui_and_presquile_stay_whole() {
    for text in ["aujourd’hui", "aujourd'hui", "presqu’île"] {
        let t = only(&fr(text)).clone();
        assert!(!t.elision && !t.stop, "{text}");
        assert!(t.normalized.contains('\''), "{text}");
    }
}

#[test]
fn elision_before_a_quote() {
    let tokens = fr("qu'\"Assad");
    assert_eq!(surfaces(&tokens), ["qu'", "\"", "Assad"]);
    assert!(tokens[0].elision);
    assert_eq!(tokens[1].kind, TokenKind::Punctuation);
    assert_eq!(tokens[2].stem, "assad");
}

#[test]
fn hyphenated_names_are_kept_whole_with_parts() {
    for (text, parts) in [
        ("Tahrir-al-Sham", &["Tahrir", "al", "Sham"][..]),
        ("al-Assad", &["al", "Assad"]),
        ("porte-parole", &["porte", "parole"]),
        ("Covid-19", &["Covid", "19"]),
    ] {
        let tokens = fr(text);
        let t = only(&tokens);
        assert_eq!(t.kind, TokenKind::Word, "{text}");
        assert!(!t.stop, "{text}");
        assert_eq!(surfaces(&t.parts), parts, "{text}");
    }
    let t = &fr("Covid-19")[0];
    assert_eq!(
        (t.parts[0].kind, t.parts[1].kind),
        (TokenKind::Word, TokenKind::Number)
    );
    let t = &fr("porte-parole")[0];
    assert_eq!(t.stem, format!("{}-{}", t.parts[0].stem, t.parts[1].stem));
}

#[test]
fn a_compound_of_stop_words_is_a_stop_word() {
    let tokens = fr("Que fera-t-il, a-t-il dit");
    let t = tokens.iter().find(|t| t.surface == "a-t-il").unwrap();
    assert!(t.stop);
    assert_eq!(surfaces(&t.parts), ["a", "t", "il"]);
}

#[test]
fn a_trailing_hyphen_stays_its_own_token() {
    let tokens = fr("pro- et anti-Assad");
    assert_eq!(surfaces(&tokens), ["pro", "-", "et", "anti-Assad"]);
    assert_eq!(tokens[1].kind, TokenKind::Punctuation);
    let tokens = fr("pro- et anti-");
    assert_eq!(surfaces(&tokens), ["pro", "-", "et", "anti", "-"]);
}

#[test]
fn elided_compound() {
    let tokens = fr("d’Al-Qaïda");
    assert_eq!(surfaces(&tokens), ["d’", "Al-Qaïda"]);
    assert_eq!(surfaces(&tokens[1].parts), ["Al", "Qaïda"]);
}

#[test]
fn thousands_separators_glue_digit_groups() {
    for space in [' ', '\u{a0}', '\u{202f}', '\u{2009}'] {
        let text = format!("1{space}000 morts et 100{space}000{space}000 déplacés");
        let tokens = fr(&text);
        assert_eq!(tokens.len(), 5, "{:?}", surfaces(&tokens));
        for (t, n) in [(&tokens[0], "1000"), (&tokens[3], "100000000")] {
            assert_eq!(
                (t.kind, t.normalized.as_str()),
                (TokenKind::Number, n),
                "{space:?}"
            );
        }
    }
}

#[test]
fn a_four_digit_year_does_not_glue() {
    for space in [' ', '\u{a0}', '\u{202f}'] {
        let tokens = fr(&format!("en 2024{space}150 morts"));
        assert_eq!(surfaces(&tokens)[1..3], ["2024", "150"], "{space:?}");
    }
    assert_eq!(surfaces(&fr("1 0000")), ["1", "0000"]);
}

#[test]
fn decimal_and_dotted_numbers() {
    for text in ["1.000", "3,5", "1.000.000,5"] {
        assert_eq!(only(&fr(text)).kind, TokenKind::Number, "{text}");
    }
    let t = only(&fr("12 345,67")).clone();
    assert_eq!(
        (t.kind, t.normalized.as_str()),
        (TokenKind::Number, "12345,67")
    );
}

#[test]
fn narrow_no_break_spaces_stay_out_of_words() {
    // French typography puts U+202F inside guillemets and before ! ? ; :
    let text = "«\u{202f}Alep\u{202f}» est tombée\u{202f}!";
    let tokens = fr(text);
    assert_eq!(surfaces(&tokens), ["«", "Alep", "»", "est", "tombée", "!"]);
    assert_eq!(tokens[1].stem, "alep");
}

#[test]
fn normalisation() {
    let t = only(&fr("ÉTAT")).clone();
    assert_eq!((t.normalized.as_str(), t.folded.as_str()), ("état", "etat"));

    let nfd = only(&fr("e\u{301}tat")).clone();
    let nfc = only(&fr("état")).clone();
    assert_eq!(nfd.surface, "e\u{301}tat");
    assert_eq!(
        (nfd.normalized, nfd.folded, nfd.stem),
        (nfc.normalized, nfc.folded, nfc.stem)
    );

    let t = only(&fr("Œuvre")).clone();
    assert_eq!(
        (t.normalized.as_str(), t.folded.as_str()),
        ("œuvre", "oeuvre")
    );

    for apostrophe in ['\'', '’', 'ʼ', '‘'] {
        let tokens = fr(&format!("l{apostrophe}État"));
        assert_eq!(tokens[0].normalized, "l'", "{apostrophe:?}");
        assert_eq!(tokens[1].normalized, "état", "{apostrophe:?}");
    }
}

#[test]
fn stop_words_are_flagged_not_removed() {
    let tokens = fr("Les rebelles et le régime");
    let flags: Vec<bool> = tokens.iter().map(|t| t.stop).collect();
    assert_eq!(flags, [true, false, true, true, false]);
    assert!(!tokens.iter().any(|t| t.stop && t.kind != TokenKind::Word));
}

/// The content words of `tokens`, by normalised form.
fn content(tokens: &[Token]) -> Vec<&str> {
    tokens
        .iter()
        .filter(|t| t.is_content())
        .map(|t| t.normalized.as_str())
        .collect()
}

#[test]
fn a_stop_word_that_is_also_a_noun_is_read_from_the_word_before() {
    let planes = fr("Des avions russes ont frappé Alep, dit-il : nous avions prévenu.");
    assert_eq!(
        content(&planes),
        ["avions", "russes", "frappé", "alep", "dit-il", "prévenu"]
    );
    assert_eq!(
        content(&fr("L'été dernier, la ville avait été prise.")),
        ["été", "dernier", "ville", "prise"]
    );
    let en = analyze(Language::English, "The will of the people: they will vote.");
    assert_eq!(content(&en), ["will", "people", "vote"]);
    // Object pronouns between the subject and the auxiliary.
    assert_eq!(
        content(&fr(
            "Nous les avions prévenus, nous leur avions dit : les avions arrivent."
        )),
        ["prévenus", "dit", "avions", "arrivent"]
    );
}

#[test]
fn acronyms_are_names_however_they_are_dotted() {
    let tokens = analyze(
        Language::English,
        "US troops left, U.S. officials said, and WHO agreed.",
    );
    let words = content(&tokens);
    assert_eq!(
        words,
        [
            "us",
            "troops",
            "left",
            "us",
            "officials",
            "said",
            "who",
            "agreed"
        ]
    );
    let stems: Vec<&str> = tokens
        .iter()
        .filter(|t| t.surface.starts_with('U'))
        .map(|t| t.stem.as_str())
        .collect();
    assert_eq!(stems, ["us", "us"]);
    // Set in capitals, a headline's function words are still function words.
    let shouting = analyze(Language::English, "THE US WILL LEAVE IT");
    assert_eq!(content(&shouting), ["leave"]);
    // A list of acronyms is no shouting.
    let list = analyze(Language::English, "US, UK, EU warn Iran");
    assert_eq!(content(&list), ["us", "uk", "eu", "warn", "iran"]);
    // Accents decomposed or not, a word in capitals reads alike.
    let (nfc, nfd) = (fr("Il a ÉTÉ élu."), fr("Il a E\u{301}TE\u{301} élu."));
    assert_eq!(content(&nfc), ["été", "élu"]);
    assert_eq!(content(&nfd).len(), 2);
}

#[test]
fn english_connectives_are_function_words_as_french_ones_are() {
    let tokens = analyze(
        Language::English,
        "Though he declined to say whether it was him, he spoke even so, despite the risk.",
    );
    assert_eq!(content(&tokens), ["declined", "say", "spoke", "risk"]);
}

#[test]
fn a_function_word_with_capitals_inside_is_a_name() {
    // The law "NOTRe" (Nouvelle organisation territoriale de la République)
    // is no possessive; a function word opening a sentence still is one.
    assert_eq!(
        content(&fr("Notre loi NOTRe divise.")),
        ["loi", "notre", "divise"]
    );
    assert_eq!(content(&fr("Notre loi divise.")), ["loi", "divise"]);
    // A function word shouted with an apostrophe is still one.
    let tokens = analyze(
        Language::English,
        "He wrote that IT'S true and he DOESN'T care.",
    );
    assert_eq!(content(&tokens), ["wrote", "true", "care"]);
}

#[test]
fn punctuation_and_symbols() {
    let tokens = fr("Alep ! « Hama » — 50 % … 🔥 🇸🇾 👨‍👩‍👧 € 1️⃣");
    use TokenKind::*;
    assert_eq!(
        kinds(&tokens),
        [
            ("Alep", Word),
            ("!", Punctuation),
            ("«", Punctuation),
            ("Hama", Word),
            ("»", Punctuation),
            ("—", Punctuation),
            ("50", Number),
            ("%", Punctuation),
            ("…", Punctuation),
            ("🔥", Symbol),
            ("🇸🇾", Symbol),
            ("👨‍👩‍👧", Symbol),
            ("€", Symbol),
            ("1️⃣", Symbol),
        ]
    );
    assert!(
        tokens
            .iter()
            .filter(|t| !t.is_word())
            .all(|t| t.stem == t.normalized)
    );
}

#[test]
fn english_possessives_stem_like_the_noun() {
    let en = |text| analyze(Language::English, text);
    let russia = only(&en("Russia")).stem.clone();
    assert_eq!(russia, "russia");
    for text in ["Russia's", "Russia’s"] {
        assert_eq!(only(&en(text)).stem, russia, "{text}");
    }
    // A plural possessive's apostrophe is its own token.
    let tokens = en("rebels’ advance");
    assert_eq!(surfaces(&tokens), ["rebels", "’", "advance"]);
    assert_eq!(tokens[0].stem, "rebel");
    assert!(!tokens.iter().any(|t| t.elision), "English has no elisions");
}

#[test]
fn other_languages_are_lowercased_not_stemmed() {
    let tokens = analyze(Language::Other, "Die Rebellen l’armée");
    let stems: Vec<&str> = tokens.iter().map(|t| t.stem.as_str()).collect();
    assert_eq!(stems, ["die", "rebellen", "l'armée"]);
    assert!(!tokens.iter().any(|t| t.stop));
}

#[test]
fn span_offsets_point_into_the_whole_text() {
    let text = "Titre\nL’armée de Bachar al-Assad.";
    let start = text.find('L').unwrap();
    let tokens = Analyzer::new(Language::French).analyze_span(text, start..text.len());
    check_offsets(text, &tokens);
    assert_eq!(tokens[0].start, start);
    assert_eq!(surfaces(&tokens[4].parts), ["al", "Assad"]);
}

#[test]
fn invisible_format_characters_do_not_change_words() {
    let text = "re\u{ad}belles lun\u{200d}di \u{2067}Alep\u{2069} 👨\u{200d}👩";
    let tokens = analyze(Language::French, text);
    check_offsets(text, &tokens);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.normalized.as_str())
        .collect();
    assert_eq!(words, ["rebelles", "lundi", "alep"]);
    let emoji = tokens
        .iter()
        .find(|t| t.kind == TokenKind::Symbol && t.surface.starts_with('👨'));
    assert_eq!(emoji.map(|t| t.normalized.as_str()), Some("👨\u{200d}👩"));
}

#[test]
fn web_addresses_are_one_symbol_each() {
    let text = "Voir (https://t.co/AbC123), pic.twitter.com/xyz789 ou info@afp.com.";
    let tokens = fr(text);
    use TokenKind::*;
    assert_eq!(
        kinds(&tokens),
        [
            ("Voir", Word),
            ("(", Punctuation),
            ("https://t.co/AbC123", Symbol),
            (")", Punctuation),
            (",", Punctuation),
            ("pic.twitter.com/xyz789", Symbol),
            ("ou", Word),
            ("info@afp.com", Symbol),
            (".", Punctuation),
        ]
    );
    assert!(tokens.iter().all(|t| text[t.span()] == t.surface));
    assert!(tokens.iter().all(|t| !t.is_content() || t.kind == Word));
}

#[test]
fn the_byte_test_for_apostrophes_finds_every_one() {
    use super::filters::has_apostrophe;
    use crate::lang::is_apostrophe;
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        let word = format!("ab{c}cd");
        assert_eq!(has_apostrophe(&word), is_apostrophe(c), "{c:?}");
    }
    assert!(!has_apostrophe(""));
    assert!(has_apostrophe("aujourd’hui") && has_apostrophe("l'"));
}
