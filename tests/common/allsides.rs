//! The AllSides headline triplets (`../shared/data/allsides-neus`, Lee et
//! al. 2022): 469 news events of 2021, each reported by a left, a centre
//! and a right outlet, with each article's headline and first paragraphs.
//! Nobody aligned their sentences, but AllSides grouped the articles by
//! event, and that grouping is a gold: two headlines of one event report
//! it, two of different events (most of them) do not. Read by
//! `tests/allsides.rs` and `examples/allsides.rs`; the texts are never
//! copied into the repository.

use std::collections::HashMap;
use std::path::Path;

use framediff::eval::{SentencePool, Separation};
use framediff::lang::Language;
use framediff::{Comparison, Config, Document};

/// The file, from the `shared` directory.
pub const FILE: &str = "data/allsides-neus/allsides_headline_triplets_2021.jsonl";

/// The three sides AllSides rates, in the order of [`Event::articles`].
pub const SIDES: [&str; 3] = ["left", "center", "right"];

/// One event and its three articles.
pub struct Event {
    pub id: String,
    pub date: String,
    /// Left, centre, right.
    pub articles: [Article; 3],
}

/// An article as AllSides kept it: its outlet, headline and first
/// paragraphs.
pub struct Article {
    pub outlet: String,
    pub headline: String,
    pub paragraphs: Vec<String>,
}

/// The events with all three articles, in the file's order. An event
/// missing a side, or a body that does not read as a list of strings, is
/// an error: nothing is dropped silently.
pub fn load(shared: &Path) -> Result<Vec<Event>, String> {
    let path = shared.join(FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut events = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let at = |e: String| format!("{}:{}: {e}", path.display(), number + 1);
        let record: serde_json::Value =
            serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let news = &record["news"];
        if SIDES.iter().any(|side| news[side].is_null()) {
            // AllSides rated only one or two sides for 37 of 506 events.
            continue;
        }
        let article = |side: &str| -> Result<Article, String> {
            let field = |name: &str| {
                news[side][name]
                    .as_str()
                    .ok_or_else(|| at(format!("{side}.{name} is not a string")))
            };
            let body = news[side]["newBody"]
                .as_array()
                .ok_or_else(|| at(format!("{side}.newBody is not a list")))?;
            let paragraphs = body
                .iter()
                .map(|p| p.as_str().map(paragraph))
                .collect::<Option<Vec<String>>>()
                .ok_or_else(|| at(format!("{side}.newBody holds something else than text")))?;
            Ok(Article {
                outlet: field("newsSource")?.to_string(),
                headline: field("newsTitle")?.trim().to_string(),
                paragraphs: paragraphs.into_iter().filter(|p| !p.is_empty()).collect(),
            })
        };
        events.push(Event {
            id: record["id"].to_string(),
            date: record["date"]
                .as_str()
                .ok_or_else(|| at("date is not a string".into()))?
                .chars()
                .take(10)
                .collect(),
            articles: [article("left")?, article("center")?, article("right")?],
        });
    }
    Ok(events)
}

/// A paragraph as framediff should read it: the crawl keeps non-breaking
/// spaces ("the\u{a0}Supreme Court").
fn paragraph(text: &str) -> String {
    text.replace('\u{a0}', " ").trim().to_string()
}

/// Headlines of one event (each pair of sides) against headlines of
/// different events, all in one pool: how framediff's pair score and the
/// baseline's cosine tell them apart.
pub struct HeadlineMeasures {
    pub framediff: Separation,
    pub baseline: Separation,
    /// How often, for a headline and another side, the best-scoring
    /// headline of that side is the same event's (a tie counts as a miss).
    pub framediff_top1: f64,
    pub baseline_top1: f64,
}

pub fn headline_measures(events: &[Event], config: &Config) -> HeadlineMeasures {
    let headlines: Vec<&str> = events
        .iter()
        .flat_map(|e| e.articles.iter().map(|a| a.headline.as_str()))
        .collect();
    let pool = SentencePool::new(&headlines, Language::English, &config.align);
    let (framediff, framediff_top1) =
        separate(events.len(), |a, b| pool.score(a, b).unwrap_or(0.0));
    let (baseline, baseline_top1) =
        separate(events.len(), |a, b| pool.baseline(a, b).unwrap_or(0.0));
    HeadlineMeasures {
        framediff,
        baseline,
        framediff_top1,
        baseline_top1,
    }
}

/// The separation of `score` over the headlines of `events` events (event
/// i's side s at 3i + s), and its top-1 rate.
fn separate(events: usize, score: impl Fn(usize, usize) -> f32) -> (Separation, f64) {
    let at = |event: usize, side: usize| 3 * event + side;
    let (mut positives, mut negatives, mut top1) = (Vec::new(), Vec::new(), 0usize);
    for (x, y) in [(0, 1), (0, 2), (1, 2)] {
        for i in 0..events {
            let own = score(at(i, x), at(i, y));
            positives.push(own);
            let (mut beaten_x, mut beaten_y) = (false, false);
            for j in (0..events).filter(|&j| j != i) {
                // Each headline against the other event's, both ways.
                let (from_x, from_y) = (score(at(i, x), at(j, y)), score(at(j, x), at(i, y)));
                beaten_x |= from_x >= own;
                beaten_y |= from_y >= own;
                negatives.push(from_x);
            }
            top1 += usize::from(!beaten_x) + usize::from(!beaten_y);
        }
    }
    let tries = (6 * events).max(1);
    (
        Separation::of(&positives, &negatives),
        top1 as f64 / tries as f64,
    )
}

/// Every article (headline and paragraphs) compared with every other in
/// one run, as a corpus: links between two articles of one event, and
/// links between articles of different events, of which few can be right.
pub struct PooledLinks {
    pub within: usize,
    pub across: usize,
}

/// The articles as documents: id `EVENT-SIDE`, the outlet, the event's date.
pub fn documents(events: &[Event]) -> Vec<Document> {
    events
        .iter()
        .flat_map(|e| {
            e.articles.iter().zip(SIDES).map(move |(a, side)| {
                let text = std::iter::once(a.headline.as_str())
                    .chain(a.paragraphs.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join("\n\n");
                Document::new(format!("{}-{side}", e.id), text)
                    .with_outlet(format!("{} ({side})", a.outlet))
                    .with_date(e.date.clone())
            })
        })
        .collect()
}

/// The event of a document id made by [`documents`].
pub fn event_of(id: &str) -> &str {
    id.rsplit_once('-').map_or(id, |(event, _)| event)
}

/// All the articles compared in one run, alignment only.
pub fn pooled_comparison(events: &[Event], config: &Config) -> Comparison {
    let mut config = config.clone();
    config.language = Some(Language::English);
    config.align.diff_and_framing = false;
    Comparison::new(documents(events), &config).expect("the AllSides documents compare")
}

impl PooledLinks {
    /// The links of a [`pooled_comparison`], within and across events.
    pub fn of(comparison: &Comparison) -> PooledLinks {
        let within = comparison
            .alignments
            .iter()
            .filter(|a| event_of(&a.a.doc) == event_of(&a.b.doc))
            .count();
        PooledLinks {
            within,
            across: comparison.alignments.len() - within,
        }
    }
}

/// The baseline's links over the same documents at each threshold: within
/// one event, across events. Like framediff, it never links two articles
/// of one outlet.
pub fn pooled_baseline(events: &[Event], thresholds: &[f32]) -> Vec<PooledLinks> {
    let documents =
        framediff::AnalyzedDocument::analyze_all(documents(events), Some(Language::English));
    let outlets: HashMap<&str, Option<&str>> = documents
        .iter()
        .map(|d| (d.document.id.as_str(), d.document.outlet.as_deref()))
        .collect();
    let lowest = thresholds.iter().copied().fold(f32::INFINITY, f32::min);
    let pairs: Vec<_> = framediff::eval::baseline_tfidf(&documents, lowest)
        .into_iter()
        .filter(|(a, b, _)| outlets[a.0] != outlets[b.0])
        .collect();
    thresholds
        .iter()
        .map(|&t| {
            let kept = pairs.iter().filter(|p| p.2 >= t);
            let within = kept
                .clone()
                .filter(|(a, b, _)| event_of(a.0) == event_of(b.0))
                .count();
            PooledLinks {
                within,
                across: kept.count() - within,
            }
        })
        .collect()
}
