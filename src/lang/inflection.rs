//! The forms a French or English noun or adjective takes in number and
//! gender, for lists whose words must be met as written, not by their
//! stem: a stem alone takes in words of other kinds ("manifestation"
//! beside "manifestant", "lâcher" beside "lâche", "emploi" beside
//! "employé", "dead" beside "deadly").

use crate::analyze::{Analyzer, Token};
use crate::fasthash::{FastMap, FastSet};

/// Words matched in any number or gender, and only so. Each word added
/// gets the next number, which [`ListedWords::find`] returns.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListedWords {
    /// The stems of the words' forms: the cheap test, which most words
    /// fail.
    stems: FastSet<String>,
    /// The words' forms without their plural and feminine endings (see
    /// [`inflection_bases`]), with the number of the word they come from
    /// (the first, when two words share one).
    bases: FastMap<String, u32>,
    len: u32,
}

impl ListedWords {
    /// Adds words; returns the number of the first.
    pub fn extend<'w>(&mut self, analyzer: &Analyzer, words: impl Iterator<Item = &'w str>) -> u32 {
        let first = self.len;
        for word in words {
            // A plural or a feminine may stem apart from the word
            // ("leaders" and "leader", "massives" and "massif" in French):
            // every stem lets a form through, and the bases decide.
            for form in written_forms(word) {
                self.stems.extend(stems_of(analyzer, &form));
            }
            for token in analyzer.analyze(word) {
                for base in inflection_bases(&token.normalized) {
                    self.bases.entry(base).or_insert(self.len);
                }
            }
            self.len += 1;
        }
        first
    }

    /// The number of the word a token is a form of: its stem is one of the
    /// words' and so is one of its bases.
    pub fn find(&self, t: &Token) -> Option<u32> {
        if !self.stems.contains(t.stem.as_str()) {
            return None;
        }
        inflection_bases(&t.normalized)
            .iter()
            .find_map(|base| self.bases.get(base).copied())
    }

    /// Whether a token is a form of one of the words.
    pub fn holds(&self, t: &Token) -> bool {
        self.find(t).is_some()
    }

    /// Adds the words of another list, numbered after this one's.
    pub fn merge(&mut self, other: ListedWords) {
        self.stems.extend(other.stems);
        for (base, n) in other.bases {
            self.bases.entry(base).or_insert(n + self.len);
        }
        self.len += other.len;
    }
}

/// The stems of a listed word; a compound ("porte-parole") counts whole,
/// never by its pieces ("porte" would match "porter").
pub(crate) fn stems_of(analyzer: &Analyzer, word: &str) -> Vec<String> {
    analyzer
        .analyze(word)
        .into_iter()
        .map(|t| t.stem.into_string())
        .collect()
}

/// The word of a list entry written `=word`: a word to meet in its own
/// forms, not by its stem, which other words share (`=employé`, whose stem
/// is "emploi"'s; `=lâche`, whose stem is "lâcher"'s). The concept lists
/// and the loaded words use this one convention.
pub(crate) fn listed_as_written(entry: &str) -> Option<&str> {
    entry.strip_prefix('=')
}

/// The French feminine endings and the masculine ones they stand for
/// ("criminelle" / "criminel", "casseuse" / "casseur", "factieuse" /
/// "factieu", which is "factieux" without its "x", "dictatrice" /
/// "dictateur").
const FEMININE: [(&str, &[&str]); 6] = [
    ("elle", &["el"]),
    ("enne", &["en"]),
    ("euse", &["eur", "eu"]),
    ("rice", &["eur"]),
    ("ière", &["ier"]),
    ("ive", &["if"]),
];

/// The forms a listed word may be written in, as far as its stem goes:
/// itself, its feminine by [`FEMININE`] or a final "e", and their plurals.
/// Some are not words; they only widen the cheap test.
pub(crate) fn written_forms(word: &str) -> Vec<String> {
    let singular = word.strip_suffix(['s', 'x']).unwrap_or(word);
    let mut forms = vec![word.to_string(), format!("{word}e")];
    for (feminine, masculines) in FEMININE {
        for masculine in masculines {
            for base in [word, singular] {
                if let Some(root) = base.strip_suffix(masculine) {
                    forms.push(format!("{root}{feminine}"));
                }
            }
        }
    }
    let plurals: Vec<String> = forms.iter().map(|f| format!("{f}s")).collect();
    forms.extend(plurals);
    forms
}

/// The forms a noun of French or English may take without its plural and
/// feminine endings, accents kept ("forcé" is no "force"): the singular
/// ("radicaux" → "radical", "militias" → "militia", "parties" → "party"),
/// then, from it, the masculine a feminine ending points to ("criminelle"
/// → "criminel", "milicienne" → "milicien", "casseuse" → "casseur" or,
/// for "factieuse", "factieu", as "factieux" without its "x"; "émeutière"
/// → "émeutier", "alliée" → "allié"). Two words are one label's forms when
/// their bases meet.
pub(crate) fn inflection_bases(word: &str) -> Vec<String> {
    let plain = word.strip_suffix(['s', 'x']).unwrap_or(word);
    let mut singulars = vec![plain.to_string()];
    if let Some(stem) = word.strip_suffix("aux") {
        singulars.insert(0, format!("{stem}al"));
    } else if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 1) {
        // English "parties" is "party"; French "boucheries", "boucherie".
        singulars.insert(0, format!("{stem}y"));
    }
    let mut bases = Vec::with_capacity(4);
    for singular in singulars {
        if let Some((stem, masculine)) = FEMININE
            .iter()
            .find_map(|(ending, masculine)| Some((singular.strip_suffix(ending)?, masculine)))
        {
            bases.extend(masculine.iter().map(|m| format!("{stem}{m}")));
        } else if let Some(stem) = singular.strip_suffix('e') {
            bases.push(stem.to_string());
        }
        bases.push(singular);
    }
    bases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_word_reaches_its_feminine_and_plural_forms_by_their_stems() {
        let analyzer = Analyzer::new(crate::lang::Language::French);
        let mut words = ListedWords::default();
        words.extend(
            &analyzer,
            ["dictateur", "odieux", "massif", "boucherie"].into_iter(),
        );
        for form in [
            "dictatrices",
            "odieuse",
            "massives",
            "boucheries",
            "dictateurs",
        ] {
            let tokens = analyzer.analyze(form);
            assert!(words.holds(&tokens[0]), "{form}");
        }
        let tokens = analyzer.analyze("dictature");
        assert!(!words.holds(&tokens[0]));
    }

    #[test]
    fn merged_lists_number_the_second_list_after_the_first() {
        let analyzer = Analyzer::new(crate::lang::Language::French);
        let mut first = ListedWords::default();
        first.extend(&analyzer, ["employé", "casseur"].into_iter());
        let mut second = ListedWords::default();
        second.extend(&analyzer, ["criminel"].into_iter());
        first.merge(second);
        let number = |word: &str| first.find(&analyzer.analyze(word)[0]);
        assert_eq!(number("employées"), Some(0));
        assert_eq!(number("casseuses"), Some(1));
        assert_eq!(number("criminelles"), Some(2));
        assert_eq!(number("emploi"), None);
    }

    #[test]
    fn inflection_bases_meet_across_number_and_gender() {
        let meet = |a: &str, b: &str| {
            let (x, y) = (inflection_bases(a), inflection_bases(b));
            x.iter().any(|base| y.contains(base))
        };
        for (a, b) in [
            ("manifestantes", "manifestant"),
            ("militias", "militia"),
            ("radicaux", "radical"),
            ("criminelles", "criminel"),
            ("parties", "party"),
            ("forces", "force"),
            ("alliés", "allié"),
            ("alliées", "allié"),
            ("insurgées", "insurgé"),
            ("miliciennes", "milicien"),
            ("casseuses", "casseur"),
            ("factieuses", "factieux"),
            ("émeutières", "émeutier"),
            ("boucheries", "boucherie"),
            ("dictatrices", "dictateur"),
        ] {
            assert!(meet(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("manifestation", "manifestant"),
            ("forcé", "forces"),
            ("forcés", "force"),
        ] {
            assert!(!meet(a, b), "{a} / {b}");
        }
    }
}
