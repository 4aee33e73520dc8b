//! Word boundaries (UAX #29) with a fast path for the characters of
//! Latin-script press.
//!
//! unicode-segmentation looks every character's word-break property up in
//! a range table and runs the whole rule machine on it: a third of the
//! analysis. A sentence written only with the characters [`class`] knows
//! (ASCII, the Latin-1 letters, French quotes, apostrophes and spaces) needs
//! few of the rules, WB3d and WB5 to WB13b, and those are applied here from
//! a small table; any other character sends the whole sentence to
//! unicode-segmentation, so that no rule of the standard is lost. The
//! tests compare both on every string of a few characters of the table.

use unicode_segmentation::UnicodeSegmentation;

/// The word-break property of a character the fast path knows (UAX #29,
/// table 3); `SingleQuote` and `DoubleQuote` differ from `MidNumLet` and
/// `Other` only next to Hebrew letters, which are not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet: "_", and the narrow no-break space.
    Joiner,
    /// MidLetter: ":".
    MidLetter,
    /// MidNum: "," and ";".
    MidNum,
    /// MidNumLet and Single_Quote: ".", "'", "‘", "’".
    MidNumLet,
    /// WSegSpace: the space and the thin spaces.
    Space,
    /// Anything else the table knows: breaks on both sides (WB999).
    Other,
}

/// The class of `c`, or `None` when the fast path does not know it.
const fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        ' ' | '\u{2008}'..='\u{200a}' => Class::Space,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        ',' | ';' => Class::MidNum,
        ':' => Class::MidLetter,
        '_' | '\u{202f}' => Class::Joiner,
        '!'..='~' => Class::Other,
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | 'Œ' | 'œ' => Class::Letter,
        '\u{a0}' | '«' | '»' | '°' | '©' | '–' | '—' | '…' | '“' | '”' | '•' | '€' => {
            Class::Other
        }
        _ => return None,
    })
}

/// Appends the word-boundary pieces of `text` to `pieces` as (offset,
/// piece), each blank run cut from what it touches (a narrow no-break
/// space joins digits under UAX #29, but separates them here).
pub(super) fn word_pieces<'a>(text: &'a str, pieces: &mut Vec<(usize, &'a str)>) {
    let before = pieces.len();
    if !fast_pieces(text, pieces) {
        pieces.truncate(before);
        uax29_pieces(text, pieces);
    }
}

/// The pieces as unicode-segmentation cuts them, then cut at blanks: the
/// slow path, for any text.
fn uax29_pieces<'a>(text: &'a str, pieces: &mut Vec<(usize, &'a str)>) {
    for (offset, piece) in text.split_word_bound_indices() {
        push_cut_at_blanks(pieces, offset, piece);
    }
}

/// The classes of the ASCII characters, read by byte.
const ASCII_CLASSES: [Option<Class>; 128] = {
    let mut classes = [None; 128];
    let mut byte: u8 = 0;
    while byte < 128 {
        classes[byte as usize] = class(byte as char);
        byte += 1;
    }
    classes
};

/// The character at byte `at` of `text`, its class and its length; `None`
/// at the end. ASCII, most of the text, is read by byte from a table.
/// Inlined into both its callers: called once per character, it was
/// a call per character that the compiler left out of line.
#[inline(always)]
fn class_at(text: &str, at: usize) -> Option<(char, Option<Class>, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((char::from(byte), ASCII_CLASSES[usize::from(byte)], 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c, class(c), c.len_utf8()))
}

/// The fast path: false (with some pieces pushed) at the first character
/// [`class`] does not know.
fn fast_pieces<'a>(text: &'a str, pieces: &mut Vec<(usize, &'a str)>) -> bool {
    // The piece being built: its start, its last character's class, and
    // whether it holds a narrow no-break space (a blank inside a word).
    let mut start = 0;
    let mut last: Option<Class> = None;
    let mut holds_blank = false;
    let mut at = 0;
    while let Some((c, current, len)) = class_at(text, at) {
        let Some(current) = current else {
            return false;
        };
        let joins = match last {
            None => true,
            Some(previous) => match (previous, current) {
                (Class::Space, Class::Space) => true, // WB3d
                (Class::Letter | Class::Digit | Class::Joiner, Class::Letter | Class::Digit) => {
                    true // WB5, WB8, WB9, WB10, WB13b
                }
                (Class::Letter | Class::Digit, Class::Joiner) => true, // WB13a
                (Class::Joiner, Class::Joiner) => true,                // WB13a
                (Class::Letter, Class::MidLetter | Class::MidNumLet)
                | (Class::Digit, Class::MidNum | Class::MidNumLet) => {
                    // WB6-7 and WB11-12: a middle character between two
                    // letters, or two digits, is inside the word.
                    if let Some((_, Some(next), next_len)) = class_at(text, at + len)
                        && next == previous
                    {
                        at += len + next_len;
                        continue;
                    }
                    false
                }
                _ => false,
            },
        };
        if !joins {
            push_piece(pieces, start, &text[start..at], holds_blank);
            start = at;
            holds_blank = false;
        }
        holds_blank |= c == '\u{202f}';
        last = Some(current);
        at += len;
    }
    if last.is_some() {
        push_piece(pieces, start, &text[start..], holds_blank);
    }
    true
}

fn push_piece<'a>(pieces: &mut Vec<(usize, &'a str)>, offset: usize, piece: &'a str, cut: bool) {
    if cut {
        push_cut_at_blanks(pieces, offset, piece);
    } else {
        pieces.push((offset, piece));
    }
}

/// Pushes `piece`, cut where blank and non-blank characters meet. UAX #29
/// glues a narrow no-break space (U+202F, which French typography puts
/// inside guillemets, before "!" and between digit groups) to the word or
/// number beside it, as it does "_"; cut, "Alep\u{202f}" is "Alep" and a
/// blank, and "1\u{202f}000" three pieces like "1 000".
fn push_cut_at_blanks<'a>(pieces: &mut Vec<(usize, &'a str)>, offset: usize, piece: &'a str) {
    let mut start = 0;
    let mut previous_blank = None;
    for (at, c) in piece.char_indices() {
        let blank = crate::segment::is_blank(c);
        if previous_blank.is_some_and(|previous| previous != blank) {
            pieces.push((offset + start, &piece[start..at]));
            start = at;
        }
        previous_blank = Some(blank);
    }
    pieces.push((offset + start, &piece[start..]));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        let mut pieces = Vec::new();
        uax29_pieces(text, &mut pieces);
        pieces
    }

    fn fast(text: &str) -> Vec<(usize, &str)> {
        let mut pieces = Vec::new();
        assert!(
            fast_pieces(text, &mut pieces),
            "{text:?} left the fast path"
        );
        pieces
    }

    /// One character of each class, and the neighbours that decide the
    /// rules: letters, digits and the middle characters between them.
    const SAMPLES: &[char] = &[
        'a', 'É', '7', '_', '\u{202f}', ':', ',', ';', '.', '\'', '’', ' ', '\u{2009}', '\u{a0}',
        '«', '-',
    ];

    fn strings_of(alphabet: &[char], len: usize) -> Vec<String> {
        let mut strings = vec![String::new()];
        for _ in 0..len {
            strings = strings
                .iter()
                .flat_map(|s| {
                    alphabet.iter().map(move |&c| {
                        let mut longer = s.clone();
                        longer.push(c);
                        longer
                    })
                })
                .collect();
        }
        strings
    }

    #[test]
    fn every_short_string_of_the_samples_is_cut_as_uax29_cuts_it() {
        for len in 1..=5 {
            for text in strings_of(SAMPLES, len) {
                assert_eq!(fast(&text), reference(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn every_character_the_table_knows_behaves_as_its_class() {
        let known: Vec<char> = (0..0x3000u32)
            .filter_map(char::from_u32)
            .filter(|&c| class(c).is_some())
            .collect();
        assert!(known.len() > 150, "{}", known.len());
        let neighbours = ['a', '7', '_', '.', ',', ':', ' ', '«'];
        for c in known {
            for &x in &neighbours {
                for &y in &neighbours {
                    for text in [
                        format!("{x}{c}{y}"),
                        format!("{c}{x}{y}"),
                        format!("{x}{y}{c}"),
                        format!("{x}{c}{c}{y}"),
                    ] {
                        assert_eq!(fast(&text), reference(&text), "{text:?} ({c:?})");
                    }
                }
            }
        }
    }

    #[test]
    fn unknown_characters_take_the_whole_text_to_unicode_segmentation() {
        for text in [
            "Le président\u{301} a dit", // a combining accent (Extend)
            "שָׁלוֹם l'ami",                // Hebrew letters and quotes
            "🇫🇷 Paris 😞",
            "a\u{ad}b l’armée", // a soft hyphen (Format)
            "ligne\r\nsuivante",
        ] {
            let mut pieces = vec![(0, "kept")];
            word_pieces(text, &mut pieces);
            assert_eq!(pieces[0], (0, "kept"));
            assert_eq!(pieces[1..], reference(text), "{text:?}");
        }
    }

    #[test]
    fn press_sentences_are_cut_on_the_fast_path() {
        let text = "« L’armée a tiré 1 000 coups », selon l'AFP : 3,5\u{a0}% ; www.afp.com… \
                    12\u{202f}345,67 € le 17/11 – à 9h30, le 1.2.3 « gilets_jaunes » — fin.";
        assert_eq!(fast(text), reference(text));
        assert!(fast(text).contains(&(3, "L’armée")));
    }
}
