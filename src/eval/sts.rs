//! Graded similarity: how well a pair score ranks sentence pairs the way
//! people do (STS Benchmark and the like).

use super::SentencePool;
use crate::align::AlignConfig;
use crate::lang::Language;

/// framediff's score for each sentence pair, with term frequencies taken
/// over all the sentences given, so that "a", "man" or "est" weigh as
/// little as they should.
///
/// ```
/// use framediff::eval::pair_scores;
/// use framediff::lang::Language;
/// let pairs = [
///     ("Les rebelles ont pris Alep.", "Les insurgés se sont emparés d'Alep."),
///     ("Les rebelles ont pris Alep.", "Il pleut sur Paris."),
/// ];
/// let scores = pair_scores(&pairs, Language::French, &Default::default());
/// assert!(scores[0] > scores[1]);
/// ```
pub fn pair_scores<A: AsRef<str>, B: AsRef<str>>(
    pairs: &[(A, B)],
    language: Language,
    config: &AlignConfig,
) -> Vec<f32> {
    let pool = pool_of(pairs, language, config);
    // Every index is in range: the pool holds both sentences of each pair.
    (0..pairs.len())
        .map(|i| pool.score(2 * i, 2 * i + 1).unwrap_or_default())
        .collect()
}

/// The notebook baseline's score for each pair: plain TF-IDF cosine over
/// stemmed content words, frequencies over all the sentences given.
///
/// ```
/// use framediff::eval::baseline_pair_scores;
/// use framediff::lang::Language;
/// let scores = baseline_pair_scores(&[("Rebels took Aleppo.", "Rebels took Aleppo.")], Language::English);
/// assert!((scores[0] - 1.0).abs() < 1e-6);
/// ```
pub fn baseline_pair_scores<A: AsRef<str>, B: AsRef<str>>(
    pairs: &[(A, B)],
    language: Language,
) -> Vec<f32> {
    let pool = pool_of(pairs, language, &AlignConfig::default());
    (0..pairs.len())
        .map(|i| pool.baseline(2 * i, 2 * i + 1).unwrap_or_default())
        .collect()
}

/// The pairs' sentences, each pair's two side by side.
fn pool_of<A: AsRef<str>, B: AsRef<str>>(
    pairs: &[(A, B)],
    language: Language,
    config: &AlignConfig,
) -> SentencePool {
    let sentences: Vec<&str> = pairs
        .iter()
        .flat_map(|(a, b)| [a.as_ref(), b.as_ref()])
        .collect();
    SentencePool::new(&sentences, language, config)
}

/// Spearman's rank correlation of two equally long series, ties given
/// their average rank; 0 when either series is constant or too short.
///
/// ```
/// use framediff::eval::spearman;
/// assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 35.0]) - 1.0).abs() < 1e-12);
/// assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
/// ```
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n < 2 {
        return 0.0;
    }
    let (rx, ry) = (ranks(&x[..n]), ranks(&y[..n]));
    pearson(&rx, &ry)
}

/// Average ranks (1-based), ties sharing the mean of their positions.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        let rank = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_their_average_rank() {
        assert_eq!(ranks(&[5.0, 1.0, 5.0, 3.0]), [3.5, 1.0, 3.5, 2.0]);
    }

    #[test]
    fn constant_series_correlate_with_nothing() {
        assert_eq!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), 0.0);
        assert_eq!(spearman(&[1.0], &[1.0]), 0.0);
    }

    #[test]
    fn scores_stay_in_the_unit_interval() {
        let pairs = [("", ""), ("Alep.", ""), ("Alep tombe.", "Alep tombe.")];
        for s in pair_scores(&pairs, Language::French, &AlignConfig::default()) {
            assert!((0.0..=1.0).contains(&s), "{s}");
        }
    }
}
