//! The role of a term in a claim: what happened, or who and where.
//!
//! A claim is an event with participants. Two sentences that share only
//! participants ("le président syrien Bachar al-Assad") or only the act of
//! reporting ("a déclaré"), a date ("lundi") or a generic word
//! ("situation") share a topic, not a claim; a link needs a shared event
//! word or figure. The word lists are the language's
//! [`Resources`](crate::lang::Resources); a lower-case word made of a name
//! of the text and a demonym ending ("syrien" beside "Syrie") is a name.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::analyze::Analyzer;
use crate::lang::Language;
use crate::vectorize::Vocabulary;

/// What a term contributes to a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// An act, state or thing: what happened.
    Event,
    /// A figure or date.
    Number,
    /// A proper name.
    Name,
    /// A generic participant ("president", "rebels").
    Actor,
    /// Attribution ("said", "according to").
    Reporting,
    /// When, not what: "lundi", "recently".
    Time,
    /// A word too common to say what happened: "rester", "situation".
    Generic,
}

impl Role {
    /// Whether sharing this term is evidence of a shared claim.
    pub fn anchors_claim(self) -> bool {
        matches!(self, Role::Event | Role::Number)
    }
}

/// The role of every term of a vocabulary.
pub(crate) fn term_roles(vocabulary: &Vocabulary, languages: &[Language]) -> Vec<Role> {
    let mut reporting = HashSet::new();
    let mut actors = HashSet::new();
    let mut times = HashSet::new();
    let mut generic = HashSet::new();
    let mut calendar = HashSet::new();
    for &language in languages {
        let stems = RoleStems::of(language);
        reporting.extend(stems.reporting.iter().map(String::as_str));
        actors.extend(stems.actors.iter().map(String::as_str));
        times.extend(stems.times.iter().map(String::as_str));
        calendar.extend(stems.calendar.iter().map(String::as_str));
        generic.extend(stems.generic.iter().map(String::as_str));
    }
    let names: HashSet<&str> = vocabulary
        .iter()
        .filter(|info| info.is_name())
        .map(|info| info.stem.as_str())
        .collect();
    vocabulary
        .iter()
        .map(|info| {
            let stem = info.stem.as_str();
            if info.is_number {
                Role::Number
            } else if info.is_name() || is_demonym(stem, &names) {
                Role::Name
            } else if reporting.contains(stem) {
                Role::Reporting
            } else if times.contains(stem) || (calendar.contains(stem) && info.lower == 0) {
                Role::Time
            } else if generic.contains(stem) {
                Role::Generic
            } else if actors.contains(stem) {
                Role::Actor
            } else {
                Role::Event
            }
        })
        .collect()
}

/// Whether a lower-case word is the adjective of a place name present in
/// the text ("syrien" beside "Syrie", "Iranian" beside "Iran"): it names a
/// participant, like the place, and is no evidence of what happened.
fn is_demonym(stem: &str, names: &HashSet<&str>) -> bool {
    const SUFFIXES: [&str; 12] = [
        "ien", "ienn", "ian", "an", "n", "ais", "ois", "ain", "in", "i", "ais", "es",
    ];
    SUFFIXES.iter().any(|suffix| {
        stem.strip_suffix(suffix)
            .is_some_and(|root| root.chars().count() >= 3 && names.contains(root))
    })
}

/// The stems of a language's reporting and actor words.
struct RoleStems {
    reporting: HashSet<String>,
    actors: HashSet<String>,
    times: HashSet<String>,
    /// Month and day names of a language that capitalises them. Where the
    /// text writes one with a capital mid-sentence it is a name, like any
    /// capitalised word (no anchor either); where only first in its
    /// sentences, a date; in lower case, another word ("they march").
    calendar: HashSet<String>,
    generic: HashSet<String>,
}

impl RoleStems {
    /// Computed once per language: analysing the word lists is work that
    /// every comparison would otherwise repeat.
    fn of(language: Language) -> &'static RoleStems {
        static FRENCH: OnceLock<RoleStems> = OnceLock::new();
        static ENGLISH: OnceLock<RoleStems> = OnceLock::new();
        static OTHER: OnceLock<RoleStems> = OnceLock::new();
        let cell = match language {
            Language::French => &FRENCH,
            Language::English => &ENGLISH,
            Language::Other => &OTHER,
        };
        cell.get_or_init(|| {
            let resources = language.resources();
            let analyzer = Analyzer::new(language);
            RoleStems {
                reporting: resources
                    .reporting_words()
                    .flat_map(|w| stems(&analyzer, w))
                    .collect(),
                actors: resources
                    .actor_words()
                    .chain(resources.actor_labels())
                    .flat_map(|w| stems(&analyzer, w))
                    .collect(),
                times: resources
                    .time_words()
                    .chain(
                        resources
                            .date_words()
                            .filter(|w| !resources.calendar_words().any(|c| c == *w)),
                    )
                    .flat_map(|w| stems(&analyzer, w))
                    .collect(),
                calendar: resources
                    .calendar_words()
                    .flat_map(|w| stems(&analyzer, w))
                    .collect(),
                generic: resources
                    .generic_words()
                    .flat_map(|w| stems(&analyzer, w))
                    .collect(),
            }
        })
    }
}

/// The content stems of a word, the pieces of a compound one by one.
fn stems(analyzer: &Analyzer, word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in analyzer.analyze(word) {
        if token.parts.is_empty() {
            out.push(token.stem.into_string());
        } else {
            out.extend(token.parts.into_iter().map(|p| p.stem.into_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vectorize::VectorSpace;

    /// The roles of the terms of `text`, one sentence a line.
    fn roles_of(language: Language, text: &str) -> Vec<(String, Role)> {
        let analyzer = Analyzer::new(language);
        let lines: Vec<_> = text.lines().map(|line| analyzer.analyze(line)).collect();
        let space = VectorSpace::build(lines.iter().map(Vec::as_slice));
        let roles = term_roles(space.vocabulary(), &[language]);
        space
            .vocabulary()
            .iter()
            .zip(roles)
            .map(|(info, role)| (info.stem.clone(), role))
            .collect()
    }

    fn role(roles: &[(String, Role)], stem: &str) -> Role {
        roles.iter().find(|(s, _)| s == stem).expect(stem).1
    }

    /// The role of the term `word` is read as in `text`.
    fn role_of_word(language: Language, text: &str, word: &str) -> Role {
        let stem = Analyzer::new(language).analyze(word)[0].stem.to_string();
        role(&roles_of(language, text), &stem)
    }

    #[test]
    fn irregular_forms_of_a_generic_verb_are_generic() {
        let fr = "Ils vont le dire, il le sait, il faut partir et il peut rester.";
        for word in ["vont", "sait", "faut", "peut"] {
            assert_eq!(
                role_of_word(Language::French, fr, word),
                Role::Generic,
                "{word}"
            );
        }
        let en = "He took the seat they had given him.";
        for word in ["took", "given"] {
            assert_eq!(
                role_of_word(Language::English, en, word),
                Role::Generic,
                "{word}"
            );
        }
        // Their forms take the verb's stem, not a stem another word shares.
        let fr = "Il fera un bras de fer, une faute, une tenue.";
        for word in ["fer", "faute", "tenue"] {
            assert_eq!(
                role_of_word(Language::French, fr, word),
                Role::Event,
                "{word}"
            );
        }
    }

    #[test]
    fn demonyms_of_names_in_the_text_are_names() {
        let roles = roles_of(Language::French, "En Syrie, le régime syrien bombarde.");
        assert_eq!(role(&roles, "syrien"), Role::Name);
        assert_eq!(role(&roles, "bombard"), Role::Event);
        let roles = roles_of(Language::English, "In Iran, Iranian leaders spoke.");
        assert_eq!(role(&roles, "iranian"), Role::Name);
    }

    #[test]
    fn an_area_says_where_not_what_happened() {
        let roles = roles_of(
            Language::French,
            "Les rebelles ont pris plusieurs secteurs et quartiers de la zone.",
        );
        for stem in ["secteur", "quarti", "zon"] {
            assert_eq!(role(&roles, stem), Role::Actor, "{stem}");
        }
        let roles = roles_of(
            Language::English,
            "Rebels took several areas and districts of the territory.\n\
             They made territorial gains.",
        );
        for stem in ["area", "district", "territori"] {
            assert_eq!(role(&roles, stem), Role::Actor, "{stem}");
        }
        // "territorial" keeps a stem of its own: "territorial integrity"
        // says what is at stake.
        assert_eq!(role(&roles, "territorial"), Role::Event);
    }

    /// A text, and words of it with the role each should have there.
    type RoleCase<'a> = (Language, &'a str, &'a [(&'a str, Role)]);

    /// Each word of each case has its role, read in the case's text.
    fn assert_roles(cases: &[RoleCase]) {
        for &(language, text, expected) in cases {
            for &(word, role) in expected {
                assert_eq!(role_of_word(language, text, word), role, "{word}");
            }
        }
    }

    #[test]
    fn an_institution_says_who_not_what_happened() {
        let cases = [
            (
                Language::French,
                "Le ministère des Affaires étrangères a jugé étrange l'arrivée d'un étranger.",
                &[
                    ("ministère", Role::Actor),
                    ("étrangères", Role::Actor),
                    ("étranger", Role::Actor),
                    // Strange is no foreigner.
                    ("étrange", Role::Event),
                ][..],
            ),
            (
                Language::English,
                "A spokesman for the ministry and the department of foreign affairs said so.",
                &[
                    ("ministry", Role::Actor),
                    ("department", Role::Actor),
                    ("foreign", Role::Actor),
                ],
            ),
        ];
        assert_roles(&cases);
    }

    #[test]
    fn a_listed_word_lends_its_role_to_no_other_word() {
        let cases = [
            (
                Language::French,
                "Le ministre parle d'importer du blé; ses propos sont importants. \
                 Son objectif suscite une objection.",
                &[
                    ("importer", Role::Event),
                    ("importants", Role::Generic),
                    ("objection", Role::Event),
                    ("objectif", Role::Generic),
                ][..],
            ),
            (
                Language::English,
                "An aide said aid and imports were important; the objective, a position, \
                 was objected to as positive.",
                &[
                    ("aid", Role::Event),
                    ("aide", Role::Actor),
                    ("imports", Role::Event),
                    ("important", Role::Generic),
                    ("objected", Role::Event),
                    ("objective", Role::Generic),
                    ("positive", Role::Event),
                    ("position", Role::Generic),
                ],
            ),
        ];
        assert_roles(&cases);
        // "n'importe" and "peu importe" are set phrases, not imports.
        let analyzer = Analyzer::new(Language::French);
        let stops = |text: &str| -> Vec<bool> {
            let tokens = analyzer.analyze(text).into_iter();
            tokens
                .filter(|t| t.normalized == "importe")
                .map(|t| t.stop)
                .collect()
        };
        assert_eq!(stops("n'importe qui, peu importe"), [true, true]);
        assert_eq!(stops("la France importe du gaz"), [false]);
    }

    #[test]
    fn a_demonym_needs_its_place_in_the_text() {
        let roles = roles_of(Language::French, "Le régime syrien bombarde.");
        assert_eq!(role(&roles, "syrien"), Role::Event);
    }

    #[test]
    fn an_english_date_word_in_lower_case_is_another_word() {
        let roles = roles_of(
            Language::English,
            "Thousands march in Paris. March was cold. The rally may end.",
        );
        assert_eq!(role(&roles, "march"), Role::Event);
        let roles = roles_of(
            Language::English,
            "Monday was calm. Rebels took the city on Monday.",
        );
        assert_ne!(role(&roles, "monday"), Role::Event);
        let roles = roles_of(Language::French, "Lundi, la ville est tombée.");
        assert_eq!(role(&roles, "lund"), Role::Time);
    }

    #[test]
    fn a_headline_in_title_case_makes_no_names() {
        let roles = roles_of(
            Language::English,
            "Democrats Say Trump Should Cancel Putin Meeting\n\
             McCain, Top Democrats Call On Trump To Cancel Putin Meeting\n\
             Schumer urged Trump to cancel.",
        );
        assert_eq!(role(&roles, "cancel"), Role::Event);
        assert_eq!(role(&roles, "trump"), Role::Name);
    }

    #[test]
    fn a_sentence_of_names_is_no_headline() {
        let roles = roles_of(Language::English, "It was Putin and Trump in Helsinki.");
        assert_eq!(role(&roles, "putin"), Role::Name);
        let roles = roles_of(
            Language::French,
            "Emmanuel Macron, Angela Merkel et Vladimir Poutine.",
        );
        assert_eq!(role(&roles, "merkel"), Role::Name);
    }

    #[test]
    fn reference_abbreviations_stay_words() {
        let roles = roles_of(Language::French, "Un vol de bijoux a eu lieu.");
        assert_eq!(role(&roles, "vol"), Role::Event);
    }

    #[test]
    fn being_in_contact_is_how_parties_stand_not_what_happened() {
        let cases = [
            (
                Language::French,
                "Moscou et Damas restaient en contact et évaluaient les événements. \
                 Moscou a contacté l'opposition.",
                &[
                    ("contact", Role::Generic),
                    ("évaluaient", Role::Event),
                    // The verb has the noun's stem: a cost, as contacting
                    // someone is something that happened.
                    ("contacté", Role::Generic),
                ][..],
            ),
            (
                Language::English,
                "Moscow stayed in contact with the rebels and assessed events.",
                &[("contact", Role::Generic), ("assessed", Role::Event)],
            ),
        ];
        assert_roles(&cases);
    }

    #[test]
    fn titles_are_participants() {
        let roles = roles_of(Language::English, "Sen. Warner spoke. Rep. Lieu agreed.");
        assert_eq!(role(&roles, "sen"), Role::Actor);
    }

    #[test]
    fn time_and_generic_words_do_not_anchor_a_claim() {
        let roles = roles_of(Language::French, "Lundi, la situation est restée grave.");
        assert_eq!(role(&roles, "lund"), Role::Time);
        assert_eq!(role(&roles, "situat"), Role::Generic);
        assert!(!Role::Time.anchors_claim() && !Role::Generic.anchors_claim());
        let roles = roles_of(Language::English, "Yesterday the situation remained grave.");
        assert_eq!(role(&roles, "yesterday"), Role::Time);
        assert_eq!(role(&roles, "situat"), Role::Generic);
    }
}
