//! The first step of analysis: cutting text into raw tokens.

use unicode_segmentation::UnicodeSegmentation;

use super::{Token, TokenKind};
use crate::segment::is_blank;

/// Cuts `text` at Unicode word boundaries (UAX #29) into raw tokens (all
/// forms equal to the surface), skipping blank runs; `base` is added to
/// every offset. Digit groups separated by a single space or no-break space
/// ("1 000", "100 000") are one number, as French typography writes them.
///
/// ```
/// use framediff::analyze::{tokenize, TokenKind};
///
/// let tokens = tokenize("« 1 000 » morts", 10);
/// let surfaces: Vec<&str> = tokens.iter().map(|t| t.surface.as_str()).collect();
/// assert_eq!(surfaces, ["«", "1 000", "»", "morts"]);
/// assert_eq!(tokens[1].kind, TokenKind::Number);
/// assert_eq!(tokens[1].start, 13);
/// ```
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let pieces: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    let mut tokens = Vec::with_capacity(pieces.len() / 2 + 1);
    let mut i = 0;
    while i < pieces.len() {
        let (offset, piece) = pieces[i];
        i += 1;
        if piece.chars().all(is_blank) {
            continue;
        }
        let kind = kind_of(piece);
        let mut end = offset + piece.len();
        if kind == TokenKind::Number && is_digit_group(piece, 1..=3) {
            while i + 1 < pieces.len()
                && is_group_separator(pieces[i].1)
                && is_digit_group(pieces[i + 1].1, 3..=3)
            {
                end = pieces[i + 1].0 + 3;
                i += 2;
            }
        }
        tokens.push(Token::new(base + offset, &text[offset..end], kind));
    }
    tokens
}

fn is_digit_group(piece: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&piece.len()) && piece.bytes().all(|b| b.is_ascii_digit())
}

fn is_group_separator(piece: &str) -> bool {
    matches!(piece, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

fn kind_of(piece: &str) -> TokenKind {
    if piece.starts_with(|c: char| c.is_ascii_digit())
        && piece
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
    {
        TokenKind::Number
    } else if piece.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else if piece.chars().all(is_punctuation) {
        TokenKind::Punctuation
    } else {
        TokenKind::Symbol
    }
}

/// ASCII punctuation, the General Punctuation block (dashes, curly quotes,
/// ellipsis), guillemets and the Spanish inverted marks.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
        || ('\u{2010}'..='\u{205e}').contains(&c)
        || matches!(
            c,
            '«' | '»' | '¿' | '¡' | '·' | '§' | '¶' | '\u{3001}' | '\u{3002}'
        )
}
