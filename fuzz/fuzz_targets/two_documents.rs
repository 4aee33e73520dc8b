//! Two documents from one input, cut at the first NUL byte (or in half):
//! exercises alignment between texts that share words, then checks that
//! the comparison of (a, b) mirrors the comparison of (b, a).
#![no_main]

use framediff::{Comparison, Config, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let cut = text.find('\0').unwrap_or_else(|| {
        (text.len() / 2..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len())
    });
    let (a, b) = (&text[..cut], text[cut..].trim_start_matches('\0'));
    let forward = vec![Document::new("a", a), Document::new("b", b)];
    let backward = vec![Document::new("b", b), Document::new("a", a)];
    let config = Config::default();
    let ab = Comparison::new(forward, &config).expect("compare");
    let ba = Comparison::new(backward, &config).expect("compare");
    // Each link as (a's sentences, b's sentences, score), in one order.
    let links = |cmp: &Comparison| {
        let mut links: Vec<(Vec<usize>, Vec<usize>, f32)> = cmp
            .alignments
            .iter()
            .map(|l| {
                assert!((0.0..=1.0).contains(&l.score));
                let (sa, sb) = if l.a.doc == "a" { (&l.a, &l.b) } else { (&l.b, &l.a) };
                (sa.sentences.clone(), sb.sentences.clone(), l.score)
            })
            .collect();
        links.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
        links
    };
    let (forward, backward) = (links(&ab), links(&ba));
    assert_eq!(forward.len(), backward.len(), "{forward:?} vs {backward:?}");
    for (x, y) in forward.iter().zip(&backward) {
        assert_eq!((&x.0, &x.1), (&y.0, &y.1), "pairs mirror");
        assert!((x.2 - y.2).abs() < 1e-5, "{} vs {}", x.2, y.2);
    }
    let json = serde_json::to_string(&ab).expect("serialise");
    assert!(serde_json::from_str::<Comparison>(&json).is_ok());
});
