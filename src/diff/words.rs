//! What each token is to the framing: an actor label, a hedge, a source,
//! a figure, a name, a loaded word. Computed once per [`Differ`](super::Differ)
//! from the languages' [`Resources`], then read per token.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::analyze::{Analyzer, Token, TokenKind};
use crate::fasthash::FastSet;
use crate::lang::{Language, ListedWords, Resources, listed_as_written, stems_of, written_forms};
use crate::vectorize::is_headline_case;

/// The framing lists of one or more languages, as lookup sets: exact
/// forms where inflection matters, stems where it does not.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordClasses {
    hedges: FastSet<String>,
    attribution: FastSet<String>,
    saying: FastSet<String>,
    actor_labels: ListedWords,
    actor_pronouns: FastSet<String>,
    /// Loaded words met by their stem ("massacre", "massacrés"), and
    /// those listed as written (`=lâche`), met in their own forms only: a
    /// stem they share names other words ("lâcher", "vérité" beside
    /// "véritable", "dead" beside "deadly").
    evaluative: FastSet<String>,
    evaluative_as_written: ListedWords,
    /// Every loaded word in its own forms of number and gender: a
    /// capitalised word opening a quotation ("« Barbares ! »") is loaded
    /// in one of them even where the corpus writes its stem as a name
    /// ("Barbara").
    evaluative_forms: ListedWords,
    quantity: FastSet<String>,
    /// Day and month names written in full, lower case: capitalised, and
    /// no names.
    calendar: FastSet<String>,
    /// Set phrases on a verb of saying that name no source: each phrase's
    /// words as the analyser writes them ("autrement", "dit"; "c'est-à-dire"
    /// is "est-à-dire" after its elision), and whether punctuation must
    /// follow it ("that said,").
    sayings_without_source: Vec<(Vec<String>, bool)>,
    resources: Vec<Resources>,
}

/// What one token is, as far as framing goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Features {
    pub content: bool,
    pub punctuation: bool,
    pub name: bool,
    pub actor: bool,
    pub hedge: bool,
    pub attribution: bool,
    pub saying: bool,
    pub pronoun: bool,
    pub quantity: bool,
    pub evaluative: bool,
    pub quoted: bool,
    /// A title before a name ("Rep.", "M.", "Dr"): no name itself.
    pub title: bool,
    /// In a set phrase on a verb of saying that names no source
    /// ("c'est-à-dire", "needless to say"): the writer's own connective.
    pub connective: bool,
}

impl Features {
    /// Whether two feature sets, merged, carry the other's flags too.
    pub fn union(self, o: Features) -> Features {
        Features {
            content: self.content || o.content,
            punctuation: self.punctuation || o.punctuation,
            name: self.name || o.name,
            actor: self.actor || o.actor,
            hedge: self.hedge || o.hedge,
            attribution: self.attribution || o.attribution,
            saying: self.saying || o.saying,
            pronoun: self.pronoun || o.pronoun,
            quantity: self.quantity || o.quantity,
            evaluative: self.evaluative || o.evaluative,
            quoted: self.quoted || o.quoted,
            title: self.title || o.title,
            connective: self.connective || o.connective,
        }
    }

    /// Whether the token says something beyond grammar: content, or an
    /// actor pronoun or a hedge written as a function word ("nous",
    /// "aurait").
    pub fn is_salient(self) -> bool {
        self.content || self.actor || self.hedge || self.quantity
    }
}

impl WordClasses {
    /// The classes of these languages' default resources, built once per
    /// set of languages: stemming every list is work each comparison would
    /// otherwise repeat.
    pub fn for_languages(languages: &[Language]) -> Arc<WordClasses> {
        static CACHE: OnceLock<Mutex<HashMap<Vec<Language>, Arc<WordClasses>>>> = OnceLock::new();
        let mut key = languages.to_vec();
        key.sort();
        key.dedup();
        let cache = CACHE.get_or_init(Default::default);
        let mut cache = cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Arc::clone(cache.entry(key).or_insert_with_key(|key| {
            Arc::new(WordClasses::new(
                key.iter()
                    .map(|l| Resources::clone(&l.resources()))
                    .collect(),
            ))
        }))
    }

    /// Which tokens stand in a set phrase on a verb of saying that names
    /// no source ("c'est-à-dire", "autrement dit", "Needless to say"): its
    /// verb attributes nothing, and its capital names nobody. A phrase
    /// stands apart, first or after punctuation (an elided "c'" aside): in
    /// "the minister that said it", "that said" reports; and a phrase
    /// listed with a comma after it must be followed by punctuation
    /// ("Having said that he would resign" reports).
    pub fn in_saying_without_source(&self, tokens: &[Token]) -> Vec<bool> {
        let mut held = vec![false; tokens.len()];
        let mut apart = true;
        for start in 0..tokens.len() {
            let opens = apart;
            if !tokens[start].elision {
                apart = tokens[start].kind == TokenKind::Punctuation;
            }
            if !opens {
                continue;
            }
            for (phrase, then_punctuation) in &self.sayings_without_source {
                let end = start + phrase.len();
                let matches = !phrase.is_empty()
                    && phrase.iter().enumerate().all(|(k, word)| {
                        tokens
                            .get(start + k)
                            .is_some_and(|t| t.is_word() && t.normalized == *word)
                    })
                    && (!then_punctuation
                        || tokens
                            .get(end)
                            .is_none_or(|t| t.kind == TokenKind::Punctuation));
                if matches {
                    held[start..end].fill(true);
                }
            }
        }
        held
    }

    /// The hedges and the words of attribution (sources, verbs of saying)
    /// of a sentence, lower case, each once.
    pub fn markers(&self, tokens: &[Token]) -> (Vec<String>, Vec<String>) {
        let (mut hedges, mut attributions) = (Vec::new(), Vec::new());
        let connective = self.in_saying_without_source(tokens);
        for (t, connective) in tokens.iter().zip(connective) {
            if self.is_hedge(t) {
                hedges.push(t.normalized.to_string());
            } else if t.is_word()
                && !connective
                && std::iter::once(t).chain(&t.parts).any(|p| {
                    self.attribution.contains(p.stem.as_str())
                        || self.saying.contains(p.stem.as_str())
                })
            {
                attributions.push(t.normalized.to_string());
            }
        }
        for list in [&mut hedges, &mut attributions] {
            list.sort();
            list.dedup();
        }
        (hedges, attributions)
    }

    pub fn new(resources: Vec<Resources>) -> WordClasses {
        let mut classes = WordClasses::default();
        for r in &resources {
            let analyzer = Analyzer::with_resources(r.clone());
            let stems = |words: &mut dyn Iterator<Item = &str>| -> Vec<String> {
                words.flat_map(|w| stems_of(&analyzer, w)).collect()
            };
            classes.hedges.extend(r.hedges().map(str::to_string));
            classes
                .attribution
                .extend(stems(&mut r.attribution_markers()));
            classes
                .saying
                .extend(stems(&mut r.saying_verbs().chain(r.reporting_words())));
            classes.actor_labels.extend(&analyzer, r.actor_labels());
            classes
                .actor_pronouns
                .extend(r.actor_pronouns().map(str::to_string));
            let (as_written, by_stem): (Vec<&str>, Vec<&str>) = r
                .evaluative_words()
                .partition(|w| listed_as_written(w).is_some());
            // Every stem of a word's feminine and plural forms ("massives"
            // stems apart from "massif").
            let forms: Vec<String> = by_stem.into_iter().flat_map(written_forms).collect();
            classes
                .evaluative
                .extend(stems(&mut forms.iter().map(String::as_str)));
            classes.evaluative_as_written.extend(
                &analyzer,
                as_written.into_iter().filter_map(listed_as_written),
            );
            classes.evaluative_forms.extend(
                &analyzer,
                r.evaluative_words()
                    .map(|w| listed_as_written(w).unwrap_or(w)),
            );
            classes
                .quantity
                .extend(r.quantity_words().map(str::to_string));
            // Not the abbreviations nor "may": "The Sun", "Theresa May".
            classes.calendar.extend(
                r.calendar_words()
                    .filter(|w| w.chars().count() > 3)
                    .map(str::to_string),
            );
            classes
                .sayings_without_source
                .extend(r.sayings_without_source().map(|phrase| {
                    let (phrase, then_punctuation) = match phrase.strip_suffix(',') {
                        Some(phrase) => (phrase, true),
                        None => (phrase, false),
                    };
                    let words = analyzer
                        .analyze(phrase)
                        .iter()
                        .filter(|t| t.is_word())
                        .skip_while(|t| t.elision)
                        .map(|t| t.normalized.to_string())
                        .collect();
                    (words, then_punctuation)
                }));
        }
        let sources = classes.attribution.clone();
        classes.saying.retain(|s| !sources.contains(s));
        classes.resources = resources;
        classes
    }

    /// Whether a token is a hedge, as written.
    pub fn is_hedge(&self, t: &Token) -> bool {
        self.hedges.contains(t.normalized.as_str())
    }

    /// The features of every token of a sentence; `names` holds the stems
    /// the corpus writes as names.
    pub fn features(&self, tokens: &[Token], names: &FastSet<String>) -> Vec<Features> {
        let quoted = scare_quoted(tokens);
        let first_word = tokens.iter().position(Token::is_word);
        // In a headline with every content word capitalised ("Steele
        // Criticized for Afghanistan Remarks"), as in first position, only
        // a word the corpus writes as a name is one.
        let headline = is_headline_case(tokens);
        let connective = self.in_saying_without_source(tokens);
        tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let pieces: Vec<&Token> = if t.parts.is_empty() {
                    vec![t]
                } else {
                    t.parts.iter().chain(std::iter::once(t)).collect()
                };
                let any = |f: &dyn Fn(&Token) -> bool| pieces.iter().any(|p| f(p));
                let capitalised = |p: &Token| p.surface.starts_with(char::is_uppercase);
                // A title stands before a name and is none: "Republican
                // Rep." is no spelling of "Rep.". A title with its period or
                // without ("Dr", "Mgr"); another name prefix only with it:
                // "Ed Miliband" and "Art Garfunkel" are names, "No" and "St"
                // words.
                let abbreviated = tokens
                    .get(i + 1)
                    .is_some_and(|n| n.surface == "." && n.start == t.end);
                let title = t.is_word()
                    && self.resources.iter().any(|r| {
                        r.is_title(&t.normalized)
                            || (abbreviated && r.is_name_prefix(&t.normalized))
                    });
                // "Sunday" after "Steele" is when, not more of his name.
                let name = t.is_word()
                    && !t.stop
                    && !title
                    && !connective[i]
                    && !self.calendar.contains(t.normalized.as_str())
                    && any(&|p| {
                        capitalised(p)
                            && ((Some(i) != first_word && !headline)
                                || names.contains(p.stem.as_str()))
                    });
                // A name is no loaded word ("Barbara" stems as "barbare",
                // "Arc de Triomphe"), but a word opening a quotation or an
                // exclamation inside the sentence is capitalised as a
                // first word is: there it is a name only where the corpus
                // says so and it is no form of a loaded word ("« Barbares !
                // Lâches ! »", "“Brutal attacks must stop”").
                let opens = i > 0 && opens_inner_sentence(&tokens[..i], t);
                let named_for_loading = if opens {
                    name && names.contains(t.stem.as_str()) && !self.evaluative_forms.holds(t)
                } else {
                    name
                };
                let pronoun = self.actor_pronouns.contains(t.normalized.as_str());
                Features {
                    content: t.is_content(),
                    punctuation: t.kind == TokenKind::Punctuation,
                    name,
                    actor: any(&|p| self.actor_labels.holds(p)) || pronoun,
                    pronoun,
                    hedge: self.hedges.contains(t.normalized.as_str()),
                    attribution: !connective[i]
                        && any(&|p| self.attribution.contains(p.stem.as_str())),
                    saying: !connective[i] && any(&|p| self.saying.contains(p.stem.as_str())),
                    quantity: t.kind == TokenKind::Number
                        || self.quantity.contains(t.normalized.as_str()),
                    evaluative: t.is_content()
                        && !connective[i]
                        && !named_for_loading
                        && (any(&|p| {
                            self.evaluative.contains(p.stem.as_str())
                                || self.evaluative_as_written.holds(p)
                        }) || self.resources.iter().any(|r| r.is_modifier(&t.normalized))),
                    quoted: quoted[i],
                    title,
                    connective: connective[i],
                }
            })
            .collect()
    }
}

/// Whether the tokens before a word open a quotation or end a sentence
/// inside the segment ("« Barbares ! Lâches ! »", "Il a crié : Lâches"):
/// the word after them is capitalised whatever it is. A straight quote
/// opens only against the word it opens; the one that closes a quotation
/// stands against the word before ("…," Savage said).
fn opens_inner_sentence(before: &[Token], word: &Token) -> bool {
    let Some(previous) = before.last() else {
        return false;
    };
    match previous.surface.as_str() {
        "\"" => previous.end == word.start,
        "." => before.len() >= 3 && before[before.len() - 3..].iter().all(|t| t.surface == "."),
        "«" | "“" | "„" | "‘" | "!" | "?" | "…" | "..." | ":" => true,
        _ => false,
    }
}

/// The longest quotation read as scare quotes rather than a citation.
const SCARE_QUOTE_WORDS: usize = 2;

/// Which tokens stand inside a short quotation (at most
/// [`SCARE_QUOTE_WORDS`] words): « rebelles », “so-called”.
pub(super) fn scare_quoted(tokens: &[Token]) -> Vec<bool> {
    let mut quoted = vec![false; tokens.len()];
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Punctuation {
            continue;
        }
        let s = t.surface.as_str();
        let opens = matches!(s, "«" | "“" | "„") || (s == "\"" && open.is_none());
        let closes = matches!(s, "»" | "”") || (s == "\"" && open.is_some());
        if closes && let Some(start) = open.take() {
            let words = tokens[start + 1..i].iter().filter(|t| t.is_word()).count();
            if (1..=SCARE_QUOTE_WORDS).contains(&words) {
                quoted[start + 1..i].iter_mut().for_each(|q| *q = true);
            }
        } else if opens {
            open = Some(i);
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::lang::Language;

    #[test]
    fn every_listed_label_is_a_label_in_its_plural() {
        for language in [Language::French, Language::English] {
            let classes = WordClasses::for_languages(&[language]);
            let analyzer = Analyzer::new(language);
            let resources = language.resources();
            for label in resources.actor_labels().filter(|w| !w.contains([' ', '-'])) {
                let plural = match label.strip_suffix('y') {
                    _ if label.ends_with(['s', 'x']) => label.to_string(),
                    Some(stem) if language == Language::English => format!("{stem}ies"),
                    _ => format!("{label}s"),
                };
                for form in [label.to_string(), plural] {
                    let tokens = analyzer.analyze(&form);
                    let features = classes.features(&tokens, &FastSet::default());
                    assert!(features.iter().any(|f| f.actor), "{language:?} {form}");
                }
            }
        }
    }

    /// "investigator" and "department" name a source; "investigation"
    /// and "departed", whose Snowball stems are theirs, do not.
    #[test]
    fn a_source_lends_its_stem_to_no_other_word() {
        let classes = WordClasses::for_languages(&[Language::English]);
        let analyzer = Analyzer::new(Language::English);
        let (_, sources) = classes.markers(&analyzer.analyze(
            "The investigator and the Justice Department's aide opened an investigation \
             and departed.",
        ));
        assert_eq!(sources, ["aide", "department's", "investigator"]);
    }

    #[test]
    fn a_name_is_no_loaded_word_but_a_word_opening_a_quotation_may_be() {
        let classes = WordClasses::for_languages(&[Language::French]);
        let analyzer = Analyzer::new(Language::French);
        // The corpus writes "Barbara" and "Triomphe" as names.
        let names: FastSet<String> = ["barbar", "triomph", "pompil"]
            .into_iter()
            .map(String::from)
            .collect();
        let loaded =
            |text: &str| with_feature(&classes, &analyzer.analyze(text), &names, |f| f.evaluative);
        assert_eq!(
            loaded("Selon Barbara Pompili, l'acte est barbare."),
            ["barbare"]
        );
        assert_eq!(
            loaded("Ils ont défilé de l'Arc de Triomphe à la Concorde."),
            [""; 0]
        );
        assert_eq!(
            loaded("Ils criaient « Barbares ! Lâches ! » devant la mairie."),
            ["Barbares", "Lâches"]
        );
        assert_eq!(loaded("Elle a lu « Barbara » devant la mairie."), [""; 0]);
        assert_eq!(
            loaded("Ils criaient \"Barbares\" devant la mairie."),
            ["Barbares"]
        );
        assert_eq!(
            loaded("« Vous êtes des... Lâches ! » a-t-il dit."),
            ["Lâches"]
        );
        // A closing straight quote opens nothing: "Sauvage" is a name.
        let names: FastSet<String> = ["sauvag"].into_iter().map(String::from).collect();
        let tokens = analyzer.analyze("\"Le plan a échoué,\" Sauvage a dit lundi.");
        assert_eq!(
            with_feature(&classes, &tokens, &names, |f| f.evaluative),
            [""; 0]
        );
    }

    #[test]
    fn a_loaded_word_is_met_by_its_stem_unless_listed_as_written() {
        for (language, loaded, plain) in [
            (
                Language::French,
                &[
                    "lâches",
                    "véritables",
                    "meurtrière",
                    "massives",
                    "brutaux",
                    "soudaine",
                    "massacré",
                    "boucheries",
                    "soulèvements",
                    "vaillante",
                ][..],
                &[
                    "lâcher",
                    "lâché",
                    "vérité",
                    "éclairer",
                    "soulève",
                    "soulever",
                    "vaille",
                ][..],
            ),
            (
                Language::English,
                &[
                    "deadly",
                    "massacres",
                    "massacred",
                    "slaughtered",
                    "brutal",
                    "fateful",
                    "historic",
                ][..],
                &["dead", "blood", "dare", "fate", "historical"][..],
            ),
        ] {
            let classes = WordClasses::for_languages(&[language]);
            let analyzer = Analyzer::new(language);
            let evaluative = |word: &str| {
                let tokens = analyzer.analyze(word);
                classes.features(&tokens, &FastSet::default())[0].evaluative
            };
            for word in loaded {
                assert!(evaluative(word), "{word}");
            }
            for word in plain {
                assert!(!evaluative(word), "{word}");
            }
        }
    }

    #[test]
    fn in_a_headline_with_every_content_word_capitalised_only_known_names_are_names() {
        let classes = WordClasses::for_languages(&[Language::English]);
        let analyzer = Analyzer::new(Language::English);
        let tokens = analyzer.analyze("Steele Criticized for Afghanistan Remarks");
        let names: FastSet<String> = ["steel", "steele", "afghanistan"]
            .into_iter()
            .map(String::from)
            .collect();
        let named = with_feature(&classes, &tokens, &names, |f| f.name);
        assert_eq!(named, ["Steele", "Afghanistan"]);
    }

    /// The tokens of a sentence that have a feature, as written.
    fn with_feature(
        classes: &WordClasses,
        tokens: &[Token],
        names: &FastSet<String>,
        has: fn(&Features) -> bool,
    ) -> Vec<String> {
        let features = classes.features(tokens, names);
        tokens
            .iter()
            .zip(&features)
            .filter(|(_, f)| has(f))
            .map(|(t, _)| t.surface.to_string())
            .collect()
    }

    #[test]
    fn an_actor_label_is_a_listed_word_not_its_stem() {
        let classes = WordClasses::for_languages(&[Language::French]);
        let analyzer = Analyzer::new(Language::French);
        let actor = |word: &str| {
            let tokens = analyzer.analyze(word);
            classes.features(&tokens, &FastSet::default())[0].actor
        };
        for label in [
            "manifestantes",
            "dirigeants",
            "forces",
            "présidente",
            "alliés",
        ] {
            assert!(actor(label), "{label}");
        }
        // Same stems, other words: an event, a participle, an institution.
        for word in [
            "manifestation",
            "dirigées",
            "présidence",
            "organisé",
            "forcés",
        ] {
            assert!(!actor(word), "{word}");
        }
    }
}
