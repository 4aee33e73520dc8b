//! The role of a term in a claim: what happened, or who and where.
//!
//! A claim is an event with participants. Two sentences that share only
//! participants ("le président syrien Bachar al-Assad") or only the act of
//! reporting ("a déclaré") share a topic, not a claim; a link needs a
//! shared event word or figure.

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
    for &language in languages {
        let stems = RoleStems::of(language);
        reporting.extend(stems.reporting.iter().map(String::as_str));
        actors.extend(stems.actors.iter().map(String::as_str));
    }
    vocabulary
        .iter()
        .map(|info| {
            if info.is_number {
                Role::Number
            } else if info.is_name() {
                Role::Name
            } else if reporting.contains(info.stem.as_str()) {
                Role::Reporting
            } else if actors.contains(info.stem.as_str()) {
                Role::Actor
            } else {
                Role::Event
            }
        })
        .collect()
}

/// The stems of a language's reporting and actor words.
struct RoleStems {
    reporting: HashSet<String>,
    actors: HashSet<String>,
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
            out.push(token.stem);
        } else {
            out.extend(token.parts.into_iter().map(|p| p.stem));
        }
    }
    out
}
