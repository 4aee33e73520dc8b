//! Each example, run as a person runs it (`cargo run --example NAME`), on
//! the bundled seeds, with its output checked.
//!
//! `cargo test` has already built the examples, so `cargo run` only checks
//! they are fresh; running them through cargo avoids guessing where the
//! target directory is.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEEDS: [&str; 5] = [
    "000_885aca47988b307a",
    "001_48f96e03df137f67",
    "002_68cebc7a3787a144",
    "003_c2ad19efbe191da2",
    "004_8a0eec867ab28d29",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run_example(name: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .current_dir(root())
        .args(["run", "--quiet", "--example", name, "--"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run cargo for example {name}: {e}"))
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "example failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn seed_text(id: &str) -> String {
    std::fs::read_to_string(root().join("seeds").join(format!("{id}.txt"))).expect("seed")
}

#[test]
fn compare_on_the_seeds_lists_shared_claims_and_each_outlet() {
    let out = stdout(&run_example("compare", &[]));
    assert!(out.starts_with("framediff: 5 articles, "), "{out}");
    assert!(out.contains("SHARED CLAIMS (in story order)"));
    assert!(out.contains("  claim 1 · "));
    assert!(out.contains("REPORTED BY ONE OUTLET ONLY"));
    for id in SEEDS {
        assert!(out.contains(&format!("\n  {id} · ")), "no section for {id}");
    }
}

#[test]
fn compare_json_carries_coverage_and_distinctive_words() {
    let out = stdout(&run_example("compare", &["--json"]));
    let json: serde_json::Value = serde_json::from_str(&out).expect("--json prints JSON only");
    let outlets = json["coverage"]["outlets"]
        .as_array()
        .expect("coverage.outlets");
    assert_eq!(outlets.len(), 5);
    assert_eq!(
        json["coverage"]["claims"].as_u64(),
        Some(json["claims"].as_array().unwrap().len() as u64)
    );
    let distinctive = json["distinctive"].as_array().expect("distinctive");
    assert_eq!(distinctive.len(), 5);
    assert!(
        distinctive
            .iter()
            .all(|o| o["words"][0]["z"].as_f64() > Some(0.0))
    );
}

#[test]
fn compare_html_writes_the_report_and_says_where() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("examples-report.html");
    let _ = std::fs::remove_file(&path);
    let path_arg = path.to_str().expect("UTF-8 path");
    let out = stdout(&run_example("compare", &["--html", path_arg]));
    assert!(
        out.contains(&format!("report written to {path_arg}")),
        "{out}"
    );
    let page = std::fs::read_to_string(&path).expect("report written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    for id in SEEDS {
        assert!(page.contains(id), "{id} missing from the report");
    }

    // With --json, stdout stays pure JSON and the note goes to stderr.
    let output = run_example("compare", &["--json", "--html", path_arg]);
    serde_json::from_str::<serde_json::Value>(&stdout(&output)).expect("JSON only on stdout");
    assert!(String::from_utf8_lossy(&output.stderr).contains("report written to"));
}

#[test]
fn compare_explains_itself_and_its_errors() {
    let help = stdout(&run_example("compare", &["--help"]));
    assert!(help.contains("usage: compare") && help.contains("--html PATH"));

    let missing = run_example("compare", &["no/such/article.txt"]);
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("no/such/article.txt"),
        "error does not name the path: {err}"
    );

    let no_path = run_example("compare", &["--html"]);
    assert_eq!(no_path.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_path.stderr).contains("--html needs a file path"));
}

#[test]
fn align_pair_prints_the_pairs_of_two_texts() {
    let out = stdout(&run_example("align_pair", &[]));
    assert!(out.contains("a[0] Les terroristes ont lancé une attaque contre Alep."));
    assert!(out.contains("same thing, other words: terroristes ~ rebelles"));
    assert!(out.contains("only in a: Damas dément."));
    assert!(
        out.contains("  [terroristes→rebelles actor_label]"),
        "{out}"
    );
    assert!(out.contains("  [ont→auraient hedging]"), "{out}");
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let shown = readme
        .split("It prints:\n\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README shows what align_pair prints");
    assert_eq!(shown, out, "README's output of align_pair is out of date");
}

#[test]
fn align_pair_on_two_seeds_prints_their_own_sentences() {
    let (a, b) = (seed_text(SEEDS[0]), seed_text(SEEDS[1]));
    let out = stdout(&run_example("align_pair", &[&a, &b]));
    let mut pairs = 0;
    for line in out.lines() {
        let (text, prefix) = if let Some(rest) = line.strip_prefix("a[") {
            (rest, &a)
        } else if let Some(rest) = line.strip_prefix("b[") {
            (rest, &b)
        } else {
            continue;
        };
        let sentence = &text[text.find("] ").expect("index") + 2..];
        assert!(
            prefix.contains(sentence),
            "not a sentence of its seed: {sentence}"
        );
        pairs += 1;
    }
    assert!(
        pairs >= 10,
        "only {pairs} aligned sentences printed:\n{out}"
    );
}

#[test]
fn evaluate_scores_the_seeds_against_the_dev_gold() {
    if common::shared_dir().is_none() {
        return;
    }
    let out = stdout(&run_example("evaluate", &[]));
    let line = out
        .lines()
        .find(|l| l.starts_with("framediff (defaults)"))
        .expect("a framediff line");
    let f1: f64 = line
        .split("F1 ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|f| f.parse().ok())
        .expect("an F1 figure");
    assert!((0.0..=1.0).contains(&f1) && f1 > 0.3, "{line}");
}

#[test]
fn the_readme_shows_align_pair_as_it_is() {
    let example = std::fs::read_to_string(root().join("examples/align_pair.rs")).expect("example");
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let code = &example[example.find("use framediff").expect("code")..];
    assert!(
        readme.contains(&format!("```rust\n{code}```")),
        "README's align_pair code differs from examples/align_pair.rs"
    );
}

/// The README's excerpt of `compare` is what `compare` prints: its lines
/// are lines of the output, in the same order, a line cut short with "…"
/// the start of one, and a claim's header is followed by the claim's own
/// first sentence. When the seeds' links change, the excerpt's counts or
/// claim numbers usually do too, and this test asks for the excerpt (and
/// the paragraph after it, which names claims by number) to be read again.
#[test]
fn the_readme_shows_compare_as_it_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let start = readme.find("```text\nframediff: ").expect("the excerpt") + "```text\n".len();
    let excerpt = &readme[start..start + readme[start..].find("```").expect("its end")];
    let out = stdout(&run_example("compare", &[]));
    let lines: Vec<&str> = out.lines().collect();
    let mut at = 0;
    let mut after_claim_header = false;
    for line in excerpt.lines() {
        let cut = line.find('…');
        let shown = match cut {
            Some(cut) => line[..cut].trim_end_matches(['·', ',', ' ']),
            None => line,
        };
        if shown.trim().is_empty() {
            after_claim_header = false;
            continue;
        }
        let matches = |l: &str| match cut {
            Some(_) => l.starts_with(shown),
            None => l == line,
        };
        let found = if after_claim_header {
            lines.get(at).filter(|l| matches(l)).map(|_| at)
        } else {
            lines[at..].iter().position(|l| matches(l)).map(|i| at + i)
        };
        let Some(found) = found else {
            panic!(
                "README's excerpt of compare is out of date (update it and the paragraph after it): {line:?}"
            );
        };
        at = found + 1;
        after_claim_header = line.starts_with("  claim ") && line.contains(" · ");
    }
}

#[test]
fn an_example_ends_quietly_when_its_reader_goes_away() {
    // `compare | head -1`: the reader is gone before the report is written.
    let mut child = Command::new(env!("CARGO"))
        .current_dir(root())
        .args(["run", "--quiet", "--example", "compare"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("cargo runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("example ends");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
}

#[test]
fn allsides_compares_framediff_with_the_baseline_and_shows_links_across_events() {
    if common::shared_dir().is_none() {
        return;
    }
    let out = stdout(&run_example("allsides", &["--errors", "2"]));
    for expected in [
        "framediff pair score",
        "TF-IDF cosine (notebook)",
        "framediff (defaults)",
        "framediff, 2 links a pair",
        "2 of the",
    ] {
        assert!(out.contains(expected), "no {expected:?} in:\n{out}");
    }
    assert_eq!(
        out.lines().filter(|l| l.starts_with("- ")).count(),
        2,
        "{out}"
    );
    let wrong = run_example("allsides", &["--errors", "many"]);
    assert!(!wrong.status.success());
}

#[test]
fn in_corpus_explains_itself_and_refuses_a_bad_number() {
    let help = stdout(&run_example("in_corpus", &["--help"]));
    assert!(help.contains("--top-k"), "{help}");
    assert!(help.contains("--min-document-links"), "{help}");
    let wrong = run_example("in_corpus", &["--top-k", "many"]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("--top-k"));
}

#[test]
fn pooled_scores_every_story_alone_and_in_one_run() {
    let help = stdout(&run_example("pooled", &["--help"]));
    assert!(help.contains("--min-document-links"), "{help}");
    let wrong = run_example("pooled", &["--min-document-links", "many"]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("--min-document-links"));
    if common::shared_dir().is_none() {
        return;
    }
    let out = stdout(&run_example("pooled", &["--min-document-links", "2"]));
    for expected in [
        "56 articles in one run",
        "2 or more a pair",
        "dev ",
        "heldout-fr-7",
        "mean of the 16 stories",
    ] {
        assert!(out.contains(expected), "no {expected:?} in:\n{out}");
    }
}

/// Of the bias spans BASIL's people marked in sentences framediff aligns,
/// the share that overlaps a difference it reports (0.939 when written:
/// 276 of 294) and that lies wholly inside one (0.782: 230).
#[test]
fn basil_bias_spans_fall_in_reported_differences() {
    if common::shared_dir().is_none() {
        return;
    }
    let out = stdout(&run_example("basil", &[]));
    let share = |label: &str| -> f64 {
        let line = out
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("no {label:?} in:\n{out}"));
        line.rsplit('(')
            .next()
            .and_then(|s| s.trim_end_matches(')').parse().ok())
            .unwrap_or_else(|| panic!("no share in {line:?}"))
    };
    let overlapping = share("overlapping a reported");
    let inside = share("wholly inside");
    assert!(overlapping >= 0.93, "{overlapping}");
    assert!(inside >= 0.775, "{inside}");
}

#[test]
fn corpus_keeps_fewer_alignments_when_two_articles_must_share_two_links() {
    let dir = std::env::temp_dir().join(format!("framediff-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("seeds.jsonl");
    let lines: Vec<String> = [
        "000_885aca47988b307a",
        "001_48f96e03df137f67",
        "004_8a0eec867ab28d29",
    ]
    .iter()
    .map(|id| serde_json::json!({ "id": id, "text": seed_text(id) }).to_string())
    .collect();
    std::fs::write(&path, lines.join("\n")).expect("writes the corpus");
    let kept = |minimum: &str| -> usize {
        let path = path.to_str().expect("a UTF-8 path");
        let out = stdout(&run_example(
            "corpus",
            &[path, "--alignment-only", "--min-document-links", minimum],
        ));
        let line = out
            .lines()
            .find(|l| l.starts_with("alignments kept"))
            .unwrap_or_else(|| panic!("no alignment count in:\n{out}"));
        line.split_whitespace()
            .last()
            .and_then(|n| n.parse().ok())
            .expect("a count")
    };
    // 000 and 001 share many claims; 004 shares few with either.
    let (one, many) = (kept("1"), kept("5"));
    assert!(many > 0 && many < one, "{many} of {one}");
    let wrong = run_example("corpus", &["--min-document-links", "many"]);
    assert!(!wrong.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The link model's default weights are what `fit_link_model` fits on the
/// annotated stories: a change to the pipeline that moves the evidence
/// fails here until the model is fitted again (paste the constants it
/// prints into `src/align/model.rs`).
#[test]
fn the_default_link_model_is_the_fitted_one() {
    if common::shared_dir().is_none() {
        return;
    }
    let out = stdout(&run_example("fit_link_model", &[]));
    let value = |name: &str| -> Vec<f32> {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("const {name}")))
            .unwrap_or_else(|| panic!("no {name} in:\n{out}"));
        let value = line.split(" = ").nth(1).expect("a value");
        value
            .trim_end_matches(';')
            .trim_matches(['[', ']'])
            .split(", ")
            .map(|x| x.parse().expect("a number"))
            .collect()
    };
    let model = framediff::align::LinkModel::default();
    let fitted: Vec<f32> = value("FITTED_BIAS")
        .into_iter()
        .chain(value("FITTED_WEIGHTS"))
        .collect();
    let ours: Vec<f32> = std::iter::once(model.bias).chain(model.weights).collect();
    assert_eq!(fitted.len(), ours.len());
    for (fit, default) in fitted.iter().zip(&ours) {
        assert!(
            (fit - default).abs() <= 1e-4 * fit.abs().max(1.0),
            "the fit gives {fitted:?}, the default holds {ours:?}: fit the model again"
        );
    }
}
