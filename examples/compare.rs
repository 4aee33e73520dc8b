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

use framediff::align::{Alignment, SentenceRef};
use framediff::lang::Language;
use framediff::{Comparison, Config};

const HELP: &str = "\
compare: which claims outlets share, and which they leave out

usage: compare [OPTIONS] [FILE.txt | DIR | CORPUS.jsonl]...

With no path, compares the five articles bundled in seeds/.

options:
  --lang fr|en      language of the articles (default: detected, else French)
  --threshold X     link score needed, 0-1 (default: the library's, 0.24)
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
            "--lang" => {
                let code = args.next().ok_or("--lang needs a value (fr or en)")?;
                let language: Language = code.parse().map_err(|e| format!("--lang: {e}"))?;
                options.config.language = Some(language);
            }
            "--threshold" => {
                let value = args.next().ok_or("--threshold needs a value")?;
                options.config.align.threshold = value
                    .parse()
                    .map_err(|_| format!("--threshold: {value:?} is not a number"))?;
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path => options.paths.push(path.to_string()),
        }
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
        let outlets = claim.sentences.len();
        println!("\n  claim {} · {outlets} outlets", claim.id + 1);
        for r in &claim.sentences {
            println!(
                "    {:<22} [{:>2}] {}",
                short(&label(&r.doc)),
                r.sentence,
                text(r)
            );
        }
        let mut terms: Vec<String> = Vec::new();
        for (i, x) in claim.sentences.iter().enumerate() {
            for y in &claim.sentences[i + 1..] {
                if let Some(a) =
                    by_pair.get(&(x.doc.clone(), x.sentence, y.doc.clone(), y.sentence))
                {
                    for m in &a.matched_terms {
                        let term = if m.a == m.b {
                            m.a.clone()
                        } else {
                            format!("{} ~ {}", m.a, m.b)
                        };
                        if !terms.contains(&term) {
                            terms.push(term);
                        }
                    }
                }
            }
        }
        if !terms.is_empty() {
            println!("    {:<22}      {}", "shared wording:", terms.join(", "));
        }
    }
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
    println!("\n(--json for every link with its score and matched terms; --help for options)");
}

fn short(label: &str) -> String {
    if label.chars().count() <= 22 {
        label.to_string()
    } else {
        label.chars().take(21).collect::<String>() + "…"
    }
}
