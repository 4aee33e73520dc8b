//! Loading bad files: each comes back as a typed [`Error`] naming the
//! place, or loads exactly as given; none panics.

mod invariants;

use std::path::{Path, PathBuf};

use framediff::{Document, Error, parse_jsonl};
use invariants::compare_checked;

/// A fresh directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("framediff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn jsonl_error(bytes: &[u8]) -> (usize, String) {
    match parse_jsonl("corpus.jsonl", bytes) {
        Err(Error::Jsonl {
            path,
            line,
            message,
        }) => {
            assert_eq!(path, Path::new("corpus.jsonl"));
            (line, message)
        }
        other => panic!("expected a JSON Lines error, got {other:?}"),
    }
}

#[test]
fn invalid_utf8_names_the_file_and_byte() {
    // Latin-1 "é" in an otherwise UTF-8 article, as old exports have.
    let err = Document::from_bytes("corpus/rt.txt", b"Alep est tomb\xe9e.").unwrap_err();
    assert!(
        matches!(err, Error::InvalidUtf8 { offset: 13, ref path } if path == Path::new("corpus/rt.txt"))
    );
    assert_eq!(err.to_string(), "corpus/rt.txt: invalid UTF-8 at byte 13");
    // A multi-byte character cut off at the end of the file.
    let err = Document::from_bytes("cut.txt", b"caf\xc3").unwrap_err();
    assert!(matches!(err, Error::InvalidUtf8 { offset: 3, .. }));

    let dir = scratch("utf8");
    let file = dir.join("latin1.txt");
    std::fs::write(&file, b"Premi\xe8re ligne.\n").unwrap();
    let err = framediff::load_path(&file).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: invalid UTF-8 at byte 5", file.display())
    );
    let corpus = dir.join("c.jsonl");
    std::fs::write(
        &corpus,
        b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"\xff\"}\n",
    )
    .unwrap();
    let err = framediff::load_path(&corpus).unwrap_err();
    assert!(
        matches!(err, Error::InvalidUtf8 { offset: 47, ref path } if *path == corpus),
        "{err}"
    );
}

#[test]
fn byte_order_mark_is_kept_and_never_in_a_sentence() {
    let doc = Document::from_bytes("bom.txt", "\u{feff}Alep est tombée.\r\n".as_bytes()).unwrap();
    assert!(doc.text.starts_with('\u{feff}'));
    let cmp = compare_checked(vec![doc]);
    let s = &cmp.documents[0].sentences[0];
    assert_eq!((s.sentence.start, s.text.as_str()), (3, "Alep est tombée."));

    let corpus = "\u{feff}{\"id\": \"a\", \"text\": \"\u{feff}Texte.\"}".as_bytes();
    let docs = parse_jsonl("c.jsonl", corpus).unwrap();
    assert_eq!(docs[0].text, "\u{feff}Texte.");
}

#[test]
fn duplicate_ids_are_an_error_not_a_merge() {
    let corpus = b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": 7, \"text\": \"y\"}\n{\"id\": \"7\", \"text\": \"z\"}";
    let err = parse_jsonl("c.jsonl", corpus).unwrap_err();
    assert!(
        matches!(err, Error::DuplicateId { ref id, .. } if id == "7"),
        "{err}"
    );
    assert_eq!(err.to_string(), "c.jsonl: duplicate document id \"7\"");

    // Two files with the same stem in two directories.
    let dir = scratch("dup");
    for sub in ["rt", "afp"] {
        std::fs::create_dir(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("alep.txt"), "Alep est tombée.").unwrap();
    }
    let err = framediff::load_paths(&[dir.join("rt"), dir.join("afp")]).unwrap_err();
    assert!(
        matches!(err, Error::DuplicateId { ref id, .. } if id == "alep"),
        "{err}"
    );
}

#[test]
fn jsonl_record_without_text() {
    let (line, message) =
        jsonl_error(b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"body\": \"y\"}\n");
    assert_eq!(line, 2);
    assert!(message.contains("missing field `text`"), "{message}");
}

#[test]
fn jsonl_fields_of_the_wrong_type() {
    let cases: [(&[u8], &str); 7] = [
        (br#"{"id": "a", "text": 3}"#, "invalid type"),
        (br#"{"id": "a", "text": null}"#, "invalid type"),
        (br#"{"id": "a", "text": ["x"]}"#, "invalid type"),
        (br#"{"id": true, "text": "x"}"#, "a string or integer id"),
        (br#"{"id": -1, "text": "x"}"#, "a string or integer id"),
        (br#"{"id": "a", "text": "x", "outlet": 5}"#, "invalid type"),
        (br#"["a", "x"]"#, "expected a JSON object"),
    ];
    for (record, expected) in cases {
        let (line, message) = jsonl_error(record);
        assert_eq!(line, 1);
        assert!(message.contains(expected), "{record:?}: {message}");
    }
}

#[test]
fn jsonl_trailing_garbage_and_truncated_records() {
    let ok = "{\"id\": \"a\", \"text\": \"x\"}\n";
    for (bad, expected) in [
        (
            "{\"id\": \"b\", \"text\": \"y\"} junk",
            "trailing characters",
        ),
        ("{\"id\": \"b\", \"text\": \"y\"},", "trailing characters"),
        (
            "{\"id\": \"b\", \"text\": \"y\"}{\"id\": \"c\", \"text\": \"z\"}",
            "trailing characters",
        ),
        ("{\"id\": \"b\", \"text\": \"cut off", "EOF"),
    ] {
        let (line, message) = jsonl_error(format!("{ok}{bad}\n").as_bytes());
        assert_eq!(line, 2, "{bad}");
        assert!(message.contains(expected), "{bad}: {message}");
    }
}

#[test]
fn jsonl_blank_lines_are_skipped_and_still_counted() {
    let corpus =
        b"\n{\"id\": \"a\", \"text\": \"x\"}\r\n   \n\t\r\n{\"id\": \"b\", \"text\": \"y\"}\n\n";
    let docs = parse_jsonl("c.jsonl", corpus).unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let (line, _) = jsonl_error(b"\n\n{\"id\": \"a\", \"text\": \"x\"}\n\nnot json\n");
    assert_eq!(line, 5, "line numbers count the blank lines");
    assert!(parse_jsonl("c.jsonl", b"\n\n \n").unwrap().is_empty());
}

#[test]
fn nul_and_escapes_inside_jsonl_text_load_as_written() {
    let corpus = br#"{"id": "a", "text": "Alep\u0000 est tomb\u00e9e.\r\nHama r\u00e9siste."}"#;
    let docs = parse_jsonl("c.jsonl", corpus).unwrap();
    assert_eq!(docs[0].text, "Alep\0 est tombée.\r\nHama résiste.");
    let cmp = compare_checked(docs);
    assert_eq!(cmp.documents[0].sentences.len(), 2);
}

#[test]
fn empty_files_load_as_empty() {
    let dir = scratch("empty");
    std::fs::write(dir.join("vide.txt"), b"").unwrap();
    std::fs::write(dir.join("vide.jsonl"), b"").unwrap();
    let docs = framediff::load_path(dir.join("vide.txt")).unwrap();
    assert_eq!((docs[0].id.as_str(), docs[0].text.as_str()), ("vide", ""));
    assert!(
        framediff::load_path(dir.join("vide.jsonl"))
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        framediff::load_path(dir.join("absent.txt")),
        Err(Error::Io { .. })
    ));
}
