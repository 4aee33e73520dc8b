//! The best-counterpart view: for one sentence, the sentence of each other
//! outlet that carries its claim best. Links are many-to-many; a
//! side-by-side display wants one sentence per column.

use serde::{Deserialize, Serialize};

use crate::align::Relation;
use crate::compare::Comparison;

/// The sentence of another document that best matches a given sentence.
///
/// ```
/// use framediff::{Comparison, Document};
/// let cmp = Comparison::new(vec![
///     Document::new("a", "Les rebelles ont pris Alep dimanche."),
///     Document::new("b", "Alep est tombée aux mains des rebelles dimanche. Il pleut."),
/// ], &Default::default())?;
/// let best = cmp.best_counterparts("a", 0);
/// assert_eq!((best[0].doc.as_str(), best[0].sentences.as_slice()), ("b", &[0][..]));
/// # Ok::<(), framediff::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counterpart {
    /// The other document's id.
    pub doc: String,
    /// The indices of its sentences in that document: one, or two where
    /// that outlet split the claim in two sentences (see
    /// [`Alignment`](crate::align::Alignment)'s sides).
    pub sentences: Vec<usize>,
    /// The alignment's score.
    pub score: f32,
    /// Same claim, or a shared claim with more on one side.
    pub relation: Relation,
}

impl Comparison {
    /// For the sentence `sentence` of document `doc`, the best-scoring
    /// aligned sentence of every other document that has one, in input
    /// order of the documents, with the other sentence of its side where
    /// the link joined two. Ties go to the earlier sentence.
    ///
    /// ```
    /// use framediff::{Comparison, Document};
    /// let cmp = Comparison::new(vec![Document::new("a", "Alep.")], &Default::default())?;
    /// assert!(cmp.best_counterparts("a", 0).is_empty());
    /// assert!(cmp.best_counterparts("missing", 3).is_empty());
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub fn best_counterparts(&self, doc: &str, sentence: usize) -> Vec<Counterpart> {
        let mut best: Vec<Option<Counterpart>> = vec![None; self.documents.len()];
        let position = |id: &str| self.documents.iter().position(|d| d.document.id == id);
        for alignment in &self.alignments {
            for (this, other) in [(&alignment.a, &alignment.b), (&alignment.b, &alignment.a)] {
                if this.doc != doc || !this.sentences.contains(&sentence) {
                    continue;
                }
                let Some(slot) = position(&other.doc) else {
                    continue;
                };
                let better = best[slot].as_ref().is_none_or(|c| {
                    alignment.score > c.score
                        || (alignment.score == c.score && other.sentences < c.sentences)
                });
                if better {
                    best[slot] = Some(Counterpart {
                        doc: other.doc.clone(),
                        sentences: other.sentences.clone(),
                        score: alignment.score,
                        relation: alignment.relation,
                    });
                }
            }
        }
        best.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Comparison, Document};

    #[test]
    fn one_counterpart_per_other_document_the_best_one() {
        let cmp = Comparison::new(
            vec![
                Document::new("a", "Les rebelles ont pris Alep dimanche après une offensive."),
                Document::new(
                    "b",
                    "Les rebelles ont pris Alep.\nAlep est tombée dimanche aux mains des rebelles après une offensive éclair.",
                ),
                Document::new("c", "Les insurgés se sont emparés d'Alep dimanche."),
            ],
            &Default::default(),
        )
        .unwrap();
        let best = cmp.best_counterparts("a", 0);
        let docs: Vec<&str> = best.iter().map(|c| c.doc.as_str()).collect();
        assert_eq!(docs, ["b", "c"]);
        let from_b: Vec<_> = cmp
            .alignments
            .iter()
            .filter(|l| l.a.doc == "a" && l.b.doc == "b")
            .map(|l| l.score)
            .collect();
        assert!(from_b.iter().all(|&s| s <= best[0].score));
    }
}
