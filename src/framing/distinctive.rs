//! Distinctive words: the words an outlet uses more than the others do.
//!
//! Raw frequency ratios crown words an outlet used once; plain frequency
//! crowns words everyone uses. The log-odds ratio with an informative
//! Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
//! section 3.5) shrinks each word's log-odds towards its rate in the whole
//! corpus, then divides by its standard deviation: the z-score is high only
//! for words an outlet uses often *and* much more than the rest.
//!
//! For outlet `i` against all other outlets `j` together, word `w` with
//! prior `α_w = α₀ · y_w / n` (its share of the whole corpus, scaled by
//! [`DistinctiveConfig::prior_share`] · n):
//!
//! ```text
//! δ = ln((y_iw + α_w) / (n_i + α₀ − y_iw − α_w)) − ln((y_jw + α_w) / (n_j + α₀ − y_jw − α_w))
//! z = δ / √(1 / (y_iw + α_w) + 1 / (y_jw + α_w))
//! ```
//!
//! Words are the content words (not stop words, not numbers) of title and
//! body sentences, counted by stem; each stem shows its most frequent
//! spellings in that outlet.

use crate::fasthash::FastMap;

use serde::{Deserialize, Serialize};

use crate::compare::AnalyzedDocument;

/// How distinctive words are scored and how many are kept.
///
/// ```
/// let config = framediff::framing::DistinctiveConfig { top: 5, ..Default::default() };
/// assert_eq!(config.min_count, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DistinctiveConfig {
    /// α₀, the weight of the corpus-wide prior, as a share of the corpus's
    /// content words (so that it means the same on five articles and on
    /// five thousand). Up: the prior pulls harder, and words used only a
    /// few times, by one outlet, rise against frequent words used more by
    /// it; down: the frequent words an outlet leans on stand out.
    pub prior_share: f64,
    /// The times an outlet must use a word for it to be listed.
    pub min_count: usize,
    /// How many words to keep per outlet, highest z-score first.
    pub top: usize,
}

impl Default for DistinctiveConfig {
    fn default() -> DistinctiveConfig {
        DistinctiveConfig {
            prior_share: 0.02,
            min_count: 2,
            top: 20,
        }
    }
}

/// A word one outlet uses more than the others.
///
/// ```
/// let w = framediff::framing::DistinctiveWord {
///     stem: "terror".into(), forms: vec!["terroristes".into()], count: 4, others: 0, z: 2.1,
/// };
/// assert_eq!(serde_json::to_value(&w).unwrap()["forms"][0], "terroristes");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveWord {
    /// The stem the words were counted by.
    pub stem: String,
    /// Its most frequent spellings in this outlet, most frequent first.
    pub forms: Vec<String>,
    /// How often this outlet uses it.
    pub count: usize,
    /// How often all the other outlets together use it.
    pub others: usize,
    /// The z-score of the log-odds ratio: above about 2, the outlet uses
    /// the word clearly more than the rest.
    pub z: f64,
}

/// One outlet's distinctive words.
///
/// ```
/// let o = framediff::framing::OutletWords { outlet: "RT".into(), total: 0, words: vec![] };
/// assert_eq!(serde_json::to_value(&o).unwrap()["outlet"], "RT");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletWords {
    /// The outlet (the document's label: its outlet, else its id).
    pub outlet: String,
    /// How many content words the outlet's articles hold.
    pub total: usize,
    /// Its distinctive words, highest z-score first.
    pub words: Vec<DistinctiveWord>,
}

/// Each outlet's distinctive words against all the other outlets, in the
/// order outlets first appear, over content words of two letters or more.
/// Fewer than two outlets give an empty list: there is nothing to contrast.
///
/// ```
/// use framediff::{AnalyzedDocument, Document, lang::Language};
/// use framediff::framing::{DistinctiveConfig, distinctive_words};
///
/// let docs = [
///     ("rt", "Les terroristes attaquent Alep. Les terroristes avancent vers Hama."),
///     ("afp", "Les rebelles attaquent Alep. Les rebelles avancent vers Hama."),
/// ]
/// .map(|(id, text)| AnalyzedDocument::new(Document::new(id, text), Language::French));
/// let words = distinctive_words(&docs, &DistinctiveConfig::default());
/// assert_eq!(words[0].outlet, "rt");
/// assert_eq!(words[0].words[0].forms, ["terroristes"]);
/// assert_eq!(words[1].words[0].stem, "rebel");
/// ```
pub fn distinctive_words(
    documents: &[AnalyzedDocument],
    config: &DistinctiveConfig,
) -> Vec<OutletWords> {
    let counts = OutletCounts::collect(documents);
    if counts.outlets.len() < 2 {
        return Vec::new();
    }
    let words: usize = counts.stems.iter().flat_map(|c| c.values()).sum();
    let scores = z_scores(&counts.stems, config.prior_share * words as f64);
    counts
        .outlets
        .iter()
        .enumerate()
        .map(|(i, outlet)| {
            let mut words: Vec<DistinctiveWord> = scores[i]
                .iter()
                .filter(|(stem, z)| **z > 0.0 && counts.stems[i][*stem] >= config.min_count)
                .map(|(&stem, &z)| {
                    let count = counts.stems[i][stem];
                    let total: usize = counts.stems.iter().filter_map(|c| c.get(stem)).sum();
                    DistinctiveWord {
                        stem: stem.to_string(),
                        forms: counts.forms(i, stem),
                        count,
                        others: total - count,
                        z,
                    }
                })
                .collect();
            words.sort_by(|x, y| y.z.total_cmp(&x.z).then_with(|| x.stem.cmp(&y.stem)));
            words.truncate(config.top);
            OutletWords {
                outlet: outlet.clone(),
                total: counts.stems[i].values().sum(),
                words,
            }
        })
        .collect()
}

/// Content-word counts per outlet, by stem, with their spellings, each
/// word borrowed from its token. Nothing here is read in the maps' order:
/// words are ranked by score and then by stem, forms by count and then by
/// spelling, and the sums are of whole numbers, exact in any order.
struct OutletCounts<'d> {
    outlets: Vec<String>,
    stems: Vec<FastMap<&'d str, usize>>,
    /// (outlet, stem) → normalised form → spelling → count.
    spellings: FastMap<(usize, &'d str), Forms<'d>>,
}

/// Normalised form → spelling → count.
type Forms<'d> = FastMap<&'d str, FastMap<&'d str, usize>>;

impl<'d> OutletCounts<'d> {
    fn collect(documents: &'d [AnalyzedDocument]) -> OutletCounts<'d> {
        let mut counts = OutletCounts {
            outlets: Vec::new(),
            stems: Vec::new(),
            spellings: FastMap::default(),
        };
        for doc in documents {
            let label = doc.document.label();
            let i = match counts.outlets.iter().position(|o| o == label) {
                Some(i) => i,
                None => {
                    counts.outlets.push(label.to_string());
                    counts.stems.push(FastMap::default());
                    counts.outlets.len() - 1
                }
            };
            let words = doc
                .sentences
                .iter()
                .filter(|s| s.sentence.kind.is_content())
                .flat_map(|s| &s.tokens)
                // A single letter ("h" in "14 h", an "Acte V") says how
                // an outlet sets type, not what it says.
                .filter(|t| t.is_word() && !t.stop && t.stem.chars().nth(1).is_some());
            for token in words {
                *counts.stems[i].entry(&token.stem).or_default() += 1;
                *counts
                    .spellings
                    .entry((i, &token.stem))
                    .or_default()
                    .entry(&token.normalized)
                    .or_default()
                    .entry(&token.surface)
                    .or_default() += 1;
            }
        }
        counts
    }

    /// Up to three forms, most frequent first, each in its most frequent
    /// spelling ("Assad" rather than "assad", "rebelles" whatever the case
    /// at the start of a sentence).
    fn forms(&self, outlet: usize, stem: &str) -> Vec<String> {
        let Some(forms) = self.spellings.get(&(outlet, stem)) else {
            return Vec::new();
        };
        let mut ranked: Vec<(usize, &str)> = forms
            .iter()
            .map(|(&normalized, spellings)| (spellings.values().sum(), normalized))
            .collect();
        ranked.sort_by(|x, y| y.0.cmp(&x.0).then_with(|| x.1.cmp(y.1)));
        ranked
            .into_iter()
            .take(3)
            .map(|(_, normalized)| {
                let spellings = &forms[normalized];
                let best = spellings.values().max().copied().unwrap_or(0);
                // The first in alphabetical order of the most frequent.
                spellings
                    .iter()
                    .filter(|(_, n)| **n == best)
                    .map(|(&s, _)| s)
                    .min()
                    .unwrap_or(normalized)
                    .to_string()
            })
            .collect()
    }
}

/// The z-score of every word of every outlet against the other outlets,
/// with a prior of `prior_size` words.
fn z_scores<'d>(stems: &[FastMap<&'d str, usize>], prior_size: f64) -> Vec<FastMap<&'d str, f64>> {
    let mut corpus: FastMap<&str, f64> = FastMap::default();
    for outlet in stems {
        for (stem, &n) in outlet {
            *corpus.entry(stem).or_default() += n as f64;
        }
    }
    let n: f64 = corpus.values().sum();
    let a0 = prior_size.max(f64::MIN_POSITIVE);
    stems
        .iter()
        .map(|outlet| {
            let n_i: f64 = outlet.values().map(|&c| c as f64).sum();
            let n_j = n - n_i;
            outlet
                .keys()
                .map(|&stem| {
                    let y = corpus[stem];
                    let y_i = outlet[stem] as f64;
                    let y_j = y - y_i;
                    let a_w = a0 * y / n;
                    let delta = ((y_i + a_w) / (n_i + a0 - y_i - a_w)).ln()
                        - ((y_j + a_w) / (n_j + a0 - y_j - a_w)).ln();
                    let variance = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w);
                    (stem, delta / variance.sqrt())
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;
    use crate::lang::Language;

    fn counts<'w>(words: &[(&'w str, usize)]) -> FastMap<&'w str, usize> {
        words.iter().copied().collect()
    }

    #[test]
    fn a_word_only_one_outlet_uses_scores_highest_for_it() {
        let a = counts(&[("alep", 5), ("attaqu", 4), ("terror", 4)]);
        let b = counts(&[("alep", 5), ("attaqu", 4), ("rebel", 1)]);
        let c = counts(&[("alep", 6), ("attaqu", 3)]);
        let z = z_scores(&[a, b, c], 500.0);
        let best = z[0].iter().max_by(|x, y| x.1.total_cmp(y.1)).unwrap();
        assert_eq!(*best.0, "terror");
        assert!(z[0]["terror"] > z[1]["rebel"], "used 4 times beats once");
        assert!(z[2]["alep"] > 0.0 && z[2]["attaqu"] < 0.0);
    }

    #[test]
    fn single_letters_are_not_counted() {
        let docs = [
            ("a", "À 14 h, les terroristes attaquent. À 16 h, les terroristes avancent. À 18 h, Alep."),
            ("b", "Les rebelles attaquent Alep. Les rebelles avancent vers Alep."),
        ]
        .map(|(id, text)| AnalyzedDocument::new(Document::new(id, text), Language::French));
        let config = DistinctiveConfig {
            min_count: 1,
            ..DistinctiveConfig::default()
        };
        let words = distinctive_words(&docs, &config);
        let stems: Vec<&str> = words[0].words.iter().map(|w| w.stem.as_str()).collect();
        assert!(
            stems.contains(&"terror") && !stems.contains(&"h"),
            "{stems:?}"
        );
    }

    #[test]
    fn symmetric_inputs_give_opposite_z_scores() {
        let a = counts(&[("terror", 6), ("alep", 3), ("hama", 1)]);
        let b = counts(&[("terror", 1), ("alep", 3), ("hama", 6)]);
        let z = z_scores(&[a, b], 100.0);
        assert!((z[0]["terror"] + z[1]["terror"]).abs() < 1e-9);
        assert!((z[0]["terror"] - z[1]["hama"]).abs() < 1e-9);
        assert!(z[0]["alep"].abs() < 1e-9, "equal use is not distinctive");
    }

    #[test]
    fn a_stronger_prior_shrinks_the_scores() {
        let a = counts(&[("terror", 6), ("alep", 3)]);
        let b = counts(&[("rebel", 6), ("alep", 3)]);
        let weak = z_scores(&[a.clone(), b.clone()], 10.0);
        let strong = z_scores(&[a, b], 10_000.0);
        assert!(weak[0]["terror"] > strong[0]["terror"]);
    }

    #[test]
    fn outlets_are_merged_and_forms_shown_by_frequency() {
        let doc = |id: &str, outlet: &str, text: &str| {
            let d = Document::new(id, text).with_outlet(outlet);
            AnalyzedDocument::new(d, Language::French)
        };
        let docs = [
            doc(
                "1",
                "RT",
                "Les Terroristes attaquent. Les terroristes avancent.",
            ),
            doc(
                "2",
                "RT",
                "Un terroriste fuit Alep. Les terroristes fuient.",
            ),
            doc(
                "3",
                "AFP",
                "Les rebelles attaquent Alep. Les rebelles avancent.",
            ),
        ];
        let words = distinctive_words(&docs, &DistinctiveConfig::default());
        let outlets: Vec<&str> = words.iter().map(|o| o.outlet.as_str()).collect();
        assert_eq!(outlets, ["RT", "AFP"]);
        let terror = &words[0].words[0];
        assert_eq!(
            (terror.stem.as_str(), terror.count, terror.others),
            ("terror", 4, 0)
        );
        assert_eq!(terror.forms, ["terroristes", "terroriste"]);
        assert!(words[0].words.iter().all(|w| w.z > 0.0 && w.count >= 2));
        assert!(
            !words[1].words.iter().any(|w| w.stem == "alep"),
            "shared equally"
        );
    }

    #[test]
    fn one_outlet_has_nothing_to_contrast() {
        let docs = [AnalyzedDocument::new(
            Document::new("a", "Les rebelles attaquent."),
            Language::French,
        )];
        assert!(distinctive_words(&docs, &DistinctiveConfig::default()).is_empty());
    }
}
