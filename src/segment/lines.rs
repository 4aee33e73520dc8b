//! Lines: the segments every sentence stays inside.

use std::ops::Range;

/// Whether a character is blank: Unicode white space, or one of the
/// invisible marks that carry no text (U+FEFF byte-order mark / zero-width
/// no-break space, U+200B zero-width space). Sentences are trimmed of blank
/// characters and every other character lies in exactly one sentence.
///
/// ```
/// use framediff::segment::is_blank;
/// assert!(is_blank('\u{202f}')); // narrow no-break space, as in « Non »
/// assert!(is_blank('\u{feff}'));
/// assert!(!is_blank('a'));
/// ```
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Whether a character ends a line: LF, CR, and the Unicode line and
/// paragraph separators (CRLF is two line ends with an empty line between,
/// which is harmless since empty lines yield nothing).
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The non-empty lines of `text`, each trimmed of blank characters.
pub(super) fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split(is_line_break)
        .map(move |line| {
            let start = line.as_ptr() as usize - text.as_ptr() as usize;
            let trimmed_start = line.len() - line.trim_start_matches(is_blank).len();
            let trimmed = line.trim_matches(is_blank);
            start + trimmed_start..start + trimmed_start + trimmed.len()
        })
        .filter(|range| !range.is_empty())
}
