//! Numbers compared by value, not by typography: one outlet writes
//! "290.000", another "290 000" or "290000"; a French "2,5" is an English
//! "2.5". Which mark is the decimal one is a fact of the language.

use std::sync::Arc;

use super::filters::TokenFilter;
use super::{Token, TokenKind};
use crate::lang::Resources;

/// Writes each number's value as its [`Token::stem`], so that the
/// alignment and the diff match "2.034" with "2034" in French and "2,034"
/// with "2034" in English. The surface and the normalised form stay as
/// written. A number whose groups are not those of a thousands separator
/// ("18.11.2018", "06.12.34.56") keeps its form: it is a date or a code,
/// not a quantity.
///
/// ```
/// use framediff::analyze::Analyzer;
/// use framediff::lang::Language;
///
/// let stems = |lang, text| -> Vec<String> {
///     Analyzer::new(lang).analyze(text).into_iter().map(|t| t.stem).collect()
/// };
/// assert_eq!(stems(Language::French, "2.034 2034 2,50"), ["2034", "2034", "2.5"]);
/// assert_eq!(stems(Language::English, "2,034 2.50"), ["2034", "2.5"]);
/// assert_eq!(stems(Language::French, "50'000 50’000"), ["50000", "50000"]);
/// ```
pub struct NumberValues {
    resources: Arc<Resources>,
}

impl NumberValues {
    /// Reads numbers with the decimal mark of `resources`' language.
    ///
    /// ```
    /// let f = framediff::analyze::NumberValues::new(framediff::lang::Language::French.resources());
    /// # let _ = f;
    /// ```
    pub fn new(resources: Arc<Resources>) -> NumberValues {
        NumberValues { resources }
    }
}

impl TokenFilter for NumberValues {
    fn apply(&self, tokens: &mut Vec<Token>) {
        let decimal_mark = self.resources.decimal_mark();
        for token in tokens.iter_mut() {
            if token.kind == TokenKind::Number
                && let Some(value) = number_value(&token.normalized, decimal_mark)
            {
                token.stem = value;
            }
        }
    }
}

/// The value of a written number, as its integer digits, then "." and its
/// decimals without trailing zeros; `None` when `number` has no separator
/// or cannot be read without guessing.
///
/// With both marks ("1.234,5", "1,234.5") the last one is the decimal
/// mark. With one kind of separator, several of them group thousands; a
/// single one is the language's decimal mark when it is that mark, and
/// else groups thousands when three digits follow it ("2.034" in French)
/// and marks decimals otherwise ("3.5" in a French text). Without a known
/// decimal mark, a single separator before three digits is ambiguous. An
/// apostrophe groups thousands ("50'000", "1'234.5").
fn number_value(number: &str, decimal_mark: Option<char>) -> Option<String> {
    if !number.contains('\'') {
        return marked_value(number, decimal_mark);
    }
    // Swiss typography groups thousands with an apostrophe: "50'000".
    let integer_end = number.find(['.', ',']).unwrap_or(number.len());
    let (integer, rest) = number.split_at(integer_end);
    let mut groups = integer.split('\'');
    let first = groups.next()?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=3).contains(&first.len())
        || !digits(first)
        || !groups.all(|g| g.len() == 3 && digits(g))
        || rest.contains('\'')
    {
        return None;
    }
    let number = number.replace('\'', "");
    marked_value(&number, decimal_mark).or(rest.is_empty().then_some(number))
}

/// [`number_value`] of a number whose only separators are "." and ",".
fn marked_value(number: &str, decimal_mark: Option<char>) -> Option<String> {
    let count = |mark: char| number.matches(mark).count();
    let (dots, commas) = (count('.'), count(','));
    let decimal = match (dots, commas) {
        (0, 0) => return None,
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let single = dots + commas == 1;
            let three_after = number.rsplit(mark).next().is_some_and(|g| g.len() == 3);
            match decimal_mark {
                _ if !single => None,
                Some(m) if m == mark => Some(mark),
                Some(_) if three_after => None,
                Some(_) => Some(mark),
                None if three_after => return None,
                None => Some(mark),
            }
        }
        _ => number
            .rfind(['.', ','])
            .map(|at| char::from(number.as_bytes()[at])),
    };
    let (integer, decimals) = match decimal {
        Some(mark) => number.rsplit_once(mark)?,
        None => (number, ""),
    };
    let mut groups = integer.split(['.', ',']);
    let first = groups.next()?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = (1..=3).contains(&first.len()) || integer.len() == first.len();
    if !digits(first) || !grouped || !groups.all(|g| g.len() == 3 && digits(g)) {
        return None;
    }
    if decimal.is_some() && !digits(decimals) {
        return None;
    }
    let mut value: String = integer.chars().filter(char::is_ascii_digit).collect();
    let decimals = decimals.trim_end_matches('0');
    if !decimals.is_empty() {
        value.push('.');
        value.push_str(decimals);
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::number_value;

    fn value(number: &str, mark: Option<char>) -> Option<String> {
        number_value(number, mark)
    }

    #[test]
    fn french_groups_with_dots_and_marks_decimals_with_a_comma() {
        let fr = Some(',');
        assert_eq!(value("2.034", fr).as_deref(), Some("2034"));
        assert_eq!(value("290.000", fr).as_deref(), Some("290000"));
        assert_eq!(value("1.234.567", fr).as_deref(), Some("1234567"));
        assert_eq!(value("2,5", fr).as_deref(), Some("2.5"));
        assert_eq!(value("2,50", fr).as_deref(), Some("2.5"));
        assert_eq!(value("3,000", fr).as_deref(), Some("3"));
        assert_eq!(value("1.234,5", fr).as_deref(), Some("1234.5"));
        // An English-style decimal in a French text.
        assert_eq!(value("3.5", fr).as_deref(), Some("3.5"));
    }

    #[test]
    fn english_groups_with_commas_and_marks_decimals_with_a_dot() {
        let en = Some('.');
        assert_eq!(value("2,034", en).as_deref(), Some("2034"));
        assert_eq!(value("84,000", en).as_deref(), Some("84000"));
        assert_eq!(value("30,000,000", en).as_deref(), Some("30000000"));
        assert_eq!(value("2.034", en).as_deref(), Some("2.034"));
        assert_eq!(value("1,234.50", en).as_deref(), Some("1234.5"));
        assert_eq!(value("3,5", en).as_deref(), Some("3.5"));
    }

    #[test]
    fn apostrophes_group_thousands() {
        for mark in [Some(','), Some('.'), None] {
            assert_eq!(value("50'000", mark).as_deref(), Some("50000"));
            assert_eq!(value("1'234'567", mark).as_deref(), Some("1234567"));
            assert_eq!(value("2'019", mark).as_deref(), Some("2019"));
            assert_eq!(value("3'5", mark), None);
            assert_eq!(value("'000", mark), None);
            assert_eq!(value("1,5'000", mark), None);
        }
        assert_eq!(value("1'234.5", Some(',')).as_deref(), Some("1234.5"));
    }

    #[test]
    fn dates_codes_and_plain_numbers_keep_their_form() {
        for mark in [Some(','), Some('.'), None] {
            assert_eq!(value("18.11.2018", mark), None);
            assert_eq!(value("06.12.34.56.78", mark), None);
            assert_eq!(value("2034", mark), None);
            assert_eq!(value("1234.567.890", mark), None);
            assert_eq!(value("12.", mark), None);
            assert_eq!(value(".5", mark), None);
        }
    }

    #[test]
    fn without_a_decimal_mark_only_the_unambiguous_is_read() {
        assert_eq!(value("2.034", None), None);
        assert_eq!(value("2,5", None).as_deref(), Some("2.5"));
        assert_eq!(value("1.234.567", None).as_deref(), Some("1234567"));
        assert_eq!(value("1.234,5", None).as_deref(), Some("1234.5"));
    }
}
