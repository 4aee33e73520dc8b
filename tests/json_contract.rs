//! The JSON a comparison serialises to keeps the field names the `compare
//! --json` contract promises, and reads back.

use framediff::{Comparison, Config};

#[test]
fn comparison_json_keeps_contract_fields() {
    let docs = framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds");
    let cmp = Comparison::new(docs, &Config::default()).expect("comparison");
    let json = serde_json::to_value(&cmp).expect("serialise");

    let doc = &json["documents"][0];
    assert_eq!(doc["id"], "000_885aca47988b307a");
    let sentence = &doc["sentences"][0];
    for field in ["index", "start", "end", "kind", "text"] {
        assert!(!sentence[field].is_null(), "sentence.{field} missing");
    }
    assert_eq!(sentence["kind"], "title");
    assert_eq!(sentence["text"], "Le Kremlin réitère son soutien à Assad");

    let link = &json["alignments"][0];
    for field in ["a", "b", "score", "relation", "matched_terms"] {
        assert!(!link[field].is_null(), "alignment.{field} missing");
    }
    assert!(link["a"]["doc"].is_string() && link["a"]["sentences"].is_array());
    assert!(["same", "partial"].contains(&link["relation"].as_str().unwrap()));

    let claim = &json["claims"][0];
    assert!(claim["id"].is_u64());
    assert!(claim["sentences"][0]["doc"].is_string() && claim["sentences"][0]["sentence"].is_u64());
    assert!(json["unmatched"][0]["doc"].is_string());

    assert_eq!(
        json["coverage"]["outlets"][0]["outlet"],
        "000_885aca47988b307a"
    );
    assert!(json["coverage"]["outlets"][0]["omitted"].is_array());
    assert!(json["distinctive"][0]["words"][0]["forms"][0].is_string());

    let with_differences = json["alignments"]
        .as_array()
        .expect("alignments")
        .iter()
        .find(|l| l["differences"].as_array().is_some_and(|d| !d.is_empty()))
        .expect("an alignment with differences");
    let difference = &with_differences["differences"][0];
    assert!(
        ["substitution", "addition", "omission"].contains(&difference["kind"].as_str().unwrap())
    );
    assert!(difference["category"].is_string());
    assert!(difference["a_span"].is_array() || difference["b_span"].is_array());
    let entry = &json["lexicon"]["overall"][0];
    for field in ["a", "b", "category", "count", "examples"] {
        assert!(!entry[field].is_null(), "lexicon entry {field} missing");
    }
    assert!(json["lexicon"]["by_outlets"][0]["entries"].is_array());
    let certainty = &json["certainty"][0];
    assert!(certainty["claim"].is_u64());
    assert!(certainty["outlets"][0]["stance"].is_string());

    let back: Comparison = serde_json::from_value(json).expect("deserialise");
    assert_eq!(back.coverage, cmp.coverage);
    assert_eq!(back.lexicon, cmp.lexicon);
    assert_eq!(back.certainty, cmp.certainty);
    assert_eq!(back.alignments, cmp.alignments);
    assert_eq!(back.claims, cmp.claims);
}

#[test]
fn sentence_offsets_index_the_loaded_text() {
    let docs = framediff::load_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).expect("seeds");
    let cmp = Comparison::new(docs, &Config::default()).expect("comparison");
    for doc in &cmp.documents {
        for s in &doc.sentences {
            assert_eq!(&doc.document.text[s.sentence.span()], s.text);
        }
    }
}

#[test]
fn duplicate_ids_are_an_error_not_a_merge() {
    let docs = vec![
        framediff::Document::new("a", "Alep est tombée."),
        framediff::Document::new("a", "Hama résiste."),
    ];
    let err = Comparison::new(docs, &Config::default()).unwrap_err();
    assert!(matches!(err, framediff::Error::DuplicateId { ref id, .. } if id == "a"));
}
