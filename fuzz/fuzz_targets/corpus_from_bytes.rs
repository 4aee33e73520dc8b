//! Bytes in, as a text file or a JSON Lines corpus: load, segment,
//! analyse, vectorise, align, serialise. Anything but a typed error or a
//! comparison whose JSON reads back is a bug.
#![no_main]

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
    let cmp = Comparison::new(docs, &Config::default()).expect("valid documents compare");
    check(&cmp);
});

fn check(cmp: &Comparison) {
    for doc in &cmp.documents {
        let text = &doc.document.text;
        let mut covered_to = 0;
        for s in &doc.sentences {
            assert!(covered_to <= s.sentence.start && s.sentence.start < s.sentence.end);
            assert!(text[covered_to..s.sentence.start].chars().all(framediff::segment::is_blank));
            assert_eq!(&text[s.sentence.span()], s.text);
            covered_to = s.sentence.end;
        }
        assert!(text[covered_to..].chars().all(framediff::segment::is_blank));
    }
    let json = serde_json::to_string(cmp).expect("serialise");
    let back: Comparison = serde_json::from_str(&json).expect("read back");
    assert_eq!(back.alignments, cmp.alignments);
}
