//! The first step of analysis: cutting text into raw tokens.

use super::{Token, TokenKind, web, words};
use crate::segment::is_blank;

/// Cuts `text` at Unicode word boundaries (UAX #29) into raw tokens (all
/// forms equal to the surface), skipping blank runs; `base` is added to
/// every offset. Digit groups separated by a single space or no-break space
/// ("1 000", "100 000", "12 345,67") are one number, as French typography
/// writes them. A web or e-mail address ("https://t.co/x",
/// "pic.twitter.com/x", "info@afp.com") is one [`TokenKind::Symbol`].
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
    // A piece is two to three bytes long on average in press text (a
    // word, then a space or a punctuation mark): room for one every two
    // bytes spares growing the list a few times per sentence. Past a few
    // thousand the list grows as it needs: a long piece (a link, a blob)
    // would otherwise reserve twelve bytes for each of its bytes.
    let mut pieces: Vec<(usize, &str)> = Vec::with_capacity((text.len() / 2 + 1).min(4096));
    words::word_pieces(text, &mut pieces);
    let mut tokens = Vec::with_capacity(pieces.len() / 2 + 1);
    let addresses_possible = web::may_hold_address(text);
    let mut i = 0;
    while i < pieces.len() {
        let (offset, piece) = pieces[i];
        i += 1;
        if piece.chars().all(is_blank) {
            continue;
        }
        if addresses_possible
            && let Some(len) = web::address_len(text[..offset].chars().next_back(), &text[offset..])
        {
            let end = offset + len;
            tokens.push(Token::new(
                base + offset,
                &text[offset..end],
                TokenKind::Symbol,
            ));
            while i < pieces.len() && pieces[i].0 + pieces[i].1.len() <= end {
                i += 1;
            }
            // A piece the address ends inside keeps its rest.
            if let Some(&(next, rest)) = pieces.get(i)
                && next < end
            {
                pieces[i] = (end, &rest[end - next..]);
            }
            continue;
        }
        let kind = kind_of(piece);
        let mut end = offset + piece.len();
        if kind == TokenKind::Number && is_digit_group(piece, 1..=3) {
            while i + 1 < pieces.len()
                && is_group_separator(pieces[i].1)
                && is_later_group(pieces[i + 1].1)
            {
                let (next, group) = pieces[i + 1];
                end = next + group.len();
                i += 2;
                if group.len() > 3 {
                    break; // decimals end the number
                }
            }
        }
        tokens.push(Token::new(base + offset, &text[offset..end], kind));
    }
    tokens
}

fn is_digit_group(piece: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&piece.len()) && piece.bytes().all(|b| b.is_ascii_digit())
}

/// A group after the first: three digits, maybe with decimals ("000,5").
fn is_later_group(piece: &str) -> bool {
    match piece.split_at_checked(3) {
        Some((group, "")) => is_digit_group(group, 3..=3),
        Some((group, decimals)) => {
            is_digit_group(group, 3..=3)
                && decimals.len() > 1
                && decimals.starts_with([',', '.'])
                && is_digit_group(&decimals[1..], 1..=usize::MAX)
        }
        None => false,
    }
}

fn is_group_separator(piece: &str) -> bool {
    matches!(piece, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

/// Makes a keycap emoji of a digit ("1️⃣"), which is a symbol, not a word.
const KEYCAP: char = '\u{20e3}';

/// Whether `piece` holds [`KEYCAP`]. `str::contains` runs a substring
/// search for a character outside ASCII, a hundred and fifty instructions
/// for a word of a few letters: an ASCII word cannot hold it, and the
/// others are read character by character.
fn holds_keycap(piece: &str) -> bool {
    !piece.is_ascii() && piece.chars().any(|c| c == KEYCAP)
}

fn kind_of(piece: &str) -> TokenKind {
    if piece.starts_with(|c: char| c.is_ascii_digit())
        && piece
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '’'))
    {
        TokenKind::Number
    } else if piece.chars().any(char::is_alphanumeric) && !holds_keycap(piece) {
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
