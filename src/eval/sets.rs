//! Annotations of articles that framediff may not ship: the annotation
//! holds ids, byte spans and links, never the text, and names where the
//! articles are (a BASIL triplet, a line of a JSON Lines corpus), so the
//! texts are read in place.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use super::{
    BaselineSweep, Gold, GoldLink, GoldSentence, LinkScores, SentenceKey, baseline_tfidf,
    baseline_thresholds, best_threshold, predicted_pairs, score_pairs, sweep_baseline,
};
use crate::compare::{AnalyzedDocument, Comparison, Config};
use crate::document::{Document, load_jsonl};
use crate::error::{Error, Result};
use crate::lang::Language;

/// Articles and their gold annotation, read from an annotation file and
/// the data directory that holds the articles.
///
/// Two sources are known: `"basil"` (English; each document names
/// `path`, a BASIL article under `basil/`, read as its title then one BASIL
/// sentence per line) and `"gilets"` (French; each document names
/// `jsonl_id`, a line of `gilets-jaunes-fr/gilets_jaunes_fr.jsonl`).
///
/// ```no_run
/// use framediff::eval::{AnnotatedSet, score_links};
/// use framediff::{Comparison, Config};
///
/// let set = AnnotatedSet::load("tests/fixtures/basil-en.json", "../shared/data")?;
/// let config = Config { language: Some(set.language), ..Config::default() };
/// let cmp = Comparison::new(set.documents.clone(), &config)?;
/// println!("{:?}", score_links(&cmp, &set.gold));
/// # Ok::<(), framediff::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AnnotatedSet {
    /// The articles, by id.
    pub documents: Vec<Document>,
    /// The annotation, with each sentence's text filled from its article.
    pub gold: Gold,
    /// The articles' language.
    pub language: Language,
    /// The story of each document (the `story` of its entry; empty when
    /// the annotation names none): framediff compares the articles of one
    /// story, as a user would.
    pub stories: Vec<String>,
}

/// The annotation file as written.
#[derive(Deserialize)]
struct File {
    source: String,
    docs: serde_json::Map<String, Value>,
    sentences: Vec<GoldSentence>,
    links: Vec<GoldLink>,
}

impl AnnotatedSet {
    /// Reads an annotation and the articles it names under `data_dir`
    /// (the project's `../shared/data`).
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be read, [`Error::Annotation`]
    /// when the annotation is not valid, names an unknown source or a
    /// missing article, or a span does not cut its article's text at
    /// character boundaries.
    ///
    /// ```
    /// use framediff::eval::AnnotatedSet;
    /// let missing = AnnotatedSet::load("no/such/annotation.json", "no/such/data");
    /// assert!(matches!(missing, Err(framediff::Error::Io { .. })));
    /// ```
    pub fn load(annotation: impl AsRef<Path>, data_dir: impl AsRef<Path>) -> Result<AnnotatedSet> {
        let path = annotation.as_ref();
        let bad = |message: String| Error::Annotation {
            path: path.to_path_buf(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
        let data_dir = data_dir.as_ref();
        let (documents, language) = match file.source.as_str() {
            "basil" => (basil_documents(&file, data_dir, &bad)?, Language::English),
            "gilets" => (gilets_documents(&file, data_dir, &bad)?, Language::French),
            other => return Err(bad(format!("unknown source {other:?}"))),
        };
        let mut gold = Gold {
            sentences: file.sentences,
            links: file.links,
            substitutions: Vec::new(),
        };
        let texts: HashMap<&str, &str> = documents
            .iter()
            .map(|d| (d.id.as_str(), d.text.as_str()))
            .collect();
        for sentence in &mut gold.sentences {
            let text = texts
                .get(sentence.doc.as_str())
                .ok_or_else(|| bad(format!("{}: no document {:?}", sentence.id, sentence.doc)))?;
            let cut = text.get(sentence.start..sentence.end).ok_or_else(|| {
                bad(format!(
                    "{}: {}..{} does not cut the text of {} ({} bytes)",
                    sentence.id,
                    sentence.start,
                    sentence.end,
                    sentence.doc,
                    text.len()
                ))
            })?;
            sentence.text = cut.to_string();
        }
        let stories = file
            .docs
            .values()
            .map(|entry| entry["story"].as_str().unwrap_or_default().to_string())
            .collect();
        Ok(AnnotatedSet {
            documents,
            gold,
            language,
            stories,
        })
    }

    /// Compares the articles of each story at `config` (its language set
    /// to the set's) and scores the links against the annotation.
    ///
    /// # Errors
    /// Those of [`Comparison::new`].
    ///
    /// ```no_run
    /// use framediff::eval::AnnotatedSet;
    /// let set = AnnotatedSet::load("tests/fixtures/gilets-fr.json", "../shared/data")?;
    /// println!("link F1 {:.3}", set.score(&Default::default())?.f1);
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub fn score(&self, config: &Config) -> Result<LinkScores> {
        Ok(self.score_comparisons(&self.compare(config)?))
    }

    /// One comparison per story at `config`, its language set to the
    /// set's.
    ///
    /// # Errors
    /// Those of [`Comparison::new`].
    ///
    /// ```no_run
    /// use framediff::eval::{AnnotatedSet, relation_agreement};
    /// let set = AnnotatedSet::load("tests/fixtures/basil-en.json", "../shared/data")?;
    /// for comparison in set.compare(&Default::default())? {
    ///     println!("{:?}", relation_agreement(&comparison, &set.gold));
    /// }
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub fn compare(&self, config: &Config) -> Result<Vec<Comparison>> {
        let config = Config {
            language: Some(self.language),
            ..config.clone()
        };
        self.by_story()
            .into_iter()
            .map(|documents| Comparison::new(documents, &config))
            .collect()
    }

    /// Scores the links of comparisons of this set's stories (see
    /// [`compare`](AnnotatedSet::compare)) against the annotation.
    pub fn score_comparisons(&self, comparisons: &[Comparison]) -> LinkScores {
        let documents: Vec<AnalyzedDocument> = comparisons
            .iter()
            .flat_map(|c| c.documents.iter().cloned())
            .collect();
        let pairs = comparisons.iter().flat_map(predicted_pairs);
        score_pairs(&documents, pairs, &self.gold)
    }

    /// The notebook baseline ([`baseline_tfidf`]) at `threshold`, story by
    /// story, scored against the annotation.
    ///
    /// ```no_run
    /// use framediff::eval::AnnotatedSet;
    /// let set = AnnotatedSet::load("tests/fixtures/gilets-fr.json", "../shared/data")?;
    /// println!("baseline F1 {:.3}", set.baseline_score(0.15).f1);
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub fn baseline_score(&self, threshold: f32) -> LinkScores {
        self.with_baseline(threshold, |documents, pairs| {
            let kept = pairs.iter().map(|&(a, b, _)| (a, b));
            score_pairs(documents, kept, &self.gold)
        })
    }

    /// Runs the baseline story by story at `threshold` and hands its pairs
    /// (with their cosine) and the analysed documents to `f`.
    fn with_baseline<R>(
        &self,
        threshold: f32,
        f: impl FnOnce(&[AnalyzedDocument], &[(SentenceKey<'_>, SentenceKey<'_>, f32)]) -> R,
    ) -> R {
        let stories: Vec<Vec<AnalyzedDocument>> = self
            .by_story()
            .into_iter()
            .map(|documents| {
                documents
                    .into_iter()
                    .map(|d| AnalyzedDocument::new(d, self.language))
                    .collect()
            })
            .collect();
        let documents: Vec<AnalyzedDocument> = stories.iter().flatten().cloned().collect();
        let pairs: Vec<_> = stories
            .iter()
            .flat_map(|story| baseline_tfidf(story, threshold))
            .collect();
        f(&documents, &pairs)
    }

    /// The notebook baseline at its best threshold, chosen by looking at
    /// the answers (0.01 to 0.60): the strongest form of the baseline, and
    /// the threshold.
    ///
    /// ```no_run
    /// use framediff::eval::AnnotatedSet;
    /// let set = AnnotatedSet::load("tests/fixtures/gilets-fr.json", "../shared/data")?;
    /// let (threshold, best) = set.best_baseline();
    /// println!("baseline F1 {:.3} at {threshold:.2}", best.f1);
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub fn best_baseline(&self) -> (f32, LinkScores) {
        best_threshold(&self.baseline_sweep())
    }

    /// The notebook baseline at every threshold from 0.01 to 0.60, in steps
    /// of 0.01: to choose one threshold for several sets, as a user who
    /// cannot look at the answers of the next story would.
    ///
    /// ```no_run
    /// use framediff::eval::AnnotatedSet;
    /// let set = AnnotatedSet::load("tests/fixtures/gilets-fr.json", "../shared/data")?;
    /// for (threshold, scores) in set.baseline_sweep() {
    ///     println!("{threshold:.2} {:.3}", scores.f1);
    /// }
    /// # Ok::<(), framediff::Error>(())
    /// ```
    pub fn baseline_sweep(&self) -> BaselineSweep {
        let lowest = baseline_thresholds().next().unwrap_or_default();
        self.with_baseline(lowest, |documents, pairs| {
            sweep_baseline(pairs, |kept| {
                score_pairs(documents, kept.iter().copied(), &self.gold)
            })
        })
    }

    /// The documents grouped by story, stories in order of their first
    /// document.
    ///
    /// ```
    /// use framediff::{Document, eval::{AnnotatedSet, Gold}, lang::Language};
    /// let set = AnnotatedSet {
    ///     documents: vec![Document::new("a", "x"), Document::new("b", "y"), Document::new("c", "z")],
    ///     gold: Gold::default(),
    ///     language: Language::English,
    ///     stories: vec!["s1".into(), "s2".into(), "s1".into()],
    /// };
    /// let ids: Vec<Vec<String>> = set.by_story().into_iter()
    ///     .map(|docs| docs.into_iter().map(|d| d.id).collect()).collect();
    /// assert_eq!(ids, [vec!["a", "c"], vec!["b"]]);
    /// ```
    pub fn by_story(&self) -> Vec<Vec<Document>> {
        let mut order: Vec<&str> = Vec::new();
        let mut groups: HashMap<&str, Vec<Document>> = HashMap::new();
        for (document, story) in self.documents.iter().zip(&self.stories) {
            if !groups.contains_key(story.as_str()) {
                order.push(story);
            }
            groups.entry(story).or_default().push(document.clone());
        }
        order
            .into_iter()
            .filter_map(|story| groups.remove(story))
            .collect()
    }
}

/// The string field `key` of one document entry.
fn field<'a>(
    id: &str,
    entry: &'a Value,
    key: &str,
    bad: &dyn Fn(String) -> Error,
) -> Result<&'a str> {
    entry[key]
        .as_str()
        .ok_or_else(|| bad(format!("document {id:?} has no string {key:?}")))
}

fn basil_documents(
    file: &File,
    data_dir: &Path,
    bad: &dyn Fn(String) -> Error,
) -> Result<Vec<Document>> {
    file.docs
        .iter()
        .map(|(id, entry)| {
            let article = data_dir.join("basil").join(field(id, entry, "path", bad)?);
            let document = basil_article(&article, id)?;
            Ok(match entry["outlet"].as_str() {
                Some(outlet) => document.with_outlet(outlet),
                None => document,
            })
        })
        .collect()
}

/// A BASIL article as framediff reads it: the title, then each BASIL
/// sentence on its own line (a line break inside one becomes a space), so
/// that BASIL's sentence split is kept.
fn basil_article(path: &Path, id: &str) -> Result<Document> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let text = std::fs::read_to_string(path).map_err(io)?;
    let json: Value = serde_json::from_str(&text).map_err(|e| Error::Annotation {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut lines = vec![json["title"].as_str().unwrap_or_default().to_string()];
    let paragraphs = json["body-paragraphs"].as_array().into_iter().flatten();
    for sentence in paragraphs.flat_map(|p| p.as_array().into_iter().flatten()) {
        lines.push(sentence.as_str().unwrap_or_default().replace('\n', " "));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(Document::new(id, text))
}

fn gilets_documents(
    file: &File,
    data_dir: &Path,
    bad: &dyn Fn(String) -> Error,
) -> Result<Vec<Document>> {
    let corpus: PathBuf = data_dir.join("gilets-jaunes-fr/gilets_jaunes_fr.jsonl");
    let mut by_id: HashMap<String, Document> = load_jsonl(&corpus)?
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect();
    file.docs
        .iter()
        .map(|(id, entry)| {
            let line = field(id, entry, "jsonl_id", bad)?;
            let mut document = by_id
                .remove(line)
                .ok_or_else(|| bad(format!("no article {line:?} in {}", corpus.display())))?;
            document.id = id.clone();
            Ok(document)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("framediff-sets-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("basil")).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_basil_article_reads_one_sentence_per_line_and_spans_are_checked() {
        let article = write(
            "basil/x_1.json",
            r#"{"title": "Senate votes", "source": "nyt",
                "body-paragraphs": [["The Senate voted.", "It was late."], ["Then it\nadjourned."]]}"#,
        );
        let dir = article.parent().unwrap().parent().unwrap().to_path_buf();
        let annotation = |end: usize| {
            format!(
                r#"{{"source": "basil", "docs": {{"x_1": {{"path": "x_1.json", "outlet": "nyt"}}}},
                    "sentences": [{{"id": "x_1:p0", "doc": "x_1", "start": 13, "end": {end}, "kind": "body"}}],
                    "links": []}}"#
            )
        };
        let good = write("good.json", &annotation(30));
        let set = AnnotatedSet::load(&good, &dir).unwrap();
        assert_eq!(
            set.documents[0].text,
            "Senate votes\nThe Senate voted.\nIt was late.\nThen it adjourned.\n"
        );
        assert_eq!(set.documents[0].outlet.as_deref(), Some("nyt"));
        assert_eq!(set.gold.sentences[0].text, "The Senate voted.");
        assert_eq!(set.language, Language::English);
        let beyond = write("beyond.json", &annotation(300));
        let err = AnnotatedSet::load(&beyond, &dir).unwrap_err();
        assert!(err.to_string().contains("does not cut"), "{err}");
    }

    #[test]
    fn an_unknown_source_is_an_error() {
        let path = write(
            "unknown.json",
            r#"{"source": "elsewhere", "docs": {}, "sentences": [], "links": []}"#,
        );
        let err = AnnotatedSet::load(&path, path.parent().unwrap()).unwrap_err();
        assert!(matches!(err, Error::Annotation { .. }), "{err}");
    }
}
