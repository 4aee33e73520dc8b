//! Bytes in, as a text file or a JSON Lines corpus: load, segment,
//! analyse, vectorise, align, diff, serialise, render the HTML report.
//! Anything but a typed error or a comparison that keeps the invariants the
//! tests check (`tests/invariants`) is a bug.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use framediff::{Comparison, Config, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // The first byte picks how the rest is read.
    let Some((&mode, rest)) = bytes.split_first() else {
        return;
    };
    let docs = if mode % 2 == 0 {
        match Document::from_bytes("fuzz.txt", rest) {
            Ok(doc) => vec![doc],
            Err(_) => return,
        }
    } else {
        match framediff::parse_jsonl("fuzz.jsonl", rest) {
            Ok(docs) => docs,
            Err(err) => {
                assert!(!err.to_string().is_empty());
                return;
            }
        }
    };
    let cmp = Comparison::new(docs.clone(), &Config::default()).expect("valid documents compare");
    invariants::assert_invariants(&docs, &cmp);
});
