//! Inputs the fuzz targets (`fuzz/`) once failed on, replayed through the
//! same checks. Each file under `tests/fuzz_regressions/<target>/` is one
//! input, kept as the fuzzer wrote it.

mod invariants;

use std::path::PathBuf;

use framediff::{Document, Error};
use invariants::{assert_mirrors, compare_checked};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("regression directory")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).expect("read")))
        .collect()
}

/// As `fuzz_targets/corpus_from_bytes.rs`: the first byte picks a text
/// file (even) or a JSON Lines corpus (odd).
#[test]
fn corpus_from_bytes_regressions() {
    for (path, bytes) in inputs("corpus_from_bytes") {
        let Some((&mode, rest)) = bytes.split_first() else {
            continue;
        };
        let loaded = if mode % 2 == 0 {
            Document::from_bytes("fuzz.txt", rest).map(|d| vec![d])
        } else {
            framediff::parse_jsonl("fuzz.jsonl", rest)
        };
        match loaded {
            Ok(docs) => {
                compare_checked(docs);
            }
            Err(
                err @ (Error::InvalidUtf8 { .. } | Error::Jsonl { .. } | Error::DuplicateId { .. }),
            ) => {
                assert!(!err.to_string().is_empty(), "{}", path.display())
            }
            Err(other) => panic!("{}: unexpected error {other}", path.display()),
        }
    }
}

/// As `fuzz_targets/two_documents.rs`: two texts cut at the first NUL, or
/// in half.
#[test]
fn two_documents_regressions() {
    let cases = inputs("two_documents");
    assert!(!cases.is_empty());
    for (_, bytes) in cases {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let cut = text.find('\0').unwrap_or_else(|| {
            (text.len() / 2..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len())
        });
        assert_mirrors(&text[..cut], text[cut..].trim_start_matches('\0'));
    }
}
