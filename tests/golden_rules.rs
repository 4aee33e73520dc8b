//! The sentence-boundary "Golden Rules" of pySBD and Pragmatic Segmenter
//! (`../shared/data/sbd-golden-rules/`). French must pass in full; English
//! keeps a list of known failures so that any change either way is noticed.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use framediff::lang::Language;
use framediff::segment::Segmenter;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    id: String,
    lang: String,
    text: String,
    expected: Vec<String>,
}

/// English cases we knowingly fail.
const KNOWN_ENGLISH_FAILURES: &[&str] = &[
    // "6 P.M. Mr. Smith" must end a sentence where "5 a.m. Mr. Smith" must
    // not; pySBD marks the case xfail too.
    "GOLDEN_EN_RULES_TEST_CASES#018",
    "ps_golden_english#018",
    // Numbered or bulleted lists flattened onto one line, with no full stop
    // before the next item: finding those needs list detection.
    "GOLDEN_EN_RULES_TEST_CASES#031",
    "GOLDEN_EN_RULES_TEST_CASES#033",
    "GOLDEN_EN_RULES_TEST_CASES#035",
    "GOLDEN_EN_RULES_TEST_CASES#037",
    "GOLDEN_EN_RULES_TEST_CASES#038",
    "GOLDEN_EN_RULES_TEST_CASES#039",
    "ps_golden_english#031",
    "ps_golden_english#033",
    "ps_golden_english#035",
    "ps_golden_english#037",
    "ps_golden_english#038",
    "ps_golden_english#039",
    // A sentence continued across a line break: a line break always ends a
    // segment here (headlines and chrome sit on lines of their own).
    "ps_golden_english#040",
    "ps_golden_english#041",
];

fn load(path: &Path, lang: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str::<Case>(line).expect("a golden-rule case"))
        .filter(|case| case.lang.eq_ignore_ascii_case(lang))
        .collect()
}

/// The Pragmatic Segmenter README quotes its texts as Ruby string literals,
/// and the conversion kept the `\"` and `\n` escapes in `text` (not in
/// `expected`): undo them so the case tests what it was written to test.
fn unescape_ruby(case: &mut Case) {
    case.text = case.text.replace("\\\"", "\"").replace("\\n", "\n");
}

/// The ids of the cases the segmenter gets wrong, each reported on stderr.
fn failures(cases: &[Case], language: Language) -> BTreeSet<String> {
    let segmenter = Segmenter::new(language);
    let mut failed = BTreeSet::new();
    for case in cases {
        let got: Vec<&str> = segmenter
            .segment(&case.text)
            .iter()
            .map(|s| s.text(&case.text))
            .collect();
        let expected: Vec<&str> = case.expected.iter().map(|s| s.trim()).collect();
        if got != expected {
            eprintln!(
                "{}: {:?}\n  expected {expected:?}\n  got      {got:?}",
                case.id, case.text
            );
            failed.insert(case.id.clone());
        }
    }
    failed
}

#[test]
fn french_golden_rules_all_pass() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("data/sbd-golden-rules");
    let cases = load(
        &dir.join("pysbd_french__golden_fr_rules_test_cases.jsonl"),
        "french",
    );
    assert!(!cases.is_empty());
    let failed = failures(&cases, Language::French);
    println!(
        "French golden rules: {}/{} pass",
        cases.len() - failed.len(),
        cases.len()
    );
    assert!(failed.is_empty(), "French golden rules failed: {failed:?}");
}

#[test]
fn english_golden_rules_match_known_failures() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let dir = shared.join("data/sbd-golden-rules");
    let known: BTreeSet<String> = KNOWN_ENGLISH_FAILURES
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut failed = BTreeSet::new();
    for (file, label, ruby_escaped) in [
        (
            "pysbd_english__golden_en_rules_test_cases.jsonl",
            "pySBD",
            false,
        ),
        (
            "pragmatic_segmenter_readme_golden_rules.jsonl",
            "Pragmatic Segmenter",
            true,
        ),
    ] {
        let mut cases = load(&dir.join(file), "english");
        if ruby_escaped {
            cases.iter_mut().for_each(unescape_ruby);
        }
        assert!(!cases.is_empty(), "no English cases in {file}");
        let these = failures(&cases, Language::English);
        println!(
            "{label} English golden rules: {}/{} pass",
            cases.len() - these.len(),
            cases.len()
        );
        failed.extend(these);
    }
    let now_pass: Vec<_> = known.difference(&failed).collect();
    let new_failures: Vec<_> = failed.difference(&known).collect();
    assert!(
        now_pass.is_empty() && new_failures.is_empty(),
        "update KNOWN_ENGLISH_FAILURES: now passing {now_pass:?}, newly failing {new_failures:?}"
    );
}
