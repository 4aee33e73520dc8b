//! Numbers compared by value, not by typography: one outlet writes
//! "290.000", another "290 000", "290,000" or "290'000".

use super::filters::TokenFilter;
use super::{Token, TokenKind};

/// Writes each number's value as its [`Token::stem`], so that the
/// alignment and the diff match "2.034", "2,034", "2 034" and "2034". The
/// surface and the normalised form stay as written.
///
/// The reading is the same in every language, so that two documents
/// writing the same figure always agree, even when one of them is
/// detected as the wrong language. A separator followed by exactly three
/// digits groups thousands: "2.034" is 2034 in French and "2,034" in
/// English, and French and Swiss outlets write "2,000 €" for 2000 too.
/// Other separators mark decimals ("3,5", "3.5", "0,125"). A number whose
/// groups are not those of thousands ("18.11.2018", "06.12.34.56") keeps
/// its form: it is a date or a code, not a quantity.
///
/// Before a word of scale in the form it takes after a figure below 2
/// ("million", "milliard"; English "billion" after any figure) a single
/// separator marks decimals whatever follows it: "1.375 milliard",
/// "1,375 milliard" and "1.375 billion" are one figure, and "1,500
/// million" is 1.5 million (zeros at the end of its decimals say nothing
/// there). French writes the plural after 2 and more, and there three
/// digits after a point are thousands again: "2.600 milliards" is 2,600
/// billion.
///
/// ```
/// use framediff::analyze::Analyzer;
/// use framediff::lang::Language;
///
/// let stems = |lang, text| -> Vec<String> {
///     Analyzer::new(lang).analyze(text).into_iter().map(|t| t.stem.into_string()).collect()
/// };
/// assert_eq!(stems(Language::French, "2.034 2034 2,5"), ["2034", "2034", "2.5"]);
/// assert_eq!(stems(Language::English, "2,034 2.5"), ["2034", "2.5"]);
/// assert_eq!(stems(Language::French, "50'000 50’000"), ["50000", "50000"]);
/// assert_eq!(
///     stems(Language::French, "1.375 milliard, 1,5 million"),
///     ["1.375", "milliard", ",", "1.5", "million"]
/// );
/// ```
pub struct NumberValues;

impl TokenFilter for NumberValues {
    fn apply(&self, tokens: &mut Vec<Token>) {
        for i in 0..tokens.len() {
            if tokens[i].kind != TokenKind::Number {
                continue;
            }
            let scaled = tokens
                .get(i + 1)
                .is_some_and(|next| crate::lang::is_scale_word(&next.normalized));
            let number = &tokens[i].normalized;
            let value = if scaled {
                scaled_value(number).or_else(|| number_value(number))
            } else {
                number_value(number)
            };
            if let Some(value) = value {
                tokens[i].stem = value.into();
            }
        }
    }
}

/// The value of a written number: its integer digits, then "." and its
/// decimals as written; `None` when `number` has no separator or cannot
/// be read as a quantity.
///
/// With both marks ("1.234,5", "1,234.5") the last one marks decimals and
/// the other groups thousands. With one mark, several of them group
/// thousands ("1.234.567"); a single one groups thousands when exactly
/// three digits follow it and the number does not start with 0 ("2.034",
/// "2,000"), and marks decimals otherwise ("3,5", "0,125"). An apostrophe
/// only ever groups thousands ("50'000").
fn number_value(number: &str) -> Option<String> {
    let decimal = decimal_mark(number);
    let (integer, decimals) = match decimal {
        Some(mark) => number.rsplit_once(mark)?,
        None => (number, ""),
    };
    if decimal.is_some() && !all_digits(decimals) {
        return None;
    }
    // The integer part is grouped by one mark only, and not the decimal one.
    let mut groups = integer.split(['.', ',', '\'']);
    let first = groups.next()?;
    let mut marks = integer.chars().filter(|c| !c.is_ascii_digit());
    let mark = marks.next();
    if mark.is_none() && decimal.is_none()
        || marks.any(|c| Some(c) != mark)
        || !all_digits(first)
        || mark.is_some() && first.len() > 3
        || !groups.all(|g| g.len() == 3 && all_digits(g))
    {
        return None;
    }
    let mut value: String = integer.chars().filter(char::is_ascii_digit).collect();
    if !decimals.is_empty() {
        value.push('.');
        value.push_str(decimals);
    }
    Some(value)
}

/// The value of a number written before a word of scale, when it has one
/// separator, a point or a comma: it marks decimals, and the zeros that
/// end them go ("1.500 million" is "1.5", "2,000 billion" is "2").
fn scaled_value(number: &str) -> Option<String> {
    let (integer, decimals) = number.split_once(['.', ','])?;
    if !all_digits(integer) || !all_digits(decimals) {
        return None;
    }
    let decimals = decimals.trim_end_matches('0');
    Some(if decimals.is_empty() {
        integer.to_string()
    } else {
        format!("{integer}.{decimals}")
    })
}

/// Whether `s` is one or more ASCII digits.
fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The mark that separates `number`'s decimals, if any (see
/// [`number_value`]).
fn decimal_mark(number: &str) -> Option<char> {
    let count = |mark: char| number.matches(mark).count();
    match (count('.'), count(',')) {
        (0, 0) => None,
        (dots, commas) if dots > 0 && commas > 0 => number
            .rfind(['.', ','])
            .map(|at| char::from(number.as_bytes()[at])),
        (dots, commas) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let thousands = dots + commas > 1
                || (number.rsplit(mark).next().is_some_and(|g| g.len() == 3)
                    && !number.starts_with('0'));
            (!thousands).then_some(mark)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{number_value, scaled_value};

    fn value(number: &str) -> Option<String> {
        number_value(number)
    }

    #[test]
    fn three_digits_after_a_separator_are_thousands() {
        for (written, read) in [
            ("2.034", "2034"),
            ("2,034", "2034"),
            ("290.000", "290000"),
            ("2,000", "2000"),
            ("1.234.567", "1234567"),
            ("30,000,000", "30000000"),
            ("50'000", "50000"),
            ("1'234'567", "1234567"),
        ] {
            assert_eq!(value(written).as_deref(), Some(read), "{written}");
        }
    }

    #[test]
    fn other_separators_mark_decimals() {
        for (written, read) in [
            ("2,5", "2.5"),
            ("3.5", "3.5"),
            ("0,125", "0.125"),
            ("0.125", "0.125"),
            ("14.00", "14.00"),
            ("1.234,5", "1234.5"),
            ("1,234.50", "1234.50"),
            ("1'234.5", "1234.5"),
            ("12,3456", "12.3456"),
        ] {
            assert_eq!(value(written).as_deref(), Some(read), "{written}");
        }
    }

    #[test]
    fn a_separator_before_a_word_of_scale_marks_decimals() {
        for (written, read) in [
            ("1.375", Some("1.375")),
            ("1,375", Some("1.375")),
            ("1,500", Some("1.5")),
            ("2.000", Some("2")),
            ("0,25", Some("0.25")),
            ("1.234.567", None),
            ("1.234,5", None),
            ("50'000", None),
            ("12", None),
        ] {
            assert_eq!(scaled_value(written).as_deref(), read, "{written}");
        }
    }

    #[test]
    fn figures_before_a_word_of_scale_agree_across_typographies() {
        use crate::analyze::Analyzer;
        use crate::lang::Language;
        let figure = |language, text: &str| {
            Analyzer::new(language)
                .analyze(text)
                .into_iter()
                .find(|t| t.kind == crate::analyze::TokenKind::Number)
                .map(|t| t.stem)
        };
        let fr = figure(Language::French, "Un budget de 1,375 milliard d'euros.");
        assert_eq!(fr.as_deref(), Some("1.375"));
        assert_eq!(
            figure(Language::French, "Un budget de 1.375 milliard d'euros."),
            fr
        );
        assert_eq!(
            figure(Language::English, "A budget of 1.375 billion euros."),
            fr
        );
        // Thousands stay thousands elsewhere: before a plural, and when
        // grouped more than once.
        let thousands = figure(Language::French, "1.375 manifestants");
        assert_eq!(thousands.as_deref(), Some("1375"));
        let plural = figure(Language::French, "Après 2.600 milliards d'euros de rachats");
        assert_eq!(plural.as_deref(), Some("2600"));
        let grouped = figure(Language::English, "1.234.567 billion");
        assert_eq!(grouped.as_deref(), Some("1234567"));
    }

    #[test]
    fn dates_codes_and_plain_numbers_keep_their_form() {
        for written in [
            "18.11.2018",
            "06.12.34.56.78",
            "2034",
            "1234.567.890",
            "1,234.567,89",
            "1.234,567.8",
            "1,5'000",
            "3'5",
            "'000",
            "12.",
            ".5",
        ] {
            assert_eq!(value(written), None, "{written}");
        }
    }
}
