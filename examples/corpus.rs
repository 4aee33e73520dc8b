//! Align a whole corpus: which claims travel across outlets, and how fast.
//!
//!     cargo run --release --example corpus -- corpus.jsonl --timings
//!     cargo run --release --example corpus -- corpus.jsonl --date-window 3 --json links.jsonl
//!
//! The corpus is JSON Lines, one article a line: `id`, `text`, and
//! optionally `outlet`, `date` (`YYYY-MM-DD`) and `title`. Run with --help
//! for every option.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use framediff::{AlignStats, AnalyzedDocument, Comparison, Config};
use indicatif::{ProgressBar, ProgressStyle};

mod common;
use common::number;

const HELP: &str = "\
corpus: align every article of a JSON Lines corpus across outlets

usage: corpus [OPTIONS] CORPUS.jsonl

options:
  --timings           print the time of each stage to stderr
  --json PATH         write the comparison to PATH: JSON Lines (one record a
                      line, tagged document / alignment / claim / unmatched)
                      when PATH ends in .jsonl, else one JSON document;
                      `--json -` writes JSON Lines to stdout instead of
                      the summary (read the corpus from /dev/stdin to
                      run as a pipe)
  --date-window N     align only articles at most N days apart (when both
                      carry a readable date)
  --top-k N           at most N links per sentence (default: the library's)
  --min-document-links N
                      keep the links of two articles only when they share
                      at least N (default 1; 2 drops most links between
                      articles of different stories)
  --max-postings N    terms in more than N sentences generate no candidates
                      (default: the library's)
  --threshold-only    decide the links by the score's threshold alone, without
                      the link model (AlignConfig::link_model: None)
  --alignment-only    skip the word differences of each alignment and the
                      framing views (distinctive words, coverage, lexicon,
                      certainty): the alignment stages only
  --lang fr|en        language of every article (default: detected)
  --threads N         worker threads (default: one per core)
  --claims N          how many top claims to print (default 10)
  -h, --help          print this help
";

struct Options {
    path: String,
    config: Config,
    timings: bool,
    json: Option<String>,
    threads: Option<usize>,
    top_claims: usize,
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
            eprintln!("corpus: {message}\n(run with --help for usage)");
            return ExitCode::from(2);
        }
    };
    if let Some(threads) = options.threads
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
    {
        eprintln!("corpus: cannot start {threads} threads: {e}");
        return ExitCode::FAILURE;
    }
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        path: String::new(),
        config: Config::default(),
        timings: false,
        json: None,
        threads: None,
        top_claims: 10,
    };
    let mut paths = Vec::new();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--timings" => options.timings = true,
            "--json" => options.json = Some(args.next().ok_or("--json needs a path")?),
            "--date-window" => {
                options.config.align.date_window = Some(number("--date-window", args.next())?)
            }
            "--top-k" => {
                options.config.align.max_links_per_sentence = number("--top-k", args.next())?
            }
            "--min-document-links" => {
                options.config.align.min_document_links =
                    number("--min-document-links", args.next())?
            }
            "--max-postings" => {
                options.config.align.max_term_postings = number("--max-postings", args.next())?
            }
            "--threads" => options.threads = Some(number("--threads", args.next())?),
            "--claims" => options.top_claims = number("--claims", args.next())?,
            "--alignment-only" => options.config.align.diff_and_framing = false,
            "--threshold-only" => options.config.align.link_model = None,
            "--lang" => options.config.language = Some(common::language(args.next())?),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path => paths.push(path.to_string()),
        }
    }
    match paths.as_slice() {
        [path] => options.path = path.clone(),
        [] => return Err("no corpus given".into()),
        _ => return Err(format!("one corpus at a time, got {} paths", paths.len())),
    }
    Ok(Some(options))
}

/// Articles analysed between two updates of the progress bar.
const PROGRESS_STEP: usize = 250;

fn run(options: &Options) -> Result<(), Box<dyn std::error::Error>> {
    options.config.align.validate()?;
    let clock = Instant::now();
    let documents = framediff::load_jsonl(&options.path)?;
    let load = clock.elapsed();

    let clock = Instant::now();
    let progress = progress_bar(documents.len() as u64);
    let mut analyzed = Vec::with_capacity(documents.len());
    let mut rest = documents.into_iter();
    loop {
        let chunk: Vec<_> = rest.by_ref().take(PROGRESS_STEP).collect();
        if chunk.is_empty() {
            break;
        }
        progress.inc(chunk.len() as u64);
        analyzed.extend(AnalyzedDocument::analyze_all(
            chunk,
            options.config.language,
        ));
    }
    let analyse = clock.elapsed();
    progress.set_message("aligning");
    let (comparison, stats) = Comparison::from_analyzed_with_stats(analyzed, &options.config.align);
    progress.finish_and_clear();

    if options.timings {
        print_timings(load, analyse, &stats, &options.config);
    }
    match options.json.as_deref() {
        // JSON Lines on stdout, and nothing else there: a map step's output.
        Some("-") => write_json_lines(&comparison, std::io::stdout().lock())
            .map_err(|e| format!("cannot write to stdout: {e}"))?,
        Some(path) => {
            print_summary(&comparison, &stats, options);
            write_json(&comparison, path).map_err(|e| format!("cannot write {path}: {e}"))?
        }
        None => print_summary(&comparison, &stats, options),
    }
    // Freeing a corpus's worth of small allocations one by one takes over a
    // second; the process ends here, and the system takes the memory back
    // at once.
    std::mem::forget(comparison);
    Ok(())
}

/// A bar on stderr for runs long enough to watch; nothing when stderr is
/// not a terminal, so logs and pipes stay clean.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len).with_message("analysing");
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len} articles {elapsed}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn print_timings(load: Duration, analyse: Duration, stats: &AlignStats, config: &Config) {
    let t = &stats.timings;
    let stages = [
        ("load", load.as_secs_f64()),
        ("segment+analyse", analyse.as_secs_f64()),
        ("vectorise", t.vectorize),
        ("candidates+score", t.candidates_and_score),
        ("claims", t.claims),
    ];
    let mut total: f64 = stages.iter().map(|s| s.1).sum();
    for (stage, secs) in stages {
        eprintln!("{stage:>17}  {secs:8.3} s");
    }
    if config.align.diff_and_framing {
        eprintln!("{:>17}  {:8.3} s", "diff+framing", t.diff_and_framing);
        total += t.diff_and_framing;
    } else {
        eprintln!("{:>17}   skipped (--alignment-only)", "diff+framing");
    }
    eprintln!("{:>17}  {total:8.3} s", "total");
}

fn print_summary(comparison: &Comparison, stats: &AlignStats, options: &Options) {
    let sentences: usize = comparison.documents.iter().map(|d| d.sentences.len()).sum();
    println!("documents            {:>10}", comparison.documents.len());
    println!("sentences            {sentences:>10}");
    println!("  alignable          {:>10}", stats.sentences);
    println!("candidate pairs      {:>10}", stats.candidate_pairs);
    println!("  scored             {:>10}", stats.scored_pairs);
    println!("alignments kept      {:>10}", stats.alignments);
    println!("claims               {:>10}", stats.claims);
    println!("unmatched sentences  {:>10}", comparison.unmatched.len());

    // Looked up once per claim member: a map, not a search of the corpus.
    let mut labels: HashMap<&str, &str> = HashMap::new();
    for d in &comparison.documents {
        labels
            .entry(d.document.id.as_str())
            .or_insert(d.document.label());
    }
    let outlet_of = |doc: &str| labels.get(doc).copied().unwrap_or(doc).to_string();
    let mut claims: Vec<(usize, &framediff::align::Claim)> = comparison
        .claims
        .iter()
        .map(|c| {
            let outlets: BTreeSet<String> = c.documents().map(outlet_of).collect();
            (outlets.len(), c)
        })
        .collect();
    claims.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.id.cmp(&y.1.id)));
    println!("\ntop claims by number of outlets");
    for (outlets, claim) in claims.iter().take(options.top_claims) {
        let first = &claim.sentences[0];
        let text = comparison
            .document(&first.doc)
            .and_then(|d| {
                d.sentences
                    .iter()
                    .find(|s| s.sentence.index == first.sentence)
            })
            .map_or("", |s| s.text.as_str());
        println!(
            "{outlets:>3} outlets {:>4} articles  {}",
            claim.documents().count(),
            shorten(text, 100)
        );
    }

    let mut carried: BTreeMap<String, (usize, BTreeSet<usize>)> = BTreeMap::new();
    for doc in &comparison.documents {
        carried.entry(doc.document.label().to_string()).or_default();
    }
    for claim in &comparison.claims {
        for doc in claim.documents() {
            carried
                .entry(outlet_of(doc))
                .or_default()
                .1
                .insert(claim.id);
        }
    }
    let articles = |outlet: &str| {
        comparison
            .documents
            .iter()
            .filter(|d| d.document.label() == outlet)
            .count()
    };
    println!("\nclaims carried per outlet");
    let mut rows: Vec<(&String, usize)> = carried.iter().map(|(o, c)| (o, c.1.len())).collect();
    rows.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    for (outlet, count) in rows {
        println!(
            "{count:>7} claims  {:>5} articles  {outlet}",
            articles(outlet)
        );
    }
    if options.config.align.diff_and_framing {
        print_framing(comparison);
    }
}

/// The corpus-level views: what each outlet leaves out, the words it
/// favours, and how each pair of outlets words the same claims.
fn print_framing(comparison: &Comparison) {
    use framediff::diff::Category;
    println!("\ncoverage: claims two or more other outlets carry that an outlet leaves out");
    for outlet in &comparison.coverage.outlets {
        println!(
            "{:>7} omitted  {:>6} sentences no other outlet carries  {}",
            outlet.omitted.len(),
            outlet.exclusive,
            outlet.outlet
        );
    }
    println!("\ndistinctive words per outlet (log-odds with an informative prior, z-score)");
    for outlet in &comparison.distinctive {
        let words: Vec<String> = outlet
            .words
            .iter()
            .take(8)
            .map(|w| format!("{} {:.1}", w.forms.first().unwrap_or(&w.stem), w.z))
            .collect();
        println!("  {}: {}", outlet.outlet, words.join(", "));
    }
    println!("\nframing lexicon per outlet pair (named categories, most frequent first)");
    for pair in &comparison.lexicon.by_outlets {
        let rows: Vec<String> = pair
            .entries
            .iter()
            .filter(|e| e.category != Category::Other && e.count >= 2)
            .take(4)
            .map(|e| format!("{} → {} ({}, {}×)", e.a, e.b, e.category, e.count))
            .collect();
        if !rows.is_empty() {
            println!("  {} → {}: {}", pair.a, pair.b, rows.join(", "));
        }
    }
}

fn shorten(text: &str, chars: usize) -> String {
    let text = text.replace('\n', " ");
    match text.char_indices().nth(chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

fn write_json(comparison: &Comparison, path: &str) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    if path.ends_with(".jsonl") {
        return write_json_lines(comparison, file);
    }
    let mut out = BufWriter::new(file);
    serde_json::to_writer(&mut out, comparison)?;
    out.write_all(b"\n")?;
    out.flush()
}

fn write_json_lines(comparison: &Comparison, out: impl Write) -> std::io::Result<()> {
    let mut out = BufWriter::new(out);
    {
        let mut line = |tag: &str, value: serde_json::Value| -> std::io::Result<()> {
            serde_json::to_writer(&mut out, &serde_json::json!({ tag: value }))?;
            out.write_all(b"\n")
        };
        for d in &comparison.documents {
            line("document", serde_json::to_value(d)?)?;
        }
        for a in &comparison.alignments {
            line("alignment", serde_json::to_value(a)?)?;
        }
        for c in &comparison.claims {
            line("claim", serde_json::to_value(c)?)?;
        }
        for u in &comparison.unmatched {
            line("unmatched", serde_json::to_value(u)?)?;
        }
    }
    out.flush()
}
