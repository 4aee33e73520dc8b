//! How two aligned sentences word the same claim differently.
//!
//! A [`Difference`] is one change between the two sentences of an
//! [`Alignment`](crate::align::Alignment): a word or phrase one side uses
//! where the other uses another ([`DifferenceKind::Substitution`]), or one
//! that only one side has. Each carries a [`Category`] that names what the
//! change does to the framing, and byte spans into both documents' texts.

use serde::{Deserialize, Serialize};

/// What changed between the two sentences.
///
/// ```
/// use framediff::diff::DifferenceKind;
/// assert_eq!(serde_json::to_string(&DifferenceKind::Omission).unwrap(), "\"omission\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// Side a says one thing where side b says another.
    Substitution,
    /// Side b has words side a lacks.
    Addition,
    /// Side a has words side b lacks.
    Omission,
}

/// What a difference does to the framing.
///
/// ```
/// use framediff::diff::Category;
/// assert_eq!(serde_json::to_string(&Category::ActorLabel).unwrap(), "\"actor_label\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// How a group or person is named: terroristes / rebelles.
    ActorLabel,
    /// Certainty differs: one side hedges (aurait, selon, reportedly).
    Hedging,
    /// The source named differs: SANA / the Kremlin.
    Attribution,
    /// The same name spelled differently: Bashar / Bachar.
    SpellingVariant,
    /// Numbers or figures differ.
    Quantity,
    /// A term in quotes on one side, plain on the other.
    ScareQuotes,
    /// Loaded or emotive wording on one side only.
    Evaluative,
    /// Any other change.
    Other,
}

/// One change between two aligned sentences.
///
/// Spans are byte ranges into the documents' texts, like sentence offsets.
/// An addition has no `a` side, an omission no `b` side.
///
/// ```
/// use framediff::diff::{Category, Difference, DifferenceKind};
/// let d = Difference {
///     kind: DifferenceKind::Substitution,
///     category: Category::ActorLabel,
///     a: Some("terroristes".into()),
///     b: Some("rebelles".into()),
///     a_span: Some((4, 15)),
///     b_span: Some((4, 12)),
///     minor: false,
/// };
/// let json = serde_json::to_value(&d).unwrap();
/// assert_eq!(json["a_span"], serde_json::json!([4, 15]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Difference {
    /// Substitution, addition or omission.
    pub kind: DifferenceKind,
    /// What the change does to the framing.
    pub category: Category,
    /// The surface text on side a, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<String>,
    /// The surface text on side b, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<String>,
    /// Byte range of `a` in side a's document text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a_span: Option<(usize, usize)>,
    /// Byte range of `b` in side b's document text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b_span: Option<(usize, usize)>,
    /// Only function words changed (articles, prepositions, ...).
    #[serde(default)]
    pub minor: bool,
}
