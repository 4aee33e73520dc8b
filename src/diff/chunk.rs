//! The words left over once anchored, cut into phrases by what they do:
//! who acts (an actor label or pronoun), a name, a source, a hedge and the
//! statement it hedges, a figure, or plain wording.
//!
//! Function words attach to the word that follows them ("les militants");
//! punctuation stands alone; a phrase grows while the next word fits it
//! (an adjective after an actor label, the verb after a hedge).

use super::words::Features;
use crate::analyze::Token;

/// What a phrase does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    Actor,
    Name,
    Attribution,
    Hedge,
    Quantity,
    Plain,
    /// Only function words.
    Function,
    Punctuation,
}

/// A phrase of one sentence that no anchor covers.
#[derive(Debug, Clone)]
pub(super) struct Chunk {
    /// Token range in its sentence.
    pub start: usize,
    pub end: usize,
    /// The in-order gap it lies in (the same gap on both sides means
    /// "between the same two anchors").
    pub gap: usize,
    /// The anchors just before and after it.
    pub prev: Option<usize>,
    /// The anchor before `prev` when `prev` only complements it ("le
    /// soutien de la Russie au gouvernement": after "Russie", and in the
    /// role of what follows "soutien").
    pub governor: Option<usize>,
    pub next: Option<usize>,
    pub kind: Kind,
    pub features: Features,
    /// The function word that opens it, prepositions contracted with an
    /// article written plainly ("au" as "à"): the object of the same
    /// preposition plays the same role.
    pub lead: Option<String>,
    /// Whether it opens its sentence, after function words at most (the
    /// usual place of the subject).
    pub start_of_sentence: bool,
}

fn kind_of(f: Features) -> Option<Kind> {
    if f.punctuation {
        Some(Kind::Punctuation)
    } else if !f.is_salient() {
        None
    } else if f.hedge {
        Some(Kind::Hedge)
    } else if f.attribution && !f.actor {
        Some(Kind::Attribution)
    } else if f.actor {
        Some(Kind::Actor)
    } else if f.name {
        Some(Kind::Name)
    } else if f.quantity {
        Some(Kind::Quantity)
    } else {
        Some(Kind::Plain)
    }
}

/// Whether a phrase of kind `current` takes in a word of kind `next`.
fn absorbs(current: Kind, next: Kind) -> bool {
    use Kind::*;
    current == next
        || matches!(
            (current, next),
            (Hedge, Plain | Quantity | Attribution | Name)
                | (Attribution, Name)
                | (Name, Attribution)
                | (Actor, Plain | Name)
                | (Quantity, Plain)
        )
}

/// Cuts the tokens `start..end` (none of them anchored) into chunks.
pub(super) fn chunks(
    tokens: &[Token],
    features: &[Features],
    start: usize,
    end: usize,
    gap: usize,
    prev: Option<usize>,
    next: Option<usize>,
) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<Chunk> = None;
    let mut pending = start; // first function word not yet placed
    let close = |open: &mut Option<Chunk>, out: &mut Vec<Chunk>| {
        if let Some(chunk) = open.take() {
            out.push(chunk);
        }
    };
    let new_chunk = |s: usize, kind: Kind| Chunk {
        start: s,
        end: s,
        gap,
        prev: None,
        governor: None,
        next: None,
        kind,
        features: Features::default(),
        lead: None,
        start_of_sentence: false,
    };
    for i in start..end {
        let Some(kind) = kind_of(features[i]) else {
            continue;
        };
        match open.as_mut() {
            Some(chunk)
                if kind != Kind::Punctuation
                    && chunk.kind != Kind::Punctuation
                    && absorbs(chunk.kind, kind)
                    && (chunk.kind != Kind::Actor || kind == Kind::Actor || chunk.end == i) => {}
            Some(chunk)
                if chunk.kind == Kind::Plain
                    && kind == Kind::Actor
                    && chunk.end == i
                    && salient_count(features, chunk.start, i) == 1 =>
            {
                // A lone modifier before a label: "divers rebelles".
                chunk.kind = Kind::Actor;
            }
            _ => {
                if let Some(chunk) = open.as_mut()
                    && kind == Kind::Punctuation
                {
                    // Function words before punctuation end the phrase.
                    chunk.end = i;
                    pending = i;
                }
                close(&mut open, &mut out);
                open = Some(new_chunk(pending, kind));
            }
        }
        let chunk = open.as_mut().expect("a chunk is open");
        chunk.end = i + 1;
        pending = i + 1;
        if kind == Kind::Punctuation || features[i].pronoun {
            close(&mut open, &mut out);
        }
    }
    match open.as_mut() {
        Some(chunk) => chunk.end = end,
        None if pending < end => open = Some(new_chunk(pending, Kind::Function)),
        None => {}
    }
    if let Some(chunk) = open.as_mut() {
        chunk.end = end;
    }
    close(&mut open, &mut out);
    merge_of_phrases(&mut out, tokens);
    for chunk in &mut out {
        chunk.lead = lead(tokens, features, chunk.start);
        chunk.features = features[chunk.start..chunk.end]
            .iter()
            .fold(Features::default(), |acc, &f| acc.union(f));
    }
    if let Some(first) = out.first_mut() {
        first.prev = prev;
    }
    if let Some(last) = out.last_mut() {
        last.next = next;
    }
    out
}

fn salient_count(features: &[Features], start: usize, end: usize) -> usize {
    features[start..end]
        .iter()
        .filter(|f| f.is_salient())
        .count()
}

/// A name that is the subject or object of a verb of saying ("Peskov a
/// déclaré", "a assuré le Kremlin", "selon SANA") is a source.
pub(super) fn mark_sources(chunks: &mut [Chunk], tokens: &[Token], features: &[Features]) {
    const REACH: usize = 2;
    for chunk in chunks.iter_mut().filter(|c| c.kind == Kind::Name) {
        let after = (chunk.end..tokens.len())
            .take(REACH + 1)
            .find(|&i| features[i].is_salient() || features[i].punctuation);
        // "affirmant que Moscou…": a name after "que" says, it is not the
        // one saying.
        let opens_clause = matches!(tokens[chunk.start].folded.as_str(), "que" | "qu'" | "that");
        let before = (0..chunk.start)
            .filter(|_| !opens_clause)
            .rev()
            .take(REACH + 1)
            .take_while(|&i| !matches!(tokens[i].folded.as_str(), "que" | "qu'" | "that"))
            .find(|&i| features[i].is_salient() || features[i].punctuation);
        if [after, before]
            .into_iter()
            .flatten()
            .any(|i| features[i].attribution || features[i].saying)
        {
            chunk.features.attribution = true;
            chunk.kind = Kind::Attribution;
        }
    }
}

/// The preposition (or other function word) opening a phrase, with
/// French contractions undone.
fn lead(tokens: &[Token], features: &[Features], start: usize) -> Option<String> {
    let t = &tokens[start];
    if !t.is_word() || features[start].is_salient() {
        return None;
    }
    Some(match t.folded.as_str() {
        "au" | "aux" => "a".to_string(),
        "du" | "des" | "d'" => "de".to_string(),
        other => other.to_string(),
    })
}

/// Joins an actor phrase and the actor phrase that complements it
/// ("l’alliance" + "de diverses organisations rebelles").
fn merge_of_phrases(chunks: &mut Vec<Chunk>, tokens: &[Token]) {
    let mut merged: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for chunk in chunks.drain(..) {
        match merged.last_mut() {
            Some(last)
                if last.kind == Kind::Actor
                    && chunk.kind == Kind::Actor
                    && last.end == chunk.start
                    && matches!(
                        tokens[chunk.start].folded.as_str(),
                        "de" | "d'" | "des" | "du" | "of"
                    ) =>
            {
                last.end = chunk.end;
            }
            _ => merged.push(chunk),
        }
    }
    *chunks = merged;
}
