//! Phrases: concept members of several words ("step down", "aux côtés
//! de"), matched as a whole where a sentence holds their words in a row.
//!
//! A phrase is the sequence of the stems of its words, stop words
//! included, so that inflection is handled as for single words ("stepped
//! down", "steps down") but the words apart or in another order are not
//! the phrase ("de son côté" is not "aux côtés de"). Where a sentence
//! holds it, the phrase is one more term of the sentence, whose stem is
//! the phrase's stems joined by spaces (no token's stem holds a space),
//! beside the terms of its own words.

use crate::analyze::{Analyzer, Token, TokenKind, is_acronym};
use crate::fasthash::FastMap;
use crate::lang::ListedWords;

/// One phrase: its stems after the first, and its term's stem and form.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    rest: Vec<String>,
    /// The stems joined by spaces: the phrase's term.
    key: String,
    /// The words as the lexicon lists them, joined by spaces.
    form: String,
}

/// A member of one word met in its own forms: its term's stem, its form
/// as listed, and its stem as its language's analyser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WordTerm {
    key: String,
    form: String,
    stem: String,
}

/// A set of phrases, looked up by the stem of their first word.
///
/// ```
/// use framediff::lang::Language;
/// use framediff::vectorize::Concepts;
/// let concepts = Concepts::parse("resign: resign step_down", Language::English);
/// assert_eq!(concepts.phrases().len(), 1);
/// assert_eq!(concepts.of_stem("step down"), &[0]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    by_first: FastMap<String, Vec<Phrase>>,
    /// Members of one word met in their own forms, not by their stem
    /// (written `=employé` in a lexicon), and the term and form of each.
    words: ListedWords,
    word_terms: Vec<WordTerm>,
    /// Acronyms, by their normalised form ("us" for "U.S."), met only when
    /// written in capitals, with their term's stem and form.
    acronyms: FastMap<String, (String, String)>,
}

impl Phrases {
    /// Adds the phrase made of `tokens` (a lexicon member as analysed);
    /// returns its term's stem, or `None` when it has fewer than two words
    /// or no content word ("de la" would be met in every sentence).
    pub(crate) fn add(&mut self, tokens: &[Token]) -> Option<String> {
        let words: Vec<&Token> = tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .collect();
        let (first, rest) = words.split_first()?;
        if rest.is_empty() || !words.iter().any(|t| t.is_content()) {
            return None;
        }
        let stems: Vec<&str> = words.iter().map(|t| t.stem.as_str()).collect();
        let forms: Vec<&str> = words.iter().map(|t| t.normalized.as_str()).collect();
        let phrase = Phrase {
            rest: rest.iter().map(|t| t.stem.to_string()).collect(),
            key: stems.join(" "),
            form: forms.join(" "),
        };
        let key = phrase.key.clone();
        self.insert(first.stem.to_string(), phrase);
        Some(key)
    }

    /// Adds a member of one word met only in its own forms (number and
    /// gender: "employés", "employée", not "emploi", which stems alike);
    /// returns its term's stem, `=` and the word, which no token's stem
    /// holds.
    pub(crate) fn add_word(&mut self, analyzer: &Analyzer, word: &str) -> String {
        let key = format!("={word}");
        if !self.word_terms.iter().any(|t| t.key == key) {
            self.words.extend(analyzer, std::iter::once(word));
            let stem = analyzer
                .analyze(word)
                .into_iter()
                .find(|t| t.is_content())
                .map(|t| t.stem.into_string())
                .unwrap_or_default();
            self.word_terms.push(WordTerm {
                key: key.clone(),
                form: word.to_string(),
                stem,
            });
        }
        key
    }

    /// Adds an acronym ("PCF", "U.S."), met only where a text writes it
    /// in capitals; returns its term's stem, `=` and the acronym as
    /// written, or `None` when the analyser reads no word in it.
    pub(crate) fn add_acronym(&mut self, analyzer: &Analyzer, acronym: &str) -> Option<String> {
        let tokens = analyzer.analyze(acronym);
        let word = tokens.first()?;
        let key = format!("={acronym}");
        self.acronyms
            .entry(word.normalized.to_string())
            .or_insert_with(|| (key.clone(), acronym.to_string()));
        Some(key)
    }

    /// Removes the members of one word met in their forms; returns each
    /// one's term's stem and its stem as its language reads it.
    pub(crate) fn take_words(&mut self) -> Vec<(String, String)> {
        self.words = ListedWords::default();
        std::mem::take(&mut self.word_terms)
            .into_iter()
            .map(|t| (t.key, t.stem))
            .collect()
    }

    /// Adds all phrases of another set.
    pub(crate) fn merge(&mut self, other: Phrases) {
        for (first, phrases) in other.by_first {
            for phrase in phrases {
                self.insert(first.clone(), phrase);
            }
        }
        self.words.merge(other.words);
        self.word_terms.extend(other.word_terms);
        for (normalized, term) in other.acronyms {
            self.acronyms.entry(normalized).or_insert(term);
        }
    }

    /// Adds `phrase`, first word `first`, unless it is there already.
    fn insert(&mut self, first: String, phrase: Phrase) {
        let list = self.by_first.entry(first).or_default();
        if !list.iter().any(|p| p.key == phrase.key) {
            list.push(phrase);
        }
    }

    /// The number of phrases.
    ///
    /// ```
    /// assert_eq!(framediff::vectorize::Phrases::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum::<usize>()
            + self.word_terms.len()
            + self.acronyms.len()
    }

    /// Whether there is no phrase.
    ///
    /// ```
    /// assert!(framediff::vectorize::Phrases::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty() && self.word_terms.is_empty() && self.acronyms.is_empty()
    }

    /// Calls `found` with the term's stem, the lexicon's form and the
    /// tokens of every phrase `tokens` holds, in order of their first
    /// token; phrases may overlap. The parts of a hyphenated compound
    /// ("cessez-le-feu", "pull-out") are words in a row too. Then the
    /// same for every word that is a member listed as written
    /// ([`Phrases::word_term`]).
    pub(crate) fn find<'p, 't>(
        &'p self,
        tokens: &'t [Token],
        mut found: impl FnMut(&'p str, &'p str, &'t [Token]),
    ) {
        self.find_phrases(tokens, &mut found);
        for (i, token) in tokens.iter().enumerate() {
            if let Some((key, form)) = self.word_term(token) {
                found(key, form, &tokens[i..=i]);
            }
        }
    }

    /// [`Phrases::find`] for the phrases of several words alone.
    pub(crate) fn find_phrases<'p, 't>(
        &'p self,
        tokens: &'t [Token],
        mut found: impl FnMut(&'p str, &'p str, &'t [Token]),
    ) {
        if !self.by_first.is_empty() {
            self.find_in(tokens, &mut found);
        }
    }

    /// The term's stem and the lexicon's form of the member listed as
    /// written that `token` is: an acronym in capitals
    /// ([`Phrases::add_acronym`]), or a form of a word
    /// ([`Phrases::add_word`]); `None` otherwise.
    pub(crate) fn word_term(&self, token: &Token) -> Option<(&str, &str)> {
        if token.kind != TokenKind::Word {
            return None;
        }
        // An acronym spelt like a function word ("US") is one only where
        // the analyser read it as a name, not in a headline in capitals.
        if !self.acronyms.is_empty()
            && !token.stop
            && is_acronym(&token.surface)
            && let Some((key, form)) = self.acronyms.get(token.normalized.as_str())
        {
            return Some((key, form));
        }
        if self.word_terms.is_empty() || !token.is_content() {
            return None;
        }
        let term = &self.word_terms[self.words.find(token)? as usize];
        Some((&term.key, &term.form))
    }

    fn find_in<'p, 't>(
        &'p self,
        tokens: &'t [Token],
        found: &mut impl FnMut(&'p str, &'p str, &'t [Token]),
    ) {
        for (i, token) in tokens.iter().enumerate() {
            if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            if !token.parts.is_empty() {
                self.find_in(&token.parts, found);
            }
            let Some(phrases) = self.by_first.get(token.stem.as_str()) else {
                continue;
            };
            let after = &tokens[i + 1..];
            for phrase in phrases {
                let holds = phrase.rest.len() <= after.len()
                    && phrase
                        .rest
                        .iter()
                        .zip(after)
                        .all(|(stem, t)| t.stem.as_str() == stem);
                if holds {
                    let end = i + 1 + phrase.rest.len();
                    found(&phrase.key, &phrase.form, &tokens[i..end]);
                }
            }
        }
    }
}

/// The words of a phrase as written in the text, joined by spaces (none
/// where they touch, as after an elided word: "d'Emmanuel").
pub(crate) fn written_form(tokens: &[Token]) -> String {
    let mut form = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && tokens[i - 1].end < token.start {
            form.push(' ');
        }
        form.push_str(&token.normalized);
    }
    form
}

#[cfg(test)]
mod tests {
    use crate::analyze::Analyzer;
    use crate::lang::Language;
    use crate::vectorize::Concepts;

    /// The phrases of `lexicon` found in `text`, as written.
    fn found(language: Language, lexicon: &str, text: &str) -> Vec<String> {
        let concepts = Concepts::parse(lexicon, language);
        let tokens = Analyzer::new(language).analyze(text);
        let mut out = Vec::new();
        concepts
            .phrases()
            .find(&tokens, |_, _, words| out.push(super::written_form(words)));
        out
    }

    #[test]
    fn a_phrase_matches_its_inflected_forms() {
        let en = Language::English;
        let lexicon = "resign: resign step_down";
        let text = "He stepped down. She steps down. They will step down.";
        assert_eq!(
            found(en, lexicon, text),
            ["stepped down", "steps down", "step down"]
        );
        let fr = Language::French;
        assert_eq!(
            found(
                fr,
                "capture: prise prendre_le_contrôle",
                "Il prendra le contrôle."
            ),
            ["prendra le contrôle"]
        );
        // An irregular form is a phrase of its own, as a participle is a
        // word of its own.
        let lexicon = "capture: prise prendre_le_contrôle pris_le_contrôle";
        assert_eq!(
            found(fr, lexicon, "Ils ont pris le contrôle d'Alep."),
            ["pris le contrôle"]
        );
    }

    #[test]
    fn the_lexicons_phrases_meet_their_usual_news_forms() {
        let fr = Language::French;
        let lexicon = crate::vectorize::Concepts::for_language(fr);
        let tokens = Analyzer::new(fr).analyze(
            "Ils sont descendus dans la rue, ont pris la fuite et font grève ; deux ont perdu la vie.",
        );
        let mut found = Vec::new();
        lexicon.phrases().find(&tokens, |_, _, words| {
            found.push(super::written_form(words))
        });
        assert_eq!(
            found,
            [
                "descendus dans la rue",
                "pris la fuite",
                "font grève",
                "perdu la vie"
            ]
        );
    }

    #[test]
    fn a_phrase_matches_the_pieces_of_a_compound() {
        let lexicon = "withdraw: withdraw pull_out";
        let text = "The pull-out began; troops pulled out.";
        assert_eq!(
            found(Language::English, lexicon, text),
            ["pull out", "pulled out"]
        );
    }

    #[test]
    fn a_phrase_does_not_match_its_words_apart_or_in_another_order() {
        let fr = Language::French;
        let lexicon = "support: soutien aux_côtés";
        assert!(found(fr, lexicon, "De son côté, il se tait.").is_empty());
        assert!(found(fr, lexicon, "Aux deux côtés de la rue.").is_empty());
        assert!(found(fr, lexicon, "Les côtés aux angles droits.").is_empty());
        let en = Language::English;
        let lexicon = "resign: resign step_down";
        assert!(found(en, lexicon, "A step, down the road.").is_empty());
        assert!(found(en, lexicon, "He came down a step.").is_empty());
        assert!(found(en, lexicon, "A first step.").is_empty());
    }

    #[test]
    fn a_phrase_belongs_to_its_concept_and_its_words_do_not() {
        let c = Concepts::parse("support: soutien aux_côtés\n", Language::French);
        assert_eq!(c.of_stem("aux côt"), &[0]);
        assert!(c.of_stem("côt").is_empty());
        assert_eq!(c.of_stem("soutien"), &[0]);
        // A phrase of stop words alone would be met everywhere.
        let c = Concepts::parse("x: de_la", Language::French);
        assert!(c.phrases().is_empty());
        // One word written with an underscore is a plain member.
        let c = Concepts::parse("end: mettre_fin terminer_", Language::French);
        assert_eq!(c.phrases().len(), 1);
        assert_eq!(c.of_stem("termin"), &[0]);
    }
}
