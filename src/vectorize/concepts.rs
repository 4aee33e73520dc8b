//! The concept lexicons: groups of words a journalist uses for the same
//! event, act or referent ("frappe"/"bombardement", "rebelles"/"insurgés"),
//! one per language, in `src/lang/concepts_*.txt`. Two terms of one
//! concept match as synonyms ([`super::TermLinks`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Phrases;
use crate::analyze::{Analyzer, is_acronym};
use crate::lang::{Language, listed_as_written};

/// A lexicon of concepts: groups of words that report the same event, act
/// or referent. One concept per line, `name: word word …`; `#` starts a
/// comment. Members are stemmed with the language's analyzer, so listing
/// "attaque" covers "attaques" and "attaquer". A member of several words
/// joined by `_` ("step_down", "prendre_le_contrôle") is a phrase (see
/// [`Phrases`]): it counts where a sentence holds its words in a row, as
/// one term of its own, not by its words.
///
/// ```
/// use framediff::vectorize::Concepts;
/// use framediff::lang::Language;
///
/// let concepts = Concepts::parse("# custom\nstrike: frappe bombardement pilonnage\n", Language::French);
/// assert_eq!(concepts.len(), 1);
/// assert_eq!(concepts.of_stem("bombard"), &[0]);
/// assert_eq!(concepts.name(0), "strike");
/// assert!(Concepts::for_language(Language::French).len() > 50);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Concepts {
    names: Vec<String>,
    by_stem: HashMap<String, Vec<u32>>,
    phrases: Phrases,
}

const FRENCH: &str = include_str!("../lang/concepts_fr.txt");
const ENGLISH: &str = include_str!("../lang/concepts_en.txt");

impl Concepts {
    /// The lexicon shipped for a language (empty for [`Language::Other`]).
    ///
    /// ```
    /// use framediff::vectorize::Concepts;
    /// assert!(Concepts::for_language(framediff::lang::Language::Other).is_empty());
    /// ```
    pub fn for_language(language: Language) -> Concepts {
        // Parsing stems every member: do it once per language, not per
        // comparison.
        static FRENCH_CONCEPTS: OnceLock<Concepts> = OnceLock::new();
        static ENGLISH_CONCEPTS: OnceLock<Concepts> = OnceLock::new();
        match language {
            Language::French => FRENCH_CONCEPTS
                .get_or_init(|| Concepts::parse(FRENCH, language))
                .clone(),
            Language::English => ENGLISH_CONCEPTS
                .get_or_init(|| Concepts::parse(ENGLISH, language))
                .clone(),
            Language::Other => Concepts::default(),
        }
    }

    /// Parses a lexicon (see the type's documentation); lines without a
    /// colon are read as a list of members with no name.
    ///
    /// ```
    /// let c = framediff::vectorize::Concepts::parse("rebels insurgents", framediff::lang::Language::English);
    /// assert_eq!(c.of_stem("insurg"), &[0]);
    /// ```
    pub fn parse(text: &str, language: Language) -> Concepts {
        let mut concepts = Concepts::default();
        concepts.extend(text, language);
        concepts
    }

    /// Adds the concepts of another lexicon text.
    ///
    /// ```
    /// use framediff::lang::Language;
    /// let mut c = framediff::vectorize::Concepts::for_language(Language::French);
    /// let before = c.len();
    /// c.extend("blocage: blocage barrage", Language::French);
    /// assert_eq!(c.len(), before + 1);
    /// ```
    pub fn extend(&mut self, text: &str, language: Language) {
        let analyzer = Analyzer::new(language);
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, members) = line.split_once(':').unwrap_or(("", line));
            let id = self.names.len() as u32;
            self.names.push(name.trim().to_string());
            for member in members.split_whitespace() {
                // A member listed as written, or an acronym, which is met
                // only in capitals: "PS" stems as "p", and "FI" is "fait
                // fi"'s "fi".
                let as_written = if let Some(word) = listed_as_written(member) {
                    Some(self.phrases.add_word(&analyzer, word))
                } else if is_acronym(member) {
                    self.phrases.add_acronym(&analyzer, member)
                } else {
                    None
                };
                if let Some(key) = as_written {
                    self.by_stem.entry(key).or_default().push(id);
                    continue;
                }
                let tokens = analyzer.analyze(&member.replace('_', " "));
                let stem = if member.contains('_') {
                    self.phrases.add(&tokens)
                } else {
                    None
                };
                // A member the analyser splits ("s'emparer") counts by its
                // one content word, if it has exactly one. A hyphenated
                // compound is one token with parts, which this skips: it
                // matches nothing unless written as a phrase.
                let stem = stem.or_else(|| {
                    let mut content = tokens
                        .iter()
                        .filter(|t| t.is_content() && t.parts.is_empty());
                    match (content.next(), content.next()) {
                        (Some(token), None) => Some(token.stem.to_string()),
                        _ => None,
                    }
                });
                if let Some(stem) = stem {
                    let ids = self.by_stem.entry(stem).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
    }

    /// Adds all concepts of another lexicon.
    ///
    /// ```
    /// use framediff::{lang::Language, vectorize::Concepts};
    /// let mut c = Concepts::parse("a: tuer", Language::French);
    /// c.merge(Concepts::parse("b: kill", Language::English));
    /// assert_eq!((c.len(), c.name(1)), (2, "b"));
    /// ```
    pub fn merge(&mut self, other: Concepts) {
        // Members listed as written stand in for a word's stem in every
        // language a comparison holds: a French "accord" would meet English
        // `=accord` and lose the French concept its stem is in. Two
        // lexicons together count them by their stems again, as plain
        // members.
        let both = !self.is_empty() && !other.is_empty();
        let offset = self.names.len() as u32;
        self.names.extend(other.names);
        self.phrases.merge(other.phrases);
        for (stem, ids) in other.by_stem {
            let entry = self.by_stem.entry(stem).or_default();
            entry.extend(ids.into_iter().map(|id| id + offset));
        }
        if both {
            for (key, stem) in self.phrases.take_words() {
                let ids = self.by_stem.remove(&key).unwrap_or_default();
                let entry = self.by_stem.entry(stem).or_default();
                for id in ids {
                    if !entry.contains(&id) {
                        entry.push(id);
                    }
                }
            }
        }
    }

    /// The concepts a stem belongs to.
    ///
    /// ```
    /// let c = framediff::vectorize::Concepts::parse("x: rebelle", framediff::lang::Language::French);
    /// assert!(c.of_stem("absent").is_empty());
    /// ```
    pub fn of_stem(&self, stem: &str) -> &[u32] {
        self.by_stem.get(stem).map_or(&[], Vec::as_slice)
    }

    /// The members of several words, matched as phrases.
    ///
    /// ```
    /// use framediff::{lang::Language, vectorize::Concepts};
    /// let c = Concepts::parse("end: terminer mettre_fin", Language::French);
    /// assert_eq!((c.phrases().len(), c.of_stem("mettr fin")), (1, &[0][..]));
    /// ```
    pub fn phrases(&self) -> &Phrases {
        &self.phrases
    }

    /// The name of a concept.
    ///
    /// # Panics
    /// When `id` is not a concept of this lexicon.
    ///
    /// ```
    /// let c = framediff::vectorize::Concepts::parse("kill: tuer", framediff::lang::Language::French);
    /// assert_eq!(c.name(0), "kill");
    /// ```
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// The number of concepts.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::Concepts::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the lexicon is empty.
    ///
    /// ```
    /// assert!(framediff::vectorize::Concepts::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Token;

    /// The concepts of a token as the vectoriser reads it: of the member
    /// listed as written it is a form of, if any (`=employé`, an acronym
    /// in capitals), else of its stem.
    fn of_token<'c>(concepts: &'c Concepts, token: &Token) -> &'c [u32] {
        let stem = concepts
            .phrases()
            .word_term(token)
            .map_or(token.stem.as_str(), |(stem, _)| stem);
        concepts.of_stem(stem)
    }

    /// The concepts of the last content word of `text`, as the vectoriser
    /// sees it (a member listed as written stands in for its stem).
    fn concepts_of(language: Language, text: &str) -> Vec<String> {
        let analyzer = Analyzer::new(language);
        let concepts = Concepts::for_language(language);
        let tokens = analyzer.analyze(text);
        let token = tokens.iter().rev().find(|t| t.is_content()).unwrap();
        of_token(&concepts, token)
            .iter()
            .map(|&c| concepts.name(c).to_string())
            .collect()
    }

    fn shared(language: Language, a: &str, b: &str) -> bool {
        let (x, y) = (concepts_of(language, a), concepts_of(language, b));
        x.iter().any(|c| y.contains(c))
    }

    #[test]
    fn an_acronym_member_is_met_only_in_capitals() {
        let c = Concepts::parse(
            "us: U.S. america\nsocialist: PS socialiste",
            Language::English,
        );
        let analyzer = Analyzer::new(Language::English);
        let concepts_of = |text: &str| {
            let tokens = analyzer.analyze(text);
            let token = tokens.iter().rev().find(|t| t.is_word()).unwrap();
            of_token(&c, token).to_vec()
        };
        assert_eq!(concepts_of("said the US"), [0]);
        assert_eq!(concepts_of("in the U.S."), [0]);
        assert_eq!(concepts_of("the PS"), [1]);
        // In lower case "us" is a pronoun, and "ps" (stem "p") no party.
        assert!(concepts_of("told us").is_empty());
        assert!(concepts_of("p").is_empty());
        assert!(concepts_of("ps").is_empty());
    }

    #[test]
    fn a_party_meets_its_acronym_and_its_members() {
        // Acronyms as written in a sentence, where they are names.
        assert!(shared(
            Language::French,
            "les élus du PCF",
            "les communistes"
        ));
        assert!(shared(
            Language::French,
            "la France insoumise",
            "le groupe LFI"
        ));
        assert!(shared(Language::French, "les Insoumis", "les élus FI"));
        assert!(shared(Language::English, "the GOP", "Republicans"));
        assert!(shared(Language::English, "the U.S.", "the USA"));
        assert!(!shared(Language::English, "the GOP", "the Dems"));
        // "fait fi" is no party.
        assert!(!shared(Language::French, "ils font fi", "les Insoumis"));
    }

    #[test]
    fn a_common_word_is_no_member_through_a_rare_word_of_its_stem() {
        // Each left out, or listed as written, because its stem is nearly
        // always another word's in news text ("according", "Assemblée
        // nationale", "White House", "la commune").
        for (language, word) in [
            (Language::English, "according"),
            (Language::English, "the White House"),
            (Language::English, "campaign"),
            (Language::French, "Assemblée nationale"),
            (Language::French, "son père"),
            (Language::French, "la commune"),
            (Language::French, "les réseaux sociaux"),
            (Language::English, "the press office"),
            (Language::English, "they adhere to it"),
            (Language::English, "we sympathize"),
            (Language::English, "penal"),
        ] {
            let found = concepts_of(language, word);
            assert!(found.is_empty(), "{word}: {found:?}");
        }
    }

    #[test]
    fn a_member_listed_as_written_keeps_its_own_forms() {
        for (word, concept) in [
            ("penalized", "punish"),
            ("penalising", "punish"),
            ("sympathizers", "supporter"),
            ("adherents", "supporter"),
            ("followers", "supporter"),
        ] {
            assert_eq!(concepts_of(Language::English, word), [concept], "{word}");
        }
    }

    /// "reporter" is a journalist; "reporté", "report" and "reporte" are a
    /// postponement, which Snowball stems alike.
    #[test]
    fn a_postponement_is_no_journalist() {
        for text in ["la hausse est reportée", "un report", "il reporte"] {
            assert_eq!(concepts_of(Language::French, text), ["postpone"], "{text}");
        }
        assert_eq!(concepts_of(Language::French, "un reporter"), ["journalist"]);
    }

    /// The concepts of every term of `text`, its phrases' among them.
    fn concepts_in(language: Language, text: &str) -> Vec<String> {
        let concepts = Concepts::for_language(language);
        let tokens = Analyzer::new(language).analyze(text);
        let mut names: Vec<String> = crate::vectorize::content_terms(&tokens, concepts.phrases())
            .iter()
            .flat_map(|term| concepts.of_stem(term.stem))
            .map(|&c| concepts.name(c).to_string())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn an_air_strike_is_made_by_planes_an_air_base_is_not() {
        let planes = |language, text| concepts_in(language, text).contains(&"plane".to_string());
        assert!(planes(Language::French, "des frappes aériennes russes"));
        assert!(planes(Language::French, "des avions russes"));
        assert!(!planes(Language::French, "la base aérienne russe"));
        assert!(!planes(Language::French, "transporté par voie aérienne"));
        assert!(planes(Language::English, "Russian air strikes"));
        assert!(planes(Language::English, "Russian airstrikes"));
        assert!(!planes(Language::English, "the Russian air base"));
        assert!(!planes(Language::English, "air pollution"));
    }

    #[test]
    fn a_spouse_is_a_marriage_and_no_month_or_weekday() {
        assert!(shared(Language::English, "his wife", "he is married"));
        assert!(shared(Language::French, "son épouse", "son mari"));
        // "mari" stems as "mars" and "Marie" do, "wedding" as "Wed".
        assert!(concepts_of(Language::French, "en mars").is_empty());
        assert!(concepts_of(Language::English, "on Wed").is_empty());
    }

    #[test]
    fn a_member_written_with_an_equals_sign_is_met_in_its_forms_not_its_stem() {
        let concepts = Concepts::parse("worker: salarié =employé", Language::French);
        let phrases = concepts.phrases();
        let analyzer = Analyzer::new(Language::French);
        let term = |text: &str| {
            let tokens = analyzer.analyze(text);
            let token = tokens.iter().rev().find(|t| t.is_content()).unwrap();
            phrases.word_term(token).map(|(stem, _)| stem.to_string())
        };
        for form in ["les employés", "une employée", "un employé"] {
            let stem = term(form).unwrap_or_else(|| panic!("{form}"));
            assert_eq!(concepts.of_stem(&stem), &[0], "{form}");
        }
        // "emploi" stems as "employé" does, and is no worker.
        assert_eq!(term("un emploi"), None);
        assert_eq!(term("les salariés"), None);
    }

    #[test]
    fn two_languages_together_count_written_members_by_their_stems() {
        let mut c = Concepts::parse("agreement: entente accord", Language::French);
        c.merge(Concepts::parse("deal: deal =accord", Language::English));
        let analyzer = Analyzer::new(Language::French);
        let tokens = analyzer.analyze("un accord");
        assert_eq!(c.phrases().word_term(&tokens[1]), None);
        let mut names: Vec<&str> = c
            .of_stem(&tokens[1].stem)
            .iter()
            .map(|&id| c.name(id))
            .collect();
        names.sort_unstable();
        assert_eq!(names, ["agreement", "deal"]);
        // One language alone keeps them as written.
        let mut one = Concepts::default();
        one.merge(Concepts::parse("deal: deal =accord", Language::English));
        let tokens = Analyzer::new(Language::English).analyze("an accord");
        assert!(one.phrases().word_term(&tokens[1]).is_some());
    }

    #[test]
    fn a_name_made_from_a_person_is_no_member_of_the_party() {
        // "macroniste" stems to "macron": as a member it would make every
        // mention of Emmanuel Macron one of the party.
        assert!(!shared(
            Language::French,
            "Emmanuel Macron",
            "les élus LREM"
        ));
        assert!(!shared(
            Language::English,
            "the American people",
            "the U.S."
        ));
    }
}
