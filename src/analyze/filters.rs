//! The filters of the analysis chain, each one small step.

use std::sync::Arc;

use unicode_normalization::char::is_combining_mark;

use super::stem::{SnowballStemmer, Stemmer, write_stems};
use super::{CompactString, Token, TokenKind};
use crate::lang::{Language, Resources, is_apostrophe};

/// One step of the analysis chain: it rewrites the token list in place.
///
/// ```
/// use framediff::analyze::{Analyzer, Token, TokenFilter};
///
/// /// Drops punctuation.
/// struct WordsOnly;
/// impl TokenFilter for WordsOnly {
///     fn apply(&self, tokens: &mut Vec<Token>) {
///         tokens.retain(|t| t.is_word());
///     }
/// }
/// let analyzer = Analyzer::with_filters(
///     framediff::lang::Language::French.resources(),
///     vec![Box::new(WordsOnly)],
/// );
/// assert_eq!(analyzer.analyze("Alep, Hama.").len(), 2);
/// ```
pub trait TokenFilter: Send + Sync {
    /// Rewrites `tokens`; offsets must keep pointing at the same bytes.
    fn apply(&self, tokens: &mut Vec<Token>);
}

/// Splits French elisions off the word they lean on: `l’armée` gives the
/// tokens `l’` (flagged [`Token::elision`]) and `armée`; `L' armée`, with a
/// stray space, gives `L'` and `armée` too. `aujourd’hui` stays whole.
///
/// ```
/// use framediff::analyze::{tokenize, SplitElisions, TokenFilter};
/// use framediff::lang::Language;
///
/// let mut tokens = tokenize("jusqu’à l’armée", 0);
/// SplitElisions::new(Language::French.resources()).apply(&mut tokens);
/// let surfaces: Vec<&str> = tokens.iter().map(|t| t.surface.as_str()).collect();
/// assert_eq!(surfaces, ["jusqu’", "à", "l’", "armée"]);
/// ```
pub struct SplitElisions {
    resources: Arc<Resources>,
}

impl SplitElisions {
    /// Splits the elisions listed in `resources`.
    ///
    /// ```
    /// let f = framediff::analyze::SplitElisions::new(framediff::lang::Language::French.resources());
    /// # let _ = f;
    /// ```
    pub fn new(resources: Arc<Resources>) -> SplitElisions {
        SplitElisions { resources }
    }
}

impl TokenFilter for SplitElisions {
    fn apply(&self, tokens: &mut Vec<Token>) {
        // Every split and every join involves an apostrophe: a sentence
        // without one is left as it is rather than rebuilt.
        let Some(first) = tokens.iter().position(|t| has_apostrophe(&t.surface)) else {
            return;
        };
        // The changes are read first, and the tokens are moved only when
        // there is one, and then once each: the rest of the sentence went
        // through an iterator, a lookahead and a push, a copy of every
        // token at each step, even when nothing changed.
        let start = first.saturating_sub(1);
        let edits = self.edits(&tokens[start..]);
        if edits.is_empty() {
            return;
        }
        // The tokens before the change stay where they are; the rest is
        // rebuilt in one pass (changing tokens where they stand shifts the
        // rest of the sentence at every change: quadratic on a long line).
        let splits = edits
            .iter()
            .filter(|(_, e)| matches!(e, Edit::Split { .. }))
            .count();
        let mut rest = tokens.split_off(start).into_iter();
        tokens.reserve(rest.len() + splits);
        let mut at = 0;
        for (i, edit) in edits {
            tokens.extend(rest.by_ref().take(i - at));
            let Some(token) = rest.next() else { break };
            at = i + 1;
            match edit {
                Edit::Split { head } => {
                    let (head, tail) = token.surface.split_at(head);
                    let mut elided = Token::new(token.start, head, TokenKind::Word);
                    elided.elision = true;
                    let tail = Token::new(token.start + head.len(), tail, TokenKind::Word);
                    tokens.extend([elided, tail]);
                }
                Edit::Join => {
                    let Some(apostrophe) = rest.next() else {
                        tokens.push(token);
                        break;
                    };
                    at += 1;
                    let surface = token.surface.clone() + &apostrophe.surface;
                    let mut elided = Token::new(token.start, &surface, TokenKind::Word);
                    elided.elision = true;
                    tokens.push(elided);
                }
            }
        }
        tokens.extend(rest);
    }
}

/// Whether `word` holds an apostrophe ([`is_apostrophe`]), read from its
/// bytes: every apostrophe's UTF-8 has one of four bytes (`'`, or the lead
/// byte of U+02BC, of U+2018 and U+2019, of U+FF07), which a word without
/// one rarely has, and only then are its characters decoded.
pub(super) fn has_apostrophe(word: &str) -> bool {
    word.bytes()
        .any(|b| matches!(b, b'\'' | 0xCA | 0xE2 | 0xEF))
        && word.contains(is_apostrophe)
}

/// What [`SplitElisions`] does to one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// `l’armée` becomes `l’` (its first `head` bytes) and `armée`.
    Split { head: usize },
    /// `l` followed by a lone `’` becomes `l’`.
    Join,
}

impl SplitElisions {
    /// The changes to make to `tokens`, by index, in order: words to split
    /// and words to join with the lone apostrophe after them.
    fn edits(&self, tokens: &[Token]) -> Vec<(usize, Edit)> {
        let mut edits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            if token.kind != TokenKind::Word {
                i += 1;
                continue;
            }
            if let Some((head, _)) = self.split_inside(&token.surface) {
                edits.push((i, Edit::Split { head: head.len() }));
                i += 1;
                continue;
            }
            let apostrophe_follows = tokens.get(i + 1).is_some_and(|next| {
                next.start == token.end
                    && next.surface.chars().count() == 1
                    && next.surface.chars().all(is_apostrophe)
            });
            if apostrophe_follows && self.resources.is_elision(&token.surface) {
                edits.push((i, Edit::Join));
                i += 2;
            } else {
                i += 1;
            }
        }
        edits
    }

    /// `("l’", "armée")` for `l’armée`.
    fn split_inside<'a>(&self, word: &'a str) -> Option<(&'a str, &'a str)> {
        if !has_apostrophe(word) {
            return None;
        }
        let (at, apostrophe) = word.char_indices().find(|&(_, c)| is_apostrophe(c))?;
        let head = &word[..at + apostrophe.len_utf8()];
        let rest = &word[head.len()..];
        (at > 0
            && rest.starts_with(char::is_alphanumeric)
            && self.resources.is_elision(&word[..at]))
        .then_some((head, rest))
    }
}

/// Flags function words ([`Token::stop`]) from the language's list, and
/// every elided article; nothing is removed. A word of the list written
/// as an acronym ("US", "WHO") or in mixed case with capitals inside it
/// (the French law "NOTRe") is a name, unless every word of the sentence
/// is in capitals; a word of the list that is also a noun is read from
/// the word before it ([`Resources::is_stop_word_after`]: "les avions"
/// are planes).
///
/// ```
/// use framediff::analyze::{tokenize, MarkStopWords, Normalize, TokenFilter};
/// use framediff::lang::Language;
///
/// let mut tokens = tokenize("Les rebelles", 0);
/// Normalize.apply(&mut tokens);
/// MarkStopWords::new(Language::French.resources()).apply(&mut tokens);
/// assert!(tokens[0].stop && !tokens[1].stop);
/// ```
pub struct MarkStopWords {
    resources: Arc<Resources>,
}

impl MarkStopWords {
    /// Flags the stop words of `resources`.
    ///
    /// ```
    /// let f = framediff::analyze::MarkStopWords::new(framediff::lang::Language::English.resources());
    /// # let _ = f;
    /// ```
    pub fn new(resources: Arc<Resources>) -> MarkStopWords {
        MarkStopWords { resources }
    }
}

impl TokenFilter for MarkStopWords {
    fn apply(&self, tokens: &mut Vec<Token>) {
        let shouting = is_shouting(tokens);
        // Written as it is decided: a word's reading looks at the kind and
        // the normalised form of the words before it, never at their flag.
        for i in 0..tokens.len() {
            let token = &tokens[i];
            // Only a word of the list can be a name spelt like one: the
            // list is asked first, as most words are not on it.
            let names_something = || has_capitals_of_a_name(&token.surface) && !shouting;
            let stop = token.kind == TokenKind::Word
                && (token.elision
                    || (self
                        .resources
                        .is_stop_word_after(&token.normalized, words_before(tokens, i))
                        && !names_something()));
            tokens[i].stop = stop;
        }
    }
}

/// The normalised words right before token `i`, nearest first, up to the
/// first punctuation.
fn words_before(tokens: &[Token], i: usize) -> impl Iterator<Item = &str> {
    tokens[..i]
        .iter()
        .rev()
        .take_while(|t| t.kind == TokenKind::Word)
        .map(|t| t.normalized.as_str())
}

/// Whether a word is written as an acronym: two letters or more, all
/// capitals, perhaps with dots between them ("US", "U.S", "WHO"), accents
/// decomposed or not. An acronym names something, even when it is spelt
/// like a function word.
pub(crate) fn is_acronym(word: &str) -> bool {
    // One pass that stops at the first character in lower case, as most
    // words' first or second character is.
    let mut letters = 0;
    word.chars().all(|c| {
        let alphabetic = c.is_alphabetic();
        letters += usize::from(alphabetic);
        c == '.' || is_combining_mark(c) || (alphabetic && c.is_uppercase())
    }) && letters >= 2
}

/// Whether a word is written as a name, not as a function word: an
/// acronym ("US", "U.S."), or a word in mixed case with two capitals or
/// more ("NOTRe", "LaREM"). A shouted contraction ("IT'S", "DON'T") is
/// neither: the apostrophe is no letter of an acronym, and it holds no
/// lower-case letter.
fn has_capitals_of_a_name(word: &str) -> bool {
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    is_acronym(word) || (capitals >= 2 && word.chars().any(char::is_lowercase))
}

/// Whether every word of the text is in capitals (a headline set in
/// capitals): its capitals say nothing of acronyms. One word in lower case
/// ("US, UK, EU warn Iran") and the capitals are acronyms.
fn is_shouting(tokens: &[Token]) -> bool {
    let mut words = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .peekable();
    words.peek().is_some() && words.all(|t| !t.surface.chars().any(char::is_lowercase))
}

/// Fills [`Token::stem`] from the normalised form with a [`Stemmer`];
/// numbers, punctuation and elided articles keep their normalised form.
///
/// ```
/// use framediff::analyze::{tokenize, Normalize, Stem, TokenFilter};
/// use framediff::lang::Language;
///
/// let mut tokens = tokenize("Frappes", 0);
/// Normalize.apply(&mut tokens);
/// Stem::for_language(Language::French).apply(&mut tokens);
/// assert_eq!(tokens[0].stem, "frapp");
/// ```
pub struct Stem {
    stemmer: StemWith,
}

/// The stemmer a [`Stem`] runs: the language's Snowball stemmer is called
/// for a whole sentence at once (its cache is found once per sentence,
/// not once per word), any other through the [`Stemmer`] trait.
enum StemWith {
    Snowball(SnowballStemmer),
    Given(Box<dyn Stemmer>),
}

impl Stem {
    /// Stems with the stemmer you give.
    ///
    /// ```
    /// let f = framediff::analyze::Stem::new(framediff::analyze::NoStemmer);
    /// # let _ = f;
    /// ```
    pub fn new(stemmer: impl Stemmer + 'static) -> Stem {
        Stem {
            stemmer: StemWith::Given(Box::new(stemmer)),
        }
    }

    /// Stems with the language's Snowball stemmer.
    ///
    /// ```
    /// let f = framediff::analyze::Stem::for_language(framediff::lang::Language::English);
    /// # let _ = f;
    /// ```
    pub fn for_language(language: Language) -> Stem {
        Stem {
            stemmer: StemWith::Snowball(SnowballStemmer::new(language)),
        }
    }
}

impl TokenFilter for Stem {
    fn apply(&self, tokens: &mut Vec<Token>) {
        match &self.stemmer {
            StemWith::Snowball(snowball) => snowball.stem_tokens(tokens),
            // The stem comes as the token keeps it: no copy through a
            // buffer.
            StemWith::Given(stemmer) => write_stems(tokens, |word| stemmer.stem_compact(word)),
        }
    }
}

/// Joins hyphenated compounds into one token ("Tahrir-al-Sham",
/// "porte-parole", "Covid-19"), kept whole for display; the pieces stay
/// comparable on their own in [`Token::parts`]. A compound is a stop word
/// when all its pieces are ("a-t-il").
///
/// ```
/// use framediff::analyze::Analyzer;
///
/// let tokens = Analyzer::new(framediff::lang::Language::French).analyze("Hayat Tahrir-al-Sham");
/// let compound = &tokens[1];
/// assert_eq!(compound.surface, "Tahrir-al-Sham");
/// assert_eq!(compound.stem, "tahr-al-sham");
/// let parts: Vec<&str> = compound.parts.iter().map(|p| p.surface.as_str()).collect();
/// assert_eq!(parts, ["Tahrir", "al", "Sham"]);
/// ```
pub struct JoinHyphenated;

impl TokenFilter for JoinHyphenated {
    fn apply(&self, tokens: &mut Vec<Token>) {
        // Without a hyphen every run is one token, kept as it is: the
        // sentence is not rebuilt.
        if !tokens.iter().any(is_hyphen) {
            return;
        }
        // The tokens before the first hyphen's word stay where they are;
        // the rest is rebuilt in one pass (taking each run out where it
        // stands shifts the rest of the sentence: quadratic on a long line).
        let first = tokens.iter().position(is_hyphen).unwrap_or(tokens.len());
        let rest = tokens.split_off(first.saturating_sub(1));
        let mut runs = hyphenated_runs(&rest).into_iter().peekable();
        let mut rest = rest.into_iter().enumerate();
        while let Some((at, token)) = rest.next() {
            let Some((_, end)) = runs.next_if(|&(start, _)| start == at) else {
                tokens.push(token);
                continue;
            };
            // Parts at even offsets from the run's start, hyphens between.
            let (mut parts, mut hyphens) = (vec![token], Vec::new());
            for (k, token) in rest.by_ref().take(end - at - 1) {
                if (k - at) % 2 == 0 {
                    parts.push(token);
                } else {
                    hyphens.push(token);
                }
            }
            tokens.extend(compound(parts, hyphens));
        }
    }
}

/// The runs of `tokens` to join, as (start, end): a joinable token, then
/// pairs of a hyphen and a joinable token, each glued to the one before. A
/// trailing hyphen ("pro- et anti-") stays its own token.
fn hyphenated_runs(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !joinable(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while let (Some(hyphen), Some(next)) = (tokens.get(end), tokens.get(end + 1)) {
            let glued = hyphen.start == tokens[end - 1].end && next.start == hyphen.end;
            if !(glued && is_hyphen(hyphen) && joinable(next)) {
                break;
            }
            end += 2;
        }
        if end > i + 1 {
            runs.push((i, end));
        }
        i = end;
    }
    runs
}

fn joinable(token: &Token) -> bool {
    matches!(token.kind, TokenKind::Word | TokenKind::Number) && !token.elision
}

fn is_hyphen(token: &Token) -> bool {
    matches!(token.surface.as_str(), "-" | "\u{2010}" | "\u{2011}")
}

/// One token from `parts` joined by `hyphens` (one fewer); `None` for an
/// empty run, the single token for a run of one.
fn compound(mut parts: Vec<Token>, hyphens: Vec<Token>) -> Option<Token> {
    if parts.len() <= 1 {
        return parts.pop();
    }
    let join = |form: fn(&Token) -> &str| {
        let mut joined = CompactString::new(form(&parts[0]));
        for (hyphen, part) in hyphens.iter().zip(&parts[1..]) {
            joined.push_str(form(hyphen));
            joined.push_str(form(part));
        }
        joined
    };
    let any_word = parts.iter().any(|p| p.kind == TokenKind::Word);
    Some(Token {
        start: parts[0].start,
        end: parts[parts.len() - 1].end,
        surface: join(|t| &t.surface),
        normalized: join(|t| &t.normalized),
        folded: join(|t| &t.folded),
        stem: join(|t| &t.stem),
        kind: if any_word {
            TokenKind::Word
        } else {
            TokenKind::Number
        },
        stop: parts.iter().all(|p| p.stop),
        elision: false,
        parts,
    })
}
