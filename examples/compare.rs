//! Compare how outlets report the same story.
//!
//!     cargo run --release --example compare                 # the bundled seeds
//!     cargo run --release --example compare -- a.txt b.txt  # your articles
//!     cargo run --release --example compare -- corpus.jsonl --json
//!     cargo run --release --example compare -- --html report.html  # a page to open in a browser
//!
//! Run with --help for every option.

use std::collections::HashMap;
use std::process::ExitCode;

use framediff::align::{Alignment, Claim, SentenceRef};
use framediff::diff::Category;
use framediff::framing::certainty::Stance;
use framediff::{Comparison, Config};

mod common;

const HELP: &str = "\
compare: which claims outlets share, and which they leave out

usage: compare [OPTIONS] [FILE.txt | DIR | CORPUS.jsonl]...

With no path, compares the five articles bundled in seeds/.

options:
  --lang fr|en      language of the articles (default: detected, else French)
  --min-probability P
                    the link model's probability a link needs, in (0, 1)
                    (default: the library's, 0.4); down: more links
  --threshold X     link by the score alone, from X (0-1) up, without the
                    link model (the library's threshold is 0.24); not with
                    --min-probability
  --json            print the whole comparison as JSON
  --html PATH       also write the report as one HTML page to PATH
  --sentences       print each document's sentences with kind and byte span
  --tokens          with --sentences, also print each sentence's tokens
  -h, --help        print this help
";

struct Options {
    paths: Vec<String>,
    config: Config,
    json: bool,
    html: Option<String>,
    sentences: bool,
    tokens: bool,
}

fn main() -> ExitCode {
    common::exit_quietly_on_closed_stdout();
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("compare: {message}\n(run with --help for usage)");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("compare: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        paths: Vec::new(),
        config: Config::default(),
        json: false,
        html: None,
        sentences: false,
        tokens: false,
    };
    let (mut threshold, mut min_probability) = (None, None);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--json" => options.json = true,
            "--html" => options.html = Some(args.next().ok_or("--html needs a file path")?),
            "--sentences" => options.sentences = true,
            "--tokens" => {
                options.sentences = true;
                options.tokens = true;
            }
            "--lang" => options.config.language = Some(common::language(args.next())?),
            "--threshold" => threshold = Some(common::number("--threshold", args.next())?),
            "--min-probability" => {
                min_probability = Some(common::number("--min-probability", args.next())?)
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path => options.paths.push(path.to_string()),
        }
    }
    let align = &mut options.config.align;
    match (threshold, min_probability) {
        (Some(_), Some(_)) => {
            return Err("--threshold turns the link model off; --min-probability sets it".into());
        }
        (Some(threshold), None) => {
            align.threshold = threshold;
            align.link_model = None;
        }
        (None, Some(min_probability)) => {
            if let Some(model) = align.link_model.as_mut() {
                model.min_probability = min_probability;
            }
        }
        (None, None) => {}
    }
    if options.paths.is_empty() {
        options
            .paths
            .push(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds").to_string());
    }
    Ok(Some(options))
}

fn run(options: &Options) -> framediff::Result<()> {
    let documents = framediff::load_paths(&options.paths)?;
    let comparison = Comparison::new(documents, &options.config)?;
    if options.json {
        let json = serde_json::to_string_pretty(&comparison).expect("results serialise");
        println!("{json}");
    } else if options.sentences {
        print_sentences(&comparison, options.tokens);
    } else {
        print_report(&comparison);
    }
    if let Some(path) = &options.html {
        std::fs::write(path, framediff::report::html(&comparison)).map_err(|source| {
            framediff::Error::Io {
                path: path.into(),
                source,
            }
        })?;
        let note = format!("report written to {path} (open it in a browser)");
        // With --json, stdout holds only the JSON.
        if options.json {
            eprintln!("{note}");
        } else {
            println!("\n{note}");
        }
    }
    Ok(())
}

fn print_sentences(comparison: &Comparison, with_tokens: bool) {
    for doc in &comparison.documents {
        println!(
            "== {} ({}, {} sentences)",
            doc.document.label(),
            doc.language,
            doc.sentences.len()
        );
        for s in &doc.sentences {
            let kind = format!("{:?}", s.sentence.kind).to_lowercase();
            let span = format!("{}..{}", s.sentence.start, s.sentence.end);
            println!("{:>4}  {kind:<11} {span:>11}  {}", s.sentence.index, s.text);
            if with_tokens {
                for t in &s.tokens {
                    let flags = [(t.stop, "stop"), (t.elision, "elision")]
                        .iter()
                        .filter(|(on, _)| *on)
                        .map(|(_, name)| *name)
                        .collect::<Vec<_>>()
                        .join(",");
                    let kind = format!("{:?}", t.kind).to_lowercase();
                    println!(
                        "{:>29}  {:<22} {kind:<11} stem={:<16} {flags}",
                        format!("{}..{}", t.start, t.end),
                        t.surface,
                        t.stem
                    );
                }
            }
        }
        println!();
    }
}

fn print_report(comparison: &Comparison) {
    let style = Style::detect();
    let sentence_count: usize = comparison.documents.iter().map(|d| d.sentences.len()).sum();
    println!(
        "framediff: {} articles, {} sentences, {} links between outlets, {} shared claims\n",
        comparison.documents.len(),
        sentence_count,
        comparison.alignments.len(),
        comparison.claims.len()
    );
    let text = |r: &SentenceRef| -> &str {
        comparison
            .document(&r.doc)
            .and_then(|d| d.sentences.get(r.sentence))
            .map_or("", |s| s.text.as_str())
    };
    let label = |doc: &str| {
        comparison
            .document(doc)
            .map_or(doc, |d| d.document.label())
            .to_string()
    };
    let mut by_pair: HashMap<(String, usize, String, usize), &Alignment> = HashMap::new();
    for a in &comparison.alignments {
        by_pair.insert(
            (
                a.a.doc.clone(),
                a.a.sentences[0],
                a.b.doc.clone(),
                a.b.sentences[0],
            ),
            a,
        );
    }
    println!("SHARED CLAIMS (in story order)");
    for claim in &comparison.claims {
        let outlets = claim.documents().count();
        println!("\n  claim {} · {outlets} outlets", claim.id + 1);
        for r in &claim.sentences {
            println!(
                "    {:<22} [{:>2}] {}",
                short(&label(&r.doc)),
                r.sentence,
                text(r)
            );
        }
        print_claim_differences(comparison, claim, &by_pair, style);
    }
    print_lexicon(comparison, style);
    print_certainty(comparison);
    println!("\nREPORTED BY ONE OUTLET ONLY (title and body sentences no other article carries)");
    for doc in &comparison.documents {
        let own: Vec<&SentenceRef> = comparison
            .unmatched
            .iter()
            .filter(|r| r.doc == doc.document.id)
            .collect();
        println!(
            "\n  {} · {} of {} sentences",
            doc.document.label(),
            own.len(),
            doc.sentences.len()
        );
        for r in own {
            println!("    [{:>2}] {}", r.sentence, text(r));
        }
    }
    println!(
        "\n(--json for every link with its score, matched terms and differences; --help for options)"
    );
}

/// How differences are marked: ANSI colour on a terminal, plain brackets
/// when the output goes to a file or a pipe.
#[derive(Clone, Copy)]
struct Style {
    colour: bool,
}

impl Style {
    fn detect() -> Style {
        use std::io::IsTerminal;
        Style {
            colour: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    fn mark(self, text: &str, category: Category) -> String {
        let marked = format!("[{text} {category}]");
        if self.colour {
            self.paint(&marked, category)
        } else {
            marked
        }
    }

    /// `text` in the colour of its category.
    fn paint(self, text: &str, category: Category) -> String {
        let colour = match category {
            Category::ActorLabel => "1;31",
            Category::Hedging => "1;35",
            Category::Attribution => "1;34",
            Category::SpellingVariant => "2",
            Category::Quantity => "1;36",
            Category::ScareQuotes | Category::Evaluative => "1;33",
            Category::Other => "4",
        };
        format!("\x1b[{colour}m{text}\x1b[0m")
    }
}

type PairIndex<'c> = HashMap<(String, usize, String, usize), &'c Alignment>;

/// Each sentence of a claim after the first, with how it words the claim
/// differently from an earlier sentence it is linked to: `[x→y category]`
/// where the earlier one says x, `[+y category]` for words only it has,
/// and what it leaves out below.
fn print_claim_differences(
    comparison: &Comparison,
    claim: &Claim,
    by_pair: &PairIndex,
    style: Style,
) {
    for (i, r) in claim.sentences.iter().enumerate().skip(1) {
        let linked = claim.sentences[..i].iter().find_map(|earlier| {
            by_pair
                .get(&(
                    earlier.doc.clone(),
                    earlier.sentence,
                    r.doc.clone(),
                    r.sentence,
                ))
                .map(|a| (*a, true))
                .or_else(|| {
                    by_pair
                        .get(&(
                            r.doc.clone(),
                            r.sentence,
                            earlier.doc.clone(),
                            earlier.sentence,
                        ))
                        .map(|a| (*a, false))
                })
        });
        let Some((alignment, this_is_b)) = linked else {
            continue;
        };
        let Some(sentence) = comparison
            .document(&r.doc)
            .and_then(|d| d.sentences.get(r.sentence))
        else {
            continue;
        };
        let reference = if this_is_b {
            &alignment.a
        } else {
            &alignment.b
        };
        let mut marks: Vec<((usize, usize), String)> = Vec::new();
        let mut omits: Vec<String> = Vec::new();
        for d in alignment.differences.iter().filter(|d| !d.minor) {
            let (own, own_span, other) = if this_is_b {
                (&d.b, d.b_span, &d.a)
            } else {
                (&d.a, d.a_span, &d.b)
            };
            match (own, own_span, other) {
                (Some(own), Some(span), Some(other)) => {
                    marks.push((span, style.mark(&format!("{other}→{own}"), d.category)))
                }
                (Some(own), Some(span), None) => {
                    marks.push((span, style.mark(&format!("+{own}"), d.category)))
                }
                (None, _, Some(other)) => omits.push(style.mark(&format!("−{other}"), d.category)),
                _ => {}
            }
        }
        marks.sort_by_key(|(span, _)| *span);
        let base = sentence.sentence.start;
        let mut line = String::new();
        let mut at = base;
        for ((start, end), mark) in marks {
            if start < at {
                continue; // overlaps a mark already placed
            }
            line.push_str(&sentence.text[at - base..start - base]);
            line.push_str(&mark);
            at = end;
        }
        line.push_str(&sentence.text[at - base..]);
        println!(
            "    {:<22} vs {} [{}]: {line}",
            short(
                comparison
                    .document(&r.doc)
                    .map_or(r.doc.as_str(), |d| d.document.label())
            ),
            short(
                comparison
                    .document(&reference.doc)
                    .map_or(reference.doc.as_str(), |d| d.document.label())
            ),
            reference.sentences[0],
        );
        if !omits.is_empty() {
            println!("    {:<22}    leaves out: {}", "", omits.join(" "));
        }
        if alignment.differences_cut_short {
            println!(
                "    {:<22}    (very long sentences: the word comparison was cut short, so these marks are coarse)",
                ""
            );
        }
    }
}

/// The framing lexicon, one line per category, the categories that frame
/// most first (how actors are named, certainty, sources) and plain
/// paraphrase last; then the strongest named rows per outlet pair.
fn print_lexicon(comparison: &Comparison, style: Style) {
    const PER_CATEGORY: usize = 6;
    const ORDER: [Category; 8] = [
        Category::ActorLabel,
        Category::Hedging,
        Category::Attribution,
        Category::Evaluative,
        Category::ScareQuotes,
        Category::Quantity,
        Category::SpellingVariant,
        Category::Other,
    ];
    println!(
        "\nFRAMING LEXICON (substitutions over all aligned pairs, by category, most frequent first)"
    );
    for category in ORDER {
        let rows: Vec<_> = comparison
            .lexicon
            .overall
            .iter()
            .filter(|e| e.category == category)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let shown: Vec<String> = rows
            .iter()
            .take(PER_CATEGORY)
            .map(|e| {
                let terms = format!("{} ↔ {}", e.a, e.b);
                let terms = if style.colour {
                    style.paint(&terms, category)
                } else {
                    terms
                };
                format!("{terms} {}×", e.count)
            })
            .collect();
        let more = rows.len().saturating_sub(PER_CATEGORY);
        let more = if more > 0 {
            format!(" … and {more} more")
        } else {
            String::new()
        };
        println!(
            "  {:<17} {}{more}",
            category_heading(category),
            shown.join(" · ")
        );
    }
    for pair in &comparison.lexicon.by_outlets {
        let named: Vec<String> = pair
            .entries
            .iter()
            .filter(|e| e.category != Category::Other)
            .take(4)
            .map(|e| format!("{} → {} ({}×)", e.a, e.b, e.count))
            .collect();
        if !named.is_empty() {
            println!(
                "  {} → {}: {}",
                short(&pair.a),
                short(&pair.b),
                named.join(", ")
            );
        }
    }
}

fn category_heading(category: Category) -> &'static str {
    match category {
        Category::ActorLabel => "actor labels",
        Category::Hedging => "hedging",
        Category::Attribution => "attribution",
        Category::Evaluative => "evaluative",
        Category::ScareQuotes => "scare quotes",
        Category::Quantity => "quantities",
        Category::SpellingVariant => "spellings",
        Category::Other => "other wording",
    }
}

/// Who states, attributes or hedges each claim.
fn print_certainty(comparison: &Comparison) {
    println!("\nCERTAINTY (per claim: who states it, who attributes it, who hedges it)");
    for claim in &comparison.certainty {
        let outlets: Vec<String> = claim
            .outlets
            .iter()
            .map(|o| {
                let stance = serde_json::to_value(o.stance)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let markers: Vec<&str> = match o.stance {
                    Stance::Hedges => o.hedges.iter().map(String::as_str).collect(),
                    Stance::Attributes => o.attributions.iter().map(String::as_str).collect(),
                    Stance::States => Vec::new(),
                };
                if markers.is_empty() {
                    format!("{} {stance}", short(&o.outlet))
                } else {
                    format!("{} {stance} ({})", short(&o.outlet), markers.join(", "))
                }
            })
            .collect();
        println!("  claim {:>2}: {}", claim.claim + 1, outlets.join(" · "));
    }
}

fn short(label: &str) -> String {
    if label.chars().count() <= 22 {
        label.to_string()
    } else {
        label.chars().take(21).collect::<String>() + "…"
    }
}
