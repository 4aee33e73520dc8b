//! Words of a war story, for property tests that generate articles: names
//! with their spelling variants, synonyms, figures, elided forms and
//! function words, so that generated sentences meet every kind of match.

/// The words generated sentences are drawn from.
pub const WORDS: &[&str] = &[
    "Alep",
    "Hama",
    "rebelles",
    "insurgés",
    "frappes",
    "bombardement",
    "Bashar",
    "Bachar",
    "jihadistes",
    "djihadistes",
    "armée",
    "soutien",
    "Russie",
    "offensive",
    "attaque",
    "l’armée",
    "d’Alep",
    "ont",
    "lancé",
    "une",
    "contre",
    "les",
    "forces",
    "2015",
    "1 000",
    "lundi",
];
